"""``lint --redline`` over every defective .docx we have: the sample draft and each defective .docx of the
labelled corpus, linted with each sample playbook.

For every tracked change: the deleted text is exactly the words the fix names (runs split at them), the
inserted run keeps the deleted run's formatting, rejecting it gives back the paragraph and accepting it
gives the paragraph with the fix; changes land inside tables and in Word-numbered paragraphs; accepting
every change gives a text on which each fixed finding no longer fires; the original file is untouched.
"""

from __future__ import annotations

import copy
import hashlib
import json
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from lxml import etree

from contractkit.annotate import _run_texts, iter_paragraphs, location_key
from contractkit.compare.redline import accept_all
from contractkit.fixes import plan
from contractkit.lint import available_rules, lint_paths
from contractkit.playbook import load_playbooks, playbook_rules
from contractkit.readers.dispatch import read_document
from contractkit.redline import redline_docx

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "corpus" / "labelled"
PLAYBOOKS = {p.stem: p for p in sorted((ROOT / "samples" / "playbooks").glob("*.toml"))}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _defective_docx() -> list[Path]:
    labels = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))
    corpus = [LABELLED / name for name, lab in labels.items() if name.endswith(".docx") and not lab["clean"]]
    return [ROOT / "samples" / "drafts" / "defective-sales-contract.docx", *corpus]


DRAFTS = _defective_docx()


def _rules(playbook: str | None) -> tuple[list, object]:
    rules = list(available_rules().values())
    if playbook is None:
        return rules, None
    book = load_playbooks([PLAYBOOKS[playbook]])
    return rules + playbook_rules(book), book


def _lint(path: Path, rules: list) -> list:
    return lint_paths([path], rules=rules).files[0].findings


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t", f"{W}delText"))


def _accepted_copy(p: etree._Element) -> str:
    q = copy.deepcopy(p)
    accept_all([q])
    return "".join(t for _, t in _run_texts(q))


def _rejected_copy(p: etree._Element) -> str:
    q = copy.deepcopy(p)
    for ins in list(q.iter(f"{W}ins")):
        ins.getparent().remove(ins)
    for d in list(q.iter(f"{W}del")):
        for dt in d.iter(f"{W}delText"):
            dt.tag = f"{W}t"
        parent, i = d.getparent(), d.getparent().index(d)
        for child in list(d):
            parent.insert(i, child)
            i += 1
        parent.remove(d)
    return "".join(t for _, t in _run_texts(q))


def test_the_drafts_are_there() -> None:
    assert len(DRAFTS) >= 16 and all(p.is_file() for p in DRAFTS)


@pytest.fixture(scope="module", params=[None, *PLAYBOOKS], ids=lambda p: p or "no-playbook")
def runs(request, tmp_path_factory) -> list[dict]:
    """Each draft redlined with the playbook: findings, edits, the read draft, original bytes, output."""
    rules, book = _rules(request.param)
    out_dir = tmp_path_factory.mktemp(request.param or "builtin")
    done = []
    for src in DRAFTS:
        before = hashlib.sha256(src.read_bytes()).hexdigest()
        findings = _lint(src, rules)
        doc = read_document(src)
        edits = plan(findings, doc, book)
        out = out_dir / src.name
        changes, comments = redline_docx(src, findings, out, author="法务部", book=book, doc=doc)
        done.append(
            dict(
                src=src,
                before=before,
                findings=findings,
                edits=edits,
                doc=doc,
                out=out,
                changes=changes,
                comments=comments,
                rules=rules,
            )
        )
    return done


def test_each_change_is_at_the_flagged_words(runs: list[dict]) -> None:
    """The deleted words are the finding's: inside its quoted clause, overlapping the words it flags."""
    for r in runs:
        for f, e in zip(r["findings"], r["edits"], strict=True):
            if e is None or e.span is None or f.span is None:
                continue
            text = r["doc"].blocks[e.block].text
            deleted = text[e.span[0] : e.span[1]]
            if e.span[0] == e.span[1]:  # an insertion: at or just after the flagged words, in the same clause
                assert f.span[0] <= e.span[0] <= f.span[1] + 12, (r["src"].name, f.rule)
                continue
            assert e.span[0] < f.span[1] and f.span[0] < e.span[1], (r["src"].name, f.rule, deleted)
            if e.source in ("rule", "limit", "days"):
                assert deleted in f.snippet, (r["src"].name, f.rule, deleted, f.snippet)


def test_the_original_is_byte_identical_and_every_finding_is_a_comment(runs: list[dict]) -> None:
    for r in runs:
        assert hashlib.sha256(r["src"].read_bytes()).hexdigest() == r["before"], r["src"].name
        assert r["comments"] == len(r["findings"]), r["src"].name
        assert r["changes"] == sum(1 for e in r["edits"] if e is not None), r["src"].name


def test_each_change_deletes_exactly_the_flagged_words_and_keeps_their_formatting(runs: list[dict]) -> None:
    seen = 0
    for r in runs:
        document = docx.Document(str(r["out"]))
        body = document.element.body
        for p in list(body.iter(f"{W}p")):  # inserted paragraphs out, so the others keep their numbers
            if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None:
                p.getparent().remove(p)
        paras = dict(iter_paragraphs(body))
        by_para: dict[tuple, list] = {}
        for e in r["edits"]:
            if e is not None and e.span is not None:
                by_para.setdefault(location_key(r["doc"].blocks[e.block].location), []).append(e)
        for key, edits in by_para.items():
            p = paras[key]
            original = r["doc"].blocks[edits[0].block].text
            assert _rejected_copy(p) == original, (r["src"].name, key)
            expected = original
            for e in sorted(edits, key=lambda e: -e.span[0]):
                expected = expected[: e.span[0]] + e.text + expected[e.span[1] :]
            assert _accepted_copy(p) == expected, (r["src"].name, key)
            # each w:ins follows the w:del of the words it replaces; its run takes their formatting
            want = Counter((original[e.span[0] : e.span[1]], e.text) for e in edits)
            got: Counter = Counter()
            for ins in p.iter(f"{W}ins"):
                if ins.getparent().tag == f"{W}rPr":
                    continue
                dels = []
                prev = ins.getprevious()
                while prev is not None and prev.tag == f"{W}del":
                    dels.insert(0, prev)
                    prev = prev.getprevious()
                got[("".join(_text(d) for d in dels), _text(ins))] += 1
                if dels:
                    assert not list(dels[-1].iter(f"{W}t")), "deleted text must be w:delText"
                    before_rpr = dels[-1].find(f"{W}r/{W}rPr")
                    after_rpr = ins.find(f"{W}r/{W}rPr")
                    assert (before_rpr is None) == (after_rpr is None)
                    if before_rpr is not None:
                        assert etree.tostring(before_rpr) == etree.tostring(after_rpr)
                for mark in (ins, *dels):
                    assert mark.get(f"{W}author") == "法务部" and mark.get(f"{W}date", "").endswith("Z")
            assert got == want, (r["src"].name, key)
            seen += len(edits)
    assert seen > 0


def test_accepting_every_change_leaves_no_fixed_finding(runs: list[dict], tmp_path: Path) -> None:
    fixed_total = 0
    for r in runs:
        fixed = Counter(f.rule for f, e in zip(r["findings"], r["edits"], strict=True) if e is not None)
        if not fixed:
            continue
        d = docx.Document(str(r["out"]))
        accept_all([d.element.body])
        accepted = tmp_path / r["src"].name
        d.save(str(accepted))
        before = Counter(f.rule for f in r["findings"])
        after = Counter(f.rule for f in _lint(accepted, r["rules"]))
        for rule, n in fixed.items():
            assert after[rule] <= before[rule] - n, (r["src"].name, rule, before[rule], after[rule])
        inserted = [e.text for e in r["edits"] if e is not None and e.span is None]
        texts = {p.text for p in d.paragraphs}
        assert all(t in texts for t in inserted), r["src"].name
        fixed_total += sum(fixed.values())
    assert fixed_total > 0


def test_changes_land_in_tables_and_in_word_numbered_paragraphs(runs: list[dict]) -> None:
    in_table = numbered = 0
    for r in runs:
        with zipfile.ZipFile(r["out"]) as z:
            root = etree.fromstring(z.read("word/document.xml"))
            styles = etree.fromstring(z.read("word/styles.xml"))
        numbered_styles = {
            st.get(f"{W}styleId")
            for st in styles.iter(f"{W}style")
            if st.find(f"{W}pPr/{W}numPr") is not None
        }
        for mark in root.iter(f"{W}ins", f"{W}del"):
            if mark.getparent().tag == f"{W}rPr":
                continue
            p = next(mark.iterancestors(f"{W}p"))
            in_table += any(True for _ in mark.iterancestors(f"{W}tc"))
            style = p.find(f"{W}pPr/{W}pStyle")
            numbered += p.find(f"{W}pPr/{W}numPr") is not None or (
                style is not None and style.get(f"{W}val") in numbered_styles
            )
    assert numbered > 0  # without a playbook too: b01_v2's rate brought to the cap, a Word-numbered clause
    if len(runs[0]["rules"]) > len(available_rules()):  # a playbook's deadlines and limits sit in tables too
        assert in_table > 0


def test_a_deadline_is_filled_with_the_playbook_days_inside_a_table_cell(tmp_path: Path) -> None:
    src = LABELLED / "b05_v1_injection_equipment_install.docx"  # 20% 验收款: a trigger, no deadline
    rules, book = _rules("buyer-manufacturer")
    findings = _lint(src, rules)
    assert "payment/trigger-without-deadline" in {f.rule for f in findings}
    out = tmp_path / "reviewed.docx"
    redline_docx(src, findings, out, book=book)
    d = docx.Document(str(out))
    accept_all([d.element.body])
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert any("终验收合格（含视为合格）后30日内支付" in c for c in cells)
    accepted = tmp_path / "accepted.docx"
    d.save(str(accepted))
    assert "payment/trigger-without-deadline" not in {f.rule for f in _lint(accepted, rules)}
