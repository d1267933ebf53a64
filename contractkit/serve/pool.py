"""One warm, supervised PDF converter pool shared by every request, with a bounded queue.

``workers`` dispatcher threads each own one long-lived converter: the warm UNO listener
(:class:`~contractkit.office.warm.WarmConverter`, when python3-uno is there), one document at a time; else the
batch :class:`~contractkit.render.pdf.PdfConverter`, taking up to ``max_batch`` queued documents
(its share of the queue) into one LibreOffice run, so under load the start-up is shared. Limits:

* the queue holds ``queue_size`` documents; one more is refused at once (:class:`~.limits.Busy`, 429);
* a document not started within ``queue_wait`` seconds leaves the queue (:class:`~.limits.QueueTimeout`, 503);
* the conversion timeout counts from when a converter starts the document (the converter's own timeout: no
  new PDF within ``timeout`` seconds kills that LibreOffice), never the time spent queued;
* a request that goes away (client disconnect) leaves the queue; if every document of a running batch is
  abandoned, that LibreOffice is killed and the converter is free for the next batch.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import shutil
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractkit.errors import ConverterError
from contractkit.serve.limits import Busy, QueueTimeout


@dataclass(eq=False)
class Job:
    """One document waiting for, or in, a converter."""

    data: bytes
    name: str
    enqueued: float = field(default_factory=time.monotonic)
    started: float | None = None
    result: concurrent.futures.Future = field(default_factory=concurrent.futures.Future)
    abandoned: bool = False
    slot: Slot | None = None  # the converter running it, once started


@dataclass(eq=False)
class Slot:
    """One converter and the batch it is running."""

    index: int
    converter: Any
    batch: list[Job] = field(default_factory=list)
    aborted: bool = False


class ConverterPool:
    """The shared converter pool (start it once, :meth:`convert` from any request, :meth:`close` at exit)."""

    def __init__(
        self,
        workers: int = 1,
        *,
        queue_size: int = 16,
        queue_wait: float = 30.0,
        timeout: float = 60.0,
        max_batch: int = 8,
        engine: str = "auto",
        recycle_after: int = 50,
        converter_factory: Any = None,
    ) -> None:
        self.workers = max(1, workers)
        self.queue_size = max(0, queue_size)
        self.queue_wait = queue_wait
        self.timeout = timeout
        self.max_batch = max(1, max_batch)
        self._factory = converter_factory
        self.engine = engine if converter_factory is None else "custom"  # auto | warm | batch
        self.recycle_after = max(1, recycle_after)  # documents per LibreOffice process (memory stays flat)
        self._queue: deque[Job] = deque()
        self._cond = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._slots: list[Slot] = []
        self._closed = False
        self.busy = 0
        self.error: str | None = None  # why the pool cannot convert (LibreOffice missing), if so
        self.error_zh: str | None = None  # the same in Chinese
        self.counts = {"converted": 0, "failed": 0, "abandoned": 0, "refused": 0, "expired": 0}
        self._avg = 2.0  # seconds per batch, moving average (for Retry-After)
        self._retired = {"starts": 0, "timeouts": 0, "crashes": 0, "retries": 0, "replaced": 0}

    # -- lifecycle ------------------------------------------------------------------------------------
    def start(self) -> None:
        """Create the converters and their dispatcher threads (a missing LibreOffice leaves ``error`` set)."""
        self._factory = self._factory or self._default_factory()
        try:
            self._slots = [Slot(i, self._factory()) for i in range(self.workers)]
        except ConverterError as exc:
            self.error, self.error_zh = exc.text("en"), exc.text("zh")
            return
        for slot in self._slots:
            t = threading.Thread(
                target=self._dispatch, args=(slot,), daemon=True, name=f"serve-pdf-{slot.index}"
            )
            t.start()
            self._threads.append(t)

    def _default_factory(self) -> Any:
        """The warm UNO converter when python3-uno is there, else the batch converter (start-up per run)."""
        from contractkit.office.warm import WarmConverter, uno_python
        from contractkit.render.pdf import PdfConverter

        if self.engine in ("auto", "warm") and (self.engine == "warm" or uno_python()):
            self.engine = "warm"
            self.max_batch = 1  # no start-up to share: one document at a time keeps every converter busy
            return lambda: WarmConverter(timeout=self.timeout, max_docs=self.recycle_after)
        self.engine = "batch"
        return lambda: PdfConverter(1, timeout=self.timeout, max_docs_per_worker=self.recycle_after)

    def close(self) -> None:
        """Stop the dispatchers, fail what is queued and kill every LibreOffice."""
        with self._cond:
            self._closed = True
            while self._queue:
                job = self._queue.popleft()
                _fail(job, ConverterError("the server is shutting down", zh="服务器正在关闭"))
            self._cond.notify_all()
        for slot in self._slots:
            with contextlib.suppress(Exception):
                slot.converter.close()
        for t in self._threads:
            t.join(timeout=5)

    # -- figures --------------------------------------------------------------------------------------
    @property
    def depth(self) -> int:
        """Documents waiting for a converter."""
        return len(self._queue)

    def converter_stats(self) -> dict[str, int]:
        """LibreOffice starts, timeouts, crashes and retries summed over the converters."""
        out = dict(self._retired)
        for slot in self._slots:
            for key in out:
                out[key] += int(getattr(slot.converter, "stats", {}).get(key, 0))
        return out

    def retry_after(self) -> int:
        """Seconds a refused client should wait: the queue ahead of it, at the measured pace."""
        batches = 1 + self.depth // (self.workers * self.max_batch)
        return max(1, round(batches * self._avg))

    # -- converting -----------------------------------------------------------------------------------
    async def convert(self, data: bytes, name: str = "document.docx") -> bytes:
        """The PDF of one .docx (bytes); raises Busy, QueueTimeout or the converter's error."""
        if self.error:
            raise ConverterError(self.error, zh=self.error_zh or self.error)
        job = Job(data, name)
        with self._cond:
            if self._closed:
                raise ConverterError("the server is shutting down", zh="服务器正在关闭")
            if len(self._queue) >= self.queue_size + self.workers - self.busy:
                self.counts["refused"] += 1
                raise Busy(self.retry_after(), "conversion")
            self._queue.append(job)
            self._cond.notify()
        waiter = asyncio.wrap_future(job.result)
        try:
            done, _ = await asyncio.wait({waiter}, timeout=self.queue_wait)
            if not done:
                with self._cond:
                    if job.started is None:  # still queued: give up the place
                        self._drop(job)
                        self.counts["expired"] += 1
                        raise QueueTimeout(self.retry_after(), "conversion")
            return await waiter
        except asyncio.CancelledError:
            abort = None
            with self._cond:
                job.abandoned = True
                if job.started is None:
                    self._drop(job)
                elif (
                    job.slot is not None and all(j.abandoned for j in job.slot.batch) and not job.slot.aborted
                ):
                    job.slot.aborted = abort = True
                self.counts["abandoned"] += 1
            if abort and job.slot is not None:  # nobody waits for this run: kill its LibreOffice now
                await asyncio.to_thread(job.slot.converter.close)
            raise

    def _drop(self, job: Job) -> None:
        with contextlib.suppress(ValueError):
            self._queue.remove(job)
        job.abandoned = True

    def _take(self, slot: Slot) -> list[Job] | None:
        with self._cond:
            while not self._queue and not self._closed:
                self._cond.wait()
            if self._closed:
                return None
            batch: list[Job] = []
            share = -(-len(self._queue) // self.workers)  # leave the other converters their part of the queue
            while self._queue and len(batch) < min(self.max_batch, share):
                job = self._queue.popleft()
                if not job.abandoned:
                    job.started = time.monotonic()
                    job.slot = slot
                    batch.append(job)
            slot.batch = batch
            self.busy += 1
            return batch

    def _dispatch(self, slot: Slot) -> None:
        warm_up = getattr(slot.converter, "warm_up", None)
        if warm_up is not None:
            warm_up()
        while True:
            batch = self._take(slot)
            if batch is None:
                return
            t0 = time.monotonic()
            try:
                if batch:
                    self._run(slot.converter, batch)
            except Exception as exc:  # never leave a request waiting forever
                for job in batch:
                    _fail(
                        job,
                        exc
                        if isinstance(exc, ConverterError)
                        else ConverterError(str(exc), zh=f"PDF 转换失败：{exc}"),
                    )
            finally:
                with self._cond:
                    self.busy -= 1
                    slot.batch = []
                    replace = slot.aborted and not self._closed
                if replace:
                    self._replace(slot)
                if batch:
                    self._avg = 0.7 * self._avg + 0.3 * (time.monotonic() - t0)

    def _replace(self, slot: Slot) -> None:
        """A converter closed under an abandoned run: keep its figures, put a fresh one in its place."""
        old = slot.converter
        for key in ("starts", "timeouts", "crashes", "retries"):
            self._retired[key] += int(getattr(old, "stats", {}).get(key, 0))
        self._retired["replaced"] += 1
        with contextlib.suppress(Exception):
            old.close()
        try:
            slot.converter = self._factory()
        except ConverterError as exc:
            self.error, self.error_zh = exc.text("en"), exc.text("zh")
        slot.aborted = False

    def _run(self, conv: Any, batch: list[Job]) -> None:
        work = Path(tempfile.mkdtemp(prefix="contractkit-serve-pdf-"))  # 0700: no other request reads it
        try:
            pairs = {}
            for k, job in enumerate(batch):
                src = work / f"j{k:04d}.docx"
                src.write_bytes(job.data)
                pairs[src] = (work / f"j{k:04d}.pdf", job)
            results = conv.convert_many([(src, pdf) for src, (pdf, _) in pairs.items()])
            left = set(pairs)
            try:
                for (src, pdf), err in results:
                    job = pairs[src][1]
                    left.discard(src)
                    if err is not None:
                        self.counts["failed"] += 1
                        _fail(job, err)
                    else:
                        self.counts["converted"] += 1
                        _succeed(job, pdf.read_bytes())
                        pdf.unlink(missing_ok=True)
                    if left and all(pairs[s][1].abandoned for s in left):
                        break  # nobody waits for the rest: closing the run kills its LibreOffice
            except ConverterError:
                if not all(j.abandoned for j in batch):
                    raise
            finally:
                results.close()
                for src in left:
                    _fail(
                        pairs[src][1],
                        ConverterError(
                            "the conversion stopped before this document", zh="转换在处理到此文档之前已停止"
                        ),
                    )
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _succeed(job: Job, data: bytes) -> None:
    with contextlib.suppress(concurrent.futures.InvalidStateError):  # cancelled by a client gone away
        job.result.set_result(data)


def _fail(job: Job, exc: BaseException) -> None:
    with contextlib.suppress(concurrent.futures.InvalidStateError):
        job.result.set_exception(exc)
