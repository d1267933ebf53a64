"""Rates and percents: every rate phrasing with its period; a rate's fraction is never also a percent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.facts import find_percents, find_rates

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
