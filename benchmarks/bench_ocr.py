"""OCR: pages/s and character error rate (CER) of our contract (samples/drafts/defective-sales-contract.docx →
PDF by LibreOffice → pdftoppm) read back by Tesseract, against the PDF's text layer (the known text).

CER = Levenshtein distance ÷ length of the known text, both without whitespace and normalized (Traditional
folded to Simplified, full-width to half-width: what the rules match on). Lines: the product's pipeline at
300 and 150 dpi against the old default (``--psm 3``, not softened) as baseline; OCR pages/s against the
text-layer read; rule ids found on the scan against those found on the text layer."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks import line

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "drafts" / "defective-sales-contract.docx"


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


def cer(got: str, truth: str) -> float:
    """Character error rate of ``got`` against ``truth`` (whitespace dropped, both normalized)."""
    from contractkit.readers.normalize import normalize

    g, t = ("".join(normalize(x).split()) for x in (got, truth))
    return levenshtein(g, t) / max(1, len(t))


def _pdf(folder: Path) -> Path:
    """The sample as a PDF with a text layer, made by the product's own converter."""
    from contractkit.api import convert

    convert([SAMPLE], folder)
    return folder / (SAMPLE.stem + ".pdf")


def _pages(pdf: Path, dpi: int, folder: Path) -> list:
    from PIL import Image

    prefix = folder / f"p{dpi}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)], check=True, timeout=120
    )
    return [Image.open(p).convert("L") for p in sorted(folder.glob(f"p{dpi}-*.png"))]


def _truth(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def _read(images: list, **options: object) -> tuple[list[str], float]:
    from contractkit.readers import ocr

    t0 = time.perf_counter()
    texts = ["\n".join(ocr.image_lines(im, **options)) for im in images]  # type: ignore[arg-type]
    return texts, time.perf_counter() - t0


def _cer(texts: list[str], truth: list[str]) -> float:
    return cer("".join(texts), "".join(truth))


def run() -> list[str]:
    """The bench lines (none when Tesseract, LibreOffice or pdftoppm is missing)."""
    from contractkit.readers import ocr

    if not (ocr.available() and shutil.which("soffice") and shutil.which("pdftoppm")):
        return ["# bench_ocr skipped: needs Tesseract with chi_sim/chi_tra, LibreOffice and pdftoppm"]
    from contractkit.lint import lint_document
    from contractkit.readers.pdf import read_pdf

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf = _pdf(folder)
        truth = _truth(pdf)
        t0 = time.perf_counter()
        text_doc = read_pdf(pdf)
        text_rate = len(truth) / (time.perf_counter() - t0)
        pages = _pages(pdf, 300, folder)
        texts, secs = _read(pages)
        lines.append(
            line("ocr pages/s 300 dpi", len(pages) / secs, "pages/s", text_rate, "pages/s (text layer)")
        )
        old, _ = _read([p for p in pages], psm=3, smooth=False)
        lines.append(
            line("ocr CER 300 dpi", 100 * _cer(texts, truth), "%", 100 * _cer(old, truth), "% (psm 3)")
        )
        low, _ = _read(_pages(pdf, 150, folder))
        lines.append(
            line("ocr CER 150 dpi", 100 * _cer(low, truth), "%", 100 * _cer(texts, truth), "% (300 dpi)")
        )
        scan = folder / "scan.pdf"
        pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=300)
        on_text = {f.rule for f in lint_document(text_doc) if not f.rule.startswith("meta/")}
        on_scan = {f.rule for f in lint_document(read_pdf(scan)) if not f.rule.startswith("meta/")}
        lines.append(line("ocr rule ids found on the scan", len(on_text & on_scan), "rules", len(on_text)))
        lines.append(line("ocr rule ids only on the scan", len(on_scan - on_text), "rules"))
    return lines


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    for text in run():
        print(text)
