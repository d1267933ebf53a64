"""Model-form choices (facts/choices.py): only the ticked option of a choice is a term of the contract."""

from __future__ import annotations

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.facts.choices import MASK, mask_unchosen
from contractkit.lint import lint_document, lint_text
from contractkit.readers.dispatch import read_document
from contractkit.readers.text import document_from_text


def _rules(findings, prefix=""):
    return sorted(
        {f.rule for f in findings if f.rule.startswith(prefix) and f.severity.name in ("ERROR", "WARNING")}
    )


def _norms(text: str) -> list[str]:
    return [b.norm for b in mask_unchosen(document_from_text(text).blocks)]


# A rate of 千分之五 a day (182.5 %/yr) offered as the option NOT ticked; the ticked one is lawful and capped.
PENALTY_FORMS = [
    "违约责任：（1）□ 逾期付款的，每日按未付款的千分之五支付违约金；"
    "（2）☑ 逾期付款的，每日按未付款的万分之三支付违约金，"
    "违约金总额不超过合同总价的10%。",
    "逾期付款违约金标准：☑ 每日万分之三，累计不超过未付款的10% □ 每日千分之五",
    "逾期付款违约金：\n□ 按日千分之五计算；\n☑ 按日万分之三计算，总额不超过合同价款的10%。",
    "逾期付款違約金：[√] 每日萬分之三，累計不超過合同總價的10%；[ ] 每日千分之五。",
    "| 逾期付款违约金 | □ 每日千分之五 | ■ 每日万分之三，以合同总价10%为限 |",
    "逾期付款违约金：(√) 按LPR的1.5倍计算 ( ) 每日千分之五",
]


@pytest.mark.parametrize("form", PENALTY_FORMS)
def test_unticked_penalty_option_is_not_read(form):
    """The unticked 千分之五 option is no term: no rate-above-cap on it (it was reported before)."""
    assert "penalty/rate-above-cap" not in _rules(lint_text(form), "penalty/")


@pytest.mark.parametrize(
    "form",
    [
        "违约责任：（1）☑ 逾期付款的，每日按未付款的千分之五支付违约金；"
        "（2）□ 逾期付款的，每日按未付款的万分之三支付违约金。",
        "逾期付款违约金：\n☑ 按日千分之五计算；\n□ 按日万分之三计算。",
        "逾期付款违约金：每日千分之五。",  # no choice at all
        "逾期付款违约金：□ 每日千分之五 □ 每日万分之三",  # nothing ticked: every option is read
    ],
)
def test_ticked_or_undecided_high_rate_is_still_found(form):
    assert "penalty/rate-above-cap" in _rules(lint_text(form), "penalty/")


@pytest.mark.parametrize(
    "form",
    [
        "争议解决方式：\n□ 提交杭州仲裁委员会仲裁；\n☑ 向甲方所在地人民法院起诉。",
        "争议解决方式：☑ 诉讼：向原告所在地人民法院起诉 □ 仲裁：提交杭州仲裁委员会仲裁",
        "| 争议解决 | ☐ 杭州仲裁委员会仲裁 | ☒ 甲方住所地人民法院诉讼 |",
        "爭議解決：■ 向買受人所在地人民法院起訴；□ 提交廣州仲裁委員會仲裁。",
    ],
)
def test_one_ticked_forum_is_one_forum(form):
    assert "dispute/arbitration-and-court" not in _rules(lint_text(form), "dispute/")


def test_two_ticked_forums_are_still_both_chosen():
    form = "争议解决方式：\n☑ 提交杭州仲裁委员会仲裁；\n☑ 向甲方所在地人民法院起诉。"
    assert "dispute/arbitration-and-court" in _rules(lint_text(form), "dispute/")


def test_options_in_word_table_cells(tmp_path):
    """A docx form whose options sit in table cells, one option per cell: the unticked cell is masked."""
    d = docx.Document()
    d.add_paragraph("第八条 违约责任")
    t = d.add_table(rows=1, cols=3)
    t.cell(0, 0).text = "逾期付款违约金"
    t.cell(0, 1).text = "□ 每日按未付款的千分之五"
    t.cell(0, 2).text = "☑ 每日按未付款的万分之三，总额不超过合同总价的10%"
    path = tmp_path / "form.docx"
    d.save(path)
    doc = read_document(path)
    assert "penalty/rate-above-cap" not in _rules(lint_document(doc), "penalty/")
    masked = [b for b in mask_unchosen(doc.blocks) if MASK in b.norm]
    assert [b.text for b in masked] == ["□ 每日按未付款的千分之五"]


@pytest.mark.parametrize(
    "text",
    [
        "乙方□期交货的，每日按货款的万分之三支付违约金。",  # □ for a character OCR could not read
        "付款方式：□电汇 □承兑汇票",  # nothing ticked
        "付款方式：☑电汇 ☑承兑汇票",  # everything ticked
        "甲方（盖章）：",
        "验收合格（√）",
    ],
)
def test_no_decided_choice_leaves_text_alone(text):
    assert _norms(text) == [b.norm for b in document_from_text(text).blocks]


def test_only_the_unticked_option_is_masked_inline():
    (norm,) = _norms("付款方式：☑电汇 □商业承兑汇票 □银行承兑汇票。其余按第五条执行。")
    assert norm.startswith("付款方式:☑电汇 ")
    assert "承兑" not in norm
    assert norm.endswith("其余按第五条执行。")


_OPTION = st.text(alphabet="甲乙方付款电汇承兑汇票日万分之三五", min_size=1, max_size=12)


@given(st.lists(st.tuples(st.booleans(), _OPTION), min_size=1, max_size=5), st.booleans())
def test_masking_keeps_length_and_is_idempotent(options, per_line):
    """norm keeps text's length (findings quote by offset); masking is idempotent; ticked options stay."""
    sep = "\n" if per_line else " "
    text = "选项：" + sep + sep.join(("☑ " if t else "□ ") + o for t, o in options)
    blocks = document_from_text(text).blocks
    once = mask_unchosen(blocks)
    assert [len(b.norm) for b in once] == [len(b.text) for b in blocks]
    assert [b.norm for b in mask_unchosen(once)] == [b.norm for b in once]
    decided = any(t for t, _ in options) and not all(t for t, _ in options)
    joined = "\n".join(b.norm for b in once)
    for ticked, option in options:
        if ticked or not decided:
            assert option in joined


PICK_FORMS = [
    "协商不成的，按下列第（二）种方式解决：（一）提交杭州仲裁委员会仲裁；（二）依法向甲方所在地人民法院起诉。",
    "争议解决方式：双方选择第2种：\n1. 提交杭州仲裁委员会仲裁；\n2. 向甲方所在地人民法院起诉。",
    "（1）提交杭州仲裁委员会仲裁；（2）向甲方住所地人民法院起诉。双方选择第（2）种。",
    "協商不成的，按下列第（二）種方式解決：（一）提交廣州仲裁委員會仲裁；（二）向買受人所在地人民法院起訴。",
    "争议解决：采用以下第②种方式：①提交杭州仲裁委员会仲裁 ②向甲方所在地人民法院起诉",
]


@pytest.mark.parametrize("form", PICK_FORMS)
def test_picked_by_number_is_one_forum(form):
    assert "dispute/arbitration-and-court" not in _rules(lint_text(form), "dispute/")


def test_picked_penalty_option_leaves_the_other_unread():
    form = (
        "逾期付款违约金按下列第（1）种方式计算：（1）每日按未付款的万分之三，总额不超过合同总价的10%；"
        "（2）每日按未付款的千分之五。"
    )
    assert "penalty/rate-above-cap" not in _rules(lint_text(form), "penalty/")
    assert "penalty/rate-above-cap" in _rules(lint_text(form.replace("第（1）种", "第（2）种")), "penalty/")


@pytest.mark.parametrize(
    "text",
    [
        "协商不成的，按下列第____种方式解决：（一）提交杭州仲裁委员会仲裁；（二）依法向甲方所在地人民法院起诉。",
        "逾期超过30日的，依第二项处理：（1）解除合同（2）继续履行",  # 项 cites an item, no list word
        "按下列第（三）种方式解决：（一）仲裁；（二）诉讼。",  # the pick names no offered option
    ],
)
def test_no_pick_leaves_options_alone(text):
    assert _norms(text) == [b.norm for b in document_from_text(text).blocks]
