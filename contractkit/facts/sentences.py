"""Clause splitting: spans of sentences/clauses split on 。；; ! ? and line breaks (commas kept)."""

from __future__ import annotations

import re
from functools import lru_cache

_SPLIT = re.compile(r"[^。；;!?！？\n\r]+[。；;!?！？]*")


def _split_clauses_scan(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _SPLIT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


@lru_cache(maxsize=8192)
def _split_clauses_cached(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_split_clauses_scan(text))


def split_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``text`` (terminator kept, whitespace trimmed, empty ones dropped)."""
    return list(_split_clauses_cached(text))
