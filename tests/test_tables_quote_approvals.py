"""Quote approvals as a model (contract/quote_approvals.py and quote/discount-without-approval): approval
tables read by their headers, several roles in one cell, per option (方案/选项/Option/包) or per line,
pending approvals (事后补批, 待审批, 补签, 口头同意) that are not approvals, the policy stated in any wording
or as a table, and one finding per option where its approval record is."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.contract.quote_approvals import group_key, judge
from contractkit.lint import lint_text

RULE = Settings(select=("quote/discount-without-approval",))
HEAD = "报价单\n报价编号：BJ-2027-0418\n报价日期：2027年4月18日\n本报价有效期30日。\n"
POLICY = (
    "折扣政策：销售代表可给予不超过5%的折扣；超过5%至10%（含）须经销售经理批准；"
    "超过10%至15%（含）须经销售经理和销售总监共同批准。\n"
)
OPTIONS = (
    "| 方案 | 产品 | 数量 | 目录单价(元) | 折扣 | 折后单价(元) | 金额(元) |\n"
    "| 方案A(基础型) | 会议平板 | 1台 | 32,800.00 | 5% | 31,160.00 | 31,160.00 |\n"
    "| 方案B(标准型) | 会议平板 | 1台 | 32,800.00 | 8% | 30,176.00 | 30,176.00 |\n"
    "| 方案B(标准型) | 摄像机 | 1台 | 12,800.00 | 8% | 11,776.00 | 11,776.00 |\n"
    "| 方案C(旗舰型) | 显示屏 | 1套 | 268,000.00 | 12% | 235,840.00 | 235,840.00 |\n"
    "| 方案C(旗舰型) | 摄像机 | 2台 | 12,800.00 | 12% | 11,264.00 | 22,528.00 |\n"
)


def q(text: str):
    return extract_text(HEAD + text).quote


def hits(text: str) -> list[str]:
    return [f.snippet for f in lint_text(HEAD + text, RULE)]


# --- options -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("方案C(旗舰型)", "方案C"),
        ("方案c", "方案C"),
        ("选项二", "方案2"),
        ("Option B", "方案B"),
        ("备选方案3", "方案3"),
        ("第1包", "包1"),
        ("标段二", "标段2"),
        ("会议平板", None),
        ("每包 3kg", None),
        ("包装费", None),
        ("方案A与方案B", None),
    ],
)
def test_group_keys(text: str, key: str | None) -> None:
    assert group_key(text) == key


def test_option_lines_carry_their_option() -> None:
    lines = q(OPTIONS).lines
    assert [ln.group for ln in lines] == ["方案A", "方案B", "方案B", "方案C", "方案C"]


def test_option_heading_rows_carry_their_option() -> None:
    text = (
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 选项一：国产配置 |  |  |  |  |\n| 1 | 交换机 | 1,000.00 | 5% | 950.00 |\n"
        "| 选项二：进口配置 |  |  |  |  |\n| 1 | 交换机 | 2,000.00 | 12% | 1,760.00 |\n"
    )
    assert [(ln.group, ln.discount) for ln in q(text).lines] == [("方案1", 5), ("方案2", 12)]


APPROVAL_TABLES = {
    "roles in one cell": (
        "| 方案 | 折扣 | 所需审批 | 审批人及意见 | 日期 |\n"
        "| 方案A(基础型) | 5% | 无需审批(销售代表权限内) | — | — |\n"
        "| 方案B(标准型) | 8% | 销售经理 | 销售经理 彭晓燕：同意 | 2027年4月17日 |\n"
        "| 方案C(旗舰型) | 12% | 销售经理+销售总监 "
        "| 销售经理 彭晓燕：同意；销售总监 {director} | 2027年4月18日 |\n"
    ),
    "a row per role": (
        "| 方案 | 审批环节 | 审批人 | 意见 | 日期 |\n"
        "| 方案B | 销售经理 | 彭晓燕 | 同意 | 2027-04-17 |\n"
        "| 方案C | 销售经理 | 彭晓燕 | 同意 | 2027-04-18 |\n"
        "|  | 销售总监 | {director} |  |  |\n"
    ),
    "role and person in one cell": (
        "| 适用方案 | 折扣幅度 | 审批人 | 审批意见 |\n"
        "| 方案B | 8% | 销售经理 彭晓燕 | 同意 |\n"
        "| 方案C | 12% | 销售经理 彭晓燕 | 同意 |\n"
        "| 方案C | 12% | 销售总监 {director} |  |\n"
    ),
}


@pytest.mark.parametrize("layout", sorted(APPROVAL_TABLES))
def test_option_approvals_in_tables(layout: str) -> None:
    table = APPROVAL_TABLES[layout]
    given = OPTIONS + POLICY + table.format(director="叶国栋：同意" if "一" not in layout else "叶国栋")
    facts = q(given)
    assert facts.approved_roles(None, Decimal(12), "方案C") == {"sales_manager", "sales_director"}
    assert facts.approved_roles(None, Decimal(8), "方案B") == {"sales_manager"}
    assert hits(given) == []


@pytest.mark.parametrize("layout", sorted(APPROVAL_TABLES))
@pytest.mark.parametrize("pending", ["事后补批", "待审批", "（出差，回来后补签）", "口头同意，待补签字"])
def test_pending_director_is_no_approval(layout: str, pending: str) -> None:
    text = OPTIONS + POLICY + APPROVAL_TABLES[layout].format(director=pending)
    facts = q(text)
    assert facts.approved_roles(None, Decimal(12), "方案C") == {"sales_manager"}
    (f,) = lint_text(HEAD + text, RULE)  # one finding for option C, not one per line
    assert "方案C" in f.message and "销售总监" in f.message and "销售经理" not in f.message


@pytest.mark.parametrize(
    "cell",
    [
        "销售经理 彭晓燕：同意（总监出差，事后补批）",
        "销售经理 彭晓燕：同意（销售总监在外，待其补签）",
        "销售经理 彭晓燕 同意 (总监审批中)",
    ],
)
def test_a_remark_about_another_role_makes_that_role_pending(cell: str) -> None:
    table = (
        "| 方案 | 折扣 | 所需审批 | 审批人及意见 | 日期 |\n"
        "| 方案B(标准型) | 8% | 销售经理 | 销售经理 彭晓燕：同意 | 2027年4月17日 |\n"
        f"| 方案C(旗舰型) | 12% | 销售经理 | {cell} | 2027年4月18日 |\n"
    )
    facts = q(OPTIONS + POLICY + table)
    c = [a for a in facts.approvals if a.group == "方案C"]
    assert {(a.role, a.given) for a in c} == {("sales_manager", True), ("sales_director", False)}
    (hit,) = hits(OPTIONS + POLICY + table)
    assert "彭晓燕" in hit  # located at the approval record, where the director's approval is missing


def test_stated_requirement_counts_with_the_policy() -> None:
    table = (
        "| 方案 | 折扣 | 所需审批 | 审批人及意见 |\n"
        "| 方案B | 8% | 销售经理+销售总监 | 销售经理 彭晓燕：同意 |\n"
        "| 方案C | 12% | 销售经理+销售总监 | 销售经理 彭晓燕：同意；销售总监 叶国栋：同意 |\n"
    )
    facts = q(OPTIONS + POLICY + table)
    assert facts.stated_needs(None, "方案B") == ("sales_manager", "sales_director")
    assert len(hits(OPTIONS + POLICY + table)) == 1  # option B: the quote itself asks for the director


# --- judging one approval -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "text", "verdict"),
    [
        ("sales_director", " 叶国栋：同意", True),
        ("sales_director", " 叶国栋 2027-04-18", True),
        ("sales_director", "：事后补批", False),
        ("sales_director", " 叶国栋（待审批）", False),
        ("sales_director", " 叶国栋 不同意", False),
        ("sales_director", "：口头同意", False),
        ("sales_director", "（签字）：", None),
        ("sales_manager", " 彭晓燕：同意（总监出差，事后补批）", True),
    ],
)
def test_judge(role: str, text: str, verdict: bool | None) -> None:
    assert judge(role, text)[0] is verdict


@pytest.mark.parametrize(
    "text",
    [
        "第1项折扣12%已经销售经理李明同意，尚需销售总监审批。",
        "第1项折扣12%：销售经理李明已同意；销售总监待批。",
        "第1项折扣12%：销售经理李明同意，销售总监王强事后补签。",
    ],
)
def test_prose_pending_approvals(text: str) -> None:
    table = "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 球阀 | 1,000.00 | 12% | 880.00 |\n"
    facts = q(table + POLICY + text)
    assert "sales_director" not in facts.approved_roles(1, Decimal(12))
    assert len(hits(table + POLICY + text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "审批：第1项折扣12%经销售经理李明同意、销售总监王强批准（2027年4月18日）。",
        "经销售经理彭晓燕、销售总监叶国栋审批同意。",
        "审批：销售经理（签字）：彭晓燕 2027.4.18  销售总监（签字）：叶国栋 2027.4.18",
        "销售经理、销售总监均已同意（2027年4月18日）。",
    ],
)
def test_prose_approval_given(text: str) -> None:
    table = "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 球阀 | 1,000.00 | 12% | 880.00 |\n"
    facts = q(table + POLICY + text)
    assert facts.approved_roles(1, Decimal(12)) == {"sales_manager", "sales_director"}
    assert {a.name for a in facts.approvals} <= {None, "李明", "王强", "彭晓燕", "叶国栋"}
    assert hits(table + POLICY + text) == []


def test_signature_block_with_pending_director() -> None:
    table = "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 球阀 | 1,000.00 | 12% | 880.00 |\n"
    for sign in (
        "审批：销售经理（签字）：彭晓燕 2027.4.18  销售总监（签字）：事后补批",
        "| 销售经理：彭晓燕 2027年4月18日 | 销售总监：（出差，事后补批） |",
        "| 审批 | 销售经理 | 彭晓燕 | 2027年4月18日 |\n| 审批 | 销售总监 | 待审批 |  |",
    ):
        assert q(table + POLICY + sign).approved_roles(1, Decimal(12)) == {"sales_manager"}
        assert len(hits(table + POLICY + sign)) == 1


# --- the policy -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "policy",
    [
        POLICY,
        "我司折扣政策：销售代表可在5%以内给予折扣；5%以上至10%须经销售经理批准；10%以上须经销售经理和销售总监共同批准。",
        "按我司政策，销售代表权限为5%，超过5%至10%须销售经理批准，超过10%须销售经理、销售总监批准。",
        "| 折扣幅度 | 审批权限 |\n| 5%（含）以内 | 销售代表 |\n| 超过5%至10%（含） | 销售经理 |\n"
        "| 10%以上 | 销售经理+销售总监 |\n",
    ],
)
def test_policy_tiers_in_any_wording(policy: str) -> None:
    p = q(policy).policy
    assert p is not None and p.rep_limit == Decimal(5)
    assert p.required(Decimal(8)) == ("sales_manager",)
    assert set(p.required(Decimal(12))) == {"sales_manager", "sales_director"}


@given(st.integers(min_value=6, max_value=15))
def test_manager_alone_suffices_only_up_to_ten(pct: int) -> None:
    net = 1000 - pct * 10
    table = (
        f"| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 球阀 | 1,000.00 | {pct}% | {net:,}.00 |\n"
    )
    text = HEAD + table + POLICY + f"审批记录：销售经理 陈志远 同意第1项{pct}%的折扣 2027年4月18日\n"
    found = lint_text(text, RULE)
    assert (len(found) == 1) is (pct > 10)


# --- PDF quotes as text lines -------------------------------------------------------------------------

PDF_QUOTE = (
    "序号 品名 型号及规格 数量 目录单价\n(元)\n折扣 折后单价\n(元)\n金额(元)\n"
    "1 真空保温杯 HW-350,316 不锈钢内胆,350ml,12 小时保\n温,激光刻字3,000 只 42.00 3% 40.74 122,220.00\n"
    "2 焖烧罐 HW-F750,304 不锈钢,750ml 1,200 只 76.00 8% 69.92 83,904.00\n"
    "合计 206,124.00\n"
    "折扣政策:业务员可给予不超过 5%之折扣;超过 5%至 10%(含)须经销售经理批准;超过 10%者须经总经理批准。\n"
    "内部审批记录:\n行次 折扣 审批权限 审批人 日期1 3% 业务员权限内,无须审批 — —\n"
    "2 8% 销售经理 销售经理 {record}\n"
)


def test_a_model_number_is_no_price() -> None:
    lines = q(PDF_QUOTE.format(record="林志伟:同意 2027 年 6 月 14 日")).lines
    assert [(ln.number, ln.list_price, ln.discount) for ln in lines] == [
        (1, Decimal("42.00"), Decimal(3)),
        (2, Decimal("76.00"), Decimal(8)),
    ]


@pytest.mark.parametrize("record", ["待批 —", "待审批", "审批中 —", "（出差，事后补批）"])
def test_pending_approval_in_a_pdf_line_table(record: str) -> None:
    assert hits(PDF_QUOTE.format(record="林志伟:同意 2027 年 6 月 14 日")) == []
    (f,) = lint_text(HEAD + PDF_QUOTE.format(record=record), RULE)
    assert "第2项" in f.message and "销售经理" in f.message
    assert record.strip(" —（）")[:2] in f.snippet


def test_a_general_manager_tier() -> None:
    p = q(PDF_QUOTE.format(record="林志伟:同意")).policy
    assert p is not None and p.required(Decimal(12)) == ("general_manager",)
    assert p.required(Decimal(8)) == ("sales_manager",)


@pytest.mark.parametrize(
    "grant",
    ["本次PO膜给予8%优惠。", "贵司本单享受8%的折扣。", "对防虫网给予 8% 让利。"],
)
def test_number_first_discounts(grant: str) -> None:
    text = "报价如下：防虫网 6,000 平方米，目录价 1.90 元/平方米，折后 1.75 元/平方米。\n" + POLICY + grant
    (f,) = lint_text(HEAD + text, RULE)
    assert "8%" in f.message and f.snippet.strip().startswith(grant[:4])
    assert hits(text + "\n该折扣已经销售经理张海峰于2027年7月5日审批同意。") == []


PDF_OPTIONS = (
    "序号 产品 型号及参数 数量 目录单价(元) 折扣 折后单价(元) 金额(元)\n"
    "方案A(基础型)\n"
    "1 会议平板 MX86-Pro 1 台 32,800.00 5% 31,160.00 31,160.00\n"
    "方案A小计 31,160.00\n"
    "方案B(标准型)\n"
    "1 会议平板 MX86-Pro 1 台 32,800.00 8% 30,176.00 30,176.00\n"
    "2 会议摄像机 CAM-P12X 1 台 12,800.00 8% 11,776.00 11,776.00\n"
    "方案B小计 41,952.00\n"
    "方案C(旗舰型)\n"
    "1 LED显示屏 P1.25 1 套 268,000.00 12% 235,840.00 235,840.00\n"
    "方案C小计 235,840.00\n"
)


def test_pdf_option_rows_carry_their_option() -> None:
    lines = q(PDF_OPTIONS).lines
    assert [(ln.group, ln.number, ln.discount) for ln in lines] == [
        ("方案A", 1, 5),
        ("方案B", 1, 8),
        ("方案B", 2, 8),
        ("方案C", 1, 12),
    ]


@pytest.mark.parametrize(
    ("record", "found"),
    [
        ("方案C 12% 销售经理 彭晓燕:同意;销售总监 叶国栋:同意 2027年4月18日", 0),
        ("方案C 12% 销售经理 彭晓燕:同意(总监出差,事后补批) 2027年4月18日", 1),
        ("方案C 12% 销售经理 彭晓燕:同意 2027年4月18日", 1),
    ],
)
def test_pdf_option_approvals(record: str, found: int) -> None:
    text = (
        PDF_OPTIONS + POLICY + "内部审批记录:\n方案B 8% 销售经理 彭晓燕:同意 2027年4月17日\n" + record + "\n"
    )
    assert len(hits(text)) == found


LINE12 = "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 球阀 | 1,000.00 | 12% | 880.00 |\n" + POLICY


@pytest.mark.parametrize(
    ("table", "roles"),
    [
        (
            "| 审批层级 | 审批人签字 | 审批时间 |\n| 销售经理 | 彭晓燕 | 2027-04-18 |\n"
            "| 销售总监 | 叶国栋 | 2027-04-18 |",
            {"sales_manager", "sales_director"},
        ),
        (
            "| 岗位 | 姓名 | 意见 | 日期 |\n| 销售经理 | 彭晓燕 | 同意 | 2027-04-18 |\n"
            "| 销售总监 | 叶国栋 | 待批 |  |",
            {"sales_manager"},
        ),
        (
            "| 职务 | 签名 | 日期 |\n| 销售经理 | 彭晓燕 | 2027-04-18 |\n| 销售总监 |  | 2027-04-18 |",
            {"sales_manager", "sales_director"},  # signed (a signature image) and dated
        ),
        (
            "| 审批人 | 审批意见 |\n| 销售经理彭晓燕 | 同意 |\n| 销售总监叶国栋 | 同意（补签） |",
            {"sales_manager", "sales_director"},  # agreed, the signature supplied afterwards
        ),
        (
            "| 审批人 | 审批意见 |\n| 销售经理彭晓燕 | 同意 |\n| 销售总监叶国栋 | 出差中，回来后补签 |",
            {"sales_manager"},
        ),
    ],
)
def test_approval_table_headers(table: str, roles: set[str]) -> None:
    facts = q(LINE12 + table)
    assert facts.approved_roles(1, Decimal(12)) == roles
    assert all(a.name in (None, "彭晓燕", "叶国栋") for a in facts.approvals)
    assert len(hits(LINE12 + table)) == (0 if len(roles) == 2 else 1)
