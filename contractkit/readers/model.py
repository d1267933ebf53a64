"""The one model of a document that every rule sees: a list of text blocks, each with its place.

Readers (docx, pdf, text, deal) build it; rules read it; reports print its locations. Plain data only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from typing import Any, Literal

BlockKind = Literal["paragraph", "heading", "cell", "line"]
DocumentKind = Literal["docx", "pdf", "text", "deal"]
#: ``auto``: OCR only PDF pages without a text layer; ``always``: every page; ``never``: refuse scans.
OcrMode = Literal["auto", "always", "never"]
#: Tracked changes read as ``accepted`` (Word's "No Markup"), ``original`` (before the changes), or
#: ``changes`` (accepted, and lint reports only the findings the insertions introduce).
RevisionsMode = Literal["accepted", "original", "changes"]
OCR_MODES: tuple[str, ...] = ("auto", "always", "never")
REVISIONS_MODES: tuple[str, ...] = ("accepted", "original", "changes")


@dataclass(frozen=True, slots=True, init=False)
class Location:
    """Where a block sits. Only the fields that apply to the source are set.

    - docx: ``paragraph`` (1-based index among body paragraphs, in document order) or
      ``table``/``row``/``cell`` (1-based; ``paragraph`` then counts paragraphs inside that cell);
    - pdf: ``page`` and ``line`` (1-based line on that page);
    - text: ``line`` (1-based line of the file);
    - docx parts beyond the body: ``part`` names it (``header1``, ``footer2``, ``footnote3``, ``endnote1``,
      ``textbox2``: the part's file name, or the note's / box's number) and ``paragraph`` (and ``table``…)
      count within it; body blocks have ``part`` None;
    - ``index`` is always the block's 0-based position in ``Document.blocks``.
    """

    index: int
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    line: int | None = None
    part: str | None = None

    def __init__(
        self,
        index: int,
        paragraph: int | None = None,
        table: int | None = None,
        row: int | None = None,
        cell: int | None = None,
        page: int | None = None,
        line: int | None = None,
        part: str | None = None,
    ) -> None:
        # The generated __init__ of a frozen dataclass, by the slots' own setters (see _frozen_setters): a
        # reader makes two per block, and the generated one's object.__setattr__ by name costs ~2x as much.
        s = _LOCATION_SET
        s[0](self, index)
        s[1](self, paragraph)
        s[2](self, table)
        s[3](self, row)
        s[4](self, cell)
        s[5](self, page)
        s[6](self, line)
        s[7](self, part)

    def describe(self, lang: str = "zh") -> str:
        """A human label such as ``第 3 页 第 12 行`` / ``page 3, line 12``."""
        zh = lang == "zh"
        parts: list[str] = []
        if self.part is not None:
            parts.append(_part_label(self.part, zh))
        if self.page is not None:
            parts.append(f"第{self.page}页" if zh else f"page {self.page}")
        if self.table is not None:
            parts.append(
                f"表格{self.table} 第{self.row}行 第{self.cell}列"
                if zh
                else f"table {self.table} row {self.row} cell {self.cell}"
            )
        if self.paragraph is not None:
            parts.append(f"第{self.paragraph}段" if zh else f"paragraph {self.paragraph}")
        if self.line is not None:
            parts.append(f"第{self.line}行" if zh else f"line {self.line}")
        if not parts:
            parts.append(f"第{self.index + 1}块" if zh else f"block {self.index + 1}")
        return " ".join(parts) if zh else ", ".join(parts)

    @property
    def start_line(self) -> int:
        """A single line number for tools that want one (SARIF, GitHub): line, else paragraph, else block."""
        return self.line or self.paragraph or (self.index + 1)

    def to_dict(self) -> dict[str, int | str]:
        """The set fields only."""
        names = ("index", "paragraph", "table", "row", "cell", "page", "line", "part")
        return {n: getattr(self, n) for n in names if getattr(self, n) is not None}


_PART_ZH = (
    ("header", "页眉"),
    ("footer", "页脚"),
    ("footnote", "脚注"),
    ("endnote", "尾注"),
    ("textbox", "文本框"),
)


def _part_label(part: str, zh: bool) -> str:
    """``header1`` → ``页眉1`` / ``header1``."""
    if not zh:
        return part
    for en, cn in _PART_ZH:
        if part.startswith(en):
            return cn + part[len(en) :]
    return part


@dataclass(frozen=True, slots=True, init=False)
class Block:
    """One paragraph, table cell or line of text.

    ``text`` is the original, quoted in findings. ``norm`` is the matching form: Traditional converted to
    Simplified, full-width ASCII folded to half-width, ``\u3000`` to a space. ``norm`` has the same length as
    ``text`` so an offset found in ``norm`` quotes the same characters of ``text``.
    ``section`` is the heading of the clause the block sits in (e.g. ``第五条 验收``), if known.
    ``confidence`` is how sure OCR was of the block's words (Tesseract's word confidences, 0–100, averaged
    over its characters: :func:`contractkit.readers.ocr.word_confidence`); None for text that was not
    OCR'd (a text layer, a .docx), which is read as written. ``words`` are the character ranges of
    ``text`` each of Tesseract's words covers, with its confidence in that word: ``(start, end,
    confidence)`` (:func:`contractkit.readers.ocr.paragraph_words`), so a finding can tell whether the
    text it quotes was read well; empty for text that was not OCR'd.
    """

    text: str
    norm: str
    location: Location
    kind: BlockKind = "paragraph"
    section: str | None = None
    style: str | None = None
    confidence: float | None = None
    words: tuple[tuple[int, int, float], ...] = ()

    def __init__(
        self,
        text: str,
        norm: str,
        location: Location,
        kind: BlockKind = "paragraph",
        section: str | None = None,
        style: str | None = None,
        confidence: float | None = None,
        words: tuple[tuple[int, int, float], ...] = (),
    ) -> None:
        s = _BLOCK_SET  # as Location.__init__: the generated __init__, by the slots' setters
        s[0](self, text)
        s[1](self, norm)
        s[2](self, location)
        s[3](self, kind)
        s[4](self, section)
        s[5](self, style)
        s[6](self, confidence)
        s[7](self, words)


def _frozen_setters(cls: type) -> tuple[Any, ...]:
    """The slot setters of a frozen slots dataclass, in field order (they bypass the frozen ``__setattr__``,
    as the generated ``__init__`` does with ``object.__setattr__``)."""
    return tuple(getattr(cls, f.name).__set__ for f in fields(cls))


_LOCATION_SET = _frozen_setters(Location)
_BLOCK_SET = _frozen_setters(Block)


@dataclass(slots=True)
class Document:
    """A read draft: its blocks in document order, what it was read from, and (for a JSON deal) the deal."""

    path: str
    kind: DocumentKind
    blocks: list[Block] = field(default_factory=list)
    deal: dict[str, Any] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """All normalized text, one block per line."""
        return "\n".join(b.norm for b in self.blocks)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How readers treat scans (``ocr``) and tracked changes (``revisions``)."""

    ocr: OcrMode = "auto"
    revisions: RevisionsMode = "accepted"


_DEFAULT = ReadOptions()
_OPTIONS: ContextVar[ReadOptions | None] = ContextVar("contractkit_read_options", default=None)


def read_options() -> ReadOptions:
    """The reading options in force (set by :func:`reading`; defaults otherwise)."""
    return _OPTIONS.get() or _DEFAULT


@contextmanager
def reading(options: ReadOptions | None) -> Iterator[ReadOptions]:
    """Read with ``options`` inside the ``with`` block (``None``: keep the current ones)."""
    token = _OPTIONS.set(options) if options is not None else None
    try:
        yield read_options()
    finally:
        if token is not None:
            _OPTIONS.reset(token)
