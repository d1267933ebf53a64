"""PDF throughput: a fresh ``soffice`` per document vs contractkit's supervised workers at --jobs 1 and 2."""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from benchmarks import line

N = 50
ROOT = Path(__file__).resolve().parent.parent


def _render(work: Path) -> list[Path]:
    from contractkit.deal.load import load_deal
    from contractkit.render.docx import render_to_file

    base = load_deal(ROOT / "samples" / "contract-equipment.json")
    docs = []
    for i in range(N):
        deal = copy.deepcopy(base)
        deal["number"] = f"{base['number']}-{i:03d}"
        for item in deal["items"]:
            item["quantity"] = int(item["quantity"]) + i % 3
            item["unit_price"] = str(Decimal(str(item["unit_price"])) + i)
        docs.append(render_to_file(deal, work / f"c{i:03d}.docx"))
    return docs


def _naive(soffice: str, docs: list[Path], out: Path) -> tuple[float, float]:
    profile = (out / "profile").as_uri()
    t0 = time.perf_counter()
    first = 0.0
    for i, d in enumerate(docs):
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(d),
            ],
            capture_output=True,
            check=True,
        )
        if i == 0:
            first = time.perf_counter() - t0
    return time.perf_counter() - t0, first


def _warm(jobs: int, docs: list[Path], out: Path) -> tuple[float, float]:
    from contractkit.render.pdf import PdfConverter

    t0 = time.perf_counter()
    first = 0.0
    with PdfConverter(jobs) as conv:
        for _pair, err in conv.convert_many([(d, out / f"{d.stem}.pdf") for d in docs]):
            if err is not None:
                raise err
            first = first or time.perf_counter() - t0
    return time.perf_counter() - t0, first


def run() -> list[str]:
    """Convert the same 50 rendered contracts three ways; one line per way plus the ratios."""
    from contractkit.render.pdf import find_soffice

    soffice = find_soffice()
    if not soffice:
        return ["pdf: soffice not installed — skipped (make soffice)"]
    work = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    try:
        docs = _render(work)
        rows = {}
        for name, fn in (
            ("fresh soffice per document", lambda o: _naive(soffice, docs, o)),
            ("PdfConverter --jobs 1", lambda o: _warm(1, docs, o)),
            ("PdfConverter --jobs 2", lambda o: _warm(2, docs, o)),
        ):
            out = work / name.replace(" ", "_")
            out.mkdir()
            rows[name] = fn(out)
        naive_secs, naive_first = rows["fresh soffice per document"]
        naive_rate = N / naive_secs
        lines = []
        for name, (secs, first) in rows.items():
            if name == "fresh soffice per document":
                continue
            tag = name.split()[-1]
            lines.append(line(f"pdf {N} contracts jobs {tag}", N / secs, "PDFs/s", naive_rate))
            lines.append(line(f"pdf first PDF jobs {tag}", first, "s", naive_first))
        return lines
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    print("\n".join(run()))
