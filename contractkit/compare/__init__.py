"""Comparison of two versions of a contract (合同比对): clauses aligned, then word-level changes.

``compare_documents(ours, theirs)`` returns a :class:`~contractkit.compare.align.Comparison`; the reports in
:mod:`contractkit.compare.report` print it as text, JSON or an HTML page, and
:func:`contractkit.compare.redline.write_redline` writes the changes as Word tracked changes over our .docx.
"""

from __future__ import annotations

from contractkit.compare.align import Change, Comparison, compare_documents, compare_paths
from contractkit.compare.units import Unit, units_of

__all__ = ["Change", "Comparison", "Unit", "compare_documents", "compare_paths", "units_of"]
