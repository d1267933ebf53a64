"""The JSON report: ``{"version": 1, "files": [...], "summary": {...}}`` — a shape other tools read."""

from __future__ import annotations

import json
from typing import Any

from contractkit.checks.base import Rule
from contractkit.findings import Finding, LintResult


def _finding(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": str(f.severity),
        "message": f.text(lang),
        "location": f.location.to_dict(),
        "snippet": f.snippet,
    }


def to_dict(result: LintResult, lang: str = "zh") -> dict[str, Any]:
    """The report as plain data (messages in ``lang``)."""
    return {
        "version": 1,
        "files": [
            {"path": fr.path, "findings": [_finding(f, lang) for f in fr.findings], "error": fr.error}
            for fr in result.files
        ],
        "summary": result.counts(),
    }


def render(result: LintResult, rules: dict[str, Rule], lang: str = "zh") -> str:
    """The JSON report text (UTF-8, not ASCII-escaped, indented)."""
    return json.dumps(to_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
