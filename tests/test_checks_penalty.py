"""The ``penalty`` rule family: rates against the LPR cap, caps, 定金/订金, one-sided, no-adjust clauses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import doc_of, fires, run_rule
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.checks import load_rules, penalty
from contractkit.checks._common import doc_text
from contractkit.checks.penalty import _CAP_NEAR_PENALTY, _caps_a_penalty
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
OVER_CAP = [
    ("甲方逾期付款的，按日万分之五支付违约金。", "18.25%"),
    ("乙方逾期交货的，每日0.1%支付违约金。", "36.5%"),
    ("逾期付款按月息2%计收利息。", "24%"),
    ("逾期付款的，每天按欠款的千分之三支付违约金。", "109.5%"),
    ("逾期付款违约金为0.05%/日。", "18.25%"),
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
    assert fires("penalty/rate-above-cap", text) == (annual > Settings().rate_cap_annual)


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


# -- the sentence-by-sentence cap search agrees with one search of the whole text ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "违约金累计不超过合同总价的10%。",
        "违约金按日计算。累计不超过合同总价的10%。",  # the cap is in another sentence
        "累计不超过合同总价的10%的违约金。",  # cap first
        "甲方逾期付款的，按日万分之三支付违约金，\n累计不超过合同总价的10%",  # across a line, no 。 at all
        "违约金按日计算。滞纳金按日计算。利息以本金为限。",
        "违约金按日计算。",
        "本合同总价不超过十万元。",
        "",
    ],
)
def test_cap_search_by_sentence_agrees_with_whole_text(text: str) -> None:
    doc = doc_of(text)
    assert _caps_a_penalty(doc) == bool(_CAP_NEAR_PENALTY.search(doc_text(doc)))


def test_cap_search_by_sentence_agrees_on_real_drafts(corpus_dir: Path) -> None:
    for path in sorted((corpus_dir / "zh").glob("*.txt")):
        doc = read_text(path)
        assert _caps_a_penalty(doc) == bool(_CAP_NEAR_PENALTY.search(doc_text(doc))), path.name


def test_rate_context_gate_covers_every_context_word() -> None:
    """A clause naming a rate-context word names a gate word: the cheaper scan skips no rate clause."""
    for word in penalty._RATE_CONTEXT_WORDS:
        assert any(g in word for g in penalty._RATE_CONTEXT_GATE), word
