"""Deals for the layout and roundtrip tests: the bundled samples plus generated long deals (45 items, long
specifications, 9-digit line amounts), and their rendering to .docx and PDF."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.json"))
SPEC = (
    "机架式服务器，2路Intel Xeon Gold 6430处理器（32核，2.1 GHz），512 GB DDR5 ECC内存，"
    "8块3.84 TB NVMe固态硬盘（RAID 10），双口25 GbE网卡，冗余1600 W铂金电源，含导轨及三年原厂保修"
)


def long_deal(sample: str, n_items: int = 45) -> dict:
    """``sample`` with ``n_items`` long lines whose amounts have 9 integer digits (totals ≈ 10¹⁰)."""
    deal = json.loads((ROOT / "samples" / sample).read_text(encoding="utf-8"))
    deal.pop("totals", None)
    base = deal["items"][0]
    items = []
    for i in range(n_items):
        item = copy.deepcopy(base)
        item.pop("line_total", None)
        item.pop("discount", None)
        item["name"] = f"{base['name']}第{i + 1}批"
        item["specification"] = f"{SPEC}（批次{i + 1:02d}）"
        item["quantity"] = 100 + i
        item["unit_price"] = str(Decimal("3456789.12") + i)
        if i % 7 == 3:
            item["discount"] = "12345.67"
        items.append(item)
    deal["items"] = items
    deal["number"] = f"{deal['number']}-L"
    return deal


def fields_quote() -> dict:
    """A quote with every optional field the samples leave out: a foreign buyer, USD with an exchange-rate
    rule, approvals, packaging, buyer-side transport, an installment on a fixed date with a condition."""
    deal = json.loads((ROOT / "samples" / "quote-office.json").read_text(encoding="utf-8"))
    export = json.loads((ROOT / "samples" / "contract-export-usd.json").read_text(encoding="utf-8"))
    deal["number"] = "BJ-2026-0313"
    deal.pop("totals", None)
    deal["buyer"] = export["buyer"]
    deal["price"] = export["price"]
    deal["approvals"] = [
        {"role": "sales_manager", "name": "李强", "date": "2026-03-01"},
        {"role": "sales_director", "name": "王芳", "date": "2026-03-02"},
    ]
    deal["delivery"].update(
        {"carrier": "buyer", "cost_bearer": "buyer", "packaging": "原厂纸箱包装，外加木托盘及防潮膜"}
    )
    deal["payment"]["installments"][1] = {
        "name": "尾款",
        "percent": "70",
        "trigger": {"event": "fixed_date", "date": "2026-03-31"},
        "condition": "卖方已交付全部货物",
    }
    for item in deal["items"]:
        item.pop("line_total", None)
    return deal


def all_deals() -> dict[str, dict]:
    """Every sample, one long deal per kind and a quote with every optional field, by a short name."""
    deals = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in SAMPLES}
    deals["long-quote"] = long_deal("quote-office.json")
    deals["long-contract"] = long_deal("contract-equipment.json")
    deals["fields-quote"] = fields_quote()
    return deals


def render_all(outdir: Path, to_pdf, templates_dir: Path | None = None) -> dict[str, tuple[dict, Path, Path]]:
    """Render every deal to .docx (the product's renderer) and PDF (``to_pdf(docx, outdir)``); the bundled
    templates unless ``templates_dir`` (``CONTRACTKIT_LAYOUT_TEMPLATES`` in the tests, to see them fail)."""
    import os

    import contractkit

    templates_dir = templates_dir or os.environ.get("CONTRACTKIT_LAYOUT_TEMPLATES") or None

    out = {}
    for name, deal in all_deals().items():
        assert contractkit.validate(deal) == [], name
        docx = outdir / f"{name}.docx"
        contractkit.render_deal(deal, docx, templates_dir=templates_dir)
        out[name] = (deal, docx, to_pdf(docx, outdir))
    return out
