"""File helpers every module shares: atomic writes and bounded reads of untrusted input."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from contractkit.errors import UnreadableInput, WriteFailed

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: errno values that mean "the place cannot take the file", wherever they come from while writing.
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}


def atomic_write(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename: never half-written."""
    target = Path(path)
    with atomic_path(target) as tmp:
        try:
            tmp.write_bytes(data)
        except OSError as exc:
            raise write_failed(target, exc) from None
    return target


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on success it is renamed onto ``path`` (with the normal permissions
    of a new file under the umask), on failure removed. Failing to create or rename raises WriteFailed.
    A device or FIFO ``path`` is written through instead of replaced (``--write-baseline /dev/null``)."""
    target = Path(path)
    special = is_special(target)
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
        if not special:
            target.parent.mkdir(parents=True, exist_ok=True)
        # a device or FIFO is written through (never replaced): its temp file goes to the temp folder
        folder = tempfile.gettempdir() if special else target.parent
        fd, name = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise write_failed(target, exc) from None
    tmp = Path(name)
    try:
        try:
            yield tmp
        except OSError as exc:
            if exc.errno in _FULL or exc.filename in (str(tmp), name):
                raise write_failed(target, exc) from None
            raise
        try:
            if special:
                write_through(tmp, target)
                tmp.unlink()
            else:
                os.chmod(tmp, 0o666 & ~current_umask())
                os.replace(tmp, target)
        except OSError as exc:
            raise write_failed(target, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def is_special(path: Path) -> bool:
    """True when ``path`` exists and is neither a regular file nor a folder: a device, FIFO or socket."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_through(src: Path, target: Path) -> None:
    """Copy ``src`` into the device or FIFO ``target`` (``/dev/null``, ``/dev/stdout``, a pipe someone reads):
    opened without blocking, so a FIFO nobody reads is an error (ENXIO) rather than a wait."""
    fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        os.set_blocking(fd, True)
        with open(src, "rb") as fh:
            while chunk := fh.read(1 << 20):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def current_umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_failed(target: Path, exc: OSError) -> WriteFailed:
    """The one-line error for an output that cannot be written."""
    reason = exc.strerror or type(exc).__name__
    return WriteFailed(
        f"cannot write the output: {reason}",
        path=str(target),
        hint="choose a path in a folder that exists (or can be created) and that you may write to",
        zh=f"无法写入输出文件：{reason}",
        hint_zh="请选择位于可写文件夹（已存在或可创建）中的路径",
    )


def check_size(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Refuse, without reading it, a missing path, a folder, a FIFO/device or a file over ``max_bytes``;
    return its size."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise UnreadableInput("file not found", path=str(p), zh="文件不存在") from None
    except OSError as exc:
        raise UnreadableInput(
            f"cannot read: {exc.strerror}", path=str(p), zh=f"无法读取：{exc.strerror}"
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableInput("is a folder, not a file", path=str(p), zh="是文件夹，不是文件")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableInput(
            "not a regular file (a pipe, socket or device)",
            path=str(p),
            hint="give a saved file",
            zh="不是普通文件（管道、套接字或设备）",
            hint_zh="请给出已保存的文件",
        )
    size = st.st_size
    if size > max_bytes:
        raise UnreadableInput(
            f"file is {human_size(size)}, over the {human_size(max_bytes)} limit",
            path=str(p),
            hint="raise the limit with --max-size (MB) or max_input_mb in the config if the file is trusted",
            zh=f"文件大小 {human_size(size)}，超过 {human_size(max_bytes)} 的上限",
            hint_zh="如文件可信，可用 --max-size（MB）或配置项 max_input_mb 提高上限",
        )
    return size


def human_size(n: int) -> str:
    """``10485760`` → ``10 MB``, ``1536`` → ``1.5 KB``, ``12`` → ``12 bytes``."""
    for unit, size in (("MB", 1048576), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def read_bounded(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole regular file, refusing (not reading) one larger than ``max_bytes``."""
    p = Path(path)
    check_size(p, max_bytes)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped for a pipe since the check
                raise UnreadableInput("not a regular file", path=str(p), zh="不是普通文件")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableInput(
            f"cannot read: {exc.strerror}", path=str(p), zh=f"无法读取：{exc.strerror}"
        ) from None
    if len(data) > max_bytes:
        raise UnreadableInput(
            f"file grew past the {human_size(max_bytes)} limit while being read",
            path=str(p),
            zh=f"文件在读取时超过 {human_size(max_bytes)} 上限",
        )
    return data
