"""office/limits: the memory and CPU-time caps a child program (LibreOffice, Tesseract) runs under."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from contractkit.office import limits
from contractkit.office.limits import capped, capped_program

BUSY = [sys.executable, "-c", "while True: pass"]
XCPU = -signal.SIGXCPU  # stopped by the soft CPU limit, before the hard one kills it


@pytest.mark.parametrize("prlimit", [True, False], ids=["prlimit", "ulimit"])
def test_a_cpu_cap_stops_a_busy_program_by_sigxcpu(monkeypatch: pytest.MonkeyPatch, prlimit: bool) -> None:
    if prlimit and not shutil.which("prlimit"):
        pytest.skip("prlimit not installed")
    if not prlimit:
        monkeypatch.setattr(limits.shutil, "which", lambda name: None)
    done = subprocess.run(capped(BUSY, 0, cpu_seconds=1), timeout=60, capture_output=True)
    assert done.returncode == XCPU


def test_uncapped_commands_are_unchanged(tmp_path: Path) -> None:
    assert capped(["tesseract", "x"], 0) == ["tesseract", "x"]
    assert capped_program("/usr/bin/tesseract", 0, tmp_path) == "/usr/bin/tesseract"


def test_a_capped_program_script_applies_both_caps(tmp_path: Path) -> None:
    script = capped_program(sys.executable, 2048, tmp_path, cpu_seconds=1)
    assert script != sys.executable and "-2048-1-" in Path(script).name
    done = subprocess.run([script, "-c", "while True: pass"], timeout=60, capture_output=True)
    assert done.returncode == XCPU
    ok = subprocess.run([script, "-c", "print(6 * 7)"], timeout=60, capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.strip() == "42"
    big = subprocess.run([script, "-c", "b = bytearray(4 << 30)"], timeout=60, capture_output=True, text=True)
    assert big.returncode != 0 and "MemoryError" in big.stderr  # the memory cap still holds
