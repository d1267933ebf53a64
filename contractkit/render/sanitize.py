"""Strip everything from a .docx that would make LibreOffice reach outside the file before conversion.

External relationships (``TargetMode="External"``: linked images, hyperlinks to file:// or http(s), attached
templates, OLE links, sub-documents) are removed together with the ``r:id``/``r:link`` attributes that point
at them, and field instructions that fetch content (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE…) are blanked.
This is where Gotenberg's SSRF / local-file-read CVEs came from; the converter also runs without network.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: The same cap as lint's (zipguard.MAX_TOTAL): convert accepts no .docx that lint refuses.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
#: A fetching field anywhere in an instruction: ``QUOTE { INCLUDETEXT … }`` nests one inside another.
_FETCHING_ANYWHERE = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b", re.I)


@dataclass
class SanitizeReport:
    """What was removed: ``(part, target)`` of each external relationship, and blanked field instructions."""

    relationships: list[tuple[str, str]] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.relationships or self.fields)


def sanitize_docx(data: bytes, *, path: str | None = None) -> tuple[bytes, SanitizeReport]:
    """Return the package without external relationships or fetching fields, plus what was removed."""
    from contractkit.readers import zipguard

    report = SanitizeReport()
    name = path or "<docx>"
    zin = zipguard.open_zip(data, name, max_total=MAX_UNCOMPRESSED)  # the guards lint reads drafts with
    zipguard.check_docx(zin, name)
    infos = zin.infolist()
    members = {
        i.filename: zipguard.read_member(zin, i.filename, max_bytes=i.file_size, path=name) for i in infos
    }

    removed_by_owner: dict[str, set[str]] = {}
    for name in list(members):
        if name.endswith(".rels"):
            new, removed = _strip_rels(members[name], name, report)
            if removed:
                members[name] = new
                removed_by_owner[_owner_of(name)] = removed
    for name in list(members):
        if name.endswith(".xml") and not name.startswith("[") and "/_rels/" not in name:
            new = _clean_part(members[name], name, removed_by_owner.get(name, set()), report)
            if new is not None:
                members[name] = new

    if not report.changed:
        return data, report
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            zout.writestr(zi, members[info.filename])
    return out.getvalue(), report


def sanitize_file(src: Path, dst: Path, *, max_bytes: int = 100 * 1024 * 1024) -> SanitizeReport:
    """Read ``src`` (bounded), write the sanitized package to ``dst``."""
    from contractkit.fileio import read_bounded

    data, report = sanitize_docx(read_bounded(src, max_bytes), path=str(src))
    Path(dst).write_bytes(data)
    return report


def _owner_of(rels_name: str) -> str:
    p = PurePosixPath(rels_name)  # word/_rels/document.xml.rels -> word/document.xml
    return str(p.parent.parent / p.name[: -len(".rels")]).lstrip("./") if p.parent.name == "_rels" else ""


def _parse(data: bytes):
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False
    )
    return etree.fromstring(data, parser)


def _serialize(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _strip_rels(data: bytes, name: str, report: SanitizeReport) -> tuple[bytes, set[str]]:
    try:
        root = _parse(data)
    except Exception:
        return data, set()
    removed: set[str] = set()
    for rel in list(root):
        mode = (rel.get("TargetMode") or "").strip().lower()
        if mode == "external":
            removed.add(rel.get("Id") or "")
            report.relationships.append((name, rel.get("Target") or ""))
            root.remove(rel)
    return (_serialize(root), removed) if removed else (data, removed)


def _clean_part(data: bytes, name: str, removed: set[str], report: SanitizeReport) -> bytes | None:
    if not removed and b"instr" not in data:
        return None
    try:
        root = _parse(data)
    except Exception:
        return None
    changed = False
    fields: list[list] = []  # open complex fields (nested ones too), each the instrText elements it holds
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in [a for a in el.attrib if a.startswith("{" + _REL_NS + "}")]:
            if el.attrib[attr] in removed:
                del el.attrib[attr]
                changed = True
        if el.tag == f"{{{_W}}}fldChar":
            kind = el.get(f"{{{_W}}}fldCharType")
            if kind == "begin":
                fields.append([])
            elif kind == "end" and fields:
                changed |= _blank_field(fields.pop(), name, report)
        elif el.tag == f"{{{_W}}}instrText":
            for field_elements in fields:  # an instruction belongs to its field and to every enclosing one
                field_elements.append(el)
            if not fields:
                changed |= _blank_field([el], name, report)
        instr = el.get(f"{{{_W}}}instr")
        if instr and _FETCHING_ANYWHERE.search(instr):
            report.fields.append((name, instr.strip()))
            el.set(f"{{{_W}}}instr", " ")
            changed = True
    for left_open in fields:  # a field never closed: judge what it holds
        changed |= _blank_field(left_open, name, report)
    return _serialize(root) if changed else None


def _blank_field(elements: list, name: str, report: SanitizeReport) -> bool:
    """Blank every instruction of one field when, read together (split over runs), it fetches content."""
    text = "".join(el.text or "" for el in elements)
    if not _FETCHING_ANYWHERE.search(text):
        return False
    if (name, text.strip()) not in report.fields:
        report.fields.append((name, text.strip()))
    for el in elements:
        el.text = " "
    return True
