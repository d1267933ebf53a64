"""The penalty facts model (``contract.penalty``): each penalty's payer, breach, base, tiers and annual
figure, caps belonging to their penalty, charges added up for one delay, 定金/订金, no-adjust clauses —
on many phrasings, and every stated rate of the clause set annualized."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.contract.model import to_data
from contractkit.contract.penalty import PenaltyFacts
from contractkit.lint import lint_text


def facts(text: str) -> PenaltyFacts:
    return extract_text(text).penalty


def highest(text: str) -> Decimal | None:
    """The figure the evaluation reads: every penalty's annual_pct and the combined one."""
    f = facts(text)
    figures = [p.annual_pct for p in f.penalties if p.annual_pct is not None]
    if f.combined_annual_pct is not None:
        figures.append(f.combined_annual_pct)
    return max(figures) if figures else None


# -- rates, in many wordings ---------------------------------------------------------------------------------

RATES = [
    ("甲方逾期付款的，每日按未付款项的万分之五支付违约金。", "18.25", "late_payment"),
    ("买方迟延支付货款的，按日万分之三计付滞纳金。", "10.95", "late_payment"),
    ("逾期付款违约金为日未交款的3‰。", "109.5", "late_payment"),
    ("如逾期未还按每月0.05加收滞纳金。", "60", "late_payment"),
    (
        "如买方超过约定期限付款，应支付资金利息（超期未付金额×年化利率15%/365×超期天数）。",
        "15",
        "late_payment",
    ),
    ("乙方逾期交货的，每逾期满七日，按逾期交货部分货款的千分之二支付违约金。", "10.4286", "late_delivery"),
    ("卖方逾期交货者，每逾一日，按逾期交货部分价金千分之零点三计付违约金。", "10.95", "late_delivery"),
    ("甲方晚付钱的，每晚一天，按晚付的那部分钱的万分之三给乙方违约金。", "10.95", "late_payment"),
    ("乙方晚送货的，每晚一天，按晚送的货款的万分之三给甲方违约金。", "10.95", "late_delivery"),
    (
        "卖方未能按期交付货物的，每迟延一个月，应按迟延交付部分货物价格的百分之零点八向买方支付违约金。",
        "9.6",
        "late_delivery",
    ),
    ("如在5个工作日内未执行逾期一天按10%缴纳滞纳金。", "3650", "other"),
    ("买方逾期付款的，按年利率百分之八向卖方支付逾期付款违约金。", "8", "late_payment"),
    ("如卖方未能按时交货，买方有权按每日合同价格的0.1%收取违约金。", "36.5", "late_delivery"),
    ("乙方晚交一天，扣货款的千分之一。", "36.5", "late_delivery"),
    ("乙方每拖一天送货，按货款的千分之二罚款。", "73.0", "late_delivery"),
]


@pytest.mark.parametrize(("text", "annual", "breach"), RATES)
def test_rate_penalties(text: str, annual: str, breach: str) -> None:
    (p,) = facts(text).penalties
    assert p.kind == "rate" and p.annual_pct == Decimal(annual) and p.breach == breach


def test_ambiguous_bare_decimal_is_marked() -> None:
    (p,) = facts("如逾期未还按每月0.05加收滞纳金。").penalties
    assert p.tiers[0].ambiguous and p.charge == "滞纳金"


@pytest.mark.parametrize(
    ("text", "multiple", "annual"),
    [
        ("甲方逾期付款的，按一年期贷款市场报价利率（LPR）的两倍按日计付违约金。", "2", "6.0"),
        ("逾期付款的，按LPR加计50%计算逾期付款违约金。", "1.5", "4.50"),
        ("逾期付款的，按同期全国银行间同业拆借中心公布的贷款市场报价利率上浮30%计收利息。", "1.3", "3.90"),
        ("逾期付款的，按中国人民银行同期贷款利率计付利息。", "1", "3.0"),
    ],
)
def test_lpr_penalties(text: str, multiple: str, annual: str) -> None:
    (p,) = facts(text).penalties
    assert p.kind == "lpr" and p.lpr_multiple == Decimal(multiple) and p.annual_pct == Decimal(annual)


def test_a_total_cap_after_a_daily_cue_is_no_rate() -> None:
    f = facts("甲方逾期付款的，按LPR的两倍自逾期之日起按日计付违约金，但累计不超过逾期金额的5%。")
    (p,) = f.penalties
    assert p.kind == "lpr" and p.cap is not None and p.cap.percent == Decimal(5)


# -- tiers and charges that add up ---------------------------------------------------------------------------


def test_tiers_keep_every_rate_and_the_first_is_the_annual_figure() -> None:
    text = (
        "用电人逾期交付电费的，"
        "当年欠费部分的电费违约金每日按欠交额的千分之二，跨年度欠费部分的每日按欠交额的千分之三计付。"
    )
    (p,) = facts(text).penalties
    assert [t.annual_pct for t in p.tiers] == [Decimal(73), Decimal("109.5")]
    assert p.annual_pct == Decimal(73) and p.highest_pct == Decimal("109.5")


def test_escalating_tiers() -> None:
    text = (
        "超出5个工作日外仍未交货，逾期一天按10%缴纳滞纳金，超出10个工作日外仍未交货则逾期一天按20%缴纳滞纳金"
        "，"
        "以此类推无上限。"
    )
    (p,) = facts(text).penalties
    assert p.annual_pct == Decimal(3650) and p.highest_pct == Decimal(7300)
    assert p.cap is None and p.uncapped


@pytest.mark.parametrize(
    ("text", "combined"),
    [
        ("被告除支付逾期款项的利息外，还应按逾期总额支付每日千分之五的违约金及千分之一的滞纳金。", "219"),
        ("甲方逾期付款的，每日按万分之三支付违约金。\n甲方逾期付款的，另按每日万分之二支付滞纳金。", "18.25"),
        ("买方逾期付款的，按日万分之五支付违约金，并按年利率6%支付逾期利息。", "24.25"),
    ],
)
def test_charges_for_one_delay_add_up(text: str, combined: str) -> None:
    assert facts(text).combined_annual_pct == Decimal(combined)


def test_different_breaches_or_payers_do_not_add_up() -> None:
    text = "乙方逾期交货的，每日按万分之三支付违约金。甲方逾期付款的，每日按万分之二支付滞纳金。"
    assert facts(text).combined_annual_pct is None
    instalment = "欠款分24个月还清，月利息为1%，逾期付款违约金为日未交款的3‰。"  # 月利息 is no penalty
    assert facts(instalment).combined_annual_pct is None
    assert highest(instalment) == Decimal("109.5")


# -- payer and base ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "payer"),
    [
        ("甲方逾期付款的，每日按未付款项的万分之三支付违约金。", "buyer"),
        ("卖方逾期交货的，应向买方支付每日万分之三的违约金。", "seller"),
        ("需方未按期付款的，按日万分之三向供方支付违约金。", "buyer"),
        ("任何一方违约的，每日按合同总价的万分之三支付违约金。", "either"),
        ("供方逾期交货或需方逾期付款的，每逾期一日，按逾期部分金额的万分之三向对方支付违约金。", "either"),
        ("供方迟延交付的，按日向需方支付合同价款万分之三的违约金。", "seller"),
    ],
)
def test_payer(text: str, payer: str) -> None:
    (p,) = facts(text).penalties
    assert p.payer == payer


def test_payer_from_the_structure_roles() -> None:
    text = (
        "甲方（卖方）：华力机械有限公司\n"
        "乙方（买方）：远达贸易有限公司\n乙方未按时付款的，按日万分之三支付违约金。"
    )
    (p,) = facts(text).penalties
    assert p.party == "乙方" and p.payer == "buyer"


@pytest.mark.parametrize(
    ("text", "base", "whole"),
    [
        ("甲方逾期付款的，每日按未付款项的万分之三支付违约金。", "未付款项", False),
        ("乙方逾期交货的，每日按合同总价的万分之三支付违约金。", "合同总价", True),
        ("应按合同总金额的50%向甲方支付违约金。", "合同总金额", True),
    ],
)
def test_base(text: str, base: str, whole: bool) -> None:
    (p,) = facts(text).penalties
    assert p.base == base and p.whole_total == whole


# -- caps belong to their penalty ------------------------------------------------------------------


def test_caps_per_penalty() -> None:
    text = (
        "（1）乙方迟交货物的，每迟交一天，按当月未交货物价款的0.025%向甲方承担违约金，最高以当月货款的8%为限"
        "。\n"
        "（2）甲方逾期付款的，每逾期一天，按应付未付金额的0.025%计付违约金。"
    )
    first, second = facts(text).penalties
    assert first.cap is not None and first.cap.percent == Decimal(8)
    assert second.cap is None


@pytest.mark.parametrize(
    "cap",
    [
        "上述违约金累计均不超过合同总价的10%。",
        "本合同项下违约金总额不超过合同总价的10%。",
        "卖方按本章支付的逾期交货违约金累计不超过合同总价的百分之十。",
        "上面的违约金，甲方、乙方各自最多赔到合同总价的10%为止。",
    ],
)
def test_cap_clause_of_its_own(cap: str) -> None:
    text = (
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金。\n"
        "甲方逾期付款的，每日按逾期金额的万分之三支付违约金。\n"
    )
    assert all(p.cap is not None for p in facts(text + cap).penalties)


def test_cap_in_the_next_clause_of_the_paragraph() -> None:
    text = (
        "卖方逾期交货的，每逾期一日按逾期部分货款的万分之三支付违约金；"
        "买方逾期付款的，每逾期一日按逾期金额的万分之二支付违约金；各自累计不超过本订单金额的10%。"
    )
    assert [p.cap is not None for p in facts(text).penalties] == [True, True]


# -- lump sums -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "share", "any_breach"),
    [
        ("乙方不能完成改造的，应按合同总金额的50%向甲方支付违约金。", "50", False),
        ("双方约定违约金为合同总金额的30%，如一方违约，违约方按此标准支付给另一方违约金。", "30", True),
        ("被告向原告支付赊欠总金额双倍违约金。", "200", False),
        ("买方出现任何违约行为，均应当按照本合同约定总价款的20%向卖方支付违约金。", "20", True),
    ],
)
def test_lump_sums(text: str, share: str, any_breach: bool) -> None:
    (p,) = [p for p in facts(text).penalties if p.kind == "lump_sum"]
    assert p.share_pct == Decimal(share) and p.any_breach == any_breach


def test_a_markup_on_a_rate_is_no_lump_sum() -> None:
    text = (
        "甲方逾期付款的，以逾期金额为基数，按LPR加计50%计算逾期付款违约金，累计不超过逾期付款金额的百分之十。"
    )
    assert [p.kind for p in facts(text).penalties] == ["lpr"]


# -- deposits and wording --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "share"),
    [
        ("合同总价为人民币100,000元。买方应支付定金人民币30,000元。", "定金", "30"),
        ("甲方于本合同签订后三日内向乙方支付定金人民币203,400.00元（合同总价的30%）。", "定金", "30"),
        ("原告向被告支付合同总价款的30%，即54000元作为定金。", "定金", "30"),
        ("车价款为9万元，合同签订当日交付定金2万元。", "定金", "22.22"),
        ("总价390000元，买方需试用完毕三天内支付30%117000元作为设备定金。", "定金", "30"),
        ("甲方于签约后5日内向乙方支付合同总价25%的定金。", "定金", "25"),
        (
            "合同总价(含13%增值税)：人民币1,130,000.00元(大写：壹佰壹拾叁万元整)\n"
            "买方于签约后3日内支付定金人民币282,500.00元。",
            "定金",
            "25.00",
        ),
        ("合同签订后三日内，甲方向乙方支付订金人民币30,000.00元。", "订金", None),
    ],
)
def test_deposits(text: str, word: str, share: str | None) -> None:
    (d,) = facts(text).deposits
    assert d.word == word
    assert d.share_pct == (Decimal(share) if share else None)


def test_forfeiture_names_its_word() -> None:
    f = facts(
        "乙方不履行合同的，应双倍返还订金；甲方不履行合同的，无权要求返还订金。卖方违约的，定金不予退还。"
    )
    assert [x.word for x in f.forfeitures] == ["订金", "订金", "定金"]


@pytest.mark.parametrize(
    ("text", "together"),
    [
        ("守约方依前款主张定金的，同时有权要求违约方按合同总价的20%支付违约金。", True),
        ("卖方违约的，应双倍返还定金，并支付合同总价20%的违约金。", True),
        ("一方违约的，守约方可以选择适用违约金或者定金条款。", False),
        ("定金在支付货款时抵作价款，违约金另行计算。", False),
    ],
)
def test_deposit_with_penalty(text: str, together: bool) -> None:
    assert bool(facts(text).deposit_with_penalty) == together


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("任何一方均不得以违约金过高或者过低为由请求调整。", True),
        ("双方确认本合同违约金不得调整。", True),
        ("违约方放弃请求法院调整违约金的权利。", True),
        ("违约金一经确定，不受任何调整。", True),
        ("违约金过分高于损失的，违约方可以请求适当减少。", False),
        ("乙方支付违约金后，不得变更交货地址。", False),
        ("违约金不足以弥补损失的，守约方可以请求赔偿。", False),
    ],
)
def test_no_adjust(text: str, found: bool) -> None:
    assert bool(facts(text).no_adjust) == found


# -- properties ------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=99),
    st.sampled_from(
        [
            ("每日按未付款项的万分之{n}", Decimal("3.65")),
            ("每天按欠款的万分之{n}", Decimal("3.65")),
            ("按月利率万分之{n}", Decimal("0.12")),
            ("按未付款项的万分之{n}/日", Decimal("3.65")),
        ]
    ),
    st.sampled_from(["违约金", "滞纳金"]),
)
def test_any_daily_or_monthly_rate_is_annualized(n: int, form: tuple[str, Decimal], charge: str) -> None:
    phrase, factor = form
    (p,) = facts(f"甲方逾期付款的，{phrase.format(n=n)}支付{charge}。").penalties
    assert p.annual_pct == n * factor and p.charge == charge and p.breach == "late_payment"


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=30))
def test_a_cap_belongs_to_its_own_clause_only(n: int) -> None:
    capped = f"乙方逾期交货的，每日按合同总价的万分之三支付违约金，累计不超过合同总价的{n}%。"
    other = "甲方逾期付款的，每日按逾期金额的万分之三支付违约金。"
    first, second = facts(capped + "\n" + other).penalties
    assert first.cap is not None and first.cap.percent == Decimal(n) and second.cap is None


def test_json_shape() -> None:
    model = extract_text("甲方逾期付款的，每日按未付款项的万分之五支付违约金，累计不超过合同总价的10%。")
    data = to_data(model.penalty, model.doc)
    (p,) = data["penalties"]
    assert p["annual_pct"] == "18.25" and p["tiers"][0]["where"]["text"] == "每日按未付款项的万分之五"
    assert p["cap"]["percent"] == "10" and data["combined_annual_pct"] is None


# -- the clause set's stated rates --------------------------------------------------------------------------


def test_every_stated_rate_of_the_clause_set(judgments_path: Path) -> None:
    wrong = []
    for line in judgments_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not row.get("usable", True) or row.get("annual_rate_pct") is None:
            continue
        want = Decimal(str(row["annual_rate_pct"]))
        got = highest(row["text"])
        if got is None or abs(got - want) > Decimal("0.01") * max(1, abs(got)):
            wrong.append((row["id"], want, got))
    assert wrong == []


def test_key_terms_rows() -> None:
    text = (
        "合同要素表\n合同总价\n人民币500,000.00元\n逾期交货违约金\n每日0.5‰\n"
        "逾期付款违约金\n日万分之三，累计不超过逾期金额的10%\n争议解决\n无锡仲裁委员会"
    )
    got = {(p.breach, p.charge, p.annual_pct, p.cap is not None) for p in facts(text).penalties}
    assert got == {
        ("late_delivery", "违约金", Decimal("18.25"), False),
        ("late_payment", "违约金", Decimal("10.95"), True),
    }


# -- accuracy round 2: breaches in any wording and layout, a deposit's own figure ----------------------------


@pytest.mark.parametrize(
    ("text", "breach", "payer"),
    [
        ("合作社逾期交售的，每逾期一日按逾期部分金额的万分之三支付违约金。", "late_delivery", "seller"),
        ("卖方逾期进场的，每逾期一日按该批苗木货款的0.03%支付违约金。", "late_delivery", "seller"),
        ("供方逾期发运的，每日按未发运货物价款的万分之五向需方支付违约金。", "late_delivery", "seller"),
        ("乙方未按期运抵指定仓库的，每迟延一日按合同总价的万分之三支付违约金。", "late_delivery", "seller"),
        ("乙方短交的，按短交部分货款的5%支付违约金。", "late_delivery", "seller"),
        ("买方没付清的钱，每晚一天按万分之三算违约金。", "late_payment", "buyer"),
        ("每拖一天，按没给的货款的万分之三付违约金。", "late_payment", "buyer"),
    ],
)
def test_breach_wordings(text: str, breach: str, payer: str) -> None:
    (p,) = facts(text).penalties
    assert (p.breach, p.payer) == (breach, payer)


@pytest.mark.parametrize(
    ("text", "breach", "payer"),
    [
        # a question and its answer line
        (
            "问12：卖方晚交货呢？\n答：每晚一天，按合同总价的万分之三赔付违约金，最多赔到10%。",
            "late_delivery",
            "seller",
        ),
        (
            "Q：买方付钱晚了怎么办？\nA：每拖一天，按欠款的万分之三算违约金，封顶10%。",
            "late_payment",
            "buyer",
        ),
        # a label line, a numbered heading
        (
            "逾期交货：\n每日按合同总价的万分之五支付违约金，累计不超过合同总价的10%。",
            "late_delivery",
            "seller",
        ),
        ("第八条 违约责任\n8.1 迟延付款\n每日按应付金额的0.05%支付违约金。", "late_payment", "buyer"),
        ("**需方逾期付款的**\n每日按未付金额的万分之四支付违约金。", "late_payment", "buyer"),
    ],
)
def test_the_breach_is_read_from_a_lead_line(text: str, breach: str, payer: str) -> None:
    (p,) = facts(text).penalties
    assert (p.breach, p.payer) == (breach, payer)


def test_a_long_lead_paragraph_does_not_lend_its_breach() -> None:
    text = (
        "乙方应于合同签订后三十日内交货，交货地点为甲方仓库，乙方负责运输并承担运输途中的一切风险和费用。\n"
        "违约方每日按合同总价的万分之三支付违约金。"
    )
    (p,) = facts(text).penalties
    assert p.breach == "other"


@pytest.mark.parametrize(
    "text",
    [
        "合同总价为人民币100,000元。验收后支付余款（即合同总价扣除已付定金后的80%）。",
        "合同总价为人民币100,000元。交货后甲方支付扣除定金以外的其余货款人民币80,000元。",
        "合同总价为人民币100,000元。定金抵作货款后，剩余90%于验收后支付。",
        "合同金额760,000元。验收后10日内甲方支付其余货款684,000元（即合同金额扣除已抵作货款的定金后的90%）。",
    ],
)
def test_the_rest_of_the_price_after_the_deposit_is_no_deposit_figure(text: str) -> None:
    assert facts(text).deposits == ()


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("合同总价为人民币100,000元。甲方支付30%的定金。", "30"),
        ("合同总价为人民币100,000元。甲方向乙方交付人民币3万元的定金。", "30.00"),
        ("合同总价为人民币100,000元。甲方支付人民币1万元作为定金，定金在尾款中抵扣。", "10.00"),
    ],
)
def test_a_figure_stated_as_the_deposit_is_still_read(text: str, share: str) -> None:
    (d,) = facts(text).deposits
    assert d.share_pct == Decimal(share)


def test_a_tier_locates_its_fraction() -> None:
    text = "卖方逾期交货的，每逾期一日按逾期部分货款的千分之五支付违约金。"
    (p,) = facts(text).penalties
    (t,) = p.tiers
    assert t.figure is not None and text[t.figure.span[0] : t.figure.span[1]] == "千分之五"


@pytest.mark.parametrize(
    ("text", "breach"),
    [
        ("买方第二笔钱晚给一天，也按没给的钱的万分之三赔给卖方，最多赔到没给的钱的5%。", "late_payment"),
        ("尾款晚付一天，就按欠款的万分之三算违约金。", "late_payment"),
        ("卖方晚送一天，按总价的万分之三赔给买方。", "late_delivery"),
        ("货晚到一天，卖方按总价的万分之三赔付违约金。", "late_delivery"),
    ],
)
def test_colloquial_daily_rates(text: str, breach: str) -> None:
    (p,) = facts(text).penalties
    assert p.breach == breach and p.tiers[0].per == "day" and p.tiers[0].value_pct == Decimal("0.03")


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("合同总价为人民币300,000元。买方于签约后3日内支付预付款（其中合同总价的25%为定金）。", "25"),
        (
            "合同总价为人民币300,000元。买方应支付定金，定金数额为人民币9万元，另支付预付款人民币3万元。",
            "30.00",
        ),
        ("合同总价为人民币300,000元。定金：合同总价的20%，即人民币60,000元。", "20"),
    ],
)
def test_the_deposit_figure_in_other_orders(text: str, share: str) -> None:
    (d,) = facts(text).deposits
    assert d.share_pct == Decimal(share)


def test_an_amount_after_the_deposit_is_paid_is_not_the_deposit() -> None:
    text = "合同总价为人民币300,000元。买方支付定金后，卖方开始生产；余款人民币240,000元于提货前付清。"
    assert facts(text).deposits == ()


# -- fast patterns: a lookahead of first characters changes no match ----------------------------------------


@pytest.mark.parametrize(
    ("module", "fast", "bare"),
    [
        ("contractkit.contract.penalty", "_LATE_PAY", "_LATE_PAY_PATTERN"),
        ("contractkit.contract.penalty", "_LATE_DELIVERY", "_LATE_DELIVERY_PATTERN"),
        ("contractkit.contract.payment", "PAY_VERB", "PAY_VERB_PATTERN"),
        ("contractkit.contract.payment", "_CONSEQUENCE", "_CONSEQUENCE_PATTERN"),
        ("contractkit.checks.penalty", "_LATE_PAYMENT", "_LATE_PAYMENT_PATTERN"),
        ("contractkit.checks.penalty", "_LATE_DELIVERY", "_LATE_DELIVERY_PATTERN"),
        ("contractkit.checks.penalty", "_CAP", "_CAP_PATTERN"),
    ],
)
def test_fast_pattern_matches_what_the_bare_pattern_matches(module: str, fast: str, bare: str) -> None:
    """A pattern led (for speed) by a lookahead of its first characters finds just the bare one's matches."""
    import importlib

    from conftest import assert_led

    mod = importlib.import_module(module)
    assert_led(getattr(mod, fast), getattr(mod, bare))


@pytest.mark.parametrize(
    ("text", "base", "whole"),
    [
        ("一方有其他违反合同约定之行为的，应按本合同标的总额的30%向另一方支付违约金。", "标的总额", True),
        ("任何一方违约的，应以合同标的额的20%向守约方支付违约金。", "合同标的额", False),
        ("乙方逾期交货的，按未交标的物价款的10%支付违约金。", "未交标的物价款", False),
    ],
)
def test_a_base_may_name_the_subject_matter(text: str, base: str, whole: bool) -> None:
    (p,) = [p for p in facts(text).penalties if p.kind == "lump_sum"]
    assert p.base == base and p.whole_total is whole


# -- each rate of a clause paid by the party that leads it (round 6) ----------------------------------------

_HEAD = "购销合同\n供方：泰州甲绳缆有限公司\n需方：宁波乙港务有限公司\n"


@pytest.mark.parametrize(
    ("clause", "payers"),
    [
        (
            "五、违约：供方逾期交货，每日按逾期货款万分之三计违约金，需方逾期付款，每日按逾期款万分之三计违约金；",
            [("seller", "供方"), ("buyer", "需方")],
        ),
        (
            "乙方逾期交货的，每日按合同总价万分之三支付违约金，甲方逾期付款的，每日按逾期款万分之五支付违约金。",
            [("seller", "乙方"), ("buyer", "甲方")],
        ),
        (
            "卖方迟延交付的，按日万分之四计付违约金，买方迟延付款的，按日万分之四计付违约金。",
            [("seller", "卖方"), ("buyer", "买方")],
        ),
    ],
)
def test_each_rate_of_a_clause_is_paid_by_the_party_leading_it(clause: str, payers: list) -> None:
    found = facts(_HEAD + clause)
    assert [(p.payer, p.party) for p in found.penalties] == payers


def test_a_clause_for_both_sides_is_not_one_sided() -> None:
    text = (
        _HEAD
        + "五、违约：供方逾期交货，每日按逾期货款万分之三计违约金，"
        + "需方逾期付款，每日按逾期款万分之三计违约金；"
    )
    assert not [f for f in lint_text(text, Settings(select=("penalty/one-sided",)))]


def test_a_second_rate_with_no_party_of_its_own_keeps_the_clause_party() -> None:
    found = facts(
        _HEAD + "需方逾期付款的，每日按万分之五支付违约金，逾期超过30日的，每日按万分之八支付违约金。"
    )
    assert {p.payer for p in found.penalties} == {"buyer"}


# --- 定金 and 违约金: a bar on claiming the other as well is no stacking ---

_DEPOSIT = "买卖合同\n甲方：甲公司\n乙方：乙公司\n买方于合同签订后3日内向卖方支付定金1万元。\n"
_STACK_RULE = Settings(select=("penalty/deposit-and-penalty",))


@pytest.mark.parametrize(
    "clause",
    [
        "三、一方依定金罰則主張權利者，不得就同一違約行為另行主張違約金。",
        "守约方依定金罚则处理后，不能再要求对方支付违约金。",
        "适用定金罚则的，守约方无权同时主张违约金。",
    ],
)
def test_a_bar_on_claiming_both_is_no_stacking(clause: str) -> None:
    assert lint_text(_DEPOSIT + clause, _STACK_RULE) == []


@pytest.mark.parametrize(
    "clause",
    [
        "一方违约的，守约方可以适用定金罚则，并有权另行要求对方支付违约金。",
        "收取定金的一方不履行的，应双倍返还定金，并另行支付合同总价20%的违约金。",
    ],
)
def test_a_deposit_with_a_penalty_besides_is_still_stacking(clause: str) -> None:
    assert [f.rule for f in lint_text(_DEPOSIT + clause, _STACK_RULE)] == ["penalty/deposit-and-penalty"]
