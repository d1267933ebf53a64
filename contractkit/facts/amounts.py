"""Money amounts in text: 12万元, ¥1,409.50, RMB 500, USD 20,000, 20,000美元, 三千元, 人民币壹拾贰万叁仟元整.

A bare number is never an amount: it needs a currency sign/code before it or a currency word
after it, so phone numbers, dates and article numbers are not reported. 大写 amounts that do not
parse are skipped (the amount rules check 大写 themselves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from contractkit.facts.spans import ARABIC, contains_any, to_decimal


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount of money; ``value`` in the currency's unit (万元 already multiplied out)."""

    value: Decimal
    currency: str
    upper: bool
    span: tuple[int, int]


_PREFIX_CUR = {
    "¥": "CNY",
    "￥": "CNY",
    "RMB": "CNY",
    "CNY": "CNY",
    "人民币": "CNY",
    "USD": "USD",
    "US$": "USD",
    "$": "USD",
    "美元": "USD",
    "EUR": "EUR",
    "€": "EUR",
    "欧元": "EUR",
    "HKD": "HKD",
    "HK$": "HKD",
    "港币": "HKD",
    "港元": "HKD",
    "JPY": "JPY",
    "日元": "JPY",
    "GBP": "GBP",
    "£": "GBP",
    "英镑": "GBP",
    "新台币": "TWD",
    "NT$": "TWD",
    "TWD": "TWD",
    "澳门元": "MOP",
    "MOP": "MOP",
    "澳元": "AUD",
    "AUD": "AUD",
    "加元": "CAD",
    "CAD": "CAD",
    "新加坡元": "SGD",
    "SGD": "SGD",
    "韩元": "KRW",
    "瑞士法郎": "CHF",
    "CHF": "CHF",
}
_SUFFIX_CUR = {
    "元": "CNY",
    "圆": "CNY",
    "元人民币": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "港元": "HKD",
    "港币": "HKD",
    "日元": "JPY",
    "英镑": "GBP",
    "新台币": "TWD",
    "澳门元": "MOP",
    "澳元": "AUD",
    "加元": "CAD",
    "新加坡元": "SGD",
    "韩元": "KRW",
    "瑞士法郎": "CHF",
    "RMB": "CNY",
    "CNY": "CNY",
    "USD": "USD",
    "EUR": "EUR",
}
_MULT = {
    "": Decimal(1),
    "千": Decimal(1000),
    "万": Decimal(10000),
    "百万": Decimal(1000000),
    "亿": Decimal(10**8),
}


#: The currency signs, codes and words read as a currency other than CNY (sorted).
FOREIGN_CURRENCY_MARKS = tuple(
    sorted({mark for table in (_PREFIX_CUR, _SUFFIX_CUR) for mark, cur in table.items() if cur != "CNY"})
)


def _alt(words: object) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_LOWER_CN = "零〇一二两三四五六七八九十百千万亿点"
_CN_DIGITS = "零〇一二两三四五六七八九"
_FIGURE = re.compile(
    rf"(?:(?P<pre>{_alt(_PREFIX_CUR)})\s*(?:[:：]\s*)?)?"
    rf"(?<![\d.,\-/])(?P<num>{ARABIC}|[{_LOWER_CN}]+)\s*(?P<mult>百万|千|万|亿)?\s*"
    rf"(?:(?P<suf>{_alt(_SUFFIX_CUR)})|(?![\d\-/]))"
)
_UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_mentions_upper = contains_any(_UPPER_DIGITS)
_UPPER_PREFIX = {
    "人民币": "CNY",
    "RMB": "CNY",
    "¥": "CNY",
    "￥": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "港币": "HKD",
}
_UPPER_PREFIX |= {"港元": "HKD", "日元": "JPY", "英镑": "GBP"}
_UPPER = re.compile(
    rf"(?:(?P<pre>{_alt(_UPPER_PREFIX)})\s*(?:[:：]\s*)?)?(?P<body>[{_UPPER_DIGITS}拾][{_UPPER_DIGITS}拾佰仟万亿元圆角分整正]*"
    rf"[元圆角分整正])"
)
_PREFILTER = (
    "元",
    "圆",
    "¥",
    "￥",
    "$",
    "€",
    "£",
    "RMB",
    "CNY",
    "USD",
    "EUR",
    "HKD",
    "JPY",
    "GBP",
    "人民币",
    "美金",
    "TWD",
    "MOP",
    "AUD",
    "CAD",
    "SGD",
    "CHF",
)
_mentions_any = contains_any(_PREFILTER)
#: Every amount :func:`find_amounts` reports names one of these (a cheap gate for a block scan).
MONEY_MARKS: tuple[str, ...] = _PREFILTER


def _upper_amounts(text: str) -> list[Amount]:
    from contractkit.money import upper_to_amount

    out: list[Amount] = []
    for m in _UPPER.finditer(text):
        body = m.group("body")
        if not any(ch in body for ch in "元圆角分"):
            continue
        try:
            value = upper_to_amount(body)
        except (ValueError, ArithmeticError):
            continue
        currency = _UPPER_PREFIX.get(m.group("pre") or "", "CNY")
        out.append(Amount(value, currency, True, (m.start(), m.end())))
    return out


def _find_amounts_scan(text: str) -> list[Amount]:
    if not _mentions_any(text):
        return []
    out = _upper_amounts(text) if _mentions_upper(text) else []
    upper_spans = [a.span for a in out]
    for m in _FIGURE.finditer(text):
        pre, suf, num = m.group("pre"), m.group("suf"), m.group("num")
        if not pre and not suf:
            continue
        is_cn = not num[0].isdigit()
        if is_cn and (not suf or not any(ch in _CN_DIGITS for ch in num)):
            continue  # a Chinese numeral needs 元 after it and a digit in it (not the blank "万元")
        span = (m.start(), m.end())
        if any(a < span[1] and span[0] < b for a, b in upper_spans):
            continue
        try:
            value = to_decimal(num) * _MULT[m.group("mult") or ""]
        except (ValueError, ArithmeticError):
            continue
        currency = _PREFIX_CUR[pre] if pre else _SUFFIX_CUR[suf]
        if not pre:
            span = (m.start("num"), m.end())
        if not suf:
            span = (span[0], m.end("mult") if m.group("mult") else m.end("num"))
        out.append(Amount(value, currency, False, span))
    out.sort(key=lambda a: a.span)
    return out


@lru_cache(maxsize=8192)
def _find_amounts_cached(text: str) -> tuple[Amount, ...]:
    return tuple(_find_amounts_scan(text))


def find_amounts(text: str) -> list[Amount]:
    """All money amounts in ``text``, in text order."""
    return list(_find_amounts_cached(text))
