"""Subject facts: the items (name, model, spec, quantity, unit, unit price) from Word tables, text tables
(box drawing, ``|``, columns spaced apart, PDF rows) or prose, the clauses about the subject matter, vague
quantity or scope in those clauses only, open-ended quantities and the quality standards named.

A *subject clause* states what is bought: it sits in a section about the goods (标的, 产品名称、数量…) or
names a purchase (采购, 购买, 供应, 定作…) or a quantity / scope label (数量, 供货量, 供货范围), and is not
a penalty, termination or remedy clause (违约金, 解除, 未交部分…). Vague words count there only: 第一批,
该部分货物金额, 相关证件, 等 closing a list of laws are not vague.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from contractkit.config import DEFAULT_VAGUE_WORDS
from contractkit.contract.model import Where, contract_of
from contractkit.facts.document import block_indices_naming, clauses_naming, doc_text, has_blank, memo
from contractkit.facts.gates import blocks_naming_any, register
from contractkit.facts.spans import contains_any

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.readers.model import Block, Document

ItemSource = Literal["table", "text-table", "pdf-row", "prose"]
StandardKind = Literal[
    "numbered",
    "national",
    "industry",
    "enterprise",
    "agreement",
    "sample",
    "listed",
    "as_is",
    "genuine",
    "maker",
    "grade",
    "material",
    "performance",
    "certified",
    "conformity",
    "column",
    "generic",
]


@dataclass(frozen=True, slots=True)
class Item:
    """One line of the goods: what a table row or a purchase sentence says."""

    name: str
    model: str  # 型号 column (or a model code in prose)
    spec: str  # 规格 / 技术参数 column
    spec_column: bool  # the table has a spec / parameter column
    quantity: Decimal | None
    quantity_text: str
    unit: str
    unit_column: bool  # the table has a unit column
    unit_price: Decimal | None
    source: ItemSource
    where: Where  # the row (its first block)
    row: str  # the row's cells joined by " | "
    blocks: tuple[int, ...]  # every block of the row
    name_is_model: bool = False  # the goods column is a model column (产品型号 | AC-F60): its code names them


@dataclass(frozen=True, slots=True)
class Vague:
    """A vague quantity or scope word in a subject clause (一批, 若干, 约, 左右, 等 closing a goods list)."""

    word: str
    where: Where


@dataclass(frozen=True, slots=True)
class OpenQuantity:
    """A quantity left to what is delivered (数量以实际送货为准)."""

    where: Where


@dataclass(frozen=True, slots=True)
class Standard:
    """A quality standard named: GB/T 1499.2, 行业标准, 技术协议, 封存的样品, 上表所列指标…"""

    kind: StandardKind
    where: Where


@dataclass(frozen=True, slots=True)
class Purchase:
    """A prose statement of what is bought (约定被告向原告采购不锈钢储罐，合同总金额168000元)."""

    goods: str
    where: Where  # the clause
    quantified: bool  # a number with a unit, or a model code, follows the goods
    priced: bool  # the clause fixes a price or amount for the goods
    listed: bool  # the goods are a list (化肥、地膜、种苗)


@dataclass(frozen=True, slots=True)
class CountedList:
    """An enumerated prose list of goods with counts (1、喷淋塔1台，2、风机及管道1套…) and whether any model,
    parameter or spec is given for them."""

    names: tuple[str, ...]
    specified: bool
    where: Where  # the clause


@dataclass(frozen=True, slots=True)
class SubjectFacts:
    """The subject facts of one document."""

    items: tuple[Item, ...]
    has_item_table: bool  # a table (or text table) with a name column and a quantity / unit column
    refers_to_list: bool  # the goods are listed elsewhere (见附件, 明细表, 订单)
    item_blocks: tuple[int, ...]  # the blocks of the item-table rows (subject clauses, whatever they say)
    vague: tuple[Vague, ...]
    open_quantities: tuple[OpenQuantity, ...]
    purchases: tuple[Purchase, ...]
    counted_lists: tuple[CountedList, ...]
    standards: tuple[Standard, ...]
    subjective: tuple[Vague, ...]  # quality described by taste, not figures (精装, 优质, 先进, 外表美观)


# -- lexicons ----------------------------------------------------------------------------------------------

#: Section headings that put a clause in subject-matter context.
SUBJECT_SECTION = re.compile(r"标的|产品|货物|设备|名称|数量|规格|品种|采购内容|供货范围|材料|商品|物资")
#: The same with the colloquial headings (一、卖的是哪辆车 / 一、买什么、多少钱): for subject clauses only,
#: not for the goods section a quality standard is looked for in.
_SUBJECT_SECTION_ANY = re.compile(
    SUBJECT_SECTION.pattern + r"|[买卖](?:的是|的)?(?:什么|啥)|[买卖]的是|哪(?:辆|台|些|几)|什么东西"
    # everyday headings: 卖的东西、多少、多少钱 / 要的货 / 订的货和价钱 / 买多少
    r"|[买卖要订进供送](?:的|了)(?:东西|货|物品)|[买卖要订](?:多少|几)"
)
_PURCHASE = (
    r"随(?:车|机|货)(?:送|附|带|赠|配)|"  # 随车送：备胎、充电枪等附件若干 — what comes with the goods
    r"(?<![买卖购])买(?![方家受卖断])|采购|购买|购销|订购|供应|供货|提供|销售给|出售|出卖|定作|定制|加工|收购|订货|购置|买卖|租赁|交付|附送|"
    r"赠送|卖给|售给|售予|买了|买下|买入|购入|进货"
)
#: The verbs of a purchase statement (约定被告向原告采购不锈钢储罐).
_BUY = (
    r"采购|购买|购销|订购|供应|提供|销售给|出售|出卖|定作|定制|加工|收购|订货|购置|附送|赠送|卖给|售给|售予|买了|"
    r"买下|买入|购入|进货"
)
_PURCHASE_RE = re.compile(_PURCHASE)
_LABEL = re.compile(
    r"数量|供货量|采购量|订货量|重量|规格|型号|品名|名称|标的|供货范围|采购范围|采购内容|供货内容|货物清单|采购清单"
)
_PURCHASE_OR_LABEL = re.compile(f"{_PURCHASE}|{_LABEL.pattern}")
#: Clauses about something else than what is bought, even if they name goods.
_OTHER_SUBJECT = re.compile(
    r"违约|逾期|迟延|延迟|解除|赔偿|不合格|异议|退换|更换|罚|索赔|损失|保管|风险|质保金|保证金|诉讼|仲裁|"
    r"未交|尚未|剩余|差额|退还|返还|通知|保密"
)
#: Masked before vague words are looked for: titles, 约定-words, 第N部分.
_MASK = re.compile(
    r"《[^》\n]{1,80}》|“[^”\n]{1,40}”|第\s*[\d一二三四五六七八九十百]+\s*(?:部分|批)|"
    r"约定|约束|违约|合约|契约|预约|制约|节约|约请|特约|履约|简约|条约|公约|婚约|和约"
)
_NUM = r"(?:\d|[一二两三四五六七八九十百千万])"
_GOODS = r"货物|产品|设备|材料|配件|零件|附件|物资|商品|耗材|备件|器材|用品|物品"
#: Units of time and age: 用了一年半左右 / 约3个月 / 使用约两年 approximate how long, not how much is bought.
_TIME_UNIT = r"年|个月|月|周|星期|天|日|小时|分钟|岁|个工作日"
#: The default vague words with what makes each one vague (attached to a quantity or the goods).
_ATTACHED: dict[str, re.Pattern[str]] = {
    "一批": re.compile(r"(?<![第每首同该本上下前后逐分单整当两几多某任此那这])一批(?!次|号|量)"),
    "若干": re.compile(r"若干(?!问题|规定|意见|条|事项|年|意见)"),
    "左右": re.compile(
        rf"{_NUM}(?!\s?[^\d,，。；;\s]{{0,4}}?{_TIME_UNIT}[^\d,，。；;\s]{{0,2}}左右)\s?[^\d,，。；;\s]{{0,4}}左右"
    ),
    "约": re.compile(
        rf"(?<![大])约(?:为|计|合|有)?\s*{_NUM}(?![\d.,一二两三四五六七八九十百千万]*\s*(?:{_TIME_UNIT}))"
    ),
    "大约": re.compile(rf"大约(?:为|计|合|有)?\s*{_NUM}"),
    "大概": re.compile(rf"大概(?:为|计|合|有)?\s*{_NUM}"),
    "部分": re.compile(rf"(?<![组其剩余未超差不该此本各全大小一尚])部分(?=(?:{_GOODS}))"),
    "相关": re.compile(r"相关(?=(?:配件|附件|设备|产品|货物|耗材|备件|器材|服务|软件|工程))"),
    # 多个 before places, projects, units or periods says where or when, not how much is bought
    # (甲方承接多个城市轨道交通…施工，需采购滚刀)
    "多个": re.compile(
        r"多个(?!(?:城市|地区|地点|区域|省份|省|市|县|区|项目|工地|工程|标段|区间|门店|网点|分店|分公司|"
        r"部门|单位|客户|批次|阶段|订单|方面|环节|季度|月|年|工作日))"
    ),
}
#: 等 / 等等 closing a list of goods (服务器、交换机等), not a list of fees or laws.
_LIST_DENG = re.compile(
    r"、(?P<last>[^、，,。；;:：\s]{1,20}?)等(?:等)?(?=[)）]|$|[，,。；;\s]|(?:" + _GOODS + "))"
)
_NOT_GOODS_LIST = re.compile(
    r"(?:费|金|税|法|规定|条例|办法|标准|方|人|公司|单位|部门|机构|证|书|报告|情况|信息|内容|事项|记录|数据|手续|档案|"
    r"文件|问题|工作|活动|措施"
    # who buys or where (甲方下属医院（历下院区、章丘院区等）): organisations and sites, not goods
    r"|院区|医院|校区|学校|分公司|子公司|门店|分店|店|网点|厂区|园区|基地|工厂|项目部|院|所|局|处"
    r"|市|县|区|省|镇|乡|村)$"
)
#: A quantity left open: 数量以实际送货为准 / 以实际交货数量为准.
_OPEN = re.compile(
    r"(?:数量|重量|用量|工程量|供货量)[^,，。；;]{0,8}?以实际[^,，。；;]{0,10}?为准"
    r"|以实际(?:送货|交货|供货|发货|到货|需要|需求|使用|采购)(?:的)?(?:数量|量)?为准"
)
_QTY_UNIT = re.compile(
    r"(?:\d[\d,]*(?:\.\d+)?|[一二两三四五六七八九十百千万]+)\s*(?:万|千)?\s*"
    r"(?:台|套|件|个|只|支|把|张|块|根|条|箱|包|袋|桶|瓶|盒|卷|组|辆|吨|千克|公斤|kg|克|米|平方米|㎡|立方米|升|"
    r"副|樘|株|棵|头|部|架|扇|盘|批|项|份|册|本|双|对|付|片|粒|颗|棒|车|船|方|吨位)"
)
_MODEL = re.compile(r"[A-Za-z]+[-\d]+[A-Za-z\d\-×*/.]*|\d+[A-Za-z]+[-\dA-Za-z]*|型号|规格|编号")
#: A total fixed for the goods (合同总价2200000元, 价值128730元) — a unit price (730元/吨) is not one.
_TOTAL = re.compile(r"总价|总金额|总额|合同金额|合同价款|价值|价款|金额|\d+(?:\.\d+)?\s*万?元(?!\s*/)")
_UNIT_PRICE = re.compile(r"单价|元\s*/|元每|每(?:吨|件|台|个|套|米|公斤|千克|箱|袋)")
_REFERS_TO_LIST = re.compile(
    r"见(?:本合同)?(?:附件|附表|清单|明细|第[一二三四五六七八九十\d]+部分|《[^》]{1,20}》)|明细表|供货清单|"
    r"采购清单|订单|订货单|报价单|以下(?:产品|货物|设备)|(?:附件|附表|清单|明细表)[一二三四五六七八九十\d]*所列"
)
_GOODS_AFTER_VERB = re.compile(rf"(?:{_BUY})(?:的|了)?(?P<goods>[^,，。；;:：]{{2,30}})")
_NOT_GOODS = re.compile(
    r"^(?:价格|价款|金额|款|费用|数量|服务|资料|证明|发票|协助|担保|方式|期限|条件|必要|完成|后|前|时|方|商|人|单位|"
    r"期|合同|协议|双方|下列|以下|上述|本|该|此)"
)
#: One numbered entry of a prose list of goods with its count: 2、低温等离子1台 / (3)电机 2 套.
_COUNTED_ITEM = re.compile(
    r"(?:^|[,，;；:：\s])[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．)）]\s*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,16}?)\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:台|套|件|个|组|辆|座|部|架)"
)
#: A model, parameter or spec given for listed goods.
_SPECIFIED = re.compile(
    r"[A-Za-z]+-?\d|\d+(?:\.\d+)?\s*(?:kW|KW|W|kV|V|A|mm|cm|m³|m3|L|t|kg|Pa|MPa|℃|米|立方|平方|吨|升)"
    r"|型号|规格|参数|功率|容量|处理量|风量|流量"
)
#: A purchase statement names who buys or sells before the verb (向原告采购, 乙方为甲方加工, 通用公司…定作).
_BUYER_OR_SELLER = re.compile(
    r"向|从|为|给|由|甲方|乙方|买方|卖方|需方|供方|公司|原告|被告|出卖人|买受人|采购人|供应商|厂|中心|学校|医院"
)
_NOT_GOODS_ANY = re.compile(
    r"发票|资料|证明|服务|款项|进行|完成|结算|支付|对账|发货|协助|保证|制作|活动|信息|渠道|要求|《"
)

#: A standard named as a document the goods must meet (符合…技术协议, 技术要求见附件), not a heading
#: (质量标准2.1).
_COMMIT = r"(?:(?:符合|按照?|执行|依据|依照|满足|达到|遵守|参照|以|与|及)[^,，。；;]{0,10}?)"
_COMMIT_AFTER = r"(?!\s*\d)"
_AGREEMENT = (
    r"技术协议|技术规格书|技术规格|技术规范书?|规格书|技术要求|技术参数|性能参数|性能指标|产品说明书|质量要求|质量标准"
    r"|技术标准|图纸|验收标准|检验标准|验收依据|检验依据|品质协议|质量协议|质量保证协议"
)
_STANDARDS: tuple[tuple[StandardKind, re.Pattern[str]], ...] = (
    (
        "numbered",
        re.compile(
            r"(?:GB|QB|JB|HG|YY|SH|SN|NY|JG|JC|DL|HJ|YB|CJ|FZ|SB|LY|TB|MT|WS|DB\d*)\s*/?\s*[TZ]?\s*\d"
            r"|(?:ISO|IEC|EN|ASTM|DIN|JIS|ANSI|BS|UL)\s*\d"
            # other sector codes (CB/T 船舶, QC/T 汽车, SJ/T 电子…) with their /T; JGJ, CJJ, JJG, GJB without
            r"|(?<![A-Za-z])(?:CB|QC|SJ|YD|GA|JT|SL|SY|BB|AQ|XF|HB|MH|DZ|WB|LD|GY|CY|SC|WH|XB|YS|JR|GH|SW)\s*/\s*T\s*\d"
            r"|(?<![A-Za-z])(?:JGJ|CJJ|JJG|JJF|GJB)\s*/?\s*T?\s*\d"
            # an enterprise (Q/GDW 1234, Q/320583 ABC001) or group standard (T/CAS 115)
            r"|(?<![A-Za-z])[QT]\s*/\s*[A-Z0-9]{2,}",
            re.IGNORECASE,
        ),
    ),
    ("national", re.compile(r"国家标准|国标|强制性标准")),
    ("industry", re.compile(r"行业标准|行业规范|团体标准|地方标准|行标")),
    ("enterprise", re.compile(r"企业标准|企标")),
    (
        "agreement",
        re.compile(
            rf"{_COMMIT}(?:{_AGREEMENT}){_COMMIT_AFTER}|(?:{_AGREEMENT})(?=\s*(?:详见|见|为|:|：|执行|如下|按|以|依|附后))"
            # 双方签订的技术协议 / 技术协议（附件2）为本合同不可分割的组成部分
            rf"|(?:签订|签署|确认|盖章|会签)的?[^,，。；;]{{0,6}}?(?:{_AGREEMENT})"
            rf"|(?:{_AGREEMENT})[^,，。；;]{{0,16}}?(?:组成部分|同等(?:法律)?效力)"
        ),
    ),
    (
        "sample",
        re.compile(
            r"样品|封样|封存样|留样|存样|样箱|样板(?!间|房)|样本|样衣|小样|标样|确认样|首件|色卡|色板|样机|样件|样车|样砖"
            r"|样布|色样|产前样|大货样|实物样"
        ),
    ),
    (
        "listed",
        re.compile(
            r"(?:上表|本表|明细表|清单|附件)[^,，。；;]{0,4}所列[^,，。；;]{0,4}(?:指标|参数|要求)"
            # 按第一条所列规格验收 / 符合本合约第一条所列规格 / 所列技术参数
            r"|所列(?:的)?(?:型号规格|技术规格|规格型号|规格|技术参数|参数|性能指标|指标|技术要求|质量要求)"
            # goods meeting the specs of the table above: 符合上表规格 / 按本表技术参数 / 达到清单中的参数
            r"|(?:符合|按照?|依照?|达到|满足|执行)[^,，。；;]{0,3}?(?:上表|本表|下表|前表|上述表格|明细表|货物清单"
            r"|报价清单|清单)(?:所列|所述|所载|载明|中|内)?的?(?:型号规格|技术规格|规格型号|规格|技术参数|参数|性能指标"
            r"|指标|技术要求|质量要求)"
            r"|(?:质量|品质|规格|技术要求)[^,，。；;]{0,4}?(?:按|以|依|照)照?[^,，。；;]{0,2}?(?:上表|本表|下表|明细表|清单)"
            r"(?:所列|所述|所载)?的?(?:内容|规定|要求)?(?:执行|为准)"
            r"|(?:附件|附表)[一二三四五六七八九十\d]*(?:的|所列|规定的)?(?:指标|参数|技术要求|质量要求)"
            # each item identified by an annex or catalogue entry: ISBN、书名、版次…均以附件为准
            r"|(?:ISBN|书号|版次|货号|料号|图号|规格型号|技术参数)[^。；;]{0,24}?以(?:本合同)?(?:附件|附表|清单|书目)"
            r"[^。；;]{0,8}?为准"
            # the quality set by an annex: 质量要求详见附件2 / 货物的质量应符合附件一的约定 / 品质以附件三为准
            r"|(?:质量|品质|技术|规格|性能|标准)[^,，。；;]{0,8}?(?:符合|按照?|依照?|以|详见|见|执行|满足|达到)"
            r"[^,，。；;]{0,6}?(?:附件|附表|附录)"
        ),
    ),
    # used goods sold in a stated condition: 设备按乙方查看时的现状交付 / 以现状出售 / sold as is
    (
        "as_is",
        re.compile(
            r"(?:按|以|依)[^,，。；;]{0,16}?(?:现状|现有状况|状态|状况|原状)(?:交付|交货|出售|转让|销售|移交|为准)"
            r"|现状(?:交付|交货|出售|转让|销售)"
            r"|\b[Aa][Ss][- ][Ii][Ss]\b"
        ),
    ),
    # genuine goods required (正版图书, 原厂正品, 存在盗版的…): identity is the quality term of branded goods
    # (原厂全新产品, 全新原装, 原厂配件: the maker's new goods are the quality term of spare parts)
    # (brand-new goods or original parts guaranteed: 均为全新、未使用过的, 原厂件, 不以翻新件或副厂件替代)
    (
        "genuine",
        re.compile(
            r"正版|正品|原装|原厂(?:正品|原装|生产|出品|全新|新品|配件|件)|全新原厂|盗版"
            r"|(?:为|是|系|保证|确保)[^,，。；;]{0,6}?全新|全新(?:、|，|,|未使用|未经使用|出厂|且)"
            r"|全新的?(?:货物|产品|设备|机器|整机|配件|零件|部件|原装|正品)"
            r"|(?:全新|货物|产品|设备|配件|零件|部件)[^,，。；;]{0,4}?未经?(?:使用|翻新)"
            r"|非翻新|翻新件|翻新机|副厂件|拆机件|纯正配件"
        ),
    ),
    # the maker's published specification: 以生产商官方网站公布的产品规格书为准, 符合制造商出厂标准
    (
        "maker",
        re.compile(
            r"(?:生产厂家|生产厂商|厂家|厂商|制造商|制造厂|生产商|原厂|品牌方|品牌商)[^,，。；;]{0,14}?"
            r"(?:公布|发布|公开|提供|出具|标称|规定|承诺|标示|标注)(?:的|之)?[^,，。；;]{0,10}?(?:参数|规格|指标|标准|性能|技术)"
            r"|(?:出厂|厂家|原厂)(?:检验)?(?:标准|技术标准|质量标准|技术规格|规格书|技术参数)"
        ),
    ),
    # a quality grade or a quality indicator with its figure (优等品, 一级, 耐印力10万印, 纯度≥99.7%)
    (
        "grade",
        re.compile(
            r"优等品|一等品|[一二三]级品|特级品?|(?:质量|产品)等级\s*(?:为|:|：)"
            r"|(?:耐印力|耐磨性?|使用寿命|纯度|含量|水分|杂质|精度|抗拉强度|强度|硬度|合格率|不良率|良品率|白度|色牢度"
            r"|阻燃等级|防护等级|能效等级|(?<!数量)(?<!重量)(?<!计量)(?<!称重)(?<![磅量])(?:误差|偏差|公差|允差)|色差|漏水率|故障率)"
            r"\s*(?:为|:|：|≥|≤|>|<|＞|＜|不低于|不高于|不小于|不大于|不超过|不得超过|不得大于|不得低于|小于|大于|达到"
            r"|应(?:不)?(?:低于|高于|超过|小于|大于|在))?\s*[±+]?\s*\d"
            # any rate, output or measure bounded by a figure: 碎米率不高于8%, 产量不低于4t/h, 厚度≥0.5mm
            r"|(?:(?![利费税汇比价])[\u4e00-\u9fff]率|产量|效率|功率|能力|[温厚亮硬密浓粘粗细深速照]度|[压拉承载张]力)"
            r"\s*(?:应|须|需)?\s*(?:不低于|不高于|不小于|不大于|≥|≤|＞|＜)\s*\d"
        ),
    ),
    # a grade of material or of use, or a substance excluded: 食品级原纸, 医用级硅胶, E0级板材, 分析纯,
    # 不含荧光剂, 无铅焊锡, BPA-free (what the goods are made of is their quality term)
    (
        "material",
        re.compile(
            r"(?:食品|食品接触|医用|医疗|药用|药品|饲料|电子|试剂|化妆品|母婴|婴童|光学|核)级"
            r"|(?<![A-Za-z0-9])(?:E0|E1|ENF|F4星)\s*级|分析纯|优级纯|化学纯"
            r"|(?:不含|不含有|无|不得含有?|禁用|禁止(?:使用|添加|含有))(?:任何)?(?:荧光(?:增白)?剂|增白剂|甲醛|重金属|铅|镉|汞"
            r"|六价铬|双酚A|BPA|塑化剂|邻苯(?:二甲酸酯)?|石棉|偶氮|苯|防腐剂|色素|卤素)"
            r"|(?i:\b(?:BPA|lead|formaldehyde|halogen)[- ]free\b)"
        ),
    ),
    # a performance the goods must show, tested over a stated time: 冷饮里3小时不能软塌, 浸泡24小时不变形,
    # 连续运行72小时无故障, 盐雾试验500小时不生锈
    (
        "performance",
        re.compile(
            r"\d+(?:\.\d+)?\s*(?:个)?(?:小时|分钟|秒|天|日|次|周期|h|H|min)(?:内|以上|后)?[^,，。；;\d]{0,4}?"
            r"(?:不|无|不能|不得|不会|不应|不出现|没有)(?:任何)?(?:软塌|软化|塌陷|变形|渗漏|漏水|漏气|漏液|开裂|裂纹|褪色|掉色|脱色"
            r"|脱落|断裂|起泡|生锈|锈蚀|破损|霉变|分层|脱层|老化|故障|异常|发黄|粉化)"
        ),
    ),
    # a certification or registration the goods must hold: 医疗器械注册证, CCS 船级社证书, 3C 认证 (the
    # registered or certified product requirements are the standard) — not a bare 合格证
    (
        "certified",
        re.compile(
            r"注册证|注册备案|备案凭证|船级社|强制性产品认证|(?:CCC|3C|CE|UL|FDA)\s*(?:认证|证书|标志|注册)"
            r"|型式(?:检验|试验)报告|型式认可"
        ),
    ),
    # a translated warranty of conformity: 不存在设计、材料和工艺上的缺陷 / free from defects in materials
    # and workmanship / conform to the specifications
    (
        "conformity",
        re.compile(
            r"(?:不存在|无|没有|免于)(?:任何)?[^,，。；;]{0,8}?(?:设计|材料|材质|工艺|制造|做工)[^,，。；;]{0,12}?"
            r"(?:缺陷|瑕疵)"
            r"|(?i:free\s+(?:from|of)\s+(?:any\s+)?defects?|conform(?:s|ing)?\s+(?:in\s+all\s+respects\s+)?"
            r"(?:to|with)\s+the\s+(?:specifications?|samples?|drawings?))"
        ),
    ),
    # 按出厂标准 / 执行行业规范; a national / industry standard is its own kind
    (
        "generic",
        re.compile(
            r"(?:符合|按照?|执行|依据|依照|满足|达到)(?:(?!国家|行业|企业|团体|地方)[^,，。；;]){0,8}(?:标准|规范)"
        ),
    ),
)
#: Every match of the ``as_is`` kind holds 现状 or one of these (状态/状况 alone are too common to scan for).
_CONDITION_WORDS = tuple(
    f"{w}{v}"
    for w in ("状态", "状况", "原状")
    for v in ("交付", "交货", "出售", "转让", "销售", "移交", "为准")
)
#: Every match of the ``grade`` kind holds one of these.
_GRADE_WORDS = (
    "优等品", "一等品", "级品", "特级", "质量等级", "产品等级", "防护等级", "阻燃等级", "能效等级",
    "耐印力", "耐磨", "寿命", "纯度", "含量", "水分", "杂质", "精度", "强度", "硬度", "合格率", "不良率",
    "良品率", "白度", "色牢度", "误差", "偏差", "公差", "允差", "色差", "漏水率", "故障率",
    "不低于", "不高于", "不小于", "不大于", "≥", "≤", "＞", "＜",
)  # fmt: skip
#: Every match of the ``material`` kind holds one of these.
_MATERIAL_WORDS = (
    "食品级", "食品接触级", "医用级", "医疗级", "药用级", "药品级", "饲料级", "电子级", "试剂级", "化妆品级",
    "母婴级", "婴童级", "光学级", "核级", "E0", "E1", "ENF", "F4星", "分析纯", "优级纯", "化学纯",
    "荧光", "增白剂", "甲醛", "重金属", "铅", "镉", "汞", "六价铬", "双酚", "BPA", "塑化剂", "邻苯", "石棉",
    "偶氮", "苯", "防腐剂", "色素", "卤素", "free", "FREE", "Free",
)  # fmt: skip
#: Every match of the ``performance`` kind holds one of these.
_PERFORMANCE_WORDS = (
    "软塌", "软化", "塌陷", "变形", "渗漏", "漏水", "漏气", "漏液", "开裂", "裂纹", "褪色", "掉色", "脱色",
    "脱落", "断裂", "起泡", "生锈", "锈蚀", "破损", "霉变", "分层", "脱层", "老化", "故障", "异常", "发黄",
    "粉化",
)  # fmt: skip
#: Every match of the ``maker`` kind holds one of these.
_MAKER_WORDS = ("厂家", "厂商", "制造商", "制造厂", "生产商", "原厂", "品牌方", "品牌商", "出厂")
#: Every match of the ``certified`` kind holds one of these.
_CERTIFIED_WORDS = ("注册证", "注册备案", "备案凭证", "船级社", "产品认证", "认证", "证书", "标志", "型式")
#: Every match of the ``conformity`` kind holds one of these.
_CONFORMITY_WORDS = ("缺陷", "瑕疵", "defect", "Defect", "DEFECT", "conform", "Conform", "CONFORM")
_STANDARD_GATE = (
    "标准",
    "国标",
    "GB",
    "gb",
    "ISO",
    "EN",
    "协议",
    "技术",
    "质量",
    "样",
    "图纸",
    "所列",
    "上表",
    "本表",
    "下表",
    "清单",
    "/T",
    "附件",
    "附表",
    "规范",
    "说明书",
    "规格书",
    "性能",
    "现状",
    *_CONDITION_WORDS,
    "色卡",
    "色板",
    "首件",
    "as is",
    "As is",
    "AS IS",
    "as-is",
    "As-is",
    "AS-IS",
    "正版",
    "正品",
    "原装",
    "原厂",
    "全新",
    "翻新",
    "副厂",
    "拆机",
    "纯正",
    "盗版",
    *_MAKER_WORDS,
    "附录",
    *_GRADE_WORDS,
    *_MATERIAL_WORDS,
    *_PERFORMANCE_WORDS,
    *_CERTIFIED_WORDS,
    *_CONFORMITY_WORDS,
    "Q/",
    "T/",
    "JGJ",
    "CJJ",
    "JJG",
    "JJF",
    "GJB",
    "q/",
    "t/",
)
#: The standard patterns as one alternation (the group name is the kind; the leftmost mention wins).
_STANDARD_ANY = re.compile(
    "|".join(
        f"(?P<{kind}>{'(?i:' + p.pattern + ')' if p.flags & re.IGNORECASE else p.pattern})"
        for kind, p in _STANDARDS
    )
)

#: Where a match of ``numbered`` can start: a letter that matches [A-Za-z] ignoring case (İ ı ſ K too).
_LATIN = re.compile(r"[A-Za-z\u0130\u0131\u017f\u212a]")
_NUMBERED = _STANDARDS[0][1]
_AGREEMENT_GATE = contains_any(_AGREEMENT.split("|"))


#: A literal test each kind's pattern cannot match without (None: the pattern is a cheap literal scan).
def _gate(pattern: str) -> Callable[[str], bool]:
    """A test "does the text match ``pattern`` anywhere" (a compiled regex of literal alternatives)."""
    search = re.compile(pattern).search
    return lambda text: search(text) is not None


_KIND_GATES: dict[StandardKind, Callable[[str], bool]] = {
    "agreement": _AGREEMENT_GATE,
    "listed": contains_any(("所列", "附件", "附表", "附录", "上表", "本表", "下表", "前表", "表格", "清单")),
    # one compiled scan per gate (a loop of ``in`` tests over a word list costs more)
    "as_is": _gate(r"现状|" + "|".join(_CONDITION_WORDS) + r"|[Aa][Ss][- ][Ii][Ss]"),
    "genuine": contains_any(("正版", "正品", "原装", "原厂", "盗版", "全新", "翻新", "副厂", "拆机", "纯正")),
    "maker": contains_any(_MAKER_WORDS),
    "certified": contains_any(_CERTIFIED_WORDS),
    "conformity": contains_any(_CONFORMITY_WORDS),
    "grade": contains_any(_GRADE_WORDS),
    "material": contains_any(_MATERIAL_WORDS),
    "performance": contains_any(_PERFORMANCE_WORDS),
    "generic": lambda c: "标准" in c or "规范" in c,
}


def _numbered(clause: str) -> re.Match[str] | None:
    """``_NUMBERED.search(clause)``, tried only where a Latin letter starts (a case-blind scan is slow)."""
    letter = _LATIN.search(clause)
    while letter is not None:
        m = _NUMBERED.match(clause, letter.start())
        if m is not None:
            return m
        letter = _LATIN.search(clause, letter.start() + 1)
    return None


def _numbered_span(clause: str) -> tuple[StandardKind, int, int] | None:
    """The first numbered standard (GB/T 3091-2015) of ``clause`` as ``("numbered", start, end)``."""
    m = _numbered(clause)
    return ("numbered", m.start(), m.end()) if m is not None else None


def first_standard(clause: str) -> tuple[StandardKind, int, int] | None:
    """The leftmost standard the clause names, as ``(kind, start, end)`` — exactly ``_STANDARD_ANY.search``
    (at one start the first kind wins), each kind's pattern run only when its literal gate passes."""
    best: tuple[StandardKind, int, int] | None = None
    for kind, pattern in _STANDARDS:
        gate = _KIND_GATES.get(kind)
        if gate is not None and not gate(clause):
            continue
        m = _numbered(clause) if pattern is _NUMBERED else pattern.search(clause)
        if m is not None and (best is None or m.start() < best[1]):
            best = (kind, m.start(), m.end())
    return best


#: Quality described by taste instead of figures or a standard.
_SUBJECTIVE = re.compile(
    r"(?:(?<!住宅|公寓|别墅|楼盘|小区|项目|大楼|酒店)精装|豪华|高档|优质|上乘|美观|先进(?!先出)|一流|高端|精良|质量(?:良好|较好|好(?!坏))|高品质|高质量|最优|上等|精美)"
    # not the goods' quality: a service, who a party is or serves (高端客户, 一流企业, 高档酒店), a project or
    # a building's fit-out (…项目精装修工程, 高档小区, 住宅精装修室内门)
    r"(?!的?(?:(?:售后|技术|培训)?服务|客户|用户|企业|厂家|厂商|品牌商|供应商|合作伙伴|酒店|宾馆|餐厅|会所|商场|门店|小区"
    r"|楼盘|住宅|社区|项目|市场|人才|团队|单位|公司|写字楼|公寓|别墅|修(?:工程|项目|房|住宅|交付)))"
)
#: A phrase of use (用于…项目精装修工程, 供…使用): where the goods go, not what quality they have.
_USE = re.compile(r"(?:用于|用在|适用于|应用于|供[^,，。；;]{1,20}?使用)[^,，。；;]*")
#: What a party is (卖方为国内一流的布草生产企业): praise of the party, not a quality of the goods.
_WHO_IS = re.compile(
    r"(?:是|为|系|作为)[^,，。；;]{0,20}?(?:企业|厂家|厂商|公司|供应商|品牌|制造商|生产商|服务商|经销商|集团)(?=[,，。；;]|$)"
)
_SUBJECTIVE_WORDS = (
    "精装", "豪华", "高档", "优质", "上乘", "美观", "先进", "一流", "高端", "精良",
    "质量良好", "质量较好", "质量好", "高品质", "高质量", "最优", "上等", "精美",
)  # fmt: skip
#: Every default vague word holds one of these.
_VAGUE_GATE = ("批", "若干", "左右", "约", "部分", "相关", "大概", "适量", "少量", "一些", "多个", "等")
_BUY_WORDS = tuple(_BUY.split("|"))
#: A counted list of goods names a quantity label or counts in 台 / 套.
_LIST_GATE = ("数量", "名称", "台", "套")
_ALL_GATES = tuple(
    dict.fromkeys((*_STANDARD_GATE, *_SUBJECTIVE_WORDS, *_VAGUE_GATE, "为准", *_BUY_WORDS, *_LIST_GATE))
)
_STANDARD_GATE_ANY = contains_any(_STANDARD_GATE)
_SUBJECTIVE_GATE = contains_any(_SUBJECTIVE_WORDS)
_VAGUE_GATE_ANY = contains_any(_VAGUE_GATE)
_BUY_GATE = contains_any(_BUY_WORDS)
_QUALITY_CLAUSE = re.compile(r"质量|品质|标准|保证")

#: Goods column headers, formal and everyday (东西 | 要求 | 数量 of a colloquial list, 物品, 货品).
_NAME_COLS = (
    "名称", "品名", "产品", "货物", "设备", "品种", "材料", "零件", "商品", "东西", "货品", "物品", "物料",
    "品目", "器材",
)  # fmt: skip
#: A count written as what is counted (株数 of seedlings, 台数, 片数) heads a quantity column too.
_QTY_COLS = (
    "数量", "供货量", "采购量", "订货量", "订购量", "需求量", "株数", "棵数", "件数", "台数", "套数", "箱数",
    "片数", "根数", "只数", "头数", "袋数",
)  # fmt: skip
_UNIT_COLS = ("单位",)
_SPEC_COLS = ("规格", "技术参数", "主要参数", "参数", "技术要求", "指标", "材质", "款式", "配置")
#: An everyday spec header standing alone (东西 | 要求 | 数量): not a 质量要求 / 技术标准 column.
_PLAIN_SPEC_HEAD = re.compile(r"^\s*(?:具体)?要求\s*$")
_MODEL_COLS = ("型号", "图号", "牌号", "货号")
#: A goods column header that names the goods (产品名称, 品名), not only their model (产品型号).
_NAMED_COL = re.compile(r"名称|品名|品种|名目|描述|内容")
_PRICE_COLS = ("单价",)
register(_NAME_COLS, _QTY_COLS)
_SKIP_ROW = re.compile(r"合计|总计|小计|总价|大写|备注|以下空白")
#: A signature cell run into an item table (甲方（盖章）：…, 授权代表：…, 日期：…).
_SIGN_CELL = re.compile(r"盖章|签章|签字|签名|授权代表\s*[:：]|法定代表人\s*[:：]|^\s*日期\s*[:：]")
_BOX = re.compile(r"[│┃|]")
_RULE_START = set("┌┬┐├┼┤└┴┘─━═╔╦╗╠╬╣╚╩╝|:-+")
_BOX_RULE = re.compile(r"^[\s┌┬┐├┼┤└┴┘─━═╔╦╗╠╬╣╚╩╝|:\-+]+$")
_SPACED = re.compile(r"\s{2,}|\t")
_PDF_TAIL = re.compile(
    r"(?P<unit>[^\s\d,.]{1,4})?\s*(?P<nums>(?:\d[\d,]*(?:\.\d+)?\s+){1,3}\d[\d,]*(?:\.\d+)?)\s*$"
)
_PDF_TAIL_QTY_FIRST = re.compile(
    r"(?P<qty>(?:约|大约|约为)?\s*\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\s\d,.]{1,4})\s+"
    r"(?P<nums>\d[\d,]*(?:\.\d+)?\s+\d[\d,]*(?:\.\d+)?)\s*$"
)
_ROW_START = re.compile(r"^\s*(?P<no>\d{1,2})\s+(?P<name>\S.*)$")
#: A row of a table without a number column: it starts with the goods' name (a word, or a Latin code before
#: one), never with a figure, a clause number (第二条, 2.) or a label (合同总金额：).
_UNNUMBERED_ROW = re.compile(
    r"^\s*(?!第[一二三四五六七八九十\d]{1,3}[条章])[A-Za-z\u4e00-\u9fff][^:：\s]*(?:\s|$)"
)
_NO_NUMBER = re.compile(r"^(?P<no>\s*)(?P<name>\S.*)$", re.S)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
#: A line that ends a sentence (。；;): a clause, not the first half of a wrapped row.
_SENTENCE_END = re.compile(r"[。；;]\s*$")
#: A mark OCR reads beside a figure of a scanned row (“336,000.00, ”功率): a space keeps the offsets.
_OCR_MARK = re.compile(r"[“”\"‘’'](?=\s*\d)")
_OCR_MARK_GATE = contains_any(["“", "”", '"', "‘", "’", "'"])
#: The figure a text ends with (the quantity before a unit).
_FIGURE_END = re.compile(r"(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*$")


# -- helpers -----------------------------------------------------------------------------------------------


def _decimal(text: str) -> Decimal | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if m is None:
        return None
    try:
        return Decimal(m.group().replace(",", ""))
    except InvalidOperation:
        return None


#: A header about the ordering step, not the quantity bought (最小订购量, 起订量, 订购倍数, MOQ): a
#: framework's price list states it per line, with no quantity of its own.
_NOT_QTY_HEAD = re.compile(r"最小|最低|起订|起购|倍数|包装量|\bMOQ\b", re.IGNORECASE)


def _column(header: list[str], names: tuple[str, ...], skip: tuple[int, ...] = ()) -> int | None:
    qty = names and names[0] == _QTY_COLS[0]
    for n in names:  # names in order of preference
        for i, h in enumerate(header):
            if i not in skip and n in h and not (qty and _NOT_QTY_HEAD.search(h)):
                return i
    return None


def in_subject_section(block: Block) -> bool:
    """True when the block sits in a section about the goods (标的, 产品名称、数量…)."""
    return bool(block.section) and _SUBJECT_SECTION_ANY.search(block.section or "") is not None


def is_subject_clause(block: Block, clause: str) -> bool:
    """True when ``clause`` states what is bought (see the module docstring)."""
    return _is_subject(block.section or "", clause)


@lru_cache(maxsize=8192)
def _is_subject(section: str, clause: str) -> bool:
    other = _TECH_LOSS.sub("", clause) if "损失" in clause else clause
    if _OTHER_SUBJECT.search(other):
        return False
    if ("地" in clause or "址" in clause or "位置" in clause) and _PLACE_CLAUSE.match(clause):
        return False  # 交货地点：…物资供应站（距北门约800米）: where the goods go, not what is bought
    if section and _SUBJECT_SECTION_ANY.search(section):
        return True
    return _PURCHASE_OR_LABEL.search(clause) is not None or _PRICED_COUNT.search(clause) is not None


#: A loss the goods are measured by (坍落度经时损失不超过60mm, 插入损失≤0.3dB, 热损失): a figure of the
#: spec, not a loss a breach causes.
_TECH_LOSS = re.compile(
    r"(?:经时|坍落度|扩展度|热|压力|压|功率|插入|回波|传输|能量|介质|铁|铜|水头|沿程|局部|烧|灼烧|干燥)损失"
)
#: A count priced into an amount (180片 × 168元 = 30,240元, 6套×2,000元/套=12,000元): the line of what is
#: bought, and its count is the quantity.
_PRICED_COUNT = re.compile(
    r"\d[\d,.]*\s*[\u4e00-\u9fff]{1,2}[^×xX*＊=＝。；;]{0,24}?[×xX*＊]\s*[¥￥]?\s*\d[\d,.]*\s*元"
    r"(?:\s*/\s*[\u4e00-\u9fff]{1,2})?\s*[=＝]\s*[¥￥]?\s*\d"
)


#: A clause that states a place (交货地点：…, 地址：…, 安装位置为…): where, not what is bought.
_PLACE_CLAUSE = re.compile(
    r"^\s*(?:[(（]?[\d一二三四五六七八九十]{1,3}(?:\.\d{1,2}){0,3}[)）、.．]?\s*)?"
    r"(?:交货|交付|送货|收货|到货|提货|卸货|履行|安装|使用|存放|施工|项目|注册|通讯|联系)?(?:地点|地址|住所|位置|场所)"
    r"\s*(?:[:：]|为|在|是|设在|位于)"
)
#: An approximation of a distance that locates a place (距工业园区北门约800米, 离仓库大约2公里,
#: 相距500米左右).
_DISTANCE = re.compile(
    r"(?:距离?|(?<![脱分隔])离(?!岸)|相距|相隔)[^，,。；;]{0,16}?(?:约|大约|大概)?\s*\d[\d,.]*\s*"
    r"(?:米|公里|千米|km|KM|m)(?![A-Za-z0-9²³])(?:\s*左右)?"
)
#: A recital opens with 鉴于; its numbered items follow; the operative part starts after 达成如下协议.
_RECITAL_OPEN = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?鉴于")
_RECITAL_CLOSE = re.compile(
    r"达成(?:如下|以下)|(?:协议|约定|条款)如下|(?:订立|签订|签署)本(?:合同|协议)|特?(?:订立|签订|立)(?:如下|此)"
    r"|兹(?:订立|签订|约定)|共同遵守"
)
_RECITAL_ITEM = re.compile(
    r"^\s*(?:[(（](?:[一二三四五六七八九十]{1,2}|\d{1,2}|[A-Za-z])[)）]|[一二三四五六七八九十]{1,2}、|[A-Z][.、．)]"
    r"|\d{1,2}[、)）](?!\d))"
)
_RECITAL_WORD = ("鉴于",)


def recital_blocks(doc: Document) -> frozenset[int]:
    """The blocks of the recitals (鉴于：（一）买方拟采购…等设备；…因此…达成如下协议): they say why the
    contract is made; what is bought is fixed in the operative clauses (once per document)."""

    def compute() -> frozenset[int]:
        out: set[int] = set()
        blocks = doc.blocks
        for i in block_indices_naming(doc, _RECITAL_WORD):
            if i > 80 or i in out or not _RECITAL_OPEN.match(blocks[i].norm):
                continue
            out.add(i)
            if _RECITAL_CLOSE.search(blocks[i].norm):
                continue
            for j in range(i + 1, min(len(blocks), i + 12)):
                norm = blocks[j].norm
                if _RECITAL_CLOSE.search(norm):
                    out.add(j)
                    break
                if not _RECITAL_ITEM.match(norm):
                    break
                out.add(j)
        return frozenset(out)

    return memo(doc, "subject.recitals", compute)


#: A clause or section heading about the quality the goods must have (2. 质量标准, 第四条 质量要求,
#: 技术要求：).
_QUALITY_HEAD = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百\d]{1,4}[条章]|[(（]?[一二三四五六七八九十\d]{1,3}(?:\.\d{1,2}){0,2}[)）、.．]?)?\s*"
    r"(?:(?:产品|货物|设备|商品|标的物?)(?:的)?)?(?:质量|品质|技术)(?:标准|要求|规格|条款|指标|规范)"
)
_QUALITY_WORDS = ("质量", "品质", "技术")
register(_QUALITY_WORDS)


def quality_heading(doc: Document) -> int | None:
    """The block of a heading or label about the goods' quality standard (质量标准, 质量要求, 技术要求),
    in the text or as a section title, else None (once per document)."""

    def compute() -> int | None:
        for i in blocks_naming_any(doc, _QUALITY_WORDS):
            b = doc.blocks[i]
            if _QUALITY_HEAD.match(b.norm) or (b.section and _QUALITY_HEAD.match(b.section)):
                return i
        return None

    return memo(doc, "subject.quality-heading", compute)


#: The size of the buyer's premises before an approximation: 分拣库（面积约3,200平方米）, 厂区占地约6.8公顷.
_SITE_SIZE = re.compile(
    r"(?:(?:库|厂房|车间|会议室|仓库|场地|厂区|园区|办公室|大楼|门店|店面|展厅|机房|宿舍|教室|大厅|礼堂|场馆|工地|现场|过道|通道)"
    r"\s*[（(]\s*(?:(?:建筑|使用|占地)?面积|占地)?|占地(?:面积)?|建筑面积|(?:厂区|场地|库房|仓库)面积"
    # any room or site measured by its area (健身房平面图（面积约120平方米）): goods are not sized by 面积
    r"|[（(]\s*(?:[\u4e00-\u9fff]{0,6})?面积"
    # the premises named first inside the brackets (用于…足球场翻新（场地约7,800平方米）)
    r"|[（(]\s*(?:场地|厂区|园区|厂房|车间|仓库|库房|球场|操场|场馆|展厅|机房|大厅|门店|店面|现场|工地)"
    r"(?:(?:建筑|使用|占地|总)?面积)?)\s*(?:为|有|共)?\s*$"
)


def is_site_size(clause: str, a: int) -> bool:
    """True when the approximation at ``a`` of ``clause`` gives the size of premises (面积约…), not goods."""
    return _SITE_SIZE.search(clause, max(0, a - 24), a) is not None


def is_distance(clause: str, a: int, b: int) -> bool:
    """True when the approximation at ``a:b`` of ``clause`` is a distance that locates a place."""
    if "距" not in clause and "离" not in clause and "相隔" not in clause:
        return False
    for m in _DISTANCE.finditer(clause, max(0, a - 24), min(len(clause), b + 16)):
        if m.start() <= a and b <= m.end():
            return True
    return False


#: A quantity given as a non-binding estimate (a framework agreement's forecast).
_ESTIMATE = re.compile(r"预计|预估|估计|估算|参考|暂定|计划|预测|不构成[^,，。;；]{0,8}承诺")
_APPROXIMATE = ("约", "左右", "大约", "大概")


def _blank_out(m: re.Match[str]) -> str:
    return "\0" * len(m.group())


#: Words whose pattern can match the masked clause only where it matches the clause itself (no masked span
#: ends with a character their look-behind refuses), so a clause they do not match needs no masking.
_UNMASKED_TEST = frozenset(("约", "相关", "部分"))
#: :data:`_MASK` can only match a clause holding one of these.
_MASK_GATE = contains_any(["《", "“", "第", "约"])


def vague_hits(clause: str, words: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """The vague words of ``words`` in a subject clause, attached to a quantity or the goods, in text order.

    A default word counts only where it is vague (一批 but not 第一批, 约 before a number, 部分设备); a word
    a company adds counts wherever it appears. 等 counts when it closes a list of goods.
    """
    present = [w for w in words if w in clause and w not in ("等", "等等")]
    deng = "等" in clause and ("等" in words or "等等" in words) and "、" in clause
    if not present and not deng:
        return []
    if not deng and all(w in _UNMASKED_TEST and _ATTACHED[w].search(clause) is None for w in present):
        return []  # 约定, 相关规定…: masking can only remove a match, and there is none to remove
    masked = _MASK.sub(_blank_out, clause) if _MASK_GATE(clause) else clause
    hits: list[tuple[str, int, int]] = []
    if _ESTIMATE.search(clause):  # 预计年采购量约500吨: an estimate is approximate by design
        present = [w for w in present if w not in _APPROXIMATE]
    for w in present:
        pattern = _ATTACHED.get(w)
        if pattern is not None:
            hits.extend((w, m.start(), m.end()) for m in pattern.finditer(masked))
            continue
        start = masked.find(w)
        while start != -1:
            hits.append((w, start, start + len(w)))
            start = masked.find(w, start + len(w))
    if hits and ("距" in clause or "离" in clause or "相隔" in clause):
        hits = [h for h in hits if h[0] not in _APPROXIMATE or not is_distance(clause, h[1], h[2])]
    if hits and ("面积" in clause or "占地" in clause or "（" in clause or "(" in clause):
        hits = [h for h in hits if h[0] not in _APPROXIMATE or not is_site_size(clause, h[1])]
    if deng:
        for m in _LIST_DENG.finditer(masked):
            if not _NOT_GOODS_LIST.search(m.group("last")):
                end = m.end()
                hits.append(("等", end - (2 if masked[end - 2 : end] == "等等" else 1), end))
    return sorted(hits, key=lambda h: h[1])


#: A statement of intent before the purchase verb (想直接买, 拟向乙方采购, 计划购置): why the contract is made
_INTENT = re.compile(
    r"(?:想|拟|准备|计划|打算|有意|希望|欲|意向)(?:要|直接|再|先|一次性)?(?:向[^,，。；;]{1,16}?)?(?:采购|购买|买|订购|购置|购进|进)"
)


#: The vague words the extracted facts report: the default setting and 等 (the rule takes the setting).
DEFAULT_WORDS: tuple[str, ...] = (*DEFAULT_VAGUE_WORDS, "等")


# -- tables ------------------------------------------------------------------------------------------------


#: Blocks that may be a box-drawing or markdown row (or its rule line).
_ROW_MARKS = ("│", "|", "┃", "┌", "├", "└", "┼")
register(_ROW_MARKS)


def _TEXT_ROW_BLOCKS(doc: Document) -> list[int]:
    return blocks_naming_any(doc, _ROW_MARKS)


def _cols(block: Block) -> list[str]:
    """The columns of a line whose cells are set apart by wide spaces or tabs (a table pasted from a
    spreadsheet keeps its tabs in the text while the normalized text has single spaces)."""
    if "\t" in block.text and len(block.text) == len(block.norm):
        norm, text = block.norm, block.text
        out, start = [], 0
        for k, ch in enumerate(text):
            if ch == "\t":
                out.append(norm[start:k].strip())
                start = k + 1
        out.append(norm[start:].strip())
        return [c for c in out if c]
    return [p for p in _SPACED.split(block.norm.strip()) if p]


def _spaced(block: Block) -> bool:
    """True when the line may hold columns set apart by wide spaces or tabs."""
    return "  " in block.norm or "\t" in block.norm or "\t" in block.text


def _spaced_blocks(doc: Document) -> list[int]:
    """A header of columns spaced apart (naming the goods column) and the spaced lines after it."""
    out: list[int] = []
    blocks = doc.blocks
    for i in blocks_naming_any(doc, _NAME_COLS):
        if i in out or not _spaced(blocks[i]):
            continue
        j = i
        while j < len(blocks) and blocks[j].kind != "cell" and len(_cols(blocks[j])) >= 3:
            out.append(j)
            j += 1
    return out


def _rows(doc: Document) -> tuple[list[list[tuple[list[str], int]]], dict[int, list[int]]]:
    """Tables as lists of (cells, block index of the row) — Word tables, ``│``/``|`` rows, spaced columns —
    and the blocks of each Word-table row (by its first block)."""
    tables: list[list[tuple[list[str], int]]] = []
    row_blocks: dict[int, list[int]] = {}
    cells_of: dict[tuple[int, int], tuple[list[str], int]] = {}
    order: list[tuple[int, int]] = []
    last_table: int | None = None
    text_rows: list[tuple[list[str], int]] = []
    spaced: list[tuple[list[str], int]] = []

    def flush_text() -> None:
        nonlocal text_rows, spaced
        if text_rows:
            tables.append(text_rows)
        if len(spaced) >= 2:
            tables.append(spaced)
        text_rows, spaced = [], []

    blocks = doc.blocks
    candidates = sorted(
        {*_TEXT_ROW_BLOCKS(doc), *_spaced_blocks(doc), *(i for i, b in enumerate(blocks) if b.kind == "cell")}
    )
    previous = -2
    for i in candidates:
        block = blocks[i]
        if i != previous + 1 and (text_rows or spaced):
            flush_text()  # a block that is no row stood between
        previous = i
        loc = block.location
        if block.kind == "cell" and loc.table is not None:
            if last_table is not None and loc.table != last_table and order:
                tables.append([cells_of[k] for k in order])
                cells_of, order = {}, []
            last_table = loc.table
            key = (loc.table, loc.row or 0)
            if key not in cells_of:
                cells_of[key] = ([], i)
                order.append(key)
            row_blocks.setdefault(cells_of[key][1], []).append(i)
            cells = cells_of[key][0]
            idx = (loc.cell or len(cells) + 1) - 1
            while len(cells) <= idx:
                cells.append("")
            cells[idx] = (cells[idx] + " " + block.norm).strip()
            continue
        norm = block.norm
        if norm.lstrip()[:1] in _RULE_START and _BOX_RULE.match(norm):
            continue  # a rule line of a box-drawing or markdown table
        boxed = norm.count("│") + norm.count("|") + norm.count("┃") >= 2
        if not boxed and not _spaced(block):
            if text_rows or spaced:
                flush_text()
            continue  # neither a box-drawing / markdown row nor spaced columns
        if boxed:
            text_rows.append(([p.strip() for p in _BOX.split(norm.strip().strip("│┃|"))], i))
            continue
        if not spaced and not any(n in norm for n in _NAME_COLS):
            continue  # spaced columns start with a header naming the goods column
        parts = _cols(block)
        if len(parts) >= 3 and (spaced or _column(parts, _NAME_COLS) is not None):
            spaced.append((parts, i))
            continue
        if text_rows or spaced:
            flush_text()
    flush_text()
    if order:
        tables.append([cells_of[k] for k in order])
    return tables, row_blocks


def _is_header(cells: list[str]) -> bool:
    """A header row: a name column and a distinct quantity, unit, spec or model column, each a label cell
    (a key-terms row 配件品种及年度数量 | 见附件一…，各品种年度数量平均分四个季度交付 names no columns)."""
    labels = [c if _label_cell(c) else "" for c in cells]
    name_c = _column(labels, _NAME_COLS)
    if name_c is None or "单位名称" in cells[name_c]:
        return False
    return _column(labels, (*_QTY_COLS, *_UNIT_COLS), skip=(name_c,)) is not None


#: A column header is a short label, no sentence (a comma, 。, ；).
_HEADER_LABEL_MAX = 16
_SENTENCE_MARK = re.compile(r"[，,。；;]")


def _label_cell(cell: str) -> bool:
    text = cell.strip()
    return len(text) <= _HEADER_LABEL_MAX and _SENTENCE_MARK.search(text) is None


#: A header cell that runs the number column into the next (``序号 品名`` / ``编号 产品`` set apart by one
#: space, while the rows set ``1`` and the name apart by wide spaces).
_NUMBER_HEAD = re.compile(r"^(?P<no>序号|编号|序|No\.?|NO\.?)\s+(?P<rest>\S.*)$")


def _split_number_head(header: list[str], rows: list[list[str]]) -> list[str]:
    """``header`` with a number column run into the next header cell split off, when the rows below have
    one cell more than the header (so that ``1`` is read as the number, not as the goods' name)."""
    at = next((k for k, h in enumerate(header) if _NUMBER_HEAD.match(h)), None)
    if at is None or not rows:
        return header
    wider = sum(1 for r in rows if len(r) == len(header) + 1)
    if wider * 2 <= len(rows):
        return header
    m = _NUMBER_HEAD.match(header[at])
    assert m is not None
    return [*header[:at], m.group("no"), m.group("rest"), *header[at + 1 :]]


def _items_of_table(
    table: list[tuple[list[str], int]], doc: Document, row_blocks: dict[int, list[int]]
) -> list[Item]:
    header_at = next((n for n, (cells, _) in enumerate(table) if _is_header(cells)), None)
    if header_at is None:
        return []
    header = _split_number_head(table[header_at][0], [cells for cells, _ in table[header_at + 1 :]])
    name_c = _column(header, _NAME_COLS)
    assert name_c is not None
    qty_c = _column(header, _QTY_COLS)
    unit_c = _column(header, _UNIT_COLS)
    model_c = _column(header, _MODEL_COLS, skip=(name_c,))
    spec_c = _column(header, _SPEC_COLS, skip=tuple(c for c in (name_c, model_c) if c is not None))
    if spec_c is None:
        spec_c = next((k for k, h in enumerate(header) if _PLAIN_SPEC_HEAD.match(h)), None)
    price_c = _column(header, _PRICE_COLS)
    # 产品型号 / 货号 as the goods column (a price list by model): the model code is the item's name
    name_is_model = any(m in header[name_c] for m in _MODEL_COLS) and not _NAMED_COL.search(header[name_c])
    if name_is_model and model_c is None:
        model_c = name_c
    source: ItemSource = "table" if doc.blocks[table[0][1]].kind == "cell" else "text-table"
    out: list[Item] = []
    for cells, i in table[header_at + 1 :]:

        def get(c: int | None, cells: list[str] = cells) -> str:
            return cells[c].strip() if c is not None and c < len(cells) else ""

        name = get(name_c)
        if not name or has_blank(name) or _SKIP_ROW.search(name) or _SKIP_ROW.search(get(0)):
            continue
        if all(has_blank(x) or not x.strip() for n, x in enumerate(cells) if n != name_c):
            continue  # an unfilled template row
        filled = [c for c in (qty_c, unit_c, price_c) if c is not None]
        if (filled and not any(get(c) for c in filled)) or _SIGN_CELL.search(name):
            continue  # a note or signature row inside the item table (甲方（盖章）：… | 乙方（盖章）：…)
        qty = get(qty_c)
        out.append(
            Item(
                name=name,
                model=get(model_c),
                spec=get(spec_c),
                spec_column=spec_c is not None,
                quantity=_decimal(qty) if re.fullmatch(r"\s*\d[\d,]*(?:\.\d+)?\s*\S{0,3}\s*", qty) else None,
                quantity_text=qty,
                unit=get(unit_c),
                unit_column=unit_c is not None,
                unit_price=_decimal(get(price_c)) if price_c is not None else None,
                source=source,
                where=Where(i, (0, len(doc.blocks[i].text))),
                row=" | ".join(cells),
                blocks=tuple(row_blocks.get(i, [i])),
                name_is_model=name_is_model,
            )
        )
    return out


def _pdf_items(doc: Document, start: int) -> list[Item]:
    """Rows of a table whose columns a PDF (or a plain text) set apart by single spaces, after the header at
    block ``start``: a row starts with its number and ends with unit, quantity, price and amount. A table
    without a number column (产品名称 规格型号 单位 数量 单价 金额) has one row a line (two when a scan wraps
    it), each ending in its figures, up to the first line that is not a row."""
    header = [
        h for h in doc.blocks[start].norm.split() + _header_wrap(doc, start) if not _CURRENCY_WORD.match(h)
    ]  # 单价 USD 金额 USD: the currency belongs to the column before it
    # a form line run into the header (…用货单位 某公司序号 产品名称 数量 单位): the columns start at 序号
    numbered = [k for k, h in enumerate(header) if h.endswith(("序号", "编号", "序"))]
    if numbered:
        header = header[numbered[-1] :]
    # a table whose first column is the goods' name or its model code (型号 品名规格 数量…): rows start with
    # the name or the code, not a number
    unnumbered = not numbered and (
        _column(header[:1], _NAME_COLS) == 0 or _column(header[:1], _MODEL_COLS) == 0
    )
    qty_c = _column(header, _QTY_COLS)
    unit_c = _column(header, _UNIT_COLS)
    from_end = len(header) - qty_c if qty_c is not None else None
    # 数量 before 单位 (24 桶 2,380.00 57,120.00): the quantity stands before the unit
    qty_first = qty_c is not None and unit_c == qty_c + 1
    out: list[Item] = []
    row: list[int] = []
    for i in range(start + 1, min(len(doc.blocks), start + 80)):
        norm = doc.blocks[i].norm
        if _SKIP_ROW.search(norm[:6]):
            break
        if unnumbered and (doc.blocks[i].kind == "heading" or not _UNNUMBERED_ROW.match(norm)):
            break  # 第二条 质量标准 / 合同总金额：… after the rows: the table has ended
        if (unnumbered or _ROW_START.match(norm)) and not row:
            row = [i]
        elif row:
            row.append(i)
        else:
            continue
        raw = " ".join(doc.blocks[j].norm for j in row)
        # a scan's stray mark before a figure (台 2 168,000.00 “336,000.00): read as a space (same offsets)
        text = _OCR_MARK.sub(" ", raw) if _OCR_MARK_GATE(raw) else raw
        tail = (_PDF_TAIL_QTY_FIRST if qty_first else _PDF_TAIL).search(text)
        if tail is None:
            if len(row) > (1 if unnumbered else 12) or (unnumbered and _SENTENCE_END.search(norm)):
                break
            continue
        nums = tail.group("nums").split()
        cut = tail.start()
        head = _ROW_START.match(doc.blocks[row[0]].norm) if not unnumbered else _NO_NUMBER.match(raw)
        assert head is not None
        words = head.group("name").split()
        # a Latin code before the goods' name (ATS 自动转换开关柜): both are the name
        name = " ".join(words[:2]) if len(words) > 2 and not _CJK_CHAR.search(words[0]) else words[0]
        if qty_first:
            qty = re.sub(r"\s+", "", tail.group("qty"))
        elif from_end is not None and from_end <= len(nums):
            qty = nums[-from_end]
        else:
            # fewer figures after the unit than the header puts after 数量 (6,000 张 46.00 276,000.00): the
            # quantity stands before its unit
            before = _FIGURE_END.search(text, 0, tail.start()) if tail.group("unit") else None
            if before is not None and from_end is not None:
                qty, cut = before.group(1), before.start()
            else:
                qty = nums[0]
        body = raw[len(head.group("no")) : cut].strip()
        spec = body[len(name) :].strip()
        if unnumbered:
            spec = spec.lstrip(",，;；、 ")  # ATS 自动转换开关柜 ,按需方要求配置: the comma a scan set apart
        out.append(
            Item(
                name=name,
                model="",
                spec=spec,
                spec_column=True,
                quantity=_decimal(qty) if qty[:1].isdigit() else None,
                quantity_text=qty,
                unit=_unit_of(tail.group("unit") or ""),
                unit_column=False,
                unit_price=None,
                source="pdf-row",
                where=Where(row[0], (0, len(doc.blocks[row[0]].text))),
                row=raw,
                blocks=tuple(row),
            )
        )
        row = []
    return out


#: A currency written as a header word of its own (单价 USD, 金额 RMB, （元）): not a column.
_CURRENCY_WORD = re.compile(r"^(?:USD|US\$|RMB|CNY|EUR|JPY|HKD|GBP|元|[(（][^()（）]{0,8}[)）])$", re.I)
#: A line a PDF wrapped off a header cell: its unit in brackets (（元）) or a column name of its own.
_HEADER_WRAP_UNIT = re.compile(r"^[(（][^()（）]{0,8}[)）]$")


def _header_wrap(doc: Document, start: int) -> list[str]:
    """The column names a PDF wrapped onto the lines below a header (…数量 含税单价 ⏎ （元） ⏎ 含税金额 ⏎
    （元）): words of the short lines up to the first row, a unit in brackets belonging to the column above
    it. Only names of figure columns (单价, 金额, 小计…) are taken: the rows' own figures are after them."""
    out: list[str] = []
    for j in range(start + 1, min(len(doc.blocks), start + 6)):
        norm = doc.blocks[j].norm.strip()
        if not norm or len(norm) > 16 or re.search(r"\d", norm):
            break
        for word in norm.split():
            if _HEADER_WRAP_UNIT.match(word):
                continue
            if not re.search(r"单价|金额|小计|合价|总价|税额|价格|备注", word):
                return out if out else []
            out.append(word)
    return out


def _unit_of(token: str) -> str:
    m = re.search(r"[\u4e00-\u9fff]{1,2}$", token)
    return m.group() if m else token


#: A column of an item table that gives each line its standard (执行标准, 质量要求, 技术标准, 规格及标准).
_STANDARD_COL = re.compile(
    r"(?:执行|技术|质量|产品|检验|验收|参照)标准|标准号|^\s*标准\s*$|质量(?:要求|等级|指标)|技术要求|规格及标准|标准及规格"
)


def _column_standard(
    table: list[tuple[list[str], int]], doc: Document, row_blocks: dict[int, list[int]]
) -> tuple[Standard | None, tuple[int, ...]]:
    """The standard an item table gives per line in a column of its own (执行标准 | GB/T 1499.2), at the
    first filled cell of that column, else None — and the blocks of the header row naming that column (a
    column name such as 执行标准 or 技术要求 is no standard)."""
    header_at = next((n for n, (cells, _) in enumerate(table) if _is_header(cells)), None)
    if header_at is None:
        return None, ()
    header, head_block = table[header_at]
    col = next((k for k, h in enumerate(header) if _STANDARD_COL.search(h)), None)
    if col is None:
        return None, ()
    heads = tuple(row_blocks.get(head_block, [head_block]))
    for cells, i in table[header_at + 1 :]:
        value = cells[col].strip() if col < len(cells) else ""
        if not value or has_blank(value) or _SKIP_ROW.search(cells[0] if cells else ""):
            continue
        if re.fullmatch(r"[/／\\\-—无]+", value):
            continue  # a dash or 无: no standard for this line
        block = next((b for b in row_blocks.get(i, [i]) if doc.blocks[b].location.cell == col + 1), i)
        norm = doc.blocks[block].norm
        at = norm.find(value)
        span = (at, at + len(value)) if at >= 0 else (0, len(norm))
        return Standard("column", Where(block, span)), heads
    return None, heads


def _table_items(doc: Document) -> tuple[list[Item], bool, list[Standard], set[int]]:
    """The items of the document's tables, whether it has an item table, the standards given per line in
    a column, and the header blocks that name such a column."""
    items: list[Item] = []
    has_table = False
    standards: list[Standard] = []
    heads: set[int] = set()
    tables, row_blocks = _rows(doc)
    for table in tables:
        found = _items_of_table(table, doc, row_blocks)
        if found:
            has_table = True
            items.extend(found)
            column, head = _column_standard(table, doc, row_blocks)
            heads.update(head)
            if column is not None:
                standards.append(column)
    for i in blocks_naming_any(doc, _QTY_COLS):
        block = doc.blocks[i]
        if block.kind == "cell" or _BOX.search(block.norm) or "\t" in block.text:
            continue  # a Word, box-drawing or tab-separated table is read by _rows
        parts = block.norm.split()
        if len(parts) < 3 or _column(parts, _QTY_COLS) is None:
            continue
        # the header names the goods column on this line or, wrapped by a PDF, on the line before
        named = _column(parts, _NAME_COLS) is not None
        if not named and i > 0 and doc.blocks[i - 1].kind != "cell":
            named = _column(doc.blocks[i - 1].norm.split(), _NAME_COLS) is not None
        if named:
            has_table = True
            if not _SPACED.search(block.norm.strip()):
                found = _pdf_items(doc, i)
                if found and any(_STANDARD_COL.search(h) for h in parts):
                    # a scan's header names a standard column: each row carries its standard
                    standards.append(Standard("column", Where(found[0].where.block, found[0].where.span)))
                taken = {b for it in found for b in it.blocks}
                items.extend(found)
                items.extend(w for w in _word_quantity_rows(doc, i) if w.where.block not in taken)
    return items, has_table, standards, heads


#: The end of a PDF row whose quantity is a word (按实际需要 支 460.00 7,360.00 / 若干 套 120.00).
_WORD_QTY_TAIL = re.compile(
    r"(?P<qty>(?:按|以|根据|视)实际[\u4e00-\u9fff]{0,6}|按需[\u4e00-\u9fff]{0,4}|若干|待定|另定|一批|适量)\s*"
    r"(?P<unit>[\u4e00-\u9fff]{1,2})\s+\d[\d,]*(?:\.\d+)?(?:\s+\d[\d,]*(?:\.\d+)?)?\s*$"
)
_WORD_QTY_GATE = ("实际", "按需", "若干", "待定", "另定", "一批", "适量")


def _word_quantity_rows(doc: Document, start: int) -> list[Item]:
    """Rows of an unnumbered PDF table (after the header at ``start``) whose quantity is a word, not a number:
    each row runs from the line after the previous row's figures to the line ending in its own."""
    out: list[Item] = []
    first = start + 1
    for i in range(start + 1, min(len(doc.blocks), start + 60)):
        norm = doc.blocks[i].norm
        if _SKIP_ROW.search(norm[:6]):
            break
        m = _WORD_QTY_TAIL.search(norm) if any(w in norm for w in _WORD_QTY_GATE) else None
        if m is not None:
            name = doc.blocks[first].norm.split()[0] if doc.blocks[first].norm.split() else m.group("qty")
            row = " ".join(doc.blocks[j].norm for j in range(first, i + 1))
            out.append(
                Item(
                    name=name,
                    model="",
                    spec="",
                    spec_column=False,
                    quantity=None,
                    quantity_text=m.group("qty"),
                    unit=m.group("unit"),
                    unit_column=False,
                    unit_price=None,
                    source="text-table",
                    where=Where(i, (0, len(doc.blocks[i].text))),
                    row=row,
                    blocks=tuple(range(first, i + 1)),
                )
            )
        if m is not None or _PDF_TAIL.search(norm):
            first = i + 1
    return out


# -- prose -------------------------------------------------------------------------------------------------


def _purchase(clause: str) -> tuple[str, tuple[int, int], bool, bool, bool] | None:
    """The goods a purchase sentence names, whether they are quantified, priced and a list."""
    for m in _GOODS_AFTER_VERB.finditer(clause):
        goods = m.group("goods")
        verb_at = m.start()
        if clause[verb_at - 1 : verb_at] in ("、", "的") or goods.startswith(("、", "及", "和", "或", "等")):
            continue  # a list of activities (采购、审验、加工) or a noun (采购渠道)
        if not _BUYER_OR_SELLER.search(clause, 0, verb_at):
            continue  # no party buys or sells here
        if (
            _NOT_GOODS.match(goods)
            or _NOT_GOODS_ANY.search(goods)
            or not re.search(r"[\u4e00-\u9fff]", goods)
        ):
            continue
        rest = clause[m.start("goods") :]
        quantified = (
            _QTY_UNIT.search(rest) is not None
            or _MODEL.search(rest) is not None
            or _UNIT_PRICE.search(clause) is not None
        )
        priced = _TOTAL.search(clause) is not None
        listed = "、" in goods
        return goods, m.span("goods"), quantified, priced, listed
    return None


# -- the extractor -------------------------------------------------------------------------------------------


_TITLE = re.compile(r"《[^》\n]{1,80}》")


#: A quantity cell a PDF reads as lines of its own: the approximation (约), the figure, the unit (片).
_LONE_APPROXIMATION = re.compile(r"^\s*(?:约|大约|大概|约为)\s*$")
_LONE_FIGURE = re.compile(r"^\s*\d[\d,]*(?:\.\d+)?\s*(?P<unit>[\u4e00-\u9fff]{1,2})?\s*$")
_LONE_UNIT = re.compile(r"^\s*[\u4e00-\u9fff]{1,2}\b")


def _split_approximations(doc: Document, seen: set[int]) -> list[Vague]:
    """约 alone on a line of an item table, the next line a bare figure and then its unit (约 / 40,000 /
    片): the quantity cell of a PDF row read line by line, approximate."""
    out: list[Vague] = []
    blocks = doc.blocks
    for i in blocks_naming_any(doc, ("约", "大概")):
        if i in seen or i + 1 >= len(blocks) or not _LONE_APPROXIMATION.match(blocks[i].norm):
            continue
        fig = _LONE_FIGURE.match(blocks[i + 1].norm)
        if fig is None:
            continue
        unit = fig.group("unit") or (i + 2 < len(blocks) and _LONE_UNIT.match(blocks[i + 2].norm) is not None)
        if unit:
            word = blocks[i].norm.strip()
            a = blocks[i].norm.find(word)
            out.append(Vague(word, Where(i, (a, a + len(word)))))
    return out


def in_quantity_cell(doc: Document, i: int, item: Item, word: str, a: int, b: int) -> bool:
    """True when a vague word at ``a:b`` of block ``i`` (a block of ``item``'s row) bears on its quantity:
    an approximation (约, 左右) must sit in or right before the quantity; a list closer (等, 若干…) counts
    anywhere."""
    if word not in _APPROXIMATE:
        return True
    number = re.sub(r"[^\d,.]", "", item.quantity_text)
    if not number:
        return False
    block = doc.blocks[i].norm
    start = block.find(number)
    while start != -1:
        # 约12,000 / 约 30 (the word before the number) or 40吨左右 (after it)
        if a < start + len(number) + 3 and b > start - 3:
            return True
        start = block.find(number, start + 1)
    return False


def item_reports_quantity(doc: Document, i: int, item: Item, a: int, b: int) -> bool:
    """True when a vague word at ``a:b`` of block ``i`` lies in a table row's quantity that is no number
    (数量 一批 / 若干): the unquantified-item rule judges that row (reported, or fixed by its contents)."""
    qty = item.quantity_text
    if item.source not in ("table", "text-table") or not qty or has_blank(qty) or re.search(r"\d", qty):
        return False
    norm = doc.blocks[i].norm
    start = norm.find(qty)
    while start != -1:
        if start <= a and b <= start + len(qty):
            return True
        start = norm.find(qty, start + 1)
    return False


#: What must come before an approximation for it to bear on the goods' quantity: a purchase verb or a
#: quantity label (采购钢材约100吨, 供货量40吨左右) — not a recital's 会议室（约120㎡）before the purchase.
_QUANTITY_LEAD = re.compile(f"{_PURCHASE}|{_LABEL.pattern}|交货|送货|发货")
#: A purpose phrase opening a clause (为稳定优质稻谷来源，): it says why, it fixes no quantity or quality.
_PURPOSE = re.compile(
    r"(?:^|[,，;；。])\s*(?:鉴于|为了|旨在|为(?:确保|保证|稳定|满足|保障|提高|加强|促进|推动|实现|建立|维护|规范|明确|发展|"
    r"做好|进一步|落实|适应|配合|解决|更好|扩大|拓展|开展|保持|充分|共同))[^,，。;；]*"
)


_PHRASE_END = re.compile(r"[,，;；]")
#: Whom goods go to after a purchase verb (给乙方, 予买方, 与甲方), and the particles around it.
_TO_PARTY = re.compile(
    r"(?:给|予|与|向|于)?\s*(?:甲方|乙方|丙方|买方|卖方|需方|供方|对方|你方|我方|贵方|贵司|我司)|[了的。]"
)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
#: Verbs of having or running something (设有, 拥有, 旗下有, 经营): what they count is the party's own.
_HAVE = re.compile(r"设有|拥有|开设|开有|下设|下辖|旗下|经营|运营|管理|分布|共有|有")


def _circumstance(clause: str, a: int) -> bool:
    """True when the vague word at ``a`` sits in a phrase of its own before the phrase that buys, after a
    verb of having and with no purchase verb or quantity label in its phrase: it describes the parties'
    circumstances (甲方设有多个教学校区，需长期采购二胡; 乙方旗下有若干门店，拟向甲方订购…), not the goods
    (办公设备一批，由乙方供应 stays vague)."""
    start = max((m.end() for m in _PHRASE_END.finditer(clause, 0, a)), default=0)
    end_m = _PHRASE_END.search(clause, a)
    if end_m is None or _HAVE.search(clause, start, a) is None:
        return False  # the goods may follow in the same phrase
    if _PURCHASE_OR_LABEL.search(clause, start, end_m.start()) is not None:
        return False
    buy = _PURCHASE_RE.search(clause, end_m.end())
    if buy is None:
        return False
    # the purchase names goods of its own (采购二胡及配件), not only whom they go to (出售给乙方: the goods
    # are the ones counted before — 现有若干台旧设备，出售给乙方 stays vague)
    stop = _PHRASE_END.search(clause, buy.end())
    rest = _TO_PARTY.sub("", clause[buy.end() : stop.start() if stop else len(clause)])
    return len(_CJK_CHAR.findall(rest)) >= 2


def purpose_masked(clause: str) -> str:
    """``clause`` with its purpose phrases (为稳定…来源) blanked out, same length."""
    return (
        _PURPOSE.sub(_blank_out, clause) if "为" in clause or "旨在" in clause or "鉴于" in clause else clause
    )


#: A property of the goods an approximation may follow (整机重约48t, 功率约250kW): a figure of the spec.
_PROPERTY_BEFORE = re.compile(
    r"(?:重|重量|自重|功率|容量|排量|长度|宽度|高度|厚度|直径|尺寸|处理能力|产能|产量|能耗|转速|流量|扬程)"
    r"\s*(?:为|[:：])?\s*$"
)
#: A fixed count of the goods in the same clause (1 台, 2套): what is bought is counted, not approximated.
_FIXED_COUNT = re.compile(r"(?<![\d.约])(?<!约 )\d+\s*(?:台|套|辆|部|件|个|组|只|把|架)(?![\u4e00-\u9fff]?/)")


def _property_of_counted(clause: str, word: str, a: int) -> bool:
    """True when 约 follows a property word (整机重约48t) in a clause that counts the goods (…，1 台): the
    approximation is of the spec, not of how many are bought."""
    if word not in ("约", "大约", "大概") or _PROPERTY_BEFORE.search(clause, 0, a) is None:
        return False
    return _FIXED_COUNT.search(clause) is not None


#: An approximation of a sum of money (约 186 万元, 约人民币 12 万元, 约¥3.5万): a figure of the price.
_APPROX_SUM = re.compile(
    r"\s*(?:为|计|合|有)?\s*(?:人民币|RMB|¥|￥)?\s*[\d一二两三四五六七八九十百千万][\d.,，一二两三四五六七八九十百千]*\s*"
    r"(?:万|千|百|亿)?\s*(?:元|圆|块|美元|港元|港币|欧元)|\s*(?:人民币|RMB|¥|￥)"
)
#: The exact sum the approximation rounds, in the same clause (1,860,000.00 元, 大写：…元整).
_EXACT_SUM = re.compile(r"\d[\d,]*\.\d{2}\s*(?:元|万元)?|[壹贰叁肆伍陆柒捌玖拾佰仟万亿]{2,}元")


def _rounded_sum(clause: str, word: str, a: int) -> bool:
    """True when the approximation at ``a`` rounds a sum of money stated exactly in the same clause
    (合同总价 1,860,000.00 元（约 186 万元）): the price restated, no quantity left open."""
    if word not in _APPROXIMATE:
        return False
    m = _APPROX_SUM.match(clause, a + len(word))
    return m is not None and _EXACT_SUM.search(clause) is not None


def fixes_quantity(clause: str, word: str, a: int, in_section: bool) -> bool:
    """True when a vague word at ``a`` of a subject clause bears on what is bought: outside a purpose
    phrase, and an approximation (约, 左右) after a purchase verb or a quantity label — or, in the subject
    section, with no purchase verb after it."""
    if purpose_masked(clause)[a] == "\0":
        return False
    if _circumstance(clause, a) or _property_of_counted(clause, word, a) or _rounded_sum(clause, word, a):
        return False
    if word not in _APPROXIMATE or _QUANTITY_LEAD.search(clause, 0, a) is not None:
        return True
    priced = _PRICED_COUNT.search(clause, max(0, a - 12))
    if priced is not None and priced.start() <= a + 8 and a < priced.end():
        return True  # 大概180片左右 × 168元 = 30,240元: the count priced into the amount is approximate
    # 甲方厂区约5000平方米，乙方为其提供苗木: a figure before the purchase describes something else
    return in_section and _PURCHASE_RE.search(clause, a) is None


def block_index(doc: Document) -> dict[int, int]:
    """The index of each block of ``doc`` by its identity (once per document)."""
    return memo(doc, "subject.block-index", lambda: {id(b): i for i, b in enumerate(doc.blocks)})


#: How one line's quantity splits (per colour, size, model) left to a later notice — 黑色、军绿色等，
#: 各色数量由买方另行通知: a clause about the goods counted, wherever a PDF's table put it.
_SPLIT_LEFT_OPEN = re.compile(
    r"各(?:色|颜色|种颜色|规格|型号|尺码|尺寸|款|款式|花色|品种|配色)[^，,。；;]{0,6}?(?:的)?(?:数量|配比|比例|分配|搭配)"
    r"[^，,。；;]{0,10}?(?:另行|另定|待定|届时|后续|以后|再行|再定|随订单|以[^，,。；;]{0,8}通知为准)"
)


def subject_clauses(doc: Document, words: tuple[str, ...]) -> list[tuple[int, int, int, str]]:
    """``(block index, start, end, clause)`` of the subject clauses naming one of ``words`` (item-table rows
    count as subject clauses)."""
    rows = set(contract_of(doc).subject.item_blocks)
    recitals = recital_blocks(doc)
    out = []
    for block, s, e, clause in clauses_naming(doc, words):
        i = block.location.index
        if i in rows or (i not in recitals and is_subject_clause(block, clause)):
            out.append((i, s, e, clause))
    return out


def extract(contract: Contract) -> SubjectFacts:
    """The subject facts of the contract's document."""
    doc = contract.doc
    items, has_table, column_standards, standard_heads = _table_items(doc)
    item_blocks = {b for it in items for b in it.blocks}
    row_items = {b: it for it in items for b in it.blocks}
    vague: list[Vague] = []
    opened: list[OpenQuantity] = []
    purchases: list[Purchase] = []
    counted: list[CountedList] = []
    standards: list[Standard] = list(column_standards)
    subjective: list[Vague] = []

    recitals = recital_blocks(doc)
    # an item table: a vague word before the first section or in a statement of intent only announces what
    # the table fixes (a row that does not count its goods is reported on its own row)
    tabled = bool(items)
    sections = contract.structure.sections
    preamble_end = min((sec.where.block for sec in sections), default=0) if tabled else 0

    def subject(i: int, block: Block, clause: str) -> bool:
        return (
            i in item_blocks
            or (i not in recitals and is_subject_clause(block, clause))
            or (has_table and _SPLIT_LEFT_OPEN.search(clause) is not None)
        )

    # one scan of the document's clauses for every lexicon, then cheap literal tests per clause
    for block, s, e, clause in clauses_naming(doc, _ALL_GATES):
        i = block.location.index
        if _STANDARD_GATE_ANY(clause):
            # a column named 执行标准 or 技术要求 is no standard; a standard's number in the header is one
            # (执行标准：GB/T 3091-2015 | 规格型号（符合GB/T 700-2006）)
            found = first_standard(clause) if i not in standard_heads else _numbered_span(clause)
            if found is not None:
                kind, a, b = found
                standards.append(Standard(kind, Where(i, (s + a, s + b))))
        is_subject = subject(i, block, clause)
        if _SUBJECTIVE_GATE(clause) and (is_subject or _QUALITY_CLAUSE.search(clause)):
            # 《优质碳素结构钢…》 is a title, 为稳定优质稻谷来源 a purpose
            untitled = purpose_masked(_TITLE.sub(_blank_out, clause) if "《" in clause else clause)
            if "用" in clause or "供" in clause:
                untitled = _USE.sub(_blank_out, untitled)
            untitled = _WHO_IS.sub(_blank_out, untitled)
            for m in _SUBJECTIVE.finditer(untitled):
                subjective.append(Vague(m.group(), Where(i, (s + m.start(), s + m.end()))))
        if not is_subject:
            continue
        if _VAGUE_GATE_ANY(clause):
            for word, a, b in vague_hits(clause, DEFAULT_WORDS):
                if _property_of_counted(clause, word, a):
                    continue  # 整机重约48t，1 台: the spec is approximate, the goods are counted
                if i in row_items:
                    item = row_items[i]
                    if not in_quantity_cell(doc, i, item, word, s + a, s + b):
                        continue  # 约18,000页 is a consumable's yield in the spec column, not the quantity
                    if item_reports_quantity(doc, i, item, s + a, s + b):
                        continue  # 数量 一批: the row is an unquantified item, reported as such
                elif not fixes_quantity(clause, word, a, in_subject_section(block)):
                    continue
                elif tabled and (i < preamble_end or _INTENT.search(clause, 0, a) is not None):
                    continue  # 想直接买一批用过的盘扣架 before the table that counts them: intent, a recital
                vague.append(Vague(word, Where(i, (s + a, s + b))))
        if (
            has_table
            and "各" in clause
            and (sm := _SPLIT_LEFT_OPEN.search(clause)) is not None
            and not any(v.where.block == i and s <= v.where.span[0] < e for v in vague)
        ):
            # S、M、L等尺码，各尺码数量另行确定: how the counted quantity splits is left open
            vague.append(Vague(sm.group(), Where(i, (s + sm.start(), s + sm.end()))))
        if "为准" in clause:
            m = _OPEN.search(clause)
            if m is not None:
                opened.append(OpenQuantity(Where(i, (s + m.start(), s + m.end()))))
        if block.kind != "cell" and "、" in clause:
            names = [m.group("name") for m in _COUNTED_ITEM.finditer(clause)]
            if len(names) >= 3:
                specified = _SPECIFIED.search(clause) is not None
                counted.append(CountedList(tuple(names), specified, Where(i, (s, e))))
        if block.kind != "cell" and _BUY_GATE(clause):
            p = _purchase(clause)
            if p is not None:
                goods, _span, quantified, priced, listed = p
                purchases.append(Purchase(goods, Where(i, (s, e)), quantified, priced, listed))
    if has_table:
        vague.extend(_split_approximations(doc, {v.where.block for v in vague}))
    return SubjectFacts(
        items=tuple(items),
        has_item_table=has_table,
        refers_to_list=_REFERS_TO_LIST.search(doc_text(doc)) is not None,
        item_blocks=tuple(sorted(item_blocks)),
        vague=tuple(vague),
        open_quantities=tuple(opened),
        purchases=tuple(purchases),
        counted_lists=tuple(counted),
        standards=tuple(standards),
        subjective=tuple(subjective),
    )
