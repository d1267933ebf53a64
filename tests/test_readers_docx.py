"""read_docx on a document built with python-docx: order, Locations, nested tables, merged cells, headings."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from contractkit.readers.docx import read_docx


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = docx.Document()
    d.add_paragraph("销售合同")  # body 1
    d.add_heading("总则", level=1)  # body 2 (Heading style)
    d.add_paragraph("")  # body 3, empty: counted, no block
    d.add_paragraph("第五条 验收")  # body 4, heading by its text
    d.add_paragraph("買方應於驗收合格後５個工作日內付款。")  # body 5, Traditional + full-width
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "品名"
    table.cell(0, 1).text = "数量"
    table.cell(0, 2).text = "单价"
    merged = table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge: read once
    merged.text = "服务器"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "10台（合并）"  # horizontal merge
    cell = table.cell(2, 1)
    cell.text = "第一段"
    cell.add_paragraph("")
    cell.add_paragraph("第三段")
    nested = cell.add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "内表甲"
    nested.cell(0, 1).text = "内表乙"
    d.add_paragraph("付款方式：____")  # body 6
    path = tmp_path_factory.mktemp("docx") / "built.docx"
    d.save(path)
    return path


def _find(doc, text):
    return [b for b in doc.blocks if b.text == text]


def test_body_paragraphs_numbered_with_empty_ones(built: Path) -> None:
    doc = read_docx(built)
    assert doc.kind == "docx"
    (first,) = _find(doc, "销售合同")
    assert first.location.paragraph == 1 and first.location.table is None
    (clause,) = _find(doc, "第五条 验收")
    assert clause.location.paragraph == 4
    (last,) = _find(doc, "付款方式：____")
    assert last.location.paragraph == 6
    assert doc.meta["paragraphs"] == 6


def test_headings_by_style_and_by_text(built: Path) -> None:
    doc = read_docx(built)
    (h1,) = _find(doc, "总则")
    assert h1.kind == "heading" and h1.style == "Heading 1"
    (clause,) = _find(doc, "第五条 验收")
    assert clause.kind == "heading" and clause.style == "Normal"
    (body,) = _find(doc, "销售合同")
    assert body.kind == "paragraph"


def test_table_cells_merged_read_once(built: Path) -> None:
    doc = read_docx(built)
    (server,) = _find(doc, "服务器")
    assert (server.location.table, server.location.row, server.location.cell) == (1, 2, 1)
    assert server.kind == "cell" and server.location.paragraph == 1
    (wide,) = _find(doc, "10台（合并）")
    assert (wide.location.row, wide.location.cell) == (2, 2)
    (price,) = _find(doc, "单价")
    assert (price.location.row, price.location.cell) == (1, 3)


def test_cell_paragraphs_and_nested_table_in_order(built: Path) -> None:
    doc = read_docx(built)
    texts = [b.text for b in doc.blocks]
    assert (
        texts.index("第一段") < texts.index("第三段") < texts.index("内表甲") < texts.index("付款方式：____")
    )
    (third,) = _find(doc, "第三段")
    assert (third.location.table, third.location.row, third.location.cell, third.location.paragraph) == (
        1,
        3,
        2,
        3,
    )
    (inner,) = _find(doc, "内表乙")
    assert (inner.location.table, inner.location.row, inner.location.cell) == (2, 1, 2)
    assert doc.meta["nested_tables"] == {2: (1, 3, 2)}


def test_traditional_normalized_original_kept(built: Path) -> None:
    doc = read_docx(built)
    (pay,) = _find(doc, "買方應於驗收合格後５個工作日內付款。")
    assert pay.norm == "买方应于验收合格后5个工作日内付款。"
    assert len(pay.norm) == len(pay.text)


def test_indexes_are_positions(built: Path) -> None:
    doc = read_docx(built)
    assert [b.location.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(len(b.norm) == len(b.text) for b in doc.blocks)
