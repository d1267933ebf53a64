"""What a rendered .docx gets after its template is filled, whatever the template: document properties
(title, author = seller, subject = number, keywords — LibreOffice carries them to the PDF's /Info and XMP),
a diagonal grey watermark in every header (Word's own VML text-path watermark, which Word and LibreOffice
both draw on every page) and the seller's logo in the letterhead (a floating picture in the page header)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from contractkit.deal.seller import Logo

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_HEADER_TYPE = f"{_R}/header"
_IMAGE_TYPE = f"{_R}/image"
_HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
#: Name of the watermark shape (Word's own: Design → Watermark writes PowerPlusWaterMarkObject).
WATERMARK_SHAPE = "PowerPlusWaterMarkObject"
LOGO_NAME = "contractkit-logo"
MAX_WATERMARK_CHARS = 40
#: the logo's height in the letterhead (EMU: 914400 an inch) and its widest width
_LOGO_HEIGHT = 342900  # 0.95 cm
_LOGO_MAX_WIDTH = 1828800  # 5.08 cm
_NS_DECL = (
    f'xmlns:w="{_W}" xmlns:r="{_R}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)


@dataclass(frozen=True)
class DocumentProperties:
    """The core properties a rendered document carries (and its PDF, through LibreOffice)."""

    title: str
    author: str
    subject: str
    keywords: str
    creator_tool: str = "contractkit"


def decorate_docx(
    data: bytes,
    *,
    properties: DocumentProperties | None = None,
    watermark: str | None = None,
    logo: Logo | None = None,
) -> bytes:
    """``data`` (a rendered .docx) with the document properties set, ``watermark`` on every page and
    ``logo`` in the letterhead; unchanged parts are copied as they are."""
    if properties is None and not watermark and logo is None:
        return data
    zin = zipfile.ZipFile(io.BytesIO(data))
    pkg = _Pkg({i.filename: zin.read(i.filename) for i in zin.infolist()})
    _apply(pkg, properties, watermark, logo)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in pkg.order:
            zout.writestr(name, pkg.members[name])
    return out.getvalue()


def decorate_parts(
    parts: dict[str, bytes],
    static: dict[str, bytes],
    *,
    properties: DocumentProperties | None = None,
    watermark: str | None = None,
    logo: Logo | None = None,
) -> dict[str, bytes] | None:
    """The fast path of :func:`decorate_docx` for a compiled template: ``parts`` are the small members a
    render writes (document, headers, relationships, core properties), ``static`` the members it copies
    unchanged. Returns the members to write (changed and new ones included), or None when a static member
    would have to change (then decorate the whole package)."""
    pkg = _Pkg(dict(parts), static)
    _apply(pkg, properties, watermark, logo)
    return None if pkg.touched_static else pkg.members


class _Pkg:
    """Package members being decorated: ``members`` may be written, ``static`` only read (touching one
    is recorded so the caller can fall back to rewriting the whole package)."""

    def __init__(self, members: dict[str, bytes], static: dict[str, bytes] | None = None):
        self.members = members
        self.static = static or {}
        self.order = list(members)
        self.touched_static = False

    def get(self, name: str) -> bytes | None:
        return self.members.get(name, self.static.get(name))

    def put(self, name: str, data: bytes) -> None:
        if name not in self.members and name in self.static:
            self.touched_static = True
        self.members[name] = data
        if name not in self.order:
            self.order.append(name)


def _apply(pkg: _Pkg, properties: DocumentProperties | None, watermark: str | None, logo: Logo | None):
    if properties is not None:
        _set_properties(pkg, properties)
    if watermark or logo is not None:
        _decorate_headers(pkg, watermark, logo)


def with_image_types(content_types: bytes) -> bytes:
    """``[Content_Types].xml`` with Default entries for PNG and JPEG (so a logo needs no change to it)."""
    pkg = _Pkg({"[Content_Types].xml": content_types})
    _content_default(pkg, "png", "image/png")
    _content_default(pkg, "jpeg", "image/jpeg")
    return pkg.members["[Content_Types].xml"]


def check_watermark(text: str) -> str:
    """The watermark text, stripped; ValueError when empty, too long or with control characters."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("the watermark text is empty")
    if len(cleaned) > MAX_WATERMARK_CHARS:
        raise ValueError(f"the watermark text is longer than {MAX_WATERMARK_CHARS} characters")
    if any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in cleaned):
        raise ValueError("the watermark text has control characters")
    return cleaned


# -- document properties ----------------------------------------------------------------------------------
_CORE = "docProps/core.xml"
_APP = "docProps/app.xml"
_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}


def _set_properties(pkg: _Pkg, props: DocumentProperties) -> None:
    from lxml import etree

    data = pkg.get(_CORE)
    if data is not None:
        root = etree.fromstring(data)
    else:
        root = etree.Element(f"{{{_CORE_NS['cp']}}}coreProperties", nsmap=_CORE_NS)
        _add_part(pkg, _CORE, "application/vnd.openxmlformats-package.core-properties+xml")
        _package_rel(
            pkg,
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            _CORE,
        )
    values = {
        ("dc", "title"): props.title,
        ("dc", "creator"): props.author,
        ("dc", "subject"): props.subject,
        ("cp", "keywords"): props.keywords,
        ("dc", "description"): f"{props.title} {props.subject}（{props.creator_tool}）".strip(),
        ("cp", "lastModifiedBy"): props.creator_tool,
    }
    for (prefix, name), value in values.items():
        tag = f"{{{_CORE_NS[prefix]}}}{name}"
        node = root.find(tag)
        if node is None:
            node = etree.SubElement(root, tag)
        node.text = _xml_text(value)
    pkg.put(_CORE, _xml(root))
    app_data = pkg.get(_APP)
    if app_data is not None:
        app = etree.fromstring(app_data)
        nodes = [n for n in app if etree.QName(n).localname == "Application"]
        if any(n.text != props.creator_tool for n in nodes):
            for node in nodes:
                node.text = props.creator_tool
            pkg.put(_APP, _xml(app))


def _xml(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold."""
    return "".join(
        c
        for c in value
        if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c > "\uffff"
    )


# -- headers: watermark and logo --------------------------------------------------------------------------
def _decorate_headers(pkg: _Pkg, watermark: str | None, logo: Logo | None) -> None:
    from lxml import etree

    from contractkit.render.docx import CompiledTemplate

    doc_name = CompiledTemplate.main_part({**pkg.static, **pkg.members})
    folder = PurePosixPath(doc_name).parent
    rels_name = f"{folder}/_rels/{PurePosixPath(doc_name).name}.rels"
    rels = _rels_root(pkg.get(rels_name))
    doc = etree.fromstring(pkg.get(doc_name))
    targets: dict[str, str] = {}  # rel id -> header part
    for rel in rels.iter(f"{{{_PKG_REL}}}Relationship"):
        if rel.get("Type") == _HEADER_TYPE and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else str(folder / target)
    even = _even_and_odd(pkg.get(f"{folder}/settings.xml") or b"")
    added = False
    for sect in doc.iter(f"{{{_W}}}sectPr"):
        have = {ref.get(f"{{{_W}}}type", "default") for ref in sect.findall(f"{{{_W}}}headerReference")}
        wanted = ["default"]
        if sect.find(f"{{{_W}}}titlePg") is not None:
            wanted.append("first")
        if even:
            wanted.append("even")
        for kind in wanted:
            if kind in have:
                continue
            part = _new_header(pkg, folder)
            rid = _add_rel(rels, _HEADER_TYPE, PurePosixPath(part).name)
            targets[rid] = part
            ref = etree.Element(f"{{{_W}}}headerReference")
            ref.set(f"{{{_W}}}type", kind)
            ref.set(f"{{{_R}}}id", rid)
            sect.insert(0, ref)
            added = True
    if added:
        pkg.put(doc_name, _xml(doc))
        pkg.put(rels_name, _xml(rels))
    media = None
    if logo is not None:
        media = f"{folder}/media/{LOGO_NAME}.{logo.ext}"
        pkg.put(media, logo.data)
        _content_default(pkg, logo.ext, logo.mime)
    for n, part in enumerate(dict.fromkeys(targets.values())):
        if pkg.get(part) is not None:
            _decorate_header(pkg, part, watermark, logo, media, n)


def _decorate_header(
    pkg: _Pkg, part: str, watermark: str | None, logo: Logo | None, media: str | None, n: int
) -> None:
    from lxml import etree

    hdr = etree.fromstring(pkg.get(part))
    extra = []
    if logo is not None and media is not None:
        rels_name = f"{PurePosixPath(part).parent}/_rels/{PurePosixPath(part).name}.rels"
        rels = _rels_root(pkg.get(rels_name))
        rid = _add_rel(rels, _IMAGE_TYPE, f"media/{PurePosixPath(media).name}")
        pkg.put(rels_name, _xml(rels))
        extra.append(_logo_xml(logo, rid, 7000 + n))
    if watermark:
        extra.append(_watermark_xml(watermark, n))
    # runs put at the start of the header's first paragraph: the shapes float, so its text and height stay
    runs = etree.fromstring(f"<w:p {_NS_DECL}>{''.join(extra)}</w:p>").findall(f"{{{_W}}}r")
    first = hdr.find(f"{{{_W}}}p")
    if first is None:
        first = etree.SubElement(hdr, f"{{{_W}}}p")
    anchor = first.find(f"{{{_W}}}pPr")
    for run in runs:
        if anchor is not None:
            anchor.addnext(run)
        else:
            first.insert(0, run)
        anchor = run
    pkg.put(part, _xml(hdr))


def _watermark_xml(text: str, n: int) -> str:
    """Word's watermark: a VML text-path shape, rotated 315°, silver at half opacity, centred on the page
    (behind the text: negative z-index)."""
    size = max(60, min(160, int(900 / max(len(text), 1))))  # points of the font (the shape fits it)
    width = min(460, size * len(text) * 1.05 + 20)
    height = size * 1.15
    style = (
        f"position:absolute;margin-left:0;margin-top:0;width:{width:.0f}pt;height:{height:.0f}pt;rotation:315;"
        "z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        "mso-position-vertical:center;mso-position-vertical-relative:margin"
    )
    return (
        "<w:r><w:rPr><w:noProof/></w:rPr><w:pict>"
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
        '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
        '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
        '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>'
        '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
        'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
        '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
        f'<v:shape id="{WATERMARK_SHAPE}{n + 1}" o:spid="_x0000_s{2049 + n}" type="#_x0000_t136" '
        f'style="{style}" o:allowincell="f" fillcolor="silver" stroked="f">'
        '<v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;SimHei&quot;;font-size:1pt" string={quoteattr(text)}/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
    )


def _logo_xml(logo: Logo, rid: str, shape_id: int) -> str:
    """The logo as a floating picture at the left of the header (its text stays where it was)."""
    height = _LOGO_HEIGHT
    width = int(height * logo.width / logo.height)
    if width > _LOGO_MAX_WIDTH:
        width, height = _LOGO_MAX_WIDTH, int(_LOGO_MAX_WIDTH * logo.height / logo.width)
    name = escape(f"{LOGO_NAME}.{logo.ext}")
    return (
        '<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="251660288" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>left</wp:align>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>-90000</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{shape_id}" name="{LOGO_NAME}" descr="{name}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{shape_id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing></w:r>"
    )


# -- package plumbing -------------------------------------------------------------------------------------
def _rels_root(data: bytes | None):
    from lxml import etree

    if data:
        return etree.fromstring(data)
    return etree.Element(f"{{{_PKG_REL}}}Relationships", nsmap={None: _PKG_REL})


def _add_rel(rels, rel_type: str, target: str) -> str:
    from lxml import etree

    for rel in rels.iter(f"{{{_PKG_REL}}}Relationship"):
        if rel.get("Type") == rel_type and rel.get("Target") == target:
            return rel.get("Id")
    ids = {rel.get("Id") for rel in rels.iter(f"{{{_PKG_REL}}}Relationship")}
    n = 1
    while f"rIdCk{n}" in ids:
        n += 1
    rel = etree.SubElement(rels, f"{{{_PKG_REL}}}Relationship")
    rel.set("Id", f"rIdCk{n}")
    rel.set("Type", rel_type)
    rel.set("Target", target)
    return f"rIdCk{n}"


def _package_rel(pkg: _Pkg, rel_type: str, target: str) -> None:
    rels = _rels_root(pkg.get("_rels/.rels"))
    _add_rel(rels, rel_type, target)
    pkg.put("_rels/.rels", _xml(rels))


def _new_header(pkg: _Pkg, folder: PurePosixPath) -> str:
    n = 1
    while pkg.get(f"{folder}/header-ck{n}.xml") is not None:
        n += 1
    part = f"{folder}/header-ck{n}.xml"
    pkg.put(
        part,
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {_NS_DECL}><w:p/></w:hdr>'.encode(),
    )
    _add_part(pkg, part, _HEADER_CT)
    return part


def _add_part(pkg: _Pkg, part: str, content_type: str) -> None:
    from lxml import etree

    ct = etree.fromstring(pkg.get("[Content_Types].xml"))
    name = "/" + part
    if not any(o.get("PartName") == name for o in ct.iter(f"{{{_CT}}}Override")):
        o = etree.SubElement(ct, f"{{{_CT}}}Override")
        o.set("PartName", name)
        o.set("ContentType", content_type)
        pkg.put("[Content_Types].xml", _xml(ct))


def _content_default(pkg: _Pkg, ext: str, mime: str) -> None:
    from lxml import etree

    ct = etree.fromstring(pkg.get("[Content_Types].xml"))
    if not any((d.get("Extension") or "").lower() == ext for d in ct.iter(f"{{{_CT}}}Default")):
        d = etree.Element(f"{{{_CT}}}Default")
        d.set("Extension", ext)
        d.set("ContentType", mime)
        ct.insert(0, d)
        pkg.put("[Content_Types].xml", _xml(ct))


def _even_and_odd(settings: bytes) -> bool:
    return bool(re.search(rb"<w:evenAndOddHeaders(?![^>]*w:val=\"(?:0|false)\")", settings))
