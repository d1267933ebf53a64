"""Penalty facts, accuracy round 6: each rate of a clause paid by the party that leads it."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.contract.model import extract
from contractkit.lint import lint_text
from contractkit.readers.text import document_from_text

_HEAD = "购销合同\n供方：泰州甲绳缆有限公司\n需方：宁波乙港务有限公司\n"


@pytest.mark.parametrize(
    ("clause", "payers"),
    [
        (
            "五、违约：供方逾期交货，每日按逾期货款万分之三计违约金，需方逾期付款，每日按逾期款万分之三计违约金；",
            [("seller", "供方"), ("buyer", "需方")],
        ),
        (
            "乙方逾期交货的，每日按合同总价万分之三支付违约金，甲方逾期付款的，每日按逾期款万分之五支付违约金。",
            [("seller", "乙方"), ("buyer", "甲方")],
        ),
        (
            "卖方迟延交付的，按日万分之四计付违约金，买方迟延付款的，按日万分之四计付违约金。",
            [("seller", "卖方"), ("buyer", "买方")],
        ),
    ],
)
def test_each_rate_of_a_clause_is_paid_by_the_party_leading_it(clause: str, payers: list) -> None:
    facts = extract(document_from_text(_HEAD + clause)).penalty
    assert [(p.payer, p.party) for p in facts.penalties] == payers


def test_a_clause_for_both_sides_is_not_one_sided() -> None:
    text = (
        _HEAD
        + "五、违约：供方逾期交货，每日按逾期货款万分之三计违约金，"
        + "需方逾期付款，每日按逾期款万分之三计违约金；"
    )
    assert not [f for f in lint_text(text, Settings(select=("penalty/one-sided",)))]


def test_a_second_rate_with_no_party_of_its_own_keeps_the_clause_party() -> None:
    facts = extract(
        document_from_text(
            _HEAD + "需方逾期付款的，每日按万分之五支付违约金，逾期超过30日的，每日按万分之八支付违约金。"
        )
    ).penalty
    assert {p.payer for p in facts.penalties} == {"buyer"}


# --- 定金 and 违约金: a bar on claiming the other as well is no stacking ---

_DEPOSIT = "买卖合同\n甲方：甲公司\n乙方：乙公司\n买方于合同签订后3日内向卖方支付定金1万元。\n"
_STACK_RULE = Settings(select=("penalty/deposit-and-penalty",))


@pytest.mark.parametrize(
    "clause",
    [
        "三、一方依定金罰則主張權利者，不得就同一違約行為另行主張違約金。",
        "守约方依定金罚则处理后，不能再要求对方支付违约金。",
        "适用定金罚则的，守约方无权同时主张违约金。",
    ],
)
def test_a_bar_on_claiming_both_is_no_stacking(clause: str) -> None:
    assert lint_text(_DEPOSIT + clause, _STACK_RULE) == []


@pytest.mark.parametrize(
    "clause",
    [
        "一方违约的，守约方可以适用定金罚则，并有权另行要求对方支付违约金。",
        "收取定金的一方不履行的，应双倍返还定金，并另行支付合同总价20%的违约金。",
    ],
)
def test_a_deposit_with_a_penalty_besides_is_still_stacking(clause: str) -> None:
    assert [f.rule for f in lint_text(_DEPOSIT + clause, _STACK_RULE)] == ["penalty/deposit-and-penalty"]
