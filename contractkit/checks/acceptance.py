"""Rules of the ``acceptance`` family: acceptance / inspection windows and the quality-objection period.

The rules are checks over the acceptance facts (:mod:`contractkit.contract.acceptance`): windows with their
start and length, deemed-acceptance rules in any wording, warranty and objection periods.

Legal basis: 民法典第620–623条 (inspection period, deemed conformity, too-short periods, the 2-year outer
limit), 买卖合同解释第12、14条, practice (§14 of legal-basis.md: 质保期/质量异议期 usually 12–24 months).

The helpers :func:`is_chinese`, :func:`is_goods_contract`, :func:`delivers_goods` and :func:`months_of` are
shared with :mod:`contractkit.checks.penalty`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from contractkit.checks._common import clauses_naming, doc_text, is_quote, memo
from contractkit.checks._common import is_chinese as _is_chinese
from contractkit.checks.base import RuleContext, rule
from contractkit.checks.term import amends_main_contract
from contractkit.contract.acceptance import (
    PERIOD_WORD_PATTERN,
    PERIOD_WORDS,
    SURVIVAL_WORDS,
    AcceptanceFacts,
    Period,
    Window,
    discretion_in,
    months_of,
    vague_word,
    verb_after,
)
from contractkit.contract.model import Where, contract_of
from contractkit.facts import heading_of
from contractkit.facts.sentences import clause_spans
from contractkit.findings import Finding, Severity
from contractkit.readers.model import Block, Document

__all__ = ["delivers_goods", "has_acceptance_section", "is_chinese", "is_goods_contract", "months_of"]

# -- shared helpers --------------------------------------------------------------------------------------


def is_chinese(doc: Document) -> bool:
    """True when the document is Chinese (short rule examples included)."""
    return _is_chinese(doc, min_chars=4)


#: Words that name a delivery of goods on their own; :data:`_HANDOVER_OF_GOODS` names the rest.
_DELIVERY_WORDS = ("交货", "到货", "发货", "送货", "供货", "收货", "货到", "货物送达", "运抵")
_HANDOVER_OF_GOODS = re.compile(
    r"交付[^,，。;；]{0,4}?(?:货物|产品|设备|标的物)|(?:货物|产品|设备|标的物)(?:的)?交付"
)
#: (验 with the goods it checks names the act in plain words: 验苗, 验车, 验料, 验菜.)
_ACCEPT_HEAD = re.compile(r"验收|检验|验货|验机|验[苗车料菜果种]")


def _section(block: Block) -> str:
    return block.section or heading_of(block.norm) or ""


#: A title standing alone, its number made by Word automatic numbering (检验与验收): short, no punctuation.
_BARE_TITLE = re.compile(r"^[^，。；：,;:!！?？]{2,12}$")


def has_acceptance_section(doc: Document) -> bool:
    """A heading (or block section) naming 验收/检验, or a short title paragraph naming it (a heading numbered
    by Word automatic numbering has no number in its text)."""
    sections = {b.section for b in doc.blocks if b.section}  # a section is shared by many blocks
    if any(_ACCEPT_HEAD.search(section) for section in sections):
        return True
    return any(
        _ACCEPT_HEAD.search(_section(b))
        or (b.kind != "cell" and _BARE_TITLE.match(b.norm) and _ACCEPT_HEAD.search(b.norm))
        for b in doc.blocks
        if not b.section
    )


def is_goods_contract(doc: Document) -> bool:
    """A Chinese contract for goods/services with an acceptance section or delivery of goods.

    Document-level "missing clause" rules fire only in such documents.
    """
    if not is_chinese(doc) or is_quote(doc):
        return False
    return memo(doc, "goods-contract", lambda: has_acceptance_section(doc) or _names_delivery_of_goods(doc))


def delivers_goods(doc: Document) -> bool:
    """A Chinese contract (not a quote) that provides for delivery of goods (交货/到货/交付货物…)."""
    return is_chinese(doc) and not is_quote(doc) and _names_delivery_of_goods(doc)


def _names_delivery_of_goods(doc: Document) -> bool:
    """True when the text names a delivery of goods (交货/到货/交付货物…), found once per document."""

    def compute() -> bool:
        text = doc_text(doc)
        return any(w in text for w in _DELIVERY_WORDS) or _HANDOVER_OF_GOODS.search(text) is not None

    return memo(doc, "acceptance.delivery-of-goods", compute)


def _facts(doc: Document) -> AcceptanceFacts:
    return contract_of(doc).acceptance


def _block(doc: Document, where: Where) -> Block:
    return doc.blocks[where.block]


def _norm(doc: Document, where: Where) -> str:
    """The normalized text at ``where`` (Traditional script matched as Simplified: 儘快 is 尽快)."""
    return doc.blocks[where.block].norm[where.span[0] : where.span[1]]


#: A deemed acceptance upon an act on the spot (买方在现场签了提货单，就算验过了 / 当场签收的，视为验收合格):
#: acceptance happens at that act, so its timing is settled.
_ON_THE_SPOT = re.compile(r"当场|当面|现场")


def _deemed_on_the_spot(doc: Document, facts: AcceptanceFacts) -> bool:
    """Whether a deemed-acceptance rule follows an act on the spot in its own clause."""
    for d in facts.deemed:
        norm = doc.blocks[d.where.block].norm
        for s, e in clause_spans(norm):
            if s <= d.where.span[0] < e and _ON_THE_SPOT.search(norm, s, d.where.span[0]):
                return True
    return False


def _first_act(doc: Document, facts: AcceptanceFacts) -> Where:
    """The first act of acceptance that is a clause, not a heading (第五条 验收, or a title numbered by Word
    automatic numbering: 检验与验收), else the first act."""
    for w in (*(w.where for w in facts.windows), *facts.acts):
        block = doc.blocks[w.block]
        if block.kind == "heading" or (len(block.norm) <= 16 and heading_of(block.norm) is not None):
            continue
        if block.kind != "cell" and _BARE_TITLE.match(block.norm.strip()):
            continue
        return w
    return facts.acts[0]


def _last_window(doc: Document, facts: AcceptanceFacts, vague: tuple[str, ...]) -> Where | None:
    """The last inspection window clause (not a latent-defect period, not a heading): where a deemed rule
    would follow (验收证书的签发时间由买方确定 / 专用条款: 到达现场后由甲方组织验收). A clause that sets the
    window's timing (a length, a start, a vague word: 买方应在双方方便时进行验收测试) comes before one that
    only names the act (未通过验收测试的，卖方应在15个工作日内整改 / 质保金于验收满12个月后支付)."""
    candidates = []
    for w in reversed(facts.windows):
        if w.length is not None and w.latent and months_of(w.length) >= _LATENT_MONTHS:
            continue
        block = doc.blocks[w.where.block]
        if block.kind == "heading" or (len(block.norm) <= 16 and heading_of(block.norm) is not None):
            continue
        if block.kind != "cell" and _BARE_TITLE.match(block.norm.strip()):
            continue
        candidates.append(w)
    timed = (w for w in candidates if w.start is not None or _settles_timing(w, vague, doc))
    first = next(timed, None) or next(iter(candidates), None)
    return first.where if first is not None else None


def _on_the_spot_only(doc: Document, facts: AcceptanceFacts) -> bool:
    """Every inspection or objection window of the document is at the handover itself (到场当日逐株验收，
    不合格的当场退回 / 交货时当场清点验收), none with a length: acceptance happens at delivery, so the buyer
    has no period to let lapse (a latent-defect period of months and headings aside)."""
    windows = [
        w
        for w in facts.windows
        if not (w.length is not None and w.latent and months_of(w.length) >= _LATENT_MONTHS)
        and not _section_title(doc.blocks[w.where.block])
    ]
    return bool(windows) and all(w.immediate and w.length is None and not w.vague for w in windows)


#: Acts of a window that only count or weigh (点数, 过磅) or receive (签收): no check of the goods' quality.
_COUNTING_ACTS = ("点数", "清点", "核对", "计量", "过磅", "称重", "签收", "点收", "点验")


def _timed_quality_check(facts: AcceptanceFacts) -> bool:
    """A window that gives the buyer a set time from the handover to check quality, in any words (苗到后48小时
    内检查质量 / 收到货三天内试机): an inspection the buyer may let lapse, though no 验收/检验 is named."""
    return any(
        w.kind == "inspection"
        and w.length is not None
        and w.start is not None
        and not w.appearance
        and w.act not in _COUNTING_ACTS
        and not (w.latent and months_of(w.length) >= _LATENT_MONTHS)
        for w in facts.windows
    )


def _agreed_elsewhere(facts: AcceptanceFacts, doc: Document) -> bool:
    """Acceptance terms live in another document: a clause puts acceptance under the framework / general
    terms (验收、质保…均适用框架协议), or the document is a supplement that leaves what it does not amend
    to the main contract (原合同其他条款不变). An order placed under an agreement is left out by ``kinds``."""
    return bool(facts.by_reference) or amends_main_contract(doc)


def _settles_timing(w: Window, vague: tuple[str, ...], doc: Document) -> bool:
    """The window sets some timing: a length, on the spot, agreed elsewhere, a blank or a vague word."""
    if w.length is not None or w.immediate or w.dated or w.refers_back or w.blank:
        return True
    return vague_word(_norm(doc, w.where), vague) is not None or w.vague is not None


#: A notice period this long is a warranty-like latent-defect period, not the inspection window.
_LATENT_MONTHS = 3


def _length_stated(w: Window) -> bool:
    """The window states the document's inspection length: a window named as such with a length or a
    reference (验收期限为到货后10个工作日 / 验收期限以专用条款为准, a key-terms row, a definition), or any
    inspection or objection window with a length that is not a latent-defect period of months (a general
    clause 到货后组织验收 is read with 到库后3个工作日内完成验收 in the special terms); a length whose
    start is not stated (须于五个工作日内检验) sets no length for the others."""
    if w.named and (w.length is not None or w.refers_back):
        return True
    if w.length is None or (w.start is None and not (w.dated or w.immediate)):
        return False  # a length with no start of its own is window-no-start's, not every clause's length
    return not (w.latent and months_of(w.length) >= _LATENT_MONTHS)


#: Used goods, or goods sold as they are (二手颚破, 旧机器不包修, 按现状交付, 机器现在什么样就按什么样卖):
#: a short guarantee is the bargain of such a sale (民法典第618条: the parties may limit the seller's
#: liability).
_USED_GOODS = re.compile(
    r"二手|(?<![折陈])旧(?:设备|机器|机子|机|车|货|件)|(?:使用|用)过的(?:设备|机器|车|货)"
    r"|(?:按|以)?现状(?:交付|交货|出售|销售|转让|移交|买卖|卖)|按现状|原样(?:交付|出售|转让)|什么样就按什么样"
)


def _section_title(block: Block) -> bool:
    return block.kind == "heading" or (len(block.norm) <= 16 and heading_of(block.norm) is not None)


def _used_goods(doc: Document, i: int) -> bool:
    """Whether the document's title or the section of block ``i`` says the goods are used or sold as they
    are (a trade-in of old goods in another section of a contract for new ones says nothing of them)."""

    def title() -> bool:
        first = next((b for b in doc.blocks[:3] if b.norm.strip()), None)
        if first is None or len(first.norm) > 40 or heading_of(first.norm) is not None:
            return False  # 一、旧车回收 is a section's heading, not the document's title
        return _USED_GOODS.search(first.norm) is not None

    if memo(doc, "acceptance.used-title", title):
        return True
    blocks = doc.blocks
    section = blocks[i].section
    if section:
        return any(_USED_GOODS.search(b.norm) for b in blocks if b.section == section)
    lo = i
    while lo > 0 and not _section_title(blocks[lo]):
        lo -= 1
    hi = i + 1
    while hi < len(blocks) and not _section_title(blocks[hi]):
        hi += 1
    return any(_USED_GOODS.search(b.norm) for b in blocks[lo:hi])


def _survival(doc: Document, p: Period) -> bool:
    """The period is a survival guarantee of live goods or covers the spoiling of perishable ones (苗栽下去
    15天内死了的补苗 / 保活期 / 到货后3日内腐烂变质的包退): by the nature of the goods a short period is the
    usual one (民法典第622条 looks to 标的物的性质和交易习惯)."""
    return SURVIVAL_WORDS.search(_norm(doc, p.where)) is not None or "活" in p.word


#: Later terms that replace earlier ones (本确认函条款取代此前往来邮件中与之不一致的内容 / 本项替代通用条款
#: 关于12个月质量保证期的约定): a period stated before such a clause gives way to one stated after it.
_SUPERSEDES = re.compile(
    r"(?:取代|替代|代替)[^。；;]{0,24}?(?:此前|之前|先前|以往|往来|前述|上述|通用条款|一般条款|原)"
)
_SUPERSEDE_WORDS = ("取代", "替代", "代替")
#: A period stated (质量保证期为… / 质保期：…), its length perhaps cut off by a page break.
_PERIOD_STATED = re.compile(rf"(?:{PERIOD_WORD_PATTERN})\s*(?:为|是|:|：)", re.IGNORECASE)


def _in_force(doc: Document, periods: tuple[Period, ...]) -> tuple[Period, ...]:
    """``periods`` without those a later clause supersedes: stated before the first clause that replaces
    earlier terms (an offer countered and confirmed in an exchange of letters, a model form's general clause
    replaced by its special one), when a period is stated at or after that clause."""
    for block, s, _e, clause in clauses_naming(doc, _SUPERSEDE_WORDS):
        m = _SUPERSEDES.search(clause)
        if m is None:
            continue
        at = (block.location.index, s)
        later = [p for p in periods if (p.where.block, p.where.span[1]) > at]
        if len(later) == len(periods):
            break
        if later or any(
            (b.location.index, cs) >= at and _PERIOD_STATED.search(c)
            for b, cs, _ce, c in clauses_naming(doc, PERIOD_WORDS)
        ):
            return tuple(later)
        break
    return periods


#: A claim counted from the goods' arrival at the port or place of destination (货到目的港后90日内提出索赔 /
#: within 90 days after arrival at the port of destination): a trade contract's inspection-and-claim period.
_TRADE_ARRIVAL = re.compile(
    r"(?:目的港|目的地|卸货港|卸货地|到达港|到货港|destination|port\s+of\s+discharge)", re.IGNORECASE
)
_CLAIM_WORD = re.compile(r"索赔|claim", re.IGNORECASE)
#: Trade practice gives quality claims 60–180 days after arrival at destination (with the certificate of an
#: inspection body there); shorter than two months is short there too.
_TRADE_CLAIM_MONTHS = 2


def _trade_claim(doc: Document, p: Period) -> bool:
    """The period is a trade contract's quality-claim period of two months or more after arrival at the
    destination (货到目的港后90日内提出品质索赔): the usual one in trade, not a short warranty."""
    if p.months < _TRADE_CLAIM_MONTHS:
        return False
    clause, block = _norm(doc, p.where), doc.blocks[p.where.block].norm
    return _TRADE_ARRIVAL.search(clause) is not None and _CLAIM_WORD.search(block) is not None


# -- rules ---------------------------------------------------------------------------------------------


@rule(
    id="acceptance/no-window",
    scope="document",
    kinds=("contract", "order"),
    title="未约定验收期限",
    title_en="No acceptance window",
    severity="warning",
    why="合同约定了验收/检验，却没有验收期限。依民法典第620、621条，没有约定检验期限的，买受人只需在“合理期限”内"
    "通知，最长可达收货后二年，出卖人长期处于质量索赔风险之中。约定了索赔期或质量异议期（货到后60日内就数量、外观"
    "提出索赔）的，提出异议的期限已定，不在此列。",
    why_en="The contract provides for acceptance/inspection but"
    " sets no period. Without one the buyer may object "
    "within a 'reasonable period' of up to two years from receipt (Civil Code Arts. 620–621). A claims or"
    " objection period (claims on quantity and appearance within 60 days of arrival) sets that time.",
    basis="民法典第620条、第621条；买卖合同解释第12条",
    fix="写明起算点和期限，例如“买方应在到货后72小时内完成验收”。",
    bad=[
        "第五条 验收\n买方应对货物进行验收，验收合格后签署验收单。",
        "第六条 检验\n甲方按国家标准对产品进行检验。乙方负责交货。",
        "四、验货\n需方组织人员验货，验货合格的签收送货单。供方送货上门。",
    ],
    good=[
        "第五条 验收\n买方应在到货后72小时内进行验收。",
        "第六条 检验\n甲方应于货物送达之日起五个工作日内对产品进行检验。",
        "第六条 检验\n甲方应在收货后3日内核对数量和外观，并书面告知乙方。产品由甲方检验。",
        "四、验收\n货物到达时，需方当场清点验收。",
        "五、验货\n提货时买方在现场签了提货单，就算验过了。",
        "第六条 知识产权\n本合同产生的知识产权归甲方所有。",
        "一、旧车回收\n旧车按现状回收，乙方对旧车已逐台查验，不得以旧车状况为由调整回收价款。乙方负责交货。",
        "五、检验与索赔\n卖方负责交货。买方的索赔期为货到目的港后45日（数量、外观）及12个月（内在质量）。",
    ],
)
def no_window(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Acts of acceptance exist, yet no clause sets any timing for inspection or objection."""
    if not is_goods_contract(doc):
        return
    facts = _facts(doc)
    if not facts.acts or _agreed_elsewhere(facts, doc):
        return
    vague = ctx.settings.vague_triggers
    if any(_settles_timing(w, vague, doc) for w in facts.windows) or _deemed_on_the_spot(doc, facts):
        return
    if any(p.kind == "objection" and (p.appearance or p.months <= _LATENT_MONTHS) for p in facts.periods):
        return  # 索赔期为货到后60日（数量、外观） / 质量异议期为收货后30日: the time to object is set
    first = _first_act(doc, facts)
    yield ctx.report(
        _block(doc, first),
        "合同约定了验收/检验，但未约定验收期限：依民法典第621条，买受人可在合理期限内（最长收货后二年）提出质量异议。",
        "Acceptance/inspection is provided for but no acceptance"
        " window is set: the buyer may object within a "
        "reasonable period of up to two years from receipt (Civil Code Art. 621).",
        span=first.span,
    )


@rule(
    id="acceptance/window-no-start",
    title="验收期限没有起算点",
    title_en="Acceptance window without a start event",
    severity="warning",
    why="“72小时内验收”没有说从何时起算（到货、安装完成还是通知之日），期限无法计算，双方对是否逾期会各执一词。",
    why_en="'Inspect within 72 hours' without saying from when"
    " (arrival, installation, notice) cannot be computed; "
    "the parties will disagree on whether it has lapsed.",
    basis="民法典第201条、第620条、第621条",
    fix="写明起算事件，例如“到货后72小时内”“货物送达之日起五个工作日内”。",
    bad=[
        "买方应在72小时内完成验收。",
        "甲方须于五个工作日内对设备进行检验并书面确认。",
        "需方按照合同约定15日内验收。",
        "出现质量问题按质量协议处理，需方在30天内通知供方。",
    ],
    good=[
        "买方应在到货后72小时内完成验收。",
        "甲方应于货物送达之日起五个工作日内对设备进行检验。",
        "安装调试完成后10日内，甲方组织验收。",
        "甲方应在乙方通知的装箱日前三个工作日内到乙方工厂验货。",
        "经检验不符合约定的，买方有权要求卖方在十日内更换。",
        "因不可抗力不能履行合同的，应在三日内通知对方。",
        "验收期限：设备到达交货地点之日起 5 个工作日内",
        "每车到厂后，需方在4小时内完成计量，并在24小时内取样化验。",
        "货物运抵甲方仓库后，甲方应先清点件数；并在3日内完成开箱检验。",
    ],
)
def window_no_start(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A window length that bounds an inspection or objection, with no start event."""
    if not is_chinese(doc):
        return
    windows = _facts(doc).windows
    # a form's general terms give the start with the length left blank (收到验收申请后【 】个工作日内), the
    # special terms fill the length (验收期限为10个工作日): one window, its start stated
    started_blank = {w.kind for w in windows if w.blank and w.start is not None}
    for w in windows:
        if w.length is None or w.start is not None or w.blank or w.refers_back:
            continue
        if w.latent and months_of(w.length) >= _LATENT_MONTHS:
            continue  # 一年内发现的质量问题甲方都可以找乙方: a latent-defect period, no inspection window
        if w.kind in started_blank:
            continue
        block = _block(doc, w.length.where)
        quoted = w.length.where.text(doc)
        yield ctx.report(
            block,
            f"验收期限“{quoted}”没有起算点（到货、交付还是安装完成之日起？），期限无法计算，"
            "易生争议；法院可能按民法典第621条的合理期限认定。",
            f"The acceptance window '{quoted}' has no start event (from arrival, delivery "
            "or installation?), so it cannot be computed; a court may fall back on a reasonable period "
            "(Art. 621).",
            span=w.length.where.span,
        )


@rule(
    id="acceptance/window-no-length",
    title="验收期限没有长度",
    title_en="Acceptance window without a length",
    severity="warning",
    why="“到货后验收”只有起点没有期限，买方何时必须提出异议无从确定，等于未约定检验期限（民法典第621条第2款）。",
    why_en="'Inspect after arrival' has a start but no length: it amounts to no agreed inspection period "
    "(Civil Code Art. 621 ¶2).",
    basis="民法典第620条、第621条",
    fix="在起算事件后写明期限，例如“到货后72小时内验收”。",
    bad=[
        "到货后买方组织验收。",
        "货物交付后，甲方对货物进行检验，并签署验收单。",
        "卸船后甲乙双方共同取样检验。",
    ],
    good=[
        "到货后72小时内买方组织验收。",
        "交货时甲方当场验收。",
        "货物到达时，甲方对数量、包装进行现场查验，并在送货单上签收。",
        "货物交付后，甲方应在合同约定的期限内进行检验。",
        "每季度首批交货时另附第三方检验机构出具的检验报告。",
        "5. 验收期限：到货后10个工作日。\n8.1 货物到达后，甲方组织开箱检验，乙方派员参加。",
        "安装完成后，乙方书面通知甲方验收。甲方应在收到通知后及时组织验收。",
    ],
)
def window_no_length(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """An act of acceptance with a start event and no length (a vague word is another rule)."""
    if not is_chinese(doc):
        return
    vague = ctx.settings.vague_triggers
    windows = _facts(doc).windows
    if any(_length_stated(w) for w in windows):
        return  # the document sets the length somewhere: every clause without one is read with it
    # a block whose window is a vague word (乙方书面通知甲方验收。甲方应在收到通知后及时验收): the vague
    # window is that clause's finding (acceptance/vague-window), its opening sentence no other
    vague_blocks = {
        x.where.block
        for x in windows
        if x.length is None and (x.vague or vague_word(_norm(doc, x.where), vague))
    }
    for w in windows:
        if w.length is not None or w.start is None or w.immediate or w.dated or w.refers_back or w.blank:
            continue
        if w.where.block in vague_blocks:
            continue
        block = _block(doc, w.start)
        quoted = w.start.text(doc)
        a, b = w.start.span
        if w.act_where is not None:
            a, b = min(a, w.act_where.span[0]), max(b, w.act_where.span[1])
        yield ctx.report(
            block,
            f"验收只写了起算点“{quoted}”而没有期限长度，等于未约定检验期限：买受人可在合理期限内"
            "（最长二年）提出异议（民法典第621条）。",
            f"The acceptance clause has a start ('{quoted}') but no length, which amounts to no "
            "agreed inspection period: the buyer may object within a reasonable period of up to two years "
            "(Art. 621).",
            span=(a, b),
        )


@rule(
    id="acceptance/vague-window",
    title="验收期限含糊",
    title_en="Vague acceptance window",
    severity="warning",
    why="“及时验收”“合理期限内验收”没有可计算的期限，等同于未约定检验期限，异议期可长达收货后二年（民法典第621条第2款）。",
    why_en="'Inspect promptly' or 'within a reasonable period'"
    " is no computable period; it counts as no agreed "
    "period, and objections may come up to two years after receipt (Civil Code Art. 621 ¶2).",
    basis="民法典第620条、第621条；买卖合同解释第12条",
    fix="用具体期限替换含糊用语，例如“到货后5个工作日内验收”。",
    bad=[
        "买方收到货物后应及时验收。",
        "甲方应在合理期限内对设备进行检验。",
        "验收期限：设备到达后的合理期限内。",
        "硬件到货后，甲方应在合理期限内会同乙方开箱清点型号、数量及外观。",
        "買方應於合理期間內檢驗貨物。",
    ],
    good=[
        "买方收到货物后应在3日内验收。",
        "甲方收到产品时应当及时验收并在合同约定的期限内将验收结果通知乙方。",
        "交货批次及时间见附件，买方应在到货后3日内验收。",
        "买方在质量保证期内发现质量问题的，应及时书面通知卖方。",
    ],
    params=("vague_triggers",),
)
def vague_window(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """An acceptance clause whose only window is a vague word (及时, 合理期限, 尽快…)."""
    if not is_chinese(doc):
        return
    words = ctx.settings.vague_triggers
    windows = _facts(doc).windows
    stated: bool | None = None  # whether the document sets a computable window (looked at once, if needed)
    for w in windows:
        if w.length is not None or w.refers_back:
            continue
        text = _norm(doc, w.where)
        found = vague_word(text, words) or discretion_in(text)  # 及时 / 由买方根据其项目进度确定
        if found is None:
            continue
        word, i = found
        # 乙方应及时派员参加验收 / 发现质量问题应及时通知卖方: the vague word bounds the seller's attendance
        # or a notice; beside a computable window (到货后5日内验收) the inspection is timed
        bound = verb_after(text, i + len(word))
        if bound == "remedy":
            continue
        if bound == "object":
            stated = any(_length_stated(x) for x in windows) if stated is None else stated
            if stated:
                continue
        s = w.where.span[0]
        yield ctx.report(
            _block(doc, w.where),
            f"验收期限“{word}”含糊，不是可计算的期限，按未约定检验期限处理：买受人可在合理期限内（最长收货后二年）"
            "提出质量异议（民法典第621条）。",
            f"The acceptance window '{word}' is vague, not a"
            " computable period; it counts as no agreed period and "
            "objections may come up to two years after receipt (Civil Code Art. 621).",
            span=(s + i, s + i + len(word)),
        )


@rule(
    id="acceptance/no-deemed-acceptance",
    scope="document",
    kinds=("contract", "order"),
    title="缺少视为验收合格条款",
    title_en="No deemed-acceptance rule",
    severity="warning",
    why="没有“逾期未提出书面异议的，视为验收合格”的约定，买方拖延验收时卖方难以证明交付合格，付款节点（验收合格后付款）"
    "也可能无限期推迟。验收在交货时当场完成（到场当日逐件验收、不合格品当场退回）的，买方没有可拖延的期限，不在此列；"
    "外贸合同写明逾期索赔不予受理（或视为放弃索赔）的，与视为合格效果相同。",
    why_en="Without 'no written objection within the period"
    " counts as acceptance', a buyer who delays acceptance "
    "leaves the seller unable to prove conforming delivery, and"
    " payments due on acceptance may be put off indefinitely. An inspection done at the handover itself"
    " (checked on arrival day, rejects returned on the spot) leaves the buyer no period to delay; a trade"
    " contract's 'claims out of time are not entertained' has the same effect as deemed acceptance.",
    basis="民法典第621条第1款、第623条",
    fix="补充：“买方逾期未验收或未提出书面异议的，视为验收合格。”",
    bad=[
        "第五条 验收\n买方应在到货后72小时内验收。",
        "买方应于交货后5日内对货物进行检验。",
        "第五条 验收\n买方应在到货后3日内验收，逾期的视为送达。",
        "三、送苗和验苗\n买方在苗到后48小时内检查质量，有问题的书面告诉卖方。",
        "第五条 验收\n卖方逾期未回复订单的，视为接受该订单。买方应在到货后3日内验收。",
    ],
    good=[
        "第五条 验收\n买方应在到货后72小时内验收，逾期未提出书面异议的，视为验收合格。",
        "买方应于交货后5日内检验，逾期未检验的视为检验合格。",
        "买方应在到货后3日内验收，未在该期限内提出异议的，视为该批产品数量、外观及质量验收合格。",
        "需方应在到货后3日内验收，逾期未验收的，按验收合格处理。",
        "甲方应在到货后3日内验收，逾期未提出异议的，视同该批货物验收合格。",
        "需方到货后24小时内取样化验；化验结果未在到货后24小时内书面通知供方的，即按合格接收。",
        "甲方在签收之日起3日内核对数量；逾期未提出书面异议的，即确认数量和外观无误。",
        "货到了三天内验货，没问题就算收了。",
        "第五条 验收\n买方应在每批苗木到场当日逐株验收，不合格苗木当场退回。",
        "六、检验与索赔\n如发现品质与合同不符，买方应于货物到达目的港后60日内提出索赔，逾期卖方不予受理。",
    ],
)
def no_deemed_acceptance(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Acts of acceptance exist but no clause deems silence or delay to be acceptance."""
    if not is_goods_contract(doc):
        return
    facts = _facts(doc)
    if not (facts.acts or _timed_quality_check(facts)):
        return
    if facts.deemed or _agreed_elsewhere(facts, doc) or _on_the_spot_only(doc, facts):
        return
    first = _last_window(doc, facts, ctx.settings.vague_triggers) or _first_act(doc, facts)
    yield ctx.report(
        _block(doc, first),
        "合同有验收条款，但没有“逾期未验收或未提出异议视为验收合格”的约定：买方拖延验收时，以验收合格为条件的付款可能"
        "无限期推迟。",
        "There is an acceptance clause but no deemed-acceptance"
        " rule: if the buyer delays, payments conditioned on "
        "acceptance may be put off indefinitely.",
        span=first.span,
    )


@rule(
    id="acceptance/no-objection-period",
    scope="document",
    kinds=("contract", "order"),
    title="未约定质量异议期或质保期",
    title_en="No quality-objection or warranty period",
    severity="warning",
    why="没有质量异议期/质保期，隐蔽瑕疵的异议期按民法典第621条第2款为合理期限，最长自收到标的物之日起二年。",
    why_en="Without a quality-objection or warranty period, hidden"
    " defects may be raised within a reasonable period "
    "of up to two years from receipt (Civil Code Art. 621 ¶2).",
    basis="民法典第621条；买卖合同解释第12条；行业惯例12–24个月",
    fix="写明质保期，例如“质保期为验收合格之日起12个月”。",
    bad=[
        "甲方向乙方采购设备2台。乙方应在合同签订后30日内交货。",
        "第五条 验收\n到货后3日内验收，逾期视为验收合格。",
    ],
    good=[
        "甲方向乙方采购设备2台。乙方应在合同签订后30日内交货。质保期为验收合格之日起12个月。",
        "第五条 验收\n到货后3日内验收，逾期视为验收合格。质量异议期为收货后一年。",
        "第五条 验收\n到货后3日内验收。对内在质量问题，甲方可自到货之日起十二个月内书面提出异议。",
        "乙方应在合同签订后30日内交货，产品保修一年。",
        "买方订嫁接苗2万株，卖方送货到棚。定植后十五日内死亡的苗，卖方免费补种。",
    ],
    params=("objection_period_months",),
)
def no_objection_period(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A goods contract with no warranty / objection period in any wording."""
    if not delivers_goods(doc):
        return
    facts = _facts(doc)
    if facts.period_named or facts.periods or "质量保证" in doc_text(doc) or _agreed_elsewhere(facts, doc):
        return
    lo, hi = ctx.settings.objection_period_months
    yield ctx.report(
        None,
        f"合同未约定质量异议期或质保期（惯例{lo}–{hi}个月）：隐蔽瑕疵可在合理期限内提出，最长自收货之日起二年"
        "（民法典第621条第2款）。",
        "No quality-objection or warranty period (customary"
        f" {lo}–{hi} months): hidden defects may be raised within "
        "a reasonable period of up to two years from receipt (Civil Code Art. 621 ¶2).",
    )


@rule(
    id="acceptance/objection-period-range",
    title="质量异议期或质保期超出常见范围",
    title_en="Quality-objection period outside the usual range",
    severity="warning",
    why="质量异议期过短的，依民法典第622条只视为外观瑕疵的异议期，隐蔽瑕疵仍可在合理期限内主张。惯例为12–24个月。"
    "易损件、耗材在主质保期之外另约较短的保修属正常；二手设备或按现状出售的货物只保较短期限，是当事人对出卖人责任的"
    "约定限制（民法典第618条），不提示；苗木、禽苗等活体货物的保活期（定植后15天内死苗的补苗）依标的物的性质本就较短"
    "（民法典第622条），亦不提示；外贸合同货到目的港后的品质索赔期（60–180日，凭目的港检验机构证书）是国际贸易"
    "惯例，两个月以上的不提示；数量、外观与内在质量分设两个期限的（到港后45日 / 12个月），"
    "短的那个只管数量和外观。"
    "后文条款明示取代前文（确认函取代此前往来函件、专用条款替代通用条款）的，只看取代后的期限。"
    "长于惯例的质保期有利于买方，是商业选择而非瑕疵：只作提示"
    "（info）；卖方立场的公司可在审查手册中以 warranty.months 上限把它定为警告。",
    why_en="A too-short objection period counts only for visible"
    " (appearance) defects (Civil Code Art. 622); hidden "
    "defects may still be raised later. Practice: 12–24 months. A shorter warranty of a wear part or"
    " consumable beside the main one is normal, and so is a short guarantee of used goods or goods sold as"
    " they are (the parties limit the seller's liability, Art. 618), and so is the survival guarantee of"
    " live goods (seedlings that die within 15 days of planting are replaced: short by the nature of the"
    " goods, Art. 622), and so is a trade contract's quality-claim period of two months or more after arrival"
    " at the port of destination (trade practice: 60–180 days, on an inspection certificate there); of two"
    " periods for two kinds of defect (45 days for quantity and appearance, 12 months for hidden defects)"
    " the short one is for the visible defects. A period stated before a clause that replaces earlier terms"
    " gives way to the one"
    " stated after it. A period longer than usual favours"
    " the buyer, a commercial"
    " choice and no defect: it is only noted (info); a seller-side company makes it a warning with a"
    " warranty.months limit in its playbook.",
    basis="民法典第621条、第622条；行业惯例（legal-basis §14）",
    fix="把质保期/质量异议期定在约定范围内，例如“质保期为验收合格之日起12个月”；短期限只用于数量和外观瑕疵。",
    bad=[
        "质保期为验收合格之日起3个月。",
        "质量异议期为收货后45日。",
        "对于难以发现的内在质量问题，甲方可自到货之日起三个月内书面提出异议。",
        "产品保修半年。",
        "7.1 卖方保证货物自验收之日起六（6）个月（“质保期”）内无材料及工艺缺陷。",
        "七、质保期（本项替代通用条款的约定）：自验收合格之日起6个月。",
        "八、检验与索赔\n买方对内在质量问题的索赔应于货物到达目的港后30日内提出。",
    ],
    good=[
        "质保期为验收合格之日起12个月。",
        "质量异议期为收货后两年。",
        "整机质保期为验收合格之日起12个月；刀具属易损件，保修3个月。",
        "数量和外观瑕疵的异议期为到货后3日。",
        "对于内在质量问题，甲方可自到货之日起十二个月内书面提出异议。",
        "二手叉车转让协议\n旧车按现状交付，发动机和变速箱保修三个月。",
        "五、保修\n这台是用过的设备，按现状卖。半年内发动机出现故障的，卖方免费维修。",
        "二、苗栽下去10天内因苗本身带病死了的，卖方照死苗数补苗。",
        "质保金于质保期（12个月）届满后15日内支付。",
        "八、检验与索赔\n品质不符的，买方应于货物到达目的港后90日内提出索赔，并附检验机构的检验证书。",
        "买方应在货到目的港后45日内就数量及外观不符提出索赔，在货到目的港后12个月内就内在质量问题提出索赔。",
    ],
    params=("objection_period_months",),
)
def objection_period_range(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A warranty / objection period whose length (months) is outside ``objection_period_months``."""
    if not is_chinese(doc):
        return
    lo, hi = ctx.settings.objection_period_months
    periods = _in_force(doc, _facts(doc).periods)
    # a longer warranty for a part (其中激光器的质保期为三十六个月) beside the machine's favours the buyer
    has_main = any(not p.component for p in periods)
    # a longer free repair beside an objection period in range favours the buyer (3年免费维修, 24个月异议期),
    # as does a longer warranty of one work or part beside the main one (质量保修期24个月；屋面防水保修5年)
    main_in_range = any(lo <= p.months <= hi for p in periods)
    whole_in_range = any(lo <= p.months <= hi for p in periods if not p.component)
    for p in periods:
        quoted = p.length.where.text(doc)
        block = _block(doc, p.length.where)
        if p.months < lo:
            if p.appearance:
                continue  # a short period for quantity / appearance defects is normal
            if p.wear and whole_in_range:
                continue  # 喷头属易损件，保修6个月 beside the machine's 12 months: a wear part's own warranty
            if _used_goods(doc, p.length.where.block):
                continue  # 旧机器不包修，就包三个月内机架裂纹: a used machine's short guarantee
            if _survival(doc, p):
                continue  # 定植后15天内死苗的补苗: live goods, a short period by their nature (第622条)
            if _trade_claim(doc, p):
                continue  # 货到目的港后90日内提出品质索赔: a trade contract's claim period
            yield ctx.report(
                block,
                f"质量异议期/质保期“{quoted}”短于{lo}个月：依民法典第622条，过短的期限只视为外观瑕疵的异议期，"
                "隐蔽瑕疵仍可在合理期限内（最长二年）主张。",
                f"The objection/warranty period '{quoted}' is shorter"
                f" than {lo} months: under Civil Code Art. 622 a "
                "too-short period counts only for appearance"
                " defects; hidden defects may still be raised later.",
                span=p.length.where.span,
            )
        elif p.months > hi and not (p.component and has_main) and not main_in_range:
            # a long warranty favours the buyer: a commercial choice, noted for a seller's reader (a
            # seller-side playbook makes it a warning with a warranty.months limit), not a defect
            note = ctx.report(
                block,
                f"提示：质量异议期/质保期“{quoted}”长于{hi}个月，卖方将长期承担质量责任（民法典第621条的二年上限只适用于"
                "未约定质保期的情形）；如代表卖方，请确认这是商业上接受的安排。",
                f"Note: the objection/warranty period '{quoted}' is longer"
                f" than {hi} months: the seller stays liable for "
                "quality for a long time (the 2-year limit of Art."
                " 621 applies only when no warranty is agreed); for the seller, check that this is accepted.",
                span=p.length.where.span,
            )
            yield dataclasses.replace(note, severity=min(note.severity, Severity.INFO))
