"""Options shared by several subcommands, as decorators: stacked onto commands, never copied."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable)


def lang_option(fn: F) -> F:
    return click.option(
        "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Message language."
    )(fn)


def config_option(fn: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Config file (default: nearest contractkit.toml or [tool.contractkit] in pyproject.toml).",
    )(fn)


def jobs_option(fn: F) -> F:
    return click.option(
        "--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes."
    )(fn)


def fail_on_option(fn: F) -> F:
    return click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "info"]),
        default=None,
        help="Exit 1 when a finding at or above this severity exists (default: warning, or the config's).",
    )(fn)


def output_format_option(choices: list[str], default: str) -> Callable[[F], F]:
    def deco(fn: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(fn)

    return deco


def given_lang(default: str = "en") -> str:
    """The ``--lang`` given on the command line, else ``default``.

    Error lines a command prints itself (one per failed file) follow the rule of ``main()``'s boundary: they
    stay English unless ``--lang`` is given, while the option's ``zh`` default is for reports and notices."""
    from click.core import ParameterSource

    ctx = click.get_current_context(silent=True)
    if ctx is None or ctx.get_parameter_source("lang") in (None, ParameterSource.DEFAULT):
        return default
    return ctx.params.get("lang") or default
