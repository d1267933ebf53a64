"""PDF output: document metadata (title, author = seller, subject = number, keywords) from the .docx core
properties into the PDF's /Info; --pdfa writes PDF/A-2b (XMP pdfaid part 2, conformance B, every font
embedded); --watermark puts a diagonal grey watermark in every header of the .docx and on every PDF page;
the batch progress counts the PDF conversions."""

from __future__ import annotations

import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from conftest import SAMPLES
from docx import Document as DocxDocument
from hypothesis import given
from hypothesis import strategies as st
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from contractkit.cli import main
from contractkit.deal.load import load_deal
from contractkit.deal.seller import load_seller_profile
from contractkit.render.batch import render_batch
from contractkit.render.decorate import WATERMARK_SHAPE, DocumentProperties, decorate_docx
from contractkit.render.docx import render_docx

PROFILE = SAMPLES / "profiles" / "seller-profile.json"
QUOTE = SAMPLES / "quote-office.json"
CONTRACT = SAMPLES / "contract-equipment.json"
slow = pytest.mark.slow  # LibreOffice


def _dump(deal: dict) -> str:
    return json.dumps(deal, ensure_ascii=False, default=lambda d: str(d) if isinstance(d, Decimal) else d)


# -- the .docx (no LibreOffice) ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("sample", "title", "number", "seller", "kind"),
    [
        (QUOTE, "办公IT设备报价单", "BJ-2026-0312", "上海云启信息技术有限公司", "报价单"),
        (CONTRACT, None, "XS-2026-0158", "北京精工数控设备有限公司", "合同"),
    ],
)
def test_core_properties_of_every_rendered_docx(sample, title, number, seller, kind) -> None:
    deal = load_deal(sample)
    props = DocxDocument(io.BytesIO(render_docx(deal))).core_properties
    assert props.title == (title or deal.get("title") or "买卖合同")
    assert props.author == seller == deal["seller"]["name"]
    assert props.subject == number
    assert props.keywords.split(", ") == [kind, number, deal["buyer"]["name"]]
    assert props.last_modified_by == "contractkit"


def test_the_author_is_the_profile_seller_when_the_deal_leaves_it_out() -> None:
    deal = load_deal(QUOTE)
    deal["seller"] = {"contact": "李雷"}
    props = DocxDocument(io.BytesIO(render_docx(deal, seller=load_seller_profile(PROFILE)))).core_properties
    assert props.author == "上海云启信息技术有限公司"


def _headers(data: bytes) -> dict[str, str]:
    z = zipfile.ZipFile(io.BytesIO(data))
    doc = z.read("word/document.xml").decode()
    rels = z.read("word/_rels/document.xml.rels").decode()
    out = {}
    for kind, rid in re.findall(r'<w:headerReference w:type="(\w+)" r:id="(\w+)"/>', doc):
        target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
        name = next(g for g in target.groups() if g)
        out[kind] = z.read(f"word/{name}").decode()
    return out


@pytest.mark.parametrize("sample", [QUOTE, CONTRACT])
def test_the_watermark_is_in_every_header_of_the_docx(sample) -> None:
    headers = _headers(render_docx(load_deal(sample), watermark="草稿"))
    assert headers, "no header referenced"
    for xml in headers.values():
        assert 'string="草稿"' in xml and "rotation:315" in xml and 'fillcolor="silver"' in xml
        assert WATERMARK_SHAPE in xml
    plain = _headers(render_docx(load_deal(sample)))
    assert not any("v:textpath" in xml for xml in plain.values())


def test_a_document_without_headers_gets_them_for_the_watermark(tmp_path: Path) -> None:
    doc = DocxDocument()
    doc.add_paragraph("正文")
    doc.sections[0].different_first_page_header_footer = True  # a title page has its own header
    buf = io.BytesIO()
    doc.save(buf)
    out = decorate_docx(buf.getvalue(), watermark="CONFIDENTIAL 机密")
    headers = _headers(out)
    assert set(headers) >= {"default", "first"}
    assert all('string="CONFIDENTIAL 机密"' in xml for xml in headers.values())
    reread = DocxDocument(io.BytesIO(out))  # still a package python-docx (and Word) opens
    assert reread.paragraphs[0].text == "正文"


def test_an_own_template_without_a_header_gets_the_watermark_and_logo(tmp_path: Path) -> None:
    doc = DocxDocument()
    doc.add_paragraph("报价单 {{ number }} {{ seller.name }}")
    template = tmp_path / "plain.docx"
    doc.save(template)
    deal = load_deal(QUOTE)
    data = render_docx(deal, template=template, watermark="草稿", seller=load_seller_profile(PROFILE))
    (xml,) = _headers(data).values()
    assert 'string="草稿"' in xml and "r:embed=" in xml
    reread = DocxDocument(io.BytesIO(data))
    assert reread.paragraphs[0].text == "报价单 BJ-2026-0312 上海云启信息技术有限公司"
    assert reread.core_properties.subject == "BJ-2026-0312"


def test_properties_are_set_on_a_package_without_core_xml() -> None:
    doc = DocxDocument()
    buf = io.BytesIO()
    doc.save(buf)
    z = zipfile.ZipFile(buf)
    stripped = io.BytesIO()
    with zipfile.ZipFile(stripped, "w") as out:
        for name in z.namelist():
            if name != "docProps/core.xml":
                data = z.read(name)
                if name == "_rels/.rels":
                    data = re.sub(rb'<Relationship [^>]*core-properties"[^>]*/>', b"", data)
                if name == "[Content_Types].xml":
                    data = re.sub(rb'<Override PartName="/docProps/core.xml"[^>]*/>', b"", data)
                out.writestr(name, data)
    props = DocumentProperties(title="T", author="A", subject="S", keywords="K")
    result = DocxDocument(io.BytesIO(decorate_docx(stripped.getvalue(), properties=props))).core_properties
    assert (result.title, result.author, result.subject, result.keywords) == ("T", "A", "S", "K")


def test_a_watermark_character_without_a_font_is_named() -> None:
    from contractkit.render.fonts import covered_ranges, docx_missing_glyphs

    if covered_ranges() is None:
        pytest.skip("fontconfig (fc-list) is not installed")
    assert "𪚥" in docx_missing_glyphs(render_docx(load_deal(QUOTE), watermark="草稿𪚥"))
    assert docx_missing_glyphs(render_docx(load_deal(QUOTE), watermark="草稿")) == []


def _tiny_pdf() -> bytes:
    import pypdfium2

    doc = pypdfium2.PdfDocument.new()
    doc.new_page(200, 200)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_the_creator_update_is_read_by_every_pdf_reader(tmp_path: Path) -> None:
    import pypdfium2

    from contractkit.render.pdfmeta import set_creator

    path = tmp_path / "t.pdf"
    path.write_bytes(_tiny_pdf())
    before = path.read_bytes()
    assert set_creator(path)
    after = path.read_bytes()
    assert after.startswith(before)  # an incremental update: the original bytes are kept
    with pdfplumber.open(path) as pdf:
        assert pdf.metadata["Creator"] == "contractkit" and len(pdf.pages) == 1
    assert pypdfium2.PdfDocument(str(path)).get_metadata_dict()["Creator"] == "contractkit"


@given(st.binary(max_size=300))
def test_a_file_that_is_not_libreoffice_s_layout_is_left_alone(noise: bytes) -> None:
    from contractkit.render.pdfmeta import creator_update

    assert creator_update(noise) is None
    tiny = _tiny_pdf()
    assert creator_update(tiny.replace(b"/Info 3 0 R", b"/Encrypt 3 0 R")) is None
    assert creator_update(tiny + noise + b"trailer<</Size 1>>startxref\n0\n%%EOF") is None


def test_a_bad_watermark_is_a_usage_error() -> None:
    from contractkit.errors import UsageError

    for text in ("", "   ", "x" * 41, "a\x07b"):
        with pytest.raises(UsageError):
            render_docx(load_deal(QUOTE), watermark=text)


# -- PDFs through LibreOffice ------------------------------------------------------------------
@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict:
    """Two deals (a lean quote with the profile, a contract) rendered --format both, --watermark 草稿, --pdfa,
    with the progress calls recorded (and how many PDFs existed at each)."""
    root = tmp_path_factory.mktemp("pdf-output")
    src = root / "deals"
    src.mkdir()
    quote = load_deal(QUOTE)
    quote["seller"] = {"contact": "李雷"}
    (src / "q.json").write_text(_dump(quote), encoding="utf-8")
    (src / "c.json").write_text(CONTRACT.read_text(encoding="utf-8"), encoding="utf-8")
    out = root / "out"
    calls: list[tuple[int, int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total, len(list(out.glob("*.pdf")))))

    profile = load_seller_profile(PROFILE)
    report = render_batch(
        [str(src)], out, fmt="both", seller=profile, watermark="草稿", pdfa=True, progress=progress
    )
    assert report.ok, report.failures
    plain = root / "plain"
    assert main(["render", str(CONTRACT), "-o", str(plain), "--format", "pdf"]) == 0
    return {"out": out, "calls": calls, "plain": plain / "XS-2026-0158.pdf", "profile": profile}


@slow
def test_pdf_info_carries_title_author_subject_keywords(batch) -> None:
    with pdfplumber.open(batch["out"] / "BJ-2026-0312.pdf") as pdf:
        meta = pdf.metadata
    assert meta["Title"] == "办公IT设备报价单"
    assert meta["Author"] == "上海云启信息技术有限公司"  # from the profile: the deal left it out
    assert meta["Subject"] == "BJ-2026-0312"
    assert meta["Keywords"] == "报价单, BJ-2026-0312, 杭州明远建筑设计有限公司"
    assert meta["Creator"] == "contractkit" and meta["Producer"].startswith("LibreOffice")
    with pdfplumber.open(batch["plain"]) as pdf:
        assert (
            pdf.metadata["Subject"] == "XS-2026-0158" and pdf.metadata["Author"] == "北京精工数控设备有限公司"
        )


def _pdf(path: Path):
    fh = open(path, "rb")  # noqa: SIM115 - closed by the caller's fixture scope
    return fh, PDFDocument(PDFParser(fh))


def _xmp(path: Path) -> str:
    fh, doc = _pdf(path)
    with fh:
        return resolve1(doc.catalog["Metadata"]).get_data().decode("utf-8")


def _fonts(path: Path) -> list[tuple[str, dict]]:
    """Every font of every page, with the descriptor that says whether it is embedded."""
    fh, doc = _pdf(path)
    out = []
    with fh:
        for page in PDFPage.create_pages(doc):
            for ref in (resolve1(resolve1(page.resources).get("Font")) or {}).values():
                font = resolve1(ref)
                if font.get("Subtype").name == "Type0":
                    desc = resolve1(resolve1(resolve1(font["DescendantFonts"])[0]).get("FontDescriptor"))
                elif font.get("Subtype").name == "Type3":
                    desc = {"FontFile": "glyph procedures"}  # drawn by the PDF itself
                else:
                    desc = resolve1(font.get("FontDescriptor")) or {}
                out.append((str(font.get("BaseFont")), dict(desc)))
    return out


@slow
@pytest.mark.parametrize("name", ["BJ-2026-0312.pdf", "XS-2026-0158.pdf"])
def test_pdfa_2b_identification_and_every_font_embedded(batch, name: str) -> None:
    xmp = _xmp(batch["out"] / name)
    assert re.search(r"<pdfaid:part>2</pdfaid:part>|pdfaid:part=\"2\"", xmp), xmp[:500]
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>|pdfaid:conformance=\"B\"", xmp)
    assert "<xmp:CreatorTool>contractkit</xmp:CreatorTool>" in xmp  # equal to /Info /Creator, as PDF/A asks
    fonts = _fonts(batch["out"] / name)
    assert fonts
    missing = [f for f, d in fonts if not {"FontFile", "FontFile2", "FontFile3"} & set(d)]
    assert not missing, f"fonts not embedded: {missing}"


@slow
def test_a_plain_pdf_is_not_pdfa(batch) -> None:
    assert "pdfaid" not in batch["plain"].read_bytes().decode("latin-1")


def _watermark_curves(page) -> list[dict]:
    """The watermark's glyph outlines: curves across the middle of the page (LibreOffice draws Word's
    text-path watermark as filled outlines)."""
    w, h = page.width, page.height
    return [
        c for c in page.curves if c["x0"] > w * 0.05 and c["x1"] < w * 0.95 and h * 0.1 < c["top"] < h * 0.9
    ]


@slow
def test_the_watermark_is_drawn_on_every_pdf_page_diagonally(batch) -> None:
    for name in ("BJ-2026-0312.pdf", "XS-2026-0158.pdf"):
        with pdfplumber.open(batch["out"] / name) as pdf:
            assert len(pdf.pages) >= 2
            for page in pdf.pages:
                curves = _watermark_curves(page)
                assert len(curves) >= 8, (name, page.page_number, len(page.curves))
                x0, x1 = min(c["x0"] for c in curves), max(c["x1"] for c in curves)
                top, bottom = min(c["top"] for c in curves), max(c["bottom"] for c in curves)
                # diagonal: it spans a good part of the page both across and down
                assert x1 - x0 > page.width * 0.4 and bottom - top > page.height * 0.25
    with pdfplumber.open(batch["plain"]) as pdf:
        assert all(not _watermark_curves(p) for p in pdf.pages)


@slow
def test_the_logo_is_on_the_quote_pages(batch) -> None:
    with pdfplumber.open(batch["out"] / "BJ-2026-0312.pdf") as pdf:
        for page in pdf.pages:
            (img,) = page.images
            assert img["top"] < 60 and img["x0"] < page.width / 3  # top left: the letterhead
            logo = batch["profile"].logo
            assert (
                abs((img["x1"] - img["x0"]) / (img["bottom"] - img["top"]) - logo.width / logo.height) < 0.1
            )


@slow
def test_progress_counts_the_pdf_steps(batch) -> None:
    calls = batch["calls"]
    deals = 2
    assert [c[0] for c in calls] == list(range(1, 2 * deals + 1))
    assert {c[1] for c in calls} == {2 * deals}  # one step per deal, one per PDF
    for done, _total, pdfs in calls:
        assert pdfs == max(0, done - deals), calls  # a PDF step is counted only once its PDF exists
    assert calls[-1][2] == deals


def test_progress_of_a_docx_only_batch_counts_deals(tmp_path: Path) -> None:
    calls = []
    render_batch([str(CONTRACT), str(QUOTE)], tmp_path, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 2), (2, 2)]


@slow
def test_cli_convert_pdfa_and_render_help(tmp_path: Path, capsys) -> None:
    docx = tmp_path / "c.docx"
    docx.write_bytes(render_docx(load_deal(CONTRACT), watermark="DRAFT"))
    assert main(["convert", str(docx), "-o", str(tmp_path / "pdf"), "--pdfa"]) == 0
    assert "<pdfaid:part>2</pdfaid:part>" in _xmp(tmp_path / "pdf" / "c.pdf")
    capsys.readouterr()
    assert main(["render", "--help"]) == 0
    text = capsys.readouterr().out
    assert "--seller" in text and "--watermark" in text and "--pdfa" in text
    assert main(["render", str(CONTRACT), "-o", str(tmp_path / "x.docx"), "--pdfa"]) == 2
