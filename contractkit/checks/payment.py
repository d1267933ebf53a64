"""The ``payment`` family: does every installment name its trigger and deadline, do shares add up, is
retention money released?

An installment whose time is not agreed falls back to 民法典 Art. 628: payment falls due when the buyer
receives the goods (or the documents of title) — usually not what the seller priced in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from contractkit.checks._common import clauses_naming, has_blank, is_chinese
from contractkit.checks.base import RuleContext, rule
from contractkit.contract.amount import Money
from contractkit.contract.model import Where, contract_of
from contractkit.contract.payment import PAY_GATE, PAY_VERB, Installment, PaymentFacts
from contractkit.facts.spans import contains_any
from contractkit.facts.triggers import VAGUE_LITERALS, disclaimed_excuses, find_vague
from contractkit.findings import Finding
from contractkit.money import format_amount
from contractkit.numerals import parse_cn_int
from contractkit.readers.model import Document

#: "按合同约定" / "第五条规定的期限内" / "付款时间如下": the time is stated elsewhere.
_BY_CONTRACT = re.compile(
    r"按(?:照)?(?:本)?(?:合同|协议)(?:约定|规定)|依(?:照)?(?:本)?(?:合同|协议)约定|"
    r"(?:合同|协议|本条|第[\d一二三四五六七八九十]+条)[^，,。；;]{0,6}(?:约定|规定)的?(?:期限|时间|方式|进度)|"
    r"(?:按|依|见|依照|按照|根据)\s*(?:本合同|本协议|框架协议|通用条款|专用条款)?\s*第\s*[\d一二三四五六七八九十百.]+\s*(?:条|款|项|章)|"
    r"(?:时间|期限|方式|安排|进度|节点)(?:如下|见下表|见附表|见附件)|(?:如下|下表|下列|以下)[:：]?\s*$"
    # a general-terms article filled by the special terms, or the reverse (按专用条款约定的比例和期限支付)
    r"|(?:按|依|依照|按照|根据|见|详见)\s*(?:合同)?(?:专用条款|通用条款|特殊条款|特别约定|合同要素表|关键条款表)"
    r"(?:第\s*[\d.一二三四五六七八九十]+\s*条)?\s*(?:的|中)?(?:约定|规定|执行|为准)"
)
_PROHIBIT = re.compile(r"不得|禁止|严禁|不应|不允许|无权")
_CONSEQUENCE = re.compile(r"违约金|滞纳金|逾期|迟延|延迟|不及时|未及时|未按|不按|赔偿")
_OF_TOTAL = re.compile(
    r"合同总价|总价款|合同总额|合同总金额|总金额|合同价款|合同金额|合同价格|合同额|总货款|总价"
)
_ART628 = "依民法典第628条，付款时间约定不明的，买受人应在收到标的物或提取标的物单证的同时付款。"
_ART628_EN = (
    "Under Civil Code Art. 628, when payment time is unclear the buyer pays on receipt of the goods "
    "(or the documents of title)."
)


_PAYS_NEAR = re.compile(r"付|结算|结清|(?<!条)款(?!项目)")
#: Words that defer to a later agreement: vague only in the piece about payment (价格由双方协商决定 is not).
_NEGOTIATE = re.compile(r"协商|另议|另行约定|商定|待定")
#: An installment of a schedule (a lone fee with no time falls due on receipt, Art. 628, without a schedule).
_SCHEDULE_WORD = re.compile(
    r"预付|首付|首期|期款|第[一二三四五六七八九十\d]+期|进度款|尾款|余款|分期|定金|质保金|到货款|验收款|发货款"
)
_COMMA = re.compile(r"[，,]")
#: A fee named beside the price (安装费…由甲方另行支付): it is not an installment of the price.
_SIDE_FEE = re.compile(
    r"^\W*(?:[\u4e00-\u9fff]{0,6}?)(?:安装|运输|运|培训|调试|技术服务|服务|检测|检验|包装|保险|维护|维修|差旅|住宿|"
    r"装卸|仓储|报关|代理|咨询|设计)费"
)


def _piece_at(text: str, at: int) -> str:
    """The comma piece of ``text`` around offset ``at`` (商品的价格由双方协商决定 is not about payment)."""
    starts = [m.end() for m in _COMMA.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    m = _COMMA.search(text, at)
    return text[start : m.start() if m else len(text)]


def _facts(doc: Document) -> PaymentFacts:
    return contract_of(doc).payment


def _text(doc: Document, inst: Installment) -> str:
    return inst.where.text(doc)


def _skip_timing(doc: Document, inst: Installment) -> bool:
    """An installment whose timing is stated elsewhere (its sentence hands it to another clause, agreement or
    annex: 按框架协议第8条执行，即…), left blank, vague (reported by vague-trigger), or only proposed (a
    quote's payment terms, "以正式合同为准")."""
    block = doc.blocks[inst.where.block]
    text = block.norm[inst.where.span[0] : inst.where.span[1]]
    if inst.referred or bool(inst.vague) or has_blank(text):
        return True
    if _BY_CONTRACT.search(_ASIDE.sub("", text)) is not None:
        return True
    return _INDICATIVE.search(block.norm) is not None


#: An aside in brackets (验收合格（含依第6.2条视为合格）): a reference inside it qualifies the event, it does
#: not hand the payment's timing to that article.
_ASIDE = re.compile(r"[（(][^()（）]{0,40}[)）]")


#: Terms only proposed: the contract to come fixes them.
_INDICATIVE = re.compile(r"以(?:正式|最终|双方签订的)?(?:合同|协议)(?:约定)?为准|具体以合同为准|仅供参考")
#: The timing rules do not apply to a quote (报价单/报价函): its payment terms are an offer, settled in the
#: contract that follows.
_NOT_QUOTE = ("contract", "order", "call_off")


@rule(
    id="payment/installment-without-trigger",
    kinds=_NOT_QUOTE,
    title="付款节点未约定触发事件",
    title_en="Installment without a trigger event",
    severity="error",
    why="分期付款没有写明以何事件（合同签订、到货、验收合格、收到发票、日期）为准，付款时间约定不明，"
    "依民法典第628条买受人在收到标的物的同时付款，卖方的预付款和进度款安排落空。",
    why_en="An installment that names no trigger (signing, delivery, acceptance, invoice, a date) leaves the "
    "payment time unclear: under Civil Code Art. 628 it falls due on receipt of the goods.",
    basis="民法典第510条、第628条",
    fix="为每期付款写明触发事件和期限，例如“合同签订后5个工作日内支付合同总价的30%”。",
    bad=[
        "甲方向乙方支付合同总价的30%作为预付款。",
        "甲方支付第二期货款人民币5万元。",
        "余款31.5万元在18个月内付清。",
    ],
    good=[
        "合同签订后5个工作日内，甲方支付合同总价的30%作为预付款。",
        "甲方于2026年6月30日前支付人民币5万元。",
        "乙方书面通知甲方备货完成之日起三个工作日内，甲方支付合同总价的70%。",
        "提机时付款93000元，余款于2014年3月31日前付清。",
    ],
)
def installment_without_trigger(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    vague = ctx.settings.vague_triggers
    installments = _facts(doc).installments
    for inst in installments:
        if inst.trigger is not None or inst.statement or _skip_timing(doc, inst):
            continue
        if (
            len(installments) == 1
            and inst.share is None
            and not inst.remainder
            and not _SCHEDULE_WORD.search(
                doc.blocks[inst.where.block].norm[inst.where.span[0] : inst.where.span[1]]
            )
        ):
            continue  # one fee, no schedule: nothing tells it apart from payment on receipt
        if inst.deadline is not None and inst.deadline.unit in ("date", "immediate", "before_event"):
            continue
        text = _text(doc, inst)
        if inst.share is None and _SIDE_FEE.match(text) and not _SCHEDULE_WORD.search(text):
            continue  # 安装费5,000元由甲方另行支付: a fee beside the price, not an installment of it
        if any(
            w in doc.blocks[inst.where.block].norm[inst.where.span[0] : inst.where.span[1]] for w in vague
        ):
            continue
        block = doc.blocks[inst.where.block]
        if inst.deadline is not None:
            span = inst.deadline.where.span
            window = block.text[span[0] : span[1]]
            yield ctx.report(
                block,
                f"付款期限“{window}”没有起算事件（自何时起算不明）。" + _ART628,
                f"The payment period '{window}' has no start event. " + _ART628_EN,
                span=inst.where.span,
            )
            continue
        yield ctx.report(
            block,
            "付款未约定触发事件（如合同签订、到货、验收合格、收到发票或具体日期）。" + _ART628,
            "Installment names no trigger event (signing, delivery, acceptance, invoice or a date). "
            + _ART628_EN,
            span=inst.where.span,
        )
        _ = text


@rule(
    id="payment/trigger-without-deadline",
    kinds=_NOT_QUOTE,
    title="付款触发事件后未约定期限",
    title_en="Payment trigger without a deadline",
    severity="warning",
    why="“验收合格后支付”只写了事件没有写期限，付款何时逾期无法确定，逾期付款违约金也难以起算；"
    "履行期限不明确的依民法典第511条第四项可随时请求履行，易生争议。",
    why_en="'Pay after acceptance' names the event but no period: it is unclear when payment is late, so "
    "late-payment penalties cannot start; unclear time falls back to Civil Code Arts. 511(4) and 628.",
    basis="民法典第511条第四项、第628条",
    fix="在事件后写明期限，例如“验收合格后5个工作日内支付合同总价的60%”。",
    bad=[
        "验收合格后支付合同总价的60%。",
        "甲方在收到乙方发票后支付剩余货款人民币3万元。",
        "终验收合格（含视为合格）后支付合同总价的20%。",
    ],
    good=[
        "验收合格后5个工作日内支付合同总价的60%。",
        "货物送达之日起十五日内，甲方支付合同总价的60%。",
        "货到30天后结清款项。",
    ],
)
def trigger_without_deadline(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    vague = ctx.settings.vague_triggers
    for inst in _facts(doc).installments:
        t = inst.trigger
        if t is None or inst.deadline is not None or _skip_timing(doc, inst):
            continue
        if t.kind in ("fixed_date", "periodic"):
            continue
        block = doc.blocks[inst.where.block]
        if any(w in block.norm[inst.where.span[0] : inst.where.span[1]] for w in vague):
            continue
        event = t.where.text(doc)
        tb = doc.blocks[t.where.block]
        yield ctx.report(
            tb,
            f"付款以“{event}”为触发事件但未约定期限（如“5个工作日内”），逾期起算点不明。" + _ART628,
            f"Payment is triggered by '{event}' but has no deadline (e.g. 'within 5 working days'). "
            + _ART628_EN,
            span=t.where.span,
        )


_pays_word = contains_any(PAY_GATE)


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
    bad=[
        "剩余货款视情况支付。",
        "尾款由双方另行协商后支付。",
        "甲方应在到货后尽快支付货款的40%。",
        "第三期：甲方项目资金到位后15个工作日内支付合同总价的30%。",
        "剩余货款在每次拨工程款时支付。",
        "剩下70%，等我这批货卖完、下家把钱打过来再结给你。",
    ],
    good=[
        "剩余货款于验收合格后10个工作日内支付。",
        "甲方应当按照合同约定及时足额支付合同价款。",
        "交货批次及时间见附件二，货款于每批验收合格后10日内支付。",
    ],
    params=("vague_triggers",),
)
def vague_trigger(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=5):
        return
    words = ctx.settings.vague_triggers
    reported: set[tuple[int, int]] = set()
    for inst in _facts(doc).installments:
        for v in inst.vague[:1]:
            block = doc.blocks[v.where.block]
            reported.add((id(block), v.where.span[0]))
            yield ctx.report(
                block,
                f"付款条件含糊或取决于付款方（“{v.word}”），无法判断何时到期。" + _ART628,
                f"Vague or payer-controlled payment condition ('{v.word}'): no one can tell when payment "
                "falls due. " + _ART628_EN,
                span=v.where.span,
            )
    # the clauses naming a vague word or a literal of find_vague's patterns (few), then a payment word
    for block, s, e, clause in clauses_naming(doc, VAGUE_LITERALS + tuple(words)):
        if not _pays_word(clause):
            continue
        stop = _CONSEQUENCE.search(clause)
        head = clause[: stop.start()] if stop else clause
        if not PAY_VERB.search(head) or _PROHIBIT.search(head) or _BY_CONTRACT.search(head):
            continue  # "不得另行约定支付方式" forbids, it does not defer
        hits = [(v.span[0], v.word) for v in find_vague(head)]
        excuses = disclaimed_excuses(head)  # 甲方不以资金审批流程为由迟延付款: a promise to pay regardless
        hits += [
            (at, w) for w in words if (at := head.find(w)) >= 0 and not any(a <= at < b for a, b in excuses)
        ]
        # a vague adverb or a deferral is about payment only in the piece that pays (及时通报 is not)
        hits = [
            (at, w)
            for at, w in hits
            if not (_NEGOTIATE.search(w) or w in words) or _PAYS_NEAR.search(_piece_at(head, at))
        ]
        hits = [
            (at, w)
            for at, w in hits
            if at >= 0
            and head[max(0, at - 1) : at] not in ("不", "未")
            and not (w == "及时" and head[at + 2 : at + 3] == "间")
        ]
        if not hits:
            continue
        at, word = min(hits)
        if any(b == id(block) and s <= pos < e for b, pos in reported):
            continue  # already reported through its installment
        reported.add((id(block), s + at))
        yield ctx.report(
            block,
            f"付款条件含糊或取决于付款方（“{word}”），无法判断何时到期。" + _ART628,
            f"Vague or payer-controlled payment condition ('{word}'): no one can tell when payment "
            "falls due. " + _ART628_EN,
            span=(s + at, s + at + len(word)),
        )


#: An installment that opens a schedule of its own: 方式二： / 方案B / B产品： / 若一次性付款.
_SCHEDULE_LABEL = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\W*)?(?:方式|方案|选项|第[一二三四五六七八九十\d]+种|[A-Za-z甲乙丙丁][类型号]?(?:产品|设备|货物|批次)?[:：]|"
    r"[\u4e00-\u9fff]{1,8}(?:产品|设备|部分)[:：]|若|如|如果)"
)


_LABEL_KEY = re.compile(r"[\W\d]+")
_LABEL_END = re.compile(r"第|[:：，,]")


def _whole_schedules(doc: Document, facts: PaymentFacts) -> bool:
    """True when the shares, in order, make up one or more whole schedules of 100 % each, every further
    schedule opened by a label (方式二：, B产品：) or by the first one's event (two options from signing)."""
    shared = [(i.share, i) for i in facts.installments if i.share is not None]
    items = [i for _s, i in shared]
    adds: list[Decimal] = []
    running = Decimal(0)
    for share, inst in shared:
        add = share - running if inst.cumulative else share
        adds.append(add)
        running += add
    separate = [r.share for r in facts.separate_retentions() if r.share is not None]
    if sum(adds, Decimal(0)) + sum(separate, Decimal(0)) == 100:
        return True
    if separate:
        return False
    starts: list[int] = []
    running = Decimal(0)
    for k, add in enumerate(adds):
        running += add
        if running == 100:
            running = Decimal(0)
            if k + 1 < len(adds):
                starts.append(k + 1)
        elif running > 100:
            return False
    if running != 0:
        return False
    first = items[0].trigger.kind if items[0].trigger is not None else None

    def label(inst: Installment) -> str | None:
        """The schedule label an installment opens with (方式一, B产品, 若一次性付款), None without one."""
        text = doc.blocks[inst.where.block].norm[inst.where.span[0] : inst.where.span[1]]
        if _SCHEDULE_LABEL.match(text) is None:
            return None
        return _LABEL_KEY.sub("", _LABEL_END.split(text, maxsplit=1)[0][:10])

    previous = label(items[0])
    for k in starts:
        inst = items[k]
        same_event = first is not None and inst.trigger is not None and inst.trigger.kind == first
        own = label(inst)
        if own is not None and own == previous:
            return False  # 方式一 again: the first schedule runs on past 100 %
        if not (own is not None or same_event):
            return False
        previous = own
    return True


#: "The rest": an installment so named pays whatever the others leave (其余5%即…连同溢短差额).
_REST = re.compile(r"其余|剩余|余下|其他部分|余款|尾款|余额")


def _rest_with_share(doc: Document, inst: Installment) -> bool:
    """An installment named as the rest of the price that also states a share: the rest closes the sum."""
    if inst.share is None or inst.share_where is None or inst.share_where.block != inst.where.block:
        return False
    text = doc.blocks[inst.where.block].norm[inst.where.span[0] : inst.share_where.span[0]]
    return _REST.search(text) is not None


def _amounts_confirm(facts: PaymentFacts, running: Decimal) -> bool:
    """True when every installment also states its amount, each the amount of its share of the contract
    total, and together they come to the shares' sum, not the total (30%即¥1,650,120 + 55%即¥3,025,220 +
    剩余10%即¥550,040 of ¥5,500,400): the figures bear the shortfall out — a rest stated with its share does
    not close the sum then. With no contract total read, the total every installment's share and amount
    imply alike (30%即USD 28,002.00 + 余款60%即USD 56,004.00: both of USD 93,340) stands for it."""
    items = facts.installments
    if not items or any(i.share is None or i.share <= 0 or i.amount is None or i.cumulative for i in items):
        return False
    total = facts.total
    if total is None:
        implied = {(i.amount.value * 100 / i.share).quantize(Decimal(1)) for i in items if i.amount}
        currencies = {i.amount.currency for i in items if i.amount}
        if len(currencies) != 1 or max(implied) - min(implied) > 1:
            return False
        value, currency = min(implied), currencies.pop()
    else:
        value, currency = total.value, total.currency
    if value <= 0:
        return False
    got = Decimal(0)
    for inst in items:
        assert inst.share is not None and inst.amount is not None
        if inst.amount.currency != currency or abs(value * inst.share / 100 - inst.amount.value) > 1:
            return False
        got += inst.amount.value
    return abs(value * running / 100 - got) <= len(items) and got < value


def _amounts_close(facts: PaymentFacts, running: Decimal) -> bool:
    """True when the installments stated by amount alone (a 定金 of 62,920.00元 credited to the price, 签约后
    先付5万元) make up, as their share of the contract total, what the shares leave: 20 % paid as a sum +
    70 % + 10 % is a whole schedule. A sum that does not fill the gap exactly leaves the shares judged."""
    total = facts.total
    if total is None or total.value <= 0 or running >= 100:
        return False
    sums = [
        i.amount.value
        for i in facts.installments
        if i.share is None
        and i.amount is not None
        and not i.cumulative
        and not i.remainder
        and i.amount.currency == total.currency
    ]
    if not sums:
        return False
    return abs(running + sum(sums, Decimal(0)) * 100 / total.value - 100) <= Decimal("0.01")


def _quoted(doc: Document, inst: Installment) -> str:
    """An installment as the schedule finding quotes it: its text, led by its share's own words when they
    stand apart (a table's 比例 cell beside the 付款条件 cell)."""
    text = _text(doc, inst)

    def apart(w: Where | None) -> bool:  # words of their own, outside the installment's text
        return w is not None and not (
            w.block == inst.where.block
            and inst.where.span[0] <= w.span[0]
            and w.span[1] <= inst.where.span[1]
        )

    sw, aw = inst.share_where, inst.amount.where if inst.amount is not None else None
    amount = f"（{aw.text(doc)}）" if apart(aw) and aw is not None else ""
    if not apart(sw) or sw is None:
        return f"{amount}{text}" if amount else text
    return f"{sw.text(doc)}{amount}：{text}"


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
        "第三条 付款方式\n合同总价为人民币200,000.00元。\n签约后7日内支付合同总价的30%，即60,000.00元；\n"
        "验收合格后30日内支付合同总价的60%，即120,000.00元；\n质保期满后10日内支付剩余5%，即10,000.00元。",
    ],
    good=[
        "第三条 付款方式\n合同签订后5日内支付30%。\n验收合格后5日内支付60%。\n质保期满后10日内支付10%。",
        "第三条 付款方式\n合同签订后5日内支付30%。\n验收合格后5日内支付60%。\n"
        "合同总价的10%作为质保金，质保期满无质量问题后10日内无息退还。",
        "第三条 付款方式\n合同签订后5日内支付30%。\n到货后10日内累计支付至合同总价的90%。\n"
        "质保期满后付清余款10%。",
        "第三条 付款方式\n合同签订后5日内支付30%。\n"
        "余款70%按批结算：每批货物验收合格后10日内支付该批货款的70%。",
    ],
)
def shares_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    items = facts.installments
    if len(items) < 2 or any(has_blank(_text(doc, i)) for i in items) or _misread_schedule(doc, items):
        return
    shares = facts.shares()
    open_rest = any(i.remainder and i.share is None for i in items)
    parts = [_quoted(doc, i) for i in items] + [r.where.text(doc) for r in facts.separate_retentions()]
    snippet = " / ".join(p if len(p) <= 80 else p[:79] + "…" for p in parts)  # the whole schedule
    first = doc.blocks[items[0].where.block]
    running = sum(shares, Decimal(0))
    if running > 100 and _doubtful_share(doc, items):
        return  # a share past 100 % read from a word the scan was unsure of: the scan, not the schedule
    if (
        len(shares) >= 2
        and not open_rest
        and not (
            running < 100
            and len({i.where.block for i in items}) > 1  # a schedule in one paragraph is read whole
            and any(_rest_with_share(doc, i) for i in items)
            and not _amounts_confirm(facts, running)
        )
        and not _whole_schedules(doc, facts)
        and not _amounts_close(facts, running)
    ):
        listed = " + ".join(f"{x.normalize():f}%" for x in shares)
        yield ctx.report(
            first,
            f"各期付款比例合计 {listed} = {running.normalize():f}%，不是100%：差额部分付款时间不明。"
            + _ART628,
            f"Installment shares add up to {running.normalize():f}% ({listed}), not 100 %. " + _ART628_EN,
            snippet=snippet,
        )
        return
    total = facts.total
    amounts = (
        [i.amount.value for i in items if i.amount is not None and i.amount.currency == total.currency]
        if total
        else []
    )
    amounts += [r.amount.value for r in facts.separate_retentions() if r.amount is not None]
    if total is None or len(amounts) < 2 or len(amounts) < len(items):
        return  # each installment states its amount (第二次给9200元…付清: a rest with an amount is not open)
    got = sum(amounts, Decimal(0))
    if got != total.value and _written_out(doc, got, total.currency):
        return  # the schedule adds up to the price the parties wrote out in words (一共98,400.00元，大写…)
    if got != total.value and not shares:  # with shares, payment/share-amount-mismatch checks each amount
        yield ctx.report(
            first,
            f"各期付款金额合计 {format_amount(got)}，与合同总价 {format_amount(total.value)} 不符。"
            + _ART628,
            f"Installment amounts add up to {format_amount(got)}, not the contract total "
            f"{format_amount(total.value)}. " + _ART628_EN,
            snippet=snippet,
        )


#: A percent a scan misread: a digit glued after its sign (30%6 for 30%，) or three digits before it (659%).
_MISREAD_PCT = re.compile(r"\d\s*%\s*\d|(?<![\d.])[1-9]\d{2,}(?:\.\d+)?\s*%")


#: Below this OCR confidence (0–100) in the word holding a share, the scan may have read the share wrong.
_DOUBTFUL_WORD = 80.0


def _doubtful_share(doc: Document, items: tuple[Installment, ...]) -> bool:
    """True when a share of the schedule was read by OCR from a word it was unsure of (a 5% photographed
    and read as 50%): shares that run past 100 % then say more about the scan than the schedule."""
    for inst in items:
        w = inst.share_where
        if w is None:
            continue
        block = doc.blocks[w.block]
        if block.confidence is None or not block.words:
            continue
        for a, b, conf in block.words:
            if a < w.span[1] and w.span[0] < b and conf < _DOUBTFUL_WORD:
                return True
    return False


def _misread_schedule(doc: Document, items: tuple[Installment, ...]) -> bool:
    """True when a scanned line of the schedule (from its first installment to its last) holds a misread
    percent: an installment may be missing from what was read, so the sum is not judged."""
    scanned = set((doc.meta or {}).get("ocr") or ())
    if not scanned:
        return False
    lo = min(i.where.block for i in items)
    hi = max(i.where.block for i in items)
    return any(
        doc.blocks[b].location.page in scanned and _MISREAD_PCT.search(doc.blocks[b].norm)
        for b in range(lo, hi + 1)
    )


def _written_out(doc: Document, value: Decimal, currency: str) -> bool:
    """True when ``value`` is an amount the draft states both in figures and in words (大写): a price the
    parties wrote out, which the schedule may be checked against when the total read is a line's 合计."""
    return any(
        a.upper and a.pair is not None and a.money.value == value and a.money.currency == currency
        for a in contract_of(doc).amount.amounts
    )


@rule(
    id="payment/retention-without-release",
    scope="document",
    kinds=("contract", "order"),
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
    bad=[
        "甲方预留合同总价的5%作为质保金。",
        "合同价款的10%作为质量保证金，由甲方保留。",
        "质保金：合同总价的10%，即人民币108,800.00元，由甲方留存。",
    ],
    good=[
        "甲方预留合同总价的5%作为质保金，质保期满无质量问题后10个工作日内无息退还。",
        "质量保证金为合同价款的10%，于质保期届满后15日内返还乙方。",
        "合同总价的5%作为质保金，质保期满之日起30日内无息支付。",
    ],
)
def retention_without_release(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    for r in _facts(doc).retentions:
        block = doc.blocks[r.where.block]
        if r.release is not None or has_blank(block.norm):
            continue
        yield ctx.report(
            block,
            "约定了质保金但未约定返还条件和期限（如质保期满无质量问题后10个工作日内退还）："
            "买卖合同司法解释第15条只允许买受人按约定保留质保金，未约定何时返还，卖方难以主张这部分价款。",
            "Retention money is agreed but no release condition or period (e.g. released within 10 working "
            "days after the warranty ends without defects): SPC sales interpretation Art. 15 lets the buyer "
            "keep it only as agreed, so the seller cannot tell when it falls due.",
            span=r.where.span,
        )


@rule(
    id="payment/share-amount-mismatch",
    title="付款比例与金额不符",
    title_en="Installment share and amount disagree",
    severity="error",
    why="同一期付款写了比例又写了金额（“合同总价的40%，即45,045元”），两者按合同总价换算不一致时，"
    "应付多少无法确定，双方会各执一数；价款是合同的主要条款（民法典第470条、第510条）。",
    why_en="When one installment states both a share of the price and an amount and they disagree with the "
    "contract total, the sum due is uncertain (Civil Code Arts. 470, 510).",
    basis="民法典第470条、第510条",
    fix="按合同总价重新核算该期金额，使比例与金额一致。",
    bad=[
        "合同总价为90090元，合同签订后5日内支付合同总额的40%即45045元。",
        "第三条 付款\n合同总价为人民币1,575,800.00元。\n"
        "到货验收合格之日起十五日内，甲方支付合同总价的60%，即954480.00元。",
    ],
    good=[
        "合同总价为90090元，合同签订后5日内支付合同总额的40%即36036元。",
        "第三条 付款\n合同总价为人民币1,575,800.00元。\n"
        "到货验收合格之日起十五日内，甲方支付合同总价的60%，即945480.00元。",
    ],
)
def share_amount_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    total = facts.total
    if total is None:
        return
    for inst in facts.installments:
        if (
            inst.share is None
            or inst.amount is None
            or inst.cumulative
            or inst.amount.currency != total.currency
        ):
            continue
        text = doc.blocks[inst.where.block].norm[inst.where.span[0] : inst.where.span[1]]
        if not _OF_TOTAL.search(text):
            continue  # 该批货款的30%: a share of something else
        expected = (total.value * inst.share / 100).quantize(Decimal("0.01"))
        if abs(expected - inst.amount.value) <= Decimal("1"):
            continue
        implied = inst.amount.value * 100 / inst.share if inst.share > 0 else None
        if implied is not None and (_total_elsewhere(doc, implied) or _stated_elsewhere(doc, implied, total)):
            continue  # its share of the item table's 合计: the total read is in doubt, not the installment
        block = doc.blocks[inst.amount.where.block]
        yield ctx.report(
            block,
            f"该期付款为合同总价的{inst.share.normalize():f}%，应为 {format_amount(expected)}，"
            f"但写作 {format_amount(inst.amount.value)}。",
            f"The installment is {inst.share.normalize():f}% of the contract total, i.e. "
            f"{format_amount(expected)}, but the amount says {format_amount(inst.amount.value)}.",
            span=inst.amount.where.span,
        )


def _stated_elsewhere(doc: Document, implied: Decimal, total: Money) -> bool:
    """True when ``implied`` (the total an installment's amount and share imply) is another sum the draft
    states (a supplement's 合同总价调整为人民币120,000.00元, an order's 订单金额 beside the framework's
    total, a scan's total misread): the share is of that sum, so the total read is in doubt, not the
    installment. A share and amount that disagree with every stated sum are still reported."""
    return any(
        abs(a.money.value - implied) <= 1
        and a.money.currency == total.currency
        and abs(a.money.value - total.value) > 1
        for a in contract_of(doc).amount.amounts
    )


def _total_elsewhere(doc: Document, implied: Decimal) -> bool:
    """True when ``implied`` (the total an installment's amount and share imply) is the 合计 of the
    draft's item table while the contract total read is another figure (its 大写 misread by a scan,
    壹佰贰拾屆萬柒仟陆佰 read as 7,600): then it is the total read, not the installment, in doubt."""
    return any(
        t.stated_total is not None and abs(t.stated_total - implied) <= 1
        for t in contract_of(doc).amount.item_tables
    )


_INTEREST_WORDS = ("利息", "利率", "息")
#: 息 alone (月息, 年息) — not in 信息/休息/消息, 息票, nor before 价 (合同息价: a scan's misreading of
#: 总价; no interest is a price).
_INTEREST = re.compile(r"利息|利率|(?<![信休消])息(?![票价價])")
#: Before a percent that is no rate of its own: a multiple or markup of a reference rate (LPR的150%, 同期贷款
#: 利率上浮50%: the reference is annual), or a cap on the interest (利息累计不超过迟延款项的10%).
_NOT_A_RATE = re.compile(
    r"(?:LPR|利率|基准利率|报价利率)\s*[)）]?[^，,。；;\d%]{0,8}?(?:的|上浮|加计|加收|增加|基础上(?:加|上浮)?)\s*$"
    r"|(?:不超过|不得超过|不高于|最高|最多|上限为?|以内|累计不超过)[^，,。；;\d%]{0,12}?$"
)
_PERIOD_WORD = re.compile(r"[年月日天周]|每期|按期|per\s*(?:annum|month|day)", re.IGNORECASE)


@rule(
    id="payment/interest-rate-no-period",
    title="利息或费率未写计息期间",
    title_en="Interest rate without its period",
    severity="warning",
    why="“利息按8‰结算”“按1.5%计息”不写是按日、按月还是按年，一年下来可以差365倍；"
    "利率约定不明的，民间借贷司法解释第24条、第25条视为没有约定利息或按保护上限处理，双方都无把握。",
    why_en="'Interest at 8‰' with no period (a day? a month? a year?) can differ 365-fold over a year; an "
    "unclear rate may be treated as no interest agreed at all.",
    basis="民法典第510条、第680条；民间借贷司法解释第24条、第25条",
    fix="写明计息期间和基数，例如“按未付款项的年利率6%（按日计息）计付利息”。",
    bad=["交款时将全部欠款利息按8‰结算支付。", "分期付款部分按1.5%计收利息。"],
    good=["分期付款部分按年利率6%计收利息。", "交款时将全部欠款利息按月息8‰结算支付。"],
)
def interest_rate_no_period(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    from contractkit.facts import find_percents, find_rates

    if not is_chinese(doc, min_chars=4):
        return
    for block, s, _e, clause in clauses_naming(doc, _INTEREST_WORDS):
        m = _INTEREST.search(clause)
        if m is None or "违约金" in clause or "滞纳金" in clause or find_rates(clause):
            continue
        pcts = [
            p
            for p in find_percents(clause)
            if (abs(p.span[0] - m.end()) <= 12 or abs(m.start() - p.span[1]) <= 12)
            and not _NOT_A_RATE.search(clause, max(0, p.span[0] - 24), p.span[0])
        ]
        if not pcts:
            continue
        p = pcts[0]
        near = clause[max(0, min(p.span[0], m.start()) - 6) : max(p.span[1], m.end()) + 4]
        if _PERIOD_WORD.search(near.replace(clause[p.span[0] : p.span[1]], "")):
            continue
        rate = clause[p.span[0] : p.span[1]]
        yield ctx.report(
            block,
            f"利息或费率“{rate}”未写明按日、按月还是按年计算，金额相差可达数百倍。",
            f"The interest rate '{rate}' does not say per day, month or year: the sums differ by orders of "
            "magnitude.",
            span=(s + p.span[0], s + p.span[1]),
        )


_SPLIT = re.compile(
    r"分\s*(?P<n>[两二三四五六七八九十\d]+)\s*(?:次|期|笔|批次)\s*(?:支付|付清|付款|结清|交清|付)"
)
_EACH_PART = re.compile(r"每(?:期|次|笔|月)[^，,。；;]{0,6}?(?:\d|[一二三四五六七八九十百千万]+(?:万)?元|%)")
#: The parts laid out in a schedule or annex the clause points to (按附表四分三期支付,
#: 依附件2所列节点分两期付款, 按付款计划表分三次支付): each part's share or amount is stated there.
_BY_SCHEDULE = re.compile(
    r"(?:按|依|照|依照|按照|根据|见|详见|参照)\s*(?:本合同|本协议)?\s*(?:所附)?\s*"
    r"(?:附表|附件|附录|附页|付款(?:计划|安排|进度)?(?:表|清单)|付款计划|分期付款表)"
)


@rule(
    id="payment/split-without-amounts",
    title="约定分期支付但未写各期金额",
    title_en="Payment split into parts without the amount of each",
    severity="warning",
    why="写了“分两次支付”“分三期付款”，却没有写每一期付多少（比例或金额），"
    "每个付款日到期的金额不确定，逾期付款的违约责任也无从计算（民法典第510条、第511条）。",
    why_en="'Paid in two instalments' with no share or amount for each leaves the sum due on each date "
    "open, so late payment cannot be measured (Civil Code Arts. 510, 511).",
    basis="民法典第510条、第511条",
    fix="写明每期比例或金额，例如“2015年10月15日前支付50%，2015年10月31日前支付剩余50%”。",
    bad=["被告应于2015年10月15日、2015年10月31日分两次支付货款。", "余款分三期付清。"],
    good=[
        "被告应于2015年10月15日前支付货款的50%，2015年10月31日前支付剩余50%。",
        "本合同价款分两期支付：合同签订后5日内支付30%；验收合格后10日内支付70%。",
        "货款依附件三所列付款节点分四期支付。",
    ],
)
def split_without_amounts(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    installments = _facts(doc).installments
    for block, s, _e, clause in clauses_naming(doc, ("分",)):
        m = _SPLIT.search(clause)
        if m is None:
            continue
        n_text = m.group("n")
        try:
            n = parse_cn_int(n_text)  # 两 / 三 / 十二 / 12
        except ValueError:
            n = 0
        if n < 2:
            continue
        here = doc.blocks.index(block)
        later = [
            i
            for i in installments
            if (i.where.block > here or (i.where.block == here and i.where.span[1] > s + m.start()))
            and (i.share is not None or i.amount is not None)
            and (doc.blocks[i.where.block].section == block.section or i.where.block == here)
        ]
        if _EACH_PART.search(clause):
            continue  # 分10期支付，每期人民币115,500.00元
        if _BY_SCHEDULE.search(clause, 0, m.start()):
            continue  # 按附表四分三期支付: the schedule states each part
        if len(later) >= n or any(i.trigger is not None and i.trigger.kind == "periodic" for i in later):
            continue  # 每月底支付34125元: one periodic line states every part
        yield ctx.report(
            block,
            f"约定“{m.group()}”，但未写明每期支付的比例或金额。",
            f"'{m.group()}' is agreed but not the share or amount of each part.",
            span=(s + m.start(), s + m.end()),
        )
