"""The resume manifest: for every rendered deal, the key of what was asked (deal content, output name, format,
template, contractkit version) and the outputs written (name, sha256, size). Kept in ``DEST/.contractkit/``
as JSON Lines parts, each written atomically by the client as results arrive (works on object stores, which
cannot append); a re-run skips a deal whose key is recorded and whose outputs are present and complete."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from contractkit.cluster.dest import Destination, Written, digest

FOLDER = ".contractkit"
PREFIX = "manifest-"


def job_key(text: str, name: str, fmt: str, template_sha: str) -> str:
    """A hash of everything that decides a deal's outputs: its JSON text as given, name, format, template and
    version (computed by the worker that renders the deal, and by the client only to skip on a re-run)."""
    from contractkit import __version__

    head = json.dumps([name, fmt, template_sha, __version__], ensure_ascii=False)
    return digest(f"{head}\n{text}".encode())


def row(key: str, label: str, outputs: Iterable[Written]) -> str:
    """One manifest line: a rendered deal's key, label and outputs (made on the worker)."""
    rows = [w.__dict__ for w in outputs]
    return json.dumps({"key": key, "label": label, "outputs": rows}, ensure_ascii=False)


def _run_id() -> str:
    """A run's part names sort after every earlier run's (to the nanosecond), so a re-run's rows win."""
    ns = time.time_ns()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(ns // 10**9))
    return f"{stamp}.{ns % 10**9:09d}-{uuid.uuid4().hex[:8]}"


@dataclass
class Manifest:
    """What earlier runs into DEST recorded (key → outputs) and what this run adds (flushed in parts)."""

    dest: Destination
    done: dict[str, tuple[Written, ...]] = field(default_factory=dict)
    _buffer: list[str] = field(default_factory=list)
    _run: str = field(default_factory=lambda: _run_id())
    _part: int = 0
    _last_flush: float = field(default_factory=time.monotonic)

    @classmethod
    def load(cls, dest: Destination) -> Manifest:
        """Read every manifest part in DEST (none yet → empty)."""
        manifest = cls(dest)
        for name in sorted(dest.sizes(FOLDER)):
            if not (name.startswith(PREFIX) and name.endswith(".jsonl")):
                continue
            for raw in dest.read(f"{FOLDER}/{name}").decode("utf-8").splitlines():
                try:
                    row = json.loads(raw)
                    manifest.done[row["key"]] = tuple(Written(**w) for w in row["outputs"])
                except (ValueError, KeyError, TypeError):
                    continue  # a torn line cannot happen (parts are atomic); an edited one is ignored
        return manifest

    def complete(self, key: str, present: dict[str, int], *, verify: bool = False) -> bool:
        """True when ``key`` is recorded and each of its outputs is in ``present`` (name → size) with the
        recorded size (and, with ``verify``, the recorded sha256)."""
        outputs = self.done.get(key)
        if not outputs:
            return False
        for w in outputs:
            if present.get(w.name) != w.size:
                return False
            if verify and digest(self.dest.read(w.name)) != w.sha256:
                return False
        return True

    def add(self, key: str, label: str, outputs: Iterable[Written]) -> None:
        """Record one rendered deal; parts are flushed every 1,000 rows or 30 s."""
        self.add_rows([row(key, label, outputs)])

    def add_rows(self, rows: list[str]) -> None:
        """Record the lines :func:`row` made (a chunk's, from its worker); flushed every 1,000 or 30 s."""
        self._buffer.extend(rows)
        if len(self._buffer) >= 1000 or time.monotonic() - self._last_flush > 30:
            self.flush()

    def flush(self) -> None:
        """Write the rows recorded since the last flush as one new part (atomically)."""
        self._last_flush = time.monotonic()
        if not self._buffer:
            return
        self.dest.makedirs(FOLDER)
        data = ("\n".join(self._buffer) + "\n").encode("utf-8")
        self.dest.write(f"{FOLDER}/{PREFIX}{self._run}-{self._part:06d}.jsonl", data)
        self._part += 1
        self._buffer.clear()
