"""Tables of a document as rows of cells, whatever drew them: Word tables (merged and nested cells as the
reader gives them), ``| a | b |`` text rows and box-drawn ``│ a │ b │`` rows. Shared by the facts families
(quote lines, item lists, delivery schedules, key-terms tables)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from contractkit.contract.model import Where
from contractkit.facts.document import memo
from contractkit.readers.model import Block, Document


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its normalized text and where it is."""

    text: str
    where: Where


@dataclass(frozen=True, slots=True)
class Row:
    """One table row (Word row, ``| a | b |`` line or box-drawn ``│ a │ b │`` line)."""

    cells: tuple[Cell, ...]

    @property
    def texts(self) -> list[str]:
        """The cells' texts."""
        return [c.text for c in self.cells]


_SEP_LINE = re.compile(r"^[\s|│┃┆┊─━┄┈\-=+:┼╋├┤┌┐└┘┬┴╪╞╡]*$")
_TEXT_ROW_SEP = re.compile(r"[|│┃]")


def _text_row(block: Block, index: int) -> Row | None:
    t = block.norm
    stripped = t.strip()
    if not stripped or stripped[0] not in "|│┃" or len(_TEXT_ROW_SEP.findall(t)) < 3:
        return None
    if _SEP_LINE.match(t):
        return None
    cells: list[Cell] = []
    bounds = [m.start() for m in _TEXT_ROW_SEP.finditer(t)]
    for a, b in itertools.pairwise(bounds):
        raw = t[a + 1 : b]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        s = a + 1 + lead
        cells.append(Cell(text, Where(index, (s, s + len(text)))))
    return Row(tuple(cells))


def tables(doc: Document) -> list[list[Row]]:
    """The document's tables as rows of cells, once per document: Word tables and text-drawn ones."""

    def compute() -> list[list[Row]]:
        out: list[list[Row]] = []
        current: list[Row] = []
        grid: dict[int, dict[int, dict[int, list[int]]]] = {}
        for i, block in enumerate(doc.blocks):
            loc = block.location
            if block.kind == "cell" and loc.table is not None and loc.row is not None:
                grid.setdefault(loc.table, {}).setdefault(loc.row, {}).setdefault(loc.cell or 0, []).append(i)
                continue
            row = _text_row(block, i)
            if row is not None:
                current.append(row)
                continue
            if current and block.norm.strip() and _SEP_LINE.match(block.norm):
                continue  # a box-drawn border between rows
            if current:
                out.append(current)
                current = []
        if current:
            out.append(current)
        for _t, rows in sorted(grid.items()):
            table: list[Row] = []
            for _r, cells in sorted(rows.items()):
                row_cells: list[Cell] = []
                for c in range(1, max(cells) + 1):
                    idx = cells.get(c)
                    if not idx:
                        row_cells.append(Cell("", Where(-1, (0, 0))))
                        continue
                    text = " ".join(doc.blocks[j].norm.strip() for j in idx).strip()
                    first = doc.blocks[idx[0]]
                    row_cells.append(Cell(text, Where(idx[0], (0, len(first.text)))))
                table.append(Row(tuple(row_cells)))
            out.append(table)
        return out

    return memo(doc, "contract.tables", compute)


def column(header: list[str], pattern: re.Pattern[str], exclude: re.Pattern[str] | None = None) -> int | None:
    """The index of the first header cell matching ``pattern`` (and not ``exclude``), else None."""
    for i, c in enumerate(header):
        if pattern.search(c) and not (exclude and exclude.search(c)):
            return i
    return None
