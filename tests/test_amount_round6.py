"""Amount facts and rules, accuracy round 6: an invoice's recipient before its rate, scanned rows garbled."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractkit.config import Settings
from contractkit.contract.amount import vat_rates
from contractkit.lint import lint_document, lint_text
from contractkit.readers.model import Block, Document, Location
from contractkit.readers.normalize import normalize


@pytest.mark.parametrize(
    ("text", "rates"),
    [
        ("含税价，甲方按3%给乙方开增值税普通发票（个体户小规模）。", ["3"]),
        ("货款含税，卖方按13%向买方开具增值税专用发票。", ["13"]),
        ("价格含税，我司按1%为贵司开具增值税普通发票。", ["1"]),
        ("这个价钱是含税的，王记是小规模纳税人，按1%给开增值税普通发票。", ["1"]),
        ("价格含税，乙方按合同总价给甲方开具增值税专用发票。", []),
    ],
)
def test_the_rate_of_an_invoice_named_with_its_recipient_is_read(text: str, rates: list[str]) -> None:
    assert [v for v, _ in vat_rates(normalize(text))] == [Decimal(r) for r in rates]


def test_a_small_scale_rate_with_the_recipient_is_no_missing_rate() -> None:
    rule = Settings(select=("amount/vat-rate-missing",))
    head = "二手设备转让合同\n一、价钱\n四样一共100000元（人民币壹拾万元整），含税价，"
    assert lint_text(head + "甲方按3%给乙方开增值税普通发票（个体户小规模）。\n", rule) == []
    found = lint_text(head + "甲方给乙方开增值税普通发票。\n", rule)
    assert [f.rule for f in found] == ["amount/vat-rate-missing"]


def _scanned(lines: list[str], ocr: bool = True) -> Document:
    blocks = [
        Block(text=t, norm=normalize(t), location=Location(i, page=1, line=i + 1), kind="line")
        for i, t in enumerate(lines)
    ]
    return Document(path="scan.pdf", kind="pdf", blocks=blocks, meta={"pages": 1, "ocr": [1] if ocr else []})


_ROWS = [
    "苹果购销合同",
    "第一条货物:卖方向买方供应苹果,规格、数量和价格如下:",
    "品名 规格 数量 单价(元/ 千克) 金额(元)",
    "红富士苹果(一级) 果径 80mm 以上 24,000 千克 7 7.60了 182,400.00",
    "红富士苹果(二级) 果径 75-80mm 16,000 千克 6.20 99,200.00",
    "合计 281,600.00",
    "第二条价款:合同总价 281,600.00 元,价格含 9% 增值税。",
]


def test_a_scanned_row_whose_figures_ocr_garbled_leaves_the_table_unsummed() -> None:
    rule = Settings(select=("amount/table-total-mismatch",))
    found = lint_document(_scanned(_ROWS), rule)
    assert [f.rule for f in found if f.rule.startswith("amount/")] == []
    # a total that is wrong against rows that are all read is still reported on a scan
    rows = [*_ROWS[:3], "红富士苹果(一级) 果径 80mm 以上 24,000 千克 7.60 182,400.00", *_ROWS[4:]]
    rows[5] = "合计 291,600.00"
    found = lint_document(_scanned(rows), rule)
    assert [f.rule for f in found if f.rule.startswith("amount/")] == ["amount/table-total-mismatch"]
