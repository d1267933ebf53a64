"""The commands' side of ``--scheduler``: connect, run on the cluster with a progress bar on a terminal, and
print what the local commands print. Imported only when ``--scheduler`` is given."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from contractkit.cluster.engine import connect
from contractkit.config import Settings
from contractkit.findings import LintResult

if TYPE_CHECKING:
    from contractkit.cluster.report import ClusterReport
    from contractkit.deal.seller import SellerProfile


def progress_bar(verb: str) -> tuple[Callable[[int, int | None], None] | None, Callable[[], None]]:
    """A rich progress bar on a terminal (the total appears once the input is read); no output otherwise."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn(verb), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True)
    bar.start()
    task = bar.add_task(verb, total=None)

    def update(done: int, total: int | None) -> None:
        bar.update(task, completed=done, total=total)

    return update, bar.stop


@contextmanager
def connected(scheduler: str, verb: str) -> Iterator[tuple[Any, Callable[[int, int | None], None] | None]]:
    """A client of the cluster at ``scheduler`` and the progress callback of a bar saying ``verb``; the bar
    stops however the run ends."""
    progress, finish = progress_bar(verb)
    try:
        with connect(scheduler) as client:
            yield client, progress
    finally:
        finish()


def render_command(
    files: tuple[str, ...],
    out: str | None,
    *,
    scheduler: str,
    template: str | None,
    templates_dir: str | None,
    fmt: str,
    allow_duplicates: bool,
    seller: SellerProfile | None = None,
    watermark: str | None = None,
) -> int:
    """``contractkit render … --scheduler ADDRESS``: render into ``out`` (folder or URL), with the company
    profile ``seller`` and the ``watermark`` as locally; the exit status as locally (0 all rendered or
    already complete, 1 a deal failed, 2 an input unreadable)."""
    from contractkit.cluster.render import render_on_cluster
    from contractkit.errors import UsageError

    dest = out or "out"
    if dest.lower().endswith((".docx", ".pdf")):
        raise UsageError(
            "with --scheduler the output is a folder or URL: give -o a folder, not a file",
            zh="使用 --scheduler 时输出须为文件夹或 URL：-o 请给文件夹而非文件",
        )
    with connected(scheduler, "rendering") as (client, progress):
        report = render_on_cluster(
            list(files),
            dest,
            client,
            fmt=fmt,
            template=template,
            templates_dir=templates_dir,
            allow_duplicates=allow_duplicates,
            progress=progress,
            seller=seller,
            watermark=watermark,
        )
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    for warning in report.warnings:
        click.echo(warning, err=True)
    click.echo(report.summary() + f" → {dest.rstrip('/')}/", err=not report.ok)
    return report.exit_code


def lint_result(
    paths: tuple[str, ...],
    settings: Settings,
    scheduler: str,
    rules: list | None = None,
    read_options: object = None,
    ship: str | None = None,
) -> LintResult:
    """``contractkit lint … --scheduler ADDRESS``: the LintResult the local engine would give (``ship``:
    ``auto``, ``path`` or ``bytes``, see :func:`contractkit.cluster.lint.lint_on_cluster`)."""
    from contractkit.cluster.lint import lint_on_cluster

    with connected(scheduler, "linting") as (client, progress):
        return lint_on_cluster(
            paths,
            client,
            settings,
            rules=rules,
            read_options=read_options,
            progress=progress,
            ship=ship,  # type: ignore[arg-type]  # checked by choose_ship
        )


def lint_report(
    paths: tuple[str, ...],
    settings: Settings,
    scheduler: str,
    rules: dict,
    read_options: object = None,
    *,
    fmt: str,
    lang: str,
    ship: str | None = None,
) -> ClusterReport | None:
    """``contractkit lint … --scheduler ADDRESS --format FMT``: the report written file by file on the workers
    (the bytes of the local report), or None for a format the client writes itself (junit, github, text
    in colours) — then use :func:`lint_result`."""
    from contractkit.cluster.lint import lint_report_on_cluster
    from contractkit.cluster.report import workers_format

    if not workers_format(fmt):
        return None
    with connected(scheduler, "linting") as (client, progress):
        return lint_report_on_cluster(
            paths,
            client,
            settings,
            rules,
            fmt=fmt,
            lang=lang,
            read_options=read_options,
            progress=progress,
            ship=ship,  # type: ignore[arg-type]  # checked by choose_ship
        )
