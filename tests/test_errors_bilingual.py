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
#: Modules owned elsewhere whose errors still lack Chinese text (request filed:
#: briefs/requests/H-i18n-money-pricelist.md); drop an entry once its module is done.
_PENDING = {"money.py", "pricelist.py"}
#: click.UsageError kept where a test drives the bare click group (CliRunner(cli), which gives a library
#: error exit status 1, not 2): briefs/requests/H-i18n-contract-from-quote.md.
_CLICK_PENDING = {"cli/contract_from_quote.py"}


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
        if rel in _PENDING:
            continue
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
            if is_click_usage and rel in _CLICK_PENDING:
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
