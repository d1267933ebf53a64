"""The ``term`` family: does the contract say when it starts, ends, takes effect and may be ended, are its
dates real calendar dates, and may it be changed only in writing?

Checks over the term facts (:mod:`contractkit.contract.term`). Also home of :func:`is_contract` (the gate
for document-level "missing clause" rules of the ``delivery``, ``dispute`` and ``term`` families) and
:func:`find_dates` (calendar dates with their validity, re-exported from the facts).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from contractkit.checks._common import doc_text, has_blank, is_chinese, is_quote, memo
from contractkit.checks.base import RuleContext, rule
from contractkit.contract.model import contract_of
from contractkit.contract.term import DATE as _DATE
from contractkit.contract.term import TERM_KEY as _TERM_KEY
from contractkit.contract.term import TERM_OF as _TERM_OF
from contractkit.contract.term import TERM_WORDS as _TERM_WORDS
from contractkit.contract.term import DateFact, Period, TermFacts, find_dates
from contractkit.contract.term import _find_dates_cached as _find_dates_cached
from contractkit.contract.term import may_hold_date as _may_hold_date
from contractkit.findings import Finding
from contractkit.readers.model import Document

#: ``_DATE`` … ``_find_dates_cached`` are re-exported: the lint engine's cache clearing and the tests reach
#: for them here (the facts live in :mod:`contractkit.contract.term`).
__all__ = [
    "_DATE",
    "_TERM_KEY",
    "_TERM_OF",
    "_TERM_WORDS",
    "DateFact",
    "_find_dates_cached",
    "_may_hold_date",
    "find_dates",
    "is_contract",
]

#: A title that names an offer, not a contract: a quote, a price list, a proforma invoice (形式发票 / PROFORMA
#: INVOICE — the seller's priced offer the buyer approves payment on, before the contract is signed).
_QUOTE_TITLE = re.compile(r"报价|询价|价格表|价目表|形式发票|pro\s*-?\s*forma", re.IGNORECASE)
#: What names a contract: 合同, 协议, 契约 and 合约 (買賣合約, Traditional and Hong Kong usage).
_CONTRACT_WORD = re.compile(r"合同|协议|契约|合约")
#: A quote's validity label right before a date range (报价有效期：2026年12月3日至…).
_QUOTE_VALIDITY = re.compile(r"(?:报价|本报价单?|价格)?有效期(?:限|间)?\s*(?:为|是|:|：)?\s*(?:自|从)?\s*$")
_RANGE = re.compile(r"\s*(?:起)?\s*(?:至|到|－|—|-|~|～)\s*")


def facts(doc: Document) -> TermFacts:
    """The term facts of ``doc`` (once per document)."""
    return contract_of(doc).term


def is_contract(doc: Document) -> bool:
    """A Chinese contract or agreement (not a quote): the gate for document-level "missing clause" rules."""
    return memo(doc, "term.is_contract", lambda: _is_contract(doc))


def _is_contract(doc: Document) -> bool:
    if not is_chinese(doc, min_chars=4):
        return False
    if doc.deal is not None and str(doc.deal.get("kind", "")).lower() == "quote":
        return False
    first = next((b.norm.strip() for b in doc.blocks if b.norm.strip()), "")
    if _QUOTE_TITLE.search(first[:20]) and not _CONTRACT_WORD.search(first[:20]):
        return False
    return bool(_CONTRACT_WORD.search(doc_text(doc)))


def amends_main_contract(doc: Document) -> bool:
    """A supplementary agreement that leaves what it does not amend to the main contract (the facts model's
    ``structure.amends_main``), or a document the structure facts place under another agreement whose terms
    govern it (``structure.incorporates``: 本合同未约定的事项适用框架协议)."""
    structure = contract_of(doc).structure
    return structure.amends_main is not None or structure.incorporates is not None


# -- impossible dates --------------------


@rule(
    id="term/impossible-date",
    title="日期不存在",
    title_en="Impossible calendar date",
    severity="error",
    why="“2月30日”“13月”这样的日期在公历中不存在，期限的起止或付款、交货日无法确定，"
    "依民法典第510条、第511条第四项只能按补充协议或交易习惯确定，双方容易各执一词。",
    why_en="A date such as 30 February or a 13th month does not exist: the start or end of a period, "
    "a payment or a delivery day cannot be fixed, so Civil Code "
    "Arts. 510 and 511(4) fill the gap and disputes follow.",
    basis="民法典第200条、第510条、第511条第四项",
    fix="核对并改为真实存在的公历日期，例如“2026年2月28日”。",
    bad=[
        "本合同有效期至2026年2月30日。",
        "乙方应于2026年13月1日前交货。",
        "付款日为二〇二五年二月二十九日。",
    ],
    good=["本合同有效期至2026年2月28日。", "乙方应于2028年2月29日前交货。", "签订日期：    年  月  日"],
)
def impossible_date(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for d in facts(doc).dates:
        if d.fact.valid:
            continue
        block = doc.blocks[d.where.block]
        what = block.norm[d.where.span[0] : d.where.span[1]]
        yield ctx.report(
            block,
            f"日期“{what}”在公历中不存在（月份应为1–12，日数不超过该月天数），期限无法确定。",
            f"The date '{what}' does not exist (month 1–12, day within the month): the time cannot be fixed.",
            span=d.where.span,
        )


# -- start and end --------------------


def _no_start_or_end(p: Period) -> str | None:
    """``"start"`` or ``"end"`` when the period lacks it (a template blank or 长期有效 lacks nothing)."""
    if p.blank or p.open_ended:
        return None
    if not p.has_start and p.end is None and p.length is None and p.end_event is not None:
        return None  # 本合同在双方义务履行完毕后终止: it runs from formation (民法典第502条) to the event
    if p.has_start and not p.has_end:
        return "end"
    if p.has_end and not p.has_start:
        return "start"
    return None


@rule(
    id="term/no-start-or-end",
    title="期限缺少起点或终点",
    title_en="Term without a start or an end",
    severity="warning",
    why="合同期限（有效期、服务期限、履行期限）只写了起点、只写了终点或只写了长度，或写作“长期有效”而没有终点，"
    "期限无法计算，何时届满、"
    "何时可以要求履行或结算都不明确；履行期限是民法典第470条列明的合同一般条款，约定不明的依第511条第四项随时履行。"
    "只写终点或长度而合同另有生效条款的，期限自生效之日起算，不算缺少起点；以履行完毕等事件为终点的，期限自合同成立时起算。",
    why_en="A term (validity, service or performance period) with only a start, only an end or only a "
    "length cannot be computed: when it expires is unclear (Civil Code Arts. 470, 511(4)). An end or a "
    "length with an effectiveness clause elsewhere runs from effectiveness and lacks nothing; a term that "
    "ends at an event (full performance) runs from formation.",
    basis="民法典第470条、第511条第四项",
    fix="写明起止，例如“本合同有效期自2026年1月1日起至2026年12月31日止”，或“服务期限为一年，自合同生效之日起计算”。",
    bad=[
        "本合同有效期自2026年1月1日起。",
        "服务期限自合同生效之日起算。",
        "合同有效期为一年。",
        "本合同有效期至2026年12月31日止。",
        "本协议自2027年1月1日起长期有效。",
        "本合同自双方签字盖章之日起生效，其有效期限由双方另行协商确定。",
    ],
    good=[
        "本合同有效期自2026年1月1日起至2026年12月31日止。",
        "服务期限为一年，自合同生效之日起计算。",
        "本合同自双方签章之日起生效，有效期至2026年6月30日止。",
        "合同履行期限：2026年4月30日至2028年6月30日。",
        "租赁期限自    年  月  日至    年  月  日。",
        "本合同自双方签字盖章之日起生效。",
    ],
)
def no_start_or_end(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc):
        return
    for p in facts(doc).periods:
        block = doc.blocks[p.where.block]
        if p.indefinite and p.end is None and p.end_event is None and p.length is None:
            yield ctx.report(
                block,
                "期限写作“长期有效”或“无固定期限”，没有终止日期：依民法典第563条第2款，不定期的持续履行合同任何一方"
                "可随时解除（在合理期限前通知），价格和供货承诺何时结束无法确定。",
                "The term is 'valid indefinitely', with no end date: under Civil Code Art. 563 ¶2 "
                "either party may end an open-ended continuing contract at any time on reasonable notice.",
                span=p.where.span,
            )
            continue
        if p.deferred:
            yield ctx.report(
                block,
                "期限留待双方另行协商确定，合同未约定终点或期限长度：协商不成时合同何时届满无法确定"
                "（民法典第510条、第511条第四项）。",
                "The term is left to a later agreement: no end or length is agreed; if the parties do not "
                "agree its end cannot be fixed (Civil Code Arts. 510, 511(4)).",
                span=p.where.span,
            )
            continue
        lacks = _no_start_or_end(p)
        if lacks is None:
            continue
        if has_blank(block.norm, p.where.span):
            continue
        if lacks == "end":
            zh, en = (
                "期限只写了起点（“自……起”），未写终点或期限长度，何时届满无法确定。",
                "The term has a start ('from …') but no end or length: when it expires is unclear.",
            )
        elif p.length is not None and p.end is None and p.end_event is None:
            zh, en = (
                "期限只写了长度，未写起算时间（合同也未约定何时生效），何时届满无法确定。",
                "The term has a length but no start (and the contract says nowhere when it takes effect).",
            )
        else:
            zh, en = (
                "期限只写了终点（“至……止”），未写起算时间（合同也未约定何时生效）。",
                "The term has an end ('until …') but no start (and no effectiveness clause).",
            )
        yield ctx.report(block, zh, en, span=p.where.span)


@rule(
    id="term/no-term",
    scope="document",
    kinds=("contract",),
    title="未约定合同期限",
    title_en="No contract term",
    severity="warning",
    why="合同只写了何时生效，没有写明期限（起止日期或期限长度）或以履行完毕为终点，合同何时届满、"
    "价格和供货义务何时结束都不确定；履行期限是民法典第470条列明的合同一般条款，约定不明的依第510条、"
    "第511条第四项补充，双方容易各执一词。依框架协议下达的订单沿用协议的期限、补充协议写明未修改的部分适用原合同的"
    "沿用原合同的期限，不在此列。",
    why_en="The contract says when it takes effect but not how long it runs (dates, a length, or until "
    "performance): when prices and supply obligations end is uncertain (Civil Code Arts. 470, 510, 511(4)). "
    "An order under a framework agreement takes the agreement's term, and a supplement that leaves the rest "
    "to the main contract takes the main contract's.",
    basis="民法典第470条、第510条、第511条第四项",
    fix="增加期限条款，例如“本合同有效期自2026年1月1日起至2026年12月31日止”或“本合同自生效之日起至双方义务履行完毕之日止”。",
    bad=[
        "买卖合同\n甲方：苏州精工机械制造有限公司\n第一条 标的\n甲方向乙方购买车床2台。\n"
        "第八条 生效\n本合同自双方签字盖章之日起生效。一式两份，双方各执一份。",
    ],
    good=[
        "买卖合同\n第八条 生效\n本合同自双方签字盖章之日起生效，有效期自2026年1月1日起至2026年12月31日止。",
        "买卖合同\n本合同自双方签字盖章之日起生效，至双方义务履行完毕之日止。",
        "买卖合同\n本合同在双方权利义务履行完毕后自动终止。",
        "采购订单\n依据双方签订的《年度采购框架协议》，买方向卖方订购下列产品。\n本订单自双方盖章之日起生效。",
        "买卖合同\n8. 期限合同自双方签字盖章之日起生效，到2027年12月31日为止。",
    ],
)
def no_term(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc) or facts(doc).periods or amends_main_contract(doc):
        return  # a period with one end missing is term/no-start-or-end's finding
    yield ctx.report(
        None,
        "合同未约定期限（起止日期、期限长度或“至履行完毕之日止”），合同何时届满不确定。",
        "The contract states no term (dates, a length or 'until fully performed'): its end is uncertain.",
    )


@rule(
    id="term/end-before-start",
    title="期限终点早于起点",
    title_en="Term ends before it starts",
    severity="error",
    why="终止日期早于开始日期（或早于合同签订日期，而期限自签订或生效起算），期限不成立，通常是年份或月份笔误；"
    "期限约定不明依民法典第510条、第511条第四项补充，双方对实际期限会各执一词。报价单的报价有效期由报价规则"
    "（quote/no-validity）判断，不在此重复。",
    why_en="An end date before the start date (or before the signing date, when the term runs from signing "
    "or effectiveness) is no period at all — usually a typo in the year or month; the parties will disagree "
    "on the real term (Civil Code Arts. 510, 511(4)). A quote's validity is left to the quote rules"
    " (quote/no-validity).",
    basis="民法典第510条、第511条第四项",
    fix="核对起止日期，例如“自2026年1月1日起至2026年12月31日止”。",
    bad=[
        "本合同有效期自2026年12月31日起至2026年1月1日止。",
        "服务期间：2026年5月1日至2025年4月30日。",
        "合同期限为2026年4月22日至2025年12月31日。",
        "买卖合同\n本合同自双方签字盖章之日起生效，有效期至2026年3月31日。\n"
        "买方（盖章）：某公司  日期：2027年7月12日",
    ],
    good=[
        "本合同有效期自2026年1月1日起至2026年12月31日止。",
        "服务期间：2026年5月1日至2027年4月30日。",
        "买卖合同\n本合同自双方签字盖章之日起生效，有效期至2030年3月31日。\n"
        "买方（盖章）：某公司  日期：2027年7月12日",
    ],
)
def end_before_start(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    reported: set[int] = set()
    for p in facts(doc).periods:
        if p.start and p.end and p.end < p.start:
            reported.add(p.where.block)
            yield ctx.report(
                doc.blocks[p.where.block],
                f"期限终点 {p.end.isoformat()} 早于起点 {p.start.isoformat()}，期限不成立（多为笔误）。",
                f"The period ends ({p.end.isoformat()}) before it starts ({p.start.isoformat()}).",
                span=p.where.span,
            )
    signed = [d.fact.date for d in facts(doc).signed if d.fact.date is not None]
    first_signed = min(signed) if signed else None
    for p in facts(doc).periods:
        # 本合同自双方签字盖章之日起生效，有效期至2026年3月31日, signed 2027年7月12日: over before it began
        if p.start or not p.end or first_signed is None or p.where.block in reported:
            continue
        if p.has_start and p.end < first_signed:
            reported.add(p.where.block)
            end, signing = p.end.isoformat(), first_signed.isoformat()
            yield ctx.report(
                doc.blocks[p.where.block],
                f"期限终点 {end} 早于合同签订日期 {signing}（期限自签订或生效起算），"
                "期限不成立（多为笔误）。",
                f"The term ends ({end}) before the contract was signed ({signing}), from when it runs.",
                span=p.where.span,
            )
    by_block = itertools.groupby(facts(doc).dates, key=lambda d: d.where.block)
    for index, group in by_block:
        if index in reported:
            continue
        dates = [d.fact for d in group if d.fact.date is not None]
        text = doc.blocks[index].norm
        for a, b in itertools.pairwise(dates):
            if not _RANGE.fullmatch(text[a.span[1] : b.span[0]]):
                continue
            if _QUOTE_VALIDITY.search(text, max(0, a.span[0] - 12), a.span[0]) and is_quote(doc):
                continue  # 报价有效期：…至… of a quote: the quote rules read its validity (quote/no-validity)
            assert a.date is not None and b.date is not None
            if b.date < a.date:
                yield ctx.report(
                    doc.blocks[index],
                    f"期限终点 {b.date.isoformat()} 早于起点 {a.date.isoformat()}，期限不成立（多为笔误）。",
                    f"The period ends ({b.date.isoformat()}) before it starts ({a.date.isoformat()}).",
                    span=(a.span[0], b.span[1]),
                )


# -- changes --------------------

_CHANNEL_ZH = {
    "oral": "口头",
    "phone": "电话",
    "email": "电子邮件",
    "wechat": "微信",
    "sms": "短信",
    "im": "即时通讯",
    "fax": "传真",
}


@rule(
    id="term/informal-change",
    title="允许口头或电子邮件变更合同",
    title_en="Changes allowed orally or by e-mail alone",
    severity="warning",
    why="允许以口头、电话、微信或单独的电子邮件变更合同，变更内容和是否经授权都难以证明；民法典第543条要求变更须协商一致，"
    "第544条规定变更内容约定不明确的推定为未变更。企业合同标准要求变更仅以书面补充协议或盖章确认为准。",
    why_en="Changes made orally, by phone, WeChat or an e-mail alone are hard to prove (content and "
    "authority); Civil Code Art. 543 requires agreement and Art. 544 presumes no change where its content is "
    "unclear. Company standard: changes only by a written supplement or a sealed confirmation.",
    basis="民法典第543条、第544条、第469条",
    fix="改为“本合同的任何变更须经双方签订书面补充协议并签字盖章；口头或电子邮件往来不构成变更”。",
    bad=[
        "双方可以口头方式变更本合同。",
        "本合同的修改以双方电子邮件确认即可生效。",
        "本合同的任何修改、补充，可由双方项目负责人通过电子邮件或微信确认后生效。",
    ],
    good=[
        "本合同的变更须签订书面补充协议，口头或电子邮件变更均无效。",
        "本合同的变更须由双方签订书面补充协议并加盖双方公章，任何口头约定对双方均无约束力。",
        "对本合同的任何变更均应以双方签字盖章的书面补充协议作出。",
        "任何一方变更联系电话、电子邮箱的，应书面通知对方。",
        "日常联络可以通过电子邮箱进行；但本合同的修改、补充须以书面形式并加盖公章。",
    ],
)
def informal_change(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for ch in facts(doc).changes:
        if not ch.allowed or ch.channel in ("written", "fax"):
            continue  # a fax carries the signed and sealed supplement itself
        word = _CHANNEL_ZH.get(ch.channel, ch.word)
        yield ctx.report(
            doc.blocks[ch.where.block],
            f"合同允许以“{word}”方式变更，变更内容和授权难以证明；应仅以书面补充协议或盖章确认变更。",
            f"The contract may be changed by '{ch.word}': hard to prove; allow changes only by a signed and "
            "sealed written supplement.",
            span=ch.where.span,
        )


# -- termination and effectiveness --------------------


@rule(
    id="term/no-termination",
    scope="document",
    kinds=("contract",),
    title="未约定合同解除条件",
    title_en="No termination conditions",
    severity="warning",
    why="合同按日历期限履行（写明终止日期、期限长度或长期有效），或是框架协议，却没有约定解除条件时，只能依民法典"
    "第563条的法定解除事由（不可抗力、预期违约、催告后仍迟延、根本违约），期限内对方迟延交货或付款时守约方难以及时"
    "解约止损。违约、不可抗力和变更条款中的解除权、“本合同在下列情形下终止”都算约定的解除条件。"
    "合同写明至双方义务履行完毕（质保期届满、货款付清）时终止、没有日历终点的一次交易，以履行为期，第563条的法定"
    "解除权（催告后仍迟延、根本违约）已足以应对，不在此列；补充协议写明未修改的部分适用原合同（原合同其他条款不变）"
    "的，解除条件是原合同的，也不在此列。",
    why_en="A contract that runs by the calendar (an end date, a length, or 'valid indefinitely') or a "
    "framework agreement without agreed termination grounds has only the statutory ones of Civil Code "
    "Art. 563 (force majeure, anticipatory repudiation, delay after notice, fundamental breach): a party "
    "cannot cut its loss quickly when the other is late. A termination right in a breach, force-majeure or "
    "change clause counts, and so does 'this contract terminates in the following cases'. A one-off exchange "
    "that ends when performed (until both parties have performed, the warranty has expired, the price is "
    "paid), with no calendar end, has Art. 563 for delay and fundamental breach and is left out; so is a "
    "supplement that leaves what it does not amend to the main contract.",
    basis="民法典第562条、第563条、第565条",
    fix="增加解除条款，例如“乙方逾期交货超过30日，经甲方书面催告后15日内仍未交付的，甲方有权书面通知解除本合同”。",
    bad=[
        "买卖合同\n本合同一式两份，自双方签字盖章之日起生效。",
        "买卖合同\n甲乙双方经协商一致，订立本合同。保密期限至本合同终止后两年。合同解除不影响结算条款的效力。",
        "买卖合同\n本合同自双方签字盖章之日起生效，合同履行期限：2026年4月30日至2028年6月30日。",
        "买卖协议\n本协议自双方签字盖章之日起生效，至保修期届满之日终止，但最迟不晚于2029年6月30日。",
        "年度采购框架协议\n本协议自签订之日起生效，至双方义务履行完毕之日终止。",
    ],
    good=[
        "买卖合同\n乙方逾期交货超过30日的，甲方有权书面通知解除本合同。",
        "买卖合同\n有下列情形之一的，本合同终止：（一）合同期限届满；（二）双方协商一致。",
        "买卖合同\n不可抗力持续超过三十日的，任何一方均可书面通知对方解除合同。",
        "买卖合同\n有效期至2027年12月31日。本合同在下列情形下终止：乙方逾期交货超过三十日。",
        "《买卖合同》补充协议\n一、交货期改为2026年9月30日。\n二、原合同其他条款不变，继续有效。",
        "设备买卖合同\n本合同自双方签字盖章之日起生效，至质保期届满且质保金付清之日终止。",
    ],
)
def no_termination(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc) or facts(doc).terminations or amends_main_contract(doc):
        return
    if facts(doc).ends_with_performance and not contract_of(doc).structure.framework:
        return  # a one-off exchange that ends when performed: Art. 563 covers delay and fundamental breach
    yield ctx.report(
        None,
        "合同未约定解除条件，只能依民法典第563条的法定事由解除。",
        "No termination conditions: only the statutory grounds of Civil Code Art. 563 apply.",
    )


@rule(
    id="term/no-effectiveness",
    scope="document",
    kinds=("contract", "order"),
    title="未约定合同生效条件",
    title_en="No effectiveness condition",
    severity="info",
    why="合同未写明何时生效（如“自双方签字盖章之日起生效”）时，依民法典第490条、第502条，依法成立的合同自成立时生效，"
    "即双方签名、盖章或按指印时；这不是缺陷，但以“合同生效”起算的期限最好写明生效条件。",
    why_en="Without an effectiveness clause a lawfully formed contract takes effect on formation, i.e. when "
    "both sign or seal (Civil Code Arts. 490, 502). Not a defect, but periods counted from 'effectiveness' "
    "read better with the condition stated.",
    basis="民法典第490条、第502条",
    fix="写明生效条件，例如“本合同自双方法定代表人或授权代表签字并加盖公章之日起生效”。",
    bad=["甲乙双方经协商一致，订立本合同。", "本合同一式两份，双方各执一份。"],
    good=[
        "本合同自双方签字盖章之日起生效。",
        "本协议经双方法定代表人签字并加盖公章后生效。",
        "原告首付款到账后，本合同生效。",
    ],
)
def no_effectiveness(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc) or facts(doc).effectiveness:
        return
    yield ctx.report(
        None,
        "合同未约定生效条件（如“自双方签字盖章之日起生效”），依法自成立时生效。",
        "No effectiveness clause (e.g. 'effective when signed and sealed'): it takes effect on formation.",
    )
