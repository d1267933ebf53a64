"""Reading (and, when present, linting) speed: pages/s for a 20+ page .docx and .pdf built in ``.bench/``.

Baselines measured in the same run: bare pdfplumber text extraction for the PDF, bare python-docx paragraph
iteration for the .docx. ``lint_figures`` adds full linting when ``contractkit.lint`` exists.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import line, median_time

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
PAGES = 24

CLAUSES = [
    "第{n}条 验收",
    "买方应于货物送达之日起五个工作日内组织验收，验收合格后十五日内支付合同总价的30%，即人民币30,000.00元。",
    "卖方逾期交货的，每逾期一日按合同总价的万分之五向买方支付违约金，违约金总额不超过合同总价的10%。",
    "验收标准：按照附件一技术规格书及国家标准GB/T 9813.1-2016执行；质保期为验收合格之日起12个月。",
    "甲方：________________  乙方：________________  日期：    年   月   日",
]


CORPUS = ROOT.parent / "shared" / "corpus" / "real" / "zh"


def _to_pdf(docx_path: Path) -> Path:
    """Convert once with LibreOffice (own throwaway profile); the PDF sits beside the .docx."""
    pdf_path = docx_path.with_suffix(".pdf")
    if not pdf_path.exists():
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(docx_path.parent),
                    str(docx_path),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
    return pdf_path


def _pages(pdf_path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def make_inputs() -> tuple[Path, Path, int]:
    """The dense synthetic draft ``.bench/contract.docx`` and its PDF: every paragraph a clause with money,
    rates and deadlines (a stress case: far more for the rules per page than a real contract)."""
    import docx

    BENCH.mkdir(exist_ok=True)
    docx_path = BENCH / "contract.docx"
    if not docx_path.exists():
        d = docx.Document()
        for page in range(PAGES):
            for n in range(6):
                for text in CLAUSES:
                    d.add_paragraph(text.format(n=page * 6 + n + 1))
            table = d.add_table(rows=3, cols=4)
            for r in range(3):
                for c in range(4):
                    table.cell(r, c).text = f"服务器 {r}-{c} 10台"
            d.add_page_break()
        d.save(docx_path)
    pdf_path = _to_pdf(docx_path)
    return docx_path, pdf_path, _pages(pdf_path)


def make_real_inputs() -> tuple[Path, Path, int] | None:
    """``.bench/real.docx`` and its PDF: the text of every real Chinese contract in the shared corpus, one
    after another (each line a paragraph, a page break between contracts); None without the corpus."""
    import docx

    texts = sorted(CORPUS.glob("*.txt"))
    if not texts:
        return None
    BENCH.mkdir(exist_ok=True)
    docx_path = BENCH / "real.docx"
    if not docx_path.exists():
        d = docx.Document()
        for i, path in enumerate(texts):
            if i:
                d.add_page_break()
            for text in path.read_text(encoding="utf-8").splitlines():
                d.add_paragraph(text)
        d.save(docx_path)
    pdf_path = _to_pdf(docx_path)
    return docx_path, pdf_path, _pages(pdf_path)


def _pdfplumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def _python_docx_paragraphs(path: Path) -> None:
    import docx

    d = docx.Document(str(path))
    for p in d.paragraphs:
        _ = p.text
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                _ = cell.text


def run() -> list[str]:
    """Pages/s for read_pdf vs pdfplumber and read_docx vs python-docx, then linting vs bare reading.

    The headline document is real contract text (the shared corpus, 20+ pages); the dense synthetic draft
    is measured too, as the worst case for the rules.
    """
    if shutil.which("soffice") is None:
        return ["bench_lint: skipped (LibreOffice soffice not installed)"]
    out: list[str] = []
    real = make_real_inputs()
    if real is None:
        out.append(f"bench_lint: real-text document skipped (no corpus at {CORPUS})")
    for label, inputs in (("real", real), ("dense", make_inputs())):
        if inputs is not None:
            out += _figures(label, *inputs)
    return out


def _figures(label: str, docx_path: Path, pdf_path: Path, pages: int) -> list[str]:
    from contractkit.readers.docx import read_docx
    from contractkit.readers.pdf import read_pdf

    read_pdf(pdf_path)  # warm imports and OpenCC
    t_pdf = median_time(lambda: read_pdf(pdf_path), repeat=9)
    t_plumber = median_time(lambda: _pdfplumber_text(pdf_path), repeat=3)
    t_docx = median_time(lambda: read_docx(docx_path), repeat=9)
    t_pydocx = median_time(lambda: _python_docx_paragraphs(docx_path))
    out = [
        line(
            f"read_pdf {label} ({pages} pages)",
            pages / t_pdf,
            "pages/s",
            pages / t_plumber,
            "pages/s (pdfplumber)",
        ),
        line(
            f"read_docx {label} ({pages} pages)",
            pages / t_docx,
            "pages/s",
            pages / t_pydocx,
            "pages/s (python-docx)",
        ),
    ]
    read_times = {"docx": t_docx, "pdf": t_pdf}
    return out + lint_figures(docx_path, pdf_path, pages=pages, read_times=read_times, label=label)


# --- full linting ----------------------------------------------------------------------------------
def lint_figures(
    docx_path: Path,
    pdf_path: Path,
    *,
    pages: int = PAGES,
    read_times: dict[str, float] | None = None,
    label: str = "dense",
) -> list[str]:
    """Time full linting (read + rules) of both inputs and "rules add X %" over bare reading."""
    from contractkit.lint import clear_caches, lint_document
    from contractkit.readers.dispatch import read_document

    def lint_one(path: Path) -> object:
        clear_caches()  # time a cold run: nothing cached from the previous repetition
        return lint_document(read_document(path))

    out = []
    for kind, path in (("docx", docx_path), ("pdf", pdf_path)):
        read_t = (read_times or {}).get(kind) or median_time(lambda p=path: read_document(p))
        try:
            lint_one(path)
            t = median_time(lambda p=path: lint_one(p), repeat=9)
        except Exception as exc:
            out.append(f"lint {kind} {label}: failed ({type(exc).__name__}: {exc})")
            continue
        out.append(
            line(
                f"lint {kind} {label} ({pages} pages)", pages / t, "pages/s", pages / read_t, "pages/s (read)"
            )
        )
        out.append(f"lint {kind} {label}: rules add {100 * (t - read_t) / read_t:.0f} %")
        cpu = _cpu_time(lambda p=path: lint_one(p))
        out.append(line(f"lint {kind} {label} ({pages} pages) per core", pages / cpu, "pages/CPU-s"))
    return out


def _cpu_time(fn: Callable[[], object], repeat: int = 9) -> float:
    """Median thread CPU time of ``fn()``, in seconds: what one core spends, however busy the machine is."""
    times = []
    for _ in range(repeat):
        t0 = time.thread_time()
        fn()
        times.append(time.thread_time() - t0)
    return statistics.median(times)
