"""term/informal-change by channel wording: a change staff may confirm by phone or WeChat is informal
even when the channel follows the change word closely (变更可由双方业务人员电话或微信确认后执行 — no change
of contact details); a channel whose agreements are said to have no effect as a change
(口头约定不发生变更效力, 微信沟通不具有修改合同的效力) is refused, not allowed."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

INFORMAL = Settings(select=("term/informal-change",))
HEAD = "买卖合同\n甲方：武汉江城机电有限公司\n乙方：襄阳汉水轴承有限公司\n"


def rules(text: str) -> list[str]:
    return [f.rule for f in lint_text(HEAD + text, INFORMAL)]


@pytest.mark.parametrize(
    "text",
    [
        "本协议及订单的变更可由双方业务人员电话或微信确认后执行。",
        "本合同的修改可由双方经办人电话确认后执行。",
        "合同变更由双方销售代表微信确认即可。",
    ],
)
def test_a_change_confirmed_by_staff_on_the_phone_is_informal(text: str) -> None:
    assert "term/informal-change" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "任何一方变更名称、住所、联系电话的，应提前书面通知对方。",
        "一方变更收款账户或电子邮箱的，应书面通知对方。",
        "本合同的变更须签订书面补充协议，电话或微信确认的均不构成变更。",
    ],
)
def test_a_change_of_contact_details_or_a_refused_channel_is_not(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "本合同的修改应经双方签章确认，电话或短信方式的商定不发生修改效力。",
        "合同变更须书面签署，微信沟通的内容不具有变更合同的效力。",
        "对本协议的任何补充应以书面形式作出，口头承诺不发生任何法律效力。",
        "本合同的变更须双方盖章，经即时通讯达成的约定没有变更效力。",
    ],
)
def test_a_channel_without_effect_as_a_change_is_refused(text: str) -> None:
    assert rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "本合同的变更可由双方经办人微信确认，确认后即发生变更效力。",
        "合同的修改经双方电话确认后即生效。",
    ],
)
def test_a_channel_that_makes_a_change_effective_is_still_informal(text: str) -> None:
    assert "term/informal-change" in rules(text)
