"""Run CLI cases in parallel forked children of one warm parent: each child has its own process group, dies
with the parent, and is timed by the CPU time it and its group use (not wall time on a loaded machine), with a
generous wall-clock ceiling. Peak memory comes from ``wait4``."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Outcome:
    """How one case ended: exit status (None on a hang), peak RSS, CPU and wall seconds, stderr tail."""

    status: int | None
    rss_kb: int
    cpu: float
    wall: float
    err: str
    hang: str = ""  # "" when it finished, else "cpu" or "wall": which limit it ran into


def _stat(pid: int) -> tuple[int, int, float] | None:
    """(parent, process group, CPU seconds of the process and its reaped children) from /proc, or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    fields = raw[raw.rfind(b")") + 2 :].split()
    # after the name: state ppid pgrp … utime(11) stime(12) cutime(13) cstime(14), 0-based from state
    return int(fields[1]), int(fields[2]), sum(int(f) for f in fields[11:15]) / TICK


def group_cpu(cases: set[int]) -> dict[int, float]:
    """CPU seconds used so far by each case in ``cases`` (pids that lead their own group): every live process
    in its group or descended from it (a converter in a session of its own counts too); one scan of /proc."""
    procs: dict[int, tuple[int, int, float]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and (got := _stat(int(name))):
            procs[int(name)] = got
    out = dict.fromkeys(cases, 0.0)
    for pid, (_, pgrp, cpu) in procs.items():
        owner = pgrp if pgrp in cases else _case_above(pid, procs, cases)
        if owner:
            out[owner] += cpu
    return out


def descendants(root: int) -> list[int]:
    """Every live process descended from ``root`` (whatever its group or session)."""
    procs = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and (got := _stat(int(name))):
            procs[int(name)] = got
    return [pid for pid in procs if pid != root and _case_above(pid, procs, {root})]


def _case_above(pid: int, procs: dict[int, tuple[int, int, float]], cases: set[int]) -> int:
    """The case ``pid`` descends from (walking up the parents), or 0."""
    for _ in range(32):
        if pid in cases:
            return pid
        if pid not in procs:
            return 0
        pid = procs[pid][0]
    return 0


def _child(argv: list[str], err_fd: int, target: Callable[[list[str]], int]) -> None:
    """In the forked child: own group, default signals, die with the parent, stdio quiet; never returns."""
    code = 99
    try:
        os.setpgid(0, 0)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.dup2(err_fd, 2)
        rv = target(argv)
        code = rv if isinstance(rv, int) else 98
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 97
    except BaseException:  # anything escaping the CLI's boundary: status 99
        code = 99
    finally:
        os._exit(code)


@dataclass
class _Running:
    key: object
    pid: int
    err_name: str
    start: float
    cpu: float = 0.0


class Pool:
    """Up to ``jobs`` cases at once, each ``target(argv)`` in a fork; ``run`` yields (key, Outcome) pairs."""

    def __init__(
        self,
        target: Callable[[list[str]], int],
        jobs: int,
        cpu_timeout: float,
        wall_timeout: float,
        poll: float = 0.01,
    ) -> None:
        self.target = target
        self.jobs = max(1, jobs)
        self.cpu_timeout = cpu_timeout
        self.wall_timeout = wall_timeout
        self.poll = poll
        self.running: dict[int, _Running] = {}

    def _start(self, key: object, argv: list[str]) -> None:
        err_fd, err_name = tempfile.mkstemp(prefix="contractkit-fuzz-")
        pid = os.fork()
        if pid == 0:
            _child(argv, err_fd, self.target)
        os.close(err_fd)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # also from the parent: no race with a kill before the child ran setpgid
        self.running[pid] = _Running(key, pid, err_name, time.monotonic())

    def _finish(self, run: _Running, status: int | None, rss: int, hang: str) -> tuple[object, Outcome]:
        del self.running[run.pid]
        try:
            err = Path(run.err_name).read_text("utf-8", "replace")[-2000:]
        finally:
            os.unlink(run.err_name)
        return run.key, Outcome(status, rss, run.cpu, time.monotonic() - run.start, err, hang)

    def _kill(self, run: _Running) -> int:
        below = descendants(run.pid)  # before the kill: then they would belong to init
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
        for pid in below:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(run.pid, 0)
        return usage.ru_maxrss

    def _reap(self) -> Iterator[tuple[object, Outcome]]:
        for run in list(self.running.values()):
            done, wstatus, usage = os.wait4(run.pid, os.WNOHANG)
            if done:
                run.cpu = max(run.cpu, usage.ru_utime + usage.ru_stime)
                # the group may have left processes behind (e.g. a converter): they go with their case
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(run.pid, signal.SIGKILL)
                yield self._finish(run, os.waitstatus_to_exitcode(wstatus), usage.ru_maxrss, "")

    def _watch(self) -> Iterator[tuple[object, Outcome]]:
        now = time.monotonic()
        cpu = group_cpu(set(self.running))
        for pid, used in cpu.items():
            run = self.running.get(pid)
            if run is None:
                continue
            run.cpu = max(run.cpu, used)
            hang = (
                "cpu" if run.cpu > self.cpu_timeout else "wall" if now - run.start > self.wall_timeout else ""
            )
            if hang:
                yield self._finish(run, None, self._kill(run), hang)

    def run(self, cases: Iterable[tuple[object, list[str]]]) -> Iterator[tuple[object, Outcome]]:
        """Run every (key, argv) case; yield each key with its Outcome in the order they finish."""
        pending = iter(cases)
        exhausted = False
        last_watch = 0.0
        try:
            while True:
                while not exhausted and len(self.running) < self.jobs:
                    case = next(pending, None)
                    if case is None:
                        exhausted = True
                        break
                    self._start(*case)
                if not self.running:
                    return
                yield from self._reap()
                if time.monotonic() - last_watch > 0.25:
                    last_watch = time.monotonic()
                    yield from self._watch()
                time.sleep(self.poll)
        finally:
            self.close()

    def close(self) -> None:
        """Kill and reap whatever is still running (an interrupted campaign leaves no child behind)."""
        for run in list(self.running.values()):
            self._kill(run)
            with contextlib.suppress(OSError):
                os.unlink(run.err_name)
            del self.running[run.pid]
