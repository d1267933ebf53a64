"""Write docs/contract-model.md from the facts model's dataclasses (see contractkit.contract.reference)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from contractkit.contract.reference import model_reference

    (ROOT / "docs" / "contract-model.md").write_text(model_reference(), encoding="utf-8")
