"""Amount facts (contract/amount.py): total, 大写 pairing, item tables, tax, currency, in many phrasings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.contract.amount import AmountFacts, cell_number, vat_rates
from contractkit.contract.model import extract
from contractkit.money import amount_to_upper
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import normalize
from contractkit.readers.text import document_from_text


def facts_of(text: str) -> AmountFacts:
    return extract(document_from_text(text)).amount


def pdf_facts(lines: list[str]) -> AmountFacts:
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    return extract(Document(path="x.pdf", kind="pdf", blocks=blocks)).amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("本合同总价为人民币600,000.00元（大写：人民币陆拾万元整）。", "600000.00"),
        ("合同总金额：USD 125,200.00（大写：美元壹拾贰万伍仟贰佰元整）。", "125200.00"),
        ("11 合同总价 人民币 1,090,000.00 元(大写:人民币壹佰零玖万元整)", "1090000.00"),
        ("合同价款总额为12万元，含13%增值税。", "120000"),
        ("报价总额：人民币 152,436.00 元，含 13%增值税。", "152436.00"),
    ],
)
def test_total(text: str, value: str) -> None:
    total = facts_of(text).total
    assert total is not None and total.value == Decimal(value)


def test_an_installment_is_not_the_total() -> None:
    assert facts_of("合同签订后5日内支付合同总价的30%，即人民币3万元。").total is None


@hsettings(max_examples=80, deadline=None)
@given(st.integers(1, 10**9), st.integers(0, 10**9))
def test_upper_pairs_with_its_figure(cents: int, other: int) -> None:
    value = Decimal(cents) / 100
    upper = amount_to_upper(value)
    facts = facts_of(f"合同总价为人民币{value:,.2f}元（大写：{upper}）。")
    (u,) = [a for a in facts.amounts if a.upper]
    assert u.money.value == value and u.pair is not None and u.pair.value == value
    wrong = Decimal(other) / 100
    if wrong != value:
        facts = facts_of(f"合同总价为人民币{wrong:,.2f}元（大写：{upper}）。")
        (u,) = [a for a in facts.amounts if a.upper]
        assert u.pair is not None and u.pair.value != u.money.value


def test_foreign_upper_keeps_its_currency() -> None:
    (u,) = [
        a
        for a in facts_of("合同总金额：USD 46,350.00（大写：美元肆万陆仟伍佰叁拾元整）。").amounts
        if a.upper
    ]
    assert u.money.currency == "USD" and u.money.value == Decimal("46530.00")


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("上述价格为含税价格，增值税税率13%。", "included"),
        ("价税合计人民币11.3万元。", "included"),
        ("单价含13%增值税。", "included"),
        ("上述单价不含税。", "excluded"),
        ("产品经过双方约定的价格为不含税93.6元。", "excluded"),
        ("本合同货物适用增值税零税率。", "zero_rated"),
        ("乙方提供合法免税可抵扣发票。", "exempt"),
    ],
)
def test_tax_treatment(text: str, treatment: str) -> None:
    assert treatment in [t.treatment for t in facts_of(text).tax]


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        ("上述价格含13%增值税。", ["13"]),
        ("增值税税率为9%。", ["9"]),
        ("乙方开具税率 13%的增值税专用发票。", ["13"]),
        ("实施服务及二次开发费适用11%增值税税率。", ["11"]),
        ("适用10%的增值税税率。", ["10"]),
        ("买方收到全额增值税专用发票40% 693,600.00", []),  # a share in a table row, not a rate
        ("印花税税率0.03%由双方各自承担。", []),
    ],
)
def test_vat_rates(text: str, rates: list[str]) -> None:
    assert [str(v) for v, _ in vat_rates(normalize(text))] == rates


@pytest.mark.parametrize(
    ("text", "rmb", "rule"),
    [
        ("本合同以美元计价，买方可以美元或人民币付款。USD 100.00", True, False),
        ("货款以美元计价，甲方以人民币向乙方支付。合同总金额：USD 46,350.00。", True, False),
        ("总价USD 53,600.00，以人民币支付的，按付款当日中国外汇交易中心公布的汇率中间价折算。", True, True),
        ("本合同以美元计价和结算，买方以美元电汇方式付款。USD 100.00", False, False),
        ("总价USD 100.00。汇率风险由买方承担。", False, False),
    ],
)
def test_currency(text: str, rmb: bool, rule: bool) -> None:
    cur = facts_of(text).currency
    assert cur.foreign
    assert (cur.rmb_payment is not None) is rmb
    assert (cur.exchange_rule is not None) is rule


def test_item_table_with_discount_and_net_price() -> None:
    facts = facts_of(
        "| 序号 | 产品 | 单位 | 数量 | 单价(元) | 折扣 | 折后单价(元) | 金额(元) |\n"
        "| 1 | 球阀 | 台 | 40 | 1,280.00 | 首单折扣5% | 1,216.00 | 48,640.00 |\n"
        "| 2 | 止回阀 | 台 | 10 | 1,720.00 | 首单折扣5% | 1,634.00 | 16,340.00 |\n"
        "| 合计 |  |  |  |  |  |  | 64,980.00 |"
    )
    (table,) = facts.item_tables
    assert [line.unit_price for line in table.lines] == [Decimal("1216.00"), Decimal("1634.00")]
    assert table.stated_total == Decimal("64980.00")


def test_item_table_with_percent_discount_column() -> None:
    facts = facts_of(
        "| 产品 | 数量 | 单价 | 优惠 | 金额 |\n| 球阀 | 10 | 100.00 | 10% | 900.00 |\n"
        "| 合计 |  |  |  | 900.00 |"
    )
    (line,) = facts.item_tables[0].lines
    assert line.discount == Decimal("100.00") and line.amount == Decimal("900.00")


def test_item_lines_laid_out_as_pdf_text() -> None:
    facts = pdf_facts(
        [
            "一、订货明细 行 产品名称 规格 数量 单位 含税单价",
            "1 L-HM 46 抗磨液压油 200L/桶",
            "24 桶 2,380.00 57,120.00",
            "2 齿轮油 200L/桶",
            "8 桶 2,960.00 23,680.00",
            "合计 80,800.00",
        ]
    )
    (table,) = facts.item_tables
    assert [(line.quantity, line.amount) for line in table.lines] == [
        (Decimal(24), Decimal("57120.00")),
        (Decimal(8), Decimal("23680.00")),
    ]
    assert table.stated_total == Decimal("80800.00")


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("1,280.00", "1280.00"),
        ("¥48,640.00", "48640.00"),
        ("40台", "40"),
        ("12.5", "12.5"),
        ("首单折扣5%", None),
    ],
)
def test_cell_number(cell: str, value: str | None) -> None:
    got = cell_number(cell)
    assert (str(got) if got is not None else None) == value


@pytest.mark.parametrize(
    "text",
    ["单价¥1,000.00，总价人民币壹万元整。", "总价：人民币壹万元整，其中运费¥500.00。"],
)
def test_different_amounts_side_by_side_are_not_a_pair(text: str) -> None:
    (u,) = [a for a in facts_of(text).amounts if a.upper]
    assert u.pair is None


@pytest.mark.parametrize(
    "text",
    [
        "合计金额(大写):人民币陆万贰仟贰佰元整,小写:¥62200.00。",
        "合计人民币(大写):壹拾玖万元整(¥190000.00)",
        "总价款：¥12,300.00（人民币壹万贰仟叁佰元整）",
    ],
)
def test_labelled_pairs(text: str) -> None:
    (u,) = [a for a in facts_of(text).amounts if a.upper]
    assert u.pair is not None and u.pair.value == u.money.value


def test_table_units_and_tax_basis() -> None:
    wan = facts_of(
        "| 产品 | 数量 | 单价（万元） | 金额（元） |\n| A | 2 | 1.5 | 30,000.00 |\n| 合计 |  |  | 30,000.00 |"
    )
    (line,) = wan.item_tables[0].lines
    assert line.quantity * line.unit_price == line.amount
    mixed = facts_of("| 产品 | 数量 | 不含税单价 | 含税金额 |\n| A | 2 | 100.00 | 226.00 |")
    assert mixed.item_tables == ()


def test_gross_price_and_plain_amount_still_checked() -> None:
    facts = facts_of("| 产品 | 数量 | 含税单价 | 金额（元） |\n| A | 2 | 100.00 | 200.00 |")
    assert len(facts.item_tables[0].lines) == 1


@pytest.mark.parametrize(
    ("last", "total"),
    [
        ("8 桶 2,960.00 23,680.00合计 80,800.00附表 B 性能指标及验收测试方法", "80800.00"),
        ("8 桶 2,960.00 23,680.00", "80800.00"),
        ("8 桶 2,960.00 23,680.00合计 ¥80,800.00第二部分 通用条款", "80800.00"),
        ("8 桶 2,960.00 23,680.00合计 80,800.00 元附件二 交货计划(另附 3 页)", "80800.00"),
    ],
)
def test_a_pdf_total_glued_to_the_next_heading_is_read_whole(last: str, total: str) -> None:
    lines = [
        "一、订货明细 行 产品名称 规格 数量 单位 含税单价",
        "1 抗磨液压油 200L/桶",
        "24 桶 2,380.00 57,120.00",
    ]
    lines += ["2 齿轮油 200L/桶", last]
    if "合计" not in last:
        lines.append("合计 80,800.00第三条 交货")
    (table,) = pdf_facts(lines).item_tables
    assert table.stated_total == Decimal(total)
    assert table.complete


def test_a_pdf_total_in_ten_thousands_is_not_read_as_yuan() -> None:
    facts = pdf_facts(
        ["序号 产品名称 数量 单位 单价 金额", "1 齿轮油 200L/桶", "8 桶 2,960.00 23,680.00", "合计 2.37万元"]
    )
    assert all(t.stated_total != Decimal("2.37") for t in facts.item_tables)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "三样一共28000元（大写：贰万捌仟元整），含税。\n卖方晚送货的，每晚一天赔买方总价的千分之零点三，最多赔2800元。",
            "28000",
        ),
        ("这批货总共人民币5万元。\n违约金最高不超过总价的一成，即5000元。", "50000"),
        (
            "货款共计人民币126,000.00元，含13%增值税。\n逾期付款的违约金上限为总价款的5%，即6,300.00元。",
            "126000.00",
        ),
    ],
)
def test_a_colloquial_total_is_the_total_and_a_cap_amount_is_not(text: str, value: str) -> None:
    total = facts_of(text).total
    assert total is not None and total.value == Decimal(value)


def test_a_cap_amount_alone_is_no_total() -> None:
    assert facts_of("卖方逾期交货的，每日按总价的万分之三赔偿，最多赔2800元。").total is None


@pytest.mark.parametrize(
    "row",
    [
        "4052ci按实际需要 支 460.00 7,360.00",
        "墨粉 以实际用量为准 支 460.00 7,360.00",
        "硒鼓 若干 支 ¥460.00 ¥7,360.00",
    ],
)
def test_a_pdf_row_whose_quantity_is_no_number_leaves_the_table_incomplete(row: str) -> None:
    (table,) = pdf_facts(
        [
            "品名型号 数量 单位 含税单价 金额",
            "1 墨粉盒 12 套 698.00 8,376.00",
            row,
            "3 硒鼓 30 支 628.00 18,840.00",
            "合计 34,576.00",
        ]
    ).item_tables
    assert table.stated_total == Decimal("34576.00") and not table.complete


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        ("含税价：货物按13%、铺装服务按9%开具增值税专用发票。", ["13", "9"]),
        ("价格含税，设备按13%、安装服务按9%、培训服务按6%开具增值税专用发票。", ["13", "9", "6"]),
        ("货款含税，卖方按13%开具增值税专用发票。", ["13"]),
        ("含税，乙方收到30%预付款后开具增值税专用发票。", []),
    ],
)
def test_the_rate_an_invoice_is_issued_at_is_a_vat_rate(text: str, rates: list[str]) -> None:
    assert [v for v, _ in vat_rates(text)] == [Decimal(r) for r in rates]


@pytest.mark.parametrize("tail", ["3m, GB/T 11981-2008", "12mm 冷轧", "50X19mm"])
def test_a_row_followed_by_a_spec_fragment_is_read(tail: str) -> None:
    (table,) = pdf_facts(
        [
            "规格及标准 数量 含税单价 金额(元)",
            "3000 张 28.50 85,500.00",
            f"2500 根 15.80 39,500.00和副龙 50X19mm,长 4000 根 9.60 38,400.00 {tail}",
            "合计 163,400.00",
        ]
    ).item_tables
    assert sum(line.amount for line in table.lines) == Decimal("163400.00")


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        # the share of the price an invoice is issued for, not the rate it is issued at
        ("甲方收到乙方开具的合同总价30%增值税专用发票后十日内付款。", []),
        ("乙方应先开具金额为合同总价款40%的增值税专用发票。", []),
        ("卖方开具货款之50%的增值税普通发票，买方收票后付款。", []),
        ("乙方开具合同价款10%的专票后，甲方支付质保金。", []),
        ("乙方开具60%增值税专用发票后，甲方支付进度款。", []),  # no VAT rate was ever 60 %
        # the rate it is issued at, whatever the rate
        ("乙方开具16%增值税专用发票。", ["16"]),
        ("乙方开具13%的增值税专用发票，合同总价为100,000元。", ["13"]),
        ("乙方开具税率为9%的增值税普通发票。", ["9"]),
    ],
)
def test_an_invoice_for_a_share_of_the_price_states_no_rate(text: str, rates: list[str]) -> None:
    assert [str(v) for v, _ in vat_rates(normalize(text))] == rates


@pytest.mark.parametrize(
    ("rows", "total"),
    [
        (
            ["苹果 一级 1,200公斤  8元/公斤  9,600.00元", "香蕉 二级 500公斤  6元/公斤  3,000.00元"],
            "一共12,600.00元（大写：人民币壹万贰仟陆佰元整）。",
        ),
        (
            ["槽钢 Q235  40吨   ¥4150/吨   166,000.00", "角钢 Q235  12吨   ¥4020/吨   48,240.00"],
            "合计 214,240.00元",
        ),
        (
            ["打包带 PET 300卷  45.5元/卷  13,650.00元", "打扣 镀锌 20箱  120 元 / 箱  2,400.00元"],
            "总共16,050.00元，含13%增值税。",
        ),
    ],
)
def test_a_text_table_with_prices_per_unit_is_read(rows: list[str], total: str) -> None:
    (table,) = facts_of("\n".join(["品名 规格 数量 单价 金额", *rows, total])).item_tables
    assert table.complete and len(table.lines) == 2
    assert table.stated_total == sum(line.amount for line in table.lines)
    assert all(line.quantity * line.unit_price == line.amount for line in table.lines)


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        ("上述价格含税13%，合计100,000元。", ["13"]),
        ("单价含税（9%），总价50,000元。", ["9"]),
        ("这个价含13个点的税，总共3万元。", ["13"]),
        ("乙方开6个点的专票。", ["6"]),
        ("税点3个点，乙方是小规模纳税人。", ["3"]),
        ("甲方支付含税总价的30%，即30,000元。", []),  # a share of the gross price, not a rate
    ],
)
def test_a_rate_written_tersely_or_in_points(text: str, rates: list[str]) -> None:
    assert [str(v) for v, _ in vat_rates(normalize(text))] == rates
