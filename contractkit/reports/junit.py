"""The JUnit XML report: one test suite per file, one test case per (file, rule).

A case fails when the rule found something at or above ``fail_on`` in that file; findings below it are
listed in ``system-out``. An unreadable file is one case with an ``error``. CI dashboards read this.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from contractkit.checks.base import Rule
from contractkit.findings import Finding, LintResult, Severity
from contractkit.reports.sarif import display_path

#: Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML cannot hold written as a visible escape (``\\x01``)."""
    return _NOT_XML.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )


def _clean(root: ET.Element) -> None:
    for el in root.iter():
        if el.text:
            el.text = xml_safe(el.text)
        for key, value in el.attrib.items():
            el.set(key, xml_safe(value))


def _line(f: Finding, lang: str) -> str:
    return f"{f.location.describe(lang)}: [{f.severity}] {f.text(lang)}" + (
        f"\n    > {f.snippet}" if f.snippet else ""
    )


def to_element(
    result: LintResult, rules: dict[str, Rule], lang: str = "zh", fail_on: Severity = Severity.WARNING
) -> ET.Element:
    """The ``<testsuites>`` element."""
    root = ET.Element("testsuites", name="contractkit")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for fr in result.files:
        uri = display_path(fr.path)
        suite = ET.SubElement(root, "testsuite", name=uri)
        cases: list[tuple[str, list[Finding]]] = []
        if fr.error:
            case = ET.SubElement(suite, "testcase", classname=uri, name="read", file=uri)
            ET.SubElement(case, "error", message=fr.error, type="unreadable").text = fr.error
            counts = {"tests": 1, "failures": 0, "errors": 1}
        else:
            by_rule: dict[str, list[Finding]] = {r: [] for r in rules}
            for f in fr.findings:
                by_rule.setdefault(f.rule, []).append(f)
            cases = list(by_rule.items())
            counts = {"tests": len(cases), "failures": 0, "errors": 0}
        for rule_id, found in cases:
            case = ET.SubElement(suite, "testcase", classname=uri, name=rule_id, file=uri)
            failing = [f for f in found if f.severity >= fail_on]
            if failing:
                counts["failures"] += 1
                first = failing[0]
                fail = ET.SubElement(
                    case,
                    "failure",
                    message=f"{len(failing)} finding(s): {first.text(lang)}",
                    type=str(max(f.severity for f in failing)),
                )
                fail.text = "\n".join(_line(f, lang) for f in failing)
                if first.basis:
                    fail.text += f"\n{'法律依据' if lang == 'zh' else 'Legal basis'}: {first.basis}"
            rest = [f for f in found if f.severity < fail_on]
            if rest:
                ET.SubElement(case, "system-out").text = "\n".join(_line(f, lang) for f in rest)
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
        suite.set("skipped", "0")
    for k, v in totals.items():
        root.set(k, str(v))
    return root


def render(
    result: LintResult, rules: dict[str, Rule], lang: str = "zh", *, fail_on: Severity | str = "warning"
) -> str:
    """The JUnit XML text."""
    root = to_element(result, rules, lang, Severity.parse(fail_on))
    _clean(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
