"""Amount facts: the contract total and its currency, every amount in figures and in 大写 with their
pairing, item tables (rows, line totals, grand total), tax treatment and VAT rates, and how a foreign-currency
price is settled in RMB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from contractkit.contract.item_columns import Binding, bind, header_of, is_header_row
from contractkit.contract.model import Where
from contractkit.facts import find_amounts
from contractkit.facts.sentences import clause_spans
from contractkit.money import quantize_cents

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.facts.amounts import Amount
    from contractkit.readers.model import Block, Document

TaxTreatment = Literal["included", "excluded", "exempt", "zero_rated"]


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money read from the text (``value`` in ``currency`` units, 万元 multiplied out)."""

    value: Decimal
    currency: str
    where: Where


@dataclass(frozen=True, slots=True)
class StatedAmount:
    """An amount in figures or in 大写 (``upper``), and the other way of writing it beside it, if any."""

    money: Money
    upper: bool
    pair: Money | None


@dataclass(frozen=True, slots=True)
class TaxFact:
    """A tax statement: treatment (含税/不含税/免税/零税率) or a VAT rate in percent."""

    treatment: TaxTreatment | None
    rate: Decimal | None
    where: Where


@dataclass(frozen=True, slots=True)
class CurrencyFacts:
    """Foreign currency: where it is priced, where payment in RMB is allowed, where the exchange rule is."""

    foreign: tuple[Money, ...]
    rmb_payment: Where | None
    exchange_rule: Where | None


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table: its text, the block it is in and its span there, and its column."""

    text: str
    block: int
    span: tuple[int, int]
    column: int


@dataclass(frozen=True, slots=True)
class Row:
    """A table row (cells in column order)."""

    parts: tuple[Cell, ...]

    @property
    def cells(self) -> list[str]:
        return [p.text for p in self.parts]

    def joined(self) -> tuple[str, list[Cell]]:
        """The cell texts joined by "，" and the cells (their offsets in the joined text follow in order)."""
        return "，".join(p.text for p in self.parts), list(self.parts)


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the document: header cells and the rows under it."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class ItemLine:
    """One line of an item table: quantity × unit price (after discount) and the line amount it states."""

    quantity: Decimal
    unit_price: Decimal
    discount: Decimal
    amount: Decimal
    where: Where
    text: str


@dataclass(frozen=True, slots=True)
class ItemTable:
    """An item table: its lines and the total row it states (None when it has none)."""

    lines: tuple[ItemLine, ...]
    complete: bool
    stated_total: Decimal | None
    total_where: Where | None
    total_text: str


@dataclass(frozen=True, slots=True)
class AmountFacts:
    """The amounts of one contract."""

    total: Money | None
    amounts: tuple[StatedAmount, ...]
    tax: tuple[TaxFact, ...]
    currency: CurrencyFacts
    item_tables: tuple[ItemTable, ...]
    discounts: tuple[Decimal, ...]


# --- tables -------------------------------------------------------------------------------------------------

_RULE_CELL = re.compile(r"[-:\s]*")
#: A price per unit is a number too (0.62/米, 38元/kg, ¥12.50 / 件).
_NUM = re.compile(
    r"\s*(?:[¥￥$]|RMB|USD|US\$)?\s*(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*[\u4e00-\u9fff]{0,2}\s*"
    r"(?:/\s*[\u4e00-\u9fffA-Za-z²³]{1,3}\s*)?"
)


def cell_number(cell: str) -> Decimal | None:
    """The number a table cell holds (¥1,280.00, 40台, 12.5), None when it holds other text."""
    m = _NUM.fullmatch(cell)
    return Decimal(m.group("n").replace(",", "")) if m else None


_BOX_BAR = re.compile(r"[│┃]")
_BOX_BORDER = re.compile(r"[\s|─━┄┈\-=+:┼╋├┤┌┐└┘┬┴╪╞╡]+")


def _read_tables(doc: Document) -> list[Table]:
    raw: list[list[Row]] = []
    current: list[Row] = []
    grid: dict[tuple[int, int], dict[int, list[int]]] = {}
    current_bare = False  # the current text table's rows are written without outer bars
    for i, block in enumerate(doc.blocks):
        loc = block.location
        if block.kind == "cell" and loc.table is not None and loc.row is not None:
            grid.setdefault((loc.table, loc.row), {}).setdefault(loc.cell or 0, []).append(i)
            continue
        line = _BOX_BAR.sub("|", block.norm)  # a box-drawn row │ a │ b │ reads like | a | b |
        stripped = line.strip()
        if current and stripped and _BOX_BORDER.fullmatch(stripped):
            continue  # a border between box-drawn rows: ├───┼───┤
        bare = not stripped.startswith("|") and stripped.count("|") >= 3 and not stripped.endswith("|")
        # in a table written without outer bars, a row whose first cell is empty starts with its first bar
        # (   | 合计 |  | 100吨 |  | 324,000.00): that bar parts two cells, it is no border
        empty_first = (
            not bare
            and bool(current)
            and current_bare
            and stripped.startswith("|")
            and not stripped.endswith("|")
            and stripped.count("|") >= 2
        )
        bare = bare or empty_first
        if (stripped.startswith("|") and stripped.count("|") >= 3) or bare:
            # a row written without its outer bars (1 | 板锤 | 件 | 24 | 2,980.00 | 71,520.00): the first cell
            # runs from the line's start, the last to its end
            if not current:
                current_bare = bare
            parts: list[Cell] = []
            pos = 0 if bare else line.index("|") + 1
            col = 0
            while True:
                nxt = line.find("|", pos)
                if nxt == -1:
                    if bare:
                        nxt = len(line.rstrip())
                        if nxt <= pos:
                            break
                    else:
                        break
                seg = line[pos:nxt]
                lead = len(seg) - len(seg.lstrip())
                text = seg.strip()
                parts.append(Cell(text, i, (pos + lead, pos + lead + len(text)), col))
                col += 1
                pos = nxt + 1
                if pos > len(line.rstrip()):
                    break
            if not all(_RULE_CELL.fullmatch(p.text) for p in parts):
                current.append(Row(tuple(parts)))
            continue
        if current:
            raw.append(current)
            current = []
    if current:
        raw.append(current)
    by_table: dict[int, list[Row]] = {}
    for (t, _r), cells in sorted(grid.items()):
        width = max(cells)
        row_parts = []
        for c in range(1, width + 1):
            idx = cells.get(c, [])
            text = " ".join(doc.blocks[j].norm for j in idx)
            block = idx[0] if idx else cells[max(cells)][-1]
            row_parts.append(Cell(text, block, (0, len(doc.blocks[block].norm)) if idx else (0, 0), c - 1))
        by_table.setdefault(t, []).append(Row(tuple(row_parts)))
    raw.extend(by_table.values())
    return [Table(tuple(rows[0].cells), tuple(rows[1:])) for rows in raw if rows]


def tables_of(contract: Contract) -> list[Table]:
    """The tables of the document (text ``| a | b |`` tables and Word tables), read once per contract."""
    cached = contract._facts.get("_tables")
    if cached is None:
        cached = _read_tables(contract.doc)
        contract._facts["_tables"] = cached
    return cached


_PRICE = re.compile(r"单价|价格")
_TOTAL_ROW = re.compile(r"合计|总计|小计|总价|总额|\bsub-?total\b|\btotal\b", re.I)


_NET_BASIS = re.compile(r"不含税|未税|税前|净价")
_GROSS_BASIS = re.compile(r"含税|价税合计|税后")


_LABEL_NET = re.compile(r"不含[^,，。;；]{0,8}税|未税|税前")
_LABEL_GROSS = re.compile(r"含[^,，。;；不]{0,8}税|价税合计|税后")


def _label_basis(label: str) -> str:
    """ "net" / "gross" / "" — the tax basis a total row's label states (合计（含13%增值税）)."""
    if _LABEL_NET.search(label):
        return "net"
    return "gross" if _LABEL_GROSS.search(label) else ""


def _tax_basis(header: str) -> str:
    """ "net" / "gross" / "" — the tax basis a column header states (不含税单价, 含税金额)."""
    if _NET_BASIS.search(header):
        return "net"
    return "gross" if _GROSS_BASIS.search(header) else ""


def _item_tables(tables: list[Table]) -> list[ItemTable]:
    out: list[ItemTable] = []
    for table in tables:
        header = list(table.header)
        rows = list(table.rows)
        if rows and is_header_row(rows[0].cells, header):
            header = header_of(header, rows[0].cells)  # 2027年 (merged) above 数量 | 单价
            rows = rows[1:]
        if not bind(header):
            # one box drawn around a form (订单编号 | … rows, then 序号 | 产品 | 数量 | 单价 | 金额): the item
            # table starts at the row that names its columns
            at = next(
                (k for k, r in enumerate(rows) if is_header_row(list(r.cells)) and bind(list(r.cells))), None
            )
            if at is not None:
                header, rows = list(rows[at].cells), rows[at + 1 :]
        for binding in bind(header):
            scale = count_scale(header[binding.qty], header[binding.price])
            out.extend(_bound_lines(rows, binding, header[binding.amount], scale))
    return out


#: A quantity counted in thousands (数量（千只）, Qty (k pcs), 万个): each unit of it is that many pieces.
_COUNT_UNIT = re.compile(
    r"(千|万|百)\s*(?:只|个|件|支|片|套|粒|瓶|张|块|根|条|枚|颗|袋|盒|罐)|(?<![A-Za-z])(k)\s*pcs?\b|(thousand)",
    re.IGNORECASE,
)
#: A price for a lot of them (元/千只, per thousand): the quantity and the price count the same unit.
_LOT_PRICE = re.compile(r"/\s*(?:千|万|百)|per\s+(?:thousand|k\b)|/\s*k\s*pcs?", re.IGNORECASE)
_COUNTS = {"千": Decimal(1000), "万": Decimal(10000), "百": Decimal(100), "k": Decimal(1000)}


def count_scale(qty_header: str, price_header: str) -> Decimal:
    """How many pieces one unit of the quantity column is when the price is per piece: 1000 for 数量（千只）
    beside 单价（元/只）, 1 when both count the same unit (元/千只) or no count is named."""
    m = _COUNT_UNIT.search(qty_header)
    if m is None or _LOT_PRICE.search(price_header):
        return Decimal(1)
    return _COUNTS[m.group(1) or "k"]  # k pcs, thousand: a thousand


_MINUS = re.compile(r"^\s*[-−－]\s*|^\s*[(（]\s*|\s*[)）]\s*$")


#: A whole quantity whose thousands a dot groups (4.000, 12.500): what OCR makes of a comma, or a European
#: way of writing it.
_DOTTED_THOUSANDS = re.compile(r"^\s*\d{1,3}(?:\.\d{3})+\s*$")


def _dotted_thousands(token: str, q: Decimal, price: Decimal, amount: Decimal) -> Decimal:
    """``q`` read from ``token``, or the whole number its dots group in thousands (4.000 → 4000) when
    that, and not ``q``, times ``price`` is ``amount``: 4.000 只 × 1.95 = 7,800.00 counts 4,000 lanterns."""
    if not _DOTTED_THOUSANDS.match(token) or quantize_cents(q * price) == quantize_cents(amount):
        return q
    whole = Decimal(token.strip().replace(".", ""))
    return whole if quantize_cents(whole * price) == quantize_cents(amount) else q


def _line_discount(cell: str, gross: Decimal, amount: Decimal) -> Decimal:
    """The money a discount cell takes off ``gross``: ``5%``, ``阶梯3%+首单2%``, ``九五折``, ``-500.00``
    or ``(500.00)``; a percent that is the share paid (折扣率95%) when that is what the amount says."""
    from contractkit.contract.quote import discount_parts

    parts = discount_parts(cell)
    if parts:
        pct = sum((part.percent for part, _ in parts), Decimal(0))
        share = (gross * pct / 100).quantize(Decimal("0.01"))
        cents = amount.quantize(Decimal("0.01"))
        if gross - share != cents and share == cents:
            return gross - share  # 折扣率95%: the share paid, not the share off
        return share
    return cell_number(_MINUS.sub("", cell)) or Decimal(0)


#: A total row that adds or takes off something the lines do not hold: not their sum.
_TOTAL_OTHER = re.compile(
    r"税额|税金|运费|运输|安装|服务费|优惠|折扣|折让|让利|抵扣|扣除|回收|预付|定金|尾款"
)


def _bound_lines(
    rows: list[Row], b: Binding, amount_header: str = "", count: Decimal = Decimal(1)
) -> list[ItemTable]:
    """The lines of one column group; a 小计 row closes a section (checked against its own lines), a 合计 /
    总计 row ends the table (its figure is their sum unless it names another tax basis or something else,
    e.g. 合计（含13%增值税） under a 不含税金额 column, 优惠后合计)."""
    out: list[ItemTable] = []
    lines: list[ItemLine] = []
    section: list[ItemLine] = []
    complete = True
    for row in rows:
        cells = row.cells
        label = " ".join(cells[: max(1, min(b.qty, b.price, b.amount))])
        total = _TOTAL_ROW.search(label)
        if total:
            nums = [v for v in (cell_number(c) for c in cells) if v is not None]
            stated = cell_number(cells[b.amount]) if b.amount < len(cells) else None
            stated = stated if stated is not None else (nums[-1] if nums else None)
            part = row.parts[b.amount] if b.amount < len(row.parts) else row.parts[-1]
            where = Where(part.block, part.span)
            text = " | ".join(c for c in cells if c)
            basis = _label_basis(label)
            if (basis and basis != _tax_basis(amount_header)) or _TOTAL_OTHER.search(label):
                stated = None  # not the sum of this column
            if total.group().lower() in ("小计", "subtotal", "sub-total") and stated is not None:
                if section:
                    out.append(ItemTable(tuple(section), complete, stated * b.amount_scale, where, text))
                section = []
                continue
            if stated is not None and lines:
                out.append(ItemTable(tuple(lines), complete, stated * b.amount_scale, where, text))
                return out
            break
        if max(b.qty, b.price, b.amount) >= len(cells):
            complete = False
            continue
        q, p, a = cell_number(cells[b.qty]), cell_number(cells[b.price]), cell_number(cells[b.amount])
        if q is None or p is None or a is None:
            complete = complete and not any(cells[k].strip() for k in (b.qty, b.price, b.amount))
            continue
        q = _dotted_thousands(cells[b.qty].strip(), q, p * b.price_scale, a * b.amount_scale)
        q, p, a = q * count, p * b.price_scale, a * b.amount_scale
        discount = (
            _line_discount(cells[b.discount], q * p, a)
            if b.discount is not None and b.discount < len(cells)
            else Decimal(0)
        )
        part = row.parts[b.amount]
        line = ItemLine(q, p, discount, a, Where(part.block, part.span), " | ".join(c for c in cells if c))
        lines.append(line)
        section.append(line)
    if lines and not out:
        out.append(ItemTable(tuple(lines), complete, None, None, ""))
    elif lines:
        out.append(ItemTable(tuple(lines), False, None, None, ""))  # the lines, each checked on its own
    return out


_MONEY_TOKEN = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{1,2}"
#: A line of a table laid out as text (PDF): …数量 [单位] 单价 金额 at its end (24 桶 2,380.00 57,120.00).
_LOOSE_LINE = re.compile(
    rf"(?:^|\s|(?<=[\u4e00-\u9fff]))(?P<q>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"(?P<unit>\s*[\u4e00-\u9fffA-Za-z²³/]{{1,4}}(?:[(（][^()（）]{{1,8}}[)）])?)?\s+"
    # a price per unit may be a whole number (62元/公斤, ¥38/kg): its unit says it is a price
    rf"(?:[¥￥]\s*)?(?P<p>{_MONEY_TOKEN}|\d+(?:\.\d+)?(?=\s*元?\s*/))"
    r"(?P<per>\s*元?\s*/\s*[\u4e00-\u9fffA-Za-z]{1,3})?\s+"
    rf"(?:[¥￥]\s*)?(?P<a>{_MONEY_TOKEN})(?![\d,.%])"
)
#: A unit of count or measure after a figure (8,000公斤, 120台): a quantity, not money.
_MEASURE_UNIT = (
    r"(?:公斤|千克|克|吨|件|个|台|套|条|米|箱|包|袋|只|张|块|瓶|桶|卷|根|片|盒|支|双|把|副|组|批|平方|立方|升"
    r"|kg|KG|pcs|PCS)"
)
#: A total the PDF ran into the last line (``1500 kg 420.00 666,000.00合计 1,467,000.00``).
_GLUED_TOTAL = re.compile(r"(?<=\d)\s*(?=(?:合计|总计)[^\d]{0,8}?(?:[¥￥]\s*)?\d)")
#: The total of a line; what follows may be the next heading run into it (合计 2,085,000.00附表 B …), never
#: more figures (the token is never cut short: 2,085 of 2,085,000.00) or a unit of ten thousand.
_LOOSE_TOTAL = re.compile(
    rf"^\s*(?:合计|总计|小计|总价|一共|总共|共计)[^\d]{{0,8}}?\s*(?:\d[\d,]*(?:\.\d+)?\s*{_MEASURE_UNIT}\s+)?"
    rf"(?:[¥￥]\s*)?(?P<a>{_MONEY_TOKEN})(?![\d]|[,.]\d)(?!\s*{_MEASURE_UNIT})\s*(?:元)?\s*"
    r"(?:$|[;；。，,(（]|(?=[\u4e00-\u9fff])(?![万亿千百]))"
)
_LOOSE_GAP = 8
#: A PDF line ending in a unit price and an amount: a row, whether or not its quantity is read.
_PRICE_AMOUNT_END = re.compile(
    rf"(?<![\d,.])(?:[¥￥]\s*)?(?:{_MONEY_TOKEN})\s+(?:[¥￥]\s*)?(?:{_MONEY_TOKEN})\s*$"
)
#: A PDF line ending in an amount with a figure before it: on a scanned page, a row whose other figures OCR
#: misread (24,000 千克 7 7.60了 182,400.00), so the lines read are not all there.
_AMOUNT_END = re.compile(r"\d\D+?(?<![\d,.])(?:[¥￥]\s*)?(?:\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})\s*$")
#: A line ending in three figures — a quantity (with its unit), a price (with 元 or 元/unit) and an amount —
#: written in a way the row reader does not take (6个 260 1,560; 1项 6800元 6,800.00元): a row not read.
_THREE_FIGURES_END = re.compile(
    r"(?<![\d,.])\d[\d,.]*\s*[\u4e00-\u9fffA-Za-z²³]{0,4}\s+(?:[¥￥]\s*)?\d[\d,.]*\s*"
    r"(?:元(?:\s*/\s*[\u4e00-\u9fffA-Za-z²³]{1,4})?)?\s+(?:[¥￥]\s*)?\d[\d,.]*\s*元?\s*$"
)
_TABLE_ROW_START = re.compile(r"\s*\|")


def _plausible(m: re.Match[str]) -> bool:
    """A row read from text, not figures an OCR or a layout ran together: a quantity written like money
    (46.00) has its unit after it, and the price and the amount are written alike (both with cents or
    neither) unless the price names its unit (62元/公斤)."""
    q, p, a = m.group("q"), m.group("p"), m.group("a")
    if re.search(r"\.\d{2}$", q) and not m.group("unit"):
        return False
    return bool(m.group("per")) or ("." in p) == ("." in a)


def _loose_end(text: str, end: int, cut: int) -> bool:
    """A row read from a PDF line ends at the line's end, at a glued total, or where the next row's name
    starts (a CJK character)."""
    rest = text[end:cut]
    # …38,400.00 3m, GB/T 11981: a spec fragment (a size with its unit letter) run in after the row
    return not rest.strip() or bool(re.match(r"\s*(?:[\u4e00-\u9fffA-Za-z]|\d+(?:\.\d+)?[A-Za-z])", rest))


def _loose_rows(text: str, cut: int) -> list[re.Match[str]]:
    """The rows (quantity, price, amount) in ``text[:cut]``, left to right, each ending where a row ends."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := _LOOSE_LINE.search(text, pos, cut)) is not None:
        if _loose_end(text, m.end("a"), cut) and _plausible(m):
            out.append(m)
            pos = m.end()
        else:
            pos = m.start("q") + 1  # 30L个 9,000 2.35 21,150.00: the row starts at 9,000
    return out


_MONEY_IN_LINE = re.compile(_MONEY_TOKEN)


def _one_group(doc: Document, i: int) -> bool:
    """True when the header line at ``i`` (and its continuation lines) names one quantity and one unit
    price: a PDF row of two groups (2027年数量 单价 2028年数量 单价 金额) cannot be bound from its text.
    Words of a section heading run into the header (``1. 产品、数量及价格序号``) are no columns."""
    parts = [doc.blocks[i].norm]
    for b in doc.blocks[i + 1 : i + 4]:
        if _MONEY_IN_LINE.search(b.norm) or _ROW_NUMBER.match(b.norm):
            break
        parts.append(b.norm)
    words = [w for w in " ".join(parts).split() if len(w) <= 16 and not re.search(r"[、,，]", w)]
    qtys = sum("数量" in w for w in words)
    head = " ".join(words)
    return qtys < 2 and not ("不含税" in head and re.search(r"(?<!不)含税", head))


_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s+[^\d\s]")
#: A PDF line opening with a unit price and an amount, the next row's name run in after them (2.80
#: 16800.00遮阳网 …): the end of a row whose quantity stands on the line(s) above (6000 平方 / 米).
_LEADING_PAIR = re.compile(
    rf"^\s*(?:[¥￥]\s*)?(?P<p>{_MONEY_TOKEN})\s+(?:[¥￥]\s*)?(?P<a>{_MONEY_TOKEN})(?![\d,.%])"
    r"(?=\s*$|\s*[\u4e00-\u9fffA-Za-z])"
)
#: The quantity ending a line above (…白色 6000 平方), its unit maybe running on to a line of its own (米).
_QTY_AT_END = re.compile(
    r"(?:^|\s)(?P<q>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*[\u4e00-\u9fffA-Za-z²³/]{0,4}\s*$"
)
_UNIT_LINE = re.compile(r"^\s*[\u4e00-\u9fffA-Za-z²³/]{1,3}\s*$")


def _row_above(doc: Document, i: int, lead: re.Match[str]) -> ItemLine | None:
    """The row whose price and amount open line ``i``, with its quantity from the end of a line just above
    (past a line holding only the unit's end): read only when quantity × price is the amount — else the row
    is not read (None)."""
    p, a = (Decimal(lead.group(k).replace(",", "")) for k in ("p", "a"))
    for j in (i - 1, i - 2):
        if j < 0:
            return None
        text = doc.blocks[j].norm
        if j == i - 1 and _UNIT_LINE.match(text):
            continue
        m = _QTY_AT_END.search(text)
        if m is None:
            return None
        q = Decimal(m.group("q").replace(",", ""))
        if q == 0 or p == 0 or quantize_cents(q * p) != a:
            return None
        joined = f"{text.strip()} {lead.group().strip()}"
        return ItemLine(q, p, Decimal(0), a, Where(i, lead.span("a")), joined)
    return None


def _loose_item_tables(doc: Document) -> list[ItemTable]:
    """Item tables laid out as lines of text (a PDF): qty, unit price and amount at the end of each line."""
    from contractkit.checks._common import block_indices_naming

    heads = [i for i in block_indices_naming(doc, ("数量",)) if _PRICE.search(doc.blocks[i].norm)]
    out: list[ItemTable] = []
    if not heads:
        return out  # no header names a quantity and a price
    header = False
    lines: list[ItemLine] = []
    since = 0
    unread = open_row = False  # a numbered row whose figures were not read: the lines are not all there
    scanned = set((doc.meta or {}).get("ocr") or ())
    for i in range(heads[0], len(doc.blocks)):
        block = doc.blocks[i]
        if block.kind == "cell" or _TABLE_ROW_START.match(block.norm):
            continue
        norm = block.norm
        if not header:
            header = "数量" in norm and ("单价" in norm or "价格" in norm) and _one_group(doc, i)
            continue
        glued = _GLUED_TOTAL.search(norm)
        cut = glued.start() if glued is not None else len(norm)
        found = _loose_rows(norm, cut)
        start_m = _ROW_NUMBER.match(norm)
        if start_m is not None and not any(m.start("q") == start_m.start(1) for m in found):
            unread = unread or open_row
            open_row = True  # a new numbered row starts here
        lead = _LEADING_PAIR.match(norm, 0, cut) if not found or found[0].start("q") > 0 else None
        if lead is not None:
            row = _row_above(doc, i, lead)
            if row is None:
                unread = True  # a row's price and amount opening the line, its quantity not read
            else:
                lines.append(row)
                since = 0
        if found or lead is not None:
            open_row = False
        elif (
            _PRICE_AMOUNT_END.search(norm, 0, cut)
            or _THREE_FIGURES_END.search(norm, 0, cut)
            or (block.location.page in scanned and _AMOUNT_END.search(norm, 0, cut))
        ) and not _LOOSE_TOTAL.match(norm):
            unread = True  # 4052ci按实际需要 支 460.00 7,360.00: a row whose quantity is no number
        for m in found:  # a PDF line may hold more than one row (pdfplumber joins cells that touch)
            q, p, a = (Decimal(m.group(k).replace(",", "")) for k in ("q", "p", "a"))
            q = _dotted_thousands(m.group("q"), q, p, a)
            if q == 0 or p == 0:
                continue
            lines.append(ItemLine(q, p, Decimal(0), a, Where(i, m.span("a")), norm.strip()))
            since = 0
        start = cut if glued is not None else 0
        m = _LOOSE_TOTAL.match(norm[start:]) if glued is not None or not found else None
        if m is not None and lines:
            stated = Decimal(m.group("a").replace(",", ""))
            span = (start + m.start("a"), start + m.end("a"))
            complete = not (unread or open_row)
            out.append(ItemTable(tuple(lines), complete, stated, Where(i, span), norm[start:].strip()))
            header, lines, since = False, [], 0
            unread = open_row = False
            continue
        if found:
            continue
        since += 1
        if since > _LOOSE_GAP:
            if lines:
                out.append(ItemTable(tuple(lines), False, None, None, ""))
            header, lines, since = False, [], 0
    if lines:
        out.append(ItemTable(tuple(lines), False, None, None, ""))
    return out


# --- amounts, total, tax, currency ---------------------------------------------------------------------

#: A clause naming one of these states the contract total.
TOTAL_WORDS = (
    "合同总价",
    "总价款",
    "合同总金额",
    "总金额",
    "合同价款",
    "合同金额",
    "合同总额",
    "总计",
    "合计",
    "总价",
    "报价总额",
    "含税总价",
    # colloquial: 三样一共28000元, 总共人民币5万元, 货款共计…
    "一共",
    "总共",
    "共计",
)
_TOTAL = re.compile("|".join(TOTAL_WORDS))
_PAY_ACT = re.compile(r"支付|(?<!方式)付款(?!方式)|付清|预付|首付|结清|质保金|质量保证金|定金|\d\s*%")
_PAIR_GAP = 14


#: What may stand between an amount and the same amount written the other way: brackets, colons, 大写/小写,
#: a currency — not another label (单价…，总价 / 其中运费 name different amounts).
_PAIR_FILLER = re.compile(
    r"[\s()（）\[\]【】:：,，、=＝]|大写|小写|金额|人民币|RMB|CNY|¥|￥|即|计|为|美元|USD|US\$|\$|"
    r"欧元|EUR|港币|港元|HKD|日元|JPY|英镑|GBP|新台币|元|圆|整"
)


def _same_amount_gap(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when only brackets, labels 大写/小写 and currency stand between the two amounts."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return not _PAIR_FILLER.sub("", _BEFORE_UPPER_LABEL.sub("", text[lo:hi]))


#: 51,690.00元；大写：…: a semicolon before the 大写 label still joins the two ways of writing one amount.
_BEFORE_UPPER_LABEL = re.compile(r"[;；]\s*(?=大写)")


_CAN_SHEN = re.compile(r"参(?=[拾佰仟万亿元圆角分])")


def upper_text(block: Block, *, traditional_only: bool = False) -> str:
    """The block's normalized text with 参 read as 叁 inside an amount in words: the Traditional 大寫 digit
    參 normalizes to 参 (``traditional_only``: only where the original has 參)."""
    norm = block.norm
    if "参" not in norm:
        return norm
    if traditional_only and "參" not in block.text:
        return norm
    return _CAN_SHEN.sub("叁", norm)


def _stated_amounts(doc: Document) -> list[StatedAmount]:
    from contractkit.checks._common import block_indices_naming
    from contractkit.facts.amounts import MONEY_MARKS

    out: list[StatedAmount] = []
    for i in block_indices_naming(doc, MONEY_MARKS):  # every amount names one of them
        block = doc.blocks[i]
        amounts = find_amounts(upper_text(block))
        if not amounts:
            continue
        for a in amounts:
            others = [b for b in amounts if b.upper != a.upper]
            near = [
                b
                for b in others
                if min(abs(b.span[0] - a.span[1]), abs(a.span[0] - b.span[1])) <= _PAIR_GAP
                and _same_amount_gap(block.norm, a.span, b.span)
            ]
            pair = None
            if near:
                b = min(near, key=lambda b: min(abs(b.span[0] - a.span[1]), abs(a.span[0] - b.span[1])))
                pair = Money(b.value, b.currency, Where(i, b.span))
            elif a.upper and not others:
                pair = _bare_figure_before(block.norm, a, i)
            out.append(StatedAmount(Money(a.value, a.currency, Where(i, a.span)), a.upper, pair))
    return out


#: A total's figure written bare just before its 大写 (a summary table a PDF ran into one line:
#: 价税合计(含税) 126,826.14 人民币壹拾贰万…): a figure with cents after a total's label, then the words.
_BARE_BEFORE_UPPER = re.compile(
    r"(?:合计|总计|总价|总额|总金额|价税合计)[^\d]{0,12}?(?P<n>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})\s*(?:元)?\s*[(（:：]?\s*$"
)


def _bare_figure_before(norm: str, upper: Amount, block: int) -> Money | None:
    """The bare figure of a total written right before the amount in words ``upper``, else None."""
    m = _BARE_BEFORE_UPPER.search(norm, max(0, upper.span[0] - 40), upper.span[0])
    if m is None:
        return None
    return Money(Decimal(m.group("n").replace(",", "")), upper.currency, Where(block, m.span("n")))


def figure_beside(doc: Document, block: int, span: tuple[int, int]) -> Money | None:
    """The amount in figures written beside ``span`` of a block (only brackets, 大写/小写 labels and a
    currency between): the ¥12,000.00 of ``人民币壹万二千元整（¥12,000.00）``; None when there is none."""
    norm = doc.blocks[block].norm
    near = [
        a
        for a in find_amounts(norm)
        if not a.upper
        and min(abs(a.span[0] - span[1]), abs(span[0] - a.span[1])) <= _PAIR_GAP
        and (a.span[1] <= span[0] or a.span[0] >= span[1])
        and _same_amount_gap(norm, span, a.span)
    ]
    if not near:
        return None
    a = min(near, key=lambda a: min(abs(a.span[0] - span[1]), abs(span[0] - a.span[1])))
    return Money(a.value, a.currency, Where(block, a.span))


#: A figure after one of these is a part or a pre-discount figure, not the contract total.
_NOT_TOTAL_BEFORE = re.compile(
    r"(?:原价|折前|优惠前|优惠|折扣|折让|税额|不含税(?:金额|价)?|其中|运费|小计"
    # a cap or a penalty (最多赔2800元, 违约金上限为5万元), not the price
    r"|最多|最高|至多|顶多|不超过|不得超过|上限|封顶|违约金|赔偿金|罚款|赔)[^，,。；;\d¥￥]{0,6}$"
)


#: A unit price before the total word of a sentence (每个18元，合计…; 单价…，合计…): an item line's subtotal.
_ITEM_PRICE = re.compile(
    r"每\s*[个件台套只吨根米箱包袋张块瓶桶卷片盒支把组副双条]\s*(?:人民币)?\s*[¥￥]?\s*\d[\d,.]*\s*元|单价"
)


def _total(doc: Document, amounts: list[StatedAmount]) -> Money | None:
    """The largest figure (else 大写) of the first sentence stating the contract total and paying nothing."""
    by_block: dict[int, list[StatedAmount]] = {}
    for a in amounts:
        by_block.setdefault(a.money.where.block, []).append(a)
    fallback: Money | None = None
    for i in sorted(by_block):
        norm = doc.blocks[i].norm
        for s, e in clause_spans(norm):
            sentence = norm[s:e]
            m = _TOTAL.search(sentence)
            if m is None:
                continue
            inside = [
                a
                for a in by_block[i]
                if s <= a.money.where.span[0] < e
                and a.money.where.span[0] > s + m.start()
                and not _NOT_TOTAL_BEFORE.search(
                    norm[max(s, a.money.where.span[0] - 12) : a.money.where.span[0]]
                )
            ]
            if not inside or _NOT_TOTAL_BEFORE.search(sentence[: m.start()]):
                continue  # 货物原价合计 / 优惠合计: not what the buyer pays
            if _PAY_ACT.search(sentence[: inside[0].money.where.span[0] - s]):
                continue  # 合同签订后支付合同总价的30%，即3万元: an installment
            figures = [a for a in inside if not a.upper] or inside
            best = max(figures, key=lambda a: a.money.value).money
            if _ITEM_PRICE.search(sentence[: m.start()]):
                fallback = fallback or best  # 共3000个，每个18元，合计54,000.00元: one item line's subtotal
                continue
            if fallback is not None and not any(a.pair is not None or a.upper for a in inside):
                return fallback
            return best  # 三样一共98,400.00元，大写…: the total written out both ways, after the item lines
    return fallback


_TREATMENT = [
    ("excluded", re.compile(r"不含税|未税|不含[^,，。;；]{0,8}税|税前价|净价")),
    ("zero_rated", re.compile(r"零税率|0%税率|免抵退")),
    ("exempt", re.compile(r"免税|免征增值税")),
    ("included", re.compile(r"含税|价税合计|税后|含[^,，。;；不]{0,10}增值税|包含[^,，。;；]{0,8}税")),
]
_OTHER_TAX = re.compile(r"印花税|所得税|附加税|关税|消费税|房产税|契税|个税|代扣")
_RATE_AFTER = re.compile(
    r"(?:增值税|税率|税点)(?:(?!发票|专票|普票)[^,，。；;%\d]){0,8}?(\d{1,2}(?:\.\d+)?)\s*[%％]"
)
_RATE_BEFORE = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*(?:增值税|税率|税点|的税)")
#: The rate an invoice is issued at: 按13%开具增值税专用发票, 货物按13%、铺装服务按9%开具增值税专用发票.
#: The invoice may name whom it is issued to first (按3%给乙方开增值税普通发票, 按1%给开普通发票).
_INVOICE_AT = (
    r"\s*(?:的)?(?:税率)?\s*(?:(?:给|向|为)\s*(?:[甲乙丙买卖供需对]方|贵司|我司|客户)?\s*)?"
    r"(?:开具|开|出具|提供)\s*(?:增值税)?(?:专用|普通)?发票"
)
_RATE_INVOICE = re.compile(
    rf"按\s*(\d{{1,2}}(?:\.\d+)?)\s*[%％](?=(?:[、，,和及与][^，,。；;%]{{0,10}}?按\s*\d{{1,2}}(?:\.\d+)?\s*[%％])*"
    rf"{_INVOICE_AT})"
)
_TAX_GATE = ("税",)
#: A rate right after 含税/税点 or counted in points (含税13%, 含税（9%）, 含13个点的税, 开6个点的专票).
_RATE_TERSE = re.compile(
    r"(?:含税|税点)\s*[（(:：]?\s*(\d{1,2}(?:\.\d+)?)\s*(?:[%％]|个点)"
    r"|(\d{1,2}(?:\.\d+)?)\s*个点\s*(?:的)?\s*(?:增值税|税|专票|普票|(?:增值税)?(?:专用|普通)?发票)"
)
#: A percent right before an invoice (30%增值税专用发票, 40%的增值税普通发票, 50%的专票) ...
_BEFORE_INVOICE = re.compile(r"\s*[%％]\s*(?:的)?\s*(?:增值税)?\s*(?:专用|普通|电子)?(?:发票|专票|普票)")
#: ... after a base of the price (合同总价30%, 货款的50%, 金额为合同总价款40%): the invoice's share of it.
_SHARE_BASE = re.compile(
    r"(?:总价|价款|总额|金额|货款|合同价|价格|款项|预付款|进度款|尾款|结算价)(?:款)?\s*(?:的|之)?\s*$"
)
#: No VAT rate was ever above this: a larger percent before an invoice is a share of the price.
_RATE_CEILING = Decimal(17)


def _invoice_share(text: str, m: re.Match[str]) -> bool:
    """True when the percent of ``m`` is the share of the price an invoice is issued for (开具合同总价30%
    增值税专用发票), not the rate it is issued at (开具16%增值税专用发票)."""
    if not _BEFORE_INVOICE.match(text, m.end(1)):
        return False
    return bool(_SHARE_BASE.search(text, 0, m.start(1))) or Decimal(m.group(1)) > _RATE_CEILING


def vat_rates(text: str) -> list[tuple[Decimal, tuple[int, int]]]:
    """The VAT rates stated in ``text`` (13%增值税, 税率为9%, 6%的税率), with the span of the number; not the
    share of the price an invoice is for (合同总价30%增值税专用发票)."""
    out: list[tuple[Decimal, tuple[int, int]]] = []
    seen: set[tuple[int, int]] = set()
    for pat in (_RATE_AFTER, _RATE_BEFORE, _RATE_INVOICE):
        for m in pat.finditer(text):
            around = text[max(0, m.start() - 12) : m.end() + 4]
            if _OTHER_TAX.search(around) or m.span(1) in seen or _invoice_share(text, m):
                continue
            seen.add(m.span(1))
            out.append((Decimal(m.group(1)), m.span(1)))
    terse = "含税" in text or "税点" in text or "个点" in text
    for m in _RATE_TERSE.finditer(text) if terse else ():
        g = 1 if m.group(1) is not None else 2
        if m.span(g) not in seen and not _OTHER_TAX.search(text[max(0, m.start() - 12) : m.end() + 4]):
            seen.add(m.span(g))
            out.append((Decimal(m.group(g)), m.span(g)))
    return sorted(out, key=lambda r: r[1])


def _tax(doc: Document) -> list[TaxFact]:
    from contractkit.checks._common import block_indices_naming

    out: list[TaxFact] = []
    for i in block_indices_naming(doc, _TAX_GATE):
        norm = doc.blocks[i].norm
        for kind, pat in _TREATMENT:
            for m in pat.finditer(norm):
                if _OTHER_TAX.search(norm[max(0, m.start() - 4) : m.end() + 4]):
                    continue
                if any(t.where.block == i and t.where.span[0] <= m.start() < t.where.span[1] for t in out):
                    continue
                out.append(TaxFact(kind, None, Where(i, m.span())))  # type: ignore[arg-type]
        for value, span in vat_rates(norm):
            out.append(TaxFact(None, value, Where(i, span)))
    out.extend(_wrapped_brackets(doc, out))
    return sorted(out, key=lambda t: (t.where.block, t.where.span))


#: A bracket a PDF line leaves open at its end (合计（含, 折后单价（含税): a header cell wrapped inside it.
_OPEN_BRACKET_END = re.compile(r"[(（][^()（）]{0,10}$")
_WRAP_PIECE_MAX = 12


def _piece_where(pieces: list[tuple[int, int, str]], lo: int, hi: int) -> Where:
    """Where offsets ``lo``–``hi`` of the joined ``pieces`` (block, start in it, text) stand: in the piece
    the start falls in."""
    at = 0
    for j, s, t in pieces:
        if lo < at + len(t):
            return Where(j, (s + lo - at, s + min(hi, at + len(t)) - at))
        at += len(t)
    j, s, t = pieces[-1]
    return Where(j, (s, s + len(t)))


def _wrapped_brackets(doc: Document, found: list[TaxFact]) -> list[TaxFact]:
    """The tax treatment and rate of a bracket a line wrap spread over short lines (合计（含 ⏎ 13%增值 ⏎
    税）, 折后单价（含税 ⏎ 13%）), read from the bracket joined; each fact where its words start."""
    out: list[TaxFact] = []
    n = len(doc.blocks)
    for i, block in enumerate(doc.blocks):
        if block.location.page is None and block.location.line is None:
            continue  # a Word paragraph holds its cell whole
        om = _OPEN_BRACKET_END.search(block.norm[-12:])
        if om is None or i + 1 >= n:
            continue
        start = len(block.norm) - len(block.norm[-12:]) + om.start()
        pieces = [(i, start, block.norm[start:])]
        for j in range(i + 1, min(n, i + 3)):
            t = doc.blocks[j].norm
            if len(t.strip()) > _WRAP_PIECE_MAX:
                break
            pieces.append((j, 0, t))
            if re.search(r"[)）]", t):
                break
        else:
            continue
        if len(pieces) < 2 or not re.search(r"[)）]", pieces[-1][2]):
            continue
        joined = "".join(t for _j, _s, t in pieces)
        if "税" not in joined:
            continue

        facts: list[TaxFact] = []
        for kind, pat in _TREATMENT:
            for m in pat.finditer(joined):
                if not any(f.where.span[0] <= m.start() < f.where.span[1] for f in facts):
                    facts.append(TaxFact(kind, None, Where(-1, m.span())))  # type: ignore[arg-type]
        facts.extend(TaxFact(None, value, Where(-1, span)) for value, span in vat_rates(joined))
        for f in facts:
            w = _piece_where(pieces, *f.where.span)
            if any(
                g.where.block == w.block and g.where.span[0] <= w.span[0] < g.where.span[1] for g in found
            ):
                continue  # read on its line already
            out.append(TaxFact(f.treatment, f.rate, w))
    return out


_EXCHANGE = re.compile(r"汇率|兑换率|折算率|牌价|中间价|exchange rate", re.IGNORECASE)
_CONVERTS = re.compile(r"折算|换算|按|以")
_EXCHANGE_RISK_ONLY = re.compile(r"汇率(?:风险|波动|变动)")
#: Payment in RMB allowed or required: 以人民币支付, 买方可以美元或人民币付款, 折合人民币支付.
_RMB_PAY = re.compile(
    r"(?:以|用|按|折合|折算为?|换算为?|或)\s*人民币[^，,。；;]{0,12}?(?:支付|付款|结算|付清|结清)"
    r"|人民币(?:支付|付款|结算)|(?:in|paid in)\s+(?:RMB|CNY)",
    re.IGNORECASE,
)


#: Words that deny a payment in RMB just before it (不涉及人民币结算, 不以人民币支付, 而非人民币,
#: 无需折算为人民币).
_RMB_DENIED = re.compile(
    r"(?:不涉及|不涉|不以|不用|不得以|不得用|不使用|不接受|不采用|不进行|不作|不做|无需|无须|不需|不必|而非|并非|非以|而不是"
    r"|不会以)\s*(?:以|用|折算为?|换算为?|折合)?\s*$"
)


def _rmb_denied(norm: str, m: re.Match[str]) -> bool:
    """True when the RMB payment ``m`` is denied (以美元计价和支付，不涉及人民币结算): payment stays in the
    foreign currency."""
    at = norm.find("人民币", m.start(), m.end())
    at = m.start() if at < 0 else at
    return _RMB_DENIED.search(norm, max(0, at - 8), at) is not None


def _currency(doc: Document, amounts: list[StatedAmount]) -> CurrencyFacts:
    from contractkit.checks._common import block_indices_naming

    foreign = tuple(a.money for a in amounts if a.money.currency != "CNY" and not a.upper)
    rmb: Where | None = None
    rule: Where | None = None
    if foreign:
        for i in block_indices_naming(doc, ("人民币", "RMB", "CNY")):
            m = next(
                (m for m in _RMB_PAY.finditer(doc.blocks[i].norm) if not _rmb_denied(doc.blocks[i].norm, m)),
                None,
            )
            if m is not None and rmb is None:
                norm = doc.blocks[i].norm
                for s, e in clause_spans(norm):
                    if s <= m.start() < e:
                        rmb = Where(i, (s, e))
                        break
        for i in block_indices_naming(doc, ("汇率", "兑换率", "折算率", "牌价", "中间价", "exchange rate")):
            norm = doc.blocks[i].norm
            for s, e in clause_spans(norm):
                sentence = norm[s:e]
                if _EXCHANGE.search(sentence) and not (
                    _EXCHANGE_RISK_ONLY.search(sentence) and not _CONVERTS.search(sentence)
                ):
                    rule = Where(i, (s, e))
                    break
            if rule is not None:
                break
    return CurrencyFacts(foreign, rmb, rule)


_DISCOUNT_WORDS = ("优惠", "折扣", "折让")


def _discounts(doc: Document) -> list[Decimal]:
    from contractkit.checks._common import clauses_naming

    out: list[Decimal] = []
    for *_, clause in clauses_naming(doc, _DISCOUNT_WORDS):
        out.extend(a.value for a in find_amounts(clause) if not a.upper)
    return out


def _pair_table_uppers(tables: list[Table], amounts: list[StatedAmount]) -> list[StatedAmount]:
    """A 大写 in a table row (合计金额（大写） | 人民币陆拾玖万陆仟元整) paired with the figure of its row
    or of the 合计 row just above it."""
    lone = {a.money.where.block: k for k, a in enumerate(amounts) if a.upper and a.pair is None}
    if not lone:
        return amounts
    out = list(amounts)
    for table in tables:
        for r, row in enumerate(table.rows):
            ks = {lone[p.block] for p in row.parts if p.block in lone and p.text}
            if not ks or not any("大写" in c or _TOTAL_ROW.search(c) for c in row.cells):
                continue
            source = row
            if not any(cell_number(c) is not None for c in row.cells) and r > 0:
                source = table.rows[r - 1]
                if not _TOTAL_ROW.search(" ".join(source.cells[:3])):
                    continue
            uppers = [out[k].money.where for k in ks]
            figures = [
                (p, cell_number(p.text))
                for p in source.parts
                if not any(p.block == w.block and p.span[0] <= w.span[0] < max(p.span[1], 1) for w in uppers)
            ]
            figures = [(p, v) for p, v in figures if v is not None]
            if not figures:
                continue
            part, value = figures[-1]
            for k in ks:
                a = out[k]
                out[k] = StatedAmount(
                    a.money, a.upper, Money(value, a.money.currency, Where(part.block, part.span))
                )
    return out


def extract(contract: Contract) -> AmountFacts:
    """The amount facts of ``contract``."""
    doc = contract.doc
    amounts = _pair_table_uppers(tables_of(contract), _stated_amounts(doc))
    tables = tuple(_item_tables(tables_of(contract)) + _loose_item_tables(doc))
    return AmountFacts(
        total=_total(doc, amounts),
        amounts=tuple(amounts),
        tax=tuple(_tax(doc)),
        currency=_currency(doc, amounts),
        item_tables=tables,
        discounts=tuple(_discounts(doc)) if tables else (),
    )
