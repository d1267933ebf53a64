"""Errors the library raises. Each carries the file, the place and a fix hint; the CLI turns them into
one line and an exit status (1 invalid data, 2 usage or unreadable input). Nothing here imports click."""

from __future__ import annotations


class ContractkitError(Exception):
    """Base error: ``path: where: message (hint)``."""

    exit_code = 2

    def __init__(
        self, message: str, *, path: str | None = None, where: str | None = None, hint: str | None = None
    ):
        super().__init__(message)
        self.message = message
        self.path = path
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        parts = [p for p in (self.path, self.where) if p]
        text = ": ".join([*parts, self.message])
        return f"{text} — {self.hint}" if self.hint else text


class UsageError(ContractkitError):
    """Wrong arguments or options."""


class UnreadableInput(ContractkitError):
    """A file that cannot be read: missing, too large, corrupt, encrypted, a scan, malformed JSON."""


class ConfigError(ContractkitError):
    """A bad contractkit.toml / [tool.contractkit] setting."""


class TemplateError(ContractkitError):
    """A template that does not compile or render (bad tag, unknown variable)."""


class ConverterError(ContractkitError):
    """LibreOffice missing, crashed or timed out."""


class DealInvalid(ContractkitError):
    """A deal that fails its schema or the checks beyond it; ``problems`` lists every one."""

    exit_code = 1

    def __init__(self, problems: list, *, path: str | None = None):
        self.problems = problems
        first = problems[0] if problems else None
        summary = f"{len(problems)} problem(s); first: {first}" if first else "invalid deal"
        super().__init__(summary, path=path)
