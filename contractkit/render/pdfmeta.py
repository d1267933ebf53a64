"""Name contractkit as the PDF's creator: LibreOffice writes ``/Creator (Writer)`` and ``xmp:CreatorTool``
Writer whatever the document says, so the /Info dictionary and the XMP metadata stream are redefined in an
incremental update appended to the file (ISO 32000-1 §7.5.6; allowed by PDF/A-2, and /Info and XMP stay
equal, as PDF/A requires). Only the classic cross-reference table LibreOffice writes is handled; any other
file is left exactly as it was."""

from __future__ import annotations

import re
from pathlib import Path

CREATOR = "contractkit"
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)
_REF = rb"/%s\s+(\d+)\s+(\d+)\s+R"
_CREATOR_TOOL = re.compile(rb"<xmp:CreatorTool>[^<]*</xmp:CreatorTool>")


def set_creator(path: Path, creator: str = CREATOR) -> bool:
    """Make ``creator`` the /Creator and xmp:CreatorTool of the PDF at ``path`` (ASCII only); True if the
    file was updated, False if it was left unchanged (not the layout LibreOffice writes)."""
    if not creator.isascii() or not re.fullmatch(r"[A-Za-z0-9 ._-]+", creator):
        raise ValueError("the creator must be plain ASCII")
    data = path.read_bytes()
    update = creator_update(data, creator)
    if update is None:
        return False
    with open(path, "ab") as fh:
        fh.write(update)
    return True


def creator_update(data: bytes, creator: str = CREATOR) -> bytes | None:
    """The incremental update that sets the creator of ``data``, or None when the file is not a PDF with
    a classic xref table, an /Info dictionary and (if any) an uncompressed XMP stream."""
    tail = data[-4096:]
    m = _TRAILER.search(tail)
    if m is None or b"/Encrypt" in m.group(1) or b"/Prev" in m.group(1):
        return None
    trailer, startxref = m.group(1), int(m.group(2))
    if data[startxref : startxref + 4] != b"xref":
        return None  # a cross-reference stream: not what LibreOffice writes
    info_ref = re.search(_REF % b"Info", trailer)
    root_ref = re.search(_REF % b"Root", trailer)
    size = re.search(rb"/Size\s+(\d+)", trailer)
    if not (info_ref and root_ref and size):
        return None
    info = _object(data, int(info_ref.group(1)), int(info_ref.group(2)))
    root = _object(data, int(root_ref.group(1)), int(root_ref.group(2)))
    if info is None or root is None:
        return None
    new_info = _with_creator(info, creator)
    if new_info is None:
        return None
    objects: list[tuple[int, int, bytes]] = [(int(info_ref.group(1)), int(info_ref.group(2)), new_info)]
    meta_ref = re.search(_REF % b"Metadata", root)
    if meta_ref is not None:
        meta = _object(data, int(meta_ref.group(1)), int(meta_ref.group(2)))
        stream = _stream(meta) if meta is not None else None
        if stream is None or not _CREATOR_TOOL.search(stream):
            return None
        xmp = _CREATOR_TOOL.sub(f"<xmp:CreatorTool>{creator}</xmp:CreatorTool>".encode(), stream, count=1)
        body = b"<</Type/Metadata/Subtype/XML/Length %d>>\nstream\n%s\nendstream" % (len(xmp), xmp)
        objects.append((int(meta_ref.group(1)), int(meta_ref.group(2)), body))
    ident = re.search(rb"/ID\s*\[[^\]]*\]", trailer)
    out = bytearray(b"\n")
    offsets = []
    for num, gen, body in sorted(objects):
        offsets.append((num, gen, len(data) + len(out)))
        out += b"%d %d obj\n%s\nendobj\n" % (num, gen, body)
    xref_at = len(data) + len(out)
    out += b"xref\n"
    for num, gen, offset in offsets:
        out += b"%d 1\n%010d %05d n \n" % (num, offset, gen)
    out += b"trailer\n<</Size %s/Root %s 0 R/Info %s 0 R" % (
        size.group(1),
        root_ref.group(1),
        info_ref.group(1),
    )
    if ident is not None:
        out += b"\n" + ident.group(0)
    out += b"\n/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (startxref, xref_at)
    return bytes(out)


def _object(data: bytes, num: int, gen: int) -> bytes | None:
    """The body (between ``obj`` and ``endobj``) of the last definition of object ``num gen``."""
    starts = [m.end() for m in re.finditer(rb"(?<![0-9])%d %d obj\b" % (num, gen), data)]
    if not starts:
        return None
    start = starts[-1]
    end = data.find(b"endobj", start)
    return data[start:end].strip() if end > 0 else None


def _stream(body: bytes) -> bytes | None:
    head, sep, rest = body.partition(b"stream")
    if not sep or b"/Filter" in head:
        return None
    length = re.search(rb"/Length\s+(\d+)(?!\s+\d+\s+R)", head)
    rest = rest[2:] if rest.startswith(b"\r\n") else rest[1:]
    if length is None:
        return None
    return rest[: int(length.group(1))]


def _with_creator(info: bytes, creator: str) -> bytes | None:
    if not (info.startswith(b"<<") and info.endswith(b">>")):
        return None
    entry = b"/Creator(%s)" % creator.encode()
    value = rb"/Creator\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)"
    if re.search(value, info):
        return re.sub(value, lambda _: entry, info, count=1)
    return info[:-2] + entry + b">>"
