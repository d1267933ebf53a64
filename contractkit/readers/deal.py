"""Read a JSON deal as the document it would become: load, validate, render the .docx in memory, read it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from contractkit.fileio import DEFAULT_MAX_BYTES
from contractkit.readers.model import Document


def read_deal(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The rendered contract of the deal at ``path`` (``doc.deal`` set); invalid deals raise DealInvalid."""
    from contractkit.deal.load import load_deal
    from contractkit.deal.validate import check_deal
    from contractkit.readers.docx import read_docx
    from contractkit.render.docx import render_docx

    name = str(path)
    deal = load_deal(path, max_bytes=max_bytes)
    checked = check_deal(deal, path=name)
    deal = checked if isinstance(checked, dict) else deal
    data = render_docx(deal, path=name)
    fd, tmp = tempfile.mkstemp(prefix="contractkit-deal-", suffix=".docx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        doc = read_docx(tmp, max_bytes=max(max_bytes, len(data) + 1))
    finally:
        os.unlink(tmp)
    doc.path, doc.kind, doc.deal = name, "deal", deal
    return doc
