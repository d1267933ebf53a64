"""Rules match the normalized text, where full-width ASCII (，；：（）Ｏ…) is already folded to half-width: a
pattern that names a full-width character without its half-width form can never see it there."""

from __future__ import annotations

import importlib
import pkgutil
import re

import contractkit.checks
import contractkit.facts
from contractkit.config import Settings
from contractkit.lint import lint_text

_FULL_WIDTH = re.compile(r"[\uff01-\uff5e]")
_CLASS = re.compile(r"\[(?:\\.|[^\]])*\]")


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for pkg in (contractkit.checks, contractkit.facts):
        for info in pkgutil.iter_modules(pkg.__path__):
            module = importlib.import_module(f"{pkg.__name__}.{info.name}")
            out += [(f"{info.name}.{n}", v) for n, v in vars(module).items() if isinstance(v, re.Pattern)]
    return out


def _half(ch: str) -> str:
    return chr(ord(ch) - 0xFEE0)


def test_every_full_width_character_in_a_pattern_has_its_half_width_form() -> None:
    patterns = _patterns()
    assert len(patterns) > 100
    problems = []
    for name, rx in patterns:
        for cls in _CLASS.findall(rx.pattern):  # [^，。；] must be [^,，。;；]
            problems += [
                f"{name}: {cls} lacks {_half(c)!r}" for c in _FULL_WIDTH.findall(cls) if _half(c) not in cls
            ]
        outside = _CLASS.sub("", rx.pattern)  # 型号：… must also accept 型号:…
        problems += [
            f"{name}: {c} lacks {_half(c)!r}"
            for c in _FULL_WIDTH.findall(outside)
            if _half(c) not in rx.pattern
        ]
    assert problems == []


def test_a_comma_ends_the_no_adjust_phrase() -> None:
    only = Settings(select=("penalty/no-adjust-clause",))
    assert lint_text("甲方逾期付款的，应支付违约金，乙方不得变更交货地址。", only) == []
    assert lint_text("甲方逾期付款的，每日按万分之三支付违约金；双方不得调整违约金。", only)


def test_full_width_letter_o_as_zero_in_a_written_year() -> None:
    found = lint_text("本合同签订日期为二ＯＯ六年二月三十日。", Settings(select=("term/impossible-date",)))
    assert [f.snippet for f in found] == ["本合同签订日期为二ＯＯ六年二月三十日。"]
