"""The subject family on many phrasings: vague quantity, unquantified items, missing quality standard."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.lint import lint_text


def ids(text: str, rule: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=(rule,)))]


VQ = "subject/vague-quantity"


@pytest.mark.parametrize(
    "text",
    [
        "甲方向乙方采购办公设备一批。",
        "产品数量：若干。",
        "货物重量100吨左右。",
        "供货范围包括服务器、交换机等。",
        "乙方提供相关配件。",
        "第一条 标的\n乙方交付部分设备及耗材。",
        "采购打印纸大约200箱。",
    ],
)
def test_vague_quantity_fires(text: str) -> None:
    assert VQ in ids(text, VQ)


@pytest.mark.parametrize(
    "text",
    [
        "甲方向乙方采购 CK6150 数控车床 2 台。",
        "甲乙双方等同意按本合同约定履行。",
        "本合同未尽事宜，依照相关法律法规执行。",  # boilerplate, not subject matter
        "货物数量按合同约定交付。",  # 约定 is not 约
        "乙方逾期交付部分货物的，按未交付部分价款的万分之三支付违约金。",
        "本合同附件为本合同不可分割的组成部分。",
        "产品等级为一等品，数量500件。",
        "双方应遵守国家相关管理部门关于产品质量的规定。",
        "会议讨论了若干问题。",  # not in subject context
    ],
)
def test_vague_quantity_passes(text: str) -> None:
    assert ids(text, VQ) == []


def test_vague_quantity_extra_words_setting() -> None:
    text = "货物数量：视库存而定。"
    assert ids(text, VQ) == []
    found = lint_text(text, Settings(select=(VQ,), extra_vague_words=("视库存而定",)))
    assert [f.rule for f in found] == [VQ]


def test_vague_quantity_message_states_consequence_and_quotes_original() -> None:
    (f,) = lint_text("甲方採購辦公設備一批。", Settings(select=(VQ,)))  # Traditional script
    assert "第510条" in f.message and "第511条" in f.message
    assert "Art. 511" in f.message_en
    assert "採購" in f.snippet  # quotes the original text


@hsettings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=1, max_value=99999), unit=st.sampled_from(["台", "套", "件", "吨", "箱"]))
def test_exact_quantities_never_vague(n: int, unit: str) -> None:
    assert ids(f"甲方向乙方采购数控车床{n}{unit}，规格型号CK6150。", VQ) == []


UI = "subject/unquantified-item"
HEAD = "| 序号 | 产品名称 | 规格型号 | 单位 | 数量 | 单价 |\n"


@pytest.mark.parametrize(
    ("row", "expect"),
    [
        ("| 1 | 数控车床 | CK6150 | 台 | 2 | 180000 |", False),
        ("| 1 | 数控车床 | CK6150 | 台 | 若干 | 180000 |", True),
        ("| 1 | 数控车床 | CK6150 |  | 2 | 180000 |", True),
        ("| 1 | 数控车床 | 高档 | 台 | 2 | 180000 |", True),
        ("| 1 | 安装调试 | 现场服务 | 项 | 1 | 5000 |", False),  # a service needs no figures in its spec
        ("| 1 | ____ | ____ | ____ | ____ | ____ |", False),  # an unfilled template row
        ("| 合计 |  |  |  |  | 360000 |", False),
    ],
)
def test_unquantified_item_rows(row: str, expect: bool) -> None:
    assert (UI in ids(HEAD + row, UI)) is expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("数量：待定。", True),
        ("数量为若干台。", True),
        ("数量：2台。", False),
        ("数量：____台。", False),
        ("数量：五十台。", False),
    ],
)
def test_unquantified_item_sentences(text: str, expect: bool) -> None:
    assert (UI in ids(text, UI)) is expect


NQ = "subject/no-quality-standard"


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("第一条 产品\n打印纸500箱。\n第二条 交货\n到货后付款。", True),
        ("第一条 产品\n打印纸500箱，质量符合GB/T 24988-2010。", False),
        ("第一条 产品\n打印纸500箱，按行业标准验收。", False),
        ("第一条 标的\n设备1台，技术要求见附件。", False),
        ("第一条 租赁期限\n租期一年。", False),  # no goods section
        ("Article 1 Products\nSupplier shall deliver 500 boxes of paper.", False),  # not Chinese
    ],
)
def test_no_quality_standard(text: str, expect: bool) -> None:
    assert (NQ in ids(text, NQ)) is expect


def test_no_quality_standard_reports_once_on_heading() -> None:
    found = lint_text("第一条 产品\n打印纸500箱。\n纸巾200箱。", Settings(select=(NQ,)))
    assert len(found) == 1 and found[0].snippet == "第一条 产品"


@pytest.mark.parametrize(
    "text",
    [
        "4.1 验收标准：GB/T 25000.51—2016《系统与软件质量要求和评价 第51部分》及本合同附件一。",
        "产品应符合《信息技术 软件工程 第3部分：测试》的要求。",
    ],
)
def test_part_of_a_standard_title_is_not_vague(text: str) -> None:
    assert ids(text, "subject/vague-quantity") == []
