"""Parts of a scan OCR read too poorly to judge: their findings, and the document's "missing X" findings
(the clause may be in them), are withheld, and one ``meta/low-confidence-ocr`` warning names the lines and
the checks withheld; a page read so poorly that nothing on it can be relied on is said to be unchecked.
A well-read scan and a text document keep every finding. Two pages drawn here (Noto CJK, 200 dpi) with
our own contract: one clean, one with its fill-ins in a hurried "hand" (each character turned, sheared,
sized and smeared on its own), as on a printed form filled in by hand."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from contractkit import lint
from contractkit.findings import Finding, Severity
from contractkit.lint import LOW_CONFIDENCE, lint_document, withhold_poorly_read
from contractkit.readers import ocr
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.pdf import read_pdf
from contractkit.readers.text import document_from_text

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
needs_tesseract = pytest.mark.skipif(
    not (ocr.available() and FONT.exists() and shutil.which("tesseract")),
    reason="needs Tesseract (chi_sim, chi_tra) and the Noto CJK fonts",
)
#: A form's printed labels and what was filled in after each.
FORM = [
    ("一、货物名称及数量：", "工业除湿机 DH-90 型 共 40 台"),
    ("二、合同总价：", "人民币 186,000.00 元（含 13% 增值税）"),
    ("三、交货时间及地点：", "2027年5月20日前送至买方南通仓库"),
    ("四、验收：", "买方收货后7日内验收，逾期未提异议视为合格"),
    ("五、付款：", "验收合格后30日内一次付清全部货款"),
    ("六、违约责任：", "卖方逾期交货每日按货款的千分之一支付违约金"),
    ("七、争议解决：", "协商不成的，向买方所在地人民法院起诉"),
    ("八、合同期限：", "自双方签章之日起至2027年12月31日止"),
]


def _hand(page: Image.Image, at: tuple[int, int], text: str, rnd: random.Random) -> None:
    """``text`` as a hurried hand: each character turned, sized, sheared and smeared on its own."""
    x, y = at
    for ch in text:
        size = rnd.randint(26, 40)
        font = ImageFont.truetype(str(FONT), size, index=rnd.choice([0, 2]))
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size // 2, size // 3), ch, font=font, fill=255)
        shear = (1, rnd.uniform(-0.5, 0.5), 0, rnd.uniform(-0.3, 0.3), 1, 0)
        glyph = glyph.transform(glyph.size, Image.Transform.AFFINE, shear)
        glyph = glyph.rotate(rnd.uniform(-30, 30), resample=Image.Resampling.BICUBIC)
        page.paste(0, (x, y + rnd.randint(-10, 10)), glyph.filter(ImageFilter.MaxFilter(3)))
        x += int(size * rnd.uniform(0.8, 1.2))


def _draw_form(path: Path, *, by_hand: bool) -> None:
    """One page at 200 dpi: a title, the parties, the form's eight clauses filled in, signature labels."""
    rnd = random.Random(7)
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    body = ImageFont.truetype(str(FONT), 30, index=2)  # Noto Serif CJK SC
    draw.text((620, 160), "设备买卖合同", font=ImageFont.truetype(str(FONT), 48, index=2), fill=0)
    draw.text((160, 280), "买方：南通恒泰纺织机械有限公司", font=body, fill=0)
    draw.text((160, 340), "卖方：苏州清风环境设备有限公司", font=body, fill=0)
    y = 440
    for label, filled in FORM:
        draw.text((160, y), label, font=body, fill=0)
        x = 160 + int(draw.textlength(label, font=body))
        if by_hand:
            _hand(page, (x, y), filled, rnd)
        else:
            draw.text((x, y), filled, font=body, fill=0)
        y += 90
    draw.text((160, y + 60), "买方（盖章）：", font=body, fill=0)
    draw.text((900, y + 60), "卖方（盖章）：", font=body, fill=0)
    page = page.rotate(0.3, expand=False, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page.filter(ImageFilter.GaussianBlur(0.4)).save(path, "PDF", resolution=200)


def _unwithheld(monkeypatch: pytest.MonkeyPatch, doc: Document) -> list[Finding]:
    """The findings as they were before anything was withheld."""
    monkeypatch.setattr(lint, "withhold_poorly_read", lambda doc, found: found)
    try:
        return lint_document(doc)
    finally:
        monkeypatch.undo()


def _missing(findings: list[Finding]) -> list[str]:
    """The document-level findings (no quote, no span) of the rules."""
    return [f.rule for f in findings if not f.rule.startswith("meta/") and not f.snippet and f.span is None]


@pytest.mark.slow
@needs_tesseract
def test_a_form_filled_in_by_hand_is_reported_as_read_poorly_not_as_missing_clauses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _draw_form(tmp_path / "form.pdf", by_hand=True)
    doc = read_pdf(tmp_path / "form.pdf")
    assert doc.meta["ocr_confidence"][1] < lint.PAGE_LOW
    before = _unwithheld(monkeypatch, doc)
    assert _missing(before)  # the clauses OCR garbled were reported missing
    found = lint_document(doc)
    (notice,) = [f for f in found if f.rule == LOW_CONFIDENCE]
    assert notice.severity == Severity.WARNING and notice.location.page == 1
    assert notice.message.startswith("扫描件第1页第") and "请对照扫描件人工核对" in notice.message
    assert "Read those lines on the scan by hand" in notice.message_en
    assert not _missing(found)
    for rule in _missing(before):
        assert rule in notice.message and rule in notice.message_en  # said to be withheld
    poor = {b.location.index for b in lint.poorly_read(doc)[0]}
    assert poor and not [f for f in found if f.location.index in poor and f.rule != LOW_CONFIDENCE]
    assert {b.location.line for b in doc.blocks if b.location.index in poor} >= {1 + k for k in range(4, 8)}


@pytest.mark.slow
@needs_tesseract
def test_the_same_form_typed_in_keeps_every_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _draw_form(tmp_path / "form.pdf", by_hand=False)
    doc = read_pdf(tmp_path / "form.pdf")
    assert doc.meta["ocr_confidence"][1] >= lint.PAGE_LOW
    assert all(b.confidence is not None for b in doc.blocks)
    found = lint_document(doc)
    assert found == _unwithheld(monkeypatch, doc)
    assert LOW_CONFIDENCE not in {f.rule for f in found}


def _scan(confidences: list[float], page_conf: float, texts: list[str] | None = None) -> Document:
    texts = texts or [f"第{k + 1}条 甲方应于收货后十日内付款。" for k in range(len(confidences))]
    blocks = [
        Block(t, t, Location(k, page=1, line=2 * k + 1), "line", confidence=c)
        for k, (t, c) in enumerate(zip(texts, confidences, strict=True))
    ]
    return Document("scan.pdf", "pdf", blocks, meta={"ocr": [1], "ocr_confidence": {1: page_conf}})


def _finding(rule: str, index: int, snippet: str = "") -> Finding:
    span = (0, len(snippet)) if snippet else None
    return Finding(rule, Severity.WARNING, "问题", "problem", Location(index, page=1), snippet, span)


def test_withholding_on_a_poorly_read_page() -> None:
    doc = _scan([88.0, 31.0, 52.0, 90.0], 48.0)
    found = [
        _finding("payment/vague-deadline", 0, "收货后十日内"),  # a well-read line: kept
        _finding("delivery/no-delivery-date", 1, "交货时间"),  # on a garbled line: withheld
        _finding("dispute/no-dispute-clause", 0),  # the clause may be in the garbled lines: withheld
        _finding("meta/unused-suppression", 2),  # the product's own notes stay
    ]
    out = withhold_poorly_read(doc, found)
    assert [f.rule for f in out] == ["payment/vague-deadline", "meta/unused-suppression", LOW_CONFIDENCE]
    notice = out[-1]
    assert notice.location == doc.blocks[1].location
    assert "第1页第3、5行" in notice.message and "page 1 line(s) 3, 5" in notice.message_en
    assert "delivery/no-delivery-date、dispute/no-dispute-clause" in notice.message
    assert "未检查" not in notice.message  # no page is beyond reading


def test_a_well_read_scan_or_a_text_keeps_its_findings() -> None:
    found = [_finding("delivery/no-delivery-date", 1, "交货时间"), _finding("dispute/no-dispute-clause", 0)]
    # a well-read page with one unsure line (a stamp, a registration code): nothing withheld, no notice
    assert withhold_poorly_read(_scan([88.0, 26.0, 91.0], 84.0), found) == found
    assert withhold_poorly_read(document_from_text("甲方\n乙方"), found) == found
    unknown = _scan([88.0, 26.0], 84.0)
    unknown.meta.pop("ocr_confidence")
    assert withhold_poorly_read(unknown, found) == found


def test_a_page_beyond_reading_is_said_to_be_unchecked() -> None:
    doc = _scan([22.0, 80.0], 25.0)  # even its surer line is not relied on
    out = withhold_poorly_read(doc, [_finding("amount/tax-missing", 1, "甲方应于")])
    (notice,) = out
    assert (
        notice.rule == LOW_CONFIDENCE and "第1页几乎无法识别" in notice.message and "未检查" in notice.message
    )
    assert "page 1 could not be read" in notice.message_en and "amount/tax-missing" in notice.message
    assert "第1页第" not in notice.message  # the page as a whole, not line by line


def test_nothing_withheld_still_names_the_lines() -> None:
    """No finding rests on the garbled lines, yet a defect in them cannot be found: the reviewer is told."""
    out = withhold_poorly_read(_scan([90.0, 40.0], 55.0), [])
    (notice,) = out
    assert "第1页第3行" in notice.message and "这些行中的问题无法被发现" in notice.message


@pytest.mark.slow
@needs_tesseract
def test_a_page_under_heavy_noise_is_unchecked_not_clean(tmp_path: Path) -> None:
    """Ink blots over a quarter of the page: every line Tesseract finds is nonsense, no finding may stand."""
    _draw_form(tmp_path / "form.pdf", by_hand=False)
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(tmp_path / "form.pdf"))
    page = pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    rnd, draw = random.Random(3), ImageDraw.Draw(page)
    for _ in range(page.width * page.height // 160):
        x, y = rnd.randrange(page.width - 8), rnd.randrange(page.height - 8)
        draw.ellipse((x, y, x + rnd.randint(3, 8), y + rnd.randint(3, 8)), fill=0)
    page.save(tmp_path / "blotted.pdf", resolution=200)
    doc = read_pdf(tmp_path / "blotted.pdf")
    assert doc.meta["ocr_confidence"][1] < lint.PAGE_UNREADABLE
    found = [f for f in lint_document(doc) if not f.rule.startswith("meta/ocr")]
    (notice,) = found  # the one warning, no finding on the guesses
    assert (
        notice.rule == LOW_CONFIDENCE and "第1页几乎无法识别" in notice.message and "未检查" in notice.message
    )


def _form_page(garbled: int, page_conf: float = 82.0) -> Document:
    """A page read well as a whole (``page_conf`` passes PAGE_LOW) whose first ``garbled`` lines carry a
    fill-in OCR read as nonsense (two characters under WORD_LOW), the rest read surely; then one line with
    a well-read clause and a misread number, and one with a misread fill-in inside a sentence."""
    blocks = []
    for k in range(garbled):
        text = f"收货人：渊锢{k}号"
        words = ((0, 3, 93.0), (3, 4, 90.0), (4, 5, 12.0), (5, 6, 0.0), (6, 8, 88.0))
        blocks.append(
            Block(text, text, Location(k, page=1, line=k + 1), "line", confidence=80.0, words=words)
        )
    clause = "买方应于到货后 3O 日内付清货款。"
    words = ((0, 2, 95.0), (2, 4, 94.0), (4, 7, 92.0), (8, 10, 31.0), (11, 13, 90.0), (13, 18, 91.0))
    blocks.append(
        Block(clause, clause, Location(garbled, page=1, line=garbled + 1), "line", None, None, 90.0, words)
    )
    court = "争议由甲方所在地捐诂人民法院管辖。"
    words = ((0, 8, 94.0), (8, 10, 20.0), (10, 17, 93.0))
    blocks.append(
        Block(court, court, Location(garbled + 1, page=1, line=garbled + 2), "line", None, None, 88.0, words)
    )
    return Document("form.pdf", "pdf", blocks, meta={"ocr": [1], "ocr_confidence": {1: page_conf}})


def _at(rule: str, doc: Document, index: int, quote: str, *, span: bool = True) -> Finding:
    at = doc.blocks[index].text.index(quote)
    where = (at, at + len(quote)) if span else None
    return Finding(rule, Severity.WARNING, "问题", "problem", doc.blocks[index].location, quote, where)


def test_a_well_read_page_with_many_garbled_fill_ins_withholds_what_rests_on_them() -> None:
    """The page passes PAGE_LOW, yet its fill-ins are nonsense: a finding quoting a misread word (or
    ending just before one: "到货后" with the days misread after it) is withheld, one on well-read words
    stands, a document-level one is withheld, and the notice quotes the garbled words."""
    n = lint.PAGE_GARBLED
    doc = _form_page(n)
    assert doc.meta["ocr_confidence"][1] >= lint.PAGE_LOW
    found = [
        _at("parties/address-incomplete", doc, 0, "渊锢0号"),  # on the garbled fill-in
        _at("payment/trigger-without-deadline", doc, n, "到货后"),  # the misread 3O right after it
        _at("payment/vague-deadline", doc, n, "付清货款"),  # well read, away from the misread number
        _at("dispute/court-unclear", doc, n + 1, "争议由甲方所在地捐诂人民法院管辖。", span=False),
        _finding("penalty/no-late-payment-penalty", 0),  # may be in the garbled parts
    ]
    out = withhold_poorly_read(doc, found)
    assert [f.rule for f in out] == ["payment/vague-deadline", LOW_CONFIDENCE]
    notice = out[-1]
    assert "“渊锢”" in notice.message and "'渊锢'" in notice.message_en
    assert f"等 {n + 1} 处" in notice.message  # the garbled parts beyond those quoted are counted
    for rule in ("parties/address-incomplete", "payment/trigger-without-deadline", "dispute/court-unclear"):
        assert rule in notice.message and rule in notice.message_en
    assert "penalty/no-late-payment-penalty" in notice.message
    assert notice.location == doc.blocks[0].location  # no line is low as a whole (80): the first garbled


def test_a_few_unsure_words_on_a_well_read_page_withhold_nothing() -> None:
    """Under PAGE_GARBLED garbled parts a page is a well-read scan with a stamp or a code read unsurely:
    every finding stands, even one quoting an unsure word, and there is no notice."""
    doc = _form_page(lint.PAGE_GARBLED - 3)
    found = [_at("parties/address-incomplete", doc, 0, "渊锢0号"), _finding("dispute/no-dispute-clause", 0)]
    assert withhold_poorly_read(doc, found) == found


def test_weak_ranges_merge_neighbours_and_garbled_parts_need_two_chinese_characters() -> None:
    text = "电话：0O5-88 甲乙丙"
    words = ((0, 2, 90.0), (3, 6, 20.0), (7, 9, 30.0), (10, 11, 10.0), (11, 12, 95.0), (12, 13, 5.0))
    block = Block(text, text, Location(0, page=1, line=1), "line", words=words)
    assert lint.weak_ranges(block) == [(3, 6), (7, 11), (12, 13)]  # 0O5-: a mark between; 乙 read well
    assert lint.garbled_parts(block) == []  # digits, and lone Chinese characters: not a garbled fill-in
    words = ((0, 2, 90.0), (3, 6, 20.0), (6, 9, 30.0), (10, 11, 10.0), (11, 12, 45.0), (12, 13, 5.0))
    block = Block(text, text, Location(0, page=1, line=1), "line", words=words)
    assert lint.weak_ranges(block) == [(3, 13)]  # a space apart: one run
    assert [text[a:b] for a, b in lint.garbled_parts(block)] == ["0O5-88 甲乙丙"]


@pytest.mark.slow
@needs_tesseract
def test_the_hand_filled_forms_notice_quotes_the_words_ocr_garbled(tmp_path: Path) -> None:
    """On a real scan: each block carries Tesseract's words as ranges of its text, the fill-ins' words
    are read under WORD_LOW, the printed labels' above it, and the notice quotes garbled fill-ins."""
    _draw_form(tmp_path / "form.pdf", by_hand=True)
    doc = read_pdf(tmp_path / "form.pdf")
    assert all(b.words for b in doc.blocks)
    for b in doc.blocks:
        assert all(0 <= s < e <= len(b.text) and 0 <= c <= 100 for s, e, c in b.words)
    parts = [b.text[s:e] for b in doc.blocks for s, e in lint.garbled_parts(b)]
    assert parts
    labels = [b for b in doc.blocks if b.text.startswith(("买方", "卖方", "賣方"))]
    assert labels and all(c >= lint.WORD_LOW for b in labels for s, e, c in b.words if e <= 2)
    (notice,) = [f for f in lint_document(doc) if f.rule == LOW_CONFIDENCE]
    assert "OCR could not read" in notice.message_en or lint.poorly_read(doc)[0]
