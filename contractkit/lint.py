"""The lint engine: read each file, run the selected rules, collect findings (errors isolated per file)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from contractkit.config import Settings
from contractkit.findings import FileResult, Finding, LintResult, Severity
from contractkit.readers.model import Document, Location

#: File suffixes a folder expands to.
SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".json")


def available_rules() -> dict:
    """``load_rules()``, or — while a family module is still missing — the families that import."""
    import importlib

    from contractkit.checks import FAMILIES, REGISTRY, load_rules

    try:
        return load_rules()
    except ModuleNotFoundError:
        for family in FAMILIES:
            try:
                importlib.import_module(f"contractkit.checks.{family}")
            except ModuleNotFoundError:
                continue
        order = {f: i for i, f in enumerate(FAMILIES)}
        return dict(sorted(REGISTRY.items(), key=lambda kv: (order.get(kv[1].family, 99), kv[0])))


def _sort_key(f: Finding) -> tuple[int, int, str]:
    return (f.location.index, f.span[0] if f.span else -1, f.rule)


def lint_document(
    doc: Document, settings: Settings | None = None, *, rules: Iterable | None = None
) -> list[Finding]:
    """Run the selected rules (default: every registered rule) over ``doc``; findings sorted by location.

    A rule that crashes becomes one ``internal/rule-crashed`` error finding instead of stopping the run.
    """
    from contractkit.checks._common import forget
    from contractkit.checks.base import RuleContext, effective_severity, selected
    from contractkit.contract.model import forget as forget_contract
    from contractkit.facts import assign_sections

    settings = Settings.resolve(settings)
    pool = list(rules) if rules is not None else list(available_rules().values())
    doc = Document(
        path=doc.path, kind=doc.kind, blocks=assign_sections(doc.blocks), deal=doc.deal, meta=doc.meta
    )
    out: list[Finding] = []
    for r in selected(pool, settings):
        ctx = RuleContext(rule=r, settings=settings, severity=effective_severity(r, settings))
        try:
            out.extend(r.check(doc, ctx))
        except Exception as exc:
            out.append(
                Finding(
                    rule="internal/rule-crashed",
                    severity=Severity.ERROR,
                    message=f"规则 {r.id} 运行出错：{type(exc).__name__}: {exc}",
                    message_en=f"rule {r.id} crashed: {type(exc).__name__}: {exc}",
                    location=Location(index=0),
                    hint="please report this with the document",
                )
            )
    forget(doc)  # the rules' shared per-document memo (checks._common.memo)
    forget_contract(doc)  # the facts model (contract.contract_of)
    return sorted(out, key=_sort_key)


def lint_text(text: str, settings: Settings | None = None, *, rules: Iterable | None = None) -> list[Finding]:
    """Lint a string as a text document (one block per line)."""
    from contractkit.readers.text import document_from_text

    return lint_document(document_from_text(text), settings, rules=rules)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files as given; folders expanded (recursively, sorted) to their supported files."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(SUPPORTED) and not name.startswith((".", "~$")):
                        yield str(Path(root) / name)
        else:
            yield str(raw)


def lint_paths(paths: Iterable[str | Path], settings: Settings | None = None) -> LintResult:
    """Read and lint every path (folders expanded); an unreadable file becomes ``FileResult(error=…)``."""
    from contractkit.errors import ContractkitError
    from contractkit.readers.dispatch import read_document

    settings = Settings.resolve(settings)
    rules = list(available_rules().values())
    result = LintResult()
    max_bytes = settings.max_input_mb * 1024 * 1024
    for path in expand_paths(paths):
        try:
            doc = read_document(path, max_bytes=max_bytes)
        except ContractkitError as exc:
            result.files.append(FileResult(path=path, error=str(exc)))
            continue
        except (OSError, ValueError) as exc:
            result.files.append(FileResult(path=path, error=f"{path}: {exc}"))
            continue
        result.files.append(FileResult(path=path, findings=lint_document(doc, settings, rules=rules)))
    return result


def clear_caches() -> None:
    """Empty every per-text cache (facts and rule helpers): benchmarks call this to time cold runs."""
    from contractkit.checks import _common, term
    from contractkit.facts import clear_caches as clear_fact_caches

    clear_fact_caches()
    _common._letter_counts.cache_clear()
    term._find_dates_cached.cache_clear()
