"""``contractkit lint FILE...``: lint drafts.

Exit 0 clean, 1 when a finding ≥ --fail-on exists (0 with --exit-zero, and 0 once --write-baseline has
recorded the findings), 2 usage error or unreadable input. A thin layer: the library lints (suppression notes
in the drafts are applied there), :func:`contractkit.baseline.use_baseline` and ``write_baseline`` handle
baselines, then the report is printed and (``--annotate``) the Word copy written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from contractkit.config import Settings
    from contractkit.findings import LintResult

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
            zh=f"{option} 中的规则 {name!r} 不存在",
            hint_zh=f"您是否要找：{'、'.join(close)}" if close else "运行 `contractkit rules` 查看全部规则",
        )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_format_option(["text", "json", "sarif", "junit", "github"], "text")
@fail_on_option
@lang_option
@config_option
@click.option("--select", default=None, help="Only these rule ids or families, comma-separated.")
@click.option("--ignore", default=None, help="Skip these rule ids or families, comma-separated.")
@click.option(
    "--annotate",
    "annotate_out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write a copy of the (single) .docx draft with a Word comment per finding.",
)
@click.option(
    "--price-list",
    type=click.Path(dir_okay=False),
    default=None,
    help="Company price list (JSON or CSV: sku,name,model,unit_price) that quote prices are checked against.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings exist (2 still means unreadable).")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Hide the findings recorded in this baseline; report only new ones.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Record today's findings (by fingerprint) in this baseline file; exits 0 once recorded.",
)
@click.option(
    "--playbook",
    "playbooks",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A company playbook (TOML) whose entries run as rules; repeat to stack (see docs/playbook.md).",
)
@click.option(
    "--redline",
    "redline_out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write a copy of the (single) .docx draft: concrete fixes (with --playbook, also its preferred days "
    "and wording) as tracked changes, every finding as a comment.",
)
@click.option(
    "--author", default="contractkit", show_default=True, help="Author of --redline changes and comments."
)
@click.option(
    "--against",
    "against_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Our version of the draft: report first what the (single) draft given introduced.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Lint on a Dask cluster (tcp://host:8786, local:N); same findings as locally. See docs/scale.md.",
)
@click.option(
    "--ship",
    type=click.Choice(["auto", "path", "bytes"]),
    default=None,
    help="With --scheduler: workers read the files (path), get their bytes (bytes), or auto (default). "
    "See docs/scale.md.",
)
@click.option(
    "--ocr",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="OCR for PDF pages: auto (pages without a text layer), always (every page), never (refuse scans).",
)
@click.option(
    "--revisions",
    type=click.Choice(["accepted", "original", "changes"]),
    default="accepted",
    show_default=True,
    help="Tracked changes in .docx: read as accepted, as the original, or report only what they introduce.",
)
def lint(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    lang: str,
    config_path: str | None,
    select: str | None,
    ignore: str | None,
    annotate_out: str | None,
    price_list: str | None,
    exit_zero: bool,
    baseline_path: str | None,
    write_baseline_path: str | None,
    playbooks: tuple[str, ...],
    redline_out: str | None,
    author: str,
    against_path: str | None,
    scheduler: str | None = None,
    ship: str | None = None,
    ocr: str = "auto",
    revisions: str = "accepted",
) -> int:
    """Lint contract drafts (.docx, .pdf, .txt, .md, JSON deals; folders too).

    \b
    Examples:
      contractkit lint draft.docx
      contractkit lint drafts/ --format json --lang en
      contractkit lint draft.pdf --select payment,penalty --fail-on error
      contractkit lint draft.docx --annotate reviewed.docx
      contractkit lint quote.docx --price-list samples/catalog/price-list.csv
      contractkit lint drafts/ --format sarif > contractkit.sarif
      contractkit lint drafts/ --write-baseline .contractkit-baseline.json
      contractkit lint drafts/ --baseline .contractkit-baseline.json --format github
      contractkit lint draft.docx --playbook company.toml --redline reviewed.docx
      contractkit lint theirs.docx --against ours.docx
      contractkit lint scan.pdf --ocr always
      contractkit lint counterparty.docx --revisions changes
    """
    from contractkit.config import load_settings
    from contractkit.findings import Severity
    from contractkit.lint import available_rules, lint_paths
    from contractkit.reports import FORMATS

    settings = load_settings(
        config_path,
        select=_ids(select),
        ignore=_ids(ignore),
        fail_on=fail_on,
        price_list=price_list,
        lang=lang,
    )
    if settings.price_list:  # a bad price list is a usage error up front, not a finding per file
        from contractkit.pricelist import load_price_list

        load_price_list(settings.price_list)
    rules = dict(available_rules())
    book = None
    book_paths = list(getattr(settings, "playbook", ()) or ()) + list(playbooks)
    if book_paths:
        from contractkit.playbook import load_playbooks, playbook_rules, tune

        book = load_playbooks(book_paths)
        settings = tune(settings, book)
        rules.update({r.id: r for r in playbook_rules(book)})
    check_ids(settings.select, list(rules), "--select")
    check_ids(settings.ignore, list(rules), "--ignore")
    from contractkit.errors import UsageError

    for option, out in (("--annotate", annotate_out), ("--redline", redline_out)):
        if out and (len(paths) != 1 or not paths[0].lower().endswith(".docx")):
            raise UsageError(
                f"{option} needs exactly one .docx draft",
                hint="lint the other files separately",
                zh=f"{option} 只能用于一个 .docx 草稿",
                hint_zh="其他文件请分开检查",
            )
    if against_path:
        if len(paths) != 1:
            raise UsageError(
                "--against compares exactly one draft with our version",
                hint="give one draft",
                zh="--against 只能比较一个草稿与我方版本",
            )
        return _against(paths[0], against_path, settings, rules, fmt, lang, exit_zero)

    if baseline_path and write_baseline_path:
        raise UsageError(
            "--baseline and --write-baseline do not go together",
            hint="record first, then use it",
            zh="--baseline 与 --write-baseline 不能同时使用",
            hint_zh="先记录基线，再使用它",
        )
    from contractkit.readers.model import ReadOptions

    options = ReadOptions(ocr=ocr, revisions=revisions)  # type: ignore[arg-type]  # click.Choice checked
    if ship and not scheduler:
        raise UsageError("--ship goes with --scheduler", zh="--ship 须与 --scheduler 一起使用")
    if scheduler:  # only here is contractkit.cluster (and dask) imported
        from contractkit.cluster.cli import lint_report, lint_result

        if not (baseline_path or write_baseline_path or annotate_out or redline_out):  # need no findings
            report = lint_report(paths, settings, scheduler, rules, options, fmt=fmt, lang=lang, ship=ship)
            if report is not None:  # written on the workers: the bytes printed below
                click.echo(report.text, nl=False)
                return report.exit_code(Severity.parse(settings.fail_on), exit_zero)
        result = lint_result(paths, settings, scheduler, list(rules.values()), options, ship)
    else:
        result = lint_paths(paths, settings, rules=list(rules.values()), read_options=options)
    if baseline_path:
        from contractkit.baseline import use_baseline

        result, outcome = use_baseline(result, baseline_path)
        for line in outcome.describe(lang):
            click.echo(line, err=True)
    fail_on = Severity.parse(settings.fail_on)
    options = {"fail_on": fail_on} if fmt == "junit" else {}
    click.echo(FORMATS[fmt](result, rules, lang, **options), nl=False)
    if annotate_out and result.files and not result.files[0].error:
        from contractkit.annotate import annotate_docx

        n = annotate_docx(paths[0], result.files[0].findings, annotate_out, lang)
        zh = f"批注：已写入 {n} 条批注到 {annotate_out}"
        click.echo(zh if lang == "zh" else f"annotate: {n} comment(s) written to {annotate_out}", err=True)
    if redline_out and result.files and not result.files[0].error:
        from contractkit.redline import redline_docx

        changes, comments = redline_docx(
            paths[0], result.files[0].findings, redline_out, author=author, lang=lang, book=book
        )
        zh = f"修订稿：已写入 {changes} 处修订、{comments} 条批注到 {redline_out}"
        en = f"redline: {changes} tracked change(s) and {comments} comment(s) written to {redline_out}"
        click.echo(zh if lang == "zh" else en, err=True)
    if write_baseline_path:
        _record(result, write_baseline_path, lang)
    if any(fr.error for fr in result.files):
        return 2
    if write_baseline_path:
        return 0
    worst = result.worst()
    return 1 if not exit_zero and worst is not None and worst >= fail_on else 0


def _against(
    theirs: str, ours: str, settings: Settings, rules: dict, fmt: str, lang: str, exit_zero: bool
) -> int:
    """``lint theirs --against ours``: new findings first, then the changed clauses no rule flagged."""
    from contractkit.against import lint_against
    from contractkit.errors import ContractkitError
    from contractkit.findings import Severity
    from contractkit.reports.against import render

    try:
        report = lint_against(theirs, ours, settings, rules=list(rules.values()))
    except ContractkitError as exc:
        click.echo(("无法读取: " if lang == "zh" else "unreadable: ") + exc.text(lang), err=True)
        return 2
    fail_on = Severity.parse(settings.fail_on)
    options = {"fail_on": fail_on} if fmt == "junit" else {}
    click.echo(render(report, theirs, ours, rules, fmt, lang, **options), nl=False)
    worst = max((f.severity for f in report.new), default=None)
    return 1 if not exit_zero and worst is not None and worst >= fail_on else 0


def _record(result: LintResult, path: str, lang: str) -> None:
    """Write the baseline and say how many findings it holds (then exit 0: accepting them is the point)."""
    from contractkit.baseline import write_baseline

    n = write_baseline(result, path)
    click.echo(
        f"基线：已在 {path} 记录 {n} 个问题"
        if lang == "zh"
        else f"baseline: {n} finding(s) recorded in {path}",
        err=True,
    )
