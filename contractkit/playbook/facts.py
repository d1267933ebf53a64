"""Named facts a playbook can test (``limit`` and ``equals``), read from the contract facts model.

Each fact yields :class:`Value` s — a number (Decimal) or a text, where it was read, and whose obligation it
is (``buyer`` / ``seller`` / None) so a playbook can say "a penalty *we* pay is capped at 10 %". Units are
fixed per fact: days, months, percent, percent a year.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from contractkit.contract.model import Contract, Where

#: Days a deadline unit stands for (a 工作日 counted as 7/5 of a day, a month as 30 days).
_DAYS = {
    "day": Decimal(1),
    "days": Decimal(1),
    "日": Decimal(1),
    "天": Decimal(1),
    "workday": Decimal("1.4"),
    "working_day": Decimal("1.4"),
    "工作日": Decimal("1.4"),
    "hour": Decimal(1) / 24,
    "小时": Decimal(1) / 24,
    "week": Decimal(7),
    "周": Decimal(7),
    "month": Decimal(30),
    "月": Decimal(30),
    "year": Decimal(365),
    "年": Decimal(365),
}


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a fact: a number or a text, where it stands, and whose obligation it is."""

    value: Decimal | str
    where: Where | None
    party: str | None = None


@dataclass(frozen=True, slots=True)
class FactSpec:
    """A fact a playbook may name: its unit, what it means, and how to read it."""

    name: str
    unit: str
    about: str
    read: Callable[[Contract], Iterator[Value]]


def _days(value: Any, unit: Any) -> Decimal | None:
    if value is None:
        return None
    factor = _DAYS.get(str(unit).lower() if unit is not None else "day")
    return Decimal(value) * factor if factor is not None else None


def _payment_days(c: Contract) -> Iterator[Value]:
    for inst in getattr(c.payment, "installments", ()):
        due = getattr(inst, "deadline", None)
        if due is not None and getattr(due, "value", None) is not None:
            days = _days(due.value, getattr(due, "unit", "day"))
            if days is not None:
                yield Value(days, due.where, "buyer")


def _payment_days_after(kinds: tuple[str, ...]) -> Callable[[Contract], Iterator[Value]]:
    def read(c: Contract) -> Iterator[Value]:
        for inst in getattr(c.payment, "installments", ()):
            trig, due = getattr(inst, "trigger", None), getattr(inst, "deadline", None)
            if trig is None or due is None or str(getattr(trig, "kind", "")) not in kinds:
                continue
            days = _days(due.value, getattr(due, "unit", "day")) if due.value is not None else None
            if days is not None:
                yield Value(days, due.where, "buyer")

    return read


def _prepayment(c: Contract) -> Iterator[Value]:
    """The share paid before delivery: the installments whose trigger is signing / effectiveness."""
    for inst in getattr(c.payment, "installments", ()):
        trig = getattr(inst, "trigger", None)
        kind = str(getattr(trig, "kind", "")) if trig is not None else ""
        if inst.share is not None and kind in ("contract_signed", "contract_effective"):
            yield Value(Decimal(inst.share), inst.where, "buyer")


def _penalty_rate(c: Contract) -> Iterator[Value]:
    for p in c.penalty.penalties:
        if p.annual_pct is not None:
            yield Value(Decimal(p.highest_pct or p.annual_pct), p.where, _party(p.payer))


def _penalty_cap(c: Contract) -> Iterator[Value]:
    for p in c.penalty.penalties:
        if p.cap is not None and p.cap.percent is not None:
            yield Value(Decimal(p.cap.percent), p.cap.where, _party(p.payer))


def _lump_sum(c: Contract) -> Iterator[Value]:
    for p in c.penalty.penalties:
        if p.kind == "lump_sum" and p.share_pct is not None:
            yield Value(Decimal(p.share_pct), p.where, _party(p.payer))


def _deposit(c: Contract) -> Iterator[Value]:
    for d in c.penalty.deposits:
        if d.share_pct is not None:
            yield Value(Decimal(d.share_pct), d.where, "buyer")


def _window_days(c: Contract) -> Iterator[Value]:
    for w in c.acceptance.windows:
        if w.length is not None and w.kind == "inspection":
            days = _days(w.length.value, w.length.unit)
            if days is not None:
                yield Value(days, w.where, "buyer")


def _months(kinds: tuple[str, ...]) -> Callable[[Contract], Iterator[Value]]:
    def read(c: Contract) -> Iterator[Value]:
        for p in c.acceptance.periods:
            if p.kind in kinds and not p.appearance:
                yield Value(Decimal(p.months), p.where, "seller")

    return read


def _forum(c: Contract) -> Iterator[Value]:
    """The arbitration commissions (by name) and the courts (by place, e.g. 甲方所在地人民法院) chosen."""
    facts = c.dispute
    for commission in facts.commissions:
        yield Value(commission.name, commission.where)
    for court in facts.courts:
        yield Value(court.where.text(c.doc) or court.place, court.where)


def _trade_terms(c: Contract) -> Iterator[Value]:
    for t in c.delivery.terms:
        yield Value(t.code, t.where)


def _currency(c: Contract) -> Iterator[Value]:
    total = getattr(c.payment, "total", None)
    currency = getattr(total, "currency", None) if total is not None else None
    if currency:
        yield Value(str(currency), getattr(total, "where", None))


def _party(payer: str | None) -> str | None:
    return payer if payer in ("buyer", "seller") else None


FACTS: dict[str, FactSpec] = {
    f.name: f
    for f in (
        FactSpec(
            "payment.days_after_trigger",
            "days",
            "days from a payment's trigger to its deadline",
            _payment_days,
        ),
        FactSpec(
            "payment.days_after_acceptance",
            "days",
            "days from acceptance to a payment's deadline",
            _payment_days_after(("acceptance",)),
        ),
        FactSpec(
            "payment.days_after_delivery",
            "days",
            "days from delivery or arrival to a payment's deadline",
            _payment_days_after(("delivery", "arrival")),
        ),
        FactSpec(
            "payment.prepayment_pct",
            "percent",
            "share of the price paid on signing or before delivery",
            _prepayment,
        ),
        FactSpec(
            "penalty.annual_rate_pct", "percent a year", "a penalty's rate once annualized", _penalty_rate
        ),
        FactSpec("penalty.cap_pct", "percent", "a penalty's cap as a share of its base", _penalty_cap),
        FactSpec("penalty.lump_sum_pct", "percent", "a lump-sum penalty as a share of the price", _lump_sum),
        FactSpec("deposit.share_pct", "percent", "定金 as a share of the contract price", _deposit),
        FactSpec(
            "acceptance.window_days", "days", "length of the inspection / acceptance window", _window_days
        ),
        FactSpec(
            "acceptance.objection_months",
            "months",
            "quality-objection period",
            _months(("objection", "latent")),
        ),
        FactSpec("warranty.months", "months", "warranty (质保期) length", _months(("warranty",))),
        FactSpec("dispute.forum", "text", "the arbitration commission or court chosen", _forum),
        FactSpec("delivery.trade_term", "text", "the Incoterm used (FCA, CIF …)", _trade_terms),
        FactSpec("payment.currency", "text", "the contract currency", _currency),
    )
}
