"""Dispute facts: how disputes are resolved — arbitration at a named commission, a court, both, or a model
text's choice left unmade — with the commissions, the court places and whether negotiation comes first.

The dispute text is every line of a dispute section (争议解决, 纠纷, 管辖 …) and every clause elsewhere that
resolves disputes. Arbitration and court are recognised in any wording (提交…仲裁委员会仲裁, 申请仲裁, 向…法院
起诉, 商量不成到法院起诉, 由…人民法院管, 以…法院为第一审管辖法院). An official alias in parentheses
(上海国际经济贸易仲裁委员会（上海国际仲裁中心）, 深圳国际仲裁院（深圳仲裁委员会）) names the same commission.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from contractkit.contract.model import Where
from contractkit.facts import split_clauses
from contractkit.facts.document import has_blank, in_section, memo
from contractkit.facts.gates import blocks_naming_any, register

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.readers.model import Document

Method = Literal["arbitration", "court", "both", "unchosen", "none"]

DISPUTE_SECTION = ("争议", "纠纷", "仲裁", "诉讼", "管辖", "争执", "吵架", "扯皮", "打官司", "闹矛盾", "闹翻")
#: Talking a dispute over (协商, 商量, 沟通 …) and its failing (不成, 不好, 未果, 解决不了 …): every
#: pairing is a sign that what follows resolves a dispute (商量不好，就到…法院起诉; 沟通无果的，提交…仲裁).
_TALKS = ("协商", "商量", "商谈", "商议", "磋商", "谈判", "沟通", "调解")
_FAILS = (
    "不成",
    "不好",
    "不了",
    "不拢",
    "不下来",
    "未果",
    "无果",
    "失败",
    "不能",
    "不一致",
    "解决不了",
    "没结果",
)
#: Words that speak of resolving disputes.
CONTEXT_WORDS = (
    "争议",
    "纠纷",
    "谈不拢",
    # colloquial: 吵起来了就去…法院打官司, 有分歧的…
    "吵起来",
    "闹矛盾",
    "有矛盾",
    "有分歧",
    "意见不一致",
    "吵架",
    "争执",
    "扯皮",
    "闹翻",
    "谈不好",
    *(talk + fail for talk in _TALKS for fail in _FAILS),
)
_CONTEXT = re.compile("|".join(CONTEXT_WORDS))
#: 或裁或诉 as one pair (选择仲裁或诉讼方式解决, 诉讼或仲裁途径处理), not a fee (仲裁或诉讼费用): both.
_EITHER_WAY = (
    r"|(?:仲裁\s*(?:或|或者|、|/|和)\s*诉讼|诉讼\s*(?:或|或者|、|/|和)\s*仲裁)"
    r"(?:的)?(?:方式|途径|程序)?(?:解决|处理)"
)
_ARB = re.compile(
    r"(?:提交|提请|申请|交由|递交|向|由|将)[^。；;\n]{0,40}?仲裁(?:委员会|院|中心|机构)?[^。；;\n]{0,20}?"
    r"(?:仲裁|裁决)|仲裁委员会仲裁|仲裁(?:方式)?解决|通过仲裁|申请仲裁|提请仲裁|提交仲裁"
    r"|(?:可以|可|应|均可|同意|或|或者)(?:申请|提请|提交)?仲裁(?![委院中机费裁期程])"
    r"|在(?:(?!诉讼|或|及|和|与)[\u4e00-\u9fff]){2,6}仲裁(?!委员会|院|中心|机构|费|裁决|期间|程序)"
    r"|(?:到|去|找)[^。；;\n]{0,20}?仲裁(?:委员会|院|中心)?(?:仲裁|申请|裁决|解决)"
    r"|(?:提交|提请|交由|递交|交付|由)[^。；;\n]{0,30}?(?:仲裁委员会|仲裁院|仲裁中心)(?![^。；;\n]{0,8}?(?:执行|撤销))"
    r"|(?:提交|提请|交由|递交|由)[^。；;\n]{1,60}?仲裁(?![委院中机费期程裁庭员])"
    r"|(?:争议解决|解决争议|争议|纠纷|仲裁机构)[^:：。；;\n]{0,6}[:：]\s*[^。；;\n]{2,30}?(?:仲裁委员会|仲裁院|仲裁中心)"
    + _EITHER_WAY
)
_COURT = re.compile(
    r"(?:向|由|提交|提请|在|到|去|找)[^。；;\n]{0,30}?法院[^。；;\n]{0,4}?(?:提起|提出|进行)?(?:民事)?(?:诉讼|起诉|管辖|管)"
    r"|(?:诉讼|起诉)[^。；;\n]{0,4}(?:至|到|于)[^。；;\n]{0,20}?法院|法院管辖|诉讼(?:方式)?解决|通过诉讼"
    r"|依法(?:提起)?(?:诉讼|起诉)|(?:以|由)[^。；;\n]{0,30}?法院为[^。；;\n]{0,8}?管辖法院|管辖法院(?:为|是)"
    r"|(?:到|去)法院|打官司|(?:提起|提出)(?:民事)?诉讼|(?:向|到|去|找|上)[^。；;\n]{0,30}?法院(?:申请|告(?!知))"
    r"|(?:向|到|去|找|上|在)[^。；;\n]{0,30}?法院[^。；;\n]{0,2}?(?:解决|处理|评理|说理|判|告(?![知示])|讨(?:个)?说法)"
    r"|告(?:到|至|去|上)[^。；;\n]{0,20}?法院|(?:去|到|上)[^。；;\n]{0,20}?法院[^。；;\n]{0,6}?告状"
    r"|(?:争议解决|解决争议|管辖法院|管辖|诉讼)[^:：。；;\n]{0,6}[:：]\s*[^。；;\n]{2,30}?法院" + _EITHER_WAY
)
#: A key-terms table row: a label cell (争议解决) and the value cell after it (佛山仲裁委员会).
_LABEL = re.compile(r"^[^。；;]{0,8}(?:争议|纠纷|管辖|仲裁)[^。；;]{0,8}$")
#: Court mentions that belong to an arbitration (enforcement, setting aside, interim measures).
_COURT_FOR_AWARD = re.compile(r"执行|撤销|不予执行|保全|确认[^。；;]{0,6}效力|裁决")
_NEGOTIATE = re.compile(r"协商|商量|调解|友好解决|谈判|沟通解决")
_MARK = re.compile(
    r"^\s*(?:[（(]?[\d一二三四五六七八九十]{1,2}[)）.、]?\s*)?(?:☑|√|■|☒|✓|✔|▣|\[[√xX✓]\]|[（(]\s*√\s*[)）]|□\s*√)"
)
_BOX = re.compile(r"^\s*(?:[（(]?[\d一二三四五六七八九十]{1,2}[)）.、]?\s*)?(?:□|☐|○|\[\s*\]|【\s*】)")
_ITEM = re.compile(
    r"^\s*(?:[（(](?P<a>[\d一二三四五六七八九十]{1,2})[)）]|(?P<b>[\d一二三四五六七八九十]{1,2})\s*[.、](?!\d))"
)
_PICK = re.compile(
    r"(?:下列|以下|如下)?第\s*(?P<n>[^种项条]{0,12}?)\s*(?:种|项)(?:方式)?|单选|择一|选择(?:下列|以下|如下)"
)
_PICK_N = re.compile(r"第\s*(?P<n>[^种项条，,。]{0,12}?)\s*(?:种|项)(?:方式)")
#: An option's number where the option starts after a colon inside a clause (争议解决方式：双方选择第（2）种：
#: （1）提交…仲裁；（2）向…法院起诉): the first option shares its clause with the "choose" words.
_ITEM_AFTER_COLON = re.compile(
    r"[:：]\s*(?:[（(](?P<a>[\d一二三四五六七八九十]{1,2})[)）]|(?P<b>[\d一二三四五六七八九十]{1,2})\s*[.、](?!\d))"
)
_NAME_END = re.compile(r"仲裁委员会|国际仲裁中心|仲裁中心|仲裁院|仲裁机构")
_NAME_LEAD = re.compile(r"^(?:在|于)")
_NAME_STOP = set('交向由至到将的和或及与、，,：:；;。（(“"《 \u3000_＿请')
_UNNAMED = re.compile(
    r"^(?:该|有关|相关|当地|任何|一方|有管辖权|所在地|合同签订地|甲方|乙方|买方|卖方|双方|其他|其它|项目|工程)|所在地$"
)
_COURT_PLACE = re.compile(
    r"(?:^|[向由到以至于去找:：,，])(?P<place>[^，,。；;:：向由到以至于去找]{1,30}?)的?(?:人民)?法院"
)
_NOT_PLACE = re.compile(r"^(?:为|第一审|管辖|有管辖权)|^的?$")
_CN_N = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
#: Every match of ``_ARB`` contains 仲裁, every match of ``_COURT`` one of the others: a block without them
#: holds no option (a cheap test before the clause regexes).
TRIGGER_WORDS = ("仲裁", "法院", "诉讼", "起诉", "官司")
_DISPUTE_WORD = ("争议",)
_ARBITRATION_WORD = ("仲裁",)
register(CONTEXT_WORDS, TRIGGER_WORDS)


@dataclass(frozen=True, slots=True)
class Option:
    """One piece of dispute text (a line or a clause) and what it chooses."""

    text: str
    arb: bool
    court: bool
    marked: bool
    boxed: bool
    number: int | None
    where: Where


@dataclass(frozen=True, slots=True)
class Commission:
    """A named arbitration commission; ``aliases`` are official names written beside it in parentheses."""

    name: str
    aliases: tuple[str, ...]
    where: Where


@dataclass(frozen=True, slots=True)
class Court:
    """A court chosen for disputes (``place`` as written: 甲方所在地, 厦门市集美区).

    ``connected`` is False when the court's place (its most specific name: 海淀 of 北京市海淀区) appears
    nowhere else in the contract — no party address, signing or performance place there — and None when
    the place is described, not named (甲方所在地, 合同签订地).
    """

    place: str
    where: Where
    connected: bool | None


@dataclass(frozen=True, slots=True)
class DisputeFacts:
    """The dispute family of the contract facts model."""

    method: Method
    commissions: tuple[Commission, ...]
    commission_blank: bool
    rules_only: bool
    courts: tuple[Court, ...]
    negotiation_first: bool
    unfilled: bool
    referred: Where | None
    options: tuple[Option, ...]
    chosen: tuple[Option, ...]


def extract(contract: Contract) -> DisputeFacts:
    """The dispute facts of ``contract``."""
    return dispute_facts(contract.doc)


def dispute_facts(doc: Document) -> DisputeFacts:
    """The dispute facts of a sectioned document, once per document."""
    return memo(doc, "dispute.facts", lambda: _extract(doc))


def _extract(doc: Document) -> DisputeFacts:
    options = _dispute_options(doc)
    chosen, unfilled = _chosen(doc, options)
    arb = [o for o in chosen if o.arb]
    court = [o for o in chosen if o.court]
    commissions: list[Commission] = []
    blank = False
    defined = _defined_commissions(doc) if arb else {}
    for o in arb:
        named, b = _commissions(o)
        if not named:  # 提交仲裁机构仲裁, where “仲裁机构”指北京仲裁委员会
            named = [c for term, c in defined.items() if term in o.text]
        for c in named:
            if not any(
                _same(c.name, d.name) or c.name in d.aliases or d.name in c.aliases for d in commissions
            ):
                commissions.append(c)
        blank = blank or b or has_blank(o.text)
    courts = [c for o in court for c in _courts(o, doc, options)]
    if unfilled:
        method: Method = "unchosen"
    elif arb and court:
        method = "both"
    elif arb:
        method = "arbitration"
    elif court:
        method = "court"
    else:
        method = "none"
    return DisputeFacts(
        method=method,
        commissions=tuple(commissions),
        commission_blank=blank,
        rules_only=bool(arb) and not commissions and any("规则" in o.text for o in arb),
        courts=tuple(courts),
        negotiation_first=any(_NEGOTIATE.search(o.text) for o in options),
        unfilled=unfilled,
        referred=_referred(doc) if not options else None,
        options=tuple(options),
        chosen=tuple(chosen),
    )


#: Dispute resolution left to another document: an order under a framework, special terms under general ones.
_REFERRED = re.compile(
    r"争议(?:解决)?[^。；;\n]{0,30}?(?:按|依|依照|按照|适用|参照|见)[^。；;\n]{0,6}?(?:《(?![^》]{0,30}(?:法|法典|条例|规定|解释)》)[^》]{1,30}》|框架协议|框架合同"
    r"|主协议|主合同|总协议|总合同|基本协议|采购协议|通用条款|专用条款|一般条款)"
)


def _referred(doc: Document) -> Where | None:
    """Where the contract leaves dispute resolution to another agreement or part (else None)."""
    for i in blocks_naming_any(doc, _DISPUTE_WORD):
        m = _REFERRED.search(doc.blocks[i].norm)
        if m:
            return Where(i, m.span())
    return None


_COMMISSION = r"[^\s，,。；;：:“”\"（()）]{2,30}?(?:仲裁委员会|国际仲裁中心|仲裁中心|仲裁院)"
_DEFINED = re.compile(
    rf"[“\"](?P<term>[^”\"]{{2,12}})[”\"]\s*(?:[:：,，])?\s*(?:是指|系指|指)\s*(?P<name>{_COMMISSION})"
    rf"|(?P<name2>{_COMMISSION})\s*[（(]\s*(?:以下|下文)?(?:简称|称)\s*[:：]?\s*[“\"](?P<term2>[^”\"]{{2,12}})[”\"]"
)


#: Words before a commission's name in a sentence (双方同意中国国际经济贸易仲裁委员会…): not part of it.
_NAME_LEADING = re.compile(r"^.*(?:同意|约定|选定|选择|确定|提交|交由|向|由|将|在|为|指)")


def _defined_commissions(doc: Document) -> dict[str, Commission]:
    """Defined terms that name a commission: “仲裁机构”指北京仲裁委员会 / 北京仲裁委员会（以下简称“北仲”）."""
    out: dict[str, Commission] = {}
    for i in blocks_naming_any(doc, _ARBITRATION_WORD):
        for m in _DEFINED.finditer(doc.blocks[i].norm):
            term = m.group("term") or m.group("term2")
            group = "name" if m.group("name") else "name2"
            lead = _NAME_LEADING.match(m.group(group))
            start = m.start(group) + (lead.end() if lead else 0)
            name = doc.blocks[i].norm[start : m.end(group)]
            out.setdefault(term, Commission(name, (), Where(i, (start, m.end(group)))))
    return out


def _same(a: str, b: str) -> bool:
    return a in b or b in a


def _court(text: str) -> bool:
    for m in _COURT.finditer(text):
        # within its own sentence: …或向卖方住所地人民法院提起诉讼。仲裁裁决是终局的 — the award of the next
        # sentence is not what this court is for
        lo = max(max(0, m.start() - 12), *(text.rfind(c, 0, m.start()) + 1 for c in "。；;"))
        ends = [k for k in (text.find(c, m.end()) for c in "。；;") if k != -1]
        around = text[lo : min([m.end() + 12, *ends])]
        if not _COURT_FOR_AWARD.search(around):
            return True
    return False


def _number(m: re.Match[str] | None) -> int | None:
    if not m:
        return None
    raw = m.group("a") or m.group("b")
    return int(raw) if raw.isdigit() else _CN_N.get(raw)


def _context_hits(doc: Document) -> list[bool]:
    """Per block: does it speak of resolving disputes? (computed once per document)."""

    def compute() -> list[bool]:
        hits = [False] * len(doc.blocks)
        for i in blocks_naming_any(doc, CONTEXT_WORDS):
            hits[i] = True
        return hits

    return memo(doc, "dispute.context", compute)


def _dispute_options(doc: Document) -> list[Option]:
    """The dispute-resolution text: lines of a dispute section and clauses elsewhere that resolve disputes."""
    out: list[Option] = []
    blocks = doc.blocks
    triggered = blocks_naming_any(doc, TRIGGER_WORDS)
    if not triggered:
        return out
    context = _context_hits(doc)
    scanned = set((doc.meta or {}).get("ocr") or ())
    for i in triggered:
        block = blocks[i]
        text = block.norm
        if block.location.page is not None and block.location.page in scanned:
            text = _read_boxes(text)
        whole = in_section(block, DISPUTE_SECTION)
        near = any(context[max(0, i - 3) : i + 1])
        boxes = sum(text.count(c) for c in "☑☒✓✔▣□☐")  # □ 仲裁 … ☑ 诉讼: a form line of options
        spans = _inline_items(text) if whole or boxes >= 2 else split_clauses(text)
        labelled = _labelled_value(doc, i)
        for s, e in spans:
            part = text[s:e]
            if not part.strip():
                continue
            arb, court = bool(_ARB.search(part)), _court(part)
            if labelled and not (arb or court):
                arb, court = bool(_NAME_END.search(part)), "法院" in part
                whole = whole or arb or court
            if not (arb or court):
                continue
            # 由华南国际经济贸易仲裁委员会在深圳仲裁: a named commission resolves disputes by itself
            if not whole and not _CONTEXT.search(part) and not near and not (arb and _NAME_END.search(part)):
                continue
            out.append(
                Option(
                    part,
                    arb,
                    court,
                    bool(_MARK.match(part)),
                    bool(_BOX.match(part)),
                    _number(_ITEM.match(part) or ([*_ITEM_AFTER_COLON.finditer(part)] or [None])[-1]),
                    Where(i, (s, e)),
                )
            )
    return out


#: A form's box as a scan reads it: □ as 口, ☑ as 回 — at the start of an option (after the start, a colon, a
#: separator or stray quote marks) and right before the way it offers (口仲裁, 回诉讼, 回向…法院起诉).
_SCANNED_BOX = re.compile(
    r"(?:(?<=^)|(?<=[:：;；,，。”“\"'\s]))(?P<box>[口回])(?=\s*(?:仲裁|诉讼|起诉|提交|提请|向|由|到|在))"
)


def _read_boxes(text: str) -> str:
    """A scanned dispute line with the boxes its OCR read as 口 / 回 written □ / ☑ (same length, so spans
    hold)."""
    return _SCANNED_BOX.sub(lambda m: "□" if m.group("box") == "口" else "☑", text)


#: Where a numbered option starts inside a line (争议解决方式：选择第2项。1. 向…法院起诉；2. 提交…仲裁).
_INLINE_ITEM = re.compile(
    r"(?:(?<=[;；。:：])|^)\s*(?:[（(][\d一二三四五六七八九十]{1,2}[)）]|[\d一二三四五六七八九十]{1,2}\s*[.、](?!\d)"
    r"|☑|√|■|☒|✓|✔|▣|□|☐|○)"
    # a box after a space or a stray quote mark (□ 仲裁 … ☑ 诉讼 on one form line)
    r"|(?<=[\s”“\"，,])[ \t]*(?:☑|☒|✓|✔|▣|□|☐)"
)


def _inline_items(text: str) -> list[tuple[int, int]]:
    """A dispute-section line as one span, or as one span per option when it lists two or more, numbered or
    boxed (争议解决：□ 提交…仲裁；□ 向…法院起诉)."""
    starts = [m.start() for m in _INLINE_ITEM.finditer(text) if m.start() > 0]
    if len(starts) < 2:
        return [(0, len(text))]
    cuts = [0, *starts, len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if a < b]


def _labelled_value(doc: Document, i: int) -> bool:
    """True when block ``i`` is the value of a key-terms row: a table cell, or a short line, right after a
    label (争议解决, 管辖法院) in the previous non-empty block."""
    block = doc.blocks[i]
    if block.kind != "cell" and len(block.norm.strip()) > _VALUE_MAX:
        return False
    for j in range(i - 1, max(-1, i - 3), -1):
        prev = doc.blocks[j].norm.strip()
        if prev:
            return _LABEL.match(prev) is not None
    return False


#: A key-terms value written as a line of its own is short (a commission or court name).
_VALUE_MAX = 30


def _picked_number(doc: Document) -> tuple[bool, int | None]:
    """(a "choose one of the following" line exists, the number written in it or None)."""
    blocks = doc.blocks
    context = _context_hits(doc)
    for i, block in enumerate(blocks):
        near = any(context[max(0, i - 2) : i + 1])
        if not (in_section(block, DISPUTE_SECTION) or near):
            continue
        m = _PICK_N.search(block.norm) or _PICK.search(block.norm)
        if m and (in_section(block, DISPUTE_SECTION) or "方式" in block.norm):
            raw = (m.groupdict().get("n") or "").strip().strip("（）() ")  # 第（2）种: the number in brackets
            if raw.isdigit():
                return True, int(raw)
            if raw in _CN_N:
                return True, _CN_N[raw]
            return True, None
    return False, None


def _chosen(doc: Document, opts: list[Option]) -> tuple[list[Option], bool]:
    """(the options actually chosen, whether an offered choice was left unmade)."""
    if any(o.marked for o in opts):
        return [o for o in opts if o.marked], False
    boxed = [o for o in opts if o.boxed and (o.arb != o.court)]
    numbered = [o for o in opts if o.number is not None and (o.arb != o.court)]
    menu = boxed or numbered
    if not (menu and any(o.arb for o in menu) and any(o.court for o in menu)):
        return opts, False
    if boxed:
        return [o for o in opts if o not in menu], True
    is_menu, n = _picked_number(doc)  # numbered items are a menu only under a "choose one" line
    if not is_menu:
        return opts, False
    if n is not None:
        return [o for o in opts if o not in menu or o.number == n], False
    return [o for o in opts if o not in menu], True


def _commissions(o: Option) -> tuple[list[Commission], bool]:
    """(the commissions named in an arbitration option, whether a commission is left blank there)."""
    text = o.text
    out: list[Commission] = []
    last_end = -1
    blank = False
    for m in _NAME_END.finditer(text):
        i = m.start()
        while i > 0 and text[i - 1] not in _NAME_STOP and not text[i - 1].isspace():
            i -= 1
        name = _NAME_LEAD.sub("", text[i : m.start()])
        if not name:
            if i > 0 and (text[i - 1] in "_＿" or text[i - 1].isspace()):
                blank = True
            continue
        if len(name.strip("／/\\-—－·・.")) < 2:
            continue  # 由／仲裁委员会 (a scan: 由一, 由二) struck out: no commission's name is one character
        if _UNNAMED.search(name) or m.group(0) == "仲裁机构":
            continue
        full = name + m.group(0)
        if (
            out
            and i > 0
            and text[i - 1] in "（("
            and not text[last_end : i - 1].strip()
            and _alias(out[-1].name, full)
        ):
            # 上海国际经济贸易仲裁委员会（上海国际仲裁中心）: an official alias of the name before it
            prev = out[-1]
            out[-1] = Commission(prev.name, (*prev.aliases, full), prev.where)
            last_end = m.end() + 1
            continue
        last_end = m.end()
        if any(_same(full, c.name) or full in c.aliases for c in out):
            continue
        out.append(
            Commission(full, (), Where(o.where.block, (o.where.span[0] + i, o.where.span[0] + m.end())))
        )
    prev_abbr: tuple[int, int] | None = None  # (end of the last abbreviation read, its commission's index)
    for m in _ABBREVIATED.finditer(text):
        full = m.group().strip()
        if m.group("abbr") is None and prev_abbr is not None and not text[prev_abbr[0] : m.start()].strip():
            # CIETAC Cross-Straits Arbitration Center / CIETAC South China Sub-Commission: the centre of the
            # commission just named, one body
            c = out[prev_abbr[1]]
            out[prev_abbr[1]] = Commission(c.name, (*c.aliases, full), c.where)
            prev_abbr = None
            continue
        meant = _ABBREVIATION_OF.get(m.group("abbr") or "", ()) or _english_name(full)
        bracketed = m.start() > 0 and text[m.start() - 1] in "(（"
        k = next(
            (
                n
                for n, c in enumerate(out)
                if any(c.name.startswith(x[:4]) for x in meant)
                or (bracketed and c.where.span[1] - o.where.span[0] == m.start() - 1)
            ),
            None,
        )
        if k is None and not meant and m.group("abbr") is None and any(_CJK.search(c.name) for c in out):
            # a bilingual clause: an English name the reader cannot place (Cross-Straits Arbitration Center)
            # beside the Chinese name it translates is that commission, not a second one
            k = next(n for n, c in enumerate(out) if _CJK.search(c.name))
        if k is not None:  # 中国国际经济贸易仲裁委员会（CIETAC）: the abbreviation of a name already read
            c = out[k]
            out[k] = Commission(c.name, (*c.aliases, full), c.where)
            if m.group("abbr") is not None:
                prev_abbr = (m.end(), k)
            continue
        if not any(full == c.name or full in c.aliases for c in out):
            span = (o.where.span[0] + m.start(), o.where.span[0] + m.start() + len(full))
            out.append(Commission(full, meant, Where(o.where.block, span)))  # its Chinese names as aliases
            if m.group("abbr") is not None:
                prev_abbr = (m.end(), len(out) - 1)
    return out, blank


_CJK = re.compile(r"[\u4e00-\u9fff]")


_EN_CITY = {
    "Beijing": "北京", "Shanghai": "上海", "Shenzhen": "深圳", "Guangzhou": "广州", "Tianjin": "天津",
    "Chongqing": "重庆", "Hangzhou": "杭州", "Nanjing": "南京", "Suzhou": "苏州", "Wuhan": "武汉",
    "Chengdu": "成都", "Xiamen": "厦门", "Qingdao": "青岛", "Xi'an": "西安", "Changsha": "长沙",
    "Ningbo": "宁波", "Dalian": "大连", "Shenyang": "沈阳", "Jinan": "济南", "Zhengzhou": "郑州",
}  # fmt: skip


#: Arbitral institutions abroad by their English names (a bilingual clause may name one beside a PRC one).
_FOREIGN_CENTRES = (
    ("Singapore International", "新加坡国际仲裁中心"),
    ("Hong Kong International", "香港国际仲裁中心"),
    ("London Court of International", "伦敦国际仲裁院"),
    ("Arbitration Institute of the Stockholm", "斯德哥尔摩商会仲裁院"),
    ("Korean Commercial", "大韩商事仲裁院"),
    ("Japan Commercial", "日本商事仲裁协会"),
)


def _english_name(name: str) -> tuple[str, ...]:
    """The Chinese name of a commission written in English (Beijing Arbitration Commission → 北京仲裁委员会),
    when its city is known."""
    if name.startswith("China International Economic and Trade"):
        return ("中国国际经济贸易仲裁委员会",)
    for en, zh in _FOREIGN_CENTRES:
        if name.startswith(en):
            return (zh,)
    city = _EN_CITY.get(name.split()[0]) if name.split() else None
    if city is None:
        return ()
    if "Court of International Arbitration" in name:
        return (f"{city}国际仲裁院",)
    if "International" in name and re.search(r"Cent(?:er|re)$", name):
        return (f"{city}国际仲裁中心",)
    if "International" in name:
        return (f"{city}国际经济贸易仲裁委员会", f"{city}国际仲裁中心")
    return (f"{city}仲裁委员会",)


#: A commission by its usual abbreviation or English name (CIETAC上海分会, SHIAC, Beijing Arbitration
#: Commission, Shenzhen Court of International Arbitration, HKIAC).
_ABBREVIATED = re.compile(
    r"(?<![A-Za-z])(?P<abbr>CIETAC|SHIAC|SCIA|BAC|HKIAC|SIAC|CMAC|ICC|LCIA|SCC)(?![A-Za-z])"
    r"(?:\s*[\u4e00-\u9fff]{2,6}?分会)?"
    r"|(?<![A-Za-z-])(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,6}(?:Arbitration\s+Commission|Arbitration\s+Cent(?:er|re)|Court\s+of"
    r"\s+International\s+Arbitration)"
)
#: The Chinese names an abbreviation stands for (compared by their first four characters).
_ABBREVIATION_OF = {
    "CIETAC": ("中国国际经济贸易仲裁委员会", "中国国际商会"),
    "SHIAC": ("上海国际经济贸易仲裁委员会", "上海国际仲裁中心"),
    "SCIA": ("深圳国际仲裁院", "华南国际经济贸易仲裁委员会", "深圳仲裁委员会"),
    "BAC": ("北京仲裁委员会", "北京国际仲裁中心"),
    "CMAC": ("中国海事仲裁委员会",),
    "HKIAC": ("香港国际仲裁中心",),
}


#: Official second names that do not share the city of the first (华南国际经济贸易仲裁委员会 is
#: 深圳国际仲裁院).
_KNOWN_ALIASES = (
    ("华南国际经济贸易仲裁委员会", "深圳国际仲裁院"),
    ("中国国际经济贸易仲裁委员会", "中国国际商会"),
)


def _alias(name: str, other: str) -> bool:
    """True when ``other``, in parentheses after ``name``, is an official alias of the same commission: the
    same city (上海国际经济贸易仲裁委员会（上海国际仲裁中心）) or a known pair."""
    if name[:2] == other[:2]:
        return True
    return any((a in name and b in other) or (b in name and a in other) for a, b in _KNOWN_ALIASES)


#: A place name and its administrative suffix (潍坊市, 海淀区, 浦东新区): the name before the suffix.
PLACE_NAME = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?:特别行政区|自治区|自治州|自治县|省|市|地区|新区|区|县|旗|盟)"
)
_PLACE_TAIL = re.compile(r"(?:有管辖权|具有管辖权)的?$")
_DESCRIBED = re.compile(
    r"所在地|住所地|签订地|履行地|注册地|有管辖权|原告|被告|甲方|乙方|买方|卖方|一方|守约方"
)


def _courts(o: Option, doc: Document, options: list[Option]) -> list[Court]:
    out: list[Court] = []
    for m in _COURT_PLACE.finditer(o.text):
        place = _PLACE_TAIL.sub("", _NAME_LEAD.sub("", m.group("place").strip()))
        if _NOT_PLACE.search(place) or _COURT_FOR_AWARD.search(o.text[max(0, m.start() - 12) : m.end() + 12]):
            continue
        where = Where(o.where.block, (o.where.span[0] + m.start(), o.where.span[0] + m.end()))
        out.append(Court(place, where, _connected(place, doc, options)))
    return out


def _connected(place: str, doc: Document, options: list[Option]) -> bool | None:
    """Whether the court's most specific place name appears in the contract outside its dispute text."""
    if _DESCRIBED.search(place):
        return None
    names = [n for n in PLACE_NAME.findall(place) if n not in ("人民", "中级", "基层")]
    if not names:
        return None
    name = names[-1]
    text = doc.text
    inside = sum(opt.text.count(name) for opt in options)
    if text.count(name) > inside or _named_alike(place, text, options):
        return True
    if len(names) >= 2 and _zone_in_city(names[-2]).search(text):
        return None  # 潍坊市滨海经济技术开发区: which district's court serves the zone is not in the text
    city = _ZONE_COURT.match(_place_key(_PROVINCE_HEAD.sub("", place)))
    if city and text.count(city.group(1)) > sum(opt.text.count(city.group(1)) for opt in options):
        return None  # 深圳前海合作区, a party in 深圳市南山区: the zone's districts are not in the text
    return False


#: A court of a zone of a city (深圳前海合作区, 苏州工业园区, 天津滨海新区): the city and the zone.
_ZONE_COURT = re.compile(
    r"^([\u4e00-\u9fff]{2,3}?)[\u4e00-\u9fff]{1,8}?(?:合作区|园区|开发区|高新区|保税区|新区|试验区|自贸区)$"
)


#: A province or a city before a district (苏州市工业园区, 江苏省苏州市): suffixes an address writes and a
#: court's name leaves out (苏州工业园区人民法院).
_LEVEL_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:省|市)(?=[\u4e00-\u9fff])")
_PROVINCE_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区)")


def _place_key(text: str) -> str:
    """``text`` without the 省/市 suffixes between place names (江苏省苏州市工业园区 → 江苏苏州工业园区)."""
    return _LEVEL_SUFFIX.sub("", text)


def _named_alike(place: str, text: str, options: list[Option]) -> bool:
    """True when the court's place, province and city suffixes aside, is written outside the dispute text:
    苏州工业园区 (the court's name) in an address 江苏省苏州市工业园区星湖街1288号."""
    if "省" not in text and "市" not in text:
        return False
    key = _place_key(_PROVINCE_HEAD.sub("", place))
    if len(key) < 4:
        return False  # a bare name (海淀) was looked for as written
    inside = sum(_place_key(opt.text).count(key) for opt in options)
    return _place_key(text).count(key) > inside


def _zone_in_city(city: str) -> re.Pattern[str]:
    """A development zone of ``city`` named in an address (潍坊市滨海经济技术开发区, 苏州工业园区)."""
    return re.compile(
        re.escape(city) + r"市?[^,，。;；\s区县]{0,10}?(?:开发区|高新区|园区|保税区|新区|产业园|试验区)"
    )
