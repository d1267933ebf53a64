"""The document helpers rules use, re-exported from :mod:`contractkit.facts.document` (where the facts model
uses them too, so the model never imports the rules)."""

from __future__ import annotations

from contractkit.facts import document as _document
from contractkit.facts.document import *  # noqa: F403 - the same helpers under their old home
from contractkit.facts.document import _letter_counts  # noqa: F401 - the engine clears its cache

__all__ = list(_document.__all__)
