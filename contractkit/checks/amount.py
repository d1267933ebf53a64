"""The ``amount`` family: do the figures agree with the 大写, is the 大写 well formed, do item tables add up,
is the tax treatment and VAT rate stated (and a rate in force), is a foreign-currency price settled at a
stated exchange rate?
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from contractkit.checks._common import blocks_naming, doc_text, is_chinese
from contractkit.checks.base import RuleContext, rule
from contractkit.contract.amount import AmountFacts, ItemLine, figure_beside, upper_text
from contractkit.contract.model import Where, contract_of
from contractkit.facts import find_amounts
from contractkit.findings import Finding, Fix
from contractkit.money import (
    AmountError,
    amount_to_upper,
    format_amount,
    lenient_upper_to_amount,
    quantize_cents,
    upper_problems,
)
from contractkit.readers.model import Document


def _facts(doc: Document) -> AmountFacts:
    return contract_of(doc).amount


_UPPER_CAND = re.compile(
    r"(?P<pre>人民币|RMB|¥|￥)?\s*(?P<body>[壹贰叁参肆伍陆柒捌玖拾]"
    r"[零壹贰叁参肆伍陆柒捌玖拾佰仟万亿元圆角分一二两三四五六七八九十百千〇]*[元圆角分整正])"
)
#: Every 大写 amount holds one of these: a ``_UPPER_CAND`` match starts with 壹…拾, and ``find_amounts`` reads
#: an amount as 大写 only with a digit 零…玖 in it.
_UPPER_CHARS = tuple("零壹贰叁参肆伍陆柒捌玖拾")
_CURRENCY_BEFORE = re.compile(r"人民币|RMB|CNY|¥|￥|美元|欧元|港币|港元|日元|英镑|USD|EUR|US\$|HKD|JPY|GBP")
#: The currency signs, codes and words that ``find_amounts`` reads as a currency other than CNY: an amount
#: in a foreign currency is written with one of them.
_PAID_IN_FOREIGN = re.compile(
    r"以(?:美元|欧元|港币|港元|日元|英镑|新台币|澳门元|澳元|加元|新加坡元|韩元|瑞士法郎|外币|USD|EUR|HKD|JPY|GBP)"
    r"[^，,。；;]{0,10}(?:支付|付款|结算|电汇)|(?:美元|欧元|港币|外币)(?:电汇|账户)"
)
_TAX_TREATMENT = re.compile(
    r"含税|不含税|未税|税前|税后|价税合计|免税|零税率|含[^,，。;；]{0,10}增值税|不含[^,，。;；]{0,8}税"
)
_OTHER_TAX = re.compile(r"印花税|所得税|附加税|关税|消费税|房产税|契税|个税|代扣")
_RATE_AFTER = re.compile(r"(?:增值税|税率|税点)[^,，。；;%\d]{0,8}?(\d{1,2}(?:\.\d+)?)\s*[%％]")
_RATE_BEFORE = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*(?:增值税|税率|税点|的税)")
_RATE_WORDS = re.compile(r"税率|征收率")
#: The tax named in a price clause, in any wording: the treatment is addressed there, even when unreadable.
_TAX_NAMED = re.compile(
    r"增值税|税金|税费|税款|税额|含税|不含税|价税|未税|税前|税后|\bVAT\b"
    # a scan garbling the words between (價格含 996 增人税 for 含9%增值税): 含 … 税 within a few characters
    r"|含[^，,。；;：:]{0,8}?税",
    re.IGNORECASE,
)
#: What a scanned price line keeps of its tax words when OCR drops the rest (…, 发票。 / 含 13% 增值).
_INVOICE = re.compile(r"发票|專票|专票|增值")
_PRICE_WORDS = re.compile(r"单价|总价|价款|合同金额|合同价格|报价|货款|价格")
_COMMERCIAL = re.compile(r"买卖|销售|采购|供货|购销|报价|订货|供应")
_QTY_WORD, _PRICE_WORD = "数量", "单价"
_QTY = re.compile(_QTY_WORD)
_PRICE = re.compile(_PRICE_WORD)
_AMOUNT_COL = re.compile(r"金额|总价|小计|合价|总额")
_DISCOUNT_WORDS = ("优惠", "折扣")
_DISCOUNT_COL = re.compile("|".join(_DISCOUNT_WORDS))
_TOTAL_ROW = re.compile(r"合计|总计|小计|总价")
_RULE_CELL = re.compile(r"[-:\s]*")  # a cell of a ``|---|:--|`` separator row
_NUM = re.compile(
    r"\s*(?:[¥￥$]|RMB|USD|US\$)?\s*(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*[\u4e00-\u9fff]{0,2}\s*"
)


_UPPER_DIGIT = re.compile(r"[零壹贰叁肆伍陆柒捌玖拾貳參叄陸]")


def regenerated_upper(original: str, value: Decimal) -> str | None:
    """The 大写 of ``value`` (house style, 会计基础工作规范 Art. 52) written in place of ``original``, keeping
    its currency prefix (人民币, 人民币：, 欧元); None when ``value`` cannot be written in 大写."""
    m = _UPPER_DIGIT.search(original)
    prefix = original[: m.start()] if m else ""
    if value != quantize_cents(value):
        return None
    try:
        return prefix + amount_to_upper(value, prefix="")
    except AmountError:
        return None


def _stated_elsewhere(facts: AmountFacts, value: Decimal, skip: tuple[Where, ...]) -> bool:
    """``value`` is stated elsewhere in figures: an item table's total or the sum of its lines, or another
    amount in figures (not at ``skip``)."""

    def same(w: Where | None) -> bool:
        return w is not None and any(
            w.block == k.block and w.span[0] < k.span[1] and k.span[0] < w.span[1] for k in skip
        )

    for table in facts.item_tables:
        if table.stated_total == value and not same(table.total_where):
            return True  # the table's 合计 — unless it is the very figure compared
        if table.complete and sum(ln.amount for ln in table.lines) == value:
            return True
    return any(not a.upper and a.money.value == value and a.money.where not in skip for a in facts.amounts)


def _upper_fix(
    original: str, span: tuple[int, int], value: Decimal, *, from_figures: bool = True
) -> Fix | None:
    """The tracked change that writes the 大写 of ``value`` over ``span``; None when nothing would change."""
    replacement = regenerated_upper(original, value)
    if replacement is None or replacement == original:
        return None
    if from_figures:
        note = f"大写按小写金额 {format_amount(value)} 重新书写（会计基础工作规范第52条）"
        note_en = (
            f"amount in words rewritten from the figures {format_amount(value)} (会计基础工作规范 Art. 52)"
        )
    else:
        note = f"大写按其金额 {format_amount(value)} 规范书写（会计基础工作规范第52条）"
        note_en = (
            f"amount in words {format_amount(value)} written in the standard form (会计基础工作规范 Art. 52)"
        )
    return Fix(span, replacement, note=note, note_en=note_en)


@rule(
    id="amount/upper-mismatch",
    title="大写金额与小写金额不一致",
    title_en="Amount in words and in figures disagree",
    severity="error",
    why="同一金额的大写和小写不一致时，以哪个为准没有约定，双方对价款的理解不同；"
    "会计基础工作规范第52条要求大小写金额一致，票据大小写不一致的无效。",
    why_en="When the 大写 and the figures of one amount differ, the price itself is disputed; accounting "
    "rules (会计基础工作规范 Art. 52) require them to agree.",
    basis="会计基础工作规范第52条；民法典第510条",
    fix="核对金额，使大写与小写一致，例如“人民币600,000.00元（大写：人民币陆拾万元整）”；"
    "lint --redline 按小写金额重写大写（大写与明细表合计一致、小写不一致时只提示核对小写）。",
    bad=[
        "合同总价为人民币600,000.00元（大写：人民币陆拾伍万元整）。",
        "总价款：¥12,300.00（人民币壹万贰仟元整）",
        "合同总价：人民币60万元（大写：陆拾伍万元整）。",
        "| 产品名称 | 数量 | 单价（元） | 金额（元） |\n| 数控车床 | 2 | 180,000.00 | 360,000.00 |\n"
        "| 合计 |  |  | 360,000.00 |\n合同总价为人民币350,000.00元（大写：人民币叁拾陆万元整）。",
    ],
    good=[
        "合同总价为人民币600,000.00元（大写：人民币陆拾万元整）。",
        "总价：EUR 125,000.00（大写：欧元壹拾贰万伍仟元整）",
        "总价款：¥1,680.32（人民币壹仟陆佰捌拾元零叁角贰分）；亦可写作壹仟陆佰捌拾元叁角贰分（¥1,680.32）。",
    ],
)
def upper_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    for a in facts.amounts:
        if not a.upper or a.pair is None or a.pair.value == a.money.value:
            continue
        block = doc.blocks[a.money.where.block]
        text = block.norm[a.money.where.span[0] : a.money.where.span[1]]
        zh = (
            f"大写金额“{text}”为 {format_amount(a.money.value)}，"
            f"与小写金额 {format_amount(a.pair.value)} 不一致"
        )
        en = (
            f"The amount in words '{text}' is {format_amount(a.money.value)}, but the figures say "
            f"{format_amount(a.pair.value)}"
        )
        skip = (a.money.where, a.pair.where)
        if _stated_elsewhere(facts, a.money.value, skip) and not _stated_elsewhere(facts, a.pair.value, skip):
            yield ctx.report(  # the figures are the odd one out: which one binds is for the parties
                block,
                zh + "；大写与合同其他处（明细表合计或其他金额）一致，请核对小写金额。",
                en + "; the words agree with the rest of the contract (table total or other figures): check "
                "the figures.",
                span=a.pair.where.span if a.pair.where.block == a.money.where.block else a.money.where.span,
            )
            continue
        yield ctx.report(
            block,
            zh + "。",
            en + ".",
            span=a.money.where.span,
            fix=_upper_fix(block.text[slice(*a.money.where.span)], a.money.where.span, a.pair.value),
        )


@rule(
    id="amount/malformed-upper",
    title="大写金额书写不规范",
    title_en="Malformed amount in words (大写)",
    severity="warning",
    why="大写金额应使用零壹贰叁肆伍陆柒捌玖拾佰仟万亿，到元为止写“整”，有分不写“整”，"
    "不得混用一二三等小写数字；不规范的大写容易被篡改，也可能无法确定金额。",
    why_en="Amounts in words use 零壹贰…拾佰仟万亿, end in 整 after 元, never after 分, and never mix in "
    "lowercase numerals 一二三; a malformed one is easy to alter and may not fix the amount.",
    basis="会计基础工作规范第52条；支付结算办法附件《正确填写票据和结算凭证的基本规定》",
    fix="按规范改写，例如 ¥16,409.02 写作“人民币壹万陆仟肆佰零玖元零贰分”。",
    bad=[
        "合同总价为人民币壹万二千元整（¥12,000.00）。",
        "合同总价为人民币壹仟肆佰零玖元伍角伍分整（¥1,409.55）。",
    ],
    good=[
        "合同总价为人民币壹仟肆佰零玖元伍角（¥1,409.50）。",
        "合同总价人民币600,000.00元（大写：陆拾万元整）。",
    ],
)
def malformed_upper(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    index = {id(b): i for i, b in enumerate(doc.blocks)}
    facts = _facts(doc)
    scanned = set((doc.meta or {}).get("ocr") or ())
    for block in blocks_naming(doc, _UPPER_CHARS):
        text = upper_text(block, traditional_only=True)
        for m in _UPPER_CAND.finditer(text):
            body = m.group("body")
            if block.location.page in scanned and _misread_head(text, m):
                continue  # 人民币厨拾壹万…: on a scan, a glyph no label glued to the words is a misread digit
            if (
                not any(ch in body for ch in "元圆角分")
                or sum(ch in "壹贰叁参肆伍陆柒捌玖" for ch in body) < 1
            ):
                continue
            # the 人民币 prefix is a rule for bills (票据); in a contract the currency is in the sentence
            problems = [p for p in upper_problems(m.group(0)) if "前缀" not in p.split(" / ")[0]]
            if not problems:
                continue
            span = (m.start("body") - len(m.group("pre") or ""), m.end())
            zh = "；".join(p.split(" / ")[0] for p in problems)
            en = "; ".join(p.split(" / ")[-1] for p in problems)
            yield ctx.report(
                block,
                f"大写金额“{m.group(0).strip()}”不规范：{zh}。",
                f"Amount in words '{m.group(0).strip()}' is malformed: {en}.",
                span=m.span(),
                fix=_malformed_fix(doc, facts, index[id(block)], span),
            )


#: What stands right before an amount in words: a label, a currency, a verb of stating it.
_BEFORE_UPPER = set("写币为计即是额价款共合总：:（(、，, 　")


def _misread_head(text: str, m: re.Match[str]) -> bool:
    """True when the words start right after a CJK glyph that is no label (an OCR misreading of a digit)."""
    at = m.start("body")
    return (
        m.group("pre") is None
        and at > 0
        and "\u4e00" <= text[at - 1] <= "\u9fff"
        and text[at - 1] not in _BEFORE_UPPER
    )


def _malformed_fix(doc: Document, facts: AmountFacts, block: int, span: tuple[int, int]) -> Fix | None:
    """The well-formed 大写 of the figure beside (else of what the 大写 means); none where the figure
    disagrees with it (``amount/upper-mismatch`` reports and fixes that)."""
    original = doc.blocks[block].text[span[0] : span[1]]
    meant = lenient_upper_to_amount(doc.blocks[block].norm[span[0] : span[1]])
    figure = figure_beside(doc, block, span)
    if figure is not None:
        if meant is not None and meant != figure.value:
            return None
        value = figure.value
    elif meant is not None:
        value = meant
    else:
        return None
    if any(
        a.upper
        and a.money.where.block == block
        and a.money.where.span[0] < span[1]
        and span[0] < a.money.where.span[1]
        and a.pair is not None
        and a.pair.value != a.money.value
        for a in facts.amounts
    ):
        return None  # upper-mismatch fixes this span
    return _upper_fix(original, span, value, from_figures=figure is not None)


def _rounded_price(line: ItemLine) -> bool:
    """True when the line amount is the quantity times a price that rounds to the one shown (a 含税单价
    rounded to cents beside an amount computed from the 不含税 figures): no error a reader can see."""
    exponent = line.unit_price.as_tuple().exponent
    if line.discount or not isinstance(exponent, int) or exponent > -2:
        return False
    half = Decimal(5) * Decimal(10) ** (exponent - 1)
    return abs(line.amount - line.quantity * line.unit_price) <= line.quantity * half


def _scanned_blocks(doc: Document) -> set[int]:
    """The blocks of the pages read by OCR."""
    pages = set((doc.meta or {}).get("ocr") or ())
    if not pages:
        return set()
    return {i for i, b in enumerate(doc.blocks) if b.location.page in pages}


def _words_confirm(facts: AmountFacts, where: Where, value: Decimal) -> bool:
    """True when an amount in words in the block of ``where`` says ``value`` too."""
    return any(
        a.upper and a.money.where.block == where.block and a.money.value == value for a in facts.amounts
    )


@rule(
    id="amount/table-total-mismatch",
    scope="document",
    title="明细表金额或合计不符",
    title_en="Item table amounts do not add up",
    severity="error",
    why="明细表中数量×单价不等于行金额、各行金额之和不等于合计时，合同价款本身不确定，"
    "双方会各执一数；价款是合同的主要条款（民法典第470条），约定不明按第510条、第511条补充。",
    why_en="When quantity × unit price is not the line amount, or the lines do not sum to the total, the "
    "price itself is uncertain (Civil Code Arts. 470, 510–511) and each side will claim its own figure.",
    basis="民法典第470条、第510条",
    fix="重新核算每行“数量×单价=金额”和“各行金额之和=合计”。",
    bad=[
        "| 产品名称 | 数量 | 单价（元） | 金额（元） |\n| 数控车床 | 2 | 180,000.00 | 350,000.00 |\n"
        "| 合计 |  |  | 350,000.00 |",
        "| 产品名称 | 数量 | 单价 | 金额 |\n| 数控车床 | 2 | 180,000.00 | 360,000.00 |\n"
        "| 加工中心 | 1 | 240,000.00 | 240,000.00 |\n| 合计 |  |  | 610,000.00 |",
    ],
    good=[
        "| 产品名称 | 数量 | 单价（元） | 金额（元） |\n| 数控车床 | 2 | 180,000.00 | 360,000.00 |\n"
        "| 合计 |  |  | 360,000.00 |",
        "| 产品名称 | 数量 | 单价 | 金额 |\n| 数控车床 | 2 | 180,000.00 | 360,000.00 |\n"
        "| 加工中心 | 1 | 240,000.00 | 240,000.00 |\n| 合计 |  |  | 600,000.00 |",
        "| 产品 | 数量 | 单价 | 折扣 | 折后单价 | 金额 |\n"
        "| 球阀 | 40 | 1,280.00 | 5% | 1,216.00 | 48,640.00 |\n| 合计 |  |  |  |  | 48,640.00 |",
    ],
)
def table_total_mismatch(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    seen: set[Where] = set()
    scanned = _scanned_blocks(doc)
    for table in facts.item_tables:
        total = Decimal(0)
        computed = Decimal(0)
        for line in table.lines:
            expected = quantize_cents(line.quantity * line.unit_price - line.discount)
            total += line.amount
            computed += expected
            if line.where in seen:
                continue  # a line of a 小计 section is also a line of the table's 合计
            seen.add(line.where)
            if quantize_cents(line.amount) != expected and not _rounded_price(line):
                yield ctx.report(
                    doc.blocks[line.where.block],
                    f"{line.quantity.normalize():f} × {format_amount(line.unit_price)}"
                    + (f" − {format_amount(line.discount)}" if line.discount else "")
                    + f" = {format_amount(expected)}，表中金额为 {format_amount(line.amount)}，不一致。",
                    f"{line.quantity.normalize():f} × {format_amount(line.unit_price)} = "
                    f"{format_amount(expected)}, "
                    f"but the row says {format_amount(line.amount)}.",
                    snippet=line.text,
                )
        stated = table.stated_total
        if stated is None or not table.complete or table.total_where is None or stated == total:
            continue
        if any(total - d == stated for d in facts.discounts) or stated == computed:
            continue  # a discount below the table, or the total is right and a line is wrong (reported)
        if table.total_where.block in scanned and _words_confirm(facts, table.total_where, stated):
            continue  # on a scan the rows are what OCR misreads or drops; the total agrees with its 大写
        yield ctx.report(
            doc.blocks[table.total_where.block],
            f"各行金额之和为 {format_amount(total)}，表中合计为 {format_amount(stated)}，不一致。",
            f"The lines add up to {format_amount(total)} but the table's total says {format_amount(stated)}.",
            snippet=table.total_text,
        )


@rule(
    id="amount/tax-missing",
    scope="document",
    kinds=("contract", "order", "quote"),
    title="未约定含税口径或增值税税率",
    title_en="Tax treatment or VAT rate not stated",
    severity="warning",
    why="价格条款应写明是否含税以及增值税税率（合同条款标准化执行要求）；未写明时，"
    "价款是含税价还是不含税价、发票按什么税率开具都会发生争议。只以外币计价的进出口买卖不含境内增值税，不在此列。",
    why_en="The price clause should say whether tax is included and at which VAT rate; otherwise it is "
    "disputed whether the price is gross or net and which invoice is owed. A price stated only in a foreign "
    "currency (an export or import sale) carries no PRC VAT and is left out.",
    basis="增值税法第10条、第11条；民法典第510条、第511条第二项",
    fix="写明“上述价格含13%增值税”或“上述价格不含税，增值税税率为13%”。",
    bad=[
        "设备买卖合同\n第三条 合同价款\n本合同总价为人民币600,000.00元。",
        "产品购销合同\n二、价格\n单价为每吨人民币4,800.00元，总价人民币96,000.00元，由需方在提货时付清。",
    ],
    good=[
        "设备买卖合同\n第三条 合同价款\n本合同总价为人民币600,000.00元，含13%增值税。",
        "设备买卖合同\n第三条 合同价款\n上述单价不含税，增值税税率为13%，总价为人民币600,000.00元。",
        "出口销售合同\n卖方：宁波远帆园林工具有限公司\n买方：Gartenwerk Handels GmbH\n"
        "总价：USD 28,200.00，FOB 宁波 Incoterms® 2020。",
    ],
    params=("vat_rates",),
)
def tax_missing(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=8):
        return
    text = doc_text(doc)
    title = " ".join(b.norm for b in doc.blocks[:3])
    if not _PRICE_WORDS.search(text) or not _COMMERCIAL.search(title):
        return  # consumer/service model texts (training, rental) rarely state VAT
    facts = _facts(doc)
    if any(t.treatment is not None or t.rate is not None for t in facts.tax) or _RATE_WORDS.search(text):
        return  # a treatment without a rate: amount/vat-rate-missing
    figures = [a for a in facts.amounts if not a.upper]
    if not figures:
        return  # no price stated
    if all(a.money.currency != "CNY" for a in figures):
        return  # priced only in a foreign currency: a cross-border sale, whose price carries no PRC VAT
    if any(_TAX_NAMED.search(doc.blocks[a.money.where.block].norm) for a in figures):
        return  # the price clause names the tax in words the facts do not read (价税合计, a scan's 會13%)
    scanned = _scanned_blocks(doc)
    if any(
        a.money.where.block in scanned and _INVOICE.search(doc.blocks[a.money.where.block].norm)
        for a in figures
    ):
        return  # a scanned price line naming an invoice or 增值 (…元整, 发票。): OCR dropped the rest
    block = next(
        (
            doc.blocks[a.money.where.block]
            for a in figures
            if _PRICE_WORDS.search(doc.blocks[a.money.where.block].norm)
        ),
        doc.blocks[figures[0].money.where.block],
    )
    yield ctx.report(
        block,
        "价格条款未写明含税/不含税口径及增值税税率。",
        "The price clause states neither the tax treatment nor the VAT rate.",
    )


@rule(
    id="amount/vat-rate-missing",
    # an order under a framework takes the rate from it (附件一所列单价为含13%增值税的到货价)
    kinds=("contract", "order", "quote"),
    title="写明含税或不含税但未写增值税税率",
    title_en="Tax-inclusive or net price without a VAT rate",
    severity="warning",
    why="价格写明“含税”或“不含税”却没有写增值税税率（13%、9%、6%）和发票种类，"
    "税率变化或开票争议时价款无法换算：含税价中的税额、不含税价应加的税额都取决于税率。",
    why_en="A price marked tax-inclusive or net but with no VAT rate cannot be split into price and tax: "
    "the tax in a gross price, or added to a net one, depends on the rate.",
    basis="增值税法第10条、第11条；民法典第510条、第511条第二项",
    fix="写明税率，例如“上述价格含13%增值税，乙方开具增值税专用发票”。",
    bad=[
        "含税单价90000元/台，两台设备的合同总价为180000元。",
        "产品价格为不含税93.6元，乙方开具增值税发票。",
    ],
    good=[
        "含13%增值税单价90000元/台。",
        "产品价格为不含税93.6元，增值税税率为13%。",
        "本合同价格为含税价（免税农产品）。",
    ],
    params=("vat_rates",),
)
def vat_rate_missing(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    if not facts.tax or any(t.rate is not None or t.treatment in ("exempt", "zero_rated") for t in facts.tax):
        return
    if _RATE_WORDS.search(doc_text(doc)) or not any(not a.upper for a in facts.amounts):
        return
    t = next((t for t in facts.tax if t.treatment in ("included", "excluded")), None)
    if t is None:
        return
    block = doc.blocks[t.where.block]
    word = block.norm[t.where.span[0] : t.where.span[1]]
    yield ctx.report(
        block,
        f"价格写明“{word}”，但全文未写增值税税率。",
        f"The price is marked '{word}' but no VAT rate is stated anywhere.",
        span=t.where.span,
    )


#: The levy rates of simplified taxation (简易计税): 5 % for the sale or lease of real estate and labour
#: dispatch on the difference, and the statutory reductions (个人出租住房减按1.5%, 二手车减按0.5%). They are
#: lawful where the clause says the simplified method applies.
_LEVY_RATES = frozenset((Decimal("5"), Decimal("1.5"), Decimal("0.5")))
_LEVY_CONTEXT = re.compile(
    r"征收率|简易计税|简易征收|简易办法|减按|差额(?:征税|纳税|计税)|不动产|房屋|房产|租赁|出租|租金|劳务派遣"
)


def _levy_rate(doc: Document, t) -> bool:
    """True when ``t`` is a simplified-taxation levy rate stated as one (含5%增值税（简易计税）,
    按5%征收率)."""
    if t.rate not in _LEVY_RATES:
        return False
    norm = doc.blocks[t.where.block].norm
    return _LEVY_CONTEXT.search(norm, max(0, t.where.span[0] - 40), t.where.span[1] + 40) is not None


def _misread_rate(rate: Decimal, allowed: set[Decimal], obsolete: set[Decimal]) -> bool:
    """True when ``rate`` (not in force, not a former rate) is a rate in force with one digit more — what a
    scan makes of 9% (90%), 13% (130%, 183%) or 6% (60%)."""
    if rate in obsolete or rate != rate.to_integral_value():
        return False
    digits = str(int(rate))
    if len(digits) < 2:
        return False
    shorter = {Decimal(digits[:k] + digits[k + 1 :]) for k in range(len(digits))}
    return any(r in allowed for r in shorter if r)  # 0% is no rate a stray digit hides


@rule(
    id="amount/vat-rate-invalid",
    title="增值税税率不是现行税率",
    title_en="VAT rate not in force",
    severity="warning",
    why="现行增值税税率为13%、9%、6%、0%，简易计税征收率3%（小规模纳税人减按1%），不动产销售、租赁等简易计税5%；"
    "17%、16%、11%、10%已于2018年、2019年调整废止。写错税率会导致开票和价款计算错误。",
    why_en="VAT rates in force are 13 %, 9 %, 6 % and 0 %, with 3 % (reduced to 1 %) for simplified "
    "levy and 5 % for real estate sold or leased under it; 17/16/11/10 % were abolished in 2018–2019. "
    "A wrong rate breaks invoicing and the price.",
    basis="增值税法第10条、第11条；财政部 税务总局 海关总署公告2019年第39号",
    fix="改为适用的现行税率，例如货物销售13%。",
    bad=["上述价格含16%增值税。", "本合同价款不含税，增值税税率为17%。"],
    good=[
        "上述价格含13%增值税。",
        "本合同价款不含税，增值税税率为6%。",
        "年租金120,000.00元（含5%增值税，出租方选择简易计税）。",
    ],
    params=("vat_rates", "obsolete_vat_rates"),
)
def vat_rate_invalid(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    allowed = set(ctx.settings.vat_rates)
    obsolete = set(ctx.settings.obsolete_vat_rates)
    by_value: dict[Decimal, list] = {}
    scanned = set((doc.meta or {}).get("ocr") or ())
    for t in _facts(doc).tax:
        if t.rate is None or t.rate in allowed or _levy_rate(doc, t):
            continue
        if doc.blocks[t.where.block].location.page in scanned and _misread_rate(t.rate, allowed, obsolete):
            continue  # 含 90% 增值税 on a scan: a stray digit read into 9%, not a rate anyone wrote
        by_value.setdefault(t.rate, []).append(t)
    for value, mentions in by_value.items():
        # the clause that sets the rate, rather than one that repeats it for the invoice
        def sets_rate(t) -> bool:
            norm = doc.blocks[t.where.block].norm
            return "发票" not in norm[max(0, t.where.span[0] - 20) : t.where.span[1] + 20]

        first = next((t for t in mentions if sets_rate(t)), mentions[0])
        pct = f"{value.normalize():f}%"
        more = len(mentions) - 1
        also_zh = f"（全文另有{more}处）" if more else ""
        also_en = f" ({more} more mention{'s' if more > 1 else ''})" if more else ""
        if value in obsolete:
            zh = f"增值税税率{pct}是已废止的旧税率（现行为13%、9%、6%、0%）{also_zh}。"
            en = f"VAT rate {pct} is obsolete (rates in force: 13 %, 9 %, 6 %, 0 %){also_en}."
        else:
            zh = f"{pct}不是现行增值税税率或征收率{also_zh}。"
            en = f"{pct} is not a VAT rate or levy rate in force{also_en}."
        yield ctx.report(doc.blocks[first.where.block], zh, en, span=first.where.span)


@rule(
    id="amount/no-exchange-rate",
    scope="document",
    kinds=("contract", "order", "quote"),
    title="外币计价未约定汇率",
    title_en="Foreign-currency price without an exchange-rate rule",
    severity="warning",
    why="以美元、欧元等外币计价而未约定折算汇率（哪个机构公布、哪一天的汇率）时，以人民币支付或结算的金额不确定，"
    "汇率波动的风险由谁承担也无约定（合同条款标准化执行要求：跨境交易须约定汇率结算方式）。",
    why_en="A price in USD, EUR … with no exchange-rate rule (whose rate, on which day) leaves any RMB "
    "settlement amount open and the currency risk unallocated.",
    basis="民法典第510条、第511条第二项",
    fix="写明汇率，例如“以人民币支付的，按付款当日中国外汇交易中心公布的美元兑人民币汇率中间价折算”。",
    bad=[
        "本合同总价为100,000.00美元。",
        "单价：USD 268.00/台，总价USD 53,600.00。",
        "本合同以美元计价，买方可以美元或人民币付款。合同总金额：USD 125,200.00。",
    ],
    good=[
        "本合同总价为100,000.00美元，以人民币支付的，按付款当日中国人民银行公布的汇率中间价折算。",
        "本合同总价为人民币600,000.00元。",
        "合同总金额：USD 125,200.00，买方以美元电汇方式付款。",
        "合同总价为EUR 48,000.00，以欧元计价和支付，不涉及人民币结算。",
        "总价USD 28,200.00。买方应于装运前30日开立以卖方为受益人的不可撤销即期信用证。",
    ],
)
def no_exchange_rate(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    cur = _facts(doc).currency
    if not cur.foreign or cur.exchange_rule is not None:
        return
    a = cur.foreign[0]
    if cur.rmb_payment is not None:
        block = doc.blocks[cur.rmb_payment.block]
        yield ctx.report(
            block,
            f"以外币（{a.currency}）计价、以人民币支付，但全文未约定汇率及折算方式（哪一机构、哪一日的汇率）。",
            f"Priced in {a.currency} and payable in RMB, but no exchange-rate rule "
            "(whose rate, on which day).",
            span=cur.rmb_payment.span,
        )
        return
    if _PAID_IN_FOREIGN.search(doc_text(doc)) or _installments_in(doc, a.currency):
        return  # priced and paid in the foreign currency: nothing to convert
    block = doc.blocks[a.where.block]
    yield ctx.report(
        block,
        f"以外币（{a.currency}）计价，但全文未约定支付币种及汇率折算方式。",
        f"Priced in a foreign currency ({a.currency}) but neither the payment currency nor an exchange-rate "
        "rule is stated.",
        span=a.where.span,
    )


#: A documentary payment in the currency of the price (即期信用证, L/C at sight, T/T against B/L copy).
_DOCUMENTARY = re.compile(r"信用证|\bL/?C\b|\bT/T\b|\bSWIFT\b|\bD/P\b|\bD/A\b|托收", re.IGNORECASE)


def _installments_in(doc: Document, currency: str) -> bool:
    """True when the payment terms state their sums in ``currency`` and none in RMB (30%定金即USD 8,460.00，
    余款凭提单副本电汇), or pay by letter of credit or documentary collection with no RMB sum: the price
    is paid as it is stated, nothing to convert."""
    sums = [i.amount for i in contract_of(doc).payment.installments if i.amount is not None]
    if any(m.currency == "CNY" for m in sums):
        return False
    if sums and all(m.currency == currency for m in sums):
        return True
    return _DOCUMENTARY.search(doc_text(doc)) is not None


_BENCHMARK_WORDS = ("市值", "保护价", "市场价", "随行就市", "届时价格", "时价", "行情价", "面议")
_BENCHMARK = re.compile(r"市值|保护价|市场价(?:格)?|随行就市|届时(?:的)?价格|时价|行情价|面议")
#: A benchmark that bounds a price fixed elsewhere (不高于当期市场价格): not the price itself.
_BOUND = re.compile(r"(?:不高于|不超过|低于|不得高于|优于|参照|参考)[^，,。；;]{0,6}$")
#: How a benchmark is made a figure: whose quotation, on which day, or a formula.
_FORMULA = re.compile(r"公布|发布|报价为准|指数|均价|中间价|网站|交易所|当日|前一日|计算公式|计算方法")
#: The benchmark moves a price fixed elsewhere (市场价格波动超过8%的可以调价): a price-adjustment clause.
_PRICED = re.compile(r"价|收购|购买|结算|计价")
_ADJUSTS = re.compile(r"调价|调整|波动|变动|上涨|下跌|涨跌|涨幅|跌幅")
#: A new offer once this one has lapsed (逾期未确认的，按届时价目表重新报价): the price of a later offer, not
#: of this one — the offer states its own.
_REQUOTE = re.compile(r"重新报价|另行报价|重新核价|重新询价|重新确认价格|另行确认价格|重新议价|重新定价")
_LAPSED = re.compile(
    r"逾期|过期|超过(?:本)?(?:报价)?有效期|有效期(?:届满|期满|满|过后|以外|外|已过)|失效|未在[^，,。；;]{0,12}内"
)


@rule(
    id="amount/price-undetermined",
    title="价格以不确定的基准约定",
    title_en="Price tied to an undefined benchmark",
    severity="warning",
    why="价格写成“市值3.5折”“以保护价收购”“随行就市”而不写基准由谁公布、以哪一天为准或计算公式，"
    "价款无法确定；价款约定不明的，依民法典第510条协议补充，不能达成的按第511条第二项"
    "以订立合同时履行地的市场价格履行，双方对“市场价”的理解往往不同。",
    why_en="A price stated as '3.5折 of market value', 'at the protective price' or 'as the market goes' "
    "with no source, date or formula cannot be fixed; Civil Code Arts. 510 and 511(2) then fall back to the "
    "market price at conclusion, which each side reads differently.",
    basis="民法典第510条、第511条第二项",
    fix="写明价格或计算方式，例如“按交货前一日上海有色网公布的1#电解铜均价加加工费3,000元/吨结算”。",
    bad=["乙方享受甲方产品市值3.5折的后续进货价待遇。", "被告种植的丹参收获后由原告以保护价收购。"],
    good=[
        "单价按交货前一日上海有色网公布的1#电解铜均价加加工费3,000元/吨结算。",
        "质保期满后，乙方以不高于当期市场价格的价格向甲方供应备件。",
        "本报价有效期30天，逾期未确认的，我司按届时价格重新报价。",
    ],
)
def price_undetermined(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for block in blocks_naming(doc, _BENCHMARK_WORDS):
        norm = block.norm
        for m in _BENCHMARK.finditer(norm):
            start = max(norm.rfind(c, 0, m.start()) for c in "。；;\n") + 1
            ends = [i for i in (norm.find(c, m.end()) for c in "。；;") if i != -1]
            sentence = norm[start : min(ends) if ends else len(norm)]
            if _BOUND.search(norm[start : m.start()]) or _ADJUSTS.search(sentence):
                continue  # a bound on, or an adjustment of, a price fixed elsewhere
            if _REQUOTE.search(sentence) and _LAPSED.search(sentence):
                continue  # 逾期未签订合同的，可按届时价格目录重新报价: the next offer's price, not this one's
            if _FORMULA.search(sentence) or find_amounts(sentence):
                continue  # the benchmark is made a figure
            if not _PRICED.search(sentence):
                continue
            yield ctx.report(
                block,
                f"价格以“{m.group()}”为准，但未写明基准由谁公布、以哪一天为准或计算公式，价款无法确定。",
                f"The price is tied to '{m.group()}' with no source, date or formula: it cannot be fixed.",
                span=m.span(),
            )
            break


#: What each kind of supply is taxed at (增值税法第10条): a rate given to a named supply must be its own.
_KIND_RATES: tuple[tuple[str, re.Pattern[str], Decimal], ...] = (
    (
        "农产品、食用植物油、饲料、化肥、图书、自来水、天然气等",
        re.compile(
            r"农产品|粮食|大米|面粉|食用(?:植物)?油|饲料|化肥|农药|农膜|图书|报纸|杂志|自来水|天然气|暖气|"
            r"安装|建筑服务|施工|运输服务|交通运输"
        ),
        Decimal(9),
    ),
    (
        "技术服务、咨询、设计、培训、信息技术服务等现代服务",
        re.compile(
            r"技术服务|咨询(?:服务|费)|设计(?:服务|费)|培训(?:服务|费)|信息技术服务|"
            r"软件(?:实施|开发)服务|实施服务"
        ),
        Decimal(6),
    ),
    (
        "货物（设备、产品、材料）",
        re.compile(
            r"(?:设备|货物|产品|材料|钢材|电缆|配件|备件)(?:价款|货款|款|价格|单价|总价)?(?:适用|按|含)"
        ),
        Decimal(13),
    ),
)
_PIECE_START = re.compile(r"[，,。；;:：]")
_RATE_END = re.compile(r"\d\s*[%％]")
#: Several supplies listed together take the rate of the whole price, not each its own.
_SUPPLY_LIST = re.compile(r"[\u4e00-\u9fff]{2,}、[\u4e00-\u9fff]{2,}")
_GOODS = re.compile(r"货物|设备|产品|材料")
#: The rate is given to the supply named before it: 技术服务费适用6% / 设备按13% / 图书的税率为9%.
_ASSIGNS = re.compile(r"(?:适用|按|执行|税率为|税率是|税率|的税率为)\s*(?:的)?\s*$")


@rule(
    id="amount/vat-rate-kind",
    title="增值税税率与所售货物或服务不符",
    title_en="VAT rate does not fit the goods or service",
    severity="warning",
    why="增值税按所售货物或服务的种类适用税率：货物13%，农产品、食用植物油、饲料、化肥、图书等9%，"
    "技术服务、咨询、设计、培训等现代服务6%。条款给某类货物或服务写了别类的税率，发票开错、价款计算也随之出错。",
    why_en="VAT follows the kind of supply: goods 13 %, agricultural products, edible oil, feed, fertiliser, "
    "books 9 %, technical, consulting, design and training services 6 %. A clause giving a supply another "
    "kind's rate leads to wrong invoices and a wrong price.",
    basis="增值税法第10条；财政部 税务总局 海关总署公告2019年第39号",
    fix="按所售货物或服务改为其适用税率，例如“技术服务费适用6%的增值税税率”。",
    bad=["食用植物油适用13%的增值税税率。", "技术服务费适用13%增值税税率，乙方开具增值税专用发票。"],
    good=[
        "食用植物油适用9%的增值税税率。",
        "软件许可费适用13%增值税税率，实施服务费适用6%增值税税率。",
        "上述价格含13%增值税。",
        "合同金额为含税全包价，包括货物、运输、安装、调试、培训、税费（增值税税率13%）。",
    ],
    params=("vat_rates",),
)
def vat_rate_kind(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    allowed = set(ctx.settings.vat_rates)
    for t in _facts(doc).tax:
        if t.rate is None or t.rate not in allowed:
            continue  # an obsolete or unknown rate: amount/vat-rate-invalid
        block = doc.blocks[t.where.block]
        norm = block.norm
        # the supply named since the last piece start or the last rate (货物按13%、铺装服务按9%: 9% is the
        # service's, not the goods')
        starts = sorted(
            m.end() for pat in (_PIECE_START, _RATE_END) for m in pat.finditer(norm, 0, t.where.span[0])
        )
        subject = norm[starts[-1] if starts else 0 : t.where.span[0]]
        if not _ASSIGNS.search(subject):
            continue  # 含货物、运输、安装及13%增值税: the tax in the price, not a rate given to one supply
        kinds = [(label, rate) for label, pattern, rate in _KIND_RATES if pattern.search(subject)]
        if not kinds or any(rate == t.rate for _label, rate in kinds):
            continue  # no kind named, or a mixed supply one of whose kinds takes it (安装调试及培训费 9%)
        if _SUPPLY_LIST.search(subject) or (_GOODS.search(subject) and t.rate == Decimal(13)):
            continue  # 货物、运输、安装、培训、税费（增值税税率13%）: one rate for the whole (混合销售)
        label, rate = kinds[0]
        pct = f"{t.rate.normalize():f}%"
        yield ctx.report(
            block,
            f"{label}适用{rate.normalize():f}%的增值税税率，条款写作{pct}。",
            f"{label} is taxed at {rate.normalize():f} %, but the clause says {pct}.",
            span=t.where.span,
        )
