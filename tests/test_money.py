"""Money helpers: Decimal parsing/formatting and RMB 大写 (会计基础工作规范 Art. 52 house style)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.errors import ContractkitError
from contractkit.money import (
    AmountError,
    amount_to_upper,
    format_amount,
    quantize_cents,
    to_decimal,
    upper_problems,
    upper_to_amount,
)

# --- to_decimal / quantize / format ---


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,409.50", Decimal("1409.50")),
        ("¥1409.5", Decimal("1409.5")),
        ("￥ 1,409.5", Decimal("1409.5")),
        ("1409.50元", Decimal("1409.50")),
        ("RMB 100", Decimal("100")),
        (" 0.05 ", Decimal("0.05")),
        ("-12.5", Decimal("-12.5")),
        (1409, Decimal("1409")),
        (Decimal("6007.14"), Decimal("6007.14")),
    ],
)
def test_to_decimal_accepts_common_forms(value, expected):
    assert to_decimal(value) == expected
    assert isinstance(to_decimal(value), Decimal)


@pytest.mark.parametrize("value", [1409.5, 0.1, True])
def test_to_decimal_rejects_float_and_bool(value):
    with pytest.raises(TypeError):
        to_decimal(value)


@pytest.mark.parametrize("value", ["", "abc", "1,40,9.50", "1.2.3", "12,34", "壹佰元", Decimal("NaN"), "1e5"])
def test_to_decimal_rejects_garbage_with_message(value):
    with pytest.raises(ValueError, match="amount") as info:
        to_decimal(value)
    assert isinstance(info.value, ContractkitError)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("0.005", "0.01"), ("0.004", "0.00"), ("2.675", "2.68"), ("-2.675", "-2.68"), ("10", "10.00")],
)
def test_quantize_cents_half_up(amount, expected):
    assert str(quantize_cents(Decimal(amount))) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("1409.5", "1,409.50"), ("0", "0.00"), ("123456789.01", "123,456,789.01"), ("999.999", "1,000.00")],
)
def test_format_amount(amount, expected):
    assert format_amount(Decimal(amount)) == expected


# --- amount_to_upper golden strings ---

GOLDEN = [
    ("0.05", "人民币伍分"),
    ("0.50", "人民币伍角整"),
    ("10", "人民币壹拾元整"),
    ("1409.50", "人民币壹仟肆佰零玖元伍角整"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("107000.53", "人民币壹拾万零柒仟元零伍角叁分"),
    ("1000010.50", "人民币壹佰万零壹拾元零伍角整"),
    ("1005000", "人民币壹佰万零伍仟元整"),
    ("20304", "人民币贰万零叁佰零肆元整"),
    ("100000000", "人民币壹亿元整"),
    ("100001000", "人民币壹亿零壹仟元整"),
    ("123456789.01", "人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("10.02", "人民币壹拾元零贰分"),
    ("0", "人民币零元整"),
    ("999999999999.99", "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("amount", "expected"), GOLDEN)
def test_amount_to_upper_golden(amount, expected):
    assert amount_to_upper(Decimal(amount)) == expected


@pytest.mark.parametrize(("amount", "expected"), GOLDEN)
def test_golden_strings_parse_back_without_problems(amount, expected):
    assert upper_to_amount(expected) == Decimal(amount)
    assert upper_problems(expected) == []


def test_amount_to_upper_prefix():
    assert amount_to_upper(Decimal("1409.50"), prefix="") == "壹仟肆佰零玖元伍角整"


@pytest.mark.parametrize(
    ("amount", "match"),
    [
        (Decimal("-1"), "negative"),
        (Decimal("1000000000000"), "9999亿"),
        (Decimal("0.005"), "cent"),
    ],
)
def test_amount_to_upper_rejects(amount, match):
    with pytest.raises(ValueError, match=match):
        amount_to_upper(amount)


def test_amount_to_upper_rejects_float():
    with pytest.raises(TypeError):
        amount_to_upper(1409.5)  # type: ignore[arg-type]


# --- upper_to_amount: variants and errors ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # legal-basis §9.2 worked examples, both accepted spellings
        ("人民币壹仟肆佰零玖元伍角", "1409.50"),
        ("人民币壹仟陆佰捌拾元叁角贰分", "1680.32"),
        ("人民币壹拾万零柒仟元伍角叁分", "107000.53"),
        ("¥壹拾万柒仟元零伍角叁分", "107000.53"),
        ("￥壹拾万柒仟元零伍角叁分", "107000.53"),
        ("人民币：叁佰元整", "300"),
        ("贰万零叁佰零肆元正", "20304"),
        ("贰万零叁佰零肆圆整", "20304"),
        ("貳萬零參佰零肆圓正", "20304"),
        ("陸億元整", "600000000"),
        ("壹万伍佰元整", "10500"),
        ("壹万零伍佰元整", "10500"),
        ("伍角", "0.50"),
        ("人民币零元整", "0"),
        ("拾万元整", "100000"),
    ],
)
def test_upper_to_amount_variants(text, expected):
    assert upper_to_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("人民币壹仟叁佰元三角", "lowercase numeral 三"),
        ("人民币两元整", "lowercase numeral 两"),
        ("人民币壹元伍分整", "整 after 分"),
        ("人民币壹元X角", "unknown character"),
        ("人民币壹仟佰元整", "unit 佰 without a digit"),
        ("人民币壹佰伍仟元整", "misplaced unit 仟"),
        ("人民币壹万壹亿元整", "misplaced unit 亿"),
        ("人民币壹贰元整", "two digits in a row"),
        ("人民币壹仟伍元整", "ambiguous"),
        ("人民币壹万伍元整", "ambiguous"),
        ("人民币壹佰零零壹元整", "two 零"),
        ("人民币壹元零零贰分", "零"),
        ("人民币壹佰元整伍角", "整 in the middle"),
        ("人民币壹佰", "no 元"),
        ("人民币", "empty"),
        ("人民币1409元", "Arabic digit"),
    ],
)
def test_upper_to_amount_malformed(text, match):
    with pytest.raises(ValueError, match=match) as info:
        upper_to_amount(text)
    assert isinstance(info.value, AmountError)
    assert info.value.hint or info.value.message


# --- upper_problems ---


def test_upper_problems_lists_style_issues_bilingually():
    problems = upper_problems("壹仟叁佰元三角")
    assert any("人民币" in p and "prefix" in p for p in problems)
    assert any("三" in p and "叁" in p and " / " in p for p in problems)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("人民币壹仟元", "整 missing after 元"),
        ("人民币壹元伍分整", "no 整 after 分"),
        ("人民币一千元整", "lowercase numeral 一"),
        ("人民币壹佰元〇伍分", "lowercase numeral 〇"),
        ("人民币念元整", "lowercase numeral 念"),
        ("人民币伍毛", "lowercase numeral 毛"),
        ("人民币壹佰另伍元整", "lowercase numeral 另"),
        ("壹佰元整", "missing 人民币 prefix"),
        ("人民币壹元贰分", "零 required after 元"),
        ("人民币壹仟伍元整", "cannot parse"),
    ],
)
def test_upper_problems_finds(text, needle):
    assert any(needle in p for p in upper_problems(text))


@pytest.mark.parametrize(
    "text", ["人民币壹仟肆佰零玖元伍角", "¥壹仟元整", "人民币伍角整", "人民币贰万零叁佰零肆元正"]
)
def test_upper_problems_accepts_good_text(text):
    assert upper_problems(text) == []


# --- properties ---

uniform = st.integers(min_value=0, max_value=10**14 - 1)
# zero-rich digit strings exercise the 零 rules (runs of zeros, all-zero 万 groups, 元位/角位 zeros)
sparse = st.text(alphabet="000000123456789", min_size=1, max_size=14).map(int)
cents = st.one_of(uniform, sparse).map(lambda c: Decimal(c) / 100)


@given(cents)
def test_round_trip(amount):
    text = amount_to_upper(amount)
    assert upper_to_amount(text) == amount
    assert upper_problems(text) == []


@given(cents)
def test_variants_parse_to_same_value(amount):
    text = amount_to_upper(amount)
    assert upper_to_amount(text.replace("整", "正")) == amount
    assert upper_to_amount(text.replace("元", "圆")) == amount
    assert upper_to_amount(text.removeprefix("人民币")) == amount
    assert upper_to_amount("¥" + text.removeprefix("人民币")) == amount
    assert upper_to_amount(text.replace("元零", "元", 1) if "角" in text else text) == amount


@settings(deadline=None)
@given(cents)
def test_upper_matches_cn2an_digits(amount):
    """The integer part spells the same value as cn2an's independent converter (ignoring 零 placement)."""
    import cn2an

    yuan = int(amount)
    if yuan:
        ours = amount_to_upper(Decimal(yuan), prefix="").removesuffix("元整")
        assert cn2an.cn2an(ours, "normal") == yuan


@given(st.integers(min_value=0, max_value=10**14 - 1).map(lambda c: Decimal(c) / 1000))
def test_format_amount_matches_quantize(amount):
    text = format_amount(amount)
    assert to_decimal(text) == quantize_cents(amount)
    assert text.count(".") == 1 and len(text.split(".")[1]) == 2


# --- Chinese text of AmountError (--lang zh shows it) ---


@pytest.mark.parametrize(
    ("call", "zh", "hint_zh"),
    [
        (lambda: to_decimal("一千二百块"), "不是金额：'一千二百块'", "千分位"),
        (lambda: to_decimal(Decimal("Infinity")), "不是有限的金额：Infinity", "1409.50"),
        (lambda: amount_to_upper(Decimal("-88.00")), "负数金额 -88.00 无法写成大写", "绝对值"),
        (lambda: amount_to_upper(Decimal("12.345")), "金额 12.345 含有不足一分的部分", "quantize_cents"),
        (lambda: amount_to_upper(Decimal("1000000000000")), "超出大写上限 9999亿", "拆分金额"),
    ],
)
def test_amount_errors_carry_chinese_text(call, zh, hint_zh):
    with pytest.raises(AmountError) as info:
        call()
    message, hint = info.value.localized("zh")
    assert zh in message and hint and hint_zh in hint
    assert info.value.text("en") == info.value.message + (f" — {info.value.hint}" if info.value.hint else "")


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ("壹佰零零伍元整", "连续两个“零”"),
        ("零壹佰元整", "开头是“零”"),
        ("壹贰元整", "两个数字相连（壹贰）"),
        ("佰元整", "单位佰前没有数字"),
        ("壹仟贰元整", "末位数字贰有歧义"),
        ("壹仟一百元整", "不能用小写数字一"),
        ("壹仟5元整", "阿拉伯数字5"),
        ("人民币", "金额为空"),
        ("壹元整伍角", "“整”写在了中间"),
        ("壹元贰元整", "元、角或分写了两次"),
        ("壹佰", "没有元、角或分"),
        ("零元伍角", "“零元”之后接角/分"),
        ("壹元伍分整", "“分”之后写了“整”"),
    ],
)
def test_malformed_upper_is_explained_in_chinese(text, zh):
    with pytest.raises(AmountError) as info:
        upper_to_amount(text)
    message, _ = info.value.localized("zh")
    assert message.startswith(f"大写金额 {text!r} 格式有误：") and zh in message
    assert info.value.message.startswith(f"malformed 大写 amount {text!r}: ")  # English unchanged


@given(st.text(alphabet="零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整一二5", max_size=12))
def test_every_malformed_upper_has_chinese_text(text):
    try:
        upper_to_amount(text)
    except AmountError as exc:
        assert exc.zh and exc.zh.startswith("大写金额") and exc.text("zh") != exc.text("en")
        assert (exc.hint is None) == (exc.hint_zh is None)  # a hint in one language has its translation
