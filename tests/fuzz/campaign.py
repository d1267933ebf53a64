"""``make fuzz N=10000``: the hardening campaign of issue 16. Generates N hostile inputs across validate,
render, lint (drafts, deals, .doc/.rtf, scans, FIFOs), templates, configs and output paths, runs each through
the CLI in a forked child of one warm parent (``--jobs`` at once; per-input timeout in CPU seconds with a
wall-clock ceiling; peak memory from wait4), then renders generated deals to .docx and PDF
and counts strings lost.

Prints, in the bench line format (``name: value unit (baseline: …, ratio: x)``; the baseline is the target):
inputs tried, exit statuses, exit-3 crashes, hangs and peak memory per command, and strings lost; progress
every 500 inputs on stderr, and the per-command summary also when interrupted (SIGINT/SIGTERM).
Exit 1 when a target is missed (any exit 3 or hang, peak ≥ 1 GB, a string lost), 130 when interrupted.
Inputs that miss a target are kept in ``--keep`` (default ``fuzz-failures/``) with ``misses.txt`` to replay.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for ``fuzz.*``
from fuzz import hostile  # noqa: E402
from fuzz.cases import COMMANDS, FORMATS, Case, generate  # noqa: E402
from fuzz.lost import strings_lost  # noqa: E402
from fuzz.runner import Outcome, Pool  # noqa: E402

MEMORY_TARGET_MB = 1024
PROGRESS_EVERY = 500


def line(name: str, value: float, unit: str, baseline: float) -> str:
    """One bench line; the baseline is the campaign's target."""
    ratio = value / baseline if baseline else (1.0 if value == 0 else float("inf"))
    whole = float(value).is_integer() and float(baseline).is_integer()
    fmt = (lambda v: f"{v:.0f}") if whole else (lambda v: f"{v:.1f}")
    return f"{name}: {fmt(value)} {unit} (baseline: {fmt(baseline)} {unit}, ratio: {ratio:.2f})"


def _cli(argv: list[str]) -> int:
    from contractkit.cli import main

    return main(argv)


def warm_up(folder: Path) -> None:
    """Import and warm what every case needs (schemas, rules, report formats, the renderer) once, in the
    parent: each forked case then starts warm and spends its time on its own input."""
    import contractkit.cli.lint
    import contractkit.cli.render
    import contractkit.cli.templates
    import contractkit.cli.validate  # noqa: F401
    from contractkit.lint import available_rules

    available_rules()
    good = str(hostile.SAMPLES / "quote-office.json")
    txt = str(hostile.SAMPLES / "drafts" / "defective-sales-contract.txt")
    runs = [["validate", good], ["render", good, "-o", str(folder / "warm")]]
    runs += [["lint", txt, str(hostile.DRAFT_DOCX), good, "--format", fmt] for fmt in FORMATS]
    saved = os.dup(1), os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        for argv in runs:
            _cli(argv)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(null)
    shutil.rmtree(folder / "warm", ignore_errors=True)


class Tally:
    """Counts per command: inputs, exit statuses, peak memory, and the cases that missed a target."""

    def __init__(self, keep: Path) -> None:
        self.statuses: dict[str, collections.Counter] = {c: collections.Counter() for c in COMMANDS}
        self.peaks = dict.fromkeys(COMMANDS, 0)
        self.tried: collections.Counter = collections.Counter()
        self.misses: list[tuple[Case, Outcome]] = []
        self.keep = keep
        self.start = time.monotonic()
        self.printed = False

    def add(self, case: Case, outcome: Outcome) -> None:
        """Count one finished case; keep its inputs when it missed a target."""
        self.tried[case.command] += 1
        self.statuses[case.command]["hang" if outcome.status is None else outcome.status] += 1
        self.peaks[case.command] = max(self.peaks[case.command], outcome.rss_kb)
        if outcome.status not in (0, 1, 2) or outcome.rss_kb >= MEMORY_TARGET_MB * 1024:
            self.misses.append((case, outcome))
            self.keep.mkdir(parents=True, exist_ok=True)
            for path in case.files:
                if path.is_file():
                    shutil.copy(path, self.keep / f"{case.folder.name}-{path.name}")
            with open(self.keep / "misses.txt", "a", encoding="utf-8", errors="backslashreplace") as fh:
                why = f"hang ({outcome.hang})" if outcome.status is None else f"exit {outcome.status}"
                fh.write(f"{case.folder.name}: {case.command}: {why}, {outcome.rss_kb // 1024} MB, ")
                fh.write(f"{outcome.cpu:.1f} s CPU: {case.label}\n  contractkit {' '.join(case.argv)}\n")
                fh.write(f"  {outcome.err.strip()[-600:]}\n")

    def progress(self, n: int) -> str:
        """The progress line: inputs so far, rate, exit statuses, hangs, peak memory, misses."""
        done = sum(self.tried.values())
        total = collections.Counter()
        for c in self.statuses.values():
            total.update(c)
        rate = done / max(1e-9, time.monotonic() - self.start)
        codes = " ".join(f"exit_{k}={total[k]}" for k in sorted(k for k in total if k != "hang"))
        peak = round(max(self.peaks.values()) / 1024)
        return (
            f"fuzz: {done} of {n} inputs ({rate:.1f}/s): {codes} hangs={total['hang']} "
            f"peak={peak} MB missed={len(self.misses)}"
        )

    def summary(self, n: int) -> None:
        """The per-command lines: inputs, exit statuses, exit 3, other statuses, hangs, peak memory."""
        self.printed = True
        print(line("fuzz.inputs", sum(self.tried.values()), "inputs", n), flush=True)
        elapsed = time.monotonic() - self.start
        print(f"fuzz.rate: {sum(self.tried.values()) / max(1e-9, elapsed):.1f} inputs/s")
        for command in COMMANDS:
            c = self.statuses[command]
            print(line(f"fuzz.{command}.inputs", self.tried[command], "inputs", self.tried[command]))
            for code in (0, 1, 2):
                print(f"fuzz.{command}.exit_{code}: {c[code]} inputs")
            print(line(f"fuzz.{command}.exit_3", c[3], "inputs", 0))
            others = sum(v for k, v in c.items() if k not in (0, 1, 2, 3, "hang"))
            print(line(f"fuzz.{command}.other_status", others, "inputs", 0))
            print(line(f"fuzz.{command}.hangs", c["hang"], "inputs", 0))
            peak = round(self.peaks[command] / 1024)
            print(line(f"fuzz.{command}.peak_memory", peak, "MB", MEMORY_TARGET_MB), flush=True)


class Interrupted(Exception):
    """SIGTERM (or SIGINT) arrived: stop, kill the running cases, print what was counted."""


def _interrupt(signum: int, frame: object) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the summary short
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Interrupted(signal.Signals(signum).name)


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The campaign's options."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=int(os.environ.get("N", "600")))
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cases at once (default: cores)")
    ap.add_argument("--timeout", type=float, default=60.0, help="CPU seconds per input before it is a hang")
    ap.add_argument("--wall", type=float, default=None, help="wall seconds per input (default 10×timeout)")
    ap.add_argument("--deals", type=int, default=None, help="generated deals for strings lost (default n/10)")
    ap.add_argument("--pdf", type=int, default=None, help="of those, how many also go to PDF (default all)")
    ap.add_argument(
        "--commands",
        default=",".join(COMMANDS),
        type=lambda v: tuple(c for c in v.split(",") if c),
        help=f"the input families, comma-separated (default: all of {','.join(COMMANDS)})",
    )
    ap.add_argument("--keep", default="fuzz-failures", help="folder for inputs that miss a target")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the campaign and print its figures; 0 when every target is met."""
    args = parse(argv)
    if unknown := set(args.commands) - set(COMMANDS):
        print(f"fuzz: unknown --commands {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    tally = Tally(Path(args.keep))
    old = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    interrupted = ""
    lost = pdf_lost = 0
    with tempfile.TemporaryDirectory(prefix=f"contractkit-fuzz-{os.getpid()}-") as tmp:
        folder = Path(tmp)
        pool = Pool(_cli, args.jobs, args.timeout, args.wall or 10 * args.timeout)
        try:
            warm_up(folder)
            cases = ((case, case.argv) for case in generate(args.n, folder, args.seed, args.commands))
            for case, outcome in pool.run(cases):
                tally.add(case, outcome)  # type: ignore[arg-type]
                shutil.rmtree(case.folder, ignore_errors=True)  # type: ignore[attr-defined]
                if sum(tally.tried.values()) % PROGRESS_EVERY == 0:
                    print(tally.progress(args.n), file=sys.stderr, flush=True)
            tally.summary(args.n)
            n_deals = args.deals if args.deals is not None else max(1, args.n // 10)
            pdf = n_deals if args.pdf is None else args.pdf
            made, lost, pdf_made, pdf_lost = strings_lost(n_deals, args.seed, pdf, folder, args.jobs)
            print(line("fuzz.strings_lost.docx", lost, f"strings of {made} deals", 0))
            print(line("fuzz.strings_lost.pdf", pdf_lost, f"strings of {pdf_made} deals", 0))
        except (Interrupted, KeyboardInterrupt) as exc:
            interrupted = str(exc) or "SIGINT"
            pool.close()
            print(f"fuzz: interrupted by {interrupted}", file=sys.stderr)
            print(tally.progress(args.n), file=sys.stderr)
            if not tally.printed:  # interrupted while counting strings lost: the inputs are already out
                tally.summary(args.n)
            print(f"fuzz.interrupted: 1 ({interrupted})", flush=True)
        finally:
            pool.close()
            for sig, handler in old.items():
                signal.signal(sig, handler)
    for case, outcome in tally.misses[:20]:
        why = f"hang ({outcome.hang}, {outcome.cpu:.0f} s CPU)" if outcome.status is None else outcome.status
        print(
            f"miss: {case.command}: {why}: {case.label}: contractkit {' '.join(case.argv)}\n"
            f"  {outcome.err.strip()[-300:]}",
            file=sys.stderr,
        )
    if interrupted:
        return 130
    return 1 if tally.misses or lost or pdf_lost else 0


if __name__ == "__main__":
    sys.exit(main())
