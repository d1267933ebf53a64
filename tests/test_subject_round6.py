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


UNQUANTIFIED = Settings(select=("subject/unquantified-item",))
_TABLE = (
    "设备买卖合同\n第一条 标的\n| 序号 | 名称 | 型号规格 | 单位 | 数量 | 单价(元) | 金额(元) |\n"
    "| 1 | 全自动超声波清洗线 | 见表下说明 | 台 | 2 | 168,000.00 | 336,000.00 |\n"
    "| 2 | 单槽超声波清洗机 | JK-360，36L | 台 | 4 | 9,800.00 | 39,200.00 |\n"
)


@pytest.mark.parametrize(
    "note",
    ["第1项清洗线的槽数、型号以买方另行书面通知为准。", "全自动超声波清洗线的槽数待定。"],
)
def test_a_spec_referred_to_a_note_that_defers_it_is_left_open(note: str) -> None:
    found = lint_text(_TABLE + note + "\n", UNQUANTIFIED)
    assert [(f.rule, f.snippet) for f in found] == [("subject/unquantified-item", note)]


@pytest.mark.parametrize("note", ["第1项清洗线为五槽式，型号JK-5T。", "第2项清洗机的型号另行书面通知。"])
def test_a_note_that_fixes_the_spec_or_speaks_of_another_row_is_no_deferral(note: str) -> None:
    assert lint_text(_TABLE + note + "\n", UNQUANTIFIED) == []


@pytest.mark.parametrize(
    ("spec", "flagged"), [("配套 matching", True), ("配套", True), ("配套5HXG-30", False)]
)
def test_a_matching_spec_names_no_figures(spec: str, flagged: bool) -> None:
    text = (
        "购销合同\n一、标的\n| 名称 | 规格 | 数量 | 单价 | 金额 |\n"
        "| 批式循环谷物干燥机 | 5HXG-30，批处理量30吨 | 4台 | 268,000.00 | 1,072,000.00 |\n"
        f"| 生物质热风炉 Biomass hot-air furnace | {spec} | 4台 | 96,000.00 | 384,000.00 |\n"
    )
    found = lint_text(text, UNQUANTIFIED)
    assert [f.rule for f in found] == (["subject/unquantified-item"] if flagged else [])


def _pdf(lines: list[str]):
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"pages": 1, "ocr": [1]})


def test_pdf_rows_a_stray_mark_and_a_quantity_before_its_unit_are_read() -> None:
    from contractkit.contract.model import contract_of

    doc = _pdf(
        [
            "设备买卖合同",
            "第一条 标的",
            "序号 名称 型号规格 数量 单价(元) 金额(元)",
            "1 全自动超声波清洗线 见表下说明 2 台 168,000.00 “336,000.00",
            "2 单槽超声波清洗机 JK-360,36L,功率 1.2kW 4 台 9,800.00 39,200.00",
            "合计 375,200.00",
        ]
    )
    items = contract_of(doc).subject.items
    assert [(it.name, it.spec, it.quantity_text, it.unit) for it in items] == [
        ("全自动超声波清洗线", "见表下说明", "2", "台"),
        ("单槽超声波清洗机", "JK-360,36L,功率 1.2kW", "4", "台"),
    ]
