"""Round 11: mechanisms of the parties, subject, amount, dispute and quote families, tested on new phrasings
(colloquial 个体户 dispute lines, scanned model forms whose boxes OCR reads as 口/回, quote forms whose
validity label and value stand on separate lines). Clean texts a careful reviewer passes, defective ones that
must still be found."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import lint_text
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import normalize


def loud(text: str, family: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=(family,))) if f.severity >= Severity.WARNING]


HEAD = "卖方：寿光市绿源育苗场（个体工商户）\n买方：王秀芹\n一、买番茄嫁接苗 1000 株，单价 1 元。\n"
TAIL = "三、本合同签字后生效。\n"


# -- dispute: a court named with the verbs people use for suing -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "吵起来先商量，谈不拢去寿光市人民法院告。",
        "闹矛盾了就上县法院讨个说法。",
        "有纠纷先商量，实在不行就告到卖方那边的法院。",
        "扯皮了先坐下来谈，谈不好去镇上的法院告状。",
        "有分歧的，找乙方所在地法院评理。",
        "有纠纷双方商量，商量不好就去法院。",
    ],
)
def test_colloquial_court_lines_are_a_dispute_clause(line: str) -> None:
    assert "dispute/no-dispute-clause" not in loud(HEAD + "二、" + line + "\n" + TAIL, "dispute")


@pytest.mark.parametrize(
    "line", ["双方有纠纷协商解决。", "有争议的，由法院告知双方结果。", "吵起来先商量着办。"]
)
def test_talk_only_or_a_court_that_only_informs_is_no_dispute_clause(line: str) -> None:
    assert "dispute/no-dispute-clause" in loud(HEAD + "二、" + line + "\n" + TAIL, "dispute")


def test_colloquial_arbitration_and_court_is_both() -> None:
    line = "谈不拢去潍坊仲裁委员会仲裁，也可以去寿光市人民法院告。"
    assert "dispute/arbitration-and-court" in loud(HEAD + "二、" + line + "\n" + TAIL, "dispute")


# -- dispute: boxes of a scanned form (口 for □, 回 for ☑) -------------------------------------------------


def _scanned(lines: list[str]) -> Document:
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(index=i, page=1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"ocr": [1]})


def _lint_doc(doc: Document) -> list[str]:
    from contractkit.lint import lint_document

    return [
        f.rule for f in lint_document(doc, Settings(select=("dispute",))) if f.severity >= Severity.WARNING
    ]


FORM = [
    "卖方：青岛海冷制冷设备有限公司",
    "买方：青岛黄岛惠民超市有限公司",
    "一、标的：卧式冷柜 6 台，共 36000 元。",
]


@pytest.mark.parametrize(
    "line",
    [
        "十、争议解决:口仲裁(由二仲裁委员会仲裁) ” 回诉讼〈向青岛市黄岛区人民法院起诉)。",
        "十、争议解决：口 仲裁（由／仲裁委员会仲裁）；回 诉讼（向青岛市黄岛区人民法院起诉）",
        "争议解决方式:回向买方所在地人民法院起诉 口提交青岛仲裁委员会仲裁",
    ],
)
def test_a_scanned_form_with_one_box_ticked_is_one_way(line: str) -> None:
    assert _lint_doc(_scanned([*FORM, line, "十一、本合同自双方签章之日起生效。"])) == []


def test_a_scanned_form_with_arbitration_ticked_and_the_commission_struck_out() -> None:
    line = "十、争议解决:回仲裁(由一仲裁委员会仲裁) ” 口诉讼〈向青岛市黄岛区人民法院起诉)。"
    assert "dispute/arbitration-no-commission" in _lint_doc(_scanned([*FORM, line]))


def test_a_scanned_form_with_both_boxes_ticked_is_still_both() -> None:
    line = "十、争议解决:回仲裁(由青岛仲裁委员会仲裁) ” 回诉讼(向青岛市黄岛区人民法院起诉)。"
    assert "dispute/arbitration-and-court" in _lint_doc(_scanned([*FORM, line]))


def test_a_mouth_inside_a_word_is_no_box() -> None:
    # 出口 / 入口 are words, not boxes: the clause offers both ways
    line = "进出口争议：可提交青岛仲裁委员会仲裁，也可以向入口所在地青岛市黄岛区人民法院起诉。"
    assert "dispute/arbitration-and-court" in _lint_doc(_scanned([*FORM, line]))


def test_a_struck_out_commission_ticked_on_a_typed_form() -> None:
    text = (
        "卖方：北京甲有限公司\n买方：北京乙有限公司\n一、标的：钢管100吨，共100000元。\n二、争议解决：\n"
        "☑提交／仲裁委员会仲裁；□向甲方所在地人民法院起诉\n"
    )
    assert "dispute/arbitration-no-commission" in loud(text, "dispute")


def test_both_boxes_ticked_on_separate_lines_is_reported_at_the_arbitration_box() -> None:
    text = (
        "卖方：合肥甲有限公司\n买方：合肥乙有限公司\n一、标的：货架 20 组，共 30000 元。\n八、争议解决\n"
        "☑向甲方住所地人民法院起诉\n☑提交合肥仲裁委员会仲裁\n"
    )
    found = [
        f for f in lint_text(text, Settings(select=("dispute",))) if f.rule == "dispute/arbitration-and-court"
    ]
    assert len(found) == 1 and "仲裁委员会" in found[0].snippet


def test_a_colloquial_court_is_placed_by_its_name_not_the_words_before_it() -> None:
    seats = (
        "卖方：寿光市绿源育苗场，住所：山东省寿光市洛城街道东斟灌村\n"
        "买方：王秀芹，住址：山东省寿光市孙家集街道三元朱村\n一、番茄苗 1000 株，单价 1 元。\n"
    )
    near = seats + "二、吵起来先商量，谈不拢去寿光市人民法院告。\n"
    far = seats + "二、吵起来先商量，谈不拢去杭州市西湖区人民法院告。\n"
    assert "dispute/court-without-connection" not in loud(near, "dispute")
    assert "dispute/court-without-connection" in loud(far, "dispute")


# -- subject: the goods' quality set by the specs of the item table ---------------------------------------

GOODS = (
    "卖方：寿光市文家暖棚设备有限公司\n买方：寿光市春来家庭农场\n一、货物\n品名 规格 数量 单价\n"
    "保温被 克重1500克/平方米 64床 1150.00\n"
)
END = "二、有争议向寿光市人民法院起诉。\n"


@pytest.mark.parametrize(
    "line",
    [
        "质量：保温被符合上表规格，缝合牢固。",
        "货物按本表技术参数供货。",
        "卷帘机应达到清单中的参数要求。",
        "产品质量满足上表所述技术要求。",
        "质量按上表执行。",
        "品质以明细表所列规定为准。",
    ],
)
def test_quality_by_the_table_above_is_a_standard(line: str) -> None:
    assert "subject/no-quality-standard" not in loud(GOODS + line + "\n" + END, "subject")


@pytest.mark.parametrize("line", ["质量：好。", "价格按上表执行。", "数量以清单为准。", "上表金额含税。"])
def test_the_table_cited_for_price_or_quantity_sets_no_quality(line: str) -> None:
    assert "subject/no-quality-standard" in loud(GOODS + line + "\n" + END, "subject")


# -- quote: a validity label and its value on lines of their own (a form cell a PDF splits) ---------------

QUOTE = (
    "报价单\n报价单号：BJ-2026-001\n卖方：苏州柯菲诺商用咖啡设备有限公司\n客户：上海瑞庭酒店管理有限公司\n"
    "1 咖啡机 4 台 40,600.00 5% 38,570.00 154,280.00\n"
)


@pytest.mark.parametrize(
    "rows",
    [
        "报价有效期\nValid until\n2026 年 3 月 25 日(逾期须重新确认价格)",
        "报价有效期\n30 日",
        "Validity 报价有效期\n自报价日起 30 天",
        "有效期：\n2026-04-30",
        "Valid until\n报价有效期\n2026年5月1日前",
    ],
)
def test_a_validity_value_on_the_line_below_its_label(rows: str) -> None:
    assert "quote/no-validity" not in loud(QUOTE + rows + "\n", "quote")


@pytest.mark.parametrize(
    "rows",
    [
        "报价有效期\nValid until\n另行通知",
        "报价有效期\n交货期\n30 日",
        "报价有效期",
        "报价有效期\n付款方式\n预付 30%",
    ],
)
def test_a_validity_label_with_no_term_below_is_no_validity(rows: str) -> None:
    assert "quote/no-validity" in loud(QUOTE + rows + "\n", "quote")


# -- subject/vague-quantity: a sum rounded is no quantity; counts headed by what is counted; split cells ---

SELL = "卖方：东莞港晶光学元件有限公司\n买方：苏州瑞视智能科技有限公司\n一、标的\n"


@pytest.mark.parametrize(
    "line",
    [
        "镀膜机 1 台，合同总价人民币 1,860,000.00 元（约 186 万元），大写：人民币壹佰捌拾陆万元整。",
        "滤光片 40,000 片，总价 58,000.00 元，约合人民币 5.8 万元。",
        "透镜 20,000 片，货款合计 157,000.00 元（约¥15.7万元）。",
        "模组 500 套，金额共计伍万元整，约 5 万元。",
        "透镜 20,000 片，单价 7.85 元，总价 157,000.00 元（约 15.7 万元）。",
    ],
)
def test_a_sum_rounded_after_its_exact_figure_is_no_vague_quantity(line: str) -> None:
    assert "subject/vague-quantity" not in loud(SELL + line + "\n", "subject")


@pytest.mark.parametrize(
    "line",
    [
        "透镜约 20,000 片，总价 157,000.00 元。",
        "采购镜片约两万片，价格另议。",
        "滤光片 40,000 片左右，总价 58,000.00 元（约 5.8 万元）。",
    ],
)
def test_an_approximate_count_beside_a_sum_is_still_vague(line: str) -> None:
    assert "subject/vague-quantity" in loud(SELL + line + "\n", "subject")


@pytest.mark.parametrize("head", ["株数", "棵数", "片数", "台数", "只数"])
def test_a_count_column_named_by_what_it_counts_is_a_quantity_column(head: str) -> None:
    text = (
        "供苗方：潍坊沃丰种苗有限公司\n订苗方：青州市众诚蔬菜专业合作社\n"
        f"代码\t品种\t{head}\t单价（元）\t金额（元）\n"
        "P01\t番茄嫁接苗\t约36000\t1.10\t39600.00\nP03\t辣椒嫁接苗\t12000\t1.15\t13800.00\n"
    )
    assert "subject/vague-quantity" in loud(text, "subject")
    assert "subject/vague-quantity" not in loud(text.replace("约36000", "36000"), "subject")


def _pdf_lines(lines: list[str]) -> Document:
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(index=i, page=1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="order.pdf", kind="pdf", blocks=blocks, meta={})


TABLE_HEAD = [
    "甲方：苏州瑞视智能科技有限公司",
    "乙方：东莞港晶光学元件有限公司",
    "一、产品、数量及价格",
    "序号 品名及型号 规格 数量 单价 金额",
    "A VL-G1 模造玻璃非球面透镜 外径 Φ6.50mm",
]


@pytest.mark.parametrize("cell", [["约", "40,000", "片"], ["約", "40,000片"], ["大约", "40,000", "片"]])
def test_an_approximate_quantity_cell_read_line_by_line_is_vague(cell: list[str]) -> None:
    doc = _pdf_lines([*TABLE_HEAD, *cell, "7.85 314,000.00", "合计 314,000.00"])
    from contractkit.lint import lint_document

    rules = [f.rule for f in lint_document(doc, Settings(select=("subject",)))]
    assert "subject/vague-quantity" in rules


def test_an_exact_quantity_cell_read_line_by_line_is_not_vague() -> None:
    doc = _pdf_lines([*TABLE_HEAD, "40,000", "片", "7.85 314,000.00", "约定：合计 314,000.00"])
    from contractkit.lint import lint_document

    rules = [f.rule for f in lint_document(doc, Settings(select=("subject",)))]
    assert "subject/vague-quantity" not in rules


# -- amount/table-total-mismatch: a PDF row whose quantity stands on the line above its price and amount --

NET_HEAD = [
    "甲方：青州市谭坊镇南段村刘长河种植场",
    "乙方：昌乐县宝丰农业设施有限公司",
    "1. 货物品名 规格 数量 单价",
    "(元)",
    "金额(元)防虫网 40 目,HDPE 单丝,幅宽 3 米,白色",
    "6000 平方",
    "米",
    "2.80 16800.00遮阳网 遮阳率 70%,3 针,黑色 5000 平方",
    "米",
    "1.60 8000.00手动卷膜器 镀锌钢,摇把式",
]


def _amount_rules(lines: list[str]) -> list[str]:
    from contractkit.lint import lint_document

    return [f.rule for f in lint_document(_pdf_lines(lines), Settings(select=("amount",)))]


@pytest.mark.parametrize(
    "last",
    [
        ["120 个 28.00 3360.00合计 — — — 28160.00总价共计人民币贰万捌仟壹佰陆拾元整(28160.00 元)。"],
        ["120 个 28.00 3360.00", "合计 28160.00"],
        ["120 个 28.00 3,360.00合计 28,160.00 元"],
    ],
)
def test_rows_whose_quantity_is_on_the_line_above_add_up(last: list[str]) -> None:
    assert "amount/table-total-mismatch" not in _amount_rules([*NET_HEAD, *last])


def test_rows_read_across_lines_that_do_not_add_up_are_reported() -> None:
    lines = [*NET_HEAD, "120 个 28.00 3360.00合计 — — — 29160.00总价共计人民币贰万玖仟壹佰陆拾元整。"]
    assert "amount/table-total-mismatch" in _amount_rules(lines)


def test_a_row_across_lines_whose_figures_disagree_leaves_the_table_unread() -> None:
    # 6000 × 2.80 is not 16900.00: the quantity above is not this row's, the table is not all read
    lines = [*NET_HEAD, "120 个 28.00 3360.00合计 28260.00"]
    lines[7] = lines[7].replace("16800.00", "16900.00")
    assert "amount/table-total-mismatch" not in _amount_rules(lines)


# -- quote/discount-without-approval: approvals recorded as fields (销售经理审批：张晓楠) -------------------

OFFER = (
    "报价单\n报价单号：BJ-2026-001\n报价有效期：30 天\n"
    "卖方：南昌美佳商用家具有限公司\n客户：江西惠友超市有限公司\n"
    "折扣政策：销售代表可给予不超过 8%的折扣，超过 8%的须经销售经理和销售总监书面审批。\n本次给予折扣10%。\n"
)


@pytest.mark.parametrize(
    "record",
    [
        "审批记录：销售经理审批：张晓楠（2026年11月30日）；销售总监审批：刘振华（2026年12月1日）。",
        "销售经理审核：张晓楠 2026-11-30；销售总监签批：刘振华 2026-12-01",
        "审批：销售经理 张晓楠（11月30日） 销售总监 刘振华（12月1日）",
        "销售经理审批：张晓楠；销售总监审批：刘振华",
        "二、审批记录：销售总监审批：刘振华；销售经理审批：张晓楠。",
    ],
)
def test_approvals_recorded_as_fields_cover_the_discount(record: str) -> None:
    assert "quote/discount-without-approval" not in loud(OFFER + record + "\n", "quote")


@pytest.mark.parametrize(
    "record",
    [
        "审批记录：销售经理审批：张晓楠（2026年11月30日）；销售总监审批：／。",
        "销售经理审批：张晓楠；销售总监审批：____",
        "审批记录：销售经理审批：张晓楠（2026年11月30日）。",
        "审批：销售经理 张晓楠，销售总监 未签",
        "审批记录：销售经理审批：—；销售总监审批：—",
    ],
)
def test_a_missing_or_blank_approval_field_is_still_reported(record: str) -> None:
    found = [
        f
        for f in lint_text(OFFER + record + "\n", Settings(select=("quote",)))
        if f.rule == "quote/discount-without-approval"
    ]
    assert len(found) == 1 and "销售总监" in found[0].message


def test_a_blank_approval_field_is_where_the_finding_sits() -> None:
    record = "审批记录：销售经理审批：张晓楠（2026年11月30日）；销售总监审批：／。"
    found = [
        f
        for f in lint_text(OFFER + record + "\n", Settings(select=("quote",)))
        if f.rule == "quote/discount-without-approval"
    ]
    assert "总监审批：／" in found[0].snippet


# -- quote/price-off-list: a year or an edition is no price -------------------------------------------------

LISTED = "报价单\n报价单号：BJ-CL-2026-1187\n报价方：湖北楚岚复合绝缘子有限公司\n客户：华岳电网集团有限公司\n"


@pytest.mark.parametrize(
    "line",
    [
        "价格政策 目录价为我司 2026 年第 2 版价格表价格；报价有效期 本报价有效期至 2027 年 1 月 15 日。",
        "目录价依据 2025 版价目表，报价日期 2026 年 11 月 28 日，有效期 30 天。",
        "目录价取自《2026 年耗材价目表》；报价有效期至 2027 年 1 月 1 日。",
        "标准价见第 3 页，报价 30 天内有效。",
    ],
)
def test_years_and_editions_beside_price_words_are_no_prices(line: str) -> None:
    assert "quote/price-off-list" not in loud(LISTED + line + "\n报价有效期：30 天\n", "quote")


@pytest.mark.parametrize(
    "line",
    ["目录价 2,026.00 元，报价单价 2,027.00 元。", "目录价为 468.00 元/支，本次报价单价 480.00 元/支。"],
)
def test_a_quoted_price_off_the_stated_list_price_is_still_reported(line: str) -> None:
    assert "quote/price-off-list" in loud(LISTED + line + "\n报价有效期：30 天\n", "quote")


# -- quote: a discount given as the sum of its parts; PDF headers that wrap or name the goods otherwise ------

POLICY = "我司价格政策：销售代表可给予不超过8%的折扣；超过8%的，须经销售经理和销售总监书面审批。\n"
LETTER = (
    "报价函\n报价单号：HZ-2026-088\n报价有效期：30 天\n致：华岳电网集团有限公司\n"
    "序号 产品名称 数量 目录单价 折扣 折后单价 金额\n1 四分裂阻尼间隔棒 100 套 500.00 12% 440.00 44,000.00\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "折扣：阶梯折扣8%＋年末促销4%，合计12%。",
        "本次优惠由长期合作6%与首单6%组成，共计优惠12%。",
        "折扣构成：阶梯8%、促销4%，总折扣12%。",
    ],
)
def test_a_discount_summed_from_its_parts_is_cited_where_it_is_said(said: str) -> None:
    text = LETTER + said + "\n" + POLICY + "审批环节 审批人\n销售经理 许德明\n"
    found = [
        f for f in lint_text(text, Settings(select=("quote",))) if f.rule == "quote/discount-without-approval"
    ]
    assert len(found) == 1 and "12%" in found[0].snippet and "销售总监" in found[0].message


def test_a_summed_discount_with_every_approval_passes() -> None:
    said = "折扣：阶梯折扣8%＋年末促销4%，合计12%。\n"
    text = LETTER + said + POLICY + "本次折扣已经销售经理许德明、销售总监周立群审批同意。\n"
    assert "quote/discount-without-approval" not in loud(text, "quote")


def test_a_sum_of_tax_or_payment_is_no_discount() -> None:
    text = LETTER.replace("12%", "5%").replace("440.00", "475.00").replace("44,000.00", "47,500.00")
    text += "折扣5%。付款：预付30%，到货付60%，质保金10%，合计100%。\n" + POLICY
    assert "quote/discount-without-approval" not in loud(text, "quote")


def _quote_pdf(lines: list[str]) -> list[str]:
    from contractkit.lint import lint_document

    doc = _pdf_lines(lines)
    return [f.rule for f in lint_document(doc, Settings(select=("quote",)))]


BILINGUAL = [
    "QUOTATION 报价单 Quotation No. 报价单号：APL-QT-2026-0133",
    "From 报价方：广州艾普拉包装机械有限公司",
    "To 询价方：郑州麦禾食品有限公司",
    "No. 序",
    "号",
    "Model 型号 Description 描述 Qty",
    "数量",
    "List price 目录",
    "价(RMB)",
    "Discou",
    "nt 折扣",
    "Net price 折后",
    "单价(RMB)",
    "Amount 金",
    "额(RMB)",
    "1 FW450S Horizontal flow-wrap machine 枕式包装机",
    "1 set",
    "台468,000.00 12% 411,840.00 411,840.00",
    "2 IF-12 Automatic infeed conveyor 自动理料上料输送线",
    "1 set",
    "套105,000.00 12% 92,400.00 92,400.00",
    "Validity 报价有效期：until 2026-05-13",
    "Discount policy 折扣政策：销售代表折扣权限为目录价的 8%，超过 8%的须经销售经理和销售总监书面审批。",
]


def test_rows_under_a_wrapped_bilingual_header_are_read() -> None:
    record = "Special price approval 特价审批：Sales Manager 销售经理 王启明 approved 2026-04-10"
    assert "quote/discount-without-approval" in _quote_pdf([*BILINGUAL, record])
    both = record + "；Sales Director 销售总监 李文博 approved 2026-04-11"
    assert "quote/discount-without-approval" not in _quote_pdf([*BILINGUAL, both])


def test_rows_under_a_header_naming_the_goods_as_their_description() -> None:
    lines = [
        "报价单 报价单号：CFN-2026-0412",
        "卖方：苏州柯菲诺商用咖啡设备有限公司",
        "买方：上海瑞庭酒店管理有限公司",
        "No. Model 型号 货物描述 数量 目录单价 折扣 折后单价 金额",
        "1 CF-820 全自动商用意式咖啡机",
        "4 台 40,600.00 10% 36,540.00 146,160.00",
        "报价有效期：2026 年 3 月 25 日",
        "折扣政策：销售代表可给予不超过目录价 8%的折扣；超过 8%的，须经销售经理和销售总监书面审批。",
    ]
    assert "quote/discount-without-approval" in _quote_pdf(lines)
    lines[5] = "4 台 40,600.00 5% 38,570.00 154,280.00"
    assert "quote/discount-without-approval" not in _quote_pdf(lines)


# -- subject/unquantified-item: a measured property left to one side's usual make ---------------------

ROW_HEAD = (
    "甲方：青州市众诚蔬菜专业合作社\n乙方：寿光市宏达棚膜有限公司\n| 品名 | 规格 | 数量 | 单价 | 金额 |\n"
)


@pytest.mark.parametrize(
    "spec",
    [
        "幅宽12m，厚度、透光率按乙方常规产品",
        "幅宽12m，厚度及透光率以卖方通常做法为准",
        "长度50m，克重按供货商常规",
        "外径Φ6.5mm，硬度以出卖人出厂标准为准",
        "VR-300；抽速、功率按卖方标准配置",
    ],
)
def test_a_measured_property_left_to_one_side_leaves_the_spec_open(spec: str) -> None:
    text = ROW_HEAD + f"| PO棚膜 | {spec} | 2400 | 14.50 | 34,800.00 |\n"
    assert "subject/unquantified-item" in loud(text, "subject")


@pytest.mark.parametrize(
    "spec",
    [
        "幅宽12m，厚度0.12mm，透光率≥90%",
        "幅宽12m，颜色按乙方常规",
        "幅宽12m，厚度、透光率按附件一技术协议",
        "幅宽12m，透光率≥90%，包装按乙方常规",
    ],
)
def test_figures_given_or_only_colour_or_packing_left_is_a_fixed_spec(spec: str) -> None:
    text = ROW_HEAD + f"| PO棚膜 | {spec} | 2400 | 14.50 | 34,800.00 |\n"
    assert "subject/unquantified-item" not in loud(text, "subject")


def test_a_pdf_row_whose_spec_cell_defers_after_the_model_is_open() -> None:
    lines = [
        "甲方：苏州真空设备用户有限公司",
        "乙方：上海旋片真空泵有限公司",
        "序号 产品名称 规格型号 数量 单价 金额",
        "1 旋片式真空 泵VR-300 规格以卖方标准配置为准 8 46,800.00 374,400.00",
        "2 旋片式真空 泵VR-100 抽速 100 m³/h 极限压力≤0.1 mbar 4 26,850.00 107,400.00",
    ]
    from contractkit.lint import lint_document

    found = [
        f
        for f in lint_document(_pdf_lines(lines), Settings(select=("subject",)))
        if f.rule == "subject/unquantified-item"
    ]
    assert len(found) == 1 and "规格以卖方标准配置为准" in found[0].snippet


# -- parties/missing-details: a field struck out states nothing -------------------------------------

PARTY_BLOCK = (
    "甲方：安徽禾丰汇超市管理有限公司\n统一社会信用代码：91340104M6R20B4762\n住所：安徽省合肥市蜀山区望江西路1170号\n"
    "法定代表人：钱立群  联系电话：0551-65328071\n"
    "乙方：河北恒架商业设备制造有限公司\n统一社会信用代码：91130981395746180D\n住所：河北省泊头市工业园区裕华路17号\n"
    "法定代表人：{legal}  联系电话：0317-8236409\n第一条 标的：货架 20 组。\n"
)


@pytest.mark.parametrize("legal", ["／", "/", "—", "无", "不适用"])
def test_a_struck_out_legal_representative_of_a_company_is_missing(legal: str) -> None:
    found = [
        f
        for f in lint_text(PARTY_BLOCK.format(legal=legal), Settings(select=("parties",)))
        if f.rule == "parties/missing-details"
    ]
    assert len(found) == 1 and "法定代表人" in found[0].message and legal in found[0].snippet


@pytest.mark.parametrize("legal", ["韩振东", "韩振东（董事长）"])
def test_a_named_legal_representative_is_stated(legal: str) -> None:
    assert "parties/missing-details" not in loud(PARTY_BLOCK.format(legal=legal), "parties")


def test_a_struck_out_field_of_a_natural_person_is_not_wanted() -> None:
    text = (
        "甲方：安徽禾丰汇超市管理有限公司\n统一社会信用代码：91340104M6R20B4762\n住所：安徽省合肥市蜀山区望江西路1170号\n"
        "法定代表人：钱立群\n乙方：张德顺\n身份证号：370783198203154517\n住址：山东省寿光市洛城街道东斟灌村\n"
        "法定代表人：／\n第一条 标的：番茄苗 1000 株。\n"
    )
    assert "parties/missing-details" not in loud(text, "parties")
