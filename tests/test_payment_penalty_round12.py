"""Payment and penalty, accuracy round 12 (mechanisms, not phrases): a schedule restated from, or handed to,
another clause, agreement or annex (按框架协议第8条执行，即…); a list of matters payment is one of, all
handed on; money set off against an earlier payment (冲抵预付款) is no installment; a reference inside an
aside does not hand the timing on; shipping documents as the trigger of a trade sale (电邮提单副本后); a
scan's space inside a unit (5 个工作 日内); a condition the payer disclaims as an excuse (不以…为由); a
retention row whose release is vague stays in the schedule; the total the amounts imply when none is read;
a rate restating another (折合年利率); a deduction from the seller's fee as the seller's penalty (扣减服务
费); a side's main breach freed of any penalty (我司逾期交货的，不承担违约金)."""

from __future__ import annotations

import pytest
from conftest import fires

from contractkit.config import Settings
from contractkit.contract.payment import read_installments
from contractkit.facts.triggers import find_vague, read_timing
from contractkit.lint import lint_text

NT = "payment/installment-without-trigger"
ND = "payment/trigger-without-deadline"
VT = "payment/vague-trigger"
SM = "payment/shares-mismatch"
OS = "penalty/one-sided"
NC = "penalty/no-cap"

HEAD = (
    "采购合同\n甲方（买方）：某某有限公司\n乙方（卖方）：某某科技有限公司\n第一条 标的\n"
    "乙方向甲方供应设备一批，合同总价为人民币100,000.00元（含13%增值税）。\n第二条 交付\n"
    "乙方应于2027年3月1日前交货至甲方仓库。\n"
)
PEN = (
    "第五条 违约责任\n乙方逾期交货的，每逾期一日按逾期部分货款的万分之三支付违约金，累计不超过合同总价的5%。"
    "甲方逾期付款的，每逾期一日按逾期金额的万分之三支付违约金，累计不超过合同总价的5%。\n"
)


def _pay(line: str) -> str:
    return HEAD + "第三条 付款\n" + line + "\n" + PEN


def rules_of(text: str, *rules: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=rules))]


# --- a schedule restated from, or handed to, another clause, agreement or annex ---


@pytest.mark.parametrize(
    "line",
    [
        "付款：按框架协议第8条执行，即预付款30%，到货款60%，质保金10%。",
        "依主合同第5条约定，即首付款40%、验收款50%、尾款10%。",
        "货款支付按照通用条款第十二条执行，具体为：预付款20%，进度款70%，结算款10%。",
        "本订单预付款30%，余款70%，各期付款条件及期限依框架协议第6条。",
        "预付款20%、发货款70%、质保金10%，付款时间详见附件二。",
        "第三期为年度尾款，见附表三。",
        "付款适用原合同第4.2条（经补充协议修改）的约定，即定金20%、提货款80%。",
    ],
)
def test_a_schedule_handed_to_another_place_is_not_untimed(line: str) -> None:
    assert not fires(NT, _pay(line))
    assert all(r.referred for r in read_installments(line))


@pytest.mark.parametrize(
    "line",
    [
        "甲方支付预付款30%，到货款60%，质保金10%。",  # no place named: still untimed
        # the article gives the price, not the time
        "甲方按框架协议第8条的单价向乙方支付预付款30%，余款70%。",
        "预付款30%由甲方支付，附件二为设备清单。",
    ],
)
def test_near_misses_without_a_handed_on_timing_are_still_untimed(line: str) -> None:
    assert fires(NT, _pay(line))


@pytest.mark.parametrize(
    "line",
    [
        "订单的验收、付款、质量保证及争议解决，均适用框架协议第7条、第8条和第15条。",
        "交货、结算、其余违约责任都按主合同办理。",
        "本订单的付款、验收一律依照框架协议第九条执行。",
        "付款及开票事宜仍按原合同条款执行。",
        "交付、付款和售后均参照年度协议第3条。",
    ],
)
def test_payment_among_matters_handed_on_states_no_installment(line: str) -> None:
    assert read_installments(line) == []


def test_a_list_of_matters_with_a_share_of_its_own_is_still_read() -> None:
    assert [r.share for r in read_installments("验收合格后10日内支付合同总价的90%，其余事项均适用框架协议。")]


# --- money set off against an earlier payment ---


@pytest.mark.parametrize(
    "line",
    [
        "每月支付上月验收通过货款的75%，同时以该金额的20%冲抵预付款。",
        "每期按进度款的10%扣回预付款，直至扣完为止。",
        "到货后10日内支付80%，其中以定金的全部抵扣货款。",
        "每批结算时以结算额的30%抵减已付的预付款。",
        "验收合格后支付至90%，同期按20%冲减备料款。",
    ],
)
def test_money_set_off_is_no_installment(line: str) -> None:
    kinds = [
        (r.share, "冲" in line[r.span[0] : r.span[1]] or "扣回" in line[r.span[0] : r.span[1]])
        for r in read_installments(line)
    ]
    assert not any(off for _share, off in kinds)


def test_a_payment_beside_a_set_off_is_still_read() -> None:
    shares = [
        r.share for r in read_installments("验收合格后10日内支付合同总价的75%，同时以该金额的20%冲抵预付款。")
    ]
    assert 75 in shares and 20 not in shares


# --- a reference inside an aside ---


def test_a_reference_in_an_aside_does_not_hand_the_timing_on() -> None:
    assert fires(ND, _pay("验收合格（含依第6.2条视为合格）后支付合同总价的60%。"))
    assert fires(ND, _pay("终验通过（包括按第5条视为通过的情形）后支付合同总价的70%。"))
    assert not fires(ND, _pay("验收合格后按第6.2条约定的期限支付合同总价的60%。"))


# --- shipping documents as the trigger of a trade sale ---


@pytest.mark.parametrize(
    "line",
    [
        "余款70%，即USD 65,338.00，于卖方以电子邮件发送提单副本（B/L copy）后5个银行工作日内以T/T付清。",
        "T/T 70%余款于卖方传真或电邮提单副本后5个银行工作日内支付。",
        "买方收到全套单据之日起10日内付清余款70%。",
        "提单日后30天内电汇余款70%。",
        "装运后15日内支付余款70%。",
        "卖方提交装运单据后七个工作日内，买方支付剩余60%。",
    ],
)
def test_shipping_documents_trigger_a_payment(line: str) -> None:
    t = read_timing(line)
    assert t.trigger is not None and t.trigger.kind == "delivery"
    assert t.deadline is not None and t.deadline.value is not None


def test_payment_against_the_documents_is_immediate() -> None:
    for line in ("余款70%凭提单副本支付。", "凭全套单据付款。"):
        t = read_timing(line)
        assert t.deadline is not None and t.deadline.unit == "immediate"


def test_documents_with_no_deadline_still_lack_one() -> None:
    assert fires(ND, _pay("余款70%于卖方寄出提单后支付。"))
    assert fires(ND, _pay("买方收到全套单据后支付剩余货款70%。"))


def test_an_invoice_among_the_documents_is_still_the_invoice() -> None:
    t = read_timing("货物交付且卖方提交提单副本、商业发票及装箱单后5个工作日内支付")
    assert t.trigger is not None and t.trigger.kind == "invoice_received"


@pytest.mark.parametrize(
    "line",
    [
        "卖方发出提单副本后 5 个银行工作 日内 TT 付清 70%。",
        "验收合格后 10 个工作 日内支付60%。",
        "收到发票后 15 个工作　日内支付合同总价的30%。",
    ],
)
def test_a_scans_space_inside_a_unit(line: str) -> None:
    t = read_timing(line)
    assert t.deadline is not None and t.deadline.unit == "working_day"


# --- a condition the payer disclaims ---


@pytest.mark.parametrize(
    "line",
    [
        "上述款项由甲方从财政补助资金中按规定程序支付，甲方不以资金审批流程为由迟延付款。",
        "甲方不得以业主未付款为由拒绝支付货款。",
        "买方不会以内部审批为理由拖延付款。",
        "甲方不得借资金周转困难为借口延付。",
        "甲方不能以预算下达为由推迟支付尾款。",
    ],
)
def test_a_disclaimed_excuse_is_no_vague_condition(line: str) -> None:
    assert find_vague(line) == []
    assert not fires(VT, _pay("验收合格后10日内支付全部货款。" + line))


@pytest.mark.parametrize(
    "line",
    ["甲方待内部审批流程完成后支付尾款。", "甲方以资金审批流程为准支付余款。", "尾款视甲方资金情况支付。"],
)
def test_a_condition_not_disclaimed_is_still_vague(line: str) -> None:
    assert fires(VT, _pay(line))


# --- a retention row with a vague release ---


def _schedule_table(third: str, when: str) -> str:
    return (
        HEAD
        + "第三条 付款\n| 期次 | 比例 | 付款条件 | 付款期限 |\n| --- | --- | --- | --- |\n"
        + "| 第一期 | 30% | 合同生效 | 生效后10个工作日内 |\n| 第二期 | 60% | 验收合格 | 验收合格后30日内 |\n"
        + f"| 第三期（质保金） | 10% | {third} | {when} |\n"
        + PEN
    )


@pytest.mark.parametrize(
    ("third", "when"),
    [
        ("由甲方视质保情况另行确定", "另行协商"),
        ("双方另行商定", "待定"),
        ("视乙方服务情况", "另议"),
    ],
)
def test_a_retention_row_released_vaguely_stays_in_the_schedule(third: str, when: str) -> None:
    text = _schedule_table(third, when)
    assert not fires(SM, text)
    assert fires(VT, text)


def test_a_retention_row_with_a_release_is_not_vague() -> None:
    text = _schedule_table("质保期届满", "届满后20个工作日内")
    assert not fires(SM, text) and not fires(VT, text)


# --- the total the amounts imply ---


def test_shares_short_of_the_whole_with_amounts_of_one_total_are_reported() -> None:
    text = (
        "Sales Contract 销售合同\n卖方：某某进出口有限公司\n买方：Nordwald GmbH\n付款条件：\n"
        "1. 买方应于本合同签订后7日内以T/T支付合同总值的30%作为预付款，即USD 28,002.00。\n"
        "2. 余款60%，即USD 56,004.00，于卖方电邮提单副本后5个银行工作日内以T/T付清。\n"
    )
    assert fires(SM, text)
    whole = text.replace("余款60%，即USD 56,004.00", "余款70%，即USD 65,338.00")
    assert not fires(SM, whole)


def test_amounts_of_different_totals_leave_a_rest_closing_the_sum() -> None:
    text = (
        "销售合同\n卖方：某某进出口有限公司\n买方：Nordwald GmbH\n付款条件：\n"
        "1. 签订后7日内支付30%，即USD 28,002.00。\n"
        "2. 余款60%，即USD 60,000.00，于卖方电邮提单副本后5个银行工作日内付清。\n"
    )
    assert not fires(SM, text)


# --- a rate restating another ---


@pytest.mark.parametrize(
    "tail",
    [
        "本条日违约金折合年利率为10.95%。",
        "上述日万分之三相当于年利率10.95%。",
        "换算为年利率约10.95%。",
        "违约金折算成年化利率为10.95%。",
        "前述违约金约合年利率10.95%。",
    ],
)
def test_a_rate_restated_as_its_annual_figure_is_no_penalty(tail: str) -> None:
    assert not fires(NC, HEAD + PEN + tail)


def test_an_uncapped_annual_rate_is_still_a_penalty() -> None:
    assert fires(NC, HEAD + "甲方逾期付款的，按年利率10.95%支付违约金。\n")


# --- a deduction from the seller's fee, and a breach freed of any penalty ---

SERVICE = (
    "维保服务合同\n甲方：某某有限公司\n乙方：某某科技有限公司\n第三条 费用\n"
    "年度维保费22,260.00元，按季度支付，"
    "甲方在收到发票后15日内支付当季维保费。\n第四条 违约责任\n"
)
BUYER_LATE = "甲方逾期付款的，每逾期一日按逾期金额的万分之三支付违约金，累计不超过逾期金额的10%。\n"


@pytest.mark.parametrize(
    "cut",
    [
        "乙方未按时到场的，每次按当季维保费的2%扣减服务费，每季度累计不超过20%。",
        "乙方响应超时的，甲方从当期服务费中扣除500元/次。",
        "乙方故障修复超过48小时的，每次扣减当月费用的5%。",
        "乙方服务考核不合格的，按考核扣款办法每项扣款200元。",
        "乙方巡检缺项的，甲方可在应付款中扣除每项300元。",
    ],
)
def test_a_deduction_from_the_sellers_fee_is_the_sellers_penalty(cut: str) -> None:
    assert not fires(OS, SERVICE + cut + "\n" + BUYER_LATE)


def test_with_no_deduction_the_buyers_penalty_alone_is_one_sided() -> None:
    assert fires(OS, SERVICE + BUYER_LATE)
    assert fires(OS, SERVICE + "乙方未按时到场的，应向甲方说明原因。\n" + BUYER_LATE)


@pytest.mark.parametrize(
    "freed",
    [
        "乙方逾期交货的，不承担违约金。",
        "卖方迟延交货的，无需支付任何违约金。",
        "本订单变更如下：我司延迟交货的，免除违约责任。",
        "供方逾期交付，不承担违约责任。",
    ],
)
def test_a_sides_main_breach_freed_while_the_other_pays_is_one_sided(freed: str) -> None:
    text = (
        HEAD
        + "第五条 违约责任\n"
        + freed
        + "甲方逾期付款的，每日按未付款项的万分之三支付违约金，累计不超过5%。\n"
    )
    assert fires(OS, text)


def test_a_freed_breach_with_the_rest_of_the_liability_handed_on_is_one_sided() -> None:
    text = (
        "订单确认函\n致：某某连锁管理有限公司\n依据双方《年度供货框架协议》，我司确认如下：\n"
        "1. 合计¥24,463.90。\n2. 我司于2026年11月5日前送达。\n"
        "3. 本订单对框架协议第10.1条作如下变更：我司逾期交货的，不承担违约金。"
        "订单的验收、付款、其余违约责任及争议解决，均适用框架协议第7条、第8条和第10条。\n"
    )
    assert fires(OS, text)


@pytest.mark.parametrize(
    "freed",
    [
        "因不可抗力逾期交货的，乙方不承担违约金。",
        "因甲方原因导致乙方逾期交货的，乙方不承担违约金。",
        "乙方逾期交货在3日以内的，不承担违约金。",
        "经甲方书面同意延期交货的，乙方不承担违约责任。",
        "乙方逾期交货或甲方逾期付款的，均不承担违约金。",
    ],
)
def test_an_excused_or_mutual_freeing_is_not_one_sided(freed: str) -> None:
    text = HEAD + "第五条 违约责任\n" + freed + PEN.split("\n", 1)[1]
    assert not fires(OS, text)


# --- the payment instruments, a fact of the payment family ---

NLP = "penalty/no-late-payment-penalty"
TRADE = (
    "销售合同\n卖方：某某进出口有限公司\n买方：某某贸易有限公司\n"
    "第一条 货物：帐篷500顶，总价USD 93,340.00。\n"
    "第二条 交货：卖方应于2027年6月15日前装运；卖方逾期装运的，每日按货款的万分之五支付违约金。\n"
)


def _instrument_kinds(text: str) -> list[str]:
    from contractkit.contract.model import contract_of
    from contractkit.readers.text import document_from_text

    return [i.kind for i in contract_of(document_from_text(text)).payment.instruments]


def test_the_instruments_are_read_with_their_kind() -> None:
    kinds = _instrument_kinds(
        "付款：30%电汇，余款以即期信用证支付；运费以转账、支票或承兑汇票支付；托收 D/P。"
    )
    assert kinds == [
        "telegraphic_transfer",
        "letter_of_credit",
        "transfer",
        "cheque",
        "draft",
        "collection",
        "collection",
    ]


@pytest.mark.parametrize(
    "terms",
    [
        "付款条件：买方须于2027年5月10日前开立以卖方为受益人的不可撤销即期信用证。",
        "Payment: by irrevocable L/C at sight, advised through SWIFT. 付款：不可撤销即期信用证。",
        "付款方式：100%不可撤销信用证，见单即付。",
    ],
)
def test_a_price_paid_by_letter_of_credit_only_needs_no_late_payment_penalty(terms: str) -> None:
    assert not fires(NLP, TRADE + "第三条 " + terms + "\n")


@pytest.mark.parametrize(
    "terms",
    [
        "付款条件：30%预付款以电汇支付，余款以不可撤销即期信用证支付。",
        "付款：签约后7日内T/T 30%，余款70%凭提单副本付清。",
        "付款方式：托收 D/P at sight。",
    ],
)
def test_a_price_the_buyer_remits_needs_a_late_payment_penalty(terms: str) -> None:
    assert fires(NLP, TRADE + "第三条 " + terms + "\n")


# --- held-out styles: colloquial, special terms filling the general ones ---

CASUAL = "买卖协议\n卖方：张三五金店\n买方：李四餐馆\n李四从张三处买冷柜两台，一共3.5万元。"


@pytest.mark.parametrize(
    "line",
    ["装好验完再给2万元", "收到货再付款", "验好才结余款", "试完机器了再给剩下的1万", "等东西送到了再付尾款"],
)
def test_done_then_pay_is_a_trigger(line: str) -> None:
    t = read_timing(line)
    assert t.trigger is not None and t.deadline is None


@pytest.mark.parametrize("line", ["货到了就付尾款", "货到就付", "提货时付款"])
def test_paying_at_the_event_is_immediate(line: str) -> None:
    t = read_timing(line)
    assert t.deadline is not None and t.deadline.unit == "immediate"


def test_a_colloquial_trigger_without_a_deadline_is_reported_as_such() -> None:
    text = CASUAL + "钱分两次给：签合同当天先给1.5万元，装好验完再给2万元。\n"
    assert fires(ND, text) and not fires(NT, text)


@pytest.mark.parametrize(
    "line",
    [
        "预付款：按专用条款约定的比例和期限支付。",
        "进度款30%，支付条件和期限按专用条款第6条执行。",
        "甲方支付预付款30%，付款期限按通用条款约定。",
        "质保金以外的尾款20%，支付时间依合同要素表所列。",
        "预付款30%，具体期限详见特殊条款规定。",
    ],
)
def test_special_terms_filling_the_general_ones_state_the_timing(line: str) -> None:
    assert not fires(NT, _pay(line))


def test_a_general_terms_article_naming_no_place_is_still_untimed() -> None:
    assert fires(NT, _pay("甲方支付预付款30%，余款70%。"))
    assert fires(NT, _pay("甲方按专用条款所列单价支付预付款30%。"))


# --- the payer's own resale decides; colloquial settling ---


@pytest.mark.parametrize(
    "line",
    [
        "剩下的70%等买方店里把这批茶卖得差不多了再结，即95,760.00元。",
        "余款待货物售完后支付。",
        "尾款等我这批货卖完了再给你。",
        "剩余货款待产品销完后十日内结清。",
        "另外那一半等东西卖出去再打款。",
    ],
)
def test_payment_when_the_payer_has_resold_is_vague(line: str) -> None:
    assert fires(VT, CASUAL + line + "\n")


def test_resale_words_of_the_seller_are_not_vague() -> None:
    assert find_vague("卖方收到货款后发货，货物卖出后风险转移。") == []
    assert not fires(VT, CASUAL + "签合同当天给1.5万元，装好验完三天内给清2万元。卖完为止。\n")
