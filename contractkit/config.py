"""Settings: rule selection, severities and the dated legal/policy thresholds rules read.

Read from ``contractkit.toml`` or ``[tool.contractkit]`` in ``pyproject.toml`` (searched from the current
folder upwards), or passed as a dict. Defaults come from ``shared/legal-basis.md`` §15 and carry their date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import stat
import tomllib
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contractkit.errors import ConfigError

if TYPE_CHECKING:
    from contractkit.deal.seller import SellerProfile

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
    # an optional practice band: above the 4 × LPR reference but within this annual figure a penalty rate
    # is noted (info), not warned about — e.g. 18.25 (0.05 %/day × 365, legal-basis §14). Unset (the
    # default), every rate above 4 × LPR is warned about, as the project's labelled clauses count it.
    rate_warn_annual: Decimal | None = None
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
    # the company profile ([seller]): the seller's party fields and letterhead logo, merged under each deal
    seller: SellerProfile | None = None
    max_input_mb: int = 10
    # -- company playbooks (docs/playbook.md): TOML files whose entries run as rules, stacked in order ------
    playbook: tuple[str, ...] = ()

    @property
    def rate_cap_annual(self) -> Decimal:
        """The annual rate (percent) above which a penalty is flagged: multiple × LPR."""
        return self.rate_cap_multiple * self.lpr_1y

    @property
    def all_vague_words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for w in (*self.vague_words, *self.extra_vague_words) if w))

    @classmethod
    def resolve(cls, value: Settings | dict[str, Any] | None = None, *, source: str = "settings") -> Settings:
        """None → defaults; a dict → validated Settings (unknown keys and bad values raise ConfigError)."""
        if value is None:
            return cls()
        if isinstance(value, Settings):
            return value
        if not isinstance(value, dict):
            raise ConfigError("settings must be a table / dict", path=source, zh="配置应为表 / 字典")
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, raw in value.items():
            name = key.replace("-", "_")
            if name not in known:
                close = [k for k in known if k.split("_")[0] == name.split("_")[0]]
                raise ConfigError(
                    f"unknown setting {key!r}",
                    path=source,
                    where=str(key),
                    hint=f"known settings include: {', '.join(close or sorted(known)[:8])}",
                    zh=f"未知配置项 {key!r}",
                )
            kwargs[name] = _coerce(known[name], raw, source)
        return dataclasses.replace(cls(), **kwargs)

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (validated like config values)."""
        return Settings.resolve({**_as_dict(self), **changes})


def _as_dict(s: Settings) -> dict[str, Any]:
    return {f.name: getattr(s, f.name) for f in fields(s)}


class _Bad(ValueError):
    """A setting value of the wrong type or range: English and Chinese reason."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.en, self.zh = en, zh


_SEVERITIES = ("error", "warning", "info")
_LANGS = ("zh", "en")
_MAX_WORDS = 1000
_MAX_WORD_LEN = 50
_ZERO, _HUNDRED = Decimal(0), Decimal(100)


def _number(raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise _Bad(
            f"expected a number such as 3.0, got {_kind(raw)}", f"应为数字（如 3.0），实为{_kind_zh(raw)}"
        )
    try:
        return _decimal(raw)
    except ValueError as exc:
        raise _Bad(str(exc), "应为有限的数字，如 3.0") from None


def _decimal(raw: Any) -> Decimal:
    if isinstance(raw, float):
        raw = repr(raw)  # TOML floats: keep the written digits, never binary noise
    try:
        value = Decimal(str(raw).strip().rstrip("%"))
    except InvalidOperation:
        raise ValueError("expected a number such as 3.0") from None
    if not value.is_finite():
        raise ValueError("expected a finite number")
    return value


def _in_range(value: Decimal, low: Decimal, high: Decimal, *, low_open: bool = False) -> Decimal:
    if value < low or (low_open and value == low) or value > high:
        lo = f"above {low}" if low_open else f"at least {low}"
        lo_zh = f"大于 {low}" if low_open else f"不小于 {low}"
        raise _Bad(f"must be {lo} and at most {high}", f"应{lo_zh}且不大于 {high}")
    return value


def _decimal_in(low: Decimal, high: Decimal, *, low_open: bool = False) -> Any:
    return lambda raw: _in_range(_number(raw), low, high, low_open=low_open)


def _whole(raw: Any, low: int, high: int) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _Bad(f"expected a whole number, got {_kind(raw)}", f"应为整数，实为{_kind_zh(raw)}")
    if not low <= raw <= high:
        raise _Bad(f"must be between {low} and {high}", f"应在 {low} 到 {high} 之间")
    return raw


def _choice(options: tuple[str, ...]) -> Any:
    def check(raw: Any) -> str:
        if not isinstance(raw, str) or raw not in options:
            shown = repr(raw) if isinstance(raw, str | int | float) else _kind(raw)
            raise _Bad(
                f"{shown} is not one of {', '.join(options)}", f"{shown} 不是可选值之一：{', '.join(options)}"
            )
        return raw

    return check


def _list(raw: Any) -> list[Any]:
    if not isinstance(raw, list | tuple):
        raise _Bad(
            f'expected a list such as ["a", "b"], got {_kind(raw)}',
            f'应为列表（如 ["a", "b"]），实为{_kind_zh(raw)}',
        )
    if len(raw) > _MAX_WORDS:
        raise _Bad(f"more than {_MAX_WORDS} entries", f"超过 {_MAX_WORDS} 项")
    return list(raw)


def _words(raw: Any) -> tuple[str, ...]:
    out = []
    for i, item in enumerate(_list(raw), start=1):
        if not isinstance(item, str):
            raise _Bad(f"entry {i} is {_kind(item)}, not text", f"第 {i} 项是{_kind_zh(item)}，不是文本")
        word = item.strip()
        if not word:
            raise _Bad(
                f"entry {i} is empty (an empty word matches everywhere)", f"第 {i} 项为空（空词处处匹配）"
            )
        if len(word) > _MAX_WORD_LEN:
            raise _Bad(
                f"entry {i} is longer than {_MAX_WORD_LEN} characters",
                f"第 {i} 项超过 {_MAX_WORD_LEN} 个字符",
            )
        out.append(word)
    return tuple(out)


def _paths(raw: Any) -> tuple[str, ...]:
    out = []
    for i, item in enumerate(_list(raw), start=1):
        if not isinstance(item, str) or not item.strip():
            raise _Bad(f"entry {i} is not a file path", f"第 {i} 项不是文件路径")
        if len(item) > 4096 or "\x00" in item:
            raise _Bad(f"entry {i} is not a usable path", f"第 {i} 项不是可用的路径")
        out.append(item.strip())
    return tuple(out)


def _percents(raw: Any) -> tuple[Decimal, ...]:
    return tuple(_in_range(_number(x), _ZERO, _HUNDRED) for x in _list(raw))


def _pair(raw: Any, item: Any) -> tuple[Any, Any]:
    items = _list(raw)
    if len(items) != 2:
        raise _Bad(
            f"expected two values [low, high], got {len(items)}",
            f"应为两个值 [下限, 上限]，实为 {len(items)} 个",
        )
    low, high = item(items[0]), item(items[1])
    if low > high:
        raise _Bad(f"the low value {low} is above the high value {high}", f"下限 {low} 大于上限 {high}")
    return low, high


def _severity_map(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _Bad(
            f'expected a table such as {{ "penalty/no-cap" = "error" }}, got {_kind(raw)}',
            f'应为表（如 {{ "penalty/no-cap" = "error" }}），实为{_kind_zh(raw)}',
        )
    out = {}
    for key, value in raw.items():
        if not isinstance(value, str) or value not in _SEVERITIES:
            shown = repr(value) if isinstance(value, str | int | float) else _kind(value)
            raise _Bad(
                f"{key!r} = {shown}: a severity is one of {', '.join(_SEVERITIES)}",
                f"{key!r} = {shown}：级别只能是 {', '.join(_SEVERITIES)}",
            )
        out[str(key)] = value
    return out


def _date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if not isinstance(raw, dt.date):
        if not isinstance(raw, str):
            raise _Bad(
                f"expected a date such as 2025-05-20, got {_kind(raw)}",
                f"应为日期（如 2025-05-20），实为{_kind_zh(raw)}",
            )
        try:
            raw = dt.date.fromisoformat(raw.strip())
        except ValueError:
            raise _Bad(
                f"{raw!r} is not a real date YYYY-MM-DD", f"{raw!r} 不是真实的日期 YYYY-MM-DD"
            ) from None
    if not 2000 <= raw.year <= 2100:
        raise _Bad("must be between 2000 and 2100", "应在 2000 年到 2100 年之间")
    return raw


def _unset_or(check: Any) -> Any:
    """A check that also lets the value stay unset (None: the setting's default meaning)."""
    return lambda raw: None if raw is None else check(raw)


def _optional_text(raw: Any) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip() or "\x00" in raw:
        raise _Bad(f"expected a path as text, got {_kind(raw)}", f"应为文本形式的路径，实为{_kind_zh(raw)}")
    return raw


def _seller(raw: Any) -> SellerProfile | None:
    """``[seller]``: a table of the schema's party fields (and ``logo``), checked like a deal's seller."""
    from contractkit.deal.seller import SellerProfile, profile_from_mapping

    if raw is None or isinstance(raw, SellerProfile):
        return raw
    try:
        return profile_from_mapping(raw, source="", key="seller")
    except ConfigError as exc:
        raise _Bad(f"{exc.where}: {exc.message}", f"{exc.where}：{exc.zh or exc.message}") from None


def _kind(raw: Any) -> str:
    names = {bool: "true/false", int: "a whole number", float: "a number", str: "text", list: "a list"}
    names |= {dict: "a table", tuple: "a list"}
    return names.get(type(raw), type(raw).__name__)


def _kind_zh(raw: Any) -> str:
    names = {bool: "布尔值", int: "整数", float: "数字", str: "文本", list: "列表", dict: "表", tuple: "列表"}
    return names.get(type(raw), type(raw).__name__)


#: Per setting: the check that turns a raw TOML / dict value into the field's value, or raises _Bad.
_CHECKS: dict[str, Any] = {
    "select": _words,
    "ignore": _words,
    "severity": _severity_map,
    "fail_on": _choice(_SEVERITIES),
    "lang": _choice(_LANGS),
    "lpr_1y": _decimal_in(_ZERO, Decimal(20), low_open=True),
    "lpr_date": _date,
    "rate_cap_multiple": _decimal_in(_ZERO, Decimal(100), low_open=True),
    "rate_warn_annual": _unset_or(_decimal_in(_ZERO, Decimal(365), low_open=True)),
    "deposit_max_percent": _decimal_in(_ZERO, _HUNDRED, low_open=True),
    "penalty_cap_max_percent": _decimal_in(_ZERO, _HUNDRED, low_open=True),
    "objection_period_months": lambda raw: _pair(raw, lambda x: _whole(x, 1, 600)),
    "retention_percent_range": lambda raw: _pair(raw, _decimal_in(_ZERO, _HUNDRED)),
    "vague_words": _words,
    "extra_vague_words": _words,
    "vague_triggers": _words,
    "vat_rates": _percents,
    "obsolete_vat_rates": _percents,
    "discount_max_percent": _decimal_in(_ZERO, _HUNDRED),
    "discount_approvals": _words,
    "price_list": _optional_text,
    "templates": _optional_text,
    "max_input_mb": lambda raw: _whole(raw, 1, 1024),
    "playbook": lambda raw: _paths([raw] if isinstance(raw, str) else raw),
    "seller": _seller,
}


def _coerce(f: dataclasses.Field, raw: Any, source: str) -> Any:
    try:
        return _CHECKS[f.name](raw)
    except _Bad as exc:
        raise ConfigError(
            f"bad value: {exc.en}",
            path=source,
            where=f.name,
            hint=f"fix {f.name} in {source}",
            zh=f"取值无效：{exc.zh}",
            hint_zh=f"请修改 {source} 中的 {f.name}",
        ) from None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``contractkit.toml``, or ``pyproject.toml`` with a ``[tool.contractkit]`` table.

    A pyproject.toml that does not parse is skipped unless it names contractkit (then it is a ConfigError).
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "contractkit.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                text = py.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "contractkit" not in text:
                continue
            tool = _parse(text, py).get("tool", {})
            if isinstance(tool, dict) and "contractkit" in tool:
                return py
    return None


def _parse(text: str, file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"not valid TOML: {exc}",
            path=str(file),
            hint="fix the TOML syntax at that line",
            zh=f"不是有效的 TOML：{exc}",
            hint_zh="请修正该行的 TOML 语法",
        ) from None
    except RecursionError:
        raise ConfigError(
            "TOML nested too deeply", path=str(file), zh="TOML 嵌套过深", hint="settings are one table deep"
        ) from None


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Settings from ``path`` (or the nearest config file) with ``overrides`` (None values ignored) on top."""
    file = Path(path) if path else find_config()
    data: dict[str, Any] = {}
    if file is not None:
        try:
            st = file.stat()
            if not stat.S_ISREG(st.st_mode):
                raise ConfigError(
                    "config path is not a regular file", path=str(file), zh="配置路径不是普通文件"
                )
            if st.st_size > 1024 * 1024:
                raise ConfigError("config file is over 1 MB", path=str(file), zh="配置文件超过 1 MB")
            doc = _parse(file.read_text("utf-8"), file)
        except FileNotFoundError:
            raise ConfigError("config file not found", path=str(file), zh="找不到配置文件") from None
        except UnicodeDecodeError:
            raise ConfigError(
                "config file is not UTF-8", path=str(file), zh="配置文件不是 UTF-8 编码"
            ) from None
        except OSError as exc:
            raise ConfigError(
                f"cannot read the config file: {exc.strerror}",
                path=str(file),
                zh=f"无法读取配置文件：{exc.strerror}",
            ) from None
        if file.name == "pyproject.toml":
            tool = doc.get("tool", {})
            if not isinstance(tool, dict):
                raise _not_a_table(file, "tool")
            data = tool.get("contractkit", {})
            if not isinstance(data, dict):
                raise _not_a_table(file, "tool.contractkit")
        else:
            data = doc
        data = dict(data)
        data = _seller_logo_beside(data, file)
    data.update({k: v for k, v in overrides.items() if v is not None})
    return Settings.resolve(data, source=str(file) if file else "settings")


def _seller_logo_beside(data: dict[str, Any], file: Path) -> dict[str, Any]:
    """``[seller] logo`` is a path relative to the config file's folder."""
    seller = data.get("seller")
    if isinstance(seller, dict) and isinstance(seller.get("logo"), str) and seller["logo"].strip():
        logo = Path(seller["logo"]).expanduser()
        if not logo.is_absolute():
            data["seller"] = {**seller, "logo": str(file.resolve().parent / logo)}
    return data


def _not_a_table(file: Path, key: str) -> ConfigError:
    return ConfigError(
        f"[{key}] must be a table of settings",
        path=str(file),
        where=key,
        hint="write the settings under a [tool.contractkit] header, one key = value a line",
        zh=f"[{key}] 应为配置表",
        hint_zh="请在 [tool.contractkit] 标题下逐行写 键 = 值",
    )
