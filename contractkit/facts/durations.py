"""Durations: 72小时, 五个工作日, 十五日, 15天, 12个月, 一年, 一年半, 两周, 三十(30)日, 半年, 七個工作天.

Traditional spellings and business days (個月, 小時, 週, 銀行工作日, 营业日) are the units they name. 日 as a
scan misreads it after a number (7 旦内, 15 曰内, 3 个工作旦内) is 日.

Excluded: ordinals (第5日), dates (2026年, 12月31日), article numbers (第5条), 周岁/周年.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from contractkit.facts.spans import CN_CHARS, NUMBER, contains_any, to_decimal

Unit = Literal["hour", "day", "working_day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time: ``value`` ``unit``s."""

    value: Decimal
    unit: Unit
    span: tuple[int, int]


_UNIT_WORDS = "小时時天日周週月年"
_mentions_unit = contains_any([*_UNIT_WORDS, "钟头", "鐘頭", "星期", "礼拜", "禮拜"])
_UNITS: dict[str, Unit] = {
    "小时": "hour",
    "个小时": "hour",
    "钟头": "hour",
    "个钟头": "hour",
    "工作日": "working_day",
    "个工作日": "working_day",
    # 工作天 (Taiwan, Hong Kong and colloquial), 银行工作日 / 营业日 (a business day)
    "工作天": "working_day",
    "个工作天": "working_day",
    "银行工作日": "working_day",
    "个银行工作日": "working_day",
    "营业日": "working_day",
    "个营业日": "working_day",
    "银行营业日": "working_day",
    "个银行营业日": "working_day",
    "日": "day",
    "天": "day",
    "自然日": "day",
    "个自然日": "day",
    "日历日": "day",
    "个日历日": "day",
    "周": "week",
    "个周": "week",
    "星期": "week",
    "个星期": "week",
    "礼拜": "week",
    "个礼拜": "week",
    "个月": "month",
    "月": "month",  # only after 个半 (一个半月); a bare N月 is a month name
    "年": "year",
    "个年": "year",
}
# Traditional spellings (個月, 小時, 個工作天, 銀行工作日, 週, 禮拜, 鐘頭): the same units
_TRADITIONAL = str.maketrans("个时钟头礼拜银营业", "個時鐘頭禮拜銀營業")
_UNITS.update({u.translate(_TRADITIONAL): unit for u, unit in list(_UNITS.items())})
_UNITS.update({"週": "week", "個週": "week"})
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))

DURATION_PATTERN = (
    rf"(?<![\d第每{CN_CHARS}])(?<!\d[.,])(?P<num>{NUMBER}|半)(?P<half>[个個]半)?\s*"
    rf"(?:[（(]\s*(?P<alt>{NUMBER})\s*[）)]\s*)?"
    rf"(?P<unit>{_UNIT_RE})(?![岁年度底初末份号])(?P<half_after>半(?![价数成额])(?=\s*(?:[内以之,，。;；)）]|$)))?"
)
#: (The leading lookahead names the first character of every number — a digit, a Chinese numeral or 半 — so
#: the engine skips every other position at once: three times faster than the bare pattern, which
#: ``tests/test_facts_durations.py`` checks it matches exactly.)
_DURATION = re.compile(rf"(?=[\d{CN_CHARS}半])(?:{DURATION_PATTERN})")
# "半个月" / "半年": the number is 半.
_DATE_AFTER = re.compile(r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[月日号]")


def _is_date(text: str, m: re.Match[str], unit: str) -> bool:
    num = m.group("num")
    start = m.start()
    if unit == "年":
        if len(num) >= 4 or (len(num) == 4 and num.isdigit()):
            return True
        if set(num) <= set("〇零一二三四五六七八九") and len(num) >= 3:
            return True  # 二〇二六年
        return bool(_DATE_AFTER.match(text, m.end()))
    if unit in ("日", "天"):
        before = text[max(0, start - 3) : start].rstrip()[-1:]
        if before in ("月", "年"):
            return True  # 12月31日 / 5月5日 / 4 月 20 日 (spaced out by a PDF or a scan)
    return False


def _restates(text: str, prev: Duration, start: int, value: Decimal, unit: Unit) -> bool:
    between = text[prev.span[1] : start].strip()
    return between in ("（", "(") and prev.value == value and prev.unit == unit


#: 日 of a length as a scan misreads it (7 旦内, 15 曰内, 3 个工作旦内): a number before it and a
#: deadline or start word after it — 元旦 / 一旦 have neither.
_OCR_DAY = re.compile(r"(?:(?<=工作)|(?<=[\d个])|(?<=\d\s))[旦曰](?=\s*(?:内|以内|之内|前|后|起))")


#: 上一个月 / 下一个季度 / 上一年: the calendar period before or after (not 以上 / 以下, bounds of a number).
_CALENDAR_NEXT_OR_LAST = re.compile(r"(?<![以之])[上下]$")


def _find_durations_scan(text: str) -> list[Duration]:
    if "旦" in text or "曰" in text:
        # same length: the spans found are the spans of the text as written
        text = _OCR_DAY.sub("日", text)
    if not _mentions_unit(text):
        return []
    out: list[Duration] = []
    for m in _DURATION.finditer(text):
        unit = m.group("unit")
        if _is_date(text, m, unit):
            continue
        num = m.group("num")
        try:
            value = Decimal("0.5") if num == "半" else to_decimal(num)
        except (ValueError, ArithmeticError):
            continue
        if m.group("half") or (m.group("half_after") and unit == "年"):
            value += Decimal("0.5")
        if unit == "月" and not m.group("half") and num != "半":
            continue  # 12月 is a month, 12个月 a duration
        if unit == "日" and m.end() < len(text) and text[m.end()] == "期":
            continue  # 日期
        if num == "一" and _CALENDAR_NEXT_OR_LAST.search(text, 0, m.start()):
            continue  # 上一个月 / 下一年: the previous or the next calendar period, not a length
        if out and _restates(text, out[-1], m.start(), value, _UNITS[unit]):
            continue  # 三十日（30日）: count once
        end = m.end() if unit == "年" else m.end("unit")  # 一年半: half a year more; 三天半 is rare
        out.append(Duration(value, _UNITS[unit], (m.start(), end)))
    return out


@lru_cache(maxsize=8192)
def _find_durations_cached(text: str) -> tuple[Duration, ...]:
    return tuple(_find_durations_scan(text))


def find_durations(text: str) -> list[Duration]:
    """All durations in ``text``, in text order (dates, years and article numbers excluded)."""
    return list(_find_durations_cached(text))
