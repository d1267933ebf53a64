"""Round 11: contracts of foreign trade written in Chinese (FOB / CIF, T/T against B/L copy, L/C at sight,
a claims period instead of an acceptance window). A claim out of time refused is deemed acceptance; a price
stated and paid only in a foreign currency carries no PRC VAT and needs no exchange rate; an inspection
body (检验机构) is no inspection act. Clean texts a careful reviewer passes, defective ones still found."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.contract.acceptance import ACT
from contractkit.contract.extract import extract_text
from contractkit.findings import Severity
from contractkit.lint import lint_text


def loud(text: str, rule: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=(rule,))) if f.severity >= Severity.WARNING]


HEAD = (
    "出口销售合同\n卖方：宁波海曙远帆园林工具有限公司\n买方：Gartenwerk Handels GmbH\n"
    "一、品名：园艺剪 GS-200，12000把，单价USD 2.35，总价USD 28,200.00，FOB 宁波 Incoterms® 2020。\n"
    "二、检验：买方有权在货物到达目的港后45日内复验。\n"
)


# -- a claim out of time refused: the goods stand as delivered ----------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "如发现品质或数量与合同不符，买方应于货物到达目的港后60日内提出索赔，逾期卖方不予受理。",
        "品质异议须于货到目的港后45天内提出，逾期提出的，卖方概不受理。",
        "买方对货物质量有异议的，应在到货后90日内凭检验报告提出索赔；逾期视为买方放弃索赔权利。",
        "数量或质量不符的索赔应于卸货后30日内提出，逾期即丧失索赔权。",
        "Quality claims: within 60 days after arrival; 质量索赔逾期提出的，卖方不予理赔。",
    ],
)
def test_claim_out_of_time_refused_is_deemed_acceptance(clause: str) -> None:
    assert extract_text(HEAD + "三、索赔：" + clause).acceptance.deemed
    assert loud(HEAD + "三、索赔：" + clause, "acceptance/no-deemed-acceptance") == []


@pytest.mark.parametrize(
    "clause",
    [
        # late payment or delivery refused: no acceptance
        "如买方逾期付款，卖方不予发货。",
        "卖方逾期交货超过30日的，买方有权不予接受并解除合同。",
        # a claim window with no consequence of its lapse
        "如发现品质或数量与合同不符，买方应于货物到达目的港后60日内提出索赔。",
    ],
)
def test_refusals_of_other_things_are_no_deemed_acceptance(clause: str) -> None:
    assert not extract_text(HEAD + "三、索赔：" + clause).acceptance.deemed
    assert loud(HEAD + "三、索赔：" + clause, "acceptance/no-deemed-acceptance") == [
        "acceptance/no-deemed-acceptance"
    ]


@pytest.mark.parametrize("text", ["第三方检验机构", "由国家认可的检验机构出具", "检验机构的报告为准"])
def test_an_inspection_body_is_no_inspection_act(text: str) -> None:
    assert ACT.search(text) is None


def test_the_inspection_act_is_still_read_beside_its_body() -> None:
    assert ACT.search("买方应委托检验机构于到货后10日内验机") is not None


# -- a price only in a foreign currency: no PRC VAT, no exchange rate ----------------------------------------


PAYMENTS_IN_USD = [
    "四、付款：合同签订后7日内电汇30%定金即USD 8,460.00，余款USD 19,740.00凭提单副本电汇。",
    "四、付款：买方应于装运前30日开立以卖方为受益人的不可撤销即期信用证。",
    "四、付款：100% L/C at sight，信用证有效期至装运后21日。",
    "四、付款：T/T 30% deposit, balance 70% against copy of B/L.",
    "四、付款方式：付款交单（D/P at sight），由买方银行托收。",
]


@pytest.mark.parametrize("pay", PAYMENTS_IN_USD)
def test_priced_and_paid_in_usd_needs_no_exchange_rate(pay: str) -> None:
    assert loud(HEAD + pay, "amount/no-exchange-rate") == []


@pytest.mark.parametrize(
    "pay",
    [
        "四、付款：合同签订后7日内买方支付30%，余款于装运后10日内付清。",
        "四、付款：签约后支付定金人民币50,000.00元，余款装运前付清。",
        "四、付款：买方可以美元或人民币付款，于装运前付清。",
    ],
)
def test_usd_price_with_no_currency_of_payment_or_an_rmb_sum_still_asks_for_the_rate(pay: str) -> None:
    assert loud(HEAD + pay, "amount/no-exchange-rate") == ["amount/no-exchange-rate"]


@pytest.mark.parametrize("pay", PAYMENTS_IN_USD)
def test_a_price_only_in_foreign_currency_needs_no_vat_statement(pay: str) -> None:
    assert loud(HEAD + pay, "amount/tax-missing") == []


@pytest.mark.parametrize(
    "text",
    [
        "产品销售合同\n卖方：宁波海曙远帆园林工具有限公司\n买方：杭州临平绿苑园艺有限公司\n"
        "一、园艺剪 GS-200，1200把，单价人民币23.50元，总价人民币28,200.00元。\n",
        # a foreign price beside an RMB freight: a domestic part, whose tax is to be said
        HEAD + "五、内陆运费人民币3,000.00元由买方承担。\n",
    ],
)
def test_an_rmb_price_without_tax_words_is_still_reported(text: str) -> None:
    assert loud(text, "amount/tax-missing") == ["amount/tax-missing"]


# -- a place named in a definition: the term's meaning, not the delivery clause -----------------------------


PARTIES = "买卖合同\n买方：苏州恒锐自动化科技有限公司\n卖方：东莞精研机器人配件有限公司\n"
DOOR = "3.1 卖方应于2027年9月30日前将货物交付至江苏省苏州市工业园区星湖街328号买方仓库。\n"


@pytest.mark.parametrize(
    "definition",
    [
        '1.1.2 "交付日"：指卖方将货物运至买方指定地点并由买方签收送货单之日。',
        "1.1.2 “到货”是指货物运抵买方指定的地点。",
        "本合同所称“交货”，是指卖方将货物送至买方指定地点并经买方签收。",
        "1.2 “交付”系指卖方将货物运到甲方指定地点，由甲方签收。",
        '"Delivery Date" / “交货日期”：指货物运至买方指定地点之日。',
    ],
)
def test_a_designated_place_in_a_definition_is_no_delivery_place_when_the_clause_gives_the_door(
    definition: str,
) -> None:
    text = PARTIES + "1 定义\n" + definition + "\n3 交付\n" + DOOR
    assert loud(text, "delivery/address-no-house-number") == []


def test_a_definition_is_still_the_place_when_no_clause_gives_an_address() -> None:
    text = PARTIES + '1 定义\n1.1.2 "交付日"：指卖方将货物运至买方指定地点之日。\n'
    text += "3 交付\n卖方于2027年9月30日前交货。\n"
    assert loud(text, "delivery/address-no-house-number") == ["delivery/address-no-house-number"]


def test_a_designated_place_in_an_operative_clause_is_still_reported_beside_an_address() -> None:
    text = PARTIES + DOOR + "3.2 备品备件由卖方运至买方指定地点。\n"
    assert loud(text, "delivery/address-no-house-number") == ["delivery/address-no-house-number"]


# -- a bilingual arbitration clause names one institution twice ---------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "凡因本合同引起的争议，提交中国国际经济贸易仲裁委员会海峡两岸仲裁中心仲裁。"
        "All disputes shall be submitted to CIETAC Cross-Straits Arbitration Center for arbitration.",
        "争议提交香港国际仲裁中心仲裁。Any dispute shall be referred to the Hong Kong International "
        "Arbitration Centre.",
        "争议提交厦门仲裁委员会仲裁。Any dispute shall be submitted to Xiamen Arbitration Commission.",
        "争议提交新加坡国际仲裁中心仲裁。Disputes shall be settled by the Singapore International "
        "Arbitration Centre.",
        "争议提交中国国际经济贸易仲裁委员会西南分会仲裁。Disputes: CIETAC Southwest Sub-Commission.",
    ],
)
def test_a_bilingual_clause_names_one_commission(clause: str) -> None:
    assert loud(HEAD + "九、仲裁：" + clause, "dispute/arbitration-no-commission") == []


@pytest.mark.parametrize(
    "clause",
    [
        "争议提交中国国际经济贸易仲裁委员会或Singapore International Arbitration Centre仲裁。",
        "争议提交北京仲裁委员会仲裁，或提交 Shanghai International Arbitration Center 仲裁。",
    ],
)
def test_two_institutions_in_two_languages_are_still_two(clause: str) -> None:
    assert loud(HEAD + "九、仲裁：" + clause, "dispute/arbitration-no-commission") == [
        "dispute/arbitration-no-commission"
    ]


# -- paid by letter of credit: the bank pays; no late-payment penalty is missing ---------------------------


@pytest.mark.parametrize(
    "pay",
    [
        "四、付款：买方须于2027年5月10日前开立以卖方为受益人的不可撤销即期信用证，于装运后21天内在中国议付有效。",
        "四、付款：100% irrevocable L/C at sight.",
        "四、付款方式：凭即期信用证付款，信用证金额为合同总值的100%。",
    ],
)
def test_a_price_paid_by_letter_of_credit_needs_no_late_payment_penalty(pay: str) -> None:
    assert loud(HEAD + pay, "penalty/no-late-payment-penalty") == []


@pytest.mark.parametrize(
    "pay",
    [
        "四、付款：30%定金电汇，余款70%见提单副本电汇。",
        "四、付款：30% T/T in advance, balance by L/C at sight.",
        "四、付款：买方于货到后30日内付款。",
    ],
)
def test_a_price_the_buyer_remits_still_wants_a_late_payment_penalty(pay: str) -> None:
    assert loud(HEAD + pay, "penalty/no-late-payment-penalty") == ["penalty/no-late-payment-penalty"]


# -- general terms give the window's start with a blank length, the special terms fill the length -----------

GOODS = "买卖合同\n买方：杭州市临平区第二实验小学\n卖方：浙江启航教育装备有限公司\n标的：智慧黑板45套。\n"


@pytest.mark.parametrize(
    ("general", "special"),
    [
        ("采购人应在收到供应商书面验收申请后【 】个工作日内组织验收。", "验收期限为10个工作日。"),
        ("买方应于货物到达后____日内验收。", "验收期：7日。"),
        ("甲方在到货之日起（   ）日内完成验收。", "第2条约定的验收期限：15日。"),
        ("需方收到货物后 ______ 个工作日内检验。", "检验期限为5个工作日。"),
        ("交付后___天内验收。", "验收期限：3天。"),
    ],
)
def test_a_length_filled_in_the_special_terms_takes_the_start_of_the_general_terms(
    general: str, special: str
) -> None:
    text = (
        GOODS
        + "第二部分 通用条款\n2. 验收："
        + general
        + "\n第三部分 专用条款\n专用条款第2条："
        + special
        + "\n"
    )
    assert loud(text, "acceptance/window-no-start") == []


def test_a_length_with_no_start_anywhere_is_still_reported() -> None:
    text = (
        GOODS
        + "第二部分 通用条款\n2. 验收：采购人组织验收。\n"
        + "第三部分 专用条款\n专用条款第2条：验收期限为10个工作日。\n"
    )
    assert loud(text, "acceptance/window-no-start") == ["acceptance/window-no-start"]


# -- a proforma invoice: its validity, its letterhead ----------------------------------------------------

PI = (
    "PROFORMA INVOICE 形式发票\nPI No.: NBYF-PI-2027-021  Date 日期: 2027-03-02\n"
    "Seller 卖方: 宁波海曙远帆园林工具有限公司\nBuyer 买方: Gartenwerk Handels GmbH\n"
    "1 | 园艺剪 GS-200 | 12,000 pcs | USD 2.35 | USD 28,200.00\n"
)


@pytest.mark.parametrize(
    "validity",
    [
        "Validity 有效期: this PI is valid until 2027-03-31 本形式发票有效期至2027年3月31日",
        "本形式发票自开具之日起30天内有效。",
        "This proforma invoice is valid for 30 days.",
        "PI有效期至2027年3月31日。",
        "本形式發票有效期至2027年3月31日。",
    ],
)
def test_a_proforma_invoice_states_its_validity(validity: str) -> None:
    assert loud(PI + validity + "\n", "quote/no-validity") == []


def test_a_proforma_invoice_with_only_a_shelf_life_has_no_validity() -> None:
    assert loud(PI + "产品有效期24个月。\n", "quote/no-validity") == ["quote/no-validity"]


@pytest.mark.parametrize("label", ["Add.: ", "Addr: ", "ADD：", "Add: "])
def test_an_exporters_address_label_is_read(label: str) -> None:
    text = "销售合同\n卖方：宁波海曙远帆园林工具有限公司\n" + label + "浙江省宁波市海曙区云林中路288号\n"
    party = extract_text(text).parties.parties[0]
    assert party.details["address"].value == "浙江省宁波市海曙区云林中路288号"


# -- a framework's price list: the minimum order quantity is no quantity bought ---------------------------

PRICE_LIST = (
    "年度采购框架协议\n买方：深圳市华晨电子有限公司\n卖方：东莞市恒川电子元件有限公司\n"
    "物料编码 | 型号 | 规格 | 包装 | {head} | 单价(元/千只)\n"
    "C0402-104K | HC0402X7R104K160NT | 0402,100nF,±10%,16V,X7R | 10,000只/盘 | 10,000只 | 6.80\n"
    "C0603-106M | HC0603X5R106M100NT | 0603,10μF,±20%,10V,X5R | 4,000只/盘 | 4,000只 | 38.00\n"
)


@pytest.mark.parametrize("head", ["最小订购量", "起订量", "最低订购量", "订购倍数", "MOQ"])
def test_a_minimum_order_column_makes_no_quantity(head: str) -> None:
    assert loud(PRICE_LIST.format(head=head), "subject/unquantified-item") == []


def test_a_quantity_column_still_makes_an_item_table() -> None:
    rules = loud(PRICE_LIST.format(head="订购量"), "subject/unquantified-item")
    assert rules and set(rules) == {"subject/unquantified-item"}
