"""Round 10 batteries for the acceptance, term and delivery families: each class of false alarm (or miss) seen
on sets nobody had tuned on, written in several styles (formal and colloquial, 简/繁, translated from English
with 1/1.1 numbering, model forms, table cells), clean texts a careful lawyer passes and defective ones that
must still be found. No sentence is copied from the corpus."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.lint import lint_text


def ids(text: str, *rules: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=rules))]


_HEAD = (
    "设备买卖合同\n甲方：杭州明川机械有限公司\n乙方：宁波海岳设备制造有限公司\n"
    "第一条 甲方向乙方购买数控车床2台，总价人民币300,000元。\n第二条 乙方应于2027年3月31日前交货。\n"
)
_HEAD_TW = (
    "設備買賣合約\n買受人：台北恆達實業有限公司\n出賣人：新北銘宏機電有限公司\n"
    "第一條 買受人向出賣人購買包裝機2台。\n第二條 出賣人應於2027年3月31日前交貨。\n"
)
_FIXED = "第八条 合同有效期自2027年1月1日起至2028年12月31日止。\n"

# -- term/no-termination: the contract's own end decides whether agreed grounds are needed -----------------

#: One-off exchanges that end when performed: Art. 563 covers delay and fundamental breach.
ENDS_WHEN_PERFORMED = [
    _HEAD + "第九条 本合同自双方签字盖章之日起生效，至双方义务履行完毕之日终止。",
    _HEAD_TW + "第九條 本合約自雙方簽章之日起生效，至保固期屆滿且尾款付清之日終止。",
    "买卖合同\n甲方：老王五金店\n乙方：小李钢材厂\n一、甲方买乙方钢管10吨，每吨4000元。\n二、乙方3月底前送到。\n"
    "三、合同签了就生效，货款两清、保修到期后合同就结束。",
    _HEAD + "9 期限\n9.1 本协议自生效日起生效，并于双方在本协议项下的全部义务履行完毕时终止。",
    _HEAD + "第九条 本合同自双方盖章之日起生效，有效期至质保金付清之日止。",
    _HEAD + "第九条 本合同经双方签署后生效，至成活保证期满且款项结清之日终止。",
]

#: Termination grounds in other words (a notice that ends it, 在下列情形下终止, 繁體 得解除契約).
GROUNDS_IN_OTHER_WORDS = [
    _HEAD + _FIXED + "第九条 本合同在下列情形下终止：（一）乙方逾期交货超过三十日；（二）双方协商一致。",
    _HEAD + _FIXED + "第九条 乙方逾期交货超过30日的，甲方可书面通知乙方，本合同自通知到达乙方时解除。",
    _HEAD + _FIXED + "第九条 不可抗力持续超过60日的，任一方有权以书面通知终止本协议。",
    _HEAD_TW + "第三條 本合約期限自2027年1月1日起至2028年12月31日止。\n"
    "第四條 出賣人逾期交貨逾三十日者，買受人得以書面通知解除契約。",
    _HEAD + _FIXED + "10.2 本协议因下列事由之一而解除：一方破产或被吊销营业执照。",
    _HEAD + _FIXED + "第九条 任何一方均可提前三十日书面通知对方终止本协议。",
]

#: Contracts that run by the calendar, or frameworks, with no ground anywhere: still found.
NEEDS_OWN_GROUNDS = [
    _HEAD + "第九条 本合同自双方签字盖章之日起生效，合同履行期限：2027年1月1日至2028年6月30日。",
    _HEAD + "第九条 本合同有效期两年，自签订之日起计算。",
    "钢材年度采购框架协议\n甲方：杭州明川机械有限公司\n乙方：宁波海岳钢材有限公司\n"
    "第一条 甲方按订单向乙方采购钢材。\n第二条 乙方按订单约定时间交货。\n"
    "第九条 本协议自签订之日起生效，至双方义务履行完毕之日终止。",
    _HEAD + "第九条 本协议自双方签字盖章之日起生效，至保修期届满之日终止，但最迟不晚于2029年6月30日。",
    _HEAD_TW + "第三條 本合約期限自2027年1月1日起至2028年12月31日止。",
    _HEAD + _FIXED + "本合同因任何原因终止的，不影响结算条款的效力。",
    _HEAD + "第九条 本协议自签订之日起长期有效。",
    _HEAD + "第九条 本合同自双方签字盖章之日起生效。",
]


@pytest.mark.parametrize("text", ENDS_WHEN_PERFORMED)
def test_no_termination_passes_a_contract_that_ends_when_performed(text: str) -> None:
    assert ids(text, "term/no-termination") == []


@pytest.mark.parametrize("text", GROUNDS_IN_OTHER_WORDS)
def test_termination_grounds_in_other_words_are_read(text: str) -> None:
    assert ids(text, "term/no-termination") == []


@pytest.mark.parametrize("text", NEEDS_OWN_GROUNDS)
def test_no_termination_still_found_where_the_contract_runs_by_the_calendar(text: str) -> None:
    assert ids(text, "term/no-termination") == ["term/no-termination"]


def test_a_long_stop_date_is_the_calendar_end_of_a_performance_term() -> None:
    stop = "第九条 本合同自签字之日起生效，至双方义务履行完毕之日终止，最迟于2028年12月31日终止。"
    (p,) = extract_text(_HEAD + stop).term.periods
    assert p.end_event and p.end is not None and p.end.year == 2028
    other = "第九条 本合同自签字之日起生效，至双方义务履行完毕之日终止，乙方最迟于2027年3月31日前交货。"
    (q,) = extract_text(_HEAD + other).term.periods
    assert q.end is None  # a deadline of the delivery, not of the term


# -- term/no-term: a term that ends with performance, in any wording, is a term -----------------------------

PERFORMANCE_TERMS = [
    _HEAD + "10.1 本合同自签署日生效，至双方义务履行完毕时终止。",
    _HEAD_TW + "第九條 本合約自雙方用印之日起生效，於雙方權利義務履行完畢後失其效力。",
    _HEAD + "12.1 本协议于生效日生效，并持续有效至双方在本协议项下的所有义务均已履行完毕之时。",
    _HEAD + "八、合同签字就算数，东西送到、钱付清、保修期过了，这合同就算完了。",
    _HEAD + "第九条 本合同于双方在本合同项下的义务全部履行完毕后终止。",
    _HEAD + "| 合同期限 | 自合同签订之日起至质保期满止 |\n| 生效 | 双方盖章后生效 |",
    _HEAD_TW + "第九條 本契約自雙方簽署之日起生效，至雙方義務履行完畢時終止。",
]


@pytest.mark.parametrize("text", PERFORMANCE_TERMS)
def test_a_term_that_ends_with_performance_is_a_term(text: str) -> None:
    assert ids(text, "term/no-term", "term/no-start-or-end") == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (_HEAD + "第九条 本合同自双方签字盖章之日起生效。", "term/no-term"),
        (_HEAD_TW + "第九條 本合約經雙方簽章後生效，一式兩份。", "term/no-term"),
        (_HEAD + "第九条 本合同有效期自2027年1月1日起。", "term/no-start-or-end"),
        (_HEAD_TW + "第九條 合約期間：自民國116年1月1日起。", "term/no-start-or-end"),
        (_HEAD + "第九条 本合同自签字之日起生效，于双方协商确定的日期失效。", "term/no-term"),
        (_HEAD + "第九条 本协议自签订之日起生效，其有效期限由双方另行协商确定。", "term/no-start-or-end"),
    ],
)
def test_a_contract_without_a_term_is_still_found(text: str, rule: str) -> None:
    assert rule in ids(text, "term/no-term", "term/no-start-or-end")


# -- acceptance: absence checks read the matter wherever and however the document states it ----------------

_ACCEPT = "第五条 验收\n甲方应在到货后5日内验收，逾期未提出异议的视为验收合格。\n"
_ACCEPT_TW = "第五條 驗收\n買受人應於貨到後七日內驗收，逾期未提出異議者視為驗收合格。\n"

#: A quality-objection or warranty period in other words: 不超过N个月 as the bound of a quality objection,
#: 瑕疵擔保期間, a clause typed on its article's line, 保固.
OBJECTION_PERIODS = [
    _HEAD + _ACCEPT + "第六条 质量异议：产品在保质期（自生产日期起36个月）内且自签收之日起不超过24个月，"
    "经检测不符合执行标准的，甲方可提出质量异议。",
    _HEAD_TW + _ACCEPT_TW + "第六條 出賣人之瑕疵擔保期間為交貨後十二個月。",
    _HEAD + _ACCEPT + "第六条 甲方发现内在质量问题的，应在收货后十二个月内书面提出。",
    _HEAD_TW + _ACCEPT_TW + "第六條 保固：保固期為驗收合格後一年，保固期內非人為損壞由出賣人免費修復。",
    _HEAD + _ACCEPT + "7.1 卖方保证货物自验收之日起十二（12）个月内（“保证期”）不存在材料及工艺缺陷。",
    _HEAD + _ACCEPT + "第六条 东西用着一年内坏了，乙方包换包修。",
]


@pytest.mark.parametrize("text", OBJECTION_PERIODS)
def test_an_objection_period_in_other_words_is_read(text: str) -> None:
    assert ids(text, "acceptance/no-objection-period") == []


def test_an_order_that_leaves_open_matters_to_the_platform_rules_defers_its_warranty() -> None:
    order = (
        "采购订单\n买家：石家庄某机械有限公司\n卖家：郑州某油品有限公司\n商品：液压油20桶，单价3,280.00元。\n"
        "卖家应于2027年1月12日前送达收货地址。买家应在签收后5个工作日内核对数量，逾期未提出异议的视为验收合格。\n"
        "本订单未约定的事项，适用《某某平台交易规则》。"
    )
    assert ids(order, "acceptance/no-objection-period") == []
    law = order.replace("适用《某某平台交易规则》", "按《中华人民共和国民法典》执行")
    assert ids(law, "acceptance/no-objection-period") == ["acceptance/no-objection-period"]


@pytest.mark.parametrize(
    "text",
    [
        _HEAD + _ACCEPT + "第六条 乙方保证产品符合国家标准。",
        _HEAD_TW + _ACCEPT_TW + "第六條 出賣人保證貨物符合約定規格。",
        _HEAD + _ACCEPT + "第六条 保证期间为主债务履行期届满之日起六个月。",
        _HEAD + _ACCEPT + "第六条 产品保质期为生产之日起24个月。",
    ],
)
def test_no_objection_period_still_found(text: str) -> None:
    assert ids(text, "acceptance/no-objection-period") == ["acceptance/no-objection-period"]


#: Inspection at the handover itself: the buyer has no period to let lapse.
ON_THE_SPOT = [
    _HEAD
    + "第五条 验收\n甲方应在每批货物到场当日逐件验收，不合格品当场退回。\n质保期为验收合格之日起12个月。",
    _HEAD_TW + "第五條 驗收\n買受人應於貨物送達時當場點收，不符者當場拒收。\n保固期間為驗收合格後一年。",
    _HEAD + "五、验货\n货送到时甲方当面点数验货，有问题当场退。\n保修一年。",
]

#: Deemed acceptance in other words: still no finding.
DEEMED_IN_OTHER_WORDS = [
    _HEAD + "第五条 验货\n货到后三天内验货，三天内没说的就算没问题。\n保修一年。",
    _HEAD + "第五条 验收\n甲方应在到货后5日内验收，逾期不提出的，视为认可。\n保修一年。",
    _HEAD_TW
    + "第五條 驗收\n買受人應於貨到後七日內完成驗收；屆期未提出異議者，視同驗收通過。\n保固期間為一年。",
    _HEAD + "6.1 买方应于交付日后七（7）个工作日内完成验收测试。\n"
    "6.2 买方未在前款期限内书面通知卖方任何不符之处的，货物应被视为已被买方接受。\n保修一年。",
]


@pytest.mark.parametrize("text", ON_THE_SPOT + DEEMED_IN_OTHER_WORDS)
def test_no_deemed_acceptance_passes_spot_checks_and_other_wordings(text: str) -> None:
    assert ids(text, "acceptance/no-deemed-acceptance") == []


@pytest.mark.parametrize(
    "text",
    [
        _HEAD + "第五条 验收\n甲方应在到货后5日内验收，验收合格后签署验收单。\n保修一年。",
        _HEAD_TW + "第五條 驗收\n買受人應於貨到後七日內檢驗並簽署驗收單。\n保固期間為一年。",
        _HEAD + "第五条 验收\n甲方应在到货后5日内验收，逾期的视为送达。\n保修一年。",
        _HEAD + "第五条 验收\n甲方到货当日点数，并于到货后10日内完成性能检验。\n保修一年。",
    ],
)
def test_no_deemed_acceptance_still_found(text: str) -> None:
    assert ids(text, "acceptance/no-deemed-acceptance") == ["acceptance/no-deemed-acceptance"]


#: A window whose start is in a defined term, a table cell, an annex or the special conditions.
STARTS_ELSEWHERE = [
    _HEAD + "1 定义\n1.1 “到货日”指货物运抵交货地点并经买方签收之日。\n6 验收\n"
    "6.1 买方应于到货日后五（5）个工作日内完成验收，逾期未书面提出异议的，视为验收合格。",
    _HEAD
    + "| 项目 | 约定 |\n| 验收期限 | 到货后7日内 |\n| 验收 | 甲方应在上述期限内完成验收，逾期视为合格 |",
    _HEAD + "第五条 验收：甲方应在7日内完成验收，起算时间见附件二。逾期未提出异议的，视为验收合格。\n"
    "附件二 验收方案\n一、验收期限自设备安装调试完毕之日起计算。",
    _HEAD + "第五条 验收：甲方应于10日内验收，起算日以合同要素表为准；逾期视为验收合格。",
    _HEAD + "通用条款\n5.1 买方应在专用条款约定的期限内完成验收，逾期视为验收合格。\n"
    "专用条款\n5.1 验收期限：货物到达现场之日起10日内。",
    _HEAD_TW + "第五條 驗收\n買受人應於收貨後七日內完成驗收，逾期未以書面提出異議者，視為驗收合格。",
]


@pytest.mark.parametrize("text", STARTS_ELSEWHERE)
def test_a_window_whose_start_is_stated_elsewhere_has_a_start(text: str) -> None:
    assert ids(text, "acceptance/window-no-start", "acceptance/window-no-length") == []


@pytest.mark.parametrize(
    "text",
    [
        _HEAD + "第五条 验收\n甲方应在7日内完成验收，逾期视为验收合格。",
        _HEAD_TW + "第五條 驗收\n買受人應於七日內完成驗收，逾期視為驗收合格。",
        _HEAD + "| 验收 | 需方在15日内验收，逾期视为合格 |",
        _HEAD + "第五条 甲方须于五个工作日内对设备进行检验并书面确认。",
    ],
)
def test_a_window_without_a_start_is_still_found(text: str) -> None:
    assert ids(text, "acceptance/window-no-start") == ["acceptance/window-no-start"]
