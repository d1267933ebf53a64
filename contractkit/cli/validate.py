"""``contractkit validate FILE...``: report every problem in every deal; exit 0 valid, 1 invalid,
2 unreadable input."""

from __future__ import annotations

import contextlib
import json

import click

from contractkit.cli.options import config_option, lang_option, output_format_option
from contractkit.cli.render import seller_option


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
@seller_option
@config_option
def validate(
    paths: tuple[str, ...],
    lang: str,
    fmt: str,
    max_size: float,
    seller_path: str | None,
    config_path: str | None,
) -> None:
    """Validate deal JSON files (folders and .jsonl files: every deal in them). Warnings (a percentage that
    looks like a fraction, 0.05 for 5 %) are printed but keep the exit status 0.

    \b
    Examples:
      contractkit validate samples/*.json
      contractkit validate deals.jsonl --format json --lang en
      contractkit validate deal.json --seller samples/profiles/seller-profile.json
    """
    from contractkit.config import load_settings
    from contractkit.deal.seller import resolve_profile
    from contractkit.deal.validate import validate_paths

    safe_output()

    settings = load_settings(config_path) if seller_path is None else None
    seller = resolve_profile(seller_path, settings)
    reports = validate_paths(paths, lang=lang, max_bytes=int(max_size * 1024 * 1024), seller=seller)
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
                    "warnings": [
                        {
                            "pointer": w.pointer,
                            "message": w.message,
                            "message_en": w.message_en,
                            "title": w.title,
                        }
                        for w in r.warnings
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
            for w in r.warnings:
                click.echo(f"{r.label}: {w.pointer}: {warning_text(w, lang)}")
        click.echo(summary)
    code = 2 if counts["unreadable"] else 1 if counts["invalid"] else 0
    click.get_current_context().exit(code)


def warning_text(problem, lang: str) -> str:
    """``警告：… / …`` (Chinese first) or ``warning: …`` for a validation warning."""
    if lang == "en":
        return f"warning: {problem.message_en}"
    return f"警告：{problem.message} / {problem.message_en}"


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
