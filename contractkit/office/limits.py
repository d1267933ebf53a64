"""Memory caps for the external programs the product runs on users' files (LibreOffice, Tesseract).

A hostile or merely huge document must not take the machine's memory: each converter process gets an
address-space limit (``RLIMIT_AS``, inherited by everything it starts) through util-linux ``prlimit`` when
it is there, else ``ulimit -v`` in ``sh``. Over the limit the program fails to allocate and exits; the caller
reports the file as unreadable ("ran out of its memory limit"), never as clean. The limits are settings:
``CONTRACTKIT_OFFICE_MEMORY_MB`` (default 1536) and ``CONTRACTKIT_OCR_MEMORY_MB`` (default 1024); ``0`` turns
a cap off. Measured: converting a 45-page contract peaks at ≈ 215 MB resident, and LibreOffice runs with an
800 MB address space; Tesseract on a 300 dpi A4 page with chi_sim+chi_tra peaks at ≈ 250 MB.
"""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import tempfile
from pathlib import Path

OFFICE_MEMORY_MB = 1536
OCR_MEMORY_MB = 1024


def _setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        return default
    return max(0, value)


def office_memory_mb() -> int:
    """The address-space cap for LibreOffice, in MB (0 = none)."""
    return _setting("CONTRACTKIT_OFFICE_MEMORY_MB", OFFICE_MEMORY_MB)


def ocr_memory_mb() -> int:
    """The address-space cap for Tesseract, in MB (0 = none)."""
    return _setting("CONTRACTKIT_OCR_MEMORY_MB", OCR_MEMORY_MB)


#: Seconds between the soft CPU limit (SIGXCPU: the process stops, and the caller knows why) and the hard
#: one (SIGKILL, for a process that ignores SIGXCPU).
CPU_GRACE = 5


def capped(cmd: list[str], megabytes: int, cpu_seconds: int = 0) -> list[str]:
    """``cmd`` run with an address-space limit of ``megabytes`` MB and a CPU-time limit of ``cpu_seconds``
    (each unchanged when 0; over the CPU limit the kernel sends SIGXCPU, :data:`CPU_GRACE` s later
    SIGKILL)."""
    if megabytes <= 0 and cpu_seconds <= 0:
        return list(cmd)
    prlimit = shutil.which("prlimit")
    if prlimit:
        opts = [f"--as={megabytes * 1024 * 1024}"] if megabytes > 0 else []
        opts += [f"--cpu={cpu_seconds}:{cpu_seconds + CPU_GRACE}"] if cpu_seconds > 0 else []
        return [prlimit, *opts, "--", *cmd]
    ulimits = ([f"ulimit -v {megabytes * 1024}"] if megabytes > 0 else []) + (
        [f"ulimit -S -t {cpu_seconds}", f"ulimit -H -t {cpu_seconds + CPU_GRACE}"] if cpu_seconds > 0 else []
    )
    return ["sh", "-c", " && ".join(ulimits) + ' && exec "$@"', "sh", *cmd]


def capped_program(
    program: str, megabytes: int, folder: str | Path | None = None, cpu_seconds: int = 0
) -> str:
    """Path of a small executable that runs ``program`` with its arguments under the caps (memory, CPU
    time) — for libraries that take one program path (pytesseract's ``tesseract_cmd``). ``program`` itself
    when uncapped."""
    if megabytes <= 0 and cpu_seconds <= 0:
        return program
    base = Path(folder or tempfile.gettempdir())
    script = base / f"contractkit-capped-{Path(program).name}-{megabytes}-{cpu_seconds}-{os.getuid()}.sh"
    words = " ".join(shlex.quote(part) for part in capped([program], megabytes, cpu_seconds))
    body = f'#!/bin/sh\nexec {words} "$@"\n'
    try:
        if script.read_text(encoding="utf-8") == body:
            return str(script)
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=base, prefix=".contractkit-capped-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body)
    os.chmod(tmp, stat.S_IRWXU)
    os.replace(tmp, script)
    return str(script)


def out_of_memory(returncode: int | None, stderr: str = "") -> bool:
    """True when a capped program's failure looks like the cap (allocation failed or killed by it)."""
    text = stderr.lower()
    return (
        returncode is not None
        and returncode != 0
        and (
            "bad_alloc" in text
            or "out of memory" in text
            or "cannot allocate" in text
            or returncode in (-6, 134)
        )
    )
