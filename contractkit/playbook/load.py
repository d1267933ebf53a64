"""Reading playbook files (TOML): every entry checked, a bad one a usage error naming file, entry and fix.

A playbook::

    [playbook]
    name = "采购方合同审查手册"
    side = "buyer"                 # which party the company is: buyer or seller
    basis = "《采购管理制度》2026版"   # default basis of its entries

    [[rule]]
    id = "pay-late"                # → rule id playbook/pay-late
    kind = "limit"                 # required | forbidden | limit | equals | pattern
    fact = "payment.days_after_trigger"
    min = 30
    message = "付款期限短于公司底线（验收后至少30日）"
    fix = "验收合格后30日内支付"
    bad = ["验收合格后10日内支付货款。"]
    good = ["验收合格后30日内支付货款。"]

    [builtin]                      # tune the built-in rules: "off" or a severity
    "subject/vague-quantity" = "error"
    "term/no-termination" = "off"

    [settings]                     # any contractkit.toml setting
    objection_period_months = [12, 36]

    [preferred]                    # what ``lint --redline`` writes where a deadline is missing
    payment_days = 30              # payment/trigger-without-deadline: 验收合格后30日内支付
    acceptance_days = 7            # acceptance/vague-window, acceptance/window-no-length: 到货后7日内

A ``limit`` entry may also say ``preferred = 30`` (in the fact's unit, within its min/max): the value its
tracked change writes, and the days a missing deadline of its kind gets when ``[preferred]`` is silent.

Several playbooks stack (company-wide, then a business unit's): a later entry with the same id replaces the
earlier one, tuning and settings are merged in order.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractkit.errors import UsageError
from contractkit.playbook.elements import ELEMENTS
from contractkit.playbook.facts import FACTS

KINDS = ("required", "forbidden", "limit", "equals", "pattern")
SIDES = ("buyer", "seller")
SEVERITIES = ("error", "warning", "info")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_BYTES = 1024 * 1024
MAX_ENTRIES = 500
MAX_PATTERN = 500
#: ``[preferred]`` keys → what each fills (days, a whole number from 1 to MAX_DAYS).
PREFERRED = {
    "payment_days": "payment deadline after its trigger (payment/trigger-without-deadline)",
    "acceptance_days": "inspection window (acceptance/vague-window, acceptance/window-no-length)",
}
MAX_DAYS = 3650
#: ``…`` (or ``...``) in a pattern: up to this many characters of anything within the clause.
GAP = r"[^。；;\n]{0,40}?"

_COMMON = {
    "id",
    "kind",
    "severity",
    "message",
    "message_en",
    "basis",
    "fix",
    "fallback",
    "bad",
    "good",
    "why",
    "preferred",
}
_FIELDS = {
    "required": {"element", "heading", "words", "fact"},
    "forbidden": {"words", "fact", "values", "pattern", "section"},
    "limit": {"fact", "min", "max", "applies_to"},
    "equals": {"fact", "values"},
    "pattern": {"pattern", "section", "must"},
}


@dataclass(frozen=True)
class Entry:
    """One playbook rule, checked."""

    source: str
    name: str
    kind: str
    severity: str
    message: str
    message_en: str
    basis: str
    fix: str
    fallback: str
    why: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    side: str | None
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return f"playbook/{self.name}"


@dataclass
class Playbook:
    """One or more stacked playbook files: their entries, built-in tuning and settings."""

    sources: list[str] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    builtin: dict[str, str] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    side: str | None = None
    preferred: dict[str, int] = field(default_factory=dict)


def _bad(source: str, where: str, message: str, hint: str, zh: str | None = None) -> UsageError:
    return UsageError(message, path=source, where=where, hint=hint, zh=zh)


def compile_pattern(source: str, where: str, pattern: Any) -> re.Pattern[str]:
    """A user pattern compiled: ``…`` is a gap within the clause; refused if it does not compile, is too long,
    or nests repeats (``(a+)+``, ``(.*)*``) that can backtrack catastrophically."""
    if not isinstance(pattern, str) or not pattern:
        raise _bad(source, where, "pattern must be a non-empty string", "write a regular expression")
    if len(pattern) > MAX_PATTERN:
        raise _bad(
            source, where, f"pattern is over {MAX_PATTERN} characters", "split it into several entries"
        )
    expanded = pattern.replace("…", GAP).replace("...", GAP)
    try:
        compiled = re.compile(expanded)
    except re.error as exc:
        raise _bad(source, where, f"pattern does not compile: {exc}", "fix the regular expression") from None
    if _nested_repeat(expanded):
        raise _bad(
            source,
            where,
            "pattern nests repeats (like (a+)+) and could backtrack for ever",
            "remove the inner or the outer quantifier, or use … for a gap",
            zh="正则表达式含嵌套重复（如 (a+)+），可能灾难性回溯",
        )
    return compiled


def _nested_repeat(pattern: str) -> bool:
    """True when a repeated group contains another unbounded repeat (the classic catastrophic shapes)."""
    import re._parser as sre_parse  # the stdlib parser: structure, not a textual guess

    repeats = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
    big = sre_parse.MAXREPEAT

    def walk(items: Any, inside: bool) -> bool:
        for op, av in items:
            if op in repeats:
                _low, high, sub = av
                if inside and high > 1:  # any repeat inside an unbounded one
                    return True
                if walk(sub, inside or high == big or high > 100):
                    return True
            elif (op is sre_parse.SUBPATTERN and walk(av[-1], inside)) or (
                op is sre_parse.BRANCH and any(walk(b, inside) for b in av[1])
            ):
                return True
        return False

    try:
        return walk(sre_parse.parse(pattern), False)
    except Exception:
        return True


def _strings(source: str, where: str, raw: Any, key: str, *, required: bool = True) -> tuple[str, ...]:
    if raw is None and not required:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) and x.strip() for x in raw):
        raise _bad(
            source, where, f"{key} must be a non-empty list of non-empty strings", f'e.g. {key} = ["…"]'
        )
    return tuple(x.strip() for x in raw)


def _number(source: str, where: str, raw: Any, key: str) -> Any:
    from decimal import Decimal

    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise _bad(source, where, f"{key} must be a number", f"e.g. {key} = 30")
    try:
        value = Decimal(str(raw))
    except Exception:
        raise _bad(source, where, f"{key} must be a number, not {raw!r}", f"e.g. {key} = 30") from None
    if not value.is_finite() or abs(value) > 10**9:
        raise _bad(source, where, f"{key} is out of range", "use a plain number")
    return value


def _entry(source: str, index: int, raw: Any, side: str | None, basis: str) -> Entry:
    where = f"rule {index + 1}"
    if not isinstance(raw, dict):
        raise _bad(
            source, where, "each [[rule]] must be a table", "write [[rule]] followed by key = value lines"
        )
    name = raw.get("id")
    if not isinstance(name, str) or not NAME.match(name):
        raise _bad(
            source, where, f"id {name!r} must be kebab-case (a-z, 0-9, -)", 'e.g. id = "pay-after-acceptance"'
        )
    where = f"rule {index + 1} ({name})"
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _bad(
            source,
            where,
            f"unknown kind {kind!r}",
            f"use one of: {', '.join(KINDS)}",
            zh=f"未知的规则类型 {kind!r}",
        )
    unknown = sorted(set(raw) - _COMMON - _FIELDS[kind])
    if unknown:
        import difflib

        close = [c for k in unknown for c in difflib.get_close_matches(k, _COMMON | _FIELDS[kind], n=1)]
        raise _bad(
            source,
            where,
            f"unknown key(s) {', '.join(unknown)} for kind {kind}",
            f"did you mean: {', '.join(close)}"
            if close
            else f"keys for {kind}: {', '.join(sorted(_FIELDS[kind]))}",
        )
    severity = raw.get("severity", "warning")
    if severity not in SEVERITIES:
        raise _bad(source, where, f"unknown severity {severity!r}", "use error, warning or info")
    message = raw.get("message")
    if not isinstance(message, str) or not message.strip():
        raise _bad(source, where, "message (Chinese) is required", 'e.g. message = "付款期限短于公司底线"')
    for key in ("message_en", "basis", "fix", "fallback", "why"):
        if key in raw and not isinstance(raw[key], str):
            raise _bad(source, where, f"{key} must be a string", f'e.g. {key} = "…"')
    bad = _strings(source, where, raw.get("bad"), "bad")
    good = _strings(source, where, raw.get("good"), "good")
    if "preferred" in raw and kind != "limit":
        raise _bad(
            source,
            f"{where} preferred",
            f"preferred is for kind limit, not {kind}",
            "give the preferred wording in fix instead",
            zh="preferred 只用于 limit 类规则",
        )
    spec = _spec(source, where, kind, raw)
    return Entry(
        source=source,
        name=name,
        kind=kind,
        severity=severity,
        message=message.strip(),
        message_en=str(raw.get("message_en", "")).strip(),
        basis=str(raw.get("basis", basis)).strip(),
        fix=str(raw.get("fix", "")).strip(),
        fallback=str(raw.get("fallback", "")).strip(),
        why=str(raw.get("why", message)).strip(),
        bad=bad,
        good=good,
        side=side,
        spec=spec,
    )


def _fact(source: str, where: str, raw: Any, numeric: bool | None) -> str:
    name = raw.get("fact")
    if name not in FACTS:
        import difflib

        close = difflib.get_close_matches(str(name), list(FACTS), n=3, cutoff=0.4)
        raise _bad(
            source,
            where,
            f"unknown fact {name!r}",
            f"did you mean: {', '.join(close)}" if close else f"facts: {', '.join(sorted(FACTS))}",
            zh=f"未知的事实名 {name!r}",
        )
    unit = FACTS[name].unit
    if numeric is True and unit == "text":
        raise _bad(source, where, f"fact {name} is a text; limit needs a number", 'use kind = "equals"')
    if numeric is False and unit != "text":
        raise _bad(
            source, where, f"fact {name} is a number ({unit}); equals needs a text", 'use kind = "limit"'
        )
    return name


def _spec(source: str, where: str, kind: str, raw: dict[str, Any]) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    if "section" in raw:
        spec["section"] = _strings(source, where, raw["section"], "section")
    if kind == "required":
        given = [k for k in ("element", "heading", "words", "fact") if k in raw]
        if len(given) != 1:
            raise _bad(
                source,
                where,
                "required needs exactly one of element, heading, words, fact",
                'e.g. element = "confidentiality"',
            )
        key = given[0]
        if key == "element":
            if raw["element"] not in ELEMENTS:
                raise _bad(
                    source, where, f"unknown element {raw['element']!r}", f"elements: {', '.join(ELEMENTS)}"
                )
            spec["element"] = raw["element"]
        elif key == "fact":
            spec["fact"] = _fact(source, where, raw, None)
        else:
            spec[key] = _strings(source, where, raw[key], key)
    elif kind == "forbidden":
        given = [k for k in ("words", "fact", "pattern") if k in raw]
        if len(given) != 1:
            raise _bad(
                source,
                where,
                "forbidden needs exactly one of words, fact (+ values), pattern",
                'e.g. words = ["背靠背"]',
            )
        if "words" in raw:
            spec["words"] = _strings(source, where, raw["words"], "words")
        elif "pattern" in raw:
            spec["pattern"] = compile_pattern(source, where, raw["pattern"])
        else:
            spec["fact"] = _fact(source, where, raw, False)
            spec["values"] = _strings(source, where, raw.get("values"), "values")
    elif kind == "limit":
        spec["fact"] = _fact(source, where, raw, True)
        if "min" not in raw and "max" not in raw:
            raise _bad(source, where, "limit needs min, max or both", "e.g. max = 10")
        for key in ("min", "max"):
            if key in raw:
                spec[key] = _number(source, where, raw[key], key)
        applies = raw.get("applies_to", "any")
        if applies not in ("us", "them", "any"):
            raise _bad(
                source, where, f"applies_to {applies!r} must be us, them or any", 'e.g. applies_to = "us"'
            )
        spec["applies_to"] = applies
        if "preferred" in raw:
            spec["preferred"] = _preferred(source, where, raw["preferred"], spec)
    elif kind == "equals":
        spec["fact"] = _fact(source, where, raw, False)
        spec["values"] = _strings(source, where, raw.get("values"), "values")
    elif kind == "pattern":
        spec["pattern"] = compile_pattern(source, where, raw.get("pattern"))
        must = raw.get("must", "absent")
        if must not in ("absent", "present"):
            raise _bad(
                source, where, f"must {must!r} is absent or present", 'must = "present" requires a match'
            )
        spec["must"] = must
    return spec


def _preferred(source: str, where: str, raw: Any, spec: dict[str, Any]) -> Any:
    """A limit entry's preferred value: a number in the fact's unit, within its own min/max."""
    value = _number(source, f"{where} preferred", raw, "preferred")
    unit = FACTS[spec["fact"]].unit
    if value <= 0 or (unit in ("days", "months") and value != value.to_integral_value()):
        raise _bad(
            source,
            f"{where} preferred",
            f"preferred must be a positive {'whole ' if unit in ('days', 'months') else ''}number of {unit}",
            "e.g. preferred = 30",
            zh="preferred 应为正数" + ("（整数）" if unit in ("days", "months") else ""),
        )
    low, high = spec.get("min"), spec.get("max")
    if (low is not None and value < low) or (high is not None and value > high):
        raise _bad(
            source,
            f"{where} preferred",
            f"preferred {value:f} is outside the entry's own limit",
            "choose a value the entry accepts",
            zh=f"preferred {value:f} 不在该规则自身的 min/max 之内",
        )
    return value


def _read_preferred(source: str, raw: Any) -> dict[str, int]:
    """The ``[preferred]`` table: known keys, each a whole number of days from 1 to MAX_DAYS."""
    if not isinstance(raw, dict):
        raise _bad(source, "[preferred]", "must be a table", "e.g. payment_days = 30")
    out: dict[str, int] = {}
    for key, value in raw.items():
        if key not in PREFERRED:
            import difflib

            close = difflib.get_close_matches(str(key), list(PREFERRED), n=1)
            raise _bad(
                source,
                f"[preferred] {key}",
                f"unknown key {key!r}",
                f"did you mean: {close[0]}" if close else f"keys: {', '.join(PREFERRED)}",
                zh=f"[preferred] 中未知的键 {key!r}",
            )
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
            raise _bad(
                source,
                f"[preferred] {key}",
                f"{key} must be a whole number of days from 1 to {MAX_DAYS}, not {value!r}",
                f"e.g. {key} = 30",
                zh=f"[preferred] {key} 应为 1 至 {MAX_DAYS} 的整数天数",
            )
        out[key] = value
    return out


def read_playbook(path: str | Path, into: Playbook | None = None) -> Playbook:
    """Read one playbook file (stacked onto ``into`` when given)."""
    from contractkit.lint import available_rules

    book = into or Playbook()
    source = str(path)
    p = Path(path)
    try:
        if not p.is_file():
            raise _bad(
                source, "file", "playbook not found or not a file", "check the path", zh="找不到手册文件"
            )
        if p.stat().st_size > MAX_BYTES:
            raise _bad(source, "file", "playbook is over 1 MB", "split it", zh="手册文件超过 1 MB")
        doc = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise _bad(
            source, "file", f"not valid TOML: {exc}", "fix the TOML syntax", zh=f"TOML 语法错误：{exc}"
        ) from None
    except UnicodeDecodeError:
        raise _bad(
            source, "file", "playbook is not UTF-8", "save it as UTF-8", zh="手册文件不是 UTF-8 编码"
        ) from None
    except OSError as exc:
        raise _bad(source, "file", f"cannot read: {exc.strerror}", "check the path") from None
    unknown = sorted(set(doc) - {"playbook", "rule", "builtin", "settings", "preferred"})
    if unknown:
        raise _bad(
            source,
            "top level",
            f"unknown table(s) {', '.join(unknown)}",
            "use [playbook], [[rule]], [builtin], [settings], [preferred]",
        )
    head = doc.get("playbook", {})
    if not isinstance(head, dict):
        raise _bad(source, "[playbook]", "must be a table", "write [playbook] then name = …")
    side = head.get("side", book.side)
    if side is not None and side not in SIDES:
        raise _bad(source, "[playbook] side", f"side {side!r} must be buyer or seller", 'e.g. side = "buyer"')
    book.side = side
    basis = head.get("basis", "")
    if not isinstance(basis, str):
        raise _bad(source, "[playbook] basis", "basis must be a string", 'basis = "《合同管理办法》"')
    rules = doc.get("rule", [])
    if not isinstance(rules, list) or len(rules) > MAX_ENTRIES:
        raise _bad(
            source,
            "[[rule]]",
            f"rules must be a list of at most {MAX_ENTRIES} tables",
            "write [[rule]] entries",
        )
    for i, raw in enumerate(rules):
        entry = _entry(source, i, raw, side, basis)
        book.entries[entry.id] = entry
    known = available_rules()
    families = {r.family for r in known.values()}
    builtin = doc.get("builtin", {})
    if not isinstance(builtin, dict):
        raise _bad(
            source,
            "[builtin]",
            "must be a table of rule id = off | error | warning | info",
            '"penalty/no-cap" = "error"',
        )
    for rid, value in builtin.items():
        if rid not in known and rid not in families:
            raise _bad(
                source, f"[builtin] {rid}", f"unknown rule {rid!r}", "run `contractkit rules` for the ids"
            )
        if value not in ("off", *SEVERITIES):
            raise _bad(
                source,
                f"[builtin] {rid}",
                f"{value!r} must be off, error, warning or info",
                f'"{rid}" = "off"',
            )
        book.builtin[rid] = value
    settings = doc.get("settings", {})
    if not isinstance(settings, dict):
        raise _bad(source, "[settings]", "must be a table of contractkit.toml settings", "e.g. lpr_1y = 3.0")
    book.settings.update(settings)
    book.preferred.update(_read_preferred(source, doc.get("preferred", {})))
    book.sources.append(source)
    return book


def read_playbooks(paths: list[str | Path]) -> Playbook:
    """Read and stack several playbooks in order."""
    book = Playbook()
    for path in paths:
        read_playbook(path, book)
    return book
