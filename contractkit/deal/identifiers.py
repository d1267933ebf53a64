"""Chinese identifiers: 统一社会信用代码 (GB 32100-2015) and phone numbers. Each check returns ``None`` when
the value is fine, else a ``(message_zh, message_en)`` pair saying what is wrong."""

from __future__ import annotations

import re

_LANDLINE = re.compile(r"^(?:\+86[- ]?)?0\d{2,3}-?\d{7,8}(?:(?:-|转|ext\.?)\d{1,6})?$")
_MOBILE = re.compile(r"^(?:\+86[- ]?)?1[3-9]\d{9}$")


def uscc_problem(value: str) -> tuple[str, str] | None:
    """Check a 统一社会信用代码: 18 characters from the GB 32100 alphabet with a correct check character."""
    from stdnum.cn import uscc
    from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

    code = value.strip().upper()
    try:
        uscc.validate(code)
    except InvalidLength:
        return (f"应为 18 位，实际 {len(code)} 位", f"must be 18 characters, got {len(code)}")
    except InvalidChecksum:
        expected = uscc.calc_check_digit(code[:17])
        return (
            f"校验位错误（第 18 位应为「{expected}」，实为「{code[17]}」）",
            f"wrong check character (the 18th should be '{expected}', not '{code[17]}')",
        )
    except InvalidFormat:
        return (
            "含有不允许的字符（只允许数字和除 I、O、S、V、Z 外的大写字母）",
            "contains characters outside the GB 32100 alphabet (digits and capitals except I, O, S, V, Z)",
        )
    if code != value:
        return ("须为大写且不含空格", "must be upper case without spaces")
    return None


def phone_problem(value: str) -> tuple[str, str] | None:
    """Check a Chinese phone number: landline with area code (optional extension) or 11-digit mobile."""
    if _LANDLINE.match(value) or _MOBILE.match(value):
        return None
    return (
        "格式不正确：应为带区号的固定电话（如 010-62345678、0512-68761234）或 11 位手机号",
        "not a valid number: use a landline with area code (010-62345678, 0512-68761234) "
        "or an 11-digit mobile",
    )


def is_valid_uscc(value: str) -> bool:
    """True if ``value`` is a valid 统一社会信用代码."""
    return uscc_problem(value) is None


def is_valid_phone(value: str) -> bool:
    """True if ``value`` is a valid Chinese landline or mobile number."""
    return phone_problem(value) is None
