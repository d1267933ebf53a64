"""The ``parties`` family: is each party identified by its full legal name, 统一社会信用代码, address, legal
representative and a reachable phone — and named the same way throughout?

A party block is a line ``甲方（买方）：苏州精工机械制造有限公司`` followed by ``标签：值`` lines
(统一社会信用代码,
住所/地址, 法定代表人, 电话 …). For a JSON deal the validated deal's ``seller``/``buyer`` are checked instead.
Foreign parties (deal ``country`` ≠ CN, or a name without Chinese characters) need no credit code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from contractkit.checks._common import (
    block_indices_naming,
    blocks_naming,
    doc_text,
    has_blank,
    is_chinese,
    memo,
)
from contractkit.checks.base import RuleContext, rule
from contractkit.deal.identifiers import phone_problem, uscc_problem
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

ROLES = (
    "甲方|乙方|丙方|买方|卖方|出卖人|买受人|供方|需方|供货方|采购方|采购人|供应商|委托人|受托人|委托方|受托方|"
    "出租人|承租人|出租方|承租方|发包人|承包人|服务方|报价方|报价单位|客户|需求方"
)
_HEADER = re.compile(
    rf"^\s*(?P<role>{ROLES})\s*(?:[（(](?P<paren>[^）)]{{0,12}})[）)])?\s*[:：][ \u3000]?"
    r"(?P<name>(?>[^\s，,;；。:：（(]*(?: [A-Za-z.&][^\s，,;；。:：（(]*)*)"
    r"(?:[（(](?!以下|下称|简称)[^）)\s:：]{1,12}[）)])?)(?![:：])"
)
_ROLE = re.compile(ROLES)
_SIGN = re.compile(r"盖章|签字|签章|签名|签署|公章")
_SIGNED_SUFFIX = re.compile(r"[（(](?:盖章|公章|签章|签字|签名)[）)]$")
_FILLER = re.compile(r"[_＿\-—.…]+")
_DETAIL_SEP = re.compile(r"[\s\u3000]{2,}|；|;")
_LABEL = re.compile(r"^\s*(?P<label>[^\s：:，,。]{1,12})\s*[:：]\s*(?P<value>.*)$")
_CODE = re.compile(r"统一社会信用代码|社会信用代码|信用代码|组织机构代码|营业执照|注册号|身份证")
_ADDRESS = re.compile(r"住所|地址|住址")
_LEGAL = re.compile(r"法定代表人|负责人|法人代表")
_PHONE = re.compile(r"电话|手机|联系方式|^tel", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MASKED = re.compile(r"[Xx*＊]{3,}")
#: Every ``_USCC_LABEL`` match ends in this word.
_USCC_WORD = ("信用代码",)
_USCC_LABEL = re.compile(r"统一社会信用代码|社会信用代码|信用代码")
_USCC_VALUE = re.compile(r"\s*[:：]?\s*([0-9A-Za-z]{10,24})")
_PHONE_SEP = re.compile(r"[/、,，;；]|或")
_PHONE_DIGITS = re.compile(r"\d{5,}|\d{3,4}-\d{5,}")
_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")
_ORG_SUFFIX = re.compile(r"(?:公司|集团|厂|中心|局|院|所|部|社|店|行|会|校|处|站|队)$")
_PERSON_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_TRAILING_PAREN = re.compile(r"[（(][^）)]*[）)]$")
_COMPANY_FORMS = ("有限公司", "有限责任公司", "股份公司", "股份有限公司")
_ALIAS = re.compile(r"(?:以下|下文)?(?:简称|称为)\s*[“\"「『]([^”\"」』]{1,20})[”\"」』]")
#: Every ``_ALIAS`` match holds one of these.
_ALIAS_WORDS = ("简称", "称为")
#: Every ``_SHORT_CO`` match ends in this word.
_COMPANY_WORD = ("公司",)
_SHORT_CO = re.compile(r"[\u4e00-\u9fff]{2,16}公司")
_DETAILS = {"code": "统一社会信用代码", "address": "住所/地址", "legal": "法定代表人", "phone": "联系电话"}
_DETAILS_EN = {
    "code": "credit code",
    "address": "registered address",
    "legal": "legal representative",
    "phone": "phone",
}


@dataclass
class Party:
    """A party as the document introduces it: roles, name and the detail lines under it."""

    roles: tuple[str, ...]
    name: str
    block: Block | None
    details: dict[str, tuple[str, Block | None]] = field(default_factory=dict)
    foreign: bool = False

    @property
    def is_person(self) -> bool:
        org = _ORG_SUFFIX.search(self.name)
        return bool(_PERSON_NAME.fullmatch(self.name)) and not org


def _header_lines(doc: Document) -> dict[int, re.Match[str]]:
    """The ``_HEADER`` matches (``role：name`` lines) by block index, in document order; once per document."""

    def compute() -> dict[int, re.Match[str]]:
        found: dict[int, re.Match[str]] = {}
        for i, block in enumerate(doc.blocks):
            m = _HEADER.match(block.norm)
            if m:
                found[i] = m
        return found

    return memo(doc, "parties.headers", compute)


def _signature_line(m: re.Match[str]) -> bool:
    """True when the header match ``m`` is a signature line (``甲方（盖章）：``), not a party's head."""
    return bool(m.group("paren") and _SIGN.search(m.group("paren")))


def _clean(name: str) -> str:
    return _SIGNED_SUFFIX.sub("", name)


def _real_name(name: str) -> bool:
    """A filled-in party name, not a blank, a label or another role (``乙方(盖章)``)."""
    if not name or _FILLER.fullmatch(name) or has_blank(name):
        return False
    return not (_ROLE.match(name) or _SIGN.search(name) or _kind(name))


def _roles(m: re.Match[str]) -> tuple[str, ...]:
    paren = m.group("paren") or ""
    extra = tuple(_ROLE.findall(paren))
    return (m.group("role"), *extra)


def _kind(label: str) -> str | None:
    for kind, pat in (("code", _CODE), ("address", _ADDRESS), ("legal", _LEGAL), ("phone", _PHONE)):
        if pat.search(label):
            return kind
    return None


def _text_parties(doc: Document) -> list[Party]:
    """Party blocks at the head of a draft (the first block naming each role)."""
    parties: list[Party] = []
    seen: set[str] = set()
    blocks = doc.blocks
    headers = _header_lines(doc)
    for i, m in headers.items():
        if _signature_line(m) or m.group("role") in seen:
            continue
        block = blocks[i]
        name = _clean(m.group("name"))
        if not _real_name(name):
            continue
        roles = _roles(m)
        seen.update(roles)
        party = Party(roles=roles, name=name, block=block, foreign=not _CJK.search(name))
        rest = block.norm[m.end() :]
        for part in _DETAIL_SEP.split(rest):  # details on the same line
            lm = _LABEL.match(part)
            if lm and (k := _kind(lm.group("label"))):
                party.details.setdefault(k, (lm.group("value").strip(), block))
        for j, nxt in enumerate(blocks[i + 1 : i + 12], start=i + 1):
            if j in headers or nxt.kind == "heading" or nxt.section != block.section:
                break
            lm = _LABEL.match(nxt.norm)
            if not lm:
                break
            k = _kind(lm.group("label"))
            if k:
                party.details.setdefault(k, (lm.group("value").strip(), nxt))
        parties.append(party)
    return parties


def _deal_parties(doc: Document) -> list[Party]:
    """Seller and buyer of a JSON deal, located at the block that shows their name."""
    deal = doc.deal or {}
    out: list[Party] = []
    for key, role in (("seller", "卖方"), ("buyer", "买方")):
        p = deal.get(key)
        if not isinstance(p, dict) or not p.get("name"):
            continue
        name = str(p["name"])
        block = next((b for b in doc.blocks if b.norm.strip() == name), None)
        foreign = str(p.get("country") or "CN").upper() != "CN" or not _CJK.search(name)
        party = Party(roles=(role,), name=name, block=block, foreign=foreign)
        for kind, field_name in (
            ("code", "credit_code"),
            ("address", "address"),
            ("legal", "legal_representative"),
            ("phone", "phone"),
        ):
            value = p.get(field_name) or (
                p.get("registration_number") if kind == "code" and foreign else None
            )
            if value:
                party.details[kind] = (str(value), block)
        out.append(party)
    return out


def parties_of(doc: Document) -> list[Party]:
    """The parties of ``doc``: from the deal for JSON deals, else from the party blocks of the text.

    Found once per document (the rules of one run share the list; they must not change it).
    """
    return memo(doc, "parties", lambda: _deal_parties(doc) if doc.deal else _text_parties(doc))


@rule(
    id="parties/missing-details",
    scope="document",
    title="当事人信息不完整",
    title_en="Party details missing",
    severity="info",
    why="合同应写明当事人的名称和住所（民法典第470条）；统一社会信用代码、法定代表人和联系电话是识别主体、"
    "送达通知和起诉立案所需的信息（合同条款标准化执行要求）。缺少时合同并不因此无效，但主体识别和送达会有争议。",
    why_en="A contract names each party and its domicile (Civil Code Art. 470); the credit code, legal "
    "representative and phone identify the party and let notices and lawsuits reach it. Missing details do "
    "not void the contract but invite disputes about who the party is and where to serve it.",
    basis="民法典第470条",
    fix="在当事人信息中补全：企业全称、统一社会信用代码、住所、法定代表人、联系电话。",
    bad=[
        "甲方：苏州精工机械制造有限公司\n统一社会信用代码：91350100M000100Y43\n第一条 标的",
        "卖方（乙方）：沈阳华力机床销售有限公司\n住所：辽宁省沈阳市铁西区北二路18号\n"
        "法定代表人：王力\n第一条 标的",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n统一社会信用代码：91350100M000100Y43\n"
        "住所：江苏省苏州市工业园区星湖街88号\n法定代表人：张伟\n联系电话：0512-68761234\n第一条 标的",
        "乙方：Pacific Marine Supply Pte. Ltd.\n地址：80 Robinson Road, Singapore\n"
        "法定代表人：Tan Wei Ming\n电话：+65 6221 3456",
    ],
)
def missing_details(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for p in parties_of(doc):
        wanted = ["address", "phone"] if p.is_person else ["code", "address", "legal", "phone"]
        if p.foreign:
            wanted = [k for k in wanted if k != "code"]
        missing = [k for k in wanted if k not in p.details]
        if not missing:
            continue
        zh = "、".join(_DETAILS[k] for k in missing)
        en = ", ".join(_DETAILS_EN[k] for k in missing)
        yield ctx.report(
            p.block,
            f"当事人“{p.name}”缺少：{zh}。",
            f"Party '{p.name}' lacks: {en}.",
            snippet=None if p.block else p.name,
        )


@rule(
    id="parties/invalid-credit-code",
    title="统一社会信用代码无效",
    title_en="Invalid unified social credit code",
    severity="error",
    why="统一社会信用代码由18位组成，第18位是按GB 32100-2015计算的校验码；校验不通过说明代码抄错，"
    "合同主体无法据此核验，签约、开票和诉讼时都会出问题。",
    why_en="The 18-character unified social credit code ends in a check character computed per GB "
    "32100-2015; a failing check means the code was copied wrongly and the party cannot be verified.",
    basis="GB 32100-2015 第4条、第5条；民法典第470条",
    fix="按营业执照核对并改正统一社会信用代码（18位，末位为校验码）。",
    bad=[
        "甲方：苏州精工机械制造有限公司\n统一社会信用代码：91350100M000100Y4Z",
        "统一社会信用代码：9135010M000100Y43",
    ],
    good=["统一社会信用代码：91350100M000100Y43", "统一社会信用代码：91110108551385082Q"],
)
def invalid_credit_code(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if doc.deal:
        for p in _deal_parties(doc):
            value = p.details.get("code", ("", None))[0]
            if p.foreign or not value:
                continue
            problem = uscc_problem(value)
            if problem:
                yield ctx.report(
                    p.block,
                    f"“{p.name}”的统一社会信用代码 {value} {problem[0]}。",
                    f"Credit code {value} of '{p.name}': {problem[1]}.",
                    snippet=None if p.block else value,
                )
        return
    for block in blocks_naming(doc, _USCC_WORD):
        m = _USCC_LABEL.search(block.norm)
        if not m:
            continue
        vm = _USCC_VALUE.match(block.norm[m.end() :])
        if not vm:
            continue
        code = vm.group(1)
        if _MASKED.search(code):
            continue  # a masked sample code (91320500MA1XXXXXX0), not a typo
        problem = uscc_problem(code)
        if problem:
            s = m.end() + vm.start(1)
            yield ctx.report(
                block,
                f"统一社会信用代码 {code} {problem[0]}。",
                f"Credit code {code}: {problem[1]}.",
                span=(s, s + len(code)),
            )


def _phone_values(value: str) -> Iterator[str]:
    for part in _PHONE_SEP.split(value):
        part = part.strip().rstrip("。")
        if _PHONE_DIGITS.search(part):
            yield _DIGIT_GAP.sub("", part) if not part.startswith("+") else part


@rule(
    id="parties/invalid-phone",
    title="联系电话格式不规范",
    title_en="Phone number not in a standard format",
    severity="warning",
    why="合同首部的电话是约定的通知和送达方式；号码缺区号、位数不对时通知无法送达，"
    "发生争议时也难以证明已经通知（合同条款标准化执行要求：电话应为标准格式，如010-12345678）。",
    why_en="The phone at the head of the contract is an agreed channel for notices; a number without area "
    "code or with the wrong length cannot be reached and notice cannot be proved.",
    basis="民法典第470条；民事诉讼法第87条",
    fix="写成带区号的固定电话（如 010-62345678）或 11 位手机号。",
    bad=[
        "甲方：苏州精工机械制造有限公司\n联系电话：6876123",
        "乙方：沈阳华力机床销售有限公司\n电话：1391234567",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n联系电话：0512-68761234",
        "乙方：沈阳华力机床销售有限公司\n电话：13912345678",
    ],
)
def invalid_phone(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for p in parties_of(doc):
        if p.foreign or "phone" not in p.details:
            continue
        value, block = p.details["phone"]
        if has_blank(value):
            continue
        for number in _phone_values(value):
            if number.startswith("+") and not number.startswith("+86"):
                continue
            problem = phone_problem(number)
            if problem:
                yield ctx.report(
                    block,
                    f"“{p.name}”的联系电话 {number} {problem[0]}。",
                    f"Phone {number} of '{p.name}' is {problem[1]}.",
                    snippet=None if block else number,
                )


def _aliases(doc: Document) -> set[str]:
    """The short names the text defines (``以下简称“华力公司”``)."""
    text = doc_text(doc)
    if not any(w in text for w in _ALIAS_WORDS):
        return set()
    return {m.group(1) for m in _ALIAS.finditer(text)}


@rule(
    id="parties/inconsistent-name",
    scope="document",
    title="当事人名称前后不一致",
    title_en="Party named differently in different places",
    severity="warning",
    why="同一当事人在首部、正文和签署处的名称不一致（全称与简称、“有限公司”与“公司”），"
    "会引起合同主体是谁的争议，对方可以主张签约主体不是自己。",
    why_en="A party whose name differs between the head, the body and the signature block (full vs "
    "shortened, 有限公司 vs 公司) invites a dispute about who is bound.",
    basis="民法典第470条、第490条",
    fix="全文统一使用营业执照上的全称；如需简称，在首部用“（以下简称“××”）”定义。",
    bad=[
        "甲方：苏州精工机械制造有限公司\n甲方（盖章）：苏州精工机械制造公司",
        "乙方：沈阳华力机床销售有限公司\n乙方应将货物运至甲方工厂，沈阳华力公司负责安装。",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n甲方（盖章）：苏州精工机械制造有限公司",
        "乙方：沈阳华力机床销售有限公司（以下简称“华力公司”）\n华力公司负责安装。",
    ],
)
def inconsistent_name(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    parties = parties_of(doc)
    if not parties:
        return
    by_role = {r: p for p in parties for r in p.roles}
    names = {p.name for p in parties}
    aliases = _aliases(doc)
    reported: set[str] = set()
    companies = [p for p in parties if len(p.name) >= 6 and not p.foreign and not p.is_person]
    headers = _header_lines(doc)
    # only header lines and blocks naming a company can yield a finding
    for i in sorted({*headers, *block_indices_naming(doc, _COMPANY_WORD)}):
        block, m = doc.blocks[i], headers.get(i)
        if m and _real_name(_clean(m.group("name"))) and m.group("role") in by_role:
            p = by_role[m.group("role")]
            other = _clean(m.group("name"))
            if (
                other != p.name
                and _CJK.search(other)
                and other not in aliases
                and other not in names
                and other not in reported
            ):
                reported.add(other)
                s = m.start("name")
                yield ctx.report(
                    block,
                    f"{m.group('role')}在此处写作“{other}”，与首部的“{p.name}”不一致。",
                    f"{m.group('role')} is called '{other}' here but '{p.name}' at the head.",
                    span=(s, s + len(other)),
                )
            continue
        for p in companies:
            stem = p.name[:4]
            if stem not in block.norm:
                continue  # a short name holds the stem
            for cm in _SHORT_CO.finditer(block.norm):
                at = cm.group().find(stem)
                if at < 0:
                    continue
                short = cm.group()[at:]
                if short in p.name or short in names or short in aliases or short in reported:
                    continue
                if any(short in a or a in short for a in aliases):
                    continue
                reported.add(short)
                s = cm.start() + at
                yield ctx.report(
                    block,
                    f"“{short}”与当事人全称“{p.name}”不一致，且未在首部定义为简称。",
                    f"'{short}' differs from the party's full name '{p.name}' and is not a defined short "
                    "name.",
                    span=(s, s + len(short)),
                )


@rule(
    id="parties/not-full-name",
    scope="document",
    title="当事人名称不是企业全称",
    title_en="Party name is not a full legal name",
    severity="warning",
    why="公司名称必须标明“有限责任公司（有限公司）”或“股份有限公司（股份公司）”字样（公司法第7条）；"
    "只写“××公司”“××集团”不是登记的全称，无法据此确定签约主体。",
    why_en="A company name must show its form, 有限责任公司/有限公司 or 股份有限公司/股份公司 (Company Law "
    "Art. 7); '××公司' or '××集团' alone is not the registered name and does not identify the party.",
    basis="公司法第7条；民法典第470条",
    fix="按营业执照写明企业全称，例如“苏州精工机械制造有限公司”。",
    bad=[
        "甲方：苏州精工机械制造公司\n乙方：沈阳华力机床销售有限公司",
        "卖方：华力集团\n买方：苏州精工机械制造有限公司",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n乙方：沈阳华力机床股份有限公司",
        "甲方：张伟\n乙方：Pacific Marine Supply Pte. Ltd.",
    ],
)
def not_full_name(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for p in parties_of(doc):
        if p.foreign or p.is_person:
            continue
        name = _TRAILING_PAREN.sub("", p.name)
        bad_company = name.endswith("公司") and not any(f in name for f in _COMPANY_FORMS)
        if not (bad_company or name.endswith("集团")):
            continue
        span = None
        if p.block is not None and p.name in p.block.norm:
            s = p.block.norm.index(p.name)
            span = (s, s + len(p.name))
        yield ctx.report(
            p.block,
            f"当事人名称“{p.name}”未标明公司组织形式（有限公司/股份有限公司等），不是企业全称。",
            f"Party name '{p.name}' shows no company form (有限公司/股份有限公司 …): not a full legal name.",
            span=span,
            snippet=None if p.block else p.name,
        )
