"""Payment and penalty, accuracy round 10 (mechanisms, not phrases): a sum paid alone (a 定金 credited to the
price) filling what the shares leave; a share of another stated sum (an adjusted total); a period written
right after its event (验收后30天, a schedule cell); a stage named in brackets after its share and paid by
its name later (translated style); a daily rate either party owes for any late performance."""

from __future__ import annotations

import pytest
from conftest import fires

from contractkit.facts.triggers import read_timing

HEAD = (
    "采购合同\n甲方（买方）：某某有限公司\n乙方（卖方）：某某科技有限公司\n第一条 标的\n"
    "乙方向甲方供应设备一批，合同总价为人民币100,000.00元（含13%增值税）。\n第二条 交付\n"
    "乙方应于2027年3月1日前交货至甲方仓库。\n"
)
PEN = (
    "第五条 违约责任\n乙方逾期交货的，每逾期一日按逾期部分货款的万分之三支付违约金，累计不超过合同总价的5%。"
    "甲方逾期付款的，每逾期一日按逾期金额的万分之三支付违约金，累计不超过合同总价的5%。\n"
)

# --- a sum paid alone fills what the shares leave -----------------------------------------------------------


@pytest.mark.parametrize(
    "schedule",
    [
        "1. 合同签订后3日内甲方支付定金人民币20,000.00元，定金在甲方支付尾款时抵作货款。\n"
        "2. 货物验收合格后10日内，甲方支付合同总价的70%。\n3. 质保期满后10日内支付合同总价的10%。\n",
        "签合同当天先交2万块定金，定金顶货款。货到验完没问题7天内给合同总价的70%，用满一年没毛病7天内给剩下的10%。\n",
        "| 款项 | 金额或比例 | 付款时间 |\n| 首付 | 20,000.00元 | 签约后5日内 |\n"
        "| 到货款 | 70% | 到货后10日内 |\n| 尾款 | 10% | 验收后30天 |\n",
    ],
)
def test_a_sum_paid_alone_completes_the_shares(schedule: str) -> None:
    assert not fires("payment/shares-mismatch", HEAD + "第三条 付款\n" + schedule + PEN)


def test_a_sum_that_does_not_fill_the_gap_is_still_a_mismatch() -> None:
    schedule = (
        "1. 合同签订后3日内甲方支付定金人民币15,000.00元。\n"
        "2. 货物验收合格后10日内，甲方支付合同总价的70%。\n3. 质保期满后10日内支付合同总价的10%。\n"
    )
    assert fires("payment/shares-mismatch", HEAD + "第三条 付款\n" + schedule + PEN)


# --- a share of another stated sum ------------------------------------------------------------------------

SUPPLEMENT = (
    "补充协议\n甲方：某某有限公司\n乙方：某某科技有限公司\n"
    "鉴于双方于2026年1月签订《采购合同》（合同总价人民币100,000.00元），现补充如下：\n"
    "一、合同总价由人民币100,000.00元调整为人民币120,000.00元。\n二、付款：\n"
    "1. 预付款：调整后合同总价的30%，即人民币{a}元，于本补充协议生效后5个工作日内支付。\n"
    "2. 验收款：调整后合同总价的70%，即人民币{b}元，于验收合格后15日内支付。\n"
)


def test_shares_of_an_adjusted_total_are_not_a_mismatch() -> None:
    assert not fires("payment/share-amount-mismatch", SUPPLEMENT.format(a="36,000.00", b="84,000.00"))


def test_a_share_matching_no_stated_sum_is_still_reported() -> None:
    assert fires("payment/share-amount-mismatch", SUPPLEMENT.format(a="38,000.00", b="84,000.00"))


# --- a period written right after its event ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("验收后30天", 30),
        ("验收合格后30天", 30),
        ("收到发票后45天", 45),
        ("票到60天；", 60),
        ("验收合格后30天，甲方支付尾款", 30),
    ],
)
def test_a_period_right_after_its_event_is_the_deadline(text: str, days: int) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.deadline is not None and t.deadline.value == days


def test_a_period_followed_by_other_words_is_not_a_deadline() -> None:
    assert read_timing("验收合格后30天的质保期").deadline is None


def test_schedule_cell_with_a_bare_period_has_a_deadline() -> None:
    text = (
        HEAD
        + "第三条 付款\n| 款项 | 比例 | 支付节点 |\n| 首付款 | 30% | 签约后7日内 |\n"
        + "| 尾款 | 70% | 验收后30天 |\n"
        + PEN
    )
    assert not fires("payment/trigger-without-deadline", text)


# --- a stage named in brackets after its share, paid by its name later ------------------------------------

NAMED = (
    "第三条 付款\n3.1 买方应向卖方支付合同价格的百分之三十(30%)（“预付款”）。\n3.2 预付款{when}支付。\n"
    "3.3 其余70%应在最终验收后三十(30)日内支付。\n"
)


def test_a_stage_named_after_its_share_takes_the_time_of_its_name() -> None:
    text = HEAD + NAMED.format(when="应在生效日后十(10)个工作日内") + PEN
    assert not fires("payment/installment-without-trigger", text)
    assert not fires("payment/shares-mismatch", text)


def test_a_named_stage_paid_with_no_time_is_still_reported() -> None:
    assert fires("payment/installment-without-trigger", HEAD + NAMED.format(when="由买方") + PEN)


# --- a daily rate either party owes for any late performance ----------------------------------------------

PAYS = "第三条 付款\n验收合格后15日内，甲方支付全部货款。\n"


@pytest.mark.parametrize(
    "clause",
    [
        "任何一方逾期履行本合同义务的，每逾期一日，应按逾期履行部分金额的万分之三向守约方支付违约金，累计不超过合同总价的10%。",
        "一方迟延履行的，每迟延一日按合同总价款的0.03%向另一方支付违约金，以合同总价的5%为限。",
        "任何一方未按约定履行义务的，每日按未履行部分价款的万分之三向对方支付违约金，最高不超过合同总价的5%。",
    ],
)
@pytest.mark.parametrize("rule", ["penalty/no-late-payment-penalty", "penalty/no-late-delivery-penalty"])
def test_a_rate_for_any_late_performance_covers_both(clause: str, rule: str) -> None:
    assert not fires(rule, HEAD + PAYS + "第四条 违约责任\n" + clause + "\n")


def test_a_rate_for_another_breach_of_either_party_is_no_late_payment_penalty() -> None:
    clause = "任何一方违反保密义务的，每日按合同总价的万分之三向对方支付违约金。"
    assert fires("penalty/no-late-payment-penalty", HEAD + PAYS + "第四条 违约责任\n" + clause + "\n")
