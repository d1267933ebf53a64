"""The deals of a cluster render as text: the client reads each file as the local path does (same labels
``file`` / ``file:line``, same errors for an unreadable file) but ships each deal's JSON text unparsed; the
workers parse and validate it. The client only peeks at the top level (number, kind) to plan the names."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from contractkit.errors import ContractkitError
from contractkit.fileio import DEFAULT_MAX_BYTES, read_bounded


def iter_deal_texts(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, str | ContractkitError, int]]:
    """Yield ``(label, JSON text or error, line offset)`` in the order and with the labels of
    :func:`contractkit.deal.load.iter_deals`; the offset is the line number of the text's first line − 1."""
    from contractkit.deal.load import decode_deal_text, expand_deal_paths  # as the local path does

    for path in expand_deal_paths(paths):
        if isinstance(path, tuple):  # a folder that cannot be listed
            yield str(path[0]), path[1], 0
            continue
        try:
            text = decode_deal_text(read_bounded(path, max_bytes), str(path))
        except ContractkitError as exc:
            yield str(path), exc, 0
            continue
        if path.suffix != ".jsonl":
            yield str(path), text, 0
            continue
        for number, line in enumerate(text.split("\n"), start=1):  # as _iter_jsonl: \n only
            line = line.removesuffix("\r")
            if line.strip():
                yield f"{path}:{number}", line, number - 1


def _no_constant(name: str) -> None:
    raise ValueError(name)


def peek(text: str, label: str, offset: int = 0) -> dict | ContractkitError:
    """The deal's top level, for naming (C-speed ``json.loads``, numbers as ``Decimal``; duplicate keys and
    depth are the workers' checks), or the error the local path reports when the text is not a JSON object."""
    try:
        value = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        value = None
    if isinstance(value, dict):
        return value
    from contractkit.deal.load import parse_deal

    try:
        return parse_deal(text, label=label, line_offset=offset)  # raises the local path's exact error
    except ContractkitError as exc:
        return exc
