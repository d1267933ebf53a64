"""Issue 16 item 4 and issue 13: write failures are one line and exit 2; outputs get the umask's
permissions; a duplicate deal number in a batch fails that deal unless --allow-duplicates."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from contractkit.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
QUOTE = str(SAMPLES / "quote-office.json")
CONTRACT = str(SAMPLES / "contract-equipment.json")
DRAFT = str(SAMPLES / "drafts" / "defective-sales-contract.docx")


@pytest.fixture
def afile(tmp_path: Path) -> Path:
    path = tmp_path / "afile"
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["render", QUOTE, "-o", "{afile}/sub.docx"],
        ["render", QUOTE, CONTRACT, "-o", "{afile}/sub"],
        ["render", QUOTE, "-o", "/proc/contractkit-x.docx"],
        ["lint", DRAFT, "--annotate", "{afile}/reviewed.docx"],
        ["lint", DRAFT, "--annotate", "/proc/contractkit-y.docx"],
        ["lint", DRAFT, "--write-baseline", "{afile}/baseline.json"],
        ["convert", DRAFT, "-o", "{afile}/pdf"],
    ],
    ids=["render-one", "render-batch", "render-proc", "annotate", "annotate-proc", "baseline", "convert"],
)
def test_write_failure_is_one_line_and_exit_2(capsys, afile, args):
    code = main([a.format(afile=afile) for a in args])
    err = capsys.readouterr().err
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "cannot write the output" in lines[0] and "internal error" not in err


def test_outputs_follow_the_umask(tmp_path, capsys):
    old = os.umask(0o002)
    try:
        assert main(["render", QUOTE, "-o", str(tmp_path / "q.docx")]) == 0
        assert main(["lint", DRAFT, "--annotate", str(tmp_path / "r.docx"), "--exit-zero"]) == 0
        main(["lint", DRAFT, "--write-baseline", str(tmp_path / "b.json")])
    finally:
        os.umask(old)
    for name in ("q.docx", "r.docx", "b.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o664, name


def _twins(tmp_path: Path) -> Path:
    folder = tmp_path / "deals"
    folder.mkdir()
    shutil.copy(QUOTE, folder / "a.json")
    shutil.copy(QUOTE, folder / "b.json")
    return folder


def test_duplicate_number_fails_that_deal(tmp_path, capsys):
    code = main(["render", str(_twins(tmp_path)), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "b.json: /number: 编号 BJ-2026-0312 与" in err and "a.json" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["BJ-2026-0312.docx"]


def test_allow_duplicates_renders_both(tmp_path, capsys):
    code = main(["render", str(_twins(tmp_path)), "-o", str(tmp_path / "out"), "--allow-duplicates"])
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["BJ-2026-0312-2.docx", "BJ-2026-0312.docx"]
