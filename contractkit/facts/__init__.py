"""Facts: pure extraction over a block's normalized text, shared by all rules.

Amounts, percentages, durations, rates (with their period), trigger events and deadlines, clause splitting and
section headings. Every fact carries ``span`` = (start, end) offsets into the text it was found in.

Combining percents and rates: ``find_percents`` never reports a figure that is part of a rate found by
``find_rates`` (日万分之五, 每日0.05%, 千分之三/日, 年利率24%…), so a rule that wants "shares" uses
``find_percents`` and a rule that wants penalty/interest rates uses ``find_rates``; neither double counts.
"""

from __future__ import annotations

from contractkit.facts.amounts import Amount, find_amounts
from contractkit.facts.durations import Duration, Unit, find_durations
from contractkit.facts.percents import Percent, find_percents
from contractkit.facts.rates import Rate, find_rates
from contractkit.facts.sections import assign_sections, heading_of, section_number
from contractkit.facts.sentences import clause_spans, split_clauses
from contractkit.facts.spans import Span, in_span, near
from contractkit.facts.triggers import DEADLINE_WORDS, Event, Trigger, find_deadline, find_triggers


def clear_caches() -> None:
    """Empty the per-text caches of the extractors (benchmarks call this to time cold runs)."""
    from contractkit.facts import amounts, durations, percents, rates, sections, sentences, triggers

    for fn in (
        amounts._find_amounts_cached,
        durations._find_durations_cached,
        percents._find_percents_cached,
        rates._rate_matches,
        sections._heading,
        sentences.clause_spans,
        triggers._find_triggers_cached,
    ):
        fn.cache_clear()


__all__ = [
    "DEADLINE_WORDS",
    "Amount",
    "Duration",
    "Event",
    "Percent",
    "Rate",
    "Span",
    "Trigger",
    "Unit",
    "assign_sections",
    "clause_spans",
    "clear_caches",
    "find_amounts",
    "find_deadline",
    "find_durations",
    "find_percents",
    "find_rates",
    "find_triggers",
    "heading_of",
    "in_span",
    "near",
    "section_number",
    "split_clauses",
]
