"""The warm UNO converter (one LibreOffice kept running, python3-uno): real PDFs, recycling after
``max_docs``, a broken file reported without losing the listener, and nothing left running after close."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from contractkit.errors import ConverterError
from contractkit.office.warm import WarmConverter, uno_python
from contractkit.render.pdf import find_soffice

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not find_soffice() or not uno_python(), reason="needs soffice and python3-uno"),
]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import contractkit

    out = tmp_path_factory.mktemp("warm") / "BJ-2026-0312.docx"
    return contractkit.render_deal(SAMPLES / "quote-office.json", out)[0]


def test_converts_recycles_and_closes(docx: Path, tmp_path: Path) -> None:
    conv = WarmConverter(timeout=120, max_docs=2)
    try:
        pairs = [(docx, tmp_path / f"q{i}.pdf") for i in range(3)]
        assert [err for _, err in conv.convert_many(pairs)] == [None, None, None]
        assert all(pdf.read_bytes().startswith(b"%PDF") for _, pdf in pairs)
        assert conv.stats["starts"] == 2 and conv.stats["converted"] == 3  # recycled after two documents
        office = conv._office
        assert office is not None and office.poll() is None
    finally:
        conv.close()
    assert office.wait(timeout=10) is not None  # the listener is gone
    assert not conv._base.exists()


def test_a_broken_file_is_an_error_and_the_next_one_converts(docx: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a document")
    with_pdf = tmp_path / "ok.pdf"
    conv = WarmConverter(timeout=120)
    try:
        results = list(conv.convert_many([(bad, tmp_path / "bad.pdf"), (docx, with_pdf)]))
        assert results[0][1] is not None and not (tmp_path / "bad.pdf").exists()
        assert results[1][1] is None and with_pdf.read_bytes().startswith(b"%PDF")
    finally:
        conv.close()


def test_a_killed_listener_is_restarted_and_the_document_retried(docx: Path, tmp_path: Path) -> None:
    conv = WarmConverter(timeout=120)
    try:
        conv.warm_up()
        assert conv._office is not None
        os.killpg(conv._office.pid, signal.SIGKILL)  # LibreOffice dies between documents
        ((_, err),) = list(conv.convert_many([(docx, tmp_path / "r.pdf")]))
        assert err is None and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
        assert conv.stats["starts"] == 2 and conv.stats["crashes"] + conv.stats["timeouts"] == 1
    finally:
        conv.close()
    with pytest.raises(ConverterError):
        list(conv.convert_many([(docx, tmp_path / "x.pdf")]))
