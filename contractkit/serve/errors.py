"""API errors as JSON: ``{"error": {"code", "message", "message_zh", "hint", ...}}`` with the right status."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from contractkit.errors import ContractkitError, ConverterError, DealInvalid, UsageError


class ApiError(Exception):
    """An error answered as JSON with ``status``; ``retry_after`` adds the Retry-After header."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        message_zh: str,
        *,
        hint: str | None = None,
        retry_after: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.message_zh = message_zh
        self.hint = hint
        self.retry_after = retry_after
        self.extra = extra or {}

    def response(self) -> JSONResponse:
        """The JSON response of this error."""
        body: dict[str, Any] = {"code": self.code, "message": self.message, "message_zh": self.message_zh}
        if self.hint:
            body["hint"] = self.hint
        body.update(self.extra)
        headers = {"Retry-After": str(self.retry_after)} if self.retry_after is not None else None
        return JSONResponse({"error": body}, status_code=self.status, headers=headers)


def from_library(exc: ContractkitError) -> ApiError:
    """A library error as an API error: invalid deals 422, converter trouble 503, bad input 400/422."""
    message, hint = exc.localized("en")
    zh, _ = exc.localized("zh")
    where = {"where": exc.where} if exc.where else {}
    if isinstance(exc, DealInvalid):
        problems = [problem_dict(p) for p in exc.problems]
        return ApiError(422, "deal_invalid", message, "单据数据无效", extra={"problems": problems})
    if isinstance(exc, ConverterError):
        return ApiError(503, "converter", message, zh, hint=hint, retry_after=5)
    if isinstance(exc, UsageError):
        return ApiError(400, "bad_request", message, zh, hint=hint, extra=where)
    return ApiError(422, "unprocessable", message, zh, hint=hint, extra=where)


def problem_dict(p: Any) -> dict[str, str]:
    """A deal problem as plain data."""
    return {"pointer": p.pointer, "message": p.message_en, "message_zh": p.message, "title": p.title}
