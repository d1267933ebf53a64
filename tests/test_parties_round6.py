"""Party facts and rules, accuracy round 6: a foreign party's English detail lines (a label of a kind not
read, 'Company No.:', a commercial register) keep its block open; parties outside the mainland."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_paths, lint_text

PARTIES = Settings(select=("parties",))
_BUYER = (
    "采购合同\n买方：苏州精工机械制造有限公司\n统一社会信用代码：91320594MA1MX8QJ3W\n"
    "住所：江苏省苏州市工业园区星湖街88号\n法定代表人：王力\n电话：0512-62345678\n"
)
_SUBJECT = "第一条 标的：数控车床CK6150，2台，单价人民币150,000元。\n"


def rules(text: str) -> list[str]:
    return [f.rule for f in lint_text(text, PARTIES)]


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
    assert rules(_BUYER + seller + _SUBJECT) == []
    # the address is what a foreign party must give: without it the block is still reported
    missing = seller.replace("Address: Leopoldstraße 25, 80802 München, Germany\n", "")
    assert rules(_BUYER + missing + _SUBJECT) == ["parties/missing-details"]


def test_a_company_number_with_its_dot_is_read_as_a_registration() -> None:
    seller = (
        "卖方：Albion Instruments Limited\nCompany No.: 01234567\n"
        "Registered office: 12 King Street, Manchester M2 4LQ, United Kingdom\nDirector: John Smith\n"
        "Tel: +44 161 123 4567\n"
    )
    assert rules(_BUYER + seller + _SUBJECT) == []


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
    assert rules(_BUYER.replace("买方", "甲方") + seller + _SUBJECT) == found


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
    doc.add_paragraph(_SUBJECT.strip())
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
