"""`amount` rules: 大写 vs figures (property-based), tables, VAT, exchange rate, samples and corpus."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import lint_paths, lint_text
from contractkit.money import amount_to_upper, format_amount

AMOUNT = Settings(select=("amount",))
cents = st.integers(min_value=1, max_value=99_999_999_999).map(lambda c: Decimal(c) / 100)


@hsettings(deadline=None)
@given(cents)
def test_matching_upper_and_figures_pass(value: Decimal) -> None:
    text = f"合同总价为人民币{format_amount(value)}元（大写：{amount_to_upper(value)}）。"
    assert lint_text(text, Settings(select=("amount/upper-mismatch", "amount/malformed-upper"))) == []


@hsettings(deadline=None)
@given(cents)
def test_one_yuan_off_is_caught(value: Decimal) -> None:
    text = f"合同总价为人民币{format_amount(value + 1)}元（大写：{amount_to_upper(value)}）。"
    found = lint_text(text, Settings(select=("amount/upper-mismatch",)))
    assert [f.rule for f in found] == ["amount/upper-mismatch"]


def test_both_zero_variants_accepted() -> None:
    for upper in ("壹拾万零柒仟元零伍角叁分", "壹拾万柒仟元伍角叁分"):
        assert lint_text(f"总价¥107,000.53（人民币{upper}）", AMOUNT) == []


def test_defective_sample_hits_amount_rules(samples_dir: Path) -> None:
    (fr,) = lint_paths([samples_dir / "drafts" / "defective-parties-amount.txt"], AMOUNT).files
    assert {f.rule for f in fr.findings} == {
        "amount/upper-mismatch",
        "amount/malformed-upper",
        "amount/table-total-mismatch",
        "amount/vat-rate-invalid",
        "amount/no-exchange-rate",
    }
    (fr,) = lint_paths([samples_dir / "drafts" / "defective-supply-agreement.txt"], AMOUNT).files
    assert "amount/tax-missing" in {f.rule for f in fr.findings}


def test_docx_table_with_quote_discount_adds_up(samples_dir: Path) -> None:
    # the rendered quote's 合计 is after a 5 % discount stated below the table: not a mismatch
    (fr,) = lint_paths([samples_dir / "quote-office.json"], AMOUNT).files
    assert fr.error is None and fr.findings == []


def test_samples_and_clean_draft_quiet(samples_dir: Path) -> None:
    paths = [p for p in sorted(samples_dir.glob("*.json")) if not p.name.startswith("price-list")]
    result = lint_paths([*paths, samples_dir / "drafts" / "clean-sales-contract.txt"], AMOUNT)
    loud = [(fr.path, f.rule) for fr in result.files for f in fr.findings if f.severity >= Severity.WARNING]
    assert loud == []


def test_obsolete_and_unknown_rates() -> None:
    msgs = [f.message for f in lint_text("上述价格含11%增值税；服务费税率为7%。", AMOUNT)]
    assert any("已废止" in m and "11%" in m for m in msgs) and any("7%" in m for m in msgs)
    assert (
        lint_text("上述价格含13%增值税，印花税税率为0.03%。", Settings(select=("amount/vat-rate-invalid",)))
        == []
    )


def test_real_corpus_has_no_amount_warnings(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir], AMOUNT)
    loud = [(fr.path, f.rule) for fr in result.files for f in fr.findings if f.severity >= Severity.WARNING]
    assert loud == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("含税单价90000元/台，两台设备的合同总价为180000元。", "amount/vat-rate-missing"),
        ("本合同价格为不含税价人民币5万元。", "amount/vat-rate-missing"),
        ("乙方享受甲方产品市值3.5折的后续进货价待遇。", "amount/price-undetermined"),
        ("收获后由原告以保护价收购。", "amount/price-undetermined"),
        ("价格随行就市。", "amount/price-undetermined"),
        ("技术服务费适用13%增值税税率。", "amount/vat-rate-kind"),
        ("大米适用13%的增值税税率。", "amount/vat-rate-kind"),
        ("合同总金额：USD 46,350.00（大写：美元肆万陆仟伍佰叁拾元整）。", "amount/upper-mismatch"),
    ],
)
def test_amount_defects(text: str, rule: str) -> None:
    assert rule in [f.rule for f in lint_text(text, AMOUNT)]


@pytest.mark.parametrize(
    "text",
    [
        "含13%增值税单价90000元/台。",
        "本合同价格为含税价（免税农产品）。",
        "单价按交货前一日上海有色网公布的1#电解铜均价加加工费3,000元/吨结算。",
        "质保期满后，乙方以不高于当期市场价格的价格向甲方供应备件。",
        "基础油市场价格较本协议签订时波动超过8%的，任何一方可书面提出调价。",
        "设备价款适用13%的增值税税率，安装调试及培训费适用9%的增值税税率。",
        "软件许可费适用13%增值税税率，实施服务费适用6%增值税税率。",
        "合同总金额：USD 46,350.00（大写：美元肆万陆仟叁佰伍拾元整），以美元电汇支付。",
        "破碎锤首付款计贰万元正，尾款贰万元正于2014年3月31日前付清。",
    ],
)
def test_amount_sound(text: str) -> None:
    assert [f.rule for f in lint_text(text, AMOUNT) if f.severity >= Severity.WARNING] == []


def test_vat_rate_reported_once_where_it_is_set() -> None:
    text = "上述单价为含税价，适用10%的增值税税率。乙方按批次开具10%税率的增值税专用发票。"
    (f,) = lint_text(text, Settings(select=("amount/vat-rate-invalid",)))
    assert "适用10%" in f.snippet and "另有1处" in f.message


def test_exchange_rate_points_at_rmb_payment() -> None:
    text = "合同总金额：USD 125,200.00。\n本合同以美元计价，买方可以美元或人民币付款。"
    (f,) = lint_text(text, Settings(select=("amount/no-exchange-rate",)))
    assert "人民币付款" in f.snippet
    assert (
        lint_text(
            "合同总金额：USD 125,200.00。买方以美元电汇方式付款。",
            Settings(select=("amount/no-exchange-rate",)),
        )
        == []
    )


def test_table_line_wrong_total_right() -> None:
    text = (
        "| 产品 | 数量 | 单价 | 金额 |\n| A | 24 | 2,380.00 | 57,120.00 |\n| B | 8 | 2,960.00 | 23,860.00 |\n"
        "| 合计 |  |  | 80,800.00 |"
    )
    found = lint_text(text, Settings(select=("amount/table-total-mismatch",)))
    assert len(found) == 1 and "23,860.00" in found[0].snippet


@pytest.mark.parametrize(
    "text",
    [
        "合同总价包含货物、运输、安装、13%增值税及售后服务等全部费用。",
        "为含税价，含进口关税、国内运输、安装培训及 13%的增值税销项税额。",
    ],
)
def test_tax_in_the_whole_price_is_not_a_rate_per_supply(text: str) -> None:
    assert lint_text(text, Settings(select=("amount/vat-rate-kind",))) == []


# --- fixes (lint --redline): the 大写 regenerated from the figures -----------------------------------------

UPPER = Settings(select=("amount/upper-mismatch", "amount/malformed-upper"))


def _apply(text: str, finding) -> str:
    """The text with the finding's fix applied (text documents are one block per line)."""
    lines = text.split("\n")
    line = finding.location.line - 1
    s, e = finding.fix.span
    lines[line] = lines[line][:s] + finding.fix.replacement + lines[line][e:]
    return "\n".join(lines)


def _fixed_until_clean(text: str) -> str:
    for _ in range(3):
        findings = [f for f in lint_text(text, UPPER) if f.fix is not None]
        if not findings:
            return text
        text = _apply(text, findings[0])
    return text


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("合同总价为人民币600,000.00元（大写：人民币陆拾伍万元整）。", "人民币陆拾万元整"),
        ("总价款：¥12,300.00（人民币壹万贰仟元整）", "人民币壹万贰仟叁佰元整"),
        ("第二条 合同金额\n合同总价：人民币60万元（大写：陆拾伍万元整）。", "陆拾万元整"),
        ("总价：EUR 125,000.00（大写：欧元壹拾贰万元整）", "欧元壹拾贰万伍仟元整"),
        ("价款为壹仟陆佰捌拾元叁角贰分（¥1,680.52）。", "壹仟陆佰捌拾元零伍角贰分"),
    ],
)
def test_upper_mismatch_fix_rewrites_the_words_from_the_figures(text: str, replacement: str) -> None:
    (f,) = lint_text(text, Settings(select=("amount/upper-mismatch",)))
    assert f.fix is not None and f.fix.replacement == replacement
    assert "会计基础工作规范" in f.fix.note
    assert lint_text(_apply(text, f), UPPER) == []


@hsettings(deadline=None, max_examples=40)
@given(cents, cents)
def test_any_mismatch_fix_makes_the_finding_go_away(figure: Decimal, words: Decimal) -> None:
    text = f"合同总价为人民币{format_amount(figure)}元（大写：{amount_to_upper(words)}）。"
    findings = lint_text(text, UPPER)
    if figure == words:
        assert findings == []
        return
    (f,) = findings
    assert f.rule == "amount/upper-mismatch" and f.fix is not None
    assert lint_text(_apply(text, f), UPPER) == []


def test_figures_the_odd_one_out_are_flagged_without_a_fix() -> None:
    text = (
        "| 产品名称 | 数量 | 单价（元） | 金额（元） |\n| 数控车床 | 2 | 180,000.00 | 360,000.00 |\n"
        "| 合计 |  |  | 360,000.00 |\n合同总价为人民币350,000.00元（大写：人民币叁拾陆万元整）。"
    )
    (f,) = lint_text(text, Settings(select=("amount/upper-mismatch",)))
    assert f.fix is None and "核对小写金额" in f.message and "check the figures" in f.message_en


def test_words_that_agree_with_nothing_else_are_fixed_even_beside_a_table() -> None:
    text = (
        "| 产品名称 | 数量 | 单价（元） | 金额（元） |\n| 数控车床 | 2 | 180,000.00 | 360,000.00 |\n"
        "| 合计 |  |  | 360,000.00 |\n合同总价为人民币360,000.00元（大写：人民币叁拾伍万元整）。"
    )
    (f,) = lint_text(text, Settings(select=("amount/upper-mismatch",)))
    assert f.fix is not None and f.fix.replacement == "人民币叁拾陆万元整"


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("合同总价为人民币壹万二千元整（¥12,000.00）。", "人民币壹万贰仟元整"),
        ("合同总价为人民币壹仟肆佰零玖元伍角伍分整（¥1,409.55）。", "人民币壹仟肆佰零玖元伍角伍分"),
        ("总价：人民币壹仟肆佰零玖元伍分。", "人民币壹仟肆佰零玖元零伍分"),
        ("总价：人民币壹拾伍万元（¥150,000.00）。", "人民币壹拾伍万元整"),
        ("合同总价人民币叁万元（30,000.00元）。", "人民币叁万元整"),
    ],
)
def test_malformed_upper_fix_writes_the_standard_form(text: str, replacement: str) -> None:
    (f,) = lint_text(text, Settings(select=("amount/malformed-upper",)))
    assert f.fix is not None and f.fix.replacement == replacement
    assert lint_text(_apply(text, f), UPPER) == []


def test_malformed_words_that_disagree_with_the_figure_get_no_malformed_fix() -> None:
    text = "合同总价为人民币壹万二千元整（¥13,000.00）。"
    findings = lint_text(text, UPPER)
    assert findings and all(f.fix is None for f in findings if f.rule == "amount/malformed-upper")
    fixed = _fixed_until_clean(text)
    assert fixed == text or lint_text(fixed, UPPER) == []


def test_redline_writes_the_regenerated_words_as_a_tracked_change(tmp_path: Path) -> None:
    import re
    import zipfile

    import docx

    from contractkit.redline import redline_docx

    src, out = tmp_path / "draft.docx", tmp_path / "reviewed.docx"
    d = docx.Document()
    d.add_paragraph("买卖合同")
    d.add_paragraph("合同总价为人民币600,000.00元（大写：人民币陆拾伍万元整）。")
    d.save(str(src))
    (fr,) = lint_paths([src], Settings(select=("amount/upper-mismatch",))).files
    changes, _comments = redline_docx(src, fr.findings, out)
    assert changes == 1
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    inserted = "".join(re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml))
    deleted = "".join(re.findall(r"<w:del [^>]*>.*?</w:del>", xml))
    assert "人民币陆拾万元整" in inserted and "陆拾伍万" in deleted


@pytest.mark.parametrize(
    "text",
    [
        "合同金额为含税全包价，包括货物、运输、安装、调试、培训、税费（增值税税率13%）。",
        "上述价格包括设备、安装、培训及运输，增值税税率13%。",
        "本合同价款含设备、安装调试、技术服务费用，适用13%税率。",
    ],
)
def test_one_rate_for_a_list_of_supplies_is_the_whole_price(text: str) -> None:
    assert lint_text(text, Settings(select=("amount/vat-rate-kind",))) == []


@pytest.mark.parametrize(
    "text",
    [
        "報價總額：人民幣 371,004.00 元（大寫：人民幣參拾柒萬壹仟零肆元整）。",
        "合約總價：人民幣參萬元整（¥30,000.00）。",
        "總價款為人民幣參佰元整（¥300.00）。",
    ],
)
def test_traditional_upper_digit_shen(text: str) -> None:
    rules = Settings(select=("amount/malformed-upper", "amount/upper-mismatch"))
    assert lint_text(text, rules) == []
    wrong = text.replace("參", "肆", 1)
    assert [f.rule for f in lint_text(wrong, rules)] == ["amount/upper-mismatch"]


def test_simplified_can_is_still_malformed() -> None:
    found = lint_text(
        "合同总价：人民币参万元整（¥30,000.00）。", Settings(select=("amount/malformed-upper",))
    )
    assert [f.rule for f in found] == ["amount/malformed-upper"]


@pytest.mark.parametrize(
    "text",
    [
        "含税价：货物按13%、铺装服务按9%开具增值税专用发票。",
        "设备价款按13%、安装服务按9%开具增值税专用发票。",
        "货物适用13%，技术服务费适用6%的增值税税率。",
    ],
)
def test_each_rate_of_a_list_belongs_to_the_supply_named_just_before_it(text: str) -> None:
    from contractkit.config import Settings
    from contractkit.lint import lint_text

    assert lint_text(text, Settings(select=("amount/vat-rate-kind", "amount/vat-rate-missing"))) == []


def _scanned(lines: list[str]):
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"pages": 1, "ocr": [1]})


@pytest.mark.parametrize(
    "line",
    [
        "合同总价人民币 213,800.00 元(大写: 人民币厨拾壹万参仟捌佰元整),含13%增值税。",
        "合计金额 120,000.00 元（大写：人民币查拾贰万元整）。",
        "总价 15,000.00 元，大写：人民币豆拾伍仟元整。",
    ],
)
def test_a_scanned_amount_in_words_headed_by_a_misread_glyph_is_not_judged(line: str) -> None:
    from contractkit.lint import lint_document

    doc = _scanned(["买卖合同", "第一条 价款", line])
    found = lint_document(doc, Settings(select=("amount/malformed-upper",)))
    assert [f.rule for f in found if f.rule.startswith("amount/")] == []


def test_a_typed_amount_in_words_with_a_bare_ten_is_still_malformed() -> None:
    found = lint_text(
        "合同总价人民币110,000.00元（大写：人民币拾壹万元整）。", Settings(select=("amount/malformed-upper",))
    )
    assert [f.rule for f in found] == ["amount/malformed-upper"]


_PRICE_HEAD = "设备买卖合同\n第三条 合同价款\n"


@pytest.mark.parametrize(
    "clause",
    [
        "1. 合同总价人民币 328,400.00 元(大寫:和仟肆佰元整 會139%4 增值税。",  # a scan's 含13%增值税
        "本合同总价为人民币600,000.00元（价税合计）。",
        "本合同总价为人民币600,000.00元，乙方按总价开具增值税专用发票。",
        "本合同总价为人民币600,000.00元，税费由乙方承担。",
    ],
)
def test_a_price_clause_naming_the_tax_in_any_wording_is_not_missing_it(clause: str) -> None:
    rule = Settings(select=("amount/tax-missing",))
    assert lint_text(_PRICE_HEAD + clause, rule) == []
    bare = _PRICE_HEAD + "本合同总价为人民币600,000.00元。"
    assert [f.rule for f in lint_text(bare, rule)] == ["amount/tax-missing"]


@pytest.mark.parametrize(
    ("qty", "price", "rows"),
    [
        (
            "数量（千只）",
            "单价（元/只）",
            "| 瓶坯 | 3,000 | 0.142 | 426,000.00 |\n| 瓶盖 | 1,500 | 0.205 | 307,500.00 |\n",
        ),
        (
            "Qty (k pcs)",
            "Unit price (RMB/pc)",
            "| 瓶坯 | 3,000 | 0.142 | 426,000.00 |\n| 瓶盖 | 1,500 | 0.205 | 307,500.00 |\n",
        ),
        (
            "数量（万个）",
            "单价（元/个）",
            "| 瓶坯 | 30 | 1.42 | 426,000.00 |\n| 瓶盖 | 15 | 2.05 | 307,500.00 |\n",
        ),
        (
            "数量（千只）",
            "单价（元/千只）",
            "| 瓶坯 | 3,000 | 142.00 | 426,000.00 |\n| 瓶盖 | 1,500 | 205.00 | 307,500.00 |\n",
        ),
    ],
)
def test_a_quantity_counted_in_thousands_times_a_price_per_piece(qty: str, price: str, rows: str) -> None:
    rule = Settings(select=("amount/table-total-mismatch",))
    table = f"| 品名 | {qty} | {price} | 金额（元） |\n" + rows + "| 合计 |  |  | 733,500.00 |\n"
    assert lint_text(table, rule) == []
    wrong = table.replace("426,000.00", "462,000.00")
    assert len(lint_text(wrong, rule)) >= 1


@pytest.mark.parametrize(
    "clause",
    [
        "合同总价：505,300.00元，價格含 996 增人税、运费及调试费。",  # a scan's 含9%增值税
        "合同总价：505,300.00元，价格含9％増値税及运费。",
        "合同总价：505,300.00元，上述价格含 13 % 増倌税。",
    ],
)
def test_a_price_clause_naming_the_tax_garbled_by_a_scan_is_not_silent(clause: str) -> None:
    text = "设备买卖合同\n第二条 价格\n" + clause
    assert lint_text(text, Settings(select=("amount/tax-missing",))) == []


def test_a_price_clause_naming_no_tax_still_is() -> None:
    text = "设备买卖合同\n第二条 价格\n合同总价：505,300.00元，含运费及调试费。"
    assert [f.rule for f in lint_text(text, Settings(select=("amount/tax-missing",)))] == [
        "amount/tax-missing"
    ]


@pytest.mark.parametrize(
    "basis",
    [
        "依据：《竹地板年度采购框架协议》，本订单未约定事项均按该协议执行。",
        "本订单依据双方签订的《年度供货框架合同》下达，未尽事宜按该合同执行。",
        "本采购订单为《2027年度采购主协议》项下订单，其余条款适用该主协议。",
    ],
)
def test_an_order_under_a_framework_takes_the_vat_rate_from_it(basis: str) -> None:
    text = (
        "采购订单\n订单号：SJ-2027-001\n" + basis + "\n采购方：甲公司  供货方：乙公司\n"
        "| 产品名称 | 数量 | 含税单价（元） | 金额（元） |\n| 竹地板 | 1200 | 128.00 | 153,600.00 |\n"
        "订单金额：人民币153,600.00元。"
    )
    assert lint_text(text, Settings(select=("amount/vat-rate-missing",))) == []


def test_a_contract_with_a_tax_inclusive_price_and_no_rate_still_is_flagged() -> None:
    text = "买卖合同\n甲方向乙方采购竹地板1200平方米，含税单价128.00元，合同总价153,600.00元。"
    assert [f.rule for f in lint_text(text, Settings(select=("amount/vat-rate-missing",)))] == [
        "amount/vat-rate-missing"
    ]


@given(
    qty=st.integers(min_value=1, max_value=5000),
    price=st.integers(min_value=1, max_value=900),
    off=st.sampled_from([0, 0, 90, 900, 1]),
)
@hsettings(deadline=None, max_examples=40)
def test_a_text_table_line_with_a_price_per_unit_is_checked(qty: int, price: int, off: int) -> None:
    amount = Decimal(qty * price + off)
    text = (
        "购销合同\n品名 规格 数量 单价 小计\n"
        f"生豆 水洗 {qty:,}公斤  {price}元/公斤  {format_amount(amount)}元\n"
        f"一共{format_amount(amount)}元，含9%增值税。"
    )
    found = [f.rule for f in lint_text(text, AMOUNT)]
    assert (found == ["amount/table-total-mismatch"]) == (off != 0), found


def _pdf(lines: list[str], *, ocr: bool) -> list[str]:
    from contractkit.lint import lint_document
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    doc = Document(path="x.pdf", kind="pdf", blocks=blocks, meta={"ocr": [1]} if ocr else {})
    return sorted(f.rule for f in lint_document(doc, AMOUNT) if f.rule.startswith("amount/"))


#: A scan whose OCR dropped the second row's amount figure (one row short of the total).
_SCAN_ROWS = [
    "产品购销合同",
    "序号 名称 数量 单价 金额(元)",
    "1 路灯灯头 260 套 1,150.00 299,000.00",
    "2 路灯灯杆 160 根 2,380.00 380,800.00",
]


@pytest.mark.parametrize(
    "total",
    [
        "合计人民币 800,200.00 元,大写人民币捌拾万零贰佰元整,含13%增值税。",
        "合计 800,200.00 元（大写：捌拾万零贰佰元整），价格含13%增值税。",
        "合计：¥800,200.00，人民币捌拾万零贰佰元整，含税13%。",
    ],
)
def test_a_scanned_total_confirmed_by_its_words_is_no_table_mismatch(total: str) -> None:
    assert _pdf([*_SCAN_ROWS, total], ocr=True) == []
    assert _pdf([*_SCAN_ROWS, total], ocr=False) == ["amount/table-total-mismatch"]  # typed: rows are read


@pytest.mark.parametrize(
    "price",
    [
        "合同总价人民币 800,200.00 元,大写人民币捌拾万零贰佰元整, 发票。",
        "合同总价:800,200.00 元(捌拾万零贰佰元整)增 专用发票",
        "总价款 800,200.00 元，乙方开具 专票。",
        "合同总价:人民币 800,200.00 元(大写: 人民币捌拾万零贰佰元整), 含 13% 增值",
    ],
)
def test_a_scanned_price_line_naming_an_invoice_is_no_missing_tax(price: str) -> None:
    lines = ["产品购销合同", "第一条 价格", price]
    assert _pdf(lines, ocr=True) == []
    assert _pdf(lines, ocr=False) == ["amount/tax-missing"]


# -- an invoice's recipient before its rate (按3%给乙方开增值税普通发票), a scanned row garbled --------------


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        ("含税价，甲方按3%给乙方开增值税普通发票（个体户小规模）。", ["3"]),
        ("货款含税，卖方按13%向买方开具增值税专用发票。", ["13"]),
        ("价格含税，我司按1%为贵司开具增值税普通发票。", ["1"]),
        ("这个价钱是含税的，王记是小规模纳税人，按1%给开增值税普通发票。", ["1"]),
        ("价格含税，乙方按合同总价给甲方开具增值税专用发票。", []),
    ],
)
def test_the_rate_of_an_invoice_named_with_its_recipient_is_read(text: str, rates: list[str]) -> None:
    from contractkit.contract.amount import vat_rates
    from contractkit.readers.normalize import normalize

    assert [v for v, _ in vat_rates(normalize(text))] == [Decimal(r) for r in rates]


def test_a_small_scale_rate_with_the_recipient_is_no_missing_rate() -> None:
    rule = Settings(select=("amount/vat-rate-missing",))
    head = "二手设备转让合同\n一、价钱\n四样一共100000元（人民币壹拾万元整），含税价，"
    assert lint_text(head + "甲方按3%给乙方开增值税普通发票（个体户小规模）。\n", rule) == []
    found = lint_text(head + "甲方给乙方开增值税普通发票。\n", rule)
    assert [f.rule for f in found] == ["amount/vat-rate-missing"]


_GARBLED_ROWS = [
    "苹果购销合同",
    "第一条货物:卖方向买方供应苹果,规格、数量和价格如下:",
    "品名 规格 数量 单价(元/ 千克) 金额(元)",
    "红富士苹果(一级) 果径 80mm 以上 24,000 千克 7 7.60了 182,400.00",
    "红富士苹果(二级) 果径 75-80mm 16,000 千克 6.20 99,200.00",
    "合计 281,600.00",
    "第二条价款:合同总价 281,600.00 元,价格含 9% 增值税。",
]


def test_a_scanned_row_whose_figures_ocr_garbled_leaves_the_table_unsummed() -> None:
    from contractkit.lint import lint_document

    rule = Settings(select=("amount/table-total-mismatch",))
    found = lint_document(_scanned(_GARBLED_ROWS), rule)
    assert [f.rule for f in found if f.rule.startswith("amount/")] == []
    # a total that is wrong against rows that are all read is still reported on a scan
    rows = [
        *_GARBLED_ROWS[:3],
        "红富士苹果(一级) 果径 80mm 以上 24,000 千克 7.60 182,400.00",
        *_GARBLED_ROWS[4:],
    ]
    rows[5] = "合计 291,600.00"
    found = lint_document(_scanned(rows), rule)
    assert [f.rule for f in found if f.rule.startswith("amount/")] == ["amount/table-total-mismatch"]


# -- one foreign currency with RMB settlement denied needs no exchange rate --------------------------------

RATE = Settings(select=("amount/no-exchange-rate",))


@pytest.mark.parametrize(
    "clause",
    [
        "本合同以欧元计价和支付，不涉及人民币结算。",
        "货款以港币计价并以港币电汇，不以人民币支付。",
        "价格以美元表示，买方以美元付款而非人民币结算。",
        "全部价款以日元计价、结算，无需折算为人民币支付。",
    ],
)
def test_one_foreign_currency_with_rmb_denied_needs_no_rate(clause: str) -> None:
    text = f"买卖合同\n第一条 合同总价为EUR 86,400.00。\n第二条 {clause}\n"
    assert "amount/no-exchange-rate" not in {f.rule for f in lint_text(text, RATE)}


@pytest.mark.parametrize(
    "clause",
    [
        "本合同以欧元计价，买方以人民币支付。",
        "价格以美元计价，买方可以美元或人民币付款。",
        "货款以美元计价，不足部分以人民币支付。",
    ],
)
def test_a_payment_in_rmb_still_needs_a_rate(clause: str) -> None:
    text = f"买卖合同\n第一条 合同总价为USD 86,400.00。\n第二条 {clause}\n"
    assert "amount/no-exchange-rate" in {f.rule for f in lint_text(text, RATE)}


# -- a total set far right of its label ----------------------------------------------------------------------

TOTAL = Settings(select=("amount/table-total-mismatch",))


@pytest.mark.parametrize("gap", [" " * 40, " " * 90, "\t\t\t"])
@pytest.mark.parametrize(("stated", "reported"), [("96,500.00", True), ("86,500.00", False)])
def test_a_total_set_far_right_of_its_label_is_read(gap: str, stated: str, reported: bool) -> None:
    text = (
        "产品明细\n"
        "序号  产品名称      规格            数量    单价（元）  金额（元）\n"
        "1     不锈钢法兰    DN100，PN16     500个   121.00      60,500.00\n"
        "2     橡胶垫片      DN100，3mm      2,000片  13.00      26,000.00\n"
        f"合计{gap}{stated}\n"
        "第一条 质量\n按国家标准。\n"
    )
    got = "amount/table-total-mismatch" in {f.rule for f in lint_text(text, TOTAL)}
    assert got is reported


@pytest.mark.parametrize(("stated", "reported"), [("86,500.00", False), ("96,500.00", True)])
def test_a_total_row_with_the_total_quantity_before_the_amount(stated: str, reported: bool) -> None:
    text = (
        "产品明细\n"
        "序号  产品名称      规格            数量      单价（元）  金额（元）\n"
        "1     不锈钢法兰    DN100，PN16     500个     121.00      60,500.00\n"
        "2     橡胶垫片      DN100，3mm      2,000个   13.00       26,000.00\n"
        f"合计                                2,500个                {stated}\n"
        "第一条 质量\n按国家标准。\n"
    )
    got = "amount/table-total-mismatch" in {f.rule for f in lint_text(text, TOTAL)}
    assert got is reported


# -- text-laid rows the row reader does not take; the total is not one item line's 合计 -----------------


@pytest.mark.parametrize(
    "rows",
    [
        # a whole-number price beside a whole-number amount
        ("切割机 J3G-400 4台 1,280 5,120", "砂轮片 400mm 50片 36 1,800", "合计 6,920"),
        # the price and the amount both carry 元, the price per unit
        (
            "切割机 J3G-400 4台 1,280.00元 5,120.00元",
            "砂轮片 400mm 50片 36元/片 1,800.00元",
            "合计 6,920.00元，大写陆仟玖佰贰拾元整。",
        ),
        # a lump-sum line: one 项 at a whole-number price with 元
        ("切割机 J3G-400 4台 1,280.00 5,120.00", "上门调试 1项 900元 900.00元", "一共 6,020.00元"),
    ],
)
def test_rows_not_read_leave_the_total_unchecked(rows: tuple[str, ...]) -> None:
    text = "工具采购单\n品名 规格 数量 单价 金额\n" + "\n".join(rows) + "\n交货：签订后7天内送到。\n"
    assert "amount/table-total-mismatch" not in {f.rule for f in lint_text(text, AMOUNT)}


def test_rows_all_read_still_checked_against_the_total() -> None:
    text = (
        "工具采购单\n品名 规格 数量 单价 金额\n"
        "切割机 J3G-400 4台 1,280.00 5,120.00\n砂轮片 400mm 50片 36.00 1,800.00\n合计 7,920.00\n"
    )
    assert "amount/table-total-mismatch" in {f.rule for f in lint_text(text, AMOUNT)}


@pytest.mark.parametrize(
    ("text", "total"),
    [
        (
            "采购单\n1. 钢管：共200根，每根50元，合计10,000.00元。\n"
            "2. 扣件：共500个，每个4元，合计2,000.00元。\n"
            "两样总共12,000.00元，大写壹万贰仟元整。\n",
            "12000.00",
        ),
        (
            "采购单\n1. 水泥：每吨420元，共30吨，合计12,600.00元；\n"
            "2. 砂：每吨90元，共50吨，合计4,500.00元。\n"
            "以上一共17,100.00元（壹万柒仟壹佰元整）。\n",
            "17100.00",
        ),
        # one item: its 合计 is the total
        ("采购单\n钢管共200根，单价50元，合计10,000.00元。\n交货后付清。\n", "10000.00"),
    ],
)
def test_total_is_not_one_item_lines_subtotal(text: str, total: str) -> None:
    from contractkit.contract.extract import extract_text

    assert extract_text(text).amount.total.value == Decimal(total)
