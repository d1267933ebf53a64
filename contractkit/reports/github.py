"""GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message`` per finding.

GitHub shows at most 10 annotations of each type per step (and 50 per job); beyond that the commands are
dropped, so only the first :data:`PER_TYPE` of each type are printed and the rest is counted in a plain
summary line. Values are escaped as the runner's toolkit does (``%``, ``\\r``, ``\\n``; in properties also
``:`` and ``,``).
"""

from __future__ import annotations

from contractkit.checks.base import Rule
from contractkit.findings import LintResult, Severity
from contractkit.reports.sarif import display_path

PER_TYPE = 10
COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value (``file``, ``title``…)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    """One workflow command line."""
    inner = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + inner if inner else ''}::{escape_data(message)}"


def render(result: LintResult, rules: dict[str, Rule], lang: str = "zh", *, per_type: int = PER_TYPE) -> str:
    """The workflow commands, at most ``per_type`` per annotation type, then a summary line."""
    lines: list[str] = []
    shown = {k: 0 for k in COMMAND.values()}
    hidden = {k: 0 for k in COMMAND.values()}

    def emit(kind: str, line: str) -> None:
        if shown[kind] < per_type:
            shown[kind] += 1
            lines.append(line)
        else:
            hidden[kind] += 1

    for fr in result.files:
        uri = display_path(fr.path)
        if fr.error:
            emit("error", command("error", fr.error, file=uri, title="contractkit: unreadable"))
        for f in fr.findings:
            kind = COMMAND[f.severity]
            r = rules.get(f.rule)
            title = f"{f.rule} ({(r.title if lang == 'zh' else r.title_en) if r else f.rule})"
            msg = f.text(lang) + (f"\n{f.location.describe(lang)}" if f.location.page else "")
            if f.snippet:
                msg += f"\n> {f.snippet}"
            emit(kind, command(kind, msg, file=uri, line=max(1, f.location.start_line), title=title))
    c = result.counts()
    more = sum(hidden.values())
    summary = (
        f"contractkit: {c['files']} file(s), {c['error']} error(s), {c['warning']} warning(s), "
        f"{c['info']} info, {c['unreadable']} unreadable"
    )
    if more:
        parts = ", ".join(f"{n} {k}" for k, n in hidden.items() if n)
        summary += f"; {more} more not annotated (GitHub shows {per_type} per type per step): {parts}"
    lines.append(summary)
    return "\n".join(lines) + "\n"
