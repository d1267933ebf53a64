"""Item-table columns bound by their headers (contract/item_columns.py): one group or several (per year, per
tax basis), two-row headers, units in the header, and tables left unbound rather than guessed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.contract.item_columns import bind, header_of, is_header_row


def triples(header: list[str]) -> list[tuple[int, int, int]]:
    return [(b.qty, b.price, b.amount) for b in bind(header)]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["序号", "品名", "数量", "单价（元）", "金额（元）"], [(2, 3, 4)]),
        (["品名", "单位", "数量（吨）", "单价（元/吨）", "合价（元）"], [(2, 3, 4)]),
        (["产品", "数量", "目录单价", "折扣", "折后单价", "金额"], [(1, 4, 5)]),
        (["产品", "数量", "含税单价", "金额（元）"], [(1, 2, 3)]),
        (["货物", "订货量", "单价", "小计"], [(1, 2, 3)]),
    ],
)
def test_one_group(header: list[str], expected: list[tuple[int, int, int]]) -> None:
    assert triples(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["品名", "数量", "不含税单价", "含税单价", "不含税金额", "含税金额"],
            [(1, 2, 4), (1, 3, 5)],
        ),
        (
            ["品名", "数量", "单价（不含税）", "金额（不含税）", "单价（含税）", "金额（含税）"],
            [(1, 2, 3), (1, 4, 5)],
        ),
        (
            ["零件", "2027年数量", "2027年单价", "2027年金额", "2028年数量", "2028年单价", "2028年金额"],
            [(1, 2, 3), (4, 5, 6)],
        ),
        (
            [
                "品名",
                "一期采购数量",
                "一期单价（元）",
                "一期金额（元）",
                "二期采购数量",
                "二期单价（元）",
                "二期金额（元）",
            ],
            [(1, 2, 3), (4, 5, 6)],
        ),
    ],
)
def test_groups_bound_by_qualifier_or_tax_basis(
    header: list[str], expected: list[tuple[int, int, int]]
) -> None:
    assert triples(header) == expected


@pytest.mark.parametrize(
    "header",
    [
        # one amount over two years: which quantity × price is it?
        [
            "序号",
            "零件名称",
            "单位",
            "2027年计划数量",
            "2027年单价(元)",
            "2028年计划数量",
            "2028年单价(元)",
            "两年金额(元)",
        ],
        ["品名", "首年数量", "首年单价", "次年数量", "次年单价", "合计金额"],
        # a net price multiplied into a gross amount
        ["产品", "数量", "不含税单价", "含税金额"],
        # no amount column: nothing to check
        ["产品", "数量", "单价"],
        # no quantity column
        ["产品", "单价", "金额"],
    ],
)
def test_unbindable_tables_are_not_checked(header: list[str]) -> None:
    assert bind(header) == []


def test_scale_of_wan_yuan_columns() -> None:
    (b,) = bind(["项目", "数量", "单价（万元）", "金额（万元）"])
    assert b.price_scale == Decimal(10000) and b.amount_scale == Decimal(10000)
    (b,) = bind(["项目", "数量", "单价（元）", "金额（万元）"])
    assert b.price_scale == Decimal(1) and b.amount_scale == Decimal(10000)


def test_discount_column_only_without_a_net_price() -> None:
    (b,) = bind(["产品", "数量", "单价", "优惠", "金额"])
    assert b.discount == 3
    (b,) = bind(["产品", "数量", "单价", "折扣", "折后单价", "金额"])
    assert b.discount is None  # the net price already carries it


def test_two_row_header_with_merged_cells() -> None:
    first = ["序号", "品名", "2027年", "", "", "2028年", "", ""]
    second = ["", "", "数量", "单价", "金额", "数量", "单价", "金额"]
    assert is_header_row(second) and not is_header_row(["1", "螺纹钢", "100", "4,000.00"])
    header = header_of(first, second)
    assert header[:3] == ["序号", "品名", "2027年数量"] and header[7] == "2028年金额"
    assert triples(header) == [(2, 3, 4), (5, 6, 7)]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Item", "Description", "Qty", "Unit Price (USD)", "Amount (USD)"], [(2, 3, 4)]),
        (["No.", "品名 Description", "数量 Quantity", "单价 Unit Price", "总价 Total Price"], [(2, 3, 4)]),
        (["Item", "Quantity", "Price", "Extended"], [(1, 2, 3)]),
    ],
)
def test_english_and_bilingual_headers(header: list[str], expected: list[tuple[int, int, int]]) -> None:
    assert triples(header) == expected


def test_a_composed_price_is_the_unit_price() -> None:
    header = header_of(
        ["序号", "产品", "数量", "单位", "单价(元,含税)", "", "", "金额(元)"],
        ["", "", "", "", "材料费", "加工费", "小计"],
    )
    assert is_header_row(
        ["", "", "", "", "材料费", "加工费", "小计"], ["序号", "产品", "数量", "单位", "单价", "", "", "金额"]
    )
    assert triples(header) == [(2, 6, 7)]
