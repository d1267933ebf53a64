"""Baselines: record today's findings by fingerprint, later report only the new ones.

A baseline file is JSON ``{"version": 1, "tool": "contractkit", "entries": [{fingerprint, rule, path,
snippet}, …]}``. Fingerprints (:meth:`Finding.fingerprint` over the path relative to the working
directory) ignore position, so a finding stays known when unrelated text moves. Entries are matched as a
multiset: two identical findings need two entries.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from contractkit.findings import FileResult, LintResult

VERSION = 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded finding."""

    fingerprint: str
    rule: str
    path: str
    snippet: str = ""


@dataclass(slots=True)
class BaselineOutcome:
    """What applying a baseline did: the findings it hid and the entries that matched nothing."""

    hidden: int = 0
    stale: list[Entry] = field(default_factory=list)


def entries(result: LintResult) -> list[Entry]:
    """The baseline entries for every finding of ``result``."""
    from contractkit.reports.sarif import relative_uri

    out: list[Entry] = []
    for fr in result.files:
        uri = relative_uri(fr.path)
        out.extend(Entry(f.fingerprint(uri), f.rule, uri, f.snippet) for f in fr.findings)
    return out


def write_baseline(result: LintResult, path: str | Path) -> int:
    """Write the baseline of ``result`` to ``path`` (atomically); returns the number of entries."""
    from contractkit.fileio import atomic_write

    items = entries(result)
    data = {
        "version": VERSION,
        "tool": "contractkit",
        "entries": [
            {"fingerprint": e.fingerprint, "rule": e.rule, "path": e.path, "snippet": e.snippet}
            for e in items
        ],
    }
    atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return len(items)


def load_baseline(path: str | Path) -> list[Entry]:
    """Read a baseline file; a missing or malformed one raises UnreadableInput."""
    from contractkit.errors import UnreadableInput
    from contractkit.fileio import read_bounded

    name = str(path)
    try:
        data = json.loads(read_bounded(path).decode("utf-8"))
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise ValueError(f"expected a contractkit baseline, version {VERSION}")
        return [
            Entry(
                str(e["fingerprint"]),
                str(e.get("rule", "")),
                str(e.get("path", "")),
                str(e.get("snippet", "")),
            )
            for e in data["entries"]
        ]
    except UnreadableInput:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UnreadableInput(
            f"not a readable baseline ({exc})", path=name, hint="write one with --write-baseline FILE"
        ) from None


def apply_baseline(result: LintResult, known: list[Entry]) -> tuple[LintResult, BaselineOutcome]:
    """``result`` without the findings in ``known``, and which entries (of the files linted now) no longer
    match any finding."""
    from contractkit.reports.sarif import relative_uri

    budget = Counter(e.fingerprint for e in known)
    outcome = BaselineOutcome()
    files: list[FileResult] = []
    for fr in result.files:
        uri = relative_uri(fr.path)
        keep = []
        for f in fr.findings:
            fp = f.fingerprint(uri)
            if budget[fp] > 0:
                budget[fp] -= 1
                outcome.hidden += 1
            else:
                keep.append(f)
        files.append(FileResult(path=fr.path, findings=keep, error=fr.error))
    linted = {relative_uri(fr.path) for fr in result.files if not fr.error}
    for e in known:
        if e.path in linted and budget[e.fingerprint] > 0:
            budget[e.fingerprint] -= 1
            outcome.stale.append(e)
    return LintResult(files=files), outcome
