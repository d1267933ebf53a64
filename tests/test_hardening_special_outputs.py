"""Outputs named by a device or a FIFO (``--write-baseline /dev/null``, ``--annotate /dev/full``, a pipe) are
written through, never replaced by a regular file: the device keeps working, a full one is one line and
exit 2, and a FIFO nobody reads is refused instead of blocking. (Found by the fuzz campaign:
``--annotate /dev/full`` reported success and left /dev/full a 43 KB regular file.) The devices here are
private copies (mknod)."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from contractkit.cli import main
from contractkit.errors import WriteFailed
from contractkit.fileio import atomic_write

DRAFT = str(Path(__file__).resolve().parent.parent / "samples" / "drafts" / "defective-sales-contract.docx")


def _device(folder: Path, name: str, minor: int) -> Path:
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except (PermissionError, OSError) as exc:  # not root, or a file system without device nodes
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


@pytest.fixture
def full(tmp_path: Path) -> Path:
    return _device(tmp_path, "full", 7)  # as /dev/full: every write fails with ENOSPC


@pytest.fixture
def null(tmp_path: Path) -> Path:
    return _device(tmp_path, "null", 3)  # as /dev/null


def test_a_full_device_is_a_write_failure_and_stays_a_device(full):
    with pytest.raises(WriteFailed) as err:
        atomic_write(full, b"x" * 10_000)
    assert err.value.path == str(full) and "space" in err.value.message
    assert stat.S_ISCHR(full.stat().st_mode)


def test_a_null_device_takes_the_output_and_stays_a_device(null):
    assert atomic_write(null, b"data") == null
    assert stat.S_ISCHR(null.stat().st_mode)
    assert not [p for p in null.parent.iterdir() if p.name.endswith(".part")]


def test_a_fifo_without_a_reader_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(WriteFailed):
        atomic_write(fifo, b"{}")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_with_a_reader_receives_the_whole_output(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    opened = threading.Event()

    payload = bytes(range(256)) * 1000  # more than a pipe buffer

    def read() -> None:
        # non-blocking: before the writer opens, a read sees EOF (b""); keep the read end open and poll
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        opened.set()
        data = bytearray()
        deadline = time.monotonic() + 20
        try:
            while len(data) < len(payload) and time.monotonic() < deadline:
                try:
                    chunk = os.read(fd, 65536)
                except BlockingIOError:  # a writer is there, no data yet
                    chunk = None
                if chunk:
                    data += chunk
                else:
                    time.sleep(0.01)
        finally:
            os.close(fd)
        got.append(bytes(data))

    reader = threading.Thread(target=read)
    reader.start()
    opened.wait(5)
    atomic_write(fifo, payload)
    reader.join(25)
    assert got == [payload] and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("flag", ["--annotate", "--write-baseline"])
def test_lint_writing_to_a_full_device_exits_2_and_keeps_it(capsys, full, flag):
    assert main(["lint", DRAFT, flag, str(full)]) == 2
    err = capsys.readouterr().err
    assert str(full) in err and "Traceback" not in err
    assert stat.S_ISCHR(full.stat().st_mode)


def test_lint_baseline_to_a_null_device_succeeds(capsys, null):
    assert main(["lint", DRAFT, "--write-baseline", str(null)]) == 0
    assert stat.S_ISCHR(null.stat().st_mode)
