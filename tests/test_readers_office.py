"""Word formats other than .docx (.doc, .wps, .rtf, .odt, .docm, .dotx) read through a sandboxed LibreOffice
conversion: the same findings at the same paragraphs as the .docx they were saved from."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from contractkit.cli import main
from contractkit.lint import lint_document, lint_paths
from contractkit.readers.dispatch import read_document

LABELLED = Path(__file__).parent / "corpus" / "labelled"
SOURCE = LABELLED / "b01_v2_servo_sale_standard.docx"  # one planted defect: a 0.1 %/day penalty
#: suffix → LibreOffice filter that writes it (.wps: LibreOffice writes no WPS Office format; the Word 97
#: binary saved as .wps is what WPS 文字 itself writes by default for compatibility)
FILTERS = {
    ".doc": "doc:MS Word 97",
    ".wps": "doc:MS Word 97",
    ".rtf": "rtf:Rich Text Format",
    ".odt": "odt:writer8",
    ".docm": "docm:MS Word 2007 XML VBA",
    ".dotx": "dotx:MS Word 2007 XML Template",
}


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is missing: run `make soffice` (make test installs it)")
    out = tmp_path_factory.mktemp("formats")
    profile = out / ".profile"
    made: dict[str, Path] = {}
    for suffix, filt in FILTERS.items():
        work = out / suffix.strip(".")
        work.mkdir()
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                filt,
                "--outdir",
                str(work),
                str(SOURCE),
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
        (produced,) = list(work.iterdir())
        target = out / f"draft{suffix}"
        produced.rename(target)
        made[suffix] = target
    return made


def _found(doc) -> list[tuple[str, int | None]]:
    return sorted((f.rule, f.location.paragraph) for f in lint_document(doc))


@pytest.mark.parametrize("suffix", sorted(FILTERS))
def test_every_word_format_lints_like_the_docx(fixtures: dict[str, Path], suffix: str) -> None:
    want = _found(read_document(str(SOURCE)))
    assert ("penalty/rate-above-cap", 49) in want
    doc = read_document(str(fixtures[suffix]))
    assert doc.meta.get("converted_from"), "findings must say the file was converted"
    assert _found(doc) == want


def test_conversion_never_writes_beside_the_users_file(fixtures: dict[str, Path]) -> None:
    folder = fixtures[".doc"].parent
    before = sorted(p.name for p in folder.iterdir())
    read_document(str(fixtures[".doc"]))
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_folder_lint_reads_the_converted_formats(fixtures: dict[str, Path]) -> None:
    folder = fixtures[".doc"].parent
    result = lint_paths([folder])
    names = {Path(fr.path).suffix for fr in result.files if fr.error is None}
    assert set(FILTERS) <= names


def test_a_damaged_doc_is_reported_unreadable(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "broken.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert main(["lint", str(bad)]) == 2
    captured = capsys.readouterr()
    assert "broken.doc" in captured.out + captured.err
    assert "LibreOffice" in captured.out + captured.err
