"""The reviewer's commands on real drafts: ``lint --redline`` (fixes as tracked changes, accepted back to a
text on which they no longer fire), ``lint --against`` (what the counterparty introduced) and
``lint --playbook``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx

from contractkit.cli import main
from contractkit.compare.redline import accept_all
from contractkit.lint import lint_paths

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "corpus" / "labelled"
PLAYBOOK = ROOT / "samples" / "playbooks" / "seller-distributor.toml"


def _accept(src: Path, out: Path) -> Path:
    d = docx.Document(str(src))
    accept_all([d.element.body])
    d.save(str(out))
    return out


def _rules(path: Path, family: str = "") -> set[str]:
    return {f.rule for fr in lint_paths([path]).files for f in fr.findings if f.rule.startswith(family)}


def _draft(tmp_path: Path, *lines: str) -> Path:
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    path = tmp_path / "draft.docx"
    d.save(str(path))
    return path


def test_redline_fixes_become_tracked_changes_that_accept_to_a_clean_text(tmp_path: Path, capsys) -> None:
    src = LABELLED / "b12_v1_bearings_bilingual.docx"  # DDU: an obsolete trade term
    assert "delivery/obsolete-incoterm" in _rules(src)
    before = src.read_bytes()
    out = tmp_path / "reviewed.docx"
    assert main(["lint", str(src), "--redline", str(out), "--author", "法务部"]) == 1
    assert src.read_bytes() == before  # the original is never changed
    assert "1 处修订" in capsys.readouterr().err
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
        comments = z.read("word/comments.xml").decode()
    assert '<w:del w:id="' in xml and "<w:delText" in xml and "DAP" in xml
    assert 'w:author="法务部"' in xml and "法务部" in comments
    assert "delivery/obsolete-incoterm" in comments
    accepted = _accept(out, tmp_path / "accepted.docx")
    assert "delivery/obsolete-incoterm" not in _rules(accepted)


def test_redline_inserts_a_missing_edition_and_keeps_run_formatting(tmp_path: Path) -> None:
    src = _draft(tmp_path, "买卖合同", "第一条 贸易术语：FOB 上海港，卖方负责装船。", "第二条 一式两份。")
    d = docx.Document(str(src))
    d.paragraphs[1].runs[0].bold = True
    d.save(str(src))
    assert "delivery/incoterm-no-edition" in _rules(src)
    out = tmp_path / "reviewed.docx"
    main(["lint", str(src), "--redline", str(out)])
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    ins = xml[xml.index("<w:ins ") :]
    assert "Incoterms® 2020" in ins.split("</w:ins>")[0] and "<w:b/>" in ins.split("</w:ins>")[0]
    accepted = _accept(out, tmp_path / "accepted.docx")
    assert "delivery/incoterm-no-edition" not in _rules(accepted)
    text = [p.text for p in docx.Document(str(accepted)).paragraphs]
    assert text[1] == "第一条 贸易术语：FOB（Incoterms® 2020） 上海港，卖方负责装船。"


def test_redline_needs_one_docx(tmp_path: Path, capsys) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("甲方采购钢材。", encoding="utf-8")
    assert main(["lint", str(txt), "--redline", str(tmp_path / "x.docx")]) == 2
    assert "--redline" in capsys.readouterr().err


def test_against_reports_what_the_counterparty_introduced_first(capsys) -> None:
    ours, theirs = LABELLED / "b01_servo_sale_standard.docx", LABELLED / "b01_v2_servo_sale_standard.docx"
    assert main(["lint", str(theirs), "--against", str(ours), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["new"]] == ["penalty/rate-above-cap"]
    assert data["unflagged_changes"] == []
    assert main(["lint", str(ours), "--against", str(ours)]) == 0
    out = capsys.readouterr().out
    assert "对方版本新增的问题（0 条）" in out


def test_against_lists_changed_clauses_no_rule_flags(tmp_path: Path, capsys) -> None:
    ours = _draft(tmp_path, "第一条 甲方向乙方采购钢材100吨。", "第二条 本合同一式两份。")
    theirs = tmp_path / "theirs.docx"
    d = docx.Document()
    for line in ("第一条 甲方向乙方采购钢材120吨。", "第二条 本合同一式两份。"):
        d.add_paragraph(line)
    d.save(str(theirs))
    args = ["--format", "json", "--select", "subject/vague-quantity"]
    main(["lint", str(theirs), "--against", str(ours), *args])
    data = json.loads(capsys.readouterr().out)
    assert data["new"] == []
    (change,) = data["unflagged_changes"]
    assert change["ops"][0]["ours"] == "100" and change["ops"][0]["theirs"] == "120"


def test_playbook_findings_in_every_format(capsys) -> None:
    draft = ROOT / "samples" / "drafts" / "defective-sales-contract.docx"
    for fmt in ("text", "json", "sarif", "junit", "github"):
        args = ["lint", str(draft), "--playbook", str(PLAYBOOK), "--format", fmt, "--select", "playbook"]
        assert main(args) == 1
        assert "playbook/our-penalty-cap" in capsys.readouterr().out
    assert main(["lint", str(draft), "--playbook", str(PLAYBOOK), "--select", "playbook"]) == 1
    out = capsys.readouterr().out
    assert "playbook/" in out and "acceptance/" not in out


def test_a_bad_playbook_is_exit_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "x"\nkind = "nope"\n', encoding="utf-8")
    assert main(["lint", str(LABELLED / "b01_servo_sale_standard.docx"), "--playbook", str(bad)]) == 2
    assert "unknown kind" in capsys.readouterr().err
