"""The term family: dates that do not exist, periods that end before they start or have one end only,
informal changes, missing termination and effectiveness clauses; and the bundled defective draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.checks import term
from contractkit.checks.term import find_dates
from contractkit.config import Settings
from contractkit.lint import lint_paths, lint_text

DRAFT = "defective-delivery-dispute-term.txt"


def ids(text: str, *rules: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=rules))]


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2026年2月28日", True),
        ("2028年2月29日", True),
        ("2025年2月29日", False),
        ("2026年4月31日", False),
        ("2026年13月1日", False),
        ("二〇二六年二月三十日", False),
        ("二〇二六年十二月三十一日", True),
        ("2026-02-30", False),
        ("2026/12/31", True),
        ("2月29日", True),  # no year: a leap year is possible
        ("6月31日", False),
    ],
)
def test_find_dates_validity(text: str, valid: bool) -> None:
    (d,) = find_dates(f"交货日为{text}。")
    assert d.valid is valid


def test_blanks_phones_and_durations_are_not_dates() -> None:
    assert find_dates("签订日期：    年  月  日；电话0571-8888-1234；12个月；第13条") == []


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2150, 12, 31)))
def test_every_real_date_parses_back(day: dt.date) -> None:
    (d,) = find_dates(f"于{day.year}年{day.month}月{day.day}日前交货")
    assert d.valid and d.date == day


@hsettings(deadline=None)  # the first lint of a run imports every rule family
@given(st.integers(2000, 2100), st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)]))
def test_impossible_day_is_flagged(year: int, md: tuple[int, int]) -> None:
    assert ids(f"本合同有效期至{year}年{md[0]}月{md[1]}日。", "term/impossible-date") == [
        "term/impossible-date"
    ]


def test_end_before_start_and_one_sided_terms() -> None:
    assert ids("租赁期限自2026年12月31日起至2026年1月1日止。", "term/end-before-start") == [
        "term/end-before-start"
    ]
    assert (
        ids("租赁期限自2026年1月1日起至2026年12月31日止。", "term/end-before-start", "term/no-start-or-end")
        == []
    )
    assert ids("本合同有效期自2026年1月1日起。", "term/no-start-or-end") == ["term/no-start-or-end"]
    assert ids("本合同自双方签字盖章之日起生效。", "term/no-start-or-end") == []


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("合同内容的变更可通过电子邮件确认。", True),
        ("双方可以口头方式变更本合同。", True),
        ("口头约定、电子邮件或其他未经双方签字盖章的形式均不构成对本合同的变更。", False),
        ("任何一方变更联系电话、联系地址、电子邮箱的，应当书面通知对方。", False),
        ("本合同的变更须签订书面补充协议。", False),
    ],
)
def test_informal_change(text: str, hit: bool) -> None:
    assert ids(text, "term/informal-change") == (["term/informal-change"] if hit else [])


def test_quote_is_not_a_contract_for_missing_clause_rules() -> None:
    quote = "报价单\n本报价单有效期至2026年4月1日。本报价单不构成合同。"
    assert ids(quote, "term") == []


def test_english_text_gets_no_term_findings() -> None:
    text = "This Agreement shall commence on 30 February 2026. Either party may amend it by e-mail."
    assert ids(text, "term") == []


def test_defective_draft_hits_every_term_rule(samples_dir: Path) -> None:
    (fr,) = lint_paths([samples_dir / "drafts" / DRAFT], Settings(select=("term",))).files
    assert {f.rule for f in fr.findings} == {
        "term/impossible-date",
        "term/end-before-start",
        "term/no-start-or-end",
        "term/informal-change",
        "term/no-termination",
        "term/no-effectiveness",
    }


def _one_of(*parts: str) -> st.SearchStrategy[str]:
    return st.sampled_from(parts)


#: Date-like text: every date form, with separators and context that may or may not make it a date.
DATE_LIKE = st.tuples(
    _one_of("", "于", "第", "2"),
    _one_of("2026", "二〇二六", "26"),
    _one_of("年", "-", "/", ".", " "),
    _one_of("12", "十二", "3"),
    _one_of("月", "-", "/", "."),
    _one_of("3", "三十", "31"),
    _one_of("日", "号", "", "-", "前"),
).map("".join)


@hsettings(max_examples=300)
@given(DATE_LIKE)
def test_date_gate_never_hides_a_date(text: str) -> None:
    """The cheap test that skips the date regex holds wherever the regex would match."""
    if term._DATE.search(text):
        assert term._may_hold_date(text)


@pytest.mark.parametrize("suffix", ["期限", "期间", "有效期", "期"])
def test_term_words_are_in_every_term_key(suffix: str) -> None:
    """Clauses without one of the gate words cannot hold a term key (合同期限, 有效期…)."""
    for key in [*(p + suffix for p in term._TERM_OF.split("|")), "有效期"]:
        assert term._TERM_KEY.fullmatch(key)
        assert any(w in key for w in term._TERM_WORDS), key


def test_end_with_effectiveness_in_the_same_sentence_has_a_start() -> None:
    """本合同自…之日起生效，有效期至… was reported as a term with no start."""
    text = "买卖合同\n八、本合同自双方签章之日起生效，有效期至2026年6月30日止。一式两份，双方各执一份。"
    assert ids(text, "term/no-start-or-end") == []


def test_only_effectiveness_is_no_term() -> None:
    text = (
        "出口产品采购合同\n甲方向乙方采购塑料制品。\n"
        "8. 生效本合同自双方签字盖章之日起生效。一式两份，双方各执一份。"
    )
    assert ids(text, "term/no-term") == ["term/no-term"]
    order = "采购订单\n依据《年度采购框架协议》，买方向卖方订购下列产品。\n本订单自双方盖章之日起生效。"
    assert ids(order, "term/no-term", "term/no-termination") == []


def test_termination_words_that_are_not_a_right_do_not_count() -> None:
    text = (
        "电线电缆买卖合同\n乙方逾期交货的，按每日万分之二点五计付违约金。\n"
        "保密期限至本合同终止后两年。\n本合同自双方签字盖章之日起生效，合同履行期限：2026年4月30日至2028年6月30日。"
    )
    assert ids(text, "term/no-termination") == ["term/no-termination"]
    with_right = text + "\n逾期超过二十日的，甲方有权解除合同。"
    assert ids(with_right, "term/no-termination") == []


def test_negated_oral_change_is_not_informal() -> None:
    text = "10.1 本合同的变更须由双方签订书面补充协议并加盖双方公章，任何口头约定对双方均无约束力。"
    assert ids(text, "term/informal-change") == []


def test_fax_of_a_sealed_supplement_is_not_informal() -> None:
    assert ids("本合同的补充协议可以以传真方式签订。", "term/informal-change") == []


# -- round 3: a term over before the contract was signed; colloquial terms; kinds ------------------------

SIGNED_AT = "\n甲方（盖章）：苏州某检测系统有限公司    日期：{d:%Y}年{d.month}月{d.day}日"


@pytest.mark.parametrize(
    "clause",
    [
        "本合同自双方签字盖章之日起生效，有效期至{e:%Y}年{e.month}月{e.day}日。",
        "这份协议两边盖章当天起算数，到{e:%Y}年{e.month}月{e.day}日结束。",
        "八、期限：自双方签章之日起生效，至{e:%Y}年{e.month}月{e.day}日止。",
    ],
)
@hsettings(max_examples=25, deadline=None)
@given(
    signed=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    days=st.integers(-800, 800).filter(lambda n: n != 0),
)
def test_a_term_ending_before_the_signing_date(clause: str, signed: dt.date, days: int) -> None:
    end = signed + dt.timedelta(days=days)
    text = "买卖合同\n" + clause.format(e=end) + SIGNED_AT.format(d=signed)
    assert bool(ids(text, "term/end-before-start")) == (end < signed)


def test_colloquial_and_translated_terms_lack_nothing() -> None:
    for text in (
        "二手设备协议\n九、多长时间\n这个协议两边签字盖章那天起算数，到2027年12月31日结束。",
        "买卖合同\n9 合同期限与修改9.1 本合同自双方签字盖章之日起生效，有效期至 2030 年 3 月 31 日。",
        "购销合同\n八、期限：自双方签章之日起生效，至2027年12月31日止。",
    ):
        assert not ids(text, "term/no-start-or-end", "term/no-term", "term/no-effectiveness"), text


def test_missing_term_rules_are_declared_for_contracts() -> None:
    rules = term_rules()
    assert rules["term/no-term"].kinds == ("contract",)
    assert rules["term/no-termination"].kinds == ("contract",)
    order = "采购订单\n本订单依据双方签订的《年度采购协议》发出。\n轮胎160条，交货时间：收到本订单后15日内。"
    assert not ids(order, "term/no-term", "term/no-termination")


def term_rules() -> dict:
    from contractkit.checks import load_rules

    return load_rules()


@pytest.mark.parametrize(
    "text",
    [
        "采购框架协议\n本协议自2027年1月1日起长期有效。",
        "经销协议\n本协议自双方盖章之日起生效，无固定期限。",
        "合作协议\n合作期限：自签订之日起永久有效。",
    ],
)
def test_an_indefinite_term_has_no_end(text: str) -> None:
    assert ids(text, "term/no-start-or-end") == ["term/no-start-or-end"]
    assert not ids(text, "term/no-term")


def test_a_renewing_term_has_an_end() -> None:
    assert not ids("经销协议\n本协议有效期一年，自签订之日起计算，期满自动续期一年。", "term/no-start-or-end")


# -- round 4: terms left open, warranty-like ends, plain-word termination, 合约 ----------------------------


def _term_findings(text: str) -> list[str]:
    return sorted(set(ids(text, "term/no-term", "term/no-start-or-end", "term/no-termination")))


@pytest.mark.parametrize(
    "clause",
    [
        "本合同自签字之日起生效，其有效期限由双方另行协商确定。",
        "本合同自签字之日起生效，合同期限另行约定。",
        "本合同自签字之日起生效。合同期限：待定。",
        "本协议自盖章之日起生效，本协议的有效期由双方届时协商确定。",
    ],
)
def test_a_term_left_to_later_agreement_is_reported_at_its_clause(clause: str) -> None:
    text = "买卖合同\n" + clause + "\n乙方逾期交货超过30日的，甲方有权解除本合同。"
    found = lint_text(text, Settings(select=("term/no-term", "term/no-start-or-end")))
    assert [f.rule for f in found] == ["term/no-start-or-end"]
    assert "另行协商" in found[0].message


@pytest.mark.parametrize(
    "clause",
    [
        "本合同自签字之日起生效，合同期限由双方协商确定为两年。",
        "合同有效期内价格另行协商确定。本合同自签字之日起生效，有效期至2027年12月31日。",
    ],
)
def test_a_term_with_a_value_is_not_left_open(clause: str) -> None:
    assert _term_findings("买卖合同\n" + clause + "\n乙方逾期交货超过30日的，甲方有权解除本合同。") == []


@pytest.mark.parametrize(
    "clause",
    [
        "本合约自双方签署盖章之日起生效，至保固期届满之日终止。",
        "本合同自双方盖章之日起生效，三包期满后自动失效。",
        "本合同自签字之日起生效，至包修期届满之日失效。",
        "本协议自盖章之日起生效，到保用期结束那天终止。",
    ],
)
def test_a_term_that_ends_with_a_warranty_in_any_name(clause: str) -> None:
    text = "买卖合同\n" + clause + "\n乙方逾期交货超过30日的，甲方有权解除本合同。"
    assert _term_findings(text) == []


@pytest.mark.parametrize(
    "clause",
    [
        "晚了超过二十天，另一方可以不买（不卖）了，已经收的钱退回去。",
        "晚了一个月还没送到，买方可以不要这台车了，钱退回来。",
        "车送晚了半个月以上，乙方可以退订，甲方退还定金。",
        "拖了十天还不给钱，卖方可以不卖了。",
    ],
)
def test_plain_word_termination_after_a_delay(clause: str) -> None:
    text = "二手车买卖协议\n这个协议签字那天起算数，到2027年12月31日为止。\n" + clause
    assert "term/no-termination" not in _term_findings(text)


@pytest.mark.parametrize(
    "clause", ["乙方可以不要发票，价格按不含税计。", "甲方不卖给第三方。", "买方可以不买保险。"]
)
def test_not_buying_something_else_is_no_termination(clause: str) -> None:
    text = "二手车买卖协议\n这个协议签字那天起算数，到2027年12月31日为止。\n" + clause
    assert "term/no-termination" in _term_findings(text)


@pytest.mark.parametrize("title", ["買賣合約", "设备购销合约", "服務合約"])
def test_a_heyue_is_a_contract(title: str) -> None:
    text = f"{title}\n甲方向乙方購買車床2台。本合約一式兩份。"
    assert set(_term_findings(text)) == {"term/no-term", "term/no-termination"}


@pytest.mark.parametrize(
    "clause",
    [
        "这份协议双方签字按手印就生效，到乙方付清尾款、一年保修到期为止。",
        "这个协议签字就生效，到尾款给清为止。",
        "合同签字当天起算，管到保修到期为止。",
        "本协议自盖章之日起生效，至余款付完之日终止。",
    ],
)
def test_a_term_that_ends_with_the_last_payment_or_the_warranty_in_plain_words(clause: str) -> None:
    assert "term/no-term" not in _term_findings("二手车买卖协议\n" + clause)


@pytest.mark.parametrize(
    "clause",
    [
        "晚了一个月以上的，对方可以不做这笔买卖了，已经给的钱、送的货各自退回。",
        "逾期超过二十天，乙方可以不做了。",
        "拖了半个月还没送，买方可以不做这单生意了。",
    ],
)
def test_not_doing_the_deal_after_a_delay_is_termination(clause: str) -> None:
    text = "二手车买卖协议\n这个协议签字那天起算数，到2027年12月31日为止。\n" + clause
    assert "term/no-termination" not in _term_findings(text)


# -- round 5: an open-ended term of a confirmation or an order; changes in plain words or by a channel ------


@pytest.mark.parametrize(
    "clause",
    [
        "本确认书经双方签章后生效，长期有效。",
        "本订单自双方盖章之日起生效并长期有效。",
        "这份协议两家签字以后一直有效。",
        "本合同自签订之日起生效，无限期有效。",
    ],
)
def test_an_open_ended_term_is_found_in_any_designation_of_the_contract(clause: str) -> None:
    text = "产品买卖合同\n" + clause
    found = [f for f in lint_text(text, Settings(select=["term/no-start-or-end", "term/no-term"]))]
    assert [f.rule for f in found] == ["term/no-start-or-end"]
    assert found[0].snippet and clause.rstrip("。") in found[0].snippet


@pytest.mark.parametrize(
    "clause",
    [
        "要改什么，两家老板在微信上说一声、对方回个“好”就算数。",
        "以后想改合同里的东西，打个电话说好就行。",
        "但交货批次、数量及交货时间的调整，经双方项目负责人电话或微信确认即可生效。",
        "订货数量的增减，经双方业务员通过电子邮件确认后即按新数量执行。",
        "单价如需调整的，以甲方采购经理微信确认为准。",
        "需要变动规格型号的，双方通过邮件确认即生效，无需另签补充协议。",
    ],
)
def test_a_change_allowed_by_a_channel_in_other_words(clause: str) -> None:
    assert ids("买卖合同\n" + clause, "term/informal-change") == ["term/informal-change"] * len(
        [w for w in ("电话", "微信", "邮件") if w in clause]
    )


@pytest.mark.parametrize(
    "clause",
    [
        "要改什么得双方写下来签字盖章，光是微信上说的、电话里讲的都不算。",
        "交货时间如需调整，乙方应提前三日以电话通知甲方。",
        "交货日期调整的，乙方应以书面形式通知甲方，经甲方盖章确认后生效；电话通知不作为调整依据。",
        "双方日常联系可以用微信，合同的修改必须书面盖章。",
        "发货前乙方以微信告知甲方车牌号，数量以双方签字的送货单为准。",
    ],
)
def test_a_notice_or_a_negated_channel_is_no_informal_change(clause: str) -> None:
    assert ids("买卖合同\n" + clause, "term/informal-change") == []


@pytest.mark.parametrize(
    "clause",
    [
        "合同签字后生效，货款两清后合同终止。",
        "本合同经双方盖章后生效，双方义务全部履行后本合同自行终止。",
        "本合同生效后，在双方履行完毕全部权利义务之前持续有效。",
        "本合同在双方权利义务履行完毕后自动终止。",
        "合同签订生效后，货物交付且款项支付完毕，本合同即履行完毕。",
    ],
)
def test_a_term_that_ends_with_performance_in_other_words_is_a_term(clause: str) -> None:
    assert ids("买卖合同\n" + clause, "term/no-term", "term/no-start-or-end") == []


@pytest.mark.parametrize(
    "clause",
    [
        "一方严重违约致使合同目的不能实现的，另一方有权提前结束本合同。",
        "甲方逾期付款超过30天的，乙方可以不再履行剩余交货义务。",
        "卖方连续两次交货不合格的，买方可以退出本合同。",
    ],
)
def test_a_termination_right_in_other_words(clause: str) -> None:
    assert ids("买卖合同\n" + clause, "term/no-termination") == []
    assert ids("买卖合同\n本合同一式两份。", "term/no-termination") == ["term/no-termination"]


@pytest.mark.parametrize(
    "clause",
    [
        "第七条 合同自签字盖章之日起生效，至2028年6月30日终止。",
        "7. 合同自双方盖章之日起生效，至2028年6月30日止。",
        "八、协议自签订之日起生效，至2027年12月31日止。",
    ],
)
def test_a_bare_contract_after_an_article_number_states_the_term(clause: str) -> None:
    assert ids("买卖合同\n" + clause, "term/no-term", "term/no-start-or-end") == []


@pytest.mark.parametrize(
    "clause",
    [
        "本协议自双方签字盖章之日起生效，有效期至双方另行协商确定。",
        "本协议有效期自签订之日起至双方另行约定之日止。",
        "合同期限自2027年1月1日起，结束日期届时另行商定。",
    ],
)
def test_an_end_left_to_a_later_agreement_is_found_at_its_clause(clause: str) -> None:
    found = lint_text("框架协议\n" + clause, Settings(select=["term/no-start-or-end", "term/no-term"]))
    assert [f.rule for f in found] == ["term/no-start-or-end"]
    assert "另行" in found[0].message and found[0].snippet


def test_a_later_agreement_on_other_matters_defers_no_term() -> None:
    text = "买卖合同\n本合同自双方签字盖章之日起生效，至2027年12月31日止，未尽事宜由双方另行协商解决。"
    assert ids(text, "term/no-term", "term/no-start-or-end") == []


@pytest.mark.parametrize(
    "clause",
    [
        "本协议及订单的变更须采用书面形式（含双方指定邮箱往来的电子邮件）。",
        "对本合同的任何变更均须以书面形式（包括传真、电子邮件）确认。",
        "本合同的修改应以书面形式作出，书面形式包括双方盖章的纸质文件及双方指定邮箱之间的电子邮件。",
    ],
)
def test_a_channel_spelt_out_as_part_of_the_writing_required_is_no_informal_change(clause: str) -> None:
    assert ids("框架协议\n" + clause, "term/informal-change") == []


def test_an_email_given_the_force_of_writing_is_still_informal() -> None:
    text = (
        "框架协议\n对本协议的任何修订可以书面形式作出，亦可由双方联系人通过电子邮件确认，与书面修订同等有效。"
    )
    assert ids(text, "term/informal-change") == ["term/informal-change"]
