"""read_docx on a document built with python-docx: order, Locations, nested tables, merged cells, headings."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from contractkit.readers.docx import read_docx


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = docx.Document()
    d.add_paragraph("销售合同")  # body 1
    d.add_heading("总则", level=1)  # body 2 (Heading style)
    d.add_paragraph("")  # body 3, empty: counted, no block
    d.add_paragraph("第五条 验收")  # body 4, heading by its text
    d.add_paragraph("買方應於驗收合格後５個工作日內付款。")  # body 5, Traditional + full-width
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "品名"
    table.cell(0, 1).text = "数量"
    table.cell(0, 2).text = "单价"
    merged = table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge: read once
    merged.text = "服务器"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "10台（合并）"  # horizontal merge
    cell = table.cell(2, 1)
    cell.text = "第一段"
    cell.add_paragraph("")
    cell.add_paragraph("第三段")
    nested = cell.add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "内表甲"
    nested.cell(0, 1).text = "内表乙"
    d.add_paragraph("付款方式：____")  # body 6
    path = tmp_path_factory.mktemp("docx") / "built.docx"
    d.save(path)
    return path


def _find(doc, text):
    return [b for b in doc.blocks if b.text == text]


def test_body_paragraphs_numbered_with_empty_ones(built: Path) -> None:
    doc = read_docx(built)
    assert doc.kind == "docx"
    (first,) = _find(doc, "销售合同")
    assert first.location.paragraph == 1 and first.location.table is None
    (clause,) = _find(doc, "第五条 验收")
    assert clause.location.paragraph == 4
    (last,) = _find(doc, "付款方式：____")
    assert last.location.paragraph == 6
    assert doc.meta["paragraphs"] == 6


def test_headings_by_style_and_by_text(built: Path) -> None:
    doc = read_docx(built)
    (h1,) = _find(doc, "总则")
    assert h1.kind == "heading" and h1.style == "Heading 1"
    (clause,) = _find(doc, "第五条 验收")
    assert clause.kind == "heading" and clause.style == "Normal"
    (body,) = _find(doc, "销售合同")
    assert body.kind == "paragraph"


def test_table_cells_merged_read_once(built: Path) -> None:
    doc = read_docx(built)
    (server,) = _find(doc, "服务器")
    assert (server.location.table, server.location.row, server.location.cell) == (1, 2, 1)
    assert server.kind == "cell" and server.location.paragraph == 1
    (wide,) = _find(doc, "10台（合并）")
    assert (wide.location.row, wide.location.cell) == (2, 2)
    (price,) = _find(doc, "单价")
    assert (price.location.row, price.location.cell) == (1, 3)


def test_cell_paragraphs_and_nested_table_in_order(built: Path) -> None:
    doc = read_docx(built)
    texts = [b.text for b in doc.blocks]
    assert (
        texts.index("第一段") < texts.index("第三段") < texts.index("内表甲") < texts.index("付款方式：____")
    )
    (third,) = _find(doc, "第三段")
    assert (third.location.table, third.location.row, third.location.cell, third.location.paragraph) == (
        1,
        3,
        2,
        3,
    )
    (inner,) = _find(doc, "内表乙")
    assert (inner.location.table, inner.location.row, inner.location.cell) == (2, 1, 2)
    assert doc.meta["nested_tables"] == {2: (1, 3, 2)}


def test_traditional_normalized_original_kept(built: Path) -> None:
    doc = read_docx(built)
    (pay,) = _find(doc, "買方應於驗收合格後５個工作日內付款。")
    assert pay.norm == "买方应于验收合格后5个工作日内付款。"
    assert len(pay.norm) == len(pay.text)


def test_indexes_are_positions(built: Path) -> None:
    doc = read_docx(built)
    assert [b.location.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(len(b.norm) == len(b.text) for b in doc.blocks)


# -- Word automatic numbering --------------------

_NUMBERING = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="第%1条"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
    "<w:isLgl/></w:lvl>"
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%3）"/></w:lvl>'
    "</w:abstractNum>"
)


def _numbered(p, level: int) -> None:
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    )


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    d.add_paragraph("买卖合同")
    for title, items in (
        ("标的", ["卖方向买方供应数控车床2台。", "单价为人民币10万元。"]),
        ("验收", ["到货后3日内验收。"]),
    ):
        _numbered(d.add_paragraph(title), 0)
        for text in items:
            _numbered(d.add_paragraph(text), 1)
    _numbered(d.add_paragraph("逾期验收的视为合格。"), 2)
    path = tmp_path_factory.mktemp("docx") / "numbered.docx"
    d.save(path)
    return path


def test_word_numbering_labels_and_sections(numbered: Path) -> None:
    from contractkit.facts import assign_sections

    doc = read_docx(numbered)
    labels = {doc.blocks[i].text: label for i, label in doc.meta["labels"].items()}
    assert labels == {
        "标的": "第一条",
        "卖方向买方供应数控车床2台。": "1.1",
        "单价为人民币10万元。": "1.2",
        "验收": "第二条",
        "到货后3日内验收。": "2.1",
        "逾期验收的视为合格。": "（一）",
    }
    blocks = assign_sections(doc.blocks)
    (accept,) = [b for b in blocks if b.text == "到货后3日内验收。"]
    assert accept.section == "第二条 验收"
    (title,) = [b for b in blocks if b.text == "验收"]
    assert title.kind == "heading"


def test_word_numbering_gives_structure_sections(numbered: Path) -> None:
    from contractkit.contract.extract import extract_path

    sections = extract_path(numbered).structure.sections
    assert [(s.path, s.kind) for s in sections if s.kind == "article"] == [("1", "article"), ("2", "article")]


def _styles_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("word/styles.xml")


def _docx_names(d) -> tuple[dict, str | None]:
    default = d.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    return {s.style_id: s.name for s in d.styles}, default.name if default is not None else None


def test_style_names_as_python_docx_gives_them(built: Path) -> None:
    # the reader reads style names from the styles XML, a style at a time; python-docx's objects must agree
    from contractkit.readers.docx_styles import Styles

    styles = Styles(_styles_xml(built))
    assert styles.get("Heading1") == "Heading 1" and styles.default == "Normal"
    assert len(styles._names) < 5  # only the default and the style asked for were parsed
    assert (styles.names(), styles.default) == _docx_names(docx.Document(str(built)))
    assert styles.get("NoSuchStyle", "NoSuchStyle") == "NoSuchStyle"


@pytest.mark.parametrize(
    "change",
    [
        lambda x: x.replace(b"<w:style ", b"<!-- a note --><w:style ", 1),  # a comment: parsed whole
        lambda x: x.replace(b'w:styleId="Heading1"', b'w:styleId="Heading&#49;"', 1),  # an escaped id
        lambda x: x.replace(b"w:", b"ww:").replace(b"xmlns:w=", b"xmlns:ww="),  # another prefix
        lambda x: x.replace(b'w:styleId="Title"', b'w:styleId="Normal"', 1),  # an id given twice
    ],
    ids=["comment", "escaped-id", "other-prefix", "repeated-id"],
)
def test_styles_the_scan_cannot_read_are_read_whole(built: Path, change) -> None:
    # whatever the bytes look like, the names are python-docx's
    from docx.oxml.parser import parse_xml
    from docx.styles.styles import Styles as DocxStyles

    from contractkit.readers.docx_styles import Styles

    blob = change(_styles_xml(built))
    ours = Styles(blob)
    assert not ours._segments  # not scanned
    theirs = DocxStyles(parse_xml(blob))
    default = theirs.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    assert ours.names() == {s.style_id: s.name for s in theirs}
    assert ours.default == (default.name if default is not None else None)


def test_numbering_carried_by_a_style_scanned_or_read_whole(built: Path) -> None:
    # Heading 1 linked to a list: the scan and the whole-part reading give the same (numId, ilvl)
    from contractkit.readers.docx_styles import Styles

    ns = b'<w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr>'
    blob = _styles_xml(built)
    at = blob.index(b'w:styleId="Heading1"')
    ppr = blob.index(b"<w:pPr>", at)
    blob = blob[:ppr] + ns + blob[ppr + len(b"<w:pPr>") :]
    scanned, whole = Styles(blob), Styles(blob.replace(b"<w:style ", b"<!-- x --><w:style ", 1))
    assert scanned._segments and not whole._segments
    assert scanned.numbering("Heading1") == whole.numbering("Heading1") == ("7", 1)
    assert scanned.numbering("Normal") is whole.numbering("Normal") is None
    assert scanned.numbered() == whole.numbered()
    assert scanned.numbered()["Heading1"] == ("7", 1) and scanned.numbered()["ListNumber"] == ("5", 0)


def test_no_styles_part_reads_python_docx_default_styles(tmp_path: Path, built: Path) -> None:
    # python-docx gives a document without a styles part its default styles: so does the reader
    import zipfile

    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(built) as src, zipfile.ZipFile(bare, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb'<Relationship [^>]*relationships/styles"[^>]*/>', b"", data)
            if info.filename != "word/styles.xml":
                dst.writestr(info, data)
    doc = read_docx(bare)
    assert {b.style for b in doc.blocks if b.text == "总则"} == {"Heading1"}  # not among the defaults
    assert {b.style for b in doc.blocks if b.text == "销售合同"} == {"Normal"}


def test_a_main_part_that_is_no_word_document_is_refused(tmp_path: Path, built: Path) -> None:
    import zipfile

    from contractkit.errors import UnreadableInput

    template = tmp_path / "template.docx"
    with zipfile.ZipFile(built) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    with pytest.raises(UnreadableInput, match="not a Word file"):
        read_docx(template)
