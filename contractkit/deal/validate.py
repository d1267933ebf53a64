"""Validate deals: every schema problem (messages from the fields' titles), then the checks beyond the
schema (installments, stated totals, date order). Policy and legal risks are lint rules, not validation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contractkit.errors import ContractkitError, DealInvalid
from contractkit.fileio import DEFAULT_MAX_BYTES
from contractkit.money import MAX_AMOUNT, AmountError

if TYPE_CHECKING:
    from contractkit.deal.seller import SellerProfile

_SURROGATE = re.compile("[\ud800-\udfff]")

_TYPES = {
    "string": ("文本", "text"),
    "number": ("数字", "a number"),
    "integer": ("整数", "an integer"),
    "boolean": ("true 或 false", "true or false"),
    "object": ("对象", "an object"),
    "array": ("数组", "an array"),
    "null": ("null", "null"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a deal, at a JSON pointer; ``message`` is Chinese, ``message_en`` English."""

    pointer: str
    message: str
    message_en: str
    title: str

    def __post_init__(self) -> None:
        for name in ("pointer", "message", "message_en", "title"):  # a lone surrogate cannot be printed
            value = getattr(self, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                object.__setattr__(self, name, printable(value))

    def __str__(self) -> str:
        return f"{self.pointer}: {self.message}"

    def text(self, lang: str = "zh") -> str:
        """``pointer: message`` in ``lang`` (``zh`` or ``en``)."""
        return f"{self.pointer}: {self.message_en if lang == 'en' else self.message}"


@dataclass
class FileReport:
    """The outcome for one deal (a file or one JSON Lines entry)."""

    label: str
    problems: list[Problem] = field(default_factory=list)
    error: ContractkitError | None = None
    warnings: list[Problem] = field(default_factory=list)  # shown, but the deal stays valid

    @property
    def status(self) -> str:
        """``valid``, ``invalid`` or ``unreadable``."""
        if self.error is not None:
            return "unreadable"
        return "invalid" if self.problems else "valid"


def printable(text: str) -> str:
    """``text`` with lone surrogates written as ``\\udfff`` so it can be printed and stored as UTF-8."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def pointer(parts: Iterable[str | int]) -> str:
    """RFC 6901 JSON pointer for a path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts) or "/"


def _kind(deal: dict) -> str:
    kind = deal.get("kind")
    return kind if kind in ("quote", "contract") else "deal"


def _titles(kind: str, parts: list[str | int]) -> tuple[str, str]:
    from contractkit.deal.schema import subschema_at

    if parts and isinstance(parts[-1], int):
        zh, en = _titles(kind, parts[:-1])
        return f"{zh}第 {parts[-1] + 1} 项", f"{en} #{parts[-1] + 1}"
    sub = subschema_at(kind, parts) if parts else None
    if sub and "title" in sub:
        return sub["title"], sub.get("x-title-en", sub["title"])
    name = str(parts[-1]) if parts else ("单据" if kind == "deal" else kind)
    return name, name


def _problems_from_error(error: Any, kind: str) -> list[Problem]:
    path = list(error.absolute_path)
    v = error.validator
    if v == "required":
        missing = [
            p for p in error.validator_value if isinstance(error.instance, dict) and p not in error.instance
        ]
        out = []
        for name in missing:
            if f"{name!r} is a required property" not in error.message:
                continue
            zh, en = _titles(kind, [*path, name])
            out.append(
                Problem(pointer([*path, name]), f"缺少必填项「{zh}」", f"missing required field '{en}'", zh)
            )
        return out
    if v == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in known]
        return [
            Problem(
                pointer([*path, k]), f"未知字段「{k}」（拼写错误？）", f"unknown field '{k}' (a typo?)", k
            )
            for k in extras
        ]
    zh, en = _titles(kind, path)
    value = error.instance
    if v == "format" and error.cause is not None and hasattr(error.cause, "zh"):
        return [Problem(pointer(path), f"{zh}{error.cause.zh}", f"{en} {error.cause.en}", zh)]
    if v == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        tzh = " 或 ".join(_TYPES.get(t, (t, t))[0] for t in types)
        ten = " or ".join(_TYPES.get(t, (t, t))[1] for t in types)
        msg = (f"「{zh}」类型错误：应为{tzh}", f"'{en}' has the wrong type: expected {ten}")
    elif v == "enum":
        allowed = ", ".join(str(a) for a in error.validator_value)
        msg = (
            f"「{zh}」取值无效：{value}（可选：{allowed}）",
            f"'{en}' is not allowed: {value} (one of: {allowed})",
        )
    elif v == "const":
        msg = (f"「{zh}」应为 {error.validator_value}", f"'{en}' must be {error.validator_value}")
    elif v == "pattern":
        desc = error.schema.get("description", "")
        msg = (
            f"「{zh}」格式不正确：{value}（{desc}）",
            f"'{en}' is malformed: {value} ({error.schema.get('x-description-en', '')})",
        )
    elif v == "minLength":
        msg = (f"「{zh}」不能为空", f"'{en}' must not be empty")
    elif v in ("minimum", "exclusiveMinimum"):
        msg = (
            f"「{zh}」不能小于 {error.validator_value}",
            f"'{en}' must be at least {error.validator_value}",
        )
    elif v in ("maximum", "exclusiveMaximum"):
        msg = (f"「{zh}」不能大于 {error.validator_value}", f"'{en}' must be at most {error.validator_value}")
    elif v == "minItems":
        msg = (
            f"「{zh}」至少需要 {error.validator_value} 项",
            f"'{en}' needs at least {error.validator_value} item(s)",
        )
    elif isinstance(error.schema, dict) and v in error.schema.get("x-errors", {}):
        msg = tuple(error.schema["x-errors"][v])
    else:
        msg = (f"「{zh}」不符合要求：{error.message}", f"'{en}' is invalid: {error.message}")
    return [Problem(pointer(path), msg[0], msg[1], zh)]


def schema_problems(deal: dict) -> list[Problem]:
    """Every schema problem of ``deal``, in document order."""
    from contractkit.deal.schema import validator

    kind = _kind(deal)
    problems: list[Problem] = []
    seen: set[Problem] = set()
    errors = sorted(validator("deal").iter_errors(deal), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        for problem in _problems_from_error(error, kind):
            if problem not in seen:
                seen.add(problem)
                problems.append(problem)
    return problems


def _clean(problems: list[Problem], *prefixes: str) -> bool:
    return not any(p.pointer == pre or p.pointer.startswith(pre + "/") for p in problems for pre in prefixes)


def _date(value: str) -> date:
    return date.fromisoformat(value)


def _beyond_schema(deal: dict, problems: list[Problem]) -> list[Problem]:
    from contractkit.deal.derive import compute
    from contractkit.money import to_decimal

    out: list[Problem] = []
    money_parts = ("/items", "/price", "/discounts", "/payment", "/penalties", "/totals", "/kind")
    money_ok = _clean(problems, *money_parts)
    totals = None
    if money_ok:
        try:
            totals = compute(deal)
        except (ArithmeticError, AmountError, KeyError, TypeError):
            return [_amount_problem("/items", "金额无法计算", "the amounts cannot be computed")]
        if totals.total > MAX_AMOUNT or totals.subtotal > MAX_AMOUNT:
            return [
                _amount_problem(
                    "/items",
                    f"合计 {totals.total:,} 超过大写金额上限 {MAX_AMOUNT:,}",
                    f"the total {totals.total:,} is above the 大写 limit {MAX_AMOUNT:,}",
                )
            ]
    if totals is not None:
        for i, (item, line) in enumerate(zip(deal["items"], totals.lines, strict=True)):
            if "line_total" in item and to_decimal(item["line_total"]) != line.net:
                out.append(
                    Problem(
                        f"/items/{i}/line_total",
                        f"「行金额」{item['line_total']} 与 数量×单价−折扣 = {line.net} 不符",
                        f"'line total' {item['line_total']} is not qty × price − discount = {line.net}",
                        "行金额",
                    )
                )
        names = {
            "subtotal": "小计",
            "discount": "整单折扣",
            "untaxed": "不含税金额",
            "tax": "税额",
            "total": "合计",
        }
        for key, stated in deal.get("totals", {}).items():
            computed = getattr(totals, key)
            if to_decimal(stated) != computed:
                out.append(
                    Problem(
                        f"/totals/{key}",
                        f"「{names[key]}」{stated} 与计算结果 {computed} 不符",
                        f"'{key}' {stated} differs from the computed {computed}",
                        names[key],
                    )
                )
        installments = deal.get("payment", {}).get("installments", [])
        if installments:
            out.extend(_installment_problems(installments, totals.total))
    out.extend(_date_problems(deal, problems))
    return out


def _amount_problem(where: str, zh: str, en: str) -> Problem:
    return Problem(where, zh, en, "金额")


def text_problems(deal: Any) -> list[Problem]:
    """Strings (keys too) no document can hold: a lone surrogate (``"A\\ud800B"``) has no UTF-8 form."""
    out: list[Problem] = []
    stack: list[tuple[list[str | int], Any]] = [([], deal)]
    while stack:
        parts, value = stack.pop()
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(k, str) and _SURROGATE.search(k):
                    out.append(_surrogate_problem([*parts, k], k))
                stack.append(([*parts, k], v))
        elif isinstance(value, list):
            stack.extend(([*parts, i], v) for i, v in enumerate(value))
        elif isinstance(value, str) and _SURROGATE.search(value):
            out.append(_surrogate_problem(parts, value))
    return sorted(out, key=lambda p: p.pointer)


def _surrogate_problem(parts: list[str | int], value: str) -> Problem:
    code = f"U+{ord(_SURROGATE.search(value).group()):04X}"  # type: ignore[union-attr]
    return Problem(
        pointer(parts),
        f"含有无效字符（孤立的代理码位 {code}），无法写入文档",
        f"contains an invalid character (a lone surrogate {code}) that no document can hold",
        str(parts[-1]) if parts else "单据",
    )


def _installment_problems(installments: list[dict], total: Decimal) -> list[Problem]:
    from contractkit.money import to_decimal

    where = "/payment/installments"
    if all("percent" in i for i in installments):
        share = sum(to_decimal(i["percent"]) for i in installments)
        if share != 100:
            return [
                Problem(
                    where,
                    f"各期「付款比例」合计为 {share}%，应为 100%",
                    f"installment shares sum to {share} %, not 100 %",
                    "付款分期",
                )
            ]
        return []
    paid = sum(
        (
            to_decimal(i["amount"]) if "amount" in i else total * to_decimal(i["percent"]) / 100
            for i in installments
        ),
        Decimal(0),
    )
    if abs(paid - total) >= Decimal("0.01"):
        return [
            Problem(
                where,
                f"各期付款金额合计 {paid:.2f} 与合同总额 {total} 不符",
                f"installments add up to {paid:.2f}, not the total {total}",
                "付款分期",
            )
        ]
    return []


def _date_problems(deal: dict, problems: list[Problem]) -> list[Problem]:
    out: list[Problem] = []
    if deal.get("kind") == "quote":
        dates_ok = _clean(problems, "/date", "/valid_until") and "date" in deal and "valid_until" in deal
        if dates_ok and _date(deal["valid_until"]) < _date(deal["date"]):
            out.append(
                Problem(
                    "/valid_until",
                    f"「报价有效期至」{deal['valid_until']} 早于报价日期 {deal['date']}",
                    f"'valid until' {deal['valid_until']} is before the quote date {deal['date']}",
                    "报价有效期至",
                )
            )
        return out
    if deal.get("kind") != "contract" or not _clean(problems, "/term", "/signing"):
        return out
    term, signing = deal.get("term"), deal.get("signing")
    if not term:
        return out
    start, end = _date(term["start"]), _date(term["end"])
    if signing and _date(signing["date"]) > start:
        out.append(
            Problem(
                "/term/start",
                f"「履行期限开始」{term['start']} 早于签订日期 {signing['date']}",
                f"'term start' {term['start']} is before the signing date {signing['date']}",
                "履行期限开始",
            )
        )
    if end < start:
        out.append(
            Problem(
                "/term/end",
                f"「履行期限结束」{term['end']} 早于开始日期 {term['start']}",
                f"'term end' {term['end']} is before the start {term['start']}",
                "履行期限结束",
            )
        )
    if _clean(problems, "/payment"):
        for i, inst in enumerate(deal.get("payment", {}).get("installments", [])):
            trig = inst.get("trigger", {})
            if trig.get("event") == "fixed_date" and not start <= _date(trig["date"]) <= end:
                out.append(
                    Problem(
                        f"/payment/installments/{i}/trigger/date",
                        f"「固定日期」{trig['date']} 不在合同期限 {term['start']} 至 {term['end']} 内",
                        f"'fixed date' {trig['date']} is outside the term {term['start']} to {term['end']}",
                        "固定日期",
                    )
                )
    return out


def validate_deal(deal: dict, *, lang: str = "zh") -> list[Problem]:
    """Every problem of ``deal``: schema problems first, then the checks beyond the schema.
    ``lang`` is accepted for symmetry; each Problem carries both languages."""
    problems = schema_problems(deal) + text_problems(deal)
    if not _clean(problems, "/kind") or _kind(deal) == "deal":
        return problems
    return problems + _beyond_schema(deal, problems)


#: Percent fields where 0 < x < 1 is almost certainly a fraction written for a percent (0.05 for 5 %).
_FRACTION_FIELDS = (
    (("discounts", "*", "percent"), "折扣比例", "discount percent"),
    (("price", "vat_rate"), "增值税税率", "VAT rate"),
    (("payment", "installments", "*", "percent"), "付款比例", "installment share"),
)


def _at(node: Any, parts: tuple[str, ...], done: tuple[str | int, ...] = ()) -> Iterable[tuple[tuple, Any]]:
    if not parts:
        yield done, node
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from _at(item, rest, (*done, i))
    elif isinstance(node, dict) and head in node:
        yield from _at(node[head], rest, (*done, head))


def fraction_warnings(deal: Any) -> list[Problem]:
    """Warnings for percentages that are almost certainly fractions (0 < x < 1 for a discount, the VAT rate,
    an installment share): ``0.05 % — did you mean 5 %?``. Warnings never make a deal invalid."""
    from contractkit.deal.schema import _as_decimal

    out: list[Problem] = []
    if not isinstance(deal, dict):
        return out
    for parts, zh, en in _FRACTION_FIELDS:
        for where, value in _at(deal, parts):
            d = _as_decimal(value)
            if d is None or not d.is_finite() or not 0 < d < 1:
                continue
            shown, meant = _plain(d), _plain(d * 100)
            out.append(
                Problem(
                    pointer(where),
                    f"「{zh}」{shown} % — 是否应为 {meant} %？（百分比按百分数填写：{meant} 即 {meant} %）",
                    f"'{en}' {shown} % — did you mean {meant} %? (percent values: {meant} means {meant} %)",
                    zh,
                )
            )
    return out


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f")


def check_deal(deal: dict, *, path: str | None = None) -> dict:
    """Return ``deal`` if valid, else raise ``DealInvalid`` listing every problem."""
    problems = validate_deal(deal)
    if problems:
        raise DealInvalid(problems, path=path)
    return deal


def validate_paths(
    paths: Iterable[str | Path],
    *,
    lang: str = "zh",
    max_bytes: int = DEFAULT_MAX_BYTES,
    seller: SellerProfile | None = None,
) -> list[FileReport]:
    """Validate every deal in ``paths`` (files, folders, JSON Lines); one report per deal, with its warnings.
    ``seller`` (a company profile) is merged under each deal first."""
    from contractkit.deal.load import iter_deals
    from contractkit.deal.seller import merge_seller

    reports = []
    for label, deal in iter_deals(paths, max_bytes=max_bytes):
        if isinstance(deal, ContractkitError):
            reports.append(FileReport(label, error=deal))
        else:
            if seller is not None:
                deal = merge_seller(deal, seller)
            reports.append(
                FileReport(label, problems=validate_deal(deal, lang=lang), warnings=fraction_warnings(deal))
            )
    return reports
