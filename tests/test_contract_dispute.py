"""The dispute facts model (``contract.dispute``): the method in any wording, commissions with their official
aliases, courts, negotiation first, menus left unchosen and key-terms table rows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.contract.dispute import DisputeFacts
from contractkit.contract.extract import extract_text
from contractkit.contract.model import to_data


def facts(text: str) -> DisputeFacts:
    return extract_text(text).dispute


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("因本合同发生的争议，提交北京仲裁委员会仲裁。", "arbitration"),
        ("协商不成的，任何一方可向合同签订地人民法院提起诉讼。", "court"),
        ("有争议先商量，商量不成到法院起诉。", "court"),
        ("有争议先商量,商量不成到法院起诉,由甲方所在地(杭州市西湖区)的人民法院管。", "court"),
        ("因本合约所生之一切争议，协商不成者，双方合意以厦门市集美区人民法院为第一审管辖法院。", "court"),
        ("因本合同发生的纠纷，由合同签订所在地法院管辖。", "court"),
        ("双方谈不拢的，去甲方所在地法院打官司。", "court"),
        ("因本合同发生的争议，双方可以向北京仲裁委员会申请仲裁，也可以向人民法院起诉。", "both"),
        ("争议解决：提交成都仲裁委员会仲裁或向买方住所地人民法院起诉。", "both"),
        ("本合同适用中国法律，争议提交上海仲裁委员会。", "arbitration"),
        ("因本合同引起的争议由北京仲裁委员会管辖。", "arbitration"),
        ("争议解决方式：仲裁，仲裁机构：广州仲裁委员会。", "arbitration"),
        ("如有爭議，雙方應友好協商；協商不成，提交香港國際仲裁中心仲裁。", "arbitration"),
        ("争议由甲方所在地人民法院专属管辖。", "court"),
        ("本合同一式两份，自双方签字盖章之日起生效。", "none"),
        (
            "协商不成的，选择下列第____种方式解决：\n（一）提交____仲裁委员会仲裁；\n（二）依法向____人民法"
            "院起诉。",
            "unchosen",
        ),
        ("争议解决方式：\n☑ 提交北京仲裁委员会仲裁；\n□ 向甲方所在地人民法院起诉。", "arbitration"),
    ],
)
def test_method_in_any_wording(text: str, method: str) -> None:
    assert facts(text).method == method


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        (
            "提交上海国际经济贸易仲裁委员会（上海国际仲裁中心）仲裁。",
            "上海国际经济贸易仲裁委员会",
            ("上海国际仲裁中心",),
        ),
        ("争议提交深圳国际仲裁院（深圳仲裁委员会）按其规则仲裁。", "深圳国际仲裁院", ("深圳仲裁委员会",)),
        (
            "争议提交华南国际经济贸易仲裁委员会（深圳国际仲裁院）仲裁。",
            "华南国际经济贸易仲裁委员会",
            ("深圳国际仲裁院",),
        ),
        ("争议提交中国国际经济贸易仲裁委员会(CIETAC)仲裁。", "中国国际经济贸易仲裁委员会", ("CIETAC",)),
        ("争议提交中国国际经济贸易仲裁委员会上海分会仲裁。", "中国国际经济贸易仲裁委员会", ()),
    ],
)
def test_an_official_alias_is_one_commission(text: str, name: str, aliases: tuple[str, ...]) -> None:
    (c,) = facts("因本合同引起的争议，" + text).commissions
    assert c.name == name and c.aliases == aliases


def test_two_commissions_stay_two() -> None:
    f = facts("因本合同发生的争议，提交北京仲裁委员会或上海仲裁委员会仲裁。")
    assert [c.name for c in f.commissions] == ["北京仲裁委员会", "上海仲裁委员会"]
    other_city = facts("因本合同发生的争议，提交北京仲裁委员会（上海仲裁委员会）仲裁。")
    assert len(other_city.commissions) == 2  # a different city in parentheses is no alias


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("双方还约定如发生争议向常熟市人民法院提起诉讼解决。", "常熟市"),
        ("协商不成的，可向工程所在地（驻马店市驿城区）法院提起诉讼。", "工程所在地(驻马店市驿城区)"),
        ("协商不成的，在上海市浦东新区人民法院诉讼解决。", "上海市浦东新区"),
        ("协商不成的，任何一方可向合同签订地人民法院提起诉讼。", "合同签订地"),
    ],
)
def test_court_place(text: str, place: str) -> None:
    (c,) = facts(text).courts
    assert c.place == place


def test_negotiation_first() -> None:
    assert facts("有争议先商量，商量不成到法院起诉。").negotiation_first
    assert not facts("因本合同发生的争议，提交北京仲裁委员会仲裁。").negotiation_first


def test_rules_only_and_blank_commission() -> None:
    rules = facts("因本合同引起的争议，按照《联合国国际贸易法委员会仲裁规则》通过仲裁解决。")
    assert rules.method == "arbitration" and rules.rules_only and not rules.commissions
    blank = facts("因本合同引起的争议，提交____仲裁委员会仲裁。")
    assert blank.commission_blank and not blank.commissions


def test_award_enforcement_is_not_a_court_choice() -> None:
    text = (
        "争议提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，一方不履行的，另一方可向人民法院申请执行。"
    )
    assert facts(text).method == "arbitration"


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["北京", "上海", "广州", "深圳", "成都", "重庆", "苏州", "金华"]),
    st.sampled_from(["提交{c}仲裁委员会仲裁", "向{c}仲裁委员会申请仲裁", "由{c}仲裁委员会按其仲裁规则仲裁"]),
    st.sampled_from(["因本合同发生的争议，", "双方协商不成的，", "因履行本合同发生纠纷的，"]),
)
def test_any_arbitration_phrasing_names_one_commission(city: str, form: str, lead: str) -> None:
    f = facts(lead + form.format(c=city) + "。")
    assert f.method == "arbitration" and [c.name for c in f.commissions] == [f"{city}仲裁委员会"]


def test_json_shape() -> None:
    model = extract_text("有争议先商量，商量不成的，提交上海国际经济贸易仲裁委员会（上海国际仲裁中心）仲裁。")
    data = to_data(model.dispute, model.doc)
    assert data["method"] == "arbitration" and data["negotiation_first"] is True
    (c,) = data["commissions"]
    assert c["aliases"] == ["上海国际仲裁中心"] and c["where"]["text"] == "上海国际经济贸易仲裁委员会"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "1 定义\n1.1 “仲裁机构”指北京仲裁委员会。\n12 争议解决\n"
            "12.1 因本合同引起的争议，应提交仲裁机构仲裁。",
            "北京仲裁委员会",
        ),
        (
            "双方同意中国国际经济贸易仲裁委员会（以下简称“贸仲”）为争议解决机构。\n因本合同引起的争议，提交"
            "贸仲仲裁。",
            "中国国际经济贸易仲裁委员会",
        ),
    ],
)
def test_a_defined_term_names_the_commission(text: str, name: str) -> None:
    f = facts(text)
    assert f.method == "arbitration" and [c.name for c in f.commissions] == [name]


def test_an_undefined_institution_names_none() -> None:
    f = facts("12 争议解决\n12.1 因本合同引起的争议，应提交仲裁机构仲裁。")
    assert f.method == "arbitration" and f.commissions == ()


@pytest.mark.parametrize(
    ("clause", "name"),
    [
        ("争议由CIETAC上海分会仲裁。", "CIETAC上海分会"),  # an abbreviation and a sub-commission
        ("争议提交SHIAC按其规则仲裁。", "SHIAC"),
        (
            "Any dispute shall be referred to the Beijing Arbitration Commission. 争议提交北京仲裁委员会"
            "仲裁。",
            None,
        ),
        (
            "争议提交Shenzhen Court of International Arbitration仲裁。",
            "Shenzhen Court of International Arbitration",
        ),
    ],
)
def test_a_commission_by_its_abbreviation_or_english_name(clause: str, name: str | None) -> None:
    f = facts(f"第九条 争议解决\n{clause}")
    assert f.method == "arbitration"
    assert len(f.commissions) == 1
    if name is not None:
        assert f.commissions[0].name == name


@pytest.mark.parametrize(
    "clause",
    [
        "争议由中国国际经济贸易仲裁委员会（CIETAC）仲裁。",
        "争议提交北京仲裁委员会（BAC）仲裁。",
        "争议提交上海国际经济贸易仲裁委员会（SHIAC）仲裁。",
    ],
)
def test_an_abbreviation_beside_the_name_is_the_same_commission(clause: str) -> None:
    (c,) = facts(f"第九条 争议解决\n{clause}").commissions
    assert c.aliases and c.aliases[-1].isascii()


def test_two_commissions_one_by_abbreviation() -> None:
    f = facts("第九条 争议解决\n争议提交北京仲裁委员会或者CIETAC仲裁。")
    assert [c.name for c in f.commissions] == ["北京仲裁委员会", "CIETAC"]


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("由华南国际经济贸易仲裁委员会在深圳仲裁，仲裁裁决是终局的。", "arbitration"),
        ("提交上海国际经济贸易仲裁委员会按其规则仲裁。", "arbitration"),
        ("交由杭州仲裁委员会仲裁解决。", "arbitration"),
        ("吵起来了就去买方那边的法院打官司。", "court"),
        ("两家有分歧的，到卖方所在地法院起诉。", "court"),
        ("意见不一致时，向甲方住所地人民法院提起诉讼。", "court"),
    ],
)
def test_a_method_without_the_word_dispute(text: str, method: str) -> None:
    assert facts("买卖合同\n" + text).method == method


def test_a_remedy_in_court_outside_a_dispute_clause_is_no_method() -> None:
    assert facts("买卖合同\n乙方有权向法院申请强制执行。").method == "none"


@pytest.mark.parametrize(
    ("address", "court", "connected"),
    [
        ("山东省潍坊市滨海经济技术开发区海源街1777号", "潍坊市寒亭区", None),
        ("江苏省苏州市工业园区星湖街328号", "苏州市姑苏区", None),
        ("北京市海淀区中关村大街1号中关村科技园区", "北京市朝阳区", False),
        ("山东省潍坊市奎文区胜利东街1号", "潍坊市寒亭区", False),
    ],
)
def test_a_court_for_a_development_zone(address: str, court: str, connected: bool | None) -> None:
    f = facts(f"买卖合同\n卖方住所：{address}\n争议解决：向{court}人民法院提起诉讼。")
    assert [c.connected for c in f.courts] == [connected]


@pytest.mark.parametrize(
    ("address", "court", "connected"),
    [
        # the court's name leaves out the 省/市 an address writes
        ("江苏省苏州市工业园区星湖街1288号", "苏州工业园区", True),
        ("上海市浦东新区张江路88号", "上海浦东新区", True),
        ("苏州工业园区金鸡湖大道99号", "江苏省苏州市工业园区", True),
        ("浙江省杭州市余杭区文一西路969号", "杭州余杭区", True),
        # a zone court of a party's city: which districts it serves is not in the text
        ("广东省深圳市南山区科技园南路1号", "深圳前海合作区", None),
        ("天津市和平区南京路1号", "天津滨海新区", None),
        # no party, signing or performance place there
        ("广东省广州市天河区体育西路1号", "深圳前海合作区", False),
        ("北京市海淀区中关村大街1号", "北京朝阳区", False),
    ],
)
def test_a_court_named_without_its_province_or_city_suffix(
    address: str, court: str, connected: bool | None
) -> None:
    buyer = "买方住所：湖北省武汉市洪山区珞喻路1号"
    f = facts(f"买卖合同\n卖方住所：{address}\n{buyer}\n争议由{court}人民法院管辖。")
    assert [c.connected for c in f.courts] == [connected]
