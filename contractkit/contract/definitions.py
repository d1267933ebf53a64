"""Definition entries: the clauses whose job is to say what a term means, told apart from operative clauses.

Read in any of the usual forms: ``1.1.5 “验收期”指自安装完成日次日起的十（10）个工作日；``,
``“合同价格”是指…``, ``本合同所称工作日，是指…``, ``来料检验期：指…``, ``"Acceptance Period" means …`` or
``Acceptance Period: means …`` in bilingual text, the items of a definitions section (``1 定义`` or
``下列用语的含义如下：`` then ``“现场”：厂区…``) and a definitions table (a ``术语 | 含义`` header, or rows
whose second cell starts with 指). An entry ends at the end of its sentence, or at a ``；`` that does not open
the next item of its own list, so the operative clause that may follow it in the same paragraph
(``；买方未在验收期内提出异议的，视为验收合格``) is not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from contractkit.contract.model import Where
from contractkit.facts.document import block_indices_naming

if TYPE_CHECKING:
    from contractkit.readers.model import Document

Form = Literal["quoted", "so-called", "bare", "english", "section", "table"]

_Q_OPEN = '“"「『‘'
_Q_CLOSE = '”"」』’'
_TERM = rf"[{_Q_OPEN}](?P<term>[^{_Q_CLOSE}{_Q_OPEN}\n]{{1,40}})[{_Q_CLOSE}]"
#: 指 as "means", not 指定 / 指示 / 指挥 / 指令 / 指派 / 指标 (指导致… and 指出现… do mean "means").
_MEANS_ZH = r"(?:是指|系指|即指|意指|专指|指(?![定示挥令派标南针望]))"
_MEANS_EN = r"(?:means\b|shall\s+mean\b|refers\s+to\b|shall\s+refer\s+to\b|has\s+the\s+meaning)"
_MEANS = rf"(?:{_MEANS_ZH}|{_MEANS_EN})"
#: The numbering an entry may carry: 1.1.5 / 3. / （二） / 二、 / ① / a)
_NUMBERING = (
    r"(?:\d{1,3}(?:\.\d{1,3})*\.?\s*|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]\s*"
    r"|[一二三四五六七八九十]{1,3}\s*[、.．]\s*|[\u2460-\u2473]\s*|[a-zA-Z]\s*[.)）]\s*)?"
)
#: What may stand before the term at the start of an entry: 本合同中， / 在本协议中， / 除非另有约定，
_LEAD_IN = (
    r"(?:(?:在)?本(?:合同|协议|订单|合约|契约)(?:中|项下|内)?\s*[，,]?\s*"
    r"|除(?:非)?[^，,。；;]{0,16}另有[^，,。；;]{0,10}[，,]\s*|in\s+this\s+(?:contract|agreement)\s*,\s*)*"
)
_PREFIX_OK = re.compile(rf"\s*{_NUMBERING}{_LEAD_IN}", re.IGNORECASE)
#: “验收期”指… / “合同价格”：是指… / "Contract Price" means … / “买方”（the Buyer）指…
_QUOTED = re.compile(
    rf"{_TERM}\s*(?:[(（][^)）]{{0,40}}[)）])?\s*[:：,，]?\s*(?:一词|一语|一词语)?\s*{_MEANS}", re.IGNORECASE
)
#: 本合同所称工作日，是指… / 本协议所称“关联方”是指…
_SO_CALLED = re.compile(
    rf"本(?:合同|协议|订单|合约)(?:中)?所(?:称|指|述)(?:的)?\s*(?:{_TERM}|(?P<bare>[^\s，,。;；:：{_Q_OPEN}]{{2,16}}?))"
    rf"\s*[，,]?\s*(?:{_MEANS_ZH}|即)"
)
#: 来料检验期：指… / 1.3 工作日：是指…
_BARE = re.compile(rf"(?P<term>[^\s:：,，。;；{_Q_OPEN}{_Q_CLOSE}]{{2,16}})\s*[:：]\s*{_MEANS_ZH}")
#: Every ``_BARE`` match holds this.
_COLON_MEANS = re.compile(r"[:：]\s*(?:是|系|即|意|专)?指")
#: Acceptance Period: means … / Working Day means … (English, capitalised term)
_BARE_EN = re.compile(rf"(?P<term>[A-Z][A-Za-z-]*(?:\s+[A-Za-z-]+){{0,5}})\s*[:：]?\s*{_MEANS_EN}")
#: In a definitions section: “现场”：湖北省… / 验收期：自…起十日 / "Site": the …
_SECTION_QUOTED = re.compile(rf"{_TERM}\s*(?:[(（][^)）]{{0,40}}[)）])?\s*[:：,，]?")
_SECTION_BARE = re.compile(rf"(?P<term>[^\s:：,，。;；()（）{_Q_OPEN}{_Q_CLOSE}]{{2,16}})\s*[:：]")
#: The heading of a definitions section (it may be glued to its first item in a PDF line: ``1 定义1.1 …``).
_SECTION_HEAD = re.compile(
    rf"^\s*(?:第[一二三四五六七八九十\d]{{1,3}}条\s*)?{_NUMBERING}"
    r"(?:定义(?:与|和|及)?(?:解释)?|释义|词语定义|用语定义|名词解释|术语(?:和|与|及)定义|词语解释"
    r"|definitions?(?:\s+and\s+interpretation)?|interpretation)"
    r"\s*(?:[:：。.]|$|(?=\d)|(?=[A-Za-z(（\u4e00-\u9fff]{0,3}\s*[/|]))",
    re.IGNORECASE,
)
#: The lead-in of a list of definitions: 下列词语具有如下含义： / the following terms shall have the meanings
_SECTION_INTRO = re.compile(
    r"(?:下列|以下|如下)(?:词语|用语|术语|名词|词汇)[^。]{0,16}(?:含义|意义|定义|解释)"
    r"|following\s+(?:terms|words|expressions)[^.]{0,60}mean",
    re.IGNORECASE,
)
#: A table header naming a definitions table.
_TABLE_HEAD = re.compile(r"^(?:术语|词语|用语|名词|定义|含义|释义|term|definition|meaning)s?$", re.IGNORECASE)
_MEANS_AT = re.compile(rf"\s*{_MEANS}", re.IGNORECASE)
_CELL_MEANS = re.compile(rf"^\s*{_MEANS}", re.IGNORECASE)

#: Every entry (outside a section or table) holds one of these.
_ENTRY_WORDS = ("指", "means", "mean ", "refers", "refer to", "meaning", "所称", "所述")
#: Every definitions section heading or intro holds one of these.
_SECTION_WORDS = ("定义", "释义", "解释", "含义", "efinition", "EFINITION", "nterpretation", "NTERPRETATION",
                  "following terms", "following words", "following expressions")  # fmt: skip
_TABLE_WORDS = ("术语", "词语", "用语", "名词", "定义", "含义", "释义", "Term", "TERM", "efinition", "eaning")
_TABLE_GATE = (*_TABLE_WORDS, "指")
_CLAUSE_BREAK = "。；;:：\n"
_SUBITEM = re.compile(
    r"\s*(?:[(（]\s*[\d一二三四五六七八九十a-z]{1,3}\s*[)）]|[\u2460-\u2473]|[a-z\d]\s*[)）])"
)
_END_MARK = re.compile(r"[。；;]|\.(?:\s|$)")
_SECTION_LIMIT = 120  # blocks a definitions section may run over


@dataclass(frozen=True, slots=True)
class DefinitionEntry:
    """A definition entry: ``where`` is the term, ``body`` what it is said to mean, ``entry`` the whole entry
    (numbering, term and meaning, to the end of its sentence)."""

    term: str
    form: Form
    where: Where
    body: Where
    entry: Where


def _entry_end(text: str, start: int) -> int:
    """The end of the entry whose meaning starts at ``start``: its sentence end, or a ``；`` not followed by
    the next item of the entry's own list (（2） / ② / b)) — the block's end when neither comes."""
    pos = start
    while True:
        m = _END_MARK.search(text, pos)
        if m is None:
            return len(text.rstrip())
        if m.group()[0] in "；;" and _SUBITEM.match(text, m.end()):
            pos = m.end()
            continue
        return m.start() + 1


def _last_break(text: str, at: int) -> int:
    """Just after the last clause break before ``at`` (``。；：`` or a line break, or an English ``. ``)."""
    return max(max(text.rfind(c, 0, at) for c in _CLAUSE_BREAK), text.rfind(". ", 0, at)) + 1


def _at_clause_start(text: str, at: int) -> bool:
    """True when only numbering or a lead-in (本合同中，) stands between the last clause break and ``at``."""
    return _PREFIX_OK.fullmatch(text, _last_break(text, at), at) is not None


def _clause_start(text: str, at: int) -> int:
    start = _last_break(text, at)
    return start + len(text[start:at]) - len(text[start:at].lstrip())


def _strict_entries(i: int, t: str) -> list[DefinitionEntry]:
    """The entries of block text ``t`` in the forms that need no definitions section around them."""
    out: list[DefinitionEntry] = []
    taken: list[tuple[int, int]] = []

    def add(form: Form, m: re.Match[str], group: str) -> None:
        if any(a <= m.start() < b for a, b in taken) or not _at_clause_start(t, m.start()):
            return
        term = m.group(group).strip()
        if not term:
            return
        start = _clause_start(t, m.start())
        end = _entry_end(t, m.end())
        taken.append((start, end))
        out.append(
            DefinitionEntry(
                term, form, Where(i, m.span(group)), Where(i, (m.end(), end)), Where(i, (start, end))
            )
        )

    for m in _SO_CALLED.finditer(t):
        add("so-called", m, "term" if m.group("term") else "bare")
    for m in _QUOTED.finditer(t):
        add("quoted", m, "term")
    if _COLON_MEANS.search(t):
        for m in _BARE.finditer(t):
            add("bare", m, "term")
    if "mean" in t or "refer" in t:
        for m in _BARE_EN.finditer(t):
            add("english", m, "term")
    out.sort(key=lambda e: e.entry.span)
    return out


def _section_entry(i: int, t: str, start: int = 0, bare: bool = True) -> DefinitionEntry | None:
    """An item of a definitions section at ``start``: a term, with or without 指 (``“现场”：厂区…``); an
    unquoted term (``验收期：…``) only when ``bare``."""
    p = _PREFIX_OK.match(t, start)
    at = p.end() if p else start
    m = _SECTION_QUOTED.match(t, at) or (_SECTION_BARE.match(t, at) if bare else None)
    if m is None:
        return None
    mm = _MEANS_AT.match(t, m.end())
    body_start = mm.end() if mm else m.end()
    end = _entry_end(t, body_start)
    s = start + len(t[start:]) - len(t[start:].lstrip())
    return DefinitionEntry(
        m.group("term").strip(),
        "section",
        Where(i, m.span("term")),
        Where(i, (body_start, end)),
        Where(i, (s, end)),
    )


def _head_block_entries(i: int, t: str, after: int) -> list[DefinitionEntry]:
    """The entries after a definitions heading in its own block (``第一条 定义。“货物”指…；“日”，除另有注明外
    指日历日。``): every clause that starts with a quoted term."""
    out = [e for e in _strict_entries(i, t) if e.entry.span[0] >= after]
    pos = after
    while pos < len(t):
        if not any(e.entry.span[0] <= pos < e.entry.span[1] for e in out):
            e = _section_entry(i, t, pos, bare=False)
            if e is not None:
                out.append(e)
        nxt = _END_MARK.search(t, pos)
        if nxt is None:
            break
        pos = nxt.end()
    return sorted(out, key=lambda e: e.entry.span)


def _unterminated(text: str) -> bool:
    s = text.rstrip()
    return bool(s) and s[-1] not in "。；;.!！?？"


def read_entries(doc: Document) -> tuple[list[DefinitionEntry], dict[int, list[tuple[int, int]]]]:
    """The definition entries of ``doc`` in block order, and block → the spans definitions cover (entries,
    and the lines a PDF or scan continues one onto)."""
    blocks = doc.blocks
    found: dict[int, list[DefinitionEntry]] = {}
    for i in block_indices_naming(doc, _ENTRY_WORDS):
        entries = _strict_entries(i, blocks[i].norm)
        if entries:
            found[i] = entries
    covered: dict[int, list[tuple[int, int]]] = {}
    for i in block_indices_naming(doc, _SECTION_WORDS):
        t = blocks[i].norm
        head = _SECTION_HEAD.match(t)
        if head is None and not _SECTION_INTRO.search(t):
            continue
        if head is not None:
            covered.setdefault(i, []).append((0, head.end()))  # the heading of the definitions
            if head.end() < len(t.rstrip()):  # ``1 定义1.1 在本合同中…：`` / ``第一条 定义。“货物”指…``
                rest = _head_block_entries(i, t, head.end())
                if rest:
                    found[i] = rest
        last: int | None = i
        for j in range(i + 1, min(len(blocks), i + _SECTION_LIMIT)):
            t = blocks[j].norm
            if not t.strip():
                continue
            if j in found:
                last = j
                continue
            if _SECTION_INTRO.search(t) and len(t) <= 80:
                last = None  # 1.1 在本合同中，除非上下文另有要求，下列词语具有以下含义：
                continue
            entry = _section_entry(j, t)
            if entry is not None:
                found[j] = [entry]
                last = j
                continue
            if last is not None and _unterminated(blocks[last].norm) and not _SECTION_HEAD.match(t):
                covered.setdefault(j, []).append((0, len(t.rstrip())))  # an entry continued on the next line
                last = j
                continue
            break
    _table_entries(doc, found)
    out = [e for i in sorted(found) for e in found[i]]
    for e in out:
        covered.setdefault(e.entry.block, []).append(e.entry.span)
        if e.form == "table":
            covered.setdefault(e.where.block, []).append(e.where.span)
    return out, covered


def _table_entries(doc: Document, found: dict[int, list[DefinitionEntry]]) -> None:
    """Rows of a definitions table into ``found``: a 术语/含义 header, or a second cell starting with 指."""
    blocks = doc.blocks
    from contractkit.contract.tables import tables

    gate = block_indices_naming(doc, _TABLE_GATE)
    if not any(blocks[i].kind == "cell" or blocks[i].norm.lstrip()[:1] in "|│┃" for i in gate):
        return
    for rows in tables(doc):
        if not rows:
            continue
        header = [_strip_term(c) for c in rows[0].texts]
        headed = sum(1 for h in header if _TABLE_HEAD.match(h)) >= 1 and len(header) >= 2
        for row in rows[1:] if headed else rows:
            cells = [c for c in row.cells if c.text and not re.fullmatch(r"\d{1,3}\.?", c.text)]
            if len(cells) < 2:
                continue
            term_cell, body_cell = cells[0], cells[1]
            if not headed and not _CELL_MEANS.match(body_cell.text):
                continue
            term = _strip_term(term_cell.text)
            if not term or len(term) > 40 or term_cell.where.block < 0 or body_cell.where.block < 0:
                continue
            entry = DefinitionEntry(term, "table", term_cell.where, body_cell.where, body_cell.where)
            found.setdefault(body_cell.where.block, []).append(entry)


def _strip_term(text: str) -> str:
    return text.strip().strip(_Q_OPEN + _Q_CLOSE + " ：:").strip()
