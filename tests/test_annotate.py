"""``--annotate``: Word comments on the quoted clause, original untouched, copy converts in LibreOffice."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import soffice_to_pdf

from contractkit.annotate import annotate_docx, iter_paragraphs
from contractkit.cli import main
from contractkit.lint import lint_paths
from contractkit.readers.docx import read_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def commented_text(path: Path) -> dict[int, tuple[str, str]]:
    """comment id -> (text covered by the comment, comment body)."""
    import docx

    d = docx.Document(str(path))
    bodies = {c.comment_id: (c.text, c.author) for c in d.comments}
    covered: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for el in d.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(int(el.get(f"{W}id")))
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(el.get(f"{W}id")))
        elif el.tag == f"{W}t":
            for i in open_ids:
                covered.setdefault(i, []).append(el.text or "")
    assert all(author == "contractkit" for _, author in bodies.values())
    return {i: ("".join(covered.get(i, [])), bodies[i][0]) for i in bodies}


def check_copy(src: Path, tmp_path: Path) -> tuple[list, dict]:
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    findings = lint_paths([src]).files[0].findings
    out = tmp_path / "reviewed.docx"
    n = annotate_docx(src, findings, out)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    assert n == len(findings)
    got = commented_text(out)
    assert len(got) == len(findings)
    # the copy reads as the same text: splitting runs changed nothing visible
    assert [b.text for b in read_docx(out).blocks] == [b.text for b in read_docx(src).blocks]
    return findings, got


def test_comments_on_quoted_text_sample(samples_dir: Path, tmp_path: Path) -> None:
    src = samples_dir / "drafts" / "defective-sales-contract.docx"
    findings, got = check_copy(src, tmp_path)
    blocks = {b.location: b.text for b in read_docx(src).blocks}
    for i, f in enumerate(findings):
        covered, body = got[i]
        assert f.rule in body and f.text("zh") in body
        if f.basis:
            assert f.basis in body
        assert covered
        if f.location in blocks:
            assert covered in blocks[f.location]
            core = f.snippet.strip("…").strip()
            if core and core in blocks[f.location]:
                assert covered == core


def test_comment_covers_clause_not_paragraph(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("第一条 标的")
    p = d.add_paragraph()
    for piece in ("本合同为框架协议。甲方向乙方采", "购办公家具一批。其他", "事项另行约定。"):
        p.add_run(piece)
    src = tmp_path / "draft.docx"
    d.save(str(src))
    findings = [f for f in lint_paths([src]).files[0].findings if f.rule == "subject/vague-quantity"]
    assert findings
    out = tmp_path / "out.docx"
    annotate_docx(src, findings, out)
    ((covered, body),) = commented_text(out).values()
    assert covered == "甲方向乙方采购办公家具一批。"
    assert "subject/vague-quantity" in body


def test_comments_on_real_docx(corpus_dir: Path, tmp_path: Path) -> None:
    docs = sorted((corpus_dir / "zh").glob("*.docx"))
    assert docs, "the shared corpus has real .docx contracts"
    for src in docs[:2]:
        findings, got = check_copy(src, tmp_path)
        blocks = {b.location: b.text for b in read_docx(src).blocks}
        for i, f in enumerate(findings):
            if f.location in blocks:
                assert got[i][0] in blocks[f.location]


def test_paragraph_numbering_matches_reader(samples_dir: Path) -> None:
    import docx

    from contractkit.readers.docx import paragraph_text
    from contractkit.readers.normalize import strip_invisible

    src = samples_dir / "drafts" / "defective-sales-contract.docx"
    paras = dict(iter_paragraphs(docx.Document(str(src)).element.body))
    for b in read_docx(src).blocks:
        if b.location.part is not None:  # headers, footnotes …: not body paragraphs
            continue
        key = (b.location.paragraph, b.location.table, b.location.row, b.location.cell, None)
        assert strip_invisible(paragraph_text(paras[key])) == b.text


def test_cli_annotate_and_refuses_overwrite(capsys, samples_dir: Path, tmp_path: Path) -> None:
    src = samples_dir / "drafts" / "defective-sales-contract.docx"
    out = tmp_path / "r.docx"
    assert main(["lint", str(src), "--annotate", str(out), "--lang", "en"]) == 1
    assert out.exists() and "comment(s) written" in capsys.readouterr().err
    assert main(["lint", str(src), "--annotate", str(src)]) == 2
    assert main(["lint", str(src), str(src), "--annotate", str(out)]) == 2


def test_copy_converts_in_libreoffice(samples_dir: Path, tmp_path: Path) -> None:
    src = samples_dir / "drafts" / "defective-sales-contract.docx"
    out = tmp_path / "reviewed.docx"
    annotate_docx(src, lint_paths([src]).files[0].findings, out)
    soffice_to_pdf(out, tmp_path)


def test_a_finding_in_a_header_is_not_put_on_the_body_paragraph_with_its_number(tmp_path) -> None:
    import zipfile

    import docx

    from contractkit.annotate import annotate_docx
    from contractkit.findings import Finding, Severity
    from contractkit.readers.model import Location

    src = tmp_path / "d.docx"
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉：甲方视情况支付"
    d.add_paragraph("第一段正文")
    d.add_paragraph("第二段正文")
    d.save(str(src))
    out = tmp_path / "out.docx"
    f = Finding(
        rule="payment/vague-trigger",
        severity=Severity.WARNING,
        message="m",
        message_en="m",
        location=Location(index=2, paragraph=2, part="header1"),
        snippet="甲方视情况支付",
    )
    assert annotate_docx(src, [f], out) == 1
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode()
    paragraphs = body.split("</w:p>")
    second = next(p for p in paragraphs if "第二段正文" in p)
    assert "commentRangeStart" not in second  # not on body paragraph 2 (the document's first instead)
