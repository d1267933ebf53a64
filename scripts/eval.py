"""`make eval`: lint the labelled corpora and print recall, false alarms and clean files alarmed.

    python scripts/eval.py                     # the labelled corpora + the shared clause set
    python scripts/eval.py FOLDER [FOLDER …]   # any folder with a labels.json, or a clause set .jsonl
    python scripts/eval.py --quiet …           # figures only, no list of misses and false alarms

Figures are printed in the ``make bench`` line format (``name: value unit (…)``); then every miss and every
false alarm (file, rule, quoted text). Exit 0 always: tests/test_eval_thresholds.py asserts the targets.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _extra_number(path: Path) -> int:
    """1 for ``extra``, N for ``extraN``: the order the sets were written in."""
    return int(path.name.removeprefix("extra") or 1)


#: The labelled corpus, the judgment clauses (third-party, read from ../shared) and every extra set, in order.
DEFAULT_SETS = (
    ROOT / "tests" / "corpus" / "labelled",
    ROOT.parent / "shared" / "corpus" / "real" / "clauses" / "judgments.jsonl",
    *sorted(
        (p for p in (ROOT / "tests" / "corpus").glob("extra*") if (p / "labels.json").is_file()),
        key=_extra_number,
    ),
)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from contractkit.evaluation import evaluate_clauses, evaluate_folders, read_labels, report_lines

    quiet = "--quiet" in argv
    targets = [Path(a) for a in argv if a != "--quiet"] or list(DEFAULT_SETS)
    present = []
    for target in targets:
        if not target.exists():
            print(f"# skipped {target}: not found (external corpus, not in the project)")
            continue
        try:
            if target.suffix != ".jsonl":
                read_labels(target)
        except (OSError, ValueError) as exc:  # no labels.json, not JSON, not a set's labels
            return _no_set(target, exc)
        present.append(target)
    folders = [t for t in present if t.suffix != ".jsonl"]
    # every folder's files linted together: one pool, the largest (scans) first, both cores busy to the end
    scores = dict(zip(folders, evaluate_folders(folders, jobs=min(os.cpu_count() or 1, 4)), strict=True))
    for target in present:
        try:
            score = scores[target] if target in scores else evaluate_clauses(target)
        except (OSError, ValueError) as exc:  # a clause line that is not JSON
            return _no_set(target, exc)
        for line in report_lines(score, verbose=not quiet):
            print(line, flush=True)
    return 0


def _no_set(target: Path, exc: Exception) -> int:
    print(
        f"eval: {target}: cannot read its labels ({exc}); a set is a folder with a labels.json "
        "(see tests/corpus/labelled/MANIFEST.md) or a .jsonl clause file",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
