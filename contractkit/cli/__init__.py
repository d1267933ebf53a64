"""The ``contractkit`` command: a thin click layer over the library.

Subcommands live in their own modules and are imported only when run, so ``--help`` stays fast.
``main()`` is the one error boundary: library errors become one line and an exit status
(1 invalid data / findings, 2 usage or unreadable input); anything unexpected becomes a short line plus a
log file with the traceback, never a traceback on the terminal.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from contractkit import __version__

#: name -> ("module:function", one-line help). Listed by hand: no import magic.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("contractkit.cli.validate:validate", "Validate deal JSON files against the schemas."),
    "render": ("contractkit.cli.render:render", "Render deals to Word (and PDF) documents."),
    "convert": ("contractkit.cli.convert:convert", "Convert .docx files to PDF with LibreOffice."),
    "contract-from-quote": (
        "contractkit.cli.contract_from_quote:contract_from_quote",
        "Make a contract deal from a quote (parties, items, discounts, delivery, payment).",
    ),
    "lint": ("contractkit.cli.lint:lint", "Lint contract drafts (.docx, .pdf, .txt, JSON deals)."),
    "diff": ("contractkit.cli.diff:diff", "Compare two versions of a contract (any formats)."),
    "extract": (
        "contractkit.cli.extract:extract",
        "Print the contract facts model of a draft (parties, items, payments, …).",
    ),
    "rules": ("contractkit.cli.rules:rules", "List the lint rules, or explain one."),
    "serve": ("contractkit.cli.serve:serve", "Serve the library over HTTP, with the review page at /."),
    "templates": (
        "contractkit.cli.templates:templates",
        "Check templates: syntax, variables, renders, snapshots.",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, (target, _) in COMMANDS.items() if _module_exists(target)]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not _module_exists(COMMANDS[name][0]):
            return None
        module, attr = COMMANDS[name][0].split(":")
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _module_exists(target: str) -> bool:
    module = target.split(":")[0]
    path = os.path.join(os.path.dirname(__file__), module.rsplit(".", 1)[1] + ".py")
    return os.path.exists(path)


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="contractkit")
def cli() -> None:
    """contractkit — validate, render and lint PRC sales quotes and contracts.

    \b
    Examples:
      contractkit validate samples/*.json
      contractkit render samples/quote-office.json -o out/ --format both
      contractkit lint draft.docx --annotate reviewed.docx
    """


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status (the console script exits with it)."""
    from contractkit.errors import ContractkitError

    try:
        rv = cli.main(args=argv, prog_name="contractkit", standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        code = 130
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        code = 130
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:  # usage errors
        exc.show()
        code = 2 if isinstance(exc, click.UsageError) else exc.exit_code
    except ContractkitError as exc:  # Chinese when --lang zh is given and the error has Chinese text
        zh = _lang(sys.argv[1:] if argv is None else argv) == "zh" and bool(exc.zh)
        click.echo(f"{'错误：' if zh else 'error: '}{exc.text('zh' if zh else 'en')}", err=True)
        code = exc.exit_code
    except BrokenPipeError:
        code = 0
    except Exception as exc:  # the last resort: a short line and a log, never a traceback
        import tempfile
        import traceback

        fd, log = tempfile.mkstemp(prefix="contractkit-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"contractkit {__version__}, Python {sys.version}\nargv: {sys.argv}\n\n")
            fh.write(traceback.format_exc())
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} (details in {log}; please report it)", err=True
        )
        code = 3
    return code


def _lang(argv: list[str]) -> str | None:
    """The ``--lang`` value of a command line, or None (the boundary then stays English, as it always was)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def entry() -> None:  # pragma: no cover - console script shim
    sys.exit(main())
