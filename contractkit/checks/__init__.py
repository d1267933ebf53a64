"""Clause rules, one module per family. ``load_rules()`` imports them and returns the registry."""

from __future__ import annotations

import importlib

from contractkit.checks.base import REGISTRY, Rule, RuleContext, rule

#: The rule families, in the order the reference lists them. Each is a module of this package.
FAMILIES: tuple[str, ...] = (
    "subject",
    "payment",
    "acceptance",
    "penalty",
    "parties",
    "amount",
    "delivery",
    "dispute",
    "term",
    "quote",
)


def load_rules() -> dict[str, Rule]:
    """Import every family module (registering its rules) and return ``{id: Rule}`` sorted by family order."""
    for family in FAMILIES:
        importlib.import_module(f"contractkit.checks.{family}")
    order = {f: i for i, f in enumerate(FAMILIES)}
    return dict(sorted(REGISTRY.items(), key=lambda kv: (order.get(kv[1].family, 99), kv[0])))


__all__ = ["FAMILIES", "REGISTRY", "Rule", "RuleContext", "load_rules", "rule"]
