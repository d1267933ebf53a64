"""OCR: character error rate (CER), line fidelity and Tesseract CPU per page on scans we make ourselves.

Contracts written here in several layouts (clauses, a ruled item table, a party block, a signature table; one
in Traditional Chinese) are rendered to .docx (python-docx), to PDF (LibreOffice, the product's converter) and
rasterized as the labelled sets' scans are: 200 dpi grey, turned 0.3°, slightly blurred, a little speckle,
saved as an image-only PDF. The product reads each scan back (:func:`contractkit.readers.pdf.read_pdf` path:
page rendered at 300 dpi, :func:`contractkit.readers.ocr.image_lines`) and is compared with the PDF's text
layer, the known text:

* CER = Levenshtein distance ÷ length of the known text, both without whitespace and normalized (Traditional
  folded to Simplified, full-width to half-width: what the rules match on);
* line fidelity = share of the known page's lines (characters grouped by baseline, so a table row is one
  line) that come back as one OCR line (similarity ≥ :data:`LINE_MATCH`) and in order (longest increasing
  run);
* CPU per page = Tesseract's CPU (its child processes) plus ours, median over pages and repeats.

The baseline, measured in the same run, is the pipeline before round 5 (``chi_sim+chi_tra`` on every page,
rulings left on the page). ``CONTRACTKIT_BENCH_OCR_REPEAT`` repeats each read (default 1)."""

from __future__ import annotations

import difflib
import os
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import line

ROOT = Path(__file__).resolve().parent.parent
#: Similarity (difflib ratio, normalized text without spaces) at which an OCR line is the known line.
LINE_MATCH = 0.8
#: The pipeline before round 5: both languages, Tesseract's line grouping, rulings left on the page.
BASELINE: dict[str, Any] = {"langs": "chi_sim+chi_tra", "unrule": False, "assemble": False}

# ----------------------------------------------------------------------------------------------- our texts
# Each contract: a list of ("T" title | "P" paragraph | "R" right-aligned | "TABLE" rows | "PB" page break).

_ITEMS = [
    ["序号", "货物名称", "规格型号", "数量", "单价（元）", "金额（元）"],
    ["1", "冷轧镀锌钢板", "DX51D 1.2×1250", "18吨", "5,460.00", "98,280.00"],
    ["2", "不锈钢焊管", "304 Φ48×2.0", "6吨", "15,800.00", "94,800.00"],
    ["3", "热镀锌角钢", "Q235B 50×5", "12吨", "4,930.00", "59,160.00"],
    ["合计", "", "", "", "", "252,240.00"],
]
_SIGN = [
    ["甲方（盖章）：杭州钱江建材贸易有限公司", "乙方（盖章）：宁波北仑金属制品有限公司"],
    ["授权代表：郑晓峰", "授权代表：俞建国"],
    ["日期：2027年4月8日", "日期：2027年4月8日"],
]
STEEL: list[tuple[str, Any]] = [
    ("T", "钢材采购合同"),
    ("R", "合同编号：QJ-GC-2704-015"),
    ("P", "甲方（买方）：杭州钱江建材贸易有限公司"),
    ("P", "统一社会信用代码：91330104MA2H7KQ35D　联系电话：0571-86021347"),
    ("P", "乙方（卖方）：宁波北仑金属制品有限公司"),
    ("P", "统一社会信用代码：913302067K4N9D2W1C　联系电话：0574-86109952"),
    ("P", "第一条　货物名称、数量及价款"),
    ("TABLE", _ITEMS),
    ("P", "合同总价为人民币贰拾伍万贰仟贰佰肆拾元整（¥252,240.00），含13%增值税及送货费用。"),
    ("P", "第二条　交货：乙方应于2027年5月15日前将货物送至甲方萧山仓库，卸货由乙方负责。"),
    ("P", "第三条　付款：合同签订后7日内甲方支付总价的20%作为预付款；货到验收合格后15日内支付至95%；"),
    ("P", "余款5%作为质量保证金，于质保期满后10个工作日内无息付清。"),
    ("P", "第四条　验收：甲方应在货到后5个工作日内按国家标准验收，发现质量问题应书面通知乙方。"),
    ("PB", None),
    ("P", "第五条　违约责任：乙方逾期交货的，每逾期一日按未交货部分货款的0.05%支付违约金，"),
    ("P", "累计不超过合同总价的5%；甲方逾期付款的，按同期贷款市场报价利率支付逾期利息。"),
    ("P", "第六条　争议解决：因本合同发生的争议，双方协商不成的，提交杭州仲裁委员会仲裁。"),
    ("P", "第七条　本合同一式两份，双方各执一份，自双方签字盖章之日起生效。"),
    ("TABLE", _SIGN),
]
_PARTS = [
    ["项目", "内容"],
    ["设备名称", "全自动包装流水线（含封箱机、捆扎机）"],
    ["数量", "1套"],
    ["总价", "人民币386,500.00元（大写：叁拾捌万陆仟伍佰元整）"],
    ["交付地点", "买方位于苏州工业园区星湖街218号的厂房"],
]
LINE: list[tuple[str, Any]] = [
    ("T", "设备买卖合同"),
    ("P", "买受人：苏州星湖食品有限公司"),
    ("P", "住所：苏州工业园区星湖街218号"),
    ("P", "出卖人：无锡锡山包装机械有限公司"),
    ("P", "住所：无锡市锡山区东亭镇春晖路66号"),
    ("P", "1. 标的"),
    ("TABLE", _PARTS),
    ("P", "2. 交付与安装"),
    ("P", "2.1 出卖人应于2027年6月30日前完成设备交付，并在交付后20日内完成安装调试。"),
    ("P", "2.2 安装调试所需的水、电由买受人免费提供，其余费用均由出卖人承担。"),
    ("P", "3. 付款方式"),
    ("P", "3.1 本合同签订后10日内，买受人支付合同总价的30%；"),
    ("P", "3.2 设备安装调试完毕并经买受人验收合格后30日内，支付合同总价的65%；"),
    ("P", "3.3 剩余5%在验收合格满一年且无质量争议后付清。"),
    ("P", "4. 质量保证：质保期为验收合格之日起十二个月，质保期内非人为损坏由出卖人免费维修。"),
    ("P", "5. 本合同未尽事宜，由双方另行签订书面补充协议，补充协议与本合同具有同等效力。"),
    ("TABLE", [["买受人（签章）：", "出卖人（签章）："], ["2027年5月20日", "2027年5月20日"]]),
]
TAIWAN: list[tuple[str, Any]] = [
    ("T", "機器設備買賣契約書"),
    ("P", "立契約書人：台中精密機械股份有限公司（以下簡稱甲方）"),
    ("P", "新竹豐興科技有限公司（以下簡稱乙方）"),
    ("P", "第一條　買賣標的：乙方向甲方購買數控車床三台，規格詳如附件報價單。"),
    ("P", "第二條　價金：總價新臺幣貳佰肆拾萬元整（含營業稅），分三期給付。"),
    ("P", "第三條　交貨：甲方應於民國一一六年七月三十一日前交貨至乙方新竹廠區，並負責安裝試車。"),
    ("P", "第四條　保固：自驗收合格之日起保固一年，保固期間內非人為因素之故障由甲方免費修復。"),
    ("P", "第五條　違約：甲方逾期交貨者，每逾一日按總價千分之一計算違約金，以總價百分之十為上限。"),
    ("P", "第六條　管轄：因本契約涉訟時，雙方同意以臺灣臺中地方法院為第一審管轄法院。"),
    (
        "TABLE",
        [
            ["甲方：台中精密機械股份有限公司", "乙方：新竹豐興科技有限公司"],
            ["代表人：林志明", "代表人：陳美玲"],
        ],
    ),
]
CONTRACTS = {"steel": STEEL, "line": LINE, "taiwan": TAIWAN}


def write_docx(blocks: list[tuple[str, Any]], path: Path) -> None:
    """A .docx of ``blocks`` in 宋体 10.5 pt (title 黑体 18 pt), tables ruled (Table Grid)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "宋体", Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    for kind, value in blocks:
        if kind == "TABLE":
            table = doc.add_table(rows=len(value), cols=len(value[0]))
            table.style = doc.styles["Table Grid"]
            for i, row in enumerate(value):
                for j, cell in enumerate(row):
                    table.cell(i, j).paragraphs[0].text = cell
        elif kind == "PB":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            par = doc.add_paragraph()
            run = par.add_run(value)
            if kind == "T":
                run.bold, run.font.size = True, Pt(18)
                run.font.name = "黑体"
                run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif kind == "R":
                par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(path))


def scan(pdf: Path, out: Path, *, dpi: int = 200, angle: float = 0.3, seed: int = 7) -> None:
    """``pdf`` as an image-only PDF, as the labelled sets' scans are made: grey at ``dpi``, turned ``angle``°,
    blurred (radius 0.4), a little speckle (deterministic)."""
    from PIL import Image, ImageFilter

    stem = out.parent / f"{out.stem}-pg"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(stem)], check=True, timeout=120
    )
    rng = random.Random(seed)
    pages = []
    for png in sorted(out.parent.glob(f"{out.stem}-pg*.png")):
        im = Image.open(png).convert("L").rotate(angle, expand=False, fillcolor=255, resample=Image.BICUBIC)
        im = im.filter(ImageFilter.GaussianBlur(0.4))
        px = im.load()
        for _ in range(im.width * im.height // 4000):  # speckle: dark dots and light holes
            x, y = rng.randrange(im.width), rng.randrange(im.height)
            px[x, y] = rng.choice((40, 90, 230))
        pages.append(im)
        png.unlink()
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])


def known_lines(pdf: Path) -> list[list[str]]:
    """Each page's lines from the text layer: characters grouped by their baseline, left to right."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    pages = []
    try:
        for i in range(len(doc)):
            textpage = doc[i].get_textpage()
            chars = []
            for k in range(textpage.count_chars()):
                ch = textpage.get_text_range(k, 1)
                if ch.strip():
                    left, bottom, _, top = textpage.get_charbox(k, loose=True)
                    chars.append(((bottom + top) / 2, top - bottom, left, ch))
            chars.sort()
            rows: list[list[tuple[float, float, float, str]]] = []
            for c in chars:
                if rows and abs(c[0] - rows[-1][-1][0]) < 0.4 * max(c[1], rows[-1][-1][1]):
                    rows[-1].append(c)
                else:
                    rows.append([c])
            rows.sort(key=lambda r: -r[0][0])  # top of the page first
            pages.append(_whole_rows(["".join(ch for *_, ch in sorted(r, key=lambda c: c[2])) for r in rows]))
    finally:
        doc.close()
    return pages


def _table_rows() -> dict[str, str]:
    """Every table row of our contracts (its cells joined) by its sorted characters without spaces."""
    out = {}
    for blocks in CONTRACTS.values():
        for kind, value in blocks:
            if kind == "TABLE":
                for row in value:
                    text = "".join(row)
                    out["".join(sorted(text.replace(" ", "")))] = text
    return out


def _whole_rows(lines: list[str]) -> list[str]:
    """``lines`` with a table row whose cells wrap (two or more lines on the page) as one line: a row is
    one line of the truth."""
    rows = _table_rows()
    out, k = [], 0
    while k < len(lines):
        for n in (4, 3, 2):
            key = "".join(sorted("".join(lines[k : k + n]).replace(" ", "")))
            if k + n <= len(lines) and key in rows:
                out.append(rows[key])
                k += n
                break
        else:
            out.append(lines[k])
            k += 1
    return out


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insert, delete, substitute: 1 each) between ``a`` and ``b``."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _plain(text: str) -> str:
    from contractkit.readers.normalize import normalize

    return "".join(normalize(text).split())


def cer(got: str, truth: str) -> float:
    """Character error rate of ``got`` against ``truth`` (whitespace dropped, both normalized)."""
    g, t = _plain(got), _plain(truth)
    return levenshtein(g, t) / max(1, len(t))


def line_fidelity(got: list[str], truth: list[str]) -> tuple[int, int]:
    """(known lines that came back as one OCR line, in order; known lines of two characters or more)."""
    g = [_plain(x) for x in got]
    matched = []
    for t in (_plain(x) for x in truth):
        if len(t) < 2:
            continue
        best, where = 0.0, -1
        for k, o in enumerate(g):
            sm = difflib.SequenceMatcher(None, t, o, autojunk=False)
            if sm.real_quick_ratio() >= LINE_MATCH and sm.quick_ratio() >= LINE_MATCH and sm.ratio() > best:
                best, where = sm.ratio(), k
        matched.append(where if best >= LINE_MATCH else -1)
    return _longest_increasing([m for m in matched if m >= 0]), len(matched)


def _longest_increasing(seq: list[int]) -> int:
    import bisect

    tails: list[int] = []
    for x in seq:
        k = bisect.bisect_left(tails, x)
        tails[k : k + 1] = [x]
    return len(tails)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract) so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def read_scan(pdf: Path, **options: Any) -> tuple[list[list[str]], list[float]]:
    """Each page's OCR lines as the PDF reader gets them, and each page's CPU seconds."""
    import pypdfium2 as pdfium

    from contractkit.readers import ocr

    doc = pdfium.PdfDocument(str(pdf))
    lines, cpu = [], []
    langs = options.pop("langs", None)
    chained = langs is None  # as the PDF reader does: both scripts until a page shows which
    langs = langs or ocr.LANGS
    try:
        for i in range(len(doc)):
            page = doc[i]
            t0 = _cpu()
            lines.append(ocr.image_lines(ocr.render_pdf_page(page), langs=langs, cache=False, **options))
            langs = ocr.langs_after(lines[-1], langs) if chained else langs
            cpu.append(_cpu() - t0)
    finally:
        doc.close()
    return lines, cpu


def make_scans(folder: Path) -> list[tuple[Path, list[list[str]]]]:
    """Our contracts as scans, each with its known lines per page."""
    from contractkit.api import convert

    docs = []
    for name, blocks in CONTRACTS.items():
        write_docx(blocks, folder / f"{name}.docx")
        docs.append(folder / f"{name}.docx")
    out = []
    for pdf in convert(docs, folder):
        scanned = folder / f"{pdf.stem}-scan.pdf"
        scan(pdf, scanned)
        out.append((scanned, known_lines(pdf)))
    return out


def measure(scans: list[tuple[Path, list[list[str]]]], repeat: int, **options: Any) -> dict[str, float]:
    """CER (%), line fidelity (%) and median CPU s/page of one pipeline over ``scans``."""
    errors = chars = kept = total = 0
    cpu: list[float] = []
    for pdf, truth in scans:
        for _ in range(repeat):
            got, secs = read_scan(pdf, **options)
            cpu += secs
        for page_got, page_truth in zip(got, truth, strict=True):
            g, t = _plain("".join(page_got)), _plain("".join(page_truth))
            errors += levenshtein(g, t)
            chars += len(t)
            k, n = line_fidelity(page_got, page_truth)
            kept, total = kept + k, total + n
    return {
        "cer": 100 * errors / max(1, chars),
        "lines": 100 * kept / max(1, total),
        "cpu": statistics.median(cpu),
    }


def run(report: Callable[[str], None] | None = None) -> list[str]:
    """The bench lines (none when Tesseract, LibreOffice or pdftoppm is missing)."""
    from contractkit.readers import ocr

    if not (ocr.available() and shutil.which("soffice") and shutil.which("pdftoppm")):
        return ["# bench_ocr skipped: needs Tesseract with chi_sim/chi_tra, LibreOffice and pdftoppm"]
    repeat = int(os.environ.get("CONTRACTKIT_BENCH_OCR_REPEAT", "1"))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        scans = make_scans(Path(tmp))
        pages = sum(len(t) for _, t in scans)
        new = measure(scans, repeat)
        old = measure(scans, repeat, **BASELINE)
    lines = [
        line(f"ocr CER, {pages} scanned pages", new["cer"], "%", old["cer"], "% (round 4 pipeline)"),
        line(
            "ocr line fidelity (whole and in order)", new["lines"], "%", old["lines"], "% (round 4 pipeline)"
        ),
        line("ocr CPU per page", new["cpu"], "s", old["cpu"], "s (round 4 pipeline)"),
        f"# bench_ocr took {time.perf_counter() - t0:.0f} s wall",
    ]
    for text in lines:
        if report:
            report(text)
    return lines


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    for text in run():
        print(text)
