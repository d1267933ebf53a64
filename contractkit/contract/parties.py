"""Party facts: each party with its designation, role, name, credit code, address, legal representative,
phone, bank and account — each with the place it was read — and every later mention of a party by name
(signature block, body text).

The text is read as rows of cells, whatever the layout: a paragraph or line is one row (split into cells
where two or more spaces or a tab stand between its parts: ``法定代表人：王力  电话：…``), a Word table row
is a row of its cells. A row yields ``label：value`` segments; a party label (甲方（买方）：, 客户名称,
Seller:, 买方（盖章）：) opens a party, detail labels (统一社会信用代码, 住所, 法定代表人及电话 …) fill the
parties opened last — one per segment when a row holds as many segments as parties were opened side by
side (two-column signature blocks, 项目｜供方｜需方 tables). A designation before a detail label
(买方住所, 客户地址) names the party directly (key-terms tables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from contractkit.contract.model import Where
from contractkit.contract.party_kinds import PartyKind, kind_of, split_note
from contractkit.contract.structure import BUYER_WORDS, NEUTRAL_WORDS, SELLER_WORDS, Role, lexicon_role

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.contract.structure import Structure
    from contractkit.readers.model import Document

DetailKind = Literal[
    "name", "code", "reg", "id", "trade", "address", "legal", "agent", "phone", "fax", "email", "contact",
    "bank", "account",
]  # fmt: skip

#: Detail labels by kind, in any drafting style (Chinese and English), longest first within a kind.
DETAIL_LABELS: dict[str, tuple[str, ...]] = {
    "code": (
        "统一社会信用代码", "社会信用代码", "信用代码", "统一编号", "组织机构代码", "营业执照注册号",
        "营业执照号码", "营业执照号", "营业执照", "工商注册号", "注册号", "纳税人识别号", "税务登记号",
        "税号", "unified social credit code", "credit code",
    ),
    # a registration outside the mainland's credit-code system (Hong Kong 商業登記證, a company number)
    "reg": (
        "商业登记证号码", "商业登记证号", "商业登记号码", "商业登记编号", "商业登记证", "商业登记",
        "公司注册编号", "公司注册号码", "公司注册号", "公司编号", "注册编号", "注册证书编号", "登记证号码",
        "登记编号", "登记号码", "登记证号", "注册证号",
        "business registration no", "business registration number", "br no", "company registration no",
        "company registration number", "company no", "company number", "registration no",
        "registration number", "commercial register", "commercial registry", "trade register",
        "handelsregister", "registered number", "注册登记号", "注册登记",
        # Japan's 法人番号 (corporate number), Korea's 事業者登録番号 (business registration number)
        "法人番号", "事业者登录番号", "corporate number",
    ),
    "id": (
        "香港居民身份证号码", "香港身份证号码", "澳门居民身份证号码", "居民身份证号码", "公民身份号码",
        "身份证件号码", "身份证号码", "身份证号", "身份证", "证件号码",
        "证件号", "护照号码", "护照号", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "id no",
        "passport no",
    ),
    # the 字号 (trading name) of a 个体工商户 whose operator is named as the party
    "trade": ("个体工商户字号", "个体户字号", "字号名称", "字号", "商号", "店名", "店铺名称"),
    "address": (
        "注册地址", "单位地址", "公司地址", "企业地址", "单位住所", "公司住所", "企业住所", "住所地址",
        "住所地", "住所", "注册地", "营业地址", "营业场所", "主要经营场所", "经营场所", "办公场所",
        "办公地点", "所在地", "通讯地址", "通信地址", "联系地址", "联络地址", "办公地址", "经营地址",
        "送达地址", "店面地址", "门店地址", "店铺地址", "门市地址", "工厂地址", "厂址", "家庭住址",
        "家庭地址", "户籍地址", "户籍地", "现住址", "居住地址", "现居住地", "常住地址", "地址", "住址",
        "registered address", "registered office", "business address", "address",
        # an exporter's letterhead: Add.: / Addr: (a label only before its colon)
        "add.", "addr.", "addr", "add",
    ),
    "legal": (
        "法定代表人姓名", "法定代表人", "法人代表", "法定代表", "单位负责人", "主要负责人", "负责人姓名",
        "负责人", "法人", "执行事务合伙人", "经营者姓名", "经营者",
        "投资人", "店主", "理事长", "会长", "董事长",
        "执行董事", "院长", "校长", "局长", "所长", "站长", "馆长", "园长", "厂长", "社长", "主任",
        "legal representative",
        # the representative director of a Japanese 株式会社 (代表取締役) or a Korean company (代表理事)
        "代表取缔役", "代表理事",
    ),
    "agent": (
        "法定代表人或授权代表", "法定代表人或委托代理人", "法定代表人/授权代表", "授权代表", "委托代理人",
        "代理人", "签约代表", "代表人", "代表", "董事", "authorised representative",
        "authorized representative", "authorised signatory", "authorized signatory", "director",
    ),
    "phone": (
        "联系电话", "电话号码", "电话", "手机号码", "手机号", "手机", "联系方式", "固定电话", "tel",
        "telephone", "phone", "mobile",
    ),
    "fax": ("传真", "fax"),
    "email": ("电子邮箱", "电子邮件", "邮箱", "e-mail", "email"),
    "contact": (
        "联系人姓名", "联系人", "销售代表", "业务代表", "业务员", "经办人", "contact person", "contact",
    ),
    "bank": ("开户银行", "开户行", "开户名称", "户名", "bank"),
    "account": ("银行账号", "银行账户", "收款账号", "账号", "帐号", "账户", "account no", "account"),
    "name": ("单位名称", "企业名称", "公司名称", "名称", "全称", "姓名", "name"),
    "other": ("日期", "签署日期", "签订日期", "邮编", "邮政编码", "date"),
}  # fmt: skip
#: Detail labels as a scan misreads them: 人 read as 入 (法定代表入, 联系入), and an address label whose first
#: character is lost (址： for 住址 / 地址 — no other label ends a word in 址).
DETAIL_LABELS = {
    kind: (*words, *(w.replace("人", "入") for w in words if "人" in w and not w.isascii()))
    + (("址",) if kind == "address" else ())
    for kind, words in DETAIL_LABELS.items()
}
_KIND_OF_LABEL = {w: k for k, words in DETAIL_LABELS.items() for w in words}
#: The labels and party words a padded word (``电　　话``, ``甲　　方``) may be.
_KNOWN_WORDS = frozenset(_KIND_OF_LABEL) | frozenset((*BUYER_WORDS, *SELLER_WORDS, *NEUTRAL_WORDS))
_LABEL_ALT = "|".join(re.escape(w) for w in sorted(_KIND_OF_LABEL, key=len, reverse=True))
_PARTY_WORDS = sorted({*BUYER_WORDS, *SELLER_WORDS, *NEUTRAL_WORDS}, key=len, reverse=True)
#: Designations that are a person acting for a party, not a party (报价人: the sales rep), and the role of
#: the party that person acts for.
_NOT_A_PARTY: dict[str, Role] = {"报价人": "seller"}
_PARTY_ALT = "|".join(
    r"\s?".join(re.escape(c) for c in w) if not w.isascii() else re.escape(w) for w in _PARTY_WORDS
)
_SIGN_PAREN = r"[(（][^)）]{0,16}[)）]"
#: ``甲方（买方）：``, ``买方（盖章）Buyer (seal)：``, ``统一社会信用代码 Credit Code：``, ``买方住所：``;
#: a label in brackets after an everyday word (老板（法定代表人）：) is a segment from the bracket.
_SEGMENT = re.compile(
    rf"(?:(?P<party>{_PARTY_ALT})(?:的)?(?:基本)?(?:信息|资料|情况)?(?:\s*(?P<paren>[(（][^)）]{{0,30}}[)）]))?"
    rf"(?P<pclose>\s*[)）])?\s*(?P<plabel>{_LABEL_ALT})?"
    rf"|(?P<label>(?:{_LABEL_ALT})(?:\s*(?:/|及|和|或|、)\s*(?:{_LABEL_ALT}))*(?:\s*[)）])?))"
    rf"\s*(?P<sign>{_SIGN_PAREN})?(?P<gloss>\s*[(（][A-Za-z][A-Za-z .,'/&-]{{0,40}}[)）])?"
    rf"(?P<english>\s*[A-Za-z][A-Za-z .()/&-]{{0,40}}?)?\.?\s*[:：]",
    re.IGNORECASE,
)
#: Where a segment may start: the start of a cell, after a space, an opening bracket, a separator or the
#: colon of a heading label (甲方的基本资料：统一社会信用代码：…).
_SEG_BEFORE = frozenset(' \t(（;；,，、\n:”“"')
_SEP_AT = re.compile(r"[ \t(（;；,，、\n:”“\"]")  # a quote mark too: OCR reads stray ones (曲红梅 ” ”电话:)
#: The characters a party word or a detail label starts with (any case).
_SEG_FIRST = frozenset(
    c for w in (*_PARTY_WORDS, *_KIND_OF_LABEL) for c in (w[0], w[0].upper(), w[0].lower())
)
#: ``2 买方名称 四川蓉通仓储物流有限公司`` / ``买方法定代表人及电话 宋丽萍;028-82736615`` (no colon).
_TABLE_LINE = re.compile(
    rf"^\s*(?:\d{{1,2}}\s+)?(?P<party>{_PARTY_ALT})(?P<plabel>(?:{_LABEL_ALT})(?:\s*(?:/|及|和|或|、)\s*"
    rf"(?:{_LABEL_ALT}))*)\s+(?P<value>\S.*)$",
    re.IGNORECASE,
)
_LABEL_PART = re.compile(_LABEL_ALT, re.IGNORECASE)
#: ``2 买方 杭州墨林文房用品连锁有限公司``: a numbered key-terms row of a party word and its name.
_NUMBERED_PARTY = re.compile(
    rf"^\s*\d{{1,2}}\s+(?P<party>{_PARTY_ALT})\s+(?P<value>[^\s\d].*?)\s*$", re.IGNORECASE
)
#: A cell that is only a label (``报价单位``, ``客户名称``, ``单位名称(章)``, ``供方``): the next cell is its
#: value.
_BARE = re.compile(
    # 中标供应商 / 成交供应商 / 中选供应商 heading a procurement contract's party column: the party word after
    # the award
    rf"^\s*(?:(?:中标|成交|中选|入围|签约)?(?P<party>{_PARTY_ALT})\s*(?P<plabel>(?:{_LABEL_ALT})(?:\s*(?:/|及|和|或|、)\s*(?:{_LABEL_ALT}))*)?"
    rf"|(?P<label>(?:{_LABEL_ALT})(?:\s*(?:/|及|和|或|、)\s*(?:{_LABEL_ALT}))*))\s*(?P<sign>{_SIGN_PAREN})?"
    r"(?:\s*[A-Za-z][A-Za-z .()/&-]{0,40}?)?\s*[:：]?\s*$",
    re.IGNORECASE,
)
#: A label line of a kind not read (邮编：…, 开户许可证：…, VAT No.: …, Place of registration: …).
#: A bilingual form gives the English after the Chinese label (注册登记 Registration：…, 邮编 Post Code：…).
_OTHER_LABEL = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{1,20}(?:[(（][^)）]{0,10}[)）]|[(（][A-Za-z][A-Za-z .,'/&-]{0,40}[)）])?"
    r"(?:\s*[A-Za-z][A-Za-z .'/&-]{1,40})?"
    r"|[A-Za-z][A-Za-z .'/&-]{1,30})\s*[:：]"
)
_SIGN_TAIL = re.compile(rf"\s*{_SIGN_PAREN}\s*$")
#: The border of a cell of a table drawn in text (``| 卖方：…（盖章） | 买方：… |``) after a value.
_CELL_BORDER = re.compile(r"(?:\s*[|｜])+\s*$")
#: Party data sits at the head (party block, key-terms table) and the tail (signature block) of a document;
#: in between only lines that start with a party word are read.
_HEAD_ZONE = 120
_TAIL_ZONE = 80
_MAX_BARE = 60
_ROW_START = re.compile(rf"^\s*(?:\d{{1,2}}\s+)?(?:{_PARTY_ALT})", re.IGNORECASE)


#: The characters a party word starts with (any case).
_PARTY_FIRST = frozenset(c for w in _PARTY_WORDS for c in (w[0], w[0].upper(), w[0].lower()))
#: A body line as :func:`_rows` gives it (not split, not read): its one cell starts here.
_BODY_LINE = -1


def _row_start(text: str) -> bool:
    """``_ROW_START.match(text)``, tried only where a party word (or ``2 买方…``) can begin the text."""
    s = text.lstrip()
    if not s:
        return False
    if s[0].isdigit():  # 2 买方名称 …: one or two digits, a space, a party word
        k = 2 if len(s) > 1 and s[1].isdigit() else 1
        rest = s[k:]
        if not rest[:1].isspace() or rest.lstrip()[:1] not in _PARTY_FIRST:
            return False
    elif s[0] not in _PARTY_FIRST:
        return False
    return _ROW_START.match(text) is not None


_CELL_SPLIT = re.compile(r"[ \u3000\t]{2,}|\t")
_SIGN_WORDS = re.compile(r"盖章|签字|签章|签名|签署|公章|合同章|专用章|印章|用印|seal|sign", re.IGNORECASE)
_PHONE_IN = re.compile(r"(?:\+?\d[\d\s-]{5,}\d)")
_FILLER = re.compile(r"^[\s_＿\-—.…/]*$")
#: Chinese labels of the details that identify a party; one may follow a name or stand before its value
#: without a colon (``…有限公司 统一社会信用代码9150…``, ``住所 重庆市…``).
_STRONG_KINDS = (
    "code", "reg", "id", "address", "legal", "phone", "agent", "contact", "fax", "email", "bank", "account"
)  # fmt: skip
_STRONG_ALT = "|".join(
    re.escape(w)
    for w in sorted(
        (w for k in _STRONG_KINDS for w in DETAIL_LABELS[k] if not w.isascii()), key=len, reverse=True
    )
)
#: A comma ends a name, except the one before the form of a company named in Latin letters (Co., Ltd.).
_NAME_COMMA = (
    r",(?!\s*(?:Ltd|Limited|Inc|LLC|Corp|Corporation|S\.?A|S\.?p\.?A|GmbH|Pte|Pty|B\.?V|AG|KG|PLC|JSC|Co)\b)"
    r"|[，;；。]"
)
_NAME_END = re.compile(
    rf"[(（]\s*[“\"「『]|[(（](?:以下|下称|下文|简称|hereinafter|{_LABEL_ALT})|[(（](?![^)）]{{1,12}}[)）])|{_NAME_COMMA}|\s+[”“]"
    rf"|\s{{2,}}|\s(?=(?:{_LABEL_ALT})(?:\s|[:：]|$))|\s(?=(?:{_STRONG_ALT})[\s\dA-Z\u4e00-\u9fff+])",
    re.IGNORECASE,
)
#: A detail line without a colon: ``统一社会信用代码 9150…`` / ``法定代表人 王力`` (a space between label and
#: value) or ``统一社会信用代码9150…`` / ``电话023-6738…`` (a code or number right after its label).
_PLAIN_DETAIL = re.compile(
    rf"^\s*(?P<label>{_STRONG_ALT})(?:[ \t\u3000]+(?=[^\s:：])|(?=[0-9A-Z+(（]))(?P<value>\S.*?)\s*$"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_UNCLOSED_TAIL = re.compile(r"[(（][^)）]*[)）]$")
_ORG_SUFFIX = re.compile(r"(?:公司|集团|厂|中心|局|院|所|部|社|店|行|会|校|处|站|队|合作社|商行|工作室)$")
_PERSON = re.compile(r"[\u4e00-\u9fff·]{2,4}")


@dataclass(frozen=True, slots=True)
class Detail:
    """One detail of a party (``value`` as written; ``blank`` for an unfilled ``____``)."""

    kind: str
    label: str
    value: str
    blank: bool
    where: Where


@dataclass(frozen=True, slots=True)
class Party:
    """A party as the document introduces it (its first party line or table column)."""

    key: str
    designations: tuple[str, ...]
    role: Role | None
    name: str
    name_where: Where | None
    kind: PartyKind
    details: dict[str, Detail] = field(default_factory=dict)

    @property
    def foreign(self) -> bool:
        """True for a party outside the mainland (Hong Kong, Macau, Taiwan, abroad): no credit code."""
        return self.kind == "foreign"

    @property
    def person(self) -> bool:
        """True for a natural person (a name, an ID number)."""
        return self.kind == "person"

    @property
    def core_name(self) -> str:
        """The name without the note in brackets after it (（个体工商户）, （香港注册公司））."""
        return split_note(self.name)[0]

    def detail(self, kind: str) -> Detail | None:
        """The first filled-in detail of ``kind``, else the blank one, else None."""
        return self.details.get(kind)

    def has(self, kind: str) -> bool:
        """True when the party states ``kind`` (filled in or left blank in a template)."""
        return kind in self.details


@dataclass(frozen=True, slots=True)
class Mention:
    """A later party line naming a party: in the signature block (``signature``) or elsewhere."""

    key: str
    designation: str
    name: str
    signature: bool
    where: Where


@dataclass(frozen=True, slots=True)
class Parties:
    """The parties of the document, the later party lines and the short names it defines."""

    parties: tuple[Party, ...]
    mentions: tuple[Mention, ...]
    aliases: dict[str, str]

    def by_role(self, role: Role) -> Party | None:
        """The party of ``role`` (buyer or seller), if the document says which is which."""
        return next((p for p in self.parties if p.role == role), None)


@dataclass(slots=True)
class _Seg:
    party: str | None
    sign: bool
    kinds: tuple[str, ...]
    label: str
    value: str
    block: int
    span: tuple[int, int]
    col: int
    #: the role whose person the segment names, whatever party the row is about (报价人 → the seller)
    side: Role | None = None


@dataclass(slots=True)
class _Open:
    key: str
    designation: str
    role: Role | None
    name: str
    name_where: Where | None
    first: int
    designations: list[str]
    details: dict[str, Detail] = field(default_factory=dict)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the phone numbers in ``text``; two complete numbers side by side (``0571-87651234
    021-50801234``) are two, a number written in groups (``138 1234 5678``) is one."""
    out: list[tuple[int, int]] = []
    for m in _PHONE_IN.finditer(text):
        pieces = list(re.finditer(r"\S+", m.group()))
        if len(pieces) > 1 and all(sum(c.isdigit() for c in p.group()) >= 7 for p in pieces):
            out.extend((m.start() + p.start(), m.start() + p.end()) for p in pieces)
        else:
            out.append(m.span())
    return out


def _squeeze(word: str) -> str:
    w = re.sub(r"\s+", "", word)
    return w.lower() if w.isascii() else w


def _kinds(label: str) -> tuple[str, ...]:
    out: list[str] = []
    for m in _LABEL_PART.finditer(label):
        k = _KIND_OF_LABEL.get(m.group().lower(), _KIND_OF_LABEL.get(m.group()))
        if k and k not in out:
            out.append(k)
    if "agent" in out and "legal" in out:
        out.remove("legal")  # 法定代表人或授权代表: whoever signs, not a detail of the party
    return tuple(out)


def furniture(doc: Document) -> frozenset[int]:
    """Blocks that are page furniture of a paginated document (a PDF): a page number (``第 2 页``, ``- 3 -``,
    ``Page 2 of 5``), or a line at the top or bottom of its page whose text (digits aside) recurs at the top
    or bottom of another page (a running header with the contract number)."""
    edges: dict[int, list[int]] = {}
    for i, b in enumerate(doc.blocks):
        page = b.location.page
        if page is not None and b.location.table is None:
            edges.setdefault(page, []).append(i)
    if len(edges) < 2:
        return frozenset()
    out: set[int] = set()
    seen: dict[str, set[int]] = {}
    at_edge: list[tuple[int, str]] = []
    for page, blocks in edges.items():
        for i in {*blocks[:2], *blocks[-2:]}:
            t = doc.blocks[i].norm
            if _PAGE_NUMBER.search(t):
                out.add(i)
                continue
            key = _DIGITS.sub("#", t.strip())
            if key:
                seen.setdefault(key, set()).add(page)
                at_edge.append((i, key))
    out.update(i for i, key in at_edge if len(seen[key]) >= 2)
    return frozenset(out)


_PAGE_NUMBER = re.compile(
    r"第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$|^\s*[-—]?\s*\d{1,3}\s*[-—]?\s*$"
    r"|^\s*\d{1,3}\s*/\s*\d{1,3}\s*$|\bpage\s+\d+(?:\s+of\s+\d+)?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
#: A line of party words only (``出卖人 买受人``, ``供方（盖章）  需方（盖章）``): the column heads of a
#: signature or party table whose cells a PDF reader put on one line.
_PARTY_CELL = re.compile(rf"(?:{_PARTY_ALT})(?:\s*{_SIGN_PAREN})?", re.IGNORECASE)
_PARTY_ROW = re.compile(rf"^\s*(?:{_PARTY_CELL.pattern}\s+)+{_PARTY_CELL.pattern}\s*$", re.IGNORECASE)


#: A phone, mail or legal-representative label a scan glued to the value before it (``法定代表人:王海滨电话:
#: 0532-…``, ``…3 号楼法定代表人: 高文涛``): labels no address or name ends with.
_GLUED = re.compile(
    r"(?:联系电话|电话号码|电话|手机号码|手机号|手机|传真|电子邮箱|电子邮件|邮箱|法定代表人|统一社会信用代码"
    r"|授权代表|委托代理人)(?=\s*[:：])"
)
_GLUED_GATE = ("电", "手机", "传真", "邮", "法定代表人", "信用代码", "授权代表", "委托代理人")
#: The characters a segment may follow (:data:`_SEP_AT`).
_SEP_CHARS = frozenset(' \t(（;；,，、\n:”“"')


#: A label spread out by padding (``甲　　方：``, ``住 所：``, ``电　　话：``) at the start of a line or cell.
_PADDED = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fff](?:[ \t]+[\u4e00-\u9fff]){1,7}(?=\s*[:：(（])")


def _unpad(text: str) -> str:
    """``text`` with each padded label's characters brought together and its spaces put before it (the same
    length, so every later offset still points into the block's text). A padded name before a padded label
    (``法定代表人：邹　敏　　　电　话：``) keeps its own spacing: only the label's characters are joined."""
    if not _PADDED.search(text):
        return text
    return _PADDED.sub(_join_padded, text)


def _join_padded(m: re.Match[str]) -> str:
    """The padded match with the known word at its end (the whole, else its longest known tail) joined."""
    group = m.group()
    chars = [k for k, ch in enumerate(group) if not ch.isspace()]
    squeezed = "".join(group[k] for k in chars)
    if squeezed not in _KNOWN_WORDS:
        tail = next((n for n in range(1, len(chars) - 1) if squeezed[n:] in _KNOWN_WORDS), None)
        if tail is not None:  # 邹 敏   电 话: the name stays, 电话 is joined
            head = group[: chars[tail]]
            return head + _join_padded_all(group[chars[tail] :])
    return _join_padded_all(group)


def _join_padded_all(group: str) -> str:
    joined = group.replace(" ", "").replace("\t", "")
    return " " * (len(group) - len(joined)) + joined


def _rows(doc: Document) -> list[list[tuple[int, int, int, str]]]:
    """Rows of cells ``(block, start, end, text)``: a Word table row, else a line split on wide spaces (a
    line of party words only on every space); page furniture is left out.

    :func:`_grid` gives each cell's column (the Word grid column, or its place in the line)."""
    rows: list[list[tuple[int, int, int, str]]] = []
    current: tuple[int | None, int | None] = (None, None)
    last = len(doc.blocks) - _TAIL_ZONE
    skip = furniture(doc)
    body = False  # the last row is a body line: a run of them is one marker (analyse only resets on it)
    for i, b in enumerate(doc.blocks):
        if i in skip:
            continue
        if _HEAD_ZONE <= i < last and not _row_start(b.norm):
            if not body:
                rows.append([(i, _BODY_LINE, len(b.norm), b.norm)])  # a body line: skipped by analyse
                body = True
            current = (None, None)
            continue
        body = False
        loc = b.location
        if loc.table is not None:
            key = (loc.table, loc.row)
            if key != current or not rows:
                rows.append([])
                current = key
            rows[-1].append((i, 0, len(b.norm), b.norm))
            continue
        current = (None, None)
        cells: list[tuple[int, int, int, str]] = []
        start = 0
        t = _unpad(b.norm) if " " in b.norm else b.norm
        for m in _CELL_SPLIT.finditer(t):
            if m.start() > start:
                cells.append((i, start, m.start(), t[start : m.start()]))
            start = m.end()
        if start < len(t):
            cells.append((i, start, len(t), t[start:]))
        if len(cells) == 1 and " " in t and _PARTY_ROW.match(t):
            cells = [(i, m.start(), m.end(), m.group()) for m in _PARTY_CELL.finditer(t)]
        if cells:
            rows.append(cells)
    return rows


def _grid(doc: Document, row: list[tuple[int, int, int, str]]) -> list[int]:
    """The column of each cell of ``row``: Word's grid column (empty cells make no block), else its place."""
    cols = [doc.blocks[c[0]].location.cell for c in row]
    if all(c is not None for c in cols) and len({c[0] for c in row}) == len(row):
        return [int(c) for c in cols]  # type: ignore[arg-type]
    return list(range(len(row)))


def _segments(row: list[tuple[int, int, int, str]]) -> list[_Seg]:
    """The ``label：value`` segments of one row, in order, with the cell (column) each starts in.

    A cell that is only a label takes the next cell as its value, unless that cell is a label too.
    """
    segs: list[_Seg] = []
    bare = [_BARE.match(text) if len(text) <= _MAX_BARE else None for (_i, _s, _e, text) in row]
    skip = -1
    for col, (i, base, _e, text) in enumerate(row):
        if col == skip:
            continue
        bm = bare[col]
        if bm is not None:
            party = bm.group("party")
            label = bm.group("plabel") or bm.group("label") or ""
            sign = bool(bm.group("sign") and _SIGN_WORDS.search(bm.group("sign")))
            value, span, at = "", (base + bm.end(), base + bm.end()), i
            inner: list[re.Match[str]] = []
            if (
                col + 1 < len(row)
                and bare[col + 1] is None
                and not _SEGMENT.match(row[col + 1][3].lstrip())
                and not (
                    party and _row_start(row[col + 1][3])
                )  # 甲方(盖章) | 乙方确认(盖章): another party's cell
            ):
                ni, ns, _ne, ntext = row[col + 1]
                # 买方 | 华骋…有限公司；统一社会信用代码：…；住所：… — the name, then the details in one cell
                inner = _starts(ntext, 1)
                head = ntext[: inner[0].start()] if inner else ntext
                value = head.strip().rstrip("。;；,，")
                lead = len(head) - len(head.lstrip())
                span, at = (ns + lead, ns + lead + len(value)), ni
                skip = col + 1
            segs.append(_seg(party, label, sign, value, at, span, col))
            if inner:
                segs.extend(
                    _colon_segments(row[col + 1][3], row[col + 1][1], row[col + 1][0], col + 1, inner)
                )
            continue
        nm = _NUMBERED_PARTY.match(text) if ":" not in text and text.lstrip()[:1].isdigit() else None
        if (
            nm is not None
            and len(nm.group("value").strip()) <= 40
            and not re.search(r"[,，;；。]", nm.group("value"))
            and _ORG_SUFFIX.search(_UNCLOSED_TAIL.sub("", nm.group("value").strip()))
        ):
            # 2 买方 杭州墨林文房用品连锁有限公司: a numbered key-terms row naming the party, no label
            value = nm.group("value").strip()
            s = base + nm.start("value")
            segs.append(_seg(nm.group("party"), "", False, value, i, (s, s + len(value)), col))
            continue
        tm = _TABLE_LINE.match(text) if _ROW_START.match(text) else None
        if tm and ":" not in text[: tm.start("value")] and "：" not in text[: tm.start("value")]:
            value = tm.group("value").strip()
            s = base + tm.start("value")
            segs.append(
                _seg(tm.group("party"), tm.group("plabel"), False, value, i, (s, s + len(value)), col)
            )
            continue
        if ":" not in text:
            if (pm := _PLAIN_DETAIL.match(text)) and not _ROW_START.match(text):
                parts = _plain_parts(text)
                if len(parts) >= 2:
                    # 信用代码 9143…，地址 长沙市…，老板（法定代表人）彭银川，电话 0731-…: one detail a part
                    for label, value, s in parts:
                        segs.append(
                            _seg(None, label, False, value, i, (base + s, base + s + len(value)), col)
                        )
                    continue
                value = pm.group("value").rstrip("。;；,，")
                s = base + pm.start("value")
                segs.append(_seg(None, pm.group("label"), False, value, i, (s, s + len(value)), col))
            continue  # every other segment ends in a colon (normalized text folds ： to :)
        starts = _starts(text, 0)
        im = _ISSUER_LABEL.match(text) if not starts or starts[0].start() > 0 else None
        if im is not None and (not starts or starts[0].start() >= im.end()):
            # 澳门商业及动产登记局登记编号：SO 58213 — a registration named after the office that keeps it
            vend = starts[0].start() if starts else len(text)
            raw = text[im.end() : vend]
            value = raw.strip().rstrip("。;；,，")
            s = base + im.end() + len(raw) - len(raw.lstrip())
            segs.append(_seg(None, im.group("label"), False, value, i, (s, s + len(value)), col))
        segs.extend(_colon_segments(text, base, i, col, starts))
    return segs


_REG_ALT = "|".join(
    re.escape(w)
    for w in sorted(
        (w for k in ("code", "reg") for w in DETAIL_LABELS[k] if not w.isascii()), key=len, reverse=True
    )
)
#: A registration label after the name of the office that issues it (澳门商业及动产登记局登记编号：,
#: 香港公司注册处公司编号：, 新加坡会计与企业管制局注册号：): the label is the registration's kind.
_ISSUER_LABEL = re.compile(
    rf"^\s*[\u4e00-\u9fff]{{2,16}}?(?P<label>{_REG_ALT})\s*(?:[(（][^)）]{{0,10}}[)）])?"
    r"(?:\s*[A-Za-z][A-Za-z .()/&-]{0,30}?)?\s*[:：]"
)


#: One part of a detail line without colons: a detail label at the start of the line or after a
#: separator, bare or in brackets after an everyday word (老板（法定代表人）彭银川), then its value up to the
#: next separator.
_PLAIN_PART = re.compile(
    rf"(?:^|(?<=[,，;；、]))\s*(?:[\u4e00-\u9fff]{{1,4}}[(（])?(?P<label>{_STRONG_ALT})(?:[)）])?"
    r"[ \t\u3000]*(?P<value>[^,，;；、。\s][^,，;；、。]*)"
)


def _plain_parts(text: str) -> list[tuple[str, str, int]]:
    """(label, value, start) of each ``label value`` part of a detail line whose parts a comma separates —
    only when every part is one (a value that runs on holds a comma of its own: keep the line whole)."""
    parts: list[tuple[str, str, int]] = []
    pos = 0
    for m in _PLAIN_PART.finditer(text):
        if text[pos : m.start()].strip(" ,，;；、\t"):
            return []  # text between the parts that no label opens
        value = m.group("value").rstrip()
        parts.append((m.group("label"), value, m.start("value")))
        pos = m.start("value") + len(m.group("value"))
    if text[pos:].strip(" ,，;；、。\t"):
        return []
    return parts


#: ``卖货的一方（下面叫卖方）：``, ``买东西的（以下称买方）：``: an everyday wording whose bracket gives the
#: designation — the segment starts at the party word after the introducing word.
_INTRO_DESIGNATION = re.compile(
    rf"[(（]\s*(?:以下|下面|下文|下)?(?:简称为|简称|称为|叫做|叫|称)\s*(?=(?:{_PARTY_ALT})\s*[)）]\s*[:：])"
)


def _starts(text: str, lo: int) -> list[re.Match[str]]:
    """The ``label：`` segments of ``text`` from ``lo`` that start a cell or follow a space or separator
    (tried only there, and only where a party word or label may start: no scan of every position)."""
    if ":" not in text:
        return []
    out: list[re.Match[str]] = []
    end = lo
    starts = ([0] if lo == 0 else []) + [m.end() for m in _SEP_AT.finditer(text, max(0, lo - 1))]
    if any(w in text for w in _GLUED_GATE):
        glued = [
            g.start()
            for g in _GLUED.finditer(text, lo)
            if g.start() and text[g.start() - 1] not in _SEP_CHARS
        ]
        if glued:
            starts = sorted({*starts, *glued})
    intro = (
        {m.end() for m in _INTRO_DESIGNATION.finditer(text, lo)} if "叫" in text or "称" in text else set()
    )
    if intro:
        starts = sorted({*starts, *intro})
    for p in starts:
        if p < end or p >= len(text) or text[p] not in _SEG_FIRST:
            continue
        m = _SEGMENT.match(text, p)
        if m is not None and m.group("pclose") and text[p - 1 : p] not in ("(", "（") and p not in intro:
            m = None  # 买的一方（甲方）：, 卖机器的（乙方）： — a closing bracket only after an opening one
        if m is not None:
            out.append(m)
            end = m.end()
    return out


#: Quote marks standing alone at the end of a value (OCR noise: ``曲红梅 ” ”``).
_STRAY_QUOTES = re.compile(r"(?:\s+[”“\"]+)+\s*$")


def _colon_segments(text: str, base: int, block: int, col: int, matches: list[re.Match[str]]) -> list[_Seg]:
    """One segment per ``label：`` match, its value running to the next match."""
    out: list[_Seg] = []
    for n, m in enumerate(matches):
        label = m.group("plabel") or m.group("label") or ""
        sign = any(m.group(g) and _SIGN_WORDS.search(m.group(g)) for g in ("sign", "paren", "english"))
        vstart = m.end()
        vend = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        raw = text[vstart:vend]
        value = _balanced(_STRAY_QUOTES.sub("", raw.strip()).rstrip("。;；,，"))
        lead = len(raw) - len(raw.lstrip())
        span = (base + vstart + lead, base + vstart + lead + len(value))
        out.append(_seg(m.group("party"), label, sign, value, block, span, col))
    return out


def _seg(
    party: str | None, label: str, sign: bool, value: str, block: int, span: tuple[int, int], col: int
) -> _Seg:
    kinds = _kinds(label) if label else ()
    p = _squeeze(party) if party else None
    side = _NOT_A_PARTY.get(p) if p else None
    if side is not None:
        p, kinds = None, kinds or ("contact",)
    if bm := _CELL_BORDER.search(value):
        # …（盖章） | — a text table's cell border (授权代表： | — an empty value)
        value = value[: bm.start()]
        span = (span[0], span[0] + len(value))
    if p is not None and _SIGN_TAIL.search(value) and _SIGN_WORDS.search(value):
        sign = True
        value = _SIGN_TAIL.sub("", value)
        span = (span[0], span[0] + len(value))
    return _Seg(p, sign, kinds, label, value, block, span, col, side)


def _balanced(value: str) -> str:
    """``value`` without a closing bracket it does not open (a segment written inside brackets)."""
    while (
        value
        and value[-1] in ")）"
        and value.count("(") + value.count("（") < value.count(")") + value.count("）")
    ):
        value = value[:-1].rstrip()
    return value


def bare_label(text: str) -> str | None:
    """The detail label a cell holds alone (``单位名称(章)``, ``法定代表人``), else None."""
    m = _BARE.match(text)
    if m is None or m.group("party"):
        return None
    return m.group("label")


def _mention_name(name: str, signature: bool) -> bool:
    """A later party line names a party: an organisation (…公司, …厂) or, in the signature block, also a
    person or a foreign name — not ``甲方：提供场地`` in a list of duties."""
    if not name:
        return False
    if _ORG_SUFFIX.search(_UNCLOSED_TAIL.sub("", name)) or not _CJK.search(name):
        return True
    return signature and bool(_PERSON.fullmatch(name))


def _clean_name(value: str) -> str:
    m = _NAME_END.search(value)
    name = value[: m.start()] if m else value
    name = name.strip().rstrip("(（")
    if (em := _ENGLISH_AFTER.search(name)) and len(_CJK.findall(name[: em.start()])) >= 4:
        name = name[: em.start()]  # 上海…有限公司 Shanghai … Co.: the English name of the same party
    return name


#: An English rendering after a Chinese name (…有限公司 Shanghai Yuanzhou Ship Management Co., Ltd.): two or
#: more Latin words after a space, to the end.
_ENGLISH_AFTER = re.compile(
    r"(?<=[\u4e00-\u9fff)）])(?:\s+|\s*/\s*)[A-Za-z][A-Za-z&.'-]*(?:[ ,]+[A-Za-z&.()'-]+)+[.,]?\s*$"
)


def _is_name(value: str) -> bool:
    if not value or _FILLER.match(value) or "__" in value or "＿＿" in value:
        return False
    return not _SEGMENT.match(value)


def _role(structure: Structure, designation: str) -> Role | None:
    return structure.role_of(designation) or lexicon_role(designation)


def _put(party: _Open, kind: str, seg: _Seg, value: str, span: tuple[int, int]) -> None:
    blank = not value or bool(_FILLER.match(value)) or "__" in value or "＿＿" in value
    old = party.details.get(kind)
    if old is not None and not old.blank:
        return
    party.details[kind] = Detail(kind, seg.label, value, blank, Where(seg.block, span))


#: Details whose value is one short token (a code, a number, a person): what follows it after a semicolon
#: is another detail written without its label.
_SHORT_KINDS = ("code", "reg", "id", "legal")
_BARE_ADDRESS = re.compile(
    r"^[\u4e00-\u9fff]{2,}(?:省|市|自治区|区|县)[^;；]*?[\d一二三四五六七八九十]\s*(?:号|弄|栋|幢|座)"
)
_PART_SPLIT = re.compile(r"\s*[;；]\s*")


#: Where a short value (a code, a name) ends and a detail written as prose follows it: a separator, then a
#: detail label with its value (…程远山,电话0551-…, …葛文澜。电话 0793-…).
_SHORT_THEN_LABEL = re.compile(
    rf"[。,，;；]\s*(?=(?:{_STRONG_ALT})\s*(?:为|是)?\s*[0-9A-Za-z+(（\u4e00-\u9fff])"
)


def _unlabelled_parts(value: str) -> tuple[str, list[tuple[str, str, int]]] | None:
    """``value`` split at its semicolons when each part after the first is an address (省/市…号) or a
    phone written without a label: the first part, and (kind, value, offset) of the others."""
    pieces = [(m.start(), m.end()) for m in _PART_SPLIT.finditer(value)]
    if not pieces:
        return None
    starts = [0, *(e for _s, e in pieces)]
    ends = [*(s for s, _e in pieces), len(value)]
    head = value[: ends[0]].strip()
    rest: list[tuple[str, str, int]] = []
    for a, b in zip(starts[1:], ends[1:], strict=True):
        part = value[a:b].strip()
        if not part:
            continue
        spans = phone_spans(part)
        if spans and spans[0][0] == 0 and spans[-1][1] >= len(part.rstrip(")）")):
            rest.append(("phone", part, a))
        elif _BARE_ADDRESS.match(part):
            rest.append(("address", part, a))
        else:
            return None  # a part of another sort: the value is left whole
    return (head, rest) if head and rest else None


def _fill(party: _Open, seg: _Seg) -> None:
    """Put one detail segment's value into ``party`` (a label naming two kinds splits the value)."""
    kinds = [k for k in seg.kinds if k not in ("name", "other")]
    if not kinds:
        return
    if len(kinds) > 1 and "phone" in kinds:
        pm = _PHONE_IN.search(seg.value)
        rest_kinds = [k for k in kinds if k != "phone"]
        if pm:
            s = seg.span[0] + pm.start()
            _put(party, "phone", seg, pm.group(), (s, s + len(pm.group())))
            rest = seg.value[: pm.start()].strip(" ;；,，/、")
            if rest and rest_kinds:
                _put(party, rest_kinds[0], seg, rest, (seg.span[0], seg.span[0] + len(rest)))
            return
    if len(kinds) == 1 and kinds[0] in _SHORT_KINDS and (parts := _unlabelled_parts(seg.value)):
        # 统一社会信用代码：9142…；湖北省武汉市…727号；027-8763…: the address and phone after it unlabelled
        head, rest = parts
        _put(party, kinds[0], seg, head, (seg.span[0], seg.span[0] + len(head)))
        for kind, value, at in rest:
            span = (seg.span[0] + at, seg.span[0] + at + len(value))
            _put(party, kind, _Seg(None, False, (kind,), "", value, seg.block, span, seg.col), value, span)
        return
    if len(kinds) == 1 and kinds[0] in _SHORT_KINDS and (cut := _SHORT_THEN_LABEL.search(seg.value)):
        # 法定代表人:程远山,电话0551-…: a short value, then a detail written as prose (label, no colon)
        head = seg.value[: cut.start()].strip()
        _put(party, kinds[0], seg, head, (seg.span[0], seg.span[0] + len(head)))
        tail = _Seg(
            None,
            False,
            (),
            "",
            seg.value[cut.start() :],
            seg.block,
            (seg.span[0] + cut.start(), seg.span[1]),
            seg.col,
        )
        _prose_details(party, tail, 0)
        return
    for k in kinds:
        _put(party, k, seg, seg.value, seg.span)
    if "contact" in kinds and "phone" not in kinds and (pm := _PHONE_IN.search(seg.value)):
        s = seg.span[0] + pm.start()
        _put(party, "phone", seg, pm.group(), (s, s + len(pm.group())))


def _aliases(doc: Document, opened: list[_Open], structure: Structure) -> dict[str, str]:
    """Short names the text defines (``…有限公司（以下简称“华力公司”）``) → the key of their party."""
    out: dict[str, str] = {}
    for term, d in structure.definitions.items():
        block = d.where.block
        for p in opened:
            if p.name_where is not None and p.name_where.block == block:
                out[term] = p.key
                break
        else:
            role = structure.role_of(term)
            key = next((p.key for p in opened if role and p.role == role), None)
            if key:
                out[term] = key
    return out


#: A line that is only a code or a number (the value of a label the line before ended with).
_LONE_VALUE = re.compile(r"^\s*(?P<v>[0-9A-Z][0-9A-Z\- ]{5,23}[0-9A-Z])\s*$")


def _wrapped_value(party: _Open, cell: tuple[int, int, int, str]) -> bool:
    """Fill ``party``'s blank code or phone with a line that holds only that value (a label that ended the
    line before: ``统一社会信用代码:`` ⏎ ``9134…``); True when it did."""
    i, base, _e, text = cell
    m = _LONE_VALUE.match(text)
    if m is None:
        return False
    for kind in ("code", "phone"):
        d = party.details.get(kind)
        if d is not None and d.blank and d.where.block == i - 1:
            s = base + m.start("v")
            party.details[kind] = Detail(
                kind, d.label, m.group("v"), False, Where(i, (s, s + len(m.group("v"))))
            )
            return True
    return False


#: The rest of an address a line wrap carried to the next line: its house number (``211 号``, ``88号3幢``,
#: ``12-3号``) at the start of that line.
_ADDRESS_REST = re.compile(
    r"^\s*(?P<v>[\d一二三四五六七八九十百零〇]{1,5}(?:\s*[-－之]\s*\d{1,4})?\s*(?:号院|号楼|号|弄|栋|幢|座)"
    r"[0-9A-Za-z\u4e00-\u9fff\-－#()（）]{0,16}?)(?=\s|[,，;；。]|$)"
)


def _wrapped_address(doc: Document, parties: list[_Open], cell: tuple[int, int, int, str]) -> None:
    """Join to an address that ends the line before the house number a line wrap carried to this line
    (``地址:浙江省宁波市北仑区新碶街道黄山西路`` ⏎ ``211 号 电话:…``)."""
    i, base, _e, text = cell
    m = _ADDRESS_REST.match(text) if base == 0 else None
    if m is None:
        return
    previous = doc.blocks[i - 1].norm.rstrip() if i > 0 else ""
    for p in parties:
        d = p.details.get("address")
        if d is not None and not d.blank and d.where.block == i - 1 and d.where.span[1] >= len(previous):
            p.details["address"] = Detail(d.kind, d.label, d.value + m.group("v"), False, d.where)
            return


#: The end of a label a line wrap cut (``…26 号；法定代表`` ⏎ ``人：王国庆；电话：…``): the head at the end of
#: one line, the rest and its colon at the start of the next.
_CUT_HEAD = re.compile(r"[;；,，\s]*(?P<h>[\u4e00-\u9fff]{1,9})$")
_CUT_REST = re.compile(r"^\s*(?P<r>[\u4e00-\u9fff]{1,6})\s*[:：]\s*(?P<v>[^;；,，\s]*)")


def _wrapped_label(doc: Document, parties: list[_Open], cell: tuple[int, int, int, str]) -> None:
    """Give a party the detail whose label a line wrap cut in two: the head of the label ends the value
    of the party's detail on the line before (``住所：…26 号；法定代表``), its rest starts this line
    (``人：王国庆``)."""
    i, base, _e, text = cell
    m = _CUT_REST.match(text) if base == 0 and i > 0 else None
    if m is None or m.group("r") in _KIND_OF_LABEL:
        return
    previous = doc.blocks[i - 1].norm.rstrip()
    for p in parties:
        for kind, d in list(p.details.items()):
            if d.blank or d.where.block != i - 1 or d.where.span[1] < len(previous):
                continue
            h = _CUT_HEAD.search(d.value)
            label = (h.group("h") + m.group("r")) if h else ""
            if h is None or h.start() == 0 or label not in _KIND_OF_LABEL:
                continue
            value = d.value[: h.start()]
            p.details[kind] = Detail(
                d.kind,
                d.label,
                value,
                False,
                Where(d.where.block, (d.where.span[0], d.where.span[0] + len(value))),
            )
            v = m.group("v")
            span = (base + m.start("v"), base + m.end("v"))
            _fill(p, _seg(None, label, False, v, i, span, 0))
            return


#: A detail label that ends a line with no value after it (``…有限公司, 统一社会信用代码`` ⏎ ``9134…,``).
_LABEL_AT_END = re.compile(rf"(?P<label>{_LABEL_ALT})\s*(?:为|是|[:：])?\s*$", re.IGNORECASE)
_FIRST_PIECE = re.compile(r"^\s*(?P<v>[^,，;；。\s]+)")


def _continued_prose(doc: Document, party: _Open, cell: tuple[int, int, int, str]) -> bool:
    """Read the details a party's prose carries on to the next line of a scan (``乙方:…有限公司, 统一社会
    信用代码`` ⏎ ``9134…,地址安徽省…41 号,法定代表人:…``): the value of a label that ended the line before,
    then the details written without a colon up to the first labelled one; True when it read any."""
    i, base, _e, text = cell
    if base != 0 or i == 0 or _ROW_START.match(text) or doc.blocks[i].location.table is not None:
        return False
    on_previous = (party.name_where is not None and party.name_where.block == i - 1) or any(
        d.where.block == i - 1 for d in party.details.values()
    )
    if not on_previous:
        return False
    starts = _starts(text, 0)
    end = starts[0].start() if starts else len(text)
    if end == 0 or (not starts and _LONE_VALUE.match(text)):
        return False  # a line holding only the value: _wrapped_value's
    before = len(party.details)
    lm = _LABEL_AT_END.search(doc.blocks[i - 1].norm)
    at = 0
    if lm is not None and (vm := _FIRST_PIECE.match(text[:end])) is not None:
        kinds = [k for k in _kinds(lm.group("label")) if k not in ("name", "other")]
        if kinds and (kinds[0] not in party.details or party.details[kinds[0]].blank):
            v = vm.group("v")
            _put(
                party,
                kinds[0],
                _seg(None, lm.group("label"), False, v, i, (0, 0), 0),
                v,
                (vm.start("v"), vm.end("v")),
            )
            at = vm.end()
    prefix = text[at:end]
    if prefix.strip(" ,，;；。"):
        _prose_details(party, _Seg(None, False, (), "", prefix, i, (at, end), 0), 0)
    return at > 0 or len(party.details) > before


def _display_x(text: str, end: int) -> int:
    """How far right offset ``end`` of a text line stands (a Chinese character is two columns wide)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text[:end])


def _position(doc: Document, row: list[tuple[int, int, int, str]], seg: _Seg) -> tuple[str, int, int] | None:
    """Where ``seg`` stands across the page: ``("grid", table, column)`` in a Word table, ``("pipe", 0, n)``
    after the n-th cell border of a text table (| 卖方：… | 买方：… |), ``("x", 0, x)`` for the cell of a
    space-aligned line starting x columns from the left; None when it cannot be told."""
    b = doc.blocks[seg.block]
    if b.location.table is not None:
        return ("grid", b.location.table, seg.col)
    t = _unpad(b.norm) if " " in b.norm else b.norm
    if t.lstrip()[:1] in ("|", "｜"):
        return ("pipe", 0, sum(t.count(c, 0, seg.span[0]) for c in ("|", "｜")))
    for i, start, end, _text in row:
        if i == seg.block and start <= seg.span[0] <= end:
            return ("x", 0, _display_x(t, start))
    return None


def _by_column(heads: list[tuple[tuple[str, int, int], str]], at: tuple[str, int, int] | None) -> str | None:
    """The party whose column ``at`` stands in, given where each party's cell of the head row stood."""
    if at is None or not heads or heads[0][0][:2] != at[:2]:
        return None
    if at[0] != "x":
        return next((k for pos, k in heads if pos[2] == at[2]), None)
    # space-aligned lines are aligned by characters or by display width, as the writer's editor showed them:
    # the nearest party's start is the column
    return min(heads, key=lambda pk: abs(pk[0][2] - at[2]))[1]


def analyse(doc: Document, structure: Structure) -> Parties:
    """The parties of a read document (text layouts; JSON deals are handled by :func:`extract`)."""
    opened: dict[str, _Open] = {}
    order: list[str] = []
    mentions: list[Mention] = []
    heads: list[str] = []  # keys of the parties opened by the last row that opened any
    columns: dict[int, str] = {}  # column → party key, for 项目｜供方｜需方 tables
    #: where each party of a row naming two or more side by side stood (卖方：… | 买方：…): the rows under it
    #: give each party its details in its own column, also when the other column's cell is empty
    head_at: list[tuple[tuple[str, int, int], str]] = []
    for row in _rows(doc):
        first = row[0][0]
        if row[0][1] == _BODY_LINE:
            heads, columns, head_at = (
                [],
                {},
                [],
            )  # the body: party lines only where a line starts with a party
            continue
        grid = _grid(doc, row)
        segs = _segments(row)
        for seg in segs:
            seg.col = grid[seg.col]
        if heads and doc.blocks[first].location.table is None:
            _wrapped_address(doc, [opened[k] for k in heads], row[0])
            _wrapped_label(doc, [opened[k] for k in heads], row[0])
            carried = _continued_prose(doc, opened[heads[-1]], row[0])
        else:
            carried = False
        if not segs:
            in_table = doc.blocks[first].location.table is not None
            if heads and len(row) == 1 and (carried or _wrapped_value(opened[heads[-1]], row[0])):
                continue  # 统一社会信用代码: ⏎ 91340100MA2N4Q7E3H — the value a scan put on a line of its own
            om = _OTHER_LABEL.match(row[0][3])
            if om and _ORG_SUFFIX.search(_UNCLOSED_TAIL.sub("", _clean_name(row[0][3][om.end() :]))):
                om = None  # 买方代理 Buyer's Agent：厦门…有限公司: another organisation, whose details follow
            if not (heads and (om or (in_table and columns))):
                # an unknown label line (邮编：…, 开户许可证：…), or an unknown label row of a party table
                # (国家或地区 | SG), keeps the party open
                heads, columns, head_at = [], {}, []
            continue
        party_segs = [s for s in segs if s.party and not s.kinds]
        if len(party_segs) >= 2 and all(not s.value for s in party_segs):
            columns = {s.col: _key(structure, s.party) for s in party_segs if s.party}
            heads = list(columns.values())
            for s in party_segs:
                assert s.party is not None
                k = _key(structure, s.party)
                if k not in opened:
                    opened[k] = _Open(k, s.party, _role(structure, s.party), "", None, s.block, [s.party])
                    order.append(k)
            continue
        if columns and len(row) >= 2 and bare_label(row[0][3]):
            # a 项目｜供方｜需方 row: label in the first cell, one value per party column
            label_seg = _seg(None, bare_label(row[0][3]) or "", False, "", row[0][0], (0, 0), 0)
            for n, (i, s, _e, text) in enumerate(row[1:], start=1):
                key = columns.get(grid[n])
                col = grid[n]
                if key is None:
                    continue
                value = text.strip()
                seg = _Seg(None, False, label_seg.kinds, label_seg.label, value, i, (s, s + len(value)), col)
                if "name" in label_seg.kinds and not opened[key].name and _is_name(value):
                    opened[key].name = _clean_name(value)
                    opened[key].name_where = Where(i, (s, s + len(opened[key].name)))
                else:
                    _fill(opened[key], seg)
            continue
        row_heads: list[str] = []
        prev_heads = heads
        row_at: list[tuple[tuple[str, int, int], str]] = []
        for seg in segs:
            if seg.party and (pos := _position(doc, row, seg)) is not None:
                row_at.append((pos, _key(structure, seg.party)))
            if seg.party and not seg.kinds:
                key = _key(structure, seg.party)
                name = _clean_name(seg.value)
                if key not in opened:
                    if not _is_name(name) or seg.sign:
                        if seg.sign and name and _mention_name(name, True):
                            mentions.append(Mention(key, seg.party, name, True, _where(seg, name)))
                        row_heads.append(key)
                        if key not in opened:
                            opened[key] = _Open(
                                key, seg.party, _role(structure, seg.party), "", None, seg.block, [seg.party]
                            )
                            order.append(key)
                        continue
                    opened[key] = _Open(
                        key,
                        seg.party,
                        _role(structure, seg.party),
                        name,
                        _where(seg, name),
                        seg.block,
                        [seg.party],
                    )
                    order.append(key)
                    _prose_details(opened[key], seg, len(name))
                else:
                    p = opened[key]
                    if seg.party not in p.designations:
                        p.designations.append(seg.party)
                    if _PROSE_DETAIL.match(seg.value):
                        # 甲方信息：统一社会信用代码9132…，住所…: details of a party already named
                        _prose_details(p, seg, 0)
                    elif not p.name and _is_name(name) and not seg.sign:
                        p.name, p.name_where = name, _where(seg, name)
                    elif (
                        _is_name(name)
                        and (seg.sign or seg.block > p.first + 12)
                        and _mention_name(name, seg.sign)
                    ):
                        mentions.append(Mention(key, seg.party, name, seg.sign, _where(seg, name)))
                row_heads.append(key)
            elif seg.party and seg.kinds:
                key = _key(structure, seg.party)
                row_heads.append(key)
                if key not in opened:
                    opened[key] = _Open(
                        key, seg.party, _role(structure, seg.party), "", None, seg.block, [seg.party]
                    )
                    order.append(key)
                p = opened[key]
                if "name" in seg.kinds and _is_name(seg.value):
                    name = _clean_name(seg.value)
                    if not p.name:
                        p.name, p.name_where = name, _where(seg, name)
                _fill(p, seg)
        first_party = next((s for s in segs if s.party), None)
        if row_heads:
            heads = row_heads
            columns = {}
            distinct = {pos for pos, _k in row_at}
            same_line = len({pos[:2] for pos in distinct}) == 1
            head_at = sorted(row_at, key=lambda pk: pk[0][2]) if len(distinct) >= 2 and same_line else []
        detail_segs = [s for s in segs if not s.party and s.kinds]
        if not detail_segs or not heads:
            continue
        if (
            row_heads
            and prev_heads
            and first_party is not None
            and doc.blocks[first_party.block].location.table is None
        ):
            # 法定代表人：刘卫东 电话：0731-… 需方：株洲…有限公司 — a scan's line holding the end of one
            # party's block and the start of the next: what precedes the new label is the previous party's
            before = [
                s for s in detail_segs if s.block == first_party.block and s.span[0] < first_party.span[0]
            ]
            for seg in before:
                _fill(opened[prev_heads[-1]], seg)
            detail_segs = [s for s in detail_segs if s not in before]
            if not detail_segs:
                continue
        cells = len({(s.block, s.col) for s in detail_segs})
        if not row_heads and head_at and (head_at[0][0][0] != "x" or cells < len(head_at)):
            # a space-aligned line as wide as the head row keeps its order (the rule below)
            keyed = [_by_column(head_at, _position(doc, row, s)) for s in detail_segs]
            if all(k is not None for k in keyed):
                for seg, key in zip(detail_segs, keyed, strict=True):
                    assert key is not None
                    _fill(opened[key], seg)
                continue
        same = len({s.kinds for s in detail_segs}) == 1
        if len(heads) >= 2 and same and len(detail_segs) == len(heads):
            targets = heads
        elif len(heads) >= 2 and len(detail_segs) >= 2 and len(detail_segs) % len(heads) == 0 and not same:
            # 统一社会信用代码：A 统一社会信用代码：B in one row of a two-party table
            targets = [
                heads[min(len(heads) - 1, n * len(heads) // len(detail_segs))]
                for n in range(len(detail_segs))
            ]
        else:
            targets = [heads[-1]] * len(detail_segs)
        for seg, key in zip(detail_segs, targets, strict=True):
            if seg.side is not None:
                # 客户联系人 | 何… | 报价人 | 梁… 0757-…: the quoting person is the seller's, on any row
                key = next((k for k in order if opened[k].role == seg.side), key)
            p = opened[key]
            if "name" in seg.kinds and _is_name(seg.value) and not p.name:
                name = _clean_name(seg.value)
                p.name, p.name_where = name, _where(seg, name)
            _fill(p, seg)
    for o in [
        *_prose_parties(doc, structure),
        *_flat_parties(doc, structure),
        *_defined_parties(doc, structure),
    ]:
        have = opened.get(o.key)
        if have is None:
            order.append(o.key)
            opened[o.key] = o
        elif not have.name:
            opened[o.key] = o
            for kind, d in have.details.items():
                o.details.setdefault(kind, d)
        elif have.name == o.name:
            for kind, d in o.details.items():
                have.details.setdefault(kind, d)
    parties = tuple(
        Party(
            key=o.key,
            designations=tuple(o.designations),
            role=o.role,
            name=o.name,
            name_where=o.name_where,
            kind=kind_of(o.name, {k: d.value for k, d in o.details.items() if not d.blank}),
            details=dict(o.details),
        )
        for o in (opened[k] for k in order)
        if o.name or o.details
    )
    return Parties(parties, tuple(mentions), _aliases(doc, [opened[k] for k in order], structure))


#: ``(1) 苏州锐拓压缩机有限公司，一家…，统一社会信用代码为…，住所为…（以下简称“卖方”）``
_PROSE_HEAD = re.compile(
    r"^\s*(?:[(（]?\d{1,2}[)）.、]|[(（]?[一二三四][)）、])?\s*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z()（）·&.]{4,40}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|厂|合作社|中心|商行|研究院))"
    r"\s*[，,（(]"
)
_PROSE_DETAIL = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<label>{_LABEL_ALT})\s*(?:为|是|位于|设于|[:：])?\s*"
    rf"(?P<value>(?:(?!\s+(?:{_STRONG_ALT}))[^，,；;。（(])+)",
    re.IGNORECASE,
)
_PROSE_ALIAS = re.compile(
    rf"(?:(?:以下|下文|下)?(?:简称|称为|称)\s*|[(（]\s*)[“\"「『](?P<term>{_PARTY_ALT})[”\"」』]",
    re.IGNORECASE,
)


def _prose_details(o: _Open, seg: _Seg, after: int) -> None:
    """Details written as prose after a party's name, a label without a colon (…，统一社会信用代码9131…，
    注册地址位于…; …有限公司；统一社会信用代码9150…；住所：…)."""
    text = seg.value
    if "，" not in text and "," not in text and "；" not in text and ";" not in text and " " not in text:
        return  # details follow the name after a separator (…有限公司；统一社会信用代码9150…)
    for dm in _PROSE_DETAIL.finditer(text, after):
        kinds = _kinds(dm.group("label"))
        value = dm.group("value").strip()
        if value in ("为", "是", "位于", "设于"):
            continue  # …，统一社会信用代码为 ⏎ 9134…: the value is on the next line
        if kinds and value and "name" not in kinds:
            s = seg.span[0] + dm.start("value")
            _fill(o, _Seg(None, False, kinds, dm.group("label"), value, seg.block, (s, s + len(value)), 0))


def _prose_parties(doc: Document, structure: Structure) -> list[_Open]:
    """Parties introduced in a sentence (contracts translated from English): name first, details as
    ``住所为…``, the designation in a 简称 at the end."""
    out: list[_Open] = []
    for i, b in enumerate(doc.blocks[:60]):
        t = b.norm
        if "“" not in t and '"' not in t:
            continue
        hm = _PROSE_HEAD.match(t)
        am = _PROSE_ALIAS.search(t)
        if hm is None or am is None:
            continue
        designation = _squeeze(am.group("term"))
        key = _key(structure, designation)
        name = hm.group("name")
        o = _Open(
            key, designation, _role(structure, designation), name, Where(i, hm.span("name")), i, [designation]
        )
        for dm in _PROSE_DETAIL.finditer(t, hm.end()):
            kinds = _kinds(dm.group("label"))
            value = dm.group("value").strip()
            if kinds and value:
                seg = _Seg(None, False, kinds, dm.group("label"), value, i, dm.span("value"), 0)
                _fill(o, seg)
        out.append(o)
    return out


#: A PDF line of a two-column party table run together: ``买方 青岛…有限公司 卖方 山东…有限公司``.
_FLAT_HEAD = re.compile(rf"^\s*(?:{_PARTY_ALT})\s+\S.*?\s(?:{_PARTY_ALT})\s+\S", re.IGNORECASE)
_FLAT_LABEL = re.compile(rf"(?P<party>{_PARTY_ALT})(?=\s)|(?P<label>{_LABEL_ALT})(?=\s|[／/])", re.IGNORECASE)
_SECTION_LIKE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.]|第\s*\S{1,4}\s*[条章])")
_FLAT_STOP = re.compile(r"^\s*(?:第[一二三四五六七八九十\d]+条|[一二三四五六七八九十]+、|\d+[.、])")


#: The header row of a party table run into a PDF line: ``客户 报价方名称 杭州…有限公司 上海…有限公司`` (the
#: party columns side by side, then each label once with one value per column).
_COLUMN_HEAD = re.compile(
    rf"^\s*(?:项目\s+)?(?P<a>{_PARTY_ALT})\s+(?P<b>{_PARTY_ALT})(?=\s|名称|全称|单位)", re.I
)
_ANY_LABEL = re.compile(_LABEL_ALT, re.IGNORECASE)
_COMPANY = re.compile(
    r".+?(?:有限责任公司|股份有限公司|有限公司|集团|公司|合作社|厂)(?:[(（][^)）]{1,12}[)）])?"
)
_USCC_TOKEN = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])")


def _flat_columns(doc: Document, structure: Structure, i: int) -> list[_Open]:
    """Column mode of :func:`_flat_parties`: names split at company suffixes, credit codes by their form,
    any other label taken as stated for every column (its values run together and cannot be split)."""
    blocks = doc.blocks
    head = _COLUMN_HEAD.match(blocks[i].norm)
    assert head is not None
    pieces: list[tuple[int, int]] = []
    joined = ""
    for j in range(i, min(len(blocks), i + 10)):
        t = blocks[j].norm
        if j > i and (_FLAT_STOP.match(t) or _SECTION_LIKE.match(t)):
            break
        pieces.append((j, len(joined)))
        joined += t
    heads: list[_Open] = []
    for g in ("a", "b"):
        d = _squeeze(head.group(g))
        key = _key(structure, d)
        heads.append(_Open(key, d, _role(structure, d), "", None, i, [d]))
    marks = list(_ANY_LABEL.finditer(joined, head.end()))

    def where(lo: int, hi: int) -> Where:
        block, base = next((bj, off) for bj, off in reversed(pieces) if off <= lo)
        return Where(block, (lo - base, min(len(blocks[block].norm), hi - base)))

    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(joined)
        value = joined[m.end() : end]
        if not value.strip():
            continue
        kinds = _kinds(m.group())
        if "name" in kinds:
            for h, cm in zip(heads, _COMPANY.finditer(value), strict=False):
                lo = m.end() + cm.start() + (len(cm.group()) - len(cm.group().lstrip()))
                h.name, h.name_where = cm.group().strip(), where(lo, m.end() + cm.end())
            continue
        if "code" in kinds:
            tokens = list(_USCC_TOKEN.finditer(value))
            for h, tm in zip(heads, tokens, strict=False):
                w = where(m.end() + tm.start(), m.end() + tm.end())
                _fill(h, _Seg(None, False, kinds, m.group(), tm.group(), w.block, w.span, 0))
            continue
        if "phone" in kinds:
            for h, (a, b) in zip(heads, phone_spans(value), strict=False):
                w = where(m.end() + a, m.end() + b)
                _fill(h, _Seg(None, False, ("phone",), m.group(), value[a:b], w.block, w.span, 0))
            continue
        parts = list(re.finditer(r"\S+", value))
        if len(parts) == len(heads):  # 钱明远 周海涛: one word per column
            for h, pm in zip(heads, parts, strict=True):
                w = where(m.end() + pm.start(), m.end() + pm.end())
                _fill(h, _Seg(None, False, kinds, m.group(), pm.group(), w.block, w.span, 0))
            continue
        w = where(m.end(), end)
        for h in heads:
            _fill(h, _Seg(None, False, kinds, m.group(), value.strip(), w.block, w.span, 0))
    return heads if any(h.name for h in heads) else []


def _flat_parties(doc: Document, structure: Structure) -> list[_Open]:
    """Parties of a two-column table that a PDF reader ran into lines: labels without colons, each detail
    label once per party, in the order of the party columns."""
    blocks = doc.blocks
    for i, b in enumerate(blocks[:60]):
        if b.kind != "line":
            continue
        if _COLUMN_HEAD.match(b.norm):
            found = _flat_columns(doc, structure, i)
            if found:
                return found
            continue
        if not _FLAT_HEAD.match(b.norm):
            continue
        pieces: list[tuple[int, int]] = []  # (block, start offset in the joined text)
        joined = ""
        for j in range(i, min(len(blocks), i + 8)):
            t = blocks[j].norm
            if j > i and (_FLAT_STOP.match(t) or not (_FLAT_LABEL.search(t) or len(t.strip()) <= 12)):
                break
            pieces.append((j, len(joined)))
            joined += t
        marks = list(_FLAT_LABEL.finditer(joined))
        heads: list[_Open] = []
        seen: dict[str, int] = {}
        for n, m in enumerate(marks):
            end = marks[n + 1].start() if n + 1 < len(marks) else len(joined)
            raw = joined[m.end() : end]
            value = re.split(r"。|\s{2,}", raw.strip())[0].strip()
            vstart = m.end() + (len(raw) - len(raw.lstrip()))
            block, base = next((bj, off) for bj, off in reversed(pieces) if off <= vstart)
            span = (vstart - base, min(len(blocks[block].norm), vstart - base + len(value)))
            if m.group("party"):
                d = _squeeze(m.group("party"))
                key = _key(structure, d)
                heads.append(
                    _Open(key, d, _role(structure, d), _clean_name(value), Where(block, span), block, [d])
                )
                continue
            if not heads:
                continue
            kinds = _kinds(m.group("label"))
            k = kinds[0] if kinds else ""
            target = heads[seen.get(k, 0) % len(heads)]
            seen[k] = seen.get(k, 0) + 1
            _fill(target, _Seg(None, False, kinds, m.group("label"), value, block, span, 0))
        if len(heads) >= 2:
            return heads
    return []


_MEANS = re.compile(r"[”\"」』’]\s*[:：,，]?\s*(?:是指|系指|即指|指|means)\s*")


def _defined_parties(doc: Document, structure: Structure) -> list[_Open]:
    """Parties named only in a definitions clause: ``“买方”指上海申达精密机械有限公司，住所为…``."""
    out: list[_Open] = []
    for term, d in structure.definitions.items():
        role = _role(structure, term)
        if role is None:
            continue
        t = doc.blocks[d.body.block].norm
        mm = _MEANS.match(t, d.where.span[1])
        if mm is None:
            continue
        cm = _COMPANY.match(t, mm.end())
        if cm is None or len(cm.group()) > 40 or _ROW_START.match(cm.group()):
            continue
        name = cm.group().strip()
        o = _Open(role, term, role, name, Where(d.body.block, cm.span()), d.body.block, [term])
        seg = _Seg(term, False, (), "", t[cm.start() :], d.body.block, (cm.start(), len(t)), 0)
        _prose_details(o, seg, len(cm.group()))
        out.append(o)
    return out


def _key(structure: Structure, designation: str) -> str:
    """Parties are keyed by role when the text says it (甲方 and 买方 are then one party)."""
    return _role(structure, designation) or designation


def _where(seg: _Seg, name: str) -> Where:
    return Where(seg.block, (seg.span[0], seg.span[0] + len(name)))


def _deal_parties(doc: Document) -> Parties:
    """Seller and buyer of a JSON deal, located at the block that shows their name."""
    deal = doc.deal or {}
    out: list[Party] = []
    for key, role in (("seller", "seller"), ("buyer", "buyer")):
        p = deal.get(key)
        if not isinstance(p, dict) or not p.get("name"):
            continue
        name = str(p["name"])
        index = next((i for i, b in enumerate(doc.blocks) if b.norm.strip() == name), None)
        where = Where(index, (0, len(doc.blocks[index].norm))) if index is not None else None
        foreign = str(p.get("country") or "CN").upper() != "CN" or not _CJK.search(name)
        details: dict[str, Detail] = {}
        for kind, field_name in (
            ("code", "credit_code"),
            ("address", "address"),
            ("legal", "legal_representative"),
            ("phone", "phone"),
        ):
            value = p.get(field_name) or (
                p.get("registration_number") if kind == "code" and foreign else None
            )
            if value and where is not None:
                details[kind] = Detail(kind, field_name, str(value), False, where)
            elif value:
                details[kind] = Detail(kind, field_name, str(value), False, Where(0, (0, 0)))
        kind = "foreign" if foreign else kind_of(name, {k: d.value for k, d in details.items()})
        out.append(Party(key, (key,), role, name, where, kind, details))  # type: ignore[arg-type]
    return Parties(tuple(out), (), {})


def extract(contract: Contract) -> Parties:
    """The party facts of ``contract``."""
    doc = contract.doc
    if doc.deal:
        return _deal_parties(doc)
    return analyse(doc, contract.structure)
