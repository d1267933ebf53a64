"""Dispute facts, accuracy round 6: 或裁或诉 written as one pair of ways (仲裁或诉讼方式解决)."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import available_rules, lint_text

DISPUTE = Settings(select=tuple(r for r in available_rules() if r.startswith("dispute/")))
HEAD = "买卖合同\n第九条 争议解决\n"


@pytest.mark.parametrize(
    "clause",
    [
        "协商不成的，双方可选择仲裁或诉讼方式解决。",
        "协商不成的，通过诉讼或仲裁途径处理。",
        "协商不成的，任何一方可以采取仲裁或者诉讼的方式解决。",
    ],
)
def test_arbitration_or_court_as_one_pair_is_both(clause: str) -> None:
    rules = {f.rule for f in lint_text(HEAD + clause + "\n", DISPUTE)}
    assert "dispute/arbitration-and-court" in rules


@pytest.mark.parametrize(
    "clause",
    [
        "协商不成的，向甲方所在地人民法院起诉。仲裁或诉讼费用由败诉方承担。",
        "协商不成的，提交苏州仲裁委员会仲裁。仲裁或诉讼的费用由败诉方承担。",
    ],
)
def test_a_fee_for_arbitration_or_court_chooses_neither(clause: str) -> None:
    assert lint_text(HEAD + clause + "\n", DISPUTE) == []
