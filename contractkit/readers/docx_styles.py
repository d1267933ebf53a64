"""The styles of a .docx as the reader needs them: each style's name as python-docx gives it, the default
paragraph style, and the numbering a paragraph style carries (Heading 1 linked to a list).

A template's styles part holds hundreds of styles (table styles with every border and shading), of which a
draft uses a few, so the part is not parsed whole: one scan of its bytes finds each ``<w:style>`` element's
attributes and extent, and a style's XML is parsed the first time a paragraph asks for it. A part this scan
cannot read safely (another prefix for the WordprocessingML namespace, comments, CDATA, escaped attributes,
a name without a value …) is parsed whole, with python-docx's own objects where they disagree with the scan.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STYLE, _NAME, _VAL = f"{W}style", f"{W}name", f"{W}val"
_STYLE_ID, _TYPE, _DEFAULT = f"{W}styleId", f"{W}type", f"{W}default"
_PPR, _NUMPR, _NUMID, _ILVL = f"{W}pPr", f"{W}numPr", f"{W}numId", f"{W}ilvl"
#: ST_OnOff as python-docx reads it (absent: off).
_ON_OFF = {None: False, "1": True, "0": False, "true": True, "false": False, "on": True, "off": False}
_KINDS = (None, "paragraph", "character", "table", "numbering")
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)

_ROOT = re.compile(rb"<w:styles\b[^>]*>")
_START = re.compile(rb"<w:style\b([^>]*?)(/?)>")
_ATTR = re.compile(rb"""\s*([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_NAME_NO_VAL = re.compile(rb"<w:name\b(?![^>]*\bw:val\s*=)")
_DEFAULT_NS = re.compile(rb"xmlns\s*=")
_W_PREFIX = re.compile(rb"xmlns:w\s*=")
_ENCODING = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)""")
_UNSAFE = (b"<!--", b"<![CDATA[", b"AlternateContent")


class Styles:
    """Style id → name (``get``), ``default`` (the default paragraph style's name) and ``numbering``
    (style id → ``(numId, ilvl)`` for styles whose paragraph properties number them)."""

    def __init__(self, blob: bytes | None) -> None:
        self.default: str | None = None
        self._names: dict[str | None, Any] = {}
        self._numbered: dict[str, tuple[str, int]] = {}
        self._parsed: set[str | None] = set()
        self._segments: dict[str | None, tuple[int, int]] = {}
        self._blob = blob or b""
        self._open = b""
        if blob is None or not self._index(blob):
            self._segments = {}
            self._read_whole(blob if blob is not None else _default_styles_xml())

    # --- the scan -------------------------------------------------------------------------------------
    def _index(self, blob: bytes) -> bool:
        """Find every style's extent and read the default paragraph style; False where the scan is unsafe."""
        enc = _ENCODING.match(blob)
        if enc is not None and enc.group(1).lower() not in (b"utf-8", b"utf8"):
            return False
        root = _ROOT.search(blob)
        if root is None or any(u in blob for u in _UNSAFE) or _NAME_NO_VAL.search(blob):
            return False
        if _DEFAULT_NS.search(blob) or len(_W_PREFIX.findall(blob)) != 1 or blob.count(_W_NS) != 1:
            return False
        if _W_NS not in root.group(0) or root.group(0).endswith(b"/>"):
            return False
        self._open = root.group(0)
        default_id: str | None = None
        found_default = False
        close = b"</w:style>"
        for m in _START.finditer(blob, root.end()):
            attrs = m.group(1)
            if b"&" in attrs:
                return False
            found = [(a[1], a[2] if a[2] is not None else a[3]) for a in _ATTR.finditer(attrs)]
            if len(found) != attrs.count(b"=") or len({k for k, _ in found}) != len(found):
                return False
            values = dict(found)
            sid = _text(values.get(b"w:styleId"))
            kind, flag = _text(values.get(b"w:type")), _text(values.get(b"w:default"))
            if kind not in _KINDS or flag not in _ON_OFF or sid in self._segments:
                return False  # python-docx's own reading decides odd values; a repeated id: the whole part
            if m.group(2):
                end = m.end()
            else:
                end = blob.find(close, m.end())
                if end < 0:
                    return False
                end += len(close)
            self._segments[sid] = (m.start(), end)
            if (kind or "paragraph") == "paragraph" and _ON_OFF[flag]:
                default_id, found_default = sid, True
        if found_default:
            self.default = self._style(default_id)
        return True

    def _style(self, sid: str | None) -> Any:
        """The name of style ``sid`` (its numbering recorded too), parsed from its own XML once."""
        if sid not in self._parsed:
            self._parsed.add(sid)
            start, end = self._segments[sid]
            root = etree.fromstring(self._open + self._blob[start:end] + b"</w:styles>", _PARSER)
            self._names[sid] = _name(root[0])
            numbered = _numbering(root[0])
            if numbered is not None:
                self._numbered[sid or ""] = numbered
        return self._names[sid]

    # --- whole-part reading ------------------------------------------------------------------------------
    def _read_whole(self, blob: bytes) -> None:
        """Names, default and numbering from the whole part, exactly as the reader always read them."""
        root = etree.fromstring(blob, _PARSER)
        default: Any = None
        for st in root.iterchildren(_STYLE):
            name = _name(st)
            kind, flag = st.get(_TYPE), st.get(_DEFAULT)
            if name is _NO_VALUE or kind not in _KINDS or flag not in _ON_OFF:
                self._slow(blob)
                break
            self._names[st.get(_STYLE_ID)] = name
            if (kind or "paragraph") == "paragraph" and _ON_OFF[flag]:
                default = name
        else:
            self.default = default
        for st in root.iter(_STYLE):  # every w:style of the part; a later one of the same id wins
            numbered = _numbering(st)
            if numbered is not None:
                self._numbered[st.get(_STYLE_ID) or ""] = numbered
        self._parsed = set(self._names)

    def _slow(self, blob: bytes) -> None:
        """Names and default as python-docx's style objects give them (it refuses what it cannot read)."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml.parser import parse_xml
        from docx.styles.styles import Styles as DocxStyles

        styles = DocxStyles(parse_xml(blob))
        self._names = {s.style_id: s.name for s in styles}
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.name if default is not None else None

    # --- lookups ----------------------------------------------------------------------------------------
    def get(self, sid: str | None, fallback: Any = None) -> Any:
        """The name of style ``sid`` (``fallback`` for an id no style has)."""
        if sid in self._segments:
            return self._style(sid)
        return self._names.get(sid, fallback)

    def numbering(self, sid: str | None) -> tuple[str, int] | None:
        """``(numId, ilvl)`` the style ``sid`` numbers its paragraphs with, else None."""
        if sid in self._segments:
            self._style(sid)
        return self._numbered.get(sid or "") if sid is not None else None

    def names(self) -> dict[str | None, Any]:
        """Every style id → name (parses every style not read yet)."""
        for sid in self._segments:
            self._style(sid)
        return dict(self._names)

    def numbered(self) -> dict[str, tuple[str, int]]:
        """Every style id → the numbering its style carries (parses every style not read yet)."""
        self.names()
        return dict(self._numbered)


_NO_VALUE = object()


def _text(value: bytes | None) -> str | None:
    return value.decode("utf-8") if value is not None else None


def _name(st: Any) -> Any:
    """The UI name of a ``w:style`` (its first ``w:name``), None without one, ``_NO_VALUE`` for a name
    without ``w:val``."""
    from docx.styles import BabelFish

    for node in st.iterchildren(_NAME):
        name = node.get(_VAL)
        return _NO_VALUE if name is None else BabelFish.internal2ui(name)
    return None


def _numbering(st: Any) -> tuple[str, int] | None:
    """``(numId, ilvl)`` of the style's first ``w:pPr/w:numPr`` when it names a list, else None."""
    for ppr in st.iterchildren(_PPR):
        for num_pr in ppr.iterchildren(_NUMPR):
            num_id = _val(num_pr, _NUMID)
            if not num_id:
                return None
            ilvl = _val(num_pr, _ILVL)
            try:
                return num_id, int(ilvl) if ilvl is not None else 0
            except ValueError:
                return num_id, 0
    return None


def _val(el: Any, tag: str) -> str | None:
    node = el.find(tag)
    return node.get(_VAL) if node is not None else None


def _default_styles_xml() -> bytes:
    """The styles python-docx gives a document without a styles part."""
    from importlib import resources

    return (resources.files("docx") / "templates" / "default-styles.xml").read_bytes()
