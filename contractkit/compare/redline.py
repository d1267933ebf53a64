"""Changes written as Word tracked changes (修订): ``w:del`` + ``w:ins`` over a copy of our .docx.

Runs are split exactly at the changed words (the formatting of the run is kept on both halves and copied to
the inserted text); a deleted run keeps its properties and its text moves to ``w:delText``. An inserted
sentence with no counterpart in ours is added as a new paragraph after the paragraph of the sentence before
it. The original file is never written.
Accepting every change in Word (or :func:`accept_all`) gives their text.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from contractkit.compare.align import Comparison

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


#: CT_PPr's children in the order the schema requires (ECMA-376 Part 1, §17.3.1.26 and CT_PPrBase).
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


class _Ids:
    def __init__(self, start: int = 9000) -> None:
        self.n = start

    def __call__(self) -> str:
        self.n += 1
        return str(self.n)


def _mark(tag: str, author: str, date: str, ids: _Ids) -> Any:
    from lxml import etree

    el = etree.Element(f"{W}{tag}")
    el.set(f"{W}id", ids())
    el.set(f"{W}author", author)
    el.set(f"{W}date", date)
    return el


def _to_deleted(run: Any) -> None:
    for t in run.iter(f"{W}t"):
        t.tag = f"{W}delText"
        t.set(XML_SPACE, "preserve")


def _new_run(text: str, like: Any | None) -> Any:
    from lxml import etree

    r = etree.Element(f"{W}r")
    if like is not None:
        rpr = like.find(f"{W}rPr")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
    t = etree.SubElement(r, f"{W}t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return r


def track_replace(
    p: Any, start: int, end: int, new_text: str, *, author: str, date: str, ids: _Ids | None = None
) -> bool:
    """Mark characters ``start..end`` of paragraph ``p`` deleted and ``new_text`` inserted after them.

    ``start == end`` inserts only. Returns False when the range cannot be isolated into whole runs.
    """
    from contractkit.annotate import _run_texts, anchor_runs

    ids = ids or _Ids()
    runs = anchor_runs(p, start, end) if end > start else []
    if end > start and not runs:
        return False
    if runs:
        pos = 0
        covered = ""
        for r, text in _run_texts(p):
            if r in runs:
                covered += text
            pos += len(text)
        for r in runs:
            wrapper = _mark("del", author, date, ids)
            r.addprevious(wrapper)
            wrapper.append(r)
            _to_deleted(r)
        anchor, like = runs[-1].getparent(), runs[-1]
    else:
        anchor, like = _run_before(p, start)
    if new_text:
        ins = _mark("ins", author, date, ids)
        ins.append(_new_run(new_text, like))
        if anchor is None:
            ppr = p.find(f"{W}pPr")
            if ppr is not None:
                ppr.addnext(ins)
            else:
                p.insert(0, ins)
        else:
            anchor.addnext(ins)
    return True


def _run_before(p: Any, pos: int) -> tuple[Any | None, Any | None]:
    """The run ending at ``pos`` (split if needed): (element to insert after, run to copy format from)."""
    from contractkit.annotate import _run_texts, anchor_runs

    if pos <= 0:
        first = next((r for r, t in _run_texts(p) if t), None)
        return (first.getprevious() if first is not None else None), first
    runs = anchor_runs(p, pos - 1, pos)
    if runs:
        return runs[-1], runs[-1]
    last = None
    for r, _ in _run_texts(p):
        last = r
    return last, last


def insert_paragraph_after(p: Any, text: str, *, author: str, date: str, ids: _Ids) -> Any:
    """A new paragraph after ``p`` holding ``text``, the paragraph itself marked as inserted.

    It takes ``p``'s paragraph properties (style, numbering: a numbered clause gets the next number) without
    a section break or earlier revision marks, and the first run's formatting. The paragraph mark's
    ``w:ins`` comes first in its ``w:rPr``, as CT_ParaRPr requires (ECMA-376 Part 1, §17.3.1.29, §17.13.5.16).
    """
    from lxml import etree

    from contractkit.annotate import _run_texts

    new = etree.Element(f"{W}p")
    ppr = p.find(f"{W}pPr")
    new_ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(f"{W}pPr")
    for tag in ("sectPr", "pPrChange"):
        for el in new_ppr.findall(f"{W}{tag}"):
            new_ppr.remove(el)
    rpr = new_ppr.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.SubElement(new_ppr, f"{W}rPr")
    for tag in ("ins", "del", "moveFrom", "moveTo", "rPrChange"):
        for el in rpr.findall(f"{W}{tag}"):
            rpr.remove(el)
    rpr.insert(0, _mark("ins", author, date, ids))
    rank = {f"{W}{name}": i for i, name in enumerate(PPR_ORDER)}
    new_ppr[:] = sorted(
        new_ppr, key=lambda el: rank.get(el.tag, len(rank))
    )  # a draft's own disorder not copied
    new.append(new_ppr)
    ins = _mark("ins", author, date, ids)
    like = next((r for r, t in _run_texts(p) if t), None)
    ins.append(_new_run(text, like))
    new.append(ins)
    p.addnext(new)
    return new


_insert_paragraph_after = insert_paragraph_after


def apply_changes(document: Any, comparison: Comparison, *, author: str, date: str) -> int:
    """Write every change of ``comparison`` into the python-docx ``document`` (ours); returns how many."""
    from contractkit.annotate import iter_paragraphs, location_key

    paras = dict(iter_paragraphs(document.element.body))
    blocks = comparison.ours.blocks
    ids = _Ids()
    edits: list[tuple[int, int, int, str]] = []  # (block, start, end, new text)
    appended: dict[int, list[str]] = {}
    last_block = 0
    count = 0
    for ch in comparison.changes:
        if ch.ours:
            last_block = ch.ours[-1].block
        if ch.kind == "deleted":
            for u in ch.ours:
                edits.append((u.block, u.start, u.start + len(u.text), ""))
        elif ch.kind == "inserted":
            appended.setdefault(last_block, []).extend(u.text for u in ch.theirs)
        elif ch.kind in ("changed", "moved"):
            for op in ch.ops:
                if op.at is not None:
                    edits.append((op.at[0], op.at[1], op.at[2], op.theirs))
        count += 1
    # right to left inside each paragraph, so earlier offsets stay valid
    for block, start, end, new in sorted(edits, key=lambda e: (e[0], -e[1])):
        p = paras.get(location_key(blocks[block].location))
        if p is not None:
            track_replace(p, start, end, new, author=author, date=date, ids=ids)
    for block, texts in appended.items():
        p = paras.get(location_key(blocks[block].location)) if blocks else None
        if p is None:
            continue
        for text in reversed(texts):
            insert_paragraph_after(p, text, author=author, date=date, ids=ids)
    return count


def write_redline(
    ours_docx: str | Path, comparison: Comparison, out: str | Path, *, author: str = "contractkit"
) -> int:
    """Write a copy of ``ours_docx`` with the comparison's changes as tracked changes; returns how many."""
    import docx

    from contractkit.errors import UsageError
    from contractkit.fileio import atomic_path, read_bounded

    if Path(out).resolve() == Path(ours_docx).resolve():
        raise UsageError(
            "--redline must name a new file, not our draft itself",
            path=str(out),
            zh="--redline 须指定一个新文件，不能是我方版本本身",
        )
    if not str(ours_docx).lower().endswith(".docx"):
        raise UsageError(
            "--redline needs our version as a .docx",
            path=str(ours_docx),
            zh="--redline 需要我方版本为 .docx 文件",
        )
    document = docx.Document(io.BytesIO(read_bounded(ours_docx)))
    date = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    count = apply_changes(document, comparison, author=author, date=date)
    with atomic_path(out) as tmp:
        document.save(str(tmp))
    return count


def accept_all(xml_elements: Iterable[Any]) -> None:
    """Accept every tracked change in the given elements: drop ``w:del``, unwrap ``w:ins``."""
    for root in xml_elements:
        for d in list(root.iter(f"{W}del")):
            d.getparent().remove(d)
        for ins in list(root.iter(f"{W}ins")):
            parent = ins.getparent()
            if parent.tag == f"{W}rPr":
                parent.remove(ins)
                continue
            idx = parent.index(ins)
            for child in list(ins):
                parent.insert(idx, child)
                idx += 1
            parent.remove(ins)
