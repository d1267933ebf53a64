"""Request bodies read within a size limit, and uploads staged in a private temp folder per request."""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.requests import Request

from contractkit.serve.errors import ApiError

_SAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refusing (413) one declared or streamed beyond ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            too_big = int(declared) > limit
        except ValueError:
            raise ApiError(
                400, "bad_request", "Content-Length is not a number", "Content-Length 不是数字"
            ) from None
        if too_big:
            raise too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # later request.form() / .json() parse this copy, not the socket again
    return body


def too_large(limit: int) -> ApiError:
    """The 413 error for a body beyond ``limit`` bytes."""
    mb = limit / (1024 * 1024)
    return ApiError(413, "too_large", f"the request is larger than {mb:g} MB", f"请求超过 {mb:g} MB 上限")


async def upload(request: Request, limit: int, field: str = "file") -> tuple[str, bytes]:
    """The one file of a multipart form (``field``): its safe name and bytes."""
    await read_body(request, limit)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise ApiError(
            415,
            "unsupported_media_type",
            f"send multipart/form-data with a field {field!r}",
            f"请以 multipart/form-data 上传，字段名为 {field!r}",
        )
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=1024 * 1024)
    except Exception as exc:  # malformed multipart, too many parts
        raise ApiError(400, "bad_request", f"malformed form: {exc}", "表单格式错误") from None
    item = form.get(field)
    if not isinstance(item, UploadFile):
        raise ApiError(400, "bad_request", f"no file in field {field!r}", f"缺少文件字段 {field!r}")
    data = await item.read()
    await form.close()
    return safe_name(item.filename or "upload"), data


def safe_name(name: str) -> str:
    """A file name with no folder part and no odd characters (Chinese letters kept), never hidden."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _SAFE.sub("_", base).lstrip(".") or "upload"
    return cleaned[-120:]


@contextlib.contextmanager
def private_dir() -> Iterator[Path]:
    """A fresh temp folder only this process's user can open (mode 0700), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="contractkit-serve-") as tmp:
        yield Path(tmp)
