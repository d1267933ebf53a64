"""The text report: findings grouped by file with location, severity, rule, message and quoted text; summary.

Colours (rich) only when stdout is a terminal; plain text otherwise (pipes, files, tests).
"""

from __future__ import annotations

import io
import sys

from contractkit.checks.base import Rule
from contractkit.findings import LintResult, Severity
from contractkit.lint import SKIPPED

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABEL = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}


#: Snippets longer than this are shortened around the match.
SNIPPET_WIDTH = 80


def shorten(snippet: str, width: int = SNIPPET_WIDTH, focus: int | None = None) -> str:
    """``snippet`` cut to ``width`` characters around ``focus`` (default: its middle), marked with ``…``.

    Rules quote the clause with the match in its middle when they trim it, so the middle is the best guess
    of where the match is when no offset is known.
    """
    s = " ".join(snippet.split())
    if len(s) <= width:
        return s
    lead, trail = s.startswith("…"), s.endswith("…")
    s = s.strip("…")
    focus = len(s) // 2 if focus is None else max(0, min(focus, len(s)))
    lo = max(0, min(focus - (width - 2) // 2, len(s) - (width - 2)))
    hi = lo + width - 2
    return ("…" if lo > 0 or lead else "") + s[lo:hi] + ("…" if hi < len(s) or trail else "")


def _plain(result: LintResult, lang: str, width: int = SNIPPET_WIDTH) -> list[tuple[str, str | None]]:
    """(line, style) pairs; the style is applied only when colouring."""
    zh = lang == "zh"
    out: list[tuple[str, str | None]] = []
    for fr in result.files:
        out.append((fr.path, "bold"))
        if fr.error:
            out.append((f"  {'无法读取' if zh else 'unreadable'}: {fr.error}", "bold red"))
            continue
        if not fr.findings:
            out.append((f"  {'未发现问题' if zh else 'no findings'}", "green"))
        for f in fr.findings:
            if f.rule == SKIPPED:  # a folder entry lint left out: one line with the reason
                out.append((f"  {f.text(lang)}", "dim"))
                continue
            label = _LABEL["zh" if zh else "en"][f.severity]
            out.append((f"  {f.location.describe(lang)}  {label}  {f.rule}", _STYLE[f.severity]))
            out.append((f"    {f.text(lang)}", None))
            if f.snippet:
                out.append((f"    > {shorten(f.snippet, width)}", "dim"))
        out.append(("", None))
    c = result.counts()
    skipped = sum(1 for f in result.findings() if f.rule == SKIPPED)
    c["files"] -= skipped
    c["info"] -= skipped
    if zh:
        line = (
            f"共 {c['files']} 个文件：{c['error']} 个错误，{c['warning']} 个警告，{c['info']} 个提示"
            f"，{c['unreadable']} 个无法读取" + (f"，{skipped} 个已跳过" if skipped else "")
        )
    else:
        line = (
            f"{c['files']} file(s): {c['error']} error(s), {c['warning']} warning(s), {c['info']} info, "
            f"{c['unreadable']} unreadable" + (f", {skipped} skipped" if skipped else "")
        )
    out.append((line, "bold"))
    return out


def render(
    result: LintResult,
    rules: dict[str, Rule],
    lang: str = "zh",
    *,
    color: bool | None = None,
    width: int = SNIPPET_WIDTH,
) -> str:
    """The report text; ``color`` defaults to "stdout is a terminal"; snippets cut to ``width``."""
    lines = _plain(result, lang, width)
    if color is None:
        color = sys.stdout.isatty()
    if not color:
        return "\n".join(text for text, _ in lines) + "\n"
    from rich.console import Console
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, highlight=False, soft_wrap=True)
    for text, style in lines:
        console.print(Text(text, style=style or ""))
    return buf.getvalue()
