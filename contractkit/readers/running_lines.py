"""Running headers and footers of a PDF: lines that repeat at the same edge of every page, and page numbers.

A printed contract carries its title, a letterhead or ``第 2 页 / 共 3 页`` on every page. Read as text they
land inside the clause a page break cuts (``质量保证期为验收合格之日起 12`` + footer + header + ``个月``), so
they are blanked before the page's lines are joined into paragraphs. A running line is one of the first or
last :data:`EDGE` lines of a page that recurs at the same edge of at least half the pages (and two) when its
short numbers are ignored (page numbers; amounts, dates and codes must match), or a page-number line at
an edge. The first occurrence at the top of a page is kept (a letterhead names the
party once); every later one, and every page-number line, is blanked (``""``, so line numbers stay).
"""

from __future__ import annotations

import re

#: How many non-empty lines at the top and at the bottom of a page are looked at.
EDGE = 2

_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?![\d.,])")  # page-like numbers; amounts and codes stay
_SPACE = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(
    r"第\s*#\s*[页頁](?:\s*[/／,，、]?\s*共\s*#\s*[页頁])?|共\s*#\s*[页頁]\s*第\s*#\s*[页頁]|^\s*[-–—]\s*#\s*[-–—]\s*$"
    r"|^\s*#\s*/\s*#\s*$|\bpage\s*#(?:\s*(?:of|/)\s*#)?|^\s*#\s*$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\s*\d+\s*$")
_AMOUNT = re.compile(r"\d[\d,]*\.\d|\d{4,}")
_MAX_REST = 12  # characters beside a page number that still make a footer (a short title, a code)
_MIN_KEY = 4  # a shorter repeated edge line (a lone "甲方", a dash) is not taken for a running line


def _key(line: str) -> str:
    return _SPACE.sub("", _DIGITS.sub("#", line)).replace("（", "(").replace("）", ")")


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and of the last EDGE non-empty lines (a short page: the same lines in both)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:EDGE], filled[-EDGE:]


def is_page_number(line: str) -> bool:
    """True for a page-number line: ``第 2 页 / 共 3 页``, ``- 2 -``, ``Page 2 of 3``, ``2/3``, or a line
    holding one."""
    return bool(_PAGE_NUMBER.search(_DIGITS.sub("#", line)))


def blank_running_lines(pages: list[list[str] | None]) -> list[list[str] | None]:
    """``pages`` (each page's lines; None for a page read otherwise) with running headers and footers
    blanked; a document of one page is returned as it is."""
    text_pages = sum(p is not None for p in pages)
    if text_pages < 2:
        return pages
    seen: dict[tuple[str, str], set[int]] = {}
    for n, lines in enumerate(pages):
        if lines is None:
            continue
        for side, where in zip(("top", "bottom"), _edges(lines), strict=True):
            for i in where:
                key = _key(lines[i])
                if len(key) >= _MIN_KEY:
                    seen.setdefault((side, key), set()).add(n)
    needed = max(2, (text_pages + 1) // 2)  # on at least half the pages: a repeated clause is no header
    running = {sk for sk, on in seen.items() if len(on) >= needed}
    kept: set[str] = set()
    out: list[list[str] | None] = []
    for lines in pages:
        if lines is None:
            out.append(None)
            continue
        lines = list(lines)
        top, bottom = _edges(lines)
        for side, where in (("top", top), ("bottom", bottom)):
            for i in where:
                if not lines[i]:
                    continue
                key = _key(lines[i])
                repeats = (side, key) in running
                if is_page_number(lines[i]) and _mostly_page_number(lines[i], repeats, side):
                    lines[i] = ""
                elif repeats:
                    if side == "top" and key not in kept:
                        kept.add(key)
                        continue
                    lines[i] = ""
        out.append(lines)
    return out


def _mostly_page_number(line: str, repeats: bool, side: str) -> bool:
    """A page-number line is blanked when it repeats at the edges (title + number) or holds little else (no
    amount, a few characters; a bare number only at the foot): ``本页小计（第 1 页） 57,753.60`` is kept."""
    if repeats:
        return True
    if _BARE_NUMBER.match(line):
        return side == "bottom"
    rest = _SPACE.sub("", _PAGE_NUMBER.sub("", _DIGITS.sub("#", line)))
    return len(rest) <= _MAX_REST and not _AMOUNT.search(rest)
