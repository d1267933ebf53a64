"""`amount` rules: 大写 vs figures (property-based), tables, VAT, exchange rate, samples and corpus."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import lint_paths, lint_text
from contractkit.money import amount_to_upper, format_amount

AMOUNT = Settings(select=("amount",))
cents = st.integers(min_value=1, max_value=99_999_999_999).map(lambda c: Decimal(c) / 100)


@given(cents)
def test_matching_upper_and_figures_pass(value: Decimal) -> None:
    text = f"合同总价为人民币{format_amount(value)}元（大写：{amount_to_upper(value)}）。"
    assert lint_text(text, Settings(select=("amount/upper-mismatch", "amount/malformed-upper"))) == []


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
