"""Lint every real document of the shared corpus: no crash, counts printed (``pytest -s``), no false alarms
of the subject/payment rules on the official model texts and the English CUAD contracts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from contractkit.lint import lint_paths

# (file name, rule) pairs that are real findings on the corpus; any other subject/payment finding there is a
# false alarm.
EXPECTED: set[tuple[str, str]] = set()


def test_corpus_lints_without_crash(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir])
    assert len(result.files) >= 20
    crashed = [
        (fr.path, f.message) for fr in result.files for f in fr.findings if f.rule.startswith("internal/")
    ]
    assert crashed == []
    for fr in result.files:
        name = Path(fr.path).name
        if fr.error:
            print(f"{name}: UNREADABLE {fr.error}")
            continue
        counts = Counter(f.rule for f in fr.findings)
        print(f"{name}: {dict(sorted(counts.items())) or 'clean'}")
    readable = [fr for fr in result.files if fr.path.endswith((".txt", ".docx", ".pdf"))]
    assert all(fr.error is None for fr in readable)


def test_no_subject_payment_false_alarms(corpus_dir: Path) -> None:
    from contractkit.config import Settings

    result = lint_paths([corpus_dir], Settings(select=("subject", "payment")))
    got = {
        (Path(fr.path).name, f.rule)
        for fr in result.files
        for f in fr.findings
        if not f.rule.startswith("meta/")  # the clause set's .jsonl is listed as skipped, not linted
    }
    assert got == EXPECTED


def test_english_contracts_get_no_chinese_rules(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir / "en"])
    zh_only = [(fr.path, f.rule) for fr in result.files for f in fr.findings]
    assert zh_only == []
