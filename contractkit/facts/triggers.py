"""Trigger events (合同签订后, 合同生效后, 发货/到货后, 安装调试完成后, 验收合格后, 收到发票后,
质保期满, a date) and the deadline bounding them (验收合格后5个工作日内 → 5 working days).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from contractkit.facts.durations import Duration, find_durations
from contractkit.facts.spans import contains_any

Event = Literal[
    "contract_signed",
    "contract_effective",
    "delivery",
    "arrival",
    "installation",
    "acceptance",
    "invoice_received",
    "warranty_end",
    "fixed_date",
    "payment",
]

#: Words after a duration that make it a deadline ("5个工作日内", "十日之前").
DEADLINE_WORDS: tuple[str, ...] = ("以内", "之内", "之前", "以前", "内", "前", "为限")


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event a payment or window starts from."""

    event: Event
    span: tuple[int, int]


_AFTER = r"(?:之日起|之日后|之日|日起|当日|后|起|时)"
_GAP = r"[^，,。；;：:\n]{0,12}?"  # a few characters of object/qualifier, within one clause
_PATTERNS: list[tuple[Event, str]] = [
    ("contract_signed", rf"(?:签订|签署|签字|签约|订立|盖章)(?:本|该)?(?:合同|协议)?(?:生效)?{_AFTER}"),
    ("contract_effective", rf"(?:合同|协议)?生效{_AFTER}"),
    ("delivery", rf"(?:发货|交货|交付|发运|出货|供货|提货)(?:完成|完毕)?{_AFTER}"),
    (
        "arrival",
        rf"(?:到货|货到|货物(?:运抵|送达|到达)|送达|运抵|收货|收到(?:全部)?(?:货物|产品|设备|标的物)|到达(?:现场|指定地点))"
        rf"(?:(?:交付|交货|指定|约定|目的)?(?:地点|地|港|现场))?(?:完成|完毕)?{_AFTER}",
    ),
    ("installation", rf"安装(?:调试)?(?:完成|完毕|结束|合格)?{_AFTER}|调试(?:完成|完毕|合格){_AFTER}?"),
    ("acceptance", rf"(?<!视为)(?:终验|初验|验收)(?:合格|通过|完成|完毕|结束)(?:{_AFTER})?"),
    ("invoice_received", rf"(?:收到|开具|提交|提供|出具){_GAP}发票(?:{_AFTER})?"),
    (
        "warranty_end",
        rf"(?:质保期|保修期|质量保证期|保质期|质保金期限)(?:满|届满|期满|结束|到期|截止)(?:{_AFTER})?",
    ),
    (
        "fixed_date",
        r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:之前|以前|前|止|之日起|起|当日)?"
        r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:之前|以前|前|止|起)?",
    ),
    (
        "payment",
        rf"(?:支付|付款|付清|缴纳|缴付|收到|收讫){_GAP}(?:款|费|费用|价款|货款|预付款|首付款){_AFTER}",
    ),
]
_TRIGGER = re.compile("|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)))
_EVENTS: dict[str, Event] = {f"g{i}": e for i, (e, _) in enumerate(_PATTERNS)}
_PREFILTER = (
    "签",
    "订立",
    "盖章",
    "生效",
    "货",
    "交付",
    "送达",
    "运抵",
    "到达",
    "安装",
    "调试",
    "验",
    "发票",
    "期",
    "年",
    "-",
    "/",
    ".",
    "付",
    "缴",
    "收",
)
_mentions_any = contains_any(_PREFILTER)


def _find_triggers_scan(text: str) -> list[Trigger]:
    if not _mentions_any(text):
        return []
    out: list[Trigger] = []
    for m in _TRIGGER.finditer(text):
        group = m.lastgroup
        if group is None:
            continue
        out.append(Trigger(_EVENTS[group], (m.start(), m.end())))
    return out


_DEADLINE_GAP = 16
_BREAKS = "。；;\n"
_BOUND_BEFORE = ("不超过", "不得超过", "最迟", "最晚", "最长")


def find_deadline(text: str, after: int) -> Duration | None:
    """The duration bounding a trigger that ends at offset ``after`` (验收合格后5个工作日内 → 5 working days).

    Looks a few characters ahead within the clause for a duration followed by 内/以内/之内/前…
    (or preceded by 不超过/最迟); None when there is none ("验收合格后支付").
    """
    end = min(len(text), after + _DEADLINE_GAP + 12)
    for i in range(after, end):
        if text[i] in _BREAKS:
            end = i
            break
    window = text[after:end]
    for d in find_durations(window):
        if d.span[0] > _DEADLINE_GAP:
            break
        tail = window[d.span[1] :].lstrip()
        head = window[: d.span[0]]
        if tail.startswith(DEADLINE_WORDS) or head.rstrip().endswith(_BOUND_BEFORE):
            return Duration(d.value, d.unit, (d.span[0] + after, d.span[1] + after))
    return None


@lru_cache(maxsize=8192)
def _find_triggers_cached(text: str) -> tuple[Trigger, ...]:
    return tuple(_find_triggers_scan(text))


def find_triggers(text: str) -> list[Trigger]:
    """All trigger events in ``text``, in text order."""
    return list(_find_triggers_cached(text))
