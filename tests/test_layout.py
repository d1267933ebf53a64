"""Layout of the bundled templates on real PDFs (LibreOffice), read back with pdfplumber word positions and
table cells: every amount and quantity on one line and right-aligned, no item row split across pages, the
header row repeated, 合计 and 大写 together with the table, the signature block on one page."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from conftest import soffice_to_pdf
from test_layout_deals import all_deals, render_all

from contractkit.render.context import build_context

pytestmark = pytest.mark.slow
NAMES = list(all_deals())
HEADER = ["序号", "产品名称及型号", "规格及技术参数", "单位", "数量", "单价", "优惠", "金额"]


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    """name → (deal, docx, pdf) for every sample and the generated long deals."""
    return render_all(tmp_path_factory.mktemp("layout"), soffice_to_pdf)


def _item_tables(pdf: Path) -> list[tuple[int, list[list[str]], object, object]]:
    """(page number, rows of normalized cell texts, the Table, the page) of each item-table part."""
    out = []
    doc = pdfplumber.open(pdf)
    for no, page in enumerate(doc.pages, 1):
        for table in page.find_tables():
            rows = [[_norm(c) for c in row] for row in table.extract()]
            if any(row[:8] == HEADER for row in rows) or (rows and len(rows[0]) == 8):
                out.append((no, rows, table, page))
    return out


def _cell_words(page, bbox: tuple[float, float, float, float]) -> list[dict]:
    """The words of the characters whose centre lies in ``bbox`` (glyph boxes overhang cell borders)."""
    x0, top, x1, bottom = bbox

    def inside(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return False
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return x0 <= cx <= x1 and top <= cy <= bottom

    return page.filter(inside).extract_words()


def _expected_rows(deal: dict) -> list[list[str]]:
    ctx = build_context(deal)
    return [
        [
            str(it["no"]),
            _norm(it["name"] + (f"（型号：{it['model']}）" if it["model"] else "")),
            _norm(it["specification"]),
            it["unit"],
            it["quantity"],
            it["unit_price"],
            it["discount"],
            it["net"],
        ]
        for it in ctx["items"]
    ]


@pytest.mark.parametrize("name", NAMES)
def test_every_item_row_is_whole_on_one_page(rendered, name):
    deal, _, pdf = rendered[name]
    parts = _item_tables(pdf)
    found = [row for _, rows, _, _ in parts for row in rows]
    for expected in _expected_rows(deal):
        assert expected in found, f"{name}: item {expected[0]} split or garbled: {expected}"


@pytest.mark.parametrize("name", NAMES)
def test_header_row_on_every_page_of_the_item_table(rendered, name):
    parts = _item_tables(rendered[name][2])
    assert parts
    for page, rows, _, _ in parts:
        assert rows[0] == HEADER, f"{name}: page {page} continues the item table without its header"


@pytest.mark.parametrize("name", NAMES)
def test_amounts_and_quantities_on_one_line_and_right_aligned(rendered, name):
    checked = 0
    for page_no, _, table, page in _item_tables(rendered[name][2]):
        for row in table.rows:
            cells = row.cells
            for col in (4, 5, 6, 7):
                if len(cells) <= col or cells[col] is None:
                    continue
                x0, _, x1, _ = cells[col]
                words = _cell_words(page, cells[col])
                if not words or words[0]["text"] in HEADER or words[0]["text"] == "—":
                    continue
                lines = {round(w["top"]) for w in words}
                assert len(lines) == 1, f"{name} p{page_no}: {' '.join(w['text'] for w in words)} wraps"
                left, right = words[0]["x0"] - x0, x1 - words[-1]["x1"]
                assert right < left, f"{name} p{page_no}: {words[0]['text']} is not right-aligned"
                checked += 1
    assert checked >= 3 * len(rendered[name][0]["items"])


@pytest.mark.parametrize("name", NAMES)
def test_totals_and_upper_with_the_table(rendered, name):
    deal, _, pdf = rendered[name]
    ctx = build_context(deal)
    for page, rows, _, _ in _item_tables(pdf):
        labels = [r[0] for r in rows]
        if any(label.startswith("合计金额（大写）") for label in labels):
            total = next(r for r in rows if r[0].startswith("合计金额（") and "大写" not in r[0])
            assert total[-1] == ctx["totals"]["total"]
            assert any(r[0].isdigit() for r in rows), f"{name}: 合计 on page {page} without an item row"
            return
    pytest.fail(f"{name}: 合计金额 and 大写 not in one table part on one page")


@pytest.mark.parametrize("name", NAMES)
def test_signature_block_on_one_page(rendered, name):
    deal, _, pdf = rendered[name]
    with pdfplumber.open(pdf) as doc:
        texts = [_norm(page.extract_text()) for page in doc.pages]
    if deal["kind"] == "contract":
        parts = ["甲方（盖章）", "乙方（盖章）", "法定代表人或授权代表（签字）", "日期：年月日"]
    else:
        parts = ["五、联系方式", "报价单位：", "报价单位（盖章）", "日期："]
    pages = [i for i, text in enumerate(texts) if all(p in text for p in parts)]
    assert pages, f"{name}: the signature block is split over pages"
    last = texts[pages[-1]]
    if deal["kind"] == "contract":
        assert last.count("法定代表人或授权代表（签字）") == 2 and last.count("日期：年月日") == 2
