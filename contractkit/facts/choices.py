"""Model-form choices: the options a form offers with tick boxes (☑ 诉讼 □ 仲裁), of which only the ticked
ones are agreed. The options left unticked beside a ticked one are masked out of the matching text
(``Block.norm``), so no rule reads an option the parties did not choose as a term of the contract.

Stable API: :func:`mask_unchosen`, :func:`mask_unpicked`, :data:`MASK`.
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


def _mask_unticked(blocks: list[Block]) -> list[Block]:
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


#: A choice made by number, with the number filled in (a blank 第____种 chooses nothing):
#: 按下列第（二）种方式解决, 双方选择第2种, 采用以下第(1)项. 项 only after 下列/以下…: 依第二项 alone
#: may cite an item of a clause.
_PICK = re.compile(
    r"(?:按|依|依照|选择|选定|选用|采用|适用|采取)(?:(?P<list>下列|以下|如下|下述|上述|前述))?第\s*[（(]?\s*"
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,2}|[①②③④⑤⑥⑦⑧⑨⑩])\s*[)）]?\s*(?:种|(?(list)项|(?!)))"
)
#: An option's number: （一） (1) ① or, at the start of a line, 1. / 1、.
_ENUM = re.compile(r"[（(](?P<a>[0-9]{1,2}|[一二三四五六七八九十]{1,2})[)）]|(?P<c>[①②③④⑤⑥⑦⑧⑨⑩])")
_ENUM_LINE = re.compile(
    r"\s*(?:[（(](?P<a>[0-9]{1,2}|[一二三四五六七八九十]{1,2})[)）]|(?P<c>[①②③④⑤⑥⑦⑧⑨⑩])"
    r"|(?P<b>[0-9]{1,2})[.、](?![0-9]))"
)
_CN = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}


def _number(raw: str) -> int:
    if raw.isascii() and raw.isdigit():  # "②".isdigit() is True
        return int(raw)
    if raw in "①②③④⑤⑥⑦⑧⑨⑩":
        return "①②③④⑤⑥⑦⑧⑨⑩".index(raw) + 1
    if len(raw) == 2 and raw[0] == "十":
        return 10 + _CN[raw[1]]
    return _CN.get(raw, 0)


def _enum_number(m: re.Match) -> int:
    return _number(next(g for g in m.groups() if g))


def _inline_options(norm: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(number, start, end) of the options numbered 1, 2, … in ``norm[start:end]``; [] unless ≥ 2 in order."""
    marks = [(m.start(), _enum_number(m)) for m in _ENUM.finditer(norm, start, end)]
    seq = []
    for pos, num in marks:
        if num == len(seq) + 1:
            seq.append(pos)
    if len(seq) < 2:
        return []
    out = []
    for k, pos in enumerate(seq):
        if k + 1 < len(seq):
            stop = seq[k + 1]
        else:
            m = _OPTION_END.search(norm, pos, end)
            stop = m.end() if m else end
        out.append((k + 1, pos, stop))
    return out


def _line_option(norm: str) -> int:
    m = _ENUM_LINE.match(norm)
    return _enum_number(m) if m else 0


def _run(blocks: list[Block], first: int, step: int) -> list[int]:
    """Consecutive blocks from ``first`` (going by ``step``) that each begin with option 1, 2, … in order."""
    run: list[int] = []
    k = first
    while 0 <= k < len(blocks) and len(run) < 10:
        num = _line_option(blocks[k].norm)
        want = len(run) + 1 if step > 0 else None
        if not num or (want is not None and num != want):
            break
        run.append(k)
        k += step
    if step < 0:
        run.reverse()
        if [_line_option(blocks[k].norm) for k in run] != list(range(1, len(run) + 1)):
            return []
    return run if len(run) >= 2 else []


def mask_unpicked(blocks: list[Block]) -> list[Block]:
    """``blocks`` with the options not picked by number masked in ``norm`` (see :data:`MASK`).

    按下列第（二）种方式解决：（一）提交…仲裁；（二）向…法院起诉 keeps option (二) only. The options are
    numbered 1, 2, … in the same block as the pick, or one per line right after (or right before) it.
    Returns the same list object when no block picks one.
    """
    out = blocks
    for i, b in enumerate(blocks):
        m = _PICK.search(b.norm)
        if not m:
            continue
        picked = _number(m.group("n"))
        norm = b.norm
        inline = _inline_options(norm, m.end(), len(norm)) or _inline_options(norm, 0, m.start())
        if inline and any(num == picked for num, _s, _e in inline):
            if out is blocks:
                out = list(blocks)
            out[i] = _masked(out[i], [(s, e) for num, s, e in inline if num != picked])
            continue
        run = _run(blocks, i + 1, 1) or _run(blocks, i - 1, -1)
        if len(run) >= picked:
            if out is blocks:
                out = list(blocks)
            for num, k in enumerate(run, 1):
                if num != picked:
                    out[k] = _masked(out[k], [(0, len(blocks[k].norm))])
    return out


def mask_unchosen(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every option the parties did not choose masked in ``norm`` (see :data:`MASK`): the
    unticked boxes of a choice with one ticked (☑ 诉讼 □ 仲裁) and the options a pick by number leaves out
    (按下列第（二）种方式). Returns the same list object when there is nothing to mask."""
    return mask_unpicked(_mask_unticked(blocks))


def _lead(norm: str) -> int:
    """Where a block's text starts after leading spaces and an item number ((1), 1., 一、)."""
    m = _LEAD.match(norm)
    return m.end() if m else 0


_LEAD = re.compile(r"\s*(?:[（(]?[\d一二三四五六七八九十]{1,2}[)）.、]\s*)?")
