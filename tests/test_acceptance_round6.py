"""Acceptance facts and rules, accuracy round 6: acceptance that passes when the period lapses (no 视为),
a passed test or a length counted from acceptance is no act, and where a missing deemed rule is reported."""

from __future__ import annotations

import pytest
from conftest import fires, page_lines, run_rule
from hypothesis import given
from hypothesis import strategies as st

from contractkit.contract.acceptance import deemed_in
from contractkit.contract.extract import extract_text

GOODS = "第三条 交货\n乙方于合同签订后30日内交货。\n第五条 验收\n"


def acceptance(text: str):
    return extract_text(text).acceptance


# -- acceptance that passes when the period lapses, without 视为 ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "买方逾期未组织验收，也未在该期限内书面提出质量异议的，终验收于期限届满之日通过，买方应于次日签署终验收证书。",
        "甲方未在上述期限内提出书面异议的，验收于该期限届满时完成。",
        "需方逾期不验收的，初验在期满之日即告完成。",
        "买方在检验期内未提出异议的，验收于检验期最后一日通过。",
    ],
)
def test_acceptance_passing_when_the_period_lapses_is_deemed(text: str) -> None:
    assert deemed_in(text) is not None
    assert not fires("acceptance/no-deemed-acceptance", GOODS + "买方应在到货后10日内验收。\n" + text)


@pytest.mark.parametrize(
    "text",
    [
        "买方未在期限内验收的，验收期满后不予通过，卖方应重新提交。",
        "甲方未在期限内验收的，验收期满后乙方有权要求甲方赔偿仓储费用。",
    ],
)
def test_a_refusal_or_a_notice_after_the_lapse_is_not_deemed(text: str) -> None:
    assert deemed_in(text) is None


# -- a passed test, a length counted from acceptance: no act of acceptance ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "5%质保金于验收满12个月后15日内付清。",
        "质保金在验收满一年后无息退还。",
        "设备未通过验收测试的，卖方应在15个工作日内自费整改并重新测试。",
        "设备通过验收测试的，买方应在3个工作日内签发验收证书。",
    ],
)
def test_no_act_of_acceptance(text: str) -> None:
    f = acceptance(text)
    assert f.acts == () and f.windows == ()


@pytest.mark.parametrize(
    "text",
    [
        "买方应在到货后5日内组织验收。",
        "甲方应于货物送达之日起五个工作日内检验。",
        "乙方交付的设备须通过甲方组织的验收。",
    ],
)
def test_an_act_is_still_an_act(text: str) -> None:
    assert acceptance(text).acts


def test_a_result_satisfying_the_buyer_is_still_an_act() -> None:
    assert acceptance("买方应在到货后3日内验收满意后签收。").acts


# -- where a missing deemed rule is reported: the clause that times the acceptance -----------------------


def test_no_deemed_acceptance_points_at_the_timed_clause_not_a_remedy() -> None:
    text = (
        GOODS
        + "卖方书面通知安装调试完成后，买方应在双方方便时进行验收测试，验收测试包括整线连续运行72小时。\n"
        + "设备通过验收测试的，买方应在3个工作日内签发验收证书。\n"
        + "设备未通过验收测试的，卖方应在15个工作日内自费整改并重新测试。"
    )
    (f,) = run_rule("acceptance/no-deemed-acceptance", text)
    assert "双方方便时" in f.snippet


def test_no_deemed_acceptance_is_not_reported_at_a_retention_payment() -> None:
    text = (
        GOODS
        + "设备到货后，买方应及时按附件技术协议组织验收。\n第六条 付款\n"
        + "5%质保金于验收满12个月后15日内付清。"
    )
    (f,) = run_rule("acceptance/no-deemed-acceptance", text)
    assert "及时" in f.snippet


def test_no_deemed_acceptance_on_scanned_lines() -> None:
    doc = page_lines(
        "第三条 交货：乙方于合同签订后30日内交货。",
        "第五条 验收：需方应及时组织验收。",
        "第六条 付款：5% 质保金于验收 满 12 个月后 15 日内付清。",
    )
    from contractkit.facts import assign_sections

    doc.blocks = assign_sections(doc.blocks)
    (f,) = run_rule("acceptance/no-deemed-acceptance", doc)
    assert f.location.index == 1


@given(
    st.sampled_from(["终验收", "验收", "初验"]),
    st.sampled_from(["期限届满之日", "期满时", "检验期最后一日"]),
    st.sampled_from(["通过", "完成"]),
)
def test_any_lapse_wording_is_deemed(act: str, when: str, verb: str) -> None:
    text = f"买方逾期未提出书面异议的，{act}于{when}{verb}。"
    assert deemed_in(text) is not None


# -- timing with no number, left to one side's progress or a later agreement; an ordinal day -------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("甲方应在适当时间内组织验收。", "适当时间"),
        ("甲方应在收货后一段时间内完成验收。", "一段时间"),
        ("买方应在收到货物后若干日内检验。", "若干日"),
        ("甲方视工程进度安排验收。", "进度"),
        ("买方根据生产情况确定检验时间。", "情况"),
        ("验收的具体时间由双方另行商定。", "另行商定"),
        ("乙方派员指导安装完毕后，由甲方另行安排时间组织最终验收。", "安排时间"),
        ("设备到货后由买方自行确定日期进行检验。", "确定日期"),
    ],
)
def test_timing_with_no_number_is_vague(text: str, word: str) -> None:
    (f,) = run_rule("acceptance/vague-window", GOODS + text)
    assert word in f.snippet or word in f.message


@pytest.mark.parametrize(
    "text",
    [
        "乙方根据甲方需要安排送货，甲方当场验收。",  # the buyer's need times the delivery, not the inspection
        "甲方按照施工进度安排乙方分批交货，到货后3日内验收。",
        "验收标准由双方另行商定，买方应在到货后5日内验收。",
    ],
)
def test_progress_or_need_that_times_something_else_is_not_vague(text: str) -> None:
    assert not fires("acceptance/vague-window", GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "买方应在不迟于交货后第5个工作日完成验收。",
        "甲方应于到货之日起第三日前完成开箱检验。",
        "需方应在收货后的第10天完成验收。",
    ],
)
def test_an_ordinal_day_after_the_start_bounds_the_act(text: str) -> None:
    (w,) = acceptance(text).windows
    assert w.dated
    assert not fires("acceptance/window-no-length", GOODS + text)


# -- a hidden-defect objection: the outer limit, not the notice after discovery -------------------------


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("对隐蔽缺陷，买方应于发现后十五日内书面通知卖方，但最迟不得超过到货后十八个月。", 18),
        ("货物存在隐蔽瑕疵的，买方应在发现之日起10日内通知卖方，但最长不超过收货之日起两年。", 24),
    ],
)
def test_the_outer_limit_is_the_hidden_defect_period(text: str, months: int) -> None:
    (p,) = acceptance(text).periods
    assert p.months == months
    assert not fires("acceptance/objection-period-range", GOODS + text)


def test_a_notice_after_discovery_is_no_objection_period() -> None:
    text = "买方发现隐蔽缺陷的，应在发现后7日内书面通知卖方。"
    assert acceptance(text).periods == ()
    assert not fires("acceptance/objection-period-range", GOODS + text)


def test_a_short_hidden_defect_period_from_receipt_is_still_short() -> None:
    text = "对于难以发现的内在质量问题，甲方可自到货之日起三个月内书面提出异议。"
    assert fires("acceptance/objection-period-range", GOODS + text)


@pytest.mark.parametrize("text", ["售后服务：一年内免费上门维修。", "整机一年内免费上门修理。"])
def test_free_repair_on_site_for_a_length_is_a_warranty(text: str) -> None:
    (p,) = acceptance(text).periods
    assert p.kind == "warranty" and p.months == 12


def test_convening_the_acceptance_team_is_the_act_timed() -> None:
    text = (
        GOODS + "甲方应在收到通知之日起 7 个工作日内组织验收小组，按招标文件技术要求、投标响应逐台检测。"
        "甲方逾期未组织验收的，自期满之日起按验收合格处理。"
    )
    (w,) = [w for w in acceptance(text).windows if w.length is not None]
    assert w.start is not None
    assert not fires("acceptance/no-window", text)


@pytest.mark.parametrize(
    "text", ["卸完车3天内孙家点数、看有没有破的坏的。", "卸货后24小时内买方完成数量清点。"]
)
def test_unloading_starts_the_window(text: str) -> None:
    (w,) = [w for w in acceptance(text).windows if w.length is not None]
    assert w.start is not None
    assert not fires("acceptance/window-no-start", GOODS + text)
