"""Errors the library raises. Each carries the file, the place and a fix hint; the CLI turns them into
one line and an exit status (1 invalid data, 2 usage or unreadable input). Nothing here imports click.

Messages are English by default; ``zh`` / ``hint_zh`` carry the Chinese text (and ``where_zh`` a place
written in words, 第 3 行 for line 3) and ``text(lang)`` picks one.
"""

from __future__ import annotations


class ContractkitError(Exception):
    """Base error: ``path: where: message (hint)``."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        where: str | None = None,
        hint: str | None = None,
        zh: str | None = None,
        hint_zh: str | None = None,
        where_zh: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.path = path
        self.where = where
        self.hint = hint
        self.zh = zh
        self.hint_zh = hint_zh
        self.where_zh = where_zh

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en", *, with_path: bool = True) -> str:
        """``path: where: message — hint`` in ``lang`` (English where no Chinese text exists)."""
        message, hint = self.localized(lang)
        where = self.where_zh if lang == "zh" and self.zh and self.where_zh else self.where
        parts = [p for p in ((self.path if with_path else None), where) if p]
        text = ": ".join([*parts, message])
        return f"{text} — {hint}" if hint else text

    def localized(self, lang: str = "en") -> tuple[str, str | None]:
        """``(message, hint)`` in ``lang``."""
        if lang == "zh" and self.zh:
            return self.zh, (self.hint_zh or self.hint) if self.hint else self.hint_zh
        return self.message, self.hint


class UsageError(ContractkitError):
    """Wrong arguments or options."""


class UnreadableInput(ContractkitError):
    """A file that cannot be read: missing, too large, corrupt, encrypted, a scan, malformed JSON."""


class WriteFailed(ContractkitError):
    """An output that cannot be written: a read-only or missing place, a file where a folder is needed."""


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
        en_first = first.text("en") if hasattr(first, "text") else first
        summary = f"{len(problems)} problem(s); first: {en_first}" if first else "invalid deal"
        zh_first = first.text("zh") if hasattr(first, "text") else first
        zh = f"{len(problems)} 个问题；第一个：{zh_first}" if first else "单据无效"
        super().__init__(summary, path=path, zh=zh)
