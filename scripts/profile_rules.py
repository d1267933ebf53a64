"""Per-rule and per-fact-family cost on one document: median CPU milliseconds (thread time, so a busy machine
does not skew it) over cold runs, most expensive first.

    .venv/bin/python scripts/profile_rules.py .bench/contract.docx [--reps 7] [--top 25] [--pages 45]

Each cold run first extracts every fact family of the contract model in order (each charged its own cost,
the shared per-document scans to the first family that asks), then runs every rule over the warm facts (so a
rule's line is its own work). ``--pages`` adds the CPU time per page of the whole run (sections, facts and
rules; reading is timed once, apart).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--pages", type=int, default=0, help="pages of the document, for the CPU time per page")
    args = ap.parse_args()

    from contractkit.checks._common import forget
    from contractkit.checks.base import RuleContext, effective_severity, selected
    from contractkit.config import Settings
    from contractkit.contract.model import FAMILIES, contract_of
    from contractkit.facts import assign_sections
    from contractkit.lint import available_rules, clear_caches, lint_document
    from contractkit.readers.dispatch import read_document
    from contractkit.readers.model import Document

    t0 = time.thread_time()
    read = read_document(args.path)
    read_ms = (time.thread_time() - t0) * 1000
    lint_document(read)  # warm imports
    t0 = time.thread_time()
    read_document(args.path)
    read_ms = (time.thread_time() - t0) * 1000
    settings = Settings.resolve(None)
    rules = list(selected(available_rules().values(), settings))
    times: dict[str, list[float]] = defaultdict(list)
    totals: list[float] = []
    for _ in range(args.reps):
        clear_caches()
        start = t0 = time.thread_time()
        doc = Document(read.path, read.kind, assign_sections(read.blocks), read.deal, read.meta)
        times["(sections)"].append(time.thread_time() - t0)
        contract = contract_of(doc)
        for family in FAMILIES:
            t0 = time.thread_time()
            contract.facts(family)
            times[f"[facts] {family}"].append(time.thread_time() - t0)
        for r in rules:
            ctx = RuleContext(rule=r, settings=settings, severity=effective_severity(r, settings))
            t0 = time.thread_time()
            list(r.check(doc, ctx))
            times[r.id].append(time.thread_time() - t0)
        totals.append(time.thread_time() - start)
        forget(doc)
    rows = sorted(((statistics.median(v) * 1000, k) for k, v in times.items()), reverse=True)
    facts_ms = sum(ms for ms, name in rows if name.startswith("[facts]"))
    total_ms = statistics.median(totals) * 1000
    print(f"{args.path}: {len(read.blocks)} blocks, read {read_ms:.1f} ms (warm)")
    print(
        f"sections, facts and rules {total_ms:.2f} ms (median of {args.reps} cold runs; facts "
        f"{facts_ms:.2f} ms)"
    )
    if args.pages:
        per_page = (total_ms + read_ms) / args.pages
        print(f"read + lint {per_page:.2f} ms CPU per page = {1000 / per_page:.0f} pages/s per core")
    for ms, name in rows[: args.top]:
        print(f"{ms:8.2f} ms  {name}")


if __name__ == "__main__":
    main()
