"""Read a .pdf draft with pypdfium2: one Block per paragraph, with its page and first line number.

A PDF has no paragraphs, only lines; a clause wrapped over three lines must still be one sentence for the
rules ("验收合格后5个工作日内支付" split after 支付 loses its trigger). Lines are joined while the previous
line does not end a sentence (。；：！？) and the next line does not start a heading, a numbered item, a table
row (a number then a space) or a label (``住所：``). Table cells wrapped inside their column join
the same way. Running headers and footers (:mod:`contractkit.readers.running_lines`) are dropped, and a
sentence a page break cuts is joined across it.

Pages are streamed (one page and its text page open at a time, closed after use), so memory stays bounded
on long files. pdfplumber is deliberately not used here: it is ~20x slower per page.

Scans: a page without a text layer is rendered and read by OCR (:mod:`contractkit.readers.ocr`) with
``ocr="auto"`` (the default), every page with ``"always"``; ``"never"`` refuses a PDF with no text at all,
as before. ``meta["ocr"]`` lists the OCR'd pages (1-based), ``meta["ocr_confidence"]`` Tesseract's
confidence in each (0–100, :func:`~contractkit.readers.ocr.page_confidence`; each block has its own). At
most ``max_ocr_pages`` pages are OCR'd, each within the OCR page time limit and pixel bound.
"""

from __future__ import annotations

import re
from pathlib import Path

from contractkit.errors import UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, check_size
from contractkit.readers.model import Block, Document, Location, OcrMode, read_options
from contractkit.readers.normalize import looks_like_heading, normalize, normalize_many, strip_invisible

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_PDFIUM_NOISE = re.compile("[\x02\ufffe\x00]")  # soft-hyphen / non-Unicode markers pdfium emits
_CID = re.compile(r"\(cid:\d+\)")
_FFFD_OR_PUA = re.compile("[\ufffd\ue000-\uf8ff]")
_ERR_PASSWORD = 4  # FPDF_ERR_PASSWORD
_GLYPH_SHARE = 0.10
_GLYPH_MIN = 20
#: Pages of one PDF that may go through OCR (a few seconds each): a longer scan is refused, not hung on.
MAX_OCR_PAGES = 100


def read_pdf(
    path: str | Path,
    *,
    max_pages: int = 2000,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: OcrMode | None = None,
    max_ocr_pages: int = MAX_OCR_PAGES,
) -> Document:
    """Read a .pdf into a Document, pages without text through OCR (``ocr``: auto/always/never; default from
    :func:`~contractkit.readers.model.read_options`); encrypted, garbled or oversized files raise."""
    name = str(path)
    mode = ocr or read_options().ocr
    check_size(path, max_bytes)
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(name)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _ERR_PASSWORD or "password" in str(exc).lower():
            raise UnreadableInput(
                "encrypted PDF: remove the password first",
                path=name,
                hint="open it with the password and save or print it to a PDF without protection",
                zh="PDF 已加密：请先去除密码",
                hint_zh="用密码打开后另存或打印为不加密的 PDF",
            ) from None
        raise UnreadableInput(
            f"not a readable PDF ({exc})",
            path=name,
            hint="the file is damaged or not a PDF",
            zh=f"不是可读取的 PDF（{exc}）",
            hint_zh="文件已损坏或不是 PDF",
        ) from None
    try:
        return _read_pages(pdf, name, max_pages, mode, max_ocr_pages)
    finally:
        pdf.close()


def _read_pages(pdf: object, name: str, max_pages: int, mode: str, max_ocr_pages: int) -> Document:
    import pypdfium2 as pdfium

    n = len(pdf)  # type: ignore[arg-type]
    if n == 0:
        raise UnreadableInput("PDF has no pages", path=name, zh="PDF 没有页面")
    if n > max_pages:
        raise UnreadableInput(
            f"PDF has {n} pages (limit {max_pages})",
            path=name,
            hint="split the file or raise max_pages",
            zh=f"PDF 有 {n} 页（上限 {max_pages} 页）",
            hint_zh="请拆分文件，或调高 max_pages",
        )
    stats = GlyphStats()
    ocr_pages: list[int] = []
    langs: str | None = None  # OCR languages: both until the first OCR'd page shows the script
    read: list[tuple[str, list[str]]] = []  # per page: ("text" | "ocr", its lines)
    for i in range(n):
        try:
            page = pdf[i]  # type: ignore[index]
            try:
                textpage = page.get_textpage()
                try:
                    raw = textpage.get_text_range()
                finally:
                    textpage.close()
                text = _PDFIUM_NOISE.sub("", raw)
                if mode == "always" or (mode == "auto" and not text.strip()):
                    lines, langs = _ocr_page(page, name, i + 1, len(ocr_pages), max_ocr_pages, langs)
                    ocr_pages.append(i + 1)
                    read.append(("ocr", lines))
                    continue
            finally:
                page.close()
        except pdfium.PdfiumError as exc:
            raise UnreadableInput(
                f"cannot read page text ({exc})",
                path=name,
                where=f"page {i + 1}",
                zh=f"第 {i + 1} 页的文字无法读取（{exc}）",
            ) from None
        stats.add(text)
        read.append(("text", _LINE_SPLIT.split(text)))
    blocks, pages_with_text, confidence = _blocks(read)
    if pages_with_text == 0 and ocr_pages:
        raise UnreadableInput(
            f"OCR found no text on the {len(ocr_pages)} scanned page(s)",
            path=name,
            hint="scan at 300 dpi, straight and in focus",
            zh=f"OCR 未在 {len(ocr_pages)} 页扫描件中识别到文字",
            hint_zh="请以 300 dpi 扫描，保持端正、清晰",
        )
    if pages_with_text == 0:
        raise UnreadableInput(
            f"no text layer on any of the {n} page(s): a scanned PDF needs OCR first",
            path=name,
            hint="lint with --ocr auto (the default), or lint the original .docx instead",
            zh=f"{n} 页都没有文字层：扫描的 PDF 需要先做 OCR",
            hint_zh="用 --ocr auto（默认）检查，或改为检查原始 .docx",
        )
    stats.check(name)
    meta: dict = {"pages": n, "pages_with_text": pages_with_text, "ocr": ocr_pages}
    if ocr_pages:
        meta["ocr_confidence"] = confidence
    return Document(path=name, kind="pdf", blocks=blocks, meta=meta)


def _blocks(read: list[tuple[str, list[str]]]) -> tuple[list[Block], int, dict[int, float | None]]:
    """The blocks of the pages read (text layer or OCR), the number of pages with text, and the OCR
    confidence per OCR'd page. Running headers and footers are blanked first; a paragraph cut by a page
    break (its page's last line runs to the margin, the next page goes on without a heading or item) is
    joined across the break and keeps its first page and line."""
    from contractkit.readers.running_lines import blank_running_lines

    text_lines = blank_running_lines([lines if kind == "text" else None for kind, lines in read])
    blocks: list[Block] = []
    pages_with_text = 0
    confidence: dict[int, float | None] = {}
    tail: str | None = None  # the previous text page's last line, while its last block may go on
    for i, ((kind, lines), cleaned) in enumerate(zip(read, text_lines, strict=True)):
        if kind == "ocr":
            from contractkit.readers.ocr import page_blocks, page_confidence

            page_found = page_blocks(lines, i + 1, len(blocks))
            confidence[i + 1] = page_confidence(lines)
            pages_with_text += bool(page_found)
            blocks.extend(page_found)
            tail = None
            continue
        assert cleaned is not None
        paras = paragraphs(cleaned)
        if any(line.strip() for line in lines):
            pages_with_text += 1
        if paras and tail is not None and blocks and _runs_on(tail, paras[0][1]):
            last = blocks[-1]
            sep = (
                " "
                if last.text[-1:].isascii() and last.text[-1:].isalnum() and paras[0][1][:1].isascii()
                else ""
            )
            joined = last.text + sep + paras[0][1].lstrip()
            blocks[-1] = Block(text=joined, norm=normalize(joined), location=last.location, kind=last.kind)
            paras = paras[1:]
        for (number, para), norm in zip(paras, normalize_many([p for _, p in paras]), strict=True):
            kind_ = "heading" if looks_like_heading(para) else "line"
            loc = Location(len(blocks), page=i + 1, line=number)
            blocks.append(Block(text=para, norm=norm, location=loc, kind=kind_))
        filled = [line for line in cleaned if line.strip()]
        tail = strip_invisible(filled[-1]).rstrip() if filled and blocks else None
    return blocks, pages_with_text, confidence


def _runs_on(last_line: str, line: str) -> bool:
    """True when a page's last line wraps onto the next page's first: it runs to the margin (wide, no
    sentence end) and the next line starts no heading, item or label."""
    if last_line.endswith(_SENTENCE_END) or _width(last_line) < _CROSS_PAGE_LINE:
        return False
    if _tabular(last_line) or _tabular(line):
        return False  # a table row, or the table's header repeated on the next page
    return not (_ITEM_START.match(line) or looks_like_heading(line))


def _tabular(line: str) -> bool:
    """A line of table cells: four or more space-separated fields, most of them short."""
    fields = line.split()
    return len(fields) >= 4 and sum(len(f) <= 8 for f in fields) >= 3


def _ocr_page(
    page: object, name: str, number: int, done: int, limit: int, langs: str | None
) -> tuple[list[str], str]:
    """The OCR'd lines of one PDF page read with ``langs`` (None: both Chinese scripts), and the languages
    for the next page (:func:`~contractkit.readers.ocr.langs_after`); past the page limit, no Tesseract or
    too slow: UnreadableInput."""
    from contractkit.readers import ocr

    langs = langs or ocr.LANGS
    if done >= limit:
        raise UnreadableInput(
            f"more than {limit} pages need OCR",
            path=name,
            where=f"page {number}",
            hint="split the scan, or OCR it first (e.g. ocrmypdf)",
            zh=f"需要 OCR 的页面超过 {limit} 页",
            hint_zh="请拆分扫描件，或先做 OCR（如 ocrmypdf）",
        )
    ocr.require(name)
    try:
        lines = ocr.image_lines(ocr.render_pdf_page(page), langs=langs)
    except (TimeoutError, ocr.OcrFailed) as exc:
        raise ocr.page_unreadable(name, number, exc) from None
    return lines, ocr.langs_after(lines, langs)


class GlyphStats:
    """Counts characters that mean a font without a usable ToUnicode map: ``(cid:N)``, U+FFFD, private use."""

    def __init__(self) -> None:
        self.bad = 0
        self.total = 0

    def add(self, text: str) -> None:
        """Count one chunk of extracted text."""
        cids = _CID.findall(text)
        self.bad += len(cids) + len(_FFFD_OR_PUA.findall(text))
        self.total += len(cids) + sum(map(len, _CID.sub("", text).split()))  # the non-space characters

    def check(self, path: str) -> None:
        """Raise UnreadableInput when the bad share is high."""
        if self.bad >= _GLYPH_MIN and self.bad > _GLYPH_SHARE * self.total:
            raise UnreadableInput(
                f"unreadable glyphs / font without ToUnicode: {self.bad} of {self.total} characters",
                path=path,
                hint="export the PDF again with embedded Unicode fonts, or lint the source .docx",
                zh=f"字形无法识别 / 字体缺少 ToUnicode 映射：{self.total} 个字符中有 {self.bad} 个",
                hint_zh="请重新导出嵌入 Unicode 字体的 PDF，或直接检查原始 .docx",
            )


_SENTENCE_END = tuple("。；;！!？?：:")
_LABEL = re.compile(r"^\s*[\u4e00-\u9fff（）()A-Za-z ]{1,14}[：:]")
_SHORT = 16  # display width (a CJK character counts 2) under which a line is a title or a cell, not prose
_FULL_LINE = 0.85  # share of the page's widest line at which a line is taken to run to the margin
_ARTICLE_LINE = 3 * _SHORT  # display width beyond any heading's title: a 第N条 line this long is clause text
_CROSS_PAGE_LINE = 4 * _SHORT  # display width of a prose line that wraps onto the next page
_ONE_CHAR_LABEL = re.compile(r"^\s*[\u4e00-\u9fff][：:]")
_ITEM_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[条章节款]|\d+(?:\.\d+)*[\.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d{1,2}(?:\.\d{1,2}){1,3}\s*(?![倍元万亿%‰个件台套只日天月年周小时米吨克升斤箱桶张片kKmMgGLl/×xX*])"
    r"(?=[\u4e00-\u9fff\"“「（(])"  # 6.1 抽检 / 6.1.2验收: a 1 / 1.1 / 1.1.1 clause, not 1.5 倍 / 2.40 元
    r"|[一二三四五六七八九十]+、|[•·●■□☑√※]|\d+\s|[\u4e00-\u9fff（）()A-Za-z ]{1,14}[：:])"
)


def paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    """Join wrapped lines of one page into paragraphs: ``[(first line number, text), ...]``."""
    cleaned = [(n, strip_invisible(line).rstrip()) for n, line in enumerate(lines, start=1)]
    cleaned = [(n, line) for n, line in cleaned if line.strip()]
    if not cleaned:
        return []
    widest = max(_width(line) for _, line in cleaned)
    out: list[tuple[int, str]] = []
    last_line = ""
    for n, line in cleaned:
        if out and _continues(last_line, line, widest):
            first, prev = out[-1]
            sep = " " if prev[-1:].isascii() and prev[-1:].isalnum() and line.lstrip()[:1].isascii() else ""
            out[-1] = (first, prev + sep + line.lstrip())
        else:
            out.append((n, line))
        last_line = line
    return out


def _continues(last_line: str, line: str, widest: float) -> bool:
    """True when ``line`` continues the paragraph whose latest line is ``last_line``.

    A line that ran to the right margin wraps, an article's first line too (``第六条 违约：…总额不`` /
    ``超过合同总价的5%。``: a heading is short, it never runs to the margin). Otherwise a short line that
    does not end a sentence (a title, a table cell) stands alone, and so does a label line (``有效期至：…``).
    """
    if last_line.endswith(_SENTENCE_END):
        return False
    ran_to_margin = _width(last_line) >= _FULL_LINE * widest
    if ran_to_margin and _ONE_CHAR_LABEL.match(line) and _width(last_line) >= _CROSS_PAGE_LINE:
        return True  # …第二期款项按月结 / 算：每月支付…: a wrapped word, not a label (OCR's 址： is one)
    if _ITEM_START.match(line) or looks_like_heading(line):
        return False
    if looks_like_heading(last_line):
        return ran_to_margin and _width(last_line) >= _ARTICLE_LINE
    if ran_to_margin:
        return True  # it wraps
    if _DANGLING.search(last_line):
        return True  # …有限公司，统一社会信用代码 / 9134…: a comma or a field name waits for what follows
    if _width(line) < _SHORT and not line.endswith(_SENTENCE_END):
        return False
    return not _LABEL.match(last_line)


#: A line that cannot end a paragraph: it ends on a comma, or on a party detail's name with no value after it.
_DANGLING = re.compile(
    r"(?:[，,、]|[，,；;\s](?:统一社会信用代码|統一社會信用代碼|信用代码|信用代碼|住所|地址|电话|電話|法定代表人|开户行|開戶行|账号|帳號))\s*$"
)


_NARROW_RUN = re.compile(r"[\x00-\u2e7f]+")


def _width(line: str) -> float:
    """Display width: CJK and full-width characters (above U+2E7F) count 2, others 1."""
    t = line.strip()
    return 2 * len(t) - sum(map(len, _NARROW_RUN.findall(t)))
