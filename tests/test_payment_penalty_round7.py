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


# --- vague conditions: the payer's own trade, a third party's payment, a colloquial closing 给 ---


@pytest.mark.parametrize(
    "text",
    [
        "2. 剩下60%，就是36000元，等甲方店里客流上来了再看情况给。",
        "尾款2万元，等我们培训班生源多了再结给你。",
        "剩下的钱等我这批货卖出去、下家把钱打过来再结给你。",
        "余款8000元，等乙方订单多了再说，看情况给。",
    ],
)
def test_payment_on_the_payers_trade_or_a_third_partys_payment_is_vague(text: str) -> None:
    assert fires("payment/vague-trigger", "二手设备转让协议\n甲方：张三\n乙方：李四\n" + text)


@pytest.mark.parametrize(
    "text",
    [
        "货物交给甲方指定的收货人。",
        "乙方收到货款后把发票交给甲方。",
        "等甲方订单确认后5日内发货。",
    ],
)
def test_handing_over_or_an_order_is_not_a_vague_payment(text: str) -> None:
    assert not fires("payment/vague-trigger", "二手设备转让协议\n甲方：张三\n乙方：李四\n" + text)


# --- a key-terms table row numbered before its label (5 | 付款 | (1)…；(2)…) is read as prose ---


def test_a_numbered_payment_row_of_a_key_terms_table_is_read() -> None:
    text = (
        "买卖合同专用条款\n"
        "| 条款 | 约定内容 |\n"
        "| 4 交货 | 2026年8月31日前送至买方仓库。 |\n"
        "| 5 付款 | （1）预付款：合同生效后10个工作日内支付合同总价的30%；（2）到货款：买方在货物签收且收到"
        "发票后支付合同总价的70%。 |\n"
    )
    assert fires("payment/trigger-without-deadline", text)


# --- a schedule adding up to the price written out in words is no mismatch ---


def test_a_schedule_matching_the_price_in_words_is_not_a_mismatch() -> None:
    text = (
        "旧钢管买卖协议\n甲方：赵一\n乙方：钱二\n"
        "1. 钢管：共200根，每根50元，合计10,000.00元。\n"
        "2. 扣件：共500个，每个4元，合计2,000.00元。\n"
        "两样总共12,000.00元，大写壹万贰仟元整。\n"
        "付钱：\n"
        "1. 签协议当天，乙方先给2千元定金，结账时抵货款。\n"
        "2. 货拉走当天，乙方再付5,000.00元。\n"
        "3. 剩下的5,000.00元，乙方验完货后10天内付清。\n"
    )
    assert not fires("payment/shares-mismatch", text)
