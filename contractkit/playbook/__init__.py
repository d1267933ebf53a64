"""Company playbooks: a legal team's own positions as lint rules, written in TOML, without Python.

``load_playbooks(paths)`` reads and stacks playbook files (see :mod:`contractkit.playbook.load` for the
format) and checks every entry and its examples; ``playbook_rules(book)`` gives the rules
(``playbook/NAME``) the lint engine runs beside the built-in ones; ``tune(settings, book)`` applies the
playbook's built-in tuning and settings. ``docs/playbook.md`` documents the format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from contractkit.playbook.load import Entry, Playbook, read_playbook, read_playbooks
from contractkit.playbook.rules import entry_rule, example_problems, playbook_rules


def load_playbooks(paths: list[str | Path], *, check_examples: bool = True) -> Playbook:
    """Read and stack ``paths``; an entry whose examples do not behave is a usage error (exit 2)."""
    from contractkit.errors import UsageError

    book = read_playbooks(list(paths))
    if check_examples:
        problems = example_problems(book)
        if problems:
            raise UsageError(
                problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
                hint="fix the entry or its example (`contractkit rules --check --playbook FILE` lists all)",
                zh="手册规则的示例不符：" + problems[0],
            )
    return book


def tune(settings: Any, book: Playbook) -> Any:
    """``settings`` with the playbook's [settings] and [builtin] tuning applied (ignore / severity)."""
    import dataclasses

    from contractkit.config import Settings

    data = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}
    if book.settings:
        merged = Settings.resolve(dict(book.settings), source=", ".join(book.sources) or "playbook")
        for key in book.settings:
            name = key.replace("-", "_")
            data[name] = getattr(merged, name)
    off = tuple(rid for rid, v in book.builtin.items() if v == "off")
    severity = dict(data.get("severity") or {})
    severity.update({rid: v for rid, v in book.builtin.items() if v != "off"})
    data["ignore"] = tuple(data.get("ignore") or ()) + off
    data["severity"] = severity
    changed = ("ignore", "severity", *(k.replace("-", "_") for k in book.settings))
    return dataclasses.replace(settings, **{k: data[k] for k in changed})


__all__ = [
    "Entry",
    "Playbook",
    "entry_rule",
    "example_problems",
    "load_playbooks",
    "playbook_rules",
    "read_playbook",
    "tune",
]
