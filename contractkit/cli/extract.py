"""``contractkit extract FILE...``: print the contract facts model of each draft, with locations.

Exit 0 when every file was read, 2 when one could not be (the others are still printed).
"""

from __future__ import annotations

import json
from typing import Any

import click

from contractkit.cli.options import config_option, lang_option, output_format_option


def _text_lines(value: Any, indent: int = 0) -> list[str]:
    """A readable outline of :func:`contractkit.contract.to_data` output."""
    pad = "  " * indent
    out: list[str] = []
    if isinstance(value, dict):
        if set(value) == {"location", "text"}:
            loc = ", ".join(f"{k} {v}" for k, v in value["location"].items() if k != "index")
            return [f"{pad}@ {loc or 'block ' + str(value['location'].get('index', 0) + 1)}: {value['text']}"]
        for key, v in value.items():
            if v in (None, [], {}, ""):
                continue
            if isinstance(v, (dict, list)):
                out.append(f"{pad}{key}:")
                out.extend(_text_lines(v, indent + 1))
            else:
                out.append(f"{pad}{key}: {v}")
        return out
    if isinstance(value, list):
        for item in value:
            lines = _text_lines(item, indent + 1)
            if lines:
                lines[0] = pad + "- " + lines[0].lstrip()
            out.extend(lines)
        return out
    return [f"{pad}{value}"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_format_option(["text", "json"], "text")
@lang_option
@config_option
def extract(paths: tuple[str, ...], fmt: str, lang: str, config_path: str | None) -> int:
    """Print the facts model of each draft: parties, items, total and tax, installments, acceptance,
    penalties, 定金, delivery, dispute forum, term — each fact with the place it was read from.

    \b
    Examples:
      contractkit extract draft.docx
      contractkit extract draft.pdf --format json
    """
    from contractkit.config import load_settings
    from contractkit.contract.extract import extract_path
    from contractkit.errors import ContractkitError
    from contractkit.lint import expand_paths

    settings = load_settings(config_path)
    max_bytes = settings.max_input_mb * 1024 * 1024
    docs: list[dict[str, Any]] = []
    code = 0
    for path in expand_paths(paths):
        try:
            data = extract_path(path, max_bytes=max_bytes).to_data()
        except (ContractkitError, OSError, ValueError) as exc:
            msg = str(exc) if isinstance(exc, ContractkitError) else f"{path}: {exc}"
            label = "无法读取" if lang == "zh" else "unreadable"
            click.echo(f"{label}: {msg}", err=True)
            docs.append({"file": path, "error": msg})
            code = 2
            continue
        docs.append(data)
    if fmt == "json":
        click.echo(json.dumps({"version": 1, "files": docs}, ensure_ascii=False, indent=2))
    else:
        for data in docs:
            if "error" in data:
                continue
            click.echo(f"== {data['file']}")
            click.echo("\n".join(_text_lines({k: v for k, v in data.items() if k != "file"})))
    return code
