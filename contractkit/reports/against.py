"""The report of ``lint theirs --against ours``: new findings first, then the changed clauses no rule
flagged; as text or JSON (other formats get the new findings only, as a plain lint result)."""

from __future__ import annotations

import json
from typing import Any

from contractkit.against import AgainstReport
from contractkit.findings import FileResult, LintResult


def new_result(report: AgainstReport, path: str) -> LintResult:
    """The new findings as a lint result of one file (for SARIF, JUnit, GitHub)."""
    return LintResult(files=[FileResult(path=path, findings=list(report.new))])


def to_text(report: AgainstReport, theirs: str, rules: dict, lang: str = "zh") -> str:
    """Three parts: findings the counterparty introduced, how many were already ours, unflagged changes."""
    from contractkit.compare.align import Comparison
    from contractkit.compare.report import to_text as changes_text
    from contractkit.reports import FORMATS

    zh = lang == "zh"
    out = [
        f"== 对方版本新增的问题（{len(report.new)} 条）"
        if zh
        else f"== introduced by their version ({len(report.new)})"
    ]
    out.append(FORMATS["text"](new_result(report, theirs), rules, lang).rstrip())
    out.append(
        f"== 我方版本已有的问题：{len(report.old)} 条（--format json 列出）"
        if zh
        else f"== already in our version: {len(report.old)} (listed by --format json)"
    )
    out.append(
        f"== 对方修改但未触发任何规则的条款（{len(report.unflagged)} 处，请人工阅读）"
        if zh
        else f"== changed by them with no finding ({len(report.unflagged)}; read them)"
    )
    if report.unflagged and report.comparison is not None:
        c = report.comparison
        only = Comparison(c.ours, c.theirs, changes=list(report.unflagged))
        out.append(changes_text(only, lang).rstrip())
    return "\n".join(out) + "\n"


def to_data(report: AgainstReport, theirs: str, ours: str, lang: str = "zh") -> dict[str, Any]:
    """The report as JSON-ready data."""
    from contractkit.compare.report import to_data as changes_data
    from contractkit.reports.json import _finding

    unflagged: list[Any] = []
    if report.comparison is not None:
        all_changes = changes_data(report.comparison)["changes"]
        keep = {id(c) for c in report.unflagged}
        unflagged = [d for c, d in zip(report.comparison.changes, all_changes, strict=True) if id(c) in keep]
    return {
        "version": 1,
        "theirs": theirs,
        "ours": ours,
        "new": [_finding(f, lang) for f in report.new],
        "old": [_finding(f, lang) for f in report.old],
        "unflagged_changes": unflagged,
    }


def render(
    report: AgainstReport, theirs: str, ours: str, rules: dict, fmt: str, lang: str = "zh", **options: Any
) -> str:
    """The report in ``fmt`` (text and json have their own shape; the others report the new findings)."""
    from contractkit.reports import FORMATS

    if fmt == "text":
        return to_text(report, theirs, rules, lang)
    if fmt == "json":
        return json.dumps(to_data(report, theirs, ours, lang), ensure_ascii=False, indent=2) + "\n"
    return FORMATS[fmt](new_result(report, theirs), rules, lang, **options)
