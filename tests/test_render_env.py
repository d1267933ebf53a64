"""The template environment and the compiled-template renderer: strict names, escaping, control characters,
malformed output, template lookup, and the same text as a fresh docxtpl render."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from contractkit.deal.load import load_deal
from contractkit.errors import DealInvalid, TemplateError, UsageError
from contractkit.render.context import build_context
from contractkit.render.docx import BUNDLED, load_template, render_docx, resolve_template
from contractkit.render.env import cn_date, get_env

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    for s in doc.sections:
        parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return "\n".join(parts)


def _template(tmp_path: Path, *lines: str) -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "custom.docx"
    doc.save(path)
    return path


@pytest.fixture
def deal() -> dict:
    return load_deal(SAMPLES / "contract-equipment.json")


def test_missing_field_names_the_field_and_the_template(tmp_path, deal):
    tpl = _template(tmp_path, "买方：{{ buyer.name }}", "昵称：{{ buyer.nickname }}")
    with pytest.raises(TemplateError) as info:
        render_docx(deal, template=tpl)
    assert "nickname" in str(info.value) and "custom.docx" in str(info.value)


def test_syntax_error_is_a_template_error(tmp_path, deal):
    tpl = _template(tmp_path, "{% if buyer.name %}没有结束")
    with pytest.raises(TemplateError, match="does not compile"):
        render_docx(deal, template=tpl)


def test_sandbox_blocks_attribute_escapes(tmp_path, deal):
    tpl = _template(tmp_path, "{{ buyer.name.__class__.__mro__ }}")
    with pytest.raises(TemplateError):
        render_docx(deal, template=tpl)


def test_markup_characters_and_control_characters_in_data(tmp_path, deal):
    deal = copy.deepcopy(deal)
    deal["buyer"]["name"] = "A&B <精密> \"机械\" '有限' 公司\x07\x0b"
    data = render_docx(deal)
    text = _text(data)
    assert "A&B <精密> \"机械\" '有限' 公司" in text
    assert "\x07" not in text and "\x0b" not in text
    # the file is a valid zip whose document part parses
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None


def test_newline_in_a_value_becomes_a_line_break(deal):
    deal = copy.deepcopy(deal)
    deal["clauses"][0]["text"] = "第一行\n第二行"
    data = render_docx(deal)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    assert "第一行</w:t><w:br/>" in xml


def test_invalid_deal_is_never_rendered(deal):
    deal = copy.deepcopy(deal)
    del deal["buyer"]["name"]
    with pytest.raises(DealInvalid):
        render_docx(deal)


def test_malformed_output_fails_loudly(tmp_path, deal):
    # raw markup pushed past the escaping (|safe) breaks the XML: caught, not written
    tpl = _template(tmp_path, "{{ '<w:p>' | safe }}{{ buyer.name }}")
    with pytest.raises(TemplateError, match="malformed XML"):
        render_docx(deal, template=tpl)


def test_template_lookup(tmp_path):
    assert resolve_template(None, kind="quote") == BUNDLED / "quote.docx"
    assert resolve_template("sales_contract") == BUNDLED / "sales_contract.docx"
    own = tmp_path / "quote.docx"
    own.write_bytes((BUNDLED / "quote.docx").read_bytes())
    assert resolve_template("quote", templates_dir=tmp_path) == own
    assert resolve_template(str(own)) == own
    with pytest.raises(UsageError, match="unknown template"):
        resolve_template("nope")
    with pytest.raises(UsageError, match="templates folder not found"):
        resolve_template("quote", templates_dir=tmp_path / "missing")


def test_template_is_compiled_once_per_process():
    assert load_template(BUNDLED / "quote.docx") is load_template(BUNDLED / "quote.docx")


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_cached_render_matches_fresh_docxtpl(sample, tmp_path):
    from docxtpl import DocxTemplate

    deal = load_deal(sample)
    ctx = build_context(deal)
    path = resolve_template(None, kind=deal["kind"])
    ours = _text(render_docx(deal))
    tpl = DocxTemplate(str(path))
    tpl.render(ctx, jinja_env=get_env(), autoescape=True)
    out = tmp_path / "fresh.docx"
    tpl.save(out)
    assert ours == _text(out.read_bytes())


def test_context_is_plain_data(deal):
    def check(value):
        if isinstance(value, dict):
            for v in value.values():
                check(v)
        elif isinstance(value, list):
            for v in value:
                check(v)
        else:
            assert value is None or isinstance(value, str | int | bool), type(value)

    check(build_context(deal))


def test_cn_date():
    assert cn_date("2026-11-20") == "2026年11月20日"
    assert cn_date("") == ""
