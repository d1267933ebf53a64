"""Small helpers shared by rule families: language test, blanks, sections and clause iteration.

Stable API (other families import it): :func:`is_chinese`, :func:`blank_spans`, :func:`has_blank`,
:func:`in_section`, :func:`section_blocks`, :func:`clauses`, :func:`find_heading`, :data:`BLANK`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from contractkit.facts.sentences import split_clauses
from contractkit.readers.model import Block, Document

#: An unfilled fill-in field: a run of underscores (half/full width) or 3+ spaces between text.
BLANK = re.compile(r"[_＿]{2,}|(?<=\S)[ \u3000]{3,}(?=\S)|[（(][ \u3000]{2,}[)）]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_chinese(doc: Document, min_share: float = 0.2, min_chars: int = 20) -> bool:
    """True when ≥ ``min_share`` of the letters are CJK (and there are ≥ ``min_chars`` CJK characters)."""
    text = doc.text
    cjk = len(_CJK.findall(text))
    letters = sum(1 for c in text if c.isalpha())
    return cjk >= min_chars and letters > 0 and cjk / letters >= min_share


def blank_spans(text: str) -> list[tuple[int, int]]:
    """Spans of unfilled fill-in fields (``____``, runs of spaces) in ``text``."""
    return [m.span() for m in BLANK.finditer(text)]


def has_blank(text: str, span: tuple[int, int] | None = None) -> bool:
    """True when ``text`` (or the part of it inside ``span``) holds an unfilled blank."""
    if span is not None:
        text = text[span[0] : span[1]]
    return BLANK.search(text) is not None


def in_section(block: Block, words: Iterable[str]) -> bool:
    """True when the block's section heading (or the block itself, if a heading) names one of ``words``."""
    head = block.section or ""
    return any(w in head for w in words)


def section_blocks(doc: Document, words: Iterable[str]) -> list[Block]:
    """The blocks whose section heading contains one of ``words`` (e.g. 付款, 结算)."""
    ws = tuple(words)
    return [b for b in doc.blocks if in_section(b, ws)]


def find_heading(doc: Document, words: Iterable[str]) -> Block | None:
    """The first block that is the heading of a section naming one of ``words``, else None."""
    ws = tuple(words)
    for b in doc.blocks:
        if b.section and any(w in b.section for w in ws) and b.norm.strip() and b.section[:4] in b.norm:
            return b
    return None


def clauses(block: Block) -> Iterator[tuple[tuple[int, int], str]]:
    """``(span, clause text)`` for each clause of the block's normalized text."""
    for span in split_clauses(block.norm):
        yield span, block.norm[span[0] : span[1]]


__all__ = [
    "BLANK",
    "blank_spans",
    "clauses",
    "find_heading",
    "has_blank",
    "in_section",
    "is_chinese",
    "section_blocks",
]
