"""The dispute family: 或裁或审, arbitration without one named commission, unmade model-text choices, no
dispute clause — on phrasings and on the real model texts of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_paths, lint_text

AC = "dispute/arbitration-and-court"
NC = "dispute/arbitration-no-commission"
UC = "dispute/unfilled-choice"
ND = "dispute/no-dispute-clause"
ALL = (AC, NC, UC, ND)


def ids(text: str, *rules: str) -> list[str]:
    return sorted(f.rule for f in lint_text(text, Settings(select=rules or ALL)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("因本合同发生的争议，提交北京仲裁委员会仲裁。", []),
        ("协商不成的，任何一方可向合同签订地人民法院提起诉讼。", []),
        (
            "争议提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，一方不履行的，另一方可向人民法院申请"
            "执行。",
            [],
        ),
        ("因本合同发生的争议，可以仲裁，也可以向人民法院起诉。", [AC, NC]),
        ("因本合同发生的争议，提交广州仲裁委员会仲裁或向乙方所在地人民法院起诉。", [AC]),
        ("因本合同发生的争议，双方同意在深圳仲裁。", [NC]),
        ("因本合同发生的争议，提交北京仲裁委员会或上海仲裁委员会仲裁。", [NC]),
        ("因本合同发生的争议，提交甲方所在地仲裁委员会仲裁。", [NC]),
        ("本合同一式两份，自双方签字盖章之日起生效。", [ND]),
    ],
)
def test_dispute_clauses(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


MENU = (
    "第九条 争议解决\n协商不成的，选择下列第{n}种方式解决：\n"
    "1.依法向{a}仲裁委员会申请仲裁。\n2.依法向{c}人民法院提起诉讼。"
)


def test_model_text_menu_unfilled_then_filled() -> None:
    assert ids(MENU.format(n="____", a="____", c="____")) == [UC]
    assert ids(MENU.format(n="1", a="北京", c="____")) == []
    assert ids(MENU.format(n="2", a="____", c="北京市海淀区")) == []


def test_ticked_box_counts_only_the_ticked_option() -> None:
    text = "第九条 争议解决\n☐依法向____仲裁委员会申请仲裁\n☑依法向甲方住所地人民法院提起诉讼"
    assert ids(text) == []
    both = "第九条 争议解决\n☑依法向北京仲裁委员会申请仲裁\n☑依法向甲方住所地人民法院提起诉讼"
    assert ids(both) == [AC]


def test_instruction_tick_mark_is_not_a_choice() -> None:
    text = (
        "使用说明：选择内容以划“√”方式选定。\n第九条 争议解决\n双方选择下列第   种方式（单选）解决：\n"
        "1.依法向          仲裁委员会申请仲裁。\n2.依法向            人民法院提起诉讼。"
    )
    assert ids(text) == [UC]


def test_penalty_adjustment_mentioning_court_and_arbitration_is_not_a_choice() -> None:
    text = "违约金过分高于损失的，可以请求人民法院或者仲裁机构予以适当减少。争议提交北京仲裁委员会仲裁。"
    assert ids(text) == []


def test_real_model_texts_only_show_unmade_choices(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir / "zh"], Settings(select=("dispute",)))
    got = {(Path(fr.path).stem, f.rule) for fr in result.files for f in fr.findings}
    assert got and {rule for _n, rule in got} == {UC}


def test_english_contracts_are_left_alone(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir / "en"], Settings(select=("dispute",)))
    assert [f for fr in result.files for f in fr.findings] == []


def test_defective_draft(samples_dir: Path) -> None:
    (fr,) = lint_paths(
        [samples_dir / "drafts" / "defective-delivery-dispute-term.txt"], Settings(select=("dispute",))
    ).files
    assert {f.rule for f in fr.findings} == {AC, NC}


# -- issue 12: aliases, any wording, table rows, quotes ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "因本合同引起的争议，提交上海国际经济贸易仲裁委员会（上海国际仲裁中心）仲裁。",
        "因本合同引起的争议，提交深圳国际仲裁院（深圳仲裁委员会）按其仲裁规则仲裁。",
        "因本合同引起的争议，提交中国国际经济贸易仲裁委员会(CIETAC)仲裁。",
    ],
)
def test_an_official_alias_is_not_a_second_commission(text: str) -> None:
    assert ids(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "七、有争议怎么办\n有争议先商量，商量不成到法院起诉，由甲方所在地的人民法院管。",
        "第十一条 准据法及争议解决\n因本合约所生之一切争议，双方应先行协商；协商不成者，双方合意以厦门市集美"
        "区人民法院为第一审管辖法院。",
        "双方如有纠纷，协商不成的，任何一方可依法提起诉讼。",
    ],
)
def test_a_dispute_clause_in_other_words_is_present(text: str) -> None:
    assert ids(text) == []


def test_key_terms_table_row_names_the_commission(tmp_path: Path) -> None:
    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph("购销合同")
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "争议解决"
    table.rows[0].cells[1].text = "佛山仲裁委员会"
    doc.add_paragraph("争议解决")
    doc.add_paragraph("因本合同产生的争议，双方协商不成的，提交合同要素表约定的仲裁委员会按其仲裁规则仲裁。")
    path = tmp_path / "elements.docx"
    doc.save(path)
    (fr,) = lint_paths([path], Settings(select=ALL)).files
    assert [f.rule for f in fr.findings] == []


def test_a_quote_needs_no_dispute_clause() -> None:
    text = (
        "报 价 单\n报价单位：昆山沃泰泵阀科技有限公司\n序号 品名 数量 单价\n1 球阀 10 120.00\n"
        "本报价有效期30天。合同另行签订。"
    )
    assert ids(text, ND) == []


def test_key_terms_as_lines_of_text() -> None:
    text = (
        "买卖合同\n合同要素表\n合同总价\n人民币500,000.00元\n争议解决\n无锡仲裁委员会\n"
        "乙方于合同签订后30日内交货。"
    )
    assert ids(text) == []
    assert ids(text.replace("无锡仲裁委员会", "无锡仲裁委员会或无锡市人民法院")) == [AC]


CC = "dispute/court-without-connection"


@pytest.mark.parametrize(
    ("where", "fires_"),
    [
        ("签订地点：北京市海淀区", False),  # signed there
        ("交货地点：北京市海淀区中关村大街1号", False),  # performed there
        ("签订地点：山东省临沂市兰山区", True),
    ],
)
def test_court_connection_from_any_place_of_the_contract(where: str, fires_: bool) -> None:
    text = (
        f"{where}\n买方住所：山东省临沂市兰山区沂蒙路77号\n卖方住所：河南省许昌市魏都区许继大道1298号\n"
        "因本合同发生的争议，双方协商不成的，由北京市海淀区人民法院管辖。"
    )
    assert (ids(text, CC) == [CC]) == fires_


def test_a_described_court_place_needs_no_check() -> None:
    text = "买方住所：山东省临沂市兰山区沂蒙路77号\n协商不成的，向原告住所地人民法院提起诉讼。"
    assert ids(text, CC) == []


def test_dispute_resolution_left_to_another_agreement() -> None:
    supplement = (
        "补充协议\n本补充协议是双方签订的《设备买卖合同》的组成部分。\n交货期延至2026年9月30日。\n"
        "本补充协议的争议解决按《设备买卖合同》第十二条执行。"
    )
    assert ids(supplement, ND) == []
    statute = supplement.replace("按《设备买卖合同》第十二条执行", "按《中华人民共和国民事诉讼法》处理")
    assert ids(statute, ND) == [ND]  # a statute is no agreed method


@pytest.mark.parametrize(
    "parties",
    [
        "甲方：北京华科电子有限公司\n乙方：上海明达机械有限公司",  # names only
        "买方：临沂鲁南新能源科技有限公司\n住所：山东省临沂市兰山区沂蒙路77号\n卖方：许昌中能电气有限公司",
        "甲方：北京华科电子有限公司\n地址：____________\n乙方：上海明达机械有限公司\n地址：____________",
    ],
)
def test_a_court_is_not_judged_when_a_party_seat_is_not_stated(parties: str) -> None:
    text = f"买卖合同\n{parties}\n因本合同发生的争议，协商不成的，由广州市天河区人民法院管辖。"
    assert ids(text, CC) == []
    seats = (
        "买卖合同\n甲方：北京华科电子有限公司\n地址：北京市海淀区中关村大街1号\n"
        "乙方：上海明达机械有限公司\n地址：上海市闵行区莘庄工业区1号\n"
        "因本合同发生的争议，协商不成的，由广州市天河区人民法院管辖。"
    )
    assert ids(seats, CC) == [CC]


@pytest.mark.parametrize(
    "court",
    ["苏州工业园区人民法院", "江苏省苏州工业园区人民法院", "苏州市工业园区人民法院"],
)
def test_a_court_of_the_zone_a_party_sits_in_is_connected(court: str) -> None:
    text = (
        "买卖合同\n买方：苏州湖滨学校\n地址：江苏省苏州市工业园区星湖街1288号\n"
        "卖方：常熟织造有限公司\n地址：江苏省常熟市虞山街道海虞北路8号\n"
        f"因本合同引起的争议，由{court}管辖。"
    )
    assert ids(text, CC) == []


@pytest.mark.parametrize("court", ["威海市环玲区", "威海市环萃区", "山东省威海市坏翠区"])
def test_a_scanned_court_district_may_be_misread(court: str) -> None:
    from contractkit.lint import lint_document
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    lines = [
        "买卖合同",
        "甲方：威海华印有限公司 地址：山东省威海市环翠区青岛路1号",
        "乙方：济南新材有限公司 地址：山东省济南市历下区经十路1号",
        f"第八条争议解决:协商不成的，向{court}人民法院起诉。",
    ]
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    rules = Settings(select=(CC,))
    scan = Document(path="x.pdf", kind="pdf", blocks=blocks, meta={"ocr": [1]})
    assert [f.rule for f in lint_document(scan, rules) if f.rule == CC] == []
    typed = Document(path="x.pdf", kind="pdf", blocks=blocks)
    assert [f.rule for f in lint_document(typed, rules)] == [CC]


# -- 或裁或诉 written as one pair of ways (仲裁或诉讼方式解决) ----------------------------------------

PAIR_HEAD = "买卖合同\n第九条 争议解决\n"


@pytest.mark.parametrize(
    "clause",
    [
        "协商不成的，双方可选择仲裁或诉讼方式解决。",
        "协商不成的，通过诉讼或仲裁途径处理。",
        "协商不成的，任何一方可以采取仲裁或者诉讼的方式解决。",
    ],
)
def test_arbitration_or_court_as_one_pair_is_both(clause: str) -> None:
    assert AC in ids(PAIR_HEAD + clause + "\n", "dispute")


@pytest.mark.parametrize(
    "clause",
    [
        "协商不成的，向甲方所在地人民法院起诉。仲裁或诉讼费用由败诉方承担。",
        "协商不成的，提交苏州仲裁委员会仲裁。仲裁或诉讼的费用由败诉方承担。",
    ],
)
def test_a_fee_for_arbitration_or_court_chooses_neither(clause: str) -> None:
    assert ids(PAIR_HEAD + clause + "\n", "dispute") == []


# -- a colloquial dispute sentence (商量不好, 沟通无果, 谈判失败) and heading (吵架了怎么办) ------------

PIANO_HEAD = (
    "二手钢琴转让协议\n甲方：杭州琴韵艺术培训有限公司\n乙方：宁波和声琴行有限公司\n"
    "一、东西和价钱\n甲方把三台二手立式钢琴卖给乙方，总价人民币36000元。\n"
)
PIANO_TAIL = "\n本协议一式两份，签字盖章后生效。\n"


@pytest.mark.parametrize(
    "clause",
    [
        "二、其他\n先商量。商量不好，就到杭州市西湖区人民法院起诉。",
        "二、其他\n两家沟通无果的，找宁波市海曙区人民法院告对方。",
        "二、其他\n真有问题先谈，谈判失败就向杭州仲裁委员会申请仲裁。",
        "二、吵架了怎么办\n到甲方所在地的法院去解决。",
        "二、有争执怎么办\n可以到乙方所在地人民法院起诉。",
    ],
)
def test_a_colloquial_dispute_clause_is_a_dispute_clause(clause: str) -> None:
    assert ND not in ids(PIANO_HEAD + clause + PIANO_TAIL, "dispute")


def test_a_court_named_for_another_matter_is_no_dispute_clause() -> None:
    text = PIANO_HEAD + "二、其他\n乙方应把钢琴送到法院家属院的琴房。" + PIANO_TAIL
    assert ND in ids(text, "dispute")
