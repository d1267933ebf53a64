"""Structure facts: what the document is (contract, quote, order under a framework), who is buyer and who is
seller under each designation the text uses, its defined terms, its sections and its parts.

Roles are read, in order of strength, from the party block (``甲方（买方）：``, ``需方（以下简称“甲方”）：``,
``乙方(经销商)：``), from definitions (``“买方”指…``, ``(hereinafter "the Buyer")``), from short names
(``…有限公司（以下简称“华力公司”）``) and, for 甲方/乙方 left open, from what each does in the text
(``甲方向乙方采购``, ``乙方应向甲方交付``, ``甲方应向乙方支付``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from contractkit.contract.definitions import DefinitionEntry, read_entries
from contractkit.contract.model import Where
from contractkit.facts.document import block_indices_naming, block_starts, doc_text
from contractkit.facts.sections import _heading, headings

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.readers.model import Block, Document

Role = Literal["buyer", "seller"]
Kind = Literal["contract", "quote", "order"]
#: The kind rules are matched against (``kinds=`` of the rule decorator): ``Kind`` with an order placed under
#: a framework or master agreement told apart as ``"call_off"``.
ApplicableKind = Literal["contract", "order", "call_off", "quote"]
Language = Literal["zh", "en", "bilingual"]

#: Words that name the buying party, in any drafting style (contract, order, licence, distribution, quote).
BUYER_WORDS: tuple[str, ...] = (
    "买方", "买受人", "买受方", "购买方", "购买人", "购货方", "购货单位", "购方", "需方", "需求方", "需货方",
    "采购方", "采购人", "采购单位", "采购商", "订购方", "订购人", "订货方", "订货单位", "委托方", "定作人",
    "定作方", "经销商", "经销方", "分销商", "代理商", "被许可方", "被许可人", "使用方", "使用单位", "用户方",
    "客户方", "客户", "询价方", "招标人", "发包人", "发包方", "承租方", "承租人", "买家", "购买者", "订货人",
    "buyer", "purchaser", "customer", "licensee", "distributor", "client",
)  # fmt: skip
#: Words that name the selling party.
SELLER_WORDS: tuple[str, ...] = (
    "卖方", "出卖人", "出卖方", "出售方", "出售人", "销售方", "销售人", "售方", "供方", "供应方", "供货方",
    "供货单位", "供货商", "供应商", "供应人", "报价方", "报价单位", "报价人", "承揽人", "承揽方", "受托方",
    "受托人", "许可方", "许可人", "实施方", "服务方", "服务商", "承包人", "承包方", "出租方", "出租人",
    "制造商", "生产商", "厂家", "投标人", "中标人", "卖家", "商家", "销货方", "售货方",
    "seller", "supplier", "vendor", "licensor", "contractor", "manufacturer", "provider",
)  # fmt: skip
#: Designations that say nothing of the role by themselves.
NEUTRAL_WORDS: tuple[str, ...] = ("甲方", "乙方", "丙方", "丁方", "party a", "party b", "party c")

_ROLE_OF_WORD: dict[str, Role] = {
    **{w: "buyer" for w in BUYER_WORDS},
    **{w: "seller" for w in SELLER_WORDS},
}
_ALL_WORDS = sorted({*BUYER_WORDS, *SELLER_WORDS, *NEUTRAL_WORDS}, key=len, reverse=True)
_WORD_ALT = "|".join(re.escape(w) for w in _ALL_WORDS)
_WORD = re.compile(_WORD_ALT, re.IGNORECASE)
#: The same words, as a party line may spread them out (``甲 方``).
_SPREAD_ALT = "|".join(
    r"\s?".join(re.escape(c) for c in w) if not w.isascii() else re.escape(w) for w in _ALL_WORDS
)
#: A party line: designation, optional parenthesised designations / remarks, then a colon.
_HEADER = re.compile(
    rf"^\s*(?P<head>(?:{_SPREAD_ALT})(?:名称|全称|单位名称)?(?:\s*\([^)]{{0,30}}\))?)\s*[:：]", re.IGNORECASE
)
_CELL_HEAD = re.compile(rf"^\s*(?P<head>(?:{_WORD_ALT})(?:名称|全称|单位名称)?)\s*[:：]?\s*$", re.IGNORECASE)
_UNCLOSED = re.compile(r"[(（](?![^)）]{1,12}[)）]).*$")
_SIGNATURE = re.compile(r"盖章|签字|签章|签名|签署|公章|授权代表|sign|seal", re.IGNORECASE)
_Q_OPEN = '“"「『‘'
_Q_CLOSE = '”"」』’'
_TERM = rf"[{_Q_OPEN}](?P<term>[^{_Q_CLOSE}{_Q_OPEN}\n]{{1,24}})[{_Q_CLOSE}]"
#: “买方”指… / “来料检验期”：指… / "Buyer" means …
#: After a defined role word: ``”指乙方`` names the neutral designation it stands for.
_MEANS_NEUTRAL = re.compile(r"[”\"」』’]\s*[:：,，]?\s*(?:是指|系指|即指|指|means)\s*(?P<who>甲方|乙方|丙方)")
_DEFINES = re.compile(
    rf"{_TERM}\s*(?:[(（][^)）]{{0,30}}[)）])?\s*[:：,，]?\s*(?:一词)?\s*"
    r"(?:是指|系指|即指|指|means\b|shall mean\b|refers to\b|has the meaning)",
    re.IGNORECASE,
)
#: （以下简称“甲方”） / (hereinafter referred to as "the Buyer") / (the "Seller")
_ALIAS = re.compile(rf"(?:以下|下文|下)?(?:简称|称为|合称|统称|称)\s*[:：]?\s*{_TERM}")
#: 以下简称甲方 — a party designation after 简称 without quotes (common in Taiwan contracts).
_CJK_PARTY_ALT = "|".join(re.escape(w) for w in _ALL_WORDS if not w.isascii())
_ALIAS_BARE = re.compile(rf"(?:以下|下文|下)(?:简称|称为|称)\s*[:：]?\s*(?P<term>{_CJK_PARTY_ALT})")
_ALIAS_EN = re.compile(
    rf"(?:hereinafter(?:\s+(?:referred\s+to\s+as|called))?|\(the)\s*[:：,]?\s*(?:the\s+)?{_TERM}",
    re.IGNORECASE,
)
#: A definitions-section line without quotes: ``来料检验期：指…`` / ``1.3 工作日：是指…``.
_BARE_DEFINITION = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s*|[(（]?[一二三四五六七八九十]{1,3}[)）、]\s*)?"
    r"(?P<term>[^\s:：,，。;；“”\"]{2,16})\s*[:：]\s*(?:是指|系指|指)"
)
#: What every definition or 简称 holds: a quoted term, or ``term：指`` in a definitions section.
_DEF_HINT = re.compile(r"[“\"「『‘].{1,24}[”\"」』’]|[:：]\s*(?:是指|系指|指)|简称|下称|称为")
#: Every ``_DEF_HINT`` or 以下/下文 简称 match holds one of these.
_DEF_WORDS = ("“", '"', "「", "『", "‘", "指", "简称", "下称", "文称", "称为")

# What each party does: (actor) 向 (other) 采购 → actor buys; (actor) 向 (other) 交付 → actor sells.
_NEUTRAL_ALT = "甲方|乙方|丙方"
#: Up to 16 characters within one sentence that name no other party.
_GAP = rf"(?:(?!{_NEUTRAL_ALT})[^。;；:：\n]){{0,16}}?"
_BUYS = re.compile(
    rf"(?P<a>{_NEUTRAL_ALT}){_GAP}向(?P<b>{_NEUTRAL_ALT})"
    r"(?:[^,，。;；:：]{0,6}?)(?P<verb>采购|购买|购进|订购|订货|购货|进货|支付|付款|付清|结算货款|承租|定作)"
)
_SELLS = re.compile(
    rf"(?P<a>{_NEUTRAL_ALT}){_GAP}(?:向|为)(?P<b>{_NEUTRAL_ALT})"
    r"(?:[^,，。;；:：]{0,6}?)(?P<verb>供应|供货|销售|出售|出卖|交付|交货|发货|提供|开具|授予|许可)"
)

_QUOTE_TITLE = re.compile(
    r"报价单|报价书|报价函|报价表|报价方案|报价清单|报价明细|估价单|询价回复|询价答复|报价回复|的报价$"
    # a proforma invoice is the seller's priced offer of a trade deal (形式发票 / PROFORMA INVOICE / PI No.)
    r"|報價單|報價書|報價函|報價表|估價單|詢價回覆|quotation|\bquote\b|price\s+offer"
    r"|形式发票|形式發票|\bpro\s?-?\s?forma(?:\s+invoice)?\b|\bPI\s*No\b",
    re.IGNORECASE,
)
_ORDER_TITLE = re.compile(
    r"订单|订货单|采购单|订购单|要货单|订货通知单|采购通知单|訂單|訂貨單|採購單|訂購單|要貨單"
    # a call-off under a framework by its notice (要货通知单, 订货通知书, 采购通知, 供货通知单, 備貨通知)
    r"|(?:要货|订货|采购|供货|备货|提货|要貨|訂貨|採購|供貨|備貨)通知(?:单|书|函|單|書)?"
    r"|\bcall-?\s?off\s+(?:order|notice)\b"
    r"|purchase\s+order|order\s+form|\bP\.?O\.?\b",
    re.IGNORECASE,
)
_CONTRACT_TITLE = re.compile(
    r"合同|协议|契约|合约|确认书|确认函|協議|契約|合約|確認書|確認函|agreement|contract|confirmation",
    re.IGNORECASE,
)
#: A price list (价格表, 价目表, price list): a quote when it states how long its prices hold.
_PRICE_LIST_TITLE = re.compile(r"价格表|价目表|价格清单|價格表|價目表|price\s+list", re.IGNORECASE)
_VALIDITY = re.compile(
    r"有效期|有效至|有效截止|报价有效|價格有效|valid\s+(?:until|for|through)|validity", re.IGNORECASE
)
#: A framework or master agreement named (not a master carton, a framework of steel).
_FRAMEWORK = re.compile(
    r"框架(?:协议|合同|合约|采购|協議)|总协议|总合同|主协议|主合同|年度采购协议|總協議|主協議|框架"
    r"(?=[^，,。；;]{0,12}(?:协议|合同|協議))"
    r"|\b(?:master|framework)\s+(?:[a-z]+\s+){0,2}?(?:agreement|contract)",
    re.IGNORECASE,
)
_TITLE_TAIL = re.compile(
    r"(?:合同|协议|协议书|契约|订单|订货单|采购单|报价单|报价书|报价函|报价表|協議|合約|訂單|報價單|agreement"
    r"|contract|order|quotation)\s*(?:[(（][^)）]{0,20}[)）])?\s*$",
    re.IGNORECASE,
)
#: Every ``_TITLE_TAIL`` match holds one of these.
_TITLE_WORDS = (
    "合同", "协议", "契约", "订单", "订货单", "采购单", "报价", "協議", "合約", "訂單", "報價", "greement",
    "GREEMENT", "ontract", "ONTRACT", "rder", "RDER", "uotation", "UOTATION",
)  # fmt: skip
_TITLE_END = re.compile(
    r"^.{2,30}?(?:合同|协议书|协议|契约|合约|确认书|确认函|订单|订货单|报价单|报价书|报价函"
    r"|協議書|協議|契約|合約|訂單|訂貨單|報價單|報價書|報價函)"
    r"(?:书|書)?"
)
#: A title glued to what follows it on one PDF or scanned line: ``采 购 订 单订单编号 XL-PO-…``,
#: ``报价单报价单号…`` (matched on the line with its spaces squeezed out; the shortest title wins).
_GLUED_TITLE = re.compile(
    r"^\s*(?P<title>[^\s:：,，。;；()（）]{0,20}?(?:采购订单|订货单|采购单|订购单|要货单|订单|报价单"
    r"|报价函|报价书|訂單|訂貨單|採購單|報價單|報價函|合同书|合同|协议书|协议|合約|協議|契约|确认书))"
)
#: What makes a title word the start of a field label: 合同编号, 订单号, 报价日期, 合同No.
_FIELD_LABEL = re.compile(r"\s*(?:编号|編號|号|號|单号|日期|No\.?\b|[:：])", re.IGNORECASE)
#: Fields an order form carries at its head (订单编号, 下单日期, PO No.), and those of a quote (报价单号,
#: 报价有效期).
_ORDER_FIELDS = re.compile(
    r"(?:订单|采购单|订货单|订购单|要货单|訂單|採購單)\s*(?:编号|編號|号码|號碼|号|號)"
    r"|下单日期|订货日期|下單日期"
    r"|\bP\.?O\.?\s*(?:No|Number|#)|\bOrder\s+(?:No|Number|Date)\b",
    re.IGNORECASE,
)
_QUOTE_FIELDS = re.compile(
    r"报价(?:单)?(?:编号|单号|号|日期)|报价有效期|本报价有效|報價(?:單)?(?:編號|單號|號|日期)|報價有效"
    r"|\bQuot(?:ation|e)\s+(?:No|Number|Date)\b|\bQuotation\s+valid"
    # a proforma invoice's head (PROFORMA INVOICE 形式发票 PI No. …, run together with its fields)
    r"|形式发票|形式發票|\bpro\s?-?\s?forma\s+invoice\b|\bPI\s*No\b",
    re.IGNORECASE,
)
_KEY_TERMS = re.compile(
    r"合同要素表|合同要素|主要条款表|商务条款表|合同主要条款|关键条款表|key\s+terms", re.I
)
#: Every ``_KEY_TERMS`` match holds one of these.
_KEY_TERMS_WORDS = ("要素", "条款", "key", "Key", "KEY")
#: The number a part heading may carry: 第二部分 / 第二篇 / 二、 / 2. / （二） / Part II.
_PART_NUMBER = (
    r"(?:第[一二三四五六七八九十\d]+(?:部分|篇|章)\s*[:：、.]?\s*|[一二三四五六七八九十]+\s*[、.．]\s*"
    r"|\d{1,2}\s*[.、．]\s*|[(（][一二三四五六七八九十\d]{1,3}[)）]\s*|part\s+[ivx\d]+\s*[:.]?\s*)?"
)
_GENERAL_TERMS = re.compile(
    rf"^\s*{_PART_NUMBER}(?:合同)?(?:通用条款|一般条款|通用合同条款|标准条款|general\s+(?:terms|conditions))",
    re.IGNORECASE,
)
#: Every ``_GENERAL_TERMS`` or ``_SPECIAL_TERMS`` match holds one of these.
_PARTS_WORDS = ("条款", "eneral", "ENERAL", "pecial", "PECIAL")
_SPECIAL_TERMS = re.compile(
    rf"^\s*{_PART_NUMBER}(?:合同)?(?:专用条款|特别条款|专用合同条款|特殊条款|special\s+(?:terms|conditions))",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPREAD = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
#: In a quote the quoting side writes 我方 and calls the customer 贵方.
_QUOTE_SELF = ("我方", "我司", "我公司", "本公司")
_QUOTE_OTHER = ("贵方", "贵司", "贵公司", "贵单位")
#: How a letter addresses its reader (a quote letter to a company, an institute, a school, a bureau…).
_ADDRESSEE = (
    *_QUOTE_OTHER,
    "贵院",
    "贵校",
    "贵局",
    "贵中心",
    "贵厂",
    "贵行",
    "贵所",
    "貴司",
    "貴公司",
    "貴方",
)
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
#: At least four CJK characters (a cheap test that stops at the fourth).
_CJK4 = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){3}")


@dataclass(frozen=True, slots=True)
class Designation:
    """A name the text uses for a party (甲方, 买方, Buyer, 华力公司) and the role it has."""

    name: str
    role: Role | None
    source: Literal["party-block", "definition", "alias", "lexicon", "conduct", "counterpart"]
    where: Where | None


@dataclass(frozen=True, slots=True)
class PartyHead:
    """A party line at the head of the document: ``甲方（买方）：苏州精工机械制造有限公司``."""

    designations: tuple[str, ...]
    role: Role | None
    name: str
    where: Where
    name_where: Where | None


@dataclass(frozen=True, slots=True)
class Definition:
    """A defined term: ``where`` is the term itself, ``body`` the definition entry that defines it (for a
    short name, 以下简称“华力公司”, the paragraph that introduces it)."""

    term: str
    where: Where
    body: Where


@dataclass(frozen=True, slots=True)
class Section:
    """A heading or numbered item: 第五条 / 五、 / 5.2 / （一）; ``level`` 1 is the top level.

    ``path`` is the number with the numbers of the sections it sits in (第三条 item 2 → ``3.2``).
    """

    number: str
    path: str
    label: str
    title: str
    kind: str
    level: int
    where: Where


@dataclass(frozen=True, slots=True)
class Part:
    """A part of the document with its own title: the agreement, then an order or a quote under it."""

    kind: Kind
    title: str
    first_block: int
    where: Where


@dataclass(frozen=True, slots=True)
class Structure:
    """What the document is and how it is organised."""

    kind: Kind
    title: str
    title_where: Where | None
    framework: bool
    roles: dict[str, Role]
    designations: tuple[Designation, ...]
    party_heads: tuple[PartyHead, ...]
    definitions: dict[str, Definition]
    sections: tuple[Section, ...]
    parts: tuple[Part, ...]
    key_terms: Where | None
    general_terms: Where | None
    language: Language
    #: Where the document says it is placed under another agreement whose terms govern it (依据双方签订的
    #: 《年度采购框架协议》…, 本订单未尽事宜按《产品购销合同》执行, under the Master Supply Agreement).
    incorporates: Where | None = None
    #: Where a supplementary agreement leaves what it does not amend to the main contract
    #: (原合同其他条款不变, 本补充协议未约定的，适用主合同, 未被本补充协议修改的条款继续有效): the terms it
    #: does not restate are the main contract's (its term, termination grounds, acceptance rules).
    amends_main: Where | None = None
    #: The definition entries (``1.1.5 “验收期”指…``, ``本合同所称X，是指…``, a definitions table), in
    #: document order: clauses that say what a term means, not what a party must do.
    definition_entries: tuple[DefinitionEntry, ...] = ()
    #: Block → the spans definitions cover, and the blocks they cover whole (see :meth:`is_definition`).
    _definition_spans: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict, repr=False)
    _definition_blocks: frozenset[int] = frozenset()

    def is_definition(self, block: int, span: tuple[int, int] | None = None) -> bool:
        """True when ``span`` of block ``block`` lies in a definition entry; with no span, when the whole
        block is definitions (an operative clause after an entry in the same block makes it False)."""
        if span is None:
            return block in self._definition_blocks
        a, b = span
        return any(s <= a and b <= e for s, e in self._definition_spans.get(block, ()))

    def definition_at(self, block: int, pos: int) -> DefinitionEntry | None:
        """The definition entry of block ``block`` whose text holds offset ``pos``, or None."""
        for e in self.definition_entries:
            if e.entry.block == block and e.entry.span[0] <= pos < e.entry.span[1]:
                return e
            if e.where.block == block and e.where.span[0] <= pos < e.where.span[1]:
                return e
        return None

    @property
    def under_agreement(self) -> bool:
        """True for an order placed under an agreement (a framework, a master contract), or a supplement,
        amendment or price annex that leaves what it does not change to its main agreement
        (:attr:`amends_main`): its terms — term, termination, disputes, penalties, acceptance, the parties'
        details — live in that agreement, so a "missing X" check must not fire on it. (A contract made under
        a framework stays a contract.)"""
        return (self.kind == "order" and (self.framework or self.incorporates is not None)) or (
            self.amends_main is not None and self.kind != "quote"
        )

    @property
    def applicable_kind(self) -> ApplicableKind:
        """The document kind rules are matched against: ``"call_off"`` for an order under an agreement
        (:attr:`under_agreement`), else :attr:`kind` (``"contract"``, ``"order"``, ``"quote"``)."""
        if self.under_agreement:
            return "call_off"
        return self.kind

    def role_of(self, designation: str) -> Role | None:
        """``"buyer"``/``"seller"`` for a designation used in the text (case-insensitive for English)."""
        return self.roles.get(designation) or self.roles.get(designation.lower())

    def names_for(self, role: Role) -> tuple[str, ...]:
        """Every designation of ``role`` (longest first, for building patterns)."""
        return tuple(sorted((d for d, r in self.roles.items() if r == role), key=len, reverse=True))


def lexicon_role(word: str) -> Role | None:
    """The role a designation names by itself (买方 → buyer, 供应商 → seller, 甲方 → None)."""
    return _ROLE_OF_WORD.get(word.lower())


def _where(i: int, span: tuple[int, int]) -> Where:
    return Where(i, span)


#: The characters a designation starts with (any case): a party line starts with one of them.
_FIRST_CHARS = frozenset(c for w in _ALL_WORDS for c in (w[0], w[0].upper()))


def _may_start_party(text: str) -> bool:
    """False when ``text`` cannot start with a designation (cheap test before :data:`_HEADER`)."""
    s = text.lstrip()
    return bool(s) and s[0] in _FIRST_CHARS


def _party_heads(doc: Document, limit: int) -> list[PartyHead]:
    out: list[PartyHead] = []
    blocks = doc.blocks
    for i, block in enumerate(blocks[:limit]):
        if not _may_start_party(block.norm):
            continue
        m = _HEADER.match(block.norm)
        if not m:
            cm = _CELL_HEAD.match(block.norm) if block.kind == "cell" else None
            if cm and i + 1 < len(blocks) and blocks[i + 1].kind == "cell":
                nxt = blocks[i + 1].norm
                words = tuple(dict.fromkeys(_words(cm.group("head"))))
                roles = {r for w in words if (r := lexicon_role(w))}
                name = nxt.strip()
                s = len(nxt) - len(nxt.lstrip())
                out.append(
                    PartyHead(
                        words,
                        roles.pop() if len(roles) == 1 else None,
                        name,
                        _where(i, cm.span("head")),
                        _where(i + 1, (s, s + len(name))),
                    )
                )
            continue
        head = m.group("head")
        if _SIGNATURE.search(head):
            continue
        words = _words(head)
        roles = {r for w in words if (r := lexicon_role(w))}
        role: Role | None = roles.pop() if len(roles) == 1 else None
        rest = block.norm[m.end() :]
        name_m = re.match(r"\s*([^\s,，;；:：]+(?: [A-Za-z.&(),][^\s,，;；:：]*)*)", rest)
        name, name_where = "", None
        if name_m:
            name = re.sub(r"[(（](?:以下|下称|简称|hereinafter)[^)）]*[)）]?$", "", name_m.group(1)).strip()
            name = _UNCLOSED.sub("", name).strip()
            s = m.end() + name_m.start(1)
            name_where = _where(i, (s, s + len(name)))
        out.append(PartyHead(tuple(dict.fromkeys(words)), role, name, _where(i, m.span("head")), name_where))
    return out


def _words(head: str) -> list[str]:
    """The designations in a party line's head, spaces squeezed, English lower-cased."""
    squeezed = _SPREAD.sub("", head)
    return [w.group().lower() if w.group().isascii() else w.group() for w in _WORD.finditer(squeezed)]


def _definitions(
    doc: Document, entries: list[DefinitionEntry]
) -> tuple[dict[str, Definition], list[tuple[str, int, int, int]]]:
    """Defined terms (each entry's term with the entry as its body first), and the aliases ``(term, block,
    start, end)`` a 简称 introduces."""
    defs: dict[str, Definition] = {}
    for e in entries:
        defs.setdefault(e.term, Definition(e.term, e.where, e.entry))
    aliases: list[tuple[str, int, int, int]] = []
    for i in block_indices_naming(doc, _DEF_WORDS):
        t = doc.blocks[i].norm
        if not _DEF_HINT.search(t):
            continue
        body = _where(i, (0, len(t)))
        for m in _DEFINES.finditer(t):
            term = m.group("term").strip()
            defs.setdefault(term, Definition(term, _where(i, m.span("term")), body))
        for m in (*_ALIAS.finditer(t), *_ALIAS_EN.finditer(t), *_ALIAS_BARE.finditer(t)):
            span = m.span("term")
            term = m.group("term").strip()
            if term.lower().startswith("the "):
                term = term[4:]
            aliases.append((term, i, span[0], span[1]))
            defs.setdefault(term, Definition(term, _where(i, span), body))
        bm = _BARE_DEFINITION.match(t)
        if bm:
            term = bm.group("term")
            defs.setdefault(term, Definition(term, _where(i, bm.span("term")), body))
    return defs, aliases


def _role_near(text: str, end: int) -> Role | None:
    """The role named last before ``end`` in the same clause of ``text`` (what a 简称 stands for)."""
    start = max(text.rfind(c, 0, end) for c in "。;；\n") + 1
    found: Role | None = None
    for w in _WORD.finditer(text, start, end):
        r = lexicon_role(w.group())
        if r:
            found = r
    return found


def _neutral_near(text: str, end: int) -> str | None:
    start = max(text.rfind(c, 0, end) for c in "。;；\n") + 1
    found = None
    for w in re.finditer(_NEUTRAL_ALT, text[start:end]):
        found = w.group()
    return found


def _conduct_votes(doc: Document) -> dict[str, dict[Role, int]]:
    votes: dict[str, dict[Role, int]] = {}
    for i in block_indices_naming(doc, ("向", "为")):
        t = doc.blocks[i].norm
        if t.count("甲方") + t.count("乙方") + t.count("丙方") < 2:
            continue  # an actor and the other party
        for rx, actor_role in ((_BUYS, "buyer"), (_SELLS, "seller")):
            for m in rx.finditer(t):
                a, b = m.group("a"), m.group("b")
                if a == b:
                    continue
                other: Role = "seller" if actor_role == "buyer" else "buyer"
                votes.setdefault(a, {}).setdefault(actor_role, 0)  # type: ignore[arg-type]
                votes[a][actor_role] += 1  # type: ignore[index]
                votes.setdefault(b, {}).setdefault(other, 0)
                votes[b][other] += 1
    return votes


def _resolve_roles(
    doc: Document,
    heads: list[PartyHead],
    defs: dict[str, Definition],
    aliases: list[tuple[str, int, int, int]],
) -> tuple[dict[str, Role], list[Designation]]:
    roles: dict[str, Role] = {}
    out: list[Designation] = []

    def put(name: str, role: Role | None, source: str, where: Where | None) -> None:
        key = name.lower() if name.isascii() else name
        if role is None or key in roles:
            return
        roles[key] = role
        out.append(Designation(key, role, source, where))  # type: ignore[arg-type]

    for h in heads:
        if h.role:
            for w in h.designations:
                put(w, h.role, "party-block", h.where)
    # “买方”指… ; “甲方”指买方… ; “卖方”指乙方
    for term, d in defs.items():
        r = lexicon_role(term)
        if r is not None:
            t = doc.blocks[d.body.block].norm
            nm = _MEANS_NEUTRAL.match(t, d.where.span[1])
            if nm:
                put(nm.group("who"), r, "definition", d.where)
        if r is None and term in NEUTRAL_WORDS:
            body = d.body.text(doc)
            at = d.where.span[1]
            for w in _WORD.finditer(doc.blocks[d.body.block].norm, at, min(len(body), at + 40)):
                r = lexicon_role(w.group())
                if r:
                    break
        put(term, r, "definition", d.where)
    # short names: the role of the party the 简称 follows
    for term, i, s, e in aliases:
        t = doc.blocks[i].norm
        r = lexicon_role(term) or _role_near(t, s)
        if r is None:
            n = _neutral_near(t, s)
            r = roles.get(n) if n else None
        if r is None:
            hm = _HEADER.match(t)
            if hm:
                hw = [w.group() for w in _WORD.finditer(hm.group("head"))]
                r = next((roles[w] for w in hw if w in roles), None)
        put(term, r, "alias", _where(i, (s, e)))
    # the other neutral of a two-party contract, then conduct in the text
    neutrals = [w for w in ("甲方", "乙方") if any(w in h.designations for h in heads)] or [
        w for w in ("甲方", "乙方") if w in _doc_head(doc)
    ]
    open_ = [w for w in neutrals if w not in roles]
    if open_:
        votes = _conduct_votes(doc)
        for w in open_:
            v = votes.get(w, {})
            b, s = v.get("buyer", 0), v.get("seller", 0)
            if b != s:
                put(w, "buyer" if b > s else "seller", "conduct", None)
    if len(neutrals) == 2:
        a, b = neutrals
        if a in roles and b not in roles:
            put(b, "seller" if roles[a] == "buyer" else "buyer", "counterpart", None)
        elif b in roles and a not in roles:
            put(a, "seller" if roles[b] == "buyer" else "buyer", "counterpart", None)
    # role words used as designations anywhere (买方, 出卖人, Buyer…)
    text = _doc_head(doc, 4000)
    for m in _words_in(text).finditer(text):
        w = m.group()
        r = lexicon_role(w)
        if r and (w.lower() if w.isascii() else w) not in roles and len(w) >= 2:
            if w in ("客户", "厂家", "代理商", "制造商", "生产商", "服务商"):
                continue  # common nouns: a designation only when a party line says so
            put(w, r, "lexicon", None)
    return roles, out


def _words_in(text: str) -> re.Pattern[str]:
    """:data:`_WORD` narrowed to the designations ``text`` holds (the same matches, a much shorter
    alternation)."""
    lower = text.lower()
    return _word_pattern(tuple(w for w in _ALL_WORDS if (w in lower if w.isascii() else w in text)))


@lru_cache(maxsize=256)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)", re.IGNORECASE)


def _doc_head(doc: Document, chars: int = 2000) -> str:
    out: list[str] = []
    n = 0
    for b in doc.blocks:
        out.append(b.norm)
        n += len(b.norm)
        if n >= chars:
            break
    return "\n".join(out)


def _title(doc: Document, first_head: int) -> tuple[str, Where | None]:
    """The document's title and where it is: the first short line before the party lines that names a
    contract, order or quote — also when a PDF or scan glued it to the next line (``采 购 订 单订单编号…``)
    or split it over lines of a character or two (``采 购`` / ``订 单``)."""
    blocks = doc.blocks[: max(1, min(first_head, 8))]
    split = _split_title(blocks)
    if split is not None:
        return split
    for i, block in enumerate(blocks):
        t = _squeeze(block.norm.strip())
        if not t:
            continue
        s = len(block.norm) - len(block.norm.lstrip())
        g = _GLUED_TITLE.match(t[:40])
        if g and _FIELD_LABEL.match(t, g.end()):
            continue  # 合同编号：… / 报价单号 … — a field of a form's head, not its title
        if _NUMBERED_CLAUSE.match(t):
            continue  # 四、交货期为合同… — a numbered clause (a PDF line broken after 合同) is no title
        if len(t) > 60:
            if g and _kind_of_title(g.group("title")) is not None:
                title = g.group("title").strip()
                return title, _where(i, (s, _raw_end(block.norm, s, title)))
            continue
        if _QUOTE_TITLE.search(t) or _ORDER_TITLE.search(t) or _CONTRACT_TITLE.search(t):
            cut = g
            if cut is None or cut.end() == len(t) or t[cut.end()].isspace() or t[cut.end()] in "(（":
                cut = _TITLE_END.search(t)
            if cut and cut.end() < len(t):
                t = t[: cut.end()].strip()  # a title run together with what follows it (PDF)
                return t, _where(i, (s, _raw_end(block.norm, s, t)))
            return t, _where(i, (s, len(block.norm.rstrip())))
    for i, block in enumerate(doc.blocks[:3]):
        t = block.norm.strip()
        if t and len(t) <= 40 and not _HEADER.match(t) and ":" not in t and (_CJK.search(t) or " " in t):
            s = block.norm.index(t)
            return _squeeze(t), _where(i, (s, s + len(t)))
    return "", None


#: a clause's own number at the start of a line: 四、 / 1. / 1.2 / 3、 / （一） / 第五条
_NUMBERED_CLAUSE = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、．]|\d{1,2}(?:\.\d{1,2})*[、．.](?!\d)|\d{1,2}\.\d{1,2}\s"
    r"|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十百\d]{1,4}[条條章])"
)


def _split_title(blocks: list[Block]) -> tuple[str, Where] | None:
    """A title spread over consecutive lines of one to three characters each (a scan, a PDF with a wide
    title): ``采 购`` / ``订 单`` → 采购订单."""
    parts: list[str] = []
    first = None
    for i, block in enumerate(blocks):
        t = "".join(block.norm.split())
        if not t:
            continue
        if len(t) > 3 or not _CJK.match(t):
            break
        first = i if first is None else first
        parts.append(t)
    if first is None or len(parts) < 2:
        return None
    title = "".join(parts)
    if _kind_of_title(title) is None:
        return None
    s = len(blocks[first].norm) - len(blocks[first].norm.lstrip())
    return title, _where(first, (s, len(blocks[first].norm.rstrip())))


def _raw_end(raw: str, start: int, title: str) -> int:
    """The end in ``raw`` (from ``start``) of ``title``, which is ``raw`` with some spaces squeezed out."""
    want = sum(1 for c in title if not c.isspace())
    n = 0
    for k in range(start, len(raw)):
        if not raw[k].isspace():
            n += 1
            if n == want:
                return k + 1
    return len(raw.rstrip())


def _kind_of_head(doc: Document, title: str) -> Kind | None:
    """The kind the head of a document shows when its title says none: an order form's fields (订单编号,
    下单日期, PO No.), a quote's (报价单号, 报价有效期), a price list that says how long it holds, or a letter
    to 贵司 that quotes."""
    head = _doc_head(doc, 1500)
    if _PRICE_LIST_TITLE.search(title) and _VALIDITY.search(_doc_head(doc, 6000)):
        return "quote"
    order = _ORDER_FIELDS.search(head)
    quote = _QUOTE_FIELDS.search(head)
    if order and not (quote and quote.start() < order.start()):
        return "order"
    if quote:
        return "quote"
    if head.count("报价") + head.count("報價") >= 2 and any(w in head for w in _ADDRESSEE):
        return "quote"
    return None


def _squeeze(title: str) -> str:
    """A title without the spaces that spread it out (``采 购 合 同`` → ``采购合同``)."""
    return _SPREAD.sub("", title) if _CJK.search(title) else title


_AGREEMENT_WORD = re.compile(r"协议|合同|合约|協議|合約|agreement|contract", re.IGNORECASE)


def _kind_of_title(title: str) -> Kind | None:
    """The kind a title names (报价单 → quote, 采购订单 → order, 买卖合同 → contract), or None."""
    if _QUOTE_TITLE.search(title) and not _CONTRACT_TITLE.search(title):
        return "quote"
    if _ORDER_TITLE.search(title) and not _AGREEMENT_WORD.search(title):
        return "order"
    if _CONTRACT_TITLE.search(title) or _QUOTE_TITLE.search(title) or _ORDER_TITLE.search(title):
        if (
            _ORDER_TITLE.search(title)
            and _FRAMEWORK.search(title) is None
            and ("订单" in title or "訂單" in title)
        ):
            return "order"
        return "contract" if not _QUOTE_TITLE.search(title) else "quote"
    return None


def _parts(doc: Document, first_kind: Kind, title_block: int | None) -> list[Part]:
    """Later titles that start a part of their own (an order or quote after the agreement)."""
    out: list[Part] = []
    for i in block_indices_naming(doc, _TITLE_WORDS):
        block = doc.blocks[i]
        if title_block is not None and i <= title_block:
            continue
        if len(block.norm) > 80:
            continue  # a title is short (checked again without its spaces)
        t = block.norm.strip()
        if not t or len(t) > 40 or not _TITLE_TAIL.search(t):
            continue
        if _CJK.search(t) and re.search(r"[,，。;；]", t):
            continue
        if re.match(r"^\s*(?:第|\d|[一二三四五六七八九十]+、|[(（])", t) and not re.match(r"^附件", t):
            continue  # a clause heading that ends in 合同, not a new part
        if "本合同" in t or "本协议" in t or "本订单" in t:
            continue
        k = _kind_of_title(re.sub(r"^附件[一二三四五六七八九十\d]*\s*[:：]?\s*", "", t))
        if k is None or (k == first_kind and k == "contract"):
            continue
        s = block.norm.index(t)
        out.append(Part(k, t, i, _where(i, (s, s + len(t)))))
    return out


#: The usual hierarchy of Chinese contract numbering, outermost first: 第一部分 > 第一章 > 第一节 > 第一条 >
#: 一、 > （一） > 1. (1.1, 1.1.1 below it) > （1）. Levels count only the kinds a document uses.
_CANONICAL = ("part", "chapter", "section", "article", "cn", "paren-cn", "arabic", "paren")
_ARTICLE_UNIT = re.compile(r"第\s*\S{1,5}?\s*(?P<unit>部分|编|章|节|条)")
_UNIT_KIND = {"部分": "part", "编": "part", "章": "chapter", "节": "section", "条": "article"}


def _level_key(kind: str, label: str, num: str) -> str:
    if kind == "article":
        m = _ARTICLE_UNIT.match(label)
        return _UNIT_KIND[m.group("unit")] if m else "article"
    if kind == "paren":
        return "paren" if num.isdigit() else "paren-cn"
    return "arabic" if kind == "dotted" else kind


def _sections(doc: Document) -> list[Section]:
    found: list[tuple[int, str, str, str, str, int]] = []  # (block, kind, label, num, level key, depth)
    labels: dict[int, str] = doc.meta.get("labels") or {}
    heads = headings(doc.blocks)
    at = [i for i, h in enumerate(heads) if h is not None]
    if labels:
        at = sorted({*at, *(i for i in labels if isinstance(i, int) and 0 <= i < len(heads))})
    for i in at:
        block = doc.blocks[i]
        shown = labels.get(i)  # Word automatic numbering: the label is not in the text
        h = _heading(f"{shown} {block.norm}") if shown else heads[i]
        if h is None:
            continue
        if h[0] == "bare":  # Word numbers the paragraph: its bare number heads the title
            h = ("arabic", h[1], h[2])
        kind, label, num = h
        depth = num.count(".") if kind == "dotted" else 0
        found.append((i, kind, label, num, _level_key(kind, label, num), depth))
    keys = {f[4] for f in found}
    used = [k for k in _CANONICAL if k in keys]
    rank = {k: n + 1 for n, k in enumerate(used)}
    out: list[Section] = []
    stack: list[tuple[int, str]] = []
    for i, kind, label, num, key, depth in found:
        block = doc.blocks[i]
        shown = labels.get(i)
        title = label[len(label.split(" ")[0]) :].strip() if " " in label else ""
        s = len(block.norm) - len(block.norm.lstrip())
        length = len(label) - (len(shown) + 1 if shown else 0)
        span = (s, s + max(0, min(length, len(block.norm) - s)))
        number = num if kind == "dotted" else _num(num)
        level = rank[key] + depth
        while stack and stack[-1][0] >= level:
            stack.pop()
        path = number if kind == "dotted" else ".".join([*(n for _, n in stack), number])
        stack.append((level, number))
        out.append(Section(number, path, label, title, kind, level, _where(i, span)))
    return out


@lru_cache(maxsize=1024)
def _num(num: str) -> str:
    from contractkit.facts.sections import _number

    return _number(num)


def _language(doc: Document) -> Language:
    blocks = doc.blocks[:400]
    # Latin words found once over the joined text (none spans a line break), counted per block
    text, starts = doc_text(doc), block_starts(doc)
    end = starts[400] if len(starts) > 400 else len(text)
    latin_in: dict[int, int] = {}
    for m in _LATIN_WORD.finditer(text, 0, end):
        i = bisect_right(starts, m.start()) - 1
        latin_in[i] = latin_in.get(i, 0) + 1
    zh = en = 0
    for i, b in enumerate(blocks):
        t = b.norm
        if not t.isascii() and _CJK4.search(t):
            zh += 1  # four CJK characters
        latin = latin_in.get(i, 0)
        if latin >= 4 and latin * 2 > len(_CJK.findall(t)):  # four Latin words, over half the CJK count
            en += 1
    total = max(1, zh + en)
    if en * 5 >= total and zh * 5 >= total:
        return "bilingual"
    return "en" if en > zh else "zh"


_SENTENCE_MARK = re.compile(r"[,，。;；]")


def _first(
    doc: Document, rx: re.Pattern[str], search: bool = False, gate: tuple[str, ...] = ()
) -> Where | None:
    """The first block ``rx`` matches (searched: a short block), skipping blocks without a ``gate`` word."""
    blocks = doc.blocks
    for i in block_indices_naming(doc, gate) if gate else range(len(blocks)):
        b = blocks[i]
        if search and len(b.norm) > 80:
            continue  # a searched heading is short (≤ 40 characters once stripped)
        m = rx.search(b.norm) if search else rx.match(b.norm)
        if m and len(b.norm.strip()) <= 40 and not _SENTENCE_MARK.search(b.norm):
            # a heading, not a clause that names the part
            return _where(i, m.span())
    return None


def analyse(doc: Document) -> Structure:
    """The structure of a read document (sections assigned or not)."""
    limit = len(doc.blocks)
    heads = _party_heads(doc, limit)
    first_head = heads[0].where.block if heads else len(doc.blocks)
    title, title_where = _title(doc, first_head)
    kind = (
        _kind_of_title(title)
        or ("quote" if doc.kind == "deal" and _is_quote_deal(doc) else None)
        or _kind_of_head(doc, title)
        or "contract"
    )
    if kind == "contract" and any("报价方" in h.designations or "报价单位" in h.designations for h in heads):
        kind = "quote"
    framework = bool(_FRAMEWORK.search(title)) or (
        kind == "order" and bool(_FRAMEWORK.search(_doc_head(doc, 1500)))
    )
    entries, covered = read_entries(doc)
    defs, aliases = _definitions(doc, entries)
    roles, designations = _resolve_roles(doc, heads, defs, aliases)
    if kind == "quote":
        head = _doc_head(doc, 6000)
        for words, role in ((_QUOTE_SELF, "seller"), (_QUOTE_OTHER, "buyer")):
            for w in words:
                if w in head and w not in roles:
                    roles[w] = role  # type: ignore[assignment]
                    designations.append(Designation(w, role, "lexicon", None))  # type: ignore[arg-type]
    parts = [Part(kind, title, title_where.block if title_where else 0, title_where or _where(0, (0, 0)))]
    parts += _parts(doc, kind, title_where.block if title_where else None)
    if any(p.kind == "contract" for p in parts) and any(p.kind == "order" for p in parts):
        framework = True
    incorporates = _incorporates(doc, title_where) if kind == "order" else None
    if incorporates is not None:
        framework = True  # an order placed under an agreement: the agreement frames it
    general = _first(doc, _GENERAL_TERMS, gate=_PARTS_WORDS) or _first(doc, _SPECIAL_TERMS, gate=_PARTS_WORDS)
    return Structure(
        kind=kind,
        title=title,
        title_where=title_where,
        framework=framework,
        roles=roles,
        designations=tuple(designations),
        party_heads=tuple(h for h in heads if h.where.block < first_head + 40),
        definitions=defs,
        sections=tuple(_sections(doc)),
        parts=tuple(parts),
        key_terms=_first(doc, _KEY_TERMS, search=True, gate=_KEY_TERMS_WORDS),
        general_terms=general,
        language=_language(doc),
        incorporates=incorporates,
        amends_main=_amends_main(doc),
        definition_entries=tuple(entries),
        _definition_spans={i: tuple(sorted(v)) for i, v in covered.items()},
        _definition_blocks=frozenset(i for i, v in covered.items() if _covered_whole(doc.blocks[i].norm, v)),
    )


#: What may stay outside the definitions in a block that is definitions as a whole: numbering, punctuation.
_LEFTOVER = re.compile(r"[\s\d.、,，;；:：。()（）\[\]【】\-—–]*")


def _covered_whole(text: str, spans: list[tuple[int, int]]) -> bool:
    """True when ``spans`` cover ``text`` but for numbering, punctuation and spaces."""
    pos = 0
    for s, e in sorted(spans):
        if s > pos and not _LEFTOVER.fullmatch(text, pos, s):
            return False
        pos = max(pos, e)
    return _LEFTOVER.fullmatch(text, pos) is not None


#: An order or call-off contract incorporating another agreement by reference.
_INCORPORATES = re.compile(
    r"(?:根据|依据|按照|依照|基于|遵照|执行)[^。；;]{0,30}?《[^》]{2,40}(?:协议|合同|合约|协议书|協議|合約)[^》]{0,8}》"
    r"|《[^》]{2,40}(?:协议|合同|合约|协议书|協議|合約)》(?:\s*[(（][^)）]{0,40}[)）])?[^。；;]{0,8}?项下"
    r"|(?:未尽事宜|其他事项|其余条款|其他条款|其他未约定事项)[^。；;]{0,12}?(?:按|依|适用|以|执行)[^。；;]{0,8}?"
    r"《[^》]{2,40}(?:协议|合同|合约|协议书|協議|合約)》"
    r"|(?:本订单|本采购单|本订货单|本采购订单|本訂單)[^。；;]{0,12}?(?:是|为|構成|构成|作为)[^。；;]{0,12}?"
    r"《[^》]{2,40}》[^。；;]{0,8}?(?:的)?(?:组成部分|附件|一部分)"
    r"|\b(?:under|pursuant\s+to|subject\s+to|governed\s+by|in\s+accordance\s+with|as\s+set\s+out\s+in)\s+"
    r"(?:the\s+)?(?:terms\s+(?:and\s+conditions\s+)?of\s+(?:the\s+)?)?(?!this\b|these\b)"
    r"[A-Z][\w\s-]{0,40}?\b(?:Agreement|Contract)\b",
    re.IGNORECASE,
)
#: An order's terms left to an agreement it names without quotes: 其他条款：按协议第 4 条、第 5 条执行 /
#: 未尽事宜按双方签订的年度采购协议执行 / 交货、验收及付款均按框架合同的约定 / 以框架协议为准.
_INCORPORATES_BARE = re.compile(
    r"(?:按|依|依照|按照|根据|适用|执行|遵照)\s*(?:双方(?:已|于[^，,。；;]{0,16})?签(?:订|署)的)?[^，,。；;《]{0,16}?"
    r"(?:协议|合同|合约|協議|合約)(?!法)\s*(?:第\s*[\d一二三四五六七八九十]+(?:\.\d+)*\s*(?:条|款|章|項|项)"
    r"|的?(?:约定|规定|条款)"
    r"|执行|為準|为准)"
    r"|以[^，,。；;]{0,12}?(?:框架|年度|主|总)(?:采购|供货|购销)?(?:协议|合同)为准",
)
_QUOTED_TITLE = re.compile(r"《([^》]+)》")
_STATUTE = re.compile(r"(?:法|法典|条例|规定|办法|解释|通则|规则|标准|意见|通知)$")
#: Every ``_INCORPORATES`` match holds one of these; every ``_INCORPORATES_BARE`` match one of the second.
_INCORPORATES_WORDS = (
    "《", "under", "Under", "pursuant", "Pursuant", "subject to", "Subject to", "governed", "accordance",
    "set out in",
)  # fmt: skip
_INCORPORATES_ANY_WORDS = (*_INCORPORATES_WORDS, "协议", "合同", "合约", "協議", "合約")


def _incorporates(doc: Document, title: Where | None) -> Where | None:
    """The first clause in which an order says it is placed under another agreement (not in its own title),
    named in 《》 or without quotes (按协议第4条执行, 未尽事宜按双方签订的年度供货协议执行)."""
    for i in block_indices_naming(doc, _INCORPORATES_ANY_WORDS):
        t = doc.blocks[i].norm
        after = title.span[1] if title is not None and title.block == i else 0
        for m in _INCORPORATES.finditer(t, after):
            quoted = _QUOTED_TITLE.findall(m.group())  # the last title is the one the pattern read
            if quoted and _STATUTE.search(quoted[-1]):
                continue  # a statute (《中华人民共和国合同法》), not an agreement
            return _where(i, m.span())
        bm = _INCORPORATES_BARE.search(t, after)
        if bm:
            return _where(i, bm.span())
    return None


_MAIN_CONTRACT = (
    r"(?:主合同|原合同|原协议|主协议|原買賣合同|原买卖合同|主合約|原合約|主合约|原合约"
    # the framework a supplement or annex amends (not 本框架协议: the framework speaking of its own annexes)
    r"|(?<!本)(?<!该)(?:原)?(?:框架协议|框架合同|框架合约|总协议|框架協議|總協議)"
    r"|原(?:采购|销售|购销|供货|买卖|设备|加工|订货)(?:合同|协议))"
)
#: A document that supplements or adjusts another: 补充协议 by its name, or a confirmation, annex or memo
#: speaking of itself (本确认书, 本附件, 本备忘录 — not 附件一 or 订单确认书 named in the main agreement).
_SUPPLEMENT = (
    r"(?:补充协议|補充協議|补充合同|補充合同|变更协议|修改协议|修订协议|變更協議"
    r"|本(?:价格)?(?:调整)?确认书|本(?:價格)?(?:調整)?確認書|本附件|本备忘录|本備忘錄|本调价函|本调整函|本函)"
)
_REST_OF_MAIN = re.compile(
    _MAIN_CONTRACT + r"[^。；;\n]{0,80}?(?:其余|其他|其它|未被?[^。；;\n]{0,12}?(?:修改|变更|修订|调整)的)"
    r"[^。；;\n]{0,40}?(?:条款|内容|约定|事项)[^。；;\n]{0,6}?(?:不变|继续有效|仍然有效|仍有效|继续履行|均有效)"
    + r"|"
    + _SUPPLEMENT
    + r"[^。；;\n]{0,4}?未(?:约定|规定|涉及|尽|调整|修改|变更)[^。；;\n]{0,12}?(?:适用|按照?|依照?|以|执行)"
    r"[^。；;\n]{0,4}?"
    + _MAIN_CONTRACT
    + r"|未(?:经|被)?(?:本)?(?:补充协议|補充協議|确认书|附件)[^。；;\n]{0,4}?(?:修改|变更|修订|调整)的"
    r"[^。；;\n]{0,4}?"
    + _MAIN_CONTRACT
    # 未调整事项仍按框架协议执行 / 未修改的条款继续适用原合同: what an amendment leaves stands
    + r"|未(?:调整|修改|变更|修订|調整)(?:的)?(?:事项|条款|内容|部分|事宜)?[^。；;\n]{0,6}?(?:仍|继续|均)?"
    r"(?:按照?|适用|依照?|执行|以)[^。；;\n]{0,4}?"
    + _MAIN_CONTRACT
    # 本补充协议是原合同不可分割的组成部分 / 与原合同具有同等法律效力: the supplement is read into the main
    # contract, whose terms stand where it says nothing
    + r"|"
    + _SUPPLEMENT
    + r"[^。；;\n]{0,6}?(?:是|为|構成|构成|作为|係|系|為)"
    + _MAIN_CONTRACT
    + r"[^。；;\n]{0,4}?(?:不可分割的|有效的)?(?:组成部分|一部分|附件|組成部分)"
    + r"|"
    + _SUPPLEMENT
    + r"[^。；;\n]{0,6}?与"
    + _MAIN_CONTRACT
    + r"[^。；;\n]{0,4}?具有同等(?:的)?(?:法律)?效力"
)
_MAIN_CONTRACT_WORDS = (
    "主合同", "原合同", "原协议", "主协议", "原買賣合同", "原买卖合同",
    "主合約", "原合約", "主合约", "原合约", "框架", "总协议", "總協議", "原采购", "原销售", "原购销",
    "原供货", "原买卖", "原设备", "原加工", "原订货",
)  # fmt: skip


def _amends_main(doc: Document) -> Where | None:
    """The first clause in which a supplementary agreement leaves the rest to the main contract."""
    for i in block_indices_naming(doc, _MAIN_CONTRACT_WORDS):
        m = _REST_OF_MAIN.search(doc.blocks[i].norm)
        if m:
            return _where(i, m.span())
    return None


def _is_quote_deal(doc: Document) -> bool:
    deal = doc.deal or {}
    return str(deal.get("kind") or deal.get("type") or "").lower() == "quote"


def extract(contract: Contract) -> Structure:
    """The structure facts of ``contract``."""
    return analyse(contract.doc)
