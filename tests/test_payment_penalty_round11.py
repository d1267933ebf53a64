"""Payment and penalty, accuracy round 11 (mechanisms, not phrases): a line announcing the schedule with its
sum (合计100%) is no installment; a stage's money named by its stage (投运款, 竣工款); a deduction the payment
is made net of (扣除…后) does not end the sentence; a security sized in the next piece (保函，金额为…) is no
payment; 结算金额 / 结算单 name a figure, not an act; a settlement's record of money paid (已付…款：); negated
retention in more words (不另行扣留现金质量保证金); 保固金 is retention money; a release in the same paragraph
after the retention; an English schedule beside its Chinese version; 签合同3天内 as a trigger."""

from __future__ import annotations

import pytest
from conftest import fires

from contractkit.contract.payment import read_installments
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


def _shares(text: str) -> list[object]:
    return [r.share for r in read_installments(text)]


# --- a line announcing the schedule and its sum ---


@pytest.mark.parametrize(
    "line",
    [
        "3.1 付款安排（合计 100%）：",
        "每批货物的价款按下列比例支付，合计100%：",
        "上述各期合计为合同总价的100%。",
        "以上三笔共计占合同价款的100%。",
        "本合同价款分两期支付，总计100%，具体如下：",
        "付款进度（一共100%）如下：",
    ],
)
def test_a_line_stating_the_schedules_sum_states_no_share(line: str) -> None:
    assert _shares(line) == []


def test_a_sum_paid_up_to_is_still_a_share() -> None:
    assert _shares("验收合格后合计支付至合同总价的90%。") == [90]


@pytest.mark.parametrize(
    "heading",
    [
        "第三条 付款（合计100%）：",
        "第三条 付款\n价款按下列比例支付，共计100%：",
        "第三条 付款\n付款安排（总计 100%）：",
    ],
)
def test_an_announcing_line_is_not_an_installment_without_trigger(heading: str) -> None:
    schedule = (
        "\n1. 合同签订后5日内支付合同总价的30%。\n2. 验收合格后10日内支付合同总价的60%。\n"
        "3. 质保期满后10日内支付合同总价的10%。\n"
    )
    text = HEAD + heading + schedule + PEN
    assert not fires("payment/installment-without-trigger", text)
    assert not fires("payment/shares-mismatch", text)


def test_a_schedule_short_of_its_announced_sum_is_still_a_mismatch() -> None:
    text = (
        HEAD + "第三条 付款（合计100%）：\n1. 合同签订后5日内支付合同总价的30%。\n"
        "2. 验收合格后10日内支付合同总价的60%。\n" + PEN
    )
    assert fires("payment/shares-mismatch", text)


# --- a stage's money named by its stage ---


@pytest.mark.parametrize(
    ("line", "share"),
    [
        ("10.3 投运款：合同含税总价的30%，即人民币30,000.00元。", 30),
        ("（三）竣工款：合同价款的20%，竣工验收合格后15日内支付。", 20),
        ("终验款为合同总价的10%。", 10),
        ("进场款：合同金额的15%，设备进场后7日内支付。", 15),
        ("完工款 25% 完工验收合格后30日内", 25),
    ],
)
def test_a_stage_named_money_is_an_installment(line: str, share: int) -> None:
    assert _shares(line) == [share]


def test_three_stages_with_the_third_named_by_its_stage_add_up() -> None:
    schedule = (
        "第三条 付款\n3.1 预付款：合同总价的10%，即人民币10,000.00元。买方在合同生效后30日内支付。\n"
        "3.2 到货款：合同总价的60%，即人民币60,000.00元。买方在到货验收后30日内支付。\n"
        "3.3 投运款：合同总价的30%，即人民币30,000.00元。买方在投运验收后30日内支付。\n"
    )
    assert not fires("payment/shares-mismatch", HEAD + schedule + PEN)


# --- a deduction the payment is made net of ---


@pytest.mark.parametrize(
    "line",
    [
        "（2）验收款：订单金额的30%，扣除考核扣款后，甲方在验收合格后30日内支付。",
        "尾款为合同总价的30%，扣减质量扣款后，买方于验收后15日内付清。",
        "第二期30%，减去已发生的违约金后，甲方在收到发票后10日内支付。",
        "余款30%，扣除甲方代付的运费及罚款后，于到货后7日内结清。",
        "投运款：合同价的30%及调价差额，扣除考核扣款和违约金后，甲方在投运后30日内支付。",
    ],
)
def test_a_deduction_before_paying_keeps_the_share(line: str) -> None:
    got = read_installments(line)
    assert [r.share for r in got] == [30]
    assert got[0].timing.deadline is not None


def test_a_deduction_as_a_remedy_still_ends_the_sentence() -> None:
    # the deduction is the remedy of a late delivery, nothing is paid
    assert read_installments("乙方逾期交货的，甲方有权从货款中扣除违约金。") == []


# --- a security sized in the next piece; 结算金额 names a figure ---


@pytest.mark.parametrize(
    "line",
    [
        "乙方应在2028年1月15日前提交质量保函，金额为全部订单结算金额的5%，有效期至质保期届满后28日。",
        "卖方应于合同签订后10日内提交履约保函，其金额为合同总价的10%。",
        "乙方于签约后7日内提供银行保函，额度为合同价的5%。",
        "结算总金额：人民币1,231,492.00元（人民币壹佰贰拾叁万壹仟肆佰玖拾贰元整）。",
        "结算单价按调整后单价计，结算数量以验收数量为准。",
    ],
)
def test_no_installment_in_securities_and_settlement_figures(line: str) -> None:
    assert read_installments(line) == []


def test_settling_monthly_is_still_a_payment_act() -> None:
    got = read_installments("货款按月结算，每月25日前结清上月货款的90%。")
    assert [r.share for r in got] == [90]


# --- a settlement's record of money paid ---


@pytest.mark.parametrize(
    "line",
    [
        "已付到货款：人民币851,424.00元（2027年3月24日签发，2027年4月23日到期，已兑付）。",
        "已收预付款：人民币30,000.00元（2027年1月5日转账）。",
        "2. 已支付进度款：人民币200,000.00元，2026年12月1日支付。",
        "已结清首期款：50,000.00元，于2026年10月8日到账。",
        "已兑付到货款：人民币12,000.00元（2027年2月1日）。",
    ],
)
def test_money_paid_before_falls_due_no_more(line: str) -> None:
    assert read_installments(line) == []


def test_money_not_yet_paid_is_an_installment() -> None:
    got = read_installments("未付尾款：人民币20,000.00元，于验收合格后10日内支付。")
    assert got and got[0].amount is not None


# --- retention: negated in more words, 保固金, a release later in its paragraph ---

SCHEDULE = "第三条 付款\n1. 合同签订后5日内支付合同总价的30%。\n2. 验收合格后10日内支付合同总价的70%。\n"


@pytest.mark.parametrize(
    "negation",
    [
        "本合同不扣留现金质量保证金。",
        "甲方不另行扣留现金质量保证金。",
        "本合同不再另行扣留质保金，以质量保函代替。",
        "买方不单独预留任何质保金。",
        "本合同无质保金。",
        "双方约定不设保固金。",
    ],
)
def test_negated_retention_needs_no_release(negation: str) -> None:
    assert not fires("payment/retention-without-release", HEAD + SCHEDULE + negation + "\n" + PEN)


def test_a_retention_released_interest_free_is_not_negated() -> None:
    text = HEAD + SCHEDULE + "合同总价的5%作为质保金，质保期满后10日内无息退还质保金。\n" + PEN
    assert not fires("payment/retention-without-release", text)
    text = HEAD + SCHEDULE + "另扣留合同总价的5%作为质保金，由甲方暂扣。\n" + PEN
    assert fires("payment/retention-without-release", text)


@pytest.mark.parametrize(
    "retention",
    [
        "3. 保固金：合同总价的5%，由买受人暂扣作为保固金。",
        "3. 保固款：合同总价的5%，甲方留存。",
        "保固金为合同总价的5%，由甲方扣留。",
    ],
)
def test_a_taiwanese_retention_without_release_is_found(retention: str) -> None:
    schedule = "第三条 付款\n1. 合同签订后5日内支付合同总价的30%。\n2. 验收合格后10日内支付合同总价的65%。\n"
    text = HEAD + schedule + retention + "\n" + PEN
    assert fires("payment/retention-without-release", text)
    assert not fires("payment/shares-mismatch", text)


@pytest.mark.parametrize(
    "retention",
    [
        "3. 保固金：合同总价的10%，即人民币10,000.00元，作为保固金；"
        "保固期届满且无品质问题的，甲方应于届满之日起10个工作日内无息支付。",
        "3. 质保金：合同总价的10%作为质保金；质保期满后15日内甲方无息退还。",
        "3. 保固金：合同总价的10%；保固期届满之日起10日内返还乙方。",
    ],
)
def test_a_release_later_in_the_retentions_paragraph(retention: str) -> None:
    schedule = "第三条 付款\n1. 合同签订后5日内支付合同总价的30%。\n2. 验收合格后10日内支付合同总价的60%。\n"
    text = HEAD + schedule + retention + "\n" + PEN
    assert not fires("payment/retention-without-release", text)
    assert not fires("payment/shares-mismatch", text)


# --- an English schedule beside its Chinese version ---


@pytest.mark.parametrize(
    "english",
    [
        "Payment 付款：20% within 10 Business Days after contract signing;",
        "付款 Payment: 30% by T/T within 7 days after signing the contract,",
        "付款方式：40% down payment upon order confirmation,",
    ],
)
def test_an_english_installment_is_left_to_the_chinese_version(english: str) -> None:
    assert read_installments(english) == []


def test_a_chinese_installment_after_a_bilingual_label_is_read() -> None:
    assert _shares("Payment 付款：合同签订后10个工作日内付 20%") == [20]


# --- 签合同3天内 ---


@pytest.mark.parametrize(
    "text",
    ["签合同3天内，买方付30%", "签协议两天内先付一半", "签这份合同5个工作日内付款", "签合同七日内交定金"],
)
def test_signing_right_before_a_period_is_the_trigger(text: str) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.trigger.kind == "contract_signed"


def test_signing_copies_is_no_trigger() -> None:
    assert read_timing("签合同2份，双方各执一份").trigger is None


# --- penalty: a markup on the LPR is no lump sum; a cap for each party, colloquial ---


@pytest.mark.parametrize(
    "clause",
    [
        "甲方迟延付款的，按逾期金额以一年期贷款市场报价利率加50%的年利率计付逾期付款违约金，累计不超过逾期金额的5%。",
        "买方逾期付款的，按LPR加60%计付违约金，累计不超过逾期款项的10%。",
        "需方逾期付款的，以同期贷款市场报价利率的基础上上浮40%计算违约金，违约金总额不超过未付款的8%。",
        "甲方未按期付款的，按全国银行间同业拆借中心公布的一年期贷款市场报价利率加计50%支付违约金。",
        "逾期付款的，按一年期LPR（1年期）加50%的年利率向乙方支付逾期付款违约金。",
    ],
)
def test_a_markup_on_the_lpr_is_no_lump_sum(clause: str) -> None:
    assert not fires("penalty/lump-sum-too-high", HEAD + "第五条 违约责任\n" + clause + "\n")


def test_a_high_lump_sum_beside_an_lpr_clause_is_still_found() -> None:
    text = (
        HEAD + "第五条 违约责任\n甲方逾期付款的，按LPR加50%计付违约金。"
        "乙方不能交货的，应按合同总价的50%向甲方支付违约金。\n"
    )
    assert fires("penalty/lump-sum-too-high", text)


@pytest.mark.parametrize(
    "cap",
    [
        "违约金最多各算到合同总额的10%。",
        "两边的违约金最多各算到总价的一成。",
        "违约金最多均不超过合同总价的10%。",
        "违约金最多都按合同总额的10%封顶。",
        "违约金最多各自算到货款的10%为止。",
    ],
)
def test_a_cap_for_each_party_colloquial(cap: str) -> None:
    text = (
        HEAD + "五、违约\n卖方晚送，每天按晚送部分货款的万分之三算违约金；"
        "买方晚付，每天按晚付金额的万分之三算违约金。" + cap + "\n"
    )
    assert not fires("penalty/no-cap", text)


def test_daily_penalties_with_no_cap_are_still_found() -> None:
    text = (
        HEAD + "五、违约\n卖方晚送，每天按晚送部分货款的万分之三算违约金；"
        "买方晚付，每天按晚付金额的万分之三算违约金。"
        "违约金各自算。\n"
    )
    assert fires("penalty/no-cap", text)


# --- interest: 息 before 价 is no interest ---


def test_a_misread_price_is_no_interest_rate() -> None:
    text = (
        HEAD + "第三条 付款\n签合同后2日内需方付定金2385.00元（合同息价的10%），余款验收合格后7日内付清。\n"
    )
    assert not fires("payment/interest-rate-no-period", text)
    text = HEAD + "第三条 付款\n分期付款部分按1.5%计收利息。\n"
    assert fires("payment/interest-rate-no-period", text)
    text = HEAD + "第三条 付款\n逾期未付部分按3%收取利息。\n"
    assert fires("payment/interest-rate-no-period", text)


# --- a stated stage takes the time of the next sentence of its paragraph, which pays it ---


@pytest.mark.parametrize(
    "stage",
    [
        "3.3 投运款：合同总价的30%，即人民币30,000.00元。买方在投运验收合格后30日内，通过银行转账支付。",
        "3.3 验收款：合同总价的30%，即人民币30,000.00元。甲方于终验合格、收到发票之日起15日内支付。",
        "3.3 尾款：合同总价的30%，即30,000.00元。买方收到乙方开具的发票后10个工作日内以电汇方式支付。",
        "3.3 第三期款：合同总价的30%（人民币30,000.00元）。甲方在安装调试完成后20日内支付。",
        "3.3 投运款为合同总价的30%，即人民币30,000.00元。买方在验收合格之日起30日内支付。",
    ],
)
def test_a_stated_stage_paid_in_the_next_sentence_is_timed(stage: str) -> None:
    schedule = (
        "第三条 付款\n3.1 预付款：合同总价的10%，即人民币10,000.00元。买方在合同生效后30日内支付。\n"
        "3.2 到货款：合同总价的60%，即人民币60,000.00元。买方在到货验收后30日内支付。\n"
    )
    text = HEAD + schedule + stage + "\n" + PEN
    assert not fires("payment/trigger-without-deadline", text)
    assert not fires("payment/shares-mismatch", text)


@pytest.mark.parametrize(
    "stage",
    [
        "3.3 投运款：合同总价的30%，即人民币30,000.00元。买方在投运验收合格、收到发票后，通过银行转账支付。",
        "3.3 验收款：合同总价的30%，即人民币30,000.00元。甲方于终验合格后支付。",
    ],
)
def test_a_stated_stage_paid_after_an_event_with_no_period_is_found(stage: str) -> None:
    text = (
        HEAD + "第三条 付款\n3.1 预付款：合同总价的70%，即人民币70,000.00元。买方在合同生效后30日内支付。\n"
    )
    assert fires("payment/trigger-without-deadline", text + stage + "\n" + PEN)


def test_a_consequence_sentence_gives_the_stage_no_time() -> None:
    from contractkit.contract.payment import _pays_stated

    assert _pays_stated("甲方未在收到发票后10日内支付的，应按日支付违约金。") is None
    assert _pays_stated("买方在验收合格后30日内支付。") is not None
    assert _pays_stated("买方在30日内支付。") is None


# --- payment left to the payer's funding plans ---


@pytest.mark.parametrize(
    "clause",
    [
        "上述款项通过银行承兑汇票支付，汇票到期日由甲方根据资金安排另行确定。",
        "尾款由甲方按照公司资金计划支付。",
        "余款依据买方资金周转情况支付。",
        "剩余30%货款视甲方财务安排支付。",
        "验收合格后，甲方根据自身资金状态支付余款。",
    ],
)
def test_payment_by_the_payers_funding_plan_is_vague(clause: str) -> None:
    text = HEAD + "第三条 付款\n合同签订后5日内支付合同总价的70%。\n" + clause + "\n" + PEN
    assert fires("payment/vague-trigger", text)


def test_a_funding_plan_table_is_a_schedule_not_a_vague_condition() -> None:
    text = HEAD + "第三条 付款\n验收合格后10日内按照资金计划表所列金额支付。\n" + PEN
    assert not fires("payment/vague-trigger", text)


# --- a scan's share past 100 % read from an unsure word ---


def _scanned(schedule: str, unsure: str | None) -> object:
    """A one-page scan: a heading line, then ``schedule`` as one line whose words are read surely except the
    percent ``unsure`` (confidence 70)."""
    from contractkit.readers.model import Block, Document, Location

    lines = ["销售合同", "合同总价为人民币100,000.00元。", "第三条 付款", schedule]
    blocks = []
    for k, text in enumerate(lines):
        words = [(0, len(text), 93.0)]
        if unsure is not None and k == 3:
            at = text.index(unsure)
            words = [(0, at, 93.0), (at, at + len(unsure), 70.0), (at + len(unsure), len(text), 93.0)]
        section = "第三条 付款" if k == 3 else None
        blocks.append(
            Block(text, text, Location(k, page=1, line=k + 1), "line", section, None, 92.0, tuple(words))
        )
    return Document("scan.pdf", "pdf", blocks, meta={"ocr": [1], "ocr_confidence": {1: 92.0}})


SCAN = "签合同后3日内付40%，验收合格后7日内付55%，50%质保金满12个月后7日内付清。"


def test_a_share_past_100_from_an_unsure_word_is_not_judged() -> None:
    from conftest import run_rule

    assert not run_rule("payment/shares-mismatch", _scanned(SCAN, "50%"))


def test_a_share_past_100_read_surely_is_still_a_mismatch() -> None:
    from conftest import run_rule

    assert run_rule("payment/shares-mismatch", _scanned(SCAN, None))


def test_a_shortfall_from_an_unsure_word_is_still_a_mismatch() -> None:
    from conftest import run_rule

    short = "签合同后3日内付40%，验收合格后7日内付50%，5%质保金满12个月后7日内付清。"
    assert run_rule("payment/shares-mismatch", _scanned(short, "50%"))
