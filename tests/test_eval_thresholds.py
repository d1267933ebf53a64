"""Accuracy thresholds on the labelled corpora (`make eval` prints the same figures, with every miss).

The labelled corpus is the project's own (``tests/corpus/labelled``); the clause set is third-party text
quoted from court judgments and stays in ``../shared/corpus/real/clauses`` (skipped visibly without it;
``CONTRACTKIT_REQUIRE_SHARED=1``, set by ``.ci/run``, turns the skip into a failure).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contractkit.evaluation import Score, evaluate_clauses, evaluate_folder, evaluate_folders, report_lines

HERE = Path(__file__).parent
LABELLED = HERE / "corpus" / "labelled"
#: Processes linting a set (the score is the same for any number; the sets with scans are OCR-bound).
JOBS = min(os.cpu_count() or 1, 2)
CLAUSES = HERE.parent.parent / "shared" / "corpus" / "real" / "clauses" / "judgments.jsonl"

# The targets of the accuracy issue; where not yet met, the figure reached is the floor (a ratchet).
LABELLED_MIN_RECALL = 0.95
LABELLED_MAX_FALSE_ALARMS = 5
LABELLED_MAX_CLEAN_ALARMED = 0
CLAUSES_MIN_RECALL = 0.90
CLAUSES_MAX_FALSE_ALARMS = 3
CLAUSES_MIN_RATES = 20


def _shared(path: Path) -> Path:
    if not path.exists():
        if os.environ.get("CONTRACTKIT_REQUIRE_SHARED"):
            pytest.fail(f"{path} is required here (CONTRACTKIT_REQUIRE_SHARED is set)")
        pytest.skip(f"third-party clause set not present at {path} (see README: external corpus)")
    return path


def test_labelled_corpus_meets_the_accuracy_targets() -> None:
    score = evaluate_folder(LABELLED, jobs=JOBS)
    report = "\n".join(report_lines(score))
    assert score.files == 65 and score.defects == 72
    assert not score.unreadable, report
    assert score.recall >= LABELLED_MIN_RECALL, report
    assert score.false_alarms <= LABELLED_MAX_FALSE_ALARMS, report
    assert score.clean_alarmed <= LABELLED_MAX_CLEAN_ALARMED, report
    assert not score.notices, report  # every scan of the labelled set is read well enough to judge


def test_clause_set_meets_the_accuracy_targets() -> None:
    score = evaluate_clauses(_shared(CLAUSES))
    report = "\n".join(report_lines(score))
    assert score.files >= 160
    assert score.recall >= CLAUSES_MIN_RECALL, report
    assert score.false_alarms <= CLAUSES_MAX_FALSE_ALARMS, report
    assert score.rates_right >= CLAUSES_MIN_RATES, report


def test_scoring_counts_a_miss_and_a_false_alarm(tmp_path: Path) -> None:
    """The scorer itself: an overlapping finding of the family is a hit, anything else a false alarm."""
    import json

    (tmp_path / "a.txt").write_text("甲方向乙方采购办公设备一批。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("本合同一式两份。\n", encoding="utf-8")
    labels = {
        "a.txt": {
            "clean": False,
            "defects": [{"family": "subject", "what": "一批", "quote": "办公设备一批"}],
        },
        "b.txt": {"clean": False, "defects": [{"family": "dispute", "what": "none", "quote": "一式两份"}]},
    }
    (tmp_path / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    score = evaluate_folder(tmp_path)
    assert score.defects == 2 and score.found_by_family["subject"] == 1
    assert [m.file for m in score.misses] == ["b.txt"]
    parallel = evaluate_folder(tmp_path, jobs=2)  # two processes lint the files: the same score
    assert report_lines(parallel) == report_lines(score)


#: The further sets in other drafting styles: (set, min recall, max false alarms, max clean files alarmed).
FURTHER = [
    ("extra", 1.0, 0, 0),
    ("extra2", 1.0, 0, 0),
    ("extra3", 1.0, 0, 0),
    # round 5 regressed extra4–7 and extra9–11 (17 FA); round 6 took them back to 0 (HEAD 31e3180)
    ("extra4", 1.0, 0, 0),
    ("extra5", 1.0, 0, 0),
    ("extra6", 1.0, 0, 0),
    ("extra7", 1.0, 0, 0),
    ("extra8", 1.0, 0, 0),
    # unseen until the end of round 3, tuned on since round 4
    ("extra9", 0.96, 0, 0),
    ("extra10", 1.0, 0, 0),
    # W10: measured unseen at the start of round 4 (17/22, 13 FA), tuned on
    ("extra11", 0.90, 0, 0),
    # W13: likewise (18/20, 37 FA)
    ("extra12", 1.0, 2, 1),  # round 6 end: 20/20, 2 FA (an OCR misreading, 5 上日内)
    # W14: likewise (19/20, 74 FA)
    ("extra13", 1.0, 0, 0),
    # W11, W12, W15: unseen until the end of round 4, tuned on since
    ("extra14", 1.0, 0, 0),
    ("extra15", 1.0, 0, 0),
    ("extra16", 1.0, 0, 0),
    # W17, W18: measured unseen at the start of round 5 (16/22, 53 FA; 20/20, 38 FA), tuned on
    ("extra17", 1.0, 0, 0),
    ("extra18", 1.0, 0, 0),  # round 6 end: 20/20, 0 FA (round 5 end: 7)
    # W16, W19, W20: unseen to the end of round 5 (start 17/20, 32 FA; 16/22, 16; 19/22, 48), tuned on
    ("extra19", 1.0, 0, 0),  # round 9: 20/20, 0 FA (round 6 end: 19/20)
    ("extra20", 0.95, 1, 0),  # 21/22, 1 FA
    ("extra21", 0.95, 0, 0),  # 21/22, 1 FA → round 11: 21/22, 0
    # W22, W23: measured unseen at the start of round 6 (16/22, 18 FA; 19/22, 24 FA), then tuned on
    ("extra22", 1.0, 0, 0),  # round 7 end: 22/22, 0 FA (round 6 end: 18/22, 9)
    ("extra23", 1.0, 0, 0),  # 22/22, 0 FA (19/22, 21)
    # W21, W24, W25: unseen to the end of round 6 (start 17/22, 27 FA; 15/24, 44; 18/22, 13), tuned on since
    ("extra24", 1.0, 0, 0),  # round 7 end: 22/22, 0 FA
    ("extra25", 0.91, 0, 0),  # 22/24, 0 FA; the hand-filled form scans are reading notices (MAX_READ_BADLY)
    ("extra26", 1.0, 0, 0),  # 22/22, 0 FA
    # W26–W30: unseen to the end of round 7 (start 4008046 → end a07a246), then a short tuning round (9f1b750)
    ("extra27", 0.95, 0, 0),  # 17/24, 26 FA → 19/24, 23 FA unseen → 19/24, 13 → round 9: 23/24, 0
    ("extra28", 0.95, 0, 0),  # 18/21, 26 → 18/21, 26 → 18/21, 18 → 20/21, 0
    ("extra29", 0.90, 2, 1),  # 16/21, 52 → 16/21, 49 → 16/21, 28 → 19/21, 2 (a form filled in by pen)
    ("extra30", 1.0, 0, 0),  # 19/23, 23 → 19/23, 16 → 19/23, 9 → 23/23, 0
    ("extra31", 1.0, 0, 0),  # 19/22, 18 → 20/22, 14 → 20/22, 3 → 22/22, 0
    # W31–W35: unseen to the end of round 9 (start 239afed → end 1cc38c3), then a short tuning round (9460d04)
    (
        "extra32",
        0.83,
        1,
        1,
    ),  # 19/24, 21 → 19/24, 19 unseen → 19/24, 17 → r10: 19/24, 2 → r11: 20/24, 1
    ("extra33", 0.90, 3, 1),  # 18/22, 28 → 18/22, 28 → 19/22, 7 → round 10: 19/22, 7 → round 12: 20/22, 3
    ("extra34", 1.0, 0, 0),  # 21/22, 42 → 21/22, 35 → 21/22, 7 → round 10: 21/22, 0 → round 12: 22/22, 0
    ("extra35", 0.76, 6, 2),  # 20/30, 30 → 21/30, 30 → 21/30, 24 → round 10: 22/30, 7 → round 12: 23/30, 6
    ("extra36", 0.87, 2, 1),  # 19/24, 20 → 19/24, 20 → 21/24, 2
    # W36–W40: unseen to the end of round 10 (start 7990f85 → end), tuned on in round 11
    (
        "extra37",
        0.92,
        0,
        0,
    ),  # 17/25, 22 → 17/25, 5 (model forms, ☑/□) → round 11: 20/25, 0 → round 12: 23/25, 0
    ("extra38", 0.96, 0, 0),  # 20/26, 8 → 20/26, 8 → round 11: 24/26, 0 → round 12: 25/26, 0
    (
        "extra39",
        0.96,
        0,
        0,
    ),  # 21/26, 32 → 21/26, 32 (colloquial, phone-photo scans) → round 11: 24/26, 8 → round 12: 25/26, 0
    ("extra40", 0.83, 0, 0),  # 17/24, 45 → 17/24, 45 (SOE centralised procurement) → round 11: 20/24, 0
    (
        "extra41",
        0.95,
        2,
        0,
    ),  # 21/24, 16 → 21/24, 16 (Traditional Chinese) → round 11: 23/24, 6 → round 12: 23/24, 2
    # W41–W45: unseen to the end of round 11 (start 1735c40 → end 5cd9c5b); rows at the end figures
    (
        "extra42",
        0.90,
        0,
        0,
    ),  # 14/22, 61 → 14/22, 13 (framework + call-offs) → round 12 (tuned): 20/22, 0
    (
        "extra43",
        0.90,
        2,
        0,
    ),  # 18/22, 33 → 18/22, 33 (1 / 1.1 / 1.1.1 with definitions) → round 12 (tuned): 20/22, 2
    ("extra44", 0.87, 0, 0),  # 18/24, 18 → 18/24, 18 (quotes as PDF) → round 12 (tuned): 21/24, 0
    ("extra45", 1.0, 0, 0),  # 21/22, 20 → 21/22, 20 (government procurement) → round 12 (tuned): 22/22, 0
    (
        "extra46",
        0.95,
        0,
        0,
    ),  # 15/22, 108 → 16/22, 45 (export / import: the trade-contract readings) → round 12 (tuned): 21/22, 0
    # W46–W50: unseen to the end of round 12 (start 88bbe37); extra51 looked at once mid-round by the lead
    ("extra47", 0.68, 35, 8),  # 15/22, 35 → 15/22, 35 (SOE long form: 合同协议书 + 专用条款 + 通用条款)
    ("extra48", 0.79, 27, 6),  # 19/24, 41 → 19/24, 27 (translated from English, definitions, bilingual)
    ("extra49", 0.75, 30, 7),  # 18/24, 30 → 18/24, 30 (Traditional Chinese, 民國 dates)
    ("extra50", 0.5, 68, 8),  # 11/22, 68 → 11/22, 68 (colloquial, WeChat orders, 收条, phone-photo scans)
    ("extra51", 0.74, 48, 7),  # 20/27, 76 → 20/27, 48 (key-terms table + general terms; partly tuned)
]


#: Files a set may have reading notices on (``meta/low-confidence-ocr``: parts of a scan read too poorly to
#: judge): a notice withholds findings, so it is bounded like a false alarm — the hand-filled form scans
#: (extra25, extra29: fill-ins garbled; extra51: a scanned key-terms form); the noisy printed scans of
#: extra32/36 are read since the denoise.
MAX_READ_BADLY = {"extra25": 3, "extra29": 3, "extra51": 4}


@pytest.fixture(scope="module")
def further_scores(request: pytest.FixtureRequest) -> dict[str, Score]:
    """The scores of the further sets this run selected, linted together in one pool (largest files first)."""
    wanted = [
        item.callspec.params["name"]
        for item in request.session.items
        if item.originalname == "test_further_labelled_sets_do_not_regress"
    ]
    scores = evaluate_folders([HERE / "corpus" / name for name in wanted], jobs=JOBS)
    return {score.name: score for score in scores}


@pytest.mark.parametrize(("name", "min_recall", "max_alarms", "max_clean_alarmed"), FURTHER)
def test_further_labelled_sets_do_not_regress(
    further_scores: dict[str, Score], name: str, min_recall: float, max_alarms: int, max_clean_alarmed: int
) -> None:
    """The further sets in other drafting styles: the figures reached are floors (a ratchet)."""
    score = further_scores[name]
    report = "\n".join(report_lines(score))
    assert not score.unreadable, report
    assert score.recall >= min_recall, report
    assert score.false_alarms <= max_alarms, report
    assert score.clean_alarmed <= max_clean_alarmed, report
    assert len({a.file for a in score.notices}) <= MAX_READ_BADLY.get(name, 0), report


def test_every_extra_set_has_a_ratchet_row() -> None:
    """A set added to ``tests/corpus`` is in ``make eval`` at once (eval globs them); it needs a row here."""
    on_disk = {p.name for p in (HERE / "corpus").glob("extra*") if (p / "labels.json").is_file()}
    assert on_disk == {row[0] for row in FURTHER}


def test_a_reading_notice_is_neither_a_hit_nor_a_false_alarm() -> None:
    """``meta/low-confidence-ocr`` (part of a scan read too poorly to judge) is counted apart and printed."""
    from contractkit.evaluation import score_findings
    from contractkit.findings import Finding, Severity
    from contractkit.readers.model import Location

    def finding(rule: str, snippet: str) -> Finding:
        return Finding(rule, Severity.WARNING, "m", "m", Location(index=0, page=1, line=3), snippet=snippet)

    score = Score(name="s")
    notice = finding("meta/low-confidence-ocr", "")
    score_findings(score, "clean.pdf", {"clean": True, "defects": []}, [notice])
    label = {"clean": False, "defects": [{"family": "meta", "what": "x", "quote": None}]}
    score_findings(score, "bad.pdf", label, [notice, finding("dispute/no-dispute-clause", "")])
    assert score.false_alarms == 1 and score.clean_alarmed == 0 and score.found == 0
    assert [a.file for a in score.notices] == ["clean.pdf", "bad.pdf"]
    lines = report_lines(score)
    assert "eval.s.reading_notices: 2 files (parts read too poorly to judge)" in lines
    assert any(line.startswith("  NOTICE clean.pdf meta/low-confidence-ocr") for line in lines)


def test_folders_scored_together_score_as_each_alone(tmp_path: Path) -> None:
    """evaluate_folders (one pool, largest first) gives each folder the score evaluate_folder gives it."""
    import json

    for name, text, quote in (
        ("s1", "甲方采购办公设备一批。\n", "办公设备一批"),
        ("s2", "付款方式另行协商。\n", None),
    ):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_text(text, encoding="utf-8")
        (folder / "b.txt").write_text("本合同一式两份。\n" * 50, encoding="utf-8")  # the larger file
        family = "subject" if quote else "payment"
        labels = {
            "a.txt": {"clean": False, "defects": [{"family": family, "what": "x", "quote": quote}]},
            "b.txt": {"clean": True, "defects": []},
        }
        (folder / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    together = evaluate_folders([tmp_path / "s1", tmp_path / "s2"], jobs=2)
    alone = [evaluate_folder(tmp_path / "s1"), evaluate_folder(tmp_path / "s2")]
    assert [s.name for s in together] == ["s1", "s2"]
    assert [report_lines(s) for s in together] == [report_lines(s) for s in alone]
    assert together[0].found_by_family["subject"] == 1


@pytest.mark.parametrize("labels", [None, "{not json", "[1, 2]", '{"a.txt": {"defects": 3}}'])
def test_eval_script_says_why_a_folder_is_no_set(tmp_path: Path, labels: str | None) -> None:
    """`make eval FOLDER` on a folder without a readable labels.json: a clear message and exit 2."""
    import subprocess
    import sys

    if labels is not None:
        (tmp_path / "labels.json").write_text(labels, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(HERE.parent / "scripts" / "eval.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "cannot read its labels" in run.stderr and "labels.json" in run.stderr
