"""Facts about a whole read document, shared by the facts model and the rules: its joined text, language,
kind (quote or contract), blanks, sections, clause iteration and cheap "clauses naming these words" scans, and
a per-document memo.

Stable API: :func:`is_chinese`, :func:`blank_spans`, :func:`has_blank`,
:func:`in_section`, :func:`clauses`, :func:`all_clauses`, :func:`clauses_naming`, :func:`blocks_naming`,
:func:`find_heading`, :func:`is_quote`, :data:`BLANK`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

from contractkit.facts.sentences import clause_spans, clause_spans_many
from contractkit.facts.spans import word_tree
from contractkit.readers.model import Block, Document

#: An unfilled fill-in field: a run of underscores (half/full width) or 3+ spaces between text.
BLANK = re.compile(r"[_＿]{2,}|(?<=\S)[ \u3000]{3,}(?=\S)|[（(][ \u3000]{2,}[)）]")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")  # runs: fewer matches than one per character
_NOT_LETTER = re.compile(r"[\W\d_]+")
T = TypeVar("T")

# Per-document memo: the rules of one run share what they derive from the same document (its text, its
# clauses, …). Keyed by the identity of ``doc.blocks`` (kept alive here, so the id cannot be reused) and
# checked against its length; a handful of documents at most.
_MEMO: dict[int, tuple[list[Block], int, dict[Hashable, Any]]] = {}
_MEMO_SIZE = 4


def memo(doc: Document, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per document and ``key`` (rules of one lint run share the result)."""
    return memo_blocks(doc.blocks, key, compute)


def memo_blocks(blocks: list[Block], key: Hashable, compute: Callable[[], T]) -> T:
    """:func:`memo` keyed by the list of blocks itself (what a document is made of, before it is made)."""
    entry = _MEMO.get(id(blocks))
    if entry is None or entry[0] is not blocks or entry[1] != len(blocks):
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        entry = (blocks, len(blocks), {})
        _MEMO[id(blocks)] = entry
    cache = entry[2]
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def forget(doc: Document) -> None:
    """Drop the memo of ``doc`` (the lint engine calls this when a document is done)."""
    entry = _MEMO.get(id(doc.blocks))
    if entry is not None and entry[0] is doc.blocks:
        del _MEMO[id(doc.blocks)]


def doc_text(doc: Document) -> str:
    """``doc.text``, joined once per document."""
    return memo(doc, "text", lambda: doc.text)


@lru_cache(maxsize=64)
def _letter_counts(text: str) -> tuple[int, int]:
    """(CJK characters, letters) of ``text``; CJK ideographs are letters, so only the rest is classified."""
    rest = "".join(_NOT_CJK.findall(text))
    cjk = len(text) - len(rest)
    letters = cjk + len(_NOT_LETTER.sub("", rest))  # word characters that are not digits or "_"
    return cjk, letters


def is_chinese(doc: Document, min_share: float = 0.2, min_chars: int = 20) -> bool:
    """True when ≥ ``min_share`` of the letters are CJK (and there are ≥ ``min_chars`` CJK characters)."""
    cjk, letters = memo(doc, "letters", lambda: _letter_counts(doc_text(doc)))
    return cjk >= min_chars and letters > 0 and cjk / letters >= min_share


_QUOTE_TITLE = re.compile(r"报价单|报价书|报价函|报价表|报价$|^(?:quotation|quote)\b", re.IGNORECASE)


def is_quote(doc: Document) -> bool:
    """True for a quote (报价单), not a contract: a quote deal, or a draft titled 报价单/报价书/报价函.

    Document-level "missing clause" rules do not apply to a quote.
    """
    if doc.deal is not None:
        return doc.deal.get("kind") == "quote"
    for b in doc.blocks[:5]:
        title = re.sub(r"\s+", "", b.norm)
        if not title:
            continue
        if "合同" in title or "协议" in title:
            return False
        if len(title) <= 30:
            return _QUOTE_TITLE.search(title) is not None
        # a PDF may run the running header (company, quote number) into the title: its end is the title
        return len(title) <= 80 and _QUOTE_TITLE.search(title[-30:]) is not None
    return False


def blank_spans(text: str) -> list[tuple[int, int]]:
    """Spans of unfilled fill-in fields (``____``, runs of spaces) in ``text``."""
    return [m.span() for m in BLANK.finditer(text)]


def has_blank(text: str, span: tuple[int, int] | None = None) -> bool:
    """True when ``text`` (or the part of it inside ``span``) holds an unfilled blank."""
    if span is not None:
        text = text[span[0] : span[1]]
    return BLANK.search(text) is not None


def in_section(block: Block, words: Iterable[str]) -> bool:
    """True when the block's section heading (or the block itself, if a heading) names one of ``words``."""
    head = block.section
    return bool(head) and _any_of(tuple(words)).search(head) is not None


#: From this many words on, the word regex is a prefix tree (:func:`~contractkit.facts.spans.word_tree`).
#: Measured on the real-text benchmark (45 pages): a scan of the document 30-40 % faster (116 words:
#: 0.63 → 0.37 ms, 263 words: 1.14 → 0.80 ms) for a one-time compile about twice as long (263 words:
#: 1.2 → 2.4 ms); from 40 to 100 words the scans gain 10 % and the compile costs as much as a few documents
#: save, below 40 nothing is gained.
_TREE_WORDS = 100


@lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A regex matching exactly where one of the literal ``words`` begins (none: a regex that never
    matches)."""
    if len(words) >= _TREE_WORDS and "" not in words:
        return re.compile(word_tree(words))
    return re.compile("|".join(map(re.escape, words)) or r"(?!)")


def find_heading(doc: Document, words: Iterable[str]) -> Block | None:
    """The first block that is the heading of a section naming one of ``words``, else None."""
    ws = tuple(words)
    for b in doc.blocks:
        if b.section and any(w in b.section for w in ws) and b.norm.strip() and b.section[:4] in b.norm:
            return b
    return None


def clauses(block: Block) -> Iterator[tuple[tuple[int, int], str]]:
    """``(span, clause text)`` for each clause of the block's normalized text."""
    norm = block.norm
    return (((s, e), norm[s:e]) for s, e in clause_spans(norm))


def all_clauses(doc: Document) -> list[tuple[Block, int, int, str]]:
    """Every clause of every non-empty block: ``(block, start, end, normalized clause)``, once per doc."""

    def compute() -> list[tuple[Block, int, int, str]]:
        out: list[tuple[Block, int, int, str]] = []
        blocks = doc.blocks
        for block, spans in zip(blocks, clause_spans_many([b.norm for b in blocks]), strict=True):
            norm = block.norm
            for s, e in spans:
                out.append((block, s, e, norm[s:e]))
        return out

    return memo(doc, "clauses", compute)


def clauses_naming(doc: Document, words: tuple[str, ...]) -> list[tuple[Block, int, int, str]]:
    """The clauses of :func:`all_clauses` that contain one of the literal ``words``, in document order.

    Exactly ``[c for c in all_clauses(doc) if any(w in c[3] for w in words)]``, found by scanning the joined
    clause text (once per document and word tuple: pass a module-level tuple), so a rule whose pattern cannot
    match without one of ``words`` skips the other clauses cheaply. Words must not contain a line break.
    """

    def compute() -> list[tuple[Block, int, int, str]]:
        every = all_clauses(doc)
        text, starts = memo(doc, "clauses.joined", lambda: _joined([c[3] for c in every]))
        return [every[i] for i in _pieces_naming(text, starts, words)]

    return memo(doc, ("clauses.naming", words), compute)


def block_indices_naming(doc: Document, words: tuple[str, ...]) -> list[int]:
    """Indices of the blocks whose normalized text contains one of the literal ``words``, in document order.

    Exactly ``[i for i, b in enumerate(doc.blocks) if any(w in b.norm for w in words)]``, found by scanning
    :func:`doc_text` (once per document and word tuple: pass a module-level tuple). Words must not contain a
    line break.
    """
    return memo(doc, ("blocks.naming", words), lambda: list(_scan_blocks(doc, words)))


def blocks_naming(doc: Document, words: tuple[str, ...]) -> list[Block]:
    """The blocks that contain one of the literal ``words``, in order (see :func:`block_indices_naming`)."""
    blocks = doc.blocks
    return [blocks[i] for i in block_indices_naming(doc, words)]


def iter_blocks_naming(doc: Document, words: tuple[str, ...]) -> Iterator[Block]:
    """:func:`blocks_naming`, found lazily as the caller goes on (for a rule that often stops early)."""
    blocks = doc.blocks
    return (blocks[i] for i in _scan_blocks(doc, words))


def block_starts(doc: Document) -> list[int]:
    """Where each block's ``norm`` starts in :func:`doc_text` (once per document)."""
    return memo(doc, "blocks.starts", lambda: _joined([b.norm for b in doc.blocks])[1])


def _scan_blocks(doc: Document, words: tuple[str, ...]) -> Iterator[int]:
    text = doc_text(doc)  # the blocks' norm joined by line breaks
    return _pieces_naming(text, block_starts(doc), words)


def _joined(pieces: list[str]) -> tuple[str, list[int]]:
    """The pieces joined by line breaks and where each one starts in the result."""
    starts: list[int] = []
    pos = 0
    for piece in pieces:
        starts.append(pos)
        pos += len(piece) + 1
    return "\n".join(pieces), starts


#: Up to this many words, one ``str.find`` per word is cheaper than a regex alternation of them (measured on
#: the real-text benchmark: about even at 8 words, the regex ahead from 14).
_FIND_WORDS = 8


def _pieces_naming(text: str, starts: list[int], words: tuple[str, ...]) -> Iterator[int]:
    """Lazily, in order, the indices of the pieces of ``text`` (beginning at ``starts``, separated by line
    breaks) that contain one of ``words``; after a hit the scan jumps to the next piece."""
    if not starts:
        return
    if len(words) <= _FIND_WORDS:
        found: set[int] = set()
        for word in words:
            pos = text.find(word)
            while pos != -1:
                i = bisect_right(starts, pos) - 1
                found.add(i)
                pos = text.find(word, starts[i + 1]) if i + 1 < len(starts) else -1
        yield from sorted(found)
        return
    search = _any_of(words).search
    m = search(text)
    while m is not None:
        i = bisect_right(starts, m.start()) - 1
        yield i
        m = search(text, starts[i + 1]) if i + 1 < len(starts) else None


__all__ = [
    "BLANK",
    "all_clauses",
    "blank_spans",
    "block_indices_naming",
    "block_starts",
    "blocks_naming",
    "clauses",
    "clauses_naming",
    "doc_text",
    "find_heading",
    "forget",
    "has_blank",
    "in_section",
    "is_chinese",
    "is_quote",
    "iter_blocks_naming",
    "memo",
]
