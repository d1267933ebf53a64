"""`make bench`: run every benchmark module and print one line per figure:

    name: value unit (baseline: value unit, ratio: x)

Each module in ``benchmarks/`` exposes ``run() -> list[str]`` and measures its own baseline in the same run.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("bench_render", "bench_pdf", "bench_lint", "bench_diff", "bench_serve", "bench_cluster")
MODULES += ("bench_ocr",)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    only = set(sys.argv[1:])
    for name in MODULES:
        if only and name not in only:
            continue
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.{name}":
                continue
            raise
        t0 = time.perf_counter()
        for line in module.run():
            print(line, flush=True)
        print(f"# {name} took {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
