"""The ``parties`` family: is each party identified by its full legal name, 统一社会信用代码, address, legal
representative and a reachable phone — and named the same way throughout?

Checks over the party facts (:mod:`contractkit.contract.parties`), which read party lines, detail lines
(several to a line), Word table cells, key-terms tables (买方住所 …), 项目｜供方｜需方 tables and the
signature block. For a JSON deal the validated deal's ``seller``/``buyer`` are checked instead. Foreign
parties (deal ``country`` ≠ CN, or a name without Chinese characters) need no credit code; a quote carries
no 法定代表人 line (customary).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contractkit.checks._common import blocks_naming, has_blank, is_chinese
from contractkit.checks.base import RuleContext, rule
from contractkit.contract.delivery import classify_place
from contractkit.contract.model import Where, contract_of
from contractkit.contract.parties import Parties, Party, phone_spans
from contractkit.contract.party_kinds import is_person_name, split_note
from contractkit.deal.identifiers import phone_problem, uscc_problem
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

_DETAILS = {"code": "统一社会信用代码", "address": "住所/地址", "legal": "法定代表人", "phone": "联系电话"}
_DETAILS_EN = {
    "code": "credit code",
    "address": "registered address",
    "legal": "legal representative",
    "phone": "phone",
}
#: Who acts for a party of each kind, where a company has its 法定代表人.
_HEAD_OF = {
    "sole_trader": ("经营者", "operator"),
    "partnership": ("执行事务合伙人", "managing partner"),
    "public": ("法定代表人/负责人", "legal representative or head"),
    "organisation": ("法定代表人/负责人", "legal representative or head"),
}


def _detail_zh(p: Party, kind: str) -> str:
    """The Chinese name of a missing detail for a party of ``p``'s kind (经营者 for a 个体工商户)."""
    if kind == "code" and p.kind == "sole_trader":
        return "统一社会信用代码（或经营者身份证号）"
    return _HEAD_OF[p.kind][0] if kind == "legal" and p.kind in _HEAD_OF else _DETAILS[kind]


def _detail_en(p: Party, kind: str) -> str:
    """The English name of a missing detail for a party of ``p``'s kind."""
    if kind == "code" and p.kind == "sole_trader":
        return "credit code (or the operator's ID number)"
    return _HEAD_OF[p.kind][1] if kind == "legal" and p.kind in _HEAD_OF else _DETAILS_EN[kind]


_MASKED = re.compile(r"[Xx*＊]{3,}")
#: Every ``_USCC_LABEL`` match ends in this word.
_USCC_WORD = ("信用代码",)
_USCC_LABEL = re.compile(r"统一社会信用代码|社会信用代码|信用代码")
_USCC_VALUE = re.compile(r"[^\S\n]*[:：]?[^\S\n]*([0-9A-Za-z]{10,24})")
_USCC_ANY = re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])")
_PHONE_SEP = re.compile(r"[/、,，;；]|或")
_PHONE_DIGITS = re.compile(r"\d{5,}|\d{3,4}-\d{5,}")
_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")
_COMPANY_FORMS = ("有限公司", "有限责任公司", "股份公司", "股份有限公司")
_TRAILING_PAREN = re.compile(r"[（(][^）)]*[）)]$")
_FORM_TAIL = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|股份公司|集团公司|集团|公司)$")
_PROVINCES = (
    "内蒙古", "黑龙江", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
    "甘肃", "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门", "中国",
)  # fmt: skip
_REGION = re.compile(
    rf"^(?:(?:{'|'.join(_PROVINCES)})(?:省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)?)?"
    r"(?:[\u4e00-\u9fff]{2,3}?(?:市|州|盟|地区))?(?:[\u4e00-\u9fff]{1,3}?(?:区|县|旗))?"
)
#: Every short company name ends in this word.
_COMPANY_WORD = ("公司",)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def facts(doc: Document) -> Parties:
    """The party facts of ``doc`` (once per document, shared by the rules of a run)."""
    return contract_of(doc).parties


def _block(doc: Document, where: Where | None) -> Block | None:
    return doc.blocks[where.block] if where is not None and where.block < len(doc.blocks) else None


def _wanted(doc: Document, p: Party) -> list[str]:
    """The details a party must state, by its kind (:mod:`contractkit.contract.party_kinds`): an
    organisation with a credit code — company, partnership, cooperative, public institution, social
    organisation — its code, address and legal representative (not on a quote); a 个体工商户 its code (or
    its operator's ID), address and operator; a natural person or a party outside the mainland its
    address; the customer a quote is addressed to, or the parties of an order under a framework agreement,
    only their names. ``code`` stands for any registration (a 商业登记证 too); a phone is wanted when
    another party gives one."""
    structure = contract_of(doc).structure
    if structure.under_agreement:
        return []  # an order placed under a framework or master agreement: the agreement identifies them
    if _platform_order(doc, p):
        # an order placed on a platform: the names its verified accounts carry identify the buyer; the
        # seller is an operator who must show its business licence (电子商务法第15条): its credit code —
        # a shop's name alone (…旗舰店) is no one a claim can be brought against
        if p.role != "seller":
            return [] if _ENTITY_NAME.search(p.core_name) or _states(p, "code") else ["code"]
        return [] if _states(p, "code") else ["code"]
    quote = structure.kind == "quote"
    if quote and p.role == "buyer":
        return []  # a quote is the quoting side's offer: it identifies itself, the addressee is named
    if p.kind in ("person", "foreign"):
        wanted = ["address"]  # 法定代表人 and the credit code are PRC notions of organisations
    elif p.kind == "sole_trader":
        wanted = ["address"] if p.has("id") else ["code", "address"]
        if not quote and not _operator_named(p):
            wanted.append("legal")
    else:
        wanted = ["code", "address"] if quote else ["code", "address", "legal"]
    return [*wanted, "phone"] if _phone_expected(doc, p) else wanted


#: An order placed on a trading platform: it says the platform's rules or agreement govern it, or it names
#: the sides as the platform does (买家 / 卖家 / 店铺).
_PLATFORM_RULES = re.compile(
    r"(?:平台|商城|电商|网店)[^，,。；;\n]{0,12}?(?:规则|协议|服务条款|交易规则|下单|成交|确认)"
    r"|(?:通过|经由|在)[^，,。；;\n]{0,12}?(?:平台|商城|网店|店铺)[^，,。；;\n]{0,6}?(?:下单|订购|购买|采购|成交)"
    r"|\b(?:platform|marketplace)\b",
    re.IGNORECASE,
)
_PLATFORM_SIDES = ("买家", "卖家", "店铺", "卖家店铺", "商家")
#: The name of a legal entity or a registered business, not a shop's name on a platform (…旗舰店, …专营店).
_ENTITY_NAME = re.compile(
    r"(?:公司|厂|合作社|中心|研究院|研究所|学校|医院|事务所|商行|经营部|门市部|工作室|合伙企业|\b(?:Ltd|Limited|Inc|LLC|GmbH|Co)\.?)$",
    re.IGNORECASE,
)


def _platform_order(doc: Document, p: Party) -> bool:
    """True for an order (not a contract) placed on a trading platform (订单详情, 平台交易规则,
    买家/卖家): the platform's real-name accounts identify the sides (电子商务法第27条), its rules are their
    agreement, and the order printout carries the names — a careful reviewer does not ask it for credit
    codes and legal representatives."""
    if contract_of(doc).structure.kind != "order":
        return False
    if any(d in _PLATFORM_SIDES for d in p.designations):
        return True
    return any(_PLATFORM_RULES.search(b.norm) for b in doc.blocks[:400])


_SHOP_LINE = re.compile(
    r"^\s*(?:卖家店铺|店铺名称|卖家|商家|店铺)\s*[:：]\s*(?P<name>[^\s，,；;。]{2,40}?店)\s*$"
)


def _shop_only_seller(doc: Document) -> tuple[Block, tuple[int, int], str] | None:
    """On a platform order, the line naming the seller by a shop (卖家店铺：…旗舰店) when no seller of the
    order is named as a legal entity or gives a credit code: who sells, and can be sued, is not said."""
    structure = contract_of(doc).structure
    if structure.kind != "order" or structure.under_agreement:
        return None
    sellers = [p for p in facts(doc).parties if p.role == "seller"]
    if any(_ENTITY_NAME.search(p.core_name) or _states(p, "code") for p in sellers):
        return None
    if not any(_PLATFORM_RULES.search(b.norm) or "买家" in b.norm for b in doc.blocks[:400]):
        return None
    for i, b in enumerate(doc.blocks[:200]):
        m = _SHOP_LINE.match(b.norm)
        if m is None:
            continue
        # 卖家主体：郑州…有限公司 / 统一社会信用代码：… under the shop: the seller block names the entity
        block = doc.blocks[i + 1 : i + 7]
        if any(_USCC_ANY.search(n.norm) or _ENTITY_VALUE.search(n.norm) for n in block):
            return None
        return b, m.span("name"), m.group("name")
    return None


_ENTITY_VALUE = re.compile(r"[:：]\s*[^\s:：]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|厂)\s*$")


def _operator_named(p: Party) -> bool:
    """True when a 个体工商户's operator is named: a 经营者 line, or the operator as the party (孙长林（字号：
    丰收农资经营部）)."""
    return p.has("legal") or (p.has("trade") and is_person_name(p.core_name))


def _states(p: Party, kind: str) -> bool:
    """True when ``p`` states ``kind`` — a credit code also as another registration (商业登记证, 注册号);
    a field struck out (法定代表人：／, —, 无) states nothing (a field left blank ____ is a template's)."""
    d = p.details.get(kind)
    if d is not None and _STRUCK_OUT.fullmatch(d.value.strip()):
        return kind == "code" and p.has("reg")
    return p.has(kind) or (kind == "code" and p.has("reg"))


#: A field's value that strikes it out as not applicable: ／, /, —, －, 无, 不适用, N/A.
_STRUCK_OUT = re.compile(r"[／/—\-－–]{1,3}|无|不适用|(?i:n/?a)")


def _phone_expected(doc: Document, p: Party) -> bool:
    """True when ``p`` gives no phone nor any other way to reach it (contact, e-mail, fax) while another
    party of the document gives a phone: the form asks for one and this party's line left it out."""
    if any(p.has(k) for k in _REACH):
        return False
    if not any(q is not p and _named(q) and q.has("phone") for q in facts(doc).parties):
        return False
    # a notice clause may give it (通知与送达：…乙方联系人张三，电话138…): a line naming the party and a phone
    names = tuple(w for w in (p.name, *p.designations) if w)
    for block in blocks_naming(doc, _PHONE_WORDS):
        if any(w in block.norm for w in names) and phone_spans(block.norm):
            at = p.name_where
            if at is None or block.location.index != doc.blocks[at.block].location.index:
                return False
    return True


_REACH = ("phone", "contact", "email", "fax")
_PHONE_WORDS = ("电话", "手机", "联系方式", "Tel", "TEL", "tel")


def _named(p: Party) -> bool:
    return bool(p.name) and not has_blank(p.name)


def _anchor(doc: Document, p: Party) -> tuple[Block | None, tuple[int, int] | None]:
    block = _block(doc, p.name_where)
    return block, (p.name_where.span if block is not None and p.name_where is not None else None)


@rule(
    id="parties/missing-details",
    scope="document",
    title="当事人信息不完整",
    title_en="Party details missing",
    severity="warning",
    why="合同应写明当事人的名称和住所（民法典第470条）；统一社会信用代码和法定代表人是识别签约主体、核验资信和"
    "起诉立案所需的信息（合同条款标准化执行要求）。缺少时合同并不因此无效，但主体是谁、向哪里送达都会有争议。",
    why_en="A contract names each party and its domicile (Civil Code Art. 470); the credit code and legal "
    "representative identify the party, let it be checked and let a lawsuit be filed. Missing details do not "
    "void the contract but invite disputes about who the party is and where to serve it.",
    basis="民法典第470条",
    fix="在当事人信息中补全：企业全称、统一社会信用代码、住所、法定代表人。",
    bad=[
        "甲方：苏州精工机械制造有限公司\n统一社会信用代码：91350100M000100Y43\n第一条 标的",
        "卖方（乙方）：沈阳华力机床销售有限公司\n住所：辽宁省沈阳市铁西区北二路18号\n"
        "法定代表人：王力\n第一条 标的",
        "甲方：合肥快修侠汽车服务有限公司，信用代码913401002865623823，\n"
        "地址：合肥市蜀山区望江西路588号，法人：周建军，手机：13956012873\n"
        "乙方：合肥旺达二手设备回收有限公司，信用代码913401002466389280，\n"
        "地址：合肥市瑶海区长江东路1026号，法人：孙德旺",
        "项目  供方  需方\n单位名称  沈阳华力机床销售有限公司  苏州精工机械制造有限公司\n"
        "统一社会信用代码  91350100M000100Y43  91320594MA1TE3N650\n法定代表人  王力  张伟",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n统一社会信用代码：91350100M000100Y43\n"
        "住所：江苏省苏州市工业园区星湖街88号\n法定代表人：张伟  联系电话：0512-68761234\n第一条 标的",
        "乙方：Pacific Marine Supply Pte. Ltd.\n地址：80 Robinson Road, Singapore\n"
        "法定代表人：Tan Wei Ming\n电话：+65 6221 3456",
        "报价单\n报价单位：昆山沃泰泵阀科技有限公司\n统一社会信用代码：91320583MA1W5K3J4J\n"
        "地址：江苏省昆山市开发区前进东路1588号  电话：0512-57728810",
        "2 买方名称 四川蓉通仓储物流有限公司\n3 买方统一社会信用代码 91510115MA6CU4H28N\n"
        "4 买方住所 四川省成都市温江区新华大道二段868号\n5 买方法定代表人及电话 宋丽萍;028-82736615",
        "甲方：合肥快修侠汽车服务有限公司，信用代码913401002865623823，\n"
        "地址：合肥市蜀山区望江西路588号，法人：周建军，手机：13956012873\n"
        "乙方：合肥旺达二手设备回收有限公司，信用代码913401002466389280，\n"
        "地址：合肥市瑶海区长江东路1026号，法人：孙德旺，联系人：孙德旺 0551-64210087",
    ],
)
def missing_details(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    if (shop := _shop_only_seller(doc)) is not None:
        block, span, name = shop
        yield ctx.report(
            block,
            f"卖家仅以店铺名称“{name}”标识，未写明经营主体（公司全称）及统一社会信用代码。",
            f"The seller is named only by its shop '{name}': no legal entity and no credit code.",
            span=span,
        )
    for p in facts(doc).parties:
        if not _named(p):
            continue
        missing = [k for k in _wanted(doc, p) if not _states(p, k)]
        if not missing:
            continue
        zh = "、".join(_detail_zh(p, k) for k in missing)
        en = ", ".join(_detail_en(p, k) for k in missing)
        block, span = _anchor(doc, p)
        struck = [p.details[k] for k in missing if k in p.details]
        if struck and struck[0].where is not None and 0 <= struck[0].where.block < len(doc.blocks):
            # 法定代表人：／ — the field struck out is what the reviewer must look at: the finding sits there
            field = struck[0]
            line = doc.blocks[field.where.block].text
            start = max(0, line.rfind(field.label, 0, field.where.span[1]))
            yield ctx.report(
                doc.blocks[field.where.block],
                f"当事人“{p.name}”缺少：{zh}（“{field.label}”一栏划掉未填）。",
                f"Party '{p.name}' lacks: {en} (the '{field.label}' field is struck out).",
                span=(start, field.where.span[1]),
                snippet=line[start : field.where.span[1]].strip() or None,
            )
            continue
        yield ctx.report(
            block,
            f"当事人“{p.name}”缺少：{zh}。",
            f"Party '{p.name}' lacks: {en}.",
            span=span,
            snippet=None if block else p.name,
        )


@rule(
    id="parties/missing-phone",
    scope="document",
    title="当事人未写联系电话",
    title_en="Party phone missing",
    severity="info",
    why="联系电话便于履行中的通知和联络；合同有书面送达条款时，缺少电话不影响送达，只是联络不便。",
    why_en="A phone helps day-to-day notices; where the contract has a written-notice clause its absence "
    "does not affect service, it is only less convenient.",
    basis="民法典第470条",
    fix="在当事人信息中写明联系电话（带区号的固定电话或 11 位手机号）。",
    bad=["甲方：苏州精工机械制造有限公司\n统一社会信用代码：91350100M000100Y43\n住所：苏州市星湖街88号"],
    good=[
        "甲方：苏州精工机械制造有限公司\n住所：苏州市星湖街88号\n法定代表人：张伟  电话：0512-68761234",
        "甲方：苏州精工机械制造有限公司\n联系人/电话：张伟 13912345678",
    ],
)
def missing_phone(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for p in facts(doc).parties:
        if not _named(p) or p.has("phone") or "phone" in _wanted(doc, p) or _platform_order(doc, p):
            continue  # parties/missing-details reports a phone the other party gives
        block, span = _anchor(doc, p)
        yield ctx.report(
            block,
            f"当事人“{p.name}”未写联系电话。",
            f"Party '{p.name}' gives no phone.",
            span=span,
            snippet=None if block else p.name,
        )


@rule(
    id="parties/address-incomplete",
    scope="document",
    title="当事人住所不具体",
    title_en="Party address not specific",
    severity="warning",
    why="当事人的住所是合同约定的送达地址和确定管辖的依据（民法典第470条，民事诉讼法第22条、第87条）；只写到省市区"
    "或乡镇、没有街道门牌，通知、催告和诉讼文书无法送达，对方也可以否认收到。",
    why_en="A party's domicile is where notices and court papers are served and helps fix jurisdiction "
    "(Civil Code Art. 470; Civil Procedure Law Arts. 22, 87); an address that stops at the city, district or "
    "town, without street and number, cannot be served and lets the other side deny receipt.",
    basis="民法典第470条；民事诉讼法第22条、第87条",
    fix="按营业执照写明住所，到街道门牌号，例如“江苏省江阴市周庄镇长寿路18号”。",
    bad=[
        "卖方：江阴固力紧固件制造有限公司\n统一社会信用代码：913202817GT3E6Q892\n地址：江苏省江阴市周庄镇\n"
        "法定代表人：邵振华",
        "乙方：沈阳华力机床销售有限公司\n住所：辽宁省沈阳市铁西区北二路\n法定代表人：王力",
    ],
    good=[
        "卖方：江阴固力紧固件制造有限公司\n地址：江苏省江阴市周庄镇长寿路18号\n法定代表人：邵振华",
        "甲方：湖南禾丰种植专业合作社\n住所：湖南省长沙县黄兴镇蓝田村\n负责人：李明",
        "乙方：沈阳华力机床销售有限公司\n住所：辽宁省沈阳市浑南区沈阳国际软件园\n法定代表人：王力",
        "乙方：Pacific Marine Supply Pte. Ltd.\n地址：80 Robinson Road, Singapore",
    ],
)
def address_incomplete(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4) or doc.deal:
        return
    for p in facts(doc).parties:
        d = p.detail("address")
        if p.foreign or d is None or d.blank or has_blank(d.value) or not _CJK.search(d.value):
            continue
        kind, house = classify_place(d.value)
        if kind != "address" or house or _RURAL_END.search(d.value):
            continue  # a village (…镇蓝田村) is a rural party's registered domicile
        block = _block(doc, d.where)
        yield ctx.report(
            block,
            f"“{p.name}”的住所“{d.value}”没有写到街道门牌号，通知和文书难以送达。",
            f"The address of '{p.name}' ('{d.value}') has no street and number: notices cannot be served.",
            span=d.where.span if block is not None else None,
        )


#: Where an address needs no street number: a rural domicile ends at its village or group (…村, …村五组,
#: …社区, …农场), a named park, building or market identifies the place (…沈阳国际软件园, …国贸大厦).
_RURAL_END = re.compile(
    r"(?:村|组|队|社区|农场|林场|牧场|居委会|园|园区|大厦|大楼|广场|中心|基地|写字楼|市场|小区|花园|厂)\s*$"
)


def _code_problems(doc: Document) -> Iterator[tuple[Block | None, tuple[int, int] | None, str, str]]:
    """(block, span, code, who) for every credit code in the party facts or after a 信用代码 label."""
    seen: set[tuple[int, int]] = set()
    for p in facts(doc).parties:
        d = p.detail("code")
        if d is None or d.blank or p.foreign or not _USCC_LABEL.search(d.label):
            continue  # only a 统一社会信用代码 has the GB 32100 form (not 统一编号, 注册号, 税号…)
        block = _block(doc, d.where)
        m = _USCC_ANY.search(d.value) or re.search(r"[0-9A-Za-z]{10,24}", d.value)
        if m is None:
            continue
        s = d.where.span[0] + m.start()
        span = (s, s + len(m.group()))
        seen.add((d.where.block, s))
        yield block, span if block is not None and doc.deal is None else None, m.group(), p.name
    if doc.deal:
        return
    for block in blocks_naming(doc, _USCC_WORD):
        for m in _USCC_LABEL.finditer(block.norm):
            vm = _USCC_VALUE.match(block.norm, m.end())
            if not vm:
                continue
            s = vm.start(1)
            if (block.location.index, s) in seen:
                continue
            seen.add((block.location.index, s))
            yield block, (s, s + len(vm.group(1))), vm.group(1), ""


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
        "项目  供方  需方\n统一社会信用代码  91350100M000100Y43  91320594MA1TE3N65X",
    ],
    good=["统一社会信用代码：91350100M000100Y43", "统一社会信用代码：91110108551385082Q"],
)
def invalid_credit_code(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    for block, span, code, who in _code_problems(doc):
        if _MASKED.search(code):
            continue  # a masked sample code (91320500MA1XXXXXX0), not a typo
        if block is not None and ocr_read(doc, block):
            judged = ocr_repaired(code)
            if judged is None:
                continue  # a scan misread the code (O for 0) and the repair does not hold: no judgement
            code = judged
        problem = uscc_problem(code)
        if not problem:
            continue
        of_zh, of_en = (f"“{who}”的", f" of '{who}'") if who else ("", "")
        yield ctx.report(
            block,
            f"{of_zh}统一社会信用代码 {code} {problem[0]}。",
            f"Credit code {code}{of_en}: {problem[1]}.",
            span=span,
            snippet=None if block else code,
        )


#: Letters GB 32100 never uses and the digits a scan takes them for (O/0, I/1, Z/2, S/5); V has no twin.
_OCR_TWINS = str.maketrans({"O": "0", "I": "1", "Z": "2", "S": "5"})
_EXCLUDED = frozenset("IOZSV")


def ocr_read(doc: Document, block: Block) -> bool:
    """True when ``block`` comes from a page the reader recognised by OCR (a scan)."""
    pages = (doc.meta or {}).get("ocr") or ()
    return block.location.page is not None and block.location.page in pages


def ocr_repaired(code: str) -> str | None:
    """The credit code a scan printed: upper case, with the letters GB 32100 never uses read as their digit
    twins — or None when such a letter was there and the repaired code still fails, or the reading is not 18
    characters long (the reading is not to be judged). A code with no such letter is returned upper-cased,
    to be checked as it stands."""
    upper = code.strip().upper()
    if len(upper) != 18:
        return None  # 913601247EU3HH5C96HH for …EU3H5C96H: a scan doubles and drops characters
    if not _EXCLUDED & set(upper):
        return upper
    repaired = upper.translate(_OCR_TWINS)
    return repaired if uscc_problem(repaired) is None else None


def _phone_values(value: str) -> Iterator[str]:
    """The numbers a phone detail holds (``0571-86273350，手机13858112046`` → two numbers)."""
    for part in _PHONE_SEP.split(value):
        part = part.strip().rstrip("。")
        for a, b in phone_spans(part):
            number = part[a:b].strip()
            if _PHONE_DIGITS.search(number):
                yield _DIGIT_GAP.sub("", number) if not number.startswith("+") else number


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
        "乙方：沈阳华力机床销售有限公司\n法定代表人：王力  电话：0512-687612",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n联系电话：0512-68761234",
        "乙方：沈阳华力机床销售有限公司\n电话：13912345678",
        "乙方：沈阳华力机床销售有限公司\n法定代表人：王力  电话：024-25871234",
    ],
)
def invalid_phone(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for p in facts(doc).parties:
        d = p.detail("phone")
        if p.foreign or d is None or d.blank or has_blank(d.value):
            continue
        block = _block(doc, d.where)
        if block is not None and ocr_read(doc, block):
            continue  # a scan adds and drops digits (0551-604487203): the number as read is not to be judged
        for number in _phone_values(d.value):
            if number.startswith("+") and not number.startswith("+86"):
                continue
            problem = phone_problem(number)
            if problem:
                yield ctx.report(
                    block,
                    f"“{p.name}”的联系电话 {number} {problem[0]}。",
                    f"Phone {number} of '{p.name}' is {problem[1]}.",
                    span=d.where.span if block is not None and doc.deal is None else None,
                    snippet=None if block else number,
                )


def _trade_windows(name: str) -> tuple[str, ...]:
    """Two-character pieces of the start of a company's trade name (湖南湘仁医疗… → 湘仁, 仁医)."""
    core = _FORM_TAIL.sub("", _TRAILING_PAREN.sub("", name))
    core = core[_REGION.match(core).end() :] or core  # type: ignore[union-attr]
    head = core[:3]
    return tuple(head[i : i + 2] for i in range(len(head) - 1))


def _subsequence(piece: str, name: str) -> bool:
    """True when every character of ``piece`` occurs in ``name`` in order (沈阳华力 in 沈阳华力机床销售…)."""
    it = iter(name)
    return all(ch in it for ch in piece)


#: What an address ends with just before a name written into it (…新业八街39号华骋公司…).
_ADDRESS_BEFORE = re.compile(
    r"(?:\d+|[一二三四五六七八九十百]+)\s*(?:号|号院|号楼|栋|幢|弄)\s*$|(?:路|街|大道|巷|胡同|园区|工业园|开发区|产业园)\s*$"
)
#: A spot of the premises after the name: a numbered gate, building, warehouse or floor (2号收货门, B栋,
#: 3号库, 东门).
_SPOT_AFTER = re.compile(
    r"\s*(?:(?:\d+|[一二三四五六七八九十]+|[A-Z])\s*[号#]?\s*"
    r"(?:[\u4e00-\u9fff]{0,2}门|楼|栋|幢|座|号?库|仓|仓库|库房|车间|厂房|单元|层|月台|道口|站台|区)"
    r"|[东南西北]\s*门|正门|大门|门卫|门岗)"
)
_CLAUSE_CUT = re.compile(r"[,，;；。:：]|为")


def _names_a_place(text: str, start: int, end: int, p: Party) -> bool:
    """True when the short name at ``text[start:end]`` is part of an address, not a reference to the party:
    it labels a spot of the premises (…39号华骋公司2号收货门) or stands in the party's own stated address,
    which already identifies it. A name that says whose place an address is (…398号湘仁公司医疗器械仓库,
    an address stated nowhere else) stands for the party."""
    if not _ADDRESS_BEFORE.search(text, max(0, start - 12), start):
        return False
    if _SPOT_AFTER.match(text, end):
        return True
    address = p.detail("address")
    if address is None or address.blank:
        return False
    cut = max(
        (m.end() for m in _CLAUSE_CUT.finditer(text, max(0, start - 40), start)), default=max(0, start - 40)
    )
    before = re.sub(r"\s+", "", text[cut:start])
    own = re.sub(r"\s+", "", address.value)
    return len(before) >= 6 and before[-8:] in own


#: An organisation's name (with its abbreviation in brackets) just before a short name: the short name is
#: that organisation's branch in a city (…集团（CCIC）青岛公司, …银行股份有限公司宁波分公司), not the party.
_BRANCH_OF = re.compile(
    r"(?:集团|总公司|公司|总局|总院|银行|检验检疫局|海关)\s*(?:[(（][A-Za-z0-9&\s]{2,12}[)）])?\s*$"
)


def _short_names(doc: Document, p: Party, known: set[str]) -> Iterator[tuple[Block, int, str]]:
    """Short company names (湘仁公司) that take their trade name from ``p`` but are not its name."""
    windows = _trade_windows(p.name)
    if not windows:
        return
    named = [q.name_where.block for q in facts(doc).parties if q.name_where is not None]
    head = min(named, default=0)  # above where the parties are first named: letterhead, title, number
    for block in blocks_naming(doc, _COMPANY_WORD):
        t = block.norm
        if p.name_where is not None and block.location.index == p.name_where.block:
            continue
        if block.location.index < head or block.location.part is not None:
            continue  # a letterhead, a running header or footer: the issuer of the form, not a party
        at = t.find("公司")
        while at >= 0:
            lo = max(0, at - 8)
            best = -1
            for w in windows:
                k = t.find(w, lo, at)
                if k >= 0 and (best < 0 or k < best) and all(_CJK.match(c) for c in t[k:at]):
                    best = k
            if best >= 0 and _subsequence(t[best:at], p.name):
                short = t[best : at + 2]
                if short in p.name or short in known or any(short in a for a in known):
                    pass
                elif t.endswith(_COMPANY_FORMS, 0, at + 2):
                    pass  # a full registered name (…为天津滨港集团有限公司的全资子公司): another company
                elif _BRANCH_OF.search(t, max(0, best - 16), best):
                    pass  # 中国检验认证集团（CCIC）青岛公司: a branch of the organisation named before it
                elif _dropped_by_scan(doc, block, short, p.name):
                    pass  # 成都航教育装备限公司 for 成都启航教育装备有限公司: characters a scan lost
                elif not _names_a_place(t, best, at + 2, p):
                    yield block, best, short
            at = t.find("公司", at + 2)


def _dropped_by_scan(doc: Document, block: Block, short: str, full: str) -> bool:
    """True when ``short`` is ``full`` with single characters lost here and there by OCR, not a short
    name someone chose: the block was read by OCR and, from where ``short`` starts in ``full``, it keeps
    four in five characters, in order, and loses none two in a row (成都航教育装备限公司 for
    成都启航教育装备有限公司). A chosen short name drops whole words — the form, the business (华力公司,
    嘉陵教学装备公司 for …有限公司)."""
    ocr = set(doc.meta.get("ocr") or ())
    if not short or (block.location.page not in ocr and getattr(block, "confidence", None) is None):
        return False
    span = full[max(0, full.find(short[0])) :]
    if not len(short) < len(span) <= len(short) * 5 // 4:
        return False
    at = 0
    for ch in short:
        k = span.find(ch, at)
        if k < 0 or k - at > 1:
            return False  # not in order, or two characters lost in a row
        at = k + 1
    return len(span) - at <= 1


def _cut_by_wrap(doc: Document, where: Where, short: str, full: str) -> bool:
    """True when ``short`` is ``full`` cut by a page line wrap: a PDF line ends the name's beginning and the
    next line holds the rest (…服务中心 / 有限公司, two columns: …有 …有 / 限公司 限公司)."""
    block = _block(doc, where)
    i = where.block
    if block is None or block.location.page is None or i + 1 >= len(doc.blocks):
        return False
    if not full.startswith(short) or len(short) == len(full):
        return False
    rest = full[len(short) :]
    nxt = doc.blocks[i + 1].norm
    return nxt.lstrip().startswith(rest) or f" {rest}" in nxt


def _same_name(one: str, other: str) -> bool:
    """True when two writings are one name: they differ only in spacing (a scan's 烟台 途亮…) or in the
    note after the name (…经营部（个体工商户）, …有限公司（香港注册公司）, （外商独资）)."""
    a, b = _SPACE.sub("", one), _SPACE.sub("", other)
    return a == b or split_note(a)[0] == split_note(b)[0]


_SPACE = re.compile(r"\s+")


def _misread(doc: Document, a: Where, b: Where | None, one: str, other: str) -> bool:
    """True when two names of the same length differ in one character of every five (at least one) and one
    of them was read by OCR (版村 for 版材; 油驰 at the head and 澜邓 at the seal for 澜驰; 埔桥…丰禾烂食 and
    韧桥…丰玫粮食 for 埇桥…丰禾粮食 — each line misread on its own): a reading error of a scan, not a second
    name (a careful reader of the page sees one)."""
    ocr = set(doc.meta.get("ocr") or ())
    if not ocr or len(one) != len(other):
        return False
    differ = sum(x != y for x, y in zip(one, other, strict=True))
    if not 1 <= differ <= max(1, len(one) // 5):
        return False
    pages = {_block(doc, w).location.page for w in (a, b) if w is not None and _block(doc, w) is not None}
    return bool(pages & ocr)


#: The detail kinds that name a person acting for a party (法定代表人, 经营者, 授权代表, 联系人).
_SIGNATORY_KINDS = ("legal", "agent", "contact")
#: What follows a company form after a space (…有限公司 经 买方签回（盖章）：…): no part of the name.
_ORG_END = re.compile(r"(?:(?<=公司)|(?<=合作社))\s+\S.*$")
#: A registered form of organisation at the end of a name.
_LEGAL_FORM = re.compile(
    r"(?:有限责任公司|股份有限公司|有限公司|股份公司|合伙企业|\(普通合伙\)|（普通合伙）|合作社|个人独资企业)"
    r"(?:[(（][^)）]{1,12}[)）])?$"
)


def _legal_form(name: str) -> bool:
    """True when ``name`` ends with a registered form of organisation (有限公司, 合作社, 合伙企业…)."""
    return _LEGAL_FORM.search(name.strip()) is not None


def _signatory(p: Party, name: str) -> bool:
    """True when ``name`` is the person the party states as acting for it (legal representative, operator,
    authorised agent, contact)."""
    for kind in _SIGNATORY_KINDS:
        d = p.detail(kind)
        if d is not None and not d.blank and name and (name == d.value.strip() or d.value.startswith(name)):
            return True
    return False


@rule(
    id="parties/inconsistent-name",
    scope="document",
    title="当事人名称前后不一致",
    title_en="Party named differently in different places",
    severity="warning",
    why="同一当事人在首部、正文和签署处的名称不一致（全称与简称、“有限公司”与“公司”、不同的字号），"
    "会引起合同主体是谁的争议，对方可以主张签约主体不是自己。",
    why_en="A party whose name differs between the head, the body and the signature block (full vs "
    "shortened, 有限公司 vs 公司, another trade name) invites a dispute about who is bound.",
    basis="民法典第470条、第490条",
    fix="全文统一使用营业执照上的全称；如需简称，在首部用“（以下简称“××”）”定义。",
    bad=[
        "甲方：苏州精工机械制造有限公司\n甲方（盖章）：苏州精工机械制造公司",
        "乙方：沈阳华力机床销售有限公司\n乙方应将货物运至甲方工厂，沈阳华力公司负责安装。",
        "乙方（经销商）：湖南湘仁医疗器械贸易有限公司\n第一条 湘仁公司应按月报送销售台账。",
        "乙方：湖南湘仁医疗器械贸易有限公司\n交货地点为长沙市望城区金星北路二段398号湘仁公司医疗器械仓库。",
        "甲方：上海沪膳团餐管理有限公司\n乙方：黑龙江寒地禾丰粮油有限公司\n"
        "甲方（盖章）：上海沪膳团餐管理有限公司 乙方（盖章）：黑龙江寒地禾丰米业有限公司",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n甲方（盖章）：苏州精工机械制造有限公司",
        "乙方：沈阳华力机床销售有限公司（以下简称“华力公司”）\n华力公司负责安装。",
        "乙方：四川蓉通仓储物流有限公司\n货物由甲方委托的第三方物流公司承运。",
        "甲方：沈阳华力机床销售有限公司\n住所：沈阳市铁西区北二路18号\n交货地点：沈阳市铁西区北二路18号华力公司2号门",
    ],
)
def inconsistent_name(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    pf = facts(doc)
    by_key = {p.key: p for p in pf.parties}
    names = {p.name for p in pf.parties if p.name}
    known = names | set(pf.aliases)
    reported: set[str] = set()
    for m in pf.mentions:
        p = by_key.get(m.key)
        if p is None or not _named(p) or not _CJK.search(m.name) or not _CJK.search(p.name):
            continue
        other = m.name
        if other in reported or has_blank(other) or any(_same_name(other, k) for k in known):
            continue  # 佛山百彩色母料有限公司(外商独资), 烟台 途亮…: a type noted after the name, OCR spacing
        if _cut_by_wrap(doc, m.where, other, p.name) or _misread(doc, m.where, p.name_where, other, p.name):
            continue
        seal = _block(doc, m.where)
        if seal is not None and _dropped_by_scan(doc, seal, _ORG_END.sub("", other), p.name):
            continue  # 重庆嘉教学装备有限公司 at the seal of a scan: the head's name with a character lost
        if m.signature and _signatory(p, other):
            continue  # 甲方：孙建民（签字） for a shop whose 经营者 is 孙建民: who signs for the party
        other = _ORG_END.sub("", other) if _ORG_END.search(other) else other
        if other in reported or any(_same_name(other, k) for k in known):
            continue  # …有限公司 经 买方签回(盖章):…: the name ends at its company form
        reported.add(other)
        at_head = _legal_form(other) and not _legal_form(p.name) and p.name_where is not None
        if at_head:  # the head gives a trade name, the seal the registered one: the head is what to fix
            assert p.name_where is not None
            block = _block(doc, p.name_where)
            yield ctx.report(
                block,
                f"{m.designation}在首部写作“{p.name}”，不是其登记的全称，与签署处的“{other}”不一致。",
                f"{m.designation} is called '{p.name}' at the head, not its registered name '{other}' "
                "used where it signs.",
                span=p.name_where.span if block is not None else None,
            )
            continue
        block = _block(doc, m.where)
        yield ctx.report(
            block,
            f"{m.designation}在此处写作“{other}”，与首部的“{p.name}”不一致。",
            f"{m.designation} is called '{other}' here but '{p.name}' at the head.",
            span=m.where.span if block is not None else None,
        )
    for p in pf.parties:
        if p.foreign or p.person or len(p.name) < 6 or not _named(p):
            continue
        for block, at, short in _short_names(doc, p, known | reported):
            if short in reported:
                continue
            reported.add(short)
            yield ctx.report(
                block,
                f"“{short}”与当事人全称“{p.name}”不一致，且未在首部定义为简称。",
                f"'{short}' differs from the party's full name '{p.name}' and is not a defined short name.",
                span=(at, at + len(short)),
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
        "供方名称：沈阳华力机床销售公司",
    ],
    good=[
        "甲方：苏州精工机械制造有限公司\n乙方：沈阳华力机床股份有限公司",
        "甲方：张伟\n乙方：Pacific Marine Supply Pte. Ltd.",
    ],
)
def not_full_name(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for p in facts(doc).parties:
        if p.foreign or p.person or not _named(p):
            continue
        name = _TRAILING_PAREN.sub("", p.name)
        bad_company = name.endswith("公司") and not any(f in name for f in _COMPANY_FORMS)
        if not (bad_company or name.endswith("集团")):
            continue
        block, span = _anchor(doc, p)
        yield ctx.report(
            block,
            f"当事人名称“{p.name}”未标明公司组织形式（有限公司/股份有限公司等），不是企业全称。",
            f"Party name '{p.name}' shows no company form (有限公司/股份有限公司 …): not a full legal name.",
            span=span,
            snippet=None if block else p.name,
        )
