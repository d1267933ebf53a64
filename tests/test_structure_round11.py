"""Round 11: document kinds of the trade style — a proforma invoice is the seller's priced offer (a quote)."""

from __future__ import annotations

import pytest

from contractkit.contract.extract import extract_text

LINES = (
    "Seller 卖方：苏州柯菲诺商用咖啡设备有限公司\nBuyer 买方：上海瑞庭酒店管理有限公司\n"
    "1 CF-820 全自动商用意式咖啡机 4 台 40,600.00 5% 38,570.00 154,280.00\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "PROFORMA INVOICE 形式发票 PI No. 编号：CFN-PI-2026-0412 Date 日期：2026年2月24日",
        "形式发票",
        "形式發票",
        "Pro Forma Invoice",
        "PRO-FORMA INVOICE No.: XM-2027-031",
    ],
)
def test_a_proforma_invoice_is_a_quote(title: str) -> None:
    assert extract_text(title + "\n" + LINES).structure.applicable_kind == "quote"


@pytest.mark.parametrize("title", ["增值税专用发票", "发票", "商业发票 COMMERCIAL INVOICE"])
def test_an_invoice_is_no_quote(title: str) -> None:
    assert extract_text(title + "\n" + LINES).structure.applicable_kind != "quote"
