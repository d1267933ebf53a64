"""Rules of the ``acceptance`` family: acceptance / inspection windows and the quality-objection period.

Legal basis: 民法典第620–623条 (inspection period, deemed conformity, too-short periods, the 2-year outer
limit), 买卖合同解释第12、14条, practice (§14 of legal-basis.md: 质保期/质量异议期 usually 12–24 months).

The helpers :func:`is_chinese`, :func:`is_goods_contract`, :func:`delivers_goods` and :func:`months_of` are
shared with :mod:`contractkit.checks.penalty` (candidates for ``checks/_common.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from contractkit.checks._common import clauses_naming, doc_text, is_quote, memo
from contractkit.checks._common import is_chinese as _is_chinese
from contractkit.checks.base import RuleContext, rule
from contractkit.facts import find_durations, find_triggers, heading_of
from contractkit.facts.durations import Duration
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

# -- shared helpers --------------------------------------------------------------------------------------


def is_chinese(doc: Document) -> bool:
    """True when the document is Chinese (short rule examples included)."""
    return _is_chinese(doc, min_chars=4)


#: Words that name a delivery of goods on their own; :data:`_HANDOVER_OF_GOODS` names the rest.
_DELIVERY_WORDS = ("交货", "到货", "发货", "送货", "供货", "收货", "货到", "货物送达", "运抵")
_HANDOVER_OF_GOODS = re.compile(r"交付(?:的)?(?:货物|产品|设备|标的物)|(?:货物|产品|设备|标的物)(?:的)?交付")
_ACCEPT_HEAD = re.compile(r"验收|检验|验货")


def _section(block: Block) -> str:
    return block.section or heading_of(block.norm) or ""


def has_acceptance_section(doc: Document) -> bool:
    """A heading (or block section) naming 验收/检验."""
    sections = {b.section for b in doc.blocks if b.section}  # a section is shared by many blocks
    if any(_ACCEPT_HEAD.search(section) for section in sections):
        return True
    return any(_ACCEPT_HEAD.search(_section(b)) for b in doc.blocks if not b.section)


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


#: Months in one unit of a duration.
_MONTHS_PER_UNIT = {
    "hour": Decimal(1) / Decimal(720),
    "day": Decimal(1) / Decimal(30),
    "working_day": Decimal(1) / Decimal(21),
    "week": Decimal(7) / Decimal(30),
    "month": Decimal(1),
    "year": Decimal(12),
}


def months_of(d: Duration) -> Decimal:
    """A duration in months (a day is 1/30, a working day 1/21, a week 7/30)."""
    return d.value * _MONTHS_PER_UNIT[d.unit]


# -- acceptance facts ----------------------------------------------------------------------------------

# An act of acceptance or inspection; not a result (验收合格), a document (验收单) or a standard (验收标准).
_ACT_WORDS = ("验收", "检验", "验货", "查验")
#: Each of ``_ACT_WORDS`` holds 验: a clause without it holds no act (one character scans fastest).
_ACT_GATE = ("验",)
_ACT = re.compile(
    rf"(?<!视为)(?<!视同)(?:{'|'.join(_ACT_WORDS)})"
    r"(?!合格|通过|完成|完毕|结束|标准|报告|单|证明|检疫|依据|方法|记录|意见|款)"
)
_DEADLINE_TAIL = ("以内", "之内", "内", "前", "之前", "以前", "为限")
# A blank fill-in length: "在      日内" / "____个工作日内".
_BLANK_WINDOW = re.compile(
    r"(?:[ \u3000_＿]{2,}|\[\s*\]|【\s*】)\s*(?:个)?(?:小时|工作日|自然日|日|天|个月)\s*(?:以内|之内|内)"
)
_IMMEDIATE = re.compile(r"当场|当面|当日|当天|即时|立即")
_START_EVENTS = {"contract_signed", "contract_effective", "delivery", "arrival", "installation", "fixed_date"}
_REFERS_BACK = re.compile(r"(?:合同|本合同|双方)?约定的?(?:期限|时间|期间)|第[一二三四五六七八九十\d]+条")
_AFTER_NOTICE = re.compile(r"(?:通知|催告|提出|收到)[^,，。;；]{0,12}(?:后|之日起)")
_DEEMED = re.compile(r"视为(?:验收合格|验收通过|已?验收|检验合格|合格|认可|接受|同意验收|质量符合)")
_OBJECTION_PERIODS = ("质量异议期", "质量保证期", "质保期", "保修期", "异议期", "缺陷责任期")
_OBJECTION_WORDS = re.compile("|".join(_OBJECTION_PERIODS))
_APPEARANCE = re.compile(r"外观|数量|表面|包装|外包装|型号")
# After the period word: its end (质保期届满后15日内, a deadline after it) or inside (质保期内48小时响应).
_NOT_LENGTH = re.compile(r"\s*(?:届满|期满|满|结束|到期|截止|终止|内|期间|期内|中)")


def _windows(clause: str) -> list[tuple[int, int]]:
    """Spans of concrete window lengths (a duration followed by 内/前…) or blank fill-in lengths."""
    out: list[tuple[int, int]] = []
    for d in find_durations(clause):
        tail = clause[d.span[1] :].lstrip()
        head = clause[: d.span[0]].rstrip()
        if tail.startswith(_DEADLINE_TAIL) or head.endswith(("不超过", "最迟", "最长", "最晚")):
            out.append(d.span)
    out.extend(m.span() for m in _BLANK_WINDOW.finditer(clause))
    return out


def _starts(clause: str) -> list[tuple[int, int]]:
    return [t.span for t in find_triggers(clause) if t.event in _START_EVENTS]


class _Acceptance(NamedTuple):
    """A clause that describes an act of acceptance, with the window facts the rules test."""

    block: Block
    start: int  # of the clause in the block
    end: int
    clause: str
    act: re.Match[str]  # the act (验收/检验…) in the clause
    windows: list[tuple[int, int]]  # :func:`_windows`
    starts: list[tuple[int, int]]  # :func:`_starts`
    refers_back: bool  # the window is the one agreed elsewhere (约定的期限, 第五条)


def _acceptance_clauses(doc: Document) -> list[_Acceptance]:
    """Clauses (not headings) that describe an act of acceptance or inspection (found once per doc)."""

    def compute() -> list[_Acceptance]:
        out = []
        facts: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]], bool]] = {}  # by clause text
        for block, s, e, clause in clauses_naming(doc, _ACT_GATE):
            m = _ACT.search(clause)
            if m is None:
                continue
            if len(clause) <= 30 and block.norm.strip() == clause and heading_of(block.norm):
                continue
            if clause not in facts:  # a clause text may recur in a long draft
                facts[clause] = (_windows(clause), _starts(clause), _REFERS_BACK.search(clause) is not None)
            out.append(_Acceptance(block, s, e, clause, m, *facts[clause]))
        return out

    return memo(doc, "acceptance-clauses", compute)


def _period_length(clause: str) -> tuple[re.Match[str], Duration] | None:
    """The first 质保期/异议期 word of ``clause`` that states a length, with that length (offsets after it).

    A word followed by its end (届满/期满后…) or its inside (…期内) states no length: the duration after
    it is a deadline after the warranty ends (质保金 release) or a response time within it.
    """
    if not _OBJECTION_WORDS.search(clause):
        return None
    for kw in _OBJECTION_WORDS.finditer(clause):
        if _NOT_LENGTH.match(clause, kw.end()):
            continue
        durs = [d for d in find_durations(clause[kw.end() :]) if d.span[0] <= 30]
        if durs:
            return kw, durs[0]
    return None


def _vague_word(clause: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if w in clause), None)


# -- rules ---------------------------------------------------------------------------------------------


@rule(
    id="acceptance/no-window",
    scope="document",
    title="未约定验收期限",
    title_en="No acceptance window",
    severity="warning",
    why="合同约定了验收/检验，却没有验收期限。依民法典第620、621条，没有约定检验期限的，买受人只需在“合理期限”内"
    "通知，最长可达收货后二年，出卖人长期处于质量索赔风险之中。",
    why_en="The contract provides for acceptance/inspection but"
    " sets no period. Without one the buyer may object "
    "within a 'reasonable period' of up to two years from receipt (Civil Code Arts. 620–621).",
    basis="民法典第620条、第621条；买卖合同解释第12条",
    fix="写明起算点和期限，例如“买方应在到货后72小时内完成验收”。",
    bad=[
        "第五条 验收\n买方应对货物进行验收，验收合格后签署验收单。",
        "第六条 检验\n甲方按国家标准对产品进行检验。乙方负责交货。",
    ],
    good=[
        "第五条 验收\n买方应在到货后72小时内进行验收。",
        "第六条 检验\n甲方应于货物送达之日起五个工作日内对产品进行检验。",
        "第六条 知识产权\n本合同产生的知识产权归甲方所有。",
    ],
)
def no_window(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Acceptance clauses exist, yet none of them (or any other clause) sets a window."""
    if not is_goods_contract(doc):
        return
    clauses = _acceptance_clauses(doc)
    if not clauses:
        return
    for a in clauses:
        if a.windows or _IMMEDIATE.search(a.clause) or a.refers_back:
            return
    first = clauses[0]
    yield ctx.report(
        first.block,
        "合同约定了验收/检验，但未约定验收期限：依民法典第621条，买受人可在合理期限内（最长收货后二年）提出质量异议。",
        "Acceptance/inspection is provided for but no acceptance"
        " window is set: the buyer may object within a "
        "reasonable period of up to two years from receipt (Civil Code Art. 621).",
        span=(first.start, first.end),
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
    bad=["买方应在72小时内完成验收。", "甲方须于五个工作日内对设备进行检验并书面确认。"],
    good=[
        "买方应在到货后72小时内完成验收。",
        "甲方应于货物送达之日起五个工作日内对设备进行检验。",
        "安装调试完成后10日内，甲方组织验收。",
    ],
)
def window_no_start(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A window length in an acceptance clause with no start event in the clause."""
    if not is_chinese(doc):
        return
    for a in _acceptance_clauses(doc):
        block, s = a.block, a.start
        wins = [w for w in a.windows if not _BLANK_WINDOW.match(a.clause, w[0])]
        if not wins or a.starts or _AFTER_NOTICE.search(a.clause):
            continue
        w = wins[0]
        yield ctx.report(
            block,
            f"验收期限“{block.text[s + w[0] : s + w[1]]}”"
            "没有起算点（到货、交付还是安装完成之日起？），期限无法计算，"
            "易生争议；法院可能按民法典第621条的合理期限认定。",
            f"The acceptance window '{block.text[s + w[0] : s + w[1]]}'"
            " has no start event (from arrival, delivery "
            "or installation?), so it cannot be computed; a court"
            " may fall back on a reasonable period (Art. 621).",
            span=(s + w[0], s + w[1]),
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
    bad=["到货后买方组织验收。", "货物交付后，甲方对货物进行检验，并签署验收单。"],
    good=[
        "到货后72小时内买方组织验收。",
        "交货时甲方当场验收。",
        "货物交付后，甲方应在合同约定的期限内进行检验。",
    ],
)
def window_no_length(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A start event in an acceptance clause with no window"
    " length (and no vague word — that is another rule)."""
    if not is_chinese(doc):
        return
    vague = ctx.settings.vague_triggers
    for acc in _acceptance_clauses(doc):
        block, s, m = acc.block, acc.start, acc.act
        if not acc.starts or acc.windows or _IMMEDIATE.search(acc.clause) or acc.refers_back:
            continue
        if _vague_word(acc.clause, vague):
            continue
        a, b = acc.starts[0]
        yield ctx.report(
            block,
            f"验收只写了起算点“{block.text[s + a : s + b]}”"
            "而没有期限长度，等于未约定检验期限：买受人可在合理期限内"
            "（最长二年）提出异议（民法典第621条）。",
            f"The acceptance clause has a start ('{block.text[s + a : s + b]}')"
            " but no length, which amounts to no "
            "agreed inspection period: the buyer may object within"
            " a reasonable period of up to two years (Art. 621).",
            span=(s + min(a, m.start()), s + max(b, m.end())),
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
    bad=["买方收到货物后应及时验收。", "甲方应在合理期限内对设备进行检验。"],
    good=[
        "买方收到货物后应在3日内验收。",
        "甲方收到产品时应当及时验收并在合同约定的期限内将验收结果通知乙方。",
    ],
    params=("vague_triggers",),
)
def vague_window(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """An acceptance clause whose only window is a vague word (及时, 合理期限, 尽快…)."""
    if not is_chinese(doc):
        return
    for a in _acceptance_clauses(doc):
        block, s = a.block, a.start
        word = _vague_word(a.clause, ctx.settings.vague_triggers)
        if not word or a.windows or a.refers_back:
            continue
        i = a.clause.index(word)
        yield ctx.report(
            block,
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
    title="缺少视为验收合格条款",
    title_en="No deemed-acceptance rule",
    severity="warning",
    why="没有“逾期未提出书面异议的，视为验收合格”的约定，买方拖延验收时卖方难以证明交付合格，付款节点（验收合格后付款）"
    "也可能无限期推迟。",
    why_en="Without 'no written objection within the period"
    " counts as acceptance', a buyer who delays acceptance "
    "leaves the seller unable to prove conforming delivery, and"
    " payments due on acceptance may be put off indefinitely.",
    basis="民法典第621条第1款、第623条",
    fix="补充：“买方逾期未验收或未提出书面异议的，视为验收合格。”",
    bad=["第五条 验收\n买方应在到货后72小时内验收。", "买方应于交货后5日内对货物进行检验。"],
    good=[
        "第五条 验收\n买方应在到货后72小时内验收，逾期未提出书面异议的，视为验收合格。",
        "买方应于交货后5日内检验，逾期未检验的视为检验合格。",
    ],
)
def no_deemed_acceptance(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Acceptance clauses exist but no clause deems silence or delay to be acceptance."""
    if not is_goods_contract(doc):
        return
    clauses = _acceptance_clauses(doc)
    if not clauses or _DEEMED.search(doc_text(doc)):
        return
    first = clauses[0]
    yield ctx.report(
        first.block,
        "合同有验收条款，但没有“逾期未验收或未提出异议视为验收合格”的约定：买方拖延验收时，以验收合格为条件的付款可能"
        "无限期推迟。",
        "There is an acceptance clause but no deemed-acceptance"
        " rule: if the buyer delays, payments conditioned on "
        "acceptance may be put off indefinitely.",
        span=(first.start, first.end),
    )


@rule(
    id="acceptance/no-objection-period",
    scope="document",
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
    ],
    params=("objection_period_months",),
)
def no_objection_period(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A goods contract that never mentions a 质保期 / 质量异议期 / 保修期."""
    text = doc_text(doc)
    if not delivers_goods(doc) or any(w in text for w in _OBJECTION_PERIODS) or "质量保证" in text:
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
    why="质量异议期过短的，依民法典第622条只视为外观瑕疵的异议期，隐蔽瑕疵仍可在合理期限内主张；过长则卖方长期承担"
    "质量责任。惯例为12–24个月。",
    why_en="A too-short objection period counts only for visible"
    " (appearance) defects (Civil Code Art. 622); hidden "
    "defects may still be raised later. A very long one keeps"
    " the seller liable for years. Practice: 12–24 months.",
    basis="民法典第621条、第622条；行业惯例（legal-basis §14）",
    fix="把质保期/质量异议期定在约定范围内，例如“质保期为验收合格之日起12个月”；短期限只用于数量和外观瑕疵。",
    bad=["质保期为验收合格之日起3个月。", "质量异议期为收货后5年。"],
    good=[
        "质保期为验收合格之日起12个月。",
        "质量异议期为收货后两年。",
        "数量和外观瑕疵的异议期为到货后3日。",
    ],
    params=("objection_period_months",),
)
def objection_period_range(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A 质保期 / 质量异议期 whose length (months) is outside ``objection_period_months``."""
    if not is_chinese(doc):
        return
    lo, hi = ctx.settings.objection_period_months
    for block, s, _e, clause in clauses_naming(doc, _OBJECTION_PERIODS):
        found = _period_length(clause)
        if found is None:
            continue
        kw, d = found
        months = months_of(d)
        a, b = s + kw.end() + d.span[0], s + kw.end() + d.span[1]
        quoted = block.text[a:b]
        if months < lo:
            if _APPEARANCE.search(clause):
                continue  # a short period for quantity / appearance defects is normal
            yield ctx.report(
                block,
                f"质量异议期/质保期“{quoted}”短于{lo}个月：依民法典第622条，过短的期限只视为外观瑕疵的异议期，"
                "隐蔽瑕疵仍可在合理期限内（最长二年）主张。",
                f"The objection/warranty period '{quoted}' is shorter"
                f" than {lo} months: under Civil Code Art. 622 a "
                "too-short period counts only for appearance"
                " defects; hidden defects may still be raised later.",
                span=(a, b),
            )
        elif months > hi:
            yield ctx.report(
                block,
                f"质量异议期/质保期“{quoted}”长于{hi}个月：卖方将长期承担质量责任（民法典第621条的二年上限只适用于"
                "未约定质保期的情形）。",
                f"The objection/warranty period '{quoted}' is longer"
                f" than {hi} months: the seller stays liable for "
                "quality for a long time (the 2-year limit of Art."
                " 621 applies only when no warranty is agreed).",
                span=(a, b),
            )
