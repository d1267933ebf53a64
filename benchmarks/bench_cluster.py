"""Cluster throughput: ``render --scheduler`` and ``lint --scheduler`` on a LocalCluster of 1 and 2 worker
processes (one thread each, the Dask settings of ``connect("local")``) next to the local path
(``render --jobs 1/2``, ``lint``), and the scaling efficiency = throughput per worker ÷ single-worker
throughput (target ≥ 0.9). Each cluster runs in a child process of its own (its client, scheduler and
nannies; the workers are its children), started and warmed (templates compiled, rules loaded on every
worker, one untimed run of each job) before anything is timed; the 1- and 2-worker runs are interleaved
(1, 2, 2, 1, 1, 2 …) so both see the same neighbours, each timed run writes a fresh DEST (nothing is
skipped by the resume manifest), and every figure is a median over the repeats; the efficiencies are the
medians of the efficiencies of adjacent 1/2-worker pairs.

On a shared machine the wall-clock efficiency says more about the neighbours than about the cluster, so the
CPU seconds per document of every process involved are printed too: the workers' (read on each worker before
and after a run) and the client's with the scheduler's (the cluster's child process: client, scheduler and
nannies), also without their idle cost (measured on each cluster left idle for a few seconds, per second of
the run's wall clock: on a busy machine a stretched wall clock makes the periodic work a large share). The
efficiency from CPU is CPU per document on 1 worker ÷ CPU per document on 2 (all processes): with one core
per worker, what 2 workers deliver per worker against 1."""

from __future__ import annotations

import copy
import json
import os
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from benchmarks import line

ROOT = Path(__file__).resolve().parent.parent
N_RENDER = int(os.environ.get("BENCH_CLUSTER_RENDER", "640"))  # 10 tasks of 64 deals
#: 600 drafts: ≈ 7 s of work on one worker, ≈ 3.5 s on two, so the fixed cost of a run (connecting the
#: run to the workers, the first task's start, the last task's end: printed apart as a 2-draft run's wall
#: time) is a few % of the timed run and the figure is the steady-state throughput a long archive sees.
N_LINT = int(os.environ.get("BENCH_CLUSTER_LINT", "600"))
REPEAT = int(os.environ.get("BENCH_CLUSTER_REPEAT", "3"))
#: ``lint`` ships paths (the workers of a LocalCluster see the client's disk) and returns the findings
#: (``lint_on_cluster``); ``lint-sarif`` is what ``lint DIR --format sarif --scheduler`` does (the workers
#: write the report's parts, next to the local lint + SARIF report); ``lint-bytes`` ships the files' bytes,
#: as for workers without a shared disk.
KINDS = tuple(os.environ.get("BENCH_CLUSTER_KINDS", "render,lint,lint-sarif,lint-bytes").split(","))
IDLE = 5.0  # seconds each cluster is left idle to measure what its client + scheduler cost doing nothing
SMALL = 2  # drafts of the run whose wall time is printed as a lint run's fixed cost


def _deals_file(folder: Path, n: int) -> str:
    from contractkit.deal.load import load_deal

    base = load_deal(ROOT / "samples" / "contract-equipment.json")
    path = folder / "deals.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            deal = copy.deepcopy(base)
            deal["number"] = f"XS-2026-{i:05d}"
            deal["items"][0]["quantity"] = 1 + i % 7
            fh.write(
                json.dumps(
                    deal, ensure_ascii=False, default=lambda v: str(v) if isinstance(v, Decimal) else v
                )
            )
            fh.write("\n")
    return str(path)


def _drafts(folder: Path, n: int, name: str = "drafts") -> str:
    """``n`` drafts copied from samples/drafts (the .docx and the .txt ones, in turn) into ``folder/name``."""
    sources = sorted(p for p in (ROOT / "samples" / "drafts").iterdir() if p.is_file())
    out = folder / name
    out.mkdir()
    for i in range(n):
        src = sources[i % len(sources)]
        (out / f"{i:04d}-{src.name}").write_bytes(src.read_bytes())
    return str(out)


@dataclass
class Timing:
    """Medians over the repeats: wall seconds, and CPU seconds of the workers and of client + scheduler."""

    wall: float
    workers: float = 0.0
    client: float = 0.0

    def per_doc(self, n: int) -> float:
        """CPU seconds a document, all processes."""
        return (self.workers + self.client) / n


def _own_cpu() -> float:
    """CPU seconds of this process and the children it has waited for (the local path's process pool)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _worker_cpu() -> float:
    """This worker process's CPU seconds (run on each worker)."""
    import psutil

    t = psutil.Process().cpu_times()
    return t.user + t.system


def _timed(fn, repeat: int, client=None) -> Timing:
    runs = [_once(fn, client) for _ in range(repeat)]
    return Timing(*(statistics.median(getattr(r, k) for r in runs) for k in ("wall", "workers", "client")))


def _once(fn, client=None) -> Timing:
    """One timed run: wall seconds, the workers' CPU seconds (on ``client``'s cluster) and this process's."""
    before = sum(client.run(_worker_cpu).values()) if client else 0.0
    c0, t0 = _own_cpu(), time.perf_counter()
    fn()
    wall, own = time.perf_counter() - t0, _own_cpu() - c0
    workers = sum(client.run(_worker_cpu).values()) - before if client else 0.0
    return Timing(wall, workers, own)


def _rss_mb() -> float:
    """This process's resident memory in MB (run on each worker)."""
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _cluster_child(conn, workers: int, src: str, drafts: str, tmp: str) -> None:
    """In a child process: a warmed LocalCluster of ``workers`` that runs ``render``/``lint`` on request and
    answers with a Timing (``rss``: the largest worker's memory in MB; ``stop`` ends it)."""
    import dask
    from distributed import Client, LocalCluster

    from contractkit.cluster.engine import LOCAL_CLUSTER, QUIET
    from contractkit.cluster.lint import lint_on_cluster, lint_report_on_cluster
    from contractkit.cluster.render import render_on_cluster
    from contractkit.lint import available_rules

    runs = iter(range(10**6))
    with (
        dask.config.set(QUIET),
        LocalCluster(n_workers=workers, dashboard_address=":0", silence_logs=50, **LOCAL_CLUSTER) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(workers)

        def render() -> None:
            report = render_on_cluster([src], f"{tmp}/c{workers}-{next(runs)}", client)
            assert report.ok, report.failures[:3]

        def lint(ship: str = "auto") -> None:
            result = lint_on_cluster([drafts], client, ship=ship)  # type: ignore[arg-type]
            assert len(result.files) == N_LINT

        def small() -> None:  # the fixed cost of a run: two drafts
            assert len(lint_on_cluster([f"{tmp}/small"], client).files) == SMALL

        def sarif() -> None:  # what `lint DIR --format sarif --scheduler` does: the report, not objects
            rules = dict(available_rules())
            report = lint_report_on_cluster([drafts], client, None, rules, fmt="sarif")
            assert report.text.count('"ruleId"') > N_LINT

        jobs = {"render": render, "lint": lint, "lint-bytes": lambda: lint("bytes"), "small": small}
        jobs["lint-sarif"] = sarif
        for kind in KINDS:  # warm: every worker compiles the templates and loads the rules once
            jobs[kind]()
        conn.send("ready")
        jobs["idle"] = lambda: time.sleep(IDLE)
        while (what := conn.recv()) != "stop":
            conn.send(max(client.run(_rss_mb).values()) if what == "rss" else _once(jobs[what], client))


class _Cluster:
    """The parent's handle on a :func:`_cluster_child`."""

    def __init__(self, workers: int, src: str, drafts: str, tmp: Path) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_cluster_child, args=(theirs, workers, src, drafts, str(tmp)))
        self.proc.start()

    def ready(self) -> None:
        """Wait until the cluster is up and warm."""
        assert self.conn.recv() == "ready"

    def ask(self, what: str):
        self.conn.send(what)
        return self.conn.recv()

    def close(self) -> None:
        if self.proc.is_alive():
            self.conn.send("stop")
        self.proc.join(120)


def _on_clusters(src: str, drafts: str, tmp: Path, repeat: int) -> tuple[dict, float]:
    """``{(kind, workers): [Timing per repeat]}`` from interleaved runs, and the largest worker's memory."""
    clusters = {w: _Cluster(w, src, drafts, tmp) for w in (1, 2)}
    try:
        for c in clusters.values():
            c.ready()
        runs: dict[tuple[str, int], list[Timing]] = {}
        for kind in KINDS:
            for i in range(repeat):
                for w in (1, 2) if i % 2 == 0 else (2, 1):
                    runs.setdefault((kind, w), []).append(clusters[w].ask(kind))
        if any(k.startswith("lint") for k in KINDS):
            for i in range(max(3, repeat)):
                for w in (1, 2) if i % 2 == 0 else (2, 1):
                    runs.setdefault(("small", w), []).append(clusters[w].ask("small"))
        for w, c in clusters.items():
            runs[("idle", w)] = [c.ask("idle")]
        rss = clusters[2].ask("rss")
    finally:
        for c in clusters.values():
            c.close()
    return runs, rss


def _median(runs: list[Timing]) -> Timing:
    return Timing(*(statistics.median(getattr(r, k) for r in runs) for k in ("wall", "workers", "client")))


def _local_sarif(drafts: str):
    """The local ``lint DIR --format sarif``: lint, then the report."""
    from contractkit.lint import available_rules, lint_paths
    from contractkit.reports import FORMATS

    rules = dict(available_rules())
    return lambda: FORMATS["sarif"](lint_paths([drafts], rules=list(rules.values())), rules, "zh")


def _lint_folders(folders: list[str]) -> int:
    """Lint ``folders`` in this process (run in a pool process): the number of files linted."""
    from contractkit.lint import lint_paths

    return len(lint_paths(folders).files)


def _machine_ceiling(drafts: str, repeat: int) -> list[float]:
    """Lint's scaling on this machine without Dask: the drafts linted by one warmed process, then by two
    (each half) at once; ``wall(1) ÷ (2 × wall(2))`` per adjacent pair — what two cores give lint here (shared
    caches, memory bandwidth, neighbours), the ceiling of any 2-worker figure."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    names = sorted(os.listdir(drafts))
    halves = [str(Path(drafts).parent / f"half{h}") for h in (0, 1)]
    for h, half in enumerate(halves):
        os.mkdir(half)
        for name in names[h::2]:
            os.link(Path(drafts) / name, Path(half) / name)
    effs = []
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_lint_folders, [[halves[0]], [halves[1]]]))  # warm both processes
        for _ in range(repeat):
            t0 = time.perf_counter()
            assert pool.submit(_lint_folders, halves).result() == len(names)
            one = time.perf_counter() - t0
            t0 = time.perf_counter()
            assert sum(pool.map(_lint_folders, [[halves[0]], [halves[1]]])) == len(names)
            effs.append(one / (2 * (time.perf_counter() - t0)))
    return effs


def run(repeat: int = REPEAT) -> list[str]:
    """Medians of ``repeat`` runs (the cluster's interleaved)."""
    from contractkit.lint import lint_paths
    from contractkit.render.batch import render_batch
    from contractkit.render.docx import render_docx

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        src = _deals_file(tmp, N_RENDER)
        drafts = _drafts(tmp, N_LINT)
        _drafts(tmp, SMALL, "small")
        runs = iter(range(10**6))
        local: dict[int, Timing] = {}
        if "render" in KINDS:
            render_docx(json.loads(Path(src).read_text(encoding="utf-8").splitlines()[0]))  # compile once
            for jobs in (1, 2):
                local[jobs] = _timed(
                    lambda j=jobs: render_batch([src], tmp / f"l{j}-{next(runs)}", jobs=j), repeat
                )
        lint_paths([drafts])
        local_lint = _timed(lambda: lint_paths([drafts]), repeat)
        local_sarif = _timed(_local_sarif(drafts), repeat) if "lint-sarif" in KINDS else None
        ceiling = _machine_ceiling(drafts, repeat) if any(k.startswith("lint") for k in KINDS) else []
        cluster, rss = _on_clusters(src, drafts, tmp, repeat)
    med = {key: _median(timings) for key, timings in cluster.items()}
    plan = {
        "render": (N_RENDER, "docs/s", local.get(1), local.get(2), ("--jobs 1", "--jobs 2")),
        "lint": (N_LINT, "files/s", local_lint, local_lint, ("local lint", "local lint")),
        "lint-bytes": (N_LINT, "files/s", local_lint, local_lint, ("local lint", "local lint")),
        "lint-sarif": (N_LINT, "files/s", local_sarif, local_sarif, ("local lint + SARIF",) * 2),
    }
    out: list[str] = []
    for kind in KINDS:
        n, unit, base1, base2, vs = plan[kind]
        one, two = med[(kind, 1)], med[(kind, 2)]
        for w, t, base, name in ((1, one, base1, vs[0]), (2, two, base2, vs[1])):
            label = f"cluster {kind} {w} worker{'s' if w > 1 else ''}"
            out.append(line(f"{label} {unit} (vs {name})", n / t.wall, unit, n / base.wall, unit))
            out.append(line(f"{label} CPU per document, workers", t.workers / n * 1000, "ms"))
            out.append(line(f"{label} CPU per document, client + scheduler", t.client / n * 1000, "ms"))
            idle = cluster[("idle", w)][0]
            busy = max(0.0, t.client - idle.client / idle.wall * t.wall)
            out.append(
                line(
                    f"{label} CPU per document, client + scheduler beyond their idle cost",
                    busy / n * 1000,
                    "ms",
                )
            )
            out.append(
                line(
                    f"{label} CPU per document, all (vs {name})",
                    t.per_doc(n) * 1000,
                    "ms",
                    base.per_doc(n) * 1000,
                )
            )
        pairs = list(zip(cluster[(kind, 1)], cluster[(kind, 2)], strict=True))  # adjacent in time
        walls = [a.wall / (2 * b.wall) for a, b in pairs]
        cpus = [a.per_doc(n) / b.per_doc(n) for a, b in pairs]
        wall_eff, cpu_eff = statistics.median(walls), statistics.median(cpus)
        out.append(
            line(
                f"cluster {kind} scaling efficiency, 2 workers, wall clock (vs target)", wall_eff, "", 0.9, ""
            )
        )
        out.append(
            line(f"cluster {kind} scaling efficiency, 2 workers, from CPU (vs target)", cpu_eff, "", 0.9, "")
        )
        spread = f"{min(walls):.2f}–{max(walls):.2f} wall clock, {min(cpus):.2f}–{max(cpus):.2f} from CPU"
        out.append(f"cluster {kind} scaling efficiency, 2 workers, range over {len(pairs)} pairs: {spread}")
        out.append(
            line(
                f"cluster {kind} {unit} per core from CPU, 2 workers (vs 1 worker)",
                1 / two.per_doc(n),
                unit,
                1 / one.per_doc(n),
            )
        )
    if ceiling:
        spread = f"{min(ceiling):.2f}–{max(ceiling):.2f}"
        out.append(
            line(
                f"local lint, 2 processes, no Dask: scaling efficiency, wall clock ({spread}; vs target)",
                statistics.median(ceiling),
                "",
                0.9,
                "",
            )
        )
    for w in (1, 2):
        if ("small", w) in cluster:
            fixed = statistics.median(t.wall for t in cluster[("small", w)])
            out.append(
                line(
                    f"cluster lint {w} worker(s) fixed cost a run ({SMALL} drafts), wall", fixed * 1000, "ms"
                )
            )
    for w in (1, 2):
        idle = cluster[("idle", w)][0]
        out.append(
            line(
                f"cluster {w} worker(s) idle CPU, client + scheduler", idle.client / idle.wall * 1000, "ms/s"
            )
        )
    out.append(line("cluster worker memory after render and lint (without LibreOffice)", rss, "MB"))
    return out


_SCHEDULER = """
import cProfile, sys, time
out = sys.argv.pop(1)
profile = cProfile.Profile(time.thread_time) if out else None
if profile:
    import atexit
    atexit.register(lambda: (profile.disable(), profile.dump_stats(out)))
    profile.enable()
from distributed.cli.dask_scheduler import main
sys.argv[0] = "dask-scheduler"
main()
"""


def apart(workers: int = 2, n: int = N_LINT, repeat: int = REPEAT, profile: str = "") -> list[str]:
    """Lint on a ``dask scheduler`` and ``workers`` ``dask worker`` processes of their own (with the QUIET
    settings as DASK_… variables), this process the client: each process's CPU seconds a file by psutil
    (median of ``repeat`` runs of ``n`` drafts, both kinds of lint run), and with ``profile`` a folder, a
    cProfile (CPU time) of the client's and the scheduler's main threads there, their top lines printed."""
    import pstats
    import signal
    import subprocess
    import sys

    from contractkit.cluster.engine import QUIET

    env = dict(os.environ)
    for key, value in QUIET.items():
        env["DASK_" + "__".join(part.upper().replace("-", "_") for part in key.split("."))] = str(value)
    os.environ.update(env)
    with tempfile.TemporaryDirectory() as name:
        drafts, port = _drafts(Path(name), n), 28786 + os.getpid() % 1000
        sched_prof = str(Path(profile) / "scheduler.prof") if profile else ""
        cmd = [sys.executable, "-c", _SCHEDULER, sched_prof, "--port", str(port), "--dashboard-address", ":0"]
        procs = [subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)]
        worker = [
            sys.executable,
            "-m",
            "distributed.cli.dask_worker",
            f"tcp://127.0.0.1:{port}",
            "--nthreads",
        ]
        worker += ["1", "--no-nanny", "--dashboard-address", ":0"]
        procs += [subprocess.Popen(worker, env=env, stderr=subprocess.DEVNULL) for _ in range(workers)]
        try:
            return _apart_runs(procs[0], port, workers, drafts, n, repeat, profile)
        finally:
            for proc in reversed(procs):
                proc.send_signal(signal.SIGINT)
                proc.wait(60)
            if profile:
                for who in ("client", "scheduler"):
                    print(f"# {who}: top by own CPU time")
                    pstats.Stats(str(Path(profile) / f"{who}.prof")).sort_stats("tottime").print_stats(15)


def _apart_runs(
    scheduler, port: int, workers: int, drafts: str, n: int, repeat: int, profile: str
) -> list[str]:
    import cProfile

    import psutil
    from distributed import Client

    from contractkit.cluster.lint import lint_on_cluster, lint_report_on_cluster
    from contractkit.lint import available_rules

    def cpu(proc: psutil.Process) -> float:
        t = proc.cpu_times()
        return t.user + t.system

    rules = dict(available_rules())
    kinds = {
        "lint": lambda: lint_on_cluster([drafts], client),
        "lint-sarif": lambda: lint_report_on_cluster([drafts], client, None, rules, fmt="sarif"),
    }
    time.sleep(2)
    with Client(f"tcp://127.0.0.1:{port}", timeout=60) as client:
        client.wait_for_workers(workers, timeout=60)
        sched, me = psutil.Process(scheduler.pid), psutil.Process()
        prof = cProfile.Profile(time.thread_time) if profile else None
        out = []
        for kind, job in kinds.items():
            job()  # warm
            rows = []
            for _ in range(repeat):
                s0, c0, w0 = cpu(sched), cpu(me), sum(client.run(_worker_cpu).values())
                t0 = time.perf_counter()
                if prof:
                    prof.enable()
                job()
                if prof:
                    prof.disable()
                wall = time.perf_counter() - t0
                s1, c1, w1 = cpu(sched), cpu(me), sum(client.run(_worker_cpu).values())
                rows.append((wall, c1 - c0, s1 - s0, w1 - w0))
            wall, c, sc, w = (statistics.median(r[i] for r in rows) for i in range(4))
            label = f"cluster {kind} apart, {workers} worker(s), {n} drafts, CPU per file"
            out.append(
                f"{label}: client {c / n * 1e3:.3g} ms, scheduler {sc / n * 1e3:.3g} ms, "
                f"workers {w / n * 1e3:.3g} ms (wall {wall:.2f} s)"
            )
        s0 = cpu(sched)
        time.sleep(IDLE)
        out.append(
            line(
                f"cluster apart, {workers} worker(s), idle CPU, scheduler",
                (cpu(sched) - s0) / IDLE * 1e3,
                "ms/s",
            )
        )
        if prof:
            prof.dump_stats(str(Path(profile) / "client.prof"))
    return out


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["apart"]:  # python -m benchmarks.bench_cluster apart [PROFILE_DIR]
        for text in apart(profile=(sys.argv[2:3] or [""])[0]):
            print(text)
    else:
        for text in run():
            print(text)
