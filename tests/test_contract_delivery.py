"""Delivery facts: places (address, site, port, designated, reference), times (date, period, recurring, on
notice, fixed by another document), trade terms and editions, risk, carrier and freight — many phrasings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.contract.delivery import (
    INCOTERMS_2020,
    OBSOLETE_INCOTERMS,
    classify_place,
    classify_time,
    places_in,
)
from contractkit.contract.extract import extract_text


def facts(text: str):
    return extract_text(text).delivery


@pytest.mark.parametrize(
    ("text", "kind", "house"),
    [
        ("江苏省苏州市工业园区星湖街88号", "address", True),
        ("广东省佛山市顺德区容桂街道华口工业区兴华路23号甲方原料仓库", "address", True),
        ("江西省赣州市南康区龙岭镇家居大道 168 号甲方油漆仓库", "address", True),
        ("上海市闵行区浦江镇陈行公路 2388 号 6 号楼甲方中央厨房收货区", "address", True),
        ("北京市海淀区中关村大街", "address", False),
        ("江苏省苏州市工业园区", "address", False),
        ("买方位于江苏省南通市通州区川姜镇的工厂车间", "address", False),
        ("四川省汉源县污水处理厂工地现场", "site", False),
        ("宁波市北仑港", "port", False),
        ("宁波港", "port", False),
        ("甲方指定地点", "designated", False),
        ("需方指定仓库", "designated", False),
        ("买方另行通知的地点", "designated", False),
        ("待定的收货地点", "designated", False),
        ("乙方指定的交货地点", "reference", False),
        ("卖方指定邮箱", "reference", False),
        ("甲方仓库", "reference", False),
        ("客户地址", "reference", False),
        ("交货地点", "reference", False),
        ("＿＿＿＿＿＿", "blank", False),
    ],
)
def test_classify_place(text: str, kind: str, house: bool) -> None:
    assert classify_place(text) == (kind, house)


@pytest.mark.parametrize(
    ("line", "value", "kind"),
    [
        ("交货地点：甲方指定地点。", "甲方指定地点", "designated"),
        (
            "供方于2026年4月15日前将全部货物一次性送至需方指定仓库，运费由供方承担。",
            "需方指定仓库",
            "designated",
        ),
        ("送货地址就是甲方新办公室：杭州市西湖区文三路478号华星大厦6楼602室。", None, "address"),
        ("交付地点为买方位于江苏省南通市通州区川姜镇的工厂车间。", None, "address"),
        ("乙方应将设备运至甲方工厂（江苏省苏州市工业园区星湖街88号）。", None, "address"),
        ("交货地點：台北市信義區信義路五段7號。", None, "address"),
        ("1.5 “交付地点”指买方位于上海市浦东新区张江路665号的仓库。", None, "address"),
        ("送到甲方家里，地址是杭州市拱墅区某某小区。", "杭州市拱墅区某某小区", "address"),
    ],
)
def test_places_in_sentences(line: str, value: str | None, kind: str) -> None:
    (place,) = [p for p in facts(line).places if p.kind != "reference"]  # 送到甲方家里 refers to it
    assert place.kind == kind
    if value is not None:
        assert place.text == value


@pytest.mark.parametrize(
    "line",
    [
        "上述单价包含运至客户厂区的运费。",
        "报价总额含13%增值税及运至客户地址的运费。",
        "甲方将货物运送到乙方指定的交货地点后，乙方应当即进行验收。",
        "订单以扫描件经电子邮件发送至卖方指定邮箱。",
        "货全部送到、装好、验完货以后7天内，甲方再付60%。",
    ],
)
def test_no_unclear_place_in_cost_event_or_mail(line: str) -> None:
    assert all(p.kind not in ("designated",) for p in facts(line).places)
    assert all(not (p.kind == "address" and not p.house_number) for p in facts(line).places)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("2026年6月30日前", "date"),
        ("2026-06-30", "date"),
        ("合同签订后30日内", "period"),
        ("收到预付款后 15 个工作日内", "period"),
        ("自合同生效之日起150个工作日", "period"),
        ("每月10日前交付当月供货量", "recurring"),
        ("以甲方书面通知为准", "on_notice"),
        ("以甲方订舱通知为准", "on_notice"),
        ("“经双方协商同意,船到蓬莱港卸货日”", "on_notice"),
        ("另行通知", "on_notice"),
        ("待定", "on_notice"),
        ("以订单为准", "by_document"),
        ("见附件二交货计划", "by_document"),
        ("＿＿＿＿", "blank"),
        ("卖方分两批交货", "other"),
    ],
)
def test_classify_time(value: str, kind: str) -> None:
    assert classify_time(value) == kind


@pytest.mark.parametrize(
    "text",
    [
        "交货期：合同签订后30日内。",
        "交货时间：2026年5月20日前一次交清。",
        "乙方应于2026年7月15日前将设备运至甲方三号车间。",
        "乙方于收到二期款之日起五日内将全部货物运抵交货地点。",
        "各批交货日期为：第一批2026年4月28日，第二批2026年5月26日。",
        "| 批次 | 交货日期 | 数量 |\n| 第一批 | 2026年4月20日 | 100 |",
        "卖方应于2026年5月29日前以DAP 天津经济技术开发区第九大街58号买方工厂(Incoterms® 2020)方式交货。",
        "乙方应在本合同生效之日起十五日内，向甲方交付许可证书、软件安装介质及用户手册。",
        "每批采购的品种、数量、交货日期和交货地点以订单为准。",
        "交货期：以甲方书面通知为准，乙方应在收到通知后10日内交货。",
        "交货时间以甲方通知为准，但最迟不晚于2026年8月31日交货。",
        "1.6 “交货期”指合同生效后60日。",
        "交貨期：合同簽訂後三十日內。",
        "交货期限：合同签订后 60 个日历日内。",
        "交货时间：2026年第三季度。",
        "交货时间：按框架协议第5.1条执行。",
        "卖方应在收到买方发货指令后七个工作日内发运。",
        "东西12月底前送到我们厂里。",
        "交货期：见专用条款第3.1款。",
    ],
)
def test_times_that_fix_delivery(text: str) -> None:
    assert facts(text).has_time


@pytest.mark.parametrize(
    "text",
    [
        "交货期：以甲方订舱通知为准。\n乙方负责将货物运至宁波港装船。",
        "│ 批次 │ 到场日期 │ 数量 │\n│ 第一批 │ 以甲方书面通知为准 │ 100 │\n"
        "│ 第二批 │ 以甲方书面通知为准 │ 200 │",
        "乙方按甲方通知发货。",
        "什么时候要货，甲方提前通知乙方送货。",
        "交货时间：合同签订后尽快交货。",
        "因不可抗力导致迟延交货的，乙方应在知悉之日起两日内书面通知甲方，交货日期相应顺延。",
        "甲方未在产品到达交货地点之日起十日内书面提出异议的，视为到货验收合格。",
        "乙方逾期交货的，每逾期一日，按逾期交付货物金额的万分之三支付违约金。",
        "货物装箱完毕且乙方交付增值税专用发票之日起二十日内，甲方支付合同总金额的70%。",
    ],
)
def test_no_fixed_time(text: str) -> None:
    assert not facts(text).has_time


def test_on_notice_points_at_the_notice() -> None:
    f = facts("交货期：以甲方订舱通知为准。")
    (t,) = [t for t in f.times if t.kind == "on_notice"]
    assert "以甲方订舱通知为准" in t.text


def test_notice_in_breach_or_spec_clauses_is_no_time() -> None:
    assert facts("卖方逾期交货的，按该订单逾期交付部分货款的万分之三支付违约金。").times == ()
    assert facts("被告按照原告技改要求为原告改造机床设备，交货期自合同生效之日起150个工作日。").has_time


@given(st.sampled_from(INCOTERMS_2020), st.sampled_from(["上海港", "汉堡", "宁波"]), st.booleans())
def test_trade_terms_and_edition(term: str, place: str, edition: bool) -> None:
    f = facts(f"贸易术语：{term} {place}{' Incoterms® 2020' if edition else ''}。")
    assert [t.code for t in f.terms] == [term] and not f.terms[0].obsolete
    assert f.edition == (2020 if edition else None)


@given(st.sampled_from(OBSOLETE_INCOTERMS))
def test_obsolete_terms(term: str) -> None:
    (t,) = facts(f"价格条件：{term} 汉堡，Incoterms 2010。").terms
    assert t.obsolete and facts(f"价格条件：{term} 汉堡，Incoterms 2010。").edition == 2010


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("单价为1450美元一吨（雅加达港离岸价）", "FOB"),
        ("价格为汉堡港到岸价", "CIF"),
        ("上海港成本加运费价", "CFR"),
    ],
)
def test_chinese_trade_term_names(text: str, code: str) -> None:
    assert [t.code for t in facts(text).terms] == [code]


@pytest.mark.parametrize(
    ("text", "kind", "house"),
    [
        (
            "卖方应于2027年1月20日前，按CPT天津市滨海新区黄海路219号买方二号仓库(Incoterms® 2020)交货。",
            "address",
            True,
        ),
        ("贸易术语：DAP 上海市浦东新区 Incoterms® 2020。", "address", False),
        ("贸易术语：FOB 宁波市 Incoterms® 2020。", "port", False),
        ("本合同价格为CIF汉堡港价格。", "port", False),
    ],
)
def test_place_named_after_a_trade_term(text: str, kind: str, house: bool) -> None:
    (p,) = facts(text).places
    assert (p.kind, p.house_number) == (kind, house)


def test_chinese_names_need_a_port() -> None:
    assert facts("本合同价格为到岸价，含运费。").terms == ()


def test_edition_in_chinese() -> None:
    assert facts("本合同价格为CIF汉堡港价格，适用《2020年国际贸易术语解释通则》。").edition == 2020
    assert facts("适用国际贸易术语解释通则（Incoterms 2010）FOB 上海。").edition == 2010


def test_latin_words_are_not_terms() -> None:
    assert facts("系统采用AES与DESede加密，价格含安装调试。").terms == ()


@pytest.mark.parametrize(
    "text",
    [
        "货物毁损、灭失的风险自货物交付甲方时起由乙方转移至甲方。",
        "设备经双方签署开箱检验记录后，风险转移至甲方。",
        "乙方负责运输并承担货物交付前的风险。",
        "货物在验收合格前的风险由乙方承担。",
    ],
)
def test_risk(text: str) -> None:
    assert facts(text).risk


def test_carrier_and_cost() -> None:
    f = facts("乙方负责运输，运费由乙方承担。")
    assert [c.who for c in f.carriers] == ["乙方"] and [c.who for c in f.costs] == ["乙方"]
    assert [c.who for c in facts("上述单价含运费及保险费。").costs] == ["included"]


def test_where_quotes_the_text() -> None:
    c = extract_text("第三条 交货\n交货地点：甲方指定地点。")
    (p,) = c.delivery.places
    assert p.where.text(c.doc) == "甲方指定地点"


def test_places_in_is_pure() -> None:
    assert places_in("交货地点：上海市浦东新区张江路665号。", 3)[0].where.block == 3


@given(st.text(alphabet="交货地点：送至运甲方指定仓库省市区路号0123456789，。", max_size=40))
def test_places_never_crash_and_spans_hold(text: str) -> None:
    for p in places_in(text, 0):
        assert text[p.where.span[0] : p.where.span[1]] == p.text


@pytest.mark.parametrize(
    "text",
    [
        "甲方指定的小区物业服务中心",
        "买方指定的项目部",
        "需方另行指定的物流园区",
        "采购人书面通知的校区",
        "甲方指定的办公楼",
    ],
)
def test_designated_facilities_are_no_address(text: str) -> None:
    assert classify_place(text) == ("designated", False)


@pytest.mark.parametrize("text", ["甲方指定账户", "乙方指定的联系人", "买方指定的银行"])
def test_designated_non_places_are_references(text: str) -> None:
    assert classify_place(text) == ("reference", False)


@pytest.mark.parametrize(
    "text",
    [
        "4.1 交货：FCA卖方工厂（Incoterms® 2020）。交付日：2027年3月15日或之前；不得分批交货。",
        "到货日为2027年5月1日。",
        "发货日：合同生效后20个工作日内。",
        "| 交货日 | 2027年6月30日前 |",
    ],
)
def test_a_delivery_day_label_fixes_the_time(text: str) -> None:
    assert facts(text).has_time


def test_delivery_day_as_an_event_is_no_label() -> None:
    t = facts("买卖合同\n乙方送货上门，质保期自交付日起12个月。").times
    assert not any(x.labelled for x in t)


WRAPPED = (
    "二、交货时间、地点和方式供方于 2027 年 8 月 15 日前将全部设备运至需方车间："
    "浙江省绍兴市越城区袍江工业区三江路\n"
    "{next}需方三号织造车间，运输费用和途中风险由供方承担。\n"
)


@pytest.mark.parametrize(
    ("next_line", "house"),
    [("15 号", True), ("No. 15 ", True), ("2#厂房 ", True), ("", False), ("东侧", False)],
)
def test_an_address_wrapped_onto_the_next_line(next_line: str, house: bool) -> None:
    places = [p for p in facts(WRAPPED.format(next=next_line)).places if p.kind == "address"]
    assert places and places[0].text.endswith("三江路")
    assert places[0].house_number is house


def test_a_finished_address_line_does_not_take_the_next_number() -> None:
    text = "乙方应将货物送至北京市海淀区中关村大街。\n15号楼的钥匙由甲方保管。\n"
    (p,) = [p for p in facts(text).places if p.kind == "address"]
    assert not p.house_number


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("以甲方书面通知为准，甲方应提前3日通知", "period"),
        ("每年10月1日至11月30日", "date"),
        ("以甲方订单为准", "by_document"),
        ("以甲方通知为准", "on_notice"),
    ],
)
def test_classify_time_round_two(text: str, kind: str) -> None:
    assert classify_time(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "乙方于2027年9月1日至2027年10月31日期间分批交售。",
        "乙方应在稻谷收割后15日内交售。",
        "苹果采摘后由乙方送交甲方冷库。",
        "乙方按甲方订单交货。",
    ],
)
def test_farm_and_order_timing_is_a_time(text: str) -> None:
    assert facts(text).has_time, text


def test_a_breach_clause_naming_an_order_is_no_time() -> None:
    assert facts("乙方逾期交货的，按订单金额的万分之三支付违约金。").times == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("甲方指定的位于本合同首部所载地址的仓库", "reference"),
        ("甲方指定的、附件二所列门店", "reference"),
        ("甲方指定地点", "designated"),
        ("需方指定仓库", "designated"),
    ],
)
def test_a_designated_place_that_points_at_an_address_given_elsewhere(text: str, kind: str) -> None:
    assert classify_place(text)[0] == kind


# -- round 3: bonded zones, wrapped lines, a party's facility with no address ------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "house"),
    [
        ("广东省深圳市盐田区沙头角保税区港湾环球仓库", "address", False),
        ("天津市滨海新区天津港保税区物流中心冷库", "address", False),
        ("上海市浦东新区外高桥保税区日京路35号", "address", True),
        ("天津港保税区", "port", False),
        ("宁波北仑港区", "port", False),
        ("青岛港前湾集装箱码头", "port", False),
    ],
)
def test_a_warehouse_inside_a_port_zone_is_an_address(text: str, kind: str, house: bool) -> None:
    assert classify_place(text) == (kind, house)


@pytest.mark.parametrize(
    ("text", "house"),
    [
        (
            "第三条 交货：卖方于 2027 年 11 月 20 日前送到陕西省西安市\n灞桥区新筑街道港务大道 88 号冷库。",
            True,
        ),
        ("三、交货安装：2027 年 1 月 10 日前送至河南省郑州市\n金水区花园路 139 号物业仓库。", True),
        ("乙方应于 2026 年 5 月 1 日前将货物运至湖北省武汉市\n江夏区藏龙岛科技园，由甲方签收。", False),
        ("乙方应于 2026 年 5 月 1 日前将货物运至湖北省武汉市\n第四条 验收", False),
    ],
)
def test_an_address_wrapped_onto_a_line_of_its_own(text: str, house: bool) -> None:
    places = [p for p in facts(text).places if p.kind == "address"]
    assert places and places[0].house_number is house


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "采购订单\n买方：浙江鲜链冷运物流有限公司\n卖方：山东驰远轮胎销售有限公司\n交货地点：买方嘉兴分拨中心。",
            "designated",
        ),
        (
            "订货单\n需方：成都蓉锦餐饮管理有限公司\n供方：四川川味调料有限公司\n收货地点：需方温江中央厨房。",
            "designated",
        ),
        (
            "采购订单\n甲方：武汉楚天物流有限公司\n乙方：湖北荆楚包装有限公司\n交货地点：甲方的东西湖仓库。",
            "designated",
        ),
        (
            "买卖合同\n买方：浙江鲜链冷运物流有限公司\n住所：浙江省嘉兴市秀洲区旺林路288号\n交货地点：买方仓库。",
            "reference",
        ),
        (
            "买卖合同\n卖方：宁波华力机械有限公司\n地址：浙江省宁波市北仑区新碶街道明州路8号\n交货地点：卖方工厂。",
            "reference",
        ),
    ],
)
def test_a_party_facility_without_the_partys_address(text: str, kind: str) -> None:
    places = [p for p in facts(text).places if p.labelled]
    assert places and places[0].kind == kind


# -- round 5 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "house"),
    [
        # a number naming a spot inside premises is no street number
        ("甲方厂区二号仓库", False),
        ("江苏省苏州市工业园区买方3号库", False),
        ("浙江省宁波市北仑区保税区甲方物流园5号月台", False),
        ("上海市浦东新区买方厂区2号门", False),
        # a number after its street is, whatever follows it
        ("陕西省西安市灞桥区港务大道 88 号冷库", True),
        ("天津市滨海新区黄海路219号买方二号仓库", True),
        ("浙江省杭州市西湖区中山路一号仓库", True),
        ("广州市天河区体育西路8号门面", True),
    ],
)
def test_a_numbered_warehouse_or_gate_is_no_house_number(text: str, house: bool) -> None:
    assert classify_place(text)[1] is house


@pytest.mark.parametrize(
    "text",
    [
        "徽邻各社区门店（门店清单另发）",
        "各加盟店（地址另行提供）",
        "买方下属各网点，网点名单届时通知",
        "买方届时指定之香港或深圳门店",
    ],
)
def test_places_whose_list_or_choice_comes_later_are_designated(text: str) -> None:
    (p,) = places_in(f"交货地点：{text}", 0)
    assert p.kind == "designated", p


@pytest.mark.parametrize(
    "text",
    [
        "甲方负责运到乙方诊所（柳州市城中区文惠路21号二楼），并且装好调试好。最晚2026年12月20日前装好。",
        "卖方负责送货到买方车间并安装，合同签订后20日内安装调试完毕。",
        "設備由賣方運至買方廠房，並於2027年1月31日前安裝完成。",
    ],
)
def test_a_deadline_for_installing_delivered_goods_fixes_the_time(text: str) -> None:
    assert facts(text).has_time


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("交货日期 待甲方通知交货地点 宁夏银川市镇北堡镇华西村 208 号其他 付款按框架协议执行", "on_notice"),
        ("交货时间：另行通知  交货地点：甲方仓库  付款方式：按订单结算", "on_notice"),
        ("交货日期 2027年5月10日交货地点 浙江省嘉兴市旺林路288号 备注：按框架协议", "date"),
    ],
)
def test_a_time_label_value_ends_at_the_next_form_label(line: str, kind: str) -> None:
    times = [t for t in facts(f"采购订单\n{line}").times if t.labelled]
    assert times and times[0].kind == kind, times


def test_an_installation_period_running_from_the_delivery_fixes_no_delivery_time() -> None:
    text = "卖方在收到买方发货通知后将设备运至大庆市萨尔图区东风路12号，并于到货后15日内完成安装调试。"
    assert not facts(text).has_time
