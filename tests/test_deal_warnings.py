"""Validation warnings and the 大写 range: a percentage written as a fraction (0.05 for 5 %) warns with
file and JSON pointer but keeps the deal valid; a total beyond what 大写 can write is rejected by validate,
not later by render."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.deal.load import load_deal
from contractkit.deal.validate import fraction_warnings, validate_deal
from contractkit.money import MAX_AMOUNT
from contractkit.render.docx import render_docx

QUOTE = SAMPLES / "quote-office.json"
CONTRACT = SAMPLES / "contract-equipment.json"


def _dump(deal: dict) -> str:
    return json.dumps(deal, ensure_ascii=False, default=lambda d: str(d) if isinstance(d, Decimal) else d)


def _quote(percent) -> dict:
    deal = load_deal(QUOTE)
    deal.pop("totals", None)
    deal["discounts"][0]["percent"] = percent
    return deal


@given(st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.9999"), places=4))
def test_a_fractional_discount_warns_with_the_percent_it_likely_meant(value: Decimal) -> None:
    (w,) = fraction_warnings(_quote(str(value)))
    assert w.pointer == "/discounts/0/percent"
    meant = format((value * 100).normalize(), "f")
    assert f"是否应为 {meant} %" in w.message and f"did you mean {meant} %?" in w.message_en


@given(st.decimals(min_value=1, max_value=100, places=2) | st.just(Decimal(0)))
def test_a_percent_of_one_or_more_or_zero_does_not_warn(value: Decimal) -> None:
    assert fraction_warnings(_quote(str(value))) == []


def test_vat_rate_and_installment_shares_warn_too() -> None:
    deal = load_deal(CONTRACT)
    deal["price"]["vat_rate"] = "0.13"
    deal["payment"]["installments"][0]["percent"] = Decimal("0.3")
    found = {w.pointer: w for w in fraction_warnings(deal)}
    assert "13 %" in found["/price/vat_rate"].message_en
    assert "30 %" in found["/payment/installments/0/percent"].message_en
    assert "/price/discounts" not in found


def test_cli_validate_warns_and_stays_0(tmp_path: Path, capsys) -> None:
    path = tmp_path / "q.json"
    path.write_text(_dump(_quote(Decimal("0.05"))), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}: /discounts/0/percent: 警告：「折扣比例」0.05 % — 是否应为 5 %？" in out
    assert "did you mean 5 %?" in out
    assert main(["validate", str(path), "--format", "json", "--lang", "en"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (entry,) = doc["files"]
    assert entry["status"] == "valid" and entry["warnings"][0]["pointer"] == "/discounts/0/percent"


def test_cli_validate_warning_and_error_exit_1(tmp_path: Path, capsys) -> None:
    deal = _quote(Decimal("0.05"))
    deal["buyer"]["credit_code"] = "91330106MA2H3L7D0X"
    path = tmp_path / "q.json"
    path.write_text(_dump(deal), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "/buyer/credit_code" in out and "/discounts/0/percent" in out


def test_render_prints_the_warning_and_still_renders(tmp_path: Path, capsys) -> None:
    path = tmp_path / "q.json"
    path.write_text(_dump(_quote("0.05")), encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "q.docx")]) == 0
    assert "did you mean 5 %?" in capsys.readouterr().err
    assert (tmp_path / "q.docx").is_file()


# -- the 大写 range --------------------------------------------------------------------------------------
def _one_line(unit_price: str, quantity: int = 1) -> dict:
    deal = load_deal(CONTRACT)
    deal["items"] = [deal["items"][0] | {"unit_price": unit_price, "quantity": quantity, "discount": "0"}]
    deal.pop("totals", None)
    (deal.get("penalties") or {}).pop("deposit", None)
    return deal


def test_the_largest_total_大写_writes_validates_and_renders() -> None:
    deal = _one_line(str(MAX_AMOUNT))
    assert validate_deal(deal) == []
    upper = "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
    with zipfile.ZipFile(io.BytesIO(render_docx(deal))) as z:
        assert upper in z.read("word/document.xml").decode()


@pytest.mark.parametrize(
    ("price", "qty"), [("999999999.00", 1001), ("600000000000", 2), ("500000000000.01", 2)]
)
def test_a_total_beyond_the_大写_range_is_rejected_by_validate(tmp_path: Path, capsys, price, qty) -> None:
    deal = _one_line(price, qty)
    (problem,) = validate_deal(deal)
    assert problem.pointer == "/items" and "大写" in problem.message and "大写 limit" in problem.message_en
    path = tmp_path / "big.json"
    path.write_text(_dump(deal), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert f"{path}: /items: 合计" in capsys.readouterr().out


def test_a_unit_price_beyond_the_range_is_a_schema_problem() -> None:
    (problem,) = validate_deal(_one_line("1000000000000.00"))
    assert problem.pointer == "/items/0/unit_price" and "999,999,999,999.99" in problem.message
