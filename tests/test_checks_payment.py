"""The payment family on many phrasings: triggers, deadlines, vague triggers, shares, retention."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import fires
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.facts.triggers import read_timing
from contractkit.lint import lint_text

NT = "payment/installment-without-trigger"
ND = "payment/trigger-without-deadline"
VT = "payment/vague-trigger"
SM = "payment/shares-mismatch"
RR = "payment/retention-without-release"


def ids(text: str, *rules: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=rules))]


@pytest.mark.parametrize(
    "text",
    [
        "验收合格后5个工作日内支付合同总价的60%。",
        "货物送达之日起十五日内，甲方支付合同总价的60%。",
        "合同签订后3日内甲方预付30%货款。",
        "甲方于2026年6月30日前支付人民币5万元。",
        "甲方收到乙方开具的增值税专用发票后10个工作日内支付全部货款。",
        "甲方于每月25日前支付上月货款人民币2万元。",
        "验收合格当日甲方支付合同总价的60%。",
        "质保期届满后15日内支付合同总价的10%。",
        "甲方在10个工作日内支付合同总价的10%，起算日为质保期届满之日。",
        "验收合格后  日内支付合同总价的60%。",  # an unfilled blank is not a missing deadline
    ],
)
def test_well_formed_installments_pass(text: str) -> None:
    assert ids(text, NT, ND, VT) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("验收合格后支付60%。", ND),
        ("验收合格后支付合同总价的60%。", ND),
        ("到货后甲方支付货款的30%。", ND),
        ("安装调试完成后，甲方支付合同总价的30%。", ND),
        ("甲方支付合同总价的30%作为预付款。", NT),
        ("甲方支付第二期货款人民币5万元。", NT),
        ("视情况支付。", VT),
        ("尾款由双方另行协商后支付。", VT),
        ("甲方应尽快支付剩余货款。", VT),
        ("到货后甲方及时付款。", VT),
    ],
)
def test_defective_installments_fail(text: str, rule: str) -> None:
    assert ids(text, NT, ND, VT) == [rule]


def test_messages_state_art_628() -> None:
    for f in lint_text("验收合格后支付60%。视情况支付。", Settings(select=("payment",))):
        assert "第628条" in f.message and "Art. 628" in f.message_en


def test_by_contract_or_prohibition_is_not_vague() -> None:
    assert ids("甲方应当按照合同约定及时足额支付合同价款。", VT) == []
    assert ids("乙方不得与第三方另行约定支付方式及金额。", VT) == []


def test_penalty_clause_is_not_an_installment() -> None:
    assert ids("甲方逾期付款的，每日按未付款项的万分之三支付违约金。", NT, ND) == []


SCHEDULE = "第三条 付款方式\n合同签订后5日内支付{a}%。\n验收合格后5日内支付{b}%。\n质保期满后10日内支付{c}%。"


@hsettings(max_examples=60, deadline=None)
@given(a=st.integers(0, 100), b=st.integers(0, 100), c=st.integers(1, 100))
def test_shares_must_sum_to_100(a: int, b: int, c: int) -> None:
    found = ids(SCHEDULE.format(a=a, b=b, c=c), SM)
    assert (SM in found) is (a + b + c != 100)


def test_shares_message_lists_the_sum() -> None:
    (f,) = lint_text(SCHEDULE.format(a=30, b=60, c=5), Settings(select=(SM,)))
    assert "95%" in f.message and "30% + 60% + 5%" in f.message


def test_cumulative_shares() -> None:
    text = (
        "第三条 付款\n合同签订后5日内支付30%。\n到货后10日内累计支付至合同总价的90%。\n"
        "质保期满后10日内支付10%。"
    )
    assert ids(text, SM) == []


def test_amounts_against_total() -> None:
    base = (
        "第三条 付款\n合同总价为人民币10万元。\n合同签订后5日内支付人民币3万元。\n"
        "验收合格后5日内支付人民币{x}万元。"
    )
    assert ids(base.format(x=7), SM) == []
    assert ids(base.format(x=6), SM) == [SM]


def test_schedule_table_restated_in_prose_counts_once() -> None:
    text = (
        "第二条 付款\n| 期次 | 条件 |\n| 1 | 合同生效后5个工作日内支付合同总价的30%。 |\n"
        "| 2 | 验收合格后10个工作日内支付合同总价的70%。 |\n"
        "1 合同生效后5个工作日内支付合同总价的30%。"
    )
    assert ids(text, SM) == []


def test_blank_shares_are_unfilled_not_wrong() -> None:
    text = "第三条 付款\n合同签订后5日内支付____%。\n验收合格后5日内支付60%。"
    assert ids(text, SM) == []


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("甲方预留合同总价的5%作为质保金。", True),
        ("合同价款的10%作为质量保证金，由甲方保留。", True),
        ("甲方预留合同总价的5%作为质保金，质保期满无质量问题后10个工作日内无息退还。", False),
        ("质保金5%于验收合格满一年后无息返还。", False),
        ("甲方预留5%作为质保金。\n质保期届满后15日内返还乙方。", False),  # release in the next paragraph
        ("质保金为合同总价的____%。", False),  # unfilled
    ],
)
def test_retention_release(text: str, expect: bool) -> None:
    assert (RR in ids(text, RR)) is expect


def test_english_documents_are_not_checked() -> None:
    text = "Buyer shall pay 30% of the price. The remaining 60% is payable after acceptance."
    assert ids(text, "payment") == []


def test_decimal_shares_sum() -> None:
    text = "第三条 付款\n签订后5日内支付33.5%。\n验收合格后5日内支付66.5%。"
    assert ids(text, SM) == []
    assert Decimal("33.5") + Decimal("66.5") == 100


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet="付款支付结清算尾余进度汇入转账缴纳交清还定金甲方的。，30%", max_size=30))
def test_pay_gate_covers_every_payment_text(text: str) -> None:
    """A text the installment reader accepts names a gate word: the cheaper block scan skips none."""
    from contractkit.contract.payment import PAY_GATE, RETENTION_WORDS, read_installments

    if read_installments(text):
        assert any(w in text for w in PAY_GATE + RETENTION_WORDS)


SA = "payment/share-amount-mismatch"
IP = "payment/interest-rate-no-period"
SP = "payment/split-without-amounts"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("合同总价为90090元，合同签订后5日内支付合同总额的40%即45045元。", SA),
        ("交款时将全部欠款利息按8‰结算支付。", IP),
        ("被告应于2015年10月15日、2015年10月31日分两次支付货款。", SP),
        ("第三期：甲方项目资金到位后15个工作日内支付30%。", VT),
        ("尾款待业主付款后支付。", VT),
        ("剩余货款在每次拨工程款时支付。", VT),
        ("签完合同先给三成定金，货到了以后把剩下的七成结清。", ND),
        ("余款31.5万元在18个月内付清。", NT),
        ("终验收合格（含视为合格）后支付合同总价的20%。", ND),
        ("协议生效后支付77500元首付款。", ND),
    ],
)
def test_more_defects(text: str, rule: str) -> None:
    assert rule in ids(text, NT, ND, VT, SA, IP, SP)


@pytest.mark.parametrize(
    "text",
    [
        "合同总价为90090元，合同签订后5日内支付合同总额的40%即36036元。",
        "分期付款部分按年利率6%计收利息。",
        "被告应于2015年10月15日前支付货款的50%，2015年10月31日前支付剩余50%。",
        "余款分10期支付，每期人民币115,500.00元，于每月25日前支付。",
        "签完合同先给三成定金，货到了验完没问题，一周内把剩下的七成结清。",
        "乙方书面通知甲方备货完成之日起三个工作日内，甲方支付合同总价的70%。",
        "该批材料到场之日起满九十日后的十五日内，甲方支付该批材料金额的剩余30%。",
        "我方发出发货通知之日起5个工作日内付清70%。",
        "货物交付后、全部货款付清前，货物的所有权仍属于卖方。",
        "乙方在每期付款前向甲方开具相应金额的13%增值税专用发票，甲方以银行转账方式付款。",
        "四、付款：（1）定金20%，按第三条支付；（2）第一批货物验收合格之日起10日内，支付合同总价的80%。",
        "交货批次及时间见附件二，甲方按批次付款的期限见第五条。",
    ],
)
def test_more_sound_clauses(text: str) -> None:
    assert ids(text, NT, ND, VT, SA, IP, SP) == []


def test_returned_retention_completes_the_shares() -> None:
    text = (
        "第三条 付款\n合同签订后5日内支付30%。\n验收合格后10日内支付60%。\n"
        "合同总价的10%作为质保金，质保期满无质量问题后10个工作日内无息退还。"
    )
    assert ids(text, SM, RR) == []
    held = (
        "第三条 付款\n合同签订后5日内支付30%。\n验收合格后10日内支付60%。\n"
        "质保金：合同总价的10%，由甲方留存。"
    )
    assert ids(held, SM, RR) == [RR]


@hsettings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 99), min_size=1, max_size=3), st.lists(st.integers(1, 99), min_size=1, max_size=3)
)
def test_two_schedules_each_whole(a: list[int], b: list[int]) -> None:
    """Two options (or two products) each with its own schedule: fine only when each adds up to 100 %."""

    def lines(shares: list[int], name: str) -> str:
        rest = 100 - sum(shares)
        parts = [*shares, rest] if rest > 0 else shares
        return "\n".join(f"{name}第{i + 1}期：合同签订后{10 + i}日内支付{p}%。" for i, p in enumerate(parts))

    text = "第三条 付款\n" + lines(a, "方式一") + "\n" + lines(b, "方式二")
    whole = sum(a) <= 100 and sum(b) <= 100
    assert (SM in ids(text, SM)) is not whole


def test_proposed_terms_are_not_checked_for_timing() -> None:
    text = "3. 付款方式：预付 30%，到货验收合格后付 65%，质保金 5%一年后支付（以正式合同为准）。"
    assert ids(text, NT, ND) == []
    assert ids("3. 付款方式：预付 30%，到货验收合格后付 65%。", NT, ND) == [NT, ND]


# --- accuracy round 2: the rest of the price, a prepayment deducted, rights to withhold, table shares -------


@pytest.mark.parametrize(
    "text",
    [
        # a cumulative stage with the prepayment deducted in a parenthesis, then the rest
        "第四条 付款\n签约后三日内买方支付暂定总价的20%作为预付款。\n"
        "每批到货验收合格后十五日内，买方结清该批货款（扣除相应比例预付款），累计至暂定总价的95%。\n"
        "其余5%连同溢短差额于最后一批验收合格后三十日内结清。",
        # the rest states its share while a stage is read only in part
        "第四条 付款\n合同签订后5日内支付合同总价的30%。\n"
        "货到验收后按实际到货量支付相应货款，并扣除已付预付款。\n剩余10%于质保期满后15日内付清。",
        "第五条 结算\n甲方于合同生效后7日内预付20%。\n尾款5%在终验合格后30日内支付。",
        "三、付款\n1. 首付款：签约当日付合同额的40%。\n2. 余款15%：安装调试完成后10日内付清。",
    ],
)
def test_the_rest_closes_the_sum(text: str) -> None:
    assert ids(text, SM) == []


def test_shares_over_100_with_a_rest_still_fail() -> None:
    text = "第四条 付款\n合同签订后5日内支付70%。\n验收后10日内支付40%。\n其余5%于质保期满后付清。"
    assert ids(text, SM) == [SM]


@pytest.mark.parametrize(
    "sentence",
    [
        "乙方未付清全部价款的，甲方有权拒绝交付。",
        "买方未按期付清货款的，卖方有权暂停发货。",
        "在需方付清全部货款之前，供方有权拒绝交付设备。",
        "买方付清全部货款前，卖方不予发货。",
    ],
)
def test_a_right_to_withhold_is_not_an_installment_without_trigger(sentence: str) -> None:
    text = f"第三条 付款\n合同签订后5日内支付30%，验收合格后10日内支付70%。\n{sentence}"
    assert ids(text, NT, ND, SM) == []


def test_a_table_schedule_finding_quotes_the_share_cells(tmp_path) -> None:
    import docx

    from contractkit.lint import lint_paths

    d = docx.Document()
    d.add_paragraph("第四条 付款")
    t = d.add_table(rows=1, cols=4)
    for cell, text in zip(t.rows[0].cells, ("节点", "付款条件及期限", "比例", "金额（元）"), strict=True):
        cell.text = text
    rows = (
        ("预付", "合同生效后10个工作日内", "10%", "10,000.00"),
        ("到货", "到货验收合格后15个工作日内", "50%", "50,000.00"),
        ("终验", "终验证书签署之日起20个工作日内", "30%", "30,000.00"),
    )
    for row in rows:
        for cell, text in zip(t.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "schedule.docx"
    d.save(str(path))
    (fr,) = lint_paths([path], Settings(select=(SM,))).files
    (f,) = fr.findings
    assert "90%" in f.message
    for share in ("10%", "50%", "30%"):
        assert share in f.snippet  # the share cells are quoted, not only the trigger column


def _key_terms_docx(tmp_path, lines: tuple[str, ...]):
    """A real .docx with a key-terms table whose 付款 row holds the schedule, one paragraph per stage."""
    import docx

    d = docx.Document()
    d.add_paragraph("合同要素表")
    t = d.add_table(rows=2, cols=3)
    for cell, text in zip(t.rows[0].cells, ("1", "合同价款", "人民币100,000.00元"), strict=True):
        cell.text = text
    t.rows[1].cells[0].text, t.rows[1].cells[1].text = "2", "付款"
    value = t.rows[1].cells[2]
    value.text = lines[0]
    for line in lines[1:]:
        value.add_paragraph(line)
    path = tmp_path / "key-terms.docx"
    d.save(str(path))
    return path


@pytest.mark.parametrize(
    ("last", "fires"),
    [
        ("（3）质量保证金：合同价款的5%，于质量保证期满之日起二十日内无息支付。", True),
        ("（3）质量保证金：合同价款的10%，于质量保证期满之日起二十日内无息支付。", False),
    ],
)
def test_a_key_terms_schedule_is_checked(tmp_path, last: str, fires: bool) -> None:
    from contractkit.lint import lint_paths

    path = _key_terms_docx(
        tmp_path,
        (
            "（1）预付款：合同生效后十五日内，支付合同价款的30%；",
            "（2）到货款：到货验收合格后三十日内，支付合同价款的60%；",
            last,
        ),
    )
    (fr,) = lint_paths([path], Settings(select=(SM,))).files
    assert bool(fr.findings) is fires


@pytest.mark.parametrize(
    "text",
    [
        "第三条 钱怎么给\n签协议当天给一半。\n东西送到之后，等买方新店生意稳定了再给另一半。",
        "第三条 付款\n合同签订后3日内支付50%。\n余款待甲方经营好转后支付。",
        "第三条 付款\n签完合同先给三成。\n剩下的等我们资金回笼了再给。",
        "第三条 付款\n合同生效后15日内支付30%。\n验收合格后，待甲方年度预算资金下达后支付70%。",
        "第三条 付款\n到货后10日内支付60%；余款于财政资金拨付到位后支付。",
    ],
)
def test_a_payment_on_the_payers_business_state_is_vague(text: str) -> None:
    assert VT in ids(text, VT)


_SCHEDULE2 = "第三条 付款\n合同签订后5日内支付30%，验收合格后10日内支付70%。\n"


@pytest.mark.parametrize(
    "line",
    [
        "因乙方原因退货的，乙方应在10日内退还甲方已支付的全部货款。",
        "合同解除的，卖方应于解除之日起七日内返还买方预付款。",
        "如发生退货，供方应退回需方相应货款。",
        "乙方未能交货的，应退还甲方已经支付的款项并承担违约责任。",
    ],
)
def test_a_refund_is_not_an_installment(line: str) -> None:
    assert ids(_SCHEDULE2 + line, NT, ND, SM) == []


@pytest.mark.parametrize(
    "line",
    [
        "安装费人民币5,000元由甲方另行支付。",
        "运输费3,000元由买方承担并另行支付。",
        "技术培训费人民币8,000元，由甲方另行支付给乙方。",
    ],
)
def test_a_fee_beside_the_price_is_not_an_installment(line: str) -> None:
    assert ids(_SCHEDULE2 + line, NT) == []


@pytest.mark.parametrize(
    "text",
    [
        "第三条 钱怎么给\n今天先给定金5,000元，过户那天给60,000元。",
        "第三条 付款\n提车那天付清全款。",
        "第三条 付款\n签字这天付一半，交车当天给余款。",
    ],
)
def test_colloquial_days_are_triggers(text: str) -> None:
    assert ids(text, NT, ND) == []


_TEXT_KEY_TERMS = (
    "合同要素表\n| 序号 | 项目 | 约定 |\n|---|---|---|\n| 1 | 合同价款 | 人民币100,000.00元 |\n"
    "| 2 | 付款 | 合同签订后5日内支付30%；到货验收合格后10日内支付60%；质保期满后15日内支付{last}%。 |\n"
    "| 3 | 交货期 | 合同签订后30日内 |"
)


@pytest.mark.parametrize(("last", "fires"), [(10, False), (5, True)])
def test_a_text_key_terms_schedule_is_read_and_located(last: int, fires: bool) -> None:
    from contractkit.readers.text import document_from_text

    text = _TEXT_KEY_TERMS.format(last=last)
    doc = document_from_text(text)
    from contractkit.contract.model import extract

    facts = extract(doc).payment
    assert facts.installments[0].where.text(doc) == "合同签订后5日内支付30%；"
    assert (SM in ids(text, SM)) is fires


@pytest.mark.parametrize(
    "line",
    [
        # a tax rate, the means of payment, retention withheld out of each payment: no further share
        "乙方开具的发票金额应与甲方实际付款金额一致，税率为13%。",
        "其中60%以银行承兑汇票方式支付，40%以电汇方式支付。",
        "上述款项的50%可采用商业承兑汇票支付。",
        "每次付款时，甲方可扣留当期应付款的5%作为质保金，质保期满后无息退还。",
        "甲方每期付款时扣留该期货款的10%作为质量保证金，质保期届满后10日内返还。",
    ],
)
def test_other_percents_beside_a_whole_schedule_do_not_add_to_it(line: str) -> None:
    assert ids(_SCHEDULE2 + line, SM) == []


def test_a_retention_on_top_of_the_schedule_still_adds() -> None:
    text = _SCHEDULE2 + "另，甲方预留合同总价的5%作为质保金，质保期满后10日内无息退还。"
    assert ids(text, SM) == [SM]


# --- round 3: reference-rate multiples, caps, retention released by reference, the schedule's amounts ---


@pytest.mark.parametrize(
    "text",
    [
        "买方迟延付款的，应按全国银行间同业拆借中心公布的一年期贷款市场报价利率（LPR）的百分之一百五十，"
        "就迟延款项按日计付利息，利息累计不超过迟延款项的 10%。",
        "逾期付款的，按中国人民银行同期贷款基准利率上浮50%计收利息。",
        "买方迟付的，按一年期LPR的130%向卖方支付利息。",
        "迟延款项的利息最高不超过欠款的5%。",
        "需方逾期付款的，按同期贷款市场报价利率基础上加收30%计算利息。",
    ],
)
def test_a_multiple_of_a_reference_rate_or_a_cap_is_no_rate_without_period(text: str) -> None:
    assert ids(text, IP) == []


@pytest.mark.parametrize(
    "text",
    ["分期付款部分按1.5%计收利息。", "欠款利息按8‰结算支付。", "迟延款项按2%计收利息，但利率不得高于LPR。"],
)
def test_a_bare_interest_figure_still_lacks_its_period(text: str) -> None:
    assert ids(text, IP) == [IP]


@pytest.mark.parametrize(
    "release",
    [
        "质保金为合同总价的5%，返还条件见上表。",
        "质量保证金为合同总价的5%，按附件3约定的条件退还。",
        "质保金为合同价款的5%，退还方式详见第4.3条。",
    ],
)
def test_retention_released_by_reference_is_released(release: str) -> None:
    text = "第四条 付款\n合同签订后5日内支付30%，验收合格后10日内支付65%。\n" + release
    assert ids(text, RR) == []


def test_retention_with_a_reference_to_no_place_is_not_released() -> None:
    text = (
        "第四条 付款\n合同签订后5日内支付30%，验收合格后10日内支付65%。\n"
        "质保金为合同总价的5%，返还条件另行协商。"
    )
    assert ids(text, RR) == [RR]


def test_the_schedule_finding_quotes_each_rows_own_amount_cell(tmp_path) -> None:
    import docx

    from contractkit.lint import lint_document
    from contractkit.readers.dispatch import read_document

    d = docx.Document()
    d.add_paragraph("第四条 付款")
    rows = [
        ("阶段", "比例", "金额（元）", "付款条件"),
        ("预付款", "10%", "320,208.00", "合同生效后15日内"),
        ("验收款", "60%", "1,921,248.00", "验收合格后30日内"),
        ("投运款", "20%", "640,416.00", "投运验收后30日内"),
        ("质量保证金", "5%", "160,104.00", "质量保证期届满后20日内"),
    ]
    t = d.add_table(rows=len(rows), cols=4)
    for row, texts in zip(t.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    path = tmp_path / "schedule.docx"
    d.save(str(path))
    (f,) = lint_document(read_document(path), Settings(select=(SM,)))
    assert "95%" in f.message and "640,416.00" in f.snippet and "20%" in f.snippet


@pytest.mark.parametrize(
    "retention",
    [
        "到货验收后30日内支付95%，5%作为质保金由买方留存。",
        "合同总价的10%作为质量保证金，由甲方保留。",
        "质保金：订单金额的5%，即人民币3,300.00元，由买方暂扣。",
    ],
)
def test_retention_in_a_call_off_order_is_released_as_its_framework_says(retention: str) -> None:
    call_off = "采购订单\n本订单依据双方签订的《年度采购框架协议》下达，未尽事宜按该协议执行。\n第四条 付款\n"
    assert ids(call_off + retention, RR) == []
    assert ids("买卖合同\n第四条 付款\n" + retention, RR) == [RR]


@pytest.mark.parametrize(
    ("second", "fires"),
    [
        ("第二次给9200元，货到了验完没问题以后三天内付清", True),
        ("第二次给11200元，货到了验完没问题以后三天内付清", False),
    ],
)
def test_amounts_that_miss_the_total_are_reported_even_when_the_last_pays_off(
    second: str, fires: bool
) -> None:
    text = (
        "二、东西和价钱\n三样一共28000元（大写：贰万捌仟元整）。\n三、钱怎么给\n"
        f"钱分两次给：第一次给16800元，协议签完三天内打到卖方对公账户；{second}。\n"
        "四、违约\n卖方晚送货的，每晚一天赔买方总价的千分之零点三，最多赔2800元。"
    )
    assert (SM in ids(text, SM)) is fires


@pytest.mark.parametrize(
    "clause",
    [
        "每份订单的货款按下列方式支付：（1）订单成立后5个工作日内，甲方支付该订单金额的30%；"
        "（2）验收合格后45日内，支付该订单金额的70%。",
        "采购订单经双方确认后3个工作日内，买方预付订单金额的20%，余款于到货验收合格后30日内付清。",
        "本合同成立之日起十日内，甲方支付合同总价的40%；安装调试完成后十日内支付60%。",
    ],
)
def test_an_order_formed_or_confirmed_is_a_trigger(clause: str) -> None:
    assert ids(clause, NT, ND) == []


@pytest.mark.parametrize("count", ["两", "三", "十二", "12", "二十四"])
def test_a_split_counts_its_parts_in_any_numeral(count: str) -> None:
    assert ids(f"余款分{count}期付清。", "payment/split-without-amounts") == ["payment/split-without-amounts"]


COLLOQUIAL = (
    "二手设备买卖协议\n卖方（甲方）：某某门诊部\n买方（乙方）：某某诊所\n一、买什么\n二手牙椅2台，一共40200元。\n"
    "{heading}\n{pay}\n三、晚了怎么办\n{remedy}\n"
)


@pytest.mark.parametrize(
    "remedy",
    [
        "甲方晚装好一天，从尾款里扣10块钱，最多扣2000块；乙方过了一个月还不给尾款的，甲方可以把设备拉回去。",
        "甲方晚送一天，按晚送那部分货款的万分之五少付，最多少付5%。",
        "卖方迟交三日以上的，买方从货款中扣500元；买方没给尾款之前，卖方可以不交钥匙。",
    ],
)
@pytest.mark.parametrize("heading", ["二、钱怎么给", "二、付钱"])
def test_colloquial_remedies_are_no_installments(remedy: str, heading: str) -> None:
    pay = "签完字3天内乙方先转20000元；剩下的20200元，设备装好、乙方验完货以后3天内转清。"
    text = COLLOQUIAL.format(heading=heading, pay=pay, remedy=remedy)
    assert ids(text, NT, ND) == []


@pytest.mark.parametrize(
    "pay",
    [
        "签完字3天内乙方先转20000元；剩下的20200元，设备装好、乙方验完货以后转清。",
        "签字当天先转2万元；余下的钱装好以后再打款。",
        "签完字3天内乙方先给20000元；货到了验完以后给剩下的20200元。",
    ],
)
def test_a_colloquial_installment_without_its_period_is_still_found(pay: str) -> None:
    text = COLLOQUIAL.format(heading="二、钱怎么给", pay=pay, remedy="甲方晚装好一天，从尾款里扣10块钱。")
    assert ids(text, NT, ND) == [ND]


@pytest.mark.parametrize(
    "text",
    [
        "3. 付款：（1）合同签订后15日内支付合同价格的30%；（2）验收合格后30日内支付合同价格的60%；"
        "（3）质保期满后15日内支付剩余5%。",
        "付款方式：签约后7日内付40%，到货后10日内付50%，余款5%于质保期满后付清。",
        "第四条 付款 合同生效后5日内预付20%；安装调试完成后15日内付70%；其余5%在终验后30日内结清。",
    ],
)
def test_a_rest_whose_share_leaves_a_gap_in_a_one_paragraph_schedule_is_a_mismatch(text: str) -> None:
    assert ids(text, SM) == [SM]


def test_a_rest_closing_a_one_paragraph_schedule_is_clean() -> None:
    text = "付款方式：签约后7日内付40%，到货后10日内付50%，余款10%于质保期满后付清。"
    assert ids(text, SM) == []


# === round 8: shipping steps as a before-event deadline, parts in a schedule ===

# --- payment due before a shipping step (装船前5日, 装柜前, 报关前) has its deadline: the step itself ---


@pytest.mark.parametrize(
    "text",
    [
        "每批钢材装船前 3 日，买方支付该批钢材价款的70%。",
        "集装箱装柜前，采购方付清本批货款。",
        "出口报关前五个工作日，甲方支付合同总价的90%。",
        "货物装车以前，需方结清全部余款。",
        "设备离港前十日，买方电汇剩余货款。",
    ],
)
def test_payment_before_a_shipping_step_has_a_deadline(text: str) -> None:
    t = read_timing(text)
    assert t.deadline is not None and t.deadline.unit == "before_event"
    assert not fires("payment/trigger-without-deadline", text)


@pytest.mark.parametrize(
    "text",
    ["货物装船后，买方支付合同总价的70%。", "集装箱装柜完成后支付剩余货款。"],
)
def test_payment_after_a_shipping_step_without_a_period_still_fires(text: str) -> None:
    assert fires("payment/trigger-without-deadline", text)


# --- a split whose parts are laid out in a schedule or annex the clause points to ---


@pytest.mark.parametrize(
    "text",
    [
        "合同总价按附表二分四期支付。",
        "货款依照附件3所列付款节点分三次付清。",
        "本合同价款根据付款计划表分两笔支付。",
        "价款详见附录A，分五期结清。",
    ],
)
def test_split_with_parts_in_a_schedule_is_not_flagged(text: str) -> None:
    assert not fires("payment/split-without-amounts", text)


@pytest.mark.parametrize(
    "text",
    ["合同总价分四期支付，附件二为技术协议。", "余款分两次付清。", "货款分三笔支付，具体以双方对账为准。"],
)
def test_split_without_a_schedule_still_fires(text: str) -> None:
    assert fires("payment/split-without-amounts", text)


# --- an aside in brackets inside an installment (30%预付款（算货款，不是定金），也就是6万元) ---


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (
            "本合同签订之日起7日内，需方支付合同总价的50%（含税，不另计费），即25,000.00元；"
            "安装完成后15日内支付50%，即25,000.00元。",
            "25000.00",
        ),
        (
            "签约后三天内先付两成货款（这笔钱算货款，不算押金），也就是12,000元；"
            "到货验收后七天内付清余下80%，也就是48,000元。",
            "12000",
        ),
        ("订货时付三成（算在货款里，不另外收），就是9,000元；提货后五天内付七成，就是21,000元。", "9000"),
    ],
)
def test_an_aside_in_brackets_stays_with_its_installment(text: str, amount: str) -> None:
    from conftest import doc_of

    from contractkit.checks.payment import _facts

    first = _facts(doc_of(text)).installments[0]
    assert first.trigger is not None and first.share is not None
    assert first.amount is not None and first.amount.value == Decimal(amount)
    assert not fires("payment/installment-without-trigger", text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("合同签订后3日内买方支付30%预付款（属于货款，不是定金）。", "installment"),
        ("合同签订后三日内支付20%（非定金）。", "installment"),
        ("签约后5日内付款30%，该款项不作为定金。", "installment"),
        ("签订后5日内甲方支付合同总价的20%作为定金。", "deposit"),
        ("签约后五日内付定金2万元。", "deposit"),
    ],
)
def test_a_payment_denied_to_be_a_deposit_is_not_one(text: str, kind: str) -> None:
    from contractkit.contract.payment import read_installments

    norm = text.replace("，", ",").replace("（", "(").replace("）", ")")
    assert [r.kind for r in read_installments(norm)][:1] == [kind]


# --- colloquial completions start the period (铺完验好后, 卸完货后, 测好后) ---


@pytest.mark.parametrize(
    "text",
    [
        "地板铺好验好后十天内付尾款。",
        "卸完货点清数量后3天内结清余款。",
        "设备测好后5日内付剩下的40%。",
        "瓷砖铺完后一周内付款70%。",
    ],
)
def test_colloquial_completion_is_a_trigger(text: str) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.deadline is not None
    assert not fires("payment/installment-without-trigger", text)


# === round 7: translated acceptance, working days in both scripts, vague conditions, key-terms rows ===

# --- passive and translated acceptance or receipt starts the period ---


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("尾款即合同价款的40%，由买受人在最后一批配件被其接受后20日内支付。", 20),
        ("第三期款项于全部机组经买方书面接受之日起15日内支付。", 15),
        ("剩余价款在该批零件获得采购方认可后10个工作日内付清。", 10),
        ("买受人受领全部标的物后7日内支付余款。", 7),
        ("需方接收该批板材之日起五日内支付该批货款。", 5),
    ],
)
def test_accepted_or_received_in_translated_style_is_a_trigger(text: str, value: int) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.trigger.kind in ("acceptance", "arrival")
    assert t.deadline is not None and t.deadline.value == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "3.2 余款即总价的60%，计人民币180,000.00元，由买受人在第三批零件被接受后30日内支付。",
        "3.2 尾款人民币50,000.00元由采购方在全部配件获得其认可之日起二十日内支付。",
    ],
)
def test_translated_acceptance_is_not_an_installment_without_trigger(text: str) -> None:
    assert not fires("payment/installment-without-trigger", text)


def test_a_refusal_is_not_an_event() -> None:
    t = read_timing("采购方不接受该批零件的，应于3日内书面通知供应方。")
    assert t.trigger is None


# --- working days in both scripts bound the payment ---


@pytest.mark.parametrize(
    "text",
    [
        "一、買方應於本合約簽訂後7個銀行工作日內支付合約總價20%，即港幣80,000.00元。",
        "一、合約簽署後 15 個工作天內，買方以支票支付合約總價 40%，即人民幣 60,000.00 元。",
        "一、买方应于本合同签订后3个银行工作日内支付合同总价10%，即人民币9,000.00元。",
    ],
)
def test_working_days_in_both_scripts_are_a_deadline(text: str) -> None:
    assert not fires("payment/trigger-without-deadline", text)


# --- vague conditions: the payer's own trade, a third party's payment, a colloquial closing 给 ---


@pytest.mark.parametrize(
    "text",
    [
        "2. 剩下60%，就是36000元，等甲方店里客流上来了再看情况给。",
        "尾款2万元，等我们培训班生源多了再结给你。",
        "剩下的钱等我这批货卖出去、下家把钱打过来再结给你。",
        "余款8000元，等乙方订单多了再说，看情况给。",
    ],
)
def test_payment_on_the_payers_trade_or_a_third_partys_payment_is_vague(text: str) -> None:
    assert fires("payment/vague-trigger", "二手设备转让协议\n甲方：张三\n乙方：李四\n" + text)


@pytest.mark.parametrize(
    "text",
    [
        "货物交给甲方指定的收货人。",
        "乙方收到货款后把发票交给甲方。",
        "等甲方订单确认后5日内发货。",
    ],
)
def test_handing_over_or_an_order_is_not_a_vague_payment(text: str) -> None:
    assert not fires("payment/vague-trigger", "二手设备转让协议\n甲方：张三\n乙方：李四\n" + text)


# --- a key-terms table row numbered before its label (5 | 付款 | (1)…；(2)…) is read as prose ---


def test_a_numbered_payment_row_of_a_key_terms_table_is_read() -> None:
    text = (
        "买卖合同专用条款\n"
        "| 条款 | 约定内容 |\n"
        "| 4 交货 | 2026年8月31日前送至买方仓库。 |\n"
        "| 5 付款 | （1）预付款：合同生效后10个工作日内支付合同总价的30%；（2）到货款：买方在货物签收且收到"
        "发票后支付合同总价的70%。 |\n"
    )
    assert fires("payment/trigger-without-deadline", text)


# --- a schedule adding up to the price written out in words is no mismatch ---


def test_a_schedule_matching_the_price_in_words_is_not_a_mismatch() -> None:
    text = (
        "旧钢管买卖协议\n甲方：赵一\n乙方：钱二\n"
        "1. 钢管：共200根，每根50元，合计10,000.00元。\n"
        "2. 扣件：共500个，每个4元，合计2,000.00元。\n"
        "两样总共12,000.00元，大写壹万贰仟元整。\n"
        "付钱：\n"
        "1. 签协议当天，乙方先给2千元定金，结账时抵货款。\n"
        "2. 货拉走当天，乙方再付5,000.00元。\n"
        "3. 剩下的5,000.00元，乙方验完货后10天内付清。\n"
    )
    assert not fires("payment/shares-mismatch", text)
