"""Atomic writes leave nothing half-written; bounded reads refuse large files unread."""

from __future__ import annotations

import pytest

from contractkit.errors import UnreadableInput
from contractkit.fileio import atomic_path, atomic_write, read_bounded


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "sub" / "out.docx"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["out.docx"]


def test_failure_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("converter crashed")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_read_bounded_refuses_large_file(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * 2048)
    assert read_bounded(big, max_bytes=4096) == b"x" * 2048
    with pytest.raises(UnreadableInput, match="over the") as exc:
        read_bounded(big, max_bytes=1024)
    assert exc.value.hint and "limit" in exc.value.hint


@pytest.mark.parametrize("make", [lambda p: p, lambda p: (p.mkdir(), p)[1]])
def test_read_bounded_missing_or_folder(tmp_path, make):
    path = make(tmp_path / "x")
    with pytest.raises(UnreadableInput):
        read_bounded(path)


def test_outputs_get_the_umask_permissions(tmp_path):
    import os

    old = os.umask(0o027)
    try:
        target = atomic_write(tmp_path / "out.docx", b"x")
        with atomic_path(tmp_path / "b.pdf") as tmp:
            tmp.write_bytes(b"y")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "b.pdf").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("place", ["afile/sub.docx", "afolder"])
def test_write_failure_is_one_write_error(tmp_path, place):
    from contractkit.errors import WriteFailed

    (tmp_path / "afile").write_bytes(b"")
    (tmp_path / "afolder").mkdir()
    with pytest.raises(WriteFailed) as exc:
        atomic_write(tmp_path / place, b"x")
    assert exc.value.path == str(tmp_path / place) and exc.value.exit_code == 2 and exc.value.zh
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "afolder"]


def test_write_into_proc_is_a_write_error():
    from contractkit.errors import WriteFailed

    with pytest.raises(WriteFailed):
        atomic_write("/proc/contractkit-x.docx", b"x")


def test_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableInput, match="not a regular file"):
        read_bounded(fifo)
