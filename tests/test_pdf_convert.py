"""Real PDFs from LibreOffice: Chinese text in 宋体 comes back as text, fonts are embedded Noto CJK faces,
every rendered sample keeps its parties, items and totals, and no soffice process outlives the converter."""

from __future__ import annotations

import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from contractkit.render.pdf import PdfConverter

CN_LINES = ["甲方应于验收合格后十日内支付货款", "乙方保证设备符合国家标准GB/T 23570"]
TABLE = [["品名", "数量", "金额"], ["数控车床", "2台", "¥366,000.00"], ["立式加工中心", "1台", "¥298,000.00"]]


def make_cjk_docx(path: Path, paragraphs: int = 30) -> Path:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    doc.add_paragraph("设备买卖合同")
    for i in range(paragraphs):
        doc.add_paragraph(f"第{i + 1}条 {CN_LINES[i % 2]}。")
    table = doc.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.save(str(path))
    return path


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _fonts(pdf_path: Path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) of every font on every page, descending into Type0 descendants."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    found = []
    with open(pdf_path, "rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        for page in PDFPage.create_pages(doc):
            fonts = resolve1(resolve1(page.resources).get("Font", {})) or {}
            assert fonts, "a page without font resources"
            for ref in fonts.values():
                font = resolve1(ref)
                targets = [resolve1(d) for d in resolve1(font.get("DescendantFonts", []))] or [font]
                for t in targets:
                    desc = resolve1(t.get("FontDescriptor", {})) or {}
                    embedded = any(k in desc for k in ("FontFile", "FontFile2", "FontFile3"))
                    found.append((str(resolve1(font.get("BaseFont"))), embedded))
    return found


@pytest.fixture(scope="module")
def converted(tmp_path_factory, samples_dir):
    """Every sample rendered by the Word renderer plus a python-docx file in 宋体, converted in one batch."""
    from contractkit.deal.load import load_deal
    from contractkit.render.docx import render_to_file

    work = tmp_path_factory.mktemp("pdf")
    docs = {"cjk": make_cjk_docx(work / "cjk.docx")}
    deals = {}
    for sample in sorted(samples_dir.glob("*.json")):
        deals[sample.stem] = load_deal(sample)
        docs[sample.stem] = render_to_file(deals[sample.stem], work / f"{sample.stem}.docx")
    pairs = [(d, d.with_suffix(".pdf")) for d in docs.values()]
    with PdfConverter(jobs=2) as conv:
        root = str(conv.profile_root)
        results = dict(conv.convert_many(pairs))
    assert all(err is None for err in results.values()), results
    leftovers = subprocess.run(["pgrep", "-f", root], capture_output=True, text=True).stdout
    return {"docs": docs, "deals": deals, "leftovers": leftovers}


def _text(pdf: Path) -> tuple[str, int]:
    """Page text plus every table column read top to bottom across pages (side-by-side cells interleave in the
    page text, and a cell split by a page break continues in the same column on the next page)."""
    import pdfplumber

    parts: list[str] = []
    columns: dict[tuple[int, int], list[str]] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            parts.append(page.extract_text() or "")
            for table in page.extract_tables():
                for row in table:
                    for j, cell in enumerate(row):
                        columns.setdefault((len(row), j), []).append(cell or "")
        return "\n|".join(parts + ["".join(col) for col in columns.values()]), len(doc.pages)


def test_chinese_in_simsun_is_real_text(converted):
    text, pages = _text(converted["docs"]["cjk"].with_suffix(".pdf"))
    assert "(cid:" not in text
    assert "\ufffd" not in text and "\u25a1" not in text
    flat = _flat(text)
    for line in [*CN_LINES, "设备买卖合同", "第30条"]:
        assert _flat(line) in flat
    for row in TABLE:
        for cell in row:
            assert _flat(cell) in flat
    assert 1 <= pages <= 4


def test_fonts_embedded_and_simsun_maps_to_noto_serif_cjk(converted):
    fonts = _fonts(converted["docs"]["cjk"].with_suffix(".pdf"))
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert any("NotoSerifCJK" in name.replace(" ", "") for name, _ in fonts), fonts


def test_every_sample_keeps_parties_items_and_totals(converted):
    from contractkit.deal.derive import compute
    from contractkit.money import amount_to_upper

    for stem, deal in converted["deals"].items():
        pdf = converted["docs"][stem].with_suffix(".pdf")
        text, pages = _text(pdf)
        flat = _flat(text)
        assert "(cid:" not in text, stem
        for role in ("seller", "buyer"):
            assert _flat(deal[role]["name"]) in flat, (stem, role)
        for item in deal["items"]:
            assert _flat(item["name"]) in flat, (stem, item["name"])
            # a long specification cell can continue on the next page: check each clause of it
            for piece in re.split(r"[，；。]", item.get("specification") or ""):
                assert _flat(piece) in flat, (stem, piece)
        total = compute(deal).total
        assert isinstance(total, Decimal)
        assert _flat(amount_to_upper(total, prefix="")) in flat, (stem, total)
        assert 1 <= pages <= 30, (stem, pages)
        assert all(embedded for _, embedded in _fonts(pdf)), stem


def test_no_soffice_left_after_close(converted):
    assert converted["leftovers"] == ""


def test_convert_single_file_atomic(tmp_path):
    src = make_cjk_docx(tmp_path / "one.docx", paragraphs=3)
    out = tmp_path / "sub" / "one.pdf"
    with PdfConverter() as conv:
        conv.convert(src, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["one.pdf"]  # no temp file left behind


def test_samples_exist(samples_dir):
    assert list(samples_dir.glob("*.json")), "no samples to convert"
    json.loads((samples_dir / "contract-equipment.json").read_text(encoding="utf-8"))
