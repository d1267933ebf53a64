"""Clause splitting: spans of sentences/clauses split on 。；; ! ? and line breaks (commas kept)."""

from __future__ import annotations

import re
from functools import lru_cache

_SPLIT = re.compile(r"[^。；;!?！？\n\r]+[。；;!?！？]*")


def _split_clauses_scan(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _SPLIT.finditer(text):
        piece = m.group()
        trimmed = piece.strip()
        if trimmed:
            start = m.start() + len(piece) - len(piece.lstrip())
            out.append((start, start + len(trimmed)))
    return out


@lru_cache(maxsize=8192)
def clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the clauses of ``text``, as :func:`split_clauses`, but the shared cached tuple (no copy)."""
    return tuple(_split_clauses_scan(text))


def split_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``text`` (terminator kept, whitespace trimmed, empty ones dropped)."""
    return list(clause_spans(text))
