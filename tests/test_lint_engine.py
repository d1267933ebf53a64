"""The lint engine: rule selection, severity overrides, crash isolation, ordering, paths and folders."""

from __future__ import annotations

from pathlib import Path

from conftest import make_rule

from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import available_rules, expand_paths, lint_document, lint_paths, lint_text
from contractkit.readers.text import document_from_text

DRAFT = (
    "第一条 标的\n甲方向乙方采购办公设备一批。\n第二条 付款\n验收合格后支付合同总价的60%。\n视情况支付尾款。"
)


def test_findings_sorted_by_location() -> None:
    found = lint_text(DRAFT, Settings(select=("subject", "payment")))
    keys = [(f.location.index, f.span[0] if f.span else -1) for f in found]
    assert keys == sorted(keys)
    assert {"subject/vague-quantity", "payment/trigger-without-deadline", "payment/vague-trigger"} <= {
        f.rule for f in found
    }


def test_select_ignore_and_severity_override() -> None:
    only = lint_text(DRAFT, Settings(select=("payment/vague-trigger",)))
    assert {f.rule for f in only} == {"payment/vague-trigger"}
    ignored = lint_text(DRAFT, Settings(select=("payment",), ignore=("payment/vague-trigger",)))
    assert "payment/vague-trigger" not in {f.rule for f in ignored}
    loud = lint_text(DRAFT, Settings(select=("payment",), severity={"payment": "error"}))
    assert loud and all(f.severity is Severity.ERROR for f in loud)


def test_sections_are_assigned_before_rules_run() -> None:
    # "部分" only counts in subject context: the 标的 heading gives it, the later heading does not
    text = "第一条 标的\n乙方交付部分设备。\n第二条 其他\n乙方交付部分资料。"
    found = lint_text(text, Settings(select=("subject/vague-quantity",)))
    assert [f.location.line for f in found] == [2]


def test_crashing_rule_becomes_internal_finding() -> None:
    def boom(doc, ctx):
        raise RuntimeError("kaput")

    good = available_rules()["payment/vague-trigger"]
    bad = make_rule("test/boom", boom)
    found = lint_document(document_from_text("视情况支付尾款。"), rules=[bad, good])
    rules = [f.rule for f in found]
    assert "internal/rule-crashed" in rules and "payment/vague-trigger" in rules
    crash = next(f for f in found if f.rule == "internal/rule-crashed")
    assert crash.severity is Severity.ERROR and "test/boom" in crash.message and "kaput" in crash.message_en


def test_lint_paths_isolates_unreadable_files(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("甲方向乙方采购办公设备一批，数量若干。", encoding="utf-8")
    broken = tmp_path / "b.docx"
    broken.write_bytes(b"this is not a zip")
    result = lint_paths([good, broken, tmp_path / "missing.pdf"])
    assert [Path(f.path).name for f in result.files] == ["a.txt", "b.docx", "missing.pdf"]
    assert result.files[0].error is None and result.files[0].findings
    assert result.files[1].error and result.files[2].error
    assert result.counts()["unreadable"] == 2


def test_folders_expand_to_supported_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("x.txt", "sub/y.md", "z.png", ".hidden.txt", "~$lock.docx"):
        (tmp_path / name).write_text("甲方", encoding="utf-8")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert got == ["x.txt", "sub/y.md"]


def test_json_deal_is_linted_as_rendered_document(samples_dir: Path) -> None:
    result = lint_paths([samples_dir / "contract-equipment.json"], Settings(select=("subject", "payment")))
    (fr,) = result.files
    assert fr.error is None
    # the rendered deal is a well-formed contract: none of these families' rules fire on it
    assert [f.rule for f in fr.findings] == []


def test_invalid_deal_is_a_file_error(samples_dir: Path) -> None:
    bad = sorted((samples_dir / "invalid").glob("*.json"))[0]
    (fr,) = lint_paths([bad]).files
    assert fr.error and fr.findings == []
