"""Word automatic numbering: the label Word renders before a paragraph (第一条, 1.1, （一）, 1.) that is in
``numbering.xml``, not in the paragraph's text.

:class:`Numbering` reads the definitions once per document; :meth:`Numbering.label` is called for every
paragraph in document order and keeps the counters, as Word does (a level's counter restarts when a
shallower level of the same list advances).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from contractkit.numerals import int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"

_CN_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
_ROMAN += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """The counter ``n`` in Word's number format ``fmt`` (decimal, chineseCounting, upperRoman …)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return int_to_cn(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return int_to_cn(n, upper=True)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789"})
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False


@dataclass(slots=True)
class Numbering:
    """The numbering definitions of one document and the running counters."""

    #: numId → (abstractNumId, {ilvl: start override})
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    #: abstractNumId → {ilvl: level}
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    #: styleId → (numId, ilvl) for a style that carries numbering (Heading 1 linked to a list), else None
    style_numbering: Callable[[str | None], tuple[str, int] | None] = field(
        default=lambda _sid: None, repr=False
    )
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    #: False when no paragraph of the tree read has its own ``w:numPr`` (only styles can number then).
    direct: bool = True

    @classmethod
    def of(cls, root: Any, styles: Any = None) -> Numbering:
        """Read the definitions of a numbering part's root (None: no numbering part); ``styles`` gives the
        numbering a paragraph style carries (``styles.numbering(style_id)``, see ``docx_styles.Styles``)."""
        out = cls()
        out.style_numbering = styles.numbering if styles is not None else _no_style_numbering
        if root is not None:
            for an in root.iter(f"{W}abstractNum"):
                levels: dict[int, _Level] = {}
                for lvl in an.iter(f"{W}lvl"):
                    levels[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(
                        start=_int(_child_val(lvl, "start"), 1),
                        fmt=_child_val(lvl, "numFmt") or "decimal",
                        text=_child_val(lvl, "lvlText") or "",
                        legal=lvl.find(f"{W}isLgl") is not None,
                    )
                out.abstract[an.get(f"{W}abstractNumId") or ""] = levels
            for num in root.iter(f"{W}num"):
                overrides: dict[int, int] = {}
                for ov in num.iter(f"{W}lvlOverride"):
                    so = _child_val(ov, "startOverride")
                    if so is not None:
                        overrides[_int(ov.get(f"{W}ilvl"), 0)] = _int(so, 1)
                out.nums[num.get(f"{W}numId") or ""] = (_child_val(num, "abstractNumId") or "", overrides)
        return out

    def label(self, p: Any, style_id: str | None) -> tuple[str, int] | None:
        """The rendered label and level of paragraph ``p`` (advancing the counters), or None."""
        if not self.nums:
            return None
        num_pr = grandchild(p, _PPR, _NUMPR) if self.direct else None
        num_id: str | None = None
        ilvl = 0
        if num_pr is not None:
            num_id = _child_val(num_pr, "numId")
            ilvl = _int(_child_val(num_pr, "ilvl"), -1)
        by_style = self.style_numbering(style_id) if num_id is None or ilvl < 0 else None
        if by_style is not None:
            s_num, s_lvl = by_style
            num_id = num_id or s_num
            ilvl = s_lvl if ilvl < 0 else ilvl
        ilvl = max(ilvl, 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(abstract_id, {})
        starts = {k: overrides.get(k, v.start) for k, v in levels.items()}
        counters[ilvl] = counters.get(ilvl, starts[ilvl] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return None
        text = level.text
        for k in range(9):
            mark = f"%{k + 1}"
            if mark in text:
                value = counters.get(k, starts.get(k, 1))
                fmt = "decimal" if level.legal else levels.get(k, _Level()).fmt
                text = text.replace(mark, format_number(value, fmt))
        text = text.strip()
        return (text, ilvl) if text else None


_PPR, _NUMPR = f"{W}pPr", f"{W}numPr"


def _no_style_numbering(_style_id: str | None) -> tuple[str, int] | None:
    return None


def grandchild(el: Any, outer: str, inner: str) -> Any:
    """``el.find(f"{outer}/{inner}")`` without ElementPath: the first ``inner`` child of an ``outer``."""
    for node in el.iterchildren(outer):
        for found in node.iterchildren(inner):
            return found
    return None


def child_val(el: Any, outer: str, inner: str) -> str | None:
    """The ``w:val`` of :func:`grandchild` (``w:pPr/w:pStyle`` → the style id), else None."""
    node = grandchild(el, outer, inner)
    return node.get(_VAL) if node is not None else None


def _child_val(el: Any, name: str) -> str | None:
    node = el.find(f"{W}{name}")
    return node.get(_VAL) if node is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
