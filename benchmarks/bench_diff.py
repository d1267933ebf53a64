"""Comparison speed: a 30-page pair (our contract and a counterparty's edit of it) compared clause by clause.

The pair is built from the project's labelled corpus (every clean base one after another, ≈ 1,500
characters a page): the variant changes every 40th sentence, deletes one and moves one. Baseline measured in
the same run: ``difflib.unified_diff`` over the plain text lines (what a hand-rolled comparison starts from).
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from benchmarks import line, median_time

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "corpus" / "labelled"
CHARS_PER_PAGE = 1500
PAGES = 30


def make_pair() -> tuple[str, str]:
    """Our text (≥ 30 pages) and theirs (a few edits, a deletion and a move)."""
    from contractkit.readers.dispatch import read_document

    labels = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))
    lines: list[str] = []
    for name in sorted(n for n, lab in labels.items() if lab.get("clean") and not lab.get("base")):
        lines.extend(b.text for b in read_document(str(LABELLED / name)).blocks)
        if sum(map(len, lines)) >= CHARS_PER_PAGE * PAGES:
            break
    ours = list(lines)
    theirs = list(lines)
    for i in range(5, len(theirs), 40):
        theirs[i] = theirs[i].replace("日", "个工作日", 1) if "日" in theirs[i] else theirs[i] + "（已修改）"
    moved = theirs.pop(len(theirs) // 3)
    theirs.insert(len(theirs) // 2, moved)
    del theirs[len(theirs) // 4]
    return "\n".join(ours), "\n".join(theirs)


def run() -> list[str]:
    from contractkit.compare import compare_documents
    from contractkit.readers.text import document_from_text

    ours, theirs = make_pair()
    pages = len(ours) / CHARS_PER_PAGE

    def ours_way() -> None:
        compare_documents(document_from_text(ours), document_from_text(theirs))

    def baseline() -> None:
        list(difflib.unified_diff(ours.splitlines(), theirs.splitlines(), lineterm=""))

    t = median_time(ours_way, repeat=5)
    b = median_time(baseline, repeat=5)
    return [
        line(f"diff_{pages:.0f}_pages", t, "s", b, "s"),
    ]
