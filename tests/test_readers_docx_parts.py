"""Parts of a .docx beyond the body: headers, footers, footnotes, endnotes, text boxes, content controls —
read once each, with ``Location.part``, and linted like the body."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from contractkit.lint import lint_file
from contractkit.readers.docx import read_docx

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
BOX = "买方应于验收合格后付款，具体时间另行协商。"
HEADER = "苏州精工机械制造有限公司 采购合同"
FOOTER = "本合同一式两份"
FOOTNOTE = "乙方逾期交货的，每日按合同总价的0.1%支付违约金。"
ENDNOTE = "附件以双方盖章版本为准。"
CONTROL = "交货地点：甲方指定地点"
INLINE_CONTROL = "数控车床"


def _text_box(text: str) -> etree._Element:
    """A run holding a DrawingML text box and its VML fallback copy, as Word writes them."""
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    xml = (
        f"<w:r {NS}><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{para}</w:txbxContent></wps:txbx>'
        f"</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox><w:txbxContent>{para}</w:txbxContent></v:textbox></w:pict>"
        f"</mc:Fallback></mc:AlternateContent></w:r>"
    )
    return etree.fromstring(xml)


def _sdt(inner: str, block: bool) -> etree._Element:
    content = f"<w:p><w:r><w:t>{inner}</w:t></w:r></w:p>" if block else f"<w:r><w:t>{inner}</w:t></w:r>"
    return etree.fromstring(
        f'<w:sdt {NS}><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'
    )


def _notes(kind: str, text: str) -> bytes:
    sep = f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    note = f'<w:{kind} w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}>'
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {NS}>{sep}{note}</w:{kind}s>'.encode()


def _add_notes(path: Path) -> None:
    """Add a footnotes and an endnotes part (python-docx writes neither) to the saved .docx."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    rels = members["word/_rels/document.xml.rels"].decode()
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    extra = "".join(
        f'<Relationship Id="rIdN{k}" Type="{base}{k}s" Target="{k}s.xml"/>' for k in ("footnote", "endnote")
    )
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", extra + "</Relationships>"
    ).encode()
    ct = members["[Content_Types].xml"].decode()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    over = "".join(
        f'<Override PartName="/word/{k}s.xml" ContentType="{main}.{k}s+xml"/>'
        for k in ("footnote", "endnote")
    )
    members["[Content_Types].xml"] = ct.replace("</Types>", over + "</Types>").encode()
    members["word/footnotes.xml"] = _notes("footnote", FOOTNOTE)
    members["word/endnotes.xml"] = _notes("endnote", ENDNOTE)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


@pytest.fixture(scope="module")
def parts_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = HEADER
    d.sections[0].footer.paragraphs[0].text = FOOTER
    d.add_paragraph("数控机床买卖合同")  # body 1
    p = d.add_paragraph("付款见文本框：")  # body 2, holds the box
    p._p.append(_text_box(BOX))
    d.element.body.insert(len(d.element.body) - 1, _sdt(CONTROL, block=True))  # body 3, in a control
    q = d.add_paragraph("产品：")  # body 4
    q._p.append(_sdt(INLINE_CONTROL, block=False))
    section = d.add_section()
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = HEADER  # the same words in a second header part: read once
    d.add_paragraph("第二节正文")
    path = tmp_path_factory.mktemp("parts") / "parts.docx"
    d.save(path)
    _add_notes(path)
    return path


def _by_text(path: Path) -> dict[str, object]:
    return {b.text: b for b in read_docx(path).blocks}


def test_each_part_read_once_with_its_part(parts_docx: Path) -> None:
    blocks = read_docx(parts_docx).blocks
    texts = [b.text for b in blocks]
    for text in (BOX, HEADER, FOOTER, FOOTNOTE, ENDNOTE, CONTROL):
        assert texts.count(text) == 1, text
    parts = {b.text: b.location.part for b in blocks}
    assert parts[BOX] == "textbox1" and parts[FOOTNOTE] == "footnote1" and parts[ENDNOTE] == "endnote1"
    assert parts[HEADER].startswith("header") and parts[FOOTER].startswith("footer")
    assert parts[CONTROL] is None and parts["数控机床买卖合同"] is None


def test_body_first_then_the_other_parts(parts_docx: Path) -> None:
    blocks = read_docx(parts_docx).blocks
    first_part = next(i for i, b in enumerate(blocks) if b.location.part is not None)
    assert all(b.location.part is None for b in blocks[:first_part])
    assert all(b.location.part is not None for b in blocks[first_part:])
    assert [b.location.index for b in blocks] == list(range(len(blocks)))


def test_body_numbering_unchanged_by_boxes_and_controls(parts_docx: Path) -> None:
    by = _by_text(parts_docx)
    assert by["付款见文本框："].location.paragraph == 2  # the box's text is not in its anchor paragraph
    assert by[CONTROL].location.paragraph == 3
    assert by["产品：" + INLINE_CONTROL].location.paragraph == 4


def test_part_locations_describe_themselves(parts_docx: Path) -> None:
    by = _by_text(parts_docx)
    assert by[FOOTNOTE].location.describe("zh") == "脚注1 第1段"
    assert by[FOOTNOTE].location.describe("en") == "footnote1, paragraph 1"
    assert by[BOX].location.to_dict()["part"] == "textbox1"


def test_rules_see_the_parts(parts_docx: Path) -> None:
    findings = lint_file(parts_docx).findings
    in_note = [f for f in findings if f.location.part == "footnote1"]
    assert any(f.rule == "penalty/rate-above-cap" for f in in_note)
    assert any(f.location.part == "textbox1" for f in findings)


def test_header_parts_with_different_text_both_read(tmp_path: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "甲方版本"
    d.add_paragraph("正文")
    s = d.add_section()
    s.header.is_linked_to_previous = False
    s.header.paragraphs[0].text = "乙方版本"
    d.save(tmp_path / "h.docx")
    heads = [b for b in read_docx(tmp_path / "h.docx").blocks if b.location.part]
    assert sorted(b.text for b in heads) == ["乙方版本", "甲方版本"]
    assert len({b.location.part for b in heads}) == 2


def test_text_box_in_a_table_cell_not_doubled(tmp_path: Path) -> None:
    d = docx.Document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "单元格"
    cell.paragraphs[0]._p.append(_text_box(BOX))
    d.save(tmp_path / "t.docx")
    texts = [b.text for b in read_docx(tmp_path / "t.docx").blocks]
    assert texts == ["单元格", BOX]
