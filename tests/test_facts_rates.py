"""Rates and percents: every rate phrasing with its period; a rate's fraction is never also a percent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.facts import Rate, find_percents, find_rates
from contractkit.facts.rates import capped_fraction, rate_fraction_spans

RATES = [
    ("按日万分之五支付违约金", "0.05", "day"),
    ("每日0.05%", "0.05", "day"),
    ("每日万分之三", "0.03", "day"),
    ("按千分之三/日计算", "0.3", "day"),
    ("按0.05%/天计收", "0.05", "day"),
    ("每逾期一日按应付款的0.5%支付违约金", "0.5", "day"),
    ("每逾期一天，按未付金额的千分之一计算", "0.1", "day"),
    ("违约金按日计算，为合同总额的千分之一", "0.1", "day"),
    ("月息1%", "1", "month"),
    ("月利率1.5%", "1.5", "month"),
    ("按年利率24%计息", "24", "year"),
    ("年化利率15.4%", "15.4", "year"),
    ("每天按未付款的万分之五计算", "0.05", "day"),
    ("每逾期一周按合同价款的1%支付", "1", "week"),
    ("日利率万分之六点五", "0.065", "day"),
]


@pytest.mark.parametrize(("text", "value", "per"), RATES)
def test_rate(text: str, value: str, per: str) -> None:
    found = find_rates(text)
    assert [(r.value, r.per) for r in found] == [(Decimal(value), per)]
    assert find_percents(text) == []  # the rate's fraction is not a percent too


def test_annual_percent() -> None:
    (r,) = find_rates("日万分之五")
    assert r.annual_percent() == Decimal("18.25")
    (m,) = find_rates("月息2%")
    assert m.annual_percent() == Decimal(24)
    (w,) = find_rates("每逾期一周按合同价款的1%支付")
    assert w.annual_percent() == Decimal(52)


PERCENTS = [
    ("合同签订后支付30%", ["30"]),
    ("百分之三十", ["30"]),
    ("30 %", ["30"]),
    ("0.5%", ["0.5"]),
    ("百分之零点五", ["0.5"]),
    ("预付30%，到货付60%，质保金10%", ["30", "60", "10"]),
    ("违约金为合同总额的千分之五", ["0.5"]),
]


@pytest.mark.parametrize(("text", "values"), PERCENTS)
def test_percent(text: str, values: list[str]) -> None:
    assert [p.value for p in find_percents(text)] == [Decimal(v) for v in values]
    assert find_rates(text) == []


def test_rate_and_cap_in_one_sentence() -> None:
    text = "每逾期一日，按应付未付款的0.5%支付违约金，违约金总额不超过合同总价的10%"
    assert [(r.value, r.per) for r in find_rates(text)] == [(Decimal("0.5"), "day")]
    assert [p.value for p in find_percents(text)] == [Decimal(10)]


def test_installments_are_not_rates() -> None:
    text = "每月支付合同总价的10%，共支付十个月"
    assert find_rates(text) == []
    assert [p.value for p in find_percents(text)] == [Decimal(10)]


NEGATIVE = ["[   ]%", "按 %的标准", "第5条", "2026年", "日期：2026年5月1日"]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_rate_no_percent(text: str) -> None:
    assert find_rates(text) == []
    assert find_percents(text) == []


def test_traditional_converted_input() -> None:
    import opencc

    text = opencc.OpenCC("t2s").convert("每逾期一日，按未付款項的萬分之五支付違約金")
    assert [(r.value, r.per) for r in find_rates(text)] == [(Decimal("0.05"), "day")]


def test_real_penalty_clause_with_blank_and_cap(corpus_dir) -> None:
    text = (corpus_dir / "zh" / "beijing-bf-2024-2738-keji-xiaowai-peixun-fuwu.txt").read_text(
        encoding="utf-8"
    )
    line = next(ln for ln in text.splitlines() if "不超过万分之六点五" in ln)
    rates = find_rates(line)
    assert [(r.value, r.per) for r in rates] == [(Decimal("0.065"), "day")]
    assert find_percents(line) == []  # the blank "[   ]%" has no number


def test_real_blank_penalty_has_no_rate(corpus_dir) -> None:
    text = (corpus_dir / "zh" / "beijing-bf-2024-0612-cuoshi-tingchewei-zulin.txt").read_text(
        encoding="utf-8"
    )
    lines = [ln for ln in text.splitlines() if "每逾期一日" in ln]
    assert lines
    for line in lines:
        assert find_rates(line) == []


# -- the wordings of issue 12 ----------------------------------------------------------------------------

MORE_RATES = [
    ("逾期一天按10%缴纳滞纳金", "10", "day", 1, False),
    ("逾期付款违约金为日未交款的3‰", "0.3", "day", 1, False),
    ("按日欠款金额的千分之五计算", "0.5", "day", 1, False),
    ("如逾期未还按每月0.05加收滞纳金", "5", "month", 1, True),
    ("每逾期满七日按合同总价的千分之二支付违约金", "0.2", "day", 7, False),
    ("每迟交一天，按当月未交货物价款的0.025%承担违约金", "0.025", "day", 1, False),
    ("卖方逾期交货者，每逾一日，按逾期交货部分价金千分之零点三计付违约金", "0.03", "day", 1, False),
    ("甲方晚付钱的，每晚一天，按晚付的那部分钱的万分之三给乙方违约金", "0.03", "day", 1, False),
    ("每逾期一日，按逾期交货部分货款的〇.〇三%向甲方支付违约金", "0.03", "day", 1, False),
    ("每迟延一小时按当次要料金额的千分之一支付违约金", "0.1", "hour", 1, False),
]


@pytest.mark.parametrize(("text", "value", "per", "every", "ambiguous"), MORE_RATES)
def test_more_rate_wordings(text: str, value: str, per: str, every: int, ambiguous: bool) -> None:
    (r,) = find_rates(text)
    assert (r.value, r.per, r.every, r.ambiguous) == (Decimal(value), per, every, ambiguous)


def test_per_seven_days_annualized() -> None:
    (r,) = find_rates("每逾期满七日按合同总价的千分之二支付违约金")
    assert r.annual_percent().quantize(Decimal("0.1")) == Decimal("10.4")


def test_a_chained_fraction_shares_the_period() -> None:
    rates = find_rates("按逾期总额支付每日千分之五的违约金及千分之一的滞纳金")
    assert [(r.value, r.per) for r in rates] == [(Decimal("0.5"), "day"), (Decimal("0.1"), "day")]
    # a percent after another charge's verb is not chained
    assert len(find_rates("按日万分之五支付违约金和10%的赔偿")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "自逾期之日起按日计付逾期付款违约金，但累计不超过逾期金额的5%",
        "每逾期一日，按逾期金额计付违约金，最高以合同总价的10%为限",
        "按月支付合同总价的10%",
        "单价0.05元",
        "每日0.5吨",
        "甲方每月支付合同总价的10%",
        "甲方每月按合同总价的10%支付货款",
    ],
)
def test_not_rates(text: str) -> None:
    assert find_rates(text) == []


def test_a_cap_after_a_cue_is_a_percent() -> None:
    text = "自逾期之日起按日计付逾期付款违约金，但累计不超过逾期金额的5%"
    assert [p.value for p in find_percents(text)] == [Decimal(5)]


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=2, max_value=30), st.integers(min_value=1, max_value=9))
def test_every_n_days(n: int, k: int) -> None:
    (r,) = find_rates(f"每逾期满{n}日按合同总价的千分之{k}支付违约金")
    assert r.every == n and r.annual_percent() == (Decimal(k) / 10 * 365 / n).quantize(Decimal("0.0001"))


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("卖方应支付相当于迟延交付货物价值百分之零点五（0.5%）每周的违约金", "0.5", "week"),
        ("按年利率百分之八(8%)向卖方支付逾期付款违约金", "8", "year"),
        ("每逾期一日按百分之零点零五（0.05%）计", "0.05", "day"),
    ],
)
def test_a_figure_restated_in_digits_is_one_rate(text: str, value: str, per: str) -> None:
    (r,) = find_rates(text)
    assert (r.value, r.per) == (Decimal(value), per)
    assert find_percents(text) == []  # the digits in parentheses are the same rate


# -- a rate brought to a cap (lint --redline) ----------------------------------------------------------------


def _capped(text: str, cap: Decimal) -> tuple[str, Rate]:
    (rate,) = find_rates(text)
    ((a, b),) = rate_fraction_spans(text)
    new = capped_fraction(text[a:b], rate, cap)
    assert new is not None
    fixed = text[:a] + new + text[b:]
    (back,) = find_rates(fixed)
    return fixed, back


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("每日千分之五", "每日万分之三点二"),
        ("日万分之五", "日万分之三点二"),
        ("每日万分之5", "每日万分之3.2"),
        ("每日0.1%", "每日0.032%"),
        ("每日5‰", "每日0.32‰"),
        ("月息2%", "月息1%"),
        ("年利率24%", "年利率12%"),
        ("每逾期满七日按千分之五", "每逾期满七日按千分之二点三"),
        ("每日百分之零点五（0.5%）", "每日万分之三点二"),
    ],
)
def test_capped_fraction_keeps_the_period_and_notation(text: str, fixed: str) -> None:
    got, back = _capped(text, Decimal(12))
    assert got == fixed and back.annual_percent() <= 12


@settings(max_examples=80, deadline=None)
@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["万分之", "千分之", "%", "‰"]),
    st.sampled_from(["每日", "每月", "每年"]),
    st.sampled_from([Decimal(12), Decimal("10.4"), Decimal("15.4")]),
)
def test_any_rate_above_the_cap_reads_back_just_within_it(
    n: int, unit: str, period: str, cap: Decimal
) -> None:
    figure = f"{unit}{n}" if unit.endswith("之") else f"{Decimal(n) / 100}{unit}"
    text = f"{period}{figure}"
    (rate,) = find_rates(text)
    if rate.annual_percent() <= cap:
        return
    _fixed, back = _capped(text, cap)
    assert back.per == rate.per
    assert cap * Decimal("0.9") <= back.annual_percent() <= cap  # two significant digits, cut down


@pytest.mark.parametrize(
    ("text", "value", "per"),
    [
        ("则卖方应就每一逾期日按合同价格的1%向买方支付违约金", "1", "day"),
        ("买方应就每个迟延日按迟延金额的万分之五支付违约金", "0.05", "day"),
        ("每一延误周按未交货物价款的0.5%计付违约金", "0.5", "week"),
        ("每一个逾期日，按合同价款的千分之一计算", "0.1", "day"),
    ],
)
def test_translated_each_day_of_delay_is_a_period_cue(text: str, value: str, per: str) -> None:
    (r,) = find_rates(text)
    assert (r.value, r.per) == (Decimal(value), per)


def test_each_day_of_delay_does_not_turn_a_cap_into_a_rate() -> None:
    rates = find_rates("就每一逾期日按合同价格的0.05%支付违约金，但违约金总额不超过合同价格的10%")
    assert [r.value for r in rates] == [Decimal("0.05")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("卖方应按每周合同价格的0.5%向买方支付违约赔偿金", "0.5"),
        ("迟延交付的，卖方应就每一完整周支付合同价格百分之零点五（0.5%）的违约金", "0.5"),
        ("每个整周按迟交货物价款的1%计付违约金", "1"),
        ("卖方应按每星期未交货物价值的0.3%支付违约金", "0.3"),
    ],
)
def test_a_weekly_rate_on_a_base_or_per_complete_week(text: str, value: str) -> None:
    (r,) = find_rates(text)
    assert (r.value, r.per) == (Decimal(value), "week")


@pytest.mark.parametrize(
    "text", ["每月支付合同价格的10%", "每周支付一次货款的20%", "买方每周一支付上周货款的100%"]
)
def test_a_periodic_installment_is_no_rate(text: str) -> None:
    assert find_rates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "乙方每晚到一天，按货款的万分之六从货款里扣",
        "卖方每晚送一天，按合同总价的万分之六赔给买方",
        "甲方每晚给一天，按欠款的万分之六加付",
    ],
)
def test_a_lateness_cue_with_any_verb_binds_the_fraction(text: str) -> None:
    (r,) = find_rates(text)
    assert r.per == "day" and r.value == Decimal("0.06")


@pytest.mark.parametrize(
    ("count", "every"), [("七", 7), ("十五", 15), ("二十", 20), ("三十", 30), ("10", 10)]
)
def test_the_count_of_periods_in_a_cue_is_read_as_a_chinese_numeral(count: str, every: int) -> None:
    (r,) = find_rates(f"每逾期满{count}日，按未交货部分价款的千分之二支付违约金")
    assert r.every == every
