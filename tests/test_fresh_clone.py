"""A fresh clone passes alone: the repository's HEAD is cloned into an empty folder (no ``shared/`` beside it)
and the README's two commands, ``make demo`` and ``make test``, run there.

Bounded on purpose: the clone reuses this checkout's virtualenv (``NO_INSTALL=1 VENV=…``, with ``PYTHONPATH``
pointing at the clone so the clone's code is what runs), and ``make test`` runs pytest on a subset
(``FRESH_CLONE_TESTS``) that includes external-corpus tests, which must show up as skipped with their reason.
``CONTRACTKIT_FRESH_CLONE_FULL=1`` runs the clone's whole test suite instead (minus the slow tests).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

#: The clone's pytest subset: suppressions, skipped entries, the API, docs and install checks, and two files
#: with external-corpus tests (skipped there).
FRESH_CLONE_TESTS = (
    "tests/test_suppress.py",
    "tests/test_api.py",
    "tests/test_lint_skipped.py",
    "tests/test_docs_install.py",
    "tests/test_docs_legal.py",
    "tests/test_readers_corpus.py",
    "tests/test_facts_rates.py",
)


def _clean_env(clone: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONTRACTKIT_", "PYTEST_"))}
    env["PYTHONPATH"] = str(clone)
    env.pop("MAKEFLAGS", None)
    env.pop("MFLAGS", None)
    return env


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``git clone`` of this repository's HEAD into an otherwise empty folder."""
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.fail("git and make are needed for the fresh-clone test")
    empty = tmp_path_factory.mktemp("fresh")
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), "repo"], cwd=empty, check=True)
    assert sorted(p.name for p in empty.iterdir()) == ["repo"]  # nothing beside it: no shared/
    return empty / "repo"


def _make(clone: Path, *args: str, timeout: int) -> subprocess.CompletedProcess[str]:
    venv = Path(sys.prefix)
    cmd = ["make", "--no-print-directory", *args, "NO_INSTALL=1", f"VENV={venv}"]
    return subprocess.run(
        cmd, cwd=clone, env=_clean_env(clone), capture_output=True, text=True, timeout=timeout
    )


def test_make_demo_runs_clean(clone: Path) -> None:
    proc = _make(clone, "demo", timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    assert "(ignored)" not in out and "Error" not in out, out[-4000:]
    assert "as expected" in out.splitlines()[-1]
    assert any((clone / "out").glob("*.pdf")) and any((clone / "out").glob("*.docx"))


def test_make_test_passes_with_external_tests_visibly_skipped(clone: Path) -> None:
    if os.environ.get("CONTRACTKIT_FRESH_CLONE_FULL") == "1":
        args = "-x -p no:cacheprovider -m 'not slow'"
    else:
        args = "-x -p no:cacheprovider " + " ".join(FRESH_CLONE_TESTS)
    proc = _make(clone, "test", f"PYTEST_ARGS={args}", timeout=1800)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    assert "SKIPPED" in out and "external corpus missing" in out, out[-4000:]
    assert " passed" in out and " failed" not in out


def test_required_external_corpus_fails_when_missing(clone: Path) -> None:
    """What .ci/run sets: with CONTRACTKIT_REQUIRE_SHARED=1 a missing corpus is a failure, not a skip."""
    env = {**_clean_env(clone), "CONTRACTKIT_REQUIRE_SHARED": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "tests/test_facts_rates.py"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "CONTRACTKIT_REQUIRE_SHARED is set" in out, out[-3000:]
    assert "export CONTRACTKIT_REQUIRE_SHARED=1" in (clone / ".ci" / "run").read_text(encoding="utf-8")
