"""`parties` rules on real drafts, JSON deals and the bundled defective sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.findings import Severity
from contractkit.lint import lint_document, lint_paths, lint_text

PARTIES = Settings(select=("parties",))


def rule_list(text: str) -> list[str]:
    return [f.rule for f in lint_text(text, PARTIES)]


def rules(text: str) -> set[str]:
    return set(rule_list(text))


def values(p) -> dict[str, str]:
    return {k: d.value for k, d in p.details.items()}


def test_defective_sample_hits_every_parties_rule(samples_dir: Path) -> None:
    (fr,) = lint_paths([samples_dir / "drafts" / "defective-parties-amount.txt"], PARTIES).files
    got = {f.rule for f in fr.findings}
    # no parties/missing-details: the quoting side states code and address, and the customer a quote is
    # addressed to needs only its name (the expectation that it also give a credit code was wrong)
    assert got == {
        "parties/missing-phone",
        "parties/invalid-credit-code",
        "parties/invalid-phone",
        "parties/inconsistent-name",
        "parties/not-full-name",
    }


def test_json_deals_have_no_warning(samples_dir: Path) -> None:
    # clean-sales-contract.txt is left out: its party block gives no 住所 or 法定代表人 (and the seller no
    # credit code), which parties/missing-details now reports as the defect it is.
    paths = [p for p in sorted(samples_dir.glob("*.json")) if not p.name.startswith("price-list")]
    result = lint_paths(paths, PARTIES)
    assert all(fr.error is None for fr in result.files)
    loud = [(fr.path, f.rule) for fr in result.files for f in fr.findings if f.severity >= Severity.WARNING]
    assert loud == []


def test_foreign_party_needs_no_credit_code() -> None:
    text = (
        "甲方：Pacific Marine Supply Pte. Ltd.\n地址：80 Robinson Road\n法定代表人：Tan\n电话：+65 6221 3456"
    )
    assert rules(text) == set()


def test_masked_credit_code_is_not_a_typo() -> None:
    assert "parties/invalid-credit-code" not in rules("统一社会信用代码：91320500MA1XXXXXX0")
    assert "parties/invalid-credit-code" in rules("统一社会信用代码：91320500MA1XYZABC0")


def test_signature_block_with_other_name_is_inconsistent() -> None:
    text = "买方（甲方）：苏州精工机械制造有限公司\n第一条 标的\n甲方（盖章）：苏州精工机械公司"
    found = [f for f in lint_text(text, PARTIES) if f.rule == "parties/inconsistent-name"]
    assert len(found) == 1 and "苏州精工机械公司" in found[0].message


def test_template_blanks_are_not_parties() -> None:
    text = "甲方（学员姓名）：                     联系电话：\n甲方（签名）：　　      乙方（盖章）："
    assert rules(text) == set()


def test_english_contracts_get_no_parties_findings(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir / "en"], PARTIES)
    assert [f for fr in result.files for f in fr.findings] == []


def test_our_own_rendered_quote_has_no_parties_finding(samples_dir: Path, tmp_path: Path) -> None:
    """The phone in the 联系电话 row of the rendered quote's party table is seen (it was not)."""
    from contractkit.cli import main

    out = tmp_path / "q.docx"
    assert main(["render", str(samples_dir / "quote-office.json"), "-o", str(out)]) == 0
    (fr,) = lint_paths([out], PARTIES).files
    assert [(f.rule, f.message) for f in fr.findings] == []


def test_missing_address_and_legal_representative_are_warnings() -> None:
    text = (
        "买方（甲方）：常州恒晟电力安装工程有限公司\n统一社会信用代码：91320411MA1X4F7A8W\n"
        "住所：常州市龙锦路1590号\n"
        "法定代表人：杜海鹰\n卖方（乙方）：安徽皖东线缆制造有限公司\n统一社会信用代码：91341181MA2NB3C651\n"
        "联系电话：0550-7025583\n第一条 标的"
    )
    found = [f for f in lint_text(text, PARTIES) if f.rule == "parties/missing-details"]
    seller = [f for f in found if "安徽皖东线缆制造有限公司" in f.message]
    assert len(seller) == 1 and seller[0].severity == Severity.WARNING
    assert "住所/地址、法定代表人" in seller[0].message and "联系电话" not in seller[0].message
    # the buyer gives no phone while the seller gives one: the form asks for it
    buyer = [f for f in found if "常州恒晟电力安装工程有限公司" in f.message]
    assert len(buyer) == 1 and buyer[0].message.endswith("缺少：联系电话。")


def test_quote_needs_no_legal_representative() -> None:
    text = (
        "报价单\n报价单位：昆山沃泰泵阀科技有限公司\n统一社会信用代码：91320583MA1W5K3J4J\n"
        "地址：江苏省昆山市开发区前进东路1588号  电话：0512-57728810"
    )
    assert rules(text) == set()


def test_short_name_in_the_body_is_inconsistent() -> None:
    text = "乙方（经销商）：湖南湘仁医疗器械贸易有限公司\n第一条 湘仁公司应按月向甲方报送销售台账。"
    found = [f for f in lint_text(text, PARTIES) if f.rule == "parties/inconsistent-name"]
    assert [f.snippet for f in found] and "湘仁公司" in found[0].message


def test_landline_and_mobile_in_one_phone_detail() -> None:
    text = "乙方：杭州宜家办公家具有限公司\n法定代表人：郑国强　　电话：0571-86273350，手机13858112046"
    assert "parties/invalid-phone" not in rules(text)
    assert "parties/invalid-phone" in rules(text.replace("13858112046", "1385811204"))


def test_taiwan_party_has_no_mainland_code_or_phone_format() -> None:
    text = (
        "賣方：台灣精密機械股份有限公司\n統一編號：12345678\n地址：台北市信義區松仁路100號\n"
        "負責人：陳大文\n電話：02-27201234"
    )
    assert rules(text) == set()


def test_foreign_company_needs_no_legal_representative() -> None:
    text = "甲方（Party A）：Siemens Healthineers Ltd.\nAddress: 1 Main Street, Erlangen\n买卖合同条款"
    assert "parties/missing-details" not in rules(text)


def test_our_own_rendered_quote_pdf_has_no_parties_finding(samples_dir: Path, tmp_path: Path) -> None:
    """The PDF runs the party table into lines (客户 报价方名称 … ; 统一社会信用代 / 码9133… 9131…)."""
    import shutil

    import pytest

    from contractkit.cli import main

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is needed to render the PDF")
    assert (
        main(["render", str(samples_dir / "quote-office.json"), "-o", str(tmp_path), "--format", "both"]) == 0
    )
    (pdf,) = tmp_path.glob("*.pdf")
    (fr,) = lint_paths([pdf], PARTIES).files
    assert [(f.rule, f.message) for f in fr.findings] == []


def test_two_numbers_side_by_side_are_two() -> None:
    from contractkit.contract.parties import phone_spans

    text = "0571-87651234 021-50801234"
    assert [text[a:b] for a, b in phone_spans(text)] == ["0571-87651234", "021-50801234"]
    grouped = "手机 138 1234 5678"
    assert [grouped[a:b] for a, b in phone_spans(grouped)] == ["138 1234 5678"]


def test_a_list_of_duties_is_not_a_party_name() -> None:
    body = "\n".join(f"第{i}条 其他约定。" for i in range(1, 15))
    text = (
        f"甲方：苏州精工机械制造有限公司\n乙方：沈阳华力机床销售有限公司\n{body}\n第十五条 双方职责\n"
        "甲方：提供场地和电源；\n乙方：负责安装调试。\n"
        "甲方（盖章）：苏州精工机械制造有限公司  乙方（合同专用章）：沈阳华力机床销售公司"
    )
    found = [f.message for f in lint_text(text, PARTIES) if f.rule == "parties/inconsistent-name"]
    assert found == ["乙方在此处写作“沈阳华力机床销售公司”，与首部的“沈阳华力机床销售有限公司”不一致。"]


@pytest.mark.parametrize("customer", ["客户", "致", "询价方", "客户名称"])
def test_quote_customer_needs_only_its_name(customer: str) -> None:
    """A quote is the quoting side's offer: it identifies itself; the customer it is addressed to is named."""
    text = (
        "报价单\n报价单位：武汉楚印办公设备有限公司\n统一社会信用代码：914201063Y8A5B277C\n"
        "地址：湖北省武汉市武昌区中北路227号　电话：027-87326615\n"
        f"{customer}：武汉江城数字出版有限公司（客户编号：202703-021）\n联系人：夏雨　电话：027-86795342"
    )
    assert "parties/missing-details" not in rules(text)
    assert "parties/missing-details" in rules(text.replace("统一社会信用代码：914201063Y8A5B277C\n", ""))


def test_contract_customer_still_needs_its_details() -> None:
    text = "采购合同\n买方：武汉江城数字出版有限公司\n卖方：武汉楚印办公设备有限公司\n第一条 标的"
    found = [f.message for f in lint_text(text, PARTIES) if f.rule == "parties/missing-details"]
    assert len(found) == 2


@pytest.mark.parametrize(
    "basis",
    [
        "依据双方于2026年1月5日签订的《年度采购框架协议》（编号FA-2026-001），买方向卖方订购下列产品。",
        "本订单系双方《采购框架合同》项下的具体订单，未尽事宜按框架合同执行。",
        # a master contract that is not called a framework
        "根据买卖双方于2026年1月5日签订的《产品购销合同》（合同编号HL-2026-01），买方向卖方订购下列货物。",
        "本订单为《2026年度供货协议》的组成部分，买方向卖方订购下列产品。",
        "本订单未尽事宜按《设备采购合同》执行。",
    ],
)
def test_order_under_a_framework_takes_the_parties_from_it(basis: str) -> None:
    text = (
        f"采购订单\n订单编号：PO-2026-0312\n{basis}\n买方：苏州精工机械制造有限公司\n"
        "卖方：沈阳华力机床销售有限公司\n"
        "一、产品：数控车床2台。"
    )
    assert "parties/missing-details" not in rules(text)
    standalone = text.replace(basis, "买方向卖方订购下列产品。")
    assert "parties/missing-details" in rules(standalone)


def _pdf_lines(lines: list[str]):
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(text=t, norm=normalize(t), location=Location(index=n, page=1, line=n + 1), kind="line")
        for n, t in enumerate(lines)
    ]
    return Document(path="<pdf>", kind="pdf", blocks=blocks)


@pytest.mark.parametrize(
    ("sign", "wrapped"),
    [
        (["乙方（盖章）：苏州工业园区精工技术服务中心", "有限公司"], False),
        (
            [
                "甲方（盖章）：上海浦江设备服务中心 乙方（盖章）：苏州工业园区精工技术服务中心",
                "有限公司 有限公司",
            ],
            False,
        ),
        (["乙方（盖章）：苏州工业园区精工技术服务中心", "日期：2026年5月1日"], True),
    ],
)
def test_a_name_cut_by_a_pdf_line_wrap_is_the_same_name(sign: list[str], wrapped: bool) -> None:
    from contractkit.lint import lint_document

    head = [
        "服务合同",
        "甲方：上海浦江设备服务中心有限公司",
        "乙方：苏州工业园区精工技术服务中心有限公司",
        *[f"第{n}条 约定事项。" for n in range(1, 16)],
    ]
    found = [
        f for f in lint_document(_pdf_lines(head + sign), PARTIES) if f.rule == "parties/inconsistent-name"
    ]
    assert bool(found) is wrapped


_HEAD = (
    "甲方（买方）：湖南湘仁医疗器械贸易有限公司\n统一社会信用代码：91430104MA4PW1T76E\n"
    "住所：湖南省长沙市岳麓区麓谷大道627号\n法定代表人：冯志明  电话：0731-88614392\n"
)


@pytest.mark.parametrize(
    "place",
    [
        "交货地点：湖南省长沙市岳麓区麓谷大道627号湘仁公司2号收货门。",  # a numbered gate of the premises
        "货物送至长沙市望城区金星北路二段398号湘仁公司3号库，卖方负责卸货。",  # a numbered warehouse
        "收货地址：长沙市望城区金星北路二段398号湘仁公司东门。",  # a gate by its side
        "交货地点为湖南省长沙市岳麓区麓谷大道627号湘仁公司。",  # the party's own stated address
        "卖方应将货物运至麓谷大道627号湘仁公司B栋一楼。",  # a lettered building
    ],
)
def test_a_short_name_that_is_part_of_an_address_is_not_a_variant(place: str) -> None:
    assert "parties/inconsistent-name" not in rules(_HEAD + f"第一条 交货\n{place}")


@pytest.mark.parametrize(
    "text",
    [
        "交货地点为湖南省长沙市望城区金星北路二段398号湘仁公司医疗器械仓库。",  # whose warehouse: the party's
        "货物运至湘仁公司仓库后，湘仁公司应在三日内验收。",  # the party acting
        "卖方将发票寄至长沙市开福区芙蓉中路一段88号，由湘仁公司财务部签收。",  # a clause after the address
    ],
)
def test_a_short_name_that_stands_for_the_party_is_a_variant(text: str) -> None:
    assert "parties/inconsistent-name" in rules(_HEAD + f"第一条 交货\n{text}")


_SELLER = "沈阳华力机床销售有限公司"


@pytest.mark.parametrize(
    "head",
    [
        # a party table cell: name, then details after 、；, the code label without a colon
        f"卖方：{_SELLER}；统一社会信用代码91210106MA0XUGB81D；住所：辽宁省沈阳市铁西区北二路18号；"
        "法定代表人：王力；电话：024-25871234",
        # every label without a colon, single spaces
        f"卖方：{_SELLER} 统一社会信用代码91210106MA0XUGB81D 住所辽宁省沈阳市铁西区北二路18号 法定代表人王力",
        # detail lines with the value after a space
        f"卖方：{_SELLER}\n统一社会信用代码 91210106MA0XUGB81D\n住所 辽宁省沈阳市铁西区北二路18号\n"
        "法定代表人 王力",
        # a sentence with commas
        f"卖方：{_SELLER}，信用代码91210106MA0XUGB81D，地址辽宁省沈阳市铁西区北二路18号，法人代表王力",
    ],
)
def test_details_without_a_colon_are_read(head: str) -> None:
    assert "parties/missing-details" not in rules(head + "\n第一条 标的\n卖方向买方出售车床2台。")


def test_details_without_a_colon_still_miss_what_is_absent() -> None:
    got = lint_text(f"卖方：{_SELLER}；统一社会信用代码91210106MA0XUGB81D\n第一条 标的\n", PARTIES)
    (f,) = [f for f in got if f.rule == "parties/missing-details"]
    assert "住所" in f.message and "法定代表人" in f.message and "信用代码" not in f.message


@pytest.mark.parametrize(
    "letterhead",
    [
        "中国华东集团有限公司\n物资采购合同\n",  # the group above the title
        "华东集团\n华东集团有限公司 物资采购合同\n",  # the title itself names the group's form
    ],
)
def test_a_letterhead_above_the_title_is_not_a_party_name(letterhead: str) -> None:
    text = (
        f"{letterhead}采购人（甲方）：中国华东集团上海物资有限公司\n统一社会信用代码：91310115MA1K4CXX3L\n"
        "住所：上海市浦东新区世纪大道1200号\n法定代表人：张国强\n第一条 标的\n甲方向乙方采购阀门。"
    )
    assert "parties/inconsistent-name" not in rules(text)
    assert "parties/inconsistent-name" in rules(text + "\n华东公司负责验收。")


_BUYER_HEAD = (
    "甲方：苏州精工机械制造有限公司\n统一社会信用代码：91320594MA1TE3N650\n住所：苏州市星湖街88号\n"
    "法定代表人：张伟\n"
)


@pytest.mark.parametrize(
    "seller",
    [
        "乙方：沈阳市铁西区华力五金商店（个体工商户）\n经营者：王力\n身份证号：210106198001011234\n"
        "地址：沈阳市铁西区北二路18号",
        "乙方：沈阳华力五金经营部\n经营者：王力  身份证号码：210106198001011234\n"
        "住所：沈阳市铁西区北二路18号",
        "乙方：大连海鲜商行\n投资人：刘洋\n公民身份号码：210106198001011234\n地址：大连市中山区港湾街1号",
    ],
)
def test_a_sole_trader_is_identified_by_its_operator(seller: str) -> None:
    assert "parties/missing-details" not in rules(_BUYER_HEAD + seller + "\n第一条 甲方向乙方购买五金件。")


def test_a_sole_trader_without_its_operator_still_lacks_details() -> None:
    text = (
        _BUYER_HEAD + "乙方：沈阳华力五金经营部\n地址：沈阳市铁西区北二路18号\n第一条 甲方向乙方购买五金件。"
    )
    assert "parties/missing-details" in rules(text)


def test_a_partnership_names_its_executive_partner() -> None:
    text = (
        _BUYER_HEAD + "乙方：杭州云帆咨询合伙企业（有限合伙）\n统一社会信用代码：91330106MA2CFKRH1E\n"
        "主要经营场所：杭州市西湖区文三路1号\n执行事务合伙人：周明\n第一条 甲方向乙方购买咨询服务。"
    )
    assert "parties/missing-details" not in rules(text)


@pytest.mark.parametrize(
    "details",
    [
        # the parties named at the head, their details in a later line of their own
        "甲方信息：统一社会信用代码91320594MA1TE3N650，住所苏州市星湖街88号，法定代表人张伟，"
        "电话0512-68761234。\n"
        "乙方信息：统一社会信用代码91210106MA0XUGB81D，住所沈阳市铁西区北二路18号，法定代表人王力，"
        "电话024-25871234。",
        "甲方信息：统一社会信用代码91320594MA1TE3N650，住所苏州市星湖街88号，法定代表人张伟。\n"
        "乙方信息：统一社会信用代码91210106MA0XUGB81D，住所沈阳市铁西区北二路18号，法定代表人王力。",
        "甲方的基本资料：统一社会信用代码：91320594MA1TE3N650；住所：苏州市星湖街88号；法定代表人：张伟。\n"
        "乙方：统一社会信用代码91210106MA0XUGB81D，住所沈阳市铁西区北二路18号，法定代表人王力。",
        # the signature block, two columns
        "甲方（盖章）：苏州精工机械制造有限公司        乙方（盖章）：沈阳华力机床销售有限公司\n"
        "法定代表人：张伟                        法定代表人：王力\n"
        "地址：苏州市星湖街88号                  地址：沈阳市铁西区北二路18号\n"
        "统一社会信用代码：91320594MA1TE3N650     统一社会信用代码：91210106MA0XUGB81D",
    ],
)
def test_details_given_after_the_head_are_found(details: str) -> None:
    text = (
        "买卖合同\n甲方：苏州精工机械制造有限公司\n乙方：沈阳华力机床销售有限公司\n"
        f"第一条 甲方向乙方购买车床2台。\n{details}"
    )
    assert "parties/missing-details" not in rules(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "甲方为天津滨港集团有限公司的全资子公司，负责集团物资集中采购。",  # the parent
        "货物由甲方指定的滨港集团物流有限公司承运。",  # an affiliate
        "本合同项下的质量保证由滨港集团股份有限公司提供连带责任担保。",  # a guarantor
    ],
)
def test_another_companys_full_name_is_not_a_name_variant(sentence: str) -> None:
    text = (
        "采购方（甲方）：天津滨港集团物资供应有限公司\n统一社会信用代码：91120116MA05KPQT1X\n"
        f"住所：天津市滨海新区新港四号路2208号\n法定代表人：李强\n第一条 背景\n{sentence}"
    )
    assert "parties/inconsistent-name" not in rules(text)


@pytest.mark.parametrize(
    ("head", "sign"),
    [
        ("甲方", "甲方(盖章)\t\t乙方确认(盖章)"),
        ("甲方", "甲方（签章）\t乙方签收（签章）"),
        ("买方", "买方（盖章）\t卖方确认（盖章）"),
    ],
)
def test_the_other_partys_signature_cell_is_not_a_name(head: str, sign: str, tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph(f"{head}：苏州精工机械制造有限公司")
    table = doc.add_table(rows=1, cols=3)
    left, right = sign.split("\t", 1)
    table.cell(0, 0).text = left
    table.cell(0, 2).text = right.strip("\t")
    path = tmp_path / "sign.docx"
    doc.save(path)
    (fr,) = lint_paths([path], PARTIES).files
    assert "parties/inconsistent-name" not in {f.rule for f in fr.findings}


def test_a_one_character_difference_in_an_ocr_scan_is_a_misreading() -> None:
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    lines = [
        "购销合同",
        "供方：济南华印版村有限公司",
        "需方：威海海韵彩印有限公司",
        "供方（盖章）：济南华印版材有限公司",
    ]
    blocks = [
        Block(t, normalize(t), Location(index=i, page=1, line=i + 1), "line", None, None)
        for i, t in enumerate(lines)
    ]
    scanned = Document("scan.pdf", "pdf", blocks, None, {"pages": 1, "ocr": [1]})
    typed = Document("typed.pdf", "pdf", blocks, None, {"pages": 1, "ocr": []})
    from contractkit.lint import lint_document

    assert "parties/inconsistent-name" not in {f.rule for f in lint_document(scanned, PARTIES)}
    assert "parties/inconsistent-name" in {f.rule for f in lint_document(typed, PARTIES)}


@pytest.mark.parametrize("label", ["老板（法定代表人）", "董事长(法定代表人)", "负责人（法人代表）"])
def test_a_label_in_brackets_after_an_everyday_word(label: str) -> None:
    text = (
        "卖方：长沙甜渡餐饮管理有限公司\n信用代码：91430104MA4Q2L8B72\n地址：长沙市岳麓区麓山南路58号\n"
        f"{label}：向佳琪\n第一条 卖方将设备转让给买方。"
    )
    assert "parties/missing-details" not in rules(text)


@pytest.mark.parametrize(
    "address",
    [
        "江苏省江阴市周庄镇",  # stops at the town
        "辽宁省沈阳市铁西区北二路",  # a road without its number
        "广东省佛山市顺德区",  # the district
    ],
)
def test_an_address_without_street_and_number_is_incomplete(address: str) -> None:
    text = f"卖方：江阴固力紧固件制造有限公司\n地址：{address}\n法定代表人：邵振华\n第一条 标的"
    assert "parties/address-incomplete" in rules(text)


@pytest.mark.parametrize(
    "address",
    [
        "江苏省江阴市周庄镇长寿路18号",
        "湖南省长沙县黄兴镇蓝田村五组",  # a rural domicile
        "辽宁省沈阳市浑南区沈阳国际软件园",  # a named park
        "香港九龙观塘道388号创纪之城一期18楼1803室",
        "________",  # a template's blank
    ],
)
def test_a_specific_address_is_complete(address: str) -> None:
    text = f"卖方：江阴固力紧固件制造有限公司\n地址：{address}\n法定代表人：邵振华\n第一条 标的"
    assert "parties/address-incomplete" not in rules(text)


# -- round 3: a phone one party gives and the other leaves out; codes a scan misread ----------------------

_BUYER_LINES = (
    "甲方：合肥快修侠汽车服务有限公司，信用代码913401002865623823，\n"
    "地址：合肥市蜀山区望江西路588号，法人：周建军，{a}\n"
)
_SELLER_LINES = (
    "乙方：合肥旺达二手设备回收有限公司，信用代码913401002466389280，\n"
    "地址：合肥市瑶海区长江东路1026号，法人：孙德旺{b}\n"
)


@pytest.mark.parametrize(
    ("a", "b", "missing"),
    [
        ("手机：13956012873", "", True),
        ("电话：0551-65123456", "", True),
        ("联系电话：0551-65123456", "，邮箱：sun@wangda.cn", False),  # e-mail reaches the seller
        ("手机：13956012873", "，联系人：孙德旺 0551-64210087", False),
        ("手机：13956012873", "，电话：0551-64210087", False),
        ("开户行：徽商银行", "", False),  # neither gives a phone
        ("手机：13956012873", "\n第九条 通知 乙方指定联系电话0551-64210087为通知号码。", False),
        ("手机：13956012873", "\n第九条 通知 双方以本合同首部地址和电话通知。", True),
    ],
)
def test_phone_given_by_one_party_only(a: str, b: str, missing: bool) -> None:
    found = lint_text(_BUYER_LINES.format(a=a) + _SELLER_LINES.format(b=b), PARTIES)
    phone = [f for f in found if f.rule == "parties/missing-details" and "联系电话" in f.message]
    assert bool(phone) is missing
    assert all("合肥旺达二手设备回收有限公司" in f.message for f in phone)


CC = "parties/invalid-credit-code"


def _scanned(text: str, ocr: bool = True):
    """``text`` as the lines of page 1 of a PDF: a scan read by OCR, or (``ocr=False``) its text layer."""
    from dataclasses import replace

    from contractkit.readers.model import Document
    from contractkit.readers.text import document_from_text

    d = document_from_text(text)
    blocks = [replace(b, location=replace(b.location, page=1, line=b.location.index + 1)) for b in d.blocks]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"ocr": [1] if ocr else []})


@pytest.mark.parametrize(
    ("code", "reported"),
    [
        ("91610113MA6U2P4GOT", False),  # O read for 0: repaired, valid
        ("9I610113MA6U2P4G0T", False),  # I read for 1
        ("916101I3MA6U2P4G0T", False),
        ("91610113MA6U2P4G0X", True),  # no misread letter: a wrong check character is a finding
        ("91610113MA6U2P4GOX", False),  # misread and still wrong after repair: not judged
    ],
)
def test_credit_code_read_by_ocr(code: str, reported: bool) -> None:
    from contractkit.lint import lint_document

    doc = _scanned(
        f"买卖合同\n买方：西安鲜惠佳连锁超市有限公司\n统一社会信用代码：{code}\n住所：西安市科技路216号"
    )
    found = [f for f in lint_document(doc, Settings(select=(CC,))) if f.rule == CC]
    assert bool(found) is reported


@pytest.mark.parametrize("code", ["91610113MA6U2P4GOT", "91350100M000100Y4Z"])
def test_credit_code_typed_with_a_letter_gb_32100_excludes_is_reported(code: str) -> None:
    text = f"买卖合同\n买方：西安鲜惠佳连锁超市有限公司\n统一社会信用代码：{code}\n"
    assert "parties/invalid-credit-code" in rules(text)


_TWINS = {"0": "O", "1": "I", "2": "Z", "5": "S"}


@given(
    region=st.text(alphabet="0123456789", min_size=6, max_size=6),
    org=st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=9, max_size=9),
    misread=st.sets(st.integers(min_value=2, max_value=16), min_size=1, max_size=3),
)
@hsettings(max_examples=40, deadline=None)
def test_a_valid_code_a_scan_misread_is_never_reported(region: str, org: str, misread: set[int]) -> None:
    from stdnum.cn import uscc

    from contractkit.lint import lint_document

    body = "91" + region + org
    code = body + uscc.calc_check_digit(body)
    chars = list(code)
    for k in misread:
        chars[k] = _TWINS.get(chars[k], chars[k])
    read = "".join(chars)
    doc = _scanned(
        f"买卖合同\n买方：西安鲜惠佳连锁超市有限公司\n统一社会信用代码：{read}\n住所：西安市科技路216号"
    )
    assert [f for f in lint_document(doc, Settings(select=(CC,))) if f.rule == CC] == []


@pytest.mark.parametrize("phone", ["0551-604487203", "6044872", "1395601287"])
def test_a_phone_read_by_ocr_is_not_judged(phone: str) -> None:
    from contractkit.lint import lint_document

    text = f"买卖合同\n卖方：合肥恒基建材贸易有限公司\n法定代表人：汪德胜  电话：{phone}"
    doc = _scanned(text)
    assert [
        f for f in lint_document(doc, Settings(select=("parties/invalid-phone",))) if f.rule != "meta/ocr"
    ] == []
    assert "parties/invalid-phone" in rules(text)  # typed, the same number is a finding


@pytest.mark.parametrize(
    ("lines", "kind", "value"),
    [
        ("统一社会信用代码:\n91340100MA2N4Q7E3H", "code", "91340100MA2N4Q7E3H"),
        ("统一社会信用代码：\n9134 0100 MA2N 4Q7E 3H", "code", "9134 0100 MA2N 4Q7E 3H"),
        ("联系电话：\n0551-63319826", "phone", "0551-63319826"),
    ],
)
def test_a_value_wrapped_onto_its_own_line_keeps_the_party_open(lines: str, kind: str, value: str) -> None:
    text = (
        f"买方：合肥华筑装饰工程有限公司\n{lines}\n住所：安徽省合肥市包河区徽州大道6001号\n法定代表人：程静"
    )
    p = extract_text(text).parties.parties[0]
    assert p.details[kind].value == value and not p.details[kind].blank
    assert (
        p.details["address"].value == "安徽省合肥市包河区徽州大道6001号"
        and p.details["legal"].value == "程静"
    )


@pytest.mark.parametrize(
    ("head", "sign", "hit"),
    [
        ("佛山百彩色母料有限公司(外商独资)", "佛山百彩色母料有限公司", False),
        ("苏州华芯半导体有限公司（中外合资）", "苏州华芯半导体有限公司", False),
        ("厦门宏达精密有限公司（台港澳法人独资）", "厦门宏达精密有限公司", False),
        ("佛山百彩色母料有限公司(外商独资)", "佛山百彩色母料科技有限公司", True),
        ("浙江华东建设（集团）有限公司", "浙江华东建设有限公司", True),  # part of the name
    ],
)
def test_a_company_type_note_after_the_name(head: str, sign: str, hit: bool) -> None:
    text = (
        f"买卖合同\n买方：{head}，统一社会信用代码：91440605MA4X7B2C3K\n卖方：攀枝花钛源化工有限公司\n"
        f"第一条 标的\n买方（盖章）：{sign}\n卖方（盖章）：攀枝花钛源化工有限公司"
    )
    assert ("parties/inconsistent-name" in rules(text)) is hit


# -- round 4: who signs for a party, a name that ends at its company form, a trade name at the head -------

INC = "parties/inconsistent-name"


@pytest.mark.parametrize(
    "text",
    [
        "甲方：鼓楼区王记小吃店（个体工商户）\n经营者：王大海，电话：13905912345\n"
        "乙方：福州闽厨设备有限公司\n甲方：王大海（签字）    乙方（盖章）：福州闽厨设备有限公司",
        "甲方：南京青禾农业专业合作社\n负责人：陈立新\n乙方：南京田园农资有限公司\n"
        "甲方（签字）：陈立新    乙方（盖章）：南京田园农资有限公司",
        "卖方：杭州启明电子有限公司\n法定代表人：周启明\n买方：宁波海川贸易有限公司\n"
        "卖方：周启明（签字）          买方（盖章）：宁波海川贸易有限公司",
    ],
)
def test_round4_signatory_person_is_no_other_name(text: str) -> None:
    assert INC not in {f.rule for f in lint_text(text, Settings(select=(INC,)))}, text


@pytest.mark.parametrize(
    "text",
    [
        "卖方：厦门海蓝化工有限公司\n买方：成都天府包装有限公司\n"
        "卖方（盖章）：厦门海蓝化工有限公司 经 买方回签（盖章）：成都天府包装有限公司",
        "甲方：青岛北海机械有限公司\n乙方：济南东岳钢材有限公司\n"
        "甲方（盖章）：青岛北海机械有限公司 经办 乙方确认（盖章）：济南东岳钢材有限公司",
        "供方：无锡澄星电机有限公司\n需方：常州金坛纺织有限公司\n"
        "供方（章）：无锡澄星电机有限公司 签 需方签收（章）：常州金坛纺织有限公司",
    ],
)
def test_round4_name_ends_at_its_company_form(text: str) -> None:
    assert INC not in {f.rule for f in lint_text(text, Settings(select=(INC,)))}, text


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("甲方：宏达石料场\n乙方：沧州恒通机械有限公司\n甲方（盖章）：沧州市宏达石料有限公司", "宏达石料场"),
        (
            "买方：老周建材\n卖方：佛山陶源陶瓷有限公司\n买方（盖章）：佛山市南海区老周建材有限公司",
            "老周建材",
        ),
        (
            "需方：金穗农场\n供方：哈尔滨北大荒农机有限公司\n需方（盖章）：黑龙江金穗农业专业合作社",
            "金穗农场",
        ),
    ],
)
def test_round4_trade_name_at_the_head_is_reported_there(text: str, head: str) -> None:
    found = [f for f in lint_text(text, Settings(select=(INC,))) if f.rule == INC]
    assert len(found) == 1 and head in found[0].snippet, (text, found)


# -- round 5: what each kind of party must state -------------------------------------------------------------

_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _uscc(first17: str) -> str:
    total = sum(_SET.index(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return first17 + _SET[(31 - total % 31) % 31]


_COUNTERPART = (
    "\n卖方：东莞市华创塑胶制品有限公司\n统一社会信用代码：91350100M000100Y43\n"
    "地址：广东省东莞市长安镇振安中路88号\n法定代表人：李建华  电话：0769-85321234\n第一条 标的\n"
)


@pytest.mark.parametrize(
    "head",
    [
        # Hong Kong / Macau / Taiwan / abroad: a business registration, 董事 for 法定代表人
        "买方：宏达国际贸易有限公司\n商业登记证号码：61234567\n地址：香港湾仔告士打道138号联合鹿岛大厦12楼\n"
        "董事：陈志明  电话：+852 2528 1234",
        "買方：澳門新濠電器貿易有限公司\n商業登記編號：SO 12345\n地址：澳門新馬路61號永光大廈8樓\n"
        "董事：何家偉　電話：+853 2833 4567",
        "买方：Keller Maschinenbau GmbH\n公司注册编号：HRB 123456\n"
        "地址：Industriestrasse 12, 70565 Stuttgart, Germany\n授权代表：Thomas Keller  电话：+49 711 123456",
        "買方：新加坡環宇機電私人有限公司（Global Mech Pte. Ltd.）\n公司註冊編號：201912345K\n"
        "地址：新加坡裕廊東街21號\n授權代表：陳志強　電話：+65 6221 3456",
        # 个体工商户: the operator where a company has 法定代表人, the operator's ID for the code
        f"买方：义乌市稠城阿强五金店\n统一社会信用代码：{_uscc('92330782MA2H7Y5D5')}\n"
        "经营者：陈志强　电话：13858961427\n经营场所：浙江省义乌市稠城街道工人北路1128号",
        "买方：金华市婺城区晓琳服饰定制工作室（个体工商户，经营者：林晓琳）\n"
        f"统一社会信用代码：{_uscc('92330702MA2H7Y5D5')}\n门店地址：浙江省金华市婺城区宾虹西路2399号\n"
        "联系电话：15967340218",
        "买方：王大明（个体工商户，字号：大明建材经营部）\n身份证号：320102196805121234\n"
        "经营地址：江苏省南京市江宁区上元大街66号\n电话：13913812345",
        "買方：台山市大江鎮興記五金商行（個體工商戶）\n經營者：黃志興\n"
        f"統一社會信用代碼：{_uscc('92440781MA4X1234X')}\n經營地址：廣東省台山市大江鎮公益路22號\n電話：13702212345",
        # natural persons, public institutions, cooperatives, social organisations
        "买方：李秀英\n身份证号码：330106197503151828\n家庭住址：浙江省杭州市西湖区文三路259号5幢201室\n"
        "联系电话：13805712345",
        f"买方：南京市第一医院\n统一社会信用代码：{_uscc('12320100466003248')}\n地址：南京市秦淮区长乐路68号\n"
        "院长：李明\n联系电话：025-52271000",
        f"买方：杭州市西湖区文新街道社区卫生服务中心\n统一社会信用代码：{_uscc('12330106670653284')}\n"
        "住所：浙江省杭州市西湖区文一西路328号\n单位负责人：赵敏　电话：0571-88901234",
        f"买方：湖南禾丰种植专业合作社\n统一社会信用代码：{_uscc('93430121MA4L12345')}\n"
        "住所：湖南省长沙县黄兴镇蓝田村\n理事长：李明　电话：13873112345",
        f"买方：上海市浦东新区书法家协会\n统一社会信用代码：{_uscc('51310115MJ4959215')}\n"
        "地址：上海市浦东新区世纪大道1500号\n会长：孙明　电话：021-58881234",
    ],
)
def test_round5_each_kind_of_party_complete_in_its_own_terms(head: str) -> None:
    text = head + _COUNTERPART
    assert rules(text) & {"parties/missing-details", "parties/inconsistent-name"} == set(), text


@pytest.mark.parametrize(
    ("head", "missing"),
    [
        ("买方：李秀英\n身份证号码：330106197503151828\n联系电话：13805712345", "住所/地址"),
        (
            "买方：宏达国际贸易有限公司\n商业登记证号码：61234567\n董事：陈志明  电话：+852 2528 1234",
            "住所/地址",
        ),
        (
            "买方：金华市婺城区晓琳服饰定制工作室（个体工商户）\n经营者：林晓琳\n"
            "门店地址：浙江省金华市婺城区宾虹西路2399号\n联系电话：15967340218",
            "统一社会信用代码（或经营者身份证号）",
        ),
        (
            f"买方：义乌市稠城阿强五金店\n统一社会信用代码：{_uscc('92330782MA2H7Y5D5')}\n电话：13858961427\n"
            "经营场所：浙江省义乌市稠城街道工人北路1128号",
            "经营者",
        ),
        (
            f"买方：湖南禾丰种植专业合作社\n统一社会信用代码：{_uscc('93430121MA4L12345')}\n"
            "住所：湖南省长沙县黄兴镇蓝田村\n电话：13873112345",
            "法定代表人",
        ),
    ],
)
def test_round5_what_each_kind_lacks_is_still_reported(head: str, missing: str) -> None:
    found = [f for f in lint_text(head + _COUNTERPART, PARTIES) if f.rule == "parties/missing-details"]
    assert len(found) == 1 and missing in found[0].message, found


@pytest.mark.parametrize(
    ("head", "seal"),
    [
        ("买方：星辉娱乐集团有限公司（香港注册公司）", "买方（签章）：星辉娱乐集团有限公司　董事：梁家豪"),
        ("買方：澳門新濠電器貿易有限公司", "買方（簽章）：澳門新濠電器貿易有限公司（澳門註冊公司）"),
        ("买方：砀山县玄庙镇丰收农资经营部（个体工商户）", "买方：砀山县玄庙镇丰收农资经营部　经营者孙长林"),
        ("买方：苏州湖畔国际学校（民办非企业单位）", "买方 Buyer：苏州湖畔国际学校（盖章 seal）"),
        ("买方：烟台 途亮汽车服务有限公司", "买方（盖章）：烟台途亮汽车服务有限公司"),
        ("买方：孙长林（个体工商户字号：丰收农资经营部）", "买方（签字）：孙长林"),
    ],
)
def test_round5_one_name_with_a_note_or_spacing_is_consistent(head: str, seal: str) -> None:
    text = f"{head}\n{_COUNTERPART}\n{seal}\n卖方（盖章）：东莞市华创塑胶制品有限公司"
    assert "parties/inconsistent-name" not in {f.rule for f in lint_text(text, Settings(select=(INC,)))}


def test_round5_a_branch_or_another_trade_name_is_still_inconsistent() -> None:
    for head, seal in (
        ("买方：上海华联商贸有限公司（北京分公司）", "买方（盖章）：上海华联商贸有限公司"),
        ("买方：星辉娱乐集团有限公司（香港注册公司）", "买方（签章）：星辉文化集团有限公司"),
    ):
        text = f"{head}\n{_COUNTERPART}\n{seal}"
        assert INC in {f.rule for f in lint_text(text, Settings(select=(INC,)))}, text


@pytest.mark.parametrize("reading", ["913601247EU3HH5C96HH", "913601247EU3H5C96", "9136012477EU3H5C96H"])
def test_a_scanned_code_of_the_wrong_length_is_not_judged(reading: str) -> None:
    from contractkit.checks.parties import ocr_repaired

    assert ocr_repaired(reading) is None


def test_a_scanned_code_of_eighteen_characters_is_judged() -> None:
    from contractkit.checks.parties import ocr_repaired

    assert ocr_repaired("91321204ma7e3k2t3k") == "91321204MA7E3K2T3K"


def _scan(lines: list[str], ocr: bool):
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(t, normalize(t), Location(index=i, page=1, line=i + 1), "line", None, None)
        for i, t in enumerate(lines)
    ]
    return Document("scan.pdf", "pdf", blocks, None, {"pages": 1, "ocr": [1] if ocr else []})


@pytest.mark.parametrize(
    ("head", "seal"),
    [
        # each line of the scan misread on its own: one character in five may differ
        ("宿州市埔桥区丰禾烂食种植专业合作社", "宿州市韧桥区丰玫粮食种植专业合作社"),
        ("青岛油驰洗车设备有限公司", "青岛澜邓洗车设备有限公司"),
        ("烟台 途亮汽车服务有限公司", "烟台途亮汽车服务有限公司"),
    ],
)
def test_round5_a_scan_misreading_both_lines_is_one_name(head: str, seal: str) -> None:
    from contractkit.lint import lint_document

    lines = ["购销合同", f"供方：{head}", "需方：威海海韵彩印有限公司", f"供方（盖章）：{seal}"]
    assert INC not in {f.rule for f in lint_document(_scan(lines, True), Settings(select=(INC,)))}
    if " " not in head:  # typed, the same two names are two names
        assert INC in {f.rule for f in lint_document(_scan(lines, False), Settings(select=(INC,)))}


def test_round5_a_scan_with_another_trade_name_is_still_inconsistent() -> None:
    from contractkit.lint import lint_document

    lines = [
        "购销合同",
        "供方：黑龙江寒地禾丰粮油有限公司",
        "需方：威海海韵彩印有限公司",
        "供方（盖章）：黑龙江北大荒米业集团有限公司",
    ]
    assert INC in {f.rule for f in lint_document(_scan(lines, True), Settings(select=(INC,)))}


# -- an everyday party label whose bracket gives the designation (卖东西的一方（下面叫卖方）：) --------------


def _everyday_doc(seller_label: str, buyer_label: str) -> str:
    return (
        "配件买卖协议\n"
        f"{seller_label}：成都市武侯区顺达五金机电经营部（个体工商户）\n"
        "统一社会信用代码：92510107MA6DLW3K2R\n"
        "经营者：罗德明　手机：139-0801-2266\n"
        "店面地址：四川省成都市武侯区武侯大道312号五金城3栋108号\n"
        f"{buyer_label}：成都佳信机械设备有限公司\n"
        "统一社会信用代码：91510107MA61R8UX4A\n"
        "法定代表人：唐晓燕　电话：028-85127733\n"
        "地址：四川省成都市武侯区科华北路66号3楼\n"
        "一、东西和价钱\n"
        "轴承 10套，每套300元，合计3,000.00元。\n"
        "二、其他\n"
        "有争议到成都市武侯区人民法院起诉。\n"
        "卖方：成都市武侯区顺达五金机电经营部（盖章）　经营者签字：　　　日期：2026年3月2日\n"
        "买方：成都佳信机械设备有限公司（盖章）　代表签字：　　　日期：2026年3月2日\n"
    )


@pytest.mark.parametrize(
    ("seller_label", "buyer_label"),
    [
        ("卖东西的一方（下面叫卖方）", "买东西的一方（下面叫买方）"),
        ("出货的（以下称卖方）", "收货的（以下称买方）"),
        ("供货的这边（下称卖方）", "要货的这边（下称买方）"),
        ("卖家（简称卖方）", "买家（简称买方）"),
    ],
)
def test_everyday_label_with_designation_in_brackets(seller_label: str, buyer_label: str) -> None:
    text = _everyday_doc(seller_label, buyer_label)
    parties = extract_text(text).parties.parties
    assert len(parties) == 2
    seller = next(p for p in parties if "卖方" in p.designations)
    assert seller.has("code") and seller.has("address")
    assert "parties/missing-details" not in rules(text)


def test_bracket_without_introducing_word_is_not_a_designation() -> None:
    # a bracket that only mentions a party word in passing (``（卖方负责运输）``) opens no party
    text = "运输（卖方负责运输）：送到买方仓库。\n"
    assert extract_text(text).parties.parties == ()


# -- a foreign party's English detail lines keep its block open; parties outside the mainland ---------------

_FOREIGN_BUYER = (
    "采购合同\n买方：苏州精工机械制造有限公司\n统一社会信用代码：91320594MA1MX8QJ3W\n"
    "住所：江苏省苏州市工业园区星湖街88号\n法定代表人：王力\n电话：0512-62345678\n"
)
_LATHE = "第一条 标的：数控车床CK6150，2台，单价人民币150,000元。\n"


@pytest.mark.parametrize(
    "other",
    [
        "VAT No.: DE123456789",
        "Place of registration: München",
        "Commercial register: HRB 123456, Amtsgericht",
    ],
)
def test_an_english_label_line_keeps_the_foreign_party_open(other: str) -> None:
    seller = (
        f"卖方 Seller：Müller Maschinenbau GmbH\n{other}\n"
        "Address: Leopoldstraße 25, 80802 München, Germany\nManaging Director: Hans Müller\n"
        "Tel: +49 89 1234567\n"
    )
    assert rule_list(_FOREIGN_BUYER + seller + _LATHE) == []
    # the address is what a foreign party must give: without it the block is still reported
    missing = seller.replace("Address: Leopoldstraße 25, 80802 München, Germany\n", "")
    assert rule_list(_FOREIGN_BUYER + missing + _LATHE) == ["parties/missing-details"]


def test_a_company_number_with_its_dot_is_read_as_a_registration() -> None:
    seller = (
        "卖方：Albion Instruments Limited\nCompany No.: 01234567\n"
        "Registered office: 12 King Street, Manchester M2 4LQ, United Kingdom\nDirector: John Smith\n"
        "Tel: +44 161 123 4567\n"
    )
    assert rule_list(_FOREIGN_BUYER + seller + _LATHE) == []


@pytest.mark.parametrize(
    ("seller", "found"),
    [
        ("乙方：宏達貿易（香港）有限公司\n商業登記號碼：12345678\n地址：香港九龍觀塘道388號創紀之城1期12樓\n"
         "董事：李志明\n電話：+852 2345 6789\n", []),
        ("乙方：宏達貿易（香港）有限公司\n商業登記號碼：12345678\n董事：李志明\n電話：+852 2345 6789\n",
         ["parties/missing-details"]),
        ("乙方：台灣精密機械股份有限公司\n統一編號：12345678\n地址：台北市內湖區瑞光路513巷22號\n負責人：陳大明\n"
         "電話：02-2797-1234\n", []),
        ("乙方：澳門永利工程有限公司\n登記編號：SO12345\n電話：+853 2888 1234\n",
         ["parties/missing-details"]),
    ],
)  # fmt: skip
def test_parties_outside_the_mainland_need_an_address_not_a_credit_code(
    seller: str, found: list[str]
) -> None:
    assert rule_list(_FOREIGN_BUYER.replace("买方", "甲方") + seller + _LATHE) == found


def test_a_word_table_of_a_foreign_party_with_an_unknown_label_row(tmp_path: Path) -> None:
    from docx import Document as Docx

    rows = [
        ("买方 Buyer", "苏州精工机械制造有限公司"), ("统一社会信用代码", "91320594MA1MX8QJ3W"),
        ("住所", "江苏省苏州市工业园区星湖街88号"), ("法定代表人", "王力"), ("电话", "0512-62345678"),
        ("卖方 Seller", "Müller Maschinenbau GmbH"), ("VAT No.", "DE123456789"),
        ("Address", "Leopoldstraße 25, 80802 München, Germany"), ("Tel", "+49 89 1234567"),
    ]  # fmt: skip
    doc = Docx()
    doc.add_paragraph("采购合同 Purchase Agreement")
    table = doc.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text = f"{label}："
        row.cells[1].text = value
    doc.add_paragraph(_LATHE.strip())
    path = tmp_path / "foreign.docx"
    doc.save(path)
    (fr,) = lint_paths([path], PARTIES).files
    assert [f.rule for f in fr.findings] == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("俄罗斯远东贸易有限公司", "foreign"),  # a country of the address list starts a name too
        ("（澳大利亚）矿业有限公司", "foreign"),
        ("桃园县顺发五金有限公司", "company"),  # a town an address there may start with does not
        ("内蒙古伊泰煤炭股份有限公司", "company"),
    ],
)
def test_one_list_of_places_outside_the_mainland_for_names_and_addresses(name: str, kind: str) -> None:
    from contractkit.contract.party_kinds import kind_of, outside_mainland_address

    assert kind_of(name, {}) == kind
    assert outside_mainland_address("桃园市中坜区中华路二段88号")  # an address there may
    assert outside_mainland_address("俄罗斯莫斯科市特维尔大街7号")
    assert not outside_mainland_address("山东省青岛市市南区香港中路10号")


# -- comma-separated detail parts, registrations named after their office, English names, scan losses -------


@pytest.mark.parametrize(
    ("role_line", "detail_line"),
    [
        (
            "要货的（甲方）：杭州青禾茶饮连锁有限公司",
            "信用代码 91330106MA2H3K7L5X，地址 杭州市西湖区文三路90号，法人（法定代表人）金晓岚，"
            "电话 0571-88021456",
        ),
        (
            "出货这家（乙方）：宁波海曙茶器贸易有限公司",
            "统一社会信用代码 91330203MA2GQ1R84T；住所 宁波市海曙区药行街12号；负责人 邬光明；"
            "手机 13805741122",
        ),
        (
            "付钱的一方（买方）：成都锦里餐饮服务有限公司",
            "社会信用代码 91510104MA61XK2P3C、住址 成都市锦江区红星路二段8号、店主（法定代表人）唐丽、"
            "联系电话 028-86613390",
        ),
    ],
)
def test_a_detail_line_of_comma_separated_label_value_parts(role_line: str, detail_line: str) -> None:
    text = f"购销协议\n\n{role_line}\n  {detail_line}\n第一条 买卖的东西\n"
    (p,) = extract_text(text).parties.parties
    got = values(p)
    assert set(got) >= {"code", "address", "legal", "phone"}
    assert "," not in got["code"] and "，" not in got["code"]
    assert "parties/missing-details" not in rules(text)


def test_a_detail_value_with_a_comma_of_its_own_keeps_the_line_whole() -> None:
    text = "甲方：杭州青禾茶饮连锁有限公司\n地址 杭州市西湖区文三路90号，3号楼\n第一条 标的\n"
    (p,) = extract_text(text).parties.parties
    assert values(p)["address"].startswith("杭州市西湖区文三路90号")


@pytest.mark.parametrize(
    "reg_line",
    [
        "澳門商業及動產登記局登記編號：SO 41577",
        "香港公司註冊處公司編號：3198842",
        "新加坡会计与企业管制局注册号：201912345K",
    ],
)
def test_a_registration_named_after_its_issuing_office(reg_line: str) -> None:
    text = (
        "买方：金沙湾贸易有限公司（澳门）\n"
        f"{reg_line}\n"
        "地址：澳门新口岸宋玉生广场258号8楼\n董事：何文俊  电话：+853 2878 1200\n"
        "卖方：中山市远航家具有限公司\n统一社会信用代码：91442000MA4X7L2K9R\n"
        "地址：广东省中山市东升镇兆益路18号\n法定代表人：冯志强  电话：0760-22813456\n第一条 货物\n"
    )
    buyer = extract_text(text).parties.by_role("buyer")
    assert buyer is not None and (buyer.has("reg") or buyer.has("code")) and buyer.has("address")
    assert "parties/missing-details" not in rules(text)


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("广州南沙海运代理有限公司", "Guangzhou Nansha Shipping Agency Co., Ltd."),
        ("青岛北港冷链物流有限公司", "Qingdao Beigang Cold Chain Logistics Co., Ltd."),
        ("厦门鹭岛食品进出口有限公司", "/ Xiamen Ludao Food Import & Export Co., Ltd."),
    ],
)
def test_an_english_name_beside_the_chinese_one_is_the_same_party(zh: str, en: str) -> None:
    text = (
        f"买方 Buyer：{zh} {en}\n统一社会信用代码 USCC：91440115MA5D1K2L3M\n"
        "第一条 货物\n买方将货物运至仓库。\n"
        f"买方 Buyer（盖章 Seal）：{zh}\n"
    )
    buyer = extract_text(text).parties.by_role("buyer")
    assert buyer is not None and buyer.name == zh
    assert "parties/inconsistent-name" not in rules(text)


def test_a_different_chinese_name_at_the_seal_is_still_reported() -> None:
    text = (
        "买方 Buyer：广州南沙海运代理有限公司 Guangzhou Nansha Shipping Agency Co., Ltd.\n"
        "第一条 货物\n买方（盖章）：广州南沙船务代理有限公司\n"
    )
    assert "parties/inconsistent-name" in rules(text)


@pytest.mark.parametrize(
    "seal_line",
    [
        "需方（盖章）：重庆嘉陵教学装备限公司 陵 有",  # two characters lost, left beside the name
        "需方（盖章）：重庆嘉教学装备有限公司",
    ],
)
def test_a_name_a_scan_lost_characters_of_is_not_a_short_name(seal_line: str) -> None:
    text = (
        "购销合同\n需方：重庆嘉陵教学装备有限公司\n统一社会信用代码：91500103MA5U1K2L3P\n第一条 标的\n"
        f"{seal_line}\n"
    )
    scanned = {f.rule for f in lint_document(_scanned(text, True), PARTIES)}
    typed = {f.rule for f in lint_document(_scanned(text, False), PARTIES)}
    assert "parties/inconsistent-name" not in scanned
    assert "parties/inconsistent-name" in typed


def test_a_chosen_short_name_in_a_scan_is_still_reported() -> None:
    text = (
        "购销合同\n需方：重庆嘉陵教学装备有限公司\n统一社会信用代码：91500103MA5U1K2L3P\n第一条 标的\n"
        "嘉陵公司负责卸货。嘉陵教学装备公司开具发票。\n"
    )
    assert "parties/inconsistent-name" in {f.rule for f in lint_document(_scanned(text, True), PARTIES)}


def _key_terms(buyer_rows: str) -> str:
    return (
        "买卖合同 合同要素表\n1 合同编号 HT-2026-015\n"
        "2 买方 南京秦淮文具贸易有限公司\n"
        f"{buyer_rows}"
        "6 卖方 宁波鄞州笔业有限公司\n7 卖方统一社会信用代码 91330212MA2H8K3L4P\n"
        "8 卖方住所 浙江省宁波市鄞州区天童南路88号\n9 卖方法定代表人及电话 陈立言;0574-88120034\n"
        "10 标的 见货物明细表\n"
    )


def test_a_numbered_key_terms_row_names_the_party() -> None:
    rows = (
        "3 买方统一社会信用代码 91320104MA1N2K3L4X\n4 买方住所 江苏省南京市秦淮区中华路100号\n"
        "5 买方联系电话 025-84412233\n"
    )
    buyer = extract_text(_key_terms(rows)).parties.by_role("buyer")
    assert buyer is not None and buyer.name == "南京秦淮文具贸易有限公司"
    found = [f for f in lint_text(_key_terms(rows), PARTIES) if f.rule == "parties/missing-details"]
    assert len(found) == 1 and "法定代表人" in found[0].message  # the buyer gives only a phone


def test_a_numbered_key_terms_row_with_every_detail_is_complete() -> None:
    rows = (
        "3 买方统一社会信用代码 91320104MA1N2K3L4X\n4 买方住所 江苏省南京市秦淮区中华路100号\n"
        "5 买方法定代表人及电话 周静;025-84412233\n"
    )
    assert "parties/missing-details" not in rules(_key_terms(rows))


@pytest.mark.parametrize("line", ["1 甲方 应于收货后3日内验收", "2 乙方 负责运输和卸货"])
def test_a_numbered_duty_of_a_party_is_no_party_name(line: str) -> None:
    text = f"甲方：南京秦淮文具贸易有限公司\n乙方：宁波鄞州笔业有限公司\n第一条 责任\n{line}\n"
    names = {p.name for p in extract_text(text).parties.parties}
    assert names == {"南京秦淮文具贸易有限公司", "宁波鄞州笔业有限公司"}


def test_a_numbered_sentence_ending_like_a_company_is_no_party_name() -> None:
    text = (
        "甲方：南京秦淮文具贸易有限公司\n乙方：宁波鄞州笔业有限公司\n第一条 责任\n"
        "1 甲方 收货后，应当书面通知乙方驻南京的办事处\n"
    )
    names = {p.name for p in extract_text(text).parties.parties}
    assert names == {"南京秦淮文具贸易有限公司", "宁波鄞州笔业有限公司"}
