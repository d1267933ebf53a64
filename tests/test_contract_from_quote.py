"""contract-from-quote: a quote's parties, items, discounts, delivery and payment carried into a contract
deal that validates, renders and adds up to the quote's total."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

import contractkit
from contractkit.cli import cli, main
from contractkit.deal.derive import compute
from contractkit.deal.from_quote import contract_from_quote, contract_title

QUOTE = json.loads((SAMPLES / "quote-office.json").read_text(encoding="utf-8"))


def test_carries_parties_items_discounts_delivery_payment():
    deal, defaults = contract_from_quote(QUOTE, number="XS-2026-0200", signing_date=dt.date(2026, 3, 10))
    assert contractkit.validate(deal) == []
    for key in ("seller", "buyer", "discounts", "delivery", "payment", "customer_number", "price"):
        assert deal[key] == QUOTE[key]
    assert [i["name"] for i in deal["items"]] == [i["name"] for i in QUOTE["items"]]
    assert compute(deal).total == compute(QUOTE).total  # the quote's discount is kept
    assert deal["title"] == "办公IT设备买卖合同"
    assert deal["term"] == {"start": "2026-03-10", "end": "2027-03-09", "effective": "signed_and_sealed"}
    assert defaults == ["/term/end", "/dispute/court"]


def test_arbitration_instead_of_a_court():
    deal, _ = contract_from_quote(QUOTE, commission="上海仲裁委员会")
    assert deal["dispute"] == {"method": "arbitration", "commission": "上海仲裁委员会"}
    assert contractkit.validate(deal) == []


def test_cli_writes_a_valid_contract_that_renders_with_the_discount_row(tmp_path):
    out = tmp_path / "contract.json"
    quote = str(SAMPLES / "quote-office.json")
    result = CliRunner().invoke(cli, ["contract-from-quote", quote, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "/dispute/court" in result.output  # the defaults are named for the rep to review
    deal = json.loads(out.read_text(encoding="utf-8"))
    assert contractkit.validate(deal) == []
    docx = tmp_path / "contract.docx"
    contractkit.render_deal(deal, docx)
    from docx import Document

    cells = [c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells]
    assert "减：优惠1 首单折扣（新客户首单优惠）（5%）" in cells and "-12,605.50" in cells
    assert "239,504.50" in cells


def test_cli_refuses_a_contract_and_both_court_and_arbitration(tmp_path):
    out = str(tmp_path / "c.json")
    contract = str(SAMPLES / "contract-equipment.json")
    assert main(["contract-from-quote", contract, "-o", out]) == 2  # the console script's boundary
    quote = str(SAMPLES / "quote-office.json")
    args = ["contract-from-quote", quote, "-o", out, "--court", "某法院", "--arbitration", "某仲裁委员会"]
    assert main(args) == 2


def test_cli_exits_1_when_the_contract_does_not_validate(tmp_path):
    quote = dict(QUOTE, items=[dict(QUOTE["items"][0], quantity=-3)])
    src = tmp_path / "q.json"
    src.write_text(json.dumps(quote, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "c.json"
    assert main(["contract-from-quote", str(src), "-o", str(out)]) == 1  # returned, not raised
    assert CliRunner().invoke(cli, ["contract-from-quote", str(src), "-o", str(out)]).exit_code == 1
    assert not out.exists()


@given(st.text(min_size=1, max_size=20).filter(lambda s: not s.endswith("报价单")))
def test_contract_title(prefix):
    assert contract_title(prefix + "报价单") == prefix + "买卖合同"
    assert contract_title(prefix) is None
