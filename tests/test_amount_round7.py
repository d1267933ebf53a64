"""Round 7 (amount): a contract priced and paid in one foreign currency that denies any RMB settlement needs
no exchange rate; one that pays in RMB still does."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

RATE = Settings(select=("amount/no-exchange-rate",))


def rules(text: str) -> set[str]:
    return {f.rule for f in lint_text(text, RATE)}


@pytest.mark.parametrize(
    "clause",
    [
        "本合同以欧元计价和支付，不涉及人民币结算。",
        "货款以港币计价并以港币电汇，不以人民币支付。",
        "价格以美元表示，买方以美元付款而非人民币结算。",
        "全部价款以日元计价、结算，无需折算为人民币支付。",
    ],
)
def test_one_foreign_currency_with_rmb_denied_needs_no_rate(clause: str) -> None:
    text = f"买卖合同\n第一条 合同总价为EUR 86,400.00。\n第二条 {clause}\n"
    assert "amount/no-exchange-rate" not in rules(text)


@pytest.mark.parametrize(
    "clause",
    [
        "本合同以欧元计价，买方以人民币支付。",
        "价格以美元计价，买方可以美元或人民币付款。",
        "货款以美元计价，不足部分以人民币支付。",
    ],
)
def test_a_payment_in_rmb_still_needs_a_rate(clause: str) -> None:
    text = f"买卖合同\n第一条 合同总价为USD 86,400.00。\n第二条 {clause}\n"
    assert "amount/no-exchange-rate" in rules(text)


TOTAL = Settings(select=("amount/table-total-mismatch",))


@pytest.mark.parametrize("gap", [" " * 40, " " * 90, "\t\t\t"])
@pytest.mark.parametrize(("stated", "reported"), [("96,500.00", True), ("86,500.00", False)])
def test_a_total_set_far_right_of_its_label_is_read(gap: str, stated: str, reported: bool) -> None:
    text = (
        "产品明细\n"
        "序号  产品名称      规格            数量    单价（元）  金额（元）\n"
        "1     不锈钢法兰    DN100，PN16     500个   121.00      60,500.00\n"
        "2     橡胶垫片      DN100，3mm      2,000片  13.00      26,000.00\n"
        f"合计{gap}{stated}\n"
        "第一条 质量\n按国家标准。\n"
    )
    got = "amount/table-total-mismatch" in {f.rule for f in lint_text(text, TOTAL)}
    assert got is reported


@pytest.mark.parametrize(("stated", "reported"), [("86,500.00", False), ("96,500.00", True)])
def test_a_total_row_with_the_total_quantity_before_the_amount(stated: str, reported: bool) -> None:
    text = (
        "产品明细\n"
        "序号  产品名称      规格            数量      单价（元）  金额（元）\n"
        "1     不锈钢法兰    DN100，PN16     500个     121.00      60,500.00\n"
        "2     橡胶垫片      DN100，3mm      2,000个   13.00       26,000.00\n"
        f"合计                                2,500个                {stated}\n"
        "第一条 质量\n按国家标准。\n"
    )
    got = "amount/table-total-mismatch" in {f.rule for f in lint_text(text, TOTAL)}
    assert got is reported
