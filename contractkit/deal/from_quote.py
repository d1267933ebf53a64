"""Quote → contract deal: parties, items, price, discounts, delivery and payment carried over; what only a
contract has (number, signing, term, dispute) from the caller or marked as defaults for the rep to check."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from contractkit.errors import DealInvalid, UsageError

#: quote fields a contract takes as they are
CARRIED = ("customer_number", "seller", "buyer", "items", "price", "discounts", "payment", "delivery")
#: quote-only fields, not carried: the quote's own dates, its notes and its internal discount approvals
DROPPED = ("date", "valid_until", "notes", "approvals", "totals", "title")
DEFAULT_COURT = "乙方住所地有管辖权的人民法院"


def contract_title(quote_title: str | None) -> str | None:
    """``办公IT设备报价单`` → ``办公IT设备买卖合同``; None keeps the template's default title."""
    if quote_title and quote_title.endswith("报价单"):
        return quote_title[: -len("报价单")] + "买卖合同"
    return None


def one_year_from(start: dt.date) -> dt.date:
    """The last day of a one-year term from ``start`` (both days counted): 2026-03-10 → 2027-03-09; from
    29 February the next year has no such day, so the term runs to its end of February (2029-02-28)."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = dt.date(start.year + 1, 3, 1)
    return anniversary - dt.timedelta(days=1)


def contract_from_quote(
    quote: dict[str, Any],
    *,
    number: str | None = None,
    signing_date: dt.date | None = None,
    signing_place: str | None = None,
    term_end: dt.date | None = None,
    court: str | None = None,
    commission: str | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """The contract deal of ``quote`` and the JSON pointers filled with defaults (for the rep to review).

    Raises UsageError (exit 2) when ``quote`` is not a quote, and DealInvalid (exit 1) when the contract
    number is to come from the quote and the quote has none. Anything else carried over as it is (items
    without a price, a party without a name) is for the contract's validation to report."""
    kind = quote.get("kind") if isinstance(quote, dict) else None
    if kind != "quote":
        shown = "no kind" if kind is None else f"its kind is {kind!r}"
        raise UsageError(
            f"not a quote: kind must be 'quote' ({shown})",
            where="/kind",
            hint="give a quote file; a contract needs no conversion",
            zh="不是报价单：kind 应为 quote" + ("（未填写 kind）" if kind is None else f"（现为 {kind!r}）"),
            hint_zh="请给出报价单文件；合同无需转换",
        )
    defaults: list[str] = []
    signed = signing_date or dt.date.today()
    if signing_date is None:
        defaults.append("/signing/date")
    if number is None:
        number = f"{_quote_number(quote)}-HT"
        defaults.append("/number")
    deal: dict[str, Any] = {"kind": "contract", "number": number}
    title = contract_title(quote.get("title") if isinstance(quote.get("title"), str) else None)
    if title:
        deal["title"] = title
    for key in CARRIED:
        if key in quote:
            deal[key] = copy.deepcopy(quote[key])
    items = deal.get("items")
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict):  # a malformed row is the contract validation's to report
            item.pop("line_total", None)  # recomputed; a quote's stated figures are checked on the quote
    deal["signing"] = {"date": signed.isoformat()}
    if signing_place:
        deal["signing"]["place"] = signing_place
    end = term_end or one_year_from(signed)
    if term_end is None:
        defaults.append("/term/end")
    deal["term"] = {"start": signed.isoformat(), "end": end.isoformat(), "effective": "signed_and_sealed"}
    if commission:
        deal["dispute"] = {"method": "arbitration", "commission": commission}
    else:
        deal["dispute"] = {"method": "court", "court": court or DEFAULT_COURT}
        if not court:
            defaults.append("/dispute/court")
    return deal, defaults


def _quote_number(quote: dict[str, Any]) -> str:
    """The quote's number, the base of the contract's; DealInvalid at ``/number`` when there is none."""
    from contractkit.deal.validate import Problem

    value = quote.get("number")
    if isinstance(value, str) and value.strip():
        return value.strip()
    fix_zh, fix_en = "请在报价单中填写编号（number），或用 --number 给出合同编号", "add one to the quote"
    fix_en += " (number) or give the contract's with --number"
    if value is None or isinstance(value, str):
        zh, en = "报价单没有编号", "the quote has no number"
    else:
        shown = repr(value) if len(repr(value)) <= 40 else f"{repr(value)[:37]}..."
        zh, en = f"报价单编号应为文字，现为 {shown}", f"the quote number must be text, not {shown}"
        fix_zh = '请把编号写成带引号的文字（如 "BJ-2026-0001"）'
        fix_en = 'write it in quotes ("BJ-2026-0001")'
    raise DealInvalid(
        [
            Problem(
                "/number",
                f"{zh}：{fix_zh}",
                f"{en}: {fix_en}",
                "编号",
            )
        ]
    )
