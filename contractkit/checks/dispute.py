"""The ``dispute`` family: does the contract choose ONE way to resolve disputes — arbitration at a
named commission, or a court — and is a model text's choice actually made?

仲裁法 Art. 16 requires a chosen commission; the SPC interpretation (法释〔2006〕7号) Arts. 4–7 void
clauses that name only rules, only a city with several commissions, two commissions,
or "arbitration or court".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from contractkit.checks._common import block_indices_naming, has_blank, in_section, is_chinese, memo
from contractkit.checks.base import RuleContext, rule
from contractkit.checks.term import is_contract
from contractkit.facts import split_clauses
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

DISPUTE_SECTION = ("争议", "纠纷", "仲裁", "诉讼", "管辖")
#: Words that speak of resolving disputes.
_CONTEXT_WORDS = ("争议", "纠纷", "协商不成", "协商不能", "协商未果", "调解不成")
_CONTEXT = re.compile("|".join(_CONTEXT_WORDS))
_ARB = re.compile(
    r"(?:提交|提请|申请|交由|递交|向|由|将)[^。；;\n]{0,40}?仲裁(?:委员会|院|中心|机构)?[^。；;\n]{0,20}?"
    r"(?:仲裁|裁决)|仲裁委员会仲裁|仲裁(?:方式)?解决|通过仲裁|申请仲裁|提请仲裁|提交仲裁"
    r"|(?:可以|可|应|均可|同意|或|或者)(?:申请|提请|提交)?仲裁(?![委院中机费裁期程])"
    r"|在(?:(?!诉讼|或|及|和|与)[\u4e00-\u9fff]){2,6}仲裁(?!委员会|院|中心|机构|费|裁决|期间|程序)"
)
_COURT = re.compile(
    r"(?:向|由|提交|提请|在)[^。；;\n]{0,30}?法院[^。；;\n]{0,4}?(?:提起|提出|进行)?(?:民事)?(?:诉讼|起诉|管辖)"
    r"|(?:诉讼|起诉)[^。；;\n]{0,4}(?:至|到|于)[^。；;\n]{0,20}?法院|法院管辖|诉讼(?:方式)?解决|通过诉讼|依法(?:提起)?(?:诉讼|起诉)"
)
#: Court mentions that belong to an arbitration (enforcement, setting aside, interim measures).
_COURT_FOR_AWARD = re.compile(r"执行|撤销|不予执行|保全|确认[^。；;]{0,6}效力|裁决")
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
_NAME_END = re.compile(r"仲裁委员会|国际仲裁中心|仲裁中心|仲裁院|仲裁机构")
_NAME_LEAD = re.compile(r"^(?:在|于)")
_NAME_STOP = set('交向由至到将的和或及与、，,：:；;。（(“"《 \u3000_＿请')
_UNNAMED = re.compile(
    r"^(?:该|有关|相关|当地|任何|一方|有管辖权|所在地|合同签订地|甲方|乙方|买方|卖方|双方|其他|其它)|所在地$"
)
_CN_N = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True, slots=True)
class Option:
    """One piece of dispute text (a line or a clause) and what it chooses."""

    block: Block
    span: tuple[int, int]
    text: str
    arb: bool
    court: bool
    marked: bool
    boxed: bool
    number: int | None


def _court(text: str) -> bool:
    for m in _COURT.finditer(text):
        around = text[max(0, m.start() - 12) : m.end() + 12]
        if not _COURT_FOR_AWARD.search(around):
            return True
    return False


def _number(m: re.Match[str] | None) -> int | None:
    if not m:
        return None
    raw = m.group("a") or m.group("b")
    return int(raw) if raw.isdigit() else _CN_N.get(raw)


#: Every match of ``_ARB`` contains 仲裁, every match of ``_COURT`` 法院, 诉讼 or 起诉:
#: a block without them holds no option (a cheap test before the clause regexes).
_TRIGGER_WORDS = ("仲裁", "法院", "诉讼", "起诉")


def dispute_options(doc: Document) -> list[Option]:
    """The dispute-resolution text: lines of a dispute section and clauses elsewhere that resolve disputes."""
    return list(memo(doc, "dispute.options", lambda: _dispute_options(doc)))


def _dispute_options(doc: Document) -> list[Option]:
    out: list[Option] = []
    blocks = doc.blocks
    triggered = block_indices_naming(doc, _TRIGGER_WORDS)
    if not triggered:
        return out
    context = _context_hits(doc)
    for i in triggered:
        block = blocks[i]
        text = block.norm
        whole = in_section(block, DISPUTE_SECTION)
        near = any(context[max(0, i - 3) : i + 1])
        spans = [(0, len(text))] if whole else split_clauses(text)
        for s, e in spans:
            part = text[s:e]
            if not part.strip():
                continue
            arb, court = bool(_ARB.search(part)), _court(part)
            if not (arb or court):
                continue
            if not whole and not _CONTEXT.search(part) and not near:
                continue
            out.append(
                Option(
                    block,
                    (s, e),
                    part,
                    arb,
                    court,
                    bool(_MARK.match(part)),
                    bool(_BOX.match(part)),
                    _number(_ITEM.match(part)),
                )
            )
    return out


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
            raw = (m.groupdict().get("n") or "").strip()
            if raw.isdigit():
                return True, int(raw)
            if raw in _CN_N:
                return True, _CN_N[raw]
            return True, None
    return False, None


def _context_hits(doc: Document) -> list[bool]:
    """Per block: does it speak of resolving disputes? (computed once per document)."""

    def compute() -> list[bool]:
        hits = [False] * len(doc.blocks)
        for i in block_indices_naming(doc, _CONTEXT_WORDS):
            hits[i] = True
        return hits

    return memo(doc, "dispute.context", compute)


def chosen(doc: Document) -> tuple[list[Option], bool]:
    """(the options actually chosen, whether an offered choice was left unmade); once per document."""
    return memo(doc, "dispute.chosen", lambda: _chosen(doc))


def _chosen(doc: Document) -> tuple[list[Option], bool]:
    opts = dispute_options(doc)
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


def _names(text: str) -> tuple[list[str], bool]:
    """(commission names, whether a commission is left blank) in an arbitration text."""
    names: list[str] = []
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
        if _UNNAMED.search(name) or m.group(0) == "仲裁机构":
            continue
        names.append(name + m.group(0))
    distinct: list[str] = []
    for n in names:
        if not any(n in d or d in n for d in distinct):
            distinct.append(n)
    return distinct, blank


@rule(
    id="dispute/arbitration-and-court",
    title="或裁或审：同时约定仲裁和诉讼",
    title_en="Both arbitration and a court chosen",
    severity="error",
    why="约定争议“可以向仲裁机构申请仲裁也可以向人民法院起诉”的，仲裁协议无效（仲裁法解释第7条），"
    "只剩法院管辖；起诉地又常未约定，争议发生时先要为管辖打官司。",
    why_en="A clause allowing 'arbitration or a court action' makes the arbitration agreement void (SPC "
    "Arbitration Law interpretation Art. 7): only the courts remain, usually without an agreed forum.",
    basis="仲裁法第16条；最高人民法院关于适用《中华人民共和国仲裁法》若干问题的解释第7条",
    fix="二选一：“提交北京仲裁委员会按其仲裁规则仲裁”或“向甲方住所地人民法院提起诉讼”。",
    bad=[
        "因本合同发生的争议，双方可以向北京仲裁委员会申请仲裁，也可以向人民法院起诉。",
        "协商不成的，提交上海仲裁委员会仲裁或向甲方所在地人民法院提起诉讼。",
        "争议解决方式：\n☑ 提交北京仲裁委员会仲裁；\n☑ 向甲方所在地人民法院起诉。",
    ],
    good=[
        "因本合同发生的争议，提交北京仲裁委员会仲裁。仲裁裁决是终局的，任何一方可向有管辖权的人民法院申请执行。",
        "协商不成的，任何一方可向合同签订地人民法院提起诉讼。",
        "争议解决方式：\n☑ 提交北京仲裁委员会仲裁；\n□ 向甲方所在地人民法院起诉。",
    ],
)
def arbitration_and_court(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    opts, _unfilled = chosen(doc)
    arb = [o for o in opts if o.arb]
    court = [o for o in opts if o.court]
    if not arb or not court:
        return
    o = next((x for x in opts if x.arb and x.court), court[0])
    yield ctx.report(
        o.block,
        "争议解决同时约定了仲裁和法院诉讼（或裁或审），依仲裁法解释第7条仲裁协议无效；应二选一。",
        "Both arbitration and a court are chosen: the arbitration agreement is void (SPC Arbitration Law "
        "interpretation Art. 7). Choose one.",
        span=o.span,
    )


@rule(
    id="dispute/arbitration-no-commission",
    title="仲裁未约定明确的仲裁委员会",
    title_en="Arbitration without one named commission",
    severity="error",
    why="仲裁协议必须有选定的仲裁委员会（仲裁法第16条）；只写城市（“在上海仲裁”，上海有多家仲裁机构）、只写仲裁规则、"
    "或写了两个仲裁委员会的，达不成补充协议时仲裁协议无效（仲裁法第18条，仲裁法解释第4–6条）。",
    why_en="An arbitration agreement must name the chosen commission (Arbitration Law Art. 16); a city only "
    "('arbitration in Shanghai', which has several), rules only, or two commissions void it unless the "
    "parties agree later (Art. 18; SPC interpretation Arts. 4–6).",
    basis="仲裁法第16条、第18条；最高人民法院关于适用《中华人民共和国仲裁法》若干问题的解释第4条至第6条",
    fix="写明唯一一家仲裁委员会的全称，例如“提交上海国际经济贸易仲裁委员会（上海国际仲裁中心）仲裁”。",
    bad=[
        "因本合同发生的争议，双方同意在上海仲裁。",
        "协商不成的，任何一方可将争议提交北京仲裁委员会或上海仲裁委员会仲裁。",
        "因本合同引起的争议，按照《联合国国际贸易法委员会仲裁规则》通过仲裁解决。",
    ],
    good=[
        "因本合同发生的争议，提交北京仲裁委员会仲裁。",
        "因本合同引起的争议，提交中国国际经济贸易仲裁委员会上海分会，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。",
    ],
)
def arbitration_no_commission(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    opts, _unfilled = chosen(doc)
    arb = [o for o in opts if o.arb]
    if not arb:
        return
    names: list[str] = []
    blank = False
    for o in arb:
        got, b = _names(o.text)
        blank = blank or b or has_blank(o.text)
        names += [n for n in got if not any(n in d or d in n for d in names)]
    if len(names) == 1 or (not names and blank):
        return
    o = arb[0]
    if names:
        msg = f"约定了{len(names)}家仲裁机构（{'、'.join(names)}），"
        msg_en = f"{len(names)} arbitration commissions are named ({', '.join(names)}); "
    elif "规则" in o.text:
        msg, msg_en = (
            "只约定了仲裁规则，未选定仲裁委员会，",
            "only arbitration rules are named, no commission; ",
        )
    else:
        msg, msg_en = (
            "只约定了仲裁地或“仲裁”，未选定仲裁委员会，",
            "only a place or 'arbitration' is named, no commission; ",
        )
    yield ctx.report(
        o.block,
        msg + "达不成补充协议的仲裁协议无效（仲裁法第16条、第18条）。",
        msg_en + "without a supplementary agreement the arbitration agreement is void (Arbitration Law Arts. "
        "16, 18).",
        span=o.span,
    )


@rule(
    id="dispute/unfilled-choice",
    title="示范文本的争议解决方式未选择",
    title_en="Dispute-resolution choice left unmade",
    severity="warning",
    why="示范文本同时列出仲裁和诉讼两个选项供当事人选择；未勾选、未填写的，等于没有约定争议解决方式，"
    "仲裁因没有选定仲裁委员会而不成立（仲裁法第16条），只能依民事诉讼法第24条由被告住所地或合同履行地法院管辖。",
    why_en="A model text offers arbitration and a court as options; with neither ticked nor filled in, no "
    "method is agreed: arbitration fails for want of a chosen commission (Arbitration Law Art. 16) and the "
    "default court of Civil Procedure Law Art. 24 applies.",
    basis="仲裁法第16条；民事诉讼法第24条、第35条",
    fix="只保留一个选项并填写完整，例如勾选“☑ 提交北京仲裁委员会仲裁”，删除另一项。",
    bad=[
        "协商不成的，选择下列第____种方式解决：\n（一）提交____仲裁委员会仲裁；\n（二）依法向____人民法院起诉。",
        "争议解决：\n□ 提交____仲裁委员会仲裁\n□ 依法向____人民法院提起诉讼",
    ],
    good=[
        "协商不成的，选择下列第1种方式解决：\n（一）提交北京仲裁委员会仲裁；\n（二）依法向甲方所在地人民法院起诉。",
        "争议解决：\n☑ 提交北京仲裁委员会仲裁\n□ 依法向____人民法院提起诉讼",
    ],
)
def unfilled_choice(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    _opts, unfilled = chosen(doc)
    if not unfilled:
        return
    o = next(x for x in dispute_options(doc) if x.arb or x.court)
    yield ctx.report(
        o.block,
        "争议解决方式列出了仲裁和诉讼两个选项但未作选择，等于未约定争议解决方式。",
        "Arbitration and court are offered as options but neither is chosen: no dispute method is agreed.",
        span=o.span,
    )


@rule(
    id="dispute/no-dispute-clause",
    scope="document",
    title="未约定争议解决方式",
    title_en="No dispute-resolution clause",
    severity="warning",
    why="解决争议的方法是民法典第470条列明的合同一般条款；未约定的，只能依民事诉讼法第24条向被告住所地或合同履行地法院起诉，"
    "对自己不利的管辖法院和程序都无法事先安排。",
    why_en="Dispute resolution is a customary contract term (Civil Code Art. 470); without it, the default "
    "court of Civil Procedure Law Art. 24 (defendant's domicile or place of performance) applies.",
    basis="民法典第470条；民事诉讼法第24条、第35条",
    fix="增加争议解决条款，例如“协商不成的，向合同签订地人民法院提起诉讼”或“提交北京仲裁委员会仲裁”。",
    bad=["本合同一式两份，自双方签字盖章之日起生效。", "第八条 争议解决\n因本合同发生的争议，双方协商解决。"],
    good=["协商不成的，向合同签订地人民法院提起诉讼。", "因本合同发生的争议，提交北京仲裁委员会仲裁。"],
)
def no_dispute_clause(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc) or dispute_options(doc):
        return
    yield ctx.report(
        None,
        "合同未约定争议解决方式（仲裁委员会或管辖法院），"
        "将依民事诉讼法第24条由被告住所地或合同履行地法院管辖。",
        "No dispute-resolution method (arbitration commission or court) is agreed: "
        "Civil Procedure Law Art. 24 applies.",
    )
