"""``contractkit diff OURS THEIRS``: what the counterparty changed (合同比对), in any format pair.

Exit 0 when the texts are the same, 1 when they differ (like ``diff``), 2 when a file cannot be read.
"""

from __future__ import annotations

import click

from contractkit.cli.options import config_option, lang_option, output_format_option


@click.command()
@click.argument("ours", type=click.Path())
@click.argument("theirs", type=click.Path())
@output_format_option(["text", "json", "html"], "text")
@click.option(
    "-o", "--output", "out", type=click.Path(dir_okay=False), default=None, help="Write the report here."
)
@click.option(
    "--redline",
    "redline_out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write a copy of OURS (.docx) with THEIRS' changes as Word tracked changes.",
)
@click.option("--author", default="contractkit", show_default=True, help="Author of the tracked changes.")
@lang_option
@config_option
def diff(
    ours: str,
    theirs: str,
    fmt: str,
    out: str | None,
    redline_out: str | None,
    author: str,
    lang: str,
    config_path: str | None,
) -> int:
    """Compare our version of a contract with theirs: clauses aligned by number and text (a moved or
    renumbered clause is a move, not a delete plus an insert), then word-level changes.

    \b
    Examples:
      contractkit diff ours.docx theirs.pdf
      contractkit diff ours.docx theirs.docx --format html -o changes.html
      contractkit diff ours.docx theirs.docx --redline theirs-changes.docx
    """
    from contractkit.compare import compare_paths
    from contractkit.compare.redline import write_redline
    from contractkit.compare.report import to_data, to_html, to_text
    from contractkit.config import load_settings
    from contractkit.fileio import atomic_write

    settings = load_settings(config_path)
    comparison = compare_paths(ours, theirs, max_bytes=settings.max_input_mb * 1024 * 1024)
    if fmt == "json":
        import json

        report = json.dumps(to_data(comparison), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        report = to_html(comparison, lang)
    else:
        report = to_text(comparison, lang)
    if out:
        atomic_write(out, report.encode("utf-8"))
    else:
        click.echo(report, nl=False)
    if redline_out:
        n = write_redline(ours, comparison, redline_out, author=author)
        zh = f"已写入修订稿 {redline_out}（{n} 处修订）"
        click.echo(zh if lang == "zh" else f"wrote {redline_out} ({n} changes)", err=True)
    return 0 if comparison.identical else 1
