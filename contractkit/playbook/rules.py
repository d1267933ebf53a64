"""Playbook entries as lint rules: each a :class:`~contractkit.checks.base.Rule` with id ``playbook/NAME``,
run by the lint engine beside the built-in rules and reported in every output format like them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from contractkit.checks.base import Rule, RuleContext
from contractkit.findings import Finding, Severity
from contractkit.playbook.elements import FACTS as ELEMENT_FACTS
from contractkit.playbook.elements import WORDS as ELEMENT_WORDS
from contractkit.playbook.facts import FACTS, Value
from contractkit.playbook.load import Entry, Playbook
from contractkit.readers.model import Block, Document

_OTHER = {"buyer": "seller", "seller": "buyer"}


def _fold(text: str) -> str:
    return text.lower()


def _clauses(doc: Document, sections: tuple[str, ...] | None) -> Iterator[tuple[Block, int, int, str]]:
    from contractkit.checks._common import all_clauses

    for block, start, end, clause in all_clauses(doc):
        if sections and not any(w in (block.section or "") or w in block.norm for w in sections):
            continue
        yield block, start, end, clause


def _message(entry: Entry, detail_zh: str = "", detail_en: str = "") -> tuple[str, str]:
    zh = entry.message + (f"（{detail_zh}）" if detail_zh else "")
    en = (entry.message_en or entry.message) + (f" ({detail_en})" if detail_en else "")
    return zh, en


def _hint(entry: Entry) -> str | None:
    parts = []
    if entry.fix:
        parts.append(f"建议写法：{entry.fix}")
    if entry.fallback:
        parts.append(f"可接受的备选：{entry.fallback}")
    return "；".join(parts) or None


def _at(ctx: RuleContext, doc: Document, entry: Entry, where: Any, zh: str, en: str) -> Finding:
    if where is None:
        return ctx.report(None, zh, en, hint=_hint(entry))
    return ctx.report(doc.blocks[where.block], zh, en, span=tuple(where.span), hint=_hint(entry))


def _values(doc: Document, fact: str) -> list[Value]:
    from contractkit.contract import contract_of

    return list(FACTS[fact].read(contract_of(doc)))


def _present(doc: Document, entry: Entry) -> bool:
    from contractkit.checks._common import doc_text
    from contractkit.contract import contract_of

    spec = entry.spec
    if "element" in spec:
        element = spec["element"]
        if element in ELEMENT_FACTS:
            return ELEMENT_FACTS[element](contract_of(doc))
        text = _fold(doc_text(doc))
        return any(_fold(w) in text for w in ELEMENT_WORDS[element])
    if "heading" in spec:
        return any(
            any(w in (b.section or "") or (b.kind == "heading" and w in b.norm) for w in spec["heading"])
            for b in doc.blocks
        )
    if "words" in spec:
        text = _fold(doc_text(doc))
        return any(_fold(w) in text for w in spec["words"])
    return bool(_values(doc, spec["fact"]))


def _check_required(entry: Entry) -> Callable[[Document, RuleContext], Iterator[Finding]]:
    def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        from contractkit.checks._common import is_quote

        if is_quote(doc) or _present(doc, entry):
            return
        zh, en = _message(entry)
        yield ctx.report(None, zh, en, hint=_hint(entry))

    return check


def _check_forbidden(entry: Entry) -> Callable[[Document, RuleContext], Iterator[Finding]]:
    spec = entry.spec

    def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        if "fact" in spec:
            allowed = [_fold(v) for v in spec["values"]]
            for v in _values(doc, spec["fact"]):
                if any(a in _fold(str(v.value)) for a in allowed):
                    zh, en = _message(entry, str(v.value), str(v.value))
                    yield _at(ctx, doc, entry, v.where, zh, en)
            return
        for block, start, _end, clause in _clauses(doc, spec.get("section")):
            if "words" in spec:
                low = _fold(clause)
                for w in spec["words"]:
                    i = low.find(_fold(w))
                    if i != -1:
                        zh, en = _message(entry, f"“{w}”", f"“{w}”")
                        yield ctx.report(
                            block, zh, en, span=(start + i, start + i + len(w)), hint=_hint(entry)
                        )
                        break
            else:
                m = spec["pattern"].search(clause)
                if m:
                    zh, en = _message(entry)
                    span = (start + m.start(), start + max(m.end(), m.start() + 1))
                    yield ctx.report(block, zh, en, span=span, hint=_hint(entry))

    return check


def _check_limit(entry: Entry) -> Callable[[Document, RuleContext], Iterator[Finding]]:
    spec = entry.spec
    unit = FACTS[spec["fact"]].unit
    low: Decimal | None = spec.get("min")
    high: Decimal | None = spec.get("max")
    applies = spec["applies_to"]

    def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for v in _values(doc, spec["fact"]):
            if applies != "any":
                if entry.side is None or v.party is None:
                    continue
                mine = v.party == entry.side
                if (applies == "us") != mine:
                    continue
            value = Decimal(v.value)
            shown = f"{value.normalize():f}"
            if low is not None and value < low:
                zh, en = _message(
                    entry, f"{shown} {unit}，底线不少于 {low:f}", f"{shown} {unit}, at least {low:f}"
                )
            elif high is not None and value > high:
                zh, en = _message(
                    entry, f"{shown} {unit}，底线不超过 {high:f}", f"{shown} {unit}, at most {high:f}"
                )
            else:
                continue
            yield _at(ctx, doc, entry, v.where, zh, en)

    return check


def _check_equals(entry: Entry) -> Callable[[Document, RuleContext], Iterator[Finding]]:
    spec = entry.spec

    def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        from contractkit.readers.normalize import normalize

        allowed = [_fold(normalize(v)) for v in spec["values"]]
        for v in _values(doc, spec["fact"]):
            text = _fold(normalize(str(v.value)))
            if not any(a in text or text in a for a in allowed):
                wanted = "、".join(spec["values"])
                zh, en = _message(
                    entry, f"现为“{v.value}”，应为：{wanted}", f"is “{v.value}”, expected {wanted}"
                )
                yield _at(ctx, doc, entry, v.where, zh, en)

    return check


def _check_pattern(entry: Entry) -> Callable[[Document, RuleContext], Iterator[Finding]]:
    spec = entry.spec

    def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        pattern = spec["pattern"]
        if spec["must"] == "present":
            from contractkit.checks._common import is_quote

            if not is_quote(doc) and not any(
                pattern.search(c[3]) for c in _clauses(doc, spec.get("section"))
            ):
                zh, en = _message(entry)
                yield ctx.report(None, zh, en, hint=_hint(entry))
            return
        for block, start, _end, clause in _clauses(doc, spec.get("section")):
            m = pattern.search(clause)
            if m:
                zh, en = _message(entry)
                span = (start + m.start(), start + max(m.end(), m.start() + 1))
                yield ctx.report(block, zh, en, span=span, hint=_hint(entry))

    return check


_BUILDERS = {
    "required": _check_required,
    "forbidden": _check_forbidden,
    "limit": _check_limit,
    "equals": _check_equals,
    "pattern": _check_pattern,
}
_DOCUMENT_KINDS = ("required",)


def entry_rule(entry: Entry) -> Rule:
    """The lint rule of one playbook entry."""
    return Rule(
        id=entry.id,
        title=entry.message[:60],
        title_en=(entry.message_en or entry.message)[:60],
        severity=Severity.parse(entry.severity),
        why=entry.why,
        why_en=entry.message_en or entry.why,
        basis=entry.basis,
        fix=entry.fix or entry.fallback,
        bad=entry.bad,
        good=entry.good,
        params=(),
        check=_BUILDERS[entry.kind](entry),
        scope="document"
        if entry.kind in _DOCUMENT_KINDS or entry.spec.get("must") == "present"
        else "clause",
    )


def playbook_rules(book: Playbook) -> list[Rule]:
    """Every entry of the (stacked) playbook as a rule, in file order."""
    return [entry_rule(e) for e in book.entries.values()]


def example_problems(book: Playbook) -> list[str]:
    """Each example that does not behave (``FILE: playbook/NAME: …``), checked as the built-in rules' are."""
    from contractkit.lint import example_problems as problems_of

    return [f"{e.source}: {p}" for e in book.entries.values() for p in problems_of([entry_rule(e)])]
