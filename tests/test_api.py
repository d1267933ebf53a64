"""The public API in ``contractkit``: lazy, typed, documented, equal to the CLI."""

from __future__ import annotations

import inspect
import json
import os
import pkgutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

import contractkit
from contractkit.cli import main

HEAVY = ("docx", "docxtpl", "lxml", "pypdfium2", "jsonschema", "opencc", "jinja2", "rich", "pdfplumber")
DRAFT = "第一条 标的\n甲方向乙方采购办公家具一批。\n第二条 付款\n甲方视情况付款。\n"


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    ).stdout


def test_import_loads_no_heavy_module() -> None:
    out = _run(f"import sys, contractkit; print([m for m in {HEAVY!r} if m in sys.modules])")
    assert out.strip() == "[]"


def test_help_loads_no_heavy_module_and_is_fast() -> None:
    code = (
        "import sys, time; t=time.perf_counter(); from contractkit.cli import main; rc = main(['--help']); "
        f"print(); print([m for m in {HEAVY!r} if m in sys.modules], time.perf_counter()-t)"
    )
    last = _run(code).strip().splitlines()[-1]
    heavy, seconds = last.rsplit(" ", 1)
    assert heavy == "[]" and float(seconds) < 2.0  # ≈ 0.1 s alone; generous for a busy 2-core CI box


def test_every_public_name_resolves_typed_and_documented() -> None:
    for name in contractkit.__all__:
        if name == "__version__":
            continue
        value = getattr(contractkit, name)
        assert value.__doc__, name
        if inspect.isfunction(value):
            hints = inspect.signature(value)
            assert hints.return_annotation is not inspect.Signature.empty, name
            assert all(p.annotation is not inspect.Parameter.empty for p in hints.parameters.values()), name
    assert set(contractkit.__all__) <= set(dir(contractkit))
    with pytest.raises(AttributeError):
        contractkit.no_such_name  # noqa: B018


def test_no_public_name_is_shadowed_by_a_submodule() -> None:
    """``import contractkit.lint`` rebinds ``contractkit.lint``: an API name must never equal a submodule."""
    submodules = {m.name for m in pkgutil.iter_modules(contractkit.__path__)}
    assert not submodules & set(contractkit.__all__)
    import importlib

    importlib.import_module("contractkit.annotate")  # the submodules the API names resemble
    importlib.import_module("contractkit.lint")
    assert callable(contractkit.lint_paths) and callable(contractkit.annotate_docx)


def test_lint_paths_equals_the_cli(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d.txt").write_text(DRAFT, encoding="utf-8")
    api = contractkit.report(contractkit.lint_paths("d.txt"), "json", lang="en")
    assert main(["lint", "d.txt", "--format", "json", "--lang", "en"]) == 1
    assert json.loads(capsys.readouterr().out) == json.loads(api)


def test_lint_text_and_document_agree() -> None:
    from contractkit.readers.text import document_from_text

    by_text = [(f.rule, f.snippet) for f in contractkit.lint_text(DRAFT)]
    by_doc = [(f.rule, f.snippet) for f in contractkit.lint_document(document_from_text(DRAFT))]
    assert by_text == by_doc and ("subject/vague-quantity", "甲方向乙方采购办公家具一批。") in by_text


def test_settings_as_dict_select(tmp_path: Path) -> None:
    found = contractkit.lint_text(DRAFT, settings={"select": ["subject"]})
    assert found and {f.rule.split("/")[0] for f in found} == {"subject"}
    with pytest.raises(contractkit.ContractkitError):
        contractkit.lint_text(DRAFT, settings={"no_such_setting": 1})


def test_baseline_through_the_api(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d.txt").write_text(DRAFT, encoding="utf-8")
    first = contractkit.lint_paths("d.txt")
    assert contractkit.write_baseline(first, "b.json") == len(first.findings()) > 0
    assert contractkit.lint_paths("d.txt", baseline="b.json").findings() == []


def test_validate_takes_a_path_or_a_deal() -> None:
    bad = ROOT / "samples" / "invalid" / "bad-credit-code.json"
    by_path = contractkit.validate(bad)
    assert [p.pointer for p in by_path] == ["/buyer/credit_code"]
    assert contractkit.validate(contractkit.load(bad)) == by_path


def test_render_deal_refuses_invalid_data(tmp_path: Path) -> None:
    with pytest.raises(contractkit.ContractkitError):
        contractkit.render_deal(ROOT / "samples" / "invalid" / "bad-credit-code.json", tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_render_then_read_back(tmp_path: Path) -> None:
    (out,) = contractkit.render_deal(ROOT / "samples" / "quote-office.json", tmp_path / "q.docx")
    doc = contractkit.read(out)
    assert doc.kind == "docx" and any("报价" in b.text for b in doc.blocks)


def test_extract_path_document_and_text_agree(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text(DRAFT, encoding="utf-8")
    from_path = contractkit.extract(p).to_data()
    from_doc = contractkit.extract(contractkit.read(p)).to_data()
    assert from_path == from_doc
    assert contractkit.extract_text(DRAFT) is not None


def test_annotate_docx_lints_when_no_findings_given(tmp_path: Path) -> None:
    src = ROOT / "samples" / "drafts" / "defective-sales-contract.docx"
    before = src.read_bytes()
    n = contractkit.annotate_docx(src, tmp_path / "r.docx", lang="en")
    assert n > 0 and (tmp_path / "r.docx").is_file() and src.read_bytes() == before


def test_check_templates_reports_like_the_cli(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    started = time.perf_counter()
    report = contractkit.check_templates(samples=ROOT / "samples")
    assert report.templates and report.exit_code == main(["templates", "check", "--format", "json"])
    assert time.perf_counter() - started < 120
