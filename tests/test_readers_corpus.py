"""Every real document in the shared corpus reads, and its text matches the sibling .txt extraction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contractkit.readers.dispatch import read_document

_WS = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _originals(corpus: Path) -> list[Path]:
    return sorted(p for p in (corpus / "zh").iterdir() if p.suffix in (".docx", ".pdf"))


def test_all_corpus_files_read(corpus_dir: Path) -> None:
    files = sorted(p for p in corpus_dir.rglob("*") if p.suffix in (".docx", ".pdf", ".txt"))
    assert len(files) >= 12
    for path in files:
        doc = read_document(path)
        assert doc.blocks, path
        assert all(len(b.norm) == len(b.text) for b in doc.blocks)
        print(f"{path.name}: {doc.kind}, {len(doc.blocks)} blocks")


@pytest.mark.parametrize("name", ["docx", "pdf"])
def test_text_matches_sibling_extraction(corpus_dir: Path, name: str) -> None:
    for path in (p for p in _originals(corpus_dir) if p.suffix == f".{name}"):
        doc = read_document(path)
        ours = _squash("".join(b.text for b in doc.blocks))
        sibling = path.with_suffix(".txt").read_text(encoding="utf-8")
        pieces = [_squash(part) for line in sibling.splitlines() for part in line.split(" | ")]
        pieces = [p for p in pieces if len(p) >= 4]
        found = sum(p in ours for p in pieces)
        assert found >= 0.9 * len(pieces), f"{path.name}: {found}/{len(pieces)} lines of the .txt found"


def test_known_phrases_at_their_locations(corpus_dir: Path) -> None:
    zh = corpus_dir / "zh"
    pdf = read_document(zh / "xinjiang-zhongxiaoxue-xiaowai-gongcan.pdf")
    (block,) = [b for b in pdf.blocks if b.text == "三、供餐标准及餐费结算"]
    assert block.location.page == 3 and block.location.line > 1
    docx = read_document(zh / "samr-gf-2025-1001-weituo-hetong.docx")
    (block,) = [b for b in docx.blocks if b.text.startswith("（二）委托采取以下第")]
    assert block.location.paragraph is not None and block.location.table is None
    assert block.norm.startswith("(二)委托采取以下第")
    training = read_document(zh / "beijing-bf-2024-2726-jidongche-jiashi-peixun-fuwu.docx")
    (cell,) = [b for b in training.blocks if b.text == "收费金额（元）"]
    assert cell.kind == "cell" and (cell.location.table, cell.location.row) == (1, 3)
    headings = [b.text for b in training.blocks if b.kind == "heading"]
    assert any(h.startswith("第四条") for h in headings)


def test_blank_fields_survive_in_text(corpus_dir: Path) -> None:
    from contractkit.readers.normalize import blank_spans

    doc = read_document(corpus_dir / "zh" / "samr-gf-2025-1001-weituo-hetong.docx")
    blanks = [b for b in doc.blocks if blank_spans(b.text)]
    assert len(blanks) >= 10
