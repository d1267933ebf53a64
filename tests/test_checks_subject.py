"""The subject family on many phrasings: vague quantity, unquantified items, missing quality standard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.contract.extract import extract_text
from contractkit.lint import lint_text


def ids(text: str, rule: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=(rule,)))]


VQ = "subject/vague-quantity"


@pytest.mark.parametrize(
    "text",
    [
        "甲方向乙方采购办公设备一批。",
        "产品数量：若干。",
        "货物重量100吨左右。",
        "供货范围包括服务器、交换机等。",
        "乙方提供相关配件。",
        "第一条 标的\n乙方交付部分设备及耗材。",
        "采购打印纸大约200箱。",
    ],
)
def test_vague_quantity_fires(text: str) -> None:
    assert VQ in ids(text, VQ)


@pytest.mark.parametrize(
    "text",
    [
        "甲方向乙方采购 CK6150 数控车床 2 台。",
        "甲乙双方等同意按本合同约定履行。",
        "本合同未尽事宜，依照相关法律法规执行。",  # boilerplate, not subject matter
        "货物数量按合同约定交付。",  # 约定 is not 约
        "乙方逾期交付部分货物的，按未交付部分价款的万分之三支付违约金。",
        "本合同附件为本合同不可分割的组成部分。",
        "产品等级为一等品，数量500件。",
        "双方应遵守国家相关管理部门关于产品质量的规定。",
        "会议讨论了若干问题。",  # not in subject context
    ],
)
def test_vague_quantity_passes(text: str) -> None:
    assert ids(text, VQ) == []


def test_vague_quantity_extra_words_setting() -> None:
    text = "货物数量：视库存而定。"
    assert ids(text, VQ) == []
    found = lint_text(text, Settings(select=(VQ,), extra_vague_words=("视库存而定",)))
    assert [f.rule for f in found] == [VQ]


def test_vague_quantity_message_states_consequence_and_quotes_original() -> None:
    (f,) = lint_text("甲方採購辦公設備一批。", Settings(select=(VQ,)))  # Traditional script
    assert "第510条" in f.message and "第511条" in f.message
    assert "Art. 511" in f.message_en
    assert "採購" in f.snippet  # quotes the original text


@hsettings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=1, max_value=99999), unit=st.sampled_from(["台", "套", "件", "吨", "箱"]))
def test_exact_quantities_never_vague(n: int, unit: str) -> None:
    assert ids(f"甲方向乙方采购数控车床{n}{unit}，规格型号CK6150。", VQ) == []


UI = "subject/unquantified-item"
HEAD = "| 序号 | 产品名称 | 规格型号 | 单位 | 数量 | 单价 |\n"


@pytest.mark.parametrize(
    ("row", "expect"),
    [
        ("| 1 | 数控车床 | CK6150 | 台 | 2 | 180000 |", False),
        ("| 1 | 数控车床 | CK6150 | 台 | 若干 | 180000 |", True),
        ("| 1 | 数控车床 | CK6150 |  | 2 | 180000 |", True),
        ("| 1 | 数控车床 | 高档 | 台 | 2 | 180000 |", True),
        ("| 1 | 安装调试 | 现场服务 | 项 | 1 | 5000 |", False),  # a service needs no figures in its spec
        ("| 1 | ____ | ____ | ____ | ____ | ____ |", False),  # an unfilled template row
        ("| 合计 |  |  |  |  | 360000 |", False),
    ],
)
def test_unquantified_item_rows(row: str, expect: bool) -> None:
    assert (UI in ids(HEAD + row, UI)) is expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("数量：待定。", True),
        ("数量为若干台。", True),
        ("数量：2台。", False),
        ("数量：____台。", False),
        ("数量：五十台。", False),
    ],
)
def test_unquantified_item_sentences(text: str, expect: bool) -> None:
    assert (UI in ids(text, UI)) is expect


NQ = "subject/no-quality-standard"


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("第一条 产品\n打印纸500箱。\n第二条 交货\n到货后付款。", True),
        ("第一条 产品\n打印纸500箱，质量符合GB/T 24988-2010。", False),
        ("第一条 产品\n打印纸500箱，按行业标准验收。", False),
        ("第一条 标的\n设备1台，技术要求见附件。", False),
        ("第一条 租赁期限\n租期一年。", False),  # no goods section
        ("Article 1 Products\nSupplier shall deliver 500 boxes of paper.", False),  # not Chinese
    ],
)
def test_no_quality_standard(text: str, expect: bool) -> None:
    assert (NQ in ids(text, NQ)) is expect


def test_no_quality_standard_reports_once_on_the_subject_clause_not_the_heading() -> None:
    found = lint_text("第一条 产品\n打印纸500箱。\n纸巾200箱。", Settings(select=(NQ,)))
    assert len(found) == 1 and found[0].snippet == "打印纸500箱。"
    found = lint_text(
        "一、采购内容及价格\n（一）本次采购办公桌椅，明细如下。\n二、付款\n到货后付款。",
        Settings(select=(NQ,)),
    )
    assert len(found) == 1 and found[0].snippet == "（一）本次采购办公桌椅，明细如下。"


@pytest.mark.parametrize(
    "text",
    [
        "4.1 验收标准：GB/T 25000.51—2016《系统与软件质量要求和评价 第51部分》及本合同附件一。",
        "产品应符合《信息技术 软件工程 第3部分：测试》的要求。",
    ],
)
def test_part_of_a_standard_title_is_not_vague(text: str) -> None:
    assert ids(text, "subject/vague-quantity") == []


# -- the facts model: vague words only in the clause about the subject matter -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "第一批为第一条表列各项产品各60台，于2026年4月30日前交付。",
        "乙方延迟交货的，按延迟交付货物金额的0.02%计付违约金，最高不超过该部分货物金额的5%。",
        "逾期超过十日的，甲方有权就当月未交部分向第三方采购。",
        "培训合格证明不代替作业人员证，相关证件由买方组织司机依法取得。",
        "乙方应如实记录培训学时、培训内容、培训服务费用使用情况等，并向甲方提供查询渠道。",
        "并向甲方提供相关材料的复印件。",
    ],
)
def test_words_outside_the_subject_clause_are_not_vague(text: str) -> None:
    assert ids(text, VQ) == []


def test_open_quantity_beside_a_listed_quantity() -> None:
    table = "| 序号 | 材料名称 | 规格 | 单位 | 数量 |\n| 1 | 加气混凝土砌块 | 600×240×200mm | 块 | 62,500 |\n"
    assert VQ in ids(table + "第一条 材料名称、数量\n砌块数量以实际送货为准。", VQ)
    assert ids("第一条 材料名称、数量\n砌块数量以实际送货为准。", VQ) == []  # no fixed quantity to leave open


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("约定被告向原告采购不锈钢储罐，合同总金额168000元。", True),
        ("约定通用公司为科弘公司定作污水处理设备，合同总价2200000元。", True),
        ("原告为被告提供种植丹参专用的化肥、地膜、种苗。", True),
        ("合同主要约定，货物名称为“SD-03”，单位为套，数量5000。", True),
        ("约定被告向原告购买规格型号为JCM907B型的挖掘机一台。", False),
        ("煤炭购销协议约定由原告向龙17公司提供煤炭，价格为730元/吨。", False),
        ("3.负责食品的采购、审验、加工、供应。", False),
        ("学校监督小组有权对乙方的采购渠道、价格进行监督。", False),
    ],
)
def test_purchase_statements(text: str, expect: bool) -> None:
    assert (UI in ids(text, UI)) is expect


def test_spec_column_must_be_quantified_even_with_a_model() -> None:
    head = "| 设备名称 | 型号 | 主要技术参数 | 单位 | 数量 |\n"
    assert UI in ids(head + "| 模温机 | LC-MT12 | 按甲方要求配置 | 台 | 4 |", UI)
    assert ids(head + "| 模温机 | LC-MT12 | 加热功率12kW | 台 | 4 |", UI) == []


def test_note_or_signature_row_in_an_item_table_is_no_item() -> None:
    head = "| 品名 | 规格 | 单位 | 数量 | 单价 |\n| 拖拉机 | 1004马力 | 台 | 2 | 98000 |\n"
    assert ids(head + "| 甲方(盖章):丰润农机合作社 | 乙方(盖章):垦丰公司 |  |  |  |", UI) == []


def test_an_order_under_a_framework_takes_its_standards() -> None:
    order = (
        "采购订单\n本订单依据双方签订的框架协议下达。\n一、订货明细\n"
        "| 品名 | 规格 | 单位 | 数量 |\n| 液压油 | 46号 | 桶 | 24 |"
    )
    assert ids(order, NQ) == []


SQ = "subject/subjective-quality"


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("约定原告向被告购买一辆房车，箱体为24平米，无隔层，内部精装。", True),
        ("乙方保证采用先进、质量上乘、外表美观的产品。", True),
        ("乙方应提供优质的售后服务。", False),
        ("仓库按先进先出原则管理库存。", False),
        ("产品质量管理遵循先进先出原则。", False),
        ("乙方供应HRB400E钢筋100吨，质量符合GB/T 1499.2-2018。", False),
    ],
)
def test_subjective_quality(text: str, expect: bool) -> None:
    assert (SQ in ids(text, SQ)) is expect


# -- whole short contracts in drafting styles the labelled corpus lacks --------------------------------

SUBJECT_IDS = ("subject/vague-quantity", "subject/unquantified-item", "subject/subjective-quality")


@pytest.mark.parametrize(
    "text",
    [
        "买卖协议\n一、张三卖给李四办公椅50把，每把300元，黑色网布，承重150公斤。",
        "1 定义\n1.1 “货物”指附件一所列的设备。\n2 货物\n2.1 卖方应按附件一所列的规格和数量交付货物。",
        "買賣合約\n第一條 標的：甲方向乙方採購包裝機一台，型號PK-200，合約總價新臺幣壹佰萬元。",
    ],
)
def test_sound_subject_in_other_styles(text: str) -> None:
    found = [f.rule for f in lint_text(text, Settings(select=SUBJECT_IDS))]
    assert found == [], found


@pytest.mark.parametrize(
    "text",
    [
        "买卖协议\n一、张三卖给李四办公椅一批，总价15000元。",
        "買賣合約\n第一條 標的：甲方向乙方採購包裝機若干，合約總價新臺幣壹佰萬元。",
        "采购合同\n第一条 标的：乙方向甲方供应钢材约50吨。",
    ],
)
def test_vague_subject_in_other_styles(text: str) -> None:
    assert VQ in ids(text, VQ)


def test_an_approximate_spec_in_an_item_row_is_not_a_vague_quantity() -> None:
    head = "序号  品名              规格                          数量  单位  单价\n"
    yield_spec = head + "3     原装碳粉（黑）    MX-C30BK，约18,000页          24    支    498.00"
    assert ids(yield_spec, VQ) == []
    approx_qty = head + "3     原装碳粉（黑）    MX-C30BK，18,000页            约24  支    498.00"
    assert VQ in ids(approx_qty, VQ)


def test_a_quantity_fixed_elsewhere_is_no_missing_number() -> None:
    assert ids("3） 合同数量为本合同约定的确定供应量。", UI) == []
    assert UI in ids("合同数量为双方另行商定。", UI)


def test_a_standard_title_is_no_subjective_quality_word() -> None:
    text = "卖方应执行GB/T 13237-2013《优质碳素结构钢冷轧钢板和钢带》及技术协议供货。"
    assert ids(text, SQ) == []


# -- round 2: vague and subjective words only where the subject's quantity / quality is fixed ------------


@pytest.mark.parametrize(
    "text",
    [
        "贵司拟改造总部三楼大会议室（约120㎡，36座），我司提供以下三个方案供选择，贵司择一采购：",
        "鉴于甲方新建约3000平方米的仓库，需采购货架，双方达成如下协议：",
        "甲方办公楼共约200个工位，乙方为其供应人体工学椅200把。",
        "本店营业面积大约80平方米，向乙方订购展示柜6组。",
    ],
)
def test_an_approximate_figure_before_the_purchase_describes_something_else(text: str) -> None:
    assert VQ not in ids(text, VQ), text


@pytest.mark.parametrize(
    "text",
    [
        "乙方向甲方供应钢材约100吨。",
        "订购打印纸，数量大概200箱。",
        "第一条 标的\n苗木约2800株，规格见附表。",
        "甲方买乙方的玉米，差不多50吨左右。",
    ],
)
def test_an_approximate_quantity_of_the_goods_is_vague(text: str) -> None:
    assert VQ in ids(text, VQ), text


@pytest.mark.parametrize(
    "text",
    [
        "为稳定优质稻谷来源，甲方按订单向乙方收购乙方及其成员2027年种植的中稻，双方订立本合同。",
        "为满足甲方高端客户需求，甲方向乙方采购下列产品。",
        "鉴于乙方是一家生产高品质家具的企业，甲方向乙方定制客房家具，双方订立本合同。",
        "为了打造一流的办公环境，甲方向乙方购买办公家具。",
    ],
)
def test_subjective_words_in_a_purpose_or_recital_are_no_quality_term(text: str) -> None:
    assert SQ not in ids(text, SQ), text


@pytest.mark.parametrize(
    "text", ["乙方向甲方供应优质大米500吨。", "甲方向乙方采购高档实木家具一套，外表美观。"]
)
def test_subjective_quality_of_the_goods_still_fires(text: str) -> None:
    assert SQ in ids(text, SQ), text


# -- round 2: a row's quantity that is no number is reported once, as an unquantified item --------------


@pytest.mark.parametrize(
    "row",
    [
        "| 5 | 配套软装饰品 | 按酒店风格搭配 | 批 | 一批 | 另行报价 |",
        "| 3 | 配套助剂 | 按需方工艺需要 | 桶 | 若干 | 按实结算 |",
        "| 4 | 安装辅材 | 铜管、保温棉 | 项 | 一批 | 另计 |",
    ],
)
def test_a_vague_quantity_cell_is_one_finding(row: str) -> None:
    text = "第一条 产品\n| 序号 | 名称 | 规格 | 单位 | 数量 | 单价(元) |\n" + row
    found = lint_text(text, Settings(select=(VQ, UI)))
    assert [f.rule for f in found] == [UI], [f.rule for f in found]


def test_an_approximate_number_in_a_quantity_cell_stays_vague() -> None:
    text = (
        "第一条 产品\n| 序号 | 名称 | 规格 | 单位 | 数量 | 单价(元) |\n"
        "| 4 | 麦冬 | 3-5芽/丛 | ㎡ | 约2800 | 18.00 |"
    )
    assert VQ in ids(text, VQ)
    assert UI not in ids(text, UI)


# -- round 2: quality terms in any form, looked for everywhere -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "一、设备及价款\n| 序号 | 设备名称 | 型号 | 单位 | 数量 |\n| 1 | 立式加工中心 | NVX5080 | 台 | 2 |\n"
        "二、现状交付\n设备按乙方查看时的现状交付，甲方保证设备能够正常开机。",
        "第一条 标的\n二手挖掘机一台，以买方验看时的状态交付。",
        "第一条 采购内容\n采购图书按附件一所列书目逐条供货，ISBN、书名、版次、定价均以附件为准，不得替换。",
        "第一条 产品\n原装进口轴承500套。乙方保证所供产品均为原厂正品。",
        "第一条 产品\n墙纸300卷。\n第五条 验收\n颜色以双方确认的色卡为准。",
        "1.1 “技术规格”指附件一所列的性能指标。\n第二条 产品\n伺服电机20台，应符合技术规格。",
        "第一条 产品名称、数量\n| 名称 | 规格 | 单位 | 数量 |\n"
        "| 钢筋 | HRB400E，符合GB/T 1499.2 | 吨 | 100 |",
    ],
)
def test_a_quality_term_in_any_form_silences_no_quality_standard(text: str) -> None:
    assert NQ not in ids(text, NQ), text


@pytest.mark.parametrize(
    "text",
    [
        "第一条 设备\n| 设备名称 | 型号 | 单位 | 数量 |\n| 叉车 | CPD20L | 台 | 6 |\n"
        "2. 质量标准2.1 卖方应提供合格证。",
        "第一条 产品\n二手挖掘机一台，价款20万元。\n第二条 交货\n2027年5月1日前交货。",
    ],
)
def test_no_quality_term_at_all_still_fires(text: str) -> None:
    assert NQ in ids(text, NQ), text


# -- round 2: a spec is faulted when left open or loose, not when descriptive ---------------------------


@pytest.mark.parametrize(
    ("row", "hit"),
    [
        ("| 2 | 反光背心 | 荧光橙，背印集团标识 | 件 | 800 |", False),
        ("| 3 | 防护手套 | 丁腈涂层浸胶 | 打 | 200 |", False),
        ("| 4 | 办公椅 | 黑色网布，带扶手 | 把 | 30 |", False),
        ("| 2 | 劳保安全鞋 | 款式及防护等级待定 | 双 | 500 |", True),
        ("| 5 | 窗帘 | 按甲方喜好定制 | 套 | 20 |", True),
        ("| 6 | 型材 | 以买方后续提供的图纸为准 | 吨 | 18 |", True),
        ("| 7 | 数控车床 | 高精度 | 台 | 2 |", True),
        ("| 8 | 电脑 | 标准配置 | 台 | 10 |", True),
    ],
)
def test_spec_left_open_or_loose_versus_descriptive(row: str, hit: bool) -> None:
    text = "第一条 产品\n| 序号 | 名称 | 规格 | 单位 | 数量 |\n" + row
    assert (UI in ids(text, UI)) is hit, row


def test_a_pdf_form_line_run_into_the_item_header_is_read_from_its_number_column() -> None:
    from contractkit.contract.model import Contract
    from contractkit.contract.subject import extract
    from contractkit.facts import assign_sections
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    lines = [
        "采购订单",
        "采购方 某物资有限公司 用货单位 某码头有限公司序号 产品名称 规格型号 数量 单位 含税单价 金额(元)",
        "1 安全帽 ABS，V型 500 顶 38.50 19,250.00",
        "2 劳保安全鞋 款式待定 500 双 156.00 78,000.00",
    ]
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(index=k, page=1, line=k + 1), kind="line")
        for k, t in enumerate(lines)
    ]
    doc = Document(path="order.pdf", kind="pdf", blocks=assign_sections(blocks))
    items = extract(Contract(doc)).items
    assert [(it.name, it.quantity, it.unit) for it in items] == [
        ("安全帽", Decimal("500"), "顶"),
        ("劳保安全鞋", Decimal("500"), "双"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "第一条 产品\n| 名称 | 规格 | 单位 | 数量 |\n| CTP版材 | 0.30mm，热敏，耐印力10万印 | 张 | 6000 |",
        "第一条 产品\n乙酸乙酯240吨，纯度≥99.7%，水分≤0.05%。",
        "第一条 产品\n大红袍礼盒800盒，特级。",
        "第一条 产品\n一等品瓷砖500箱。",
    ],
)
def test_a_quality_grade_or_indicator_is_a_quality_term(text: str) -> None:
    assert NQ not in ids(text, NQ), text


@pytest.mark.parametrize(
    ("row", "hit"),
    [
        ("| 4 | 安装辅材 | 含铜管20米、保温棉10卷、支吊架30套 | 批 | 一批 |", False),
        ("| 5 | 随机备件 | 密封圈50个，滤芯12只 | 套 | 一套 |", False),
        ("| 6 | 配套软装饰品 | 按酒店风格搭配 | 批 | 一批 |", True),
        ("| 7 | 安装辅材 | 铜管、保温棉等 | 批 | 一批 |", True),
    ],
)
def test_a_lot_counted_by_its_contents_is_quantified(row: str, hit: bool) -> None:
    text = "第一条 产品\n| 序号 | 名称 | 规格 | 单位 | 数量 |\n" + row
    found = [f.rule for f in lint_text(text, Settings(select=(VQ, UI)))]
    assert bool(found) is hit, (row, found)


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("第一条 标的\n甲方厂区约5000平方米，乙方为其提供绿化苗木2800株。", False),
        ("第一条 标的\n园区现有约80个大棚，乙方向甲方供应棚膜1200卷。", False),
        ("第一条 标的\n苗木约2800株，规格见附表。", True),
        ("第一条 标的\n乙方为甲方提供绿化苗木约2800株。", True),
    ],
)
def test_an_approximation_in_the_subject_section_before_the_purchase(text: str, hit: bool) -> None:
    assert (VQ in ids(text, VQ)) is hit, text


# -- round 3: places, distances, recitals, quality terms (phrasings in no corpus) --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "交货地点：江苏省无锡市新吴区长江路7号乙方二号仓库（离高速出口大约2公里）。",
        "第一条 标的\n乙方供应的钢材送至甲方堆场，堆场距厂区东门约300米。",
        "收货地址：安徽省芜湖市弋江区高新路18号物资供应科（与主厂房相距500米左右）。",
        "安装位置：甲方三号车间，距配电房约50m，由乙方自备电缆。",
    ],
)
def test_vague_quantity_passes_distance_and_place(text: str) -> None:
    assert ids(text, VQ) == []


@pytest.mark.parametrize(
    "text",
    [
        "鉴于：\n（一）甲方拟为其新建仓库采购货架、叉车、托盘等物流设备；\n（二）乙方愿意供应该等设备；\n"
        "双方经协商一致，达成如下协议：\n第一条 标的\n乙方供应重型货架 40 组。",
        "鉴于甲方计划采购空调、新风机组等暖通设备，乙方具有相应供货能力，双方订立本合同如下：\n"
        "第一条 标的\n乙方供应多联机 VRV-X 6 套。",
        "鉴于：\nA. 买方需要采购服务器、存储等设备；\nB. 卖方是上述设备的经销商；\n因此，双方签订本合同。\n"
        "1. 标的\n卖方出售服务器 R750 10 台。",
    ],
)
def test_vague_quantity_passes_recital(text: str) -> None:
    assert ids(text, VQ) == []


def test_vague_quantity_still_fires_after_recital() -> None:
    text = "鉴于：\n（一）甲方拟采购货架；\n双方达成如下协议：\n第一条 标的\n乙方供应货架、托盘、周转箱等。"
    assert VQ in ids(text, VQ)


@pytest.mark.parametrize(
    "text",
    [
        "货物数量约300吨，距交货日还有约10天。",  # the tonnage is approximate
        "乙方分三次供货，每次供应钢材约100吨。",
    ],
)
def test_vague_quantity_fires_beside_a_distance_or_delivery(text: str) -> None:
    assert VQ in ids(text, VQ)


@pytest.mark.parametrize(
    "text",
    [
        # the maker's model under a warranty
        "采购合同\n一、产品\n1. 电动叉车 FB25-X 2台，单价8万元。\n二、售后\n整车保修一年，自交付之日起算。",
        "购销合同\n第一条 设备\n空压机 GA37VSD 1台。\n第二条 质保\n质保期为24个月，自验收合格之日起计算。",
        "设备采购合同\n一、采购内容\n| 设备名称 | 型号 | 单位 | 数量 |\n| 激光切割机 | LC-3015 | 台 | 1 |\n"
        "二、质量保证\n乙方对设备免费保修十二个月。",
        # a measurable quality requirement
        "买卖合同\n一、标的\n二手注塑机一台。机器要能正常开机生产，制品尺寸偏差不超过±0.1mm。",
        "买卖合同\n一、标的\n彩色瓦楞纸箱 5000 只，印刷色差≤2。",
    ],
)
def test_no_quality_standard_passes_model_and_warranty_or_measure(text: str) -> None:
    assert ids(text, NQ) == []


@pytest.mark.parametrize(
    "text",
    [
        # a quality clause that names no standard fires even with a model and a warranty
        "购销合同\n一、产品\n1. 电动叉车 FB25-X 2台。\n二、质量要求\n货物质量应符合合同目的。\n"
        "三、质保\n保修一年。",
        "采购合同\n第一条 标的\n数控车床 CK6150 2台。\n第二条 质量标准\n乙方应提供产品合格证。\n"
        "第三条 质保\n质保期12个月。",
        # a model without any warranty or measure, or no model at all
        "采购合同\n第一条 标的\n数控车床 CK6150 2台。\n第二条 付款\n到货后付清。",
        "购销合同\n一、货物\n办公椅 200 把，单价 300 元。\n二、质保\n质保一年。",
        # only some of the goods carry a model
        "采购合同\n一、产品\n1. 电动叉车 FB25-X 2台。\n2. 货架 重型 40组。\n二、质保\n整车保修一年。",
    ],
)
def test_no_quality_standard_fires(text: str) -> None:
    assert NQ in ids(text, NQ)


@pytest.mark.parametrize(
    "text",
    [
        "报价单\n一、产品\n1. 网络摄像机 400万像素 64台。\n报价有效期至2027年7月9日。",
        "采购订单\n本订单依据双方签订的《年度采购框架协议》发出。\n"
        "| 品名 | 数量 | 单位 |\n| 轮胎 | 100 | 条 |",
    ],
)
def test_no_quality_standard_not_on_quotes_or_call_offs(text: str) -> None:
    assert ids(text, NQ) == []


@pytest.mark.parametrize(
    "text",
    [
        "1. 二手和面机1台，型号HS-50，用了两年左右，单价9000元；",
        "二手叉车 CPD30 1台，已使用约3个月，单价6万元。",
        "采购二手空压机1台，出厂约5年，单价2万元。",
        "贵司新建成品库（面积约 2,400 平方米）货架项目，我司报价如下：",
        "乙方为甲方厂区（占地约3公顷）供应绿化苗木，明细见附件。",
    ],
)
def test_vague_quantity_passes_age_and_premises(text: str) -> None:
    assert ids(text, VQ) == []


@pytest.mark.parametrize(
    "text",
    ["采购木地板，铺设面积约500平方米。", "乙方供应钢材（约100吨）。", "采购复印纸约200箱，一年内分批送货。"],
)
def test_vague_quantity_fires_on_goods_sizes(text: str) -> None:
    assert VQ in ids(text, VQ)


@pytest.mark.parametrize(
    "rows",
    [
        "原装硒鼓 HP 89A\n适配 M507\n按实际需要 支 628.00 18,840.00",
        "A4复印纸 70g\n若干 箱 150.00 3,000.00",
        "墨粉盒 TK-8528K\n以实际用量为准 支 460.00 7,360.00",
    ],
)
def test_a_pdf_row_with_a_word_for_its_quantity(rows: str) -> None:
    text = f"采购订单\n品名型号 适用机型 数量 单位 含税单价 金额(元)\n{rows}\n合计 18,840.00"
    assert UI in ids(text, UI)


def test_pdf_rows_with_figures_have_no_word_quantity() -> None:
    text = (
        "采购订单\n品名型号 适用机型 数量 单位 含税单价 金额(元)\n原装硒鼓 HP 89A\n"
        "30 支 628.00 18,840.00\n合计"
    )
    assert ids(text, UI) == []


def test_signature_rows_in_an_item_table_are_no_items() -> None:
    text = (
        "| 序号 | 品名 | 适用机型 | 单位 | 含税单价(元) | 年度预计用量 |\n"
        "| 1 | 硒鼓 HP 89A | HP M507 | 支 | 628.00 | 180 |\n"
        "| 甲方(盖章):苏州恒岳物业服务集团有限公司 | 乙方(盖章):苏州墨源办公科技有限公司 | | | | |\n"
        "| 授权代表:顾文渊 | 授权代表:黄思远 | | | | |\n"
        "| 日期:2026年12月15日 | 日期:2026年12月15日 | | | | |"
    )
    assert ids(text, UI) == []


@pytest.mark.parametrize(
    "text",
    [
        "一、卖的是哪辆车\n二手轻卡1辆，车牌浙A12345。\n随车送：备胎、千斤顶、工具箱等附件若干。",
        "一、买什么、多少钱\n二手叉车1台。\n随机附带：充电器、货叉等配件若干。",
        "第一条 标的\n二手面包车1辆。\n随车赠送脚垫、座套等若干。",
    ],
)
def test_vague_quantity_fires_on_what_comes_with_the_goods(text: str) -> None:
    assert VQ in ids(text, VQ)


def test_a_colloquial_goods_heading_is_no_goods_section_for_the_standard() -> None:
    text = (
        "二手设备买卖协议\n一、买什么、多少钱\n1. 二手举升机，元征牌，1台，18000元；\n"
        "二、怎么给钱\n装好付清。"
    )
    assert ids(text, NQ) == []


# -- round 4: the standard per line, in a certification, in translated wording; lists of sites ------------


@pytest.mark.parametrize(
    "text",
    [
        # a column of the item table gives each line its standard
        "第一条 产品\n| 品名 | 规格 | 执行标准 | 单位 | 数量 |\n| 热镀锌钢管 | DN50×3.5 | GB/T 3091 | "
        "米 | 800 |",
        "第一条 货物\n| 序号 | 货物名称 | 质量要求 | 单位 | 数量 |\n| 1 | 防火门 | 甲级，耐火1.5小时 | "
        "樘 | 12 |",
        "一、标的\n| 名称 | 型号 | 技术标准 | 数量 | 单位 |\n| 阀门 | Z41H-16C | 企标 | 30 | 只 |",
        # a certification the goods must hold
        "第一条 标的\n血压计 YE-680A 20台。乙方保证设备持有有效的医疗器械注册证。",
        "第一条 产品\n救生筏 KHA-12 4具，须附中国船级社检验证书。",
        "第一条 产品\n插线板 TS-B306 500个，须通过3C认证。",
        # a translated warranty of conformity
        "第一条 货物\n卖方应交付附表一所列货物。\n第六条 保证\n"
        "卖方保证货物在交付后12个月内无材料和工艺缺陷。",
        "第一条 货物\n伺服驱动器40台。卖方保证货物不存在任何设计、制造上的瑕疵。",
        # the maker's new goods, the listed specs as acceptance basis
        "第一条 货物\n空调压缩机12台，均为原厂全新产品。",
        "第一条 货物\n| 品名 | 型号规格 | 数量 |\n| 绞车 | JM-5，额定拉力50kN | 2台 |\n第四条 验收\n"
        "以第一条所列规格为验收依据。",
        "第一条 货物\n| 品名 | 规格 | 数量 |\n| 围栏 | 1.8m | 300米 |\n第四条 验收\n"
        "验收依据：本合同第一条及双方确认的图纸。",
    ],
)
def test_round4_quality_terms_silence_no_quality_standard(text: str) -> None:
    assert NQ not in ids(text, NQ), text


@pytest.mark.parametrize(
    "text",
    [
        # a standard column left empty, a bare 合格证, an empty 质量要求 heading
        "第一条 产品\n| 品名 | 规格 | 执行标准 | 单位 | 数量 |\n| 钢管 | DN50 |  | 米 | 800 |",
        "第一条 产品\n打印纸500箱，随货提供合格证。",
        "第一条 产品\n| 品名 | 执行标准 | 数量 |\n| 钢管 | / | 800米 |",
    ],
)
def test_round4_no_standard_still_reported(text: str) -> None:
    assert NQ in ids(text, NQ), text


@pytest.mark.parametrize(
    "text",
    [
        "甲方所属门店（万达店、银泰店等）向乙方采购烘焙原料。",
        "集团下属工厂（昆山工厂、太仓工厂等）按本协议向乙方订购包材。",
        "甲方及其分公司（北京分公司、上海分公司等）可向乙方采购办公用品，数量以订单为准。",
        "根据贵方提供的会所平面图（净面积约 300平方米），我司推荐以下配置。",
        "按甲方店面图纸（营业面积约85平方米）配置厨房设备，清单如下。",
    ],
)
def test_round4_buyers_sites_and_areas_are_no_vague_quantity(text: str) -> None:
    assert VQ not in ids(text, VQ), text


@pytest.mark.parametrize(
    "text",
    [
        "甲方向乙方采购电脑、打印机等设备。",
        "乙方供应墙纸约300平方米。",
        "供货范围：立式加工中心、数控车床等。",
    ],
)
def test_round4_goods_lists_still_vague(text: str) -> None:
    assert VQ in ids(text, VQ), text


# -- round 4: a spec left to one side's choice or open beside figures, a bound for a quantity, tab tables --


@pytest.mark.parametrize(
    "text",
    [
        "| 品名 | 规格 | 单位 | 数量 |\n| 苹果苗 | 品种由乙方根据苗圃情况搭配 | 株 | 3000 |",
        "| 品名 | 规格 | 单位 | 数量 |\n| 地砖 | 颜色由卖方自行选定 | 箱 | 200 |",
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 工作服 | 款式由供方根据库存确定 | 套 | 150 |",
        # tab-separated, pasted from a spreadsheet
        "名称\t型号/规格\t数量\t单位\t单价\n叉车\t配置另行确定\t2\t台\t86,000.00",
        "货物名称\t规格\t数量\t单位\n空压机\tKH-30，型号待定\t3\t台",
    ],
)
def test_round4_spec_left_open_is_unquantified(text: str) -> None:
    assert UI in ids(text, UI), text


@pytest.mark.parametrize(
    "text",
    [
        "| 品名 | 规格 | 单位 | 数量 | 单价 | 金额 |\n"
        "| 口罩 | 三层，17.5×9.5cm | 只 | 不少于20000 | 0.30 | 6,000.00 |",
        "| 品名 | 规格 | 单位 | 数量 |\n| 水泥 | P.O 42.5 | 吨 | 300吨以上 |",
        "| 品名 | 规格 | 单位 | 数量 |\n| 螺栓 | M12×60，8.8级 | 套 | 至少5000 |",
    ],
)
def test_round4_quantity_that_is_only_a_bound(text: str) -> None:
    assert UI in ids(text, UI), text


@pytest.mark.parametrize(
    "text",
    [
        "| 品名 | 规格 | 单位 | 数量 |\n| 水泥 | P.O 42.5 | 吨 | 300 |",
        "名称\t型号/规格\t数量\t单位\t单价\n叉车\tCPD30，柴油，3米门架\t2\t台\t86,000.00",
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 工作服 | 藏青色，涤棉，165-185码 | 套 | 150 |",
    ],
)
def test_round4_fixed_items_are_no_finding(text: str) -> None:
    assert UI not in ids(text, UI), text


def test_round4_tab_table_header_with_a_standard_column() -> None:
    text = (
        "第一条 标的\n名称\t型号\t数量\t单位\t执行标准\n"
        "电动葫芦\tCD1-5t\t2\t台\tJB/T 9008.1\n钢丝绳\t6×19-12mm\t200\t米\tGB/T 20118"
    )
    assert NQ not in ids(text, NQ)


@pytest.mark.parametrize(
    "text",
    [
        "一、买的什么\n乙方店里那台二手压面机一台，八成新，乙方看过。",
        "第一条 标的\n甲方向乙方出售二手叉车一辆，现状交付。",
        "一、卖的是啥\n仓库里的1台二手空压机，能正常开机。",
    ],
)
def test_round4_used_machine_not_identified(text: str) -> None:
    assert UI in ids(text, UI), text


@pytest.mark.parametrize(
    "text",
    [
        "一、买的什么\n二手压面机一台，品牌银鹰，2021年购买。",
        "第一条 标的\n甲方向乙方出售二手叉车一辆，车架号LFB2019A0032，现状交付。",
        "一、卖的是啥\n1台二手空压机，型号见附件照片，能正常开机。",
    ],
)
def test_round4_used_machine_identified(text: str) -> None:
    assert UI not in ids(text, UI), text


# -- round 5 (R15): quality terms the goods' own line states, price lists by model, where it is reported ----


@pytest.mark.parametrize(
    "text",
    [
        # a grade of material or use, or a substance excluded, in the goods' own line (a text table, prose)
        "订货单\n一、货物\n品名\t规格\t数量\t单价\n一次性餐盒\t750ml 食品级PP，不含双酚A\t300箱\t88元",
        "第一条 货物\n硅胶奶嘴4000个，医用级液态硅胶，单价3元。",
        "第一条 产品\n| 品名 | 规格 | 单位 | 数量 |\n| 儿童书桌 | E0级多层实木板，1200×600 | 张 | 60 |",
        "第一条 货物\n焊锡丝500卷，无铅，线径0.8mm。",
        "Article 1 Goods\n第一条 货物\n水杯 2000只，Tritan材质，BPA-free。",
        # a performance tested over a stated time
        "第一条 产品\n防水卷材3000平方米。\n第二条 要求\n卷材浸水168小时不渗漏、不起泡。",
        "第一条 货物\n户外长椅20张，铸铝椅脚，盐雾试验720小时不生锈。",
        "一、买什么\n密封圈一万个，放在80度热水里泡48小时不能变形。",
        # a rate or measure bounded by a figure
        "第一条 设备\n碾米机2台。\n第四条 验收\n试运行24小时，出米率不低于68%、碎米率不高于6%的为合格。",
        "第一条 货物\n稻谷300吨，含水率≤14%。",
        "第一条 货物\n不锈钢板50张，厚度不小于1.2mm。",
    ],
)
def test_round5_quality_terms_in_the_goods_line_silence_no_quality_standard(text: str) -> None:
    assert NQ not in ids(text, NQ), text


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: a tax basis, a silence, a response time, an interest rate, a quantity bound
        "第一条 货物\n打印纸500箱，不含税单价120元。",
        "第一条 货物\n办公椅200把。\n第四条 验收\n甲方3日内无书面异议的视为合格。",
        "第一条 货物\n复印机6台。\n第五条 售后\n乙方接到报修24小时内不响应的，甲方可另行委托维修。",
        "第一条 货物\n钢管800米。\n第六条 违约\n逾期付款利息按年利率不高于6%计算。",
        "第一条 货物\n水泥，年采购量不低于500吨。",
    ],
)
def test_round5_look_alikes_are_no_quality_term(text: str) -> None:
    assert NQ in ids(text, NQ), text


@pytest.mark.parametrize(
    "table",
    [
        "| 编号 | 产品型号 | 规格 | 计量单位 | 含税单价 |\n| B1 | XJ-200 | 宽200mm，耐油 | 米 | 45.00 |",
        "| 序号 | 设备型号 | 主要参数 | 单位 | 数量 |\n| 1 | QY25K5 | 起重量25t | 台 | 1 |",
        "| 产品型号 | 颜色 | 单位 | 单价 |\n| TK-90S | 白 | 只 | 12.50 |",
    ],
)
def test_round5_a_price_list_by_model_names_its_goods_by_the_model(table: str) -> None:
    text = f"第二条 产品与价格\n产品见下表，质量符合GB/T 1234-2020。\n{table}"
    assert UI not in ids(text, UI)


def test_round5_a_code_in_a_name_column_is_still_only_a_code() -> None:
    text = "第一条 货物\n| 产品名称 | 规格 | 单位 | 数量 |\n| XJ-200 | 宽200mm | 米 | 300 |"
    assert UI in ids(text, UI)


@pytest.mark.parametrize(
    "service",
    ["| 4 | 安装调试 | 含管路连接 | 1 | 项 |", "| 4 | 运输及保险 | 门到门 | 1 | 项 |"],
)
def test_round5_a_service_line_needs_no_model_beside_models_under_a_warranty(service: str) -> None:
    text = (
        "第一条 设备\n| 序号 | 名称 | 型号 | 数量 | 单位 |\n| 1 | 冷却塔 | LBC-80 | 2 | 台 |\n"
        f"| 2 | 水泵 | ISW65-160 | 2 | 台 |\n{service}\n第五条 质保\n质保期为验收合格后12个月。"
    )
    assert ids(text, NQ) == []


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (("序号", "名称", "数量", "单位"), ("1", "办公椅", "200", "把")),
        (("No.", "名称 Item", "数量 Qty", "单位 Unit"), ("01", "折叠桌 Folding table", "40", "张 pcs")),
        (("编号", "货物名称", "单位", "数量"), ("A1", "文件柜", "个", "12")),
    ],
)
def test_round5_no_quality_standard_quotes_the_goods_not_the_number_cell(tmp_path, header, row) -> None:
    import docx

    from contractkit.lint import lint_paths

    d = docx.Document()
    d.add_paragraph("第一条 货物")
    t = d.add_table(rows=1, cols=4)
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = text
    for cell, text in zip(t.add_row().cells, row, strict=True):
        cell.text = text
    d.add_paragraph("第二条 付款")
    d.add_paragraph("到货后10日内付清全部货款。")
    path = tmp_path / "goods.docx"
    d.save(str(path))
    (fr,) = lint_paths([path], Settings(select=(NQ,))).files
    (f,) = fr.findings
    assert row[1] in f.snippet and f.snippet.strip() != row[0]


@pytest.mark.parametrize(
    ("title", "qty"),
    [
        ("年度采购框架协议", "按订单"),
        ("框架采购合同", "以每次订单为准"),
        ("办公用品年度供货框架协议", "按甲方每次采购需求确定"),
    ],
)
def test_round5_a_framework_price_list_leaves_quantities_to_the_orders(title: str, qty: str) -> None:
    text = (
        f"{title}\n第一条 本协议为框架协议，甲方按需向乙方发出订单，订单载明数量和交货日期。\n"
        f"第二条 产品与价格\n| 品名 | 规格 | 单位 | 数量 | 单价 |\n| 复印纸 | A4 70g | 箱 | {qty} | 150.00 |"
    )
    assert UI not in ids(text, UI)
    # the same price list in a contract of its own leaves the quantity open
    sale = (
        "购销合同\n第一条 产品与价格\n| 品名 | 规格 | 单位 | 数量 | 单价 |\n"
        f"| 复印纸 | A4 70g | 箱 | {qty} | 150.00 |"
    )
    assert UI in ids(sale, UI)


# -- places before the purchase, site sizes, objection periods with a remedy, specs left to a note ------


@pytest.mark.parametrize(
    "context",
    [
        "甲方承接多个城市轨道交通盾构区间的掘进施工，需持续采购滚刀及刀圈等刀具耗材。",
        "甲方在多个项目工地同时施工，需向乙方采购钢筋。",
        "甲方下属多个门店需要向乙方采购冷柜。",
    ],
)
def test_many_places_before_the_purchase_are_no_vague_quantity(context: str) -> None:
    text = f"采购框架协议\n{context}双方达成如下协议。\n第一条 标的\n乙方按附件价格表所列品种供货。\n"
    assert ids(text, VQ) == []


def test_many_of_the_goods_is_still_vague() -> None:
    assert ids("采购合同\n第一条 标的\n甲方向乙方采购多个型号的刀具。\n", VQ) == ["subject/vague-quantity"]


@pytest.mark.parametrize(
    "aside",
    ["（场地约7,800平方米）", "（厂区约3万平方米）", "（现场约500平方米）", "（球场总面积约7800平方米）"],
)
def test_the_size_of_the_site_in_brackets_is_no_vague_quantity(aside: str) -> None:
    text = (
        "采购合同\n第一条 标的\n"
        f"买方向卖方购买下列货物，用于岳麓体育中心11人制足球场翻新{aside}：\n人造草坪 XJ-50，7,800平方米。\n"
    )
    assert ids(text, VQ) == []


def test_approximate_goods_measured_by_area_are_still_vague() -> None:
    assert ids("采购合同\n第一条 标的\n买方向卖方购买人造草坪约7,800平方米。\n", VQ) == [
        "subject/vague-quantity"
    ]


_PLATES = (
    "购销合同\n第一条 产品\n免处理CTP版材 HY-P30，6000张，单价46元。\n第三条 验收\n需方收货后五日内开箱抽检。"
)


@pytest.mark.parametrize(
    "remedy",
    [
        "质量异议期为收货后十二个月，期内因版材质量造成的掉版、起脏，供方负责退换。",
        "质量异议期为到货后12个月，期间出现质量问题的，乙方免费更换。",
        "需方可在收货后一年内提出质量异议，经查属实的由供方包退包换。",
    ],
)
def test_an_objection_period_the_seller_answers_for_guarantees_a_model(remedy: str) -> None:
    assert ids(_PLATES + remedy + "\n", NQ) == []


@pytest.mark.parametrize(
    "period",
    ["质量异议期为收货后十二个月。", "质量异议期为收货后十二个月，期内因质量问题造成的损失由双方协商处理。"],
)
def test_an_objection_period_alone_guarantees_nothing(period: str) -> None:
    assert ids(_PLATES + period + "\n", NQ) == ["subject/no-quality-standard"]


_NOTED_TABLE = (
    "设备买卖合同\n第一条 标的\n| 序号 | 名称 | 型号规格 | 单位 | 数量 | 单价(元) | 金额(元) |\n"
    "| 1 | 全自动超声波清洗线 | 见表下说明 | 台 | 2 | 168,000.00 | 336,000.00 |\n"
    "| 2 | 单槽超声波清洗机 | JK-360，36L | 台 | 4 | 9,800.00 | 39,200.00 |\n"
)


@pytest.mark.parametrize(
    "note",
    ["第1项清洗线的槽数、型号以买方另行书面通知为准。", "全自动超声波清洗线的槽数待定。"],
)
def test_a_spec_referred_to_a_note_that_defers_it_is_left_open(note: str) -> None:
    found = lint_text(_NOTED_TABLE + note + "\n", Settings(select=(UI,)))
    assert [(f.rule, f.snippet) for f in found] == [("subject/unquantified-item", note)]


@pytest.mark.parametrize("note", ["第1项清洗线为五槽式，型号JK-5T。", "第2项清洗机的型号另行书面通知。"])
def test_a_note_that_fixes_the_spec_or_speaks_of_another_row_is_no_deferral(note: str) -> None:
    assert ids(_NOTED_TABLE + note + "\n", UI) == []


@pytest.mark.parametrize(
    ("spec", "flagged"), [("配套 matching", True), ("配套", True), ("配套5HXG-30", False)]
)
def test_a_matching_spec_names_no_figures(spec: str, flagged: bool) -> None:
    text = (
        "购销合同\n一、标的\n| 名称 | 规格 | 数量 | 单价 | 金额 |\n"
        "| 批式循环谷物干燥机 | 5HXG-30，批处理量30吨 | 4台 | 268,000.00 | 1,072,000.00 |\n"
        f"| 生物质热风炉 Biomass hot-air furnace | {spec} | 4台 | 96,000.00 | 384,000.00 |\n"
    )
    assert ids(text, UI) == (["subject/unquantified-item"] if flagged else [])


def _pdf(lines: list[str]):
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"pages": 1, "ocr": [1]})


def test_pdf_rows_a_stray_mark_and_a_quantity_before_its_unit_are_read() -> None:
    from contractkit.contract.model import contract_of

    doc = _pdf(
        [
            "设备买卖合同",
            "第一条 标的",
            "序号 名称 型号规格 数量 单价(元) 金额(元)",
            "1 全自动超声波清洗线 见表下说明 2 台 168,000.00 “336,000.00",
            "2 单槽超声波清洗机 JK-360,36L,功率 1.2kW 4 台 9,800.00 39,200.00",
            "合计 375,200.00",
        ]
    )
    items = contract_of(doc).subject.items
    assert [(it.name, it.spec, it.quantity_text, it.unit) for it in items] == [
        ("全自动超声波清洗线", "见表下说明", "2", "台"),
        ("单槽超声波清洗机", "JK-360,36L,功率 1.2kW", "4", "台"),
    ]


# -- everyday goods lists and headings, the parties' own circumstances, grades, used items ----------------


@pytest.mark.parametrize(
    "head", ["东西\t要求\t数量\t单价\t小计", "物品\t规格\t数量\t单价\t金额", "货品\t要求\t数量\t单价\t小计"]
)
def test_an_everyday_goods_list_is_an_item_table(head: str) -> None:
    text = (
        "买咖啡机的协议\n甲方：武汉豆香咖啡有限公司\n乙方：武汉汇泉餐饮设备有限公司\n"
        "我们店里要开分店，找乙方买一批咖啡机和配套的东西，商量好了写下来。\n"
        "一、买什么、多少钱\n"
        f"{head}\n"
        "半自动咖啡机\t双头，15bar，不锈钢机身\t2台\t8600元\t17200元\n"
        "磨豆机\t64毫米平刀，定量出粉\t2台\t2300元\t4600元\n"
        "总共21800元。\n二、其他\n签字后生效。\n"
    )
    items = extract_text(text).subject.items
    assert [it.name for it in items] == ["半自动咖啡机", "磨豆机"]
    assert all(it.quantity is not None for it in items)
    assert VQ not in ids(text, VQ)


@pytest.mark.parametrize(
    "clause",
    [
        "甲方在上海设有多个门店，需长期采购咖啡豆及耗材。",
        "甲方旗下有若干分校，拟向乙方订购教学钢琴。",
        "买方拥有多个养殖基地，现向卖方购买饲料。",
    ],
)
def test_the_parties_own_circumstances_are_not_a_vague_quantity(clause: str) -> None:
    text = f"第一条 标的\n{clause}具体数量以每次订单为准。\n"
    assert VQ not in ids(text, VQ)


@pytest.mark.parametrize(
    "clause",
    [
        "第一条 标的\n办公设备一批，由乙方供应。",
        "第一条 标的\n甲方向乙方采购办公设备一批。",
        "第一条 标的\n甲方有一批旧设备需要处理，乙方采购其中的若干台。",
    ],
)
def test_a_vague_quantity_of_the_goods_is_still_reported(clause: str) -> None:
    assert VQ in ids(clause + "\n", VQ)


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("一、卖的东西、多少、多少钱", "2. 包装纸箱一批，够装这些货用，打包算3,600.00元。"),
        ("一、要的货", "1. 不锈钢餐盘，直径26厘米，大概800个左右，每个12元。"),
        ("一、订的货和价钱", "3. 配套螺丝若干，随货送。"),
        ("二、买多少、怎么算钱", "1. 红砖大约3万块，按实际送到的算。"),
    ],
)
def test_an_everyday_goods_heading_makes_its_lines_subject_clauses(heading: str, line: str) -> None:
    parties = "甲方：温州瓯江餐饮有限公司\n乙方：温州鹿城百货有限公司"
    text = f"买卖协议\n{parties}\n{heading}\n{line}\n二、其他\n签字生效。\n"
    assert VQ in ids(text, VQ)


def test_an_everyday_goods_heading_with_exact_counts_is_not_vague() -> None:
    text = (
        "买卖协议\n甲方：温州瓯江餐饮有限公司\n乙方：温州鹿城百货有限公司\n一、要的货\n"
        "1. 不锈钢餐盘，直径26厘米，800个，每个12元。\n二、怎么送\n乙方送到甲方店里，离仓库大概3公里。\n"
    )
    assert VQ not in ids(text, VQ)


def test_a_preamble_batch_before_a_table_with_an_uncounted_row_is_not_reported_twice() -> None:
    text = (
        "买咖啡机的协议\n甲方：武汉豆香咖啡有限公司\n乙方：武汉汇泉餐饮设备有限公司\n"
        "我们店里要开分店，找乙方买一批咖啡机和配套的东西，商量好了写下来。\n"
        "一、买什么、多少钱\n东西\t要求\t数量\t单价\t小计\n"
        "半自动咖啡机\t双头，15bar，不锈钢机身\t2台\t8600元\t17200元\n"
        "咖啡杯\t陶瓷，白色，每箱48只\t若干\t300元\t900元\n二、其他\n签字后生效。\n"
    )
    found = [f for f in lint_text(text, Settings(select=("subject",))) if f.rule.startswith("subject/")]
    assert [f.rule for f in found if "一批" in (f.message or "")] == []
    assert any(f.rule == "subject/unquantified-item" for f in found)


@pytest.mark.parametrize(
    ("name", "spec", "reported"),
    [
        ("训练球", "三星训练球，白色，每盒100个", False),
        ("大米", "一级，东北粳米，袋装", False),
        ("茶叶", "特级龙井，罐装", False),
        ("白砂糖", "优等品，袋装", False),
        ("抹布", "白色，每包10条", True),
    ],
)
def test_a_grade_identifies_what_is_sold(name: str, spec: str, reported: bool) -> None:
    text = (
        "采购合同\n第一条 标的\n| 货物名称 | 规格 | 数量 | 单价 |\n"
        f"| {name} | {spec} | 20 | 100元 |\n"
        "第二条 保修\n质保期12个月，质保期内出现质量问题的，乙方负责免费更换。\n"
    )
    got = NQ in ids(text, NQ)
    assert got is reported


@pytest.mark.parametrize(
    "clause",
    ["乙方现有若干台旧机床，出售给甲方。", "甲方拥有一批二手货架，卖给乙方。"],
)
def test_the_sellers_own_stock_sold_as_counted_is_still_vague(clause: str) -> None:
    assert VQ in ids(f"第一条 标的\n{clause}\n", VQ)


@pytest.mark.parametrize(
    ("spec", "reported"),
    [
        ("二手，无油静音型，1拖3", False),
        ("2021年买的，带遥控", False),
        ("八成新，带遥控", False),
        ("黑色，带遥控", True),
    ],
)
def test_a_used_item_is_identified_by_its_description(spec: str, reported: bool) -> None:
    text = (
        "采购合同\n第一条 标的\n| 货物名称 | 规格 | 数量 | 单价 |\n"
        f"| 空压机 | {spec} | 1台 | 3200元 |\n"
        "第二条 保修\n质保期12个月，质保期内出现质量问题的，乙方负责免费更换。\n"
    )
    got = NQ in ids(text, NQ)
    assert got is reported


def test_a_quality_requirement_column_is_not_the_spec() -> None:
    text = (
        "采购合同\n第一条 标的\n"
        "| 名称 | 型号/配置 | 数量 | 单位 | 单价 | 技术标准/质量要求 |\n"
        "| 电动叉车 | 型号按买方需要另行确定 | 4 | 台 | 86,000.00 | GB/T 10827；出厂检验合格 |\n"
    )
    (item,) = extract_text(text).subject.items
    assert item.spec != "GB/T 10827；出厂检验合格"
    assert "subject/unquantified-item" in {f.rule for f in lint_text(text, Settings(select=("subject",)))}


# -- an approximate property of counted goods; a building's fit-out (精装修) -------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "标的：液压挖掘机 XE215，斗容 1.0m³，整机重量约 21.5t，2 台，单价¥680,000.00；",
        "标的：柴油发电机组，额定功率约 500kW，1 套，总价¥420,000.00；",
        "标的：离心泵，流量约 80m³/h，扬程 32m，3 台，每台¥18,600.00。",
    ],
)
def test_approximate_property_of_counted_goods_is_no_vague_quantity(line: str) -> None:
    text = f"设备买卖合同\n第一条 标的\n{line}\n第二条 交货\n签订后30日内交货。\n"
    assert VQ not in ids(text, VQ)


@pytest.mark.parametrize(
    "line",
    [
        "标的：螺纹钢 HRB400，重约 120吨，单价¥3,900.00/吨。",  # the weight is how much is bought
        "标的：液压挖掘机 XE215，约 3 台，单价¥680,000.00。",  # the count itself is approximate
    ],
)
def test_approximate_quantity_still_reported(line: str) -> None:
    text = f"设备买卖合同\n第一条 标的\n{line}\n第二条 交货\n签订后30日内交货。\n"
    assert VQ in ids(text, VQ)


@pytest.mark.parametrize(
    "line",
    [
        "产品清单（云栖湾三期住宅精装修室内门）：实木复合门 800×2100mm，20 樘。",
        "标的：公寓精装修木地板，多层实木 15mm，E0 级，1,200 平方米。",
        "标的：酒店精装修卫浴五金，304 不锈钢，壁厚 1.2mm，300 套。",
    ],
)
def test_fit_out_of_a_building_is_no_subjective_quality(line: str) -> None:
    text = f"采购合同\n第一条 标的\n{line}\n第二条 交货\n签订后30日内交货。\n"
    assert SQ not in ids(text, SQ)


def test_fit_out_words_of_the_goods_still_reported() -> None:
    text = "采购合同\n第一条 标的\n标的：画册，精装，铜版纸 157g，500 本，质量要求美观。\n"
    assert SQ in ids(text, SQ)
