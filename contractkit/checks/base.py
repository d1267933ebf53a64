"""The rule registry: a rule is a function plus the metadata that documents it.

A rule is written once and sees one model of a contract (:class:`~contractkit.readers.model.Document`);
it yields :class:`~contractkit.findings.Finding` objects through :meth:`RuleContext.report` and knows nothing
of output formats. Register one with the :func:`rule` decorator::

    @rule(
        id="subject/vague-quantity",
        title="标的数量或范围含糊", title_en="Vague quantity or scope",
        severity="warning",
        why="…", why_en="…", basis="民法典第510条、第511条",
        fix="写明确切数量和单位，例如“数控车床 2 台”。",
        bad=["甲方向乙方采购办公设备一批。"], good=["甲方向乙方采购 CK6150 数控车床 2 台。"],
        params=("vague_words",),
    )
    def vague_quantity(doc, ctx):
        for block in doc.blocks: ...
            yield ctx.report(block, "…", "…", span=(start, end))

Every ``bad`` example must trigger the rule and no ``good`` example may: tests run them.

``kinds=`` names the document kinds a rule applies to (:data:`KINDS`: ``"contract"``, ``"order"``,
``"call_off"`` — an order placed under a framework or master agreement —, ``"quote"``; default all). The lint
engine reads the kind once per document (``contract_of(doc).structure.applicable_kind``) and skips a rule
whose kinds leave it out: a "missing penalty clause" rule is ``kinds=("contract", "order")``, a quote rule
``kinds=("quote",)``. Examples are linted like any text, so a quote-only rule's examples carry a quote title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from contractkit.config import Settings
from contractkit.findings import Finding, Fix, Severity
from contractkit.readers.model import Block, Document, Location

RULE_ID = re.compile(r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The document kinds a rule may apply to (``Structure.applicable_kind``): a full contract, an order that
#: stands alone, an order placed under a framework or master agreement (its terms live there), a quote.
KINDS: tuple[str, ...] = ("contract", "order", "call_off", "quote")
CheckFn = Callable[[Document, "RuleContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A registered rule and its documentation (``contractkit rules ID`` prints this)."""

    id: str
    title: str
    title_en: str
    severity: Severity
    why: str
    why_en: str
    basis: str
    fix: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    params: tuple[str, ...]
    check: CheckFn = field(repr=False, compare=False)
    since: str = "0.1.0"
    status: str = "stable"
    #: ``"clause"``: judged from the clause itself; ``"document"``: needs the whole contract (a missing
    #: clause, a total, a name used elsewhere) and so is not run on a sentence alone.
    scope: str = "clause"
    #: The document kinds (:data:`KINDS`) the rule applies to; the engine skips it on any other kind.
    kinds: tuple[str, ...] = KINDS

    def applies_to(self, kind: str) -> bool:
        """True when the rule runs on a document of ``kind`` (one of :data:`KINDS`)."""
        return kind in self.kinds

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]


REGISTRY: dict[str, Rule] = {}


def rule(
    *,
    id: str,
    title: str,
    title_en: str,
    severity: str,
    why: str,
    why_en: str,
    basis: str,
    fix: str,
    bad: Iterable[str],
    good: Iterable[str],
    params: Iterable[str] = (),
    since: str = "0.1.0",
    scope: str = "clause",
    kinds: Iterable[str] = KINDS,
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated check function as rule ``id`` (see module docstring)."""

    def register(fn: CheckFn) -> CheckFn:
        if not RULE_ID.match(id):
            raise ValueError(f"rule id {id!r} must be family/kebab-name")
        if id in REGISTRY:
            raise ValueError(f"rule id {id!r} registered twice")
        bad_t, good_t = tuple(bad), tuple(good)
        if not bad_t or not good_t:
            raise ValueError(f"rule {id!r} needs at least one bad and one good example")
        known = {f for f in Settings.__dataclass_fields__}
        unknown = [p for p in params if p not in known]
        if unknown:
            raise ValueError(f"rule {id!r} names unknown settings {unknown}")
        if scope not in ("clause", "document"):
            raise ValueError(f"rule {id!r}: scope must be 'clause' or 'document'")
        kinds_t = check_kinds(id, kinds)
        REGISTRY[id] = Rule(
            id=id,
            title=title,
            title_en=title_en,
            severity=Severity.parse(severity),
            why=why,
            why_en=why_en,
            basis=basis,
            fix=fix,
            bad=bad_t,
            good=good_t,
            params=tuple(params),
            check=fn,
            since=since,
            scope=scope,
            kinds=kinds_t,
        )
        return fn

    return register


def check_kinds(rule_id: str, kinds: Iterable[str]) -> tuple[str, ...]:
    """``kinds`` as a tuple in :data:`KINDS` order; ValueError when empty or naming an unknown kind."""
    if isinstance(kinds, str):
        raise ValueError(f"rule {rule_id!r}: kinds must be a tuple of kinds, not the string {kinds!r}")
    given = tuple(kinds)
    unknown = [k for k in given if k not in KINDS]
    if unknown or not given:
        raise ValueError(f"rule {rule_id!r}: kinds must be a non-empty subset of {KINDS}, got {given}")
    return tuple(k for k in KINDS if k in given)


@dataclass
class RuleContext:
    """What a running rule gets besides the document: settings and a finding factory."""

    rule: Rule
    settings: Settings
    severity: Severity

    def report(
        self,
        block: Block | None,
        message: str,
        message_en: str,
        *,
        span: tuple[int, int] | None = None,
        snippet: str | None = None,
        hint: str | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding of this rule at ``block`` (None: the document as a whole, e.g. a missing clause).

        ``span`` is an offset range in ``block.text``; the snippet defaults to that range widened to the
        clause around it, or to the block text. ``fix`` is a concrete replacement in the block's text (written
        as a tracked change by ``lint --redline``).
        """
        if block is None:
            location, quoted = Location(index=0), snippet or ""
        else:
            location = block.location
            quoted = snippet if snippet is not None else clause_around(block.text, span)
        return Finding(
            rule=self.rule.id,
            severity=self.severity,
            message=message,
            message_en=message_en,
            location=location,
            snippet=quoted,
            span=span,
            basis=self.rule.basis,
            hint=hint or self.rule.fix,
            fix=fix,
        )


_CLAUSE_END = re.compile("[。；;！!？?\n]")


def clause_around(text: str, span: tuple[int, int] | None, limit: int = 160) -> str:
    """The sentence of ``text`` containing ``span`` (or the whole text), at most ``limit`` characters."""
    if span is None:
        s = text.strip()
        return s if len(s) <= limit else s[: limit - 1] + "…"
    start, end = span
    a = 0  # just after the last clause end before the span
    for m in _CLAUSE_END.finditer(text, 0, start):
        a = m.end()
    after = _CLAUSE_END.search(text, end)
    b = after.end() if after else len(text)
    s = text[a:b].strip()
    if len(s) > limit:
        mid = (start + end) // 2 - a
        lo = max(0, mid - limit // 2)
        s = ("…" if lo else "") + s[lo : lo + limit - 2] + "…"
    return s


def selected(rules: Iterable[Rule], settings: Settings) -> Iterator[Rule]:
    """The rules that ``settings.select`` / ``settings.ignore`` leave on (ids or whole families)."""

    def hit(r: Rule, names: tuple[str, ...]) -> bool:
        return r.id in names or r.family in names

    for r in rules:
        if settings.select and not hit(r, settings.select):
            continue
        if hit(r, settings.ignore):
            continue
        yield r


def effective_severity(r: Rule, settings: Settings) -> Severity:
    """The rule's default severity, or the override from settings (by id or family)."""
    override = settings.severity.get(r.id) or settings.severity.get(r.family)
    return Severity.parse(override) if override else r.severity
