"""How `make eval` tells that a finding quotes a labelled defect's text."""

from __future__ import annotations

import pytest

from contractkit.evaluation import overlaps


@pytest.mark.parametrize(
    ("snippet", "quote"),
    [
        ("GY-L80 挂灯 约 4000 只 1.95 7,800.00", "约4,000只"),  # a scan drops the thousands comma
        ("合计 1234567.00 元", "1,234,567.00"),
        ("1  实心焊丝  约30,000  7.20  216,000.00", "约30,000"),  # a figure right before the next column
        ("质量保证期为 12 个月", "质量保证期为12个月"),
        ("買方應於到貨後三日內驗收", "买方应于到货后三日内验收"),
    ],
)
def test_the_same_text_read_differently_overlaps(snippet: str, quote: str) -> None:
    assert overlaps(snippet, quote)


@pytest.mark.parametrize(
    ("snippet", "quote"),
    [("约 400 只", "约4,000只"), ("单价 1,950.00", "19,500.00"), ("交货期 30 日", "付款期限为九十日")],
)
def test_different_text_does_not(snippet: str, quote: str) -> None:
    assert not overlaps(snippet, quote)
