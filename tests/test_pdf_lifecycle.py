"""Issue 16 item 8: LibreOffice and batch workers die with their parent, even on SIGKILL, and temp folders
of a killed run are swept by the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from contractkit.render.lifecycle import reaped, sweep

ROOT = Path(__file__).resolve().parent.parent


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return False


_PARENT = """
import subprocess, sys, time
from contractkit.render.lifecycle import reaped
proc = subprocess.Popen(reaped([sys.executable, "-c", "import subprocess, sys, time; "
    "c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
    "print(c.pid, flush=True); time.sleep(60)"]), start_new_session=True, stdout=subprocess.PIPE, text=True)
print(proc.pid, proc.stdout.readline().strip(), flush=True)
time.sleep(60)
"""


def test_grandchildren_die_when_the_parent_is_sigkilled():
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    reaper, grandchild = map(int, parent.stdout.readline().split())
    assert _alive(reaper) and _alive(grandchild)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while (_alive(reaper) or _alive(grandchild)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(reaper) and not _alive(grandchild)


def test_sigterm_to_the_group_kills_everything_under_the_reaper():
    proc = subprocess.Popen(
        reaped([sys.executable, "-c", "import time; time.sleep(60)"]), start_new_session=True
    )
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=10) != 0


def test_exit_status_passes_through_the_reaper():
    assert subprocess.run(reaped([sys.executable, "-c", "raise SystemExit(7)"])).returncode == 7


def test_sweep_removes_folders_of_dead_runs_only(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"contractkit-pdf-{dead.pid}-abc"
    mine = tmp_path / f"contractkit-pdf-{os.getpid()}-abc"
    other = tmp_path / "contractkit-pdf-xyz"
    for d in (stale, mine, other):
        d.mkdir()
        (d / "f").write_text("x")
    assert sweep(tmp_path) == 1
    assert not stale.exists() and mine.exists() and other.exists()


@pytest.mark.skipif(not Path("/usr/bin/soffice").exists(), reason="LibreOffice not installed")
def test_no_soffice_left_after_sigkill(tmp_path):
    from tests.test_pdf_convert import make_cjk_docx

    docs = [make_cjk_docx(tmp_path / f"s{i}.docx", paragraphs=80) for i in range(8)]
    code = (
        "import sys\nfrom pathlib import Path\nfrom contractkit.render.pdf import PdfConverter\n"
        "conv = PdfConverter(1)\nprint(conv.profile_root, flush=True)\n"
        "for _ in conv.convert_many([(Path(d), Path(d).with_suffix('.pdf')) for d in sys.argv[1:]]): pass\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, *map(str, docs)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    root = child.stdout.readline().strip()

    def running() -> list[int]:
        out = subprocess.run(["pgrep", "-f", f"soffice.bin.*{root}"], capture_output=True, text=True).stdout
        return [int(x) for x in out.split()]

    deadline = time.monotonic() + 60
    while not running() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running(), "LibreOffice never started"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    gone_by = time.monotonic() + 10
    while running() and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert running() == []
    assert Path(root).exists()  # SIGKILL runs no cleanup: the next converter sweeps it
    from contractkit.render.pdf import PdfConverter

    PdfConverter(1).close()
    assert not Path(root).exists()
    assert Path(tempfile.gettempdir()) in Path(root).parents


_POOL = """
import os, time
from concurrent.futures import ProcessPoolExecutor
from contractkit.render.lifecycle import die_with_parent
with ProcessPoolExecutor(2, initializer=die_with_parent) as pool:
    print(*pool.map(os.getpid, range(0)), *{pool.submit(os.getpid).result() for _ in range(20)}, flush=True)
    time.sleep(60)
"""


def test_batch_workers_die_when_the_parent_is_sigkilled():
    parent = subprocess.Popen([sys.executable, "-c", _POOL], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    workers = [int(x) for x in parent.stdout.readline().split()]
    assert workers and all(_alive(w) for w in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
