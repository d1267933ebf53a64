"""`parties` rules on real drafts, JSON deals and the bundled defective sample."""

from __future__ import annotations

from pathlib import Path

from contractkit.config import Settings
from contractkit.findings import Severity
from contractkit.lint import lint_paths, lint_text

PARTIES = Settings(select=("parties",))


def rules(text: str) -> set[str]:
    return {f.rule for f in lint_text(text, PARTIES)}


def test_defective_sample_hits_every_parties_rule(samples_dir: Path) -> None:
    (fr,) = lint_paths([samples_dir / "drafts" / "defective-parties-amount.txt"], PARTIES).files
    got = {f.rule for f in fr.findings}
    assert got == {
        "parties/missing-details",
        "parties/invalid-credit-code",
        "parties/invalid-phone",
        "parties/inconsistent-name",
        "parties/not-full-name",
    }


def test_json_deals_and_clean_draft_have_no_warning(samples_dir: Path) -> None:
    paths = [*sorted(samples_dir.glob("*.json")), samples_dir / "drafts" / "clean-sales-contract.txt"]
    paths = [p for p in paths if not p.name.startswith("price-list")]
    result = lint_paths(paths, PARTIES)
    assert all(fr.error is None for fr in result.files)
    loud = [(fr.path, f.rule) for fr in result.files for f in fr.findings if f.severity >= Severity.WARNING]
    assert loud == []


def test_foreign_party_needs_no_credit_code() -> None:
    text = (
        "甲方：Pacific Marine Supply Pte. Ltd.\n地址：80 Robinson Road\n法定代表人：Tan\n电话：+65 6221 3456"
    )
    assert rules(text) == set()


def test_masked_credit_code_is_not_a_typo() -> None:
    assert "parties/invalid-credit-code" not in rules("统一社会信用代码：91320500MA1XXXXXX0")
    assert "parties/invalid-credit-code" in rules("统一社会信用代码：91320500MA1XYZABC0")


def test_signature_block_with_other_name_is_inconsistent() -> None:
    text = "买方（甲方）：苏州精工机械制造有限公司\n第一条 标的\n甲方（盖章）：苏州精工机械公司"
    found = [f for f in lint_text(text, PARTIES) if f.rule == "parties/inconsistent-name"]
    assert len(found) == 1 and "苏州精工机械公司" in found[0].message


def test_template_blanks_are_not_parties() -> None:
    text = "甲方（学员姓名）：                     联系电话：\n甲方（签名）：　　      乙方（盖章）："
    assert rules(text) == set()


def test_english_contracts_get_no_parties_findings(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir / "en"], PARTIES)
    assert [f for fr in result.files for f in fr.findings] == []
