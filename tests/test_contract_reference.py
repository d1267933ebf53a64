"""docs/contract-model.md is generated from the facts model and must be current."""

from __future__ import annotations

from pathlib import Path

from contractkit.contract.reference import model_reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "contract-model.md"


def test_model_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == model_reference(), "run: python scripts/model_doc.py"


def test_every_family_is_documented_with_its_fields() -> None:
    text = model_reference()
    for family in ("parties", "payment", "acceptance", "penalty", "delivery", "dispute", "term"):
        assert f"## `{family}`" in text
    assert "| `where` | where |" in text
