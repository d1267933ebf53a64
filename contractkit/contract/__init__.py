"""The contract facts model: one typed model of a contract, extracted once per document.

``contract_of(doc)`` returns a :class:`~contractkit.contract.model.Contract`; each family of facts (parties,
items, installments, acceptance, penalties, 定金, delivery, dispute forum, term, …) is extracted the first
time a rule asks for it, by the module of that family in this package, and kept for the rest of the lint
run. Every fact carries a :class:`~contractkit.contract.model.Where` (block index, span in its text).

Rules in :mod:`contractkit.checks` are checks over this model. ``contractkit extract`` prints it.
"""

from __future__ import annotations

from contractkit.contract.model import FAMILIES, Contract, Where, contract_of, extract, forget, to_data

__all__ = ["FAMILIES", "Contract", "Where", "contract_of", "extract", "forget", "to_data"]
