"""Amounts: figures with 元/万元, ¥, RMB, USD; Chinese numerals; 大写; no phone numbers or dates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.facts import find_amounts

CASES = [
    ("合同总价12万元", "120000", "CNY", False, "12万元"),
    ("总价：¥1,409.50", "1409.50", "CNY", False, "¥1,409.50"),
    ("预付款RMB 500", "500", "CNY", False, "RMB 500"),
    ("USD 20,000", "20000", "USD", False, "USD 20,000"),
    ("20,000美元", "20000", "USD", False, "20,000美元"),
    ("合计5000元", "5000", "CNY", False, "5000元"),
    ("人民币3,000.00元", "3000.00", "CNY", False, "人民币3,000.00元"),
    ("1.5亿元", "150000000", "CNY", False, "1.5亿元"),
    ("违约金三千元", "3000", "CNY", False, "三千元"),
    ("EUR 1,000", "1000", "EUR", False, "EUR 1,000"),
    ("￥ 88", "88", "CNY", False, "￥ 88"),
]


@pytest.mark.parametrize(("text", "value", "cur", "upper", "quoted"), CASES)
def test_figures(text: str, value: str, cur: str, upper: bool, quoted: str) -> None:
    found = find_amounts(text)
    assert len(found) == 1
    a = found[0]
    assert (a.value, a.currency, a.upper) == (Decimal(value), cur, upper)
    assert text[a.span[0] : a.span[1]] == quoted


def test_upper_case_amount() -> None:
    text = "合同总价：人民币壹拾贰万叁仟元整（¥123,000.00）"
    found = find_amounts(text)
    assert [(a.value, a.upper) for a in found] == [(Decimal(123000), True), (Decimal(123000), False)]
    assert text[found[0].span[0] : found[0].span[1]] == "人民币壹拾贰万叁仟元整"


NEGATIVE = [
    "联系电话：010-12345678",
    "签订日期：2026年5月1日",
    "第5条",
    "共3台",
    "支付违约金 万元",
    "金额：        元",
    "按合同总价的30%支付",
    "一次性付清",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_an_amount(text: str) -> None:
    assert find_amounts(text) == []


def test_real_cap_clause(corpus_dir) -> None:
    text = (corpus_dir / "zh" / "beijing-bf-2024-2738-keji-xiaowai-peixun-fuwu.txt").read_text(
        encoding="utf-8"
    )
    line = next(ln for ln in text.splitlines() if "且不得超过5000元" in ln)
    assert Decimal(5000) in [a.value for a in find_amounts(line)]


def test_unit_price_per_hour() -> None:
    found = find_amounts("学时单价：120元/学时，合计人民币12,000元")
    assert [a.value for a in found] == [Decimal(120), Decimal(12000)]


@pytest.mark.parametrize(
    ("text", "currency"),
    [("总价新台币100,000元", "TWD"), ("NT$ 5,000", "TWD"), ("澳门元3,000", "MOP"), ("港币50,000元", "HKD")],
)
def test_more_currencies(text: str, currency: str) -> None:
    (a,) = find_amounts(text)
    assert a.currency == currency
