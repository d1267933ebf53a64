"""Percentages: 30%, 30 %, 0.5%, 百分之三十, 百分之零点五, 千分之五 (→ 0.5), 5‰.

A fraction that is part of a rate (日万分之五, 每日0.05%, 年利率24%, 每逾期一日按…的0.5%) is a
rate, not a percent: :func:`find_percents` leaves it out and :func:`contractkit.facts.rates.find_rates`
reports it. Rules that add up payment shares use ``find_percents``; rules about penalty or interest
rates use ``find_rates``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from contractkit.facts.rates import _FRACTION, fraction_value, rate_fraction_spans
from contractkit.facts.spans import contains_any


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage; ``value`` is the percent number (30% → 30, 千分之五 → 0.5)."""

    value: Decimal
    span: tuple[int, int]


_PREFILTER = ("分之", "%", "‰", "‱")
_mentions_any = contains_any(_PREFILTER)


def _find_percents_scan(text: str) -> list[Percent]:
    if not _mentions_any(text):
        return []
    rates = rate_fraction_spans(text)
    out: list[Percent] = []
    for m in _FRACTION.finditer(text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in rates):
            continue
        try:
            value = fraction_value(m)
        except (ValueError, ArithmeticError):
            continue
        out.append(Percent(value, (s, e)))
    return out


@lru_cache(maxsize=8192)
def _find_percents_cached(text: str) -> tuple[Percent, ...]:
    return tuple(_find_percents_scan(text))


def find_percents(text: str) -> list[Percent]:
    """All percentages in ``text`` that are not part of a rate, in text order."""
    return list(_find_percents_cached(text))
