"""Every .docx the product writes — ``lint --redline``, ``lint --annotate``, ``diff --redline`` — is
well-formed, schema-valid OOXML for the parts it writes, and opens in LibreOffice.

Schemas: ``tests/fixtures/ooxml/`` (a WordprocessingML subset written from ECMA-376 Part 1 for the elements we
emit, and the two OPC schemas of Part 2; see its README). A draft we build with python-docx must come out
fully valid; a corpus draft that is already invalid (some put w:numPr before w:pStyle) must get no new error.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from lxml import etree

from contractkit.annotate import annotate_docx
from contractkit.compare import compare_paths
from contractkit.compare.redline import write_redline
from contractkit.lint import available_rules, lint_paths
from contractkit.playbook import load_playbooks, playbook_rules
from contractkit.redline import redline_docx

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "tests" / "fixtures" / "ooxml"
LABELLED = ROOT / "tests" / "corpus" / "labelled"
SAMPLE = ROOT / "samples" / "drafts" / "defective-sales-contract.docx"
PLAYBOOKS = ROOT / "samples" / "playbooks"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


WML = _schema("wml-subset.xsd")
TYPES = _schema("opc-contentTypes.xsd")
RELS = _schema("opc-relationships.xsd")


def _errors(schema: etree.XMLSchema, root: etree._Element) -> Counter:
    schema.validate(root)
    return Counter(e.message for e in schema.error_log)


def _wml_errors(path: Path) -> Counter:
    out: Counter = Counter()
    with zipfile.ZipFile(path) as z:
        for name in ("word/document.xml", "word/comments.xml"):
            if name in z.namelist():
                out.update(f"{name}: {m}" for m in _errors(WML, etree.fromstring(z.read(name))).elements())
    return out


def check_package(path: Path, original: Path | None = None) -> None:
    """Well-formed parts, written parts schema-valid (no error the original lacked), ids consistent."""
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        roots = {
            n: etree.fromstring(z.read(n)) for n in names if n.endswith((".xml", ".rels"))
        }  # well-formed
    new = _wml_errors(path) - (_wml_errors(original) if original is not None else Counter())
    assert not new, f"{path.name}: {list(new)[:3]}"
    assert not _errors(TYPES, roots["[Content_Types].xml"]), path.name
    for name, root in roots.items():
        if name.endswith(".rels"):
            assert not _errors(RELS, root), (path.name, name)
    body = roots["word/document.xml"]
    # tracked changes: unique ids, deleted text only as w:delText, w:delText only inside a deletion
    marks = [m for m in body.iter(f"{W}ins", f"{W}del")]
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids)), path.name
    for d in body.iter(f"{W}del"):
        assert not list(d.iter(f"{W}t")), path.name
    for dt in body.iter(f"{W}delText"):
        assert any(a.tag == f"{W}del" for a in dt.iterancestors()), path.name
    # comments: each reference has its comment and range, the part is typed and related
    refs = {r.get(f"{W}id") for r in body.iter(f"{W}commentReference")}
    if refs or "word/comments.xml" in names:
        comments = {c.get(f"{W}id") for c in roots["word/comments.xml"].iter(f"{W}comment")}
        starts = {c.get(f"{W}id") for c in body.iter(f"{W}commentRangeStart")}
        ends = {c.get(f"{W}id") for c in body.iter(f"{W}commentRangeEnd")}
        assert refs == comments == starts == ends, path.name
        assert not (refs & set(ids)), f"{path.name}: a comment and a tracked change share an id"
        overrides = {
            o.get("PartName"): o.get("ContentType")
            for o in roots["[Content_Types].xml"].iter(f"{CT}Override")
        }
        assert overrides.get("/word/comments.xml") == COMMENTS_TYPE, path.name
        rels = roots["word/_rels/document.xml.rels"]
        assert any(
            r.get("Type") == COMMENTS_REL and r.get("Target") in ("comments.xml", "/word/comments.xml")
            for r in rels
        ), path.name
    for extra in ("word/commentsExtended.xml", "word/commentsIds.xml"):  # not written by python-docx; if ever
        if extra in names:
            assert any(o.get("PartName") == "/" + extra for o in roots["[Content_Types].xml"]), extra


def _rules(playbook: str | None) -> tuple[list, object]:
    rules = list(available_rules().values())
    if playbook is None:
        return rules, None
    book = load_playbooks([PLAYBOOKS / f"{playbook}.toml"])
    return rules + playbook_rules(book), book


def _redline(src: Path, out: Path, playbook: str | None = None) -> tuple[int, int]:
    rules, book = _rules(playbook)
    findings = lint_paths([src], rules=rules).files[0].findings
    return redline_docx(src, findings, out, book=book)


def _built_draft(path: Path) -> Path:
    """A draft as python-docx writes it: headings, Word-numbered clauses, a bold run, a table."""
    d = docx.Document()
    d.add_heading("买卖合同", level=1)
    d.add_paragraph("第一条 交货", style="Heading 2")
    d.add_paragraph("1.1 卖方应于2026年6月30日前以FOB 上海港方式交货。", style="List Number")
    d.add_paragraph("第二条 验收", style="Heading 2")
    p = d.add_paragraph("2.1 甲方收到货物后应", style="List Number")
    p.add_run("及时验收").bold = True
    p.add_run("。")
    d.add_paragraph("第三条 付款", style="Heading 2")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "付款节点", "付款条件"
    t.cell(1, 0).text, t.cell(1, 1).text = "验收款", "验收合格后支付合同总价的40%。"
    d.add_paragraph("第四条 违约责任", style="Heading 2")
    d.add_paragraph("4.1 买方逾期付款的，每逾期一日按逾期金额的万分之三支付违约金。")
    d.add_paragraph("第五条 其他", style="Heading 2")
    d.add_paragraph("5.1 本合同一式两份，双方各执一份。")
    d.save(str(path))
    return path


def test_a_draft_python_docx_wrote_comes_back_fully_valid(tmp_path: Path) -> None:
    src = _built_draft(tmp_path / "draft.docx")
    assert not _wml_errors(src)  # the subset schema accepts what python-docx writes
    out = tmp_path / "reviewed.docx"
    changes, comments = _redline(src, out, "seller-distributor")
    assert (
        changes >= 3 and comments >= changes
    )  # deadline in the table, 及时, an inserted clause, the edition
    check_package(out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count("<w:ins ") >= changes and "<w:tc>" in xml


@pytest.mark.parametrize(
    ("name", "playbook"),
    [
        ("defective-sales-contract.docx", "seller-distributor"),
        ("b05_v1_injection_equipment_install.docx", "buyer-manufacturer"),  # a change in a table cell
        ("b01_v3_servo_sale_standard.docx", "seller-distributor"),  # Word-numbered paragraphs
        ("b06_v1_mes_software_licence.docx", "buyer-manufacturer"),  # an inserted clause
        ("b12_v3_bearings_bilingual.docx", None),  # 大写 regenerated
        ("m3_welding_robot_seller_draft.docx", "buyer-manufacturer"),
    ],
)
def test_redlines_of_real_drafts_add_no_schema_error(tmp_path: Path, name: str, playbook: str | None) -> None:
    src = SAMPLE if name == SAMPLE.name else LABELLED / name
    out = tmp_path / name
    changes, _ = _redline(src, out, playbook)
    assert changes > 0
    check_package(out, original=src)


def _labels() -> dict:
    import json

    return json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))


DEFECTIVE_DOCX = [n for n, lab in _labels().items() if n.endswith(".docx") and not lab["clean"]]
DOCX_PAIRS = [(n, lab["base"]) for n, lab in _labels().items() if n.endswith(".docx") and lab.get("base")]


def test_annotated_copies_are_valid(tmp_path: Path) -> None:
    for src in (SAMPLE, *(LABELLED / n for n in DEFECTIVE_DOCX)):
        findings = lint_paths([src]).files[0].findings
        out = tmp_path / src.name
        assert annotate_docx(src, findings, out) == len(findings)
        check_package(out, original=src)


@pytest.mark.parametrize(("variant", "base"), DOCX_PAIRS, ids=[v for v, _ in DOCX_PAIRS])
def test_diff_redlines_of_the_corpus_pairs_are_valid(tmp_path: Path, variant: str, base: str) -> None:
    out = tmp_path / "diff.docx"
    assert write_redline(LABELLED / base, compare_paths(LABELLED / base, LABELLED / variant), out) > 0
    check_package(out, original=LABELLED / base)


def test_a_diff_redline_of_a_built_draft_is_fully_valid(tmp_path: Path) -> None:
    ours = _built_draft(tmp_path / "ours.docx")
    d = docx.Document(str(ours))
    d.paragraphs[8].text = "4.1 买方逾期付款的，每逾期一日按逾期金额的万分之五支付违约金。"
    d.paragraphs[9].insert_paragraph_before("4.2 双方对本合同内容负有保密义务。")
    theirs = tmp_path / "theirs.docx"
    d.save(str(theirs))
    out2 = tmp_path / "diff2.docx"
    assert write_redline(ours, compare_paths(ours, theirs), out2) > 0
    check_package(out2)


@pytest.mark.parametrize(
    ("xml", "why"),
    [
        ('<w:p><w:ins w:id="1"><w:r><w:t>x</w:t></w:r></w:ins></w:p>', "w:ins without w:author"),
        (
            '<w:p><w:del w:id="a" w:author="x"><w:r><w:delText>x</w:delText></w:r></w:del></w:p>',
            "id not a number",
        ),
        (
            '<w:p><w:pPr><w:rPr><w:b/><w:ins w:id="1" w:author="x"/></w:rPr></w:pPr></w:p>',
            "mark rPr: ins first",
        ),
        ('<w:p><w:pPr><w:numPr/><w:pStyle w:val="a"/></w:pPr></w:p>', "pStyle must come first"),
        ("<w:p><w:r><w:t>a</w:t><w:rPr/></w:r></w:p>", "rPr must open the run"),
        (
            "<w:tbl><w:tblPr/><w:tblGrid/><w:tr><w:tc><w:tcPr/></w:tc></w:tr></w:tbl>",
            "a cell holds a paragraph",
        ),
        ("<w:p><w:commentRangeStart/></w:p>", "commentRangeStart needs w:id"),
        ('<w:p><w:ins w:id="1" w:author="x" w:date="today"/></w:p>', "date is xsd:dateTime"),
    ],
)
def test_the_schema_rejects_what_word_would(xml: str, why: str) -> None:
    doc = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{xml}</w:body></w:document>"
    )
    assert not WML.validate(etree.fromstring(doc)), why
    ok = doc.replace(xml, '<w:p><w:ins w:id="1" w:author="x" w:date="2026-12-01T10:00:00Z"/></w:p>')
    assert WML.validate(etree.fromstring(ok))


def test_libreoffice_opens_every_written_file(tmp_path: Path) -> None:
    """Each kind of output converted to PDF by the project's converter (LibreOffice): no error, real text."""
    from contractkit.readers.dispatch import read_document
    from contractkit.render.pdf import convert_files, find_soffice

    if find_soffice() is None:
        pytest.fail("LibreOffice (soffice) is missing: run `make soffice` (make test installs it)")
    built = _built_draft(tmp_path / "built.docx")
    outputs = [tmp_path / "redline.docx", tmp_path / "annotate.docx", tmp_path / "diff.docx"]
    _redline(SAMPLE, outputs[0], "seller-distributor")
    annotate_docx(built, lint_paths([built]).files[0].findings, outputs[1])
    base = LABELLED / "b01_servo_sale_standard.docx"
    write_redline(base, compare_paths(base, LABELLED / "b01_v2_servo_sale_standard.docx"), outputs[2])
    for name in DEFECTIVE_DOCX:  # and the redline of every defective draft of the corpus
        outputs.append(tmp_path / f"corpus-{name}")
        _redline(LABELLED / name, outputs[-1], "buyer-manufacturer")
    pdf_dir = tmp_path / "pdf"
    pdf_dir.mkdir()
    results = convert_files(outputs, pdf_dir)
    for src, err in results:
        assert err is None, (src.name, err)
        pdf = pdf_dir / f"{src.stem}.pdf"
        assert pdf.stat().st_size > 1000
        text = "".join(b.text for b in read_document(pdf).blocks)
        assert "合同" in text, src.name
        if src.name == "redline.docx":  # the change is on the page: 及时 struck through, 7日内 inserted
            assert "及时7日内验收" in "".join(text.split())
