"""Prometheus figures of one server: requests, latency histograms, queue depth, converter restarts.

prometheus_client (the reference client) writes the text format; each app has its own registry, so two apps
in one process (tests) never share figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

disable_created_metrics()  # no *_created series: they double the output and no dashboard reads them

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
BUCKETS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 60.0)


class Metrics:
    """The registry and instruments of one app; ``pool`` and ``gate`` are read at scrape time."""

    def __init__(self, pool: Any, gate: Any) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "contractkit_requests", "HTTP requests answered", ["endpoint", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "contractkit_request_seconds",
            "Time to answer a request",
            ["endpoint"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.registry.register(_PoolCollector(pool, gate))

    def observe(self, endpoint: str, status: int, seconds: float) -> None:
        """Count one answered request and its latency."""
        self.requests.labels(endpoint, str(status)).inc()
        self.latency.labels(endpoint).observe(seconds)

    def text(self) -> bytes:
        """The Prometheus text exposition."""
        return generate_latest(self.registry)


class _PoolCollector:
    """Queue depth, busy converters and LibreOffice starts/restarts, read from the pool when scraped."""

    def __init__(self, pool: Any, gate: Any) -> None:
        self.pool = pool
        self.gate = gate

    def collect(self) -> Iterator[Any]:
        pool, gate = self.pool, self.gate
        yield GaugeMetricFamily("contractkit_queue_depth", "Conversions waiting for a converter", pool.depth)
        yield GaugeMetricFamily("contractkit_converters", "Converter slots", pool.workers)
        yield GaugeMetricFamily("contractkit_converters_busy", "Converters running a document", pool.busy)
        yield GaugeMetricFamily("contractkit_cpu_waiting", "Renders/lints waiting for a thread", gate.waiting)
        yield GaugeMetricFamily("contractkit_cpu_busy", "Renders/lints running", gate.busy)
        stats = pool.converter_stats()
        yield CounterMetricFamily(
            "contractkit_converter_starts", "LibreOffice processes started", stats["starts"]
        )
        restarts = CounterMetricFamily(
            "contractkit_converter_restarts", "LibreOffice restarts after a failure", labels=["reason"]
        )
        for reason, key in (("timeout", "timeouts"), ("crash", "crashes"), ("abandoned", "replaced")):
            restarts.add_metric([reason], stats.get(key, 0))
        yield restarts
        jobs = CounterMetricFamily("contractkit_conversions", "Conversions by outcome", labels=["outcome"])
        for outcome, n in pool.counts.items():
            jobs.add_metric([outcome], n)
        yield jobs
