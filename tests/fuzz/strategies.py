"""Hypothesis strategies for the fuzz suite: JSON-ish values, hostile strings, mutated deals (any leaf of a
sample deal replaced), deals whose text fields hold arbitrary printable strings, and config values."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from contractkit.config import Settings
from fuzz.hostile import HOSTILE_STRINGS, sample_deal

SAMPLE_NAMES = ("contract-equipment.json", "quote-office.json", "contract-software-service.json")
#: Unicode categories a document cannot show as written (controls, format, surrogates, private, unassigned).
INVISIBLE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")

hostile_text = st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=300))
printable_text = st.text(
    alphabet=st.characters(exclude_categories=INVISIBLE), min_size=1, max_size=60
).filter(lambda s: s.strip() == s and s.strip())

numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("1e28"), Decimal("1e30"), Decimal("-0"), Decimal("1e-999"), 0, -1]),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, hostile_text)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def _leaf_paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_leaf_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_leaf_paths(v, (*prefix, i)))
    return out


@st.composite
def mutated_deals(draw: st.DrawFn, max_mutations: int = 3) -> dict:
    """A sample deal with 1–``max_mutations`` of its nodes (leaves or subtrees) replaced by any JSON value."""
    deal = copy.deepcopy(sample_deal(draw(st.sampled_from(SAMPLE_NAMES))))
    for _ in range(draw(st.integers(1, max_mutations))):
        paths = _leaf_paths(deal)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        node = deal
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = draw(json_values)
    return deal


#: Text fields of the sample contract that reach the document verbatim.
TEXT_FIELDS = (("buyer", "name"), ("seller", "name"), ("items", 0, "name"), ("items", 0, "specification"))


@st.composite
def deals_with_strings(draw: st.DrawFn) -> tuple[dict, list[str]]:
    """The equipment contract with arbitrary printable strings in its text fields, and those strings."""
    deal = copy.deepcopy(sample_deal())
    strings = []
    for path in TEXT_FIELDS:
        text = draw(printable_text)
        node = deal
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = text
        strings.append(text)
    return deal, strings


SETTING_NAMES = tuple(f.name for f in Settings.__dataclass_fields__.values())
toml_values = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=True),
        hostile_text,
        st.dates(),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
configs = st.dictionaries(
    st.one_of(st.sampled_from(SETTING_NAMES), st.text(max_size=12)), toml_values, max_size=4
)
