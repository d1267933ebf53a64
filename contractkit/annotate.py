"""``lint --annotate``: a copy of a .docx draft with one Word comment per finding, on the quoted clause.

Paragraphs are found by the finding's Location, numbered exactly as :mod:`contractkit.readers.docx` numbers
them; inside the paragraph the finding's span (or its snippet) picks the characters, and runs are split at
those offsets so the comment covers the clause, not the whole paragraph. The original file is never written.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from contractkit.findings import Finding

AUTHOR = "contractkit"
INITIALS = "CK"

#: (paragraph, table, row, cell, part) — the docx part of a Location.
ParaKey = tuple[int | None, int | None, int | None, int | None, str | None]


def location_key(loc: Any) -> ParaKey:
    """The docx paragraph key of a Location (``part`` too: a header's paragraph 1 is not the body's)."""
    return (loc.paragraph, loc.table, loc.row, loc.cell, getattr(loc, "part", None))


def iter_paragraphs(body: Any) -> Iterator[tuple[ParaKey, Any]]:
    """Every ``w:p`` of the body and its tables with its key, numbered as the docx reader numbers them."""
    from contractkit.readers.docx import walk_paragraphs

    for loc, p in walk_paragraphs(body):
        yield location_key(loc), p


def _run_texts(p: Any) -> list[tuple[Any, str]]:
    """The paragraph's visible runs (``w:r``) in order with the text each contributes."""
    from contractkit.readers import docx as rd
    from contractkit.readers.normalize import strip_invisible

    out: list[tuple[Any, str]] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in rd.SKIP_TAGS:
                continue
            if tag == f"{rd.W}r":
                out.append((child, strip_invisible(rd.paragraph_text(child))))
            else:
                walk(child)

    walk(p)
    return out


def _splittable(r: Any) -> bool:
    from contractkit.readers import docx as rd

    kids = [c for c in r if isinstance(c.tag, str)]
    return sum(1 for c in kids if c.tag == f"{rd.W}t") == 1 and all(
        c.tag in (f"{rd.W}t", f"{rd.W}rPr") for c in kids
    )


def _split(r: Any, k: int) -> None:
    """Split run ``r`` (one ``w:t``) after its ``k``-th character; the second half follows it."""
    from contractkit.readers import docx as rd

    twin = copy.deepcopy(r)
    t1, t2 = r.find(f"{rd.W}t"), twin.find(f"{rd.W}t")
    text = t1.text or ""
    t1.text, t2.text = text[:k], text[k:]
    for t in (t1, t2):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.addnext(twin)


def anchor_runs(p: Any, start: int, end: int) -> list[Any]:
    """The ``w:r`` elements that hold characters ``start..end`` of the paragraph text, split at the edges."""
    for edge in (start, end):
        pos = 0
        for r, text in _run_texts(p):
            if pos < edge < pos + len(text) and _splittable(r) and text == (r.find(_t()).text or ""):
                _split(r, edge - pos)
                break
            pos += len(text)
    runs: list[Any] = []
    pos = 0
    for r, text in _run_texts(p):
        if text and pos < end and pos + len(text) > start:
            runs.append(r)
        pos += len(text)
    return runs


def _t() -> str:
    from contractkit.readers import docx as rd

    return f"{rd.W}t"


def _span_in(text: str, f: Finding) -> tuple[int, int]:
    """Where the finding sits in the paragraph text: its span, else its snippet, else the whole text."""
    if f.span and 0 <= f.span[0] < f.span[1] <= len(text):
        a, b = f.span
        # widen to the quoted clause when the snippet contains the match
        core = f.snippet.strip("…")
        i = text.find(core) if core else -1
        if i != -1 and i <= a and b <= i + len(core):
            return i, i + len(core)
        return a, b
    core = f.snippet.strip("…").strip()
    i = text.find(core) if core else -1
    if i != -1:
        return i, i + len(core)
    return 0, len(text)


def comment_text(f: Finding, lang: str = "zh") -> str:
    """The comment body: message, rule id, basis (legal, or a playbook's company policy) and how to fix it."""
    company = f.rule.startswith("playbook/")
    if lang == "zh":
        label = "公司依据：" if company else "法律依据："
    else:
        label = "Basis: " if company else "Legal basis: "
    basis = label + f.basis if f.basis else ""
    fix = (("建议：" if lang == "zh" else "Fix: ") + f.hint) if f.hint else ""
    return "\n".join(x for x in (f.text(lang), f"[{f.rule}]", basis, fix) if x)


def annotate_docx(src: str | Path, findings: Iterable[Finding], out: str | Path, lang: str = "zh") -> int:
    """Write a copy of ``src`` to ``out`` with a Word comment per finding; returns the number of comments."""
    import docx
    from docx.text.run import Run

    from contractkit.errors import UsageError
    from contractkit.fileio import atomic_path, read_bounded

    if Path(out).resolve() == Path(src).resolve():
        raise UsageError(
            "--annotate must name a new file, not the draft itself",
            path=str(out),
            zh="--annotate 须指定一个新文件，不能是草稿本身",
        )
    document = docx.Document(io.BytesIO(read_bounded(src)))
    paras = dict(iter_paragraphs(document.element.body))
    first_key = next((k for k, p in paras.items() if "".join(t for _, t in _run_texts(p)).strip()), None)
    count = 0
    for f in findings:
        key = location_key(f.location)
        p = paras.get(key) if key[0] is not None else None
        if p is None and first_key is not None:
            p = paras[first_key]  # a finding about the document as a whole: on its first paragraph
            span = (0, len("".join(t for _, t in _run_texts(p))))
        elif p is None:
            continue
        else:
            span = _span_in("".join(t for _, t in _run_texts(p)), f)
        runs = anchor_runs(p, *span) or [r for r, t in _run_texts(p) if t]
        if not runs:
            continue
        parent = document.paragraphs[0] if document.paragraphs else None
        document.add_comment(
            [Run(runs[0], parent), Run(runs[-1], parent)],
            text=comment_text(f, lang),
            author=AUTHOR,
            initials=INITIALS,
        )
        count += 1
    with atomic_path(out) as tmp:
        document.save(str(tmp))
    return count
