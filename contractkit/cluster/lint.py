"""``lint --scheduler``: the local lint over a Dask cluster. The client walks the inputs (folders expand and
skipped entries are listed exactly as locally) and hands out paths — or, for workers that cannot read the
client's disk, the files' bytes — in chunks that shrink towards the end of the run; workers read and lint
and send each chunk's results back as one compact blob. The result is in input order, so every report
format prints what the local run prints; for ``text``, ``json`` and ``sarif`` the workers also write each
file's part of the report and the client only joins them (:mod:`contractkit.cluster.report`)."""

from __future__ import annotations

import math
import os
import stat
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

from contractkit.cluster.report import ClusterReport, Part, ReportSpec, Uris
from contractkit.cluster.tasks import LintItem, lint_chunk_packed
from contractkit.config import Settings
from contractkit.findings import FileResult, LintResult

#: Files per task at most: ≈ 0.8 s of work at ≈ 12 ms a draft, so the ≈ 2–6 ms of client and scheduler CPU
#: a task costs is < 1 % of it (64 against 32 measured ≈ 0.15 ms a file less for client + scheduler under
#: load). Towards the end of the run chunks shrink (see :class:`Feeder`).
CHUNK = 64
#: Input bytes per task at most (a chunk of large scans stays a task of seconds, not minutes).
CHUNK_BYTES = 8 * 2**20
#: Entries walked ahead of submission (paths and sizes only): when the walk ends inside this window the
#: client knows what is left and sizes the last chunks to it, so no worker idles while another finishes.
LOOKAHEAD = 4096
Ship = Literal["auto", "path", "bytes"]


class Feeder:
    """The lint items in walk order, in chunks. A skipped entry, or a local file that is missing, too big or
    unreadable, gets its result here (the local engine's own message) and no item. Chunks hold at most
    ``chunk`` files and ``CHUNK_BYTES``; once the walk has ended they are sized ``remaining / (2 × threads)``
    (guided self-scheduling), so the last tasks are short."""

    def __init__(
        self,
        paths: Iterable[str | Path],
        settings: Settings,
        *,
        chunk: int,
        threads: int,
        read_options: object = None,
        uris: bool = False,
    ) -> None:
        from contractkit.lint import walk_inputs

        self.settings, self.read_options = settings, read_options
        self.uris = Uris() if uris else None  # SARIF's name of each file, made here (the client's cwd)
        self.chunk, self.threads = max(1, chunk), max(1, threads)
        self.max_bytes = settings.max_input_mb * 1024 * 1024
        self.entries = iter(walk_inputs(paths))
        self.ahead: deque[LintItem] = deque()
        self.slots: list[FileResult | Part | None] = []
        self.exhausted = False
        self.done = 0  # slots filled
        self.ship: Ship = "path"  # "auto" hands out paths until :meth:`learn` settles it
        self.as_bytes: set[int] = set()  # items a worker could not see as the client does
        self._fill()

    def _fill(self) -> None:
        from contractkit.lint import Skipped, skipped_result

        while len(self.ahead) < LOOKAHEAD and not self.exhausted:
            entry = next(self.entries, None)
            if entry is None:
                self.exhausted = True
                return
            index = len(self.slots)
            self.slots.append(None)
            if isinstance(entry, Skipped):
                self.fill(index, skipped_result(entry, self.settings.lang))
                continue
            uri = self.uris(entry) if self.uris else None  # as the local SARIF names the file
            if "://" in entry:  # a URL: the workers fetch it
                self.ahead.append(LintItem(index, entry, uri=uri))
                continue
            try:
                st = os.stat(entry)
                if not stat.S_ISREG(st.st_mode) or st.st_size > self.max_bytes:
                    raise OSError("not a file or too large")
            except OSError:  # the local engine says why (missing, a folder, too large …)
                self.fill(index, self._local(entry))
                continue
            source = entry if os.path.isabs(entry) else os.path.abspath(entry)
            self.ahead.append(LintItem(index, entry, None, source, (st.st_size, st.st_mtime_ns), uri))

    def _local(self, name: str) -> FileResult:
        """The local engine's result for a file the client cannot hand out (its error message)."""
        from contractkit.lint import lint_file

        return lint_file(name, self.settings, max_bytes=self.max_bytes, read_options=self.read_options)

    def fill(self, index: int, result: FileResult | Part) -> None:
        """Record one file's result."""
        if self.slots[index] is None:
            self.done += 1
        self.slots[index] = result

    @property
    def total(self) -> int | None:
        """The number of files, once the walk has ended."""
        return len(self.slots) if self.exhausted else None

    def size(self) -> int:
        """Files for the next chunk: ``chunk``, or fewer once what remains is known."""
        if not self.exhausted:
            return self.chunk
        return max(1, min(self.chunk, math.ceil(len(self.ahead) / (2 * self.threads))))

    def __call__(self) -> list[LintItem] | None:
        """The next chunk (None when nothing is left)."""
        batch: list[LintItem] = []
        want, budget = self.size(), CHUNK_BYTES
        while len(batch) < want:
            if not self.ahead:
                self._fill()  # walk on: the window may have emptied into local results
                if not self.ahead:
                    break
            item = self.ahead[0]
            cost = item.stamp[0] if item.stamp else 0
            if batch and cost > budget:
                break
            self.ahead.popleft()
            budget -= cost
            if self.ship == "bytes" or item.index in self.as_bytes:
                item = self._with_bytes(item)
                if item is None:
                    continue
            batch.append(item)
        self._fill()
        return batch or None

    def _with_bytes(self, item: LintItem) -> LintItem | None:
        """The item with its bytes read by the client (for workers without the client's disk); None when
        the file cannot be read any more (its result is then the local engine's error)."""
        if item.source is None:  # a URL
            return item
        try:
            data = Path(item.source).read_bytes()
        except OSError:
            self.fill(item.index, self._local(item.name))
            return None
        return LintItem(item.index, item.name, data, uri=item.uri)

    def learn(self, blind: bool) -> None:
        """``auto``: the first chunk back settles it — paths while a worker saw its files (each file it
        does not see still comes back unread and goes again as bytes), bytes for the rest of the run when
        it saw none of them (workers without the client's disk)."""
        if self.ship == "auto":
            self.ship = "bytes" if blind else "path"

    def resend(self, items: list[LintItem]) -> None:
        """Items a worker could not see as the client does: sent again, first, with their bytes."""
        for item in reversed(items):
            self.as_bytes.add(item.index)
            self.ahead.appendleft(item)

    def result(self) -> LintResult:
        """The run's LintResult (every file as a FileResult: a run without a report)."""
        return LintResult(files=[fr for fr in self.slots if isinstance(fr, FileResult)])


def choose_ship(ship: str | None) -> Ship:
    """``ship`` as asked, or the Dask config key ``contractkit.ship``, or ``auto`` — checked."""
    import dask

    ship = ship or dask.config.get("contractkit.ship", "auto")
    if ship not in ("auto", "path", "bytes"):
        from contractkit.errors import UsageError

        raise UsageError(
            f"unknown ship mode {ship!r}", hint="use auto, path or bytes", zh=f"未知的 ship 方式 {ship!r}"
        )
    return ship  # type: ignore[return-value]


def lint_on_cluster(
    paths: Iterable[str | Path],
    client: Any,
    settings: Settings | None = None,
    *,
    rules: Iterable | None = None,
    read_options: object = None,
    ship: Ship | None = None,
    progress: Callable[[int, int | None], Any] | None = None,
    chunk: int = CHUNK,
    in_flight: int | None = None,
) -> LintResult:
    """Lint ``paths`` (files, folders, fsspec URLs) on ``client``'s cluster. ``ship``: ``"path"`` — workers
    read the files (a shared disk, a LocalCluster); ``"bytes"`` — the client reads local files and sends
    them (workers need no shared disk); ``"auto"`` (default, or the Dask config key ``contractkit.ship``) —
    paths, then bytes when the first chunk back was not seen by its worker (:meth:`Feeder.learn`); in path
    mode a file a worker does not see as the client does (size, mtime, readable) comes back unread and
    goes again as bytes, so the mode never changes a result. ``rules`` and ``read_options`` (OCR, tracked
    changes) as for ``contractkit.lint.lint_paths`` (default: every registered rule); the registered rules
    travel as ids, others (a playbook's) as objects."""
    kw = {"read_options": read_options, "ship": ship, "progress": progress, "chunk": chunk}
    return _run(paths, client, settings, rules, None, in_flight=in_flight, **kw).result()


def lint_report_on_cluster(
    paths: Iterable[str | Path],
    client: Any,
    settings: Settings | None,
    rules: dict,
    *,
    fmt: str,
    lang: str = "zh",
    read_options: object = None,
    ship: Ship | None = None,
    progress: Callable[[int, int | None], Any] | None = None,
    chunk: int = CHUNK,
    in_flight: int | None = None,
) -> ClusterReport:
    """The ``fmt`` report (``text``, ``json`` or ``sarif``: :data:`contractkit.cluster.report.FORMATS`) of
    ``rules`` (id → rule, in the report's order) over ``paths``, written on the workers file by file and
    joined here: the bytes ``contractkit.reports.FORMATS[fmt](lint_paths(...), rules, lang)`` gives locally.
    Other arguments as for :func:`lint_on_cluster`."""
    from contractkit.cluster.report import assemble

    spec = ReportSpec(fmt, lang, tuple(rules))
    kw = {"read_options": read_options, "ship": ship, "progress": progress, "chunk": chunk}
    feeder = _run(paths, client, settings, list(rules.values()), spec, in_flight=in_flight, **kw)
    return assemble([s for s in feeder.slots if s is not None], spec, rules)


def _run(
    paths: Iterable[str | Path],
    client: Any,
    settings: Settings | None,
    rules: Iterable | None,
    report: ReportSpec | None,
    *,
    read_options: object,
    ship: Ship | None,
    progress: Callable[[int, int | None], Any] | None,
    chunk: int,
    in_flight: int | None,
) -> Feeder:
    """Lint on the cluster; the feeder holds each file's result (with ``report``, its part where the worker
    wrote one)."""
    from contractkit.cluster.engine import default_in_flight, stream, threads_of, warm_workers
    from contractkit.cluster.wire import unpack_chunk
    from contractkit.lint import available_rules

    settings = Settings.resolve(settings)
    ids: tuple[str, ...] | None = None
    extras: tuple = ()
    if rules is not None:
        registry = available_rules()
        chosen = list(rules)
        ids = tuple(r.id for r in chosen)
        extras = tuple(r for r in chosen if registry.get(r.id) is not r)
    threads = threads_of(client)
    uris = report is not None and report.fmt == "sarif"
    feeder = Feeder(paths, settings, chunk=chunk, threads=threads, read_options=read_options, uris=uris)
    warm_workers(client)
    feeder.ship = choose_ship(ship)
    args = (settings, ids, extras, read_options, report)
    limit = in_flight or default_in_flight(client, threads)
    for batch, result in stream(client, lint_chunk_packed, feeder, *args, in_flight=limit):
        if isinstance(result, BaseException):
            why = f"the cluster could not lint this file ({type(result).__name__}: {result})"
            for it in batch:
                feeder.fill(it.index, FileResult(path=it.name, error=f"{it.name}: {why}"))
        else:
            unseen = set()
            for index, fr in unpack_chunk(result):
                if fr is None:
                    unseen.add(index)
                else:
                    feeder.fill(index, fr)
            if unseen:
                feeder.resend([it for it in batch if it.index in unseen])
            feeder.learn(len(unseen) == len(batch))
        if progress:
            progress(feeder.done, feeder.total)
    return feeder
