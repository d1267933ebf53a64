"""The campaign's runner: a hang is CPU time (the case's whole process group), not wall time on a loaded
machine; a wall-clock ceiling still ends a case that only waits; cases run in parallel; peak memory is the
child's; an interrupted campaign prints its per-command summary and leaves no child behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fuzz.runner import Pool

CAMPAIGN = Path(__file__).resolve().parent / "campaign.py"


def _spin(argv: list[str]) -> int:
    end = time.process_time() + float(argv[0])
    while time.process_time() < end:
        pass
    return 0


def _sleep(argv: list[str]) -> int:
    time.sleep(float(argv[0]))
    return 0


def _spin_in_a_grandchild(argv: list[str]) -> int:
    return subprocess.call([sys.executable, "-c", "while True: pass"])


def _spin_in_its_own_session(argv: list[str]) -> int:
    proc = subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
    Path(argv[0]).write_text(str(proc.pid))
    return proc.wait()


def _allocate(argv: list[str]) -> int:
    block = bytearray(int(argv[0]) * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])
    return 1


def _run(target, cases, jobs=2, cpu=1.0, wall=30.0):
    return dict(Pool(target, jobs, cpu, wall).run(cases))


def test_a_case_that_burns_cpu_past_the_timeout_is_a_cpu_hang():
    got = _run(_spin, [("a", ["60"])])["a"]
    assert got.status is None and got.hang == "cpu" and got.cpu >= 1.0
    assert got.wall < 20


def test_a_case_that_only_waits_is_not_a_hang_under_the_wall_ceiling():
    got = _run(_sleep, [("a", ["2"])], cpu=0.5)["a"]
    assert got.status == 0 and got.hang == "" and got.wall >= 2 and got.cpu < 0.5


def test_the_wall_ceiling_ends_a_case_that_never_finishes():
    got = _run(_sleep, [("a", ["600"])], wall=1.5)["a"]
    assert got.status is None and got.hang == "wall" and got.wall < 15


def test_cpu_of_the_cases_own_subprocesses_counts():
    got = _run(_spin_in_a_grandchild, [("a", [])])["a"]
    assert got.status is None and got.hang == "cpu"


def test_a_subprocess_in_a_session_of_its_own_counts_and_is_killed(tmp_path):
    got = _run(_spin_in_its_own_session, [("a", [str(tmp_path / "pid")])])["a"]
    assert got.status is None and got.hang == "cpu"
    pid = int((tmp_path / "pid").read_text())
    deadline = time.monotonic() + 10  # SIGKILL is sent; on a loaded machine the exit takes a moment
    while time.monotonic() < deadline and _state(pid) not in ("", "Z", "X"):
        time.sleep(0.1)
    assert _state(pid) in ("", "Z", "X")  # gone, or dead and waiting for init to reap it


def _state(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return ""
    return raw[raw.rfind(b")") + 2 :].split()[0].decode()


def test_cases_run_in_parallel():
    start = time.monotonic()
    got = _run(_sleep, [(k, ["1.5"]) for k in range(4)], jobs=4, cpu=5)
    assert [o.status for o in got.values()] == [0] * 4
    assert time.monotonic() - start < 5.5  # one after another: 6 s


def test_peak_memory_is_the_childs():
    got = _run(_allocate, [("a", ["200"])], cpu=20)["a"]
    assert got.status == 1 and got.rss_kb >= 200 * 1024


def _children_of(pid: int) -> list[int]:
    out = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = Path(f"/proc/{name}/stat").read_bytes()
            except OSError:
                continue
            if int(stat[stat.rfind(b")") + 2 :].split()[1]) == pid:
                out.append(int(name))
    return out


@pytest.mark.slow
def test_an_interrupted_campaign_prints_its_summary_and_leaves_no_child(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, str(CAMPAIGN), "--n", "100000", "--jobs", "2", "--keep", str(tmp_path / "keep")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(_children_of(proc.pid)) < 2:  # cases running
        time.sleep(0.2)
    children = _children_of(proc.pid)
    assert children, "the campaign never started a case"
    time.sleep(1)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "fuzz.interrupted: 1 (SIGTERM)" in out
    for command in ("validate", "render", "lint", "templates", "config", "output"):
        assert f"fuzz.{command}.exit_3: " in out and f"fuzz.{command}.peak_memory: " in out
    time.sleep(0.5)
    assert not [c for c in children if Path(f"/proc/{c}").exists()]
