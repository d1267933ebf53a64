"""``contractkit contract-from-quote QUOTE -o CONTRACT``: a contract deal from a quote, validated."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from contractkit.cli.options import config_option, lang_option
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
@lang_option
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
    lang: str,
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
    from contractkit.deal.load import load_deal
    from contractkit.deal.seller import merge_seller, resolve_profile
    from contractkit.errors import ContractkitError, UsageError
    from contractkit.fileio import atomic_write

    if number is not None and not number.strip():
        raise UsageError(
            "--number is empty",
            hint="give the contract number, or leave --number out for the quote number + -HT",
            zh="--number 为空",
            hint_zh="请给出合同编号，或不加 --number（使用报价单编号加 -HT）",
        )
    if _same_file(quote, output):
        raise UsageError(
            "the contract would overwrite the quote",
            path=output,
            hint="give -o another file name, e.g. contract.json",
            zh="合同会覆盖报价单本身",
            hint_zh="请给 -o 另一个文件名，例如 contract.json",
        )
    if court and commission:
        raise UsageError(
            "--court and --arbitration exclude each other (或裁或审 voids the clause)",
            zh="--court 与 --arbitration 只能选一个（或裁或审会使争议解决条款无效）",
        )
    # as every deal is read: amounts as Decimal, a size bound, a duplicated key or NaN refused, the place
    # of a syntax error in both languages
    data = load_deal(quote)
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
    except UsageError as exc:  # not a quote: the file first (its message names the kind)
        raise UsageError(
            f"{quote}: {exc.message}",
            hint=exc.hint,
            zh=f"{quote}：{exc.zh}" if exc.zh else None,
            hint_zh=exc.hint_zh,
        ) from None
    except ContractkitError as exc:  # the quote lacks what the contract needs (no number): exit 1
        exc.path = exc.path or quote
        raise
    profile = resolve_profile(seller_path, load_settings(config_path) if seller_path is None else None)
    problems = contractkit.validate(merge_seller(deal, profile))
    for p in problems:
        click.echo(f"{output}: {p.text(lang)}", err=True)
    if problems:
        click.get_current_context().exit(1)  # exit 1 through main() and CliRunner alike
    atomic_write(output, (dump_deal(deal) + "\n").encode("utf-8"))  # never half-written; WriteFailed
    click.echo(f"wrote {output}")
    for pointer in defaults:
        click.echo(f"  to review (default filled in): {pointer} = {_at(deal, pointer)}", err=True)


def _same_file(a: str, b: str) -> bool:
    """True when ``b`` names the file ``a`` (the same path, or a link to it)."""
    try:
        return Path(a).resolve() == Path(b).resolve() or Path(a).samefile(b)
    except OSError:
        return False


def dump_deal(deal: dict) -> str:
    """``deal`` as indented JSON, each Decimal written as the number it is (``8999.00`` stays ``8999.00``,
    never a float's ``8999.0`` or a string)."""
    import re
    import secrets
    from decimal import Decimal

    mark = f"decimal-{secrets.token_hex(8)}:"

    def number(value: object) -> str:
        if isinstance(value, Decimal):
            return f"{mark}{value}"
        raise TypeError(f"{type(value).__name__} is not JSON")

    text = json.dumps(deal, ensure_ascii=False, indent=2, default=number)
    return re.sub(f'"{re.escape(mark)}([^"]*)"', r"\1", text)


def _at(deal: dict, pointer: str) -> object:
    node: object = deal
    for part in pointer.strip("/").split("/"):
        node = node[part]  # type: ignore[index]
    return node
