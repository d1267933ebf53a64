"""Tracked changes split runs exactly: over any paragraph (runs of any length and formatting) and any range,
rejecting the change gives the paragraph back, accepting it gives the replacement, and every character keeps
the formatting of the run it was in (the inserted text takes the formatting of the words it replaces)."""

from __future__ import annotations

import copy

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.annotate import _run_texts
from contractkit.compare.redline import W, accept_all, track_replace

CHUNK = st.text(alphabet="甲乙方验收合格后日内支付违约金ABC123，。", min_size=1, max_size=8)


def _paragraph(chunks: list[tuple[str, bool]]):
    d = docx.Document()
    p = d.add_paragraph()
    for text, bold in chunks:
        p.add_run(text).bold = bold
    return p._p


def _is_bold(r) -> bool:
    b = r.find(f"{W}rPr/{W}b")
    return b is not None and b.get(f"{W}val") not in ("0", "false")


def _bold_map(p) -> list[bool]:
    """For each visible character, whether its run is bold."""
    out: list[bool] = []
    for r, text in _run_texts(p):
        out += [_is_bold(r)] * len(text)
    return out


def _rejected(p) -> str:
    q = copy.deepcopy(p)
    for ins in list(q.iter(f"{W}ins")):
        ins.getparent().remove(ins)
    for dt in q.iter(f"{W}delText"):
        dt.tag = f"{W}t"
    for d in list(q.iter(f"{W}del")):
        parent, i = d.getparent(), d.getparent().index(d)
        for child in list(d):
            parent.insert(i, child)
            i += 1
        parent.remove(d)
    return "".join(t for _, t in _run_texts(q)), _bold_map(q)


@settings(max_examples=80, deadline=None)
@given(
    chunks=st.lists(st.tuples(CHUNK, st.booleans()), min_size=1, max_size=6),
    data=st.data(),
    new=st.text(alphabet="定金30日内Incoterms®2020（）", max_size=10),
)
def test_any_range_of_any_runs_is_replaced_exactly(chunks, data, new: str) -> None:
    p = _paragraph(chunks)
    text = "".join(t for t, _ in chunks)
    bold = [b for t, b in chunks for _ in t]
    a = data.draw(st.integers(min_value=0, max_value=len(text)))
    b = data.draw(st.integers(min_value=a, max_value=len(text)))
    assert track_replace(p, a, b, new, author="法务部", date="2026-12-01T10:00:00Z")
    back, back_bold = _rejected(p)
    assert back == text and back_bold == bold  # runs split exactly, formatting unchanged
    deleted = "".join(t.text or "" for d in p.iter(f"{W}del") for t in d.iter(f"{W}delText"))
    assert deleted == text[a:b]
    assert not [t for d in p.iter(f"{W}del") for t in d.iter(f"{W}t")]
    q = copy.deepcopy(p)
    accept_all([q])
    assert "".join(t for _, t in _run_texts(q)) == text[:a] + new + text[b:]
    inserted = list(p.iter(f"{W}ins"))
    assert len(inserted) == (1 if new else 0)
    if new and a < b:  # the inserted words take the formatting of the last deleted character
        run = inserted[0].find(f"{W}r")
        assert _is_bold(run) == bold[b - 1]
