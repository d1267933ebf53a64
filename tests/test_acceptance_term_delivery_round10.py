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
