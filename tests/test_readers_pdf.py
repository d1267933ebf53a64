"""read_pdf: a LibreOffice PDF by page and line, encrypted and scanned PDFs, 500 pages in bounded memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from conftest import soffice_to_pdf

from contractkit.errors import UnreadableInput
from contractkit.readers.pdf import GlyphStats, read_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


@pytest.fixture(scope="module")
def office_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("office")
    d = docx.Document()
    d.add_paragraph("第一条 合同标的")
    d.add_paragraph("乙方向甲方提供服务器10台。")
    d.add_page_break()
    d.add_paragraph("第五条 驗收")
    d.add_paragraph("甲方應於到貨後５個工作日內完成驗收。")
    src = work / "two_pages.docx"
    d.save(src)
    return soffice_to_pdf(src, work)


def test_lines_have_page_and_line(office_pdf: Path) -> None:
    doc = read_pdf(office_pdf)
    assert doc.kind == "pdf" and doc.meta["pages"] == 2
    by_text = {b.text.strip(): b for b in doc.blocks}
    # LibreOffice spaces Latin digits from CJK text, and PDFium reports that gap as a space
    first = by_text["乙方向甲方提供服务器 10 台。"]
    assert (first.location.page, first.location.line) == (1, 2)
    head = by_text["第五条 驗收"]
    assert head.location.page == 2 and head.kind == "heading"
    acc = by_text["甲方應於到貨後５個工作日內完成驗收。"]
    assert acc.location.page == 2
    assert "到货后5个工作日内完成验收" in acc.norm
    assert [b.location.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_encrypted_pdf_is_refused_with_hint() -> None:
    with pytest.raises(UnreadableInput, match="encrypted PDF: remove the password first") as info:
        read_pdf(FIXTURES / "encrypted.pdf")
    assert info.value.path.endswith("encrypted.pdf") and info.value.hint


def test_scan_without_text_layer_needs_ocr() -> None:
    with pytest.raises(UnreadableInput, match="OCR"):
        read_pdf(FIXTURES / "scan.pdf")


def test_garbage_named_pdf_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\nthis is not really a pdf\n")
    with pytest.raises(UnreadableInput, match="not a readable PDF"):
        read_pdf(bad)


def test_page_limit(office_pdf: Path) -> None:
    with pytest.raises(UnreadableInput, match="2 pages"):
        read_pdf(office_pdf, max_pages=1)


def test_size_limit_refuses_unread(office_pdf: Path) -> None:
    with pytest.raises(UnreadableInput, match="over the"):
        read_pdf(office_pdf, max_bytes=100)


def test_glyph_stats_flag_cid_and_replacement_chars() -> None:
    stats = GlyphStats()
    stats.add("(cid:12)(cid:40)(cid:7) " * 10 + "合同")
    with pytest.raises(UnreadableInput, match="unreadable glyphs"):
        stats.check("x.pdf")
    ok = GlyphStats()
    ok.add("合同条款正文" * 50 + "\uf0a3" * 5)  # a few Wingdings check boxes are fine
    ok.check("x.pdf")


def test_500_pages_stream_in_bounded_memory(tmp_path: Path, corpus_dir: Path) -> None:
    src = pdfium.PdfDocument(corpus_dir / "zh" / "xinjiang-zhongxiaoxue-xiaowai-gongcan.pdf")
    big = pdfium.PdfDocument.new()
    while len(big) < 500:
        big.import_pages(src)
    path = tmp_path / "big.pdf"
    big.save(path)
    pages = len(big)
    big.close()
    src.close()
    tracemalloc.start()
    try:
        doc = read_pdf(path, max_bytes=64 * 1024 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.meta["pages"] == pages >= 500
    assert doc.blocks[-1].location.page == pages
    assert sum("供餐" in b.norm for b in doc.blocks) >= 50
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_wrapped_lines_are_joined_into_one_clause() -> None:
    from contractkit.readers.pdf import paragraphs

    lines = [
        "第二条 价格与付款",
        "2.1 合同总价为人民币陆拾柒万陆仟元整（¥676,000.00），含 13%增值税。",
        "期次 款项 比例 金额 付款条件及期限",
        "2 到货款 60% 405,600.00 验收合格且乙方开具全额增值税专用发票后 10",
        "个工作日内支付合同总价的 60%，计人民币肆拾",
        "万零伍仟陆佰元整（¥405,600.00）。",
        "甲方（买方）：苏州瑞德精密机械制造有限公司",
        "住所：江苏省苏州市虎丘区珠江路88号",
        "",
        "(1) 逾期付款的，每日按未付款项的万分之三",
        "支付违约金。",
    ]
    got = paragraphs(lines)
    assert [n for n, _ in got] == [1, 2, 3, 4, 7, 8, 10]
    assert got[3][1] == (
        "2 到货款 60% 405,600.00 验收合格且乙方开具全额增值税专用发票后 10"
        "个工作日内支付合同总价的 60%，计人民币肆拾万零伍仟陆佰元整（¥405,600.00）。"
    )
    assert got[-1][1] == "(1) 逾期付款的，每日按未付款项的万分之三支付违约金。"


def test_titles_labels_and_cells_are_not_glued_together() -> None:
    from contractkit.readers.pdf import paragraphs

    lines = [
        "上海云启信息技术有限公司\u3000报价单编号：BJ-2026-0312",
        "报价单",
        "报价单编号：BJ-2026-0312",
        "有效期至：2026 年 4 月 1 日",
        "客户 报价方名称 杭州明远建筑设计有限公司 上海云启信息技术有限公司",
        "住所：江苏省苏州市虎丘区珠江路某某科技产业园区创新大道一百八十八号科技大厦",
        "3号厂房",
    ]
    got = [text for _, text in paragraphs(lines)]
    assert got[:5] == lines[:5]
    # a label line that ran to the margin wraps: the address continues on the next line
    assert got[5] == lines[5] + lines[6]


def test_heading_with_spaces_around_its_number_starts_a_paragraph() -> None:
    # pdfium puts spaces between CJK and digits ("第 113 条"): the heading must not swallow the next line
    from contractkit.readers.pdf import paragraphs

    lines = [
        "第 113 条 验收",
        "买方应于货物送达之日起五个工作日内组织验收，验收合格后十五日内",
        "支付合同总价的30%。",
    ]
    got = [text for _, text in paragraphs(lines)]
    assert got == [lines[0], lines[1] + lines[2]]
