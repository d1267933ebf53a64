"""Suppression markers: paragraph-only, need a reason, unused ones reported."""

from __future__ import annotations

import io
from pathlib import Path

from contractkit.lint import lint_paths
from contractkit.suppress import NO_REASON, UNUSED, apply_suppressions, find_suppressions, parse_markers

BASE = "第一条 标的\n甲方向乙方采购办公家具一批。{a}\n乙方另提供办公椅一批。{b}\n"


def lint(tmp_path: Path, text: str, name: str = "d.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return apply_suppressions(lint_paths([p]))


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
    res = apply_suppressions(lint_paths([path]))
    assert "subject/vague-quantity" not in rules_at(res, "家具一批")
    assert "subject/vague-quantity" in rules_at(res, "办公椅一批")


def test_no_markers_no_change(samples_dir: Path) -> None:
    before = lint_paths([samples_dir / "drafts" / "defective-sales-contract.txt"])
    assert apply_suppressions(before).findings() == before.findings()
