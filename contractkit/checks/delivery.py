"""The ``delivery`` family: where (down to the house number), when, on which trade term and with which
risk-transfer point the goods are delivered.

Gaps fall back to 民法典 Art. 511 (place: the performing party's seat; time: any time) and Art. 604 (risk
passes on delivery); trade terms follow ICC Incoterms® 2020.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contractkit.checks._common import (
    blocks_naming,
    clauses,
    doc_text,
    has_blank,
    is_chinese,
    iter_blocks_naming,
    memo,
)
from contractkit.checks.base import RuleContext, rule
from contractkit.checks.term import find_dates, is_contract
from contractkit.facts import DEADLINE_WORDS, find_durations
from contractkit.findings import Finding
from contractkit.readers.model import Document

#: Incoterms® 2020 rules (legal-basis.md §11); a module constant, not a setting (the ICC edition is fixed).
INCOTERMS_2020 = ("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF")
#: Rules no longer in Incoterms® 2020 (DAT replaced by DPU in 2020; DAF/DES/DEQ/DDU dropped in 2010).
OBSOLETE_INCOTERMS = ("DAT", "DDU", "DAF", "DES", "DEQ")

#: What ``_TERM_RE`` finds, without its letter guards: text without one of them holds no trade term.
_TERM_WORDS = (*INCOTERMS_2020, *OBSOLETE_INCOTERMS, "CNF", "C&F")
_ANY_TERM = re.compile("|".join(_TERM_WORDS))
_TERM_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(_TERM_WORDS) + r")(?![A-Za-z])")
_TRADE_CONTEXT = re.compile(
    r"贸易术语|价格术语|价格条件|交货条件|交货方式|术语|incoterms|通则|港|口岸|码头|机场|运费|保险|交货|交付|价格|单价|总价|报价",
    re.IGNORECASE,
)
_EDITION = re.compile(
    r"incoterms\s*®?\s*(?:\(r\))?\s*(?P<y1>20\d\d)|(?P<y2>20\d\d)\s*年?\s*版?\s*《?\s*国际贸易术语解释通则"
    r"|国际贸易术语解释通则\s*》?\s*[（(]?\s*(?:incoterms\s*®?\s*)?(?P<y3>20\d\d)",
    re.IGNORECASE,
)
_GOODS = re.compile(
    r"买卖|采购(?:合同|协议|的|下列)|向[^，,。；;]{0,10}采购|购销|供货|订货|订购|出卖人|买受人|货物|交货|到货|发货"
)
#: Words that speak of delivering the goods.
_DELIVERY_VERBS = (
    "交货",
    "交付",
    "送达",
    "发货",
    "到货",
    "送至",
    "运至",
    "运抵",
    "送货",
    "供货",
    "提货",
    "装运",
    "交至",
)
_DELIVERY_VERB = re.compile("|".join(_DELIVERY_VERBS))
_TIME_WORDS = re.compile(
    r"交货(?:时间|日期|期限|期)|交付(?:时间|日期|期限)|[日号]\s*(?:之|以)?前|当日|当天|同时|即时|每(?:月|周|日|天)"
)
_SENT_TO = ("送至", "运至", "送达至", "交付至", "交至", "送到", "运到")
_ADDR_CTX = re.compile(
    r"(?:交货|交付|送货|收货|到货|卸货|安装|指定)(?:地点|地址)[^，,。；;]{0,4}?[:：为是在]?|"
    + "|".join(_SENT_TO)
)
#: Every ``_ADDR_CTX`` match holds one of these.
_ADDR_WORDS = ("地点", "地址", *_SENT_TO)
_WINDOW_END = re.compile(r"[，,。；;\n]")
_ADDRESS = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9（）()\-#]*?(?:省|自治区|市|区|县|旗|镇|乡)[\u4e00-\u9fffA-Za-z0-9（）()\-#·]*"
)
_HOUSE_NO = re.compile(
    r"\d+\s*(?:号|栋|幢|座|室|楼|层|弄|单元|号楼|号院|#)|[一二三四五六七八九十百零〇]+(?:号|栋|幢|座|弄|号楼)|#\s*\d|No\.?\s*\d",
    re.IGNORECASE,
)
_PORT = re.compile(r"港|码头|机场|车站|火车站|口岸|保税区")
_RISK = re.compile(
    r"风险[^。；;\n]{0,12}转移|转移[^。；;\n]{0,8}风险|毁损[、和及或与]?灭失(?:的)?风险|风险[^。；;\n]{0,20}(?:由|归)[^。；;\n]{0,12}承担"
)


def _names_trade_term(doc: Document) -> bool:
    """True when the text holds a trade term (current or obsolete, letter guards aside); once per document."""
    return memo(doc, "delivery.any_term", lambda: _ANY_TERM.search(doc_text(doc)) is not None)


def _names_edition(doc: Document) -> bool:
    """True when the text names an Incoterms edition (``Incoterms 2020``, 2010年版国际贸易术语解释通则…)."""
    return memo(doc, "delivery.edition", lambda: _EDITION.search(doc_text(doc)) is not None)


def is_goods_contract(doc: Document) -> bool:
    """A Chinese contract (not a quote) for the sale or supply of goods."""
    return memo(doc, "delivery.is_goods", lambda: is_contract(doc) and bool(_GOODS.search(doc_text(doc))))


@rule(
    id="delivery/address-no-house-number",
    title="交货地址未写到门牌号",
    title_en="Delivery address without a house number",
    severity="warning",
    why="交货地址只写到省市区或道路，没有门牌号，货物送到哪里、是否已交付都会有争议；"
    "交付地点约定不明的，依民法典第511条第三项在履行义务一方所在地履行，第603条下买方还可能要自行提货。",
    why_en="A delivery address that stops at the district or road leaves it open where the goods must go and "
    "whether they were delivered; an unclear place falls back to Civil Code Arts. 511(3) and 603.",
    basis="民法典第510条、第511条第三项、第603条",
    fix="写明完整地址到门牌号，例如“江苏省苏州市工业园区星湖街88号3号厂房”。",
    bad=["交货地点：江苏省苏州市工业园区。", "乙方应将货物送至北京市海淀区中关村大街。"],
    good=[
        "交货地点：江苏省苏州市工业园区星湖街88号。",
        "乙方应将货物送至北京市海淀区中关村大街27号中关村大厦5层501室。",
        "交货地点为：＿＿＿＿＿＿",
    ],
)
def address_no_house_number(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for block in blocks_naming(doc, _ADDR_WORDS):
        text = block.norm
        for m in _ADDR_CTX.finditer(text):
            window = text[m.end() : m.end() + 60]
            window = _WINDOW_END.split(window, maxsplit=1)[0]
            addr = _ADDRESS.search(window)
            if not addr or has_blank(window):
                continue
            if _HOUSE_NO.search(addr.group(0)) or _HOUSE_NO.search(window) or _PORT.search(addr.group(0)):
                continue
            start = m.end() + addr.start()
            where = addr.group(0)
            yield ctx.report(
                block,
                f"交货地址“{where}”没有写到门牌号，交付地点不明确。",
                f"Delivery address '{where}' has no house number: the place of delivery is unclear.",
                span=(start, start + len(where)),
            )


def _has_time(clause: str) -> bool:
    if has_blank(clause) or find_dates(clause) or _TIME_WORDS.search(clause):
        return True
    return any(clause[d.span[1] :].lstrip().startswith(DEADLINE_WORDS) for d in find_durations(clause))


@rule(
    id="delivery/no-delivery-date",
    scope="document",
    title="未约定交货时间",
    title_en="No delivery date or period",
    severity="warning",
    why="买卖合同没有约定交货日期或期限，依民法典第511条第四项债务人可以随时履行、债权人可以随时请求履行，"
    "逾期交货无法认定，迟延交货违约金也无从起算。",
    why_en="A sales contract with no delivery date or period lets the seller deliver (and the buyer "
    "demand) at "
    "any time (Civil Code Art. 511(4)): late delivery cannot be established and no penalty can start.",
    basis="民法典第470条、第511条第四项、第601条",
    fix="写明交货时间，例如“乙方应于合同签订后30日内交货”或“2026年6月30日前交货”。",
    bad=[
        "本合同项下货物由乙方送至甲方仓库。",
        "第五条 交货\n乙方负责运输并将本合同设备交付甲方，运费由乙方承担。",
    ],
    good=["乙方应于本合同签订后30日内将货物送至甲方仓库。", "第五条 交货\n交货时间：2026年6月30日前。"],
)
def no_delivery_date(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_goods_contract(doc):
        return
    first = None
    for block in iter_blocks_naming(doc, _DELIVERY_VERBS):  # the first clauses often settle it
        for _span, clause in clauses(block):
            if not _DELIVERY_VERB.search(clause):
                continue
            first = first or block
            if _has_time(clause) or _has_time(block.norm):
                return
    if first is None:
        return
    yield ctx.report(
        first,
        "合同约定了交货但未约定交货日期或期限，依民法典第511条第四项可随时履行，逾期交货无法认定。",
        "Delivery is provided for but no date or period: under Civil Code Art. 511(4) it may happen at any "
        "time, so late delivery cannot be established.",
    )


@rule(
    id="delivery/obsolete-incoterm",
    title="使用已废止的贸易术语",
    title_en="Obsolete Incoterms rule",
    severity="warning",
    why="DAT、DDU、DAF、DES、DEQ 不在《国际贸易术语解释通则》2020版的11个术语中"
    "（DAT 已由 DPU 取代，其余2010年已取消），"
    "双方对交货点、费用和风险划分的理解可能不一致，依民法典第510条只能按交易习惯补充。",
    why_en="DAT, DDU, DAF, DES and DEQ are not among the 11 Incoterms® 2020 rules "
    "(DAT became DPU; the others "
    "were dropped in 2010): the delivery point, costs and risk split become uncertain (Civil Code Art. 510).",
    basis="国际商会《国际贸易术语解释通则》2020；民法典第510条、第604条",
    fix="改用2020版术语并注明版本，例如“DPU 汉堡港 Incoterms® 2020”"
    "或“DAP 上海市浦东新区XX路1号 Incoterms® 2020”。",
    bad=["贸易术语：DAT 汉堡港。", "价格条件：DDU 纽约，Incoterms 2000。"],
    good=["贸易术语：DPU 汉堡港 Incoterms® 2020。", "价格条件：DAP 纽约，Incoterms 2020。"],
)
def obsolete_incoterm(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for block in blocks_naming(doc, OBSOLETE_INCOTERMS):
        for (s, _e), clause in clauses(block):
            if not (_TRADE_CONTEXT.search(clause) or _TRADE_CONTEXT.search(block.norm)):
                continue
            for m in _TERM_RE.finditer(clause):
                term = m.group(1)
                if term not in OBSOLETE_INCOTERMS:
                    continue
                yield ctx.report(
                    block,
                    f"贸易术语 {term} 已不在《国际贸易术语解释通则》2020版中，交货点、费用和风险划分不明确。",
                    f"Trade term {term} is not an Incoterms® 2020 rule: "
                    "delivery point, costs and risk are unclear.",
                    span=(s + m.start(), s + m.end()),
                )


@rule(
    id="delivery/incoterm-no-edition",
    title="贸易术语未注明版本",
    title_en="Trade term without its Incoterms edition",
    severity="warning",
    why="FOB、CIF 等术语在《国际贸易术语解释通则》各版本中的含义不同"
    "（如2020版 CIP 的保险级别、FCA 的已装船提单），"
    "未注明版本时交货义务、费用和风险的划分可能产生争议，依民法典第510条只能按交易习惯确定。",
    why_en="FOB, CIF and the other rules differ between Incoterms editions (e.g. CIP insurance level, FCA "
    "on-board bill of lading in 2020): without the edition, delivery, costs and risk are open to dispute "
    "(Civil Code Art. 510).",
    basis="国际商会《国际贸易术语解释通则》2020；民法典第510条",
    fix="在术语后写明地点和版本，例如“FOB 上海港 Incoterms® 2020”。",
    bad=["贸易术语：FOB 上海港。", "本合同价格为CIF汉堡港价格。"],
    good=[
        "贸易术语：FOB 上海港 Incoterms® 2020。",
        "本合同价格为CIF汉堡港价格，适用《2020年国际贸易术语解释通则》。",
    ],
)
def incoterm_no_edition(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4) or not _names_trade_term(doc) or _names_edition(doc):
        return
    for block in blocks_naming(doc, _TERM_WORDS):
        for (s, _e), clause in clauses(block):
            if not (_TRADE_CONTEXT.search(clause) or _TRADE_CONTEXT.search(block.norm)):
                continue
            m = next((x for x in _TERM_RE.finditer(clause) if x.group(1) not in OBSOLETE_INCOTERMS), None)
            if m is None:
                continue
            yield ctx.report(
                block,
                f"贸易术语 {m.group(1)} 未注明《国际贸易术语解释通则》版本（应写明如“Incoterms® 2020”）。",
                f"Trade term {m.group(1)} names no Incoterms edition (write e.g. 'Incoterms® 2020').",
                span=(s + m.start(), s + m.end()),
            )
            return  # one finding is enough: the fix is one sentence for the whole contract


@rule(
    id="delivery/no-risk-transfer",
    scope="document",
    title="未约定风险转移点",
    title_en="No risk-transfer point",
    severity="info",
    why="买卖合同没有约定标的物毁损、灭失的风险何时转移，只能适用民法典第604条至第611条的默认规则（交付时转移），"
    "在途、待验收或代为保管期间的损失由谁承担容易争议。",
    why_en="Without an agreed risk-transfer point the Civil Code defaults apply "
    "(Arts. 604–611: risk passes on "
    "delivery), leaving losses in transit, pending acceptance or in storage open to dispute.",
    basis="民法典第604条、第605条、第607条",
    fix="写明风险转移点，例如“货物毁损、灭失的风险自货物经甲方验收合格时起由乙方转移至甲方”。",
    bad=[
        "本合同项下货物由乙方于2026年6月30日前送至甲方仓库。",
        "甲方向乙方采购数控车床2台，本合同项下设备由乙方负责交货。",
    ],
    good=[
        "货物毁损、灭失的风险自货物交付甲方时起由乙方转移至甲方。",
        "货物在验收合格前的风险由乙方承担，验收合格后风险转移至甲方。",
    ],
)
def no_risk_transfer(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_goods_contract(doc) or _RISK.search(doc_text(doc)):
        return
    if (
        _names_trade_term(doc)
        and _names_edition(doc)
        and any(m.group(1) in INCOTERMS_2020 for m in _TERM_RE.finditer(doc_text(doc)))
    ):
        return  # an Incoterms 2020 rule fixes the risk point (A3/B3)
    yield ctx.report(
        None,
        "买卖合同未约定货物毁损、灭失的风险转移点，将适用民法典第604条（交付时转移）等默认规则。",
        "No risk-transfer point is agreed: the Civil Code default "
        "(risk passes on delivery, Art. 604) applies.",
    )
