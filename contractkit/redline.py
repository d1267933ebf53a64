"""``lint --redline``: a reviewed copy of a .docx draft — each concrete fix a tracked change, every finding
a comment.

:func:`contractkit.fixes.plan` says what each finding's change is (a rule's own Fix — the 大写 regenerated,
an Incoterm's edition made explicit …; a missing deadline filled with the playbook's preferred days; a
playbook limit brought to its preferred value; the playbook's preferred wording for the rest). Each becomes
a Word tracked change (``w:del`` + ``w:ins``, author and date) at the exact words, or an inserted paragraph
after the one where the fact is missing, plus a comment with the reason and basis; a finding without one
becomes a comment only. The original is never changed. Accepting all changes gives a text on which the fixed
findings no longer fire.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contractkit.findings import Finding

if TYPE_CHECKING:
    from contractkit.fixes import Edit
    from contractkit.playbook.load import Playbook
    from contractkit.readers.model import Document


def redline_text(f: Finding, lang: str = "zh", edit: Edit | None = None) -> str:
    """The comment on a finding: message, rule id, basis and, for a fix, what the tracked change does."""
    from contractkit.annotate import comment_text

    body = comment_text(f, lang)
    note = ""
    if edit is not None:
        note = edit.note_en if lang == "en" and edit.note_en else edit.note
    elif f.fix is not None:
        note = (f.fix.note_en if lang == "en" and f.fix.note_en else f.fix.note) or f"→ {f.fix.replacement}"
    if note:
        body += "\n" + ("修订：" if lang == "zh" else "Tracked change: ") + note
    return body


def redline_docx(
    src: str | Path,
    findings: Iterable[Finding],
    out: str | Path,
    *,
    author: str = "contractkit",
    lang: str = "zh",
    book: Playbook | None = None,
    doc: Document | None = None,
) -> tuple[int, int]:
    """Write the reviewed copy of ``src`` to ``out``; returns (tracked changes, comments).

    ``book`` (the playbook the draft was linted with) supplies preferred days and wording; ``doc`` is the
    read draft (read again from ``src`` when not given).
    """
    import docx

    from contractkit.annotate import _run_texts, iter_paragraphs, location_key
    from contractkit.compare.redline import _Ids
    from contractkit.errors import UsageError
    from contractkit.fileio import atomic_path, read_bounded
    from contractkit.fixes import plan

    if Path(out).resolve() == Path(src).resolve():
        raise UsageError(
            "--redline must name a new file, not the draft itself",
            path=str(out),
            zh="--redline 须指定一个新文件，不能是草稿本身",
        )
    findings = list(findings)
    if doc is None:
        from contractkit.readers.dispatch import read_document

        doc = read_document(src)
    edits = plan(findings, doc, book)
    document = docx.Document(io.BytesIO(read_bounded(src)))
    paras = dict(iter_paragraphs(document.element.body))
    first = next((p for p in paras.values() if "".join(t for _, t in _run_texts(p)).strip()), None)
    date = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    ids = _Ids()
    comments = 0
    replaced: list[tuple[Any, Edit]] = []
    inserted = 0
    last: dict[int, Any] = {}  # anchor paragraph → the paragraph inserted last after it (keeps their order)
    for f, e in zip(findings, edits, strict=True):
        p = paras.get(location_key(doc.blocks[e.block].location)) if e is not None else None
        if e is not None and (p is None or "".join(t for _, t in _run_texts(p)) != doc.blocks[e.block].text):
            e = None  # the paragraph is not the block the fix was computed on: a comment only
        if e is not None and e.span is None:
            from contractkit.compare.redline import insert_paragraph_after

            target = insert_paragraph_after(last.get(id(p), p), e.text, author=author, date=date, ids=ids)
            last[id(p)] = target
            comments += _comment(document, target, None, f, lang, author, e)
            inserted += 1
            continue
        if e is not None:
            replaced.append((p, e))
        target = p if p is not None else _paragraph_of(f, paras, first)
        if target is None:
            continue
        span = e.span if e is not None else None
        comments += _comment(document, target, span, f, lang, author, e)
    from contractkit.compare.redline import track_replace

    changes = inserted
    # right to left within each paragraph, so the earlier offsets stay valid
    for p, e in sorted(replaced, key=lambda x: (id(x[0]), -x[1].span[0])):  # type: ignore[index]
        start, end = e.span  # type: ignore[misc]
        if track_replace(p, start, end, e.text, author=author, date=date, ids=ids):
            changes += 1
    with atomic_path(out) as tmp:
        document.save(str(tmp))
    return changes, comments


def _paragraph_of(f: Finding, paras: dict, first: Any) -> Any:
    from contractkit.annotate import location_key

    key = location_key(f.location)
    p = paras.get(key) if key[0] is not None else None
    return p if p is not None else first


def _comment(
    document: Any, p: Any, span: tuple[int, int] | None, f: Finding, lang: str, author: str, e: Edit | None
) -> int:
    """One Word comment on ``p`` (on ``span`` of it, else on the finding's words); returns 1, or 0."""
    from docx.text.run import Run

    from contractkit.annotate import _run_texts, _span_in, anchor_runs

    text = "".join(t for _, t in _run_texts(p))
    if span is None and f.location.paragraph is not None and e is None:
        span = _span_in(text, f)
    if span is not None and span[0] == span[1]:  # an insertion point: the comment covers the clause around it
        span = _span_in(text, f) if f.span else (0, len(text))
    runs = (anchor_runs(p, *span) if span else []) or [r for r, t in _run_texts(p) if t]
    if not runs:
        return 0
    parent = document.paragraphs[0] if document.paragraphs else None
    document.add_comment(
        [Run(runs[0], parent), Run(runs[-1], parent)],
        text=redline_text(f, lang, e),
        author=author,
        initials=author[:2].upper(),
    )
    return 1
