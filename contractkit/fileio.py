"""File helpers every module shares: atomic writes and bounded reads of untrusted input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from contractkit.errors import UnreadableInput

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def atomic_write(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename: never half-written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on success it is renamed onto ``path``, on failure removed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_size(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Refuse, without reading it, a missing path, a folder or a file over ``max_bytes``; return its size."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise UnreadableInput("file not found", path=str(p)) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror}", path=str(p)) from None
    if p.is_dir():
        raise UnreadableInput("is a folder, not a file", path=str(p))
    if size > max_bytes:
        raise UnreadableInput(
            f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit",
            path=str(p),
            hint="raise the limit with --max-size (MB) or max_input_mb in the config if the file is trusted",
        )
    return size


def read_bounded(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole file, refusing (not reading) one larger than ``max_bytes``."""
    p = Path(path)
    check_size(p, max_bytes)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror}", path=str(p)) from None
