"""Payment and penalty facts, accuracy round 7: translated acceptance, working days, terminations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import fires

from contractkit.facts.triggers import read_timing

# --- passive and translated acceptance or receipt starts the period ---


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("尾款即合同价款的40%，由买受人在最后一批配件被其接受后20日内支付。", 20),
        ("第三期款项于全部机组经买方书面接受之日起15日内支付。", 15),
        ("剩余价款在该批零件获得采购方认可后10个工作日内付清。", 10),
        ("买受人受领全部标的物后7日内支付余款。", 7),
        ("需方接收该批板材之日起五日内支付该批货款。", 5),
    ],
)
def test_accepted_or_received_in_translated_style_is_a_trigger(text: str, value: int) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.trigger.kind in ("acceptance", "arrival")
    assert t.deadline is not None and t.deadline.value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "3.2 余款即总价的60%，计人民币180,000.00元，由买受人在第三批零件被接受后30日内支付。",
        "3.2 尾款人民币50,000.00元由采购方在全部配件获得其认可之日起二十日内支付。",
    ],
)
def test_translated_acceptance_is_not_an_installment_without_trigger(text: str) -> None:
    assert not fires("payment/installment-without-trigger", text)


def test_a_refusal_is_not_an_event() -> None:
    t = read_timing("采购方不接受该批零件的，应于3日内书面通知供应方。")
    assert t.trigger is None


# --- working days in both scripts bound the payment ---


@pytest.mark.parametrize(
    "text",
    [
        "一、買方應於本合約簽訂後7個銀行工作日內支付合約總價20%，即港幣80,000.00元。",
        "一、合約簽署後 15 個工作天內，買方以支票支付合約總價 40%，即人民幣 60,000.00 元。",
        "一、买方应于本合同签订后3个银行工作日内支付合同总价10%，即人民币9,000.00元。",
    ],
)
def test_working_days_in_both_scripts_are_a_deadline(text: str) -> None:
    assert not fires("payment/trigger-without-deadline", text)


# --- a termination after a long lateness is not an acceleration of the balance ---


@pytest.mark.parametrize(
    "text",
    [
        "8.2 买方迟延支付任何一期款项超过四十五日的，卖方有权书面通知解除本合同，并要求买方赔偿损失。",
        "任一期货款逾期满两个月仍未支付的，守约方可以解除合同。",
        "买方任何一期付款逾期，经卖方书面催告后十五日内仍未支付的，卖方有权解除合同。",
    ],
)
def test_termination_after_a_grace_is_not_acceleration(text: str) -> None:
    assert not fires("penalty/acceleration-on-one-installment", text)


@pytest.mark.parametrize(
    "text",
    [
        "买方任何一期货款未按期支付的，卖方即有权解除合同。",
        "买方任何一期付款逾期超过三十日的，卖方有权解除合同并收回全部设备。",
        "任一期货款逾期超过二十日的，剩余全部货款视为全部到期，买方应一次性付清。",
        "如需方出现任何一期逾期付款，逾期3天的，供方有权解除合同。",
    ],
)
def test_acceleration_or_instant_termination_still_fires(text: str) -> None:
    assert fires("penalty/acceleration-on-one-installment", text)
