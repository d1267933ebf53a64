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


def capped(cmd: list[str], megabytes: int) -> list[str]:
    """``cmd`` run with an address-space limit of ``megabytes`` MB (unchanged when ``megabytes`` is 0)."""
    if megabytes <= 0:
        return list(cmd)
    limit = megabytes * 1024 * 1024
    prlimit = shutil.which("prlimit")
    if prlimit:
        return [prlimit, f"--as={limit}", "--", *cmd]
    return ["sh", "-c", f'ulimit -v {megabytes * 1024} && exec "$@"', "sh", *cmd]


def capped_program(program: str, megabytes: int, folder: str | Path | None = None) -> str:
    """Path of a small executable that runs ``program`` with its arguments under the cap — for libraries that
    take one program path (pytesseract's ``tesseract_cmd``). Returns ``program`` itself when uncapped."""
    if megabytes <= 0:
        return program
    base = Path(folder or tempfile.gettempdir())
    script = base / f"contractkit-capped-{Path(program).name}-{megabytes}-{os.getuid()}.sh"
    words = " ".join(shlex.quote(part) for part in capped([program], megabytes))
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
