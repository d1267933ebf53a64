"""Item-table layouts read and checked end to end (amount/table-total-mismatch): merged two-row headers in
Word, units in the header, 万元, tax-exclusive and -inclusive columns side by side, per-year groups, 小计
sections, a 合计 row with 大写, options tables, and PDF line tables as pdfplumber gives them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.model import extract
from contractkit.lint import lint_file, lint_text
from contractkit.readers.dispatch import read_document
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import normalize

RULE = Settings(select=("amount/table-total-mismatch",))


def rule_hits(text: str) -> list[str]:
    return [f.snippet for f in lint_text(text, RULE)]


def pdf_doc(lines: list[str]) -> Document:
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="x.pdf", kind="pdf", blocks=blocks)


# --- several groups of columns -------------------------------------------------------------------------

YEARS = (
    "| 序号 | 零件 | 2027年数量 | 2027年单价（元） | 2027年金额（元） "
    "| 2028年数量 | 2028年单价（元） | 2028年金额（元） |\n"
    "| 1 | 制动钳 | 100 | 286.00 | {a1} | 100 | 277.42 | {a2} |\n"
)


def test_per_year_groups_are_each_checked() -> None:
    assert rule_hits(YEARS.format(a1="28,600.00", a2="27,742.00")) == []
    (hit,) = rule_hits(YEARS.format(a1="28,600.00", a2="28,600.00"))
    assert "277.42" in hit


def test_an_amount_over_two_groups_is_not_guessed() -> None:
    text = (
        "| 序号 | 零件名称 | 单位 | 2027年计划数量 | 2027年单价(元) "
        "| 2028年计划数量 | 2028年单价(元) | 两年金额(元) |\n"
        "| 1 | 前制动钳总成 | 套 | 60000 | 286.00 | 60000 | 277.42 | 33,805,200.00 |\n"
        "| 2 | 制动主缸 | 件 | 30000 | 168.00 | 30000 | 162.96 | 9,928,800.00 |\n"
        "| 合计 |  |  |  |  |  |  | 43,734,000.00 |\n"
    )
    assert rule_hits(text) == []


def test_tax_exclusive_and_inclusive_columns() -> None:
    good = (
        "| 品名 | 数量（吨） | 不含税单价（元/吨） | 不含税金额（元） "
        "| 含税单价（元/吨） | 含税金额（元） |\n"
        "| 螺纹钢 | 100 | 4,000.00 | 400,000.00 | 4,520.00 | 452,000.00 |\n"
    )
    assert rule_hits(good) == []
    bad = good.replace("452,000.00", "450,000.00")
    (hit,) = rule_hits(bad)
    assert "450,000.00" in hit


def test_two_unit_prices_and_one_plain_amount_are_not_guessed() -> None:
    text = "| 品名 | 数量 | 出厂单价 | 到岸单价 | 金额 |\n| 电缆 | 10 | 100.00 | 120.00 | 1,200.00 |\n"
    assert rule_hits(text) == []


# --- units and sections -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "| 品名 | 数量（吨） | 单价（元/吨） | 金额（元） |",
        "| 品名 | 数量/吨 | 单价/元每吨 | 合价/元 |",
        "| 品名 | 订货量（t） | 价格（元/t） | 小计（元） |",
    ],
)
def test_units_in_the_header(header: str) -> None:
    assert rule_hits(header + "\n| 螺纹钢 | 25.5 | 4,000.00 | 102,000.00 |\n") == []
    assert len(rule_hits(header + "\n| 螺纹钢 | 25.5 | 4,000.00 | 100,000.00 |\n")) == 1


def test_wan_yuan_amounts() -> None:
    text = (
        "| 项目 | 数量 | 单价（元） | 金额（万元） |\n| 空调主机 | 4 | 98,000.00 | 39.2 |\n"
        "| 合计 |  |  | 39.2 |\n"
    )
    assert rule_hits(text) == []
    assert len(rule_hits(text.replace("| 39.2 |\n| 合计", "| 38.2 |\n| 合计"))) == 1


SECTIONS = (
    "| 序号 | 品名 | 数量 | 单价 | 金额 |\n"
    "| 一 | 设备 |  |  |  |\n"
    "| 1 | 水泵 | 2 | 10,000.00 | 20,000.00 |\n"
    "| 2 | 控制柜 | 1 | 8,000.00 | 8,000.00 |\n"
    "| 小计 |  |  |  | {s1} |\n"
    "| 二 | 安装 |  |  |  |\n"
    "| 3 | 安装调试 | 1 | 5,000.00 | 5,000.00 |\n"
    "| 小计 |  |  |  | 5,000.00 |\n"
    "| 合计 |  |  |  | {total} |\n"
)


def test_subtotal_sections() -> None:
    assert rule_hits(SECTIONS.format(s1="28,000.00", total="33,000.00")) == []
    (hit,) = rule_hits(SECTIONS.format(s1="27,000.00", total="33,000.00"))
    assert "27,000.00" in hit
    (hit,) = rule_hits(SECTIONS.format(s1="28,000.00", total="35,000.00"))
    assert "35,000.00" in hit


def test_each_line_reported_once_under_subtotal_and_total() -> None:
    text = SECTIONS.format(s1="28,000.00", total="33,000.00").replace(
        "| 8,000.00 | 8,000.00 |", "| 8,000.00 | 9,000.00 |"
    )
    hits = [f for f in lint_text(text, RULE) if "9,000.00" in f.snippet and "控制柜" in f.snippet]
    assert len(hits) == 1


def test_options_are_alternatives_not_a_sum() -> None:
    text = (
        "| 方案 | 产品 | 数量 | 单价(元) | 金额(元) |\n"
        "| 方案A | 会议平板 | 1 | 31,160.00 | 31,160.00 |\n"
        "| 方案A小计 |  |  |  | 31,160.00 |\n"
        "| 方案B | 会议平板 | 1 | 30,176.00 | 30,176.00 |\n"
        "| 方案B | 摄像机 | 2 | 11,776.00 | 23,552.00 |\n"
        "| 方案B小计 |  |  |  | 53,728.00 |\n"
    )
    assert rule_hits(text) == []


def test_total_row_with_upper_in_a_word_table(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("钢材买卖合同")
    t = d.add_table(rows=4, cols=5)
    for i, h in enumerate(["序号", "品名", "数量（吨）", "单价（元/吨）", "金额（元）"]):
        t.cell(0, i).text = h
    for r, row in enumerate(
        [["1", "螺纹钢", "100", "4,000.00", "400,000.00"], ["2", "盘螺", "20", "4,200.00", "84,000.00"]]
    ):
        for i, v in enumerate(row):
            t.cell(r + 1, i).text = v
    t.cell(3, 0).merge(t.cell(3, 3)).text = "合计（大写）：人民币肆拾捌万肆仟元整"
    t.cell(3, 4).text = "484,000.00"
    path = tmp_path / "steel.docx"
    d.save(path)
    assert lint_file(path, RULE).findings == []
    t.cell(3, 4).text = "480,000.00"
    d.save(path)
    (f,) = lint_file(path, RULE).findings
    assert "480,000.00" in f.snippet


def test_merged_two_row_header_in_a_word_table(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("零部件供货合同")
    t = d.add_table(rows=3, cols=8)
    for i, h in enumerate(["序号", "零件", "2027年", "", "", "2028年", "", ""]):
        if h:
            t.cell(0, i).text = h
    t.cell(0, 2).merge(t.cell(0, 4))
    t.cell(0, 5).merge(t.cell(0, 7))
    t.cell(0, 0).merge(t.cell(1, 0))
    t.cell(0, 1).merge(t.cell(1, 1))
    for i, h in enumerate(["数量", "单价（元）", "金额（元）", "数量", "单价（元）", "金额（元）"]):
        t.cell(1, i + 2).text = h
    for i, v in enumerate(["1", "制动钳", "100", "286.00", "28,600.00", "100", "277.42", "27,742.00"]):
        t.cell(2, i).text = v
    path = tmp_path / "parts.docx"
    d.save(path)
    facts = extract(read_document(path)).amount
    assert sorted(ln.unit_price for t_ in facts.item_tables for ln in t_.lines) == [
        Decimal("277.42"),
        Decimal("286.00"),
    ]
    assert lint_file(path, RULE).findings == []


# --- PDF line tables --------------------------------------------------------------------------------


def pdf_hits(lines: list[str]) -> list[str]:
    from contractkit.lint import lint_document

    return [f.snippet for f in lint_document(pdf_doc(lines), RULE)]


def test_pdf_total_run_into_the_last_row() -> None:
    lines = [
        "1 产品与价格序号 品名 规格与标准 数量 单位 单价(元/",
        "kg)",
        "金额(元)",
        "1 盐酸二甲双胍 原料药,含量 98.5%-101.0%,25kg/纸板桶",
        "18000 kg 46.50 837,000.00",
        "2 格列齐特 原料药,含量 98.0%-102.0%,10kg/纸板桶",
        "1500 kg 420.00 {a}合计 1,467,000.00",
    ]
    assert pdf_hits([*lines[:-1], lines[-1].format(a="630,000.00")]) == []
    (hit,) = pdf_hits([*lines[:-1], lines[-1].format(a="666,000.00")])
    assert "666,000.00" in hit


def test_pdf_rows_joined_on_one_line() -> None:
    lines = [
        "序号 名称 型号 单位 数量 单价(元) 金额(元)",
        "1 离心泵 304 不锈钢台 6 38,600.00 231,600.00变频控制柜 一拖二 面 3 46,800.00 {a}",
    ]
    assert pdf_hits([*lines[:-1], lines[-1].format(a="140,400.00")]) == []
    (hit,) = pdf_hits([*lines[:-1], lines[-1].format(a="146,400.00")])
    assert "146,400.00" in hit


def test_pdf_row_with_unit_glued_to_the_spec() -> None:
    lines = [
        "1. 产品、数量及价格序号 品名 规格 单位 数量 单价(USD) 金额(USD)",
        "1 塑料收纳箱 PP 材质,容积",
        "70L,带万向轮个 6,000 4.20 25,200.00",
        "2 塑料收纳箱 PP 材质,容积",
        "30L个 9,000 2.35 21,150.00",
        "合计 46,350.00",
    ]
    assert pdf_hits(lines) == []
    assert len(pdf_hits([*lines[:-1], "合计 46,530.00"])) == 1


@hsettings(deadline=None, max_examples=40)
@given(
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=100, max_value=999_999).map(lambda c: Decimal(c) / 100),
    st.integers(min_value=1, max_value=5000),
    st.integers(min_value=100, max_value=999_999).map(lambda c: Decimal(c) / 100),
)
def test_year_groups_property(q1: int, p1: Decimal, q2: int, p2: Decimal) -> None:
    a1, a2 = q1 * p1, q2 * p2
    text = YEARS.replace("100 | 286.00", f"{q1} | {p1:,.2f}").replace("100 | 277.42", f"{q2} | {p2:,.2f}")
    assert rule_hits(text.format(a1=f"{a1:,.2f}", a2=f"{a2:,.2f}")) == []
    off = a1 + q1 * Decimal("0.01") + 1  # more than the rounding of a price shown to cents
    assert len(rule_hits(text.format(a1=f"{off:,.2f}", a2=f"{a2:,.2f}"))) == 1


# --- discounts, rounding and totals that are not the column's sum ---------------------------------------


@pytest.mark.parametrize(
    "discount",
    ["-100.00", "(100.00)", "10%", "九折", "阶梯5%+首单5%", "折扣率90%"],
)
def test_discount_cells_in_any_form(discount: str) -> None:
    head = "| 产品 | 数量 | 单价 | 优惠 | 金额 |\n"
    assert rule_hits(head + f"| 球阀 | 10 | 100.00 | {discount} | 900.00 |\n") == []
    assert len(rule_hits(head + f"| 球阀 | 10 | 100.00 | {discount} | 950.00 |\n")) == 1


def test_gross_price_rounded_to_cents_is_no_error() -> None:
    text = (
        "| 品名 | 数量 | 不含税单价 | 不含税金额 | 含税单价 | 含税金额 |\n"
        "| 电缆 | 1000 | 123.45 | 123,450.00 | 139.50 | {a} |\n"
    )
    assert rule_hits(text.format(a="139,498.50")) == []  # 123,450.00 × 1.13; 139.4985 shows as 139.50
    assert len(rule_hits(text.format(a="139,000.00"))) == 1


@pytest.mark.parametrize(
    "total_row",
    [
        "| 合计（含13%增值税） |  |  | 1,130.00 |",
        "| 价税合计 |  |  | 1,130.00 |",
        "| 合计（含运费） |  |  | 1,050.00 |",
        "| 优惠后合计 |  |  | 900.00 |",
    ],
)
def test_total_row_of_another_basis_is_not_the_sum(total_row: str) -> None:
    text = "| 产品 | 数量 | 不含税单价 | 不含税金额 |\n| 球阀 | 10 | 100.00 | 1,000.00 |\n" + total_row + "\n"
    assert rule_hits(text) == []
    assert len(rule_hits(text.replace(total_row, "| 合计 |  |  | 1,100.00 |"))) == 1


def test_box_drawn_item_table() -> None:
    text = (
        "┌────┬────┬────┬────┐\n│ 产品 │ 数量 │ 单价 │ 金额 │\n├────┼────┼────┼────┤\n"
        "│ 球阀 │ 2 │ 100.00 │ {a} │\n├────┼────┼────┼────┤\n│ 止回阀 │ 1 │ 50.00 │ 50.00 │\n"
        "└────┴────┴────┴────┘\n"
    )
    assert rule_hits(text.format(a="200.00")) == []
    (hit,) = rule_hits(text.format(a="210.00"))
    assert "210.00" in hit


def test_pdf_rows_of_two_groups_are_not_guessed() -> None:
    lines = [
        "序号 零件名称 单位 2027年数量 2027年单价 2028年数量 2028年单价 两年金额(元)",
        "1 前制动钳总成 套 60000 286.00 60000 277.42 33,805,200.00",
        "2 制动主缸 件 30000 168.00 30000 162.96 9,928,800.00",
    ]
    assert pdf_hits(lines) == []


@pytest.mark.parametrize(
    "head",
    [
        "1. 产品、数量及价格序号 品名 规格 单位 数量 单价(元) 金额(元)",
        "一、设备名称、型号、数量、价格设备名称 型号 数量 单位 单价(元) 金额(元)",
        "一、订货明细(单价按框架协议附件一,含 13%增值税)行 产品名称 规格 数量 单位 含税单价",
    ],
)
def test_pdf_header_after_a_section_heading(head: str) -> None:
    rows = ["1 塑料收纳箱 PP 材质", "6,000 个 4.20 {a}"]
    assert pdf_hits([head, rows[0], rows[1].format(a="25,200.00")]) == []
    assert len(pdf_hits([head, rows[0], rows[1].format(a="25,300.00")])) == 1


# --- merged price components, 大写 rows, text rows ------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "sub"),
    [(("材料费", "加工费"), "小计"), (("货价", "运费"), "合计"), (("主机", "配件"), "小计")],
)
def test_unit_price_composed_under_a_merged_header(parts: tuple[str, str], sub: str) -> None:
    text = (
        "| 序号 | 产品名称 | 数量 | 单价（元，含税） |  |  | 金额（元） |\n"
        f"|  |  |  | {parts[0]} | {parts[1]} | {sub} |  |\n"
        "| 1 | 三人帐篷 | 1,200 | 168.00 | 72.00 | 240.00 | {a} |\n"
    )
    assert rule_hits(text.replace("{a}", "288,000.00")) == []
    (hit,) = rule_hits(text.replace("{a}", "298,000.00"))
    assert "298,000.00" in hit


UPPER = Settings(select=("amount/upper-mismatch",))


@pytest.mark.parametrize(
    "rows",
    [
        "| 合计 |  |  | 696,000.00 |\n| 合计金额（大写） | {u} |  |  |\n",
        "| 合计 |  |  | 696,000.00 |\n| 大写 | {u} |  |  |\n",
        "| 合计（大写）：{u} |  |  | 696,000.00 |\n",
    ],
)
def test_upper_in_a_table_row_is_paired_with_the_total(rows: str) -> None:
    head = "| 产品 | 数量 | 单价 | 金额 |\n| 帐篷 | 2,900 | 240.00 | 696,000.00 |\n"
    good = head + rows.format(u="人民币陆拾玖万陆仟元整")
    assert lint_text(good, UPPER) == []
    (f,) = lint_text(head + rows.format(u="人民币陆拾捌万陆仟元整"), UPPER)
    assert "686,000.00" in f.message and "696,000.00" in f.message


@pytest.mark.parametrize(
    "line",
    [
        "合计金额：{f}元；大写：人民币伍万零陆佰玖拾元整。",
        "合计：{f}元;大写:人民币伍万零陆佰玖拾元整",
        "订单总额{f}元；大写人民币伍万零陆佰玖拾元整。",
    ],
)
def test_a_semicolon_before_the_upper_label_still_pairs(line: str) -> None:
    assert lint_text(line.format(f="50,690.00"), UPPER) == []
    assert len(lint_text(line.format(f="51,690.00"), UPPER)) == 1


TXT_ORDER = (
    "序号  品名      规格/要求                    数量           含税单价(元)  金额(元)\n"
    "1     安全帽    ABS，白色80顶、黄色420顶     500顶          38.50         19,250.00\n"
    "2     反光背心  荧光橙                       800件          22.80         18,240.00\n"
    "3     防护手套  丁腈涂层浸胶                 200打（12副）  66.00         13,200.00\n"
    "{total}\n"
)


@pytest.mark.parametrize(
    "total",
    ["合计金额：{f}元；大写：人民币伍万零陆佰玖拾元整。", "合计 {f}", "总计：¥{f}（含13%增值税）"],
)
def test_space_aligned_text_rows(total: str) -> None:
    assert rule_hits(TXT_ORDER.format(total=total.format(f="50,690.00"))) == []
    (hit,) = rule_hits(TXT_ORDER.format(total=total.format(f="51,690.00")))
    assert "51,690.00" in hit


def test_a_numbered_row_left_unread_leaves_the_total_unchecked() -> None:
    text = TXT_ORDER.replace("200打（12副）  66.00         13,200.00", "200打（12副）  另议          另议")
    assert rule_hits(text.format(total="合计 40,000.00")) == []


@pytest.mark.parametrize(
    "garbled",
    ["46.00 276,000.00 8,000 张 220,000.00", "12.50 3,000.00 450 套 1,350.00", "88.00 12,000 600.00"],
)
def test_ocr_runs_of_figures_are_no_row(garbled: str) -> None:
    lines = ["序号 品名 规格 数量 单位 单价(元) 金额(元)", "1 CTP版 0.27mm", garbled]
    assert pdf_hits(lines) == []


def test_english_headers_and_total_row() -> None:
    text = (
        "| Item | Qty | Unit Price (USD) | Amount (USD) |\n| Air compressor | 2 | 18,000.00 | 36,000.00 |\n"
        "| Dryer | 1 | 4,500.00 | 4,500.00 |\n| Total |  |  | {t} |\n"
    )
    assert rule_hits(text.format(t="40,500.00")) == []
    (hit,) = rule_hits(text.format(t="41,500.00"))
    assert "41,500.00" in hit
