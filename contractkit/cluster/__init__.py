"""Batch render and lint on a Dask cluster (``--scheduler ADDRESS``): the same work as the local path, as pure
functions shipped in bounded chunks, outputs written by the workers to a folder or an fsspec URL, with a
manifest so a re-run resumes. Nothing here imports dask until a cluster is asked for (see ``docs/scale.md``).

Modules: :mod:`.dest` (where outputs go), :mod:`.manifest` (resume), :mod:`.tasks` (what workers run),
:mod:`.plugin` (each worker's PDF converter), :mod:`.engine` (submission with back-pressure),
:mod:`.render` and :mod:`.lint` (the two batch jobs), :mod:`.cli` (the commands' glue).
"""

from __future__ import annotations

from contractkit.errors import UsageError

INSTALL_HINT = "pip install 'contractkit-cn[cluster]' (installs dask[distributed] and fsspec)"


def require_dask() -> None:
    """Raise a clear UsageError when ``dask.distributed`` (or ``fsspec``) is not installed."""
    import importlib.util

    missing = [m for m in ("distributed", "fsspec") if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(
            f"--scheduler needs the cluster extra ({', '.join(missing)} not installed)",
            hint=INSTALL_HINT,
            zh=f"--scheduler 需要安装 cluster 扩展（缺少 {'、'.join(missing)}）",
            hint_zh="运行 pip install 'contractkit-cn[cluster]'（安装 dask[distributed] 与 fsspec）",
        )
