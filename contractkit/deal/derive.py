"""Derived amounts of a deal: line amounts, subtotal, quote discounts, VAT, total and installment amounts.
All ``Decimal``, cents rounded ROUND_HALF_UP. The renderer depends on exactly this API."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from contractkit.money import quantize_cents, to_decimal

_ZERO = Decimal("0.00")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class LineAmounts:
    """One line: ``net = quantity × unit price − discount``."""

    gross: Decimal
    discount: Decimal
    net: Decimal


@dataclass(frozen=True)
class Totals:
    """Every amount a quote or contract shows."""

    lines: tuple[LineAmounts, ...]
    subtotal: Decimal  # sum of line nets
    discount: Decimal  # quote-level discounts (percent of subtotal, summed), 0 for contracts
    total: Decimal  # amount payable, tax included
    untaxed: Decimal  # total without VAT
    tax: Decimal  # VAT
    installments: tuple[Decimal, ...]  # each installment's amount; the last takes the rounding rest
    deposit: Decimal | None


def line_amounts(item: dict) -> LineAmounts:
    """Gross, discount and net of one line item."""
    gross = quantize_cents(to_decimal(item["quantity"]) * to_decimal(item["unit_price"]))
    discount = quantize_cents(to_decimal(item.get("discount", 0)))
    return LineAmounts(gross=gross, discount=discount, net=gross - discount)


def installment_amounts(installments: list[dict], total: Decimal) -> tuple[Decimal, ...]:
    """Each installment's amount: a fixed amount as is, a percent of ``total``; when all are percents summing
    to 100, the last one takes the rounding rest so they add up to ``total`` exactly."""
    amounts = [
        quantize_cents(to_decimal(i["amount"]))
        if "amount" in i
        else quantize_cents(total * to_decimal(i.get("percent", 0)) / _HUNDRED)
        for i in installments
    ]
    all_percent = installments and all("amount" not in i for i in installments)
    if all_percent and sum(to_decimal(i.get("percent", 0)) for i in installments) == _HUNDRED:
        amounts[-1] = total - sum(amounts[:-1], _ZERO)
    return tuple(amounts)


def compute(deal: dict) -> Totals:
    """All derived amounts of a (schema-valid) deal."""
    lines = tuple(line_amounts(item) for item in deal.get("items", []))
    subtotal = sum((line.net for line in lines), _ZERO)
    discount = sum(
        (quantize_cents(subtotal * to_decimal(d["percent"]) / _HUNDRED) for d in deal.get("discounts", [])),
        _ZERO,
    )
    price = deal.get("price", {})
    rate = to_decimal(price.get("vat_rate", 0)) / _HUNDRED
    if price.get("tax_included", True):
        total = subtotal - discount
        untaxed = quantize_cents(total / (1 + rate))
        tax = total - untaxed
    else:
        untaxed = subtotal - discount
        tax = quantize_cents(untaxed * rate)
        total = untaxed + tax
    installments = installment_amounts(deal.get("payment", {}).get("installments", []), total)
    deposit_spec = deal.get("penalties", {}).get("deposit")
    deposit = quantize_cents(to_decimal(deposit_spec["amount"])) if deposit_spec else None
    return Totals(
        lines=lines,
        subtotal=subtotal,
        discount=discount,
        total=total,
        untaxed=untaxed,
        tax=tax,
        installments=installments,
        deposit=deposit,
    )
