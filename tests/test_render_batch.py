"""Batches: one file per deal named by its number, a bad deal reported and skipped, no partial
files, worker processes."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from contractkit.cli import main
from contractkit.deal.load import load_deal
from contractkit.render.batch import render_batch, safe_name

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _dump(deal: dict) -> str:
    return json.dumps(deal, ensure_ascii=False, default=lambda d: str(d) if isinstance(d, Decimal) else d)


@pytest.fixture
def folder(tmp_path) -> Path:
    src = tmp_path / "deals"
    src.mkdir()
    base = load_deal(SAMPLES / "contract-equipment.json")
    for i in range(3):
        deal = copy.deepcopy(base)
        deal["number"] = f"XS/2026:{i:04d}"
        (src / f"d{i}.json").write_text(_dump(deal), encoding="utf-8")
    bad = copy.deepcopy(base)
    bad["number"] = "BAD-1"
    bad["buyer"]["credit_code"] = "91320505MA1W6P4B3X"  # wrong check character
    (src / "bad.json").write_text(_dump(bad), encoding="utf-8")
    return src


def test_safe_name():
    assert safe_name("XS/2026:0001") == "XS_2026_0001"
    assert safe_name("../..") == "deal"
    assert safe_name("", fallback="x") == "x"


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_renders_the_good_and_reports_the_bad(folder, tmp_path, jobs):
    out = tmp_path / "out"
    seen = []
    report = render_batch([str(folder)], out, jobs=jobs, progress=lambda d, t: seen.append((d, t)))
    names = sorted(p.name for p in out.iterdir())
    assert names == ["XS_2026_0000.docx", "XS_2026_0001.docx", "XS_2026_0002.docx"]
    assert report.deals == 4 and report.failed_deals == 1 and report.exit_code == 1
    assert any(f.label.endswith("bad.json") and "credit_code" in f.pointer for f in report.failures)
    assert seen[-1] == (4, 4)
    text = "\n".join(p.text for p in Document(str(out / "XS_2026_0001.docx")).paragraphs)
    assert "XS/2026:0001" in text


def test_cli_batch_exit_1_no_partial_files(folder, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["render", str(folder), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "bad.json" in err and "3 of 4" in err
    assert not list(out.glob("*.part")) and not list(out.glob(".*"))
    assert not (out / "BAD-1.docx").exists()


def test_cli_single_deal_to_named_file(tmp_path, capsys):
    target = tmp_path / "x.docx"
    assert main(["render", str(SAMPLES / "quote-office.json"), "-o", str(target)]) == 0
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "报价单" in text


def test_cli_single_invalid_deal_exits_1(tmp_path, capsys):
    bad = sorted((SAMPLES / "invalid").glob("missing-*.json"))[0]
    assert main(["render", str(bad), "-o", str(tmp_path / "x.docx")]) == 1
    assert not (tmp_path / "x.docx").exists()


def test_cli_malformed_json_exits_2(tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "x.docx")]) == 2


def test_jsonl_input(tmp_path):
    base = load_deal(SAMPLES / "quote-office.json")
    lines = []
    for i in range(3):
        deal = copy.deepcopy(base)
        deal["number"] = f"Q-{i}"
        lines.append(_dump(deal))
    src = tmp_path / "deals.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = render_batch([str(src)], tmp_path / "out")
    assert report.ok and sorted(p.name for p in report.written) == ["Q-0.docx", "Q-1.docx", "Q-2.docx"]


def _two_with_one_number(tmp_path):
    src = tmp_path / "deals"
    src.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.json").write_text((SAMPLES / "quote-office.json").read_text("utf-8"), "utf-8")
    return src


def test_duplicate_number_fails_the_later_deal(tmp_path):
    report = render_batch([str(_two_with_one_number(tmp_path))], tmp_path / "out")
    assert [p.name for p in report.written] == ["BJ-2026-0312.docx"]
    assert [(Path(f.label).name, f.pointer) for f in report.failures] == [("b.json", "/number")]
    assert "a.json" in report.failures[0].message and report.exit_code == 1


def test_allow_duplicates_gets_distinct_files(tmp_path):
    report = render_batch([str(_two_with_one_number(tmp_path))], tmp_path / "out", allow_duplicates=True)
    assert sorted(p.name for p in report.written) == ["BJ-2026-0312-2.docx", "BJ-2026-0312.docx"]
    assert report.ok


def test_batch_pdf_only_writes_pdfs(tmp_path):
    out = tmp_path / "out"
    report = render_batch([str(SAMPLES / "quote-office.json")], out, fmt="pdf")
    assert report.ok
    assert [p.name for p in out.iterdir()] == ["BJ-2026-0312.pdf"]
    assert (out / "BJ-2026-0312.pdf").read_bytes().startswith(b"%PDF")


def test_progress_bar_only_on_a_terminal(monkeypatch):
    """A batch shows a rich progress bar when stderr is a terminal and prints nothing extra when piped."""
    import io

    from contractkit.cli import render as render_cli

    monkeypatch.setattr(render_cli.sys, "stderr", io.StringIO())
    update, finish = render_cli._progress_bar()
    assert update is None
    finish()

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(render_cli.sys, "stderr", Tty())
    update, finish = render_cli._progress_bar()
    try:
        assert callable(update)
        update(1, 2)
    finally:
        finish()


def test_an_output_that_is_a_file_says_what_it_must_be(tmp_path: Path) -> None:
    """`render one.json -o an_existing_file` names both ways out: a folder, or a .docx/.pdf file name."""
    from contractkit.errors import UsageError

    existing = tmp_path / "out.txt"
    existing.write_text("x", encoding="utf-8")
    wanted = r"a folder \(or, for one deal, a file name ending in \.docx or \.pdf\)"
    with pytest.raises(UsageError, match=wanted):
        render_batch([str(SAMPLES / "quote-office.json")], existing)


def _mixed_batch(tmp_path: Path) -> Path:
    """A folder of four quotes: one good, one with a price in words, one not JSON, one VAT rate of 0.13 %."""
    src = tmp_path / "批次"
    src.mkdir()
    base = json.loads((SAMPLES / "quote-office.json").read_text("utf-8"))
    (src / "a-good.json").write_text(json.dumps(base, ensure_ascii=False), "utf-8")
    bad = dict(base, number="Q-价格错")
    bad["items"] = [dict(base["items"][0], unit_price="捌仟玖佰元")]
    bad.pop("totals", None)
    (src / "b-price.json").write_text(json.dumps(bad, ensure_ascii=False), "utf-8")
    (src / "c-broken.json").write_text('{"kind": "quote",\n  "number": ,}', "utf-8")
    vat = dict(base, number="Q-税率", price=dict(base["price"], vat_rate="0.13"))
    vat.pop("totals", None)
    (src / "d-vat.json").write_text(json.dumps(vat, ensure_ascii=False), "utf-8")
    return src


def _lines(err: str, name: str) -> list[str]:
    return [line for line in err.splitlines() if name in line]


def test_cli_batch_errors_and_warnings_in_chinese_with_lang_zh(tmp_path, capsys):
    src = _mixed_batch(tmp_path)
    code = main(["render", str(src), "-o", str(tmp_path / "out"), "--lang", "zh"])
    err = capsys.readouterr().err
    assert code == 2  # an unreadable deal among them
    [price] = _lines(err, "b-price.json")
    assert price.startswith("错误：") and "/items/0/unit_price: 单价" in price and "unit price" not in price
    [broken] = _lines(err, "c-broken.json")
    assert broken.startswith("错误：") and ": 第 2 行第 13 列: JSON 格式错误" in broken
    assert "line 2" not in broken and "fix the JSON" not in broken and "请修正" in broken
    [vat] = _lines(err, "d-vat.json")
    assert ": /price/vat_rate: 警告：" in vat and "13 %" in vat
    assert "4 笔单据中已生成 2 笔，写出 2 个文件；2 笔失败" in err and "deal(s)" not in err


def test_cli_batch_errors_and_warnings_in_english_with_lang_en(tmp_path, capsys):
    src = _mixed_batch(tmp_path)
    code = main(["render", str(src), "-o", str(tmp_path / "out"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    [price] = _lines(err, "b-price.json")
    assert price.startswith("error: ") and "/items/0/unit_price: unit price" in price
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in price.split("/items/0/unit_price: ")[1])
    [broken] = _lines(err, "c-broken.json")
    assert "line 2, column 13: malformed JSON" in broken and "第" not in broken
    [vat] = _lines(err, "d-vat.json")
    assert ": /price/vat_rate: warning: 'VAT rate' 0.13 %" in vat and "警告" not in vat
    assert "2 of 4 deal(s) rendered, 2 file(s) written; 2 failed" in err


def test_cli_batch_without_lang_keeps_its_lines(tmp_path, capsys):
    """Without --lang: a deal's problems in Chinese and other errors in English (as validate and main()
    print them), warnings Chinese first."""
    src = _mixed_batch(tmp_path)
    assert main(["render", str(src), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    [price] = _lines(err, "b-price.json")
    assert price.startswith("error: ") and "/items/0/unit_price: 单价" in price
    [broken] = _lines(err, "c-broken.json")
    assert broken.startswith("error: ") and "line 2, column 13: malformed JSON" in broken
    [vat] = _lines(err, "d-vat.json")
    assert "警告：「增值税税率」" in vat and "did you mean 13 %" in vat  # Chinese first, as it always was
    assert "2 of 4 deal(s) rendered" in err


def test_failure_and_warning_carry_both_languages(tmp_path):
    report = render_batch([str(_mixed_batch(tmp_path))], tmp_path / "out")
    by_name = {Path(f.label).name: f for f in report.failures}
    price = by_name["b-price.json"]
    assert "单价" in price.text("zh") and "unit price" in price.text("en") and str(price) == price.text("zh")
    broken = by_name["c-broken.json"]
    assert broken.unreadable and "第 2 行" in broken.text("zh") and str(broken) == broken.text("en")
    [vat] = report.warnings
    assert "d-vat.json" in vat and "警告：" in vat and "warning: " in vat.text("en")
