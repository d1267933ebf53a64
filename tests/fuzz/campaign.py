"""``make fuzz N=10000``: the hardening campaign of issue 16. Generates N hostile inputs across validate,
render, lint, templates, configs and output paths, runs each through the CLI in a forked child (per-input
timeout, peak memory from wait4), then renders generated deals to .docx and PDF and counts strings lost.

Prints, in the bench line format (``name: value unit (baseline: …, ratio: x)``; the baseline is the target):
inputs tried, exit statuses, exit-3 crashes, hangs and peak memory per command, and strings lost.
Exit 1 when a target is missed (any exit 3 or hang, peak ≥ 1 GB, a string lost). Inputs that miss a target
are kept in ``--keep`` (default ``fuzz-failures/``) to replay.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for ``fuzz.hostile``
from fuzz import hostile  # noqa: E402

MEMORY_TARGET_MB = 1024
COMMANDS = ("validate", "render", "lint", "templates", "config", "output")

Case = tuple[str, str, list[str]]  # (command, label, argv)


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(data)
    return path


def generate(n: int, folder: Path, seed: int) -> Iterator[Case]:
    """``n`` cases, cycling through the commands; every input file is written into ``folder``."""
    rng = random.Random(seed)
    draft = hostile.DRAFT_DOCX.read_bytes()
    fixed_drafts = {**hostile.damaged_drafts(draft), **hostile.WRONG_MAGIC}
    templates = list(hostile.HOSTILE_TEMPLATES.items())
    good = str(hostile.SAMPLES / "quote-office.json")
    for i in range(n):
        command = COMMANDS[i % len(COMMANDS)]
        s = rng.randrange(2**31)
        if command in ("validate", "render"):
            deal = _write(folder, f"{i}.json", hostile.dump(hostile.random_deal(s)))
            out = ["-o", str(folder / f"out{i}")] if command == "render" else []
            yield command, f"random_deal({s})", [command, str(deal), good, *out]
        elif command == "lint":
            kind = rng.randrange(6)
            if kind == 0 and fixed_drafts:
                name, data = rng.choice(sorted(fixed_drafts.items()))
            elif kind == 1:
                name, data = f"{i}.docx", hostile.truncations(draft, s)
            elif kind == 2:
                name, data = f"{i}.json", hostile.dump(hostile.random_deal(s))
            elif kind == 3:
                text = "".join(rng.choice(hostile.HOSTILE_STRINGS) + "\n" for _ in range(20))
                name, data = f"{i}.txt", text.encode("utf-8", "surrogatepass")
            else:
                name, data = f"{i}.docx", hostile.byte_flips(draft, s, flips=rng.randrange(1, 64))
            path = _write(folder, f"{i}-{name}", data)
            fmt = rng.choice(["text", "json", "sarif", "junit", "github"])
            yield command, f"lint {name} seed {s}", ["lint", str(path), "--format", fmt]
        elif command == "templates":
            name, tag = templates[i // len(COMMANDS) % len(templates)]
            tdir = folder / f"t{i}"
            tdir.mkdir()
            tpl = hostile.template_docx(tdir / "quote.docx", tag)
            if rng.random() < 0.5:
                yield (
                    command,
                    f"template {name}",
                    ["render", good, "--template", str(tpl), "-o", str(tdir / "o")],
                )
            else:
                yield (
                    command,
                    f"template {name}",
                    ["templates", "check", str(tdir), "--samples", str(hostile.SAMPLES)],
                )
        elif command == "config":
            cfg = _write(folder, f"{i}.toml", hostile.random_config(s))
            yield (
                command,
                f"random_config({s})",
                ["lint", str(hostile.SAMPLES / "drafts"), "--config", str(cfg)],
            )
        else:
            (folder / "afile").write_bytes(b"")
            target = rng.choice(
                [
                    "/proc/contractkit.docx",
                    str(folder / "afile" / "sub.docx"),
                    str(folder / "afile" / "sub"),
                    str(folder / f"\u202e{i}.docx"),
                    str(folder / "CON.docx"),
                    "/",
                ]
            )
            yield command, f"-o {target!r}", ["render", good, "-o", target]


def run_case(argv: list[str], timeout: float) -> tuple[int | None, int, str]:
    """Run ``contractkit argv`` in a forked child: (exit status or None on a hang, peak RSS in KB, stderr)."""
    err_fd, err_name = tempfile.mkstemp(prefix="contractkit-fuzz-")
    pid = os.fork()
    if pid == 0:  # the child: quiet, its own group so a hang can be killed with what it started
        try:
            os.setpgid(0, 0)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.dup2(err_fd, 2)
            from contractkit.cli import main

            code = main(argv)
        except BaseException:
            code = 99
        os._exit(code if isinstance(code, int) else 98)
    os.close(err_fd)
    deadline = time.monotonic() + timeout
    status: int | None = None
    rss = 0
    while True:
        done, wstatus, usage = os.wait4(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(wstatus)
            rss = usage.ru_maxrss
            break
        if time.monotonic() > deadline:
            with_group = [pid]
            for target in with_group:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(target, signal.SIGKILL)
            _, _, usage = os.wait4(pid, 0)
            rss = usage.ru_maxrss
            break
        time.sleep(0.005)
    try:
        err = Path(err_name).read_text("utf-8", "replace")[-2000:]
    finally:
        os.unlink(err_name)
    return status, rss, err


def strings_lost(n: int, seed: int, pdf: int, folder: Path) -> tuple[int, int, int, int]:
    """Render ``n`` generated valid deals to .docx (the first ``pdf`` also to PDF) and count the strings of
    their text fields missing from the output: (docx deals, docx lost, pdf deals, pdf lost)."""
    import io
    import unicodedata

    import docx

    from contractkit.deal.validate import validate_deal
    from contractkit.errors import ContractkitError
    from contractkit.render.docx import render_docx

    try:
        from contractkit.render.fonts import missing_glyphs
    except ImportError:  # an older contractkit (a "before" run): no font warnings to discount

        def missing_glyphs(text: str) -> list[str]:
            return []

    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x20, 0x3000) if unicodedata.category(chr(c))[0] in "LNPS"]
    alphabet += [chr(c) for c in range(0x4E00, 0x9FFF, 7)] + ["𪚥", "𠀀"]
    # PDFs: the scripts of a contract (Latin, Greek, Cyrillic, CJK, their punctuation and symbols). Shaped and
    # right-to-left scripts come back from PDF text extraction reordered or recomposed, which is no loss.
    contract_ranges = ((0x20, 0x24F), (0x370, 0x4FF), (0x2010, 0x205E), (0x20A0, 0x20C0), (0x2100, 0x21FF))
    contract_ranges += ((0x2460, 0x24FF), (0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF01, 0xFF5E))
    pdf_alphabet = [ch for ch in alphabet if any(lo <= ord(ch) <= hi for lo, hi in contract_ranges)]
    pdf_alphabet += ["𪚥", "𠀀"]  # no font here: warned before conversion, so not counted as lost
    fields = (("buyer", "name"), ("seller", "name"), ("items", 0, "name"), ("items", 0, "specification"))
    made = lost = 0
    pdf_pairs: list[tuple[Path, list[str]]] = []
    for i in range(n):
        deal = hostile.sample_deal()
        strings = []
        letters = pdf_alphabet if len(pdf_pairs) < pdf else alphabet
        for path in fields:
            text = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 30))).strip() or "x"
            node = deal
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = text
            strings.append(text)
        if validate_deal(deal):
            continue
        try:
            data = render_docx(deal)
        except ContractkitError as exc:  # a valid deal that does not render is a lost deal: all its strings
            print(f"strings: a valid deal did not render: {exc}", file=sys.stderr)
            made += 1
            lost += len(strings)
            continue
        d = docx.Document(io.BytesIO(data))
        body = "\n".join(
            [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]
        )
        made += 1
        lost += sum(s not in body for s in strings)
        if len(pdf_pairs) < pdf:
            src = folder / f"deal{i}.docx"
            src.write_bytes(data)
            pdf_pairs.append((src, strings))
    pdf_lost = 0
    if pdf_pairs:
        from contractkit.readers.dispatch import read_document
        from contractkit.render.pdf import PdfConverter

        with PdfConverter(jobs=2) as conv:
            results = dict(conv.convert_many([(s, s.with_suffix(".pdf")) for s, _ in pdf_pairs]))
        for src, strings in pdf_pairs:
            if results.get((src, src.with_suffix(".pdf"))) is not None:
                pdf_lost += len(strings)
                continue
            # PDF text comes back in layout order, ligatures split (ﬁ → fi) and fallback-font glyphs moved:
            # a string counts as lost when one of its characters is missing from the page text
            text = unicodedata.normalize(
                "NFKC", "".join(b.text for b in read_document(src.with_suffix(".pdf")).blocks)
            )
            seen = set(text) | set(missing_glyphs("".join(strings)))  # warned characters are not lost
            pdf_lost += sum(not set(unicodedata.normalize("NFKC", s)) - {" "} <= seen for s in strings)
    return made, lost, len(pdf_pairs), pdf_lost


def line(name: str, value: float, unit: str, baseline: float) -> str:
    """One bench line; the baseline is the campaign's target."""
    ratio = value / baseline if baseline else (1.0 if value == 0 else float("inf"))
    fmt = (
        (lambda v: f"{v:.0f}")
        if float(value).is_integer() and float(baseline).is_integer()
        else (lambda v: f"{v:.1f}")
    )
    return f"{name}: {fmt(value)} {unit} (baseline: {fmt(baseline)} {unit}, ratio: {ratio:.2f})"


def main(argv: list[str] | None = None) -> int:
    """Run the campaign and print its figures; 0 when every target is met."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=int(os.environ.get("N", "600")))
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per input before it counts as a hang"
    )
    ap.add_argument("--deals", type=int, default=None, help="generated deals for strings lost (default n/10)")
    ap.add_argument("--pdf", type=int, default=None, help="of those, how many also go to PDF (default all)")
    ap.add_argument("--keep", default="fuzz-failures", help="folder for inputs that miss a target")
    args = ap.parse_args(argv)
    import contractkit.cli.lint
    import contractkit.cli.render
    import contractkit.cli.templates
    import contractkit.cli.validate  # noqa: F401
    from contractkit.lint import available_rules

    available_rules()
    statuses: dict[str, collections.Counter] = {c: collections.Counter() for c in COMMANDS}
    peaks = dict.fromkeys(COMMANDS, 0)
    tried = collections.Counter()
    misses: list[tuple[str, str, list[str], str]] = []
    keep = Path(args.keep)
    with tempfile.TemporaryDirectory(prefix=f"contractkit-fuzz-{os.getpid()}-") as tmp:
        folder = Path(tmp)
        for command, label, case_argv in generate(args.n, folder, args.seed):
            status, rss, err = run_case(case_argv, args.timeout)
            tried[command] += 1
            if sum(tried.values()) % 500 == 0:
                done = sum(tried.values())
                print(f"fuzz: {done} of {args.n} inputs, {len(misses)} missed", file=sys.stderr)
            statuses[command]["hang" if status is None else status] += 1
            peaks[command] = max(peaks[command], rss)
            if status is None or status not in (0, 1, 2) or rss >= MEMORY_TARGET_MB * 1024:
                misses.append((command, label, case_argv, err))
                keep.mkdir(exist_ok=True)
                for a in case_argv:
                    if a.startswith(tmp) and Path(a).is_file():
                        shutil.copy(a, keep / Path(a).name)
        print_inputs(args.n, tried, statuses, peaks)
        n_deals = args.deals if args.deals is not None else max(1, args.n // 10)
        made, lost, pdf_made, pdf_lost = strings_lost(
            n_deals, args.seed, n_deals if args.pdf is None else args.pdf, folder
        )
    print(line("fuzz.strings_lost.docx", lost, f"strings of {made} deals", 0))
    print(line("fuzz.strings_lost.pdf", pdf_lost, f"strings of {pdf_made} deals", 0))
    for command, label, case_argv, err in misses[:20]:
        print(
            f"miss: {command}: {label}: contractkit {' '.join(case_argv)}\n  {err.strip()[-300:]}",
            file=sys.stderr,
        )
    return 1 if misses or lost or pdf_lost else 0


def print_inputs(n: int, tried: collections.Counter, statuses: dict, peaks: dict) -> None:
    """The per-command lines: inputs, exit statuses, exit 3, other statuses, hangs, peak memory."""
    print(line("fuzz.inputs", sum(tried.values()), "inputs", n), flush=True)
    for command in COMMANDS:
        c = statuses[command]
        print(line(f"fuzz.{command}.inputs", tried[command], "inputs", tried[command]))
        for code in (0, 1, 2):
            print(f"fuzz.{command}.exit_{code}: {c[code]} inputs")
        print(line(f"fuzz.{command}.exit_3", c[3], "inputs", 0))
        others = sum(v for k, v in c.items() if k not in (0, 1, 2, 3, "hang"))
        print(line(f"fuzz.{command}.other_status", others, "inputs", 0))
        print(line(f"fuzz.{command}.hangs", c["hang"], "inputs", 0))
        print(
            line(f"fuzz.{command}.peak_memory", round(peaks[command] / 1024), "MB", MEMORY_TARGET_MB),
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
