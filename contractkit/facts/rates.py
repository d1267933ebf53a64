"""Rates with their period: 日万分之五, 每日0.05%, 每日万分之三, 千分之三/日, 每逾期一日按…的0.5%,
按日计算…千分之一, 月息1%, 月利率1.5%, 年利率24%, 每天按…的万分之五.

``Rate.value`` is a percent per period (日万分之五 → 0.05 per day). The fraction inside a rate is never also
reported by :func:`contractkit.facts.percents.find_percents`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from contractkit.facts.spans import ARABIC, CN_CHARS, NUMBER, contains_any, to_decimal

Per = Literal["day", "week", "month", "year"]
_PER_YEAR = {"day": Decimal(365), "week": Decimal(52), "month": Decimal(12), "year": Decimal(1)}


@dataclass(frozen=True, slots=True)
class Rate:
    """A rate: ``value`` percent per ``per`` (日万分之五 → 0.05, "day")."""

    value: Decimal
    per: Per
    span: tuple[int, int]

    def annual_percent(self) -> Decimal:
        """The rate as percent a year (day ×365, week ×52, month ×12)."""
        return self.value * _PER_YEAR[self.per]


# A fraction: 万分之五, 千分之三, 百分之三十, 0.05%, 5‰, 5‱ (value in percent via _fraction_value).
FRACTION = (
    rf"(?:(?P<base>万分之|千分之|百分之)\s*(?P<cn>{NUMBER})"
    rf"|(?<![\d.])(?P<ar>{ARABIC})\s*(?P<sign>%|‰|‱))"
)
_FRACTION = re.compile(FRACTION)
_DIVISOR = {"万分之": Decimal(100), "千分之": Decimal(10), "百分之": Decimal(1)}
_SIGN = {"%": Decimal(1), "‰": Decimal(10), "‱": Decimal(100)}
_PER_WORD: dict[str, Per] = {
    "日": "day",
    "天": "day",
    "周": "week",
    "星期": "week",
    "月": "month",
    "年": "year",
}


def fraction_value(m: re.Match[str]) -> Decimal:
    """The percent value of a match of ``FRACTION`` (万分之五 → 0.05); ValueError if the number is not one."""
    if m.group("base"):
        return to_decimal(m.group("cn")) / _DIVISOR[m.group("base")]
    return to_decimal(m.group("ar")) / _SIGN[m.group("sign")]


# A: the period comes first: 日万分之五, 每日0.05%, 月息1%, 年利率24%, 日利率0.05%.
_PREFIXED = re.compile(
    rf"(?:(?P<p1>每|按|逐)(?P<w1>日|天|周|月|年)(?:利率|利息|息|费率)?"
    rf"|(?<![\d{CN_CHARS}])(?P<w2>日|天|周|月|年)(?:化利率|化|利率|利息|息|费率)"
    rf"|(?<![\d{CN_CHARS}年月])(?P<w3>日))"
    rf"\s*(?:为|按|是|计|计算)?\s*(?:{FRACTION})"
)
# B: the period follows: 千分之三/日, 0.05%/天, 万分之五每日, 0.05%按日计.
_SUFFIXED = re.compile(rf"(?:{FRACTION})\s*(?:/|每|每个|按|per\s*)(?P<w>日|天|周|月|年|day|week|month|year)")
# C: a period cue earlier in the clause binds the first fraction after it: 每逾期一日，按…的0.5%.
_CUE = re.compile(
    r"每(?:逾期|延迟|迟延|延期|超期|拖延|迟|晚)(?:交货|交付|付款|支付|履行)?(?:一|1)?个?(?P<cw>日|天|周|星期|月|年)"
    r"|(?:按|逐)(?P<cd>日|天)|每(?P<ce>日|天)(?:按|应|向)"
)
_CUE_WINDOW = 60
_BREAKS = re.compile(r"[。；;\n]")
_EN_PER: dict[str, Per] = {"day": "day", "week": "week", "month": "month", "year": "year"}
_PREFILTER = ("分之", "%", "‰", "‱")
_mentions_any = contains_any(_PREFILTER)


@lru_cache(maxsize=8192)
def _rate_matches(text: str) -> tuple[tuple[Rate, tuple[int, int]], ...]:
    """Rates with the span of their fraction, in text order (cached per text)."""
    return tuple(_rate_scan(text))


def _rate_scan(text: str) -> list[tuple[Rate, tuple[int, int]]]:
    """Rates with the span of their fraction, in text order."""
    if not _mentions_any(text):
        return []
    found: list[tuple[Rate, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []

    def add(value_m: re.Match[str], per: Per, span: tuple[int, int], frac: tuple[int, int]) -> None:
        if any(a < frac[1] and frac[0] < b for a, b in taken):
            return
        try:
            value = fraction_value(value_m)
        except (ValueError, ArithmeticError):
            return
        taken.append(frac)
        found.append((Rate(value, per, span), frac))

    for m in _PREFIXED.finditer(text):
        word = m.group("w1") or m.group("w2") or m.group("w3")
        frac_start = m.start("base") if m.group("base") else m.start("ar")
        add(m, _PER_WORD[word], (m.start(), m.end()), (frac_start, m.end()))
    for m in _SUFFIXED.finditer(text):
        word = m.group("w")
        per = _EN_PER.get(word) or _PER_WORD[word]
        frac_end = m.end("cn") if m.group("base") else m.end("sign")
        add(m, per, (m.start(), m.end()), (m.start(), frac_end))
    for cue in _CUE.finditer(text):
        word = cue.group("cw") or cue.group("cd") or cue.group("ce")
        limit = min(len(text), cue.end() + _CUE_WINDOW)
        brk = _BREAKS.search(text, cue.end(), limit)
        if brk:
            limit = brk.start()
        for fm in _FRACTION.finditer(text, cue.end(), limit):
            frac = (fm.start(), fm.end())
            if any(a < frac[1] and frac[0] < b for a, b in taken):
                break  # already a rate of its own
            add(fm, _PER_WORD[word], (cue.start(), fm.end()), frac)
            break
    found.sort(key=lambda rf: rf[0].span)
    return found


def find_rates(text: str) -> list[Rate]:
    """All periodic rates in ``text``, in text order."""
    return [r for r, _ in _rate_matches(text)]


def rate_fraction_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the fractions that belong to rates (so percents can leave them out)."""
    return [f for _, f in _rate_matches(text)]
