"""Penalty facts: every 违约金 / 滞纳金 / interest the contract imposes, with who pays, for which
breach, on what base, at what rate (each tier, and the annual figure), its cap; 定金 (and 订金 written for
it), forfeiture wording, 定金 and 违约金 applied together, and clauses that bar adjusting the penalty.

A penalty is one charge (违约金, 滞纳金, 利息, 资金占用费 …) for one breach in one clause: several rates
of the same charge there are its tiers (当年欠费部分每日2‰，跨年度部分每日3‰); different charges for the
same delay (违约金 and 滞纳金, 利息 on top of 违约金) add up in :attr:`PenaltyFacts.combined`. A cap
belongs to the penalty of its clause, or — written on its own (上述违约金累计不超过…) — to the penalties
it refers to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from contractkit.config import Settings
from contractkit.contract.model import Where
from contractkit.facts import Rate, find_amounts, find_percents, find_rates
from contractkit.facts.document import clauses_naming, has_blank, memo
from contractkit.facts.gates import blocks_naming_any, register
from contractkit.facts.rates import rate_fraction_spans
from contractkit.facts.sentences import clause_spans
from contractkit.facts.spans import contains_any
from contractkit.numerals import CN_NUM_CHARS, parse_cn_int

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.readers.model import Block, Document

Payer = Literal["buyer", "seller", "either", "unknown"]
Breach = Literal["late_payment", "late_delivery", "other"]
Kind = Literal["rate", "lpr", "lump_sum"]

#: The one-year LPR the annual figure of an LPR-based penalty is computed with: the configured default
#: (rules use the run's ``settings.lpr_1y``).
DEFAULT_LPR: Decimal = Settings().lpr_1y

CHARGE_WORDS: tuple[str, ...] = (
    "违约金", "滞纳金", "罚息", "罚金", "罚款", "资金占用费", "占用费", "赔偿金", "违约利息", "逾期利息",
    "迟延履行金", "利息",
)  # fmt: skip
_CHARGE = re.compile("|".join(CHARGE_WORDS))
#: A clause naming none of these holds no penalty (a cheap scan before the patterns).
_GATE: tuple[str, ...] = (
    "违约", "息", "金", "费", "逾期", "延", "拖欠", "LPR", "利率", "欠", "累计", "最高", "上限", "封顶",
    "为限", "超过", "最多", "至多", "顶多", "罚", "晚", "拖", "扣款", "扣减", "扣除", "赔", "误",
)  # fmt: skip
_CONTEXT = re.compile(
    rf"{_CHARGE.pattern}|利率|逾期|迟延|延迟|延期|违约|拖欠|欠款|欠费|欠交|超期|未按|不按|未能按|LPR|贷款市场报价利率"
    r"|晚交|晚付|晚送|晚给|晚还|迟给|晚到|晚一天|每晚|扣款|拖一天|每拖|延误|误期|赔偿|扣减"
)
#: Lateness of any act, counted (晚装好一天, 迟交货三日, 晚了一个月): not 不晚于, 最晚. Apart from
#: ``_CONTEXT`` (whose alternation of literals scans fast) and read only where 晚 or 迟 stands.
_COUNTED_LATE = re.compile(
    r"(?:晚|迟)(?<!不晚)(?<!最晚)(?<!不迟)(?<!最迟)(?!于)[\u4e00-\u9fff]{0,3}?(?:\d+|[一两二三四五六七八九十]+)\s*(?:个)?"
    r"(?:天|日|周|月)"
)


def _in_context(clause: str) -> bool:
    """The clause speaks of a breach or a charge (:data:`_CONTEXT`, or a counted lateness)."""
    return _CONTEXT.search(clause) is not None or (
        ("晚" in clause or "迟" in clause) and _COUNTED_LATE.search(clause) is not None
    )


_NOT_CHARGE_AFTER = r"(?!违约金|滞纳金|赔偿金|罚金|利息|资金占用费)"
_LATE_PAY_PATTERN = (
    r"(?:逾期|迟延|延迟|延期|拖延|超期|未按[^,，。;；]{0,8}?|不按[^,，。;；]{0,8}?|未能按[^,，。;；]{0,8}?"
    r"|不能按[^,，。;；]{0,8}?|未|没有|晚|迟)\s*(?:向[^,，。;；]{1,10}?)?"
    r"(?:付款|付清|还款|还清|偿还|结清|结算|交款|交费|付钱|给钱|打款|汇款|交付[^,，。;；]{0,3}?(?:费|款)"
    # the installment named after the verb: 不按时付尾款, 未付预付款, 晚付进度款
    r"|付(?:尾款|余款|首款|预付款|进度款|到货款|验收款|全款|余额|货款|价款)"
    rf"|(?:支付|交纳|缴纳|缴付){_NOT_CHARGE_AFTER})"
    r"|拖欠|欠付|欠交|欠缴|应付未付|未付款|未付金额|未交款|逾期未还|逾期款项|逾期金额|逾期应付"
    r"|(?:付款|付钱|给钱|打款|交钱|交款|还钱|回款|结款|货款)(?:付|给|打|交|还|结)?(?:晚了|迟了|拖了|延误|超期|逾期)"
    r"|晚给|迟给|晚还|晚付|迟付|晚交钱|晚交款"
    # 拖一天付款 / 拖三天给钱: a delay counted before the payment
    r"|拖(?:[一两二三四五六七八九十\d]{1,3}\s*(?:天|日))?(?:付款|付钱|给钱|交款|还款|打款)"
    r"|(?:没|没有|尚未|未)(?:按时|按期|及时|足额)?(?:(?:付|给)(?:清|够|齐)?(?:的)?(?:钱|款|金额|货款|款项|部分|费)|交(?:钱|款|费))"
    # words between: 未在约定期限内支付, 货款每延迟一天支付, 超过付款期限, 到期仍未支付
    r"|(?:未|没有|没|未能|不能)(?:在|于|依|依照|按照|按|如)[^,，。;；]{0,14}?"
    rf"(?:付款|付清|结清|交款|(?:支付|缴纳){_NOT_CHARGE_AFTER})"
    r"|(?:货款|价款|款项|付款)(?:期|期限|时间)?(?:每)?(?:延迟|迟延|逾期|延误|拖延|超期|推迟)"
    r"|超过(?:约定的?)?(?:付款|支付|结算)(?:期限|时间|日期)|(?:到期|届满)(?:后)?仍?未(?:付|支付|结清)"
)
#: Led by a lookahead of its first characters (the same matches, found far faster: see the tests).
_LATE_PAY = re.compile(f"(?=[不交付价到回尚届应延打拖晚未欠款没结给货超还迟逾])(?:{_LATE_PAY_PATTERN})")
_LATE_DELIVERY_PATTERN = (
    r"(?:逾期|迟延|延迟|延期|拖延|超期|未按[^,，。;；]{0,8}?|不能按[^,，。;；]{0,8}?|未能按[^,，。;；]{0,8}?|不能|未|晚|迟)"
    r"\s*(?:交货|交付(?![^,，。;；]{0,3}?(?:费|款))|发货|供货|到货|送货|提供服务|完成安装|完成|履行交付|到场|供应"
    r"|送达|交售|交运|发运|装运|起运|出货|运抵|运到|送到|送至|交齐|供齐|进场|入场|进厂|到厂|到站|到港|交割|竣工|完工"
    r"|安装|调试|上线|投产|提交(?:货物|产品|设备|成果)"
    # shipment as the delivery (FOB/CIF: 卖方未按期装船的, 迟延装柜)
    r"|装船|装柜|交船"
    # colloquial: 晚装好一天, 迟装完, 晚送来, 晚拉到, 晚交车
    r"|装好|装完|装上|送来|送过来|拉来|拉到|运来|交车)"
    r"|迟交|延误交期|交期延误|未交货|不交货|晚交(?!钱|款|费)|晚送|迟送|拖[^,，。;；]{0,4}?送货|中断供应|停止供应"
    # the seller not letting the buyer take the goods it is to collect (过了11月25日还没让拉机器, 不给提货)
    r"|(?:没|没有|不|未)(?:让|给|准|允许)[^,，。;；]{0,4}?(?:拉走|拉货|拉机器|拉设备|拉|提货|提走|取货|运走)"
    # 迟到 / 晚到 of the goods; 最晚到, 最迟到 are a deadline (最晚到2027年3月31日)
    r"|(?:未|少|短)交(?:部分|货物|数量|的?(?:货|产品|设备|稻谷|粮食))|交售数量不足|交货数量不足|短交|少交"
    r"|(?<![最不])迟到|(?<![最不])晚到"
    r"|(?:交货|送货|到货|发货|供货|货)(?:送|到|发|交)?(?:晚了|迟了|拖了|延误|超期|误期)"
    # words between: 未能在约定期限内交付, 交货期每延误一天, 超过交货期限, 到期仍未交货
    r"|(?:未|没有|没|未能|不能)(?:在|于|依|依照|按照|按|如)[^,，。;；]{0,14}?"
    r"(?:交货|交付(?![^,，。;；]{0,3}?(?:费|款))|发货|供货|到货|送货|送达|交售|运抵|运到|送到|进场|完成安装|装船|装运)"
    r"|(?:交货|交付|发货|供货|到货|送货|交售|装船)(?:期|期限|时间|日期)?(?:每)?(?:延误|延迟|迟延|逾期|超期|推迟|拖延)"
    r"|超过(?:约定的?)?(?:交货|交付|供货|发货)(?:期限|时间|日期)|(?:到期|届满)(?:后)?仍?未(?:交货|交付|发货|供货)"
)
_LATE_DELIVERY = re.compile(f"(?=[不中交供停到发少届延拖晚未没短货超迟送逾装])(?:{_LATE_DELIVERY_PATTERN})")
#: A remedy for a breach: a charge, the deposit forfeited or doubled, or a figure (a deduction or damages at
#: 500元 a day, 0.05%): damages "for the loss" with no figure are no agreed penalty.
_REMEDY = re.compile(
    rf"{_CHARGE.pattern}|双倍返还|加倍返还|二倍返还|两倍返还|不予返还|不予退还|无权要求返还|分之|[%‰‱]"
    r"|(?:\d|[一二两三四五六七八九十百千万])\s*(?:元|万元|块钱|块(?=[，,。；;、）)\s]|$))"
    # the remedy of the clause before, by reference: 甲方逾期付款者，亦同 / 买方迟延付款的，参照前款执行
    r"|亦同|同样适用|亦适用|亦按此|亦照此|照此执行|按此执行|参照(?:前|上)(?:款|条|项|述)|按(?:前|上)(?:款|条|项|述)(?:标准|约定)?(?:执行|承担|计算|处理)"
)
#: A clause excusing the breach (不承担逾期付款违约金, 不视为逾期交货): no remedy for it.
_EXEMPT = re.compile(r"不承担|免除|免责|无需支付|无须支付|不视为|不构成|不属于")
_ANY_BREACH = re.compile(
    r"任何违约|一方违约|如有违约|若有违约|任何一方违约|违反本(?:合同|协议)[^,，。;；]{0,6}?(?:任何|约定|规定)"
    r"|任何(?:一项)?义务|其他违反|违约行为"
)
_EITHER = re.compile(r"任何一方|任一方|双方|违约方|一方违约|一方未|各方")
_LPR = re.compile(
    r"LPR|贷款市场报价利率|(?:同期|同类)[^,，。;；]{0,8}?贷款(?:基准)?利率|贷款基准利率|中国人民银行[^,，。;；]{0,8}?利率"
)
_LPR_MULTIPLE = re.compile(
    r"(?:的|×|x|X|\*)\s*(?P<n>[一二两三四五六七八九十]|\d{1,3}(?:\.\d+)?)\s*倍|(?P<m>两|二|三|四|五|六|十)倍"
    r"|(?:加计|上浮|加收|加|\+|增加)\s*(?P<p>\d{1,3}(?:\.\d+)?)\s*%"
)


def _times(raw: str) -> Decimal:
    """A multiple as written: 四 → 4, 十 → 10, 1.5 → 1.5."""
    return Decimal(parse_cn_int(raw)) if raw in CN_NUM_CHARS else Decimal(raw)


_CAP = re.compile(
    r"(?:累计|总额|总计|合计|总和|总共|一共|加起来|加在一起)[^,，。;；\n]{0,8}?(?:不(?:得|应|能|会)?|最高不|均不)"
    r"(?:超过|高于|超出)"
    r"|最高(?:不(?:得|应)?超过|为|以)|(?<![无没设])上限|(?<![不])封顶|(?:最多|至多|顶多)[^,，。;；\n]{0,16}?为止"
    # colloquial: 最多也是总价的一成, 顶多就赔货款的5%, 最多只算到总价的10%
    # … for each party: 最多各算到合同总额的10%, 最多均不超过
    r"|(?:最多|至多|顶多)(?:各|均|都|各自)?(?:也|就|只|只能|也就|也只)?(?:不超过|为|是|赔|付|支付|算|按|给)|以[^,，。;；\n]{1,24}为上?限|不(?:得|应)?(?:超过|超出|高于)"
    r"[^,，。;；\n]{0,20}?(?:总价|总额|金额|价款|货款|价值|货值)"
    # 至合同总价的10%为止 / 最多扣至… / 直至违约金达到…时止
    r"|(?:最多|至多)[^,，。;；\n]{0,4}?(?:扣|赔|付|罚|计|收|算)(?:到|至)"
    # colloquial, any verb or none before the figure: 最多少付5%, 最多也就5%, 最多扣2000块, 顶多罚一成
    r"|(?:最多|至多|顶多)[^,，。;；\n\d]{0,6}?(?=(?:\d[\d,.]*\s*(?:%|％|万元|元|万块|块)|百分之[零一二三四五六七八九十]{1,3})"
    r"(?!\s*的?(?:货物|货|产品|数量|设备|部分|批次)))"
    r"|(?:(?<=[,，])|^)\s*(?:直至|至|到|达到)[^,，。;；\n]{0,20}?(?:\d\s*%|百分之|千分之|\d\s*(?:万)?元)"
    r"[^,，。;；\n]{0,6}?(?:为止|时止)"
)
_NO_CAP = re.compile(r"无上限|不设上限|没有上限|不封顶")
_SCOPED_CAP = re.compile(r"上述|前述|以上|本条|前款|前项|该等|各项|上款|上面|上列|前面")
_BASE = re.compile(
    # 标的 (the subject matter) is a word of the base, not its 的: 按本合同标的总额的30%
    r"(?:按|以|为|照|依)(?:照|据)?(?:本合同)?(?P<base>(?:标的|[^,，。;；按以为照的每及和、]){1,18}?)(?:的|之)?\s*$"
)
_WHOLE_TOTAL = re.compile(
    r"合同总价|合同总额|总金额|合同金额|合同价款|总价款|标的总额|总货款|总价|总额|合同价格|总货值"
)
_PART = re.compile(r"未付|应付|应支付|逾期|欠|未交|迟延|迟交|剩余|余款|余额|当期|当月|该批|部分|未履行")
_MULTIPLE_PENALTY = re.compile(r"(?P<n>双|两|二|三|四|五|[2-9])倍(?:的)?(?:违约金|赔偿)")
_DEPOSIT_WORD = re.compile(r"(?<!订)定金|订金")
_FORFEIT = re.compile(
    r"双倍返还|加倍返还|两倍返还|二倍返还|不予返还|不予退还|不予退回|不退|不返还|无权要求返还|不得要求返还|无权收回|没收"
    r"|定金罚则"
)
#: A figure before the deposit word is its own only when it is stated as the deposit (30%作为定金,
#: 2万元的定金); 已抵作货款的定金 names a deposit, not a figure for it.
_AS_DEPOSIT = re.compile(r"(?:作为|充作|用作|充当)[^,，。;；]{0,6}?$|(?:[%％‰]|元|万)\s*(?:的|为|作)\s*$")
#: Between the deposit word and a figure after it: the figure is of something else (定金后的90%, 定金以外的).
_NOT_DEPOSIT_FIGURE = re.compile(r"后|以外|之外|外的|剩余|其余|余款|余额|差额|扣除|扣减|减去|抵作|抵扣|冲抵")
#: The deposit word as the object of a deduction (扣除已付定金): a figure near it is not the deposit's.
_DEDUCTED = re.compile(r"(?:扣除|扣减|减去|减除|抵扣|除去)[^,，。;；]{0,8}?$")
_CUMULATIVE = re.compile(
    r"同时适用|并处|一并(?:支付|适用|承担|主张)|同时[,，]?[^,，。;；]{0,6}?(?:支付|承担|主张|要求|请求|适用|追究)"
    r"|在[^。;；]{0,24}?的?同时"
    r"|既[^。;；]{0,30}?又|(?:并|且|还应|还须|另行|另外|另)[^,，。;；]{0,10}?(?:支付|承担|赔偿|要求|主张)[^,，。;；]{0,16}?违约金"
    r"|(?:并|且|另|还)(?:有权)?(?:要求|主张|请求)[^,，。;；]{0,20}?违约金"
)
_CHOICE = re.compile(
    r"选择|择一|只能|仅能|不得同时|不能同时|二者择|任选"
    # a bar on claiming the other as well (依定金罚则主张权利者，不得就同一违约行为另行主张违约金)
    r"|(?:不得|不能|不可|无权|不再)[^，,。；;]{0,12}?(?:另行|再行|再|同时|一并)(?:主张|要求|请求|适用|收取)"
)
_ADJUST = r"(?:调整|调减|调低|调高|减少|降低|增减|增加)"
_NO_ADJUST = re.compile(
    rf"违约金[^,，。;；]{{0,12}}?(?:均|一律|概|都)?(?:不(?:得|予|能|可|再|受|因|作)|无须|无需)[^,，。;；]{{0,12}}?{_ADJUST}"
    rf"|(?:不得|不能|不可|不予|无权|放弃|不再|不以|不会|不应|不因)[^,，。;；]{{0,24}}?违约金[^,，。;；]{{0,20}}?{_ADJUST}"
    rf"|(?:不得|不能|不可|无权|放弃)[^,，。;；]{{0,14}}?{_ADJUST}[^,，。;；]{{0,4}}违约金"
    rf"|违约金[^,，。;；]{{0,12}}?[,，]\s*(?:均|一律|概|都)?(?:不受|不予|不得|不作|不再)[^,，。;；]{{0,8}}?{_ADJUST}"
)
_TOTAL_WORDS: tuple[str, ...] = (
    "合同总价", "合同总额", "合同总金额", "合同金额", "合同价款", "总价款", "总金额", "合同价格", "价款总计",
    "合计", "总价",
)  # fmt: skip
_LOCAL_TOTAL = re.compile(
    r"(?:总价款?|价款|价格|合同金额|总金额|总额|货款总额|合计)\s*(?:[（(][^)）]{0,16}[)）])?\s*"
    r"(?:为|是|共计|共|计)?[:：]?\s*$"
)
#: A percent marking a rate up (LPR加计50%, 贷款市场报价利率加50%的年利率, LPR的基础上上浮30%): not a share.
_RATE_MARKUP = re.compile(
    r"(?:加计|上浮|加收|增加|\+|基础上加)\s*$"
    r"|(?:LPR|利率)(?:[（(][^()（）]{0,10}[)）])?[)）]?\s*(?:的)?\s*(?:基础上)?\s*(?:加计|上浮|加收|增加|加|\+)?\s*$"
)
_VERB_TAIL = re.compile(r"(?:支付|计付|计算|计收|收取|缴纳|加收)$")
#: Literals without which ``_CAP`` / ``_NO_ADJUST`` cannot match (cheap tests before the patterns).
_cap_words = contains_any(
    (
        "累计",
        "总额",
        "总计",
        "合计",
        "总和",
        "最高",
        "上限",
        "封顶",
        "最多",
        "至多",
        "顶多",
        "为限",
        "超过",
        "超出",
        "高于",
        "为止",
        "时止",
    )
)
_adjust_words = contains_any(("调", "减", "增", "降"))
_lpr_words = contains_any(("LPR", "利率", "报价"))


def _two_charges(clause: str) -> bool:
    """True when the clause names two kinds of charge (违约金, 滞纳金, 罚金, interest): without them
    :func:`_stacking` finds none (a cheap test before its patterns)."""
    kinds = ("违约金" in clause) + ("滞纳金" in clause) + ("罚金" in clause)
    return kinds + ("利息" in clause or "罚息" in clause or "占用费" in clause) >= 2


_SEGMENT_END = re.compile(r"[,，;；。]")
_BOUND = ("不超过", "不得超过", "不高于", "最高", "上限")


@dataclass(frozen=True, slots=True)
class Tier:
    """One rate of a penalty: ``value_pct`` percent per ``every`` ``per`` and its annual figure (None for an
    hourly rate: 每迟延一小时 runs for hours, a yearly figure would say nothing)."""

    value_pct: Decimal
    per: str
    every: int
    annual_pct: Decimal | None
    ambiguous: bool
    where: Where
    figure: Where | None = None  # the fraction's own words (千分之五 of 每日按…的千分之五)


@dataclass(frozen=True, slots=True)
class Cap:
    """A cap on penalties: a percent of a base or an amount (``where`` is the cap wording)."""

    percent: Decimal | None
    amount: Decimal | None
    scoped: bool
    where: Where


@dataclass(frozen=True, slots=True)
class Penalty:
    """One charge for one breach: a rate (tiers), an LPR multiple, or a lump sum (share of a base or amount).

    ``annual_pct`` is the first tier's annual figure (LPR: multiple × :data:`DEFAULT_LPR`); ``highest_pct``
    the highest tier's. ``cap`` is None when nothing caps it; ``uncapped`` when the text says so (无上限).
    """

    kind: Kind
    charge: str
    payer: Payer
    party: str | None
    breach: Breach
    base: str | None
    whole_total: bool
    any_breach: bool
    tiers: tuple[Tier, ...]
    annual_pct: Decimal | None
    highest_pct: Decimal | None
    lpr_multiple: Decimal | None
    share_pct: Decimal | None
    amount: Decimal | None
    cap: Cap | None
    uncapped: bool
    where: Where
    ceiling_lpr_multiple: Decimal | None = None  # 但不超过LPR的四倍: an annual ceiling on the rate
    ceiling_annual_pct: Decimal | None = None  # 但不超过年利率12%


@dataclass(frozen=True, slots=True)
class Combined:
    """Charges that add up for the same breach by the same payer (违约金 + 滞纳金 for one late payment)."""

    annual_pct: Decimal
    breach: Breach
    payer: Payer
    charges: tuple[str, ...]
    members: tuple[int, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class Deposit:
    """A 定金 (or 订金) with its amount and share of the contract total, when written."""

    word: str
    amount: Decimal | None
    share_pct: Decimal | None
    total: Decimal | None
    where: Where


@dataclass(frozen=True, slots=True)
class Forfeiture:
    """Forfeiture wording (双倍返还, 不予返还, 没收) for the deposit word ``word``."""

    word: str
    where: Where


@dataclass(frozen=True, slots=True)
class Stacking:
    """One clause imposing two or more kinds of charge for a breach (利息 and 违约金, 滞纳金 and 违约金)."""

    charges: tuple[str, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class Remedy:
    """A clause giving a remedy for a late payment or delivery in any form (a daily amount, a deduction from
    the price, damages at a figure, the deposit doubled): the breach is provided for, even when no rate is."""

    breach: Breach
    where: Where
    payer: Payer = "unknown"


@dataclass(frozen=True, slots=True)
class PenaltyFacts:
    """The penalty family of the contract facts model."""

    penalties: tuple[Penalty, ...]
    combined: tuple[Combined, ...]
    combined_annual_pct: Decimal | None
    deposits: tuple[Deposit, ...]
    forfeitures: tuple[Forfeiture, ...]
    deposit_with_penalty: tuple[Where, ...]
    no_adjust: tuple[Where, ...]
    stacked: tuple[Stacking, ...]
    caps: tuple[Cap, ...]
    contract_total: Decimal | None
    _blocks: tuple[int, ...] = field(default=(), repr=False)


def extract(contract: Contract) -> PenaltyFacts:
    """The penalty facts of ``contract`` (see the module docstring)."""
    return penalty_facts(contract.doc, _Roles(contract))


class _Roles:
    """Designation → buyer/seller from the structure facts, read only when a neutral designation (甲方) pays
    a penalty whose breach does not say who it is (empty when the structure cannot be read)."""

    def __init__(self, contract: Contract | None = None) -> None:
        self._contract = contract
        self._roles: dict[str, str] | None = None if contract is not None else {}

    def get(self, designation: str) -> str | None:
        if self._roles is None:
            try:
                self._roles = dict(self._contract.structure.roles)  # type: ignore[union-attr]
            except Exception:  # the structure family is optional here: fall back to the lexicon
                self._roles = {}
        return self._roles.get(designation)


def penalty_facts(doc: Document, roles: _Roles | None = None) -> PenaltyFacts:
    """The penalty facts of a sectioned document, once per document (``roles``: designation → role)."""
    return memo(doc, "penalty.facts", lambda: _extract(doc, roles or _Roles()))


# --- helpers ------------------------------------------------------------------------------------------------

_DESIGNATION = re.compile(
    r"甲方|乙方|丙方|丁方|买方|卖方|买受人|出卖人|需方|供方|采购方|采购人|供货方|供应商|供应方|订购方|销售方|购货方"
    r"|承租方|出租方|用电人|供电人|委托方|受托方|被告|原告"
)
_BOTH_PARTIES = re.compile(
    rf"(?:{_DESIGNATION.pattern})[^,，。;；]{{0,12}}?(?:或者|或|以及|及|和|、)(?P<b>{_DESIGNATION.pattern})"
)
_RECIPIENT = re.compile(rf"(?:向|给|付给|支付给|赔偿)(?P<p>{_DESIGNATION.pattern})")
_BUYER_WORDS = (
    "买方",
    "买受人",
    "需方",
    "采购方",
    "采购人",
    "订购方",
    "购货方",
    "承租方",
    "用电人",
    "委托方",
)
_SELLER_WORDS = (
    "卖方",
    "出卖人",
    "供方",
    "供货方",
    "供应商",
    "供应方",
    "销售方",
    "出租方",
    "供电人",
    "受托方",
)


def _role(designation: str | None, roles: _Roles, breach: Breach) -> Payer:
    """The role of a designation: the lexicon (买方, 供方), the breach (逾期付款: buyer), the roles read."""
    if not designation:
        return "unknown"
    if designation in _BUYER_WORDS:
        return "buyer"
    if designation in _SELLER_WORDS:
        return "seller"
    if breach != "other":
        return "buyer" if breach == "late_payment" else "seller"
    role = roles.get(designation)
    return role if role in ("buyer", "seller") else "unknown"  # type: ignore[return-value]


def _other(role: Payer) -> Payer:
    return {"buyer": "seller", "seller": "buyer"}.get(role, "unknown")  # type: ignore[return-value]


def _payer(clause: str, breach: Breach, roles: _Roles) -> tuple[Payer, str | None]:
    """Who pays the penalty of ``clause``: the party in breach (by the breach kind, the recipient or the
    first designation), or either party for a generic clause."""
    first = _DESIGNATION.search(clause)
    head = clause[: first.start()] if first else clause
    if _EITHER.search(head) or (not first and _EITHER.search(clause)):
        return "either", None
    if first is None:
        return (
            "buyer" if breach == "late_payment" else "seller" if breach == "late_delivery" else "unknown"
        ), None
    party = first.group()
    both = _BOTH_PARTIES.match(clause, first.start())
    if both and both.group("b") != party:
        return "either", None  # 供方逾期交货或需方逾期付款的: one clause for both sides
    rec = _RECIPIENT.search(clause)
    if rec and rec.group("p") == party and rec.start("p") == first.start():
        if breach != "other":
            return ("buyer" if breach == "late_payment" else "seller"), None
        return _other(_role(party, roles, "other")), None  # 向乙方支付: the other pays
    role = _role(party, roles, breach)
    if role == "unknown":
        role = "buyer" if breach == "late_payment" else "seller" if breach == "late_delivery" else "unknown"
    return role, party


def _breach(text: str) -> Breach | None:
    """The breach a lead text speaks of: the first late-payment or late-delivery wording, else None."""
    pay = _LATE_PAY.search(text)
    dlv = _LATE_DELIVERY.search(text)
    if pay and (not dlv or pay.start() <= dlv.start()):
        return "late_payment"
    if dlv:
        return "late_delivery"
    return None


#: The lead of a rate closed by the act it accrues on (乙方□期交货，每日按…; 需方□期付款的，每逾期一日按…): a
#: rate that runs by the day on a delivery or a payment is for its delay, whatever word the lateness has (a
#: scan misreads 逾期 as 作期, 全期, 傅期) — not an act described further (交付的货物质量不符的).
_ACT_HEAD = re.compile(
    r"(?P<d>交货|交貨|交付(?!\s*(?:的|之))|发货|供货|到货|送货|装船|装运|发运)|(?P<p>付款|付清|结清|结算|支付(?:货款|价款|款项))"
)
_ACT_END = re.compile(r"\s*(?:的|者|时)?\s*[,，:：]?\s*$")
_RATE_CUE = re.compile(r"每|按")


def _act_breach(lead: str) -> Breach | None:
    """The breach of a rate whose lead names no lateness but ends, before its rate cue (每日, 按), with
    the act of delivering or paying (:data:`_ACT_HEAD`); None otherwise."""
    cue = _RATE_CUE.search(lead)
    head = lead[: cue.start()] if cue else lead
    acts = list(_ACT_HEAD.finditer(head))
    if not acts or not _ACT_END.fullmatch(head, acts[-1].end()):
        return None
    return "late_delivery" if acts[-1].group("d") else "late_payment"


def _charge_of(clause: str, start: int, end: int) -> str:
    """The charge word of a rate or share: one inside it (月利息为1%), the nearest after it in its sentence,
    else the nearest before."""
    inside = _CHARGE.search(clause, start, end)
    if inside:
        return inside.group()
    after = _CHARGE.search(clause, end, min(len(clause), end + 40))
    if after:
        return after.group()
    before = [m for m in _CHARGE.finditer(clause, 0, start)]
    return before[-1].group() if before else "违约金"


def _base(clause: str, start: int) -> tuple[str | None, bool]:
    """The base before a fraction (按未付款项的 → 未付款项) and whether it is the whole contract total."""
    m = _BASE.search(clause, max(0, start - 24), start)
    if not m:
        return None, False
    base = _VERB_TAIL.sub("", m.group("base").strip())
    if not base:
        return None, False
    return base, bool(_WHOLE_TOTAL.search(base)) and not _PART.search(base)


def _bounds_blank(clause: str, r: Rate) -> bool:
    region = clause[max(0, r.span[0] - 6) : r.span[1]]
    return any(w in region for w in _BOUND)


def _where(block_index: int, start: int, span: tuple[int, int]) -> Where:
    return Where(block_index, (start + span[0], start + span[1]))


def _lpr_multiple(clause: str, start: int) -> Decimal:
    m = _LPR_MULTIPLE.search(clause, start, min(len(clause), start + 40))
    if not m:
        return Decimal(1)
    if m.group("n"):
        return _times(m.group("n"))
    if m.group("m"):
        return _times(m.group("m"))
    return 1 + Decimal(m.group("p")) / 100


def _share_of_multiple(raw: str) -> Decimal:
    n = {"双": 2, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}.get(raw)
    return Decimal(100 * (n if n is not None else int(raw)))


# --- extraction ---------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    kind: Kind
    charge: str
    breach: Breach
    clause_key: tuple[int, int]
    where: Where
    base: str | None = None
    whole: bool = False
    tiers: list[Tier] = field(default_factory=list)
    lpr: Decimal | None = None
    share: Decimal | None = None
    amount: Decimal | None = None
    cap: Cap | None = None
    uncapped: bool = False
    payer: Payer = "unknown"
    party: str | None = None
    any_breach: bool = False
    section: str = ""
    ceiling_lpr: Decimal | None = None
    ceiling_pct: Decimal | None = None
    segment: tuple[int, int] = (0, 0)  # a rate's own lead in its clause: from the rate before it to it


#: A lead line that says what the next line is about: a question (问12：卖方晚交货呢？), a label (逾期交货：).
_LEAD_END = re.compile(r"(?:[？?：:]|的)\s*$")
_LABEL_LINE = re.compile(r"^[^。；;，,]{1,16}$")
_LEAD_START = re.compile(r"^\W*(?:问|Q)\s*\d*\s*[:：.、]?", re.IGNORECASE)
_LEAD_MAX = 40


def _lead(doc: Document, bi: int) -> str:
    """The lead of block ``bi`` when it names the breach its penalty is for: the question before an answer
    line, a heading, or a label line just before it (empty when there is none)."""
    j = bi - 1
    while j >= 0 and not doc.blocks[j].norm.strip():
        j -= 1
    if j < 0:
        return ""
    prev = doc.blocks[j]
    text = prev.norm.strip()
    if len(text) > _LEAD_MAX or prev.kind == "cell":
        return ""
    if prev.kind == "heading" or _LEAD_END.search(text) or _LEAD_START.match(text) or _LABEL_LINE.match(text):
        return text if _breach(text) is not None else ""
    return ""


#: A deduction from the fee or price the seller is paid, at a figure (每次按当季维保费的2%扣减服务费, 从应付
#: 货款中扣除500元/次, 考核扣款): the buyer cuts what it pays, so the seller bears it, whatever the clause
#: calls it and whoever is named first.
_DEDUCTION = re.compile(
    r"(?:扣减|扣除|扣罚|扣款|核减|扣付)[^，,。；;]{0,3}?"
    r"(?:服务费|维保费|维护费|运维费|货款|价款|合同款|款项|费用|结算款|应付款|当期款|月度费用|季度费用)"
    r"|(?:从|自|在)[^，,。；;]{0,6}?(?:服务费|维保费|维护费|运维费|货款|价款|合同款|应付款|结算款|款项|费用)"
    r"[^，,。；;]{0,10}?(?:扣减|扣除|扣罚|扣回|抵扣)"
    r"|考核扣款|扣分扣款"
)
_FIGURE = re.compile(r"分之|[%‰‱]|\d\s*(?:元|万元)")


def _deduction(clause: str) -> tuple[int, int] | None:
    """The span of a deduction from the seller's fee at a figure in ``clause`` (None: none, or excused)."""
    m = _DEDUCTION.search(clause)
    if m is None or _EXEMPT.search(clause) or not _FIGURE.search(clause):
        return None
    return m.span()


def remedies(doc: Document) -> tuple[Remedy, ...]:
    """Every clause giving a remedy for a late payment or delivery in any form, once per document (read
    only when no penalty is found for a breach: before a rule says one is missing); and every deduction from
    the seller's fee for a breach of its own (每次按当季维保费的2%扣减服务费: breach ``other``, paid by the
    seller)."""

    def compute() -> tuple[Remedy, ...]:
        out: list[Remedy] = []
        index = block_index(doc)
        for block, s, _e, clause in clauses_naming(doc, _GATE):
            bi = index[id(block)]
            found = None
            if _in_context(clause):
                lead = _lead(doc, bi) if s == 0 else ""
                found = _remedy(lead + clause, len(lead))
                if found is not None:
                    payer, _party = _payer(lead + clause, found[0], _Roles())
                    out.append(Remedy(found[0], _where(bi, s, found[1]), payer))
            if found is None and (cut := _deduction(clause)) is not None:
                out.append(Remedy("other", _where(bi, s, cut), "seller"))
        return tuple(out)

    return memo(doc, "penalty.remedies", compute)


#: Literals one of which every late-payment or late-delivery wording holds (a cheap scan for
#: :func:`unremedied_breach`).
_LATE_WORDS: tuple[str, ...] = (
    "逾期", "迟延", "延迟", "延期", "拖延", "超期", "未按", "不按", "未能", "不能", "晚", "迟", "拖", "欠",
    "未", "没", "超过", "到期", "届满", "延误", "误期", "短交", "少交",
)  # fmt: skip


def unremedied_breach(doc: Document, breach: Breach) -> Where | None:
    """The first clause naming ``breach`` (late payment or delivery) that gives no remedy for it
    (卖方迟延交货的，买方可以催告卖方尽快交货，卖方不承担其他责任), as the span from the breach wording to the
    clause's end; None when every clause naming it gives one (or none names it)."""
    pattern = _LATE_PAY if breach == "late_payment" else _LATE_DELIVERY
    index = block_index(doc)
    for block, s, _e, clause in clauses_naming(doc, _LATE_WORDS):
        m = pattern.search(clause)
        if m is None:
            continue
        other = _LATE_DELIVERY if breach == "late_payment" else _LATE_PAY
        first = other.search(clause)
        if first is not None and first.start() < m.start():
            continue  # the clause is about the other breach first (逾期付款的…，延期交货): not this one's
        found = _remedy(clause, 0)
        if found is not None and found[0] == breach:
            continue
        return _where(index[id(block)], s, (m.start(), len(clause.rstrip("。；;"))))
    return None


#: A side's main breach freed of any penalty (我司逾期交货的，不承担违约金; 买方迟延付款的，无需支付违约金):
#: unless it has a cause (因不可抗力, 因甲方原因, 非因…) or a grace (逾期7日以内的), no remedy is left for it.
_FREED = re.compile(
    r"(?:不承担|无需承担|无须承担|不负|免除|免于承担|无需支付|无须支付|不支付|不计)(?:任何)?"
    r"(?:[^，,。；;]{0,6}?)(?:违约金|滞纳金|违约责任)"
)
_FREED_WORDS = ("不承担", "无需", "无须", "不负", "免", "不支付", "不计")
_LIABILITY_WORDS = ("违约责任",)
_CAUSED = re.compile(
    r"因|由于|非|不可抗力|原因|导致|致使|造成|所致|以内|之内|不超过|未超过|未满|不足|宽限|除外|经[^，,。；;]{0,6}同意"
)
#: The rest of the parties' liability handed to another agreement (其余违约责任…均适用框架协议第10条; 其他违约
#: 责任按主合同执行): the other side's penalties are there.
_LIABILITY_REFERRED = re.compile(
    r"(?:其余|其他|其它|其他的)[^。；;]{0,10}?违约责任[^。；;]{0,40}?(?:适用|按|依|依照|按照|参照|遵照)"
    r"[^。；;]{0,20}?(?:协议|合同|条款|第\s*[\d一二三四五六七八九十]+\s*条)"
)


def freed_breach(doc: Document) -> tuple[Breach, Where] | None:
    """The first late payment or late delivery a clause frees of any penalty (我司逾期交货的，不承担违约金),
    with the clause's span from the breach to the exemption; None when no clause does (an exemption with a
    cause or a grace — 因不可抗力逾期交货的, 逾期7日以内的 — is none)."""

    def compute() -> tuple[Breach, Where] | None:
        index = block_index(doc)
        for block, s, _e, clause in clauses_naming(doc, _FREED_WORDS):
            free = _FREED.search(clause)
            if free is None:
                continue
            pay, dlv = (
                _LATE_PAY.search(clause, 0, free.start()),
                _LATE_DELIVERY.search(clause, 0, free.start()),
            )
            found = sorted((m.start(), b) for m, b in ((pay, "late_payment"), (dlv, "late_delivery")) if m)
            if len(found) != 1:
                continue  # both breaches (or none) freed: not one side's
            start, breach = found[0]
            if _CAUSED.search(clause, 0, free.start()):
                continue
            return breach, _where(index[id(block)], s, (start, free.end()))  # type: ignore[return-value]
        return None

    return memo(doc, "penalty.freed", compute)


def liability_referred(doc: Document) -> bool:
    """True when the draft hands the rest of the parties' liability to another agreement (其余违约责任…适用
    框架协议第10条)."""
    return any(
        _LIABILITY_REFERRED.search(clause) for _b, _s, _e, clause in clauses_naming(doc, _LIABILITY_WORDS)
    )


def _remedy(text: str, lead: int) -> tuple[Breach, tuple[int, int]] | None:
    """The breach ``text`` gives a remedy for, with the span (in the clause after ``lead`` characters of its
    lead line) from the breach to the remedy; None when it names no late payment or delivery, no remedy
    after it, or excuses the breach."""
    pay, dlv = _LATE_PAY.search(text), _LATE_DELIVERY.search(text)
    found = sorted((m.start(), m.end(), b) for m, b in ((pay, "late_payment"), (dlv, "late_delivery")) if m)
    if not found or _EXEMPT.search(text):
        return None
    start, end, breach = found[0]
    m = _REMEDY.search(text, end)
    if m is None:
        return None
    return breach, (max(0, start - lead), max(0, m.end() - lead))  # type: ignore[return-value]


def block_index(doc: Document) -> dict[int, int]:
    """``id(block)`` → its index in ``doc.blocks``, once per document (shared by the facts and rules that
    read :func:`clauses_naming`, which gives blocks)."""
    return memo(doc, "blocks.index", lambda: {id(b): i for i, b in enumerate(doc.blocks)})


def _extract(doc: Document, roles: _Roles) -> PenaltyFacts:
    index = block_index(doc)
    drafts: list[_Draft] = []
    caps: list[tuple[Cap, int, str, bool]] = []  # (cap, draft count when seen, section, names a charge)
    deposits: list[Deposit] = []
    forfeitures: list[Forfeiture] = []
    together: list[Where] = []
    no_adjust: list[Where] = []
    stacked: list[Stacking] = []
    total: list[Decimal | None] = []  # the contract total, read once a deposit needs it
    for block, s, _e, clause in clauses_naming(doc, _GATE):
        bi = index[id(block)]
        section = block.section or ""
        if "定金" in clause or "订金" in clause:
            if not total:
                total.append(_contract_total(doc))
            _deposit_facts(clause, bi, s, total[0], deposits, forfeitures, together)
        m = _NO_ADJUST.search(clause) if "违约金" in clause and _adjust_words(clause) else None
        if m:
            no_adjust.append(_where(bi, s, m.span()))
        context = _in_context(clause)
        stack = _stacking(clause, bi, s) if context and _two_charges(clause) else None
        if stack is not None:
            stacked.append(stack)
        own = _clause_penalties(clause, bi, s, roles, section) if context else []
        # the lead line (问12：卖方晚交货呢？ / 逾期交货：) names the breach and the payer of a clause that
        # does not: read only for a clause holding a penalty (a rate of its own may be one only with a lead)
        if context and s == 0 and (own or find_rates(clause)):
            lead = _lead(doc, bi)
            if lead and _breach(clause) is None:
                own = _clause_penalties(clause, bi, s, roles, section, lead)
        cap_m = _CAP.search(clause) if _cap_words(clause) else None
        if cap_m and not _is_deposit_share(clause, cap_m.start()):
            cap = _cap(clause, bi, s, cap_m, scoped=bool(_SCOPED_CAP.search(clause)))
            if own:
                for d in own:
                    d.cap = d.cap or cap
            elif _CHARGE.search(clause):
                caps.append((cap, len(drafts), section, True))
            elif drafts and (drafts[-1].where.block == bi or (drafts[-1].where.block == bi - 1 and s == 0)):
                caps.append(
                    (cap, len(drafts), section, False)
                )  # 各自累计不超过…: the penalties just before it
        if own and ("上限" in clause or "封顶" in clause) and _NO_CAP.search(clause):
            for d in own:
                d.uncapped = True
        drafts.extend(own)
    drafts.extend(_key_term_penalties(doc, roles, {d.where.block for d in drafts}))
    _apply_caps(drafts, caps)
    penalties = tuple(_finish(d) for d in drafts)
    combined = _combine(penalties)
    best = max((c.annual_pct for c in combined), default=None)
    return PenaltyFacts(
        penalties=penalties,
        combined=combined,
        combined_annual_pct=best,
        deposits=tuple(deposits),
        forfeitures=tuple(forfeitures),
        deposit_with_penalty=tuple(together),
        no_adjust=tuple(no_adjust),
        stacked=tuple(stacked),
        caps=tuple(c[0] for c in caps),
        contract_total=total[0] if total else None,
    )


_STACK_CHARGE = re.compile(r"违约金|滞纳金|罚息|罚金|资金占用费|占用费|(?:逾期|违约)?利息(?!损失)")
_IMPOSED_BEFORE = re.compile(
    r"(?:支付|承担|计付|缴纳|交纳|交付|加收|计收|收取|付给|计算|按)[^,，。;；]{0,14}$|(?:分之|[%‰‱])[^,，。;；]{0,6}$"
)
_BREACH_WORDS = re.compile(
    r"逾期|迟延|延迟|违约|不按|未按|未能按|不能按|拖欠|超期|未付|未还|不履行|未履行|违反"
)


def _stacking(clause: str, bi: int, s: int) -> Stacking | None:
    """Two or more kinds of charge imposed in one clause about a breach, not offered as a choice."""
    if not _BREACH_WORDS.search(clause) or _CHOICE.search(clause):
        return None
    kinds: dict[str, re.Match[str]] = {}
    first: re.Match[str] | None = None
    for m in _STACK_CHARGE.finditer(clause):
        if not _IMPOSED_BEFORE.search(clause, max(0, m.start() - 16), m.start()):
            continue
        fam = _charge_family(m.group())
        if fam in kinds:
            continue
        if first is not None and re.search(r"或|或者", clause[first.end() : m.start()]):
            continue  # 违约金或滞纳金: one or the other
        kinds[fam] = m
        first = first or m
    if len(kinds) < 2 or first is None:
        return None
    last = max(kinds.values(), key=lambda m: m.start())
    return Stacking(tuple(m.group() for m in kinds.values()), _where(bi, s, (first.start(), last.end())))


def _apply_caps(drafts: list[_Draft], caps: list[tuple[Cap, int, str, bool]]) -> None:
    """A cap written on its own caps the penalties it refers to: 上述/前述 … the ones before it in its section
    (or just before it), one naming no charge the ones just before it in its paragraph, otherwise every
    penalty of the contract."""
    for cap, seen, section, named in caps:
        if not named:
            block = cap.where.block
            targets = [d for d in drafts[:seen] if d.where.block == block]
            targets = targets or [d for d in drafts[:seen] if d.where.block == block - 1]
        elif cap.scoped:
            targets = [d for d in drafts[:seen] if d.section == section] or drafts[max(0, seen - 1) : seen]
        else:
            targets = drafts
        for d in targets:
            if d.cap is None and d.kind != "lump_sum":
                d.cap = cap


def _cap(clause: str, bi: int, s: int, m: re.Match[str], scoped: bool) -> Cap:
    pct = next((p for p in find_percents(clause) if p.span[0] >= m.start()), None)
    garbled = pct is not None and clause[pct.span[1] : pct.span[1] + 1].isdigit()
    if garbled:  # 逾期金额的59%0: a digit after the sign, a figure the scan garbled — the cap's size unknown
        pct = None
    amt = None
    if pct is None and not garbled:
        amt = next((a for a in find_amounts(clause) if a.span[0] >= m.start()), None)
    figure = pct.span if pct is not None else amt.span if amt is not None else None
    percent = pct.value if pct else None
    if figure is None and "成" in clause:  # 最多也是总价的一成: tenths
        tm = _TENTHS.search(clause, m.start(), m.end() + 30)
        if tm is not None:
            figure, percent = tm.span(), Decimal(_CN_TENTH[tm.group(1)] * 10)
    end = max(m.end(), figure[1]) if figure and figure[0] - m.end() <= 30 else m.end()
    if _CAP_AFTER_FIGURE.match(clause, end):
        end = _CAP_AFTER_FIGURE.match(clause, end).end()  # type: ignore[union-attr]
    return Cap(percent, amt.value if amt else None, scoped, _where(bi, s, (m.start(), end)))


_CAP_AFTER_FIGURE = re.compile(r"\s*(?:为限|为上限|封顶|为止)")
#: A share in tenths (一成 = 10 %, 两成 = 20 %), as colloquial caps write it.
_TENTHS = re.compile(r"(?<![\d一二两三四五六七八九十])([一二两三四五六七八九])\s*成(?![本品员立为功交型套])")
_CN_TENTH = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _is_deposit_share(clause: str, pos: int) -> bool:
    """A cap wording about the deposit itself (定金不超过合同总价的20%), not about penalties."""
    dm = _DEPOSIT_WORD.search(clause, max(0, pos - 12), pos)
    return dm is not None and not _CHARGE.search(clause, dm.end(), pos)


def _clause_penalties(
    clause: str, bi: int, s: int, roles: _Roles, section: str, label: str = ""
) -> list[_Draft]:
    """The penalties of one clause: rates grouped by (charge, breach) into tiers, LPR ones, lump sums.

    ``label`` is the key-terms label the clause is the value of (逾期交货违约金 | 每日万分之五): it says the
    charge and the breach when the value does not.
    """
    out: list[_Draft] = []
    label_charge = _CHARGE.search(label) if label else None
    fractions = dict(zip(find_rates(clause), rate_fraction_spans(clause), strict=True))
    # a rate bounding a blank (不超过____%) is no rate; the blank test only where a bound word stands
    rates = [
        r
        for r in fractions
        if not (_bounds_blank(clause, r) and has_blank(clause))
        and not _RESTATED_RATE.search(clause, max(0, r.span[0] - 12), r.span[0])
    ]
    whole_breach = (
        (_breach(clause) if len(rates) == 1 else None) or (_breach(label) if label else None) or "other"
    )
    last_end, last_breach = 0, None
    groups: dict[tuple[str, str], _Draft] = {}
    for r in rates:
        seg_end = _SEGMENT_END.search(clause, r.span[1])
        after = clause[r.span[1] : seg_end.start() if seg_end else len(clause)]
        breach = _breach(clause[last_end : r.span[0]]) or last_breach or _breach(after) or whole_breach
        if breach == "other":
            breach = _act_breach(clause[last_end : r.span[0]]) or "other"
        named = _CHARGE.search(clause)
        charge = (
            _charge_of(clause, r.span[0], r.span[1]) if named or not label_charge else label_charge.group()
        )
        if not (named or label_charge or breach != "other"):
            continue  # a rate of something else (a price index, a discount)
        base, whole = _base(clause, fractions[r][0])
        annual = r.annual_percent() if r.per != "hour" else None  # 每迟延一小时: no yearly figure
        figure = _where(bi, s, fractions[r])
        tier = Tier(r.value, r.per, r.every, annual, r.ambiguous, _where(bi, s, r.span), figure)
        key = (charge, breach)
        if key in groups:
            groups[key].tiers.append(tier)
        else:
            d = _Draft("rate", charge, breach, (bi, s), tier.where, base, whole, [tier], section=section)
            d.segment = (last_end, r.span[0])
            groups[key] = d
            out.append(d)
        last_end, last_breach = r.span[1], breach
    lm = _LPR.search(clause) if not rates and _lpr_words(clause) else None
    if lm:
        breach = _breach(clause) or "other"
        d = _Draft("lpr", _charge_of(clause, lm.start(), lm.end()), breach, (bi, s), _where(bi, s, lm.span()))
        d.lpr = _lpr_multiple(clause, lm.end())
        d.section = section
        out.append(d)
    out.extend(_lump_sums(clause, bi, s, section))
    if not out:
        return out
    any_breach = bool(_ANY_BREACH.search(clause))
    ceiling = _RATE_CEILING.search(clause) if rates and (_lpr_words(clause) or "年" in clause) else None
    for d in out:
        if d.kind != "lpr":
            d.any_breach = any_breach
        a, b = d.segment
        if a > 0 and _DESIGNATION.search(clause, a, b):
            # a later rate of the clause led by its own party (供方逾期交货，每日…违约金，需方逾期付款，每日…)
            d.payer, d.party = _payer(clause[a:], d.breach, roles)
        else:
            d.payer, d.party = _payer(label + clause, d.breach, roles)
        if ceiling is not None and d.kind == "rate":
            if ceiling.group("pct") or ceiling.group("pct2"):
                d.ceiling_pct = Decimal(ceiling.group("pct") or ceiling.group("pct2"))
            else:
                d.ceiling_lpr = _times(ceiling.group("n"))
    return out


#: A rate restating another as its equivalent (本条日违约金折合年利率为10.95%, 相当于年化18.25%, 换算为年利率
#: 约11%): the figure of a penalty stated before, not one more.
_RESTATED_RATE = re.compile(r"(?:折合|折算|换算|相当于|折成|约合|约等于)(?:成|为)?\s*(?:约)?\s*$")


#: An annual ceiling on a rate in its clause: 但不超过一年期LPR的四倍 / 以贷款市场报价利率的四倍为限 /
#: 不超过年利率12%.
_RATE_CEILING = re.compile(
    r"(?:不(?:得|应)?超过|不高于|最高(?:不超过)?|以|上限为?)[^,，。;；]{0,30}?"
    r"(?:(?:LPR|贷款市场报价利率)[)）]?[^,，。;；\d]{0,4}?(?P<n>[一二两三四五]|\d+(?:\.\d+)?)倍"
    r"|(?:年利率|年化利率|年化|年息)\s*(?P<pct>\d+(?:\.\d+)?)\s*%)"
    r"|(?:年利率|年化利率|年化|年息)[^,，。;；\d]{0,6}?(?:不(?:得|应)?超过|不高于|最高|上限为?)\s*"
    r"(?P<pct2>\d+(?:\.\d+)?)\s*%"
)


_LABEL_WORDS = ("违约金", "滞纳金", "罚息", "利息")
register(_LABEL_WORDS)
#: A key-terms label is short and a value written as a line of its own is short too.
_LABEL_MAX, _VALUE_MAX = 16, 60


def _key_term_penalties(doc: Document, roles: _Roles, done: set[int]) -> list[_Draft]:
    """Penalties written as a key-terms row: a label (逾期付款违约金) and its value in the next cell or line
    (每日万分之五，累计不超过逾期金额的10%)."""
    out: list[_Draft] = []
    blocks = doc.blocks
    for i in blocks_naming_any(doc, _LABEL_WORDS):
        label = blocks[i].norm.strip()
        if len(label) > _LABEL_MAX or find_rates(label):
            continue
        j = next((k for k in range(i + 1, min(len(blocks), i + 3)) if blocks[k].norm.strip()), None)
        if j is None or j in done:
            continue
        value = blocks[j].norm
        if blocks[j].kind != "cell" and len(value.strip()) > _VALUE_MAX:
            continue
        section = blocks[j].section or ""
        for s, e in clause_spans(value):
            clause = value[s:e]
            own = _clause_penalties(clause, j, s, roles, section, label)
            cap_m = _CAP.search(clause) if own and _cap_words(clause) else None
            if cap_m:
                cap = _cap(clause, j, s, cap_m, scoped=False)
                for d in own:
                    d.cap = d.cap or cap
            out.extend(own)
    return out


def _lump_sums(clause: str, bi: int, s: int, section: str) -> list[_Draft]:
    """One-off penalties: a share of a base (按合同总价的20%支付违约金, 违约金为总额的30%), 双倍违约金."""
    if not _CHARGE.search(clause):
        return []
    out: list[_Draft] = []
    breach: Breach | None = None  # read once a lump sum is found
    for p in find_percents(clause):
        a, b = p.span
        before = clause[max(0, a - 14) : a]
        after = clause[b : b + 24]
        if (
            _CAP.search(before)
            or "不超过" in before
            or "为限" in after[:4]
            or _DEPOSIT_WORD.search(after[:8])
        ):
            continue
        if _DEPOSIT_WORD.search(before[-8:]) or "定金" in before:
            continue
        if _RATE_MARKUP.search(before):
            continue  # LPR加计50%: a markup on a rate, not a share
        cm = _CHARGE.search(after)
        stated = re.search(
            r"(?:违约金|赔偿金|滞纳金)(?:为|是|按)[^,，。;；]{0,16}$", clause[max(0, a - 24) : a]
        )
        if not ((cm and not re.search(r"[,，]", after[: cm.start()])) or stated):
            continue
        charge = cm.group() if cm and not stated else "违约金"
        if charge in ("利息", "资金占用费", "占用费", "罚息") and not stated:
            continue  # an interest charge at a share with no period is not a lump sum (see the rules)
        base, whole = _base(clause, a)
        breach = breach or _breach(clause) or "other"
        d = _Draft("lump_sum", charge, breach, (bi, s), _where(bi, s, p.span), base, whole, section=section)
        d.share = p.value
        out.append(d)
    for m in _MULTIPLE_PENALTY.finditer(clause) if "倍" in clause else ():
        base, whole = _base(clause, m.start())
        breach = breach or _breach(clause) or "other"
        d = _Draft(
            "lump_sum", "违约金", breach, (bi, s), _where(bi, s, m.span()), base, whole, section=section
        )
        d.share = _share_of_multiple(m.group("n"))
        out.append(d)
    return out


def _finish(d: _Draft) -> Penalty:
    annual = highest = None
    figures = [t.annual_pct for t in d.tiers if t.annual_pct is not None]
    if figures:
        annual = d.tiers[0].annual_pct
        highest = max(figures)
    elif d.lpr is not None:
        annual = highest = d.lpr * DEFAULT_LPR
    return Penalty(
        kind=d.kind,
        charge=d.charge,
        payer=d.payer,
        party=d.party,
        breach=d.breach,
        base=d.base,
        whole_total=d.whole,
        any_breach=d.any_breach,
        tiers=tuple(d.tiers),
        annual_pct=annual,
        highest_pct=highest,
        lpr_multiple=d.lpr,
        share_pct=d.share,
        amount=d.amount,
        cap=d.cap,
        uncapped=d.uncapped,
        where=d.where,
        ceiling_lpr_multiple=d.ceiling_lpr,
        ceiling_annual_pct=d.ceiling_pct,
    )


def _charge_family(charge: str) -> str:
    return "利息" if charge in ("利息", "罚息", "逾期利息", "违约利息", "资金占用费", "占用费") else charge


def _combine(penalties: tuple[Penalty, ...]) -> tuple[Combined, ...]:
    """Different periodic charges for the same breach by the same payer add up (违约金 + 滞纳金 + 利息)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(penalties):
        if p.annual_pct is None or p.breach == "other":
            continue
        groups.setdefault((p.breach, p.payer), []).append(i)
    out: list[Combined] = []
    for (breach, payer), members in groups.items():
        best: dict[str, tuple[Decimal, int]] = {}
        for i in members:
            fam = _charge_family(penalties[i].charge)
            figure = penalties[i].annual_pct or Decimal(0)
            if fam not in best or figure > best[fam][0]:
                best[fam] = (figure, i)
        if len(best) < 2:
            continue
        chosen = sorted(i for _f, i in best.values())
        out.append(
            Combined(
                annual_pct=sum((f for f, _i in best.values()), Decimal(0)),
                breach=breach,  # type: ignore[arg-type]
                payer=payer,  # type: ignore[arg-type]
                charges=tuple(penalties[i].charge for i in chosen),
                members=tuple(chosen),
                where=penalties[chosen[0]].where,
            )
        )
    return tuple(out)


# --- deposits -----------------------------------------------------------------------------------------------


def _deposit_facts(
    clause: str,
    bi: int,
    s: int,
    total: Decimal | None,
    deposits: list[Deposit],
    forfeitures: list[Forfeiture],
    together: list[Where],
) -> None:
    """定金/订金 amounts and shares, forfeiture wording, and 定金 applied together with 违约金."""
    seen_words: set[str] = set()
    for dm in _DEPOSIT_WORD.finditer(clause):
        word = dm.group()
        if word in seen_words:
            continue
        tail = dm.end()
        head = clause[max(0, dm.start() - 30) : dm.start()]
        if _DEDUCTED.search(head):
            continue  # 合同金额扣除已抵作货款的定金后的90%: the rest of the price, not the deposit
        as_dep = _AS_DEPOSIT.search(head)
        pct = next(
            (
                p
                for p in find_percents(clause)
                if 0 <= p.span[0] - tail <= 30 and not _NOT_DEPOSIT_FIGURE.search(clause, tail, p.span[0])
            ),
            None,
        )
        amt = next(
            (
                x
                for x in find_amounts(clause)
                if 0 <= x.span[0] - tail <= 30 and not _NOT_DEPOSIT_FIGURE.search(clause, tail, x.span[0])
            ),
            None,
        )
        if as_dep is not None:  # 支付合同总价款的30%,即54000元作为定金
            lo = max(0, dm.start() - 30)
            pct = next((p for p in reversed(find_percents(clause)) if lo <= p.span[0] < dm.start()), None)
            amt = next((x for x in reversed(find_amounts(clause)) if lo <= x.span[0] < dm.start()), None)
        if pct is None and amt is None:
            continue
        seen_words.add(word)
        local = _local_total(clause, amt.span if amt else None)
        base = local or total
        share = pct.value if pct is not None else None
        if share is None and amt is not None and base:
            share = (amt.value * 100 / base).quantize(Decimal("0.01"))
        span = (
            pct.span
            if pct is not None and (amt is None or as_dep is None)
            else (amt.span if amt else dm.span())
        )
        deposits.append(Deposit(word, amt.value if amt else None, share, base, _where(bi, s, span)))
    for fm in _FORFEIT.finditer(clause):
        near = [m for m in _DEPOSIT_WORD.finditer(clause) if abs(m.start() - fm.start()) <= 16]
        if near:
            word = min(near, key=lambda m: abs(m.start() - fm.start())).group()
            forfeitures.append(Forfeiture(word, _where(bi, s, fm.span())))
    if "违约金" in clause and "定金" in clause.replace("订金", ""):
        m = _CUMULATIVE.search(clause)
        if m and not _CHOICE.search(clause):
            together.append(_where(bi, s, m.span()))


def _local_total(clause: str, not_span: tuple[int, int] | None) -> Decimal | None:
    """A price stated in the same clause (车价款为9万元), other than the deposit amount itself."""
    for a in find_amounts(clause):
        if not_span and a.span == not_span:
            continue
        if _LOCAL_TOTAL.search(clause, max(0, a.span[0] - 30), a.span[0]):
            return a.value
    return None


def _contract_total(doc: Document) -> Decimal | None:
    """The contract total: the largest amount in a clause naming 合同总价/合同金额/合计…, else None."""
    best: Decimal | None = None
    stated: Decimal | None = None  # an amount right after a total word (合同总价为人民币…)
    for _b, _s, _e, clause in clauses_naming(doc, _TOTAL_WORDS):
        if _DEPOSIT_WORD.search(clause):
            continue
        for a in find_amounts(clause):
            if _LOCAL_TOTAL.search(clause, max(0, a.span[0] - 30), a.span[0]):
                stated = a.value if stated is None else max(stated, a.value)
            elif not find_percents(clause) and (best is None or a.value > best):
                best = a.value
    return stated if stated is not None else best


def block_of(doc: Document, where: Where) -> Block:
    """The block a fact was read from."""
    return doc.blocks[where.block]
