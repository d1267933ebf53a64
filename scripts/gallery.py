"""``make gallery``: render every sample deal to PDF and its first page to ``docs/gallery/<sample>.png``
(pdftoppm), so reviewers see the documents as the customer does."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "gallery"
DPI = 80


def first_page_png(pdf: Path, png: Path, dpi: int = DPI) -> None:
    """Write page 1 of ``pdf`` as ``png`` with pdftoppm."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise SystemExit("pdftoppm is missing: run `make soffice` (poppler-utils)")
    stem = png.with_suffix("")
    subprocess.run(
        [exe, "-f", "1", "-l", "1", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(stem)], check=True
    )


def main(argv: list[str]) -> int:
    """Render the samples (or the deal files given) and write one PNG each."""
    import contractkit

    deals = [Path(a) for a in argv] or sorted((ROOT / "samples").glob("*.json"))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for path in deals:
            pdf = Path(tmp) / f"{path.stem}.pdf"
            contractkit.render_deal(path, pdf, format="pdf")
            png = OUT / f"{path.stem}.png"
            first_page_png(pdf, png)
            print(f"wrote {png.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
