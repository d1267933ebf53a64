"""``contractkit diff``: a base and its variant differ by exactly the planted change; redlines accept back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractkit.cli import main
from contractkit.compare import compare_documents, compare_paths
from contractkit.compare.report import to_data, to_html, to_text
from contractkit.readers.text import document_from_text

LABELLED = Path(__file__).parent / "corpus" / "labelled"
LABELS = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))
PAIRS = sorted((name, lab["base"]) for name, lab in LABELS.items() if lab.get("base"))


def _squash(s: str) -> str:
    from contractkit.readers.normalize import normalize

    return "".join(normalize(s).split())


def _changed_text(c) -> tuple[str, str]:
    ours = "".join(_squash(u.text) for ch in c.changes for u in ch.ours)
    theirs = "".join(_squash(u.text) for ch in c.changes for u in ch.theirs)
    return ours, theirs


@pytest.mark.parametrize(("variant", "base"), PAIRS, ids=[p[0] for p in PAIRS])
def test_a_variant_differs_from_its_base_by_the_planted_change_only(variant: str, base: str) -> None:
    c = compare_paths(LABELLED / base, LABELLED / variant)
    assert c.changes, f"{variant}: the planted change was not reported"
    (defect,) = LABELS[variant]["defects"]
    ours, theirs = _changed_text(c)
    quote = defect.get("quote")
    if quote:  # the labelled words stand in a changed clause (theirs, or ours when the change deleted them)
        q = _squash(quote)
        assert q in theirs or q in ours or any(_squash(op.theirs) in q for ch in c.changes for op in ch.ops)
    # nothing else: every change lies between the first and the last block where the two files differ
    from contractkit.readers.dispatch import read_document

    a = [b.norm for b in read_document(str(LABELLED / base)).blocks]
    b = [b.norm for b in read_document(str(LABELLED / variant)).blocks]
    first = next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    tail = next(k for k, (x, y) in enumerate(zip(reversed(a), reversed(b), strict=False)) if x != y)
    for ch in c.changes:
        for u in ch.ours:
            assert first <= u.block < len(a) - tail, to_text(c)
        for u in ch.theirs:
            assert first <= u.block < len(b) - tail, to_text(c)
    assert len(c.changes) <= 6, to_text(c)
    assert all(ch.ops or ch.kind != "changed" for ch in c.changes)
    assert compare_paths(LABELLED / base, LABELLED / base).identical


def test_word_level_change_is_joined_and_widened_to_whole_numbers() -> None:
    a = document_from_text("第五条 买方逾期付款的，按日万分之三支付违约金。\n单价1,180.00元。\n")
    b = document_from_text("第五条 买方逾期付款的，按日千分之一支付违约金。\n单价1,280.00元。\n")
    c = compare_documents(a, b)
    ops = [(op.ours, op.theirs) for ch in c.changes for op in ch.ops]
    assert ops == [("万分之三", "千分之一"), ("1,180.00", "1,280.00")]


def test_renumbered_clause_is_not_a_change_and_a_moved_clause_is_a_move() -> None:
    a = document_from_text(
        "第一条 甲方向乙方采购钢材。\n第二条 乙方应于五日内交货。\n第三条 争议提交北京仲裁委员会仲裁。\n"
    )
    b = document_from_text(
        "第一条 争议提交北京仲裁委员会仲裁。\n第二条 甲方向乙方采购钢材。\n第三条 乙方应于五日内交货。\n"
    )
    c = compare_documents(a, b)
    assert [ch.kind for ch in c.changes] == ["moved"]
    assert c.renumbered  # 第一条 → 第二条, 第二条 → 第三条
    inserted = compare_documents(a, document_from_text("第一条 甲方向乙方采购钢材。\n新增：乙方提供发票。\n"))
    kinds = sorted(ch.kind for ch in inserted.changes)
    assert kinds == ["deleted", "deleted", "inserted"]


def test_whitespace_width_and_traditional_forms_are_no_change() -> None:
    a = document_from_text("甲方应于2026年5月1日前付款。\n")
    b = document_from_text("甲方應於２０２６年 5 月 1 日前付款。\n")
    assert compare_documents(a, b).identical


def test_reports_text_json_html(tmp_path: Path, capsys) -> None:
    ours, theirs = LABELLED / "b01_servo_sale_standard.docx", LABELLED / "b01_v2_servo_sale_standard.docx"
    assert main(["diff", str(ours), str(theirs)]) == 1
    out = capsys.readouterr().out
    assert "「万分之三」改为「千分之一」" in out
    assert main(["diff", str(ours), str(theirs), "--format", "json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["changed"] == 1 and data["changes"][0]["ops"][0]["theirs"] == "千分之一"
    page = tmp_path / "diff.html"
    assert main(["diff", str(ours), str(theirs), "--format", "html", "-o", str(page)]) == 1
    html = page.read_text(encoding="utf-8")
    assert "<del>万分之三</del>" in html and "<ins>千分之一</ins>" in html
    assert "http" not in html.split("<body>")[1]  # self-contained: nothing fetched
    assert main(["diff", str(ours), str(ours)]) == 0
    assert "一致" in capsys.readouterr().out
    assert main(["diff", str(ours), str(tmp_path / "missing.docx")]) == 2


def _accepted_text(path: Path) -> list[str]:
    import docx

    from contractkit.compare.redline import accept_all

    d = docx.Document(str(path))
    accept_all([d.element.body])
    out = tmp = path.with_suffix(".accepted.docx")
    d.save(str(tmp))
    from contractkit.readers.dispatch import read_document

    return [b.norm for b in read_document(str(out)).blocks]


@pytest.mark.parametrize("variant", [v for v, b in PAIRS if v.endswith(".docx")])
def test_redline_of_the_counterparty_changes_accepts_to_their_text(variant: str, tmp_path: Path) -> None:
    base = LABELS[variant]["base"]
    out = tmp_path / "redline.docx"
    c = compare_paths(LABELLED / base, LABELLED / variant)
    assert main(["diff", str(LABELLED / base), str(LABELLED / variant), "--redline", str(out)]) == 1
    xml = _document_xml(out)
    assert "<w:del " in xml or "<w:ins " in xml
    assert 'w:author="contractkit"' in xml
    accepted = tmp_path / "redline.accepted.docx"
    _accepted_text(out)
    after = compare_paths(accepted, LABELLED / variant)
    assert after.identical, to_text(after)
    assert c.changes  # and the original is untouched:
    assert compare_paths(LABELLED / base, LABELLED / base).identical


def _document_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_redline_opens_in_libreoffice(tmp_path: Path) -> None:
    from tests.conftest import soffice_to_pdf

    ours, theirs = LABELLED / "b01_servo_sale_standard.docx", LABELLED / "b01_v2_servo_sale_standard.docx"
    out = tmp_path / "redline.docx"
    assert main(["diff", str(ours), str(theirs), "--redline", str(out)]) == 1
    pdf = soffice_to_pdf(out, tmp_path)
    import pypdfium2

    text = "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(str(pdf)))
    assert "千分之一" in text  # LibreOffice shows the tracked insertion


def test_html_and_data_on_an_insert_and_delete() -> None:
    a = document_from_text("第一条 甲方采购钢材。\n第二条 乙方交货。\n")
    b = document_from_text("第一条 甲方采购钢材。\n第二条 乙方交货。\n第三条 乙方开具发票。\n")
    c = compare_documents(a, b)
    assert to_data(c)["summary"]["inserted"] == 1
    assert "<ins>第三条 乙方开具发票。</ins>" in to_html(c)
