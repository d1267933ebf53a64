"""Linting a folder lists every entry it leaves out, with the reason, in every output format."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.lint import SKIPPED, Skipped, expand_paths, lint_paths, walk_inputs

DRAFT = "第一条 标的\n甲方向乙方采购办公家具一批。\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "drafts"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(DRAFT, encoding="utf-8")
    (root / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (root / "sub" / "scan.png").write_bytes(b"\x89PNG")
    (root / "~$a.docx").write_bytes(b"lock")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("x", encoding="utf-8")
    return root


def test_walk_lists_each_entry_left_out(folder: Path) -> None:
    entries = list(walk_inputs([folder]))
    files = [Path(e).name for e in entries if isinstance(e, str)]
    skipped = {Path(e.path).name: e.reason_en for e in entries if isinstance(e, Skipped)}
    assert files == ["a.txt"]
    assert set(skipped) == {".git", "sheet.xlsx", "scan.png", "~$a.docx"}
    assert "unsupported file type .xlsx" in skipped["sheet.xlsx"]
    assert "hidden folder" in skipped[".git"] and "lock file" in skipped["~$a.docx"]
    assert "config" not in {Path(e.path).name for e in entries if isinstance(e, Skipped)}  # not walked
    assert [Path(p).name for p in expand_paths([folder])] == ["a.txt"]


def test_files_named_explicitly_are_read_not_skipped(tmp_path: Path) -> None:
    odd = tmp_path / "draft.contract"
    odd.write_text(DRAFT, encoding="utf-8")
    assert list(walk_inputs([odd])) == [str(odd)]


def test_unreadable_subfolder_is_reported(folder: Path, monkeypatch) -> None:
    """os.walk's listing error (here forced) becomes a file error naming the folder, not silence."""
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = lint_paths([folder])
    errors = [fr for fr in result.files if fr.error]
    assert len(errors) == 1 and errors[0].path.endswith("sub") and "Permission denied" in errors[0].error
    assert result.counts()["unreadable"] == 1


def test_symlinked_folder_is_listed(folder: Path, tmp_path: Path) -> None:
    (folder / "link").symlink_to(tmp_path, target_is_directory=True)
    reasons = {Path(e.path).name: e.reason_en for e in walk_inputs([folder]) if isinstance(e, Skipped)}
    assert "link to a folder" in reasons["link"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_every_format_names_each_skipped_entry(fmt: str, folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(folder.parent)
    code = main(["lint", "drafts", "--format", fmt, "--lang", "en"])
    out = capsys.readouterr().out
    if fmt == "sarif":  # artifact URIs are percent-encoded (~%24a.docx)
        from urllib.parse import unquote

        out = unquote(out)
    for name in ("sheet.xlsx", "scan.png", "~$a.docx", ".git"):
        assert name in out, (fmt, name)
    assert "unsupported file type .xlsx" in out
    assert code == 1  # the draft's findings; skipped entries alone never fail a run at --fail-on warning


def test_text_report_reads_well(folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(folder.parent)
    main(["lint", "drafts"])
    out = capsys.readouterr().out
    assert "已跳过：不支持的文件类型 .xlsx" in out
    assert "共 1 个文件" in out and "4 个已跳过" in out


def test_json_marks_skipped_entries(folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(folder.parent)
    main(["lint", "drafts", "--format", "json", "--lang", "en"])
    files = json.loads(capsys.readouterr().out)["files"]
    skipped = {Path(f["path"]).name for f in files if any(x["rule"] == SKIPPED for x in f["findings"])}
    assert skipped == {"sheet.xlsx", "scan.png", "~$a.docx", ".git"}


def test_junit_lists_skipped_entries_without_failing(folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(folder.parent)
    main(["lint", "drafts", "--format", "junit", "--lang", "en"])
    root = ET.fromstring(capsys.readouterr().out.split("\n", 1)[1])
    suite = next(s for s in root.iter("testsuite") if s.get("name", "").endswith("sheet.xlsx"))
    case = next(c for c in suite.iter("testcase") if c.get("name") == SKIPPED)
    assert case.find("failure") is None and "unsupported" in (case.findtext("system-out") or "")


def test_only_skipped_entries_exit_0(tmp_path: Path, capsys) -> None:
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    assert main(["lint", str(tmp_path)]) == 0
    assert "sheet.xlsx" in capsys.readouterr().out


_NAME = st.text(alphabet="abc.~$_-合同", min_size=1, max_size=8).filter(lambda n: n not in (".", ".."))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.sets(st.tuples(st.sampled_from(["", "sub", ".hid"]), _NAME), max_size=8))
def test_every_entry_is_linted_or_listed(tmp_path_factory, names: set[tuple[str, str]]) -> None:
    """Whatever a folder holds, each file is either read or listed with a reason, exactly once."""
    root = tmp_path_factory.mktemp("walk")
    made: set[str] = set()
    for folder, name in names:
        d = root / folder if folder else root
        d.mkdir(exist_ok=True)
        (d / name).write_text("x", encoding="utf-8")
        made.add(str(d / name))
    entries = list(walk_inputs([root]))
    read = [e for e in entries if isinstance(e, str)]
    listed = [e.path for e in entries if isinstance(e, Skipped)]
    hidden_dir = str(root / ".hid")
    covered = set(read) | set(listed) | {m for m in made if m.startswith(hidden_dir + os.sep)}
    assert covered == made | ({hidden_dir} if (root / ".hid").exists() else set())
    assert len(read) + len(listed) == len(set(read) | set(listed))  # nothing twice


def test_word_formats_of_the_office_reader_are_not_skipped(tmp_path: Path) -> None:
    """A .doc/.wps/.odt in a folder is a draft: read (or reported unreadable), never listed as skipped."""
    from contractkit.lint import supported_suffixes

    office = pytest.importorskip("contractkit.readers.office")
    assert set(office.FORMATS) <= set(supported_suffixes())
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    entries = list(walk_inputs([tmp_path]))
    assert entries == [str(tmp_path / "old.doc")]
