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


# -- a supplement or price annex that leaves the rest to its main agreement is placed under it ---------------

PARTIES = "甲方：杭州锦绣餐饮管理有限公司\n乙方：佛山顺德志恒厨房设备有限公司\n"


@pytest.mark.parametrize(
    ("title", "clause"),
    [
        (
            "《门店设备供货框架协议》补充协议",
            "本补充协议是原协议不可分割的组成部分；本补充协议未约定的，仍按原协议执行。",
        ),
        ("补充协议", "本补充协议为框架协议的组成部分，与框架协议具有同等法律效力。"),
        ("价格调整确认书", "本确认书为框架协议的组成部分，未调整事项仍按框架协议执行。"),
        ("框架协议附件三 调价函", "未修改的条款继续适用框架协议。"),
        ("采购合同变更协议", "除本变更协议所述外，原采购合同其他条款不变，继续有效。"),
        ("補充協議", "本補充協議為原合約之一部分，未約定事項仍依原合約辦理。"),
    ],
)
def test_a_supplement_leaving_the_rest_to_its_main_agreement_is_under_it(title: str, clause: str) -> None:
    text = (
        title
        + "\n"
        + PARTIES
        + "一、原协议第6.1条约定的付款期限调整为验收合格后45日内。\n二、"
        + clause
        + "\n"
    )
    structure = extract_text(text).structure
    assert structure.amends_main is not None
    assert structure.under_agreement
    assert structure.applicable_kind == "call_off"


@pytest.mark.parametrize(
    "clause",
    [
        # a framework speaking of its own annexes and orders
        "附件一《价格表》、附件二《技术规格》是本框架协议不可分割的组成部分。",
        "订单确认书是本框架协议的组成部分，与本框架协议具有同等效力。",
        # a contract made under a framework stays a contract
        "本合同未约定事项按框架协议执行。",
    ],
)
def test_a_main_agreement_or_a_contract_under_one_amends_nothing(clause: str) -> None:
    text = "设备供货框架协议\n" + PARTIES + "一、乙方按订单供货。\n二、" + clause + "\n"
    assert extract_text(text).structure.amends_main is None
