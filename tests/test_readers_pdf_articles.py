"""read_pdf on a LibreOffice PDF: an article whose first line runs to the right margin (第六条 违约：…总额不 /
超过合同总价的5%。) is one paragraph, not a heading cut from its tail; a short heading still stands alone."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import soffice_to_pdf

from contractkit.readers.pdf import read_pdf

#: Articles long enough to wrap on an A4 page at LibreOffice's default font, in simplified and traditional
#: script, with and without a title before the colon.
ARTICLES = [
    "第六条 违约：乙方迟延交货，每日按迟交部分货款的万分之二点五计付违约金，总额不超过合同总价的5%。",
    "第七条 付款：买方应于货物验收合格并收到卖方开具的增值税专用发票之日起三十日内付清全部货款。",
    "第十二条 本合同经双方授权代表签字并加盖公章或合同专用章后生效，有效期至二〇二八年十二月三十一日止。",
    "第9條 違約責任：買方逾期付款的，每逾期一日按逾期金額的萬分之三向賣方支付違約金，"
    "累計不超過合同總額的百分之十。",
]


@pytest.fixture(scope="module")
def articles_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("articles")
    d = docx.Document()
    d.add_paragraph("第五条 验收")
    d.add_paragraph("买方应于到货后七日内验收。")
    for article in ARTICLES:
        d.add_paragraph(article)
    d.add_paragraph("第八条 其他")
    d.add_paragraph("未尽事宜由双方协商解决。")
    d.add_page_break()  # a page of short lines only: its heading is the page's widest line
    d.add_paragraph("第十三条 附则")
    d.add_paragraph("甲方")
    d.add_paragraph("乙方")
    src = work / "articles.docx"
    d.save(src)
    return soffice_to_pdf(src, work)


def _squash(text: str) -> str:
    return "".join(text.split())


def test_an_article_line_that_ran_to_the_margin_keeps_its_tail(articles_pdf: Path) -> None:
    doc = read_pdf(articles_pdf)
    texts = [_squash(b.text) for b in doc.blocks if b.location.page == 1]
    for article in ARTICLES:
        assert _squash(article) in texts  # one block: the clause with its tail
    kinds = {_squash(b.text): b.kind for b in doc.blocks}
    assert kinds[_squash(ARTICLES[0])] == "line"
    assert kinds["第五条验收"] == "heading" and kinds["第八条其他"] == "heading"
    assert "买方应于到货后七日内验收。" in texts and "未尽事宜由双方协商解决。" in texts


def test_a_short_heading_that_is_the_widest_line_stands_alone(articles_pdf: Path) -> None:
    doc = read_pdf(articles_pdf)
    assert [_squash(b.text) for b in doc.blocks if b.location.page == 2] == ["第十三条附则", "甲方", "乙方"]
