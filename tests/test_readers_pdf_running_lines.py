"""Running headers and footers of a PDF are dropped, and a sentence cut by a page break reads on."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from contractkit.readers.dispatch import read_document
from contractkit.readers.running_lines import blank_running_lines, is_page_number

CORPUS = Path(__file__).parent / "corpus"


def _text(path: Path) -> str:
    return "\n".join(b.norm for b in read_document(path).blocks)


def test_a_warranty_cut_by_a_page_break_reads_on_without_the_footer_and_header():
    text = _text(CORPUS / "extra33" / "w32_b05_quartz_boats_email_exchange.pdf")
    assert "质量保证期为验收合格之日起 12个月" in text
    assert "第 2 页 / 共 3 页" not in text
    assert text.count("邮件打印件") == 1  # the letterhead stays once, on the first page


def test_a_page_subtotal_beside_its_page_number_is_kept():
    text = _text(CORPUS / "extra44" / "w43_b01_toner_quote_multipage.pdf")
    for subtotal in ("57,753.60", "41,816.84", "12,485.08"):
        assert "本页小计(第 " in text and subtotal in text
    assert "MT-BJ-20261118-07 第 2 页 共 4 页" not in text


def test_a_running_title_glued_to_a_clause_is_cut_off_it():
    text = _text(CORPUS / "extra38" / "w37_b03_vacuum_pump_buyer_purchase.pdf")
    assert any(line.startswith("8.3 如因卖方原因") for line in text.splitlines())
    assert "HY-PA-2026-0211 8.3" not in text


def test_table_rows_are_not_joined_across_a_page_break():
    doc = read_document(CORPUS / "extra44" / "w43_b01_toner_quote_multipage.pdf")
    rows = [b.text for b in doc.blocks if b.text[:3].strip().isdigit()]
    assert any(r.startswith("10 MT-DV-4020") for r in rows)
    assert not any("10 MT-DV-4020" in r and "一、复印机" in r for r in rows)


def test_page_number_lines():
    for line in ("第 2 页 / 共 3 页", "第3頁，共4頁", "- 7 -", "Page 2 of 5", "2/3", "共 4 页 第 1 页", "12"):
        assert is_page_number(line), line
    for line in ("本合同一式两份", "付款期限为30日", "第3条 验收"):
        assert not is_page_number(line), line


def test_a_clause_citing_a_page_at_the_edge_is_kept():
    pages = [
        ["采购合同", "甲方：某公司", "详见附件第 2 页所列技术参数及验收标准，乙方应逐项满足", "第 1 页"],
        ["乙方：某公司", "正文", "签字", "第 2 页"],
    ]
    out = blank_running_lines(pages)
    assert out[0][2] == pages[0][2]
    assert out[0][3] == "" and out[1][3] == ""


def test_a_repeated_header_is_kept_once_and_footers_everywhere_dropped():
    pages = [["XX公司 销售合同 HT-001", "第一条 标的", "正文一", "XX公司 第 1 页"]]
    pages += [["XX公司 销售合同 HT-001", f"正文{n}", f"XX公司 第 {n} 页"] for n in (2, 3)]
    out = blank_running_lines(pages)
    assert out[0][0] == "XX公司 销售合同 HT-001"
    assert out[1][0] == "" and out[2][0] == ""
    assert out[0][3] == out[1][2] == out[2][2] == ""


def test_a_line_repeated_on_few_pages_is_no_header():
    pages = [[f"正文开头{chr(0x4E00 + n)}", "中间", f"正文结尾{chr(0x4E10 + n)}"] for n in range(5)]
    for n in (1, 2):
        pages[n].append("甲方（盖章）：某某公司")  # two of five pages: a signature block, not a footer
    out = blank_running_lines(pages)
    assert out[1][-1] == out[2][-1] == "甲方（盖章）：某某公司"


_LINE = st.text(alphabet="甲乙方合同第页共条款0123456789 /：", min_size=0, max_size=20)


@given(st.lists(st.lists(_LINE, min_size=0, max_size=8), min_size=0, max_size=5))
def test_blanking_keeps_every_page_and_line_count_and_only_blanks(pages):
    out = blank_running_lines(pages)
    assert len(out) == len(pages)
    for before, after in zip(pages, out, strict=True):
        assert len(before) == len(after)
        for a, b in zip(before, after, strict=True):
            assert b in (a, "")


@given(st.lists(_LINE, min_size=0, max_size=10))
def test_a_single_page_is_left_alone(lines):
    assert blank_running_lines([lines]) == [lines]


def test_numbered_clauses_1_1_start_their_own_paragraph_but_decimals_do_not():
    from contractkit.readers.pdf import paragraphs

    wide = "乙方应按本合同附件所列的技术要求、数量和交货计划向甲方供货，并按甲方的书面要求提供"
    lines = [
        "6 检验与验收",
        "6.1 抽检：甲方在抽检期内按附表二抽检，合格的，在送货单上签署；不合格的书面通知乙方。",
        "6.2.1甲方应在到货后五日内完成外观检验。",
        wide,
        "1.5 倍的违约金由乙方承担。",
        wide,
        "2.40 元/千克的运费差价。",
        "报价函",
        "致：某某有限公司",
    ]
    got = [text for _, text in paragraphs(lines)]
    assert got[0] == "6 检验与验收"
    assert got[1].startswith("6.1 抽检")
    assert got[2].startswith("6.2.1甲方")
    assert got[3] == wide + "1.5 倍的违约金由乙方承担。"
    assert got[4] == wide + "2.40 元/千克的运费差价。"
    assert got[5:] == ["报价函", "致：某某有限公司"]


def test_a_label_of_one_character_after_a_wrapped_line_is_the_word_going_on():
    from contractkit.readers.pdf import paragraphs

    first = "4.2 乙方应于每月 5 日前就上月已送达并验收通过的耗材开具增值税专用发票。第二期款项按月结"
    got = [text for _, text in paragraphs([first, "算：每月支付上月验收通过耗材金额的 75%。"])]
    assert got == [first + "算：每月支付上月验收通过耗材金额的 75%。"]


def test_a_line_ending_on_a_comma_or_a_bare_field_name_goes_on():
    from contractkit.readers.pdf import paragraphs

    got = [
        t
        for _, t in paragraphs(
            [
                "乙方（供应商）：某某制冷设备有限公司，统一社会信用代码",
                "91340104357366929H，地址某市某路 41 号",
            ]
        )
    ]
    assert got == [
        "乙方（供应商）：某某制冷设备有限公司，统一社会信用代码91340104357366929H，地址某市某路 41 号"
    ]
    got = [t for _, t in paragraphs(["1 洋槐蜂蜜 500g/瓶，", "玻璃瓶"])]
    assert got == ["1 洋槐蜂蜜 500g/瓶，玻璃瓶"]
    got = [t for _, t in paragraphs(["交货期：30 日", "付款：验收后付清"])]
    assert got == ["交货期：30 日", "付款：验收后付清"]  # a label line still stands alone
