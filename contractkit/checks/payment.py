"""The ``payment`` family: does every installment name its trigger and deadline, do shares add up, is
retention money released?

An installment whose time is not agreed falls back to 民法典 Art. 628: payment falls due when the buyer
receives the goods (or the documents of title) — usually not what the seller priced in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from contractkit.checks._common import (
    block_indices_naming,
    clauses_naming,
    has_blank,
    is_chinese,
    memo,
)
from contractkit.checks.base import RuleContext, rule
from contractkit.facts import (
    DEADLINE_WORDS,
    find_amounts,
    find_deadline,
    find_durations,
    find_percents,
    find_triggers,
)
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

PAYMENT_SECTION = ("付款", "支付", "结算", "价款", "货款", "合同价格", "合同金额", "费用")
_PAYMENT_SECTION = re.compile("|".join(map(re.escape, PAYMENT_SECTION)))
_PAY_VERB_WORDS = (
    "支付",
    "付款",
    "付清",
    "结清",
    "付至",
    "预付",
    "首付",
    "尾款",
    "余款",
    "进度款",
    "应付",
    "付给",
    "汇入",
    "转账",
)
_PAY_VERB = re.compile("|".join(_PAY_VERB_WORDS))
#: Fewer, shorter words: each of ``_PAY_VERB_WORDS`` contains one (a cheaper clause scan).
_PAY_VERB_GATE = ("付", "结清", "尾款", "余款", "进度款", "汇入", "转账")
_NOT_INSTALLMENT = re.compile(
    r"违约金|逾期|滞纳|赔偿|罚|利息|利率|税率|定金|保函|履约保证金|投标|折扣|优惠|损失|上浮|下浮"
)
_RETENTION_WORDS = ("质保金", "质量保证金", "质量保修金", "保修金")
_RETENTION = re.compile("|".join(_RETENTION_WORDS))
_RETAINED = re.compile(r"预留|保留|扣留|作为")
_RELEASE = re.compile(r"退还|返还|释放|无息|支付|付清|结清")
_RELEASE_WHEN = re.compile(r"期满|届满|到期|结束|无质量问题|无质量争议|无异议|验收合格")
_SAME_TIME = re.compile(r"^\s*(?:的)?\s*(?:当日|当天|同时|同日|即日)")
_SAME_TIME_END = ("当日", "当天", "同时", "时")
_BLANK_DEADLINE = re.compile(
    r"^[^，,。；;]{0,6}?(?:[ _＿\u3000]{2,}|\[\s*\]|【\s*】)\s*"
    r"(?:个)?(?:小时|工作日|自然日|日历日|日|天|个月|月)"
)
#: Triggers the facts patterns do not cover: 签订培训服务合同后, 培训开始前, 每月/每季度.
_EXTRA_TRIGGER = re.compile(
    r"(?:签订|签署)[^，,。；;]{0,10}(?:合同|协议)(?:后|之日)|[^，,。；;]{1,8}(?:开始|完成|结束|之日)(?:前|后)|每(?:月|季度?|年)"
)
_PROHIBIT = re.compile(r"不得|禁止|严禁|不应|不允许|无权")
_FIXED_DAY = re.compile(r"每月\s*\d{1,2}\s*日|\d{1,2}\s*日(?:之|以)?前|次月\d{1,2}日|当月")
_CUMULATIVE = re.compile(r"累计|(?:付|支付)至(?:合同)?(?:总价|总额|价款|金额)|达到(?:合同)?(?:总价|总额)")
_BY_CONTRACT = re.compile(r"按(?:照)?(?:本)?合同(?:约定|规定)|依(?:照)?(?:本)?合同约定")
#: A clause naming one of these states the contract total (合同价款总额 names 合同价款).
_TOTAL_WORDS = ("合同总价", "总价款", "合同总金额", "总金额", "合同价款", "合同金额", "总计", "合计", "总价")
_SETTLED = re.compile(r"尾款|余款|全款|全部(?:货款|价款)")
_NOT_WORD = re.compile(r"\W")
_LEADING_NUMBER = re.compile(r"^[\d.]+")
_INTRODUCTION = re.compile(r"(?:下列|以下|如下)(?:方式|约定|期限)|分期付款|方式[:：]")
_ART628 = "依民法典第628条，付款时间约定不明的，买受人应在收到标的物或提取标的物单证的同时付款。"
_ART628_EN = (
    "Under Civil Code Art. 628, when payment time is unclear the buyer pays on receipt of the goods "
    "(or the documents of title)."
)


def _any_deadline(clause: str) -> bool:
    """A duration anywhere in the clause that bounds something (10个工作日内, 十五日之前)."""
    return any(clause[d.span[1] :].lstrip().startswith(DEADLINE_WORDS) for d in find_durations(clause))


def _installment(clause: str) -> bool:
    """A clause that pays a share or an amount (not a penalty, tax or deposit clause)."""
    if not _PAY_VERB.search(clause) or _NOT_INSTALLMENT.search(clause):
        return False
    return bool(find_percents(clause) or find_amounts(clause) or _SETTLED.search(clause))


def _payment_headings(doc: Document) -> set[str]:
    """The section headings of the document that name a payment word (付款, 结算, …), as ``in_section``."""
    headings = {b.section for b in doc.blocks}
    return {h for h in headings if h and _PAYMENT_SECTION.search(h)}


def _payment_clauses(doc: Document) -> Iterator[tuple[Block, tuple[int, int], str]]:
    """Installment clauses: in the payment section when the document has one, else anywhere (once per doc)."""

    def compute() -> list[tuple[Block, tuple[int, int], str]]:
        headings = _payment_headings(doc)
        seen: set[str] = set()
        looked_at: set[str] = set()
        out = []
        for block, s, e, clause in clauses_naming(doc, _PAY_VERB_GATE):
            if headings and block.section not in headings:
                continue
            if clause in looked_at:
                continue  # the same text again: not an installment, or its key is seen
            looked_at.add(clause)
            if not _installment(clause):
                continue
            key = _LEADING_NUMBER.sub("", _NOT_WORD.sub("", clause))
            if key not in seen:
                seen.add(key)  # a schedule table restated in prose counts once
                out.append((block, (s, e), clause))
        return out

    return iter(memo(doc, "payment-clauses", compute))


@rule(
    id="payment/installment-without-trigger",
    title="付款节点未约定触发事件",
    title_en="Installment without a trigger event",
    severity="error",
    why="分期付款没有写明以何事件（合同签订、到货、验收合格、收到发票、日期）为准，付款时间约定不明，"
    "依民法典第628条买受人在收到标的物的同时付款，卖方的预付款和进度款安排落空。",
    why_en="An installment that names no trigger (signing, delivery, acceptance, invoice, a date) leaves the "
    "payment time unclear: under Civil Code Art. 628 it falls due on receipt of the goods.",
    basis="民法典第510条、第628条",
    fix="为每期付款写明触发事件和期限，例如“合同签订后5个工作日内支付合同总价的30%”。",
    bad=["甲方向乙方支付合同总价的30%作为预付款。", "甲方支付第二期货款人民币5万元。"],
    good=[
        "合同签订后5个工作日内，甲方支付合同总价的30%作为预付款。",
        "甲方于2026年6月30日前支付人民币5万元。",
    ],
)
def installment_without_trigger(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    vague = ctx.settings.vague_triggers
    for block, (s, e), clause in _payment_clauses(doc):
        if (
            find_triggers(clause)
            or _EXTRA_TRIGGER.search(clause)
            or _FIXED_DAY.search(clause)
            or has_blank(clause)
        ):
            continue
        if any(w in clause for w in vague) or _BY_CONTRACT.search(clause):
            continue  # vague-trigger reports the first; "按合同约定" points elsewhere
        if _INTRODUCTION.search(clause):
            continue  # an introducing line
        yield ctx.report(
            block,
            "付款未约定触发事件（如合同签订、到货、验收合格、收到发票或具体日期）。" + _ART628,
            "Installment names no trigger event (signing, delivery, acceptance, invoice or a date). "
            + _ART628_EN,
            span=(s, e),
        )


@rule(
    id="payment/trigger-without-deadline",
    title="付款触发事件后未约定期限",
    title_en="Payment trigger without a deadline",
    severity="warning",
    why="“验收合格后支付”只写了事件没有写期限，付款何时逾期无法确定，逾期付款违约金也难以起算；"
    "履行期限不明确的依民法典第511条第四项可随时请求履行，易生争议。",
    why_en="'Pay after acceptance' names the event but no period: it is unclear when payment is late, so "
    "late-payment penalties cannot start; unclear time falls back to Civil Code Arts. 511(4) and 628.",
    basis="民法典第511条第四项、第628条",
    fix="在事件后写明期限，例如“验收合格后5个工作日内支付合同总价的60%”。",
    bad=["验收合格后支付合同总价的60%。", "甲方在收到乙方发票后支付剩余货款人民币3万元。"],
    good=["验收合格后5个工作日内支付合同总价的60%。", "货物送达之日起十五日内，甲方支付合同总价的60%。"],
)
def trigger_without_deadline(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for block, (s, _e), clause in _payment_clauses(doc):
        triggers = [t for t in find_triggers(clause) if t.event not in ("payment",)]
        if not triggers or any(t.event == "fixed_date" for t in triggers):
            continue
        if _FIXED_DAY.search(clause) or any(w in clause for w in ctx.settings.vague_triggers):
            continue
        ok = _any_deadline(clause)
        for t in triggers:
            rest = clause[t.span[1] :]
            event = clause[t.span[0] : t.span[1]]
            if find_deadline(clause, t.span[1]) or _SAME_TIME.match(rest) or event.endswith(_SAME_TIME_END):
                ok = True
                break
            if has_blank(rest[:20]) or _BLANK_DEADLINE.match(rest):
                ok = True
                break
        if ok:
            continue
        t = triggers[-1]
        event = clause[t.span[0] : t.span[1]]
        yield ctx.report(
            block,
            f"付款以“{event}”为触发事件但未约定期限（如“5个工作日内”），逾期起算点不明。" + _ART628,
            f"Payment is triggered by '{event}' but has no deadline (e.g. 'within 5 working days'). "
            + _ART628_EN,
            span=(s + t.span[0], s + t.span[1]),
        )


@rule(
    id="payment/vague-trigger",
    title="付款条件含糊",
    title_en="Vague payment trigger",
    severity="warning",
    why="“视情况”“另行协商”“尽快”“及时”不是可以判断是否成就的条件，付款时间等于没有约定，"
    "依民法典第628条在收货时即应付款，双方对到期时间的理解会不同。",
    why_en="'As the case may be', 'to be negotiated', 'as soon as possible' are not conditions anyone can "
    "test: the payment time is in effect not agreed and Civil Code Art. 628 applies.",
    basis="民法典第510条、第628条",
    fix="用可判断的事件和期限替换，例如“收到乙方合格发票后10个工作日内支付”。",
    bad=["剩余货款视情况支付。", "尾款由双方另行协商后支付。", "甲方应在到货后尽快支付货款的40%。"],
    good=["剩余货款于验收合格后10个工作日内支付。", "甲方应当按照合同约定及时足额支付合同价款。"],
    params=("vague_triggers",),
)
def vague_trigger(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=5):
        return
    words = ctx.settings.vague_triggers
    names_vague_word = re.compile("|".join(map(re.escape, words)) or r"(?!)").search
    for block, s, _e, clause in clauses_naming(doc, _PAY_VERB_GATE):
        if not names_vague_word(clause):
            continue  # the cheapest test first: most payment clauses are not vague
        if not _PAY_VERB.search(clause) or _NOT_INSTALLMENT.search(clause) or _BY_CONTRACT.search(clause):
            continue
        if _PROHIBIT.search(clause):
            continue  # "不得另行约定支付方式" forbids, it does not defer
        hits = [(clause.find(w), w) for w in words if w in clause]
        if not hits:
            continue
        at, word = min(hits)
        yield ctx.report(
            block,
            f"付款条件含糊（“{word}”），无法判断何时到期。" + _ART628,
            f"Vague payment trigger ('{word}'): no one can tell when payment falls due. " + _ART628_EN,
            span=(s + at, s + at + len(word)),
        )


def _contract_total(doc: Document) -> Decimal | None:
    """The largest amount of the first clause that states the contract total and pays nothing, else None."""
    for _block, _s, _e, clause in clauses_naming(doc, _TOTAL_WORDS):
        if not _PAY_VERB.search(clause):
            amounts = [a for a in find_amounts(clause) if not a.upper]
            if amounts:
                return max(a.value for a in amounts)
    return None


@rule(
    id="payment/shares-mismatch",
    scope="document",
    title="付款比例或金额合计不符",
    title_en="Installment shares do not add up",
    severity="error",
    why="各期付款比例之和不是100%（或各期金额之和不等于合同总价）时，差额部分的付款时间和义务不明，"
    "依民法典第628条在收货时即应支付，也常是笔误的信号。",
    why_en="When installment percentages do not sum to 100 % (or amounts to the contract total) the "
    "remainder has no agreed time — Civil Code Art. 628 makes it due on receipt — and it often signals a "
    "typo.",
    basis="民法典第510条、第626条、第628条",
    fix="核对各期比例之和为100%、各期金额之和等于合同总价。",
    bad=[
        "第三条 付款方式\n合同签订后5日内支付30%。\n验收合格后5日内支付60%。",
        "第三条 付款方式\n合同总价为人民币10万元。\n合同签订后5日内支付人民币3万元。\n"
        "验收合格后5日内支付人民币6万元。",
    ],
    good=[
        "第三条 付款方式\n合同签订后5日内支付30%。\n验收合格后5日内支付60%。\n质保期满后10日内支付10%。",
        "第三条 付款方式\n合同签订后5日内支付30%。\n到货后10日内累计支付至合同总价的90%。\n"
        "质保期满后付清余款10%。",
    ],
)
def shares_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    items = list(_payment_clauses(doc))
    if len(items) < 2 or any(has_blank(c) for _, _, c in items):
        return
    running = Decimal(0)
    shares: list[Decimal] = []
    amounts: list[Decimal] = []
    for _block, _span, clause in items:
        pcts = find_percents(clause)
        if pcts:
            p = pcts[-1].value if _CUMULATIVE.search(clause) else pcts[0].value
            share = p - running if _CUMULATIVE.search(clause) else p
            shares.append(share)
            running += share
        else:
            money = [a.value for a in find_amounts(clause) if not a.upper]
            if money:
                amounts.append(money[0])
    first = items[0][0]
    if len(shares) >= 2 and not amounts and running != Decimal(100):
        listed = " + ".join(f"{x.normalize():f}%" for x in shares)
        yield ctx.report(
            first,
            f"各期付款比例合计 {listed} = {running.normalize():f}%，不是100%：差额部分付款时间不明。"
            + _ART628,
            f"Installment shares add up to {running.normalize():f}% ({listed}), not 100 %. " + _ART628_EN,
            snippet=" / ".join(c for _, _, c in items)[:200],
        )
        return
    total = _contract_total(doc)
    if len(amounts) >= 2 and not shares and total is not None and sum(amounts) != total:
        got = sum(amounts)
        yield ctx.report(
            first,
            f"各期付款金额合计 {got:,.2f} 元，与合同总价 {total:,.2f} 元不符。" + _ART628,
            f"Installment amounts add up to {got:,.2f}, not the contract total {total:,.2f}. " + _ART628_EN,
            snippet=" / ".join(c for _, _, c in items)[:200],
        )


@rule(
    id="payment/retention-without-release",
    scope="document",
    title="质保金未约定返还条件",
    title_en="Retention money without a release condition",
    severity="warning",
    why="约定了质保金（质量保证金）却没有写明何时、在什么条件下返还，卖方无法主张这部分价款；"
    "买卖合同司法解释第15条允许买受人按约定保留质保金，返还条件应当明确（行业惯例：质保期满无质量问题后返还）。",
    why_en="Retention money with no stated release time or condition leaves the seller unable to claim it; "
    "SPC sales interpretation Art. 15 lets the buyer keep retention per contract, so the release must be "
    "explicit (practice: released when the warranty period ends without quality problems).",
    basis="买卖合同司法解释第15条；民法典第628条",
    fix="写明返还条件和期限，例如“质保期满且无质量问题后10个工作日内无息返还质保金”。",
    bad=["甲方预留合同总价的5%作为质保金。", "合同价款的10%作为质量保证金，由甲方保留。"],
    good=[
        "甲方预留合同总价的5%作为质保金，质保期满无质量问题后10个工作日内无息退还。",
        "质量保证金为合同价款的10%，于质保期届满后15日内返还乙方。",
    ],
)
def retention_without_release(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    blocks = doc.blocks
    for i in block_indices_naming(doc, _RETENTION_WORDS):
        block = blocks[i]
        m = _RETENTION.search(block.norm)
        if m is None:  # cannot happen: the block names one of the words the pattern is built from
            continue
        if not (find_percents(block.norm) or find_amounts(block.norm) or _RETAINED.search(block.norm)):
            continue
        around = " ".join(b.norm for b in blocks[i : i + 3])
        if has_blank(block.norm):
            continue
        trig = [t for t in find_triggers(around) if t.event in ("warranty_end", "acceptance", "fixed_date")]
        if (_RELEASE.search(around) and (_RELEASE_WHEN.search(around) or trig)) or any(
            t.event == "warranty_end" for t in trig
        ):
            continue
        yield ctx.report(
            block,
            "约定了质保金但未约定返还条件和期限（如质保期满无质量问题后10个工作日内退还）："
            "买卖合同司法解释第15条只允许买受人按约定保留质保金，未约定何时返还，卖方难以主张这部分价款。",
            "Retention money is agreed but no release condition or period (e.g. released within 10 working "
            "days after the warranty ends without defects): SPC sales interpretation Art. 15 lets the buyer "
            "keep it only as agreed, so the seller cannot tell when it falls due.",
            span=m.span(),
        )
