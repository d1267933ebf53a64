"""Quote rules, accuracy round 6: a discount an approval does not cover is reported at the discount, with the
approval record quoted beside it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

QUOTE_RULE = Settings(select=("quote/discount-without-approval",))

POLICY = (
    "销售代表可给予不超过8%的折扣；超过8%、不超过12%由销售经理审批；超过12%须经销售经理和销售总监共同审批。\n"
)


@pytest.mark.parametrize(
    ("cell", "net", "record"),
    [
        ("阶梯10%+推荐5%", "1,827.50", "销售经理 陈志远 同意第1项合计15%的折扣 2026年5月18日"),
        ("首单优惠15%", "1,827.50", "销售经理：韩冬（OA审批号 XS-2026-0815）同意第1项15%，2026年6月2日"),
        ("八五折", "1,827.50", "审批：销售经理 韩冬 同意第1项八五折。"),
    ],
)
def test_a_discount_beyond_its_approver_is_reported_at_the_discount_quoting_the_record(
    cell: str, net: str, record: str
) -> None:
    text = (
        "报价单\n本报价30日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        f"| 1 | 不锈钢法兰球阀 | 2,150.00 | {cell} | {net} |\n"
        "| 2 | 止回阀 | 1,000.00 | 5% | 950.00 |\n" + POLICY + record + "\n"
    )
    (f,) = lint_text(text, QUOTE_RULE)
    assert cell in f.snippet  # where a reviewer looks first: the discount that lacks its approval
    assert "韩冬" in f.snippet or "陈志远" in f.snippet  # and the record that falls short, beside it
    assert "销售总监" in f.message and "审批记录" in f.message and "超出审批人权限" in f.message
    assert "不锈钢法兰球阀" in f.snippet


def test_a_discount_with_no_approval_at_all_quotes_only_the_discount() -> None:
    text = (
        "报价单\n本报价30日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 1 | 电动蝶阀 | 4,860.00 | 活动优惠20% | 3,888.00 |\n" + POLICY
    )
    (f,) = lint_text(text, QUOTE_RULE)
    assert "活动优惠20%" in f.snippet and "……" not in f.snippet


# --- a policy written as the share of the price kept (低于90%须经销售总监审批) ---

SHARE_POLICY = (
    "折扣政策：批量订货执行目录价的92%；折扣低于90%须经销售总监审批，低于85%须经总经理审批。\n"
    "审批：区域经理 林海涛 同意（在本级权限内）。\n"
)


def _share_quote(cell: str, net: str) -> str:
    return (
        "报价单\n本报价30日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        f"| 1 | 智能水表 DN20 | 265.00 | {cell} | {net} |\n"
        "| 2 | 大口径水表 DN80 | 3,650.00 | 95% | 3,467.50 |\n" + SHARE_POLICY
    )


@pytest.mark.parametrize(("cell", "net"), [("92%", "243.80"), ("90%", "238.50")])
def test_a_price_share_within_the_policy_is_clean(cell: str, net: str) -> None:
    assert lint_text(_share_quote(cell, net), QUOTE_RULE) == []


@pytest.mark.parametrize(
    ("cell", "net", "role"), [("84%", "222.60", "总经理"), ("88%", "233.20", "销售总监")]
)
def test_a_price_share_below_a_threshold_needs_its_approver(cell: str, net: str, role: str) -> None:
    (f,) = lint_text(_share_quote(cell, net), QUOTE_RULE)
    assert role in f.message and cell in f.snippet


# --- a ladder of roles' ceilings (销售经理审批权限：5%以内；区域总监：10%以内；超过10%须总经理审批) ---

LADDER = "销售经理审批权限：5%以内；区域总监：10%以内；超过10%须总经理审批。\n"


def _ladder_quote(d3: str, record: str) -> str:
    return (
        "报价单\n本报价30日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 1 | 砂缸过滤器 | 18,600.00 | 5% | 17,670.00 |\n"
        f"| 2 | 臭氧消毒系统 | 46,000.00 | {d3}% | {Decimal(46000) * (100 - Decimal(d3)) / 100:,.2f} |\n"
        + LADDER
        + f"审批：销售经理 黎嘉俊 同意第1项5%折扣；{record}\n"
    )


@pytest.mark.parametrize(
    ("d3", "record"),
    [("10", "区域总监 冼志强 同意第2项10%折扣"), ("8", "区域总监 冼志强 同意第2项8%折扣")],
)
def test_a_discount_within_a_ceiling_of_the_ladder_approved_there_is_clean(d3: str, record: str) -> None:
    assert lint_text(_ladder_quote(d3, record), QUOTE_RULE) == []


def test_a_discount_above_the_ladder_needs_the_top_approver() -> None:
    (f,) = lint_text(_ladder_quote("15", "区域总监 冼志强 同意第2项15%折扣"), QUOTE_RULE)
    assert "总经理" in f.message and "冼志强" in f.snippet and "15%" in f.snippet
