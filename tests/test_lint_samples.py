"""The bundled drafts: the three defective ones hit every rule of four families, the clean one no warning.

Only the subject/payment/acceptance/penalty families are checked here; the other families test themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import available_rules, lint_paths

SALES = {
    "subject/no-quality-standard",
    "subject/unquantified-item",
    "subject/vague-quantity",
    "payment/installment-without-trigger",
    "payment/retention-without-release",
    "payment/shares-mismatch",
    "payment/trigger-without-deadline",
    "payment/vague-trigger",
    "acceptance/no-deemed-acceptance",
    "acceptance/objection-period-range",
    "acceptance/vague-window",
    "acceptance/window-no-length",
    "acceptance/window-no-start",
    "penalty/cap-too-high",
    "penalty/deposit-and-penalty",
    "penalty/deposit-over-limit",
    "penalty/dingjin-wording",
    "penalty/no-adjust-clause",
    "penalty/no-late-payment-penalty",
    "penalty/one-sided",
    "penalty/rate-above-cap",
}
# Rules that cannot fire together with some above: no window at all vs a window without start; no objection
# period vs one out of range; no cap vs a cap too high; no late-delivery penalty vs one-sided seller
# penalties.
SUPPLY = {
    "acceptance/no-deemed-acceptance",
    "acceptance/no-objection-period",
    "acceptance/no-window",
    "penalty/no-cap",
    "penalty/no-late-delivery-penalty",
    "penalty/one-sided",
    "penalty/rate-above-cap",
}

# The rules on installment sales, interest, charges and lump sums (all clause-scope), planted in one
# installment-sale draft that is otherwise sound in these four families.
INSTALLMENT = {
    "subject/subjective-quality",
    "payment/interest-rate-no-period",
    "payment/share-amount-mismatch",
    "payment/split-without-amounts",
    "penalty/acceleration-on-one-installment",
    "penalty/costs-as-share",
    "penalty/lump-sum-too-high",
    "penalty/self-help-seizure",
    "penalty/stacked-charges",
}


FOUR = Settings(select=("subject", "payment", "acceptance", "penalty"))


def rules_in(path: Path) -> set[str]:
    (fr,) = lint_paths([path], FOUR).files
    assert fr.error is None
    return {f.rule for f in fr.findings}


@pytest.mark.parametrize("name", ["defective-sales-contract.txt", "defective-sales-contract.docx"])
def test_defective_sales_contract(samples_dir: Path, name: str) -> None:
    assert rules_in(samples_dir / "drafts" / name) == SALES


def test_defective_supply_agreement(samples_dir: Path) -> None:
    assert rules_in(samples_dir / "drafts" / "defective-supply-agreement.txt") == SUPPLY


def test_defective_installment_sale(samples_dir: Path) -> None:
    assert rules_in(samples_dir / "drafts" / "defective-installment-sale.txt") == INSTALLMENT


def test_defective_drafts_cover_every_rule_of_the_four_families() -> None:
    families = ("subject", "payment", "acceptance", "penalty")
    registered = {rid for rid, r in available_rules().items() if r.family in families}
    planted = SALES | SUPPLY | INSTALLMENT
    assert registered <= planted, f"no sample defect for {sorted(registered - planted)}"


def test_clean_contract_has_nothing_at_warning_or_above(samples_dir: Path) -> None:
    (fr,) = lint_paths([samples_dir / "drafts" / "clean-sales-contract.txt"], FOUR).files
    assert fr.error is None
    loud = [(f.rule, f.snippet) for f in fr.findings if f.severity >= Severity.WARNING]
    assert loud == []


def _deal_samples() -> list[str]:
    here = Path(__file__).resolve().parent.parent / "samples"
    return sorted(p.name for p in here.glob("*.json") if p.name.startswith(("contract-", "quote-")))


@pytest.mark.parametrize("name", _deal_samples())
def test_rendered_samples_have_nothing_at_warning_or_above(samples_dir: Path, name: str) -> None:
    (fr,) = lint_paths([samples_dir / name], FOUR).files
    assert fr.error is None
    loud = [(f.rule, f.snippet) for f in fr.findings if f.severity >= Severity.WARNING]
    assert loud == []


def test_quote_gets_no_missing_clause_findings() -> None:
    from contractkit.lint import lint_text

    quote = "报价单\n报价日期：2026年3月2日\n办公桌 10张，单价800元。\n到货后10日内付款，合计人民币8,000元。"
    contract = "采购合同\n办公桌 10张，单价800元。\n乙方于合同签订后30日内交货。\n"
    contract += "到货后10日内付款，合计人民币8,000元。"
    missing = {
        "acceptance/no-objection-period",
        "penalty/no-late-payment-penalty",
        "penalty/no-late-delivery-penalty",
    }
    assert not {f.rule for f in lint_text(quote, FOUR)} & missing
    assert {f.rule for f in lint_text(contract, FOUR)} >= missing
