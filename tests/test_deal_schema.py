"""The schema files: offline registry, titles in both languages, real format checks."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from referencing.exceptions import Unresolvable
from stdnum.cn import uscc

from contractkit.deal import schema
from contractkit.deal.identifiers import is_valid_phone, is_valid_uscc

META = {"title", "description", "x-title-en", "x-description-en"}


def _walk(node, where, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "if":
                continue
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    if isinstance(prop, dict) and not set(prop) <= {"not", "x-errors", "pattern", "format"}:
                        missing = META - set(prop)
                        if missing:
                            out.append(f"{where}/{name}: {sorted(missing)}")
            _walk(value, f"{where}/{key}", out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _walk(value, f"{where}/{i}", out)


def test_every_property_has_titles_and_descriptions_in_both_languages():
    missing: list[str] = []
    for uri, doc in schema.load_schemas().items():
        _walk(doc, uri, missing)
    assert missing == []
    assert len(schema.load_schemas()) == 4


def test_schema_files_are_draft_2020_12_with_ids():
    for path in schema.schema_dir().glob("*.schema.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert doc["$id"] == f"https://contractkit.dev/schemas/{path.name}"


def test_registry_resolves_offline_and_unknown_uri_fails_cleanly():
    reg = schema.registry()
    resolver = reg.resolver(base_uri="https://contractkit.dev/schemas/contract.schema.json")
    party = resolver.lookup("defs.schema.json#/$defs/party").contents
    assert "credit_code" in party["properties"]
    with pytest.raises(Unresolvable):
        resolver.lookup("https://contractkit.dev/schemas/nope.schema.json")
    with pytest.raises(Unresolvable):
        resolver.lookup("https://example.com/elsewhere.json")


def test_format_checker_formats():
    checker = schema.format_checker()
    assert checker.conforms("91110108MA01X7K2LU", "uscc")
    assert not checker.conforms("91110108MA01X7K2LA", "uscc")
    assert checker.conforms("2028-02-29", "date")
    assert not checker.conforms("2026-02-30", "date")
    assert not checker.conforms("20260101", "date")
    assert checker.conforms("1409.50", "money")
    assert not checker.conforms("1409.505", "money")
    assert not checker.conforms("-1", "money")
    assert not checker.conforms("101", "percent")
    assert not checker.conforms("0", "quantity")


@pytest.mark.parametrize(
    "phone",
    [
        "010-62345678",
        "0512-68761234",
        "021-50801234-8012",
        "13880912345",
        "+86 13880912345",
        "+86-010-62345678",
    ],
)
def test_valid_phones(phone):
    assert is_valid_phone(phone)


@pytest.mark.parametrize("phone", ["62345678", "12880912345", "010-1234", "1388091234", "电话010-62345678"])
def test_invalid_phones(phone):
    assert not is_valid_phone(phone)


_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.text(alphabet=_ALPHABET, min_size=9, max_size=9),
)
def test_uscc_check_character_matches_stdnum(head, tail):
    body = head + tail
    good = body + uscc.calc_check_digit(body)
    assert is_valid_uscc(good)
    wrong = next(c for c in _ALPHABET if c != good[-1])
    assert not is_valid_uscc(body + wrong)
