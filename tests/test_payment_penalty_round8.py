"""Payment and penalty, accuracy round 8: shipping steps as a before-event deadline, parts in a schedule."""

from __future__ import annotations

import pytest
from conftest import fires

from contractkit.facts.triggers import read_timing

# --- payment due before a shipping step (装船前5日, 装柜前, 报关前) has its deadline: the step itself ---


@pytest.mark.parametrize(
    "text",
    [
        "每批钢材装船前 3 日，买方支付该批钢材价款的70%。",
        "集装箱装柜前，采购方付清本批货款。",
        "出口报关前五个工作日，甲方支付合同总价的90%。",
        "货物装车以前，需方结清全部余款。",
        "设备离港前十日，买方电汇剩余货款。",
    ],
)
def test_payment_before_a_shipping_step_has_a_deadline(text: str) -> None:
    t = read_timing(text)
    assert t.deadline is not None and t.deadline.unit == "before_event"
    assert not fires("payment/trigger-without-deadline", text)


@pytest.mark.parametrize(
    "text",
    ["货物装船后，买方支付合同总价的70%。", "集装箱装柜完成后支付剩余货款。"],
)
def test_payment_after_a_shipping_step_without_a_period_still_fires(text: str) -> None:
    assert fires("payment/trigger-without-deadline", text)


# --- a split whose parts are laid out in a schedule or annex the clause points to ---


@pytest.mark.parametrize(
    "text",
    [
        "合同总价按附表二分四期支付。",
        "货款依照附件3所列付款节点分三次付清。",
        "本合同价款根据付款计划表分两笔支付。",
        "价款详见附录A，分五期结清。",
    ],
)
def test_split_with_parts_in_a_schedule_is_not_flagged(text: str) -> None:
    assert not fires("payment/split-without-amounts", text)


@pytest.mark.parametrize(
    "text",
    ["合同总价分四期支付，附件二为技术协议。", "余款分两次付清。", "货款分三笔支付，具体以双方对账为准。"],
)
def test_split_without_a_schedule_still_fires(text: str) -> None:
    assert fires("payment/split-without-amounts", text)
