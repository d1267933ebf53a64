"""Acceptance, term and delivery, accuracy round 9: a short guarantee of used goods, an objection period
named in a phrase (提出异议的期限为…), an objection window that follows another window in its sentence,
a length whose 日 a scan misread (7 旦内), an edition after the Chinese name with its mark (通则®2020),
a delivery deadline after the verb (分两批交付：第一批不迟于…), a building inside an airport or port,
and a term that starts at effectiveness whatever the event."""

from __future__ import annotations

import pytest
from conftest import fires

from contractkit.contract.delivery import classify_place
from contractkit.facts.durations import find_durations

RANGE = "acceptance/objection-period-range"
NO_START = "acceptance/window-no-start"
NO_WINDOW = "acceptance/no-window"
NO_LENGTH = "acceptance/window-no-length"
DATE = "delivery/no-delivery-date"
EDITION = "delivery/incoterm-no-edition"
HOUSE = "delivery/address-no-house-number"
TERM = "term/no-start-or-end"

# -- acceptance: used goods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "二手叉车转让协议\n一、车辆\n合力CPD30叉车一辆，2018年出厂。\n二、保修\n旧车按现状交付，发动机和变速箱保修三个月。",
        "设备转让协议\n一、设备\n注塑机一台。\n五、质量\n这台是用过的设备，按现状卖。半年内发动机出现故障的，卖方免费维修。",
        "旧机床买卖合同\n四、质量保证\n主轴质保期为交付之日起3个月，其他部件不保修。",
    ],
)
def test_a_short_guarantee_of_used_goods_passes(text: str) -> None:
    assert not fires(RANGE, text)


@pytest.mark.parametrize(
    "text",
    [
        "设备买卖合同\n四、质量保证\n主轴质保期为交付之日起3个月。",
        # a trade-in of old goods in another section says nothing of the new ones
        "汽车买卖合同\n一、旧车置换\n甲方旧车按现状折价给乙方。\n二、保修\n新车保修三个月。",
    ],
)
def test_a_short_guarantee_of_new_goods_is_still_flagged(text: str) -> None:
    assert fires(RANGE, text)


# -- acceptance: an objection period named in a phrase -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "质保期为验收合格之日起24个月。买方就内在质量缺陷提出异议的期限为验收合格之日起2个月。",
        "需方对隐蔽质量问题提出书面异议的期间为到货之日起90日。",
    ],
)
def test_an_objection_period_named_in_a_phrase_is_measured(text: str) -> None:
    assert fires(RANGE, text)


def test_an_objection_period_in_range_named_in_a_phrase_passes() -> None:
    assert not fires(RANGE, "买方对内在质量提出书面异议的期间为到货之日起十八个月。")


# -- acceptance: an objection window after another window in its sentence --------------------------------


_SECTION = "第五条 验收\n"
_WARRANTY = "质保期为验收合格之日起12个月。"


def test_an_objection_window_after_another_window_has_no_start_of_its_own() -> None:
    text = "调试结束后，甲方应在15日内组织性能测试；甲方在7日内未提出书面异议的，视为验收合格。"
    assert fires(NO_START, _SECTION + text + _WARRANTY)


@pytest.mark.parametrize(
    "text",
    [
        # its own start
        "调试结束后，甲方应在15日内组织性能测试；测试结束后7日内甲方未提出书面异议的，视为验收合格。",
        # the same length is the same window
        "货物运到后，甲方应在4日内完成验收；4日内未提出书面异议的，视为验收合格。",
        "货到以后你们2天内把仪器都测一遍。2天内没跟我说有问题的，就算验收通过了。",
    ],
)
def test_an_objection_window_with_its_start_keeps_it(text: str) -> None:
    assert not fires(NO_START, _SECTION + text + _WARRANTY)


# -- durations: 日 misread by a scan ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("需方在收货之日起 5 旦内完成验收", "5", "day"),
        ("乙方应在 3 个工作旦内回复", "3", "working_day"),
        ("到货后10曰内书面提出", "10", "day"),
    ],
)
def test_a_day_misread_by_a_scan_is_a_day(text: str, value: str, unit: str) -> None:
    (d,) = find_durations(text)
    assert (str(d.value), d.unit) == (value, unit)


@pytest.mark.parametrize("text", ["元旦前交货", "一旦发现问题", "2027年元旦后付款", "子曰内省"])
def test_other_uses_of_the_characters_are_no_length(text: str) -> None:
    assert not find_durations(text)


def test_a_window_with_a_misread_day_is_a_window() -> None:
    text = "第四条 验收：买方在到货之日起 5 旦内验收数量和外观，逾期未提出书面异议的，视为验收合格。"
    goods = "第三条 交货：卖方于2027年5月20日前交货。\n"
    assert not fires(NO_WINDOW, goods + text)
    assert not fires(NO_LENGTH, goods + text)


# -- delivery ----------------------------------------------------------------------------------------------

_PARTIES = (
    "买卖合同\n买方：南京宁川电子有限公司\n住所：江苏省南京市江宁区天元中路66号\n"
    "卖方：合肥华彩包装有限公司\n住所：安徽省合肥市蜀山区望江西路8号\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "4.2 卖方应分三批交货：首批（总量的40%）不迟于2027年3月31日，其余两批不迟于2027年6月30日。",
        "卖方负责送货至买方仓库，全部货物最迟于2027年4月15日。",
    ],
)
def test_a_deadline_date_after_the_delivery_verb_is_a_delivery_time(text: str) -> None:
    assert not fires(DATE, _PARTIES + text)


@pytest.mark.parametrize(
    "text",
    [
        "卖方交货后，买方不迟于2027年4月30日付清货款。",
        "卖方应送货至买方仓库，买方最迟于2027年4月30日前完成验收。",
    ],
)
def test_a_deadline_date_of_another_act_is_no_delivery_time(text: str) -> None:
    assert fires(DATE, _PARTIES + text)


def test_an_edition_after_the_chinese_name_with_its_mark_is_read() -> None:
    text = "贸易术语：FOB 宁波港（《国际贸易术语解释通则®2020》）。"
    assert not fires(EDITION, _PARTIES + text)


@pytest.mark.parametrize("place", ["双流机场乙方维修机库", "新港码头甲方二号仓库"])
def test_a_building_inside_an_airport_or_port_needs_its_door(place: str) -> None:
    assert classify_place(place) == ("address", False)
    assert fires(HOUSE, _PARTIES + f"卖方于2027年3月31日前交货，交货地点：{place}。")


@pytest.mark.parametrize(
    ("place", "kind"),
    [
        ("双流机场", "port"),
        ("首都机场货运站", "port"),
        ("甲方指定港口的仓库", "designated"),
        ("香港买方仓库", "reference"),  # 香港 is the city, no port area
    ],
)
def test_a_port_itself_and_a_designated_place_keep_their_kind(place: str, kind: str) -> None:
    assert classify_place(place)[0] == kind


# -- term --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "第八条 期限：自双方阖章之日起生效，有效期至2029年4月30日。",
        "第八条 期限：自买方收到履约保证金之日起生效，有效期至2029年4月30日。",
    ],
)
def test_a_term_that_starts_at_effectiveness_has_a_start(clause: str) -> None:
    text = _PARTIES + "第一条 卖方于2027年3月15日前交货。\n" + clause
    assert not fires(TERM, text)


def test_a_start_of_no_named_event_is_still_missing() -> None:
    text = (
        _PARTIES
        + "第一条 卖方于2027年3月15日前交货。\n第八条 期限：自双方确认之日起，有效期至2029年4月30日。"
    )
    assert fires(TERM, text)


# -- round 9b: a length after its start, then the clause goes on ---------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "第九条 运维服务期自系统整体验收通过之日起两年，年度运维费为人民币30,000.00元。",
        "第九条 合作期限自首批货物交付之日起三年，期满前三十日双方协商续约事宜。",
    ],
)
def test_a_length_after_its_start_followed_by_more_is_the_term(clause: str) -> None:
    text = _PARTIES + "第一条 卖方于2027年3月15日前交货。\n" + clause
    assert not fires(TERM, text)


def test_a_deadline_after_a_start_is_still_no_length() -> None:
    text = (
        _PARTIES
        + "第一条 卖方于2027年3月15日前交货。\n"
        + "第九条 运维服务期自系统整体验收通过之日起，乙方应每30日派员巡检一次。"
    )
    assert fires(TERM, text)


# -- round 9b: a supplementary agreement leaves the rest to the main contract ------------------------------

_SUPPLEMENT = (
    "《设备采购合同》补充协议\n甲方（买方）：南京宁川电子有限公司\n乙方（卖方）：合肥华彩包装有限公司\n"
    "双方于2026年5月8日签订《设备采购合同》（以下称原合同）。经协商，对原合同第三条修改如下：\n"
    "一、数量由20台增加为26台，合同总价相应调整为人民币520,000.00元。\n"
    "二、新增6台于2026年9月30日前交付，到货后买方按原合同约定组织验收。\n"
    "{rest}\n本补充协议自双方盖章之日起生效。"
)


@pytest.mark.parametrize(
    "rest",
    [
        "三、原合同其他条款不变，继续有效。",
        "三、本补充协议未约定的事项，仍按原合同执行。",
        "三、未经本补充协议修改的原合同条款继续有效。",
    ],
)
@pytest.mark.parametrize(
    "rule_id", ["term/no-term", "term/no-termination", "acceptance/no-deemed-acceptance"]
)
def test_a_supplement_leaves_what_it_does_not_amend_to_the_main_contract(rest: str, rule_id: str) -> None:
    assert not fires(rule_id, _SUPPLEMENT.format(rest=rest))


@pytest.mark.parametrize("rule_id", ["term/no-term", "term/no-termination"])
def test_a_contract_of_its_own_still_needs_its_term_and_termination(rule_id: str) -> None:
    text = (
        _PARTIES
        + "第一条 卖方于2027年3月15日前交货。\n第八条 本合同自双方盖章之日起生效，其他未尽事宜另行协商。"
    )
    assert fires(rule_id, text)


# -- round 9b: the previous or the next calendar month is no length -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "每季度首月10日前，双方核对上一个月内已验收货物的数量",
        "需方应于下一个月内完成对账",
        "上一年内到货的批次",
    ],
)
def test_the_previous_or_next_calendar_period_is_no_length(text: str) -> None:
    assert find_durations(text) == []


@pytest.mark.parametrize("text", ["到货后一个月内验收", "期满前一个月书面通知", "验收合格后一年内"])
def test_a_length_of_one_month_is_still_a_length(text: str) -> None:
    assert len(find_durations(text)) == 1


def test_a_reconciliation_of_last_month_is_no_window_without_a_start() -> None:
    text = (
        _PARTIES
        + "第五条 验收：需方应在到货后3日内验收，逾期未验收的视为验收合格。\n"
        + "第六条 按月结算：每月8日前，双方核对上一个月内已验收合格产品的数量与金额，形成对账单。"
    )
    assert not fires(NO_START, text)


# -- round 9b: a date spaced out by a PDF or a scan is no length ---------------------------------------------


@pytest.mark.parametrize("text", ["乙方应于 2026 年 9 月 18 日前送货到厂", "交货日期：2026年 11 月 3 日"])
def test_the_day_of_a_spaced_date_is_no_length(text: str) -> None:
    assert find_durations(text) == []


def test_a_spaced_length_is_still_a_length() -> None:
    assert [(d.value, d.unit) for d in find_durations("到货后 18 日内验收")] == [(18, "day")]


# -- round 9b: a place that names what a list of costs covers is no delivery place -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "合同总价含运至买方指定仓库的运输、保险及卸货费用。",
        "单价已包括送至需方工地的包装、运输和装卸费。",
    ],
)
def test_a_place_that_names_what_costs_cover_is_no_delivery_place(text: str) -> None:
    assert not fires(HOUSE, text)


def test_a_designated_place_to_deliver_to_is_still_flagged() -> None:
    assert fires(HOUSE, "乙方应将货物运至买方指定仓库，运输、保险及卸货费用由乙方承担。")


# -- round 9b: a channel the contract was formed by is no channel of change --------------------------------

INFORMAL = "term/informal-change"


def test_a_channel_the_contract_was_formed_by_is_no_channel_of_change() -> None:
    text = (
        _PARTIES
        + "九、订立、生效及变更本合同经双方往来的电子邮件及本订单确认书订立，自双方盖章之日起生效。"
        + "其后的任何变更须以书面补充协议为之。"
    )
    assert not fires(INFORMAL, text)


def test_a_change_by_email_is_still_flagged() -> None:
    text = _PARTIES + "九、本合同的变更可以通过双方往来的电子邮件确认。"
    assert fires(INFORMAL, text)
