"""Bad input gets a clear UnreadableInput (path, hint), never a traceback: zips, disguised files, limits."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from contractkit.errors import UnreadableInput
from contractkit.readers import zipguard
from contractkit.readers.dispatch import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = docx.Document()
    d.add_paragraph("第一条 合同标的")
    path = tmp_path_factory.mktemp("good") / "good.docx"
    d.save(path)
    return path


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _refused(path: Path, match: str, **kw: int) -> UnreadableInput:
    with pytest.raises(UnreadableInput, match=match) as info:
        read_document(path, **kw)
    assert info.value.path == str(path)
    return info.value


def test_good_docx_dispatches(good_docx: Path) -> None:
    doc = read_document(good_docx)
    assert doc.kind == "docx" and doc.blocks[0].text == "第一条 合同标的"


def test_truncated_docx(tmp_path: Path, good_docx: Path) -> None:
    bad = tmp_path / "cut.docx"
    bad.write_bytes(good_docx.read_bytes()[:2000])
    assert _refused(bad, "corrupt or truncated zip").hint


def test_pdf_renamed_docx_is_read_as_pdf_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "really_a_pdf.docx"
    renamed.write_bytes((FIXTURES / "scan.pdf").read_bytes())
    _refused(renamed, "OCR")  # dispatched on %PDF, so the PDF's own problem is reported


def test_text_renamed_docx(tmp_path: Path) -> None:
    renamed = tmp_path / "notes.docx"
    renamed.write_text("只是一段文字", encoding="utf-8")
    _refused(renamed, "not a .docx")


def test_zip_without_document_xml(tmp_path: Path) -> None:
    _refused(_zip(tmp_path / "x.docx", {"readme.txt": b"hello"}), "without word/document.xml")


def test_xlsx_is_named(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "book.docx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    )
    _refused(path, "Excel workbook")


def test_zip_bomb_ratio(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "bomb.docx", {"word/document.xml": b"<", "word/media/zeros.bin": bytes(30 * 1024 * 1024)}
    )
    err = _refused(path, "zip bomb")
    assert err.where == "word/media/zeros.bin"


def test_zip_total_size_bound(tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.zip", {f"part{i}.bin": bytes(600_000) for i in range(4)})
    data = path.read_bytes()
    with pytest.raises(UnreadableInput, match="inflates to"):
        zipguard.open_zip(data, str(path), max_total=2_000_000)
    zipguard.open_zip(data, str(path))  # within the default bound


def test_read_member_cap(tmp_path: Path) -> None:
    path = _zip(tmp_path / "m.zip", {"a.xml": b"x" * 5000})
    zf = zipguard.open_zip(path.read_bytes(), str(path))
    assert len(zipguard.read_member(zf, "a.xml", max_bytes=5000, path=str(path))) == 5000
    with pytest.raises(UnreadableInput, match="inflates past"):
        zipguard.read_member(zf, "a.xml", max_bytes=4999, path=str(path))


def test_dtd_in_document_xml_is_refused(tmp_path: Path, good_docx: Path) -> None:
    with zipfile.ZipFile(good_docx) as src:
        members = {n: src.read(n) for n in src.namelist()}
    xml = members["word/document.xml"]
    head, _, rest = xml.partition(b"?>")
    members["word/document.xml"] = (
        head + b'?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>' + rest
    )
    err = _refused(_zip(tmp_path / "dtd.docx", members), "DTD")
    assert err.where == "word/document.xml"


def test_damaged_old_doc_format(tmp_path: Path) -> None:
    """An OLE file goes through LibreOffice (readers/office.py); one it cannot open is refused, not clean."""
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    _refused(path, "LibreOffice could not open")


def test_size_limit_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "long.txt"
    path.write_text("合同" * 2000, encoding="utf-8")

    def no_read(*_a: object, **_k: object) -> bytes:
        raise AssertionError("an oversized file must not be read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    _refused(path, "over the", max_bytes=1000)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    _refused(tmp_path / "nope.docx", "not found")
    _refused(tmp_path, "folder")


def test_other_files_still_readable_after_errors(tmp_path: Path, good_docx: Path) -> None:
    bad = tmp_path / "cut.docx"
    bad.write_bytes(good_docx.read_bytes()[:100])
    results = []
    for path in (bad, good_docx):
        try:
            results.append(read_document(path).kind)
        except UnreadableInput as exc:
            results.append(f"error: {exc.message}")
    assert results[0].startswith("error:") and results[1] == "docx"


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("deflate.docx", "corrupt zip member"),
        ("method.docx", "compression method 99"),
        ("encrypted.docx", "encrypted"),
        ("strong.docx", "encrypted"),
        ("version.docx", "corrupt or truncated zip|version"),
        ("truncated.docx", "corrupt or truncated zip"),
    ],
)
def test_damaged_zip_variants_are_unreadable_not_crashes(tmp_path, name, match):
    from fuzz import hostile

    bad = tmp_path / name
    bad.write_bytes(hostile.damaged_drafts()[name])
    _refused(bad, match)


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    from fuzz import hostile

    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(hostile.zip_bomb(150))
    _refused(bomb, "zip bomb|inflates")


@pytest.mark.parametrize(
    "exc",
    [
        __import__("zlib").error("invalid"),
        NotImplementedError("That compression method is not supported"),
        MemoryError(),
        RecursionError(),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"),
        ValueError("lxml: Document is empty"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_any_failure_of_a_reader_is_unreadable_input(tmp_path, monkeypatch, good_docx, exc):
    import contractkit.readers.docx as docx_reader

    def boom(*a, **k):
        raise exc

    monkeypatch.setattr(docx_reader, "read_docx", boom)
    err = _refused(good_docx, ".")
    assert err.hint


def test_every_refusal_of_a_bad_file_exists_in_both_languages(tmp_path):
    from fuzz import hostile

    cases = {**hostile.damaged_drafts(), **hostile.WRONG_MAGIC, "bomb.docx": hostile.zip_bomb(150)}
    del cases["empty.txt"]  # an empty text file is an empty document, not an error
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(UnreadableInput) as info:
            read_document(path)
        zh, en = info.value.text("zh"), info.value.text("en")
        assert info.value.zh and zh != en, name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.zh), (name, zh)


def _blank_pdf(path: Path, pages: int) -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    pdf.save(str(path))
    pdf.close()
    return path


@pytest.mark.parametrize(
    ("pages", "options", "says"),
    [
        (0, {}, "不是可读取的 PDF"),  # PDFium refuses a file with no page
        (3, {"max_pages": 2}, "PDF 有 3 页（上限 2 页）"),
        (1, {"ocr": "never"}, "都没有文字层"),
    ],
)
def test_refusals_of_a_pdf_exist_in_both_languages(tmp_path, pages, options, says):
    from contractkit.readers.pdf import read_pdf

    with pytest.raises(UnreadableInput) as info:
        read_pdf(_blank_pdf(tmp_path / "x.pdf", pages), **options)
    assert says in info.value.text("zh")
    assert info.value.text("en") != info.value.text("zh")
