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


# -- the warm converter and the memory cap (issue 14) ------------------------------------------------------


@pytest.fixture()
def fresh_converter():
    """Each test starts without a warm listener and leaves none behind."""
    from contractkit.readers import office

    office.close_warm()
    yield office
    office.close_warm()


def test_a_folder_is_converted_on_one_warm_listener(fixtures: dict[str, Path], fresh_converter) -> None:
    from contractkit.office.warm import uno_python

    if uno_python() is None:
        pytest.fail("python3-uno is missing: run `make soffice` (make test installs it)")
    want = _found(read_document(str(SOURCE)))
    for suffix in (".doc", ".rtf", ".odt", ".wps"):
        assert _found(read_document(str(fixtures[suffix]))) == want
    stats = fresh_converter.warm_stats()
    assert stats["starts"] == 1, stats  # one LibreOffice start-up for the four files
    assert stats["converted"] == 4 and stats["failed"] == 0, stats


def test_the_cold_path_reads_the_same(
    fixtures: dict[str, Path], fresh_converter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTRACTKIT_OFFICE_WARM", "0")
    doc = read_document(str(fixtures[".doc"]))
    assert _found(doc) == _found(read_document(str(SOURCE)))
    assert fresh_converter.warm_stats() == {}  # no listener was started


@pytest.mark.parametrize("warm", ["1", "0"])
def test_a_conversion_over_its_memory_cap_is_unreadable_not_clean(
    fixtures: dict[str, Path], fresh_converter, monkeypatch: pytest.MonkeyPatch, capsys, warm: str
) -> None:
    """LibreOffice under a 64 MB address space cannot start: the file is reported (exit 2), never passed."""
    monkeypatch.setenv("CONTRACTKIT_OFFICE_WARM", warm)
    monkeypatch.setenv("CONTRACTKIT_OFFICE_MEMORY_MB", "64")
    assert main(["lint", str(fixtures[".doc"])]) == 2
    out = capsys.readouterr()
    text = out.out + out.err
    assert "draft.doc" in text and "未发现问题" not in text


def test_the_cap_is_applied_to_the_command() -> None:
    from contractkit.office.limits import capped

    cmd = capped(["soffice", "--headless"], 100)
    assert cmd[-2:] == ["soffice", "--headless"]
    assert any(str(100 * 1024 * 1024) in part or str(100 * 1024) in part for part in cmd)
    assert capped(["soffice"], 0) == ["soffice"]


def test_a_word_binary_of_random_bytes_is_unreadable_not_clean(tmp_path: Path, capsys) -> None:
    """LibreOffice 'opens' an OLE header followed by noise as UTF-16 mojibake; that text is refused."""
    import random

    junk = tmp_path / "x.doc"
    junk.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(7).randbytes(4096))
    assert main(["lint", str(junk)]) == 2
    out = capsys.readouterr()
    assert "x.doc" in out.out + out.err and "未发现问题" not in out.out


@pytest.mark.parametrize(
    "text",
    [
        "买卖双方经友好协商，就办公设备采购事宜订立本合同，共同遵守。" * 3,
        "買賣雙方經友好協商，就辦公設備採購事宜訂立本合同，共同遵守。" * 3,
        "┌──┬──┐\n│序号│名称│\n├──┼──┤\n│1│数控车床 Φ50│\n└──┴──┘\n" * 3,
        "This Agreement is made between the Buyer and the Seller as of the Effective Date. " * 2,
    ],
)
def test_real_text_is_legible(text: str) -> None:
    from contractkit.readers.office import legible

    assert legible(text)


def test_mojibake_is_not_legible() -> None:
    import random

    from contractkit.readers.office import legible

    noise = random.Random(3).randbytes(2000).decode("utf-16-le", errors="replace")
    assert not legible(noise)
