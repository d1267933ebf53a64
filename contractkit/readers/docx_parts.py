"""The parts of a .docx beyond the body, read into the same reader: text boxes, footnotes, endnotes, then
headers and footers, each block with ``Location.part`` and paragraphs counted within the part.

Each text is read once: a text box's VML fallback copy (``mc:Fallback``) is skipped, Word's separator notes
are skipped, and a header or footer whose text repeats an earlier one word for word (the first-page, even and
default headers of every section are separate parts) is left out.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from contractkit.readers.docx_package import Package
from contractkit.readers.model import Location

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NOTES = (("footnotes", "footnote"), ("endnotes", "endnote"))
_HEADERS = ("header", "footer")
_NUMBER = re.compile(r"(\d+)")


class PartReader(Protocol):
    """What the docx reader offers a part: its paragraph callback."""

    def paragraph(self, p: Any, loc: Location, part: str | None = None) -> None: ...


def read_parts(package: Package, body: Any, reader: PartReader) -> None:
    """Read the text boxes of ``body``, then the notes, headers and footers of the package's main part."""
    from contractkit.readers.docx import walk_paragraphs

    for n, box in enumerate(text_boxes(body), start=1):
        for loc, p in walk_paragraphs(box):
            reader.paragraph(p, loc, f"textbox{n}")
    for reltype, tag in _NOTES:
        for root in (part.element for part in package.targets(_REL + reltype)):
            notes = [el for el in root.iter(f"{_W}{tag}") if el.get(f"{_W}type") in (None, "normal")]
            for n, note in enumerate(notes, start=1):
                for loc, p in walk_paragraphs(note):
                    reader.paragraph(p, loc, f"{tag}{n}")
    seen: set[str] = set()
    for kind in _HEADERS:
        roots = sorted(_named_roots(package, kind), key=lambda nr: _natural(nr[0]))
        for name, root in roots:
            text = "".join(t.text or "" for t in root.iter(f"{_W}t")).strip()
            if not text or text in seen:
                continue
            seen.add(text)
            for loc, p in walk_paragraphs(root):
                reader.paragraph(p, loc, name)
            for n, box in enumerate(text_boxes(root), start=1):
                for loc, p in walk_paragraphs(box):
                    reader.paragraph(p, loc, f"{name}-textbox{n}")


def text_boxes(root: Any) -> list[Any]:
    """The ``w:txbxContent`` under ``root`` outside markup-compatibility fallbacks, outermost only."""
    out = []
    for box in root.iter(f"{_W}txbxContent"):
        ancestors = list(box.iterancestors())
        if any(a.tag == _MC_FALLBACK or a.tag == f"{_W}txbxContent" for a in ancestors):
            continue
        out.append(box)
    return out


def _natural(name: str) -> tuple[int, str]:
    m = _NUMBER.search(name)
    return (int(m.group(1)) if m else 0, name)


def _named_roots(package: Package, reltype: str) -> list[tuple[str, Any]]:
    """``(file stem, root)`` of each part of ``reltype`` (``header1`` from ``/word/header1.xml``)."""
    out = []
    for part in package.targets(_REL + reltype):
        stem = part.partname.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        out.append((stem, part.element))
    return out
