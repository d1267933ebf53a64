"""render, convert and contract-from-quote take --lang like lint and validate: with --lang zh their errors
(at main()'s boundary and on their own lines) are Chinese; without it the English lines are unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES

from contractkit.cli import main

QUOTE = str(SAMPLES / "quote-office.json")
CONTRACT = str(SAMPLES / "contract-equipment.json")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def _deal(tmp_path: Path, name: str, **changes: object) -> str:
    deal = json.loads(Path(QUOTE).read_text(encoding="utf-8"))
    for key, value in changes.items():
        item, field = key.split("__")
        deal["items"][int(item.removeprefix("item"))][field] = value
    path = tmp_path / name
    path.write_text(json.dumps(deal, ensure_ascii=False), encoding="utf-8")
    return str(path)


# -- render ---------------------------------------------------------------------------------------------


def test_render_unknown_template_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "q.docx")
    code, err = _run(capsys, "render", QUOTE, "-o", out, "--template", "年度框架模板", "--lang", "zh")
    assert code == 2
    assert err.startswith("错误：未知模板 '年度框架模板'") and "已有模板" in err
    assert "unknown template" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "q.docx").exists()


@pytest.mark.parametrize("lang", [(), ("--lang", "en")], ids=["no-lang", "en"])
def test_render_unknown_template_stays_english_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: tuple[str, ...]
) -> None:
    code, err = _run(capsys, "render", QUOTE, "-o", str(tmp_path / "q.docx"), "--template", "nope", *lang)
    assert code == 2 and err.startswith("error: unknown template 'nope'")


def test_render_a_deal_with_a_bad_amount_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _deal(tmp_path, "坏单价.json", item1__unit_price="三千二百元")
    code, err = _run(capsys, "render", bad, "-o", str(tmp_path / "x.docx"), "--lang", "zh")
    assert code == 1
    assert err.startswith("错误：") and "1 个问题；第一个：/items/1/unit_price" in err
    assert "单价" in err and "problem(s)" not in err and "unit price" not in err
    code, err = _run(capsys, "render", bad, "-o", str(tmp_path / "x.docx"), "--lang", "en")
    assert code == 1 and "1 problem(s); first: /items/1/unit_price: unit price" in err


def test_render_fraction_warning_follows_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deal = json.loads(Path(QUOTE).read_text(encoding="utf-8"))
    deal["price"]["vat_rate"] = "0.13"  # 0.13 %: the rep meant 13 %
    deal.pop("totals", None)  # the stated totals were worked out at 13 %
    src = tmp_path / "vat.json"
    src.write_text(json.dumps(deal, ensure_ascii=False), encoding="utf-8")
    code, err = _run(capsys, "render", str(src), "-o", str(tmp_path / "a.docx"), "--lang", "en")
    assert code == 0 and "warning: " in err and "did you mean 13 %" in err and "警告" not in err
    code, err = _run(capsys, "render", str(src), "-o", str(tmp_path / "b.docx"))
    assert code == 0 and "警告：" in err  # Chinese first, as it always was


# -- convert --------------------------------------------------------------------------------------------


def test_convert_two_inputs_onto_one_pdf_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "甲" / "合同.docx", tmp_path / "乙" / "合同.docx"
    out = str(tmp_path / "pdf")
    code, err = _run(capsys, "convert", str(first), str(second), "-o", out, "--lang", "zh")
    assert code == 2
    assert err.startswith("错误：") and "会写到同一个文件" in err and "请把它们转换到不同的文件夹" in err
    code, err = _run(capsys, "convert", str(first), str(second), "-o", out)
    assert code == 2 and "would both be written to" in err


def test_convert_a_missing_input_line_follows_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "没有这份.docx")
    code, err = _run(capsys, "convert", missing, "--lang", "zh")
    assert code == 2 and f"错误：{missing}: 文件不存在" in err and "file not found" not in err
    code, err = _run(capsys, "convert", missing)  # no --lang: English, like main()'s boundary
    assert code == 2 and f"error: {missing}: file not found" in err


def test_convert_without_libreoffice_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"PK\x03\x04")
    monkeypatch.setenv("PATH", str(tmp_path))
    code, err = _run(capsys, "convert", str(doc), "--lang", "zh")
    assert code == 2 and err.startswith("错误：未安装 LibreOffice")


# -- contract-from-quote --------------------------------------------------------------------------------


def test_court_and_arbitration_refused_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.json"
    args = ["contract-from-quote", QUOTE, "-o", str(out), "--court", "深圳市南山区人民法院"]
    code, err = _run(capsys, *args, "--arbitration", "深圳国际仲裁院", "--lang", "zh")
    assert code == 2 and err.startswith("错误：--court 与 --arbitration 只能选一个") and "或裁或审" in err
    assert not out.exists()
    code, err = _run(capsys, *args, "--arbitration", "深圳国际仲裁院")
    assert code == 2 and err.startswith("error: --court and --arbitration exclude each other")


def test_a_contract_given_as_the_quote_refused_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "c.json")
    code, err = _run(capsys, "contract-from-quote", CONTRACT, "-o", out, "--lang", "zh")
    assert code == 2 and err.startswith(f"错误：{CONTRACT}：不是报价单") and "not a quote" not in err
    code, err = _run(capsys, "contract-from-quote", CONTRACT, "-o", out)
    assert code == 2 and f"error: {CONTRACT}: not a quote" in err  # English unchanged


def test_a_malformed_quote_is_one_line_not_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "报价.json"
    broken.write_text('{"kind": "quote", "number": ', encoding="utf-8")
    code, err = _run(
        capsys, "contract-from-quote", str(broken), "-o", str(tmp_path / "c.json"), "--lang", "zh"
    )
    assert code == 2 and err.startswith(f"错误：{broken}: 第 1 行第 29 列: JSON 格式错误")
    code, err = _run(capsys, "contract-from-quote", str(broken), "-o", str(tmp_path / "c.json"))
    assert code == 2 and "line 1, column 29: malformed JSON" in err and "internal error" not in err


def test_a_quote_that_is_not_an_object_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = tmp_path / "quotes.json"
    listed.write_text('[{"kind": "quote"}]', encoding="utf-8")
    code, err = _run(
        capsys, "contract-from-quote", str(listed), "-o", str(tmp_path / "c.json"), "--lang", "zh"
    )
    assert code == 2 and err.startswith(f"错误：{listed}: 顶层是 JSON list，不是对象")


def test_contract_problems_follow_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quote = json.loads(Path(QUOTE).read_text(encoding="utf-8"))
    quote["items"][0]["quantity"] = 0  # carried into the contract, which then fails its schema
    src = tmp_path / "q.json"
    src.write_text(json.dumps(quote, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "c.json"
    code, zh = _run(capsys, "contract-from-quote", str(src), "-o", str(out))
    code_en, en = _run(capsys, "contract-from-quote", str(src), "-o", str(out), "--lang", "en")
    assert code == code_en == 1 and not out.exists()
    assert f"{out}: /items/0/quantity: " in zh and f"{out}: /items/0/quantity: " in en
    assert zh != en and any("\u4e00" <= ch <= "\u9fff" for ch in zh.split("quantity: ", 1)[1])
