"""Read deal JSON: numbers as ``Decimal``, bounded size, clear errors with line and column; iterate over
files, folders and JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from contractkit.errors import ContractkitError, UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, read_bounded

DEAL_SUFFIXES = (".json", ".jsonl")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in a deal")


def _decode(data: bytes, label: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x})",
            path=label,
            hint="save the file as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


def parse_deal(text: str, *, label: str, line_offset: int = 0) -> dict:
    """Parse one deal from JSON text; errors name the line and column."""
    try:
        value = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            f"malformed JSON: {exc.msg}",
            path=label,
            where=f"line {exc.lineno + line_offset}, column {exc.colno}",
            hint="fix the JSON syntax at that place",
        ) from None
    except (ValueError, RecursionError) as exc:
        raise UnreadableInput(f"malformed JSON: {exc}", path=label) from None
    if not isinstance(value, dict):
        raise UnreadableInput(
            f"the top level is a JSON {type(value).__name__}, not an object",
            path=label,
            hint='a deal is one JSON object such as {"kind": "contract", ...}',
        )
    return value


def load_deal(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Load one deal from a JSON file (floats as ``Decimal``); a file over ``max_bytes`` is refused unread."""
    label = str(path)
    return parse_deal(_decode(read_bounded(path, max_bytes), label), label=label)


def _iter_jsonl(path: Path, max_bytes: int) -> Iterator[tuple[str, dict | ContractkitError]]:
    try:
        text = _decode(read_bounded(path, max_bytes), str(path))
    except ContractkitError as exc:
        yield str(path), exc
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{path}:{number}"
        try:
            yield label, parse_deal(line, label=label, line_offset=number - 1)
        except ContractkitError as exc:
            yield label, exc


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(c for c in p.iterdir() if c.is_file() and c.suffix in DEAL_SUFFIXES)
        else:
            yield p


def iter_deals(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, dict | ContractkitError]]:
    """Yield ``(label, deal or error)`` for files, folders (their *.json / *.jsonl, sorted) and JSON Lines
    (one deal a line, labelled ``file:line``); one bad entry does not stop the others."""
    for path in _expand(paths):
        if path.suffix == ".jsonl":
            yield from _iter_jsonl(path, max_bytes)
            continue
        try:
            yield str(path), load_deal(path, max_bytes=max_bytes)
        except ContractkitError as exc:
            yield str(path), exc
