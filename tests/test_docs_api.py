"""docs/api.md: its ``python`` examples run, in order, in a folder holding a copy of ``samples/``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

API_DOC = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    """The ``python`` code blocks of docs/api.md."""
    return BLOCK.findall(API_DOC.read_text(encoding="utf-8"))


def test_the_doc_has_examples_for_every_public_function() -> None:
    import contractkit

    code = "\n".join(blocks())
    functions = [n for n in contractkit.__all__ if n[0].islower() and not n.startswith("_")]
    missing = [n for n in functions if f"contractkit.{n}(" not in code]
    assert not missing, f"docs/api.md has no example of {missing}"


@pytest.mark.slow
def test_api_examples_run(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_api"}
    for i, code in enumerate(blocks(), 1):
        try:
            exec(compile(code, f"docs/api.md block {i}", "exec"), namespace)
        except Exception as exc:  # name the failing block
            raise AssertionError(
                f"docs/api.md block {i} failed: {type(exc).__name__}: {exc}\n{code}"
            ) from exc
    assert (tmp_path / "out" / "reviewed.docx").is_file()
