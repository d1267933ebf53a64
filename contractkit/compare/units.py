"""A document as comparable units: sentences (clauses) with where they stand and their clause number.

A unit is one sentence of a block (split after 。；！？, after an English full stop, and at block ends). Its
``key`` is the normalized text (Simplified, half-width) without white space and without a leading clause
number (第五条, 5.1, 一、, （二）), so a renumbered clause keeps its key and PDF line wraps or spacing do not
count as changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contractkit.readers.model import Document, Location

_SENTENCE_END = re.compile(r"[。；;！!？?]+|(?<=[a-z)])\.(?=\s|\d+\.\d)")
#: White space and text-table rules (box drawing): layout, not content.
_SPACE = re.compile(r"[\s\u2500-\u257f]+")
#: A leading clause number: 第五条 / 第5.2条 / 5.1 / 5.1.2 / 一、 / （二） / (3) / 1、
_NUMBER = re.compile(
    r"^\s*(?:第\s*[0-9一二三四五六七八九十百零〇两]+(?:\.[0-9]+)*\s*[条章节款项]"
    r"|[0-9]+(?:\.[0-9]+)+\.?(?=\D)|[0-9]+[.、．](?!\d)|[一二三四五六七八九十]+[、.．]"
    r"|[（(][0-9一二三四五六七八九十]+[)）])\s*"
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence: ``text`` as written, ``key`` for matching, ``number`` its clause label (if any)."""

    block: int
    start: int
    end: int
    text: str
    key: str
    number: str | None
    location: Location


def _key(norm: str) -> tuple[str, str | None]:
    m = _NUMBER.match(norm)
    number = _SPACE.sub("", m.group(0)) if m and m.end() < len(norm) else None
    body = norm[m.end() :] if number else norm
    return _SPACE.sub("", body), number


#: A page number printed by the page layout: 第 3 页 共 5 页, 第3页/共5页, Page 3 of 5.
_PAGE_NUMBER = re.compile(
    r"第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|\bPage\s+\d+(?:\s+of\s+\d+)?\b",
    re.IGNORECASE,
)


def furniture_spans(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Spans of page furniture in a PDF's blocks: page numbers, and running headers or footers (a text that
    stands first or last on two or more pages), wherever the reader joined them into a clause."""
    if doc.kind != "pdf":
        return {}
    spans: dict[int, list[tuple[int, int]]] = {}
    for i, b in enumerate(doc.blocks):
        for m in _PAGE_NUMBER.finditer(b.norm):
            spans.setdefault(i, []).append(m.span())
    last_line: dict[int, int] = {}
    for b in doc.blocks:
        if b.location.page is not None and b.location.line is not None:
            last_line[b.location.page] = max(last_line.get(b.location.page, 0), b.location.line)
    edges: dict[str, int] = {}
    for b in doc.blocks:
        loc = b.location
        if loc.page is None or loc.line is None or loc.line not in (1, last_line.get(loc.page)):
            continue
        key = _SPACE.sub("", _PAGE_NUMBER.sub("", b.norm))
        if len(key) >= 4:
            edges[key] = edges.get(key, 0) + 1
    repeated = [k for k, n in edges.items() if n >= 2]
    if repeated:
        pattern = re.compile("|".join(r"\s*".join(map(re.escape, k)) for k in repeated))
        for i, b in enumerate(doc.blocks):
            for m in pattern.finditer(b.norm):
                spans.setdefault(i, []).append(m.span())
    return spans


def _blank_out(norm: str, spans: list[tuple[int, int]]) -> str:
    """``norm`` with the characters of ``spans`` turned into spaces (offsets kept)."""
    chars = list(norm)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def units_of(doc: Document) -> list[Unit]:
    """The document's sentences in order (empty ones and page furniture dropped)."""
    out: list[Unit] = []
    furniture = furniture_spans(doc)
    for i, block in enumerate(doc.blocks):
        norm, text = block.norm, block.text
        if i in furniture:
            norm = _blank_out(norm, furniture[i])
            text = _blank_out(text, furniture[i])
        pos = 0
        pieces = [m.end() for m in _SENTENCE_END.finditer(norm)]
        if not pieces or pieces[-1] < len(norm):
            pieces.append(len(norm))
        for end in pieces:
            raw = norm[pos:end]
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            key, number = _key(norm[start:end])
            if key:
                shown = " ".join(text[start:end].split()) if i in furniture else text[start:end].rstrip()
                out.append(Unit(i, start, end, shown, key, number, block.location))
            pos = end
    return out
