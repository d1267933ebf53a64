"""read_text / document_from_text: line numbers, encodings, normalization."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.errors import UnreadableInput
from contractkit.readers.normalize import strip_invisible
from contractkit.readers.text import document_from_text, read_text

SAMPLE = "第一条 合同標的\r\n\r\n乙方提供服務器１０台。\n  \n驗收：到貨後72小時內。\r"


def test_lines_are_numbered_with_empty_ones_skipped() -> None:
    doc = document_from_text(SAMPLE, "draft.txt")
    assert [(b.location.line, b.text) for b in doc.blocks] == [
        (1, "第一条 合同標的"),
        (3, "乙方提供服務器１０台。"),
        (5, "驗收：到貨後72小時內。"),
    ]
    assert doc.blocks[0].kind == "heading" and doc.blocks[1].kind == "line"
    assert doc.blocks[1].norm == "乙方提供服务器10台。"
    assert doc.blocks[2].norm == "验收:到货后72小时内。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    doc = read_text(path)
    assert doc.kind == "text" and doc.path == str(path)
    assert [b.location.line for b in doc.blocks] == [1, 3, 5]
    assert doc.blocks[0].text == "第一条 合同標的"  # no BOM left over


def test_undecodable_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x80\xfe\xfd\xfc" * 3 + "合同".encode() + b"\x80\xff")
    with pytest.raises(UnreadableInput, match="UTF-8") as info:
        read_text(path)
    assert "UTF-8" in info.value.hint


def test_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(UnreadableInput, match="binary"):
        read_text(path)


def test_replacement_chars_are_unreadable_glyphs(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_text("合同" + "\ufffd" * 40 + "条款", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="unreadable glyphs"):
        read_text(path)


def test_zero_width_characters_dropped() -> None:
    (block,) = document_from_text("验\u200b收\ufeff合格").blocks
    assert block.text == "验收合格" and block.norm == "验收合格"


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=30), max_size=20))
def test_every_nonblank_line_becomes_one_block(lines: list[str]) -> None:
    doc = document_from_text("\n".join(lines))
    expected = [i + 1 for i, line in enumerate(lines) if strip_invisible(line).strip()]
    assert [b.location.line for b in doc.blocks] == expected
    assert all(len(b.norm) == len(b.text) for b in doc.blocks)
