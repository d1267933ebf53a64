"""Issue 16 item 7: the JUnit report is valid XML whatever characters a draft holds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.reports.junit import xml_safe


def test_junit_of_a_draft_with_control_characters_parses(tmp_path, capsys):
    draft = tmp_path / "ctl.txt"
    draft.write_text("合同编号：X\x01\x1b\n买方：若干\x0b公司\n货物一批\x7f，数量若干。\n", encoding="utf-8")
    main(["lint", str(draft), "--format", "junit"])
    out = capsys.readouterr().out
    root = ET.fromstring(out)  # raised "not well-formed (invalid token)" before
    texts = " ".join((el.text or "") + " ".join(el.attrib.values()) for el in root.iter())
    assert root.tag == "testsuites" and "若干" in texts


def test_xml_safe_writes_controls_visibly():
    assert xml_safe("a\x01b\ud800c\x0bd\te\n") == "a\\x01b\\ud800c\\x0bd\te\n"


@given(st.text())
def test_any_text_survives_xml(text):
    el = ET.Element("x", message=xml_safe(text))
    el.text = xml_safe(text)
    back = ET.fromstring(ET.tostring(el, encoding="unicode"))

    def norm(s: str) -> str:  # an XML parser reads \r\n and \r as \n
        return s.replace("\r\n", "\n").replace("\r", "\n")

    assert norm(back.text or "") == norm(xml_safe(text))
