"""Rates with their period: 日万分之五, 每日0.05%, 每日万分之三, 千分之三/日, 每逾期一日按…的0.5%,
按日计算…千分之一, 月息1%, 月利率1.5%, 年利率24%, 每天按…的万分之五, 日未交款的3‰, 逾期一天按10%,
每逾期满七日千分之二 (per 7 days), 每月0.05 (a bare decimal: ambiguous, read as 5 %).

``Rate.value`` is a percent per ``every`` × ``per`` (日万分之五 → 0.05 per day). The fraction inside a rate is
never also reported by :func:`contractkit.facts.percents.find_percents`. A fraction that caps a total
(累计不超过逾期金额的5%, 以合同总价的10%为限) is not a rate even after a period cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from functools import lru_cache
from typing import Literal

from contractkit.facts.spans import ARABIC, CN_CHARS, NUMBER, contains_any, to_decimal
from contractkit.numerals import parse_cn_int

Per = Literal["hour", "day", "working_day", "week", "month", "year"]
#: Periods a year; a working day is one of the 250 of a PRC year (365 days less 104 weekend days and 11
#: public holidays: 全年月平均工作天数 20.83 × 12).
_PER_YEAR = {
    "hour": Decimal(8760),
    "day": Decimal(365),
    "working_day": Decimal(250),
    "week": Decimal(52),
    "month": Decimal(12),
    "year": Decimal(1),
}


@dataclass(frozen=True, slots=True)
class Rate:
    """A rate: ``value`` percent per ``every`` ``per`` (日万分之五: 0.05 a day; 每满七日千分之二: 0.2 per 7).

    ``ambiguous`` marks a bare decimal (每月0.05): read as a fraction (5 %), it may also mean 0.05 %.
    """

    value: Decimal
    per: Per
    span: tuple[int, int]
    every: int = 1
    ambiguous: bool = False

    def annual_percent(self) -> Decimal:
        """The rate as percent a year (day ×365, working day ×250, week ×52, month ×12, divided by
        ``every``)."""
        annual = self.value * _PER_YEAR[self.per]
        return annual if self.every == 1 else (annual / self.every).quantize(Decimal("0.0001"))


# A fraction: 万分之五, 千分之三, 百分之三十, 0.05%, 5‰, 5‱ (value in percent via _fraction_value).
#: A decimal written digit by digit in Chinese (〇.〇三%: 0.03 %).
_CN_DECIMAL = "[〇零一二三四五六七八九]+[.．][〇零一二三四五六七八九]+"
#: A decimal whose point a scan lost (0.03 % read as ``0 03 %``): a lone 0, a space, then digits led by a 0 —
#: never a figure of its own (``03 %``), so read as the decimal it was.
_LOST_POINT = r"0\s(?=0\d{0,3}\s*[%‰‱])0\d{0,3}"
FRACTION = (
    rf"(?:(?P<base>万分之|千分之|百分之)\s*(?P<cn>{NUMBER})"
    rf"|(?<![\d.])(?P<ar>{_LOST_POINT}|{ARABIC}|{_CN_DECIMAL})\s*(?P<sign>%|‰|‱))"
)
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九．", "00123456789.")
_FRACTION = re.compile(FRACTION)
_DIVISOR = {"万分之": Decimal(100), "千分之": Decimal(10), "百分之": Decimal(1)}
_SIGN = {"%": Decimal(1), "‰": Decimal(10), "‱": Decimal(100)}
_PER_WORD: dict[str, Per] = {
    "小时": "hour",
    "工作日": "working_day",
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
    ar = m.group("ar").translate(_CN_DIGITS)
    if " " in ar or "\t" in ar:  # 0 03 %: the point a scan lost
        ar = ".".join(ar.split())
    return to_decimal(ar) / _SIGN[m.group("sign")]


# A: the period comes first: 日万分之五, 每日0.05%, 月息1%, 年利率24%, 日利率0.05%.
_PREFIXED = re.compile(
    rf"(?:(?P<p1>每|按|逐)(?P<w1>工作日|日|天|周|月|年)(?:利率|利息|息|费率)?"
    rf"|(?<![\d{CN_CHARS}])(?P<w2>日|天|周|月|年)(?:化利率|化|利率|利息|息|费率)"
    rf"|(?<![\d{CN_CHARS}年月])(?P<w3>日)"
    # 日未交款的3‰ / 按日欠款金额的千分之五: the overdue base stands between the period and the fraction
    rf"|(?<=[为按计以])(?P<w4>日|天|月)[^\d,，。；;]{{0,6}}?(?:未|欠|应付|逾期|迟)[^\d,，。；;]{{0,8}}?的"
    # 每日合同价格的0.1%: a daily rate on a base (no verb between: 每月支付合同总价的10% is an installment)
    rf"|每(?P<w5>工作日|日|天|周|星期)(?:(?!支付|交付|结算|按)[^\d,，。；;]){{1,12}}?的)"
    rf"\s*(?:为|按|是|计|计算)?\s*(?:{FRACTION})"
)
# B: the period follows: 千分之三/日, 0.05%/天, 万分之五每日, 0.05%按日计.
_SUFFIXED = re.compile(
    rf"(?:{FRACTION})\s*(?:[（(]\s*[\d.]+\s*[%‰‱]\s*[)）])?\s*(?:/|每|每个|按|per\s*)"
    r"(?P<w>日|天|周|月|年|day|week|month|year)"
)
#: The same figure restated in digits right after a fraction: 百分之零点五（0.5%）.
_RESTATED = re.compile(r"\s*[（(]\s*[\d.]+\s*[%‰‱]\s*[)）]")
# C: a period cue earlier in the clause binds the first fraction after it: 每逾期一日，按…的0.5%.
_COUNT = r"[一二两三四五六七八九十\d]{1,3}"
_CUE = re.compile(
    r"每(?:逾期|延迟|迟延|延期|超期|拖延|迟交|迟付|晚交|晚付|晚送|迟|晚|逾|拖|多)(?:交货|交付|付款|支付|履行|[交付送到发还给装])?满?"
    rf"(?P<cn>{_COUNT})?个?(?:自然)?(?P<cw>小时|工作日|日|天|周|星期|月|年)"
    r"|(?:按|逐)(?P<cd>日|天)|每(?P<ce>工作日|日|天)(?:按|应|向)"
    # translated: 就每一逾期日按合同价格的1% / 每个迟延日 / 每一延误周
    r"|每(?:一个?|个)?(?:逾期|迟延|延迟|延误|超期|迟交|延期|拖延)(?P<cg>小时|工作日|日|天|周|星期|月)"
    # for each complete week: 就每一完整周支付合同价格百分之零点五
    r"|每(?:一个?|个)?(?:完整的?|整)(?P<ch>周|星期|日|天)"
    r"|(?<!每)(?:逾期|迟延|延迟|超期|迟交|延期|晚交|晚付|晚送|晚|迟|拖)(?:给|交|付|送|到|发|还)?(?:一|1)(?P<cf>日|天)"
    r"(?=[,，]?(?:甲方|乙方|买方|卖方|需方|供方|供应商|采购方|买受人|出卖人)?(?:也|就|都|均|还|则)?"
    r"(?:按|应|须|需|则|加收|收取|罚|扣|赔))"
)
#: Before a fraction after a cue: it caps a total (累计不超过逾期金额的5%), not a rate.
_CAPS_TOTAL = re.compile(
    r"累计|最高|上限|封顶|最多|至多|顶多|(?:总额|总计|合计)不|(?:不超过|不得超过|不高于|不超出)[^,，]+的\s*$"
)
_CAP_AFTER = re.compile(r"\s*(?:为限|为上限|封顶)")
# A bare decimal after a period (每月0.05加收滞纳金): a rate whose unit is not written — ambiguous.
_BARE = re.compile(
    r"(?:每|按)(?P<w>日|天|月)(?:加收|收取|计收|计付|按)?\s*(?P<bare>0\.\d{1,4})"
    r"(?![\d.%‰‱])(?!\s*(?:元|万|倍|吨|个|件|台|只|公斤|千克|kg|米|小时|次|天|日|月|年|人))"
)
# A second fraction joined to a rate shares its period: 每日千分之五的违约金及千分之一的滞纳金.
_CHAINED = re.compile(
    rf"(?:的?(?:违约金|滞纳金|罚息|利息|资金占用费))?\s*(?:以及|及|和|、|另加|加上|并处)\s*(?:按)?\s*(?:{FRACTION})"
)


def _count(raw: str | None) -> int:
    """The number of periods in a cue (满七日 → 7); 1 when none is written or it cannot be read."""
    if not raw:
        return 1
    try:
        return max(1, parse_cn_int(raw))
    except ValueError:
        return 1


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
    fractions = _mentions_any(text)
    if not fractions and "0." not in text:
        return []
    found: list[tuple[Rate, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []

    def add(
        value_m: re.Match[str], per: Per, span: tuple[int, int], frac: tuple[int, int], every: int = 1
    ) -> None:
        if any(a < frac[1] and frac[0] < b for a, b in taken):
            return
        try:
            value = fraction_value(value_m)
        except (ValueError, ArithmeticError):
            return
        restated = _RESTATED.match(text, frac[1])
        if restated:
            frac = (frac[0], restated.end())  # the digits are the same rate, not a percent of their own
        taken.append(frac)
        found.append((Rate(value, per, span, every), frac))

    for m in _PREFIXED.finditer(text) if fractions else ():
        word = m.group("w1") or m.group("w2") or m.group("w3") or m.group("w4") or m.group("w5")
        frac_start = m.start("base") if m.group("base") else m.start("ar")
        add(m, _PER_WORD[word], (m.start(), m.end()), (frac_start, m.end()))
    for m in _SUFFIXED.finditer(text) if fractions else ():
        word = m.group("w")
        per = _EN_PER.get(word) or _PER_WORD[word]
        frac_end = m.end("cn") if m.group("base") else m.end("sign")
        add(m, per, (m.start(), m.end()), (m.start(), frac_end))
    for cue in _CUE.finditer(text) if fractions else ():
        word = (
            cue.group("cw")
            or cue.group("cd")
            or cue.group("ce")
            or cue.group("cf")
            or cue.group("cg")
            or cue.group("ch")
        )
        limit = min(len(text), cue.end() + _CUE_WINDOW)
        brk = _BREAKS.search(text, cue.end(), limit)
        if brk:
            limit = brk.start()
        for fm in _FRACTION.finditer(text, cue.end(), limit):
            frac = (fm.start(), fm.end())
            if any(a < frac[1] and frac[0] < b for a, b in taken):
                break  # already a rate of its own
            seg = max(
                cue.end(), text.rfind(",", cue.end(), fm.start()) + 1, text.rfind("，", 0, fm.start()) + 1
            )
            if _CAPS_TOTAL.search(text, seg, fm.start()) or _CAP_AFTER.match(text, fm.end()):
                break  # the fraction caps a total
            add(fm, _PER_WORD[word], (cue.start(), fm.end()), frac, _count(cue.group("cn")))
            break
    for rate, frac in list(found):
        m = _CHAINED.match(text, frac[1])
        if m:
            start = m.start("base") if m.group("base") else m.start("ar")
            add(m, rate.per, (start, m.end()), (start, m.end()), rate.every)
    for m in _BARE.finditer(text):
        frac = m.span("bare")
        if any(a < frac[1] and frac[0] < b for a, b in taken):
            continue
        taken.append(frac)
        value = Decimal(m.group("bare")) * 100
        found.append((Rate(value, _PER_WORD[m.group("w")], m.span(), 1, True), frac))
    found.sort(key=lambda rf: rf[0].span)
    return found


def find_rates(text: str) -> list[Rate]:
    """All periodic rates in ``text``, in text order."""
    return [r for r, _ in _rate_matches(text)]


def rate_fraction_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the fractions that belong to rates (so percents can leave them out)."""
    return [f for _, f in _rate_matches(text)]


# --- a rate brought to a cap (lint --redline) ---------------------------------------------------------------

#: Chinese fraction bases from coarse to fine, with the percent one unit of each is worth.
_BASES: tuple[tuple[str, Decimal], ...] = (
    ("百分之", Decimal(1)),
    ("千分之", Decimal("0.1")),
    ("万分之", Decimal("0.01")),
)
_SIGNS: dict[str, Decimal] = {"%": Decimal(1), "‰": Decimal("0.1"), "‱": Decimal("0.01")}
_CN_DIGIT_CHARS = "零一二三四五六七八九"


def _floor_two_digits(x: Decimal) -> Decimal:
    """``x`` > 0 cut down to two significant digits (3.2876 → 3.2, 0.032876 → 0.032)."""
    q = Decimal(1).scaleb(x.adjusted() - 1)
    return (x / q).to_integral_value(rounding=ROUND_FLOOR) * q


def _cn_decimal(x: Decimal) -> str:
    """3.2 → 三点二, 12 → 十二, 0.32 → 零点三二 (the way a fraction's number is written in words)."""
    from contractkit.numerals import int_to_cn

    text = f"{x.normalize():f}"
    whole, _, frac = text.partition(".")
    words = int_to_cn(int(whole))
    return words + ("点" + "".join(_CN_DIGIT_CHARS[int(d)] for d in frac) if frac else "")


def capped_fraction(words: str, rate: Rate, cap_annual_pct: Decimal) -> str | None:
    """The fraction ``words`` of ``rate`` (千分之五, 0.1%, 5‰) rewritten as the highest figure of at most
    ``cap_annual_pct`` percent a year over the same period, in the same notation (Chinese words stay words,
    a finer base when the figure falls below one: 每日千分之五 → 万分之三点二); None when it cannot be."""
    m = _FRACTION.match(words.strip())
    if m is None or cap_annual_pct <= 0:
        return None
    per_period = cap_annual_pct * rate.every / _PER_YEAR[rate.per]
    if m.group("base"):
        arabic = any(ch.isdigit() for ch in m.group("cn"))
        start = next(k for k, (b, _u) in enumerate(_BASES) if b == m.group("base"))
        for base, unit in _BASES[start:]:
            figure = _floor_two_digits(per_period / unit)
            if figure >= 1 or base == _BASES[-1][0]:
                break
        number = f"{figure.normalize():f}" if arabic else _cn_decimal(figure)
        return f"{base}{number}"
    sign = m.group("sign")
    figure = _floor_two_digits(per_period / _SIGNS[sign])
    return f"{figure.normalize():f}{sign}"
