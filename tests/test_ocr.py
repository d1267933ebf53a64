"""Scans through OCR: our contract rendered to PDF (LibreOffice), rasterized (pdftoppm at 300 dpi, a page also
at 150 dpi, turned 1.5°, and as a PNG), read back by Tesseract, and linted: the rules find the defects they
find on the PDF's text layer. Slow (Tesseract takes seconds a page): six pages OCR'd in all."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractkit.api import convert
from contractkit.errors import UnreadableInput
from contractkit.lint import lint_document, lint_file
from contractkit.readers import ocr
from contractkit.readers.model import ReadOptions
from contractkit.readers.pdf import read_pdf

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "drafts" / "defective-sales-contract.docx"
needs_tools = pytest.mark.skipif(
    not (ocr.available() and shutil.which("soffice") and shutil.which("pdftoppm")),
    reason="needs Tesseract (chi_sim, chi_tra), LibreOffice and pdftoppm",
)
#: Rule ids an OCR'd page may miss: a misread character in a trigger word (支付 read 文付, 数量 read 改量)
#: hides that one defect; Tesseract's reading varies a little with the pixels. Everything else must agree,
#: and nothing may be found that the text layer does not have.
MAX_MISSED = 2


def _rules(findings: list) -> set[str]:
    return {f.rule for f in findings if not f.rule.startswith("meta/")}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample as a PDF with text, its pages as images, and PDFs made of those images."""
    from PIL import Image

    d = tmp_path_factory.mktemp("ocr")
    convert([SAMPLE], d)  # the product's own converter
    text_pdf = d / "defective-sales-contract.pdf"
    for dpi in (300, 150):
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(text_pdf), str(d / f"p{dpi}")],
            check=True,
            timeout=120,
        )
    pages = sorted(d.glob("p300-*.png"))
    out = {"text": text_pdf, "png": pages[0]}
    images = [Image.open(p).convert("L") for p in pages]
    images[0].save(d / "scan300.pdf", save_all=True, append_images=images[1:], resolution=300)
    out["scan300"] = d / "scan300.pdf"
    turned = images[0].rotate(1.5, expand=True, fillcolor=255)
    turned.save(d / "turned.pdf", resolution=300)
    out["turned"] = d / "turned.pdf"
    Image.open(sorted(d.glob("p150-*.png"))[0]).convert("L").save(d / "scan150.pdf", resolution=150)
    out["scan150"] = d / "scan150.pdf"
    _noisy(sorted(d.glob("p150-*.png"))[0], d / "noisy150.pdf")
    out["noisy150"] = d / "noisy150.pdf"
    _first_page(text_pdf, d / "text-page1.pdf")
    out["text1"] = d / "text-page1.pdf"
    _mixed(text_pdf, d / "scan300.pdf", d / "mixed.pdf")
    out["mixed"] = d / "mixed.pdf"
    return out


def _noisy(png: Path, dst: Path) -> None:
    """A page as a cheap office scanner gives it: 150 dpi grey, turned a little, dark specks, blurred."""
    import random

    from PIL import Image, ImageFilter

    page = Image.open(png).convert("L").rotate(0.4, expand=True, fillcolor=255)
    rng = random.Random(7)
    pixels = page.load()
    for _ in range(page.width * page.height // 250):  # 0.4 % of the pixels dark specks
        pixels[rng.randrange(page.width), rng.randrange(page.height)] = rng.randrange(0, 80)
    page.filter(ImageFilter.GaussianBlur(0.5)).save(dst, resolution=150)


def _first_page(src: Path, dst: Path) -> None:
    import pypdfium2 as pdfium

    pdf, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    new.import_pages(pdf, [0])
    new.save(str(dst))


def _mixed(text_pdf: Path, scan_pdf: Path, dst: Path) -> None:
    """Page 1 with its text layer, page 2 a scan."""
    import pypdfium2 as pdfium

    new = pdfium.PdfDocument.new()
    new.import_pages(pdfium.PdfDocument(str(text_pdf)), [0])
    new.import_pages(pdfium.PdfDocument(str(scan_pdf)), [1])
    new.save(str(dst))


@pytest.fixture(scope="module")
def on_text(pdfs: dict[str, Path]) -> dict[str, set[str]]:
    return {k: _rules(lint_document(read_pdf(pdfs[k]))) for k in ("text", "text1")}


@pytest.mark.slow
@needs_tools
def test_scanned_pdf_finds_the_same_defects(pdfs: dict[str, Path], on_text: dict[str, set[str]]) -> None:
    doc = read_pdf(pdfs["scan300"])
    assert doc.meta["ocr"] == [1, 2]
    found = _rules(lint_document(doc))
    assert len(on_text["text"]) >= 20  # the sample is full of defects: the comparison means something
    assert found <= on_text["text"]  # nothing OCR invented
    assert len(on_text["text"] - found) <= MAX_MISSED, on_text["text"] - found
    assert {b.location.page for b in doc.blocks} == {1, 2}
    assert all(b.location.line for b in doc.blocks)


@pytest.mark.slow
@needs_tools
@pytest.mark.parametrize("variant", ["turned", "scan150"])
def test_turned_and_low_resolution_pages(
    pdfs: dict[str, Path], on_text: dict[str, set[str]], variant: str
) -> None:
    found = _rules(lint_document(read_pdf(pdfs[variant])))
    assert found <= on_text["text1"]
    assert len(on_text["text1"] - found) <= MAX_MISSED, on_text["text1"] - found


@pytest.mark.slow
@needs_tools
def test_noisy_low_resolution_scan_is_read_right_and_judged(
    pdfs: dict[str, Path], on_text: dict[str, set[str]]
) -> None:
    doc = read_pdf(pdfs["noisy150"])
    (conf,) = doc.meta["ocr_confidence"].values()
    assert conf >= 80, conf  # specks cleared: read about as well as a clean scan (89), not under the gate
    findings = lint_document(doc)
    assert not [f for f in findings if f.rule == "meta/low-confidence-ocr"]
    found = _rules(findings)
    assert found <= on_text["text1"]
    assert len(on_text["text1"] - found) <= MAX_MISSED, on_text["text1"] - found


def test_despeckle_clears_specks_and_keeps_strokes() -> None:
    from PIL import Image

    page = Image.new("L", (40, 40), 255)
    page.paste(0, (10, 5, 13, 35))  # a stroke three pixels wide
    for xy in ((25, 10), (30, 20), (33, 33)):
        page.putpixel(xy, 0)  # specks
    page.putpixel((5, 5), 0)
    clean = ocr.despeckle(page)
    assert all(clean.getpixel(xy) == 255 for xy in ((25, 10), (30, 20), (33, 33), (5, 5)))
    assert all(clean.getpixel((x, y)) == 0 for x in (10, 11, 12) for y in range(7, 33))


@pytest.mark.slow
@needs_tools
def test_png_photo_of_a_page(pdfs: dict[str, Path], on_text: dict[str, set[str]]) -> None:
    result = lint_file(pdfs["png"])
    assert result.error is None
    found = _rules(result.findings)
    assert found <= on_text["text1"]
    assert len(on_text["text1"] - found) <= MAX_MISSED, on_text["text1"] - found
    assert any(f.rule == "meta/ocr" for f in result.findings)


@pytest.mark.slow
@needs_tools
def test_mixed_pdf_ocrs_only_the_page_without_text(pdfs: dict[str, Path]) -> None:
    doc = read_pdf(pdfs["mixed"])
    (note,) = [f for f in lint_document(doc) if f.rule == "meta/ocr"]
    assert "第 2 页" in note.message and "page(s) 2" in note.message_en
    assert doc.meta["ocr"] == [2] and doc.meta["pages_with_text"] == 2
    first = [b.text for b in doc.blocks if b.location.page == 1]
    assert first == [b.text for b in read_pdf(pdfs["text1"]).blocks]  # the text layer, untouched


@needs_tools
def test_never_refuses_a_scan_and_the_page_bound_holds(pdfs: dict[str, Path]) -> None:
    with pytest.raises(UnreadableInput, match="no text layer"):
        read_pdf(pdfs["scan300"], ocr="never")
    with pytest.raises(UnreadableInput, match="more than 0 pages need OCR"):
        read_pdf(pdfs["scan300"], max_ocr_pages=0)
    result = lint_file(pdfs["scan300"], read_options=ReadOptions(ocr="never"))
    assert result.error and "OCR" in result.error


@needs_tools
def test_text_pdf_is_not_ocrd_unless_always(pdfs: dict[str, Path]) -> None:
    assert read_pdf(pdfs["text1"]).meta["ocr"] == []
    assert "meta/ocr" not in {f.rule for f in lint_file(pdfs["text1"]).findings}


@needs_tools
def test_ocr_over_its_memory_cap_is_unreadable_not_clean(
    pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tesseract under a 16 MB address space cannot load its data: the scan is reported, never passed."""
    monkeypatch.setenv("CONTRACTKIT_OCR_MEMORY_MB", "16")
    with pytest.raises(UnreadableInput, match="page 1") as info:
        read_pdf(pdfs["scan300"])
    assert "16 MB" in str(info.value)
    result = lint_file(pdfs["scan300"])
    assert result.error and not result.findings
    monkeypatch.setenv("CONTRACTKIT_OCR_MEMORY_MB", "1024")  # the default cap reads the page
    assert read_pdf(pdfs["scan300"]).meta["ocr"]


@needs_tools
def test_ocr_over_its_cpu_time_is_unreadable_not_clean(
    pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page's OCR is bounded by its own CPU time (SIGXCPU), not the wall clock of a loaded machine: over the
    bound the scan is reported with the reason, never passed as clean."""
    from contractkit.readers import ocr_cache

    monkeypatch.setattr(ocr_cache, "get", lambda key: None)  # Tesseract really runs (no page read before)
    monkeypatch.setattr(ocr, "PAGE_CPU_SECONDS", 1)  # a 300 dpi page takes Tesseract several CPU seconds
    with pytest.raises(UnreadableInput, match="CPU time") as info:
        read_pdf(pdfs["scan300"])
    assert info.value.zh and "CPU" in info.value.zh
    result = lint_file(pdfs["scan300"])
    assert result.error and "CPU" in result.error and not result.findings


def test_missing_tesseract_is_said_not_silent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(ocr, "available", lambda langs=ocr.LANGS: False)
    with pytest.raises(UnreadableInput, match="Tesseract"):
        ocr.require(str(tmp_path / "scan.pdf"))


def test_join_words_keeps_column_gaps_only() -> None:
    words = [(0, 40, 40, "办公"), (44, 40, 40, "椅"), (200, 80, 40, "人体工学"), (330, 30, 40, "把")]
    assert ocr.join_words(words) == "办公椅 人体工学 把"
    assert ocr.join_words([(0, 30, 40, "30%"), (34, 40, 40, "作为")]) == "30% 作为"
    assert (
        ocr.join_words([(0, 40, 40, "价款"), (45, 8, 40, "|"), (60, 40, 40, "「1,200.00")]) == "价款 1,200.00"
    )
    assert ocr.join_words([(0, 40, 40, "「验收」"), (44, 40, 40, "合格")]) == "「验收」合格"


@given(st.lists(st.text(alphabet="甲乙丙丁付款验收合格", min_size=1, max_size=4), min_size=1, max_size=8))
def test_join_words_of_tight_chinese_words_is_their_concatenation(parts: list[str]) -> None:
    words, left = [], 0
    for p in parts:
        words.append((left, 40 * len(p), 40, p))
        left += 40 * len(p) + 5
    assert ocr.join_words(words) == "".join(parts)


def test_word_ranges_follow_the_cleaned_line() -> None:
    """Each word's confidence lands on the characters it became in the line: spaces between Chinese words
    dropped, a table's bar turned into a space, a misread bracket mended."""
    words = [
        (0, 40, 40, "交货"),
        (44, 40, 40, "地点"),
        (90, 8, 40, "|"),
        (110, 80, 40, "〈南通)"),
        (200, 40, 40, "仓库"),
    ]
    confs = {id(w): c for w, c in zip(words, (91.0, 88.0, 10.0, 30.0, 95.0), strict=True)}
    text = ocr.join_words(words)
    ranges = ocr.word_ranges(text, words, confs)
    assert text == "交货地点 （南通）仓库"
    assert [(text[a:b], c) for a, b, c in ranges] == [
        ("交货", 91.0),
        ("地点", 88.0),
        ("南通", 30.0),  # the mended brackets are new characters: the word spans what it kept
        ("仓库", 95.0),
    ]  # the bar is gone: no range of its own


def test_a_paragraphs_word_ranges_cross_its_joined_lines() -> None:
    first = ocr.OcrLine(
        "卖方逾期交货的，每日按逾期部分货款的千分之一支付违约金，累计不超",
        90.0,
        ((0, 2, 96.0), (15, 17, 12.0)),
    )
    second = ocr.OcrLine("过合同总价的百分之十。", 90.0, ((0, 1, 20.0), (1, 3, 94.0)))
    (block,) = ocr.page_blocks([first, second], 1, 0)
    assert block.text == first + second
    assert [(block.text[a:b], c) for a, b, c in block.words] == [
        ("卖方", 96.0),
        ("货款", 12.0),
        ("过", 20.0),
        ("合同", 94.0),
    ]


@given(st.lists(st.text(alphabet="甲乙丙 付款,。", min_size=1, max_size=5), min_size=1, max_size=6))
def test_carried_ranges_stay_inside_the_text_and_in_order(parts: list[str]) -> None:
    source, ranges = "", []
    for k, p in enumerate(parts):
        ranges.append((len(source), len(source) + len(p), float(k)))
        source += p
    target = " ".join(source.split())
    out = ocr.carry_ranges(source, tuple(ranges), target)
    assert all(0 <= a < b <= len(target) for a, b, _ in out)
    assert [c for _, _, c in out] == sorted(c for _, _, c in out)


@pytest.mark.parametrize(
    ("plain", "cleared", "kept", "readings"),
    [
        (90.0, 95.0, "plain", 1),  # read well: not read again (clearing would erode thin strokes)
        (55.0, 86.0, "cleared", 2),  # read poorly, better cleared: the cleared reading
        (70.0, 64.0, "plain", 2),  # read poorly, worse cleared (a hand-filled form): the plain one
    ],
)
def test_a_page_read_poorly_is_read_again_with_its_noise_cleared(
    monkeypatch: pytest.MonkeyPatch, plain: float, cleared: float, kept: str, readings: int
) -> None:
    from PIL import Image

    calls: list[bool] = []

    def fake(image: object, *, clear: bool = False, **how: object) -> list[str]:
        calls.append(clear)
        return [ocr.OcrLine("cleared" if clear else "plain", cleared if clear else plain, ())]

    monkeypatch.setattr(ocr, "_read_page", fake)
    lines = ocr.image_lines(Image.new("L", (20, 20), 255), cache=False)
    assert [str(x) for x in lines] == [kept]
    assert len(calls) == readings
