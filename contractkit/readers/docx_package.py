"""The parts of a .docx the reader needs, read straight from the zip as plain lxml trees.

python-docx opens a package by reading and parsing every part it can reach (the styles part of a Word
template alone is 100–400 KB of XML, images are inflated too) and builds its own element classes, which
makes every later step over the tree slower. The reader needs the main part, its styles and numbering, its
headers, footers, notes, comments and nothing else, so this module reads those parts on demand, parsed as
python-docx parses them (same parser options), and refuses what python-docx refuses on the way to them:
a main part that is not a Word document, a relationship type the reader asks for given twice.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from contractkit.readers import zipguard

_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT = _REL + "officeDocument"
STYLES = _REL + "styles"
NUMBERING = _REL + "numbering"
WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
#: The content types python-docx parses with its own parser (blank text removed); others it parses on demand.
_XML_PARTS = {
    _WML + "document.main+xml",
    _WML + "comments+xml",
    _WML + "footer+xml",
    _WML + "header+xml",
    _WML + "numbering+xml",
    _WML + "settings+xml",
    _WML + "styles+xml",
    "application/vnd.openxmlformats-package.core-properties+xml",
}
#: python-docx's parser options (``docx.oxml.parser.oxml_parser``), with lxml's plain element classes.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_PLAIN = etree.XMLParser(resolve_entities=False)


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship of a part: its type, the partname it targets (``/word/header1.xml``), external?"""

    reltype: str
    target: str
    is_external: bool


@dataclass
class Part:
    """One part of the package, its XML parsed on first use."""

    package: Package
    partname: str
    content_type: str
    _element: Any = field(default=None, repr=False)

    @property
    def element(self) -> Any:
        """The part's root element (parsed once)."""
        if self._element is None:
            parser = _PARSER if self.content_type in _XML_PARTS else _PLAIN
            self._element = etree.fromstring(self.package.blob(self.partname), parser)
        return self._element

    @property
    def rels(self) -> list[Rel]:
        """The part's relationships in the order of its ``.rels`` part."""
        return self.package.rels_of(self.partname)


class Package:
    """A .docx read part by part: ``main`` is the main document part (its content type checked)."""

    def __init__(self, zf: zipfile.ZipFile, path: str, max_part: int) -> None:
        self.zf = zf
        self.path = path
        self.max_part = max_part
        self._members = set(zf.namelist())
        self._overrides: dict[str, str] = {}
        self._defaults: dict[str, str] = {}
        types = etree.fromstring(self.blob("/[Content_Types].xml"), _PARSER)
        for el in types:
            if el.tag == f"{_CT}Override":
                self._overrides[(el.get("PartName") or "").lower()] = el.get("ContentType") or ""
            elif el.tag == f"{_CT}Default":
                self._defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
        self._parts: dict[str, Part] = {}
        main = [r for r in self.rels_of("/") if r.reltype == OFFICE_DOCUMENT and not r.is_external]
        if not main:
            raise KeyError(f"no relationship of type '{OFFICE_DOCUMENT}' in collection")
        self.main = self.part(main[0].target)
        if self.main.content_type != WML_MAIN:
            raise ValueError(f"file '{path}' is not a Word file, content type is '{self.main.content_type}'")

    def blob(self, partname: str) -> bytes:
        """The bytes of a part (``/word/document.xml``), at most ``max_part`` of them inflated."""
        return zipguard.read_member(self.zf, partname[1:], max_bytes=self.max_part, path=self.path)

    def content_type(self, partname: str) -> str:
        """The content type ``[Content_Types].xml`` gives the part (override, else by extension)."""
        ct = self._overrides.get(partname.lower())
        if ct is None:
            ct = self._defaults.get(posixpath.splitext(partname)[1][1:].lower())
        if ct is None:
            raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")
        return ct

    def part(self, partname: str) -> Part:
        """The part named ``partname`` (one object per part)."""
        found = self._parts.get(partname)
        if found is None:
            found = self._parts[partname] = Part(self, partname, self.content_type(partname))
        return found

    def rels_of(self, partname: str) -> list[Rel]:
        """The relationships of ``partname`` (``/`` for the package's own); none without a ``.rels`` part."""
        base, name = posixpath.split(partname)
        rels_name = posixpath.join(base, "_rels", f"{name}.rels")
        if rels_name[1:] not in self._members:
            return []
        out = []
        for el in etree.fromstring(self.blob(rels_name), _PARSER):
            if el.tag != f"{_PR}Relationship":
                continue
            external = el.get("TargetMode") == "External"
            target = el.get("Target") or ""
            if not external:
                target = posixpath.abspath(posixpath.join(base, target))
            out.append(Rel(el.get("Type") or "", target, external))
        return out

    def related(self, reltype: str) -> Part | None:
        """The one part the main part relates to by ``reltype`` (None without one; two are refused, as
        python-docx refuses them)."""
        matching = [r for r in self.main.rels if r.reltype == reltype]
        if len(matching) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        if not matching:
            return None
        if matching[0].is_external:
            raise ValueError("an external relationship has no target part")
        return self.part(matching[0].target)

    def targets(self, reltype: str) -> list[Part]:
        """The internal parts the main part relates to by ``reltype``, in relationship order."""
        return [self.part(r.target) for r in self.main.rels if r.reltype == reltype and not r.is_external]
