"""What linting produces: findings, per-file results and the run's result. Reports read only these."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from contractkit.readers.model import Location


class Severity(IntEnum):
    """Ordered: ``Severity.ERROR > Severity.WARNING > Severity.INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """``"error"``/``"warning"``/``"info"`` (any case) → Severity; raises ValueError otherwise."""
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Fix:
    """A concrete fix a rule can compute: replace ``span`` (offsets in the block's text) with ``replacement``.

    ``lint --redline`` writes it as a Word tracked change; ``note`` says what the change does.
    """

    span: tuple[int, int]
    replacement: str
    note: str = ""
    note_en: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found at one place.

    ``message`` is Chinese, ``message_en`` English; ``snippet`` quotes the original text (not the
    normalized one); ``span`` is the (start, end) offset of the match inside the block's text, when the rule
    pins it; ``basis`` is the legal basis and ``hint`` how to fix it; ``fix`` a concrete replacement, when the
    rule can compute one.
    """

    rule: str
    severity: Severity
    message: str
    message_en: str
    location: Location
    snippet: str = ""
    span: tuple[int, int] | None = None
    basis: str = ""
    hint: str = ""
    fix: Fix | None = None

    def text(self, lang: str = "zh") -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        return self.message_en if lang == "en" and self.message_en else self.message

    def fingerprint(self, path: str) -> str:
        """A hash stable when unrelated text moves: rule, file and the quoted text, not the position."""
        import hashlib  # only reports with fingerprints need it; kept off the start-up path

        key = "\x1f".join((self.rule, path, " ".join(self.snippet.split())))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@dataclass(slots=True)
class FileResult:
    """The findings for one file, or the error that kept it from being read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None


@dataclass(slots=True)
class LintResult:
    """All files of one lint run."""

    files: list[FileResult] = field(default_factory=list)

    def findings(self) -> list[Finding]:
        """Every finding of every file, in order."""
        return [f for fr in self.files for f in fr.findings]

    def counts(self) -> dict[str, int]:
        """Findings per severity name, plus ``files`` and ``unreadable``."""
        out = {str(s): 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings():
            out[str(f.severity)] += 1
        out["files"] = len(self.files)
        out["unreadable"] = sum(1 for fr in self.files if fr.error)
        return out

    def worst(self) -> Severity | None:
        """The highest severity found, or None."""
        sev = [f.severity for f in self.findings()]
        return max(sev) if sev else None
