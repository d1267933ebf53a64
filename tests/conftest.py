"""Shared pytest fixtures: paths to the repo's samples and the shared real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS} (CI clones main with shared/ beside it)")
    return CORPUS


def soffice_to_pdf(src: Path, outdir: Path) -> Path:
    """Convert ``src`` with a fresh soffice (own profile) and return the PDF.

    LibreOffice is installed by `make test`, so a missing soffice fails the test instead of skipping it.
    """
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is missing: run `make soffice` (make test installs it)")
    profile = outdir / ".lo-profile"
    proc = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(src),
        ],
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / f"{Path(src).stem}.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stderr.decode(errors="replace")
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def doc_of(text: str):
    """A text Document with sections assigned, as the lint engine prepares it for the rules."""
    from contractkit.facts import assign_sections
    from contractkit.readers.text import document_from_text

    doc = document_from_text(text, "<test>")
    doc.blocks = assign_sections(doc.blocks)
    return doc


def run_rule(rule_id: str, text, settings=None) -> list:
    """The findings of one rule (default severity) on ``text`` (a string or a Document)."""
    from contractkit.checks import load_rules
    from contractkit.checks.base import RuleContext
    from contractkit.config import Settings

    r = load_rules()[rule_id]
    doc = doc_of(text) if isinstance(text, str) else text
    return list(r.check(doc, RuleContext(r, settings or Settings(), r.severity)))


def fires(rule_id: str, text: str, settings=None) -> bool:
    """Whether the rule finds anything in ``text``."""
    return bool(run_rule(rule_id, text, settings))
