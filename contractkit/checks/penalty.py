"""Rules of the ``penalty`` family: 违约金 rates, caps, lump sums, stacked charges, 定金 and its wording,
one-sided penalties, and remedies beyond a penalty (acceleration on one installment, recovery costs as a
share, self-help seizure) — checks over the penalty facts (:mod:`contractkit.contract.penalty`).

Legal basis: 民法典第585–588条、第634条; 合同编通则解释第64、65、67条; 买卖合同解释第18、27条; the
4 × LPR reference of the private-lending rules (legal-basis.md §4–5: practice for sales contracts, not a
statutory cap).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from contractkit.checks._common import clauses_naming, doc_text, memo
from contractkit.checks.acceptance import delivers_goods, is_chinese, is_goods_contract
from contractkit.checks.base import RuleContext, rule
from contractkit.config import Settings
from contractkit.contract import contract_of
from contractkit.contract.penalty import (
    Cap,
    Penalty,
    PenaltyFacts,
    Tier,
    freed_breach,
    liability_referred,
    remedies,
    unremedied_breach,
)
from contractkit.facts import Rate, find_percents, find_rates
from contractkit.facts.durations import find_durations
from contractkit.facts.rates import capped_fraction
from contractkit.findings import Finding, Fix, Severity
from contractkit.readers.model import Block, Document

_PENALTY_WORDS = ("违约金", "滞纳金", "罚息", "罚金", "利息", "赔偿金", "资金占用费")
_PENALTY = "|".join(_PENALTY_WORDS)
_PENALTY_RE = re.compile(_PENALTY)
_LATE = (
    r"逾期|迟延|延迟|延期|拖延|拖欠|超期|未按(?:约定|合同约定|期|时|照约定)?"
    r"|未能按[^,，。;；\n]{0,8}|不能按[^,，。;；\n]{0,8}"
)
# Late payment is 逾期付款 / 迟延支付 / 未按期向乙方支付货款 / 拖欠货款: the late word right before the
# act of paying. "逾期交货的，每逾期一日按…支付违约金" is not: 支付违约金 is how any penalty is paid.
_PAY_ACT = r"(?:付款|付清|支付|交纳|缴纳|缴付|结算|偿付)(?!违约金|滞纳金|赔偿金|罚金)"
_LATE_PAYMENT_PATTERN = (
    rf"(?:(?:{_LATE})\s*(?:的?(?:时间|期限|日期))?\s*(?:向[^，,。;；\n]{{1,8}}?)?{_PAY_ACT}"
    r"|拖欠(?:货款|价款|款项|费用|合同款|服务费)|欠付|应付未付|未付款)"
    rf"[^。]{{0,90}}?(?:{_PENALTY}|万分之|千分之|%)"
)
_LATE_DELIVERY_PATTERN = (
    rf"(?:(?:{_LATE})[^。;；\n]{{0,16}}?|不|未)(?:交货|交付|发货|供货|到货|提供服务|提供产品|完成安装|履行)[^。]{{0,90}}?"
    rf"(?:{_PENALTY}|万分之|千分之|%)"
)
#: Led by a lookahead of their first characters (the same matches, found far faster over a whole text).
_LATE_PAYMENT = re.compile(f"(?=[不应延拖未欠超迟逾])(?:{_LATE_PAYMENT_PATTERN})")
_LATE_DELIVERY = re.compile(f"(?=[不延拖未超迟逾])(?:{_LATE_DELIVERY_PATTERN})")
_PAYMENT_TERMS = re.compile(r"付款|支付[^。;；\n]{0,10}(?:价款|货款|款项|费用|合同款)|价款|货款")
_CAP_PATTERN = (
    r"累计(?:总额)?不(?:得)?(?:超过|高于)|最高(?:不(?:得)?超过|为)|总额不(?:得)?超过|总计不(?:得)?超过|上限|封顶"
    r"|以[^,，。;；\n]{1,20}为限|不(?:得)?超过[^,，。;；\n]{0,20}(?:总价|总额|金额|价款)"
)
_CAP = re.compile(f"(?=[上不以封总最累])(?:{_CAP_PATTERN})")
#: Literals without which ``_CAP`` cannot match (each of its alternatives holds one).
_CAP_WORDS = ("累计", "最高", "上限", "封顶", "为限", "超过")
_WEIYUEJIN_WORDS = ("违约金",)
_GENERIC_PARTY = re.compile(r"任何一方|任一方|双方|违约方|一方违约|守约方|一方未")
_BUYERS = "买方|买受人|需方|采购方|采购人|订购方|购货方|购买方|订货方"
_SELLERS = "卖方|出卖人|供方|供货方|供应商|供应方|销售方|出售方"
_PAIRS: tuple[tuple[str, str], ...] = (("甲方", "乙方"), (_BUYERS, _SELLERS))
_PAIR_RES = tuple((re.compile(a), re.compile(b)) for a, b in _PAIRS)
_RECIPIENT = re.compile(rf"向(?P<p>甲方|乙方|{_BUYERS}|{_SELLERS})")
_DEMAND = re.compile(rf"要求(?P<p>甲方|乙方|{_BUYERS}|{_SELLERS})")


def _pct(value: Decimal) -> str:
    q = value.quantize(Decimal("0.01")).normalize()
    return f"{q:f}%"


def _facts(doc: Document) -> PenaltyFacts:
    """The penalty facts of the document (see :mod:`contractkit.contract.penalty`)."""
    return contract_of(doc).penalty


def _has_penalty_for(doc: Document, breach: str) -> bool:
    """True when the facts model holds a penalty (any kind) for ``breach``, or liability is left to another
    agreement (an order under a framework: 违约责任按框架协议的约定执行)."""
    return (
        any(p.breach == breach for p in _facts(doc).penalties)
        or any(_for_any_delay(doc, p) for p in _facts(doc).penalties)
        or any(r.breach == breach for r in remedies(doc))
        or _REFERRED.search(doc_text(doc)) is not None
    )


#: A lateness of any performance, not named as paying or delivering (逾期履行, 迟延履行义务, 未按期履行).
_ANY_DELAY = re.compile(
    r"(?:逾期|迟延|延迟|延期|拖延|超期|未按期|未按时|不按期|不按时)(?:履行|履约|完成)?|(?:未|不)(?:按约定|按期|按时)?履行"
)
_SENTENCE_END = re.compile(r"[。；;\n]")
_EITHER_SIDE = re.compile(r"一方|双方|违约方|各方|任一方")


def _for_any_delay(doc: Document, p: Penalty) -> bool:
    """A rate by the day (week, month) that either party owes for its own late performance, whatever it
    is (任何一方逾期履行本合同义务的，每逾期一日…; 违约方每迟延一日…; 任一方遲延履行者…): it covers a late
    payment and a late delivery alike. A rate for another breach by either party (违反保密义务的，每日…)
    does not: the sentence up to the rate must name a delay."""
    if p.breach != "other" or p.payer not in ("either", "unknown") or p.kind != "rate":
        return False
    if not any(t.per in ("day", "working_day", "week", "month") for t in p.tiers):
        return False
    norm = doc.blocks[p.where.block].norm
    a, b = p.where.span
    starts = [m.end() for m in _SENTENCE_END.finditer(norm, 0, a)]
    start = starts[-1] if starts else 0
    if p.payer == "unknown" and _EITHER_SIDE.search(norm, start, b) is None:
        return False  # a payer not read: either side only where the sentence says so (一方迟延履行的)
    return _ANY_DELAY.search(norm, start, b) is not None


#: Liability agreed elsewhere: an order or a special-terms part referring to the framework / general terms.
_REFERRED = re.compile(
    r"(?:违约(?:责任)?|未尽事宜|其他事项|其余条款|其他条款|其余事项|未(?:约定|规定|涉及)(?:的)?(?:事项|事宜|内容)?)"
    r"[^。；;\n]{0,30}?(?:按|依|依照|按照|适用|参照|见)[^。；;\n]{0,6}?(?:《(?![^》]{0,30}(?:法|法典|条例|规定|解释)》)[^》]{1,30}》|框架协议|框架合同|主协议"
    r"|主合同|原合同|总协议|总合同|基本协议|通用条款|一般条款|采购协议"
    # 按协议第6条（违约责任）执行: an article of another agreement (本协议第6条 is this one's own)
    r"|(?<!本)(?:协议|合同)\s*第\s*[\d一二三四五六七八九十]+\s*条)"
)


def _tier_figure(t: Tier) -> str:
    per = {"hour": "小时", "day": "日", "working_day": "工作日", "week": "周", "month": "月", "year": "年"}[
        t.per
    ]
    every = f"每{t.every}{per}" if t.every != 1 else f"每{per}"
    return f"{every}{_pct(t.value_pct)}"


def _capped_fix(block: Block, tier: Tier, cap: Decimal) -> Fix | None:
    """The tier's fraction rewritten as the highest figure within ``cap`` a year over the same period, in
    the same notation (每日千分之五 → 每日万分之三点二); None for a rate whose unit is not written."""
    if tier.ambiguous or tier.figure is None or tier.figure.block != tier.where.block:
        return None
    a, b = tier.figure.span
    words = block.text[a:b]
    rate = Rate(tier.value_pct, tier.per, (a, b), tier.every)  # type: ignore[arg-type]
    new = capped_fraction(block.norm[a:b], rate, cap)
    if new is None:
        return None
    w0, w1 = tier.where.span  # read back within the rate's own words (the cue and the fraction)
    fixed = block.norm[w0:a] + new + block.norm[b:w1]
    back = next((r for r in find_rates(fixed) if r.span[0] <= a - w0 < r.span[1]), None)
    if back is None or back.annual_percent() > cap:
        return None  # the rewritten text must read back as a rate within the cap
    figure = back.annual_percent()
    return Fix(
        (a, b),
        new,
        note=f"将“{words}”降至“{new}”（同一计算期间，折合年利率{_pct(figure)}，不超过{_pct(cap)}）",
        note_en=f"'{words}' lowered to '{new}' over the same period ({_pct(figure)} a year, within "
        f"{_pct(cap)})",
    )


#: 0.1 % a day (× 365): a rate at or above it is warned about whatever bounds its total (legal-basis §14).
HIGH_ANNUAL = Decimal("36.5")
#: 0.05 % a day (× 365): the statutory default late-payment interest owed to SMEs (legal-basis §6).
_SME_ANNUAL = Decimal("18.25")

Band = Literal["practice", "bounded", "warn"]


@dataclasses.dataclass(frozen=True, slots=True)
class _Bands:
    """The rate rule's thresholds for one run: the 4 × LPR reference (``cap``), the top of the common
    practice band (``warn``) and the overall cap share that bounds a penalty's total (``share``)."""

    cap: Decimal
    warn: Decimal
    share: Decimal

    @classmethod
    def of(cls, st: Settings) -> _Bands:
        cap = st.rate_cap_annual
        warn = cap if st.rate_warn_annual is None else max(st.rate_warn_annual, cap)
        return cls(cap, warn, st.penalty_cap_max_percent)

    def band(self, annual: Decimal, bounded: bool) -> Band | None:
        """None within the reference; ``practice`` up to ``warn``; ``bounded`` below 0.1 % a day when an
        overall cap bounds the total; else ``warn``."""
        if annual <= self.cap:
            return None
        if annual <= self.warn:
            return "practice"
        return "bounded" if bounded and annual < HIGH_ANNUAL else "warn"


def _bounding_cap(doc: Document, p: Penalty, share: Decimal) -> Cap | None:
    """The overall cap of ``p`` when it bounds the total at no more than ``share`` percent of a base (an
    amount cap: of the contract total), else None (无上限, no cap, a cap too high to limit anything)."""
    cap = p.cap
    if cap is None or p.uncapped:
        return None
    if cap.percent is not None:
        return cap if cap.percent <= share else None
    if cap.amount is None:
        return None
    total = contract_of(doc).amount.total
    if total is None or total.value <= 0:
        return None
    return cap if cap.amount * 100 / total.value <= share else None


def _cap_words(doc: Document, cap: Cap) -> str:
    a, b = cap.where.span
    return doc.blocks[cap.where.block].text[a:b]


def _report_rate(
    ctx: RuleContext,
    block: Block,
    what: tuple[str, str],
    band: Band,
    cap: Cap | None,
    doc: Document,
    span: tuple[int, int],
    fix: Fix | None = None,
) -> Finding:
    """The finding of one rate: ``what`` (zh, en) says the figure; the tail says the band (a warning at the
    rule's severity; the practice band and a bounded total as info, without a fix)."""
    st, bands = ctx.settings, _Bands.of(ctx.settings)
    cap_pct, lpr, since = _pct(bands.cap), _pct(st.lpr_1y), st.lpr_date.isoformat()
    multiple = f"{st.rate_cap_multiple.normalize():f}"
    if band == "warn":
        zh = (
            f"，超过{multiple}倍LPR上限{cap_pct}（一年期LPR {lpr}，{since}起）。法院以超过损失30%为过分高于"
            "损失的一般标准（合同编通则解释第65条），该违约金很可能被调减。"
        )
        en = (
            f", above the cap of {cap_pct} ({multiple} × one-year LPR {lpr} as of {since}). Courts treat a "
            "penalty more than 30 % above the loss as excessive (2023 interpretation Art. 65), so this rate "
            "is likely to be cut."
        )
        return ctx.report(block, what[0] + zh, what[1] + en, span=span, fix=fix)
    ref_zh = (
        f"，超过{multiple}倍LPR参照{cap_pct}（一年期LPR {lpr}，{since}起；该上限约束借贷，对买卖违约金仅为"
        "参照）"
    )
    ref_en = (
        f", above the {multiple} × LPR reference of {cap_pct} (one-year LPR {lpr} as of {since}; that cap "
        "binds loans and is only a reference for a sales penalty)"
    )
    if band == "practice":
        warn, daily = _pct(bands.warn), _pct(bands.warn / 365)
        sme = bands.warn == _SME_ANNUAL
        zh = (
            f"，但未超过日{daily}（年化{warn}）的常见区间"
            + ("（日万分之五也是逾期支付中小企业款项的法定默认利率）" if sme else "")
            + "。仅作提示。"
        )
        en = (
            f", but within the common practice band of {daily} a day ({warn} a year)"
            + (", also the statutory default late-payment interest owed to SMEs" if sme else "")
            + ". A note, not a warning."
        )
    else:
        words = _cap_words(doc, cap) if cap is not None else ""
        zh = (
            f"，但低于日千分之一，且违约金总额以“{words}”为限：总额不会超过该上限，法院以违约金总额与损失比较"
            "（合同编通则解释第65条）。仅作提示。"
        )
        en = (
            f", but below 0.1 % a day and the total is capped ('{words}'): the penalty cannot exceed that "
            "cap, which is what a court compares with the loss (2023 interpretation Art. 65). A note, not a "
            "warning."
        )
    f = ctx.report(block, what[0] + ref_zh + zh, what[1] + ref_en + en, span=span, hint=_NOTE_HINT)
    return dataclasses.replace(f, severity=Severity.INFO)


_NOTE_HINT = (
    "无需修改；如希望更稳妥，可降到4倍LPR以内（如日万分之三）或为按日（周）计算的违约金约定合理的总额上限。"
)


@rule(
    id="penalty/rate-above-cap",
    title="违约金日利率折合年利率过高",
    title_en="Penalty rate above the cap once annualized",
    severity="warning",
    why="4倍LPR（默认3.0%×4=12%）是民间借贷的利率上限，对买卖合同的违约金只是参照：法院审查违约金时以损失为"
    "基础，超过损失30%一般认定为过分高于损失（合同编通则解释第65条），并常以4倍LPR为参照。因此：年化不超过4倍"
    "LPR的不提示；超过的警告，很可能被调减——但违约金总额设有合理上限（如累计不超过合同价格的5%）且低于日千分"
    "之一的仅作提示，因总额不会超过该上限；达到日千分之一（年化36.5%）的一律警告。按实践常见区间审查的公司"
    "可设rate_warn_annual = 18.25（日万分之五，也是逾期支付中小企业款项的法定默认利率）：不超过该值的仅作"
    "提示。同一迟延的违约金、滞纳金、利息合并计算（民间借贷规定第29条参照）。按工作日计的费率以一年250个"
    "工作日折算。",
    why_en="4 × the one-year LPR (default 12 %) caps loan interest and is only a reference for a sales "
    "penalty: courts start from the loss and treat a penalty more than 30 % above it as excessive (2023 "
    "interpretation Art. 65) and often use 4 × LPR as the reference. So: up to 4 × LPR nothing is said; "
    "above it a warning (likely to be cut) — unless an overall cap bounds the total (e.g. at most 5 % of the "
    "price) and the rate is below 0.1 % a day, then a note; at or above 0.1 % a day (36.5 % a year) always a "
    "warning. A company that reviews by the common practice band sets rate_warn_annual = 18.25 (0.05 % a "
    "day, also the statutory default late-payment interest owed to SMEs): rates within it are then a note. "
    "Charges for the same delay count together. A rate per working day is annualised over 250 working days.",
    basis="民法典第585条；合同编通则解释第65条；保障中小企业款项支付条例第17条；民间借贷规定第25、28、29条（参照）",
    fix="把利率降到4倍LPR以内，例如“每日按未付款项的万分之三计付违约金”（年化10.95%），"
    "或为按日（周）计算的违约金约定合理的总额上限。",
    bad=[
        "甲方逾期付款的，每日按未付款项的千分之一支付违约金。",
        "乙方逾期交货的，每日按合同总价的0.1%支付违约金。",
        "逾期付款按月息2%计收利息。",
        "如在5个工作日内未执行，逾期一天按10%缴纳滞纳金。",
        "逾期付款违约金为日未交款的3‰。",
        "如逾期未还按每月0.05加收滞纳金。",
        "乙方逾期付款的，按照未付款项的日万分之五向甲方支付违约金。",
        "买方逾期付款的，按逾期总额支付每日万分之五的违约金及万分之三的滞纳金。",
        "逾期付款的，按一年期LPR的10倍计付违约金。",
        "卖方逾期交货的，每日按逾期部分货款的0.08%支付违约金。",
        "卖方每迟延交货一周，按迟延部分价款的1%支付违约金，累计不超过合同价格的5%。",
        "卖方每逾期一个工作日，按逾期部分货款的千分之一支付违约金。",
    ],
    good=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
        "逾期付款按年利率6%计收利息。",
        "甲方逾期付款的，按一年期贷款市场报价利率（LPR）的两倍按日计付违约金，但累计不超过逾期金额的5%。",
        "每逾期满七日，按未交货物金额的千分之二支付违约金。",
    ],
    params=("lpr_1y", "lpr_date", "rate_cap_multiple", "rate_warn_annual", "penalty_cap_max_percent"),
)
def rate_above_cap(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Each penalty whose highest annual figure (or the sum of the charges for one delay) exceeds the 4 ×
    LPR reference: a warning above the practice band (unless a cap bounds its total below 0.1 % a day),
    else a note (info)."""
    if not is_chinese(doc):
        return
    st = ctx.settings
    bands = _Bands.of(st)
    cap = bands.cap
    facts = _facts(doc)
    flagged: set[int] = set()
    sums = {i: c for c in facts.combined for i in c.members if c.members[0] == i}
    for i, p in enumerate(facts.penalties):
        bound = _bounding_cap(doc, p, bands.share)
        if p.kind == "lpr" and p.lpr_multiple is not None:
            annual = p.lpr_multiple * st.lpr_1y
            band = bands.band(annual, bound is not None)
            if band is None:
                continue
            flagged.add(i)
            what = (
                f"按LPR的{p.lpr_multiple.normalize():f}倍计算的违约金折合年利率{_pct(annual)}",
                f"{p.lpr_multiple.normalize():f} × LPR is {_pct(annual)} a year",
            )
            yield _report_rate(ctx, doc.blocks[p.where.block], what, band, bound, doc, p.where.span)
            continue
        yearly = [t for t in p.tiers if t.annual_pct is not None]
        if not yearly:
            continue
        top = max(yearly, key=lambda t: t.annual_pct or 0)
        if top.annual_pct is None or top.annual_pct <= cap:
            continue
        ceiling = p.ceiling_annual_pct
        if ceiling is None and p.ceiling_lpr_multiple is not None:
            ceiling = p.ceiling_lpr_multiple * st.lpr_1y
        if ceiling is not None and ceiling <= cap:
            continue  # 但年化不超过LPR的四倍: the clause holds the rate within the cap itself
        flagged.add(i)
        judged = max(top.annual_pct, sums[i].annual_pct) if i in sums else top.annual_pct
        members = sums[i].members if i in sums else (i,)
        bounded = all(_bounding_cap(doc, facts.penalties[k], bands.share) for k in members)
        band = bands.band(judged, bounded)
        if band is None:  # pragma: no cover - judged > cap here
            continue
        block = doc.blocks[top.where.block]
        a, b = top.where.span
        quoted = block.text[a:b]
        strong = top.annual_pct >= HIGH_ANNUAL
        strong_zh = "，已达到或超过日千分之一，明显过高" if strong else ""
        strong_en = ", at or above 0.1 % a day, clearly excessive" if strong else ""
        tiers_zh = tiers_en = ""
        if len(yearly) > 1:
            listed = "、".join(
                f"{_tier_figure(t)}（年化{_pct(t.annual_pct)}）" for t in yearly if t.annual_pct
            )
            tiers_zh = f"分档计算：{listed}，最高一档"
            figures = ", ".join(_pct(t.annual_pct) for t in yearly if t.annual_pct)
            tiers_en = f"tiered ({figures} a year); the highest tier "
        amb_zh = amb_en = ""
        if top.ambiguous:
            low = top.value_pct / 100
            amb_zh = (
                f"（“{quoted}”未写单位：按{_pct(top.value_pct)}理解；"
                f"若指{_pct(low)}则年化{_pct(top.annual_pct / 100)}，应写明）"
            )
            amb_en = (
                f" ('{quoted}' has no unit: read as {_pct(top.value_pct)}; if {_pct(low)} is meant it is "
                f"{_pct(top.annual_pct / 100)} a year — state it)"
            )
        sum_zh = sum_en = ""
        if i in sums:
            c = sums[i]
            sum_zh = f"；同一迟延并计{'、'.join(c.charges)}，合计折合年利率{_pct(c.annual_pct)}"
            sum_en = f"; with {', '.join(c.charges)} for the same delay, {_pct(c.annual_pct)} a year in all"
        over = [t for t in yearly if t.annual_pct is not None and t.annual_pct > bands.warn]
        fix = None
        if band == "warn" and i not in sums and len(over) == 1:
            fix = _capped_fix(block, top, bands.warn)
        what = (
            f"{tiers_zh}“{quoted}”折合年利率{_pct(top.annual_pct)}{strong_zh}{amb_zh}{sum_zh}",
            f"{tiers_en}'{quoted}' is {_pct(top.annual_pct)} a year{strong_en}{amb_en}{sum_en}",
        )
        yield _report_rate(ctx, block, what, band, bound, doc, (a, b), fix)
    for c in facts.combined:
        if c.annual_pct <= cap or any(i in flagged for i in c.members):
            continue
        caps = [_bounding_cap(doc, facts.penalties[k], bands.share) for k in c.members]
        band = bands.band(c.annual_pct, all(caps))
        if band is None:  # pragma: no cover - above cap here
            continue
        names = "、".join(c.charges)
        what = (
            f"同一迟延同时计收{names}，合计折合年利率{_pct(c.annual_pct)}",
            f"{', '.join(c.charges)} are charged for the same delay: together {_pct(c.annual_pct)} a year",
        )
        yield _report_rate(ctx, doc.blocks[c.where.block], what, band, caps[0], doc, c.where.span)


@rule(
    id="penalty/no-late-payment-penalty",
    scope="document",
    kinds=("contract", "order"),
    title="未约定逾期付款违约金",
    title_en="No late-payment penalty",
    severity="warning",
    why="没有逾期付款违约金时，卖方只能按LPR加计30–50%主张逾期付款损失（买卖合同解释第18条第4款），远低于常"
    "见的"
    "日万分之三至万分之五。只以信用证付款的，由开证行凭单付款，不在此列。",
    why_en="Without a late-payment penalty the seller can only"
    " claim LPR plus 30–50 % as damages (sales-contract "
    "interpretation Art. 18 ¶4), far below the usual 0.03–0.05 % a day. A price paid only by letter of credit"
    " is paid by the issuing bank against documents and is left out.",
    basis="民法典第585条；买卖合同解释第18条第4款",
    fix="补充：“买方逾期付款的，每日按未付款项的万分之三向卖方支付违约金。”",
    bad=[
        "甲方向乙方采购设备2台，合同总价10万元。乙方于合同签订后30日内交货。甲方于验收合格后10日内付款。",
        "第三条 交货\n乙方到货后通知甲方。\n第四条 付款\n甲方在收到发票后15日内支付货款。",
    ],
    good=[
        "乙方于合同签订后30日内交货。甲方于验收合格后10日内付款。甲方逾期付款的，每日按未付款项的万分之三支"
        "付违约金。",
        "乙方到货后通知甲方。甲方在收到发票后15日内支付货款，迟延支付的，按日万分之三计付滞纳金。",
        "卖方应于2027年6月15日前装运。付款条件：买方须于2027年5月10日前开立以卖方为受益人的不可撤销即期信用证。",
    ],
)
def no_late_payment_penalty(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A goods/services contract with payment terms but no late-payment penalty."""
    if not is_goods_contract(doc) or any(p.breach == "late_payment" for p in _facts(doc).penalties):
        return  # the facts first: the whole-text patterns only when they hold no such penalty
    text = doc_text(doc)
    if not _PAYMENT_TERMS.search(text) or _LATE_PAYMENT.search(text) or _has_penalty_for(doc, "late_payment"):
        return
    if contract_of(doc).payment.by_letter_of_credit_only():
        return  # paid by letter of credit: the issuing bank pays against documents; the buyer opens it
    yield ctx.report(
        None,
        "合同未约定逾期付款违约金：买方迟延付款时，卖方只能按一年期LPR加计30–50%主张损失（买卖合同解释第18条"
        "第4款）。",
        "No late-payment penalty: if the buyer pays late the seller can only claim one-year LPR plus 30–50 % "
        "(sales-contract interpretation Art. 18 ¶4).",
    )


@rule(
    id="penalty/no-late-delivery-penalty",
    scope="document",
    kinds=("contract", "order"),
    title="未约定逾期交货违约金",
    title_en="No late-delivery penalty",
    severity="warning",
    why="没有逾期交货违约金时，买方须举证实际损失才能索赔（民法典第584条），举证困难，卖方迟延交货几乎没有代"
    "价。",
    why_en="Without a late-delivery penalty the buyer must prove"
    " its actual loss (Civil Code Art. 584), which is "
    "hard; late delivery then costs the seller almost nothing.",
    basis="民法典第584条、第585条",
    fix="补充：“卖方逾期交货的，每日按逾期交货部分货款的万分之三向买方支付违约金。”",
    bad=[
        "乙方于合同签订后30日内交货。甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
        "卖方应于2026年5月1日前将货物送达买方仓库。",
    ],
    good=[
        "乙方于合同签订后30日内交货，逾期交货的，每日按合同总价的万分之三支付违约金。",
        "卖方应于2026年5月1日前送货。卖方迟延交付的，应按日向买方支付合同价款万分之三的违约金。",
        "交货条件：FOB 宁波港。卖方未按期装船的，每逾期一日按迟装部分货款的万分之五支付违约金。",
    ],
)
def no_late_delivery_penalty(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A goods contract that provides no penalty for late (or no) delivery."""
    if (
        not delivers_goods(doc)
        or any(p.breach == "late_delivery" for p in _facts(doc).penalties)
        or _LATE_DELIVERY.search(doc_text(doc))
        or _has_penalty_for(doc, "late_delivery")
    ):
        return
    bare = unremedied_breach(doc, "late_delivery")
    if bare is not None:  # 卖方迟延交货的，买方可以催告…，卖方不承担其他责任: named, with no penalty
        block = doc.blocks[bare.block]
        yield ctx.report(
            block,
            "逾期交货条款未约定违约金：卖方迟延交货时，买方须自行举证实际损失才能索赔（民法典第584条）。",
            "The late-delivery clause states no penalty: if the seller delivers late the buyer must prove "
            "its actual loss to claim damages (Civil Code Art. 584).",
            span=bare.span,
        )
        return
    yield ctx.report(
        None,
        "合同未约定逾期交货违约金：卖方迟延交货时，买方须自行举证实际损失才能索赔（民法典第584条）。",
        "No late-delivery penalty: if the seller delivers late the buyer must prove its actual loss to claim "
        "damages (Civil Code Art. 584).",
    )


#: Charges that accrue without end unless capped (interest at a stated rate mirrors statutory damages).
_ACCRUING = ("违约金", "滞纳金", "罚金", "罚款", "赔偿金")


@rule(
    id="penalty/no-cap",
    scope="document",
    kinds=("contract", "order"),
    title="按日计算的违约金没有总额上限",
    title_en="No overall cap on a daily penalty",
    severity="warning",
    why="按日累计的违约金没有上限，迟延越久金额越大，最终远高于损失，争议时几乎必然被调减（民法典第585条、"
    "合同编通则解释第65条），也让双方难以评估风险。上限属于每一项违约金：另一条款的上限不约束这一项。",
    why_en="A penalty accruing per day without a cap grows without"
    " bound, ends far above the loss and will almost "
    "certainly be cut (Civil Code Art. 585; 2023 interpretation Art. 65). A cap belongs to its penalty: "
    "another "
    "clause's cap does not limit this one.",
    basis="民法典第585条；合同编通则解释第65条",
    fix="补充上限，例如“违约金累计不超过合同总价的10%”。",
    bad=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
        "乙方逾期交货的，按日万分之三向甲方支付违约金。",
        "乙方迟交货物的，每迟交一天按未交货物价款的0.025%承担违约金，最高以当月货款的8%为限。\n"
        "甲方逾期付款的，每逾期一天，按应付未付金额的0.025%计付违约金。",
        "逾期一天按10%缴纳滞纳金，超出10个工作日则逾期一天按20%缴纳滞纳金，以此类推无上限。",
    ],
    good=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金，违约金累计不超过合同总价的10%。",
        "乙方逾期交货的，按日万分之三向甲方支付违约金，但以合同总价的5%为限。",
        "乙方逾期交货的，每日按合同总价的万分之三支付违约金。\n甲方逾期付款的，每日按逾期金额的万分之三支付"
        "违约金。\n"
        "上述违约金累计均不超过合同总价的10%。",
    ],
    params=("penalty_cap_max_percent",),
)
def no_cap(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Every periodic penalty that no cap of its own (or a cap clause referring to it) limits."""
    if not is_chinese(doc):
        return
    seen: set[tuple[int, tuple[int, int]]] = set()
    for p in _facts(doc).penalties:
        if p.kind != "rate" or (p.cap is not None and not p.uncapped) or p.charge not in _ACCRUING:
            continue
        key = (p.where.block, p.where.span)
        if key in seen:
            continue
        seen.add(key)
        said = "（条款写明“无上限”）" if p.uncapped else ""
        said_en = " (the clause says it has none)" if p.uncapped else ""
        yield ctx.report(
            doc.blocks[p.where.block],
            f"按期累计的{p.charge}没有总额上限{said}：金额随迟延无限增长，终将远高于实际损失，争议时很可能被"
            "调减"
            "（民法典第585条）。",
            f"A {p.charge} accruing per period has no overall cap{said_en}: it grows without bound, ends far"
            " above "
            "the loss and is likely to be cut (Civil Code Art. 585).",
            span=p.where.span,
        )


@rule(
    id="penalty/cap-too-high",
    title="违约金上限过高",
    title_en="Penalty cap far above the loss",
    severity="warning",
    why="违约金上限定得过高（默认超过合同金额30%），实际上不起限制作用；违约金超过损失30%一般被认定为过分高"
    "于损失"
    "（合同编通则解释第65条）。",
    why_en="A cap above 30 % of the contract amount (default)"
    " limits nothing; a penalty more than 30 % above the "
    "loss is generally excessive (2023 interpretation Art. 65).",
    basis="民法典第585条；合同编通则解释第65条",
    fix="把上限降到合同金额的合理比例，例如“累计不超过合同总价的10%”。",
    bad=["违约金累计不超过合同总额的50%。", "逾期违约金最高不超过合同总价的百分之四十。"],
    good=["违约金累计不超过合同总额的10%。", "逾期违约金最高不超过合同总价的百分之二十。"],
    params=("penalty_cap_max_percent",),
)
def cap_too_high(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A penalty cap whose percent exceeds ``penalty_cap_max_percent``."""
    if not is_chinese(doc):
        return
    limit = ctx.settings.penalty_cap_max_percent
    for block, s, _e, clause in _clauses_with(doc, _CAP_WORDS):
        m = _CAP.search(clause)
        if not m or not (_PENALTY_RE.search(clause) or _PENALTY_RE.search(block.norm[: s + 1])):
            continue
        for p in find_percents(clause):
            if p.span[0] < m.start() or p.value <= limit:
                continue
            if clause[p.span[1] : p.span[1] + 1].isdigit():
                break  # 逾期金额的59%0: a digit after the sign, a figure a scan garbled — its size is unknown
            a, b = s + p.span[0], s + p.span[1]
            if _doubtful(block, (a, b)):
                break  # a scan unsure of the word (5% read as 59%): its size is unknown
            yield ctx.report(
                block,
                f"违约金上限{_pct(p.value)}高于合同金额的{_pct(limit)}，几乎不起限制作用；超过损失30%的违约"
                "金一般被认定"
                "为过分高于损失，可被调减（合同编通则解释第65条）。",
                f"The penalty cap of {_pct(p.value)} exceeds"
                f" {_pct(limit)} of the contract amount and hardly limits "
                "anything; a penalty more than 30 % above the loss is"
                " generally excessive (2023 interpretation Art. 65).",
                span=(a, b),
            )
            break


#: Below this OCR confidence (0–100) in the word holding a figure, the scan may have read it wrong (the
#: payment family's threshold for a share, :data:`contractkit.checks.payment._DOUBTFUL_WORD`).
_DOUBTFUL_WORD = 80.0


def _doubtful(block: Block, span: tuple[int, int]) -> bool:
    """True when OCR read the text at ``span`` of ``block`` from a word it was unsure of."""
    if block.confidence is None or not block.words:
        return False
    return any(a < span[1] and span[0] < b and conf < _DOUBTFUL_WORD for a, b, conf in block.words)


@rule(
    id="penalty/lump-sum-too-high",
    title="一次性违约金过高",
    title_en="Lump-sum penalty far above the likely loss",
    severity="warning",
    why="一次性违约金按合同总额的高比例（默认超过30%）或数倍计算，远高于通常损失；违约金超过损失30%一般被认定"
    "为过分高于损失，可被调减（合同编通则解释第65条）。对任何违约都按合同总额的同一比例（达到该比例）计算的，"
    "轻微违约也要付同样的金额，同样难以得到支持。",
    why_en="A one-off penalty at a high share (default above 30 %) or a multiple of the contract amount is "
    "far above the usual loss; more than 30 % above the loss is generally excessive (2023 interpretation "
    "Art. 65). A flat share of the whole price at that level for any breach makes a trivial breach cost "
    "the same.",
    basis="民法典第585条；合同编通则解释第65条",
    fix="按违约类型和违约部分约定违约金，例如“逾期交货的，每日按逾期部分货款的万分之三支付，累计不超过"
    "该部分货款的10%”。",
    bad=[
        "乙方不能完成改造的，应按合同总金额的50%向甲方支付违约金。",
        "如约定期限内未还款，被告向原告支付赊欠总金额双倍违约金。",
        "双方约定违约金为合同总金额的30%，如一方违约，违约方按此标准支付给另一方违约金。",
        "买方出现任何违约行为，均应当按照本合同约定总价款的30%向卖方支付违约金。",
    ],
    good=[
        "若甲方违反上述约定，按应支付总额的5%支付给乙方违约金。",
        "任何一方违约的，应向对方支付合同总价20%的违约金。",
        "乙方逾期交货超过30日的，甲方有权解除合同，乙方应按未交货部分价款的30%支付违约金。",
    ],
    params=("penalty_cap_max_percent",),
)
def lump_sum_too_high(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A lump-sum penalty above ``penalty_cap_max_percent`` of its base, or at it for any breach as a share
    of the whole contract price."""
    if not is_chinese(doc):
        return
    limit = ctx.settings.penalty_cap_max_percent
    for p in _facts(doc).penalties:
        if p.kind != "lump_sum" or p.share_pct is None:
            continue
        flat = p.any_breach and p.whole_total and p.share_pct >= limit
        if p.share_pct <= limit and not flat:
            continue
        block = doc.blocks[p.where.block]
        base = p.base or "基数"
        share = _pct(p.share_pct)
        if p.share_pct > limit:
            zh = (
                f"一次性{p.charge}为{base}的{share}，超过{_pct(limit)}，远高于通常损失；违约金超过损失30%"
                "一般被认定为过分高于损失，可被调减（合同编通则解释第65条）。"
            )
            en = (
                f"A one-off {p.charge} of {share} of the base exceeds {_pct(limit)} and is far above the "
                "usual loss; more than 30 % above the loss is generally excessive (2023 interpretation "
                "Art. 65)."
            )
        else:
            zh = (
                f"任何违约都按{base}的{share}支付{p.charge}，不分违约轻重：轻微违约也须支付合同总额的{share}，"
                "很可能被认定为过分高于损失而调减（合同编通则解释第65条）。"
            )
            en = (
                f"Any breach costs {share} of the whole contract price, however minor: likely to be found "
                "excessive and cut (2023 interpretation Art. 65)."
            )
        yield ctx.report(block, zh, en, span=p.where.span)


@rule(
    id="penalty/deposit-over-limit",
    title="定金超过合同标的额20%",
    title_en="Deposit (定金) above 20 % of the contract amount",
    severity="error",
    why="定金不得超过主合同标的额的20%，超过部分不产生定金效力（民法典第586条），不适用定金罚则。",
    why_en="A deposit may not exceed 20 % of the contract"
    " amount; the excess has no deposit effect (Civil Code "
    "Art. 586) and the forfeiture rule does not apply to it.",
    basis="民法典第586条",
    fix="把定金降到合同金额的20%以内，其余部分写作预付款。",
    bad=[
        "合同总价为人民币100,000元。买方应支付定金人民币30,000元。",
        "买方于签约后3日内支付定金，定金为合同总价的30%。",
        "合同签订生效后，原告向被告支付合同总价款的30%，即54000元作为定金。",
        "车价款为9万元，包过户，合同签订当日交付定金2万元。",
    ],
    good=[
        "合同总价为人民币100,000元。买方应支付定金人民币20,000元。",
        "买方于签约后3日内支付定金，定金为合同总价的20%。",
        "合同签订生效后，买方支付合同总价款的20%作为定金。",
    ],
    params=("deposit_max_percent",),
)
def deposit_over_limit(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A 定金 whose share of the contract total (stated or computed from its amount) exceeds the limit."""
    if not is_chinese(doc):
        return
    limit = ctx.settings.deposit_max_percent
    for d in _facts(doc).deposits:
        if d.word != "定金" or d.share_pct is None or d.share_pct <= limit:
            continue
        block = doc.blocks[d.where.block]
        a, b = d.where.span
        what = f"定金{block.text[a:b]}" if d.amount is not None and d.total else "定金"
        yield ctx.report(
            block,
            f"{what}为合同金额的{_pct(d.share_pct)}，超过{_pct(limit)}：超过部分不产生定金效力（民法典第586"
            "条）。",
            f"The deposit is {_pct(d.share_pct)} of the contract amount, above {_pct(limit)}: the excess has"
            " no "
            "deposit effect (Civil Code Art. 586).",
            span=(a, b),
        )
        return  # one 定金: its repetitions (付款：定金30%) are the same deposit


@rule(
    id="penalty/deposit-and-penalty",
    title="定金与违约金同时适用",
    title_en="Deposit and penalty claimed together",
    severity="warning",
    why="当事人既约定违约金又约定定金的，一方违约时对方只能选择其一（民法典第588条），约定“同时适用”不产生叠"
    "加效果。",
    why_en="When both a penalty and a deposit are agreed, the"
    " other party must choose one (Civil Code Art. 588); a "
    "clause applying both cumulatively has no such effect.",
    basis="民法典第588条",
    fix="改为“守约方可以选择适用违约金或者定金条款”。",
    bad=[
        "卖方违约的，应双倍返还定金，并支付合同总价20%的违约金。",
        "一方违约的，定金罚则与违约金条款同时适用。",
        "守约方依前款主张定金的，同时有权要求违约方按合同总价的20%支付违约金。",
    ],
    good=["一方违约的，守约方可以选择适用违约金或者定金条款。", "卖方违约的，应双倍返还定金。"],
)
def deposit_and_penalty(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A clause applying 定金 and 违约金 cumulatively."""
    if not is_chinese(doc):
        return
    for w in _facts(doc).deposit_with_penalty:
        yield ctx.report(
            doc.blocks[w.block],
            "定金与违约金被约定同时适用：依民法典第588条，一方违约时对方只能选择适用违约金或定金条款，不能一"
            "并主张。",
            "The deposit and the penalty are to apply together:"
            " under Civil Code Art. 588 the other party must "
            "choose one of them, not both.",
            span=w.span,
        )


def _dingjin_fix(at: int) -> Fix:
    """订金 at offset ``at`` of its block written 定金."""
    return Fix(
        (at, at + 2),
        "定金",
        note="“订金”改为“定金”：约定双倍返还/不予返还的，写明定金性质才适用定金罚则（民法典第587条）",
        note_en="订金 written 定金: forfeiture and double return apply only to a deposit agreed as 定金 "
        "(Civil Code Art. 587)",
    )


def _dingjin_places(doc: Document) -> list[tuple[Block, int]]:
    """Every 订金 of the document: (block, offset), in order (read only when the rule fires)."""
    out = []
    for b in doc.blocks:
        at = b.norm.find("订金")
        while at >= 0:
            out.append((b, at))
            at = b.norm.find("订金", at + 2)
    return out


@rule(
    id="penalty/dingjin-wording",
    title="“订金”写成了定金的意思",
    title_en="订金 written where 定金 is meant",
    severity="warning",
    why="“订金”不是定金，没有约定定金性质的，不适用定金罚则（合同编通则解释第67条），“双倍返还”“不予返还”的"
    "约定可能"
    "落空，订金只能作为预付款退还或抵作价款。",
    why_en="订金 is not a deposit (定金); without an agreed deposit"
    " nature the forfeiture rule does not apply (2023 "
    "interpretation Art. 67), so 'double return' or 'not refundable' wording may fail.",
    basis="民法典第587条；合同编通则解释第67条",
    fix="如需定金罚则，写作“定金”；否则删去双倍返还/不予返还的表述。",
    bad=[
        "买方支付订金5000元，买方违约的，订金不予返还。",
        "卖方违约的，应双倍返还订金。",
        "合同签订后三日内，甲方支付订金人民币30,000.00元。\n乙方不履行合同的，应双倍返还订金；甲方不履行合同"
        "的，"
        "无权要求返还订金。",
    ],
    good=["买方支付定金5000元，买方违约的，定金不予返还。", "买方支付订金5000元，订金在结算时抵作货款。"],
)
def dingjin_wording(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """订金 with forfeiture wording anywhere: one finding, where the 订金 is agreed (else at the wording)."""
    if not is_chinese(doc):
        return
    facts = _facts(doc)
    forfeit = next((f for f in facts.forfeitures if f.word == "订金"), None)
    if forfeit is None:
        return
    paid = next((d for d in facts.deposits if d.word == "订金"), None)
    where = paid.where if paid is not None else forfeit.where
    block = doc.blocks[where.block]
    text = block.norm
    i = text.rfind("订金", 0, where.span[1])
    span = (i, i + 2) if i >= 0 and paid is not None else where.span
    if paid is not None:
        span = (min(span[0], where.span[0]), max(span[1], where.span[1]))
    near = [k for b, k in _dingjin_places(doc) if b is block]
    at = i if i >= 0 else min(near, key=lambda k: abs(k - where.span[0]), default=-1)
    yield ctx.report(
        block,
        "写的是“订金”却约定了双倍返还/不予返还：订金不适用定金罚则（合同编通则解释第67条），该约定可能无法执"
        "行。",
        "The clause says 订金 but provides double return / forfeiture: 订金 does not carry the deposit "
        "forfeiture rule (2023 interpretation Art. 67), so this may not be enforceable.",
        span=span,
        fix=_dingjin_fix(at) if at >= 0 else None,
    )
    # the same money named elsewhere gets the same change (an info note carrying it), so that once the
    # changes are accepted every clause speaks of one 定金
    for other, k in _dingjin_places(doc):
        if other is block and k == at:
            continue
        f = ctx.report(
            other,
            "同一笔订金：此处的“订金”一并改为“定金”，使定金罚则条款指向同一笔款项。",
            "The same 订金: written 定金 here too, so the forfeiture clause refers to the same money.",
            span=(k, k + 2),
            fix=_dingjin_fix(k),
        )
        yield dataclasses.replace(f, severity=Severity.INFO)


@rule(
    id="penalty/no-adjust-clause",
    title="“违约金不得调整”条款无效",
    title_en="'Penalty may not be adjusted' clause",
    severity="warning",
    why="当事人仅以合同约定不得对违约金进行调整为由主张不予调整的，人民法院不予支持（合同编通则解释第64条第3"
    "款）；"
    "该条款不产生排除调整的效果。",
    why_en="A court will not refuse to adjust a penalty merely"
    " because the contract says it may not be adjusted "
    "(2023 interpretation Art. 64 ¶3); the clause has no effect.",
    basis="民法典第585条；合同编通则解释第64条第3款",
    fix="删除该条款，改为合理的违约金标准与上限。",
    bad=[
        "双方确认本合同违约金不得调整。",
        "违约方放弃请求法院调整违约金的权利。",
        "任何一方均不得以违约金过高或者过低为由请求调整。",
        "上述违约金系双方协商确定，双方均不得向法院或仲裁机构申请调减违约金。",
    ],
    good=[
        "违约金不足以弥补损失的，守约方可请求赔偿损失。",
        "违约金过分高于损失的，违约方可以请求适当减少。",
        "乙方支付违约金后，不得变更交货地址。",
    ],
)
def no_adjust_clause(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A clause excluding judicial adjustment of the penalty."""
    if not is_chinese(doc):
        return
    for w in _facts(doc).no_adjust:
        yield ctx.report(
            doc.blocks[w.block],
            "约定违约金不得调整无效：法院不会仅因该约定拒绝调整违约金（合同编通则解释第64条第3款）。",
            "A clause barring adjustment of the penalty is"
            " ineffective: courts will not refuse adjustment on that "
            "ground alone (2023 interpretation Art. 64 ¶3).",
            span=w.span,
        )


@rule(
    id="penalty/stacked-charges",
    title="同一违约叠加多种违约责任",
    title_en="Several charges stacked for one breach",
    severity="warning",
    why="同一违约同时计收利息、违约金、滞纳金或资金占用费，实际负担是各项之和；法院按合计额审查是否过分高于"
    "损失"
    "（合同编通则解释第65条），借贷中合计不得超过4倍LPR（民间借贷规定第29条，参照），叠加部分常被调减。",
    why_en="Charging interest, a penalty, a late fee or a funds-use fee for the same breach makes the burden"
    " their "
    "sum; courts judge the total against the loss (2023 interpretation Art. 65; for loans the total is "
    "capped at "
    "4 × LPR, private-lending rules Art. 29, by analogy), so the stacked part is often cut.",
    basis="民法典第585条；合同编通则解释第65条；民间借贷规定第29条（参照）",
    fix="每种违约只约定一种违约责任及其计算方式，例如“逾期付款的，每日按未付款项的万分之三支付违约金，累计不"
    "超过未付款项的10%”。",
    bad=[
        "买方有权要求卖方除支付逾期款项的利息外，还应按逾期总额支付每日万分之二的违约金。",
        "如买方不按约定付款，须向卖方支付资金占用费，且必须支付原合同所述的违约金。",
    ],
    good=[
        "甲方逾期付款的，应支付违约金，并赔偿乙方的利息损失。",
        "逾期付款的，卖方可选择按日万分之三计收违约金或按LPR计收利息。",
    ],
)
def stacked_charges(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A clause imposing two or more kinds of charge for a breach (not offered as a choice)."""
    if not is_chinese(doc):
        return
    for st in _facts(doc).stacked:
        names = "、".join(st.charges)
        yield ctx.report(
            doc.blocks[st.where.block],
            f"同一违约叠加计收{names}：实际负担为各项之和，法院按合计额审查是否过分高于损失（合同编通则解释"
            "第65条），"
            "叠加部分很可能被调减。",
            f"{', '.join(st.charges)} are stacked for one breach: the burden is their sum, which courts "
            "judge "
            "against the loss (2023 interpretation Art. 65); the stacked part is likely to be cut.",
            span=st.where.span,
        )


_ANY_INSTALLMENT = re.compile(r"(?:任何|任意|任|其中(?:任何)?|某|每)一期|一期(?:未|没有|不)")
_ACCELERATE = re.compile(
    r"收回|取回|解除|全部(?:款项|货款|价款|余款|剩余|欠款|未付)|提前(?:偿还|支付|清偿|付清|还清)|剩余(?:全部)?(?:款项|货款|价款)"
    r"|所有(?:货款|款项|欠款|剩余)|视为全部到期|全部到期"
)
_ACCELERATE_GATE = ("一期",)
#: A missed installment that must first be demanded (经催告后仍未支付, 宽限期): terminating then is the
#: ordinary remedy for a delay in a main obligation (民法典第563条), not an acceleration of the balance.
_DEMAND = re.compile(r"催告|催款通知|书面催|宽限期")
#: 任何一期逾期超过六十日 / 迟延达30天以上: the lateness a termination waits for.
_LATE_BY = re.compile(r"(?:超过|超出|满|达到?)\s*$")
_GRACE_DAYS = 15
_DAYS = {"day": 1, "working_day": 1, "week": 7, "month": 30, "year": 365}


def _graced(clause: str, start: int) -> bool:
    """The missed installment of ``clause`` (from ``start``) lets the other side terminate only after a
    demand or a lateness of at least :data:`_GRACE_DAYS` days (超过六十日, 逾期满一个月)."""
    if _DEMAND.search(clause, start):
        return True
    for d in find_durations(clause[start:]):
        a, b = start + d.span[0], start + d.span[1]
        if not (_LATE_BY.search(clause, max(start, a - 3), a) or clause.startswith(("以上", "仍"), b)):
            continue
        if d.value * _DAYS.get(d.unit, 0) >= _GRACE_DAYS:
            return True
    return False


@rule(
    id="penalty/acceleration-on-one-installment",
    title="任何一期逾期即可解除、收回或要求付清全部价款",
    title_en="Whole price due or goods taken back on one missed installment",
    severity="warning",
    why="分期付款的买受人未支付到期价款达到全部价款的五分之一，经催告后在合理期限内仍未支付的，出卖人才可以"
    "请求支付"
    "全部价款或解除合同（民法典第634条）；约定任何一期逾期即可收回标的物或要求付清全部价款，损害买受人利益的"
    "部分无效"
    "（买卖合同解释第27条）。",
    why_en="An installment seller may demand the whole price or terminate only when unpaid installments "
    "reach one "
    "fifth of the price and remain unpaid after a demand (Civil Code Art. 634); a clause triggering this on "
    "any "
    "single missed installment is void to the extent it harms the buyer (sales-contract interpretation Art. "
    "27).",
    basis="民法典第634条；买卖合同解释第27条",
    fix="改为“买方未付到期价款达到全部价款的五分之一，经卖方书面催告后15日内仍未支付的，卖方可要求支付全部价"
    "款或解除合同”。",
    bad=[
        "如需方未能按期付款，只要出现任何一期未按期付款时，即为违约，供方有权收回机械。",
        "买方任一期货款逾期未付的，剩余全部货款视为全部到期，卖方有权要求一次性付清。",
    ],
    good=[
        "买方未支付到期价款的数额达到全部价款的五分之一，经催告后十五日内仍未支付的，卖方有权要求支付全部价"
        "款。",
        "第一期货款于合同签订后5日内支付。",
        "买方迟延支付任何一期款项超过四十五日的，卖方有权书面通知解除本合同并要求赔偿损失。",
    ],
)
def acceleration_on_one_installment(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A clause letting one missed installment make the whole price due or the goods be taken back."""
    if not is_chinese(doc):
        return
    for block, s, _e, clause in _clauses_with(doc, _ACCELERATE_GATE):
        m = _ANY_INSTALLMENT.search(clause)
        if not m or "五分之一" in clause:
            continue
        acc = next(
            (
                a
                for a in _ACCELERATE.finditer(clause, m.end())
                if a.group() != "解除" or not _graced(clause, m.start())
            ),
            None,
        )
        if not acc:
            continue
        yield ctx.report(
            block,
            "约定任何一期逾期即可收回标的物、解除合同或要求付清全部价款：依民法典第634条，须未付到期价款达到"
            "全部价款的五分之一"
            "并经催告，损害买受人利益的约定无效（买卖合同解释第27条）。",
            "One missed installment lets the seller take the goods back, terminate or demand the whole price"
            ": Civil "
            "Code Art. 634 requires one fifth of the price unpaid and a demand first; a clause harming the "
            "buyer "
            "is void (sales-contract interpretation Art. 27).",
            span=(s + m.start(), s + acc.end()),
        )


_COSTS_AS_SHARE = re.compile(
    r"(?:追收|追偿|追讨|催收|催讨|催款|实现债权|维权|收款|清收)[^。;；]{0,16}?费用?[^。;；]{0,12}?(?:按|以|为)"
)
_COSTS_GATE = ("追收", "追偿", "追讨", "催收", "催讨", "催款", "实现债权", "维权", "收款", "清收")


@rule(
    id="penalty/costs-as-share",
    title="追偿费用按欠款比例计算（变相违约金）",
    title_en="Recovery costs fixed as a share of the debt (a penalty in disguise)",
    severity="warning",
    why="追偿欠款的费用应按实际发生额承担；约定按欠款的一定比例计算，与实际费用无关，实为变相违约金，一并按"
    "违约金规则审查"
    "是否过分高于损失（民法典第585条、合同编通则解释第65条）。",
    why_en="Recovery costs are owed as actually incurred; fixing them as a share of the debt makes them a "
    "penalty in "
    "disguise, judged as one (Civil Code Art. 585; 2023 interpretation Art. 65).",
    basis="民法典第584条、第585条；合同编通则解释第65条",
    fix="改为“守约方为追偿欠款实际支出的诉讼费、保全费、律师费等合理费用由违约方承担”。",
    bad=[
        "因乙方未按时足额还款引起甲方追收欠款产生的费用按照全部未还清车款的20%计算。",
        "买方逾期付款的，卖方催收费用以欠款金额的10%计。",
    ],
    good=[
        "因需方违约而导致供方追偿债务的费用（包括律师费、差旅费）由需方承担。",
        "追收欠款实际发生的诉讼费、律师费由违约方承担。",
    ],
)
def costs_as_share(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Recovery costs set as a percentage of the debt."""
    if not is_chinese(doc):
        return
    for block, s, _e, clause in _clauses_with(doc, _COSTS_GATE):
        m = _COSTS_AS_SHARE.search(clause)
        if not m:
            continue
        p = next((x for x in find_percents(clause) if 0 <= x.span[0] - m.end() <= 24), None)
        if p is None:
            continue
        yield ctx.report(
            block,
            f"追偿费用按欠款的{_pct(p.value)}计算，与实际费用无关，实为变相违约金，将按违约金规则审查是否过"
            "分高于损失"
            "（合同编通则解释第65条）。",
            f"Recovery costs fixed at {_pct(p.value)} of the debt, whatever they really are, are a penalty "
            "in "
            "disguise and will be judged as one (2023 interpretation Art. 65).",
            span=(s + m.start(), s + p.span[1]),
        )


_SEIZE = re.compile(
    r"(?:有权|可以|可|得)(?:直接|自行|立即|单方|随时)?(?:接管|扣押|查封|控制|占有|接收)[^,，。;；]{0,24}?"
    r"(?:店|门店|厂|工厂|财产|资产|收入|账户|经营权|经营|公司|股权|房产|房屋)"
)
_SEIZE_GATE = ("接管", "扣押", "查封", "控制", "占有", "接收")
#: The rare-word gates of the rules above, scanned for in one pass (see :func:`_clauses_with`).
_RARE_GATES = (*_CAP_WORDS, *_ACCELERATE_GATE, *_COSTS_GATE, *_SEIZE_GATE)


def _clauses_with(doc: Document, words: tuple[str, ...]) -> list[tuple[Block, int, int, str]]:
    """Exactly ``clauses_naming(doc, words)`` for a gate of :data:`_RARE_GATES`, from one shared scan."""

    def compute() -> list[tuple[Block, int, int, str]]:
        return [c for c in clauses_naming(doc, _RARE_GATES) if any(w in c[3] for w in words)]

    return memo(doc, ("penalty.rare", words), compute)


@rule(
    id="penalty/self-help-seizure",
    title="违约后债权人可自行接管对方财产或收入",
    title_en="Creditor may seize the other party's business or income on default",
    severity="warning",
    why="约定债务人不履行时债权人可直接接管其店铺、财产或全部收入，既不以欠款为限也没有期限，类似流押、流质"
    "约定，"
    "债权人至多只能就该财产优先受偿（民法典第401条、第428条，参照），自行接管还可能引发侵权纠纷。",
    why_en="A clause letting the creditor take over the debtor's business, assets or all income on default, "
    "with "
    "no limit to the debt and no end, is akin to a forfeiture of collateral: at most it secures priority "
    "repayment (Civil Code Arts. 401, 428 by analogy); seizing it yourself invites tort claims.",
    basis="民法典第401条、第428条（参照）；民法典第585条",
    fix="改为以欠款为限的担保（抵押、质押或保证）并通过诉讼或仲裁实现，例如“乙方以其门店设备为本协议项下欠款"
    "提供抵押担保”。",
    bad=[
        "乙方若未按本协议约定期限进行还款，甲方有权直接接管乙方下属各餐饮店，其店内每天所得的所有收入应直接"
        "转入甲方账户。",
        "买方逾期付款超过30日的，卖方有权自行扣押买方工厂内的全部财产。",
    ],
    good=[
        "乙方逾期交货的，甲方有权拒收并退回货物。",
        "乙方以其门店设备为本协议项下欠款向甲方提供抵押担保。",
    ],
)
def self_help_seizure(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A clause letting the creditor take over the debtor's business, assets or income itself."""
    if not is_chinese(doc):
        return
    for block, s, _e, clause in _clauses_with(doc, _SEIZE_GATE):
        m = _SEIZE.search(clause)
        if not m or not _BREACH_WORDS_RE.search(clause):
            continue
        yield ctx.report(
            block,
            "约定违约后债权人可直接接管对方店铺、财产或收入：不以欠款为限，类似流押约定，至多只能优先受偿"
            "（民法典第401条，参照），自行接管还可能构成侵权。",
            "The creditor may take over the debtor's business, assets or income itself on default: unlimited"
            " by "
            "the debt, akin to a forfeiture of collateral (Civil Code Art. 401 by analogy), and a tort risk.",
            span=(s + m.start(), s + m.end()),
        )


_BREACH_WORDS_RE = re.compile(r"逾期|迟延|违约|不按|未按|未能按|不能按|拖欠|超期|未付|未还|不履行|未履行")


_PENALTY_CLAUSE_WORDS = ("违约金", "滞纳金")  # a clause naming one is a penalty clause


def _penalty_clauses(doc: Document) -> list[tuple[Block, int, int, str]]:
    """The clauses naming 违约金 or 滞纳金 (without 滞纳金 in the draft, the shared 违约金 scan)."""
    if "滞纳金" in doc_text(doc):
        return clauses_naming(doc, _PENALTY_CLAUSE_WORDS)
    return clauses_naming(doc, _WEIYUEJIN_WORDS)


def _payer(clause: str, sides: tuple[re.Pattern[str], re.Pattern[str]]) -> int | None:
    """Which of the two ``sides`` (0 or 1) pays the penalty of ``clause``, or None."""
    rec = _RECIPIENT.search(clause)
    if rec:
        for i, side in enumerate(sides):
            if side.fullmatch(rec.group("p")):
                return 1 - i
    dem = _DEMAND.search(clause)
    if dem:
        for i, side in enumerate(sides):
            if side.fullmatch(dem.group("p")):
                return i
    first = [(m.start(), i) for i, side in enumerate(sides) for m in [side.search(clause)] if m]
    return min(first)[1] if first else None


def _one_sided_by_facts(doc: Document, ctx: RuleContext, penalties: list[Penalty]) -> Iterator[Finding]:
    """One finding when every penalty is paid by the same side (none by either party or an unknown one)."""
    payers = {p.payer for p in penalties}
    if len(payers) != 1 or payers & {"either", "unknown"}:
        return
    role = next(iter(payers))
    if any(r.payer not in (role, "unknown") for r in remedies(doc)):
        return  # the other side's breach is provided for in another form (违约金500元/日, 双倍返还定金)
    first = penalties[0]
    text = doc_text(doc)
    own = first.party or _ROLE_NAME[role]
    other = _other_name(text, role, own)
    # the other side's main breach named with no penalty (卖方迟延交货的，…不承担其他责任): where it lacks
    bare = unremedied_breach(doc, "late_delivery" if role == "buyer" else "late_payment")
    where = bare if bare is not None else first.where
    yield ctx.report(
        doc.blocks[where.block],
        f"违约金只约束{own}，{other}违约时没有违约金，只能举证实际损失索赔，权利义务失衡"
        "（格式条款中可能依民法典第497条无效）。",
        f"Only the {'buyer' if role == 'buyer' else 'seller'} ({own}) is subject to a penalty; a breach by "
        f"{other} carries none, so the other side can only claim proven losses (see Civil Code Art. 497).",
        span=where.span,
    )


def _one_sided_by_exemption(doc: Document, ctx: RuleContext, penalties: list[Penalty]) -> Finding | None:
    """A side's main breach freed of any penalty (我司逾期交货的，不承担违约金) while the other side's
    penalties stand — in this draft, or in the agreement it hands the rest of the liability to (其余违约责任
    适用框架协议第10条)."""
    found = freed_breach(doc)
    if found is None:
        return None
    breach, where = found
    freed = "seller" if breach == "late_delivery" else "buyer"
    other = "buyer" if freed == "seller" else "seller"
    if any(p.payer in (freed, "either") for p in penalties):
        return None  # the freed side still pays a penalty for a breach of its own
    if not (any(p.payer == other for p in penalties) or liability_referred(doc)):
        return None
    act, act_en = ("逾期交货", "late delivery") if freed == "seller" else ("逾期付款", "late payment")
    return ctx.report(
        doc.blocks[where.block],
        f"{_ROLE_NAME[freed]}{act}不承担违约金，而{_ROLE_NAME[other]}的违约金照旧：违约金只约束一方，"
        "权利义务失衡（格式条款中可能依民法典第497条无效）。",
        f"The {freed}'s {act_en} is freed of any penalty while the {other}'s penalties stand: only one side "
        "is subject to a penalty (see Civil Code Art. 497).",
        span=where.span,
    )


_ROLE_NAME = {"buyer": "买方", "seller": "卖方"}
_NEUTRAL_PAIR = {"甲方": "乙方", "乙方": "甲方"}


def _other_name(text: str, role: str, own: str) -> str:
    """The other party's designation as the text writes it (乙方 for 甲方, 卖方/供方/供应商 for a buyer)."""
    if own in _NEUTRAL_PAIR:
        return _NEUTRAL_PAIR[own]
    m = re.search(_SELLERS if role == "buyer" else _BUYERS, text)
    return m.group() if m else _ROLE_NAME["seller" if role == "buyer" else "buyer"]


@rule(
    id="penalty/one-sided",
    scope="document",
    kinds=("contract", "order", "call_off"),
    title="违约金只约束一方",
    title_en="One-sided penalties",
    severity="warning",
    why="只有一方的违约设有违约金，另一方违约时只能举证实际损失索赔，权利义务明显失衡；格式条款中还可能因不"
    "合理地"
    "加重对方责任而无效（民法典第497条）。",
    why_en="Only one party's breach carries a penalty; the other"
    " can only claim proven losses. In standard terms an "
    "unreasonably one-sided clause may be void (Civil Code Art. 497).",
    basis="民法典第497条、第585条",
    fix="为另一方的主要违约（逾期交货或逾期付款）也约定对等的违约金。",
    bad=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。乙方应按时交货。",
        "乙方逾期交货的，应向甲方支付合同总价5%的违约金。甲方应按时付款。",
        "乙方逾期交货的，不承担违约金。甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
    ],
    good=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。乙方逾期交货的，每日按合同总价的万分之三支付违"
        "约金。",
        "任何一方违约的，应向对方支付合同总价10%的违约金。甲方和乙方均应按约履行。",
        "因不可抗力逾期交货的，乙方不承担违约金。乙方逾期交货的，每日按合同总价的万分之三支付违约金。"
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
    ],
)
def one_sided(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Penalties that all bind one side: from the facts model (every charge, interest included, with its
    payer), or — when it holds no penalty (blank model-text rates) — from the penalty clauses' wording."""
    if not is_chinese(doc):
        return
    penalties = [p for p in _facts(doc).penalties if p.kind in ("rate", "lpr", "lump_sum")]
    freed = _one_sided_by_exemption(doc, ctx, penalties)
    if freed is not None:
        yield freed
        return
    if contract_of(doc).structure.applicable_kind == "call_off":
        return  # a call-off's penalties are the framework's: only a change it makes to them is its own
    if penalties:
        yield from _one_sided_by_facts(doc, ctx, penalties)
        return
    penalty_clauses = _penalty_clauses(doc)
    if not penalty_clauses or any(_GENERIC_PARTY.search(c) for *_x, c in penalty_clauses):
        return
    text = doc_text(doc)
    for pair, sides in zip(_PAIRS, _PAIR_RES, strict=True):
        if not (sides[0].search(text) and sides[1].search(text)):
            continue
        payers = {}
        looked_at: set[str] = set()
        for b, s, e, c in penalty_clauses:
            if c in looked_at:
                continue  # the same text again: the same payer, already noted
            looked_at.add(c)
            side = _payer(c, sides)
            if side is not None:
                payers.setdefault(side, (b, s, e))
        if len(payers) != 1:
            continue
        side, (block, s, e) = next(iter(payers.items()))
        found = [side_re.search(text) for side_re in sides]
        names = [m.group() if m else alt.split("|")[0] for m, alt in zip(found, pair, strict=True)]
        yield ctx.report(
            block,
            f"违约金只约束{names[side]}，{names[1 - side]}"
            "违约时没有违约金，只能举证实际损失索赔，权利义务失衡"
            "（格式条款中可能依民法典第497条无效）。",
            f"Only the {('first', 'second')[side]} party"
            f" ({names[side]}) is subject to a penalty; a breach by "
            f"{names[1 - side]} carries none, so the other side can"
            " only claim proven losses (see Civil Code Art. 497).",
            span=(s, e),
        )
        return
