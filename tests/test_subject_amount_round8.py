"""Round 8 (amount): a list of goods laid out as text lines whose price or amount the row reader does not take
(a whole-number price, 元 after the figures) is not all read, so its total is not compared with the rows
read."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

AMOUNT = Settings(select=("amount",))


def _rules(text: str) -> set[str]:
    return {f.rule for f in lint_text(text, AMOUNT)}


@pytest.mark.parametrize(
    "rows",
    [
        # a whole-number price beside a whole-number amount
        ("切割机 J3G-400 4台 1,280 5,120", "砂轮片 400mm 50片 36 1,800", "合计 6,920"),
        # the price and the amount both carry 元, the price per unit
        (
            "切割机 J3G-400 4台 1,280.00元 5,120.00元",
            "砂轮片 400mm 50片 36元/片 1,800.00元",
            "合计 6,920.00元，大写陆仟玖佰贰拾元整。",
        ),
        # a lump-sum line: one 项 at a whole-number price with 元
        ("切割机 J3G-400 4台 1,280.00 5,120.00", "上门调试 1项 900元 900.00元", "一共 6,020.00元"),
    ],
)
def test_rows_not_read_leave_the_total_unchecked(rows: tuple[str, ...]) -> None:
    text = "工具采购单\n品名 规格 数量 单价 金额\n" + "\n".join(rows) + "\n交货：签订后7天内送到。\n"
    assert "amount/table-total-mismatch" not in _rules(text)


def test_rows_all_read_still_checked_against_the_total() -> None:
    text = (
        "工具采购单\n品名 规格 数量 单价 金额\n"
        "切割机 J3G-400 4台 1,280.00 5,120.00\n砂轮片 400mm 50片 36.00 1,800.00\n合计 7,920.00\n"
    )
    assert "amount/table-total-mismatch" in _rules(text)


SUBJECT = Settings(select=("subject",))


def _subject_rules(text: str) -> set[str]:
    return {f.rule for f in lint_text(text, SUBJECT)}


@pytest.mark.parametrize(
    "line",
    [
        "标的：液压挖掘机 XE215，斗容 1.0m³，整机重量约 21.5t，2 台，单价¥680,000.00；",
        "标的：柴油发电机组，额定功率约 500kW，1 套，总价¥420,000.00；",
        "标的：离心泵，流量约 80m³/h，扬程 32m，3 台，每台¥18,600.00。",
    ],
)
def test_approximate_property_of_counted_goods_is_no_vague_quantity(line: str) -> None:
    text = f"设备买卖合同\n第一条 标的\n{line}\n第二条 交货\n签订后30日内交货。\n"
    assert "subject/vague-quantity" not in _subject_rules(text)


@pytest.mark.parametrize(
    "line",
    [
        "标的：螺纹钢 HRB400，重约 120吨，单价¥3,900.00/吨。",  # the weight is how much is bought
        "标的：液压挖掘机 XE215，约 3 台，单价¥680,000.00。",  # the count itself is approximate
    ],
)
def test_approximate_quantity_still_reported(line: str) -> None:
    text = f"设备买卖合同\n第一条 标的\n{line}\n第二条 交货\n签订后30日内交货。\n"
    assert "subject/vague-quantity" in _subject_rules(text)


@pytest.mark.parametrize(
    "line",
    [
        "产品清单（云栖湾三期住宅精装修室内门）：实木复合门 800×2100mm，20 樘。",
        "标的：公寓精装修木地板，多层实木 15mm，E0 级，1,200 平方米。",
        "标的：酒店精装修卫浴五金，304 不锈钢，壁厚 1.2mm，300 套。",
    ],
)
def test_fit_out_of_a_building_is_no_subjective_quality(line: str) -> None:
    text = f"采购合同\n第一条 标的\n{line}\n第二条 交货\n签订后30日内交货。\n"
    assert "subject/subjective-quality" not in _subject_rules(text)


def test_fit_out_words_of_the_goods_still_reported() -> None:
    text = "采购合同\n第一条 标的\n标的：画册，精装，铜版纸 157g，500 本，质量要求美观。\n"
    assert "subject/subjective-quality" in _subject_rules(text)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        (
            "采购单\n1. 钢管：共200根，每根50元，合计10,000.00元。\n"
            "2. 扣件：共500个，每个4元，合计2,000.00元。\n"
            "两样总共12,000.00元，大写壹万贰仟元整。\n",
            "12000.00",
        ),
        (
            "采购单\n1. 水泥：每吨420元，共30吨，合计12,600.00元；\n"
            "2. 砂：每吨90元，共50吨，合计4,500.00元。\n"
            "以上一共17,100.00元（壹万柒仟壹佰元整）。\n",
            "17100.00",
        ),
        # one item: its 合计 is the total
        ("采购单\n钢管共200根，单价50元，合计10,000.00元。\n交货后付清。\n", "10000.00"),
    ],
)
def test_total_is_not_one_item_lines_subtotal(text: str, total: str) -> None:
    from decimal import Decimal

    from contractkit.contract.extract import extract_text

    assert extract_text(text).amount.total.value == Decimal(total)
