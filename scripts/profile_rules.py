"""Per-rule and per-fact-family cost on one document: median CPU milliseconds (thread time, so a busy machine
does not skew it) over cold runs, most expensive first.

    .venv/bin/python scripts/profile_rules.py .bench/contract.docx [--reps 7] [--top 25] [--pages 45]

Each cold run first extracts every fact family of the contract model in order (each charged its own cost,
the shared per-document scans to the first family that asks), then runs every rule over the warm facts (so a
rule's line is its own work). ``--pages`` adds the CPU time per page of the whole run (sections, facts and
rules; reading is timed once, apart).

``--regex N`` instead records every regex call of one cold lint (read included) and replays each pattern's
calls on their own: the N costliest patterns with the module line that compiled them, and the cost per
module (the regex engine is about 40 % of lint's instructions on the real-text benchmark, spread over
hundreds of patterns that a function profile shows only as ``re.Pattern.search``).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from typing import Any


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--pages", type=int, default=0, help="pages of the document, for the CPU time per page")
    ap.add_argument("--regex", type=int, default=0, help="cost the N costliest regex patterns instead")
    args = ap.parse_args()
    if args.regex:
        regex_costs(args.path, args.regex, args.reps)
        return

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


def regex_costs(path: str, top: int, reps: int) -> None:
    """Record the regex calls of one cold lint of ``path``, replay each pattern's calls ``reps`` times (the
    fastest counts) and print the costliest patterns and the cost per compiling module."""
    import re
    import traceback

    compile_pattern = re._compile  # type: ignore[attr-defined]
    calls: dict[tuple[str, int], list[tuple[str, tuple, dict]]] = defaultdict(list)
    where: dict[tuple[str, int], str] = {}
    recording = [False]

    class Recorded:
        """A compiled pattern that logs its calls while ``recording`` (everything else delegated)."""

        __slots__ = ("_key", "_pattern")

        def __init__(self, pattern: re.Pattern[str], key: tuple[str, int]) -> None:
            self._pattern, self._key = pattern, key

        def __getattr__(self, name: str) -> Any:
            return getattr(self._pattern, name)

        def __hash__(self) -> int:
            return hash(self._pattern)

        def __eq__(self, other: object) -> bool:
            return self._pattern == getattr(other, "_pattern", other)

    def logged(method: str) -> Any:
        def call(self: Recorded, *a: Any, **kw: Any) -> Any:
            if recording[0]:
                calls[self._key].append((method, a, kw))
            return getattr(self._pattern, method)(*a, **kw)

        return call

    for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
        setattr(Recorded, method, logged(method))

    def recorded_compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, Recorded):
            return pattern
        compiled = compile_pattern(pattern, flags)
        key = (compiled.pattern, compiled.flags)
        if key not in where:
            frames = [f for f in traceback.extract_stack(limit=8) if "contractkit" in f.filename]
            where[key] = (
                f"{frames[-1].filename.split('contractkit/')[-1]}:{frames[-1].lineno}" if frames else "?"
            )
        return Recorded(compiled, key)

    re._compile = recorded_compile  # type: ignore[attr-defined]
    re.compile = recorded_compile  # type: ignore[assignment]
    try:
        from contractkit.lint import clear_caches, lint_document
        from contractkit.readers.dispatch import read_document

        lint_document(read_document(path))  # warm imports
        clear_caches()
        recording[0] = True
        lint_document(read_document(path))
        recording[0] = False
    finally:
        re._compile = compile_pattern  # type: ignore[attr-defined]
        re.compile = compile_pattern  # type: ignore[assignment]
    rows = []
    for key, logged_calls in calls.items():
        pattern = compile_pattern(*key)
        best = float("inf")
        for _ in range(reps):
            t0 = time.perf_counter()
            for method, a, kw in logged_calls:
                result = getattr(pattern, method)(*a, **kw)
                if method == "finditer":
                    for _m in result:
                        pass
            best = min(best, time.perf_counter() - t0)
        rows.append((best * 1000, len(logged_calls), where.get(key, "?"), key[0]))
    rows.sort(reverse=True)
    total_ms, total_calls = sum(r[0] for r in rows), sum(r[1] for r in rows)
    print(f"{path}: regex {total_ms:.2f} ms in {total_calls} calls of {len(rows)} patterns")
    for ms, n, site, pattern in rows[:top]:
        print(f"{ms:8.3f} ms {n:6d} calls  {site:38s} {pattern[:60]!r}")
    per_module: dict[str, float] = defaultdict(float)
    for ms, _n, site, _pattern in rows:
        per_module[site.rsplit(":", 1)[0]] += ms
    print("per compiling module:")
    for module, ms in sorted(per_module.items(), key=lambda kv: -kv[1]):
        print(f"{ms:8.3f} ms  {module}")


if __name__ == "__main__":
    main()
