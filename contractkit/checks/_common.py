"""The document helpers rules use, re-exported from :mod:`contractkit.facts.document` (where the facts model
uses them too, so the model never imports the rules)."""

from __future__ import annotations

from contractkit.facts.document import (
    BLANK,
    _letter_counts,
    all_clauses,
    blank_spans,
    block_indices_naming,
    blocks_naming,
    clauses,
    clauses_naming,
    doc_text,
    find_heading,
    forget,
    has_blank,
    in_section,
    is_chinese,
    is_quote,
    iter_blocks_naming,
    memo,
)

__all__ = [
    "BLANK",
    "_letter_counts",
    "all_clauses",
    "blank_spans",
    "block_indices_naming",
    "blocks_naming",
    "clauses",
    "clauses_naming",
    "doc_text",
    "find_heading",
    "forget",
    "has_blank",
    "in_section",
    "is_chinese",
    "is_quote",
    "iter_blocks_naming",
    "memo",
]
