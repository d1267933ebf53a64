"""Structure facts: document kind, buyer/seller under every designation, definitions, sections, parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.contract.extract import extract, extract_text


def structure(text: str):
    return extract_text(text).structure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "甲方（买方）：苏州精工机械制造有限公司\n乙方（卖方）：沈阳华力机床销售有限公司",
            {"甲方": "buyer", "乙方": "seller"},
        ),
        (
            "买方（甲方）：苏州精工有限公司\n卖方（乙方）：沈阳华力有限公司",
            {"甲方": "buyer", "乙方": "seller"},
        ),
        (
            "需方（以下简称“甲方”）：江西赣林家居制造有限公司\n供方（以下简称“乙方”）：广东粤涂新材料科技有限公司",
            {"甲方": "buyer", "乙方": "seller", "需方": "buyer", "供方": "seller"},
        ),
        (
            "甲方（供货方）：苏州禾康源医疗科技有限公司\n乙方（经销商）：湖南湘仁医疗器械贸易有限公司",
            {"甲方": "seller", "乙方": "buyer"},
        ),
        (
            "甲方(被许可方):山东鲁恒机械集团有限公司\n乙方(许可方、实施方):杭州云栈信息技术有限公司",
            {"甲方": "buyer", "乙方": "seller"},
        ),
        (
            "甲 方(需方):广州市番禺区欧雅橱柜制造有限公司\n乙 方(供方):永康市鼎力五金制品有限公司",
            {"甲方": "buyer", "乙方": "seller"},
        ),
        (
            "出卖人：郑州豫建钢材供应链有限公司\n买受人：河南嵩岳建设工程有限公司",
            {"出卖人": "seller", "买受人": "buyer"},
        ),
        ("采购人：某某市第一人民医院\n供应商：某某医疗设备有限公司", {"采购人": "buyer", "供应商": "seller"}),
        (
            "Buyer: Driessen (Tianjin) Drive Technology Co., Ltd.\nSeller: Wuxi Jingyan Bearing Co., Ltd.",
            {"buyer": "buyer", "seller": "seller"},
        ),
        (
            "本合同中，“买方”指苏州精工机械制造有限公司；“卖方”指沈阳华力机床销售有限公司。",
            {"买方": "buyer", "卖方": "seller"},
        ),
        (
            "委托方：苏州精工机械制造有限公司\n受托方：沈阳华力机床销售有限公司",
            {"委托方": "buyer", "受托方": "seller"},
        ),
    ],
)
def test_roles_from_party_lines_and_definitions(text: str, expected: dict[str, str]) -> None:
    roles = structure(text).roles
    for designation, role in expected.items():
        assert roles.get(designation) == role, (designation, roles)


@pytest.mark.parametrize(
    "text",
    [
        "甲方：苏州精工机械制造有限公司\n乙方：沈阳华力机床销售有限公司\n甲方因生产需要，向乙方采购数控车床。",
        "甲方：苏州精工机械制造有限公司\n乙方：沈阳华力机床销售有限公司\n乙方应于2026年5月1日前向甲方交付货物。",
        "甲方：苏州精工机械制造有限公司\n乙方：沈阳华力机床销售有限公司\n甲方应在验收合格后10日内向乙方支付货款。",
    ],
)
def test_roles_of_plain_jia_yi_from_what_each_does(text: str) -> None:
    s = structure(text)
    assert s.role_of("甲方") == "buyer"
    assert s.role_of("乙方") == "seller"


def test_short_name_takes_the_role_of_its_party() -> None:
    s = structure("卖方：沈阳华力机床销售有限公司（以下简称“华力公司”）\n买方：苏州精工机械制造有限公司")
    assert s.role_of("华力公司") == "seller"
    assert s.names_for("buyer") == ("买方",)


def test_english_defined_terms() -> None:
    s = structure(
        'This Agreement is made between ACME Ltd. (hereinafter referred to as "the Buyer") '
        'and Foo Co. (the "Seller").'
    )
    assert s.role_of("Buyer") == "buyer"
    assert s.role_of("Seller") == "seller"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("“来料检验期”：指买方收到货物之日起的10个工作日。", "来料检验期"),
        ("1.3 “工作日”是指中国法定工作日。", "工作日"),
        ("“许可软件”，指本合同附件一所列软件。", "许可软件"),
        ("工作日：指中华人民共和国法定工作日。", "工作日"),
        ('"Delivery Date" means the date stated in the Order.', "Delivery Date"),
    ],
)
def test_definitions(text: str, term: str) -> None:
    d = structure(text).definitions
    assert term in d
    assert d[term].where.span[1] - d[term].where.span[0] == len(term)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("报价单\n报价单位：昆山沃泰泵阀科技有限公司\n客户名称：常熟市澄源水务工程有限公司", "quote"),
        ("报 价 单\n报价方：昆山沃泰泵阀科技有限公司", "quote"),
        ("采购订单\n依据双方签订的《年度采购框架协议》，买方向卖方订购下列产品。", "order"),
        ("Purchase Order No. 2026-118\nBuyer: ACME Ltd.", "order"),
        ("采 购 合 同\n甲方（采购方）：重庆渝驰汽车零部件制造有限公司", "contract"),
        ("年度采购框架协议\n甲方（采购方）：重庆渝驰汽车零部件制造有限公司", "contract"),
        # a quote letter whose numbered clause broke after 合同 on a PDF line: the clause is no title
        (
            "致：宁波东甬禽蛋有限公司\n贵司询价的设备，我司报价如下：\n一、设备：蛋品分级机一台\n"
            "四、交货期为合同\n签订后30日内。\n本报价有效期至2027年3月31日。",
            "quote",
        ),
        ("尊敬的客户：\n现就贵司所询产品报价如下。\n3. 付款按合同\n约定执行。\n报价有效期：30天。", "quote"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    assert structure(text).kind == kind


def test_framework_order_is_marked() -> None:
    s = structure("采购订单\n依据双方签订的《年度采购框架协议》，买方向卖方订购下列产品。")
    assert s.framework


def test_agreement_then_order_gives_two_parts() -> None:
    text = (
        "年度采购框架协议\n甲方（买方）：重庆渝驰有限公司\n第一条 标的\n甲方按订单采购。\n"
        "附件一：采购订单\n订单编号：001"
    )
    s = structure(text)
    assert [p.kind for p in s.parts] == ["contract", "order"]
    assert s.framework


def test_sections_have_levels() -> None:
    s = structure("第一条 标的\n1.1 名称\n1.1.1 规格\n第二条 价款")
    assert [(x.number, x.level) for x in s.sections] == [("1", 1), ("1.1", 3), ("1.1.1", 4), ("2", 1)]


def test_key_terms_then_general_terms() -> None:
    s = structure("设备买卖合同\n第一部分 合同要素表\n买方名称 四川蓉通有限公司\n第二部分 通用条款\n1. 定义")
    assert s.key_terms is not None
    assert s.general_terms is not None and s.general_terms.block == 3


def test_bilingual() -> None:
    text = "\n".join(
        ["第一条 卖方应按期交付货物。", "Article 1 The Seller shall deliver the goods on time and in full."]
        * 5
    )
    assert structure(text).language == "bilingual"


@given(st.sampled_from(["甲方", "乙方"]), st.sampled_from(["买方", "需方", "采购方", "买受人", "购货方"]))
def test_any_buyer_word_in_the_party_line(designation: str, word: str) -> None:
    s = structure(f"{designation}（{word}）：苏州精工机械制造有限公司")
    assert s.role_of(designation) == "buyer"


def test_parts_chapters_articles_nest() -> None:
    text = (
        "第一部分 合同协议书\n一、合同标的\n第二部分 通用条款\n第一章 总则\n第一条 定义\n（一）货物\n"
        "第二章 交货\n第二条 交货"
    )
    got = [(x.label.split(" ")[0][:5], x.level, x.path) for x in structure(text).sections]
    assert got == [
        ("第一部分", 1, "1"),
        ("一、合同标", 4, "1.1"),
        ("第二部分", 1, "2"),
        ("第一章", 2, "2.1"),
        ("第一条", 3, "2.1.1"),
        ("(一)货物", 5, "2.1.1.1"),  # labels are read from the normalized text
        ("第二章", 2, "2.2"),
        ("第二条", 3, "2.2.2"),
    ]


def test_defined_role_words_name_the_neutral_designation() -> None:
    s = structure(
        "甲方（Party A）：ACME GmbH\n乙方（Party B）：上海精诚贸易有限公司\n1.1 “卖方”指乙方。“买方”指甲方。"
    )
    assert (s.role_of("甲方"), s.role_of("乙方")) == ("buyer", "seller")


def test_unquoted_short_designation() -> None:
    s = structure(
        "買方：台灣精密機械股份有限公司（以下簡稱甲方）\n賣方：昆山瑞鈞包裝機械有限公司（以下簡稱乙方）"
    )
    assert (s.role_of("甲方"), s.role_of("乙方")) == ("buyer", "seller")


@pytest.mark.parametrize(
    "basis",
    [
        "根据买卖双方于2026年1月5日签订的《产品购销合同》（合同编号HL-2026-01），买方向卖方订购下列货物。",
        "本订单为《2026年度供货协议》的组成部分。",
        "本订单未尽事宜按《设备采购合同》执行。",
        "本订单系双方《采购框架合同》项下的具体订单。",
        "This order is placed under the Master Supply Agreement dated 5 January 2026.",
    ],
)
def test_an_order_that_incorporates_an_agreement_is_under_it(basis: str) -> None:
    s = structure(f"采购订单\n订单编号：PO-2026-118\n{basis}\n货物：钢板10吨")
    assert s.kind == "order" and s.under_agreement and s.framework
    assert s.incorporates is not None and s.incorporates.block == 2


@pytest.mark.parametrize(
    "text",
    [
        "采购订单\n买方向卖方订购下列货物。\n交货地点：苏州市星湖街88号",  # a standalone order
        "采购订单\n根据《中华人民共和国民法典》《中华人民共和国合同法》，买方向卖方订购。",  # statutes
        "买卖合同\n根据双方签订的《年度采购框架协议》，订立本合同。",  # a contract, not an order
    ],
)
def test_not_an_order_under_an_agreement(text: str) -> None:
    assert not structure(text).under_agreement


@pytest.mark.parametrize(
    "heading",
    [
        "第二部分 通用条款",
        "二、通用条款",
        "2. 合同通用条款",
        "（二）一般条款",
        "Part II General Conditions",
        "第三部分 专用条款",
        "三、特殊条款",
    ],
)
def test_general_or_special_terms_under_any_numbering(heading: str) -> None:
    s = structure(f"设备买卖合同\n一、合同要素表\n买方名称：四川蓉通仓储物流有限公司\n{heading}\n1. 定义")
    assert s.key_terms is not None and s.key_terms.block == 1
    assert s.general_terms is not None and s.general_terms.block == 3


def test_a_clause_naming_general_terms_is_not_their_heading() -> None:
    for clause in (
        "1. 本合同的通用条款与专用条款不一致的，以专用条款为准。",
        "2. 通用条款与专用条款不一致的，以专用条款为准，专用条款未约定的适用通用条款。",
    ):
        assert structure(f"设备买卖合同\n{clause}\n3. 其他").general_terms is None


# --- definition entries: what a term means, not what a party must do -------------------------------------


@pytest.mark.parametrize(
    ("text", "term", "body"),
    [
        ("2.1.4 “试运行期”指设备首次带负荷运行之日起连续七十二小时；", "试运行期", "首次带负荷运行"),
        ("“结算价款”是指经双方对账确认的货款金额。", "结算价款", "经双方对账确认的货款金额"),
        ("本协议所称营业日，是指上海证券交易所开市交易的日子。", "营业日", "上海证券交易所开市交易的日子"),
        ("本合同所称“随机资料”系指说明书、合格证及装箱单。", "随机资料", "说明书、合格证及装箱单"),
        ("到站验收：指货物到达买方仓库后的数量清点。", "到站验收", "货物到达买方仓库后的数量清点"),
        ('"Final Acceptance" means the date the Buyer signs the final certificate.', "Final Acceptance",
         "the date the Buyer signs the final certificate"),
        ("Warranty Period: means twelve months from Final Acceptance.", "Warranty Period",
         "twelve months from Final Acceptance"),
        ("（三）“一级缺陷”指导致整线停机超过四小时的缺陷；", "一级缺陷", "导致整线停机超过四小时的缺陷"),
    ],
)  # fmt: skip
def test_definition_entries_in_any_form(text: str, term: str, body: str) -> None:
    s = extract_text(text).structure
    (entry,) = [e for e in s.definition_entries if e.term == term]
    doc = extract_text(text).doc
    assert body in entry.body.text(doc)
    assert s.is_definition(entry.entry.block)
    assert term in s.definitions


@pytest.mark.parametrize(
    "text",
    [
        "“验收期”指到货之日起十日；买方未在验收期内书面提出异议的，视为验收合格。",
        "1.2 “结算日”指每月25日。双方应于结算日核对当月发货数量。",
        '"Acceptance Period" means ten days from delivery; the Buyer shall inspect the Goods within it.',
    ],
)
def test_an_operative_clause_after_an_entry_is_not_definition(text: str) -> None:
    c = extract_text(text)
    s = c.structure
    (entry,) = s.definition_entries
    block = c.doc.blocks[entry.entry.block].norm
    tail = block.index(next(w for w in ("买方未", "双方应", "the Buyer shall") if w in block))
    assert not s.is_definition(entry.entry.block)  # the block holds an operative clause too
    assert s.is_definition(entry.entry.block, entry.body.span)
    assert not s.is_definition(entry.entry.block, (tail, tail + 3))
    assert s.definition_at(entry.entry.block, tail) is None
    assert s.definition_at(entry.entry.block, entry.body.span[0]) == entry


@pytest.mark.parametrize(
    "text",
    [
        "甲方应按乙方指定的账户付款。",
        "卖方应按“技术协议”指定的方法进行出厂检验。",
        "买方应在到货后七日内（“验收期”）完成验收。",
        "乙方（以下简称“供方”）应于2027年5月1日前交货。",
        "如买方指示变更交货地点，应提前三日书面通知。",
    ],
)
def test_operative_clauses_are_not_definitions(text: str) -> None:
    s = extract_text(text).structure
    assert s.definition_entries == ()
    assert not s.is_definition(0)


def test_items_of_a_definitions_section_without_zhi() -> None:
    text = (
        "第二条 释义\n本合同中下列用语的含义如下：\n“交货地”：苏州市吴中区木渎镇金枫路 88 号 2 号仓；\n"
        "验收期：到货后十个工作日；\n第三条 交货\n卖方应于 2027 年 6 月 1 日前交货。"
    )
    c = extract_text(text)
    s = c.structure
    assert [e.term for e in s.definition_entries] == ["交货地", "验收期"]
    # the heading and the items are definitions; the intro line and the clauses after them are not
    assert [i for i in range(len(c.doc.blocks)) if s.is_definition(i)] == [0, 2, 3]


def test_a_pdf_entry_continued_on_the_next_line_and_a_glued_heading() -> None:
    text = (
        "1 定义1.1 在本合同中，除非上下文另有要求：\n"
        "1.1.1 “质保期”指自终验证书签发之日起二十四\n（24）个月。\n1.1.2 “现场”指买方南通工厂。\n"
        "2 货物2.1 卖方应提供附表 A 所列货物。"
    )
    c = extract_text(text)
    s = c.structure
    assert [e.term for e in s.definition_entries] == ["质保期", "现场"]
    assert [s.is_definition(i) for i in range(5)] == [False, True, True, True, False]


def test_a_definitions_heading_in_the_same_paragraph_as_its_entries() -> None:
    text = "第一条 定义。本合同所称“货物”，指附件一所列设备；“日”，除另有注明外指日历日。\n第二条 价格"
    s = extract_text(text).structure
    assert [e.term for e in s.definition_entries] == ["货物", "日"]
    assert s.is_definition(0) and not s.is_definition(1)


def test_definitions_table() -> None:
    text = (
        "| 术语 | 含义 |\n| --- | --- |\n| 到货日 | 货物运抵买方仓库并签收之日 |\n"
        "| 终验 | 试运行满三十日后的验收 |"
    )
    c = extract_text(text)
    s = c.structure
    assert {e.term for e in s.definition_entries} == {"到货日", "终验"}
    assert all(e.form == "table" for e in s.definition_entries)
    entry = next(e for e in s.definition_entries if e.term == "终验")
    assert entry.body.text(c.doc) == "试运行满三十日后的验收"
    assert s.is_definition(entry.body.block, entry.body.span)


@given(
    st.sampled_from(["验收期", "结算日", "交付日", "保证期间"]),
    st.sampled_from(["指", "是指", "系指", "：指"]),
    st.sampled_from(["", "1.1.3 ", "（二）", "本合同中，"]),
)
def test_entry_forms_combine(term: str, means: str, lead: str) -> None:
    text = f"{lead}“{term}”{means}到货之日起十五日。"
    s = extract_text(text).structure
    assert [e.term for e in s.definition_entries] == [term]
    assert s.is_definition(0)


def _language_block_by_block(blocks: list[str]) -> str:
    """The language test as it reads one block at a time (what the joined-text count must equal)."""
    import re

    cjk4 = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){3}")
    zh = en = 0
    for t in blocks[:400]:
        if not t.isascii() and cjk4.search(t):
            zh += 1
        latin = len(re.findall(r"[A-Za-z]{2,}", t))
        if latin >= 4 and latin * 2 > len(re.findall(r"[\u4e00-\u9fff]", t)):
            en += 1
    total = max(1, zh + en)
    if en * 5 >= total and zh * 5 >= total:
        return "bilingual"
    return "en" if en > zh else "zh"


_PIECES = ["买方", "应当", "付款", "the", "Buyer", "shall", "pay", "a", "1.2", " ", "\n"]


@given(st.lists(st.lists(st.sampled_from(_PIECES)).map("".join), max_size=420))
def test_language_counts_words_of_each_block(blocks: list[str]) -> None:
    # Latin words are found once over the joined text: the same counts as block by block (line breaks too)
    from contractkit.contract.structure import _language
    from contractkit.readers.model import Block, Document, Location

    doc = Document("x.txt", "text", [Block(t, t, Location(i)) for i, t in enumerate(blocks)])
    assert _language(doc) == _language_block_by_block(blocks)


def test_pdf_headings_glued_to_their_first_clause_are_sections() -> None:
    s = structure(
        "采购合同\n甲方（买方）：苏州精工有限公司\n乙方（卖方）：沈阳华力有限公司\n"
        "1 标的1.1 卖方向买方供应数控车床2台。\n1.2 单价为人民币10万元。\n"
        "2 合同期限与修改2.1 本合同自双方签字之日起生效。\n2.2 修改须书面。"
    )
    tops = [(x.label, x.title) for x in s.sections if x.level == 1]
    assert tops == [("1 标的", "标的"), ("2 合同期限与修改", "合同期限与修改")]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "补充协议\n一、交货期改为2026年9月30日。\n二、原合同其他条款不变，继续有效。",
            "原合同其他条款不变，继续有效",
        ),
        (
            "补充协议\n一、单价调整为每件12元。\n二、本补充协议未约定的，适用主合同。",
            "本补充协议未约定的，适用主合同",
        ),
        (
            "补充协议\n一、交货地点改为苏州工业园区星湖街328号。\n二、本补充协议是原合同不可分割的组成部分。",
            "本补充协议是原合同不可分割的组成部分",
        ),
        (
            "补充协议\n一、质保期延长至24个月。\n二、本补充协议与原合同具有同等法律效力。",
            "本补充协议与原合同具有同等法律效力",
        ),
        (
            "補充協議\n一、單價調整為每件12元。\n二、本補充協議為原合約之一部分。",
            "本補充協議為原合約之一部分",
        ),
    ],
)
def test_a_supplement_leaving_the_rest_to_the_main_contract_is_a_fact(text: str, quoted: str) -> None:
    from contractkit.readers.text import document_from_text

    doc = document_from_text(text, "<text>")
    where = extract(doc).structure.amends_main
    assert where is not None
    assert where.text(doc) in quoted


def test_a_contract_naming_no_main_contract_amends_none() -> None:
    assert structure("买卖合同\n甲方：某公司\n第一条 其他条款按本合同第五条执行。").amends_main is None
    # an annex is part of this contract: no main contract is amended
    assert structure("买卖合同\n第九条 本合同附件是本合同不可分割的组成部分。").amends_main is None
