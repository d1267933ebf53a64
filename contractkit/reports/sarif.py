"""The SARIF 2.1.0 report, as GitHub code scanning reads it.

One run; ``tool.driver.rules`` documents every rule (basis in the help text); each result carries
``ruleId``, ``level``, ``message``, a location relative to the working directory (``startLine`` = line or
paragraph number; PDF page and the full Location in ``properties``) and ``partialFingerprints`` from
:meth:`Finding.fingerprint`, which ignore position so results stay matched when unrelated text moves.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from contractkit import __version__
from contractkit.checks.base import Rule
from contractkit.findings import Finding, LintResult, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def relative_uri(path: str) -> str:
    """``path`` relative to the working directory as a forward-slash URI (absolute outside of it)."""
    p = Path(path)
    try:
        rel = Path(os.path.relpath(p.resolve(), Path.cwd().resolve()))
    except ValueError:  # another drive on Windows
        return p.resolve().as_uri()
    if rel.parts and rel.parts[0] == "..":
        return p.resolve().as_uri()
    from urllib.parse import quote

    return quote(rel.as_posix(), safe="/")


def display_path(path: str) -> str:
    """``path`` relative to the working directory with forward slashes (absolute outside of it)."""
    p = Path(path).resolve()
    try:
        rel = Path(os.path.relpath(p, Path.cwd().resolve()))
    except ValueError:
        return p.as_posix()
    return p.as_posix() if rel.parts and rel.parts[0] == ".." else rel.as_posix()


def _rule(r: Rule, lang: str) -> dict[str, Any]:
    zh = lang == "zh"
    title, why = (r.title, r.why) if zh else (r.title_en, r.why_en)
    basis = ("法律依据：" if zh else "Legal basis: ") + r.basis if r.basis else ""
    fix = ("修改建议：" if zh else "Fix: ") + r.fix if r.fix else ""
    help_text = "\n\n".join(x for x in (why, basis, fix) if x)
    return {
        "id": r.id,
        "name": "".join(w.capitalize() for w in r.id.replace("/", "-").split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": why or title},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {"tags": [r.family, "contract"], "basis": r.basis},
    }


def _pseudo_rule(rule_id: str, severity: Severity) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": "".join(w.capitalize() for w in rule_id.replace("/", "-").split("-")),
        "shortDescription": {"text": rule_id},
        "defaultConfiguration": {"level": LEVEL[severity]},
    }


def _result(f: Finding, uri: str, index: dict[str, int], lang: str) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(1, f.location.start_line)}
    if f.snippet:
        region["snippet"] = {"text": f.snippet}
    props: dict[str, Any] = {"location": f.location.to_dict(), "where": f.location.describe(lang)}
    if f.location.page is not None:
        props["page"] = f.location.page
    if f.basis:
        props["basis"] = f.basis
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity],
        "message": {"text": f.text(lang)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {"contractkitFingerprint/v1": f.fingerprint(uri)},
        "properties": props,
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    return out


def to_dict(result: LintResult, rules: dict[str, Rule], lang: str = "zh") -> dict[str, Any]:
    """The SARIF log as plain data."""
    descriptors = [_rule(r, lang) for r in rules.values()]
    seen = {r.id for r in rules.values()}
    for f in result.findings():  # pseudo-rules (internal/…, meta/…) need a descriptor too
        if f.rule not in seen:
            seen.add(f.rule)
            descriptors.append(_pseudo_rule(f.rule, f.severity))
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for fr in result.files:
        uri = relative_uri(fr.path)
        if fr.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": fr.error},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
        results.extend(_result(f, uri, index, lang) for f in fr.findings)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "contractkit",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: LintResult, rules: dict[str, Rule], lang: str = "zh") -> str:
    """The SARIF log text (UTF-8 JSON)."""
    return json.dumps(to_dict(result, rules, lang), ensure_ascii=False, indent=2) + "\n"
