"""The one Jinja2 environment templates render with: sandboxed, strict about unknown names, autoescaped
(values land inside Word XML), and with XML-illegal control characters stripped from every value."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

#: Characters XML 1.0 forbids (tab and line feed are kept: docxtpl turns them into tabs and breaks).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f\ufffe\uffff]")


#: Bidi embedding, override and isolate controls: in a name they reverse the text around them (U+202E).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: docxtpl's escapes for literal tags in a template (``{_{`` prints ``{{``); data that holds them is
#: marked with GUARD here so the unescaping after rendering leaves it alone (``unguard`` removes GUARD).
_TEMPLATE_ESCAPES = re.compile(r"\{_(?=[{%])|(?<=[}%])_\}")
GUARD = "\ue0ff"


def strip_control(value: Any) -> Any:
    """Finalize hook: drop XML-illegal control characters and bidi controls from strings (``\\r\\n``
    becomes ``\\n``) and guard docxtpl's ``{_{`` escapes in data from being unescaped."""
    if value is None:
        return ""
    if isinstance(value, str):
        if "\r" in value:
            value = value.replace("\r\n", "\n")
        value = _BIDI.sub("", _ILLEGAL.sub("", value.replace(GUARD, "")))
        if "_" in value:
            value = _TEMPLATE_ESCAPES.sub(lambda m: m.group().replace("_", GUARD + "_"), value)
        return value
    return value


def cn_date(value: Any) -> str:
    """``2026-11-20`` or a date → ``2026年11月20日``; an empty value stays empty."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    return f"{value.year}年{value.month}月{value.day}日"


def money(value: Any) -> str:
    """A Decimal (or numeric string) → ``1,409.50``."""
    from contractkit.money import format_amount, to_decimal

    return format_amount(to_decimal(value))


def upper(value: Any) -> str:
    """A Decimal (or numeric string) → ``人民币壹仟肆佰零玖元伍角整``."""
    from contractkit.money import amount_to_upper, to_decimal

    return amount_to_upper(to_decimal(value))


def percent(value: Any) -> str:
    """``Decimal("30.00")`` → ``30``; ``"0.05"`` → ``0.05``."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if not d.is_finite() or abs(d.adjusted()) > 30:
        raise ValueError(f"not a percentage: {value}")
    return format(d.normalize(), "f")


def make_env() -> SandboxedEnvironment:
    """A fresh bounded sandbox (contractkit.render.sandbox): StrictUndefined, autoescape, control characters
    stripped, no extensions."""
    from contractkit.render.sandbox import BoundedSandbox

    env = BoundedSandbox(
        undefined=StrictUndefined,
        autoescape=True,
        finalize=strip_control,
        extensions=(),
        auto_reload=False,
        cache_size=0,
    )
    env.filters.update(cn_date=cn_date, money=money, upper=upper, percent=percent)
    return env


_ENV: SandboxedEnvironment | None = None


def get_env() -> SandboxedEnvironment:
    """The process-wide environment (created on first use)."""
    global _ENV
    if _ENV is None:
        _ENV = make_env()
    return _ENV
