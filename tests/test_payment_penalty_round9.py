"""Payment, penalty and quote, accuracy round 9: late shipment and a colloquial refusal to hand over as late
delivery; a daily rate read by the act it accrues on when a scan garbled the lateness word; a decimal point a
scan lost; a rest stated with its share that the amounts show short; a per-batch share restating its
installment; a settlement basis; unit prices to four decimals; a discount's breakdown in brackets; statements
naming a line by number or product; a discount basis wrapped onto the next line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import doc_of, fires, page_lines

from contractkit.config import Settings
from contractkit.contract import contract_of
from contractkit.contract.payment import read_installments
from contractkit.contract.penalty import penalty_facts, unremedied_breach
from contractkit.contract.quote import discount_parts
from contractkit.facts import find_percents, find_rates
from contractkit.lint import lint_document

# --- late delivery: a late shipment (FOB), the seller not letting the buyer collect ---------------------

SHIPPED = (
    "卖方于2026年9月1日前在上海港交货。买方于提单日后10日内付款。"
    "买方逾期付款的，每日按逾期金额的万分之三支付违约金。"
)


@pytest.mark.parametrize(
    "clause",
    [
        "卖方未按期装船的，每逾期一日按迟装部分货款的万分之五支付违约金，最高不超过合同总价的5%。",
        "供方迟延装柜的，每迟延一日按该柜货值的万分之四支付违约金。",
        "卖方到了约定日子还不让买方拉货，每拖一天赔买方200元，最多赔5000元。",
        "卖方过了交货期还不给买方提货，每晚一天赔买方100元。",
    ],
)
def test_late_shipment_or_refusing_collection_is_late_delivery(clause: str) -> None:
    assert not fires("penalty/no-late-delivery-penalty", SHIPPED + clause)


def test_at_the_latest_is_a_deadline_not_a_late_arrival() -> None:
    text = (
        "卖方于2026年9月1日前交货。本协议自签字之日起生效，最晚到2027年6月30日履行完毕。"
        "卖方逾期交货的，每日按逾期部分货款的万分之三支付违约金。"
    )
    assert unremedied_breach(doc_of(text), "late_delivery") is None


DELIVERED = (
    "卖方于2026年9月1日前交货。买方于到货后10日内付款。"
    "卖方逾期交货的，每日按逾期部分货款的万分之三支付违约金。"
)


@pytest.mark.parametrize(
    "clause", ["买方不按时付尾款的，每拖一天赔卖方200元。", "买方没按期付预付款，每晚一天赔卖方100块。"]
)
def test_late_payment_of_a_named_installment(clause: str) -> None:
    assert not fires("penalty/no-late-payment-penalty", DELIVERED + clause)


# --- a daily rate read by the act it accrues on (a scan misread 逾期 as 儿期, 途期) -----------------------


@pytest.mark.parametrize(
    ("clause", "breach"),
    [
        ("供方儿期发货的，每日按该批货物价款的万分之四支付违约金。", "late_delivery"),
        ("乙方作期交货，每日按该部分货款的0.03%支付违约金。", "late_delivery"),
        ("需方途期付款，每日按欠款金额的万分之三支付违约金。", "late_payment"),
        ("乙方交付的货物质量不符的，每日按货款的万分之五支付违约金。", "other"),
    ],
)
def test_a_daily_rate_on_an_act_is_for_its_delay(clause: str, breach: str) -> None:
    assert [p.breach for p in penalty_facts(doc_of(clause)).penalties] == [breach]


# --- rates and caps a scan garbled -------------------------------------------------------------------------


def test_a_lost_decimal_point_is_read_back() -> None:
    assert [r.value for r in find_rates("每日按逾期金额的 0 05 % 支付违约金")] == [Decimal("0.05")]
    assert [p.value for p in find_percents("库存 0 30%")] == [Decimal(30)]  # a 0 cell, then a share
    assert [r.value for r in find_rates("每日按逾期金额的 0 5% 支付违约金")] == [Decimal(5)]


def test_a_colloquial_cap_after_a_daily_cue_is_no_rate() -> None:
    assert find_rates("卖方每拖一天赔300元，最多赔到总价的5%。") == []


def test_a_cap_figure_with_a_digit_after_its_sign_is_not_read() -> None:
    late = "买方逾期付款的，每日按逾期金额的万分之三支付违约金，累计不超过逾期金额的45%"
    assert not fires("penalty/cap-too-high", late + "0。")
    assert fires("penalty/cap-too-high", late + "。")


# --- payment schedules ----------------------------------------------------------------------------------

_SCHEDULE = (
    "第三条 付款\n合同总价为人民币2,000,000.00元。\n签约后7日内，买方支付合同总价的30%{a}；\n"
    "验收合格后30日内，买方支付合同总价的60%{b}；\n质保期满后10日内，买方支付剩余5%{c}。"
)


def test_a_rest_stated_with_its_share_is_short_when_the_amounts_say_so() -> None:
    text = _SCHEDULE.format(a="，即600,000.00元", b="，即1,200,000.00元", c="，即100,000.00元")
    assert fires("payment/shares-mismatch", text)
    assert not fires("payment/shares-mismatch", _SCHEDULE.format(a="", b="", c=""))  # the rest closes it


def test_a_per_batch_share_restates_its_installment() -> None:
    text = (
        "第三条 付款\n合同总价为人民币500,000.00元。\n"
        "1. 签约后5日内，买方支付合同总价的30%，即¥150,000.00；\n"
        "2. 余款70%，即¥350,000.00，分批结算：买方于每批货物到货验收后15日内支付该批货物金额的70%。"
    )
    assert not fires("payment/shares-mismatch", text)
    assert not fires("payment/installment-without-trigger", text)


@pytest.mark.parametrize(
    "text",
    [
        "钢筋约50吨,按实际过磅重量结算,每吨4100元,共205000元。",
        "砂石料按磅单数量结算,单价85元/吨,合计约17000元。",
    ],
)
def test_a_settlement_basis_is_no_payment(text: str) -> None:
    assert read_installments(text) == []


def test_a_settlement_with_a_payment_still_pays() -> None:
    assert [r.share for r in read_installments("按实际用量结算,到货后10日内支付货款的70%。")] == [Decimal(70)]


# --- quotes laid out as text lines (a PDF form) -----------------------------------------------------------

_HEAD = ("报 价 单", "报价日期 2026 年 8 月 3 日 报价有效期 至 2026 年 9 月 30 日")
_POLICY = "折扣政策 销售代表可给予不超过 8%的折扣；超过 8%须经销售经理审批"
_DISCOUNT = Settings(select=("quote/discount-without-approval",))


def test_unit_prices_to_four_decimals_and_a_breakdown_in_brackets() -> None:
    doc = page_lines(
        "报 价 单",
        "序号 产品名称及规格 数量（只） 目录单价（元） 折扣 折后单价（元） 金额（元）",
        "1 西林瓶胶塞，20mm 卤化丁基 300,000 0.240 6%（首单 6%） 0.2256 67,680.00",
        "2 铝塑组合盖，20mm 翻开式 300,000 0.180 9%（首单 4%+阶梯 5%） 0.1638 49,140.00",
    )
    lines = contract_of(doc).quote.lines
    assert [(ln.list_price, ln.discount) for ln in lines] == [
        (Decimal("0.240"), Decimal(6)),
        (Decimal("0.180"), Decimal(9)),
    ]
    assert [p.percent for p, _ in discount_parts("9%（首单 4%+阶梯 5%）")] == [Decimal(4), Decimal(5)]


def test_the_quote_validity_in_a_flattened_form_line_beside_a_warranty() -> None:
    doc = page_lines(
        "报 价 单",
        "付款方式 签约后预付 30%质保 12 个月，自到货之日起算报价有效期 本报价有效期至 2026 年 9 月 30 日",
    )
    assert not lint_document(doc, Settings(select=("quote/no-validity",)))


def test_a_statement_run_into_the_last_rows_line_explains_a_line() -> None:
    doc = page_lines(
        *_HEAD,
        "序号 产品名称 规格 数量 目录单价（元） 折扣 折后单价（元） 金额（元）",
        "1 离心水泵 DN80 10 台 5,000.00 12% 4,400.00 44,000.00",
        "2 控制柜 IP55 2 台 8,000.00 5% 7,600.00 15,200.00合计 59,200.00"
        "折扣构成 第 1 项 12%（阶梯 5%+首单 2%+项目 5%）；第 2 项 5%（阶梯 5%）",
        _POLICY,
    )
    (f,) = lint_document(doc, _DISCOUNT)
    assert "第 1 项 12%（阶梯 5%" in f.snippet


def test_a_statement_naming_a_lines_product_explains_it() -> None:
    doc = page_lines(
        *_HEAD,
        "序号 产品名称 规格 数量 目录单价（元） 折扣 折后单价（元） 金额（元）",
        "1 离心水泵 DN80 10 台 5,000.00 12% 4,400.00 44,000.00",
        "2 电气控制柜 IP55 2 台 8,000.00 5% 7,600.00 15,200.00",
        "合计 59,200.00",
        _POLICY,
        "本单审批 本单水泵折扣为 12%，控制柜折扣为 5%",
    )
    (f,) = lint_document(doc, _DISCOUNT)
    assert f.snippet.startswith("本单审批") and "第1项" in f.message


def test_a_discount_basis_wrapped_onto_the_next_line_is_quoted() -> None:
    doc = page_lines(
        *_HEAD,
        "序号 产品名称 规格 数量 目录单价（元） 折扣 折后单价（元） 金额（元） 折扣依据",
        "1 离心水泵 DN80 10 台 5,000.00 5% 4,750.00 47,500.00 首单 5%",
        "2 电气控制柜 IP55 2 台 8,000.00 11% 7,120.00 14,240.00 首单 5%+老客户 3%",
        "+季度促销 3%合计 61,740.00",
        _POLICY,
    )
    (f,) = lint_document(doc, _DISCOUNT)
    assert f.snippet.endswith("首单 5%+老客户 3% +季度促销 3%")


# --- a rate per working day, annualised over the 250 working days of a year ------------------------------


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        ("每逾期一个工作日，按合同总价的0.1%支付违约金", Decimal(25)),
        ("逾期付款的，每工作日按欠款的千分之一计付违约金", Decimal(25)),
        ("每个迟延工作日按合同价格的万分之二支付违约金", Decimal(5)),
    ],
)
def test_a_rate_per_working_day_is_annualised(text: str, annual: Decimal) -> None:
    (rate,) = find_rates(text)
    assert rate.per == "working_day" and rate.annual_percent() == annual


def test_a_rate_per_working_day_above_the_cap_fires() -> None:
    text = "卖方于签约后30日内交货。卖方逾期交货的，每逾期一个工作日按逾期部分货款的千分之一支付违约金。"
    assert fires("penalty/rate-above-cap", text)


# --- a list under a special-conditions label naming two aspects of payment ------------------------------


@pytest.mark.parametrize(
    "label",
    ["2.【对应通用条款第五条】付款比例及期限：", "（三）支付方式和时间：", "附加约定四 结算比例与条件："],
)
def test_a_list_under_a_label_naming_two_aspects_of_payment_is_read(label: str) -> None:
    doc = doc_of(
        "第一部分 通用条款\n第五条 付款方式。价款以电汇支付，比例及期限见专用条款。\n"
        "第二部分 专用条款\n"
        f"{label}\n（1）首付款：合同价格的25%，签约后10日内支付；\n"
        "（2）进度款：合同价格的45%，到货验收合格后15日内支付；\n"
        "（3）结算款：合同价格的20%，安装完毕后20日内支付。"
    )
    assert [i.share for i in contract_of(doc).payment.installments] == [Decimal(25), Decimal(45), Decimal(20)]
    assert fires("payment/shares-mismatch", doc)


# --- a security handed over as the condition of a payment -----------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "首付款：合同生效且买方收到卖方出具的合同金额8%的银行保函及发票后10个工作日内，买方支付合同金额的25%。",
        "卖方递交合同价款10%的履约保函后7日内，买方付合同价款的30%。",
        "买方收到卖方提交的人民币60,000元履约保证金及收据后5日内，支付合同价款的40%。",
    ],
)
def test_a_security_that_conditions_a_payment_is_its_trigger_not_a_share(clause: str) -> None:
    raws = read_installments(clause)
    assert len(raws) == 1 and raws[0].share in (Decimal(25), Decimal(30), Decimal(40))
    assert raws[0].timing.trigger is not None and raws[0].timing.deadline is not None
    assert not fires("payment/installment-without-trigger", "第四条 付款\n" + clause)


def test_a_security_alone_is_still_no_payment() -> None:
    assert read_installments("卖方应于签约后7日内向买方提交合同价款10%的履约保函。") == []


# --- payment left to another agreement, money paid before, a supplement keeping the main contract ------


@pytest.mark.parametrize(
    "line",
    [
        "其余结算付款、质量异议及违约责任等事项，仍按双方签订的年度供货协议执行。",
        "本订单未列明的事项（交货验收、付款结算、售后等）一律依照框架合同办理。",
    ],
)
def test_matters_left_to_another_agreement_are_no_installment(line: str) -> None:
    assert read_installments(line) == []
    text = "采购订单\n第一条 货物：电动阀门20台，单价1,200元。\n第二条 " + line
    assert not fires("payment/installment-without-trigger", text)


def test_money_paid_before_is_no_installment_but_the_balance_is() -> None:
    raws = read_installments(
        "买方已依原合同付清的首付款¥30,000.00转为本期款项，不足部分¥12,000.00由买方在本协议签署后7日内支付。"
    )
    assert [r.amount[0] for r in raws if r.amount] == [Decimal("12000.00")]
    assert raws[0].timing.trigger is not None


SUPPLEMENT = (
    "《空压机购销合同》补充协议\n甲方（买方）：某某机械有限公司\n乙方（卖方）：某某压缩机有限公司\n"
    "一、原合同第三条修改为：乙方于2027年4月30日前交付全部货物。\n"
    "二、原合同第五条修改为：甲方在货物验收合格后10日内支付全部货款。\n"
    "三、{keep}\n"
    "四、本补充协议自双方盖章之日起生效。"
)


@pytest.mark.parametrize(
    "keep", ["本补充协议未约定的事项，适用原合同。", "本协议未规定的内容，仍按主合同的约定执行。"]
)
def test_a_supplement_keeping_the_main_contract_needs_no_penalties_of_its_own(keep: str) -> None:
    text = SUPPLEMENT.format(keep=keep)
    assert not fires("penalty/no-late-delivery-penalty", text)
    assert not fires("penalty/no-late-payment-penalty", text)


def test_a_supplement_keeping_nothing_still_lacks_its_penalties() -> None:
    text = SUPPLEMENT.format(keep="双方另行确认。")
    assert fires("penalty/no-late-delivery-penalty", text)


# --- delivering the whole or the rest of the goods is no payment ------------------------------------------


def test_delivering_shares_of_the_goods_is_no_payment_schedule() -> None:
    text = (
        "第三条 交货\n卖方应于2027年5月10日前交付全部设备的40%，于2027年6月30日前交付其余60%。\n"
        "第四条 付款\n每批设备验收合格后30日内，买方支付该批设备金额的100%。"
    )
    assert read_installments("卖方应于5月10日前交付全部设备的40%，于6月30日前交付其余60%。") == []
    assert not fires("payment/shares-mismatch", text)


def test_handing_over_the_rest_of_the_price_is_still_a_payment() -> None:
    raws = read_installments("设备验收合格后15日内，买方交付其余货款。")
    assert len(raws) == 1 and raws[0].remainder


# --- a schedule a scan misread is not summed -------------------------------------------------------------

MISREAD = (
    "第四条 付款",
    "1. 合同签订后 7 日内,买方支付合同价款的 20%6,即 30,000.00 元;",
    "2. 到货验收合格后 10 日内,买方支付合同价款的 709%6,即 105,000.00 元;",
    "3. 质保期满后 10 日内,买方支付合同价款的 10%。",
)


def _scanned(doc):
    from dataclasses import replace

    from contractkit.facts import assign_sections

    return replace(doc, blocks=assign_sections(doc.blocks), meta={"ocr": [1]})


def test_a_scanned_schedule_with_a_misread_percent_is_not_summed() -> None:
    assert not fires("payment/shares-mismatch", _scanned(page_lines(*MISREAD)))


def test_the_same_schedule_typed_is_summed() -> None:
    doc = page_lines(*MISREAD)
    from dataclasses import replace

    from contractkit.facts import assign_sections

    assert fires("payment/shares-mismatch", replace(doc, blocks=assign_sections(doc.blocks)))
