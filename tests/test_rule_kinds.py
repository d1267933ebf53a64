"""Rule applicability by document kind: ``kinds=`` on the rule decorator, the engine skipping rules whose
kinds leave out the document's kind (``Structure.applicable_kind``), and the reference printing the kinds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from conftest import make_rule
from hypothesis import given
from hypothesis import strategies as st

from contractkit.checks.base import KINDS, REGISTRY, Rule, check_kinds, rule
from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.findings import Finding
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
    return make_rule("test/always", _always, kinds)


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


def _decorate(rule_id: str, kinds) -> None:
    """Register ``_always`` under ``rule_id`` through the public decorator, with these kinds."""
    rule(
        id=rule_id,
        title="t",
        title_en="t",
        severity="warning",
        why="w",
        why_en="w",
        basis="b",
        fix="f",
        bad=["x"],
        good=["y"],
        kinds=kinds,
    )(_always)


@pytest.mark.parametrize("bad", [(), ("contracts",), ("quote", "invoice"), "quote"])
def test_decorator_rejects_unknown_or_empty_kinds(bad) -> None:
    with pytest.raises(ValueError, match="kinds"):
        _decorate("test/bad-kinds", bad)
    assert "test/bad-kinds" not in REGISTRY


def test_decorator_keeps_kinds_in_canonical_order() -> None:
    try:
        _decorate("test/quote-only", ("quote", "contract"))
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


# --- which kind a document is, in layouts no corpus holds --------------------------------------------------

ORDERS = [
    # a PDF line with the spread title glued to the form's first fields
    "要 货 单要货单号 YH-2027-0412 要货日期 2027 年 8 月 2 日 需方 宁波港城食品有限公司 "
    "供方 余姚市明湖包装材料厂\n序号 品名 规格 数量\n1 瓦楞纸箱 五层 3000 只",
    # a scan that split the title over two lines
    "订\n货 单\n订货单位：常州溧江电机有限公司\n供货单位：无锡锡北铜材有限公司\n1. 无氧铜杆 8mm 12 吨",
    # Traditional Chinese
    "訂單\n訂單編號：TW-88120\n買方：高雄港灣貿易股份有限公司\n"
    "賣方：東莞市長安精密五金廠\n品名：不鏽鋼螺絲 M6 50000 支",
    # a master carton and a steel framework are no framework agreement
    "PURCHASE ORDER\nPO No. 5520-17\nPacking: 24 pcs per master carton.\n1 Ceramic mug 350 ml 4800 pcs",
    "采购订单\n订单编号：GJ-0311\n货物：钢结构框架 2 套，按买方图纸制作。",
    # no title at all, only an order form's fields
    "PO No.: 4500219931\nOrder Date: 2027-03-02\n"
    "Vendor: Jiaxing Hengfeng Textile Co., Ltd.\n1 Cotton yarn 32s 5 t",
]
CALL_OFFS = [
    "采购订单\n订单编号：CG-0093\n本订单未约定事项，按双方签订的年度供货协议执行。\n1 液压油 46# 20 桶",
    "订货单\n订货单号：DH-556\n交货、验收及付款：按协议第 3 条、第 4 条执行。\n1 轴承 6205 500 套",
    "PURCHASE ORDER\nPO No. 7781\n"
    "This order is issued in accordance with the Supply Agreement dated 2 Jan 2027.\n"
    "1 Valve DN50 40 pcs",
]
QUOTES = [
    "报价函\n致：杭州临平纺织机械有限公司\n感谢贵司询价，我司报价如下：\n"
    "1 剑杆织机 4 台 单价 128,000 元\n本报价有效期三十日。",
    # a letterhead with a code on its own line and no title: a letter to 贵院 that quotes
    "济南某某仪器有限公司\n913701123E8R5Y1U4X\n编号：BJ-2026-88\n尊敬的王教授：\n感谢贵院询价，我司报价如下：\n"
    "1 通风柜 1500mm 6 台 单价 21,800 元\n本报价含税、含安装。",
    "询价回复\n贵公司 3 月 5 日询价单收悉，现将报价回复如下：\n不锈钢管 304 DN25 单价 36 元/米。",
    "報價單\n報價單號：Q-2027-118\n客戶：澳門新濠酒店管理有限公司\n"
    "骨瓷餐盤 10 吋 1200 件 單價 58 元\n報價有效期：30 天",
    "产品价格表\n型号 单价\nA-100 1,200.00\nA-200 1,850.00\n以上价格有效期至 2027 年 12 月 31 日。",
    "Quotation No.: QT-2027-0519\nQuotation Date: 5 May 2027\nTo: Shenzhen Bright Lighting Co., Ltd.\n"
    "LED panel 600x600 500 pcs USD 12.50",
]
CONTRACTS = [
    # a full contract that speaks of orders stays a contract
    "年度供货合同\n甲方（买方）：苏州吴中机电有限公司\n乙方（卖方）：嘉兴嘉禾线缆有限公司\n"
    "第一条 买方以采购订单形式下达具体需求，订单编号由买方编制。\n第二条 争议提交苏州仲裁委员会仲裁。",
    # a framework agreement is no call-off, though it names the orders under it
    "设备备件采购框架协议\n甲方：上海申能设备有限公司\n乙方：南京宁菱机械有限公司\n"
    "每一份订单均为本协议项下的订单，订单未约定事项按本协议执行。",
    # a contract that mentions another agreement it is not placed under
    "产品买卖合同\n出卖人：临沂沂蒙建材有限公司\n买受人：日照港建工程有限公司\n"
    "双方另行签订的《质量保证协议》为本合同附件。",
    # a contract made under a framework stays a contract (its own clauses are judged as a contract's)
    "采购合同\n合同编号：HT-2027-31\n"
    "本合同为双方《2027年度劳保用品采购框架协议》项下的具体采购合同，未约定事项以该协议为准。\n"
    "1 防寒手套 800 双",
    # a field line above the title is no title
    "合同编号：XS-2027-009\n设备买卖合同\n甲方：青岛海川食品有限公司\n乙方：潍坊昌乐包装机械厂",
]


@pytest.mark.parametrize("text", ORDERS)
def test_stand_alone_orders(text: str) -> None:
    assert extract_text(text).structure.applicable_kind == "order"


@pytest.mark.parametrize("text", CALL_OFFS)
def test_call_offs(text: str) -> None:
    s = extract_text(text).structure
    assert s.applicable_kind == "call_off" and s.under_agreement and s.incorporates is not None


@pytest.mark.parametrize("text", QUOTES)
def test_quotes(text: str) -> None:
    assert extract_text(text).structure.applicable_kind == "quote"


@pytest.mark.parametrize("text", CONTRACTS)
def test_contracts_stay_contracts(text: str) -> None:
    s = extract_text(text).structure
    assert s.applicable_kind == "contract" and not s.under_agreement


def test_a_glued_title_is_read_whole_and_located() -> None:
    c = extract_text(ORDERS[0])
    s = c.structure
    assert s.title == "要货单"
    assert s.title_where is not None and s.title_where.text(c.doc) == "要 货 单"


def test_a_crash_reading_the_kind_runs_every_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    import contractkit.lint as lint

    def boom(doc: Document) -> str:
        raise RuntimeError("structure kaput")

    monkeypatch.setattr(lint, "document_kind", boom)
    r = _rule(("quote",))
    assert any(f.rule == r.id for f in lint_text(CONTRACT, Settings(), rules=[r]))


def test_cli_rules_prints_kinds_in_text_and_json() -> None:
    """`contractkit rules ID` says which documents a rule applies to, in text (both languages) and JSON."""
    import json

    from click.testing import CliRunner

    from contractkit.cli import cli

    runner = CliRunner()
    zh = runner.invoke(cli, ["rules", "penalty/no-late-delivery-penalty"])
    en = runner.invoke(cli, ["rules", "penalty/no-late-delivery-penalty", "--lang", "en"])
    js = runner.invoke(cli, ["rules", "penalty/no-late-delivery-penalty", "--format", "json"])
    assert "适用文件：合同、独立订单" in zh.output
    assert "Applies to:" in en.output and "quote" not in en.output.split("Applies to:")[1].splitlines()[0]
    assert json.loads(js.output)["kinds"] == ["contract", "order"]
