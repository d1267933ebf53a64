"""Term facts: calendar dates (valid or not), the contract's periods (start, end, length), when it takes
effect, how it may be changed, and on what grounds it may be terminated — each with where it was read.

- A period is read wherever a term key (合同期限, 有效期, 履行期限, 经销期限 …) or ``本合同自…至…`` stands:
  its start (a date, or an event: 自合同生效之日起), its end (a date, or an event: 至双方义务履行完毕之日止)
  and its length (有效期一年). A period with an end but no start of its own starts when the contract takes
  effect, if the contract says when that is (``start_event="生效"``, ``start_implied``).
- A change clause names the contract's change (变更/修改/补充/修订 本合同) and the channels it allows or
  excludes; a channel in a negated part (任何口头约定对双方均无约束力, 电子邮件不构成变更) is excluded.
- A termination ground is a right or condition to end the contract (有权解除本合同, 有下列情形之一的，
  本合同终止); consequences of an ending (合同解除不影响…, 本合同终止后两年) are not grounds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from contractkit.contract.model import Where
from contractkit.facts.document import block_indices_naming
from contractkit.facts.durations import Duration, find_durations
from contractkit.facts.sentences import clause_spans
from contractkit.numerals import parse_cn_int

if TYPE_CHECKING:
    from contractkit.contract.model import Contract
    from contractkit.readers.model import Block, Document

Channel = Literal["oral", "phone", "email", "wechat", "sms", "im", "fax", "written"]
Ground = Literal["delay", "breach", "force-majeure", "agreement", "insolvency", "expiry", "other"]

# -- dates --------------------

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGIT.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN = "〇零○O一二两三四五六七八九十"
#: 2026年2月30日 / 二〇二六年二月三十日 / 民国115年1月1日 / 2026-02-30 / 2026/2/30 / 2026.02.30; a month/day
#: without a year.
DATE_PATTERN = (
    rf"(?:中华)?民国\s*(?P<ry>\d{{2,3}}|[{_CN}百]{{2,6}})\s*年\s*(?P<rm>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"(?:\s*(?P<rd>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号])?"
    rf"|(?<![\d{_CN}])(?P<y>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"(?:\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号])?"
    r"|(?<![\d.\-/])(?P<iy>(?:19|20|21)\d\d)(?P<sep>[-/.])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?![\d.\-/])"
    rf"|(?<![\d{_CN}年第每个.\-/])(?P<sm>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?P<sd>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
)
#: (Each pattern ``X`` built from an ``X_PATTERN`` opens with a lookahead of the first characters of all its
#: branches, so the engine skips every other position at once — DATE six times faster on the real-text
#: benchmark; ``tests/test_contract_term.py`` checks that it matches exactly what the bare pattern matches.)
DATE = re.compile(rf"(?=[中民\d{_CN}])(?:{DATE_PATTERN})")
#: Every date holds one of these: 月 (a Chinese date) or the century of an ISO-like date's year.
_DATE_WORDS = ("月", "19", "20", "21")
#: What every ISO-like date (2026-02-30, 2026/2/30, 2026.02.30) holds: a year, separator, digits, separator.
_ISO_HINT = re.compile(r"[12]\d{3}[-/.]\d{1,2}[-/.]\d")


@dataclass(frozen=True, slots=True)
class DateFact:
    """A written calendar date: its parts, the date (None when impossible) and ``span`` in the text."""

    year: int | None
    month: int
    day: int | None
    date: dt.date | None
    valid: bool
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class DateAt:
    """A :class:`DateFact` and the block it was read in."""

    fact: DateFact
    where: Where


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


def may_hold_date(text: str) -> bool:
    """False when ``text`` cannot hold a :data:`DATE` match (a test much cheaper than the full scan).

    A 年月(日) or 月日 date holds 月 and one of 年/日/号; an ISO-like one holds :data:`_ISO_HINT`.
    """
    if "月" in text and ("年" in text or "日" in text or "号" in text):
        return True
    return _ISO_HINT.search(text) is not None


def find_dates(text: str) -> list[DateFact]:
    """Calendar dates in ``text`` (Arabic or Chinese numerals, ISO-like forms), valid or not."""
    if "月" not in text and "-" not in text and "/" not in text and "." not in text:
        return []  # every date form needs one of these: skip the cache on most blocks
    return list(_find_dates_cached(text))


@lru_cache(maxsize=8192)
def _find_dates_cached(text: str) -> tuple[DateFact, ...]:
    if not may_hold_date(text):
        return ()
    out: list[DateFact] = []
    for m in DATE.finditer(text):
        try:
            if m.group("ry"):  # 民国115年 (Taiwan) = 2026
                ry = m.group("ry")
                y = (int(ry) if ry.isdigit() else parse_cn_int(ry)) + 1911
                mo = _cn_int(m.group("rm"))
                d = _cn_int(m.group("rd")) if m.group("rd") else None
            elif m.group("y"):
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
    if "-" in text or "~" in text or "～" in text or "至" in text:
        taken = [f.span for f in out]
        for m in _ISO_RANGE.finditer(text):
            for g in ("a", "b"):
                span = m.span(g)
                if any(a <= span[0] < b for a, b in taken):
                    continue
                y, mo, d = (int(x) for x in re.split(r"[./-]", m.group(g)))
                ok = _valid(y, mo, d)
                out.append(DateFact(y, mo, d, dt.date(y, mo, d) if ok else None, ok, span))
        out.sort(key=lambda f: f.span)
    return tuple(out)


#: 2026.1.1-2026.12.31 / 2026/01/01～2026/12/31: two ISO-like dates joined by a dash, which the single-date
#: pattern refuses (a dash next to digits is usually a serial or phone number).
_ISO_RANGE = re.compile(
    r"(?<![\d.\-/])(?P<a>(?:19|20|21)\d\d([./-])\d{1,2}\2\d{1,2})\s*(?:-|—|~|～|至|到)\s*"
    r"(?P<b>(?:19|20|21)\d\d([./-])\d{1,2}\4\d{1,2})(?![\d./])"
)


# -- periods --------------------

#: What a term can be of: 合同期限, 服务期间, 租赁期, 有效期, 经销期限…
TERM_OF = (
    "合同|协议|合约|服务|租赁|履行|执行|合作|供货|供餐|委托|培训|承包|许可|有效|经销|代理|授权|框架|采购"
    # 租期36个月，自…起至…止 (a lease's term; 免租期 / 起租期 are other periods, see _OTHER_PERIOD)
    "|租"
)
_TERM_SUFFIX = "(?:期限|期间|有效期|期|的(?:期限|期间|有效期))"
#: ``(?:本)?(?:合同|…)(?:期限|…)|有效期`` written as one flat alternation of words that each start with a
#: literal character, so the engine scans for their first characters (four times faster than the nested form).
TERM_KEY = re.compile(
    "|".join(f"本{w}{_TERM_SUFFIX}" for w in TERM_OF.split("|"))
    + "|"
    + "|".join(f"{w}{_TERM_SUFFIX}" for w in TERM_OF.split("|"))
    + "|有效期"
)
#: Every ``TERM_KEY`` match holds one of these (合同期限 holds 合同期, 合同的期限 合同的期; 有效期: 有效期).
TERM_WORDS = tuple(w + "期" for w in TERM_OF.split("|")) + tuple(w + "的期" for w in TERM_OF.split("|"))
#: Periods that are not the contract's own term.
_OTHER_PERIOD = re.compile(
    r"(?:质保|保修|质量保证|保证|保密|付款|交货|交付|验收|异议|检验|报价|试用|试运行|维保|产品|剩余|保质|证书|免|减"
    r"|许可证|注册证|执照|药品|货物|证件|资质|批文|电池|标签|发票|承兑|汇票|授权书|委托书|保函)[^,，。;；]{0,3}$"
)
#: A security or document named just before a bare 有效期 after a comma (提交银行履约保函，有效期至终验收
#: 合格之日后30日): the validity of that instrument, not the contract's term.
_INSTRUMENT_BEFORE = re.compile(
    r"(?:保函|保证金|信用证|担保函|担保书|保险单|保单|授权书|委托书|汇票|证书|许可证|执照|报价单?|报价函)"
    r"[^,，。;；]{0,12}[,，]\s*$"
)
#: ``本合同自2026年1月1日起至2026年12月31日止``: a period without a term key.
_CONTRACT_SPAN = re.compile(r"(?:本|该|这份|此|这个)(?:合同|协议|合约|契约)[^,，。;；]{0,6}?(?:自|从)")
#: (Possessive ``\s*+``: a blank template's runs of spaces, 自     年   月   日起, cost no backtracking.)
_START_AT = re.compile(
    r"(?:自|从|起始(?:日|时间)?为?)\s*+(?P<what>[^,，。;；]{1,30}?)\s*+(?:(?:之日|当日|次日|后)\s*+)?(?:起|开始)"
)
#: A start without 自/从 (两边签字盖章那天起算数, 双方盖章之日起生效): the signing or effectiveness event.
_START_BARE = re.compile(
    r"(?P<what>(?:双方|各方|两边|两方)?[^,，。;；]{0,6}?(?:签字|签章|盖章|签署|签订|生效))\s*"
    r"(?:那天|当天|之日|当日|日|后)\s*(?:起|开始)"
)
#: A term labelled by a bare 期限 (八、期限：自双方签章之日起生效，至…止 / 期限与生效：…): the contract's.
#: A PDF line may glue the heading to its clause (8. 期限合同自双方签字盖章之日起生效，到…为止): a numbered
#: 期限 right before the contract named or the start (自/从) is that label too.
_BARE_TERM_LABEL = re.compile(
    r"^\W{0,2}(?:第\s*\S{1,4}\s*条|[一二三四五六七八九十]+[、.．]|\d{1,2}(?:\.\d{1,2})*[.、．]?)?\s*"
    r"(?:生效(?:与|和|及)?)?(?:期限|期间)(?:(?:与|和|及)(?:生效|终止|解除))?\s*[:：]"
    r"|^\W{0,2}(?:第\s*\S{1,4}\s*条|[一二三四五六七八九十]+[、.．]|\d{1,2}(?:\.\d{1,2})*[.、．])\s*"
    r"(?:合同|协议|合约)?(?:期限|期间)(?:(?:与|和|及)(?:生效|终止|解除))?\s*"
    r"(?=(?:本|该)?(?:合同|协议|合约)(?!期|有效|编号|价|款|金额)|(?:自|从)(?!行|动|负|理|己|愿))"
)
_START_DATE_TO = re.compile(r"(?P<what>[^,，。;；:：]{4,20}?)\s*(?:起)?\s*(?:至|到|－|—|-|~|～)")
_END_AT = re.compile(
    r"(?:至|到|截至|截止(?:到|至|于)?|直至)\s*+(?P<what>[^,，。;；]{1,30}?)\s*+(?:(?:之日|当日)\s*+)?"
    r"(?:止|为止|届满|结束|终止|失效)"
    r"|(?:至|到|截至|截止(?:到|至|于)?)\s*+(?P<date>(?:\d{4}|[〇零一二])[^,，。;；]{0,14}?(?:[日号]|年底|年末))"
)
#: ``至2027年底`` / ``到二〇二七年末``: the year's last day.
_YEAR_END_IN = re.compile(r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:年)?(?:底|末)")
#: An end written without 至/到: 2028年12月31日到期 / 于2027年12月31日终止 / 失效日期为2028年3月31日 /
#: 2027年年底前有效.
_DATE_END = re.compile(
    r"(?P<date>(?:\d{4}|[〇零一二])[^,，。;；至到]{0,14}?(?:[日号]|年底|年末))\s*(?:之日)?\s*"
    r"(?:前有效|以前有效|之前有效|到期|终止|失效|届满|期满|结束)"
    r"|(?:失效|到期|终止|届满|期满|截止)(?:日期|日|时间)\s*(?:为|是|:|：)?\s*"
    r"(?P<date2>(?:\d{4}|[〇零一二])[^,，。;；]{0,14}?[日号])"
)
#: The effectiveness named before the term key: 本合同生效后，有效期至…
_START_BEFORE_KEY = re.compile(r"(?:生效|签订|签署|签字|盖章|签章)(?:之日|当日)?(?:后|起|以后)\s*[,，]?\s*$")
#: What a warranty-like period is called (质保期, 保固期, 三包期…): the term may end when it expires.
_WARRANTY_OF = "质保|保修|质量保证|质量担保|保证|维保|维护|服务|缺陷责任|保质|售后|保固|三包|包修|保用"
_END_EVENT = re.compile(
    rf"(?:履行完毕|义务履行完毕|全部履行完|(?:{_WARRANTY_OF})[^,，。;；]{{0,4}}?期(?:限|间)?"
    rf"(?:满|届满|结束|到期)|(?:{_WARRANTY_OF})[^,，。;；]{{0,2}}?(?:到期|期满|届满|结束)"
    r"|(?:货款|尾款|全款|价款|余款|款项)(?:全部)?(?:付清|结清|付完|给清|交清|两清|付讫|支付完毕|结算完毕)"
    r"|(?:付清|结清|付完|给清|交清)(?:全部)?[^,，。;；]{0,4}?(?:货款|尾款|全款|价款|余款|款项)|清偿完毕|终验合格)"
)
#: ``至…之日止`` with no date: the end is an event, whatever it is (至最后一批货物验收合格之日止).
_EVENT_END = re.compile(r"(?:之日|当日|那天|当天|这天|那一天)\s*(?:止|为止|结束|终止|失效|届满)$")
#: A remark in brackets inside an end event (至质保期（LED灯具除外）届满之日终止): read without it.
_REMARK = re.compile(r"[（(][^（）()]{0,24}[)）]")
#: What an end ``至…终止`` without a date names when it is an event: a payment, a completion, an expiry, an
#: acceptance (至质保金付清之日终止, read even when OCR spoils 之日: 至质保金付请之只终止).
_EVENT_VERB = re.compile(r"付|清|结算|满|完|毕|验收|交付|交货|履行|到期|届|合格|解除|撤销")
#: ``至 <event> (之日) 止|终止|失效|结束`` in a clause without a term key (本合同自…生效，至质保金付清
#: 之日终止).
_EVENT_UNTIL = re.compile(
    r"(?:至|到|直至)\s*(?P<what>[^,，。;；\d]{2,24}?)\s*(?:之日|当日|那天|当天)?\s*(?:止|为止|终止|结束|失效)"
)


def _ends_at_event(end: str, what: str) -> bool:
    """Whether the end ``end`` (至…止) names an event (至质保期届满之日止, 至最后一批货物验收合格之日止,
    至质保金付清之日终止), a remark in brackets left out; a date is not an event."""
    bare = _REMARK.sub("", end) if "(" in end or "（" in end else end
    if _END_EVENT.search(bare) or _EVENT_END.search(bare):
        return True
    return (
        not any(c.isdigit() for c in what)
        and bare.endswith(("止", "终止", "失效"))
        and _EVENT_VERB.search(what) is not None
    )


#: A long-stop date after an event end: 且最迟不晚于…, 但最长不超过…, 最晚至….
_LONG_STOP = re.compile(
    r"(?:最迟|最晚|不晚于|不迟于|最长不超过|但不超过|最长至)\s*(?:不晚于|不迟于|至|到|于)?\s*"
)


#: What may stand between an end event and its long-stop date: ``，但`` / ``，且`` / ``（``.
_STOP_GAP = re.compile(
    r"\s*(?:之日|当日)?\s*(?:止|终止|为止|届满|结束)?\s*[,，(（]?\s*(?:但|且|并且|并|同时)?\s*"
)


def _long_stop(text: str, at: int) -> dt.date | None:
    """The long-stop date right after ``at`` (…履行完毕之日终止，最迟于2028年12月31日终止 / 但最迟
    不晚于…), or None."""
    gap = _STOP_GAP.match(text, at)
    lm = _LONG_STOP.match(text, gap.end() if gap else at)
    if lm is None:
        return None  # 至履行完毕之日终止，乙方最迟于3月1日交货: a deadline of something else
    d = _date_in(text, lm.end(), lm.end() + 4)
    return d.date if d is not None else None


def _names_contract(t: str) -> bool:
    """True when ``t`` names a contract (cheap gate before the period patterns)."""
    return "合同" in t or "协议" in t or "合约" in t or "契约" in t or "确认书" in t or "订单" in t


_DATE_DASH = re.compile(r"\s*(?:起)?\s*(?:-|—|－|~|～)\s*")
#: An article number before a bare 合同 opening a clause (第七条 合同自签字盖章之日起生效 / 7. 合同… /
#: 八、协议…).
_ARTICLE_NO = (
    r"(?:第\s*[一二三四五六七八九十百\d]+\s*条|[一二三四五六七八九十]+\s*[、.．]"
    r"|\d{1,2}(?:\.\d{1,2})*\s*[.、．]?)?\s*"
)
#: 本合同, 这份协议 — or a bare 合同/协议 opening the clause (colloquial: 合同签了就生效，管到2027年底).
_CONTRACT_WORD = re.compile(
    r"(?:本|该|这份|此|这个)(?:合同|协议|合约|契约|确认书|订单)"
    rf"|^\W{{0,4}}{_ARTICLE_NO}(?:合同|协议|合约)(?!期|有效|编号|号|价|款|金额|总价|附件)"
    # 两家签字盖章这天起协议就算数: the contract named after the start
    r"|(?<=[起后])\s*[,，]?\s*(?:合同|协议|合约)(?=就|即|便|才|开始|生效|算数|作数)"
)
#: What a clause with a period but no term key holds (本合同自…至…, 长期有效, 履行完毕后终止): the contract
#: named (本合同, a bare 合同 opening a sentence, …起协议就算数) and, later in its sentence, one of these
#: words (found lazily, behind a lookahead of their first characters). Split in two for speed: the opening
#: of the text (:data:`_PERIOD_HINT_OPENING`, matched) and anywhere (:data:`_PERIOD_HINT`, with a lookahead).
_PERIOD_END_WORD = (
    r"[^。;；]*?(?=[至到长无续履全付结完有为届期失终])"
    r"(?:至|到|长期|无固定|续|履行完|全部履行|付清|结清|完成|完毕|有效|为限|届满|期满|失效|终止)"
)
_PERIOD_HINT = re.compile(
    r"(?=[本该这此。;；起后])(?:(?:本|该|这份|此|这个)(?:合同|协议|合约|契约|确认书|订单)|[。;；]\W{0,4}(?:合同|协议|合约)"
    r"|[起后]\s*[,，]?\s*(?:合同|协议|合约)(?=就|即|便|才|开始|生效|算数|作数))" + _PERIOD_END_WORD
)
_PERIOD_HINT_OPENING = re.compile(rf"\W{{0,4}}{_ARTICLE_NO}(?:合同|协议|合约)" + _PERIOD_END_WORD)
#: Every period holds one of these: 期 of a term key, or a word of ``_PERIOD_HINT``.
_PERIOD_WORDS = (
    "期",
    "至",
    "到",
    "无固定",
    "续",
    "履行",
    "付清",
    "结清",
    "完成",
    "完毕",
    "有效",
    "为限",
    "届满",
    "失效",
    "终止",
    "答",  # not a period word: an answer (答：…) may be read as ``合同期限：answer`` (one scan for both)
    # nor these: a heading asking for the term (八、这个协议管多长时间) is read with the paragraph under it
    "多长",
    "多久",
    "什么时候",
)
#: 本合同在双方权利义务履行完毕后自动终止: a term that ends with performance.
#: How a contract's end is said: 终止, 失效, 结束, 失其效力 (繁體 drafting: 於…履行完畢後失其效力), 完结.
_ENDS_WORDS = "终止|失效|解除|结束|失其效力|失去效力|效力终止|不再有效|完结"
_ENDS_VERB = f"(?:{_ENDS_WORDS})"
_END_SENTENCE = re.compile(
    r"(?:本|该|这份|这个|此)(?:合同|协议|合约|契约|订单|确认书)[^。;；]{0,24}?(?P<event>(?:权利)?义务(?:全部)?履行完毕|履行完毕|全部履行完"
    r"|履行完(?:毕|成)?[^。;；]{0,8}?义务|义务[^。;；]{0,4}?履行完(?:毕|成)?"
    r"|(?:交货|交付|付款|验收|结算|货款支付)[^。;；]{0,10}?(?:完成|完毕|结束)|完成[^。;；]{0,10}?(?:交货|交付|付款|义务)"
    rf"|(?:{_WARRANTY_OF})期[^。;；]{{0,4}}?(?:满|届满|结束|到期)|货款(?:全部)?(?:付清|结清)|(?:付清|结清)(?:全部)?货款"
    # 双方义务全部履行后本合同自行终止 / 货款两清后合同终止: performance without 完毕, payment in plain words
    r"|义务(?:全部|均已|已)?履行(?=后|之后|以后|之日|时)|(?:货款|款项|价款)(?:全部)?(?:两清|付讫|支付完毕))"
    # (这份合同…保修期满就结束: 结束 in plain words)
    r"[^。;；]{0,8}?(?:后|之日|时)?(?:自动|自行|即告|即|自然|随即|就|便)?" + _ENDS_VERB +
    # 本合同在双方履行完毕全部权利义务之前持续有效: in force until performance
    r"|(?:本|该|这份|这个|此)(?:合同|协议|合约|契约|订单|确认书)[^。;；]{0,24}?(?P<until>履行完毕|全部履行|履行完)[^。;；]{0,12}?"
    r"(?:之前|前|以前|为止)\s*(?:持续|一直|始终|继续|均)?有效"
    # 本协议持续有效至双方在本协议项下的所有义务均已履行完毕之时: in force up to performance
    r"|(?:本|该|这份|这个|此)(?:合同|协议|合约|契约|订单|确认书)[^。;；]{0,24}?有效(?:期)?\s*(?:至|到|直至|直到)"
    r"[^。;；]{0,30}?(?P<valid_until>履行完毕|全部履行|履行完|付清|结清)"
)
#: 货款两清后合同终止 / 双方义务全部履行后本合同自行终止: the event first, the contract named after it.
_EVENT_THEN_END = re.compile(
    r"(?P<event>(?:权利)?义务(?:全部|均已|已)?履行(?:完毕|完成|完)?|履行完毕|全部履行完毕?"
    r"|(?:货款|款项|价款|全款|尾款|余款|钱)(?:全部|都)?(?:付清|结清|两清|付讫|支付完毕|结算完毕|付完|给清|给完)"
    # 保修到期后合同就结束 / 质保期满后本合同自动终止 / 保修期过了: the warranty's end
    rf"|(?:{_WARRANTY_OF})[^。;；,，]{{0,4}}?(?:期满|到期|届满|结束|过了|过去))"
    r"[^。;；]{0,6}?(?:(?:后|之后|以后|之日|时)\s*[,，]?|\s*[,，])\s*(?:本|该|这份|这个|这|此)?(?:合同|协议|合约|契约|订单|确认书)"
    r"(?:即|自动|自行|即告|随即|自然|就算|就|便|也就|也)?(?:履行完毕|完了|到头|算完|" + _ENDS_WORDS + ")"
)
_LONG_TERM = re.compile(r"长期有效|永久有效|无固定期限|无限期|一直有效|自动续(?:期|延|签)|顺延一年|续展")
#: A term with no end at all (not a fixed term that renews).
_INDEFINITE = re.compile(r"长期有效|永久有效|无固定期限|无限期|一直有效")
_BLANK_DATE = re.compile(
    r"[_＿]{2,}|\s{2,}年|年\s{2,}月|(?:^|[^\d〇零一二三四五六七八九十两])\s*年\s*月\s*日|期限\s+年"
)


@dataclass(frozen=True, slots=True)
class Period:
    """A period of the contract: start and end (a date or an event), length; ``where`` is the clause."""

    key: str
    start: dt.date | None
    start_event: str | None
    start_implied: bool
    end: dt.date | None
    end_event: str | None
    length: Duration | None
    open_ended: bool
    blank: bool
    where: Where
    indefinite: bool = False  # 长期有效 / 永久有效 / 无固定期限: no end at all (no renewal of a fixed term)
    deferred: bool = False  # 有效期限由双方另行协商确定 / 合同期限待定: the term is left to a later agreement

    @property
    def has_start(self) -> bool:
        return self.start is not None or self.start_event is not None

    @property
    def has_end(self) -> bool:
        return (
            self.end is not None or self.end_event is not None or self.length is not None or self.open_ended
        )


@dataclass(frozen=True, slots=True)
class Effectiveness:
    """When the contract takes effect: ``condition`` is what it waits for (签字盖章, 首付款到账 …)."""

    condition: str
    where: Where


@dataclass(frozen=True, slots=True)
class Change:
    """A channel a change clause names for changing the contract, and whether it is allowed."""

    channel: Channel
    word: str
    allowed: bool
    where: Where


@dataclass(frozen=True, slots=True)
class Termination:
    """A ground on which the contract may be terminated."""

    ground: Ground
    where: Where


@dataclass(frozen=True, slots=True)
class TermFacts:
    """Dates, periods, effectiveness, change channels and termination grounds of a document."""

    dates: tuple[DateAt, ...]
    periods: tuple[Period, ...]
    effectiveness: tuple[Effectiveness, ...]
    changes: tuple[Change, ...]
    terminations: tuple[Termination, ...]
    signed: tuple[DateAt, ...] = ()  # the dates the contract was signed (签订日期, a signature line's date)

    @property
    def has_term(self) -> bool:
        """True when some period of the contract has an end, a length or is open-ended (长期有效)."""
        return any(p.has_end for p in self.periods)

    @property
    def ends_with_performance(self) -> bool:
        """True when the contract says it ends with its own performance (至双方义务履行完毕之日止,
        至质保期届满且质保金付清之日终止, 货款两清后合同终止) and no period of it runs by the calendar:
        no end date (nor a long-stop date: 但最迟不晚于2029年6月30日), no length (服务期三年), no open
        end (长期有效), no blank or deferred term. Such a contract lasts as long as the exchange it
        governs."""
        return any(p.end_event not in (None, "date") for p in self.periods) and not any(
            p.end is not None
            or p.end_event == "date"
            or p.length is not None
            or p.open_ended
            or p.blank
            or p.deferred
            for p in self.periods
        )


#: A heading that names the contract's term, its text in the next paragraph: 第三条 委托期限 / 二、服务期.
_TERM_HEADING = re.compile(
    r"^\s*(?:第\s*\S{1,4}\s*条|[一二三四五六七八九十]+[、.]|\d{1,2}(?:\.\d{1,2})*\.?)?\s*"
    r"(?P<key>(?:\S\s?){0,6}?(?:期限|期间|有效期|服务期|租赁期))\s*[:：]?\s*$"
)
_LABEL_CELL = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[:：]?\s*$")
#: A heading that asks for the term, its answer in the next paragraph (八、这个协议管多长时间).
_TERM_QUESTION_HEADING = re.compile(
    r"^\s*(?:第\s*\S{1,4}\s*条|[一二三四五六七八九十]+[、.]|\d{1,2}(?:\.\d{1,2})*\.?)?\s*[^，。；,;:：]{0,6}?"
    r"(?:合同|协议|合约)[^，。；,;:：？?]{0,6}?(?:管多长时间|多长时间|多久|多长|管到什么时候|到什么时候|什么时候到期)"
    r"[？?]?\s*$"
)
#: A contract written as questions and answers: the answer (答：…) to a question about the term
#: (问14：合同管多长时间？, 本协议的期限是多久？, 合同有效期到什么时候?), on the question's line or the next.
_ANSWER = re.compile(r"(?:^\s*|[？?]\s*)答\s*\d*\s*[:：.、]")
_TERM_LABEL = "合同期限："
_TERM_QUESTION = re.compile(
    r"(?:合同|协议|合约)[^？?。]{0,8}?(?:多长时间|多久|多长|期限|期间|有效期|管到|管多长|到什么时候|到哪天"
    r"|什么时候(?:到期|结束|终止|截止)|何时(?:到期|结束|终止|截止))[^？?。]{0,10}[？?]\s*$"
)


#: How every :data:`_TERM_HEADING` match ends (before a colon): 期限, 期间, 有效期, 服务期, 租赁期.
_HEADING_ENDS = ("期限", "期间", "效期", "务期", "赁期")


def _units(doc: Document) -> dict[int, tuple[str, int]]:
    """The blocks not read as they are, ``{block: (text, offset)}``: a table cell after a label cell in the
    same row (合同期限 | 自2026年12月1日起至…) and the paragraph under a heading that names the term (第三条
    委托期限) are read as ``label：value``, ``offset`` being the label's length; an answer to a question about
    the term as ``合同期限：answer``; a page line cut inside a period with the next line. Every other block is
    read as its text (offset 0): see :func:`_unit`."""
    out: dict[int, tuple[str, int]] = {}
    blocks = doc.blocks
    lines: list[int] = []
    for i, b in enumerate(blocks):
        kind = b.kind
        if kind == "line":
            lines.append(i)
        elif kind == "cell" and i and b.location.table is not None:
            loc, pl = b.location, blocks[i - 1].location
            if (pl.table, pl.row) == (loc.table, loc.row) and _LABEL_CELL.match(blocks[i - 1].norm):
                label = blocks[i - 1].norm.strip().rstrip(":：") + "："
                out[i] = (label + b.norm, len(label))
    candidates = block_indices_naming(doc, _PERIOD_WORDS)  # every heading (期) and answer (答) is one
    for h in candidates:
        i = h + 1
        head = blocks[h].norm
        if (
            "期" in head
            and head.rstrip().rstrip(":：").rstrip()[-2:] in _HEADING_ENDS  # cheap, before the pattern
            and i < len(blocks)
            and i not in out
            and blocks[i].location.table is None
            and (hm := _TERM_HEADING.match(head))
        ):
            label = re.sub(r"\s+", "", hm.group("key")) + "："  # 第三条 委托期限 / 自  年 月 日至…
            out[i] = (label + blocks[i].norm, len(label))
    for h in candidates:
        i = h + 1
        head = blocks[h].norm
        if (
            ("多" in head or "什么时候" in head)
            and i < len(blocks)
            and i not in out
            and blocks[i].location.table is None
            and _TERM_QUESTION_HEADING.match(head)
        ):
            out[i] = (
                _TERM_LABEL + blocks[i].norm,
                len(_TERM_LABEL),
            )  # 八、这个协议管多长时间 / 从…起，到…为止
    for i in candidates:
        if (
            i not in out
            and "答" in blocks[i].norm
            and (unit := _answer_unit(blocks[i].norm, blocks[i - 1].norm if i else ""))
        ):
            out[i] = (unit, len(_TERM_LABEL))
    for i in lines:
        if i not in out and i + 1 < len(blocks) and _wraps(blocks[i].norm, blocks[i + 1]):
            # a PDF line cut inside the clause (…至 2028 年 / 12 月 31 日。): read it with the next line
            out[i] = (blocks[i].norm + blocks[i + 1].norm, 0)
    return out


def _unit(doc: Document, units: dict[int, tuple[str, int]], i: int) -> tuple[str, int]:
    """What block ``i`` is read as: its special unit, else its text."""
    return units.get(i) or (doc.blocks[i].norm, 0)


def _answer_unit(text: str, previous: str) -> str | None:
    """``合同期限：`` and the answer of ``text`` (its question blanked out, offsets kept) when ``text``
    answers a question about the contract's term, asked before it on its line or on the ``previous`` line."""
    am = _ANSWER.search(text)
    if am is None:
        return None
    asked = text[: am.start() + 1] if am.start() else previous
    if not _TERM_QUESTION.search(asked.rstrip()):
        return None
    cut = am.start() + 1 if am.start() else 0
    return _TERM_LABEL + " " * cut + text[cut:]


_SENTENCE_END = ("。", "；", ";", "!", "！", "?", "？")
_NEW_ITEM = re.compile(
    r"^\s*(?:第\s*\S{1,4}\s*[条章节]|[一二三四五六七八九十]+[、.]|[(（]\s*\S{1,3}\s*[)）]|\d+(?:\.\d+)*[.、](?!\d)"
    # 9.1 本合同自…生效 under its heading 9 合同期限与修改 (not 1.5 倍 / 2.40 元 running on)
    r"|\d{1,2}(?:\.\d{1,2}){1,3}(?![\d.])\s*(?![\s倍元%％万千百个])(?=[\u4e00-\u9fff“\"(（]))"
)


def _wraps(text: str, nxt: Block) -> bool:
    """True when a page line that states a period runs on into the next line of the page (no sentence end,
    not a heading, the next line starts no new item)."""
    t = text.rstrip()
    if nxt.kind != "line" or nxt.location.page is None or not t or t.endswith(_SENTENCE_END):
        return False  # only a page's lines wrap (PDF, OCR); a text file's line ends where it was typed
    return _holds_period(t) and not _NEW_ITEM.match(nxt.norm) and not _TERM_HEADING.match(t)


def _holds_period(t: str) -> bool:
    """Every period holds a term key, or 本合同 with 至/到/长期/履行完毕."""
    if "期" in t and (TERM_KEY.search(t) is not None or _BARE_TERM_LABEL.match(t) is not None):
        return True
    return _names_contract(t) and (
        _PERIOD_HINT_OPENING.match(t) is not None or _PERIOD_HINT.search(t) is not None
    )


def _own(span: tuple[int, int], offset: int) -> tuple[int, int]:
    """A span of a unit's text as a span of its block's text."""
    return (max(0, span[0] - offset), max(0, span[1] - offset))


def _date_in(text: str, lo: int, hi: int) -> DateFact | None:
    for d in find_dates(text):
        if lo <= d.span[0] < hi:
            return d
    return None


def _period(text: str, key: re.Match[str] | None, at: int, block: int, s: int, e: int) -> Period | None:
    """The period a clause states after ``at`` (a term key or ``本合同自``), or None."""
    rest_start = at
    rest = text[rest_start:]
    start_date: dt.date | None = None
    start_event: str | None = None
    end_date: dt.date | None = None
    end_event: str | None = None
    sm = _START_AT.search(rest) or _START_BARE.search(rest)
    em = _END_AT.search(rest)
    if sm:
        d = _date_in(text, rest_start + sm.start("what"), rest_start + sm.end("what"))
        if d is not None:
            start_date = d.date
            start_event = None if d.date else "date"
        else:
            what = sm.group("what")
            # 自双方阖章之日起生效 (盖章 as a scan misread it) / 自买方收到保证金之日起生效: whatever
            # the event, the contract runs from its effectiveness
            effective = re.match(r"\s*(?:生效|发生效力|起效)", rest[sm.end() :]) is not None
            if (
                not re.search(r"生效|签订|签署|签字|签章|盖章|交付|交货|验收|到货|成立|发出", what)
                and not effective
            ):
                sm = None
            else:
                start_event = "生效" if "生效" in what or "成立" in what or effective else what.strip()[-6:]
    if em:
        if em.group("date"):
            d = _date_in(text, rest_start + em.start("date"), rest_start + em.end("date"))
            end_date = d.date if d else None
            end_event = None if (d and d.date) else ("date" if d else None)

        else:
            d = _date_in(text, rest_start + em.start("what"), rest_start + em.end("what"))
            if d is not None:
                end_date = d.date
                end_event = None if d.date else "date"
            elif _ends_at_event(em.group(), em.group("what")):
                end_event = em.group("what").strip()[-10:]
                if _LATER_AGREEMENT.search(end_event):
                    end_event, em = None, None  # 至双方另行约定之日止: the end is left to a later agreement
    if em is None and (dm := _DATE_END.search(rest)) is not None:
        g = "date" if dm.group("date") else "date2"
        d = _date_in(text, rest_start + dm.start(g), rest_start + dm.end(g))
        ym = _YEAR_END_IN.search(dm.group(g))
        if d is not None or ym is not None:
            em = dm
            if d is not None:
                end_date, end_event = d.date, None if d.date else "date"
    if em is not None and end_date is None and (ym := _YEAR_END_IN.search(em.group())):
        end_date, end_event = dt.date(_cn_int(ym.group("y")), 12, 31), None  # 至2027年底 / 到二〇二七年末为止
    if end_date is None and (lm := _LONG_STOP.search(rest)):
        # …至质量保证期届满之日止，且最迟不晚于2030年6月30日: the long-stop date ends the term
        d = _date_in(text, rest_start + lm.end(), rest_start + lm.end() + 4)
        if d is not None and d.date is not None:
            end_date = d.date
            if em is None:
                em = lm
    if sm is None and start_date is None and _START_BEFORE_KEY.search(text, max(0, at - 12), at):
        start_event = "生效"  # 本合同生效后，有效期至2028年6月30日
    if sm is None and em is not None and start_date is None:
        # 合同期限为2026年4月15日至2027年7月31日 / 履行期限：2026年4月30日至2028年6月30日
        dates = [d for d in find_dates(text) if rest_start <= d.span[0] < rest_start + em.start()]
        if dates and not re.search(r"[,，;；]", text[dates[-1].span[1] : rest_start + em.start()]):
            start_date = dates[-1].date
            start_event = None if dates[-1].date else "date"
    if sm is None and em is None:
        # 合同期限：2026.1.1-2026.12.31 — two dates joined by a dash
        dated = find_dates(rest)
        for a, b in itertools.pairwise(dated):
            if _DATE_DASH.fullmatch(rest[a.span[1] : b.span[0]]):
                start_date, end_date = a.date, b.date
                start_event = None if a.date else "date"
                end_event = None if b.date else "date"
                em = _DATE_DASH.search(rest, a.span[1])
                break
    in_dates = [d.span for d in find_dates(rest)]
    lengths = [
        x
        for x in find_durations(rest)
        if x.unit in ("year", "month", "day", "week")
        and x.value > 0
        and not any(a <= x.span[0] < b for a, b in in_dates)
    ]
    length = lengths[0] if lengths else None
    if (
        length is not None
        and re.search(r"(?:之日起|后|内|前)\s*$", rest[max(0, length.span[0] - 6) : length.span[0]])
        and not _VALID_AFTER.match(rest, length.span[1])
        and not _CLAUSE_END.match(rest, length.span[1])
        and not (key is not None and _PHRASE_END.match(rest, length.span[1]))
    ):
        length = None  # 生效之日起30日内交货 is a deadline, not the term (生效之日起一年内有效 is the term)
    open_ended = bool(_LONG_TERM.search(rest))
    indefinite = open_ended and bool(_INDEFINITE.search(rest))
    blank = bool(_BLANK_DATE.search(rest))
    deferred = False
    if not (em or length or open_ended or blank) and key is not None and _LATER_AGREEMENT.search(rest):
        deferred = True  # 有效期自签订之日起至双方另行约定之日止: a start, the end left to a later agreement
    elif not (sm or em or length or open_ended or blank):
        if key is None or not _DEFERRED.match(text, key.end()):
            return None
        deferred = True  # 其有效期限由双方另行协商确定: a term key whose value is left to a later agreement
    return Period(
        key=key.group() if key else "本合同",
        start=start_date,
        start_event=start_event,
        start_implied=False,
        end=end_date,
        end_event=end_event,
        length=length,
        open_ended=open_ended,
        blank=blank,
        where=Where(block, (s, e)),
        indefinite=indefinite,
        deferred=deferred,
    )


#: An end left to a later agreement (至双方另行约定之日止, 届时另行商定).
_LATER_AGREEMENT = re.compile(
    r"^[^,，。;；]*?(?:另行|再行|届时|日后|今后)(?:协商|约定|商定|确定|议定|商议)"
    r"|(?:结束|终止|到期|截止|届满)(?:日期|时间|日)?[^,，。;；]{0,8}?(?:另行|再行|届时|日后|今后)(?:协商|约定|商定|确定|议定)"
)
#: A term key's value left to a later agreement: 由双方另行协商确定 / 另行约定 / 待定 (nothing else follows).
_DEFERRED = re.compile(
    # (有效期至双方另行协商确定: the end itself left open)
    r"\s*+(?:(?:为|是|:|：)\s*+)?(?:(?:由|至|到)[^,，。;；]{0,8}?)?(?:另行|另外|再行|届时|日后|今后|以后|后续)"
    r"(?:协商|约定|商定|确定|议定|商议)[^,，。;；]{0,4}[。;；]?\s*$"
    r"|\s*+(?:(?:为|是|:|：)\s*+)?(?:待定|未定|另定|另议|暂不确定|暂不约定)[。;；]?\s*$"
)


#: After a term key: 合同有效期内 (a reference to the term) / 合同期限届满后 (a consequence of its end).
_WITHIN_TERM = re.compile(r"(?:期限|期间|期)?内")
_TERM_OVER = re.compile(r"\s*(?:届满|期满|满|终止|结束|到期)(?!(?:之?日|日期)?\s*(?:为(?!止)|是|:|：))")


def _periods(doc: Document, units: dict[int, tuple[str, int]]) -> list[Period]:
    out: list[Period] = []
    # a block as it is without a word every period holds has none (one scan of the document)
    for i in sorted({*block_indices_naming(doc, _PERIOD_WORDS), *units}):
        t, offset = _unit(doc, units, i)
        if not _holds_period(t):
            continue  # every period holds a term key, or 本合同 with 至/到/长期/履行完毕
        for s, e in clause_spans(t):
            clause = t[s:e]
            if "期" not in clause and not _names_contract(clause):
                continue  # no term key, and every other period names the contract
            keys = []
            # the text a period without a term key is read in (not an instrument's validity)
            cut = len(clause)
            for km in TERM_KEY.finditer(clause):
                own = km.group().startswith(("合同", "协议", "合约", "本合同", "本协议", "本合约"))
                if not own and _OTHER_PERIOD.search(clause, max(0, km.start() - 5), km.start()):
                    continue  # 报价有效期, 产品剩余有效期, 质保期: not the contract's term
                if km.group() == "有效期" and km.start() > 4 and not _names_contract(clause):
                    continue  # a bare 有效期 mid-sentence is of something else (药品有效期不少于12个月)
                if km.group() == "有效期" and (
                    im := _INSTRUMENT_BEFORE.search(clause, max(0, km.start() - 30), km.start())
                ):
                    # 提交履约保函，有效期至…: the guarantee's validity, its clause from its comma segment on
                    cut = min(
                        cut, max(clause.rfind(",", 0, im.start()), clause.rfind("，", 0, im.start()), 0)
                    )
                    continue
                if _WITHIN_TERM.match(clause[km.end() : km.end() + 3]):
                    continue  # 合同有效期内单价固定: a reference to the term, not the term
                if _TERM_OVER.match(clause[km.end() : km.end() + 7]):
                    continue  # 合同期限届满后…: a consequence
                keys.append(km)
            found: list[Period] = []
            if not keys:
                clause = clause[:cut]
            for n, km in enumerate(keys):
                upto = keys[n + 1].start() if n + 1 < len(keys) else len(clause)
                p = _period(clause[:upto], km, km.start(), i, *_own((s, e), offset))
                if p is not None:
                    found.append(p)
            if (
                not keys
                and _LONG_TERM.search(clause)
                and _CONTRACT_SUBJECT.search(clause)  # 本合同 / 本确认书 / 这份协议 / 本订单
            ):
                where = Where(i, _own((s, e), offset))
                endless = _INDEFINITE.search(clause) is not None
                found.append(
                    Period("本合同", None, None, False, None, None, None, True, False, where, endless)
                )
            elif not keys and (em := _END_SENTENCE.search(clause) or _EVENT_THEN_END.search(clause)):
                end = Where(i, _own((s, e), offset))
                event = em.group("event") or em.groupdict().get("until") or em.groupdict().get("valid_until")
                # 至保修期届满之日终止，但最迟不晚于2029年6月30日: the long-stop date is the calendar end
                stop = _long_stop(clause, em.end())
                found.append(Period("本合同", None, None, False, stop, event, None, False, False, end))
            elif (
                not keys
                and "有效" in clause
                and (vm := _VALID_FOR.search(clause))
                and (lasting := _length_at(clause, vm.end()))
            ):
                # 本协议自生效日起生效，并持续有效三（3）年: the length the contract stays in force
                start = "生效" if "生效" in clause or "成立" in clause else None
                where = Where(i, _own((s, e), offset))
                found.append(Period("本合同", None, start, False, None, None, lasting, False, False, where))
            elif not keys and (lasting := _lasting(clause)) is not None:
                # 本合同自生效之日起一年内有效 / 本协议以三年为限: the length the contract stays in force
                start = "生效" if "生效" in clause or "成立" in clause else None
                where = Where(i, _own((s, e), offset))
                found.append(Period("本合同", None, start, False, None, None, lasting, False, False, where))
            elif not keys:
                # 本合同自…至…止 / 这个协议签字就生效，到2026年12月31日为止 / 八、期限：自…起至…止
                named = _names_contract(clause)  # both contract patterns name one
                cm = (_CONTRACT_SPAN.search(clause) or _CONTRACT_WORD.search(clause) if named else None) or (
                    _BARE_TERM_LABEL.match(clause) if "期" in clause else None
                )
                if cm is None or not (
                    find_dates(clause[cm.start() :])
                    or _END_EVENT.search(clause, cm.start())
                    or _until_event(clause, cm.start())
                    or _YEAR_END_IN.search(clause, cm.start())
                ):
                    continue
                p = _period(clause, None, cm.start(), i, *_own((s, e), offset))
                if p is not None and (p.end or p.end_event):
                    found.append(p)  # 本合同自签字之日起生效 alone is effectiveness, not a period
            if found:
                out.append(max(found, key=_completeness))
    return out


#: A length that ends its clause (有效期自双方签章之日起两年。): the term's length, not a deadline of an act.
_CLAUSE_END = re.compile(r"\s*[。；;!！]?\s*$")
#: A length that ends its phrase after a term key (运维服务期自终验之日起三年，服务费每年…): the term's
#: length; a deadline runs on into its act (自生效之日起30日内交货).
_PHRASE_END = re.compile(r"\s*[,，]")
#: What follows a length that is the term, not a deadline: 自生效之日起一年内有效, …三年为限, …两年届满.
_VALID_AFTER = re.compile(r"\s*(?:内|之内)?\s*(?:有效|为限|届满|期满|为止|止)")
#: ``本协议…持续有效三年`` / ``合同继续有效12个月``: a length the contract stays in force, without a term key.
_VALID_FOR = re.compile(
    r"(?:本|该|这份|此|这个)(?:合同|协议|合约|契约)(?:(?!终止|届满|解除|期满)[^。;；]){0,30}?(?:持续|继续|一直)有效(?:期)?"
    r"(?:为|至)?\s*"
)


_CONTRACT_SUBJECT = re.compile(r"(?:本|该|这份|此|这个)(?:合同|协议|合约|契约|确认书|订单)")


def _until_event(clause: str, at: int) -> bool:
    """Whether ``clause`` after ``at`` ends the contract at an event (至质保金付清之日终止)."""
    m = _EVENT_UNTIL.search(clause, at)
    return m is not None and _ends_at_event(m.group(), m.group("what"))


def _lasting(clause: str) -> Duration | None:
    """The length a clause says the contract itself stays in force (本合同自生效之日起一年内有效,
    本协议以三年为限), not a deadline of something done under it (本合同生效之日起30日内付款)."""
    if "有效" not in clause and "为限" not in clause:
        return None
    cm = _CONTRACT_SUBJECT.search(clause)
    if cm is None:
        return None
    for x in find_durations(clause[cm.end() :]):
        end = cm.end() + x.span[1]
        if x.unit in ("year", "month", "day", "week") and x.value > 0 and _VALID_AFTER.match(clause, end):
            return x
    return None


def _length_at(text: str, at: int) -> Duration | None:
    """The duration (years, months, weeks, days) that starts within two characters of ``at``."""
    for x in find_durations(text[at:]):
        if x.span[0] <= 2 and x.unit in ("year", "month", "day", "week") and x.value > 0:
            return x
    return None


def _completeness(p: Period) -> int:
    """How much a period states: dates count more than events, a start and an end more than either."""
    return (
        (3 if p.start else 1 if p.start_event else 0)
        + (3 if p.end else 1 if p.end_event else 0)
        + (2 if p.length else 0)
        + (1 if p.open_ended else 0)
    )


# -- effectiveness --------------------

#: 生效, and colloquially 算数 / 作数 (这个协议两边签字盖章那天起算数): the contract counts from then.
_EFFECTIVE = re.compile(r"生效|成立|起效|发生效力|(?:算数|作数)(?<!不算数)(?<!没算数)(?<!不作数)(?<!没作数)")
_EFFECT_SUBJECT = re.compile(r"(?:本|该)?(?:合同|协议|合约|契约|订单|确认书)")
_EFFECT_CONDITION = re.compile(
    r"签字|签章|盖章|签名|签署|签订|用印|之日|起|后|时|到账|收到|批准|审批|备案|登记|经[^,，。;；]{1,10}(?:确认|同意)"
    r"|签(?:了|完|好)|盖(?:了|完|好)章"
)
_SIGNED_THEN = re.compile(
    r"(?:双方|各方|两边|两方|两家)[^,，。;；]{0,6}(?:签字|签章|盖章|签名|签署)[^,，。;；]{0,6}"
    r"(?:后|之日|时|那天|当天|这天|就|即)[^,，。;；]{0,6}$"
)
#: A heading glued to its first numbered clause (9 合同期限与修改9.1 本合同…, a PDF line): not the clause.
_GLUED_HEADING = re.compile(
    r"^\s*(?:第\s*\S{1,4}\s*条|[一二三四五六七八九十]+[、.．]|\d{1,2}[.．、]?)\s*[^\d。；;，,:：]{2,20}?\s*"
    r"(?=\d{1,2}[.．]\d{1,2}(?!\d))"
)
#: The condition after the word: 生效日期为双方签字盖章之日 / 生效时间：双方盖章之日.
_EFFECT_DATE_IS = re.compile(
    r"(?:日期|时间|日)\s*(?:为|是|:|：)\s*(?P<cond>[^,，。;；]{0,20}?(?:签字|签章|盖章|签名|签署|签订|用印))"
)
_NOT_CONTRACT_EFFECT = re.compile(r"补充协议|变更|修改|修订|补充|通知|授权|发票|订单确认|担保|保证")


#: Every effectiveness clause holds one of these (生效, 成立, 算数 / 作数).
_EFFECT_WORDS = ("效", "成立", "算数", "作数")
#: The document itself as a supplement or amendment opening its effectiveness clause (本补充协议自…生效).
_OWN_SUPPLEMENT = re.compile(
    rf"^\W{{0,4}}{_ARTICLE_NO}(?:本|该|此)(?:补充|变更|修改|修订|增补)(?:合同|协议|合约|契约|条款)"
)


def _effectiveness(doc: Document, units: dict[int, tuple[str, int]]) -> list[Effectiveness]:
    out: list[Effectiveness] = []
    for i in sorted({*block_indices_naming(doc, _EFFECT_WORDS), *units}):
        t, offset = _unit(doc, units, i)
        if not _EFFECTIVE.search(t):
            continue
        for s, e in clause_spans(t):
            clause = t[s:e]
            # the last one: a 生效 | 双方签字盖章后生效 row reads 生效：双方签字盖章后生效
            m = next(reversed(list(_EFFECTIVE.finditer(clause, max(0, offset - s)))), None)
            if m is None:
                continue
            before = clause[: m.start()]
            glued = _GLUED_HEADING.match(before)  # 9 合同期限与修改9.1 本合同自…生效: the heading is not it
            if glued:
                before = " " * glued.end() + before[glued.end() :]
            labelled = offset and "生效" in t[:offset]
            after = clause[m.end() : m.end() + 4]
            signed = _SIGNED_THEN.search(before)  # 双方签字盖章以后就生效: the contract is meant
            if not (labelled or signed or _EFFECT_SUBJECT.search(before) or _EFFECT_SUBJECT.search(after)):
                continue
            cm = _EFFECT_CONDITION.search(before)
            if cm is None and (dm := _EFFECT_DATE_IS.match(clause, m.end())) is not None:
                before = dm.group("cond")  # 本合同生效日期为双方签字盖章之日: the condition follows
                cm = _EFFECT_CONDITION.search(before)
            if cm is None:
                continue
            sub = before[max(0, before.rfind(",") + 1, before.rfind("，") + 1) :]
            # 本补充协议自双方签字盖章之日起生效: a supplement's own effectiveness (it is the change)
            own = _OWN_SUPPLEMENT.search(sub) is not None
            if not own and (
                _change_in(before)
                or (
                    _NOT_CONTRACT_EFFECT.search(sub)
                    and not re.search(r"(?:本|该)(?:合同|协议|合约|契约)", sub)
                )
            ):
                continue  # 补充协议签字盖章后生效 / 修改经确认后生效: a change, not the effectiveness
            words = re.findall(
                r"签字|签章|盖章|签名|签署|用印|到账|批准|审批|备案|登记|收到|签(?=了|完|好)", before
            )
            condition = "、".join(dict.fromkeys(words)) or before.strip()[-12:]
            out.append(Effectiveness(condition, Where(i, _own((s, e), offset))))
    return out


# -- changes --------------------

#: Every match of :func:`_change_in` holds one of these.
CHANGE_WORDS = ("变更", "修改", "修订", "补充", "更改", "调整", "改", "变动", "增减")
CHANGE_PATTERN = (
    r"(?:变更|修改|修订|补充|更改)(?:或(?:变更|修改|补充|解除))?(?:本|该)?(?:合同|协议|合约|确认书|订单|条款)"
    r"|(?:合同|协议|合约|契约|确认书|订单)(?:的)?(?:内容|条款)?(?:的)?(?:任何)?(?:变更|修改|修订|补充|更改)"
    r"|对(?:本)?(?:合同|协议|合约|契约|确认书|订单)[^,，。;；]{0,8}(?:变更|修改|修订|补充)"
    r"|(?:合同|协议|合约|契约|确认书|订单)(?:条款)?的(?:任何)?(?:修改|变更)|(?:任何)?(?:变更|修改)、补充|(?:需求|范围)变更"
    r"|(?:合同|协议|合约)[^,，。;；]{0,6}?(?:要改|改动|变动|改的|改一)"
    r"|(?:任何|一切|所有)(?:的)?(?:变更|修改|修订|补充)"
    r"|(?:如需|如要|若需|需要|如有|若有)(?:变更|修改|调整|补充|更改)"
    r"|(?:合同|协议|合约|确认书|订单)[^,，。;；]{0,6}?(?:变更|修改|调整|更改)"
    # 要改什么，… / 想改合同里的东西 / 要是变什么: a change in plain words, the contract not named
    r"|(?:要|想|需要|如要|若要|如果要|要是)(?:改|变)(?:动|一下)?(?:什么|啥|合同|协议|东西|内容|条款|的话|的地方)"
)
_CHANGE_ANYWHERE = re.compile(rf"(?=[变修补更合协契确订对任需范一所如若要想])(?:{CHANGE_PATTERN})")
#: A clause that opens with the change itself: 变更须以书面形式作出.
_CHANGE_OPENING = re.compile(r"\W{0,8}(?:变更|修改|补充)(?:须|应|必须|均|需|以)")


def _change_in(text: str) -> re.Match[str] | None:
    """The first mention of a change of the contract in ``text`` (变更本合同, 合同的修改, 变更须…)."""
    m = _CHANGE_ANYWHERE.search(text)
    if m is None or m.start() > 0:
        return _CHANGE_OPENING.match(text) or m
    return m


#: Every match of :func:`_change_in` holds one of :data:`CHANGE_WORDS`; one search, not one ``in`` per word.
_CHANGE_GATE = re.compile("|".join(CHANGE_WORDS))
_CHANNELS: tuple[tuple[Channel, re.Pattern[str]], ...] = (
    ("oral", re.compile(r"口头")),
    ("phone", re.compile(r"电话(?!号码|号)(?:确认|通知|沟通|方式|协商)?")),
    ("email", re.compile(r"电子邮件|电子邮箱|(?<!电子)邮件(?!地址)|电邮|e-?mail", re.IGNORECASE)),
    ("wechat", re.compile(r"微信|WeChat", re.IGNORECASE)),
    ("sms", re.compile(r"短信|短消息")),
    ("im", re.compile(r"即时通讯|QQ|钉钉|企业微信")),
    ("fax", re.compile(r"传真")),
)
#: Every match of a channel of :data:`_CHANNELS` is a match of this one (a cheap test before them).
_ANY_CHANNEL = re.compile("|".join(rx.pattern for _, rx in _CHANNELS), re.IGNORECASE)
_NEGATE = re.compile(
    r"不得|不能|不可|不构成|无效|不视为|不产生|不作为|不具有|不具备|除外|不以|非经|未经|无约束力|不具约束力|"
    # 不发生变更效力 / 没有修改效力 / 不具有变更合同的效力: the channel's agreement is no change
    r"不发生[^,，。;；]{0,6}?效力|没有[^,，。;；]{0,6}?效力|不具(?:有|备)?[^,，。;；]{0,8}?效力|不生效|不予认可|不被视为|均不|不属于|不认可|不接受|以外的|之外的|不算|不作数|不能算|都不行|没用"
)
#: A negated change act: 不构成对本合同的修改, 不视为变更, 均不得变更本合同.
_NEG_CHANGE = re.compile(
    r"(?:不构成|不视为|不作为|不属于|不得|不能|不可|不产生|均不|不予|不再|不作|不因)[^,，。;；]{0,10}?"
    r"(?:变更|修改|修订|补充|更改|调整)"
)
#: A change of a core term (数量, 单价, 交货时间, 批次…) — an operational detail unless a channel makes it
#: effective (交货批次、数量的调整，经双方项目负责人电话或微信确认即可生效).
_CORE_TERM_CHANGE = re.compile(
    r"(?:数量|单价|价格|价款|规格|型号|交货|交付|批次|送货|到货|发货)[^,，。;；]{0,10}?"
    r"(?:调整|变更|更改|修改|变动|增减|变化)"
    r"|(?:调整|变更|更改|修改|变动|增减)[^,，。;；]{0,6}?(?:数量|单价|价格|规格|型号|交货|交付|批次)"
)
#: A core term named before a channel that changes it (订单的数量及交货日期可由…电话…确认变更).
_CORE_TERM = re.compile(r"数量|单价|价格|价款|规格|型号|交货|交付|批次|送货|到货|发货|合同|协议|订单")
#: A channel's confirmation that makes the change itself effective (确认即可生效, 确认为准, 说好就行).
_EFFECTIVE_BY = re.compile(
    r"(?:确认|说好|同意|答复|回复)[^,，。;；]{0,4}?"
    r"(?:即可生效|即生效|后生效|生效|为准|即可|就行|就算数|算数|即按|后即按|后执行|即执行|有效)"
)
#: A change of contact details (变更联系电话、电子邮箱的): not of the contract; a channel used as the means
#: (合同变更可以以电话方式进行, 变更可由双方业务人员电话或微信确认) is no contact detail.
_CONTACT_CHANGE = re.compile(
    r"(?:变更|更改)(?:(?!可|由|经|通过|须|应|以|确认|协商)[^,，。;；]){0,10}(?<![以过用经])"
    r"(?:联系|电话|地址|邮箱|账户|账号|联系人|送达)"
)


#: What follows a channel the contract was formed by (以上述电子邮件往来及本确认函订立): formation, not a
#: change (not 经电子邮件签订的补充协议, a change agreed by email).
_FORMED_BY = re.compile(r"[^,，。;；]{0,20}?(?:订立|成立|签订|缔结)(?!后|之后|以后|的)")


def _subclauses(clause: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[,，:：]", clause):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(clause)))
    return out


#: The written form a change requires, spelt out as including a channel: 书面形式（含…电子邮件） /
#: 书面形式包括….
_WRITING_INCLUDES = re.compile(
    r"(?:须|应|必须|需|应当|均须|均应|只能|仅能?|一律)[^,，。;；]{0,8}?书面(?:形式)?\s*"
    r"(?:[（(](?:含|包括|包含)?[^（）()]*|(?:，|,)?\s*(?:书面形式)?(?:包括|包含|含)[^,，。;；]*)$"
)
#: A change required to be in writing (修改须签订书面补充协议, 变更应以双方签字盖章的书面形式作出).
_WRITTEN_REQUIRED = re.compile(
    r"(?<![无不毋])(?:须|应|必须|需|应当|均须|均应|只能|仅能?|一律)[^,，。;；]{0,14}?(?:书面|签字|盖章|签章)"
)
#: Operational details a contract lets the parties adjust (交货时间, 订单数量, 送货地址), not the contract.
_OPERATIONAL = re.compile(r"交货|送货|发货|到货|数量|批次|时间|日期|地点|地址|联系人|账户|账号|排产|计划")
#: The contract itself as the object of a change (本合同的修改, 合同条款的变更).
_OWN_OBJECT = re.compile(
    r"(?:本|该|此)?(?:合同|协议|合约|契约|确认书)(?:的)?(?:条款|内容)?(?:的)?(?:任何)?(?:变更|修改|修订|补充|更改|调整)"
)


#: A channel that makes the change itself (可由双方业务人员通过电话或微信确认变更 / 经微信协商调整): the
#: change verb follows the channel's confirmation, not a notice (以电话通知) of a change made otherwise.
_CHANNEL_CHANGES = re.compile(
    rf"(?:{'|'.join(rx.pattern for _, rx in _CHANNELS)})[^,，。;；]{{0,8}}?"
    r"(?:确认|协商|商定|沟通|约定|同意)\s*(?:后|一致后?)?\s*(?:即可|即|可|就)?\s*(?:变更|调整|更改|修改|变动)",
    re.IGNORECASE,
)


def _effective_by_channel(clause: str) -> re.Match[str] | None:
    """The change of a core term that a channel's confirmation makes effective (数量的调整经微信确认即可生效,
    订单的数量及交货日期可由双方通过电话或微信确认变更), or None: a notice of rescheduling (交货时间如需调整，
    乙方应以电话通知) changes nothing."""
    if not _ANY_CHANNEL.search(clause):
        return None
    core = _CORE_TERM_CHANGE.search(clause)
    if core is not None and _EFFECTIVE_BY.search(clause, core.end()) is not None:
        return core
    made = _CHANNEL_CHANGES.search(clause)
    if made is not None and _CORE_TERM.search(clause, 0, made.start()):
        return made
    return None


def _changes(doc: Document) -> list[Change]:
    out: list[Change] = []
    for i in block_indices_naming(doc, CHANGE_WORDS):
        t = doc.blocks[i].norm
        if not _change_in(t) and _effective_by_channel(t) is None:
            continue
        for s, e in clause_spans(t):
            clause = t[s:e]
            ch = _change_in(clause) if _CHANGE_GATE.search(clause) else None
            by_channel = _effective_by_channel(clause)
            ch = ch or by_channel
            if ch is None or _CONTACT_CHANGE.search(clause):
                continue
            lo = max(0, ch.start() - 10)
            own = _OWN_OBJECT.search(clause, lo, ch.end())
            if by_channel is None and _OPERATIONAL.search(clause, lo, ch.end()) and not own:
                continue  # 交货时间如需调整，…以电话通知 / 订单数量的调整: an operational detail
            channels = _ANY_CHANNEL.search(clause) is not None  # most change clauses name no channel
            written = channels and _WRITTEN_REQUIRED.search(clause) is not None
            parts = _subclauses(clause) if channels else []
            act_negated = channels and bool(_NEG_CHANGE.search(clause))  # 电子邮件往来不构成对本合同的修改
            for channel, rx in _CHANNELS if channels else ():
                for m in rx.finditer(clause):
                    part = next((p for p in parts if p[0] <= m.start() < p[1]), (0, len(clause)))
                    negated = bool(_NEGATE.search(clause, part[0], part[1]))
                    before = clause[: m.start()]
                    if re.search(
                        r"非经|未经|除[^,，。;；]{0,20}外|仅|只能|只可|须以书面|必须以书面", before
                    ) and (_NEGATE.search(clause, m.end()) or re.search(r"除[^,，。;；]{0,30}外", before)):
                        negated = True
                    # 日常联系可通过微信进行，但对本合同的任何修改须签订书面补充协议: contact, not a change
                    if written and not _CHANGE_GATE.search(clause, part[0], part[1]):
                        negated = True
                    if _FORMED_BY.match(clause, m.end()):
                        continue  # 本合同以上述电子邮件往来及本确认函订立: how it was formed, not changed
                    word = m.group()
                    # 变更须采用书面形式（含指定邮箱往来的电子邮件）: the channel is a kind of the writing
                    in_writing = (
                        _WRITING_INCLUDES.search(clause, max(0, m.start() - 40), m.start()) is not None
                    )
                    allowed = not (negated or act_negated or in_writing)
                    out.append(Change(channel, word, allowed, Where(i, (s + m.start(), s + m.end()))))
            if re.search(r"书面|签字|盖章|签章", clause):
                out.append(Change("written", "书面", True, Where(i, (s, e))))
    return out


# -- termination --------------------

#: Every ``_TERMINATE`` match holds one of these.
_TERMINATION_WORDS = (
    "解除", "终止", "解约", "撤销", "取消", "不再履行", "作废", "不买", "不卖", "不干", "不租", "不订",
    "不做", "拉回", "运回", "收回", "取回", "退货", "退单", "退订", "退车", "退机", "退设备", "拒收", "不要",
    "结束", "退出",
)  # fmt: skip
_TERMINATION_GATE = re.compile("|".join(_TERMINATION_WORDS))
#: A right that ends the deal in plain words (可以退货并要求返还货款, 有权收回货物, 可以退单, 可以不要这批货):
#: a termination when the clause states a delay as its ground.
_ENDS_DEAL = re.compile(
    r"(?:有权|可以|可|均可|得)[^。;；]{0,8}?(?:退货|退单|退订|退车|退机|退设备|拒收|不要[^。;；,，]{0,6}?(?:货|了)|"
    r"不(?:买|卖|租|订|干|做)(?:[（(][^（）()]{0,8}[)）])?[^。;；,，]{0,6}?了|"
    r"(?:收回|取回|拉回|运回)(?:全部)?(?:货物|设备|标的物|产品))"
)
DELAY_GROUND_PATTERN = (
    r"(?:逾期|迟延|延期|延迟|晚|拖)[^。;；]{0,12}?(?:超过|以上)|超过[^。;；]{0,6}(?:日|天|月|周)"
    r"|(?:逾期|迟延|延期|延迟|晚|拖)了?\s*(?:\d+|[一二三四五六七八九十两半]+)\s*(?:个)?(?:日|天|月|周|星期)"
)
_DELAY_GROUND = re.compile(rf"(?=[逾迟延晚拖超])(?:{DELAY_GROUND_PATTERN})")
TERMINATE_PATTERN = (
    r"(?:有权|可以|可|得|均可|方可|即可|有权利)[^。;；]{0,16}?(?:解除|终止|解约)(?:本|该)?(?:合同|协议|合约|契约|确认书|订单)?"
    r"|(?:有权|可以|可|得|均可|方可|即可)[^。;；]{0,16}?(?:撤销|取消|不再履行)(?:本|该)?(?:合同|协议|合约|契约|确认书|订单)"
    # 有权提前结束本合同 / 可以退出本合同 / 可以不再履行剩余交货义务: the end of the deal in other words
    r"|(?:有权|可以|可|得|均可|方可|即可)[^。;；]{0,16}?(?:提前结束|结束|退出)(?:本|该)(?:合同|协议|合约|契约|确认书|订单)"
    r"|(?:有权|可以|可|得|均可|方可|即可)[^。;；]{0,8}?不再履行[^。;；]{0,10}?(?:义务|交货|供货|付款|合同)"
    r"|的[,，][^。;；]{0,16}?(?:本|该)?(?:合同|协议|合约|订单)(?:即|自动|即行)?作废"
    r"|(?:有权|可以|可|均可)[^。;；]{0,8}?(?:不要了|不买了|不卖了|不干了|把[^。;；]{0,8}?(?:拉回|运回|收回|取回))"
    r"|(?:本|该)?(?:合同|协议|合约|契约|确认书|订单)(?:即|自动|自行|随即|立即)?(?:解除|终止)(?!后|的|之日|不影响|或|、|前)"
    r"|(?:解除|终止)(?:本|该)(?:合同|协议|合约|契约|确认书|订单)"
    r"|(?:解除|终止)(?:条件|情形|事由)"
    # 本合同在下列情形下终止 / 本协议因下列原因之一而解除 (not 本合同因任何原因终止的: a consequence)
    r"|(?:本|该)?(?:合同|协议|合约|契约|确认书|订单)(?:在|于|因|遇有|遇|出现|发生)(?:(?!任何|何种)[^。;；]){0,16}?"
    r"(?:情形|情况|原因|事由|事件|条件|之一)[^。;；,，]{0,6}?(?:解除|终止)"
    # 本合同自解除通知到达对方时解除 / 本协议自书面通知送达之日起终止: ended by a party's notice
    r"|(?:本|该)?(?:合同|协议|合约|契约|确认书|订单)(?:即)?自[^。;；]{0,16}?(?:通知|函)[^。;；]{0,12}?"
    r"(?:到达|送达|发出|收到)[^。;；]{0,8}?(?:解除|终止)"
)
_TERMINATE = re.compile(rf"(?=[有可得均方即的本该合协契确订解终])(?:{TERMINATE_PATTERN})")
_CONSEQUENCE = re.compile(
    r"(?:解除|终止)(?:后|的(?:通知|效力|后果)|不影响|之日起|或者终止后|或终止后|、终止后)|终止后"
)
_GROUNDS: tuple[tuple[Ground, re.Pattern[str]], ...] = (
    ("force-majeure", re.compile(r"不可抗力")),
    ("delay", re.compile(r"逾期|迟延|延迟|超过[^,，。;；]{0,6}(?:日|天|月)")),
    ("insolvency", re.compile(r"破产|停业|停止经营|吊销|解散|清算")),
    ("agreement", re.compile(r"协商一致|双方同意")),
    ("expiry", re.compile(r"届满|期满")),
    ("breach", re.compile(r"违约|违反|不合格|不符合|根本|严重")),
)


def _line_wrapped(doc: Document, i: int) -> bool:
    """True when page line ``i`` ends inside a sentence and the next page line goes on with it (…对方可 |
    书面通知解除合同。)."""
    blocks = doc.blocks
    if i + 1 >= len(blocks) or blocks[i].kind not in ("line", "heading"):
        return False
    nxt = blocks[i + 1]
    t = blocks[i].norm.rstrip()
    return (
        nxt.kind == "line"
        and nxt.location.page is not None
        and bool(t)
        and not t.endswith(_SENTENCE_END)
        and not _NEW_ITEM.match(nxt.norm)
    )


def _terminations(doc: Document) -> list[Termination]:
    out: list[Termination] = []
    named = block_indices_naming(doc, _TERMINATION_WORDS)
    wrapped = {i - 1 for i in named if i and _line_wrapped(doc, i - 1)}  # the ground starts a line before
    for i in sorted(set(named) | wrapped):
        own = doc.blocks[i].norm
        t = own + doc.blocks[i + 1].norm if i in wrapped else own
        for s, e in clause_spans(t):
            if s >= len(own):
                break  # the next line's own clauses are read with that line
            clause = t[s:e]
            if _TERMINATION_GATE.search(clause) is None:
                continue  # every match of _TERMINATE or _ENDS_DEAL holds one of the words
            m = _TERMINATE.search(clause)
            while m is not None and _CONSEQUENCE.match(clause, m.end() - 2 if m.end() >= 2 else 0):
                m = _TERMINATE.search(clause, m.end())
            if m is None and _DELAY_GROUND.search(clause):
                m = _ENDS_DEAL.search(clause)  # 卖方逾期交货超过30日的，买方可以退货并要求返还已付货款
            if m is None:
                continue
            barred = _CONSEQUENCE.search(m.group()) or re.search(
                r"不得(?:单方)?(?:擅自)?(?:解除|终止)", clause
            )
            if barred and not re.search(r"有权|可以|可|得", m.group()):
                continue
            ground: Ground = next((g for g, rx in _GROUNDS if rx.search(clause)), "other")
            n = len(own)
            a, z = min(s + m.start(), n), min(s + m.end(), n)
            out.append(Termination(ground, Where(i, (a, z) if a < z else (s, n))))  # kept in its own line
    return out


def _clip(doc: Document, where: Where) -> Where:
    """``where`` within its block (a clause read across a wrapped line ends at the block's end)."""
    n = len(doc.blocks[where.block].norm)
    a, b = where.span
    return where if b <= n else Where(where.block, (min(a, n), n))


#: A label before a signing date: 签订日期：, 签署时间, 日期： on a signature line.
_SIGN_LABEL = re.compile(r"(?:签订|签署|签约|签字|签章|盖章|订立)?(?:日期|时间)\s*[:：]?\s*$")
_SIGN_LABEL_STRONG = re.compile(
    r"(?:签订|签署|签约|签字|签章|订立)(?:日期|时间)\s*[:：]?\s*$|(?:签订|签署|签约)于\s*$"
)
#: Words of a clause, not of a signature line (本合同自双方签字之日起生效，有效期至…).
_CLAUSE_WORDS = re.compile(r"生效|至|止|期|前|后|内|起|应|须|本合同|本协议")
#: A signature line: a party signs or seals there (甲方（盖章）：…, 授权代表签字).
_SIGNATURE_LINE = re.compile(r"盖章|签字|签章|签名|（章）|\(章\)|签署")


def _signed(doc: Document, dates: list[DateAt]) -> list[DateAt]:
    """The dates the contract was signed: after a signing-date label (签订日期：…), or after 日期 on a
    signature line, or alone on a line right after the signature lines (the last dates of a signing page)."""
    out: list[DateAt] = []
    blocks = doc.blocks
    for d in dates:
        if d.fact.date is None:
            continue
        i = d.where.block
        text = blocks[i].norm
        head = text[max(0, d.where.span[0] - 12) : d.where.span[0]]
        if _SIGN_LABEL_STRONG.search(head):
            out.append(d)
        elif _SIGNATURE_LINE.search(text) and (
            _SIGN_LABEL.search(head)
            or (not _CLAUSE_WORDS.search(text) and not text[d.where.span[1] :].strip())
        ):
            out.append(d)  # 买方：…（盖章）  日期：2027年7月12日 / 甲方盖章：…  周建军（签字）  2026年12月5日
        elif (
            i > 0
            and len(text.strip()) <= d.where.span[1] - d.where.span[0] + 4
            and _SIGNATURE_LINE.search(blocks[i - 1].norm)
            and len(blocks[i - 1].norm) <= 80
        ):
            out.append(d)  # 甲方盖章：… / 乙方盖章：… / 2026年12月9日
    return out


def analyse(doc: Document) -> TermFacts:
    """The term facts of a read document."""
    dates: list[DateAt] = []
    blocks = doc.blocks
    for i in block_indices_naming(doc, _DATE_WORDS):  # a date holds 月 or an ISO year (19xx, 20xx, 21xx)
        for d in find_dates(blocks[i].norm):
            dates.append(DateAt(d, Where(i, d.span)))
    units = _units(doc)
    effect = [dataclasses.replace(x, where=_clip(doc, x.where)) for x in _effectiveness(doc, units)]
    periods = [dataclasses.replace(p, where=_clip(doc, p.where)) for p in _periods(doc, units)]
    if effect:
        periods = [
            dataclasses.replace(p, start_event="生效", start_implied=True)
            if not p.has_start and (p.end is not None or p.end_event is not None or p.length is not None)
            else p
            for p in periods
        ]
    return TermFacts(
        tuple(dates),
        tuple(periods),
        tuple(effect),
        tuple(_changes(doc)),
        tuple(_terminations(doc)),
        tuple(_signed(doc, dates)),
    )


def extract(contract: Contract) -> TermFacts:
    """The term facts of ``contract``."""
    return analyse(contract.doc)
