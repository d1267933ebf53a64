"""Output formats for lint results: ``FORMATS[name](result, rules, lang) -> str``.

Each format lives in its own module and is imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contractkit.checks.base import Rule
    from contractkit.findings import LintResult

Render = Callable[["LintResult", "dict[str, Rule]", str], str]


def _lazy(module: str) -> Render:
    def render(result: LintResult, rules: dict[str, Rule], lang: str = "zh") -> str:
        return importlib.import_module(f"contractkit.reports.{module}").render(result, rules, lang)

    render.__name__ = f"render_{module}"
    render.__doc__ = f"Render a lint result as {module}."
    return render


#: name -> render function (result, rules, lang) -> str.
FORMATS: dict[str, Render] = {"text": _lazy("text"), "json": _lazy("json")}

__all__ = ["FORMATS", "Render"]
