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
    assert main(["lint", "d.txt"]) == 1  # findings exist
    capsys.readouterr()
    assert main(["lint", "d.txt", "--write-baseline", "b.json", "--lang", "en"]) == 0  # recorded: exit 0
    n = len(json.loads(Path("b.json").read_text("utf-8"))["entries"])
    assert n > 0 and f"baseline: {n} finding(s) recorded in b.json" in capsys.readouterr().err
    assert main(["lint", "d.txt", "--write-baseline", "b.json"]) == 0
    assert f"记录 {n} 个问题" in capsys.readouterr().err
    assert main(["lint", "d.txt", "--baseline", "b.json", "--format", "json", "--lang", "en"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["summary"]["warning"] == 0 and f"{n} known finding(s) hidden" in out.err
    Path("d.txt").write_text("第一条 标的\n甲方向乙方采购办公家具一批。\n", encoding="utf-8")
    main(["lint", "d.txt", "--baseline", "b.json", "--lang", "en"])
    assert "no longer match" in capsys.readouterr().err
    main(["lint", "d.txt", "--baseline", "b.json"])
    assert "不再匹配" in capsys.readouterr().err
    assert main(["lint", "d.txt", "--baseline", "missing.json"]) == 2


def test_write_baseline_with_unreadable_file_records_and_exits_2(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("d.txt").write_text(DRAFT, encoding="utf-8")
    Path("bad.docx").write_bytes(b"not a zip")
    assert main(["lint", "d.txt", "bad.docx", "--write-baseline", "b.json"]) == 2
    assert load_baseline("b.json")


def test_baseline_and_write_baseline_together_is_a_usage_error(capsys, tmp_path: Path) -> None:
    d = tmp_path / "d.txt"
    d.write_text(DRAFT, encoding="utf-8")
    args = [
        "lint",
        str(d),
        "--baseline",
        str(tmp_path / "a.json"),
        "--write-baseline",
        str(tmp_path / "b.json"),
    ]
    assert main(args) == 2


def test_skipped_entries_are_never_recorded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("drafts").mkdir()
    Path("drafts/d.txt").write_text(DRAFT, encoding="utf-8")
    Path("drafts/sheet.xlsx").write_bytes(b"PK")
    result = lint_paths(["drafts"])
    assert any(f.rule == "meta/skipped" for f in result.findings())
    write_baseline(result, "b.json")
    assert all(e.rule != "meta/skipped" for e in load_baseline("b.json"))
    kept, _ = apply_baseline(lint_paths(["drafts"]), load_baseline("b.json"))
    assert [f.rule for f in kept.findings()] == ["meta/skipped"]
