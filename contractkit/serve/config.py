"""What one server may do: where it listens, who may call it, how much it admits and for how long."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from contractkit.config import Settings
from contractkit.errors import UsageError

MIB = 1024 * 1024


@dataclass(frozen=True)
class ServeConfig:
    """Limits and access of one ``contractkit serve``; every number has a safe default."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1  # converter slots: LibreOffice processes converting at once
    token: str | None = None  # bearer token; required when not bound to loopback
    max_body_bytes: int = 20 * MIB  # request bodies (deal JSON, uploads) above this are refused (413)
    queue_size: int = 16  # conversions waiting for a converter; beyond this 429
    queue_wait: float = 30.0  # seconds a conversion may wait for a converter; then 503
    convert_timeout: float = 60.0  # seconds a converter may spend on one document, from when it starts it
    max_batch: int = 8  # queued documents one converter takes into one LibreOffice run
    engine: str = "auto"  # warm (UNO listener, needs python3-uno) | batch (soffice per run) | auto
    # documents per LibreOffice process before a fresh one: a listener grows ≈ 2.5 MB a quote (≈ 165 MB →
    # ≈ 410 MB at 100) and a start costs ≈ 1.5 CPU s, so 100 keeps memory bounded for ≈ 0.015 CPU s a document
    recycle_after: int = 100
    cpu_slots: int = 2  # renders, lints and extracts at once (threads); more wait
    cpu_queue: int = 32  # CPU requests waiting; beyond this 429
    settings: Settings = field(default_factory=Settings)

    def templates_dir(self) -> Path | None:
        """The company's own templates folder (``templates`` in contractkit.toml), if configured."""
        return Path(self.settings.templates) if self.settings.templates else None


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(path: str | Path) -> str:
    """The bearer token in ``path`` (one line, at least 16 characters)."""
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            f"cannot read the token file: {exc}", path=str(path), zh="无法读取令牌文件"
        ) from None
    if len(token) < 16 or any(c.isspace() for c in token):
        raise UsageError(
            "the token must be one word of at least 16 characters",
            path=str(path),
            hint="e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))' > token",
            zh="令牌须为至少 16 个字符、不含空白的一行",
        )
    return token


def check_binding(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token."""
    if not is_loopback(host) and not token:
        raise UsageError(
            f"binding to {host} needs a bearer token",
            hint="pass --token-file FILE (or bind to 127.0.0.1 behind a reverse proxy)",
            zh=f"绑定到 {host} 必须设置访问令牌",
            hint_zh="请使用 --token-file 指定令牌文件（或绑定 127.0.0.1 并置于反向代理之后）",
        )
