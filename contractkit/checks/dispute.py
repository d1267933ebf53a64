"""The ``dispute`` family: does the contract choose ONE way to resolve disputes — arbitration at a
named commission, or a court with a connection to the dispute — and is a model text's choice actually
made? Checks over the dispute facts (:mod:`contractkit.contract.dispute`).

仲裁法 Art. 16 requires a chosen commission; the SPC interpretation (法释〔2006〕7号) Arts. 4–7 void
clauses that name only rules, only a city with several commissions, two commissions,
or "arbitration or court"; 民事诉讼法 Art. 35 limits a chosen court to connected places.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contractkit.checks._common import is_chinese
from contractkit.checks.base import RuleContext, rule
from contractkit.checks.term import is_contract
from contractkit.contract import contract_of
from contractkit.contract.dispute import PLACE_NAME, DisputeFacts, Option
from contractkit.findings import Finding
from contractkit.readers.model import Document


def _facts(doc: Document) -> DisputeFacts:
    """The dispute facts of the document (see :mod:`contractkit.contract.dispute`)."""
    return contract_of(doc).dispute


def dispute_options(doc: Document) -> list[Option]:
    """The dispute-resolution text of the document (every option, chosen or not)."""
    return list(_facts(doc).options)


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
        "因本合同发生的争议，提交北京仲裁委员会仲裁。仲裁裁决是终局的，任何一方可向有管辖权的人民法院申请执"
        "行。",
        "协商不成的，任何一方可向合同签订地人民法院提起诉讼。",
        "争议解决方式：\n☑ 提交北京仲裁委员会仲裁；\n□ 向甲方所在地人民法院起诉。",
    ],
)
def arbitration_and_court(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    facts = _facts(doc)
    if facts.method != "both":
        return
    opts = facts.chosen
    # one clause offering both, else the court's; on a form with both boxes ticked, the ticked arbitration
    # box — the choice the interpretation voids
    both = next((x for x in opts if x.arb and x.court), None)
    ticked = next((x for x in opts if x.arb and x.marked), None)
    o = both or ticked or next(x for x in opts if x.court)
    yield ctx.report(
        doc.blocks[o.where.block],
        "争议解决同时约定了仲裁和法院诉讼（或裁或审），依仲裁法解释第7条仲裁协议无效；应二选一。",
        "Both arbitration and a court are chosen: the arbitration agreement is void (SPC Arbitration Law "
        "interpretation Art. 7). Choose one.",
        span=o.where.span,
    )


@rule(
    id="dispute/arbitration-no-commission",
    title="仲裁未约定明确的仲裁委员会",
    title_en="Arbitration without one named commission",
    severity="error",
    why="仲裁协议必须有选定的仲裁委员会（仲裁法第16条）；只写城市（“在上海仲裁”，上海有多家仲裁机构）、只写"
    "仲裁规则、"
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
        "因本合同引起的争议，提交中国国际经济贸易仲裁委员会上海分会，按照申请仲裁时该会现行有效的仲裁规则进"
        "行仲裁。",
    ],
)
def arbitration_no_commission(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    facts = _facts(doc)
    arb = [o for o in facts.chosen if o.arb]
    if not arb or facts.unfilled:
        return
    names = [c.name for c in facts.commissions]
    if len(names) == 1 or (not names and facts.commission_blank):
        return
    o = arb[0]
    if not names and _misread_commission(doc, o):
        return  # 提交广灿创裁委员会仲裁 on a scan: a commission is named, its name misread
    if names:
        msg = f"约定了{len(names)}家仲裁机构（{'、'.join(names)}），"
        msg_en = f"{len(names)} arbitration commissions are named ({', '.join(names)}); "
    elif facts.rules_only:
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
        doc.blocks[o.where.block],
        msg + "达不成补充协议的仲裁协议无效（仲裁法第16条、第18条）。",
        msg_en + "without a supplementary agreement the arbitration agreement is void (Arbitration Law Arts. "
        "16, 18).",
        span=o.where.span,
    )


#: A body named before the verb of arbitration (提交广州仲裁委员会仲裁) as a scan may misread it: a name of
#: its own, then 委员会 (or 仲裁院 / 仲裁中心), then 仲裁 — the characters of 仲裁 inside the name misread
#: (广灿创裁委员会, 广如伸截委员会).
_BODY_BEFORE_ARBITRATION = re.compile(
    r"(?:提交|提请|交由|递交|交付|向|由)\s*(?P<body>[\u4e00-\u9fff]{2,14}?(?:委员会|仲裁院|仲裁中心))\s*(?:进行)?\s*仲裁"
)
#: A body named by where it is, not by its name (当地, 甲方所在地, 有管辖权的): no commission chosen.
_PLACEHOLDER_BODY = re.compile(r"当地|本地|所在地|有关|相关|有管辖权|任何|任一|双方|一方|签订地|履行地|指定")


def _misread_commission(doc: Document, o: Option) -> bool:
    """True when the arbitration clause is on a page read by OCR and names a body of its own before 仲裁 (a
    commission whose name the scan misread, so the facts read none): there is no judging that no commission
    is chosen."""
    block = doc.blocks[o.where.block]
    if block.location.page is None or block.location.page not in ((doc.meta or {}).get("ocr") or ()):
        return False
    m = _BODY_BEFORE_ARBITRATION.search(block.norm)
    if m is None or _PLACEHOLDER_BODY.search(m.group("body")):
        return False
    # 由／仲裁委员会 read as 由一仲裁委员会: a struck-out name, not a misread one
    return len(re.sub(r"仲裁委员会$|委员会$|仲裁院$|仲裁中心$", "", m.group("body"))) >= 2


@rule(
    id="dispute/unfilled-choice",
    title="示范文本的争议解决方式未选择",
    title_en="Dispute-resolution choice left unmade",
    severity="warning",
    why="示范文本同时列出仲裁和诉讼两个选项供当事人选择；未勾选、未填写的，等于没有约定争议解决方式，"
    "仲裁因没有选定仲裁委员会而不成立（仲裁法第16条），只能依民事诉讼法第24条由被告住所地或合同履行地法院管"
    "辖。",
    why_en="A model text offers arbitration and a court as options; with neither ticked nor filled in, no "
    "method is agreed: arbitration fails for want of a chosen commission (Arbitration Law Art. 16) and the "
    "default court of Civil Procedure Law Art. 24 applies.",
    basis="仲裁法第16条；民事诉讼法第24条、第35条",
    fix="只保留一个选项并填写完整，例如勾选“☑ 提交北京仲裁委员会仲裁”，删除另一项。",
    bad=[
        "协商不成的，选择下列第____种方式解决：\n（一）提交____仲裁委员会仲裁；\n（二）依法向____人民法院起"
        "诉。",
        "争议解决：\n□ 提交____仲裁委员会仲裁\n□ 依法向____人民法院提起诉讼",
    ],
    good=[
        "协商不成的，选择下列第1种方式解决：\n（一）提交北京仲裁委员会仲裁；\n（二）依法向甲方所在地人民法院"
        "起诉。",
        "争议解决：\n☑ 提交北京仲裁委员会仲裁\n□ 依法向____人民法院提起诉讼",
    ],
)
def unfilled_choice(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    facts = _facts(doc)
    if not facts.unfilled:
        return
    o = next(x for x in facts.options if x.arb or x.court)
    yield ctx.report(
        doc.blocks[o.where.block],
        "争议解决方式列出了仲裁和诉讼两个选项但未作选择，等于未约定争议解决方式。",
        "Arbitration and court are offered as options but neither is chosen: no dispute method is agreed.",
        span=o.where.span,
    )


@rule(
    id="dispute/no-dispute-clause",
    scope="document",
    kinds=("contract",),
    title="未约定争议解决方式",
    title_en="No dispute-resolution clause",
    severity="warning",
    why="解决争议的方法是民法典第470条列明的合同一般条款；未约定的，只能依民事诉讼法第24条向被告住所地或合同"
    "履行地法院起诉，"
    "对自己不利的管辖法院和程序都无法事先安排。",
    why_en="Dispute resolution is a customary contract term (Civil Code Art. 470); without it, the default "
    "court of Civil Procedure Law Art. 24 (defendant's domicile or place of performance) applies.",
    basis="民法典第470条；民事诉讼法第24条、第35条",
    fix="增加争议解决条款，例如“协商不成的，向合同签订地人民法院提起诉讼”或“提交北京仲裁委员会仲裁”。",
    bad=["本合同一式两份，自双方签字盖章之日起生效。", "第八条 争议解决\n因本合同发生的争议，双方协商解决。"],
    good=[
        "协商不成的，向合同签订地人民法院提起诉讼。",
        "因本合同发生的争议，提交北京仲裁委员会仲裁。",
        "七、吵架了怎么办\n先商量。商量不好，就到甲方所在地人民法院起诉。",
    ],
)
def no_dispute_clause(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    facts = _facts(doc)
    if not is_contract(doc) or facts.options or facts.referred:
        return
    yield ctx.report(
        None,
        "合同未约定争议解决方式（仲裁委员会或管辖法院），"
        "将依民事诉讼法第24条由被告住所地或合同履行地法院管辖。",
        "No dispute-resolution method (arbitration commission or court) is agreed: "
        "Civil Procedure Law Art. 24 applies.",
    )


def _misread_district(doc: Document, place: str, block: int) -> bool:
    """True when a court on a scanned page is named by a city the contract names elsewhere and a district it
    does not (威海市环玲区 for 环翠区): the district may be an OCR misreading, its connection unknown."""
    if doc.blocks[block].location.page not in set((doc.meta or {}).get("ocr") or ()):
        return False
    names = [n for n in PLACE_NAME.findall(place) if n not in ("人民", "中级", "基层")]
    return len(names) >= 2 and doc.text.count(names[-2]) > doc.blocks[block].norm.count(names[-2])


def _seats_known(doc: Document) -> bool:
    """True when at least two parties are introduced and every one states its address (住所, 地址): only
    then can a court be judged to sit where no party does."""
    parties = contract_of(doc).parties.parties
    return len(parties) >= 2 and all(
        (d := p.detail("address")) is not None and not d.blank and d.value.strip() for p in parties
    )


@rule(
    id="dispute/court-without-connection",
    scope="document",
    title="约定的管辖法院与争议没有实际联系",
    title_en="Chosen court with no connection to the dispute",
    severity="warning",
    why="协议管辖只能选择被告住所地、合同履行地、合同签订地、原告住所地、标的物所在地等与争议有实际联系的地"
    "点的法院"
    "（民事诉讼法第35条）；选择一个与合同毫无联系的地方的法院，管辖协议无效，只能依第24条由被告住所地或合同"
    "履行地"
    "法院管辖。",
    why_en="A choice of court is limited to places with an actual connection to the dispute — the defendant'"
    "s or "
    "plaintiff's domicile, the place of performance or signing, where the goods are (Civil Procedure Law Art"
    ". 35); "
    "a court with no such connection is void, and the default of Art. 24 applies.",
    basis="民事诉讼法第35条、第24条",
    fix="改为与合同有联系的地点的法院，例如“向合同签订地（山东省临沂市兰山区）人民法院提起诉讼”。",
    bad=[
        "买方住所：山东省临沂市兰山区沂蒙路77号\n卖方住所：河南省许昌市魏都区许继大道1298号\n"
        "因本合同发生的争议，双方协商不成的，由北京市海淀区人民法院管辖。",
        "甲方地址：江苏省苏州市工业园区星湖街328号\n乙方地址：浙江省宁波市鄞州区天童南路588号\n"
        "签订地点：苏州市工业园区\n协商不成的，向广州市天河区人民法院提起诉讼。",
    ],
    good=[
        "买方住所：山东省临沂市兰山区沂蒙路77号\n卖方住所：河南省许昌市魏都区许继大道1298号\n"
        "因本合同发生的争议，双方协商不成的，由临沂市兰山区人民法院管辖。",
        "甲方地址：江苏省苏州市工业园区星湖街328号\n协商不成的，向甲方住所地人民法院提起诉讼。",
    ],
)
def court_without_connection(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """A court named by a place that appears nowhere else in the contract (no party, signing or delivery
    place there)."""
    if not is_chinese(doc, min_chars=4):
        return
    facts = _facts(doc)
    if facts.method != "court" or not any(c.connected is False for c in facts.courts):
        return
    if not _seats_known(doc):
        return  # a party's seat is not stated: the court may be there
    for c in facts.courts:
        if c.connected is not False or _misread_district(doc, c.place, c.where.block):
            continue
        yield ctx.report(
            doc.blocks[c.where.block],
            f"约定由{c.place}的法院管辖，但合同中当事人住所、签订地、履行地均不在该地：与争议没有实际联系的"
            "协议管辖无效"
            "（民事诉讼法第35条），将依第24条由被告住所地或合同履行地法院管辖。",
            f"The chosen court ({c.place}) is in a place the contract does not otherwise name — no party, "
            "signing or "
            "performance place there: a choice of court without a connection is void (Civil Procedure Law "
            "Art. "
            "35), so the default of Art. 24 applies.",
            span=c.where.span,
        )
        return
