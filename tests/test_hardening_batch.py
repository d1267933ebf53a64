"""Issue 16 item 1: one bad input never aborts a batch with exit 3 — lint, validate and render report it
with the file and go on with the others, and print their summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fuzz import hostile

from contractkit.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CLEAN_TXT = SAMPLES / "drafts" / "clean-sales-contract.txt"


@pytest.fixture(scope="module")
def bad_drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    for name, data in {**hostile.damaged_drafts(), **hostile.WRONG_MAGIC}.items():
        (folder / name).write_bytes(data)
    shutil.copy(CLEAN_TXT, folder / "zz-clean.txt")
    return folder


@pytest.mark.parametrize("name", sorted(hostile.damaged_drafts()))
def test_lint_damaged_docx_is_one_unreadable_file(bad_drafts, capsys, name):
    code = main(["lint", str(bad_drafts / name), str(CLEAN_TXT), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert "internal error" not in err
    assert f"unreadable: {bad_drafts / name}" in out
    assert "2 file(s)" in out  # the clean file was linted too


def test_lint_folder_with_every_bad_file_lints_the_rest(bad_drafts, capsys):
    code = main(["lint", str(bad_drafts), "--format", "json"])
    out, err = capsys.readouterr()
    import json

    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert code == 2 and "internal error" not in err
    assert "zz-clean.txt" in files and not files["zz-clean.txt"].get("error")
    assert all(files[n].get("error") for n in hostile.damaged_drafts())


def test_lint_fifo_is_refused_not_waited_on(tmp_path, capsys):
    import os

    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    code = main(["lint", str(fifo), str(CLEAN_TXT), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 2 and "not a regular file" in out and "2 file(s)" in out


@pytest.fixture
def bad_deals(tmp_path: Path) -> Path:
    folder = tmp_path / "deals"
    folder.mkdir()
    for name, deal in hostile.mutated_deals():
        (folder / f"{name}.json").write_text(hostile.dump(deal), encoding="utf-8")
    shutil.copy(SAMPLES / "quote-office.json", folder / "zz-good.json")
    return folder


def test_validate_reports_every_bad_deal_with_a_pointer(bad_deals, capsys):
    code = main(["validate", str(bad_deals), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1 and "internal error" not in err, err
    n = len(hostile.DEAL_MUTATIONS)
    assert out.strip().endswith(f"1 valid, {n} invalid, 0 unreadable")
    for name in hostile.DEAL_MUTATIONS:
        lines = [line for line in out.splitlines() if line.startswith(str(bad_deals / f"{name}.json"))]
        assert lines and all(": /" in line for line in lines), (name, lines)


@pytest.mark.parametrize("name", ["deposit-abc", "price-1e28", "quantity-1e30", "name-surrogate"])
def test_lint_json_deal_with_bad_data_is_reported_not_crashed(bad_deals, capsys, name):
    code = main(["lint", str(bad_deals / f"{name}.json"), str(CLEAN_TXT), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 2 and "internal error" not in err, err
    assert "2 file(s)" in out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_render_batch_with_a_surrogate_prints_its_summary(bad_deals, tmp_path, capsys, jobs):
    out_dir = tmp_path / "out"
    code = main(["render", str(bad_deals), "-o", str(out_dir), "--jobs", jobs])
    err = capsys.readouterr().err
    n = len(hostile.DEAL_MUTATIONS)
    assert code == 1 and "internal error" not in err, err
    assert f"1 of {n + 1} deal(s) rendered, 1 file(s) written; {n} failed" in err
    assert "name-surrogate.json: /items/0/name:" in err
    assert [p.name for p in out_dir.iterdir()] == ["BJ-2026-0312.docx"]


def test_validate_and_render_go_on_past_a_missing_argument(tmp_path, capsys):
    missing = tmp_path / "nope.json"
    code = main(["validate", str(missing), str(SAMPLES / "quote-office.json"), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 2 and f"{missing}: file not found" in out and "1 valid" in out
    code = main(["render", str(missing), str(SAMPLES / "quote-office.json"), "-o", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2 and "1 of 2 deal(s) rendered" in err and (tmp_path / "o" / "BJ-2026-0312.docx").is_file()


def test_a_surrogate_in_a_message_or_file_name_is_printed_escaped(tmp_path, capfd):
    import os
    import subprocess
    import sys

    deal = hostile.sample_deal("quote-office.json")
    deal["delivery"] = {**deal.get("delivery", {}), "cost_bearer": "\udfff"}
    bad = tmp_path / "enum.json"
    bad.write_text(hostile.dump(deal), encoding="utf-8")
    odd = os.path.join(os.fsencode(tmp_path), b"\xff.json")
    with open(odd, "wb") as fh:
        fh.write(b"{")
    proc = subprocess.run(
        [sys.executable, "-m", "contractkit", "validate", str(bad), os.fsdecode(odd), "--lang", "en"],
        capture_output=True,
    )
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 2 and b"internal error" not in proc.stderr, proc.stderr
    assert "\\udfff" in out and "\\udcff.json: line 1" in out
