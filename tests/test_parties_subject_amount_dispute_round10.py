"""Round 10: mechanisms of the parties, subject, amount and dispute families, tested on new phrasings in
several styles (translated forms with signature tables, 繁體, OCR'd party blocks, platform orders, model forms
with numbered or boxed choices, colloquial specs). Clean texts a careful reviewer passes, defective ones that
must still be found."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.findings import Severity
from contractkit.lint import lint_text


def loud(text: str, family: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=(family,))) if f.severity >= Severity.WARNING]


def details(text: str) -> dict[str, dict[str, str]]:
    return {p.name: {k: d.value for k, d in p.details.items()} for p in extract_text(text).parties.parties}


HEAD = "卖方：杭州澄明光电科技有限公司\n买方：宁波海曙精密模具有限公司\n第一条 标的：激光测距模组 200 套。\n"
SELLER, BUYER = "杭州澄明光电科技有限公司", "宁波海曙精密模具有限公司"


# -- parties: details are read in the column of the party they stand under ---------------------------------


def test_pipe_signature_table_gives_each_party_its_column_also_beside_an_empty_cell() -> None:
    text = HEAD + (
        f"| 卖方：{SELLER}（盖章） | 买方：{BUYER}（盖章） |\n"
        "| 统一社会信用代码：91330106MA2H7K3P40 | 授权代表： |\n"
        "| 地址：浙江省杭州市西湖区文三路 90 号 | 日期： |\n"
        "| 法定代表人：周明 | |\n"
    )
    got = details(text)
    assert got[SELLER]["legal"] == "周明"
    assert "legal" not in got[BUYER]
    assert got[BUYER].get("agent", "") == ""  # 授权代表： | — an empty cell, not the border
    # the buyer's details are still missing and reported
    findings = [
        f for f in lint_text(text, Settings(select=("parties",))) if f.rule == "parties/missing-details"
    ]
    assert [BUYER in f.message for f in findings] == [True]


def test_space_aligned_signature_lines_with_one_column_empty() -> None:
    text = HEAD + (
        f"卖方（盖章）：{SELLER}        买方（盖章）：{BUYER}\n"
        "统一社会信用代码：91330106MA2H7K3P40          统一社会信用代码：91320214MA1Q8R6T2G\n"
        "地址：杭州市西湖区文三路 90 号                地址：宁波市海曙区望春工业园区 12 号\n"
        "法定代表人：周明\n"
        "                                              法定代表人：陆海\n"
        "电话：0571-88123456                           电话：0574-87654321\n"
    )
    got = details(text)
    assert got[SELLER]["legal"] == "周明" and got[BUYER]["legal"] == "陆海"
    assert loud(text, "parties") == []


def test_translated_contract_with_details_only_in_the_signature_table() -> None:
    text = (
        "采购合同\n本合同由以下双方于2026年12月1日签订：\n"
        f"卖方：{SELLER}（以下简称“卖方”）\n买方：{BUYER}（以下简称“买方”）\n"
        "1. 定义\n1.1 “货物”指附件一所列产品。\n"
        f"| 卖方：{SELLER}（盖章） | 买方：{BUYER}（盖章） |\n"
        "| 统一社会信用代码：91330106MA2H7K3P40 | 统一社会信用代码：91320214MA1Q8R6T2G |\n"
        "| 地址：浙江省杭州市西湖区文三路 90 号 | 地址：浙江省宁波市海曙区望春工业园区 12 号 |\n"
        "| 法定代表人：周明 | 法定代表人：陆海 |\n| 电话：0571-88123456 | 电话：0574-87654321 |\n"
    )
    assert loud(text, "parties") == []


@pytest.mark.parametrize(
    "line",
    [
        "法定代表人:刘卫东 电话: 0731-88061245 需方:株洲市荷塘区清城环境服务有限公司。",
        "法定代表人：刘卫东  電話：0731-88061245  需方：株洲市荷塘区清城环境服务有限公司",
    ],
)
def test_scan_line_ending_one_party_and_starting_the_next(line: str) -> None:
    text = (
        "购销合同\n供方:长沙市岳麓区湘工环卫设备有限公司 统一社会信用代码:91510107MA6D2E8F12 "
        "地址:长沙市岳麓区麓谷大道 628 号\n"
        f"{line}\n"
        "统一社会信用代码:91110108MA01XK7N3E 地址:株洲市荷塘区红旗路 8 号 "
        "法定代表人:李强 电话:0731-22334455\n"
        "一、产品：洗扫车 2 台。\n"
    )
    got = details(text)
    assert got["长沙市岳麓区湘工环卫设备有限公司"]["legal"] == "刘卫东"
    assert got["株洲市荷塘区清城环境服务有限公司"]["legal"] == "李强"
    assert loud(text, "parties") == []


@pytest.mark.parametrize(
    "extra",
    ["本订单依据平台交易规则成立。", "买卖双方通过工采汇平台下单成交。", ""],
)
def test_platform_order_needs_the_buyers_name_and_the_sellers_code(extra: str) -> None:
    """The buyer is identified by its name; the seller, an operator, shows its licence (电子商务法第15条)."""
    text = (
        "订单详情\n订单编号：2026120112345678\n下单时间：2026-12-01 10:22\n"
        "买家：石家庄恒远机械制造有限公司\n卖家：天津长润润滑油销售有限公司（统一社会信用代码：91110108MA01XK7N3E）\n"
        "收货地址：河北省石家庄市栾城区装备产业园 6 号  收货人：赵亮\n"
        f"商品：长城液压油 L-HM46 18L × 20 桶  单价 420.00  实付 8,400.00\n{extra}\n"
    )
    assert loud(text, "parties") == []
    assert [f.rule for f in lint_text(text, Settings(select=("parties",)))] == []
    without = text.replace("（统一社会信用代码：91110108MA01XK7N3E）", "")
    assert [f.rule for f in lint_text(without, Settings(select=("parties",)))] == ["parties/missing-details"]


def test_platform_order_whose_seller_is_only_a_shop_name_lacks_the_entity() -> None:
    text = (
        "订单详情\n订单编号：2026120112345678\n买家：石家庄恒远机械制造有限公司\n"
        "卖家店铺：长城润滑油官方旗舰店\n商品：液压油 L-HM46 18L × 20 桶  实付 8,400.00\n"
        "本订单经买家提交、卖家确认后成立，平台仅提供交易撮合服务。\n"
    )
    findings = [
        f for f in lint_text(text, Settings(select=("parties",))) if f.rule == "parties/missing-details"
    ]
    assert (
        len(findings) == 1 and "旗舰店" in findings[0].message and "统一社会信用代码" in findings[0].message
    )


def test_a_contract_between_buyer_and_seller_words_still_needs_details() -> None:
    text = f"买卖合同\n卖家：{SELLER}\n买家：{BUYER}\n第一条 标的：激光测距模组 200 套。\n"
    assert "parties/missing-details" in loud(text, "parties")


def test_traditional_party_block_without_code_or_representative_is_reported() -> None:
    text = (
        "買賣合約\n出賣人：東莞市長安鎮華興五金製品有限公司  地址：廣東省東莞市長安鎮振安路 18 號  "
        "電話：0769-85321234\n"
        "買受人：佛山市順德區美聯家電有限公司  地址：廣東省佛山市順德區大良街道 9 號  電話：0757-22345678\n"
        "第一條 標的物：不鏽鋼合頁 5000 只。\n"
    )
    assert loud(text, "parties") == ["parties/missing-details", "parties/missing-details"]


# -- subject: a spec left to one side's own make, by any designation ----------------------------------------


@pytest.mark.parametrize(
    ("head", "cell"),
    [
        (
            "| 序號 | 品名 | 規格型號 | 單位 | 數量 | 單價 |",
            "| 1 | 工業除濕機 | CH-90L，配置依出賣人出廠標準 | 台 | 10 | 8,800 |",
        ),
        (
            "| No. | 货物名称 | 规格 | 单位 | 数量 | 单价 |",
            "| 1 | 不锈钢工作台 | 以卖方标准规格为准 | 张 | 30 | 2,100 |",
        ),
        ("| 东西 | 款式 | 数量 | 单价 |", "| 办公椅 | 按卖家平时的款式 | 60把 | 380 |"),
        ("| 序号 | 设备名称 | 技术参数 | 单位 | 数量 |", "| 1 | 空气压缩机 | 按供货商常规配置 | 台 | 2 |"),
        ("| 序号 | 名称 | 规格 | 单位 | 数量 |", "| 1 | 展柜 | 尺寸、材质以承揽人设计为准 | 组 | 6 |"),
        (
            "| 序号 | 名称 | 规格型号 | 单位 | 数量 |",
            "| 1 | 分类投放亭 | 规格若干种，型号以现场需要为准 | 座 | 12 |",
        ),
        (
            "| 序号 | 名称 | 型号 | 规格 | 单位 | 数量 |",
            "| 1 | 展柜 | ZG-01 | 尺寸、款式以厂家设计为准 | 组 | 6 |",
        ),
    ],
)
def test_spec_left_to_one_side_is_an_unquantified_item(head: str, cell: str) -> None:
    assert "subject/unquantified-item" in loud(f"采购合同\n{head}\n{cell}\n", "subject")


@pytest.mark.parametrize(
    "cell",
    [
        "| 1 | 空气压缩机 | BK22-8，22kW，0.8MPa，配置见附件一配置清单 | 台 | 2 |",
        "| 1 | 展柜 | 尺寸、材质以承揽人设计为准（设计图见附件二） | 组 | 6 |",
        "| 1 | 竹编收纳篮 | 按双方封存的样品 | 个 | 800 |",
        "| 1 | 不锈钢板 | 06Cr19Ni10，δ2.0mm，执行GB/T 3280-2015 | 张 | 50 |",
    ],
)
def test_spec_written_down_somewhere_is_fixed(cell: str) -> None:
    text = f"采购合同\n| 序号 | 名称 | 规格 | 单位 | 数量 |\n{cell}\n"
    assert "subject/unquantified-item" not in loud(text, "subject")


def test_a_sample_to_be_provided_later_still_leaves_the_spec_open() -> None:
    text = (
        "采购合同\n| 序号 | 名称 | 规格 | 单位 | 数量 |\n| 1 | 展柜 | 以卖方后续提供的样品为准 | 组 | 6 |\n"
    )
    assert "subject/unquantified-item" in loud(text, "subject")


# -- amount: simplified-taxation levy rates ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "租金总额 120,000.00 元（含 5% 增值税，出租方选择简易计税）。",
        "厂房年租金 360,000.00 元，增值税按 5% 征收率开具。",
        "劳务派遣服务费 80,000.00 元（差额征税，含 5% 增值税）。",
        "二手车价款 60,000.00 元，销售方减按 0.5% 征收增值税。",
    ],
)
def test_levy_rates_of_simplified_taxation_are_lawful(text: str) -> None:
    assert "amount/vat-rate-invalid" not in loud(text, "amount")


@pytest.mark.parametrize(
    "text",
    ["货物总价 100,000.00 元（含 5% 增值税）。", "合同總價：人民幣 50,000.00 元（含 10% 增值稅）。"],
)
def test_a_rate_no_method_allows_is_still_reported(text: str) -> None:
    assert "amount/vat-rate-invalid" in loud(text, "amount")


# -- dispute: the chosen option of a model form --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "第十条 争议解决方式：双方选择第（2）种方式：（1）提交＿＿＿仲裁委员会仲裁；"
        "（2）向甲方所在地有管辖权的人民法院起诉。",
        "十、争议解决方式：选择第2项。1. 向买方所在地人民法院起诉；2. 提交深圳国际仲裁院仲裁。",
        "第九条 争议解决\n因本合同发生争议，双方约定采用第（一）种方式解决：\n（一）提交杭州仲裁委员会仲裁；"
        "\n"
        "（二）向卖方住所地人民法院起诉。",
    ],
)
def test_the_numbered_option_chosen_is_the_only_one(text: str) -> None:
    assert loud(text, "dispute") == []


def test_boxes_in_one_line_none_ticked_is_a_choice_left_unmade() -> None:
    text = "第十条 争议解决：□ 提交＿＿＿＿仲裁委员会仲裁；□ 向＿＿＿＿人民法院起诉。"
    assert loud(text, "dispute") == ["dispute/unfilled-choice"]


def test_both_options_ticked_is_arbitration_and_court() -> None:
    text = "第十条 争议解决：☑ 提交 广州仲裁委员会 仲裁；☑ 向 卖方所在地 人民法院起诉。"
    assert "dispute/arbitration-and-court" in loud(text, "dispute")


# -- subject: the chat a written confirmation was drawn from is talk, not terms ------------------------------

CHAT = (
    "微信群聊天记录\n[2026-10-08 14:20] 王强（采购）：样品收到了，先订一批，月底要。\n"
    "[2026-10-08 14:31] 李娜（销售）：好的，数量定了发我。\n"
    "订单确认书\n本确认书根据上述聊天记录整理，聊天记录与本确认书不一致的，以本确认书为准。\n"
    "一、货物：不锈钢保温杯 500ml 1,000 个，单价 45.00 元。\n"
)


def test_vague_words_in_the_chat_a_confirmation_prevails_over_are_not_terms() -> None:
    assert "subject/vague-quantity" not in loud(CHAT, "subject")


def test_vague_words_in_a_chat_without_a_prevailing_confirmation_still_count() -> None:
    text = CHAT.replace("聊天记录与本确认书不一致的，以本确认书为准。", "双方确认。").replace(
        "1,000 个", "一批"
    )
    assert "subject/vague-quantity" in loud(text, "subject")


def test_a_supplement_leaving_the_rest_to_the_main_contract_needs_no_quality_clause() -> None:
    text = (
        "补充协议\n甲乙双方于2026年3月签订《竹制品采购合同》，现就增加采购品种补充如下：\n"
        "| 序号 | 品名 | 规格 | 单位 | 数量 | 单价 |\n"
        "| 1 | 竹编收纳篮（大号） | 40×30×25cm | 个 | 500 | 32.00 |\n"
        "本补充协议未约定的事项，适用原合同的约定。\n"
    )
    assert "subject/no-quality-standard" not in loud(text, "subject")
    alone = text.replace("本补充协议未约定的事项，适用原合同的约定。\n", "")
    assert "subject/no-quality-standard" in loud(alone.replace("补充协议", "采购合同"), "subject")
