"""Hostile inputs for the hardening tests and the fuzz campaign: damaged zips, wrong magic, hostile deals,
strings and templates. Plain functions of a seed or a source, no pytest; every one returns bytes or data."""

from __future__ import annotations

import copy
import functools
import io
import json
import random
import re
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


@functools.cache
def _sample_text(name: str) -> str:
    return (SAMPLES / name).read_text("utf-8")


def sample_deal(name: str = "contract-equipment.json") -> dict:
    """A fresh copy of a sample deal parsed with Decimal numbers, as the loader reads it (file read once)."""
    return json.loads(_sample_text(name), parse_float=Decimal)


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


#: Hostile template tags (issue 16 item 3): each must end in one TemplateError, quickly.
HOSTILE_TEMPLATES = {
    "nested-range": "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
    "huge-range": "{{ range(10**9)|list|length }}",
    "lipsum": "{{ lipsum(10**6) }}",
    "power": "{{ (number|length + 9) ** (10**8) }}",
    "int-power": "{{ 10 ** 999 ** 20 }}",  # Jinja reads this as (10 ** 999) ** 20
    "recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
    "repeat": "{{ 'a' * 10**10 }}",
    "concat": "{{ ('a' * 900000) + ('b' * 900000) }}",
    "printf-filter": "{{ '%10000000000s'|format('x') }}",
    "printf-op": "{{ '%10000000000s' % 'x' }}",
    "printf-star": "{{ '%*s' % (10**9, 'x') }}",
    "str-format": "{{ '{:>10000000000}'.format('x') }}",
    "format-map": "{{ '{a:>99999999}'.format_map({'a': 1}) }}",
    "include": "{% include 'x.docx' %}",
    "import": "{% import 'x' as y %}",
    "from-import": "{% from 'x' import y %}",
    "extends": "{% extends 'x' %}",
    "doubling": (
        "{% set ns = namespace(s='a') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
        "{{ ns.s|length }}"
    ),
    "output": "{% for i in range(10000) %}{% for j in range(99) %}{{ 'x' * 99999 }}{% endfor %}{% endfor %}",
    "escape-class": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "escape-globals": "{{ cycler.__init__.__globals__ }}",
    "escape-self": "{{ self._TemplateReference__context }}",
    "escape-attr": "{{ ()|attr('__class__')|attr('__base__') }}",
    "percent-filter": "{{ '1e999999'|percent }}",
    "bad-tag": "{% for x in %}",
    "unclosed": "{% if number %}",
}


def template_docx(path: Path, tag: str) -> Path:
    """A one-page .docx template holding ``tag`` after a harmless ``{{ number }}`` line."""
    import docx

    d = docx.Document()
    d.add_paragraph("报价单 {{ number }}")
    d.add_paragraph(tag)
    d.save(path)
    return path


def random_value(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON-ish value: hostile strings, extreme numbers, nested lists and objects."""
    pick = rng.randrange(10 if depth < 3 else 7)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False])
    if pick == 2:
        return rng.choice([0, -1, 1, 2**63, -(10**40), 10**4000 if rng.random() < 0.01 else 7])
    if pick == 3:
        return Decimal(rng.choice(["1e28", "1e30", "0.001", "-0", "1e-999", "3.14159", "99999999999999.99"]))
    if pick in (4, 5, 6):
        return (
            rng.choice(HOSTILE_STRINGS)
            if rng.random() < 0.7
            else "".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(rng.randrange(0, 40)))
        )
    if pick in (7, 8):
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return {rng.choice(["amount", "rate", "x", "", "name"]): random_value(rng, depth + 1) for _ in range(3)}


def _node_paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, x in value.items():
            out.extend(_node_paths(x, (*prefix, k)))
    elif isinstance(value, list):
        for i, x in enumerate(value):
            out.extend(_node_paths(x, (*prefix, i)))
    return out


def random_deal(seed: int) -> dict:
    """A sample deal with 1–3 random nodes replaced by random values (deterministic for ``seed``)."""
    rng = random.Random(seed)
    deal = sample_deal(
        rng.choice(["contract-equipment.json", "quote-office.json", "contract-software-service.json"])
    )
    for _ in range(rng.randrange(1, 4)):
        paths = _node_paths(deal)
        path = rng.choice(paths)
        node = deal
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = random_value(rng)
    return deal


def random_config(seed: int) -> str:
    """TOML text of 1–3 random settings with random (often wrong) values."""
    from contractkit.config import Settings

    rng = random.Random(seed)
    names = [*Settings.__dataclass_fields__, "lpr", "tool"]
    values = [
        "0",
        "-1",
        "1e308",
        '""',
        '[""]',
        "[12]",
        '"12"',
        "[1,2,3]",
        '"fatal"',
        '"fr"',
        "true",
        "1.5",
        '{"a" = "b"}',
        '{"penalty/no-cap" = "fatal"}',
        "2025-13-01",
        '"2025-05-20"',
        '["一批", 3]',
        "{a = " * 40 + "1" + "}" * 40,
        '"' + "x" * 100 + '"',
        "[" + ", ".join(['"w"'] * 2000) + "]",
    ]
    lines = [f"{rng.choice(names)} = {rng.choice(values)}" for _ in range(rng.randrange(1, 4))]
    if rng.random() < 0.1:
        lines.append("[broken")
    return "\n".join(lines) + "\n"


# -- LibreOffice and OCR inputs (slow: the campaign keeps them few) ------------------------------------


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 0x80 and ch >= " ":
            out.append(ch)
        else:  # RTF \uN is a signed 16-bit number; astral and lone surrogates as UTF-16 code units
            data = ch.encode("utf-16-le", "surrogatepass")
            for i in range(0, len(data), 2):
                n = int.from_bytes(data[i : i + 2], "little")
                out.append(f"\\u{n - 65536 if n > 32767 else n}?")
    return "".join(out)


def rtf_draft(seed: int) -> bytes:
    """An RTF draft: contract lines with hostile strings between them (valid RTF, for LibreOffice)."""
    rng = random.Random(seed)
    lines = [
        "买卖合同",
        "甲方：北京某某科技有限公司",
        "乙方：上海某某贸易有限公司",
        "第一条 标的 货款共计人民币壹万元整。",
    ]
    body = []
    for line in lines:
        body.append(_rtf_escape(line))
        body.append(_rtf_escape(rng.choice(HOSTILE_STRINGS)[:200]))
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\n" + "\\par\n".join(body) + "}\n").encode("ascii")


def office_inputs(seed: int) -> tuple[str, bytes]:
    """A (name, bytes) .doc/.rtf input for the LibreOffice reader: a valid RTF, damaged RTF or OLE bytes."""
    rng = random.Random(seed)
    rtf = rtf_draft(seed)
    kind = rng.randrange(5)
    if kind == 0:
        return "draft.rtf", rtf
    if kind == 1:
        return "renamed-rtf.doc", rtf  # Word's "Save as .doc" often writes RTF
    if kind == 2:
        return "flipped.rtf", byte_flips(rtf, seed, flips=rng.randrange(1, 16))
    if kind == 3:
        return "truncated.rtf", truncations(rtf, seed)
    return "ole-garbage.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(
        rng.randrange(256) for _ in range(4096)
    )


@functools.cache
def scan_png() -> bytes:
    """A small grey-scale PNG of two contract lines in a CJK font: a scan for the OCR reader."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (900, 160), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 36)
    except OSError:
        font = ImageFont.load_default()
    draw.text((20, 20), "买卖合同 甲方：北京某某科技有限公司", fill=0, font=font)
    draw.text((20, 90), "货款共计人民币壹万元整，违约金按日万分之五。", fill=0, font=font)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def png_with_size(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels over a tiny body (a decompression bomb)."""
    raw = zlib.compress(b"\0" * 64)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@functools.cache
def scan_pdf() -> bytes:
    """A one-page PDF holding only the scan image (no text layer): read through OCR."""
    from PIL import Image

    buf = io.BytesIO()
    Image.open(io.BytesIO(scan_png())).convert("RGB").save(buf, "PDF", resolution=150)
    return buf.getvalue()


def scan_inputs(seed: int) -> tuple[str, bytes]:
    """A (name, bytes) scan for the OCR reader: a clean, flipped or truncated PNG/PDF, or a pixel bomb."""
    rng = random.Random(seed)
    kind = rng.randrange(6)
    if kind == 0:
        return "scan.png", scan_png()
    if kind == 1:
        return "scan.pdf", scan_pdf()
    if kind == 2:
        return "flipped.png", byte_flips(scan_png(), seed, flips=rng.randrange(1, 8))
    if kind == 3:
        return "truncated.pdf", truncations(scan_pdf(), seed)
    if kind == 4:
        return "bomb.png", png_with_size(100_000, 100_000)
    return "wide.png", png_with_size(2**31 - 1, 1)


# -- near-valid inputs: real contracts and settings bent a little, so the rules run on them ------------

#: Text that bends a contract clause: extreme amounts, dates, rates and periods, odd digits and separators.
CLAUSE_NOISE = (
    "货款共计人民币1e999元",
    "总价９９９９９９９９９９９９９９９９９９元",
    "金额：人民币壹仟亿亿亿元整",
    "于2025年13月45日前交货",
    "自0000年00月00日起",
    "违约金按每日1000000%计算",
    "违约金为合同总价的-50%",
    "定金为合同总额的120%",
    "质保期为99999999个月",
    "验收期为0日",
    "付款：预付0%，到货付0%，验收付0%",
    "年利率" + "9" * 400 + "%",
    "第" + "一" * 300 + "条",
    "（" * 200,
    "甲方：" + "有限公司" * 200,
    "\u3000" * 50,
    "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1",
    "￥,,,.,.元",
    "LPR的4倍的4倍的4倍",
)


@functools.cache
def _draft_lines(name: str) -> tuple[str, ...]:
    return tuple((SAMPLES / "drafts" / name).read_text("utf-8").splitlines())


def mutated_text(seed: int) -> str:
    """A sample draft with 1–8 edits: hostile or clause-bending text inserted, lines deleted or repeated."""
    rng = random.Random(seed)
    names = sorted(p.name for p in (SAMPLES / "drafts").glob("*.txt"))
    lines = list(_draft_lines(rng.choice(names)))
    for _ in range(rng.randrange(1, 9)):
        at = rng.randrange(len(lines)) if lines else 0
        edit = rng.randrange(5)
        if edit == 0 and lines:
            del lines[at]
        elif edit == 1 and lines:
            lines[at : at + 1] = [lines[at]] * rng.randrange(2, 50)
        elif edit == 2 and lines:
            cut = rng.randrange(len(lines[at]) + 1)
            noise = rng.choice(CLAUSE_NOISE + HOSTILE_STRINGS)
            lines[at] = lines[at][:cut] + noise + lines[at][cut:]
        else:
            lines.insert(at, rng.choice(CLAUSE_NOISE))
    return "\n".join(lines) + "\n"


@functools.cache
def _docx_members(src: bytes) -> tuple[tuple[zipfile.ZipInfo, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(src)) as zf:
        return tuple((info, zf.read(info)) for info in zf.infolist())


def mutated_document_xml(src: bytes, seed: int) -> bytes:
    """``src`` (a .docx) re-zipped with word/document.xml edited: text put into a run (escaped or raw),
    a byte span deleted or repeated: the zip is sound, the XML and the text are not."""
    rng = random.Random(seed)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in _docx_members(src):
            if info.filename == "word/document.xml":
                data = _edit_xml(data, rng)
            zf.writestr(info.filename, data)
    return out.getvalue()


def _edit_xml(xml: bytes, rng: random.Random) -> bytes:
    starts = [m.end() for m in re.finditer(rb"<w:t(?: [^>]*)?>", xml)]
    for _ in range(rng.randrange(1, 5)):
        edit = rng.randrange(4)
        at = rng.choice(starts) if starts else rng.randrange(len(xml))
        if edit in (0, 1):
            text = rng.choice(CLAUSE_NOISE + HOSTILE_STRINGS).encode("utf-8", "surrogatepass")
            if (
                edit == 0
            ):  # escaped: well-formed XML holding hostile text (a control character is still bad XML)
                text = text.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")
            xml = xml[:at] + text + xml[at:]
        elif edit == 2:
            at = rng.randrange(len(xml))
            xml = xml[:at] + xml[at + rng.randrange(1, 200) :]
        else:
            at = rng.randrange(len(xml))
            xml = xml[:at] + xml[at : at + rng.randrange(1, 2000)] * rng.randrange(2, 20) + xml[at:]
    return xml


#: Settings of the right type at the edges of (or past) their sensible range: lint must run with them.
EDGE_SETTINGS = {
    "lpr_1y": ["0.0001", "99.99", "3.45"],
    "lpr_date": ["1900-01-01", "2099-12-31"],
    "rate_cap_multiple": ["0.001", "1000"],
    "deposit_max_percent": ["0", "100"],
    "penalty_cap_max_percent": ["0", "100"],
    "objection_period_months": ["[0, 0]", "[1, 1200]", "[24, 12]"],
    "retention_percent_range": ["[0, 100]", "[10, 3]"],
    "vague_words": ["[]", '["的"]', '["a"]', '["。"]', '["合同"]'],
    "extra_vague_words": ['["的", "。"]', '["\\u202e"]', '["元", "日"]', '["' + "长" * 300 + '"]'],
    "vague_triggers": ["[]", '["的"]'],
    "vat_rates": ["[]", "[13]", "[100]"],
    "obsolete_vat_rates": ["[13, 9, 6]", "[]"],
    "discount_max_percent": ["0", "100"],
    "discount_approvals": ["[]", '["x"]'],
    "select": ['["penalty"]', '["nonexistent/rule"]', '["payment", "parties"]'],
    "ignore": ['["penalty"]', '["nonexistent"]'],
    "severity": ['{"penalty/no-cap" = "info"}', '{"payment" = "error"}'],
    "fail_on": ['"info"', '"error"'],
    "lang": ['"en"', '"zh"'],
    "max_input_mb": ["1", "100000"],
}


def edge_config(seed: int) -> str:
    """TOML text of 1–4 settings, each of the right type at an edge of its range."""
    rng = random.Random(seed)
    names = rng.sample(sorted(EDGE_SETTINGS), rng.randrange(1, 5))
    return "".join(f"{name} = {rng.choice(EDGE_SETTINGS[name])}\n" for name in names)
