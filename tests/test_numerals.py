"""Chinese / Arabic numerals in running text (contractkit.numerals)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.numerals import CN_NUM_CHARS, int_to_cn, parse_cn_decimal, parse_cn_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十五", 15),
        ("二十", 20),
        ("十", 10),
        ("一百二十", 120),
        ("一百零五", 105),
        ("两", 2),
        ("两百", 200),
        ("三千零五", 3005),
        ("〇", 0),
        ("零", 0),
        ("１５", 15),
        ("15", 15),
        ("1,000", 1000),
        ("十万", 100000),
        ("一万零五", 10005),
        ("三亿五千万", 350_000_000),
        ("一亿零五万", 100_050_000),
        ("壹拾伍", 15),
        ("贰万零叁佰零肆", 20304),
        ("貳萬", 20000),
        ("二〇二四", 2024),
        ("一千五", 1500),  # colloquial shorthand
        ("一万五", 15000),
        (" 三十 ", 30),
    ],
)
def test_parse_cn_int(text, expected):
    assert parse_cn_int(text) == expected


@pytest.mark.parametrize(
    "text", ["", "万", "百", "五十十", "一百十", "abc", "三天", "一亿万", "一万二万", "1.5", "十五点"]
)
def test_parse_cn_int_rejects(text):
    with pytest.raises(ValueError, match="not a number"):
        parse_cn_int(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三点五", "3.5"),
        ("零点零五", "0.05"),
        ("点五", "0.5"),
        ("0.05", "0.05"),
        ("１．５", "1.5"),
        ("1,409.50", "1409.50"),
        ("十二点七五", "12.75"),
        ("一百", "100"),
    ],
)
def test_parse_cn_decimal(text, expected):
    value = parse_cn_decimal(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)


@pytest.mark.parametrize("text", ["三点", "三点十", "1.2.3", "约三"])
def test_parse_cn_decimal_rejects(text):
    with pytest.raises(ValueError):
        parse_cn_decimal(text)


def test_cn_num_chars_is_a_regex_class_for_numbers_in_text():
    pattern = re.compile(f"[{CN_NUM_CHARS}]+")
    found = [
        m.group() for m in pattern.finditer("买方应于三十日内付款，逾期超过一百二十天的，每日按万分之五计")
    ]
    assert found == ["三十", "一百二十", "万", "五"]
    assert [parse_cn_int(t) for t in found[:2]] == [30, 120]
    assert "点" not in CN_NUM_CHARS and "两" in CN_NUM_CHARS and "〇" in CN_NUM_CHARS


@pytest.mark.parametrize(
    ("n", "lower", "upper"),
    [
        (0, "零", "零"),
        (15, "十五", "壹拾伍"),
        (20304, "二万零三百零四", "贰万零叁佰零肆"),
        (100001000, "一亿零一千", "壹亿零壹仟"),
    ],
)
def test_int_to_cn(n, lower, upper):
    assert int_to_cn(n) == lower
    assert int_to_cn(n, upper=True) == upper


ints = st.one_of(
    st.integers(min_value=0, max_value=10**12 - 1),
    st.text(alphabet="0000000123456789", min_size=1, max_size=12).map(int),
)


@given(ints)
def test_round_trip_own_converter(n):
    assert parse_cn_int(int_to_cn(n)) == n
    assert parse_cn_int(int_to_cn(n, upper=True)) == n


@settings(deadline=None)
@given(ints)
def test_round_trip_cn2an(n):
    import cn2an

    assert parse_cn_int(cn2an.an2cn(n)) == n
    assert parse_cn_int(cn2an.an2cn(n, "up")) == n


@given(st.integers(min_value=0, max_value=10**9), st.text(alphabet="0123456789", min_size=1, max_size=6))
def test_decimal_round_trip(whole, frac):
    text = int_to_cn(whole) + "点" + "".join("零一二三四五六七八九"[int(d)] for d in frac)
    assert parse_cn_decimal(text) == Decimal(f"{whole}.{frac}")
