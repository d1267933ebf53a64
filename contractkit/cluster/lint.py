"""``lint --scheduler``: the local lint over a Dask cluster. The client walks the inputs (folders expand and
skipped entries are listed exactly as locally), workers read and lint; the result is in input order, so
every report format prints what the local run prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from contractkit.cluster.tasks import LintItem, lint_chunk_packed
from contractkit.config import Settings
from contractkit.findings import FileResult, LintResult

#: Files per task: a draft takes ≈ 5–50 ms to lint, so 8 amortise the scheduler's ≈ 1 ms a task.
CHUNK = 8


def _items(
    paths: Iterable[str | Path],
    settings: Settings,
    ship: str,
    slots: list[FileResult | None],
    read_options: object = None,
) -> Iterator[LintItem]:
    """The lint items in walk order; a skipped entry, or a local file too big or unreadable to ship, gets its
    result here (the local engine's own message) and no item."""
    from contractkit.lint import Skipped, lint_file, skipped_result, walk_inputs

    max_bytes = settings.max_input_mb * 1024 * 1024
    for entry in walk_inputs(paths):
        index = len(slots)
        slots.append(None)
        if isinstance(entry, Skipped):
            slots[index] = skipped_result(entry, settings.lang)
            continue
        if ship == "path" or "://" in entry:
            yield LintItem(index, entry)
            continue
        try:
            if Path(entry).stat().st_size > max_bytes:
                raise OSError("too large")
            data = Path(entry).read_bytes()
        except OSError:  # the local engine says why (missing, a folder, too large …)
            slots[index] = lint_file(entry, settings, max_bytes=max_bytes, read_options=read_options)
            continue
        yield LintItem(index, entry, data)


def lint_on_cluster(
    paths: Iterable[str | Path],
    client: Any,
    settings: Settings | None = None,
    *,
    rules: Iterable | None = None,
    read_options: object = None,
    ship: Literal["bytes", "path"] = "bytes",
    progress: Callable[[int, int | None], Any] | None = None,
    chunk: int = CHUNK,
    in_flight: int | None = None,
) -> LintResult:
    """Lint ``paths`` (files, folders, fsspec URLs) on ``client``'s cluster. ``ship="bytes"``: the client
    reads local files and sends them (workers need no shared disk); ``"path"``: workers read the paths.
    ``rules`` and ``read_options`` (OCR, tracked changes) as for ``contractkit.lint.lint_paths`` (default:
    every registered rule); the registered rules travel as ids, others (a playbook's) as objects."""
    from contractkit.cluster.engine import stream, warm_workers
    from contractkit.cluster.wire import unpack
    from contractkit.lint import available_rules

    settings = Settings.resolve(settings)
    ids: tuple[str, ...] | None = None
    extras: tuple = ()
    if rules is not None:
        registry = available_rules()
        chosen = list(rules)
        ids = tuple(r.id for r in chosen)
        extras = tuple(r for r in chosen if registry.get(r.id) is not r)
    slots: list[FileResult | None] = []
    items = _items(paths, settings, ship, slots, read_options)
    exhausted = False
    done = 0

    def feed() -> list[LintItem] | None:
        nonlocal exhausted
        batch: list[LintItem] = []
        while len(batch) < chunk and not exhausted:
            item = next(items, None)
            if item is None:
                exhausted = True
            else:
                batch.append(item)
        return batch or None

    args = (settings, ids, extras, read_options)
    warm_workers(client)
    for batch, result in stream(client, lint_chunk_packed, feed, *args, in_flight=in_flight):
        if isinstance(result, BaseException):
            why = f"the cluster could not lint this file ({type(result).__name__}: {result})"
            for it in batch:
                slots[it.index] = FileResult(path=it.name, error=f"{it.name}: {why}")
        else:
            for index, packed in result:
                slots[index] = unpack(packed)
        done += len(batch)
        if progress:
            progress(done, len(slots) if exhausted else None)
    return LintResult(files=[fr for fr in slots if fr is not None])
