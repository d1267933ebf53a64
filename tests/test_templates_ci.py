"""``templates check``: a copy of a bundled template broken in each way fails with the right message;
the bundled templates pass against the committed snapshots."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.findings import Severity
from contractkit.render.docx import BUNDLED
from contractkit.reports import FORMATS
from contractkit.templates_ci import check_templates, snapshot_text, used_paths

REPO = Path(__file__).resolve().parent.parent
SNAPSHOTS = REPO / "tests" / "snapshots"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _rewrite(path: Path, edit) -> None:
    """Apply ``edit(lxml root)`` to word/document.xml of the .docx at ``path``."""
    from lxml import etree

    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info)) for info in zin.infolist()]
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in members:
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)
    out.replace(path)


def _replace_text(old: str, new: str):
    def edit(root) -> None:
        hits = 0
        for t in root.iter(f"{_W}t"):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                hits += 1
        assert hits, f"{old!r} not found in the template"

    return edit


def _drop_section(start: str, stop: str):
    """Delete the body paragraphs from the one containing ``start`` up to (not including) ``stop``."""

    def edit(root) -> None:
        body = root.find(f"{_W}body")
        dropping, dropped = False, 0
        for p in list(body):
            text = "".join(t.text or "" for t in p.iter(f"{_W}t"))
            if start in text:
                dropping = True
            elif stop in text:
                dropping = False
            if dropping:
                body.remove(p)
                dropped += 1
        assert dropped, f"no paragraph with {start}"

    return edit


@pytest.fixture
def contract_copy(tmp_path: Path) -> Path:
    """A folder holding a copy of the bundled sales contract template."""
    folder = tmp_path / "templates"
    folder.mkdir()
    shutil.copy(BUNDLED / "sales_contract.docx", folder / "sales_contract.docx")
    return folder


def _check(folder: Path, samples_dir: Path, **kw):
    return check_templates(folder, samples=samples_dir, snapshots=kw.pop("snapshots", SNAPSHOTS), **kw)


def _by_rule(report, rule: str) -> list:
    return [f for f in report.result.findings() if f.rule == rule]


def test_bundled_templates_pass(samples_dir: Path) -> None:
    report = check_templates(samples=samples_dir, snapshots=SNAPSHOTS)
    assert sorted(Path(t).name for t in report.templates) == ["quote.docx", "sales_contract.docx"]
    assert not any(fr.error for fr in report.result.files)
    assert [f for f in report.result.findings() if f.rule.startswith("templates/")] == []
    assert [f for f in report.result.findings() if f.severity >= Severity.ERROR] == []
    rendered = [fr.path for fr in report.result.files if "::" in fr.path]
    assert len(rendered) == 4  # 1 quote sample, 3 contract samples
    assert report.exit_code == 0, [f for f in report.result.findings() if f.severity >= Severity.WARNING]


def test_unchanged_copy_passes(contract_copy: Path, samples_dir: Path) -> None:
    report = _check(contract_copy, samples_dir)
    assert report.exit_code == 0, report.result.findings()


def test_bad_tag_is_reported_with_place_and_tag(contract_copy: Path, samples_dir: Path) -> None:
    _rewrite(contract_copy / "sales_contract.docx", _replace_text("{%p if deposit %}", "{%p iff deposit %}"))
    report = _check(contract_copy, samples_dir)
    (syntax,) = _by_rule(report, "templates/syntax")
    assert "iff" in syntax.message_en and "{%p iff deposit %}" in syntax.snippet
    assert syntax.location.paragraph is not None  # the paragraph of the template that holds the tag
    assert "paragraph" in syntax.message_en
    assert report.exit_code == 1
    assert _by_rule(report, "templates/render") == []  # nothing is rendered from a broken template


def test_broken_tag_in_a_table_cell_names_the_cell(contract_copy: Path, samples_dir: Path) -> None:
    _rewrite(contract_copy / "sales_contract.docx", _replace_text("{{ it.net }}", "{{ it.net + }}"))
    report = _check(contract_copy, samples_dir)
    (syntax,) = _by_rule(report, "templates/syntax")
    assert syntax.location.table is not None and syntax.location.cell is not None
    assert syntax.snippet == "{{ it.net + }}"


def test_misspelled_variable_suggests_the_nearest_path(contract_copy: Path, samples_dir: Path) -> None:
    _rewrite(contract_copy / "sales_contract.docx", _replace_text("{{ buyer.name }}", "{{ buyer.nmae }}"))
    report = _check(contract_copy, samples_dir)
    unknown = _by_rule(report, "templates/unknown-variable")
    assert unknown and all("buyer.nmae" in f.message_en for f in unknown)
    assert "did you mean buyer.name?" in unknown[0].message_en
    assert unknown[0].snippet == "{{ buyer.nmae }}"
    assert len(_by_rule(report, "templates/render")) == 3  # every contract sample fails to render
    assert report.exit_code == 1


def test_misspelled_loop_variable_resolves_through_the_loop(contract_copy: Path, samples_dir: Path) -> None:
    _rewrite(contract_copy / "sales_contract.docx", _replace_text("{{ it.net }}", "{{ it.nett }}"))
    report = _check(contract_copy, samples_dir)
    (unknown,) = _by_rule(report, "templates/unknown-variable")
    assert "items[].nett" in unknown.message_en and "items[].net?" in unknown.message_en
    assert unknown.location.table is not None


def test_removed_clause_fails_snapshot_and_lint(contract_copy: Path, samples_dir: Path) -> None:
    _rewrite(
        contract_copy / "sales_contract.docx",
        _drop_section("第六条 违约责任", "第七条 不可抗力"),
    )
    report = _check(contract_copy, samples_dir)
    diffs = _by_rule(report, "templates/snapshot-diff")
    assert len(diffs) == 3
    assert "-第六条 违约责任" in diffs[0].message_en
    penalty = [f for f in report.result.findings() if f.rule.startswith("penalty/")]
    assert penalty, "the lint rules see the lost breach clause"
    assert report.exit_code == 1


def test_changed_wording_shows_a_unified_diff(contract_copy: Path, samples_dir: Path) -> None:
    _rewrite(contract_copy / "sales_contract.docx", _replace_text("持续超过60日", "持续超过90日"))
    report = _check(contract_copy, samples_dir)
    diffs = _by_rule(report, "templates/snapshot-diff")
    assert len(diffs) == 3
    msg = diffs[0].message_en
    assert "@@" in msg and re.search(r"^-7\.3 .*60日", msg, re.M) and re.search(r"^\+7\.3 .*90日", msg, re.M)
    assert diffs[0].snippet.startswith("-7.3")
    assert report.exit_code == 1


def test_update_rewrites_snapshots_then_passes(
    contract_copy: Path, samples_dir: Path, tmp_path: Path
) -> None:
    snaps = tmp_path / "snaps"
    missing = _check(contract_copy, samples_dir, snapshots=snaps)
    assert len(_by_rule(missing, "templates/snapshot-missing")) == 3
    _rewrite(contract_copy / "sales_contract.docx", _replace_text("持续超过60日", "持续超过90日"))
    updated = _check(contract_copy, samples_dir, snapshots=snaps, update=True)
    assert len(updated.updated) == 3
    text = (snaps / "sales_contract" / "contract-equipment.txt").read_text("utf-8")
    assert "持续超过90日" in text and "{{" not in text
    assert _check(contract_copy, samples_dir, snapshots=snaps).exit_code == 0


def test_snapshot_matches_committed_file(samples_dir: Path) -> None:
    from contractkit.readers.text import document_from_text

    committed = (SNAPSHOTS / "sales_contract" / "contract-equipment.txt").read_text("utf-8")
    assert committed.endswith("\n") and "违约责任" in committed
    assert snapshot_text(document_from_text("甲\n\n乙").blocks) == "甲\n乙\n"


def test_cli_exit_codes_and_json(contract_copy: Path, samples_dir: Path, capsys) -> None:
    args = ["templates", "check", str(contract_copy), "--samples", str(samples_dir)]
    args += ["--snapshots", str(SNAPSHOTS), "--format", "json", "--lang", "en"]
    assert main(args) == 0
    capsys.readouterr()
    _rewrite(contract_copy / "sales_contract.docx", _replace_text("{{ buyer.name }}", "{{ buyer.nmae }}"))
    assert main(args) == 1
    data = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for fr in data["files"] for f in fr["findings"]}
    assert {"templates/unknown-variable", "templates/render"} <= rules
    for fmt in ("sarif", "junit", "github"):  # every lint format takes the template findings
        if fmt in FORMATS:
            assert main([*args[:-4], "--format", fmt]) == 1
            assert "templates/unknown-variable" in capsys.readouterr().out
    assert main(["templates", "check", str(contract_copy / "nope")]) == 2


def test_unreadable_template_exits_2(tmp_path: Path, samples_dir: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    report = check_templates(tmp_path, samples=samples_dir, snapshots=tmp_path)
    assert report.exit_code == 2


_IDENT = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(
    lambda s: (
        s not in {"loop", "range", "dict", "true", "false", "none", "in", "if", "or", "and", "not", "is"}
    )
)


@given(_IDENT, _IDENT, _IDENT)
def test_loop_variables_resolve_to_their_list(seq: str, var: str, attr: str) -> None:
    from contractkit.render.env import make_env

    if var == seq:
        return
    src = f"{{% for {var} in {seq} %}}{{{{ {var}.{attr} }}}}{{{{ loop.index }}}}{{% endfor %}}"
    paths = {p for p, _ in used_paths(make_env().parse(src))}
    assert paths == {seq, f"{seq}[].{attr}"}


def test_filter_arguments_and_conditions_are_read() -> None:
    from contractkit.render.env import make_env

    src = "{{ a.b|default(c.d) }}{% if e['f'] %}{{ g[0].h }}{% endif %}{% set x = 1 %}{{ x }}"
    paths = {p for p, _ in used_paths(make_env().parse(src))}
    assert paths == {"a.b", "c.d", "e.f", "g[].h"}
