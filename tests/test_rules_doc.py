"""docs/rules.md is generated from the registry and must be current (update it in the same commit)."""

from __future__ import annotations

from pathlib import Path

from contractkit.checks import FAMILIES
from contractkit.config import Settings
from contractkit.lint import available_rules
from contractkit.rules_doc import rules_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rule_reference_is_current():
    expected = rules_markdown(available_rules().values(), Settings())
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: run `.venv/bin/contractkit rules --format markdown > docs/rules.md`"
    )


def test_every_family_and_rule_is_documented():
    text = DOC.read_text(encoding="utf-8")
    rules = available_rules()
    assert {r.family for r in rules.values()} == set(FAMILIES)
    for rule_id, r in rules.items():
        assert f"### {rule_id}" in text
        assert r.basis in text and r.title in text
