"""The test session's own setup (``tests/conftest.py``): one OCR disk cache per session, shared by every
process the session starts (pool workers, CLI subprocesses, xdist workers), fresh, and removed at the end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import OCR_CACHE_ENV, OCR_CACHE_PREFIX, ROOT

from contractkit.readers import ocr

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="needs Tesseract (chi_sim, chi_tra)")

#: Reads ``argv[1]`` (a page image) as the readers do, in a process of its own; ``argv[2] == "served"``
#: replaces Tesseract by a failure, so the lines can only come from the disk cache.
READ_PAGE = """
import json, sys
from PIL import Image
from contractkit.readers import ocr
if sys.argv[2] == "served":
    def no_tesseract(*args, **kwargs):
        raise AssertionError("Tesseract ran: the page was not served from the session's cache")
    ocr._read_page = no_tesseract
print(json.dumps(ocr.image_lines(Image.open(sys.argv[1]))))
"""


#: A nested session loading this conftest as a plugin, on two xdist workers (a file each).
NESTED = (
    sys.executable,
    "-m",
    "pytest",
    "-q",
    "-p",
    "no:cacheprovider",
    "-p",
    "conftest",
    "-n",
    "2",
    "--dist=loadfile",
)


def _read_in_a_process(image: Path, mode: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-c", READ_PAGE, str(image), mode], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@needs_tesseract
def test_a_page_ocrd_in_one_process_is_served_in_another(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    folder = Path(os.environ[OCR_CACHE_ENV])
    assert folder.is_dir() and folder.name.startswith(OCR_CACHE_PREFIX)
    page = Image.new("L", (900, 160), 255)
    ImageDraw.Draw(page).text((30, 40), "PAYMENT 30 DAYS 2026", fill=0, font=ImageFont.load_default(size=48))
    image = tmp_path / "page.png"
    page.save(image)
    before = set(folder.glob("??/*.json"))
    lines = _read_in_a_process(image, "read")  # a real Tesseract reading, kept in the session's folder
    # the folder is the session's, shared by the other worker, which may be OCR'ing corpus scans meanwhile:
    # the entry of this page is the new one that holds its text
    new = set(folder.glob("??/*.json")) - before
    assert [p for p in new if "PAYMENT" in p.read_text(encoding="utf-8")], new
    assert _read_in_a_process(image, "served") == lines


def test_each_session_has_a_fresh_folder_shared_by_its_workers_and_removed(tmp_path: Path) -> None:
    """A nested session (two xdist workers) with a folder already set: its own folder, the same in both
    workers, gone when it ends; the folder set before gets nothing."""
    pytest.importorskip("xdist")
    log = tmp_path / "seen.txt"
    record = (
        "import os\n\n\ndef test_record():\n"
        f"    with open({str(log)!r}, 'a') as fh:\n"
        f"        fh.write(str(os.getpid()) + ' ' + os.environ[{OCR_CACHE_ENV!r}] + '\\n')\n"
    )
    for name in ("a", "b"):
        (tmp_path / f"test_{name}.py").write_text(record, encoding="utf-8")
    before = tmp_path / "set-before"
    before.mkdir()
    env = {**os.environ, OCR_CACHE_ENV: str(before), "PYTHONPATH": str(ROOT / "tests")}
    run = subprocess.run(
        [*NESTED, str(tmp_path / "test_a.py"), str(tmp_path / "test_b.py")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    seen = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    assert len({pid for pid, _ in seen}) == 2  # two worker processes
    (folder,) = {Path(f) for _, f in seen}  # … one folder
    assert folder.name.startswith(OCR_CACHE_PREFIX) and folder.parent == Path(tempfile.gettempdir())
    assert not folder.exists()  # removed at the session's end
    assert not list(before.iterdir())
