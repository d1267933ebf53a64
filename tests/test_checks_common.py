"""Shared rule helpers: the per-document clause index must give exactly what a plain clause loop gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.checks._common import (
    _letter_counts,
    all_clauses,
    block_indices_naming,
    blocks_naming,
    clauses_naming,
    forget,
    iter_blocks_naming,
)
from contractkit.checks.base import clause_around
from contractkit.readers.text import document_from_text

WORDS = ("违约金", "验收", "定金", "息", "付款")
ALPHABET = st.sampled_from([*"违约金验收定付款息利订甲乙方，。；;\n 12", "违约金", "验收合格", "订金"])


@given(text=st.lists(ALPHABET, max_size=60).map("".join), words=st.sets(st.sampled_from(WORDS), min_size=1))
@settings(max_examples=300, deadline=None)
def test_clauses_naming_equals_filtered_clause_loop(text: str, words: set[str]) -> None:
    doc = document_from_text(text)
    ws = tuple(sorted(words))
    expected = [c for c in all_clauses(doc) if any(w in c[3] for w in ws)]
    assert clauses_naming(doc, ws) == expected
    forget(doc)


def test_clauses_naming_on_a_draft() -> None:
    doc = document_from_text("第一条 付款\n验收合格后付款；逾期付款的支付违约金。\n第二条 其他\n无。")
    hits = clauses_naming(doc, ("违约金",))
    assert [c[3] for c in hits] == ["逾期付款的支付违约金。"]
    assert [c[0].location.line for c in clauses_naming(doc, ("付款",))] == [1, 2, 2]


@given(text=st.text(alphabet=st.sampled_from([*"甲乙方合同abcXYZ é_12３，。 \n", "\u9fff", "\u4e00", "①"])))
@settings(max_examples=300, deadline=None)
def test_letter_counts_match_the_plain_definition(text: str) -> None:
    # is_chinese counts CJK ideographs and letters (word characters that are not digits or "_")
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    letters = len(re.findall(r"[^\W\d_]", text))
    assert _letter_counts(text) == (cjk, letters)


NAMING_WORDS = ("美元", "$", "壹", "零", "信用代码")
NAMING_ALPHABET = st.sampled_from([*"美元$壹零信用代码甲方，。\n 12", "美元", "信用代码", "USD"])


@given(
    text=st.lists(NAMING_ALPHABET, max_size=60).map("".join),
    words=st.sets(st.sampled_from(NAMING_WORDS), max_size=5),
)
@settings(max_examples=300, deadline=None)
def test_blocks_naming_equals_filtered_block_loop(text: str, words: set[str]) -> None:
    doc = document_from_text(text)
    ws = tuple(sorted(words))
    expected = [i for i, b in enumerate(doc.blocks) if any(w in b.norm for w in ws)]
    assert block_indices_naming(doc, ws) == expected
    assert blocks_naming(doc, ws) == [doc.blocks[i] for i in expected]
    assert list(iter_blocks_naming(doc, ws)) == [doc.blocks[i] for i in expected]
    forget(doc)


def test_naming_on_an_empty_document() -> None:
    doc = document_from_text("")
    assert clauses_naming(doc, ("",)) == [] and block_indices_naming(doc, ("甲", "乙", "丙", "丁")) == []


@given(
    text=st.text(alphabet=st.sampled_from([*"甲乙方付款，。；;！!？?\n ab"]), max_size=80),
    data=st.data(),
)
@settings(max_examples=300, deadline=None)
def test_clause_around_quotes_the_sentence_holding_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    ends = "。；;！!？?\n"
    # the sentence: from just after the last end mark before the span to the first end mark at/after its end
    a = max((i + 1 for i, c in enumerate(text[:start]) if c in ends), default=0)
    b = next((i + 1 for i in range(end, len(text)) if text[i] in ends), len(text))
    expected = text[a:b].strip()
    if len(expected) <= 160:
        assert clause_around(text, (start, end)) == expected
    assert clause_around(text, None) == text.strip()


def test_clause_around_a_span() -> None:
    text = "第一条 付款。甲方验收合格后付款；逾期的，每日按万分之五支付违约金。"
    assert (
        clause_around(text, (text.index("万分之五"), text.index("万分之五") + 4))
        == "逾期的，每日按万分之五支付违约金。"
    )


def test_a_pdf_quote_whose_running_header_runs_into_the_title_is_a_quote() -> None:
    from contractkit.facts.document import is_quote
    from contractkit.readers.text import document_from_text

    header = "上海云启信息技术有限公司\u3000报价单编号：BJ-2026-0312办公 IT 设备报价单\n报价日期：2026年3月\n"
    assert is_quote(document_from_text(header))
    assert not is_quote(document_from_text("上海云启信息技术有限公司 合同编号：HT-1 设备买卖合同\n"))
