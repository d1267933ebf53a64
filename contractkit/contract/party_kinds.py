"""What kind of party a contract names — a company, a partnership, a 个体工商户, a farmers' cooperative, a
public institution or organ, a social organisation, a natural person, or a party outside the mainland — and
what it is called without the note after its name.

The kind is read, most reliable first, from the category its unified social credit code encodes (GB
32100-2015: position 1 is the registering authority, position 2 the category — 91 enterprise, 92
个体工商户, 93 农民专业合作社, 1x 机构编制 (11 机关, 12 事业单位), 5x 民政 (51 社会团体, 52 民办非企业单位,
53 基金会); legal-basis.md §8), from a registration of Hong Kong, Macau, Taiwan or abroad (商业登记证,
公司注册编号, Company No.) or an address there, from the note after the name (（个体工商户）,
（民办非企业单位）, （香港注册公司）), from the name's ending (…有限公司, …合作社, …医院, …经营部) and
from a personal ID number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

PartyKind = Literal[
    "company", "partnership", "sole_trader", "cooperative", "public", "social", "person", "foreign",
    "organisation",
]  # fmt: skip

#: A unified social credit code's form (GB 32100-2015): 18 characters of its 31-character set.
USCC_FORM = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
#: The kind of party a code's first two characters (authority and category) name.
_CODE_CATEGORY: dict[str, PartyKind] = {"91": "company", "92": "sole_trader", "93": "cooperative"}
_CODE_AUTHORITY: dict[str, PartyKind] = {"1": "public", "5": "social"}

#: A note after a party's name (its type or where it is registered), not part of the registered name:
#: （个体工商户）, （民办非企业单位）, （香港注册公司）, （外商独资）, （事业单位法人） — a branch
#: （北京分公司）is another entity and stays part of the name.
_NOTE = re.compile(r"\s*[(（](?P<note>[^()（）]{1,16})[)）]\s*$")
_NOT_A_NOTE = re.compile(r"分公司|分店|分厂|分行|分部|分社|分所|分院|办事处|营业部|门店|以下|简称|下称")
#: Notes and name parts that say the party is registered outside the mainland.
_OUTSIDE_NOTE = re.compile(r"香港|澳门|台湾|境外|外国|海外|港澳|离岸|hong\s*kong|macau|macao|taiwan", re.I)
#: Hong Kong, Macau, Taiwan and the countries a party outside the mainland is most often registered in, in
#: Chinese: one list for names (香港…有限公司, …（新加坡）私人有限公司) and addresses (新加坡…, 日本东京都…).
_OUTSIDE_PLACES = (
    "香港", "澳门", "台湾", "新加坡", "马来西亚", "日本", "韩国", "大韩民国", "美国", "美利坚",
    "英国", "德国", "法国", "意大利", "西班牙", "荷兰", "比利时", "瑞士", "瑞典", "丹麦",
    "挪威", "芬兰", "奥地利", "波兰", "俄罗斯", "加拿大", "澳大利亚", "新西兰", "泰国", "越南",
    "印度尼西亚", "印度", "印尼", "菲律宾", "柬埔寨", "缅甸", "老挝", "阿联酋", "迪拜", "沙特",
    "土耳其", "以色列", "巴西", "墨西哥", "智利", "阿根廷", "南非", "埃及", "哈萨克斯坦", "乌兹别克斯坦",
    "蒙古", "巴基斯坦", "孟加拉",
)  # fmt: skip
#: Districts and cities an address there may start with (a company name starting with 桃园 need not be).
_OUTSIDE_TOWNS = (
    "九龙",
    "新界",
    "氹仔",
    "路环",
    "台北",
    "新北",
    "桃园",
    "台中",
    "台南",
    "高雄",
    "新竹",
    "基隆",
)
_OUTSIDE_ALT = "|".join(_OUTSIDE_PLACES)
#: An address outside the mainland: it starts with Hong Kong, Macau, Taiwan or another country (a 香港路 in
#: 青岛 does not), or names such a place in Latin letters.
_OUTSIDE_ADDRESS = re.compile(
    rf"^\s*(?:中国)?\s*(?:{_OUTSIDE_ALT}|{'|'.join(_OUTSIDE_TOWNS)})"
    r"|hong\s*kong|kowloon|new\s+territories|macau|macao|taiwan|taipei|singapore|malaysia|japan|korea"
    r"|germany|france|italy|spain|netherlands|belgium|switzerland|sweden|denmark|norway|finland|austria"
    r"|poland|russia|canada|australia|new\s+zealand|thailand|vietnam|viet\s+nam|india|indonesia"
    r"|philippines|u\.?s\.?a\b|united\s+states|united\s+kingdom|\bu\.?k\.?\b|england|uae|dubai|turkey"
    r"|israel|brazil|mexico|chile|argentina|south\s+africa|egypt",
    re.IGNORECASE,
)
#: A name of a party registered outside the mainland: a place at its start (香港…有限公司), a place in
#: brackets (…（香港）有限公司), a foreign form of company (株式会社, 私人有限公司, Pte, GmbH).
_OUTSIDE_NAME = re.compile(
    rf"^\s*(?:{_OUTSIDE_ALT})|[(（](?:{_OUTSIDE_ALT})[)）]"
    r"|株式会社|私人有限公司|有限会社|合同会社|\bPte\b|\bGmbH\b|\bS\.?A\.?S?\b|\bS\.?p\.?A\.?\b|\bB\.?V\.?\b"
    r"|\bInc\b|\bLLC\b|\bPLC\b|\bK\.?K\.?\b|Sdn\.?\s*Bhd",
    re.IGNORECASE,
)
_COMPANY_END = re.compile(r"(?:公司|集团|厂|企业|总部)$")
_PARTNERSHIP = re.compile(r"合伙企业|普通合伙|有限合伙|特殊普通合伙|律师事务所|会计师事务所")
_COOPERATIVE = re.compile(r"合作社|联合社")
_SOLE_TRADER_NOTE = re.compile(r"个体|个人独资|个人经营|业主")
#: A shop or trading name a 个体工商户 registers (…五金店, …经营部, …门市部, …商行, …工作室).
_SHOP_END = re.compile(
    r"(?:店|商店|经营部|门市部|门市|商行|工作室|批发部|经销部|维修部|加工部|服务部|销售部|超市|便利店|商铺|档口|摊位|"
    r"加工坊|作坊|餐馆|饭店|酒家|茶庄|农资部|种植场|养殖场|家庭农场|铺)$"
)
#: An organ, public institution or school (…人民医院, …第一中学, …研究所, …管理局, …服务中心).
_PUBLIC_END = re.compile(
    r"(?:医院|卫生院|卫生服务中心|疾病预防控制中心|学校|大学|学院|中学|小学|幼儿园|职业技术学院|研究所|研究院|研究中心"
    r"|设计院|检验所|检测中心|监测站|图书馆|博物馆|档案馆|纪念馆|文化馆|体育馆|科技馆|美术馆|少年宫|电视台|广播电台"
    r"|人民政府|政府|委员会|管理委员会|办公室|办事处|街道|局|厅|署|委|院|所|站|中心|处|馆)$"
)
_SOCIAL_END = re.compile(r"(?:协会|学会|商会|基金会|促进会|联合会|研究会|联谊会|俱乐部)$")
_SOCIAL_NOTE = re.compile(r"民办非企业|社会团体|社会组织|基金会")
_PUBLIC_NOTE = re.compile(r"事业单位|机关|行政")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def split_note(name: str) -> tuple[str, str]:
    """``name`` without the note in brackets at its end, and the note (``""`` when there is none):
    ``星辉娱乐集团有限公司（香港注册公司）`` → (``星辉娱乐集团有限公司``, ``香港注册公司``). A branch in
    brackets (``…有限公司（北京分公司）``) is part of the name."""
    m = _NOTE.search(name)
    if m is None or m.start() == 0 or _NOT_A_NOTE.search(m.group("note")):
        return name, ""
    return name[: m.start()].rstrip(), m.group("note").strip()


def outside_mainland_address(address: str) -> bool:
    """True when ``address`` is in Hong Kong, Macau, Taiwan or abroad (not a 香港路 of a mainland city)."""
    return _OUTSIDE_ADDRESS.search(address) is not None


def is_person_name(name: str) -> bool:
    """True when ``name`` reads as a natural person's Chinese name (张伟, 欧阳明华, 阿依古丽·买买提)."""
    return _PERSON.fullmatch(name.strip()) is not None and not _COMPANY_END.search(name)


def kind_of(name: str, details: Mapping[str, str]) -> PartyKind:
    """The kind of a party named ``name`` that states ``details`` (detail kind → value as written)."""
    core, note = split_note(name)
    code = USCC_FORM.search(details.get("code", "").upper())
    if code is not None:
        prefix = code.group()[:2]
        kind = _CODE_CATEGORY.get(prefix) or _CODE_AUTHORITY.get(prefix[0])
        if kind is not None:
            return _refine_company(core) if kind == "company" else kind
    if _outside(core, note, details) and code is None:
        return "foreign"
    if note and _SOLE_TRADER_NOTE.search(note):
        return "sole_trader"
    if note and _SOCIAL_NOTE.search(note):
        return "social"
    if note and _PUBLIC_NOTE.search(note):
        return "public"
    if _COOPERATIVE.search(core):
        return "cooperative"
    if _COMPANY_END.search(core) or _PARTNERSHIP.search(name):
        return _refine_company(name)
    if is_person_name(core):
        return "sole_trader" if details.get("trade") else "person"
    if _SOCIAL_END.search(core):
        return "social"
    if _SHOP_END.search(core) or details.get("trade"):
        return "sole_trader"
    if _PUBLIC_END.search(core):
        return "public"
    return "person" if "id" in details else "organisation"


def _refine_company(name: str) -> PartyKind:
    return "partnership" if _PARTNERSHIP.search(name) else "company"


def _outside(core: str, note: str, details: Mapping[str, str]) -> bool:
    """True when the name, its note, its registration or its address places the party outside the
    mainland."""
    if core and not _CJK.search(core):
        return True  # Pacific Marine Supply Pte. Ltd.
    if _OUTSIDE_NAME.search(core) or (note and _OUTSIDE_NOTE.search(note)):
        return True
    reg = details.get("reg", "")
    if reg and USCC_FORM.search(reg.upper()) is None:
        return True  # 商业登记证号码 / Company No.: a registration outside the mainland's credit-code system
    return outside_mainland_address(details.get("address", ""))
