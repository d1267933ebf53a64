"""The endpoints: each reads a bounded request, runs the library in a thread (or the converter pool) and
answers JSON or a file. Errors are :class:`~.errors.ApiError` (JSON with a status), never tracebacks."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from contractkit import __version__
from contractkit.errors import ContractkitError
from contractkit.serve.errors import ApiError, from_library, problem_dict
from contractkit.serve.uploads import private_dir, read_body, safe_name, upload

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TEMPLATE_NAME = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


def _state(request: Request) -> Any:
    return request.app.state.serve


def _choice(request: Request, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = request.query_params.get(name, default)
    if value not in allowed:
        raise ApiError(
            400,
            "bad_request",
            f"{name} must be one of {', '.join(allowed)}",
            f"{name} 只能是 {'、'.join(allowed)}",
        )
    return value


async def _in_thread(request: Request, fn: Any, *args: Any, **kw: Any) -> Any:
    """Run library work in a thread under the CPU gate; library errors become API errors."""
    async with _state(request).gate.slot():
        try:
            return await run_in_threadpool(fn, *args, **kw)
        except ContractkitError as exc:
            raise from_library(exc) from None


def _file(data: bytes, media_type: str, filename: str) -> Response:
    from urllib.parse import quote

    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


async def _deal(request: Request) -> dict[str, Any]:
    """The deal JSON of the body (money as Decimal); malformed JSON is a 400 naming line and column."""
    from contractkit.deal.load import parse_deal

    body = await read_body(request, _state(request).config.max_body_bytes)
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(
            400, "malformed_json", f"the body is not UTF-8: {exc.reason}", "请求体不是 UTF-8 编码"
        ) from None
    try:
        return parse_deal(text, label="body")
    except ContractkitError as exc:
        err = from_library(exc)
        err.status, err.code = 400, "malformed_json"
        raise err from None


# -- deals ----------------------------------------------------------------------------------------------
async def validate(request: Request) -> JSONResponse:
    """POST /v1/validate: a deal → its problems (an empty list means valid)."""
    import contractkit

    deal = await _deal(request)
    problems = await _in_thread(request, contractkit.validate, deal)
    return JSONResponse({"valid": not problems, "problems": [problem_dict(p) for p in problems]})


def known_templates(templates_dir: Path | None) -> list[str]:
    """Template names a client may ask for: the configured folder's, then the bundled ones."""
    from contractkit.render.docx import BUNDLED

    folders = [f for f in (templates_dir, BUNDLED) if f is not None and f.is_dir()]
    return sorted({p.stem for f in folders for p in f.glob("*.docx") if _TEMPLATE_NAME.match(p.stem)})


def _template(request: Request) -> str | None:
    name = request.query_params.get("template")
    if name is None:
        return None
    known = known_templates(_state(request).config.templates_dir())
    if not _TEMPLATE_NAME.match(name) or name not in known:
        raise ApiError(
            400,
            "unknown_template",
            f"unknown template {name[:64]!r}; known: {', '.join(known)}",
            f"未知模板 {name[:64]!r}；可用：{'、'.join(known)}",
            hint="template takes a configured template name, never a path",
        )
    return name


async def render(request: Request) -> Response:
    """POST /v1/render?format=docx|pdf|both&template=NAME: a deal → .docx, .pdf or both in a .zip."""
    from contractkit.render.docx import render_docx

    fmt = _choice(request, "format", ("docx", "pdf", "both"), "docx")
    template = _template(request)
    deal = await _deal(request)
    cfg = _state(request).config
    docx = await _in_thread(request, render_docx, deal, template=template, templates_dir=cfg.templates_dir())
    stem = safe_name(str(deal.get("number") or "document"))
    if fmt == "docx":
        return _file(docx, DOCX, f"{stem}.docx")
    pdf = await _convert(request, docx, f"{stem}.docx")
    if fmt == "pdf":
        return _file(pdf, "application/pdf", f"{stem}.pdf")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{stem}.docx", docx)
        zf.writestr(f"{stem}.pdf", pdf)
    return _file(buf.getvalue(), "application/zip", f"{stem}.zip")


async def _until_disconnect(request: Request) -> None:
    """Return when the client goes away (the body is read already, so only a disconnect can arrive)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _watched(request: Request, docx: bytes, name: str) -> bytes:
    """The pool's conversion, cancelled (its converter released) when the client disconnects."""
    job = asyncio.ensure_future(_state(request).pool.convert(docx, name))
    gone = asyncio.ensure_future(_until_disconnect(request))
    try:
        await asyncio.wait({job, gone}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (job, gone):
            if not task.done():
                task.cancel()
    if not job.done() or job.cancelled():
        with contextlib.suppress(asyncio.CancelledError):
            await job
        raise ApiError(499, "client_closed", "the client went away", "客户端已断开")
    return job.result()


async def _convert(request: Request, docx: bytes, name: str) -> bytes:
    from contractkit.serve.limits import Busy, QueueTimeout

    try:
        return await _watched(request, docx, name)
    except Busy as exc:
        raise ApiError(
            429, "queue_full", "the conversion queue is full", "转换队列已满", retry_after=exc.retry_after
        ) from None
    except QueueTimeout as exc:
        raise ApiError(
            503,
            "queue_timeout",
            "no converter became free in time",
            "等待转换器超时",
            retry_after=exc.retry_after,
        ) from None
    except ContractkitError as exc:
        raise from_library(exc) from None


async def convert(request: Request) -> Response:
    """POST /v1/convert (multipart ``file``): a .docx → its PDF."""
    name, data = await upload(request, _state(request).config.max_body_bytes)
    if not data.startswith(b"PK\x03\x04"):
        raise ApiError(415, "unsupported_media_type", "the file is not a .docx", "该文件不是 .docx")
    pdf = await _convert(request, data, name)
    return _file(pdf, "application/pdf", f"{Path(name).stem}.pdf")


# -- drafts ---------------------------------------------------------------------------------------------
async def _staged(request: Request) -> tuple[str, bytes]:
    from contractkit.lint import supported_suffixes

    name, data = await upload(request, _state(request).config.max_body_bytes)
    if not name.lower().endswith(supported_suffixes()):
        raise ApiError(
            415,
            "unsupported_media_type",
            f"{name}: not a supported draft ({', '.join(supported_suffixes())})",
            f"{name}：不支持的文件类型",
        )
    return name, data


def _lint_file(path: Path, name: str, settings: Any) -> Any:
    import contractkit

    result = contractkit.lint_paths(path, settings=settings)
    result.files[:] = [dataclasses.replace(fr, path=name) for fr in result.files]
    fr = result.files[0]
    if fr.error:
        raise ApiError(422, "unreadable", fr.error, f"无法读取该文件：{fr.error}")
    return result


def _review(path: Path, name: str, settings: Any, lang: str) -> dict[str, Any]:
    """The review page's data: every block's text and each finding with where to highlight it."""
    import contractkit

    doc = contractkit.read(path, settings=settings)
    findings = contractkit.lint_document(doc, settings=settings)
    rules = contractkit.rules()
    return {
        "file": name,
        "annotatable": name.lower().endswith(".docx"),
        "blocks": [
            {"index": b.location.index, "text": b.text, "where": b.location.describe(lang), "kind": b.kind}
            for b in doc.blocks
        ],
        "findings": [
            {
                "rule": f.rule,
                "family": f.rule.split("/", 1)[0],
                "severity": str(f.severity),
                "message": f.message_en or f.message,
                "message_zh": f.message,
                "title": rules[f.rule].title_en if f.rule in rules else f.rule,
                "title_zh": rules[f.rule].title if f.rule in rules else f.rule,
                "index": f.location.index,
                "where": f.location.describe(lang),
                "span": list(f.span) if f.span else None,
                "snippet": f.snippet,
                "hint": f.hint,
                "basis": f.basis,
            }
            for f in findings
        ],
    }


def _annotated(path: Path, out: Path, result: Any, lang: str) -> bytes:
    import contractkit

    contractkit.annotate_docx(path, out, result.files[0].findings, lang=lang)
    return out.read_bytes()


async def lint(request: Request) -> Response:
    """POST /v1/lint?format=json|sarif|docx|review&lang=zh|en (multipart ``file``): findings of a draft."""
    import contractkit

    fmt = _choice(request, "format", ("json", "sarif", "docx", "review"), "json")
    lang = _choice(request, "lang", ("zh", "en"), "zh")
    name, data = await _staged(request)
    if fmt == "docx" and not name.lower().endswith(".docx"):
        raise ApiError(
            415,
            "unsupported_media_type",
            "an annotated copy needs a .docx draft",
            "批注副本只能基于 .docx 草稿",
        )
    settings = _state(request).config.settings
    with private_dir() as tmp:
        path = tmp / name
        path.write_bytes(data)
        if fmt == "review":
            return JSONResponse(await _in_thread(request, _review, path, name, settings, lang))
        result = await _in_thread(request, _lint_file, path, name, settings)
        if fmt == "docx":
            stem = Path(name).stem
            copy = await _in_thread(request, _annotated, path, tmp / f"{stem}-annotated.docx", result, lang)
            return _file(copy, DOCX, f"{stem}-批注.docx" if lang == "zh" else f"{stem}-annotated.docx")
        text = contractkit.report(result, fmt, lang=lang)
        media = "application/sarif+json" if fmt == "sarif" else "application/json"
        return Response(text, media_type=media)


async def extract(request: Request) -> JSONResponse:
    """POST /v1/extract (multipart ``file``): the contract facts model of a draft."""
    import contractkit

    name, data = await _staged(request)

    def run(path: Path) -> dict[str, Any]:
        out = contractkit.extract(path).to_data()
        out["file"] = name
        return out

    with private_dir() as tmp:
        path = tmp / name
        path.write_bytes(data)
        out = await _in_thread(request, run, path)
    return JSONResponse(json.loads(json.dumps(out, ensure_ascii=False, default=str)))


# -- service --------------------------------------------------------------------------------------------
async def rules(request: Request) -> JSONResponse:
    """GET /v1/rules: every lint rule with its documentation and effective severity."""
    import contractkit
    from contractkit.cli.rules import rule_dict

    settings = _state(request).config.settings
    data = [rule_dict(r, settings, full=True) for r in contractkit.rules().values()]
    for d, r in zip(data, contractkit.rules().values(), strict=True):
        d["family"] = r.family
    return JSONResponse({"rules": data})


async def healthz(request: Request) -> JSONResponse:
    """GET /healthz: 200 when the server can convert, 503 (with why) when LibreOffice is missing."""
    pool = _state(request).pool
    body = {
        "status": "ok" if not pool.error else "degraded",
        "version": __version__,
        "converter": pool.error or "ready",
        "engine": pool.engine,
        "queue_depth": pool.depth,
        "converters_busy": pool.busy,
    }
    return JSONResponse(body, status_code=200 if not pool.error else 503)


async def metrics(request: Request) -> Response:
    """GET /metrics: Prometheus text."""
    from contractkit.serve.metrics import CONTENT_TYPE

    return Response(_state(request).metrics.text(), media_type=CONTENT_TYPE)
