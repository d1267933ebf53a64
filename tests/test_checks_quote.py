"""`quote` rules and the price list loader: deals compared with a JSON/CSV catalogue, discounts, validity."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_paths, lint_text
from contractkit.pricelist import PriceListError, load_price_list, lookup

QUOTE = Settings(select=("quote",))
QUOTE_RULE = Settings(select=("quote/discount-without-approval",))


def test_json_and_csv_price_lists_agree(samples_dir: Path) -> None:
    a = load_price_list(samples_dir / "catalog" / "price-list.json")
    b = load_price_list(samples_dir / "catalog" / "price-list.csv")
    assert a == b
    assert lookup(a, name="笔记本电脑", model="ThinkPad T14 Gen 5") == Decimal("8999.00")
    assert lookup(a, sku="nb-t14g5") == Decimal("8999.00")
    assert lookup(a, name="不存在") is None


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("bad.json", '{"items": [{"name": "A"}]}', "no unit_price"),
        ("bad.json", '{"items": [{"name": "A", "unit_price": "abc"}]}', "not a number"),
        ("bad.json", "{oops", "not valid JSON"),
        ("bad.csv", "foo,bar\n1,2\n", "CSV header"),
        ("bad.txt", "hello", "unknown price list format"),
    ],
)
def test_bad_price_lists_raise_clear_errors(tmp_path: Path, name: str, content: str, needle: str) -> None:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(PriceListError) as exc:
        load_price_list(p)
    assert needle in str(exc.value) and str(p) in str(exc.value)


def test_quote_deal_on_list_is_clean(samples_dir: Path) -> None:
    s = Settings(select=("quote",), price_list=str(samples_dir / "catalog" / "price-list.json"))
    (fr,) = lint_paths([samples_dir / "quote-office.json"], s).files
    assert fr.error is None and fr.findings == []


def test_quote_deal_off_list_is_flagged(samples_dir: Path, tmp_path: Path) -> None:
    data = json.loads((samples_dir / "catalog" / "price-list.json").read_text("utf-8"))
    data["items"][0]["unit_price"] = "9299.00"
    pl = tmp_path / "prices.json"
    pl.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (fr,) = lint_paths([samples_dir / "quote-office.json"], QUOTE.replace(price_list=str(pl))).files
    off = [f for f in fr.findings if f.rule == "quote/price-off-list"]
    assert len(off) == 1 and "9,299.00" in off[0].message and "8,999.00" in off[0].message


def test_text_quote_table_compared_with_csv(samples_dir: Path) -> None:
    text = (
        "设备报价单\n本报价30日内有效。\n| 产品名称 | 型号 | 数量 | 单价 | 金额 |\n"
        "| 数控车床 | CK6150 | 2 | 175,000.00 | 350,000.00 |\n"
        "| 立式加工中心 | VMC850 | 1 | 240,000.00 | 240,000.00 |"
    )
    found = lint_text(text, QUOTE.replace(price_list=str(samples_dir / "catalog" / "price-list.csv")))
    assert [f.rule for f in found] == ["quote/price-off-list"]


def test_discount_limit_is_a_setting() -> None:
    text = "报价单\n本报价30日内有效。\n首单优惠15%。"
    assert [f.rule for f in lint_text(text, QUOTE)] == ["quote/discount-without-approval"]
    assert lint_text(text, QUOTE.replace(discount_max_percent="20")) == []
    assert [f.rule for f in lint_text("报价单\n本报价30日内有效。\n按目录价八五折执行。", QUOTE)] == [
        "quote/discount-without-approval"
    ]


def test_contracts_are_not_quotes(samples_dir: Path, corpus_dir: Path) -> None:
    paths = [p for p in sorted(samples_dir.glob("contract-*.json"))]
    result = lint_paths([*paths, corpus_dir, samples_dir / "drafts" / "clean-sales-contract.txt"], QUOTE)
    assert [f for fr in result.files for f in fr.findings if f.rule.startswith("quote/")] == []


def test_defective_sample_hits_quote_rules(samples_dir: Path) -> None:
    (fr,) = lint_paths([samples_dir / "drafts" / "defective-parties-amount.txt"], QUOTE).files
    assert {f.rule for f in fr.findings} == {
        "quote/no-validity",
        "quote/price-off-list",
        "quote/discount-without-approval",
    }


def test_discounted_lines_compare_their_list_price(tmp_path: Path) -> None:
    pl = tmp_path / "prices.csv"
    pl.write_text("name,model,unit_price\n球阀,Q41F-16P DN80,2150.00\n", encoding="utf-8")
    table = (
        "| 序号 | 产品名称 | 规格型号 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 1 | 球阀 | Q41F-16P DN80 | {p} | 5% | 2,042.50 |"
    )
    head = "报价单\n本报价30日内有效。\n"
    s = QUOTE.replace(price_list=str(pl))
    assert lint_text(head + table.format(p="2,150.00"), s) == []  # the discount is not an off-list price
    (f,) = lint_text(head + table.format(p="2,250.00"), s)
    assert f.rule == "quote/price-off-list" and "2,150.00" in f.message


def test_policy_stated_in_the_quote_overrides_the_setting() -> None:
    text = (
        "报价单\n本报价30日内有效。\n首单优惠9%。\n"
        "折扣说明：销售代表可给予不超过8%的折扣，超过8%的须经销售经理和销售总监审批。"
    )
    (f,) = lint_text(text, QUOTE)  # 9 % is within the setting's 10 % but beyond the quote's own 8 %
    assert f.rule == "quote/discount-without-approval" and "8%" in f.message


@pytest.mark.parametrize(
    ("approvals", "missing"),
    [
        ("", "销售经理、销售总监"),
        ("审批：销售经理 陈志远 同意第 1 项 2026年5月18日", "销售总监"),
        ("审批：销售经理 陈志远 同意 2026年5月18日；销售总监 刘海峰 同意 2026年5月18日", None),
    ],
)
def test_each_line_over_the_limit_needs_its_approvals(approvals: str, missing: str | None) -> None:
    text = (
        "报价单\n本报价30日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 1 | 球阀 | 2,150.00 | 阶梯10%+推荐5% | 1,827.50 |\n"
        "| 2 | 蝶阀 | 4,860.00 | 活动优惠20% | 3,888.00 |\n"
        "销售代表可给予不超过8%的折扣，超过8%的须经销售经理和销售总监审批。\n" + approvals
    )
    found = lint_text(text, QUOTE)
    if missing is None:
        assert found == []
        return
    assert [f.rule for f in found] == ["quote/discount-without-approval"] * 2
    (ball,) = [f for f in found if "阶梯10%+推荐5%" in f.snippet]
    (butterfly,) = [f for f in found if "活动优惠20%" in f.snippet]
    assert missing in ball.message and "销售经理、销售总监" in butterfly.message


@pytest.mark.parametrize(
    "record",
    [
        "第 2 项 8%折扣审批：销售经理韩立峰 11 月 30 日同意，销售总监审批待补。",
        "序号2 蝶阀特价审批：销售经理 王敏 2026-05-01 同意；销售总监尚未审批。",
        "第2行折扣说明：销售经理刘洋已同意，销售总监待签批。",
    ],
)
def test_a_pending_approval_scoped_by_its_sentence_head_is_reported_there(record: str) -> None:
    text = (
        "报价单\n本报价30日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 1 | 球阀 | 2,150.00 | 5% | 2,042.50 |\n"
        "| 2 | 蝶阀 | 4,860.00 | 8% | 4,471.20 |\n"
        "折扣政策：首单折扣不超过5%，超过5%的须经销售经理及销售总监审批。\n" + record
    )
    (f,) = lint_text(text, QUOTE)
    assert f.rule == "quote/discount-without-approval" and "销售总监" in f.message
    assert "销售总监" in f.snippet and "蝶阀" not in f.snippet  # at the pending approval, not the line


def test_an_approval_given_for_the_line_by_its_sentence_head_is_enough() -> None:
    text = (
        "报价单\n本报价30日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 2 | 蝶阀 | 4,860.00 | 8% | 4,471.20 |\n"
        "折扣政策：首单折扣不超过5%，超过5%的须经销售经理及销售总监审批。\n"
        "第 2 项 8%折扣审批：销售经理韩立峰 11 月 30 日同意，销售总监卢思远 12 月 1 日同意。"
    )
    assert lint_text(text, QUOTE) == []


@pytest.mark.parametrize(
    "said",
    ["本单折扣8%，审批记录如下：", "本次项目折扣为8%，审批情况见下表：", "本单给予8%的优惠，审批如下："],
)
def test_a_discount_introducing_its_approval_record_is_a_discount(said: str) -> None:
    text = (
        "报价单\n报价有效期：自报价日期起30日。\n"
        "折扣说明：折扣5%以内由销售经理审批，超过5%至10%须经销售经理和销售总监共同审批。\n"
        f"{said}\n销售经理 孙晨 同意 2026年11月29日"
    )
    (f,) = lint_text(text, QUOTE)
    assert "销售总监" in f.message and "8%" in f.message
    assert lint_text(text + "\n销售总监 韦建明 同意 2026年11月30日", QUOTE) == []


def test_a_discount_granted_once_for_every_line_is_reported_once_at_its_statement() -> None:
    text = (
        "报价单\n本报价有效期至2027年1月15日。\n"
        "| 序号 | 产品名称 | 数量 | 目录单价 | 优惠后单价 |\n"
        "| 1 | 通风柜 | 6 | 16,800.00 | 13,104.00 |\n"
        "| 2 | 实验台 | 3 | 12,600.00 | 9,828.00 |\n"
        "鉴于贵院为我司重点客户，上述优惠后单价特别给予目录价22%的优惠。"
    )
    (f,) = lint_text(text, QUOTE)
    assert "22%" in f.message and "特别给予" in f.snippet


def test_lines_with_a_discount_no_statement_gives_are_each_reported() -> None:
    text = (
        "报价单\n本报价有效期至2027年1月15日。\n"
        "| 序号 | 产品名称 | 数量 | 目录单价 | 优惠后单价 |\n"
        "| 1 | 通风柜 | 6 | 16,800.00 | 13,104.00 |\n"
        "| 2 | 实验台 | 3 | 12,600.00 | 9,450.00 |\n"
        "鉴于贵院为我司重点客户，特别给予目录价22%的优惠。"
    )
    found = lint_text(text, QUOTE)
    assert len(found) == 2 and any("25%" in f.message for f in found)


# -- round 4: approvals in text tables (PDF) and letters scoped to the lines they name --------------------

_PDF_HEAD = (
    "报价单\n报价编号：BJ-2027-0418\n报价日期：2027年4月18日\n本报价有效期30日。\n"
    "序号 产品名称 规格 单位 数量 目录单价\n（元）\n折扣 折后单价\n（元）\n金额（元）\n"
    "1 滴灌带\nΦ16mm 米 180,000 0.40 5% 0.38 68,400.00\n"
    "2 过滤器\n套 2 26,800.00 15% 22,780.00 45,560.00\n合计 113,960.00\n"
    "折扣政策：销售代表权限为目录价5%以内（含）；5%以上至10%（含）须销售经理审批；10%以上须销售总监审批。\n"
)


@pytest.mark.parametrize(
    "record",
    [
        "折扣审批记录 行次 折扣 审批人 审批日期— 1 5% 销售代表张三（权限内） 2027 年 4 月 17 日— 2 15% "
        "销售经理 李明（OA XS-2027-0101） 2027 年 4 月 17 日",
        "审批人 行号 折扣 日期\n1 5% 销售代表 张三\n2 15% 销售经理 李明 2027-04-17\n",
        "行次 折扣 审批人 状态\n2 15% 销售经理 李明 已批准 销售总监 王强 待审批\n",
    ],
)
def test_a_text_approval_table_without_the_director_is_reported(record: str) -> None:
    (f,) = lint_text(_PDF_HEAD + record, QUOTE_RULE)
    assert "第2项" in f.message and "销售总监" in f.message and "销售经理" not in f.message
    assert "15%" in f.snippet  # at the line's discount cell
    full = record.replace("待审批", "已批准") if "待审批" in record else record + " 销售总监 王强 2027-04-17"
    assert lint_text(_PDF_HEAD + full, QUOTE_RULE) == []


def test_a_pdf_row_with_a_quantity_like_money_is_not_a_discount_of_100() -> None:
    ok = _PDF_HEAD.replace("15%", "8%").replace("22,780.00", "24,656.00")
    assert lint_text(ok + "审批记录：第2项8%折扣 销售经理 李明 2027-04-17 同意。\n", QUOTE_RULE) == []


_LETTER = (
    "报价函\n2027 年 4 月 18 日\n一、报价明细\n"
    "1. 收银软件：12 套，目录价 3,600.00 元/套，折扣10%，折后 3,240.00 元；\n"
    "2. 收银一体机：12 台，目录价 4,280.00 元/台，折扣 6%，折后 4,023.20 元；\n"
    "二、折扣说明：销售代表可给予不超过 5%的折扣，超过 5%的须经销售总监批准。{said}\n"
    "三、本报价自发出之日起30日内有效。\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "第 1 项、第 2 项的折扣已经销售总监王强于 2027 年 4 月 16 日审批同意。",
        "本函第 1 项 10%、第 2 项 6%的折扣已由销售总监王强批准（2027-04-16）。",
        "上述第1至2项折扣经销售总监王强签批同意。",
    ],
)
def test_a_letter_whose_numbered_items_are_approved_is_clean(said: str) -> None:
    assert lint_text(_LETTER.format(said=said), QUOTE_RULE) == []


def test_a_letter_discount_given_without_approval_is_reported_where_it_is_explained() -> None:
    text = _LETTER.format(said="本函第 1 项 10%、第 2 项 6%的折扣系销售代表为争取客户主动给予。")
    (f,) = lint_text(text, QUOTE_RULE)
    assert "10%" in f.message and "主动给予" in f.snippet


_GRANT_HEAD = "报价单\n报价编号：BJ-2027-0501\n报价日期：2027年5月1日\n本报价有效期30日。\n"


@pytest.mark.parametrize(
    ("text", "pct"),
    [
        (
            "折扣政策：订货30吨以上享受3%批量折扣，由销售经理审批；超过3%的须经销售总监审批。本单合计40吨，给予8%。",
            "8",
        ),
        ("优惠说明：老客户可申请优惠，须经销售经理和销售总监批准。本次下浮 12%。", "12"),
        ("让利政策：销售代表可给予不超过5%的折扣。经与客户沟通，本单享受 9%。", "9"),
    ],
)
def test_a_share_granted_beside_a_discount_paragraph_is_a_discount(text: str, pct: str) -> None:
    (f,) = lint_text(_GRANT_HEAD + text, QUOTE_RULE)
    assert f"{pct}%" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "本单合计40吨，给予8%。",  # no discount named in the paragraph
        "折扣：无。付款：签约后给予 30%预付款。",
        "优惠说明：本单不打折。乙方给予 13%增值税专用发票。",
    ],
)
def test_a_granted_share_of_something_else_is_no_discount(text: str) -> None:
    assert lint_text(_GRANT_HEAD + text, QUOTE_RULE) == []


# --- round 5: an approval by a role whose authority the discount exceeds ---

POLICY_TIERS = (
    "折扣政策：单项折扣不超过5%由销售经理审批；超过5%、不超过10%由区域总监审批；超过10%须总经理审批。\n"
)
TIER_TABLE = (
    "报价单\n本报价30日内有效。\n"
    "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
    "| 1 | 综合治疗台 | 68,000.00 | {d1} | {n1} |\n"
    "| 2 | 高速手机 | 4,800.00 | 九五折（5%） | 4,560.00 |\n"
)


@pytest.mark.parametrize(
    ("d1", "n1", "record"),
    [
        ("九二折（8%）", "62,560.00", "区域总监 冯丽 同意综合治疗台九二折 2026年11月28日"),
        ("8%", "62,560.00", "区域总监 冯丽 同意第1项8%折扣 2026年11月28日"),
        ("九二折", "62,560.00", "大区总监 冯丽：同意第1项九二折，2026年11月28日"),
    ],
)
def test_a_tier_approved_at_its_level_is_clean(d1: str, n1: str, record: str) -> None:
    text = (
        TIER_TABLE.format(d1=d1, n1=n1) + POLICY_TIERS + f"审批：销售经理 张涛 同意高速手机九五折；{record}"
    )
    assert lint_text(text, QUOTE_RULE) == []


@pytest.mark.parametrize(
    ("d1", "n1", "record"),
    [
        ("八五折（15%）", "57,800.00", "区域总监 冯丽 同意综合治疗台八五折 2026年11月28日"),
        ("15%", "57,800.00", "区域总监 冯丽 同意第1项15%折扣 2026年11月28日"),
        ("八五折", "57,800.00", "大区总监 冯丽：同意第1项八五折，2026年11月28日"),
    ],
)
def test_an_approval_beyond_its_level_is_reported_where_it_is_recorded(d1: str, n1: str, record: str) -> None:
    text = (
        TIER_TABLE.format(d1=d1, n1=n1) + POLICY_TIERS + f"审批：销售经理 张涛 同意高速手机九五折；{record}"
    )
    (f,) = lint_text(text, QUOTE_RULE)
    assert "总经理" in f.message and "冯丽" in f.snippet


@pytest.mark.parametrize(
    "text",
    [
        "报价函\n橡木桶40只，目录价每只7,600.00元；贵司为新客户，给予首单折扣6%，成交价每只7,144.00元。",
        "报价单\n交换机：目录价3,280.00元，九五折，报价单价3,116.00元，40台。",
        "报价单\n水箱：目录价86,500.00元，阶梯5%+推荐3%，成交单价79,580.00元。",
    ],
)
def test_a_price_below_list_by_the_discount_stated_between_is_no_off_list_price(text: str) -> None:
    assert not [f for f in lint_text(text, QUOTE) if f.rule == "quote/price-off-list"]


def test_a_price_below_list_by_more_than_the_stated_discount_is_off_list() -> None:
    text = "报价函\n橡木桶40只，目录价每只7,600.00元；给予首单折扣6%，成交价每只7,000.00元。"
    assert [f.rule for f in lint_text(text, QUOTE)].count("quote/price-off-list") == 1


@pytest.mark.parametrize(
    "field",
    [
        "报价日期 2026 年 12 月 21 日 客户名称 嘉兴某公司 报价有效期 以我司最终确认为准 序号 产品名称",
        "报价有效期：另行通知。",
        "报价日期：2027年3月1日；有效期：以双方后续确认为准。",
    ],
)
def test_a_validity_label_with_no_term_is_reported_where_it_stands(field: str) -> None:
    text = "报价单\n" + field + "\n除湿机 4台，单价18,600.00元。"
    (f,) = [f for f in lint_text(text, QUOTE) if f.rule == "quote/no-validity"]
    assert "有效期" in f.snippet and "确定的期限" in f.message


def test_a_form_line_with_a_term_after_the_validity_label_has_validity() -> None:
    text = (
        "报价单\n报价日期 2026 年 12 月 21 日 报价有效期 30 天 序号 产品名称\n除湿机 4台，单价18,600.00元。"
    )
    assert not [f for f in lint_text(text, QUOTE) if f.rule == "quote/no-validity"]


# -- a discount an approval does not cover: reported at the discount, the record quoted beside it (round 6) --

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


# -- one finding per discount decision, at the recorded approval that falls short (round 7) -------------

LADDER_POLICY = (
    "折扣政策：业务员可给予不超过6%的折扣；超过6%至9%的须经销售经理批准；"
    "超过9%的须经销售经理和销售总监共同批准。\n"
)


def _rows_at(pct: str, rows: int = 3) -> str:
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
    (f,) = lint_text(_rows_at("11") + LADDER_POLICY + record + "\n", QUOTE_RULE)
    assert "孟凡宇" in f.snippet and "11%" in f.snippet  # the record, with the discount it does not cover
    assert "第1项、第2项、第3项" in f.message and "销售总监" in f.message and "销售经理、" not in f.message


def test_rows_with_no_approval_at_all_are_one_finding_at_the_discount() -> None:
    (f,) = lint_text(_rows_at("11") + LADDER_POLICY, QUOTE_RULE)
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
        + LADDER_POLICY
        + record
        + "\n"
    )
    (f,) = lint_text(text, QUOTE_RULE)
    assert record.rstrip("。")[-6:] in f.snippet and "11%" in f.snippet
    assert "销售总监" in f.message and "销售经理、" not in f.message


def test_a_reason_for_the_discount_is_not_a_policy() -> None:
    text = (
        "报价单\n本报价20日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 液压油缸 | 1,000.00 | 11% | 890.00 |\n"
        "折扣说明：年度返利折扣 11%（客户上年采购额超过人民币80万元）。\n"
        + LADDER_POLICY
        + "审批记录 销售经理 孟凡宇 同意\n"
    )
    (f,) = lint_text(text, QUOTE_RULE)
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
    (f,) = lint_text(_rows_at("11") + policy, QUOTE_RULE)
    assert "销售经理、销售总监" in f.message


def test_an_added_approver_given_by_both_is_clean() -> None:
    policy = (
        "折扣政策：业务员可给予不超过6%的折扣；超过6%至9%的须经销售经理批准；超过9%的须另经销售总监批准。\n"
    )
    record = "审批：销售经理 孟凡宇 同意；销售总监 钱卫东 同意。\n"
    assert lint_text(_rows_at("11") + policy + record, QUOTE_RULE) == []


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
    text = _rows_at("11") + LADDER_POLICY + lines[0] + "\n" + lines[1] + "\n"
    assert lint_text(text, QUOTE_RULE) == []


def test_a_role_on_its_own_line_is_not_an_approval_of_the_next() -> None:
    text = _rows_at("11") + LADDER_POLICY + "联系人：销售经理 孟凡宇\n报价日期：2026年9月1日\n"
    (f,) = lint_text(text, QUOTE_RULE)
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
    assert lint_text(_volume_quote(qty, pct, net, amount), QUOTE_RULE) == []


@pytest.mark.parametrize(
    ("qty", "pct", "net", "amount"),
    [("800", "10", "9.00", "7,200.00"), ("300", "6", "9.40", "2,820.00")],
)
def test_a_tier_discount_below_its_quantity_needs_the_approvals(
    qty: str, pct: str, net: str, amount: str
) -> None:
    (f,) = lint_text(_volume_quote(qty, pct, net, amount), QUOTE_RULE)
    assert "第1项" in f.message and "阶梯" in f.message and "销售经理、销售总监" in f.message


def test_a_statement_explaining_a_row_counts_that_rows_approval() -> None:
    text = (
        "报价单\n本报价20日内有效。\n"
        "| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n| 1 | 液压油缸 | 1,000.00 | 8% | 920.00 |\n"
        "| 2 | 齿轮泵 | 500.00 | 3% | 485.00 |\n"
        "折扣：油缸 8%为年度返利折扣（客户上年采购额超过80万元），齿轮泵 3%为首单折扣。"
        "按我司政策，业务员权限为6%，超过6%至9%须销售经理批准；第1项8%已经销售经理孟凡宇批准。\n"
    )
    assert lint_text(text, QUOTE_RULE) == []
