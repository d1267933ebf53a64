"""contractkit: validate, render and lint PRC sales quotes and contracts.

The library comes first; the ``contractkit`` CLI is a thin layer over these functions. Heavy modules
(docxtpl, pdfplumber, opencc) are imported only where used.
"""

__version__ = "0.1.0"
