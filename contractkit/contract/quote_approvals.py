"""Who approved a quote's discounts, and who must: approval records (a table with 审批人/意见/日期 columns, an
approval row per option or line, a signature block, a sentence) and the approvals a quote says it needs (a
所需审批 column, a policy table ``折扣幅度 | 审批权限``).

An approval is a role (销售经理, 销售总监) with a person, an assent or a date. It is *given* only when
nothing makes it conditional: 事后补批, 待审批, 补签, 口头同意 are promises, not approvals — and a remark in
brackets naming another role (``销售经理 彭晓燕：同意（总监出差，事后补批）``) is about that role's approval,
which is then recorded as not given. An approval is scoped to the lines (第1项, a 行号 column) or the option
(方案B, 选项二, 包1) its row or sentence names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from contractkit.contract.model import Where
from contractkit.contract.tables import Row

#: Approval roles (``settings.discount_approvals``) and the titles that name each in a quote.
ROLE_TITLES: dict[str, tuple[str, ...]] = {
    "sales_manager": ("销售经理", "销售部经理", "营销经理", "区域销售经理", "sales manager"),
    "sales_director": (
        "销售总监",
        "营销总监",
        "销售副总",
        "营销副总",
        "销售副总经理",
        "营销副总经理",
        "分管销售副总",
        # a regional or area director: the level between the sales manager and the general manager
        "区域总监",
        "区域销售总监",
        "大区总监",
        "片区总监",
        "sales director",
    ),
    "general_manager": ("总经理", "总裁", "general manager"),
}
#: The display name of each role.
ROLE_NAMES = {"sales_manager": "销售经理", "sales_director": "销售总监", "general_manager": "总经理"}
TITLE_ROLE = {t: r for r, ts in ROLE_TITLES.items() for t in ts}
ROLE_RE = re.compile("|".join(sorted(map(re.escape, TITLE_ROLE), key=len, reverse=True)), re.IGNORECASE)
ROLE_WORDS = tuple(TITLE_ROLE)
#: Short titles a remark uses for a role already named in full (总监出差 → the sales director).
_SHORT_ROLE = {"总监": "sales_director", "副总": "sales_director", "经理": "sales_manager"}
_SHORT_RE = re.compile("|".join(_SHORT_ROLE))

#: An approval promised or pending, not given.
PENDING = re.compile(
    r"事后补|后补|待(?:其)?(?:补|审批|批准|审核|签字|签批|确认|批)|(?:将|再|稍后|择日|另行)(?:补|审批|签|批)|"
    r"尚未|未(?:签|审批|批准|审核)|审批中|流程中|拟(?:同意|批准)|口头(?:同意|批准|答应)|回来后"
)
REFUSED = re.compile(r"不同意|驳回|拒绝|否决|不予批准|未获批准")
ASSENT = re.compile(r"(?<!不)同意|批准|核准|准予|通过|已审批|签批|已签|approved?", re.I)
DATE = re.compile(r"\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}")
_BLANK_CELL = re.compile(r"^[\s—\-－_＿/／无]*$")
#: The person after a role, perhaps after a 签字/审批人 label: ``陈志远``, ``签字：王磊``.
PERSON = re.compile(
    r"^[\s:：/（(]*(?:(?:签字|签名|签章|审批人|批准人|姓名)[）)]?\s*[:：]?\s*"
    # an approval field (审批：张晓楠): the verb is a label only before its colon (审批后再经… is no name)
    r"|(?:审批签字|审批|审核|批准|签批)\s*[:：]\s*)?"
    r"([\u4e00-\u9fff]{2,4}?)"
    r"(?=[\s　/,，、）)：:]|$|\d|同意|批准|审批|审核|签|已|于|和|及|与|（|\()"
)
NOT_PERSON = re.compile(
    r"审批|意见|日期|签字|签名|环节|姓名|同意|批准|盖章|负责人|经理|总监|事后|补批|出差|书面|口头|电话|核准|审核"
    r"|^(?:均|都|已|亦|也|共同|一致|待|补|未|尚|拟|另|再|须|需|应)"
)
_PAREN = re.compile(r"[（(][^（）()]*[）)]")
_PCT = re.compile(r"(\d{1,2}(?:\.\d{1,2})?)\s*[%％]")

#: An option of a quote offering alternatives: 方案A, 方案二, 选项3, Option B, 包1, 标段2.
_GROUP = re.compile(
    r"(方案|选项|备选|配置|option|(?<!每)(?:标包|包件|标段|包)(?=[A-Za-z\d一二三四五六七八九十]))\s*"
    r"([A-Za-z](?![A-Za-z])|\d{1,2}(?![\d.])|[一二三四五六七八九十]{1,2})",
    re.IGNORECASE,
)


#: 第1包, 第二标段: the number before the word.
_GROUP_BEFORE = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*(包|标段|方案|标包)")


def group_key(text: str) -> str | None:
    """The option a text names (``方案C（旗舰型）`` → ``方案C``), None when it names none or several."""
    keys = {_key(m.group(1), m.group(2)) for m in _GROUP.finditer(text)}
    keys |= {_key(m.group(2), m.group(1)) for m in _GROUP_BEFORE.finditer(text)}
    return keys.pop() if len(keys) == 1 else None


def _key(word: str, ident: str) -> str:
    label = word.lower()
    label = {
        "option": "方案",
        "选项": "方案",
        "备选": "方案",
        "配置": "方案",
        "标包": "包",
        "包件": "包",
    }.get(label, label)
    ident = ident.upper()
    cn = "一二三四五六七八九十"
    if ident in cn:
        ident = str(cn.index(ident) + 1)
    return label + ident


def roles_in(text: str) -> tuple[str, ...]:
    """The approval roles a text names, in order (``销售经理+销售总监`` → both)."""
    return tuple(dict.fromkeys(TITLE_ROLE[m.group().lower()] for m in ROLE_RE.finditer(text)))


@dataclass(frozen=True, slots=True)
class Approval:
    """A recorded approval: ``lines`` empty and ``group`` None mean the whole quote; ``percent`` the discount
    approved; ``given`` False for one promised or pending (事后补批), with the words saying so in ``note``."""

    role: str
    name: str | None
    lines: tuple[int, ...]
    percent: Decimal | None
    where: Where | None
    group: str | None = None
    given: bool = True
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Requirement:
    """Approvals the quote itself says a discount needs (a 所需审批 cell for option B: 销售经理)."""

    roles: tuple[str, ...]
    lines: tuple[int, ...]
    group: str | None
    where: Where


def judge(role: str, text: str) -> tuple[bool | None, str | None, list[tuple[str, str]]]:
    """Whether ``text`` (what follows a role) gives that role's approval: True, False (pending or refused),
    None (nothing said); the pending words; and the other roles a bracketed remark says are pending."""
    others: list[tuple[str, str]] = []

    def remark(m: re.Match[str]) -> str:
        inner = m.group()
        pend = PENDING.search(inner)
        if pend is None:
            return inner
        named = [TITLE_ROLE[r.group().lower()] for r in ROLE_RE.finditer(inner)]
        named += [_SHORT_ROLE[r.group()] for r in _SHORT_RE.finditer(ROLE_RE.sub("", inner))]
        other = [r for r in named if r != role]
        if not other:
            return inner
        others.extend((r, inner.strip("（）()")) for r in dict.fromkeys(other))
        return ""

    own = _PAREN.sub(remark, text)
    if REFUSED.search(own):
        return False, REFUSED.search(own).group(), others  # type: ignore[union-attr]
    pend = PENDING.search(own)
    if pend is not None:
        return False, pend.group(), others
    pm = PERSON.match(own)
    name = pm.group(1) if pm and not NOT_PERSON.search(pm.group(1)) else None
    if ASSENT.search(own) or DATE.search(own) or name:
        return True, None, others
    return None, None, others


def person(text: str) -> str | None:
    """The person named at the start of ``text`` (after a role), if any."""
    pm = PERSON.match(text)
    return pm.group(1) if pm and not NOT_PERSON.search(pm.group(1)) else None


def percent_in(text: str) -> Decimal | None:
    """The first percent written in ``text``."""
    m = _PCT.search(text)
    return Decimal(m.group(1)) if m else None


# ------------------------------------------------------------------------------------- approval tables

_APPROVER_COL = re.compile(
    r"审批人|批准人|审核人|签批人|审批意见|^意见|意见$|签字|签名|审批结果|审批情况|审批记录|^姓名|^批示"
)
_REQUIRED_COL = re.compile(r"所需|需要|须|需|应|要求|权限")
_ROLE_COL = re.compile(r"环节|岗位|职务|角色|级别|层级")
_DATE_COL = re.compile(r"日期|时间")
_SCOPE_COL = re.compile(r"方案|选项|行号|序号|项次|行次|^项目|产品|包号|标段")
_PCT_COL = re.compile(r"折扣|优惠|幅度")
_PRICE_COL = re.compile(r"单价|价格|金额")


@dataclass(frozen=True, slots=True)
class _Columns:
    approver: tuple[int, ...]
    required: tuple[int, ...]
    role: int | None
    date: int | None
    scope: int | None
    pct: int | None


def _columns(header: list[str]) -> _Columns | None:
    """The approval-table columns a header row names, None when the row is no approval-table header."""
    if any(_PRICE_COL.search(h) for h in header) or ROLE_RE.search(" ".join(header)):
        return None
    approver = tuple(
        i for i, h in enumerate(header) if _APPROVER_COL.search(h) and not _REQUIRED_COL.search(h)
    )
    required = tuple(
        i
        for i, h in enumerate(header)
        if "审批" in h or "批准" in h
        if _REQUIRED_COL.search(h) and i not in approver
    )
    role = next((i for i, h in enumerate(header) if _ROLE_COL.search(h)), None)
    if not approver and role is None:
        return None

    def first(pat: re.Pattern[str]) -> int | None:
        taken = {*approver, *required, role}
        return next((i for i, h in enumerate(header) if pat.search(h) and i not in taken), None)

    return _Columns(approver, required, role, first(_DATE_COL), first(_SCOPE_COL), first(_PCT_COL))


def _scope(text: str) -> tuple[tuple[int, ...], str | None]:
    g = group_key(text)
    if g is not None:
        return (), g
    nums = re.findall(r"(?<![\d.%])\d{1,3}(?![\d.%])", text)
    return tuple(int(n) for n in nums), None


def table_approvals(rows: list[Row]) -> tuple[list[Approval], list[Requirement], set[int]] | None:
    """The approvals and requirements of an approval table (header row first), and the blocks it read;
    None when the table is no approval table."""
    if not rows:
        return None
    cols = _columns(rows[0].texts)
    if cols is None:
        return None
    approvals: list[Approval] = []
    needs: list[Requirement] = []
    blocks: set[int] = set()
    lines: tuple[int, ...] = ()
    group: str | None = None
    for row in rows[1:]:
        cells = row.cells
        texts = row.texts

        def text(c: int | None, texts: list[str] = texts) -> str:
            return texts[c] if c is not None and c < len(texts) else ""

        blocks.update(c.where.block for c in cells if c.where.block >= 0)
        if cols.scope is not None and text(cols.scope).strip():
            lines, group = _scope(text(cols.scope))  # a merged scope cell covers the rows below it
        pct = percent_in(text(cols.pct))
        dated = bool(DATE.search(text(cols.date)))
        for c in cols.required:
            roles = roles_in(text(c))
            if roles and c < len(cells):
                needs.append(Requirement(roles, lines, group, cells[c].where))
        row_role = roles_in(text(cols.role))
        said = [(c, text(c)) for c in cols.approver if not _BLANK_CELL.match(text(c))]
        if not said and len(row_role) == 1 and dated and cols.role is not None and cols.date is not None:
            where = cells[cols.date].where if cols.date < len(cells) else cells[0].where
            approvals.append(Approval(row_role[0], None, lines, pct, where, group))  # signed and dated
            continue
        if not said:
            continue
        joined = " ".join(t for _, t in said)
        at = next((c for c, t in said if ROLE_RE.search(t)), said[0][0])
        where = cells[at].where if at < len(cells) else cells[0].where
        if len(row_role) == 1 and not ROLE_RE.search(joined):
            joined = ROLE_NAMES.get(row_role[0], row_role[0]) + " " + joined
        approvals.extend(_segments(joined, where, lines, group, pct, dated))
    return approvals, needs, blocks


def _segments(
    text: str, where: Where, lines: tuple[int, ...], group: str | None, pct: Decimal | None, dated: bool
) -> list[Approval]:
    """The approvals one cell records, a segment per role named (``销售经理 A：同意；销售总监 B：同意``)."""
    out: list[Approval] = []
    marks = list(ROLE_RE.finditer(text))
    for n, m in enumerate(marks):
        seg = text[m.end() : marks[n + 1].start() if n + 1 < len(marks) else len(text)]
        role = TITLE_ROLE[m.group().lower()]
        verdict, note, others = judge(role, seg)
        if verdict is None and dated:
            verdict = True
        if verdict is None:
            continue
        out.append(Approval(role, person(seg), lines, pct, where, group, verdict, note))
        out.extend(Approval(r, None, lines, pct, where, group, False, nt) for r, nt in others)
    return out


# ------------------------------------------------------------------------------- approval tables as text

#: The header of an approval table a PDF gave as text: a line column and an approver column, either order
#: (``折扣审批记录 行次 折扣 审批人 审批日期``).
_TEXT_HEAD = re.compile(
    r"(?:行次|行号|序号|项次)[^。；;]{0,30}?(?:审批人|批准人|审核人|签批人|审批意见|审批结果|审批情况)"
    r"|(?:审批人|批准人|审核人|签批人)[^。；;]{0,30}?(?:行次|行号|序号|项次)"
)
#: A row of it: its line number, then the discount (5%) or the approver's role; a number inside a date
#: (2026 年 12 月 2 日) or a reference (XS-2026-4471) is none.
_TEXT_ROW = re.compile(
    r"(?<![\d.,:：年月/\-A-Za-z])(?<![年月]\s)(\d{1,3})(?:\s+|\s*[.、．]\s*)"
    rf"(?=\d{{1,2}}(?:\.\d{{1,2}})?\s*[%％]|{ROLE_RE.pattern})",
    re.IGNORECASE,
)
_TEXT_ROWS_MAX = 40


def text_table_approvals(texts: list[tuple[int, str]]) -> tuple[list[Approval], set[int]]:
    """The approvals of approval tables written as text lines (``(block, text)`` of the document's non-cell
    blocks in order): after a header (:data:`_TEXT_HEAD`) every row — on the header's line, one per line, or
    run together on one line — is scoped to its line number, with its discount and the roles it names
    judged like a cell (a person or a date gives it, 待审批 leaves it pending). Also the blocks read."""
    out: list[Approval] = []
    read: set[int] = set()
    n = 0
    while n < len(texts):
        text = texts[n][1]
        hm = _TEXT_HEAD.search(text) if ("审" in text or "批" in text) else None
        if hm is None:
            n += 1
            continue
        k, start = n, hm.end()
        while k < len(texts) and k - n <= _TEXT_ROWS_MAX:
            bk, tk = texts[k]
            rows = list(_TEXT_ROW.finditer(tk, start))
            if k > n and (not rows or tk[: rows[0].start()].strip()):
                break  # a line that is no row ends the table
            for r, m in enumerate(rows):
                end = rows[r + 1].start() if r + 1 < len(rows) else len(tk)
                seg = tk[m.end() : end]
                pm = _PCT.match(seg)
                pct = Decimal(pm.group(1)) if pm else None
                rest = seg[pm.end() :] if pm else seg
                where = Where(bk, (m.start(), m.start() + len(tk[m.start() : end].rstrip(" —-－"))))
                out.extend(_segments(rest, where, (int(m.group(1)),), None, pct, bool(DATE.search(rest))))
            read.add(bk)
            k, start = k + 1, 0
        n = max(k, n + 1)
    return out, read


# ------------------------------------------------------------------------------------- policy tables

_RANGE_LO = re.compile(
    r"(?:超过|超出|高于|大于|>|＞)\s*(\d{1,2}(?:\.\d+)?)\s*[%％]|(\d{1,2}(?:\.\d+)?)\s*[%％]\s*(?:以上|[-~～至到<＜])"
)
_RANGE_HI = re.compile(
    r"(?:不超过|不高于|≤|<=|以内|至|到|[-~～])\s*(\d{1,2}(?:\.\d+)?)\s*[%％]|(\d{1,2}(?:\.\d+)?)\s*[%％]\s*(?:[（(]含[）)])?\s*(?:以内|以下|及以下)"
)
_REP = re.compile(
    r"销售代表|业务员|销售人员|销售员|销售工程师|业务代表|客户经理|无需审批|无须审批|sales\s*rep", re.I
)
_POLICY_HEAD = re.compile(r"审批|权限|批准|签批")


def policy_rows(
    rows: list[Row],
) -> tuple[Decimal | None, list[tuple[Decimal, tuple[str, ...]]], Where] | None:
    """A policy table (``折扣幅度 | 审批权限``): the rep's limit and (above, roles) per tier; None if it is
    none."""
    if len(rows) < 2:
        return None
    head = " ".join(rows[0].texts)
    if not (_PCT_COL.search(head) and _POLICY_HEAD.search(head)) or _PRICE_COL.search(head):
        return None
    limit: Decimal | None = None
    tiers: list[tuple[Decimal, tuple[str, ...]]] = []
    for row in rows[1:]:
        joined = " ".join(row.texts)
        roles = roles_in(joined)
        lo = _RANGE_LO.search(joined)
        hi = _RANGE_HI.search(joined)
        if not roles and _REP.search(joined) and hi is not None:
            limit = Decimal(next(g for g in hi.groups() if g))
        elif roles and lo is not None:
            tiers.append((Decimal(next(g for g in lo.groups() if g)), roles))
        elif roles and hi is not None and limit is not None:
            tiers.append((limit, roles))
    if limit is None and not tiers:
        return None
    return limit, tiers, rows[0].cells[0].where
