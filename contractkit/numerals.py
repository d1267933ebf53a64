"""Chinese and Arabic numerals in running text: ``"一百二十"`` → 120, ``"三点五"`` → Decimal("3.5").

Written here rather than with cn2an: ``cn2an.cn2an("15", "smart")`` returns the float 15.0 and its
import costs ~0.1 s; this parser is small, exact (int / Decimal) and accepts 小写 and 大写 characters,
两, 〇, full-width digits and the colloquial shorthand 一万五 = 15000, 三千五 = 3500.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["CN_NUM_CHARS", "int_to_cn", "parse_cn_decimal", "parse_cn_int"]

_DIGIT_CHARS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "貳": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "叄": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

#: Every character of a Chinese integer numeral (小写, 大写, traditional variants); 点 is not included.
CN_NUM_CHARS = "".join([*_DIGIT_CHARS, *_SMALL_UNITS, *_BIG_UNITS])

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC_INT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_ARABIC_DEC = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")


def _bad(text: str, why: str) -> ValueError:
    return ValueError(f"not a number: {text!r} ({why})")


def _parse_units(text: str, s: str) -> int:
    total = 0  # value of completed 万/亿 groups
    section = 0  # value of the current group
    digit: int | None = None
    last_unit = 10_000  # small units decrease inside a group
    last_big = 0  # the big unit that closed the previous group
    zero = False
    for i, ch in enumerate(s):
        if ch in _DIGIT_CHARS:
            d = _DIGIT_CHARS[ch]
            if d == 0:
                if digit is not None:
                    raise _bad(text, f"零 after the digit {s[i - 1]}")
                zero = True
                continue
            if digit is not None:
                raise _bad(text, f"two digits in a row: {s[i - 1]}{ch}")
            digit = d
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if digit is None:
                if unit == 10 and section == 0 and not zero:
                    digit = 1  # 十五, 十万
                else:
                    raise _bad(text, f"unit {ch} without a digit")
            if unit >= last_unit:
                raise _bad(text, f"misplaced unit {ch}")
            section += digit * unit
            last_unit, digit, zero = unit, None, False
        else:  # big unit
            big = _BIG_UNITS[ch]
            section += _trailing(digit, last_unit, last_big, zero)
            if section == 0 and (big == 10_000 or total == 0):
                raise _bad(text, f"{ch} without a number before it")
            if big == 100_000_000:
                total = (total + section) * big
            else:
                if last_big == 10_000:
                    raise _bad(text, "万 twice")
                total += section * big
            section, digit, last_unit, last_big, zero = 0, None, 10_000, big, False
    return total + section + _trailing(digit, last_unit, last_big, zero)


def _trailing(digit: int | None, last_unit: int, last_big: int, zero: bool) -> int:
    """A bare digit ending a group: units, or the shorthand 三千五 = 3500 / 一万五 = 15000."""
    if digit is None:
        return 0
    if zero:
        return digit
    if 100 <= last_unit < 10_000:
        return digit * last_unit // 10
    if last_unit == 10_000 and last_big:
        return digit * last_big // 10
    return digit


def parse_cn_int(text: str) -> int:
    """``"十五"`` → 15, ``"三千零五"`` → 3005, ``"两"`` → 2, ``"１５"`` → 15, ``"二〇二四"`` → 2024.

    ValueError for anything else."""
    s = text.strip().translate(_FULL_WIDTH)
    if not s:
        raise _bad(text, "empty")
    if _ARABIC_INT.fullmatch(s):
        return int(s.replace(",", ""))
    bad = [ch for ch in s if ch not in _DIGIT_CHARS and ch not in _SMALL_UNITS and ch not in _BIG_UNITS]
    if bad:
        raise _bad(text, f"unexpected character {bad[0]!r}")
    if all(ch in _DIGIT_CHARS for ch in s) and (len(s) == 1 or "两" not in s):
        return int("".join(str(_DIGIT_CHARS[ch]) for ch in s))  # 二〇二四 = 2024
    return _parse_units(text, s)


def parse_cn_decimal(text: str) -> Decimal:
    """``"三点五"`` → Decimal("3.5"), ``"0.05"`` → Decimal("0.05"), integers as :func:`parse_cn_int`."""
    s = text.strip().translate(_FULL_WIDTH)
    if _ARABIC_DEC.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(_DIGIT_CHARS.get(ch) is None for ch in frac):
            raise _bad(text, "digits after 点 must be single numerals such as 三点一四")
        int_part = parse_cn_int(whole) if whole else 0
        return Decimal(f"{int_part}.{''.join(str(_DIGIT_CHARS[ch]) for ch in frac)}")
    return Decimal(parse_cn_int(s))


_LOWER = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"


def int_to_cn(n: int, *, upper: bool = False) -> str:
    """0 ≤ n < 10**12 → ``"一百二十"`` (``upper=True``: ``"壹佰贰拾"``); 小写 writes 10–19 as 十…."""
    if n < 0 or n >= 10**12:
        raise ValueError(f"out of range: {n}")
    digits_ch = _UPPER if upper else _LOWER
    units = ("", "拾", "佰", "仟") if upper else ("", "十", "百", "千")
    if n == 0:
        return digits_ch[0]
    digits = str(n)
    out: list[str] = []
    pending_zero = group_nonzero = False
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        d = int(ch)
        if d == 0:
            pending_zero = bool(out)
        else:
            if pending_zero:
                out.append(digits_ch[0])
                pending_zero = False
            out.append(digits_ch[d] + units[pos % 4])
            group_nonzero = True
        if pos % 4 == 0:
            if group_nonzero:
                out.append(("", "万", "亿")[pos // 4])
                pending_zero = False
            group_nonzero = False
    text = "".join(out)
    if not upper and text.startswith("一十"):
        text = text[1:]
    return text
