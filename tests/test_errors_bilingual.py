"""Every error a user reads is bilingual: each construction of a ContractkitError (or a subclass) passes
``zh=`` (the Chinese text ``--lang zh`` shows), and the CLI shows it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import contractkit
from contractkit.cli import main

PACKAGE = Path(contractkit.__file__).resolve().parent

#: Errors whose constructor builds its own Chinese text (no ``zh`` keyword to pass).
_OWN_TEXT = {"DealInvalid"}


def _trees() -> dict[str, ast.Module]:
    return {
        str(p.relative_to(PACKAGE)): ast.parse(p.read_text("utf-8")) for p in sorted(PACKAGE.rglob("*.py"))
    }


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """ContractkitError and every class of the package derived from it (to any depth)."""
    names = {"ContractkitError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                is_new = isinstance(node, ast.ClassDef) and node.name not in names
                if is_new and any(_name(b) in names for b in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def _missing_zh() -> list[str]:
    trees = _trees()
    classes = _error_classes(trees) - _OWN_TEXT
    out = []
    for rel, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = _name(node.func)
            is_click_usage = (
                isinstance(node.func, ast.Attribute)
                and _name(node.func.value) == "click"
                and node.func.attr == "UsageError"
            )
            if called not in classes and not is_click_usage:
                continue
            keywords = {k.arg for k in node.keywords}  # None: ``**kwargs`` forwarded as they are
            if is_click_usage or not keywords & {"zh", None}:
                out.append(f"contractkit/{rel}:{node.lineno}: {ast.unparse(node.func)}(…)")
    return out


def test_every_error_construction_carries_chinese_text() -> None:
    missing = _missing_zh()
    assert not missing, "errors without zh= (click.UsageError: use contractkit's UsageError):\n" + "\n".join(
        missing
    )


def test_the_scan_sees_every_subclass() -> None:
    trees = _trees()
    assert {"UsageError", "ConverterError", "PriceListError", "AmountError"} <= _error_classes(trees)


# -- behaviour through the CLI ----------------------------------------------------------------------------


def _draft(path: Path, *lines: str) -> Path:
    import docx

    document = docx.Document()
    for line in lines or ("买卖合同", "甲方：上海某某科技有限公司", "乙方：北京某某贸易有限公司"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_lint_redline_onto_the_draft_itself_is_refused_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = str(_draft(tmp_path / "草稿.docx"))
    code, err = _run(capsys, "lint", draft, "--redline", draft, "--lang", "zh")
    assert code == 2
    assert err.startswith("错误：") and "--redline" in err and "草稿本身" in err
    code, err = _run(capsys, "lint", draft, "--redline", draft, "--lang", "en")
    assert code == 2 and "not the draft itself" in err


def test_lint_annotate_onto_the_draft_itself_is_refused_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = str(_draft(tmp_path / "d.docx"))
    code, err = _run(capsys, "lint", draft, "--annotate", draft, "--lang", "zh")
    assert code == 2 and err.startswith("错误：") and "--annotate" in err and "草稿本身" in err


def test_diff_redline_onto_our_version_is_refused_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = str(_draft(tmp_path / "ours.docx", "付款：合同签订后 10 日内支付全款。"))
    theirs = str(_draft(tmp_path / "theirs.docx", "付款：货到后 90 日内支付全款。"))
    code, err = _run(capsys, "diff", ours, theirs, "--redline", ours, "--lang", "zh")
    assert code == 2 and err.startswith("错误：") and "我方版本本身" in err


def test_unknown_template_and_unknown_format_have_chinese_text(tmp_path: Path) -> None:
    from contractkit.errors import UsageError
    from contractkit.render.batch import render_batch
    from contractkit.render.docx import resolve_template

    with pytest.raises(UsageError) as info:
        resolve_template("没有这个模板")
    message, hint = info.value.localized("zh")
    assert "未知模板" in message and "'没有这个模板'" in message
    assert hint and "quote" in hint and "已有模板" in hint
    assert "unknown template" in info.value.text("en")  # English unchanged

    with pytest.raises(UsageError) as info:
        render_batch([], tmp_path / "out", fmt="odt")
    assert "未知的输出格式 'odt'" in info.value.text("zh") and "docx、pdf 或 both" in info.value.text("zh")


def test_render_usage_errors_are_contractkit_errors_shown_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deal = tmp_path / "deal.json"
    deal.write_text("{}", encoding="utf-8")
    code, err = _run(capsys, "render", str(deal), "-o", str(tmp_path / "q.docx"), "--pdfa")
    assert code == 2
    assert err.startswith("error: --pdfa is for PDF output")  # the library's UsageError, not click's


def test_a_bad_price_list_is_refused_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = str(_draft(tmp_path / "d.docx"))
    prices = tmp_path / "价目表.csv"
    prices.write_text("编码,单价\nPC-01,待定\n", encoding="utf-8")
    code, err = _run(capsys, "lint", draft, "--price-list", str(prices), "--lang", "zh")
    assert code == 2
    assert err.startswith(f"错误：{prices}: 第 2 行: 单价 '待定' 不是数字 — 请用 JSON")
    code, err = _run(capsys, "lint", draft, "--price-list", str(prices), "--lang", "en")
    assert code == 2 and f"{prices}: line 2: unit price '待定' is not a number — use JSON" in err

    prices.write_text("PC-01,3999\n", encoding="utf-8")  # no header row
    code, err = _run(capsys, "lint", draft, "--price-list", str(prices), "--lang", "zh")
    assert code == 2 and "第 1 行: CSV 表头须有 unit_price（单价）列" in err


def test_a_price_list_in_broken_json_or_another_encoding_in_chinese(tmp_path: Path) -> None:
    from contractkit.pricelist import PriceListError, load_price_list

    broken = tmp_path / "prices.json"
    broken.write_text('{"items": [{"sku": "PC-01", "unit_price": }]}', encoding="utf-8")
    with pytest.raises(PriceListError) as info:
        load_price_list(broken)
    assert "第 1 行第 " in info.value.text("zh") and "不是有效的 JSON" in info.value.text("zh")
    assert "line 1 column " in info.value.text("en")
    gbk = tmp_path / "prices.csv"
    gbk.write_bytes("名称,单价\n台式电脑,3999\n".encode("gbk"))
    with pytest.raises(PriceListError) as info:
        load_price_list(gbk)
    assert info.value.localized("zh") == ("不是 UTF-8 文本", "请把价格表另存为 UTF-8 编码")
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    with pytest.raises(PriceListError) as info:
        load_price_list(empty)
    assert info.value.text("zh", with_path=False).startswith("价格表为空 — 请用 JSON")


def test_deal_invalid_quotes_its_first_problem_in_chinese() -> None:
    from contractkit.errors import DealInvalid, UnreadableInput

    first = UnreadableInput("the file is empty", path="d.json", zh="文件为空")
    error = DealInvalid([first], path="d.json")
    assert error.text("zh") == "d.json: 1 个问题；第一个：d.json: 文件为空"
    assert error.text("en") == "d.json: 1 problem(s); first: d.json: the file is empty"
