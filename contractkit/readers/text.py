"""Read a .txt / .md draft: one Block per non-empty line, with its 1-based line number.

Encoding: a BOM (UTF-8/16/32), strict UTF-8, else what charset-normalizer detects with confidence among the
Chinese encodings (GB18030, Big5) and BOM-less UTF-16/32; anything else is refused with a hint (see
:func:`decode`).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from contractkit.errors import UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, read_bounded
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import looks_like_heading, normalize_many, strip_invisible
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


#: Encodings a Chinese draft comes in; anything else detected (Shift-JIS, EUC-KR, …) is refused.
CHINESE = ("gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _plausible(text: str) -> bool:
    """True when decoded text looks like text: no control, unassigned or private-use characters, and its
    Chinese characters common ones (in GB2312 or Big5) — bytes read as the wrong wide encoding give rare
    ideographs (``b"binary"`` as UTF-16 is 戂湩牡)."""
    import unicodedata

    sample = text[:20000]
    if any(
        unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and ch not in "\t\n\r\f\x1a" for ch in sample
    ):
        return False
    han = [ch for ch in sample if "\u3400" <= ch <= "\u9fff"]
    if not han:
        return True
    common = sum(1 for ch in han if _encodes(ch, "gb2312") or _encodes(ch, "big5"))
    return common >= 0.9 * len(han)


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _refuse(path: str, en: str, zh: str) -> UnreadableInput:
    return UnreadableInput(
        en,
        path=path,
        hint="save the file as UTF-8 (or lint the .docx/.pdf it came from)",
        zh=zh,
        hint_zh="请将文件另存为 UTF-8（或检查其原始 .docx/.pdf 文件）",
    )


def decode(data: bytes, path: str = "<text>") -> tuple[str, str]:
    """Decode a text draft and say how: a BOM (UTF-8/16/32), strict UTF-8, else the encoding
    :mod:`charset_normalizer` finds with confidence among Chinese ones (GB18030, Big5) and UTF-16/32 without
    a BOM. Binary data, another script's encoding (Shift-JIS, EUC-KR…) or no confident answer is refused —
    never linted as garbage."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise _refuse(
                    path,
                    f"text starts with a {encoding} mark but does not decode as it",
                    f"文本的 {encoding} 编码标记与内容不符",
                ) from None
    nul = b"\x00" in data[:8192]  # text has none, unless it is UTF-16/32 without a BOM
    if not nul:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 256 * 1024]).best()
    encoding = best.encoding.lower() if best is not None else None
    if encoding is not None and (encoding in CHINESE or encoding.startswith(("utf_16", "utf_32"))):
        codec = "gb18030" if encoding in ("gbk", "gb2312") else encoding
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            text = ""
        if text and _plausible(text):
            return text, codec.replace("_", "-")
    if nul:
        raise UnreadableInput(
            "binary data, not a text file",
            path=path,
            hint="lint .docx, .pdf, .txt or .md files",
            zh="是二进制数据，不是文本文件",
            hint_zh="请检查 .docx、.pdf、.txt 或 .md 文件",
        )
    if encoding is not None:
        language = best.language if best is not None else ""
        raise _refuse(
            path,
            f"text is in {encoding} ({language or 'not Chinese'}), not a Chinese text encoding",
            f"文本编码为 {encoding}（{language or '非中文'}），不是中文文本编码",
        )
    raise _refuse(
        path,
        "the text encoding cannot be determined with confidence (tried UTF-8/16/32, GB18030, Big5)",
        "无法可靠判断文本编码（已尝试 UTF-8/16/32、GB18030、Big5）",
    )


def document_from_text(text: str, path: str = "<text>") -> Document:
    """A Document of ``text``: one Block per non-empty line (``line`` 1-based); used for rule examples too."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(_LINE_SPLIT.split(text), start=1):
        line = strip_invisible(line)
        if line.strip():
            lines.append((number, line))
    norms = normalize_many([line for _, line in lines])
    blocks = [
        Block(line, norm, Location(i, line=number), "heading" if looks_like_heading(line) else "line")
        for i, ((number, line), norm) in enumerate(zip(lines, norms, strict=True))
    ]
    return Document(path=path, kind="text", blocks=blocks)
