"""Where cluster outputs go: a local folder or an fsspec URL (``s3://``, ``gs://``, ``file://`` …), each file
written atomically by the worker that made it and named by its hash and size for the manifest."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from functools import cached_property
from typing import Any

#: Object stores where one ``put`` is atomic (the object appears whole or not at all).
_OBJECT_STORES = {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "oss", "r2"}


@dataclass(frozen=True)
class Written:
    """One output file: its name inside DEST, its sha256 and size."""

    name: str
    sha256: str
    size: int


def digest(data: bytes) -> str:
    """The sha256 of ``data`` (hex), as recorded in the manifest."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Destination:
    """DEST as given (folder path or URL); picklable, so it travels to the workers with each task."""

    url: str

    def __getstate__(self) -> dict[str, str]:
        return {"url": self.url}  # not the cached filesystem: each worker opens its own

    def __setstate__(self, state: dict[str, str]) -> None:
        object.__setattr__(self, "url", state["url"])

    @cached_property
    def _fs(self) -> tuple[Any, str]:
        import fsspec

        fs, root = fsspec.core.url_to_fs(self.url)
        return fs, root.rstrip("/") or root

    @property
    def fs(self) -> Any:
        """The fsspec filesystem."""
        return self._fs[0]

    @property
    def root(self) -> str:
        """DEST's path inside the filesystem."""
        return self._fs[1]

    @property
    def local(self) -> bool:
        """True for a local folder (or ``file://``)."""
        return "file" in _protocols(self.fs)

    def path(self, name: str) -> str:
        """The filesystem path of ``name`` inside DEST."""
        return f"{self.root}/{name}"

    def display(self, name: str) -> str:
        """How ``name`` inside DEST is shown to people (the URL as given, joined)."""
        return f"{self.url.rstrip('/')}/{name}"

    def makedirs(self, sub: str = "") -> None:
        """Create DEST (and ``sub`` inside it) if missing."""
        self.fs.makedirs(self.path(sub) if sub else self.root, exist_ok=True)

    def write(self, name: str, data: bytes) -> Written:
        """Write ``data`` as ``name`` atomically: a local temp file renamed, one put on an object store,
        else a temp name moved into place."""
        target = self.path(name)
        if self.local:
            from contractkit.fileio import atomic_write

            atomic_write(target, data)
        elif _protocols(self.fs) & _OBJECT_STORES:
            self.fs.pipe_file(target, data)
        else:
            parent, _, base = target.rpartition("/")
            tmp = f"{parent}/.{base}.part-{uuid.uuid4().hex[:12]}"
            self.fs.pipe_file(tmp, data)
            try:
                self.fs.mv(tmp, target)
            except Exception:
                self.fs.rm(tmp)
                raise
        return Written(name, digest(data), len(data))

    def read(self, name: str) -> bytes:
        """The bytes of ``name`` inside DEST."""
        return self.fs.cat_file(self.path(name))

    def sizes(self, sub: str = "") -> dict[str, int]:
        """Every file directly in DEST (or ``sub``) → its size; {} when the folder does not exist yet."""
        base = self.path(sub) if sub else self.root
        try:
            entries = self.fs.ls(base, detail=True)
        except FileNotFoundError:
            return {}
        out: dict[str, int] = {}
        for e in entries:
            if e.get("type") == "file":
                out[str(e["name"]).rstrip("/").rpartition("/")[2]] = int(e.get("size") or 0)
        return out


def _protocols(fs: Any) -> set[str]:
    proto = fs.protocol
    return set(proto) if isinstance(proto, tuple | list) else {proto}
