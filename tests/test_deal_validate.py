"""Validation: every problem, at the exact pointer, with title-based messages in both languages."""

from __future__ import annotations

import copy

import pytest

from contractkit.deal.load import load_deal
from contractkit.deal.validate import Problem, check_deal, validate_deal, validate_paths
from contractkit.errors import DealInvalid

INVALID = {
    "bad-credit-code.json": "/buyer/credit_code",
    "shares-not-100.json": "/payment/installments",
    "missing-buyer-name.json": "/buyer/name",
    "dates-out-of-order.json": "/term/end",
    "line-total-mismatch.json": "/items/1/line_total",
    "two-dispute-methods.json": "/dispute/court",
}


@pytest.fixture
def contract(samples_dir):
    return load_deal(samples_dir / "contract-equipment.json")


def test_all_samples_are_valid(samples_dir):
    files = sorted(samples_dir.glob("*.json"))
    assert len(files) >= 4
    for path in files:
        assert validate_deal(load_deal(path)) == [], path.name


@pytest.mark.parametrize(("name", "where"), sorted(INVALID.items()))
def test_each_invalid_sample_breaks_exactly_one_thing(samples_dir, name, where):
    problems = validate_deal(load_deal(samples_dir / "invalid" / name))
    assert [p.pointer for p in problems] == [where]


def test_credit_code_message_uses_title(samples_dir):
    (p,) = validate_deal(load_deal(samples_dir / "invalid" / "bad-credit-code.json"))
    assert p.message.startswith("统一社会信用代码校验位错误")
    assert "check character" in p.message_en
    assert str(p) == f"/buyer/credit_code: {p.message}"
    assert p.title == "统一社会信用代码"


def test_reports_all_problems_not_the_first(contract):
    deal = copy.deepcopy(contract)
    deal["seller"]["phone"] = "6234"
    deal["items"][0]["unit_price"] = "12.345"
    deal["signing"]["date"] = "2026-02-30"
    deal["delivery"]["carrier"] = "pigeon"
    del deal["term"]
    deal["colour"] = "red"
    pointers = {p.pointer for p in validate_deal(deal)}
    assert pointers == {
        "/seller/phone",
        "/items/0/unit_price",
        "/signing/date",
        "/delivery/carrier",
        "/term",
        "/colour",
    }


def test_checks_beyond_schema_skip_broken_parts(contract):
    deal = copy.deepcopy(contract)
    deal["items"][0]["quantity"] = "lots"
    deal["payment"]["installments"][0]["percent"] = "10"
    pointers = [p.pointer for p in validate_deal(deal)]
    assert pointers == ["/items/0/quantity"]  # no totals or share checks on top of a broken price


def test_installment_amounts_must_reach_total(contract):
    deal = copy.deepcopy(contract)
    deal["payment"]["installments"] = [
        {"amount": "600000.00", "trigger": {"event": "acceptance"}},
        {"amount": "70000", "trigger": {"event": "warranty_end"}},
    ]
    (p,) = validate_deal(deal)
    assert p.pointer == "/payment/installments" and "676000.00" in p.message
    deal["payment"]["installments"][1]["amount"] = "76000"
    assert validate_deal(deal) == []


def test_installment_needs_exactly_one_of_percent_or_amount(contract):
    deal = copy.deepcopy(contract)
    deal["payment"]["installments"][0]["amount"] = "1000"
    (p,) = validate_deal(deal)
    assert p.pointer == "/payment/installments/0" and "其中之一" in p.message


def test_stated_totals_and_quote_dates(samples_dir):
    quote = load_deal(samples_dir / "quote-office.json")
    quote["totals"]["total"] = "239504.51"
    quote["valid_until"] = "2026-03-01"
    assert [p.pointer for p in validate_deal(quote)] == ["/totals/total", "/valid_until"]


def test_signing_after_start_and_fixed_date_outside_term(contract):
    deal = copy.deepcopy(contract)
    deal["signing"]["date"] = "2026-11-21"
    deal["payment"]["installments"][2]["trigger"] = {"event": "fixed_date", "date": "2029-01-01"}
    assert [p.pointer for p in validate_deal(deal)] == ["/term/start", "/payment/installments/2/trigger/date"]
    deal["payment"]["installments"][2]["trigger"] = {"event": "fixed_date"}
    assert [p.pointer for p in validate_deal(deal)] == ["/payment/installments/2/trigger/date", "/term/start"]


def test_foreign_currency_needs_exchange_rate_and_kind_dispatch(samples_dir):
    deal = load_deal(samples_dir / "contract-export-usd.json")
    del deal["price"]["exchange_rate"]
    assert [p.pointer for p in validate_deal(deal)] == ["/price/exchange_rate"]
    assert [p.pointer for p in validate_deal({"kind": "invoice"})] == ["/kind"]
    assert [p.pointer for p in validate_deal({})] == ["/kind"]


def test_policy_risks_are_not_validation_errors(contract):
    deal = copy.deepcopy(contract)
    deal["penalties"]["deposit"] = {"amount": "300000"}  # 44 % of the total: a lint finding, not invalid
    deal["penalties"]["late_payment"]["rate"] = "0.5"
    assert validate_deal(deal) == []


def test_check_deal_raises_with_all_problems(samples_dir):
    deal = load_deal(samples_dir / "invalid" / "missing-buyer-name.json")
    with pytest.raises(DealInvalid) as info:
        check_deal(deal, path="x.json")
    assert info.value.exit_code == 1
    assert info.value.problems == [
        Problem("/buyer/name", "缺少必填项「名称」", "missing required field 'name'", "名称")
    ]


def test_validate_paths_statuses(samples_dir):
    reports = validate_paths([samples_dir / "invalid"])
    statuses = {r.label.rsplit("/", 1)[-1]: r.status for r in reports}
    assert statuses["malformed.json"] == "unreadable"
    assert all(statuses[name] == "invalid" for name in INVALID)


HOSTILE_POINTERS = {
    "penalties-int": "/penalties",
    "deposit-int": "/penalties/deposit",
    "deposit-abc": "/penalties/deposit",
    "deposit-amount-abc": "/penalties/deposit/amount",
    "price-1e28": "/items/0/unit_price",
    "quantity-1e30": "/items/0/quantity",
    "quantity-tiny": "/items/0/quantity",
    "price-huge-int": "/items/0/unit_price",
    "total-over-daxie": "/items",
    "name-surrogate": "/items/0/name",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_POINTERS))
def test_hostile_values_are_problems_at_their_pointer(name):
    from fuzz import hostile

    deal = dict(hostile.mutated_deals())[name]
    problems = validate_deal(deal)
    assert HOSTILE_POINTERS[name] in [p.pointer for p in problems], problems
    assert all(p.message and p.message_en and p.message != p.message_en for p in problems)


def test_check_deal_names_the_file_for_a_hostile_deal():
    from fuzz import hostile

    deal = dict(hostile.mutated_deals())["deposit-abc"]
    with pytest.raises(DealInvalid) as exc:
        check_deal(deal, path="deal.json")
    assert exc.value.path == "deal.json" and "/penalties/deposit" in exc.value.text("en")
