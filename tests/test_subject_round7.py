"""Round 7 (subject): a colloquial goods list (东西 | 要求 | 数量 …) is an item table that counts the goods a
preamble announces as 一批; a vague count of the parties' own circumstances (设有多个校区) before the phrase
that buys is no vague quantity."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.lint import lint_text

VAGUE = Settings(select=("subject/vague-quantity",))


def rules(text: str) -> set[str]:
    return {f.rule for f in lint_text(text, VAGUE)}


@pytest.mark.parametrize(
    "head", ["东西\t要求\t数量\t单价\t小计", "物品\t规格\t数量\t单价\t金额", "货品\t要求\t数量\t单价\t小计"]
)
def test_an_everyday_goods_list_is_an_item_table(head: str) -> None:
    text = (
        "买咖啡机的协议\n甲方：武汉豆香咖啡有限公司\n乙方：武汉汇泉餐饮设备有限公司\n"
        "我们店里要开分店，找乙方买一批咖啡机和配套的东西，商量好了写下来。\n"
        "一、买什么、多少钱\n"
        f"{head}\n"
        "半自动咖啡机\t双头，15bar，不锈钢机身\t2台\t8600元\t17200元\n"
        "磨豆机\t64毫米平刀，定量出粉\t2台\t2300元\t4600元\n"
        "总共21800元。\n二、其他\n签字后生效。\n"
    )
    items = extract_text(text).subject.items
    assert [it.name for it in items] == ["半自动咖啡机", "磨豆机"]
    assert all(it.quantity is not None for it in items)
    assert "subject/vague-quantity" not in rules(text)


@pytest.mark.parametrize(
    "clause",
    [
        "甲方在上海设有多个门店，需长期采购咖啡豆及耗材。",
        "甲方旗下有若干分校，拟向乙方订购教学钢琴。",
        "买方拥有多个养殖基地，现向卖方购买饲料。",
    ],
)
def test_the_parties_own_circumstances_are_not_a_vague_quantity(clause: str) -> None:
    text = f"第一条 标的\n{clause}具体数量以每次订单为准。\n"
    assert "subject/vague-quantity" not in rules(text)


@pytest.mark.parametrize(
    "clause",
    [
        "第一条 标的\n办公设备一批，由乙方供应。",
        "第一条 标的\n甲方向乙方采购办公设备一批。",
        "第一条 标的\n甲方有一批旧设备需要处理，乙方采购其中的若干台。",
    ],
)
def test_a_vague_quantity_of_the_goods_is_still_reported(clause: str) -> None:
    assert "subject/vague-quantity" in rules(clause + "\n")


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("一、卖的东西、多少、多少钱", "2. 包装纸箱一批，够装这些货用，打包算3,600.00元。"),
        ("一、要的货", "1. 不锈钢餐盘，直径26厘米，大概800个左右，每个12元。"),
        ("一、订的货和价钱", "3. 配套螺丝若干，随货送。"),
        ("二、买多少、怎么算钱", "1. 红砖大约3万块，按实际送到的算。"),
    ],
)
def test_an_everyday_goods_heading_makes_its_lines_subject_clauses(heading: str, line: str) -> None:
    parties = "甲方：温州瓯江餐饮有限公司\n乙方：温州鹿城百货有限公司"
    text = f"买卖协议\n{parties}\n{heading}\n{line}\n二、其他\n签字生效。\n"
    assert "subject/vague-quantity" in rules(text)


def test_an_everyday_goods_heading_with_exact_counts_is_not_vague() -> None:
    text = (
        "买卖协议\n甲方：温州瓯江餐饮有限公司\n乙方：温州鹿城百货有限公司\n一、要的货\n"
        "1. 不锈钢餐盘，直径26厘米，800个，每个12元。\n二、怎么送\n乙方送到甲方店里，离仓库大概3公里。\n"
    )
    assert "subject/vague-quantity" not in rules(text)


def test_a_preamble_batch_before_a_table_with_an_uncounted_row_is_not_reported_twice() -> None:
    text = (
        "买咖啡机的协议\n甲方：武汉豆香咖啡有限公司\n乙方：武汉汇泉餐饮设备有限公司\n"
        "我们店里要开分店，找乙方买一批咖啡机和配套的东西，商量好了写下来。\n"
        "一、买什么、多少钱\n东西\t要求\t数量\t单价\t小计\n"
        "半自动咖啡机\t双头，15bar，不锈钢机身\t2台\t8600元\t17200元\n"
        "咖啡杯\t陶瓷，白色，每箱48只\t若干\t300元\t900元\n二、其他\n签字后生效。\n"
    )
    found = [f for f in lint_text(text, Settings(select=("subject",))) if f.rule.startswith("subject/")]
    assert [f.rule for f in found if "一批" in (f.message or "")] == []
    assert any(f.rule == "subject/unquantified-item" for f in found)


QUALITY = Settings(select=("subject/no-quality-standard",))


@pytest.mark.parametrize(
    ("name", "spec", "reported"),
    [
        ("训练球", "三星训练球，白色，每盒100个", False),
        ("大米", "一级，东北粳米，袋装", False),
        ("茶叶", "特级龙井，罐装", False),
        ("白砂糖", "优等品，袋装", False),
        ("抹布", "白色，每包10条", True),
    ],
)
def test_a_grade_identifies_what_is_sold(name: str, spec: str, reported: bool) -> None:
    text = (
        "采购合同\n第一条 标的\n| 货物名称 | 规格 | 数量 | 单价 |\n"
        f"| {name} | {spec} | 20 | 100元 |\n"
        "第二条 保修\n质保期12个月，质保期内出现质量问题的，乙方负责免费更换。\n"
    )
    got = "subject/no-quality-standard" in {f.rule for f in lint_text(text, QUALITY)}
    assert got is reported


@pytest.mark.parametrize(
    "clause",
    ["乙方现有若干台旧机床，出售给甲方。", "甲方拥有一批二手货架，卖给乙方。"],
)
def test_the_sellers_own_stock_sold_as_counted_is_still_vague(clause: str) -> None:
    assert "subject/vague-quantity" in rules(f"第一条 标的\n{clause}\n")


@pytest.mark.parametrize(
    ("spec", "reported"),
    [
        ("二手，无油静音型，1拖3", False),
        ("2021年买的，带遥控", False),
        ("八成新，带遥控", False),
        ("黑色，带遥控", True),
    ],
)
def test_a_used_item_is_identified_by_its_description(spec: str, reported: bool) -> None:
    text = (
        "采购合同\n第一条 标的\n| 货物名称 | 规格 | 数量 | 单价 |\n"
        f"| 空压机 | {spec} | 1台 | 3200元 |\n"
        "第二条 保修\n质保期12个月，质保期内出现质量问题的，乙方负责免费更换。\n"
    )
    got = "subject/no-quality-standard" in {f.rule for f in lint_text(text, QUALITY)}
    assert got is reported


def test_a_quality_requirement_column_is_not_the_spec() -> None:
    text = (
        "采购合同\n第一条 标的\n"
        "| 名称 | 型号/配置 | 数量 | 单位 | 单价 | 技术标准/质量要求 |\n"
        "| 电动叉车 | 型号按买方需要另行确定 | 4 | 台 | 86,000.00 | GB/T 10827；出厂检验合格 |\n"
    )
    (item,) = extract_text(text).subject.items
    assert item.spec != "GB/T 10827；出厂检验合格"
    assert "subject/unquantified-item" in {f.rule for f in lint_text(text, Settings(select=("subject",)))}
