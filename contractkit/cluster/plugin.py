"""Each worker's warm PDF converter: a Dask worker plugin starts a
:class:`~contractkit.render.pdf.PdfConverter` when the worker starts (or the plugin is registered) and closes
it — killing its LibreOffice processes and removing its profiles — when the worker stops or the plugin is
unregistered."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

NAME = "contractkit-pdf"


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
