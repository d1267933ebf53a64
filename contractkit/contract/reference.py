"""The JSON shape of the facts model, written from the dataclasses themselves (``docs/contract-model.md``).

``model_reference()`` walks each family's return type (its ``extract`` annotation) and lists every class with
its fields and types, so the reference cannot drift from the code; a test keeps the committed page current.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import typing
from typing import Any

from contractkit.contract.model import FAMILIES

INTRO = """# The contract facts model

`contractkit extract FILE --format json` prints, per file, one object with a key per fact family below; the
Python API gives the same as `contractkit.contract.extract.extract_path(path)` (a `Contract` whose
families are attributes: `model.payment.installments`, …). Rules in `contractkit/checks/` are checks over it.

Conventions: money and percentages are decimal strings (`"30"` is 30 %); dates are ISO `YYYY-MM-DD`; every
fact read from the text has a `where` (or `…_where`) object `{"location": {...}, "text": "…"}` — the
location as in findings (`index` = block, then `paragraph` / `table`·`row`·`cell` for Word, `page`·`line`
for PDF, `line` for text) and the original words the fact was read from. A field that was not found is
`null` (or an empty list). "Missing X" in a rule means the extractor looked everywhere, in any wording, and
found nothing.

This page is generated from the code (`python scripts/model_doc.py`); `tests/test_contract_reference.py`
keeps it current.
"""


def _type_name(tp: Any) -> str:
    if isinstance(tp, str):
        return tp
    if tp is type(None):
        return "null"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " | ".join(_type_name(a) for a in args)
    if origin in (tuple, list):
        inner = [a for a in args if a is not Ellipsis]
        return f"list of {_type_name(inner[0])}" if inner else "list"
    if origin is dict:
        return f"object of {_type_name(args[1])}" if args else "object"
    if origin is typing.Literal:
        return " / ".join(f'"{a}"' if isinstance(a, str) else str(a) for a in args)
    if dataclasses.is_dataclass(tp):
        return f"`{tp.__name__}`"
    return {
        "Decimal": "decimal string",
        "date": "date",
        "str": "string",
        "int": "integer",
        "bool": "boolean",
    }.get(getattr(tp, "__name__", str(tp)), getattr(tp, "__name__", str(tp)))


def _hints(cls: type) -> dict[str, Any]:
    from contractkit.contract.model import Contract, Where

    try:
        return typing.get_type_hints(cls, localns={"Contract": Contract, "Where": Where})
    except NameError:  # an annotation names a type imported only for type checkers: print it as written
        module = importlib.import_module(cls.__module__)
        out: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            try:
                out[f.name] = typing.get_type_hints(
                    type("_", (), {"__annotations__": {f.name: f.type}, "__module__": cls.__module__}),
                    globalns=vars(module),
                    localns={"Contract": Contract, "Where": Where},
                )[f.name]
            except NameError:
                out[f.name] = f.type
        return out


def _classes(tp: Any, seen: dict[str, Any]) -> None:
    for arg in typing.get_args(tp) or ():
        _classes(arg, seen)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type) and tp.__name__ not in seen:
        seen[tp.__name__] = tp
        hints = _hints(tp)
        for f in dataclasses.fields(tp):
            if not f.name.startswith("_"):
                _classes(hints[f.name], seen)


def model_reference() -> str:
    """The Markdown reference of every family's facts."""
    parts = [INTRO]
    for family in FAMILIES:
        try:
            module = importlib.import_module(f"contractkit.contract.{family}")
        except ModuleNotFoundError:
            continue
        from contractkit.contract.model import Contract, Where

        ret = typing.get_type_hints(module.extract, localns={"Contract": Contract, "Where": Where}).get(
            "return"
        )
        seen: dict[str, Any] = {}
        _classes(ret, seen)
        doc = inspect.getdoc(module) or ""
        parts.append(f"## `{family}`\n\n{doc.split(chr(10) + chr(10))[0]}\n")
        for name, cls in seen.items():
            if name == "Where":
                continue
            hints = _hints(cls)
            summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
            parts.append(f"### `{name}`\n\n{summary}\n\n| field | type |\n|---|---|")
            for f in dataclasses.fields(cls):
                if f.name.startswith("_"):
                    continue
                t = _type_name(hints[f.name]).replace("`Where`", "where").replace("|", "\\|")
                parts.append(f"| `{f.name}` | {t} |")
            parts.append("")
    return "\n".join(parts).rstrip() + "\n"
