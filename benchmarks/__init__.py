"""Benchmarks for `make bench` (see scripts/bench.py)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def line(name: str, value: float, unit: str, base: float | None = None, base_unit: str | None = None) -> str:
    """``name: value unit (baseline: value unit, ratio: x)``; ratio = value / baseline."""
    if base is None:
        return f"{name}: {value:.3g} {unit}"
    ratio = value / base if base else float("inf")
    return f"{name}: {value:.3g} {unit} (baseline: {base:.3g} {base_unit or unit}, ratio: {ratio:.2f})"
