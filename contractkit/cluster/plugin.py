"""Worker plugins. :class:`ConverterPlugin`: each worker's warm PDF converter, a
:class:`~contractkit.render.pdf.PdfConverter` started when the worker starts (or the plugin is registered) and
closed — its LibreOffice processes killed, its profiles removed — when the worker stops or the plugin is
unregistered. :class:`WarmPlugin`: the per-process caches (templates, rules, the deal validator) filled when
the plugin is registered, so a run's first tasks mostly find them full, and Dask's statistical profiler of
the worker's tasks stopped (it samples every running task's stack every 10 ms: ≈ 10 % of a render's CPU)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

NAME = "contractkit-pdf"
WARM = "contractkit-warm"


class ConverterPlugin(WorkerPlugin):
    """Owns one PdfConverter per worker; tasks borrow it through :func:`worker_converter` (one batch at a
    time: its LibreOffice profile is not shared between concurrent batches)."""

    name = NAME

    def __init__(self, timeout: float = 120.0, max_docs_per_worker: int = 200) -> None:
        self.timeout = timeout
        self.max_docs_per_worker = max_docs_per_worker
        self.converter: Any = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"timeout": self.timeout, "max_docs_per_worker": self.max_docs_per_worker}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)

    def setup(self, worker: Any) -> None:
        """Start the worker's converter (profiles are created on its first batch and then kept warm)."""
        from contractkit.render.pdf import PdfConverter

        self.converter = PdfConverter(
            jobs=1, timeout=self.timeout, max_docs_per_worker=self.max_docs_per_worker
        )

    def teardown(self, worker: Any) -> None:
        """Close the converter: no LibreOffice process or profile outlives the worker."""
        if self.converter is not None:
            self.converter.close()
            self.converter = None


@contextlib.contextmanager
def worker_converter() -> Iterator[Any]:
    """This worker's converter (held for one batch); outside a worker, or without the plugin, a converter
    of its own that is closed afterwards."""
    plugin = None
    try:
        from distributed import get_worker

        plugin = get_worker().plugins.get(NAME)
    except (ImportError, ValueError):
        plugin = None
    if plugin is None or plugin.converter is None:
        from contractkit.render.pdf import PdfConverter

        with PdfConverter() as conv:
            yield conv
        return
    with plugin.lock:
        yield plugin.converter


def warm_caches() -> None:
    """Compile the bundled templates, load the rules and build the deal validator in this process."""
    import contractkit
    from contractkit.render.docx import DEFAULT_BY_KIND, load_template, resolve_template

    for kind in DEFAULT_BY_KIND:
        load_template(resolve_template(None, kind=kind))
    contractkit.rules()
    contractkit.validate({"kind": "quote"})


class WarmPlugin(WorkerPlugin):
    """Starts filling the worker's caches when registered and, with ``quiet``, stops the worker's task
    profiler, also on workers that join later (the dashboard's profile page then stays empty)."""

    name = WARM

    def __init__(self, quiet: bool = True) -> None:
        self.quiet = quiet

    def setup(self, worker: Any) -> None:
        """Stop the profiler's callbacks; on a running worker (the plugin registered by a run) warm the
        caches in a thread of their own. A worker that is starting (restarted by its nanny) is not held
        back: its first task fills the caches."""
        from distributed.core import Status

        if self.quiet:
            for key in ("profile", "profile-cycle"):
                callback = worker.periodic_callbacks.pop(key, None)
                if callback is not None:
                    callback.stop()
        if getattr(worker, "status", None) == Status.running:
            threading.Thread(target=_quietly(warm_caches), daemon=True, name="contractkit-warm").start()


def _quietly(fn: Any) -> Any:
    def run() -> None:
        with contextlib.suppress(Exception):  # warming is an optimisation: the tasks report real errors
            fn()

    return run
