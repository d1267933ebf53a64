"""Narrow suppressions written in the draft itself.

A paragraph that holds the note ``contractkit: ignore RULE reason`` — in its text, or in a Word comment
anchored on it — hides that rule's findings (``RULE`` may be an id or a family) in that paragraph only.
Applied after linting, over the :class:`~contractkit.findings.LintResult`:

- a marker without a reason hides nothing and becomes a ``meta/suppression-without-reason`` warning;
- a marker that hid nothing becomes a ``meta/unused-suppression`` warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from contractkit.findings import FileResult, Finding, LintResult, Severity
from contractkit.readers.model import Location

MARKER = re.compile(
    r"contractkit\s*[:：]\s*ignore\s+(?P<rule>[a-z]+(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?)(?P<reason>[^\n]*)", re.I
)
UNUSED = "meta/unused-suppression"
NO_REASON = "meta/suppression-without-reason"


@dataclass(frozen=True, slots=True)
class Suppression:
    """One marker: the rule (id or family) it names, its reason, and the paragraph it applies to."""

    rule: str
    reason: str
    location: Location
    text: str
    source: str = "text"  # "text" or "comment"

    def covers(self, f: Finding) -> bool:
        """True when ``f`` is this marker's rule in this marker's paragraph."""
        return f.location == self.location and (f.rule == self.rule or f.rule.split("/")[0] == self.rule)


def parse_markers(text: str) -> list[tuple[str, str, str]]:
    """``(rule, reason, marker text)`` for every marker in ``text``."""
    out = []
    for m in MARKER.finditer(text):
        reason = m.group("reason").strip(" \t:：-—,，;；。.()（）")
        out.append((m.group("rule").lower(), reason, m.group(0).strip()))
    return out


def _might_hold_markers(path: str) -> bool:
    """A cheap probe so files without markers are not read twice (PDFs are always read)."""
    import zipfile

    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".docx":
            with zipfile.ZipFile(path) as zf:
                return any(
                    n.startswith("word/") and n.endswith(".xml") and b"contractkit" in zf.read(n).lower()
                    for n in zf.namelist()
                    if zf.getinfo(n).file_size < 100 * 1024 * 1024
                )
        if suffix == ".pdf":
            return True
        with open(path, "rb") as fh:
            return b"contractkit" in fh.read(64 * 1024 * 1024).lower()
    except (OSError, zipfile.BadZipFile):
        return False


def _comment_markers(path: str, doc_blocks: list) -> list[Suppression]:
    """Markers in Word comments, each on the paragraph its comment is anchored to."""
    import docx

    from contractkit.annotate import iter_paragraphs, location_key

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    document = docx.Document(path)
    try:
        comments = {c.comment_id: c.text for c in document.comments}
    except Exception:  # no comments part
        return []
    by_key = {location_key(b.location): b.location for b in doc_blocks}
    out: list[Suppression] = []
    for key, p in iter_paragraphs(document.element.body):
        ids = {
            el.get(f"{W}id")
            for tag in ("commentRangeStart", "commentReference")
            for el in p.iter(f"{W}{tag}")
        }
        for cid in ids:
            try:
                body = comments.get(int(cid or -1), "")
            except ValueError:
                continue
            loc = by_key.get(key)
            for rule, reason, text in parse_markers(body or ""):
                if loc is not None:
                    out.append(Suppression(rule, reason, loc, text, "comment"))
    return out


def find_suppressions(path: str, max_bytes: int | None = None) -> list[Suppression]:
    """Every suppression marker in the draft at ``path`` (text notes, and Word comments for .docx)."""
    from contractkit.readers.dispatch import read_document

    if not _might_hold_markers(path):
        return []
    doc = read_document(path, **({"max_bytes": max_bytes} if max_bytes else {}))
    out = [
        Suppression(rule, reason, b.location, text)
        for b in doc.blocks
        for rule, reason, text in parse_markers(b.text)
    ]
    if doc.kind == "docx":
        out.extend(_comment_markers(path, doc.blocks))
    return out


def _meta(rule: str, s: Suppression, zh: str, en: str) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        message=zh,
        message_en=en,
        location=s.location,
        snippet=s.text,
        hint="写明理由，例如“contractkit: ignore penalty/deposit-cap 客户为关联方，经法务确认”",
    )


def apply_suppressions(
    result: LintResult, found: dict[str, list[Suppression]] | None = None, max_bytes: int | None = None
) -> LintResult:
    """``result`` with suppressed findings removed and marker problems (no reason, unused) added as findings.

    ``found`` maps a path to its markers; by default each readable file is searched with
    :func:`find_suppressions`.
    """
    from contractkit.errors import ContractkitError

    files: list[FileResult] = []
    for fr in result.files:
        if fr.error:
            files.append(fr)
            continue
        if found is not None:
            marks = found.get(fr.path, [])
        else:
            try:
                marks = find_suppressions(fr.path, max_bytes)
            except (ContractkitError, OSError, ValueError):
                marks = []
        if not marks:
            files.append(fr)
            continue
        used: set[int] = set()
        keep: list[Finding] = []
        for f in fr.findings:
            hit = next((i for i, s in enumerate(marks) if s.reason and s.covers(f)), None)
            if hit is None:
                keep.append(f)
            else:
                used.add(hit)
        for i, s in enumerate(marks):
            if not s.reason:
                keep.append(
                    _meta(
                        NO_REASON,
                        s,
                        f"忽略标记“{s.text}”没有写明理由，未生效",
                        f"suppression {s.text!r} gives no reason and is not applied",
                    )
                )
            elif i not in used:
                keep.append(
                    _meta(
                        UNUSED,
                        s,
                        f"忽略标记“{s.text}”在本段没有可忽略的 {s.rule} 问题，可以删除",
                        f"suppression {s.text!r} matches no {s.rule} finding in its paragraph; remove it",
                    )
                )
        keep.sort(key=lambda f: (f.location.index, f.span[0] if f.span else -1, f.rule))
        files.append(FileResult(path=fr.path, findings=keep, error=None))
    return LintResult(files=files)
