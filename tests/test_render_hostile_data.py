"""Issue 16 item 10: deal data is written as it is — docxtpl's ``{_{`` escapes are not applied to data, bidi
controls do not reach the document or a file name, and CON/PRN never name a file."""

from __future__ import annotations

import copy
import io

import pytest
from docx import Document
from fuzz.hostile import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.deal.load import load_deal
from contractkit.render.batch import safe_name
from contractkit.render.docx import render_docx
from contractkit.render.env import strip_control


@pytest.fixture(scope="module")
def quote() -> dict:
    return load_deal(SAMPLES / "quote-office.json")


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.mark.parametrize("name", ["甲{_{ x }_}公司", "乙{_% if 1 %_}公司", "丙}_}{_{公司"])
def test_template_escapes_in_data_are_written_as_is(quote, name):
    deal = copy.deepcopy(quote)
    deal["buyer"]["name"] = name
    assert name in _text(render_docx(deal))


def test_bidi_controls_do_not_reach_the_document(quote):
    deal = copy.deepcopy(quote)
    deal["buyer"]["name"] = "北京\u202e司公限有\u202c贸易有限公司"
    text = _text(render_docx(deal))
    assert "北京司公限有贸易有限公司" in text and "\u202e" not in text


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("CON", "_CON"),
        ("prn.docx", "_prn.docx"),
        ("COM1", "_COM1"),
        ("Q-\u202excod.exe", "Q-xcod.exe"),
        ("A\u2066B\u2069C", "ABC"),
        ("BJ\u200b-1", "BJ-1"),
        ("CONTRACT-1", "CONTRACT-1"),
    ],
)
def test_safe_name_drops_format_characters_and_device_names(number, expected):
    assert safe_name(number) == expected


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_safe_name_is_always_a_plain_file_name(text):
    import unicodedata

    name = safe_name(text)
    assert name and len(name) <= 121 and "/" not in name and "\\" not in name and name not in (".", "..")
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in name)
    assert name.split(".")[0].upper() not in ("CON", "PRN", "AUX", "NUL")
    name.encode("utf-8")


@given(st.text())
def test_finalize_output_is_xml_safe(text):
    out = strip_control(text)
    from lxml import etree

    el = etree.Element("x")
    el.text = out.replace("\ue0ff", "")
