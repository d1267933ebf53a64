"""The ``subject`` family: is the subject matter (标的) precise — quantity, scope, unit, spec, quality
standard?

The rules are checks over the subject facts (:mod:`contractkit.contract.subject`): items from tables or
prose, the clauses about the subject matter (vague words count there only) and the standards named.
Vague subject terms fall back to 民法典 Arts. 510–511 gap filling (quality → national/industry standard,
price → market price), which is where disputes start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contractkit.checks._common import has_blank, is_chinese
from contractkit.checks.base import RuleContext, rule
from contractkit.contract.model import contract_of
from contractkit.contract.subject import (
    DEFAULT_WORDS,
    SUBJECT_SECTION,
    Item,
    SubjectFacts,
    fixes_quantity,
    in_quantity_cell,
    in_subject_section,
    is_subject_clause,
    item_reports_quantity,
    quality_heading,
    subject_clauses,
    vague_hits,
)
from contractkit.facts import heading_of
from contractkit.facts.gates import blocks_naming_any
from contractkit.facts.sentences import clause_spans
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

_NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千万]")
_UNIT_IN_QTY = re.compile(r"\d\s*[^\d\s,.]")
_SERVICE = re.compile(r"安装|调试|培训|运输|服务|费|保险|包装")
_QTY_TEXT = re.compile(r"数量\s*(?:为|是|[:：])\s*(?P<v>(?!准)[^，,。；;|\n]{1,12})")
_CODE_NAME = re.compile(
    r"(?:货物|产品|商品|设备|标的物?)名称\s*(?:为|是|[:：])\s*[“\"']?(?P<v>[A-Za-z0-9][A-Za-z0-9\-_/.]*)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_QTY_OR_NAME = ("名称", "数量")
_ELSEWHERE = re.compile(r"约定|附件|附表|上表|下表|清单|订单|第.{1,4}条|见|所列")


def _facts(doc: Document) -> SubjectFacts:
    return contract_of(doc).subject


_VAGUE_ZH = (
    "标的数量或范围含糊（“{word}”）：约定不明确时依民法典第510条补充协议，"
    "仍不能确定的按第511条的默认规则（质量按国家/行业标准、价格按市场价）履行，易生争议。"
)
_VAGUE_EN = (
    "Vague quantity or scope ('{word}'): unclear terms fall back to Civil Code Art. 510 "
    "(supplementary agreement) and Art. 511 defaults (standard quality, market price)."
)


@rule(
    id="subject/vague-quantity",
    title="标的数量或范围含糊",
    title_en="Vague quantity or scope of the goods",
    severity="warning",
    why="“一批”“若干”“左右”“等”使标的数量或范围约定不明确：民法典第510条先由双方补充协议，"
    "仍不能确定的按第511条（质量按国家/行业标准、价格按市场价）确定，交付数量和价款都可能产生争议。",
    why_en="Words such as 一批/若干/左右/等 leave quantity or scope unclear: under Civil Code Art. 510 the "
    "parties must agree a supplement, otherwise Art. 511 defaults (national/industry standard, market price) "
    "apply — a common source of disputes over what and how much was to be delivered.",
    basis="民法典第510条、第511条",
    fix="写明确切数量、单位和型号，例如“CK6150 数控车床 2 台”；范围用清单列举，不用“等”“相关”。",
    bad=[
        "甲方向乙方采购办公设备一批。",
        "货物数量约100吨，以实际交货为准。",
        "供货范围：电脑、打印机等。",
        "乙方应于每月10日前交付当月供货量，即PP1120牌号40吨左右。",
        "另：配套安装螺丝若干，随货附送。",
    ],
    good=[
        "甲方向乙方采购 CK6150 数控车床 2 台。",
        "货物数量为100吨，规格见附件一清单。",
        "甲乙双方等同意按本合同约定履行。",
        "第一批为第一条表列各项产品各60台，于2026年4月30日前交付。",
        "乙方延迟交货的，按延迟交付货物金额的0.02%计付违约金，最高不超过该部分货物金额的5%。",
        "培训合格证明不代替作业人员证，相关证件由买方组织司机依法取得。",
        "损失赔偿范围为：诉讼费、代理费、鉴定费等。",
        "贵司拟改造总部三楼大会议室（约120㎡，36座），我司提供以下三个方案供选择，贵司择一采购：",
        "甲方在北京设有多个门店，需长期向乙方采购咖啡豆，每次数量以订单为准。",
    ],
    params=("vague_words", "extra_vague_words"),
)
def vague_quantity(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A vague word attached to the quantity or scope, in a clause about the subject matter."""
    words = (*ctx.settings.all_vague_words, "等")
    facts = _facts(doc)
    opened = {o.where.block: o for o in facts.open_quantities}
    fixed = any(it.quantity is not None for it in facts.items)
    if words == DEFAULT_WORDS:  # the facts hold the hits of the default words already
        first: dict[tuple[int, int], tuple[str, int, int]] = {}
        for v in facts.vague:
            i, (a, b) = v.where.block, v.where.span
            clause_start = next(cs for cs, ce in clause_spans(doc.blocks[i].norm) if cs <= a < ce)
            first.setdefault((i, clause_start), (v.word, a, b))
        found = [(i, word, a, b) for (i, _cs), (word, a, b) in first.items()]
    else:
        found = []
        row_items = {b: it for it in facts.items for b in it.blocks}
        for i, s, _e, clause in subject_clauses(doc, words):
            hits = [
                h for h in vague_hits(clause, words) if _bears_on_quantity(doc, row_items, i, s, clause, h)
            ]
            if hits:
                word, a, b = hits[0]
                found.append((i, word, s + a, s + b))
    quote, framework = _price_list_kind(doc)
    reported = {b for it in facts.items if _item_problems(it, quote, framework) for b in it.blocks}
    talk = _negotiation_lines(doc)
    for i, word, a, b in found:
        if i in reported:
            continue  # 若干 in a row whose spec is 待定: subject/unquantified-item reports the row
        if i in talk:
            continue  # 想先订一批 in the chat the confirmation below was drawn from: talk, not a term
        yield ctx.report(doc.blocks[i], _VAGUE_ZH.format(word=word), _VAGUE_EN.format(word=word), span=(a, b))
    if fixed:  # 以实际送货为准 leaves open a quantity the contract lists
        for o in opened.values():
            if any(i == o.where.block for i, *_ in found):
                continue  # the clause is reported for its vague word already
            yield ctx.report(
                doc.blocks[o.where.block],
                _VAGUE_ZH.format(word="以实际…为准"),
                _VAGUE_EN.format(word="以实际…为准"),
                span=o.where.span,
            )


#: A message of an exported chat (钉钉/微信: [2026-11-19 09:52] 陈伟：…, 2026-11-19 09:52 陈伟：…).
_CHAT_LINE = re.compile(
    r"^\s*[\[【(（]?\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[\]】)）]?"
)
#: The written terms prevail over the talk before them (聊天记录中与本确认书不一致的，以本确认书为准).
_PREVAILS = re.compile(
    r"(?:聊天|沟通|往来|记录|磋商|洽谈)[^。；;\n]{0,30}?以本(?:确认书|确认函|订单|合同|协议)为准"
    r"|以本(?:确认书|确认函|订单|合同|协议)为准[^。；;\n]{0,20}?(?:聊天|沟通|往来|记录)"
)


def _negotiation_lines(doc: Document) -> frozenset[int]:
    """The chat messages of a document whose written terms say they prevail over the chat they were drawn
    from: what was said while negotiating (想先订一批, 数量等我确认) is no term of the deal."""
    if not any(_PREVAILS.search(b.norm) for b in doc.blocks):
        return frozenset()
    return frozenset(i for i, b in enumerate(doc.blocks) if _CHAT_LINE.match(b.norm))


def _bears_on_quantity(
    doc: Document, row_items: dict[int, Item], i: int, s: int, clause: str, hit: tuple[str, int, int]
) -> bool:
    """The filters the facts apply to the default words, for a configured word list."""
    word, a, b = hit
    item = row_items.get(i)
    if item is None:
        return fixes_quantity(clause, word, a, in_subject_section(doc.blocks[i]))
    return in_quantity_cell(doc, i, item, word, s + a, s + b) and not item_reports_quantity(
        doc, i, item, s + a, s + b
    )


#: A quantity that is only a bound: 不少于6000, ≥500, 200吨以上 (not a 约 approximation, judged apart).
_BOUNDED_QTY = re.compile(
    r"^\s*(?:不少于|不低于|至少|最少|不超过|不多于|最多|不高于|≥|≤|＞|＜|>|<|大于|小于)\s*\d[\d,.]*\s*\S{0,3}\s*$"
    r"|^\s*\d[\d,.]*\s*\S{0,3}?\s*(?:以上|以下|以内)\s*$"
)


def _price_list_kind(doc: Document) -> tuple[bool, bool]:
    """Whether the document is a quote, and whether it is a framework agreement (its price list leaves the
    quantities to the orders placed under it: 数量 按订单 / 以每次订单为准 is its design, not a gap)."""
    structure = contract_of(doc).structure
    return structure.kind == "quote", structure.framework and structure.applicable_kind == "contract"


def _item_problems(it: Item, quote: bool = False, framework: bool = False) -> list[tuple[str, str]]:
    """What an item lacks (a name, a numeric quantity, a unit, a quantified spec), in Chinese and English."""
    problems: list[tuple[str, str]] = []
    qty, unit = it.quantity_text, it.unit
    words = re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}", it.name)
    if it.source != "pdf-row" and not it.name_is_model and not _CJK.search(it.name) and not words:
        problems.append((f"名称“{it.name}”只是代码", f"the name '{it.name}' is only a code"))
    if (
        it.source in ("table", "text-table")
        and not framework
        and qty
        and not has_blank(qty)
        and not re.search(r"\d", qty)
        and not _CONTENTS.search(f"{it.name} {it.spec}")  # 一批 | 含铜管20米、保温棉10卷: counted by contents
    ):
        problems.append((f"数量“{qty}”不是数字", f"quantity '{qty}' is not a number"))
    bounded = it.source in ("table", "text-table") and qty and not quote and not framework
    if bounded and (b := _BOUNDED_QTY.search(qty)):
        # 不少于6000 / 200吨以上 beside a fixed unit price and amount: how many is to be delivered is open
        problems.append((f"数量“{b.group().strip()}”只是上限或下限", f"quantity '{qty}' is only a bound"))
    if it.unit_column and not unit and not (qty and _UNIT_IN_QTY.search(qty)):
        problems.append(("未写计量单位", "no unit"))
    spec = it.spec if it.spec_column else it.model
    service = _SERVICE.search(it.name) is not None
    deferred = it.model if it.spec_column and _deferred(it.model) else spec
    if (
        (it.spec_column or it.model)
        and not service
        and deferred
        and not has_blank(deferred)
        and _NUMBER.search(deferred)
        and (d := _DEFERRED_WORD.search(deferred)) is not None
    ):  # 透明质酸钠 型号待定 8 5,960.00 (a PDF row with its figures): the model is left open
        problems.append((f"规格“{d.group()}”未确定", f"spec '{d.group()}' is left open"))
    elif (
        (it.spec_column or it.model)
        and not service
        and deferred
        and _NUMBER.search(deferred)
        and (c := _deferred_spec_clause(deferred)) is not None
    ):  # LYH-400配套，规格材质按乙方标准配置: the model is named, its material and size are left open
        problems.append((f"规格“{c}”未确定", f"spec '{c}' is left open"))
    elif (
        (it.spec_column or it.model)
        and not service
        and spec
        and not has_blank(spec)
        and not _NUMBER.search(spec)
    ):
        if _deferred(spec):  # 款式及防护等级待定 / 按甲方要求配置: the spec is left open
            problems.append((f"规格“{spec}”未确定", f"spec '{spec}' is left open"))
        elif _LOOSE_SPEC.search(spec):  # 高精度 / 常规: no figure, only a word
            problems.append((f"规格“{spec}”未量化", f"spec '{spec}' has no figures"))
    return problems


#: The spec itself named as the subject of a clause (规格材质…, 配置及参数…, 型号、规格…).
_SPEC_SUBJECT = re.compile(
    r"^\s*(?:(?:具体)?(?:规格|型号|材质|材料|配置|参数|技术参数|性能参数|技术要求|技术指标|尺寸|款式|式样|品牌"
    # a measured property (厚度、透光率按乙方常规产品; 覆盖半径及容量以卖方标准为准)
    r"|厚度|宽度|幅宽|长度|高度|直径|口径|重量|克重|密度|硬度|强度|精度|功率|容量|压力|抽速|流量|扬程|转速"
    r"|覆盖范围|覆盖半径|[\u4e00-\u9fff]{1,3}率|性能(?:指标)?)\s*(?:及|和|与|、|/)?\s*){1,3}"
    r"(?:均|统一|一律)?"
)


def _deferred_spec_clause(spec: str) -> str | None:
    """The clause of a spec that has figures elsewhere (a model, a size) which leaves the spec itself open:
    规格材质按乙方标准配置, 配置及参数以卖方出厂标准配置为准, 型号规格另行确定 — not a clause about colour
    or packing (颜色按甲方要求), and not one that gives figures."""
    # a PDF row's cells are set apart by spaces (泵VR-300 规格以卖方标准配置为准): each a part of its own
    for part in re.split(r"[，,；;]|\s+(?=[\u4e00-\u9fff])", spec):
        if re.fullmatch(rf"\s*{_SIDE_USUAL}(?:为准)?\s*", part):
            return part.strip()  # JH-H20；按乙方常规款式: beside the model, the make is the seller's usual
        m = _SPEC_SUBJECT.match(part)
        if m is None or m.end() == len(part.rstrip()) or _NUMBER.search(part):
            continue
        if _deferred(part, m.end()) is not None:
            return part.strip()
    return None


#: A spec that points to a note under the table (见表下说明, 详见备注, 参见下文).
_NOTE_REF = re.compile(
    r"^\s*(?:详?见|参见)\s*(?:表下|表后|下表|下文|下方|本表|备注栏)?\s*(?:说明|备注|附注|注释|注)"
)
_ROW_NO = re.compile(r"^\s*(\d{1,2})\s")


def _noted_deferral(doc: Document, it: Item) -> tuple[Block, tuple[int, int]] | None:
    """Where the note an item's spec points to (见表下说明) leaves that spec to be fixed later (第1项清洗线的
    槽数、型号以买方另行书面通知为准), else None."""
    spec = it.spec if it.spec_column else it.model
    if not spec or not _NOTE_REF.match(spec):
        return None
    no = _ROW_NO.match(it.row)
    own = re.compile(rf"第\s*{no.group(1)}\s*(?:项|行|号)") if no is not None else None
    last = max(it.blocks)
    for b in doc.blocks[last + 1 : last + 10]:
        norm = b.norm
        if own is not None and not own.search(norm) and it.name not in norm:
            continue
        if own is None and it.name not in norm:
            continue
        m = _deferred(norm)
        if m is not None:
            return b, m.span()
    return None


#: A row whose name or spec counts its contents (铜管20米、保温棉10卷): a 一批 / 1套 quantity is then fixed.
_CONTENTS = re.compile(
    r"\d+(?:\.\d+)?\s*(?:米|卷|个|套|件|台|只|根|箱|吨|千克|公斤|kg|㎡|平方米|张|支|把|副|块|条|包|袋|桶|瓶|盒|组|樘)"
    r"[^，,;；]{0,12}[、，,;；和及][^，,;；]{0,12}?\d+(?:\.\d+)?\s*(?:米|卷|个|套|件|台|只|根|箱|吨|千克|公斤|kg|㎡"
    r"|平方米|张|支|把|副|块|条|包|袋|桶|瓶|盒|组|樘)"
)
#: Who a spec can be left to: a party by any of its designations (甲方, 出卖人, 卖家, 供货商, 承揽人, 我司 …;
#: the normalized text folds 繁體 to 简体, so 出賣人 and 供貨商 read the same).
_SIDE = (
    r"(?:[甲乙丙买卖供需]方|出卖人|买受人|卖家|买家|商家|供应商|供货商|供应方|供货方|供货单位|供应单位|厂家|厂商"
    r"|生产厂家?|生产商|制造商|制造厂|原厂|承揽人|定作人|承包人|我方|我司|本公司|贵方|贵司)"
)
#: Left to one side's own make or standard (按乙方常规款式, 以卖方通常做法为准, 依出卖人出厂标准,
#: 以卖方标准规格为准, 按供货商常规配置, 以承揽人设计为准, 按卖家平时的款式): what it is lies with that side,
#: not in the contract.
_SIDE_USUAL = (
    rf"(?:按|以|按照|依|依照|参照|照|执行)\s*{_SIDE}(?:的)?\s*[^，,。；;\d]{{0,6}}?"
    r"(?:常规|通常|惯常|一般|习惯|惯用|平时|平常|日常|现有|现行|出厂|标准|规范|设计|做法|款式|式样)"
)
#: A spec left to later or to one side's say: 待定, 另行确定, 以买方后续提供的图纸为准, 按甲方要求配置.
_DEFERRED_SPEC = re.compile(
    r"待定|另定|未定|另行(?:书面|以书面形式)?(?:确定|约定|商定|通知|提供)|后续(?:提供|确定|通知)|届时|待确认"
    r"|待[甲乙买卖需供]方"
    r"|以[^，,。；;]{0,16}?(?:后续|另行|届时|通知)[^，,。；;]{0,10}?为准"
    # left to what the seller delivers: 型号及保温性能以卖方实际供货为准, 以实物为准, 以供方提供的为准
    r"|以[^，,。；;]{0,10}?(?:实际|实物)[^，,。；;]{0,8}?为准"
    rf"|以[^，,。；;]{{0,4}}?{_SIDE}[^，,。；;]{{0,8}}?(?:提供|供应|发出|交付|确定)的?[^，,。；;]{{0,6}}?为准"
    r"|按[^，,。；;]{0,10}?(?:要求|需要|需求|风格|习惯|意见|喜好)(?:配置|搭配|定制|制作|提供|确定|调整)?"
    r"|按[^，,。；;]{0,8}?标准配置|视[^，,。；;]{0,8}?(?:情况|需要)|根据[^，,。；;]{0,8}?(?:需要|要求)"
    # left to the site or the use: 型号以现场需要为准, 规格依使用需求确定, 尺寸按门店现场确定, 按实测定
    r"|(?:以|依)[^，,。；;]{0,8}?(?:需要|需求)(?:为准|确定|而定)"
    # (what is left is a dimension or the spec itself: 安装位置按现场确定 fixes where, not what)
    r"|(?:尺寸|规格|型号|长度|宽度|高度|深度|长宽高|大小|面积|配置|款式)[^，,。；;\d]{0,4}?"
    r"(?:按|以|依|依据|根据|视)[^，,。；;\d]{0,10}?(?:现场|实测|实际测量|测量结果|量尺)[^，,。；;\d]{0,6}?"
    r"(?:确定|而定|为准|决定|定制|制作)"
    # left to one side's choice: 由卖方根据库存情况搭配 / 由乙方确定 / 卖方自行选定
    rf"|(?:由|归){_SIDE}[^，,。；;]{{0,12}}?(?:搭配|确定|选定|决定|调配|配置|安排)"
    rf"|{_SIDE}自行(?:搭配|确定|选定|决定|调配|配置|安排)|根据[^，,。；;]{{0,8}}?(?:库存|货源|情况)"
    # left to one side's own standard, named by no number (按卖方现行出厂标准, 以卖方出厂标准配置为准,
    # 执行厂家企业标准): what the standard says is neither in the contract nor fixed
    r"|" + _SIDE_USUAL
)
#: A document or sample the spec is fixed by (附件二, 技术协议, 图纸编号, 双方封存的样品): a spec left to
#: one side's design or standard is still fixed when the clause names where that is written down.
_FIXED_BY = re.compile(
    r"附件|附表|附录|附图|技术协议|技术规格书|规格书|图纸编号|图号|封样|封存|签样|确认样|样品|样板"
)
_LATER = re.compile(r"后续|另行|届时|待|以后|将来")


def _deferred(text: str, pos: int = 0) -> re.Match[str] | None:
    """The first deferral of ``text`` (from ``pos``) whose clause does not name where the spec is written
    down (or names it as still to come: 以卖方后续提供的样品为准)."""
    for m in _DEFERRED_SPEC.finditer(text, pos):
        lo = max((text.rfind(c, 0, m.start()) for c in "，,；;。"), default=-1) + 1
        hi = min((k for c in "，,；;。" if (k := text.find(c, m.end())) >= 0), default=len(text))
        if not _FIXED_BY.search(text, lo, hi) or _LATER.search(text, lo, hi):
            return m
    return None


#: A word that leaves the model or spec open, wherever it stands in a row (型号待定, 规格另行确定).
_DEFERRED_WORD = re.compile(
    r"(?:型号|规格|配置|款式|品种|颜色|尺寸|参数)?(?:待定|另定|未定|另行(?:确定|约定|商定|通知)|待确认)"
)
#: A spec that is only a loose word (高精度, 优质, 常规, 标准型): a descriptive spec (荧光橙，背印标识;
#: 丁腈涂层浸胶) identifies the goods even without a figure.
_LOOSE_SPEC = re.compile(
    r"高精度|高品质|高质量|优质|先进|精良|高档|豪华|上乘|一流|良好|较好|耐用|美观"
    # the word alone, or with its English gloss in a bilingual table (配套 matching, 标准型 standard)
    r"|^\s*(?:标准|常规|通用|普通|一般|标配|配套)(?:型|款|版|配置|使用)?(?:\s+[A-Za-z][A-Za-z ./-]*)?\s*$"
)


#: One used machine or vehicle sold (甲方场子里的二手装载机一台 / 一辆二手叉车): a specific thing.
_USED_ONE = re.compile(
    r"二手(?P<a>[\u4e00-\u9fff]{1,10}?)\s*(?:一|1)\s*(?:台|辆|部|架|艘|套)(?![\u4e00-\u9fff]{0,2}(?:以上|左右))"
    r"|(?:一|1)\s*(?:台|辆|部|架|艘|套)\s*二手(?P<b>[\u4e00-\u9fff]{1,10}?)(?=[，,。；;\s]|$)"
)
#: What identifies a used machine: its model, serial, engine or frame number, plate, year made, an annex.
_IDENTIFIED = re.compile(
    r"型号|编号|车架号|发动机号|序列号|机身号|机号|VIN|车牌|牌照|号牌|品牌|厂牌|铭牌|\d{4}\s*年\s*(?:出厂|生产|购|产|制造|上牌)"
    r"|附件|清单|照片|[A-Z]{1,5}-?[A-Z]{0,2}\d{2,}"
)
_USED_WORD = ("二手",)


def _unidentified_used(doc: Document) -> tuple[Block, tuple[int, int]] | None:
    """The clause selling one used machine or vehicle (二手装载机一台) when nothing in its section (nor an
    item table) identifies it by model, serial or year: which machine is sold is not fixed."""
    facts = _facts(doc)
    if any(_IDENTIFIED.search(f"{it.name} {it.model} {it.spec}") for it in facts.items):
        return None
    for i in blocks_naming_any(doc, _USED_WORD):
        block = doc.blocks[i]
        m = _USED_ONE.search(block.norm)
        if m is None or not (in_subject_section(block) or subject_clause_any(block)):
            continue
        near = [
            b.norm
            for b in doc.blocks[max(0, i - 2) : i + 8]
            if b is block or (block.section and b.section == block.section)
        ]
        if any(_IDENTIFIED.search(t) for t in near):
            return None
        return block, m.span()
    return None


def subject_clause_any(block: Block) -> bool:
    """True when one clause of the block is a subject clause."""
    return any(is_subject_clause(block, block.norm[s:e]) for s, e in clause_spans(block.norm))


@rule(
    id="subject/unquantified-item",
    title="标的物缺少数量、单位或量化规格",
    title_en="Item without numeric quantity, unit or quantified spec",
    severity="warning",
    why="货物清单中一项没有数字数量、计量单位或可量化的规格型号，交付是否符合约定就无从判断；"
    "规格不明时依民法典第511条第一项按国家/行业标准或通常标准履行。",
    why_en="An item with no numeric quantity, no unit or no quantified spec cannot be checked at delivery; "
    "an unclear spec falls back to Civil Code Art. 511(1) (national/industry or usual standard).",
    basis="民法典第510条、第511条第一项",
    fix="每一项写明型号规格（含参数）、计量单位和数字数量，例如“CK6150 | 台 | 2”。",
    bad=[
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 数控车床 | 高精度 | 台 | 2 |",
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 数控车床 | CK6150 | 台 | 若干 |",
        "| 设备名称 | 型号 | 主要技术参数 | 单位 | 数量 |\n| 模温机 | LC-MT12 | 按甲方要求配置 | 台 | 4 |",
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 洁净头罩 | JH-H20；按乙方常规款式 | 只 | 300 |",
        "货物名称：数控车床；数量：待定。",
        "约定被告向原告采购不锈钢储罐，合同总金额168000元。",
        "合同主要约定，货物名称为“SD-03”，单位为套。",
        "设备名称及数量为：1、喷淋塔1台，2、低温等离子1台，3、风机及管道1套，4、烟气处理1套。",
        "一、买的什么车\n甲方场子里的二手叉车一台，车况乙方已经看过。",
    ],
    good=[
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 数控车床 | CK6150 | 台 | 2 |",
        "货物名称：数控车床；数量：2台。",
        "| 品名 | 规格型号 | 单位 | 数量 |\n| ____ | ____ | ____ | ____ |",
        "约定被告向原告购买规格型号为JCM907B型的挖掘机一台，价款为35万元。",
        "以实际使用数量为准，使用多少付多少款。",
        "高速物流公司向鲁20公司购买玉米，由省粮油集团负责保管。",
        "设备为：1、喷淋塔1台（处理风量20000m³/h），2、风机1台（功率15kW），3、UV光氧设备1套（型号UV-20）。",
        "一、买的什么车\n二手叉车一台，合力CPD30，2018年出厂，车况乙方已经看过。",
    ],
)
def unquantified_item(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """Items (table rows, purchase sentences) with no numeric quantity, unit or quantified spec."""
    facts = _facts(doc)
    quote, framework = _price_list_kind(doc)  # a quote's ≥500 is a price tier, not a quantity
    for it in facts.items:
        problems = _item_problems(it, quote, framework)
        noted = None if problems else _noted_deferral(doc, it)
        if noted is not None:  # 见表下说明 … 第1项清洗线的槽数、型号以买方另行书面通知为准
            block, span = noted
            yield ctx.report(
                block,
                f"标的物“{it.name}”的规格见表下说明，而说明把规格留待以后确定：交付时无法核对，"
                "规格不明按民法典第511条按国家/行业标准或通常标准履行。",
                f"Item '{it.name}': its spec refers to a note that leaves it to be fixed later; delivery "
                "cannot be checked and Civil Code Art. 511 defaults apply.",
                span=span,
            )
            continue
        if problems:
            zh = "；".join(p[0] for p in problems)
            en = "; ".join(p[1] for p in problems)
            block = doc.blocks[it.where.block]
            yield ctx.report(
                block,
                f"标的物“{it.name}”{zh}：交付时无法核对，规格不明按民法典第511条按国家/行业标准或通常标准履行。",
                f"Item '{it.name}': {en}; delivery cannot be checked and Civil Code Art. 511 defaults apply.",
                snippet=it.row if it.source in ("table", "pdf-row") else None,
            )
    if not facts.has_item_table and not facts.refers_to_list:
        for p in facts.purchases:
            if p.quantified or not (p.priced or p.listed):
                continue
            block = doc.blocks[p.where.block]
            yield ctx.report(
                block,
                f"标的物“{p.goods}”未写明数量、型号或规格：交付时无法核对，依民法典第510条、第511条处理，易生争议。",
                f"The goods '{p.goods}' have no quantity, model or spec: delivery cannot be checked "
                "(Civil Code Arts. 510–511).",
                span=p.where.span,
            )
    for cl in facts.counted_lists:
        if cl.specified or facts.has_item_table or facts.refers_to_list:
            continue
        names = "、".join(cl.names[:3]) + ("等" if len(cl.names) > 3 else "")
        yield ctx.report(
            doc.blocks[cl.where.block],
            f"标的物（{names}）只列了名称和件数，没有型号、规格或技术参数：交付时无法核对，"
            "依民法典第511条第一项按国家/行业标准或通常标准履行，易生争议。",
            f"The goods ({names}) are listed by name and count only, with no model, spec or parameters "
            "(Civil Code Art. 511(1)).",
            span=cl.where.span,
        )
    used = _unidentified_used(doc)
    if used is not None:
        block, span = used
        yield ctx.report(
            block,
            f"出售的二手设备“{block.norm[span[0] : span[1]]}”没有写明品牌、型号、出厂编号或年份："
            "卖的是哪一台无法确定，交付和验收时易生争议（民法典第510条、第511条）。",
            "The used machine sold is not identified by make, model, serial number or year: which one is "
            "sold cannot be established (Civil Code Arts. 510–511).",
            span=span,
        )
    for block in map(doc.blocks.__getitem__, blocks_naming_any(doc, _QTY_OR_NAME)):
        if "|" in block.norm:
            continue  # a table row
        for m in _QTY_TEXT.finditer(block.norm):
            value = m.group("v").strip()
            if has_blank(m.group("v")) or not value or _NUMBER.search(value) or _ELSEWHERE.search(value):
                continue  # a figure, a blank, or fixed elsewhere (本合同约定的确定供应量)
            lead = block.norm[max(0, *(block.norm.rfind(c, 0, m.start()) for c in "，,。；;\n")) : m.start()]
            if _ELSEWHERE.search(lead):
                continue  # 附表一所列数量为本合同年度采购数量: what the quantities of a list stand for
            yield ctx.report(
                block,
                f"数量“{value}”不是确定的数字：数量约定不明确，依民法典第510条、第511条处理，易生争议。",
                f"Quantity '{value}' is not a number: an unclear quantity falls back to Civil Code "
                "Arts. 510–511.",
                span=m.span("v"),
            )
        for m in _CODE_NAME.finditer(block.norm):
            value = m.group("v")
            yield ctx.report(
                block,
                f"货物名称“{value}”只是代码，没有写明品名和规格：交付时无法核对，依民法典第510条、第511条处理。",
                f"The goods are named only by the code '{value}', with no product name or spec "
                "(Civil Code Arts. 510–511).",
                span=m.span("v"),
            )


@rule(
    id="subject/no-quality-standard",
    scope="document",
    kinds=("contract",),
    title="未约定质量标准",
    title_en="No quality standard",
    severity="warning",
    why="合同有标的/产品条款却没有写明质量标准（国家标准、行业标准、GB、技术协议等）时，"
    "依民法典第511条第一项按强制性国家标准、推荐性国家标准、行业标准、通常标准依次确定，验收争议难以裁断。",
    why_en="A contract with a goods clause but no quality standard (national/industry standard, GB, "
    "technical agreement) falls back to Civil Code Art. 511(1): mandatory national, recommended national, "
    "industry, then usual standard — acceptance disputes become hard to settle.",
    basis="民法典第511条第一项、第615条",
    fix="在标的条款写明质量标准，例如“符合 GB/T 9061-2006 及双方签订的技术协议”。",
    bad=[
        "第一条 产品名称、数量\n数控车床 CK6150，2台。\n第二条 价款\n合同总价20万元。",
        "一、标的\n甲方向乙方采购打印纸500箱。\n二、付款\n到货后10日内付清。",
        "第一条 设备\n| 设备名称 | 型号 | 单位 | 数量 |\n| 叉车 | CPD20L | 台 | 6 |\n"
        "2. 质量标准2.1 卖方应提供合格证。",
        "买卖合同\n一、产品\n1. 智能快递柜 ZY-M60，10组。\n二、质量要求\n货物应符合本合同约定。\n"
        "三、质保\n整机质保12个月。",
        "购销合同\n第一条 货物\n复印纸 A4 70g 500箱，单价150元。\n第二条 交货\n2027年3月1日前送货。",
        "购销合同\n第一条 标的\n| 产品名称 | 规格型号 | 单位 | 数量 |\n| 办公桌 | HT-1600 | 张 | 40 |\n"
        "| 办公椅 | 人体工学 | 把 | 40 |\n第五条 验收\n质保期为验收合格之日起3个月。",
    ],
    good=[
        "第一条 产品名称、数量\n数控车床 CK6150，2台。\n第二条 质量\n质量标准：符合GB/T 9061-2006。",
        "一、标的\n打印纸500箱，按双方签订的技术协议执行。",
        "一、标的\n纸箱5000只，印刷图案以双方签字确认的样箱为准。",
        "一、标的\n二手立式加工中心2台，按乙方查看时的现状交付，甲方保证能够正常开机。",
        "一、采购内容\n图书按附件一所列书目供货，ISBN、书名、版次均以附件为准，不得替换。",
        "一、买什么\n二手胶印机 HM-740-4，1台。机器要能正常印刷，套印误差不超过0.05mm。",
        "购销合同\n一、产品\n1. 智能快递柜主柜 ZY-M60，60格口，10组。\n二、验收\n"
        "整机质保12个月，自验收合格之日起算。",
        "采购合同\n第一条 标的\n叉车 CPD20L 6台。\n第五条 保修\n乙方对设备免费保修两年。",
        "采购合同\n第一条 标的\n| 货物名称 | 规格 | 数量 | 单价 |\n"
        "| 大米 | 一级，东北粳米，袋装 | 20 | 100元 |\n"
        "第二条 保修\n质保期12个月，质保期内出现质量问题的，乙方负责免费更换。",
    ],
)
def no_quality_standard(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A contract with goods (a goods section or an item table) that names no quality standard: it has a
    quality clause that names none, or it has no quality term at all — not even goods identified by the
    maker's model under a warranty."""
    facts = _facts(doc)
    if facts.standards or not is_chinese(doc, min_chars=10):
        return
    structure = contract_of(doc).structure
    if structure.amends_main is not None or structure.under_agreement:
        return  # a supplement or an order leaving the rest to the main agreement: quality is governed there
    head = next(
        (
            b
            for b in doc.blocks
            if b.section
            and SUBJECT_SECTION.search(b.section)
            and b.norm.strip().startswith(b.section.split()[0])
        ),
        None,
    )
    if head is None and not facts.items:
        return
    if quality_heading(doc) is None and _model_named(doc, facts, head) and _warranted(doc):
        return  # 智能快递柜 ZY-M60 … 整机质保12个月 / 380W光源，14色: the model or figures, guaranteed
    yield ctx.report(
        _subject_clause(doc, facts, head),
        "合同有标的条款但未约定质量标准：依民法典第511条第一项，按强制性国家标准、推荐性国家标准、行业标准、"
        "通常标准依次确定。",
        "The contract has a goods clause but no quality standard: Civil Code Art. 511(1) defaults apply "
        "(national, then industry, then usual standard).",
    )


#: A maker's model code: ZY-M60, CK6150, CPD20L, HM-740-4, 2ZGQ-6D, 1GQN-200 (letters, then digits, after
#: at most three leading digits; not a standard's GB/ISO).
_MODEL_CODE = re.compile(
    r"(?<![A-Za-z0-9])(?!GB|ISO|IEC)\d{0,3}(?:[A-Z]{1,5}-?[A-Z]{0,2}\d{2,}|[A-Z]{2,5}-[A-Z0-9]*\d)[A-Za-z0-9\-/.]*"
)
#: A technical parameter with its figure (380W, 4096通道, 22kW, 40MPa, 1600×800×750, Φ60×3.2): a spec that
#: fixes what the goods are, and with a guarantee what they must do.
_PARAMETER = re.compile(
    r"\d+(?:\.\d+)?\s*(?:[×xX*]\s*\d|(?:kW|KW|kVA|W|kV|V|mA|A|Ah|mAh|Hz|MPa|kPa|Pa|bar|mm|cm|m³|m3|m²|㎡|m|ml|mL|L"
    r"|kg|g|t|℃|°C|dB|lm|rpm|HP|P)(?![A-Za-z])|通道|色|路|寸|英寸|匹|万像素|像素|流明|马力|转|毫米|厘米|米|毫升|升"
    r"|公斤|千克|克|吨|行|层|档|位)"
    r"|[ΦφØ]\s*\d"
)


def _identified(it: Item) -> bool:
    """True when an item is identified by a model code, a quantified technical parameter or a grade (in its
    model, name or spec), or is a used thing sold as it is."""
    text = f"{it.model} {it.name} {it.spec}"
    spec = f"{it.model} {it.spec}"
    if _USED_ITEM.search(text):
        return True  # a used machine is the one thing sold, identified by its description and age
    return (
        _MODEL_CODE.search(text) is not None
        or _PARAMETER.search(spec) is not None
        or _GRADE.search(spec) is not None
    )


#: A used item: a specific thing sold as it is (二手空压机, 旧货架, 2023年买的, 八成新, 用过一季).
_USED_ITEM = re.compile(
    r"二手|旧(?:设备|机|货)|用过|(?:19|20)\d{2}\s*年(?:买|购|购入|购置|出厂|产)|[五六七八九]成新"
)
#: A grade that fixes the quality of a product sold by grade (三星训练球, 一级品, A级, 优等品, 特级).
_GRADE = re.compile(
    r"(?:[一二三四五六七1-7]\s*星(?!期))|(?<![\u4e00-\u9fff])(?:特|一|二|三|甲|乙|[A-D]{1,3}|[1-3])\s*级(?:品)?"
    r"|优等品|一等品|二等品|合格品|特级|一级品|二级品"
)


def _model_named(doc: Document, facts: SubjectFacts, head: Block | None) -> bool:
    """True when every item is identified by a model code or a quantified parameter (an item whose spec is
    left open is reported by subject/unquantified-item and not judged here), or — with no item table — every
    numbered line of the subject section (any of its lines when none is numbered)."""
    if facts.items:
        # a service line (安装调试 | 含电气布线) is identified by its goods; an open spec is judged elsewhere
        judged = [it for it in facts.items if not _spec_left_open(it) and not _SERVICE.search(it.name)]
        return bool(judged) and all(_identified(it) for it in judged)
    if head is None:
        return False
    at = next(i for i, b in enumerate(doc.blocks) if b is head)
    lines = []
    for b in doc.blocks[at + 1 : at + 12]:
        if b.section != head.section:
            break
        lines.append(b.norm)
    numbered = [t for t in lines if _ITEM_LINE.match(t)]
    if numbered:
        return all(_MODEL_CODE.search(t) for t in numbered)
    return any(_MODEL_CODE.search(t) for t in lines)


#: A numbered line of goods in the subject section (1. 智能快递柜… / 2、… / （3）…).
_ITEM_LINE = re.compile(r"^\s*(?:\d{1,2}[.、．)）](?!\d)|[(（]\d{1,2}[)）])")


def _spec_left_open(it: Item) -> bool:
    """True when subject/unquantified-item reports the item's spec as left open (型号待定, 按甲方要求配置)."""
    return any(zh.startswith("规格") for zh, _en in _item_problems(it))


#: The seller answers for defects found in a period (供方负责退换, 免费更换, 包退包换, 无偿维修).
_REMEDY = re.compile(
    r"(?:负责|免费|无偿|包|予以|给予)\s*(?:退换|更换|调换|换货|退货|维修|修理|补发|重做)"
    r"|(?:退换|更换|调换)(?:货物)?并承担|包退|包换"
)


def _warranted(doc: Document) -> bool:
    """True when the seller guarantees the goods for a period (质保期12个月, 保修一年), or answers for the
    defects found in the quality-objection period (质量异议期十二个月，期内因质量造成的…供方负责退换)."""
    for p in contract_of(doc).acceptance.periods:
        if p.kind == "warranty":
            return True
        if p.kind == "objection" and not p.appearance:
            norm = doc.blocks[p.where.block].norm
            end = norm.find("。", p.where.span[0])
            if _REMEDY.search(norm, p.where.span[0], end if end != -1 else len(norm)):
                return True
    return False


def _name_block(doc: Document, it: Item) -> Block:
    """The block of an item's row that names the goods (not its number cell ``1``), else the row's first."""
    blocks = [doc.blocks[i] for i in it.blocks]
    named = next((b for b in blocks if it.name and it.name in b.norm), None)
    return named or next((b for b in blocks if _CJK.search(b.norm)), blocks[0])


def _subject_clause(doc: Document, facts: SubjectFacts, head: Block | None) -> Block:
    """Where a missing standard is reported: the first item row's goods cell, else the first clause of the
    subject section after its heading (never the heading itself)."""
    if facts.items:
        return _name_block(doc, facts.items[0])
    assert head is not None
    at = next(i for i, b in enumerate(doc.blocks) if b is head)
    for b in doc.blocks[at + 1 : at + 12]:
        if b.section != head.section:
            break
        if b.kind != "heading" and b.norm.strip() and heading_of(b.norm) is None:
            return b
    return head


@rule(
    id="subject/subjective-quality",
    title="质量要求用主观用语描述",
    title_en="Quality described in subjective words",
    severity="warning",
    why="“优质”“先进”“外表美观”“内部精装”等主观用语不能据以验收：质量要求不明确的，依民法典第511条第一项"
    "按国家标准、行业标准或通常标准履行，买卖双方对是否合格会各执一词。",
    why_en="Words such as 'high quality', 'advanced', 'fine finish' cannot be inspected against; an unclear "
    "quality term falls back to Civil Code Art. 511(1) (national, industry or usual standard).",
    basis="民法典第510条、第511条第一项",
    fix="用可检验的参数或标准替换主观用语，例如“内饰按附件二材料清单及图纸施工”“符合GB/T 12706.1-2020”。",
    bad=[
        "约定原告向被告购买一辆房车，箱体为24平米，内部精装。",
        "乙方保证采用先进、质量上乘、外表美观的产品。",
        "第一条 标的\n乙方供应优质钢材100吨。",
    ],
    good=[
        "乙方供应HRB400E钢筋100吨，质量符合GB/T 1499.2-2018。",
        "乙方应提供优质的售后服务。",
        "仓库按先进先出原则管理库存。",
        "为稳定优质稻谷来源，甲方向乙方收购中稻1000吨，质量符合GB 1350-2009三等。",
    ],
)
def subjective_quality(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A subjective quality word (精装, 优质, 先进…) in a clause about the goods or their quality."""
    seen: set[int] = set()
    for v in _facts(doc).subjective:
        if v.where.block in seen:
            continue
        seen.add(v.where.block)
        block = doc.blocks[v.where.block]
        word = v.where.text(doc)
        yield ctx.report(
            block,
            f"质量要求“{word}”是主观用语，无法据以验收：依民法典第511条第一项按国家、行业或通常标准履行，"
            "易生争议。",
            f"The quality term '{word}' is subjective and cannot be inspected against "
            "(Civil Code Art. 511(1)).",
            span=v.where.span,
        )
