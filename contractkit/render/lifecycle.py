"""Child processes that die with their parent, and temp folders swept after a killed run.

Workers and converters ask the kernel (Linux ``PR_SET_PDEATHSIG``) for SIGKILL when the parent dies, so a
killed batch leaves no orphans. Temp folders carry the owner's pid in their name; a later run removes those
whose owner is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import tempfile
from pathlib import Path

_PR_SET_PDEATHSIG = 1
PREFIX = "contractkit-"


def die_with_parent() -> None:
    """In a child: be sent SIGKILL when the parent process dies (Linux; a no-op elsewhere)."""
    with contextlib.suppress(OSError, AttributeError, TypeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


#: The reaper: runs the command as its child in the reaper's own process group, asks the kernel for SIGTERM
#: when the thread that started it dies, and on SIGTERM (or that death) kills the whole group — LibreOffice's
#: soffice.bin is a grandchild that a parent-death signal alone would not reach.
_REAPER = """
import ctypes, ctypes.util, os, signal, subprocess, sys
parent = int(sys.argv[1])
def reap(*_):
    os.killpg(0, signal.SIGKILL)
signal.signal(signal.SIGTERM, reap)
try:
    ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").prctl(1, signal.SIGTERM, 0, 0, 0)
except Exception:
    pass
if os.getppid() != parent:
    reap()
proc = subprocess.Popen(sys.argv[2:])
sys.exit(proc.wait())
"""


def reaped(cmd: list[str]) -> list[str]:
    """``cmd`` run under the reaper: start the result with ``start_new_session=True`` and it, with every
    process it starts, dies when the parent dies or the group is sent SIGTERM."""
    import sys

    return [sys.executable, "-I", "-S", "-c", _REAPER, str(os.getpid()), *cmd]


def temp_dir(kind: str) -> tempfile.TemporaryDirectory:
    """A temp folder named ``contractkit-KIND-PID-…`` so a later run can tell when its owner has died."""
    sweep()
    return tempfile.TemporaryDirectory(prefix=f"{PREFIX}{kind}-{os.getpid()}-")


def sweep(root: str | Path | None = None) -> int:
    """Remove ``contractkit-KIND-PID-…`` folders whose process is gone; return how many were removed."""
    base = Path(root or tempfile.gettempdir())
    removed = 0
    try:
        entries = list(base.glob(f"{PREFIX}*-*-*"))
    except OSError:
        return 0
    for entry in entries:
        pid = _owner(entry.name)
        if pid is None or _alive(pid) or not entry.is_dir() or entry.is_symlink():
            continue
        with contextlib.suppress(OSError):
            if entry.stat().st_uid != os.getuid():
                continue
            shutil.rmtree(entry)
            removed += 1
    return removed


def _owner(name: str) -> int | None:
    parts = name[len(PREFIX) :].split("-")
    if len(parts) < 3 or not parts[1].isdigit():
        return None
    return int(parts[1])


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
