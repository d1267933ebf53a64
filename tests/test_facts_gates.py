"""The shared gate scan answers exactly what a scan of each word tuple on its own would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.contract.dispute import CONTEXT_WORDS, TRIGGER_WORDS
from contractkit.facts.document import block_indices_naming, forget
from contractkit.facts.gates import blocks_naming_any, register
from contractkit.readers.model import Block, Document, Location

_REGISTERED = (CONTEXT_WORDS, TRIGGER_WORDS, ("争议",), ("仲裁",))
_PIECES = ("争议", "仲裁", "法院", "诉讼", "协商不成", "纠纷", "违约金", "|", "验收", "甲方", "，", " ", "x")


def _doc(lines: list[str]) -> Document:
    blocks = [Block(text=t, norm=t, location=Location(index=i)) for i, t in enumerate(lines)]
    return Document("t.txt", "text", blocks)


def test_real_dispute_clause() -> None:
    clause = "因本合同发生的纠纷，双方协商不成的，提交北京仲裁委员会仲裁。"
    doc = _doc(["第十条 争议解决", clause, "第十一条 其他"])
    assert blocks_naming_any(doc, CONTEXT_WORDS) == [0, 1]
    assert blocks_naming_any(doc, ("仲裁",)) == [1]
    assert blocks_naming_any(doc, TRIGGER_WORDS) == [1]
    forget(doc)


def test_unregistered_words_are_scanned_on_their_own() -> None:
    doc = _doc(["甲方：某某公司", "乙方：某某厂"])
    assert blocks_naming_any(doc, ("乙方", "厂长")) == [1]
    forget(doc)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), max_size=12))
def test_same_as_a_scan_of_each_tuple(lines: list[str]) -> None:
    register(*_REGISTERED)
    doc = _doc(lines)
    try:
        for words in _REGISTERED:
            assert blocks_naming_any(doc, words) == block_indices_naming(doc, words)
    finally:
        forget(doc)
