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


class _Constant(ValueError):
    """NaN, Infinity or -Infinity in a deal: JSON has no such numbers and a deal's amounts must be finite."""

    def __init__(self, name: str):
        super().__init__(f"{name} is not allowed in a deal")
        self.name = name


def _reject_constant(name: str) -> None:
    raise _Constant(name)


def decode_deal_text(data: bytes, label: str) -> str:
    """The UTF-8 text of a deal file (a BOM dropped); a clear error naming ``label`` when it is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x})",
            path=label,
            hint="save the file as UTF-8",
            zh=f"不是 UTF-8 文本（第 {exc.start} 字节为 0x{data[exc.start]:02x}）",
            hint_zh="请将文件另存为 UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


#: Deepest nesting of objects and arrays a deal may have (real deals nest 5 levels).
MAX_DEPTH = 32


class _Pairs(dict):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: tuple[str, ...] = ()


def _pairs_hook(pairs: list[tuple[str, object]]) -> dict:
    obj = _Pairs(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        obj.duplicates = tuple(dict.fromkeys(k for k, _ in pairs if k in seen or seen.add(k)))  # type: ignore[func-returns-value]
    return obj


def parse_deal(text: str, *, label: str, line_offset: int = 0) -> dict:
    """Parse one deal from JSON text; errors name the line and column (or the JSON pointer)."""
    try:
        value = json.loads(
            text, parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=_pairs_hook
        )
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            f"malformed JSON: {exc.msg}",
            path=label,
            where=f"line {exc.lineno + line_offset}, column {exc.colno}",
            hint="fix the JSON syntax at that place",
            zh=f"JSON 格式错误：{exc.msg}",
            hint_zh="请修正该处的 JSON 语法",
            where_zh=f"第 {exc.lineno + line_offset} 行第 {exc.colno} 列",
        ) from None
    except _Constant as exc:
        raise UnreadableInput(
            f"malformed JSON: {exc}",
            path=label,
            hint="write a finite number there (or leave the field out)",
            zh=f"JSON 格式错误：单据中不允许出现 {exc.name}",
            hint_zh="请在该处填写有限的数字（或删去该字段）",
        ) from None
    except RecursionError:
        raise UnreadableInput(
            "malformed JSON: nested too deeply",
            path=label,
            hint="a deal nests a few levels; check how the file was generated",
            zh="JSON 格式错误：嵌套层数过多",
            hint_zh="单据只有几层嵌套；请检查文件的生成方式",
        ) from None
    except ValueError as exc:
        raise UnreadableInput(f"malformed JSON: {exc}", path=label, zh=f"JSON 格式错误：{exc}") from None
    if not isinstance(value, dict):
        raise UnreadableInput(
            f"the top level is a JSON {type(value).__name__}, not an object",
            path=label,
            hint='a deal is one JSON object such as {"kind": "contract", ...}',
            zh=f"顶层是 JSON {type(value).__name__}，不是对象",
            hint_zh='一笔单据是一个 JSON 对象，例如 {"kind": "contract", ...}',
        )
    return _plain(value, label)


def _plain(value: dict, label: str) -> dict:
    """Check depth and duplicate keys, and turn the parsed objects back into plain dicts."""
    from contractkit.deal.validate import pointer

    def walk(v: object, parts: list[str | int]) -> object:
        if len(parts) > MAX_DEPTH:
            raise UnreadableInput(
                f"nested more than {MAX_DEPTH} levels deep",
                path=label,
                where=pointer(parts),
                hint="a deal nests a few levels; check how the file was generated",
                zh=f"嵌套超过 {MAX_DEPTH} 层",
                hint_zh="单据只有几层嵌套；请检查文件的生成方式",
            )
        if isinstance(v, dict):
            dupes = getattr(v, "duplicates", ())
            if dupes:
                names = ", ".join(repr(k) for k in dupes)
                raise UnreadableInput(
                    f"duplicate key {names}: JSON keeps only the last value",
                    path=label,
                    where=pointer(parts) if parts else "/",
                    hint="keep one entry for each key",
                    zh=f"重复的键 {names}：JSON 只保留最后一个值",
                    hint_zh="每个键只保留一项",
                )
            return {k: walk(x, [*parts, k]) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x, [*parts, i]) for i, x in enumerate(v)]
        return v

    return walk(value, [])  # type: ignore[return-value]


def load_deal(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Load one deal from a JSON file (floats as ``Decimal``); a file over ``max_bytes`` is refused unread."""
    label = str(path)
    return parse_deal(decode_deal_text(read_bounded(path, max_bytes), label), label=label)


def _iter_jsonl(path: Path, max_bytes: int) -> Iterator[tuple[str, dict | ContractkitError]]:
    try:
        text = decode_deal_text(read_bounded(path, max_bytes), str(path))
    except ContractkitError as exc:
        yield str(path), exc
        return
    for number, line in enumerate(text.split("\n"), start=1):  # JSON Lines: \n only, never U+2028/U+0085
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        label = f"{path}:{number}"
        try:
            yield label, parse_deal(line, label=label, line_offset=number - 1)
        except ContractkitError as exc:
            yield label, exc


def expand_deal_paths(paths: Iterable[str | Path]) -> Iterator[Path | tuple[Path, ContractkitError]]:
    """Deal files in ``paths`` (a folder gives its .json/.jsonl files), or (folder, error) when unlistable."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                yield from sorted(c for c in p.iterdir() if c.suffix in DEAL_SUFFIXES and not c.is_dir())
            except OSError as exc:
                yield (
                    p,
                    UnreadableInput(
                        f"cannot read the folder: {exc.strerror}",
                        path=str(p),
                        zh=f"无法读取文件夹：{exc.strerror}",
                    ),
                )
        else:
            yield p


def iter_deals(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, dict | ContractkitError]]:
    """Yield ``(label, deal or error)`` for files, folders (their *.json / *.jsonl, sorted) and JSON Lines
    (one deal a line, labelled ``file:line``); one bad entry does not stop the others."""
    for path in expand_deal_paths(paths):
        if isinstance(path, tuple):  # a folder that cannot be listed
            yield str(path[0]), path[1]
            continue
        if path.suffix == ".jsonl":
            yield from _iter_jsonl(path, max_bytes)
            continue
        try:
            yield str(path), load_deal(path, max_bytes=max_bytes)
        except ContractkitError as exc:
            yield str(path), exc
