"""``contractkit convert FILE.docx... [-o DIR] [--jobs N]``: PDFs through supervised LibreOffice workers.
Exit 0 all converted, 1 if a conversion failed, 2 if an input is unreadable (missing, not a .docx) or
LibreOffice is missing; the other files are still converted."""

from __future__ import annotations

from pathlib import Path

import click

from contractkit.cli.options import given_lang, jobs_option, lang_option


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--output-dir",
    "-o",
    type=click.Path(file_okay=False),
    default=None,
    help="Write PDFs here (default: beside each input).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=120,
    show_default=True,
    help="Seconds allowed per document.",
)
@jobs_option
@click.option("--pdfa", is_flag=True, help="Write PDF/A-2b (archiving copies; fonts embedded).")
@lang_option
def convert(
    files: tuple[str, ...], output_dir: str | None, timeout: float, jobs: int, pdfa: bool, lang: str
) -> int:
    """Convert .docx files to PDF with LibreOffice (external links and linked images are stripped first).

    \b
    Examples:
      contractkit convert out/*.docx
      contractkit convert a.docx b.docx -o pdf/ --jobs 2
      contractkit convert out/XS-2026-0158.docx -o archive/ --pdfa
      contractkit convert a.docx b.docx -o pdf/ --lang zh
    """
    from contractkit.cli.validate import safe_output
    from contractkit.errors import UnreadableInput, UsageError, WriteFailed
    from contractkit.fileio import write_failed
    from contractkit.render.pdf import PdfConverter

    safe_output()

    if output_dir:  # one line and exit 2 when the folder cannot be made, not one failure per file
        try:
            Path(output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_failed(Path(output_dir), exc) from None
    pairs: list[tuple[Path, Path]] = []
    seen: dict[Path, Path] = {}
    for name in files:
        src = Path(name)
        dst = (Path(output_dir) if output_dir else src.parent) / f"{src.stem}.pdf"
        key = dst.resolve()
        if key in seen:
            raise UsageError(
                f"{src} and {seen[key]} would both be written to {dst}",
                hint="convert them into different folders",
                zh=f"{src} 和 {seen[key]} 会写到同一个文件 {dst}",
                hint_zh="请把它们转换到不同的文件夹",
            )
        seen[key] = src
        pairs.append((src, dst))

    failed = unreadable = 0
    errors_lang = given_lang()  # a file's error line reads like main()'s: English unless --lang is given
    with PdfConverter(
        jobs, timeout=timeout, pdfa=pdfa
    ) as conv:  # ConverterError (exit 2) when soffice is missing
        for (src, dst), err in conv.convert_many(pairs):
            if err is None:
                click.echo(f"{src} -> {dst}")
            else:
                failed += 1
                unreadable += isinstance(err, UnreadableInput | WriteFailed)
                click.echo(_error_line(src, err, errors_lang), err=True)
        for warning in conv.warnings:
            click.echo(warning, err=True)
    click.echo(f"{len(pairs) - failed} converted, {failed} failed", err=True)
    return 2 if unreadable else 1 if failed else 0


def _error_line(src: Path, err: BaseException, lang: str) -> str:
    """``error: FILE: message`` (``错误：…`` in Chinese when the error has Chinese text)."""
    from contractkit.errors import ContractkitError

    if lang == "zh" and isinstance(err, ContractkitError) and err.zh:
        prefix, text = "错误：", err.text("zh")
    else:
        prefix, text = "error: ", str(err)
    return f"{prefix}{text if getattr(err, 'path', None) else f'{src}: {text}'}"
