"""Party facts in every layout: party lines, several details to a line, key-terms tables, column tables,
Word table cells, signature blocks, bilingual heads, quotes."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.contract.extract import extract_path, extract_text

SELLER = "沈阳华力机床销售有限公司"
BUYER = "苏州精工机械制造有限公司"


def parties(text: str):
    return extract_text(text).parties


def values(p) -> dict[str, str]:
    return {k: d.value for k, d in p.details.items()}


def test_party_block_with_details_on_one_line() -> None:
    text = (
        f"甲方（买方）：{BUYER}\n统一社会信用代码：91320594MA1TE3N650\n住所：江苏省苏州市星湖街88号\n"
        f"法定代表人：张伟  联系电话：0512-68761234\n乙方（卖方）：{SELLER}\n"
        "法定代表人：王力　电话：024-25871234"
    )
    pf = parties(text)
    buyer, seller = pf.by_role("buyer"), pf.by_role("seller")
    assert buyer is not None and buyer.name == BUYER
    assert values(buyer) == {
        "code": "91320594MA1TE3N650",
        "address": "江苏省苏州市星湖街88号",
        "legal": "张伟",
        "phone": "0512-68761234",
    }
    assert seller is not None and values(seller) == {"legal": "王力", "phone": "024-25871234"}


def test_details_after_the_name_in_brackets() -> None:
    pf = parties(
        f"报价方：{SELLER}（统一社会信用代码：91350100M000100Y43）\n"
        "地址：沈阳市北二路18号  电话：024-25871234"
    )
    p = pf.by_role("seller")
    assert p is not None and p.name == SELLER
    assert values(p)["code"] == "91350100M000100Y43"
    assert values(p)["address"] == "沈阳市北二路18号"


def test_key_terms_table_lines() -> None:
    text = (
        f"2 买方名称 {BUYER}\n3 买方统一社会信用代码 91320594MA1TE3N650\n4 买方住所 苏州市星湖街88号\n"
        f"5 买方法定代表人及电话 宋丽萍;028-82736615\n6 卖方名称 {SELLER}"
    )
    pf = parties(text)
    buyer = pf.by_role("buyer")
    assert buyer is not None and buyer.name == BUYER
    assert values(buyer) == {
        "code": "91320594MA1TE3N650",
        "address": "苏州市星湖街88号",
        "legal": "宋丽萍",
        "phone": "028-82736615",
    }
    assert pf.by_role("seller").name == SELLER  # type: ignore[union-attr]


def test_column_table_in_text() -> None:
    text = (
        f"项目              供方                    需方\n单位名称(章)    {SELLER}    {BUYER}\n"
        "地址              沈阳市北二路18号      苏州市星湖街88号\n"
        "法定代表人        王力                  张伟\n"
        "电话              024-25871234          0512-68761234"
    )
    pf = parties(text)
    seller, buyer = pf.by_role("seller"), pf.by_role("buyer")
    assert seller is not None and seller.name == SELLER and values(seller)["legal"] == "王力"
    assert buyer is not None and buyer.name == BUYER and values(buyer)["phone"] == "0512-68761234"


def test_signature_block_two_columns_gives_mentions() -> None:
    text = (
        f"甲方：{BUYER}\n乙方：{SELLER}\n第一条 标的\n"
        f"甲方（盖章）：{BUYER}  乙方（盖章）：沈阳华力机床有限公司\n"
        "法定代表人或授权代表：              法定代表人或授权代表："
    )
    pf = parties(text)
    assert [(m.designation, m.name, m.signature) for m in pf.mentions] == [
        ("甲方", BUYER, True),
        ("乙方", "沈阳华力机床有限公司", True),
    ]


def test_bilingual_heads_are_one_party() -> None:
    text = (
        f"卖方：{SELLER}\nSeller: Shenyang Huali Machine Tool Sales Co., Ltd.\n"
        "Address: No. 18 Beier Road\n电话 Tel：024-25871234"
    )
    pf = parties(text)
    assert len(pf.parties) == 1
    (p,) = pf.parties
    assert p.name == SELLER and set(p.designations) == {"卖方", "seller"}
    assert values(p)["phone"] == "024-25871234"


def test_spread_designation_and_blank_template() -> None:
    pf = parties("甲 方(需方):广州市番禺区欧雅橱柜制造有限公司\n法定代表人：________\n乙方：")
    (p,) = pf.parties
    assert p.role == "buyer"
    assert p.details["legal"].blank


def test_short_name_is_an_alias_of_its_party() -> None:
    pf = parties(f"卖方：{SELLER}（以下简称“华力公司”）\n买方：{BUYER}")
    assert pf.aliases.get("华力公司") == "seller"


def test_person_and_foreign_party() -> None:
    pf = parties("甲方：张伟\n身份证号码：110101199001011234\n乙方：Pacific Marine Supply Pte. Ltd.")
    person, foreign = pf.parties
    assert person.person and not person.foreign
    assert foreign.foreign


@pytest.fixture(scope="module")
def quote_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = docx.Document()
    d.add_paragraph("报价单")
    t = d.add_table(rows=4, cols=3)
    rows = [
        ("", "客户", "报价方"),
        ("名称", BUYER, SELLER),
        ("法定代表人", "张伟", "王力"),
        ("联系电话", "0512-68761234", "024-25871234"),
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    p = d.add_table(rows=1, cols=4)
    for c, text in enumerate(("报价单位", SELLER, "统一社会信用代码", "91350100M000100Y43")):
        p.cell(0, c).text = text
    path = tmp_path_factory.mktemp("q") / "quote.docx"
    d.save(path)
    return path


def test_word_column_table_with_an_empty_corner_cell(quote_docx: Path) -> None:
    pf = extract_path(quote_docx).parties
    seller, buyer = pf.by_role("seller"), pf.by_role("buyer")
    assert buyer is not None and buyer.name == BUYER and values(buyer)["phone"] == "0512-68761234"
    assert seller is not None and seller.name == SELLER and values(seller)["legal"] == "王力"
    assert values(seller)["code"] == "91350100M000100Y43"


@given(
    st.sampled_from(["联系电话", "电话", "手机", "Tel", "联系方式"]),
    st.sampled_from(["  ", "　", "；", " "]),
)
def test_phone_beside_the_legal_representative(label: str, sep: str) -> None:
    p = parties(f"卖方：{SELLER}\n法定代表人：王力{sep}{label}：024-25871234").parties[0]
    assert values(p).get("phone") == "024-25871234"
    assert values(p).get("legal") == "王力"


def test_party_introduced_in_a_sentence() -> None:
    text = (
        "本合同由以下双方签订：\n(1) 苏州锐拓压缩机有限公司，一家依照中华人民共和国法律设立的有限责任公司，"
        "统一社会信用代码为91320506MA1X7K2P93，住所为江苏省苏州市吴中区金枫南路1188号，法定代表人为马丁·凯勒，"
        "电话为0512-66587203（“卖方”）；及\n"
        "(2) 南通海岳纺织科技有限公司，统一社会信用代码为91320612593810462Q，"
        "住所为江苏省南通市通州区志浩路66号（以下简称“买方”）。"
    )
    pf = parties(text)
    seller, buyer = pf.by_role("seller"), pf.by_role("buyer")
    assert seller is not None and seller.name == "苏州锐拓压缩机有限公司"
    assert values(seller) == {
        "code": "91320506MA1X7K2P93",
        "address": "江苏省苏州市吴中区金枫南路1188号",
        "legal": "马丁·凯勒",
        "phone": "0512-66587203",
    }
    assert buyer is not None and values(buyer)["address"] == "江苏省南通市通州区志浩路66号"


def test_two_column_party_table_run_into_pdf_lines() -> None:
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    lines = [
        "采 购 订 单",
        f"买方 {BUYER} 卖方 {SELLER}统一社会信用代码 91320594MA1TE3N650 "
        "统一社会信用代码 91350100M000100Y43住所 苏州市星湖街",
        "88 号住所 沈阳市铁西区北二路",
        "18 号法定代表人 张伟 法定代表人 王力电话 0512-68761234 电话 024-25871234",
        "一、订货明细",
    ]
    blocks = [Block(t, normalize(t), Location(i, page=1, line=i + 1), "line") for i, t in enumerate(lines)]
    from contractkit.contract.model import extract

    pf = extract(Document("o.pdf", "pdf", blocks)).parties
    buyer, seller = pf.by_role("buyer"), pf.by_role("seller")
    assert buyer is not None and buyer.name == BUYER
    assert values(buyer) == {
        "code": "91320594MA1TE3N650",
        "address": "苏州市星湖街88 号",
        "legal": "张伟",
        "phone": "0512-68761234",
    }
    assert (
        seller is not None and values(seller)["legal"] == "王力" and values(seller)["phone"] == "024-25871234"
    )


def test_prose_details_after_the_party_line() -> None:
    text = (
        "买方：上海申达精密机械有限公司（“买方”），一家依据中国法律成立的公司，统一社会信用代码91310115MA1K4Q2X0Q，"
        "注册地址位于上海市浦东新区张江路665号，法定代表人张伟。"
    )
    (p,) = parties(text).parties
    assert p.name == "上海申达精密机械有限公司"
    assert values(p) == {
        "code": "91310115MA1K4Q2X0Q",
        "address": "上海市浦东新区张江路665号",
        "legal": "张伟",
    }


def test_parties_named_only_in_definitions() -> None:
    text = (
        "设备采购合同\n1. 定义\n1.1 “买方”指上海申达精密机械有限公司，统一社会信用代码为91310115MA1K4Q2X0Q，"
        "住所为上海市浦东新区张江路665号。\n1.2 “卖方”指杭州康达医疗设备有限公司。\n"
        "1.3 “货物”指附件所列设备。"
    )
    pf = parties(text)
    buyer, seller = pf.by_role("buyer"), pf.by_role("seller")
    assert buyer is not None and values(buyer) == {
        "code": "91310115MA1K4Q2X0Q",
        "address": "上海市浦东新区张江路665号",
    }
    assert seller is not None and seller.name == "杭州康达医疗设备有限公司"
    assert len(pf.parties) == 2


def pdf_doc(*pages: list[str]):
    """A Document as the PDF reader makes it: one line block per line, with its page and line number."""
    from contractkit.contract.model import contract_of
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = []
    for page, lines in enumerate(pages, start=1):
        for n, line in enumerate(lines, start=1):
            loc = Location(index=len(blocks), page=page, line=n)
            blocks.append(Block(text=line, norm=normalize(line), location=loc, kind="line"))
    return contract_of(Document(path="<pdf>", kind="pdf", blocks=blocks))


HEADER = "合同编号：LQSW-CG-2027-017　　出卖人初签：______　买受人初签：______"


@pytest.mark.parametrize(
    ("heads", "a", "b"),
    [
        ("出卖人 买受人", "出卖人", "买受人"),
        ("供方（盖章） 需方（盖章）", "供方", "需方"),
        ("卖方 买方", "卖方", "买方"),
        ("甲方 乙方", "甲方", "乙方"),
    ],
)
def test_closing_table_run_into_lines_across_a_page_break(heads: str, a: str, b: str) -> None:
    """A model form's closing table as a PDF gives it: the party words on one line, a running header and
    a page footer between its rows, one space between the columns."""
    first = [
        HEADER,
        f"{a}：{SELLER}　　　　　　合同编号：LQSW-CG-2027-017",
        f"{b}：{BUYER}　　　　　签订地点：山东省胶州市",
        "第一条 标的：离心泵6台。",
        "（本页无正文以外的手写内容，涂改无效） 第 1 页",
    ]
    second = [
        HEADER,
        "第十八条 其他约定事项：无。",
        heads,
        f"单位名称（章）：{SELLER} 单位名称（章）：{BUYER}",
        "统一社会信用代码：913205830P7R2W568H 统一社会信用代码：913702814D9F1J637L",
        "（本页无正文以外的手写内容，涂改无效） 第 2 页",
    ]
    third = [
        HEADER,
        "单位地址：江苏省昆山市开发区前进东路 1288 号 单位地址：山东省胶州市九龙街道临清路 66 号",
        "法定代表人：陶建国 法定代表人：于春来",
        "电话：0512-57721836 电话：0532-87213590",
        "（本页无正文以外的手写内容，涂改无效） 第 3 页",
    ]
    pf = pdf_doc(first, second, third).parties
    by_name = {p.name: values(p) for p in pf.parties}
    assert by_name[SELLER]["legal"] == "陶建国" and by_name[BUYER]["legal"] == "于春来"
    assert by_name[SELLER]["address"] == "江苏省昆山市开发区前进东路 1288 号"
    assert by_name[BUYER]["code"] == "913702814D9F1J637L"
    assert by_name[BUYER]["phone"] == "0532-87213590"


@pytest.mark.parametrize(
    "footer", ["第 2 页", "- 2 -", "2 / 3", "Page 2 of 3", "（本页无正文） 第 2 页 共 3 页"]
)
def test_page_numbers_are_furniture(footer: str) -> None:
    from contractkit.contract.parties import furniture

    c = pdf_doc(["甲方：A", "第一条 标的", footer.replace("2", "1")], ["第二条 价款", footer])
    assert furniture(c.doc) == {2, 4}


def test_a_line_repeated_mid_page_is_not_furniture() -> None:
    from contractkit.contract.parties import furniture

    c = pdf_doc(
        ["页眉 HT-001", "甲方：A", "正文一", "正文二", "甲方（盖章）："],
        ["页眉 HT-001", "正文三", "甲方（盖章）：", "正文四", "正文五"],
    )
    assert furniture(c.doc) == {0, 5}


@pytest.mark.parametrize("sep", ["；", ";", "，", " "])
@pytest.mark.parametrize("designation", ["买方", "需方", "采购人", "Buyer"])
def test_party_cell_with_its_details_in_the_next_cell(tmp_path: Path, sep: str, designation: str) -> None:
    """A clause table row ``A1 | 买方 | 名称；统一社会信用代码：…；住所：…``: name and details in one cell."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text, t.rows[0].cells[2].text = "栏目", "条款", "约定内容"
    row = t.rows[1].cells
    row[0].text, row[1].text = "A1", designation
    row[2].text = sep.join(
        [BUYER, "统一社会信用代码：91320594MA1TE3N650", "住所：江苏省苏州市星湖街88号", "法定代表人：张伟",
         "电话：0512-68761234"]
    )  # fmt: skip
    path = tmp_path / "t.docx"
    d.save(str(path))
    (p,) = extract_path(path).parties.parties
    assert p.name == BUYER and p.role == "buyer"
    assert values(p) == {
        "code": "91320594MA1TE3N650",
        "address": "江苏省苏州市星湖街88号",
        "legal": "张伟",
        "phone": "0512-68761234",
    }


@given(st.sampled_from(["单位地址", "公司地址", "企业住所", "住所", "地址"]))
def test_address_labels_with_a_unit_word(label: str) -> None:
    (p,) = parties(f"甲方：{BUYER}\n{label}：江苏省苏州市星湖街88号").parties
    assert values(p) == {"address": "江苏省苏州市星湖街88号"}


@pytest.mark.parametrize(
    "text",
    [
        f"甲　　方：{BUYER}\n住　　所：江苏省苏州市星湖街88号\n法定代表人：张伟\n电　　话：0512-68761234",
        f"甲 方：{BUYER}\n住 所：江苏省苏州市星湖街88号\n法 定 代 表 人：张伟\n电 话：0512-68761234",
        f"甲方：{BUYER}\n注册地：江苏省苏州市星湖街88号\n法人：张伟\n电话/传真：0512-68761234",
        f"甲方：{BUYER}\n邮编：215000\n开户许可证：J3050001234501\n营业地址：江苏省苏州市星湖街88号\n"
        "法定代表人（负责人）：张伟\n联系电话：0512-68761234",
    ],
)
def test_padded_and_unusual_labels_fill_the_party(text: str) -> None:
    """WPS padding (甲　　方), colloquial labels (法人, 注册地); lines with labels the lexicon lacks keep the
    party open."""
    (p,) = parties(text).parties
    assert p.name == BUYER
    got = values(p)
    assert (
        got["address"] == "江苏省苏州市星湖街88号"
        and got["legal"] == "张伟"
        and got["phone"] == "0512-68761234"
    )


def test_padding_keeps_every_offset() -> None:
    from contractkit.contract.parties import _unpad

    text = "住　　所：江苏省苏州市星湖街88号  电　话：0512-68761234"
    out = _unpad(text.replace("\u3000", " "))
    assert len(out) == len(text) and out.index("江苏") == text.index("江苏")
    assert out.split() == ["住所：江苏省苏州市星湖街88号", "电话：0512-68761234"]


@pytest.mark.parametrize("label", ["统一社会信用代码", "住所", "法定代表人", "电话"])
def test_a_name_ends_before_a_label_without_colon(label: str) -> None:
    (p,) = parties(f"卖方：{SELLER} {label} 91320594MA1TE3N650").parties
    assert p.name == SELLER


# -- round 3: padded names before padded labels, stray OCR quotes -----------------------------------------


@pytest.mark.parametrize(
    ("line", "legal", "phone"),
    [
        ("法定代表人：邹　敏　　　电　话：0731-88642710", "邹 敏", "0731-88642710"),
        ("法定代表人：王　力　　联系电话：024-25871234", "王 力", "024-25871234"),
        ("负 责 人：李　明　　　手　机：13912345678", "李 明", "13912345678"),
        ("法定代表人：曲红梅 ” ”电话: 0631-5287419", "曲红梅", "0631-5287419"),
        ("法定代表人:任志刚 ”电话: 0371-65772014", "任志刚", "0371-65772014"),
    ],
)
def test_legal_and_phone_on_one_padded_or_noisy_line(line: str, legal: str, phone: str) -> None:
    p = parties(f"甲　　方：{BUYER}\n{line}\n").parties[0]
    assert values(p)["legal"] == legal
    assert values(p)["phone"] == phone


def test_a_padded_label_alone_is_still_joined() -> None:
    p = parties(f"甲　　方：{BUYER}\n地　　址：江苏省苏州市星湖街88号\n电　　话：0512-68761234\n").parties[0]
    assert values(p)["address"] == "江苏省苏州市星湖街88号"
    assert values(p)["phone"] == "0512-68761234"


@pytest.mark.parametrize(
    "head",
    ["买的一方（甲方）：", "买机器的（甲方）：", "买方（即甲方）：", "订货的一方(甲方):"],
)
def test_a_designation_in_brackets_after_an_everyday_word(head: str) -> None:
    text = (
        f"{head}{BUYER}，信用代码91320594MA1TE3N650，\n"
        "地址：江苏省苏州市星湖街88号，法人：张伟，手机：13956012873\n"
    )
    p = parties(text).parties[0]
    assert p.name == BUYER
    assert values(p)["legal"] == "张伟" and values(p)["phone"] == "13956012873"


def test_a_closing_bracket_without_its_opening_opens_no_party() -> None:
    assert parties("本合同由甲方）：签订。\n").parties == ()


@pytest.mark.parametrize(
    ("line", "legal", "kind", "value"),
    [
        ("法定代表人:王海滨电话: 0532-87896651", "王海滨", "phone", "0532-87896651"),
        ("法定代表人：李明手机：13912345678", "李明", "phone", "13912345678"),
        ("负责人：赵刚传真：0512-68761235", "赵刚", "fax", "0512-68761235"),
        ("法定代表人：张伟联系电话：0512-68761234", "张伟", "phone", "0512-68761234"),
    ],
)
def test_a_label_glued_to_the_value_before_it(line: str, legal: str, kind: str, value: str) -> None:
    p = parties(f"供方：{SELLER}\n{line}\n").parties[0]
    assert values(p)["legal"] == legal and values(p)[kind] == value


@pytest.mark.parametrize(
    "line",
    [
        "买方(盖章): 合肥华筑装修有限公司 ”代表:程静",
        "买方（盖章）：合肥华筑装修有限公司 “ 代表：程静",
        "买方（盖章）：合肥华筑装修有限公司　代表：程静",
    ],
)
def test_a_signature_line_with_a_representative_names_the_company(line: str) -> None:
    text = f"买方：合肥华筑装饰工程有限公司\n卖方：{SELLER}\n第一条 标的\n{line}\n"
    names = [m.name for m in parties(text).mentions if m.signature]
    assert names == ["合肥华筑装修有限公司"]


# -- the kind of each party (round 5) ------------------------------------------------------------------------

_USCC_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(first17: str) -> str:
    """``first17`` with its GB 32100-2015 check character."""
    total = sum(_USCC_SET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return first17 + _USCC_SET[(31 - total % 31) % 31]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.name) for p in parties(text).parties]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Hong Kong, Macau, Taiwan, abroad: a business registration, an address there, a foreign form
        ("买方：宏达国际贸易有限公司\n商业登记证号码：61234567\n地址：香港湾仔告士打道138号", "foreign"),
        ("買方：澳門新濠電器貿易有限公司\n商業登記編號：SO 12345\n地址：澳門新馬路61號", "foreign"),
        ("甲方：台湾永丰精密股份有限公司\n统一编号：12345678\n地址：台北市内湖区瑞光路188号", "foreign"),
        ("卖方：新加坡环宇机电私人有限公司\n公司注册编号：201912345K", "foreign"),
        ("甲方：Keller Maschinenbau GmbH\nCompany No.: HRB 123456", "foreign"),
        ("甲方：东京精机株式会社\n地址：日本东京都港区芝公园1-2-3", "foreign"),
        ("买方：星辉娱乐集团有限公司（香港注册公司）\n地址：九龙旺角亚皆老街83号", "foreign"),
        # 个体工商户: code 92, a note, a shop name, the operator named with the 字号
        (f"甲方：义乌市稠城阿强五金店\n统一社会信用代码：{uscc('92330782MA2H7Y5D5')}", "sole_trader"),
        ("乙方：金华市婺城区晓琳服饰定制工作室（个体工商户）\n经营者：林晓琳", "sole_trader"),
        ("甲方：王大明（个体工商户，字号：大明建材经营部）\n身份证号：320102196805121234", "sole_trader"),
        ("买方：砀山县玄庙镇丰收农资经营部\n经营者：孙长林", "sole_trader"),
        # natural persons, public institutions, cooperatives, social organisations, partnerships
        ("甲方：李秀英\n身份证号码：330106197503151828\n家庭住址：杭州市西湖区文三路259号", "person"),
        (f"甲方：南京市第一医院\n统一社会信用代码：{uscc('12320100466003248')}", "public"),
        ("甲方：杭州市西湖区文新街道社区卫生服务中心\n单位负责人：赵敏", "public"),
        (f"卖方：宏福蔬菜种植专业合作社\n统一社会信用代码：{uscc('93330100MA2B3C4D5')}", "cooperative"),
        (f"甲方：上海市浦东新区书法家协会\n统一社会信用代码：{uscc('51310115MJ4959215')}", "social"),
        ("乙方：苏州湖畔国际学校（民办非企业单位）\n地址：苏州市高新区科灵路78号", "social"),
        ("乙方：北京明德律师事务所（普通合伙）\n执行事务合伙人：王明", "partnership"),
        (f"甲方：{BUYER}\n统一社会信用代码：91320594MA1TE3N650", "company"),
    ],
)
def test_party_kind_from_code_registration_note_name_and_labels(text: str, kind: str) -> None:
    (got,) = kinds(text)
    assert got[0] == kind, (text, got)


def test_a_xianggang_road_in_qingdao_is_not_hong_kong() -> None:
    (p,) = parties(f"甲方：{BUYER}\n住所：山东省青岛市市南区香港中路76号").parties
    assert p.kind == "company" and not p.foreign


@given(
    authority=st.sampled_from(["91", "92", "93", "11", "12", "13", "51", "52", "53"]),
    region=st.text(alphabet="0123456789", min_size=6, max_size=6),
    body=st.text(alphabet=_USCC_SET, min_size=9, max_size=9),
)
def test_kind_follows_the_code_category_whatever_the_name(authority: str, region: str, body: str) -> None:
    expected = {"91": "company", "92": "sole_trader", "93": "cooperative"}.get(authority) or (
        "public" if authority[0] == "1" else "social"
    )
    code = uscc(authority + region + body)
    text = f"甲方：宁波东港实业\n统一社会信用代码：{code}\n地址：宁波市江北区人民路8号"
    (p,) = parties(text).parties
    assert p.kind == expected


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("砀山县玄庙镇丰收农资经营部（个体工商户）", "砀山县玄庙镇丰收农资经营部"),
        ("星輝娛樂集團有限公司(香港註冊公司)", "星輝娛樂集團有限公司"),
        ("苏州湖畔国际学校（民办非企业单位）", "苏州湖畔国际学校"),
        ("佛山百彩色母料有限公司（外商独资）", "佛山百彩色母料有限公司"),
        ("上海华联商贸有限公司（北京分公司）", "上海华联商贸有限公司（北京分公司）"),
    ],
)
def test_core_name_drops_a_note_but_keeps_a_branch(name: str, core: str) -> None:
    from contractkit.contract.party_kinds import split_note

    assert split_note(name)[0] == core


@pytest.mark.parametrize(
    ("line", "label", "kind"),
    [
        ("店面地址：浙江省义乌市稠城街道工人北路1128号", "店面地址", "address"),
        ("门店地址：浙江省金华市宾虹西路2399号", "门店地址", "address"),
        ("家庭住址：杭州市西湖区文三路259号", "家庭住址", "address"),
        ("院长：李明", "院长", "legal"),
        ("理事长：赵德明", "理事长", "legal"),
        ("單位負責人：趙敏", "单位负责人", "legal"),
        ("商業登記證號碼：73918462-000-09-26-4", "商业登记证号码", "reg"),
        ("董事：梁家豪", "董事", "agent"),
    ],
)
def test_round5_detail_labels(line: str, label: str, kind: str) -> None:
    (p,) = parties(f"甲方：宁波东港实业有限公司\n{line}").parties
    assert kind in p.details and p.details[kind].label == label, values(p)


def test_a_label_a_scan_glued_to_the_address_before_it() -> None:
    text = f"卖方：{SELLER}\n地址：青岛市崂山区株洲路 151 号 3 号楼法定代表人: 高文涛 电话: 0532-88706215"
    (p,) = parties(text).parties
    assert values(p)["legal"].startswith("高文涛") and values(p)["address"].endswith("3 号楼")


@pytest.mark.parametrize(
    ("lines", "address"),
    [
        (
            "地址:浙江省宁波市北仑区新碶街道黄山西路\n211 号 电话:0574-86150277",
            "浙江省宁波市北仑区新碶街道黄山西路211 号",
        ),
        ("住所：江苏省苏州市工业园区星湖街\n88号3幢  法定代表人：张伟", "江苏省苏州市工业园区星湖街88号3幢"),
        ("地址：上海市闵行区春东路\n12-3号 联系电话：021-64891234", "上海市闵行区春东路12-3号"),
    ],
)
def test_an_address_wrapped_before_its_house_number_is_joined(lines: str, address: str) -> None:
    (p,) = parties(f"报价方：{SELLER} 统一社会信用代码：91350100M000100Y43 {lines}").parties
    assert values(p)["address"] == address


def test_a_line_after_an_address_that_is_no_house_number_stays_apart() -> None:
    (p,) = parties(f"卖方：{SELLER}\n地址：沈阳市铁西区北二路\n2027年交货").parties
    assert values(p)["address"] == "沈阳市铁西区北二路"
