"""What the docs tell a newcomer to run is safe and true: install name, pre-commit hooks, no placeholders."""

from __future__ import annotations

import re
import subprocess
import tomllib

from conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _hooks() -> dict[str, dict[str, str]]:
    """The hooks of .pre-commit-hooks.yaml as {id: {key: value}} (flat keys; no YAML library needed)."""
    hooks: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r"^(- |  )(\w+): (.*)$", line)
        assert m, f"unexpected line {line!r}"
        if m.group(1) == "- ":
            current = hooks.setdefault(m.group(3), {})
        assert current is not None
        current[m.group(2)] = m.group(3)
    return hooks


def test_distribution_name_is_not_the_pypi_stranger() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "contractkit-cn"
    assert project["scripts"] == {"contractkit": "contractkit.cli:entry"}


def test_no_doc_says_pip_install_contractkit() -> None:
    bad = re.compile(r"pip install\s+(-U\s+)?contractkit(?![-_\w])")
    for doc in DOCS:
        for line in doc.read_text(encoding="utf-8").splitlines():
            if bad.search(line):
                assert "Never" in line or "never" in line, f"{doc.name}: {line}"


def test_docs_have_no_placeholder_urls() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in [*DOCS, ROOT / ".pre-commit-hooks.yaml"])
    assert "<this repository" not in text and "example.com" not in text and "<tag>" not in text


def test_lint_hook_defaults_to_a_contracts_folder() -> None:
    files = re.compile(_hooks()["contractkit-lint"]["files"])
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    hits = [p for p in tracked.splitlines() if files.search(p)]
    assert hits == [], f"the default hook would lint this repository's own files: {hits[:5]}"
    for path in ("contracts/draft.docx", "contracts/2026/q1/offer.pdf", "contracts/note.md"):
        assert files.search(path), path
    for path in ("README.md", "docs/ci.md", "notes/contracts.md"):
        assert not files.search(path), path


def test_templates_hook_runs_once() -> None:
    hook = _hooks()["contractkit-templates"]
    assert hook["entry"] == "contractkit templates check" and hook["pass_filenames"] == "false"


def test_ci_docs_document_the_hooks_and_install_from_a_wheel() -> None:
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "repo: local" in ci and "files:" in ci and "contractkit_cn-" in ci


def test_sarif_names_no_guessed_project_url() -> None:
    """The SARIF driver carries no informationUri: the project has no public home to point at yet, and a
    guessed GitHub URL would send users to a stranger's account."""
    from contractkit.findings import LintResult
    from contractkit.reports.sarif import to_dict

    driver = to_dict(LintResult(), {})["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver and driver["name"] == "contractkit"
