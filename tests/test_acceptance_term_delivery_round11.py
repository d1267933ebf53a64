"""Round 11 batteries for the acceptance, term and delivery families: each class of false alarm (or miss) seen
on the sets written in new styles (model forms with 通用条款/专用条款, translated drafting with defined terms,
colloquial 个体户 contracts, PDF lines that glue a heading to its clause, Traditional Chinese), in several
wordings of our own, with the near misses that must still be found. No sentence is copied from the corpus."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.lint import lint_text


def ids(text: str, *rules: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=rules))]


def found(text: str, *rules: str) -> list[tuple[str, str]]:
    return [(f.rule, f.snippet) for f in lint_text(text, Settings(select=rules))]


_BUY = "设备买卖合同\n甲方：杭州明川机械有限公司\n乙方：宁波海岳设备制造有限公司\n"
_BUY_TW = "設備買賣合約\n買受人：台北恆達實業有限公司\n出賣人：新北銘宏機電有限公司\n"
_GOODS = "1. 甲方向乙方购买数控车床2台，总价人民币300,000元，乙方负责运输并将设备交付至甲方工厂。\n"
_GOODS_TW = "1. 買受人向出賣人購買包裝機2台，總價新臺幣80萬元，出賣人負責運送並交付至買受人工廠。\n"

# -- delivery: a delivery time in batch lists, struck-out fields and acts at the delivery ------------------

#: Delivery dates given as a list of batches, after a label with an adverb or after the verb with 前.
BATCH_DATES = [
    _BUY + _GOODS + "2. 交货日期分别为2027年3月10日、4月10日及5月10日之前。",
    _BUY + _GOODS + "2. 交付日期依次为：2027年3月1日、2027年6月1日。",
    _BUY_TW + _GOODS_TW + "2. 交貨期均為訂單確認後三十日內。",
    _BUY + _GOODS + "2. 乙方分三批交货，分别于2027年2月15日、3月15日、4月15日以前。",
    _BUY_TW + _GOODS_TW + "2. 出賣人分兩批出貨，第一批於2027年3月1日、第二批於2027年5月1日或之前。",
    _BUY + _GOODS + "2. 乙方应当分两次送货，时间为2027年1月8日和2027年2月8日前。",
]


@pytest.mark.parametrize("text", BATCH_DATES)
def test_batch_delivery_dates_are_a_delivery_time(text: str) -> None:
    assert ids(text, "delivery/no-delivery-date") == []


#: A struck-out or not-applicable time field, dates that are another act's, and an act at the delivery.
NO_DELIVERY_TIME = [
    _BUY + _GOODS + "2. 交货期限：／\n3. 到货后10日内乙方完成安装调试。",
    _BUY + _GOODS + "2. 交货时间：—，交货地点：杭州市余杭区文一西路1号。",
    _BUY + _GOODS + "2. 交货日期：不适用。",
    _BUY + _GOODS + "2. 甲方应分别于2027年1月20日、2月26日之前付款。",
    _BUY + _GOODS + "2. 甲方于到货当日清点台数并在送货单上签字。",
    _BUY + _GOODS + "2. 交货的同时乙方提供合格证和使用说明书。",
]


@pytest.mark.parametrize("text", NO_DELIVERY_TIME)
def test_no_delivery_date_still_found(text: str) -> None:
    assert ids(text, "delivery/no-delivery-date") == ["delivery/no-delivery-date"]


def test_no_delivery_date_points_at_the_time_label_that_fixes_none() -> None:
    text = _BUY + _GOODS + "2. 交货时间：分两批交货，具体哪天由乙方根据备货进度确定。"
    ((_rule, snippet),) = found(text, "delivery/no-delivery-date")
    assert "备货进度" in snippet
    struck = _BUY + _GOODS + "2. 交货期限：／，到货后10日内安装完毕。"
    ((_rule, snippet),) = found(struck, "delivery/no-delivery-date")
    assert snippet.startswith("2. 交货期限")


def test_a_time_at_once_still_times_the_delivery() -> None:
    for line in ("乙方收到预付款后立即发货。", "现货供应，乙方当日送货上门。", "乙方接到订单马上发货。"):
        assert ids(_BUY + "1. 甲方向乙方购买车床2台，" + line, "delivery/no-delivery-date") == []


# -- term: a term heading glued to its clause; a proforma invoice is no contract ---------------------------

_DONE = "2. 乙方应于2027年3月31日前交货。\n"

GLUED_TERM_HEADINGS = [
    _BUY + _GOODS + _DONE + "8. 期限合同自双方签字盖章之日起生效，到质保期满（2028年3月31日）为止。",
    _BUY + _GOODS + _DONE + "九、期限本合同自签订之日起至2028年12月31日止。",
    _BUY + _GOODS + _DONE + "7. 合同期限协议自两边签字那天起算数，到2027年底为止。",
    _BUY_TW + _GOODS_TW + "八、期限本合約自雙方簽章之日起生效，至2028年6月30日止。",
    _BUY + _GOODS + _DONE + "10 期间自本合同生效之日起至2028年1月31日止。",
]


@pytest.mark.parametrize("text", GLUED_TERM_HEADINGS)
def test_a_term_heading_glued_to_its_clause_gives_the_term(text: str) -> None:
    assert ids(text, "term/no-term") == []


@pytest.mark.parametrize(
    "text",
    [
        _BUY + _GOODS + _DONE + "8. 期限内乙方负责免费维修。\n9. 本合同自双方签字盖章之日起生效。",
        _BUY + _GOODS + _DONE + "8. 期间自行承担各自费用。\n9. 本合同自双方签字盖章之日起生效。",
        _BUY + _GOODS + _DONE + "8. 本合同自双方签字盖章之日起生效。",
    ],
)
def test_no_term_still_found_beside_a_glued_heading(text: str) -> None:
    assert ids(text, "term/no-term") == ["term/no-term"]


PROFORMAS = [
    "PROFORMA INVOICE 形式发票\n卖方：苏州某设备有限公司\n买方：上海某酒店管理有限公司\n"
    "咖啡机4台，合计人民币160,000元。收到预付款后20个工作日内交付。本形式发票仅供买方付款审批及签订合同使用。",
    "形式发票\n出卖方：宁波某电器有限公司\n购买方：杭州某商贸有限公司\n冷柜10台，合计人民币50,000元，以正式合同为准。",
    "Pro Forma Invoice / 形式發票\n賣方：新北某機電有限公司\n買方：台北某實業有限公司\n"
    "包裝機2台，總價80萬元，以正式合約為準。",
    "Proforma Invoice No. PI-2027-03\n卖方：深圳某科技有限公司\n买方：东莞某电子有限公司\n"
    "摄像模组500套，以双方签订的销售合同为准。",
    "形式发票（PI）\n供方：青岛某橡胶有限公司\n需方：烟台某机械有限公司\n密封圈2000个，合同签订后交货。",
]


@pytest.mark.parametrize("text", PROFORMAS)
def test_a_proforma_invoice_needs_no_term_nor_termination(text: str) -> None:
    assert ids(text, "term/no-term", "term/no-termination") == []


def test_a_contract_that_mentions_a_proforma_invoice_is_still_a_contract() -> None:
    clauses = "3. 甲方凭乙方开具的形式发票支付预付款。\n4. 本合同自双方签字盖章之日起生效。"
    text = _BUY + _GOODS + _DONE + clauses
    assert "term/no-term" in ids(text, "term/no-term")


# -- acceptance: periods in translated, model-form and colloquial wordings --------------------------------

_ACCEPT = "3. 验收：甲方应在到货后5日内验收，逾期未提出书面异议的，视为验收合格。\n"
_ACCEPT_TW = "3. 驗收：買受人應於貨到後七日內驗收，逾期未提出異議者視為驗收合格。\n"

#: A short period, in any wording, still found by objection-period-range.
SHORT_PERIODS = [
    # a period word defined in brackets right after its length (translated drafting)
    _BUY + _GOODS + _ACCEPT + "7.1 卖方保证设备自验收合格之日起六（6）个月（“质保期”）内无材料和工艺缺陷。",
    _BUY + _GOODS + _ACCEPT + "7.1 设备的保修期限为验收后三（3）个月（以下简称“保修期”）。",
    _BUY + _GOODS + _ACCEPT + "7.1 自交付之日起九个月（下称“质量保证期”）内出现的缺陷由卖方修复。",
    # a remark in brackets between the period word and its statement (a model form's special clause)
    _BUY + _GOODS + _ACCEPT + "七、质保期（本项替代通用条款第七条约定的24个月）：自验收合格之日起6个月。",
    _BUY_TW + _GOODS_TW + _ACCEPT_TW + "七、保固期（本項取代一般條款之約定）：自驗收合格日起三個月。",
]


@pytest.mark.parametrize("text", SHORT_PERIODS)
def test_a_short_period_in_other_wordings_is_found(text: str) -> None:
    assert "acceptance/objection-period-range" in ids(text, "acceptance/objection-period-range")


def test_a_key_terms_cell_gives_its_period_though_it_names_the_acceptance() -> None:
    table = "| 质保期 | 自验收之日起六(6)个月（见第7.1条） |\n"
    (p,) = extract_text(_BUY + _GOODS + _ACCEPT + table).acceptance.periods
    assert p.months == 6


@pytest.mark.parametrize(
    "text",
    [
        # the length in brackets is the period's and nothing is stated after it
        _BUY + _GOODS + _ACCEPT + "5. 质保金于质保期（12个月）届满后15日内支付。",
        _BUY + _GOODS + _ACCEPT + "5. 保修期（自验收合格之日起18个月）内乙方免费维修。",
        # the general clause replaced by a special one in range
        _BUY + _GOODS + _ACCEPT + "第一部分 通用条款\n7. 质保期为验收合格之日起3个月。\n第二部分 专用条款\n"
        "七、质保期（本项替代通用条款第7条的约定）：自验收合格之日起12个月。",
        # an offer countered and confirmed: the confirmation's period governs
        "往来函件\n函件一（报价）：卖方报价如下，质量异议期为到货后3个月。\n"
        "函件二（确认函）：本确认函条款取代此前往来函件中与之不一致的内容。卖方：宁波海岳设备制造有限公司\n"
        "买方：杭州明川机械有限公司\n乙方应于2027年3月31日前交货。质量保证期为验收合格之日起12个月。",
    ],
)
def test_a_period_in_range_or_superseded_is_not_out_of_range(text: str) -> None:
    assert ids(text, "acceptance/objection-period-range") == []


_SEEDS = "嫁接苗订购合同\n卖方：寿光市某育苗场（个体工商户）\n买方：青州市某家庭农场（个体工商户）\n"
_SEEDS_1 = "一、买方向卖方订番茄嫁接苗3万株，每株1.1元，卖方送货到买方大棚。\n"

#: A survival guarantee of live goods, in several wordings: a period (no-objection-period is silent) whose
#: short length is the nature of the goods (objection-period-range is silent).
SURVIVAL = [
    _SEEDS + _SEEDS_1 + "二、苗栽下去10天内因为苗本身的病死了的，卖方按死苗数补苗。",
    _SEEDS + _SEEDS_1 + "二、定植后十五日内死亡的苗，由卖方免费补种，补不上的退钱。",
    _SEEDS + _SEEDS_1 + "二、保活期为定植后20天，期内非管理原因枯死的，卖方负责补栽。",
    _SEEDS + _SEEDS_1 + "二、到棚后一周里出现烂根坏死的，卖方照数更换。",
    "雏鸡买卖合同\n卖方：某种禽场\n买方：某养殖场\n一、买方购雏鸡5000只，卖方送货上门。\n"
    "二、雏鸡到场后7日内病死的，卖方按只退款。",
]


@pytest.mark.parametrize("text", SURVIVAL)
def test_a_survival_guarantee_is_a_short_period_by_nature(text: str) -> None:
    assert ids(text, "acceptance/no-objection-period", "acceptance/objection-period-range") == []


@pytest.mark.parametrize(
    "text",
    [
        # no guarantee at all, and a machine's short warranty
        _SEEDS + _SEEDS_1 + "二、苗到后双方当场点数。",
        _SEEDS + _SEEDS_1 + "二、苗栽下去以后死了的，双方另行协商。",
        _BUY + _GOODS + _ACCEPT + "6. 设备保修一个月，期内出现故障的乙方免费维修。",
    ],
)
def test_no_period_or_a_short_machine_warranty_is_still_found(text: str) -> None:
    assert ids(text, "acceptance/no-objection-period", "acceptance/objection-period-range") != []


# -- acceptance/no-deemed-acceptance: consent to an order is no acceptance; a quality check in other words --

_QUALITY = "6. 质量保证期为验收合格之日起12个月。\n"

ORDER_CONSENTS = [
    _BUY + _GOODS + "2. 乙方收到订单后2个工作日内未回复亦未提出异议的，视为乙方接受该订单。\n"
    "3. 甲方应于到货后5个工作日内对设备进行验收。\n" + _QUALITY,
    _BUY + _GOODS + "2. 甲方调价通知发出后3日内乙方未提出异议的，视为同意调价。\n"
    "3. 甲方应于到货后5个工作日内对设备进行检验。\n" + _QUALITY,
    _BUY + _GOODS + "2. 乙方逾期未确认的，视为确认甲方的对账单。\n3. 甲方到货后三天内组织验收。\n" + _QUALITY,
    _BUY_TW + _GOODS_TW + "2. 出賣人逾期未回覆者，視為接受該訂單。\n3. 買受人應於貨到後七日內驗收。\n"
    "6. 保固期為驗收合格後一年。\n",
    _BUY + _GOODS + "2. 三天内不回话的，就算接受了这个订单。\n3. 甲方到货后三天内验货。\n" + _QUALITY,
]


@pytest.mark.parametrize("text", ORDER_CONSENTS)
def test_consent_to_an_order_is_no_deemed_acceptance(text: str) -> None:
    assert ids(text, "acceptance/no-deemed-acceptance") == ["acceptance/no-deemed-acceptance"]


def test_consent_to_the_goods_of_an_order_is_deemed_acceptance() -> None:
    text = (
        _BUY + _GOODS + "2. 甲方应于到货后5日内验收，逾期未提出异议的，视为接受该订单项下货物。\n" + _QUALITY
    )
    assert ids(text, "acceptance/no-deemed-acceptance") == []


#: A quality check within a set time from the handover, in words other than 验收/检验, with no deemed rule.
TIMED_CHECKS = [
    _SEEDS
    + "一、送苗和验苗\n卖方按约定日期送苗，买方在苗到后48小时内检查质量，有问题的书面告诉卖方。\n"
    + _QUALITY,
    _BUY + _GOODS + "2. 甲方收到设备后3日内试机，发现问题的通知乙方。\n" + _QUALITY,
    _BUY + _GOODS + "2. 设备送到后，甲方应在五个工作日内检测性能，不合格的书面告知乙方。\n" + _QUALITY,
    _BUY_TW + _GOODS_TW + "2. 買受人應於貨到後三日內試車，如有瑕疵應書面通知出賣人。\n6. 保固期為一年。\n",
    _BUY + _GOODS + "2. 货到了甲方三天内开机试用，有问题就说。\n" + _QUALITY,
]


@pytest.mark.parametrize("text", TIMED_CHECKS)
def test_a_timed_quality_check_without_a_deemed_rule_is_found(text: str) -> None:
    assert ids(text, "acceptance/no-deemed-acceptance") == ["acceptance/no-deemed-acceptance"]


@pytest.mark.parametrize(
    "text",
    [
        # the check ends in deemed acceptance; a count at the handover only
        _SEEDS
        + "一、送苗和验苗\n买方在苗到后48小时内检查质量，48小时内没提出的，视为该批苗验收合格。\n"
        + _QUALITY,
        _BUY + _GOODS + "2. 甲方收到设备后3日内清点台数并签收。\n" + _QUALITY,
        _BUY + _GOODS + "2. 甲方收到设备后3日内试机，3日内没说有问题的，就算验过了。\n" + _QUALITY,
    ],
)
def test_no_deemed_acceptance_passes_a_deemed_check_or_a_count(text: str) -> None:
    assert ids(text, "acceptance/no-deemed-acceptance") == []


# -- delivery: a delivery-date column whose rows say 以甲方通知为准 ------------------------------------------

_ORDER = "采购订单\n订单编号：PO-2027-0103\n采购方：武汉某半导体有限公司\n供应方：苏州某塑胶有限公司\n"
_SIGNED = "采购方（盖章）：武汉某半导体有限公司 日期：2027年3月2日\n"


_DATE_HEAD = "行号 产品名称 型号 数量 单价 金额 交货日期\n"


@pytest.mark.parametrize(
    "rows",
    [
        "1 晶圆盒 FOUP-25 200只 4,380.00 876,000.00 以甲方通知为准\n合计 876,000.00\n",
        "1 晶圆盒 FOUP-25 200只 4,380.00 876,000.00 按采购方要货计划安排\n合计 876,000.00\n",
        "1 晶圆盒 FOUP-25 200只 876,000.00 另行通知\n2 运输盒 FOSB-25 100只 126,000.00 另行通知\n",
    ],
)
def test_a_date_column_left_to_a_notice_is_no_delivery_date(rows: str) -> None:
    text = _ORDER + _DATE_HEAD + rows + "乙方送货至采购方厂区。\n" + _SIGNED
    assert "delivery/date-on-notice" in ids(text, "delivery/date-on-notice", "delivery/no-delivery-date")


def test_a_date_column_with_dates_is_a_delivery_date() -> None:
    rows = "1 晶圆盒 FOUP-25 200只 4,380.00 876,000.00 2027年4月15日\n合计 876,000.00\n"
    text = _ORDER + _DATE_HEAD + rows + "乙方送货至采购方厂区。\n" + _SIGNED
    assert ids(text, "delivery/date-on-notice", "delivery/no-delivery-date") == []
