"""Admission for work run in threads: at most ``slots`` at once, at most ``waiting`` queued, else Busy."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator


class Busy(Exception):
    """Too much work queued already: answer 429 with ``retry_after`` seconds."""

    def __init__(self, retry_after: int, what: str = "work") -> None:
        super().__init__(f"too many {what} requests queued")
        self.retry_after = retry_after
        self.what = what


class QueueTimeout(Exception):
    """Waited longer than the queue-wait limit for a slot: answer 503 with ``retry_after`` seconds."""

    def __init__(self, retry_after: int, what: str = "work") -> None:
        super().__init__(f"no {what} slot became free in time")
        self.retry_after = retry_after
        self.what = what


class Gate:
    """A bounded semaphore with a bounded waiting line and a wait limit (for renders, lints, extracts)."""

    def __init__(self, slots: int, waiting: int, wait_limit: float) -> None:
        self.slots = max(1, slots)
        self.max_waiting = max(0, waiting)
        self.wait_limit = wait_limit
        self._sem = asyncio.Semaphore(self.slots)
        self.waiting = 0
        self.busy = 0

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one slot for the body; raise Busy when the line is full, QueueTimeout when it is too slow."""
        if self._sem.locked() and self.waiting >= self.max_waiting:
            raise Busy(1 + self.waiting // self.slots, "CPU")
        self.waiting += 1
        try:
            await asyncio.wait_for(self._sem.acquire(), self.wait_limit)
        except TimeoutError:
            raise QueueTimeout(max(1, int(self.wait_limit)), "CPU") from None
        finally:
            self.waiting -= 1
        self.busy += 1
        try:
            yield
        finally:
            self.busy -= 1
            self._sem.release()
