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
