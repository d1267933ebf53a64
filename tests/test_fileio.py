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
