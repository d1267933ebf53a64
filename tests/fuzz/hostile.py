"""Hostile inputs for the hardening tests and the fuzz campaign: damaged zips, wrong magic, hostile deals,
strings and templates. Plain functions of a seed or a source, no pytest; every one returns bytes or data."""

from __future__ import annotations

import copy
import io
import json
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
DRAFT_DOCX = SAMPLES / "drafts" / "defective-sales-contract.docx"

#: Strings that break naive code: surrogates, bidi and control characters, separators, reserved names.
HOSTILE_STRINGS = (
    "A\ud800B",
    "\udfff",
    "\u202etxt.exe",
    "名称\u2066隔离\u2069",
    "line\u2028sep",
    "next\x85line",
    "ctl\x00\x01\x1f\x7f",
    "CON",
    "PRN.docx",
    "aux",
    "../../etc/passwd",
    "{{ 7*7 }}",
    "{_{ x }_}",
    "{% for x in range(9) %}",
    "<w:p/>&amp;",
    "𪚥𠀀",
    "\ufeff\u200b\u00ad",
    "x" * 5000,
    "",
    " ",
)


def _local_headers(data: bytes) -> Iterator[int]:
    i = data.find(b"PK\x03\x04")
    while i >= 0:
        yield i
        i = data.find(b"PK\x03\x04", i + 4)


def _central_headers(data: bytes) -> Iterator[int]:
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        yield i
        i = data.find(b"PK\x01\x02", i + 4)


def corrupt_deflate(src: bytes, member: str = "word/document.xml") -> bytes:
    """``src`` with bytes inside ``member``'s deflate stream flipped (zlib.error on reading)."""
    info = zipfile.ZipFile(io.BytesIO(src)).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out = bytearray(src)
    for i in range(start + 10, start + min(60, info.compress_size)):
        out[i] ^= 0x55
    return bytes(out)


def set_method(src: bytes, method: int = 99, member: str = "word/document.xml") -> bytes:
    """``src`` with ``member`` claiming compression ``method`` (NotImplementedError in zipfile)."""
    out = bytearray(src)
    name = member.encode()
    for i in _local_headers(src):
        n = struct.unpack_from("<H", src, i + 26)[0]
        if src[i + 30 : i + 30 + n] == name:
            struct.pack_into("<H", out, i + 8, method)
    for i in _central_headers(src):
        n = struct.unpack_from("<H", src, i + 28)[0]
        if src[i + 46 : i + 46 + n] == name:
            struct.pack_into("<H", out, i + 10, method)
    return bytes(out)


def set_flags(src: bytes, bits: int = 0x1) -> bytes:
    """``src`` with general-purpose ``bits`` set on every member (0x1 encrypted, 0x41 strong encryption)."""
    out = bytearray(src)
    for i in _local_headers(src):
        struct.pack_into("<H", out, i + 6, struct.unpack_from("<H", src, i + 6)[0] | bits)
    for i in _central_headers(src):
        struct.pack_into("<H", out, i + 8, struct.unpack_from("<H", src, i + 8)[0] | bits)
    return bytes(out)


def set_version(src: bytes, version: int = 99) -> bytes:
    """``src`` whose members need zip version ``version``/10 to extract (NotImplementedError)."""
    out = bytearray(src)
    for i in _central_headers(src):
        struct.pack_into("<B", out, i + 6, version)
    return bytes(out)


def zip_bomb(inflated_mb: int = 200, member: str = "word/document.xml") -> bytes:
    """A small zip whose ``member`` inflates to ``inflated_mb`` MB of zeros (streamed: cheap to build)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1024 * 1024)
    parts = [comp.compress(chunk) for _ in range(inflated_mb)]
    parts.append(comp.flush())
    raw = b"".join(parts)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
    # append the bomb member by hand so zipfile records the real sizes without inflating anything
    info = zipfile.ZipInfo(member)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.CRC = 0
    info.compress_size, info.file_size = len(raw), inflated_mb * 1024 * 1024
    with zipfile.ZipFile(buf, "a") as zf:
        zf.fp.seek(zf.start_dir)  # type: ignore[union-attr]
        info.header_offset = zf.start_dir
        zf.fp.write(info.FileHeader(zip64=False))  # type: ignore[union-attr]
        zf.fp.write(raw)  # type: ignore[union-attr]
        zf.start_dir = zf.fp.tell()  # type: ignore[union-attr]
        zf.filelist.append(info)
        zf.NameToInfo[info.filename] = info
        zf._didModify = True
    return buf.getvalue()


def many_members(n: int = 60_000) -> bytes:
    """A zip of ``n`` tiny members plus a minimal word/document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        for i in range(n):
            zf.writestr(f"m/{i}.xml", b"")
    return buf.getvalue()


def byte_flips(src: bytes, seed: int, flips: int = 8) -> bytes:
    """``src`` with ``flips`` random bytes replaced (deterministic for ``seed``)."""
    rng = random.Random(seed)
    out = bytearray(src)
    for _ in range(flips):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncations(src: bytes, seed: int) -> bytes:
    """``src`` cut at a random place."""
    return src[: random.Random(seed).randrange(1, len(src))]


WRONG_MAGIC = {
    "png.docx": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
    "ole.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
    "pdf-garbage.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 4,
    "empty.docx": b"",
    "empty.txt": b"",
    "nul.txt": b"\0\0\0text",
    "latin1.txt": "合同".encode("utf-16-le")[1:] + b"\xff\xfe\xfd",
    "zip-not-docx.docx": b"PK\x05\x06" + b"\0" * 18,
}


def damaged_drafts(src: bytes | None = None) -> dict[str, bytes]:
    """Named damaged .docx variants of the sample draft: the batch-aborting cases of issue 16."""
    src = src if src is not None else DRAFT_DOCX.read_bytes()
    return {
        "deflate.docx": corrupt_deflate(src),
        "method.docx": set_method(src),
        "encrypted.docx": set_flags(src, 0x1),
        "strong.docx": set_flags(src, 0x41),
        "version.docx": set_version(src),
        "truncated.docx": src[: len(src) // 2],
    }


# -- deals ---------------------------------------------------------------------------------------------


def sample_deal(name: str = "contract-equipment.json") -> dict:
    """A sample deal parsed with Decimal numbers, as the loader reads it."""
    return json.loads((SAMPLES / name).read_text("utf-8"), parse_float=Decimal)


def _set(path: list[Any], value: Any) -> Callable[[dict], None]:
    def apply(deal: dict) -> None:
        node = deal
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return apply


#: Deal mutations that crashed validate / render / lint (issue 16 item 1) and their neighbours.
DEAL_MUTATIONS: dict[str, Callable[[dict], None]] = {
    "penalties-int": _set(["penalties"], 5),
    "penalties-list": _set(["penalties"], [1]),
    "deposit-int": _set(["penalties", "deposit"], 1),
    "deposit-abc": _set(["penalties", "deposit"], "abc"),
    "deposit-amount-abc": _set(["penalties", "deposit"], {"amount": "abc"}),
    "price-1e28": _set(["items", 0, "unit_price"], Decimal("1e28")),
    "quantity-1e30": _set(["items", 0, "quantity"], Decimal("1e30")),
    "quantity-tiny": _set(["items", 0, "quantity"], Decimal("1e-999")),
    "price-huge-int": _set(["items", 0, "unit_price"], 10**40),
    "total-over-daxie": _set(["items", 0, "quantity"], 999_999_999),
    "name-surrogate": _set(["items", 0, "name"], "A\ud800B"),
    "items-str": _set(["items"], "x"),
    "payment-int": _set(["payment"], 0),
    "signing-list": _set(["signing"], []),
    "term-str": _set(["term"], "x"),
    "buyer-null": _set(["buyer"], None),
    "kind-int": _set(["kind"], 1),
}


def mutated_deals() -> Iterator[tuple[str, dict]]:
    """``(name, deal)`` for every mutation in DEAL_MUTATIONS, applied to the equipment contract."""
    for name, mutate in DEAL_MUTATIONS.items():
        deal = copy.deepcopy(sample_deal())
        mutate(deal)
        yield name, deal


def dump(deal: Any) -> str:
    """JSON text of ``deal``: Decimals written as JSON numbers (``1E+28``), lone surrogates escaped."""
    text = json.dumps(deal, default=lambda o: f"@@{o}@@")  # only Decimal is not serializable here
    return text.replace('"@@', "").replace('@@"', "")
