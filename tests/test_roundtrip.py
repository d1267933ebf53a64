"""The product's roundtrip: every string, money value, percentage and date of a deal is found in the rendered
.docx and in its PDF (table cells read as cells), for every sample and the generated long deals."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from conftest import soffice_to_pdf
from docx import Document
from test_layout_deals import all_deals, render_all

from contractkit.money import format_amount
from contractkit.render.env import cn_date, percent

pytestmark = pytest.mark.slow
NAMES = list(all_deals())
#: enum codes, rendered as wording (their sentences are covered by test_render_*), and the schema pointer
CODES = {
    "$schema",
    "kind",
    "event",
    "unit",
    "start",
    "per",
    "basis",
    "carrier",
    "cost_bearer",
    "risk_transfer",
    "tester",
    "test_cost_bearer",
    "effective",
    "currency",
    "tax_included",
    "deemed_acceptance",
    "role",
}
MONEY = {"unit_price", "discount", "amount", "line_total", "subtotal", "untaxed", "tax", "total"}
PERCENT = {"percent", "vat_rate", "rate", "cap_percent"}
DATES = {"date", "valid_until", "end"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_values(deal: dict) -> list[tuple[str, str]]:
    """(JSON pointer, text as the document shows it) for every value of ``deal`` a reader should find."""
    out: list[tuple[str, str]] = []

    def walk(node, pointer: str, key: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{pointer}/{k}", k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{pointer}/{i}", key)
        elif key in CODES or isinstance(node, bool) or (key == "method" and "/dispute/" in pointer):
            return
        elif key in MONEY and "/discounts/" not in pointer:
            out.append((pointer, format_amount(Decimal(str(node)))))
        elif key in PERCENT:
            out.append((pointer, percent(node) + "%"))
        elif key in DATES or (key == "start" and "/term/" in pointer):
            out.append((pointer, cn_date(node)))
        elif key == "country" and node == "CN":
            return
        else:
            out.append((pointer, str(node)))

    walk(deal, "", "")
    term = deal.get("term")
    if term:
        out.append(("/term/start", cn_date(term["start"])))
    return out


def docx_text(path: Path) -> str:
    """Paragraphs and every table cell of the body, normalized."""
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return _norm("\n".join(parts))


def pdf_text(path: Path) -> str:
    """Every page's text and its table cells read as cells, normalized."""
    parts = []
    with pdfplumber.open(path) as doc:
        for page in doc.pages:
            parts.append(page.extract_text() or "")
            for table in page.extract_tables():
                parts.extend(c or "" for row in table for c in row)
    return _norm("\n".join(parts))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    return render_all(tmp_path_factory.mktemp("roundtrip"), soffice_to_pdf)


def test_expected_values_cover_the_deal_fields():
    deal = all_deals()["quote-office"]
    values = dict(expected_values(deal))
    assert values["/customer_number"] == "202603-007"
    assert values["/title"] == "办公IT设备报价单"
    assert values["/items/0/unit_price"] == "8,999.00"
    assert values["/valid_until"] == "2026年4月1日"


@pytest.mark.parametrize("name", NAMES)
def test_every_value_in_the_docx(rendered, name):
    deal, docx, _ = rendered[name]
    text = docx_text(docx)
    missing = [(p, v) for p, v in expected_values(deal) if _norm(v) not in text]
    assert not missing, f"{name}: not in the .docx: {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_every_value_in_the_pdf(rendered, name):
    deal, _, pdf = rendered[name]
    text = pdf_text(pdf)
    missing = [(p, v) for p, v in expected_values(deal) if _norm(v) not in text]
    assert not missing, f"{name}: not in the PDF: {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_no_blank_optional_row(rendered, name):
    _, docx, _ = rendered[name]
    for table in Document(str(docx)).tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if cells[0] in {"电子邮箱", "开户银行", "银行账号", "联系人", "国家或地区"}:
                assert any(cells[1:]), f"{name}: {cells[0]} printed blank"


@pytest.mark.parametrize("name", NAMES)
def test_the_item_table_adds_up_on_its_face(rendered, name):
    _, docx, _ = rendered[name]
    table = next(t for t in Document(str(docx)).tables if t.rows[0].cells[0].text == "序号")
    money = lambda s: Decimal(s.replace(",", ""))  # noqa: E731
    lines = Decimal(0)
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    for cells in rows:
        if cells[0].isdigit():
            gross = money(cells[5]) * Decimal(cells[4])
            disc = money(cells[6]) if cells[6] != "—" else Decimal(0)
            assert gross.quantize(Decimal("0.01")) - disc == money(cells[7])
            lines += money(cells[7])
    adjust = {r[0]: money(r[-1]) for r in rows if not r[0].isdigit() and re.search(r"[0-9]", r[-1])}
    total = next(v for k, v in adjust.items() if k.startswith("合计金额（") and "大写" not in k)
    if "货物金额小计" in adjust:
        assert adjust["货物金额小计"] == lines
    assert lines + sum(v for k, v in adjust.items() if k.startswith(("减：", "增值税"))) == total
