"""OCR for scans and photos: Tesseract (Simplified + Traditional Chinese and English data from Debian's
``tesseract-ocr-chi-sim`` / ``-chi-tra`` packages) driven through :mod:`pytesseract`.

Used for PDF pages without a text layer (``--ocr auto``: only those pages; ``always``: every page) and for
.png / .jpg / .tif images (a multi-page TIFF page by page). Each page is rendered or loaded in greyscale,
straightened (a scan a degree or two off is turned back: the angle whose rows of ink are sharpest), cleared
of table rulings (Tesseract takes a ruled table for a picture), read by Tesseract line by line, and the lines
joined into paragraphs as the PDF reader joins them. Spaces Tesseract puts between Chinese characters are
dropped. A document's first page is read with both Chinese scripts; once a page is plainly Simplified, the
rest with ``chi_sim`` alone (about 30 % less CPU). A page read before with the same settings is not read
again (:mod:`contractkit.readers.ocr_cache`). Findings on such text say it came from OCR (``meta['ocr']``).

Bounds: images over :data:`MAX_PIXELS` are refused, each page has a time limit, at most ``max_pages`` pages,
and Tesseract runs under an address-space cap (``CONTRACTKIT_OCR_MEMORY_MB``,
:mod:`contractkit.office.limits`).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from contractkit.errors import UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, check_size
from contractkit.office.limits import capped_program, ocr_memory_mb
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import looks_like_heading, normalize

#: Languages Tesseract reads with. Measured on our contract as PDF at 300 dpi (benchmarks/bench_ocr.py):
#: chi_sim+chi_tra gives a lower character error rate than adding eng (which is also ~1.8x slower).
LANGS = "chi_sim+chi_tra"
#: Page segmentation: ``4`` (one column of lines of varying size) beats ``3`` (automatic), which also moves
#: a line's tail elsewhere, and ``6`` (one uniform block) on the same pages.
PSM = 4
#: Resolution PDF pages are rendered at for OCR.
DPI = 300
#: An image larger than this (pixels) is refused: a real page at 600 dpi is about 35 MP.
MAX_PIXELS = 60_000_000
#: CPU seconds Tesseract may spend on one page (a 300 dpi A4 page takes 3–8 s): a bound on the page's own
#: work, whatever the load of the machine (over it the kernel stops Tesseract with SIGXCPU).
PAGE_CPU_SECONDS = 120
#: Wall-clock seconds before a page's Tesseract is stopped whatever its CPU time: a backstop against a
#: process that waits instead of working, generous for a machine shared by many processes.
PAGE_TIMEOUT = 600
#: Exit statuses of a process stopped by SIGXCPU (by the signal itself; as a shell reports it).
_CPU_EXCEEDED = (-signal.SIGXCPU, 128 + signal.SIGXCPU)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")
INSTALL_HINT = (
    "install Tesseract with the Chinese data: sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim "
    "tesseract-ocr-chi-tra (or run `make soffice`)"
)
_CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
#: A space Tesseract puts between two Chinese characters, or between one and a bracket or a colon beside it.
_CJK_GAP = re.compile(rf"(?<=[{_CJK}()\[\]:;,])\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+(?=[()\[\]:;,])")
#: A "word" that is only a table's ruling read as a bar.
_RULE = re.compile(r"^[|丨]+$")
#: A ruling glued to a word: a bar, or a corner bracket with no partner on the line.
_BAR = re.compile(r"\s*[|丨]\s*")


#: One language for a page that is plainly Simplified Chinese: about 30 % less Tesseract CPU than both, the
#: same reading (benchmarks/bench_ocr.py).
SIMPLIFIED = "chi_sim"
#: Characters that differ between the scripts, read on a document's first OCR'd page with both languages,
#: below which the page gives no evidence of its script (the other pages are then read with both).
SCRIPT_EVIDENCE = 20
#: A page is plainly Simplified when its Simplified-only characters outnumber its Traditional-only ones by
#: this factor. Read with both languages a Simplified page still shows some Traditional forms (賣, 貨, 內:
#: 80 to 31 on our steel contract); a Traditional page shows few Simplified ones (7 to 84).
SIMPLIFIED_MARGIN = 1.5


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> int:
    """+1 for a Simplified-only character, -1 for a Traditional-only one, 0 for one both scripts share."""
    from contractkit.readers.normalize import to_simplified

    if to_simplified(ch) != ch:
        return -1
    return 1 if _to_traditional(ch) != ch else 0


@functools.lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t.json")


def _to_traditional(ch: str) -> str:
    try:
        return str(_s2t().convert(ch))
    except Exception:
        return ch


def langs_after(lines: list[str], langs: str = LANGS) -> str:
    """The languages to read a document's further pages with, from the lines of its first OCR'd page
    (read with ``langs``): :data:`SIMPLIFIED` alone when that page is plainly Simplified Chinese."""
    if langs != LANGS:
        return langs
    simplified = traditional = 0
    for ch in "".join(lines):
        if ch >= "\u3400":
            kind = _script(ch)
            simplified += kind > 0
            traditional += kind < 0
    if simplified + traditional >= SCRIPT_EVIDENCE and simplified >= SIMPLIFIED_MARGIN * traditional:
        return SIMPLIFIED
    return langs


def available(langs: str = LANGS) -> bool:
    """True when Tesseract, pytesseract and every language of ``langs`` are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        have = set(pytesseract.get_languages(config=""))
    except Exception:
        return False
    return all(lang in have for lang in langs.split("+"))


def require(path: str, langs: str = LANGS) -> None:
    """Raise UnreadableInput when OCR is needed for ``path`` and Tesseract or its language data is missing."""
    if not available(langs):
        raise UnreadableInput(
            "this file needs OCR, and Tesseract with Chinese language data is not installed",
            path=path,
            hint=INSTALL_HINT,
            zh="此文件需要 OCR 识别，但未安装 Tesseract 中文语言包",
        )


def deskew(image: Any, max_angle: float = 3.0, step: float = 0.5, fine: float = 0.1) -> Any:
    """``image`` turned by the small angle (within ±``max_angle``°) whose rows of ink are sharpest: first in
    steps of ``step``°, then of ``fine``° around the best (a ruling must lie on one pixel row to be found)."""
    from PIL import Image, ImageOps

    small = ImageOps.invert(image.convert("L"))
    small.thumbnail((800, 800))

    def sharpness(angle: float) -> float:
        rotated = small.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False)
        values = list(rotated.resize((1, rotated.size[1]), Image.Resampling.BOX).tobytes())  # ink per row
        mean = sum(values) / len(values)
        return sum((v - mean) ** 2 for v in values)

    coarse = [-max_angle + k * step for k in range(round(2 * max_angle / step) + 1)]
    best_angle = max(coarse, key=lambda a: (sharpness(a), -abs(a)))
    around = [best_angle + k * fine for k in range(-int(step / fine) + 1, int(step / fine))]
    best_angle = max(around, key=lambda a: (sharpness(a), -abs(a)))
    if abs(best_angle) < 1e-9:
        return image
    return image.rotate(best_angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


#: Ink: a grey level darker than this (0 black … 255 white).
INK_LEVEL = 160
#: A horizontal run of ink at least this share of the page's width is a ruling (a table's or a signature
#: line), not a stroke: about 1.4 in on A4, several times the longest stroke of a character.
RULING_SHARE = 1 / 6
#: Within a table row (between two rulings), a pixel column inked over this share of the row's height is a
#: vertical ruling: a character's strokes never span the row, its padding stays white.
COLUMN_FILL = 0.85


def _shifted(image: Any, dx: int, dy: int) -> Any:
    from PIL import Image

    out = Image.new("L", image.size, 0)
    out.paste(image, (dx, dy))
    return out


def _line_opening(ink: Any, length: int) -> Any:
    """The ink (255) of ``ink`` that lies on a horizontal run at least ``length`` pixels long."""
    from PIL import ImageChops

    eroded, span = ink, 1
    steps = []
    while span < length:  # erosion by doubling: after it, a pixel is ink when the next 2^k pixels all are
        step = min(span, length - span)
        eroded = ImageChops.darker(eroded, _shifted(eroded, -step, 0))
        steps.append(step)
        span += step
    grown = eroded
    for step in steps:  # dilation back over the same run
        grown = ImageChops.lighter(grown, _shifted(grown, step, 0))
    return grown


#: A ruled table's row on the page: its top and bottom and the x of its vertical rulings, in pixels.
GridRow = tuple[int, int, list[int]]


def remove_rulings(page: Any) -> Any:
    """``page`` (greyscale, straightened) with a table's rulings painted white (:func:`unruled`)."""
    return unruled(page)[0]


def unruled(page: Any) -> tuple[Any, list[GridRow]]:
    """``page`` with a table's rulings painted white — long horizontal runs of ink, and within each row
    between two of them the pixel columns inked from top to bottom — and the table rows so found (two
    vertical rulings at least). Tesseract takes a ruled table for a picture and reads none of it."""
    from PIL import Image, ImageChops, ImageFilter

    ink = page.point(lambda v: 255 if v < INK_LEVEL else 0)
    thick = ImageChops.lighter(ink, _shifted(ink, 0, 1))  # a ruling a little off one pixel row
    rulings = _line_opening(ImageChops.lighter(thick, _shifted(ink, 0, -1)), int(page.width * RULING_SHARE))
    profile = rulings.resize((1, page.height), Image.Resampling.BOX).tobytes()
    rows = [y for y, v in enumerate(profile) if v]
    if not rows:
        return page, []
    mask = ImageChops.darker(rulings, ink)
    grid: list[GridRow] = []
    for top, bottom in ((a, b) for a, b in itertools.pairwise(rows) if b - a > 4):
        band = ink.crop((0, top + 2, page.width, bottom - 1))
        fill = band.resize((page.width, 1), Image.Resampling.BOX).tobytes()
        columns = [x for x, v in enumerate(fill) if v >= 255 * COLUMN_FILL]
        for x in columns:
            mask.paste(255, (x, top, x + 1, bottom + 1))
        xs = [x for k, x in enumerate(columns) if k == 0 or x - columns[k - 1] > 1]  # one x per ruling
        if len(xs) >= 2:
            grid.append((top, bottom, xs))
    mask = mask.filter(ImageFilter.MaxFilter(3))  # the ruling's grey edges too
    return ImageChops.lighter(page, mask), grid


#: A page at least this many pixels on its long side (≈ 210 dpi for A4) is softened before OCR.
SOFTEN_FROM = 2500
#: Gaussian radius that softening uses: measured on our contract at 300 dpi, it turns misreads such as
#: 文付 (支付), 改量 (数量), 若十 (若干) back into the right characters (benchmarks/bench_ocr.py).
SOFTEN_RADIUS = 0.8


def soften(image: Any) -> Any:
    """A high-resolution page slightly blurred (Tesseract misreads fewer strokes); others as they are."""
    from PIL import ImageFilter

    if max(image.size) < SOFTEN_FROM:
        return image
    return image.filter(ImageFilter.GaussianBlur(SOFTEN_RADIUS))


#: Side (pixels) of the median filter that clears a page of salt noise before OCR (:func:`despeckle`).
#: Measured with Tesseract on pages rendered at 300 dpi (page confidence, words weighted by characters):
#: printed contracts scanned at 150 dpi grey with salt noise, slight rotation and blur (extra32 w31_b07
#: p2, extra36 w35_b06 p1) read at 52–62 without it, every clause garbled (付吉 for 付款, 309@ for 30%),
#: and at 88 with it, read right; a clean 300 dpi scan (extra30 w29_b07 p1) 87.9 → 87.5 and a printed
#: form (extra2 h04 p1) 80.2 → 81.8, the same text; the hand-filled forms stay poorly read (extra29
#: w28_b07 p1 75.6 → 74.4 with its garbled fill-ins, extra25 s10 p1 49 → 61, under PAGE_LOW). Binarizing
#: (Otsu) after it added nothing (68 vs 69 without softening); a 5-pixel filter erodes strokes. On a
#: clean page it erodes thin strokes too (extra20 c07_v2 p1: "第 1 項" read "第 项", a table header
#: lost), so a page is read cleared only when its plain reading is under :data:`DESPECKLE_UNDER`, and the
#: reading with the higher confidence is kept.
DESPECKLE = 3
#: A page read under this confidence (0–100, :func:`page_confidence`) is read a second time with salt
#: noise cleared. The well-read corpus scans read at 78–93 plain (most 84–90), the noisy 150 dpi ones at
#: 52–79 (w35_b06 p2 78.6 with 4 garbled parts → 91 cleared). Only those pages pay a second reading.
DESPECKLE_UNDER = 80


def despeckle(image: Any) -> Any:
    """A greyscale page with isolated dark and light pixels (scanner noise) replaced by their
    neighbourhood's median: strokes wider than a pixel stay."""
    from PIL import ImageFilter

    return image.filter(ImageFilter.MedianFilter(DESPECKLE))


class OcrFailed(Exception):
    """Tesseract ran and failed on a page (out of memory under its cap, or damaged image data)."""


class CpuTimeExceeded(TimeoutError):
    """Tesseract used more than :data:`PAGE_CPU_SECONDS` of CPU time on one page (stopped by SIGXCPU)."""


_TESSERACT_DEFAULT = "tesseract"


@contextlib.contextmanager
def _capped_tesseract(pytesseract: Any) -> Iterator[None]:
    """pytesseract pointed at Tesseract under the memory and CPU-time caps (:mod:`contractkit.office.limits`)
    meanwhile."""
    cmd = pytesseract.pytesseract.tesseract_cmd
    program = shutil.which(_TESSERACT_DEFAULT)
    if cmd != _TESSERACT_DEFAULT or program is None:  # the user chose another Tesseract: leave it as set
        yield
        return
    pytesseract.pytesseract.tesseract_cmd = capped_program(
        program, ocr_memory_mb(), cpu_seconds=PAGE_CPU_SECONDS
    )
    try:
        yield
    finally:
        pytesseract.pytesseract.tesseract_cmd = cmd


def page_unreadable(path: str, number: int, exc: Exception) -> UnreadableInput:
    """The error for a page OCR could not read: over time, or Tesseract failing (its cap)."""
    if isinstance(exc, CpuTimeExceeded):
        return UnreadableInput(
            f"OCR of page {number} took more than {PAGE_CPU_SECONDS} s of CPU time",
            path=path,
            where=f"page {number}",
            hint="scan at 300 dpi, one page per image",
            zh=f"第 {number} 页 OCR 占用 CPU 超过 {PAGE_CPU_SECONDS} 秒",
            hint_zh="请以 300 dpi 扫描，每张图片一页",
        )
    if isinstance(exc, TimeoutError):
        return UnreadableInput(
            f"OCR of page {number} took longer than {PAGE_TIMEOUT} s",
            path=path,
            where=f"page {number}",
            zh=f"第 {number} 页 OCR 超过 {PAGE_TIMEOUT} 秒",
        )
    return UnreadableInput(
        f"OCR of page {number} failed: {exc}",
        path=path,
        where=f"page {number}",
        hint="scan at 300 dpi, or raise CONTRACTKIT_OCR_MEMORY_MB",
        zh=f"第 {number} 页 OCR 失败（{exc}）",
        hint_zh="请以 300 dpi 扫描，或调高 CONTRACTKIT_OCR_MEMORY_MB",
    )


def image_lines(
    image: Any,
    *,
    langs: str = LANGS,
    timeout: float = PAGE_TIMEOUT,
    psm: int = PSM,
    smooth: bool = True,
    unrule: bool = True,
    assemble: bool = True,
    cache: bool = True,
) -> list[str]:
    """The text lines Tesseract reads on one page image (greyscale, straightened, rulings removed), in
    reading order; a page read before with the same settings comes from :mod:`~contractkit.readers.ocr_cache`
    (``cache=False``: always read)."""
    from contractkit.readers import ocr_cache

    settings = {"langs": langs, "psm": psm, "smooth": smooth, "unrule": unrule, "assemble": assemble}
    settings["memory"] = ocr_memory_mb()
    key = ocr_cache.page_key(image, **settings) if cache else ""
    found = ocr_cache.get(key) if cache else None
    if found is not None:
        return [
            (TableRow if text[:1] == "\x1e" else OcrLine)(text[1:], conf, tuple(map(tuple, words)))
            for text, conf, words in found
        ]
    how = {"langs": langs, "timeout": timeout, "psm": psm, "smooth": smooth, "unrule": unrule}
    lines = _read_page(image, assemble=assemble, **how)
    first = page_confidence(lines)
    if first is not None and first < DESPECKLE_UNDER:  # read poorly: perhaps noise; read it cleared
        cleared = _read_page(image, assemble=assemble, clear=True, **how)
        if (page_confidence(cleared) or 0) > first:
            lines = cleared
    if cache:  # a table row marked by a leading record separator, any other line by a space
        marked = [("\x1e" if isinstance(x, TableRow) else " ") + x for x in lines]
        ocr_cache.put(
            key,
            [
                (text, line_confidence(x), [list(r) for r in line_words(x)])
                for text, x in zip(marked, lines, strict=True)
            ],
        )
    return lines


def _read_page(
    image: Any,
    *,
    langs: str,
    timeout: float,
    psm: int,
    smooth: bool,
    unrule: bool,
    assemble: bool,
    clear: bool = False,
) -> list[str]:
    """Tesseract's lines of one page image, prepared as :func:`image_lines` says (``clear``: salt noise
    cleared first, :func:`despeckle`)."""
    import pytesseract

    page = deskew(despeckle(image.convert("L")) if clear else image.convert("L"))
    page, grid = unruled(page) if unrule else (page, [])
    page = soften(page) if smooth else page
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one page per core; Tesseract's threads only contend
    try:
        with _capped_tesseract(pytesseract):
            data = pytesseract.image_to_data(
                page, lang=langs, config=f"--psm {psm}", timeout=timeout, output_type=pytesseract.Output.DICT
            )
    except pytesseract.TesseractError as exc:  # it exited with an error: over its memory cap, damaged data
        if exc.status in _CPU_EXCEEDED:
            raise CpuTimeExceeded(f"more than {PAGE_CPU_SECONDS} s of CPU time") from None
        raise OcrFailed(f"Tesseract failed ({exc.status}); memory limit {ocr_memory_mb()} MB") from None
    except (subprocess.CalledProcessError, OSError) as exc:  # it could not even start under the cap
        code = getattr(exc, "returncode", None)
        raise OcrFailed(f"Tesseract failed ({code}); memory limit {ocr_memory_mb()} MB") from None
    except RuntimeError as exc:  # pytesseract's timeout
        raise TimeoutError(str(exc)) from None
    lines: dict[tuple[int, int, int], list[tuple[int, Word]]] = {}
    confs: dict[int, float] = {}  # id of a word's box: Tesseract's confidence in it (0–100)
    for i, word in enumerate(data["text"]):
        if not word.strip() or float(data["conf"][i]) < 0 or _RULE.match(word.strip()):
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        box = (data["left"][i], data["width"][i], data["height"][i], word.strip())
        confs[id(box)] = float(data["conf"][i])
        lines.setdefault(key, []).append((data["top"][i], box))
    found = [lines[key] for key in sorted(lines)]
    if not assemble:
        words = [ws for ws in ([w for _, w in x] for x in found) if not _speck(ws, confs)]
        return [_line(ws, confs) for ws in words]
    return assemble_lines(found, grid, confs)


#: A row of the page Tesseract reads as one character it has no confidence in (0) is a speck — dust, a
#: ruling's stub, a stamp's edge — not text: on the corpus scans such rows stood for nothing on the page (a
#: lone 三 under a table, 旺 beside a party block). A table cell keeps its one character.
SPECK_CONF = 0.0


def _speck(words: list[Word], confs: dict[int, float] | None) -> bool:
    """True when the line ``words`` is a speck (:data:`SPECK_CONF`): one character, no confidence."""
    return len(words) == 1 and len(words[0][3]) == 1 and (confs or {}).get(id(words[0]), 100.0) <= SPECK_CONF


def word_confidence(words: list[Word], confs: dict[int, float] | None) -> float | None:
    """Tesseract's confidence in a run of ``words`` (``confs``: by the id of each word's box): the mean of
    the words' confidences weighted by their characters, so a long misread fill-in weighs as much as it
    is long; None when no word's confidence is known."""
    if not confs:
        return None
    known = [(len(w[3]), confs[id(w)]) for w in words if id(w) in confs]
    total = sum(n for n, _ in known)
    return sum(n * c for n, c in known) / total if total else None


def assemble_lines(
    lines: list[list[tuple[int, Word]]], grid: list[GridRow], confs: dict[int, float] | None = None
) -> list[str]:
    """The page's lines, top to bottom: each row of a ruled table (``grid``) one :class:`TableRow` (its
    cells left to right, a cell's wrapped lines joined), the rest :func:`rows_of` Tesseract's lines; each
    an :class:`OcrLine` with its words' confidence (:func:`word_confidence`) when ``confs`` gives them."""
    cells: dict[tuple[int, int], list[tuple[int, Word]]] = {}
    free: list[list[tuple[int, Word]]] = []
    for line in lines:
        rest = []
        for top, word in line:
            middle = top + word[2] / 2
            row = next((k for k, (a, b, _) in enumerate(grid) if a <= middle <= b), None)
            if row is None:
                rest.append((top, word))
            else:
                column = sum(x < word[0] + word[1] / 2 for x in grid[row][2])
                cells.setdefault((row, column), []).append((top, word))
        if rest:
            free.append(rest)
    placed: list[tuple[float, str]] = []
    for words in rows_of(free):
        if _speck(words, confs):  # a row of the page that is one speck (a table's cell keeps its character)
            continue
        text = _line(words, confs)
        placed.append((min(t for t, _ in _tops(words, lines)), text))
    for row in sorted({r for r, _ in cells}):
        keys = sorted(k for k in cells if k[0] == row)
        texts = [_cell_text(cells[key]) for key in keys]
        conf = word_confidence([w for key in keys for _, w in cells[key]], confs)
        text = " ".join(t for t in texts if t)
        ranges = word_ranges(text, [w for key in keys for w in _cell_words(cells[key])], confs)
        placed.append((grid[row][0], TableRow(text, conf, ranges)))
    placed.sort(key=lambda p: p[0])
    return [text for _, text in placed]


def _tops(words: list[Word], lines: list[list[tuple[int, Word]]]) -> list[tuple[int, Word]]:
    """``words`` with their tops (looked up in ``lines``)."""
    ids = {id(w) for w in words}
    return [(t, w) for line in lines for t, w in line if id(w) in ids] or [(0, words[0])]


def _cell_words(words: list[tuple[int, Word]]) -> list[Word]:
    """One table cell's words in the order :func:`_cell_text` joins them."""
    return [w for row in rows_of([[w] for w in words]) for w in sorted(row)]


def _cell_text(words: list[tuple[int, Word]]) -> str:
    """One table cell's words: its lines top to bottom, each left to right, joined without a break."""
    out = ""
    for row in rows_of([[w] for w in words]):
        text = join_words(row)
        sep = (
            " "
            if out[-1:].isascii() and out[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum()
            else ""
        )
        out += sep + text
    return out


class OcrLine(str):
    """An OCR'd line, ``conf``: Tesseract's confidence in its words (0–100, :func:`word_confidence`), None
    when not known (a line from elsewhere), and ``words``: the character ranges of the line each word of
    Tesseract's covers, with its confidence (:data:`WordRange`, :func:`word_ranges`)."""

    conf: float | None
    words: tuple[WordRange, ...]

    def __new__(cls, text: str = "", conf: float | None = None, words: tuple = ()) -> OcrLine:
        line = super().__new__(cls, text)
        line.conf = conf
        line.words = tuple((int(a), int(b), float(c)) for a, b, c in words)
        return line


#: A character range of a line's or block's text read as one of Tesseract's words, and its confidence in
#: that word: (start, end, confidence 0–100).
WordRange = tuple[int, int, float]


def line_confidence(line: str) -> float | None:
    """The confidence of an OCR'd ``line`` (:class:`OcrLine`), None for a plain string."""
    return getattr(line, "conf", None)


def line_words(line: str) -> tuple[WordRange, ...]:
    """The word ranges of an OCR'd ``line`` (:class:`OcrLine`), none for a plain string."""
    return getattr(line, "words", ())


def _line(words: list[Word], confs: dict[int, float] | None) -> OcrLine:
    """One OCR'd line of ``words``: its text, its confidence and its words' ranges."""
    text = join_words(words)
    return OcrLine(text, word_confidence(words, confs), word_ranges(text, sorted(words), confs))


def _char_map(source: str, target: str) -> list[int | None]:
    """For each character of ``source``, the index of the character of ``target`` it became (None when it
    was dropped): the clean-up of a line (spaces between Chinese characters dropped, a ruling's bar turned
    into a space, a misread bracket mended) and the joining of lines into paragraphs keep almost every
    character, in order."""
    from difflib import SequenceMatcher

    out: list[int | None] = [None] * len(source)
    for a, b, n in SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks():
        for k in range(n):
            out[a + k] = b + k
    return out


def carry_ranges(source: str, ranges: tuple[WordRange, ...], target: str) -> tuple[WordRange, ...]:
    """``ranges`` of ``source`` carried onto ``target``, the text ``source`` became: each range spans from
    the first to the last of its characters that ``target`` kept (a range none of whose characters was
    kept is dropped)."""
    if not ranges:
        return ()
    where = _char_map(source, target)
    out = []
    for start, end, conf in ranges:
        kept = [i for i in where[start:end] if i is not None]
        if kept:
            out.append((min(kept), max(kept) + 1, conf))
    return tuple(out)


def word_ranges(text: str, words: list[Word], confs: dict[int, float] | None) -> tuple[WordRange, ...]:
    """The ranges of ``text`` (the line joined from ``words``, in that order) each word covers, with
    Tesseract's confidence in it; none when no confidence is known."""
    if not confs:
        return ()
    source, ranges = "", []
    for w in words:
        if id(w) in confs:
            ranges.append((len(source), len(source) + len(w[3]), confs[id(w)]))
        source += w[3]
    return carry_ranges(source, tuple(ranges), text)


class TableRow(OcrLine):
    """An OCR'd line that is one whole row of a ruled table: a block of its own, never joined to others."""


#: Two of Tesseract's lines are one row of the page when they overlap vertically by this share of the
#: lower one's height and not horizontally: a table row's cells, a signature table's two columns, a
#: clause's tail Tesseract put in a block of its own.
ROW_OVERLAP = 0.5


def rows_of(lines: list[list[tuple[int, Word]]]) -> list[list[Word]]:
    """Tesseract's lines (each word with its top) regrouped into the page's rows, top to bottom: a line
    joins the row it overlaps vertically (:data:`ROW_OVERLAP`) without overlapping its words horizontally."""
    spans = []
    for words in lines:
        top = min(t for t, _ in words)
        bottom = max(t + w[2] for t, w in words)
        spans.append((top, bottom, [w for _, w in words]))
    spans.sort(key=lambda s: (s[0] + s[1]) / 2)
    rows: list[tuple[int, int, list[Word]]] = []
    for top, bottom, words in spans:
        for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):  # the last few rows: they are the nearest
            r_top, r_bottom, r_words = rows[k]
            overlap = min(bottom, r_bottom) - max(top, r_top)
            if overlap >= ROW_OVERLAP * min(bottom - top, r_bottom - r_top) and not _overlaps(words, r_words):
                rows[k] = (min(top, r_top), max(bottom, r_bottom), r_words + words)
                break
        else:
            rows.append((top, bottom, words))
    return [words for _, _, words in rows]


def _overlaps(a: list[Word], b: list[Word]) -> bool:
    """True when a word of ``a`` and one of ``b`` share over half the narrower one's width (adjacent
    characters' boxes often share a pixel or two)."""
    return any(min(x + wx, y + wy) - max(x, y) > min(wx, wy) / 2 for x, wx, _, _ in a for y, wy, _, _ in b)


#: A word's box on the page and its text: (left, width, height, text), in pixels.
Word = tuple[int, int, int, str]
#: A gap between words wider than this many line heights separates table columns: a space is kept there.
COLUMN_GAP = 1.0
_COLUMN = "\x00"


def join_words(words: list[Word]) -> str:
    """One line's words left to right: spaces Tesseract puts between Chinese characters dropped, a gap as
    wide as a column's (``COLUMN_GAP`` line heights) kept as one space."""
    ordered = sorted(words)
    heights = sorted(h for _, _, h, _ in ordered)
    height = heights[len(heights) // 2] if heights else 0
    out: list[str] = []
    right: int | None = None
    for left, width, _, text in ordered:
        if right is not None:
            out.append(_COLUMN if left - right > COLUMN_GAP * height else " ")
        out.append(text)
        right = left + width
    return _unrule(_CJK_GAP.sub("", "".join(out)).replace(_COLUMN, " "))


def _unrule(line: str) -> str:
    """Tidy one OCR'd line: a table's vertical rulings (``|``, an unpaired ``「``/``」``) become one space,
    an opening ``〈``/``《`` closed by ``)`` is a parenthesis misread, no space before a closing mark."""
    line = _BAR.sub(" ", line)
    if line.count("「") != line.count("」"):
        line = re.sub(r"\s*[「」]\s*", " ", line)
    line = _MISREAD_PAREN.sub(r"（\1）", line)
    line = _stray_marks(line)
    line = _SPACE_BEFORE_MARK.sub("", line)
    return re.sub(r" {2,}", " ", line).strip()


#: Marks Tesseract reads in the gap an ideographic space leaves before a word (第一条　设备 → 第一条 ”设备),
#: each with its partner: one stands for nothing when the line has more of it than of its partner.
_STRAY = {"”": "“", "“": "”", "]": "[", "」": "「", "』": "『"}
_STRAY_BEFORE_WORD = re.compile(rf"\s*([”“\]」』])(?=[{_CJK}])")


def _stray_marks(line: str) -> str:
    """``line`` without the unpaired marks (``”``, ``“``, ``]``, ``」``) Tesseract puts before a Chinese word
    where the page had an ideographic space: one space instead."""

    def drop(m: re.Match[str]) -> str:
        mark = m.group(1)
        return " " if line.count(mark) > line.count(_STRAY[mark]) else m.group(0)

    return _STRAY_BEFORE_WORD.sub(drop, line)


_MISREAD_PAREN = re.compile(r"[〈《(（]\s*([^()（）〈〉《》]{1,12}?)\s*[)）〉]")
_SPACE_BEFORE_MARK = re.compile(r"(?<=\S)\s+(?=[:：;；,，。、)）])|(?<=[(（])\s+")


#: 大写 numerals (Simplified and Traditional) and what may follow one.
_UPPER = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億"
#: Characters Tesseract reads for a 大写 numeral: 仟 as 什/任/仔, 佰 as 伯/栢, 叁 as 参, 肆 as 肄.
_UPPER_MISREAD = {"什": "仟", "任": "仟", "仔": "仟", "伯": "佰", "栢": "佰", "参": "叁", "肄": "肆"}
_UPPER_SLIP = re.compile(rf"(?<=[{_UPPER}])([{''.join(_UPPER_MISREAD)}])(?=[{_UPPER}元圆圓整])")
#: ¥ read as % before a figure (``（%9,000.00）``): a percent sign never precedes a number.
_YUAN_AS_PERCENT = re.compile(r"(?<![\d%])%(?=\d)")
#: A thousands comma read as a dot: ``1.950.00`` (two dots, three digits between) is ``1,950.00``.
_DOTTED_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:\.\d{3})+\.\d{2}(?![\d.])")


def mend_figures(text: str) -> str:
    """Same-length repairs of OCR misreadings in money: a 大写 numeral read as a look-alike (玖什伍佰 →
    玖仟伍佰), ¥ read as % before a figure, thousands commas read as dots (1.950.00 → 1,950.00)."""
    if "%" in text:
        text = _YUAN_AS_PERCENT.sub("¥", text)
    text = _UPPER_SLIP.sub(lambda m: _UPPER_MISREAD[m.group(1)], text)
    return _DOTTED_THOUSANDS.sub(lambda m: _comma_thousands(m.group(0)), text)


def _comma_thousands(figure: str) -> str:
    head, _, cents = figure.rpartition(".")
    return head.replace(".", ",") + "." + cents


def page_blocks(lines: list[str], page: int, start_index: int) -> list[Block]:
    """The paragraphs of one OCR'd page as blocks (``page``, first ``line``), each with the confidence of
    its lines (:func:`paragraph_confidence`) and its figures mended (:func:`mend_figures`)."""
    from contractkit.readers.pdf import paragraphs

    blocks = []
    paras = [(number, mend_figures(para)) for number, para in _paragraphs(lines, paragraphs)]
    starts = [number for number, _ in paras] + [len(lines) + 1]
    for k, (number, para) in enumerate(paras):
        kind = "heading" if looks_like_heading(para) else "line"
        loc = Location(start_index + len(blocks), page=page, line=number)
        own = lines[number - 1 : starts[k + 1] - 1]
        conf = paragraph_confidence(own)
        words = paragraph_words(own, para)
        blocks.append(
            Block(text=para, norm=normalize(para), location=loc, kind=kind, confidence=conf, words=words)
        )
    return blocks


def paragraph_words(lines: list[str], para: str) -> tuple[WordRange, ...]:
    """The word ranges of the OCR'd ``lines`` carried onto ``para``, the paragraph joined from them."""
    source, ranges = "", []
    for line in lines:
        ranges.extend((a + len(source), b + len(source), c) for a, b, c in line_words(line))
        source += str(line)
    return carry_ranges(source, tuple(ranges), para)


def paragraph_confidence(lines: list[str]) -> float | None:
    """The confidence of the OCR'd ``lines`` a paragraph is made of: their confidences weighted by their
    length (None when no line's is known)."""
    known = [(len(x.strip()), c) for x in lines if (c := line_confidence(x)) is not None and x.strip()]
    total = sum(n for n, _ in known)
    return sum(n * c for n, c in known) / total if total else None


def page_confidence(lines: list[str]) -> float | None:
    """An honest figure for one OCR'd page: the confidence of all its lines, weighted by their length."""
    return paragraph_confidence(lines)


def _paragraphs(lines: list[str], join: Any) -> list[tuple[int, str]]:
    """``join`` (the PDF reader's paragraphs) over the runs of lines between table rows; a row alone."""
    out: list[tuple[int, str]] = []
    start = 0
    for k, line in enumerate([*lines, TableRow("")]):
        if isinstance(line, TableRow):
            out.extend((start + n, text) for n, text in join(lines[start:k]))
            if line.strip():
                out.append((k + 1, str(line)))
            start = k + 1
    return out


def render_pdf_page(page: Any, dpi: int = DPI) -> Any:
    """A pypdfium2 page rendered to a greyscale PIL image at ``dpi``."""
    w, h = page.get_size()
    scale = dpi / 72
    if w * h * scale * scale > MAX_PIXELS:
        scale = (MAX_PIXELS / (w * h)) ** 0.5
    return page.render(scale=scale, grayscale=True).to_pil()


def _images(path: str, max_pages: int) -> Iterator[Any]:
    from PIL import Image, ImageSequence

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as im:
            for n, frame in enumerate(ImageSequence.Iterator(im)):
                if n >= max_pages:
                    raise UnreadableInput(
                        f"image has more than {max_pages} pages", path=path, zh=f"图片超过 {max_pages} 页"
                    )
                if frame.width * frame.height > MAX_PIXELS:
                    raise UnreadableInput(
                        f"image is {frame.width}×{frame.height} pixels, over the limit",
                        path=path,
                        hint="scan at 300 dpi",
                        zh=f"图片为 {frame.width}×{frame.height} 像素，超过上限",
                        hint_zh="请以 300 dpi 扫描",
                    )
                yield frame.convert("L")
    except Image.DecompressionBombError:
        raise UnreadableInput(
            "image is too large to read (a decompression bomb?)",
            path=path,
            zh="图片过大，无法读取（解压炸弹？）",
        ) from None
    except (OSError, SyntaxError) as exc:  # PIL: truncated or not an image
        raise UnreadableInput(
            f"not a readable image ({exc})", path=path, zh=f"不是可读取的图片（{exc}）"
        ) from None


def read_image(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = 200, langs: str = LANGS
) -> Document:
    """OCR an image (.png/.jpg/.tif…; a multi-page TIFF page by page) into a Document."""
    name = str(path)
    check_size(path, max_bytes)
    require(name, langs)
    blocks: list[Block] = []
    confidence: dict[int, float | None] = {}
    pages = 0
    for pages, image in enumerate(_images(name, max_pages), start=1):
        try:
            lines = image_lines(image, langs=langs)
        except (TimeoutError, OcrFailed) as exc:
            raise page_unreadable(name, pages, exc) from None
        langs = langs_after(lines, langs)
        blocks.extend(page_blocks(lines, pages, len(blocks)))
        confidence[pages] = page_confidence(lines)
    if not any(b.text.strip() for b in blocks):
        raise UnreadableInput(
            "OCR found no text in the image",
            path=name,
            hint="scan at 300 dpi, straight and in focus",
            zh="OCR 未在图片中识别到文字",
            hint_zh="请以 300 dpi 扫描，保持端正、清晰",
        )
    meta = {"pages": pages, "ocr": list(range(1, pages + 1)), "ocr_confidence": confidence}
    return Document(path=name, kind="pdf", blocks=blocks, meta=meta)
