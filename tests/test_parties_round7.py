"""Round 7 (parties): detail lines of label-value parts separated by commas, registrations named after the
office that issues them, a Chinese name with its English rendering beside it, short names a scan lost
characters of."""

from __future__ import annotations

from dataclasses import replace

import pytest

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.lint import lint_document, lint_text
from contractkit.readers.model import Document
from contractkit.readers.text import document_from_text

PARTIES = Settings(select=("parties",))


def rules(text: str) -> set[str]:
    return {f.rule for f in lint_text(text, PARTIES)}


def values(p) -> dict[str, str]:
    return {k: d.value for k, d in p.details.items()}


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


def _scanned(text: str, ocr: bool) -> Document:
    d = document_from_text(text)
    blocks = [replace(b, location=replace(b.location, page=1, line=b.location.index + 1)) for b in d.blocks]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"ocr": [1] if ocr else []})


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
