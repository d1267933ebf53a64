"""The cluster render's planning and worker functions, run in this process (no Dask): names, duplicates and
failures equal the local batch's whatever order results come back in; the manifest resumes; lint of shipped
bytes equals local lint; DEST as a folder or a file:// URL."""

from __future__ import annotations

import copy
import json
import random
import shutil
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fsspec")

from contractkit.cluster.dest import Destination, digest
from contractkit.cluster.manifest import Manifest, job_key
from contractkit.cluster.render import plan_render
from contractkit.cluster.tasks import LintItem, lint_chunk, render_chunk
from contractkit.deal.load import load_deal
from contractkit.findings import FileResult
from contractkit.lint import lint_paths
from contractkit.render.batch import render_batch

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BASE = load_deal(SAMPLES / "contract-equipment.json")


def _dump(deal: dict) -> str:
    return json.dumps(deal, ensure_ascii=False, default=lambda d: str(d) if isinstance(d, Decimal) else d)


def _jsonl(path: Path, specs: list[tuple[str, bool]]) -> Path:
    """One deal a line: (number, valid); an invalid one has a wrong credit-code check character."""
    lines = []
    for i, (number, valid) in enumerate(specs):
        deal = copy.deepcopy(BASE)
        deal["number"] = number
        deal["items"][0]["quantity"] = 1 + i
        if not valid:
            deal["buyer"]["credit_code"] = "91320505MA1W6P4B3X"
        lines.append(_dump(deal))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_in_process(sources: list[str], dest: str, rng: random.Random, *, in_flight: int = 3, **options):
    """What ``render_on_cluster`` does, with results coming back in a random order."""
    planner, spec = plan_render(sources, dest, **options)
    flying: list[list] = []
    while True:
        while len(flying) < in_flight:
            chunk = planner.feed()
            if not chunk:
                break
            flying.append(chunk)
        if not flying:
            break
        chunk = flying.pop(rng.randrange(len(flying)))
        planner.settle(chunk, render_chunk(chunk, spec))
    planner.close()
    return planner.report


def _outputs(folder: Path) -> dict[str, dict[str, bytes]]:
    """Each .docx's members (zip timestamps differ between two renders; the contents do not)."""
    out = {}
    for p in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(p) as zf:
            out[p.name] = {n: zf.read(n) for n in zf.namelist()}
    return out


NUMBERS = st.sampled_from(["A", "B", "A/B", "A_B", "a"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    specs=st.lists(st.tuples(NUMBERS, st.booleans()), min_size=1, max_size=7),
    allow=st.booleans(),
    chunk=st.integers(1, 3),
    seed=st.integers(0, 2**16),
)
def test_names_duplicates_and_failures_equal_the_local_batch(specs, allow, chunk, seed):
    with tempfile.TemporaryDirectory() as tmp:
        src = str(_jsonl(Path(tmp) / "deals.jsonl", specs))
        local = render_batch([src], Path(tmp) / "local", allow_duplicates=allow)
        ours = run_in_process(
            [src], str(Path(tmp) / "cluster"), random.Random(seed), allow_duplicates=allow, chunk=chunk
        )
        assert _outputs(Path(tmp) / "cluster") == _outputs(Path(tmp) / "local")
        assert sorted(map(str, ours.failures)) == sorted(map(str, local.failures))
        assert (ours.deals, ours.files, ours.exit_code) == (local.deals, len(local.written), local.exit_code)


def test_failures_come_in_input_order_and_name_the_problem(tmp_path):
    src = _jsonl(tmp_path / "deals.jsonl", [("X-1", False), ("X-2", True), ("X-2", True)])
    report = run_in_process([str(src)], str(tmp_path / "out"), random.Random(1), chunk=1)
    assert [f.label.rsplit(":", 1)[1] for f in report.failures] == ["1", "3"]
    assert "credit_code" in report.failures[0].pointer
    assert report.failures[1].pointer == "/number" and "deals.jsonl:2" in report.failures[1].message
    assert report.summary() == "1 of 3 deal(s) rendered, 1 file(s) written; 2 failed"


def test_resume_renders_only_what_is_missing_changed_or_incomplete(tmp_path):
    src = _jsonl(tmp_path / "deals.jsonl", [(f"R-{i}", True) for i in range(5)])
    out = tmp_path / "out"
    first = run_in_process([str(src)], str(out), random.Random(0))
    assert (first.rendered, first.skipped, first.files) == (5, 0, 5)
    (out / "R-1.docx").unlink()  # missing
    (out / "R-2.docx").write_bytes((out / "R-2.docx").read_bytes()[:100])  # half-written by hand
    lines = src.read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[3])
    changed["items"][0]["quantity"] = 99
    lines[3] = _dump(changed)
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    second = run_in_process([str(src)], str(out), random.Random(0))
    assert (second.rendered, second.skipped, second.files) == (3, 2, 3)
    assert "2 already complete (skipped)" in second.summary()
    third = run_in_process([str(src)], str(out), random.Random(0))
    assert (third.rendered, third.skipped, third.files) == (0, 5, 0)
    manifest = Manifest.load(Destination(str(out)))
    recorded = {w.name: w for ws in manifest.done.values() for w in ws}
    assert recorded["R-2.docx"].sha256 == digest((out / "R-2.docx").read_bytes())


def test_resume_with_verify_catches_a_file_of_the_right_size_but_other_content(tmp_path):
    src = _jsonl(tmp_path / "deals.jsonl", [("V-1", True)])
    out = tmp_path / "out"
    run_in_process([str(src)], str(out), random.Random(0))
    data = bytearray((out / "V-1.docx").read_bytes())
    data[-30] ^= 0xFF
    (out / "V-1.docx").write_bytes(bytes(data))
    assert run_in_process([str(src)], str(out), random.Random(0)).skipped == 1  # same size: trusted
    again = run_in_process([str(src)], str(out), random.Random(0), verify=True)
    assert (again.rendered, again.skipped) == (1, 0)


@given(qty=st.integers(1, 10**6), other=st.integers(1, 10**6))
def test_job_key_changes_with_the_deal_and_only_with_it(qty, other):
    a, b = copy.deepcopy(BASE), copy.deepcopy(BASE)
    a["items"][0]["quantity"] = qty
    b["items"][0]["quantity"] = other
    a, b = _dump(a), _dump(b)
    assert (job_key(a, "N", "docx", "t") == job_key(b, "N", "docx", "t")) == (qty == other)
    assert job_key(a, "N", "docx", "t") != job_key(a, "N", "pdf", "t")
    assert job_key(a, "N", "docx", "t") != job_key(a, "N", "docx", "u")


def test_a_file_url_destination_gets_the_same_outputs(tmp_path):
    src = _jsonl(tmp_path / "deals.jsonl", [("U-1", True), ("U-2", False)])
    report = run_in_process([str(src)], (tmp_path / "url").as_uri(), random.Random(0))
    render_batch([str(src)], tmp_path / "local")
    assert report.files == 1 and _outputs(tmp_path / "url") == _outputs(tmp_path / "local")
    assert not [p for p in (tmp_path / "url").iterdir() if ".part-" in p.name or p.name.startswith(".tmp")]


def test_own_template_is_shipped_and_used(tmp_path):
    from contractkit.render.docx import BUNDLED

    tdir = tmp_path / "tpl"
    tdir.mkdir()
    with (
        zipfile.ZipFile(BUNDLED / "sales_contract.docx") as src_zip,
        zipfile.ZipFile(tdir / "sales_contract.docx", "w") as own,
    ):
        for info in src_zip.infolist():
            data = src_zip.read(info)
            if info.filename == "word/document.xml":
                data = data.replace("合同编号".encode(), "本司合同编号".encode())
            own.writestr(info, data)
    src = _jsonl(tmp_path / "deals.jsonl", [("T-1", True)])
    _, spec = plan_render([str(src)], str(tmp_path / "out"), templates_dir=str(tdir))
    assert dict(spec.templates)["contract"].data == (tdir / "sales_contract.docx").read_bytes()
    report = run_in_process([str(src)], str(tmp_path / "out"), random.Random(0), templates_dir=str(tdir))
    assert report.ok
    with zipfile.ZipFile(tmp_path / "out" / "T-1.docx") as zf:
        assert "本司合同编号" in zf.read("word/document.xml").decode()


def test_lint_of_shipped_bytes_equals_local_lint(tmp_path):
    drafts = sorted(p for p in (SAMPLES / "drafts").iterdir() if p.is_file())
    items = [LintItem(i, str(p), p.read_bytes()) for i, p in enumerate(drafts)]
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    items.append(LintItem(len(items), str(broken), broken.read_bytes()))
    ours = [fr for _, fr in sorted(lint_chunk(items, None))]
    local = lint_paths([*map(str, drafts), str(broken)]).files
    assert ours == local
    assert ours[-1].error and str(broken) in ours[-1].error and "contractkit-lint-" not in ours[-1].error


def test_lint_of_shipped_bytes_keeps_the_reading_options():
    from contractkit.readers.model import ReadOptions

    docx = SAMPLES / "drafts" / "defective-sales-contract.docx"
    for options in (ReadOptions(revisions="original"), ReadOptions(ocr="never", revisions="changes")):
        ours = lint_chunk([LintItem(0, str(docx), docx.read_bytes())], None, read_options=options)
        assert [fr for _, fr in ours] == lint_paths([str(docx)], read_options=options).files


def test_lint_results_come_back_from_the_wire_equal():
    from contractkit.cluster.tasks import lint_chunk_packed
    from contractkit.cluster.wire import unpack_chunk

    drafts = sorted(p for p in (SAMPLES / "drafts").iterdir() if p.is_file())
    local = lint_paths([str(p) for p in drafts]).files
    items = [LintItem(i, str(p), p.read_bytes()) for i, p in enumerate(drafts)]
    blob = lint_chunk_packed(items, None)
    assert isinstance(blob, bytes) and b"dataclass" not in blob
    ours = [fr for _, fr in sorted(unpack_chunk(blob))]
    assert ours == local
    found = [f for fr in ours for f in fr.findings]
    assert found and any(f.fix is not None for f in found) and any(f.location.paragraph for f in found)


def test_a_worker_that_does_not_see_the_clients_file_returns_it_unread(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("甲方视情况支付尾款。", encoding="utf-8")
    st = draft.stat()
    seen = LintItem(0, "draft.txt", None, str(draft), (st.st_size, st.st_mtime_ns))
    other = LintItem(1, "draft.txt", None, str(draft), (st.st_size + 1, st.st_mtime_ns))
    gone = LintItem(2, "gone.txt", None, str(tmp_path / "gone.txt"), (1, 1))
    results = dict(lint_chunk([seen, other, gone], None))
    assert results[1] is None and results[2] is None
    local = lint_paths([str(draft)]).files[0]
    assert local.findings and results[0] == FileResult(path="draft.txt", findings=local.findings)


@settings(max_examples=15, deadline=None)
@given(n=st.integers(0, 90), threads=st.integers(1, 4), chunk=st.integers(1, 40))
def test_the_feeder_hands_out_every_file_once_in_order_and_shrinks_the_last_chunks(n, threads, chunk):
    from contractkit.cluster.lint import Feeder
    from contractkit.config import Settings

    folder = Path(tempfile.mkdtemp(prefix="feeder-"))
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text("甲方支付货款。", encoding="utf-8")
    (folder / "notes.xyz").write_text("skipped", encoding="utf-8")
    feeder = Feeder([str(folder), str(folder / "missing.txt")], Settings(), chunk=chunk, threads=threads)
    sizes, names = [], []
    while (batch := feeder()) is not None:
        sizes.append(len(batch))
        names.extend(it.name for it in batch)
    assert names == [str(folder / f"{i:03d}.txt") for i in range(n)]
    assert all(0 < s <= chunk for s in sizes)
    if chunk > 1 and n >= 8 * threads * chunk:
        assert sizes[0] == chunk and sizes[-1] < chunk  # guided: the tail is short
    assert feeder.total == n + 2 and feeder.done == 2  # the skipped entry and the missing file, done here
    assert feeder.slots[-1].error and "missing.txt" in feeder.slots[-1].error
    shutil.rmtree(folder)


@given(st.text(alphabet=st.sampled_from("aZ09-._/ CONcomLPT1\u3000é\u200b"), max_size=130))
def test_the_clients_fast_file_name_is_the_local_safe_name(number):
    from contractkit.cluster.render import _file_name
    from contractkit.render.batch import safe_name

    assert _file_name(number) == safe_name(number, fallback="")


def test_fraction_warnings_are_printed_as_locally_in_input_order(tmp_path):
    lines = []
    for i, rate in enumerate(["0.13", "13", "0.06"]):
        deal = copy.deepcopy(BASE)
        deal["number"] = f"W-{i}"
        deal["price"]["vat_rate"] = Decimal(rate)
        lines.append(_dump(deal))
    src = tmp_path / "deals.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = render_batch([str(src)], tmp_path / "local")
    ours = run_in_process([str(src)], str(tmp_path / "out"), random.Random(3), chunk=1)
    assert len(local.warnings) == 2 and "deals.jsonl:1" in local.warnings[0] and "0.13 %" in local.warnings[0]
    assert ours.warnings == local.warnings


def test_the_seller_profile_and_the_watermark_render_as_locally_and_key_the_manifest(tmp_path):
    from contractkit.deal.seller import load_seller_profile

    seller = load_seller_profile(SAMPLES / "profiles" / "seller-profile.json")
    own = copy.deepcopy(BASE)
    own.pop("seller", None)  # the profile fills the seller in
    own["number"] = "S-2"
    src = tmp_path / "deals.jsonl"
    src.write_text(_dump({**BASE, "number": "S-1"}) + "\n" + _dump(own) + "\n", encoding="utf-8")
    local = render_batch([str(src)], tmp_path / "local", seller=seller, watermark="草稿")
    out = tmp_path / "out"
    ours = run_in_process([str(src)], str(out), random.Random(0), seller=seller, watermark="草稿")
    assert local.ok and ours.ok and ours.files == 2
    assert _outputs(out) == _outputs(tmp_path / "local")
    with zipfile.ZipFile(out / "S-2.docx") as zf:
        body = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("word/"))
    assert "草稿".encode() in body and seller.party["name"].encode() in body
    same = run_in_process([str(src)], str(out), random.Random(0), seller=seller, watermark="草稿")
    assert (same.rendered, same.skipped) == (0, 2)
    again = run_in_process([str(src)], str(out), random.Random(0), seller=seller, watermark="样本")
    assert (again.rendered, again.skipped) == (2, 0)  # another watermark: not complete for this run
    plain = run_in_process([str(src)], str(out), random.Random(0))  # S-2 has no seller of its own
    assert (plain.rendered, plain.skipped, plain.failed_deals) == (1, 0, 1)
    assert _outputs(out) != _outputs(tmp_path / "local")


def test_a_bad_watermark_is_refused_before_anything_runs(tmp_path):
    from contractkit.errors import UsageError

    src = _jsonl(tmp_path / "deals.jsonl", [("W-1", True)])
    with pytest.raises(UsageError):
        plan_render([str(src)], str(tmp_path / "out"), watermark="x" * 500)
    assert not (tmp_path / "out").exists()


def _report_pool(folder: Path) -> list[str]:
    """Inputs whose reports hold every kind of entry: the sample drafts, a clean file, a skipped one, an
    unreadable one, a missing one, a deal, and a draft with a suppression note without a reason (a
    ``meta/…`` finding: a SARIF pseudo-rule, formatted by the client)."""
    (folder / "notes.xyz").write_text("not a draft", encoding="utf-8")
    (folder / "bad.pdf").write_bytes(b"%PDF-1.7 torn")
    (folder / "short.txt").write_text("甲方视情况支付尾款。违约金为合同总价的50%。", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "noted.txt").write_text(
        "甲方视情况支付尾款。contractkit: ignore payment\n违约金为合同总价的50%。", encoding="utf-8"
    )
    drafts = sorted(str(p) for p in (SAMPLES / "drafts").iterdir())
    return [*drafts, str(folder), str(folder / "missing.docx"), str(SAMPLES / "quote-office.json")]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(st.integers(0, 9), min_size=1, max_size=6),
    fmt=st.sampled_from(["text", "json", "sarif"]),
    lang=st.sampled_from(["zh", "en"]),
    chunk=st.integers(1, 4),
)
def test_a_report_written_by_the_workers_is_the_local_report_byte_for_byte(picks, fmt, lang, chunk):
    from contractkit.cluster.lint import Feeder
    from contractkit.cluster.report import Part, ReportSpec, assemble
    from contractkit.cluster.tasks import lint_chunk_packed
    from contractkit.cluster.wire import unpack_chunk
    from contractkit.config import Settings
    from contractkit.lint import SKIPPED, available_rules
    from contractkit.reports import FORMATS

    pool = _report_pool(Path(tempfile.mkdtemp(prefix="report-")))
    paths = [pool[i] for i in picks]  # 7 drafts, the folder, a missing file, a deal
    rules, conf = dict(available_rules()), Settings()
    spec = ReportSpec(fmt, lang, tuple(rules))
    feeder = Feeder(paths, conf, chunk=chunk, threads=2, uris=fmt == "sarif")
    flying = []
    while (batch := feeder()) is not None:
        flying.append(lint_chunk_packed(batch, conf, tuple(rules), (), None, spec))
    for blob in reversed(flying):  # results arrive in any order
        for index, got in unpack_chunk(blob):
            feeder.fill(index, got)
    report = assemble(feeder.slots, spec, rules)
    local = lint_paths(paths, conf, rules=list(rules.values()))
    assert report.text == FORMATS[fmt](local, rules, lang)
    assert (report.worst, report.unreadable) == (local.worst(), sum(1 for fr in local.files if fr.error))
    on_workers = [  # all but the unreadable, the skipped and (SARIF) those with a pseudo-rule's finding
        not fr.error and all(f.rule in rules if fmt == "sarif" else f.rule != SKIPPED for f in fr.findings)
        for fr in local.files
    ]
    assert [isinstance(s, Part) for s in feeder.slots] == on_workers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(
        st.sampled_from(["a", "link", "..", ".", "b c", "报价", "x%.txt", "f.txt", "lf.txt"]), max_size=4
    ),
    absolute=st.booleans(),
)
def test_the_clients_sarif_file_names_are_relative_uri(parts, absolute, tmp_path, monkeypatch):
    from contractkit.cluster.report import Uris
    from contractkit.reports.sarif import relative_uri

    root = tmp_path / "cwd"
    if not root.exists():
        (root / "a").mkdir(parents=True)
        (root / "b c").mkdir()
        (root / "a" / "f.txt").write_text("x", encoding="utf-8")
        (root / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
        (tmp_path / "elsewhere").mkdir()
        (root / "a" / "lf.txt").symlink_to(tmp_path / "elsewhere")
    monkeypatch.chdir(root / "a")
    name = "/".join(parts) or "f.txt"
    name = str(root / name) if absolute else name
    assert Uris()(name) == relative_uri(name)
