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
from decimal import Decimal
from typing import Any

from contractkit.cluster.dest import Destination, Written, digest

FOLDER = ".contractkit"
PREFIX = "manifest-"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def job_key(deal: dict, name: str, fmt: str, template_sha: str) -> str:
    """A hash of everything that decides a deal's outputs: its content, name, format, template and version."""
    from contractkit import __version__

    canonical = json.dumps(
        {"deal": deal, "name": name, "fmt": fmt, "template": template_sha, "version": __version__},
        sort_keys=True,
        ensure_ascii=False,
        default=_plain,
        separators=(",", ":"),
    )
    return digest(canonical.encode("utf-8"))


@dataclass
class Manifest:
    """What earlier runs into DEST recorded (key → outputs) and what this run adds (flushed in parts)."""

    dest: Destination
    done: dict[str, tuple[Written, ...]] = field(default_factory=dict)
    _buffer: list[str] = field(default_factory=list)
    _run: str = field(default_factory=lambda: f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}")
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
        rows = [w.__dict__ for w in outputs]
        self._buffer.append(json.dumps({"key": key, "label": label, "outputs": rows}, ensure_ascii=False))
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
