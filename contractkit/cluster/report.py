"""Lint reports formatted on the workers (``lint --scheduler --format text|json|sarif``): each worker turns a
file's findings into that file's part of the report — the very text the local report has there — and the
client only joins the parts into the report's frame, which it makes with the local report's own code. So the
client neither rebuilds findings nor formats them (SARIF costs ≈ 2.5–3.6 ms of CPU a file to format, more
than everything else the client does), and the bytes are those of the local run.

A file whose part the worker cannot know alone comes back as its FileResult and the client formats it as the
local report does: an unreadable file, a finding of a rule outside the report's rule list (a SARIF
pseudo-rule's index depends on the files before it), and on the client's side the skipped folder entries."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from contractkit.findings import FileResult, LintResult, Severity

#: Formats whose per-file parts the workers write (junit and github stay on the client: junit's suites
#: carry totals, github caps annotations across files).
FORMATS = ("text", "json", "sarif")
#: Stands for the parts in the frame the client dumps; its line is replaced by the parts.
_SLOT = "\x00contractkit-parts\x00"


@dataclass(frozen=True)
class ReportSpec:
    """What the workers need to write their parts: the format, the language and (SARIF) the report's rule
    ids in its order (a finding's ``ruleIndex``)."""

    fmt: str
    lang: str = "zh"
    ids: tuple[str, ...] = ()


class Part(NamedTuple):
    """One file's part of the report and its findings per severity (error, warning, info)."""

    text: str
    counts: tuple[int, int, int]


def workers_format(fmt: str) -> bool:
    """Whether ``lint --format fmt`` is formatted on the workers (text only without colours, i.e. when stdout
    is not a terminal)."""
    return fmt in FORMATS and not (fmt == "text" and sys.stdout.isatty())


class Uris:
    """``contractkit.reports.sarif.relative_uri`` for many files of few folders (the same string): each
    folder is resolved once a run, not each file's every component — ≈ 15 µs a file instead of ≈ 300.
    A name that is a link itself, holds ``..``, is a URL or an odd one goes to ``relative_uri``."""

    def __init__(self) -> None:
        self.cwd = os.path.realpath(os.getcwd())
        self.folders: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        from contractkit.reports.sarif import relative_uri

        head, tail = os.path.split(name)
        odd = os.name != "posix" or "://" in name or tail in ("", ".") or ".." in name.split("/")
        if odd or os.path.islink(name):  # realpath reads '..' after a missing folder as the OS does not
            return relative_uri(name)
        folder = self.folders.get(head)
        if folder is None:
            folder = self.folders[head] = os.path.realpath(head or ".")
        resolved = os.path.join(folder, tail)
        rel = os.path.relpath(resolved, self.cwd)
        if rel == ".." or rel.startswith("../"):
            return Path(resolved).as_uri()
        return quote(rel, safe="/")


def _indented(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it as an item ``depth`` levels deep."""
    pad = " " * (2 * depth)
    return pad + json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def _counts(fr: FileResult) -> tuple[int, int, int]:
    sev = [f.severity for f in fr.findings]
    return sev.count(Severity.ERROR), sev.count(Severity.WARNING), sev.count(Severity.INFO)


def part(fr: FileResult, spec: ReportSpec, uri: str | None = None) -> Part | None:
    """On the worker: ``fr``'s part of the report (``uri``: the file as the client's SARIF names it), or None
    when the client formats the file itself."""
    from contractkit.lint import SKIPPED

    if fr.error or any(f.rule == SKIPPED for f in fr.findings):
        return None
    if spec.fmt == "text":
        from contractkit.reports.text import _plain

        return Part("\n".join(t for t, _ in _plain(LintResult(files=[fr]), spec.lang)[:-1]), _counts(fr))
    if spec.fmt == "json":
        from contractkit.reports.json import to_dict

        return Part(_indented(to_dict(LintResult(files=[fr]), spec.lang)["files"][0], 2), _counts(fr))
    if spec.fmt == "sarif" and uri is not None:
        from contractkit.reports.sarif import _result

        index = {rule: i for i, rule in enumerate(spec.ids)}
        if any(f.rule not in index for f in fr.findings):
            return None
        return Part(
            ",\n".join(_indented(_result(f, uri, index, spec.lang), 4) for f in fr.findings), _counts(fr)
        )
    return None


@dataclass
class ClusterReport:
    """A lint report made on the cluster: its text and what the exit status needs."""

    text: str
    worst: Severity | None
    unreadable: int

    def exit_code(self, fail_on: Severity, exit_zero: bool = False) -> int:
        """As ``contractkit lint`` exits: 2 a file unreadable, 1 a finding ≥ ``fail_on`` (unless
        ``exit_zero``), else 0."""
        if self.unreadable:
            return 2
        return 1 if not exit_zero and self.worst is not None and self.worst >= fail_on else 0


class _Totals:
    """What a report's summary reads of a LintResult (``counts()``, ``findings()``), from the parts' counts
    and the client's files, so the local report's own code writes the summary."""

    def __init__(self, slots: list[FileResult | Part]) -> None:
        self.files: list[FileResult] = []
        self._skipped = [f for s in slots if isinstance(s, FileResult) for f in s.findings]
        totals = [0, 0, 0]
        for s in slots:
            for i, n in enumerate(s.counts if isinstance(s, Part) else _counts(s)):
                totals[i] += n
        self._counts = {"error": totals[0], "warning": totals[1], "info": totals[2]}
        self._counts["files"] = len(slots)
        self._counts["unreadable"] = sum(1 for s in slots if isinstance(s, FileResult) and s.error)

    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def findings(self) -> list:
        """The client's files' findings (the skipped entries are among them; the parts hold none)."""
        return self._skipped

    def worst(self) -> Severity | None:
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            if self._counts[str(sev)]:
                return sev
        return None


def assemble(slots: list[FileResult | Part], spec: ReportSpec, rules: dict) -> ClusterReport:
    """The report of ``slots`` (in input order: parts from the workers, FileResults formatted here), byte for
    byte the local report of the same files with ``rules`` (id → rule, the report's order)."""
    totals = _Totals(slots)
    text = {"text": _text, "json": _json, "sarif": _sarif}[spec.fmt](slots, spec, rules, totals)
    return ClusterReport(text, totals.worst(), totals.counts()["unreadable"])


def _text(slots: list, spec: ReportSpec, rules: dict, totals: _Totals) -> str:
    from contractkit.reports.text import _plain

    out = []
    for s in slots:
        if isinstance(s, Part):
            out.append(s.text)
        else:
            out.extend(t for t, _ in _plain(LintResult(files=[s]), spec.lang)[:-1])
    out.append(_plain(totals, spec.lang)[-1][0])  # type: ignore[arg-type]  # the summary line
    return "\n".join(out) + "\n"


def _framed(frame: dict, parts: list[str], slot: list) -> str:
    """``frame`` dumped as the local report dumps it, with ``parts`` (already indented) as the items of the
    list ``slot`` (a list inside ``frame``)."""
    if not parts:
        slot.clear()
        return json.dumps(frame, ensure_ascii=False, indent=2) + "\n"
    slot[:] = [_SLOT]
    marker = json.dumps(_SLOT, ensure_ascii=False)
    head, _, tail = json.dumps(frame, ensure_ascii=False, indent=2).partition(marker)
    head = head[: head.rindex("\n") + 1]  # the marker's indentation goes: the parts bring their own
    return head + ",\n".join(parts) + tail + "\n"


def _json(slots: list, spec: ReportSpec, rules: dict, totals: _Totals) -> str:
    from contractkit.reports.json import to_dict

    parts = [
        s.text if isinstance(s, Part) else _indented(to_dict(LintResult(files=[s]), spec.lang)["files"][0], 2)
        for s in slots
    ]
    frame = to_dict(LintResult(files=[]), spec.lang)
    frame["summary"] = totals.counts()
    return _framed(frame, parts, frame["files"])


def _sarif(slots: list, spec: ReportSpec, rules: dict, totals: _Totals) -> str:
    from contractkit.reports.sarif import to_dict

    own = [s for s in slots if isinstance(s, FileResult)]
    frame = to_dict(LintResult(files=own), rules, spec.lang)  # the rules, pseudo-rules and notifications
    results = iter(frame["runs"][0]["results"])
    parts = []
    for s in slots:
        if isinstance(s, Part):
            if s.text:
                parts.append(s.text)
        else:
            parts.extend(_indented(next(results), 4) for _ in s.findings)
    return _framed(frame, parts, frame["runs"][0]["results"])
