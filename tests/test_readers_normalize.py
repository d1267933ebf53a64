"""normalize(): same-length Traditional → Simplified and full-width → half-width; blank fill-in fields."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contractkit.readers.normalize import blank_spans, looks_like_heading, normalize, strip_invisible


def test_traditional_becomes_simplified_same_length() -> None:
    text = "驗收合格後五個工作日內支付"
    assert normalize(text) == "验收合格后五个工作日内支付"
    assert len(normalize(text)) == len(text)


def test_full_width_digits_and_punctuation_fold_to_ascii() -> None:
    assert normalize("合同總價：１２３，４５６．００元（３０％）") == "合同总价:123,456.00元(30%)"
    assert normalize("ＡＢＣ　ｘｙｚ") == "ABC xyz"


def test_special_spaces_and_zero_width_become_spaces() -> None:
    assert normalize("a\u00a0b\u3000c\u200bd\tz") == "a b c d z"
    assert strip_invisible("验\u200b收\ufeff") == "验收"


def test_simplified_and_ascii_are_unchanged() -> None:
    text = "到货后72小时内完成验收。"
    assert normalize(text) == text


def test_offsets_quote_the_original() -> None:
    text = "甲方應於驗收合格後５個工作日內付款"
    start = normalize(text).index("验收合格后5个工作日")
    assert text[start : start + 10] == "驗收合格後５個工作日"


@given(st.text())
def test_length_is_always_preserved(s: str) -> None:
    assert len(normalize(s)) == len(s)


@given(st.text(alphabet=st.sampled_from("驗收後個內發貨乾隆頭髮裡面臺灣１２ａ　_ \u200b鬱")))
def test_length_preserved_on_dense_traditional(s: str) -> None:
    assert len(normalize(s)) == len(s)


def test_blank_spans_underscores_spaces_and_trailing_colon() -> None:
    text = "甲方：____ 乙方：＿＿＿ 数量     台 联系电话：      "
    spans = [text[a:b] for a, b in blank_spans(text)]
    assert spans == ["____", "＿＿＿", "     ", "      "]


def test_blank_spans_ignore_normal_spacing() -> None:
    assert blank_spans("第五条 验收 a_b") == []
    assert blank_spans("到货后 72 小时内") == []


@given(st.text())
def test_blank_spans_are_valid_offsets(s: str) -> None:
    for a, b in blank_spans(s):
        assert 0 <= a < b <= len(s)
        assert not s[a:b].strip(" \u3000\u00a0\t_＿")


def test_clause_headings() -> None:
    assert looks_like_heading("第五条 验收")
    assert looks_like_heading("第12条 付款方式")
    assert looks_like_heading("第二章 总则")
    assert not looks_like_heading("依照本合同第五条约定")
    assert not looks_like_heading(
        "第五条 " + "甲方应当在收到乙方开具的合法有效发票后十五个工作日内支付合同价款的百分之三十"
    )


_MIXED_CHARS = [*"a 臺灣發票後裡這個\n\t\u3000，：（）１Ａ￥−\u200b合同", "\U00020000"]
_MIXED = st.text(alphabet=st.sampled_from(_MIXED_CHARS))


@given(st.lists(_MIXED, max_size=8))
def test_normalize_many_is_normalize_of_each(texts: list[str]) -> None:
    # one OpenCC call and one fold for all texts must give what each text gives alone
    from contractkit.readers.normalize import _TABLE, normalize_many, to_simplified

    assert normalize_many(texts) == [normalize(t) for t in texts]
    assert normalize_many(texts) == [to_simplified(t).translate(_TABLE) for t in texts]


def test_normalize_many_on_contract_lines() -> None:
    from contractkit.readers.normalize import normalize_many

    lines = ["第五條 驗收：買方應於貨到後５日內驗收。", "", "付款方式：ＴＴ", "乙方\u3000（蓋章）"]
    expected = ["第五条 验收:买方应于货到后5日内验收。", "", "付款方式:TT", "乙方 (盖章)"]
    assert normalize_many(lines) == expected
