"""Accuracy measurement: lint a labelled set and score the findings against its labels.

Two kinds of set:

- a folder with ``labels.json`` (``{file: {"clean": bool, "defects": [{"family", "what", "quote"}]}}``): every
  file is linted; a defect is *found* when an error/warning finding of its family quotes text overlapping the
  labelled quote (or, for a quote of ``null`` — something missing — when any such finding exists); every other
  error/warning finding is a *false alarm*;
- a clause set (JSON Lines, one ``{"id", "text", "usable", "defects", "annual_rate_pct"}`` a line): each
  usable sentence is linted alone with the rules that can be judged from one sentence (``Rule.scope`` is
  ``"clause"``); a defect is found when a finding of its family exists, a finding of a family the row does not
  label is a false alarm, and each stated rate's annual figure (as the facts model states it) is
  compared with ``annual_rate_pct`` (see :func:`stated_annual_rates`).

``scripts/eval.py`` (``make eval``) prints the figures; ``tests/test_eval_thresholds.py`` asserts the targets.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from contractkit.findings import Finding, Severity

#: Findings that say the product could not read part of a file well (not a judgement about the contract):
#: counted as reading notices, printed on their own line, never as false alarms nor as hits.
READING_NOTICES = frozenset({"meta/low-confidence-ocr"})
#: Two quotes overlap when they share a run of at least this many characters (or one contains the other).
MIN_OVERLAP = 6
_SPACE = re.compile(r"[\s…]+")
#: A thousands separator: 4,000 and 4000 (a scan drops the comma) quote the same figure.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _squash(text: str) -> str:
    from contractkit.readers.normalize import normalize

    return _SPACE.sub("", _THOUSANDS.sub("", normalize(text or "")))  # commas first: 30,000 7.20 glues


def overlaps(snippet: str, quote: str, min_overlap: int = MIN_OVERLAP) -> bool:
    """True when ``snippet`` and ``quote`` share text: one contains the other, or a long enough common run."""
    from difflib import SequenceMatcher

    a, b = _squash(snippet), _squash(quote)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size >= min(min_overlap, len(a), len(b))


@dataclass
class Miss:
    """A labelled defect no finding located."""

    file: str
    family: str
    what: str
    quote: str | None


@dataclass
class Alarm:
    """A finding that matches no labelled defect."""

    file: str
    rule: str
    where: str
    snippet: str


@dataclass
class Score:
    """What one set scored: counts overall, per family and per rule, with every miss and false alarm."""

    name: str
    files: int = 0
    defects: int = 0
    found: int = 0
    clean_files: int = 0
    clean_alarmed: int = 0
    unreadable: list[str] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    alarms: list[Alarm] = field(default_factory=list)
    defects_by_family: Counter = field(default_factory=Counter)
    found_by_family: Counter = field(default_factory=Counter)
    hits_by_rule: Counter = field(default_factory=Counter)
    rates_total: int = 0
    rates_right: int = 0
    rate_errors: list[str] = field(default_factory=list)
    notices: list[Alarm] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.defects if self.defects else 1.0

    @property
    def false_alarms(self) -> int:
        return len(self.alarms)


def _counted(f: Finding) -> bool:
    return (
        f.severity >= Severity.WARNING
        and not f.rule.startswith("internal/")
        and f.rule not in READING_NOTICES
    )


def score_findings(
    score: Score, name: str, label: dict, findings: list[Finding], *, quote_match: bool = True
) -> None:
    """Add one file's (or sentence's) findings, scored against its label, to ``score``."""
    counted = [f for f in findings if _counted(f)]
    score.notices.extend(
        Alarm(name, f.rule, f.location.describe("en"), f.snippet)
        for f in findings
        if f.rule in READING_NOTICES
    )
    used: set[int] = set()
    score.files += 1
    defects = label.get("defects") or []
    if label.get("clean") or not defects:
        score.clean_files += 1
    for d in defects:
        fam = d["family"]
        score.defects += 1
        score.defects_by_family[fam] += 1
        quote = d.get("quote") if quote_match else None
        hits = [
            i
            for i, f in enumerate(counted)
            if f.rule.split("/", 1)[0] == fam and (quote is None or overlaps(f.snippet, quote))
        ]
        if hits:
            score.found += 1
            score.found_by_family[fam] += 1
            for i in hits:
                score.hits_by_rule[counted[i].rule] += 1
            used.update(hits)
        else:
            score.misses.append(Miss(name, fam, d.get("what", ""), d.get("quote")))
    alarms = [
        Alarm(name, f.rule, f.location.describe("en"), f.snippet)
        for i, f in enumerate(counted)
        if i not in used
    ]
    score.alarms.extend(alarms)
    if (label.get("clean") or not defects) and alarms:
        score.clean_alarmed += 1


def read_labels(folder: str | Path) -> dict[str, dict]:
    """``folder/labels.json``: file name → label (``clean``, ``defects``); ValueError saying what is wrong
    when it is not JSON or not that shape, OSError when it cannot be read."""
    labels = json.loads((Path(folder) / "labels.json").read_text(encoding="utf-8"))
    if not isinstance(labels, dict) or not all(isinstance(v, dict) for v in labels.values()):
        raise ValueError("labels.json must be an object of file name → {clean, defects}")
    for name, label in labels.items():
        if not isinstance(label.get("defects", []), list):
            raise ValueError(f"labels.json: {name}: 'defects' must be a list")
    return labels


def evaluate_folder(folder: str | Path, settings=None, *, jobs: int = 1) -> Score:
    """Lint every file named in ``folder/labels.json`` and score the findings (``jobs`` processes read and
    lint the files; the score is the same for any number)."""
    return evaluate_folders([folder], settings, jobs=jobs)[0]


def evaluate_folders(folders: list[str | Path], settings=None, *, jobs: int = 1) -> list[Score]:
    """One score per labelled folder, their files linted together by ``jobs`` processes, largest first (a
    scan's OCR starts early and both cores stay busy to the end); the same scores as one
    :func:`evaluate_folder` each."""
    sets = []
    for folder in map(Path, folders):
        labels = read_labels(folder)
        sets.append((folder, labels, sorted(labels)))
    paths = [str(folder / name) for folder, _, names in sets for name in names]
    outcomes = dict(zip(paths, _lint_all(paths, settings, jobs), strict=True))
    scores = []
    for folder, labels, names in sets:
        score = Score(name=folder.name)
        for name in names:
            error, findings = outcomes[str(folder / name)]
            if error:
                score.unreadable.append(f"{name}: {error}")
            score_findings(score, name, labels[name], [] if error else findings)
        scores.append(score)
    return scores


def _lint_all(paths: list[str], settings, jobs: int) -> list[tuple[str | None, list]]:
    """:func:`_lint_one` of every path, in the order given (``jobs`` > 1: spawned processes, largest file
    submitted first)."""
    if jobs <= 1 or len(paths) <= 1:
        return [_lint_one(path, settings) for path in paths]
    import concurrent.futures
    import multiprocessing

    def size(path: str) -> int:
        try:
            return Path(path).stat().st_size
        except OSError:
            return 0  # a file named in labels.json but absent: _lint_one reports it

    order = sorted(range(len(paths)), key=lambda i: -size(paths[i]))
    spawn = multiprocessing.get_context("spawn")  # no fork of a threaded parent (pytest, a server)
    with concurrent.futures.ProcessPoolExecutor(min(jobs, len(paths)), mp_context=spawn) as pool:
        done = list(pool.map(_lint_one, [paths[i] for i in order], [settings] * len(paths)))
    outcomes: list = [None] * len(paths)
    for i, outcome in zip(order, done, strict=True):
        outcomes[i] = outcome
    return outcomes


def _lint_one(path: str, settings) -> tuple[str | None, list]:
    """The read error (or None) and the findings of one labelled file."""
    from contractkit.lint import lint_paths

    fr = lint_paths([path], settings).files[0]
    return fr.error, [] if fr.error else list(fr.findings)


def clause_rules() -> list:
    """The rules that can be judged from one sentence."""
    from contractkit.lint import available_rules

    return [r for r in available_rules().values() if r.scope == "clause"]


def stated_annual_rates(text: str) -> set[Decimal]:
    """The annual figures (percent a year) the facts model gives the penalty and interest rates of ``text``:
    each penalty's annual figure (its first tier) and its highest tier, and the sum of charges stacked on one
    delay (滞纳金 plus 违约金)."""
    from contractkit.contract.extract import extract_text

    facts = extract_text(text).penalty
    out: set[Decimal] = set()
    for p in facts.penalties:
        out.update(x for x in (p.annual_pct, p.highest_pct) if x is not None)
    if facts.combined_annual_pct is not None:
        out.add(facts.combined_annual_pct)
    return out


def evaluate_clauses(path: str | Path, settings=None) -> Score:
    """Lint each usable sentence of a clause set alone and score it (see the module docstring)."""
    from contractkit.lint import lint_text

    rules = clause_rules()
    score = Score(name=Path(path).name)
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if not row.get("usable", True):
            continue
        findings = lint_text(row["text"], settings, rules=rules)
        score_findings(score, row["id"], {"defects": row.get("defects") or []}, findings, quote_match=False)
        want = row.get("annual_rate_pct")
        if want is not None:
            score.rates_total += 1
            got = stated_annual_rates(row["text"])
            target = Decimal(str(want))
            if any(abs(target - g) <= Decimal("0.01") * max(1, abs(g)) for g in got):
                score.rates_right += 1
            else:
                shown = ", ".join(str(g.normalize()) for g in sorted(got)) or "none"
                score.rate_errors.append(f"{row['id']}: want {want} %/yr, got {shown}")
    return score


def report_lines(score: Score, verbose: bool = True) -> list[str]:
    """The figures in the ``make bench`` line format, then every miss and false alarm."""
    n = score.name
    out = [
        f"eval.{n}.recall: {score.recall * 100:.1f} % ({score.found}/{score.defects} defects located)",
        f"eval.{n}.false_alarms: {score.false_alarms} findings ({score.files} files, "
        f"{score.false_alarms / max(1, score.files):.2f} per file)",
        f"eval.{n}.clean_alarmed: {score.clean_alarmed} files (of {score.clean_files} clean)",
    ]
    if score.rates_total:
        out.append(f"eval.{n}.rates_annualized: {score.rates_right}/{score.rates_total} rates")
    if score.unreadable:
        out.append(f"eval.{n}.unreadable: {len(score.unreadable)} files")
    if score.notices:
        read_badly = len({a.file for a in score.notices})
        out.append(f"eval.{n}.reading_notices: {read_badly} files (parts read too poorly to judge)")
    for fam in sorted(score.defects_by_family):
        alarms = sum(1 for a in score.alarms if a.rule.split("/", 1)[0] == fam)
        out.append(
            f"eval.{n}.family.{fam}: {score.found_by_family[fam]}/{score.defects_by_family[fam]} found, "
            f"{alarms} false alarms"
        )
    by_rule = Counter(a.rule for a in score.alarms)
    for rule_id in sorted(set(score.hits_by_rule) | set(by_rule)):
        out.append(
            f"eval.{n}.rule.{rule_id}: {score.hits_by_rule[rule_id]} hits, {by_rule[rule_id]} false alarms"
        )
    if verbose:
        for u in score.unreadable:
            out.append(f"  UNREADABLE {u}")
        for m in score.misses:
            out.append(f"  MISS {m.file} [{m.family}] {m.what} — quote: {m.quote!r}")
        for a in score.alarms:
            out.append(f"  FALSE {a.file} {a.rule} @ {a.where}: {a.snippet[:100]!r}")
        for a in score.notices:
            out.append(f"  NOTICE {a.file} {a.rule} @ {a.where}: {a.snippet[:100]!r}")
        for e in score.rate_errors:
            out.append(f"  RATE {e}")
    return out
