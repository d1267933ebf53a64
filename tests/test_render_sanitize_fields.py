"""Issue 16 item 10: the field sanitizer reads a field's instruction as a whole (split over runs, nested in
QUOTE), and convert reads a .docx with the same inflate limits as lint."""

from __future__ import annotations

import io
import zipfile

import pytest

from contractkit.errors import UnreadableInput
from contractkit.render.sanitize import sanitize_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", f"<w:document {W}><w:body><w:p>{body}</w:p></w:body></w:document>")
    return buf.getvalue()


def _run(xml: str) -> str:
    return f"<w:r>{xml}</w:r>"


BEGIN, SEP, END = (_run(f'<w:fldChar w:fldCharType="{k}"/>') for k in ("begin", "separate", "end"))


def _instr(text: str) -> str:
    return _run(f'<w:instrText xml:space="preserve">{text}</w:instrText>')


def _document(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


@pytest.mark.parametrize(
    "body",
    [
        BEGIN + _instr(" INCLUDE") + _instr('TEXT "file:///etc/passwd" ') + SEP + END,
        BEGIN + _instr(" QUOTE ") + BEGIN + _instr(' INCLUDETEXT "/etc/passwd" ') + END + SEP + END,
        BEGIN + _instr(' QUOTE { INCLUDETEXT "/etc/passwd" } ') + SEP + END,
        BEGIN + _instr(" IN") + _instr("CLUDEPIC") + _instr('TURE "http://x/y.png" ') + END,
    ],
    ids=["split", "nested-field", "nested-braces", "three-runs"],
)
def test_fetching_field_is_blanked_however_written(body):
    clean, report = sanitize_docx(_docx(body))
    xml = _document(clean)
    assert report.fields and "passwd" not in xml and "http://x" not in xml


def test_harmless_fields_are_kept():
    body = BEGIN + _instr(" PAGE ") + SEP + END + BEGIN + _instr(' HYPERLINK "#top" ') + END
    clean, report = sanitize_docx(_docx(body))
    assert not report.fields and "HYPERLINK" in _document(clean)


def test_convert_refuses_what_lint_refuses():
    from fuzz import hostile

    with pytest.raises(UnreadableInput, match=r"zip bomb|inflates"):
        sanitize_docx(hostile.zip_bomb(250), path="bomb.docx")
    with pytest.raises(UnreadableInput, match="encrypted"):
        sanitize_docx(hostile.damaged_drafts()["encrypted.docx"], path="enc.docx")
