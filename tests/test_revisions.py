"""Tracked changes in a .docx: counted and said (``meta/revisions``), read accepted / original, and
``revisions="changes"`` reports only what the counterparty's changes introduce."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from contractkit.lint import lint_file
from contractkit.readers.docx import read_docx
from contractkit.readers.model import ReadOptions

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "drafts" / "clean-sales-contract.txt"
#: Ours already holds this defect (payment/vague-trigger): it is no change of theirs.
OURS_DEFECT = "4.5 培训费视情况支付。"
LATE_PAYMENT = "7.2 甲方逾期付款的，每逾期一日按未付款项的万分之三向乙方支付违约金。"
DEEMED = "6.3 甲方逾期未验收或者未提出书面异议的，视为验收合格。"
MOVED = "10.1 本合同一式两份，双方各执一份。"
AUTHOR = "乙方律师"
NEW_CLAUSE = "10.2 本合同未尽事宜，以乙方解释为准。"


def _run(p: etree._Element, text: str, kind: str = "", rid: int = 0) -> None:
    """Append ``text`` to paragraph ``p`` as a plain run or inside a ``w:ins``/``w:del``/move wrapper."""
    r = etree.SubElement(p if not kind else _wrap(p, kind, rid), qn("w:r"))
    t = etree.SubElement(r, qn("w:delText") if kind == "del" else qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _wrap(p: etree._Element, kind: str, rid: int) -> etree._Element:
    el = etree.SubElement(p, qn(f"w:{kind}"))
    el.set(qn("w:id"), str(rid))
    el.set(qn("w:author"), AUTHOR)
    el.set(qn("w:date"), "2026-04-21T09:00:00Z")
    return el


def build(path: Path) -> Path:
    """Our clean contract (plus one defect of ours) with their tracked changes: 万分之三 → 万分之五 in 7.2,
    clause 6.3 (deemed acceptance) deleted, 10.1 moved to the end, a new clause 10.2 inserted."""
    d = docx.Document()
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    at = lines.index("4.4 乙方应在每期付款前开具等额增值税专用发票。")
    lines.insert(at + 1, OURS_DEFECT)
    for line in lines:
        if line.startswith("|"):
            continue  # the item table is not what this test is about
        p = d.add_paragraph()._p
        if line == LATE_PAYMENT:
            head, tail = line.split("万分之三")
            _run(p, head + "万分之")
            _run(p, "三", "del", 1)
            _run(p, "五", "ins", 2)
            _run(p, tail)
        elif line == DEEMED:
            _run(p, line, "del", 3)
        elif line == MOVED:
            _run(p, line, "moveFrom", 4)
        else:
            _run(p, line)
    p = d.add_paragraph()._p
    _run(p, MOVED, "moveTo", 5)
    p = d.add_paragraph()._p
    _run(p, NEW_CLAUSE, "ins", 6)
    out = path / "theirs.docx"
    d.save(out)
    return out


@pytest.fixture(scope="module")
def theirs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("revisions"))


def _texts(path: Path, mode: str) -> list[str]:
    return [b.text for b in read_docx(path, revisions=mode).blocks]  # type: ignore[arg-type]


def test_revisions_are_counted_with_their_author(theirs: Path) -> None:
    rev = read_docx(theirs).meta["revisions"]
    assert (rev["insertions"], rev["deletions"], rev["moves"]) == (2, 2, 1)
    assert rev["authors"] == [AUTHOR] and rev["mode"] == "accepted"


def test_accepted_reads_their_text_and_a_move_once(theirs: Path) -> None:
    texts = _texts(theirs, "accepted")
    assert LATE_PAYMENT.replace("万分之三", "万分之五") in texts
    assert DEEMED not in texts
    assert texts.count(MOVED) == 1 and texts[-2] == MOVED
    assert texts[-1] == NEW_CLAUSE


def test_original_reads_the_text_before_their_changes(theirs: Path) -> None:
    texts = _texts(theirs, "original")
    assert LATE_PAYMENT in texts and DEEMED in texts
    assert texts.count(MOVED) == 1 and texts.index(MOVED) < texts.index("签订日期：2026年4月20日")
    assert not any("以乙方解释为准" in t for t in texts)


def test_inserted_blocks_are_listed(theirs: Path) -> None:
    doc = read_docx(theirs)
    inserted = {doc.blocks[i].text for i in doc.meta["revisions"]["inserted"]}
    assert inserted == {
        LATE_PAYMENT.replace("万分之三", "万分之五"),
        MOVED,
        NEW_CLAUSE,
    }


def _rules(path: Path, mode: str) -> set[str]:
    result = lint_file(path, read_options=ReadOptions(revisions=mode))  # type: ignore[arg-type]
    assert result.error is None
    return {f.rule for f in result.findings}


def test_accepted_says_the_changes_were_accepted(theirs: Path) -> None:
    rules = _rules(theirs, "accepted")
    assert {"meta/revisions", "penalty/rate-above-cap", "acceptance/no-deemed-acceptance"} <= rules
    assert "payment/vague-trigger" in rules  # ours, still there


def test_original_has_neither_of_their_defects(theirs: Path) -> None:
    rules = _rules(theirs, "original")
    assert "payment/vague-trigger" in rules
    assert not rules & {"penalty/rate-above-cap", "acceptance/no-deemed-acceptance"}


def test_changes_reports_only_what_their_changes_introduce(theirs: Path) -> None:
    rules = _rules(theirs, "changes")
    assert {"penalty/rate-above-cap", "acceptance/no-deemed-acceptance", "meta/revisions"} <= rules
    assert "payment/vague-trigger" not in rules  # our own defect is not theirs


def test_the_note_names_the_mode_in_both_languages(theirs: Path) -> None:
    result = lint_file(theirs, read_options=ReadOptions(revisions="changes"))
    (note,) = [f for f in result.findings if f.rule == "meta/revisions"]
    assert "修订" in note.message and "乙方律师" in note.message and "只报告修订引入的问题" in note.message
    assert "2 insertion(s), 2 deletion(s), 1 move(s)" in note.message_en


def test_a_draft_without_changes_has_no_note(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph(OURS_DEFECT)
    d.save(tmp_path / "plain.docx")
    assert "revisions" not in read_docx(tmp_path / "plain.docx").meta
    assert _rules(tmp_path / "plain.docx", "changes") == {"payment/vague-trigger"}  # nothing to compare


def test_cli_revisions_option(capsys: pytest.CaptureFixture[str], theirs: Path) -> None:
    from contractkit.cli import main

    assert main(["lint", str(theirs), "--revisions", "changes", "--lang", "en"]) == 1
    changes = capsys.readouterr().out
    main(["lint", str(theirs), "--lang", "en"])
    accepted = capsys.readouterr().out
    assert "vague-trigger" in accepted and "vague-trigger" not in changes
    assert "rate-above-cap" in changes and "tracked changes" in changes
    assert main(["lint", str(theirs), "--revisions", "rejected"]) == 2
