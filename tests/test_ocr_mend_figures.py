"""OCR misreadings in money are mended before any rule reads a scan: 大写 look-alikes, ¥ read as %, dots."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.lint import lint_document
from contractkit.readers import ocr
from contractkit.readers.dispatch import read_document
from contractkit.readers.ocr import mend_figures

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("人民币玖什伍佰元整", "人民币玖仟伍佰元整"),
        ("美元贰万陆任肆佰元整", "美元贰万陆仟肆佰元整"),
        ("壹万贰仔元整", "壹万贰仟元整"),
        ("叁伯元整", "叁佰元整"),
        ("新臺幣陸萬參什元整", "新臺幣陸萬參仟元整"),
        ("（%9,000.00）", "（¥9,000.00）"),
        ("单价 1.950.00 元", "单价 1,950.00 元"),
        ("合计 1.234.567.00", "合计 1,234,567.00"),
    ],
)
def test_money_misreadings_are_mended(read: str, meant: str) -> None:
    assert mend_figures(read) == meant


@pytest.mark.parametrize(
    "text",
    ["什么时候交货", "伍仟任务", "税率 13%，计 5%", "4.000 吨", "1.950.001", "版本 2.1.3", "参加验收"],
)
def test_what_is_no_misreading_stays(text: str) -> None:
    assert mend_figures(text) == text


@given(st.text(alphabet="0123456789.,%¥元仟什伍佰玖整 ", max_size=30))
def test_mending_keeps_the_length(text: str) -> None:
    assert len(mend_figures(text)) == len(text)


@pytest.mark.skipif(not ocr.available(), reason="needs Tesseract (chi_sim, chi_tra)")
def test_a_scanned_order_whose_upper_case_sum_disagrees_is_found_and_its_clean_base_passes():
    bad = read_document(CORPUS / "extra42" / "w41_b05_v1_restock_po_scanned.pdf")
    assert "upper-mismatch" in {f.rule.split("/")[-1] for f in lint_document(bad)}
    good = read_document(CORPUS / "extra42" / "w41_b05_restock_po_scanned.pdf")
    assert not [f for f in lint_document(good) if f.rule.startswith("amount/")]
