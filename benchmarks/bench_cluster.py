"""Cluster throughput: ``render --scheduler`` and ``lint --scheduler`` on a LocalCluster of 1 and 2 worker
processes (one thread each) next to the local path (``render --jobs 1/2``, ``lint``), and the scaling
efficiency = throughput per worker ÷ single-worker throughput (target ≥ 0.9). The cluster is started and
warmed (templates compiled, rules loaded on every worker) before timing; each timed run writes a fresh DEST,
so nothing is skipped by the resume manifest."""

from __future__ import annotations

import copy
import json
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from benchmarks import line

ROOT = Path(__file__).resolve().parent.parent
N_RENDER = 200
N_LINT = 60


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


def _drafts(folder: Path, n: int) -> str:
    """``n`` drafts copied from samples/drafts (the .docx and the .txt ones, in turn)."""
    sources = sorted(p for p in (ROOT / "samples" / "drafts").iterdir() if p.is_file())
    out = folder / "drafts"
    out.mkdir()
    for i in range(n):
        src = sources[i % len(sources)]
        (out / f"{i:04d}-{src.name}").write_bytes(src.read_bytes())
    return str(out)


def _timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _rss_mb() -> float:
    """This process's resident memory in MB (run on each worker)."""
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _on_cluster(workers: int, src: str, drafts: str, tmp: Path, repeat: int) -> tuple[float, float, float]:
    from distributed import Client, LocalCluster

    from contractkit.cluster.lint import lint_on_cluster
    from contractkit.cluster.render import render_on_cluster

    runs = iter(range(10**6))
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(workers)

        def render() -> None:
            report = render_on_cluster([src], str(tmp / f"c{workers}-{next(runs)}"), client)
            assert report.ok, report.failures[:3]

        def lint() -> None:
            result = lint_on_cluster([drafts], client)
            assert len(result.files) == N_LINT

        render()  # warm: every worker compiles the templates and loads the rules once
        lint()
        timings = _timed(render, repeat), _timed(lint, repeat)
        rss = max(client.run(_rss_mb).values())
        return (*timings, rss)


def run(repeat: int = 3) -> list[str]:
    """Medians of ``repeat`` runs."""
    from contractkit.lint import lint_paths
    from contractkit.render.batch import render_batch
    from contractkit.render.docx import render_docx

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        src = _deals_file(tmp, N_RENDER)
        drafts = _drafts(tmp, N_LINT)
        runs = iter(range(10**6))
        render_docx(json.loads(Path(src).read_text(encoding="utf-8").splitlines()[0]))  # compile once
        lint_paths([drafts])
        local = {
            jobs: _timed(lambda j=jobs: render_batch([src], tmp / f"l{j}-{next(runs)}", jobs=j), repeat)
            for jobs in (1, 2)
        }
        local_lint = _timed(lambda: lint_paths([drafts]), repeat)
        render1, lint1, _ = _on_cluster(1, src, drafts, tmp, repeat)
        render2, lint2, rss = _on_cluster(2, src, drafts, tmp, repeat)
    r1, r2, l1, l2 = N_RENDER / render1, N_RENDER / render2, N_LINT / lint1, N_LINT / lint2
    return [
        line("cluster render 1 worker docs/s (vs --jobs 1)", r1, "docs/s", N_RENDER / local[1], "docs/s"),
        line("cluster render 2 workers docs/s (vs --jobs 2)", r2, "docs/s", N_RENDER / local[2], "docs/s"),
        line("cluster render scaling efficiency, 2 workers (vs target)", r2 / 2 / r1, "", 0.9, ""),
        line("cluster lint 1 worker files/s (vs local lint)", l1, "files/s", N_LINT / local_lint, "files/s"),
        line("cluster lint 2 workers files/s (vs local lint)", l2, "files/s", N_LINT / local_lint, "files/s"),
        line("cluster lint scaling efficiency, 2 workers (vs target)", l2 / 2 / l1, "", 0.9, ""),
        line("cluster worker memory after render and lint (without LibreOffice)", rss, "MB"),
    ]


if __name__ == "__main__":
    for text in run():
        print(text)
