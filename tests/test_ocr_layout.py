"""OCR of scanned layouts: a ruled table's grid removed before Tesseract (it took the table for a picture
and read none of it), one language once a page is plainly Simplified, stray marks for an ideographic space
dropped. Pages drawn here (Noto CJK, 200 dpi, turned 0.3°, blurred) with our own text; one page is OCR'd."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from contractkit.readers import ocr
from contractkit.readers.pdf import read_pdf

FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
needs_tesseract = pytest.mark.skipif(
    not (ocr.available() and FONT.exists() and shutil.which("tesseract")),
    reason="needs Tesseract (chi_sim, chi_tra) and the Noto CJK fonts",
)


def _grid(size: tuple[int, int], xs: list[int], ys: list[int], width: int = 3) -> Image.Image:
    """A white page with a table grid: vertical rulings at ``xs``, horizontal ones at ``ys``."""
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    for y in ys:
        draw.rectangle((xs[0], y, xs[-1] + width - 1, y + width - 1), fill=0)
    for x in xs:
        draw.rectangle((x, ys[0], x + width - 1, ys[-1] + width - 1), fill=0)
    return page


def _dark(page: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Pixels darker than ink level in ``box``."""
    return sum(1 for v in page.crop(box).tobytes() if v < ocr.INK_LEVEL)


def test_rulings_go_and_strokes_stay() -> None:
    page = _grid((1200, 900), [100, 300, 700, 1100], [200, 260, 320, 380])
    draw = ImageDraw.Draw(page)
    draw.rectangle((150, 215, 152, 245), fill=0)  # a vertical stroke inside a cell, shorter than the row
    draw.rectangle((320, 230, 420, 232), fill=0)  # a horizontal stroke, far shorter than a ruling
    draw.rectangle((200, 600, 260, 602), fill=0)  # a short underline for a blank, under no table
    clean = ocr.remove_rulings(page)
    assert _dark(clean, (0, 190, 1200, 400)) == _dark(clean, (150, 215, 153, 246)) + _dark(
        clean, (320, 230, 421, 233)
    )
    assert _dark(clean, (150, 215, 153, 246)) == 3 * 31  # the strokes untouched
    assert _dark(clean, (320, 230, 421, 233)) == 101 * 3
    assert _dark(clean, (200, 600, 261, 603)) == 61 * 3
    assert ocr.remove_rulings(Image.new("L", (300, 300), 255)).tobytes() == bytes(300 * 300 * [255])


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.integers(60, 140), min_size=2, max_size=5),
    st.lists(st.integers(50, 90), min_size=1, max_size=4),
)
def test_any_grid_is_removed_whole(columns: list[int], rows: list[int]) -> None:
    xs, ys = [40], [40]
    for w in columns:
        xs.append(xs[-1] + w)
    for h in rows:
        ys.append(ys[-1] + h)
    size = (max(xs[-1] + 60, 6 * (xs[-1] - xs[0]) // 5 + 60), ys[-1] + 60)
    page = _grid(size, xs, ys)
    if xs[-1] - xs[0] < size[0] * ocr.RULING_SHARE:
        return  # a table narrower than a ruling's length is not claimed
    assert _dark(ocr.remove_rulings(page), (0, 0, *size)) == 0


SIMPLIFIED_PAGE = [
    "第三条 结算：买方收到增值税专用发票后十五日内，将货款汇入卖方指定账户。",
    "第四条 运输：货物由卖方负责运输并承担运费，运输途中的损坏、遗失由卖方负责。",
    "卖方开户银行：中国建设银行绍兴越城支行",
]
#: The same page read with both scripts: Tesseract gives some Traditional forms on a Simplified page.
MIXED_READ = [
    "第三條 结算：買方收到增值税专用發票后十五日内，将貨款汇入卖方指定賬户。",
    "第四条 运输：货物由卖方负责运输并承担运费，運輸途中的损坏、遗失由卖方负责。",
    "卖方开户银行：中国建设银行绍兴越城支行",
]
TRADITIONAL_PAGE = [
    "第三條 結算：買方收到統一發票後十五日內，將貨款匯入賣方指定帳戶。",
    "第四條 運輸：貨物由賣方負責運送並負擔運費，運送途中之損壞、遺失由賣方負責。",
]


def test_one_language_only_after_a_plainly_simplified_page() -> None:
    assert ocr.langs_after(SIMPLIFIED_PAGE) == ocr.SIMPLIFIED
    assert ocr.langs_after(MIXED_READ) == ocr.SIMPLIFIED
    assert ocr.langs_after(TRADITIONAL_PAGE) == ocr.LANGS
    assert ocr.langs_after(["甲方：", "乙方：", "2027年4月8日"]) == ocr.LANGS  # no evidence either way
    assert ocr.langs_after(SIMPLIFIED_PAGE, "chi_tra") == "chi_tra"  # a caller's choice stays
    assert ocr.langs_after(TRADITIONAL_PAGE, ocr.SIMPLIFIED) == ocr.SIMPLIFIED  # decided once


def test_stray_marks_of_an_ideographic_space_are_dropped() -> None:
    def words(*texts: str) -> list[ocr.Word]:
        out, left = [], 0
        for t in texts:
            out.append((left, 40 * len(t), 40, t))
            left += 40 * len(t) + 10
        return out

    assert ocr.join_words(words("第一条", "”设备")) == "第一条 设备"
    assert ocr.join_words(words("第三條]交貨:", "甲方")) == "第三條 交貨:甲方"
    assert ocr.join_words(words("91330104MA2H7KQ35D", "“联系电话:")) == "91330104MA2H7KQ35D 联系电话:"
    assert ocr.join_words(words("以下简称", "“甲方”")).endswith("以下简称 “甲方”")  # a pair stays
    assert ocr.join_words(words("见附件", "「报价单」")) == "见附件「报价单」"


def _draw_scan(path: Path) -> None:
    """One page at 200 dpi: a title, a party block, a ruled item table, a clause and a signature table."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    body = ImageFont.truetype(str(FONT), 29, index=2)  # Noto Serif CJK SC
    title = ImageFont.truetype(str(FONT), 48, index=2)
    draw.text((560, 180), "五金配件订购合同", font=title, fill=0)
    draw.text((200, 320), "订购方：常州恒瑞机电设备有限公司", font=body, fill=0)
    draw.text((200, 390), "供应方：温州瓯海精工紧固件厂", font=body, fill=0)
    xs, ys = [200, 330, 700, 900, 1160, 1450], [470, 540, 610, 680, 750]
    rows = [
        ["序号", "品名", "数量", "单价（元）", "金额（元）"],
        ["1", "不锈钢六角螺栓", "8000件", "1.35", "10,800.00"],
        ["2", "镀锌平垫圈", "12000件", "0.18", "2,160.00"],
        ["3", "尼龙锁紧螺母", "8000件", "0.42", "3,360.00"],
    ]
    for y, row in zip(ys, rows, strict=False):
        for x, cell in zip(xs, row, strict=False):
            draw.text((x + 14, y + 16), cell, font=body, fill=0)
    for y in ys:
        draw.rectangle((xs[0], y, xs[-1] + 2, y + 2), fill=0)
    for x in xs:
        draw.rectangle((x, ys[0], x + 2, ys[-1] + 2), fill=0)
    draw.text((200, 820), "第二条　供应方应于2027年9月10日前交货，运费由供应方承担。", font=body, fill=0)
    for y in (960, 1040):
        draw.rectangle((200, y, 1450, y + 2), fill=0)
    draw.text((214, 980), "订购方（盖章）：", font=body, fill=0)
    draw.text((860, 980), "供应方（盖章）：", font=body, fill=0)
    page = page.rotate(0.3, expand=False, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page.filter(ImageFilter.GaussianBlur(0.4)).save(path, "PDF", resolution=200)


@pytest.mark.slow
@needs_tesseract
def test_ruled_table_rows_come_back_one_line_each(tmp_path: Path) -> None:
    _draw_scan(tmp_path / "scan.pdf")
    doc = read_pdf(tmp_path / "scan.pdf")
    texts = [b.norm.replace(" ", "") for b in doc.blocks]
    for name, amount in (
        ("不锈钢六角螺栓", "10,800.00"),
        ("镀锌平垫圈", "2,160.00"),
        ("尼龙锁紧螺母", "3,360.00"),
    ):
        (row,) = [t for t in texts if name in t]  # the row is one block, its amount on it
        assert amount in row
    order = [
        next(i for i, t in enumerate(texts) if key in t)
        for key in ("订购方:常州", "序号", "第二条", "供应方(")
    ]
    assert order == sorted(order)


def _line(top: int, *cells: tuple[int, str]) -> list[tuple[int, ocr.Word]]:
    """One of Tesseract's lines: words at ``(left, text)``, 40 px high, 40 px a character."""
    return [(top, (left, 40 * len(text), 40, text)) for left, text in cells]


def test_a_table_rows_cells_read_as_separate_lines_are_one_row() -> None:
    lines = [  # Tesseract's order: by column, as psm 4 reads a table it takes for blocks
        _line(100, (0, "序号"), (200, "品名")),
        _line(160, (0, "1"), (200, "镀锌角钢")),
        _line(102, (600, "数量")),
        _line(158, (600, "12吨")),
        _line(101, (900, "金额（元）")),
        _line(163, (900, "59,160.00")),
    ]
    rows = [ocr.join_words(r) for r in ocr.rows_of(lines)]
    assert rows == ["序号 品名 数量 金额（元）", "1 镀锌角钢 12吨 59,160.00"]


def test_a_clause_tail_in_a_block_of_its_own_joins_its_line() -> None:
    lines = [
        _line(300, (0, "第六条违约：乙方迟延交货，每日按货款的万分之二计付违约金，总额不超")),
        _line(380, (0, "第七条争议：提交仲裁。")),
        _line(304, (1480, "过货款的10%。")),
    ]
    rows = [ocr.join_words(r) for r in ocr.rows_of(lines)]
    assert rows[0].endswith("总额不超 过货款的10%。") and rows[1] == "第七条争议：提交仲裁。"


@given(st.lists(st.integers(1, 30), min_size=1, max_size=8), st.integers(45, 80))
def test_prose_lines_stay_apart_and_in_order(lengths: list[int], pitch: int) -> None:
    lines = [_line(100 + k * pitch, (0, "款" * n)) for k, n in enumerate(lengths)]
    rows = ocr.rows_of(list(reversed(lines)))
    assert [r[0][3] for r in rows] == ["款" * n for n in lengths]


def test_words_on_top_of_each_other_are_two_rows() -> None:
    rows = ocr.rows_of([_line(100, (0, "甲方盖章")), _line(115, (60, "2027年"))])
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        (
            "第六条违约：乙方迟延交货，每日按迟交部分货款的万分之二点五计付违约金，总额不超",
            "过合同总价的5%。",
        ),
        ("第4条 付款：买方应于货物验收合格并收到卖方开具的增值税专用发票之日起三十", "日内付清全部货款。"),
        (
            "第十二条 本合同经双方授权代表签字并加盖公章或合同专用章后生效，有效期至二〇",
            "二八年十二月三十一日止。",
        ),
    ],
)
def test_an_article_line_that_ran_to_the_margin_keeps_its_tail(first: str, rest: str) -> None:
    lines = [first, rest, "第十三条 其他：未尽事宜由双方协商解决。"]
    blocks = ocr.page_blocks(lines, 1, 0)
    assert [b.text for b in blocks] == [first + rest, lines[2]]
    short = ocr.page_blocks(["第五条 验收", "买方应于到货后七日内验收。"], 1, 0)
    assert len(short) == 2  # a heading of its own stays one


def test_a_lines_confidence_is_its_words_weighted_by_their_characters() -> None:
    """A long misread fill-in weighs as much as it is long: a line of a sure four-character label and a
    thirteen-character guess is about as sure as the guess."""
    label, guess, cell = (0, 160, 40, "交货地点"), (200, 480, 40, "em亭翌六jamweand"), (700, 80, 40, "吨")
    confs = {id(label): 95.0, id(guess): 20.0, id(cell): 60.0}
    (line,) = ocr.assemble_lines([[(10, label), (10, guess)]], [], confs)
    assert isinstance(line, ocr.OcrLine) and line.conf == pytest.approx((4 * 95 + 13 * 20) / 17)
    grid = [(0, 100, [650, 750, 900])]
    (row,) = ocr.assemble_lines([[(20, cell)]], grid, confs)
    assert isinstance(row, ocr.TableRow) and row.conf == 60.0
    assert ocr.assemble_lines([[(10, label)]], []) == ["交货地点"]  # no confidences given: none known
    assert ocr.line_confidence(ocr.assemble_lines([[(10, label)]], [])[0]) is None


def test_a_paragraphs_confidence_is_its_lines_weighted_by_their_length() -> None:
    lines = [
        ocr.OcrLine("第六条 违约责任：卖方逾期交货的，每逾期一日按逾期部分货款的千分之", 90.0),
        ocr.OcrLine("二支付违约金。", 30.0),
        ocr.OcrLine("第七条 争议：提交南京仲裁委员会仲裁。", 88.0),
        ocr.TableRow("1 钢板 20吨", 50.0),
        "第八条 其他：无。",  # a line with no confidence known
    ]
    blocks = ocr.page_blocks(lines, 2, 5)
    assert [b.confidence for b in blocks[1:]] == [88.0, 50.0, None]
    a, b = len(lines[0]), len(lines[1])
    assert blocks[0].confidence == pytest.approx((a * 90 + b * 30) / (a + b))
    assert ocr.page_confidence(lines) == pytest.approx(
        sum(len(x) * x.conf for x in lines[:4]) / sum(len(x) for x in lines[:4])
    )
    assert ocr.page_confidence(["无分数"]) is None


def _fake_data(words: list[tuple[int, str, float]]) -> dict[str, list[object]]:
    """Tesseract's image_to_data for ``words`` (line number, text, confidence), one word per line slot."""
    data: dict[str, list[object]] = {
        k: [] for k in ("text", "conf", "block_num", "par_num", "line_num", "left", "top", "width", "height")
    }
    for k, (line, text, conf) in enumerate(words):
        for key, value in (
            ("text", text),
            ("conf", conf),
            ("block_num", 1),
            ("par_num", 1),
            ("line_num", line),
            ("left", 100 + 60 * k),
            ("top", 100 * line),
            ("width", 40 * len(text)),
            ("height", 40),
        ):
            data[key].append(value)
    return data


@pytest.mark.parametrize(
    ("speck", "kept"),
    [
        ((2, "三", 0.0), False),  # one character, no confidence, alone on its line: dust
        ((2, "旺", 0), False),
        ((2, "三", 31.0), True),  # some confidence: a character
        ((2, "日期", 0.0), True),  # two characters: a word
        ((1, "甲", 0.0), True),  # in a line with others: part of it
    ],
)
def test_a_lone_character_read_without_confidence_is_a_speck(
    monkeypatch: pytest.MonkeyPatch, speck: tuple[int, str, float], kept: bool
) -> None:
    import pytesseract

    words = [(1, "买方应于收货后", 93.0), (1, "七日内验收。", 90.0), speck, (3, "卖方：苏州某某公司", 88.0)]
    monkeypatch.setattr(pytesseract, "image_to_data", lambda *a, **k: _fake_data(words))
    page = Image.new("L", (1200, 500), 255)
    lines = ocr._read_page(
        page, langs=ocr.LANGS, timeout=5, psm=ocr.PSM, smooth=False, unrule=False, assemble=True
    )
    assert any(speck[1] in x for x in lines) == kept
    assert any("七日内验收" in x for x in lines) and any("苏州某某公司" in x for x in lines)


def test_a_table_cell_of_one_unsure_character_is_kept() -> None:
    """A speck is a row of the page; in a ruled table's cell one character (套) is the text."""
    cell, speck = (700, 40, 40, "套"), (300, 40, 40, "三")
    confs = {id(cell): 0.0, id(speck): 0.0}
    lines = ocr.assemble_lines([[(20, cell)], [(400, speck)]], [(0, 100, [650, 750, 900])], confs)
    assert lines == ["套"] and isinstance(lines[0], ocr.TableRow)
