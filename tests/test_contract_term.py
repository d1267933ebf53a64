"""Term facts: periods in many phrasings, implied starts, effectiveness, change channels (allowed or
excluded) and termination grounds found anywhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import assert_led, first_chars, page_lines, run_rule
from hypothesis import given
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.extract import extract_path, extract_text
from contractkit.lint import lint_text


def term(text: str):
    return extract_text(text).term


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("本合同有效期自2026年1月1日起至2026年12月31日止。", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ("合同期限为 2026 年 4 月 15 日至 2027 年 7 月 31日。", dt.date(2026, 4, 15), dt.date(2027, 7, 31)),
        ("合同履行期限：2026年4月30日至2028年6月30日。", dt.date(2026, 4, 30), dt.date(2028, 6, 30)),
        (
            "21 合同期限 自 2026 年 5 月 11 日起至 2028 年 7 月 31 日止",
            dt.date(2026, 5, 11),
            dt.date(2028, 7, 31),
        ),
        ("经销期限自2026年4月1日起至2027年3月31日止。", dt.date(2026, 4, 1), dt.date(2027, 3, 31)),
        ("本合同自2026年1月1日起至2026年6月30日止有效。", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("双方合作期限为2015年12月25日起至2016年12月24日止", dt.date(2015, 12, 25), dt.date(2016, 12, 24)),
        (
            "本合同有效期一年，自2026年4月1日起算，至2027年3月31日届满。",
            dt.date(2026, 4, 1),
            dt.date(2027, 3, 31),
        ),
    ],
)
def test_period_dates(text: str, start: dt.date, end: dt.date) -> None:
    (p,) = term(text).periods
    assert (p.start, p.end) == (start, end)


def test_the_effectiveness_heading_does_not_become_the_start() -> None:
    t = term(
        "12. 合同期限及效力12.1 本合同自双方签字盖章之日起生效，"
        "有效期自 2026 年 4 月 2 日起至 2027 年 6 月 30日止。"
    )
    (p,) = t.periods
    assert (p.start, p.end, p.length) == (dt.date(2026, 4, 2), dt.date(2027, 6, 30), None)


@pytest.mark.parametrize(
    "text",
    [
        "本合同自双方签章之日起生效，有效期至2026年6月30日止。",
        "本合同自双方签字盖章之日起生效。\n合同有效期为一年。",
        "本协议经双方盖章后生效。有效期至2027年12月31日。",
    ],
)
def test_an_end_or_length_starts_at_effectiveness(text: str) -> None:
    t = term(text)
    (p,) = t.periods
    assert p.start_implied and p.start_event == "生效"


def test_end_only_without_effectiveness_has_no_start() -> None:
    (p,) = term("本合同有效期至2027年12月31日。").periods
    assert not p.has_start and p.has_end


@pytest.mark.parametrize(
    "text",
    [
        "本合同自双方签字盖章之日起生效，至双方义务履行完毕之日止。",
        "本合同在双方权利义务履行完毕后自动终止。",
        "本合同长期有效。",
        "合同期限为三年，自合同生效之日起计算。",
    ],
)
def test_terms_without_two_dates(text: str) -> None:
    assert term(text).has_term


@pytest.mark.parametrize(
    "text",
    [
        "本合同自双方签字盖章之日起生效。一式两份，双方各执一份。",
        "本合同有效期内单价固定，不因原材料价格变化而调整。",
        "合同期满，双方如不续约，乙方应立即结清货款。",
        "报价有效期：自报价日期起30日。",
        "质保期为十八个月，自验收合格之日起计算。",
        "买方也可使用期限不超过六个月的银行承兑汇票支付。",
    ],
)
def test_not_a_term(text: str) -> None:
    assert not term(text).has_term


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("本合同自双方签字盖章之日起生效。", "签字、盖章"),
        ("本协议经双方法定代表人签字并加盖公章后生效。", "签字"),
        ("原告首付款到账后，本合同生效。", "到账"),
    ],
)
def test_effectiveness(text: str, condition: str) -> None:
    (e,) = term(text).effectiveness
    assert condition in e.condition


def test_a_change_taking_effect_is_not_the_contract_taking_effect() -> None:
    t = term("本合同的任何修改、补充，均须经双方授权代表签署书面文件并加盖公章后生效。")
    assert t.effectiveness == ()


@pytest.mark.parametrize(
    ("text", "channel", "allowed"),
    [
        ("双方可以口头方式变更本合同。", "oral", True),
        ("本合同的变更、补充，经双方授权代表通过电子邮件确认即可生效。", "email", True),
        ("本合同的任何修改、补充，可由双方项目负责人通过电子邮件或微信确认后生效。", "wechat", True),
        ("本合同的变更须由双方签订书面补充协议并加盖双方公章，任何口头约定对双方均无约束力。", "oral", False),
        ("本合同的变更须签订书面补充协议，口头或电子邮件变更均无效。", "email", False),
        ("口头约定、电子邮件或其他未经双方签字盖章的形式均不构成对本合同的变更。", "email", False),
        ("除双方盖章的书面补充协议外，以电话、短信方式对合同的修改不发生效力。", "phone", False),
    ],
)
def test_change_channels(text: str, channel: str, allowed: bool) -> None:
    found = [c for c in term(text).changes if c.channel == channel]
    assert found and all(c.allowed is allowed for c in found)


def test_email_for_notices_is_not_a_change_channel() -> None:
    t = term("与交货安排有关的日常联络可以通过电子邮箱进行；但本合同的修改、补充须以书面形式并加盖公章。")
    assert [c.channel for c in t.changes] == ["written"]


@pytest.mark.parametrize(
    ("text", "ground"),
    [
        ("乙方逾期交货超过二十日的，甲方有权解除合同。", "delay"),
        ("不可抗力持续超过三十日的，任何一方均可书面通知对方解除合同。", "force-majeure"),
        ("一方严重违约，经对方书面催告后二十日内仍未纠正的，对方有权书面通知解除本合同。", "breach"),
        ("乙方进入破产程序或停止经营的，甲方有权终止本合同。", "insolvency"),
        ("有下列情形之一的，本合同终止：（一）合同期限届满；（二）双方协商一致。", "expiry"),
    ],
)
def test_termination_grounds(text: str, ground: str) -> None:
    assert ground in {t.ground for t in term(text).terminations}


@pytest.mark.parametrize(
    "text",
    [
        "保密期限至本合同终止后两年。",
        "合同解除不影响守约方要求违约方承担违约责任的权利。",
        "本合同解除或终止后，第十条继续有效。",
    ],
)
def test_consequences_of_ending_are_not_grounds(text: str) -> None:
    assert term(text).terminations == ()


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(1, 900))
def test_any_dated_period_reads_back(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    text = f"合同期限自{start.year}年{start.month}月{start.day}日起至{end.year}年{end.month}月{end.day}日止。"
    (p,) = term(text).periods
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "一、本合約自雙方簽章之日起生效;合約期間自 2026 年 12 月 8 日起至 2028 年 12 月 31 日止。",
        "这份合同从2026年12月3日到2028年1月31日有效。双方签字盖章以后就生效。",
    ],
)
def test_traditional_and_colloquial_terms(text: str) -> None:
    t = term(text)
    assert t.has_term and t.effectiveness
    (p,) = t.periods
    assert p.start is not None and p.end is not None


def test_term_in_a_key_terms_table_row(tmp_path) -> None:
    import docx

    from contractkit.contract.extract import extract_path

    d = docx.Document()
    d.add_paragraph("买卖合同")
    table = d.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate(
        (("合同期限", "自2026年12月1日起至2028年3月31日止"), ("生效", "双方盖章后生效"))
    ):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    path = tmp_path / "elements.docx"
    d.save(path)
    t = extract_path(path).term
    (p,) = t.periods
    assert (p.start, p.end) == (dt.date(2026, 12, 1), dt.date(2028, 3, 31))
    assert t.effectiveness


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("合同有啥要改的，双方打个电话或者发个微信说好就行，不用另外签东西。", True),
        ("以电子邮件发送的日常联络，不构成对本合同的修改或补充。", False),
        ("双方在平台聊天窗口、电话中达成的意见，不构成对本合同的变更。", False),
    ],
)
def test_change_act_allowed_or_negated(text: str, allowed: bool) -> None:
    informal = [c for c in term(text).changes if c.channel != "written"]
    assert informal and all(c.allowed is allowed for c in informal)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2. 合同期限：2026.1.1-2026.12.31", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ("合同有效期：2026/01/01～2026/12/31。", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ],
)
def test_iso_dates_joined_by_a_dash(text: str, start: dt.date, end: dt.date) -> None:
    (p,) = term(text).periods
    assert (p.start, p.end) == (start, end)


def test_end_of_a_contract_without_a_term_key() -> None:
    (p,) = term("这个协议签字就生效，到2026年12月31日为止。").periods
    assert p.end == dt.date(2026, 12, 31) and p.start_implied


def test_any_change_by_email_counts_as_written_is_informal() -> None:
    (c,) = [c for c in term("任何变更以双方书面确认（含电子邮件）为准。").changes if c.channel == "email"]
    assert c.allowed


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("民國115年1月1日", dt.date(2026, 1, 1)),
        ("中华民国一一五年十二月三十一日", dt.date(2026, 12, 31)),
        ("民国一百一十五年二月二十八日", dt.date(2026, 2, 28)),
    ],
)
def test_roc_years(text: str, day: dt.date) -> None:
    from contractkit.contract.term import find_dates
    from contractkit.readers.normalize import normalize

    (d,) = find_dates(normalize(text))
    assert d.date == day


def test_impossible_roc_date() -> None:
    from contractkit.contract.term import find_dates

    (d,) = find_dates("民国115年2月29日")  # 2026 is not a leap year
    assert not d.valid


@pytest.mark.parametrize(
    "text",
    [
        "乙方交付的药品有效期不少于12个月。",
        "货物的有效期为24个月，自生产之日起计算。",
        "营业执照有效期至2030年12月31日。",
    ],
)
def test_validity_of_other_things_is_not_the_term(text: str) -> None:
    assert term(text).periods == ()


def test_a_sales_confirmation_names_itself() -> None:
    t = term("十一、期限与生效：本确认书自双方签字盖章之日起生效，有效期自2026年12月7日起至2028年2月29日止。")
    (p,) = t.periods
    assert (p.start, p.end) == (dt.date(2026, 12, 7), dt.date(2028, 2, 29))
    assert t.effectiveness


@pytest.mark.parametrize(
    ("text", "informal"),
    [
        ("如需变更，双方应协商一致后以邮件形式确认。", True),
        ("合同内容如有调整，以微信通知为准。", True),
        ("经双方协商一致，可以口头或书面方式变更本合同。", True),
        ("合同单价不予调整，乙方应按电话通知的时间送货。", False),
    ],
)
def test_more_change_phrasings(text: str, informal: bool) -> None:
    found = [c for c in term(text).changes if c.channel not in ("written", "fax") and c.allowed]
    assert bool(found) is informal


@pytest.mark.parametrize(
    "text",
    [
        "第三条 委托期限\n自     年   月   日至    年   月   日止。",
        "二、服务期\n服 务 期限 年，即： 年 月 日\n至 年 月 日止。",
    ],
)
def test_blank_term_under_its_heading(text: str) -> None:
    (p,) = term(text).periods
    assert p.blank


def test_term_under_its_heading() -> None:
    (p,) = term("第三条 合同期限\n自2026年1月1日起至2026年12月31日止。").periods
    assert (p.start, p.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert p.where.span[0] == 0


@pytest.mark.parametrize(
    "text",
    [
        "本合同期限自生效之日起至质量保证期届满之日止。",
        "合同有效期自签订之日起至保修期满之日止。",
        "本协议有效期自双方盖章之日起至最后一批货物验收合格之日止。",
        "合同期限：自生效之日起至维保期结束时止。",
        "本合同自签字盖章之日起生效，有效期至缺陷责任期届满。",
        "服务期限自交付之日起至售后服务期到期之日为止。",
    ],
)
def test_an_event_ends_the_term(text: str) -> None:
    (p,) = term(text).periods
    assert p.has_start and p.end_event is not None


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("本合同期限自生效之日起至质量保证期届满之日止，且最迟不晚于2030年6月30日。", dt.date(2030, 6, 30)),
        ("合同有效期自签订之日起至全部货款付清之日止，但最长不超过2029年12月31日。", dt.date(2029, 12, 31)),
        ("合同期限自生效之日起，最迟至二〇二八年三月三十一日。", dt.date(2028, 3, 31)),
        ("本协议有效期自签署之日起至双方义务履行完毕之日止，最晚不迟于2027年9月30日。", dt.date(2027, 9, 30)),
    ],
)
def test_a_long_stop_date_ends_the_term(text: str, end: dt.date) -> None:
    (p,) = term(text).periods
    assert p.has_start and p.end == end


def _pdf(lines: list[str]):
    from contractkit.contract.model import contract_of
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(text=t, norm=normalize(t), location=Location(index=n, page=1, line=n + 1), kind="line")
        for n, t in enumerate(lines)
    ]
    return contract_of(Document(path="<pdf>", kind="pdf", blocks=blocks)).term


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "第十七条 本合同自双方签字并盖章之日起生效；合同有效期自 2027 年 3 月 5 日 至 2028 年",
            "12 月 31 日。",
        ),
        ("合同有效期自 2027 年 3 月 5 日至", "2028 年 12 月 31 日止。"),
        ("本合同有效期自2027年3月5日起至2028", "年12月31日止。"),
        ("本合同期限为 2027 年 3 月 5 日", "至 2028 年 12 月 31 日。"),
    ],
)
def test_a_term_cut_by_a_pdf_line_wrap(first: str, second: str) -> None:
    (p,) = _pdf([first, second, "第十八条 其他约定事项：无。"]).periods
    assert (p.start, p.end) == (dt.date(2027, 3, 5), dt.date(2028, 12, 31))
    assert p.where.block == 0 and p.where.span[1] <= len(first)


def test_a_pdf_line_that_ends_its_sentence_is_not_joined() -> None:
    (p,) = _pdf(["本合同有效期自2027年3月5日起。", "2028年12月31日前乙方应交货。"]).periods
    assert p.end is None


def test_a_text_file_line_is_not_joined() -> None:
    assert term("本合同有效期自2027年3月5日起至\n2028年12月31日止。").periods[0].end is None


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("本合同的期限为十二（12）个月，自生效日起算。", 12),
        ("本协议的有效期为24个月，自双方盖章之日起计算。", 24),
    ],
)
def test_a_term_key_with_de(text: str, months: int) -> None:
    (p,) = term(text).periods
    assert p.has_start and p.length is not None and int(p.length.value) == months


@pytest.mark.parametrize(
    "text",
    [
        "本订单自确认之日起生效，交货并付清货款后终止。",
        "本确认书自双方盖章之日起生效，结清全部货款后自动失效。",
        "本合同自签字之日起生效，双方义务履行完毕后自行终止。",
    ],
)
def test_a_term_that_ends_with_performance(text: str) -> None:
    assert term(text).has_term


def test_a_notice_before_expiry_is_no_length() -> None:
    (p,) = term("本合同有效期至2027年12月31日，期满前一个月双方协商续签。").periods
    assert p.end == dt.date(2027, 12, 31) and p.length is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("本协议自生效日起生效，并持续有效三（3）年，除非依本协议提前终止。", 3),
        ("本合同经双方签署后生效并继续有效两年。", 2),
    ],
)
def test_a_contract_that_stays_in_force_for_a_length(text: str, years: int) -> None:
    (p,) = term(text).periods
    assert p.start_event == "生效" and p.length is not None and int(p.length.value) == years


@pytest.mark.parametrize(
    "text",
    [
        "合同签了就生效，管到2027年底。",
        "本合同有效期至2027年底。本合同自盖章之日起生效。",
        "协议签完就生效，到二〇二七年末为止。",
    ],
)
def test_colloquial_year_end_and_signing(text: str) -> None:
    t = term(text)
    (p,) = t.periods
    assert p.end == dt.date(2027, 12, 31) and p.has_start


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # the question on its line, the answer on the next (a Q&A contract)
        (
            "问14：合同管多长时间？\n答：从2027年2月22日到2028年9月30日。",
            dt.date(2027, 2, 22),
            dt.date(2028, 9, 30),
        ),
        (
            "问：本协议的期限是多久？\n答：2026年5月1日至2027年4月30日。",
            dt.date(2026, 5, 1),
            dt.date(2027, 4, 30),
        ),
        # question and answer on one line
        (
            "问9：这份合同到什么时候？答：自2026年3月1日起至2026年12月31日止。",
            dt.date(2026, 3, 1),
            dt.date(2026, 12, 31),
        ),
        ("Q3 合同有效期多长？ 答：2026.1.1-2026.12.31", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ],
)
def test_a_term_answered_in_a_question_and_answer_contract(text: str, start: dt.date, end: dt.date) -> None:
    (p,) = term(text).periods
    assert (p.start, p.end) == (start, end)
    quoted = p.where.text(extract_text(text).doc)
    assert "答" in quoted and str(end.year) in quoted  # the answer is quoted, not only the question


@pytest.mark.parametrize(
    "text",
    [
        "问7：什么时候送到？\n答：2027年3月20日前全部送到并装好。",  # a delivery date, not the term
        "问10：保修多久？\n答：验收通过之日起18个月。",  # the warranty
        "问：合同管多长时间？\n说明：另行约定。",  # no answer line
    ],
)
def test_other_answers_are_not_the_term(text: str) -> None:
    assert term(text).periods == ()


@pytest.mark.parametrize(
    "text",
    [
        "本合同于双方履行完各自义务后终止。",  # the act before its object
        "本合同在交货及付款完成后终止。",  # the acts completed
        "本合同在双方完成交货和付款后自然终止。",
        "本合同在质保期届满后自动失效。",
    ],
)
def test_a_term_that_ends_with_performance_in_other_words(text: str) -> None:
    (p,) = term(text).periods
    assert p.end_event and p.has_end


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("本合同自生效之日起一年内有效。", 12),
        ("本协议以三年为限。", 36),
        ("本合同自签订之日起两年内有效，期满自动终止。", 24),
    ],
)
def test_the_length_the_contract_stays_in_force(text: str, months: int) -> None:
    (p,) = term(text).periods
    assert p.length is not None
    assert p.length.value * (12 if p.length.unit == "year" else 1) == months


def test_an_execution_period_is_a_term() -> None:
    (p,) = term("本合同执行期：2026.01.01～2026.12.31。").periods
    assert (p.start, p.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "甲方应于本合同生效之日起30日内付款。",  # a deadline under the contract
        "乙方应在本合同生效后10日内交货完毕。",
        "本合同终止后，保密义务继续有效两年。",  # what survives the contract
        "本合同终止后保密条款继续有效三年。",
    ],
)
def test_deadlines_and_survival_are_not_the_term(text: str) -> None:
    assert term(text).periods == ()


@pytest.mark.parametrize(
    "text",
    [
        "出现不可抗力致使合同目的不能实现的，双方均可解约。",  # 解约
        "甲方有权单方解约。",
        "如乙方违约，甲方有权撤销订单。",  # cancel the order
        "乙方逾期交货超过三十日的，甲方可以退货并不再履行本合同。",  # no longer perform
        "买方晚付款超过30天的，卖方可以不干了，合同作废。",  # colloquial: the contract void
    ],
)
def test_termination_grounds_in_other_words(text: str) -> None:
    assert term(text).terminations


@pytest.mark.parametrize(
    "text",
    [
        "本合同一经签订，任何一方不得撤销。",
        "甲方可以取消部分订货。",
        "作废的发票应退回。",
        "乙方交付的产品不符合执行标准的，甲方有权退货，乙方应退还已收货款。",  # a rejection, not an ending
    ],
)
def test_not_a_termination_ground(text: str) -> None:
    assert term(text).terminations == ()


@pytest.mark.parametrize(
    "text",
    [
        "到了6月15日还没送来，买方可以不要了，卖方把收的钱全退回来。",
        "买方到了6月30日还不给第二笔钱，卖方可以把东西拉回去。",
        "卖方晚了一个月还不发货的，买方可以不买了。",
    ],
)
def test_colloquial_termination_rights(text: str) -> None:
    assert term(text).terminations


@pytest.mark.parametrize(
    "text",
    [
        "要改什么，得重新写书面的补充协议，双方签字盖章才算，光在微信上说的不算。",
        "合同要改的话必须签书面补充协议，电话里说的不作数。",
        "修改本合同应签订书面补充协议，微信聊天记录没用。",
    ],
)
def test_a_colloquially_negated_channel_is_excluded(text: str) -> None:
    informal = [c for c in term(text).changes if c.channel != "written"]
    assert informal and not any(c.allowed for c in informal)


# -- round 3: colloquial and translated wordings -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "这份协议两边盖章当天起算数，到2028年6月30日结束。",
        "本协议自两方签字那天起作数，至2029年1月31日止。",
        "合同两边签完字就生效，管到2027年底。",
        "这个合同双方签字盖章之日起算数，到2028年12月31日为止。",
    ],
)
def test_colloquial_effectiveness_gives_the_start(text: str) -> None:
    t = term(text)
    assert t.effectiveness
    (p,) = t.periods
    assert p.has_start and p.end is not None


@pytest.mark.parametrize("text", ["口头说的一律不算数。", "微信里聊的都不算数。", "没盖章的补充协议不作数。"])
def test_not_counting_is_no_effectiveness(text: str) -> None:
    assert not term(text).effectiveness


@pytest.mark.parametrize(
    "text",
    [
        "5 合同期限与变更5.1 本合同经双方盖章后生效，有效期至2029年12月31日。",
        "第十条 期限和修改10.1 本合同自双方签字之日起生效，有效期至2028年3月31日。",
        "7 生效、修改与终止7.1 本协议自双方授权代表签署之日起生效，有效期至2030年6月30日。",
    ],
)
def test_a_heading_glued_to_its_clause_does_not_hide_the_effectiveness(text: str) -> None:
    t = term(text)
    assert t.effectiveness
    assert all(p.has_start for p in t.periods) and t.periods


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("八、期限：自双方签字之日起至2028年12月31日止。", dt.date(2028, 12, 31)),
        ("期限：2026年1月1日至2026年12月31日。", dt.date(2026, 12, 31)),
        ("5. 期限与生效：本合同经双方盖章后生效，有效至2028年6月30日。", dt.date(2028, 6, 30)),
        ("第九条 期间：自双方盖章之日起，至2027年9月30日止。", dt.date(2027, 9, 30)),
    ],
)
def test_a_bare_term_label_names_the_contracts_term(text: str, end: dt.date) -> None:
    (p,) = term(text).periods
    assert p.end == end and p.has_start


@pytest.mark.parametrize(
    "text", ["交货期限：2026年1月31日前。", "付款期限：到货后30日内。", "质保期限：12个月。"]
)
def test_other_periods_with_a_label_are_not_the_term(text: str) -> None:
    assert not term(text).periods


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        ("买方：重庆某公司（盖章）    日期：2027 年 7 月 12 日", dt.date(2027, 7, 12)),
        ("签订日期：2026年3月1日", dt.date(2026, 3, 1)),
        ("甲方盖章：合肥某公司    周某（签字）    2026年12月5日", dt.date(2026, 12, 5)),
        (
            "需方(章): 郑州某物业服务有限公司\n供方(章): 青岛某科技有限公司\n2026 年 12 月 9 日",
            dt.date(2026, 12, 9),
        ),
    ],
)
def test_signing_dates(text: str, signed: dt.date) -> None:
    assert [d.fact.date for d in term(text).signed] == [signed]


@pytest.mark.parametrize(
    "text",
    [
        "本合同自双方签字之日起生效，有效期至2027年12月31日。",
        "乙方应于2026年12月20日之前把设备送到甲方门店。",
        "甲方应在签字后3日内付款，最迟不晚于2026年5月1日。",
    ],
)
def test_a_clause_date_is_no_signing_date(text: str) -> None:
    assert not term(text).signed


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("合同经双方签章后生效，2028年12月31日到期。", dt.date(2028, 12, 31)),
        ("本合同于双方签字盖章后生效，于2027年12月31日终止。", dt.date(2027, 12, 31)),
        ("本合同生效日期为双方签字盖章之日，失效日期为2028年3月31日。", dt.date(2028, 3, 31)),
        ("合同签了就生效，2027年年底前有效。", dt.date(2027, 12, 31)),
        ("协议期满日为2028年12月31日，自双方盖章之日起生效。", dt.date(2028, 12, 31)),
        ("本合同生效后，有效期至2028年6月30日。", dt.date(2028, 6, 30)),
    ],
)
def test_an_end_date_without_zhi_and_a_start_before_the_key(text: str, end: dt.date) -> None:
    (p,) = term(text).periods
    assert p.end == end and p.has_start


@pytest.mark.parametrize("text", ["本协议有效期自双方签章之日起两年。", "合作期限自生效之日起三年；"])
def test_a_length_that_ends_the_clause_is_the_term(text: str) -> None:
    (p,) = term(text).periods
    assert p.length is not None and p.has_start


@pytest.mark.parametrize(
    "text", ["履行期限：自合同生效之日起30日内交货。", "合同期限自签订之日起60日内完成安装。"]
)
def test_a_deadline_after_the_start_is_still_no_length(text: str) -> None:
    assert all(p.length is None for p in term(text).periods)


@pytest.mark.parametrize(
    "text",
    [
        "两家签字盖章这天起协议就算数，到保修一年期满那天结束。",
        "双方签字那天起合同就生效，到质保两年期满之日为止。",
        "两家盖章后协议即生效，至售后服务三年期满那天终止。",
    ],
)
def test_a_colloquial_term_ending_with_the_warranty(text: str) -> None:
    t = term(text)
    (p,) = t.periods
    assert p.has_start and p.end_event is not None


@pytest.mark.parametrize(
    "text", ["本协议自2027年1月1日起长期有效。", "本合同无固定期限。", "合作期限：自签订之日起永久有效。"]
)
def test_an_indefinite_term(text: str) -> None:
    (p,) = term(text).periods
    assert p.indefinite and p.end is None


@pytest.mark.parametrize(
    "text", ["本合同期限一年，期满自动续期一年。", "合同有效期至2027年12月31日，到期后自动续签。"]
)
def test_a_renewing_term_is_not_indefinite(text: str) -> None:
    assert not any(p.indefinite for p in term(text).periods)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("第七条 变更解除：一方逾期超过二十日的，对方可", "书面通知解除合同。"),
        ("卖方迟延交货超过三十日的，买方有权", "解除本合同。"),
        ("不可抗力持续六十日以上的，任何一方均可以书面通知对方", "终止本合同。"),
    ],
)
def test_a_termination_right_cut_by_a_line_wrap(first: str, second: str) -> None:
    from contractkit.contract.term import analyse

    doc = page_lines("购销合同", first, second)
    found = analyse(doc).terminations
    assert any(t.where.block == 1 for t in found)
    assert all(t.where.span[1] <= len(doc.blocks[t.where.block].norm) for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "双方日常联系可通过微信或电子邮件进行，但对本合同的任何修改须签订书面补充协议。",
        "工作沟通可以使用电话、微信，本合同的变更应以双方盖章的书面文件为准。",
        "交货时间如需调整，买方可提前三日以电话或微信通知卖方。",
        "送货地址的变更以买方电子邮件通知为准。",
    ],
)
def test_contact_and_operational_channels_are_no_contract_change(text: str) -> None:
    assert not [c for c in term(text).changes if c.allowed and c.channel != "written"]


@pytest.mark.parametrize(
    "text",
    [
        "本合同的变更可以通过电子邮件确认，并须在10日内补签书面协议。",
        "合同内容需要调整的，双方项目负责人电话或微信确认即可。",
        "本协议的任何修改，可由双方通过电子邮件确认后生效。",
    ],
)
def test_a_contract_change_by_an_informal_channel_stays_allowed(text: str) -> None:
    assert [c for c in term(text).changes if c.allowed and c.channel != "written"]


@pytest.mark.parametrize(
    "text",
    [
        "卖方逾期交货超过30日的，买方可以退货并要求返还已付货款。",
        "延期交货超过二十天，甲方可以不要这批货，乙方退钱。",
        "买方逾期付款超过60日的，卖方有权收回货物。",
        "乙方迟延超过15天的，甲方可以退单。",
    ],
)
def test_a_right_to_end_the_deal_in_plain_words(text: str) -> None:
    (t,) = term(text).terminations
    assert t.ground == "delay"


@pytest.mark.parametrize(
    "text",
    ["质量不合格的，买方有权拒收。", "买方可以退货换货，运费由卖方承担。", "零件不要钱，人为弄坏的除外。"],
)
def test_rejecting_goods_without_a_delay_is_no_termination(text: str) -> None:
    assert not term(text).terminations


# -- fast patterns: a lookahead of first characters changes no match --------------------


@pytest.mark.parametrize(
    ("fast", "bare"),
    [
        ("DATE", "DATE_PATTERN"),
        ("_CHANGE_ANYWHERE", "CHANGE_PATTERN"),
        ("_TERMINATE", "TERMINATE_PATTERN"),
        ("_DELAY_GROUND", "DELAY_GROUND_PATTERN"),
    ],
)
def test_fast_pattern_matches_what_the_bare_pattern_matches(fast: str, bare: str) -> None:
    """A pattern led (for speed) by a lookahead of its first characters finds just the bare one's matches."""
    from contractkit.contract import term as facts

    assert_led(getattr(facts, fast), getattr(facts, bare))


def test_a_lookahead_lacking_a_first_character_is_caught() -> None:
    with pytest.raises(AssertionError, match="lacks"):
        assert_led(re.compile("(?=[ab])(?:a|b|(?<!x)c)"), "a|b|(?<!x)c")
    assert first_chars(r"(?:本)?合同|\d{4}年|有效期") == {"本", "合", "有", *"0123456789"}


def test_term_key_is_the_nested_form_flattened() -> None:
    """TERM_KEY, a flat alternation for speed, matches what ``(?:本)?(?:…)(?:期限|…)|有效期`` matches."""
    from contractkit.contract import term as facts

    nested = re.compile(rf"(?:本)?(?:{facts.TERM_OF})(?:期限|期间|有效期|期|的(?:期限|期间|有效期))|有效期")
    for text in [
        "本合同期限为一年",
        "协议的有效期至",
        "本服务期间内",
        "有效期限",
        "经销的期限",
        "本有效期",
        "合同期",
    ]:
        assert [m.span() for m in facts.TERM_KEY.finditer(text)] == [m.span() for m in nested.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "甲方有权解除本合同",
        "如乙方违约，甲方有权撤销订单",
        "乙方逾期的，本合同即作废",
        "买方可以不要了",
        "卖方可以把设备拉回",
        "本合同自动终止",
        "解除本合同",
        "有下列解除情形",
        "买方可以退货",
        "卖方可以不干这活了",
        "乙方可以不做这笔买卖了",
        "甲方有权收回全部货物",
    ],
)
def test_every_termination_match_holds_a_gate_word(text: str) -> None:
    """The clause gate of the termination reader never hides a ground: each match holds one of its words."""
    from contractkit.contract import term as facts

    m = facts._TERMINATE.search(text) or facts._ENDS_DEAL.search(text)
    assert m is not None and facts._TERMINATION_GATE.search(m.group())


# ----------------------------------------------------------------------------------------------------
# Term facts and rules, accuracy round 6: a guarantee's validity is not the term, an end event with a
# remark or spoilt by OCR, a colloquial end (保修期满就结束), a core term changed by a channel's
# confirmation.


CONTRACT = "买卖合同\n甲方：某某有限公司\n乙方：某某设备有限公司\n"


def rules(text: str, *ids: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=ids))]


# -- the validity of a security or document after a comma is not the contract's term --------------------


@pytest.mark.parametrize(
    "text",
    [
        "卖方应在合同签订后7日内提交合同价格10%的银行履约保函，有效期至终验收合格之日后30日。",
        "乙方于本合同签订后五日内向甲方提交预付款保函一份，有效期自开立之日起至2027年6月30日。",
        "合同签订后，买方开立不可撤销信用证，有效期至最后一批货物装运后30日。",
        "卖方出具的质量保证金保函，有效期为自合同签订之日起两年。",
    ],
)
def test_the_validity_of_a_guarantee_is_not_the_term(text: str) -> None:
    assert term(text).periods == ()
    assert not rules(CONTRACT + text + "\n本合同自双方盖章之日起生效。", "term/no-start-or-end")


@pytest.mark.parametrize(
    "text",
    [
        "本合同自双方签字盖章之日起生效，有效期至2027年12月31日止。",
        "本合同经双方盖章后生效，有效期一年。",
    ],
)
def test_the_contracts_own_validity_after_a_comma_is_still_the_term(text: str) -> None:
    assert term(text).periods


# -- an end event with a remark in brackets, or spoilt by OCR ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "本合同自双方签署盖章之日起生效，至质保期（LED灯具除外）届满之日终止。",
        "本合同自双方签署盖章之日起生效,至质保期(主机部分)届满之日止。",
        "合同有效期自签订之日起至保修期（易损件除外）满之日止。",
    ],
)
def test_an_end_event_with_a_remark_in_brackets(text: str) -> None:
    (p,) = term(text).periods
    assert p.has_start and p.end_event is not None
    assert not rules(CONTRACT + text, "term/no-term", "term/no-start-or-end")


@pytest.mark.parametrize(
    "text",
    [
        "本合同自双方盖章之日起生效，至质保金付清之日终止。",
        "本合同自双方盖章之日起生效,至质保金付请之只终止。",  # OCR: 付清之日 read as 付请之只
        "本协议自签订之日起生效，至全部设备终验收合格之日止。",
        "本合同自双方签字之日起生效，至最后一笔款项结算完毕时止。",
    ],
)
def test_an_event_ends_a_contract_without_a_term_key(text: str) -> None:
    (p,) = term(text).periods
    assert p.end_event is not None and p.end is None
    assert not rules(CONTRACT + text, "term/no-term")


def test_a_date_that_ends_the_contract_is_no_event() -> None:
    (p,) = term("本合同自双方盖章之日起生效，至2027年12月31日止。").periods
    assert p.end is not None and p.end_event is None


def test_a_delivery_to_a_place_is_no_end() -> None:
    t = term("本合同自双方盖章之日起生效，乙方应将货物运至甲方仓库，运输费用由乙方承担。")
    assert t.periods == ()


# -- a colloquial end of the term -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "这份合同两边签字盖章就生效，保修期满就结束。",
        "这个协议签字就生效，质保期到期就结束。",
        "此合同自双方签字之日起生效，双方义务履行完毕后终止。",
        "本合同在交货完成后结束。",
    ],
)
def test_a_colloquial_end_of_the_term(text: str) -> None:
    (p,) = term(text).periods
    assert p.end_event is not None
    assert not rules(CONTRACT + text, "term/no-term")


@pytest.mark.parametrize(
    "text",
    ["这份合同两边签字盖章就生效。", "本合同在验收结束后付款。", "本合同项下的验收结束后，买方支付尾款。"],
)
def test_no_end_without_an_ending_word(text: str) -> None:
    assert term(text).periods == ()


def test_without_its_end_the_colloquial_contract_has_no_term() -> None:
    text = CONTRACT + "卖方在2027年1月10日前把机器送到。\n这份合同两边签字盖章就生效。一式两份。"
    assert rules(text, "term/no-term") == ["term/no-term"]


# -- a core term changed by a channel's confirmation ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channels"),
    [
        (
            "订单的数量及交货日期可由双方业务人员通过电话或微信确认变更，无需另行签订书面文件。",
            {"phone", "wechat"},
        ),
        ("交货批次经双方电话协商调整，无需书面确认。", {"phone"}),
        ("采购数量可以通过电子邮件确认后调整。", {"email"}),
        ("本协议项下订单的单价可经微信协商一致后变更。", {"wechat"}),
    ],
)
def test_a_core_term_changed_by_a_channel(text: str, channels: set[str]) -> None:
    found = {c.channel for c in term(text).changes if c.allowed and c.channel not in ("written", "fax")}
    assert found == channels
    assert "term/informal-change" in rules(CONTRACT + text, "term/informal-change")


@pytest.mark.parametrize(
    "text",
    [
        "交货时间如需调整，买方可提前三日以电话或微信通知卖方。",  # a notice, no change by the channel
        "订单数量的变更不得通过电话或微信确认变更，须签订书面补充协议。",
        "双方日常沟通可通过微信进行，订单数量的变更须以书面形式确认。",
        "甲方通过邮件向乙方发送盖章的采购订单，订单载明数量、单价及交货日期。",
    ],
)
def test_a_channel_that_changes_nothing(text: str) -> None:
    assert not [c for c in term(text).changes if c.allowed and c.channel not in ("written", "fax")]


def test_no_writing_needed_is_no_writing_required() -> None:
    """无需…书面 does not require writing: the channel in the same clause stays allowed."""
    t = term("订单数量可由双方通过微信确认变更，无需签订书面文件。")
    assert [c.channel for c in t.changes if c.allowed and c.channel == "wechat"] == ["wechat"]


def test_a_channel_change_in_a_rendered_docx(tmp_path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("年度采购框架协议")
    d.add_paragraph("第九条 变更与解除")
    d.add_paragraph("订单的数量及交货日期可由双方业务人员通过电话或微信确认变更，无需另行签订书面文件。")
    path = tmp_path / "framework.docx"
    d.save(path)
    changes = extract_path(path).term.changes
    assert {c.channel for c in changes if c.allowed} >= {"phone", "wechat"}


@given(
    st.sampled_from(["电话", "微信", "短信", "电子邮件"]),
    st.sampled_from(["数量", "交货日期", "单价", "批次"]),
)
def test_any_channel_confirming_a_change_of_any_core_term(channel: str, what: str) -> None:
    text = f"订单的{what}可由双方通过{channel}确认变更。"
    assert [c for c in term(text).changes if c.allowed and c.channel not in ("written", "fax")]


def test_the_guarantee_clause_finding_is_gone_but_the_real_one_stays() -> None:
    text = CONTRACT + "本合同期限自2027年1月1日起计算。\n乙方提交履约保函，有效期至验收合格之日后30日。"
    (f,) = run_rule("term/no-start-or-end", text)
    assert "2027年1月1日" in f.snippet


@pytest.mark.parametrize(
    "text",
    [
        "合同变更可以以电话方式进行，但须事后补签书面协议。",
        "本合同的修改可以通过微信方式确认。",
    ],
)
def test_a_channel_used_as_the_means_is_no_contact_change(text: str) -> None:
    assert [c for c in term(text).changes if c.allowed and c.channel not in ("written", "fax")]


@pytest.mark.parametrize(
    "text",
    [
        "任何一方变更联系电话、电子邮箱的，应书面通知对方。",
        "乙方变更收款账户的，应提前以书面通知甲方。",
        "一方更改通讯地址，应通过电子邮件告知对方。",
    ],
)
def test_a_change_of_contact_details_stays_no_contract_change(text: str) -> None:
    assert not [c for c in term(text).changes if c.allowed and c.channel not in ("written", "fax")]


@pytest.mark.parametrize(
    "text",
    [
        "八、这个协议管多长时间\n从2027年3月1日签字这天起，到2027年12月31日为止。",
        "3. 合同到什么时候\n自2027年1月1日起至2027年12月31日止。",
    ],
)
def test_a_heading_asking_for_the_term_is_answered_below(text: str) -> None:
    (p,) = term(text).periods
    assert p.end is not None
    assert not rules(CONTRACT + text + "\n签字按手印就生效。", "term/no-term")


def test_a_heading_asking_something_else_is_no_term() -> None:
    assert term("五、货多久能到\n合同签订后30日内送到。").periods == ()
