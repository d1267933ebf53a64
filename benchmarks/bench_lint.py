"""Reading (and, when present, linting) speed: pages/s for a 20+ page .docx and .pdf built in ``.bench/``.

Baselines measured in the same run: bare pdfplumber text extraction for the PDF, bare python-docx paragraph
iteration for the .docx. ``lint_figures`` adds full linting when ``contractkit.lint`` exists.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
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


def make_inputs() -> tuple[Path, Path, int]:
    """Write ``.bench/contract.docx`` and its PDF (via LibreOffice); return both paths and the page count."""
    import docx

    BENCH.mkdir(exist_ok=True)
    docx_path, pdf_path = BENCH / "contract.docx", BENCH / "contract.pdf"
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
                    str(BENCH),
                    str(docx_path),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    pages = len(pdf)
    pdf.close()
    return docx_path, pdf_path, pages


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
    """Pages/s for read_pdf vs pdfplumber and read_docx vs python-docx, plus lint figures when available."""
    if shutil.which("soffice") is None:
        return ["bench_lint: skipped (LibreOffice soffice not installed)"]
    from contractkit.readers.docx import read_docx
    from contractkit.readers.pdf import read_pdf

    docx_path, pdf_path, pages = make_inputs()
    read_pdf(pdf_path)  # warm imports and OpenCC
    t_pdf = median_time(lambda: read_pdf(pdf_path))
    t_plumber = median_time(lambda: _pdfplumber_text(pdf_path), repeat=3)
    t_docx = median_time(lambda: read_docx(docx_path))
    t_pydocx = median_time(lambda: _python_docx_paragraphs(docx_path))
    out = [
        line(
            f"read_pdf ({pages} pages)", pages / t_pdf, "pages/s", pages / t_plumber, "pages/s (pdfplumber)"
        ),
        line(
            f"read_docx ({pages} pages)", pages / t_docx, "pages/s", pages / t_pydocx, "pages/s (python-docx)"
        ),
    ]
    return out + lint_figures(docx_path, pdf_path, pages=pages, read_times={"docx": t_docx, "pdf": t_pdf})


# --- full linting ----------------------------------------------------------------------------------
def lint_figures(
    docx_path: Path, pdf_path: Path, *, pages: int = PAGES, read_times: dict[str, float] | None = None
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
            t = median_time(lambda p=path: lint_one(p))
        except Exception as exc:
            out.append(f"lint {kind}: failed ({type(exc).__name__}: {exc})")
            continue
        out.append(
            line(f"lint {kind} ({pages} pages)", pages / t, "pages/s", pages / read_t, "pages/s (read)")
        )
        out.append(f"lint {kind}: rules add {100 * (t - read_t) / read_t:.0f} %")
    return out
