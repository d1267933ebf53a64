"""Per-rule cost on one document: median CPU milliseconds (thread time, so a busy machine does not skew
it) of each rule over cold runs, most expensive first.

    .venv/bin/python scripts/profile_rules.py .bench/contract.docx [--reps 7] [--top 25]

The first rule to ask for a shared per-document fact (clauses, parties, is_chinese…) is charged for it.
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
    args = ap.parse_args()

    from contractkit.checks._common import forget
    from contractkit.checks.base import RuleContext, effective_severity, selected
    from contractkit.config import Settings
    from contractkit.facts import assign_sections
    from contractkit.lint import available_rules, clear_caches, lint_document
    from contractkit.readers.dispatch import read_document
    from contractkit.readers.model import Document

    t0 = time.thread_time()
    read = read_document(args.path)
    read_ms = (time.thread_time() - t0) * 1000
    lint_document(read)  # warm imports
    settings = Settings.resolve(None)
    rules = list(selected(available_rules().values(), settings))
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.reps):
        clear_caches()
        t0 = time.thread_time()
        doc = Document(read.path, read.kind, assign_sections(read.blocks), read.deal, read.meta)
        times["(sections)"].append(time.thread_time() - t0)
        for r in rules:
            ctx = RuleContext(rule=r, settings=settings, severity=effective_severity(r, settings))
            t0 = time.thread_time()
            list(r.check(doc, ctx))
            times[r.id].append(time.thread_time() - t0)
        forget(doc)
    rows = sorted(((statistics.median(v) * 1000, k) for k, v in times.items()), reverse=True)
    print(f"{args.path}: {len(read.blocks)} blocks, read {read_ms:.1f} ms (first, warm-up included)")
    print(f"rules total {sum(ms for ms, _ in rows):.2f} ms (medians of {args.reps} cold runs)")
    for ms, name in rows[: args.top]:
        print(f"{ms:8.2f} ms  {name}")


if __name__ == "__main__":
    main()
