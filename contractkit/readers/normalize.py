"""Same-length text normalization for matching: Traditional → Simplified, full-width → half-width.

``normalize(text)`` always returns a string of exactly ``len(text)`` characters, so an offset found in the
normalized form quotes the same characters of the original. Also: blank fill-in fields (``____``, runs of
spaces) and a clause-heading test shared by the readers.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# Zero-width / invisible characters: readers drop them from ``text``; normalize() maps any left to a space.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")

# Spaces of every width → " " (same length).
_SPACES = "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t"

_TABLE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # ！..～ → !..~
_TABLE.update({ord(c): " " for c in _SPACES + INVISIBLE})
_TABLE.update({0xFFE5: "¥", 0xFFE0: "¢", 0xFFE1: "£", 0x2212: "-"})

# Characters that OpenCC might change: anything outside ASCII/Latin-1; cheap test before calling it.
_NEEDS_CC = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

_BLANK_RE = re.compile(
    r"[_＿]{2,}(?:[ \u3000\u00a0]*[_＿]{2,})*"  # ____ or ＿＿ (also "____  ____")
    r"|(?<=\S)[ \u3000\u00a0\t]{3,}(?=\S)"  # 3+ spaces between text: 甲方：     乙方：
    r"|(?<=[:：])[ \u3000\u00a0\t]{3,}$"  # 3+ spaces after a colon at the end: 联系电话：
)

_CN_NUM = "零〇一二三四五六七八九十百千两0-9０-９"
_HEADING_RE = re.compile(rf"^\s*第\s*[{_CN_NUM}]+\s*[条章节]")


@functools.lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s.json")


@functools.lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC, same length (per character if phrase conversion changes it)."""
    if not _NEEDS_CC.search(text):
        return text
    try:
        out = _converter().convert(text)
    except Exception:
        out = ""
    if len(out) == len(text):
        return out
    return "".join(_char_t2s(ch) if _NEEDS_CC.match(ch) else ch for ch in text)


#: The characters ``_TABLE`` folds, as one-character strings (for a set intersection with a text).
_FOLDED = frozenset(map(chr, _TABLE))


def _fold(text: str) -> str:
    """``text.translate(_TABLE)``, by one ``str.replace`` per foldable character present (no value of the
    table is a key of it, so the order does not matter); ``translate`` looks up every character, 4x slower."""
    for ch in _FOLDED.intersection(text):
        text = text.replace(ch, _TABLE[ord(ch)])
    return text


def normalize(text: str) -> str:
    """The matching form of ``text``: Simplified, half-width ASCII, plain spaces; ``len(text)`` long."""
    out = _fold(to_simplified(text))
    return out if len(out) == len(text) else _fold(text)


def normalize_many(texts: list[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, with one OpenCC call for all the texts that need one.

    OpenCC matches dictionary phrases, none of which holds a line break, so converting the texts joined by
    line breaks converts each as on its own; a text whose share of the joined result does not keep its length
    is converted again alone, exactly as :func:`normalize` does."""
    simplified = list(texts)
    need = [i for i, t in enumerate(texts) if _NEEDS_CC.search(t)]
    if need:
        batch = [texts[i] for i in need]
        try:
            pieces = _converter().convert("\n".join(batch)).split("\n")
        except Exception:
            pieces = []
        if len(pieces) == sum(t.count("\n") + 1 for t in batch):
            pos = 0
            for i, t in zip(need, batch, strict=True):
                k = t.count("\n") + 1
                out = pieces[pos] if k == 1 else "\n".join(pieces[pos : pos + k])
                pos += k
                simplified[i] = out if len(out) == len(t) else to_simplified(t)
        else:
            for i, t in zip(need, batch, strict=True):
                simplified[i] = to_simplified(t)
    # one fold of the texts joined: it keeps every length and line break, so each text is its own slice
    joined = _fold("\n".join(simplified))
    out, pos = [], 0
    for s, t in zip(simplified, texts, strict=True):
        f = joined[pos : pos + len(s)]
        pos += len(s) + 1
        out.append(f if len(f) == len(t) else _fold(t))
    return out


def strip_invisible(text: str) -> str:
    """``text`` without zero-width characters (ZWSP, ZWJ, BOM, soft hyphen …)."""
    return _INVISIBLE_RE.sub("", text) if _INVISIBLE_RE.search(text) else text


def blank_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of blank fill-in fields: runs of ``_``/``＿`` (2+), 3+ spaces between text or
    after a trailing colon. The same offsets apply to ``text`` and ``normalize(text)``."""
    return [m.span() for m in _BLANK_RE.finditer(text)]


def looks_like_heading(text: str) -> bool:
    """True for a clause heading such as ``第五条 验收`` / ``第3条`` / ``第二章 总则``."""
    return bool(_HEADING_RE.match(text)) and len(text.strip()) <= 40
