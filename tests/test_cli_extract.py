"""``contractkit extract``: the facts model of a draft in all three formats, every fact located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractkit.cli import main

LABELLED = Path(__file__).parent / "corpus" / "labelled"
SAMPLES = {
    "txt": LABELLED / "b02_diecast_purchase_buyer.txt",
    "docx": LABELLED / "b01_servo_sale_standard.docx",
    "pdf": LABELLED / "b03_coatings_sale_seller.pdf",
}


def _wheres(value, out):
    if isinstance(value, dict):
        if set(value) == {"location", "text"}:
            out.append(value)
        else:
            for v in value.values():
                _wheres(v, out)
    elif isinstance(value, list):
        for v in value:
            _wheres(v, out)
    return out


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_extract_json_every_fact_is_located_in_the_document(fmt: str, capsys) -> None:
    from contractkit.readers.dispatch import read_document

    path = SAMPLES[fmt]
    assert main(["extract", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (doc,) = data["files"]
    for family in ("parties", "payment", "penalty", "dispute", "term"):
        assert family in doc, f"{family} missing from the model of {path.name}"
    wheres = _wheres(doc, [])
    assert len(wheres) >= 10, "a full contract yields many located facts"
    blocks = read_document(str(path)).blocks
    for w in wheres:
        block = blocks[w["location"]["index"]]
        assert w["text"] in block.text


def test_extract_finds_the_parties_and_dispute_forum() -> None:
    from contractkit.contract.extract import extract_path

    model = extract_path(SAMPLES["txt"]).to_data()
    roles = {p.get("role") for p in model["parties"]["parties"]}
    assert {"buyer", "seller"} <= roles
    assert model["dispute"]


def test_extract_text_format_and_unreadable_file(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(SAMPLES["txt"])]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== ") and "@ " in out
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    assert main(["extract", str(bad), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert "broken.docx" in captured.err
    assert json.loads(captured.out)["files"][0]["error"]
