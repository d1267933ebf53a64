"""Submitting work to a Dask cluster with back-pressure: chunks of items become tasks, at most ``in_flight``
at once (never 10⁶ futures), each result streamed back as it completes. A task whose worker dies is
rescheduled by Dask on another worker (``distributed.scheduler.allowed-failures`` times); one that keeps
killing workers comes back as an exception for its items, and the run goes on."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator
from typing import Any

from contractkit.cluster import require_dask

#: Dask settings for a cluster that only runs contractkit: no task profiler on the workers, the monitors and
#: the scheduler's periodic work less often, no active memory manager (nothing is replicated). Idle, a
#: 1-worker LocalCluster's client + scheduler then cost ≈ 6 ms of CPU a second (≈ 9 with the earlier
#: settings, ≈ 40 with Dask's defaults); a render ≈ 10 % less worker CPU. ``connect("local…")`` applies
#: them; for your own workers see docs/scale.md (the same keys as DASK_… environment variables).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "1s",  # the event-loop watchdog (it only warns)
    "distributed.admin.tick.cycle": "10s",
    "distributed.scheduler.work-stealing-interval": "1s",  # a task is ≈ 1 s of work: steal as often
    "distributed.scheduler.active-memory-manager.start": False,
    "distributed.client.scheduler-info-interval": "10s",  # the client's cached cluster view (repr, dashboard)
    # a LocalCluster closes a lost worker's nanny after this; a restart on a loaded machine can take > 15 s
    "distributed.deploy.lost-worker-timeout": "120s",
}

#: A LocalCluster's own bookkeeping (cluster info it copies to the scheduler every second by default).
LOCAL_CLUSTER = {"scheduler_sync_interval": 10, "threads_per_worker": 1, "processes": True}


#: Clients whose workers have the warm plugin (registered once a client: the scheduler keeps it for
#: workers that join or restart later, and a registration is a round trip to every worker).
_WARMED: weakref.WeakSet = weakref.WeakSet()


def warm_workers(client: Any) -> None:
    """Have every worker (and every worker that joins later) fill its caches and stop its task profiler
    (:class:`~.plugin.WarmPlugin`), once a client."""
    from contractkit.cluster.plugin import WARM, WarmPlugin

    if client in _WARMED:
        return
    client.register_plugin(WarmPlugin(), name=WARM)
    _WARMED.add(client)


@contextlib.contextmanager
def connect(address: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``address`` (``tcp://host:8786``, a scheduler file ``*.json``, or
    ``local``/``local:N`` for a LocalCluster of N worker processes on this machine), closed afterwards."""
    require_dask()
    from distributed import Client, LocalCluster

    from contractkit.errors import UsageError

    if address == "local" or address.startswith("local:"):
        import dask

        n = address.partition(":")[2]
        if n and not n.isdigit():
            raise UsageError(
                f"bad scheduler {address!r}",
                hint="use local or local:N (N worker processes)",
                zh=f"调度器地址无效：{address!r}",
                hint_zh="请用 local 或 local:N（N 个工作进程）",
            )
        kw = {"n_workers": int(n)} if n else {}
        with (
            dask.config.set(QUIET),
            LocalCluster(dashboard_address=":0", **LOCAL_CLUSTER, **kw) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        # waits up to distributed.comm.timeouts.connect (30 s by default)
        client = Client(scheduler_file=address) if address.endswith(".json") else Client(address)
    except OSError as exc:
        raise UsageError(
            f"cannot reach the Dask scheduler at {address} ({exc})",
            hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`",
            zh=f"无法连接 Dask 调度器 {address}（{exc}）",
            hint_zh="先用 `dask scheduler` 启动调度器，再用 `dask worker ADDRESS` 启动工作进程",
        ) from None
    with client:
        yield client


def threads_of(client: Any) -> int:
    """The worker threads of the cluster now (2 when it cannot say)."""
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:
        return 2


def default_in_flight(client: Any, threads: int | None = None) -> int:
    """Two tasks per worker thread (one running, one queued), at least 4."""
    return max(4, 2 * (threads or threads_of(client)))


class Parcel:
    """A task's chunk and arguments in one opaque object: Dask walks lists, tuples and dicts given to
    ``submit`` looking for futures (≈ 0.2 ms of client CPU for a chunk of 64 deals), not other objects."""

    __slots__ = ("args", "chunk")

    def __init__(self, chunk: list, args: tuple) -> None:
        self.chunk, self.args = chunk, args

    def __getstate__(self) -> tuple[list, tuple]:
        return self.chunk, self.args

    def __setstate__(self, state: tuple[list, tuple]) -> None:
        self.chunk, self.args = state


def run_parcel(fn: Callable[..., Any], parcel: Parcel) -> Any:
    """On the worker: ``fn(chunk, *args)``."""
    return fn(parcel.chunk, *parcel.args)


def stream(
    client: Any,
    fn: Callable[..., Any],
    feed: Callable[[], list | None],
    *args: Any,
    in_flight: int | None = None,
) -> Iterator[tuple[list, Any]]:
    """Run ``fn(chunk, *args)`` for each chunk ``feed()`` returns (None: nothing to submit now) with at most
    ``in_flight`` tasks at once; yield ``(chunk, result)`` in completion order, ``result`` the exception
    when the task failed. Ends when ``feed()`` has nothing and no task is left. ``args`` travel with each
    task (small; not scattered, so no worker's death can lose them)."""
    from distributed import as_completed

    limit = in_flight or default_in_flight(client)
    pending: dict[str, list] = {}
    done = as_completed()

    def fill() -> None:
        while len(pending) < limit:
            chunk = feed()
            if not chunk:
                return
            future = client.submit(run_parcel, fn, Parcel(chunk, args), pure=False)
            pending[future.key] = chunk
            done.add(future)

    fill()
    try:
        while pending:
            future = next(done)
            chunk = pending.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker after repeated deaths, or a bug: the items' failure
                result = exc
            future.release()
            yield chunk, result
            fill()
    finally:
        for key in list(pending):
            pending.pop(key)
        done.clear()
