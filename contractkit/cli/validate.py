"""``contractkit validate FILE...``: report every problem in every deal; exit 0 valid, 1 invalid,
2 unreadable input."""

from __future__ import annotations

import contextlib
import json

import click

from contractkit.cli.options import lang_option, output_format_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@lang_option
@output_format_option(["text", "json"], "text")
@click.option(
    "--max-size",
    type=click.FloatRange(min=0, min_open=True),
    default=10,
    show_default=True,
    help="Refuse input files larger than this many MB.",
)
def validate(paths: tuple[str, ...], lang: str, fmt: str, max_size: float) -> None:
    """Validate deal JSON files (folders and .jsonl files: every deal in them).

    \b
    Examples:
      contractkit validate samples/*.json
      contractkit validate deals.jsonl --format json --lang en
    """
    from contractkit.deal.validate import validate_paths

    safe_output()

    reports = validate_paths(paths, lang=lang, max_bytes=int(max_size * 1024 * 1024))
    counts = {s: sum(r.status == s for r in reports) for s in ("valid", "invalid", "unreadable")}
    summary = f"{counts['valid']} valid, {counts['invalid']} invalid, {counts['unreadable']} unreadable"
    if lang == "zh":
        summary = f"{counts['valid']} 个有效，{counts['invalid']} 个无效，{counts['unreadable']} 个无法读取"
    if fmt == "json":
        doc = {
            "files": [
                {
                    "file": r.label,
                    "status": r.status,
                    "problems": [
                        {
                            "pointer": p.pointer,
                            "message": p.message,
                            "message_en": p.message_en,
                            "title": p.title,
                        }
                        for p in r.problems
                    ],
                    **({"error": _error_dict(r.error)} if r.error else {}),
                }
                for r in reports
            ],
            "summary": counts,
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        for r in reports:
            if r.error is not None:
                click.echo(f"{r.label}: {r.error.text(lang, with_path=False)}")
            for p in r.problems:
                click.echo(f"{r.label}: {p.text(lang)}")
        click.echo(summary)
    code = 2 if counts["unreadable"] else 1 if counts["invalid"] else 0
    click.get_current_context().exit(code)


def safe_output() -> None:
    """Let stdout and stderr print any string: a lone surrogate (from a file name or data) is written as
    ``\\udcff`` instead of stopping the command with UnicodeEncodeError."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _error_dict(error) -> dict:
    zh, hint_zh = error.localized("zh")
    return {
        "where": error.where,
        "message": error.message,
        "hint": error.hint,
        "message_zh": zh,
        "hint_zh": hint_zh,
    }
