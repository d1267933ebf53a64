"""Bounded checks for zip containers (.docx): corrupt archives, zip bombs, wrong content, XML with a DTD.

Python's ``zipfile`` never inflates a member past its declared ``file_size``, so bounding the declared sizes
bounds the real work too; ``read_member`` adds its own cap on top.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from contractkit.errors import UnreadableInput

MAX_TOTAL = 200 * 1024 * 1024  # declared uncompressed bytes, all members together
MAX_RATIO = 100  # compression ratio allowed on a big member
BIG_MEMBER = 1024 * 1024  # members below this may compress as well as they like
MAX_MEMBERS = 10_000
_SNIFF = 2048  # bytes of each XML part checked for a DOCTYPE
#: What ``zipfile`` raises on a damaged or unsupported member: a bad deflate stream (zlib.error), an unknown
#: compression method or zip version (NotImplementedError), encryption (RuntimeError), a bad CRC (BadZipFile).
MEMBER_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    OSError,
    ValueError,
    EOFError,
)

_OTHER_KINDS_ZH = {
    "xl/workbook.xml": "是 Excel 工作簿（.xlsx），不是 Word 文档",
    "ppt/presentation.xml": "是 PowerPoint 文件（.pptx），不是 Word 文档",
    "content.xml": "是 OpenDocument 文件（.odt），不是 Word 文档",
}
_OTHER_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx), not a Word document", "save the contract as .docx"),
    ("ppt/presentation.xml", "a PowerPoint file (.pptx), not a Word document", "save the contract as .docx"),
    ("content.xml", "an OpenDocument file (.odt), not a Word document", "save it as .docx from LibreOffice"),
)


def open_zip(
    data: bytes, path: str, *, max_total: int = MAX_TOTAL, max_ratio: int = MAX_RATIO
) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking it is one and that its declared sizes are bounded."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except MEMBER_ERRORS as exc:
        raise UnreadableInput(
            f"corrupt or truncated zip container ({exc})",
            path=path,
            hint="the file is damaged or not a .docx: open it in Word and save it again",
            zh=f"zip 容器损坏或被截断（{exc}）",
            hint_zh="文件已损坏或不是 .docx：请在 Word 中打开后重新保存",
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise UnreadableInput(
            f"zip has {len(infos)} members (limit {MAX_MEMBERS})",
            path=path,
            hint=_BOMB_HINT,
            zh=f"zip 含 {len(infos)} 个成员（上限 {MAX_MEMBERS}）",
            hint_zh=_BOMB_HINT_ZH,
        )
    total = 0
    for info in infos:
        _check_supported(info, path)
        total += info.file_size
        if info.file_size > BIG_MEMBER and info.file_size > max_ratio * max(info.compress_size, 1):
            raise UnreadableInput(
                f"zip bomb suspected: {info.filename} inflates "
                f"{info.file_size / max(info.compress_size, 1):.0f}x "
                f"(limit {max_ratio}x) to {info.file_size / 1048576:.0f} MB",
                path=path,
                where=info.filename,
                hint=_BOMB_HINT,
                zh=f"疑似 zip 炸弹：{info.filename} 解压后膨胀 "
                f"{info.file_size / max(info.compress_size, 1):.0f} 倍（上限 {max_ratio} 倍），"
                f"达 {info.file_size / 1048576:.0f} MB",
                hint_zh=_BOMB_HINT_ZH,
            )
    if total > max_total:
        raise UnreadableInput(
            f"zip inflates to {total / 1048576:.0f} MB (limit {max_total / 1048576:.0f} MB)",
            path=path,
            hint=_BOMB_HINT,
            zh=f"zip 解压后达 {total / 1048576:.0f} MB（上限 {max_total / 1048576:.0f} MB）",
            hint_zh=_BOMB_HINT_ZH,
        )
    return zf


_BOMB_HINT = "the archive is unreasonably large when unpacked; a real contract is a few MB at most"
_BOMB_HINT_ZH = "该压缩包解压后大得不合理；真实合同最多几 MB"
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}  # all Word ever writes


def _check_supported(info: zipfile.ZipInfo, path: str) -> None:
    """Refuse, before inflating anything, an encrypted member or a compression method Word never writes."""
    if info.flag_bits & 0x1:
        raise UnreadableInput(
            "the zip is encrypted (password-protected)",
            path=path,
            where=info.filename,
            hint="remove the password in Word (File > Info > Protect Document) and save it again",
            zh="zip 已加密（有密码保护）",
            hint_zh="请在 Word 中取消密码（文件 > 信息 > 保护文档）后重新保存",
        )
    if info.compress_type not in _METHODS:
        raise UnreadableInput(
            f"unsupported zip compression method {info.compress_type} (Word uses deflate)",
            path=path,
            where=info.filename,
            hint="open it in Word and save it again as .docx",
            zh=f"不支持的 zip 压缩方式 {info.compress_type}（Word 使用 deflate）",
            hint_zh="请在 Word 中打开并重新另存为 .docx",
        )


def read_member(zf: zipfile.ZipFile, name: str, *, max_bytes: int, path: str) -> bytes:
    """Read one member, refusing more than ``max_bytes`` of inflated data whatever its header says."""
    try:
        with zf.open(name) as fh:
            data = fh.read(max_bytes + 1)
    except KeyError:
        raise UnreadableInput(f"zip has no {name}", path=path, zh=f"zip 中没有 {name}") from None
    except MEMBER_ERRORS as exc:
        raise UnreadableInput(
            f"corrupt zip member {name} ({exc})", path=path, where=name, zh=f"zip 成员 {name} 已损坏（{exc}）"
        ) from None
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"{name} inflates past {max_bytes / 1048576:.0f} MB",
            path=path,
            where=name,
            hint=_BOMB_HINT,
            zh=f"{name} 解压后超过 {max_bytes / 1048576:.0f} MB",
            hint_zh=_BOMB_HINT_ZH,
        )
    return data


def check_docx(zf: zipfile.ZipFile, path: str) -> None:
    """Refuse a zip that is not a Word document (xlsx, pptx, odt, any zip without word/document.xml) or whose
    XML parts declare a DTD (entity tricks)."""
    names = set(zf.namelist())
    if "word/document.xml" not in names:
        for marker, what, hint in _OTHER_KINDS:
            if marker in names:
                raise UnreadableInput(what, path=path, hint=hint, zh=_OTHER_KINDS_ZH.get(marker))
        raise UnreadableInput(
            "a zip archive without word/document.xml: not a Word .docx document",
            path=path,
            hint="open it in Word and save it as .docx",
            zh="zip 压缩包中没有 word/document.xml：不是 Word .docx 文档",
            hint_zh="请在 Word 中打开并另存为 .docx",
        )
    for name in sorted(names):
        if not name.endswith((".xml", ".rels")):
            continue
        try:
            with zf.open(name) as fh:
                head = fh.read(_SNIFF)
        except MEMBER_ERRORS as exc:
            raise UnreadableInput(
                f"corrupt zip member {name} ({exc})",
                path=path,
                where=name,
                zh=f"zip 成员 {name} 已损坏（{exc}）",
            ) from None
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise UnreadableInput(
                "XML part declares a DTD/entities, which Word never writes",
                path=path,
                where=name,
                hint="the file was crafted or damaged; save it again from Word",
                zh="XML 部件声明了 DTD/实体，Word 从不这样写",
                hint_zh="文件被人为构造或已损坏；请在 Word 中重新保存",
            )
