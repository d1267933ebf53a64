"""Read a .txt / .md draft: one Block per non-empty line, with its 1-based line number.

Encoding: UTF-8 (BOM allowed), UTF-16 with a BOM, else GB18030; anything else is refused with a hint.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from contractkit.errors import UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, read_bounded
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import looks_like_heading, normalize, strip_invisible
from contractkit.readers.pdf import GlyphStats

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")


def read_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a UTF-8 / GB18030 text file into a Document; binary or undecodable files raise UnreadableInput."""
    name = str(path)
    data = read_bounded(path, max_bytes)
    text, encoding = decode(data, name)
    stats = GlyphStats()
    stats.add(text)
    stats.check(name)
    doc = document_from_text(text, name)
    doc.meta["encoding"] = encoding
    return doc


def decode(data: bytes, path: str = "<text>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with BOM, or GB18030; return (text, encoding)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" in data[:8192]:
        raise UnreadableInput(
            "binary data, not a text file",
            path=path,
            hint="lint .docx, .pdf, .txt or .md files",
            zh="是二进制数据，不是文本文件",
            hint_zh="请检查 .docx、.pdf、.txt 或 .md 文件",
        )
    else:
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    raise UnreadableInput(
        "text is neither UTF-8 nor GB18030",
        path=path,
        hint="save the file as UTF-8 and lint it again",
        zh="文本既不是 UTF-8 也不是 GB18030 编码",
        hint_zh="请将文件另存为 UTF-8 后重新检查",
    )


def document_from_text(text: str, path: str = "<text>") -> Document:
    """A Document of ``text``: one Block per non-empty line (``line`` 1-based); used for rule examples too."""
    blocks: list[Block] = []
    for number, line in enumerate(_LINE_SPLIT.split(text), start=1):
        line = strip_invisible(line)
        if not line.strip():
            continue
        kind = "heading" if looks_like_heading(line) else "line"
        blocks.append(
            Block(text=line, norm=normalize(line), location=Location(len(blocks), line=number), kind=kind)
        )
    return Document(path=path, kind="text", blocks=blocks)
