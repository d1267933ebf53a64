"""Label–value pairs in a line of text: ``联系电话：0571-8888 6666``, ``交货地点：杭州市…1号``,
``乙方（盖章）：某某公司``, ``电话：… 传真：…`` (two pairs on one line).

One shared scanner for what the fact families each read their own way (parties' detail lines, delivery and
time labels, quote approvals, key-terms cells, item headers, payment labels). A line without a colon costs one
``in`` test; the patterns run only on lines that have one.

- :func:`find_labels` — every pair of a text, each value running to the next label (after a space), to the
  end of the clause (。；;) or to the end of the text;
- :func:`label_at_start` — the pair a text starts with, else None (a label line, a table cell);
- :class:`LabelSet` — the same restricted to labels naming words of a vocabulary (``("地址", "住所")``), with
  the word each label names.

Spans are offsets into the text given (a block's ``norm``; the same offsets quote its ``text``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from contractkit.facts.spans import Span

#: What separates a label from its value.
SEPARATORS = ":："
#: Longest label read (characters before the separator, qualifier included).
MAX_LABEL = 14

# A label (perhaps in quotes): a run of CJK or Latin letters (digits and / after the first; no space: a
# space ends a value and starts the next label), an optional bracketed qualifier (（盖章）, (章)), an optional
# closing quote, then the separator — not the colon of a time of day (10:30). It starts the text or follows a
# space or a clause mark.
_LABEL = (
    r"[“\"「『]?(?P<label>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9/]{0,"
    + str(MAX_LABEL - 1)
    + r"}?(?:\s*[(（][^()（）:：]{0,10}[)）])?)\s*[”\"」』]?\s*(?P<sep>[:：])(?!(?<=\d[:：])\d)"
)
_PAIR = re.compile(r"(?:^|(?<=[\s，,。；;、|│]))" + _LABEL)
_START = re.compile(r"\s*" + _LABEL)
_VALUE_END = re.compile(r"[。；;]")


@dataclass(frozen=True, slots=True)
class Label:
    """One pair: the label (qualifier included, e.g. ``乙方（盖章）``) and its value, stripped, with spans."""

    label: str
    label_span: Span
    value: str
    value_span: Span

    @property
    def empty(self) -> bool:
        """True when nothing follows the separator (``联系电话：`` left blank)."""
        return not self.value


def _has_separator(text: str) -> bool:
    return ":" in text or "：" in text


def _pairs(text: str, matches: list[re.Match[str]]) -> list[Label]:
    out: list[Label] = []
    for k, m in enumerate(matches):
        stop = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        end = _VALUE_END.search(text, m.end(), stop)
        stop = end.start() if end else stop
        start = m.end()
        raw = text[start:stop]
        lead = len(raw) - len(raw.lstrip())
        value = raw.strip()
        label = m.group("label").rstrip()
        ls = m.start("label")
        out.append(Label(label, (ls, ls + len(label)), value, (start + lead, start + lead + len(value))))
    return out


def _chain(text: str, first: re.Match[str] | None) -> list[re.Match[str]]:
    """``first`` and the pairs that follow it on the line (each label after a space or a clause mark)."""
    if first is None:
        return []
    out = [first]
    out.extend(_PAIR.finditer(text, first.end()))
    return out


def find_labels(text: str) -> list[Label]:
    """Every label–value pair of ``text``, in order (``[]`` at once for a text without a colon)."""
    if not _has_separator(text):
        return []
    return _pairs(text, list(_PAIR.finditer(text)))


def label_at_start(text: str) -> Label | None:
    """The pair ``text`` starts with (leading spaces allowed), else None."""
    if not _has_separator(text):
        return None
    m = _START.match(text)
    if m is None:
        return None
    return _pairs(text, _chain(text, m))[0]


class LabelSet:
    """Labels that name one of ``words`` (``LabelSet(("地址", "住所"))``: ``通讯地址：``, ``住所地：``)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(words))
        if not self.words:
            raise ValueError("a LabelSet needs at least one word")
        # longest first, so 通讯地址 is named before 地址 when both are words
        self._word = re.compile("|".join(map(re.escape, sorted(self.words, key=len, reverse=True))))

    def word(self, label: str) -> str | None:
        """The (longest) word of the set that ``label`` names, else None."""
        m = self._word.search(label)
        return m.group() if m else None

    def find(self, text: str) -> list[Label]:
        """The pairs of ``text`` whose label names a word of the set (values as :func:`find_labels` cuts
        them: a pair with another label still ends where that label begins)."""
        if not _has_separator(text) or self._word.search(text) is None:
            return []
        return [p for p in find_labels(text) if self.word(p.label) is not None]

    def first(self, text: str) -> Label | None:
        """The first pair of :meth:`find`, else None."""
        found = self.find(text)
        return found[0] if found else None

    def at_start(self, text: str) -> Label | None:
        """:func:`label_at_start` when its label names a word of the set, else None."""
        if self._word.search(text) is None:
            return None
        pair = label_at_start(text)
        return pair if pair is not None and self.word(pair.label) is not None else None


__all__ = ["MAX_LABEL", "SEPARATORS", "Label", "LabelSet", "find_labels", "label_at_start"]
