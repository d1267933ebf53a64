"""Properties: numbers round-trip; no extractor crashes; spans are in bounds and ordered."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from contractkit.facts import (
    find_amounts,
    find_deadline,
    find_durations,
    find_percents,
    find_rates,
    find_triggers,
    heading_of,
    section_number,
    split_clauses,
)
from contractkit.numerals import int_to_cn


def _cn(n: int) -> str:
    return int_to_cn(n)


@settings(deadline=None)
@given(n=st.integers(min_value=1, max_value=9999), chinese=st.booleans(), working=st.booleans())
def test_duration_round_trip(n: int, chinese: bool, working: bool) -> None:
    num = _cn(n) if chinese else str(n)
    unit_word, unit = ("个工作日", "working_day") if working else ("日", "day")
    text = f"验收合格后{num}{unit_word}内支付"
    found = find_durations(text)
    assert [(d.value, d.unit) for d in found] == [(Decimal(n), unit)]
    (trigger,) = find_triggers(text)
    deadline = find_deadline(text, trigger.span[1])
    assert deadline is not None and deadline.value == n


@given(n=st.integers(min_value=1, max_value=99), chinese=st.booleans())
def test_percent_round_trip(n: int, chinese: bool) -> None:
    text = f"合同签订后支付百分之{_cn(n)}" if chinese else f"合同签订后支付{n}%"
    assert [p.value for p in find_percents(text)] == [Decimal(n)]


ALPHABET = (
    "0123456789.,%/-:（）()。；;，\n 年月日天周个工作小时第条之万千百分元¥RMB人民币壹贰叁拾佰仟整"
    "一二两三十五零〇点半每逾期按利率息签订合同生效后到货验收合格发票质保期满内前起"
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(alphabet=ALPHABET, max_size=80), st.text(max_size=60)))
def test_never_crash_spans_in_bounds(text: str) -> None:
    for finder in (find_amounts, find_percents, find_durations, find_rates, find_triggers):
        spans = [f.span for f in finder(text)]
        assert spans == sorted(spans)
        for s, e in spans:
            assert 0 <= s < e <= len(text)
    spans = split_clauses(text)
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    for t in find_triggers(text):
        d = find_deadline(text, t.span[1])
        assert d is None or (t.span[1] <= d.span[0] < d.span[1] <= len(text))
    heading_of(text)
    section_number(text)


def test_real_corpus_no_crash(corpus_dir) -> None:
    counts: dict[str, int] = {}
    for path in sorted((corpus_dir / "zh").glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            for name, finder in (
                ("amounts", find_amounts),
                ("percents", find_percents),
                ("durations", find_durations),
                ("rates", find_rates),
                ("triggers", find_triggers),
            ):
                found = finder(line)
                counts[name] = counts.get(name, 0) + len(found)
                assert all(0 <= f.span[0] < f.span[1] <= len(line) for f in found)
    print(counts)
    assert counts["durations"] > 10 and counts["triggers"] > 10
