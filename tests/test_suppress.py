"""Suppression markers: applied by the library lint (CLI and API alike), paragraph-only, need a reason, unused
ones reported; Word-comment markers come from the one read of the document."""

from __future__ import annotations

import io
from pathlib import Path

from contractkit.config import Settings
from contractkit.lint import lint_document, lint_paths, lint_text
from contractkit.suppress import NO_REASON, UNUSED, find_suppressions, parse_markers

BASE = "第一条 标的\n甲方向乙方采购办公家具一批。{a}\n乙方另提供办公椅一批。{b}\n"


def lint(tmp_path: Path, text: str, name: str = "d.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return lint_paths([p])


def rules_at(result, needle: str) -> set[str]:
    return {f.rule for f in result.findings() if needle in f.snippet}


def test_parse_markers() -> None:
    assert parse_markers("contractkit: ignore subject/vague-quantity 客户确认") == [
        ("subject/vague-quantity", "客户确认", "contractkit: ignore subject/vague-quantity 客户确认")
    ]
    assert parse_markers("（contractkit：ignore payment）")[0][:2] == ("payment", "")
    assert parse_markers("nothing here") == []


def test_applies_to_its_paragraph_only(tmp_path: Path) -> None:
    plain = lint(tmp_path, BASE.format(a="", b=""))
    assert "subject/vague-quantity" in rules_at(plain, "家具一批") and "subject/vague-quantity" in rules_at(
        plain, "办公椅一批"
    )
    res = lint(
        tmp_path, BASE.format(a="（contractkit: ignore subject/vague-quantity 框架协议，数量见订单）", b="")
    )
    assert "subject/vague-quantity" not in rules_at(res, "家具一批")
    assert "subject/vague-quantity" in rules_at(res, "办公椅一批")
    assert not [f for f in res.findings() if f.rule.startswith("meta/")]


def test_family_marker(tmp_path: Path) -> None:
    res = lint(tmp_path, BASE.format(a="", b="（contractkit: ignore subject 样品，数量不限）"))
    assert not {r for r in rules_at(res, "办公椅一批") if r.startswith("subject/")}


def test_missing_reason_is_a_finding_and_not_applied(tmp_path: Path) -> None:
    res = lint(tmp_path, BASE.format(a="（contractkit: ignore subject/vague-quantity）", b=""))
    assert "subject/vague-quantity" in rules_at(res, "家具一批")
    assert [f for f in res.findings() if f.rule == NO_REASON]


def test_unused_reported(tmp_path: Path) -> None:
    res = lint(
        tmp_path,
        BASE.format(a="", b="")
        + "第二条 其他\n本条无问题。contractkit: ignore penalty/deposit-over-limit 无\n",
    )
    unused = [f for f in res.findings() if f.rule == UNUSED]
    assert len(unused) == 1 and "penalty/deposit-over-limit" in unused[0].message


def test_word_comment_marker(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("第一条 标的")
    p1 = d.add_paragraph("甲方向乙方采购办公家具一批。")
    d.add_paragraph("乙方另提供办公椅一批。")
    d.add_comment(
        p1.runs, text="contractkit: ignore subject/vague-quantity 框架协议，数量以订单为准", author="法务"
    )
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "c.docx"
    path.write_bytes(buf.getvalue())
    marks = find_suppressions(str(path))
    assert len(marks) == 1 and marks[0].source == "comment" and marks[0].location.paragraph == 2
    res = lint_paths([path])
    assert "subject/vague-quantity" not in rules_at(res, "家具一批")
    assert "subject/vague-quantity" in rules_at(res, "办公椅一批")


def _comment_docx(tmp_path: Path, note: str) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("第一条 标的")
    p1 = d.add_paragraph("甲方向乙方采购办公家具一批。")
    d.add_comment(p1.runs, text=note, author="法务")
    path = tmp_path / "n.docx"
    d.save(str(path))
    return path


def test_comment_markers_are_read_with_the_document_not_twice(tmp_path: Path, monkeypatch) -> None:
    """The reader keeps the comment; lint applies it without opening the file again."""
    from contractkit.readers.dispatch import read_document

    doc = read_document(_comment_docx(tmp_path, "contractkit: ignore subject 框架协议"))
    assert doc.meta["comments"] == [(1, "contractkit: ignore subject 框架协议")]
    import docx

    monkeypatch.setattr(docx, "Document", lambda *a, **k: (_ for _ in ()).throw(AssertionError("re-read")))
    found = lint_document(doc)
    assert not [f for f in found if f.rule.startswith("subject/") and "家具一批" in f.snippet]


def test_ordinary_comments_are_not_kept(tmp_path: Path) -> None:
    from contractkit.readers.dispatch import read_document

    assert read_document(_comment_docx(tmp_path, "请核对数量")).meta["comments"] == []


def test_lint_text_applies_markers() -> None:
    """An API user linting a string gets the same suppressions as the CLI."""
    text = BASE.format(a="（contractkit: ignore subject/vague-quantity 框架协议）", b="")
    found = lint_text(text)
    assert not [f for f in found if f.rule == "subject/vague-quantity" and "家具一批" in f.snippet]
    assert [f for f in found if f.rule == "subject/vague-quantity" and "办公椅一批" in f.snippet]
    raw = lint_text(text, suppress=False)
    assert [f for f in raw if f.rule == "subject/vague-quantity" and "家具一批" in f.snippet]


def test_marker_for_a_rule_that_did_not_run_is_not_unused() -> None:
    text = BASE.format(a="", b="") + "本条无问题。contractkit: ignore penalty/deposit-over-limit 关联方\n"
    only_subject = lint_text(text, Settings(select=("subject",)))
    assert not [f for f in only_subject if f.rule == UNUSED]
    assert [f for f in lint_text(text) if f.rule == UNUSED]


def test_cli_has_no_suppression_step() -> None:
    """The CLI is a thin layer: it does not apply suppressions itself."""
    import inspect

    from contractkit.cli import lint as cli_lint

    source = inspect.getsource(cli_lint)
    assert "contractkit.suppress" not in source and "apply_baseline" not in source


def test_no_markers_no_change(samples_dir: Path) -> None:
    path = samples_dir / "drafts" / "defective-sales-contract.txt"
    from contractkit.readers.dispatch import read_document

    doc = read_document(path)
    assert lint_document(doc) == lint_document(doc, suppress=False)
