"""The shared label–value scanner (contractkit.facts.labels) on contract lines: one pair, several pairs on a
line, qualifiers, blanks, clause ends, and what is not a label (prose, a time of day)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.facts.labels import LabelSet, find_labels, label_at_start


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(p.label, p.value) for p in find_labels(text)]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("交货地点：杭州市西湖区文三路1号", [("交货地点", "杭州市西湖区文三路1号")]),
        ("电话：0571-88886666  传真：0571-88886667", [("电话", "0571-88886666"), ("传真", "0571-88886667")]),
        ("乙方（盖章）：杭州某某科技有限公司", [("乙方（盖章）", "杭州某某科技有限公司")]),
        ("单位名称(章)：某某厂 法定代表人：张三", [("单位名称(章)", "某某厂"), ("法定代表人", "张三")]),
        ("交货地点：文三路1号；交货时间：5月1日前。", [("交货地点", "文三路1号"), ("交货时间", "5月1日前")]),
        ("  开户银行: 中国银行 账号: 1234", [("开户银行", "中国银行"), ("账号", "1234")]),
        ("第五条 验收：按国家标准执行", [("验收", "按国家标准执行")]),
        ("附件1：技术规格书", [("附件1", "技术规格书")]),
        ("“交货期”：合同签订后30日", [("交货期", "合同签订后30日")]),
    ],
)
def test_pairs_of_a_line(text: str, pairs: list[tuple[str, str]]) -> None:
    assert _pairs(text) == pairs


@pytest.mark.parametrize(
    "text",
    ["买方应于货物送达之日起五个工作日内组织验收", "会议于10:30开始", "比例为3:7", "", "：无标签"],
)
def test_no_label(text: str) -> None:
    assert find_labels(text) == []
    assert label_at_start(text) is None


def test_blank_value_is_empty() -> None:
    (pair,) = find_labels("联系电话：")
    assert pair.empty and pair.value_span == (5, 5)
    signed = find_labels("甲方：________________  乙方：________________")
    assert [p.label for p in signed] == ["甲方", "乙方"]
    assert all(set(p.value) == {"_"} for p in signed)


def test_label_at_start_only_at_start() -> None:
    pair = label_at_start("  收货人：王磊 电话：13800000000")
    assert pair is not None and (pair.label, pair.value) == ("收货人", "王磊")
    assert label_at_start("请按下列地址发货，地址：北京") is None


def test_label_set_names_words_longest_first() -> None:
    places = LabelSet(("地址", "通讯地址", "住所"))
    found = places.find("通讯地址：北京市朝阳区建国路1号 电话：010-1234 住所地：上海市")
    assert [(p.label, places.word(p.label)) for p in found] == [("通讯地址", "通讯地址"), ("住所地", "住所")]
    assert places.first("电话：123") is None
    assert places.at_start("地址：杭州") is not None and places.at_start("电话：1 地址：杭州") is None
    with pytest.raises(ValueError):
        LabelSet(())


_CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4F00), min_size=1, max_size=6)
_VALUE = st.text(alphabet=st.sampled_from(list("杭州市1号-_ 0123456789abc")), max_size=12)


@given(st.lists(st.tuples(_CJK, _VALUE), min_size=1, max_size=4))
def test_spans_quote_the_pairs(items: list[tuple[str, str]]) -> None:
    text = "  ".join(f"{label}：{value}" for label, value in items)
    for pair in find_labels(text):
        assert text[pair.label_span[0] : pair.label_span[1]] == pair.label
        assert text[pair.value_span[0] : pair.value_span[1]] == pair.value
        assert "：" not in pair.value or pair is find_labels(text)[-1]
    labels = [p.label for p in find_labels(text)]
    assert labels[0] == items[0][0]


@given(st.text(alphabet=st.sampled_from(list("甲乙方地址电话 ，。；1号abc"))))
def test_no_colon_no_pair(text: str) -> None:
    assert find_labels(text) == []
