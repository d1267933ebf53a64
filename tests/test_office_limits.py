"""office/limits: the memory and CPU-time caps a child program (LibreOffice, Tesseract) runs under."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from contractkit.office.limits import capped, capped_program

BUSY = [sys.executable, "-c", "while True: pass"]


def test_a_cpu_cap_stops_a_busy_program_by_sigxcpu() -> None:
    done = subprocess.run(capped(BUSY, 0, cpu_seconds=1), timeout=60, capture_output=True)
    assert done.returncode in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL)


def test_uncapped_commands_are_unchanged(tmp_path: Path) -> None:
    assert capped(["tesseract", "x"], 0) == ["tesseract", "x"]
    assert capped_program("/usr/bin/tesseract", 0, tmp_path) == "/usr/bin/tesseract"


def test_a_capped_program_script_applies_both_caps(tmp_path: Path) -> None:
    script = capped_program(sys.executable, 2048, tmp_path, cpu_seconds=1)
    assert script != sys.executable and "-2048-1-" in Path(script).name
    done = subprocess.run([script, "-c", "while True: pass"], timeout=60, capture_output=True)
    assert done.returncode in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL)
    ok = subprocess.run([script, "-c", "print(6 * 7)"], timeout=60, capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.strip() == "42"
