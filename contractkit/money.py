"""Money as ``Decimal``: parsing, rounding, formatting, and RMB amounts in uppercase (大写).

Why not cn2an: it takes floats (``an2cn(0.1 + 0.2)`` is already wrong), drops 整 after 角, and has no
parser that reports *what* is wrong in a 大写 string. Our house style follows 会计基础工作规范 Art. 52 and
the worked examples of 《正确填写票据和结算凭证的基本规定》 (legal-basis §9):

* prefix 人民币; digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分;
* 整 after 元 and after 角, never after 分 (``人民币壹仟肆佰零玖元伍角整``);
* a leading 10–19 is written 壹拾 (``人民币壹拾万元整``);
* Art. 52(五) strictly: a zero between non-zero digits is written 零, one 零 for a run of zeros, also
  across a 万/亿 group boundary (``壹佰万零伍仟``, ``壹拾万零柒仟``, ``壹亿零壹仟``); trailing zeros are
  not written (``壹亿元整``);
* 元位 0 with 角 not 0 → one 零 after 元 (``壹仟陆佰捌拾元零叁角贰分``, ``壹拾万零柒仟元零伍角叁分``);
  角 0 with 分 not 0 → 零 after 元 (``壹万陆仟肆佰零玖元零贰分``);
* 0 → ``人民币零元整``; below one yuan no 元 is written (``人民币伍分``, ``人民币伍角整``).

The parser accepts the common variants (¥ or no prefix, 正 for 整, 圆, traditional 貳/陸/萬/億/圓/參, 零
present or not after 元/万/亿 and before 角) and rejects what is ambiguous or forbidden, with a message.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from contractkit.errors import ContractkitError

__all__ = [
    "MAX_AMOUNT",
    "AmountError",
    "amount_to_upper",
    "format_amount",
    "lenient_upper_to_amount",
    "quantize_cents",
    "to_decimal",
    "upper_problems",
    "upper_to_amount",
]

CENT = Decimal("0.01")
#: Largest amount written in uppercase: 9999亿9999万9999元9角9分.
MAX_AMOUNT = Decimal("999999999999.99")


class AmountError(ContractkitError, ValueError):
    """A money value that cannot be read or written (also a ``ValueError``)."""

    exit_code = 1


# --- Arabic amounts ---

_ARABIC = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
_PREFIXES = ("人民币", "RMB", "CNY", "¥", "￥")
_SUFFIXES = ("元", "圆")


def to_decimal(value: str | int | Decimal) -> Decimal:
    """``"1,409.50"``, ``"¥1409.5"``, ``"1409.50元"``, ints and Decimals → ``Decimal``; floats are refused."""
    if isinstance(value, (bool, float)):
        raise TypeError(f"money must not be a {type(value).__name__} ({value!r}); pass a str, int or Decimal")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountError(
                f"not a finite amount: {value}",
                hint="use a number such as 1409.50",
                zh=f"不是有限的金额：{value}",
                hint_zh="请写数字，例如 1409.50",
            )
        return value
    if isinstance(value, int):
        return Decimal(value)
    if not isinstance(value, str):
        raise TypeError(f"money must be a str, int or Decimal, not {type(value).__name__}")
    s = value.strip()
    for p in _PREFIXES:
        if s.upper().startswith(p):
            s = s[len(p) :].lstrip()
            break
    for suf in _SUFFIXES:
        if s.endswith(suf):
            s = s[: -len(suf)].rstrip()
            break
    if not _ARABIC.fullmatch(s):
        raise AmountError(
            f"not an amount: {value!r}",
            hint='write digits, "," every three places if any: "1,409.50", "¥1409.5", "1409.50元"',
            zh=f"不是金额：{value!r}",
            hint_zh="请写数字，千分位可用“,”分隔：“1,409.50”“¥1409.5”“1409.50元”",
        )
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guarantees a valid literal
        raise AmountError(f"not an amount: {value!r}", zh=f"不是金额：{value!r}") from exc


def quantize_cents(amount: Decimal) -> Decimal:
    """Round to 0.01 yuan, half up (0.005 → 0.01)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_amount(amount: Decimal) -> str:
    """``Decimal("1409.5")`` → ``"1,409.50"`` (thousands separators, two decimals, half-up)."""
    return f"{quantize_cents(amount):,.2f}"


# --- uppercase (大写) ---

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")


def _integer_upper(n: int) -> str:
    """0 < n < 10**12 → 大写 without 元, by the reading rule described in the module docstring."""
    digits = str(n)
    out: list[str] = []
    pending_zero = False
    width = len(digits)
    group_nonzero = False
    for i, ch in enumerate(digits):
        pos = width - 1 - i  # power of ten
        d = int(ch)
        if d == 0:
            if out:
                pending_zero = True
        else:
            if pending_zero:
                out.append("零")
                pending_zero = False
            out.append(_DIGITS[d] + _SMALL_UNITS[pos % 4])
            group_nonzero = True
        if pos % 4 == 0:
            if group_nonzero:
                out.append(_GROUP_UNITS[pos // 4])
                # a zero run that ends a group is written (once) if a non-zero digit follows: Art. 52(五)
            group_nonzero = False
    return "".join(out)


def amount_to_upper(amount: Decimal, *, prefix: str = "人民币") -> str:
    """``Decimal("1409.50")`` → ``"人民币壹仟肆佰零玖元伍角整"`` (house style, see the module docstring)."""
    if isinstance(amount, (float, bool)):
        raise TypeError(f"money must not be a {type(amount).__name__}; pass a Decimal")
    amount = to_decimal(amount)
    if amount < 0:
        raise AmountError(
            f"negative amount {amount} cannot be written in 大写",
            hint="write the absolute value",
            zh=f"负数金额 {amount} 无法写成大写",
            hint_zh="请写其绝对值",
        )
    if amount != quantize_cents(amount):
        raise AmountError(
            f"amount {amount} has fractions of a cent",
            hint="round it first with quantize_cents()",
            zh=f"金额 {amount} 含有不足一分的部分",
            hint_zh="请先用 quantize_cents() 四舍五入到分",
        )
    if amount > MAX_AMOUNT:
        raise AmountError(
            f"amount {amount} is beyond the 大写 limit of 9999亿 (999,999,999,999.99)",
            hint="split the amount or state it in figures only",
            zh=f"金额 {amount} 超出大写上限 9999亿（999,999,999,999.99）",
            hint_zh="请拆分金额，或只用阿拉伯数字书写",
        )
    cents = int(amount * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return f"{prefix}零元整"
    parts: list[str] = []
    if yuan:
        parts.append(_integer_upper(yuan) + "元")
    if jiao:
        if yuan and yuan % 10 == 0:
            parts.append("零")
        parts.append(_DIGITS[jiao] + "角")
    elif fen and yuan:
        parts.append("零")
    if fen:
        parts.append(_DIGITS[fen] + "分")
    else:
        parts.append("整")
    return prefix + "".join(parts)


# --- parsing 大写 ---

_VARIANTS = str.maketrans(
    {
        "貳": "贰",
        "參": "叁",
        "叄": "叁",
        "陸": "陆",
        "萬": "万",
        "億": "亿",
        "圓": "元",
        "圆": "元",
        "正": "整",
    }
)
_DIGIT_VALUE = {ch: i for i, ch in enumerate(_DIGITS)}
_UNIT_VALUE = {"拾": 10, "佰": 100, "仟": 1000}
_LOWERCASE = {
    "〇": "零",
    "一": "壹",
    "二": "贰",
    "两": "贰",
    "三": "叁",
    "四": "肆",
    "五": "伍",
    "六": "陆",
    "七": "柒",
    "八": "捌",
    "九": "玖",
    "十": "拾",
    "百": "佰",
    "千": "仟",
    "念": "贰拾",
    "毛": "角",
    "另": "零",
}
_ALLOWED = set(_DIGITS) | set(_UNIT_VALUE) | set("万亿元角分整")
_PREFIX_RE = re.compile(r"^(?:人民币|RMB|CNY|¥|￥)\s*[:：]?\s*", re.IGNORECASE)


def _strip_prefix(text: str) -> tuple[str, bool]:
    s = text.strip()
    m = _PREFIX_RE.match(s)
    return (s[m.end() :], True) if m else (s, False)


def _fail(
    text: str, message: str, hint: str | None = None, *, zh: str, hint_zh: str | None = None
) -> AmountError:
    """A malformed 大写 amount: ``message`` / ``hint`` in English, ``zh`` / ``hint_zh`` in Chinese."""
    return AmountError(
        f"malformed 大写 amount {text!r}: {message}",
        hint=hint,
        zh=f"大写金额 {text!r} 格式有误：{zh}",
        hint_zh=hint_zh,
    )


def _parse_integer(text: str, s: str) -> int:
    """The integer part (before 元) of a normalized 大写 string."""
    total = 0
    section = 0  # value of the current 万/亿 group
    digit: int | None = None
    last_unit = 10_000  # small units must decrease inside a group
    zero = False  # a 零 was seen and not yet used
    groups_done: list[str] = []
    for i, ch in enumerate(s):
        if ch == "零":
            if zero:
                raise _fail(
                    text,
                    "two 零 in a row",
                    "write one 零 for a run of zeros",
                    zh="连续两个“零”",
                    hint_zh="连续的零只写一个“零”",
                )
            if digit is not None:
                raise _fail(
                    text,
                    f"零 right after the digit {_DIGITS[digit]} (missing unit?)",
                    zh=f"数字{_DIGITS[digit]}后紧跟“零”（是否漏了单位？）",
                )
            if i == 0:
                raise _fail(text, "leading 零", zh="开头是“零”")
            zero = True
        elif ch in _DIGIT_VALUE:
            if digit is not None:
                raise _fail(
                    text,
                    f"two digits in a row ({_DIGITS[digit]}{ch}) — a unit is missing",
                    zh=f"两个数字相连（{_DIGITS[digit]}{ch}）——漏了单位",
                )
            digit = _DIGIT_VALUE[ch]
        elif ch in _UNIT_VALUE:
            unit = _UNIT_VALUE[ch]
            if digit is None:
                if ch == "拾" and i == 0:
                    digit = 1  # bare leading 拾 = 壹拾 (flagged by upper_problems)
                elif zero:
                    raise _fail(text, f"零 directly before the unit {ch}", zh=f"单位{ch}前直接是“零”")
                else:
                    raise _fail(text, f"unit {ch} without a digit before it", zh=f"单位{ch}前没有数字")
            if unit >= last_unit:
                raise _fail(
                    text,
                    f"misplaced unit {ch}",
                    "units inside a group go 仟 → 佰 → 拾",
                    zh=f"单位{ch}位置不对",
                    hint_zh="每组之内单位依次为 仟 → 佰 → 拾",
                )
            section += digit * unit
            last_unit, digit, zero = unit, None, False
        elif ch in ("万", "亿"):
            if digit is not None:
                if last_unit > 10 and last_unit != 10_000 and not zero:
                    raise _fail(
                        text,
                        f"ambiguous final digit {_DIGITS[digit]} before {ch} (missing 零?)",
                        zh=f"{ch}前的末位数字{_DIGITS[digit]}有歧义（是否漏了“零”？）",
                    )
                section += digit
            elif zero:
                raise _fail(text, f"零 directly before {ch}", zh=f"{ch}前直接是“零”")
            if section == 0:
                raise _fail(text, f"{ch} without a number before it", zh=f"{ch}前没有数字")
            if ch in groups_done or (ch == "亿" and "万" in groups_done):
                raise _fail(
                    text,
                    f"misplaced unit {ch}",
                    "亿 comes before 万, each once",
                    zh=f"单位{ch}位置不对",
                    hint_zh="亿在万之前，各写一次",
                )
            total += section * (10_000 if ch == "万" else 100_000_000)
            groups_done.append(ch)
            section, digit, last_unit, zero = 0, None, 10_000, False
        else:  # pragma: no cover - filtered by the caller
            raise _fail(text, f"unexpected character {ch!r}", zh=f"意外的字符 {ch!r}")
    if zero and digit is None:
        raise _fail(text, "零 at the end of the integer part (before 元)", zh="整数部分（元之前）以“零”结尾")
    if digit is not None:
        if last_unit > 10 and last_unit != 10_000 and not zero:
            raise _fail(
                text,
                f"ambiguous final digit {_DIGITS[digit]} (is it units or a shortened next unit?)",
                "write 零 before a units digit that follows 佰 or 仟, e.g. 壹仟零伍元",
                zh=f"末位数字{_DIGITS[digit]}有歧义（是个位，还是省略了下一位单位？）",
                hint_zh="佰或仟之后的个位数字前请写“零”，例如 壹仟零伍元",
            )
        if last_unit == 10_000 and groups_done and not zero:
            raise _fail(
                text,
                f"ambiguous final digit {_DIGITS[digit]} after {groups_done[-1]}",
                f"write 零 before it, e.g. 壹{groups_done[-1]}零{_DIGITS[digit]}元",
                zh=f"{groups_done[-1]}之后的末位数字{_DIGITS[digit]}有歧义",
                hint_zh=f"请在其前写“零”，例如 壹{groups_done[-1]}零{_DIGITS[digit]}元",
            )
        section += digit
    return total + section


def _check_characters(text: str, s: str) -> None:
    for ch in s:
        if ch in _LOWERCASE:
            raise _fail(
                text,
                f"lowercase numeral {ch} is not allowed in 大写",
                f"write {_LOWERCASE[ch]} instead of {ch}",
                zh=f"大写金额中不能用小写数字{ch}",
                hint_zh=f"请写“{_LOWERCASE[ch]}”而不是“{ch}”",
            )
        if ch.isdigit():
            raise _fail(text, f"Arabic digit {ch} inside 大写", zh=f"大写金额中有阿拉伯数字{ch}")
        if ch not in _ALLOWED:
            raise _fail(text, f"unknown character {ch!r}", zh=f"未知字符 {ch!r}")


def upper_to_amount(text: str) -> Decimal:
    """Parse 大写: ``"人民币壹仟肆佰零玖元伍角整"`` → ``Decimal("1409.50")``; AmountError if malformed."""
    body, _ = _strip_prefix(text)
    s = body.translate(_VARIANTS)
    if not s:
        raise _fail(text, "empty amount", zh="金额为空")
    _check_characters(text, s)
    if "整" in s[:-1]:
        raise _fail(
            text,
            "整 in the middle",
            "整 (正) may only end the amount",
            zh="“整”写在了中间",
            hint_zh="“整”（正）只能写在金额末尾",
        )
    whole = s.endswith("整")
    if whole:
        s = s[:-1]
    if s.count("元") > 1 or s.count("角") > 1 or s.count("分") > 1:
        raise _fail(text, "元, 角 or 分 written twice", zh="元、角或分写了两次")
    if "元" in s:
        int_part, frac = s.split("元")
    elif s and s[-1] in "角分":
        int_part, frac = "", s
    else:
        raise _fail(
            text,
            "no 元, 角 or 分",
            "end the amount with 元整, 角整 or 分",
            zh="没有元、角或分",
            hint_zh="金额请以 元整、角整 或 分 结尾",
        )
    if int_part in ("零", ""):
        yuan = 0
        if int_part == "零" and frac:
            raise _fail(
                text,
                "零元 followed by 角/分",
                "write 伍角 / 伍分 without 零元",
                zh="“零元”之后接角/分",
                hint_zh="请直接写 伍角 / 伍分，不写“零元”",
            )
    else:
        yuan = _parse_integer(text, int_part)
    m = re.fullmatch(r"(零)?(?:([壹贰叁肆伍陆柒捌玖])角)?(零)?(?:([壹贰叁肆伍陆柒捌玖])分)?", frac)
    if m is None:
        raise _fail(
            text,
            f"cannot read the 角/分 part {frac!r}",
            "write e.g. 伍角叁分 or 零贰分",
            zh=f"无法读取角/分部分 {frac!r}",
            hint_zh="例如写 伍角叁分 或 零贰分",
        )
    z1, jiao, z2, fen = m.groups()
    if z2 or (z1 and (not (jiao or fen) or yuan == 0)):
        raise _fail(text, "misplaced 零 in the 角/分 part", zh="角/分部分的“零”位置不对")
    if whole and fen:
        raise _fail(
            text,
            "整 after 分",
            "no 整 (正) is written after 分",
            zh="“分”之后写了“整”",
            hint_zh="“分”之后不写“整”（正）",
        )
    if not int_part and not (jiao or fen):
        raise _fail(text, "no amount", zh="没有金额")
    value = yuan * 100 + (_DIGIT_VALUE[jiao] * 10 if jiao else 0) + (_DIGIT_VALUE[fen] if fen else 0)
    return (Decimal(value) / 100).quantize(CENT)


def lenient_upper_to_amount(text: str) -> Decimal | None:
    """The amount a malformed 大写 means once lowercase numerals count as uppercase and a 整 after 分 is
    dropped (``壹万二千元整`` → 12000); None when it still cannot be read."""
    try:
        return upper_to_amount("".join(_LOWERCASE.get(ch, ch) for ch in text).replace("分整", "分"))
    except AmountError:
        return None


def upper_problems(text: str) -> list[str]:
    """Style problems of a 大写 amount, as short bilingual messages ``"zh / en"`` (empty when fine)."""
    problems: list[str] = []
    body, has_prefix = _strip_prefix(text)
    s = body.translate(_VARIANTS)
    if not has_prefix:
        problems.append("缺少“人民币”前缀 / missing 人民币 prefix")
    lower = sorted({ch for ch in body if ch in _LOWERCASE}, key=body.index)
    for ch in lower:
        problems.append(
            f"大写金额中使用了小写数字“{ch}”，应写“{_LOWERCASE[ch]}” / "
            f"lowercase numeral {ch}, write {_LOWERCASE[ch]}"
        )
    if s.endswith("元"):
        problems.append("“元”后缺少“整”（正）字 / 整 missing after 元")
    if "分整" in s:
        problems.append("“分”后不应写“整”（正）字 / no 整 after 分")
    m = re.search(r"元([壹贰叁肆伍陆柒捌玖])分", s)
    if m:
        problems.append("角位为0时“元”后应写“零” / 零 required after 元 when 角 is 0")
    if s.startswith("拾"):
        problems.append("首位拾应写“壹拾” / leading 拾 should be 壹拾")
    if not lower:
        try:
            upper_to_amount(text)
        except AmountError as exc:
            if "整 after 分" not in exc.message:
                problems.append(f"无法解析的大写金额 / cannot parse: {exc.message.split(': ', 1)[-1]}")
    return problems
