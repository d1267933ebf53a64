"""Characters no installed font can draw: LibreOffice prints them as empty boxes in a PDF (CJK Extension B
such as 𪚥 with only the basic Noto CJK set). The coverage is the union of every font's charset as
fontconfig reports it (``fc-list``), read once per process."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import zipfile
from io import BytesIO

_RANGE = re.compile(r"([0-9a-f]+)(?:-([0-9a-f]+))?")
_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_TEXTPATH = re.compile(r"<v:textpath\s[^>]*\bstring=\"([^\"]*)\"")  # a watermark's text (render --watermark)


@functools.cache
def covered_ranges() -> tuple[tuple[int, int], ...] | None:
    """Merged code point ranges some installed font covers; None when fontconfig is not available."""
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        out = subprocess.run(
            [exe, "--format", "%{charset}\n"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    spans = sorted(
        (int(a, 16), int(b or a, 16)) for line in out.splitlines() for a, b in _RANGE.findall(line)
    )
    merged: list[list[int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return tuple((lo, hi) for lo, hi in merged) or None


def missing_glyphs(text: str) -> list[str]:
    """The distinct visible characters of ``text`` that no installed font covers, in order of appearance."""
    ranges = covered_ranges()
    if not ranges:
        return []
    import bisect

    starts = [lo for lo, _ in ranges]
    out: dict[str, None] = {}
    for ch in text:
        cp = ord(ch)
        if cp < 0x80 or ch.isspace() or ch in out:
            continue
        i = bisect.bisect_right(starts, cp) - 1
        if i < 0 or cp > ranges[i][1]:
            out[ch] = None
    return list(out)


def docx_missing_glyphs(data: bytes) -> list[str]:
    """``missing_glyphs`` of the body text of a .docx package (its ``w:t`` runs) and of the watermark text
    in its headers."""
    import html

    try:
        zf = zipfile.ZipFile(BytesIO(data))
        xml = zf.read("word/document.xml").decode("utf-8", "replace")
        headers = [
            zf.read(n).decode("utf-8", "replace")
            for n in zf.namelist()
            if n.startswith("word/header") and n.endswith(".xml")
        ]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return []
    text = "".join(_TEXT.findall(xml)) + "".join(m for h in headers for m in _TEXTPATH.findall(h))
    return missing_glyphs(html.unescape(text))


def glyph_warning(chars: list[str], path: str, lang: str = "en") -> str:
    """One warning line naming the characters that will print as empty boxes."""
    shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in chars[:8]) + (" …" if len(chars) > 8 else "")
    if lang == "zh":
        return f"警告：{path}：{len(chars)} 个字符没有可用字体，PDF 中将显示为空框：{shown}"
    return (
        f"warning: {path}: {len(chars)} character(s) have no installed font and print as empty boxes: {shown}"
    )
