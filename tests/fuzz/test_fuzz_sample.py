"""A bounded sample of the fuzz campaign, run with the normal tests (well under a minute): whatever the
input, the library answers with a result or a ContractkitError — never another exception — and no string
of a valid deal is lost in its .docx. ``make fuzz N=…`` runs the full campaign (tests/fuzz/campaign.py)."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contractkit.config import Settings
from contractkit.deal.load import parse_deal
from contractkit.deal.validate import validate_deal
from contractkit.errors import ConfigError, ContractkitError
from contractkit.readers.dispatch import read_document
from contractkit.render.docx import render_docx
from fuzz import hostile, strategies

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(strategies.mutated_deals())
def test_mutated_deals_validate_and_render_or_fail_cleanly(deal):
    problems = validate_deal(deal)
    assert all(p.pointer.startswith("/") and p.message and p.message_en for p in problems)
    if problems:
        with pytest.raises(ContractkitError):
            render_docx(deal)
    else:  # a deal that validates renders: validation is the whole contract of the renderer
        assert render_docx(deal)[:2] == b"PK"


@FAST
@given(strategies.configs)
def test_config_values_resolve_or_are_config_errors(config):
    try:
        s = Settings.resolve(config, source="contractkit.toml")
    except ConfigError as exc:
        assert exc.path == "contractkit.toml" and exc.zh
    else:
        assert s.max_input_mb >= 1 and "" not in s.all_vague_words and s.lpr_1y > 0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_json_text_parses_or_is_unreadable(text):
    try:
        assert isinstance(parse_deal(text, label="x.json"), dict)
    except ContractkitError as exc:
        assert exc.path == "x.json"


@pytest.fixture(scope="module")
def draft() -> bytes:
    return hostile.DRAFT_DOCX.read_bytes()


@pytest.mark.parametrize("seed", range(30))
def test_byte_flipped_and_truncated_drafts_read_or_refuse(tmp_path, draft, seed):
    for i, data in enumerate((hostile.byte_flips(draft, seed), hostile.truncations(draft, seed))):
        path = tmp_path / f"d{i}.docx"
        path.write_bytes(data)
        try:
            read_document(path)
        except ContractkitError as exc:
            assert exc.path == str(path)


def _docx_text(data: bytes) -> str:
    import docx

    doc = docx.Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.deals_with_strings())
def test_no_string_of_a_valid_deal_is_lost_in_the_docx(case):
    deal, strings = case
    if validate_deal(deal):
        return
    text = unicodedata.normalize("NFC", _docx_text(render_docx(deal)))
    lost = [s for s in strings if unicodedata.normalize("NFC", s) not in text]
    assert lost == []


@pytest.mark.parametrize("name", ["bomb.png", "wide.png", "flipped.png", "truncated.pdf"])
def test_hostile_scans_are_refused_before_ocr(tmp_path, name):
    seed = next(s for s in range(500) if hostile.scan_inputs(s)[0] == name)
    path = tmp_path / name
    path.write_bytes(hostile.scan_inputs(seed)[1])
    with pytest.raises(ContractkitError) as err:
        read_document(path)
    assert err.value.path == str(path)


def test_generated_cases_cover_every_command_and_write_nothing_outside_their_folder(tmp_path):
    from fuzz.cases import COMMANDS, generate

    cases = list(generate(240, tmp_path, seed=3))
    assert {c.command for c in cases} == set(COMMANDS)
    assert all(f.exists() for c in cases for f in c.files)
    # a writer that replaces its target must never be pointed at the system: no real device, no "/"
    outputs = [
        c.argv[c.argv.index(flag) + 1] for c in cases for flag in c.argv if flag.startswith(("-o", "--"))
    ]
    assert not [o for o in outputs if o.startswith("/dev/") or o == "/"]
    assert any("fifo" in c.label for c in cases)
