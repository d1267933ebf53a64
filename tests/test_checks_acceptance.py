"""The ``acceptance`` rule family on many phrasings, Traditional script, full-width digits and real drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import doc_of, fires, run_rule

from contractkit.checks import acceptance, load_rules
from contractkit.config import Settings
from contractkit.facts import assign_sections
from contractkit.findings import Finding, Severity
from contractkit.readers.model import Document
from contractkit.readers.text import read_text

RULES = load_rules()


ACCEPTANCE_IDS = sorted(i for i in RULES if i.startswith("acceptance/"))


def test_family_is_registered_with_documented_rules() -> None:
    assert set(ACCEPTANCE_IDS) >= {
        "acceptance/no-window",
        "acceptance/window-no-start",
        "acceptance/window-no-length",
        "acceptance/vague-window",
        "acceptance/no-deemed-acceptance",
        "acceptance/no-objection-period",
        "acceptance/objection-period-range",
    }
    for rid in ACCEPTANCE_IDS:
        r = RULES[rid]
        assert len(r.bad) >= 2 and len(r.good) >= 2, rid
        assert "第" in r.basis and "条" in r.basis, rid


@pytest.mark.parametrize("rid", ACCEPTANCE_IDS)
def test_own_examples(rid: str) -> None:
    r = RULES[rid]
    for ex in r.bad:
        assert fires(rid, ex), f"{rid} should fire on {ex!r}"
    for ex in r.good:
        assert not fires(rid, ex), f"{rid} should not fire on {ex!r}"


# -- windows: the phrasings ---------------------------------------------------------------------

COMPLETE_WINDOWS = [
    "买方应在到货后72小时内完成验收。",
    "甲方应于货物送达之日起五个工作日内对货物进行验收。",
    "收货后7天内，甲方组织验收。",
    "安装调试完成后十日内，买方进行验收。",
    "自合同签订之日起30日内，甲方完成检验。",
    "交货时甲方当场验收。",
]


@pytest.mark.parametrize("text", COMPLETE_WINDOWS)
def test_complete_window_passes_every_window_rule(text: str) -> None:
    for rid in ("acceptance/window-no-start", "acceptance/window-no-length", "acceptance/vague-window"):
        assert not fires(rid, text), (rid, text)


@pytest.mark.parametrize(
    "text", ["买方应在72小时内完成验收。", "甲方须于5个工作日内对设备进行检验。", "验收应于十五日内完成。"]
)
def test_window_without_start_fails(text: str) -> None:
    found = run_rule("acceptance/window-no-start", text)
    assert len(found) == 1
    assert "起算" in found[0].message and "start" in found[0].message_en
    assert found[0].snippet  # quotes the clause


@pytest.mark.parametrize(
    "text", ["到货后买方组织验收。", "货物交付后，甲方对货物进行检验。", "设备安装完成后进行验收。"]
)
def test_window_without_length_fails(text: str) -> None:
    assert fires("acceptance/window-no-length", text)
    assert not fires("acceptance/window-no-start", text)


@pytest.mark.parametrize(
    "text",
    ["买方收到货物后应及时验收。", "甲方应在合理期限内对设备进行检验。", "到货后买方应尽快验收。"],
)
def test_vague_window_fails(text: str) -> None:
    found = run_rule("acceptance/vague-window", text)
    assert len(found) == 1
    assert "第621条" in found[0].message


def test_vague_word_setting_is_read() -> None:
    text = "买方收到货物后应从速验收。"
    assert not fires("acceptance/vague-window", text)
    assert fires("acceptance/vague-window", text, Settings().replace(vague_triggers=["从速"]))


def test_payment_trigger_is_not_an_acceptance_window() -> None:
    text = "买方于验收合格后10日内支付货款。"
    for rid in ("acceptance/window-no-start", "acceptance/window-no-length", "acceptance/vague-window"):
        assert not fires(rid, text), rid


def test_traditional_script_is_matched_and_original_quoted() -> None:
    found = run_rule("acceptance/window-no-start", "買方應在72小時內完成驗收。")
    assert len(found) == 1
    assert "驗收" in found[0].snippet  # the original script is quoted
    assert not fires("acceptance/window-no-start", "買方應在到貨後72小時內完成驗收。")


def test_full_width_digits() -> None:
    assert fires("acceptance/window-no-start", "买方应在７２小时内完成验收。")
    assert not fires("acceptance/window-no-start", "买方应在到货后７２小时内完成验收。")
    assert fires("acceptance/objection-period-range", "质保期为验收合格之日起３个月。")


def test_span_points_at_the_window() -> None:
    text = "买方应在72小时内完成验收。"
    (f,) = run_rule("acceptance/window-no-start", text)
    assert f.span is not None and text[f.span[0] : f.span[1]] == "72小时"


# -- document-level rules ---------------------------------------------------------------------------------

GOODS = "第三条 交货\n乙方于合同签订后30日内交货。\n第五条 验收\n"


def test_no_window_only_in_goods_contracts_in_chinese() -> None:
    assert fires("acceptance/no-window", GOODS + "买方应对货物进行验收。")
    assert not fires("acceptance/no-window", GOODS + "买方应在到货后3日内对货物进行验收。")
    english = "Article 5 Acceptance\nThe buyer shall inspect the goods and sign the acceptance note. " * 3
    assert not fires("acceptance/no-window", english)


def test_deemed_acceptance_phrasings() -> None:
    base = GOODS + "买方应在到货后3日内验收，"
    assert fires("acceptance/no-deemed-acceptance", base + "并签署验收单。")
    for tail in (
        "逾期未提出书面异议的，视为验收合格。",
        "逾期未验收的，视为验收通过。",
        "逾期不通知的视为合格。",
    ):
        assert not fires("acceptance/no-deemed-acceptance", base + tail), tail


def test_objection_period_missing_and_range() -> None:
    assert fires("acceptance/no-objection-period", GOODS + "到货后3日内验收。")
    assert not fires("acceptance/no-objection-period", GOODS + "到货后3日内验收。保修期为一年。")
    ok = [
        "质保期为12个月。",
        "质量异议期为收货后两年。",
        "质保期为验收合格之日起十八个月。",
        "保修期一年半。",
    ]
    for text in ok:
        assert not fires("acceptance/objection-period-range", text), text
    short = run_rule("acceptance/objection-period-range", "质量异议期为收货后30日。")
    assert short and "外观瑕疵" in short[0].message and "第622条" in short[0].message
    long = run_rule("acceptance/objection-period-range", "质保期为五年。")
    assert long and "长于24个月" in long[0].message


def test_objection_range_setting_is_read() -> None:
    text = "质保期为6个月。"
    assert fires("acceptance/objection-period-range", text)
    assert not fires(
        "acceptance/objection-period-range", text, Settings().replace(objection_period_months=[6, 24])
    )


# -- real drafts -----------------------------------------------------------------------------------------


def _lint_family(path: Path) -> list[Finding]:
    doc = read_text(path)
    doc.blocks = assign_sections(doc.blocks)
    return [f for rid in ACCEPTANCE_IDS for f in run_rule(rid, doc)]


def test_real_corpus(corpus_dir: Path) -> None:
    counts = {}
    for path in sorted((corpus_dir / "zh").glob("*.txt")):
        counts[path.name] = [f.rule for f in _lint_family(path)]
    print("acceptance findings per file:", counts)
    # the SAMR sales model has a window (blank length), a start (交货时) and deemed acceptance
    sale = counts["samr-gf-2025-0151-nongfu-chanpin-maimai-hetong.txt"]
    assert not {"acceptance/no-window", "acceptance/no-deemed-acceptance", "acceptance/vague-window"} & set(
        sale
    )
    # service / lease contracts without goods or acceptance acts get no acceptance findings
    for name in ("beijing-bf-2024-0612-cuoshi-tingchewei-zulin.txt", "samr-gf-2025-1001-weituo-hetong.txt"):
        assert counts[name] == [], name


def test_real_sentence_refers_back_to_agreed_period() -> None:
    text = "（二）甲方收到产品时应当及时验收并在合同约定的期限内将验收结果通知乙方。"
    assert not fires("acceptance/vague-window", text)


# -- regression: a period after 届满/期满 is a deadline after the warranty, not its length --------------


@pytest.mark.parametrize(
    "text",
    [
        "质量保证期届满后15日内支付合同总价的10%，计人民币陆万柒仟陆佰元整（¥67,600.00）。",
        "5.4 质保金：合同总价的10%，作为质保金，由甲方于质量保证期届满之日起15日内无息支付给乙方。",
        "质保期满后7个工作日内退还质保金。",
        "保修期内，乙方应在接到通知后48小时内到场维修。",
    ],
)
def test_deadline_after_or_inside_the_warranty_is_not_its_length(text: str) -> None:
    assert not fires("acceptance/objection-period-range", text)


def test_warranty_length_still_found_next_to_a_release_deadline() -> None:
    text = "质保期为验收合格之日起3个月，质保期届满后15日内支付尾款。"
    (f,) = run_rule("acceptance/objection-period-range", text)
    assert "3个月" in f.message


def test_payment_named_after_acceptance_is_not_an_acceptance_clause() -> None:
    text = "（2）验收款：验收合格且卖方开具全额增值税专用发票后10个工作日内支付合同总价的70%。"
    assert not fires("acceptance/window-no-start", text)


def test_gate_is_in_every_lexicon_word() -> None:
    """Facts are looked for only in blocks naming a gate word: every act and period word holds one."""
    from contractkit.contract import acceptance as facts

    words = [
        *facts.PERIOD_WORDS,
        "看货",
        "试用",
        "就算合格",
        "即为验收合格",
        "验收",
        "检验",
        "验货",
        "查验",
        "核对",
        "清点",
        "检测",
        "测试",
        "试验",
        "视为",
    ]
    assert all(any(g in w for g in facts.GATE) for w in words)
    assert acceptance.is_goods_contract is not None


def test_a_long_component_warranty_beside_the_machine_is_not_flagged() -> None:
    text = "质保期为二十四个月。其中激光器的质保期为三十六个月。"
    assert not fires("acceptance/objection-period-range", text)
    assert fires("acceptance/objection-period-range", "质保期为三十六个月。")
    short = run_rule("acceptance/objection-period-range", "质保期为六个月。其中激光器的质保期为三十六个月。")
    assert len(short) == 1 and "六个月" in short[0].message


def test_a_remedy_after_a_failed_inspection_is_no_window_without_length() -> None:
    text = "检验不合格的，卖方应在接到买方书面通知之日起十日内无偿更换或补足，更换后重新检验。"
    for rid in ("acceptance/window-no-start", "acceptance/window-no-length"):
        assert not fires(rid, text), rid


# -- whole short contracts in drafting styles the labelled corpus lacks --------------------------------

FAMILY = ACCEPTANCE_IDS

DEFINED_TERMS = """设备买卖合同
1 定义
1.1 “检验期”指买方收到货物之日起十（10）个工作日的期间。
1.2 “保修期”指自交付日起算的十二（12）个月。
5 交付
5.1 卖方应于2026年9月30日前将货物交付至买方工厂。
6 检验
6.1 买方应在检验期内对货物进行检验。
6.2 检验期届满买方未以书面形式提出异议的，货物即被视为已经买方接受。
"""

COLLOQUIAL = """买卖协议
一、张三卖给李四办公椅50把，每把300元。
二、送货：张三8月1日前送到李四公司。
三、验货：货到了当天点数，三天内看有没有毛病，有毛病打电话说，三天不说就算验收了。
四、东西坏了一年内免费修。
"""

TRADITIONAL = """買賣合約
第三條 交貨：賣方應於民國一一五年九月一日前交貨。
第五條 驗收：買方應於貨到後五日內驗收，逾期未提出書面異議者，視為驗收合格。
第六條 保固：保固期間為一年，自驗收合格日起算。
"""

SOE_BLANKS = """采购合同
第四条 交货：乙方应在合同签订后30日内交货。
第五条 验收：甲方应在货物到达后____日内组织验收，逾期未提出书面异议的，视为验收合格。
第六条 质量保证：质保期为验收合格之日起____个月。
"""


@pytest.mark.parametrize("text", [DEFINED_TERMS, COLLOQUIAL, TRADITIONAL, SOE_BLANKS])
def test_sound_contracts_in_other_styles_have_no_acceptance_findings(text: str) -> None:
    found = [f.rule for rid in FAMILY for f in run_rule(rid, text)]
    assert found == [], found


def test_the_same_styles_with_a_defect() -> None:
    assert fires("acceptance/no-deemed-acceptance", COLLOQUIAL.replace("，三天不说就算验收了", ""))
    assert fires("acceptance/window-no-start", TRADITIONAL.replace("貨到後五日內", "五日內"))
    assert fires("acceptance/objection-period-range", DEFINED_TERMS.replace("十二（12）个月", "三（3）个月"))
    assert fires("acceptance/vague-window", SOE_BLANKS.replace("在货物到达后____日内", "在货物到达后及时"))


def test_a_longer_free_repair_beside_an_objection_period_in_range_is_not_flagged() -> None:
    text = "质量异议期为验收合格之日起24个月。质量保证期：验收合格之日起3年内，乙方负责免费维修。"
    assert not fires("acceptance/objection-period-range", text)


# -- round 2: whole-document phrasings ------------------------------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        "化验结果未在到货后24小时内书面通知卖方的，即按合格接收。",
        "逾期未提出书面异议的，即确认数量和外观无误。",
        "没问题就算收了。",
        "買方逾期未提出異議的，即按驗收合格辦理。",
        "“验收期”指到货后3日；验收期内买方不吭声也不提异议的，卖方不再承担质量责任。",
    ],
)
def test_deemed_acceptance_without_shiwei_silences_the_rule(tail: str) -> None:
    base = GOODS + "买方应在到货后3日内验收，"
    assert fires("acceptance/no-deemed-acceptance", base + "并签署验收单。")
    assert not fires("acceptance/no-deemed-acceptance", base + tail), tail


@pytest.mark.parametrize(
    "text",
    [
        "每车到厂后，需方在4小时内完成计量，并在24小时内取样化验。",
        "货物运抵甲方仓库后，甲方应先清点件数；并在3日内完成开箱检验。",
        "货到了，当天点数，三天内看货试用。",
    ],
)
def test_window_started_earlier_in_the_sentence_is_no_finding(text: str) -> None:
    assert not fires("acceptance/window-no-start", text), text


def test_trade_in_of_old_goods_is_no_acceptance_clause() -> None:
    text = (
        "一、新车及旧车\n甲方以旧叉车三台交乙方回收，并向乙方购买新叉车三台。\n"
        "旧车按甲方交乙方评估时的现状回收，乙方对旧车已逐台查验，不得以旧车状况为由调整回收价款。\n"
        "二、交付\n乙方于2027年3月31日前交货。\n"
    )
    assert not fires("acceptance/no-window", text)
    assert not fires("acceptance/no-deemed-acceptance", text)
    inspected = text + "三、验收\n甲方对新车进行验收。\n"
    assert fires("acceptance/no-window", inspected)


@pytest.mark.parametrize(
    "text",
    [
        "硬件到货后，甲方应在合理期限内会同乙方开箱清点型号、数量及外观。",
        "收货后，需方尽快清点数量并签收送货单。",
        "貨到後買方應儘快開箱點驗。",
    ],
)
def test_vague_window_on_any_inspection_act_fires(text: str) -> None:
    assert fires("acceptance/vague-window", text), text


def test_warranty_notice_is_no_vague_window() -> None:
    assert not fires("acceptance/vague-window", "买方在质量保证期内发现质量问题的，应及时书面通知卖方。")


@pytest.mark.parametrize("text", ["買方應於合理期間內檢驗貨物。", "甲方收货后应在合理的时间内组织验收。"])
def test_vague_window_variants_fire_with_the_default_setting(text: str) -> None:
    assert fires("acceptance/vague-window", text), text


# -- round 2: terms agreed elsewhere, OCR line wraps, headings with their clause, colloquial timing ------


@pytest.mark.parametrize(
    "tail",
    [
        "本订单未约定的质量、验收、结算、违约责任等事项，均适用上述框架协议。",
        "验收、质保、结算付款等，全部按框架协议执行。",
        "货物的检验与质量保证依照双方签订的《质量保证协议》执行。",
        "質量及驗收事項適用主合同之約定。",
    ],
)
def test_acceptance_agreed_in_another_document_is_not_missing(tail: str) -> None:
    text = GOODS + "买方应对货物进行验收。\n" + tail
    for rid in ("acceptance/no-window", "acceptance/no-deemed-acceptance", "acceptance/no-objection-period"):
        assert not fires(rid, text), (rid, tail)


def test_an_order_under_a_framework_takes_its_acceptance_terms() -> None:
    text = (
        "采购订单（框架协议项下）\n依据：甲乙双方签订的《年度采购框架协议》。\n"
        "一、订货明细\n安全帽500顶，单价38.50元。\n二、交货\n交货时间：2027年4月10日前，到货后由甲方验收。\n"
    )
    from contractkit.lint import document_kind, lint_text

    assert document_kind(doc_of(text)) == "call_off"  # the engine skips the rules declared for other kinds
    found = {f.rule for f in lint_text(text)}
    for rid in ("acceptance/no-window", "acceptance/no-deemed-acceptance", "acceptance/no-objection-period"):
        assert rid not in found, rid


def _lines(*texts: str) -> Document:
    """A document of PDF-like lines (one block per text line, no terminator joining them)."""
    from contractkit.readers.model import Block, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(text=t, norm=normalize(t), location=Location(index=k, page=1, line=k + 1), kind="line")
        for k, t in enumerate(texts)
    ]
    return Document(path="scan.pdf", kind="pdf", blocks=assign_sections(blocks))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "第三条验收:需方收货后五日内开箱抽检并上机试印;五日内未提出书面异议的,视",
            "为验收合格。质量异议期为收货后十二个月。",
        ),
        ("4.2 买方应在到货后3日内验收，逾期未提出异议的，即", "按验收合格处理。质保期12个月。"),
        ("買方應於到貨後五日內檢驗，逾期未提出書面異議者，視", "為驗收合格。保修一年。"),
    ],
)
def test_a_deemed_rule_cut_by_a_line_wrap_is_read_on(first: str, second: str) -> None:
    doc = _lines("购销合同", "第二条 乙方于2027年3月15日前交货。", first, second)
    for rid in ("acceptance/no-deemed-acceptance", "acceptance/no-window"):
        assert run_rule(rid, doc) == [], rid


@pytest.mark.parametrize(
    "text",
    [
        "货到了买方有空的时候验货，没问题就算收了。",
        "东西送到后，买方方便的时候来清点一下。",
        "货先放着，买方过几天来看货。",
    ],
)
def test_colloquial_timing_is_a_vague_window(text: str) -> None:
    assert fires("acceptance/vague-window", text), text


@pytest.mark.parametrize(
    "text",
    [
        "第三條 驗收\n買方應於貨到後五個工作日內開箱抽驗。\n內在品質問題，買方可於收貨起十二個月內書面提出。",
        "第五条 验收\n需方到货后3日内验收。对于品质问题，需方可在收货后十二个月内书面提出。",
    ],
)
def test_a_quality_objection_period_written_with_pinzhi(text: str) -> None:
    text = GOODS + text
    assert not fires("acceptance/no-objection-period", text)


@pytest.mark.parametrize(
    "key",
    [
        "5. 验收期限：到货后10个工作日。",
        "“验收期”指到货之日起的十（10）个工作日。",
        "验收期限为货到后7个工作日。",
    ],
)
def test_a_named_window_gives_every_start_only_clause_its_length(key: str) -> None:
    text = key + "\n8.1 货物到达后，甲方组织开箱检验，乙方派员参加。"
    assert not fires("acceptance/window-no-length", text)
    assert fires("acceptance/window-no-length", "8.1 货物到达后，甲方组织开箱检验，乙方派员参加。")


def test_no_deemed_acceptance_points_at_the_clause_not_its_heading() -> None:
    text = GOODS + "甲方收到货物后应及时验收。"
    (f,) = run_rule("acceptance/no-deemed-acceptance", text)
    assert f.snippet.startswith("甲方收到货物后")


# -- round 3: warranty, acceptance window and objection period are three facts ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "第六条 保修\n质保两年，从验收完那天起算，质保期里坏了乙方一天内派人来修。",
        "第六条 保修\n保修期一年，自验收当天开始计算；保修期间出故障的，卖方48小时内到场。",
        "五、售后\n设备保修十八个月，从验收好的那天算起，坏了三天内上门修好。",
    ],
)
def test_a_warranty_from_acceptance_is_neither_window_nor_short_period(text: str) -> None:
    for rid in (
        "acceptance/window-no-length",
        "acceptance/objection-period-range",
        "acceptance/vague-window",
    ):
        assert not fires(rid, text), rid


@pytest.mark.parametrize(
    "text",
    [
        "三、验机\n机器装好后，甲方抓紧时间开机验机，有问题书面告诉乙方。",
        "四、验货\n货到了买方赶紧验货，没问题就算收了。",
        "四、验收\n设备运到后甲方早点组织验收。",
    ],
)
def test_colloquial_vague_windows_are_found(text: str) -> None:
    assert fires("acceptance/vague-window", text)
    assert not fires("acceptance/no-window", text)


def test_a_colloquial_machine_inspection_heading_makes_a_goods_contract() -> None:
    text = "二手设备买卖合同\n三、怎么验机\n机器装好后，甲方5天里开机验机，有问题写下来发给乙方。"
    assert fires("acceptance/no-deemed-acceptance", text)
    assert not fires(
        "acceptance/no-deemed-acceptance", text + "\n5天过了甲方没说有问题的，这台机器就算验收过了。"
    )


@pytest.mark.parametrize(
    "deemed",
    [
        "买方在验收期内既未签发验收证书也未书面说明理由的，视为买方已于验收期最后一日签发验收证书。",
        "甲方逾期未出具验收报告的，视为甲方已出具验收合格报告。",
        "验收期届满之日即为验收合格日。",
    ],
)
def test_deemed_certificate_counts_and_the_buyers_own_act_does_not(deemed: str) -> None:
    head = "设备买卖合同\n第五条 验收\n5.1 买方应在安装完成后十个工作日内进行验收测试。\n"
    assert not fires("acceptance/no-deemed-acceptance", head + "5.2 " + deemed)
    for own in ("5.2 买方签发验收证书之日为验收之日。", "5.2 甲方出具验收报告之日为验收合格之日。"):
        assert fires("acceptance/no-deemed-acceptance", head + own)


CALL_OFF = (
    "采购订单\n本订单依据双方签订的《2027年度轮胎采购协议》发出。\n"
    "买方：宁波某物流有限公司\n卖方：山东某轮胎销售有限公司\n"
    "全钢子午线轮胎 160条 单价1,390.00元\n交货时间：卖方收到本订单后15日内。\n"
    "交货地点：浙江省宁波市北仑区通途路1366号。\n其他条款：按协议第4条（交付与验收）、第9条（争议解决）执行。\n"
)


def test_document_rules_are_declared_for_contracts_and_orders_only() -> None:
    for rid in ("acceptance/no-window", "acceptance/no-deemed-acceptance", "acceptance/no-objection-period"):
        assert RULES[rid].kinds == ("contract", "order"), rid


def test_an_order_under_a_framework_is_not_asked_for_acceptance_terms() -> None:
    from contractkit.lint import lint_text

    found = {f.rule for f in lint_text(CALL_OFF)}
    assert not {r for r in found if r.startswith("acceptance/")}


@pytest.mark.parametrize("title", ["检验与验收", "验收和保修", "货物检验"])
def test_a_title_numbered_by_word_makes_a_goods_contract(title: str) -> None:
    body = (
        f"设备供应协议\n{title}\n买方应在安装完成后十个工作日内进行验收测试。\n"
        "设备通过验收测试的，买方应签发验收证书。"
    )
    assert fires("acceptance/no-deemed-acceptance", body)
    assert not fires("acceptance/no-deemed-acceptance", body + "\n买方逾期未签发验收证书的，视为验收合格。")


# -- round 4: deemed acceptance in every wording, colloquial starts, titles -------------------------------

WINDOW = "设备买卖合同\n第五条 验收\n买方应在到货后5个工作日内组织验收。\n"


@pytest.mark.parametrize(
    "text",
    [
        # a weak consequence (就算收了, 就当验过了) whose sentence before is about inspection
        "二手设备买卖协议\n五、验货\n东西送到后，买方三天内验货。三天里没吭声的，就当验过了。",
        "二手设备买卖协议\n五、验货\n机器送到以后买方两天内看货验机；两天里没说话的就当收下了。",
        "二手设备买卖协议\n货拉到后需方当天点数验货，过了三天没找我们的，就算认了。",
        # the act before the lead, without 视为
        WINDOW + "买方在前款期限内未提出书面异议的，该批设备的到货验收即告完成。",
        WINDOW + "因买方原因逾期未组织验收的，自期限届满之日起，终验即视为通过。",
        WINDOW + "买方未在上述期限内签署的，验收单自动生效。",
        # the certificate deemed signed when its deadline lapses
        WINDOW + "买方应在收到验收证书后五日内签署，逾期未签署也未书面提出异议的，视为已签署。",
        WINDOW + "如买方在上述期限内未进行验收测试，则该期限届满之日应被视为验收证书签发之日。",
        WINDOW + "超过七日未签的，验收单视为已经签署。",
        # Traditional script and translated wording
        "買賣合約\n第三條 驗收\n買方應於貨到後10日內檢驗，期滿未以書面提出異議者，貨物即被視為已被買方接受。",
        "供货协议\n5.1 买方应在交付日后7个工作日内对货物进行检验。\n"
        "5.2 如买方未在第5.1条规定的期限内书面通知卖方任何不符，货物应被视为已被买方接受。",
        # deemed in the general terms, the window in the special terms
        "采购合同\n第一部分 通用条款\n5.2 买方应在专用条款约定的期限内验收，逾期未验收的，视为验收合格。\n"
        "第二部分 专用条款\n5.1 验收期限：到货后5个工作日。",
    ],
)
def test_deemed_acceptance_in_other_wordings(text: str) -> None:
    assert not fires("acceptance/no-deemed-acceptance", text)


@pytest.mark.parametrize(
    "text",
    [
        WINDOW + "验收通过即视为交付完成。",  # acceptance counts as delivery: no deemed acceptance
        WINDOW + "验收合格后即完成交付。",
        WINDOW + "第八条 通知\n乙方变更联系地址的应书面通知甲方，甲方三日内未回复的，视为同意。",  # a change
        "二手设备买卖协议\n五、验货\n东西送到后，买方三天内验货。\n八、其他\n三天里没吭声的，就当同意续签。",
    ],
)
def test_no_deemed_acceptance_where_only_something_else_is_deemed(text: str) -> None:
    assert fires("acceptance/no-deemed-acceptance", text)


@pytest.mark.parametrize(
    "text",
    [
        "二手设备买卖协议\n五、验车\n车到了乙方三天内验车，主要看发动机有没有毛病。",
        "二手设备买卖协议\n五、验货\n设备到了买方七天内验机。",
        "二手设备买卖协议\n五、验货\n货一到乙方两天内点数验货。",
        "二手设备买卖协议\n五、验货\n机器运到了，买方五天内试机验收。",
    ],
)
def test_a_colloquial_arrival_starts_the_window(text: str) -> None:
    assert not fires("acceptance/window-no-start", text)
    assert fires(
        "acceptance/window-no-start",
        text.replace("车到了", "").replace("设备到了", "").replace("货一到", "").replace("机器运到了，", ""),
    )


@pytest.mark.parametrize(
    "text",
    [
        "对于解冻后方能发现的内在品质问题，买方可于产品生产日期起12个月的保质期内提出书面异议。",
        "买方可在收货后两年的保质期内就内在质量问题提出书面异议。",
        "对隐蔽缺陷，买方可于到货之日起十八个月的有效期内书面通知卖方。",
    ],
)
def test_an_objection_within_a_named_span_is_an_objection_period(text: str) -> None:
    contract = "食品买卖合同\n乙方应于2027年5月1日前交货。\n" + text
    assert not fires("acceptance/no-objection-period", contract)
    assert fires("acceptance/no-objection-period", "食品买卖合同\n乙方应于2027年5月1日前交货。\n")


@pytest.mark.parametrize("title", ["检验与验收", "验收", "质量检验"])
def test_document_findings_point_at_the_clause_not_a_bare_title(title: str) -> None:
    text = f"供货协议\n{title}\n买方应在交付日后对货物进行检验。"
    for rid in ("acceptance/no-window", "acceptance/no-deemed-acceptance"):
        (f,) = run_rule(rid, text)
        assert f.snippet.startswith("买方应在交付日后"), rid


@pytest.mark.parametrize(
    "clause",
    [
        "28天强度报告不合格的，甲方仍可在交付后35日内提出异议。",
        "化验结果不合格的，买方可在到货后45日内书面提出异议。",
        "对复检结果有异议的，乙方可于收到结果后两个月内提出。",
    ],
)
def test_an_objection_to_one_tests_result_is_no_short_quality_period(clause: str) -> None:
    text = "水泥买卖合同\n乙方应于2027年5月1日前交货。\n" + clause
    assert not fires("acceptance/objection-period-range", text)
    assert fires(
        "acceptance/objection-period-range",
        text.replace(clause, "对于内在质量问题，买方可在到货后两个月内提出异议。"),
    )


# -- round 5: a length stated elsewhere, deemed acceptance and latent periods in other words -----------------


@pytest.mark.parametrize(
    "text",
    [
        # the special terms set the window; the general clause only says acceptance happens
        "第八条 检验\n8.1 设备运抵后，需方组织开箱检验。\n8.2 需方应自设备运抵之日起五个工作日内完成检验。",
        # a definition names the window
        "第一条 释义\n“验收期”指货物送达后的七个工作日。\n第六条 验收\n货物送达后，采购方对货物进行验收。",
        # the window is referred to the special terms in the next sentence of the same clause
        "第九条 货物到库后，买受人进行数量和质量验收。验收时间、异议时间按专用条款约定。",
        # an annex holds the window
        "四、验收\n卖方交货后，由买方组织验收，验收时限详见附件三。",
        # an objection window in the next clause bounds the inspection
        "五、验货\n货到工地后，甲方验货。数量或质量不符的，甲方应在收货后48小时内书面通知乙方。",
    ],
)
def test_a_length_stated_elsewhere_is_every_start_only_clauses_length(text: str) -> None:
    assert not fires("acceptance/window-no-length", text)


@pytest.mark.parametrize(
    "text",
    [
        "第六条 验收\n货物送达后，采购方对货物进行验收。",
        # only a latent-defect period of months: the inspection itself still has no length
        "第六条 验收\n货物送达后，采购方对货物进行验收。对内在质量问题，采购方可在到货后十二个月内书面提出。",
        # an annex that holds the standard, not the window
        "第六条 验收\n货物送达后，采购方按附件二所列技术标准进行验收。",
    ],
)
def test_a_start_without_a_length_anywhere_still_fails(text: str) -> None:
    assert fires("acceptance/window-no-length", text)


@pytest.mark.parametrize(
    "text",
    [
        "设备运到后，甲方应于2027年6月15日前完成验收。",
        "每车到厂后，需方当班过磅、取样验收。",
        "货物送到的当天，买方点数验货。",
        "安装调试完毕后的次日，买受人组织验收。",
        "货物到库后，甲方于五月二十日前完成验收。",
    ],
)
def test_a_date_or_a_named_day_bounds_the_window(text: str) -> None:
    assert not fires("acceptance/window-no-length", text)
    assert not fires("acceptance/no-window", GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "3.2 全部设备经买方验收合格并签署《验收确认书》后，买方支付总价款的55%。",
        "第二期款：采购人验收合格并出具《验收报告》后，采购人支付合同价的40%。",
        "附件《验收确认书》（格式）为本合同组成部分。",
        "尾款在买方签发《最终验收证书》后支付。",
    ],
)
def test_an_acceptance_document_named_as_a_payment_trigger_is_no_window(text: str) -> None:
    for rid in ("acceptance/window-no-length", "acceptance/window-no-start", "acceptance/vague-window"):
        assert not fires(rid, text), rid


def test_a_document_title_does_not_hide_the_act_it_governs() -> None:
    assert fires("acceptance/window-no-length", "到货后买方按《检验规范》组织验收。")


@pytest.mark.parametrize(
    "text",
    [
        # a latent-defect period in plain words
        "当时看不出来的毛病，半年内乙方照样负责修好。",
        "用了以后才发现的问题，甲方一年内都可以找乙方，乙方负责退换。",
        "隐蔽缺陷，买方可以自到货之日起一年内向卖方主张。",
        "质量问题的索赔期为到货后180天。",
        "乙方对所供产品实行三包，期限一年。",
        "产品的质量责任期为交付后十八个月。",
    ],
)
def test_a_warranty_or_latent_period_in_any_wording_is_an_objection_period(text: str) -> None:
    goods = "甲方向乙方采购设备2台。乙方应在合同签订后30日内送货上门。"
    assert fires("acceptance/no-objection-period", goods)
    assert not fires("acceptance/no-objection-period", goods + text), text


def test_a_claim_period_for_transit_damage_is_no_quality_period() -> None:
    goods = "甲方向乙方采购设备2台。乙方应在合同签订后30日内送货上门。"
    assert fires("acceptance/no-objection-period", goods + "运输途中损坏的索赔期为到货后7日。")


@pytest.mark.parametrize(
    "tail",
    [
        # by use
        "设备投入使用即表明买方已接受该设备。",
        "甲方开始使用产品的，就表示认可产品质量。",
        # by signing a delivery note
        "买方在送货单上签字，即表示货物数量、外观验收合格。",
        "送货单经买方签收的，即代表该批货物检验合格。",
        # by silence, in plain words
        "过了三天没说有问题，就当货没问题。",
        "三天内不提出来，以后就不能再说质量不行。",
        "三天里甲方什么都没讲的，乙方的货就算过关了。",
        # by the lapse of the window, in translated wording
        "检验期届满时买方既未签发验收证书也未发出拒收通知的，货物视为已于检验期最后一日被验收。",
        "买方未能在验收期内签发验收证书或说明拒绝理由的，货物应视为在验收期届满之日获得验收。",
        "逾期未提出的，买方不得再以数量或外观不符为由拒收或索赔。",
        "Buyer's failure to reject the Goods within the Inspection Period constitutes acceptance.",
    ],
)
def test_deemed_acceptance_by_use_signature_silence_or_lapse(tail: str) -> None:
    base = GOODS + "买方应在到货后3日内验收。"
    assert fires("acceptance/no-deemed-acceptance", base)
    assert not fires("acceptance/no-deemed-acceptance", base + tail), tail


@pytest.mark.parametrize(
    "tail",
    [
        "买方签收送货单仅表示收到货物，不代表质量验收合格。",
        "逾期未提出的，卖方不得拒绝更换。",
        "买方应在收到发票后表示确认。",
    ],
)
def test_no_deemed_acceptance_where_nothing_stands_for_acceptance(tail: str) -> None:
    assert fires("acceptance/no-deemed-acceptance", GOODS + "买方应在到货后3日内验收。" + tail), tail


@pytest.mark.parametrize(
    "text",
    [
        "质量保修期24个月，自竣工验收合格之日起计；屋面防水保修5年。",
        "整机质保期为十二个月，主机框架保修五年。",
        "质保期为验收合格之日起18个月。钢结构主体的保修期为十年。",
    ],
)
def test_a_longer_period_beside_the_main_one_in_range_is_no_finding(text: str) -> None:
    assert not fires("acceptance/objection-period-range", text)
    assert fires("acceptance/objection-period-range", "屋面防水保修5年。")


@pytest.mark.parametrize(
    "text",
    [
        "甲方应在到货后5日内验收。乙方应及时派员参加验收。",
        "乙方发货后应及时通知甲方准备验收。甲方应在到货后5日内验收。",
        "买方应在到货后5日内验收。如发现质量问题，买方应尽快书面告知卖方。",
        "验收不合格的，乙方应及时更换。",
    ],
)
def test_a_vague_notice_or_attendance_beside_a_computable_window_is_no_vague_window(text: str) -> None:
    assert not fires("acceptance/vague-window", text)


@pytest.mark.parametrize(
    "text",
    [
        "买方应在到货后5日内清点数量。质量检验由买方及时组织。",
        "如发现质量问题，买方应及时通知卖方。",
        "到货后，需方应尽快对产品进行抽样检验；数量以送货单为准。",
    ],
)
def test_a_vague_word_that_bounds_the_inspection_or_the_only_notice_still_fails(text: str) -> None:
    assert fires("acceptance/vague-window", text)


@pytest.mark.parametrize(
    "tail",
    [
        "买方签收送货单即视同验收。",
        "逾期未提出书面异议的，货物质量以卖方出厂检验报告为准。",
        "过期没来验的，就按验收合格算。",
        "买方未在检验期内提出异议的，卖方交付的货物即被认定为符合合同约定。",
    ],
)
def test_deemed_acceptance_in_yet_other_words(tail: str) -> None:
    assert not fires("acceptance/no-deemed-acceptance", GOODS + "买方应在到货后3日内验收。" + tail), tail


@pytest.mark.parametrize(
    "text",
    [
        "免费维修期为一年。",
        "质量担保：自交货之日起一年。",
        "货物在交付后十二个月内如出现制造缺陷，卖方应予以修复或更换。",
        "卖方保证货物在交付后12个月内没有材料和工艺缺陷。",
        "自验收合格之日起一年内，设备因质量原因损坏的，由乙方承担修理费用。",
    ],
)
def test_a_warranty_in_yet_other_words_is_an_objection_period(text: str) -> None:
    goods = "甲方向乙方采购设备2台。乙方应在合同签订后30日内送货上门。"
    assert not fires("acceptance/no-objection-period", goods + text), text


@pytest.mark.parametrize(
    "text",
    [
        "乙方应在收到通知后1个月内对有缺陷的货物予以更换。",
        "发现缺陷的，卖方应在一个月内免费更换。",
        "货物有瑕疵的，乙方应于两个月内更换。",
        "设备出现故障的，卖方应在1个月内修理完毕。",
    ],
)
def test_a_deadline_to_remedy_a_defect_found_is_no_short_warranty(text: str) -> None:
    assert not fires("acceptance/objection-period-range", text)


@pytest.mark.parametrize(
    "text", ["三个月内出现质量问题的，乙方负责更换。", "设备自收货后六个月内出现故障的，卖方应免费维修。"]
)
def test_a_short_warranty_for_defects_that_occur_still_fails(text: str) -> None:
    assert fires("acceptance/objection-period-range", text)


@pytest.mark.parametrize(
    "text",
    [
        "验收证书的签发时间由买方根据其项目进度确定。",
        "货物到场后，验收时间由甲方另行通知。",
        "设备安装完毕后，买方择期组织验收。",
    ],
)
def test_timing_left_to_one_partys_discretion_is_a_vague_window(text: str) -> None:
    assert fires("acceptance/vague-window", text)
    assert not fires("acceptance/window-no-length", text)


def test_a_standard_left_to_the_buyer_is_no_vague_timing() -> None:
    assert not fires("acceptance/vague-window", "验收标准由甲方确定，到货后甲方应在3日内验收。")


@pytest.mark.parametrize(
    "clause",
    [
        "买方在试运行结束后5日内不签署也不书面说明理由的，视为验收合格。",
        "买方自到货之日起七日内未提出书面异议的，视为货物验收合格。",
        "到货后三天内甲方没说有问题的，就算验收通过。",
    ],
)
def test_a_deemed_rule_bounded_by_a_length_is_the_window(clause: str) -> None:
    assert not fires("acceptance/no-window", GOODS + "甲方组织验收，双方签署验收报告。" + clause)


@pytest.mark.parametrize(
    "text",
    [
        "一年内发现的质量问题甲方都可以找乙方。",
        "十二个月内出现的内在质量问题，买方可书面提出。",
        "乙方在收到订单后2个工作日内未书面提出异议的，订单成立。",
        "对发票金额有异议的，应在收到发票后5日内提出。",
    ],
)
def test_a_latent_period_or_an_order_objection_is_no_window_without_start(text: str) -> None:
    assert not fires("acceptance/window-no-start", text)


@pytest.mark.parametrize(
    "text",
    ["质量问题乙方负责到送货后12个月。", "产品质量卖方保到安装后一年。", "品质问题我们管到收货后半年。"],
)
def test_quality_answered_for_up_to_a_length_is_a_warranty(text: str) -> None:
    goods = "甲方向乙方采购设备2台。乙方应在合同签订后30日内送货上门。"
    assert not fires("acceptance/no-objection-period", goods + text), text


def test_no_deemed_acceptance_points_at_the_last_inspection_clause() -> None:
    text = (
        GOODS
        + "买方应在交付日后15个工作日内对货物进行检验。\n货物符合约定的，买方签发验收证书。\n"
        + "验收证书的签发时间由买方根据其项目进度确定。"
    )
    (f,) = run_rule("acceptance/no-deemed-acceptance", text)
    assert "项目进度" in f.snippet


@pytest.mark.parametrize(
    "text",
    [
        "第五条 验收\n5.1 货到后买方组织验收。\n5.2 买方须于七个工作日内对货物进行检验并书面确认。",
        "8.1 设备安装完毕后，甲方组织验收。\n8.2 甲方应在十日内完成检验工作。",
        "六、验收\n东西送到后甲方验货。\n甲方要在3天内验完。",
    ],
)
def test_a_length_with_no_start_sets_no_length_for_a_start_only_clause(text: str) -> None:
    """A length whose start is not stated is window-no-start's; the start-only clause still lacks a length."""
    assert fires("acceptance/window-no-length", text)


@pytest.mark.parametrize(
    "text",
    [
        "5.1 货到后买方组织验收。\n5.2 买方应于货物到达之日起七个工作日内完成检验。",
        "8.1 设备安装完毕后，甲方组织验收。\n8.2 验收期限：安装完毕后十日。",
    ],
)
def test_a_full_window_elsewhere_is_the_start_only_clauses_length(text: str) -> None:
    assert not fires("acceptance/window-no-length", text)


# ----------------------------------------------------------------------------------------------------
# Acceptance, accuracy round 8: a certificate deemed signed on a stated day
# (验收证书视为已于期限届满之日签署) is deemed acceptance.


DEEMED = "acceptance/no-deemed-acceptance"


@pytest.mark.parametrize(
    "text",
    [
        "买方应在调试完成后5个工作日内签署验收证书；买方在该期限内既未签署也未书面说明理由的，"
        "验收证书视为已于该期限届满之日签署。",
        "甲方应于试运行结束后七日内出具终验报告，逾期未出具又未提出书面异议的，终验报告视为在第七日签发。",
        "需方应在到货后10日内完成验收并签署验收单；需方在10日内不签署且不书面说明理由的，"
        "验收单视为于期满次日签署。",
    ],
)
def test_a_certificate_deemed_signed_on_a_day_is_deemed_acceptance(text: str) -> None:
    assert not run_rule(DEEMED, GOODS + text)


NO_PERIOD = "acceptance/no-objection-period"
SALE = (
    "买卖合同\n甲方：绵阳涪城建材有限公司\n乙方：德阳旌阳石材有限公司\n一、货物\n花岗岩板材200平方米，单价300元。\n"
    "乙方于合同签订后20日内送货，甲方到货后3日内验收。\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "二、质量\n甲方在到货后十八个月内发现板材存在内在缺陷的，有权要求乙方更换。",
        "二、质量\n这一年里因为板材本身的质量出了问题的，乙方得认，负责退货。",
        "二、质量\n半年内（从卸货那天算）发现板材开裂的，乙方退一半的钱。",
        "二、质量\n板材自身的质量问题（起层、掉色）管两年，从到货那天算。",
    ],
)
def test_a_period_in_plain_words_is_an_objection_period(text: str) -> None:
    assert not run_rule(NO_PERIOD, SALE + text)


def test_a_contract_without_any_period_still_fires() -> None:
    assert run_rule(NO_PERIOD, SALE + "二、质量\n板材应符合国家标准，乙方随货提供合格证。")


NO_START = "acceptance/window-no-start"


@pytest.mark.parametrize(
    "text",
    [
        "任何一方违反质量条款且在15日内未予纠正的，守约方可书面通知解除本合同。",
        "乙方产品质量不达标，在20日内仍未整改的，甲方可以通知乙方终止合同。",
        "一方违反质量保证义务，经催告后30日内仍不改正的，对方可以书面形式通知解约。",
    ],
)
def test_a_notice_that_ends_the_contract_is_no_objection_window(text: str) -> None:
    assert not run_rule(NO_START, GOODS + text)


def test_a_notice_of_defects_without_a_start_still_fires() -> None:
    assert run_rule(NO_START, GOODS + "买方须在10日内书面通知乙方质量问题。")


NO_WINDOW = "acceptance/no-window"
PLAIN = GOODS


@pytest.mark.parametrize(
    "text",
    [
        "乙方交车时甲方在现场签了交接单，就算验过了。",
        "甲方可以试开一圈，当场签收交接单的，视为验收合格。",
        "货送到后甲方当面点清签字，签了字就当验收完了。",
    ],
)
def test_a_deemed_acceptance_on_the_spot_settles_the_timing(text: str) -> None:
    assert not run_rule(NO_WINDOW, PLAIN + text)


def test_a_deemed_acceptance_with_no_timing_still_fires() -> None:
    assert run_rule(NO_WINDOW, PLAIN + "甲方对叉车进行验收，验收合格后签署验收单。")


# ----------------------------------------------------------------------------------------------------
# Acceptance, accuracy round 7: a long warranty is a note, not a warning; a wear part's own short warranty
# beside the machine's is normal; a window's start read from the sentence before it or from an earlier window
# of the same length in the same section; windows in 工作天 (Traditional).


RANGE = "acceptance/objection-period-range"


@pytest.mark.parametrize(
    "text",
    [
        "质保期为验收合格之日起三十六个月。",
        "整机质量保证期 5 年，自终验收合格之日起算。",
        "按采购文件要求，设备保修期为三年。",
        "质保：主机质保 48 个月，附件质保 12 个月。",
    ],
)
def test_a_long_warranty_is_only_noted(text: str) -> None:
    found = run_rule(RANGE, GOODS + text)
    assert found and all(f.severity == Severity.INFO for f in found)
    assert "提示" in found[0].message and "Note" in found[0].message_en


@pytest.mark.parametrize(
    "text",
    [
        "整机质保期为验收合格之日起12个月。刀片属易损件，保修3个月（以先到者为准）。",
        "设备质保期为十二个月；滤芯等耗材保修一个月。",
        "质量保证期为验收合格后18个月，其中密封圈等易耗配件的质保期为3个月。",
        "整机保修一年。灯管属消耗品，保修六个月或1000小时，以先到者为准。",
        "易损件（皮带、刷子）保修三个月，整机保修一年。",
        "易损件的质保期为3个月，整机的质保期为12个月。",
    ],
)
def test_a_wear_part_short_warranty_beside_the_machine_is_normal(text: str) -> None:
    assert not fires(RANGE, GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "刀片属易损件，保修3个月。",  # no main warranty beside it
        "易损件保修3个月，整机保修4个月。",  # the machine's own is short too
        "整机质保期为验收合格之日起6个月。",
        "质量异议期为收货后两个月。",
        "产品保修半年。",
    ],
)
def test_short_periods_are_still_warned(text: str) -> None:
    found = run_rule(RANGE, GOODS + text)
    assert found and found[0].severity == Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "货到那天双方一起开箱试机，每台都要开一遍。试机发现问题，买方3天内发微信说明；3天内买方没说的，就算验收通过了。",
        "东西送到后，甲方当场清点。5日内甲方没有提出书面异议的，视为验收合格。",
        "货物运抵甲方仓库当日，双方共同点数。甲方应在7日内完成外观检验，逾期视为合格。",
    ],
)
def test_a_window_takes_the_handover_of_the_sentence_before(text: str) -> None:
    assert not fires("acceptance/window-no-start", GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "1. 甲方收到货后5天内点数、看外观，有问题拍照发给乙方。\n2. 5天内没提出来的，就当验收合格。",
        "（一）买方应于货到之日起十日内完成检验。\n（二）十日内买方未书面提出异议的，视为验收合格。",
    ],
)
def test_a_window_of_the_same_length_in_the_section_takes_its_start(text: str) -> None:
    assert not fires("acceptance/window-no-start", GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "乙方应于合同签订后30日内交货。甲方应在5日内验收，逾期视为合格。",  # a signing is no handover
        "本合同自双方签字之日起生效。甲方应在3日内完成验收。",
    ],
)
def test_a_signing_before_the_window_is_not_its_start(text: str) -> None:
    assert fires("acceptance/window-no-start", "第五条 验收\n" + text)


@pytest.mark.parametrize(
    "text",
    [
        "買方應於貨物運抵之日起七個工作天內完成數量及外觀檢驗，並於十五個工作天內完成性能檢測；",
        "買方應於到貨後五個工作天內驗收。",
        "买方应在到货后3个工作天内完成验收。",
    ],
)
def test_windows_in_working_days_of_the_traditional_spelling_have_a_length(text: str) -> None:
    assert not fires("acceptance/window-no-length", GOODS + text)
