"""Render throughput: contractkit (validation + context + compiled template) vs bare docxtpl rendering the
same template with the same context, then ``--jobs 2`` vs one process, then 1,000 contracts."""

from __future__ import annotations

import copy
import io
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import line

ROOT = Path(__file__).resolve().parent.parent
N = 500


def _deals(n: int) -> list[dict]:
    from contractkit.deal.load import load_deal

    base = load_deal(ROOT / "samples" / "contract-equipment.json")
    out = []
    for i in range(n):
        deal = copy.deepcopy(base)
        deal["number"] = f"XS-2026-{i:05d}"
        deal["items"][0]["quantity"] = 1 + i % 7
        out.append(deal)
    return out


def _ours(deals: list[dict]) -> float:
    from contractkit.render.docx import render_docx

    t0 = time.perf_counter()
    for deal in deals:
        render_docx(deal)
    return time.perf_counter() - t0


def _bare(deals: list[dict]) -> float:
    """docxtpl as documented: load, render with our env and the same context, save."""
    from docxtpl import DocxTemplate

    from contractkit.render.context import build_context
    from contractkit.render.docx import resolve_template
    from contractkit.render.env import get_env

    path = str(resolve_template("sales_contract"))
    contexts = [build_context(d) for d in deals]  # not timed: the baseline gets its context for free
    env = get_env()
    t0 = time.perf_counter()
    for ctx in contexts:
        tpl = DocxTemplate(path)
        tpl.render(ctx, jinja_env=env, autoescape=True)
        tpl.save(io.BytesIO())
    return time.perf_counter() - t0


def _batch(deals: list[dict], jobs: int) -> float:
    import json
    from decimal import Decimal

    from contractkit.render.batch import render_batch

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "deals.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for d in deals:
                fh.write(
                    json.dumps(
                        d, ensure_ascii=False, default=lambda v: str(v) if isinstance(v, Decimal) else v
                    )
                )
                fh.write("\n")
        t0 = time.perf_counter()
        report = render_batch([str(src)], Path(tmp) / "out", jobs=jobs)
        elapsed = time.perf_counter() - t0
        assert report.ok, report.failures[:3]
    return elapsed


def run(repeat: int = 3) -> list[str]:
    """Medians of ``repeat`` runs."""
    from contractkit.render.docx import render_docx

    deals = _deals(N)
    render_docx(deals[0])  # compile once, as a long-running process would
    ours = statistics.median(_ours(deals) for _ in range(repeat))
    bare = statistics.median(_bare(deals) for _ in range(repeat))
    one = statistics.median(_batch(deals, 1) for _ in range(repeat))
    two = statistics.median(_batch(deals, 2) for _ in range(repeat))
    thousand = _batch(_deals(1000), 2)
    return [
        line("render docs/s (contractkit vs bare docxtpl)", N / ours, "docs/s", N / bare, "docs/s"),
        line(
            "render time per doc (contractkit vs bare docxtpl)", ours / N * 1000, "ms", bare / N * 1000, "ms"
        ),
        line("render batch --jobs 2 docs/s (vs --jobs 1)", N / two, "docs/s", N / one, "docs/s"),
        line("render 1000 contracts --jobs 2", thousand, "s"),
    ]


if __name__ == "__main__":
    for text in run():
        print(text)
