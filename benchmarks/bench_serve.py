"""``contractkit serve`` under a bounded loopback load: throughput and p50/p95/p99 latency for render-docx,
render-pdf and lint (``BENCH_SERVE_N`` requests of each, default 200, ``BENCH_SERVE_CONCURRENCY`` at once,
default 8), next to the CLI doing the same work (one batch call over the same number of documents, and one
single-document call for the latency). The server runs as a real ``contractkit serve`` subprocess with
``--workers 2``.

The machine may be shared, so wall-clock figures are printed beside CPU figures, which other processes do not
inflate much: the CPU seconds per document of every process involved (the server, and its LibreOffice
listeners with their UNO helpers; the CLI and all its children), read from ``/proc`` by a sampler that follows
each process tree. From them: the throughput the work allows on 2 dedicated cores (2 ÷ CPU s a document), for
the server and the CLI batch (target: ≥ 90 %), and the latency of one quote on an idle core (its CPU seconds,
target p50 ≤ 0.4 s). Memory is a series: the resident memory of the server and of its converters after every
200 of ``BENCH_SERVE_MEMORY_N`` PDF requests (default 2,000; 0 skips it), with the LibreOffice starts so far
(each recycle starts one)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import line

ROOT = Path(__file__).resolve().parent.parent
N = int(os.environ.get("BENCH_SERVE_N", "200"))
CONCURRENCY = int(os.environ.get("BENCH_SERVE_CONCURRENCY", "8"))
MEMORY_N = int(os.environ.get("BENCH_SERVE_MEMORY_N", "2000"))
MEMORY_STEP = 200
WORKERS = 2
CORES = 2  # the cores the projected throughput assumes (the converters' count)
DEAL = ROOT / "samples" / "quote-office.json"
DRAFT = ROOT / "samples" / "drafts" / "defective-sales-contract.docx"
CLI = [sys.executable, "-m", "contractkit"]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class TreeCPU:
    """CPU seconds and resident memory of a process and all its descendants, sampled every ``interval``
    seconds in a thread (and on demand), so processes that come and go (recycled converters) are counted
    up to their last sample. Keys are (pid, start time): a reused pid is another process."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.cpu: dict[tuple[int, float], float] = {}  # process → CPU seconds at its last sample
        self.rss: dict[int, int] = {}  # live pid → resident bytes at the last sample
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="bench-tree-cpu")

    def __enter__(self) -> TreeCPU:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sample()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> dict[str, float]:
        """Read the tree now; return the CPU seconds so far: {"root": …, "children": …}."""
        import psutil

        rss: dict[int, int] = {}
        with self._lock:
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                procs = []
            for p in procs:
                try:
                    with p.oneshot():
                        t = p.cpu_times()
                        key = (p.pid, p.create_time())
                        self.cpu[key] = max(self.cpu.get(key, 0.0), t.user + t.system)
                        rss[p.pid] = p.memory_info().rss
                except psutil.Error:
                    continue
            self.rss = rss
            return self.totals()

    def totals(self) -> dict[str, float]:
        """CPU seconds so far of the root process and of all its descendants (alive or gone)."""
        root = sum(v for (pid, _), v in self.cpu.items() if pid == self.root.pid)
        return {"root": root, "children": sum(self.cpu.values()) - root}

    def memory_mb(self) -> dict[str, float]:
        """Resident memory at the last sample, MB: the root process, and its descendants together."""
        root = self.rss.get(self.root.pid, 0)
        return {"root": root / 2**20, "children": (sum(self.rss.values()) - root) / 2**20}


def _delta(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    return {k: max(0.0, after[k] - before.get(k, 0.0)) for k in after}


async def _load(
    url: str, kind: str, n: int, concurrency: int = CONCURRENCY
) -> tuple[float, list[float], int]:
    import httpx

    deal, draft = DEAL.read_bytes(), DRAFT.read_bytes()
    sem = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors = 0

    async def one(client: httpx.AsyncClient) -> None:
        nonlocal errors
        async with sem:
            t0 = time.perf_counter()
            if kind == "lint":
                r = await client.post("/v1/lint", files={"file": (DRAFT.name, draft)})
            else:
                fmt = "pdf" if kind == "render-pdf" else "docx"
                r = await client.post("/v1/render", params={"format": fmt}, content=deal)
            latencies.append(time.perf_counter() - t0)
            errors += r.status_code != 200

    async with httpx.AsyncClient(base_url=url, timeout=300) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(one(client) for _ in range(n)))
        wall = time.perf_counter() - t0
    return wall, latencies, errors


def _run_cli(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the CLI and every process it started)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with TreeCPU(proc.pid) as tree:
        proc.wait()
    wall = time.perf_counter() - t0
    return wall, sum(tree.totals().values())


def _cli_batch(kind: str, n: int, work: Path) -> tuple[float, float, float]:
    """(documents/s of one CLI call over ``n`` documents, its CPU s a document, seconds of a one-document
    CLI call)."""
    src = work / f"in-{kind}"
    src.mkdir()
    sample = DRAFT if kind == "lint" else DEAL
    for i in range(n):
        if kind == "lint":
            shutil.copyfile(sample, src / f"d{i:04d}.docx")
        else:
            deal = json.loads(sample.read_text(encoding="utf-8"))
            deal["number"] = f"{deal['number']}-{i:04d}"
            (src / f"d{i:04d}.json").write_text(json.dumps(deal, ensure_ascii=False), encoding="utf-8")
    one = sorted(src.iterdir())[0]

    def cmd(paths: list[str], out: Path) -> list[str]:
        if kind == "lint":
            return [*CLI, "lint", "--format", "json", *paths]
        fmt = "pdf" if kind == "render-pdf" else "docx"
        return [*CLI, "render", *paths, "-o", str(out), "--format", fmt, "--jobs", str(WORKERS)]

    wall, cpu = _run_cli(cmd([str(src)], work / f"out-{kind}"))
    single, _ = _run_cli(cmd([str(one)], work / f"one-{kind}"))
    return n / wall, cpu / n, single


@contextlib.contextmanager
def _server(work: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    import httpx

    from contractkit.serve.runner import free_port

    port = free_port()
    log = open(work / "serve.log", "wb")  # noqa: SIM115 - kept open for the server's life
    proc = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), "--workers", str(WORKERS), "--queue", str(4 * CONCURRENCY)],
        stdout=subprocess.DEVNULL,
        stderr=log,
        cwd=str(work),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code in (200, 503):
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield proc, url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _starts(url: str) -> int:
    """LibreOffice processes the server has started so far (from /metrics)."""
    import httpx

    found = re.search(
        r"^contractkit_converter_starts(?:_total)?\s+([0-9.e+]+)", httpx.get(url + "/metrics").text, re.M
    )
    return int(float(found.group(1))) if found else -1


def _single_quote(url: str, tree: TreeCPU, engine: str, work: Path) -> list[str]:
    """One client at a time: wall latency and CPU seconds (server + converters) of each single quote PDF."""
    asyncio.run(_load(url, "render-pdf", 3, 1))
    walls, cpus = [], []
    for _ in range(20):
        before = tree.sample()
        wall, _, _ = asyncio.run(_load(url, "render-pdf", 1, 1))
        walls.append(wall)
        cpus.append(sum(_delta(tree.sample(), before).values()))
    cli_dir = work / "single"
    cli_dir.mkdir()
    _, _, single = _cli_batch("render-pdf", 1, cli_dir)
    name = f"serve render-pdf single quote (c=1, {engine})"
    return [
        line(f"{name} p50", statistics.median(walls), "s", single, "s (one CLI call)"),
        line(f"{name} p95", _pct(walls, 0.95), "s"),
        line(f"{name} CPU p50 = latency on an idle core (vs target)", statistics.median(cpus), "s", 0.4, "s"),
    ]


def _memory_series(url: str, tree: TreeCPU) -> list[str]:
    """RSS of the server and its converters after every MEMORY_STEP of MEMORY_N PDF requests."""
    out: list[str] = []
    tree.sample()
    base = tree.memory_mb()
    base_total = base["root"] + base["children"]
    peak = base_total
    errors = 0
    for done in range(MEMORY_STEP, MEMORY_N + 1, MEMORY_STEP):
        _, _, err = asyncio.run(_load(url, "render-pdf", MEMORY_STEP))
        errors += err
        tree.sample()
        mem = tree.memory_mb()
        total = mem["root"] + mem["children"]
        peak = max(peak, total)
        server, starts = mem["root"], _starts(url)
        name = f"serve memory after {done} PDF requests (server {server:.0f} MB, LibreOffice starts {starts})"
        out.append(line(name, total, "MB", base_total, "MB after warm-up"))
    out.append(
        line(
            f"serve memory peak sampled over {MEMORY_N} PDF requests",
            peak,
            "MB",
            base_total,
            "MB after warm-up",
        )
    )
    out.append(line(f"serve errors over {MEMORY_N} PDF requests", errors, "requests"))
    return out


def run() -> list[str]:
    """Each kind under load on the server, then the CLI on the same work; one line per figure."""
    try:
        import httpx
        import psutil  # noqa: F401
        import starlette  # noqa: F401
    except ModuleNotFoundError:
        return ["serve: starlette/uvicorn/httpx/psutil not installed — skipped (pip install '.[dev]')"]
    from contractkit.render.pdf import find_soffice

    kinds = ["render-docx", "lint"] + (["render-pdf"] if find_soffice() else [])
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    out: list[str] = []
    try:
        with _server(work) as (proc, url), TreeCPU(proc.pid) as tree:
            engine = httpx.get(url + "/healthz").json().get("engine", "?")
            if "render-pdf" in kinds:
                out += _single_quote(url, tree, engine, work)
            for kind in kinds:
                asyncio.run(
                    _load(url, kind, min(N, 2 * CONCURRENCY))
                )  # warm-up: converters started, caches full
                before = tree.sample()
                wall, lat, errors = asyncio.run(_load(url, kind, N))
                cpu = _delta(tree.sample(), before)
                per_doc = sum(cpu.values()) / N
                batch, cli_cpu, single = _cli_batch(kind, N, work)
                name = f"serve {kind} (n={N}, c={CONCURRENCY}, {WORKERS} workers, {engine})"
                out.append(line(f"{name} throughput", N / wall, "req/s", batch, "docs/s (CLI batch)"))
                out.append(line(f"{name} p50", statistics.median(lat), "s", single, "s (one CLI call)"))
                out.append(line(f"{name} p95", _pct(lat, 0.95), "s"))
                out.append(line(f"{name} p99", _pct(lat, 0.99), "s"))
                out.append(line(f"{name} errors", errors, "requests"))
                out.append(
                    line(
                        f"{name} CPU per document, server + converters",
                        per_doc,
                        "s",
                        cli_cpu,
                        "s (CLI batch, all its processes)",
                    )
                )
                out.append(line(f"{name} CPU per document, server process", cpu["root"] / N, "s"))
                out.append(
                    line(
                        f"{name} CPU per document, converters (LibreOffice + UNO helper)",
                        cpu["children"] / N,
                        "s",
                    )
                )
                out.append(
                    line(
                        f"{name} throughput from CPU on {CORES} dedicated cores",
                        CORES / per_doc,
                        "req/s",
                        CORES / cli_cpu,
                        "docs/s (CLI batch, same cores)",
                    )
                )
            if "render-pdf" in kinds and MEMORY_N >= MEMORY_STEP:
                out += _memory_series(url, tree)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print("\n".join(run()), flush=True)
