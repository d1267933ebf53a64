"""The company price list (价目表) the `quote` rules compare unit prices with.

Two formats, chosen by suffix:

* JSON — either ``{"items": [{"sku": …, "name": …, "model": …, "unit_price": "8999.00"}, …]}`` (a bare list
  of such objects is accepted too) or a flat mapping ``{"SKU-or-name": "8999.00"}``;
* CSV (UTF-8, BOM allowed) — a header row with ``unit_price`` (or 单价) and ``sku`` and/or ``name`` (名称) /
  ``model`` (型号).

Each entry is indexed under its SKU and under ``name|model`` (and ``name`` alone when it has no model), so a
deal item or a table row finds it by either. Prices are ``Decimal``; a bad file raises :class:`PriceListError`
with the file, the entry (JSON pointer or CSV line) and a hint.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from contractkit.errors import ConfigError
from contractkit.fileio import DEFAULT_MAX_BYTES, read_bounded

__all__ = ["PriceListError", "load_price_list", "lookup", "price_key"]

_HINT = (
    'use JSON {"items": [{"sku": "NB-T14", "name": "笔记本电脑", "model": "ThinkPad T14", '
    '"unit_price": "8999.00"}]} or a CSV with columns sku,name,model,unit_price'
)
_HINT_ZH = (
    '请用 JSON {"items": [{"sku": "NB-T14", "name": "笔记本电脑", "model": "ThinkPad T14", '
    '"unit_price": "8999.00"}]}，或带 sku,name,model,unit_price 列的 CSV'
)
_PRICE_COLS = ("unit_price", "price", "单价", "价格", "list_price", "目录价")
_SKU_COLS = ("sku", "code", "编码", "物料编码", "货号")
_NAME_COLS = ("name", "名称", "产品名称", "品名")
_MODEL_COLS = ("model", "型号", "规格型号")


class PriceListError(ConfigError):
    """A price list that cannot be read: missing, not JSON/CSV, or an entry without a valid price."""


def price_key(name: str | None, model: str | None = None) -> str:
    """The lookup key of a product: name and model, case- and space-insensitive.

    ``price_key("笔记本电脑", "ThinkPad T14")`` is ``"笔记本电脑|thinkpadt14"``."""

    def fold(s: str | None) -> str:
        return re.sub(r"[\s\u3000]+", "", (s or "")).casefold()

    return f"{fold(name)}|{fold(model)}" if model else fold(name)


def lookup(prices: dict[str, Decimal], *, sku: str | None = None, name: str | None = None,
           model: str | None = None) -> Decimal | None:  # fmt: skip
    """The list price of a product by SKU, else name+model, else name alone; None when not listed."""
    for key in (sku and price_key(sku), name and model and price_key(name, model), name and price_key(name)):
        if key and key in prices:
            return prices[key]
    return None


def _price(raw: Any, path: str, where: str) -> Decimal:
    if isinstance(raw, (float, bool)) or raw is None:
        raise _error(f"unit price {raw!r} is not a number", f"单价 {raw!r} 不是数字", path, where)
    try:
        value = Decimal(str(raw).replace(",", "").replace("¥", "").replace("￥", "").strip())
    except InvalidOperation:
        raise _error(f"unit price {raw!r} is not a number", f"单价 {raw!r} 不是数字", path, where) from None
    if not value.is_finite() or value < 0:
        raise _error(f"unit price {raw!r} must be ≥ 0", f"单价 {raw!r} 须 ≥ 0", path, where)
    return value


def _error(message: str, zh: str, path: str, where: str | None = None) -> PriceListError:
    """A bad price list, with the format hint in both languages (a CSV ``line N`` is 第 N 行 in Chinese)."""
    line = re.fullmatch(r"line (\d+)", where or "")
    return PriceListError(
        message,
        path=path,
        where=where,
        hint=_HINT,
        zh=zh,
        hint_zh=_HINT_ZH,
        where_zh=f"第 {line.group(1)} 行" if line else None,
    )


def _add(out: dict[str, Decimal], entry: dict[str, Any], path: str, where: str) -> None:
    def first(cols: tuple[str, ...]) -> Any:
        for c in cols:
            v = entry.get(c)
            if v not in (None, ""):
                return v
        return None

    raw = first(_PRICE_COLS)
    if raw is None:
        raise _error("entry has no unit_price", "该条目没有 unit_price（单价）", path, where)
    price = _price(raw, path, where)
    sku, name, model = first(_SKU_COLS), first(_NAME_COLS), first(_MODEL_COLS)
    if not sku and not name:
        raise _error("entry has neither sku nor name", "该条目既无 sku（编码）也无 name（名称）", path, where)
    if sku:
        out[price_key(str(sku))] = price
    if name:
        out[price_key(str(name), str(model) if model else None)] = price
        if not model:
            out.setdefault(price_key(str(name)), price)


def _from_json(text: str, path: str) -> dict[str, Decimal]:
    try:
        data = json.loads(text, parse_float=str, parse_int=str)
    except json.JSONDecodeError as exc:
        raise PriceListError(
            f"not valid JSON: {exc.msg}",
            path=path,
            where=f"line {exc.lineno} column {exc.colno}",
            where_zh=f"第 {exc.lineno} 行第 {exc.colno} 列",
            hint=_HINT,
            zh=f"不是有效的 JSON：{exc.msg}",
            hint_zh=_HINT_ZH,
        ) from None
    out: dict[str, Decimal] = {}
    items = data.get("items") if isinstance(data, dict) and "items" in data else data
    if isinstance(items, list):
        for i, entry in enumerate(items):
            where = f"/items/{i}" if isinstance(data, dict) else f"/{i}"
            if not isinstance(entry, dict):
                raise _error("entry is not an object", "该条目不是对象", path, where)
            _add(out, entry, path, where)
    elif isinstance(items, dict):
        for key, raw in items.items():
            out[price_key(str(key))] = _price(raw, path, "/" + str(key).replace("~", "~0").replace("/", "~1"))
    else:
        raise _error("expected an object or a list of products", "应为对象或产品列表", path)
    return out


def _from_csv(text: str, path: str) -> dict[str, Decimal]:
    reader = csv.DictReader(io.StringIO(text))
    cols = [c.strip().lower() for c in (reader.fieldnames or [])]
    if not any(c in _PRICE_COLS for c in cols) or not any(c in (*_SKU_COLS, *_NAME_COLS) for c in cols):
        raise _error(
            "CSV header needs unit_price and sku or name columns",
            "CSV 表头须有 unit_price（单价）列，以及 sku（编码）或 name（名称）列",
            path,
            "line 1",
        )
    out: dict[str, Decimal] = {}
    for row in reader:
        entry = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        if not any(entry.values()):
            continue
        _add(out, entry, path, f"line {reader.line_num}")
    return out


def load_price_list(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Decimal]:
    """Read a JSON or CSV price list into ``{key: unit price}`` (keys from :func:`price_key`)."""
    name = str(path)
    data = read_bounded(path, max_bytes)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PriceListError(
            "not UTF-8 text",
            path=name,
            hint="save the price list as UTF-8",
            zh="不是 UTF-8 文本",
            hint_zh="请把价格表另存为 UTF-8 编码",
        ) from None
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        prices = _from_csv(text, name)
    elif suffix == ".json" or text.lstrip().startswith(("{", "[")):
        prices = _from_json(text, name)
    else:
        raise _error("unknown price list format", "未知的价格表格式", name)
    if not prices:
        raise _error("price list is empty", "价格表为空", name)
    return prices
