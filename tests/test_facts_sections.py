"""Section headings, section numbers, clause splitting and assigning blocks to sections."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.facts import assign_sections, heading_of, section_number, sections, split_clauses
from contractkit.readers.model import Block, Location

HEADINGS = [
    ("第五条 验收", "第五条 验收", "5"),
    ("第5条", "第5条", "5"),
    ("第十二条　争议解决", "第十二条 争议解决", "12"),
    ("五、验收", "五、验收", "5"),
    ("5. 验收", "5. 验收", "5"),
    ("5.2 验收标准", "5.2 验收标准", "5.2"),
    ("（一）验收方式", "（一）验收方式", "1"),
    ("第一条 合同标的、数量、价款：乙方应按附件交货", "第一条 合同标的、数量、价款", "1"),
    ("## 第六条 违约责任", "第六条 违约责任", "6"),
    ("第三章 付款", "第三章 付款", "3"),
    ("1） 卖的是什么", "1） 卖的是什么", "1"),
    ("2)多少钱", "2) 多少钱", "2"),
]


@pytest.mark.parametrize(("text", "label", "number"), HEADINGS)
def test_heading(text: str, label: str, number: str) -> None:
    assert heading_of(text) == label
    assert section_number(text) == number


BODY = [
    "甲方应当在到货后72小时内验收。",
    "1.甲方在本合同生效后    日内一次性缴付培训服务费用至乙方预收资金存管",
    "3.保证金扣除后，不足以抵偿乙方应承担的金额",
    "5.2%的费用由甲方承担",
    "2026年12月31日前付清",
    "1）甲方应在收货后三日内验收，逾期视为合格。",
    "2)5%的质保金在一年后退还",
    "",
]


@pytest.mark.parametrize("text", BODY)
def test_body_is_not_heading(text: str) -> None:
    assert heading_of(text) is None


def _blocks(lines: list[str]) -> list[Block]:
    return [Block(text=t, norm=t, location=Location(index=i)) for i, t in enumerate(lines)]


def test_assign_sections_articles() -> None:
    lines = [
        "买卖合同",
        "第一条 标的",
        "1.1 名称",
        "产品：服务器",
        "第二条 付款",
        "（一）预付款",
        "合同签订后支付30%",
    ]
    out = assign_sections(_blocks(lines))
    assert [b.section for b in out] == [
        None,
        "第一条 标的",
        "第一条 标的",
        "第一条 标的",
        "第二条 付款",
        "第二条 付款",
        "第二条 付款",
    ]
    assert [b.text for b in out] == lines  # new blocks, same text


def test_assign_sections_cn_list_with_arabic_items() -> None:
    lines = ["一、验收", "1. 验收标准", "到货后72小时内验收", "二、付款", "验收合格后支付"]
    out = assign_sections(_blocks(lines))
    assert [b.section for b in out] == ["一、验收", "一、验收", "一、验收", "二、付款", "二、付款"]


def test_assign_sections_real_contract(corpus_dir) -> None:
    text = (corpus_dir / "zh" / "beijing-bf-2024-2726-jidongche-jiashi-peixun-fuwu.txt").read_text(
        encoding="utf-8"
    )
    out = assign_sections(_blocks(text.splitlines()))
    assert any(b.section and b.section.startswith("第") for b in out)
    last = next(b for b in out if "本合同生效后" in b.norm and "缴付" in b.norm)
    assert last.section is not None


CLAUSES = [
    ("甲方付款。乙方交货；双方验收", ["甲方付款。", "乙方交货；", "双方验收"]),
    ("到货后72小时内验收，验收合格后付款。", ["到货后72小时内验收，验收合格后付款。"]),
    ("第一行\n第二行;第三句", ["第一行", "第二行;", "第三句"]),
    ("  ", []),
]


@pytest.mark.parametrize(("text", "parts"), CLAUSES)
def test_split_clauses(text: str, parts: list[str]) -> None:
    assert [text[s:e] for s, e in split_clauses(text)] == parts


@given(
    st.lists(st.sampled_from([*"第一二十三条章、.（()）１23 4.5%#", "部分", "5.2", "12"]), max_size=12).map(
        "".join
    )
)
@settings(max_examples=400, deadline=None)
def test_one_pass_heading_match_equals_trying_each_kind_in_order(text: str) -> None:
    expected = next(((k, rx.match(text)) for k, rx in sections._KINDS.items() if rx.match(text)), None)
    got = sections._match(text)
    if expected is None:
        assert got is None
    else:
        kind, m = expected
        assert got == (kind, m.end(), m.group("num"))


_CLAUSE_CHARS = st.sampled_from(list("ab 。；;!?！？\n\r\t\u3000，"))


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=_CLAUSE_CHARS, max_size=20), max_size=6))
def test_clause_spans_many_is_clause_spans_of_each(texts: list[str]) -> None:
    # one regex pass over the joined texts finds in each what a scan of it alone finds
    from contractkit.facts import sentences

    sentences.clause_spans.cache_clear()
    many = sentences.clause_spans_many(texts)
    sentences.clause_spans.cache_clear()
    assert many == [tuple(split_clauses(t)) for t in texts]


def test_clause_spans_many_on_contract_lines() -> None:
    from contractkit.facts.sentences import clause_spans_many

    lines = ["验收合格后付款。逾期按日万分之五；", "  甲方：____  ", "", "第五条 验收"]
    assert clause_spans_many(lines) == [((0, 8), (8, 17)), ((2, 9),), (), ((0, 6),)]


# A PDF line that runs a heading into its first clause (Word numbering rendered as text, no line break).
GLUED = [
    ("9 合同期限与修改9.1 本合同自双方签字盖章之日起生效。", "9 合同期限与修改", "9"),
    ("第九条 合同期限9.1 本合同有效期为一年。", "第九条 合同期限", "九"),
    ("第9条 违约责任 9.1乙方逾期交货的，每日按货款的0.5‰支付违约金。", "第9条 违约责任", "9"),
    ("九、质量保证9.1 卖方保证货物为全新原装。", "九、质量保证", "九"),
    ("12. 争议解决12.1 因本合同引起的争议，提交买方所在地法院诉讼解决。", "12. 争议解决", "12"),
]


@pytest.mark.parametrize(("text", "label", "number"), GLUED)
def test_heading_glued_to_its_first_clause(text: str, label: str, number: str) -> None:
    assert sections._heading(text) is not None
    assert heading_of(text) == label
    assert sections._heading(text)[2] == number


GLUED_NOT = [
    ("2 个工作日内2.1 交付", None),  # a count, not a heading
    ("5 质保期5.1年", None),  # a period
    ("第五条 付款5.1%的违约金由乙方承担，甲方", "第五条 付款5.1%的违约金由乙方承担"),  # an amount: as before
    ("9 合同期限与修改10.1 本合同…", None),  # the clause of another section: no glued title
    ("3 台设备，3.1 验收", None),  # a sentence before the number
    ("1 / 1.1 / 1.1.1; 上海国际经济贸易仲裁委员会", None),  # numbering levels listed: no title
]


@pytest.mark.parametrize(("text", "label"), GLUED_NOT)
def test_not_a_glued_heading(text: str, label: str | None) -> None:
    assert heading_of(text) == label


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=40),
    title=st.sampled_from(["合同期限与修改", "付款方式", "验收", "不可抗力", "知识产权与保密", "争议解决"]),
    sep=st.sampled_from(["", " ", "  "]),
    clause=st.sampled_from(["本合同自签订之日起生效。", "买方应于到货后3日内验收。", "甲方"]),
)
def test_glued_heading_any_number_and_title(n: int, title: str, sep: str, clause: str) -> None:
    assert heading_of(f"{n} {title}{sep}{n}.1 {clause}") == f"{n} {title}"
    assert heading_of(f"第{n}条 {title}{sep}{n}.1{clause}") == f"第{n}条 {title}"


def test_glued_headings_open_sections_of_a_pdf_page() -> None:
    lines = [
        "采购合同",
        "8 交货8.1 卖方应于2026年3月1日前交货。",
        "8.2 交货地点为买方仓库。",
        "9 合同期限与修改9.1 本合同自双方签字盖章之日起生效。",
        "9.2 本合同的修改须经双方书面同意。",
    ]
    out = assign_sections(_blocks(lines))
    assert [b.section for b in out] == [None, "8 交货", "8 交货", "9 合同期限与修改", "9 合同期限与修改"]


def test_a_bare_numbered_title_alone_heads_a_section_only_when_its_first_clause_follows():
    from contractkit.facts.sections import assign_sections, heading_of, headings
    from contractkit.readers.model import Block, Location

    for text in ("3 检验与验收", "12 违约责任", "1 定义", "9 合同期限与修改"):
        assert heading_of(text) == text, text  # it reads as a title
    for text in ("2 台 45,500.00", "2 个工作日内", "3 检验与验收。", "15 甲方应于…", "3 门刀组件 SD-VF200"):
        assert heading_of(text) is None, text

    def blocks(*texts: str) -> list[Block]:
        return [Block(t, t, Location(i), "line") for i, t in enumerate(texts)]

    doc = blocks("2 交货", "2.1 交货地点：某市某路1号。", "3 检验与验收", "3.1 甲方于到货后15日内完成全检。")
    assert [b.section for b in assign_sections(doc)] == ["2 交货", "2 交货", "3 检验与验收", "3 检验与验收"]
    rows = blocks("序号 名称 数量", "1 门刀组件", "2 层门滑块", "合计 3 项")
    assert [h for h in headings(rows)] == [None, None, None, None]
    assert heading_of("9 合同期限与修改10.1 本合同…") is None


def test_an_annex_after_the_last_article_is_a_section_of_its_own():
    from contractkit.facts.sections import annex_heading, assign_sections
    from contractkit.readers.model import Block, Location

    def blocks(*texts: str) -> list[Block]:
        return [Block(t, t, Location(i), "line") for i, t in enumerate(texts)]

    doc = blocks(
        "第十条 期限与文件",
        "本合同自双方盖章之日起生效。附件一、附件二为本合同不可分割的组成部分。",
        "附表三 付款计划",
        "第一期 10% 合同生效后15日内",
    )
    assert [b.section for b in assign_sections(doc)][1:] == [
        "第十条 期限与文件",
        "附表三 付款计划",
        "附表三 付款计划",
    ]
    for line in (
        "附件一 货物清单",
        "附件2：技术协议",
        "附表三付款计划",
        "Annex 2 Price Schedule",
        "附录A 技术规格",
    ):
        assert annex_heading(line) is not None, line
    for line in (
        "附件一《货物清单》、附件二《门店地址》为本合同不可分割的部分。",
        "附件一条款",
        "附件：1.技术协议",
    ):
        assert annex_heading(line) is None, line


def test_sections_keep_the_words_ocr_read():
    from contractkit.facts.sections import assign_sections
    from contractkit.readers.model import Block, Location

    block = Block("累计不超过59%", "累计不超过59%", Location(0), "line", None, None, 70.0, ((0, 9, 60.0),))
    assert assign_sections([Block("第一条 违约", "第一条 违约", Location(1), "line"), block])[1].words
