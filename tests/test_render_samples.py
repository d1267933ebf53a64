"""Nothing lost: every sample renders, and the .docx read back holds every party field, item,
amount and 大写."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import soffice_to_pdf
from docx import Document

from contractkit.deal.derive import compute
from contractkit.deal.load import load_deal
from contractkit.money import amount_to_upper, format_amount
from contractkit.render.docx import render_docx

SAMPLES = sorted(Path(__file__).resolve().parent.parent.joinpath("samples").glob("*.json"))
PARTY_FIELDS = ("name", "credit_code", "address", "legal_representative", "contact", "phone", "email")


def docx_text(path: Path) -> str:
    """All text of a .docx: body paragraphs, table cells (nested too), headers and footers."""
    doc = Document(str(path))
    out: list[str] = []

    def walk(container) -> None:
        for p in container.paragraphs:
            out.append(p.text)
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(doc)
    for section in doc.sections:
        walk(section.header)
        walk(section.footer)
    return "\n".join(out)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rendered")
    out = {}
    for sample in SAMPLES:
        path = folder / f"{sample.stem}.docx"
        path.write_bytes(render_docx(load_deal(sample)))
        out[sample.stem] = path
    return out


def test_there_are_samples_of_both_kinds():
    kinds = {load_deal(s)["kind"] for s in SAMPLES}
    assert kinds == {"quote", "contract"}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_nothing_lost(sample: Path, rendered: dict[str, Path]):
    deal = load_deal(sample)
    text = docx_text(rendered[sample.stem])
    assert "{{" not in text and "{%" not in text and "}}" not in text
    for role in ("seller", "buyer"):
        party = deal[role]
        for key in PARTY_FIELDS:
            if party.get(key):
                assert str(party[key]) in text, f"{role}.{key} missing"
        for key in ("name", "account"):
            if party.get("bank", {}).get(key):
                assert party["bank"][key] in text, f"{role}.bank.{key} missing"
    totals = compute(deal)
    for item, line in zip(deal["items"], totals.lines, strict=True):
        assert item["name"] in text
        assert item["specification"] in text
        if item.get("model"):
            assert item["model"] in text
        assert format_amount(line.net) in text
    assert format_amount(totals.total) in text
    upper = amount_to_upper(totals.total)
    if deal["price"]["currency"] != "CNY":
        upper = upper.removeprefix("人民币")
    assert upper in text
    for amount in totals.installments:
        assert format_amount(amount) in text
    assert deal["number"] in text


def test_contract_has_every_section_heading_and_signature_block(rendered):
    doc = Document(str(rendered["contract-equipment"]))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    expected = [
        "标的物",
        "价格与付款",
        "交付",
        "验收",
        "质量保证",
        "违约责任",
        "不可抗力",
        "保密",
        "变更与解除",
        "争议解决",
        "其他",
    ]
    assert [h.split(" ", 1)[1] for h in headings] == expected
    assert headings[0].startswith("第一条") and headings[-1].startswith("第十一条")
    text = docx_text(rendered["contract-equipment"])
    assert "甲方（盖章）" in text and "乙方（盖章）" in text and "法定代表人或授权代表（签字）" in text
    # the data's dispute method only: arbitration at the named commission, no court wording
    assert "北京仲裁委员会" in text and "提起诉讼" not in text
    assert "签订书面补充协议" in text and "口头约定" in text
    # a CNY deal has no exchange-rate clause, the USD one has one
    assert "汇率" not in text
    assert "汇率" in docx_text(rendered["contract-export-usd"])


def test_installment_sentences_name_trigger_deadline_and_amount(rendered):
    text = docx_text(rendered["contract-equipment"])
    assert "合同生效后5个工作日内支付合同总价的30%，计人民币贰拾万零贰仟捌佰元整（¥202,800.00）" in text


def test_fonts_and_page_numbers(rendered):
    import zipfile

    with zipfile.ZipFile(rendered["contract-equipment"]) as z:
        styles = z.read("word/styles.xml").decode()
        footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert 'w:eastAsia="宋体"' in styles and 'w:eastAsia="黑体"' in styles
    assert "PAGE" in footers


def test_libreoffice_converts_a_rendered_contract(rendered, tmp_path):
    src = rendered["contract-equipment"]
    pdf = soffice_to_pdf(src, tmp_path)
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
        assert len(doc.pages) >= 3
    assert "XS-2026-0158" in text
