"""Settings: rule selection, severities and the dated legal/policy thresholds rules read.

Read from ``contractkit.toml`` or ``[tool.contractkit]`` in ``pyproject.toml`` (searched from the current
folder upwards), or passed as a dict. Defaults come from ``shared/legal-basis.md`` §15 and carry their date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from contractkit.errors import ConfigError

#: Default words that make a quantity or scope vague (domain.md, `subject` family).
DEFAULT_VAGUE_WORDS = (
    "一批",
    "若干",
    "等等",
    "左右",
    "约",
    "部分",
    "相关",
    "大概",
    "大约",
    "适量",
    "一些",
    "少量",
    "多个",
)
#: Default words that make a payment trigger or an acceptance window vague.
DEFAULT_VAGUE_TRIGGERS = (
    "视情况",
    "另行协商",
    "另行约定",
    "尽快",
    "及时",
    "合理期限",
    "适当时候",
    "酌情",
    "双方协商确定",
)


@dataclass(frozen=True)
class Settings:
    """Every knob of contractkit. Percentages are in percent (``Decimal("13")`` is 13 %)."""

    # -- rule selection ---------------------------------------------------------------------------
    select: tuple[str, ...] = ()  # rule ids or families ("penalty"); empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> error|warning|info
    fail_on: str = "warning"
    lang: str = "zh"
    # -- rates (legal-basis.md §4, §5) --------------------------------------------------------------
    lpr_1y: Decimal = Decimal("3.0")  # percent a year
    lpr_date: dt.date = dt.date(2025, 5, 20)  # effective date of lpr_1y
    rate_cap_multiple: Decimal = Decimal("4")  # annualized penalty above this × LPR is flagged
    # -- penalties and deposits (§1.5, §2) ----------------------------------------------------------
    deposit_max_percent: Decimal = Decimal("20")  # 民法典 586
    # an overall penalty cap above this share of the contract total is "far above" the loss
    penalty_cap_max_percent: Decimal = Decimal("30")
    # -- acceptance and warranty (§1.8, §14) --------------------------------------------------------
    objection_period_months: tuple[int, int] = (12, 24)
    retention_percent_range: tuple[Decimal, Decimal] = (Decimal("3"), Decimal("10"))
    # -- words ---------------------------------------------------------------------------------------
    vague_words: tuple[str, ...] = DEFAULT_VAGUE_WORDS
    extra_vague_words: tuple[str, ...] = ()
    vague_triggers: tuple[str, ...] = DEFAULT_VAGUE_TRIGGERS
    # -- tax (§10) -------------------------------------------------------------------------------------
    vat_rates: tuple[Decimal, ...] = (
        Decimal("13"),
        Decimal("9"),
        Decimal("6"),
        Decimal("0"),
        Decimal("3"),
        Decimal("1"),
    )
    obsolete_vat_rates: tuple[Decimal, ...] = (Decimal("17"), Decimal("16"), Decimal("11"), Decimal("10"))
    # -- quote policy (seed 001) ---------------------------------------------------------------------
    discount_max_percent: Decimal = Decimal("10")  # beyond this a discount needs the approvals below
    discount_approvals: tuple[str, ...] = ("sales_manager", "sales_director")
    price_list: str | None = None
    # -- rendering -------------------------------------------------------------------------------------
    templates: str | None = None  # a folder of the company's own templates
    max_input_mb: int = 10

    @property
    def rate_cap_annual(self) -> Decimal:
        """The annual rate (percent) above which a penalty is flagged: multiple × LPR."""
        return self.rate_cap_multiple * self.lpr_1y

    @property
    def all_vague_words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.vague_words, *self.extra_vague_words)))

    @classmethod
    def resolve(cls, value: Settings | dict[str, Any] | None = None, *, source: str = "settings") -> Settings:
        """None → defaults; a dict → validated Settings (unknown keys and bad values raise ConfigError)."""
        if value is None:
            return cls()
        if isinstance(value, Settings):
            return value
        if not isinstance(value, dict):
            raise ConfigError("settings must be a table / dict", path=source)
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, raw in value.items():
            name = key.replace("-", "_")
            if name not in known:
                close = [k for k in known if k.split("_")[0] == name.split("_")[0]]
                raise ConfigError(
                    f"unknown setting {key!r}",
                    path=source,
                    hint=f"known settings include: {', '.join(close or sorted(known)[:8])}",
                )
            kwargs[name] = _coerce(known[name], raw, source)
        return dataclasses.replace(cls(), **kwargs)

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (validated like config values)."""
        return Settings.resolve({**_as_dict(self), **changes})


def _as_dict(s: Settings) -> dict[str, Any]:
    return {f.name: getattr(s, f.name) for f in fields(s)}


def _coerce(f: dataclasses.Field, raw: Any, source: str) -> Any:
    default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
    where = f"setting {f.name!r}"
    try:
        if isinstance(default, Decimal):
            return _decimal(raw)
        if isinstance(default, dt.date):
            return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))
        if isinstance(default, bool):
            if not isinstance(raw, bool):
                raise ValueError("expected true or false")
            return raw
        if isinstance(default, int):
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise ValueError("expected a whole number")
            return raw
        if isinstance(default, dict):
            if not isinstance(raw, dict):
                raise ValueError("expected a table")
            return {str(k): str(v) for k, v in raw.items()}
        if isinstance(default, tuple):
            items = [raw] if isinstance(raw, str) else list(raw)
            if default and isinstance(default[0], Decimal):
                return tuple(_decimal(x) for x in items)
            if default and isinstance(default[0], int):
                return tuple(int(x) for x in items)
            return tuple(str(x) for x in items)
        if default is None or isinstance(default, str):
            return None if raw is None else str(raw)
    except (ValueError, TypeError, InvalidOperation) as exc:
        raise ConfigError(f"bad value {raw!r} for {where}: {exc}", path=source) from None
    return raw


def _decimal(raw: Any) -> Decimal:
    if isinstance(raw, float):
        raw = repr(raw)  # TOML floats: keep the written digits, never binary noise
    if isinstance(raw, bool):
        raise ValueError("expected a number")
    try:
        value = Decimal(str(raw).strip().rstrip("%"))
    except InvalidOperation:
        raise ValueError("expected a number such as 3.0") from None
    if not value.is_finite():
        raise ValueError("expected a finite number")
    return value


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``contractkit.toml``, or ``pyproject.toml`` with a ``[tool.contractkit]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "contractkit.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                if "contractkit" in tomllib.loads(py.read_text("utf-8")).get("tool", {}):
                    return py
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Settings from ``path`` (or the nearest config file) with ``overrides`` (None values ignored) on top."""
    file = Path(path) if path else find_config()
    data: dict[str, Any] = {}
    if file is not None:
        try:
            doc = tomllib.loads(file.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError("config file not found", path=str(file)) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"not valid TOML: {exc}", path=str(file)) from None
        data = doc.get("tool", {}).get("contractkit", {}) if file.name == "pyproject.toml" else doc
    data.update({k: v for k, v in overrides.items() if v is not None})
    return Settings.resolve(data, source=str(file) if file else "settings")
