"""Round 8 (parties): a party block in everyday wording whose bracket gives the designation
(``卖东西的一方（下面叫卖方）：``), so the signature lines of the same parties are not parties of their
own."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.lint import lint_text

PARTIES = Settings(select=("parties",))


def _doc(seller_label: str, buyer_label: str) -> str:
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
    text = _doc(seller_label, buyer_label)
    parties = extract_text(text).parties.parties
    assert len(parties) == 2
    seller = next(p for p in parties if "卖方" in p.designations)
    assert seller.has("code") and seller.has("address")
    assert "parties/missing-details" not in {f.rule for f in lint_text(text, PARTIES)}


def test_bracket_without_introducing_word_is_not_a_designation() -> None:
    # a bracket that only mentions a party word in passing (``（卖方负责运输）``) opens no party
    text = "运输（卖方负责运输）：送到买方仓库。\n"
    assert extract_text(text).parties.parties == ()
