"""One shared literal-word scan of a document's blocks for the gates of several fact families.

Each family registers the word tuples it gates blocks by (at import time); the first family to ask scans
:func:`~contractkit.facts.document.doc_text` once for the union of every registered word, and each tuple's
blocks are then picked from that short list by plain ``in`` tests — one regex pass over the document instead
of one per tuple.
"""

from __future__ import annotations

from contractkit.facts.document import _joined, _pieces_naming, block_indices_naming, memo
from contractkit.readers.model import Document

_REGISTERED: dict[str, None] = {}  # every registered word, in registration order
_UNION: list[tuple[str, ...]] = []  # the union as a tuple, rebuilt when a word is registered


def register(*groups: tuple[str, ...]) -> None:
    """Add word tuples that :func:`blocks_naming_any` will answer from the shared scan."""
    for words in groups:
        for w in words:
            if "\n" in w:
                raise ValueError(f"a gate word cannot hold a line break: {w!r}")
            _REGISTERED.setdefault(w)
    _UNION[:] = [tuple(_REGISTERED)]


def blocks_naming_any(doc: Document, words: tuple[str, ...]) -> list[int]:
    """Exactly ``block_indices_naming(doc, words)``, picked from the shared scan when ``words`` is registered.

    A tuple with an unregistered word is scanned on its own."""
    if not _UNION or any(w not in _REGISTERED for w in words):
        return block_indices_naming(doc, words)
    union = _UNION[0]
    if len(words) == len(union):
        return block_indices_naming(doc, union)

    def compute() -> list[int]:
        hits = block_indices_naming(doc, union)
        text, starts = memo(doc, ("gates.joined", union), lambda: _joined([doc.blocks[i].norm for i in hits]))
        return [hits[j] for j in _pieces_naming(text, starts, words)]  # the union's blocks naming ``words``

    return memo(doc, ("gates.blocks", union, words), compute)


__all__ = ["blocks_naming_any", "register"]
