"""Payment facts, accuracy round 6: the round-5 regressions (colloquial schedules, scans, term articles)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.contract.model import extract
from contractkit.contract.payment import PaymentFacts, read_installments
from contractkit.facts.triggers import read_timing
from contractkit.readers.text import document_from_text


def facts_of(text: str) -> PaymentFacts:
    return extract(document_from_text(text)).payment


# --- colloquial timing: a trial found sound, the very day of an event ---


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("设备搬到店里、试烤没问题后3天内再转17,500元。", 3),
        ("机器送到厂里试机没毛病后五天内把剩下的8000元转清。", 5),
        ("冷柜装上用着没有问题以后7天内再打2万元。", 7),
    ],
)
def test_a_trial_found_sound_starts_the_period(text: str, value: int) -> None:
    (raw,) = read_installments(text)
    assert raw.timing.trigger is not None
    assert raw.timing.deadline is not None and raw.timing.deadline.value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "车运到料场、乙方验完车的当天，再把剩下的138,000.00元给清。",
        "机器拉到店里、试完机器那天，乙方把剩下的9,600元一次给清。",
        "货送到仓库、点完数的当日，买方把余下的3万元给齐。",
    ],
)
def test_the_very_day_of_an_event_is_an_immediate_deadline(text: str) -> None:
    (raw,) = read_installments(text)
    assert raw.timing.trigger is not None
    assert raw.timing.deadline is not None and raw.timing.deadline.unit == "immediate"


def test_a_trial_in_progress_is_no_event() -> None:
    """没问题 closes a trial; a sentence with no completed event still has no trigger."""
    assert read_timing("再转17,500元。").trigger is None


# --- a scan's misread day ---


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("确认书签回后 3 个工作旦内付 50%", "working_day", 3),
        ("收到发票后 10 个工作曰内付 30%", "working_day", 10),
        ("货到验收合格后 15 曰内付 50%", "day", 15),
    ],
)
def test_a_day_misread_by_a_scan_still_bounds_the_trigger(text: str, unit: str, value: int) -> None:
    t = read_timing(text)
    assert t.trigger is not None
    assert t.deadline is not None and (t.deadline.unit, t.deadline.value) == (unit, Decimal(value))


def test_a_misread_day_keeps_the_spans_of_the_text() -> None:
    text = "确认书签回后 3 个工作旦内付 50%"
    t = read_timing(text)
    assert t.deadline is not None and text[t.deadline.span[0] : t.deadline.span[1]] == "3 个工作旦"


# --- the scope of a local heading ends at the next article ---

_GOODS_HEADING = "第一条 货物清单及合同价格\n缆绳20根，合同总价为人民币85万元（含税）。\n"
_PAYMENT = "第五条 付款\n合同生效后15日内支付合同总价的30%，验收合格后30日内支付合同总价的70%。\n"


@pytest.mark.parametrize(
    "term",
    [
        "第八条 合同期限与生效：本合同自双方签字盖章之日起生效，至甲方付清全部货款且质保期届满后失效。",
        "第九条 有效期限：本协议自盖章之日起生效，到买方付清全部价款后自行失效。",
    ],
)
def test_a_term_article_run_in_after_a_price_heading_pays_nothing(term: str) -> None:
    facts = facts_of(_GOODS_HEADING + "第二条 交付：2027年2月28日前交付。\n" + _PAYMENT + term)
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


@pytest.mark.parametrize(
    "term",
    [
        "本合同自签字盖章之日起生效，至甲方付清全部合同款项之日终止。",
        "本协议有效期至买方付清全部货款之时失效。",
    ],
)
def test_a_term_ending_when_the_price_is_paid_pays_nothing(term: str) -> None:
    assert read_installments(term) == []


def test_a_payment_label_after_its_item_number_and_an_aside_is_in_scope() -> None:
    facts = facts_of(
        "第一条 标的\n甲方向乙方采购消防泵。\n第二条 违约\n甲方逾期付款的，按日万分之三支付违约金。\n"
        "第三部分 专用条款\n"
        "（二）(对应第八条) 结算：（1）合同签订后15日内支付合同价格的30%；"
        "（2）验收合格后30日内支付合同价格的70%。"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


# --- payment left to the payer's own receivables ---


@pytest.mark.parametrize(
    "text",
    [
        "剩下的70000元等乙方年底收完账再给。",
        "余款待买方收回下游客户货款后支付。",
        "尾款等我们把年底的账收齐了再给。",
    ],
)
def test_payment_waiting_on_the_payers_receivables_is_vague(text: str) -> None:
    (raw,) = read_installments(text)
    assert raw.vague


@pytest.mark.parametrize(
    "text",
    [
        "等设备验收完毕后10日内付清余款。",
        "待乙方签收完货物后3日内支付尾款。",
        "等货到验收完，三天内把剩下的钱转清。",
    ],
)
def test_an_inspection_or_receipt_of_goods_is_no_receivable(text: str) -> None:
    assert all(not r.vague for r in read_installments(text))


# --- a precondition that is a party's own performance is no vague condition ---


@pytest.mark.parametrize(
    "text",
    [
        "合同价格的10%作为质量保证金，在保修期届满后30日内支付，但以卖方已履行全部保修义务为前提。",
        "进度款以乙方提交全部竣工资料为前提，在审核后15日内支付合同价格的40%。",
    ],
)
def test_a_precondition_of_performance_is_not_vague(text: str) -> None:
    assert all(not r.vague for r in read_installments(text))


@pytest.mark.parametrize(
    "text",
    [
        "尾款30万元在验收后支付，以业主付款为前提。",
        "余款20万元以甲方完成项目融资为前提支付。",
        "剩余货款以甲方完成内部审批为前提支付。",
    ],
)
def test_a_precondition_of_the_payers_funds_is_still_vague(text: str) -> None:
    (raw,) = read_installments(text)
    assert raw.vague
