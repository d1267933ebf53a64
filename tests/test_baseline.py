"""Baselines: write today's findings, then report only new ones and the entries that no longer match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractkit.baseline import apply_baseline, load_baseline, write_baseline
from contractkit.cli import main
from contractkit.errors import UnreadableInput
from contractkit.lint import lint_paths

DRAFT = "第一条 标的\n甲方向乙方采购办公家具一批。\n第二条 付款\n甲方视情况付款。\n"


def test_roundtrip_hides_known_reports_new_and_stale(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d.txt").write_text(DRAFT, encoding="utf-8")
    first = lint_paths(["d.txt"])
    assert first.findings()
    n = write_baseline(first, "base.json")
    assert n == len(first.findings())
    known = load_baseline("base.json")
    same, outcome = apply_baseline(lint_paths(["d.txt"]), known)
    assert not same.findings() and outcome.hidden == n and not outcome.stale
    # move text around, fix the payment clause, add a new problem
    Path("d.txt").write_text(
        "前言\n\n第一条 标的\n甲方向乙方采购办公家具一批。\n第二条 付款\n甲方于验收合格后5个工作日内付款。\n"
        "第三条 其他\n乙方另提供会议室配套设备，数量约10套。\n",
        encoding="utf-8",
    )
    now, outcome = apply_baseline(lint_paths(["d.txt"]), known)
    new_snippets = {f.snippet for f in now.findings()}
    assert any("约10套" in s for s in new_snippets)
    assert not any("一批" in s for s in new_snippets)  # moved, still known
    assert any("视情况" in e.snippet for e in outcome.stale)


def test_bad_baseline_is_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "b.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(UnreadableInput):
        load_baseline(p)
    p.write_text(json.dumps({"version": 99}), encoding="utf-8")
    with pytest.raises(UnreadableInput):
        load_baseline(p)


def test_cli_write_then_use_baseline(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["lint", "d.txt", "--write-baseline", "b.json"]) == 1
    capsys.readouterr()
    assert main(["lint", "d.txt", "--baseline", "b.json", "--format", "json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["summary"]["warning"] == 0 and "hidden" in out.err
    Path("d.txt").write_text("第一条 标的\n甲方向乙方采购办公家具一批。\n", encoding="utf-8")
    main(["lint", "d.txt", "--baseline", "b.json"])
    assert "no longer match" in capsys.readouterr().err
    assert main(["lint", "d.txt", "--baseline", "missing.json"]) == 2
