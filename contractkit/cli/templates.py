"""``contractkit templates check [DIR]``: CI for .docx templates (syntax, variables, renders,
lint, snapshots).

Exit 0 clean, 1 when a finding ≥ --fail-on exists (a broken tag, an unknown variable, a failed render, a
snapshot difference, a lint finding), 2 usage error or unreadable template/sample.
"""

from __future__ import annotations

import click

from contractkit.cli.options import config_option, fail_on_option, lang_option, output_format_option
from contractkit.reports import FORMATS


@click.group()
def templates() -> None:
    """Work with .docx templates."""


@templates.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option(
    "--samples", type=click.Path(file_okay=False), default=None, help="Sample deals (default: samples/)."
)
@click.option(
    "--snapshots",
    type=click.Path(file_okay=False),
    default=None,
    help="Text snapshots folder (default: tests/snapshots).",
)
@click.option("--update", is_flag=True, help="Rewrite the text snapshots instead of comparing them.")
@output_format_option(list(FORMATS), "text")
@fail_on_option
@lang_option
@config_option
def check(
    directory: str | None,
    samples: str | None,
    snapshots: str | None,
    update: bool,
    fmt: str,
    fail_on: str | None,
    lang: str,
    config_path: str | None,
) -> int:
    """Check every template in DIR (default: the config's templates folder, else the bundled ones).

    \b
    Each template is compiled, its variables are checked against the deal context, it is rendered with
    every sample of its kind, the result is linted and its text compared with tests/snapshots/.
    \b
    Examples:
      contractkit templates check
      contractkit templates check my-templates/ --samples deals/ --update
      contractkit templates check --format sarif > templates.sarif
    """
    from contractkit.cli.validate import safe_output
    from contractkit.config import load_settings
    from contractkit.lint import available_rules

    safe_output()
    from contractkit.reports import FORMATS as formats
    from contractkit.templates_ci import check_templates, template_rules

    settings = load_settings(config_path, fail_on=fail_on)
    report = check_templates(
        directory,
        samples=samples,
        update=update,
        fail_on=settings.fail_on,
        snapshots=snapshots,
        settings=settings,
        lang=lang,
    )
    click.echo(formats[fmt](report.result, {**available_rules(), **template_rules()}, lang), nl=False)
    for path in report.updated:
        click.echo(f"updated {path}", err=True)
    return report.exit_code
