"""Read a .docx draft: body paragraphs and tables (nested too) in document order, each with its Location.

Body paragraphs are numbered 1-based among all body paragraphs, empty ones included, so a Word user can find
them; empty paragraphs make no Block. Tables are numbered 1-based in document order, nested tables included
(``Document.meta["nested_tables"]`` maps a nested table's number to its parent ``(table, row, cell)``).
``cell`` is the 1-based grid column where the cell starts; merged cells are read once. Inside a cell,
``paragraph`` counts the cell's paragraphs.

Parts beyond the body follow the body's blocks, each once: text boxes (``Location.part = "textbox1"``; the
VML fallback copy of a box is skipped), footnotes and endnotes (``footnote2``: the note's number), then
headers and footers (``header1``: the part's file name; a header repeated word for word in another part is
read once). Content controls (``w:sdt``) are read where they stand.

Tracked changes (``w:ins``/``w:del``/``w:moveFrom``/``w:moveTo``) are counted in ``meta["revisions"]`` and
read per ``revisions``: ``accepted`` (and ``changes``) as Word's "No Markup" view, ``original`` as the text
before them; ``meta["revisions"]["inserted"]`` lists the blocks holding inserted or moved-in text.

Word automatic numbering (第一条, 1.1, （一）) is not in the text: ``Document.meta["labels"]`` maps a block
index to the label Word renders before it, and a level-0 numbered title opens a section (``Block.section``
is set here, e.g. ``第五条 检验与验收``, and kept by :func:`~contractkit.facts.sections.assign_sections`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from contractkit.errors import UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, read_bounded
from contractkit.readers import zipguard
from contractkit.readers.docx_numbering import Numbering, child_val
from contractkit.readers.docx_package import NUMBERING, STYLES, Package
from contractkit.readers.docx_styles import Styles
from contractkit.readers.model import Block, Document, Location, RevisionsMode, read_options
from contractkit.readers.normalize import looks_like_heading, normalize_many, strip_invisible

#: The WordprocessingML namespace in Clark notation, for building tags: ``f"{W}p"``.
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, SDT, SDT_CONTENT = (f"{W}{n}" for n in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_TEXT_TAGS = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
SKIP_TAGS = {
    f"{W}txbxContent",
    f"{_MC}Fallback",
    f"{W}del",
    f"{W}delText",
    f"{W}moveFrom",
    f"{W}pPr",
    f"{W}rPr",
    f"{W}instrText",
}
#: What the original (``revisions="original"``) leaves out: insertions and moved-in text, not deletions.
ORIGINAL_SKIP_TAGS = (SKIP_TAGS - {f"{W}del", f"{W}delText", f"{W}moveFrom"}) | {f"{W}ins", f"{W}moveTo"}
_TEXT_OF = {f"{W}delText": None}
#: A move is counted once, at its destination.
REVISION_TAGS = {f"{W}ins": "insertions", f"{W}del": "deletions", f"{W}moveTo": "moves"}
_INSERTED = (f"{W}ins", f"{W}moveTo")
_PPR, _PSTYLE = f"{W}pPr", f"{W}pStyle"
_MAX_PART = 100 * 1024 * 1024  # inflated word/document.xml cap
_HEADING_STYLES = ("heading", "title", "标题")
_ARTICLE_LABEL = re.compile(r"^第\s*\S{1,5}\s*[条章节部分]")


def read_docx(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, revisions: RevisionsMode | None = None
) -> Document:
    """Read a .docx into a Document (tracked changes per ``revisions``, default from ``read_options()``);
    a corrupt, disguised or oversized file raises UnreadableInput."""
    name = str(path)
    mode = revisions or read_options().revisions
    data = read_bounded(path, max_bytes)
    zf = zipguard.open_zip(data, name)
    zipguard.check_docx(zf, name)
    zipguard.read_member(zf, "word/document.xml", max_bytes=_MAX_PART, path=name)
    try:
        package = Package(zf, name, _MAX_PART)
        body = package.main.element.find(f"{W}body")
        styles_part = package.related(STYLES)
        styles = Styles(package.blob(styles_part.partname) if styles_part is not None else None)
        numbering = package.related(NUMBERING)
        numbering_root = numbering.element if numbering is not None else None
    except UnreadableInput:
        raise
    except Exception as exc:
        raise UnreadableInput(
            f"not a readable Word document ({type(exc).__name__}: {exc})",
            path=name,
            hint="open it in Word and save it again as .docx",
            zh=f"不是可读取的 Word 文档（{type(exc).__name__}: {exc}）",
            hint_zh="请用 Word 打开后重新另存为 .docx",
        ) from None
    reader = _Reader(name, styles, styles.default, mode)
    reader.numbering = Numbering.of(numbering_root, styles)
    reader.numbering.direct = next(body.iter(f"{W}numPr"), None) is not None
    reader.inserting = next(body.iter(*_INSERTED), None) is not None
    for loc, p in walk_paragraphs(body, on_table=reader.on_table):
        if loc.table is None:
            reader.meta["paragraphs"] = loc.paragraph
        reader.paragraph(p, loc)
    from contractkit.readers.docx_parts import read_parts

    reader.numbering = None
    reader.section = None
    reader.inserting = True  # notes, headers and footers: their own trees, tested paragraph by paragraph
    read_parts(package, body, reader)
    reader.finish()
    counted = count_revisions(body)
    if counted:
        reader.meta["revisions"] = {"mode": mode, **counted, "inserted": reader.inserted}
    from contractkit.readers.comments import marker_comments  # Word comments holding lint notes (helper F)

    reader.meta["comments"] = marker_comments(package, body, reader.blocks)
    return Document(path=name, kind="docx", blocks=reader.blocks, meta=reader.meta)


class _Reader:
    def __init__(self, path: str, styles: Styles, default_style: str | None, mode: str = "accepted") -> None:
        self.path = path
        self.mode = mode
        self.inserted: list[int] = []
        self.styles = styles
        self.default_style = default_style
        self.blocks: list[Block] = []
        self.meta: dict[str, Any] = {"nested_tables": {}, "paragraphs": 0, "tables": 0, "labels": {}}
        self.numbering: Numbering | None = None
        self.section: str | None = None
        #: False while the tree read holds no insertion at all (no paragraph to test for inserted text).
        self.inserting = True
        self._pending: list[tuple[str, Location, Any, str | None, str | None]] = []
        self._heading_style: dict[str | None, bool] = {}

    def on_table(self, number: int, parent: tuple[int, int, int] | None) -> None:
        self.meta["tables"] = number
        if parent is not None:
            self.meta["nested_tables"][number] = parent

    def paragraph(self, p: Any, loc: Location, part: str | None = None) -> None:
        """Read one ``w:p`` (its block is made by :meth:`finish`, all texts normalized at once)."""
        style_id = _style_id(p)
        numbered = self.numbering.label(p, style_id) if self.numbering is not None else None
        text = strip_invisible(paragraph_text(p, self.mode))
        if not text.strip():
            return
        style = self.styles.get(style_id, style_id) if style_id else self.default_style
        heading = self._heading_style.get(style)
        if heading is None:
            heading = self._heading_style[style] = bool(style) and style.lower().startswith(_HEADING_STYLES)
        if numbered is not None:
            label, level = numbered
            self.meta["labels"][len(self._pending)] = label
            if (
                level == 0
                and loc.table is None
                and (_ARTICLE_LABEL.match(label) or (heading and _is_title(text)))
            ):
                title = text.strip() if _is_title(text) else ""
                self.section = f"{label} {title}".strip()[:40]
                heading = heading or bool(title)
        if heading or looks_like_heading(text):
            kind = "heading"
        else:
            kind = "cell" if loc.table is not None else "paragraph"
        index = len(self._pending)
        location = Location(
            index, paragraph=loc.paragraph, table=loc.table, row=loc.row, cell=loc.cell, part=part
        )
        if self.inserting and self.mode != "original" and _has_inserted_text(p):
            self.inserted.append(index)
        self._pending.append((text, location, kind, self.section, style))

    def finish(self) -> None:
        """Make the blocks of the paragraphs read, their texts normalized in one pass."""
        norms = normalize_many([p[0] for p in self._pending])
        self.blocks = [
            Block(text, norm, location, kind, section, style)
            for (text, location, kind, section, style), norm in zip(self._pending, norms, strict=True)
        ]
        self._pending = []


def _is_title(text: str) -> bool:
    """A short heading line (产品名称、规格型号、数量及价款), not a numbered sentence."""
    t = text.strip()
    return len(t) <= 30 and not any(c in t for c in "。；;")


def walk_paragraphs(
    body: Any, on_table: Callable[[int, tuple[int, int, int] | None], None] | None = None
) -> Iterator[tuple[Location, Any]]:
    """Every ``w:p`` of ``body`` and its tables (nested too) in document order, with its Location (index 0).

    Body paragraphs are numbered across the body, empty ones included, so Word users can find them; a cell's
    paragraphs are numbered within the cell; tables in document order; a vertically merged continuation cell
    is skipped (the restart cell holds the text). ``on_table(number, parent_cell)`` is called per table.
    The reader, the Word annotator and the suppression markers all number paragraphs through this one walk.
    """
    counts = {"body": 0, "tables": 0}

    def container(el: Any, cell: tuple[int, int, int] | None) -> Iterator[tuple[Location, Any]]:
        in_cell = 0
        for child in _block_children(el):
            if child.tag == P:
                if cell is None:
                    counts["body"] += 1
                    yield Location(0, paragraph=counts["body"]), child
                else:
                    in_cell += 1
                    t, r, c = cell
                    yield Location(0, table=t, row=r, cell=c, paragraph=in_cell), child
            elif child.tag == TBL:
                counts["tables"] += 1
                number = counts["tables"]
                if on_table is not None:
                    on_table(number, cell)
                for r, tr in enumerate(_rows(child), start=1):
                    col = _grid_before(tr)
                    for tc in _cells(tr):
                        start = col + 1
                        col += _int_attr(tc, "tcPr", "gridSpan") or 1
                        if not _vmerge_continue(tc):
                            yield from container(tc, (number, r, start))

    yield from container(body, None)


def paragraph_text(p: Any, revisions: str = "accepted") -> str:
    """The visible text of a ``w:p``: runs, hyperlinks, fields, tracked changes accepted (``original``: as
    before them); never text boxes (read as parts of their own)."""
    out: list[str] = []
    if revisions == "original":
        _collect(p, out, ORIGINAL_SKIP_TAGS, {**_TEXT_TAGS, **_TEXT_OF})
    else:
        _collect(p, out, SKIP_TAGS, _TEXT_TAGS)
    return "".join(out)


def _collect(el: Any, out: list[str], skip: set[str], texts: dict[str, str | None]) -> None:
    for child in el:
        tag = child.tag
        if tag in skip or not isinstance(tag, str):
            continue
        if tag in texts:
            rep = texts[tag]
            out.append((child.text or "") if rep is None else rep)
        else:
            _collect(child, out, skip, texts)


def count_revisions(root: Any) -> dict[str, Any]:
    """Tracked changes with text under ``root``: ``{"insertions": n, "deletions": n, "moves": n,
    "authors": [...]}``, or ``{}`` when there are none (formatting and paragraph-mark changes not counted)."""
    counts = {"insertions": 0, "deletions": 0, "moves": 0}
    authors: set[str] = set()
    for tag, key in REVISION_TAGS.items():
        for el in root.iter(tag):
            if not any(t.text for t in el.iter(f"{W}t", f"{W}delText")):
                continue
            counts[key] += 1
            authors.add(el.get(f"{W}author") or "")
    if not any(counts.values()):
        return {}
    return {**counts, "authors": sorted(a for a in authors if a)}


def _has_inserted_text(p: Any) -> bool:
    return any(t.text for tag in _INSERTED for el in p.iter(tag) for t in el.iter(f"{W}t"))


def _block_children(el: Any) -> Any:
    for child in el:
        if child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _block_children(content)
        elif child.tag in (P, TBL):
            yield child


def _rows(tbl: Any) -> Any:
    return _children(tbl, TR)


def _cells(tr: Any) -> Any:
    return _children(tr, TC)


def _children(el: Any, tag: str) -> Any:
    """Children of ``el`` with ``tag``, looking through content controls (``w:sdt``)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from (c for c in content if c.tag == tag)


def _int_attr(el: Any, pr: str, name: str) -> int | None:
    node = el.find(f"{W}{pr}/{W}{name}")
    if node is None:
        return None
    try:
        return int(node.get(f"{W}val"))
    except (TypeError, ValueError):
        return None


def _grid_before(tr: Any) -> int:
    return _int_attr(tr, "trPr", "gridBefore") or 0


def _vmerge_continue(tc: Any) -> bool:
    node = tc.find(f"{W}tcPr/{W}vMerge")
    return node is not None and node.get(f"{W}val", "continue") == "continue"


def _style_id(p: Any) -> str | None:
    return child_val(p, _PPR, _PSTYLE)
