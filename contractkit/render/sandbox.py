"""The template language, bounded: a Jinja sandbox that also limits what a hostile template can make the
process do, and a render that is bounded in time, memory and output size.

Jinja's sandbox already blocks attribute escapes; here it also refuses ``include``/``import``/``extends``
and ``lipsum``, caps ``range``, sizes of ``*``/``+``/``%`` results, powers and format widths, counts
``range`` iterations per render, and each render runs under a deadline (SIGALRM, main thread), an
address-space cap (RLIMIT_AS, restored after) and an output cap. Every breach is a ``TemplateLimit``
(a jinja2 ``SecurityError``), which the renderer reports as a TemplateError.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import signal
import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter

MAX_RANGE = 10_000  # items in one range()
MAX_ITERATIONS = 1_000_000  # range() items per render, nested loops included
MAX_SIZE = 1_000_000  # characters / items in one computed string or list
MAX_POWER_BITS = 10_000  # bits of an integer power's result
MAX_FORMAT_WIDTH = 1_000  # width or precision in a format spec
MAX_OUTPUT = 50 * 1024 * 1024  # characters one template part may produce
RENDER_SECONDS = 20.0  # wall time of one part's render
RENDER_MEMORY = 512 * 1024 * 1024  # address space a render may add (the whole run stays under 1 GB)
_FORBIDDEN = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "import",
    nodes.Extends: "extends",
}
_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_SPEC_NUMBER = re.compile(r"\d+")


class TemplateLimit(SecurityError):
    """A template went past one of the bounds of this module."""


class _Budget(threading.local):
    iterations = 0


_BUDGET = _Budget()


def _limit(what: str) -> TemplateLimit:
    return TemplateLimit(f"template limit: {what}")


def bounded_range(*args: int) -> Iterator[int]:
    """``range`` of at most MAX_RANGE items whose iterations count against the render's budget."""
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise _limit(f"range() of {len(rng)} items (at most {MAX_RANGE})")
    return _counted(rng)


def _counted(rng: range) -> Iterator[int]:
    for i in rng:
        _BUDGET.iterations += 1
        if _BUDGET.iterations > MAX_ITERATIONS:
            raise _limit(f"more than {MAX_ITERATIONS} loop iterations")
        yield i


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple) else None


def _check_printf(fmt: str, values: Any) -> None:
    for m in _PRINTF.finditer(fmt):
        for part in m.groups():
            if part == "*" or (part and int(part) > MAX_FORMAT_WIDTH):
                raise _limit(f"format width {part} (at most {MAX_FORMAT_WIDTH})")


def bounded_format(value: Any, *args: Any, **kwargs: Any) -> str:
    """The ``format`` filter with widths and precisions bounded."""
    fmt = str(value)
    _check_printf(fmt, args or kwargs)
    return _checked_size(fmt % (kwargs or args))


def _checked_size(value: Any) -> Any:
    n = _size(value)
    if n is not None and n > MAX_SIZE:
        raise _limit(f"a value of {n} characters or items (at most {MAX_SIZE})")
    return value


class _Bounded:
    """Mixin for the sandbox formatters: every format spec has bounded numbers."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        for number in _SPEC_NUMBER.findall(format_spec):
            if int(number) > MAX_FORMAT_WIDTH:
                raise _limit(f"format width {number} (at most {MAX_FORMAT_WIDTH})")
        return _checked_size(super().format_field(value, format_spec))  # type: ignore[misc]


class _BoundedFormatter(_Bounded, SandboxedFormatter):
    pass


class _BoundedEscapeFormatter(_Bounded, SandboxedEscapeFormatter):
    pass


class BoundedSandbox(SandboxedEnvironment):
    """A SandboxedEnvironment whose operators, ranges, formats and tags are bounded (see the module)."""

    intercepted_binops = frozenset({"**", "*", "+", "%", "//", "/"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for name in ("lipsum", "range"):
            self.globals.pop(name, None)
        self.globals["range"] = bounded_range
        self.filters["format"] = bounded_format

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for node in tree.find_all(tuple(_FORBIDDEN)):
            tag = _FORBIDDEN[type(node)]
            raise TemplateSyntaxError(
                f"{{% {tag} %}} is not allowed in a contractkit template (templates are one file)",
                node.lineno,
                name,
                filename,
            )
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse an operation whose result would be huge before computing it."""
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                size = _size(seq)
                if size is not None and isinstance(n, int) and size * n > MAX_SIZE:
                    raise _limit(f"a repetition of {size} × {n} (at most {MAX_SIZE})")
            ints = isinstance(left, int) and isinstance(right, int)
            if ints and left.bit_length() + right.bit_length() > MAX_POWER_BITS:
                raise _limit("an integer product too large")
        elif operator == "+":
            a, b = _size(left), _size(right)
            if a is not None and b is not None and a + b > MAX_SIZE:
                raise _limit(f"a concatenation of {a + b} (at most {MAX_SIZE})")
        elif operator == "%" and isinstance(left, str):
            _check_printf(left, right)
        return _checked_size(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Any:
        """``str.format`` as the sandbox wraps it, with bounded format specs."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        f_self = value.__self__
        formatter = (
            _BoundedEscapeFormatter(self, escape=f_self.escape)
            if hasattr(f_self, "__html__")
            else _BoundedFormatter(self)
        )
        is_map = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one mapping")
                args, kwargs = (), args[0]
            return type(f_self)(formatter.vformat(f_self, args, kwargs))

        return bounded


def _check_power(left: Any, right: Any) -> None:
    if not isinstance(right, int | float | Decimal) or not isinstance(left, int | float | Decimal):
        return
    if isinstance(right, bool) or isinstance(left, bool):
        return
    if abs(right) > 1000:
        raise _limit(f"a power with exponent {right} (at most 1000)")
    ints = isinstance(left, int) and isinstance(right, int)
    if ints and right > 0 and max(left.bit_length(), 1) * right > MAX_POWER_BITS:
        raise _limit("an integer power too large")


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _limit(f"the render took more than {seconds:.0f} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextlib.contextmanager
def _memory_cap(extra: int) -> Iterator[None]:
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", encoding="ascii") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        yield
        return
    cap = current + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def render_bounded(template: Any, context: dict[str, Any]) -> str:
    """``template.render(context)`` within the time, memory, iteration and output bounds; any failure of
    the render (a filter's ValueError, RecursionError, MemoryError) becomes a TemplateLimit or is re-raised
    as a jinja2 error."""
    from jinja2.exceptions import TemplateError as JinjaError

    _BUDGET.iterations = 0
    out: list[str] = []
    size = 0
    try:
        with _deadline(RENDER_SECONDS), _memory_cap(RENDER_MEMORY):
            for chunk in template.generate(context):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise _limit(f"the output is over {MAX_OUTPUT // 1048576} MB")
                out.append(chunk)
            return "".join(out)
    except JinjaError:
        raise
    except RecursionError:
        raise _limit("recursion too deep (a macro or loop that calls itself)") from None
    except MemoryError:
        out.clear()
        raise _limit(f"the render needs more than {RENDER_MEMORY // 1048576} MB") from None
    except Exception as exc:
        raise TemplateLimit(f"{type(exc).__name__}: {exc}") from None
