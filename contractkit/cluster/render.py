"""``render --scheduler``: deals → documents in DEST on a Dask cluster, with the local path's naming,
duplicate rule and per-deal errors, and a resume manifest. The client reads the deals and plans the names;
workers validate, render, convert and write."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractkit.cluster.dest import Destination
from contractkit.cluster.manifest import Manifest, job_key
from contractkit.cluster.tasks import ChunkOutcome, RenderItem, RenderSpec, TemplateRef, render_chunk
from contractkit.deal.seller import SellerProfile
from contractkit.render.batch import Failure, failures_of, safe_name

#: Deals per task: a .docx takes ≈ 3 ms, so 64 amortise the scheduler's ≈ 1 ms a task; a PDF batch of 16
#: amortises LibreOffice's ≈ 1.2 s start over ≈ 3 s of conversion.
CHUNK = {"docx": 64, "pdf": 16, "both": 16}


#: Numbers that ``safe_name`` keeps as they are (ASCII letters, digits, ``-``; longer than any reserved device
#: name such as ``COM1``), so the client need not look at each character.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9-]{5,120}")


def _file_name(number: str) -> str:
    """``safe_name(number)``, "" when nothing is left of it; the common plain number at C speed."""
    return number if _PLAIN_NAME.fullmatch(number) else safe_name(number, fallback="")


@dataclass
class ClusterReport:
    """What a cluster render did: deals seen, rendered now, skipped as complete, files written, failures."""

    deals: int = 0
    rendered: int = 0
    skipped: int = 0
    files: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed_deals(self) -> int:
        return len({f.label for f in self.failures})

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def exit_code(self) -> int:
        """0 all rendered, 2 if some input was unreadable, else 1 if some deal failed (as the local path)."""
        if not self.failures:
            return 0
        return 2 if any(f.unreadable for f in self.failures) else 1

    def summary(self) -> str:
        done = self.rendered + self.skipped
        text = f"{done} of {self.deals} deal(s) rendered, {self.files} file(s) written"
        if self.skipped:
            text += f", {self.skipped} already complete (skipped)"
        if self.failures:
            text += f"; {self.failed_deals} failed"
        return text


def template_refs(
    template: str | Path | None, templates_dir: str | Path | None
) -> tuple[dict[str, str], tuple[tuple[str, TemplateRef], ...]]:
    """Per deal kind: the template's sha256 (for the manifest key) and, for a user's own template, the file
    to ship to the workers (the bundled ones are installed there)."""
    from contractkit.cluster.dest import digest
    from contractkit.render.docx import DEFAULT_BY_KIND, resolve_template

    shas: dict[str, str] = {}
    shipped: list[tuple[str, TemplateRef]] = []
    for kind in DEFAULT_BY_KIND:
        path = resolve_template(template, kind=kind, templates_dir=templates_dir)
        data = path.read_bytes()
        shas[kind] = digest(data)
        if template is not None or templates_dir is not None:
            shipped.append((kind, TemplateRef(path.name, data)))
    return shas, tuple(shipped)


class Planner:
    """Reads the deals lazily and hands out chunks of RenderItems, naming each deal as the local batch does:
    by its number (``safe_name``), ``NAME-2`` … on a clash; without ``allow_duplicates`` a deal whose number
    an earlier valid deal has fails as a duplicate, and an invalid deal claims neither number nor name.
    The client only peeks at each deal's number and kind; validity is learnt from the workers, so a deal
    whose number or name is held by a deal still in flight waits for that result (only clashes wait)."""

    def __init__(
        self,
        entries: Iterable[tuple[str, str | BaseException, int]],
        report: ClusterReport,
        *,
        fmt: str,
        shas: dict[str, str],
        manifest: Manifest,
        present: dict[str, int],
        allow_duplicates: bool,
        chunk: int,
        verify: bool = False,
        progress: Callable[[int, int | None], Any] | None = None,
    ) -> None:
        self.entries: Iterator[tuple[str, str | BaseException, int]] = iter(entries)
        self.report, self.fmt, self.shas, self.manifest = report, fmt, shas, manifest
        self.present, self.allow, self.chunk, self.verify = present, allow_duplicates, chunk, verify
        self.progress = progress
        self.exhausted = False
        self.done = 0
        self.ready: deque[RenderItem] = deque()
        self.failures: list[tuple[int, Failure]] = []  # with the deal's input position, to sort them
        self.warnings: list[tuple[int, int, str]] = []  # (input position, 0 deal / 1 PDF, text)
        self.names: dict[str, bool] = {}  # lower-case name → rendered (True) or held by a deal in flight
        self.valid: dict[str, str] = {}  # number → label of the first valid deal
        self.holding: set[str] = set()  # numbers held by a deal in flight
        self.waiting: dict[tuple[str, str], list[tuple[int, str, str, int, dict]]] = {}  # held → deals

    # -- input side ---------------------------------------------------------------------------------------
    def feed(self) -> list[RenderItem] | None:
        """The next chunk to submit, or None when nothing is ready now."""
        from contractkit.cluster.source import peek

        before, was_exhausted = self.done, self.exhausted
        while len(self.ready) < self.chunk and not self.exhausted:
            entry = next(self.entries, None)
            if entry is None:
                self.exhausted = True
                break
            self.report.deals += 1
            label, text, offset = entry
            deal = text if isinstance(text, BaseException) else peek(text, label, offset)
            if isinstance(deal, BaseException):
                self._finish(self.report.deals, failures_of(label, deal))
            else:
                self._admit(self.report.deals, label, text, offset, deal)  # type: ignore[arg-type]
        if self.done != before or self.exhausted != was_exhausted:
            self._progress()
        if not self.ready:
            return None
        return [self.ready.popleft() for _ in range(min(self.chunk, len(self.ready)))]

    def _number(self, deal: dict) -> str:
        return "" if self.allow else str(deal.get("number") or "").strip()

    def _admit(self, seq: int, label: str, text: str, offset: int, deal: dict) -> None:
        number = self._number(deal)
        if number in self.valid and self.valid[number] != label:  # fails on the worker (invalid or duplicate)
            self.ready.append(RenderItem(seq, label, text, offset, "", number, self.valid[number]))
            return
        if number in self.holding:
            self.waiting.setdefault(("number", number), []).append((seq, label, text, offset, deal))
            return
        base = _file_name(str(deal.get("number") or "")) or safe_name(Path(label).stem)
        name, n = base, 1
        while name.lower() in self.names:
            if not (self.allow or self.names[name.lower()]):  # held by a deal that may yet prove invalid
                self.waiting.setdefault(("name", name.lower()), []).append((seq, label, text, offset, deal))
                return
            n += 1
            name = f"{base}-{n}"
        if self.manifest.done:  # a re-run: skip what an earlier run recorded as complete
            key = job_key(text, name, self.fmt, self.shas.get(str(deal.get("kind")), ""))
            if self.manifest.complete(key, self.present, verify=self.verify):
                self.report.skipped += 1
                self.names[name.lower()] = True
                if number:
                    self.valid[number] = label
                self._finish(seq, [])
                return
        self.names[name.lower()] = False
        if number:
            self.holding.add(number)
        self.ready.append(RenderItem(seq, label, text, offset, name, number))

    # -- result side --------------------------------------------------------------------------------------
    def settle(self, items: list[RenderItem], outcome: ChunkOutcome) -> None:
        """Take a chunk's outcome: count it, record it in the manifest, release the deals waiting on it."""
        if outcome.rows:
            self.manifest.add_rows(outcome.rows)
        self.report.files += outcome.files
        failed, invalid = outcome.failed, set(outcome.invalid)
        self.report.rendered += len(items) - len(failed)
        self.failures.extend((items[pos].seq, f) for pos, f in outcome.failures)
        self.warnings.extend((items[pos].seq, phase, w) for pos, phase, w in outcome.warnings)
        self.done += len(items)
        released: list[tuple[str, str]] = []
        for pos, item in enumerate(items):
            if item.duplicate_of is not None:
                continue
            valid = pos not in invalid
            if valid or self.allow:
                self.names[item.name.lower()] = True
            else:
                del self.names[item.name.lower()]
            if self.waiting:
                released.append(("name", item.name.lower()))
            if item.number:
                self.holding.discard(item.number)
                if valid:
                    self.valid[item.number] = item.label
                if self.waiting:
                    released.append(("number", item.number))
        waiting = [d for on in released for d in self.waiting.pop(on, ())]
        for seq, label, text, offset, deal in sorted(waiting, key=lambda d: d[0]):  # input order, as locally
            self._admit(seq, label, text, offset, deal)
        self._progress()

    def lost(self, items: list[RenderItem], exc: BaseException) -> None:
        """A whole task failed (its workers kept dying): each deal fails, and counts as valid (it may have
        been written, so its number stays taken)."""
        why = f"the cluster could not run this deal ({type(exc).__name__}: {exc})"
        fails = [(pos, Failure(item.label, "", why)) for pos, item in enumerate(items)]
        self.settle(items, ChunkOutcome(failures=fails))

    def _finish(self, seq: int, failures: list[Failure]) -> None:
        self.failures.extend((seq, f) for f in failures)
        self.done += 1

    def _progress(self) -> None:
        if self.progress:
            self.progress(self.done, self.report.deals if self.exhausted else None)

    def close(self) -> None:
        """Flush the manifest and put the failures and warnings in input order into the report."""
        self.manifest.flush()
        self.failures.sort(key=lambda pair: pair[0])
        self.report.failures = [f for _, f in self.failures]
        self.warnings.sort(key=lambda w: (w[1], w[0]))  # as locally: the deals' warnings, then the PDFs'
        self.report.warnings = [w for _, _, w in self.warnings]


def options_digest(seller: SellerProfile | None, watermark: str | None) -> str:
    """What ``--seller`` and ``--watermark`` add to a deal's manifest key ("" without them, so the keys of
    runs without them stay as they were)."""
    import json

    from contractkit.cluster.dest import digest

    if seller is None and watermark is None:
        return ""
    logo = seller.logo if seller is not None else None
    party = seller.party if seller is not None else None
    text = json.dumps([party, digest(logo.data) if logo else None, watermark], sort_keys=True, default=str)
    return digest(text.encode("utf-8"))


def plan_render(
    sources: list[str],
    dest: str,
    *,
    fmt: str = "docx",
    template: str | Path | None = None,
    templates_dir: str | Path | None = None,
    allow_duplicates: bool = False,
    progress: Callable[[int, int | None], Any] | None = None,
    chunk: int | None = None,
    verify: bool = False,
    seller: SellerProfile | None = None,
    watermark: str | None = None,
) -> tuple[Planner, RenderSpec]:
    """Check DEST, read its manifest and set up the planner and the spec every task carries (``seller``
    merged under every deal, ``watermark`` drawn on every page, as in the local batch)."""
    from contractkit.cluster.source import iter_deal_texts
    from contractkit.errors import UsageError
    from contractkit.render.decorate import check_watermark

    if fmt not in CHUNK:
        raise UsageError(
            f"unknown format {fmt!r}",
            hint="use docx, pdf or both",
            zh=f"未知的输出格式 {fmt!r}",
            hint_zh="请用 docx、pdf 或 both",
        )
    if watermark is not None:  # refused up front, with the local batch's message
        try:
            watermark = check_watermark(watermark)
        except ValueError as exc:
            raise UsageError(
                str(exc),
                hint="give a short text such as 草稿",
                zh="水印文字无效",
                hint_zh="请给一段简短的文字，例如 草稿",
            ) from None
    target = Destination(str(dest))
    if target.local and Path(target.root).exists() and not Path(target.root).is_dir():
        raise UsageError(
            "the output for several deals must be a folder", path=str(dest), zh="多笔单据的输出必须是文件夹"
        )
    target.makedirs()
    shas, shipped = template_refs(template, templates_dir)
    extra = options_digest(seller, watermark)
    if extra:  # a deal rendered with another profile or watermark is not complete for this run
        shas = {kind: f"{sha}+{extra}" for kind, sha in shas.items()}
    manifest = Manifest.load(target)
    planner = Planner(
        iter_deal_texts(sources),
        ClusterReport(),
        fmt=fmt,
        shas=shas,
        manifest=manifest,
        present=target.sizes() if manifest.done else {},
        allow_duplicates=allow_duplicates,
        chunk=chunk or CHUNK[fmt],
        verify=verify,
        progress=progress,
    )
    return planner, RenderSpec(target, fmt, shipped, tuple(sorted(shas.items())), seller, watermark)


def render_on_cluster(
    sources: list[str],
    dest: str,
    client: Any,
    *,
    in_flight: int | None = None,
    **options: Any,
) -> ClusterReport:
    """Render every deal in ``sources`` into ``dest`` (a folder or fsspec URL) on ``client``'s cluster,
    skipping deals a manifest in ``dest`` records as complete. ``options``: those of :func:`plan_render`
    (``fmt``, ``template``, ``templates_dir``, ``allow_duplicates``, ``progress``, ``chunk``, ``verify``,
    ``seller``, ``watermark``)."""
    from contractkit.cluster.engine import stream, warm_workers
    from contractkit.cluster.plugin import NAME, ConverterPlugin

    planner, spec = plan_render(sources, dest, **options)
    warm_workers(client)
    pdf = spec.fmt != "docx"
    if pdf:
        client.register_plugin(ConverterPlugin(), name=NAME)
    try:
        for items, result in stream(client, render_chunk, planner.feed, spec, in_flight=in_flight):
            if isinstance(result, BaseException):
                planner.lost(items, result)
                continue
            planner.settle(items, result)
    finally:
        planner.close()
        if pdf:
            client.unregister_worker_plugin(NAME)
    return planner.report
