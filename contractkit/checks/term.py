"""The ``term`` family: does the contract say when it starts, ends, takes effect and may be ended, are its
dates real calendar dates, and may it be changed only in writing?

Also home of :func:`is_contract` (the gate for document-level "missing clause" rules of the ``delivery``,
``dispute`` and ``term`` families) and :func:`find_dates` (calendar dates with their validity).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from contractkit.checks._common import all_clauses, clauses_naming, doc_text, has_blank, is_chinese, memo
from contractkit.checks.base import RuleContext, rule
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGIT.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN = "〇零○O一二两三四五六七八九十"
#: 2026年2月30日 / 二〇二六年二月三十日 / 2026-02-30 / 2026/2/30 / 2026.02.30; a month/day without a year.
_DATE = re.compile(
    rf"(?<![\d{_CN}])(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"(?:\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号])?"
    r"|(?<![\d.\-/])(?P<iy>(?:19|20|21)\d\d)(?P<sep>[-/.])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?![\d.\-/])"
    rf"|(?<![\d{_CN}年第每个.\-/])(?P<sm>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?P<sd>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
)
#: What every ISO-like date (2026-02-30, 2026/2/30, 2026.02.30) holds: digit, separator, digits, separator.
_ISO_HINT = re.compile(r"\d[-/.]\d{1,2}[-/.]\d")


@dataclass(frozen=True, slots=True)
class DateFact:
    """A written calendar date: its parts, the date (None when impossible) and ``span`` in the text."""

    year: int | None
    month: int
    day: int | None
    date: dt.date | None
    valid: bool
    span: tuple[int, int]


def _cn_int(s: str) -> int:
    """12 / 十二 / 二十九 / 二〇二六 → int."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        return (_CN_DIGIT.get(head, 1) if head else 1) * 10 + (_CN_DIGIT.get(tail, 0) if tail else 0)
    return int("".join(str(_CN_DIGIT[c]) for c in s))


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year if year is not None else 2024, month, day)  # 2024: a leap year allows 2月29日
    except ValueError:
        return False
    return True


def find_dates(text: str) -> list[DateFact]:
    """Calendar dates in ``text`` (Arabic or Chinese numerals, ISO-like forms), valid or not."""
    if "月" not in text and "-" not in text and "/" not in text and "." not in text:
        return []  # every date form needs one of these: skip the cache on most blocks
    return list(_find_dates_cached(text))


def _may_hold_date(text: str) -> bool:
    """False when ``text`` cannot hold a :data:`_DATE` match (a test much cheaper than the full scan).

    A 年月(日) or 月日 date holds 月 and one of 年/日/号; an ISO-like one holds :data:`_ISO_HINT`.
    """
    if "月" in text and ("年" in text or "日" in text or "号" in text):
        return True
    return _ISO_HINT.search(text) is not None


@lru_cache(maxsize=8192)
def _find_dates_cached(text: str) -> tuple[DateFact, ...]:
    if not _may_hold_date(text):
        return ()
    out: list[DateFact] = []
    for m in _DATE.finditer(text):
        try:
            if m.group("y"):
                y, mo = _cn_int(m.group("y")), _cn_int(m.group("m"))
                d = _cn_int(m.group("d")) if m.group("d") else None
            elif m.group("iy"):
                y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            else:
                y, mo, d = None, _cn_int(m.group("sm")), _cn_int(m.group("sd"))
        except (KeyError, ValueError):
            continue
        if y is not None and not 1900 <= y <= 2199:
            continue
        ok = _valid(y, mo, d)
        date = dt.date(y, mo, d) if ok and y is not None and d is not None else None
        out.append(DateFact(y, mo, d, date, ok, m.span()))
    return tuple(out)


def _dated_blocks(doc: Document) -> list[tuple[Block, list[DateFact]]]:
    """The blocks whose normalized text holds a date, with :func:`find_dates` of it (once per document)."""

    def compute() -> list[tuple[Block, list[DateFact]]]:
        found = ((b, find_dates(b.norm)) for b in doc.blocks)
        return [(b, dates) for b, dates in found if dates]

    return memo(doc, "term.dated-blocks", compute)


_QUOTE_TITLE = re.compile(r"报价|询价|价格表|价目表")


def is_contract(doc: Document) -> bool:
    """A Chinese contract or agreement (not a quote): the gate for document-level "missing clause" rules."""
    return memo(doc, "term.is_contract", lambda: _is_contract(doc))


def _is_contract(doc: Document) -> bool:
    if not is_chinese(doc, min_chars=4):
        return False
    if doc.deal is not None and str(doc.deal.get("kind", "")).lower() == "quote":
        return False
    first = next((b.norm.strip() for b in doc.blocks if b.norm.strip()), "")
    if _QUOTE_TITLE.search(first[:20]) and not re.search(r"合同|协议", first[:20]):
        return False
    return bool(re.search(r"合同|协议|契约", doc_text(doc)))


# -- impossible dates --------------------


@rule(
    id="term/impossible-date",
    title="日期不存在",
    title_en="Impossible calendar date",
    severity="error",
    why="“2月30日”“13月”这样的日期在公历中不存在，期限的起止或付款、交货日无法确定，"
    "依民法典第510条、第511条第四项只能按补充协议或交易习惯确定，双方容易各执一词。",
    why_en="A date such as 30 February or a 13th month does not exist: the start or end of a period, "
    "a payment or a delivery day cannot be fixed, so Civil Code "
    "Arts. 510 and 511(4) fill the gap and disputes follow.",
    basis="民法典第200条、第510条、第511条第四项",
    fix="核对并改为真实存在的公历日期，例如“2026年2月28日”。",
    bad=["本合同有效期至2026年2月30日。", "乙方应于2026年13月1日前交货。", "付款日为2025年2月29日。"],
    good=["本合同有效期至2026年2月28日。", "乙方应于2028年2月29日前交货。", "签订日期：    年  月  日"],
)
def impossible_date(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for block, dates in _dated_blocks(doc):
        for d in dates:
            if d.valid:
                continue
            what = block.norm[d.span[0] : d.span[1]]
            yield ctx.report(
                block,
                f"日期“{what}”在公历中不存在（月份应为1–12，日数不超过该月天数），期限无法确定。",
                f"The date '{what}' does not exist (month 1–12, day within the month): "
                "the time cannot be fixed.",
                span=d.span,
            )


# -- start and end --------------------

#: What a term can be of: 合同期限, 服务期间, 租赁期, 有效期…
_TERM_OF = "合同|协议|服务|租赁|履行|合作|供货|供餐|委托|培训|承包|使用|许可|有效"
_TERM_KEY = re.compile(rf"(?:{_TERM_OF})(?:期限|期间|有效期|期)|有效期")
#: Every ``_TERM_KEY`` match holds one of these (合同期限 holds 合同期; 有效期 is 有效 + 期).
_TERM_WORDS = tuple(w + "期" for w in _TERM_OF.split("|"))
_START = re.compile(
    r"(?:自|从)[^，,；;。]{0,30}?(?:起|开始)|(?:自|从)\s*(?:\d{4}|[〇零一二])[^，,；;。]{0,14}?[日号]"
)
_END = re.compile(
    r"(?:至|到)[^，,；;。]{0,30}?(?:止|为止|届满|结束|终止)?|届满|结束之日|履行完毕|终止之日|为期|"
    r"期限为|有效期为|期间为|为\s*\S{0,4}(?:年|个月|日|天)|(?:年|个月|日|天)(?:内|整)|长期有效"
)
_END_ONLY = re.compile(
    r"(?:至|到|截至|截止(?:到|至)?)\s*(?:\d{4}|[〇零一二])[^，,；;。]{0,14}?[日号]\s*(?:止|为止)?"
)


@rule(
    id="term/no-start-or-end",
    scope="document",
    title="期限缺少起点或终点",
    title_en="Term without a start or an end",
    severity="warning",
    why="合同期限（有效期、服务期限、履行期限）只写了起点或只写了终点，期限无法计算，何时届满、"
    "何时可以要求履行或结算都不明确；履行期限是民法典第470条列明的合同一般条款，约定不明的依第511条第四项随时履行。",
    why_en="A term (validity, service or performance period) with only a start or only an end cannot be "
    "computed: when it expires is unclear. Performance time is a customary term (Civil Code Art. 470); "
    "unclear time falls back to Art. 511(4).",
    basis="民法典第470条、第511条第四项",
    fix="写明起止，例如“本合同有效期自2026年1月1日起至2026年12月31日止”，或“服务期限为一年，自合同生效之日起计算”。",
    bad=["本合同有效期自2026年1月1日起。", "服务期限自合同生效之日起算。"],
    good=[
        "本合同有效期自2026年1月1日起至2026年12月31日止。",
        "服务期限为一年，自合同生效之日起计算。",
        "租赁期限自    年  月  日至    年  月  日。",
    ],
)
def no_start_or_end(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc):
        return
    for block, s, e, clause in clauses_naming(doc, _TERM_WORDS):
        key = _TERM_KEY.search(clause)
        if not key or has_blank(clause) or "报价" in clause or re.search(r"生效", clause[key.start() :][:4]):
            continue
        rest = clause[key.start() :]
        start = _START.search(rest)
        if start and not _END.search(rest[start.end() :]) and not _END.search(rest[: start.start()]):
            if re.search(r"生效$|(?:起|开始)生效", rest[start.start() : start.end() + 2]):
                continue  # "自签字之日起生效" states effectiveness, not a term
            yield ctx.report(
                block,
                "期限只写了起点（“自……起”），未写终点或期限长度，何时届满无法确定。",
                "The term has a start ('from …') but no end or length: when it expires is unclear.",
                span=(s, e),
            )
        elif not start and _END_ONLY.search(rest) and not find_dates(rest[: _END_ONLY.search(rest).start()]):
            if re.search(r"履行|期限为|为期|生效", rest):
                continue
            yield ctx.report(
                block,
                "期限只写了终点（“至……止”），未写起算时间。",
                "The term has an end ('until …') but no start.",
                span=(s, e),
            )


@rule(
    id="term/end-before-start",
    title="期限终点早于起点",
    title_en="Term ends before it starts",
    severity="error",
    why="终止日期早于开始日期，期限不成立，通常是年份或月份笔误；期限约定不明依民法典第510条、第511条第四项补充，"
    "双方对实际期限会各执一词。",
    why_en="An end date before the start date is no period at all — usually a typo in the year or month; the "
    "parties will disagree on the real term (Civil Code Arts. 510, 511(4)).",
    basis="民法典第510条、第511条第四项",
    fix="核对起止日期，例如“自2026年1月1日起至2026年12月31日止”。",
    bad=["本合同有效期自2026年12月31日起至2026年1月1日止。", "服务期间：2026年5月1日至2025年4月30日。"],
    good=["本合同有效期自2026年1月1日起至2026年12月31日止。", "服务期间：2026年5月1日至2027年4月30日。"],
)
def end_before_start(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for block, found in _dated_blocks(doc):
        text = block.norm
        dates = [d for d in found if d.date is not None]
        for a, b in itertools.pairwise(dates):
            between = text[a.span[1] : b.span[0]]
            if not re.fullmatch(r"\s*(?:起)?\s*(?:至|到|－|—|-|~|～)\s*", between):
                continue
            assert a.date is not None and b.date is not None
            if b.date < a.date:
                yield ctx.report(
                    block,
                    f"期限终点 {b.date.isoformat()} 早于起点 {a.date.isoformat()}，期限不成立（多为笔误）。",
                    f"The period ends ({b.date.isoformat()}) before it starts ({a.date.isoformat()}).",
                    span=(a.span[0], b.span[1]),
                )


# -- changes --------------------

#: Every ``_CHANGE`` match holds one of these.
_CHANGE_WORDS = ("变更", "修改", "修订", "补充")
_CHANGE = re.compile(
    r"(?:变更|修改|修订|补充)(?:本)?(?:合同|协议)|(?:合同|协议)(?:的)?(?:内容|条款)?(?:的)?(?:任何)?(?:变更|修改|修订)"
    r"|对(?:本)?(?:合同|协议)[^，,。；;]{0,8}(?:变更|修改|修订)"
)
_INFORMAL = re.compile(
    r"口头|电话|电子邮件|(?<!电子)邮件(?!地址)|电邮|e-?mail|微信|短信|即时通讯|QQ", re.IGNORECASE
)
_NEGATE = re.compile(r"不得|不能|不可|不构成|无效|不视为|不产生|不作为|不具有|除外|不以|非经|未经")


@rule(
    id="term/informal-change",
    title="允许口头或电子邮件变更合同",
    title_en="Changes allowed orally or by e-mail alone",
    severity="warning",
    why="允许以口头、电话或单独的电子邮件变更合同，变更内容和是否经授权都难以证明；民法典第543条要求变更须协商一致，"
    "第544条规定变更内容约定不明确的推定为未变更。企业合同标准要求变更仅以书面补充协议或盖章确认为准。",
    why_en="Changes made orally, by phone or by an e-mail alone are hard to prove (content and authority); "
    "Civil Code Art. 543 requires agreement and Art. 544 presumes no change where its content is unclear. "
    "Company standard: changes only by a written supplement or a sealed confirmation.",
    basis="民法典第543条、第544条、第469条",
    fix="改为“本合同的任何变更须经双方签订书面补充协议并签字盖章；口头或电子邮件往来不构成变更”。",
    bad=["双方可以口头方式变更本合同。", "本合同的修改以双方电子邮件确认即可生效。"],
    good=[
        "本合同的变更须签订书面补充协议，口头或电子邮件变更均无效。",
        "对本合同的任何变更均应以双方签字盖章的书面补充协议作出。",
        "任何一方变更联系电话、电子邮箱的，应书面通知对方。",
    ],
)
def informal_change(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=4):
        return
    for block, s, _e, clause in clauses_naming(doc, _CHANGE_WORDS):
        ch = _CHANGE.search(clause)
        how = _INFORMAL.search(clause)
        if not ch or not how or _NEGATE.search(clause):
            continue
        word = how.group(0)
        yield ctx.report(
            block,
            f"合同允许以“{word}”方式变更，变更内容和授权难以证明；应仅以书面补充协议或盖章确认变更。",
            f"The contract may be changed by '{word}': hard to prove; allow changes only by a signed and "
            "sealed written supplement.",
            span=(s + how.start(), s + how.end()),
        )


# -- termination and effectiveness --------------------

_TERMINATION = re.compile(
    r"解除|(?:合同|协议)[^，,。；;]{0,6}终止(?:的)?(?:情形|条件|事由)?|终止(?:本)?(?:合同|协议)"
)
#: Every ``_TERMINATION`` match holds one of these.
_TERMINATION_WORDS = ("解除", "终止")


def _names_termination(text: str) -> bool:
    """True when ``text`` holds a ``_TERMINATION`` match (the regex runs only if 解除 or 终止 occurs)."""
    return any(w in text for w in _TERMINATION_WORDS) and _TERMINATION.search(text) is not None


@rule(
    id="term/no-termination",
    scope="document",
    title="未约定合同解除条件",
    title_en="No termination conditions",
    severity="info",
    why="合同没有约定解除条件时只能依民法典第563条的法定解除事由（不可抗力、预期违约、催告后仍迟延、根本违约），"
    "对方迟延交货或付款时守约方难以及时解约止损。",
    why_en="Without agreed termination grounds only the statutory ones of Civil Code Art. 563 apply (force "
    "majeure, anticipatory repudiation, delay after notice, fundamental breach): a party cannot cut its loss "
    "quickly when the other is late.",
    basis="民法典第562条、第563条、第565条",
    fix="增加解除条款，例如“乙方逾期交货超过30日，经甲方书面催告后15日内仍未交付的，甲方有权书面通知解除本合同”。",
    bad=["本合同一式两份，自双方签字盖章之日起生效。", "甲乙双方经协商一致，订立本合同。"],
    good=[
        "乙方逾期交货超过30日的，甲方有权书面通知解除本合同。",
        "有下列情形之一的，本合同终止：（一）合同期限届满；（二）双方协商一致。",
    ],
)
def no_termination(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc) or _names_termination(doc_text(doc)):
        return
    yield ctx.report(
        None,
        "合同未约定解除条件，只能依民法典第563条的法定事由解除。",
        "No termination conditions: only the statutory grounds of Civil Code Art. 563 apply.",
    )


_EFFECTIVE_WORDS = ("生效", "成立")
_EFFECTIVE = re.compile("|".join(_EFFECTIVE_WORDS))
_SIGNING = re.compile(r"签字|签章|盖章|签名|签署|签订|用印")
_FROM = re.compile(r"自|之日|起")


@rule(
    id="term/no-effectiveness",
    scope="document",
    title="未约定合同生效条件",
    title_en="No effectiveness condition",
    severity="warning",
    why="合同未写明何时生效（如“自双方签字盖章之日起生效”），成立和生效时间要依民法典第490条、第502条推定，"
    "付款、交货等以“合同生效”起算的期限随之不确定。",
    why_en="Without an effectiveness clause (e.g. 'effective when signed and sealed by both parties') "
    "formation and effect must be inferred under Civil Code Arts. 490 and 502, and every period counted from "
    "'effectiveness' becomes uncertain.",
    basis="民法典第490条、第502条",
    fix="写明生效条件，例如“本合同自双方法定代表人或授权代表签字并加盖公章之日起生效”。",
    bad=["甲乙双方经协商一致，订立本合同。", "本合同一式两份，双方各执一份。"],
    good=["本合同自双方签字盖章之日起生效。", "本协议经双方法定代表人签字并加盖公章后生效。"],
)
def no_effectiveness(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_contract(doc):
        return
    if _states_effectiveness(doc):
        return
    yield ctx.report(
        None,
        "合同未约定生效条件（如“自双方签字盖章之日起生效”），生效时间和以生效起算的期限不确定。",
        "No effectiveness clause (e.g. 'effective when signed and sealed'): periods counted from "
        "effectiveness are uncertain.",
    )


def _states_effectiveness(doc: Document) -> bool:
    """True when a clause says when the contract takes effect (生效/成立 with signing or a start)."""
    if not any(w in doc_text(doc) for w in _EFFECTIVE_WORDS):
        return False  # no clause can name 生效/成立 (the clause loop stops early when one does)
    return any(
        _EFFECTIVE.search(clause) and (_SIGNING.search(clause) or _FROM.search(clause))
        for *_, clause in all_clauses(doc)
    )
