"""Word comments that hold a lint note (``contractkit: ignore …``), each with the block it is anchored on.

Called by the docx reader on the document it already parsed, so suppressions never read a file twice. Only
comments that mention ``contractkit`` are kept; the paragraphs are walked for anchors only when one exists.
"""

from __future__ import annotations

from typing import Any

from contractkit.readers.docx_package import Package
from contractkit.readers.model import Block

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_ANCHORS = (f"{_W}commentRangeStart", f"{_W}commentReference")
NEEDLE = "contractkit"


def _comment_texts(package: Package) -> dict[str, str]:
    """Comment id -> its text, for the comments that mention ``contractkit`` (no comments part: empty)."""
    out: dict[str, str] = {}
    for part in package.targets(_COMMENTS_REL):
        for c in part.element.iter(f"{_W}comment"):
            text = "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in c.iter(f"{_W}p"))
            if NEEDLE in text.lower():
                out[c.get(f"{_W}id", "")] = text
    return out


def marker_comments(package: Package, body: Any, blocks: list[Block]) -> list[tuple[int, str]]:
    """``(block index, comment text)`` of each lint-note comment, on the ``body`` paragraph it is anchored
    to."""
    texts = _comment_texts(package)
    if not texts:
        return []
    from contractkit.readers.docx import walk_paragraphs

    def key(loc: Any) -> tuple[int | str | None, ...]:
        return (loc.paragraph, loc.table, loc.row, loc.cell, loc.part)  # body anchors: part None

    index = {key(b.location): b.location.index for b in blocks}
    out: list[tuple[int, str]] = []
    for loc, p in walk_paragraphs(body):
        ids = {el.get(f"{_W}id") for tag in _ANCHORS for el in p.iter(tag)}
        at = index.get(key(loc))
        if at is None:
            continue
        out.extend((at, texts[cid]) for cid in sorted(i for i in ids if i in texts))
    return out
