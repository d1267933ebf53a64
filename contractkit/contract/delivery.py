"""Delivery facts: where the goods go (an address down to the house number, a port, or only a place one side
will designate), when (a date, a period after an event, recurring dates, batches — or only "as the buyer
will notify"), on which trade term and Incoterms edition, where the risk passes, who carries and who pays.

Places are read after place labels (交货地点：, 交付地址为) and delivery verbs (送至, 运至, 交付至);
times after time labels (交货期：, 到场日期, a table column 交货日期) and from sentences where a date or a
deadline stands before a delivery verb (于2026年6月30日前交付, 合同签订后30日内送货). A time written only as
``以甲方书面通知为准`` / ``以甲方订舱通知为准`` (no period after the notice, no outer date) is ``on_notice``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from contractkit.contract.model import Where
from contractkit.contract.structure import lexicon_role
from contractkit.contract.tables import Cell, Row, column, tables
from contractkit.facts import DEADLINE_WORDS, find_durations
from contractkit.facts.document import block_indices_naming, clauses_naming, has_blank
from contractkit.facts.sections import heading_of
from contractkit.readers.model import Document

if TYPE_CHECKING:
    from contractkit.contract.model import Contract

#: Incoterms® 2020 rules (legal-basis.md §11); the ICC edition is fixed, not a setting.
INCOTERMS_2020 = ("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF")
#: Rules no longer in Incoterms® 2020 (DAT replaced by DPU in 2020; DAF/DES/DEQ/DDU dropped in 2010).
OBSOLETE_INCOTERMS = ("DAT", "DDU", "DAF", "DES", "DEQ")
TERM_WORDS = (*INCOTERMS_2020, *OBSOLETE_INCOTERMS, "CNF", "C&F")

PlaceKind = Literal["address", "site", "port", "designated", "reference", "blank"]
TimeKind = Literal[
    "date", "period", "recurring", "immediate", "by_document", "on_notice", "event", "blank", "other"
]

# ------------------------------------------------------------------------------------------ lexicons

#: Words that speak of delivering the goods.
DELIVERY_VERBS: tuple[str, ...] = (
    "交货", "交付", "送达", "发货", "到货", "送至", "运至", "运抵", "送货", "供货", "提货", "装运", "交至",
    "发运", "出货", "送到", "运到", "装船", "交运", "交售", "交足", "交齐", "送交", "交送", "配送", "出运",
    "送过去", "送过来", "运过去", "拉过去", "送去", "开到", "拉到", "搬到", "装上",
    # 将全部货物分送附件所列各校 / 运往买方工地 / 送往各门店 / 送抵: to several places, or on the way
    "分送", "送往", "运往", "送抵", "交到",
)  # fmt: skip
#: 供货方/供货商 name a party, not a delivery; 装上 delivers only onto a vessel or vehicle
#: (将货物装上买方指定的船舶: an FOB shipment is the delivery).
_VERB_FORMS = {
    "供货": "供货(?!方|商|单位|人)",
    "装上": "装上(?=[^，,。；;]{0,12}?(?:船|车|集装箱|货柜|飞机|航班|列车))",
}
_VERB = re.compile("|".join(_VERB_FORMS.get(v, v) for v in DELIVERY_VERBS))
_PLACE_LABEL = re.compile(
    r"(?:交货|交付|送货|收货|到货|卸货|提货|交接|供货|履行|目的)(?:地点|地址|场所|地)"
    r"(?:及方式)?[”\"」』]?(?:\s*(?:[:：]|就是|即为|即|为|是|在|设在|设于|是指|系指|指)\s*|\s+(?=[^\s:：]))"
)
#: The exact spot left to a later call: 北港区码头现场，具体位置由收货人电话通知 / 具体地址另行通知.
_SPOT_LATER = re.compile(
    r"^[^。；;\n]{0,6}?具体(?:送货|交货|收货|卸货|送|交)?"
    r"(?:位置|地点|地方|地址|卸货点|卸货口|收货口|收货点|入口|库位|门店|哪家店?|哪里|到哪"
    # 具体哪口塘 / 哪个仓库 / 哪一栋: which one of the party's places
    r"|哪[一两几]?[个口家条间座处栋幢块片号台所][^，,。；;]{0,4})"
    r"[^。；;\n]{0,16}?(?:通知|指定|确定|告知|另行|为准|电话说|再说|说了算|联系)"
)
#: The same in a place's own bracket: 甲方各项目服务中心（具体送货地址由收货人电话通知）.
_SPOT_LATER_NOTE = re.compile(r"[(（]" + _SPOT_LATER.pattern[1:])
_BARE_ADDRESS = re.compile(r"(?<![住注册通讯联系邮寄收件办公营业达])地址\s*(?:[:：]|就是|即为|是|为)\s*")
_SENT_TO = re.compile(
    r"(?:送|运|发|交付|交货|送货|交|寄|运送|配送|开|拉|搬)(?:至|到|往)|运抵|送达至|送抵"
    # 于2027年2月5日前送达甲方船坞施工现场: 送达 with its place (not 送达时 / 送达后 / 送达之日)
    r"|送达(?![时后日之的，,。；;\s]|地址|方式|对方)"
)
_PLACE_END = re.compile(
    r"[，,。；;\n]|(?:的|之)(?:运|费|风险|时)|(?:并|后|前|(?<![届及临随适同准])时|(?:交付|交货)(?!地点|地址)|卸货|签收|验收|装船|装车|装运|"
    r"安装|调试|使用|存放)"
)
#: A delivery word used as a noun (交货日期相应顺延, 到货验收): not a delivery with a time before it.
_VERB_AS_NOUN = re.compile(
    r"^(?:日期|时间|地点|地址|期限|期|批次|方式|数量|计划|安排|单|验收|检验|后|之日|前|通知|情况|进度|义务)"
)
#: A spot inside premises a number names (甲方二号仓库, 园区3号库, 2号门, 5号月台): no street number —
#: unless the number follows its street.
_SPOT = (
    r"仓库|冷库|库房|仓|库|车间|大门|门(?![面市店牌])|卸货口|卸货区|收货口|出入口|入口|月台|站台|道口|泊位|堆场|货位|柜台"
    r"|窗口|线"
)
#: Administrative units and streets: a string with one is an address. 区 after 厂/小/社/校… is a noun.
_ADMIN = re.compile(
    r"省|自治区|市|县|旗|镇|乡|街道|村|(?<![厂小社景库片营校院辖城郊地矿货场站停园])区|路|街|大道|巷|胡同|弄"
)
_HOUSE_NO = re.compile(
    # a number right after its street is the street number (港务大道 88 号冷库, 中山路一号仓库)
    r"(?:路|街|道|巷|弄|胡同|村|组|里)\s*(?:\d+(?:\s*-\s*\d+)?|[一二三四五六七八九十百零〇]+)\s*号"
    r"|\d+\s*(?:号楼|号院|号厂房|号(?!\s*(?:" + _SPOT + r"))|栋|幢|座|室|楼|层|弄|单元|#)"
    r"|(?<![哪几])[一二三四五六七八九十百零〇]+(?:号楼|号(?!\s*(?:" + _SPOT + r"))|栋|幢|座|弄)"  # not 哪一栋
    r"|#\s*\d|No\.?\s*\d|\d+-\d+",
    re.IGNORECASE,
)
_PORT = re.compile(r"港|码头|机场|车站|火车站|口岸|保税区|堆场")
#: The place is left to one side's later say: 甲方指定地点, 需方指定仓库, 另行通知的地点, 待定.
_DESIGNATED = re.compile(
    r"(?:指定|另行(?:通知|指定|确定|商定|约定)|通知的|书面通知|确认的|待定|另定|届时(?:通知|确定)|协商确定"
    # said by one side, colloquially: 送到乙方说的地方 / 买方到时候讲好的仓库
    r"|(?:说|讲)(?:好)?的(?=地方|地点|位置|地址|仓库|库房|店|门店|工地|现场|场地|厂))"
)
#: What a designated place is: a place noun (not a mailbox or an account).
_PLACE_NOUN = re.compile(
    r"地点|地址|仓库|库房|库|现场|工地|场所|场地|位置|厂|港|码头|车间|处|地方|门店|门市|网点|收货点|中心|小区|园区"
    r"|基地|机房|办公室|办公楼|大楼|楼宇|门卫|项目部|站点|分公司|营业部|校区|院区|病区|医院|学校|工厂|物业"
    # offshore and waterside places: 海上养殖平台, 3号泊位, 锚地, 渔排
    r"|平台|泊位|锚地|渔排"
)

_TIME_LABEL = re.compile(
    r"(?:交货|交付|供货|到货|到场|发货|送货|装运|提货|装船|出货|进场|交售)(?:时间|日期|期限|期|时限|周期|日(?![起内前后期]))"
    # 交货日期分别为…、… / 交货期均为合同签订后30日: an adverb over a list of batches before 为
    r"(?:及[^:：\s]{0,6})?[”\"」』]?\s*(?:(?:分别|依次|均|统一|一律|皆)(?=为|是|[:：]))?(?:[:：]|是指|系指|指|为|是|\s|(?=自|于|在|应|须"
    # 交货日期不迟于2027年4月30日 / 交付时间最迟为…: a deadline word opens the value
    r"|不迟于|不晚于|不得迟于|不得晚于|至迟|最迟|最晚|截至|截止))\s*"
)
_TIME_COL = re.compile(
    r"(?:交货|交付|供货|到货|到场|发货|送货|装运|提货|进场|交售)(?:时间|日期|期限|期|日)|交期|交货期"
)
#: A season that fixes when goods are handed over: 收获后 / 采收期内 / 出栏时 (farm produce, livestock).
_SEASON = re.compile(
    r"(?:收获|收割|采收|采摘|收成|成熟|出栏|上市|采挖|起苗|出圃|捕捞)(?:期|季|季节|后|时|之日|当日)"
    r"|(?:春|夏|秋|冬)(?:季|收|播)|(?:[一二三四五六七八九十\d]{1,2}\s*[—\-~～至到]\s*[一二三四五六七八九十\d]{1,2}\s*月)"
)
_DATE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|(?<![\d年])\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月"
    r"|\d{4}\s*年\s*(?:第[一二三四1-4]季度|[上下]半年|年底|年末)"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末|初|上旬|中旬|下旬)|(?:本|当|下个?)月(?:底|末|\d{1,2}\s*[日号])"
)
_RECURRING = re.compile(
    r"每(?:个)?(?:月|季度|季)[^，,。；;]{0,6}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]|每(?:周|星期)[一二三四五六日天]"
)
_IMMEDIATE = re.compile(r"立即|即时|当日|当天|同时|随时|现货")
#: An immediate word right after the delivery (到货当日清点数量 / 交货的同时提供发票 / 收货当天签收): it dates
#: another act at the delivery, not the delivery itself.
_AT_DELIVERY = re.compile(r"(?:到货|交货|交付|送达|收货|提货|发货|送货|运抵|货到)(?:的|之)?\s*$")
#: An immediate word right before the delivery verb (收到预付款后立即发货 / 当天送到): the delivery's own
#: time, a payment named in the sentence or not.
_IMMEDIATE_VERB = re.compile(
    r"(?:立即|立刻|马上|随即|即时|当日|当天)\s*(?:安排|予以|进行)?\s*(?:" + _VERB.pattern + ")"
)
#: A value that marks the field as not applicable (交货期限：／ / 交货时间：— / 交货期：无): no time at all.
_NOT_APPLICABLE = re.compile(r"^\s*(?:[/／\\]|—{1,2}|-{1,3}|无|不适用|N\s*/?\s*A)\s*(?=[,，;；。]|$)", re.I)
#: A time left to one side's notice: 以甲方书面通知为准, 按买方订舱通知, 另行通知, 待定, 视…情况.
_ON_NOTICE = re.compile(
    # (请按本通知送货 / 同意按此通知供货: the document itself, a call-off notice that states its own time)
    r"(?:以|按|根据|依|凭|按照|依据)[^，,。；;]{0,14}?(?<![本此])(?:通知|指令|要求|计划|安排)"
    r"(?:为准|执行|确定|安排|交货|发货)?"
    r"|另行(?:通知|约定|确定|商定)|待定|另定|视[^，,。；;]{0,10}?(?:情况|需要|进度)|届时(?:通知|确定)"
    r"|(?:接到|收到|接获)[^，,。；;]{0,10}?通知(?:后|之后)|提前[^，,。；;]{0,6}?通知"
    r"|(?:经|由)?双方(?:另行)?协商(?:同意|确定|一致)?"
    r"|(?:等|待|听|等候)[^，,。；;]{0,12}?(?:电话|书面|口头|微信|短信)?(?:通知|告知)(?!书|单)(?![^，,。；;]{0,14}(?:再|才))"
)
#: Delivery put off until an event of no fixed date: 等买方新店装修好了再送过去 / 待甲方场地具备条件后发货.
_UNTIL_EVENT = re.compile(
    r"(?:等|待|等到|直到)[^，,。；;]{2,24}?(?:了|后|以后|之后|完毕|完成|好)"
    r"(?:[，,]\s*[^，,。；;]{0,6}?)?\s*(?:再|才|方可|即可)?\s*(?:安排)?\s*$"
)
#: A notice given a set time ahead (甲方应提前五日通知 / 每次交售前两日预约): delivery follows that period.
_NOTICE_PERIOD = re.compile(
    r"(?:提前|前)\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:个)?\s*(?:工作日|自然日|日|天|周|小时)"
    r"[^，,。；;]{0,8}?(?:通知|告知|下单|预约|书面确认|确认)"
)
#: 自合同生效之日起150个工作日 / 收到预付款后30天: a length after an event is a period, 内 or not.
_AFTER_EVENT = re.compile(r"(?:之日起|之日后|日起|起|后)\s*$")
#: The time is fixed in another document: 以订单为准, 按附件二交货计划, 见采购订单.
_DOCUMENT_FIXES = re.compile(
    # 以甲方发出、乙方确认的采购订单为准: the order may be qualified by who issues and confirms it
    r"(?:以|按|见|根据|依)[^，,。；;]{0,16}?(?:订单|采购单|附件|附表|要货单|交货计划表|框架协议|主协议|总协议"
    r"|专用条款|合同要素表|要素表|附录|(?:协议|合同)第\s*[\d一二三四五六七八九十.]+\s*条)"
    # 交货期由每份订单确定 / 交货日期在采购订单中约定: the order fixes it
    r"|(?:由|在)[^，,。；;]{0,8}?(?:订单|采购单|订货单|要货单)(?:中|上|内)?(?:另行)?"
    r"(?:载明|列明|注明|写明|明确|确定|约定|规定|为准)"
    # an order that states the date (订单载明订单编号、数量、交货日期及交货地点)
    r"|(?:订单|采购单|订货单|要货单|通知单)(?:中|上)?(?:应)?(?:载明|列明|注明|写明|明确|确定|约定|规定)"
    r"(?=[^。；;]{0,40}?(?:交货|交付|到货|送货|供货|发货)(?:日期|时间|期限|期|日(?![起内后前])))"
)
#: A catch-all reference (其他按框架协议执行 / 未尽事宜按主协议): it fixes what is not written, not a time.
_CATCH_ALL = re.compile(r"(?:其他|其余|其它|未尽|未写明|未载明|未约定|未列明)[^，,。；;]{0,12}$")
#: Notice phrases that fix the time in a sentence with no time label (要求 and 协商 say nothing of time).
_ON_NOTICE_VERB = re.compile(
    r"(?:以|按|根据|依|凭|按照|依据)[^，,。；;]{0,14}?(?<![本此])(?:通知|指令|计划|安排)(?:为准|执行|确定|安排|交货|发货)?"
    r"|另行(?:通知|约定|确定)|届时(?:通知|确定)|(?:接到|收到|接获)[^，,。；;]{0,10}?通知(?:后|之后)"
    r"|提前[^，,。；;]{0,6}?通知"
    # 具体送货时间等院区库房电话通知 / 什么时候送听甲方通知
    r"|(?:等|待|听|等候)[^，,。；;]{0,12}?(?:电话|书面|口头|微信|短信)?(?:通知|告知)(?!书|单)(?![^，,。；;]{0,14}(?:再|才))"
)
_BREACH = re.compile(r"逾期|迟延|延迟|延期|违约|顺延|不可抗力")
#: A sentence about a payment: an amount of money, a deposit or a payment verb.
_PAYMENT_SENTENCE = re.compile(
    r"\d[\d,.]*\s*万?元|[付给交转][^，,。；;]{0,6}?元|定金|订金|货款|预付款|尾款|付款|支付"
)
_PAY_VERB = re.compile(r"支付|付款|付清|付至|退还|返还|开具|结算|汇款")
_NOT_DELIVERY_OF = re.compile(r"发票|通知书|款项|货款|价款")

_EDITION = re.compile(
    # (the mark ® as a scan may read it: Incoterms@ 2020, Incoterms© 2020, Incoterms(R) 2020, Incoterms* 2020)
    r"incoterms\s*(?:\(r\)|[^\w\s]{0,2})\s*(?P<y1>20\d\d)|(?P<y2>20\d\d)\s*年?\s*版?\s*《?\s*国际贸易术语解释通则"
    # 《国际贸易术语解释通则®2020》 / 通则（Incoterms® 2020）: the mark may stand after the Chinese name
    r"|国际贸易术语解释通则\s*®?\s*》?\s*[（(]?\s*(?:incoterms\s*®?\s*)?(?P<y3>20\d\d)",
    re.IGNORECASE,
)
_TERM = re.compile(r"(?<![A-Za-z])(" + "|".join(map(re.escape, TERM_WORDS)) + r")(?![A-Za-z])")
_TRADE_CONTEXT = re.compile(
    r"贸易术语|价格术语|价格条件|交货条件|交货方式|术语|incoterms|通则|港|口岸|码头|机场|运费|保险|交货|交付|价格|单价"
    r"|总价|报价|工厂|仓库",
    re.IGNORECASE,
)
_RISK = re.compile(
    r"风险[^。；;\n]{0,12}转移|转移[^。；;\n]{0,8}风险|毁损[、和及或与]?灭失(?:的)?风险"
    r"|风险[^。；;\n]{0,20}(?:由|归)[^。；;\n]{0,12}(?:承担|负担)|(?:承担|负担)[^。；;\n]{0,16}风险"
)
_CARRIER = re.compile(
    r"(?P<who>甲方|乙方|买方|卖方|需方|供方|采购人|供应商|出卖人|买受人|我方|贵方)[^，,。；;]{0,4}?"
    r"(?:负责|安排|承担)[^，,。；;]{0,4}?(?:运输|送货|托运|提货|装运|发运|配送)"
)
_COST = re.compile(
    r"(?:运费|运输费(?:用)?|运杂费|物流费|装卸费|保险费)[^，,。；;]{0,6}?(?:由|归)\s*(?P<who>甲方|乙方|买方|卖方|需方|供方"
    r"|采购人|供应商|出卖人|买受人|我方|贵方)|(?P<incl>含|包含|包括)[^，,。；;]{0,14}?(?:运费|运输费)"
)


# ------------------------------------------------------------------------------------------ facts


@dataclass(frozen=True, slots=True)
class Place:
    """A delivery place as written; ``house_number`` says whether an address goes down to the door."""

    text: str
    kind: PlaceKind
    house_number: bool
    labelled: bool
    where: Where


@dataclass(frozen=True, slots=True)
class DeliveryTime:
    """When delivery is due: ``kind`` says how it is fixed; ``labelled`` when read after a time label."""

    text: str
    kind: TimeKind
    labelled: bool
    where: Where


@dataclass(frozen=True, slots=True)
class TradeTerm:
    """An Incoterms rule named in a trade-term context (``obsolete`` for DAT, DDU, DAF, DES, DEQ)."""

    code: str
    obsolete: bool
    where: Where


@dataclass(frozen=True, slots=True)
class Party:
    """Who does something (carrier, payer of freight): the designation as written, or ``included``."""

    who: str
    where: Where


@dataclass(frozen=True, slots=True)
class DeliveryFacts:
    """The delivery facts of one document."""

    mentioned: bool
    places: tuple[Place, ...]
    times: tuple[DeliveryTime, ...]
    terms: tuple[TradeTerm, ...]
    edition: int | None
    edition_where: Where | None
    risk: tuple[Where, ...]
    carriers: tuple[Party, ...]
    costs: tuple[Party, ...]
    first_mention: Where | None

    @property
    def has_time(self) -> bool:
        """True when some delivery time is fixed (a date, a period, recurring dates, at once, or a blank)."""
        return any(t.kind not in ("on_notice", "event", "other") for t in self.times)


# ------------------------------------------------------------------------------------------ places


def classify_place(text: str) -> tuple[PlaceKind, bool]:
    """The kind of a place string and whether it has a house number."""
    if has_blank(text) or not text.strip(" _＿"):
        return "blank", False
    # a contact in brackets (收货人：刘畅，电话010-…) is no part of the place: its digits are no house number
    text = _CONTACT_NOTE.sub("", text) if _CONTACT.search(text) else text
    # a note in brackets (贵司指定地点（市区内免运费）) is no address unless it has the house number
    outer = _BRACKETED.sub("", text)
    notes = [m.group() for m in _BRACKETED.finditer(text)]
    if outer.strip() and notes and all(_NOTE.search(n) and not _HOUSE_NO.search(n) for n in notes):
        text = outer
    if _LIST_LATER.search(text) and _PLACE_NOUN.search(text):
        return "designated", False  # 各社区门店（门店清单另发）: the list of places is still to come
    if _EACH.match(text):
        return "reference", False  # 各乡镇站点 / 各门店: a class of places, listed elsewhere
    house = _HOUSE_NO.search(text) is not None
    port = not house and _is_port(text)
    if _ADMIN.search(text):
        if port:
            return "port", False
        if not house and _named_site(text):
            return "site", False
        return "address", house
    if port:
        return "port", False
    if house:
        return "address", True
    if _DESIGNATED.search(text) and _PLACE_NOUN.search(text) and not _AGREED_PLACE.search(text):
        return "designated", False
    if _PORT_AREA.search(text) and len(text) <= 30:
        # 白云机场甲方机库 / 新港码头二号仓库: a building inside a port or an airport, no street nor number —
        # as inside a bonded zone (沙头角保税区港湾环球仓库), the door is not stated
        return "address", False
    return "reference", False


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
#: A port, a quay or an airport as an area with buildings inside (not 香港, the city).
_PORT_AREA = re.compile(r"(?<!香)港(?!澳|台|币)|码头|机场")
#: A contact in a bracket: its label, or a phone label with its number (not 到时候电话告诉具体位置).
_CONTACT = re.compile(r"收货人|联系人|联系电话|(?:电话|手机|传真|[Tt]el|TEL)\s*[:：]?\s*[\d(（+]")
_CONTACT_NOTE = re.compile(r"[(（][^()（）]*?(?:" + _CONTACT.pattern + r")[^()（）]*[)）]")
#: The list of the places sent later in the words after them: 买方下属各网点，网点名单届时通知.
_LIST_LATER_NEXT = re.compile(
    r"[，,]?[^。；;\n]{0,6}?(?:清单|名单|名录|明细|地址)[^，,。；;）)]{0,4}?(?:另发|另行(?:发送|提供|通知|告知|确定)"
    r"|届时(?:通知|提供|确定|发送)|后续(?:提供|发送|通知)|待定)"
)
#: The list or address of the places sent later: 门店清单另发, 地址另行提供, 名单届时通知.
_LIST_LATER = re.compile(
    r"(?:清单|名单|名录|明细|地址|位置)[^，,。；;）)]{0,4}?(?:另发|另行(?:发送|提供|通知|告知|确定)|届时(?:通知|提供|确定|发送)"
    r"|后续(?:提供|发送|通知)|待定)"
)
#: What a bracketed note about freight or range says (市区内免运费, 含卸货, 运费另计): it is no address.
_NOTE = re.compile(r"费|免|包邮|含|另计|范围|以内|区内|市内|上门|卸货|搬运")
#: A class of places rather than one (各乡镇站点, 每个门店, 所属各分公司): the list is elsewhere.
_EACH = re.compile(r"\s*(?:各|每个|每一|每家|所属|下属|全部|所有|指定的各)")
#: A named facility identifies the place without a house number: 汉源县污水处理厂工地现场.
_SITE = re.compile(r"(?:厂|工地|现场|电站|医院|学校|大学|大厦|基地|矿|车站|机场|项目部|水库|变电站)$")
_PARTY_START = re.compile(r"^(?:的|之|甲方|乙方|买方|卖方|需方|供方|客户|贵方|我方|其|该|公司)")
#: 乙方指定的交货地点: the agreed place of delivery, whoever designates it, defined elsewhere.
_AGREED_PLACE = re.compile(
    r"(?:交货|交付|约定)(?:的)?(?:地点|地址)|所载(?:的)?地址|首部|首页|住所|注册地|上述地址|前述地址"
    r"|见(?:本合同)?附件|附件[一二三四五六七八九十\d]*所列"
    # the place an order or call-off states (订单指定的院区库房, 采购单载明的地点): fixed per order
    r"|(?:订单|采购单|订货单|要货单|送货单|通知单|框架协议|主协议)(?:中|上)?(?:载明|指定|列明|注明|写明|确定|约定|所示)"
)


#: A building or store after the port word (…保税区港湾环球仓库, …新港物流园三号库): a door inside the zone.
_IN_ZONE = re.compile(r"仓库|仓|库|厂|车间|中心|公司|大厦|大楼|楼|店|基地|门店|部|院|所|室")


def _is_port(text: str) -> bool:
    """True when the place is a port, a quay or an airport itself — not a warehouse or works inside a bonded
    zone or port area (沙头角保税区港湾环球仓库 needs its street and number)."""
    ends = [m.end() for m in _PORT.finditer(text)]
    return bool(ends) and _IN_ZONE.search(text, ends[-1]) is None


def _named_site(text: str) -> bool:
    """True when the part after the last administrative unit names a facility (a works, a site)."""
    units = list(_ADMIN.finditer(text))
    tail = text[units[-1].end() :] if units else text
    return len(tail) >= 4 and not _PARTY_START.match(tail) and _SITE.search(tail) is not None


def _place_end(value: str) -> int | None:
    """Where a place's value ends at a verb-like word: a bracket the word stands in belongs to the place
    whole (甲方鱼塘（具体哪口塘到时候电话说）), or is cut at its opening when it does not close."""
    m = _PLACE_END.search(value, 2)
    while m is not None:
        opened = max(value.rfind("(", 0, m.start()), value.rfind("（", 0, m.start()))
        closed = max(value.rfind(")", 0, m.start()), value.rfind("）", 0, m.start()))
        if opened <= closed:
            return m.start()
        close = min(
            (k for k in (value.find(")", m.start()), value.find("）", m.start())) if k >= 0), default=-1
        )
        if close < 0:
            return opened
        m = _PLACE_END.search(value, close + 1)
    return None


def _place_value(text: str, start: int) -> tuple[int, int]:
    """The span of the place written from ``start``: up to the clause end or the next verb-like word."""
    window = text[start : start + 80]
    # an address in brackets belongs to the place: 甲方工厂（江苏省…88号）
    end = 0
    depth = 0
    for k, ch in enumerate(window):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "，,。；;\n":
            break
        end = k + 1
    value = window[:end]
    cut = _place_end(value)
    if cut is not None and not _HOUSE_NO.search(value[cut:]):
        value = value[:cut]
    value = value.rstrip(" ：:")
    lead = len(value) - len(value.lstrip())
    return start + lead, start + len(value)


#: A delivery made as each order says (按订单将货物送至…, 根据每份采购订单的要求送到…): the order fixes
#: the place.
_BY_ORDER = re.compile(
    r"(?:按|依|根据|按照|依照|依据)\s*(?:每份|每次|各|该|当次|具体|甲方|买方|需方)?(?:的)?(?:书面)?"
    r"(?:采购订单|订单|采购单|订货单|要货单|送货通知单)"
)


#: What is served rather than delivered (通知, 文书, 函件): 送达 after it is no delivery of the goods.
_SERVED = re.compile(r"通知|文书|函|信件|邮件|快递|材料|单据|发票|文件|资料|送达地址")


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in "。；;\n") + 1


def places_in(text: str, block: int) -> list[Place]:
    """The delivery places written in one block's normalized text."""
    out: list[Place] = []
    seen: set[int] = set()
    patterns = [(_PLACE_LABEL, True), (_SENT_TO, False)]
    if _SENT_TO.search(text) or _VERB.search(text):
        patterns.append((_BARE_ADDRESS, True))  # 送到甲方家里，地址是…: the address of that delivery
    for rx, labelled in patterns:
        for m in rx.finditer(text):
            s, e = _place_value(text, m.end())
            if e <= s or s in seen:
                continue
            value = text[s:e]
            if (
                value[:1] in "、，,和及与或"
                or len(value) < 2
                or _cost_mention(text, e)
                or re.search(r"(?:运|费)用?$", value)
            ):
                continue
            if not labelled and re.match(
                r"(?:甲方|乙方|买方|卖方|需方|供方|对方|贵方|我方)(?:处|手中)?$", value
            ):
                continue  # 送达甲方: a person, not a place
            if m.group() == "送达" and _SERVED.search(text, _sentence_start(text, m.start()), m.start()):
                continue  # 法律文书送达甲方指定地点 / 通知以专人送达: a notice served, not goods delivered
            if (
                not labelled
                and not _VERB.search(text[max(0, m.start() - 12) : m.end()])
                and not (_ADMIN.search(value) or _DESIGNATED.search(value))
            ):
                continue  # 到达 without a delivery word around it
            seen.add(s)
            kind, house = classify_place(value)
            later = None if house else (_SPOT_LATER.search(text[e:]) or _LIST_LATER_NEXT.match(text, e))
            if not house and kind in ("site", "port", "reference", "address"):
                if later is not None:
                    kind = "designated"  # the named area is no delivery point until the call
                    e += later.end()  # 送到买方那边，具体送哪家店到时候电话说: the call is part of the place
                    value = text[s:e]
                elif "具体" in value and _SPOT_LATER_NOTE.search(value):
                    kind = "designated"
            if (
                kind == "designated"
                and not labelled
                and re.match(r"\s*(?:后|之后|之日|时|起|当日)", text[e:])
            ):
                kind = "reference"  # 运至甲方指定地点后…: an event, the place itself is agreed elsewhere
            if kind == "designated" and _BY_ORDER.search(text, _sentence_start(text, s), s):
                kind = "reference"  # 乙方按订单将货物送至甲方指定校区: each order names the place
            out.append(Place(value, kind, house, labelled, Where(block, (s, e))))
    return out


def _cost_mention(text: str, end: int) -> bool:
    """``运至客户厂区的运费`` / ``…的运输、包装、装卸费用``: the place names what the costs cover, not where
    delivery is."""
    return _COST_AFTER.match(text, end) is not None


#: The costs a place is named for: 的运费 / 的全部费用 / 的运输、包装、装卸费用 / 的包装、运输和装卸费.
_COST_AFTER = re.compile(
    r"\s*(?:的|之)?\s*(?:(?:运输|包装|装卸|卸货|卸车|保险|搬运|仓储|安装|吊装|运杂|物流)\s*[、，,和及与]?\s*){0,6}"
    r"(?:运费|运输费|运杂费|费用|费|全部费用|物流费)"
)


#: A line that goes on with a house number: ``15 号需方三号织造车间`` after a line ending in ``三江路``.
_HOUSE_NO_START = re.compile(r"\s*(?:" + _HOUSE_NO.pattern + ")", re.IGNORECASE)


#: The head of a line that goes on with an address: up to its first clause mark.
_LINE_HEAD = re.compile(r"[^，,。；;\n]{1,60}")


def _continued(doc: Document, place: Place) -> Place:
    """An address that runs to the end of a text line (a PDF, a scan or hard-wrapped text) and goes on on
    the next line (``…送到陕西省西安市`` / ``灞桥区新筑街道港务大道 88 号…``) is read with that line's
    head."""
    if place.kind not in ("address", "port", "site") or place.house_number:
        return place
    b, (_s, e) = place.where.block, place.where.span
    block = doc.blocks[b]
    if block.kind not in ("line", "heading") or block.norm[e:].strip() or b + 1 >= len(doc.blocks):
        return place  # a line of a PDF or text (a 第三条交货：… line may be read as a heading)
    nxt = doc.blocks[b + 1]
    if nxt.kind != "line":
        return place
    if _HOUSE_NO_START.match(nxt.norm):
        return Place(place.text, place.kind, True, place.labelled, place.where)
    head = _LINE_HEAD.match(nxt.norm.lstrip())
    if head is None or heading_of(nxt.norm) is not None or _LINE_START_NUMBER.match(nxt.norm):
        return place
    if _PARTY_START.match(head.group()) or not _ADMIN.search(head.group()):
        return place  # the next line says something else (需方三号织造车间, 东侧)
    kind, house = classify_place(place.text + head.group())
    return Place(place.text, kind, house, place.labelled, place.where)


#: A line that opens a new numbered item (3. / （二） / 第四条): no continuation of the line before.
_LINE_START_NUMBER = re.compile(
    r"^\s*(?:第[一二三四五六七八九十\d]{1,4}条|[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}(?:\.\d)*[.、．])"
)


# ------------------------------------------------------------------------------------------ times


def classify_time(text: str) -> TimeKind:
    """How a time value fixes delivery (``date``, ``period``, ``recurring``, ``on_notice``, …)."""
    if has_blank(text):
        return "blank"
    if _DATE.search(text):
        return "date"
    for d in find_durations(text):
        if text[d.span[1] :].lstrip().startswith(DEADLINE_WORDS) or _AFTER_EVENT.search(text[: d.span[0]]):
            return "period"
    if _RECURRING.search(text):
        return "recurring"
    if _DOCUMENT_FIXES.search(text):
        return "by_document"
    if _NOTICE_PERIOD.search(text):
        return "period"
    if _ON_NOTICE.search(text):
        return "on_notice"
    if _immediate(text):
        return "immediate"
    return "other"


def _immediate(text: str) -> bool:
    """An immediate word that times the delivery (立即发货, 现货, 当日送达) — not one that dates another act
    at the delivery (到货当日清点数量, 交货的同时提供发票)."""
    return any(
        _AT_DELIVERY.search(text, max(0, m.start() - 6), m.start()) is None for m in _IMMEDIATE.finditer(text)
    )


def _verb_time(clause: str) -> bool:
    """A date or a deadline stands before a delivery verb, with no payment verb between (the time is the
    delivery's, not a payment's): ``于2026年6月30日前交付``, ``合同签订后30日内送货``."""
    for rx_match in _DATE.finditer(clause):
        if _delivers_after(clause, rx_match.end()):
            return True
    for d in find_durations(clause):
        if clause[d.span[1] :].lstrip().startswith(DEADLINE_WORDS) and _delivers_after(clause, d.span[1]):
            return True
    if any(_delivers_after(clause, m.end()) for m in _SEASON.finditer(clause)):
        return True
    return _deadline_after_verb(clause)


#: A deadline word before a date (不迟于2026年4月30日, 最迟于…前): the date bounds what was named before it.
_DEADLINE_BEFORE_DATE = re.compile(r"(?:不迟于|不晚于|不得迟于|不得晚于|至迟|最迟|最晚)\s*(?:于|在|为)?\s*$")
#: A date (or a list of dates, one a batch) closed by a deadline word after it: 分别于2027年1月20日、2月26日
#: 之前 / 第一批2026年5月10日前 / …4月22日或之前.
_DEADLINE_AFTER_DATE = re.compile(
    rf"(?:\s*(?:[、,，]|及|和|与|以及)\s*(?:{_DATE.pattern}))*\s*(?:或|或者)?\s*(?:之前|以前|前(?!往|述|款)|为止)"
)
#: An act other than delivering right after a date (…前付款 / …前完成验收): the date is that act's.
_OTHER_ACT_AFTER = re.compile(
    r"^[^，,。；;]{0,8}?(?:支付|付款|付清|结算|开具|验收|检验|通知|提出|确认|签署|签订)"
)


def _deadline_after_verb(clause: str) -> bool:
    """A delivery verb, then a deadline date for it (卖方应分两批交付：第一批不迟于2026年4月30日 / 交货：最迟
    2027年3月1日): no payment verb between, no other act after the date."""
    v = _VERB.search(clause)
    if v is None or _VERB_AS_NOUN.match(clause, v.end()) or _BREACH.search(clause, 0, v.start()):
        return False
    for m in _DATE.finditer(clause, v.end()):
        if m.start() - v.end() > 60:
            break
        tail = _DEADLINE_AFTER_DATE.match(clause, m.end())
        if not (tail or _DEADLINE_BEFORE_DATE.search(clause, max(v.end(), m.start() - 8), m.start())):
            continue
        end = tail.end() if tail else m.end()  # (…3月25日及4月22日之前付款: the dates are a payment's)
        if _PAY_VERB.search(clause, v.end(), m.start()) or _OTHER_ACT_AFTER.match(clause[end:]):
            continue
        return True
    return False


def _delivers_after(clause: str, at: int) -> bool:
    rest = clause[at : at + 70]
    v = _VERB.search(rest)
    if v is None or _VERB_AS_NOUN.match(rest[v.end() :]):
        return False
    between = rest[: v.start()]
    if _PAY_VERB.search(between):
        return False
    after = rest[v.end() : v.end() + 12]
    return not (_NOT_DELIVERY_OF.search(after) or _NOT_DELIVERY_OF.search(between))


_TIME_KEY = re.compile(
    r"^\s*(?:\d{1,2}\s*)?(?:交货|交付|供货|到货|到场|发货|送货|装运|提货|进场)(?:时间|日期|期限|期|时限|日)\s*[:：]?\s*$"
)
_PLACE_KEY = re.compile(r"^\s*(?:\d{1,2}\s*)?(?:交货|交付|送货|收货|到货|提货)(?:地点|地址)\s*[:：]?\s*$")


def _key_value(row: Row, key: re.Pattern[str]) -> Cell | None:
    """The value cell beside a key cell (``交货时间`` | value) of a key-terms table row, else None."""
    cells = row.cells
    for k, cell in enumerate(cells[:-1]):
        if key.match(cell.text):
            value = cells[k + 1]
            if value.text and value.where.block >= 0 and not key.match(value.text):
                return value
    return None


_TIME_NOUN = re.compile(
    r"时间|日期|期限|交货期|交期|批次|何时|什么时候|要货时|需货时|用货时|需要时|计划|进度|排期"
    r"|(?:交货|交付|到货|送货|发货)日(?![起内后前])"
)


def _notice_governs(clause: str) -> re.Match[str] | None:
    """The notice phrase that fixes when delivery happens in a sentence without a time label: it stands in
    a sentence about the delivery time, or just before the delivery verb (按甲方通知发货); 协商 only counts
    after a time label."""
    if _BREACH.search(clause):
        return None
    for m in _ON_NOTICE_VERB.finditer(clause):
        if _TIME_NOUN.search(clause) and _VERB.search(clause):
            return m
        if _VERB.search(clause[m.start() : m.end() + 8]):
            return m
    return None


def _until_event(clause: str) -> tuple[int, int] | None:
    """The span of a delivery put off until an undated event (等买方新店装修好了再送过去), or None."""
    if _BREACH.search(clause):
        return None
    for v in _VERB.finditer(clause):
        m = _UNTIL_EVENT.search(clause, max(0, v.start() - 30), v.start())
        if (
            m is not None
            and not _VERB_AS_NOUN.match(clause[v.end() :])
            and not _NOT_DELIVERY_OF.match(clause, v.end())
        ):
            return m.start(), v.end()
    return None


#: A numbered sub-item of a list (（1） / 1) / ① / a.) under a label that ends its line.
_SUB_ITEM = re.compile(
    r"^\s*(?:[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[a-z])\s*[)）]|\d{1,2}\s*[)）]|[①-⑩]|[a-z][.)])"
)


def _listed_below(doc: Document, i: int) -> DeliveryTime | None:
    """The time a label with no value on its line (交货时间：) gives in the sub-items listed below it: the
    first one with a date or a period (the value of a label is the list under it)."""
    for j in range(i + 1, min(len(doc.blocks), i + 7)):
        norm = doc.blocks[j].norm
        if not _SUB_ITEM.match(norm):
            break
        kind = classify_time(norm)
        if kind in ("date", "period", "recurring"):
            return DeliveryTime(norm, kind, True, Where(j, (0, len(norm))))
    return None


#: The next label of a form line (交货地点, 付款方式, 其他 …): a time label's value ends there.
_NEXT_LABEL = re.compile(
    r"(?:交货|交付|送货|收货|到货|卸货|提货)(?:地点|地址)|(?:付款|结算|支付)(?:方式|条件)|(?<=\S)其[他它]\s|备注\s*[:：]?"
)
#: Delivery completed by installing (装好, 安装完毕, 调试完成, 安装到位): a deadline for it is the delivery's.
_DONE = re.compile(
    r"装好|安装好|装完|安装完毕|安装完成|完成安装|安装调试完毕|安装调试完成|调试完毕|调试完成|安装到位|安装就位|交付使用"
)
_DONE_WORDS = ("装好", "装完", "安装完", "完成安装", "调试完", "安装到位", "安装就位", "交付使用")


def _done_time(clause: str) -> TimeKind | None:
    """``date`` or ``period`` when a date or a deadline stands before a completion of installation (最晚
    2026年12月20日前装好, 合同签订后20日内安装调试完毕), with no payment verb between; else None."""
    for m in _DATE.finditer(clause):
        if _completes_after(clause, m.end()):
            return "date"
    for d in find_durations(clause):
        if _FROM_DELIVERY.search(clause, max(0, d.span[0] - 10), d.span[0]):
            continue  # 到货后15日内完成安装调试: a period that runs from the delivery fixes no delivery time
        if clause[d.span[1] :].lstrip().startswith(DEADLINE_WORDS) and _completes_after(clause, d.span[1]):
            return "period"
    return None


_FROM_DELIVERY = re.compile(r"(?:到货|交货|送达|运抵|交付|送到|收货|到场|进场)(?:之日)?(?:后|起)\s*$")


def _completes_after(clause: str, at: int) -> bool:
    rest = clause[at : at + 30]
    m = _DONE.search(rest)
    return m is not None and not _PAY_VERB.search(rest, 0, m.start())


#: Every clause with a delivery time holds one of these (the verbs, or a time label's first word).
_TIME_GATE: tuple[str, ...] = (*DELIVERY_VERBS, "到场", "进场", "交期", *_DONE_WORDS)


#: When to deliver, left to a later call in plain words: 什么时候送，到时候两家电话再约 / 哪天发货以后再商量 /
#: 送货时间届时电话确定.
_TIME_LATER = re.compile(
    r"(?:什么时候|何时|哪天|哪一天|几时|几号|送货时间|交货时间|发货时间|到货时间)[^。；;]{0,4}?"
    r"(?:送|交|发|运|拉|到货|交货|发货|送货)?[^。；;]{0,3}?[，,]?\s*"
    r"(?:到时候|到时|届时|以后|之后|回头|再)[^，,。；;]{0,10}?(?:电话|微信|当面|口头)?[^，,。；;]{0,3}?"
    r"(?:再)?(?:约|商量|定|确定|协商|说|联系|通知)"
)


_TIME_LATER_GATE = ("什么时候", "何时", "哪天", "哪一天", "几时", "几号", "时间")


def _times(doc: Document) -> list[DeliveryTime]:
    out: list[DeliveryTime] = []
    for block, start, _end, clause in clauses_naming(doc, _TIME_GATE):
        i = block.location.index
        lm = None if clause.lstrip()[:1] in "|│┃" else _TIME_LABEL.search(clause)
        if lm:
            s = start + lm.end()
            e = start + len(clause)
            nxt = _NEXT_LABEL.search(block.norm, s + 1, e)
            if nxt is not None:
                e = nxt.start()  # a form run into one line: 交货日期 待甲方通知交货地点 宁夏…
            value = block.norm[s:e]
            if (na := _NOT_APPLICABLE.match(value)) is not None:
                # 交货期限：／，到货后10日内安装调试完毕: the field struck out — the rest of the line is
                # another act's period
                e = s + na.end()
                value = block.norm[s:e]
                out.append(DeliveryTime(value, "other", True, Where(i, (s, e))))
                continue
            kind = classify_time(value)
            if not value.strip() and block.kind == "cell":
                continue
            if not value.strip() and (below := _listed_below(doc, i)) is not None:
                out.append(below)  # 2. 交货时间： ⏎ (1)料塔于2027年3月31日前到场 ⏎ (2)…
                continue
            out.append(DeliveryTime(value, kind, True, Where(i, (s, e))))
            continue
        if not _VERB.search(clause):
            done = None if _BREACH.search(clause) else _done_time(clause)
            if done is not None and _VERB.search(block.norm):
                # 运到乙方诊所…。最晚2026年12月20日前装好: the goods delivered and installed by a date
                out.append(DeliveryTime(clause, done, False, Where(i, (start, start + len(clause)))))
            continue
        if _verb_time(clause):
            kind: TimeKind = "date" if _DATE.search(clause) else "period"
            out.append(DeliveryTime(clause, kind, False, Where(i, (start, start + len(clause)))))
        elif (done := _done_time(clause)) is not None and not _BREACH.search(clause):
            out.append(DeliveryTime(clause, done, False, Where(i, (start, start + len(clause)))))
        elif (
            (d := _DOCUMENT_FIXES.search(clause)) is not None
            and not _CATCH_ALL.search(clause, 0, d.start())
            and (
                _TIME_NOUN.search(clause)
                or (not _BREACH.search(clause) and _VERB.search(clause, d.end(), d.end() + 8))
            )
        ):  # 交货时间以订单为准 / 按订单交货 / 交货计划见附件三 — not 其他按框架协议“三、交货”执行
            span = (start + d.start(), start + d.end())
            out.append(DeliveryTime(d.group(), "by_document", False, Where(i, span)))
        elif (m := _NOTICE_PERIOD.search(clause)) is not None and not _BREACH.search(clause):
            span = (start + m.start(), start + m.end())
            out.append(DeliveryTime(m.group(), "period", False, Where(i, span)))
        elif (m := _notice_governs(clause)) is not None:
            span = (start + m.start(), start + m.end())
            out.append(DeliveryTime(m.group(), "on_notice", False, Where(i, span)))
        elif ((_RECURRING.search(clause) or _immediate(clause)) and not _PAYMENT_SENTENCE.search(clause)) or (
            _IMMEDIATE_VERB.search(clause) and not _BREACH.search(clause)
        ):
            # (签协议当天先给1万元定金，送货结账时这1万抵货款: a payment's day, not a delivery time)
            kind = "recurring" if _RECURRING.search(clause) else "immediate"
            out.append(DeliveryTime(clause, kind, False, Where(i, (start, start + len(clause)))))
        elif (ev := _until_event(clause)) is not None:
            span = (start + ev[0], start + ev[1])
            out.append(DeliveryTime(clause[ev[0] : ev[1]], "event", False, Where(i, span)))
    for rows in tables(doc):
        header_done = False
        for r, row in enumerate(rows):
            kv = _key_value(row, _TIME_KEY)
            if kv is not None and (len(row.cells) == 2 or classify_time(kv.text) != "other"):
                # a key-terms table: 交货时间 | 2027年3月20日前一次交付
                out.append(DeliveryTime(kv.text, classify_time(kv.text), True, kv.where))
                continue
            col = None if header_done or len(row.cells) < 3 else column(row.texts, _TIME_COL)
            if col is None:
                continue
            header_done = True
            for data in rows[r + 1 :]:
                if col >= len(data.cells) or data.cells[col].where.block < 0:
                    continue
                cell = data.cells[col]
                if not cell.text:
                    continue
                out.append(DeliveryTime(cell.text, classify_time(cell.text), True, cell.where))
            break
    for i in block_indices_naming(doc, _TIME_LATER_GATE):  # 什么时候送，到时候两家电话再约: a later call
        for later in _TIME_LATER.finditer(doc.blocks[i].norm):
            out.append(DeliveryTime(later.group(), "on_notice", False, Where(i, later.span())))
    out.extend(_column_dates(doc))
    return [_ahead(doc, t) for t in out]


#: A delivery-date column heading that ends a line of column headings (… 金额(元) 交货日期).
_DATE_COLUMN = re.compile(r"(?:交货|交付|到货|送货|发货)(?:日期|时间|期)\s*$|交期\s*$")
_DATE_COLUMN_WORDS = (
    "交货日期",
    "交货时间",
    "交货期",
    "交付日期",
    "到货日期",
    "送货日期",
    "发货日期",
    "交期",
)


#: A signature line (采购方（盖章）：… 日期：…): the end of any table above it.
_SIGNATURE_LINE = re.compile(r"(?:盖章|签章|签字|签名)\s*[)）]?\s*[:：]|(?<![交到发送货期])日期\s*[:：]")


def _column_dates(doc: Document) -> list[DeliveryTime]:
    """Dates under a delivery-date column of a table a PDF gave as lines (the heading ends its line, each
    row's date follows on the row's lines): the first date within the next lines fixes the time."""
    out: list[DeliveryTime] = []
    for i in block_indices_naming(doc, _DATE_COLUMN_WORDS):
        b = doc.blocks[i]
        if b.kind == "cell" or len(b.norm.split()) < 2 or not _DATE_COLUMN.search(b.norm):
            continue
        for j in range(i + 1, min(len(doc.blocks), i + 30)):
            norm = doc.blocks[j].norm
            if _SIGNATURE_LINE.search(norm):
                break  # the table is over: a date on the signature line is the signing's
            m = _DATE.search(norm)
            if m is not None:
                out.append(DeliveryTime(m.group(), "date", True, Where(j, m.span())))
                break
            notice = _ON_NOTICE.search(norm)
            if notice is not None:  # a row whose date is 以甲方通知为准
                out.append(DeliveryTime(notice.group(), "on_notice", True, Where(j, notice.span())))
            if "合计" in norm or "总计" in norm:
                break  # the total row ends the table's rows
    return out


def _ahead(doc: Document, t: DeliveryTime) -> DeliveryTime:
    """A delivery on notice whose paragraph gives the notice a set time ahead (按甲方通知交货；甲方应提前五日
    通知乙方) is a period after the notice."""
    if t.kind != "on_notice":
        return t
    norm = doc.blocks[t.where.block].norm
    for m in _NOTICE_PERIOD.finditer(norm):
        head = max(norm.rfind(c, 0, m.start()) for c in "。；;\n") + 1
        if not _BREACH.search(norm, head, m.end()):
            return DeliveryTime(m.group(), "period", t.labelled, Where(t.where.block, m.span()))
    return t


# ------------------------------------------------------------------------------------------ terms


#: Chinese names of Incoterms rules, read as the rule when a port stands in the same clause.
ZH_TERMS: dict[str, str] = {
    "离岸价": "FOB", "船上交货": "FOB", "到岸价": "CIF", "成本加保险费加运费": "CIF",
    "成本、保险费加运费": "CIF", "成本保险费加运费": "CIF", "成本加运费": "CFR",
}  # fmt: skip
_ZH_TERM = re.compile("|".join(sorted(map(re.escape, ZH_TERMS), key=len, reverse=True)))
_ZH_GATE = ("离岸", "到岸", "船上交货", "成本加", "成本、保险费", "成本保险费")


def _terms(doc: Document) -> list[TradeTerm]:
    out: list[TradeTerm] = []
    for block, start, _end, clause in clauses_naming(doc, _ZH_GATE):
        if _PORT.search(clause):
            for m in _ZH_TERM.finditer(clause):
                where = Where(block.location.index, (start + m.start(), start + m.end()))
                out.append(TradeTerm(ZH_TERMS[m.group()], False, where))
    for block, start, _end, clause in clauses_naming(doc, TERM_WORDS):
        if not (_TRADE_CONTEXT.search(clause) or _TRADE_CONTEXT.search(block.norm)):
            continue
        for m in _TERM.finditer(clause):
            code = m.group(1)
            where = Where(block.location.index, (start + m.start(), start + m.end()))
            out.append(TradeTerm(code, code in OBSOLETE_INCOTERMS, where))
    out.sort(key=lambda t: (t.where.block, t.where.span))
    return out


_TERM_PLACE_END = re.compile(r"[（(,，。；;\n]|incoterms|国际贸易术语|方式|价格|价|交货|交付|术语|通则", re.I)


_SEA_TERMS = ("FOB", "CFR", "CIF", "FAS", "CNF", "C&F")


def _term_places(doc: Document) -> list[Place]:
    """The named place after a trade term (``DAP 天津市滨海新区黄海路219号买方二号仓库``)."""
    out: list[Place] = []
    for block, start, _end, clause in clauses_naming(doc, TERM_WORDS):
        if not _TRADE_CONTEXT.search(clause):
            continue
        for m in _TERM.finditer(clause):
            rest = clause[m.end() : m.end() + 60]
            stop = _TERM_PLACE_END.search(rest)
            value = rest[: stop.start()] if stop else rest
            lead = len(value) - len(value.lstrip())
            value = value.strip()
            if len(value) < 2:
                continue
            kind, house = classify_place(value)
            if m.group(1) in _SEA_TERMS and not house:
                kind = "port"  # FOB/CFR/CIF/FAS name a port, not a door
            s = start + m.end() + lead
            out.append(Place(value, kind, house, True, Where(block.location.index, (s, s + len(value)))))
    return out


_EDITION_WORDS = ("通则", "ncoterms", "NCOTERMS")


def _edition(doc: Document) -> tuple[int | None, Where | None]:
    for i in block_indices_naming(doc, _EDITION_WORDS):
        t = doc.blocks[i].norm
        m = _EDITION.search(t)
        if m:
            return int(m.group("y1") or m.group("y2") or m.group("y3")), Where(i, m.span())
    return None, None


#: An edition written as a bare year after the term: CIF汉堡（2020年版）/ FOB上海 2020通则 / 2010版.
_TERM_EDITION = re.compile(r"(?<!\d)(?P<y>20[012]0)\s*(?:年\s*)?(?:版|通则)")


def _edition_by_term(doc: Document, terms: list[TradeTerm]) -> tuple[int | None, Where | None]:
    """The edition written as a year right after a trade term and its place (within its clause)."""
    for t in terms:
        b, (_s, e) = t.where.block, t.where.span
        text = doc.blocks[b].norm
        stop = re.compile(r"[。；;\n]").search(text, e)
        m = _TERM_EDITION.search(text, e, min(e + 30, stop.start() if stop else len(text)))
        if m is not None:
            return int(m.group("y")), Where(b, m.span())
    return None, None


# ------------------------------------------------------------------------------------------ extract


#: Every block with a delivery verb, a place, a risk, a carrier or a freight cost holds one of these.
_EXTRACT_GATE = (*DELIVERY_VERBS, "地点", "地址", "至", "风险", "运", "送", "提货", "费")


def extract_document(doc: Document) -> DeliveryFacts:
    """The delivery facts of a read document."""
    places: list[Place] = []
    risk: list[Where] = []
    carriers: list[Party] = []
    costs: list[Party] = []
    first: Where | None = None
    verbs = set(block_indices_naming(doc, DELIVERY_VERBS))
    for i in block_indices_naming(doc, _EXTRACT_GATE):  # no other block holds a fact read below
        b = doc.blocks[i]
        t = b.norm
        verb = _VERB.search(t) if i in verbs else None
        if (
            verb
            and first is None
            and b.kind != "heading"
            and not (len(t) <= 16 and heading_of(t) is not None)
        ):
            first = Where(i, (0, len(b.text)))  # a clause, not its heading (第五条 交货)
        if verb or "地点" in t or "地址" in t or "至" in t:
            places.extend(places_in(t, i))
        if "风险" in t:
            risk.extend(Where(i, m.span()) for m in _RISK.finditer(t))
        if "运" in t or "送" in t or "提货" in t:
            carriers.extend(Party(m.group("who"), Where(i, m.span())) for m in _CARRIER.finditer(t))
        if "费" in t:
            costs.extend(Party(m.group("who") or "included", Where(i, m.span())) for m in _COST.finditer(t))
    places = [_continued(doc, p) for p in places]
    places.extend(_term_places(doc))
    for rows in tables(doc):
        for row in rows:
            kv = _key_value(row, _PLACE_KEY)
            if kv is None:
                continue
            block = doc.blocks[kv.where.block]
            s, e = _place_value(block.norm, kv.where.span[0])
            if e > s:
                value = block.norm[s:e]
                kind, house = classify_place(value)
                places.append(Place(value, kind, house, True, Where(kv.where.block, (s, e))))
    terms = _terms(doc)
    edition, edition_where = _edition(doc)
    if edition is None:
        edition, edition_where = _edition_by_term(doc, terms)
    return DeliveryFacts(
        mentioned=first is not None,
        places=tuple(places),
        times=tuple(_times(doc)),
        terms=tuple(terms),
        edition=edition,
        edition_where=edition_where,
        risk=tuple(risk),
        carriers=tuple(carriers),
        costs=tuple(costs),
        first_mention=first,
    )


#: A place named only as one party's facility: 买方嘉兴分拨中心 / 甲方的二号仓库 / 需方项目部.
_PARTY_FACILITY = re.compile(
    r"^(?P<who>甲方|乙方|买方|卖方|需方|供方|采购方|采购人|供应商|出卖人|买受人|订货方|订购方|供货方|收货方)(?:的|之)?"
    r"[^，,。；;（()）]{0,12}?(?:" + _PLACE_NOUN.pattern + r"|厨房|食堂|店|站|部|场|所|室|楼|区|间|点|仓)$"
)


#: An address set after a place's name: ``，江苏省苏州市工业园区苏惠路98号…`` / ``（地址：…88号）``.
_APPOSITION = re.compile(r"\s*[，,（(]\s*(?:地址\s*[:：为]?\s*)?(?P<addr>[^。；;\n）)]{4,60})")


#: A party's facility located only by its town (买方在成都的仓库, 甲方位于昆山的工厂): which one is not said.
_FACILITY_IN_TOWN = re.compile(
    r"^(?:甲方|乙方|买方|卖方|需方|供方|采购方|采购人|供应商|出卖人|买受人|订货方|订购方|供货方|收货方)"
    r"(?:在|位于|设在|于)[\u4e00-\u9fff]{2,8}?(?:的|之)[^，,。；;（()）]{0,8}?"
    r"(?:" + _PLACE_NOUN.pattern + r"|店|仓)$"
)


#: A party's facility said to be a new or another one (甲方新开的馆里, 买方新建的二号仓库, 甲方另一个厂区):
#: not the party's address in the party block.
_NEW_FACILITY = re.compile(
    r"^(?:甲方|乙方|买方|卖方|需方|供方|采购方|采购人|供应商|出卖人|买受人|订货方|订购方|供货方|收货方)(?:的|之)?"
    r"(?:新开|新建|新设|新租|新搬|新装修|刚开|刚建|正在建|在建|另一|另外)[^，,。；;（()）]{0,12}$"
)


def _unlocated(contract: Contract, place: Place) -> Place:
    """A labelled place that is only a party's facility (交货地点：买方嘉兴分拨中心) in a document that gives
    that party no address (an order whose parties' details are in the framework) is left to be located; a
    facility located only by its town (送至买方在成都的仓库) is, whatever the party's address."""
    if place.kind != "reference" or _AGREED_PLACE.search(place.text):
        return place  # 甲方在订单中指定的仓库: each order states it
    bare = _BRACKETED.sub("", place.text).strip()
    if _FACILITY_IN_TOWN.match(bare) or _NEW_FACILITY.match(bare):
        return Place(place.text, "designated", False, place.labelled, place.where)
    if not place.labelled:
        return place
    m = _PARTY_FACILITY.match(_BRACKETED.sub("", place.text).strip())
    if m is None:
        return place
    b, (_s, e) = place.where.block, place.where.span
    after = _APPOSITION.match(contract.doc.blocks[b].norm, e)
    if after is not None and classify_place(after.group("addr")) == ("address", True):
        return place  # 甲方金鸡湖项目服务中心，江苏省苏州市…苏惠路98号…: the address follows
    who = m.group("who")
    party = next((p for p in contract.parties.parties if who in p.designations), None)
    if party is None:
        role = contract.structure.role_of(who) or lexicon_role(who)
        party = contract.parties.by_role(role) if role is not None else None
    if party is None or party.has("address"):
        return place  # 送至买方工厂: the buyer's address is in the party block
    return Place(place.text, "designated", False, place.labelled, place.where)


def extract(contract: Contract) -> DeliveryFacts:
    """The delivery facts of ``contract``."""
    facts = extract_document(contract.doc)
    if not any(p.kind == "reference" for p in facts.places):
        return facts
    places = tuple(_unlocated(contract, p) for p in facts.places)
    return replace(facts, places=places)
