"""Rules of the ``penalty`` family: 违约金 rates, caps, 定金 and its wording, one-sided penalties.

Legal basis: 民法典第585–588条; 合同编通则解释第64、65、67条; 买卖合同解释第18条; the 4 × LPR reference of the
private-lending rules (legal-basis.md §4–5: practice for sales contracts, not a statutory cap).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from contractkit.checks._common import clauses_naming, doc_text, has_blank, memo
from contractkit.checks.acceptance import delivers_goods, is_chinese, is_goods_contract
from contractkit.checks.base import RuleContext, rule
from contractkit.facts import Rate, find_amounts, find_percents, find_rates
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

_PENALTY_WORDS = ("违约金", "滞纳金", "罚息", "罚金", "利息", "赔偿金", "资金占用费")
_PENALTY = "|".join(_PENALTY_WORDS)
_PENALTY_RE = re.compile(_PENALTY)
#: Only a clause naming one of these (a penalty, interest or lateness word) is searched for rates.
_RATE_CONTEXT_WORDS = (*_PENALTY_WORDS, "息", "利率", "逾期", "迟延", "延迟", "延期", "违约", "拖欠")
_RATE_CONTEXT = re.compile("|".join(_RATE_CONTEXT_WORDS))
#: Fewer, shorter words: each of ``_RATE_CONTEXT_WORDS`` contains one (a cheaper clause scan).
_RATE_CONTEXT_GATE = ("违约", "息", "金", "利率", "逾期", "延", "拖欠")
_LATE = (
    r"逾期|迟延|延迟|延期|拖延|拖欠|超期|未按(?:约定|合同约定|期|时|照约定)?"
    r"|未能按[^,，。;；\n]{0,8}|不能按[^,，。;；\n]{0,8}"
)
# Late payment is 逾期付款 / 迟延支付 / 未按期向乙方支付货款 / 拖欠货款: the late word right before the
# act of paying. "逾期交货的，每逾期一日按…支付违约金" is not: 支付违约金 is how any penalty is paid.
_PAY_ACT = r"(?:付款|付清|支付|交纳|缴纳|缴付|结算|偿付)(?!违约金|滞纳金|赔偿金|罚金)"
_LATE_PAYMENT = re.compile(
    rf"(?:(?:{_LATE})\s*(?:的?(?:时间|期限|日期))?\s*(?:向[^，,。;；\n]{{1,8}}?)?{_PAY_ACT}"
    r"|拖欠(?:货款|价款|款项|费用|合同款|服务费)|欠付|应付未付|未付款)"
    rf"[^。]{{0,90}}?(?:{_PENALTY}|万分之|千分之|%)"
)
_LATE_DELIVERY = re.compile(
    rf"(?:(?:{_LATE})[^。;；\n]{{0,16}}?|不|未)(?:交货|交付|发货|供货|到货|提供服务|提供产品|完成安装|履行)[^。]{{0,90}}?"
    rf"(?:{_PENALTY}|万分之|千分之|%)"
)
_PAYMENT_TERMS = re.compile(r"付款|支付[^。;；\n]{0,10}(?:价款|货款|款项|费用|合同款)|价款|货款")
_CAP = re.compile(
    r"累计(?:总额)?不(?:得)?(?:超过|高于)|最高(?:不(?:得)?超过|为)|总额不(?:得)?超过|总计不(?:得)?超过|上限|封顶"
    r"|以[^,，。;；\n]{1,20}为限|不(?:得)?超过[^,，。;；\n]{0,20}(?:总价|总额|金额|价款)"
)
#: Literals without which ``_CAP`` cannot match (each of its alternatives holds one).
_CAP_WORDS = ("累计", "最高", "上限", "封顶", "为限", "超过")
_CAP_NEAR_PENALTY = re.compile(
    rf"(?:{_PENALTY})[^。]{{0,60}}?(?:{_CAP.pattern})|(?:{_CAP.pattern})[^。]{{0,30}}?(?:{_PENALTY})"
)
_TOTAL_WORDS = (
    "合同总价",
    "合同总额",
    "合同总金额",
    "合同金额",
    "合同价款",
    "总价款",
    "总金额",
    "合同价格",
    "价款总计",
    "合计",
    "总价",
)
_DEPOSIT_WORDS = ("定金",)
_DEPOSIT = re.compile(r"(?<!订)定金")
_DINGJIN_WORDS = ("订金",)
_FORFEIT = re.compile(
    r"双倍返还|加倍返还|两倍返还|不予返还|不予退还|不退还|无权要求返还|不得要求返还|没收|定金罚则"
)
_CUMULATIVE = re.compile(
    r"同时适用|并处|一并支付|一并适用|一并承担|同时支付|同时承担|同时主张|同时要求|既[^。;；]{0,30}?又"
    r"|(?:并|且|还应|另行|另外|同时)[^,，。;；]{0,10}(?:支付|承担|赔偿)[^,，。;；]{0,10}违约金"
)
_NO_ADJUST = re.compile(
    r"违约金[^,，。;；]{0,10}不(?:得|予|能|可)[^,，。;；]{0,8}(?:调整|减少|降低|调低|变更)"
    r"|(?:不得|不能|不可|放弃|无权)(?:请求|要求|主张|申请)?(?:法院|仲裁机构)?[^,，。;；]{0,6}(?:调整|减少|降低|调低)违约金"
)
_WEIYUEJIN_WORDS = ("违约金",)  # in every alternative of _NO_ADJUST
_GENERIC_PARTY = re.compile(r"任何一方|任一方|双方|违约方|一方违约|守约方|一方未")
_PAIRS: tuple[tuple[str, str], ...] = (
    ("甲方", "乙方"),
    ("买方|买受人|需方|采购方|订购方", "卖方|出卖人|供方|供货方|供应商"),
)
_PAIR_RES = tuple((re.compile(a), re.compile(b)) for a, b in _PAIRS)
_RECIPIENT = re.compile(r"向(?P<p>甲方|乙方|买方|卖方|买受人|出卖人|需方|供方|采购方|供货方|供应商|订购方)")
_DEMAND = re.compile(r"要求(?P<p>甲方|乙方|买方|卖方|买受人|出卖人|需方|供方|采购方|供货方|供应商|订购方)")


def _contract_total(doc: Document) -> Decimal | None:
    """The contract total: the largest amount in a clause naming 合同总价/合同金额/合计…, else None."""
    best: Decimal | None = None
    for _b, _s, _e, clause in clauses_naming(doc, _TOTAL_WORDS):
        if _DEPOSIT.search(clause):
            continue
        for a in find_amounts(clause):
            if best is None or a.value > best:
                best = a.value
    return best


def _pct(value: Decimal) -> str:
    q = value.quantize(Decimal("0.01")).normalize()
    return f"{q:f}%"


_BOUND = ("不超过", "不得超过", "不高于", "最高", "上限")


def _bounds(clause: str, r: Rate) -> bool:
    """True when the rate is written as a bound (不超过万分之六点五), e.g. on a blank fill-in rate."""
    region = clause[max(0, r.span[0] - 6) : r.span[1]]
    return any(w in region for w in _BOUND)


def _rate_clauses(doc: Document) -> Iterator[tuple[Block, int, str, list[Rate]]]:
    """Clauses with penalty/interest rates; a rate that only bounds a blank fill-in rate is left out."""
    return iter(memo(doc, "penalty.rate_clauses", lambda: list(_find_rate_clauses(doc))))


def _find_rate_clauses(doc: Document) -> Iterator[tuple[Block, int, str, list[Rate]]]:
    for block, s, _e, clause in clauses_naming(doc, _RATE_CONTEXT_GATE):
        if not _RATE_CONTEXT.search(clause):
            continue
        rates = find_rates(clause)
        if not rates:
            continue
        blank = has_blank(clause)
        rates = [r for r in rates if not (blank and _bounds(clause, r))]
        if rates:
            yield block, s, clause, rates


@rule(
    id="penalty/rate-above-cap",
    title="违约金日利率折合年利率过高",
    title_en="Penalty rate above the cap once annualized",
    severity="warning",
    why="日万分之五折合年利率18.25%，已超过一年期LPR的4倍（默认3.0%×4=12%）。法院审查违约金时以损失为基础，超过损失30%"
    "一般认定为过分高于损失（合同编通则解释第65条），并常以4倍LPR为参照，过高部分很可能被调减。",
    why_en="0.05 % a day is 18.25 % a year, above 4 × the one-year"
    " LPR (default 12 %). Courts treat a penalty more "
    "than 30 % above the loss as excessive (2023 interpretation"
    " Art. 65) and often use 4 × LPR as the reference, so "
    "the excess is likely to be cut.",
    basis="民法典第585条；合同编通则解释第65条；民间借贷规定第25、28、29条（参照）",
    fix="把利率降到4倍LPR以内，例如“每日按未付款项的万分之三计付违约金”（年化10.95%）。",
    bad=[
        "甲方逾期付款的，每日按未付款项的万分之五支付违约金。",
        "乙方逾期交货的，每日按合同总价的0.1%支付违约金。",
        "逾期付款按月息2%计收利息。",
    ],
    good=["甲方逾期付款的，每日按未付款项的万分之三支付违约金。", "逾期付款按年利率6%计收利息。"],
    params=("lpr_1y", "lpr_date", "rate_cap_multiple"),
)
def rate_above_cap(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Each penalty/interest rate whose annual figure exceeds ``rate_cap_annual``."""
    if not is_chinese(doc):
        return
    st = ctx.settings
    cap = st.rate_cap_annual
    high = Decimal("36.5")  # 0.1 % a day
    # The same in every finding: the cap, the LPR multiple, the LPR and its date.
    cap_pct, lpr, since = _pct(cap), _pct(st.lpr_1y), st.lpr_date.isoformat()
    multiple = f"{st.rate_cap_multiple.normalize():f}"
    for block, s, _clause, rates in _rate_clauses(doc):
        for r in rates:
            annual = r.annual_percent()
            if annual <= cap:
                continue
            a, b = s + r.span[0], s + r.span[1]
            quoted = block.text[a:b]
            annual_pct, strong = _pct(annual), annual >= high
            strong_zh = "，已达到或超过日千分之一，明显过高" if strong else ""
            strong_en = ", at or above 0.1 % a day, clearly excessive" if strong else ""
            yield ctx.report(
                block,
                f"“{quoted}”折合年利率{annual_pct}{strong_zh}，超过{multiple}倍LPR上限"
                f"{cap_pct}（一年期LPR {lpr}"
                f"，{since}起）。法院以超过损失30%为"
                "过分高于损失的一般标准（合同编通则解释第65条），该违约金很可能被调减。",
                f"'{quoted}' is {annual_pct} a year{strong_en}, above the cap of {cap_pct} "
                f"({multiple} × one-year LPR {lpr} as of "
                f"{since}). Courts treat a penalty"
                " more than 30 % above the loss as excessive "
                "(2023 interpretation Art. 65), so this rate is likely to be cut.",
                span=(a, b),
            )


@rule(
    id="penalty/no-late-payment-penalty",
    scope="document",
    title="未约定逾期付款违约金",
    title_en="No late-payment penalty",
    severity="warning",
    why="没有逾期付款违约金时，卖方只能按LPR加计30–50%主张逾期付款损失（买卖合同解释第18条第4款），远低于常见的"
    "日万分之三至万分之五。",
    why_en="Without a late-payment penalty the seller can only"
    " claim LPR plus 30–50 % as damages (sales-contract "
    "interpretation Art. 18 ¶4), far below the usual 0.03–0.05 % a day.",
    basis="民法典第585条；买卖合同解释第18条第4款",
    fix="补充：“买方逾期付款的，每日按未付款项的万分之三向卖方支付违约金。”",
    bad=[
        "甲方向乙方采购设备2台，合同总价10万元。乙方于合同签订后30日内交货。甲方于验收合格后10日内付款。",
        "第三条 交货\n乙方到货后通知甲方。\n第四条 付款\n甲方在收到发票后15日内支付货款。",
    ],
    good=[
        "乙方于合同签订后30日内交货。甲方于验收合格后10日内付款。甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
        "乙方到货后通知甲方。甲方在收到发票后15日内支付货款，迟延支付的，按日万分之三计付滞纳金。",
    ],
)
def no_late_payment_penalty(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A goods/services contract with payment terms but no late-payment penalty."""
    if not is_goods_contract(doc):
        return
    text = doc_text(doc)
    if not _PAYMENT_TERMS.search(text) or _LATE_PAYMENT.search(text):
        return
    yield ctx.report(
        None,
        "合同未约定逾期付款违约金：买方迟延付款时，卖方只能按一年期LPR加计30–50%主张损失（买卖合同解释第18条第4款）。",
        "No late-payment penalty: if the buyer pays late the seller can only claim one-year LPR plus 30–50 % "
        "(sales-contract interpretation Art. 18 ¶4).",
    )


@rule(
    id="penalty/no-late-delivery-penalty",
    scope="document",
    title="未约定逾期交货违约金",
    title_en="No late-delivery penalty",
    severity="warning",
    why="没有逾期交货违约金时，买方须举证实际损失才能索赔（民法典第584条），举证困难，卖方迟延交货几乎没有代价。",
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
    ],
)
def no_late_delivery_penalty(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A goods contract that provides no penalty for late (or no) delivery."""
    if not delivers_goods(doc) or _LATE_DELIVERY.search(doc_text(doc)):
        return
    yield ctx.report(
        None,
        "合同未约定逾期交货违约金：卖方迟延交货时，买方须自行举证实际损失才能索赔（民法典第584条）。",
        "No late-delivery penalty: if the seller delivers late the buyer must prove its actual loss to claim "
        "damages (Civil Code Art. 584).",
    )


def _caps_a_penalty(doc: Document) -> bool:
    """True when ``_CAP_NEAR_PENALTY`` matches the document text.

    A match names a penalty word and never spans a 。, so only the sentences (runs between two 。) that
    name a penalty word are searched.
    """
    text = doc_text(doc)
    end = -1
    for m in _PENALTY_RE.finditer(text):
        if m.start() < end:
            continue  # its sentence was searched already
        start = text.rfind("。", 0, m.start()) + 1
        end = text.find("。", m.end())
        if end < 0:
            end = len(text)
        if _CAP_NEAR_PENALTY.search(text, start, end):
            return True
    return False


@rule(
    id="penalty/no-cap",
    scope="document",
    title="按日计算的违约金没有总额上限",
    title_en="No overall cap on a daily penalty",
    severity="warning",
    why="按日累计的违约金没有上限，迟延越久金额越大，最终远高于损失，争议时几乎必然被调减（民法典第585条、"
    "合同编通则解释第65条），也让双方难以评估风险。",
    why_en="A penalty accruing per day without a cap grows without"
    " bound, ends far above the loss and will almost "
    "certainly be cut (Civil Code Art. 585; 2023 interpretation Art. 65).",
    basis="民法典第585条；合同编通则解释第65条",
    fix="补充上限，例如“违约金累计不超过合同总价的10%”。",
    bad=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。",
        "乙方逾期交货的，按日万分之三向甲方支付违约金。",
    ],
    good=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金，违约金累计不超过合同总价的10%。",
        "乙方逾期交货的，按日万分之三向甲方支付违约金，但以合同总价的5%为限。",
    ],
    params=("penalty_cap_max_percent",),
)
def no_cap(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A periodic penalty rate when the document caps no penalty anywhere."""
    if not is_chinese(doc) or _caps_a_penalty(doc):
        return
    for block, s, clause, rates in _rate_clauses(doc):
        if not _PENALTY_RE.search(clause):
            continue
        r = rates[0]
        a, b = s + r.span[0], s + r.span[1]
        yield ctx.report(
            block,
            "按期累计的违约金没有总额上限：金额随迟延无限增长，终将远高于实际损失，争议时很可能被调减（民法典第585条）。",
            "A penalty accruing per period has no overall cap: it"
            " grows without bound, ends far above the loss and "
            "is likely to be cut (Civil Code Art. 585).",
            span=(a, b),
        )
        return  # one finding per document: the cap is a single clause


@rule(
    id="penalty/cap-too-high",
    title="违约金上限过高",
    title_en="Penalty cap far above the loss",
    severity="warning",
    why="违约金上限定得过高（默认超过合同金额30%），实际上不起限制作用；违约金超过损失30%一般被认定为过分高于损失"
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
    for block, s, _e, clause in clauses_naming(doc, _CAP_WORDS):
        m = _CAP.search(clause)
        if not m or not (_PENALTY_RE.search(clause) or _PENALTY_RE.search(block.norm[: s + 1])):
            continue
        for p in find_percents(clause):
            if p.span[0] < m.start() or p.value <= limit:
                continue
            a, b = s + p.span[0], s + p.span[1]
            yield ctx.report(
                block,
                f"违约金上限{_pct(p.value)}高于合同金额的{_pct(limit)}，几乎不起限制作用；超过损失30%的违约金一般被认定"
                "为过分高于损失，可被调减（合同编通则解释第65条）。",
                f"The penalty cap of {_pct(p.value)} exceeds"
                f" {_pct(limit)} of the contract amount and hardly limits "
                "anything; a penalty more than 30 % above the loss is"
                " generally excessive (2023 interpretation Art. 65).",
                span=(a, b),
            )
            break


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
    ],
    good=[
        "合同总价为人民币100,000元。买方应支付定金人民币20,000元。",
        "买方于签约后3日内支付定金，定金为合同总价的20%。",
    ],
    params=("deposit_max_percent",),
)
def deposit_over_limit(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A 定金 amount above ``deposit_max_percent`` of the contract total, or a 定金 percent above it."""
    if not is_chinese(doc):
        return
    deposits = clauses_naming(doc, _DEPOSIT_WORDS)
    if not deposits:
        return
    limit = ctx.settings.deposit_max_percent
    total = _contract_total(doc)
    for block, s, _e, clause in deposits:
        dm = _DEPOSIT.search(clause)
        if not dm:
            continue
        tail = dm.end()
        pct = next((p for p in find_percents(clause) if 0 <= p.span[0] - tail <= 30), None)
        if pct is not None and pct.value > limit:
            a, b = s + pct.span[0], s + pct.span[1]
            yield ctx.report(
                block,
                f"定金为合同金额的{_pct(pct.value)}，超过{_pct(limit)}：超过部分不产生定金效力（民法典第586条）。",
                f"The deposit is {_pct(pct.value)} of the contract"
                f" amount, above {_pct(limit)}: the excess has no "
                "deposit effect (Civil Code Art. 586).",
                span=(a, b),
            )
            continue
        amt = next((x for x in find_amounts(clause) if 0 <= x.span[0] - tail <= 30), None)
        if amt is None or not total:
            continue
        share = amt.value * 100 / total
        if share > limit:
            a, b = s + amt.span[0], s + amt.span[1]
            yield ctx.report(
                block,
                f"定金{block.text[a:b]}为合同总额的{_pct(share)}，超过{_pct(limit)}：超过部分不产生定金效力"
                "（民法典第586条）。",
                f"The deposit {block.text[a:b]} is {_pct(share)}"
                f" of the contract total, above {_pct(limit)}: the "
                "excess has no deposit effect (Civil Code Art. 586).",
                span=(a, b),
            )


@rule(
    id="penalty/deposit-and-penalty",
    scope="document",
    title="定金与违约金同时适用",
    title_en="Deposit and penalty claimed together",
    severity="warning",
    why="当事人既约定违约金又约定定金的，一方违约时对方只能选择其一（民法典第588条），约定“同时适用”不产生叠加效果。",
    why_en="When both a penalty and a deposit are agreed, the"
    " other party must choose one (Civil Code Art. 588); a "
    "clause applying both cumulatively has no such effect.",
    basis="民法典第588条",
    fix="改为“守约方可以选择适用违约金或者定金条款”。",
    bad=[
        "卖方违约的，应双倍返还定金，并支付合同总价20%的违约金。",
        "一方违约的，定金罚则与违约金条款同时适用。",
    ],
    good=["一方违约的，守约方可以选择适用违约金或者定金条款。", "卖方违约的，应双倍返还定金。"],
)
def deposit_and_penalty(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A clause applying 定金 and 违约金 cumulatively."""
    if not is_chinese(doc):
        return
    for block, s, _e, clause in clauses_naming(doc, _DEPOSIT_WORDS):
        if not _DEPOSIT.search(clause) or "违约金" not in clause:
            continue
        m = _CUMULATIVE.search(clause)
        if not m or "选择" in clause:
            continue
        yield ctx.report(
            block,
            "定金与违约金被约定同时适用：依民法典第588条，一方违约时对方只能选择适用违约金或定金条款，不能一并主张。",
            "The deposit and the penalty are to apply together:"
            " under Civil Code Art. 588 the other party must "
            "choose one of them, not both.",
            span=(s + m.start(), s + m.end()),
        )


@rule(
    id="penalty/dingjin-wording",
    title="“订金”写成了定金的意思",
    title_en="订金 written where 定金 is meant",
    severity="warning",
    why="“订金”不是定金，没有约定定金性质的，不适用定金罚则（合同编通则解释第67条），“双倍返还”“不予返还”的约定可能"
    "落空，订金只能作为预付款退还或抵作价款。",
    why_en="订金 is not a deposit (定金); without an agreed deposit"
    " nature the forfeiture rule does not apply (2023 "
    "interpretation Art. 67), so 'double return' or 'not refundable' wording may fail.",
    basis="民法典第587条；合同编通则解释第67条",
    fix="如需定金罚则，写作“定金”；否则删去双倍返还/不予返还的表述。",
    bad=["买方支付订金5000元，买方违约的，订金不予返还。", "卖方违约的，应双倍返还订金。"],
    good=["买方支付定金5000元，买方违约的，定金不予返还。", "买方支付订金5000元，订金在结算时抵作货款。"],
)
def dingjin_wording(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """订金 together with forfeiture wording (双倍返还 / 不予返还)."""
    if not is_chinese(doc):
        return
    for block, s, _e, clause in clauses_naming(doc, _DINGJIN_WORDS):
        i = clause.find("订金")
        if i < 0 or not _FORFEIT.search(clause):
            continue
        yield ctx.report(
            block,
            "写的是“订金”却约定了双倍返还/不予返还：订金不适用定金罚则（合同编通则解释第67条），该约定可能无法执行。",
            "The clause says 订金 but provides double return / forfeiture: 订金 does not carry the deposit "
            "forfeiture rule (2023 interpretation Art. 67), so this may not be enforceable.",
            span=(s + i, s + i + 2),
        )


@rule(
    id="penalty/no-adjust-clause",
    title="“违约金不得调整”条款无效",
    title_en="'Penalty may not be adjusted' clause",
    severity="warning",
    why="当事人仅以合同约定不得对违约金进行调整为由主张不予调整的，人民法院不予支持（合同编通则解释第64条第3款）；"
    "该条款不产生排除调整的效果。",
    why_en="A court will not refuse to adjust a penalty merely"
    " because the contract says it may not be adjusted "
    "(2023 interpretation Art. 64 ¶3); the clause has no effect.",
    basis="民法典第585条；合同编通则解释第64条第3款",
    fix="删除该条款，改为合理的违约金标准与上限。",
    bad=["双方确认本合同违约金不得调整。", "违约方放弃请求法院调整违约金的权利。"],
    good=["违约金不足以弥补损失的，守约方可请求赔偿损失。", "违约金过分高于损失的，违约方可以请求适当减少。"],
)
def no_adjust_clause(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A clause excluding judicial adjustment of the penalty."""
    if not is_chinese(doc):
        return
    for block, s, _e, clause in clauses_naming(doc, _WEIYUEJIN_WORDS):
        m = _NO_ADJUST.search(clause)
        if not m:
            continue
        yield ctx.report(
            block,
            "约定违约金不得调整无效：法院不会仅因该约定拒绝调整违约金（合同编通则解释第64条第3款）。",
            "A clause barring adjustment of the penalty is"
            " ineffective: courts will not refuse adjustment on that "
            "ground alone (2023 interpretation Art. 64 ¶3).",
            span=(s + m.start(), s + m.end()),
        )


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


@rule(
    id="penalty/one-sided",
    scope="document",
    title="违约金只约束一方",
    title_en="One-sided penalties",
    severity="warning",
    why="只有一方的违约设有违约金，另一方违约时只能举证实际损失索赔，权利义务明显失衡；格式条款中还可能因不合理地"
    "加重对方责任而无效（民法典第497条）。",
    why_en="Only one party's breach carries a penalty; the other"
    " can only claim proven losses. In standard terms an "
    "unreasonably one-sided clause may be void (Civil Code Art. 497).",
    basis="民法典第497条、第585条",
    fix="为另一方的主要违约（逾期交货或逾期付款）也约定对等的违约金。",
    bad=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。乙方应按时交货。",
        "乙方逾期交货的，应向甲方支付合同总价5%的违约金。甲方应按时付款。",
    ],
    good=[
        "甲方逾期付款的，每日按未付款项的万分之三支付违约金。乙方逾期交货的，每日按合同总价的万分之三支付违约金。",
        "任何一方违约的，应向对方支付合同总价10%的违约金。甲方和乙方均应按约履行。",
    ],
)
def one_sided(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Penalty clauses that all bind one side of 甲方/乙方 (or buyer/seller) while the other side exists."""
    if not is_chinese(doc):
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
        names = [pair[0].split("|")[0], pair[1].split("|")[0]]
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
