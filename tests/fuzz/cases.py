"""The campaign's inputs: ``generate`` yields N cases (command, label, argv, files) cycling through validate,
render, lint, templates, config and output, each writing only its own input under test into its own folder.
Inputs that do not vary (damaged drafts, templates, sample folders) are written once and shared."""

from __future__ import annotations

import os
import random
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fuzz import hostile

COMMANDS = ("validate", "render", "lint", "templates", "config", "output")
FORMATS = ("text", "json", "sarif", "junit", "github")
#: Of every 100 lint cases, how many go through LibreOffice (.doc/.rtf) and OCR (scans): slow, so few.
OFFICE_PER_100 = 2
SCAN_PER_100 = 2


@dataclass
class Case:
    """One CLI run: the command family it counts under, a label to replay it, argv, and its own folder."""

    command: str
    label: str
    argv: list[str]
    folder: Path
    files: list[Path] = field(default_factory=list)  # the inputs to keep when the case misses a target


def write(path: Path, data: bytes | str) -> Path:
    """Write ``data`` (text keeps lone surrogates) to ``path`` and return it."""
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(data)
    return path


def _device(path: Path, minor: int) -> Path | None:
    """A private copy of /dev/full (minor 7) or /dev/null (3) at ``path``, or None where mknod is not allowed:
    a writer that replaces its target then spoils only this copy, never the system's device."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except OSError:
        return None
    return path


class Shared:
    """The fixed inputs, written once into ``root/shared``: damaged drafts, templates, one-sample folder."""

    def __init__(self, root: Path) -> None:
        self.dir = root / "shared"
        self.dir.mkdir()
        self.good = str(hostile.SAMPLES / "quote-office.json")
        self.draft = hostile.DRAFT_DOCX.read_bytes()
        self.drafts = {
            name: write(self.dir / name, data)
            for name, data in sorted({**hostile.damaged_drafts(self.draft), **hostile.WRONG_MAGIC}.items())
        }
        self.samples = self.dir / "samples"
        self.samples.mkdir()
        write(self.samples / "quote-office.json", hostile._sample_text("quote-office.json"))
        self.afile = write(self.dir / "afile", b"")
        self.fifo_dir = self.dir / "with-fifo"
        self.fifo_dir.mkdir()
        write(
            self.fifo_dir / "clean.txt",
            (hostile.SAMPLES / "drafts" / "clean-sales-contract.txt").read_bytes(),
        )
        os.mkfifo(self.fifo_dir / "pipe.txt")  # nobody ever writes to it: reading it must not block
        self.fifo = self.fifo_dir / "pipe.txt"
        self.devices = [d for d in (_device(self.dir / "full", 7), _device(self.dir / "null", 3)) if d]
        self._templates: dict[str, Path] = {}

    def template(self, name: str, tag: str) -> Path:
        """The folder holding ``quote.docx`` with ``tag``, built on first use."""
        if name not in self._templates:
            tdir = self.dir / f"template-{name}"
            tdir.mkdir()
            hostile.template_docx(tdir / "quote.docx", tag)
            self._templates[name] = tdir
        return self._templates[name]


def _lint(rng: random.Random, s: int, shared: Shared, folder: Path) -> tuple[str, list[str], list[Path]]:
    """A lint case: (label, paths to lint, files written)."""
    roll = rng.randrange(100)
    if roll < OFFICE_PER_100:
        name, data = hostile.office_inputs(s)
    elif roll < OFFICE_PER_100 + SCAN_PER_100:
        name, data = hostile.scan_inputs(s)
    elif roll < OFFICE_PER_100 + SCAN_PER_100 + 2:
        paths = [str(shared.fifo)] if rng.random() < 0.5 else [str(shared.fifo_dir)]
        return f"fifo {paths[0]}", paths, []
    else:
        kind = rng.randrange(10)
        if kind == 0:
            name = rng.choice(sorted(shared.drafts))
            return f"lint {name}", [str(shared.drafts[name])], [shared.drafts[name]]
        if kind == 1:
            name, data = "truncated.docx", hostile.truncations(shared.draft, s)
        elif kind == 2:
            name, data = "deal.json", hostile.dump(hostile.random_deal(s))
        elif kind == 3:
            text = "".join(rng.choice(hostile.HOSTILE_STRINGS) + "\n" for _ in range(20))
            name, data = "hostile.txt", text.encode("utf-8", "surrogatepass")
        elif kind in (4, 5):
            name, data = "flipped.docx", hostile.byte_flips(shared.draft, s, flips=rng.randrange(1, 64))
        elif kind in (6, 7, 8):  # a real draft bent a little: the rules run on it
            name, data = rng.choice(["mutated.txt", "mutated.md"]), hostile.mutated_text(s)
        else:  # a sound zip around bent XML and text
            name, data = "xml.docx", hostile.mutated_document_xml(shared.draft, s)
    path = write(folder / name, data)
    return f"lint {name} seed {s}", [str(path)], [path]


def _output_target(i: int, rng: random.Random, shared: Shared, folder: Path) -> str:
    """A hostile place to write to (never one that works by accident, like ``/``, as root)."""
    return rng.choice(
        [
            "/proc/contractkit.docx",
            "/proc",
            str(shared.afile / "sub.docx"),
            str(shared.afile / "sub"),
            str(shared.fifo),
            str(folder / ("x" * 300 + ".docx")),
            str(folder / f"\u202e{i}.docx"),
            str(folder / "CON.docx"),
            str(folder / "a\udcffb.docx"),  # an invalid UTF-8 name, as a shell passes it
            *map(str, shared.devices),
        ]
    )


def _output(i: int, rng: random.Random, shared: Shared, folder: Path) -> tuple[str, list[str]]:
    """An output case: render, or lint --annotate/--redline/--write-baseline, to a hostile place."""
    target = _output_target(i, rng, shared, folder)
    how = rng.randrange(4)
    if how == 0:
        return f"render -o {target!r}", ["render", shared.good, "-o", target]
    draft = str(hostile.DRAFT_DOCX)
    flag = ("--annotate", "--redline", "--write-baseline")[how - 1]
    return f"lint {flag} {target!r}", ["lint", draft, flag, target]


def generate(n: int, root: Path, seed: int, commands: tuple[str, ...] = COMMANDS) -> Iterator[Case]:
    """``n`` cases cycling through ``commands``, deterministic for ``seed``; each in its own folder."""
    rng = random.Random(seed)
    shared = Shared(root)
    templates = list(hostile.HOSTILE_TEMPLATES.items())
    for i in range(n):
        command = commands[i % len(commands)]
        s = rng.randrange(2**31)
        folder = root / f"c{i}"
        folder.mkdir()
        if command in ("validate", "render"):
            deal = write(folder / "deal.json", hostile.dump(hostile.random_deal(s)))
            out = ["-o", str(folder / "out")] if command == "render" else []
            yield Case(command, f"random_deal({s})", [command, str(deal), shared.good, *out], folder, [deal])
        elif command == "lint":
            label, paths, files = _lint(rng, s, shared, folder)
            argv = ["lint", *paths, "--format", rng.choice(FORMATS)]
            yield Case(command, label, argv, folder, files)
        elif command == "templates":
            name, tag = templates[i // len(commands) % len(templates)]
            tdir = shared.template(name, tag)
            tpl = tdir / "quote.docx"
            if rng.random() < 0.5:
                argv = ["render", shared.good, "--template", str(tpl), "-o", str(folder / "o")]
            else:
                argv = ["templates", "check", str(tdir), "--samples", str(shared.samples)]
                argv += ["--snapshots", str(folder / "snapshots")]
            yield Case(command, f"template {name}", argv, folder, [tpl])
        elif command == "config":
            # half wrong settings (one line and exit 2), half right-typed edge values that lint must run with
            text = hostile.random_config(s) if rng.random() < 0.5 else hostile.edge_config(s)
            if rng.random() < 0.2:  # the same settings under [tool.contractkit] in a pyproject.toml
                cfg = write(folder / "pyproject.toml", "[tool.contractkit]\n" + text)
            else:
                cfg = write(folder / "contractkit.toml", text)
            drafts = hostile.SAMPLES / "drafts"
            draft = str(rng.choice([drafts / "defective-sales-contract.txt", hostile.DRAFT_DOCX, drafts]))
            yield Case(command, f"random_config({s})", ["lint", draft, "--config", str(cfg)], folder, [cfg])
        else:
            label, argv = _output(i, rng, shared, folder)
            yield Case(command, label, argv, folder)
