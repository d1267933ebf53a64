"""The public Python API: every CLI command as a function (the CLI is a thin layer over the same library).

Names never equal a submodule of the package (``lint_paths``, not ``lint``: importing ``contractkit.lint``
would rebind ``contractkit.lint`` to the module).

Imported lazily through ``contractkit.<name>`` (see :mod:`contractkit`); each function imports what it needs
when called, so ``import contractkit`` and ``contractkit --help`` stay fast. Errors are
:class:`contractkit.errors.ContractkitError` subclasses with a path and a hint, never bare tracebacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from contractkit.checks.base import Rule
    from contractkit.config import Settings
    from contractkit.contract.model import Contract
    from contractkit.deal.validate import Problem
    from contractkit.findings import Finding, LintResult
    from contractkit.readers.model import Document
    from contractkit.templates_ci import TemplatesReport

RenderFormat = Literal["docx", "pdf", "both"]
ReportFormat = Literal["text", "json", "sarif", "junit", "github"]


def settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """The settings lint uses: ``config`` (default: the nearest contractkit.toml / pyproject.toml) with
    ``overrides`` (``select=("payment",)``, ``fail_on="error"``, ``lpr_1y=3.1`` …) on top."""
    from contractkit.config import load_settings

    return load_settings(config, **overrides)


def _settings(value: Settings | dict[str, Any] | None) -> Settings:
    from contractkit.config import Settings

    return Settings.resolve(value)


def load(path: str | Path) -> dict[str, Any]:
    """Read one deal JSON file (money as ``Decimal``); malformed JSON raises with line and column."""
    from contractkit.deal.load import load_deal

    return load_deal(path)


def _deal(deal: dict[str, Any] | str | Path) -> dict[str, Any]:
    return deal if isinstance(deal, dict) else load(deal)


def validate(deal: dict[str, Any] | str | Path) -> list[Problem]:
    """Every problem of a deal (schema, then consistency); an empty list means valid.
    Each :class:`~contractkit.deal.validate.Problem` has ``pointer`` and both languages (``.text(lang)``)."""
    from contractkit.deal.validate import validate_deal

    return validate_deal(_deal(deal))


def render_deal(
    deal: dict[str, Any] | str | Path,
    out: str | Path,
    *,
    format: RenderFormat = "docx",
    template: str | Path | None = None,
    templates_dir: str | Path | None = None,
    seller: Any = None,
    watermark: str | None = None,
    pdfa: bool = False,
) -> list[Path]:
    """Render one deal to ``out`` (a ``.docx`` path; with ``format="pdf"``/``"both"`` the PDF is written
    beside it with the same stem). ``seller``: a company profile (:func:`load_seller_profile`, or a path to
    one) merged under the deal; ``watermark``: e.g. 草稿 on every page; ``pdfa``: PDF/A-2b. Invalid deals
    raise; returns the files written."""
    from contractkit.render.docx import render_to_file

    if isinstance(seller, (str, Path)):
        seller = load_seller_profile(seller)
    extra = {"seller": seller, "watermark": watermark}
    label = None if isinstance(deal, dict) else str(deal)
    target = Path(out)
    docx_path = target.with_suffix(".docx")
    written: list[Path] = []
    if format == "pdf":
        import tempfile

        with tempfile.TemporaryDirectory(prefix="contractkit-") as tmp:
            src = render_to_file(
                _deal(deal),
                Path(tmp) / docx_path.name,
                template=template,
                templates_dir=templates_dir,
                path=label,
                **extra,
            )
            written += convert([src], target.parent, pdfa=pdfa)
        return written
    written.append(
        render_to_file(
            _deal(deal), docx_path, template=template, templates_dir=templates_dir, path=label, **extra
        )
    )
    if format == "both":
        written += convert([docx_path], docx_path.parent, pdfa=pdfa)
    return written


def load_seller_profile(path: str | Path) -> Any:
    """The company profile in ``path`` (JSON, the schema's party shape, optional logo), checked; ConfigError
    names the file and the key of anything wrong."""
    from contractkit.deal.seller import load_seller_profile as load

    return load(path)


def merge_seller(deal: dict[str, Any], profile: Any) -> dict[str, Any]:
    """A copy of ``deal`` with the company profile merged under its ``seller`` (the deal's own fields win)."""
    from contractkit.deal.seller import merge_seller as merge

    return merge(deal, profile)


def convert(
    docx_files: Iterable[str | Path], out_dir: str | Path | None = None, *, jobs: int = 1, pdfa: bool = False
) -> list[Path]:
    """Convert .docx files to PDF with LibreOffice (into ``out_dir``, default beside each file; ``pdfa``:
    PDF/A-2b); returns the PDFs. Every file is tried; then the first failure is raised."""
    from contractkit.render.pdf import PdfConverter

    pairs = [
        (Path(p), (Path(out_dir) if out_dir else Path(p).parent) / f"{Path(p).stem}.pdf") for p in docx_files
    ]
    failures: list[Exception] = []
    with PdfConverter(jobs, pdfa=pdfa) as conv:
        for _, err in conv.convert_many(pairs):
            if err is not None:
                failures.append(err)
    if failures:
        raise failures[0]
    return [pdf for _, pdf in pairs]


def read(path: str | Path, *, settings: Settings | dict[str, Any] | None = None) -> Document:
    """Read a draft (.docx, .pdf, .txt/.md, or a JSON deal rendered with its template) into a Document."""
    from contractkit.readers.dispatch import read_document

    return read_document(path, max_bytes=_settings(settings).max_input_mb * 1024 * 1024)


def lint_paths(
    *paths: str | Path,
    settings: Settings | dict[str, Any] | None = None,
    baseline: str | Path | None = None,
) -> LintResult:
    """Lint files and folders (each folder entry left out is listed as ``meta/skipped``); the drafts'
    ``contractkit: ignore`` notes apply; with ``baseline``, the findings recorded there are hidden."""
    from contractkit.lint import lint_paths as run

    result = run(paths, _settings(settings))
    if baseline is not None:
        from contractkit.baseline import use_baseline

        result, _ = use_baseline(result, baseline)
    return result


def lint_document(doc: Document, *, settings: Settings | dict[str, Any] | None = None) -> list[Finding]:
    """Lint a Document already read (see :func:`read`); findings sorted by location."""
    from contractkit.lint import lint_document as run

    return run(doc, _settings(settings))


def lint_text(text: str, *, settings: Settings | dict[str, Any] | None = None) -> list[Finding]:
    """Lint a string as a plain-text draft (one block per line)."""
    from contractkit.lint import lint_text as run

    return run(text, _settings(settings))


def write_baseline(result: LintResult, path: str | Path) -> int:
    """Record the findings of ``result`` in a baseline file; returns how many were recorded."""
    from contractkit.baseline import write_baseline as write

    return write(result, path)


def report(result: LintResult, format: ReportFormat = "text", *, lang: str = "zh", **options: Any) -> str:
    """``result`` as the CLI prints it: text, json, sarif, junit (``fail_on=``) or github."""
    from contractkit.lint import available_rules
    from contractkit.reports import FORMATS

    return FORMATS[format](result, available_rules(), lang, **options)


def annotate_docx(
    docx: str | Path,
    out: str | Path,
    findings: Iterable[Finding] | None = None,
    *,
    lang: str = "zh",
    settings: Settings | dict[str, Any] | None = None,
) -> int:
    """Write a copy of a .docx draft with a Word comment per finding (linted now unless ``findings`` is
    given); the original is never changed. Returns the number of comments written."""
    from contractkit.annotate import annotate_docx as write

    if findings is None:
        from contractkit.errors import UnreadableInput

        (fr,) = lint_paths(docx, settings=settings).files
        if fr.error:  # worded in the settings' language (path included): read again for the other one
            import dataclasses

            s = _settings(settings)
            en, zh = (
                fr.error
                if s.lang == x
                else lint_paths(docx, settings=dataclasses.replace(s, lang=x)).files[0].error
                for x in ("en", "zh")
            )
            raise UnreadableInput(en or fr.error, zh=zh or fr.error)
        findings = fr.findings
    return write(docx, findings, out, lang)


def check_templates(
    directory: str | Path | None = None,
    *,
    samples: str | Path | None = None,
    snapshots: str | Path | None = None,
    update: bool = False,
    settings: Settings | dict[str, Any] | None = None,
) -> TemplatesReport:
    """``templates check``: compile each .docx template, check its variables, render every sample of its kind,
    lint the result and compare its text with the snapshot. ``report.exit_code`` is the CLI's status."""
    from contractkit.templates_ci import check_templates as run

    s = _settings(settings)
    return run(directory, samples=samples, snapshots=snapshots, update=update, fail_on=s.fail_on, settings=s)


def extract(source: str | Path | Document) -> Contract:
    """The contract facts model (parties, items, payments, …, each with where it was read) of a file or a
    read Document; ``.to_data()`` gives plain data."""
    from contractkit.readers.model import Document

    if isinstance(source, Document):
        from contractkit.contract.model import extract as from_document

        return from_document(source)
    from contractkit.contract.extract import extract_path

    return extract_path(source)


def extract_text(text: str) -> Contract:
    """The contract facts model of a string read as a plain-text draft."""
    from contractkit.contract.extract import extract_text as run

    return run(text)


def rules() -> dict[str, Rule]:
    """Every lint rule by id, in reference order; each documents itself (title, why, basis, fix, examples)."""
    from contractkit.lint import available_rules

    return available_rules()
