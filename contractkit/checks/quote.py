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

from contractkit.checks.base import RuleContext, clause_around, rule
from contractkit.contract import contract_of
from contractkit.contract.model import Where
from contractkit.contract.quote import (
    ROLE_NAMES,
    QuoteFacts,
    QuoteLine,
    discount_parts,
    schedule_entries,
)
from contractkit.contract.quote_approvals import Approval
from contractkit.errors import ContractkitError
from contractkit.findings import Finding
from contractkit.readers.model import Document

#: A figure that is a date, an edition or a count, not a price (2026 年第 2 版价格表, 有效期至 2027 年 1 月).
_NOT_A_PRICE = r"(?![\d.,]|\s*(?:年|月|日|号|版|天|个|%|％|期|次|份|家|项|条))"
_LIST_PRICE = re.compile(
    r"(?:目录价|标准价|牌价|价目表价|指导价|原价|列表价)[^，,。；;\d]{0,6}?[¥￥]?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    + _NOT_A_PRICE
)
_OFFER_PRICE = re.compile(
    r"(?:报价单价|成交单价|成交价|单价|报价(?!有效|日期|单号|编号|时间|期限))[^，,。；;\d]{0,6}?[¥￥]?\s*"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)" + _NOT_A_PRICE
)


def _facts(doc: Document) -> QuoteFacts:
    return contract_of(doc).quote


def _required(
    facts: QuoteFacts,
    ctx: RuleContext,
    percent: Decimal | None,
    line: int | None = None,
    group: str | None = None,
) -> tuple[str, ...]:
    """The roles a discount of ``percent`` needs: by the quote's stated policy (else the setting), and
    those the quote itself says this line or option needs (a 所需审批 cell)."""
    policy = facts.policy
    if policy is not None and (policy.tiers or policy.approvers):
        roles = policy.required(percent) if percent is not None else policy.approvers
    else:
        roles = tuple(ctx.settings.discount_approvals)
    return tuple(dict.fromkeys(roles + facts.stated_needs(line, group)))


def _limit(facts: QuoteFacts, ctx: RuleContext) -> Decimal:
    """What a rep may give alone: the limit the quote states (or the lowest tier its policy requires an
    approval above: 超过5%的须经销售经理审批), else ``discount_max_percent``."""
    if facts.policy is not None and facts.policy.rep_limit is not None:
        return facts.policy.rep_limit
    if facts.policy is not None and facts.policy.tiers:
        return min(t.above for t in facts.policy.tiers)
    return Decimal(ctx.settings.discount_max_percent)


def _missing(
    facts: QuoteFacts, ctx: RuleContext, line: int | None, percent: Decimal | None, group: str | None = None
) -> list[str]:
    have = facts.approved_roles(line, percent, group)
    return [r for r in _required(facts, ctx, percent, line, group) if r not in have]


@rule(
    id="quote/no-validity",
    scope="document",
    title="报价单未写明有效期",
    title_en="Quote without a validity date",
    severity="warning",
    why="报价是要约，未定有效期时对方可在“合理期限”内承诺（民法典第481条），价格变动后公司仍可能被旧价格约束；"
    "报价单应写明有效期。“价格如有调整，以我司最新报价为准”不是有效期。",
    why_en="A quote is an offer; without a validity period it can be accepted within a 'reasonable time' "
    "(Civil Code Art. 481), binding the company to old prices. 'Prices may change' is no validity.",
    basis="民法典第472条、第481条",
    fix="写明有效期，例如“本报价自报价日期起30日内有效”或“有效期至2026年4月1日”。",
    bad=[
        "报价单\n笔记本电脑 20台，单价8,999.00元。",
        "设备报价\n数控车床 2台，单价180,000.00元，含13%增值税。",
        "报价单\n笔记本电脑 20台，单价8,999.00元。\n价格如有调整，以我司最新报价为准。",
        "报价单\n笔记本电脑 20台，单价8,999.00元。\n报价有效期：2026年5月10日至2026年4月9日。",
    ],
    good=[
        "报价单\n笔记本电脑 20台，单价8,999.00元。\n本报价自报价日期起30日内有效。",
        "报价单\n笔记本电脑 20台，单价8,999.00元。\n报价有效期：至2026年6月17日止。",
        "产品报价单\n数控车床 2台。\n以上价格30天内有效，逾期须重新报价。",
        "买卖合同\n甲方购买笔记本电脑20台。",
    ],
)
def no_validity(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    if not facts.is_quote:
        return
    if facts.validity and all(v.inverted(facts.date) for v in facts.validity):
        # 报价有效期：2026年12月3日至2026年11月2日 — a window over before it opens: no validity at all
        v = facts.validity[0]
        block = doc.blocks[v.where.block] if 0 <= v.where.block < len(doc.blocks) else None
        assert v.until is not None
        start = v.start if v.start is not None and v.until < v.start else facts.date
        yield ctx.report(
            block,
            f"报价有效期截止于{v.until.isoformat()}，早于{'起始日' if start is v.start else '报价日期'}"
            f"{start.isoformat() if start else ''}：有效期不成立，要约未定承诺期限的，对方可在合理期限内承诺"
            "（民法典第481条）。",
            f"The quote's validity ends on {v.until.isoformat()}, before "
            f"{'its start' if start is v.start else 'the quote date'} {start.isoformat() if start else ''}: "
            "no usable validity; an offer without one can be accepted within a reasonable time "
            "(Civil Code Art. 481).",
            span=v.where.span if block is not None and v.where.span != (0, 0) else None,
        )
        return
    if facts.validity:
        return
    if facts.open_validity:  # 报价有效期 以我司最终确认为准: named, but no term anyone can count
        w = facts.open_validity[0]
        block = doc.blocks[w.block]
        words = block.norm[w.span[0] : w.span[1]]
        yield ctx.report(
            block,
            f"报价有效期“{words}”不是确定的期限；要约未定承诺期限的，对方可在合理期限内承诺（民法典第481条）。",
            f"The quote's validity '{words}' is no definite period; an offer without one can be accepted "
            "within a reasonable time (Civil Code Art. 481).",
            span=w.span,
            snippet=block.text[max(0, w.span[0] - 6) : w.span[1]].strip(),  # the label and its value
        )
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
    facts = _facts(doc)
    if not facts.is_quote or not _missing(facts, ctx, None, None):
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
        for line in facts.lines:
            price = line.list_price if line.list_price is not None else line.net_price
            listed = lookup(prices, sku=line.sku, name=line.name, model=line.model)
            if price is None or listed is None or listed == price:
                continue
            label = f"{line.name}（{line.model}）" if line.model else line.name
            block = doc.blocks[line.where.block] if doc.blocks else None
            if block is not None and doc.deal is not None and not block.norm.startswith(line.name):
                block = None  # a deal line the rendered text does not start a block with
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
        if listed != offered and not _discounted(block.norm[lm.end() : om.start()], listed, offered):
            yield ctx.report(
                block,
                f"报价单价 {offered:,.2f} 与文中的目录价 {listed:,.2f} 不一致，"
                "改价需销售经理和销售总监审批。",
                f"Quoted unit price {offered:,.2f} differs from the stated list price {listed:,.2f}; a price "
                "change needs sales manager and director approval.",
                span=om.span(1),
            )


def _discounted(between: str, listed: Decimal, offered: Decimal) -> bool:
    """True when the words between a list price and the offered price state the discount that makes one the
    other (目录价7,600.00元；给予首单折扣6%，成交价7,144.00元): a discount, judged by the discount rule."""
    parts = discount_parts(between)
    if not parts:
        return False
    off = sum((p.percent for p, _span in parts), Decimal(0))
    return abs(listed * (100 - off) / 100 - offered) <= Decimal("0.01") * max(1, len(parts))


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}"


@rule(
    id="quote/discount-without-approval",
    scope="document",
    title="折扣超出政策且无审批记录",
    title_en="Discount beyond policy without recorded approval",
    severity="warning",
    why="公司价格政策规定超出授权范围的折扣和特价须经销售经理和销售总监审批；"
    "未审批的报价一经客户承诺即成立合同（民法典第483条），公司须按该低价履行。"
    "一行的折扣是各项折扣之和（阶梯10%+推荐5%即15%），审批只对其写明的行次、方案和幅度有效；"
    "“事后补批”“待审批”是承诺而非审批。",
    why_en="Company policy: discounts beyond the authorised limit need sales manager and sales director "
    "approval; an unapproved quote, once accepted, binds the company (Civil Code Art. 483). A line's "
    "discount is the sum of its parts; an approval covers only the lines, option and size it names; "
    "'to be approved later' (事后补批) is a promise, not an approval.",
    basis="民法典第472条、第483条；公司价格政策（销售管理制度）",
    fix="将折扣控制在政策范围内，或记录销售经理和销售总监的审批（姓名、日期）。",
    bad=[
        "报价单\n首单优惠15%，合计人民币85,000.00元。",
        "报价单\n本次报价按目录价八折执行。",
        "报价单\n| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 1 | 球阀 | 2,150.00 | 阶梯10%+推荐5% | 1,827.50 |\n"
        "审批记录：销售经理 陈志远 同意第1项 2026年5月18日。",
        "报价单\n| 方案 | 产品 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 方案C | 显示屏 | 268,000.00 | 12% | 235,840.00 |\n"
        "超过10%须经销售经理和销售总监共同批准。\n"
        "| 方案 | 折扣 | 审批人及意见 |\n| 方案C | 12% | 销售经理 彭晓燕：同意（总监出差，事后补批） |",
        "报价单\n首单优惠15%。\n审批：销售经理李明同意；销售总监王强待审批。",
        "报价函\n本次首单折扣12%。\n超过5%的须经销售经理批准，超过10%的须另经销售总监批准。\n"
        "本次12%的折扣已经销售经理审批同意。",
    ],
    good=[
        "报价单\n首单优惠5%，合计人民币95,000.00元。",
        "报价单\n特价优惠15%。\n审批记录：销售经理李明 2026-03-01 同意；销售总监王强 2026-03-02 批准。",
        "报价单\n| 序号 | 产品名称 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 1 | 球阀 | 2,150.00 | 阶梯5%+推荐3% | 1,978.00 |\n"
        "销售代表可给予不超过8%的折扣，超过8%的须经销售经理和销售总监审批。",
        "报价单\n| 方案 | 产品 | 目录单价 | 折扣 | 折后单价 |\n"
        "| 方案C | 显示屏 | 268,000.00 | 12% | 235,840.00 |\n"
        "超过10%须经销售经理和销售总监共同批准。\n"
        "| 方案 | 折扣 | 审批人及意见 |\n| 方案C | 12% | 销售经理 彭晓燕：同意；销售总监 叶国栋：同意 |",
        "报价单\n阶梯折扣：100–499件 3%；500件及以上 6%。阶梯以外的额外折扣须经销售经理和销售总监审批。\n"
        "| 序号 | 产品名称 | 数量 | 目录单价 | 折扣 | 折后单价 | 金额 |\n"
        "| 1 | 法兰 | 600 | 10.00 | 6% | 9.40 | 5,640.00 |",
    ],
    params=("discount_max_percent", "discount_approvals"),
)
def discount_without_approval(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    if not facts.is_quote:
        return
    limit = _limit(facts, ctx)
    numbers = {line.number for line in facts.lines}
    groups = {line.group for line in facts.lines if line.group is not None}
    reported: set[str] = set()
    # one statement granting a discount the lines show (上述优惠后单价特别给予目录价22%的优惠): reported once,
    # there, rather than once per line
    schedule = facts.policy is not None and bool(facts.policy.schedule)
    # the entries of a volume schedule (满100箱享9.5折，满300箱享9折) are the policy, not a discount granted
    tiers_said = {
        d.where for d in facts.discounts if schedule and schedule_entries(_sentence_at(doc, d)) >= 2
    }
    stated = {
        d.percent for d in facts.discounts if not d.lines and d.group is None and d.where not in tiers_said
    }
    # one finding per discount decision (the same discount, lacking the same roles, explained and approved
    # by the same records), not one per row: three rows at 12 % under one recorded approval are one decision
    decisions: dict[tuple, list[_Decided]] = {}
    # a schedule counted on the whole order (按单次订货总箱数计档): the tier is the lines' total quantity
    by_total = schedule and facts.policy is not None and facts.policy.by_order_total
    order_total = _order_quantity(doc, facts) if by_total else None
    for line in facts.lines:
        if line.discount is None or line.discount <= limit:
            continue
        if line.group is None and line.discount in stated and not _line_said(facts, line.number):
            continue
        granted = None
        if schedule and facts.policy is not None:
            granted = facts.policy.scheduled(order_total if by_total else _quantity(doc, line))
            if granted is not None and line.discount <= granted:
                continue  # the volume schedule grants it at this quantity (2,000–4,999套 8%)
        missing = _missing(facts, ctx, line.number, line.discount, line.group)
        if not missing:
            continue
        if line.group is not None:  # an option of a quote offering alternatives: one finding per option
            if line.group in reported:
                continue
            reported.add(line.group)
            yield _option_finding(doc, ctx, facts, line, limit, missing)
            continue
        # a pending approval recorded for this line (待批), else the sentence that explains its discount,
        # else the line's discount cell
        pending = next(
            (
                a.where
                for a in facts.approvals
                if not a.given
                and a.where is not None
                and a.role in missing
                and (line.number in a.lines or (not a.lines and a.group is None))
            ),
            None,
        )
        said = next(
            (d.where for d in facts.discounts if line.number is not None and line.number in d.lines), None
        )
        short = _short_approval(facts, missing, line.number, line.discount)
        key = (line.discount, tuple(missing), pending, said, short.where if short else None, granted)
        decisions.setdefault(key, []).append((line, missing, pending, said, short))
    for (*_k, granted), rows in decisions.items():
        line, missing, pending, said, short = rows[0]
        cap = _pct(granted) + "%（按数量适用的阶梯折扣）" if granted is not None else _pct(limit) + "%"
        cap_en = (
            f"{_pct(granted)}% (the volume tier for its quantity)"
            if granted is not None
            else f"{_pct(limit)}%"
        )
        discount = line.discount or Decimal(0)
        where = pending or said or line.discount_where or line.where
        row_numbers = [r[0].number for r in rows]
        if all(n is not None for n in row_numbers):
            no = "、".join(f"第{n}项" for n in row_numbers)
            no_en = "Line" + ("s " if len(row_numbers) > 1 else " ") + ", ".join(str(n) for n in row_numbers)
        else:
            no = "、".join(f"“{r[0].name}”" for r in rows)
            no_en = "Line " + ", ".join(r[0].name for r in rows)
        note = (
            next((a.note for a in facts.approvals if a.where == pending and a.note), None)
            if pending
            else None
        )
        span = where.span if where.span != (0, 0) else None
        snippet = None
        record = ""
        block = doc.blocks[where.block]
        if where is not pending and where is not said and line.basis_tail is not None:
            # the row's discount basis wrapped onto the next line is quoted with it
            # (首单 5%+推荐 3% / +年末促销 4%)
            snippet = clause_around(block.text, span) + " " + line.basis_tail.text(doc)
        if short is not None and short.where is not None and pending is None:
            # the recorded approval that falls short is what the reviewer must look at: the finding sits
            # there, the discount it does not cover quoted beside it
            record = _record_clause(doc, short.where)
            snippet = record + " …… " + clause_around(block.text, span)
            block = doc.blocks[short.where.block]
            span = short.where.span if short.where.span != (0, 0) else None
        yield ctx.report(
            block,
            f"{no}折扣 {_pct(discount)}% 超过政策上限 {cap}，缺少{_who(missing)}的审批记录"
            + (f"（{note}，审批尚未作出）。" if note else "")
            + ("（已记录的审批超出审批人权限，见所引审批记录）。" if record else "")
            + ("" if note or record else "。"),
            f"{no_en}: discount {_pct(discount)}% exceeds the policy limit "
            f"{cap_en} and lacks approval by {', '.join(missing)}"
            + (f" ('{note}': promised, not given)." if note else "")
            + (
                " (the approval recorded, quoted with the discount, is beyond its approver's authority)."
                if record
                else ""
            )
            + ("" if note or record else "."),
            span=span,
            snippet=snippet,
        )
    loose = [
        d
        for d in facts.discounts
        if d.percent > limit
        and not (set(d.lines) & numbers)
        and (d.group is None or d.group not in groups)
        and d.where not in tiers_said
        and not (schedule and _scheduled_grant(facts, d.percent, order_total))
    ]
    if not loose:
        return
    top = max(x.percent for x in loose)
    # where the discount is granted (本次给予8%优惠), rather than a price computed with it
    d = next((x for x in loose if x.percent == top and _GRANT.search(_sentence_at(doc, x))), None) or next(
        x for x in loose if x.percent == top
    )
    # a statement naming no line explains the line at its discount (机器人 6%为阶梯折扣 beside a 6 % row):
    # that line's approvals count for it
    number = (
        d.lines[0]
        if d.lines
        else next((ln.number for ln in facts.lines if ln.discount == d.percent and ln.group is None), None)
    )
    missing = _missing(facts, ctx, number, d.percent, d.group)
    if not missing:
        return
    block = doc.blocks[d.where.block] if doc.blocks else None
    span = d.where.span if block is not None and doc.deal is None else None
    blank = next(
        (
            a
            for a in facts.approvals
            if not a.given
            and a.where is not None
            and a.role in missing
            and ((number is not None and number in a.lines) or (not a.lines and a.group is None))
        ),
        None,
    )
    if block is not None and doc.deal is None and blank is not None and blank.where is not None:
        # the missing role's approval recorded as awaited or left blank (销售总监审批：／): cited there
        yield ctx.report(
            doc.blocks[blank.where.block],
            f"折扣 {_pct(d.percent)}% 超过政策上限 {_pct(limit)}%，缺少{_who(missing)}的审批记录"
            f"（{blank.note or '待批'}，审批尚未作出）。",
            f"Discount {_pct(d.percent)}% exceeds the policy limit {_pct(limit)}% and lacks approval "
            f"by {', '.join(missing)} ('{blank.note or 'pending'}': not given).",
            span=blank.where.span if blank.where.span != (0, 0) else None,
            snippet=_record_clause(doc, blank.where) + " …… " + clause_around(block.text, span),
        )
        return
    short = _short_approval(facts, missing, number, d.percent)
    if block is not None and doc.deal is None and short is not None and short.where is not None:
        # a recorded approval that does not cover the discount: the finding sits at that record
        snippet = _record_clause(doc, short.where) + " …… " + clause_around(block.text, span)
        record_span = short.where.span if short.where.span != (0, 0) else None
        yield ctx.report(
            doc.blocks[short.where.block],
            f"折扣 {_pct(d.percent)}% 超过政策上限 {_pct(limit)}%，缺少{_who(missing)}的审批记录"
            "（已记录的审批超出审批人权限，见所引审批记录）。",
            f"Discount {_pct(d.percent)}% exceeds the policy limit {_pct(limit)}% and lacks approval "
            f"by {', '.join(missing)} (the approval recorded, quoted with the discount, is beyond its "
            "approver's authority).",
            span=record_span,
            snippet=snippet,
        )
        return
    yield ctx.report(
        block,
        f"折扣 {_pct(d.percent)}% 超过政策上限 {_pct(limit)}%，缺少{_who(missing)}的审批记录。",
        f"Discount {_pct(d.percent)}% exceeds the policy limit {_pct(limit)}% and lacks approval "
        f"by {', '.join(missing)}.",
        span=span,
    )


def _short_approval(
    facts: QuoteFacts, missing: list[str], number: int | None, percent: Decimal | None
) -> Approval | None:
    """A given approval of this discount by a role whose authority it exceeds (区域总监 同意第1项八五折 when
    above 10 % the general manager must approve; 本次12%的折扣已经销售经理审批 when above 10 % the director
    must countersign): one naming this line, or the quote as a whole, at this discount or at none."""
    return next(
        (
            a
            for a in facts.approvals
            if a.given
            and a.where is not None
            and a.role not in missing
            and (a.percent is None or a.percent == percent)
            and ((number is not None and number in a.lines) or (not a.lines and a.group is None))
        ),
        None,
    )


#: A line over the limit: the roles it lacks, its pending record, the sentence explaining it, the record
#: that falls short.
_Decided = tuple[QuoteLine, list[str], Where | None, Where | None, Approval | None]


_FIGURE = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d%％])")


def _scheduled_grant(facts: QuoteFacts, percent: Decimal, order_total: Decimal | None) -> bool:
    """True when a discount stated apart from the lines is the tier the whole order reaches, the schedule
    counting the order (本单合计320箱，适用9折档)."""
    assert facts.policy is not None
    granted = facts.policy.scheduled(order_total) if order_total is not None else None
    return granted is not None and percent <= granted


def _order_quantity(doc: Document, facts: QuoteFacts) -> Decimal | None:
    """The quantity of the whole quote: the sum of its lines' quantities (None when one is not read)."""
    total = Decimal(0)
    for line in facts.lines:
        q = _quantity(doc, line)
        if q is None:
            return None
        total += q
    return total


def _quantity(doc: Document, line: QuoteLine) -> Decimal | None:
    """The quantity of ``line``, read from its row: the amount after its net price divided by that price
    when whole (3,000 = 68,640.00 / 22.88), else the whole number just before its list price."""
    first = doc.blocks[line.where.block]
    if first.kind == "cell":
        loc = first.location
        texts = [
            b.norm
            for b in doc.blocks
            if b.kind == "cell"
            and (b.location.part, b.location.table, b.location.row) == (loc.part, loc.table, loc.row)
        ]
    else:
        last = line.discount_where.block if line.discount_where is not None else line.where.block
        texts = [doc.blocks[k].norm for k in range(line.where.block, max(line.where.block, last) + 1)]
    figures = [Decimal(m.group(1).replace(",", "")) for t in texts for m in _FIGURE.finditer(t)]
    if line.net_price is not None and line.net_price in figures:
        k = figures.index(line.net_price)
        if k + 1 < len(figures) and line.net_price > 0:
            q = figures[k + 1] / line.net_price
            if q == q.to_integral_value() and q > 0:
                return q
    if line.list_price is not None and line.list_price in figures:
        k = figures.index(line.list_price)
        if k > 0 and figures[k - 1] == figures[k - 1].to_integral_value() and figures[k - 1] > 0:
            return figures[k - 1]
    return None


def _line_said(facts: QuoteFacts, number: int | None) -> bool:
    """True when a discount statement names line ``number`` itself (第2项给予15%优惠)."""
    return number is not None and any(number in d.lines for d in facts.discounts)


def _option_finding(
    doc: Document, ctx: RuleContext, facts: QuoteFacts, line: QuoteLine, limit: Decimal, missing: list[str]
) -> Finding:
    """The finding for an option whose discount lacks approvals: at its approval record when it has one
    (a pending 事后补批 is named), else at the discount of its first line."""
    group = line.group
    records = [a for a in facts.approvals if a.group == group and a.where is not None]
    pending = [a for a in records if not a.given and a.role in missing]
    record = (pending or records or [None])[0]
    where = (
        record.where if record is not None and record.where is not None else line.discount_where or line.where
    )
    label = _option_label(doc, line)
    why_zh = f"（{pending[0].note}，审批尚未作出）" if pending and pending[0].note else ""
    why_en = f" ('{pending[0].note}': promised, not given)" if pending and pending[0].note else ""
    return ctx.report(
        doc.blocks[where.block],
        f"{label}折扣 {_pct(line.discount or Decimal(0))}% 超过政策上限 {_pct(limit)}%，"
        f"缺少{_who(missing)}的审批记录{why_zh}。",
        f"{label}: discount {_pct(line.discount or Decimal(0))}% exceeds the policy limit {_pct(limit)}% and "
        f"lacks approval by {', '.join(missing)}{why_en}.",
        span=where.span if where.span != (0, 0) else None,
    )


def _option_label(doc: Document, line: QuoteLine) -> str:
    """How the quote names the option of ``line`` (方案C（旗舰型）), else its key."""
    return line.group or line.name


_GRANT = re.compile(r"给予|给与|提供|享受|同意给|特批|让利|予以")


def _sentence_at(doc: Document, d) -> str:
    """The sentence around a discount statement."""
    norm = doc.blocks[d.where.block].norm if d.where.block < len(doc.blocks) else ""
    start = max(norm.rfind(c, 0, d.where.span[0]) for c in "。；;") + 1
    ends = [k for k in (norm.find(c, d.where.span[1]) for c in "。；;") if k != -1]
    return norm[start : min(ends) if ends else len(norm)]


def _record_text(doc: Document, where: Where) -> str:
    """The text of an approval record (its span, else its block), at most 80 characters."""
    text = doc.blocks[where.block].text
    piece = (text[where.span[0] : where.span[1]] if where.span != (0, 0) else text).strip()
    return piece if len(piece) <= 80 else piece[:79] + "…"


def _record_clause(doc: Document, where: Where) -> str:
    """The sentence of an approval record (本次12%的折扣已经销售经理审批同意。), else its text."""
    if where.span == (0, 0):
        return _record_text(doc, where)
    return clause_around(doc.blocks[where.block].text, where.span, limit=100)


def _who(roles: list[str]) -> str:
    return "、".join(ROLE_NAMES.get(r, r) for r in roles)
