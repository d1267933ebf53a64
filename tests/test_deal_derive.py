"""Derived amounts: lines, discounts, VAT both ways, installments that add up exactly."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from contractkit.deal.derive import compute
from contractkit.deal.load import load_deal

D = Decimal


def test_equipment_contract_totals(samples_dir):
    t = compute(load_deal(samples_dir / "contract-equipment.json"))
    assert [line.net for line in t.lines] == [D("366000.00"), D("298000.00"), D("12000.00")]
    assert t.lines[0].gross == D("372000.00") and t.lines[0].discount == D("6000.00")
    assert (t.subtotal, t.discount, t.total) == (D("676000.00"), D("0.00"), D("676000.00"))
    assert (t.untaxed, t.tax) == (D("598230.09"), D("77769.91"))
    assert t.installments == (D("202800.00"), D("405600.00"), D("67600.00"))
    assert t.deposit is None


def test_quote_discount_on_subtotal(samples_dir):
    t = compute(load_deal(samples_dir / "quote-office.json"))
    assert t.subtotal == D("252110.00")
    assert t.discount == D("12605.50")
    assert t.total == D("239504.50")
    assert t.untaxed + t.tax == t.total


def _deal(tax_included: bool, rate: str, price: str, percents: list[str]) -> dict:
    return {
        "kind": "contract",
        "items": [{"quantity": 3, "unit_price": price}],
        "price": {"currency": "CNY", "tax_included": tax_included, "vat_rate": rate},
        "payment": {"installments": [{"percent": p} for p in percents]},
        "penalties": {"deposit": {"amount": "100"}},
    }


def test_tax_excluded_adds_vat_half_up():
    t = compute(_deal(False, "13", "33.35", ["100"]))
    assert t.untaxed == D("100.05")
    assert t.tax == D("13.01")  # 13.0065 → 13.01
    assert t.total == D("113.06")
    assert t.deposit == D("100.00")


def test_last_installment_takes_rounding_rest():
    t = compute(_deal(True, "13", "33.33", ["33.33", "33.33", "33.34"]))
    assert t.total == D("99.99")
    assert sum(t.installments) == t.total
    assert t.installments[:2] == (D("33.33"), D("33.33"))


@given(
    price=st.decimals(min_value=D("0.01"), max_value=D("999999.99"), places=2),
    rate=st.sampled_from(["0", "3", "6", "9", "13"]),
    included=st.booleans(),
    split=st.integers(min_value=1, max_value=99),
)
def test_amounts_always_add_up(price, rate, included, split):
    t = compute(_deal(included, rate, str(price), [str(split), str(100 - split)]))
    assert t.untaxed + t.tax == t.total
    assert sum(t.installments) == t.total
    for amount in (t.total, t.tax, t.untaxed, *t.installments):
        assert amount == amount.quantize(D("0.01"))
