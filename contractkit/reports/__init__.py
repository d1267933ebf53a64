"""Output formats for lint results: ``FORMATS[name](result, rules, lang, **options) -> str``.

Options are format-specific keywords (``junit``: ``fail_on``; ``github``: ``per_type``; ``text``: ``color``,
``width``).

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
    def render(result: LintResult, rules: dict[str, Rule], lang: str = "zh", **options: object) -> str:
        return importlib.import_module(f"contractkit.reports.{module}").render(result, rules, lang, **options)

    render.__name__ = f"render_{module}"
    render.__doc__ = f"Render a lint result as {module}."
    return render


#: name -> render function (result, rules, lang) -> str.
FORMATS: dict[str, Render] = {name: _lazy(name) for name in ("text", "json", "sarif", "junit", "github")}

__all__ = ["FORMATS", "Render"]
