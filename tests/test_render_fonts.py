"""Issue 16 item 10: characters no installed font can draw are named in a warning before they become empty
boxes in a PDF."""

from __future__ import annotations

import pytest

from contractkit.render import fonts


@pytest.fixture
def basic_fonts(monkeypatch):
    """Fonts covering ASCII, Latin-1 and the CJK Unified block only (no Extension B)."""
    monkeypatch.setattr(fonts, "covered_ranges", lambda: ((0x20, 0x7E), (0xA0, 0xFF), (0x4E00, 0x9FFF)))


def test_characters_outside_every_font_are_named(basic_fonts):
    assert fonts.missing_glyphs("合同 𪚥 ABC é 𠀀 𪚥 ★") == ["𪚥", "𠀀", "★"]


def test_no_fontconfig_means_no_claims(monkeypatch):
    monkeypatch.setattr(fonts, "covered_ranges", lambda: None)
    assert fonts.missing_glyphs("𪚥") == []


def test_warning_names_each_character_and_its_code_point(basic_fonts):
    line = fonts.glyph_warning(fonts.missing_glyphs("𪚥"), "x.pdf")
    assert (
        line == "warning: x.pdf: 1 character(s) have no installed font and print as empty boxes: 𪚥 (U+2A6A5)"
    )
    assert "空框" in fonts.glyph_warning(["𪚥"], "x.pdf", "zh")


def test_docx_text_is_checked(basic_fonts, tmp_path):
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("买方张𪚥 & 李")
    buf = io.BytesIO()
    d.save(buf)
    assert fonts.docx_missing_glyphs(buf.getvalue()) == ["𪚥"]


@pytest.mark.skipif(fonts.covered_ranges() is None, reason="fontconfig not installed")
def test_installed_fonts_cover_ordinary_contract_text():
    assert (
        fonts.missing_glyphs("甲方：北京华信办公设备有限公司，金额 ¥1,409.50（人民币壹仟肆佰零玖元伍角整）")
        == []
    )
