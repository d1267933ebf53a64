"""Durations, accuracy round 7: Traditional unit spellings (個月, 小時, 週, 禮拜, 鐘頭), 工作天 and
business days (银行工作日, 营业日) are lengths of the units they name."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.facts.durations import find_durations


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("賣方應於收貨後五個工作天內回覆", "5", "working_day"),
        ("請於十個工作天內完成驗貨", "10", "working_day"),
        ("乙方收到发票后3个工作天内付款", "3", "working_day"),
        ("买方应在收到单据后5个银行工作日内付款", "5", "working_day"),
        ("買方於收到單據後七個銀行工作日內付款", "7", "working_day"),
        ("甲方应于两个营业日内确认", "2", "working_day"),
        ("签约后7个银行营业日内付款", "7", "working_day"),
        ("簽約後7個營業日內付款", "7", "working_day"),
        ("收到發票後十個銀行營業日內付款", "10", "working_day"),
        ("保固期為十八個月", "18", "month"),
        ("一個半月內交清", "1.5", "month"),
        ("到貨後48小時內通知", "48", "hour"),
        ("三週內交貨", "3", "week"),
        ("貨到後三個禮拜內提出", "3", "week"),
        ("货到后两个礼拜内提出", "2", "week"),
        ("六個鐘頭內到場", "6", "hour"),
    ],
)
def test_traditional_and_business_day_units(text: str, value: str, unit: str) -> None:
    assert [(d.value, d.unit) for d in find_durations(text)] == [(Decimal(value), unit)]


@pytest.mark.parametrize("text", ["第3個工作天", "成立10週年", "2027年3月5日", "每個工作天上午"])
def test_ordinals_anniversaries_and_dates_stay_out(text: str) -> None:
    assert find_durations(text) == []
