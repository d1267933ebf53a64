"""Align two versions sentence by sentence, then diff the changed ones word by word.

1. Units (:mod:`~contractkit.compare.units`) are aligned on their keys with :class:`difflib.SequenceMatcher`;
   a clause that only got a new number is *renumbered*, not changed.
2. Inside each region that differs: when the joined keys are equal, only the sentence boundaries moved (a
   PDF wraps differently) and nothing is reported; otherwise sentences are paired by similarity and each
   pair becomes a *changed* clause with word-level operations; the rest are *deleted* / *inserted*.
3. A deleted sentence that reappears elsewhere (similar enough) is a *move*, not a delete plus an insert.

Changes are found on the normalized characters without white space (so full-width, Traditional and re-wrapped
text are equal), joined when only a character or two apart, and widened to whole Latin words and numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

from contractkit.compare.units import Unit, units_of
from contractkit.readers.model import Document

Kind = Literal["changed", "inserted", "deleted", "moved"]
OpKind = Literal["replace", "delete", "insert"]

#: Changes this few equal characters apart are one change (万分之三 → 千分之一, not 万→千 and 三→一).
MERGE_GAP = 2
#: Two sentences are the same clause, changed, from this similarity on.
PAIR_RATIO = 0.5
#: A deleted and an inserted sentence are one moved clause from this similarity on.
MOVE_RATIO = 0.85


@dataclass(frozen=True, slots=True)
class Op:
    """One word-level change: ``ours`` replaced by ``theirs``; ``at`` = (block, start, end) in our text."""

    op: OpKind
    ours: str
    theirs: str
    at: tuple[int, int, int] | None = None
    theirs_at: tuple[int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """A clause that differs: its units on each side and the word-level operations."""

    kind: Kind
    ours: tuple[Unit, ...]
    theirs: tuple[Unit, ...]
    ops: tuple[Op, ...] = ()


@dataclass
class Comparison:
    """The result: every change in our document order, and the clauses that were only renumbered."""

    ours: Document
    theirs: Document
    changes: list[Change] = field(default_factory=list)
    renumbered: list[tuple[Unit, Unit]] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.changes


def _chars(units: tuple[Unit, ...], doc: Document) -> tuple[str, list[tuple[int, int]]]:
    """The units' normalized text without white space (and page furniture), with each character's place."""
    from contractkit.compare.units import _blank_out, furniture_spans

    furniture = furniture_spans(doc) if doc.kind == "pdf" else {}
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    for u in units:
        norm = doc.blocks[u.block].norm
        if u.block in furniture:
            norm = _blank_out(norm, furniture[u.block])
        for k in range(u.start, u.end):
            ch = norm[k]
            if not ch.isspace() and not "\u2500" <= ch <= "\u257f":
                chars.append(ch)
                where.append((u.block, k))
    return "".join(chars), where


_TOKEN_CHAR = re.compile(r"[A-Za-z0-9.,%‰:/\-]")


def _widen(a: str, b: str, i1: int, i2: int, j1: int, j2: int) -> tuple[int, int, int, int]:
    """Widen a change to whole Latin words and numbers (1,180.00 → 1,280.00, not 1 → 2)."""

    def tok(s: str, k: int) -> bool:
        return 0 <= k < len(s) and _TOKEN_CHAR.match(s[k]) is not None

    while i1 > 0 and j1 > 0 and tok(a, i1 - 1) and (tok(a, i1) or tok(b, j1)) and a[i1 - 1] == b[j1 - 1]:
        i1, j1 = i1 - 1, j1 - 1
    while (
        i2 < len(a) and j2 < len(b) and tok(a, i2) and (tok(a, i2 - 1) or tok(b, j2 - 1)) and a[i2] == b[j2]
    ):
        i2, j2 = i2 + 1, j2 + 1
    return i1, i2, j1, j2


def word_ops(ours: tuple[Unit, ...], theirs: tuple[Unit, ...], a: Document, b: Document) -> tuple[Op, ...]:
    """The word-level operations that turn our sentences into theirs (white space is no change)."""
    ca, wa = _chars(ours, a)
    cb, wb = _chars(theirs, b)
    sm = SequenceMatcher(None, ca, cb, autojunk=False)
    ops: list[Op] = []
    for _tag, i1, i2, j1, j2 in _merged(sm.get_opcodes()):
        i1, i2, j1, j2 = _widen(ca, cb, i1, i2, j1, j2)
        kind: OpKind = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
        at = _place(wa, i1, i2)
        theirs_at = _place(wb, j1, j2) if j1 < j2 else None
        ops.append(Op(kind, _original(a, wa, i1, i2), _original(b, wb, j1, j2), at, theirs_at))
    return tuple(ops)


def _place(where: list[tuple[int, int]], i1: int, i2: int) -> tuple[int, int, int] | None:
    """(block, start, end) of characters ``i1..i2`` (within the first block); an insertion point if empty."""
    if not where:
        return None
    if i1 >= i2:  # insertion: just after the previous character
        if i1 == 0:
            blk, k = where[0]
            return (blk, k, k)
        blk, k = where[i1 - 1]
        return (blk, k + 1, k + 1)
    blk, start = where[i1]
    last = i1
    while last + 1 < i2 and where[last + 1][0] == blk:
        last += 1
    return (blk, start, where[last][1] + 1)


def _original(doc: Document, where: list[tuple[int, int]], i1: int, i2: int) -> str:
    """The original text of characters ``i1..i2`` (white space inside kept, blocks joined by a space)."""
    if i1 >= i2:
        return ""
    parts: list[str] = []
    blk, start = where[i1]
    end = start + 1
    for k in range(i1 + 1, i2):
        b, off = where[k]
        if b == blk:
            end = off + 1
        else:
            parts.append(doc.blocks[blk].text[start:end])
            blk, start, end = b, off, off + 1
    parts.append(doc.blocks[blk].text[start:end])
    return " ".join(parts)


def _merged(opcodes: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """The non-equal opcodes, neighbours separated by at most ``MERGE_GAP`` equal characters joined."""
    out: list[list] = []
    gap: int | None = None  # length of the equal run since the last change
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            gap = i2 - i1
            continue
        if out and gap is not None and gap <= MERGE_GAP:
            out[-1][2], out[-1][4] = i2, j2
        else:
            out.append([tag, i1, i2, j1, j2])
        gap = None
    return [tuple(op) for op in out]  # type: ignore[misc]


def _rewrite(u: Unit, v: Unit, a: Document) -> tuple[Op, ...]:
    """A sentence replaced by an unrelated one: one operation over the whole sentence."""
    return (Op("replace", u.text, v.text, (u.block, u.start, u.start + len(u.text)), None),)


def _rewrite_all(ours: tuple[Unit, ...], theirs: tuple[Unit, ...]) -> tuple[Op, ...]:
    """Sentences of one paragraph replaced by unrelated ones: one operation over them."""
    first, last = ours[0], ours[-1]
    return (
        Op(
            "replace",
            " ".join(u.text for u in ours),
            " ".join(v.text for v in theirs),
            (first.block, first.start, last.start + len(last.text)),
            None,
        ),
    )


def _similarity(x: str, y: str) -> float:
    """Plain similarity of two keys (0..1)."""
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def _ratio(x: str, y: str) -> float:
    sm = SequenceMatcher(None, x, y, autojunk=False)
    return sm.ratio() if sm.real_quick_ratio() >= PAIR_RATIO and sm.quick_ratio() >= PAIR_RATIO else 0.0


def _region(
    ua: list[Unit], ub: list[Unit], a: Document, b: Document
) -> tuple[list[Change], list[Unit], list[Unit]]:
    """Pair the sentences of one differing region: (changed pairs, left-over ours, left-over theirs)."""
    joined_a, joined_b = "".join(u.key for u in ua), "".join(u.key for u in ub)
    if joined_a == joined_b:
        return [], [], []
    if ua and ub and len(ua) != len(ub) and _ratio(joined_a, joined_b) >= 0.8:
        # re-split sentences with a change inside: one change over the whole region
        return [Change("changed", tuple(ua), tuple(ub), word_ops(tuple(ua), tuple(ub), a, b))], [], []
    changes: list[Change] = []
    left_a: list[Unit] = []
    used: set[int] = set()
    nxt = 0
    for u in ua:
        same = next((j for j in range(nxt, len(ub)) if u.number and ub[j].number == u.number), None)
        if same is not None:  # the same clause number: the same clause, changed
            used.add(same)
            nxt = same + 1
            v = ub[same]
            sim = _similarity(u.key, v.key)
            changes.append(
                Change("changed", (u,), (v,), word_ops((u,), (v,), a, b) if sim >= 0.3 else _rewrite(u, v, a))
            )
            continue
        best, best_j = 0.0, -1
        for j in range(nxt, len(ub)):
            r = _ratio(u.key, ub[j].key)
            if r > best:
                best, best_j = r, j
        if best >= PAIR_RATIO:
            used.add(best_j)
            nxt = best_j + 1
            v = ub[best_j]
            changes.append(Change("changed", (u,), (v,), word_ops((u,), (v,), a, b)))
        else:
            left_a.append(u)
    left_b = [v for j, v in enumerate(ub) if j not in used]
    if left_a and left_b and len({u.block for u in left_a}) == 1 and len({v.block for v in left_b}) == 1:
        # one paragraph or cell rewritten: one change
        ta, tb = tuple(left_a), tuple(left_b)
        sim = _similarity("".join(u.key for u in ta), "".join(v.key for v in tb))
        ops = word_ops(ta, tb, a, b) if sim >= 0.3 else _rewrite_all(ta, tb)
        changes.append(Change("changed", ta, tb, ops))
        changes.sort(key=lambda c: (c.ours[0].block, c.ours[0].start))
        return changes, [], []
    if left_a and len(left_a) == len(left_b):  # sentences rewritten in place: changes, not deletes + inserts
        for u, v in zip(left_a, left_b, strict=True):
            sim = _similarity(u.key, v.key)
            ops = word_ops((u,), (v,), a, b) if sim >= 0.3 else _rewrite(u, v, a)
            changes.append(Change("changed", (u,), (v,), ops))
        changes.sort(key=lambda c: (c.ours[0].block, c.ours[0].start))
        return changes, [], []
    return changes, left_a, left_b


def compare_documents(ours: Document, theirs: Document) -> Comparison:
    """Every difference between ``ours`` and ``theirs`` (see the module docstring)."""
    ua, ub = units_of(ours), units_of(theirs)
    sm = SequenceMatcher(None, [u.key for u in ua], [u.key for u in ub], autojunk=False)
    result = Comparison(ours, theirs)
    deleted: list[Unit] = []
    inserted: list[Unit] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for x, y in zip(ua[i1:i2], ub[j1:j2], strict=True):
                if x.number and y.number and x.number != y.number:
                    result.renumbered.append((x, y))
            continue
        changes, left_a, left_b = _region(ua[i1:i2], ub[j1:j2], ours, theirs)
        result.changes.extend(c for c in changes if c.ops)
        deleted.extend(left_a)
        inserted.extend(left_b)
    for v in inserted:
        best, best_u = 0.0, None
        for u in deleted:
            r = 1.0 if u.key == v.key else _ratio(u.key, v.key)
            if r > best:
                best, best_u = r, u
        if best_u is not None and best >= MOVE_RATIO:
            deleted.remove(best_u)
            ops = () if best_u.key == v.key else word_ops((best_u,), (v,), ours, theirs)
            result.changes.append(Change("moved", (best_u,), (v,), ops))
        else:
            result.changes.append(Change("inserted", (), (v,)))
    result.changes.extend(Change("deleted", (u,), ()) for u in deleted)
    result.changes = _grouped(sorted(result.changes, key=_order))
    if "pdf" in (ours.kind, theirs.kind) and ours.kind != theirs.kind:
        result.changes = [c for c in map(_table_wrap_noise, result.changes) if c is not None]
    result.changes.sort(key=_order)
    return result


def _grouped(changes: list[Change]) -> list[Change]:
    """Consecutive whole-sentence inserts (or deletes) of one paragraph, or of adjacent ones (a deleted list
    of sub-clauses), become one change."""
    out: list[Change] = []
    for c in changes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.kind == prev.kind == "deleted"
            and c.ours[0].block - prev.ours[-1].block in (0, 1)
        ):
            out[-1] = Change("deleted", prev.ours + c.ours, ())
        elif (
            prev is not None
            and c.kind == prev.kind == "inserted"
            and c.theirs[0].block - prev.theirs[-1].block in (0, 1)
        ):
            out[-1] = Change("inserted", (), prev.theirs + c.theirs)
        else:
            out.append(c)
    return out


def _table_wrap_noise(c: Change) -> Change | None:
    """Across a PDF and a Word file, a table cell's wrapped words land elsewhere in the PDF's reading order:
    in a table, a word deleted in one place and the same word inserted in another is no change."""
    if c.kind != "changed" or not c.ours or c.ours[0].location.table is None:
        return c
    deleted = [op.ours for op in c.ops if op.op == "delete"]
    inserted = [op.theirs for op in c.ops if op.op == "insert"]
    cancel = {w for w in deleted if w in inserted}
    if not cancel:
        return c
    ops = tuple(
        op for op in c.ops if not (op.op in ("delete", "insert") and (op.ours or op.theirs) in cancel)
    )
    return Change(c.kind, c.ours, c.theirs, ops) if ops else None


def _order(c: Change) -> tuple[int, int, int]:
    if c.ours:
        return (c.ours[0].block, c.ours[0].start, 0)
    return (c.theirs[0].block, c.theirs[0].start, 1)


def compare_paths(ours: str | Path, theirs: str | Path, *, max_bytes: int | None = None) -> Comparison:
    """Read both files (any format the readers take) and compare them."""
    from contractkit.readers.dispatch import read_document

    kwargs = {"max_bytes": max_bytes} if max_bytes is not None else {}
    return compare_documents(read_document(str(ours), **kwargs), read_document(str(theirs), **kwargs))
