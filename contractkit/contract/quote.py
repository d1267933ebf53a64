"""Quote facts (报价单): number, date, validity, the priced lines with their list price and discount, the
discount policy the quote states and the approvals it records.

Lines are read from tables (Word cells, ``| a | b |`` or box-drawn text rows) and, for a PDF whose table came
out as plain lines, from the rows under a header line (``序号 产品名称 … 目录单价 折扣 折后单价 金额``). A
line's discount is the sum of its stated parts (``阶梯10%+推荐5%`` = 15 %, ``九五折`` = 5 %), else what its
list and net prices imply. An approval is a role (销售经理, 销售总监) with a person, an assent or a date —
a role named in the policy sentence (``超过8%的须经销售经理和销售总监审批``) or an empty approval row is not.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from contractkit.contract.model import Where
from contractkit.contract.quote_approvals import (
    NOT_PERSON,
    PENDING,
    PERSON,
    REFUSED,
    ROLE_NAMES,
    ROLE_RE,
    ROLE_TITLES,
    ROLE_WORDS,
    TITLE_ROLE,
    Approval,
    Requirement,
    group_key,
    judge,
    policy_rows,
    roles_in,
    table_approvals,
    text_table_approvals,
)
from contractkit.contract.tables import Cell, column, tables
from contractkit.facts import find_durations
from contractkit.facts.document import has_blank, is_quote
from contractkit.numerals import parse_cn_int
from contractkit.readers.model import Block, Document

if TYPE_CHECKING:
    from contractkit.contract.model import Contract

_TITLE_ROLE = TITLE_ROLE
_ROLE_RE = ROLE_RE
_ROLE_WORDS = ROLE_WORDS
#: An approval-table cell naming the role, perhaps with the person: ``销售经理`` / ``销售经理 马俊杰``.
_ROLE_CELL = re.compile(
    rf"^(?P<role>{_ROLE_RE.pattern})\s*[:：/]?\s*(?P<name>[\u4e00-\u9fff]{{2,4}})?\s*$", re.IGNORECASE
)
__all__ = ["ROLE_NAMES", "ROLE_TITLES", "Approval", "QuoteFacts", "QuoteLine", "Requirement", "extract"]

# ---------------------------------------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Validity:
    """How long the quote is open: until a date, for a number of days, or both."""

    until: date | None
    days: int | None
    where: Where
    #: the first day of a window stated from–to (2026年12月3日至2027年1月2日), None otherwise
    start: date | None = None

    def inverted(self, quoted: date | None = None) -> bool:
        """True when the window ends before it starts, or before the quote's date: no usable validity
        (2026年12月3日至2026年11月2日 on a quote of 3 December)."""
        if self.until is None:
            return False
        return (self.start is not None and self.until < self.start) or (
            quoted is not None and self.until < quoted
        )


@dataclass(frozen=True, slots=True)
class DiscountPart:
    """One stated part of a discount: ``阶梯10%`` → label 阶梯, percent 10."""

    label: str
    percent: Decimal


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """A priced line: ``number`` is its 序号; ``discount`` the total percent off (None when none)."""

    number: int | None
    name: str
    model: str | None
    sku: str | None
    list_price: Decimal | None
    net_price: Decimal | None
    discount: Decimal | None
    parts: tuple[DiscountPart, ...]
    discount_where: Where | None
    where: Where
    group: str | None = None
    #: the rest of the row's discount basis wrapped onto the next text line (首单 5%+推荐 3% / +年末促销 4%)
    basis_tail: Where | None = None


@dataclass(frozen=True, slots=True)
class Discount:
    """A discount stated in the text outside the lines (``新客户首单优惠15%``, ``按目录价八折``); ``lines``
    are the 序号 it names (``第2行为长期合作阶梯折扣10%``), empty when it names none."""

    percent: Decimal
    label: str
    lines: tuple[int, ...]
    where: Where
    group: str | None = None


@dataclass(frozen=True, slots=True)
class PolicyTier:
    """Beyond ``above`` percent a discount needs ``roles`` (``超过5%至12%须经销售经理审批``)."""

    above: Decimal
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DiscountPolicy:
    """The policy the quote states: what a rep may give alone and who must approve more (by tier)."""

    rep_limit: Decimal | None
    approvers: tuple[str, ...]
    tiers: tuple[PolicyTier, ...]
    where: Where
    #: A volume schedule the policy grants without approval (500–1,999套 5%；5,000套及以上 12%): per entry the
    #: lowest quantity, the highest (None: and above) and the discount; the tiers then apply to a discount
    #: beyond the schedule (阶梯折扣以外的额外折扣须经…审批).
    schedule: tuple[tuple[Decimal, Decimal | None, Decimal], ...] = ()
    #: the schedule counts the whole order, not each line (按单次订货总箱数计档)
    by_order_total: bool = False

    def scheduled(self, quantity: Decimal | None) -> Decimal | None:
        """The discount the volume schedule grants at ``quantity`` (0 below its first entry); with no
        quantity known, the schedule's highest discount; None without a schedule."""
        if not self.schedule:
            return None
        if quantity is None:
            return max(p for _lo, _hi, p in self.schedule)
        return max(
            (p for lo, hi, p in self.schedule if quantity >= lo and (hi is None or quantity <= hi)),
            default=Decimal(0),
        )

    def required(self, percent: Decimal) -> tuple[str, ...]:
        """The roles a discount of ``percent`` needs: those of the highest tier it exceeds."""
        if not self.tiers:
            return self.approvers
        over = [t for t in self.tiers if percent > t.above]
        return (
            max(over, key=lambda t: t.above).roles if over else min(self.tiers, key=lambda t: t.above).roles
        )


@dataclass(frozen=True, slots=True)
class QuoteFacts:
    """The quote facts of one document (``is_quote`` False for a contract: the rest is then empty)."""

    is_quote: bool
    number: str | None
    number_where: Where | None
    date: date | None
    validity: tuple[Validity, ...]
    lines: tuple[QuoteLine, ...]
    discounts: tuple[Discount, ...]
    policy: DiscountPolicy | None
    approvals: tuple[Approval, ...]
    requirements: tuple[Requirement, ...] = ()
    #: Validity labels with no term after them (报价有效期 以我司最终确认为准): validity named, not given.
    open_validity: tuple[Where, ...] = ()

    def approved_roles(
        self, line: int | None = None, percent: Decimal | None = None, group: str | None = None
    ) -> set[str]:
        """Roles that gave their approval for ``line`` of option ``group`` (None: the quote as a whole) at
        ``percent`` or more; a pending one (事后补批) is none."""
        out: set[str] = set()
        for a in self.approvals:
            if not a.given:
                continue
            if a.lines and (line is None or line not in a.lines):
                continue
            if a.group is not None and group is not None and a.group != group:
                continue
            if a.percent is not None and percent is not None and a.percent < percent:
                continue
            out.add(a.role)
        return out

    def stated_needs(self, line: int | None = None, group: str | None = None) -> tuple[str, ...]:
        """The roles the quote itself says ``line`` (of option ``group``) needs (a 所需审批 cell)."""
        out: list[str] = []
        for r in self.requirements:
            if r.lines and line not in r.lines:
                continue
            if r.group is not None and r.group != group:
                continue
            out.extend(r.roles)
        return tuple(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------------- reading

_NUMBER = re.compile(
    r"(?:报价(?:单)?(?:编号|号码|单号|号)|quotation\s*no\.?|quote\s*no\.?)\s*[:：]?\s*([A-Za-z0-9][\w\-/]*)",
    re.I,
)
_DATE_LABEL = re.compile(r"报价日期|报价时间|quotation\s*date|date", re.I)
_VALID_WORDS = ("有效", "valid", "逾期须重新报价", "逾期需重新报价")
_VALIDITY = re.compile(
    r"有效期|(?:之?内|以内|前|止)\s*有效|有效(?:至|截止|到)|报价有效|valid(?:ity)?\b", re.IGNORECASE
)
#: A validity sentence is about the quote (not a product's shelf life or a licence term).
_VALID_SUBJECT = re.compile(
    # a proforma invoice holds for a term as a quote does (本形式发票有效期至…, this PI is valid until)
    r"报价|本价格|上述价格|以上价格|价格|本单|要约|形式发票|形式發票|offer|quot|price|(?<![A-Za-z])PI(?![A-Za-z])|pro\s?-?\s?forma",
    re.IGNORECASE,
)
_EN_DAYS = re.compile(r"(\d{1,3})\s*(?:calendar\s+|working\s+|business\s+)?(days?|months?)\b", re.I)
_BARE_VALIDITY = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]\s*|[(（]?[一二三四五六七八九十]{1,2}[)）、]\s*)?有效期(?:限)?\s*[:：为]"
)
_NOT_VALIDITY = re.compile(
    r"产品有效期|剩余有效期|证书有效期|许可证?有效期|注册证|保质期|质保|保修|合同有效期"
)
_DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?|(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
)
_PCT = r"(\d{1,2}(?:\.\d{1,2})?)\s*[%％]"
_PART = re.compile(r"(?P<label>[\u4e00-\u9fffA-Za-z]{0,8}?)\s*" + _PCT)
_ZHE = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})\s*折(?!旧|算|合|扣|让|价)")
_DISCOUNT_TEXT = re.compile(
    r"(?:优惠|折扣|折让|让利|下浮|降价|discount)[^，,。；;%\d]{0,10}?" + _PCT, re.IGNORECASE
)
#: A percent before the word: 给予8%优惠, 5%的折扣, 下浮3%… (the number first).
_DISCOUNT_AFTER = re.compile(_PCT + r"\s*(?:的)?\s*(?:优惠|折扣|折让|让利)")
#: Sentences about the policy or the approvals, not a discount given.
_POLICY_CUE = re.compile(
    r"权限|审批|批准|核准|政策|办法|制度|不超过|不得超过|不高于|以内|须经|需经|应经"
    # a threshold of the discount (超过10%的折扣), not the reason given for one (采购额超过50万元)
    r"|(?:超过|超出|高于|大于)\s*" + _PCT
)
_LIMIT = re.compile(
    r"(?:不超过|不得超过|不高于|不大于|最高|上限为?|以内为?)\s*"
    + _PCT
    + r"|"
    + _PCT
    + r"\s*(?:以内|以下|为限)"
    r"|(?:销售代表|业务员|销售人员|销售员)[^，,。；;]{0,6}?" + _PCT + r"\s*的?(?:折扣)?权限"
    r"|(?:销售代表|业务员|销售人员|销售员|销售工程师)的?(?:折扣)?权限(?:为|是|:|：)?\s*"
    + _PCT
    + r"|[≤≦]\s*"
    + _PCT
)
_REP = re.compile(r"销售代表|业务员|销售人员|销售员|销售工程师|业务代表|客户经理|sales\s*rep", re.I)
_ASSENT = re.compile(r"(?<!不)同意|批准|核准|准予|通过|已审批|签批|已签|approved?", re.I)
_PERSON = PERSON
_NOT_PERSON = NOT_PERSON
_LINE_REF = re.compile(
    r"第\s*(\d+(?:\s*[、,，和及至\-]\s*\d+)*)\s*(?:项|行|条|号|款)|序号\s*(\d+(?:\s*[、,，和及]\s*\d+)*)"
)
#: A money figure in a text row; a number after 约 or before a unit (约18,000页, 1,200 台) is a spec or a
#: quantity, not a price.
_MONEY = re.compile(
    # a unit price of a small part may run to four decimals (0.150, 0.1425 元/只)
    r"(?<![\d.,约A-Za-z\-/])(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{2,4})(?![\d%]|[.,]\d)"
    r"(?!\s?(?:页|张|件|个|台|套|支|只|箱|包|瓶|桶|卷|份|袋|块|米|吨|公斤|千克|克|升|毫升|小时|次|册|本|人|平方"
    r"|kg|km|mm|pcs|m\b))",
    re.IGNORECASE,
)
_NUM = re.compile(r"^\s*(?:[¥￥$]|RMB|USD)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?:元)?\s*$")

_NAME_COL = re.compile(r"名称|品名|产品|货物|设备|description|item", re.I)
_LIST_COL = re.compile(r"目录|标准价|原价|牌价|列表价|指导价|list", re.I)
_NET_COL = re.compile(r"折后|成交|优惠后|实际单价|报价单价|净价|net", re.I)
_PRICE_COL = re.compile(r"单价|价格|price", re.I)
_DISC_COL = re.compile(r"折扣|优惠|折让|让利|discount", re.I)
_MODEL_COL = re.compile(r"^型号|规格型号|型号规格|^model", re.I)
_SKU_COL = re.compile(r"编码|货号|物料号|SKU", re.I)
_NO_COL = re.compile(r"序号|行号|^no\.?$|^#$|项次", re.I)
_TOTAL_ROW = re.compile(r"^\s*(?:合计|总计|小计|total)", re.I)
_GROUP_COL = re.compile(r"^(?:方案|选项|备选方案|配置方案|包号|标包|标段|option)", re.I)


def _to_date(m: re.Match[str]) -> date | None:
    y, mo, d = (
        (m.group("y"), m.group("m"), m.group("d"))
        if m.group("y")
        else (m.group("iy"), m.group("im"), m.group("id"))
    )
    try:
        return date(int(y), int(mo), int(d))
    except (TypeError, ValueError):
        return None


def _money(raw: str) -> Decimal | None:
    m = _NUM.match(raw)
    return Decimal(m.group(1).replace(",", "")) if m else None


def _zhe_percent(raw: str) -> Decimal | None:
    """``85折``/``八五折`` → 15 (percent off); ``9折``/``九折`` → 10."""
    v = Decimal(raw) if raw[0].isdigit() else Decimal(parse_cn_int(raw))  # 八五 → 85, read as 8.5 below
    if v >= 10:
        v = v / 10
    if not Decimal(0) < v < Decimal(10):
        return None
    return (Decimal(10) - v) * 10


_NOT_DISCOUNT_AFTER = re.compile(r"\s*(?:的)?(?:增值税|税|预付|首付|货款|合同款|价款|质保金|尾款)")


def discount_parts(text: str) -> list[tuple[DiscountPart, tuple[int, int]]]:
    """The discount parts written in ``text`` (``阶梯10%+推荐5%``, ``特别优惠18%``, ``九五折``) with spans."""
    out: list[tuple[DiscountPart, tuple[int, int]]] = []
    for m in _PART.finditer(text):
        label = m.group("label")
        if re.search(r"税|增值|预付|首付|尾款|质保|付款|支付|保证金", label) or _NOT_DISCOUNT_AFTER.match(
            text, m.end()
        ):
            continue
        out.append((DiscountPart(label, Decimal(m.group(2))), (m.start("label"), m.end())))
    for m in _ZHE.finditer(text):
        pct = _zhe_percent(m.group(1))
        if pct is not None:
            out.append((DiscountPart("折", pct), m.span()))
    return _broken_down_once(text, _restated_once(text, out))


_BRACKET = re.compile(r"\s*[（(]([^（()）]*)[)）]")


def _broken_down_once(
    text: str, parts: list[tuple[DiscountPart, tuple[int, int]]]
) -> list[tuple[DiscountPart, tuple[int, int]]]:
    """The parts with a total followed by its breakdown in brackets (8%（首单5%+阶梯3%）, 6%（首单6%）)
    kept once: the parts inside add up to the figure before them, so that figure is their sum, not one
    more part."""
    out = list(parts)
    for k, (part, (_s, e)) in enumerate(parts):
        m = _BRACKET.match(text, e)
        if m is None:
            continue
        inside = [x for x in parts if m.start(1) <= x[1][0] and x[1][1] <= m.end(1)]
        if inside and sum((x[0].percent for x in inside), Decimal(0)) == part.percent:
            out.remove(parts[k])
    return out


#: Between a discount and the same figure restated in brackets: 八五折（15%）, 15%（八五折）, 九二折 (8%).
_RESTATING = re.compile(r"^\s*[（(]\s*$")


def _restated_once(
    text: str, parts: list[tuple[DiscountPart, tuple[int, int]]]
) -> list[tuple[DiscountPart, tuple[int, int]]]:
    """The parts with a figure restated in brackets right after the same discount (八五折（15%）) kept once:
    it is one discount in two notations, not two to add up."""
    parts = sorted(parts, key=lambda x: x[1])
    out: list[tuple[DiscountPart, tuple[int, int]]] = []
    for part, span in parts:
        if out:
            prev, pspan = out[-1]
            bare = (
                not part.label.strip("（( ")
                or not prev.label.strip("（( ")
                or "折" in (part.label, prev.label)
            )
            if (
                prev.percent == part.percent
                and bare
                and _RESTATING.match(text[pspan[1] : span[0]] + (part.label if part.label != "折" else ""))
            ):
                out[-1] = (prev, (pspan[0], max(pspan[1], span[1])))
                continue
        out.append((part, span))
    return out


def _line_numbers(text: str) -> tuple[int, ...]:
    nums: list[int] = []
    for m in _LINE_REF.finditer(text):
        raw = m.group(1) or m.group(2)
        bounds = [int(x) for x in re.findall(r"\d+", raw)]
        if re.search(r"[至\-]", raw) and len(bounds) == 2 and bounds[0] < bounds[1] <= 200:
            nums.extend(range(bounds[0], bounds[1] + 1))
        else:
            nums.extend(bounds)
    return tuple(dict.fromkeys(nums))


def _table_lines(doc: Document) -> Iterator[QuoteLine]:
    for rows in tables(doc):
        for i, row in enumerate(rows):
            head = row.texts
            nc = column(head, _NAME_COL)
            pc = column(head, _PRICE_COL)
            if nc is None or pc is None:
                continue
            lc = column(head, _LIST_COL)
            ec = column(head, _NET_COL)
            dc = column(head, _DISC_COL, exclude=_PRICE_COL)
            mc, sc, noc = column(head, _MODEL_COL), column(head, _SKU_COL), column(head, _NO_COL)
            gc = column(head, _GROUP_COL)
            group: str | None = None
            for data in rows[i + 1 :]:
                cells = data.cells
                filled = [c.text for c in cells if c.text.strip()]
                if len(filled) == 1 and group_key(filled[0]):
                    group = group_key(filled[0])  # a heading row: 方案B（标准型）
                    continue
                if gc is not None and gc < len(cells) and gc != nc and group_key(cells[gc].text):
                    group = group_key(cells[gc].text)
                if not cells or _TOTAL_ROW.match(cells[0].text) or nc >= len(cells):
                    continue
                get = functools.partial(_cell, cells)
                unit = get(pc)
                listed = _money(get(lc).text) if get(lc) else None
                net = _money(get(ec).text) if get(ec) else None
                if listed is None and unit is not None and (ec is None or pc != ec):
                    listed = _money(
                        unit.text
                    )  # beside a 折后/优惠后 column, the plain 单价 is the list price
                if listed is None and net is None:
                    continue
                dcell = get(dc)
                parts = discount_parts(dcell.text) if dcell else []
                dwhere = None
                if dcell and parts:
                    s, e = parts[0][1][0], parts[-1][1][1]
                    base = dcell.where.span[0]
                    dwhere = Where(dcell.where.block, (base + s, base + e))
                no = get(noc)
                name = cells[nc].text
                model = get(mc).text if get(mc) else None
                m = re.match(r"(.+?)[（(]型号[:：]\s*(.+?)[）)]$", name)
                if m:
                    name, model = m.group(1), m.group(2)
                yield _line(
                    int(no.text) if no and no.text.isdigit() else None,
                    name.strip(),
                    model,
                    get(sc).text if get(sc) else None,
                    listed,
                    net,
                    parts,
                    dwhere,
                    cells[nc].where if cells[nc].where.block >= 0 else cells[0].where,
                    group,
                )
            break


def _cell(cells: tuple[Cell, ...], c: int | None) -> Cell | None:
    return cells[c] if c is not None and c < len(cells) else None


def _line(
    number: int | None,
    name: str,
    model: str | None,
    sku: str | None,
    listed: Decimal | None,
    net: Decimal | None,
    parts: list[tuple[DiscountPart, tuple[int, int]]],
    dwhere: Where | None,
    where: Where,
    group: str | None = None,
) -> QuoteLine:
    stated = sum((p.percent for p, _ in parts), Decimal(0)) if parts else None
    implied = None
    if listed and net is not None and net < listed:
        implied = ((listed - net) / listed * 100).quantize(Decimal("0.01"), ROUND_HALF_UP).normalize()
    discount = stated if stated is not None else implied
    if stated is not None and implied is not None:
        if implied > stated:
            discount = implied  # the prices say more than the label: the price is what binds
        elif abs(stated + implied - 100) <= 1:
            discount = implied  # 折扣率95%: the share paid, not the share off
    return QuoteLine(
        number,
        name,
        model or None,
        sku or None,
        listed,
        net,
        discount,
        tuple(p for p, _ in parts),
        dwhere,
        where,
        group,
    )


_PDF_HEADER = re.compile(r"序号|产品名称|品名|货物名称|货物描述|商品名称|设备名称")
#: A header's lines when its cells wrap (each a piece of a cell, up to this long).
_WRAPPED_HEADER = 16
_HEADER_PIECE = 24


def _header_at(blocks: list[Block], i: int) -> bool:
    """True when a PDF table header starts at block ``i``: 序号/品名 on it, or begun on it and ended on the
    next line (No. 序 / 号 of a bilingual header whose cells wrap)."""
    text = blocks[i].norm
    if _PDF_HEADER.search(text):
        return True
    if i + 1 >= len(blocks) or blocks[i + 1].kind == "cell":
        return False
    head = text.rstrip()
    m = _PDF_HEADER.search(head + blocks[i + 1].norm.lstrip())
    return m is not None and m.start() < len(head) < m.end()


#: A row's number, then its first cell; not a quantity and its unit (2 座 86,500.00 on a wrapped line).
_ROW_START = re.compile(
    r"^\s*(\d{1,3})\s+(?!(?:台|套|座|件|个|只|支|箱|包|把|盒|吨|米|项|批|组|根|块|张|片|瓶|桶|袋|卷|辆|部|份|双|副|对|"
    r"平方米|公斤|千克|kg|pcs|m)(?:\s|$|\d))\S"
)


def _plain_lines(doc: Document) -> Iterator[QuoteLine]:
    """Rows of a table that came out as text lines (a PDF): a header (on one line or spread over a few),
    then rows numbered 1, 2, 3 …; a row may run on over many lines until it holds as many money figures as
    the header has price columns."""
    blocks = doc.blocks
    n = len(blocks)
    i = 0
    while i < n:
        if blocks[i].kind == "cell" or not _header_at(blocks, i):
            i += 1
            continue
        # the header runs until the row numbered 1
        h = i
        # (a bilingual header whose cells wrap, List price 目录 / 价(RMB), runs over more, short, lines)
        while (
            h + 1 < n
            and (h - i < 8 or (h - i < _WRAPPED_HEADER and len(blocks[h + 1].norm) <= _HEADER_PIECE))
            and not _row_start(blocks[h + 1].norm, 1)
        ):
            h += 1
        head = " ".join(b.norm for b in blocks[i : h + 1])
        if not (_PRICE_COL.search(head) or _LIST_COL.search(head) or _NET_COL.search(head)) or h + 1 >= n:
            i += 1
            continue
        has_disc = _DISC_COL.search(head.replace("折后", "")) is not None
        has_net = _NET_COL.search(head) is not None
        # a bilingual header names each column twice (List price 目录价): the columns of one language
        found = _MONEY_COL.findall(head)
        latin = sum(1 for w in found if w.isascii())
        wanted = max(2, max(latin, len(found) - latin) if latin and latin < len(found) else len(found))
        group = _heading_group(blocks[h].norm) if h > i else None  # 方案A（基础型） above row 1
        j, number = h + 1, 1
        while j < n:
            if not _row_start(blocks[j].norm, number):
                # an option's heading or subtotal between rows: 方案B（标准型） / 方案A小计 35,530.00
                g = _heading_group(blocks[j].norm) or (
                    group_key(blocks[j].norm) if _SUBTOTAL.search(blocks[j].norm) else None
                )
                if g is None and number > 1 and (nxt := _after_wrap(blocks, j, number)) is not None:
                    j = nxt  # the row before's last cell wrapped onto a line of its own (…《牙科治 / 疗机》)
                    continue
                if g is None or j + 1 >= n:
                    break
                if not _SUBTOTAL.search(blocks[j].norm):
                    group = g
                j += 1
                if _row_start(blocks[j].norm, 1):
                    number = 1  # numbering restarts in each option
                continue
            last = j
            while (
                last + 1 < n and last - j < 20 and len(_MONEY.findall(_joined(blocks, j, last)[0])) < wanted
            ):
                nxt = blocks[last + 1].norm
                if _row_start(nxt, number + 1) or _TOTAL_ROW.match(nxt) or _heading_group(nxt):
                    break
                last += 1
            line = _plain_row(blocks, j, last, number, has_disc, has_net, group)
            if line is not None:
                yield line
            j, number = last + 1, number + 1
        i = max(j, i + 1)


_MONEY_COL = re.compile(
    r"单价|金额|总价|小计|价格|目录价|折后价|成交价|标准价|原价|牌价|净价|price|amount", re.I
)
_WRAP_MAX = 3


def _after_wrap(blocks: list[Block], j: int, number: int) -> int | None:
    """The index of the line starting row ``number`` when the lines from ``j`` up to it only carry on the
    row before (no figure, no total, no option heading), else None."""
    for k in range(j, min(len(blocks), j + _WRAP_MAX + 1)):
        norm = blocks[k].norm
        if _row_start(norm, number):
            return k if k > j else None
        if blocks[k].kind == "cell" or _MONEY.search(norm) or _TOTAL_ROW.match(norm) or _heading_group(norm):
            return None
    return None


_SUBTOTAL = re.compile(r"小计|合计|subtotal", re.I)


def _heading_group(text: str) -> str | None:
    """The option a heading line opens (``方案B（标准型）``, ``选项二：进口配置``): an option named and no
    figure."""
    if len(text) > 40 or _MONEY.search(text) or _SUBTOTAL.search(text):
        return None
    g = group_key(text)
    return g if g is not None and _GROUP_HEAD.match(text) else None


_GROUP_HEAD = re.compile(
    r"^\s*(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?:方案|选项|备选|配置|option|第|包|标段)", re.I
)


def _joined(blocks: list[Block], first: int, last: int) -> tuple[str, list[int]]:
    """The rows' text joined by spaces and where each block starts in it."""
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for k in range(first, last + 1):
        starts.append(pos)
        parts.append(blocks[k].norm)
        pos += len(blocks[k].norm) + 1
    return " ".join(parts), starts


def _row_start(text: str, number: int) -> bool:
    m = _ROW_START.match(text)
    return m is not None and int(m.group(1)) == number


def _plain_row(
    blocks: list[Block],
    first: int,
    last: int,
    number: int,
    has_disc: bool,
    has_net: bool,
    group: str | None = None,
) -> QuoteLine | None:
    lt, starts = _joined(blocks, first, last)
    monies = list(_MONEY.finditer(lt))
    if len(monies) < 2:
        return None
    words = blocks[first].norm.split()
    name = words[1] if len(words) > 1 else ""
    # the list price is the figure just before the discount cell and the net price the one just after it
    # (目录单价 | 折扣 | 折后单价); a quantity written like money (180,000 米) may come first
    k = _discount_pair(lt, monies) if has_disc else 0
    listed = Decimal(monies[k].group(1).replace(",", ""))
    net = None
    if (has_disc or has_net) and (len(monies) >= k + 3 or has_net) and k + 1 < len(monies):
        net = Decimal(monies[k + 1].group(1).replace(",", ""))
    parts: list[tuple[DiscountPart, tuple[int, int]]] = []
    dwhere = None
    if has_disc:
        a, b = monies[k].end(), monies[k + 1].start()
        parts = [(p, (a + s, a + e)) for p, (s, e) in discount_parts(lt[a:b])]
        if parts:
            s0 = parts[0][1][0]
            s0 += len(lt[s0:]) - len(lt[s0:].lstrip())
            k = max(x for x in range(len(starts)) if starts[x] <= s0)
            block = first + k
            e0 = min(parts[-1][1][1], starts[k] + len(blocks[block].norm))
            dwhere = Where(block, (s0 - starts[k], e0 - starts[k]))
    line = _line(
        number,
        name,
        None,
        None,
        listed,
        net,
        parts,
        dwhere,
        Where(first, (0, len(blocks[first].text))),
        group,
    )
    tail = _wrapped_basis(blocks, last, lt[monies[-1].end() :])
    return dataclasses.replace(line, basis_tail=tail) if tail is not None else line


#: A row's discount basis ending in a part (首单 5%+推荐 3%) and the next text line going on with more
#: (+年末促销 4%…): the basis cell wrapped.
_BASIS_END = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,8}\s*\d{1,2}(?:\.\d{1,2})?\s*[%％]\s*$")
_BASIS_GOES_ON = re.compile(
    r"^\s*[+＋]\s*[\u4e00-\u9fffA-Za-z]{1,8}\s*\d{1,2}(?:\.\d{1,2})?\s*[%％]"
    r"(?:\s*[+＋]\s*[\u4e00-\u9fffA-Za-z]{1,8}\s*\d{1,2}(?:\.\d{1,2})?\s*[%％])*"
)


def _wrapped_basis(blocks: list[Block], last: int, tail: str) -> Where | None:
    if last + 1 >= len(blocks) or not _BASIS_END.search(tail):
        return None
    m = _BASIS_GOES_ON.match(blocks[last + 1].norm)
    return Where(last + 1, (m.start(), m.end())) if m else None


#: Between the list and the net price of a text row there is only the discount cell (阶梯10%+推荐5%, 九五折).
_DISCOUNT_CELL_MAX = 24


def _discount_pair(text: str, monies: list[re.Match[str]]) -> int:
    """The index of the money figure that opens the row's discount cell: the first pair of neighbouring
    figures with a discount written between them (0 when none has)."""
    for k in range(len(monies) - 1):
        between = text[monies[k].end() : monies[k + 1].start()]
        if len(between.strip()) <= _DISCOUNT_CELL_MAX and discount_parts(between):
            return k
    return 0


def _lines(doc: Document) -> tuple[QuoteLine, ...]:
    if doc.deal is not None:
        return tuple(_deal_lines(doc))
    found = list(_table_lines(doc))
    if not found:
        found = list(_plain_lines(doc))
    return tuple(found)


def _deal_lines(doc: Document) -> Iterator[QuoteLine]:
    deal = doc.deal or {}
    for n, it in enumerate(deal.get("items") or [], 1):
        if not isinstance(it, dict) or not it.get("name") or it.get("unit_price") is None:
            continue
        name = str(it["name"])
        idx = next((i for i, b in enumerate(doc.blocks) if b.norm.startswith(name)), None)
        where = Where(idx, (0, len(doc.blocks[idx].text))) if idx is not None else Where(0, (0, 0))
        yield QuoteLine(
            n,
            name,
            it.get("model"),
            it.get("sku"),
            Decimal(str(it["unit_price"])),
            None,
            None,
            (),
            None,
            where,
        )


def _deal_discounts(doc: Document) -> tuple[Discount, ...]:
    deal = doc.deal or {}
    total = sum(
        (
            Decimal(str(d.get("percent")))
            for d in deal.get("discounts") or []
            if isinstance(d, dict) and d.get("percent") is not None
        ),
        Decimal(0),
    )
    if not total:
        return ()
    idx = next((i for i, b in enumerate(doc.blocks) if "优惠" in b.norm and "%" in b.norm), 0)
    text = doc.blocks[idx].text if doc.blocks else ""
    return (Discount(total, "deal", (), Where(idx, (0, len(text)))),)


def _sentences(doc: Document, words: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """``(block, start, sentence)`` for the sentences (split on 。；) naming one of ``words``."""
    for i, b in enumerate(doc.blocks):
        t = b.norm
        if not any(w in t for w in words):
            continue
        for m in re.finditer(r"[^。；;\n]+[。；;]?", t):
            if any(w in m.group() for w in words):
                yield i, m.start(), m.group()


def _term_of(text: str) -> tuple[date | None, int | None]:
    """The end date and the length in days a validity text states (None for what it does not state)."""
    until = None
    dates = list(_DATE.finditer(text))
    for dm in dates:
        until = _to_date(dm)
    days = None
    for d in find_durations(text):
        if any(dm.start() <= d.span[0] < dm.end() for dm in dates):
            continue  # the 17日 of 2026年6月17日
        if d.unit in ("day", "working_day"):
            days = int(d.value)
        elif d.unit == "month":
            days = int(d.value * 30)
    em = _EN_DAYS.search(text) if days is None else None
    if em:
        days = int(em.group(1)) * (30 if em.group(2).lower().startswith("month") else 1)
    return until, days


def _start_of(text: str) -> date | None:
    """The first date of a validity window written from–to (自2026年12月3日至2027年1月2日), else None."""
    dates = list(_DATE.finditer(text))
    if len(dates) < 2 or not re.search(
        r"至|到|[-–—~～]|until|to\b", text[dates[0].end() : dates[-1].start()]
    ):
        return None
    return _to_date(dates[0])


_VALIDITY_LABEL = re.compile(r"(?:报价)?有效期(?:限)?|validity\b")
_VALIDITY_KEY = re.compile(
    r"^\s*(?:报价)?有效期(?:限)?\s*[:：]?\s*(?:(?:valid\s+(?:until|through|till)|validity)\s*[:：]?\s*)?$"
    r"|^\s*(?:validity|valid\s+(?:until|through|till))\s*[:：]?\s*(?:(?:报价)?有效期(?:限)?\s*[:：]?\s*)?$",
    re.I,
)
#: The English half of a bilingual label on a line of its own (Valid until, Validity:).
_EN_VALIDITY_LABEL = re.compile(r"^\s*(?:validity|valid\s+(?:until|through|till|for))\s*[:：]?\s*$", re.I)
#: How far below its label a validity value may stand (the label's other language, then the value).
_VALUE_LINES = 3


def _value_below(doc: Document, i: int) -> Validity | None:
    """The validity whose label is block ``i`` alone (a form cell a PDF reads as lines of its own): the
    date or length that opens one of the next lines, past the label's other language (Valid until)."""
    seen = 0
    for j in range(i + 1, min(len(doc.blocks), i + 1 + _VALUE_LINES + 2)):
        text = doc.blocks[j].norm.strip()
        if not text:
            continue
        if _EN_VALIDITY_LABEL.match(text):
            continue
        seen += 1
        if seen > _VALUE_LINES - 1:
            return None
        head = re.split(r"[。；;]", text, maxsplit=1)[0][:30]
        dm = _DATE.search(head)
        if dm is not None and dm.start() <= 2:
            until, days = _term_of(head[: dm.end()])
            return Validity(until, days, Where(j, (0, len(doc.blocks[j].norm.rstrip()))))
        until, days = _term_of(head[:20])
        if days is not None and re.match(r"^\s*(?:自|从|报价)?[^，,。；;]{0,10}?\d", head):
            return Validity(until, days, Where(j, (0, len(doc.blocks[j].norm.rstrip()))))
        return None
    return None


def _open_validity(doc: Document) -> tuple[Where, ...]:
    """The validity labels whose value states no term (报价有效期 以我司最终确认为准 / 有效期：另行通知), each
    with the words after the label up to the end of its field (the next label of a form line)."""
    out: list[Where] = []
    for i, s, sent in _sentences(doc, ("有效期",)):
        low = sent.lower()
        for lab in _VALIDITY_LABEL.finditer(low):
            if _NOT_VALIDITY.search(sent[max(0, lab.start() - 4) : lab.end()]) or has_blank(sent):
                continue
            value = sent[lab.end() :]
            cut = _FIELD_END.search(value)
            value = value[: cut.start()] if cut else value
            if len(value.strip(" :：为是")) < 2 or _term_of(value) != (None, None):
                continue
            start = s + lab.end() + (len(value) - len(value.lstrip(" :：为是")))
            out.append(Where(i, (start, s + lab.end() + len(value.rstrip()))))
    return tuple(out)


#: Where the value of a form field ends: a sentence end or the next field's label (序号, 联系人, 报价日期).
_FIELD_END = re.compile(r"[。；;\n]|序号|联系人|报价日期|报价人|客户名称|电话|地址|\s{2,}")


def _validity(doc: Document) -> tuple[Validity, ...]:
    out: list[Validity] = []
    deal = doc.deal or {}
    if deal.get("valid_until"):
        try:
            until = date.fromisoformat(str(deal["valid_until"]))
        except ValueError:
            until = None
        out.append(Validity(until, None, Where(0, (0, 0))))
    for i, s, sent in _sentences(doc, _VALID_WORDS):
        low = sent.lower()
        m = _VALIDITY.search(low) or re.search(r"逾期[须需]重新报价|有效", sent)
        # 报价有效期 names the quote's own term: a warranty or shelf life elsewhere in a form line
        # flattened into one sentence (…质保 3 个月报价有效期 本报价有效期至…) is another field
        own = m is not None and m.group().startswith("报价")
        if not m or (not own and _NOT_VALIDITY.search(sent)) or has_blank(sent):
            continue
        head = doc.blocks[i].norm[:s]
        bare = _BARE_VALIDITY.match(sent) is not None  # 有效期：2026年6月30日 — in a quote, the quote's
        if not (bare or _VALID_SUBJECT.search(sent) or _VALID_SUBJECT.search(head[-20:])):
            continue
        # a label (报价有效期 …): its value follows it — on a form line the words before are other fields
        # (报价日期 2026 年 12 月 21 日 … 报价有效期 以我司最终确认为准)
        lab = _VALIDITY_LABEL.match(low, m.start())
        after = sent[lab.end() :] if lab else ""
        until, days = _term_of(after if len(after.strip(" :：为是")) >= 2 else sent)
        if until is None and days is None:
            value = _value_below(doc, i) if lab and _VALIDITY_KEY.match(doc.blocks[i].norm) else None
            if value is not None:  # 报价有效期 / Valid until / 2026 年 3 月 25 日: label and value on lines
                out.append(value)
            continue
        text = after if len(after.strip(" :：为是")) >= 2 else sent
        where = Where(i, (s + m.start(), s + len(sent.rstrip())))
        out.append(Validity(until, days, where, _start_of(text)))
    for rows in tables(doc):  # 报价有效期 | 30天
        for row in rows:
            for k, cell in enumerate(row.cells[:-1]):
                value = row.cells[k + 1]
                if not _VALIDITY_KEY.match(cell.text) or value.where.block < 0 or has_blank(value.text):
                    continue
                until, days = _term_of(value.text)
                if until is not None or days is not None:
                    out.append(Validity(until, days, value.where, _start_of(value.text)))
    return tuple(out)


_roles_in = roles_in


#: 最多给9折 / 不低于八五折: a limit written as the price share kept.
_ZHE_LIMIT = re.compile(
    r"(?:最多|最低|不低于|不得低于|最大)[^，,。；;]{0,4}?(\d(?:\.\d)?|[一二三四五六七八九]{1,2})\s*折"
)
_ABOVE = re.compile(r"(?<!不)(?<!得)(?:超过|超出|高于|大于)\s*" + _PCT + r"|" + _PCT + r"\s*以上")
_NEEDS = re.compile(
    r"须经|需经|应经|须由|需由|应由|报请|报经|审批|批准|核准|签批|加签|会签"
    r"|[须需应]\s*(?:另|再|还|并|同时|亦|另行)\s*(?:经|由|报|获)"
)
#: A threshold written as the share of the price kept (折扣低于90%须经销售总监审批: a price below 90 % of
#: the standard one, a discount above 10 %); a share of half or less is no price share (低于5%).
_BELOW_SHARE = re.compile(r"(?<!不)(?<!得)低于\s*(?:标准价|目录价|原价|牌价)?(?:的)?\s*" + _PCT)


def _threshold(piece: str) -> tuple[int, Decimal] | None:
    """Where the first threshold of ``piece`` stands and the discount it is above (超过10% / 低于90%: 10)."""
    am = _ABOVE.search(piece)
    bm = next((m for m in _BELOW_SHARE.finditer(piece) if Decimal(m.group(1)) > 50), None)
    if bm is not None and (am is None or bm.start() < am.start()):
        return bm.start(), 100 - Decimal(bm.group(1))
    if am is not None:
        return am.start(), next(Decimal(g) for g in am.groups() if g)
    return None


def _threshold_starts(sent: str) -> list[int]:
    """Where each threshold of ``sent`` starts (超过…, …以上, 低于 a price share)."""
    starts = [m.start() for m in _ABOVE.finditer(sent)]
    starts += [m.start() for m in _BELOW_SHARE.finditer(sent) if Decimal(m.group(1)) > 50]
    return sorted(starts)


def _policy(doc: Document) -> DiscountPolicy | None:
    """The stated policy: the rep's limit and, per tier, the roles that must approve."""
    limit: Decimal | None = None
    tiers: list[PolicyTier] = []
    first: Where | None = None
    for i, s, sent in _sentences(doc, _POLICY_WORDS):
        if not (_REP.search(sent) or _POLICY_GATE.search(sent)):
            continue
        if _LINE_REF.search(sent) and not re.search(r"权限|不超过|可给予", sent):
            continue  # a statement about one line, not the policy
        found = False
        lm = _LIMIT.search(sent)
        zm = _ZHE_LIMIT.search(sent)
        if (lm or zm) and limit is None and (_REP.search(sent) or re.search(r"权限|可给予|自行", sent)):
            limit = next(Decimal(g) for g in lm.groups() if g) if lm else _zhe_percent(zm.group(1))
            found = limit is not None
        for piece in _tier_pieces(sent):
            roles = _roles_in(piece)
            th = _threshold(piece) if roles else None
            if roles and _NEEDS.search(piece) and (_is_policy_text(piece) or th is not None):
                lower = th[1] if th is not None else (limit or Decimal(0))
                below = [t for t in tiers if t.above < lower]
                if below and _FURTHER.search(piece):
                    # 超过10%的须另经销售总监批准 / 再经销售总监加签: in addition to the tier below
                    roles = tuple(dict.fromkeys(max(below, key=lambda t: t.above).roles + roles))
                tiers.append(PolicyTier(lower, roles))
                found = True
        if found and first is None:
            first = Where(i, (s, s + len(sent)))
    ladder = _authority_ladder(doc)
    if ladder is not None:
        tiers.extend(ladder[0])
        first = first or ladder[1]
    for rows in tables(doc):  # 折扣幅度 | 审批权限
        read = policy_rows(rows)
        if read is None:
            continue
        t_limit, t_tiers, where = read
        limit = limit if limit is not None else t_limit
        tiers.extend(PolicyTier(above, roles) for above, roles in t_tiers)
        first = first or where
    if first is None:
        return None
    tiers = list(dict.fromkeys(tiers))
    approvers = tuple(dict.fromkeys(r for t in tiers for r in t.roles))
    schedule, by_total = _volume_schedule(doc)
    if schedule and limit is None and all(t.above == 0 for t in tiers):
        limit = Decimal(0)  # only the schedule is given freely: beyond it, the tiers
    return DiscountPolicy(limit, approvers, tuple(tiers), first, schedule, by_total)


_QTY = r"(\d{1,3}(?:,\d{3})+|\d+)"
#: One entry of a volume discount schedule: 500–1,999 套 5% / 2000至4999件：8% / 5,000 套及以上 12%.
_VOLUME_ENTRY = re.compile(
    _QTY + r"\s*(?:[-–—~～至到]\s*" + _QTY + r"|(?:[\u4e00-\u9fff]{1,2})?\s*(?:及以上|以上|起))\s*"
    r"(?:[\u4e00-\u9fff]{1,2})?\s*(?:及以上|以上)?\s*[:：]?\s*" + _PCT
)
#: An entry stated as a threshold: 满100箱享9.5折 / 满300件优惠8% / 订货满50台打九折 / 每单满200箱给予5%.
_VOLUME_STEP = re.compile(
    r"满\s*" + _QTY + r"\s*[\u4e00-\u9fff]{0,2}?\s*(?:及以上|以上)?\s*(?:的|时|者)?\s*[,，]?\s*"
    r"(?:即可|可|即)?(?:享受|享有|享|给予|优惠|打|按)\s*"
    r"(?:(\d{1,2}(?:\.\d)?|[一二三四五六七八九]{1,2})\s*折|" + _PCT + ")"
)
_VOLUME_CUE = re.compile(r"阶梯|批量|数量|订购量|采购量|订货量|订货|满")
#: The schedule counts the whole order (按单次订货总箱数计档, 按整单合计数量计), not each line.
_ORDER_TOTAL = re.compile(
    r"按(?:单次|每次|每单|整单|订单|本单|当次)[^，,。；;）)]{0,6}?(?:总|合计|累计)[^，,。；;）)]{0,4}?(?:数量|数|量)"
)


def schedule_entries(text: str) -> int:
    """How many entries of a volume discount schedule ``text`` states (500–1,999套 5%, 满100箱享9.5折)."""
    return len(_VOLUME_ENTRY.findall(text)) + len(_VOLUME_STEP.findall(text))


def _volume_schedule(doc: Document) -> tuple[tuple[tuple[Decimal, Decimal | None, Decimal], ...], bool]:
    """The volume discount schedule a policy states (two or more entries by quantity, in a block or two
    under a heading naming 阶梯/批量/数量), lowest quantity first, and whether it counts the whole order;
    ((), False) when there is none."""
    for i, b in enumerate(doc.blocks):
        entries = [(m.group(1), m.group(2), Decimal(m.group(3))) for m in _VOLUME_ENTRY.finditer(b.norm)]
        for m in _VOLUME_STEP.finditer(b.norm):
            pct = _zhe_percent(m.group(2)) if m.group(2) else Decimal(m.group(3))
            if pct is not None:
                entries.append((m.group(1), None, pct))
        if len(entries) < 2:
            continue
        context = " ".join(doc.blocks[k].norm for k in range(max(0, i - 2), i + 1))
        if not _VOLUME_CUE.search(context):
            continue
        out = []
        for lo_raw, hi_raw, pct in entries:
            lo = Decimal(lo_raw.replace(",", ""))
            hi = Decimal(hi_raw.replace(",", "")) if hi_raw else None
            out.append((lo, hi, pct))
        out.sort(key=lambda e: e[0])
        if all(out[k][2] <= out[k + 1][2] for k in range(len(out) - 1)):
            return tuple(out), _ORDER_TOTAL.search(b.norm) is not None
    return (), False


#: A role's authority stated as a ceiling (销售经理审批权限：5%以内；区域总监：10%以内).
_AUTHORITY = re.compile(
    rf"(?P<role>{ROLE_RE.pattern})(?:的)?(?:审批)?(?:权限)?\s*(?:为|是|[:：])?\s*{_PCT}\s*(?:（含）|\(含\))?\s*(?:以内|以下|之内)",
    re.IGNORECASE,
)


#: A tier that adds an approver to the one below it (须另经, 再经…加签, 还须, 并经).
_FURTHER = re.compile(
    r"另经|另需|另须|另由|另行报|再经|再由|再报|加签|会签|还须|还需|还应|并经|并须|亦须|同时经"
)


def _authority_ladder(doc: Document) -> tuple[list[PolicyTier], Where] | None:
    """Tiers from a block stating two or more roles' authorities as ceilings (销售经理审批权限：5%以内；
    区域总监：10%以内): beyond the ceiling below it, a discount needs the role whose ceiling it is within."""
    for i, s, _sent in _sentences(doc, ("权限",)):
        norm = doc.blocks[i].norm
        found = [(Decimal(m.group(2)), roles_in(m.group("role")), m) for m in _AUTHORITY.finditer(norm, s)]
        found = [(pct, roles, m) for pct, roles, m in found if roles]
        if len(found) < 2:
            continue
        found.sort(key=lambda x: x[0])
        tiers = [
            PolicyTier(found[k - 1][0] if k else Decimal(0), roles)
            for k, (_pct, roles, _m) in enumerate(found)
        ]
        return tiers, Where(i, (found[0][2].start(), max(m.end() for *_x, m in found)))
    return None


def _tier_pieces(sent: str) -> list[str]:
    """A policy sentence cut before each threshold it names (``超过5%…须销售经理批准，超过10%须…``)."""
    starts = _threshold_starts(sent)
    if not starts:
        return [sent]
    lead = sent[: starts[0]]
    if not (_roles_in(lead) and _PCT_ANY.search(lead)):
        if len(starts) < 2:
            return [sent]
        starts[0] = 0  # 折扣超过5%的须经…: the words before the first threshold are its subject
    else:
        starts.insert(0, 0)  # 5%以内由销售经理审批，5%以上至10%由区域总监审批: the lowest tier stands alone
    return [sent[a:b] for a, b in zip(starts, [*starts[1:], len(sent)], strict=True)]


_PCT_ANY = re.compile(_PCT)


_POLICY_WORDS = (
    "折扣", "优惠", "让利", "discount", "审批", "批准", "核准", "签批", "权限",
    "加签", "会签", "另经", "再经",
)  # fmt: skip
_POLICY_GATE = re.compile(
    r"权限|须经|需经|应经|审批|批准|核准|可给予|[须需应]\s*(?:由|报)?\s*(?:销售|营销)|加签|会签"
    r"|[须需应]\s*(?:另|再|还|并|同时|亦)\s*(?:经|由|报)"
)


def _is_policy_text(text: str) -> bool:
    return (
        re.search(
            r"须经|需经|应经|须由|需由|应由|须报|需报|应报|须获|需获|应获|须取得|需取得|必须|应当|方可|才能|报请|报经"
            # a further approver the policy adds: 超过10%的须另经销售总监书面批准, 还需报总经理
            r"|[须需应]\s*(?:另|再|还|并|同时|亦|另行)\s*(?:经|由|报|获)|另经|再经|还须|还需"
            r"|依据|按照.{0,12}(?:办法|制度)|[须需应]\s*(?:销售|营销)",
            text,
        )
        is not None
    )


def _approvals(doc: Document) -> tuple[tuple[Approval, ...], tuple[Requirement, ...]]:
    """The approvals the quote records (given or pending) and the approvals it says it needs."""
    out: list[Approval] = []
    needs: list[Requirement] = []
    deal = doc.deal or {}
    for a in deal.get("approvals") or []:
        if isinstance(a, dict) and a.get("role") and a.get("name"):
            out.append(Approval(str(a["role"]), str(a["name"]), (), None, None))
    seen_rows: set[int] = set()
    for rows in tables(doc):
        read = table_approvals(rows)
        if read is not None:
            out.extend(read[0])
            needs.extend(read[1])
            seen_rows |= read[2]
            continue
        for row in rows:
            texts = row.texts
            roles = [(k, _ROLE_CELL.match(t.strip())) for k, t in enumerate(texts)]
            hits = [(k, m) for k, m in roles if m]
            if len(hits) != 1:
                continue
            k, m = hits[0]
            own = m.group("name") or ""  # 销售经理 马俊杰 in one cell
            rest = [own] if own else []
            rest += [t for j, t in enumerate(texts) if j != k and t.strip()]
            joined = " ".join(rest)
            name = next(
                (t for t in rest if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t) and not _NOT_PERSON.search(t)),
                None,
            )
            if not (name or _ASSENT.search(joined) or _DATE.search(joined)):
                continue
            if REFUSED.search(joined):
                continue
            role = _TITLE_ROLE[m.group("role").lower()]
            lines = _line_numbers(joined)
            if (
                not lines
                and k > 0
                and re.fullmatch(r"\d{1,3}", texts[0].strip())
                and _NO_COL.search(" ".join(rows[0].texts))
            ):
                lines = (int(texts[0]),)  # a 行号 column
            pending = PENDING.search(joined)
            out.append(
                Approval(
                    role,
                    name,
                    lines,
                    _percent(joined),
                    row.cells[k].where,
                    group_key(joined),
                    pending is None,
                    pending.group() if pending else None,
                )
            )
            seen_rows.add(row.cells[k].where.block)
    listed, read = text_table_approvals(
        [(i, b.norm) for i, b in enumerate(doc.blocks) if b.kind != "cell" and i not in seen_rows]
    )
    out.extend(listed)
    seen_rows |= read
    for i, b in enumerate(doc.blocks):
        t = b.norm
        if i in seen_rows or b.kind == "cell" or not any(w in t for w in _ROLE_WORDS):
            continue
        own = len(t)
        # a sentence wrapped onto the next line or page (已经销售经理赵敏（2026 / 年1月21日）和销售总监…
        # 共同审批同意): its rest, read with it; the roles there are read in their own block
        ext = t + _continuation(doc, i, seen_rows)
        matches = list(_ROLE_RE.finditer(ext))
        segs = []
        for n, m in enumerate(matches):
            end = matches[n + 1].start() if n + 1 < len(matches) else len(ext)
            seg = ext[m.end() : end]
            cut = re.search(r"[。；;]", seg)
            seg = seg[: cut.start()] if cut else seg
            if m.start() < own < m.end() + len(seg) and not _VIA.search(
                ext[max(0, m.start() - 12) : m.start()]
            ):
                seg = seg[: max(0, own - m.end())]  # only an approval announced (已经/经/由…) runs on
            segs.append(seg)
        t = ext
        for n, m in enumerate(matches):
            if m.start() >= own:
                break
            seg = segs[n]
            if _LISTED.match(_PAREN.sub("", seg)) and n + 1 < len(segs) and _ASSENT.search(segs[n + 1]):
                seg += segs[n + 1]  # 经销售经理彭晓燕、销售总监叶国栋审批同意: one assent for both
            before = t[max(0, m.start() - 12) : m.start()]
            sentence_start = max(t.rfind(c, 0, m.start()) for c in "。；;") + 1
            if _is_policy_text(t[sentence_start : m.start()]) or _is_policy_text(before):
                continue
            if REFUSED.search(seg):
                continue
            role = _TITLE_ROLE[m.group().lower()]
            verdict, note, others = judge(role, seg)
            awaited = _AWAITED.search(before)
            pm = _PERSON.match(seg)
            name = pm.group(1) if pm and not _NOT_PERSON.search(pm.group(1)) else None
            signed = (
                name is not None
                and (
                    _DATE.search(seg)
                    or re.search(r"审核|审批|批准|签字|签名", before)
                    # fields of an approval record: 销售经理审批：张晓楠 / 审批：销售经理 张晓楠 …
                    or _SIGNED_FIELD.match(seg)
                    or re.search(r"审核|审批|批准|签批", t[sentence_start : m.start()])
                )
            )
            # 已经销售经理审批 / 已由销售总监批准: the approval is given, named or not
            done = _DONE_BEFORE.search(before) is not None and _DONE_VERB.match(seg) is not None
            if name is None and _BLANK_APPROVAL.match(seg) and not _is_policy_text(t[sentence_start:]):
                # 销售总监审批：／ — the role's approval field left blank: recorded as not given, cited there
                where = Where(i, (m.start(), min(own, m.end() + len(seg.rstrip()))))
                lines = _line_numbers(t[sentence_start : m.start()]) or _row_number(doc, i)
                out.append(Approval(role, None, lines, None, where, None, False, "审批栏空白"))
                continue
            if not (_ASSENT.search(seg) or signed or done or verdict is False or awaited):
                continue
            if name is None and re.search(
                r"超过|超出|权限|政策|不超过", t[sentence_start : m.end() + len(seg)]
            ):
                continue  # a rule about approvals, not one given
            # the lines its own words name, else those its sentence names before the first role (第2项8%折扣
            # 审批：销售经理…同意，销售总监审批待补), else the row it stands in
            first_role = next(x.start() for x in matches if x.start() >= sentence_start)
            lines = _line_numbers(seg) or _line_numbers(t[sentence_start:first_role]) or _row_number(doc, i)
            group = group_key(t[sentence_start : m.end() + len(seg)])
            where = Where(i, (m.start(), min(own, m.end() + len(seg))))
            given = verdict is not False and awaited is None
            out.append(
                Approval(
                    role,
                    name,
                    lines,
                    _percent(seg),
                    where,
                    group,
                    given,
                    note or (awaited and awaited.group()),
                )
            )
            out.extend(Approval(r, None, lines, _percent(seg), where, group, False, nt) for r, nt in others)
    return tuple(out), tuple(needs)


#: A role's approval field (审批：, 审核：, 签批：) before the approver's name.
_SIGNED_FIELD = re.compile(r"^\s*(?:审批|审核|批准|签批|签字|签名)(?:人|签字)?\s*[:：]")
#: A role's approval field with nothing in it (销售总监审批：／, 审批人：—, 签字：___).
_BLANK_APPROVAL = re.compile(
    r"^\s*(?:审批|审核|批准|签批|签字|签名|审批人|审批签字|意见)\s*[:：]\s*[／/—\-－_＿\s无空]*\s*[。；;,，]?\s*$"
)
_SENTENCE_END = ("。", "；", ";", "！", "？", "!", "?")
#: Words before a role that announce its approval (已经销售经理…审批同意, 经销售经理…批准, 由…签批).
_VIA = re.compile(r"(?:已经|已由|业经|经|由)\s*$")


def _continuation(doc: Document, i: int, skip: set[int]) -> str:
    """The rest of block ``i``'s last sentence when the block breaks it off (a wrapped line, a page break):
    the next one or two line blocks up to their first sentence end; "" when block ``i`` ends a sentence."""
    if doc.blocks[i].norm.rstrip().endswith(_SENTENCE_END):
        return ""
    out = ""
    for k in range(i + 1, min(len(doc.blocks), i + 3)):
        b = doc.blocks[k]
        if b.kind == "cell" or k in skip:
            break
        cut = re.search(r"[。；;]", b.norm)
        if cut:
            return out + b.norm[: cut.end()]
        out += b.norm
    return out


#: Words before a role that say its approval has been given (已经销售经理审批), with the verb after it.
_DONE_BEFORE = re.compile(r"(?:已经|已由|已获|已报经?|业经|已通过)\s*$")
_DONE_VERB = re.compile(r"\s*(?:[\u4e00-\u9fff]{2,4}\s*)?(?:审批|批准|核准|签批|审核|同意)")
#: A bracketed note (a date, an approval number) between a person and the next role: 赵敏（1月21日）和….
_PAREN = re.compile(r"[（(][^（）()]*[）)]")
#: A role's segment that only names its person before the next role (``彭晓燕、``).
_LISTED = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,4})?\s*[、,，和及与]\s*$")
#: Words before a role that make its approval awaited, not given: 待销售总监批准, 尚需销售总监审批.
_AWAITED = re.compile(r"(?:待|尚需|尚待|还需|仍需|另需|将由|拟报|等待|需补)[^，,。；;]{0,4}$")


_ROW_NO_HEAD = re.compile(r"^\s*(?:行号|序号|项次|行次|第几项)")


def _row_number(doc: Document, i: int) -> tuple[int, ...]:
    """The line a text approval row names in its first column, under a 行号/序号 header just above."""
    m = re.match(r"^\s*(\d{1,3})\s", doc.blocks[i].norm)
    if m is None:
        return ()
    for k in range(i - 1, max(-1, i - 4), -1):
        if _ROW_NO_HEAD.match(doc.blocks[k].norm):
            return (int(m.group(1)),)
    return ()


def _percent(text: str) -> Decimal | None:
    """The discount an approval names: a percent (同意12%折扣), else a 折 (同意第1项八八折 → 12)."""
    m = re.search(_PCT, text)
    if m:
        return Decimal(m.group(1))
    z = _ZHE.search(text) if "折" in text else None
    return _zhe_percent(z.group(1)) if z else None


def _free_discounts(doc: Document, lines: tuple[QuoteLine, ...]) -> tuple[Discount, ...]:
    if doc.deal is not None:
        return _deal_discounts(doc)
    line_blocks = {ln.where.block for ln in lines} | {
        ln.discount_where.block for ln in lines if ln.discount_where
    }
    out: list[Discount] = []
    for i, s, sent in _sentences(doc, _FREE_WORDS):
        if doc.blocks[i].kind == "cell" and _in_line_table(doc, i, lines):
            if (
                i not in line_blocks
                and (rm := _TOTAL_ROW_DISCOUNT.match(sent)) is not None
                and not _row_of_lines(doc, i, lines)
            ):
                # 目录价合计 | 16,840.00 ⏎ 折扣（15%） | -2,526.00: a row under the lines taking a discount
                # off the whole quote
                where = Where(i, (s + rm.start(), s + rm.end()))
                out.append(Discount(Decimal(rm.group(1)), "折扣", (), where, group_key(sent)))
            continue
        if i in line_blocks:
            # a row's own cells never name a line: a statement run into a row's line (a PDF form's 折扣构成
            # 第 1 项 12%（阶梯 6%+首单 1%+项目特价 5%） after the last row) still states each line's discount
            for m in _LINE_PCT.finditer(sent) if "项" in sent or "行" in sent else ():
                where = Where(i, (s + m.start(), s + m.end()))
                out.append(Discount(Decimal(m.group(2)), "折扣", (int(m.group(1)),), where, group_key(sent)))
            continue
        refs = _line_numbers(sent)
        if re.search(r"不超过|不得超过|权限|可给予|须经|需经|应经|政策|办法|制度", sent):
            continue
        if _ROLE_RE.search(sent) and _ASSENT.search(sent):
            continue  # an approval record naming the discount it approves (同意第1项15%的折扣)
        item = _ITEM_NO.match(doc.blocks[i].norm) if not refs else None
        if item is not None and _MONEY.search(doc.blocks[i].norm):
            refs = (int(item.group(1) or item.group(2)),)  # 1. 收银软件：目录价…，折扣10%: item 1 of a letter
        numbers: set[int] = set()
        for m in _LINE_PCT.finditer(sent) if "项" in sent or "行" in sent else ():
            numbers.add(m.start(2))  # 第1项10%、第2项6%的折扣: a discount per line named
            where = Where(i, (s + m.start(), s + m.end()))
            out.append(Discount(Decimal(m.group(2)), "折扣", (int(m.group(1)),), where, group_key(sent)))
        granted = _GRANTED.finditer(sent) if _DISCOUNT_WORD.search(doc.blocks[i].norm) else ()
        for m in (*_DISCOUNT_TEXT.finditer(sent), *_DISCOUNT_AFTER.finditer(sent), *granted):
            if m.start(1) in numbers:
                continue
            piece = _piece_around(sent, m.start(), m.end())
            # a piece naming one line's product (本单扫描仪折扣为15%) states that line's discount
            own = refs or _named_line(piece[: piece.find(m.group(1))], lines)
            if not own and (_POLICY_CUE.search(piece) or _ROLE_RE.search(piece)):
                continue  # the policy or an approval (超过5%的折扣; 本单折扣8%，审批记录如下 is a discount)
            numbers.add(m.start(1))
            label = sent[m.start() : m.start(1)].strip() or sent[m.end(1) : m.end()].strip(" %％的")
            where = Where(i, (s + m.start(), s + m.end()))
            out.append(Discount(Decimal(m.group(1)), label, own, where, group_key(sent)))
        for m in _SUMMED.finditer(sent) if _DISCOUNT_WORD.search(sent) else ():
            # 阶梯折扣8%+年末促销4%，合计12%: the discount the parts add up to
            if m.start(1) in numbers or _POLICY_CUE.search(_piece_around(sent, m.start(), m.end())):
                continue
            numbers.add(m.start(1))
            where = Where(i, (s + m.start(), s + m.end()))
            out.append(Discount(Decimal(m.group(1)), "合计", refs, where, group_key(sent)))
        for m in _ZHE.finditer(sent):
            pct = _zhe_percent(m.group(1))
            if pct is not None:
                out.append(Discount(pct, "折", refs, Where(i, (s + m.start(), s + m.end())), group_key(sent)))
    return tuple(out)


#: A share granted with no discount word beside it (本单合计40吨，给予8%。), read where the paragraph names a
#: discount; not a share of a payment, the tax or a penalty.
_GRANTED = re.compile(
    r"(?:给予|给与|享受|享有|让利|下浮)\s*"
    + _PCT
    + r"(?!\s*(?:的)?(?:增值税|税|预付|首付|货款|定金|违约金|滞纳金|利息|保证金))"
)
_DISCOUNT_WORD = re.compile(r"折扣|优惠|折让|让利")
#: The sum of a discount's parts (…+年末促销4%，合计12% / 共计优惠 10%), not a tax or a payment share.
_SUMMED = re.compile(
    r"(?:合计|共计|总计|累计|综合|总)(?:折扣|优惠|折让|让利)?(?:为|是|达)?\s*"
    + _PCT
    + r"(?!\s*(?:的)?(?:增值税|税|预付|首付|货款|定金|违约金|保证金|质保金))"
)
#: The words of a sentence that may state a discount (a grant verb: 给予8% beside a discount paragraph).
_FREE_WORDS = ("优惠", "折", "让利", "下浮", "降价", "discount", "给予", "给与", "享受", "享有")
#: A list number opening an item of a quote written as a letter: ``1.`` / ``2、`` / ``（3）``.
_ITEM_NO = re.compile(r"^\s*(?:(\d{1,3})\s*[.、．](?!\d)|[（(](\d{1,3})[)）])")
#: One line's share in a discount sentence listing several: 第1项10% / 第 2 项的折扣为 6%.
_LINE_PCT = re.compile(r"第\s*(\d{1,3})\s*(?:项|行)\s*(?:的?(?:折扣|优惠|折让)(?:为|是)?)?\s*" + _PCT)
_PIECE_END = re.compile(r"[，,:：]")


def _piece_around(sent: str, start: int, end: int) -> str:
    """The comma piece of ``sent`` holding ``start``–``end``."""
    cuts = [m.end() for m in _PIECE_END.finditer(sent, 0, start)]
    after = _PIECE_END.search(sent, end)
    return sent[cuts[-1] if cuts else 0 : after.start() if after else len(sent)]


_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _named_line(text: str, lines: tuple[QuoteLine, ...]) -> tuple[int, ...]:
    """The number of the one line whose product ``text`` names by the end of its name (扫描仪 for
    三维激光扫描仪, 软件 for 点云处理软件 — the head word a Chinese name ends with), the longest such
    ending winning; () when none does or two lines share it."""
    best: dict[int, int] = {}
    for ln in lines:
        run = _NAME_RUN.match(ln.name.strip())
        if ln.number is None or run is None:
            continue
        word = run.group()
        for k in range(len(word) - 1):  # the endings of the name, two characters at least
            if word[k:] in text:
                best[ln.number] = max(best.get(ln.number, 0), len(word) - k)
                break
    if not best:
        return ()
    top = max(best.values())
    winners = [n for n, size in best.items() if size == top]
    return (winners[0],) if len(winners) == 1 else ()


#: The label cell of a row under an item table's lines taking a share off the whole: 折扣（15%）, 优惠 8%,
#: 整单折扣15%, 减：折让5%.
_TOTAL_ROW_DISCOUNT = re.compile(
    r"^\s*(?:减\s*[:：]?\s*)?(?:整单|总价|合计|本单|特别|项目)?(?:折扣|优惠|折让|让利)(?:额|金额)?\s*"
    r"[(（]?\s*(?:-|－)?\s*" + _PCT + r"\s*[)）]?\s*$"
)


def _row_of_lines(doc: Document, i: int, lines: tuple[QuoteLine, ...]) -> bool:
    """True when cell ``i`` stands in the row of one of ``lines``."""
    loc = doc.blocks[i].location
    return any(
        (b := doc.blocks[ln.where.block]).location.table == loc.table and b.location.row == loc.row
        for ln in lines
        if ln.where.block < len(doc.blocks)
    )


def _in_line_table(doc: Document, i: int, lines: tuple[QuoteLine, ...]) -> bool:
    table = doc.blocks[i].location.table
    return table is not None and any(
        doc.blocks[ln.where.block].location.table == table for ln in lines if ln.where.block < len(doc.blocks)
    )


def _number(doc: Document) -> tuple[str | None, Where | None]:
    deal = doc.deal or {}
    if deal.get("number"):
        return str(deal["number"]), None
    for i, b in enumerate(doc.blocks[:40]):
        m = _NUMBER.search(b.norm)
        if m:
            return m.group(1), Where(i, m.span(1))
    return None, None


def _quote_date(doc: Document) -> date | None:
    deal = doc.deal or {}
    if deal.get("date"):
        try:
            return date.fromisoformat(str(deal["date"]))
        except ValueError:
            return None
    head = doc.blocks[:60]
    for k, b in enumerate(head):
        lm = _DATE_LABEL.search(b.norm)
        if lm:
            dm = _DATE.search(b.norm, lm.end())
            if dm is None and b.kind == "cell" and k + 1 < len(head):
                dm = _DATE.search(head[k + 1].norm)  # the value in the next cell
            if dm:
                return _to_date(dm)
    return None


def document_is_quote(contract: Contract) -> bool:
    """True for a quote: its title says so (``_common.is_quote``) or the structure facts do."""
    doc = contract.doc
    if doc.deal is not None:
        return is_quote(doc)
    if is_quote(doc):
        return True
    try:
        return contract.structure.kind == "quote"
    except (ModuleNotFoundError, AttributeError):
        return False


def extract(contract: Contract) -> QuoteFacts:
    """The quote facts of ``contract`` (empty unless it is a quote)."""
    doc = contract.doc
    if not document_is_quote(contract):
        return QuoteFacts(False, None, None, None, (), (), (), None, ())
    number, number_where = _number(doc)
    lines = _lines(doc)
    approvals, needs = _approvals(doc)
    return QuoteFacts(
        True,
        number,
        number_where,
        _quote_date(doc),
        _validity(doc),
        lines,
        _free_discounts(doc, lines),
        _policy(doc),
        approvals,
        needs,
        _open_validity(doc) if not doc.deal else (),
    )
