"""``contractkit lint FILE...``: lint drafts.

Exit 0 clean, 1 when a finding ≥ --fail-on exists, 2 usage error or unreadable input.
"""

from __future__ import annotations

import click

from contractkit.cli.options import config_option, fail_on_option, lang_option, output_format_option


def _ids(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(x.strip() for x in value.split(",") if x.strip())


def check_ids(names: tuple[str, ...], known: list[str], option: str) -> None:
    """Raise a usage error naming the nearest ids when a rule id or family is unknown."""
    import difflib

    from contractkit.errors import UsageError

    families = sorted({k.split("/")[0] for k in known})
    for name in names:
        if name in known or name in families:
            continue
        close = difflib.get_close_matches(name, known + families, n=3, cutoff=0.4)
        raise UsageError(
            f"unknown rule {name!r} in {option}",
            hint=f"did you mean: {', '.join(close)}" if close else "run `contractkit rules` to list them",
        )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_format_option(["text", "json"], "text")
@fail_on_option
@lang_option
@config_option
@click.option("--select", default=None, help="Only these rule ids or families, comma-separated.")
@click.option("--ignore", default=None, help="Skip these rule ids or families, comma-separated.")
def lint(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    lang: str,
    config_path: str | None,
    select: str | None,
    ignore: str | None,
) -> int:
    """Lint contract drafts (.docx, .pdf, .txt, .md, JSON deals; folders too).

    \b
    Examples:
      contractkit lint draft.docx
      contractkit lint drafts/ --format json --lang en
      contractkit lint draft.pdf --select payment,penalty --fail-on error
    """
    from contractkit.config import load_settings
    from contractkit.findings import Severity
    from contractkit.lint import available_rules, lint_paths
    from contractkit.reports import FORMATS

    settings = load_settings(config_path, select=_ids(select), ignore=_ids(ignore), fail_on=fail_on)
    rules = available_rules()
    check_ids(settings.select, list(rules), "--select")
    check_ids(settings.ignore, list(rules), "--ignore")
    result = lint_paths(paths, settings)
    click.echo(FORMATS[fmt](result, rules, lang), nl=False)
    if any(fr.error for fr in result.files):
        return 2
    worst = result.worst()
    return 1 if worst is not None and worst >= Severity.parse(settings.fail_on) else 0
