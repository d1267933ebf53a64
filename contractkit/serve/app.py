"""The ASGI app: routes, the bearer-token and metrics middleware, JSON errors, the pool's lifespan."""

from __future__ import annotations

import contextlib
import hmac
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from contractkit.serve import handlers
from contractkit.serve.config import ServeConfig, check_binding
from contractkit.serve.errors import ApiError
from contractkit.serve.limits import Busy, Gate, QueueTimeout
from contractkit.serve.metrics import Metrics
from contractkit.serve.pool import ConverterPool

STATIC = Path(__file__).resolve().parent / "static"
#: (method, path, handler): the API; docs/openapi.json documents exactly these.
API: tuple[tuple[str, str, Any], ...] = (
    ("POST", "/v1/validate", handlers.validate),
    ("POST", "/v1/render", handlers.render),
    ("POST", "/v1/convert", handlers.convert),
    ("POST", "/v1/lint", handlers.lint),
    ("POST", "/v1/extract", handlers.extract),
    ("GET", "/v1/rules", handlers.rules),
    ("GET", "/healthz", handlers.healthz),
    ("GET", "/metrics", handlers.metrics),
)
_OPEN = ("/healthz", "/", "/static/", "/openapi.json")  # no token needed: no data behind these
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"),
    (b"referrer-policy", b"no-referrer"),
]


@dataclass
class ServeState:
    """What every request shares: limits, the converter pool, the CPU gate, the figures."""

    config: ServeConfig
    pool: ConverterPool
    gate: Gate
    metrics: Metrics


class Guard:
    """Pure ASGI middleware: bearer token on the API, latency and status figures, security headers."""

    def __init__(self, app: Any, state: ServeState) -> None:
        self.app = app
        self.state = state
        self.labels = {path for _, path, _ in API} | {"/", "/openapi.json"}

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        label = path if path in self.labels else ("/static" if path.startswith("/static/") else "other")
        status = 500
        t0 = time.perf_counter()

        async def wrapped(message: dict) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        try:
            token = self.state.config.token
            if token and not (path in _OPEN or path.startswith("/static/")) and not _authorized(scope, token):
                err = ApiError(
                    401, "unauthorized", "a valid bearer token is required", "需要有效的访问令牌（Bearer）"
                )
                response = err.response()
                response.headers["WWW-Authenticate"] = "Bearer"
                await response(scope, receive, wrapped)
                return
            await self.app(scope, receive, wrapped)
        finally:
            self.state.metrics.observe(label, status, time.perf_counter() - t0)


def _authorized(scope: dict, token: str) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            scheme, _, given = value.decode("latin-1").partition(" ")
            return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())
    return False


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return exc.response()


async def _busy(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Busy | QueueTimeout)
    status, code = (429, "busy") if isinstance(exc, Busy) else (503, "queue_timeout")
    zh = "服务繁忙，请稍后重试" if status == 429 else "等待超时，请稍后重试"
    return ApiError(status, code, str(exc), zh, retry_after=exc.retry_after).response()


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    zh = {404: "未找到", 405: "不支持该请求方法"}.get(exc.status_code, "请求错误")
    return ApiError(exc.status_code, "http", str(exc.detail), zh).response()


async def _crash(request: Request, exc: Exception) -> Response:
    return ApiError(500, "internal", f"internal error: {type(exc).__name__}", "服务器内部错误").response()


async def _page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


async def _openapi(request: Request) -> JSONResponse:
    from contractkit.serve.openapi import spec

    return JSONResponse(spec())


def warm_caches(config: ServeConfig) -> None:
    """Compile every deal kind's template, load the rules and build the deal validator now (≈ 1.5 CPU s), so
    the first requests do not pay for it; a template that does not compile is reported by its requests."""
    import contractkit
    from contractkit.errors import ContractkitError
    from contractkit.render.docx import DEFAULT_BY_KIND, load_template, resolve_template

    for kind in DEFAULT_BY_KIND:
        with contextlib.suppress(ContractkitError, OSError):
            load_template(resolve_template(None, kind=kind, templates_dir=config.templates_dir()))
    contractkit.rules()
    contractkit.validate({"kind": "quote"})  # builds the schema validator (its problems are not wanted)


def create_app(config: ServeConfig | None = None, *, pool: ConverterPool | None = None) -> Any:
    """The ASGI app for ``config``; ``pool`` replaces the LibreOffice pool (tests)."""
    config = config or ServeConfig()
    check_binding(config.host, config.token)  # the app itself refuses to be public without a token
    pool = pool or ConverterPool(
        config.workers,
        queue_size=config.queue_size,
        queue_wait=config.queue_wait,
        timeout=config.convert_timeout,
        max_batch=config.max_batch,
        engine=config.engine,
        recycle_after=config.recycle_after,
    )
    gate = Gate(config.cpu_slots, config.cpu_queue, config.queue_wait)
    state = ServeState(config, pool, gate, Metrics(pool, gate))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(pool.start)
        await run_in_threadpool(warm_caches, config)
        try:
            yield
        finally:
            await run_in_threadpool(pool.close)

    routes = [Route(path, fn, methods=[method]) for method, path, fn in API]
    routes += [
        Route("/", _page, methods=["GET"]),
        Route("/openapi.json", _openapi, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={
            ApiError: _api_error,
            Busy: _busy,
            QueueTimeout: _busy,
            HTTPException: _http_error,
            Exception: _crash,
        },
    )
    app.state.serve = state
    return Guard(app, state)  # .state: the shared state (tests read the pool and the figures)
