"""Quote → contract deal: parties, items, price, discounts, delivery and payment carried over; what only a
contract has (number, signing, term, dispute) from the caller or marked as defaults for the rep to check."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

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
    """The contract deal of ``quote`` and the JSON pointers filled with defaults (for the rep to review)."""
    if quote.get("kind") != "quote":
        raise ValueError("not a quote: kind must be 'quote' / 不是报价单：kind 应为 quote")
    defaults: list[str] = []
    signed = signing_date or dt.date.today()
    if signing_date is None:
        defaults.append("/signing/date")
    deal: dict[str, Any] = {"kind": "contract", "number": number or f"{quote['number']}-HT"}
    if number is None:
        defaults.append("/number")
    title = contract_title(quote.get("title"))
    if title:
        deal["title"] = title
    for key in CARRIED:
        if key in quote:
            deal[key] = copy.deepcopy(quote[key])
    for item in deal.get("items", []):
        item.pop("line_total", None)  # recomputed; a quote's stated figures are checked on the quote
    deal["signing"] = {"date": signed.isoformat()}
    if signing_place:
        deal["signing"]["place"] = signing_place
    end = term_end or signed.replace(year=signed.year + 1) - dt.timedelta(days=1)
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
