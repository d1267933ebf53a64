"""``contractkit contract-from-quote QUOTE -o CONTRACT``: a contract deal from a quote, validated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from contractkit.cli.options import config_option
from contractkit.cli.render import seller_option


@click.command("contract-from-quote")
@click.argument("quote", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Contract deal JSON.")
@click.option("--number", help="Contract number (default: the quote number + -HT).")
@click.option("--signing-date", type=click.DateTime(["%Y-%m-%d"]), help="Signing date (default: today).")
@click.option("--signing-place", help="Signing place.")
@click.option("--term-end", type=click.DateTime(["%Y-%m-%d"]), help="End of the term (default: one year).")
@click.option("--court", help="Agreed court (default: the seller's local court).")
@click.option("--arbitration", "commission", help="Arbitration commission instead of a court.")
@seller_option
@config_option
def contract_from_quote(
    quote: str,
    output: str,
    number: str | None,
    signing_date: dt.datetime | None,
    signing_place: str | None,
    term_end: dt.datetime | None,
    court: str | None,
    commission: str | None,
    seller_path: str | None,
    config_path: str | None,
) -> None:
    """Carry a quote's parties, items, discounts, delivery and payment into a contract deal.

    \b
    Examples:
      contractkit contract-from-quote samples/quote-office.json -o contract.json
      contractkit contract-from-quote q.json -o c.json --number XS-2026-0200 --arbitration 上海仲裁委员会

    The contract keeps the quote's own seller fields; the company profile (--seller or [seller]) is merged
    under them when the contract is validated and rendered, as for the quote.
    """
    import contractkit
    from contractkit.config import load_settings
    from contractkit.deal.from_quote import contract_from_quote as convert
    from contractkit.deal.seller import merge_seller, resolve_profile

    if court and commission:
        raise click.UsageError("--court and --arbitration exclude each other (或裁或审 voids the clause)")
    data = json.loads(Path(quote).read_text(encoding="utf-8"))
    try:
        deal, defaults = convert(
            data,
            number=number,
            signing_date=signing_date.date() if signing_date else None,
            signing_place=signing_place,
            term_end=term_end.date() if term_end else None,
            court=court,
            commission=commission,
        )
    except ValueError as exc:
        raise click.UsageError(f"{quote}: {exc}") from exc
    profile = resolve_profile(seller_path, load_settings(config_path) if seller_path is None else None)
    problems = contractkit.validate(merge_seller(deal, profile))
    for p in problems:
        click.echo(f"{output}: {p.pointer}: {p.message}", err=True)
    if problems:
        raise SystemExit(1)
    Path(output).write_text(json.dumps(deal, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    click.echo(f"wrote {output}")
    for pointer in defaults:
        click.echo(f"  to review (default filled in): {pointer} = {_at(deal, pointer)}", err=True)


def _at(deal: dict, pointer: str) -> object:
    node: object = deal
    for part in pointer.strip("/").split("/"):
        node = node[part]  # type: ignore[index]
    return node
