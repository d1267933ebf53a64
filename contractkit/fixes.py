"""Fixes for ``lint --redline``, kept apart from detection: a finding + the document + the playbook → an Edit.

The rules find; this module only proposes what the tracked change writes:

* a rule's own :class:`~contractkit.findings.Fix` (the 大写 regenerated, an Incoterm's edition …) as it is;
* a missing deadline (``payment/trigger-without-deadline``, ``acceptance/vague-window``,
  ``acceptance/window-no-length``) filled with the playbook's preferred days (``[preferred]``, else the
  ``preferred`` / bound of a ``limit`` entry on the same kind of deadline);
* a playbook ``limit`` finding: the offending number (十五日, 10%, 十二个月) brought to the entry's
  ``preferred`` value, else to its bound;
* any other playbook finding with a preferred wording (``fix``): the flagged clause replaced by it, or —
  when the fact is missing altogether — the wording inserted as a new paragraph after the last paragraph of
  the section it belongs in.

Edits never overlap: per paragraph the first (a rule's own fix first) wins and the others stay comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from contractkit.findings import Finding
from contractkit.playbook.load import Entry, Playbook
from contractkit.readers.model import Block, Document

#: built-in rules whose finding is a missing deadline, → the ``[preferred]`` key that fills it
DEADLINE_RULES = {
    "payment/trigger-without-deadline": "payment_days",
    "acceptance/vague-window": "acceptance_days",
    "acceptance/window-no-length": "acceptance_days",
}
#: ``[preferred]`` key → the facts whose ``limit`` entries may stand in for it
_DEADLINE_FACTS = {
    "payment_days": (
        "payment.days_after_trigger",
        "payment.days_after_acceptance",
        "payment.days_after_delivery",
    ),
    "acceptance_days": ("acceptance.window_days",),
}
#: a missing element or fact (by name prefix) → words of the section heading a new clause goes under
_SECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("penalty", ("违约",)),
    ("late_", ("违约",)),
    ("deposit", ("违约", "定金")),
    ("deemed_acceptance", ("验收", "检验")),
    ("objection", ("验收", "检验", "质量")),
    ("acceptance", ("验收", "检验")),
    ("warranty", ("质量", "质保", "保修")),
    ("retention", ("付款", "结算", "质保金")),
    ("payment", ("付款", "结算", "价款")),
    ("delivery", ("交货", "交付", "运输")),
    ("dispute", ("争议", "纠纷")),
    ("confidentiality", ("保密",)),
    ("intellectual_property", ("知识产权",)),
    ("force_majeure", ("不可抗力",)),
    ("termination", ("解除", "终止")),
)
_SUBCLAUSE_END = "，,；;。\n"
_LEAD = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+条|\d+(?:\.\d+)*\.?|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*"
)
_SIGNATURE = re.compile(
    r"[（(](?:盖章|签字|签章|公章)[)）]|(?:盖章|签字|签章|签名|日期|法定代表人|授权代表)[：:]"
)
_PRIORITY = {"rule": 0, "days": 1, "limit": 1, "wording": 2, "insert": 3}


@dataclass(frozen=True, slots=True)
class Edit:
    """One tracked change: ``text`` replaces ``span`` of block ``block``'s text, or (``span`` None) goes in
    a new paragraph after the block. ``note``/``note_en`` say what it does; ``source`` where it came from."""

    block: int
    span: tuple[int, int] | None
    text: str
    note: str
    note_en: str
    source: str

    @property
    def inserts_paragraph(self) -> bool:
        """True for a new paragraph after the block, False for a change inside it."""
        return self.span is None


def plan(findings: Sequence[Finding], doc: Document, book: Playbook | None = None) -> list[Edit | None]:
    """The edit of each finding (None: a comment only), no two edits overlapping in one paragraph."""
    edits = [edit_for(f, doc, book) for f in findings]
    order = sorted(range(len(edits)), key=lambda i: (_PRIORITY[edits[i].source] if edits[i] else 9, i))
    taken: dict[int, list[tuple[int, int]]] = {}
    inserted: set[tuple[int, str]] = set()
    out: list[Edit | None] = [None] * len(edits)
    for i in order:
        e = edits[i]
        if e is None:
            continue
        if e.span is None:
            if (e.block, e.text) not in inserted:
                inserted.add((e.block, e.text))
                out[i] = e
            continue
        spans = taken.setdefault(e.block, [])
        if any(_overlap(e.span, s) for s in spans):
            continue
        spans.append(e.span)
        out[i] = e
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an insertion point conflicts only strictly inside the other range
        point, other = (a, b) if a[0] == a[1] else (b, a)
        return other[0] < point[0] < other[1] or (point == other)
    return a[0] < b[1] and b[0] < a[1]


def block_index(f: Finding, doc: Document) -> int | None:
    """The index in ``doc.blocks`` of the block the finding sits in (None: the document as a whole)."""
    loc = f.location
    if all(getattr(loc, k) is None for k in ("paragraph", "table", "page", "line")):
        return None
    if 0 <= loc.index < len(doc.blocks) and doc.blocks[loc.index].location == loc:
        return loc.index
    key = _key(loc)
    return next((i for i, b in enumerate(doc.blocks) if _key(b.location) == key), None)


def _key(loc: object) -> tuple[object, ...]:
    return tuple(getattr(loc, k, None) for k in ("paragraph", "table", "row", "cell", "page", "line", "part"))


def edit_for(f: Finding, doc: Document, book: Playbook | None = None) -> Edit | None:
    """The tracked change a finding gets, or None when it has no concrete fix (a comment only)."""
    i = block_index(f, doc)
    if f.fix is not None:
        if i is None or not 0 <= f.fix.span[0] <= f.fix.span[1] <= len(doc.blocks[i].text):
            return None
        note = f.fix.note or f"→ {f.fix.replacement}"
        return Edit(i, f.fix.span, f.fix.replacement, note, f.fix.note_en or note, "rule")
    if book is None:
        return None
    if f.rule in DEADLINE_RULES and i is not None and f.span is not None:
        days = deadline_days(book, DEADLINE_RULES[f.rule])
        return _deadline_edit(f.rule, doc.blocks[i], i, f.span, days) if days else None
    entry = book.entries.get(f.rule)
    if entry is None:
        return None
    if i is None or f.span is None:
        return _insert_edit(entry, doc)
    return _limit_edit(entry, doc.blocks[i], i, f.span) or _wording_edit(entry, doc.blocks[i], i, f.span)


def deadline_days(book: Playbook, key: str) -> int | None:
    """The days the playbook fills a missing deadline of kind ``key`` with (``[preferred]`` first)."""
    if key in book.preferred:
        return book.preferred[key]
    for entry in book.entries.values():
        if entry.kind == "limit" and entry.spec["fact"] in _DEADLINE_FACTS.get(key, ()):
            value = entry.spec.get("preferred", entry.spec.get("min", entry.spec.get("max")))
            if value is not None and value == value.to_integral_value() and value > 0:
                return int(value)
    return None


def _deadline_edit(rule: str, block: Block, i: int, span: tuple[int, int], days: int) -> Edit | None:
    text = block.norm
    a, b = span
    if rule == "acceptance/vague-window":
        new = f"{days}日" if text[b : b + 1] == "内" else f"{days}日内"
        zh, en = (
            f"含糊的“{block.text[a:b]}”改为 {days} 日（公司手册的首选期限）",
            f"vague wording → {days} days",
        )
        return Edit(i, (a, b), new, zh, en + " (the playbook's preferred days)", "days")
    stop = _next_stop(text, b) if rule == "payment/trigger-without-deadline" else b
    after = text.find("后", a, min(stop, b + 12))
    if rule == "acceptance/window-no-length" and after == -1:
        return None
    at, new = (after + 1, f"{days}日内") if after != -1 else (b, f"后{days}日内")
    zh = f"补上期限：{days} 日内（公司手册的首选期限）"
    return Edit(
        i, (at, at), new, zh, f"deadline added: within {days} days (the playbook's preferred days)", "days"
    )


def _next_stop(text: str, start: int) -> int:
    ends = [j for j in (text.find(c, start) for c in _SUBCLAUSE_END) if j != -1]
    return min(ends) if ends else len(text)


def _limit_edit(entry: Entry, block: Block, i: int, span: tuple[int, int]) -> Edit | None:
    """A limit finding's number brought to the entry's preferred value (else to the bound it broke)."""
    from contractkit.playbook.facts import FACTS

    if entry.kind != "limit":
        return None
    unit = FACTS[entry.spec["fact"]].unit
    low, high, preferred = entry.spec.get("min"), entry.spec.get("max"), entry.spec.get("preferred")
    for start, end, value in _mentions(block.norm, unit):
        if start < span[0] or end > span[1]:
            continue
        if low is not None and value < low:
            target = preferred if preferred is not None else low
        elif high is not None and value > high:
            target = preferred if preferred is not None else high
        else:
            continue
        shown = f"{target.normalize():f}"
        new = {"days": f"{shown}日", "months": f"{shown}个月", "percent": f"{shown}%"}[unit]
        old = block.text[start:end]
        zh = f"“{old}”改为“{new}”（公司手册：{entry.message}）"
        en = f"'{old}' → '{new}' ({entry.message_en or entry.message})"
        return Edit(i, (start, end), new, zh, en, "limit")
    return None


def _mentions(text: str, unit: str) -> Iterable[tuple[int, int, Decimal]]:
    """Numbers in ``text`` in the fact's unit: (start, end, value) — days, months or percent."""
    if unit == "percent":
        from contractkit.facts.percents import find_percents

        for p in find_percents(text):
            yield p.span[0], p.span[1], p.value
    elif unit in ("days", "months"):
        from contractkit.facts.durations import find_durations

        per_month = {"month": Decimal(1), "year": Decimal(12)}
        per_day = {"day": Decimal(1), "working_day": Decimal("1.4"), "week": Decimal(7), "month": Decimal(30)}
        factors = per_day if unit == "days" else per_month
        for d in find_durations(text):
            if d.unit in factors:
                yield d.span[0], d.span[1], d.value * factors[d.unit]


def _wording_edit(entry: Entry, block: Block, i: int, span: tuple[int, int]) -> Edit | None:
    """The flagged clause (between commas or stops, its number and label kept) → the preferred wording."""
    if not entry.fix:
        return None
    text = block.text
    a = max([text.rfind(c, 0, span[0]) for c in _SUBCLAUSE_END]) + 1
    b = _next_stop(text, max(span[1] - 1, span[0]))
    lead = _LEAD.match(text, a)
    if lead and lead.end() <= span[0]:
        a = lead.end()
    colon = max(text.rfind("：", a, span[0]), text.rfind(":", a, span[0]))
    if colon != -1:
        a = colon + 1
    new = entry.fix.rstrip("。；;，, ")
    if a >= b or text[a:b] == new:
        return None
    zh = f"改为公司手册的首选写法：{new}"
    return Edit(i, (a, b), new, zh, f"replaced by the playbook's preferred wording: {new}", "wording")


def _insert_edit(entry: Entry, doc: Document) -> Edit | None:
    """The preferred wording as a new paragraph after the last paragraph of the section it belongs in."""
    if not entry.fix:
        return None
    anchor = anchor_block(doc, entry)
    if anchor is None:
        return None
    new = entry.fix.rstrip("。；;，, ") + "。"
    zh = f"补入公司手册的首选条款：{new}"
    return Edit(anchor, None, new, zh, f"clause added with the playbook's preferred wording: {new}", "insert")


def anchor_block(doc: Document, entry: Entry) -> int | None:
    """The body paragraph a missing clause is inserted after: the end of its section, else of the last one."""
    name = str(entry.spec.get("element") or entry.spec.get("fact") or "").replace(".", "_")
    words = next((w for prefix, w in _SECTION_WORDS if name.startswith(prefix)), ())
    from contractkit.facts.sections import assign_sections

    body = [
        (i, b)
        for i, b in enumerate(assign_sections(doc.blocks))
        if b.kind in ("paragraph", "line")
        and b.location.table is None
        and getattr(b.location, "part", None) is None
        and (b.location.paragraph is not None or b.location.line is not None)
        and b.text.strip()
    ]
    in_section = [i for i, b in body if words and b.section and any(w in b.section for w in words)]
    if in_section:
        return in_section[-1]
    # no such section: after the last clause of the last section before the signatures (whose blocks hold
    # 盖章 / 签字 / 日期 labels), else the last paragraph
    sections = [(i, b) for i, b in body if b.section]
    clauses = [i for i, b in sections if b.section == sections[-1][1].section] if sections else []
    unsigned = [i for i in clauses if not _SIGNATURE.search(doc.blocks[i].norm)]
    if unsigned:
        return unsigned[-1]
    return sections[-1][0] if sections else (body[-1][0] if body else None)
