"""Quote rules, accuracy round 7: one finding per discount decision, sitting at the recorded approval that
falls short; policies that add an approver (须另经); approvals given without a name or wrapped over a line."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text

RULE = Settings(select=("quote/discount-without-approval",))

POLICY = (
    "折扣政策：业务员可给予不超过6%的折扣；超过6%至9%的须经销售经理批准；"
    "超过9%的须经销售经理和销售总监共同批准。\n"
)


def _table(pct: str, rows: int = 3) -> str:
    items = ["液压油缸", "齿轮泵", "电磁换向阀", "压力表"][:rows]
    body = "".join(f"| {n} | {name} | 1,000.00 | {pct}% | 890.00 |\n" for n, name in enumerate(items, 1))
    return "报价单\n本报价20日内有效。\n| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n" + body


@pytest.mark.parametrize(
    "record",
    [
        "审批记录：销售经理 孟凡宇 2026年9月1日 同意。",
        "上述折扣已经销售经理孟凡宇审批同意（审批单号 QP-0917）。",
        "销售经理：孟凡宇，2026年9月1日批准。",
    ],
)
def test_rows_at_one_discount_under_a_short_approval_are_one_finding_at_the_record(record: str) -> None:
    (f,) = lint_text(_table("11") + POLICY + record + "\n", RULE)
    assert "孟凡宇" in f.snippet and "11%" in f.snippet  # the record, with the discount it does not cover
    assert "第1项、第2项、第3项" in f.message and "销售总监" in f.message and "销售经理、" not in f.message


def test_rows_with_no_approval_at_all_are_one_finding_at_the_discount() -> None:
    (f,) = lint_text(_table("11") + POLICY, RULE)
    assert "11%" in f.snippet and "……" not in f.snippet
    assert "销售经理、销售总监" in f.message


@pytest.mark.parametrize(
    ("grant", "record"),
    [
        ("本次首单折扣11%，折后单价890.00元。", "本次11%的首单折扣已经我司销售经理孟凡宇审批同意。"),
        ("给予老客户折扣11%，折后合计8,900.00元。", "该项优惠已由销售经理审批。"),
        ("首单优惠4%加特别让利7%，合计折扣11%。", "本单特别让利已经销售经理审核。"),
    ],
)
def test_a_stated_discount_under_a_short_approval_is_reported_at_the_record(grant: str, record: str) -> None:
    text = (
        "报价函\n本报价20日内有效。\n液压油缸 10台，目录价每台1,000.00元。"
        + grant
        + "\n"
        + POLICY
        + record
        + "\n"
    )
    (f,) = lint_text(text, RULE)
    assert record.rstrip("。")[-6:] in f.snippet and "11%" in f.snippet
    assert "销售总监" in f.message and "销售经理、" not in f.message


def test_a_reason_for_the_discount_is_not_a_policy() -> None:
    text = (
        "报价单\n本报价20日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 液压油缸 | 1,000.00 | 11% | 890.00 |\n"
        "折扣说明：年度返利折扣 11%（客户上年采购额超过人民币80万元）。\n"
        + POLICY
        + "审批记录 销售经理 孟凡宇 同意\n"
    )
    (f,) = lint_text(text, RULE)
    assert "年度返利折扣" in f.snippet and "孟凡宇" in f.snippet


@pytest.mark.parametrize(
    "further",
    [
        "超过9%的须另经销售总监书面批准",
        "超过9%的还须报销售总监批准",
        "超过9%的须再经销售总监加签",
    ],
)
def test_a_policy_adding_an_approver_is_no_approval_and_keeps_the_lower_one(further: str) -> None:
    policy = f"折扣政策：业务员可给予不超过6%的折扣；超过6%至9%的须经销售经理书面批准；{further}。\n"
    (f,) = lint_text(_table("11") + policy, RULE)
    assert "销售经理、销售总监" in f.message


def test_an_added_approver_given_by_both_is_clean() -> None:
    policy = (
        "折扣政策：业务员可给予不超过6%的折扣；超过6%至9%的须经销售经理批准；超过9%的须另经销售总监批准。\n"
    )
    record = "审批：销售经理 孟凡宇 同意；销售总监 钱卫东 同意。\n"
    assert lint_text(_table("11") + policy + record, RULE) == []


@pytest.mark.parametrize(
    "lines",
    [
        (
            "本单11%的折扣，已经销售经理孟凡宇（2026",
            "年9月1日）和销售总监钱卫东（2026年9月2日）共同审批同意。",
        ),
        ("上述折扣经销售经理孟凡宇（审批单", "QP-0917）、销售总监钱卫东审批同意。"),
    ],
)
def test_an_approval_wrapped_onto_the_next_line_is_read_whole(lines: tuple[str, str]) -> None:
    text = _table("11") + POLICY + lines[0] + "\n" + lines[1] + "\n"
    assert lint_text(text, RULE) == []


def test_a_role_on_its_own_line_is_not_an_approval_of_the_next() -> None:
    text = _table("11") + POLICY + "联系人：销售经理 孟凡宇\n报价日期：2026年9月1日\n"
    (f,) = lint_text(text, RULE)
    assert "销售经理、销售总监" in f.message


# --- a volume discount schedule grants its discount at the quantity it names ---

VOLUME = (
    "批量折扣（按单品订购数量适用）：\n"
    "100–499 件 3%；500–1,499 件 6%；1,500 件及以上 10%。"
    "阶梯折扣以外的任何额外折扣，须经销售经理及销售总监审批。\n"
)


def _volume_quote(qty: str, pct: str, net: str, amount: str) -> str:
    return (
        "报价单\n本报价20日内有效。\n"
        "| 序号 | 产品名称 | 数量 | 目录单价 | 折扣 | 折后单价 | 金额 |\n"
        f"| 1 | 不锈钢螺栓 | {qty} | 10.00 | {pct}% | {net} | {amount} |\n"
        "| 2 | 平垫圈 | 200 | 2.00 | 3% | 1.94 | 388.00 |\n" + VOLUME
    )


@pytest.mark.parametrize(
    ("qty", "pct", "net", "amount"),
    [
        ("800", "6", "9.40", "7,520.00"),
        ("2,000", "10", "9.00", "18,000.00"),
        ("1,500", "6", "9.40", "14,100.00"),
    ],
)
def test_a_discount_the_volume_schedule_grants_is_clean(qty: str, pct: str, net: str, amount: str) -> None:
    assert lint_text(_volume_quote(qty, pct, net, amount), RULE) == []


@pytest.mark.parametrize(
    ("qty", "pct", "net", "amount"),
    [("800", "10", "9.00", "7,200.00"), ("300", "6", "9.40", "2,820.00")],
)
def test_a_tier_discount_below_its_quantity_needs_the_approvals(
    qty: str, pct: str, net: str, amount: str
) -> None:
    (f,) = lint_text(_volume_quote(qty, pct, net, amount), RULE)
    assert "第1项" in f.message and "阶梯" in f.message and "销售经理、销售总监" in f.message


def test_a_statement_explaining_a_row_counts_that_rows_approval() -> None:
    text = (
        "报价单\n本报价20日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 液压油缸 | 1,000.00 | 8% | 920.00 |\n"
        "| 2 | 齿轮泵 | 500.00 | 3% | 485.00 |\n"
        "折扣：油缸 8%为年度返利折扣（客户上年采购额超过80万元），齿轮泵 3%为首单折扣。"
        "按我司政策，业务员权限为6%，超过6%至9%须销售经理批准；第1项8%已经销售经理孟凡宇批准。\n"
    )
    assert lint_text(text, RULE) == []
