"""Render and lint on a real ``dask.distributed.LocalCluster`` (2 worker processes on the loopback): the same
documents, failures and findings as the local path, a worker killed mid-run survived, a re-run resumed, each
worker's PDF converter started and stopped by the plugin, and the CLI's ``--scheduler``."""

from __future__ import annotations

import copy
import json
import os
import signal
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from contractkit.cli import main  # noqa: E402
from contractkit.cluster.lint import lint_on_cluster  # noqa: E402
from contractkit.cluster.plugin import NAME  # noqa: E402
from contractkit.cluster.render import render_on_cluster  # noqa: E402
from contractkit.deal.load import load_deal  # noqa: E402
from contractkit.lint import lint_paths  # noqa: E402
from contractkit.render.batch import render_batch  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def client():
    import dask

    # a worker the nanny restarts on a loaded machine may take > 15 s (the default) to come back: the
    # LocalCluster would then close its nanny for good and the killed-worker test would wait for nothing
    with (
        dask.config.set({"distributed.deploy.lost-worker-timeout": "120s"}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        c.wait_for_workers(2, timeout=60)
        yield c


def _dump(deal: dict) -> str:
    return json.dumps(deal, ensure_ascii=False, default=lambda d: str(d) if isinstance(d, Decimal) else d)


@pytest.fixture
def deals(tmp_path) -> list[str]:
    """Good and bad deals: the samples, the invalid samples (one malformed), and JSON Lines with a duplicate
    number, an invalid deal, a number that is not a safe file name and a broken line."""
    base = load_deal(SAMPLES / "contract-equipment.json")
    lines = []
    for i in range(12):
        deal = copy.deepcopy(base)
        deal["number"] = f"XS/2026:{i:03d}" if i != 5 else "XS/2026:004"  # 5 repeats 4's number
        deal["items"][0]["quantity"] = 1 + i
        if i == 7:
            deal["buyer"]["credit_code"] = "91320505MA1W6P4B3X"
        lines.append(_dump(deal))
    lines.insert(9, '{"kind": "contract", "number": ')
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [
        str(SAMPLES / "quote-office.json"),
        str(SAMPLES / "contract-equipment.json"),
        str(SAMPLES / "invalid"),
        str(src),
    ]


def _members(folder: Path) -> dict[str, dict[str, bytes]]:
    """Each .docx by name with its members' bytes (zip timestamps differ between renders, contents do not)."""
    out = {}
    for p in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(p) as zf:
            out[p.name] = {n: zf.read(n) for n in zf.namelist()}
    return out


def test_good_and_bad_deals_render_as_on_the_local_path(client, deals, tmp_path):
    local = render_batch(deals, tmp_path / "local")
    seen = []
    ours = render_on_cluster(
        deals, str(tmp_path / "cluster"), client, chunk=3, progress=lambda d, t: seen.append((d, t))
    )
    assert len(_members(tmp_path / "local")) == 12
    assert _members(tmp_path / "cluster") == _members(tmp_path / "local")
    assert sorted(map(str, ours.failures)) == sorted(map(str, local.failures))
    assert any(f.pointer == "/number" and "batch.jsonl:5" in f.message for f in ours.failures)
    assert (ours.deals, ours.files, ours.failed_deals, ours.exit_code) == (
        local.deals,
        len(local.written),
        local.failed_deals,
        local.exit_code,
    )
    assert seen[-1] == (local.deals, local.deals)


def test_a_worker_killed_mid_run_is_survived(client, deals, tmp_path):
    def slow_down() -> None:  # on each worker: every render takes 0.15 s longer, so the run is mid-way
        import time

        import contractkit.render.docx as docx

        original = docx.render_docx

        def render_docx(*args, **kwargs):
            time.sleep(0.15)
            return original(*args, **kwargs)

        render_docx.original = original
        docx.render_docx = render_docx

    def restore() -> None:
        import contractkit.render.docx as docx

        docx.render_docx = getattr(docx.render_docx, "original", docx.render_docx)

    killed: list[str] = []

    def kill_a_busy_worker(done: int, total: int | None) -> None:
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(busy[0])

    client.run(slow_down)
    try:
        ours = render_on_cluster(
            deals, str(tmp_path / "cluster"), client, chunk=2, progress=kill_a_busy_worker
        )
    finally:
        client.run(restore)
    local = render_batch(deals, tmp_path / "local")
    assert killed, "no worker was busy: the test did not kill anything"
    assert _members(tmp_path / "cluster") == _members(tmp_path / "local")
    assert sorted(map(str, ours.failures)) == sorted(map(str, local.failures))
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker


def test_a_rerun_skips_the_outputs_already_complete(client, deals, tmp_path):
    out = tmp_path / "out"
    first = render_on_cluster(deals, str(out), client)
    assert (first.rendered, first.skipped, first.files) == (12, 0, 12)
    (out / "XS_2026_003.docx").unlink()
    (out / "XS_2026_006.docx").write_bytes(b"PK\x03\x04")  # a torn copy left by hand
    stamp = (out / "XS_2026_000.docx").stat().st_mtime_ns
    second = render_on_cluster(deals, str(out), client)
    assert (second.rendered, second.skipped, second.files) == (2, 10, 2)
    assert (out / "XS_2026_000.docx").stat().st_mtime_ns == stamp  # not rewritten
    assert sorted(map(str, second.failures)) == sorted(map(str, first.failures))
    local = render_batch(deals, tmp_path / "local")
    assert _members(out) == _members(tmp_path / "local") and local.ok is second.ok


@pytest.mark.parametrize("ship", ["bytes", "path", None])
def test_lint_on_the_cluster_gives_the_local_findings(client, tmp_path, ship):
    (tmp_path / "notes.xyz").write_text("not a draft", encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7 torn")
    (tmp_path / "short.txt").write_text("甲方视情况支付尾款。违约金为合同总价的50%。", encoding="utf-8")
    paths = [
        str(SAMPLES / "drafts"),
        str(tmp_path),
        str(tmp_path / "missing.docx"),
        str(SAMPLES / "quote-office.json"),
    ]
    local = lint_paths(paths)
    ours = lint_on_cluster(paths, client, ship=ship, chunk=2)
    assert [fr.path for fr in ours.files] == [fr.path for fr in local.files]
    assert ours == local
    assert ours.findings() and any(fr.error for fr in ours.files)


@pytest.mark.slow
def test_pdfs_come_from_each_workers_converter_which_the_plugin_stops(client, tmp_path):
    sources = [str(SAMPLES / "quote-office.json"), str(SAMPLES / "contract-equipment.json")]
    ours = render_on_cluster(sources, str(tmp_path / "out"), client, fmt="both", chunk=1)
    assert ours.ok and ours.files == 4, ours.failures
    for pdf in (tmp_path / "out").glob("*.pdf"):
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    render_batch(sources, tmp_path / "local")
    assert _members(tmp_path / "out") == _members(tmp_path / "local")
    assert not any(client.run(lambda dask_worker: NAME in dask_worker.plugins).values())
    assert not list((tmp_path / "out").glob("*.tmp*"))


def test_the_cli_hands_render_and_lint_to_the_scheduler(client, deals, tmp_path, capsys):
    address = client.scheduler.address
    code = main(["render", *deals, "-o", str(tmp_path / "out"), "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 2, err  # malformed.json is unreadable: 2, as locally
    assert "12 of 22 deal(s) rendered, 12 file(s) written; 10 failed" in err, err
    assert "batch.jsonl:10: line 10, column 32: malformed JSON" in err  # the broken line, as locally
    assert main(["render", *deals, "-o", str(tmp_path / "out"), "--scheduler", address]) == 2
    assert "12 already complete (skipped)" in capsys.readouterr().err
    drafts = str(SAMPLES / "drafts")
    assert main(["lint", drafts, "--format", "json", "--scheduler", address]) == main(
        ["lint", drafts, "--format", "json"]
    )
    both = capsys.readouterr().out
    half = len(both) // 2
    assert both[:half] == both[half:] and '"rule"' in both


@pytest.mark.parametrize(
    ("fmt", "local_options", "ship"),
    [("text", ["--lang", "en"], []), ("json", [], ["--ship", "bytes"]), ("sarif", [], []), ("junit", [], [])],
)
def test_the_cli_prints_the_local_report_and_exit_status(client, tmp_path, capsys, fmt, local_options, ship):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7 torn")
    (tmp_path / "notes.xyz").write_text("not a draft", encoding="utf-8")
    (tmp_path / "noted.txt").write_text("甲方视情况支付尾款。contractkit: ignore payment\n", encoding="utf-8")
    codes = []
    for paths in (
        [str(SAMPLES / "drafts"), str(tmp_path)],
        [str(SAMPLES / "drafts" / "defective-sales-contract.txt")],
    ):
        local = main(["lint", *paths, "--format", fmt, *local_options])
        expected = capsys.readouterr().out
        ours = main(
            ["lint", *paths, "--format", fmt, *local_options, "--scheduler", client.scheduler.address, *ship]
        )
        assert capsys.readouterr().out == expected and ours == local
        codes.append(ours)
    assert codes == [2, 1]  # a torn PDF: unreadable; the defective draft: findings at or above warning


def test_ship_without_a_scheduler_is_a_usage_error(capsys):
    assert main(["lint", str(SAMPLES / "drafts"), "--ship", "bytes"]) == 2
    assert "--ship" in capsys.readouterr().err


def test_the_cli_passes_seller_and_watermark_to_the_scheduler(client, tmp_path, capsys):
    address = client.scheduler.address
    deals = [str(SAMPLES / "quote-office.json"), str(SAMPLES / "contract-equipment.json")]
    extra = ["--seller", str(SAMPLES / "profiles" / "seller-profile.json"), "--watermark", "草稿"]
    assert main(["render", *deals, "-o", str(tmp_path / "cluster"), "--scheduler", address, *extra]) == 0
    assert main(["render", *deals, "-o", str(tmp_path / "local"), *extra]) == 0
    assert "not applied" not in capsys.readouterr().err
    ours = _members(tmp_path / "cluster")
    assert len(ours) == 2 and ours == _members(tmp_path / "local")
    assert all(any("草稿".encode() in data for data in m.values()) for m in ours.values())
    assert main(["render", *deals, "-o", str(tmp_path / "plain"), "--scheduler", address]) == 0
    assert _members(tmp_path / "plain") != ours


def test_lint_of_files_the_workers_cannot_see_falls_back_to_bytes(client, monkeypatch):
    from contractkit.cluster.lint import Feeder

    def blind() -> None:  # on the workers: no file looks as it does on the client (another machine's disk)
        import contractkit.cluster.tasks as tasks

        tasks.real_stamp, tasks._stamp = tasks._stamp, lambda path: None

    def restore() -> None:
        import contractkit.cluster.tasks as tasks

        tasks._stamp = tasks.real_stamp

    resent: list[str] = []
    original = Feeder.resend
    monkeypatch.setattr(
        Feeder, "resend", lambda self, items: resent.extend(i.name for i in items) or original(self, items)
    )
    monkeypatch.chdir(SAMPLES)
    client.run(blind)
    try:
        ours = lint_on_cluster(["drafts", "missing.txt"], client, ship="path", chunk=2)
        assert sorted(resent) == sorted(f"drafts/{p.name}" for p in (SAMPLES / "drafts").iterdir())
        resent.clear()
        auto = lint_on_cluster(["drafts"], client, chunk=2, in_flight=1)  # the first chunk back tells
        assert resent == sorted(f"drafts/{p.name}" for p in (SAMPLES / "drafts").iterdir())[:2]
    finally:
        client.run(restore)
    local = lint_paths(["drafts", "missing.txt"])
    assert ours == local and auto.files == local.files[:-1]
    assert ours.files[0].path.startswith("drafts/") and "missing.txt" in ours.files[-1].error
