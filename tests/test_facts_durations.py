"""Durations: Arabic and Chinese numerals, all units, brackets counted once, dates excluded."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.facts import find_durations

CASES = [
    ("到货后72小时内", "72", "hour"),
    ("货物送达之日起五个工作日内", "5", "working_day"),
    ("收到发票后十五日内付款", "15", "day"),
    ("质保期为15天", "15", "day"),
    ("质量异议期为12个月", "12", "month"),
    ("保修期一年", "1", "year"),
    ("保修期1年", "1", "year"),
    ("两周内完成安装", "2", "week"),
    ("应于三十（30）日内支付", "30", "day"),
    ("应于三十(30)日内支付", "30", "day"),
    ("30（三十）个工作日", "30", "working_day"),
    ("二十四个月", "24", "month"),
    ("半年", "0.5", "year"),
    ("一个半月", "1.5", "month"),
    ("7 个工作日", "7", "working_day"),
    ("10个自然日", "10", "day"),
    ("3个星期", "3", "week"),
    ("48个小时", "48", "hour"),
    ("两年", "2", "year"),
    ("一百二十天", "120", "day"),
    ("保修期一年半", "1.5", "year"),
    ("两年半内", "2.5", "year"),
    ("质保期壹年", "1", "year"),
    ("十八（18）个月", "18", "month"),
    ("十五个日历日", "15", "day"),
]


@pytest.mark.parametrize(("text", "value", "unit"), CASES)
def test_one_duration(text: str, value: str, unit: str) -> None:
    found = find_durations(text)
    assert [(d.value, d.unit) for d in found] == [(Decimal(value), unit)]
    d = found[0]
    assert text[d.span[0] : d.span[1]].strip()[-1] in "时日天周月年期拜半"


NEGATIVE = [
    "第5条 验收",
    "第十五日",
    "2026年12月31日前",
    "二〇二六年",
    "签订日期：2025年5月1日",
    "每月15日前支付",
    "年满18周岁",
    "成立十周年",
    "2024年度报告",
    "合同一式两份",
    "日期",
    "联系电话：010-12345678",
    "12月",
    "本合同自双方签字之日起生效",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_duration(text: str) -> None:
    assert find_durations(text) == []


def test_bracketed_restatement_counted_once() -> None:
    found = find_durations("甲方应于三十日（30日）内付款")
    assert [(d.value, d.unit) for d in found] == [(Decimal(30), "day")]


def test_several_in_order() -> None:
    text = "到货后72小时内初验，初验合格后十五个工作日内终验，质保期二年，异议期6个月"
    found = find_durations(text)
    assert [(d.value, d.unit) for d in found] == [
        (Decimal(72), "hour"),
        (Decimal(15), "working_day"),
        (Decimal(2), "year"),
        (Decimal(6), "month"),
    ]
    assert [d.span for d in found] == sorted(d.span for d in found)


def test_traditional_converted_input() -> None:
    import opencc

    text = opencc.OpenCC("t2s").convert("貨物送達之日起五個工作日內驗收")
    assert [(d.value, d.unit) for d in find_durations(text)] == [(Decimal(5), "working_day")]


def test_real_refund_clause(corpus_dir) -> None:
    text = (corpus_dir / "zh" / "beijing-bf-2024-0612-cuoshi-tingchewei-zulin.txt").read_text(
        encoding="utf-8"
    )
    line = next(ln for ln in text.splitlines() if "之日起十五日内退还停车费用余额" in ln)
    assert (Decimal(15), "day") in [(d.value, d.unit) for d in find_durations(line)]


@pytest.mark.parametrize("text", ["一年半价出售", "一年，半年后复检"])
def test_half_after_a_year_only_when_it_ends_the_length(text: str) -> None:
    assert find_durations(text)[0].value == Decimal(1)


@pytest.mark.parametrize(
    ("text", "value"), [("点数,三天内看货", "3"), ("金额,30日内付清", "30"), ("1,000天", "1000")]
)
def test_a_clause_comma_before_the_number_is_no_thousands_separator(text: str, value: str) -> None:
    assert [d.value for d in find_durations(text)] == [Decimal(value)]


def test_fast_pattern_matches_what_the_bare_pattern_matches() -> None:
    """The duration pattern, led by a lookahead of every number's first character, changes no match."""
    from conftest import assert_led

    from contractkit.facts import durations

    assert_led(durations._DURATION, durations.DURATION_PATTERN)


# -- Traditional unit spellings (個月, 小時, 週, 禮拜, 鐘頭), 工作天 and business days (银行工作日,
# 营业日) are lengths of the units they name (accuracy round 7)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("賣方應於收貨後五個工作天內回覆", "5", "working_day"),
        ("請於十個工作天內完成驗貨", "10", "working_day"),
        ("乙方收到发票后3个工作天内付款", "3", "working_day"),
        ("买方应在收到单据后5个银行工作日内付款", "5", "working_day"),
        ("買方於收到單據後七個銀行工作日內付款", "7", "working_day"),
        ("甲方应于两个营业日内确认", "2", "working_day"),
        ("签约后7个银行营业日内付款", "7", "working_day"),
        ("簽約後7個營業日內付款", "7", "working_day"),
        ("收到發票後十個銀行營業日內付款", "10", "working_day"),
        ("保固期為十八個月", "18", "month"),
        ("一個半月內交清", "1.5", "month"),
        ("到貨後48小時內通知", "48", "hour"),
        ("三週內交貨", "3", "week"),
        ("貨到後三個禮拜內提出", "3", "week"),
        ("货到后两个礼拜内提出", "2", "week"),
        ("六個鐘頭內到場", "6", "hour"),
    ],
)
def test_traditional_and_business_day_units(text: str, value: str, unit: str) -> None:
    assert [(d.value, d.unit) for d in find_durations(text)] == [(Decimal(value), unit)]


@pytest.mark.parametrize("text", ["第3個工作天", "成立10週年", "2027年3月5日", "每個工作天上午"])
def test_ordinals_anniversaries_and_dates_stay_out(text: str) -> None:
    assert find_durations(text) == []
