"""Supervision: a killed worker loses no document, a hung one times out alone, workers are recycled, nothing
outlives the converter; external links are stripped; a missing soffice is a clear error (CLI exit 2)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.errors import ConverterError
from contractkit.render.pdf import PdfConverter
from contractkit.render.sanitize import sanitize_docx
from tests.test_pdf_convert import make_cjk_docx

FAKE = Path(__file__).parent / "fixtures" / "pdf" / "fake_soffice.py"


def _pgrep(pattern: str) -> list[int]:
    out = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _marked_docx(path: Path, marker: str) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph(f"合同 {marker}")
    doc.save(str(path))
    return path


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    exe = bindir / "soffice"
    exe.write_text(f'#!/bin/sh\nexec {sys.executable} {FAKE} "$@"\n')
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)
    log = tmp_path / "calls.log"
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    return log


def test_killed_worker_mid_batch_loses_nothing(tmp_path):
    docs = [make_cjk_docx(tmp_path / f"c{i}.docx", paragraphs=60) for i in range(8)]
    pairs = [(d, d.with_suffix(".pdf")) for d in docs]
    results = []
    with PdfConverter(jobs=1) as conv:
        root = str(conv.profile_root)
        for item in conv.convert_many(pairs):
            if not results:  # first PDF is out: kill the LibreOffice working on the rest
                for pid in _pgrep(f"soffice.bin.*{root}"):
                    os.kill(pid, signal.SIGKILL)
            results.append(item)
        stats = dict(conv.stats)
    assert [e for _, e in results if e is not None] == []
    assert sorted(p for p, _ in results) == sorted(pairs)
    assert all(d.with_suffix(".pdf").read_bytes().startswith(b"%PDF") for d in docs)
    assert stats["crashes"] >= 1 and stats["starts"] >= 2
    assert _pgrep(root) == []


def test_hung_document_times_out_others_convert(tmp_path, fake_soffice):
    docs = [_marked_docx(tmp_path / f"d{i}.docx", "HANG-ME" if i == 1 else "fine") for i in range(4)]
    pairs = [(d, tmp_path / "out" / f"{d.stem}.pdf") for d in docs]
    with PdfConverter(jobs=1, timeout=1.5) as conv:
        root = str(conv.profile_root)
        results = dict(conv.convert_many(pairs))
        stats = dict(conv.stats)
    assert isinstance(results[pairs[1]], ConverterError)
    assert "did not finish" in str(results[pairs[1]])
    assert all(results[p] is None and p[1].exists() for i, p in enumerate(pairs) if i != 1)
    assert not pairs[1][1].exists()
    assert fake_soffice.read_text().split().count("HANG-ME") == 2  # tried, then retried once alone
    assert stats["timeouts"] == 2
    assert _pgrep(root) == []


def test_crash_retried_once_then_reported(tmp_path, fake_soffice):
    docs = [_marked_docx(tmp_path / f"d{i}.docx", "CRASH-ME" if i == 0 else "fine") for i in range(3)]
    results = dict(PdfConverterRun(docs))
    bad = [p for p, e in results.items() if e is not None]
    assert [p[0].name for p in bad] == ["d0.docx"]
    assert "crashed" in str(results[bad[0]])
    assert fake_soffice.read_text().split().count("CRASH-ME") == 2


def PdfConverterRun(docs):
    with PdfConverter(jobs=2) as conv:
        return list(conv.convert_many([(d, d.with_suffix(".pdf")) for d in docs]))


def test_workers_recycled_after_max_docs(tmp_path, fake_soffice):
    docs = [_marked_docx(tmp_path / f"d{i}.docx", "fine") for i in range(5)]
    with PdfConverter(jobs=1, max_docs_per_worker=2) as conv:
        results = list(conv.convert_many([(d, d.with_suffix(".pdf")) for d in docs]))
        assert conv.stats["starts"] == 3
    assert all(e is None for _, e in results)


def test_unreadable_input_reported_others_convert(tmp_path, fake_soffice):
    good = _marked_docx(tmp_path / "good.docx", "fine")
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with PdfConverter(jobs=2) as conv:
        results = dict(conv.convert_many([(good, tmp_path / "good.pdf"), (bad, tmp_path / "bad.pdf")]))
    assert results[(good, tmp_path / "good.pdf")] is None
    assert "not a .docx" in str(results[(bad, tmp_path / "bad.pdf")])


def _docx_with_external_links(path: Path, image_url: str, link_url: str) -> Path:
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    doc = Document()
    para = doc.add_paragraph("见附件")
    part = doc.part
    link_rid = part.relate_to(link_url, RT.HYPERLINK, is_external=True)
    img_rid = part.relate_to(image_url, RT.IMAGE, is_external=True)
    para._p.append(
        parse_xml(
            '<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            f'r:id="{link_rid}">'
            f"<w:r><w:t>链接</w:t></w:r></w:hyperlink>"
        )
    )
    para._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:fldChar w:fldCharType="begin"/></w:r>'
        )
    )
    para._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:instrText>'
            f' INCLUDEPICTURE "{image_url}" \\d </w:instrText></w:r>'
        )
    )
    para._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:fldChar w:fldCharType="end"/></w:r>'
        )
    )
    doc.save(str(path))
    assert img_rid
    return path


@settings(max_examples=25, deadline=None)
@given(
    host=st.from_regex(r"[a-z]{1,12}\.(example|internal|local)", fullmatch=True),
    scheme=st.sampled_from(["http", "https", "file", "smb"]),
)
def test_sanitize_strips_every_external_relationship(tmp_path_factory, host, scheme):
    path = tmp_path_factory.mktemp("san") / "ext.docx"
    url = f"{scheme}://{host}/secret.png"
    _docx_with_external_links(path, url, f"{scheme}://{host}/page")
    clean, report = sanitize_docx(path.read_bytes())
    assert len(report.relationships) == 2 and report.fields
    with zipfile.ZipFile(__import__("io").BytesIO(clean)) as z:
        for name in z.namelist():
            data = z.read(name)
            assert b'TargetMode="External"' not in data, name
            assert host.encode() not in data, name
        body = z.read("word/document.xml").decode()
    assert "链接" in body and "见附件" in body  # the visible text stays


def test_sanitized_external_link_still_converts(tmp_path):
    src = _docx_with_external_links(tmp_path / "ext.docx", "http://127.0.0.1:9/x.png", "file:///etc/passwd")
    with PdfConverter() as conv:
        conv.convert(src, tmp_path / "ext.pdf")
    assert (tmp_path / "ext.pdf").read_bytes().startswith(b"%PDF")


def test_missing_soffice_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConverterError) as info:
        PdfConverter()
    assert "apt-get install libreoffice-writer-nogui fonts-noto-cjk" in str(info.value)
    doc = _marked_docx(tmp_path / "a.docx", "fine")
    assert main(["convert", str(doc)]) == 2


def test_cli_convert_reports_failures_and_converts_the_rest(tmp_path, capsys):
    good = make_cjk_docx(tmp_path / "good.docx", paragraphs=3)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    missing = tmp_path / "missing.docx"
    out = tmp_path / "pdf"
    # unreadable inputs (broken, missing) exit 2 like every other command; the good file is still converted
    assert main(["convert", str(good), str(bad), str(missing), "-o", str(out), "--jobs", "2"]) == 2
    assert (out / "good.pdf").read_bytes().startswith(b"%PDF")
    assert not (out / "bad.pdf").exists() and not (out / "missing.pdf").exists()
    err = capsys.readouterr().err
    assert "bad.docx" in err and "missing.docx: file not found" in err and "1 converted, 2 failed" in err
    assert main(["convert", str(good)]) == 0
    assert (tmp_path / "good.pdf").exists()


_CHILD = """
import signal
import sys
# Ctrl-C as in a terminal (a child started in the background of a script inherits SIGINT ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)
from pathlib import Path
from contractkit.render.pdf import PdfConverter
docs = [Path(p) for p in sys.argv[1:]]
with PdfConverter(jobs=2) as conv:
    print(conv.profile_root, flush=True)
    for i, _ in enumerate(conv.convert_many([(d, d.with_suffix(".pdf")) for d in docs])):
        if i == 0:
            print("converting", flush=True)  # LibreOffice is at work and most documents are still to do
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_no_soffice_left_after_sigterm_or_ctrl_c(tmp_path, sig):
    import time

    docs = [make_cjk_docx(tmp_path / f"s{i}.docx", paragraphs=80) for i in range(24)]
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, *map(str, docs)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    root = child.stdout.readline().strip()
    assert root
    deadline = time.monotonic() + 30
    while not _pgrep(f"soffice.bin.*{root}") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _pgrep(f"soffice.bin.*{root}"), "LibreOffice never started"
    assert child.stdout.readline().strip() == "converting"  # mid-run, not after the last document
    child.send_signal(sig)
    assert child.wait(timeout=30) != 0
    # SIGKILLed grandchildren (soffice.bin) can take a moment to vanish on a loaded machine: poll, don't guess
    gone_by = time.monotonic() + 5
    while _pgrep(root) and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert _pgrep(root) == []
    assert not Path(root).exists()  # profiles removed


def test_file_libreoffice_cannot_load_is_reported_once_retried(tmp_path):
    weird = tmp_path / "weird.docx"
    with zipfile.ZipFile(weird, "w") as z:
        z.writestr("[Content_Types].xml", "garbage<<")
        z.writestr("word/document.xml", "\x00\x01 not xml")
    good = make_cjk_docx(tmp_path / "good.docx", paragraphs=3)
    with PdfConverter() as conv:
        results = dict(conv.convert_many([(weird, tmp_path / "weird.pdf"), (good, tmp_path / "good.pdf")]))
        assert conv.stats["retries"] == 1
    assert "could not convert" in str(results[(weird, tmp_path / "weird.pdf")])
    assert results[(good, tmp_path / "good.pdf")] is None
    assert not (tmp_path / "weird.pdf").exists()
