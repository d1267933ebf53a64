"""``read_document``: pick the reader from the file's content (zip magic, ``%PDF``), then its extension."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

from contractkit.errors import ContractkitError, UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, check_size
from contractkit.readers.model import Document

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp")
_OFFICE_ZIP = (".odt", ".docm", ".dotx", ".dotm")
#: Text a folder or an argument may hold; anything else is refused (never linted as garbage, never clean).
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUPPORTED_EN = (
    ".docx, .doc, .wps, .rtf, .odt, .docm, .dotx, .pdf (scans through OCR), images (OCR), .txt, .md, "
    "JSON deals"
)
SUPPORTED_ZH = (
    ".docx、.doc、.wps、.rtf、.odt、.docm、.dotx、.pdf（扫描件 OCR）、图片（OCR）、.txt、.md、JSON 合同数据"
)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a .docx, .pdf, .txt/.md (or, if its reader is installed, a JSON deal) into a Document.

    Every failure of reading becomes a ContractkitError naming the file, so one bad file never stops a batch.
    """
    name = str(path)
    try:
        return _read(path, max_bytes)
    except ContractkitError as exc:
        if exc.zh is None:
            exc.zh, exc.hint_zh = _chinese(exc.message)
        raise
    except MemoryError:
        raise UnreadableInput(
            "the file needs more memory than is available to read (a decompression bomb?)",
            path=name,
            hint="a real contract is a few MB; check where the file came from",
            zh="读取该文件所需内存超出可用内存（解压炸弹？）",
            hint_zh="真实合同只有几 MB；请核实文件来源",
        ) from None
    except RecursionError:
        raise UnreadableInput(
            "the file is nested too deeply to read",
            path=name,
            hint="save it again from Word",
            zh="文件嵌套过深，无法读取",
            hint_zh="请在 Word 中重新保存",
        ) from None
    except Exception as exc:  # zlib.error, lxml errors, UnicodeError, NotImplementedError … from any reader
        raise UnreadableInput(
            f"cannot read the file ({type(exc).__name__}: {exc})",
            path=name,
            hint="the file is damaged or in an unsupported variant: open and save it again",
            zh=f"无法读取文件（{type(exc).__name__}: {exc}）",
            hint_zh="文件已损坏或格式不受支持：请打开后重新保存",
        ) from None


#: Chinese for the messages of the readers that carry none (pdf, docx): (English start, 中文, 提示).
_ZH = (
    ("encrypted PDF", "PDF 已加密：请先去除密码", "用密码打开后另存或打印为无保护的 PDF"),
    ("not a readable PDF", "不是可读取的 PDF", "文件已损坏或不是 PDF"),
    ("PDF has no pages", "PDF 没有页面", None),
    ("PDF has ", "PDF 页数超过上限", "请拆分文件"),
    ("cannot read page text", "无法读取页面文字", None),
    (
        "no text layer",
        "所有页面都没有文字层：扫描件需要先做 OCR",
        "请用 --ocr auto（默认）检查，或检查原始 .docx",
    ),
    (
        "unreadable glyphs",
        "字形无法识别（字体缺少 ToUnicode 映射）",
        "请用嵌入 Unicode 字体重新导出 PDF，或检查源 .docx",
    ),
    ("not a readable Word document", "不是可读取的 Word 文档", "请在 Word 中打开并重新另存为 .docx"),
)


def _chinese(message: str) -> tuple[str | None, str | None]:
    for start, zh, hint in _ZH:
        if message.startswith(start):
            detail = message[len(start) :].strip(" :")
            if detail.startswith("(") and detail.endswith(")"):
                return f"{zh}（{detail[1:-1]}）", hint
            return zh, hint
    return None, None


def _read(path: str | Path, max_bytes: int) -> Document:
    name = str(path)
    check_size(path, max_bytes)
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UnreadableInput(
            f"cannot read: {exc.strerror}", path=name, zh=f"无法读取：{exc.strerror}"
        ) from None
    suffix = Path(name).suffix.lower()
    if suffix in _OFFICE_ZIP and head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        from contractkit.readers.office import read_office  # .odt, .docm, .dotx: LibreOffice reads them

        return read_office(path, max_bytes=max_bytes)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        from contractkit.readers.docx import read_docx

        return read_docx(path, max_bytes=max_bytes)
    if b"%PDF-" in head:
        from contractkit.readers.pdf import read_pdf

        return read_pdf(path, max_bytes=max_bytes)
    if head.startswith(_OLE) or head.startswith(b"{\\rtf"):
        from contractkit.readers.office import read_office  # .doc, .wps, .dot, .rtf

        return read_office(path, max_bytes=max_bytes)
    if head.startswith(_IMAGES) or (suffix in _IMAGE_SUFFIXES and head[8:12] == b"WEBP"):
        from contractkit.readers.ocr import read_image

        return read_image(path, max_bytes=max_bytes)
    if suffix in (".docx", ".docm", ".dotx"):
        raise UnreadableInput(
            "not a .docx (no zip container): the file is damaged or something else renamed",
            path=name,
            hint="open it in Word and save it as .docx",
            zh="不是 .docx（没有 zip 容器）：文件已损坏，或是其他文件改了扩展名",
            hint_zh="请在 Word 中打开并另存为 .docx",
        )
    if suffix == ".pdf":
        raise UnreadableInput(
            "not a PDF (no %PDF header): damaged or renamed",
            path=name,
            zh="不是 PDF（没有 %PDF 文件头）：文件已损坏或改了扩展名",
        )
    if suffix == ".json" and importlib.util.find_spec("contractkit.readers.deal") is not None:
        module = importlib.import_module("contractkit.readers.deal")
        return module.read_deal(path, max_bytes=max_bytes)
    if suffix in TEXT_SUFFIXES:
        from contractkit.readers.text import read_text

        return read_text(path, max_bytes=max_bytes)
    if suffix != ".json":
        raise UnreadableInput(
            f"unsupported file type {suffix or '(no extension)'}",
            path=name,
            hint=f"contractkit reads {SUPPORTED_EN}",
            zh=f"不支持的文件类型 {suffix or '（无扩展名）'}",
            hint_zh=f"contractkit 可读取 {SUPPORTED_ZH}",
        )
    raise UnreadableInput(
        "JSON deals need the deal reader, which is not installed",
        path=name,
        hint="lint .docx/.pdf/.txt drafts",
        zh="JSON 单据需要单据读取器，但未安装",
        hint_zh="请检查 .docx/.pdf/.txt 草稿",
    )
