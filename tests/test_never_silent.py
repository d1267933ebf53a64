"""A file the product cannot read is reported (exit 2), never passed as clean — every type it does not
support, and text in an encoding it cannot determine. Text in the Chinese encodings it detects lints like
the UTF-8 original."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from contractkit.cli import main
from contractkit.lint import lint_paths

DRAFT = (Path(__file__).parent.parent / "samples" / "drafts" / "defective-sales-contract.txt").read_text(
    encoding="utf-8"
)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


UNSUPPORTED: dict[str, bytes] = {
    "weird.xyz": "甲方向乙方采购设备一批。".encode(),
    "sheet.csv": "品名,数量\n设备,一批\n".encode(),
    "page.html": "<html><body>甲方向乙方采购设备一批。</body></html>".encode(),
    "noext": "甲方向乙方采购设备一批。".encode(),
    "slides.pptx": _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}),
    "archive.zip": _zip({"a.txt": b"hello"}),
    "program.exe": b"MZ\x90\x00" + bytes(200),
    "book.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1200),
    "fake.docx": b"this is not a zip",
    "fake.pdf": b"not a pdf",
    "japanese.txt": "甲は物品を受領した後七日以内に検収を行うものとする。本契約は二通作成する。".encode(
        "shift_jis"
    ),
    "binary.txt": bytes(range(256)) * 4,
    "fake.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
}


@pytest.mark.parametrize("name", sorted(UNSUPPORTED))
def test_an_unsupported_or_unreadable_file_is_never_clean(tmp_path: Path, name: str, capsys) -> None:
    path = tmp_path / name
    path.write_bytes(UNSUPPORTED[name])
    assert main(["lint", str(path), "--lang", "en"]) == 2
    out = capsys.readouterr()
    assert "no problems" not in out.out.lower() and "未发现问题" not in out.out
    (fr,) = lint_paths([path]).files
    assert fr.error and not fr.findings


def test_unsupported_type_names_the_supported_formats(tmp_path: Path) -> None:
    path = tmp_path / "weird.xyz"
    path.write_bytes("甲方".encode())
    from contractkit.config import Settings

    (fr,) = lint_paths([path], Settings(lang="en")).files
    assert "unsupported file type .xyz" in fr.error and ".docx" in fr.error and ".wps" in fr.error
    (fr,) = lint_paths([path]).files
    assert "不支持的文件类型 .xyz" in fr.error


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-32", "utf-32-be"]
)
def test_text_in_every_detected_encoding_lints_like_utf8(tmp_path: Path, encoding: str) -> None:
    want = sorted(
        (f.rule, f.location.line) for f in lint_paths([_write(tmp_path, "utf-8", DRAFT)]).files[0].findings
    )
    got = lint_paths([_write(tmp_path, encoding, DRAFT)]).files[0]
    assert got.error is None
    assert sorted((f.rule, f.location.line) for f in got.findings) == want
    assert want


def test_big5_traditional_text_is_read(tmp_path: Path) -> None:
    from contractkit.readers.dispatch import read_document

    path = tmp_path / "big5.txt"
    path.write_bytes("甲方應於收到貨物後七日內驗收，逾期未提出異議的視為驗收合格。".encode("big5"))
    doc = read_document(str(path))
    assert doc.meta["encoding"] == "big5" and "视为验收合格" in doc.blocks[0].norm


def _write(tmp_path: Path, encoding: str, text: str) -> Path:
    path = tmp_path / f"draft-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    return path
