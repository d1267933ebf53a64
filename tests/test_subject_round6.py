"""Subject rules, accuracy round 6: 多个 before places, site sizes in brackets, an objection period the
seller answers for."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

VAGUE = Settings(select=("subject/vague-quantity",))
STANDARD = Settings(select=("subject/no-quality-standard",))


@pytest.mark.parametrize(
    "context",
    [
        "甲方承接多个城市轨道交通盾构区间的掘进施工，需持续采购滚刀及刀圈等刀具耗材。",
        "甲方在多个项目工地同时施工，需向乙方采购钢筋。",
        "甲方下属多个门店需要向乙方采购冷柜。",
    ],
)
def test_many_places_before_the_purchase_are_no_vague_quantity(context: str) -> None:
    text = f"采购框架协议\n{context}双方达成如下协议。\n第一条 标的\n乙方按附件价格表所列品种供货。\n"
    assert lint_text(text, VAGUE) == []


def test_many_of_the_goods_is_still_vague() -> None:
    found = lint_text("采购合同\n第一条 标的\n甲方向乙方采购多个型号的刀具。\n", VAGUE)
    assert [f.rule for f in found] == ["subject/vague-quantity"]


@pytest.mark.parametrize(
    "aside",
    ["（场地约7,800平方米）", "（厂区约3万平方米）", "（现场约500平方米）", "（球场总面积约7800平方米）"],
)
def test_the_size_of_the_site_in_brackets_is_no_vague_quantity(aside: str) -> None:
    text = (
        "采购合同\n第一条 标的\n"
        f"买方向卖方购买下列货物，用于岳麓体育中心11人制足球场翻新{aside}：\n人造草坪 XJ-50，7,800平方米。\n"
    )
    assert lint_text(text, VAGUE) == []


def test_approximate_goods_measured_by_area_are_still_vague() -> None:
    found = lint_text("采购合同\n第一条 标的\n买方向卖方购买人造草坪约7,800平方米。\n", VAGUE)
    assert [f.rule for f in found] == ["subject/vague-quantity"]


_GOODS = (
    "购销合同\n第一条 产品\n免处理CTP版材 HY-P30，6000张，单价46元。\n第三条 验收\n需方收货后五日内开箱抽检。"
)


@pytest.mark.parametrize(
    "remedy",
    [
        "质量异议期为收货后十二个月，期内因版材质量造成的掉版、起脏，供方负责退换。",
        "质量异议期为到货后12个月，期间出现质量问题的，乙方免费更换。",
        "需方可在收货后一年内提出质量异议，经查属实的由供方包退包换。",
    ],
)
def test_an_objection_period_the_seller_answers_for_guarantees_a_model(remedy: str) -> None:
    assert lint_text(_GOODS + remedy + "\n", STANDARD) == []


@pytest.mark.parametrize(
    "period",
    ["质量异议期为收货后十二个月。", "质量异议期为收货后十二个月，期内因质量问题造成的损失由双方协商处理。"],
)
def test_an_objection_period_alone_guarantees_nothing(period: str) -> None:
    found = lint_text(_GOODS + period + "\n", STANDARD)
    assert [f.rule for f in found] == ["subject/no-quality-standard"]
