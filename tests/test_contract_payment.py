"""Payment facts (contract/payment.py, facts.triggers.read_timing): installments in many drafting styles."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.contract.model import extract
from contractkit.contract.payment import PaymentFacts, read_installments
from contractkit.facts.triggers import find_vague, read_timing
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import normalize
from contractkit.readers.text import document_from_text


def facts_of(text: str) -> PaymentFacts:
    return extract(document_from_text(text)).payment


def pdf_of(lines: list[str]) -> Document:
    """A document read from a PDF: one block per line, as the PDF reader gives them."""
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="x.pdf", kind="pdf", blocks=blocks)


# --- timing: trigger and deadline in any wording ---

TIMED = [
    # (text, trigger kind or None, deadline unit or None)
    ("合同签订后5个工作日内，甲方支付合同总价的30%", "contract_signed", "working_day"),
    ("本合同生效之日起十五日内，买方支付合同总价的20%", "contract_effective", "day"),
    ("乙方书面通知甲方备货完成之日起三个工作日内，甲方支付70%", "other", "working_day"),
    ("出现下列情形之一之日起十五日内，甲方支付合同总价的25%", "other", "day"),
    ("该批材料到场之日起满九十日后的十五日内，甲方支付剩余30%", "other", "day"),
    ("货到30天后结清款项", "other", "day"),
    ("在收到甲方货物的60日内将全部货款汇入甲方账户", "other", "day"),
    ("设备运至工地现场5日内支付40%到货款", "other", "day"),
    ("买方需试用完毕三天内支付30%", "other", "day"),
    ("签完合同3天内，甲方先付30%预付款", "contract_signed", "day"),
    ("货全部送到、装好、验完货以后7天内，甲方再付60%", "other", "day"),
    ("质保期一年满后5日内支付10%质保金", "other", "day"),
    ("设备验收合格后两个月内付总价款的50%", "acceptance", "month"),
    ("甲方在10个工作日内支付合同总价的10%，起算日为质保期届满之日", "warranty_end", "working_day"),
    ("甲方于2026年6月30日前支付人民币5万元", "fixed_date", "date"),
    ("由2019年春节之前结清货款", "fixed_date", "date"),
    ("2014年底前付总价款的40%", "fixed_date", "date"),
    ("设备尾款从2019年4月开始分期8个月付清", "fixed_date", "date"),
    ("每月25日至30日结清上月货款", "periodic", "date"),
    ("每月底支付34125元", "periodic", "date"),
    ("付款方式月结30天", "periodic", "date"),
    ("货到付款", "other", "immediate"),
    ("提机时付款93000元", "other", "immediate"),
    ("进场首付30%", "other", "immediate"),
    ("乙方在合同签订当日全额支付首批货款16.8万元", "contract_signed", "immediate"),
    ("在产品出厂前应向卖方支付合同总额的40%", "other", "before_event"),
    ("验收合格后  日内支付合同总价的60%", "acceptance", "blank"),
    ("终验收合格（含视为合格）后支付", "acceptance", None),
    ("协议生效后支付77500元", "contract_effective", None),
    ("花草确认下单后被告支付合同花草总金额10%的预付款", "other", None),
    ("安装调式完成后，被告向原告支付本合同总金额的70%", "other", None),
    ("余款31.5万元在18个月内付清", None, "month"),
    ("甲方支付合同总价的30%作为预付款", None, None),
]


@pytest.mark.parametrize(("text", "kind", "unit"), TIMED)
def test_timing(text: str, kind: str | None, unit: str | None) -> None:
    t = read_timing(normalize(text))
    assert (t.trigger.kind if t.trigger else None) == kind
    assert (t.deadline.unit if t.deadline else None) == unit


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("余款在甲方资金到位后支付", "资金到位"),
        ("第三期：甲方项目资金到位后15个工作日内支付30%", "资金到位"),
        ("剩余货款在每次拨工程款时支付", "拨工程款"),
        ("尾款待业主付款后支付", "业主付款"),
        ("乙方收到最终用户付款后支付货款（背靠背）", "最终用户付款"),
        ("结算方式为“双方协商”", "双方协商"),
        ("剩余货款视情况支付", "视情况"),
        ("20%余额需在剩余面辅料、工艺版等退清后两周内付清", "等"),
        ("审计完成后支付结算款", "审计完成"),
        ("以实际使用数量为准，使用多少付多少款", "使用多少付多少"),
    ],
)
def test_vague_conditions(text: str, word: str) -> None:
    assert word in [v.word for v in find_vague(normalize(text))]


@pytest.mark.parametrize(
    "text",
    [
        "验收合格后5个工作日内支付合同总价的60%",
        "等额收据之日起7个工作日内支付30%",
        "经双方协商一致可以书面变更付款方式",
        "交货批次及时间见附件",
    ],
)
def test_not_vague(text: str) -> None:
    assert find_vague(normalize(text)) == []


# --- installments: shares, amounts, grouping ---------------------------------------------------------------


def test_share_and_its_amount_are_one_installment() -> None:
    (inst,) = read_installments(
        "1.预付款：本合同生效之日起五个工作日内，甲方支付合同总价的10%，即157,580.00元。"
    )
    assert inst.share == Decimal(10) and inst.amount is not None and inst.amount[0] == Decimal("157580.00")
    assert inst.timing.deadline is not None and inst.timing.deadline.unit == "working_day"


def test_several_installments_in_one_sentence() -> None:
    text = (
        "付款方式为合同签订后5日内支付30%预付款,设备运至工地现场5日内支付40%到货款,"
        "设备到达工地起六个月或者调试合格后5日内(以先到为准)支付20%调试款,质保期一年满后5日内支付10%质保金"
    )
    got = read_installments(normalize(text))
    assert [i.share for i in got] == [Decimal(30), Decimal(40), Decimal(20), Decimal(10)]
    assert all(i.timing.deadline is not None for i in got)
    assert got[-1].kind == "retention"


def test_conditions_join_the_installment_they_qualify() -> None:
    text = (
        "首付货款15万,待在被告机床调试验收合格后一周内,再付至总货款的90%提货,"
        "其余10%作为质保金,待在原告调试验收后一年内付清"
    )
    got = read_installments(normalize(text))
    assert got[0].amount is not None and got[0].amount[0] == Decimal(150000) and got[0].timing.trigger is None
    assert got[1].cumulative and got[1].share == Decimal(90) and got[1].timing.deadline is not None
    assert got[2].kind == "retention" and got[2].timing.deadline is not None


@pytest.mark.parametrize(
    "text",
    [
        "乙方在每期付款前向甲方开具相应金额的13%增值税专用发票",
        "约定乙方自甲方处购买汽车一辆,车价为860000元",
        "乙方全额支付首批货款后享受产品市值3.5折的后续进货价待遇",
        "货物交付后、全部货款付清前，货物的所有权仍属于卖方",
        "乙方应在签约当日交付甲方2万元,作为履约保证金",
        "陈某向原告交纳合同履约保证金5000.00元,约定该保证金在陈某还清全部欠款后凭保证金收据退回",
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金",
        "价格为730元/吨，甲方以银行转账方式付款",
    ],
)
def test_not_installments(text: str) -> None:
    assert read_installments(normalize(text)) == []


def test_penalty_after_the_installment_is_cut_off() -> None:
    text = (
        "尾款贰万元正于2014年3月31日前付清,逾期未付,供方有权拖锤,"
        "如果在2014年4月30日付,尾款必须付贰万壹仟元正。"
    )
    (inst,) = read_installments(normalize(text))
    assert inst.amount is not None and inst.amount[0] == Decimal(20000)


SHARE_TEMPLATES = [
    "合同签订后5日内支付{p}%",
    "到货验收合格之日起十五日内，甲方支付合同总价的{p}%",
    "买方收到发票后30日内付{p}%",
    "质保期满后10日内无息支付质保金{p}%",
]


@hsettings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(SHARE_TEMPLATES), st.integers(1, 99)), min_size=1, max_size=4, unique=True
    )
)
def test_shares_read_in_order(parts: list[tuple[str, int]]) -> None:
    text = "；".join(t.format(p=p) for t, p in parts) + "。"
    doc = document_from_text("第三条 付款方式\n" + text)
    facts = extract(doc).payment
    assert facts.shares() == [Decimal(p) for _t, p in parts]


@hsettings(max_examples=60, deadline=None)
@given(st.integers(1, 99), st.integers(1, 10**7))
def test_amount_with_thousands_separators_stays_one_piece(share: int, cents: int) -> None:
    amount = Decimal(cents) / 100
    text = f"合同签订后7日内，甲方支付合同总价的{share}%，即人民币{amount:,.2f}元。"
    (inst,) = read_installments(text)
    assert (
        inst.share == share and inst.amount is not None and inst.amount[0] == amount.quantize(Decimal("0.01"))
    )


# --- documents: total, tables, retention, PDF wrapping ---


def test_total_and_schedule() -> None:
    facts = facts_of(
        "二、合同价款及支付\n合同总价为人民币1,575,800.00元。\n"
        "1.预付款：本合同生效之日起五个工作日内，甲方支付合同总价的10%，即157580.00元。\n"
        "2.到货款：全部产品到货验收合格之日起十五日内，甲方支付合同总价的90%，即1418220.00元。"
    )
    assert facts.total is not None and facts.total.value == Decimal("1575800.00")
    assert facts.shares() == [Decimal(10), Decimal(90)]


def test_text_table_schedule() -> None:
    facts = facts_of(
        "付款\n| 期次 | 比例 | 付款条件 | 付款期限 |\n| --- | --- | --- | --- |\n"
        "| 第一期 | 30% | 合同生效 | 生效之日起10个工作日内 |\n"
        "| 第二期 | 70% | 终验合格 | 终验合格后支付 |"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]
    assert facts.installments[0].deadline is not None and facts.installments[1].deadline is None
    assert facts.installments[1].trigger is not None and facts.installments[1].trigger.kind == "acceptance"


@pytest.mark.parametrize(
    ("text", "released"),
    [
        ("质保金：合同总价的10%，即人民币108,800.00元，由甲方留存。", False),
        ("每批货款的5%作为质量保证金。质量保证金由甲方留存。", False),
        ("质保金5%于验收合格满一年后无息返还。", True),
        ("质量保证金为合同价款的10%，于质保期届满后15日内退还乙方。", True),
        ("4.质保金：合同总价的5%，在质量保证期届满之日起十五日内无息支付。", True),
        ("甲方预留5%作为质保金。\n质保期届满后15日内返还乙方。", True),
        ("③质保金 5% 质保期满之日起 30 日内", True),
    ],
)
def test_retention_release(text: str, released: bool) -> None:
    (r,) = facts_of(text).retentions
    assert (r.release is not None) is released


def test_returned_retention_counts_in_the_shares() -> None:
    facts = facts_of(
        "付款方式\n合同签订后5日内支付30%。\n验收合格后10日内支付60%。\n"
        "剩余10%作为质保金，质保期满后10日内无息退还。"
    )
    assert sum(facts.shares()) == 100


def test_pdf_row_wrapped_onto_lines_is_one_installment() -> None:
    doc = pdf_of(
        [
            "第二条 付款",
            "期次 款项 付款条件 比例 金额(元) 付款期限",
            "2 到货款 设备全部到货并经开箱检验合格,买方收到全额 13%",
            "增值税专用发票40% 693,600.00 开箱检验合格之日起 30",
            "日内",
            "3 验收款 终验收合格,双方签署《终",
            "验收证书》60% 1,040,400.00 终验收证书签署之日起",
            "30 日内",
        ]
    )
    from contractkit.facts import assign_sections

    doc = Document(path=doc.path, kind="pdf", blocks=assign_sections(doc.blocks))
    from contractkit.contract.model import Contract

    facts = Contract(doc).payment
    assert [i.share for i in facts.installments] == [Decimal(40), Decimal(60)]
    assert all(i.deadline is not None and i.deadline.value == 30 for i in facts.installments)


def test_to_data_serializes() -> None:
    from contractkit.contract.model import to_data

    doc = document_from_text("付款\n合同签订后5日内支付30%，即人民币3万元。")
    data = to_data(extract(doc).payment, extract(doc).doc)
    inst = data["installments"][0]
    assert inst["share"] == "30" and inst["trigger"]["kind"] == "contract_signed"
    assert inst["deadline"]["where"]["text"] == "5日"


# --- styles: colloquial, definitions, tables of dates, securities ----------------------------------------


def test_colloquial_shares_and_completions() -> None:
    facts = facts_of("三、钱怎么给\n签完合同先给三成定金，货到了验完没问题，一周内把剩下的七成结清。")
    assert facts.shares() == [Decimal(30), Decimal(70)]
    first, second = facts.installments
    assert first.deadline is not None and first.deadline.unit == "immediate"
    assert second.trigger is not None and second.deadline is not None and second.deadline.unit == "week"


@pytest.mark.parametrize("text", ["验收合格后,十五日内支付60%", "验收合格后，一周内支付60%"])
def test_deadline_after_a_comma(text: str) -> None:
    t = read_timing(normalize(text))
    assert t.trigger is not None and t.deadline is not None


def test_half_is_fifty_percent() -> None:
    (inst,) = read_installments("签订合同时先付一半货款")
    assert inst.share == Decimal(50)


def test_defined_stage_shares_are_paid_where_named() -> None:
    facts = facts_of(
        "1 定义\n1.1 “验收款”：指合同价格的20%。\n1.2 “预付款”：指合同价格的80%。\n"
        "3 付款\n3.1 预付款在合同生效后10个工作日内支付。\n3.2 验收款在终验合格后10个工作日内支付。"
    )
    assert sorted(facts.shares()) == [Decimal(20), Decimal(80)]
    assert all(i.trigger is not None and i.deadline is not None for i in facts.installments)


def test_schedule_table_of_dates_and_bare_amounts() -> None:
    facts = facts_of(
        "第二条 分期付款\n2.2 余款：合同总价的70%，分3期支付，付款时间如下：\n"
        "| 期次 | 付款期限 | 金额（元） |\n|---|---|---|\n"
        "| 第1期 | 2027年1月25日前 | 115,500.00 |\n| 第2期 | 2027年2月25日前 | 115,500.00 |\n"
        "| 第3期 | 视乙方工程款回收情况支付 | 115,500.00 |"
    )
    rows = [i for i in facts.installments if i.amount is not None and i.amount.value == Decimal("115500.00")]
    assert len(rows) == 3
    assert rows[0].deadline is not None and rows[0].deadline.unit == "date"
    assert [v.word for v in rows[2].vague] == ["视乙方工程款回收情况"]


@pytest.mark.parametrize(
    "text",
    [
        "本合同不扣留质保金。卖方应向买方提交金额为合同总价5%（66,900.00元）的银行质量保函。",
        "本合同无质保金。",
    ],
)
def test_no_retention(text: str) -> None:
    facts = facts_of(text)
    assert facts.retentions == () and facts.installments == ()


def test_a_guarantee_named_as_a_condition_keeps_the_installment() -> None:
    text = "合同生效且买方收到卖方提交的等额银行履约保函，支付合同总价的10%，收到保函之日起15日内"
    (inst,) = read_installments(text)
    assert inst.share == Decimal(10) and inst.timing.deadline is not None


@pytest.mark.parametrize(
    ("text", "unit"),
    [("验收后付款", None), ("票到30天付款", "day"), ("甲方收到发票后30日内付清货款", "day")],
)
def test_paying_the_price_after_an_event(text: str, unit: str | None) -> None:
    (inst,) = read_installments(text)
    assert inst.remainder and inst.timing.trigger is not None
    assert (inst.timing.deadline.unit if inst.timing.deadline else None) == unit


@pytest.mark.parametrize(
    "text", ["卖方应就每期付款向买方开具税率为13%的增值税专用发票", "乙方应在收到甲方付款后开具发票"]
)
def test_invoice_duties_are_not_payments(text: str) -> None:
    assert read_installments(text) == []


@pytest.mark.parametrize("text", ["货到验收合格后付款，付款期限为30天", "收到发票后付款，账期：60日"])
def test_named_payment_period(text: str) -> None:
    (inst,) = read_installments(normalize(text))
    assert inst.timing.trigger is not None and inst.timing.deadline is not None


def test_rolling_settlement_without_unit_is_vague() -> None:
    assert [v.word for v in find_vague("按'押三付一'的方式进行结算")] == ["押三付一"]
    assert find_vague("按押三个月付一个月的方式，于每月5日前结算") == []


def test_payment_table_read_as_one_pdf_line() -> None:
    text = (
        "四、付款款项 比例 金额(元) 付款条件及期限预付款 30% 2,490,000.00 合同生效后 10 日内到货款 40% "
        "3,320,000.00 全部设备到达需方车间并经开箱检验合格后 15 日内验收款 20% 1,660,000.00 "
        "设备安装调试完毕、终验收合格后 30 日内质保金 5% 415,000.00 质量保证期届满后 15 日内"
    )
    facts = facts_of(text)
    assert facts.shares() == [Decimal(30), Decimal(40), Decimal(20), Decimal(5)]
    assert all(i.deadline is not None for i in facts.installments)
    (r,) = facts.retentions
    assert r.share == Decimal(5)


@pytest.mark.parametrize(
    "text",
    [
        "经销商按期付清全部年度货款，且完成年度采购量100%的，供货方按实际已付货款的3%计提年度返利。",
        "需方以电汇方式付至供方账户：中国工商银行青岛李沧支行。",
    ],
)
def test_rebates_and_accounts_are_not_installments(text: str) -> None:
    assert all(i.share is None for i in read_installments(normalize(text)))
    assert not any(i.cumulative for i in read_installments(normalize(text)))


# --- asides, rights to withhold, the rest of the price (accuracy round 2) ----------------------------------


@pytest.mark.parametrize(
    ("text", "share", "cumulative"),
    [
        # a parenthesis or a deduction of the prepayment is an aside, not a penalty or refund clause
        (
            "每批到货验收合格后十日内，甲方结清该批货款（扣除相应比例的预付款），累计至合同总价的90%。",
            90,
            True,
        ),
        ("设备验收合格之日起15日内，买方支付合同价款的60%，并扣除已付预付款。", 60, False),
        ("货到后七个工作日内，需方付至合同总额的80%（已付首付款冲抵当期应付款）。", 80, True),
        ("終驗合格後30日內，甲方支付合同總價的25%（扣減已支付的預付款部分）。", 25, False),
    ],
)
def test_an_aside_does_not_end_the_installment(text: str, share: int, cumulative: bool) -> None:
    (inst,) = read_installments(normalize(text))  # as a document reads it (Traditional folded)
    assert inst.share == Decimal(share) and inst.cumulative is cumulative
    assert inst.timing.trigger is not None and inst.timing.deadline is not None


@pytest.mark.parametrize(
    "text",
    [
        "乙方未付清全部价款的，甲方有权拒绝交付。",
        "买方未按期付清货款的，卖方有权暂停发货。",
        "在需方付清全部货款之前，供方有权拒绝交付设备。",
        "如采购人没有足额支付预付款的，供应商可顺延交货期。",
        "买方付清全部货款前，卖方不予发货。",
        "甲方尚未结清前期货款时，乙方可以暂停供货。",
    ],
)
def test_a_right_to_withhold_is_no_installment(text: str) -> None:
    assert read_installments(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "合同签订后3日内支付30%，否则乙方有权拒绝交付。",
        "甲方收到货物后10日内支付全款，乙方可以暂停后续供货直至付清。",
        "提货前付清全部货款。",
        "验收合格后10日内，甲方支付剩余未付款项。",
    ],
)
def test_an_installment_with_a_remedy_after_it_is_still_read(text: str) -> None:
    assert len(read_installments(text)) == 1


def test_the_share_of_a_table_row_is_located_in_its_own_cell(tmp_path) -> None:
    import docx

    from contractkit.readers.dispatch import read_document

    d = docx.Document()
    d.add_paragraph("第四条 付款")
    t = d.add_table(rows=1, cols=3)
    for cell, text in zip(t.rows[0].cells, ("里程碑", "付款条件及期限", "比例"), strict=True):
        cell.text = text
    for row in (("M1", "合同生效后10个工作日内", "40%"), ("M2", "终验合格之日起15个工作日内", "60%")):
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    path = tmp_path / "milestones.docx"
    d.save(str(path))
    doc = read_document(path)
    facts = extract(doc).payment
    assert [i.share for i in facts.installments] == [Decimal(40), Decimal(60)]
    assert [i.share_where.text(doc) for i in facts.installments if i.share_where] == ["40%", "60%"]
    assert facts.installments[0].where.text(doc) == "合同生效后10个工作日内"


@pytest.mark.parametrize(
    "text",
    [
        "“合同价格”（“Contract Price”）指本协议第3.1条所述的、买方为产品应向卖方支付的全部价款；",
        "1.3 “余款”：指买方在验收后支付的全部剩余价款。",
        "“价款”是指买方依本合同应支付给卖方的全部款项。",
    ],
)
def test_a_definition_is_no_installment(text: str) -> None:
    assert read_installments(text) == []


def test_a_definition_that_states_a_share_and_a_time_still_pays() -> None:
    (inst,) = read_installments("“预付款”指合同价格的30%，买方应于合同生效后10日内支付。")
    assert inst.share == Decimal(30)


@pytest.mark.parametrize(
    "text",
    [
        "发货款70%（¥904,680.00）：每批发货前，买方在收到备货完成通知之日起3个工作日内支付该批货款的70%",
        "到货款40%：到货后10日内支付合同总价的40%",
        "验收款 25%：终验合格之日起15日内，甲方支付合同价款的25%",
    ],
)
def test_a_stage_labels_share_restated_in_its_body_is_one_installment(text: str) -> None:
    assert len(read_installments(text)) == 1


def test_two_stages_with_the_same_share_stay_two() -> None:
    got = read_installments("合同签订后5日内支付30%，验收后10日内支付30%，质保期满后支付40%")
    assert [r.share for r in got] == [Decimal(30), Decimal(30), Decimal(40)]


@pytest.mark.parametrize(
    ("label_cells", "share"),
    [
        (("6", "付款"), [30, 60]),
        (("付款方式",), [30, 60]),
        (("七", "支付安排"), [30, 60]),
    ],
)
def test_a_key_terms_row_labelled_payment_is_read(tmp_path, label_cells: tuple[str, ...], share) -> None:
    import docx

    from contractkit.readers.dispatch import read_document

    d = docx.Document()
    d.add_paragraph("合同要素表")
    t = d.add_table(rows=2, cols=len(label_cells) + 1)
    first = ("1",) * (len(label_cells) - 1) + ("合同价款",)
    for cell, text in zip(t.rows[0].cells, (*first, "人民币100,000.00元"), strict=True):
        cell.text = text
    value = t.rows[1].cells[-1]
    value.text = "（1）预付款：合同生效后十五日内，支付合同价款的30%；"
    value.add_paragraph("（2）到货款：到货验收合格后三十日内，支付合同价款的60%；")
    value.add_paragraph("（3）质量保证金：合同价款的10%，于质量保证期满之日起二十日内无息支付。")
    for cell, text in zip(t.rows[1].cells, label_cells, strict=False):
        cell.text = text
    path = tmp_path / "key-terms.docx"
    d.save(str(path))
    facts = extract(read_document(path)).payment
    assert [i.share for i in facts.installments if i.kind == "installment"] == [Decimal(x) for x in share]
    assert sum(facts.shares()) == 100


# --- round 3: definitions, retention restated, lists under a run-in label ---


@pytest.mark.parametrize(
    "text",
    [
        "2.1 “合同价格”指买方依本合同应向卖方支付的全部金额，即人民币860,000.00元。",
        "“合同金额”：是指附件一所列货物的总价，买方应支付共计人民币25万元。",
        "「合同總價」指買方應支付之全部價款，即新臺幣1,200,000元。",
        "1.1.4 “签约合同价”指双方在本协议中载明的、买方应付的价款总额人民币3,580,000元（含税）。",
    ],
)
def test_a_definition_of_the_price_stating_the_amount_is_no_installment(text: str) -> None:
    assert read_installments(normalize(text)) == []
    facts = facts_of("第一条 定义\n" + text + "\n第二条 付款\n合同生效后10日内，买方支付合同价格的100%。")
    assert [i.share for i in facts.installments] == [Decimal(100)]


def test_a_definition_the_structure_reads_without_quotes_is_no_installment() -> None:
    facts = facts_of(
        "1 定义\n1.1 合同价格：指买方为货物应支付的总金额，即人民币500,000.00元。\n"
        "1.2 工作日：指法定节假日以外的日子。\n"
        "2 付款\n2.1 合同生效后10日内，买方支付合同价格的30%。\n2.2 验收合格后10日内，买方支付合同价格的70%。"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


def schedule_docx(tmp_path, mid: int, restated: str) -> Document:
    """A Word contract whose payment schedule is a table (stage | share | condition | period) and whose
    payment section restates the retention in prose (``restated``)."""
    import docx

    from contractkit.readers.dispatch import read_document

    d = docx.Document()
    d.add_paragraph("第四条 付款")
    rows = [
        ("阶段", "比例", "付款条件", "付款期限"),
        ("预付款", "30%", "合同生效", "生效后10日内"),
        ("验收款", f"{mid}%", "验收合格", "验收合格后15日内"),
        ("质量保证金", "5%", "质量保证期届满且无未处理的质量问题", "届满后20日内"),
    ]
    t = d.add_table(rows=len(rows), cols=4)
    for row, texts in zip(t.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    d.add_paragraph(restated)
    path = tmp_path / "schedule.docx"
    d.save(str(path))
    return read_document(path)


RESTATED = [
    "质量保证金比例为合同价格的5%，在验收款之外单列，返还条件见上表。",
    "本合同质保金为合同总价的5%，在验收款以外另行计算，按附件3约定的条件退还。",
    "质量保证金（合同价款的5%，不含于验收款）的释放安排见付款计划表。",
    "质保金金额为合同总价的5%，与验收款分开计算，退还方式详见本合同第4条。",
]


@pytest.mark.parametrize("restated", RESTATED)
def test_a_retention_restated_outside_the_schedule_counts_once(tmp_path, restated: str) -> None:
    facts = extract(schedule_docx(tmp_path, 65, restated)).payment
    assert sum(facts.shares()) == 100
    assert all(i.trigger is not None for i in facts.installments)
    assert all(r.release is not None for r in facts.retentions)


@pytest.mark.parametrize("restated", RESTATED[:2])
def test_a_restated_retention_no_longer_hides_a_short_schedule(tmp_path, restated: str) -> None:
    facts = extract(schedule_docx(tmp_path, 60, restated)).payment
    assert sum(facts.shares()) == 95


@pytest.mark.parametrize(
    "retention",
    [
        "甲方预留合同总价的5%作为质保金。",
        "质量保证金为合同价款的10%，由甲方保留。",
        "质保金比例为合同总价的5%，在验收款之外单列。",
    ],
)
def test_a_retention_without_any_release_or_reference_stays_unreleased(retention: str) -> None:
    facts = facts_of("第四条 付款\n合同签订后5日内支付30%，验收合格后10日内支付65%。\n" + retention)
    assert [r.release for r in facts.retentions] == [None]


@pytest.mark.parametrize(
    ("label", "items"),
    [
        ("专用条款第6条（对应通用条款第十条） 付款方式：", ("（1）", "（2）", "（3）")),
        ("特别约定三 支付安排：", ("1）", "2）", "3）")),
        ("附加条款：本合同的结算方式如下：", ("①", "②", "③")),
    ],
)
def test_a_list_under_a_run_in_payment_label_is_read_outside_payment_sections(
    label: str, items: tuple[str, str, str]
) -> None:
    a, b, c = items
    facts = facts_of(
        "第一章 通用条款\n第十条 支付\n合同价款按专用条款约定的比例、条件和期限支付。\n"
        "第十三条 买方逾期付款\n买方逾期付款的，每日按逾期款项的万分之三支付违约金。\n"
        "第二章 专用条款\n"
        f"{label}\n{a}预付款：合同生效后十五日内，买方支付合同价格的30%；\n"
        f"{b}到货款：货物验收合格后三十日内，支付合同价格的50%；\n"
        f"{c}质量保证金：合同价格的10%，于质量保证期届满后十五日内无息退还。"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(50)]
    assert facts.shares() == [Decimal(30), Decimal(50), Decimal(10)]


def test_a_list_not_under_a_payment_label_is_not_read_outside_payment_sections() -> None:
    facts = facts_of(
        "第十条 支付\n合同生效后10日内支付30%，验收后10日内支付70%。\n"
        "第十二条 违约责任\n违约情形如下：\n"
        "（1）买方逾期付款超过三十日的，卖方可解除合同并要求支付合同价格的20%；"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


@pytest.mark.parametrize(
    ("text", "released"),
    [
        ("到货验收后30日内支付95%，5%作为质保金由买方留存。", False),
        ("验收合格后十日内付合同总价的90%，剩余10%作为质量保证金暂扣。", False),
        ("质保期满后支付剩余5%，该5%为质保金。", True),
        ("合同总价的5%，作为质保金，于质保期满后返还。", True),
        ("验收合格后支付90%，10%质保金在质保期满后10日内无息退还。", True),
    ],
)
def test_a_retention_is_released_by_its_own_words_not_another_installments_timing(
    text: str, released: bool
) -> None:
    (r,) = facts_of("第四条 付款\n" + text).retentions
    assert (r.release is not None) is released


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("验收合格后十日内付合同总价的90%", 90),
        ("签约后三日内付总价30%", 30),
        ("到货后7日内付合同价款的60%", 60),
        ("终验后5日内付本合同总额的10%", 10),
    ],
)
def test_paying_the_price_with_a_bare_fu_is_an_installment(text: str, share: int) -> None:
    (inst,) = read_installments(text)
    assert inst.share == Decimal(share) and inst.timing.trigger is not None


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        (
            "钱分两次给：第一次给16800元，协议签完三天内打到卖方对公账户；第二次给11200元，货到了验完没问题以后三天内付清。",
            [16800, 11200],
        ),
        ("第1次给3万块，签完当天；第2次给5万，装好以后一周内。", [30000, 50000]),
        ("第一笔给20000元，合同签了以后五天内转账；第二笔给8000元，设备到了验完三天内给清。", [20000, 8000]),
    ],
)
def test_the_nth_time_given_is_an_installment(text: str, amounts: list[int]) -> None:
    facts = facts_of("三、钱怎么给\n" + text)
    assert [i.amount.value for i in facts.installments if i.amount] == [Decimal(a) for a in amounts]


@pytest.mark.parametrize(
    "text",
    [
        "乙方尾款晚给超过15天的，甲方也可以不卖了，收回车，已收的钱扣掉赔偿后退回。",
        "买方余款迟付的，卖方可以把货拉回去。",
        "要是尾款拖着不给，甲方可以不交车。",
    ],
)
def test_colloquial_lateness_ends_the_payment_sentence(text: str) -> None:
    assert read_installments(text) == []


def test_not_later_than_is_a_deadline_not_lateness() -> None:
    (inst,) = read_installments("验收合格后，买方应不晚于10日付清余款。")
    assert inst.remainder


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("机器拉到乙方店里、试完机器那天，乙方再给8,400元（占70%），最晚不超过送到后第3天。", 70),
        ("预付30%，货到付款70%。", 70),
        ("设备验收那天，买方再付5,000元（占合同价的25%）。", 25),
        ("到货当天，买方付清余款（60%）。", 60),
    ],
)
def test_a_payment_due_at_an_event_pays_when_the_act_ends_its_trigger(text: str, share: int) -> None:
    assert Decimal(share) in {r.share for r in read_installments(text)}


def test_a_payment_that_is_only_the_event_of_its_trigger_is_none() -> None:
    assert read_installments("支付首付款后，乙方发货。") == []


# --- round 5: colloquial transfers, remedies that are no installment, local article headings ---


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("签完合同两天内先转5000元，剩下的8000元货到以后一周内转清。", [5000, 8000]),
        ("货送到验完以后五天内给剩下的3万元。", [30000]),
        ("订货当天先转1万元，余下的9000元装好以后三天内打款。", [10000, 9000]),
        ("签字当天转2万元，机器到了试完以后十天内再转6000元。", [20000, 6000]),
        ("签合同当天先打5000块到卖方卡上，货到以后三天内汇3万元。", [5000, 30000]),
    ],
)
def test_colloquial_transfers_are_installments(text: str, amounts: list[int]) -> None:
    raws = read_installments(text)
    assert [r.amount[0] for r in raws if r.amount] == [Decimal(a) for a in amounts]
    assert all(r.timing.trigger is not None for r in raws)


def test_the_rest_said_colloquially_is_the_remainder() -> None:
    (_first, rest) = read_installments("签完合同两天内先转5000元，剩下的8000元货到以后一周内转清。")
    assert rest.remainder


@pytest.mark.parametrize(
    "text",
    [
        "卖方晚交货一天，买方从货款里扣200元。",
        "乙方迟送三日以上的，按每日500元从尾款中扣。",
        "甲方每晚交一天货，乙方少付货款的千分之一。",
        "卖方晚到一天，就少给他100块。",
        "买方过了两个月还不给余款的，卖方可以把车开回来。",
        "乙方没给尾款之前，甲方可以不交钥匙。",
    ],
)
def test_a_colloquial_remedy_is_no_installment(text: str) -> None:
    assert read_installments(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "本协议自签字之日起生效，至买方付清全部货款之日止。",
        "保修期内卖方负责维修，直到尾款结清为止。",
        "这份协议双方签字就生效，到买方付清余款为止。",
    ],
)
def test_a_term_ending_when_payment_is_made_is_no_installment(text: str) -> None:
    assert read_installments(text) == []


def test_a_payment_ending_a_schedule_still_counts_before_the_bound() -> None:
    (inst,) = read_installments("每月5日前支付人民币5万元，直至付清全部货款为止。")
    assert inst.amount is not None and inst.amount[0] == Decimal(50000)


@pytest.mark.parametrize(
    "text",
    [
        "订单金额的30%，甲方在订单双方签章后5个工作日内支付",
        "采购单经双方盖章后十日内付款30%",
        "协议签字按手印后三天内给3000元",
    ],
)
def test_signing_in_any_wording_triggers(text: str) -> None:
    assert read_timing(text).trigger is not None and read_timing(text).trigger.kind == "contract_signed"


@pytest.mark.parametrize(
    "heading",
    [
        "专用条款第4条 付款（对应通用条款第十条）",
        "特别约定第3条 结算方式",
        "附件二第2条 货款支付",
    ],
)
def test_a_local_article_heading_on_payment_opens_its_scope(heading: str) -> None:
    facts = facts_of(
        "第一条 标的\n甲方向乙方采购水泥。\n第二条 付款\n付款方式见专用条款。\n"
        "第三条 其他\n未尽事宜另行协商。\n"
        f"{heading}\n甲方在收到发票之日起30日内支付对账金额的95%。\n"
        "对账金额的3%作为质量保证金，在供货完毕满12个月后15日内无息支付。\n"
        "专用条款第5条 违约金\n甲方逾期付款的，每日按应付未付金额的万分之二点五支付违约金。"
    )
    assert [i.share for i in facts.installments] == [Decimal(95), Decimal(3)]


def test_a_local_heading_on_something_else_keeps_payments_out_of_scope() -> None:
    facts = facts_of(
        "第一条 标的\n甲方向乙方采购水泥。\n第二条 付款\n合同签订后5日内支付30%，验收后10日内支付70%。\n"
        "专用条款第5条 违约金（对应通用条款第十条）\n甲方逾期付款的，应支付逾期部分的20%。"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


@pytest.mark.parametrize("heading", ["二、钱怎么给", "三、价钱和付钱", "四、给钱的办法"])
def test_a_colloquial_money_heading_is_the_payment_section(heading: str) -> None:
    facts = facts_of(
        f"一、买什么\n二手叉车1台，38000元。\n{heading}\n签字当天先转8000元；剩下的30000元交车以后三天内转清。\n"
        "五、晚了怎么办\n卖方晚交车一天，从尾款里扣50元；买方过了一个月还不给尾款的，卖方把车开回去。"
    )
    assert [i.amount.value for i in facts.installments if i.amount] == [Decimal(8000), Decimal(30000)]


@pytest.mark.parametrize(
    "label",
    ["3.（对应通用条款第八条）付款：", "5.（见通用条款第10条）付款方式：", "（二）(对应第八条) 结算："],
)
def test_a_run_in_payment_label_after_an_aside_is_in_scope(label: str) -> None:
    facts = facts_of(
        "第一条 标的\n甲方向乙方采购消防泵。\n第二条 付款\n付款比例、条件和期限见专用条款。\n"
        "第三部分 专用条款\n"
        f"{label}（1）合同签订后15日内支付合同价格的30%；（2）验收合格后30日内支付合同价格的70%。"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("签了协议3天内，甲方先付36790元", "contract_signed"),
        ("签好合同两天内先转5000元", "contract_signed"),
        ("协议签好以后一周内付清", "other"),
    ],
)
def test_colloquial_signing_with_the_period_right_after_triggers(text: str, kind: str) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.trigger.kind == kind and t.deadline is not None


@pytest.mark.parametrize(
    "text",
    ["等甲方几家分店生意稳定了，甲方再付剩下的36790元。", "装好以后甲方付余下的货款。", "年底前付全部货款。"],
)
def test_paying_the_rest_by_name_is_an_installment(text: str) -> None:
    assert len(read_installments(text)) == 1


# === round 6: the round-5 regressions (colloquial schedules, scans, term articles) ===

# --- colloquial timing: a trial found sound, the very day of an event ---


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("设备搬到店里、试烤没问题后3天内再转17,500元。", 3),
        ("机器送到厂里试机没毛病后五天内把剩下的8000元转清。", 5),
        ("冷柜装上用着没有问题以后7天内再打2万元。", 7),
    ],
)
def test_a_trial_found_sound_starts_the_period(text: str, value: int) -> None:
    (raw,) = read_installments(text)
    assert raw.timing.trigger is not None
    assert raw.timing.deadline is not None and raw.timing.deadline.value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "车运到料场、乙方验完车的当天，再把剩下的138,000.00元给清。",
        "机器拉到店里、试完机器那天，乙方把剩下的9,600元一次给清。",
        "货送到仓库、点完数的当日，买方把余下的3万元给齐。",
    ],
)
def test_the_very_day_of_an_event_is_an_immediate_deadline(text: str) -> None:
    (raw,) = read_installments(text)
    assert raw.timing.trigger is not None
    assert raw.timing.deadline is not None and raw.timing.deadline.unit == "immediate"


def test_a_trial_in_progress_is_no_event() -> None:
    """没问题 closes a trial; a sentence with no completed event still has no trigger."""
    assert read_timing("再转17,500元。").trigger is None


# --- a scan's misread day ---


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("确认书签回后 3 个工作旦内付 50%", "working_day", 3),
        ("收到发票后 10 个工作曰内付 30%", "working_day", 10),
        ("货到验收合格后 15 曰内付 50%", "day", 15),
    ],
)
def test_a_day_misread_by_a_scan_still_bounds_the_trigger(text: str, unit: str, value: int) -> None:
    t = read_timing(text)
    assert t.trigger is not None
    assert t.deadline is not None and (t.deadline.unit, t.deadline.value) == (unit, Decimal(value))


def test_a_misread_day_keeps_the_spans_of_the_text() -> None:
    text = "确认书签回后 3 个工作旦内付 50%"
    t = read_timing(text)
    assert t.deadline is not None and text[t.deadline.span[0] : t.deadline.span[1]] == "3 个工作旦"


# --- the scope of a local heading ends at the next article ---

_GOODS_HEADING = "第一条 货物清单及合同价格\n缆绳20根，合同总价为人民币85万元（含税）。\n"
_PAYMENT = "第五条 付款\n合同生效后15日内支付合同总价的30%，验收合格后30日内支付合同总价的70%。\n"


@pytest.mark.parametrize(
    "term",
    [
        "第八条 合同期限与生效：本合同自双方签字盖章之日起生效，至甲方付清全部货款且质保期届满后失效。",
        "第九条 有效期限：本协议自盖章之日起生效，到买方付清全部价款后自行失效。",
    ],
)
def test_a_term_article_run_in_after_a_price_heading_pays_nothing(term: str) -> None:
    facts = facts_of(_GOODS_HEADING + "第二条 交付：2027年2月28日前交付。\n" + _PAYMENT + term)
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


@pytest.mark.parametrize(
    "term",
    [
        "本合同自签字盖章之日起生效，至甲方付清全部合同款项之日终止。",
        "本协议有效期至买方付清全部货款之时失效。",
    ],
)
def test_a_term_ending_when_the_price_is_paid_pays_nothing(term: str) -> None:
    assert read_installments(term) == []


def test_a_payment_label_after_its_item_number_and_an_aside_is_in_scope() -> None:
    facts = facts_of(
        "第一条 标的\n甲方向乙方采购消防泵。\n第二条 违约\n甲方逾期付款的，按日万分之三支付违约金。\n"
        "第三部分 专用条款\n"
        "（二）(对应第八条) 结算：（1）合同签订后15日内支付合同价格的30%；"
        "（2）验收合格后30日内支付合同价格的70%。"
    )
    assert [i.share for i in facts.installments] == [Decimal(30), Decimal(70)]


# --- payment left to the payer's own receivables ---


@pytest.mark.parametrize(
    "text",
    [
        "剩下的70000元等乙方年底收完账再给。",
        "余款待买方收回下游客户货款后支付。",
        "尾款等我们把年底的账收齐了再给。",
    ],
)
def test_payment_waiting_on_the_payers_receivables_is_vague(text: str) -> None:
    (raw,) = read_installments(text)
    assert raw.vague


@pytest.mark.parametrize(
    "text",
    [
        "等设备验收完毕后10日内付清余款。",
        "待乙方签收完货物后3日内支付尾款。",
        "等货到验收完，三天内把剩下的钱转清。",
    ],
)
def test_an_inspection_or_receipt_of_goods_is_no_receivable(text: str) -> None:
    assert all(not r.vague for r in read_installments(text))


# --- a precondition that is a party's own performance is no vague condition ---


@pytest.mark.parametrize(
    "text",
    [
        "合同价格的10%作为质量保证金，在保修期届满后30日内支付，但以卖方已履行全部保修义务为前提。",
        "进度款以乙方提交全部竣工资料为前提，在审核后15日内支付合同价格的40%。",
    ],
)
def test_a_precondition_of_performance_is_not_vague(text: str) -> None:
    assert all(not r.vague for r in read_installments(text))


@pytest.mark.parametrize(
    "text",
    [
        "尾款30万元在验收后支付，以业主付款为前提。",
        "余款20万元以甲方完成项目融资为前提支付。",
        "剩余货款以甲方完成内部审批为前提支付。",
    ],
)
def test_a_precondition_of_the_payers_funds_is_still_vague(text: str) -> None:
    (raw,) = read_installments(text)
    assert raw.vague
