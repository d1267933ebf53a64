"""A bounded cache of OCR'd pages, keyed by the page image's hash and everything that shapes the reading.

Variants of one scan share pages, and re-linting an archive reads the same pages again: Tesseract (seconds a
page) runs once per distinct page. In memory: the last :data:`MEMORY_PAGES` pages of this process. On disk,
only when ``CONTRACTKIT_OCR_CACHE`` names a folder: at most :data:`DISK_PAGES` pages there, the oldest
removed first. A key is a SHA-256 of the pixels, their size and mode, the reading's settings (languages,
page segmentation, softening, ruling removal, memory cap), Tesseract's version and :data:`PIPELINE`, so a
page is never served from another reading; only successful readings are kept, and a damaged or foreign
entry on disk is ignored (the page is read again).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from collections import OrderedDict
from pathlib import Path
from typing import Any

#: Bumped whenever the reading of a page changes (preprocessing, line assembly, clean-up of lines) or the
#: shape of what is kept (6.0: each line with Tesseract's confidence in it; 6.2: specks dropped; 6.3: each
#: line with its words' character ranges and confidences; 6.4: salt noise cleared before OCR; 6.5: read
#: cleared only when read poorly without).
PIPELINE = "6.5"
#: Pages kept in memory per process (their lines only: a few kB each).
MEMORY_PAGES = 64
#: Pages kept in the disk cache folder at most.
DISK_PAGES = 5000
#: A disk entry larger than this is not read (a page's lines are a few kB).
MAX_ENTRY_BYTES = 1 << 20
ENV = "CONTRACTKIT_OCR_CACHE"
#: One cached line: its text (a leading mark says a table row), Tesseract's confidence in it (0–100, or
#: None when not known) and its words' ranges ``[start, end, confidence]`` in the text.
Line = tuple[str, float | None, list]
_memory: OrderedDict[str, list[Line]] = OrderedDict()
_puts = 0


@functools.lru_cache(maxsize=1)
def _tesseract_version() -> str:
    try:
        import pytesseract

        return str(pytesseract.get_tesseract_version())
    except Exception:
        return "?"


def page_key(image: Any, **settings: object) -> str:
    """The cache key of reading ``image`` (a PIL image) with ``settings``."""
    digest = hashlib.sha256()
    head = [PIPELINE, _tesseract_version(), image.mode, image.size, sorted(settings.items())]
    digest.update(repr(head).encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def _folder() -> Path | None:
    value = os.environ.get(ENV, "").strip()
    return Path(value) if value else None


def get(key: str) -> list[Line] | None:
    """The lines cached for ``key`` (memory first, then the disk folder if set), or None."""
    if key in _memory:
        _memory.move_to_end(key)
        return list(_memory[key])
    folder = _folder()
    if folder is None:
        return None
    path = folder / key[:2] / f"{key}.json"
    try:
        if path.stat().st_size > MAX_ENTRY_BYTES:
            return None  # no page's lines are that long: not an entry of ours
        lines = [_line(x) for x in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return None  # unreadable, not JSON, not a list of [text, confidence, words]: read the page again
    _remember(key, lines)
    return list(lines)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _line(entry: object) -> Line:
    """One cached line read back from JSON (``[text, confidence, [[start, end, confidence], …]]``);
    anything else is a ValueError."""
    if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str)):
        raise ValueError("not a cached line")
    text, conf, words = entry
    if conf is not None and not _number(conf):
        raise ValueError("not a confidence")
    if not isinstance(words, list) or not all(
        isinstance(w, list) and len(w) == 3 and all(_number(v) for v in w) for w in words
    ):
        raise ValueError("not a line's word ranges")
    return text, None if conf is None else float(conf), [[int(a), int(b), float(c)] for a, b, c in words]


def put(key: str, lines: list[Line]) -> None:
    """Keep ``lines`` for ``key``: in memory, and on disk when the folder is set (written atomically)."""
    global _puts
    _remember(key, list(lines))
    folder = _folder()
    if folder is None:
        return
    try:
        sub = folder / key[:2]
        sub.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=sub, prefix=".tmp-")
    except OSError:
        return  # a cache that cannot be written is no cache: the page was read all the same
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(lines, fh, ensure_ascii=False)
        os.replace(tmp, sub / f"{key}.json")
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # nothing half-written is left in the folder
        return
    _puts += 1
    if _puts % 100 == 1:
        trim(folder)


def trim(folder: Path, keep: int = DISK_PAGES) -> None:
    """Remove the oldest pages of the disk cache ``folder`` beyond ``keep``."""
    entries = []
    for path in folder.glob("??/*.json"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    entries.sort()
    for _, path in entries[: max(0, len(entries) - keep)]:
        with contextlib.suppress(OSError):
            path.unlink()


def clear_memory() -> None:
    """Forget the pages cached in this process."""
    _memory.clear()


def _remember(key: str, lines: list[Line]) -> None:
    _memory[key] = lines
    _memory.move_to_end(key)
    while len(_memory) > MEMORY_PAGES:
        _memory.popitem(last=False)
