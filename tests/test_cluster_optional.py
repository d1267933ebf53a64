"""Dask is an optional extra: without ``--scheduler`` nothing imports it, and without the extra
``--scheduler`` says in one line what to install."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from contractkit.cli import main
from contractkit.cluster import require_dask
from contractkit.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent


def test_the_local_render_and_lint_never_import_dask(tmp_path):
    code = (
        "import sys\n"
        "from contractkit.cli import main\n"
        f"assert main(['render', {str(ROOT / 'samples')!r}, '-o', {str(tmp_path / 'out')!r}]) == 0\n"
        f"main(['lint', {str(ROOT / 'samples' / 'drafts')!r}, '--format', 'json'])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'fsspec'})\n"
        "print('LOADED', loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout
    assert list((tmp_path / "out").glob("*.docx"))


@pytest.fixture
def without_dask(monkeypatch):
    real = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        return None if name.split(".")[0] in ("distributed", "dask") else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_a_missing_extra_is_one_clear_line(without_dask, capsys):
    with pytest.raises(UsageError) as caught:
        require_dask()
    assert "contractkit-cn[cluster]" in caught.value.hint and "distributed" in caught.value.message
    assert "cluster" in caught.value.zh
    sample = str(ROOT / "samples" / "quote-office.json")
    assert main(["render", sample, "-o", "out-never", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'contractkit-cn[cluster]'" in err
    assert main(["lint", sample, "--scheduler", "tcp://127.0.0.1:1", "--lang", "zh"]) == 2
    assert "错误：--scheduler 需要安装 cluster 扩展" in capsys.readouterr().err
    assert not Path("out-never").exists()


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="needs the cluster extra")
def test_an_unreachable_scheduler_is_one_clear_line(capsys):
    import dask

    sample = str(ROOT / "samples" / "quote-office.json")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        assert main(["lint", sample, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err and "dask scheduler" in err


def test_a_file_as_the_cluster_output_is_a_usage_error(capsys):
    sample = str(ROOT / "samples" / "quote-office.json")
    assert main(["render", sample, "-o", "quote.docx", "--scheduler", "local:1"]) == 2
    assert "give -o a folder, not a file" in capsys.readouterr().err
