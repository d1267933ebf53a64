"""What the workers run: pure functions of their arguments (no state but each process's compiled templates and
its worker's PDF converter), picklable in and out. ``render_chunk``: deals' JSON texts → parsed, validated,
rendered, written to DEST → one compact ChunkOutcome back; ``lint_chunk``: paths, URLs or bytes →
FileResults (``lint_chunk_packed``: as one compact blob for the wire). Errors come back per deal or per file,
never raised."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from contractkit.cluster.dest import Destination, Written, digest
from contractkit.deal.seller import SellerProfile
from contractkit.findings import FileResult
from contractkit.render.batch import Failure, failures_of


@dataclass(frozen=True)
class TemplateRef:
    """A template file shipped to the workers (a user's own; the bundled ones are on every worker)."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return digest(self.data)


@dataclass(frozen=True)
class RenderSpec:
    """What every deal of a run shares: DEST, format, the templates (kind → shipped template, if any), each
    kind's template sha256 (for the manifest key), the company profile merged under every deal and the
    watermark drawn on every page (``--seller``, ``--watermark``)."""

    dest: Destination
    fmt: str = "docx"
    templates: tuple[tuple[str, TemplateRef], ...] = ()
    shas: tuple[tuple[str, str], ...] = ()
    seller: SellerProfile | None = None
    watermark: str | None = None


class RenderItem(NamedTuple):
    """One deal to render as ``name`` (without suffix), shipped as its JSON ``text`` (the worker parses it;
    ``offset`` + 1 is its first line in the input). ``number`` is the one it claims when valid (empty with
    --allow-duplicates); ``duplicate_of`` the label of an earlier valid deal with the same number (the deal
    fails as a duplicate unless it is invalid in its own right); ``seq`` its position in the input."""

    seq: int
    label: str
    text: str
    offset: int
    name: str
    number: str = ""
    duplicate_of: str | None = None


@dataclass
class ChunkOutcome:
    """What became of a chunk, compactly: the positions (in the chunk) of the deals that were invalid or
    unreadable (they claim no number), the failures and warnings by position, the files written and the
    manifest lines of the deals rendered completely."""

    invalid: list[int] = field(default_factory=list)
    failures: list[tuple[int, Failure]] = field(default_factory=list)
    warnings: list[tuple[int, int, str]] = field(default_factory=list)  # (position, 0 deal / 1 PDF, text)
    files: int = 0
    rows: list[str] = field(default_factory=list)

    @property
    def failed(self) -> set[int]:
        """Positions of the deals that failed."""
        return {pos for pos, _ in self.failures}


@dataclass
class _Deal:
    """One deal's progress on the worker (what the PDF step needs)."""

    pos: int
    label: str
    name: str
    written: list[Written] = field(default_factory=list)
    failed: bool = False


def _template_path(ref: TemplateRef) -> Path:
    """The shipped template as a file in this worker's temp folder (written once per content hash)."""
    from contractkit.fileio import atomic_write

    path = Path(tempfile.gettempdir()) / "contractkit-cluster-templates" / ref.sha256[:32] / ref.name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, ref.data)
    return path


def _docx(item: RenderItem, deal: dict, spec: RenderSpec) -> bytes:
    """The .docx bytes of one deal (DealInvalid when it is invalid or a duplicate)."""
    from contractkit.render.docx import render_docx

    if item.duplicate_of is not None:
        from contractkit.render.batch import _duplicate  # the local path's rule and message, exactly

        number = str(deal.get("number") or "").strip()
        checked = _duplicate(item.label, deal, {number: item.duplicate_of})
        if isinstance(checked, BaseException):
            raise checked
    shipped = dict(spec.templates).get(str(deal.get("kind") or ""))
    template = _template_path(shipped) if shipped else None
    return render_docx(deal, template=template, path=item.label, seller=spec.seller, watermark=spec.watermark)


def render_chunk(items: list[RenderItem], spec: RenderSpec) -> ChunkOutcome:
    """Parse, validate and render each deal, write its outputs to DEST (atomically) and say compactly what
    became of the chunk (one deal never stops it)."""
    from contractkit.cluster.manifest import job_key, row
    from contractkit.deal.load import parse_deal
    from contractkit.deal.seller import merge_seller
    from contractkit.deal.validate import fraction_warnings
    from contractkit.errors import ContractkitError, DealInvalid

    result = ChunkOutcome()
    deals: list[tuple[_Deal, str, str]] = []
    to_pdf: list[tuple[_Deal, bytes]] = []
    shas = dict(spec.shas)
    for pos, item in enumerate(items):
        out = _Deal(pos, item.label, item.name)
        try:
            deal = parse_deal(item.text, label=item.label, line_offset=item.offset)
        except ContractkitError as exc:  # unreadable: claims no number, as locally
            result.invalid.append(pos)
            result.failures.extend((pos, f) for f in failures_of(item.label, exc))
            continue
        if spec.seller is not None:  # as the local batch: merged before the warnings and the render
            deal = merge_seller(deal, spec.seller)
        result.warnings.extend(
            (pos, 0, f"{item.label}: {w.pointer}: 警告：{w.message} / {w.message_en}")
            for w in fraction_warnings(deal)
        )  # as the local batch prints them
        try:
            data = _docx(item, deal, spec)
            if spec.fmt in ("docx", "both"):
                out.written.append(spec.dest.write(f"{item.name}.docx", data))
            if spec.fmt in ("pdf", "both"):
                to_pdf.append((out, data))
        except Exception as exc:  # one deal never stops its chunk
            if isinstance(exc, DealInvalid):
                result.invalid.append(pos)
            out.failed = True
            result.failures.extend((pos, f) for f in failures_of(item.label, exc))
        deals.append((out, item.text, shas.get(str(deal.get("kind")), "")))
    if to_pdf:
        _pdfs(to_pdf, spec.dest, result)
    for out, text, sha in deals:
        result.files += len(out.written)
        if out.written and not out.failed:
            result.rows.append(row(job_key(text, out.name, spec.fmt, sha), out.label, out.written))
    return result


def _pdfs(todo: list[tuple[_Deal, bytes]], dest: Destination, result: ChunkOutcome) -> None:
    """Convert the chunk's documents with this worker's warm converter (one soffice batch) into DEST."""
    from contractkit.cluster.plugin import worker_converter

    def fail(out: _Deal, exc: BaseException) -> None:
        out.failed = True
        result.failures.extend((out.pos, f) for f in failures_of(out.label, exc))

    with tempfile.TemporaryDirectory(prefix="contractkit-cluster-") as tmp, worker_converter() as conv:
        pairs = []
        for out, data in todo:
            src = Path(tmp) / f"{out.name}.docx"
            src.write_bytes(data)
            pairs.append((src, Path(tmp) / "pdf" / f"{out.name}.pdf"))
        (Path(tmp) / "pdf").mkdir()
        seen = len(conv.warnings)
        by_src = {src: out for (src, _), (out, _) in zip(pairs, todo, strict=True)}
        for (src, pdf), err in conv.convert_many(pairs):
            out = by_src[src]
            if err is not None:
                fail(out, err)
                continue
            try:
                out.written.append(dest.write(f"{out.name}.pdf", pdf.read_bytes()))
            except Exception as exc:
                fail(out, exc)
        for warning in conv.warnings[seen:]:  # name the output in DEST, not the worker's temp file
            owner = todo[0][0]
            for (_, pdf), (out, _) in zip(pairs, todo, strict=True):
                if str(pdf) in warning:
                    owner, warning = out, warning.replace(str(pdf), dest.display(f"{out.name}.pdf"))
            result.warnings.append((owner.pos, 1, warning))
        del conv.warnings[seen:]


@dataclass(frozen=True)
class LintItem:
    """One file to lint: ``name`` as reported; ``data`` its bytes (shipped by the client), or None when the
    worker reads it itself: ``source`` (the client's absolute path, on a shared disk; default ``name``) or
    ``name`` as an fsspec URL. ``stamp`` is the (size, mtime in ns) the client saw: a worker that sees the
    file otherwise (another machine's disk) returns it unread, and the client sends its bytes instead.
    ``uri`` is the file as the client's SARIF report names it (for a report written on the worker)."""

    index: int
    name: str
    data: bytes | None = None
    source: str | None = None
    stamp: tuple[int, int] | None = None
    uri: str | None = None


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def worker_rules(ids: tuple[str, ...] | None, extras: tuple = ()) -> list:
    """The rules to run: every registered rule (``ids`` None), or those ids in order, taken from this
    process's registry or from ``extras`` (rules shipped by the client, e.g. a playbook's)."""
    from contractkit.lint import available_rules

    registry = available_rules()
    if ids is None:
        return list(registry.values())
    shipped = {r.id: r for r in extras}
    return [shipped[i] if i in shipped else registry[i] for i in ids]


def lint_chunk(
    items: list[LintItem],
    settings: object,
    ids: tuple[str, ...] | None = None,
    extras: tuple = (),
    read_options: object = None,
) -> list[tuple[int, FileResult | None]]:
    """Lint each file as ``contractkit.lint.lint_file`` does locally (with the rules ``ids``/``extras``
    name, see :func:`worker_rules`, and the readers' ``read_options``); each result with its input index,
    None for a file this worker does not see as the client did (see :class:`LintItem`)."""
    from contractkit.lint import lint_file

    rules = worker_rules(ids, extras)
    out: list[tuple[int, FileResult | None]] = []
    with contextlib.ExitStack() as stack:
        tmp: Path | None = None
        for item in items:
            if item.data is None and "://" not in item.name:
                source = item.source or item.name
                if item.stamp is not None and (
                    _stamp(source) != item.stamp or not os.access(source, os.R_OK)
                ):
                    out.append((item.index, None))
                    continue
                result = lint_file(source, settings, rules=rules, read_options=read_options)
                out.append((item.index, _as_named(result, source, item.name)))
                continue
            try:
                data = item.data if item.data is not None else _fetch(item.name)
            except Exception as exc:
                out.append((item.index, FileResult(path=item.name, error=f"{item.name}: {exc}")))
                continue
            if tmp is None:  # one temp folder a chunk
                tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="contractkit-lint-")))
            folder = tmp / str(item.index)
            folder.mkdir()
            out.append((item.index, _lint_bytes(item.name, data, folder, settings, rules, read_options)))
    return out


def lint_chunk_packed(
    items: list[LintItem],
    settings: object,
    ids: tuple[str, ...] | None = None,
    extras: tuple = (),
    read_options: object = None,
    report: object = None,
) -> bytes:
    """:func:`lint_chunk` as one compact blob for the wire (:func:`contractkit.cluster.wire.pack_chunk`);
    with ``report`` (a :class:`~contractkit.cluster.report.ReportSpec`) each file as its part of that
    report where the worker can write it (:func:`contractkit.cluster.report.part`)."""
    from contractkit.cluster.wire import pack_chunk

    results: list = lint_chunk(items, settings, ids, extras, read_options)
    if report is not None:
        from contractkit.cluster.report import part

        uris = {it.index: it.uri for it in items}
        results = [(i, fr if fr is None else part(fr, report, uris[i]) or fr) for i, fr in results]  # type: ignore[arg-type]
    return pack_chunk(results)


def _fetch(url: str) -> bytes:
    import fsspec

    with fsspec.open(url, "rb") as fh:
        return fh.read()


def _as_named(result: FileResult, read_as: str, name: str) -> FileResult:
    """``result`` of the file read as ``read_as`` reported under ``name`` (as the local run names it)."""
    if read_as == name:
        return result
    error = result.error.replace(read_as, name) if result.error else None
    return FileResult(path=name, findings=result.findings, error=error)


def _lint_bytes(
    name: str, data: bytes, folder: Path, settings: object, rules: list, read_options: object
) -> FileResult:
    """Lint bytes under their own file name in ``folder`` (the suffix picks the reader); report them as
    ``name``."""
    from contractkit.lint import lint_file

    path = folder / (name.rstrip("/").rpartition("/")[2] or "document")
    path.write_bytes(data)
    result = lint_file(path, settings, rules=rules, read_options=read_options)
    return _as_named(result, str(path), name)
