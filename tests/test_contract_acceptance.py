"""The acceptance facts extractor on its own: windows, deemed acceptance, periods and test costs, in many
phrasings (Simplified and Traditional script, formal and colloquial, key-terms rows, definitions); the
round-6 cases at the end also assert the rules those facts feed."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import fires, page_lines, run_rule
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.contract.acceptance import AcceptanceFacts, Window, deemed_in, vague_word
from contractkit.contract.extract import extract_text
from contractkit.contract.model import to_data


def facts_of(text: str) -> tuple[AcceptanceFacts, object]:
    contract = extract_text(text)
    return contract.acceptance, contract.doc


def windows_of(text: str) -> list[Window]:
    return list(facts_of(text)[0].windows)


def timed(text: str) -> list[Window]:
    return [w for w in windows_of(text) if w.length is not None]


# -- windows with a start and a length --------------------

STARTED = [
    ("买方应在到货后72小时内完成验收。", "72", "hour"),
    ("甲方应于货物送达之日起五个工作日内对货物进行检验。", "5", "working_day"),
    ("收货后7天内，甲方组织验收。", "7", "day"),
    ("需方收货后2日内核对数量、外观和印刷，有异议的书面告知供方。", "2", "day"),
    ("货到七日内验货。", "7", "day"),
    ("货到了三天内验货，有问题三天内说。", "3", "day"),
    ("設備到達交貨地點之日起三個工作日內，雙方共同開箱檢驗。", "3", "working_day"),
    ("甲方应在乙方通知的装箱日前三个工作日内到乙方工厂验货。", "3", "working_day"),
    ("买方应自卖方交货之日起十五日内对货物进行检验。", "15", "day"),
    ("检验期为十个工作日，自到货之日起计算。", "10", "working_day"),
    ("16 验收期限 设备到达交货地点之日起 5 个工作日内", "5", "working_day"),
    ("验收期限为货到后7个工作日。", "7", "working_day"),
    ("安装调试完成后，甲方应在10日内组织验收。", "10", "day"),
    (
        "调试完成后，设备连续运行 72 小时，各项指标达到《技术协议》的，双方在 3 日内签署终验收报告。",
        "3",
        "day",
    ),
    ("产品并网连续无故障运行240小时后，双方在10个工作日内签署最终验收证书。", "10", "working_day"),
    ("驗收期限：交貨後七日。", "7", "day"),
    ("甲方应在收到调试完成报告之日起十个工作日内组织终验收。", "10", "working_day"),
    ("对于产品内在质量，买方可在到货之日起三十日内完成装机测试。", "30", "day"),
    ("甲方未在货物送达后 72 小时内提出书面异议的，视为该批货物验收合格。", "72", "hour"),
    (
        "The Buyer shall inspect. 买方应在货物到达交货地点之日起七（7）个工作日内进行进货检验。",
        "7",
        "working_day",
    ),
    ("1.1.6 “验收期”指自买方收到调试完成通知之日的次日起算的十（10）个工作日；", "10", "working_day"),
    ("買方應於接獲通知之翌日起七日內會同賣方辦理驗收。", "7", "day"),
    ("甲方三天内看货、试用，从每批货装好那天的第二天开始算。", "3", "day"),
    ("农机交付之日起3日内，双方共同进行外观检查；3日内甲方未提出书面异议的，视为验收合格。", "3", "day"),
]


@pytest.mark.parametrize(("text", "value", "unit"), STARTED)
def test_window_with_start_and_length(text: str, value: str, unit: str) -> None:
    (w,) = timed(text)[:1]
    assert w.length is not None and (w.length.value, w.length.unit) == (Decimal(value), unit)
    assert w.start is not None, text


NO_START = [
    "买方应在七个工作日内，按GB/T 2828.1-2012一般检验水平Ⅱ进行进货检验。",
    "需方按照合同约定15日内验收。",
    "出现质量问题按质量协议处理，需方在30天内通知供方。",
    "甲方须于五个工作日内对设备进行检验并书面确认。",
    "買方應在72小時內完成驗收。",
    "验收期限为7个工作日。",
]


@pytest.mark.parametrize("text", NO_START)
def test_window_without_start(text: str) -> None:
    ws = timed(text)
    assert ws and ws[0].start is None, text


def test_a_later_window_of_the_same_length_keeps_the_start() -> None:
    text = "农机交付之日起3日内，双方共同进行外观检查；3日内甲方未提出书面异议的，视为验收合格。"
    assert [w.start is not None for w in timed(text)] == [True, True]


@pytest.mark.parametrize(
    "text",
    [
        "买方在上述三个工作日内未以书面形式提出质量异议的，该批产品即为验收合格。",
        "买方在上述 15 日内未组织终验收的。",
    ],
)
def test_a_length_quoted_from_elsewhere(text: str) -> None:
    (w,) = timed(text)
    assert w.refers_back


NOT_WINDOWS = [
    "产品经检验不符合本合同约定质量标准的，买方有权要求卖方在十日内更换。",
    "终验收不合格的，乙方应在十日内整改并申请复验。",
    "验收合格后10日内支付货款。",
    "乙方接到通知后四小时内响应，四十八小时内到达现场。",
    "因不可抗力不能履行合同的，应在三日内通知对方并于十日内提供证明。",
    "待在原告调试验收后一年内付清。",
    "第二批验收合格之日起十五日内",
    "乙方应在接到通知后二十四小时内答复，并在三日内提出整改措施。",
    "检验不合格的，卖方应在接到买方书面通知之日起十日内无偿更换或补足。",
    "验收不合格者，卖方应于十日内改善完毕，再行申请验收。",
]


@pytest.mark.parametrize("text", NOT_WINDOWS)
def test_remedy_or_payment_deadline_is_no_window(text: str) -> None:
    assert timed(text) == [], text


@pytest.mark.parametrize(
    "text",
    ["交货时甲方当场验收。", "货物到达时，甲方对数量、包装进行现场查验。", "乙方应当即进行验收。"],
)
def test_immediate_inspection(text: str) -> None:
    (w,) = windows_of(text)
    assert w.immediate and w.length is None


@pytest.mark.parametrize(
    "text",
    [
        "买方应在要素表第16项约定的验收期限内进行检查。",
        "甲方在第4.1款期限内未书面提出异议的，视为该批产品进货检验合格。",
        "甲方应在检验期内完成检验。",
    ],
)
def test_window_agreed_elsewhere(text: str) -> None:
    ws = windows_of(text)
    assert ws and ws[0].refers_back


def test_vague_and_not_vague_words() -> None:
    (w,) = windows_of("甲方收到货物后及时组织验收。")
    assert w.vague == "及时" and w.start is not None and w.length is None
    assert vague_word("交货批次及时间见附件。") is None
    assert vague_word("验收期限：设备到达后的合理期限内。") == ("合理期限", 11)


@hsettings(max_examples=40, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=365),
    unit=st.sampled_from(["日", "天", "个工作日", "小时", "个月"]),
    act=st.sampled_from(["完成验收", "进行检验", "验货", "核对数量和外观"]),
)
def test_window_start_is_found_for_any_length(n: int, unit: str, act: str) -> None:
    (with_start,) = timed(f"买方应在到货后{n}{unit}内{act}。")
    assert with_start.start is not None and with_start.length is not None
    assert with_start.length.value == n
    (no_start,) = timed(f"买方应在{n}{unit}内{act}。")
    assert no_start.start is None


# -- deemed acceptance --------------------

DEEMED = [
    "逾期未提出书面异议的，视为验收合格。",
    "买方在上述期限内未提出书面异议的，视为该批产品数量、外观及质量验收合格。",
    "逾期未验收的，按验收合格处理。",
    "甲方未在该期限内提出异议的，视同该批货物验收合格。",
    "未提出书面异议的视为合格。",
    "逾期未提出的视为认可。",
    "甲方在上述期限内未组织终验收又未书面说明理由的，视为终验收合格。",
    "甲方未在该期限内验货的，视为验货合格。",
    "三天内不说就算合格了。",
    "買方逾期未提出異議的，視為驗收合格。",
    "If the Buyer raises no objection, the Goods shall be deemed to have been accepted.",
    "验收期的最后一日即为验收日，与买方签发验收证书具有同等效力。",
    "买方于第一项期间届满未办理验收的，以该期间届满之日为验收合格日。",
    "三天里甲方没提意见的，这批货就算验收通过了。",
    "设备自该期限届满次日起即告终验收合格。",
    "期限内买方未书面提出异议的，本批产品即为验收合格。",
    "买方在上述期限内不书面说明不合格理由的，自期限届满之日起设备即作验收合格论。",
    "逾期未提出异议的，即认为货物符合约定。",
    "逾期未书面通知的，即确认为合格。",
]


@pytest.mark.parametrize("text", DEEMED)
def test_deemed_acceptance_in_any_wording(text: str) -> None:
    assert facts_of(text)[0].deemed, text


@pytest.mark.parametrize(
    "text", ["自交邮之日起第三日视为送达。", "货物装船后视为交货。", "逾期交货超过三十日的，视为乙方违约。"]
)
def test_other_deemed_rules_are_not_acceptance(text: str) -> None:
    assert facts_of(text)[0].deemed == (), text


# -- warranty and objection periods --------------------

PERIODS = [
    ("质保期为十二个月，自验收合格之日起计算。", "12", "warranty"),
    ("产品保修一年。", "12", "warranty"),
    ("整机质保两年。", "24", "warranty"),
    ("质量保证期为二十个月。", "20", "warranty"),
    ("产品的质量异议期为两年，自该批货物到达交货地点之日起计算。", "24", "objection"),
    ("免费维保期为十二个月。", "12", "warranty"),
    ("对于难以发现的内在质量问题，甲方可自到货之日起三个月内书面提出异议。", "3", "latent"),
    ("质保期壹年。", "12", "warranty"),
    ("三包期为一年。", "12", "warranty"),
    ("质保期为设备安装调试合格之日起1年或者设备到达工地之日起18个月，两者以先到为准。", "12", "warranty"),
    ("17 质保期 整车 12 个月；", "12", "warranty"),
    ("保修期一年半。", "18", "warranty"),
    ("保固期间自验收合格日起算十八个月。", "18", "warranty"),
    ("1.1.8 “质保期”指自验收日起算的十八（18）个月；", "18", "warranty"),
]


@pytest.mark.parametrize(("text", "months", "kind"), PERIODS)
def test_period_length(text: str, months: str, kind: str) -> None:
    (p,) = facts_of(text)[0].periods
    assert p.months == Decimal(months) and p.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "质保期届满后15日内支付尾款。",
        "质保期内，乙方接到通知后48小时内到场维修。",
        "保固期间内非因买方使用不当所生之故障，卖方应于接获通知后四十八小时内派员到场。",
        "产品保质期为自生产日期起十二个月。",  # shelf life
        "数量、外观异议应在到货后3日内书面提出。",  # a window for appearance defects
        "6.2 保证期间为最后一期付款期限届满之日起六个月。",  # a guarantor's period, not a warranty
        "乙方在交接后3日内未就质量问题提出书面异议的，视为验收合格。",  # the inspection window
    ],
)
def test_no_period(text: str) -> None:
    assert facts_of(text)[0].periods == ()


def test_component_period() -> None:
    (p,) = facts_of("其中激光器的质保期为三十六个月。")[0].periods
    assert p.component and p.months == 36
    (q,) = facts_of("整机质保期为二十四个月。")[0].periods
    assert not q.component


def test_period_named_without_length_is_remembered() -> None:
    facts = facts_of("卖方在质保期内提供两次免费上门保养。")[0]
    assert facts.period_named and facts.periods == ()


# -- who pays for testing, serialization --------------------


def test_test_cost_and_json_shape() -> None:
    text = "由双方共同委托检测机构检测，检测费用由责任方承担。甲方应在到货后3日内验收。"
    facts, doc = facts_of(text)
    assert [c.payer for c in facts.test_costs] == ["责任方"]
    data = to_data(facts, doc)  # type: ignore[arg-type]
    json.dumps(data, ensure_ascii=False)
    (w,) = data["windows"]
    assert w["length"]["value"] == "3" and w["start"]["text"] == "甲方应在到货后"


def test_key_terms_table_label_and_value_in_two_cells() -> None:
    from contractkit.contract.acceptance import extract
    from contractkit.contract.model import Contract
    from contractkit.facts import assign_sections
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    rows = [
        ("验收期限", "设备到达交货地点之日起5个工作日内"),
        ("质保期", "整车12个月"),
        ("交货地点", "买方仓库"),
    ]
    blocks = []
    for r, pair in enumerate(rows, 1):
        for c, text in enumerate(pair, 1):
            loc = Location(index=len(blocks), table=1, row=r, cell=c)
            blocks.append(Block(text=text, norm=normalize(text), location=loc, kind="cell"))
    doc = Document(path="terms.docx", kind="docx", blocks=assign_sections(blocks))
    facts = extract(Contract(doc))
    (w,) = [w for w in facts.windows if w.length is not None]
    assert w.length is not None and w.length.value == 5 and w.start is not None
    assert w.start.text(doc) == "设备到达交货地点之日起"
    (p,) = facts.periods
    assert p.months == 12 and p.length.where.text(doc) == "12个月"


# -- round 2: deemed acceptance written without 视为 --------------------

DEEMED_WITHOUT_SHIWEI = [
    "货到了三天内验货，没问题就算收了。",
    "需方在验收期内未书面反馈质量问题的，默认验收通过。",
    "逾期未提出异议者，推定货物符合合同约定。",
    "買方於到貨後七日內未以書面提出異議者，即按驗收合格辦理。",
    "甲方超过验收期限不验收的，货物就当验收合格。",
    "买方逾期不检验的，即按检验合格对待。",
    "收货方五日内未就数量、质量提出书面意见的，即认可乙方交付的货物。",
    "逾期未提出书面异议的，即以乙方送货单载明的数量和质量为准。",
    "质量异议期届满买方未提出异议的，卖方不再承担质量责任。",
]


@pytest.mark.parametrize("text", DEEMED_WITHOUT_SHIWEI)
def test_deemed_acceptance_without_shiwei(text: str) -> None:
    assert facts_of(text)[0].deemed, text


@pytest.mark.parametrize(
    "text",
    [
        "乙方未提供技术资料的，验收期限顺延。",
        "乙方不提供合格证的，甲方有权拒收。",
        "乙方未按期通知的，甲方可以拒绝收货。",
        "甲方未在期限内提出异议的，乙方仍应按第8条承担违约责任。",
        "未经验收合格的设备，甲方不得投入使用。",
    ],
)
def test_silence_that_is_no_acceptance(text: str) -> None:
    assert facts_of(text)[0].deemed == (), text


# -- round 2: the start of a window read from the sentence's events --------------------

STARTED_BY_THE_SENTENCE = [
    ("每车到厂后，需方在4小时内完成计量，并在24小时内取样化验。", ["4", "24"]),
    ("货物运抵甲方仓库后，甲方应先清点件数；并在3日内完成开箱检验。", ["3"]),
    ("设备到场，乙方通知甲方后，甲方在2日内会同乙方开箱，再于5个工作日内完成安装后验收。", ["2", "5"]),
    ("每批货物到库，需方当日过磅，并于三日内抽样送检。", ["3"]),
    ("乙方应在合同签订后30日内交货，甲方应在5日内验收。", ["5"]),
    ("貨物運抵後，買方應於當日點數，並於七日內完成檢驗。", ["7"]),
]


@pytest.mark.parametrize(("text", "lengths"), STARTED_BY_THE_SENTENCE)
def test_window_start_from_an_earlier_event_of_the_sentence(text: str, lengths: list[str]) -> None:
    ws = timed(text)
    assert [str(w.length.value) for w in ws if w.length] == lengths, text
    assert all(w.start is not None for w in ws), text


def test_an_event_in_the_previous_sentence_is_no_start() -> None:
    (w,) = timed("乙方负责将货物运至甲方仓库。甲方应在3日内验收。")
    assert w.start is None


# -- round 2: vague windows on any inspection act, acts that are no acceptance --------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("硬件到货后，甲方应在合理期限内会同乙方开箱清点型号、数量及外观。", "合理期限"),
        ("收货后，需方尽快清点数量并签收送货单。", "尽快"),
        ("买方应及时对到货的批次进行抽检。", "及时"),
        ("貨到後買方應儘快開箱點驗。", "尽快"),
    ],
)
def test_vague_window_on_any_inspection_act(text: str, word: str) -> None:
    (w,) = windows_of(text)
    assert w.vague == word and w.length is None, text


@pytest.mark.parametrize(
    "text",
    [
        "买方在质量保证期内发现质量问题的，应及时书面通知卖方。",  # a warranty claim
        "如联系方式有变化，应当及时告知对方。",  # no quality context
        "未及时通知的，对方按约定地址送达的，视为有效送达。",
    ],
)
def test_vague_word_that_bounds_no_inspection(text: str) -> None:
    assert [w for w in windows_of(text) if w.vague] == [], text


@pytest.mark.parametrize(
    "text",
    [
        "旧车按甲方交乙方评估时的现状回收，乙方对旧车已逐台查验，不得以旧车状况为由调整回收价款。",
        "乙方已于签约前到甲方现场查看并检验旧设备。",
        "卖方应在发货前对货物进行出厂检验，并随货提供检验报告。",
        "卖方负责对原材料进行进厂检验。",
    ],
)
def test_acts_that_are_no_buyers_acceptance(text: str) -> None:
    assert facts_of(text)[0].acts == (), text


@pytest.mark.parametrize(
    "text",
    [
        "买方应自卖方交货之日起十五日内对货物进行检验。",
        "甲方有权对乙方提供的货物进行检验。",
        "甲方收到乙方货物后进行验收。",
        "双方共同对货物进行检验。",
        "由乙方会同甲方进行验收。",
    ],
)
def test_acts_of_the_buyer_or_both(text: str) -> None:
    assert facts_of(text)[0].acts, text


def test_trial_run_and_weighing_are_inspection_acts() -> None:
    (w,) = timed("甲方在新车交付之日起3个工作日内进行空载及满载试车。")
    assert w.act == "试车" and w.start is not None
    (w,) = timed("到货后2日内需方过磅。")
    assert w.act == "过磅" and w.start is not None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("买方应在合理期间内检验货物。", "合理期间"),
        ("买方应于收货后合理的时间内验收。", "合理的时间"),
        ("甲方应尽早组织验收。", "尽早"),
    ],
)
def test_written_variants_of_a_vague_word(text: str, word: str) -> None:
    found = vague_word(text)
    assert found is not None and found[0] == word


def test_variants_follow_a_configured_word() -> None:
    assert vague_word("需方应在适当期间内验收。", ("适当期限",)) == ("适当期间", 4)
    assert vague_word("交货批次及时间见附件。") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.3 “验收期”（“Acceptance Period”）指自交付日起十（10）个工作日。", "10"),
        ("“检验期间”：指货物运抵之日起7日。", "7"),
        ("2.4 “验货期”（下称“验货期”）是指到货后的3个工作日。", "3"),
    ],
)
def test_defined_windows_in_translated_and_colon_styles(text: str, value: str) -> None:
    (w,) = timed(text)
    assert w.named and w.start is not None and str(w.length.value) == value, text


@pytest.mark.parametrize(
    "text",
    [
        "买方未在检验期内提出书面异议的，即构成买方对货物的接受。",
        "如买方在检验期届满前未通知卖方任何不符，应认为货物已被接受。",
        "如果买方没在三天里说货有问题，那这批货就算买方认了。",
        "逾期不验收的，推定为验收合格。",
    ],
)
def test_deemed_acceptance_in_translated_and_colloquial_wording(text: str) -> None:
    assert facts_of(text)[0].deemed, text


# -- round 3: acceptance named as a point in time, response times, colloquial vague words --------------

#: A warranty that runs from acceptance names acceptance as a start, it provides for no acceptance.
WARRANTY_FROM_ACCEPTANCE = [
    ("质保两年，从验收完那天起算。", Decimal(24)),
    ("保修期一年，自验收当天开始计算。", Decimal(12)),
    ("设备保修十八个月，从验收好的那天算起。", Decimal(18)),
    ("免费保修一年，验收当日起算。", Decimal(12)),
]


@pytest.mark.parametrize(("text", "months"), WARRANTY_FROM_ACCEPTANCE)
def test_acceptance_as_the_start_of_a_warranty_is_no_window(text: str, months: Decimal) -> None:
    facts, _ = facts_of("第六条 保修\n" + text)
    assert not facts.windows
    assert not facts.acts
    assert [p.months for p in facts.periods] == [months]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("保修两年，保修期里坏了乙方一天内派人来修。", Decimal(24)),
        ("质保一年，质保期里设备出故障的，卖方48小时内到场维修。", Decimal(12)),
        ("保修期为十二个月，保修期间坏了乙方三天内上门修好。", Decimal(12)),
    ],
)
def test_a_response_time_inside_the_warranty_is_not_its_length(text: str, months: Decimal) -> None:
    facts, _ = facts_of(text)
    assert [p.months for p in facts.periods] == [months]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("货到了买方抓紧时间验货。", "抓紧时间"),
        ("设备装好后甲方赶紧验机，有问题告诉乙方。", "赶紧"),
        ("收到货后甲方早点组织验收。", "早点"),
        ("机器运到后买方赶快开箱检验。", "赶快"),
    ],
)
def test_colloquial_vague_windows(text: str, word: str) -> None:
    ws = windows_of(text)
    assert len(ws) == 1 and ws[0].length is None
    assert ws[0].vague == word


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("机器装好后，甲方7天里开机验机。", "7"),
        ("车辆交付后买方3日内验车验机。", "3"),
        ("设备到厂五天里甲方验收。", "5"),
    ],
)
def test_a_window_ending_in_li_or_naming_the_machine(text: str, value: str) -> None:
    ws = timed(text)
    assert ws and ws[0].length is not None and ws[0].length.value == Decimal(value)


# -- round 3: deemed acceptance worded as a deemed certificate; the buyer's own act dates nothing ---------


@pytest.mark.parametrize(
    "text",
    [
        "买方在验收期内既不签发验收证书也不提出书面异议的，视为买方已在验收期届满之日签署验收单。",
        "甲方逾期未出具验收报告的，视为甲方已出具验收合格报告。",
        "需方到期没签字的，视同需方已签署终验证书。",
        "验收期满之日即为验收合格日。",
        "到货后第15个工作日为验收合格之日。",
    ],
)
def test_deemed_acceptance_in_other_words(text: str) -> None:
    assert facts_of("第五条 验收\n" + text)[0].deemed


@pytest.mark.parametrize(
    "text",
    [
        "买方签署终验证书之日即为验收日。",
        "甲方出具验收报告之日为验收合格之日。",
        "双方在验收单上签字之日为验收之日。",
    ],
)
def test_the_day_of_the_buyers_own_act_is_no_deemed_acceptance(text: str) -> None:
    assert not facts_of("第五条 验收\n" + text)[0].deemed


# -- round 3: an article cross-referenced by its title ---------------------------------------------------

ORDER = (
    "采购订单\n依据双方签订的《年度采购协议》，买方向卖方订购下列产品。\n交货时间：卖方收到本订单后15日内。\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "其他条款：按协议第 4 条（交付与验收）、第 5 条（结算与付款）执行。",
        "交付与结算按合同第六条（质量保证与验收）和第七条办理。",
        "本订单的交付适用协议第3条(交货与检验)。",
    ],
)
def test_an_article_title_in_a_cross_reference_is_no_act(line: str) -> None:
    facts, _ = facts_of(ORDER + line)
    assert not facts.acts
    assert facts.by_reference


def test_the_documents_own_article_is_not_another_agreement() -> None:
    facts, _ = facts_of(
        "买卖合同\n第四条 交付与验收\n买方应在到货后3日内验收。\n其他事项按本合同第4条（交付与验收）执行。"
    )
    assert not facts.by_reference
    assert facts.acts


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("卖方对货物提供自验收之日起18个月的质保。", Decimal(18)),
        ("乙方提供两年的免费保修。", Decimal(24)),
        ("自设备验收之日起一年内，设备出现非人为故障的，卖方免费维修。", Decimal(12)),
        ("卖方保证货物自验收之日起一年内无质量问题，否则免费更换。", Decimal(12)),
    ],
)
def test_warranties_in_plain_words(text: str, months: Decimal) -> None:
    facts, _ = facts_of(text)
    assert [p.months for p in facts.periods] == [months]
    assert all(w.length is not None or w.start is None for w in facts.windows)


def test_a_retention_is_no_warranty() -> None:
    assert not facts_of("买方保留合同价款的5%作为12个月的质保金。")[0].periods


@pytest.mark.parametrize(
    "text",
    [
        "在质保期内，买方发现质量问题应在7日内书面通知卖方。",
        "保修期内设备出现故障的，买方应在48小时内通知卖方。",
        "买方发现货物质量不符的，应在3日内书面告知卖方。",
    ],
)
def test_a_discovery_or_a_failure_in_the_warranty_starts_the_notice(text: str) -> None:
    assert all(w.start is not None for w in timed(text))
    assert timed(text) or "故障" in text  # 故障 alone is no quality context: no acceptance window at all


def test_a_failure_outside_the_warranty_starts_nothing() -> None:
    (w,) = timed("出现质量问题按质量协议处理，需方在30天内通知供方。")
    assert w.start is None


@pytest.mark.parametrize(
    "text",
    [
        "买方在检验期届满时仍未签署验收证书且未说明理由的，该期满之日视为验收日。",
        "若买方未在规定时间内进行验收，则验收应被视为已经完成。",
        "逾期未提异议，买方即丧失以货物不符为由拒收的权利。",
        "如果买方在收货后5日内没有书面提出质量问题，就等于认可了货物质量。",
        "甲方过了5天没说话的，就当甲方认可了。",
        "买方未在检验期内书面通知卖方质量异议的，视为卖方已履行交付义务。",
    ],
)
def test_deemed_acceptance_in_translated_and_colloquial_words(text: str) -> None:
    assert facts_of("第五条 检验\n" + text)[0].deemed


@pytest.mark.parametrize(
    "text",
    [
        "乙方逾期交货的，视为乙方违约。",
        "通知送达对方地址即视为送达。",
        "甲方未按期付款的，视为甲方已履行通知义务。",
    ],
)
def test_other_deemed_things_are_no_acceptance(text: str) -> None:
    assert not facts_of(text)[0].deemed


@pytest.mark.parametrize(
    "text",
    [
        "保修一年，从验货没问题那天开始算。",
        "质保期两年，自验收完毕签字当日起计算。",
        "免费保修十二个月，从设备验收通过的那天算起。",
    ],
)
def test_acceptance_as_the_day_a_warranty_runs_from(text: str) -> None:
    facts, _ = facts_of("第六条 保修\n" + text)
    assert not facts.acts and not facts.windows


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("第四条 验收：需方应自到货之日起五日内完成质量验", "收，期满未提出书面异议的，视为验收合格。"),
        ("买方应在货物运抵后三个工作日内开箱检", "验，逾期视为验收合格。"),
        ("甲方应于安装完成后七日内组织验", "收，并签署验收单。"),
    ],
)
def test_an_act_word_cut_by_a_line_wrap(first: str, second: str) -> None:
    from contractkit.contract.model import contract_of

    doc = page_lines("设备买卖合同", first, second)
    ws = [w for w in contract_of(doc).acceptance.windows if w.length is not None]
    assert ws and ws[0].where.block == 1 and ws[0].start is not None
    assert all(w.where.span[1] <= len(doc.blocks[1].norm) for w in ws)


@pytest.mark.parametrize(
    "entry",
    [
        "1.1.4 “验收”指买方在安装完成后按附件B进行的检验和测试；",
        "1.7 “最终验收”是指设备连续运行72小时无故障后买方进行的验收。",
        "本合同所称检验，是指买方对货物数量、外观及性能进行的查验。",
    ],
)
def test_a_definition_of_acceptance_is_no_act(entry: str) -> None:
    facts, _ = facts_of("设备买卖合同\n1 定义\n" + entry)
    assert not facts.acts and not facts.windows


@pytest.mark.parametrize(
    ("entry", "value"),
    [
        ("1.1.6 “检验期”指货物到达现场后的十四（14）日；", "14"),
        ("“验收期”指安装完成后的10个工作日。", "10"),
        ("2.3 “验收期限”是指设备调试完成之日起七日。", "7"),
    ],
)
def test_a_defined_window_keeps_its_length(entry: str, value: str) -> None:
    facts, _ = facts_of("设备买卖合同\n1 定义\n" + entry)
    assert [w.length.value for w in facts.windows if w.length is not None] == [Decimal(value)]


def test_an_operative_clause_after_a_definition_still_counts() -> None:
    facts, _ = facts_of(
        "设备买卖合同\n1.1 “验收期”指到货后十日；买方应在验收期内完成验收，逾期未提出异议的，视为验收合格。"
    )
    assert facts.acts and facts.deemed


@pytest.mark.parametrize(
    "entry",
    [
        "“验收期”：指调试完成后买方组织验收所需的合理期间；",
        "1.4 “检验期”是指货物到达后买方进行检验的合理期限。",
        "“验收期限”指安装完成后由双方另行协商确定的期间。",
    ],
)
def test_a_defined_window_may_be_vague(entry: str) -> None:
    facts, _ = facts_of("设备买卖合同\n1 定义\n" + entry)
    assert [w.vague for w in facts.windows if w.length is None and w.vague]


@pytest.mark.parametrize(
    "text",
    [
        "乙方应在发货前进行出厂检验，并随货提供检验报告。",
        "每批产品须经出厂检验合格并附合格证。",
        "卖方负责设备的出厂检验和型式试验。",
    ],
)
def test_the_makers_factory_inspection_is_no_acceptance(text: str) -> None:
    assert not facts_of("买卖合同\n" + text)[0].acts


@pytest.mark.parametrize(
    "text",
    [
        "东西送到后，买方两天里看货，没问题就签字。",
        "设备运到以后，甲方三天内验机。",
        "货拉到仓库后，需方五日内验货。",
    ],
)
def test_a_colloquial_handover_starts_the_window(text: str) -> None:
    ws = timed(text)
    assert ws and all(w.start is not None for w in ws)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("第三条 验收：外观质量问题在到货后 3 日内书面", "提出，逾期未提出的视为验收合格。"),
        ("内在质量问题自到货之日起", "12 个月内可以提出。"),
        ("对质量有异议的，买方应在收货后五日内以书面形式", "通知卖方。"),
    ],
)
def test_an_objection_cut_by_a_line_wrap(first: str, second: str) -> None:
    from contractkit.contract.model import contract_of

    doc = page_lines("建材买卖合同", first, second)
    ws = [w for w in contract_of(doc).acceptance.windows if w.length is not None]
    assert ws and ws[0].where.block == 1 and ws[0].kind == "objection"


# -- fast patterns: a lookahead of first characters changes no match --------------------


@pytest.mark.parametrize(
    ("fast", "bare"),
    [
        ("ACT", "ACT_PATTERN"),
        ("_ACTISH", "ACTISH_PATTERN"),
        ("_DEEMED", "DEEMED_PATTERN"),
        ("_DEEMED_CONTEXT", "DEEMED_CONTEXT_PATTERN"),
        ("_PERIOD_WORD", "PERIOD_WORD_PATTERN"),
    ],
)
def test_fast_pattern_matches_what_the_bare_pattern_matches(fast: str, bare: str) -> None:
    """A pattern led (for speed) by a lookahead of its first characters finds just the bare one's matches."""
    from conftest import assert_led

    from contractkit.contract import acceptance

    assert_led(getattr(acceptance, fast), getattr(acceptance, bare))


# ----------------------------------------------------------------------------------------------------
# Acceptance facts and rules, accuracy round 6: acceptance that passes when the period lapses (no 视为),
# a passed test or a length counted from acceptance is no act, and where a missing deemed rule is reported.


GOODS = "第三条 交货\n乙方于合同签订后30日内交货。\n第五条 验收\n"


# -- acceptance that passes when the period lapses, without 视为 ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "买方逾期未组织验收，也未在该期限内书面提出质量异议的，终验收于期限届满之日通过，买方应于次日签署终验收证书。",
        "甲方未在上述期限内提出书面异议的，验收于该期限届满时完成。",
        "需方逾期不验收的，初验在期满之日即告完成。",
        "买方在检验期内未提出异议的，验收于检验期最后一日通过。",
    ],
)
def test_acceptance_passing_when_the_period_lapses_is_deemed(text: str) -> None:
    assert deemed_in(text) is not None
    assert not fires("acceptance/no-deemed-acceptance", GOODS + "买方应在到货后10日内验收。\n" + text)


@pytest.mark.parametrize(
    "text",
    [
        "买方未在期限内验收的，验收期满后不予通过，卖方应重新提交。",
        "甲方未在期限内验收的，验收期满后乙方有权要求甲方赔偿仓储费用。",
    ],
)
def test_a_refusal_or_a_notice_after_the_lapse_is_not_deemed(text: str) -> None:
    assert deemed_in(text) is None


# -- a passed test, a length counted from acceptance: no act of acceptance ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "5%质保金于验收满12个月后15日内付清。",
        "质保金在验收满一年后无息退还。",
        "设备未通过验收测试的，卖方应在15个工作日内自费整改并重新测试。",
        "设备通过验收测试的，买方应在3个工作日内签发验收证书。",
    ],
)
def test_no_act_of_acceptance(text: str) -> None:
    f = facts_of(text)[0]
    assert f.acts == () and f.windows == ()


@pytest.mark.parametrize(
    "text",
    [
        "买方应在到货后5日内组织验收。",
        "甲方应于货物送达之日起五个工作日内检验。",
        "乙方交付的设备须通过甲方组织的验收。",
    ],
)
def test_an_act_is_still_an_act(text: str) -> None:
    assert facts_of(text)[0].acts


def test_a_result_satisfying_the_buyer_is_still_an_act() -> None:
    assert facts_of("买方应在到货后3日内验收满意后签收。")[0].acts


# -- where a missing deemed rule is reported: the clause that times the acceptance -----------------------


def test_no_deemed_acceptance_points_at_the_timed_clause_not_a_remedy() -> None:
    text = (
        GOODS
        + "卖方书面通知安装调试完成后，买方应在双方方便时进行验收测试，验收测试包括整线连续运行72小时。\n"
        + "设备通过验收测试的，买方应在3个工作日内签发验收证书。\n"
        + "设备未通过验收测试的，卖方应在15个工作日内自费整改并重新测试。"
    )
    (f,) = run_rule("acceptance/no-deemed-acceptance", text)
    assert "双方方便时" in f.snippet


def test_no_deemed_acceptance_is_not_reported_at_a_retention_payment() -> None:
    text = (
        GOODS
        + "设备到货后，买方应及时按附件技术协议组织验收。\n第六条 付款\n"
        + "5%质保金于验收满12个月后15日内付清。"
    )
    (f,) = run_rule("acceptance/no-deemed-acceptance", text)
    assert "及时" in f.snippet


def test_no_deemed_acceptance_on_scanned_lines() -> None:
    doc = page_lines(
        "第三条 交货：乙方于合同签订后30日内交货。",
        "第五条 验收：需方应及时组织验收。",
        "第六条 付款：5% 质保金于验收 满 12 个月后 15 日内付清。",
    )
    from contractkit.facts import assign_sections

    doc.blocks = assign_sections(doc.blocks)
    (f,) = run_rule("acceptance/no-deemed-acceptance", doc)
    assert f.location.index == 1


@given(
    st.sampled_from(["终验收", "验收", "初验"]),
    st.sampled_from(["期限届满之日", "期满时", "检验期最后一日"]),
    st.sampled_from(["通过", "完成"]),
)
def test_any_lapse_wording_is_deemed(act: str, when: str, verb: str) -> None:
    text = f"买方逾期未提出书面异议的，{act}于{when}{verb}。"
    assert deemed_in(text) is not None


# -- timing with no number, left to one side's progress or a later agreement; an ordinal day -------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("甲方应在适当时间内组织验收。", "适当时间"),
        ("甲方应在收货后一段时间内完成验收。", "一段时间"),
        ("买方应在收到货物后若干日内检验。", "若干日"),
        ("甲方视工程进度安排验收。", "进度"),
        ("买方根据生产情况确定检验时间。", "情况"),
        ("验收的具体时间由双方另行商定。", "另行商定"),
        ("乙方派员指导安装完毕后，由甲方另行安排时间组织最终验收。", "安排时间"),
        ("设备到货后由买方自行确定日期进行检验。", "确定日期"),
    ],
)
def test_timing_with_no_number_is_vague(text: str, word: str) -> None:
    (f,) = run_rule("acceptance/vague-window", GOODS + text)
    assert word in f.snippet or word in f.message


@pytest.mark.parametrize(
    "text",
    [
        "乙方根据甲方需要安排送货，甲方当场验收。",  # the buyer's need times the delivery, not the inspection
        "甲方按照施工进度安排乙方分批交货，到货后3日内验收。",
        "验收标准由双方另行商定，买方应在到货后5日内验收。",
    ],
)
def test_progress_or_need_that_times_something_else_is_not_vague(text: str) -> None:
    assert not fires("acceptance/vague-window", GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "买方应在不迟于交货后第5个工作日完成验收。",
        "甲方应于到货之日起第三日前完成开箱检验。",
        "需方应在收货后的第10天完成验收。",
    ],
)
def test_an_ordinal_day_after_the_start_bounds_the_act(text: str) -> None:
    (w,) = facts_of(text)[0].windows
    assert w.dated
    assert not fires("acceptance/window-no-length", GOODS + text)


# -- a hidden-defect objection: the outer limit, not the notice after discovery -------------------------


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("对隐蔽缺陷，买方应于发现后十五日内书面通知卖方，但最迟不得超过到货后十八个月。", 18),
        ("货物存在隐蔽瑕疵的，买方应在发现之日起10日内通知卖方，但最长不超过收货之日起两年。", 24),
    ],
)
def test_the_outer_limit_is_the_hidden_defect_period(text: str, months: int) -> None:
    (p,) = facts_of(text)[0].periods
    assert p.months == months
    assert not fires("acceptance/objection-period-range", GOODS + text)


def test_a_notice_after_discovery_is_no_objection_period() -> None:
    text = "买方发现隐蔽缺陷的，应在发现后7日内书面通知卖方。"
    assert facts_of(text)[0].periods == ()
    assert not fires("acceptance/objection-period-range", GOODS + text)


def test_a_short_hidden_defect_period_from_receipt_is_still_short() -> None:
    text = "对于难以发现的内在质量问题，甲方可自到货之日起三个月内书面提出异议。"
    assert fires("acceptance/objection-period-range", GOODS + text)


@pytest.mark.parametrize("text", ["售后服务：一年内免费上门维修。", "整机一年内免费上门修理。"])
def test_free_repair_on_site_for_a_length_is_a_warranty(text: str) -> None:
    (p,) = facts_of(text)[0].periods
    assert p.kind == "warranty" and p.months == 12


def test_convening_the_acceptance_team_is_the_act_timed() -> None:
    text = (
        GOODS + "甲方应在收到通知之日起 7 个工作日内组织验收小组，按招标文件技术要求、投标响应逐台检测。"
        "甲方逾期未组织验收的，自期满之日起按验收合格处理。"
    )
    (w,) = [w for w in facts_of(text)[0].windows if w.length is not None]
    assert w.start is not None
    assert not fires("acceptance/no-window", text)


@pytest.mark.parametrize(
    "text", ["卸完车3天内孙家点数、看有没有破的坏的。", "卸货后24小时内买方完成数量清点。"]
)
def test_unloading_starts_the_window(text: str) -> None:
    (w,) = [w for w in facts_of(text)[0].windows if w.length is not None]
    assert w.start is not None
    assert not fires("acceptance/window-no-start", GOODS + text)
