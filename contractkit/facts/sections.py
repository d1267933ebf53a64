"""Section headings (第五条 验收, 五、验收, 5. 验收, 5.2 …, （一）…) and assigning blocks to their section."""

from __future__ import annotations

import re
from functools import lru_cache

from contractkit.facts.document import memo_blocks
from contractkit.facts.spans import to_decimal
from contractkit.readers.model import Block

_CN_NUM = "零〇一二两三四五六七八九十百千"
_MAX_TITLE = 25
_MAX_LABEL = 40

# (kind, regex over the stripped text); group "num" is the number, the rest of the text follows.
_ARTICLE = re.compile(rf"第\s*(?P<num>[{_CN_NUM}]+|\d+)\s*(?P<what>条|章|节|部分)")
_CN_ITEM = re.compile(rf"(?P<num>[{_CN_NUM}]+)\s*[、.]")
_DOTTED = re.compile(r"(?P<num>\d{1,3}(?:\.\d{1,3})+)(?![\d%])\.?")
_ARABIC_ITEM = re.compile(r"(?P<num>\d{1,3})\s*(?:[、]|\.(?!\d)|[)）](?!\d))")
_PAREN_ITEM = re.compile(rf"[（(]\s*(?P<num>[{_CN_NUM}]+|\d{{1,3}})\s*[）)]")
_LEAD = re.compile(r"^[#\s*>]+")
_LEAD_CHARS = frozenset("#*>")
_TITLE_END = re.compile(r"[：:。；;，,！!？?]")
#: What a heading can start with (each pattern above begins with one of these or a decimal digit).
_HEAD_START = frozenset("第（(" + _CN_NUM)


_KINDS = {
    "article": _ARTICLE,
    "cn": _CN_ITEM,
    "dotted": _DOTTED,
    "arabic": _ARABIC_ITEM,
    "paren": _PAREN_ITEM,
}
# One pass instead of five: the alternatives in priority order (at one position the first that matches wins,
# as trying them one by one would); each kind's own pattern then gives the groups.
_ANY_KIND = re.compile(
    "|".join(f"(?P<{k}>{rx.pattern.replace('?P<', '?P<_' + k)})" for k, rx in _KINDS.items())
)


_NUM_GROUP = {k: f"_{k}num" for k in _KINDS}
_SPACES = re.compile(r"\s+")


def _match(text: str) -> tuple[str, int, str] | None:
    """(kind, end of the number, number text) of the heading or item ``text`` starts with, else None."""
    m = _ANY_KIND.match(text)
    if m is None:
        return None
    kind = m.lastgroup
    return kind, m.end(), m.group(_NUM_GROUP[kind])


def _heading(text: str) -> tuple[str, str, str] | None:
    """(kind, label, number text) of a heading, or None (at once for text no heading can start)."""
    c = text[:1]
    if c.isspace():
        c = text.lstrip()[:1]
    if not c or not (c in _HEAD_START or c.isdecimal() or c in _LEAD_CHARS):
        return None
    return _heading_cached(text)


@lru_cache(maxsize=8192)
def _heading_cached(text: str) -> tuple[str, str, str] | None:
    s = text.strip()
    if s[:1] in _LEAD_CHARS:
        s = _LEAD.sub("", s).strip()
    if not s or len(s) > 400 or not (s[0] in _HEAD_START or s[0].isdecimal()):
        return None
    found = _match(s)
    if found is None:
        # 9 合同期限与修改9.1 本合同… : a bare number heads a title only with its first clause glued on
        bare = _BARE_NUMBER.match(s)
        if bare is None:
            return None
        if _glued_title(s[bare.end() :], bare.group("num")) is None:
            if not _BARE_TITLE.match(s[bare.end() :]):
                return None
            # 9 合同期限与修改 alone on its line: a heading when its clause 9.1 follows (see headings())
            return "bare", _SPACES.sub(" ", s)[:_MAX_LABEL], bare.group("num")
        found = ("arabic", bare.end(), bare.group("num"))
    kind, end, num = found
    rest = s[end:]
    glued = _glued_title(rest, num) if kind != "dotted" else None
    if glued is not None:  # 第九条 合同期限9.1 本合同… : the heading's title, then its clause N.1
        number = s[:end].strip()
        label = f"{number} {glued}" if kind in ("article", "arabic") else f"{number}{glued}"
        return kind, _SPACES.sub(" ", label)[:_MAX_LABEL], num
    title = rest.strip()
    cut = _TITLE_END.search(title)
    if cut:
        title = title[: cut.start()].strip()
    elif len(rest.strip()) > _MAX_TITLE:
        title = ""
    if kind == "article":
        if len(title) > _MAX_TITLE:
            title = ""
    elif not title or len(title) > _MAX_TITLE:
        return None  # a numbered sentence, not a heading
    elif kind in ("cn", "arabic", "dotted", "paren") and cut and rest.strip()[cut.start()] in "。；;，,":
        return None  # "1. 甲方应…，…" is body text
    number = s[:end].strip()
    label = f"{number} {title}".strip() if kind in ("article", "dotted", "arabic") else f"{number}{title}"
    label = _SPACES.sub(" ", label)[:_MAX_LABEL]
    return kind, label, num


#: The first clause of a section glued to its heading's title on one line (a PDF): ``9.1`` after the title
#: of heading 9, not an amount (9.1%, 9.1万元) or a period (9.1年).
_GLUED_CLAUSE = re.compile(
    r"(?<![\d.])(?P<num>\d{1,3})\.1(?![\d%.])(?!\s*(?:年|个月|月|日|天|万|元|米|吨|倍|公斤|千克))"
)
_WORDY = re.compile(r"[\u4e00-\u9fffA-Za-z]")
#: A bare number and a space before a title (``9 合同期限与修改``), not before a count (``2 个工作日``).
_BARE_NUMBER = re.compile(r"(?P<num>\d{1,3})\s+(?![个台套件只日天年月周次份项元万吨米%])(?=\S)")


#: The title of a bare-numbered heading standing alone: words only, no number, amount or punctuation.
_BARE_TITLE = re.compile(r"[\u4e00-\u9fff、与及和（）()]{2,15}\s*$")


def _glued_title(rest: str, num: str) -> str | None:
    """The title before the glued first clause of the heading numbered ``num`` (``合同期限`` of
    ``合同期限9.1 本合同…`` under 第九条), or None when ``rest`` is no short title followed by ``num``.1."""
    if ".1" not in rest[: _MAX_TITLE + 8]:
        return None
    m = _GLUED_CLAUSE.search(rest)
    if m is None or m.start() > _MAX_TITLE + 4 or m.group("num") != _number(num):
        return None
    title = rest[: m.start()].strip()
    if not title or len(title) > _MAX_TITLE or _TITLE_END.search(title) or title[0].isdecimal():
        return None
    return title if _WORDY.search(title) else None  # a title has words: ``1 / 1.1 / 1.1.1`` has none


_heading.cache_clear = _heading_cached.cache_clear  # type: ignore[attr-defined]


def heading_of(text: str) -> str | None:
    """The heading label if ``text`` is a clause heading (e.g. "第五条 验收"), else None for body text."""
    h = _heading(text)
    return h[1] if h else None


def _number(num: str) -> str:
    if num.replace(".", "").isdigit():
        return num
    try:
        return str(int(to_decimal(num)))
    except (ValueError, ArithmeticError):
        return num


def section_number(text: str) -> str | None:
    """The number of a heading or numbered item, else None.

    第五条 → "5", 5.2 → "5.2", 五、 → "5", （三） → "3".
    """
    s = _LEAD.sub("", text).strip()
    found = _match(s)
    if found is None:
        return None
    return _number(found[2])


Heading = tuple[str, str, str]


def headings(blocks: list[Block]) -> list[Heading | None]:
    """``(kind, label, number)`` of each block's heading, else None: computed once per list of blocks
    (:func:`assign_sections` hands those it found to the list it returns; the structure facts read them)."""
    return memo_blocks(blocks, "headings", lambda: _in_context([_heading(b.norm) for b in blocks], blocks))


def _in_context(heads: list[Heading | None], blocks: list[Block]) -> list[Heading | None]:
    """``heads`` with each bare-numbered title (``9 合同期限与修改`` alone) made a heading when the next
    non-empty block is its first clause ``9.1``, else dropped (a count or an item row in a table)."""
    if not any(h and h[0] == "bare" for h in heads):
        return heads
    out = list(heads)
    for i, h in enumerate(heads):
        if not h or h[0] != "bare":
            continue
        nxt = next((b.norm.strip() for b in blocks[i + 1 :] if b.norm.strip()), "")
        first = f"{h[2]}.1"
        follows = nxt.startswith(first) and not nxt[len(first) : len(first) + 1].isdigit()
        out[i] = ("arabic", h[1], h[2]) if follows else None
    return out


#: An annex or schedule opening on its line: 附件一 货物清单, 附表三 付款计划, 附录 A, Annex 2, Schedule B.
_ANNEX = re.compile(
    r"^\s*(?P<label>(?:附件|附表|附录|附錄)\s*[一二三四五六七八九十\dA-Za-z]{1,3}(?![\d条款项])"
    r"|(?:Annex|Schedule|Appendix)\s+[\dA-Z]{1,3}\b)"
    r"(?P<title>[\s:：、.．]*[《“\"]?[\u4e00-\u9fffA-Za-z]{0,16}[》”\"]?)"
)
#: A sentence about the annexes (附件一、附件二为本合同不可分割的组成部分), not an annex's heading.
_ANNEX_SENTENCE = re.compile(
    r"为本合同|是本合同|组成部分|不可分割|具有同等|同等法律效力|[、和及与]\s*(?:附件|附表)"
)


def annex_heading(text: str) -> str | None:
    """The label of an annex's heading line (``附表三 付款计划``), else None (also for a sentence naming
    annexes: 附件一、附件二为本合同的组成部分)."""
    m = _ANNEX.match(text)
    if m is None or _ANNEX_SENTENCE.search(text[:80]):
        return None
    return _SPACES.sub(" ", (m.group("label") + m.group("title")).strip())[:_MAX_LABEL]


def assign_sections(blocks: list[Block]) -> list[Block]:
    """New blocks with ``section`` = the nearest preceding top-level heading (第X条, else X、, else N.).

    Numbered items (5.2, （一）) and lower-level lists inherit the section they sit in. Sections the reader
    already gave (Word automatic numbering, whose 第X条 is not in the text) are kept unless the text itself
    is numbered 第X条.
    """
    heads = _in_context([_heading(b.norm) for b in blocks], blocks)
    kinds = {h[0] for h in heads if h}
    top = next((k for k in ("article", "cn", "arabic") if k in kinds), None)
    if top != "article" and any(b.section for b in blocks):
        given = list(blocks)  # sections given by the reader (Word automatic numbering) or assigned before
        memo_blocks(given, "headings", lambda: heads)
        return given
    current: str | None = None
    out: list[Block] = []
    for block, h in zip(blocks, heads, strict=True):
        if h and h[0] == top:
            current = h[1]
        elif top is None and block.kind == "heading" and block.norm.strip():
            current = block.norm.strip()[:_MAX_LABEL]
        elif block.location.table is None and (annex := annex_heading(block.norm)) is not None:
            current = annex  # 附表三 付款计划: the annexes after the last article are sections of their own
        if block.section == current:
            out.append(block)
        else:
            b = block
            out.append(Block(b.text, b.norm, b.location, b.kind, current, b.style, b.confidence, b.words))
    memo_blocks(out, "headings", lambda: heads)  # the same texts: the same headings
    return out
