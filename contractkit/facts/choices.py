"""Model-form choices: the options a form offers with tick boxes (☑ 诉讼 □ 仲裁), of which only the ticked
ones are agreed. The options left unticked beside a ticked one are masked out of the matching text
(``Block.norm``), so no rule reads an option the parties did not choose as a term of the contract.

Stable API: :func:`mask_unchosen`, :data:`MASK`.
"""

from __future__ import annotations

import re

from contractkit.readers.model import Block

#: What an unchosen option's characters become in ``norm``: not a space (no blank is seen), not a letter,
#: digit or punctuation any rule matches. ``text`` keeps the option as written, for quoting.
MASK = "\u303f"
_TICKED = r"☑|☒|■|√|✓|✔|▣|\[\s*[√xX✓✔]\s*\]|[（(]\s*[√✓✔]\s*[)）]|□\s*[√✓✔]|☐\s*[√✓✔]"
_EMPTY = r"□|☐|\[\s*\]|【\s*】|[（(]\s{0,2}[)）]"
#: A box: ticked or empty, where an option starts: at the start of the line or after a space, a colon or a
#: separator — not a □ standing for an unreadable character inside a word (乙方□期交货).
_BOX = re.compile(rf"(?:^|(?<=[\s:：;；,，、.。|)）]))(?:(?P<ticked>{_TICKED})|(?P<empty>{_EMPTY}))(?=\s*\S)")
_ANY_MARK = re.compile(r"[□☐☑☒■√✓✔▣]|\[\s*\]|【\s*】|[（(]\s{0,2}[)）]")
#: Where an inline option ends, when no further box follows in the block: the end of its clause.
_OPTION_END = re.compile(r"[。；;]")


def _boxes(norm: str) -> list[tuple[int, int, bool]]:
    """(start, end, ticked) of each option box in ``norm``."""
    return [(m.start(), m.end(), m.group("ticked") is not None) for m in _BOX.finditer(norm)]


def _option_spans(norm: str, boxes: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """(start, end, ticked) of each option: from its box to the next box, or to the end of its clause."""
    spans = []
    for i, (start, _end, ticked) in enumerate(boxes):
        if i + 1 < len(boxes):
            stop = boxes[i + 1][0]
        else:
            m = _OPTION_END.search(norm, boxes[i][1])
            stop = m.end() if m else len(norm)
        spans.append((start, stop, ticked))
    return spans


def _masked(block: Block, spans: list[tuple[int, int]]) -> Block:
    norm = block.norm
    for start, end in sorted(spans, reverse=True):
        norm = norm[:start] + MASK * (end - start) + norm[end:]
    b = block
    return Block(b.text, norm, b.location, b.kind, b.section, b.style, b.confidence, b.words)


def mask_unchosen(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every unticked option of a decided choice masked in ``norm`` (see :data:`MASK`).

    A choice is the options of one block (付款方式：☑电汇 □承兑汇票), or of consecutive blocks (lines, table
    cells) that each begin with a box. It is decided when at least one of its options is ticked and one is
    not; a choice with no box ticked is left as it is (nothing was chosen: the rules see every option).
    Returns the same list object when no block has a box.
    """
    by_index = {}
    for i, b in enumerate(blocks):
        if _ANY_MARK.search(b.norm):
            boxes = _boxes(b.norm)
            if boxes:
                by_index[i] = boxes
    if not by_index:
        return blocks
    out = list(blocks)
    i, n = 0, len(blocks)
    while i < n:
        if i not in by_index:
            i += 1
            continue
        run = [i]
        if by_index[i][0][0] == _lead(blocks[i].norm):  # options one per line or cell
            while (
                run[-1] + 1 < n
                and (j := run[-1] + 1) in by_index
                and by_index[j][0][0] == _lead(blocks[j].norm)
            ):
                run.append(j)
        options = []
        for k in run:
            norm, boxes = blocks[k].norm, by_index[k]
            spans = _option_spans(norm, boxes)
            if len(run) > 1:  # a line's (cell's) last option runs to its end
                s, _e, t = spans[-1]
                spans[-1] = (s, len(norm), t)
            options.extend((k, s, e, t) for s, e, t in spans)
        if any(t for *_, t in options) and not all(t for *_, t in options):
            for k in run:
                unticked = [(s, e) for kk, s, e, t in options if kk == k and not t]
                if unticked:
                    out[k] = _masked(out[k], unticked)
        i = run[-1] + 1
    return out


def _lead(norm: str) -> int:
    """Where a block's text starts after leading spaces and an item number ((1), 1., 一、)."""
    m = _LEAD.match(norm)
    return m.end() if m else 0


_LEAD = re.compile(r"\s*(?:[（(]?[\d一二三四五六七八九十]{1,2}[)）.、]\s*)?")
