"""The shared converter pool's semantics over real HTTP, with a stand-in converter the test controls:
a full queue is 429, a queue wait past the limit is 503 (both with Retry-After), the conversion time counts
from the start only, queued documents share one run, and a client that goes away releases its converter."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import ClassVar

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from contractkit.errors import ConverterError  # noqa: E402
from contractkit.serve.app import create_app  # noqa: E402
from contractkit.serve.config import ServeConfig  # noqa: E402
from contractkit.serve.pool import ConverterPool  # noqa: E402
from contractkit.serve.runner import running  # noqa: E402

DOCX = (
    Path(__file__).resolve().parent.parent / "samples" / "drafts" / "defective-sales-contract.docx"
).read_bytes()


class FakeConverter:
    """Converts when ``release`` is set (or after ``delay``); records each run's size; closable."""

    made: ClassVar[list[FakeConverter]] = []

    def __init__(self, release: threading.Event, delay: float = 0.0) -> None:
        self.release, self.delay = release, delay
        self.runs: list[int] = []
        self.closed = False
        self.stats = {"starts": 0, "timeouts": 0, "crashes": 0, "retries": 0}
        FakeConverter.made.append(self)

    def convert_many(self, pairs):
        if self.closed:
            raise ConverterError("closed")
        self.runs.append(len(pairs))
        self.stats["starts"] += 1
        for src, pdf in pairs:
            t0 = time.monotonic()
            while not (self.release.is_set() and time.monotonic() - t0 >= self.delay):
                if self.closed:
                    raise ConverterError("killed")
                time.sleep(0.01)
            pdf.write_bytes(b"%PDF-fake " + str(len(src.read_bytes())).encode())
            yield (src, pdf), None

    def close(self) -> None:
        self.closed = True


def _pool(release: threading.Event, delay: float = 0.0, **kw) -> ConverterPool:
    FakeConverter.made.clear()
    return ConverterPool(converter_factory=lambda: FakeConverter(release, delay), **kw)


def _convert(url: str, out: list, timeout: float = 30) -> threading.Thread:
    def go() -> None:
        r = httpx.post(url + "/v1/convert", files={"file": ("a.docx", DOCX)}, timeout=timeout)
        out.append(r)

    t = threading.Thread(target=go)
    t.start()
    return t


def _until(cond, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.01)


def test_full_queue_is_429_with_retry_after() -> None:
    release = threading.Event()
    pool = _pool(release, workers=1, queue_size=1, max_batch=1)
    with running(create_app(ServeConfig(), pool=pool)) as url:
        done: list = []
        a = _convert(url, done)
        _until(lambda: pool.busy == 1)
        b = _convert(url, done)
        _until(lambda: pool.depth == 1)
        r = httpx.post(url + "/v1/convert", files={"file": ("c.docx", DOCX)})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert r.json()["error"]["code"] == "queue_full" and r.json()["error"]["message_zh"]
        release.set()
        a.join(), b.join()
        assert [x.status_code for x in done] == [200, 200]
        assert all(x.content.startswith(b"%PDF-fake") for x in done)
        metrics = httpx.get(url + "/metrics").text
        assert 'contractkit_conversions_total{outcome="refused"} 1.0' in metrics
        assert 'contractkit_requests_total{endpoint="/v1/convert",status="429"} 1.0' in metrics


def test_queue_wait_limit_is_503_with_retry_after_and_does_not_cut_a_started_conversion() -> None:
    release = threading.Event()
    pool = _pool(release, workers=1, queue_size=4, max_batch=1, queue_wait=0.5)
    with running(create_app(ServeConfig(), pool=pool)) as url:
        done: list = []
        a = _convert(url, done)
        _until(lambda: pool.busy == 1)
        t0 = time.monotonic()
        r = httpx.post(url + "/v1/convert", files={"file": ("b.docx", DOCX)}, timeout=30)
        assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1
        assert r.json()["error"]["code"] == "queue_timeout"
        assert 0.4 < time.monotonic() - t0 < 5
        assert pool.depth == 0  # the expired document left the queue
        time.sleep(0.5)  # `a` has now run longer than the queue-wait limit: it is not cut
        release.set()
        a.join()
        assert done[0].status_code == 200


def test_conversion_time_counts_from_its_start_not_the_wait() -> None:
    release = threading.Event()
    release.set()
    # each document takes 0.6 s; the second waits ≈ 0.6 s then converts ≈ 0.6 s: more than queue_wait in all
    pool = _pool(release, delay=0.6, workers=1, queue_size=4, max_batch=1, queue_wait=1.0)
    with running(create_app(ServeConfig(), pool=pool)) as url:
        done: list = []
        threads = [_convert(url, done)]
        _until(lambda: pool.busy == 1)
        threads.append(_convert(url, done))
        for t in threads:
            t.join()
        assert [r.status_code for r in done] == [200, 200]


def test_queued_documents_share_one_run() -> None:
    release = threading.Event()
    pool = _pool(release, workers=1, queue_size=8, max_batch=4)
    with running(create_app(ServeConfig(), pool=pool)) as url:
        done: list = []
        threads = [_convert(url, done)]
        _until(lambda: pool.busy == 1)
        threads += [_convert(url, done) for _ in range(3)]
        _until(lambda: pool.depth == 3)
        release.set()
        for t in threads:
            t.join()
        assert [r.status_code for r in done] == [200] * 4
        assert FakeConverter.made[0].runs == [1, 3]


def _abandon(url: str) -> None:
    """Send a whole convert request on a raw socket, then hang up without reading the answer."""
    boundary = "ckboundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\n'.encode()
        + DOCX
        + f"\r\n--{boundary}--\r\n".encode()
    )
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as s:
        s.sendall(
            (
                f"POST /v1/convert HTTP/1.1\r\nHost: {host}\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode()
            + body
        )
        time.sleep(0.5)


def test_a_client_that_goes_away_releases_its_converter() -> None:
    release = threading.Event()
    pool = _pool(release, workers=1, queue_size=2, max_batch=1)
    with running(create_app(ServeConfig(), pool=pool)) as url:
        _abandon(url)  # its conversion never finishes on its own
        _until(lambda: FakeConverter.made[0].closed)  # the run nobody waits for was killed …
        _until(
            lambda: len(FakeConverter.made) == 2 and pool.busy == 0
        )  # … and a fresh converter took its place
        release.set()
        r = httpx.post(url + "/v1/convert", files={"file": ("b.docx", DOCX)}, timeout=30)
        assert r.status_code == 200
        assert pool.counts["abandoned"] == 1
        assert (
            'contractkit_converter_restarts_total{reason="abandoned"} 1.0' in httpx.get(url + "/metrics").text
        )


def test_a_client_gone_while_queued_leaves_the_queue() -> None:
    release = threading.Event()
    pool = _pool(release, workers=1, queue_size=2, max_batch=1)
    with running(create_app(ServeConfig(), pool=pool)) as url:
        done: list = []
        a = _convert(url, done)
        _until(lambda: pool.busy == 1)
        _abandon(url)
        _until(lambda: pool.counts["abandoned"] == 1)
        assert pool.depth == 0 and not FakeConverter.made[0].closed  # the running one is untouched
        release.set()
        a.join()
        assert done[0].status_code == 200 and FakeConverter.made[0].runs == [1]


def test_without_libreoffice_conversions_are_503_and_the_rest_works() -> None:
    def missing():
        raise ConverterError("LibreOffice (soffice) is not installed or not on PATH")

    pool = ConverterPool(converter_factory=missing)
    deal = (Path(__file__).resolve().parent.parent / "samples" / "quote-office.json").read_bytes()
    with running(create_app(ServeConfig(), pool=pool)) as url:
        h = httpx.get(url + "/healthz")
        assert h.status_code == 503 and "soffice" in h.json()["converter"]
        r = httpx.post(url + "/v1/render", params={"format": "pdf"}, content=deal)
        assert r.status_code == 503 and "retry-after" in r.headers
        assert httpx.post(url + "/v1/render", content=deal).status_code == 200


def test_two_converters_share_the_queue() -> None:
    release = threading.Event()
    pool = _pool(release, workers=2, queue_size=8, max_batch=8)
    with running(create_app(ServeConfig(), pool=pool)) as url:
        done: list = []
        threads = [_convert(url, done)]
        _until(lambda: pool.busy == 1)
        threads.append(_convert(url, done))
        _until(lambda: pool.busy == 2)  # the second converter took the second document
        threads += [_convert(url, done) for _ in range(2)]
        _until(lambda: pool.depth == 2)
        release.set()
        for t in threads:
            t.join()
        assert [r.status_code for r in done] == [200] * 4
        runs = [c.runs for c in FakeConverter.made]
        assert len(runs) == 2 and all(r[0] == 1 for r in runs) and sum(map(sum, runs)) == 4
        assert max(max(r) for r in runs) == 1  # neither took both queued documents while the other idled


@pytest.mark.slow
def test_the_batch_engine_converts_real_pdfs() -> None:
    from contractkit.render.pdf import find_soffice

    if not find_soffice():
        pytest.skip("LibreOffice not installed")
    deal = (Path(__file__).resolve().parent.parent / "samples" / "quote-office.json").read_bytes()
    with running(create_app(ServeConfig(engine="batch"))) as url:
        assert httpx.get(url + "/healthz").json()["engine"] == "batch"
        r = httpx.post(url + "/v1/render", params={"format": "pdf"}, content=deal, timeout=300)
        assert r.status_code == 200 and r.content.startswith(b"%PDF")
