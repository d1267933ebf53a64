"""Rule applicability by document kind: ``kinds=`` on the rule decorator, the engine skipping rules whose
kinds leave out the document's kind (``Structure.applicable_kind``), and the reference printing the kinds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.checks.base import KINDS, REGISTRY, Rule, check_kinds, rule
from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.findings import Finding, Severity
from contractkit.lint import lint_text
from contractkit.readers.model import Document
from contractkit.rules_doc import kinds_text, rules_markdown

CONTRACT = (
    "购销合同\n甲方（买方）：苏州精工机械有限公司\n乙方（卖方）：沈阳华力机床有限公司\n"
    "第一条 标的\n数控车床 2 台。"
)
ORDER = (
    "采购订单\n订单编号：PO-2026-118\n买方：苏州精工机械有限公司\n"
    "供应商：沈阳华力机床有限公司\n数控车床 2 台。"
)
CALL_OFF = (
    "采购订单\n订单编号：PO-2026-119\n买方：苏州精工机械有限公司\n供应商：沈阳华力机床有限公司\n"
    "本订单依据双方签订的《2026年度采购框架协议》下达，未尽事宜按该协议执行。\n数控车床 2 台。"
)
QUOTE = "报价单\n报价方：沈阳华力机床有限公司\n询价方：苏州精工机械有限公司\n数控车床 2 台，单价 180,000 元。"
TEXTS = {"contract": CONTRACT, "order": ORDER, "call_off": CALL_OFF, "quote": QUOTE}


def _always(doc: Document, ctx) -> Iterator[Finding]:
    yield ctx.report(None, "测试", "test")


def _rule(kinds: tuple[str, ...]) -> Rule:
    return Rule(
        id="test/always",
        title="t",
        title_en="t",
        severity=Severity.WARNING,
        why="",
        why_en="",
        basis="",
        fix="",
        bad=("x",),
        good=("y",),
        params=(),
        check=_always,
        kinds=kinds,
    )


@pytest.mark.parametrize(("kind", "text"), TEXTS.items())
def test_applicable_kind_of_each_kind_of_document(kind: str, text: str) -> None:
    assert extract_text(text).structure.applicable_kind == kind


@given(st.sets(st.sampled_from(KINDS), min_size=1), st.sampled_from(sorted(TEXTS)))
def test_engine_runs_a_rule_only_on_its_kinds(kinds: set[str], doc_kind: str) -> None:
    r = _rule(check_kinds("test/always", kinds))
    found = [f for f in lint_text(TEXTS[doc_kind], Settings(), rules=[r]) if f.rule == r.id]
    assert bool(found) == (doc_kind in kinds)


def test_default_rule_runs_on_every_kind() -> None:
    r = _rule(KINDS)
    for text in TEXTS.values():
        assert any(f.rule == r.id for f in lint_text(text, Settings(), rules=[r]))


def _never(doc: Document, ctx) -> Iterator[Finding]:
    return iter(())


def test_suppression_of_a_skipped_rule_is_not_called_unused() -> None:
    r = replace(_rule(("contract",)), check=_never)
    text = "\ncontractkit: ignore test/always 报价单不适用"
    on_quote = {f.rule for f in lint_text(QUOTE + text, Settings(), rules=[r])}
    on_contract = {f.rule for f in lint_text(CONTRACT + text, Settings(), rules=[r])}
    assert "meta/unused-suppression" not in on_quote  # the rule did not run on a quote
    assert "meta/unused-suppression" in on_contract  # it ran on the contract and found nothing


@pytest.mark.parametrize("bad", [(), ("contracts",), ("quote", "invoice"), "quote"])
def test_decorator_rejects_unknown_or_empty_kinds(bad) -> None:
    with pytest.raises(ValueError, match="kinds"):
        rule(
            id="test/bad-kinds",
            title="t",
            title_en="t",
            severity="warning",
            why="w",
            why_en="w",
            basis="b",
            fix="f",
            bad=["x"],
            good=["y"],
            kinds=bad,
        )(_always)
    assert "test/bad-kinds" not in REGISTRY


def test_decorator_keeps_kinds_in_canonical_order() -> None:
    try:
        rule(
            id="test/quote-only",
            title="t",
            title_en="t",
            severity="warning",
            why="w",
            why_en="w",
            basis="b",
            fix="f",
            bad=["x"],
            good=["y"],
            kinds=("quote", "contract"),
        )(_always)
        assert REGISTRY["test/quote-only"].kinds == ("contract", "quote")
    finally:
        REGISTRY.pop("test/quote-only", None)


def test_reference_prints_each_rules_kinds() -> None:
    some = _rule(("contract", "order"))
    every = _rule(KINDS)
    assert kinds_text(some, "zh") == "合同、独立订单"
    assert kinds_text(some, "en") == "contract, stand-alone order"
    assert kinds_text(every, "en") == "every document"
    page = rules_markdown([some])
    assert "适用文件 / Applies to: 合同、独立订单 / contract, stand-alone order" in page
