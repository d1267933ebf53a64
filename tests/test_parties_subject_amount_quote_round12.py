"""Round 12: mechanisms of the parties, subject, amount, quote and dispute families, tested on new phrasings
(export and import contracts with foreign parties in bilingual forms, scans whose party lines wrap mid-label,
quote tables with a discount column, re-quoting after a quote expires). Clean texts a careful reviewer passes,
defective ones that must still be found."""

from __future__ import annotations

import pytest

from contractkit.api import extract_text
from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import lint_text


def loud(text: str, family: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=(family,))) if f.severity >= Severity.WARNING]


def party(text: str, role: str):  # type: ignore[no-untyped-def]
    return next(p for p in extract_text(text).parties.parties if p.role == role)


SELLER = (
    "卖方 Seller：常州恒润五金制品有限公司\n统一社会信用代码：91320412MA1N8K2R5T\n"
    "地址：江苏省常州市武进区湖塘镇长虹路66号\n法定代表人：蒋海峰  电话：0519-86317755\n"
)
BODY = "第一条 货物：铝合金折叠桌 500 张，单价 USD 20.00，总价 USD 10,000.00。\n第二条 本合同签字后生效。\n"


# -- parties: a foreign party keeps its details after a bilingual or foreign registration line -------------


@pytest.mark.parametrize(
    "buyer",
    [
        "买方 Buyer：Lindqvist Camping AB\n注册登记 Registration：Bolagsverket 556712-3344\n"
        "地址 Address：Industrigatan 5, 41104 Göteborg, Sweden\n电话 Tel：+46 31 701 2200\n",
        "买方：Tanaka Outdoor 株式会社\n法人番号（Corporate Number）：4010401098765\n"
        "地址：1-2-3 Shibaura, Minato-ku, Tokyo, Japan\n代表取締役：田中 一郎　电话：+81 3 5444 1100\n",
        "买方（Buyer）：Seoul Gear Co., Ltd.（韩国）\n"
        "事業者登録番号（Business Registration No.）：214-81-55321\n"
        "地址：77 Teheran-ro, Gangnam-gu, Seoul, Korea\n代表理事（CEO）：Kim Ji-ho　电话：+82 2 555 0101\n",
        "买方 Buyer：Alpenhof Handels GmbH\n商业登记 Commercial Register：HRB 77812 München\n"
        "邮编 Post Code：80331\n地址 Address：Sendlinger Str. 12, 80331 München, Germany\n"
        "电话 Tel：+49 89 2301 44\n",
        "买方 Buyer：Maple Trail Outfitters Inc.\n税务编号 Tax ID：EIN 83-1234567\n"
        "地址 Address：410 Pine Street, Portland, OR 97204, USA\n电话 Tel：+1 503 555 0188\n",
    ],
)
def test_a_foreign_party_keeps_its_address_after_a_registration_line(buyer: str) -> None:
    p = party(SELLER + buyer + BODY, "buyer")
    assert p.foreign and p.has("address") and p.has("phone")
    assert "parties/missing-details" not in loud(SELLER + buyer + BODY, "parties")


def test_a_latin_company_name_keeps_its_form_after_the_comma() -> None:
    p = party(
        SELLER + "买方：Hanseatic Trail Co., Ltd.\n地址：12 Harbour Road, Busan, Korea\n" + BODY, "buyer"
    )
    assert p.name == "Hanseatic Trail Co., Ltd."


def test_a_foreign_party_without_address_is_still_flagged() -> None:
    text = (
        SELLER + "买方 Buyer：Lindqvist Camping AB\n注册登记 Registration：Bolagsverket 556712-3344\n" + BODY
    )
    assert "parties/missing-details" in loud(text, "parties")


def test_an_agent_named_after_the_party_does_not_lend_it_its_credit_code() -> None:
    text = (
        SELLER + "买方 Buyer：Fjord Packs Ltd（英格兰注册公司，Company No. 11223344）\n"
        "地址 Address：4 Mill Lane, Leeds LS1 4AB, United Kingdom\n电话 Tel：+44 113 496 0000\n"
        "买方代理 Buyer's Agent：宁波联拓采购服务有限公司（不是合同当事人）\n"
        "统一社会信用代码：91330201MA2CH1234X　地址：浙江省宁波市海曙区中山西路8号\n" + BODY
    )
    p = party(text, "buyer")
    assert p.foreign and not p.has("code")
    assert "parties/missing-details" not in loud(text, "parties")


# -- parties: a label a line wrap cut in two, prose details carried on to the next line ------------------


@pytest.mark.parametrize(
    ("lines", "kind", "value"),
    [
        (
            "住所：浙江省台州市椒江区海门街道东海大道 9 号；法定代表\n人：林国栋；电话：0576-88224411",
            "legal",
            "林国栋",
        ),
        (
            "法定代表人：林国栋；住所：浙江省台州市椒江区东海大道9号；联系电\n话：0576-88224411",
            "phone",
            "0576-88224411",
        ),
        ("统一社会信用代码：91331002MA2AL5T43K；统一社会信\n用代码", None, None),
    ],
)
def test_a_label_cut_by_a_line_wrap_is_read(lines: str, kind: str | None, value: str | None) -> None:
    text = "买方：台州东海机电有限公司\n" + lines + "\n卖方：常州恒润五金制品有限公司\n" + BODY
    p = party(text, "buyer")
    if kind is not None:
        assert p.details[kind].value == value
        assert "法定代表" not in p.details["address"].value and not p.details["address"].value.endswith(
            "联系电"
        )


@pytest.mark.parametrize(
    "lines",
    [
        "乙方（供应商）:芜湖瑞冷设备有限公司, 统一社会信用代码\n"
        "91340200MA2TT6Q81P,地址安徽省芜湖市镜湖区银湖路 12 号,法定代表人:方静,电话0553-5881234",
        "乙方（供应商）:芜湖瑞冷设备有限公司,统一社会信用代码为\n"
        "91340200MA2TT6Q81P,住所安徽省芜湖市镜湖区银湖路12号,法定代表人:方静。电话 0553-5881234",
        "乙方（供应商）:芜湖瑞冷设备有限公司,统一社会信用代码 91340200MA2TT6Q81P,\n"
        "地址安徽省芜湖市镜湖区银湖路 12 号,法定代表人:方静,电话0553-5881234",
    ],
)
def test_prose_details_carried_on_to_the_next_scan_line(lines: str) -> None:
    head = (
        "甲方（采购人）:芜湖市第三中学,统一社会信用代码 12340200485001234X,地址芜湖市镜湖区北京路 8 号,"
        "法定代表人:王平,电话 0553-3831234\n"
    )
    p = party(head + lines + "\n" + BODY, "seller")
    assert p.details["code"].value == "91340200MA2TT6Q81P"
    assert p.details["address"].value.replace(" ", "").endswith("银湖路12号")
    assert p.details["legal"].value == "方静" and p.details["phone"].value == "0553-5881234"
    assert "parties/missing-details" not in loud(head + lines + "\n" + BODY, "parties")


def test_prose_details_missing_the_address_are_still_flagged() -> None:
    text = (
        "甲方（采购人）:芜湖市第三中学,统一社会信用代码 12340200485001234X,"
        "地址芜湖市镜湖区北京路 8 号,法定代表人:王平\n"
        "乙方（供应商）:芜湖瑞冷设备有限公司, 统一社会信用代码\n91340200MA2TT6Q81P,法定代表人:方静\n" + BODY
    )
    assert "parties/missing-details" in loud(text, "parties")


# -- parties: the quoting person of a quote's head table is the seller's --------------------------------


def test_the_quoting_person_gives_the_seller_its_phone() -> None:
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    cells = [
        ["客户", "温州港湾美容连锁有限公司", "报价方", "东莞市卓美器械有限公司"],
        ["客户联系人", "陈晓 0577-88001122", "报价人", "罗志 0769-22334455"],
        ["报价方信用代码", "91441900MA4UL1234Q", "报价方地址", "广东省东莞市南城街道宏图路18号"],
    ]
    blocks = [Block("报价单", normalize("报价单"), Location(index=0, paragraph=1))]
    for r, row in enumerate(cells, start=1):
        for c, text in enumerate(row, start=1):
            loc = Location(index=len(blocks), paragraph=1, table=1, row=r, cell=c)
            blocks.append(Block(text, normalize(text), loc))
    doc = Document(path="q.docx", kind="docx", blocks=blocks)
    from contractkit.checks.parties import facts

    seller = next(p for p in facts(doc).parties if p.role == "seller")
    buyer = next(p for p in facts(doc).parties if p.role == "buyer")
    assert seller.details["phone"].value == "0769-22334455"
    assert buyer.details["phone"].value == "0577-88001122"


# -- parties: a branch of another organisation named by its city is no short name of a party -------------


@pytest.mark.parametrize(
    "line",
    [
        "第八条 货到后由中国检验认证集团（CCIC）青岛公司检验。",
        "第八条 检验机构：中国检验认证集团青岛公司。",
        "第八条 货款汇入中国银行股份有限公司青岛公司账户。",
        "第八条 由中国外运集团青岛公司负责报关。",
        "第八条 保险由中国人民财产保险股份有限公司青岛公司承保。",
    ],
)
def test_a_city_branch_of_another_organisation_is_no_short_name(line: str) -> None:
    text = (
        "买方：青岛市港湾进出口有限公司\n统一社会信用代码：91370202163512345Y\n地址：山东省青岛市市南区香港中路1号\n"
        "法定代表人：刘强\n卖方：Busan Alloy Co., Ltd.\n地址：1 Jungang-daero, Busan, Korea\n" + line + "\n"
    )
    assert "parties/inconsistent-name" not in loud(text, "parties")


def test_a_short_name_of_the_party_is_still_flagged() -> None:
    text = (
        "买方：青岛市港湾进出口有限公司\n统一社会信用代码：91370202163512345Y\n地址：山东省青岛市市南区香港中路1号\n"
        "法定代表人：刘强\n卖方：Busan Alloy Co., Ltd.\n地址：1 Jungang-daero, Busan, Korea\n"
        "第八条 货物由港湾公司负责验收。\n"
    )
    assert "parties/inconsistent-name" in loud(text, "parties")
