"""The ``penalty`` rule family: rates against the LPR cap, caps, 定金/订金, one-sided, no-adjust clauses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import fires, run_rule
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.checks import load_rules
from contractkit.config import Settings
from contractkit.facts import assign_sections
from contractkit.readers.text import read_text

RULES = load_rules()

PENALTY_IDS = sorted(i for i in RULES if i.startswith("penalty/"))


def test_family_is_registered_with_documented_rules() -> None:
    assert set(PENALTY_IDS) >= {
        "penalty/rate-above-cap",
        "penalty/no-late-payment-penalty",
        "penalty/no-late-delivery-penalty",
        "penalty/no-cap",
        "penalty/cap-too-high",
        "penalty/deposit-over-limit",
        "penalty/deposit-and-penalty",
        "penalty/dingjin-wording",
        "penalty/one-sided",
        "penalty/no-adjust-clause",
    }
    for rid in PENALTY_IDS:
        r = RULES[rid]
        assert len(r.bad) >= 2 and len(r.good) >= 2, rid
        assert "条" in r.basis, rid


@pytest.mark.parametrize("rid", PENALTY_IDS)
def test_own_examples(rid: str) -> None:
    r = RULES[rid]
    for ex in r.bad:
        assert fires(rid, ex), f"{rid} should fire on {ex!r}"
    for ex in r.good:
        assert not fires(rid, ex), f"{rid} should not fire on {ex!r}"


# -- rate cap --------------------------------------------------------------------------------------------

UNDER_CAP = [
    "甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
    "逾期付款按年利率12%计收利息。",  # exactly the cap: not above it
    "每逾期一日，按应付款项的0.03%向乙方支付违约金。",
    "逾期付款的，按日万分之二计付滞纳金。",
]
OVER_CAP = [  # above the practice band, nothing bounding the total: a warning
    ("甲方逾期付款的，按日万分之八支付违约金。", "29.2%"),
    ("乙方逾期交货的，每日0.1%支付违约金。", "36.5%"),
    ("逾期付款按月息2%计收利息。", "24%"),
    ("逾期付款的，每天按欠款的千分之三支付违约金。", "109.5%"),
    ("逾期付款违约金为0.06%/日。", "21.9%"),
]
#: Above 4 × LPR but within 0.05 % a day: a warning by default (the labelled clauses count 0.05 %/day and
#: 15 %/yr as defects), a note (info, no fix) when a company reviews by the practice band (18.25 %/yr).
PRACTICE = Settings().replace(rate_warn_annual="18.25")
PRACTICE_BAND = [
    ("甲方逾期付款的，按日万分之五支付违约金。", "18.25%"),
    ("逾期付款违约金为0.05%/日。", "18.25%"),
    ("卖方迟延交付的，每日按迟交部分价款的0.5‰计付违约金。", "18.25%"),
    ("买方逾期付款的，按年利率15%向卖方支付逾期利息。", "15%"),
    ("逾期付款的，按一年期LPR的五倍计付违约金。", "15%"),
]
#: Above the band but below 0.1 % a day, with an overall cap of at most 30 % bounding the total: a note.
BOUNDED = [
    "如卖方未能按期交货，每迟延一周，卖方应支付迟延交付货物价格的0.5%作为违约金，但违约金总额不超过合同价格的5%。",
    "乙方逾期交货的，每逾期一日按逾期部分货款的0.08%支付违约金，累计不超过该部分货款的10%。",
    "供方每晚交一天货，赔晚交部分货值的万分之九，最多赔到合同总价的百分之五为止。",
    "甲方逾期付款的，每日按未付款项的0.07%计付违约金；违约金以逾期款项的20%为限。",
    # the figure before 为上限 (以…为上限): the cap's share is read, as 以…为限
    "卖方逾期交货的，每日按逾期部分货款的0.05%支付违约金，以合同总价的10%为上限。",
    "卖方逾期交货的，每日按迟交货款的0.06%支付违约金；买方逾期付款的，每日按欠款的0.05%支付违约金。双方违约金各以合同总价的10%为上限。",
    "供方迟延交货的，按日万分之六向需方支付违约金，违约金总额以该批货款的8%为上限。",
]
#: At or above 0.1 % a day a cap does not help: still a warning.
HIGH_AND_CAPPED = [
    "乙方逾期交货的，每日按合同总价的0.1%支付违约金，累计不超过合同总价的5%。",
    "买方逾期付款的，每逾期一天按欠款的千分之三计付违约金，最高不超过欠款的10%。",
    "卖方每迟延交货一周，按迟延部分价款的1%支付违约金，以合同价格的5%为限。",
]


@pytest.mark.parametrize("text", UNDER_CAP)
def test_rate_under_cap_passes(text: str) -> None:
    assert not fires("penalty/rate-above-cap", text)


@pytest.mark.parametrize(("text", "annual"), OVER_CAP)
def test_rate_over_cap_fails_with_the_figures(text: str, annual: str) -> None:
    (f,) = run_rule("penalty/rate-above-cap", text)
    assert annual in f.message and annual in f.message_en
    assert "12%" in f.message and "3%" in f.message and "2025-05-20" in f.message
    assert "30%" in f.message and "第65条" in f.message
    assert str(f.severity) == "warning"


@pytest.mark.parametrize(("text", "annual"), PRACTICE_BAND)
def test_rate_above_4_lpr_warns_by_default(text: str, annual: str) -> None:
    (f,) = run_rule("penalty/rate-above-cap", text)
    assert str(f.severity) == "warning" and annual in f.message and "likely to be cut" in f.message_en


@pytest.mark.parametrize(("text", "annual"), PRACTICE_BAND)
def test_rate_in_the_practice_band_is_a_note(text: str, annual: str) -> None:
    (f,) = run_rule("penalty/rate-above-cap", text, PRACTICE)
    assert str(f.severity) == "info" and f.fix is None
    assert annual in f.message and "12%" in f.message and "参照" in f.message and "常见区间" in f.message
    assert "practice band" in f.message_en and "likely to be cut" not in f.message_en


@pytest.mark.parametrize("text", BOUNDED)
def test_rate_with_a_bounded_total_is_a_note(text: str) -> None:
    found = run_rule("penalty/rate-above-cap", text)
    assert found
    for f in found:
        assert str(f.severity) == "info" and f.fix is None
        assert "总额" in f.message and "第65条" in f.message and "capped" in f.message_en


@pytest.mark.parametrize("text", HIGH_AND_CAPPED)
def test_a_cap_does_not_soften_a_rate_of_a_thousandth_a_day(text: str) -> None:
    (f,) = run_rule("penalty/rate-above-cap", text)
    assert str(f.severity) == "warning" and "明显过高" in f.message


def test_a_cap_too_high_to_bound_anything_leaves_the_warning() -> None:
    text = "乙方逾期交货的，每逾期一日按逾期部分货款的0.08%支付违约金，累计不超过合同总价的50%。"
    (f,) = run_rule("penalty/rate-above-cap", text)
    assert str(f.severity) == "warning"
    looser = Settings().replace(penalty_cap_max_percent="60")
    (g,) = run_rule("penalty/rate-above-cap", text, looser)
    assert str(g.severity) == "info"


def test_an_amount_cap_bounds_the_total_against_the_contract_price() -> None:
    head = "合同总价为人民币200,000元。\n"
    rate = "乙方逾期交货的，每逾期一日按逾期部分货款的0.08%支付违约金，违约金累计不超过人民币{}元。"
    (low,) = run_rule("penalty/rate-above-cap", head + rate.format("10,000"))  # 5 % of the price
    (high,) = run_rule("penalty/rate-above-cap", head + rate.format("100,000"))  # 50 %
    assert str(low.severity) == "info" and str(high.severity) == "warning"


def test_rate_warn_annual_moves_the_band() -> None:
    text = "甲方逾期付款的，按日万分之八支付违约金。"  # 29.2 % a year
    assert str(run_rule("penalty/rate-above-cap", text)[0].severity) == "warning"
    wide = Settings().replace(rate_warn_annual="30")
    (f,) = run_rule("penalty/rate-above-cap", text, wide)
    assert str(f.severity) == "info" and "30%" in f.message
    narrow = Settings().replace(rate_warn_annual="12")  # no practice band: everything above 12 % warns
    (g,) = run_rule("penalty/rate-above-cap", "甲方逾期付款的，按日万分之五支付违约金。", narrow)
    assert str(g.severity) == "warning"
    assert Settings().rate_warn_annual is None  # the default: no band either


def test_a_user_severity_applies_to_warnings_not_notes() -> None:
    from contractkit.lint import lint_text

    st = Settings(select=("penalty/rate-above-cap",), severity={"penalty/rate-above-cap": "error"})
    (warn,) = lint_text("甲方逾期付款的，按日千分之一支付违约金。", st)
    (note,) = lint_text("甲方逾期付款的，按日万分之五支付违约金。", st.replace(rate_warn_annual="18.25"))
    assert str(warn.severity) == "error" and str(note.severity) == "info"


def test_above_a_thousandth_a_day_is_said_more_clearly() -> None:
    (mild,) = run_rule("penalty/rate-above-cap", "逾期付款的，按日万分之五支付违约金。")
    (strong,) = run_rule("penalty/rate-above-cap", "逾期付款的，按日千分之二支付违约金。")
    assert "明显过高" not in mild.message and "明显过高" in strong.message
    assert "clearly excessive" in strong.message_en


def test_lpr_settings_are_read() -> None:
    text = "逾期付款的，按日万分之三支付违约金。"  # 10.95 % a year
    assert not fires("penalty/rate-above-cap", text)
    low = Settings().replace(lpr_1y="2.5", lpr_date="2026-01-20")  # cap 10 %
    (f,) = run_rule("penalty/rate-above-cap", text, low)
    assert "10%" in f.message and "2026-01-20" in f.message
    assert low.lpr_date == dt.date(2026, 1, 20)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=99))
def test_daily_rate_fires_exactly_when_annual_exceeds_cap(n: int) -> None:
    text = f"甲方逾期付款的，每日按未付款项的万分之{n}支付违约金。"
    annual = Decimal(n) / 100 * 365
    found = run_rule("penalty/rate-above-cap", text)
    assert bool(found) == (annual > Settings().rate_cap_annual)
    if found:
        assert [str(f.severity) for f in found] == ["warning"]
        (g,) = run_rule("penalty/rate-above-cap", text, PRACTICE)
        assert str(g.severity) == ("info" if annual <= 18 + Decimal("0.25") else "warning")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=30), st.sampled_from([5, 10, 20, 30, 40]))
def test_weekly_capped_rate_bands(tenths: int, cap: int) -> None:
    text = f"卖方每迟延交货一周，按迟延部分货款的{tenths / 10}%支付违约金，累计不超过合同价格的{cap}%。"
    annual = Decimal(tenths) / 10 * 52  # 52 weeks a year, as the facts count them
    (f,) = run_rule("penalty/rate-above-cap", text) or [None]
    if f is None:
        assert annual <= Settings().rate_cap_annual
        return
    bounded = cap <= Settings().penalty_cap_max_percent and annual < Decimal("36.5")
    want = "info" if bounded else "warning"
    assert str(f.severity) == want, (text, f.message)


def test_traditional_and_full_width() -> None:
    assert fires("penalty/rate-above-cap", "甲方逾期付款的，每日按未付款項的萬分之五支付違約金。")
    assert fires("penalty/rate-above-cap", "乙方逾期交货的，每日按合同总价的０．１％支付违约金。")
    assert not fires("penalty/rate-above-cap", "甲方逾期付款的，每日按未付款項的萬分之三支付違約金。")


# -- caps ------------------------------------------------------------------------------------------------


def test_cap_phrasings() -> None:
    rate = "甲方逾期付款的，每日按未付款项的万分之三支付违约金"
    assert fires("penalty/no-cap", rate + "。")
    for cap in ("，累计不超过合同总价的10%。", "，最高不超过合同总额的5%。", "，但以合同总价的5%为限。"):
        assert not fires("penalty/no-cap", rate + cap), cap
    # a cap on the next line still counts
    assert not fires("penalty/no-cap", rate + "，违约金\n累计不超过欠付款项的10%。")
    assert fires("penalty/cap-too-high", rate + "，累计不超过合同总价的50%。")
    assert not fires("penalty/cap-too-high", rate + "，累计不超过合同总价的30%。")
    assert not fires(
        "penalty/cap-too-high",
        rate + "，累计不超过合同总价的50%。",
        Settings().replace(penalty_cap_max_percent="60"),
    )


# -- deposits --------------------------------------------------------------------------------------------


def test_deposit_compared_with_contract_total() -> None:
    head = "本合同总金额为人民币500,000元（大写：伍拾万元整）。\n"
    (f,) = run_rule("penalty/deposit-over-limit", head + "买方应于签约后3日内支付定金人民币150,000元。")
    assert "30%" in f.message and "第586条" in f.message and str(f.severity) == "error"
    assert not fires("penalty/deposit-over-limit", head + "买方应于签约后3日内支付定金人民币100,000元。")
    assert fires("penalty/deposit-over-limit", "定金为合同总价款的百分之二十五。")
    # 订金 and 预付款 are not 定金
    assert not fires("penalty/deposit-over-limit", head + "买方支付预付款人民币300,000元。")


def test_deposit_and_penalty_together() -> None:
    for text in (
        "买方违约的，定金不予返还，并处合同总价10%的违约金。",
        "卖方违约的，应当双倍返还定金，同时支付违约金。",
        "违约方既须承担定金罚则，又须支付违约金。",
    ):
        assert fires("penalty/deposit-and-penalty", text), text
    assert not fires("penalty/deposit-and-penalty", "守约方可以选择适用定金或者违约金条款。")


def test_dingjin_wording() -> None:
    assert fires("penalty/dingjin-wording", "买方交付訂金一萬元，買方違約的，訂金不予返還。")
    assert not fires("penalty/dingjin-wording", "订金可以抵作价款。")


# -- missing penalties, one-sided, no-adjust ---------------------------------------------------------------


def test_missing_late_penalties_only_in_goods_contracts() -> None:
    lease = "甲方将车位出租给乙方。乙方每月5日前支付租金。"
    assert not fires("penalty/no-late-payment-penalty", lease)
    assert not fires("penalty/no-late-delivery-penalty", lease)
    goods = "乙方于合同签订后30日内交货。甲方于到货后10日内付款。"
    assert fires("penalty/no-late-payment-penalty", goods)
    assert fires("penalty/no-late-delivery-penalty", goods)
    full = goods + "甲方逾期付款的，每日按万分之三支付违约金；乙方逾期交货的，每日按万分之三支付违约金。"
    assert not fires("penalty/no-late-payment-penalty", full)
    assert not fires("penalty/no-late-delivery-penalty", full)


def test_one_sided_with_buyer_and_seller_names() -> None:
    text = "卖方于签约后10日内交货。买方逾期付款的，应向卖方支付每日万分之三的违约金。"
    (f,) = run_rule("penalty/one-sided", text)
    assert "买方" in f.message
    both = text + "卖方逾期交货的，应向买方支付每日万分之三的违约金。"
    assert not fires("penalty/one-sided", both)


@pytest.mark.parametrize(
    "text", ["本合同违约金不予调整。", "乙方不得请求调整违约金。", "违约金数额不得以任何理由减少。"]
)
def test_no_adjust_phrasings(text: str) -> None:
    (f,) = run_rule("penalty/no-adjust-clause", text)
    assert "第64条" in f.message


# -- real drafts -----------------------------------------------------------------------------------------


def test_real_corpus(corpus_dir: Path) -> None:
    counts: dict[str, list[str]] = {}
    for path in sorted((corpus_dir / "zh").glob("*.txt")):
        doc = read_text(path)
        doc.blocks = assign_sections(doc.blocks)
        counts[path.name] = [f.rule for rid in PENALTY_IDS for f in run_rule(rid, doc)]
    print("penalty findings per file:", counts)
    # 不超过万分之六点五 bounds a blank fill-in rate; it is not itself the agreed rate
    assert counts["beijing-bf-2024-2738-keji-xiaowai-peixun-fuwu.txt"] == []
    # the SAMR sales model has blank-rate penalties for both sides: nothing to flag
    assert counts["samr-gf-2025-0151-nongfu-chanpin-maimai-hetong.txt"] == []
    # the school-catering contract caps its daily penalty on the next line
    assert "penalty/no-cap" not in counts["xinjiang-zhongxiaoxue-xiaowai-gongcan.txt"]


# -- regression: 支付违约金 is how any penalty is paid, not a late-payment penalty ---------------------

GOODS_TERMS = "乙方于合同签订后30日内交货。甲方于到货后10日内支付货款。"


@pytest.mark.parametrize(
    "penalty",
    [
        "乙方逾期交货的，每逾期一日按合同总价的万分之五向甲方支付违约金。",
        "乙方迟延交付的，应按日向甲方支付合同价款万分之三的违约金。",
        "乙方未按期交货，每延迟一天支付合同总价0.05%的违约金。",
    ],
)
def test_late_delivery_penalty_is_not_a_late_payment_penalty(penalty: str) -> None:
    assert fires("penalty/no-late-payment-penalty", GOODS_TERMS + penalty)


@pytest.mark.parametrize(
    "penalty",
    [
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
        "甲方迟延付款的，按日万分之三计付滞纳金。",
        "甲方未按期付款的，每日按未付金额的0.03%支付违约金。",
        "甲方逾期支付货款的，每日按逾期金额的万分之三支付违约金。",
        "甲方未按合同约定向乙方支付价款的，应按日万分之三支付违约金。",
        "买方拖欠货款的，按日万分之三计付利息。",
    ],
)
def test_late_payment_phrasings_count(penalty: str) -> None:
    assert not fires("penalty/no-late-payment-penalty", GOODS_TERMS + penalty)


# -- caps belong to their penalty (issue 12) ----------------------------------------------------------------


def test_a_cap_on_another_penalty_does_not_silence_this_one() -> None:
    text = (
        "（1）乙方迟交货物的，每迟交一天，按当月未交货物价款的0.025%向甲方承担违约金，最高以当月货款的8%为限"
        "。\n"
        "（2）甲方逾期付款的，每逾期一天，按应付未付金额的0.025%计付违约金。\n"
        "（3）乙方未按时提供资料的，每逾期一日按合同总价的万分之二支付违约金。"
    )
    found = run_rule("penalty/no-cap", text)
    assert [f.location.line for f in found] == [2, 3]  # every uncapped penalty, not only the first


def test_a_cap_clause_of_its_own_caps_the_penalties_it_refers_to() -> None:
    two = (
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金。\n"
        "甲方逾期付款的，每日按逾期金额的万分之三支付违约金。\n"
    )
    assert not fires("penalty/no-cap", two + "上述违约金累计均不超过合同总价的10%。")
    assert not fires("penalty/no-cap", two + "本合同项下违约金总额不超过合同总价的10%。")
    assert not fires(
        "penalty/no-cap", two.replace("。\n甲方", "；甲方").rstrip() + "各自累计不超过合同总价的10%。"
    )
    assert not fires(
        "penalty/no-cap",
        "甲方晚付钱的，每晚一天，按万分之三给乙方违约金；上面的违约金最多赔到合同总价的10%为止。",
    )


def test_said_to_have_no_cap() -> None:
    (f,) = run_rule(
        "penalty/no-cap", "逾期一天按10%缴纳滞纳金，超出10个工作日则逾期一天按20%缴纳滞纳金，以此类推无上限。"
    )
    assert "无上限" in f.message


# -- rates the issue names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        ("如在5个工作日内未执行逾期一天按10%缴纳滞纳金给新创公司。", "3650%"),
        ("逾期付款违约金为日未交款的3‰。", "109.5%"),
        ("逾期付款的，按逾期金额每日千分之五的违约金及千分之一的滞纳金计付。", "219%"),
        ("甲方逾期付款的，按每日万分之三支付违约金，另按每日万分之二支付滞纳金。", "18.25%"),
        ("逾期付款的，按一年期LPR的五倍计付违约金。", "15%"),
    ],
)
def test_issue_rates_over_cap(text: str, annual: str) -> None:
    found = run_rule("penalty/rate-above-cap", text)
    assert found and any(annual in f.message for f in found), [f.message for f in found]


def test_tiered_rate_reports_every_tier_and_the_highest() -> None:
    text = "当年欠费部分每日按欠交额的千分之二，跨年度欠费部分每日按欠交额的千分之三计付违约金。"
    (f,) = run_rule("penalty/rate-above-cap", text)
    assert "73%" in f.message and "109.5%" in f.message and "最高一档" in f.message


def test_ambiguous_bare_decimal_says_so() -> None:
    (f,) = run_rule("penalty/rate-above-cap", "如逾期未还按每月0.05加收滞纳金。")
    assert "60%" in f.message and "未写单位" in f.message and "0.05%" in f.message
    assert "no unit" in f.message_en


@pytest.mark.parametrize(
    "text",
    [
        "甲方逾期付款的，按LPR的两倍按日计付违约金，但累计不超过逾期金额的5%。",  # 6 %/yr
        "甲方逾期付款的，按一年期贷款市场报价利率（LPR）加计50%计算逾期付款违约金。",  # 4.5 %/yr
        "每逾期满七日，按未交货物金额的千分之二支付违约金。",  # 10.4 %/yr
        "逾期付款按年利率10%计收利息。",
        "乙方逾期交货的，每逾期一日按逾期交货部分价金千分之零点三计付违约金。",  # 10.95 %/yr
    ],
)
def test_definite_rates_under_the_cap(text: str) -> None:
    assert not fires("penalty/rate-above-cap", text)
    assert not fires("penalty/lump-sum-too-high", text)


# -- lump sums, stacking, deposits, wording ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "乙方逾期交货，应以本合同总额的5%为违约金，超过五天，按总额50%支付违约金。",
        "被告向原告支付赊欠总金额三倍违约金。",
        "如有违约，违约方应按合同总价的30%向守约方支付违约金。",
    ],
)
def test_lump_sums_too_high(text: str) -> None:
    assert fires("penalty/lump-sum-too-high", text)


@pytest.mark.parametrize(
    "text",
    [
        "被告如不能按期履行，按未付款的5%向原告支付滞纳金。",
        "丙方不履行本合同项下的任何义务的，应当向甲方支付主合同余款的20%作为违约金。",
        "买方出现任何违约行为，均应当按照本合同约定总价款的20%向卖方支付违约金。",  # 20 %: a usual level
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金，累计不超过合同总价的30%。",
        "买方应支付合同总价的30%作为预付款。",
    ],
)
def test_lump_sums_not_too_high(text: str) -> None:
    assert not fires("penalty/lump-sum-too-high", text)


@pytest.mark.parametrize(
    ("text", "stacked"),
    [
        ("被告除支付逾期款项的利息外，还应按逾期总额支付每日千分之五的违约金。", True),
        ("被告必须向原告支付资金占用费，且被告必须支付原合同所述的违约金。", True),
        ("逾期付款的，每日按万分之三支付滞纳金，并另行支付合同总价5%的违约金。", True),
        ("甲方逾期付款的，应支付违约金，并赔偿乙方的利息损失。", False),
        ("逾期付款的，卖方可选择按日万分之三计收违约金或按LPR计收利息。", False),
        ("违约金、滞纳金的计算基数为未付款项。", False),
    ],
)
def test_stacked_charges(text: str, stacked: bool) -> None:
    assert fires("penalty/stacked-charges", text) == stacked


@pytest.mark.parametrize(
    "text",
    [
        "车价款为9万元，合同签订当日交付定金2万元。",
        "总价390000元，买方需试用完毕三天内支付30%117000元作为设备定金。",
        "合同签订生效后，原告向被告支付合同总价款的30%，即54000元作为定金。",
    ],
)
def test_deposit_share_in_any_order(text: str) -> None:
    assert fires("penalty/deposit-over-limit", text)


def test_dingjin_finding_points_at_the_agreed_dingjin() -> None:
    text = "1. 合同签订后三日内，甲方向乙方支付订金人民币30,000.00元。\n2. 乙方不履行合同的，应双倍返还订金。"
    (f, same) = run_rule("penalty/dingjin-wording", text)
    assert "支付订金人民币30,000.00元" in f.snippet
    assert str(f.severity) == "warning" and str(same.severity) == "info"  # the same money, changed too


@pytest.mark.parametrize(
    "text",
    [
        "双方确认上述违约金标准系双方真实意思表示，任何一方均不得以违约金过高或者过低为由请求调整。",
        "违约金一经确定，不受任何调整。",
        "双方均放弃向法院或仲裁机构申请调减违约金的权利。",
    ],
)
def test_no_adjust_in_other_words(text: str) -> None:
    assert fires("penalty/no-adjust-clause", text)


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("如需方只要出现任何一期未按期付款时，供方有权收回机械。", "penalty/acceleration-on-one-installment"),
        ("因乙方未按时还款引起甲方追收欠款产生的费用按照全部未还清车款的20%计算。", "penalty/costs-as-share"),
        ("乙方未按约定期限还款的，甲方有权直接接管乙方下属各餐饮店。", "penalty/self-help-seizure"),
    ],
)
def test_remedies_beyond_the_penalty(text: str, rule_id: str) -> None:
    assert fires(rule_id, text)


def test_late_penalty_presence_from_the_facts_model() -> None:
    colloquial = (
        "乙方送货到甲方办公室。甲方收货后10天内付钱。\n"
        "甲方晚付钱的，每晚一天，按晚付的那部分钱的万分之三给乙方违约金；\n"
        "乙方晚送货的，每晚一天，按晚送的那部分货的货款的万分之三给甲方违约金。"
    )
    assert not fires("penalty/no-late-payment-penalty", colloquial)
    assert not fires("penalty/no-late-delivery-penalty", colloquial)


# -- other drafting styles -------------------------------------------------------------------------------


def test_an_order_leaving_liability_to_its_framework_lacks_no_penalty() -> None:
    order = (
        "采购订单\n本订单依据双方签订的《润滑油年度采购框架协议》下达。\n乙方于2026年3月10日前交货。"
        "甲方于验收合格后30日内付款。\n本订单的违约责任、质量异议及争议解决按框架协议的约定执行。"
    )
    assert not fires("penalty/no-late-payment-penalty", order)
    assert not fires("penalty/no-late-delivery-penalty", order)
    statute = order.replace("按框架协议的约定执行", "按《中华人民共和国民法典》的规定执行")
    assert fires("penalty/no-late-payment-penalty", statute)  # a statute is no agreed penalty


def test_defined_term_penalties_capped_separately() -> None:
    text = (
        "8.1 卖方未能在交付日前交付货物的，每迟延一日，应按迟延交付货物价格的0.03%向买方支付违约金（“迟延交"
        "付违约金”）。\n"
        "8.2 买方未能按第4条付款的，应就逾期金额按每日0.03%向卖方支付违约金（“逾期付款违约金”）。\n"
        "8.3 迟延交付违约金和逾期付款违约金的总额分别不得超过合同价格的10%。"
    )
    assert not fires("penalty/no-cap", text)


def test_deposit_one_finding_for_its_repetitions() -> None:
    text = (
        "总价人民币1,128,250.00元。\n三、定金：买方向卖方支付定金人民币338,475.00元（为合同总价的30%）。\n"
        "四、付款：（1）定金30%，按第三条支付；（2）验收合格后支付合同总价的70%。"
    )
    (f,) = run_rule("penalty/deposit-over-limit", text)
    assert "338,475.00" in f.snippet


def test_deposit_and_penalty_at_the_same_time() -> None:
    text = "一方违约的，守约方有权在适用定金罚则的同时，要求违约方按本条约定支付违约金。"
    assert fires("penalty/deposit-and-penalty", text)
    choice = "一方违约，守约方可以选择适用定金条款或者违约金条款，但不得同时适用。"
    assert not fires("penalty/deposit-and-penalty", choice)


def test_one_sided_with_procurement_designations() -> None:
    text = (
        "采购人：某市第一中学\n供应商：某办公设备有限公司\n供应商应于签约后10日内交货。\n"
        "采购人逾期付款的，每日按未付款项的万分之三向供应商支付违约金。"
    )
    (f,) = run_rule("penalty/one-sided", text)
    assert "采购人" in f.message
    both = text + "\n供应商逾期交货的，每日按未交货物价款的万分之三向采购人支付违约金。"
    assert not fires("penalty/one-sided", both)


def test_a_supplement_under_its_main_contract_lacks_no_penalty() -> None:
    text = "补充协议\n乙方应于2026年9月30日前交货。甲方于到货后10日内付款。\n本协议未尽事宜按原合同执行。"
    assert not fires("penalty/no-late-delivery-penalty", text)
    alone = text.replace("本协议未尽事宜按原合同执行。", "本协议一式两份。")
    assert fires("penalty/no-late-delivery-penalty", alone)


@pytest.mark.parametrize(
    ("rule_id", "text"),
    [
        ("penalty/rate-above-cap", "如买方延迟付款，应按每日未付金额的0.1%向卖方支付违约金。"),
        ("penalty/rate-above-cap", "逾期每天罚款合同总额的千分之一。"),
        ("penalty/rate-above-cap", "甲方未按时付款，每超期一天加收欠款额5‰的滞纳金。"),
        ("penalty/rate-above-cap", "卖方每延迟交货一周，应支付延迟部分价款的1%作为违约金。"),
        ("penalty/no-adjust-clause", "双方一致同意，本合同约定的违约金不因任何理由而调整。"),
        ("penalty/no-adjust-clause", "乙方承诺不以违约金过高为由要求减少。"),
        ("penalty/dingjin-wording", "甲方应预付订金10000元，若甲方违约，订金不退。"),
        ("penalty/deposit-and-penalty", "违约方除丧失定金外，还应支付合同总额10%的违约金。"),
        ("penalty/lump-sum-too-high", "任何一方违约，均应向守约方支付合同总价款50%的违约金。"),
    ],
)
def test_more_wordings_of_each_defect(rule_id: str, text: str) -> None:
    assert fires(rule_id, text)


def test_interest_for_late_payment_balances_a_late_delivery_penalty() -> None:
    text = (
        "5.1 乙方逾期交货的，每日按逾期交货部分价款的万分之三向甲方支付违约金，违约金累计不超过合同总价的10%"
        "。\n"
        "5.2 甲方逾期付款的，每日按逾期款项的万分之三向乙方支付逾期利息，累计不超过逾期款项的10%。"
    )
    assert not fires("penalty/one-sided", text)
    assert fires("penalty/one-sided", text.split("\n")[0])


def test_one_sided_with_defined_designations() -> None:
    text = (
        "供货方：浙江澄源净水科技有限公司（以下称“供货方”）\n经销商：合肥润泉商贸有限公司（以下称“经销商”）\n"
        "供货方应于每季度首月25日前交货。\n"
        "经销商逾期付款的，每逾期一日，按逾期金额的万分之三向供货方支付违约金，违约金总额以逾期金额的10%为限"
        "。"
    )
    (f,) = run_rule("penalty/one-sided", text)
    assert "供货方" in f.message


def test_hourly_delay_penalty_counts_but_is_not_annualized() -> None:
    text = (
        "乙方应按甲方要料单的开盘时间供应混凝土。甲方在对账后30日内付款，逾期的每日按万分之三支付违约金。\n"
        "乙方未按约定开盘时间到场或中断供应的，每迟延一小时按当次要料金额的千分之一支付违约金，"
        "单次不超过当次要料金额的10%。"
    )
    assert not fires("penalty/no-late-delivery-penalty", text)
    assert not fires("penalty/rate-above-cap", text)


# -- accuracy round 2: penalties found in any wording and layout before "missing" is said -------------------

_GOODS_QA = (
    "厨房设备买卖合同\n问1：买什么？\n答：商用燃气灶2台，合同总价80,000元。\n问2：什么时候交货？\n"
    "答：合同签订后20天内送到买方餐厅。\n问3：钱怎么付？\n答：验收合格后10天内一次付清。\n"
    "问4：卖方晚交货呢？\n答：每晚一天，按晚交设备货款的万分之三赔付违约金，最多赔到合同总价的10%。\n"
    "问5：买方付钱晚了怎么办？\n答：每拖一天，按没付金额的万分之三付违约金，最多付到没付金额的10%。"
)
_GOODS_MARKDOWN = (
    "# 苗木买卖合同\n## 1. 标的\n- 香樟200株，合同总价120,000元。\n## 2. 交货\n"
    "- 卖方于2027年3月10日前将苗木运抵买方项目现场并进场栽植。\n## 3. 付款\n"
    "- 买方于验收合格后15日内付清货款。\n## 4. 违约责任\n"
    "- 4.1 卖方逾期进场的，每逾期一日按逾期批次货款的0.03%支付违约金，累计不超过该批次货款的10%。\n"
    "- 4.2 买方逾期付款的，每逾期一日按逾期金额的0.03%支付违约金，累计不超过逾期金额的10%。"
)
_GOODS_AGRI = (
    "稻谷订单收购合同\n一、乙方向甲方交售中稻500吨，合同总金额人民币1,400,000元。\n"
    "二、交货：乙方于2027年9月30日前将稻谷交售至甲方仓库。\n三、甲方于每批稻谷入库验收后7日内付款。\n"
    "四、违约责任\n（一）乙方逾期交售的，每逾期一日按逾期部分金额的万分之二点五支付违约金，累计不超过合同总金额的10%。\n"
    "（二）甲方迟延支付收购款的，每逾期一日按逾期金额的万分之二点五支付违约金，累计不超过逾期金额的10%。"
)
_GOODS_LABELS = (
    "设备采购合同\n第一条 标的：数控车床1台，合同总价300,000元。\n"
    "第二条 交货：合同签订后45日内交货至买方工厂。\n"
    "第三条 付款：到货验收合格后10日内支付全部货款。\n第四条 违约责任\n迟延交付：\n"
    "每日按合同总价的万分之三支付违约金，累计不超过合同总价的5%。\n迟延付款：\n"
    "每日按应付未付金额的万分之三支付违约金，累计不超过应付未付金额的5%。"
)


@pytest.mark.parametrize("text", [_GOODS_QA, _GOODS_MARKDOWN, _GOODS_AGRI, _GOODS_LABELS])
def test_late_penalties_are_found_in_any_layout(text: str) -> None:
    assert not fires("penalty/no-late-delivery-penalty", text)
    assert not fires("penalty/no-late-payment-penalty", text)


@pytest.mark.parametrize("text", [_GOODS_QA, _GOODS_MARKDOWN, _GOODS_AGRI, _GOODS_LABELS])
def test_each_layout_still_misses_a_penalty_that_is_removed(text: str) -> None:
    lines = text.split("\n")
    # drop the late-payment penalty (its answer / bullet / value line): now it is missing
    cut = [k for k, line in enumerate(lines) if "违约金" in line][-1]
    assert fires("penalty/no-late-payment-penalty", "\n".join(lines[:cut]))


@pytest.mark.parametrize(
    "text",
    [
        "合同金额为人民币760,000元。签约后3日内甲方支付定金76,000元。\n"
        "交货验收后10个工作日内，甲方支付其余货款人民币684,000.00元（即合同金额扣除已抵作货款的定金后的90%）。",
        "合同总价为人民币200,000元。买方支付定金人民币20,000元。\n验收后付清余款（合同总价扣除已付定金后的90%）。",
        "合同总价为人民币500,000元。定金为合同总价的10%。\n定金抵作货款后，剩余90%于验收合格后15日内支付。",
    ],
)
def test_the_rest_after_the_deposit_is_not_the_deposit(text: str) -> None:
    assert not fires("penalty/deposit-over-limit", text)


# -- redline: the fixes the penalty rules compute ------------------------------------------------------------


def _redline(tmp_path: Path, rules: tuple[str, ...], *lines: str) -> tuple[Path, Path, list]:
    """A real .docx draft of ``lines``, its redline, and the copy with every change accepted."""
    import docx

    from contractkit.compare.redline import accept_all
    from contractkit.lint import lint_paths
    from contractkit.redline import redline_docx

    src, out, accepted = tmp_path / "draft.docx", tmp_path / "reviewed.docx", tmp_path / "accepted.docx"
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(str(src))
    (fr,) = lint_paths([src], Settings(select=rules)).files
    redline_docx(src, fr.findings, out)
    reviewed = docx.Document(str(out))
    accept_all([reviewed.element.body])
    reviewed.save(str(accepted))
    return src, out, fr.findings


def _rules_in(path: Path, rules: tuple[str, ...]) -> list[str]:
    from contractkit.lint import lint_paths

    (fr,) = lint_paths([path], Settings(select=rules)).files
    return [f.rule for f in fr.findings if str(f.severity) != "info"]


def _tracked(path: Path) -> tuple[str, str]:
    import re
    import zipfile

    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    ins = "".join(re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml))
    dels = "".join(re.findall(r"<w:del [^>]*>.*?</w:del>", xml))
    return ins, dels


@pytest.mark.parametrize(
    ("clause", "old", "new"),
    [
        (
            "甲方逾期付款的，每日按未付款项的千分之五支付违约金，累计不超过未付款项的10%。",
            "千分之五",
            "万分之三点二",  # 11.68 % a year, within 4 × LPR (rounded down)
        ),
        (
            "乙方逾期交货的，每逾期一日按逾期部分货款的0.1%支付违约金，但以合同总价的5%为限。",
            "0.1%",
            "0.032%",
        ),
        ("买方逾期付款的，按月息2%计收逾期利息。", "2%", "1%"),
        (
            "需方迟延付款的，每迟延满七日按未付金额的千分之八支付违约金，最高不超过未付金额的10%。",
            "千分之八",
            "千分之二点三",
        ),
    ],
)
def test_redline_brings_a_rate_to_the_cap(tmp_path: Path, clause: str, old: str, new: str) -> None:
    rules = ("penalty/rate-above-cap",)
    src, out, findings = _redline(tmp_path, rules, "买卖合同", clause)
    assert [f.rule for f in findings] == list(rules) and findings[0].fix is not None
    ins, dels = _tracked(out)
    assert new in ins and old in dels
    accepted = tmp_path / "accepted.docx"
    assert _rules_in(accepted, rules) == []  # the fixed finding is gone once the change is accepted
    assert _rules_in(src, rules) == list(rules)  # and the original is unchanged


def test_redline_does_not_guess_an_ambiguous_or_summed_rate() -> None:
    for text in (
        "如逾期未还按每月0.05加收滞纳金。",
        "买方逾期付款的，按逾期总额支付每日万分之五的违约金及万分之三的滞纳金。",
    ):
        (f,) = run_rule("penalty/rate-above-cap", text)
        assert f.fix is None


def test_redline_writes_dingjin_for_dingjin_in_every_clause(tmp_path: Path) -> None:
    rules = ("penalty/dingjin-wording",)
    lines = (
        "买卖合同",
        "1. 合同签订后三日内，甲方向乙方支付订金人民币30,000.00元。订金在甲方支付到货款时抵作货款。",
        "2. 货物验收合格之日起十五日内，甲方支付合同总价的95%扣除订金后的余额。",
        "3. 乙方不履行合同的，应双倍返还订金；甲方不履行合同的，无权要求返还订金。",
    )
    _src, out, findings = _redline(tmp_path, rules, *lines)
    assert [str(f.severity) for f in findings].count("warning") == 1
    assert all(f.fix is not None and f.fix.replacement == "定金" for f in findings)
    ins, dels = _tracked(out)
    assert ins.count("定金") == 5 and dels.count("订金") == 5
    import docx

    accepted = tmp_path / "accepted.docx"
    text = "\n".join(p.text for p in docx.Document(str(accepted)).paragraphs)
    assert "订金" not in text and text.count("定金") == 5 and "人民币30,000.00元" in text
    assert _rules_in(accepted, rules) == []


_CONTRACT = (
    "设备买卖合同\n第一条 甲方向乙方购买设备1台，合同总价100,000元。\n"
    "第二条 乙方于合同签订后30日内交货至甲方仓库。\n第三条 甲方于验收合格后10日内付款。\n第四条 违约责任\n"
)
_PAYMENT_PENALTY = "甲方逾期付款的，每日按未付款项的万分之三支付违约金。"
_DELIVERY_PENALTY = "乙方逾期交货的，每日按合同总价的万分之三支付违约金。"


@pytest.mark.parametrize(
    "clause",
    [
        "乙方逾期交货的，每逾期一日应向甲方支付违约金500元。",
        "乙方晚交一天，甲方从货款中扣款500元。",
        "乙方逾期交货超过10日的，应双倍返还定金。",
        "乙方迟延交货的，每日按合同总价的0.05%扣减货款，最多扣减10%。",
        "交货期每延误一天，乙方赔偿甲方合同总价的0.05%。",
        "乙方未能在约定期限内交付设备的，每延迟一日，应按合同价款的万分之五向甲方支付迟延履行金。",
        "供货延误的，乙方按日支付合同金额0.03%的违约金。",
    ],
)
def test_a_late_delivery_remedy_in_any_form_counts(clause: str) -> None:
    assert not fires("penalty/no-late-delivery-penalty", _CONTRACT + clause + "\n" + _PAYMENT_PENALTY)


@pytest.mark.parametrize(
    "clause",
    [
        "甲方逾期付款的，每逾期一日应向乙方支付违约金500元。",
        "甲方付款延误的，乙方有权按每日万分之五收取资金占用费。",
        "甲方超过付款期限的，每超一日按未付金额0.05%计违约金。",
        "货款每延迟一天支付，甲方应按应付金额的万分之五向乙方赔偿。",
        "甲方未在约定时间内支付货款，须按银行同期贷款利率支付利息。",
    ],
)
def test_a_late_payment_remedy_in_any_form_counts(clause: str) -> None:
    assert not fires("penalty/no-late-payment-penalty", _CONTRACT + _DELIVERY_PENALTY + "\n" + clause)


@pytest.mark.parametrize(
    "clause",
    [
        "乙方逾期交货的，应赔偿甲方因此遭受的全部损失。",  # damages to be proven: no agreed penalty
        "乙方逾期交货的，甲方有权解除合同。",
        "乙方逾期交货的，甲方有权从货款中扣除相应损失。",
    ],
)
def test_a_remedy_without_a_figure_is_no_penalty(clause: str) -> None:
    assert fires("penalty/no-late-delivery-penalty", _CONTRACT + clause + "\n" + _PAYMENT_PENALTY)


@pytest.mark.parametrize(
    "clause",
    [
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金，至合同总价的10%为止。",
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金，最多扣至合同总价的10%。",
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金，直至违约金达到合同总价的10%时止。",
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金，违约金总额以合同总价的10%为上限。",
    ],
)
def test_cap_wordings_up_to_a_figure(clause: str) -> None:
    assert not fires("penalty/no-cap", clause)


@pytest.mark.parametrize(
    "clause",
    [
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金，直至实际交货之日为止。",
        "甲方逾期付款的，每日按未付金额的万分之三支付违约金，至付清之日止。",
    ],
)
def test_running_until_performance_is_no_cap(clause: str) -> None:
    assert fires("penalty/no-cap", clause)


@pytest.mark.parametrize(
    "other",
    [
        "买方逾期付款的，每逾期一日应向卖方支付违约金500元。",
        "买方迟延付款的，卖方有权从保证金中扣款，每日200元。",
        "买方逾期付款超过30日的，应双倍返还定金。",  # an odd remedy, but the buyer's breach is provided for
    ],
)
def test_the_other_sides_remedy_in_another_form_is_not_one_sided(other: str) -> None:
    text = "卖方逾期交货的，每日按合同总价的万分之三支付违约金，累计不超过合同总价的10%。\n" + other
    assert not fires("penalty/one-sided", text)


def test_damages_to_be_proven_leave_a_penalty_one_sided() -> None:
    text = "卖方逾期交货的，每日按合同总价的万分之三支付违约金。\n买方违约的，应赔偿卖方全部损失。"
    assert fires("penalty/one-sided", text)


_CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("labelled/m2_led_lighting_buyer_draft.docx", "penalty/dingjin-wording"),
        ("labelled/b01_v2_servo_sale_standard.docx", "penalty/rate-above-cap"),
        ("extra4/k01_v2_ppe_port_soe_framework.docx", "penalty/rate-above-cap"),
    ],
)
def test_lint_redline_on_corpus_drafts_accepts_to_a_text_without_the_finding(
    tmp_path: Path, name: str, rule: str
) -> None:
    import docx

    from contractkit.cli import main
    from contractkit.compare.redline import accept_all

    src = _CORPUS / name
    assert rule in _rules_in(src, (rule,))
    out, accepted = tmp_path / "reviewed.docx", tmp_path / "accepted.docx"
    before = src.read_bytes()
    main(["lint", str(src), "--select", rule, "--redline", str(out)])
    assert src.read_bytes() == before  # the original is never changed
    ins, dels = _tracked(out)
    assert ins and dels
    reviewed = docx.Document(str(out))
    accept_all([reviewed.element.body])
    reviewed.save(str(accepted))
    assert _rules_in(accepted, (rule,)) == []


@pytest.mark.parametrize(
    ("ceiling", "fires_"),
    [
        ("但年化不超过一年期LPR的四倍", False),
        ("但不超过年利率12%", False),
        ("但以全国银行间同业拆借中心公布的一年期贷款市场报价利率的四倍为限", False),
        ("但年化利率最高不超过10%", False),
        ("但不超过LPR的六倍", True),
        ("但年化不超过24%", True),
        ("且违约金合计不超过逾期金额的10%", True),  # a cap on the total, not on the rate
    ],
)
def test_a_rate_held_within_the_cap_by_its_own_clause(ceiling: str, fires_: bool) -> None:
    text = f"甲方逾期付款的，每日按逾期金额的万分之五计付违约金，{ceiling}。"
    assert fires("penalty/rate-above-cap", text) is fires_


# --- round 3: document kinds, colloquial caps, liability by an article of another agreement ---

_MISSING = ("penalty/no-late-payment-penalty", "penalty/no-late-delivery-penalty")


def _missing_penalties(text: str) -> list[str]:
    from contractkit.lint import lint_text

    return sorted(f.rule for f in lint_text(text, Settings(select=_MISSING)))


@pytest.mark.parametrize(
    "text",
    [
        "采购订单\n订单编号：PO-2027-011\n本订单依据双方签订的《2027年度轮胎采购协议》下达，未尽事宜按该协议执行。\n"
        "全钢轮胎 100条，单价1,390.00元。\n交货时间：卖方收到本订单后15日内。\n"
        "付款：到货验收后30日内支付货款。",
        "采购订单\n本订单为《年度采购框架合同》的组成部分。\n卖方应于2027年5月25日前将货物送达买方仓库。"
        "买方收货后30日内付款。",
        "订货单\n根据双方签署的主协议（编号MA-01），买方向卖方订购阀门20台。卖方于6月1日前交货，买方验收后10日内付款。",
        "杭州某某环保设备有限公司\n报价单\n报价单号：Q-1\n阀门20台，单价1,000元。\n交货期：合同签订后20日内。\n"
        "付款方式：到货验收后付款。\n报价有效期30日。",
    ],
)
def test_no_missing_penalty_on_a_call_off_order_or_a_quote(text: str) -> None:
    assert _missing_penalties(text) == []


def test_a_stand_alone_order_still_needs_its_penalties() -> None:
    text = "采购订单\n买方向卖方订购阀门20台，单价1,000元。卖方于6月1日前交货，买方验收后10日内付款。"
    assert _missing_penalties(text) == sorted(_MISSING)


@pytest.mark.parametrize(
    "text",
    [
        "采购订单\n阀门20台。卖方于6月1日前交货，买方验收后10日内付款。\n其他条款：按协议第4条（交付）、第6条（违约责任）执行。",
        "采购订单\n阀门20台。卖方于6月1日前交货，买方验收后10日内付款。\n违约责任依合同第十二条执行。",
    ],
)
def test_liability_left_to_an_article_of_another_agreement_is_provided_for(text: str) -> None:
    assert _missing_penalties(text) == []


def test_liability_left_to_an_article_of_this_contract_is_not_another_agreement() -> None:
    text = "买卖合同\n卖方于6月1日前交货，买方验收后10日内付款。\n违约责任按本合同第9条执行。"
    assert _missing_penalties(text) == sorted(_MISSING)


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("甲方晚付钱，每晚一天按没付的钱的万分之三给乙方违约金，最多也是总价的一成。", Decimal(10)),
        ("乙方每晚交货一天，按货款的万分之五赔给甲方违约金，顶多就赔货款的5%。", Decimal(5)),
        ("买方每拖一天付款，付未付部分万分之三的违约金，加起来不会超过总价的百分之十。", Decimal(10)),
        ("卖方迟延交货的，每日按迟交部分价款的0.05%支付违约金，最多只算到合同总价的两成。", Decimal(20)),
    ],
)
def test_a_colloquial_cap_caps_its_penalty(text: str, percent: Decimal) -> None:
    from contractkit.contract.penalty import penalty_facts

    assert not fires("penalty/no-cap", text)
    (p,) = [p for p in penalty_facts(assign_sections_doc(text)).penalties if p.kind == "rate"]
    assert p.cap is not None and p.cap.percent == percent


@pytest.mark.parametrize(
    "text",
    [
        "甲方晚付钱，每晚一天按没付的钱的万分之三给乙方违约金，一成的货款另行结算。",
        "乙方每晚交货一天，按货款的万分之五赔给甲方违约金，最多三成的货物可以分批交付。",
    ],
)
def test_words_like_a_colloquial_cap_elsewhere_do_not_cap(text: str) -> None:
    assert fires("penalty/no-cap", text)


def assign_sections_doc(text: str):
    from contractkit.readers.model import Document
    from contractkit.readers.text import document_from_text

    d = document_from_text(text)
    return Document(path=d.path, kind=d.kind, blocks=assign_sections(d.blocks), deal=d.deal, meta=d.meta)


@pytest.mark.parametrize(
    "text",
    [
        "卖方逾期交货的，每日按逾期部分货款的千分之一支付违约金，最高不超过货款总额的10%；买方逾期付款的，亦同。",
        "乙方迟延交货的，每日按合同总价的万分之五支付违约金，累计不超过5%。\n甲方迟延付款的，参照前款执行。",
        "供方逾期交货的，每日按逾期交货部分的0.05%支付违约金，以合同总价10%为限。需方逾期付款的，按前款标准承担。",
        "乙方晚交货的，每晚一天给甲方200块，最多不超过总价的一成；甲方晚付钱，也是每天200块钱。",
    ],
)
def test_a_breach_given_a_remedy_by_reference_or_in_colloquial_money_is_provided_for(text: str) -> None:
    from contractkit.lint import lint_text

    rules = (*_MISSING, "penalty/one-sided")
    assert [f.rule for f in lint_text("买卖合同\n" + text, Settings(select=rules))] == []


def test_a_breach_named_without_any_remedy_still_lacks_one() -> None:
    text = (
        "买卖合同\n卖方逾期交货的，每日按逾期部分货款的千分之一支付违约金，最高不超过货款总额的10%；"
        "买方应按时付款。"
    )
    assert _missing_penalties(text) == ["penalty/no-late-payment-penalty"]


CALL_OFF = (
    "采购订单\n订单编号：PO-7\n本订单依据双方签订的《2027年度采购框架协议》下达，为该协议的组成部分。\n"
)


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("卖方逾期交货的，每日按订单金额的万分之五支付违约金，累计不超过订单金额的5%。", "penalty/one-sided"),
        ("卖方逾期交货的，每日按订单金额的万分之五支付违约金。", "penalty/no-cap"),
        ("买方逾期付款的，按日万分之三支付滞纳金。", "penalty/no-cap"),
    ],
)
def test_rules_judging_what_the_framework_may_hold_skip_a_call_off_order(body: str, rule: str) -> None:
    from contractkit.lint import lint_text

    assert [f.rule for f in lint_text(CALL_OFF + body, Settings(select=(rule,)))] == []
    assert [f.rule for f in lint_text("买卖合同\n" + body, Settings(select=(rule,)))] == [rule]


# --- round 5: colloquial caps with any verb, late delivery as a price deduction, words between ---


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("卖方晚交一天，按晚交那部分货款的万分之五少付，最多少付5%。", Decimal(5)),
        ("买方晚给钱一天，按欠的钱每天万分之四给卖方，最多也就5%。", Decimal(5)),
        ("乙方每晚到一天，按货款的万分之六从货款里扣，最多扣到8%。", Decimal(8)),
        ("甲方拖一天付款，每天按欠款万分之三补给乙方，顶多罚百分之十。", Decimal(10)),
    ],
)
def test_a_cap_with_any_verb_before_its_figure_caps_the_penalty(text: str, percent: Decimal) -> None:
    from contractkit.contract.penalty import penalty_facts

    assert not fires("penalty/no-cap", text)
    (p,) = [p for p in penalty_facts(assign_sections_doc(text)).penalties if p.kind == "rate"]
    assert p.cap is not None and p.cap.percent == percent


@pytest.mark.parametrize(
    "text",
    [
        "乙方每晚交货一天，按货款的万分之五赔给甲方违约金，最多5%的货物可以分批交付。",
        "甲方逾期付款的，每日按未付款的万分之五支付违约金。卖方最多可分3批发货，每批不少于500元。",
    ],
)
def test_most_of_something_else_is_no_cap(text: str) -> None:
    assert fires("penalty/no-cap", text)


GOODS_HEAD = "甲方（买方）向乙方（卖方）购买设备2台，合同总价10万元，乙方于2026年6月1日前送货到甲方仓库。\n"


@pytest.mark.parametrize(
    "clause",
    [
        "乙方晚装好一天，从尾款里扣100元，最多扣2000元。",
        "乙方每晚送来一天，甲方少付货款的万分之五，最多少付5%。",
        "乙方未按甲方要货通知书载明的日期送达的，每迟延一日按该批货物价款的万分之五扣减货款。",
        "卖方晚拉到一天，就从货款里扣300块。",
    ],
)
def test_late_delivery_as_a_deduction_in_any_wording_is_a_remedy(clause: str) -> None:
    assert not fires("penalty/no-late-delivery-penalty", GOODS_HEAD + clause)


@pytest.mark.parametrize(
    "clause",
    [
        "乙方未按要货计划载明的日期送达的，每迟延一日按该批货物价款的万分之五扣减货款，累计不超过10%。",
        "乙方未按甲方书面通知的交货时间交付的，每迟延一日按迟交部分价款的万分之三扣减货款，最多扣5%。",
        "乙方晚送一天，按晚送那部分货款的万分之五少付，最多少付5%。",
    ],
)
def test_the_sellers_deduction_balances_the_buyers_penalty(clause: str) -> None:
    text = (
        GOODS_HEAD
        + "甲方逾期付款的，每逾期一日按应付未付金额的万分之二点五支付违约金，累计不超过应付未付金额的5%。\n"
        + clause
    )
    assert not fires("penalty/one-sided", text)


def test_a_buyers_penalty_alone_is_still_one_sided() -> None:
    text = GOODS_HEAD + "甲方逾期付款的，每逾期一日按应付未付金额的万分之二点五支付违约金，累计不超过5%。"
    assert fires("penalty/one-sided", text)


@pytest.mark.parametrize(
    "clause",
    [
        "卖方迟延交货的，买方可以催告卖方尽快交货，卖方不承担其他责任。",
        "乙方逾期交货的，甲方有权要求乙方继续履行。",
        "供方未按期交货的，应及时书面告知需方原因。",
    ],
)
def test_a_late_delivery_clause_without_a_penalty_is_where_both_findings_point(clause: str) -> None:
    text = (
        GOODS_HEAD
        + clause
        + "\n甲方迟延付款的，每迟延一日按迟付金额的0.03%向乙方支付违约金，最高不超过迟付金额的5%。"
    )
    missing = run_rule("penalty/no-late-delivery-penalty", text)
    one_sided = run_rule("penalty/one-sided", text)
    assert len(missing) == 1 and len(one_sided) == 1
    assert clause[:6] in missing[0].snippet and clause[:6] in one_sided[0].snippet


def test_with_no_late_delivery_clause_the_missing_penalty_is_the_documents() -> None:
    text = GOODS_HEAD + "甲方迟延付款的，每迟延一日按迟付金额的0.03%向乙方支付违约金。"
    (f,) = run_rule("penalty/no-late-delivery-penalty", text)
    assert f.snippet == ""


# === round 7 ===

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
