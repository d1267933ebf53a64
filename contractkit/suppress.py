"""Narrow suppressions written in the draft itself, applied by the lint engine.

A paragraph that holds the note ``contractkit: ignore RULE reason`` — in its text, or in a Word comment
anchored on it (the docx reader puts those in ``Document.meta["comments"]``) — hides that rule's findings
(``RULE`` may be an id or a family) in that paragraph only. :func:`contractkit.lint.lint_document` applies
them, so the CLI, the Python API and ``templates check`` all get them without reading a file twice:

- a marker without a reason hides nothing and becomes a ``meta/suppression-without-reason`` warning;
- a marker that hid nothing (of the rules that ran) becomes a ``meta/unused-suppression`` warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from contractkit.findings import Finding, Severity
from contractkit.readers.model import Document, Location

MARKER = re.compile(
    r"contractkit\s*[:：]\s*ignore\s+(?P<rule>[a-z]+(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?)(?P<reason>[^\n]*)", re.I
)
UNUSED = "meta/unused-suppression"
NO_REASON = "meta/suppression-without-reason"
_HINT = "写明理由，例如“contractkit: ignore penalty/deposit-over-limit 客户为关联方，经法务确认”"


@dataclass(frozen=True, slots=True)
class Suppression:
    """One marker: the rule (id or family) it names, its reason, and the paragraph it applies to."""

    rule: str
    reason: str
    location: Location
    text: str
    source: str = "text"  # "text" or "comment"

    def names(self, rule_id: str) -> bool:
        """True when this marker names ``rule_id`` (the id itself or its family)."""
        return rule_id == self.rule or rule_id.split("/")[0] == self.rule

    def covers(self, f: Finding) -> bool:
        """True when ``f`` is this marker's rule in this marker's paragraph."""
        return f.location == self.location and self.names(f.rule)


def parse_markers(text: str) -> list[tuple[str, str, str]]:
    """``(rule, reason, marker text)`` for every marker in ``text``."""
    out = []
    for m in MARKER.finditer(text):
        reason = m.group("reason").strip(" \t:：-—,，;；。.()（）")
        out.append((m.group("rule").lower(), reason, m.group(0).strip()))
    return out


def document_markers(doc: Document) -> list[Suppression]:
    """Every marker of a read document: in block text, and in the Word comments the reader kept."""
    out = [
        Suppression(rule, reason, b.location, text)
        for b in doc.blocks
        if "contractkit" in b.text.lower()
        for rule, reason, text in parse_markers(b.text)
    ]
    for index, body in doc.meta.get("comments", ()):
        if 0 <= index < len(doc.blocks):
            loc = doc.blocks[index].location
            out.extend(Suppression(r, why, loc, text, "comment") for r, why, text in parse_markers(body))
    return out


def find_suppressions(path: str | Path, max_bytes: int | None = None) -> list[Suppression]:
    """Every suppression marker in the draft at ``path`` (reads it once, as lint does)."""
    from contractkit.readers.dispatch import read_document

    return document_markers(read_document(path, **({"max_bytes": max_bytes} if max_bytes else {})))


def _meta(rule: str, s: Suppression, zh: str, en: str) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        message=zh,
        message_en=en,
        location=s.location,
        snippet=s.text,
        hint=_HINT,
    )


def apply_markers(
    findings: list[Finding], marks: list[Suppression], ran: Iterable[str] | None = None
) -> list[Finding]:
    """``findings`` without the suppressed ones, plus a finding per marker without a reason or unused.

    ``ran`` are the ids of the rules that ran: a marker naming none of them is not called unused (a
    ``--select`` run says nothing about the rules it skipped). Default: every marker is judged.
    """
    ran_ids = None if ran is None else list(ran)
    used: set[int] = set()
    keep: list[Finding] = []
    for f in findings:
        hit = next((i for i, s in enumerate(marks) if s.reason and s.covers(f)), None)
        if hit is None:
            keep.append(f)
        else:
            used.add(hit)
    for i, s in enumerate(marks):
        if not s.reason:
            zh = f"忽略标记“{s.text}”没有写明理由，未生效"
            keep.append(_meta(NO_REASON, s, zh, f"suppression {s.text!r} gives no reason and is not applied"))
        elif i not in used and (ran_ids is None or any(s.names(r) for r in ran_ids)):
            zh = f"忽略标记“{s.text}”在本段没有可忽略的 {s.rule} 问题，可以删除"
            en = f"suppression {s.text!r} matches no {s.rule} finding in its paragraph; remove it"
            keep.append(_meta(UNUSED, s, zh, en))
    return keep
