"""Round 9 (parties, subject, amount, dispute): what the tuning sets extra27–31 showed.

- subject: a spec left to one side's own standard (按供方现行企业标准, 以卖方出厂标准配置为准) or,
  beside a model that has figures, a clause that leaves the spec itself open (规格材质按卖方标准配置) is
  not fixed; a table without a number column (产品名称 规格 单位 数量 单价 金额, a scan's or a text's
  rows) is read row by row; an approximate count in a line that prices it (约200袋 × 45元 = 9,000元) or
  in a clause whose spec names a measured loss (坍落度经时损失) is a vague quantity.
- amount: a table written with bars between its cells but none at the ends is read; an item table inside one
  box drawn around a whole order form starts at the row that names its columns.
- parties: a detail label as a scan misreads it (址： for 住址, 法定代表入) still gives the detail.
"""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

SUBJECT = Settings(select=("subject",))
AMOUNT = Settings(select=("amount",))
PARTIES = Settings(select=("parties",))


def _rules(text: str, settings: Settings) -> list[str]:
    return [f.rule for f in lint_text(text, settings)]


def _messages(text: str, settings: Settings) -> list[str]:
    return [f.message for f in lint_text(text, settings)]


# -- subject: a spec left to one side's own standard ---------------------------------------------------------


@pytest.mark.parametrize(
    "spec",
    [
        "按供方现行企业标准",
        "以卖方出厂标准配置为准",
        "执行厂家内部标准",
        "参照乙方标准",
    ],
)
def test_spec_left_to_one_sides_own_standard_is_open(spec: str) -> None:
    text = (
        "采购合同\n第一条 标的\n| 品名 | 规格 | 单位 | 数量 | 单价 |\n"
        "| 硅酮密封胶 | 拉伸强度≥0.6MPa，300ml/支 | 支 | 500 | 32.00 |\n"
        f"| 结构胶 | {spec} | 支 | 300 | 58.00 |\n"
    )
    assert "subject/unquantified-item" in _rules(text, SUBJECT)


@pytest.mark.parametrize(
    "spec",
    [
        "按GB/T 14683-2017执行",
        "按卖方企业标准Q/ZJ 001-2024",  # a standard named by its number is fixed
        "拉伸强度≥0.6MPa，包装按卖方标准",  # packing left to the seller's standard: not the spec
    ],
)
def test_spec_with_a_named_standard_or_only_packing_left_open_is_fixed(spec: str) -> None:
    text = (
        "采购合同\n第一条 标的\n| 品名 | 规格 | 单位 | 数量 | 单价 |\n"
        f"| 结构胶 | {spec} | 支 | 300 | 58.00 |\n"
    )
    assert "subject/unquantified-item" not in _rules(text, SUBJECT)


@pytest.mark.parametrize(
    "model",
    [
        "HP300配套，规格材质按卖方标准配置",
        "适配XG-200；型号规格另行确定",
        "KD-90主机用，技术参数以供方提供的为准",
    ],
)
def test_a_clause_leaving_the_spec_open_beside_a_model_is_reported(model: str) -> None:
    text = f"购销合同\n一、标的\n| 品名 | 型号 | 单位 | 数量 |\n| 耐磨衬板 | {model} | 套 | 4 |\n"
    messages = _messages(text, SUBJECT)
    assert any("未确定" in m for m in messages), messages


@pytest.mark.parametrize(
    "model",
    [
        "HP300配套，材质ZGMn13，每套含上衬板2件",
        "适配XG-200，颜色按买方要求",  # the colour is the buyer's choice: the spec is fixed
    ],
)
def test_a_model_with_its_spec_or_only_a_colour_choice_is_fixed(model: str) -> None:
    text = f"购销合同\n一、标的\n| 品名 | 型号 | 单位 | 数量 |\n| 耐磨衬板 | {model} | 套 | 4 |\n"
    assert "subject/unquantified-item" not in _rules(text, SUBJECT)


# -- subject: a table without a number column, one row a line ------------------------------------------------

_UNNUMBERED = (
    "家具采购合同\n第一条 产品、数量、金额\n产品名称 规格型号 单位 数量 单价(元) 金额(元)\n"
    "会议桌 胡桃木贴皮,3600X1400X760mm 张 6 4,800.00 28,800.00\n"
    "{second}\n"
    "合计 {total}\n"
    "第二条 质量标准：符合GB/T 3324-2017《木家具通用技术条件》。\n"
)


@pytest.mark.parametrize(
    ("second", "total", "word"),
    [
        ("会议椅 款式待定 把 40 650.00 26,000.00", "54,800.00", "款式待定"),
        ("DK 文件柜 ,按买方要求配置 组 10 1,200.00 12,000.00", "40,800.00", "按买方要求配置"),
    ],
)
def test_rows_of_a_table_without_a_number_column_are_read(second: str, total: str, word: str) -> None:
    messages = _messages(_UNNUMBERED.format(second=second, total=total), SUBJECT)
    assert any(word in m and "未确定" in m for m in messages), messages


def test_rows_of_a_table_without_a_number_column_that_are_specified_pass() -> None:
    text = _UNNUMBERED.format(second="会议椅 网布,五星脚,可升降 把 40 650.00 26,000.00", total="54,800.00")
    assert "subject/unquantified-item" not in _rules(text, SUBJECT)


def test_the_unnumbered_table_ends_at_the_first_line_that_is_no_row() -> None:
    text = (
        "家具采购合同\n第一条 产品、数量、金额\n产品名称 规格型号 单位 数量 单价(元) 金额(元)\n"
        "会议桌 胡桃木贴皮,3600X1400X760mm 张 6 4,800.00 28,800.00\n"
        "合同总金额:人民币贰万捌仟捌佰元整。\n"
        "备用 款式待定 把 40 650.00 26,000.00\n"
    )
    assert "subject/unquantified-item" not in _rules(text, SUBJECT)


# -- subject: an approximate count --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "1. 瓷砖胶 C2TE 20kg/袋 约200袋（多退少补）× 45元 = 9,000元",
        "2. 美缝剂 双组份 大概60支左右 × 38元 = 2,280元",
    ],
)
def test_an_approximate_count_priced_into_the_amount_is_vague(line: str) -> None:
    text = f"老王你好，按昨天说的：\n{line}\n合计按实际数量结。\n"
    assert "subject/vague-quantity" in _rules(text, SUBJECT)


def test_an_exact_count_priced_into_the_amount_passes() -> None:
    text = "老王你好，按昨天说的：\n1. 瓷砖胶 C2TE 20kg/袋 200袋 × 45元 = 9,000元\n"
    assert "subject/vague-quantity" not in _rules(text, SUBJECT)


def test_a_measured_loss_in_the_spec_does_not_take_the_clause_out_of_the_goods() -> None:
    text = (
        "一、买什么、买多少\n"
        "1. 缓凝型减水剂，固含量20%，坍落度经时损失不超过40mm，30吨左右，每吨2800元，共84000元。\n"
    )
    assert "subject/vague-quantity" in _rules(text, SUBJECT)


def test_a_loss_a_breach_causes_is_still_no_goods_clause() -> None:
    text = "一、买什么、买多少\n1. 因卖方原因造成的损失约5万元左右，由卖方赔偿。\n"
    assert "subject/vague-quantity" not in _rules(text, SUBJECT)


# -- amount: tables drawn with bars -------------------------------------------------------------------------


def test_a_table_without_outer_bars_is_checked() -> None:
    text = (
        "采购订单\n序号 | 品名 | 单位 | 数量 | 单价（元） | 金额（元）\n"
        "1 | 颚板 | 件 | 8 | 6,250.00 | 50,000.00\n"
        "2 | 侧护板 | 件 | 16 | 1,180.00 | 19,880.00\n"
        "合计 |  |  |  |  | 69,880.00\n"
    )
    messages = _messages(text, AMOUNT)
    assert any("18,880.00" in m for m in messages), messages


def test_a_table_without_outer_bars_that_adds_up_passes() -> None:
    text = (
        "采购订单\n序号 | 品名 | 单位 | 数量 | 单价（元） | 金额（元）\n"
        "1 | 颚板 | 件 | 8 | 6,250.00 | 50,000.00\n"
        "2 | 侧护板 | 件 | 16 | 1,180.00 | 18,880.00\n"
        "合计 |  |  |  |  | 68,880.00\n"
    )
    assert "amount/table-total-mismatch" not in _rules(text, AMOUNT)


_BOXED = (
    "┌────────────┬──────────────────────┐\n"
    "│订单编号    │DH-2026-031            │\n"
    "│供货方      │某某五金有限公司        │\n"
    "├────┬──────┬──────┬──────┬──────┤\n"
    "│序号│产品  │数量  │单价（元）│金额（元）│\n"
    "├────┼──────┼──────┼──────┼──────┤\n"
    "│1   │合页  │500个 │12.00 │6,000.00 │\n"
    "│2   │拉手  │300个 │8.50  │{amount} │\n"
    "└────┴──────┴──────┴──────┴──────┘\n"
)


def test_an_item_table_inside_a_form_box_is_checked() -> None:
    messages = _messages(_BOXED.format(amount="2,850.00"), AMOUNT)
    assert any("2,550.00" in m for m in messages), messages


def test_an_item_table_inside_a_form_box_that_adds_up_passes() -> None:
    assert "amount/table-total-mismatch" not in _rules(_BOXED.format(amount="2,550.00"), AMOUNT)


# -- parties: labels a scan misreads ------------------------------------------------------------------------


def test_detail_labels_as_a_scan_misreads_them_still_give_the_details() -> None:
    text = (
        "购销合同\n需方：洛阳恒信制药有限公司\n统一社会信用代码：91410300MA44N2Y86B\n"
        "址：河南省洛阳市涧西区南昌路 18 号\n法定代表入：刘建国 电话：0379-64281975\n"
        "供方：郑州新彩印务有限公司\n统一社会信用代码：91410100MA46T8JQ2K\n"
        "住址：河南省郑州市金水区文化路 96 号\n法定代表人：陈思远 电话：0371-63927184\n"
        "第一条 产品\n说明书 1000 张。\n"
    )
    assert not any("缺少" in m for m in _messages(text, PARTIES))


# -- dispute: a commission's name a scan misread ---------------------------------------------------------


def _scanned(text: str, ocr: bool = True):
    """``text`` as the lines of page 1 of a PDF, read by OCR (a scan) or from its text layer."""
    from dataclasses import replace

    from contractkit.readers.model import Document
    from contractkit.readers.text import document_from_text

    d = document_from_text(text)
    blocks = [replace(b, location=replace(b.location, page=1, line=b.location.index + 1)) for b in d.blocks]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"ocr": [1] if ocr else []})


DISPUTE = Settings(select=("dispute/arbitration-no-commission",))


def _dispute_rules(text: str, ocr: bool = True) -> list[str]:
    from contractkit.lint import lint_document

    return [f.rule for f in lint_document(_scanned(text, ocr), DISPUTE) if not f.rule.startswith("meta/")]


_ARBITRATION = "购销合同\n第八条 争议解决：协商不成的，提交{body}仲裁。\n"


@pytest.mark.parametrize("body", ["杭川忡栽委员会", "苏卅仲哉委员会"])
def test_a_commission_misread_on_a_scan_is_not_judged_missing(body: str) -> None:
    assert _dispute_rules(_ARBITRATION.format(body=body)) == []


def test_a_misread_commission_in_a_text_layer_is_still_judged() -> None:
    assert _dispute_rules(_ARBITRATION.format(body="杭川忡栽委员会"), ocr=False) == [
        "dispute/arbitration-no-commission"
    ]


@pytest.mark.parametrize("body", ["当地仲裁机构", "甲方所在地仲裁委员会", "有关仲裁委员会"])
def test_a_body_named_by_place_on_a_scan_is_still_no_commission(body: str) -> None:
    assert _dispute_rules(_ARBITRATION.format(body=body)) == ["dispute/arbitration-no-commission"]


# -- round 9, tuning on extra32–36 ---------------------------------------------------------------------------

_PROSE_PARTIES = (
    "设备买卖协议\n"
    "本协议由以下双方签订：\n"
    "(1) 宁波澄川精密机械有限公司，一家依法设立的有限责任公司，统一社会信用代码：91330206MA2H8K3L5P，"
    "住所：浙江省宁波市北仑区明州路66号，法定代表人：沈立群，联系电话：0574-86112233（“卖方”）；及\n"
    "(2) 合肥嘉衡智能装备有限公司，一家依法设立的有限责任公司，统一社会信用代码：91340100MA2T6W9Q1X，"
    "住所：安徽省合肥市高新区望江西路900号，法定代表人：陆文涛，联系电话：0551-63218877（“买方”）。\n"
    "1 货物\n1.1 卖方向买方出售附表所列货物。\n"
    "| 卖方：宁波澄川精密机械有限公司（盖章） | 买方：合肥嘉衡智能装备有限公司（盖章） |\n"
    "| 授权代表（签字）：__________ | 授权代表（签字）：__________ |\n"
)


def test_a_signature_row_of_a_text_table_does_not_hide_the_party_block() -> None:
    # the signature row's cell border (… （盖章） |) is no part of the name: the parties named in prose
    # at the head, with all their details, are the same parties
    assert "parties/missing-details" not in _rules(_PROSE_PARTIES, PARTIES)


def test_a_party_block_without_details_is_still_judged_beside_a_text_table_signature() -> None:
    text = _PROSE_PARTIES.replace("，统一社会信用代码：91330206MA2H8K3L5P", "").replace(
        "住所：浙江省宁波市北仑区明州路66号，法定代表人：沈立群，", ""
    )
    assert "parties/missing-details" in _rules(text, PARTIES)


@pytest.mark.parametrize(("no", "first"), [("序号", "1"), ("编号", "A1")])
def test_a_number_column_run_into_the_goods_header_is_its_own_column(no: str, first: str) -> None:
    # 序号 品名 set apart by one space in the header, the rows by wide spaces: 1 is the number, not the goods
    text = (
        "采购订单\n"
        f"{no} 品名          规格                        数量      单价（元）   金额（元）\n"
        f"{first}    不锈钢保温杯      容量500ml，304不锈钢，杯高21cm     200只     35.00      7,000.00\n"
        "2    硅胶杯盖          直径7cm，食品级硅胶              200个      4.00        800.00\n"
        "合计：7,800.00元\n"
    )
    assert "subject/unquantified-item" not in _rules(text, SUBJECT)
    spec_open = text.replace("容量500ml，304不锈钢，杯高21cm", "规格待定")
    assert "subject/unquantified-item" in _rules(spec_open, SUBJECT)


def test_a_semicolon_list_after_a_credit_code_gives_the_address_and_phone() -> None:
    text = (
        "报价函\n致：某某公司\n我司报价如下：……\n"
        "报价单位：南昌赣测仪器有限公司（统一社会信用代码：91360125MA38K2L7XB；"
        "江西省南昌市红谷滩区丰和中大道1188号；0791-86551234）\n"
    )
    assert "parties/missing-details" not in _rules(text, PARTIES)
    no_address = text.replace("江西省南昌市红谷滩区丰和中大道1188号；", "")
    assert _rules(no_address, PARTIES) == ["parties/missing-details"]


_BARE_BAR_TABLE = (
    "采购订单\n"
    "  序号 | 品名 | 包装 | 数量 | 单价(元/吨) | 金额(元)\n"
    "  1 | 工业盐 | 50kg/袋 | 30吨 | 1,200.00 | 36,000.00\n"
    "  2 | 融雪液 | 1吨桶 | 10吨 | 5,000.00 | {second}\n"
    "   | 合计 |  | 40吨 |  | 86,000.00\n"
)


def test_a_total_row_with_an_empty_first_cell_is_read_by_its_columns() -> None:
    # the row starts with the bar between its empty first cell and 合计: 40吨 is the quantity, not the total
    assert "amount/table-total-mismatch" not in _rules(_BARE_BAR_TABLE.format(second="50,000.00"), AMOUNT)
    assert "amount/table-total-mismatch" in _rules(_BARE_BAR_TABLE.format(second="60,000.00"), AMOUNT)


def _vat_rules(text: str, ocr: bool) -> list[str]:
    from contractkit.lint import lint_document

    settings = Settings(select=("amount/vat-rate-invalid",))
    return [f.rule for f in lint_document(_scanned(text, ocr), settings) if not f.rule.startswith("meta/")]


@pytest.mark.parametrize("rate", ["90", "130", "60"])
def test_a_rate_in_force_with_a_stray_digit_on_a_scan_is_a_misread(rate: str) -> None:
    text = f"购销合同\n合同总价：人民币100,000.00元，含 {rate}% 增值税。\n"
    assert _vat_rules(text, ocr=True) == []
    assert _vat_rules(text, ocr=False) == ["amount/vat-rate-invalid"]  # typed, it is what was written


@pytest.mark.parametrize("rate", ["16", "10", "20"])
def test_a_former_or_unknown_rate_on_a_scan_is_still_judged(rate: str) -> None:
    assert _vat_rules(f"购销合同\n合同总价：人民币100,000.00元，含{rate}%增值税。\n", ocr=True) == [
        "amount/vat-rate-invalid"
    ]


@pytest.mark.parametrize("spec", ["TX-70；按卖方常规款式", "TX-70，以供方通常做法为准", "按乙方惯常工艺"])
def test_a_spec_left_to_one_sides_usual_make_is_open(spec: str) -> None:
    text = (
        "买卖合同\n第一条 标的\n"
        "| 序号 | 名称 | 规格型号 | 单位 | 数量 | 单价 | 金额 |\n"
        f"| 1 | 防尘口罩 | {spec} | 只 | 500 | 3.00 | 1,500.00 |\n"
        "| 2 | 防护手套 | GL-09；丁腈，长30cm | 副 | 200 | 5.00 | 1,000.00 |\n"
    )
    assert "subject/unquantified-item" in _rules(text, SUBJECT)
    fixed = text.replace(spec, "TX-70；三层熔喷，过滤效率≥95%")
    assert "subject/unquantified-item" not in _rules(fixed, SUBJECT)
