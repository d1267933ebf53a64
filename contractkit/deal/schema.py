"""The JSON Schemas: an offline ``referencing`` registry over ``schemas/*.json``, one cached validator per
deal kind, and the format checks (uscc, cn-phone, date, money, percent, decimal, quantity)."""

from __future__ import annotations

import functools
import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from contractkit.deal.identifiers import phone_problem, uscc_problem
from contractkit.errors import ConfigError

BASE_URI = "https://contractkit.dev/schemas/"
KINDS = ("quote", "contract")
_DECIMAL_STR = re.compile(r"^-?\d+(\.\d+)?$")
_DATE_STR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Bounds that keep every derived amount exact in Decimal arithmetic (28 digits): an amount up to the 大写
#: limit (9999亿), a quantity or rate up to 10⁹, nothing below 10⁻¹².
MAX_QUANTITY = Decimal(10) ** 9
MIN_EXPONENT = -12


class FormatProblem(Exception):
    """Raised by a format check; carries the Chinese and English explanation."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en


def schema_dir() -> Path:
    """The schemas folder: ``<repo>/schemas`` (editable install) or ``contractkit/schemas`` (wheel)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "schemas", here.parent / "schemas"):
        if (candidate / "deal.schema.json").is_file():
            return candidate
    raise ConfigError(
        "schema files not found",
        path=str(here.parent / "schemas"),
        hint="reinstall contractkit",
        zh="找不到 schema 文件",
        hint_zh="请重新安装 contractkit",
    )


@functools.cache
def load_schemas() -> dict[str, dict]:
    """All schema documents by ``$id``."""
    out: dict[str, dict] = {}
    for path in sorted(schema_dir().glob("*.schema.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out[doc["$id"]] = doc
    return out


def _no_retrieve(uri: str) -> Any:
    from referencing.exceptions import NoSuchResource

    raise NoSuchResource(ref=uri)


@functools.cache
def registry() -> Any:
    """A ``referencing.Registry`` holding every schema file; unknown URIs fail, nothing is fetched."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = [
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012))
        for uri, doc in load_schemas().items()
    ]
    return Registry(retrieve=_no_retrieve).with_resources(resources).crawl()


def schema_for(kind: str) -> dict:
    """The schema document for ``kind`` (``quote``/``contract``) or ``deal`` (the dispatcher)."""
    return load_schemas()[f"{BASE_URI}{kind}.schema.json"]


def _as_decimal(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    if isinstance(value, str) and _DECIMAL_STR.match(value):
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern rules this out
            return None
    return None


def _applies(value: object) -> bool:
    return isinstance(value, Decimal | int | str | float) and not isinstance(value, bool)


def _check_number(value: object, *, low: Decimal, high: Decimal, positive: bool, cents: bool) -> bool:
    if not _applies(value):
        return True
    d = _as_decimal(value)
    if d is None or not d.is_finite():
        raise FormatProblem("不是有效的数字", "is not a valid number")
    if positive and d <= 0:
        raise FormatProblem("须大于 0", "must be greater than 0")
    if d < low:
        raise FormatProblem(f"不能小于 {low}", f"must not be below {low}")
    if d > high:
        raise FormatProblem(f"不能大于 {high:,}", f"must not be above {high:,}")
    if d.adjusted() < MIN_EXPONENT:
        raise FormatProblem("数值过小（位数过多）", "has too many decimal places")
    if cents and d != d.quantize(Decimal("0.01")):
        raise FormatProblem("最多保留两位小数", "may have at most 2 decimals")
    return True


def _check_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        if not _DATE_STR.match(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise FormatProblem(
            "不是有效日期（应为 YYYY-MM-DD 且真实存在）", "is not a real date in the form YYYY-MM-DD"
        ) from None
    return True


def _check_text(fn) -> Any:
    def check(value: object) -> bool:
        if not isinstance(value, str):
            return True
        problem = fn(value)
        if problem:
            raise FormatProblem(*problem)
        return True

    return check


@functools.cache
def format_checker() -> Any:
    """A ``jsonschema.FormatChecker`` with contractkit's real format checks."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    from contractkit.money import MAX_AMOUNT

    zero, hundred = Decimal(0), Decimal(100)
    checks = {
        "money": lambda v: _check_number(v, low=zero, high=MAX_AMOUNT, positive=False, cents=True),
        "percent": lambda v: _check_number(v, low=zero, high=hundred, positive=False, cents=False),
        "decimal": lambda v: _check_number(v, low=zero, high=MAX_QUANTITY, positive=False, cents=False),
        "quantity": lambda v: _check_number(v, low=zero, high=MAX_QUANTITY, positive=True, cents=False),
        "date": _check_date,
        "uscc": _check_text(uscc_problem),
        "cn-phone": _check_text(phone_problem),
    }
    for name, fn in checks.items():
        checker.checks(name, raises=FormatProblem)(fn)
    return checker


@functools.cache
def validator(kind: str) -> Any:
    """A cached Draft 2020-12 validator for ``kind`` (``deal``, ``quote`` or ``contract``)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema_for(kind), registry=registry(), format_checker=format_checker())


def subschema_at(kind: str, parts: list[str | int]) -> dict | None:
    """The property schema describing the instance at ``parts`` inside a ``kind`` deal (refs followed)."""
    resolver = registry().resolver(base_uri=f"{BASE_URI}{kind}.schema.json")
    schema: Any = schema_for(kind)
    found: dict | None = None
    for part in parts:
        schema, resolver = _deref(schema, resolver)
        if not isinstance(schema, dict):
            return None
        props = schema.get("properties") or {}
        schema = schema.get("items") if isinstance(part, int) else props.get(part)
        if not isinstance(schema, dict):
            return None
        found = schema
    return found


def _deref(schema: Any, resolver: Any) -> tuple[Any, Any]:
    while (
        isinstance(schema, dict) and "$ref" in schema and "properties" not in schema and "items" not in schema
    ):
        resolved = resolver.lookup(schema["$ref"])
        schema, resolver = resolved.contents, resolved.resolver
    return schema, resolver
