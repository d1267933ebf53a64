"""The subject facts extractor on its own: items from every table layout and from prose, subject clauses,
vague words attached to a quantity or the goods, open quantities and quality standards."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.contract.extract import extract_text
from contractkit.contract.model import to_data
from contractkit.contract.subject import DEFAULT_WORDS, SubjectFacts, vague_hits


def facts_of(text: str) -> SubjectFacts:
    return extract_text(text).subject


# -- items --------------------

MARKDOWN = (
    "| 序号 | 品名 | 型号 | 规格参数 | 单位 | 数量 | 单价(元) |\n"
    "| 1 | 空气炸锅 | KT-AF55 | 容量5.5L | 台 | 3,000 | 28.60 |"
)
BOX = (
    "│ 序号 │ 零件名称 │ 图号及版本 │ 材质/主要技术要求 │ 单位 │ 数量 │\n"
    "├──────┼──────────┼────────────┼───────────────────┼──────┼──────┤\n"
    "│ 1 │ 油泵端盖 │ YC-DG-0415 │ ADC12；平面度≤0.05mm │ 件 │ 12,000 │"
)
SPACED = (
    "序号  产品名称      规格/材质                单位  数量   单价(元)\n"
    "1     阻尼铰链      304不锈钢,开启角度110°   只    20000  3.60"
)
PDF_ROWS = (
    "序号 名称 规格参数 单位 数量 单价(元) 金额(元)\n"
    "1 变频多联机室外机 制冷量 61.5kW,制热量\n"
    "69.0kW,冷媒 R32台 4 98,000.00 392,000.00\n"
    "2 安装辅材 铜管、保温棉、支吊架等 批 1 86,000.00 86,000.00\n"
    "合计 478,000.00"
)


@pytest.mark.parametrize(
    ("text", "name", "qty", "unit"),
    [
        (MARKDOWN, "空气炸锅", "3000", "台"),
        (BOX, "油泵端盖", "12000", "件"),
        (SPACED, "阻尼铰链", "20000", "只"),
        (PDF_ROWS, "变频多联机室外机", "4", "台"),
    ],
)
def test_first_item_of_each_table_layout(text: str, name: str, qty: str, unit: str) -> None:
    facts = facts_of(text)
    assert facts.has_item_table
    it = facts.items[0]
    assert (it.name, it.quantity, it.unit) == (name, Decimal(qty), unit)


def test_pdf_header_wrapped_over_two_lines() -> None:
    text = (
        "序号 品名 等级及执行标\n准规格 单位 数量 单价(元) 金额(元)\n1 东北粳米 一级,GB/T\n1354-2018\n"
        "25kg/袋,编\n级薄膜袋 3,200 142.50 456,000.00\n合计 456,000.00"
    )
    (it,) = facts_of(text).items
    assert (it.name, it.quantity) == ("东北粳米", Decimal(3200))


def test_pdf_rows_give_every_item_and_skip_the_total() -> None:
    items = facts_of(PDF_ROWS).items
    assert [i.name for i in items] == ["变频多联机室外机", "安装辅材"]
    assert items[1].spec.startswith("铜管、保温棉、支吊架等")


def test_signature_table_is_not_an_item_table() -> None:
    text = (
        "项目              供方                    需方\n"
        "单位名称(章)    东莞森彩包装有限公司    东莞洛邦电子有限公司\n"
        "电话    0769-83318762    0769-87735120"
    )
    assert facts_of(text).items == ()


def test_a_non_numeric_quantity_is_kept_as_text() -> None:
    (it,) = facts_of(MARKDOWN.replace("3,000", "约3,000")).items
    assert it.quantity is None and it.quantity_text == "约3,000"


# -- prose purchases --------------------


@pytest.mark.parametrize(
    ("text", "quantified"),
    [
        ("约定被告向原告采购不锈钢储罐，合同总金额168000元。", False),
        ("约定通用公司为科弘公司定作污水处理设备，合同总价2200000元。", False),
        ("约定被告向原告购买规格型号为JCM907B型的挖掘机一台。", True),
        ("乙方为甲方加工服装6500件，面辅料由甲方提供。", True),
        ("由原告向龙17公司提供煤炭，价格为730元/吨。", True),  # a unit price fixes the deal per ton
    ],
)
def test_purchase_statement(text: str, quantified: bool) -> None:
    (p, *_) = facts_of(text).purchases
    assert p.quantified is quantified


def test_purchase_of_a_list_is_marked() -> None:
    (p,) = facts_of("原告为被告提供种植丹参专用的化肥、地膜、种苗。").purchases
    assert p.listed and not p.quantified


# -- subject clauses and vague words --------------------

VAGUE = [
    ("甲方向乙方采购办公设备一批。", "一批"),
    ("产品数量：若干。", "若干"),
    ("货物重量100吨左右。", "左右"),
    ("乙方应于每月10日前交付当月供货量，即PP1120牌号40吨左右。", "左右"),
    ("供货范围包括服务器、交换机等。", "等"),
    ("乙方提供相关配件。", "相关"),
    ("采购打印纸大约200箱。", "大约"),
    ("理论重量约26吨，单价6100元/吨。", "约"),
    ("甲方銷售給乙方的產品（包括但不限於藥品、保健品及食品等），須符合國家標準。", "等"),
]


@pytest.mark.parametrize(("text", "word"), VAGUE)
def test_vague_word_in_a_subject_clause(text: str, word: str) -> None:
    assert [v.word for v in facts_of(text).vague][:1] == [word]


NOT_VAGUE = [
    "第一批为第一条表列各项产品各60台，于2026年4月30日前交付。",
    "乙方延迟交货的，按延迟交付货物金额的0.02%计付违约金，最高不超过该部分货物金额的5%。",
    "逾期超过十日的，甲方有权就当月未交部分向第三方采购。",
    "乙方在质量异议期内发现产品存在质量缺陷的，应书面通知甲方并封存相关批号产品。",
    "培训合格证明不代替作业人员证，相关证件由买方组织司机依法取得。",
    "损失赔偿范围为：诉讼费、代理费、鉴定费等。",
    "双方根据《中华人民共和国民法典》《著作权法》等法律规定，订立本合同。",
    "产品应符合GB/T 12237《石油、石化及相关工业用的钢制球阀》。",
    "货物数量按合同约定交付。",
    "交货批次及时间见附件二。",
    "甲方预计年度采购量约500吨，仅供乙方备货参考，具体数量以订单为准。",
]


@pytest.mark.parametrize("text", NOT_VAGUE)
def test_no_vague_word(text: str) -> None:
    assert facts_of(text).vague == (), text


@hsettings(max_examples=40, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=99999),
    unit=st.sampled_from(["台", "套", "件", "吨", "箱", "米"]),
    goods=st.sampled_from(["数控车床", "钢筋", "打印纸", "电缆"]),
)
def test_exact_quantities_are_never_vague(n: int, unit: str, goods: str) -> None:
    assert vague_hits(f"甲方向乙方采购{goods}{n}{unit}，规格见附件一。", DEFAULT_WORDS) == []
    assert [h[0] for h in vague_hits(f"甲方向乙方采购{goods}约{n}{unit}。", DEFAULT_WORDS)] == ["约"]


@pytest.mark.parametrize(
    "text",
    [
        "第一条 材料名称、数量\n砌块按块数计价，每块体积0.0288立方米，砌块数量以实际送货为准。",
        "第一条 标的\n钢材数量以实际交货数量为准。",
    ],
)
def test_open_quantity(text: str) -> None:
    contract = extract_text(text)
    (o,) = contract.subject.open_quantities
    assert o.where.text(contract.doc).endswith("为准")


# -- standards --------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("产品应符合GB/T 15115-2009《压铸铝合金》。", "numbered"),
        ("铰链执行QB/T 2189-2013。", "numbered"),
        ("货物应符合EN 60335-1的要求。", "numbered"),
        ("打印纸500箱，按行业标准验收。", "industry"),
        ("打印纸500箱，按双方签订的技术协议执行。", "agreement"),
        ("设备1台，技术要求见附件。", "agreement"),
        ("印刷图案以双方签字确认的样箱为准。", "sample"),
        ("产品质量应符合上表所列指标。", "listed"),
    ],
)
def test_standard_named(text: str, kind: str) -> None:
    assert [s.kind for s in facts_of(text).standards][:1] == [kind]


@pytest.mark.parametrize("text", ["2. 质量标准2.1 卖方应持有有效的生产许可证。", "卖方应提供产品合格证。"])
def test_heading_or_certificate_is_no_standard(text: str) -> None:
    assert facts_of(text).standards == ()


def test_json_shape() -> None:
    contract = extract_text(MARKDOWN)
    data = to_data(contract.subject, contract.doc)
    json.dumps(data, ensure_ascii=False)
    (item,) = data["items"]
    assert item["quantity"] == "3000" and item["where"]["text"].startswith("| 1 | 空气炸锅")


def test_counted_list_and_whether_it_is_specified() -> None:
    bare = facts_of("设备名称及数量为：1、喷淋塔1台，2、低温等离子1台，3、风机及管道1套，4、烟气处理1套。")
    (cl,) = bare.counted_lists
    assert cl.names == ("喷淋塔", "低温等离子", "风机及管道", "烟气处理") and not cl.specified
    spec = facts_of(
        "设备名称及数量为：1、喷淋塔1台（风量20000m³/h），2、风机1台（功率15kW），3、UV光氧设备1套。"
    )
    assert spec.counted_lists[0].specified
    assert facts_of("设备数量：1、首批3台，2、次批2台。").counted_lists == ()  # two entries are no list


def test_pdf_rows_with_the_quantity_before_the_unit() -> None:
    text = (
        "序号 名称 规格 数量 单位 单价(元) 金额(元)\n"
        "1 抗磨液压油 运动黏度41.4–50.6mm²/s,200L/桶\n24 桶 2,380.00 57,120.00\n"
        "2 极压锂基润滑脂 滴点≥180℃,15kg/桶\n约30 桶 415.00 12,450.00\n合计 69,570.00"
    )
    items = facts_of(text).items
    assert [(i.quantity, i.quantity_text, i.unit) for i in items] == [
        (Decimal(24), "24", "桶"),
        (None, "约30", "桶"),
    ]


# -- the cheap paths answer exactly what the single patterns do ---------------------------------------------

_STD_PIECES = (
    "GB/T 9061", "gb 1499", "ISO 9001", "ſo 1", "İSO 2", "符合", "国家标准", "技术协议", "见", "标准",
    "附件一所列参数", "样品", "，", "执行", "行业标准", "企业标准", "质量要求", " ", "EN 10", "按照",
)  # fmt: skip


@hsettings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_STD_PIECES), max_size=8).map("".join))
def test_first_standard_is_the_leftmost_of_the_alternation(clause: str) -> None:
    from contractkit.contract.subject import _STANDARD_ANY, first_standard

    m = _STANDARD_ANY.search(clause)
    assert first_standard(clause) == (None if m is None else (m.lastgroup, m.start(), m.end()))


def test_first_standard_on_real_text() -> None:
    from contractkit.contract.subject import first_standard

    clause = "产品质量符合技术协议及GB/T 9061-2006的规定"
    assert first_standard(clause) == ("agreement", 4, 10)
    assert first_standard("钢筋质量符合GB/T 1499.2-2018") == ("numbered", 6, 12)
    assert first_standard("双方约定的交货时间") is None


_VAGUE_PIECES = (
    "约", "约定", "大", "100", "吨", "相关", "规定", "配件", "部分", "设备", "其", "《合约》", "第三部分",
    "、", "等", "一批", "左右", "，",
)  # fmt: skip
_MASK_FREE = ("约", "相关", "部分")


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VAGUE_PIECES), max_size=8).map("".join))
def test_vague_hits_without_masking_when_nothing_can_match(clause: str) -> None:
    from contractkit.contract.subject import _ATTACHED, _MASK, _blank_out

    masked = _MASK.sub(_blank_out, clause)
    hits = [(w, m.start(), m.end()) for w in _MASK_FREE if w in clause for m in _ATTACHED[w].finditer(masked)]
    assert vague_hits(clause, _MASK_FREE) == sorted(hits, key=lambda h: h[1])


# -- round 2: quality terms in any form, vague words only where the subject is fixed --------------------


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("设备按乙方查看时的现状交付", "as_is"),
        ("该批二手车以现状出售", "as_is"),
        ("货物以买方验看时的状态交付", "as_is"),
        ("The used press is sold as is", "as_is"),
        ("乙方保证所供图书均为正版", "genuine"),
        ("所供配件均为原厂正品", "genuine"),
        ("ISBN、书名、版次、定价均以附件为准", "listed"),
        ("颜色以双方确认的色卡为准", "sample"),
    ],
)
def test_quality_terms_beyond_standards(clause: str, kind: str) -> None:
    from contractkit.contract.subject import first_standard

    found = first_standard(clause)
    assert found is not None and found[0] == kind, (clause, found)


@pytest.mark.parametrize("clause", ["旧车按现状回收的价款为5万元", "双方保持良好合作状态"])
def test_words_near_a_quality_term_that_are_none(clause: str) -> None:
    from contractkit.contract.subject import first_standard

    assert first_standard(clause) is None


@pytest.mark.parametrize(
    ("clause", "masked"),
    [
        ("为稳定优质稻谷来源，甲方收购中稻", "优质"),
        ("鉴于乙方生产高品质家具，甲方定制家具", "高品质"),
        ("为了打造一流的环境，甲方采购桌椅", "一流"),
    ],
)
def test_purpose_phrases_are_masked(clause: str, masked: str) -> None:
    from contractkit.contract.subject import purpose_masked

    out = purpose_masked(clause)
    assert len(out) == len(clause) and masked not in out and "甲方" in out


@pytest.mark.parametrize(
    ("clause", "expect"),
    [
        ("贵司会议室（约120㎡），我司提供以下方案供贵司采购", False),
        ("乙方向甲方供应钢材约100吨", True),
        ("货物数量约100吨", True),
    ],
)
def test_an_approximation_fixes_the_quantity_only_after_the_purchase(clause: str, expect: bool) -> None:
    from contractkit.contract.subject import fixes_quantity

    assert fixes_quantity(clause, "约", clause.index("约"), in_section=False) is expect


@pytest.mark.parametrize(
    "clause",
    [
        "设备应符合技术规格。",
        "货物质量应符合卖方产品说明书载明的性能参数",
        "产品须满足附件二技术规范书的要求",
        "按出厂标准验收",
        "执行行业规范",
    ],
)
def test_quality_named_by_a_specification_document(clause: str) -> None:
    from contractkit.contract.subject import first_standard

    assert first_standard(clause) is not None, clause
    assert facts_of("第一条 产品\n伺服电机20台。\n" + clause).standards, clause


# -- recitals, distances, quality headings (round 3) ------------------------------------------------------


def _doc(text: str):
    from contractkit.facts import assign_sections
    from contractkit.readers.model import Document
    from contractkit.readers.text import document_from_text

    d = document_from_text(text)
    return Document(path=d.path, kind=d.kind, blocks=assign_sections(d.blocks), deal=d.deal, meta=d.meta)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "鉴于：\n（一）甲方拟采购货架等设备；\n（二）乙方愿意供货；\n双方达成如下协议：\n第一条 标的",
            {0, 1, 2, 3},
        ),
        ("鉴于甲方需要采购空调等设备，双方订立本合同如下：\n第一条 标的", {0}),
        ("鉴于：\nA. 买方需要采购服务器等；\nB. 卖方为经销商；\n1. 标的\n卖方出售服务器。", {0, 1, 2}),
        ("第一条 标的\n乙方供应货架40组。", set()),
    ],
)
def test_recital_blocks(text: str, expected: set[int]) -> None:
    from contractkit.contract.subject import recital_blocks

    assert set(recital_blocks(_doc(text))) == expected


def test_recital_vague_words_are_no_facts() -> None:
    text = (
        "鉴于：\n（一）甲方拟采购冷却塔、风机、水泵等设备；\n因此，双方达成如下协议：\n1. 标的\n冷却塔2台。"
    )
    assert facts_of(text).vague == ()


@pytest.mark.parametrize(
    ("clause", "word", "distance"),
    [
        ("买方物资供应站（距工业园区北门约800米）", "约", True),
        ("仓库离高速出口大约2公里", "大约", True),
        ("与主厂房相距500米左右", "左右", True),
        ("钢材约800吨", "约", False),
        ("占地约800平方米", "约", False),
        ("离岸价约800美元", "约", False),
    ],
)
def test_is_distance(clause: str, word: str, distance: bool) -> None:
    from contractkit.contract.subject import is_distance

    a = clause.index(word) if word != "左右" else clause.index("500")
    b = clause.index(word) + len(word)
    assert is_distance(clause, a, b) is distance


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("第一条 标的\n叉车2台。\n2. 质量标准2.1 卖方应提供合格证。", True),
        ("第四条 质量要求\n货物应符合合同目的。", True),
        ("三、技术要求：见附件。", True),
        ("（二）产品质量标准\n按合同执行。", True),
        ("第五条 质量保证\n质保一年。", False),
        ("乙方对质量负责。", False),
    ],
)
def test_quality_heading(text: str, found: bool) -> None:
    from contractkit.contract.subject import quality_heading

    assert (quality_heading(_doc(text)) is not None) is found


@pytest.mark.parametrize(
    "clause",
    ["套印误差不超过0.05mm", "尺寸偏差应不超过±0.2mm", "色差≤1.5", "漏水率不大于1%"],
)
def test_measured_quality_is_a_standard(clause: str) -> None:
    from contractkit.contract.subject import first_standard

    found = first_standard(clause)
    assert found is not None and found[0] == "grade"


@pytest.mark.parametrize(
    "clause", ["数量偏差不超过3%", "磅差不超过0.3%", "计量误差不超过0.3%", "误差较大的由乙方负责"]
)
def test_quantity_tolerance_is_no_standard(clause: str) -> None:
    from contractkit.contract.subject import first_standard

    assert first_standard(clause) is None


# -- round 4: new kinds of quality terms, columns set apart by tabs -------------------------------------


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("乙方保证所供设备持有有效的医疗器械注册证", "certified"),
        ("救生设备须附中国船级社检验证书", "certified"),
        ("插座须通过CCC认证", "certified"),
        ("卖方保证货物无材料和工艺缺陷", "conformity"),
        ("卖方保证货物不存在任何设计上的瑕疵", "conformity"),
        ("The Goods shall conform to the specifications in Schedule 1", "conformity"),
        ("备件均为原厂全新产品", "genuine"),
        ("按第一条所列规格验收", "listed"),
        ("执行Q/GDW 1234-2014", "numbered"),
        ("符合CB/T 3654-2013", "numbered"),
        ("执行T/CAS 115-2005", "numbered"),
    ],
)
def test_round4_quality_term_kinds(clause: str, kind: str) -> None:
    from contractkit.contract.subject import first_standard

    found = first_standard(clause)
    assert found is not None and found[0] == kind, (clause, found)


@pytest.mark.parametrize(
    "clause", ["QC 100%抽检", "Omega 3 鱼油胶囊", "卖方应提供产品合格证", "缺陷责任期为一年"]
)
def test_round4_look_alikes_are_no_quality_term(clause: str) -> None:
    from contractkit.contract.subject import first_standard

    assert first_standard(clause) is None, clause


_CELL = (
    st.text(alphabet="规格型号数量单位台套钢管AB12.，", min_size=1, max_size=8).map(str.strip).filter(bool)
)


@given(st.lists(_CELL, min_size=1, max_size=7))
def test_round4_tab_columns_are_the_tab_separated_cells(cells: list[str]) -> None:
    from contractkit.contract.subject import _cols
    from contractkit.readers.model import Block, Location

    text = "\t".join(cells)
    block = Block(text=text, norm=text.replace("\t", " "), kind="line", location=Location(index=0))
    assert _cols(block) == cells
