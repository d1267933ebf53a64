"""Delivery facts and rules, accuracy round 6: a place whose bracket leaves the spot to a later call
(甲方鱼塘（具体哪口塘到时候电话说）), a place one side 'says' (乙方说的地方), a facility an order
designates, an edition written as a year after the trade term (CIF汉堡（2020年版））."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.delivery import places_in
from contractkit.lint import lint_paths, lint_text

HOUSE = Settings(select=("delivery/address-no-house-number",))
EDITION = Settings(select=("delivery/incoterm-no-edition",))
_HEAD = (
    "买卖合同\n甲方（买方）：苏州精工机械制造有限公司\n住所：江苏省苏州市工业园区星湖街88号\n"
    "乙方（卖方）：无锡华信电气有限公司\n住所：江苏省无锡市新吴区长江路21号\n第一条 标的：变压器2台。\n"
)


def found(text: str, settings: Settings = HOUSE) -> list[str]:
    return [f.rule for f in lint_text(_HEAD + text + "\n", settings)]


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("乙方2027年1月10日之前把机器送到甲方鱼塘（具体哪口塘到时候电话说），运费乙方出。",
         ["delivery/address-no-house-number"]),
        ("乙方于2027年1月10日前送到甲方仓库（具体哪个仓库到时候再通知）。",
         ["delivery/address-no-house-number"]),
        ("乙方于2027年1月10日前送到甲方园区（具体哪一栋楼由甲方电话告知）。",
         ["delivery/address-no-house-number"]),
        # the bracket gives the address: no finding
        ("乙方于2027年1月10日前送到甲方鱼塘（江苏省苏州市吴中区临湖镇湖滨路18号）。", []),
        ("乙方于2027年1月10日前送到甲方仓库（卸货时甲方派人配合）。", []),
    ],
)  # fmt: skip
def test_a_bracket_leaving_the_spot_to_a_later_call_is_part_of_the_place(text: str, rules: list[str]) -> None:
    assert found(text) == rules


@given(
    which=st.sampled_from(["哪口塘", "哪个仓库", "哪一栋", "哪间厂房", "哪个门"]),
    then=st.sampled_from(["到时候电话说", "到时候再通知", "由甲方届时确定", "等甲方电话告知"]),
)
def test_which_one_left_to_a_call_in_a_bracket_is_designated(which: str, then: str) -> None:
    text = f"乙方送到甲方基地（具体{which}{then}），运费乙方出。"
    (place,) = places_in(text, 0)
    assert place.kind == "designated"
    assert place.text.endswith("）")


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("2027年3月10日前，甲方找车送到乙方说的地方（任城区里面）。", ["delivery/address-no-house-number"]),
        ("2027年3月10日前，卖方送到买方说好的仓库。", ["delivery/address-no-house-number"]),
        ("2027年3月10日前，甲方送到乙方仓库。", []),  # the buyer states its address in its block
    ],
)
def test_a_place_one_side_says_is_left_to_its_later_say(text: str, rules: list[str]) -> None:
    assert found(text) == rules


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("交货时间：2026年6月30日前。交货地点：甲方在订单中指定的仓库。", []),
        ("交货时间：2026年6月30日前。交货地点：以甲方每批订单载明的收货地址为准。", []),
        ("交货时间：2026年6月30日前。交货地点：甲方在成都的仓库。", ["delivery/address-no-house-number"]),
    ],
)
def test_a_facility_each_order_designates_is_fixed_by_the_order(text: str, rules: list[str]) -> None:
    assert found(text) == rules


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("价格条件：CIF汉堡（2020年版）。", []),
        ("价格条件：CIF汉堡港，2020通则。", []),
        ("价格条件：FOB上海（Incoterms® 2020）。", []),
        ("价格条件：CIF汉堡。", ["delivery/incoterm-no-edition"]),
        ("价格条件：CIF汉堡。附件一为2020年版产品目录。", ["delivery/incoterm-no-edition"]),
    ],
)
def test_an_edition_written_as_a_year_after_the_term(text: str, rules: list[str]) -> None:
    assert found(text, EDITION) == rules


def test_an_edition_in_a_word_table_cell_after_the_term(tmp_path: Path) -> None:
    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph("进口设备买卖合同")
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "价格条件"
    table.rows[0].cells[1].text = "CIF 上海港（2020年版）"
    table.rows[1].cells[0].text = "交货时间"
    table.rows[1].cells[1].text = "2026年6月30日前"
    path = tmp_path / "terms.docx"
    doc.save(path)
    (fr,) = lint_paths([path], EDITION).files
    assert [f.rule for f in fr.findings] == []
