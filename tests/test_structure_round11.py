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


# -- a call-off notice under a framework is an order placed under it -----------------------------------------

NOTICE_BODY = (
    "致：佛山顺德志恒厨房设备有限公司\n"
    "品名：不锈钢双层工作台 1500×600×800mm，数量12张，单价1,180.00元，金额14,160.00元（含税）。\n"
    "到货时间：2027年5月8日前送达杭州市萧山区建设一路66号。\n"
)


@pytest.mark.parametrize("title", ["要货通知单", "订货通知书", "供货通知单", "備貨通知單", "Call-off Order"])
@pytest.mark.parametrize(
    "reference",
    [
        "根据双方框架协议第3.2条，我司现要货如下：",
        "依据《2027年度门店设备供货框架协议》，现通知备货：",
        "其余事项按框架协议约定执行。",
    ],
)
def test_a_call_off_notice_referring_to_its_framework_is_under_it(title: str, reference: str) -> None:
    structure = extract_text(title + "\n" + reference + "\n" + NOTICE_BODY).structure
    assert structure.kind == "order"
    assert structure.under_agreement


def test_a_call_off_notice_that_refers_to_nothing_is_an_order_on_its_own() -> None:
    structure = extract_text("要货通知单\n" + NOTICE_BODY).structure
    assert structure.kind == "order"
    assert not structure.under_agreement


def test_a_clause_that_mentions_a_notice_is_no_title() -> None:
    text = "设备买卖合同\n买方：杭州锦绣餐饮管理有限公司\n乙方收到甲方要货通知后3日内发货。\n"
    assert extract_text(text).structure.kind == "contract"
