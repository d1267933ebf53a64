"""Trigger events (合同签订后, 合同生效后, 发货/到货后, 安装调试完成后, 验收合格后, 收到发票后,
质保期满, a date) and the deadline bounding them (验收合格后5个工作日内 → 5 working days).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from contractkit.facts.durations import Duration, find_durations
from contractkit.facts.spans import contains_any

Event = Literal[
    "contract_signed",
    "contract_effective",
    "delivery",
    "arrival",
    "installation",
    "acceptance",
    "invoice_received",
    "warranty_end",
    "fixed_date",
    "payment",
]

#: Words after a duration that make it a deadline ("5个工作日内", "十日之前").
DEADLINE_WORDS: tuple[str, ...] = ("以内", "之内", "之前", "以前", "内", "前", "为限")


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event a payment or window starts from."""

    event: Event
    span: tuple[int, int]


_AFTER = r"(?:之日起|之日后|之日|日起|当日|当天|同日|后|起|时)"
_GAP = r"[^，,。；;：:\n]{0,12}?"  # a few characters of object/qualifier, within one clause
_PATTERNS: list[tuple[Event, str]] = [
    (
        "contract_signed",
        rf"(?:签订|签署|签字|签章|签名|签约|订立|盖章|用印|按手印|签(?=(?:本|该|好|完|了)?(?:合同|协议)))(?:好|完|了)?(?:本|该)?"
        rf"(?:合同|协议)?(?:生效)?{_AFTER}"
        # the contract or an order formed or confirmed: 订单成立后, 合同成立之日起, 订单经确认后
        rf"|(?:合同|协议|订单|订货单|采购单|确认书)(?:经(?:双方)?)?(?:成立|确认){_AFTER}"
        # colloquial, the period right after: 签了协议3天内, 签好合同两天内, 签合同3天内 (a bare 签合同 only
        # before a period of time: not 签协议2份)
        r"|签(?:了|好|完)(?:本|该|这份|这个)?(?:合同|协议)(?=\s*(?:\d|[一二两三四五六七八九十]))"
        r"|签(?:本|该|这份|这个)?(?:合同|协议)(?=\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?(?:工作日|天|日|周|星期|个月|月|小时))",
    ),
    ("contract_effective", rf"(?:合同|协议)?生效{_AFTER}"),
    (
        "delivery",
        rf"(?:发货|交货|交付|发运|出货|供货|提货|装运|装船|出运|启运)(?:完成|完毕)?{_AFTER}"
        # the shipping documents presented (卖方电邮提单副本后, 收到全套单据之日起, 提交装运单据后, 提单日后):
        # the documents of title, the delivery of a trade sale (民法典第628条: 提取标的物单证)
        rf"|(?:提交|发送|发出|传真|电邮|邮寄|寄送|寄出|寄交|出示|交单|提供|收到|递交)[^，,。；;：:]{{0,8}}?"
        rf"(?:提单|运单|装运单据|货运单据|全套单据|议付单据|B/L|bill\s*of\s*lading)(?:(?!发票)[^，,。；;：:]){{0,14}}?{_AFTER}"
        rf"|(?:提单|B/L)\s*(?:签发)?\s*(?:日期|日){_AFTER}",
    ),
    (
        "arrival",
        rf"(?:到货|货到|货物(?:运抵|送达|到达)|送达|运抵|收货|收到(?:全部)?(?:货物|产品|设备|标的物)|到达(?:现场|指定地点))"
        rf"(?:(?:交付|交货|指定|约定|目的)?(?:地点|地|港|现场))?(?:完成|完毕)?{_AFTER}"
        # receipt in translated style: 买方接收货物后, 受领全部设备之日起, 接收该批板材之日起
        rf"|(?<![不未拒])(?:接收|受领)(?![方人])[^，,。；;：:]{{0,8}}?{_AFTER}",
    ),
    ("installation", rf"安装(?:调试)?(?:完成|完毕|结束|合格)?{_AFTER}|调试(?:完成|完毕|合格){_AFTER}?"),
    (
        "acceptance",
        rf"(?<!视为)(?:终验|初验|验收)(?:合格|通过|完成|完毕|结束)(?:{_AFTER})?|(?<!视为)(?:终验|初验|验货)(?:{_AFTER})"
        # passive and translated acceptance: 货物被买方接受后, 获得买方认可之日起, 经买方接受后
        rf"|(?<!视为)(?<![不未])(?:被|获|获得|经)[^，,。；;：:]{{0,8}}?(?:接受|认可|验收)(?:合格|通过)?{_AFTER}",
    ),
    ("invoice_received", rf"(?:收到|开具|提交|提供|出具){_GAP}发票(?:{_AFTER})?"),
    (
        "warranty_end",
        rf"(?:质保期|保修期|质量保证期|保质期|质保金期限)(?:满|届满|期满|结束|到期|截止)(?:{_AFTER})?",
    ),
    (
        "fixed_date",
        r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:之前|以前|前|止|之日起|起|当日)?"
        r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:之前|以前|前|止|起)?",
    ),
    (
        "payment",
        rf"(?:支付|付款|付清|缴纳|缴付|收到|收讫){_GAP}(?:款|费|费用|价款|货款|预付款|首付款){_AFTER}",
    ),
]
_TRIGGER = re.compile("|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)))
_EVENTS: dict[str, Event] = {f"g{i}": e for i, (e, _) in enumerate(_PATTERNS)}
_PREFILTER = (
    "签",
    "订立",
    "成立",
    "确认",
    "盖章",
    "生效",
    "货",
    "装",
    "单",
    "B/L",
    "交付",
    "送达",
    "运抵",
    "到达",
    "安装",
    "调试",
    "验",
    "接受",
    "认可",
    "接收",
    "受领",
    "发票",
    "期",
    "年",
    "-",
    "/",
    ".",
    "付",
    "缴",
    "收",
)
_mentions_any = contains_any(_PREFILTER)


def _find_triggers_scan(text: str) -> list[Trigger]:
    if not _mentions_any(text):
        return []
    out: list[Trigger] = []
    for m in _TRIGGER.finditer(text):
        group = m.lastgroup
        if group is None:
            continue
        out.append(Trigger(_EVENTS[group], (m.start(), m.end())))
    return out


_DEADLINE_GAP = 16
_BREAKS = "。；;\n"
_BOUND_BEFORE = ("不超过", "不得超过", "最迟", "最晚", "最长")


_COMMA_BEFORE_WORD = re.compile(r",(?!\d)")


#: 日 of a period as a scan misreads it (3 个工作旦内, 15 曰内): read as 日 (same length, spans kept).
_OCR_DAY = re.compile(r"(?<=工作)[旦曰]|(?<=[\d个])\s*[旦曰](?=\s*(?:内|以内|之内|前|后))")
#: A scan's line of text with a space inside a unit (5 个银行工作 日内, 10 个工作 日): the space moved after
#: the unit (same length, spans kept).
_SPLIT_UNIT = re.compile(r"(?<=工作)(\s+)(日)")


def _durations(text: str) -> list[Duration]:
    """:func:`find_durations` of ``text`` read with a half-width comma before a word as "，" (same length):
    normalized text writes "，一周内" as ",一周内", which the duration pattern takes for a digit group; and
    with 日 misread by a scan (工作旦, 曰) as 日, a space a scan put inside a unit (工作 日) after it."""
    return find_durations(_readable(text))


def _readable(text: str) -> str:
    """``text`` as :func:`_durations` reads it (same length, spans kept)."""
    if "," in text:
        text = _COMMA_BEFORE_WORD.sub("，", text)
    if "旦" in text or "曰" in text:
        text = _OCR_DAY.sub(lambda m: m.group().replace("旦", "日").replace("曰", "日"), text)
    if "工作 " in text or "工作\u3000" in text:
        text = _SPLIT_UNIT.sub(lambda m: m.group(2) + m.group(1), text)
    return text


def find_deadline(text: str, after: int) -> Duration | None:
    """The duration bounding a trigger that ends at offset ``after`` (验收合格后5个工作日内 → 5 working days).

    Looks a few characters ahead within the clause for a duration followed by 内/以内/之内/前…
    (or preceded by 不超过/最迟); None when there is none ("验收合格后支付").
    """
    end = min(len(text), after + _DEADLINE_GAP + 12)
    for i in range(after, end):
        if text[i] in _BREAKS:
            end = i
            break
    window = _readable(text[after:end])
    for d in find_durations(window):
        if d.span[0] > _DEADLINE_GAP:
            break
        tail = window[d.span[1] :].lstrip()
        head = window[: d.span[0]]
        if tail.startswith(DEADLINE_WORDS) or head.rstrip().endswith(_BOUND_BEFORE):
            return Duration(d.value, d.unit, (d.span[0] + after, d.span[1] + after))
    return None


@lru_cache(maxsize=8192)
def _find_triggers_cached(text: str) -> tuple[Trigger, ...]:
    return tuple(_find_triggers_scan(text))


def find_triggers(text: str) -> list[Trigger]:
    """All trigger events in ``text``, in text order."""
    return list(_find_triggers_cached(text))


# --- payment timing: the trigger and the deadline of one installment, in any wording -------------------

TimingKind = Literal[
    "contract_signed",
    "contract_effective",
    "delivery",
    "arrival",
    "installation",
    "acceptance",
    "invoice_received",
    "warranty_end",
    "fixed_date",
    "payment",
    "periodic",
    "other",
]
DeadlineUnit = Literal[
    "hour", "day", "working_day", "week", "month", "year", "immediate", "date", "before_event"
]


@dataclass(frozen=True, slots=True)
class TimingEvent:
    """The event an installment falls due after (``kind`` other: an event the lexicon does not name)."""

    kind: TimingKind
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Deadline:
    """How long after its event an installment falls due: ``value`` ``unit`` (None for immediate/date)."""

    value: Decimal | None
    unit: DeadlineUnit
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Timing:
    """When one installment falls due: its trigger event and its deadline, either may be missing."""

    trigger: TimingEvent | None
    deadline: Deadline | None


@dataclass(frozen=True, slots=True)
class VagueCondition:
    """A condition no one can test or that the payer controls: 视情况, 资金到位, 背靠背, 另行协商."""

    word: str
    span: tuple[int, int]


_N = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百半]+)"
#: A calendar anchor: 2026年6月30日前, 2014年底前, 2017年内, 春节前, 每月25日, 次月10日, 月结30天.
_DATE_DUE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*(?:之前|以前|前|止|当日|之日)?"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{4}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|末|内|年底|年末|上半年|下半年)(?:之前|以前|前)?"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]\s*(?:之前|以前|前)"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*(?:份)?(?:底|末|初|上旬|中旬|下旬|起|开始|之前|以前|前|内)"
    r"|(?:春节|元旦|国庆|中秋|端午|年底|年末|年终|月底|月末|季末|季度末|节前)(?:之|以)?前?"
)
_PERIODIC = re.compile(
    r"每(?:个)?(?:月|季度?|半年|年|周|星期)\s*(?:的)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|号)"
    r"|每(?:个)?(?:月|季度?)(?:底|末|初)"
    r"|(?:次月|当月|下月|每月|月度)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:日|号)?(?:之前|以前|前)?"
    r"|月结\s*(?:"
    + _N
    + r"\s*(?:天|日))?|按月(?:结算|支付|付款|结清)|每(?:月|季度?)(?:结算|结清|支付|付款|对账)"
)
#: Paid at the moment of an event: 货到付款, 提货时付款, 进场首付, 签约当日支付, 见票即付.
_AT_EVENT = re.compile(
    r"(?:货到|到货|提货|提机|交货|进场|签约|签字|发货|收货|见票|凭票|款到|验收|交付|送货|取货)\s*(?:了)?\s*"
    r"(?:时|即|就|当日|当天|同时)?\s*(?:首付|付款|付清|支付|结清|结算|付|发货)"
    r"|(?:之时|时|当日|当天|那天|那日|这天|同日|即日|即时|当场)\s*(?:起)?\s*[,，]?\s*(?:[\u4e00-\u9fff]{1,8}?)?"
    r"(?:一次性)?(?:向[^，,。；;]{1,12}?)?(?:首付|付款|付清|支付|结清|交清|交纳|缴纳|转账|打款|付|给(?=\s*(?:\d|[一二两三四五六七八九十半]|钱|款|定金|全款|余款|尾款))"
    r"|转(?=\s*(?:\d|[一二两三四五六七八九十])))"
    r"|(?:今天|今日|本日|即日|当即|马上|立即)\s*(?:先|就|即)?\s*(?:给|付|支付|交|打款|转账)"
    r"|(?:当日|当天|同时|即时|立即|当场)(?:全额|一次性)?(?:付清|支付|付款|结清)"
    r"|(?:签完|签了|签好|签订|签署)(?:合同|协议)?\s*(?:就|先|马上|当天|即)\s*(?:给|付|支付|打款|交)"
    # against the shipping documents (凭提单副本支付, 见单即付, 凭全套单据付款): paid when they are shown
    r"|(?:凭|见)\s*(?:提单|运单|单据|全套单据|装运单据|货运单据|B/L)[^，,。；;]{0,8}?(?:即)?(?:付款|付清|支付|结清|付)"
)
#: Due before an event: 发货前, 出厂前, 装运前支付, 装船前5日 / 装柜前 / 报关前 (shipping steps).
_BEFORE_EVENT = re.compile(
    r"(?:发货|出厂|交货|装运|发运|提货|安装|开工|进场|上线|交付|送货|出库|启运|开始|开课|开学|启用|启动|"
    r"装船|装柜|装车|出运|起运|离港|开船|报关|放货|放行)(?:之|以)?前"
)
#: An event whose completion starts the clock, in any wording: 确认下单后, 安装调式完成后, 封顶后.
_DONE = (
    r"完成|完毕|结束|合格|通过|确认|成立|签收|收到|到位|下单|交付|到达|到场|到厂|验收|生效|签订|签署|签字|签章|盖章|提交|递交|提供|开具|"
    r"出具|发出|送达|运抵|上线|投产|运行|封顶|竣工|审计|结算|交清|退清|办妥|发货|交货|安装|调试|调式|进场|提货|"
    r"装船|装运|出运|开票|备货|通知|批准|审批|审核|领取|清点|入库|抵达|确认书|运至|运到|送至|送到|到达|满|"
    r"试用|使用|签完|验完|装完|装好|送完|做完|干完|弄好|到齐|货到|试完|试好|调好|修好|弄完|搞定|签了|签好|"
    # colloquial completions of laying, checking, unloading (铺完验好后, 卸完货后, 测好后)
    r"铺完|铺好|验好|卸完|卸好|测完|测好|检完|运完|拉完|点完|交完|"
    # a trial found sound, colloquial (试烤没问题后, 试机没毛病后, 用着没有问题后)
    r"没问题|没有问题|没毛病|无问题|"
    # accepted or received, translated style (被接受后, 获得认可之日起, 受领后)
    r"(?<![不未拒])(?:接受|认可|接收|受领)"
)
_DONE_ANY = re.compile(_DONE)
#: The very day of a completed event (验完车的当天, 试完机器那天): payment due on it.
_SAME_DAY = r"(?:当天|当日|那天|那日|这天|同日)"
#: Colloquial "done, then pay" (装好验完再给2万元, 验好才结): the completion starts the payment (货到就付 is
#: payment at the event, :data:`_AT_EVENT`).
_THEN_PAY = r"(?:了)?(?=\s*[再才]\s*(?:给|付|支付|交|打款|打钱|转|结))"
_UNIT_AHEAD = r"(?=\s*(?:满\s*)?" + _N + r"\s*(?:个)?(?:工作日|自然日|日历日|日|天|小时|周|星期|月|年))"
_GENERIC_EVENT = re.compile(
    rf"(?P<ev>[^，,。；;:：()（）]{{0,30}}?(?:{_DONE})[^，,。；;:：]{{0,6}}?)"
    rf"(?P<rel>之日起|之日后|之日|日起|以后|之后|后|起|的{_UNIT_AHEAD}|{_UNIT_AHEAD}|(?:的)?{_SAME_DAY}|{_THEN_PAY})"
    rf"|(?P<ev2>[^，,。；;:：()（）]{{2,30}}?)(?:之日起|之日后|之日|日起算|日起)"
    rf"|(?P<ev3>货到|到货|交货|发货|提货|收货|票到|开票|验收合格|收到发票){_UNIT_AHEAD}"
)
_AFTER_EVENT_DUE = re.compile(
    rf"\s*(?:满\s*{_N}\s*(?:个)?(?:工作日|日|天|月|年)后)?\s*(?:的)?\s*(?:内|以内)?"
)
#: A duration and what bounds it: 5个工作日内, 三十日以内, 一周内, 30天后.
_WINDOW_AFTER = ("以内", "之内", "之前", "以前", "内", "前", "为限", "后")
_DUE_AFTER = re.compile(r"\s*(?:内|以内|之内|前|之前|以前|为限|后|(?=付|支付|结清|结算|汇))")
_VAGUE_CONDITIONS = (
    "视情况",
    "视具体情况",
    "看情况",
    "看情形",
    "看具体情况",
    "另行协商",
    "另行约定",
    "另行商定",
    "另议",
    "协商确定",
    "协商解决",
    "双方协商",
    "再行协商",
    "尽快",
    "及时",
    "适当时候",
    "适时",
    "择机",
    "酌情",
    "合理期限",
    "待定",
    "资金到位",
    "资金落实",
    "资金宽裕",
    "资金充裕",
    "资金周转",
    "资金许可",
    "条件允许",
    "方便时",
    "款项到位",
    "经费到位",
    "资金充足",
    "资金允许",
    "资金情况",
    "资金状况",
    "经营状况",
    "预算下达",
    "拨款",
    "拨付工程款",
    "拨工程款",
    "业主付款",
    "业主支付",
    "业主拨付",
    "业主回款",
    "建设单位付款",
    "建设单位拨付",
    "发包人付款",
    "发包人支付",
    "最终用户付款",
    "最终用户支付",
    "终端客户付款",
    "客户回款",
    "回款后",
    "背靠背",
    "为前提",
    "审计完成",
    "审计结束",
    "审计后",
    "审计确认",
    "审计结算",
    "内部审批",
    "审批流程",
    "逐级审核",
    "逐级审批",
    "领导审批",
    "使用多少付多少",
    "用多少付多少",
)
_VAGUE = re.compile("|".join(sorted(map(re.escape, _VAGUE_CONDITIONS), key=len, reverse=True)))
#: A vague word that starts another word when this follows it (交货批次及时间: 及时 is not vague).
_COMPOUNDS = {"及时": "间", "适时": "间"}
#: 等 closing an open list of conditions (剩余面辅料、工艺版等退清后): no one can tell when it is met.
_OPEN_LIST = re.compile(r"等\s*(?:全部)?(?:退清|退还|交清|交付|完成|办妥|齐全|到位|结清|处理完毕)后")
#: 视乙方工程款回收情况 / 根据甲方资金情况 / 视市场行情而定: payment that depends on a state of affairs.
_DEPENDS_ON = re.compile(
    # … or on the payer's own plans (根据甲方资金安排另行确定, 按买方资金计划支付)
    r"视[^，,。；;]{0,14}?(?:情况|状况|而定)"
    r"|(?:根据|按照|依据|视)[^，,。；;]{0,10}?(?:资金|回款|回收|经营|财务)(?:情况|状况|安排|计划|周转|状态)(?![表书])"
    # 押三付一 with no unit (月/期/批) and no day: a rolling settlement no one can date
    r"|押\s*[一二三四五六七八九十\d]+\s*付\s*[一二三四五六七八九十\d]+(?![个月期批天日周])"
    # 等新店生意稳定了再给 / 待经营好转后 / 等有钱了: the payer's own business or cash decides
    r"|(?:等|待|到)[^，,。；;]{0,12}?(?:生意|经营|营业|销售|销路|效益|资金|手头|现金流|周转"
    # the payer's own trade going well: 招生情况好了, 客流上来了, 订单多了, 销量起来
    r"|招生|生源|客流|客源|订单|业务|销量|行情|收入|收益|票房|人气|营收)[^，,。；;]{0,4}?"
    r"(?:稳定|好转|好了|宽裕|宽松|充裕|回笼|盈利|起色|正常|转好|做起来|有了|缓过来|缓过劲|好起来|回暖|回血"
    r"|上来|起来|多了|满了|够了)"
    r"|(?:等|待)[^，,。；;]{0,8}?(?:有钱|赚了钱|挣了钱|方便)(?:了|的时候|时|后)"
    # 等买方店里把这批茶卖得差不多了再结 / 待货物售完后: the payer's own resale decides
    r"|(?:等|待)[^，,。；;]{0,16}?(?:卖|售|销)(?:完|光|掉|出去|得差不多|得七七八八|罄)"
    # 等乙方年底收完账再给 / 待收回下游货款后: the payer's own receivables decide
    r"|(?:等|待)[^，,。；;]{0,12}?(?:(?<![验签接])收(?:完|齐|回)(?:了)?[^，,。；;]{0,6}?(?:账|款|钱)"
    r"|账[^，,。；;]{0,2}?(?:收|要)(?:完|齐|回来)|回(?:完|了)?款)"
    # 等下家把钱打过来 / 待客户付款后 / 等业主结了账: a third party's payment decides
    r"|(?:等|待)[^，,。；;]{0,12}?(?:客户|下家|下游|买家|业主|用户|总包|东家)[^，,。；;]{0,6}?"
    r"(?:付款|付了款|付钱|给钱|给了钱|打款|打钱|结账|结了账|结款|把钱(?:打|转|给)|钱(?:到|打过来|转过来))"
    # 待甲方年度预算资金下达后 / 财政专项资金拨付到位后 / 上级经费批复后: the payer's funding decides
    r"|(?:预算|财政|专项|上级|拨款|经费|项目资金)[^，,。；;]{0,6}?(?:下达|拨付|拨款|到位|到账|批复|落实)"
)
#: Literals without which :func:`find_vague` finds nothing (one of them stands in every match of
#: ``_VAGUE``, ``_OPEN_LIST`` and ``_DEPENDS_ON``): a cheap scan before the patterns.
VAGUE_LITERALS: tuple[str, ...] = (
    *_VAGUE_CONDITIONS,
    *(f"{w}后" for w in ("退清", "退还", "交清", "交付", "完成", "办妥", "齐全", "到位", "结清", "处理完毕")),
    "视", "根据", "押",
    "生意", "经营", "营业", "销售", "销路", "效益", "资金", "手头", "现金流", "周转",
    "客户", "下家", "下游", "买家", "业主", "用户", "总包", "东家",
    "招生", "生源", "客流", "客源", "订单", "业务", "销量", "行情", "收入", "收益", "票房", "人气", "营收",
    "有钱", "赚了钱", "挣了钱", "方便",
    "卖完", "卖光", "卖掉", "卖出去", "卖得", "售完", "售光", "售掉", "售出去", "售罄",
    "销完", "销光", "销掉", "销出去",
    "收完", "收齐", "收回", "要完", "要齐", "要回来", "回款", "回完款", "回了款",
    "预算", "财政", "专项", "上级", "拨款", "经费", "项目资金",
)  # fmt: skip
#: "协商" that forbids or changes, not defers: 经双方协商一致可以变更.
_NEGOTIATED_CHANGE = re.compile(r"协商一致[^，,。；;]{0,8}(?:变更|修改|调整|解除|书面)")


def find_vague(text: str) -> list[VagueCondition]:
    """Vague or payer-controlled conditions in a payment text (视情况, 资金到位, 背靠背, 工艺版等退清后)."""
    out = [
        VagueCondition(m.group(), m.span())
        for m in _VAGUE.finditer(text)
        if not text.startswith(_COMPOUNDS.get(m.group(), "\0"), m.end())
    ]
    out += [VagueCondition("等", (m.start(), m.start() + 1)) for m in _OPEN_LIST.finditer(text)]
    covered = [v.span for v in out]
    out += [
        VagueCondition(m.group(), m.span())
        for m in _DEPENDS_ON.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in covered)
    ]
    if _NEGOTIATED_CHANGE.search(text):
        out = [v for v in out if "协商" not in v.word]
    out = [v for v in out if not (v.word == "为前提" and _PERFORMED_PRECONDITION.search(text, 0, v.span[1]))]
    excuses = disclaimed_excuses(text)
    if excuses:
        out = [v for v in out if not any(a <= v.span[0] and v.span[1] <= b for a, b in excuses)]
    return sorted(out, key=lambda v: v.span)


def disclaimed_excuses(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` where the payer disclaims a condition as an excuse (不以资金审批流程为由)."""
    if "为由" not in text and "理由" not in text and "借口" not in text:
        return []
    return [m.span() for m in _DISCLAIMED_EXCUSE.finditer(text)]


#: A condition the payer disclaims as an excuse (甲方不以资金审批流程为由迟延付款, 不得以业主未付款为由拒付):
#: it promises to pay regardless, the condition does not defer payment.
_DISCLAIMED_EXCUSE = re.compile(
    r"(?:不|不得|不应|不能|不会|不可|无权|禁止)\s*(?:以|因|借|拿)[^，,。；;]{0,16}?(?:为由|为理由|为借口|作为理由|作为借口)"
)


#: A precondition that is a party's own performance (以卖方已履行全部保修义务为前提, 以乙方提交全部竣工资料
#: 为前提): anyone can tell whether it is met; not the payer's funds or a third party's payment
#: (以业主付款为前提).
_PERFORMED_PRECONDITION = re.compile(
    r"以(?:[^，,。；;]{0,20}?(?:已|均已|全部)?)(?:履行|完成|交付|提交|提供|修复|办妥)"
    r"(?![^，,。；;]{0,16}?(?:付款|拨付|回款|资金|拨款|融资|筹|贷款|预算|审批|审计))[^，,。；;]{0,16}?为前提$"
)


def _duration_due(text: str, start: int = 0) -> Duration | None:
    """The first duration from ``start`` that bounds something (5个工作日内, 三十日以内, 30天后)."""
    for d in _durations(text[start:]):
        s, e = start + d.span[0], start + d.span[1]
        if _DUE_AFTER.match(text, e) or _PERIOD_LABEL.search(text, max(0, s - 10), s):
            return Duration(d.value, d.unit, (s, e))
    return None


#: What may close a period written right after its event (验收后30天 | …, 收到发票后45日，支付): the end
#: of the cell or text, a comma or stop, a table bar.
_PERIOD_CLOSE = re.compile(r"\s*(?:$|[，,。；;|｜])")


def _closing_period(text: str, start: int, end: int) -> Duration | None:
    """A period written right after its event and closing the piece (a schedule cell 验收后30天, 票到60天；
    a spreadsheet's 付款节点 column): in a payment text the period the payment falls due in, as 验收后30天内.
    A period followed by other words (验收后30天的质保期) is not read so."""
    for d in _durations(text[start:end]):
        if text[start : start + d.span[0]].strip():
            return None  # words between the event and the period
        e = start + d.span[1]
        if _PERIOD_CLOSE.match(text, e) is None:
            return None
        return Duration(d.value, d.unit, (start + d.span[0], e))
    return None


#: A period named as such: 付款期限为30天, 账期：60日, 信用期30天.
_PERIOD_LABEL = re.compile(r"(?:付款期限|支付期限|账期|付款周期|信用期|结算期|付款期)\s*(?:为|是|:|：)?\s*$")


_BLANK_PERIOD = re.compile(
    r"(?:[ _＿\u3000]{2,}|\[\s*\]|【\s*】)\s*(?:个)?(?:小时|工作日|自然日|日|天|个月|月)"
)
_EVENT_TRIM = re.compile(
    r"^[\s\d.、)）(（①②③④⑤⑥⑦⑧⑨⑩]*(?:[\u4e00-\u9fff]{1,6}[:：])?\s*(?:自|从|于|在|待|经|应在|应于|并)?"
)


def read_timing(text: str) -> Timing:
    """The trigger and deadline of one installment ``text`` (offsets into it); either may be None.

    Reads, in order: a calendar date or a periodic day (a deadline and its own trigger); payment at an event
    (货到付款, 提货时付款); payment before an event (发货前); a known event (:func:`find_triggers`) or any
    completed event (…完成后, …之日起) with the duration that bounds it; a bare duration (一年内付清) is a
    deadline with no trigger.
    """
    for pattern, kind in ((_PERIODIC, "periodic"), (_DATE_DUE, "fixed_date")):
        m = pattern.search(text)
        if m is not None:
            return Timing(TimingEvent(kind, m.span()), Deadline(None, "date", m.span()))
    m = _AT_EVENT.search(text)
    if m is not None:
        known = [t for t in find_triggers(text) if t.span[1] <= m.end()]
        ev = TimingEvent(known[-1].event, known[-1].span) if known else TimingEvent("other", m.span())
        return Timing(ev, Deadline(None, "immediate", m.span()))
    m = _BEFORE_EVENT.search(text)
    if m is not None:
        return Timing(TimingEvent("other", m.span()), Deadline(None, "before_event", m.span()))
    events: list[TimingEvent] = [
        TimingEvent(t.event, t.span) for t in find_triggers(text) if t.event != "fixed_date"
    ]
    for g in _GENERIC_EVENT.finditer(text):
        if not any(e.span[0] < g.end() and g.start() < e.span[1] for e in events):
            ev = g.group("ev") or g.group("ev2") or g.group("ev3")
            trim = _EVENT_TRIM.match(ev)
            s = g.start() + (trim.end() if trim else 0)
            events.append(TimingEvent("other", (s, g.end())))
    events.sort(key=lambda e: e.span)
    for ev in events:
        end = ev.span[1]
        d = find_deadline(text, end)
        if d is None:
            lead = _AFTER_EVENT_DUE.match(text, end)
            window_end = min(len(text), end + 30)
            for i in range(end, window_end):
                if text[i] in "。；;\n":
                    window_end = i
                    break
            d = _duration_due(text[:window_end], lead.end() if lead else end) or _closing_period(
                text, lead.end() if lead else end, window_end
            )
        if d is not None and d.span[0] >= end:
            return Timing(ev, Deadline(d.value, d.unit, d.span))
        if (
            text[max(0, end - 2) : end] in ("当日", "当天", "同日", "那天", "那日", "这天")
            or text[end - 1 : end] == "时"
        ):
            return Timing(ev, Deadline(None, "immediate", ev.span))
    bare = _duration_due(text)
    if events:
        if bare is not None:  # 在10个工作日内支付…，起算日为质保期届满之日: the period comes first
            return Timing(events[0], Deadline(bare.value, bare.unit, bare.span))
        blank = _BLANK_PERIOD.search(text)
        if blank is not None:  # 验收合格后  日内: a period left to fill in
            return Timing(events[0], Deadline(None, "blank", blank.span()))
        return Timing(events[0], None)
    if bare is not None:
        done = [m for m in _DONE_ANY.finditer(text, 0, bare.span[0])]
        if done:  # 货到了验完没问题，一个礼拜内结清: the completion before the period starts it
            return Timing(
                TimingEvent("other", (0, done[-1].end())), Deadline(bare.value, bare.unit, bare.span)
            )
        return Timing(None, Deadline(bare.value, bare.unit, bare.span))
    return Timing(None, None)
