"""The shape of the contract facts model and its per-document cache.

A :class:`Contract` wraps one read :class:`~contractkit.readers.model.Document` (sections assigned). Each
family of facts is a lazy attribute computed by ``contractkit.contract.<family>.extract(contract)`` on first
use, so a rule run that needs only payment facts pays only for those. Family modules define their own frozen
dataclasses; every fact that comes from the text has a ``where: Where`` field.

:func:`to_data` turns the model (or any part of it) into JSON-ready data: Decimals as strings, dates as ISO
strings, every ``Where`` as ``{"location": {...}, "text": "quoted original"}``.
"""

from __future__ import annotations

import dataclasses
import importlib
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from contractkit.readers.model import Block, Document

#: The fact families, in the order ``contractkit extract`` prints them. Each is a module of this package with
#: ``extract(contract) -> <facts>``.
FAMILIES: tuple[str, ...] = (
    "structure",
    "parties",
    "subject",
    "amount",
    "payment",
    "acceptance",
    "penalty",
    "delivery",
    "dispute",
    "term",
    "quote",
)


@dataclasses.dataclass(frozen=True, slots=True)
class Where:
    """Where a fact was read: ``block`` is the index in ``Document.blocks``, ``span`` offsets in its text."""

    block: int
    span: tuple[int, int]

    def text(self, doc: Document) -> str:
        """The original text of the span."""
        b = doc.blocks[self.block]
        return b.text[self.span[0] : self.span[1]]

    def block_of(self, doc: Document) -> Block:
        return doc.blocks[self.block]


class Contract:
    """The facts model of one document; ``contract.payment``, ``contract.penalty``, … are computed lazily."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._facts: dict[str, Any] = {}
        self._busy: set[str] = set()

    def facts(self, family: str) -> Any:
        """The facts of ``family`` (one of :data:`FAMILIES`), extracted on first use."""
        if family not in self._facts:
            if family not in FAMILIES:
                raise KeyError(f"unknown fact family {family!r}")
            if family in self._busy:
                raise RuntimeError(f"fact family {family!r} depends on itself")
            self._busy.add(family)
            try:
                module = importlib.import_module(f"contractkit.contract.{family}")
                self._facts[family] = module.extract(self)
            finally:
                self._busy.discard(family)
        return self._facts[family]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in FAMILIES:
            raise AttributeError(name)
        return self.facts(name)

    def available(self) -> list[str]:
        """The families whose extractor module exists (all of them once the model is complete)."""
        out = []
        for family in FAMILIES:
            try:
                importlib.import_module(f"contractkit.contract.{family}")
            except ModuleNotFoundError:
                continue
            out.append(family)
        return out

    def to_data(self) -> dict[str, Any]:
        """Every family's facts as JSON-ready data (see :func:`to_data`)."""
        return {
            "file": self.doc.path,
            "kind": self.doc.kind,
            **{family: to_data(self.facts(family), self.doc) for family in self.available()},
        }


def to_data(value: Any, doc: Document) -> Any:
    """JSON-ready data for a fact, a list of facts or a whole family."""
    if isinstance(value, Where):
        b = doc.blocks[value.block]
        return {"location": b.location.to_dict(), "text": b.text[value.span[0] : value.span[1]]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name), doc)
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, (list, tuple)):
        return [to_data(v, doc) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v, doc) for k, v in value.items()}
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


# Per-document cache, keyed by the identity of ``doc.blocks`` (kept alive here, so the id cannot be reused).
_CACHE: dict[int, tuple[list[Block], Contract]] = {}
_CACHE_SIZE = 4


def contract_of(doc: Document) -> Contract:
    """The facts model of ``doc`` (sections must be assigned, as the lint engine does), once per document."""
    entry = _CACHE.get(id(doc.blocks))
    if entry is not None and entry[0] is doc.blocks and entry[1].doc is doc:
        return entry[1]
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    model = Contract(doc)
    _CACHE[id(doc.blocks)] = (doc.blocks, model)
    return model


def forget(doc: Document) -> None:
    """Drop the cached model of ``doc`` (the lint engine calls this when a document is done)."""
    entry = _CACHE.get(id(doc.blocks))
    if entry is not None and entry[0] is doc.blocks:
        del _CACHE[id(doc.blocks)]


def extract(doc: Document) -> Contract:
    """The facts model of a read document (assigns sections first, as the lint engine does)."""
    from contractkit.facts import assign_sections
    from contractkit.facts.choices import mask_unchosen

    prepared = Document(
        path=doc.path,
        kind=doc.kind,
        blocks=assign_sections(mask_unchosen(doc.blocks)),
        deal=doc.deal,
        meta=doc.meta,
    )
    return Contract(prepared)
