"""Acceptance facts: inspection / objection windows (start, length, vague, immediate), deemed
acceptance in any wording, quality-objection and warranty periods, and who pays for testing.

A *window* is a duration that bounds an act of inspection or objection (到货后72小时内完成验收,
收到通知之日起七个工作日内组织终验收, 应在该期限内书面通知): the first verb after the duration decides
what it bounds, so 更换/修复/整改/付款 windows (the seller's remedy, a payment) are not inspection
windows. An acceptance clause with no duration gives one window without a length (到货后组织验收,
及时验收, 交货时当场验收). A *period* is a warranty / quality-objection length (质保期为十二个月,
保修一年, 内在质量问题可自到货之日起十二个月内书面提出异议).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from contractkit.contract.model import Where
from contractkit.facts.document import clauses_naming, memo
from contractkit.facts.durations import Duration, Unit, find_durations
from contractkit.facts.gates import blocks_naming_any, register
from contractkit.facts.sections import heading_of
from contractkit.facts.sentences import clause_spans
from contractkit.facts.spans import NUMBER, contains_any

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.readers.model import Document

WindowKind = Literal["inspection", "objection"]
PeriodKind = Literal["warranty", "objection", "latent"]


@dataclass(frozen=True, slots=True)
class Length:
    """A window or period length as written (``value`` ``unit``s) and where."""

    value: Decimal
    unit: Unit
    where: Where


@dataclass(frozen=True, slots=True)
class Window:
    """An inspection or objection window in one clause (``where``: the clause)."""

    where: Where
    kind: WindowKind
    act: str  # the act the window bounds: 验收, 检验, 提出异议, 通知…
    act_where: Where | None
    length: Length | None
    start: Where | None  # the start event (到货后, 收到通知之日起, 装箱日前)
    vague: str | None  # 及时, 合理期限… (default lexicon)
    immediate: bool  # 当场, 当即, 到货时
    refers_back: bool  # 上述期限, 约定的验收期限, 第4.1条期限
    blank: bool  # a fill-in length (____日内)
    latent: bool  # the clause is about hidden / intrinsic quality
    appearance: bool  # the clause is about quantity / appearance only
    named: bool = False  # the window named as such (验收期限为…, “验收期”指…, a key-terms row)
    dated: bool = False  # a calendar date or a named day bounds the act (于2027年5月20日前, 到货次日)


@dataclass(frozen=True, slots=True)
class Deemed:
    """A deemed-acceptance rule (视为验收合格, 按验收合格处理, 视同…验收合格, deemed accepted)."""

    where: Where
    text: str


@dataclass(frozen=True, slots=True)
class Period:
    """A warranty or quality-objection period with its length."""

    kind: PeriodKind
    word: str  # 质保期, 保修, 提出异议…
    length: Length
    months: Decimal
    appearance: bool  # for quantity / appearance defects only
    where: Where  # the clause
    component: bool = False  # for one part (其中激光器的质保期, 主要部件24个月), beside the whole machine's
    wear: bool = (
        False  # for a wear part or consumable (喷头属易损件, 滤芯等耗材): its own short warranty is normal
    )


@dataclass(frozen=True, slots=True)
class TestCost:
    """Who bears the cost of testing (检测费用由责任方承担)."""

    payer: str
    where: Where


@dataclass(frozen=True, slots=True)
class AcceptanceFacts:
    """The acceptance facts of one document."""

    acts: tuple[Where, ...]  # clauses with an act of acceptance or inspection
    windows: tuple[Window, ...]
    deemed: tuple[Deemed, ...]
    periods: tuple[Period, ...]
    period_named: bool  # a 质保期 / 质量异议期 / 保修期 word is used somewhere (even without a length)
    test_costs: tuple[TestCost, ...]
    by_reference: tuple[
        Where, ...
    ] = ()  # 验收、质保…均适用框架协议: acceptance terms agreed in another document


# -- lexicons ----------------------------------------------------------------------------------------------

#: Clauses without one of these words hold no acceptance fact (one scan of the document's clauses).
GATE: tuple[str, ...] = (
    "验",
    "检",
    "核对",
    "清点",
    "异议",
    # the lapse that dates the buyer's confirmation (以期限届满之日作为起租确认日 / 期满之次日视为签收日)
    "确认日",
    "签收日",
    "质保",
    "保修",
    "保证期",
    "维保",
    "保用",
    "保固",
    "三包",
    "包修",
    "包换",
    "免费",
    "无偿",
    "视",
    "就算",
    "就当",
    "等于",
    "认可",
    "丧失",
    "合格",
    "处理",
    "测试",
    "试验",
    "看货",
    "试用",
    "试车",
    "试机",
    "计量",
    "过磅",
    "称重",
    "点数",
    "点验",
    "质量",
    "品质",
    "瑕疵",
    "缺陷",
    "不符",
    # a latent-defect period in plain words (当时看不出来的毛病，一年内乙方负责退换 / 半年内负责修好)
    "毛病",
    "看不出",
    # a defect in plain words (三个月内发现裂纹的，卖方退一半货款 / 一年里出问题的，卖方负责退货)
    "裂纹",
    # live goods that die (栽下去15天内死了的，卖方补苗 / 保活期 / 成活率)
    "死",
    "成活",
    "保活",
    "开裂",
    "断裂",
    "出问题",
    "有问题",
    "退换",
    "更换",
    "换货",
    "换新",
    "包退",
    "保换",
    "维修",
    "修理",
    "修好",
    "主张",
    "索赔",
    "deemed",
    "Deemed",
    # the leads of a deemed rule that names no act word (投入使用即表明已接受 / 期满未回复的，默认已收货)
    "默认",
    "自动",
    "认为",
    "即为",
    "表示",
    "表明",
    "即代表",
    "就代表",
    "意味着",
    "即构成",
    "onstitut",
    "mounts to",
    "reated as",
    "egarded as",
    "onsidered as",
)
# The nominal uses of an act word: a result, a document, a body, a fee, a standard — not the act itself.
_NOMINAL = (
    r"(?!合格|不合格|通过|完成|完毕|结束|标准|报告|单|证|结论|结果|记录|机构|部门|费|水平|依据|方法|项目|数据|意见|"
    r"检疫|款|期|规则|程序|人员|样品|设备|工具|仪器|批号|资料|手续|确认书|确认单|确认函|确认表|申请|通知书|小组|"
    r"委员会|会议|纪要|流程|条件|清单|表|文件|证明)"
)
#: An act of acceptance (the strict sense: the contract provides for acceptance).
#: After an act word, a point in time: the act names when something else starts (保修一年，从验收那天算 /
#: 从验收过了那天开始算 / 自验收之时起), it provides for no acceptance.
_AS_TIME = (
    r"(?!后|之后|以后|前|之前|日|之日"
    r"|(?:过了?|完了?|好了?|签字|签署|签收|确认)?(?:的)?(?:那天|当天|这天|那日|当日|那一天|之日|之时|时起|起|开始|算起)"
    # 质保金于验收满12个月后支付: a length counted from the acceptance
    r"|\s*满(?!意))"
)
# (a word inside 《…》 is the title of a document: 《验收确认书》, 《检验规范》)
ACT_PATTERN = (
    r"(?<!视为)(?<!视同)(?<!经)(?<!出厂)(?<!通过)(?<![《〈])"
    rf"(?:验收|检验|验货|查验|验机(?!构)){_NOMINAL}{_AS_TIME}"  # (not the 验机 of 检验机构)
)
#: (Each pattern ``X`` built from an ``X_PATTERN`` opens with a lookahead of the first characters of all its
#: branches, so the engine skips every other position at once; ``tests/test_contract_acceptance.py`` checks
#: that it matches exactly what the bare pattern matches.)
ACT = re.compile(rf"(?=[验检查])(?:{ACT_PATTERN})")
_INSPECT = (
    r"验收|检验|验货|查验|检查|核对|清点|检测|测试|(?<!调)试验|抽检|抽样|取样|送检|复检|复验|复试|开箱|检定|验证|签收|"
    r"看货|验看|验机(?!构)|试用|试车|试机|计量|过磅|称重|点数|点验|点收|看(?![作待法])|签署[^,，。;；]{0,4}?验收(?:证书|单|报告|确认书|记录)|"
    r"(?:终|初|预)验收|(?:终|初|预)验(?!收)"
    # 15个工作日内按药典完成全检 / 逐批质检: a check of every unit or batch in one word
    r"|全检|普检|质检|巡检"
    # 7个工作日内组织验收小组逐台检测: the body convened is the act
    r"|(?:组织|组建|成立)(?:验收|检验)(?:小组|委员会|组)"
)
_OBJECT = (
    r"提出(?:书面)?(?:质量)?异议|书面(?:形式)?提出|提出(?=[,，。;；]|$)|异议"
    # 另一方可书面通知终止本协议: a notice that ends the contract, no objection
    r"|(?:书面|以书面形式)?(?:通知|告知)(?![^,，。;；]{0,4}?(?:终止|解除|解约))|反映|提出来"
    # 一年内向卖方主张 / 十二个月内都可以找乙方 / 可向供方索赔: the claim named in other words
    r"|(?:向|找)(?:卖方|乙方|供方|出卖人|供应商|供货方|对方|厂家|厂方)|主张(?!违约金)|(?<!违约)索赔"
)
_REMEDY = (
    r"更换|换货|退换|退货|修复|维修|修理|整改|返工|返修|补足|补发|补齐|补货|补换|补交|补送|补供|调换|换新|派员|到场|到达|(?<!投标)响应(?!文件|书|人|方|性|函)|答复|回复|处理|"
    r"赔偿|支付|付款|付清|付|退还|清运|运离|开具|提供|发货|交货|交付|重新|解除|申请|送达|上门|改善"
    # 另行采购 is a remedy; 采购中心 / 采购部 / 采购人 name a department or a party (会同采购中心组成验收小组)
    r"|采购(?!中心|部|科|处|办|人|方|单位|专用|经理|员|组|代理|计划)"
)
_VERB = re.compile(
    rf"(?P<inspect>(?<!视为)(?<!视同)(?:{_INSPECT}){_NOMINAL})|(?P<object>{_OBJECT})|(?P<remedy>{_REMEDY})"
)
#: A clause that can state a window names an inspection or objection act, or a window as such.
ACTISH_PATTERN = rf"{_INSPECT}|{_OBJECT}|(?:验收|检验|验货|查验)期"
_ACTISH = re.compile(
    rf"(?=[验检查核清测试抽取送复开签看计过称点终初预提书异以通告反向找主索组成全普质巡])(?:{ACTISH_PATTERN})"
)
# The act named before a window with nothing after it: 验收期限 设备到达…之日起5个工作日内.
# (设备通过验收测试的，买方应在3个工作日内签发验收证书: a test passed is its result, not the act timed)
_ACT_BEFORE = re.compile(
    rf"(?<!视为)(?<!视同)(?<!通过)(?<!通过验收)(?<!通过检验)"
    rf"(?:{_INSPECT}){_NOMINAL.replace('|期|', '|')}|异议期"
)
_DEADLINE_TAIL = ("以内", "之内", "内", "里", "前", "之前", "以前", "为限", "的期间", "期间")
#: A window named as such (a key-terms row: 验收期限 设备到达后的合理期限内).
_WINDOW_LABEL = re.compile(
    r"(?:验收|检验|验货|查验)(?:期限|期间|时间|时限|期(?=[”\"]?\s*(?:指|是指|系指|为|:|：)))"
    # 验收证书的签发时间由买方确定: the time of the acceptance document is the window's
    # (the subject of its clause: 自验收证书签发日期起30日内付款 dates a payment)
    r"|(?:验收|检验|终验)(?:证书|单|报告|确认书)的(?:签发|签署|出具)?(?:时间|期限|日期)"
    r"(?=\s*(?:由|为|是|:|：|应|须|不|在|视))"
)
#: A length that is a named span, the act within it (可于生产日期起12个月的保质期内提出书面异议).
_NAMED_SPAN_TAIL = re.compile(r"(?:的)?[\u4e00-\u9fff]{1,5}?期(?:限|间)?(?:以内|之内|内)")
_BOUND_BEFORE = ("不超过", "不得超过", "最迟", "最长", "最晚", "不晚于")
#: A length stated as what the window is (验收期限为货到后7个工作日 / 检验期为十日).
_PERIOD_IS = re.compile(
    rf"(?:{_INSPECT})(?:期|期限|期间|时间|时限)\s*(?:为|是|:|：)?\s*$"
    r"|(?:验收|检验|验货|查验)(?:期|期限|期间|时间|时限)[”\"」』]?\s*(?:为|是|:|：)[^,，。;；]{0,16}$"
)
#: What ends the text before a window that has a start: 到货之日起 / 送达后 / 装箱日前 / 到货 (货到七日内).
_START_MARK = re.compile(
    r"(?:之日起|之日后|之日|日起|起算|起|以后|之后|后|以前|之前|日前|前|时起|当日|次日)\s*(?:的)?\s*[,，]?\s*$"
    # 安装调试完成后，甲方应在10日内 / 运行240小时后，双方在10个工作日内: the subject between start and length
    r"|(?:之日起|之日后|以后|之后|后|起)\s*[,，]\s*[^,，。;；]{1,10}?(?:应当|应|须|必须|可以|可)?\s*(?:在|于)\s*$"
    # 各项指标达到《技术协议》的，双方在3日内: the condition met is the start
    r"|的\s*[,，]\s*[^,，。;；]{0,10}?(?:应当|应|须|必须|可以|可)?\s*(?:在|于)\s*$"
    r"|(?:到货|货到|收货|收到货|交货|到场|进场|提货|签收|到达|送达|卸完车|卸完货|卸车|卸货|卸完)了?\s*$"
)
#: A start stated after the length: 七个工作日内，自到货之日起计算 / 以到货之日为起算日.
_START_AFTER = re.compile(
    r"自[^。;；]{1,30}?(?:起|开始)(?:计算|算|计)|以[^。;；]{1,20}?为起算|从[^。;；]{1,30}?(?:开始|起)?(?:计算|算|计)"
)
#: A definition of the window: “验收期”指… / "检验期限"是指….
_DEFINES_WINDOW = re.compile(
    r"[“\"]?(?P<term>(?:验收|检验|验货|查验|异议)(?:期|期限|期间))[”\"]?\s*"
    r"(?:[（(][^（）()]{0,40}[)）])?\s*[:：]?\s*(?:指|是指|系指|意指|means)"
)
#: A part of the goods whose own period stands beside the whole machine's.
_COMPONENT = re.compile(r"其中|部件|组件|配件|电池|激光器|发动机|变速箱|压缩机|电机|光源|易损件")
#: A wear part or consumable, named before its period (刀片属易损件 / 滤芯等耗材 / 密封圈等消耗性配件).
_WEAR = re.compile(r"易损|易耗|耗材|消耗品|消耗性|损耗件|耗损件|磨损件|低值易耗")
_QUOTED_LENGTH = re.compile(r"(?:上述|前述|前款|上款|该|此|以上|约定的|规定的)\s*$")
_DURATION_NEXT = re.compile(
    rf"\s*(?:的)?\s*(?:{NUMBER}|半)\s*(?:个)?\s*(?:小时|工作日|自然日|日|天|周|个月|月|年)"
)
#: The start event before a window mark, for quoting it.
_START_SPAN = re.compile(
    r"[^,，;；:：\s]{1,24}?(?:之日起|之日后|日起|起|以后|之后|后|以前|之前|日前|前|时起)"
)
#: Events an acceptance may run from, with the word that makes them a start: 到货后 / 交付时 / 收到通知之日起.
_EVENTS = (
    r"到货|货到|到达|送达|运抵|抵达|到场|进场|到厂|到库|入库|到站|到港|到馆|收货|收到|接到|签收|接收|交货|交付|提货|发货|发运|装运|装船|卸船|"
    r"卸货|出厂|安装|调试|开箱|上线|试运行|投产|投入使用|使用|通知|申请|签订|签署|生效|完工|竣工|完成|"
    r"送到|运到|拉到|送来|运来|装好|卸完|卸车"
)
_START_EVENT = re.compile(
    rf"(?:{_EVENTS})[^,，。;；]{{0,12}}?(?:之日起|之日后|日起|之后|以后|后(?!果|续)|起(?!诉))"
    # 车到了乙方三天内验车 / 设备运到了 / 东西一到: a colloquial arrival, the goods named before it
    r"|(?:车|货|东西|设备|机器|机子|产品|货物|材料|物品|机组|整机)[^,，。;；]{0,6}?(?:到了|到位了?|一到)"
    r"|到货了|收到货了?|(?:送|运|拉)到了"
)
#: A handover closing a comma segment before the window (货物到库，/ 乙方交货，): the window runs from it.
_HANDOVER_AT = re.compile(
    r"(?:到货|货到|到达|送达|运抵|抵达|到场|进场|到厂|到库|入库|到站|到港|收货|签收|交货|交付|卸货|卸车|安装完毕|"
    r"调试完毕|安装完成|调试完成|送到|运到|拉到|送来|运来)[^,，。;；]{0,10}?(?=[,，])"
)
#: A discovery that starts a notice period (发现质量问题, 发现货物短少的): the start of that window.
_DISCOVERY = re.compile(r"发现[^,，。;；]{0,12}?(?:问题|缺陷|瑕疵|故障|不符|不合格|短少|破损|损坏|异常)")
#: Inside the warranty (质保期内…出现故障的): the failure starts the claim's notice period.
_IN_WARRANTY_FAILURE = re.compile(
    r"(?:质保|保修|质量保证|三包|保固)期(?:限)?(?:内|里|期间)[^。;；]{0,12}?(?:出现|发生)[^,，。;；]{0,10}?"
    r"(?:问题|缺陷|瑕疵|故障|损坏|异常)"
)
_AT_EVENT = re.compile(rf"(?:{_EVENTS})[^,，。;；]{{0,10}}?(?<![同小及])时(?!间|限|效)")
_IMMEDIATE = re.compile(
    r"当场|当面|当即|即时|立即|随即|现场(?:验收|查验|检验|清点|核对|检查)|当日|当天|同日|同一天|当班|即日"
)
#: A calendar date or a named day that bounds the act (应于2027年5月20日前完成验收 / 到货次日验收).
_DATED = re.compile(
    r"[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*[日号]\s*(?:前|之前|以前|止|为止|之内|以内|内)"
    r"|次日|翌日|第二天|隔天|第二日"
    # 不迟于交货后第5个工作日完成验收: an ordinal day after the start bounds the act
    r"|(?:后|起)的?\s*第\s*[\d一二三四五六七八九十两]+\s*(?:个)?(?:工作日|自然日|日|天)"
)
#: Places a window may be stated in other than the clause itself (the special terms, an annex, an order).
_ELSEWHERE = (
    r"专用条款|专用合同条款|特别条款|特殊条款|特别约定|补充条款|补充协议|附件|附表|附录|技术协议|质量协议|技术规格书|"
    r"订单|采购单|要素表|合同要素|合同首部|首部|主要条款|商务条款"
)
#: What an annex also holds: the standard the goods are inspected against, not the window.
_STANDARD = r"(?:标准|规范|指标|方法|要求|参数)"
#: A window's start stated in another part (起算时间见附件二 / 起算日以合同要素表为准 /
#: 自专用条款约定之日起算).
_START_ELSEWHERE = re.compile(
    r"(?:起算|起始|开始计算|计算起点)(?:时间|日期|日|点|时点|事件)?[^,，。;；]{0,8}?(?:详见|参见|见|按|依|依照|按照|以|适用|由)"
    rf"[^,，。;；]{{0,12}}?(?:{_ELSEWHERE})"
    rf"|自(?:{_ELSEWHERE})[^,，。;；]{{0,12}}?(?:约定|规定|载明|列明)的?[^,，。;；]{{0,8}}?(?:之日|时|日)起?"
)
_REFERS_BACK = re.compile(
    r"(?:约定|规定|上述|前述|前款|本款|该|此|以上|所述|同一|前项)[^,，。;；]{0,12}?(?:期限|期间|时间|时限)"
    r"|(?:验收|检验|异议|检测|复检|验货)(?:期|期限|期间)内"
    r"|(?:按|依|依照|按照|根据|依据|见|在|于|同|如|与)\s*(?:本合同)?第\s*[\d一二三四五六七八九十.()（）]+\s*(?:条|款|项)"
    r"|(?:要素表|附件)[^,，。;；]{0,12}?(?:期限|期间|时间|时限)|合同约定的?期限"
    # 验收期限以专用条款为准 / 具体验收时间详见附件二 / 检验期按订单约定: the window is stated elsewhere
    # (the window word right before the reference: 检验期按附表1所列技术标准 names the standard, no window)
    rf"|(?:期限|期间|时间|时限|期)[”\"」]?(?:、[^,，。;；]{{1,8}}?)?\s*(?:(?:详见|参见|见)[^,，。;；]{{0,12}}?(?:{_ELSEWHERE})"
    rf"|(?:按|依|依照|按照|根据|以|适用|由)[^,，。;；]{{0,12}}?(?:{_ELSEWHERE})(?![^,，。;；]{{0,12}}?{_STANDARD})"
    rf"[^,，。;；]{{0,8}}?(?:为准|约定|规定|执行|确定|载明|列明|所列|所载))"
    rf"|(?:{_ELSEWHERE})[^,，。;；]{{0,12}}?(?:约定|规定|载明|确定|列明|写明)的?[^,，。;；]{{0,4}}?(?:期限|期间|时间|时限)"
)
#: Vague window words (the rule takes the configured list; this default serves the extracted facts).
VAGUE_WINDOW_WORDS: tuple[str, ...] = (
    "及时",
    "尽快",
    "合理期限",
    "合理时间",
    "合理的期限",
    "适当时候",
    "视情况",
    "另行协商",
    "另行约定",
    "酌情",
    "双方协商确定",
)
#: Timing left to one party's discretion (由买方根据其项目进度确定, 由甲方另行通知, 择期): no computable
#: window.
#: (a time named: 验收标准由甲方确定 leaves the standard, not the time, to the buyer)
_DISCRETION = re.compile(
    r"(?:时间|日期|期限|时限)[^,，。;；]{0,4}?由(?:买方|甲方|需方|采购方|采购人|买受人|卖方|乙方|供方)[^,，。;；]{0,12}?"
    r"(?:自行|单方)?(?:确定|决定|安排|另行通知)"
    r"|择期|(?:时间|日期)[^,，。;；]{0,6}?视[^,，。;；]{0,8}?(?:进度|情况|需要)而定"
    # 甲方视工程进度安排验收 / 买方根据生产情况安排检验: the act put when the buyer's progress allows
    r"|(?:视|根据|按照?|依)[^,，。;；]{0,8}?(?:进度|情况|需要)[^,，。;；]{0,2}?(?:安排|确定|决定|择时)"
    r"(?=[^,，。;；]{0,6}?(?:验收|检验|验货|查验|测试|检测|终验|初验))"
    # 由甲方另行安排时间组织最终验收: the party first, the time it fixes after
    r"|由(?:买方|甲方|需方|采购方|采购人|买受人)[^,，。;；]{0,4}?(?:另行|自行|单方|择期)?(?:安排|确定|决定|通知)(?:的)?"
    r"(?:具体)?(?:时间|日期)"
    # 验收的具体时间由双方另行商定: the time left to a later agreement of both
    r"|(?:时间|日期|期限|时限)[^,，。;；]{0,4}?(?:由|经)?(?:双方|各方)?(?:另行|再行|届时|日后)(?:商定|协商|约定|确定|议定)"
)


def discretion_in(clause: str) -> tuple[str, int] | None:
    """Timing left to one party's discretion in ``clause`` (由买方根据其项目进度确定, 择期), and where."""
    m = _DISCRETION.search(clause)
    return (m.group(), m.start()) if m else None


#: Words that contain a vague word without being one (交货批次及时间).
_NOT_VAGUE = re.compile(r"及时间|及时限|以及时")
_BLANK_WINDOW = re.compile(
    r"(?:[ \u3000_＿]{2,}|\[\s*\]|【\s*】|[（(]\s*[)）])"  # 【 】个工作日内 / （ ）日内: left blank
    r"\s*(?:个)?(?:小时|工作日|自然日|日|天|个月)\s*(?:以内|之内|内)"
)
#: An objection / notice window concerns acceptance only in a clause about quality or conformity.
#: (异议 alone is no such clause: 收到订单后2个工作日内未提出异议的，订单成立 is about the order.)
_QUALITY_CONTEXT = re.compile(
    r"质量|品质|验|检|不符|不合格|瑕疵|缺陷|短少|破损|损坏|货损|货物|产品|设备|标的物|数量|外观|规格|型号"
)
#: Hidden defects only (质量问题 alone may be what the inspection window is for).
_HIDDEN = re.compile(r"内在|隐蔽|难以发现|不能发现|无法发现|潜在|内部缺陷|其他质量")
_LATENT = re.compile(
    r"内在|隐蔽|难以发现|不能发现|无法发现|潜在|内部缺陷|其他质量|质量问题|质量缺陷|品质问题|品质缺陷|性能"
)
#: An objection to one test's result (28天强度报告不合格的, 对检测结果有异议的): a period of that test only.
_TEST_RESULT = re.compile(
    r"(?:报告|检验结果|检测结果|化验结果|复检结果|复验结果|试验结果|测试结果|结论)[^,，。;；]{0,8}?(?:不合格|不符|有异议|异议)"
)
_APPEARANCE = re.compile(r"外观|数量|表面|包装|外包装|型号|件数|袋数|箱数|规格|标识|标签|破损|短少")

_DEEMED_LEAD = (
    r"即告|即属|即认为|则认为|均认为|即确认为?|即作|视为|视同|视作|看作|当作|当做|算作|算是|就算|即算|便算|就当|"
    r"认定为|推定为?|即为|就是|便是|默认为?|自动|应认为|应当认为|应被认为|被认为|应被视作|被视作|等于|等同于|相当于|"
    # 签收送货单即表示验收合格 / 投入使用即表明已接受: an act of the buyer that stands for acceptance
    r"即表示|就表示|即表明|就表明|即代表|就代表|即意味着|即构成|即说明"
)
_DEEMED_TARGET = (
    r"验收合格|检验合格|验货合格|合格|验收通过|通过验收|通过|认可|接受|同意|无异议|符合|相符|一致|已验收|已经验收|"
    r"验收完毕|验收完成|验收了|验收过|验过|验好|验完|验妥|检好|满意|确认|无误|没问题|没有问题|接收|签收|收货|收下|收了|认了|过关"
    # 视为已于检验期最后一日被验收 / 应视为在验收期届满之日获得验收: the passive of translated drafts
    r"|(?:被|获|获得)(?:买方|甲方|需方|采购方)?(?:验收|接受|接收|认可|批准)"
    # 签收送货单即视同验收: the act itself, ending the phrase
    r"|验收(?=\s*(?:[,，。;；]|$))"
    # 视为买方已于验收期最后一日签发验收证书: the acceptance document deemed issued
    r"|(?:签发|签署|签字|签认|出具|签订|开具)(?:了)?[^,，。;；]{0,6}?(?:验收|终验|初验|检验合格)(?:证书|单|报告|确认书|记录|证明)"
    # 该期限届满之日应被视为验收证书签发之日 / 视为验收单已经签署: the document named before the act
    r"|(?:验收|终验|初验|检验)(?:合格)?(?:证书|单|报告|确认书|记录|证明)[^,，。;；]{0,4}?(?:已|已经)?"
    r"(?:签发|签署|签字|签认|出具|签订|开具|生效)"
    # 逾期未签署的，视为已签署 (the certificate's deadline in the sentence before): weak, needs the context
    r"|(?:已|已经)(?:签署|签发|签字|签认|签章|盖章确认)"
    # 该期满之日视为验收日 / 视为卖方已履行交付义务 (in a clause about inspection)
    r"|履行[^,，。;；]{0,4}?义务"
)
DEEMED_PATTERN = (
    rf"(?:{_DEEMED_LEAD})[^,，。;；]{{0,24}}?(?:{_DEEMED_TARGET})"
    r"|日\s*(?:即为|即是|为|作为|视为|视同|视作)(?:验收合格|验收|终验合格|终验)(?:日|之日|日期)(?!起)"
    r"|[作按][^,，。;；]{0,8}?合格论"
    r"|与[^,，。;；]{0,16}(?:验收|终验)(?:证书|单|报告)具有同等效力"
    r"|按(?:照)?[^,，。;；]{0,8}?(?:验收|检验)?(?:合格|通过)(?:处理|对待|认定|接收|收货|签收|验收|入库|算|计)"
    r"|deemed\b[^.;]{0,40}?\b(?:accept|conform|approv|pass)"
    # failure to reject within the Inspection Period constitutes acceptance / shall be treated as accepted
    r"|fail(?:s|ed|ure)?\b[^.;]{0,80}?\b(?:constitutes?|shall\s+constitute|amounts?\s+to)\s+(?:an?\s+)?acceptance"
    r"|(?:treated|regarded|considered)\s+as\s+(?:having\s+been\s+)?(?:accept|approv)"
    # 验收应被视为已经完成 / 到货验收即告完成 / 验收证书自动生效: the act (or its document) before the lead
    rf"|(?:验收|检验|终验|初验|验货|验车|验机(?!构))(?:证书|单|报告|确认书|记录)?"
    rf"(?:(?!合格|通过|完成|完毕)[^,，。;；]){{0,8}}?(?:{_DEEMED_LEAD})"
    # 验收证书视为已于该期限届满之日签署: the day of the deemed act between the lead and the act
    r"[^,，。;；]{0,2}?(?:已|已经)?(?:(?:于|在)[^,，。;；]{0,14}?)?(?:完成|完毕|通过|结束|生效|签发|签署|成立)"
    # 逾期未提异议，买方即丧失以货物不符为由拒收的权利: silence forfeits the objection
    r"|(?:未|没有?)[^。;；]{0,30}?(?:异议|通知|验收|检验)[^。;；]{0,20}?丧失[^,，。;；]{0,20}?(?:权利|权)"
    # 逾期卖方不予受理 / 逾期提出的索赔概不受理 / 逾期视为买方放弃索赔权: a claim out of time is refused, so
    # the goods stand as delivered (the claims period of a trade contract)
    r"|逾期[^,，。;；]{0,10}?(?:(?:的|者)\s*[,，])?[^,，。;；]{0,8}?(?:不予|不再|概不|均不|将不)(?:受理|理赔|处理)"
    r"|逾期[^,，。;；]{0,10}?(?:(?:的|者)\s*[,，])?[^,，。;；]{0,8}?(?:放弃|丧失|失去)[^,，。;；]{0,6}?(?:索赔|异议|主张)"
    # 未签字亦未书面说明理由的，以期限届满之日作为起租确认日 / 期满之日即为验收日: the lapse dates the act
    r"|(?:届满|期满|到期)(?:之日|当日|次日|之次日)\s*(?:作为|为|视为|即为|视作)[^,，。;；]{0,12}?"
    r"(?:确认|验收|签收|起租|接收)(?:日|之日|日期)"
)
_DEEMED = re.compile(
    rf"(?=[即则均视看当算就便认推默自应被等相日作按与验检终初未没逾届期到dDfFtTrRcC])(?:{DEEMED_PATTERN})",
    re.IGNORECASE,
)
#: Silence within the window as a condition (逾期未提出书面异议的， / 三天里没说的，), and what follows it.
_SILENCE = re.compile(
    r"(?:未|没有?|不|既未|并未|均未)[^,，。;；]{0,30}?(?:异议|通知|告知|提出|反馈|反映|验收|检验|验货|意见|"
    r"(?<!说)说(?!明)|吭声|吭气|吱声|(?<![讲演])讲(?!解|座|明)|反馈|找)"
    # 逾期未提出书面异议的， / 三天内不提出来，(the 的 of a condition is often left out in plain words)
    r"[^,，。;；]{0,8}?(?:的|者|时)?\s*[,，]\s*(?P<then>[^。;；]{1,30})"
)
#: Every ``_SILENCE`` match holds one of these.
_SILENCE_HINT = contains_any(["未", "没", "不"])
#: What silence leads to when it is acceptance: 即确认数量和外观无误, 乙方交付的货物即属合格, 货就算收了.
_SILENCE_THEN = re.compile(
    r"合格|无误|认可|接受|接收|签收|收货|收了|收下|符合(?:约定|合同)|没问题|无异议|(?:已|完成|通过)验收"
    r"|验收(?:通过|完成|完毕)|即确认|确认(?:无误|合格|收货|数量|质量)"
    # 终验收于期限届满之日通过 / 验收在期满之日即告完成: the acceptance passes when the period lapses
    r"|(?:验收|终验|初验)[^,，。;；]{0,12}?(?:届满|期满|到期|最后一日|最后一天)[^,，。;；]{0,6}?(?:通过|完成|完毕)"
)
#: Silence that releases the seller (卖方不再承担质量责任) or lets its delivery papers govern
#: (即以送货单载明的数量和质量为准): the legal effect of deemed acceptance (民法典第621条).
_RELEASE = re.compile(
    r"不再(?:承担|负责|负)|免除[^,，。;；]{0,8}责任|不(?:承担|负)[^,，。;；]{0,4}质量"
    r"|以[^,，。;；]{0,16}?(?:送货单|交货单|发货单|出库单|磅单|装箱单|交付|交货|发货|送货|出厂检验|检验报告|质检报告|"
    r"合格证|质量证明)[^,，。;；]{0,12}?为准"
    # 买方不得再以数量或外观不符为由拒收 / 以后就不能再说质量不行: silence forfeits the objection
    r"|(?:不得|不能|无权|不可|不再)[^,，。;；]{0,2}?(?:再|就)[^,，。;；]{0,16}?"
    r"(?:提出|主张|要求|拒收|拒绝|退货|退换|索赔|说|提|反悔|异议)"
)
#: A consequence that refuses or blames (拒绝收货, 不得验收, 乙方不承担责任) is no acceptance.
_REFUSAL = re.compile(r"拒|不得|不予|无权|不能|不视为|不构成|不符|不合格|违约|赔偿|承担")
#: A day fixed by the lapse of time or by silence (检验期的最后一日为验收之日, 到货后第10日为验收日,
#: 期间届满之日为验收合格日): a deemed acceptance date, not the date of the buyer's act.
_LAPSE = re.compile(
    r"最后一日|最后一天|末日|届满|期满|逾期|超过|过了|未|没|不(?:签|验|提)|"
    r"第\s*[\d一二三四五六七八九十两]+\s*(?:个)?(?:工作日|自然日|日|天)"
)
#: Targets that are acceptance by themselves (视为认可); weaker ones (同意, 符合) need the clause's context.
_STRONG_TARGET = re.compile(r"合格|验收|认可|无异议|接受|认了|确认(?:日|之日)|accept", re.IGNORECASE)
#: A deemed rule concerns acceptance when its clause names one of these (not 视为送达 / 视为交货).
DEEMED_CONTEXT_PATTERN = r"验|检|异议|合格|质量|品质|accept|inspect|conform|objection"
_DEEMED_CONTEXT = re.compile(rf"(?=[验检异合质品aicoAICO])(?:{DEEMED_CONTEXT_PATTERN})", re.IGNORECASE)

#: A clause without one of these holds no deemed-acceptance rule (cheap test before :data:`_DEEMED`).
_DEEMED_GATE = contains_any(
    ["视", "算", "即为", "即是", "为验收", "作为", "按", "默认", "自动", "即告", "即属", "同等效力", "认定",
     "当作", "当做", "看作", "认为", "确认", "即作", "合格论", "推定", "就是", "便是", "就当",
     "等于", "等同于", "相当于", "丧失", "deemed", "Deemed", "表示", "表明", "即代表", "就代表", "意味着",
     "即构成", "即说明", "不予受理", "不再受理", "概不受理", "不予理赔", "放弃",
     "onstitut", "mounts to", "reated as", "egarded as", "onsidered as"]
)  # fmt: skip
#: A warranty written as a verb (保修一年) holds one of these.
_WARRANTY_GATE = contains_any(
    [
        "保修",
        "质保",
        "保用",
        "包修",
        "包换",
        "保固",
        "三包",
        "修",
        "换",
        "担保",
        "缺陷",
        "故障",
        "问题",
        "瑕疵",
        "退",
        "裂",
        "保到",
        "管到",
        "负责到",
        "死",
        "活",
    ]
)
#: Warranty / objection period words (保质期 is shelf life, not one of them).
PERIOD_WORDS: tuple[str, ...] = (
    "质量异议期",
    "质量保证期",
    "质量保修期",
    "质保期",
    "保修期",
    "保证期",
    "异议期",
    "缺陷责任期",
    "维保期",
    "保用期",
    "保固期",
    "三包期",
    "包修期",
    "包换期",
    "质量担保期",
    "缺陷通知期",
    "质量责任期",
    "保换期",
    "包退期",
    "索赔期",  # of quality only (质量问题的索赔期为到货后180天), see _CLAIM_OF_QUALITY
    # 甲方就隐蔽质量缺陷提出异议的期限为验收证书签署之日起3个月: the period named in a phrase
    "异议的期限",
    "异议的期间",
    "免费维修期",
    # 出賣人之瑕疵擔保期間為交貨後十二個月 (Taiwan drafting) / 品质保证期
    "瑕疵担保期",
    "品质保证期",
    # live goods (苗木、种苗、活体): the period they must survive (保活期为定植后15天 / 成活保证期)
    "保活期",
    "成活保证期",
    "成活期",
)
# 保证期间 alone is a guarantor's period (民法典第692条), not a warranty.
PERIOD_WORD_PATTERN = (
    "|".join(w if w != "保证期" else "保证期(?!间)" for w in PERIOD_WORDS) + r"|warranty period"
)
_PERIOD_WORD = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in PERIOD_WORDS})) + rf"wW])(?:{PERIOD_WORD_PATTERN})", re.IGNORECASE
)
#: A warranty written as a verb with its length: 保修一年 / 质保两年 / 免费保修12个月.
_WARRANTY_VERB = re.compile(
    r"(?:保修|质保|保用|包修|包换|保固|三包|质量担保)(?:期限?)?\s*(?:为|是|:|：)?"
    # 质量担保：自交货之日起一年 / 保修自验收合格之日起两年: the start between the word and the length
    r"(?:\s*(?:自|从)[^,，。;；]{1,16}?(?:起|开始)(?:计算|算)?)?\s*$"
    # 质量问题乙方负责到送货后12个月: the seller answers for quality up to a length after delivery
    r"|(?:质量|品质)[^,，。;；]{0,10}?(?:负责|保|管|包)(?:到|至)[^,，。;；]{0,10}?$"
    # 质量问题（开裂、起层）保一年 / 品质管两年: the quality answered for, the length right after
    r"|(?:质量|品质)[^,，。;；]{0,20}?(?<![确担])(?:保|管|包)\s*$"
    # 实行三包，期限一年 / 保修，时间为两年: the length named after a comma
    r"|(?:保修|质保|保用|包修|包换|保固|三包)\s*[,，]\s*(?:期限|时间|年限|期)\s*(?:为|是|:|：)?\s*$"
)
#: A free repair or exchange bounded by a length (一年内免费修, 半年内包换) — a warranty in plain words.
_FREE_REPAIR = re.compile(
    r"\s*(?:以内|之内|内)\s*(?:出现[^,，。;；]{0,8}?的?，?)?(?:免费|无偿)?(?:上门)?(?:维修|修理|修|包修|保修|包换|换新|退换|更换)"
    # 一年内，设备出现非人为故障的，卖方免费维修: the defect and the repairer between
    r"|\s*(?:以内|之内|内)[^。;；]{0,24}?(?:免费|无偿|负责|包)(?:维修|修理|修复|修|更换|换|退换|保修)"
    # 卖方保证货物自验收之日起一年内无质量问题: a guarantee of no defect for the length
    r"|\s*(?:以内|之内|内)[^,，。;；]{0,4}?(?:无|没有|不存在|不出现|不发生|不会出现|不会发生)[^,，。;；]{0,8}?"
    r"(?:质量问题|缺陷|故障|瑕疵)"
    # 十二个月内如出现制造缺陷，卖方应予以修复 / 一年内因质量原因损坏的，由乙方承担修理费用: the defect first
    r"|\s*(?:以内|之内|内)[^。;；]{0,16}?(?:缺陷|故障|质量问题|质量原因|损坏|瑕疵|毛病)[^。;；]{0,16}?"
    r"(?:予以|应当|应|须|必须|负责|免费|无偿)?(?:维修|修理|修复|更换|退换|承担[^,，。;；]{0,4}?(?:修理|维修)费)"
    # 24个月内发现内在质量缺陷的，有权要求更换 / 这一年里因质量出问题的，卖方退货 / 三个月内发现裂纹，
    # 卖方退一半货款: a defect found or arising within the length, and the seller's remedy
    r"|\s*(?:以内|之内|内|里)[^。;；]{0,12}?(?:发现|因为?|由于)[^。;；]{0,24}?"
    r"(?:缺陷|故障|质量问题|(?:出|有)了?问题|损坏|瑕疵|毛病|裂纹|开裂|断裂|不符)[^。;；]{0,16}?"
    r"(?:维修|修理|修复|更换|换货|退货|退换|退[^,，。;；]{0,4}?(?:款|钱))"
)
#: Live goods that die within a length, and the seller's remedy (栽下去15天内因苗自身带病死了的，卖方免费
#: 补苗 / 定植后10日内死亡的按单价退款 / 到场七天内病死的鸡苗包换): a survival guarantee — the period of
#: goods whose nature makes a short one the usual (民法典第622条: 根据标的物的性质).
_SURVIVAL = re.compile(
    r"\s*(?:以内|之内|内|里)[^。;；]{0,40}?(?:死亡|死了|死苗|死株|病死|枯死|坏死|死掉|不成活|未成活|没活|没成活|腐烂|烂根)"
    r"[^。;；]{0,24}?(?:补苗|补种|补栽|补植|补发|补足|补货|补|更换|换|退款|退钱|退[^,，。;；]{0,4}?(?:款|钱)|赔)"
)
#: What a survival guarantee or the spoiling of perishable goods is about: a short period suits their nature.
SURVIVAL_WORDS = re.compile(
    r"死亡|死了|死苗|死株|病死|枯死|坏死|死掉|成活|存活|保活|不活|没活|腐烂|烂根|变质|霉变|鲜活|活体"
)
#: A period word defined in brackets right after its length (卖方保证货物自验收之日起六(6)个月（“质保期”）内无
#: 缺陷 / 十二个月（以下简称“保修期”）): the length is that period's (translated drafting).
_DEFINED_AFTER = re.compile(
    r"\s*[（(]\s*(?:以下|下文|下称|以下简称|简称|即)?\s*(?:简称|称为|称)?\s*[“\"「『]?\s*"
    r"(?P<word>" + PERIOD_WORD_PATTERN + r")\s*[”\"」』]?\s*[)）]",
    re.IGNORECASE,
)
#: A remark in brackets right after a period word, the period stated after it (质量保证期（本项替代通用条款
#: 关于12个月质量保证期的约定）：自…起6个月): the length after it is the period's, a length inside it is
#: another clause's (质保期（12个月）届满后15日内: the bracket is the length, nothing is stated after it).
_REMARK_AFTER = re.compile(r"\s*[（(][^（）()]{1,60}[)）](?=\s*(?:为|是|:|：))")
#: A warranty named after its length: 提供自验收之日起18个月的质保 / 一年的免费保修.
_WARRANTY_AFTER = re.compile(r"\s*(?:的)?\s*(?:免费)?(?:质保|保修|质量保证|三包|保固)(?![金款])")
# After a period word: its end (质保期届满后15日内) or its inside (质保期内48小时响应) — no length.
_NOT_LENGTH = re.compile(r"\s*间?\s*(?:届满|期满|满|结束|到期|截止|终止|内|里|以内|之内|期间|期内|中|的)")
#: A short duration the seller acts within (两天内上门修, 48小时内到场): a response time, no period length.
_RESPONSE = re.compile(
    r"\s*(?:以内|之内|内|里)\s*[^,，。;；]{0,6}?(?:上门|到场|到厂|到现场|响应|答复|回复|修复|维修|修理|修好|修|更换|换|处理|"
    r"派员|派人|解决|排除)"
)
_TEST_COST = re.compile(
    r"(?:检验|检测|复试|复检|复验|试验|鉴定|检定|送检)(?:的)?(?:费用|费)[^,，。;；]{0,6}?(?:均)?由"
    r"(?P<payer>[^,，。;；]{1,10}?)(?:承担|负担|支付|负责)"
)

_MONTHS_PER_UNIT: dict[str, Decimal] = {
    "hour": Decimal(1) / Decimal(720),
    "day": Decimal(1) / Decimal(30),
    "working_day": Decimal(1) / Decimal(21),
    "week": Decimal(7) / Decimal(30),
    "month": Decimal(1),
    "year": Decimal(12),
}


def months_of(d: Duration | Length) -> Decimal:
    """A duration in months (a day is 1/30, a working day 1/21, a week 7/30)."""
    return d.value * _MONTHS_PER_UNIT[d.unit]


# -- clause-level readers (pure functions over one normalized clause; offsets in the clause) ----------------


@lru_cache(maxsize=64)
def _variants(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with the written variants of each period word: 合理期限 also as 合理期间, 合理时间, 合理时限
    and 合理的期限; 尽快 also as 尽早."""
    out: list[str] = []
    for w in words:
        forms = [w]
        for end in ("期限", "期间", "时间", "时限"):
            if w.endswith(end) and len(w) > len(end):
                forms += [w[: -len(end)] + e for e in ("期限", "期间", "时间", "时限")]
        forms += [f[:2] + "的" + f[2:] for f in forms if f.startswith("合理") and "的" not in f]
        if w == "尽快":
            forms += ["尽早", "尽速"]
        out.extend(f for f in forms if f not in out)
    out.extend(w for w in COLLOQUIAL_VAGUE if w not in out)
    return tuple(out)


def vague_word(clause: str, words: tuple[str, ...] = VAGUE_WINDOW_WORDS) -> tuple[str, int] | None:
    """The first of ``words`` (or a written variant: 合理期间 for 合理期限) in ``clause`` that is really vague
    (not 及时 in 交货批次及时间), and where."""
    masked = _NOT_VAGUE.sub(lambda m: "\0" * len(m.group()), clause) if "及时" in clause else clause
    m = _vague_pattern(tuple(words)).search(masked)  # leftmost; at one place the first word listed
    return (m.group(), m.start()) if m else None


@lru_cache(maxsize=64)
def _vague_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for ``words`` and their variants, in their order (one scan instead of one per word)."""
    return re.compile("|".join(re.escape(w) for w in _variants(words)))


def governing_act(clause: str, start: int, end: int) -> tuple[str, WindowKind | None, tuple[int, int] | None]:
    """What a duration at ``start:end`` bounds: the first verb after it (inspection, objection or remedy),
    else the last act named before it (验收期限 …5个工作日内). Kind None: not an acceptance window."""
    m = _VERB.search(clause, end)
    if m is not None:
        if m.lastgroup == "inspect":
            return m.group(), "inspection", m.span()
        if m.lastgroup == "object":
            return m.group(), "objection", m.span()
        return m.group(), None, m.span()
    before = list(_ACT_BEFORE.finditer(clause, 0, start))
    if before:
        b = before[-1]
        return b.group(), ("objection" if b.group() == "异议" else "inspection"), b.span()
    return "", None, None


def verb_after(clause: str, at: int) -> str | None:
    """The kind of the first act verb after offset ``at``: ``"inspect"``, ``"object"`` (a notice or an
    objection), ``"remedy"`` (the seller's replacement, attendance, a payment…), or None."""
    m = _VERB.search(clause, at)
    return m.lastgroup if m else None


def start_before(clause: str, at: int) -> tuple[int, int] | None:
    """The start event right before offset ``at`` (自到货之日起|十日内, 送达后|72小时内), or None."""
    head = clause[max(0, at - 40) : at]
    if not _START_MARK.search(head):
        return None
    base = max(0, at - 40)
    spans = list(_START_SPAN.finditer(head))
    if spans:
        s = spans[-1]
        return base + s.start(), base + s.end()
    stripped = head.rstrip(" ,，的")
    return base + max(0, len(stripped) - 4), base + len(stripped)


#: Silence right after a length (5日内不签署也不书面说明理由的): the window a deemed rule ends.
_SILENT_TAIL = re.compile(
    r"\s*(?:以内|之内|内)\s*[,，]?\s*(?:买方|甲方|需方|采购方|采购人|买受人)?\s*(?:既|均|并|仍|也)?(?:不|未|没有?)"
)


def _length_windows(clause: str) -> list[tuple[Duration, str, WindowKind, tuple[int, int] | None, bool]]:
    """The durations of ``clause`` that bound an act of inspection or objection, with that act and whether
    the window is named as such (验收期限为…, “验收期”指…)."""
    out = []
    for d in find_durations(clause):
        tail = clause[d.span[1] :].lstrip()
        head = clause[: d.span[0]].rstrip()
        defines = _DEFINES_WINDOW.search(head) is not None  # “验收期”指…的十（10）个工作日
        if not (
            tail.startswith(_DEADLINE_TAIL)
            or _NAMED_SPAN_TAIL.match(tail)
            or head.endswith(_BOUND_BEFORE)
            or _PERIOD_IS.search(head)
            or defines
        ):
            continue
        if defines:
            m = _DEFINES_WINDOW.search(head)
            assert m is not None
            out.append((d, m.group("term"), "inspection", m.span("term"), True))
            continue
        act, kind, span = governing_act(clause, d.span[0], d.span[1])
        if kind == "objection" and not _QUALITY_CONTEXT.search(clause):
            continue  # 不可抗力…三日内通知对方
        if kind is None and _SILENT_TAIL.match(clause, d.span[1]) and deemed_in(clause) is not None:
            # 买方在试运行结束后5日内不签署也不书面说明理由的，视为验收合格: the silence bounds the window
            out.append((d, "异议", "objection", None, False))
            continue
        if kind is not None:
            out.append((d, act, kind, span, _PERIOD_IS.search(head) is not None))
    return out


#: Acceptance governed by another agreement: 本订单未约定的质量、验收…均适用框架协议 / 验收按主合同执行.
_BY_REFERENCE = re.compile(
    r"(?=[验检质保])(?:验收|检验|质保|质量|保修)[^。;；]{0,60}?(?:适用|按照?|依照|依据|参照|执行|以)[^。;；]{0,12}?"
    r"(?:框架协议|框架合同|主协议|主合同|总协议|采购协议|通用条款|通用合同条款|质量协议|质量保证协议)"
)
#: What the matters a document leaves open may go to: another agreement or a rulebook the parties accepted
#: (not a statute: 未尽事宜按《民法典》执行 defers nothing the parties agreed).
_GOVERNING_TERMS = (
    r"(?:框架协议|框架合同|主协议|主合同|总协议|采购协议|通用条款|通用合同条款|质量协议|质量保证协议"
    r"|平台(?:交易|服务)?规则|交易规则|(?:平台|用户|会员)(?:服务)?协议|原合同|原协议)"
)
#: The matters a document leaves open governed by one of those (本订单未约定的事项，适用《平台交易规则》 /
#: 未尽事宜按框架协议执行): its acceptance and warranty too, when it sets none of its own.
_RESIDUAL_REFERENCE = re.compile(
    r"(?:未约定|未尽|未规定|未明确|未涉及|没有约定|没约定)(?:的)?(?:事项|事宜|内容|条款)?[^。;；]{0,12}?"
    r"(?:适用|按照?|依照|依据|参照|执行|以)[^。;；]{0,16}?" + _GOVERNING_TERMS
)
_RESIDUAL_WORDS = ("未约定", "未尽", "未规定", "未明确", "未涉及", "没有约定", "没约定")
#: A cross-reference with the article's title (按协议第4条（交付与验收）执行): the title names no act.
_XREF_TITLE = re.compile(
    r"第\s*[\d一二三四五六七八九十百.]+\s*(?:条|款|章|节|项)\s*[（(][^（）()]{1,24}[)）]"
)
#: A bare 协议/合同 article named as governing acceptance (按协议第4条（交付与验收）执行): in an order, the
#: agreement it is placed under (本协议 / 本合同 is the document itself).
_XREF_OTHER = re.compile(
    r"(?=[协合])(?<!本)(?<!该)(?:协议|合同)\s*第\s*[\d一二三四五六七八九十百]+\s*条\s*[（(][^（）()]{0,16}?"
    r"(?:验收|检验|质保|质量|保修)"
)


#: An act named as the point something runs from: 从验货没问题那天开始算 / 自验收完毕当日起.
_FROM_BEFORE = re.compile(r"(?:从|自)[^,，。;；从自]{0,4}$")
_FROM_ACT_DAY = re.compile(
    r"[^,，。;；]{0,10}?(?:那天|当天|这天|那日|当日|之日|那一天|之时)\s*(?:起|开始|算)"
)


def _act_in(clause: str) -> re.Match[str] | None:
    """The first act of acceptance in ``clause`` that is not the title of a cross-referenced article nor the
    day something else runs from (保修一年，从验货没问题那天开始算)."""
    act = ACT.search(clause)
    if act is None:
        return None
    crossed = ("（" in clause or "(" in clause) and ("条" in clause or "款" in clause)
    titles = [m.span() for m in _XREF_TITLE.finditer(clause)] if crossed else []
    while act is not None and (
        any(a <= act.start() < b for a, b in titles)
        or (
            _FROM_BEFORE.search(clause, max(0, act.start() - 5), act.start()) is not None
            and _FROM_ACT_DAY.match(clause, act.end()) is not None
        )
    ):
        act = ACT.search(clause, act.end())
    return act


#: A heading that goes on with its clause after a colon (第三条验收：需方收货后五日内开箱抽检).
_CLAUSE_PUNCT = re.compile(r"[,，。;；]")
_HEADING_THEN_TEXT = re.compile(r"^[^:：]{1,16}[:：]\s*\S.{5,}")
#: A clause that ends a line without a terminator goes on in the next line (a PDF or OCR line wrap).
_OPEN_END = re.compile(r"[^。;；!！?？:：]\s*$")
#: Colloquial timing that is never a computable window (货到了买方有空的时候验货).
COLLOQUIAL_VAGUE: tuple[str, ...] = (
    "有空的时候", "有空时", "有空再", "得空", "方便的时候", "方便时", "有时间的时候", "过段时间", "过几天",
    "回头", "改天", "看情况", "抓紧时间", "抓紧", "赶紧", "赶快", "早点", "尽量早", "及早", "适时",
    # 在适当时间内 / 收货后一段时间内 / 若干日内: a time with no number
    "适当时间", "适当的时间", "适当期限", "一段时间", "若干日", "若干天", "若干个工作日", "近期",
)  # fmt: skip


#: What a deemed consent may be of besides the goods: an order, an offer, a change, a statement (逾期未回传
#: 亦未提出异议的，视为乙方接受该订单 / 视为同意调价 / 视为确认对账单): the formation or the accounts, not
#: acceptance.
_OFFER_OBJECT = re.compile(
    r"\s*(?:了)?\s*(?:该|本|此|这个|这份|那个|上述|前述|相关|对方|甲方|乙方|买方|卖方|需方|供方)?(?:的)?\s*"
    r"(?:采购)?(?:订单|订货单|要货单|报价|要约|变更|调价|价格调整|对账单|对账结果|结算单|合同条款|条款|排产计划|交货计划|方案)"
    r"(?!项下|所列|中的|内的|的货|货物|产品)"
)


#: A conformity verb right before the order (视为该批货物符合订单 / 与订单相符): the order is the measure the
#: goods are held to, so the goods are deemed accepted — no consent to the order.
_CONFORMS_TO = re.compile(r"(?:符合|相符于?|一致于?|吻合|合乎|满足)\s*$")


#: The accounts as what is deemed agreed (视为双方对账结果相符 / 视为确认结算金额): no goods are accepted.
_ACCOUNTS = re.compile(r"对账|结算|账目|账款|余额|发票|开票")


def _of_offer(clause: str, at: int) -> bool:
    """Whether the consent ending at ``at`` is to an order, offer, change or statement (视为接受该订单), not
    the goods' conformity to one (视为货物符合订单)."""
    if _CONFORMS_TO.search(clause, max(0, at - 4), at):
        return False
    return _OFFER_OBJECT.match(clause, at) is not None


def deemed_in(clause: str, context: str = "") -> tuple[str, tuple[int, int]] | None:
    """The deemed-acceptance rule of one clause (视为验收合格, 即按合格接收, 逾期未提出异议的，即确认…无误)
    as ``(text, span)``, or None. ``context`` is the text just before the clause (its sentence and the one
    before): a weak target (就算收了, 视为同意) is acceptance when the clause or its context is about
    inspection (货到了三天内验货…；三天不说的就算收了)."""
    about = _DEEMED_CONTEXT.search(clause) is not None
    if _DEEMED_GATE(clause):
        for m in _DEEMED.finditer(clause):
            if m.group().startswith("日") and not _LAPSE.search(clause, 0, m.start() + 1):
                continue  # 买方签发验收证书之日为验收之日: the buyer's own act dates the acceptance
            if _of_offer(clause, m.end()) or _ACCOUNTS.search(m.group()):
                continue  # 视为乙方接受该订单 / 视为对账结果相符: the order is formed, the accounts agreed
            if not about and context:  # looked at only when the clause holds a candidate
                about = _DEEMED_CONTEXT.search(context) is not None
                context = ""
            if _STRONG_TARGET.search(m.group()) or about:
                return m.group(), m.span()
    if not about and context and _SILENCE_HINT(clause):
        about = _DEEMED_CONTEXT.search(context) is not None
    if about:
        for m in _SILENCE.finditer(clause):
            then = m.group("then")
            t = _SILENCE_THEN.search(then)
            if t is not None and _of_offer(then, t.end()):
                continue  # 未回传的，视为接受订单: an order formed by silence
            if _RELEASE.search(then) or (t is not None and not _REFUSAL.search(then)):
                return m.group(), m.span()
    return None


# -- the extractor -------------------------------------------------------------------------------------------


def _where(i: int, s: int, a: int, b: int) -> Where:
    return Where(i, (max(0, s + a), max(0, s + b)))


def _windows_of(i: int, s: int, clause: str, has_act: re.Match[str] | None) -> list[Window]:
    latent = _LATENT.search(clause) is not None
    appearance = not latent and _APPEARANCE.search(clause) is not None
    refers = _REFERS_BACK.search(clause) is not None
    vague = vague_word(clause)
    immediate = _IMMEDIATE.search(clause) is not None or _AT_EVENT.search(clause) is not None
    after = _START_AFTER.search(clause)
    out: list[Window] = []
    durations = find_durations(clause)
    previous: tuple[int, int] | None = None  # the start of the clause's previous window
    for d, act, kind, span, named in _length_windows(clause):
        st = start_before(clause, d.span[0])
        if st is None and after is not None:
            st = after.span()
        if st is None and previous is not None:  # 到厂后，4小时内完成计量，并在24小时内取样化验: one start
            st = previous
        if st is None:  # 货到了当天点数，三天内看…: an earlier arrival, with no other length between
            ev = next(iter(_START_EVENT.finditer(clause, 0, d.span[0])), None)
            if ev is not None and not any(o.span[0] < d.span[0] and o.span[0] > ev.end() for o in durations):
                st = ev.span()
        if st is None:  # 买方发现质量问题应在7日内书面通知卖方: the discovery starts the notice period
            found = list(_DISCOVERY.finditer(clause, 0, d.span[0]))
            failure = _IN_WARRANTY_FAILURE.search(clause, 0, d.span[0]) if "期" in clause else None
            if found:
                st = found[-1].span()
            elif failure is not None:
                st = failure.span()
        if st is None:  # 每批货物到库，需方当日过磅，并于三日内抽样送检: the handover opens the sentence
            ho = list(_HANDOVER_AT.finditer(clause, 0, d.span[0]))
            if ho:
                st = ho[-1].span()
        if st is None and (far := _START_ELSEWHERE.search(clause)) is not None:
            st = far.span()  # 甲方应在7日内完成验收，起算时间见附件二: the start is the annex's
        previous = st or previous
        # 在上述三个工作日内 / 该期限: the length is quoted from the window defined elsewhere
        quoted = _QUOTED_LENGTH.search(clause, max(0, d.span[0] - 8), d.span[0]) is not None
        out.append(
            Window(
                where=_where(i, s, 0, len(clause)),
                kind=kind,
                act=act,
                act_where=_where(i, s, *span) if span else None,
                length=Length(d.value, d.unit, _where(i, s, *d.span)),
                start=_where(i, s, *st) if st else None,
                vague=None,
                immediate=immediate,
                refers_back=quoted,
                blank=False,
                latent=latent,
                appearance=appearance,
                named=named or _WINDOW_LABEL.search(clause) is not None,
            )
        )
    if out:
        return out
    blank = _BLANK_WINDOW.search(clause)
    if vague is None:
        vague = discretion_in(clause)
    m = has_act or _WINDOW_LABEL.search(clause)
    if m is None and (refers or blank is not None):
        m = next((v for v in _VERB.finditer(clause) if v.lastgroup == "inspect" or "异议" in v.group()), None)
    if m is None and (at := _IMMEDIATE.search(clause)) is not None:
        # 貨物送達時當場點收: an inspection at the handover in another verb, right after 当场 (not 验收当日
        # 起算, acceptance as the day a warranty runs from)
        v = _VERB.search(clause, at.end(), at.end() + 8)
        m = v if v is not None and v.lastgroup == "inspect" else None
    warranty = _PERIOD_WORD.search(clause) is not None  # 质保期内发现质量问题的，应及时通知: a warranty claim
    if m is None and vague is not None and not warranty:  # 应在合理期限内会同乙方开箱清点: it bounds the act
        v = _VERB.search(clause, vague[1] + len(vague[0]))
        if v is not None and (
            v.lastgroup == "inspect" or (v.lastgroup == "object" and _QUALITY_CONTEXT.search(clause))
        ):
            m = v
    if m is None:
        return out
    # a start that a (remedy) deadline follows belongs to that deadline: 接到通知之日起十日内更换
    ev = next((e for e in _START_EVENT.finditer(clause) if not _DURATION_NEXT.match(clause, e.end())), None)
    ev = ev or after
    out.append(
        Window(
            where=_where(i, s, 0, len(clause)),
            kind="objection" if m.lastgroup == "object" else "inspection",
            act=m.group(),
            act_where=_where(i, s, *m.span()),
            length=None,
            start=_where(i, s, *ev.span()) if ev else None,
            vague=vague[0] if vague else None,
            immediate=immediate,
            refers_back=refers,
            blank=blank is not None,
            latent=latent,
            appearance=appearance,
            named=_WINDOW_LABEL.search(clause) is not None,
            dated=_DATED.search(clause) is not None,
        )
    )
    return out


def _lengths_after(clause: str, at: int) -> list[Duration]:
    """The lengths within 30 characters after ``at`` (offsets from ``at``), response times left out."""
    return [
        d
        for d in find_durations(clause[at:])
        if d.span[0] <= 30 and not (months_of(d) < 1 and _RESPONSE.match(clause, at + d.span[1]))
    ]


#: Where the text between two lengths splits into the part of each: a comma or semicolon, else a joining word
#: after a bracketed scope (60日（数量、外观）及12个月（内在质量）).
_PART_BREAK = re.compile(r"[,，;；]|(?<=[)）])\s*(?:及|和|以及|或|、)")


def _part_scopes(clause: str, spans: list[tuple[int, int]]) -> list[tuple[bool, bool]]:
    """(latent, appearance) of each length at ``spans`` (sorted, clause offsets), read from the length's own
    part of the clause: from the break after the previous length to the break after this one
    (买方应在到港后45日内就数量及外观不符提出索赔，在到港后12个月内就内在质量问题提出索赔: the 45 days are
    for quantity and appearance, the 12 months for hidden defects)."""
    cuts = [0]
    for (_a, b), (c, _d) in itertools.pairwise(spans):
        m = _PART_BREAK.search(clause, b, c)
        cuts.append(m.start() if m is not None else b)
    cuts.append(len(clause))
    out = []
    for k in range(len(spans)):
        part = clause[cuts[k] : cuts[k + 1]]
        appearance = _APPEARANCE.search(part) is not None
        # 12个月内可就电池及电路质量提出索赔: quality named apart from quantity and appearance is the rest
        quality = not appearance and _QUALITY_WORD.search(part) is not None
        latent = quality or _LATENT.search(part) is not None
        out.append((latent, not latent and appearance))
    return out


_QUALITY_WORD = re.compile(r"质量|品质|性能|功能")


def _split_scope(clause: str) -> bool:
    """The clause names both quantity/appearance defects and quality ones: each length may be for one kind."""
    return _APPEARANCE.search(clause) is not None and (
        _LATENT.search(clause) is not None or _QUALITY_WORD.search(clause) is not None
    )


def _split_periods(
    i: int, s: int, clause: str, word: str, kind: PeriodKind, base: int, durs: list[Duration], where: Where
) -> list[Period]:
    """One period per length after a period word whose lengths are for different kinds of defect (索赔期为货到
    后60日（数量、外观）及12个月（内在质量）), or [] when the clause does not split them."""
    if len(durs) < 2 or not _split_scope(clause):
        return []
    spans = [(base + d.span[0], base + d.span[1]) for d in durs]
    scopes = _part_scopes(clause, spans)
    if not (any(app for _lat, app in scopes) and any(lat for lat, _app in scopes)):
        return []
    return [
        Period(kind, word, Length(d.value, d.unit, _where(i, s, a, b)), months_of(d), app, where)
        for d, (a, b), (_lat, app) in zip(durs, spans, scopes, strict=True)
    ]


def _periods_of(i: int, s: int, clause: str, windows: list[Window]) -> list[Period]:
    out: list[Period] = []
    latent = _LATENT.search(clause) is not None
    appearance = not latent and _APPEARANCE.search(clause) is not None
    # a wear part's period first (易损件保修三个月，整机保修一年): read on for the machine's, its part
    # named after the wear part's length
    prev = 0
    for d in find_durations(clause) if "(" in clause or "（" in clause else ():
        defined = _DEFINED_AFTER.match(clause, d.span[1])
        if defined is None or (defined.group("word") == "索赔期" and not _CLAIM_OF_QUALITY.search(clause)):
            continue
        # 自验收之日起六(6)个月（“质保期”）内: the period defined by its length (the word in the brackets is
        # read no further)
        word = defined.group("word")
        kind_d: PeriodKind = "objection" if "异议" in word or "索赔" in word else "warranty"
        wear = _WEAR.search(clause, prev, d.span[0]) is not None
        part = wear or _COMPONENT.search(clause, prev, d.span[0]) is not None
        length = Length(d.value, d.unit, _where(i, s, *d.span))
        out.append(
            Period(kind_d, word, length, months_of(d), appearance, out_where(i, s, clause), part, wear)
        )
        prev = defined.end()
        if not wear:
            return out
    for kw in _PERIOD_WORD.finditer(clause):
        if kw.start() < prev or _NOT_LENGTH.match(clause, kw.end()) or not _period_word_holds(clause, kw):
            continue
        base = kw.end()
        remark = _REMARK_AFTER.match(clause, base)
        durs = _lengths_after(clause, remark.end()) if remark is not None else []
        if durs:
            base = remark.end()  # 质量保证期（本项替代通用条款关于12个月…的约定）：…6个月: after the remark
        else:
            durs = _lengths_after(clause, base)
        if durs:
            d = durs[0]
            a, b = base + d.span[0], base + d.span[1]
            kind: PeriodKind = "objection" if "异议" in kw.group() or "索赔" in kw.group() else "warranty"
            length = Length(d.value, d.unit, _where(i, s, a, b))
            part = _COMPONENT.search(clause, prev, kw.start()) is not None
            wear = _WEAR.search(clause, prev, kw.start()) is not None
            where = _where(i, s, 0, len(clause))
            split = _split_periods(i, s, clause, kw.group(), kind, base, durs, where)
            if split:
                out.extend(split)  # 索赔期为到港后60日（数量、外观）及12个月（内在质量）: a period per kind
                break
            out.append(
                Period(
                    kind,
                    kw.group(),
                    length,
                    months_of(d),
                    appearance,
                    where,
                    component=part or wear,
                    wear=wear,
                )
            )
            if not wear:
                break
            prev = b
    if not out or all(p.wear for p in out):
        for d in find_durations(clause):
            if d.span[0] < prev or any(p.length.where.span[0] - s == d.span[0] for p in out):
                continue
            m = _WARRANTY_VERB.search(clause, max(0, d.span[0] - 28), d.span[0])
            if m is None:
                m = _WARRANTY_AFTER.match(clause, d.span[1])
            if m is None and months_of(d) >= 1 and not _remedy_deadline(clause, d):
                m = _FREE_REPAIR.match(
                    clause, d.span[1]
                )  # 一年内免费修 / 三个月内包换: a free repair for months
            if m is None and not _remedy_deadline(clause, d):
                m = _SURVIVAL.match(clause, d.span[1])  # 定植后15天内死苗的，卖方补苗: a survival guarantee
            if m is not None:
                length = Length(d.value, d.unit, _where(i, s, *d.span))
                # 喷头属易损部件，保修6个月 / 其中电池保修一年: a part's own warranty, named before it
                wear = _WEAR.search(clause, prev, d.span[0]) is not None
                part = wear or _COMPONENT.search(clause, prev, d.span[0]) is not None
                where = out_where(i, s, clause)
                word = "保活" if m.re is _SURVIVAL else m.group().strip()
                out.append(
                    Period("warranty", word, length, months_of(d), False, where, component=part, wear=wear)
                )
                if not wear:
                    break
                prev = d.span[1]
    if not out and not _DEEMED.search(clause):  # a window that ends in deemed acceptance is the inspection's
        # (质量异议：…自签收之日起不超过24个月，经检测不符合执行标准的，买家可提出质量异议: an outer limit of
        # a quality objection in any clause that grants one)
        objects = _HIDDEN.search(clause) or _QUALITY_OBJECTION.search(clause)
        outer = _outer_limit(clause) if objects else None
        if outer is not None:
            # 对隐蔽缺陷，买方应于发现后十五日内书面通知，但最迟不得超过到货后十八个月: the outer limit is the
            # objection period, the days after discovery only the notice
            length = Length(outer.value, outer.unit, _where(i, s, *outer.span))
            out.append(Period("latent", "异议", length, months_of(outer), False, out_where(i, s, clause)))
            return out
        # 到港后45日内就数量及外观提出索赔，在到港后12个月内就内在质量问题提出索赔: each length its own part's
        lengths = sorted(
            {w.length.where.span for w in windows if w.length is not None and w.length.where.block == i}
        )
        scoped = len(lengths) > 1 and _split_scope(clause)
        parts = (
            dict(zip(lengths, _part_scopes(clause, [(a - s, b - s) for a, b in lengths]), strict=True))
            if scoped
            else {}
        )
        for w in windows:
            if w.kind != "objection" or w.length is None:
                continue
            # (the window of quantity and appearance defects in its own part of the clause)
            if parts[w.length.where.span][1] if w.length.where.span in parts else w.appearance:
                continue
            months = months_of(w.length)
            if months < 1 and w.start is not None and _after_discovery(clause, s, w.start):
                continue  # 发现隐蔽缺陷后十五日内书面通知: a notice after discovery, no objection period
            if _HIDDEN.search(clause) or months >= 1:
                # 28天强度报告不合格的，甲方仍可在交付后35日内提出异议: one test's result, a scope as
                # narrow as appearance (no general quality-objection period)
                scoped = _TEST_RESULT.search(clause) is not None
                out.append(Period("latent", w.act, w.length, months, scoped, w.where))
                break
    return out


#: A quality objection granted in its own words (提出质量异议 / 就质量提出异议 / 品质索赔).
_QUALITY_OBJECTION = re.compile(
    r"(?:质量|品质)[^,，。;；]{0,6}?(?:异议|索赔)|提出[^,，。;；]{0,4}?(?:质量|品质)异议"
)
#: An outer limit before a length (但最迟不得超过到货后十八个月 / 最长不超过收货之日起两年).
_OUTER_BEFORE = re.compile(
    r"(?:最迟|最长|最晚|但)?\s*(?:不得|不应|不能|不)超过[^,，。;；]{0,12}?$|(?:最迟|最长|最晚)[^,，。;；]{0,12}?$"
)


def _outer_limit(clause: str) -> Duration | None:
    """The outer limit of a hidden-defect objection, a month or more (最迟不得超过到货后十八个月), or None."""
    if "超过" not in clause and "最" not in clause:
        return None
    for d in find_durations(clause):
        if months_of(d) >= 1 and _OUTER_BEFORE.search(clause, max(0, d.span[0] - 16), d.span[0]):
            return d
    return None


def _after_discovery(clause: str, s: int, start: Where) -> bool:
    """Whether a window's start (in block offsets; the clause at ``s``) is a discovery (发现质量问题后)."""
    return "发现" in clause[max(0, start.span[0] - s) : max(0, start.span[1] - s)]


#: What a remedy deadline runs from: a defect found or notified (发现缺陷的， / 收到通知后).
_DEFECT_OR_NOTICE = re.compile(r"发现|缺陷|瑕疵|故障|质量问题|不合格|损坏|毛病|通知|接到|报修|要求")
#: A length that runs from the handover of the goods (收货后 / 验收合格之日起): a warranty, not a deadline.
_RECEIPT_START = re.compile(
    r"(?:到货|收货|交付|交货|验收|安装|调试|签收|投入使用)[^,，。;；]{0,6}?(?:后|之日起|日起|起)"
)
#: A start that is a notice or a request (收到通知后 / 接到报修之日起): the length is a response deadline.
_NOTICE_START = re.compile(r"通知|报修|要求|申请|告知|反映|投诉")
#: A deadline the seller must act within: 应在 / 应于 / 须在 right before the length.
_MUST_WITHIN = re.compile(r"(?:应|须|必须|应当|需|将|负责)\s*(?:在|于)\s*$")


def _remedy_deadline(clause: str, d: Duration) -> bool:
    """The length is the seller's deadline to remedy a defect already found (发现缺陷的，卖方应在一个月内免费
    更换 / 收到通知后1个月内予以更换), not a warranty for defects that occur within it (一年内出现故障的，
    卖方免费维修 / 甲方一年内都可以找乙方，乙方负责退换)."""
    a = d.span[0]
    if verb_after(clause, d.span[1]) != "remedy":
        return False
    st = start_before(clause, a)
    if st is not None and _NOTICE_START.search(clause, st[0], st[1]):
        return True  # 收到通知后1个月内予以更换 / 接到报修后一个月内修复
    if not _MUST_WITHIN.search(clause, max(0, a - 6), a) or _RECEIPT_START.search(clause, max(0, a - 16), a):
        return False  # 应在收货后一年内负责更换: the length runs from receipt, a warranty
    return _DEFECT_OR_NOTICE.search(clause, 0, a) is not None


#: A claim period (索赔期) is a quality-objection period only in a clause about quality.
_CLAIM_OF_QUALITY = re.compile(r"质量|品质|瑕疵|缺陷|性能|不合格|不符")


def _period_word_holds(clause: str, kw: re.Match[str]) -> bool:
    """Whether the period word ``kw`` names a warranty or objection period (索赔期 only about quality, not
    a claim for transit damage or a penalty)."""
    return kw.group() != "索赔期" or _CLAIM_OF_QUALITY.search(clause) is not None


def out_where(i: int, s: int, clause: str) -> Where:
    """The Where of a whole clause starting at ``s`` in block ``i``."""
    return _where(i, s, 0, len(clause))


#: A key-terms label cell names a window or a period and nothing else.
_LABEL_CELL = re.compile(
    rf"^\s*(?:\d+\s*)?(?:{_WINDOW_LABEL.pattern}|{'|'.join(PERIOD_WORDS)}|保修|质保)(?:限)?\s*[:：]?\s*$"
)
_LABEL_WORDS = ("验收", "检验", "验货", "查验", "质保", "保修", "异议", "保证期", "维保", "保固", "三包")
register(_LABEL_WORDS)


def _labelled_cells(doc: Document) -> list[tuple[int, str, str]]:
    """(value cell index, label, value) for each table row whose label cell names a window or period."""
    out = []
    blocks = doc.blocks
    for i in blocks_naming_any(doc, _LABEL_WORDS):
        b = blocks[i]
        if b.kind != "cell" or i + 1 >= len(blocks) or not _LABEL_CELL.match(b.norm):
            continue
        nxt = blocks[i + 1]
        same_row = nxt.location.table == b.location.table and nxt.location.row == b.location.row
        if nxt.kind == "cell" and same_row:
            out.append((i + 1, b.norm.strip().rstrip(":："), nxt.norm))
    return out


def _inherit(w: Window, started: list[Window]) -> Window:
    """A length without a start takes the start of an earlier window of the same length in the same block
    (农机交付之日起3日内…；3日内甲方未提出书面异议的)."""
    if w.start is not None or w.length is None:
        return w
    for prev in reversed(started):
        assert prev.length is not None
        if (prev.length.value, prev.length.unit) == (w.length.value, w.length.unit):
            return dataclasses.replace(w, start=prev.start)
    return w


#: An act already done (乙方对旧车已逐台查验): a statement of fact, not a provision for acceptance.
_DONE = re.compile(r"(?:已|已经|业已)[^,，。;；]{0,16}$")
#: Designations that name the seller by themselves, for a text whose party roles are not stated.
_SELLER_WORDS = ("卖方", "供方", "出卖人", "供应商", "供货方", "销售方", "出售方", "卖家", "出让方", "转让方")
_JOINT = re.compile(r"双方|共同|会同|联合|一起|陪同|见证")


_PARTY = (
    r"甲方|乙方|丙方|买方|卖方|需方|供方|出卖人|买受人|采购人|供应商|供货方|采购方|收购方|出售方|销售方|定作人|"
    r"承揽人|我方|贵方|客户|卖家|买家"
)
#: A party named as the one who acts: followed by a modal or a preposition that opens its act.
_ACTOR = re.compile(
    rf"(?P<who>{_PARTY})\s*(?=应当|应|须|必须|可以|可|有权|负责|在|于|对|将|自行|组织|会同|按|凭|已|再|即|收到|接到)"
)


def _others_act(clause: str, at: int, sellers: tuple[str, ...]) -> tuple[bool, bool]:
    """Whether the act at ``at`` is no buyer's acceptance — ``(other, done)``: already done (乙方对旧车已逐台
    查验: a statement of fact), or the seller's own (乙方应在发货前进行出厂检验) with no joint inspection."""
    head = clause[:at]
    if _DONE.search(head):
        return True, True
    if not sellers or _JOINT.search(clause):
        return False, False
    actors = [m.group("who") for m in _ACTOR.finditer(head)]
    return bool(actors) and actors[-1] in sellers, False


#: The goods handed over, as the sentence before a window states it (货到当天两边一起试机。/ 东西送到后先
#: 点数。): a handover only — a signing, a notice or a use before the window starts another period.
_HANDOVER_START = re.compile(
    r"(?:到货|货到|收到货|收货|送到|运到|拉到|送达|运抵|抵达|到达|到库|到厂|到场|签收|交付|交货|卸货|卸车|卸完车?|卸完货)"
    r"了?[^,，。;；]{0,8}?(?:之日起|之日后|日起|之后|以后|后(?!果|续)|起(?!诉)|当天|当日|那天|时(?!间|限|效))"
    r"|(?:货|东西|设备|机器|产品|货物|材料)[^,，。;；]{0,6}?(?:到了|一到)"
)


def _from_sentence(w: Window, text: str, s: int) -> Window:
    """A length without a start takes the start event of an earlier clause of the same sentence
    (货物运抵后，甲方应清点件数；并在3日内完成验收), or else the handover of the sentence before it in the
    same block (货到当天两边一起开机试机。…2天内没提出来的，就算验过了)."""
    if w.start is not None or w.length is None or s == 0:
        return w
    head = max(text.rfind("。", 0, s), text.rfind("\n", 0, s)) + 1
    events = list(_START_EVENT.finditer(text, head, s))
    if not events and head > 0 and text[head - 1] == "。":
        before = max(text.rfind("。", 0, head - 1), text.rfind("\n", 0, head - 1)) + 1
        events = list(_HANDOVER_START.finditer(text, before, head))
    if not events:
        return w
    own = (w.length.value, w.length.unit)
    if w.kind == "objection" and any(
        (d.value, d.unit) != own for d in find_durations(text[events[-1].end() : s])
    ):
        # 调试完成后，双方在10个工作日内进行性能验收；买方在5个工作日内未提出书面异议的: the start is the
        # inspection's; the objection may run from it or from the inspection's end — it states none (货到后
        # 2天内测一遍。2天内没说有问题的: the same length is the same window)
        return w
    return dataclasses.replace(w, start=Where(w.where.block, events[-1].span()))


def _wrapped(doc: Document, i: int, s: int, clause: str) -> str:
    """``clause`` read on into the next line when a PDF or OCR line wrap cuts it (…完成质量验 | 收，…): the
    head of the next line up to its first punctuation is appended."""
    blocks = doc.blocks
    block = blocks[i]
    if (
        block.kind not in ("line", "heading")
        or block.location.page is None  # a text file's line ends where it was typed
        or i + 1 >= len(blocks)
        or blocks[i + 1].kind not in ("line", "heading")
        or s + len(clause) < len(block.norm.rstrip())
        or not _OPEN_END.search(clause)
    ):
        return clause
    head = _NEXT_HEAD.match(blocks[i + 1].norm)
    return clause + head.group() if head else clause


_NEXT_HEAD = re.compile(r"[^,，。;；:：\s][^,，。;；:：]{0,15}")


def _clip(w: Where | None, end: int) -> Where | None:
    """``w`` ending at ``end`` at most (a span read on into the next line stays in its own block)."""
    if w is None or w.span[1] <= end:
        return w
    return Where(w.block, (min(w.span[0], end), end))


def _clipped(w: Window, end: int) -> Window:
    """The window with every location clipped to ``end`` of its block."""
    length = w.length
    if length is not None and length.where.span[1] > end:
        clipped = _clip(length.where, end)
        assert clipped is not None
        length = dataclasses.replace(length, where=clipped)
    where = _clip(w.where, end)
    assert where is not None
    return dataclasses.replace(
        w, where=where, act_where=_clip(w.act_where, end), start=_clip(w.start, end), length=length
    )


def _deemed_wrapped(doc: Document, i: int, s: int, clause: str) -> tuple[str, tuple[int, int]] | None:
    """A deemed rule cut by a line wrap (…未提出书面异议的，视 | 为验收合格。): the block's last clause read
    on into the next line; the span is clipped to this block."""
    blocks = doc.blocks
    block = blocks[i]
    if (
        block.kind not in ("line", "heading")
        or block.location.page is None  # a text file's line ends where it was typed
        or i + 1 >= len(blocks)
        or blocks[i + 1].kind not in ("line", "heading")
    ):
        return None
    if s + len(clause) < len(block.norm.rstrip()) or not _OPEN_END.search(clause):
        return None
    found = deemed_in(clause + blocks[i + 1].norm[:40])
    if found is None or found[1][0] >= len(clause):
        return None
    text, (a, b) = found
    return text, (a, min(b, len(clause)))


def _context_before(text: str, s: int, section: str | None) -> str:
    """What a clause at ``s`` follows: its sentence's head and the sentence before (at most 120 characters),
    with the title of its section (五、验车)."""
    if s == 0:
        return section or ""
    end = text.rfind("。", 0, s)
    start = text.rfind("。", 0, end) + 1 if end > 0 else 0
    return (section or "") + text[max(start, s - 120) : s]


#: A defined term that names a span of time (“抽检期”, “试磨期”, “保质期”): its definition may give
#: the length a clause uses by the name (甲方在“抽检期”内抽检).
_SPAN_TERM = re.compile(r"[\u4e00-\u9fff]{1,6}(?:期|期限|期间)$")


def _defined_spans(contract: Contract) -> dict[str, tuple[Length, Where | None]]:
    """The defined terms that name a span of time with the length their definition gives (“抽检期”：指自送达日
    起3个工作日 → 3 working days from the day of arrival), and the start of that length when it has one."""
    doc = contract.doc
    out: dict[str, tuple[Length, Where | None]] = {}
    for e in contract.structure.definition_entries:
        term = e.term.strip()
        if term in out or not _SPAN_TERM.search(term):
            continue
        body = doc.blocks[e.body.block].norm[e.body.span[0] : e.body.span[1]]
        durs = find_durations(body)
        if not durs:
            continue
        d = durs[0]
        i, base = e.body.block, e.body.span[0]
        st = start_before(body, d.span[0])
        if st is None:  # 指自交付日起（含当日）的7个工作日 / 指设备通水运行之日起连续30日: a word between
            m = next(iter(_DEFINED_START.finditer(body, 0, d.span[0])), None)
            st = m.span() if m is not None else None
        if st is None:
            continue  # a length with no start the definition states: the clause is read as it stands
        start = Where(i, (base + st[0], base + st[1]))
        out[term] = (Length(d.value, d.unit, Where(i, (base + d.span[0], base + d.span[1]))), start)
    return out


#: The start a definition gives its span, words perhaps between it and the length (自交付日起（含当日）的…).
_DEFINED_START = re.compile(r"(?:自|从|于)[^，,。；;]{1,24}?(?:起|开始|以后|之后|后)")


def _by_defined_span(clause: str, spans: dict[str, tuple[Length, Where | None]]) -> str | None:
    """The defined span term a clause bounds its act by (在“抽检期”内 / “试磨期”届满前), or None."""
    found = _defined_span_at(clause, spans)
    return found[0] if found is not None else None


def _defined_span_at(clause: str, spans: dict[str, tuple[Length, Where | None]]) -> tuple[str, int] | None:
    """The defined span term a clause bounds its act by and the offset right after it, or None."""
    for term in spans:
        at = clause.find(term)
        while at >= 0:
            m = _IN_SPAN.match(clause, at + len(term))
            if m:
                return term, m.end()
            at = clause.find(term, at + 1)
    return None


#: Inside a span named before (“抽检期”内 / 期间 / 届满前 / 届满之前).
_IN_SPAN = re.compile(r"\s*[”\"」』]?\s*(?:以内|之内|内|期间|期内|届满(?:之)?前|结束(?:之)?前)")


def _resolve_defined(
    contract: Contract, windows: list[Window], periods: list[Period]
) -> tuple[list[Window], list[Period]]:
    """Windows and periods stated by a defined term's name (甲方在“抽检期”内抽检 / “保质期”内出现质量问题的，
    甲方可书面提出), the length read from the term's definition (translated and long forms define the
    periods in a definitions section)."""
    spans = _defined_spans(contract) if contract.structure.definition_entries else {}
    if not spans:
        return windows, periods
    doc = contract.doc
    out = []
    for w in windows:
        if w.length is None and not w.immediate and not w.dated and not w.blank:
            clause = doc.blocks[w.where.block].norm[w.where.span[0] : w.where.span[1]]
            term = _by_defined_span(clause, spans)
            if term is not None:
                length, start = spans[term]
                w = dataclasses.replace(
                    w, length=length, start=w.start or start, named=True, refers_back=False
                )
        out.append(w)
    # 甲方在“抽检期”内按附表抽检 in a clause no window was read from (its act word only in the heading)
    have = {(w.where.block, w.where.span[0]) for w in out}
    for block, s, _e, clause in clauses_naming(doc, tuple(spans)):
        i = block.location.index
        if (i, s) in have or contract.structure.is_definition(i, (s, s + 1)):
            continue
        found = _defined_span_at(clause, spans)
        v = _VERB.search(clause, found[1], found[1] + 30) if found is not None else None
        if found is None or v is None or v.lastgroup != "inspect":
            continue
        length, start = spans[found[0]]
        out.append(
            Window(
                where=out_where(i, s, clause),
                kind="inspection",
                act=v.group(),
                act_where=_where(i, s, *v.span()),
                length=length,
                start=start,
                vague=None,
                immediate=False,
                refers_back=False,
                blank=False,
                latent=False,
                appearance=False,
                named=True,
            )
        )
    seen = {p.where.block for p in periods}
    more: list[Period] = []
    for block, s, _e, clause in clauses_naming(doc, ("期",)):
        i = block.location.index
        if i in seen or not (_LATENT.search(clause) or _HIDDEN.search(clause)):
            continue
        term = _by_defined_span(clause, spans)
        if term is None or contract.structure.is_definition(i, (s, s + 1)) or _DEEMED.search(clause):
            continue  # (验收期内未提出异议的，视为…合格: the inspection window's deemed rule)
        length, _start = spans[term]
        if months_of(length) < 1 or _ACTISH.search(term) or not _VERB.search(clause):
            continue  # “验收期”/“抽检期” name the inspection window, not a quality period
        more.append(Period("latent", term, length, months_of(length), False, out_where(i, s, clause)))
    return out, periods + more


def extract(contract: Contract) -> AcceptanceFacts:
    """The acceptance facts of the contract's document."""
    doc = contract.doc
    acts: list[Where] = []
    windows: list[Window] = []
    deemed: list[Deemed] = []
    periods: list[Period] = []
    costs: list[TestCost] = []
    by_reference: list[Where] = []
    named = False
    index = memo(doc, "acceptance.block-index", lambda: {id(b): i for i, b in enumerate(doc.blocks)})
    seller_names: list[tuple[str, ...]] = []

    def sellers() -> tuple[str, ...]:
        if not seller_names:
            seller_names.append(contract.structure.names_for("seller") or _SELLER_WORDS)
        return seller_names[0]

    current, title_len, section = -1, 0, None
    # windows with a start and a length, of the current block — or of the current section's earlier blocks
    # (1. 收到货3天内点数… / 2. 3天内没提出来的，就当验过了: the same length is the same window)
    started: list[Window] = []
    for block, s, _e, clause in clauses_naming(doc, GATE):
        i = index[id(block)]
        if i != current:
            same_section = block.section is not None and block.section == section
            current, title_len, section = i, -1, block.section
            if not same_section:
                started = []
        act = _act_in(clause)
        others, done = _others_act(clause, act.start(), sellers()) if act is not None else (False, False)
        # “验收”指买方按附件B进行的检验: a definition says what a word means, it provides for no act
        defined = act is not None and contract.structure.is_definition(i, (s + act.start(), s + act.end()))
        if act is not None and not others and not defined:
            acts.append(out_where(i, s, clause))
        # a heading (检验与验收) names the subject, it states no window
        ws: list[Window] = []
        if title_len < 0 and len(clause) <= 40:  # only a short clause can be a title
            title_len = 40 if block.kind == "heading" else 16 if heading_of(block.norm) is not None else 0
            if title_len and (_HEADING_THEN_TEXT.match(clause) or _CLAUSE_PUNCT.search(clause)):
                # 第三条验收：需方收货后五日内开箱抽检 / 第六条 甲方发现内在质量问题的，应在…内书面提出:
                # the heading goes on with its clause (a title holds no comma nor full stop)
                title_len = 0
        # 需方应自到货之日起五日内完成质量验 | 收: an act word cut by a page's line wrap
        wraps = "验" in clause or "检" in clause or "质量" in clause or "异议" in clause
        read = _wrapped(doc, i, s, clause) if wraps else clause
        if read is not clause and act is None:
            act = _act_in(read)
        if not done and len(clause) > title_len and (act is not None or _ACTISH.search(read)):
            ws = [_from_sentence(_inherit(w, started), block.norm, s) for w in _windows_of(i, s, read, act)]
            if read is not clause:
                ws = [_clipped(w, s + len(clause)) for w in ws]
            # “验收”指… defines a word; “验收期”指…十个工作日 / …所需的合理期间 defines the window itself
            in_entry = ws and (defined or contract.structure.is_definition(i, (s, s + 1)))
            if in_entry and not _DEFINES_WINDOW.search(read):
                ws = []
            started.extend(w for w in ws if w.start is not None and w.length is not None)
            windows.extend(ws)
        found = deemed_in(clause, _context_before(block.norm, s, block.section)) or _deemed_wrapped(
            doc, i, s, clause
        )
        if found is not None:
            deemed.append(Deemed(_where(i, s, *found[1]), found[0]))
        other = _XREF_OTHER.search(clause) is not None and contract.structure.kind == "order"
        if other or _BY_REFERENCE.search(clause):
            by_reference.append(out_where(i, s, clause))
        has_word = any(_period_word_holds(clause, kw) for kw in _PERIOD_WORD.finditer(clause))
        named = named or has_word
        if has_word or ws or _WARRANTY_GATE(clause):
            periods.extend(_periods_of(i, s, clause, ws))
        if "费" in clause:
            for m in _TEST_COST.finditer(clause):
                costs.append(TestCost(m.group("payer"), _where(i, s, *m.span())))
    for block, s, _e, clause in clauses_naming(doc, _RESIDUAL_WORDS):
        if _RESIDUAL_REFERENCE.search(clause):
            by_reference.append(out_where(index[id(block)], s, clause))
    # a key-terms table: the label in one cell (验收期限 / 质保期), the value in the next (到货后5个工作日内)
    # (a value cell read above for a window — 自验收之日起六(6)个月(见第7.1条) names 验收 — still gives its
    # label's period)
    seen = {w.where.block for w in windows} | {p.where.block for p in periods}
    seen_periods = {p.where.block for p in periods}
    for i, label, value in _labelled_cells(doc):
        if i in seen_periods or (i in seen and not _PERIOD_WORD.search(label)):
            continue
        for s, _e in clause_spans(value):
            if _PERIOD_WORD.search(value, s, _e) or ACT.search(value, s, _e):
                continue  # a clause that names its own period or act speaks for itself
            text = f"{label}：{value[s:_e]}"
            shift = s - len(label) - 1  # offsets in ``text`` map back into the value cell
            ws = _windows_of(i, shift, text, None) if _WINDOW_LABEL.search(label) and i not in seen else []
            windows.extend(dataclasses.replace(w, named=True) for w in ws if w.length is not None)
            if _PERIOD_WORD.search(label):
                periods.extend(_periods_of(i, shift, text, ws))
    windows, periods = _resolve_defined(contract, windows, periods)
    return AcceptanceFacts(
        acts=tuple(acts),
        windows=tuple(windows),
        deemed=tuple(deemed),
        periods=tuple(periods),
        period_named=named,
        test_costs=tuple(costs),
        by_reference=tuple(by_reference),
    )
