"""contractkit: validate, render and lint PRC sales quotes and contracts.

The library comes first; the ``contractkit`` CLI is a thin layer over it. The public API (``docs/api.md``)::

    import contractkit

    deal = contractkit.load("samples/contract-equipment.json")
    assert contractkit.validate(deal) == []
    contractkit.render_deal(deal, "out/XS-2026-0158.docx", format="docx")
    result = contractkit.lint_paths("out/XS-2026-0158.docx", "drafts/")
    findings = contractkit.lint_text("甲方视情况支付尾款。")

Names never equal a submodule (``lint_paths``, not ``lint``, which is the engine module). They are imported
on first use (PEP 562 ``__getattr__``), so ``import contractkit`` loads none of docxtpl,
python-docx, lxml, pypdfium2, jsonschema or opencc, and ``contractkit --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> "module:attribute", imported on first access.
_EXPORTS: dict[str, str] = {
    # deals: load, validate, render, convert
    "load": "contractkit.api:load",
    "validate": "contractkit.api:validate",
    "render_deal": "contractkit.api:render_deal",
    "convert": "contractkit.api:convert",
    "load_seller_profile": "contractkit.api:load_seller_profile",
    "merge_seller": "contractkit.api:merge_seller",
    # drafts: read, lint (paths, a document, a string), baselines, reports, Word comments
    "read": "contractkit.api:read",
    "lint_paths": "contractkit.api:lint_paths",
    "lint_document": "contractkit.api:lint_document",
    "lint_text": "contractkit.api:lint_text",
    "write_baseline": "contractkit.api:write_baseline",
    "report": "contractkit.api:report",
    "annotate_docx": "contractkit.api:annotate_docx",
    "rules": "contractkit.api:rules",
    "settings": "contractkit.api:settings",
    # templates and the contract facts model
    "check_templates": "contractkit.api:check_templates",
    "extract": "contractkit.api:extract",
    "extract_text": "contractkit.api:extract_text",
    # types
    "Settings": "contractkit.config:Settings",
    "Document": "contractkit.readers.model:Document",
    "Finding": "contractkit.findings:Finding",
    "FileResult": "contractkit.findings:FileResult",
    "LintResult": "contractkit.findings:LintResult",
    "Severity": "contractkit.findings:Severity",
    "ContractkitError": "contractkit.errors:ContractkitError",
}

__all__ = [
    "ContractkitError",
    "Document",
    "FileResult",
    "Finding",
    "LintResult",
    "Settings",
    "Severity",
    "__version__",
    "annotate_docx",
    "check_templates",
    "convert",
    "extract",
    "extract_text",
    "lint_document",
    "lint_paths",
    "lint_text",
    "load",
    "load_seller_profile",
    "merge_seller",
    "read",
    "render_deal",
    "report",
    "rules",
    "settings",
    "validate",
    "write_baseline",
]

if TYPE_CHECKING:
    from contractkit.api import (
        annotate_docx,
        check_templates,
        convert,
        extract,
        extract_text,
        lint_document,
        lint_paths,
        lint_text,
        load,
        load_seller_profile,
        merge_seller,
        read,
        render_deal,
        report,
        rules,
        settings,
        validate,
        write_baseline,
    )
    from contractkit.config import Settings
    from contractkit.errors import ContractkitError
    from contractkit.findings import FileResult, Finding, LintResult, Severity
    from contractkit.readers.model import Document


def __getattr__(name: str) -> Any:
    """Import a public name on first use and cache it in the module."""
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'contractkit' has no attribute {name!r}")
    import importlib

    module, attr = target.split(":")
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
