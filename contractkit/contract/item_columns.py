"""Which columns of an item table are multiplied: quantity × unit price = amount, bound by their headers.

A table may hold several groups of columns (this year's and next year's quantity and price, a tax-exclusive
and a tax-inclusive price and amount); each group is bound by what its headers share — a qualifier (2027年,
一期, 首年) or a tax basis (不含税 / 含税). A header may sit on two rows (a merged 2027年 cell above 数量 and
单价). A table whose columns cannot be bound with confidence — an amount over two groups (两年金额 =
2027 + 2028), two unit prices and one amount of no stated basis — gives no binding: it is not checked, rather
than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_QTY = re.compile(r"数量|采购量|订货量|供货量|用量|工程量|件数|台数|quantity|\bqty\b", re.I)
_PRICE = re.compile(r"单价|价格|unit\s*price|\bprice\b", re.I)
_UNIT_PRICE = re.compile(r"单价|unit\s*price|^\s*价格|^\s*price", re.I)
_NET_PRICE = re.compile(r"折后|优惠后|成交|实际|净价|结算单价|折扣价|优惠价|降价后|调价后|签约")
_LIST_PRICE = re.compile(r"目录|原价|原单价|标准价|牌价|指导价|列表价|折前|优惠前|降价前|调价前")
_AMOUNT = re.compile(r"金额|总价|小计|合价|总额|合计|amount|total|subtotal|extended", re.I)
_DISCOUNT = re.compile(r"优惠|折扣|折让")
_NET_BASIS = re.compile(r"不含税|未税|税前|除税")
_GROSS_BASIS = re.compile(r"含税|价税合计|税后")
_TAX_ONLY = re.compile(r"^(?:税额|税金|增值税(?:额)?)$")
#: What is stripped from a header to leave its qualifier: role words, units in brackets, tax basis.
_STRIP = re.compile(
    r"[（(][^）)]*[）)]|/.*$|不含税|未税|税前|除税|价税合计|含税|税后|数量|单价|价格|金额|总价|小计|合价|总额|合计|"
    r"计划|预计|预估|暂定|采购|订货|供货|折后|优惠后|成交|实际|净|结算|元|万|[\s:：]"
)


@dataclass(frozen=True, slots=True)
class Binding:
    """One group of columns: quantity × price (less discount) = amount, and the unit of each figure."""

    qty: int
    price: int
    amount: int
    discount: int | None
    price_scale: Decimal
    amount_scale: Decimal


def header_of(first: list[str], second: list[str] | None) -> list[str]:
    """The header a table states on one row, or on two (a merged cell above carried over its columns)."""
    if second is None:
        return first
    out: list[str] = []
    above = ""
    for i in range(max(len(first), len(second))):
        low = second[i] if i < len(second) else ""
        top = first[i] if i < len(first) else ""
        above = top or above
        out.append(f"{top or above}{low}" if low else top)
    return out


def is_header_row(cells: list[str], above: list[str] | None = None) -> bool:
    """True for a second header row: no figures, and role words (数量, 单价, 金额) or, under a header with
    merged cells, text only under those cells (材料费 | 加工费 | 小计 under a merged 单价)."""
    filled = [i for i, c in enumerate(cells) if c.strip()]
    figures = sum(bool(re.fullmatch(r"\s*[¥￥]?\s*[\d,]+(?:\.\d+)?\s*", cells[i])) for i in filled)
    if figures or not filled:
        return False
    words = sum(bool(_QTY.search(c) or _PRICE.search(c) or _AMOUNT.search(c)) for c in cells)
    if words >= 2:
        return True
    if above is None:
        return False

    def under_merge(i: int) -> bool:
        here = above[i] if i < len(above) else ""
        right = above[i + 1] if i + 1 < len(above) else ""
        return not here.strip() or not right.strip()

    return any(not c.strip() for c in above) and all(under_merge(i) for i in filled)


def _basis(h: str) -> str:
    if _NET_BASIS.search(h):
        return "net"
    return "gross" if _GROSS_BASIS.search(h) else ""


def _qualifier(h: str) -> str:
    return _STRIP.sub("", h)


def _scale(h: str) -> Decimal:
    return Decimal(10000) if "万元" in h else Decimal(1)


def bind(header: list[str]) -> list[Binding]:
    """The column groups of an item table with this header; empty when it has none or they cannot be bound."""
    qtys = [i for i, h in enumerate(header) if _QTY.search(h) and not _AMOUNT.search(h)]
    priced = [
        i
        for i, h in enumerate(header)
        if _UNIT_PRICE.search(h) or (_PRICE.search(h) and not _AMOUNT.search(h))
    ]
    # 单价 over 材料费 | 加工费 | 小计: the 小计 is the unit price, the others its parts
    composed = [i for i in priced if re.search(r"小计|合计", header[i])]
    prices = composed or priced
    amounts = [
        i
        for i, h in enumerate(header)
        if _AMOUNT.search(h) and i not in qtys and i not in priced and not _TAX_ONLY.match(h)
    ]
    if not qtys or not prices or not amounts:
        return []
    discount = next(
        (i for i, h in enumerate(header) if _DISCOUNT.search(h) and i not in (*qtys, *prices, *amounts)), None
    )
    if len(qtys) > 1:
        return _by_qualifier(header, qtys, prices, amounts)
    qty = qtys[0]
    net = [i for i in prices if _NET_PRICE.search(header[i])]
    offered = net or [i for i in prices if not _LIST_PRICE.search(header[i])] or prices
    out: list[Binding] = []
    for price in offered:
        amount = _amount_for(header, price, amounts)
        if amount is None:
            return []
        # 目录单价 | 折扣 | 报价单价 | 金额: a price to the right of the discount column is already after it
        before = discount is not None and discount < price
        out.append(
            Binding(
                qty,
                price,
                amount,
                None if net or before else discount,
                _scale(header[price]),
                _scale(header[amount]),
            )
        )
    if len({b.amount for b in out}) != len(out):
        return []  # two prices for one amount: which one is multiplied is not said
    return out


def _amount_for(header: list[str], price: int, amounts: list[int]) -> int | None:
    """The amount column a price column is multiplied into: after it, of the same tax basis (a plain one
    beside a price of either basis); None when none or several fit."""
    basis = _basis(header[price])
    after = [a for a in amounts if a > price]
    same = [a for a in after if _basis(header[a]) == basis]
    if basis and not same:
        same = [a for a in after if not _basis(header[a])]
    if not same:
        return None
    if len(same) > 1 and len({_qualifier(header[a]) for a in same}) > 1:
        qual = _qualifier(header[price])
        named = [a for a in same if _qualifier(header[a]) == qual]
        return named[0] if len(named) == 1 else None
    return same[0]


def _by_qualifier(header: list[str], qtys: list[int], prices: list[int], amounts: list[int]) -> list[Binding]:
    """Several quantity columns: each group binds by the qualifier its headers share (2027年数量, 2027年单价,
    2027年金额); a group without its own amount, or a qualifier shared twice, leaves the table unbound."""
    out: list[Binding] = []
    for q in qtys:
        qual = _qualifier(header[q])
        if not qual:
            return []
        ps = [p for p in prices if _qualifier(header[p]) == qual and not _LIST_PRICE.search(header[p])]
        am = [a for a in amounts if _qualifier(header[a]) == qual]
        if len(ps) != 1 or len(am) != 1:
            return []
        out.append(Binding(q, ps[0], am[0], None, _scale(header[ps[0]]), _scale(header[am[0]])))
    return out
