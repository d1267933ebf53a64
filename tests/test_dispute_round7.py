"""Round 7 (dispute): a colloquial dispute sentence — talks that fail (商量不好, 沟通无果, 谈判失败) then a
court or arbitration — and a colloquial dispute heading (吵架了怎么办, 有争执怎么办) are a dispute clause."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

DISPUTE = Settings(select=("dispute",))

HEAD = (
    "二手钢琴转让协议\n甲方：杭州琴韵艺术培训有限公司\n乙方：宁波和声琴行有限公司\n"
    "一、东西和价钱\n甲方把三台二手立式钢琴卖给乙方，总价人民币36000元。\n"
)
TAIL = "\n本协议一式两份，签字盖章后生效。\n"


def rules(text: str) -> set[str]:
    return {f.rule for f in lint_text(text, DISPUTE)}


@pytest.mark.parametrize(
    "clause",
    [
        "二、其他\n先商量。商量不好，就到杭州市西湖区人民法院起诉。",
        "二、其他\n两家沟通无果的，找宁波市海曙区人民法院告对方。",
        "二、其他\n真有问题先谈，谈判失败就向杭州仲裁委员会申请仲裁。",
        "二、吵架了怎么办\n到甲方所在地的法院去解决。",
        "二、有争执怎么办\n可以到乙方所在地人民法院起诉。",
    ],
)
def test_a_colloquial_dispute_clause_is_a_dispute_clause(clause: str) -> None:
    assert "dispute/no-dispute-clause" not in rules(HEAD + clause + TAIL)


def test_a_court_named_for_another_matter_is_no_dispute_clause() -> None:
    text = HEAD + "二、其他\n乙方应把钢琴送到法院家属院的琴房。" + TAIL
    assert "dispute/no-dispute-clause" in rules(text)
