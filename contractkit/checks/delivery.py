"""The ``delivery`` family: where (down to the house number), when, on which trade term and with which
risk-transfer point the goods are delivered.

Gaps fall back to 民法典 Art. 511 (place: the performing party's seat; time: any time) and Art. 604 (risk
passes on delivery); trade terms follow ICC Incoterms® 2020.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contractkit.checks._common import clauses_naming, doc_text, is_chinese, memo
from contractkit.checks.base import RuleContext, rule
from contractkit.checks.term import is_contract
from contractkit.contract import contract_of
from contractkit.contract.delivery import (
    DELIVERY_VERBS,
    INCOTERMS_2020,
    OBSOLETE_INCOTERMS,
    DeliveryFacts,
    classify_place,
)
from contractkit.findings import Finding, Fix
from contractkit.readers.model import Block, Document

__all__ = ["INCOTERMS_2020", "OBSOLETE_INCOTERMS", "is_goods_contract"]

_GOODS = re.compile(
    r"买卖|采购(?:合同|协议|的|下列)|向[^，,。；;]{0,10}采购|购销|供货|订货|订购|出卖人|买受人|货物|交货|到货|发货"
    r"|卖方|买方|货到|送货|二手设备|设备转让"
)


def _facts(doc: Document) -> DeliveryFacts:
    return contract_of(doc).delivery


def is_goods_contract(doc: Document) -> bool:
    """A Chinese contract (not a quote) for the sale or supply of goods."""
    return memo(doc, "delivery.is_goods", lambda: is_contract(doc) and bool(_GOODS.search(doc_text(doc))))


@rule(
    id="delivery/address-no-house-number",
    kinds=("contract", "order", "call_off"),
    title="交货地点不明确（未写到门牌号）",
    title_en="Delivery place unclear (no house number)",
    severity="warning",
    why="交货地址只写到省市区或道路、没有门牌号，或只写“甲方指定地点”“需方指定仓库”而没有地址，"
    "货物送到哪里、是否已交付都会有争议；交付地点约定不明的，依民法典第511条第三项在履行义务一方所在地履行，"
    "第603条下买方还可能要自行提货。",
    why_en="A delivery address that stops at the district or road, or a place 'designated by the buyer' "
    "with no address, leaves it open where the goods must go and whether they were delivered; an unclear "
    "place falls back to Civil Code Arts. 511(3) and 603.",
    basis="民法典第510条、第511条第三项、第603条",
    fix="写明完整地址到门牌号，例如“江苏省苏州市工业园区星湖街88号3号厂房”。",
    bad=[
        "交货地点：江苏省苏州市工业园区。",
        "乙方应将货物送至北京市海淀区中关村大街。",
        "交货地点：甲方指定地点。",
        "供方于2026年4月15日前将全部货物一次性送至需方指定仓库，运费由供方承担。",
        "乙方于2027年4月30日前一次性送货到甲方指定的小区物业服务中心。",
        "交货地点：广东省深圳市盐田区沙头角保税区港湾环球仓库。",
        "采购订单\n买方：浙江鲜链冷运物流有限公司\n卖方：山东驰远轮胎销售有限公司\n交货地点：买方嘉兴分拨中心。",
    ],
    good=[
        "交货地点：江苏省苏州市工业园区星湖街88号。",
        "乙方应将货物送至北京市海淀区中关村大街27号中关村大厦5层501室。",
        "交货地点为：＿＿＿＿＿＿",
        "乙方应将货物送至甲方指定仓库（广东省佛山市顺德区华口工业区兴华路23号）。",
        "上述单价包含运至客户厂区的运费。",
        "交货地点：天津港保税区。",
        "买方：浙江鲜链冷运物流有限公司\n住所：浙江省嘉兴市秀洲区旺林路288号\n交货地点：买方仓库。",
        "卖方于2027年11月20日前送到陕西省西安市\n灞桥区新筑街道港务大道88号冷库。",
    ],
)
def address_no_house_number(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Each delivery place that stops short of the door, or is left to one side's later say; not on a quote
    (its 贵司指定地点 is settled in the contract)."""
    if not is_chinese(doc, min_chars=4):
        return
    reported: list[tuple[int, int, int]] = []
    places = _facts(doc).places
    structure = contract_of(doc).structure
    door = any(p.kind == "address" and p.house_number for p in places)
    for place in places:
        b, (s, e) = place.where.block, place.where.span
        if any(b == rb and s < re_ and rs < e for rb, rs, re_ in reported):
            continue  # the same place read twice (after its label and after a trade term)
        if door and place.kind == "designated" and structure.is_definition(b, (s, e)):
            # “交付日”指卖方将货物运至买方指定地点…之日: a term's meaning; the delivery clause gives the door
            continue
        block = doc.blocks[b]
        if place.kind == "address" and not place.house_number:
            zh = f"交货地址“{place.text}”没有写到门牌号，交付地点不明确。"
            en = f"Delivery address '{place.text}' has no house number: the place of delivery is unclear."
        elif place.kind == "designated":
            zh = f"交货地点只写“{place.text}”，没有具体地址，交付地点不明确。"
            en = f"The delivery place is only '{place.text}', with no address: where to deliver is unclear."
        else:
            continue
        reported.append((b, s, e))
        yield ctx.report(block, zh, en, span=place.where.span)


#: A vague time word (尽快, 及时, 随时, 择期) before a delivery verb: a delivery timed by no date.
_VAGUE_TIME = re.compile(r"尽快|尽早|尽速|及时|随时|适时|择期")
_VAGUE_WORDS = ("尽快", "尽早", "尽速", "及时", "随时", "适时", "择期")
_DELIVERY_VERB = re.compile("|".join(DELIVERY_VERBS))


def _vague_delivery(doc: Document) -> tuple[Block, tuple[int, int]] | None:
    """The first delivery timed only by a vague word (卖方应在备货完成后尽快送货) and its span, or None."""
    for block, s, _e, clause in clauses_naming(doc, _VAGUE_WORDS):
        for m in _VAGUE_TIME.finditer(clause):
            v = _DELIVERY_VERB.search(clause, m.end(), m.end() + 12)
            if v is not None:
                return block, (s, s + v.end())
    return None


@rule(
    id="delivery/no-delivery-date",
    scope="document",
    kinds=("contract", "order", "call_off"),
    title="未约定交货时间",
    title_en="No delivery date or period",
    severity="warning",
    why="买卖合同没有约定交货日期或期限，依民法典第511条第四项债务人可以随时履行、债权人可以随时请求履行，"
    "逾期交货无法认定，迟延交货违约金也无从起算。",
    why_en="A sales contract with no delivery date or period lets the seller deliver (and the buyer "
    "demand) at any time (Civil Code Art. 511(4)): late delivery cannot be established and no penalty can "
    "start.",
    basis="民法典第470条、第511条第四项、第601条",
    fix="写明交货时间，例如“乙方应于合同签订后30日内交货”或“2026年6月30日前交货”。",
    bad=[
        "本合同项下货物由乙方送至甲方仓库。",
        "第五条 交货\n乙方负责运输并将本合同设备交付甲方，运费由乙方承担。",
        "二手设备转让协议\n卖方找车，等买方新店装修好了再送过去。",
        "买卖合同\n乙方负责将货物送至甲方仓库。\n交货期限：／",
    ],
    good=[
        "乙方应于本合同签订后30日内将货物送至甲方仓库。",
        "第五条 交货\n交货时间：2026年6月30日前。",
        "买卖合同\n乙方每月10日前交付当月供货量。",
        "买卖合同\n4.1 交货：FCA卖方工厂。交付日：2027年3月15日或之前；不得分批交货。",
        "稻谷收购合同\n乙方于2027年9月1日至10月31日期间分批交售，货物送至甲方粮库。",
        "采购合同\n乙方应在稻谷收割后15日内将稻谷交售至甲方粮库。",
        "采购合同\n乙方按甲方采购订单交货，订单载明交货日期。",
        "买卖合同\n乙方分三批交货，交货日期分别为2027年3月1日、4月1日及5月1日之前。",
    ],
)
def no_delivery_date(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_goods_contract(doc):
        return
    facts = _facts(doc)
    if not facts.mentioned or facts.has_time:
        return
    if any(t.kind == "on_notice" for t in facts.times):
        return  # delivery/date-on-notice says where
    if contract_of(doc).structure.amends_main is not None:
        return  # a supplement or price annex leaving the rest to the main agreement keeps its delivery
    # point at the delivery put off until an event (等新店装修好了再送), or at a time label whose value fixes
    # no time (交货时间：具体时间由卖方根据起苗情况确定 / 交货期限：／), else the first mention of delivery
    event = next((t.where for t in facts.times if t.kind == "event"), None) or next(
        (t.where for t in facts.times if t.kind == "other" and t.labelled), None
    )
    span = event.span if event is not None else None
    block = doc.blocks[event.block] if event is not None else None
    if event is None and (vague := _vague_delivery(doc)) is not None:
        block, span = vague  # 备货完成后尽快送货 / 开业前尽快送达: the delivery timed by a vague word
    if block is None and facts.first_mention is not None:
        block = doc.blocks[facts.first_mention.block]
    yield ctx.report(
        block,
        "合同约定了交货但未约定交货日期或期限，依民法典第511条第四项可随时履行，逾期交货无法认定。",
        "Delivery is provided for but no date or period: under Civil Code Art. 511(4) it may happen at any "
        "time, so late delivery cannot be established.",
        span=span,
    )


@rule(
    id="delivery/date-on-notice",
    title="交货时间只以通知或协商为准",
    title_en="Delivery time left to a notice or to negotiation",
    severity="warning",
    why="交货时间只写“以甲方书面通知为准”“以甲方订舱通知为准”“经双方协商”，通知后无交货期限、也无最迟日期，"
    "等于没有约定交货时间：依民法典第511条第四项可随时履行，逾期交货无法认定，迟延交货违约金无从起算。",
    why_en="A delivery time that is only 'as the buyer will notify' or 'as agreed by the parties', with no "
    "period after the notice and no outer date, is no delivery time: under Civil Code Art. 511(4) "
    "performance may come at any time and late delivery cannot be established.",
    basis="民法典第510条、第511条第四项、第601条",
    fix="写明通知后的交货期限和最迟日期，例如“乙方应在收到甲方书面通知后7日内交货，最迟不晚于2026年6月30日”。",
    bad=[
        "交货期：以甲方订舱通知为准。",
        "乙方分四批向甲方交货，每批交货时间以甲方书面通知为准。",
        "交货期为“经双方协商同意，船到蓬莱港卸货日”。",
        "乙方按甲方通知发货。",
    ],
    good=[
        "交货期：以甲方书面通知为准，乙方应在收到通知后10日内交货。",
        "交货时间以甲方通知为准，但最迟不晚于2026年8月31日交货。",
        "交货期：合同签订后30日内。",
        "本合同经双方协商一致订立，乙方向甲方交付下列货物。",
        "乙方按甲方通知交货，甲方应提前五日通知乙方。",
    ],
)
def date_on_notice(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    facts = _facts(doc)
    if facts.has_time:
        return
    seen: set[int] = set()
    for t in facts.times:
        if t.kind != "on_notice" or t.where.block in seen:
            continue
        seen.add(t.where.block)  # one finding per paragraph or cell (a cell is read twice: text and table)
        text = t.where.text(doc)
        yield ctx.report(
            doc.blocks[t.where.block],
            f"交货时间只写“{text}”，通知后无交货期限、也无最迟日期，依民法典第511条第四项可随时履行，"
            "逾期交货无法认定。",
            f"The delivery time is only '{text}': no period after the notice and no outer date, so under "
            "Civil Code Art. 511(4) late delivery cannot be established.",
            span=t.where.span,
        )


#: The Incoterms® 2020 rule the ICC names for each dropped one (DAT became DPU; DDU, DAF and DES are
#: covered by DAP; DEQ by DPU).
SUCCESSOR = {"DAT": "DPU", "DDU": "DAP", "DAF": "DAP", "DES": "DAP", "DEQ": "DPU"}


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
    facts = _facts(doc)
    for term in facts.terms:
        if not term.obsolete:
            continue
        successor = SUCCESSOR.get(term.code.upper())
        fix = None
        if successor:
            edition = "" if facts.edition == 2020 else "（Incoterms® 2020）"
            fix = Fix(
                term.where.span,
                successor + edition,
                note=f"{term.code} 改为国际商会2020版的对应术语 {successor}，请与对方确认",
                note_en=f"{term.code} replaced by its Incoterms® 2020 successor {successor} (confirm it)",
            )
        yield ctx.report(
            doc.blocks[term.where.block],
            f"贸易术语 {term.code} 已不在《国际贸易术语解释通则》2020版中，交货点、费用和风险划分不明确。",
            f"Trade term {term.code} is not an Incoterms® 2020 rule: "
            "delivery point, costs and risk are unclear.",
            span=term.where.span,
            fix=fix,
        )


@rule(
    id="delivery/incoterm-no-edition",
    title="贸易术语未注明版本",
    title_en="Trade term without its Incoterms edition",
    severity="warning",
    why="FOB、CIF 等术语在《国际贸易术语解释通则》各版本中的含义不同"
    "（如2020版 CIP 的保险级别、FCA 的已装船提单），"
    "未注明版本时交货义务、费用和风险的划分可能产生争议，依民法典第510条只能按交易习惯确定。"
    "境内双方以DAP/DDP送货上门（写到门牌号）的，版本无关紧要，不提示；但一方为外商投资企业的，仍应写明版本。",
    why_en="FOB, CIF and the other rules differ between Incoterms editions (e.g. CIP insurance level, FCA "
    "on-board bill of lading in 2020): without the edition, delivery, costs and risk are open to dispute "
    "(Civil Code Art. 510). A DAP/DDP delivery to the door between two domestic parties is not flagged; one"
    " with a foreign-invested party still is.",
    basis="国际商会《国际贸易术语解释通则》2020；民法典第510条",
    fix="在术语后写明地点和版本，例如“FOB 上海港 Incoterms® 2020”。",
    bad=[
        "贸易术语：FOB 上海港。",
        "本合同价格为CIF汉堡港价格。",
        "卖方：苏州德联精密机械有限公司（外商独资企业）\n买方：南通华东重工有限公司\n"
        "卖方应于2027年3月31日前将全部货物以DAP方式交付至江苏省南通市通州区世纪大道588号买方总装车间。",
    ],
    good=[
        "贸易术语：FOB 上海港 Incoterms® 2020。",
        "本合同价格为CIF汉堡港价格，适用《2020年国际贸易术语解释通则》。",
        "卖方应于2027年3月31日前将全部货物以DAP方式交付至江苏省南通市通州区世纪大道588号买方总装车间。",
    ],
)
def incoterm_no_edition(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    facts = _facts(doc)
    if facts.edition is not None:
        return
    term = next((t for t in facts.terms if not t.obsolete), None)
    if term is None or _edition_moot(doc, facts):
        return
    end = term.where.span[1]
    yield ctx.report(  # one finding is enough: the fix is one sentence for the whole contract
        doc.blocks[term.where.block],
        f"贸易术语 {term.code} 未注明《国际贸易术语解释通则》版本（应写明如“Incoterms® 2020”）。",
        f"Trade term {term.code} names no Incoterms edition (write e.g. 'Incoterms® 2020').",
        span=term.where.span,
        fix=Fix(
            (end, end),
            "（Incoterms® 2020）",
            note=f"在 {term.code} 后注明现行版本 Incoterms® 2020",
            note_en=f"the current edition Incoterms® 2020 named after {term.code}",
        ),
    )


#: Delivered rules to the buyer's door, the same in Incoterms 2010 and 2020 (DPU exists in 2020 only).
_DOOR_TERMS = frozenset(("DAP", "DDP", "DPU"))


#: A party described as foreign-invested in its party block: the trade rule is read as its group reads it.
_FOREIGN_INVESTED = re.compile(r"外商独资|外商投资|外资企业|中外合资|中外合作|台港澳|港澳台|外国法人独资")


def _edition_moot(doc: Document, facts: DeliveryFacts) -> bool:
    """True when naming the edition changes nothing: every rule named is DPU (2020 only), or a delivered
    rule (DAP, DDP) of a domestic deal — no party outside the mainland — to an address down to the door
    (以DAP方式交付至南通市…世纪大道588号…)."""
    codes = {t.code.upper() for t in facts.terms if not t.obsolete}
    if codes == {"DPU"}:
        return True
    if not codes <= _DOOR_TERMS:
        return False
    parties = contract_of(doc).parties.parties
    if any(p.foreign for p in parties):
        return False
    if any(
        p.name_where is not None and _FOREIGN_INVESTED.search(doc.blocks[p.name_where.block].norm)
        for p in parties
    ):
        return False  # a foreign-invested party (外商独资企业) reads DAP by its group's edition: name it
    if any(p.kind == "address" and p.house_number for p in facts.places):
        return True
    # DDP 买方工厂（浙江省嘉兴市秀洲区旺林路288号）: the door in brackets after the rule's place
    for t in facts.terms:
        rest = doc.blocks[t.where.block].norm[t.where.span[1] : t.where.span[1] + 80]
        if classify_place(rest.split("。")[0]) == ("address", True):
            return True
    return False


@rule(
    id="delivery/no-risk-transfer",
    scope="document",
    kinds=("contract", "order"),
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
    if not is_goods_contract(doc):
        return
    facts = _facts(doc)
    if facts.risk:
        return
    if facts.edition is not None and any(t.code in INCOTERMS_2020 for t in facts.terms):
        return  # an Incoterms 2020 rule fixes the risk point (A3/B3)
    yield ctx.report(
        None,
        "买卖合同未约定货物毁损、灭失的风险转移点，将适用民法典第604条（交付时转移）等默认规则。",
        "No risk-transfer point is agreed: the Civil Code default "
        "(risk passes on delivery, Art. 604) applies.",
    )
