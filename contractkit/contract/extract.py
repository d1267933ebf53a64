"""Entry points: the facts model of a file, a read document or a string."""

from __future__ import annotations

from pathlib import Path

from contractkit.contract.model import Contract, extract


def extract_text(text: str, path: str = "<text>") -> Contract:
    """The facts model of a string read as a text document (one block per line)."""
    from contractkit.readers.text import document_from_text

    return extract(document_from_text(text, path))


def extract_path(path: str | Path, *, max_bytes: int | None = None) -> Contract:
    """Read ``path`` (any format the readers take) and return its facts model."""
    from contractkit.readers.dispatch import read_document

    kwargs = {"max_bytes": max_bytes} if max_bytes is not None else {}
    return extract(read_document(str(path), **kwargs))
