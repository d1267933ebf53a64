"""The built wheel works on its own: sdist + wheel are built, the wheel is installed into a fresh venv, and
``validate``, ``render`` (docx), ``lint`` and ``templates check --samples DIR`` run from it, outside the
repository (templates and schemas come from the wheel).

The build fetches its backend (hatchling) from the package index. The fresh venv gets the wheel with
``--no-deps`` and sees the dependencies of the running environment through a ``.pth`` file (no download, and
``pip check`` proves the wheel's declared requirements are met); ``CONTRACTKIT_WHEEL_DEPS=index`` installs
them from the index instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow
DIST = "contractkit_cn"


def run(*cmd: str | Path, cwd: Path, ok: tuple[int, ...] = (0,), env: dict | None = None) -> str:
    proc = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600, env=env
    )
    assert proc.returncode in ok, (
        f"{cmd} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    )
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sdist + wheel of the working tree, built with ``python -m build`` in its own venv."""
    base = tmp_path_factory.mktemp("build")
    venv.create(base / "builder", with_pip=True)
    py = base / "builder" / "bin" / "python"
    run(py, "-m", "pip", "install", "--quiet", "build", cwd=base)
    run(py, "-m", "build", "--outdir", base / "dist", ROOT, cwd=base)
    return base / "dist"


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns its bin folder."""
    (wheel,) = dist.glob(f"{DIST}-*.whl")
    target = tmp_path_factory.mktemp("venv") / "v"
    venv.create(target, with_pip=True)
    py = target / "bin" / "python"
    if os.environ.get("CONTRACTKIT_WHEEL_DEPS") == "index":
        run(py, "-m", "pip", "install", "--quiet", wheel, cwd=target)
    else:
        purelib = subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        here = sysconfig.get_path("purelib")  # the running environment's dependencies
        Path(purelib, "zz-contractkit-test-deps.pth").write_text(here + "\n", encoding="utf-8")
        run(py, "-m", "pip", "install", "--quiet", "--no-deps", wheel, cwd=target)
        run(py, "-m", "pip", "check", cwd=target)
    return target / "bin"


def test_sdist_and_wheel_are_built(dist: Path) -> None:
    import tarfile
    import zipfile

    (sdist,) = dist.glob(f"{DIST}-*.tar.gz")
    (wheel,) = dist.glob(f"{DIST}-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for member in (
        "contractkit/templates/quote.docx",
        "contractkit/templates/sales_contract.docx",
        "contractkit/schemas/contract.schema.json",
        "contractkit/api.py",
    ):
        assert member in names, member
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Name: contractkit-cn" in meta
    with tarfile.open(sdist) as tf:
        members = tf.getnames()
    assert any(m.endswith("/pyproject.toml") for m in members) and any(
        m.endswith("/schemas/contract.schema.json") for m in members
    )


def test_commands_run_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    samples = work / "deals"
    shutil.copytree(ROOT / "samples", samples, ignore=shutil.ignore_patterns("invalid", "drafts", "catalog"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    ck = installed / "contractkit"
    where = run(
        installed / "python", "-c", "import contractkit; print(contractkit.__file__)", cwd=work, env=env
    )
    assert str(installed.parent) in where, "contractkit must come from the fresh venv, not the repository"

    out = run(ck, "validate", *sorted(samples.glob("*.json")), "--lang", "en", cwd=work, env=env)
    assert "0 invalid" in out
    run(ck, "render", samples / "contract-equipment.json", "-o", work / "c.docx", cwd=work, env=env)
    assert (work / "c.docx").read_bytes().startswith(b"PK")
    draft = work / "draft.txt"
    shutil.copy(ROOT / "samples" / "drafts" / "defective-sales-contract.txt", draft)
    lint = run(ck, "lint", draft, work / "c.docx", "--lang", "en", cwd=work, ok=(0, 1), env=env)
    assert "2 file(s)" in lint and "payment/" in lint
    check = run(ck, "templates", "check", "--samples", samples, "--lang", "en", cwd=work, ok=(0, 1), env=env)
    assert "quote.docx" in check and "sales_contract.docx" in check
    assert (
        "unknown-variable" not in check
        and "templates/render" not in check
        and "templates/syntax" not in check
    )
    assert run(ck, "--version", cwd=work, env=env).strip().endswith("0.1.0")
