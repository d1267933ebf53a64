"""Round 12: mechanisms of the parties, subject, amount, quote and dispute families, tested on new phrasings
(export and import contracts with foreign parties in bilingual forms, scans whose party lines wrap mid-label,
quote tables with a discount column, re-quoting after a quote expires). Clean texts a careful reviewer passes,
defective ones that must still be found."""

from __future__ import annotations

import pytest

from contractkit.api import extract_text
from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import lint_text


def loud(text: str, family: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=(family,))) if f.severity >= Severity.WARNING]


def party(text: str, role: str):  # type: ignore[no-untyped-def]
    return next(p for p in extract_text(text).parties.parties if p.role == role)


SELLER = (
    "卖方 Seller：常州恒润五金制品有限公司\n统一社会信用代码：91320412MA1N8K2R5T\n"
    "地址：江苏省常州市武进区湖塘镇长虹路66号\n法定代表人：蒋海峰  电话：0519-86317755\n"
)
BODY = "第一条 货物：铝合金折叠桌 500 张，单价 USD 20.00，总价 USD 10,000.00。\n第二条 本合同签字后生效。\n"


# -- parties: a foreign party keeps its details after a bilingual or foreign registration line -------------


@pytest.mark.parametrize(
    "buyer",
    [
        "买方 Buyer：Lindqvist Camping AB\n注册登记 Registration：Bolagsverket 556712-3344\n"
        "地址 Address：Industrigatan 5, 41104 Göteborg, Sweden\n电话 Tel：+46 31 701 2200\n",
        "买方：Tanaka Outdoor 株式会社\n法人番号（Corporate Number）：4010401098765\n"
        "地址：1-2-3 Shibaura, Minato-ku, Tokyo, Japan\n代表取締役：田中 一郎　电话：+81 3 5444 1100\n",
        "买方（Buyer）：Seoul Gear Co., Ltd.（韩国）\n"
        "事業者登録番号（Business Registration No.）：214-81-55321\n"
        "地址：77 Teheran-ro, Gangnam-gu, Seoul, Korea\n代表理事（CEO）：Kim Ji-ho　电话：+82 2 555 0101\n",
        "买方 Buyer：Alpenhof Handels GmbH\n商业登记 Commercial Register：HRB 77812 München\n"
        "邮编 Post Code：80331\n地址 Address：Sendlinger Str. 12, 80331 München, Germany\n"
        "电话 Tel：+49 89 2301 44\n",
        "买方 Buyer：Maple Trail Outfitters Inc.\n税务编号 Tax ID：EIN 83-1234567\n"
        "地址 Address：410 Pine Street, Portland, OR 97204, USA\n电话 Tel：+1 503 555 0188\n",
    ],
)
def test_a_foreign_party_keeps_its_address_after_a_registration_line(buyer: str) -> None:
    p = party(SELLER + buyer + BODY, "buyer")
    assert p.foreign and p.has("address") and p.has("phone")
    assert "parties/missing-details" not in loud(SELLER + buyer + BODY, "parties")


def test_a_latin_company_name_keeps_its_form_after_the_comma() -> None:
    p = party(
        SELLER + "买方：Hanseatic Trail Co., Ltd.\n地址：12 Harbour Road, Busan, Korea\n" + BODY, "buyer"
    )
    assert p.name == "Hanseatic Trail Co., Ltd."


def test_a_foreign_party_without_address_is_still_flagged() -> None:
    text = (
        SELLER + "买方 Buyer：Lindqvist Camping AB\n注册登记 Registration：Bolagsverket 556712-3344\n" + BODY
    )
    assert "parties/missing-details" in loud(text, "parties")


def test_an_agent_named_after_the_party_does_not_lend_it_its_credit_code() -> None:
    text = (
        SELLER + "买方 Buyer：Fjord Packs Ltd（英格兰注册公司，Company No. 11223344）\n"
        "地址 Address：4 Mill Lane, Leeds LS1 4AB, United Kingdom\n电话 Tel：+44 113 496 0000\n"
        "买方代理 Buyer's Agent：宁波联拓采购服务有限公司（不是合同当事人）\n"
        "统一社会信用代码：91330201MA2CH1234X　地址：浙江省宁波市海曙区中山西路8号\n" + BODY
    )
    p = party(text, "buyer")
    assert p.foreign and not p.has("code")
    assert "parties/missing-details" not in loud(text, "parties")


# -- parties: a label a line wrap cut in two, prose details carried on to the next line ------------------


@pytest.mark.parametrize(
    ("lines", "kind", "value"),
    [
        (
            "住所：浙江省台州市椒江区海门街道东海大道 9 号；法定代表\n人：林国栋；电话：0576-88224411",
            "legal",
            "林国栋",
        ),
        (
            "法定代表人：林国栋；住所：浙江省台州市椒江区东海大道9号；联系电\n话：0576-88224411",
            "phone",
            "0576-88224411",
        ),
        ("统一社会信用代码：91331002MA2AL5T43K；统一社会信\n用代码", None, None),
    ],
)
def test_a_label_cut_by_a_line_wrap_is_read(lines: str, kind: str | None, value: str | None) -> None:
    text = "买方：台州东海机电有限公司\n" + lines + "\n卖方：常州恒润五金制品有限公司\n" + BODY
    p = party(text, "buyer")
    if kind is not None:
        assert p.details[kind].value == value
        assert "法定代表" not in p.details["address"].value and not p.details["address"].value.endswith(
            "联系电"
        )


@pytest.mark.parametrize(
    "lines",
    [
        "乙方（供应商）:芜湖瑞冷设备有限公司, 统一社会信用代码\n"
        "91340200MA2TT6Q81P,地址安徽省芜湖市镜湖区银湖路 12 号,法定代表人:方静,电话0553-5881234",
        "乙方（供应商）:芜湖瑞冷设备有限公司,统一社会信用代码为\n"
        "91340200MA2TT6Q81P,住所安徽省芜湖市镜湖区银湖路12号,法定代表人:方静。电话 0553-5881234",
        "乙方（供应商）:芜湖瑞冷设备有限公司,统一社会信用代码 91340200MA2TT6Q81P,\n"
        "地址安徽省芜湖市镜湖区银湖路 12 号,法定代表人:方静,电话0553-5881234",
    ],
)
def test_prose_details_carried_on_to_the_next_scan_line(lines: str) -> None:
    head = (
        "甲方（采购人）:芜湖市第三中学,统一社会信用代码 12340200485001234X,地址芜湖市镜湖区北京路 8 号,"
        "法定代表人:王平,电话 0553-3831234\n"
    )
    p = party(head + lines + "\n" + BODY, "seller")
    assert p.details["code"].value == "91340200MA2TT6Q81P"
    assert p.details["address"].value.replace(" ", "").endswith("银湖路12号")
    assert p.details["legal"].value == "方静" and p.details["phone"].value == "0553-5881234"
    assert "parties/missing-details" not in loud(head + lines + "\n" + BODY, "parties")


def test_prose_details_missing_the_address_are_still_flagged() -> None:
    text = (
        "甲方（采购人）:芜湖市第三中学,统一社会信用代码 12340200485001234X,"
        "地址芜湖市镜湖区北京路 8 号,法定代表人:王平\n"
        "乙方（供应商）:芜湖瑞冷设备有限公司, 统一社会信用代码\n91340200MA2TT6Q81P,法定代表人:方静\n" + BODY
    )
    assert "parties/missing-details" in loud(text, "parties")


# -- parties: the quoting person of a quote's head table is the seller's --------------------------------


def test_the_quoting_person_gives_the_seller_its_phone() -> None:
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    cells = [
        ["客户", "温州港湾美容连锁有限公司", "报价方", "东莞市卓美器械有限公司"],
        ["客户联系人", "陈晓 0577-88001122", "报价人", "罗志 0769-22334455"],
        ["报价方信用代码", "91441900MA4UL1234Q", "报价方地址", "广东省东莞市南城街道宏图路18号"],
    ]
    blocks = [Block("报价单", normalize("报价单"), Location(index=0, paragraph=1))]
    for r, row in enumerate(cells, start=1):
        for c, text in enumerate(row, start=1):
            loc = Location(index=len(blocks), paragraph=1, table=1, row=r, cell=c)
            blocks.append(Block(text, normalize(text), loc))
    doc = Document(path="q.docx", kind="docx", blocks=blocks)
    from contractkit.checks.parties import facts

    seller = next(p for p in facts(doc).parties if p.role == "seller")
    buyer = next(p for p in facts(doc).parties if p.role == "buyer")
    assert seller.details["phone"].value == "0769-22334455"
    assert buyer.details["phone"].value == "0577-88001122"


# -- parties: a branch of another organisation named by its city is no short name of a party -------------


@pytest.mark.parametrize(
    "line",
    [
        "第八条 货到后由中国检验认证集团（CCIC）青岛公司检验。",
        "第八条 检验机构：中国检验认证集团青岛公司。",
        "第八条 货款汇入中国银行股份有限公司青岛公司账户。",
        "第八条 由中国外运集团青岛公司负责报关。",
        "第八条 保险由中国人民财产保险股份有限公司青岛公司承保。",
    ],
)
def test_a_city_branch_of_another_organisation_is_no_short_name(line: str) -> None:
    text = (
        "买方：青岛市港湾进出口有限公司\n统一社会信用代码：91370202163512345Y\n地址：山东省青岛市市南区香港中路1号\n"
        "法定代表人：刘强\n卖方：Busan Alloy Co., Ltd.\n地址：1 Jungang-daero, Busan, Korea\n" + line + "\n"
    )
    assert "parties/inconsistent-name" not in loud(text, "parties")


def test_a_short_name_of_the_party_is_still_flagged() -> None:
    text = (
        "买方：青岛市港湾进出口有限公司\n统一社会信用代码：91370202163512345Y\n地址：山东省青岛市市南区香港中路1号\n"
        "法定代表人：刘强\n卖方：Busan Alloy Co., Ltd.\n地址：1 Jungang-daero, Busan, Korea\n"
        "第八条 货物由港湾公司负责验收。\n"
    )
    assert "parties/inconsistent-name" in loud(text, "parties")


# -- amount: a price column right of the discount column is already after the discount -------------------

AMOUNT_HEAD = (
    "卖方：常州恒润五金制品有限公司\n买方：台州东海机电有限公司\n第一条 货物明细如下（含13%增值税）：\n"
)


@pytest.mark.parametrize(
    "table",
    [
        "| 品名 | 数量 | 目录单价 | 折扣 | 报价单价 | 金额 |\n"
        "| 轴承座 | 10 | 200.00 | 5% | 190.00 | 1,900.00 |\n",
        "| 品名 | 数量 | 标准价（元） | 优惠 | 单价（元） | 小计（元） |\n"
        "| 轴承座 | 8 | 150.00 | 10% | 135.00 | 1,080.00 |\n",
        "| 品名 | 单位 | 数量 | 原单价 | 折扣率 | 成交价 | 金额 |\n"
        "| 轴承座 | 套 | 4 | 500.00 | 12% | 440.00 | 1,760.00 |\n",
        "| 序号 | 品名 | 数量 | 牌价 | 折让 | 供货单价 | 合价 |\n"
        "| 1 | 轴承座 | 20 | 80.00 | 9折 | 72.00 | 1,440.00 |\n",
        "| 品名 | 数量 | 列表价 | 折扣 | 本次单价 | 金额（元） |\n"
        "| 轴承座 | 3 | 1,000.00 | 8% | 920.00 | 2,760.00 |\n",
    ],
)
def test_a_net_price_right_of_the_discount_column_is_not_discounted_again(table: str) -> None:
    assert "amount/table-total-mismatch" not in loud(
        AMOUNT_HEAD + table + "第二条 本合同签字后生效。\n", "amount"
    )


@pytest.mark.parametrize(
    "table",
    [
        # the amount is wrong against the net price
        "| 品名 | 数量 | 目录单价 | 折扣 | 报价单价 | 金额 |\n"
        "| 轴承座 | 10 | 200.00 | 5% | 190.00 | 2,000.00 |\n",
        # a discount between the price and the amount still applies: 10 × 200 × 95% = 1,900
        "| 品名 | 数量 | 单价 | 折扣 | 金额 |\n| 轴承座 | 10 | 200.00 | 5% | 2,000.00 |\n",
    ],
)
def test_a_wrong_line_beside_a_discount_column_is_still_found(table: str) -> None:
    assert "amount/table-total-mismatch" in loud(
        AMOUNT_HEAD + table + "第二条 本合同签字后生效。\n", "amount"
    )


# -- amount: a quantity whose thousands a dot groups (OCR's 4.000 for 4,000) ------------------------------


@pytest.mark.parametrize(
    "row",
    [
        "1 LED 挂灯 80lm 4.000 只 1.95 7,800.00",
        "1 折叠椅 铝合金 2.400 把 11.40 27,360.00",
        "1 帐篷杆 7001-T6 12.000 米 0.62 7,440.00",
        "1 睡袋 -5℃ 1.500 条 18.00 27,000.00",
        "1 登山杖 碳纤维 3.200 支 9.50 30,400.00",
    ],
)
def test_a_dot_grouped_quantity_counts_thousands(row: str) -> None:
    text = AMOUNT_HEAD + "序号 品名 规格 数量 单价 金额\n" + row + "\n合计 " + row.rsplit(" ", 1)[1] + "\n"
    assert "amount/table-total-mismatch" not in loud(text + "第二条 本合同签字后生效。\n", "amount")


def test_a_dot_grouped_quantity_with_a_wrong_amount_is_still_found() -> None:
    text = (
        AMOUNT_HEAD + "序号 品名 规格 数量 单价 金额\n1 LED 挂灯 80lm 4.000 只 1.95 7,900.00\n合计 7,900.00\n"
    )
    assert "amount/table-total-mismatch" in loud(text + "第二条 本合同签字后生效。\n", "amount")


# -- amount: a new offer after this one lapses is no undetermined price -----------------------------------

OFFER = (
    "报价单\n报价单位：常州恒润五金制品有限公司\n"
    "一、轴承座 10 套，单价 190.00 元，合计 1,900.00 元（含13%增值税）。\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "二、本报价有效期30日，逾期未确认的，我司有权按届时价格重新报价。",
        "二、超过报价有效期下单的，按届时价目表另行报价。",
        "二、有效期届满后，价格以届时的价格为准重新核价。",
        "二、本报价过期失效，届时按市场价重新询价。",
        "二、贵司未在15日内确认的，本报价失效，我司将按届时价格目录重新报价。",
    ],
)
def test_requoting_after_the_offer_lapses_is_no_undetermined_price(line: str) -> None:
    assert "amount/price-undetermined" not in loud(OFFER + line + "\n", "amount")


@pytest.mark.parametrize(
    "line",
    [
        "二、备件价格按届时价格另行确定。",
        "二、后续订货按市场价结算，每次另行报价。",
    ],
)
def test_a_price_left_to_the_day_is_still_undetermined(line: str) -> None:
    assert "amount/price-undetermined" in loud(
        OFFER.replace("，单价 190.00 元，合计 1,900.00 元", "") + line + "\n", "amount"
    )


# -- amount: a tax note a PDF wrapped inside its bracket --------------------------------------------------

QUOTE_PDF = (
    "报价单\n报价单位：常州恒润五金制品有限公司\n序号 品名 数量 单价 金额\n1 轴承座 10 套 190.00 1,900.00\n"
)


@pytest.mark.parametrize(
    "note",
    [
        "合计（含\n13%增值\n税）\n1,900.00\n",
        "金额（含税\n13%）\n1,900.00\n",
        "合计（价税\n合计，13%\n增值税）\n1,900.00\n",
        "报价（含\n增值税\n9%）\n1,900.00\n",
        "合计（不含\n税，税率13%）\n1,900.00\n",
    ],
)
def test_a_tax_note_wrapped_inside_its_bracket_is_read(note: str) -> None:
    rules = loud(QUOTE_PDF + note + "报价合计：人民币壹仟玖佰元整（¥1,900.00）。\n", "amount")
    assert "amount/tax-missing" not in rules and "amount/vat-rate-missing" not in rules


def test_a_price_without_any_tax_note_is_still_flagged() -> None:
    rules = loud(QUOTE_PDF + "合计\n1,900.00\n报价合计：人民币壹仟玖佰元整（¥1,900.00）。\n", "amount")
    assert "amount/tax-missing" in rules


# -- subject: a sentence saying what a list's quantities stand for states no quantity ---------------------

SUBJECT_HEAD = "甲方：义乌市佛堂砂带有限公司\n乙方：金华市恒研磨具有限公司\n"


@pytest.mark.parametrize(
    "line",
    [
        "2.2 附表一所列数量为本合同年度采购数量，甲方按订单分批提取。",
        "2.2 清单所列之数量为年度预计采购总量，按月下单。",
        "2.2 上表数量为全年计划量，以每批订单为准分批交付。",
        "2.2 附件二中各规格的数量是年度框架量，买方按需分批提货。",
        "2.2 订单所载数量为每批交付数量。",
    ],
)
def test_a_note_on_what_listed_quantities_mean_is_no_quantity(line: str) -> None:
    text = (
        SUBJECT_HEAD + "| 品名 | 规格 | 单位 | 数量 |\n| 砂带 | 100×915mm P80 | 条 | 4000 |\n" + line + "\n"
    )
    assert "subject/unquantified-item" not in loud(text, "subject")


def test_a_quantity_left_open_in_words_is_still_flagged() -> None:
    text = SUBJECT_HEAD + "第一条 货物：碳化硅砂带，规格100×915mm P80，数量：按实际需要。\n"
    assert "subject/unquantified-item" in loud(text, "subject")


# -- quote: a volume schedule of thresholds is the policy's grant, not a discount needing approval --------

PAPER = (
    "报价单\n报价单位：宁波市鄞州甬信纸品有限公司\n"
    "| 序号 | 品名 | 单位 | 数量 | 单价 | 折扣 | 折后单价 | 金额 |\n"
    "| 1 | A4复印纸 | 箱 | 200 | 168.00 | 9折 | 151.20 | 30,240.00 |\n"
    "| 2 | A3复印纸 | 箱 | 120 | 236.00 | 9折 | 212.40 | 25,488.00 |\n"
    "报价有效期：报价日后20日。\n"
)


@pytest.mark.parametrize(
    "policy",
    [
        "批量折扣：单次订货满100箱享9.5折，满300箱享9折（按单次订货总箱数计档）；超出档位的折扣须经总经理书面批准。",
        "数量优惠：每单满100箱优惠5%，满300箱优惠10%，按整单合计数量计；其他折扣须经销售经理审批。",
        "阶梯折扣：订货满100箱可享九五折，满300箱可享九折（按本单总箱数计）。另行折扣须经销售总监批准。",
        "批量价：满 100 箱给予 5%，满 300 箱给予 10%（按每次订货合计箱数计），超出须经总经理批准。",
        "满100箱打9.5折，满300箱打9折，按单次订货的总数量计档；额外折扣需经总经理签批。",
    ],
)
def test_a_threshold_schedule_counted_on_the_order_grants_its_tier(policy: str) -> None:
    assert "quote/discount-without-approval" not in loud(PAPER + policy + "\n", "quote")


def test_a_discount_beyond_the_schedule_still_needs_approval() -> None:
    policy = (
        "批量折扣：单次订货满100箱享9.5折，满500箱享9折（按单次订货总箱数计档）；"
        "超出档位的折扣须经总经理书面批准。"
    )
    assert "quote/discount-without-approval" in loud(PAPER + policy + "\n", "quote")


# -- quote: a discount row under the lines takes its share off the whole quote ----------------------------

STORE = (
    "报价单\n报价单位：佛山市卓美器材有限公司\n"
    "| 序号 | 产品名称 | 单位 | 数量 | 目录单价 | 目录金额 |\n"
    "| 1 | 焗油机 | 台 | 4 | 2,000.00 | 8,000.00 |\n"
    "| 2 | 美发椅 | 把 | 2 | 1,000.00 | 2,000.00 |\n"
    "| 目录价合计 |  |  |  |  | 10,000.00 |\n"
    "| {label} |  |  |  |  | -1,500.00 |\n"
    "| 报价合计 |  |  |  |  | 8,500.00 |\n"
    "报价有效期：至2026年12月18日止。\n"
    "业务代表可给予不超过5%的折扣；超过5%至10%须经销售经理审批；超过10%须经销售经理和销售总监共同审批。\n"
)


@pytest.mark.parametrize(
    "label", ["折扣（15%）", "整单折扣15%", "优惠 15%", "减：折让15%", "特别优惠（15%）"]
)
def test_a_discount_row_under_the_lines_needs_its_approvals(label: str) -> None:
    text = STORE.format(label=label) + "审批：销售经理 冯启明 同意 2026年11月17日。\n"
    assert "quote/discount-without-approval" in loud(text, "quote")


def test_a_discount_row_with_both_approvals_passes() -> None:
    text = (
        STORE.format(label="折扣（15%）")
        + "审批记录：销售经理 冯启明 2026年11月17日 同意；销售总监 林海 2026年11月17日 同意。\n"
    )
    assert "quote/discount-without-approval" not in loud(text, "quote")


# -- quote: a validity window that ends before it starts is no validity -----------------------------------

LIST = "报价单\n报价日期：2026年12月3日\n覆膜机 2台，单价2,070.00元。\n"


@pytest.mark.parametrize(
    "line",
    [
        "报价有效期：2026年12月3日至2026年11月2日。",
        "本报价自2026年12月3日起至2026年11月30日止有效。",
        "有效期 2026-12-03 至 2026-12-01",
        "报价有效期：至2026年11月20日止。",
        "本报价有效期至2026年10月31日。",
    ],
)
def test_a_validity_over_before_it_opens_is_flagged(line: str) -> None:
    assert "quote/no-validity" in loud(LIST + line + "\n", "quote")


@pytest.mark.parametrize(
    "line",
    ["报价有效期：2026年12月3日至2027年1月2日。", "本报价有效期至2026年12月31日。", "本报价30日内有效。"],
)
def test_a_validity_after_the_quote_date_passes(line: str) -> None:
    assert "quote/no-validity" not in loud(LIST + line + "\n", "quote")


# -- dispute: a court chosen beside arbitration in the sentence before the award's finality ---------------

DISPUTE_HEAD = "卖方：宁波甬野户外用品有限公司\n买方：Nordwald Outdoor GmbH\n十一、争议解决\n"


@pytest.mark.parametrize(
    "clause",
    [
        "争议提交中国国际经济贸易仲裁委员会仲裁，或向卖方住所地人民法院提起诉讼。仲裁裁决是终局的。",
        "争议应提交上海国际仲裁中心仲裁，或由买方所在地法院管辖。裁决为终局裁决，对双方均有约束力。",
        "双方可将争议提交宁波仲裁委员会仲裁，也可向合同签订地人民法院起诉；仲裁裁决对双方有约束力。",
        "协商不成的，提交中国国际经济贸易仲裁委员会仲裁或向卖方所在地人民法院诉讼。裁决是终局的。",
        "任何争议提交北京仲裁委员会仲裁，或向被告住所地人民法院提起诉讼。该仲裁裁决具有终局效力。",
    ],
)
def test_arbitration_or_court_before_a_finality_sentence_is_both(clause: str) -> None:
    assert "dispute/arbitration-and-court" in loud(DISPUTE_HEAD + clause + "\n", "dispute")


@pytest.mark.parametrize(
    "clause",
    [
        "争议提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，任何一方可向有管辖权的人民法院申请执行。",
        "争议提交上海国际仲裁中心仲裁。一方不履行裁决的，另一方可向人民法院申请强制执行。",
        "争议提交宁波仲裁委员会仲裁；仲裁裁决作出后，当事人可向法院申请撤销裁决。",
    ],
)
def test_a_court_for_the_award_is_no_second_forum(clause: str) -> None:
    assert "dispute/arbitration-and-court" not in loud(DISPUTE_HEAD + clause + "\n", "dispute")


# -- subject: PDF item rows under a header wrapped over lines, or led by the model code --------------------

BELTS = "甲方：义乌市佛堂砂带有限公司\n乙方：金华市恒研磨具有限公司\n附表一 价格表\n"


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (
            "序号 产品名称 型号规格 单位 数量 含税单价\n（元）\n含税金额\n（元）",
            "1 砂带 100×915mm P80 条 约 4000 9.85 39,400.00",
        ),
        ("序号 品名 规格 单位 数量 单价\n金额", "1 砂带 100×915mm P80 条 约 4000 9.85 39,400.00"),
        ("型号 品名规格 数量 单价 USD 金额 USD", "BT-80 砂带 100×915mm P80 约 4000 条 1.95 7,800.00"),
        ("货号 品名及规格 数量 单价 金额", "BT-80 砂带 100×915mm P80 大约 4000 条 1.95 7,800.00"),
        ("型号 名称 数量 单价（元） 金额（元）", "BT-80 砂带 100×915mm P80 约 4000 条 1.95 7,800.00"),
    ],
)
def test_an_approximate_quantity_in_a_pdf_row_is_found(header: str, row: str) -> None:
    text = BELTS + header + "\n" + row + "\n合计 " + row.rsplit(" ", 1)[1] + "\n第二条 本合同签字后生效。\n"
    assert "subject/vague-quantity" in loud(text, "subject")


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (
            "序号 产品名称 型号规格 单位 数量 含税单价\n（元）\n含税金额\n（元）",
            "1 砂带 100×915mm P80 条 4000 9.85 39,400.00",
        ),
        ("型号 品名规格 数量 单价 USD 金额 USD", "BT-80 砂带 约 100mm 宽 P80 4,000 条 1.95 7,800.00"),
    ],
)
def test_an_exact_quantity_in_a_pdf_row_passes(header: str, row: str) -> None:
    text = BELTS + header + "\n" + row + "\n合计 " + row.rsplit(" ", 1)[1] + "\n第二条 本合同签字后生效。\n"
    assert "subject/vague-quantity" not in loud(text, "subject")


# -- subject: a line's split per colour or size left to a later notice ------------------------------------

CHAIRS = (
    "卖方：临海市欣悦休闲用品有限公司\n买方：上海澳途采购咨询有限公司\n货号 品名及规格 颜色与数量 单价 金额\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "XY-C01 月亮椅 黑色、军绿色等，各色数量由买方另行通知，合计 4,000 把",
        "XY-C01 月亮椅 S、M、L等尺码，各尺码数量另行确定，合计 4,000 把",
        "XY-C01 月亮椅 红、蓝、灰等，各颜色的数量以买方通知为准，合计 4,000 把",
        "XY-C01 月亮椅 卡其、墨绿等配色，各款式比例待定，合计 4,000 把",
        "XY-C01 月亮椅 黑色、灰色等，各色分配随订单确定，合计 4,000 把",
    ],
)
def test_a_colour_split_left_open_is_vague(line: str) -> None:
    text = CHAIRS + line + "\n11.40 45,600.00\n合计 45,600.00\n"
    assert "subject/vague-quantity" in loud(text, "subject")


def test_a_fixed_colour_split_passes() -> None:
    text = (
        CHAIRS
        + "XY-C01 月亮椅 黑色 2,400 把、军绿色 1,600 把，合计 4,000 把\n11.40 45,600.00\n合计 45,600.00\n"
    )
    assert "subject/vague-quantity" not in loud(text, "subject")


# -- amount: a unit price written per unit in its cell (0.62/米) is a number --------------------------------


@pytest.mark.parametrize(
    ("price", "amount"),
    [
        ("0.62/米", "111,600.00"),
        ("0.62 / 米", "111,600.00"),
        ("0.62元/米", "111,600.00"),
        ("¥0.62/m", "111,600.00"),
    ],
)
def test_a_price_per_unit_cell_is_multiplied(price: str, amount: str) -> None:
    good = f"| 货号 | 品名 | 数量 | 单价 | 金额 |\n| HB-1 | 铝管 | 180,000 米 | {price} | {amount} |\n"
    bad = good.replace(amount, "116,100.00")
    assert "amount/table-total-mismatch" not in loud(AMOUNT_HEAD + good, "amount")
    assert "amount/table-total-mismatch" in loud(AMOUNT_HEAD + bad, "amount")


# -- subject: a dimension left to the site ---------------------------------------------------------------

COUNTER = (
    "甲方：杭州青禾美业连锁管理有限公司\n乙方：佛山市卓美器材有限公司\n"
    "| 产品名称 | 型号 | 规格及参数 | 单位 | 数量 |\n"
)


@pytest.mark.parametrize(
    "spec",
    [
        "尺寸按门店现场确定",
        "长宽高以现场实测为准",
        "规格根据现场测量结果确定",
        "尺寸依量尺而定",
        "大小视门店现场定制",
    ],
)
def test_a_dimension_left_to_the_site_is_unquantified(spec: str) -> None:
    text = COUNTER + f"| 收银台 | JL-S160 | {spec} | 台 | 1 |\n"
    assert "subject/unquantified-item" in loud(text, "subject")


@pytest.mark.parametrize(
    "spec", ["1600×600×1050mm，安装位置按现场确定", "1600×600×1050mm，石英石台面", "1600×600mm，颜色按样板"]
)
def test_a_dimensioned_counter_passes(spec: str) -> None:
    text = COUNTER + f"| 收银台 | JL-S160 | {spec} | 台 | 1 |\n"
    assert "subject/unquantified-item" not in loud(text, "subject")


# -- parties: a procurement party table headed 采购人 | 中标供应商 -------------------------------------------


def _party_table(rows: list[list[str]]):  # type: ignore[no-untyped-def]
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [Block("政府采购合同", normalize("政府采购合同"), Location(index=0, paragraph=1))]
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            if text:
                loc = Location(index=len(blocks), paragraph=1, table=1, row=r, cell=c)
                blocks.append(Block(text, normalize(text), loc))
    return Document(path="g.docx", kind="docx", blocks=blocks)


@pytest.mark.parametrize("head", ["中标供应商", "成交供应商", "中选供应商", "供应商", "中标人"])
def test_an_awarded_supplier_column_is_the_seller(head: str) -> None:
    from contractkit.checks.parties import facts
    from contractkit.lint import lint_document

    rows = [
        ["项目", "采购人", head],
        ["名称", "青阳县教育体育局", "山东齐膳食品机械有限公司"],
        ["统一社会信用代码", "11339321855361485Q", "91370181440474488Y"],
        ["住所", "江州市青阳县新城大道88号", ""],
        ["法定代表人", "萧平川", "孔令武"],
    ]
    doc = _party_table(rows)
    names = {p.name for p in facts(doc).parties}
    assert names == {"青阳县教育体育局", "山东齐膳食品机械有限公司"}
    found = [f.message for f in lint_document(doc, Settings(select=("parties",))) if "缺少" in f.message]
    assert any("山东齐膳" in m and "住所" in m for m in found)


# -- amount: a total's bare figure just before its amount in words -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "价税合计(含税) 126,826.14 人民币壹拾贰万柒仟柒佰贰拾陆元壹角肆分",
        "合计 126,826.14 元 人民币壹拾贰万柒仟柒佰贰拾陆元壹角肆分",
        "总价：126,826.14（人民币壹拾贰万柒仟柒佰贰拾陆元壹角肆分）",
        "总金额 126826.14 人民币壹拾贰万柒仟柒佰贰拾陆元壹角肆分",
        "三、汇总 不含税合计 112,235.52 价税合计 126,826.14 人民币壹拾贰万柒仟柒佰贰拾陆元壹角肆分",
    ],
)
def test_words_disagreeing_with_a_bare_total_figure_are_found(line: str) -> None:
    rules = loud(AMOUNT_HEAD + line + "\n", "amount")
    assert "amount/upper-mismatch" in rules
    assert "amount/upper-mismatch" not in loud(
        AMOUNT_HEAD + line.replace("柒仟柒佰", "陆仟捌佰") + "\n", "amount"
    )


# -- subject: a key-terms table's row is no item table's header (lead's LEAD-2) ---------------------------


@pytest.mark.parametrize(
    "row",
    [
        ["4", "配件品种及年度数量", "见附件一《年度供货清单》，各品种年度数量平均分四个季度交付"],
        ["4", "产品名称与数量", "以附件二所列为准，数量按季度订单确定。"],
        ["4", "货物名称、数量", "详见附件一；年度采购总量约定为附件一合计数"],
        ["4", "品名及单位", "按附件一清单，计量单位以清单为准，每季度首月交付"],
        ["4", "物料名称及采购量", "见供货清单，采购量按月度计划分批下达，每批不少于100件"],
    ],
)
def test_a_key_terms_row_is_no_item_header(row: list[str]) -> None:
    from contractkit.checks.subject import _facts
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    terms = [
        ["序号", "项目", "内容"],
        row,
        ["6", "交货", "每季度首月10日前送达买方仓库"],
        ["7", "付款", "每批货到验收合格后30日内付清"],
    ]
    items = [
        ["序号", "名称", "规格", "单位", "数量", "单价"],
        ["1", "滤芯", "HF-200，Φ90×200mm", "支", "400", "35.00"],
    ]
    blocks = [Block("年度供货协议", normalize("年度供货协议"), Location(index=0, paragraph=1))]
    for t, table in enumerate((terms, items), start=1):
        for r, cells in enumerate(table, start=1):
            for c, text in enumerate(cells, start=1):
                loc = Location(index=len(blocks), paragraph=1, table=t, row=r, cell=c)
                blocks.append(Block(text, normalize(text), loc, kind="cell"))
    doc = Document(path="k.docx", kind="docx", blocks=blocks)
    assert [it.name for it in _facts(doc).items] == ["滤芯"]
    from contractkit.lint import lint_document

    assert not [
        f for f in lint_document(doc, Settings(select=("subject",))) if f.rule == "subject/unquantified-item"
    ]
