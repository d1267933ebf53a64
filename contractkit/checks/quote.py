"""The ``quote`` family (quote documents — title 报价单/报价 — and quote deals only): validity date, prices
from the company price list, discounts within policy or approved (seed 001 价格政策: reps may not change list
prices; special prices need 销售经理 and 销售总监 approval).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from decimal import Decimal

from contractkit.checks._common import doc_text, is_quote
from contractkit.checks.base import RuleContext, rule
from contractkit.errors import ContractkitError
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

#: Display names of the approval roles in ``settings.discount_approvals``.
ROLE_NAMES = {"sales_manager": "销售经理", "sales_director": "销售总监"}
_VALIDITY = re.compile(r"有效期|内有效|前有效|有效至|有效截止|有效期限|报价有效")
_APPROVAL_LINE = re.compile(r"审批|批准|核准|同意|签批|审核")
_DISCOUNT = re.compile(r"(?:优惠|折扣|让利|下浮|降价)[^，,。；;%\d]{0,10}?(\d{1,2}(?:\.\d+)?)\s*[%％]")
_ZHE = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})\s*折(?!旧|算|合|扣)")
_LIST_PRICE = re.compile(
    r"(?:目录价|标准价|牌价|价目表价|指导价|原价|列表价)[^，,。；;\d]{0,6}?[¥￥]?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)
_OFFER_PRICE = re.compile(
    r"(?:报价单价|成交单价|成交价|单价|报价)[^，,。；;\d]{0,6}?[¥￥]?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _approvals(doc: Document) -> set[str]:
    """Approval roles recorded: deal ``approvals`` roles, or roles named on 审批 lines of the text."""
    roles: set[str] = set()
    if doc.deal is not None:
        for a in doc.deal.get("approvals") or []:
            if isinstance(a, dict) and a.get("role") and a.get("name"):
                roles.add(str(a["role"]))
    for b in doc.blocks:
        if _APPROVAL_LINE.search(b.norm):
            for role, zh in ROLE_NAMES.items():
                if zh in b.norm:
                    roles.add(role)
    return roles


def _missing_approvals(doc: Document, ctx: RuleContext) -> list[str]:
    have = _approvals(doc)
    return [r for r in ctx.settings.discount_approvals if r not in have and ROLE_NAMES.get(r, r) not in have]


@rule(
    id="quote/no-validity",
    scope="document",
    title="报价单未写明有效期",
    title_en="Quote without a validity date",
    severity="warning",
    why="报价是要约，未定有效期时对方可在“合理期限”内承诺（民法典第481条），价格变动后公司仍可能被旧价格约束；"
    "报价单应写明有效期。",
    why_en="A quote is an offer; without a validity period it can be accepted within a 'reasonable time' "
    "(Civil Code Art. 481), binding the company to old prices.",
    basis="民法典第472条、第481条",
    fix="写明有效期，例如“本报价自报价日期起30日内有效”或“有效期至2026年4月1日”。",
    bad=[
        "报价单\n笔记本电脑 20台，单价8,999.00元。",
        "设备报价\n数控车床 2台，单价180,000.00元，含13%增值税。",
    ],
    good=[
        "报价单\n笔记本电脑 20台，单价8,999.00元。\n本报价自报价日期起30日内有效。",
        "买卖合同\n甲方购买笔记本电脑20台。",
    ],
)
def no_validity(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_quote(doc):
        return
    if doc.deal is not None and doc.deal.get("valid_until"):
        return
    if _VALIDITY.search(doc_text(doc)):
        return
    yield ctx.report(
        doc.blocks[0] if doc.blocks else None,
        "报价单未写明有效期；要约未定承诺期限的，对方可在合理期限内承诺（民法典第481条）。",
        "The quote states no validity period; an offer without one can be accepted within a reasonable "
        "time (Civil Code Art. 481).",
    )


@functools.lru_cache(maxsize=8)
def _price_list(path: str, _mtime: float) -> dict[str, Decimal]:
    from contractkit.pricelist import load_price_list

    return load_price_list(path)


def _items(doc: Document) -> Iterator[tuple[Block | None, str | None, str, str | None, Decimal]]:
    """``(block, sku, name, model, unit price)`` of each quoted item (deal items, or item-table rows)."""
    if doc.deal is not None:
        for it in doc.deal.get("items") or []:
            if isinstance(it, dict) and it.get("name") and it.get("unit_price") is not None:
                name = str(it["name"])
                block = next((b for b in doc.blocks if b.norm.startswith(name)), None)
                yield block, it.get("sku"), name, it.get("model"), Decimal(str(it["unit_price"]))
        return
    from contractkit.checks.amount import _col, _num, _tables

    for rows in _tables(doc):
        for i, row in enumerate(rows):
            nc = _col(row.cells, re.compile(r"名称|品名|产品"))
            pc = _col(row.cells, re.compile(r"单价"))
            if nc is None or pc is None:
                continue
            mc = _col(row.cells, re.compile(r"^型号|规格型号|^model", re.I))
            sc = _col(row.cells, re.compile(r"编码|货号|SKU", re.I))
            for data in rows[i + 1 :]:
                cells = data.cells
                if max(nc, pc) >= len(cells):
                    continue
                price = _num(cells[pc])
                if price is None:
                    continue
                name = cells[nc]
                model = cells[mc] if mc is not None and mc < len(cells) else None
                m = re.match(r"(.+?)[（(]型号[:：]\s*(.+?)[）)]$", name)
                if m:
                    name, model = m.group(1), m.group(2)
                sku = cells[sc] if sc is not None and sc < len(cells) else None
                yield data.block, sku, name.strip(), model, price
            break


@rule(
    id="quote/price-off-list",
    scope="document",
    title="单价与公司价目表不一致",
    title_en="Unit price differs from the price list",
    severity="error",
    why="公司价格政策规定价格以统一价目表为准，销售代表无权自行改价；与价目表不一致的单价须经审批"
    "（销售经理和销售总监），否则报价一经对方承诺即按该价格成立合同（民法典第483条）。",
    why_en="Company price policy: prices come from the one price list and reps may not change them alone; "
    "an off-list price needs approval, because an accepted quote binds at the quoted price (Civil Code "
    "Art. 483).",
    basis="民法典第472条、第483条；公司价格政策（销售管理制度）",
    fix="按价目表（--price-list）改正单价，或记录销售经理和销售总监的特价审批。",
    bad=[
        "报价单\n笔记本电脑：目录价8,999.00元，报价单价8,500.00元，20台。",
        "报价单\n数控车床标准价180,000.00元/台，本次成交单价165,000.00元/台。",
    ],
    good=[
        "报价单\n笔记本电脑：目录价8,999.00元，报价单价8,999.00元，20台。",
        "报价单\n数控车床标准价180,000.00元/台，成交单价165,000.00元/台。\n"
        "特价审批：销售经理李明同意；销售总监王强批准。",
    ],
    params=("price_list", "discount_approvals"),
)
def price_off_list(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_quote(doc):
        return
    if not _missing_approvals(doc, ctx):
        return  # a special price with the recorded approvals
    path = ctx.settings.price_list
    if path:
        from contractkit.pricelist import lookup

        try:
            prices = _price_list(str(path), os.path.getmtime(path))
        except (ContractkitError, OSError) as exc:
            yield ctx.report(
                None, f"价目表无法读取：{exc}", f"price list unreadable: {exc}", snippet=str(path)
            )
            return
        for block, sku, name, model, price in _items(doc):
            listed = lookup(prices, sku=sku, name=name, model=model)
            if listed is None or listed == price:
                continue
            label = f"{name}（{model}）" if model else name
            yield ctx.report(
                block,
                f"“{label}”单价 {price:,.2f} 与价目表价格 {listed:,.2f} 不一致，"
                "且无销售经理和销售总监的审批记录。",
                f"Unit price {price:,.2f} of '{label}' differs from the list price {listed:,.2f} and no "
                "approval is recorded.",
                snippet=None if block else label,
            )
    for block in doc.blocks:
        lm = _LIST_PRICE.search(block.norm)
        if not lm:
            continue
        om = next((m for m in _OFFER_PRICE.finditer(block.norm, lm.end())), None)
        if not om:
            continue
        listed, offered = (Decimal(m.group(1).replace(",", "")) for m in (lm, om))
        if listed != offered:
            yield ctx.report(
                block,
                f"报价单价 {offered:,.2f} 与文中的目录价 {listed:,.2f} 不一致，"
                "改价需销售经理和销售总监审批。",
                f"Quoted unit price {offered:,.2f} differs from the stated list price {listed:,.2f}; a price "
                "change needs sales manager and director approval.",
                span=om.span(1),
            )


def _zhe_percent(raw: str) -> Decimal | None:
    """``85折``/``八五折`` → 15 (percent off); ``9折``/``九折`` → 10."""
    if raw[0].isdigit():
        v = Decimal(raw)
    else:
        digits = [_CN_DIGIT[c] for c in raw]
        v = Decimal(digits[0]) if len(digits) == 1 else Decimal(digits[0] * 10 + digits[1]) / 10
    if v >= 10:
        v = v / 10
    if not Decimal(0) < v < Decimal(10):
        return None
    return (Decimal(10) - v) * 10


def _discount_percents(doc: Document) -> Iterator[tuple[Block | None, Decimal, tuple[int, int] | None]]:
    if doc.deal is not None:
        total = sum(
            (Decimal(str(d.get("percent"))) for d in doc.deal.get("discounts") or [] if isinstance(d, dict)),
            Decimal(0),
        )
        if total:
            block = next((b for b in doc.blocks if "优惠" in b.norm and "%" in b.norm), None)
            yield block, total, None
        return
    for block in doc.blocks:
        for m in _DISCOUNT.finditer(block.norm):
            yield block, Decimal(m.group(1)), m.span(1)
        for m in _ZHE.finditer(block.norm):
            pct = _zhe_percent(m.group(1))
            if pct is not None:
                yield block, pct, m.span()


@rule(
    id="quote/discount-without-approval",
    scope="document",
    title="折扣超出政策且无审批记录",
    title_en="Discount beyond policy without recorded approval",
    severity="warning",
    why="公司价格政策规定超出授权范围的折扣和特价须经销售经理和销售总监审批；"
    "未审批的报价一经客户承诺即成立合同（民法典第483条），公司须按该低价履行。",
    why_en="Company policy: discounts beyond the authorised limit need sales manager and sales director "
    "approval; an unapproved quote, once accepted, binds the company (Civil Code Art. 483).",
    basis="民法典第472条、第483条；公司价格政策（销售管理制度）",
    fix="将折扣控制在政策范围内，或记录销售经理和销售总监的审批（姓名、日期）。",
    bad=["报价单\n首单优惠15%，合计人民币85,000.00元。", "报价单\n本次报价按目录价八折执行。"],
    good=[
        "报价单\n首单优惠5%，合计人民币95,000.00元。",
        "报价单\n特价优惠15%。\n审批记录：销售经理李明 2026-03-01 同意；销售总监王强 2026-03-02 批准。",
    ],
    params=("discount_max_percent", "discount_approvals"),
)
def discount_without_approval(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_quote(doc):
        return
    limit = ctx.settings.discount_max_percent
    over = [(b, p, s) for b, p, s in _discount_percents(doc) if p > limit]
    if not over:
        return
    missing = _missing_approvals(doc, ctx)
    if not missing:
        return
    block, pct, span = max(over, key=lambda x: x[1])
    who = "、".join(ROLE_NAMES.get(r, r) for r in missing)
    yield ctx.report(
        block,
        f"折扣 {pct.normalize():f}% 超过政策上限 {limit.normalize():f}%，缺少{who}的审批记录。",
        f"Discount {pct.normalize():f}% exceeds the policy limit {limit.normalize():f}% and lacks approval "
        f"by {', '.join(missing)}.",
        span=span,
    )
