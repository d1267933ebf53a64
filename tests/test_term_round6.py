"""Term facts and rules, accuracy round 6: a guarantee's validity is not the term, an end event with a
remark or spoilt by OCR, a colloquial end (保修期满就结束), a core term changed by a channel's
confirmation."""

from __future__ import annotations

import pytest
from conftest import run_rule
from hypothesis import given
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.extract import extract_path, extract_text
from contractkit.lint import lint_text

CONTRACT = "买卖合同\n甲方：某某有限公司\n乙方：某某设备有限公司\n"


def term(text: str):
    return extract_text(text).term


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
