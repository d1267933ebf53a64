"""Payment and penalty, accuracy round 8: shipping steps as a before-event deadline, parts in a schedule."""

from __future__ import annotations

from decimal import Decimal

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


# --- an aside in brackets inside an installment (30%预付款（算货款，不是定金），也就是6万元) ---


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (
            "本合同签订之日起7日内，需方支付合同总价的50%（含税，不另计费），即25,000.00元；"
            "安装完成后15日内支付50%，即25,000.00元。",
            "25000.00",
        ),
        (
            "签约后三天内先付两成货款（这笔钱算货款，不算押金），也就是12,000元；"
            "到货验收后七天内付清余下80%，也就是48,000元。",
            "12000",
        ),
        ("订货时付三成（算在货款里，不另外收），就是9,000元；提货后五天内付七成，就是21,000元。", "9000"),
    ],
)
def test_an_aside_in_brackets_stays_with_its_installment(text: str, amount: str) -> None:
    from conftest import doc_of

    from contractkit.checks.payment import _facts

    first = _facts(doc_of(text)).installments[0]
    assert first.trigger is not None and first.share is not None
    assert first.amount is not None and first.amount.value == Decimal(amount)
    assert not fires("payment/installment-without-trigger", text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("合同签订后3日内买方支付30%预付款（属于货款，不是定金）。", "installment"),
        ("合同签订后三日内支付20%（非定金）。", "installment"),
        ("签约后5日内付款30%，该款项不作为定金。", "installment"),
        ("签订后5日内甲方支付合同总价的20%作为定金。", "deposit"),
        ("签约后五日内付定金2万元。", "deposit"),
    ],
)
def test_a_payment_denied_to_be_a_deposit_is_not_one(text: str, kind: str) -> None:
    from contractkit.contract.payment import read_installments

    norm = text.replace("，", ",").replace("（", "(").replace("）", ")")
    assert [r.kind for r in read_installments(norm)][:1] == [kind]


# --- colloquial completions start the period (铺完验好后, 卸完货后, 测好后) ---


@pytest.mark.parametrize(
    "text",
    [
        "地板铺好验好后十天内付尾款。",
        "卸完货点清数量后3天内结清余款。",
        "设备测好后5日内付剩下的40%。",
        "瓷砖铺完后一周内付款70%。",
    ],
)
def test_colloquial_completion_is_a_trigger(text: str) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.deadline is not None
    assert not fires("payment/installment-without-trigger", text)
