"""Quote rules, accuracy round 6: a discount an approval does not cover is reported at the discount, with the
approval record quoted beside it."""

from __future__ import annotations

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
