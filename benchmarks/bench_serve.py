"""``contractkit serve`` under a bounded loopback load: throughput and p50/p95/p99 latency for render-docx,
render-pdf and lint (``BENCH_SERVE_N`` requests of each, default 200, ``BENCH_SERVE_CONCURRENCY`` at once,
default 8), next to the CLI doing the same work (one batch call over the same number of documents, and one
single-document call for the latency). The server runs as a real ``contractkit serve`` subprocess with
``--workers 2``; its memory (server plus LibreOffice) is read before and after the PDF load."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import line

ROOT = Path(__file__).resolve().parent.parent
N = int(os.environ.get("BENCH_SERVE_N", "200"))
CONCURRENCY = int(os.environ.get("BENCH_SERVE_CONCURRENCY", "8"))
WORKERS = 2
DEAL = ROOT / "samples" / "quote-office.json"
DRAFT = ROOT / "samples" / "drafts" / "defective-sales-contract.docx"
CLI = [sys.executable, "-m", "contractkit"]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            for row in Path(f"/proc/{p}/status").read_text().splitlines():
                if row.startswith("VmRSS:"):
                    total += int(row.split()[1])
        except OSError:
            continue
    return total / 1024


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


def _cli_batch(kind: str, n: int, work: Path) -> tuple[float, float]:
    """(documents/s of one CLI call over ``n`` documents, seconds of a one-document CLI call)."""
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

    t0 = time.perf_counter()
    subprocess.run(cmd([str(src)], work / f"out-{kind}"), capture_output=True, check=False)
    batch = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    subprocess.run(cmd([str(one)], work / f"one-{kind}"), capture_output=True, check=False)
    return batch, time.perf_counter() - t0


def _start(work: Path) -> tuple[subprocess.Popen, str]:
    import httpx

    from contractkit.serve.runner import free_port

    port = free_port()
    proc = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), "--workers", str(WORKERS), "--queue", str(4 * CONCURRENCY)],
        stdout=subprocess.DEVNULL,
        stderr=open(work / "serve.log", "wb"),  # noqa: SIM115 - kept open for the server's life
        cwd=str(work),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code in (200, 503):
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    return proc, url


def run() -> list[str]:
    """Each kind under load on the server, then the CLI on the same work; one line per figure."""
    try:
        import httpx
        import starlette  # noqa: F401
    except ModuleNotFoundError:
        return ["serve: starlette/uvicorn/httpx not installed — skipped (pip install '.[serve]')"]
    from contractkit.render.pdf import find_soffice

    kinds = ["render-docx", "lint"] + (["render-pdf"] if find_soffice() else [])
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    out: list[str] = []
    proc, url = _start(work)
    try:
        engine = httpx.get(url + "/healthz").json().get("engine", "?")
        if "render-pdf" in kinds:  # one client at a time: the latency of a single quote PDF on a warm pool
            asyncio.run(_load(url, "render-pdf", 3, 1))
            _, lat, _ = asyncio.run(_load(url, "render-pdf", 20, 1))
            with tempfile.TemporaryDirectory() as tmp:
                _, single = _cli_batch("render-pdf", 1, Path(tmp))
            name = f"serve render-pdf single quote (c=1, {engine})"
            out.append(line(f"{name} p50", statistics.median(lat), "s", single, "s (one CLI call)"))
            out.append(line(f"{name} p95", _pct(lat, 0.95), "s"))
        for kind in kinds:
            asyncio.run(_load(url, kind, min(N, 2 * CONCURRENCY)))  # warm-up: converters started, caches full
            rss0 = _tree_rss_mb(proc.pid)
            wall, lat, errors = asyncio.run(_load(url, kind, N))
            rss1 = _tree_rss_mb(proc.pid)
            batch, single = _cli_batch(kind, N, work)
            name = f"serve {kind} (n={N}, c={CONCURRENCY}, {WORKERS} workers, {engine})"
            out.append(line(f"{name} throughput", N / wall, "req/s", batch, "docs/s (CLI batch)"))
            out.append(line(f"{name} p50", statistics.median(lat), "s", single, "s (one CLI call)"))
            out.append(line(f"{name} p95", _pct(lat, 0.95), "s"))
            out.append(line(f"{name} p99", _pct(lat, 0.99), "s"))
            out.append(line(f"{name} errors", errors, "requests"))
            out.append(line(f"{name} memory after", rss1, "MB", rss0, "MB before"))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    return out


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print("\n".join(run()))
