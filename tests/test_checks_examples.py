"""Every registered rule's own examples: each bad one triggers it, no good one does."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import available_rules, lint_text

RULES = available_rules()
BAD = [(rid, ex) for rid, r in RULES.items() for ex in r.bad]
GOOD = [(rid, ex) for rid, r in RULES.items() for ex in r.good]


def test_families_present() -> None:
    families = {r.family for r in RULES.values()}
    assert {"subject", "payment"} <= families


@pytest.mark.parametrize(("rule_id", "text"), BAD, ids=[f"{r}-bad{i}" for i, (r, _) in enumerate(BAD)])
def test_bad_example_triggers(rule_id: str, text: str) -> None:
    found = lint_text(text, Settings(select=(rule_id,)))
    assert any(f.rule == rule_id for f in found), f"{rule_id} missed its bad example {text!r}"


@pytest.mark.parametrize(("rule_id", "text"), GOOD, ids=[f"{r}-good{i}" for i, (r, _) in enumerate(GOOD)])
def test_good_example_passes(rule_id: str, text: str) -> None:
    found = lint_text(text, Settings(select=(rule_id,)))
    assert found == [], f"{rule_id} fired on its good example {text!r}: {[f.message for f in found]}"


@pytest.mark.parametrize("rule_id", [r for r in RULES if r.split("/")[0] in ("subject", "payment")])
def test_my_rules_are_documented(rule_id: str) -> None:
    r = RULES[rule_id]
    assert len(r.bad) >= 2 and len(r.good) >= 2
    assert r.title and r.title_en and r.why and r.why_en and r.fix
    assert "第" in r.basis and "条" in r.basis  # an article is cited
