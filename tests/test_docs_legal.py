"""docs/legal-basis.md is the project's own legal reference: linked instead of ../shared, every cited section
exists, and the dated thresholds the settings use are stated with their dates."""

from __future__ import annotations

import re

from conftest import ROOT

LEGAL = ROOT / "docs" / "legal-basis.md"
USER_DOCS = [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "rules.md")]
CITE = re.compile(r"legal-basis(?:\.md)?\s*§\s*(\d+)(?:\s*[–-]\s*(\d+))?")


def sections() -> set[int]:
    return {int(n) for n in re.findall(r"^## (\d+)\. ", LEGAL.read_text(encoding="utf-8"), re.M)}


def test_sections_one_to_fifteen() -> None:
    assert sections() == set(range(1, 16))


def test_user_docs_link_our_legal_basis_not_the_shared_folder() -> None:
    for doc in USER_DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "shared/legal-basis" not in text, doc.name
    assert "docs/legal-basis.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cited_section_exists() -> None:
    have = sections()
    files = [*USER_DOCS, ROOT / "docs" / "rules.md", *sorted((ROOT / "contractkit").rglob("*.py"))]
    for path in files:
        for m in CITE.finditer(path.read_text(encoding="utf-8")):
            lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
            assert set(range(lo, hi + 1)) <= have, f"{path.relative_to(ROOT)} cites {m.group(0)}"


def test_dated_thresholds_are_stated() -> None:
    text = LEGAL.read_text(encoding="utf-8")
    for fact in (
        "2025-05-20",  # LPR 3.0 % in effect from
        "3.00 %",
        "4 × LPR",
        "20 %",  # 定金 cap
        "30 %",  # penalty over loss
        "2019-04-01",  # 13 % / 9 % VAT
        "2026-01-01",  # VAT Law in force
        "Incoterms® 2020",
        "2023-12-05",  # SPC contract interpretation in force
    ):
        assert fact in text, fact


def test_defaults_match_the_settings() -> None:
    """The LPR and objection-period defaults in §15 are the ones the settings use."""
    from contractkit.config import Settings

    s = Settings()
    text = LEGAL.read_text(encoding="utf-8")
    assert f"{float(s.lpr_1y):.1f} %, {s.lpr_date.isoformat()}" in text
    lo, hi = s.objection_period_months
    assert f"[{lo}, {hi}]" in text
