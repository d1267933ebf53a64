"""``lint theirs --against ours``: which findings the counterparty's version introduced, and which clauses
they changed without any finding (for a person to read).

Both versions are linted with the same rules and compared clause by clause (:mod:`contractkit.compare`). A
finding of theirs is *new* when our version has no finding of the same rule quoting the same words, or when
it sits in a clause they changed; the rest were already in ours. A changed clause none of their findings
touches is listed as *unflagged*: a human reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from contractkit.compare.align import Change, Comparison
from contractkit.findings import Finding


@dataclass
class AgainstReport:
    """The counterparty's version read against ours."""

    new: list[Finding] = field(default_factory=list)
    old: list[Finding] = field(default_factory=list)
    unflagged: list[Change] = field(default_factory=list)
    comparison: Comparison | None = None


def _key(f: Finding) -> tuple[str, str]:
    from contractkit.readers.normalize import normalize

    return f.rule, "".join(normalize(f.snippet).split())


def _touches(f: Finding, change: Change) -> bool:
    return any(u.location.index == f.location.index for u in change.theirs)


def lint_against(theirs: str | Path, ours: str | Path, settings=None, *, rules=None) -> AgainstReport:
    """Lint both versions and sort the counterparty's findings into new and already ours."""
    from contractkit.compare import compare_documents
    from contractkit.config import Settings
    from contractkit.lint import lint_document
    from contractkit.readers.dispatch import read_document

    settings = Settings.resolve(settings)
    max_bytes = settings.max_input_mb * 1024 * 1024
    doc_t = read_document(str(theirs), max_bytes=max_bytes)
    doc_o = read_document(str(ours), max_bytes=max_bytes)
    found_t = lint_document(doc_t, settings, rules=rules)
    found_o = lint_document(doc_o, settings, rules=rules)
    comparison = compare_documents(doc_o, doc_t)
    ours_keys = {_key(f) for f in found_o}
    changed = [c for c in comparison.changes if c.theirs]
    report = AgainstReport(comparison=comparison)
    for f in found_t:
        in_change = f.location.index != 0 and any(_touches(f, c) for c in changed)
        if in_change or _key(f) not in ours_keys:
            report.new.append(f)
        else:
            report.old.append(f)
    report.unflagged = [
        c for c in comparison.changes if not any(_touches(f, c) for f in found_t) and c.kind != "moved"
    ]
    return report
