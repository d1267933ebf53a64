"""``lint --redline``: a reviewed copy of a .docx draft — each concrete fix a tracked change, every finding
a comment.

A finding whose rule computed a :class:`~contractkit.findings.Fix` (the 大写 regenerated from the figures,
订金 → 定金, an Incoterm's edition made explicit, …) becomes a Word tracked change (``w:del`` + ``w:ins``,
author and date) at the exact words, plus a comment with the reason and basis; a finding without one
becomes a comment only. The original is never changed. Accepting all changes gives a text on which the
fixed findings no longer fire.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from contractkit.findings import Finding


def redline_text(f: Finding, lang: str = "zh") -> str:
    """The comment on a finding: message, rule id, basis and, for a fix, what the tracked change does."""
    from contractkit.annotate import comment_text

    body = comment_text(f, lang)
    if f.fix is not None:
        note = f.fix.note_en if lang == "en" and f.fix.note_en else f.fix.note
        label = "修订：" if lang == "zh" else "Tracked change: "
        body += "\n" + label + (note or f"→ {f.fix.replacement}")
    return body


def redline_docx(
    src: str | Path,
    findings: Iterable[Finding],
    out: str | Path,
    *,
    author: str = "contractkit",
    lang: str = "zh",
) -> tuple[int, int]:
    """Write the reviewed copy of ``src`` to ``out``; returns (tracked changes, comments)."""
    import docx
    from docx.text.run import Run

    from contractkit.annotate import _run_texts, _span_in, anchor_runs, iter_paragraphs, location_key
    from contractkit.compare.redline import _Ids, track_replace
    from contractkit.errors import UsageError
    from contractkit.fileio import atomic_path, read_bounded

    if Path(out).resolve() == Path(src).resolve():
        raise UsageError("--redline must name a new file, not the draft itself", path=str(out))
    document = docx.Document(io.BytesIO(read_bounded(src)))
    paras = dict(iter_paragraphs(document.element.body))
    first = next((p for p in paras.values() if "".join(t for _, t in _run_texts(p)).strip()), None)
    parent = document.paragraphs[0] if document.paragraphs else None
    fixes: list[tuple[object, tuple[int, int], str]] = []
    comments = 0
    for f in findings:
        key = location_key(f.location)
        p = paras.get(key) if key[0] is not None else None
        text = "".join(t for _, t in _run_texts(p)) if p is not None else ""
        if p is None:
            p, span = first, None
        elif f.fix is not None and 0 <= f.fix.span[0] <= f.fix.span[1] <= len(text):
            span = f.fix.span
            fixes.append((p, span, f.fix.replacement))
        else:
            span = _span_in(text, f)
        if p is None:
            continue
        if span is None or span[0] == span[1]:
            runs = [r for r, t in _run_texts(p) if t]
        else:
            runs = anchor_runs(p, *span) or [r for r, t in _run_texts(p) if t]
        if runs:
            document.add_comment(
                [Run(runs[0], parent), Run(runs[-1], parent)],
                text=redline_text(f, lang),
                author=author,
                initials=author[:2].upper(),
            )
            comments += 1
    date = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    ids = _Ids()
    changes = 0
    # right to left within each paragraph, so the earlier offsets stay valid
    for p, (start, end), new in sorted(fixes, key=lambda x: (id(x[0]), -x[1][0])):
        if track_replace(p, start, end, new, author=author, date=date, ids=ids):
            changes += 1
    with atomic_path(out) as tmp:
        document.save(str(tmp))
    return changes, comments
