"""``contractkit render``: deals → .docx (and .pdf). A thin layer over contractkit.render."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from contractkit.cli.options import config_option, given_lang, jobs_option, lang_option, output_format_option


def seller_option(fn):
    """``--seller PROFILE.json``: the company profile merged under each deal (default: the config's
    ``[seller]``)."""
    return click.option(
        "--seller",
        "seller_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Company profile JSON (the seller's details and logo) merged under each deal; a deal's own "
        "fields win. Default: [seller] in contractkit.toml.",
    )(fn)


def _single(files: tuple[str, ...], out: str | None) -> bool:
    """One deal file (not a folder or JSON Lines) and -o not a folder → one output file."""
    if len(files) != 1:
        return False
    src = Path(files[0])
    if src.is_dir() or src.suffix == ".jsonl":
        return False
    return out is None or Path(out).suffix.lower() in (".docx", ".pdf")


@click.command("render")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out", default=None, help="Output file (one deal) or folder (default: out/).")
@click.option("--template", default=None, help="Template name (quote, sales_contract) or a .docx path.")
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of your own templates, searched before the bundled ones.",
)
@jobs_option
@output_format_option(["docx", "pdf", "both"], "docx")
@config_option
@click.option(
    "--allow-duplicates",
    is_flag=True,
    help="Render deals that share a number (as NUMBER-2 …) instead of failing the later ones.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Render on a Dask cluster (tcp://host:8786, local:N); -o may be an fsspec URL. See docs/scale.md.",
)
@seller_option
@click.option(
    "--watermark",
    default=None,
    metavar="TEXT",
    help="Draw TEXT (e.g. 草稿) diagonally in grey on every page of the .docx and PDF.",
)
@click.option("--pdfa", is_flag=True, help="Write PDF/A-2b (archiving copies; fonts embedded).")
@lang_option
def render(
    files: tuple[str, ...],
    out: str | None,
    template: str | None,
    templates_dir: str | None,
    jobs: int,
    fmt: str,
    config_path: str | None,
    allow_duplicates: bool,
    scheduler: str | None,
    seller_path: str | None,
    watermark: str | None,
    pdfa: bool,
    lang: str,
) -> int:
    """Render deals (JSON files, folders, JSON Lines) to Word documents named by their number.

    The company profile (--seller, or [seller] in contractkit.toml) fills in the seller's details and puts
    its logo in the letterhead; PDFs carry the title, seller, number and keywords as metadata.

    \b
    Examples:
      contractkit render samples/quote-office.json -o quote.docx
      contractkit render samples/ -o out/ --jobs 2 --format both
      contractkit render deal.json --seller samples/profiles/seller-profile.json --watermark 草稿
      contractkit render samples/contract-equipment.json -o archive/ --format pdf --pdfa
      contractkit render deal.json --template quote --lang en
    """
    from contractkit.cli.validate import safe_output
    from contractkit.config import load_settings
    from contractkit.deal.seller import resolve_profile
    from contractkit.errors import UsageError
    from contractkit.render.batch import render_batch, warning_line

    safe_output()

    settings = load_settings(config_path)
    templates_dir = templates_dir or settings.templates
    seller = resolve_profile(seller_path, settings)
    if pdfa and fmt == "docx" and not (out and Path(out).suffix.lower() == ".pdf"):
        raise UsageError(
            "--pdfa is for PDF output: add --format pdf or --format both",
            zh="--pdfa 只用于 PDF 输出：请加上 --format pdf 或 --format both",
        )
    if scheduler and pdfa:
        raise UsageError(
            "--pdfa is not yet passed to --scheduler", zh="--pdfa 目前还不能与 --scheduler 一起使用"
        )
    if scheduler:  # only here is contractkit.cluster (and dask) imported
        from contractkit.cluster.cli import render_command

        return render_command(
            files,
            out,
            scheduler=scheduler,
            template=template,
            templates_dir=templates_dir,
            fmt=fmt,
            allow_duplicates=allow_duplicates,
            seller=seller,
            watermark=watermark,
        )
    opts = {"seller": seller, "watermark": watermark}
    if _single(files, out):
        return _render_one(files[0], out, template, templates_dir, fmt, opts, pdfa, lang)
    if out and Path(out).suffix.lower() in (".docx", ".pdf"):
        raise UsageError(
            "several deals render into a folder: give -o a folder, not a file",
            zh="多笔单据须输出到文件夹：-o 请给文件夹，不要给文件名",
        )
    out_dir = Path(out or "out")
    progress, finish = _progress_bar()
    try:
        report = render_batch(
            list(files),
            out_dir,
            fmt=fmt,
            template=template,
            templates_dir=templates_dir,
            jobs=jobs,
            progress=progress,
            allow_duplicates=allow_duplicates,
            pdfa=pdfa,
            **opts,
        )
    finally:
        finish()
    # a deal's problems and warnings follow --lang (Chinese by default, as validate prints them); other
    # errors and the summary follow main()'s boundary (Chinese only when --lang zh is given)
    errors = given_lang()
    for failure in report.failures:
        shown = lang if failure.problem else errors
        head = "错误：" if errors == "zh" and shown == "zh" and failure.message_zh else "error: "
        click.echo(f"{head}{failure.text(shown)}", err=True)
    for warning in report.warnings:
        click.echo(warning_line(warning, lang), err=True)
    click.echo(report.summary(errors) + f" → {out_dir}/", err=not report.ok)
    return report.exit_code


def _render_one(
    src: str,
    out: str | None,
    template: str | None,
    templates_dir: str | None,
    fmt: str,
    opts: dict,
    pdfa: bool,
    lang: str = "zh",
) -> int:
    from contractkit.cli.validate import warning_text
    from contractkit.deal.load import load_deal
    from contractkit.deal.seller import merge_seller
    from contractkit.deal.validate import fraction_warnings
    from contractkit.render.batch import safe_name
    from contractkit.render.docx import render_to_file

    deal = load_deal(src)
    for w in fraction_warnings(merge_seller(deal, opts.get("seller"))):
        click.echo(f"{src}: {w.pointer}: {warning_text(w, lang)}", err=True)
    if out is None:
        target = Path("out") / f"{safe_name(str(deal.get('number') or ''), Path(src).stem)}.docx"
    else:
        target = Path(out)
    docx_path = target.with_suffix(".docx")
    if fmt == "pdf" or target.suffix.lower() == ".pdf":
        from contractkit.render.lifecycle import temp_dir

        with temp_dir("render") as tmp:
            tmp_docx = render_to_file(
                deal,
                Path(tmp) / docx_path.name,
                template=template,
                templates_dir=templates_dir,
                path=src,
                **opts,
            )
            _convert([(tmp_docx, target.with_suffix(".pdf"))], pdfa)
        click.echo(f"wrote {target.with_suffix('.pdf')}")
        return 0
    render_to_file(deal, docx_path, template=template, templates_dir=templates_dir, path=src, **opts)
    click.echo(f"wrote {docx_path}")
    if fmt == "both":
        _convert([(docx_path, docx_path.with_suffix(".pdf"))], pdfa)
        click.echo(f"wrote {docx_path.with_suffix('.pdf')}")
    return 0


def _convert(pairs: list[tuple[Path, Path]], pdfa: bool = False) -> None:
    from contractkit.render.pdf import PdfConverter

    with PdfConverter(pdfa=pdfa) as conv:
        for _, err in conv.convert_many(pairs):
            if err is not None:
                raise err
        for warning in conv.warnings:
            click.echo(warning, err=True)


def _progress_bar():
    """A rich progress bar on a terminal; no output otherwise."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("rendering"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
    )
    bar.start()
    task = bar.add_task("render", total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return update, bar.stop
