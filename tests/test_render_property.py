"""Property: any valid deal renders, and the text read back contains its data."""

from __future__ import annotations

import copy
import io
from decimal import Decimal
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from contractkit.deal.derive import compute
from contractkit.deal.load import load_deal
from contractkit.deal.validate import validate_deal
from contractkit.money import amount_to_upper, format_amount
from contractkit.render.docx import render_docx

BASE = load_deal(Path(__file__).resolve().parent.parent / "samples" / "contract-equipment.json")
QUOTE = load_deal(Path(__file__).resolve().parent.parent / "samples" / "quote-office.json")

_chars = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x00")
text = st.text(alphabet=st.one_of(st.sampled_from("&<>\"'{}%#"), _chars), min_size=1, max_size=20).map(
    lambda s: s.strip() or "名"
)
name = st.builds(lambda a, b: f"{a}{b}有限公司", text, st.sampled_from(["&", "<", ">", '"', "'", ""]))
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999.99"), places=2)


@st.composite
def items(draw):
    out = []
    for _ in range(draw(st.integers(1, 6))):
        qty = draw(st.integers(1, 500))
        price = draw(money)
        item = {
            "name": draw(text),
            "specification": draw(text) + " 500 mm",
            "unit": draw(st.sampled_from(["台", "套", "项", "个"])),
            "quantity": qty,
            "unit_price": str(price),
        }
        if draw(st.booleans()):
            item["discount"] = str(
                (qty * price * Decimal(draw(st.integers(0, 30))) / 100).quantize(Decimal("0.01"))
            )
        out.append(item)
    return out


@st.composite
def shares(draw):
    n = draw(st.integers(1, 4))
    cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=n - 1, max_size=n - 1, unique=True)))
    bounds = [0, *cuts, 100]
    return [bounds[i + 1] - bounds[i] for i in range(n)]


@st.composite
def deals(draw):
    deal = copy.deepcopy(draw(st.sampled_from([BASE, QUOTE])))
    deal["seller"]["name"] = draw(name)
    deal["buyer"]["name"] = draw(name)
    deal["buyer"]["address"] = draw(text) + "路8号"
    deal["items"] = draw(items())
    events = ["contract_effective", "delivery", "acceptance", "invoice_received"]
    deal.setdefault("payment", {})["installments"] = [
        {
            "name": f"第{i + 1}期",
            "percent": str(p),
            "trigger": {"event": draw(st.sampled_from(events))},
            "deadline": {"value": draw(st.integers(1, 30)), "unit": "working_days"},
        }
        for i, p in enumerate(draw(shares()))
    ]
    if deal["kind"] == "quote":
        deal["discounts"] = [
            {"kind": "promotion", "percent": str(draw(st.integers(0, 10))), "description": draw(text)}
        ]
    deal.pop("totals", None)
    return deal


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow]
)
@given(deals())
def test_valid_deals_render_and_nothing_is_lost(deal):
    assume(not validate_deal(deal))
    text = _text(render_docx(deal))
    rest = text
    data = [deal["seller"]["name"], deal["buyer"]["name"], deal["buyer"]["address"]]
    data += [i["name"] for i in deal["items"]] + [i["specification"] for i in deal["items"]]
    data += [d.get("description", "") for d in deal.get("discounts", [])]
    for value in sorted(data, key=len, reverse=True):
        rest = rest.replace(value, "")
    assert "{{" not in rest and "{%" not in rest
    for role in ("seller", "buyer"):
        assert deal[role]["name"] in text
    assert deal["buyer"]["address"] in text
    totals = compute(deal)
    for item, line in zip(deal["items"], totals.lines, strict=True):
        assert item["name"] in text and item["specification"] in text
        assert format_amount(line.net) in text
    assert format_amount(totals.total) in text
    assert amount_to_upper(totals.total) in text
