"""Word number formats rendered as Word shows them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.numerals import parse_cn_int
from contractkit.readers.docx_numbering import format_number


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCounting", "十二"),
        (20, "chineseCounting", "二十"),
        (35, "chineseCountingThousand", "三十五"),
        (105, "chineseCounting", "一百零五"),
        (3, "chineseLegalSimplified", "叁"),
        (3, "ideographTraditional", "丙"),
        (4, "decimalEnclosedCircle", "④"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (28, "upperLetter", "BB"),
        (2, "lowerLetter", "b"),
        (7, "decimal", "7"),
        (7, "decimalZero", "07"),
        (7, "bullet", ""),
    ],
)
def test_format_number(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


@given(
    st.integers(min_value=1, max_value=9999), st.sampled_from(["chineseCounting", "chineseLegalSimplified"])
)
def test_chinese_counting_reads_back(n: int, fmt: str) -> None:
    assert parse_cn_int(format_number(n, fmt)) == n


def _read_roman(shown: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(shown):
        v = values[ch]
        total += -v if i + 1 < len(shown) and values[shown[i + 1]] > v else v
    return total


@given(st.integers(min_value=1, max_value=3999))
def test_roman_reads_back(n: int) -> None:
    assert _read_roman(format_number(n, "upperRoman")) == n
