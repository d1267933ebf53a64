"""Baselines: record today's findings by fingerprint, later report only the new ones.

A baseline file is JSON ``{"version": 1, "tool": "contractkit", "entries": [{fingerprint, rule, path,
snippet}, …]}``. Fingerprints (:meth:`Finding.fingerprint` over the path relative to the working
directory) ignore position, so a finding stays known when unrelated text moves. Entries are matched as a
multiset: two identical findings need two entries. Folder entries lint left out (``meta/skipped``) are never
recorded nor hidden. :func:`use_baseline` is what ``lint --baseline`` and the Python API call.
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

    def describe(self, lang: str = "zh") -> list[str]:
        """What the baseline did, as lines for stderr: findings hidden, then each stale entry."""
        zh = lang == "zh"
        lines = [
            f"基线：隐藏了 {self.hidden} 个已知问题"
            if zh
            else f"baseline: {self.hidden} known finding(s) hidden"
        ]
        if self.stale:
            lines.append(
                f"基线：{len(self.stale)} 条记录已不再匹配（已修改或已修复）："
                if zh
                else f"baseline: {len(self.stale)} entry(ies) no longer match (fixed or changed):"
            )
            lines.extend(f"  {e.path}  {e.rule}  {e.snippet[:60]}" for e in self.stale)
        return lines


def _recordable(rule: str) -> bool:
    from contractkit.lint import SKIPPED

    return rule != SKIPPED


def entries(result: LintResult) -> list[Entry]:
    """The baseline entries for every finding of ``result``."""
    from contractkit.reports.sarif import relative_uri

    out: list[Entry] = []
    for fr in result.files:
        uri = relative_uri(fr.path)
        out.extend(
            Entry(f.fingerprint(uri), f.rule, uri, f.snippet) for f in fr.findings if _recordable(f.rule)
        )
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
            f"not a readable baseline ({exc})",
            path=name,
            hint="write one with --write-baseline FILE",
            zh=f"不是可读取的基线文件（{exc}）",
            hint_zh="请用 --write-baseline FILE 重新生成",
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
            if _recordable(f.rule) and budget[fp] > 0:
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


def use_baseline(result: LintResult, path: str | Path) -> tuple[LintResult, BaselineOutcome]:
    """``result`` without the findings recorded in the baseline file at ``path``, and what that did."""
    return apply_baseline(result, load_baseline(path))
