"""Quote facts: number, date, validity, priced lines (Word/text/box tables, PDF text rows) with summed
discount parts, the stated discount policy (tiers) and the recorded approvals — many phrasings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.contract.extract import extract_path, extract_text
from contractkit.contract.quote import discount_parts

CORPUS = Path(__file__).parent / "corpus" / "labelled"
HEAD = "报价单\n报价编号：BJ-2026-0518\n报价日期：2026年5月18日\n"


def quote(text: str):
    return extract_text(text).quote


def test_contract_is_not_a_quote() -> None:
    q = quote("买卖合同\n甲方向乙方采购球阀20台，首单优惠15%。")
    assert not q.is_quote and q.lines == () and q.discounts == ()


def test_number_and_date() -> None:
    q = quote(HEAD + "本报价30日内有效。")
    assert q.is_quote and q.number == "BJ-2026-0518" and q.date == date(2026, 5, 18)


@pytest.mark.parametrize(
    ("line", "until", "days"),
    [
        ("本报价自报价日期起30日内有效。", None, 30),
        ("报价有效期：自报价日期起30日，即至2026年6月7日止。", date(2026, 6, 7), 30),
        ("报价有效期：至 2026 年 6 月 17 日止。", date(2026, 6, 17), None),
        ("本报价有效期至2026年6月12日。", date(2026, 6, 12), None),
        ("以上价格30天内有效，逾期须重新报价。", None, 30),
        ("本报價有效期為一個月。", None, 30),
        ("4. 有效期：2026年6月30日", date(2026, 6, 30), None),
        ("This quotation is valid for 30 days.", None, 30),
        ("本报价单在贵司收到后15日内确认有效。", None, 15),
        ("| 报价有效期 | 30天 |\n| 付款 | 预付30% |", None, 30),
    ],
)
def test_validity_phrasings(line: str, until: date | None, days: int | None) -> None:
    v = quote(HEAD + line).validity[0]
    assert (v.until, v.days) == (until, days)


@pytest.mark.parametrize(
    "line",
    [
        "价格如有调整，以我司最新报价为准。",
        "产品剩余有效期不少于十二个月。",
        "报价有效期：＿＿＿＿",
        "本报价长期有效。",
        "质保有效期：12个月。",
        "报价单经双方签字后有效。",
    ],
)
def test_no_validity(line: str) -> None:
    assert quote(HEAD + line).validity == ()


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("阶梯10%+推荐5%", Decimal(15)),
        ("阶梯 10%+推荐 5%", Decimal(15)),
        ("特别优惠18%", Decimal(18)),
        ("活动优惠 20%", Decimal(20)),
        ("首单折扣5%", Decimal(5)),
        ("九五折", Decimal(5)),
        ("85折", Decimal(15)),
        ("八折", Decimal(20)),
    ],
)
def test_discount_parts(text: str, total: Decimal) -> None:
    assert sum(p.percent for p, _ in discount_parts(text)) == total


def test_a_share_paid_is_read_from_the_prices() -> None:
    text = (
        HEAD + "| 序号 | 产品名称 | 目录单价 | 折扣率 | 成交单价 |\n| 1 | 球阀 | 2,000.00 | 95% | 1,900.00 |"
    )
    assert quote(text).lines[0].discount == Decimal(5)


def test_tax_is_no_discount() -> None:
    assert discount_parts("含13%增值税") == []


TABLE = (
    HEAD + "| 序号 | 产品名称 | 规格型号 | 数量 | 目录单价（元） | 折扣 | 折后单价（元） | 金额（元） |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| 1 | 不锈钢法兰球阀 | Q41F-16P DN80 | 40 | 2,150.00 | 阶梯10%+推荐5% | 1,827.50 | 73,100.00 |\n"
    "| 2 | 电动软密封蝶阀 | D971X-16Q DN150 | 12 | 4,860.00 | 活动优惠20% | 3,888.00 | 46,656.00 |\n"
    "| 3 | 旋启式止回阀 | H44H-16C DN100 | 20 | 1,720.00 |  | 1,634.00 | 32,680.00 |\n"
    "| 合计 |  |  |  |  |  |  | 152,436.00 |\n"
)


def test_text_table_lines() -> None:
    lines = quote(TABLE).lines
    assert [(ln.number, ln.name, ln.model) for ln in lines] == [
        (1, "不锈钢法兰球阀", "Q41F-16P DN80"),
        (2, "电动软密封蝶阀", "D971X-16Q DN150"),
        (3, "旋启式止回阀", "H44H-16C DN100"),
    ]
    assert [ln.discount for ln in lines] == [Decimal(15), Decimal(20), Decimal(5)]  # line 3 from its prices
    assert lines[0].list_price == Decimal("2150.00") and lines[0].net_price == Decimal("1827.50")


def test_box_drawn_table_lines() -> None:
    text = (
        HEAD + "┌────┬────────┬────────┬──────┬────────┐\n"
        "│ 序号 │ 产品名称 │ 目录单价 │ 折扣 │ 折后单价 │\n"
        "├────┼────────┼────────┼──────┼────────┤\n"
        "│ 1 │ 球阀 │ 2,150.00 │ 特别优惠18% │ 1,763.00 │\n"
        "└────┴────────┴────────┴──────┴────────┘\n"
    )
    (ln,) = quote(text).lines
    assert ln.discount == Decimal(18) and ln.parts[0].label == "特别优惠"


def test_pdf_text_rows_run_over_lines() -> None:
    text = (
        HEAD + "序号 产品名称及型\n号主要规格 数量 单位 目录单价\n（元）\n折扣 折后单价\n（元）\n金额（元）\n"
        "1 千兆接入交换\n机 HXS2328P\n40 台 3,280.00 5% 3,116.00 124,640.00\n"
        "2 万兆汇聚交换\n机 HXS5548X\n6 台 26,800.00 10% 24,120.00 144,720.00\n合计 269,360.00\n"
    )
    lines = quote(text).lines
    assert [(ln.number, ln.discount) for ln in lines] == [(1, Decimal(5)), (2, Decimal(10))]


@pytest.mark.parametrize("name", ["q3_quote_valves_no_validity.pdf", "q4_quote_valves_partial_approval.pdf"])
def test_pdf_quotes_of_the_corpus(name: str) -> None:
    q = extract_path(CORPUS / name).quote
    assert q.is_quote and len(q.lines) >= 2 and q.policy is not None
    assert q.policy.rep_limit == Decimal(8) and q.policy.required(Decimal(15)) == (
        "sales_manager",
        "sales_director",
    )


def test_policy_sentence_is_no_approval() -> None:
    q = quote(HEAD + "销售代表可给予不超过8%的折扣，超过8%的须经销售经理和销售总监审批。\n销售经理\n销售总监")
    assert q.approvals == () and q.policy is not None and q.policy.rep_limit == Decimal(8)


def test_tiered_policy() -> None:
    q = quote(
        HEAD + "折扣政策：销售代表可在目录价基础上给予不超过 5%的折扣；超过 5%至 12%（含）须经销售经理审批；"
        "超过 12%须经销售经理和销售总监共同审批。"
    )
    p = q.policy
    assert p is not None and p.rep_limit == Decimal(5)
    assert p.required(Decimal(10)) == ("sales_manager",)
    assert p.required(Decimal(15)) == ("sales_manager", "sales_director")


@pytest.mark.parametrize(
    ("text", "roles", "lines"),
    [
        ("审批记录：销售经理 陈志远 同意第 1 项合计 15%的折扣 2026 年 5 月 18 日", {"sales_manager"}, (1,)),
        ("审核：销售经理 陈志远　　2026年5月8日", {"sales_manager"}, ()),
        ("特价审批：销售经理李明同意；销售总监王强批准。", {"sales_manager", "sales_director"}, ()),
        (
            "行号 折扣 审批人 审批意见\n2 10% 销售经理 罗志强 同意 2026 年 11 月 26 日",
            {"sales_manager"},
            (2,),
        ),
    ],
)
def test_recorded_approvals(text: str, roles: set[str], lines: tuple[int, ...]) -> None:
    q = quote(HEAD + text)
    assert {a.role for a in q.approvals} == roles
    assert all(a.lines == lines for a in q.approvals)


@pytest.mark.parametrize(
    "text",
    [
        "销售经理（签字）：＿＿＿＿",
        "超过8%的须经销售经理审批。",
        "审批意见：销售总监不同意。",
    ],
)
def test_not_approvals(text: str) -> None:
    assert quote(HEAD + text).approvals == ()


def test_word_table_approvals_and_empty_rows() -> None:
    q = extract_path(CORPUS / "q2_quote_valves_approved_discount.docx").quote
    assert {a.role for a in q.approvals} == {"sales_manager", "sales_director"}
    assert all(a.name for a in q.approvals)
    q3 = extract_path(CORPUS / "q3_quote_valves_no_validity.pdf").quote
    assert q3.approvals == () and q3.validity == ()


def test_role_and_name_in_one_cell() -> None:
    text = (
        HEAD
        + "| 行号 | 折扣 | 审批人 | 意见 | 日期 |\n| 1 | 15% | 销售经理 马俊杰 | 同意 | 2026年11月29日 |\n"
        "| 1 | 15% | 销售总监 林雅琴 | 同意 | 2026年11月30日 |\n"
    )
    q = quote(text)
    assert {(a.role, a.name, a.lines) for a in q.approvals} == {
        ("sales_manager", "马俊杰", (1,)),
        ("sales_director", "林雅琴", (1,)),
    }


def test_approval_scope() -> None:
    q = quote(HEAD + "销售经理 陈志远 同意第 1 项合计 15%的折扣 2026 年 5 月 18 日")
    assert q.approved_roles(1, Decimal(15)) == {"sales_manager"}
    assert q.approved_roles(2, Decimal(20)) == set()
    assert q.approved_roles(1, Decimal(20)) == set()  # approved 15 %, not more


def test_line_statements_name_their_line() -> None:
    q = quote(
        HEAD + "折扣说明：第 1 行为首单折扣 5%；第 2 行为长期合作阶梯折扣 10%（年度采购额 20 万元以上档）。"
    )
    assert sorted((d.lines, d.percent) for d in q.discounts) == [((1,), Decimal(5)), ((2,), Decimal(10))]


def test_plain_price_beside_a_net_column_is_the_list_price() -> None:
    text = (
        HEAD + "| 序号 | 产品名称 | 数量 | 单价（元） | 优惠后单价（元） |\n"
        "| 1 | 变频器 | 10 | 5,000.00 | 4,250.00 |\n"
        "折扣权限：销售员最多给9折，超出须报销售总监批准。\n审批：销售总监（签字）："
    )
    q = quote(text)
    assert q.lines[0].discount == Decimal(15) and q.lines[0].list_price == Decimal("5000.00")
    assert q.policy is not None and q.policy.rep_limit == Decimal(10)
    assert q.policy.required(Decimal(15)) == ("sales_director",) and q.approvals == ()


def test_free_discounts_skip_policy_text() -> None:
    q = quote(HEAD + "新客户首单优惠15%。\n销售代表可给予不超过8%的折扣。")
    assert [d.percent for d in q.discounts] == [Decimal(15)]


@given(st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=40))
def test_parts_add_up(a: int, b: int) -> None:
    total = sum(p.percent for p, _ in discount_parts(f"阶梯{a}%+推荐{b}%"))
    assert total == a + b


@given(st.integers(min_value=100, max_value=99999), st.integers(min_value=1, max_value=60))
def test_discount_implied_by_prices(listed: int, pct: int) -> None:
    net = Decimal(listed) * (100 - pct) / 100
    text = HEAD + f"| 序号 | 产品名称 | 目录单价 | 折后单价 |\n| 1 | 球阀 | {listed:,}.00 | {net:.2f} |\n"
    (ln,) = quote(text).lines
    assert abs(ln.discount - pct) <= Decimal("0.01")


@pytest.mark.parametrize(
    "spec", ["约18,000页（5%覆盖率）", "约 12,000 页", "1,500 张/盒", "长度2,000.00 米", "18,000页"]
)
def test_a_spec_figure_in_a_text_row_is_no_price(spec: str) -> None:
    text = (
        HEAD + "序号  品名  型号及规格  数量  单位  价目表单价（元）  折扣  折后单价（元）  金额（元）\n"
        f"1  原装碳粉  MX-C30BK，{spec}  24  支  498.00  0%  498.00  11,952.00\n"
        "2  打印机  LP-4020DN  20  台  2,650.00  3%  2,570.50  51,410.00\n"
    )
    lines = quote(text).lines
    assert [(ln.number, ln.list_price, ln.discount) for ln in lines] == [
        (1, Decimal("498.00"), Decimal(0)),
        (2, Decimal("2650.00"), Decimal(3)),
    ]


# -- round 4: PDF rows whose quantity looks like money; approval tables and letters read as text ------------


@pytest.mark.parametrize(
    ("row", "listed", "net", "discount"),
    [
        ("1 滴灌带\nΦ16mm 壁厚0.2mm 米 180,000 0.40 5% 0.38 68,400.00\n", "0.40", "0.38", 5),
        ("1 电缆 YJV-3x95\n米 12,500 186.00 阶梯5%+项目3% 171.12 2,139,000.00\n", "186.00", "171.12", 8),
        ("1 打印纸 A4 80g\n箱 1,200 128.00 九五折 121.60 145,920.00\n", "128.00", "121.60", 5),
    ],
)
def test_pdf_row_prices_are_read_around_the_discount_cell(
    row: str, listed: str, net: str, discount: int
) -> None:
    head = HEAD + "序号 产品名称 规格 单位 数量 目录单价\n（元）\n折扣 折后单价\n（元）\n金额（元）\n"
    (ln,) = quote(head + row + "合计 999.00\n").lines
    assert (ln.list_price, ln.net_price, ln.discount) == (Decimal(listed), Decimal(net), Decimal(discount))


APPROVAL_TEXT_TABLES = [
    # all rows run together on the header's line, as pdfplumber gives a borderless table
    "折扣审批记录 行次 折扣 审批人 审批日期— 1 6% 销售经理 李明 2027 年 4 月 16 日— 2 12% 销售经理 李明 "
    "2027 年 4 月 16 日",
    # one row a line, the columns in another order
    "审批人 序号 折扣 日期\n1 6% 销售经理 李明 2027-04-16\n2 12% 销售经理 李明 2027-04-16\n",
    # a status column; the header on its own line
    "折扣审批表\n行号 折扣 审批人 状态\n1. 6% 销售经理 李明 已批准\n"
    "2. 12% 销售经理 李明 已批准 销售总监 王强 待审批\n",
]


@pytest.mark.parametrize("table", APPROVAL_TEXT_TABLES)
def test_approval_tables_written_as_text_scope_each_row_to_its_line(table: str) -> None:
    q = quote(HEAD + table)
    given = {(a.role, a.lines, a.percent) for a in q.approvals if a.given}
    assert ("sales_manager", (1,), Decimal(6)) in given and ("sales_manager", (2,), Decimal(12)) in given
    assert all(a.lines in ((1,), (2,)) for a in q.approvals)
    assert "sales_director" not in {a.role for a in q.approvals if a.given}


def test_a_date_in_an_approval_row_is_no_row_number() -> None:
    q = quote(
        HEAD + "行次 审批人 审批日期\n3 销售经理 李明 2027 年 12 月 2 日 销售总监 王强 2027 年 12 月 3 日\n"
    )
    assert {(a.role, a.lines) for a in q.approvals} == {("sales_manager", (3,)), ("sales_director", (3,))}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("本函第 1 项 10%、第 2 项 6%的折扣系销售代表主动给予。", {(10, (1,)), (6, (2,))}),
        ("第1项的折扣为12%，第3项8%的优惠已含在单价中。", {(12, (1,)), (8, (3,))}),
        ("1. 收银软件：12 套，目录价 3,600.00 元/套，折扣10%，折后 3,240.00 元；", {(10, (1,))}),
        ("（2）显示屏：4 台，目录价 2,150.00 元/台，优惠 7%，折后 1,999.50 元。", {(7, (2,))}),
    ],
)
def test_letter_discounts_name_their_lines(text: str, want: set) -> None:
    got = {(int(d.percent), d.lines) for d in quote(HEAD + text).discounts}
    assert want <= got


# --- round 5: a discount restated in brackets, regional directors, tier pieces, wrapped rows ---


@pytest.mark.parametrize(
    ("cell", "percent"),
    [("八五折（15%）", 15), ("九二折 (8%)", 8), ("12%（八八折）", 12), ("9折（10%）", 10)],
)
def test_a_discount_restated_in_brackets_counts_once(cell: str, percent: int) -> None:
    assert [p.percent for p, _span in discount_parts(cell)] == [Decimal(percent)]


def test_two_different_discounts_in_brackets_still_add_up() -> None:
    assert sum(p.percent for p, _ in discount_parts("阶梯10%（另加推荐5%）")) == Decimal(15)


@pytest.mark.parametrize(
    "policy",
    [
        "折扣政策：销售代表可给予不超过5%的折扣；5%以上至10%须区域总监审批；10%以上须总经理审批。",
        "折扣政策：单项折扣5%以内（含）由销售经理审批，5%以上至10%（含）由大区总监审批，超过10%须经总经理审批。",
        "折扣政策：超过5%、不超过10%由区域销售总监审批；超过10%须总经理审批。",
    ],
)
def test_a_regional_director_tier_sits_between_manager_and_general_manager(policy: str) -> None:
    q = quote(HEAD + "首单优惠8%。\n" + policy)
    assert q.policy is not None
    assert q.policy.required(Decimal(8)) == ("sales_director",)
    assert q.policy.required(Decimal(12)) == ("general_manager",)


PDF_HEAD = HEAD + "序号 产品名称 规格型号 技术标准 数量 目录单价\n（元）\n折扣 成交单价\n（元）\n金额（元）\n"


def test_a_quantity_opening_a_wrapped_line_is_no_row_number() -> None:
    rows = (
        "1 不锈钢水箱\nBDF-304，6m×4m×3m\nGB/T 20024—2006\n2 座 86,500.00 首单折扣 5% 82,175.00 164,350.00\n"
        "2 组合水箱\nBDF-444 GB/T 20024—2006 1 座 54,800.00 阶梯折扣 12% 48,224.00 48,224.00\n"
        "合计 212,574.00\n"
    )
    lines = quote(PDF_HEAD + rows).lines
    assert [(ln.number, ln.discount) for ln in lines] == [(1, Decimal(5)), (2, Decimal(12))]


@pytest.mark.parametrize("tail", ["疗机》", "（B型）\n配套", "-2016"])
def test_a_rows_last_cell_wrapping_onto_its_own_line_does_not_end_the_table(tail: str) -> None:
    rows = (
        f"1 牙科综合治疗台\n6 台 68,000.00 九二折 62,560.00 375,360.00 YY/T 1043.1《牙科治\n{tail}\n"
        "2 高速手机\n6 套 4,800.00 九五折 4,560.00 27,360.00 YY 0836-2011\n合计 402,720.00\n"
    )
    lines = quote(PDF_HEAD + rows).lines
    assert [(ln.number, ln.discount) for ln in lines] == [(1, Decimal(8)), (2, Decimal(5))]


@pytest.mark.parametrize(
    ("record", "percent"),
    [("区域总监 冯丽 同意综合治疗台八五折 2026年11月28日", 15), ("大区总监 刘斌 同意第1项八八折", 12)],
)
def test_an_approval_names_the_discount_it_approves_as_a_zhe(record: str, percent: int) -> None:
    (a,) = quote(HEAD + "审批记录：" + record).approvals
    assert a.role == "sales_director" and a.percent == Decimal(percent)


@pytest.mark.parametrize(
    "header",
    [
        "序号 设备名称 规格型号 技术标准 数量 目录价 折扣 折后价 金额",
        "序号 产品名称 数量 标准价 折扣 成交价 金额",
        "序号 品名 型号 数量 原价 优惠 净价 小计",
    ],
)
def test_a_pdf_header_naming_prices_without_danjia_is_read(header: str) -> None:
    rows = (
        "1 风扇式造雪机 SF-30\n4 台 268,000.00 5% 254,600.00 1,018,400.00\n"
        "2 枪式造雪机 LG-12 10 台 36,000.00 12% 31,680.00 316,800.00\n合计 1,335,200.00\n"
    )
    lines = quote(HEAD + header + "\n" + rows).lines
    assert [(ln.number, ln.discount) for ln in lines] == [(1, Decimal(5)), (2, Decimal(12))]
