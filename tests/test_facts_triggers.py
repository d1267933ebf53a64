"""Trigger events and the deadlines that bound them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.facts import find_deadline, find_triggers
from contractkit.facts.triggers import find_vague, read_timing

TRIGGERS = [
    ("合同签订后7日内支付30%", "contract_signed"),
    ("自双方签署之日起十日内", "contract_signed"),
    ("签订本合同后三个工作日内", "contract_signed"),
    ("订单成立后5个工作日内", "contract_signed"),
    ("本合同成立之日起十日内", "contract_signed"),
    ("采购订单经双方确认后3个工作日内", "contract_signed"),
    ("订货单确认之日起7日内", "contract_signed"),
    ("合同生效后5个工作日内", "contract_effective"),
    ("本合同生效之日起15日内", "contract_effective"),
    ("发货后3日内", "delivery"),
    ("交货后十日内", "delivery"),
    ("交付之日起30日内", "delivery"),
    ("到货后72小时内", "arrival"),
    ("货物送达之日起五个工作日内", "arrival"),
    ("收货后7日内", "arrival"),
    ("安装调试完成后10个工作日内", "installation"),
    ("验收合格后5个工作日内支付60%", "acceptance"),
    ("经甲方验收通过", "acceptance"),
    ("收到发票后十日内付款", "invoice_received"),
    ("甲方收到乙方开具的增值税专用发票后15日内", "invoice_received"),
    ("乙方开具发票", "invoice_received"),
    ("质保期满后支付剩余10%", "warranty_end"),
    ("质保期届满之日起7日内", "warranty_end"),
    ("于2026年12月31日前支付", "fixed_date"),
    ("2026-06-30前", "fixed_date"),
    ("甲方支付培训服务费用之日起5个工作日内", "payment"),
]


@pytest.mark.parametrize(("text", "event"), TRIGGERS)
def test_trigger(text: str, event: str) -> None:
    events = [t.event for t in find_triggers(text)]
    assert event in events


NEGATIVE = [
    "及时付款",
    "视为验收合格",
    "另行协商",
    "双方当事人在签约之前应当仔细阅读",
    "尽快支付",
    "年     月    日之前",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_trigger(text: str) -> None:
    assert find_triggers(text) == []


DEADLINES = [
    ("验收合格后5个工作日内支付", "5", "working_day"),
    ("收到发票后十日内", "10", "day"),
    ("到货后72小时内", "72", "hour"),
    ("货物送达之日起五个工作日内验收", "5", "working_day"),
    ("合同签订后，甲方应于7日内支付", "7", "day"),
    ("合同生效后三十（30）日内", "30", "day"),
    ("质保期满后不超过15天", "15", "day"),
    ("合同签订之日起两周以内", "2", "week"),
]


@pytest.mark.parametrize(("text", "value", "unit"), DEADLINES)
def test_deadline(text: str, value: str, unit: str) -> None:
    trig = find_triggers(text)[0]
    d = find_deadline(text, trig.span[1])
    assert d is not None
    assert (d.value, d.unit) == (Decimal(value), unit)
    assert d.span[0] >= trig.span[1]


NO_DEADLINE = [
    "验收合格后支付",
    "验收合格后支付合同款的60%",
    "合同签订后支付30%。5日内完成安装",
    "到货后由甲方组织验收，验收期限为双方另行协商确定的72小时",
]


@pytest.mark.parametrize("text", NO_DEADLINE)
def test_no_deadline(text: str) -> None:
    trig = find_triggers(text)[0]
    assert find_deadline(text, trig.span[1]) is None


def test_traditional_converted_input() -> None:
    import opencc

    text = opencc.OpenCC("t2s").convert("驗收合格後5個工作日內支付合同款的60%")
    (t,) = find_triggers(text)
    assert t.event == "acceptance"
    d = find_deadline(text, t.span[1])
    assert d is not None and (d.value, d.unit) == (Decimal(5), "working_day")


def test_real_invoice_clause_with_blank_deadline(corpus_dir) -> None:
    text = (corpus_dir / "zh" / "xinjiang-zhongxiaoxue-xiaowai-gongcan.txt").read_text("utf-8")
    line = next(ln for ln in text.splitlines() if "甲方在收到乙方提供的发票后" in ln)
    trig = [t for t in find_triggers(line) if t.event == "invoice_received"]
    assert [line[s:e] for s, e in (t.span for t in trig)] == ["开具发票", "收到乙方提供的发票后"]
    assert find_deadline(line, trig[-1].span[1]) is None  # "后 个工作日内": the number is blank


def test_real_effective_clause(corpus_dir) -> None:
    text = (corpus_dir / "zh" / "beijing-bf-2024-2726-jidongche-jiashi-peixun-fuwu.txt").read_text(
        encoding="utf-8"
    )
    line = next(ln for ln in text.splitlines() if "本合同生效后" in ln and "缴付" in ln)
    assert "contract_effective" in [t.event for t in find_triggers(line)]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("货物交付且卖方提交提单副本、商业发票及装箱单后5个工作日内支付", "invoice_received"),
        ("乙方提供增值税专用发票后10日内", "invoice_received"),
        ("甲方应自货物到达交付地点之日起30日内完成验收", "arrival"),
        ("设备运抵目的港后15日内", "arrival"),
    ],
)
def test_trigger_document_and_place_phrasings(text: str, event: str) -> None:
    assert event in [t.event for t in find_triggers(text)]


# -- accuracy round 2: the signing day in plain words, the payer's business state as a condition -----------


@pytest.mark.parametrize(
    "text",
    [
        "签协议当天，买方微信或者银行转账给一半，7,250.00元",
        "合同签订当天，甲方支付合同总价的30%",
        "签完合同当天付一半",
        "双方签字同日，需方付清首付款",
    ],
)
def test_the_signing_day_is_a_trigger_due_at_once(text: str) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.trigger.kind == "contract_signed"
    assert t.deadline is not None and t.deadline.unit == "immediate"


@pytest.mark.parametrize(
    "text",
    [
        "等买方新店生意稳定了再给另一半7,250.00元",
        "待甲方经营好转后支付余款",
        "余款等甲方有钱了再付",
        "尾款等项目资金回笼后支付",
        "待门店销售正常后结清剩余货款",
        "待甲方年度预算资金下达后支付合同总价的25%",
        "财政专项资金拨付到位后10日内支付尾款",
        "余款在上级主管部门经费批复后支付",
        "项目资金落实后一次性付清",
    ],
)
def test_the_payers_business_state_is_vague(text: str) -> None:
    assert find_vague(text)


@pytest.mark.parametrize(
    "text",
    [
        "等货到了再付款",
        "待验收合格后10日内支付",
        "等乙方开具发票后5日内结清",
        "甲方应编制年度预算并于验收后10日内付款",
    ],
)
def test_waiting_for_a_testable_event_is_not_vague(text: str) -> None:
    assert find_vague(text) == []


@pytest.mark.parametrize(
    "text", ["终验后5日内付合同总价的10%", "初验后十日内支付30%", "验货后三天内付清", "终验之日起15日内支付"]
)
def test_final_or_initial_inspection_alone_is_an_acceptance_trigger(text: str) -> None:
    t = read_timing(text)
    assert t.trigger is not None and t.trigger.kind == "acceptance" and t.deadline is not None


@pytest.mark.parametrize(
    "text",
    [
        "货款视情况支付",
        "根据甲方资金情况分批支付",
        "押一付一",
        "等新店生意稳定了再给余款",
        "待甲方有钱了再付",
        "剩余面辅料、工艺版等退清后结算",
        "待年度预算资金下达后支付",
        "尾款背靠背支付",
        "乙方应尽快付款",
    ],
)
def test_every_vague_match_holds_one_of_the_gate_literals(text: str) -> None:
    from contractkit.facts.triggers import VAGUE_LITERALS

    found = find_vague(text)
    assert found
    for v in found:
        a, b = v.span
        assert any(w in text[max(0, a - 16) : b + 16] for w in VAGUE_LITERALS), v
