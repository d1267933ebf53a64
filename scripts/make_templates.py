"""Generate the FIRST version of contractkit/templates/{quote,sales_contract}.docx with python-docx.

After that the committed .docx files are the source of truth (the legal team edits them in Word); run this
again only to start over: ``python scripts/make_templates.py [--force]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent.parent / "contractkit" / "templates"
BODY_FONT, HEAD_FONT, LATIN = "宋体", "黑体", "Times New Roman"


def _fonts(rpr, east: str, latin: str = LATIN) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east)
    fonts.set(qn("w:cs"), latin)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def setup(doc) -> None:
    """A4, margins, East-Asian fonts in every style we use, black headings."""
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)
    # document defaults
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr_default, BODY_FONT)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    _fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.3
    for name, size in (("Title", 18), ("Heading 1", 12), ("Heading 2", 10.5)):
        st = doc.styles[name]
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.color.rgb = None
        rpr = st.element.get_or_add_rPr()
        _fonts(rpr, HEAD_FONT)
        color = rpr.find(qn("w:color"))
        if color is not None:
            rpr.remove(color)
        st.paragraph_format.space_before = Pt(8 if name != "Title" else 0)
        st.paragraph_format.space_after = Pt(4)
    title = doc.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pbdr = title.element.get_or_add_pPr().find(qn("w:pBdr"))
    if pbdr is not None:
        title.element.get_or_add_pPr().remove(pbdr)
    table_style = doc.styles["Table Grid"]
    _fonts(table_style.element.get_or_add_rPr(), BODY_FONT)


def para(
    doc_or_cell, text: str = "", *, bold: bool = False, align=None, size: float | None = None, style=None
):
    p = doc_or_cell.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def heading(doc, text: str) -> None:
    doc.add_paragraph(text, style="Heading 1")


def _field(paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def header_footer(doc, header_text: str, footer_prefix: str) -> None:
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header_text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in hp.runs:
        run.font.size = Pt(9)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run(f"{footer_prefix}第 ")
    _field(fp, "PAGE")
    fp.add_run(" 页 共 ")
    _field(fp, "NUMPAGES")
    fp.add_run(" 页")


def _flag(parent, tag: str) -> None:
    if parent.find(qn(tag)) is None:
        parent.append(OxmlElement(tag))


def repeat_header(row) -> None:
    """The row repeats at the top of every page the table continues on."""
    _flag(row._tr.get_or_add_trPr(), "w:tblHeader")


def keep_row(row, *, with_next: bool = False) -> None:
    """The row never splits across pages; ``with_next`` also keeps it on the page of the next row."""
    _flag(row._tr.get_or_add_trPr(), "w:cantSplit")
    if with_next:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def money_cell(cell) -> None:
    """Amounts and quantities: right-aligned and never wrapped."""
    _flag(cell._tc.get_or_add_tcPr(), "w:noWrap")
    for p in cell.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _fixed_layout(t, margin_cm: float = 0.1) -> None:
    """Fixed column widths (LibreOffice and Word then keep the grid) and narrow cell margins."""
    tblpr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(margin_cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.append(mar)


def table(doc, widths_cm: list[float], rows: list[list[str]], *, header_rows: int = 1, size: float = 9):
    t = doc.add_table(rows=len(rows), cols=len(widths_cm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _fixed_layout(t)
    for c, width in enumerate(widths_cm):
        t.columns[c].width = Cm(width)
    for r, row in enumerate(rows):
        keep_row(t.rows[r])
        if r < header_rows:
            repeat_header(t.rows[r])
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            cell.width = Cm(widths_cm[c])
            cell.paragraphs[0].text = text
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
            cell.paragraphs[0].paragraph_format.line_spacing = 1.15
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(size)
                if r < header_rows:
                    run.bold = True
            if r < header_rows:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return t


def merge_row(t, row: int, first: int, last: int, text: str, size: float = 9) -> None:
    cell = t.cell(row, first).merge(t.cell(row, last))
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    cell.paragraphs[0].text = text
    for run in cell.paragraphs[0].runs:
        run.font.size = Pt(size)


#: (label, key, optional): optional rows are left out when neither party has the field
PARTY_ROWS = [
    ("名称", "name", False),
    ("{{ party_code_label }}", "code", False),
    ("国家或地区", "country", True),
    ("住所", "address", False),
    ("法定代表人", "legal_representative", False),
    ("联系人", "contact", True),
    ("联系电话", "phone", False),
    ("电子邮箱", "email", True),
    ("开户银行", "bank_name", True),
    ("银行账号", "bank_account", True),
]


def party_table(doc, first: str, second: str) -> None:
    """甲方 / 乙方 side by side; an optional row only when one of the parties has it."""
    rows = [["", f"{{{{ {first}.role }}}}", f"{{{{ {second}.role }}}}"]]
    for label, key, optional in PARTY_ROWS:
        if optional:
            rows.append([f"{{%tr if {first}.{key} or {second}.{key} %}}", "", ""])
        rows.append([label, f"{{{{ {first}.{key} }}}}", f"{{{{ {second}.{key} }}}}"])
        if optional:
            rows.append(["{%tr endif %}", "", ""])
    table(doc, [3.0, 7.0, 7.0], rows)


#: 序号 名称 规格 单位 数量 单价 优惠 金额 — 17 cm; 金额 fits 999,999,999,999.99 (the 大写 limit) at 9 pt
#: on one line
ITEM_WIDTHS = [0.9, 2.6, 3.8, 1.0, 1.4, 2.3, 2.2, 2.8]


def _total_row(t, row: int, label: str, amount: str) -> None:
    merge_row(t, row, 0, 6, label)
    t.cell(row, 7).paragraphs[0].text = amount
    for run in t.cell(row, 7).paragraphs[0].runs:
        run.font.size = Pt(9)
    money_cell(t.cell(row, 7))
    keep_row(t.rows[row], with_next=True)


def items_table(doc) -> None:
    """Items, then 小计 / each discount / 增值税 when they apply; 合计 and 大写 kept with the table."""
    blank = ["", "", "", "", "", "", "", ""]

    def tag(text: str) -> list[str]:
        return [text, *blank[1:]]

    rows = [
        ["序号", "产品名称及型号", "规格及技术参数", "单位", "数量", "单价", "优惠", "金额"],
        tag("{%tr for it in items %}"),
        [
            "{{ it.no }}",
            "{{ it.name }}{% if it.model %}（型号：{{ it.model }}）{% endif %}",
            "{{ it.specification }}",
            "{{ it.unit }}",
            "{{ it.quantity }}",
            "{{ it.unit_price }}",
            "{{ it.discount }}",
            "{{ it.net }}",
        ],
        tag("{%tr endfor %}"),
        tag("{%tr if totals.show_subtotal %}"),
        blank,
        tag("{%tr endif %}"),
        tag("{%tr for d in discounts %}"),
        blank,
        tag("{%tr endfor %}"),
        tag("{%tr if not tax.included %}"),
        blank,
        tag("{%tr endif %}"),
        blank,
        blank,
    ]
    t = table(doc, ITEM_WIDTHS, rows)
    for c in (4, 5, 6, 7):
        money_cell(t.cell(2, c))
    t.cell(2, 0).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    t.cell(2, 3).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _total_row(t, 5, "货物金额小计", "{{ totals.subtotal }}")
    _total_row(t, 8, "减：优惠{{ d.no }} {{ d.label }}（{{ d.percent }}%）", "-{{ d.amount }}")
    _total_row(t, 11, "增值税（{{ tax.rate }}%）", "{{ totals.tax }}")
    _total_row(t, 13, "合计金额（{{ currency.name }}，{{ tax.short }}）", "{{ totals.total }}")
    merge_row(t, 14, 0, 7, "合计金额（大写）：{{ totals.total_upper }}")
    keep_row(t.rows[14])


def make_contract() -> Document:
    doc = Document()
    setup(doc)
    header_footer(doc, "{{ title }}　合同编号：{{ number }}", "")
    doc.add_paragraph("{{ title }}", style="Title")
    para(doc, "合同编号：{{ number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "签订日期：{{ signing.date }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "签订地点：{{ signing.place }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{%p if customer_number %}")
    para(doc, "客户编号：{{ customer_number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{%p endif %}")
    party_table(doc, "buyer", "seller")
    para(
        doc,
        "根据《中华人民共和国民法典》及其他法律法规的规定，甲乙双方本着平等自愿、诚实信用的原则，经友好协商，"
        "就甲方向乙方购买本合同所列货物及服务事宜达成如下协议，以资共同遵守。",
    )

    heading(doc, "第一条 标的物")
    para(doc, "1.1 本合同标的物的名称、型号、规格、数量及价格如下（金额单位：{{ currency.unit }}）：")
    items_table(doc)
    para(doc, "1.2 上述价格{{ tax.sentence }}")
    para(doc, "{%p if attachments %}")
    para(
        doc,
        "1.3 标的物的详细技术参数及配置以{{ attachments_text }}为准，附件为本合同不可分割的组成部分，"
        "与本合同正文具有同等法律效力。",
    )
    para(doc, "{%p endif %}")

    heading(doc, "第二条 价格与付款")
    para(
        doc,
        "2.1 合同总价为{{ totals.total_upper }}（{{ currency.symbol }}{{ totals.total }}），"
        "{{ tax.short }}。",
    )
    para(doc, "2.2 付款方式：{{ payment.method }}。甲方按下列约定分期付款：")
    rows = [
        ["期次", "款项", "比例", "金额", "付款条件及期限"],
        ["{%tr for p in payment.installments %}", "", "", "", ""],
        ["{{ p.no }}", "{{ p.name }}", "{{ p.percent }}%", "{{ p.amount }}", "{{ p.sentence }}"],
        ["{%tr endfor %}", "", "", "", ""],
    ]
    t = table(doc, [1.0, 2.4, 1.6, 2.6, 9.4], rows)
    for c in (2, 3):
        money_cell(t.cell(2, c))
    t.cell(2, 0).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(
        doc,
        "2.3 乙方应在甲方每期付款前向甲方开具与该期款项等额的合法有效发票；乙方未按约定开具发票的，"
        "甲方有权顺延付款且不承担逾期付款责任。",
    )
    para(
        doc,
        "2.4 甲方应将款项支付至乙方以下账户：开户银行{{ seller.bank_name }}，账号{{ seller.bank_account }}。"
        "乙方变更收款账户的，应提前以加盖公章的书面形式通知甲方，否则甲方向原账户付款视为已履行付款义务。",
    )
    para(doc, "{%p if deposit %}")
    para(doc, "2.5 定金：{{ deposit.sentence }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if fx %}")
    para(doc, "2.{{ 6 if deposit else 5 }} 汇率：{{ fx.sentence }}")
    para(doc, "{%p endif %}")

    heading(doc, "第三条 交付")
    para(doc, "3.1 交付期限：{{ delivery.period_sentence }}")
    para(doc, "3.2 交付地点：{{ delivery.address }}。")
    para(doc, "3.3 运输与费用：{{ delivery.transport_sentence }}")
    para(doc, "3.4 风险转移：{{ delivery.risk_sentence }}")
    para(doc, "3.5 包装：{{ delivery.packaging }}")
    para(doc, "{%p if delivery.incoterms %}")
    para(doc, "3.6 贸易术语：{{ delivery.incoterms }}")
    para(doc, "{%p endif %}")

    heading(doc, "第四条 验收")
    para(doc, "4.1 验收标准：{{ acceptance.standard }}。")
    para(doc, "4.2 验收期限：{{ acceptance.window_sentence }}{{ acceptance.tester_sentence }}")
    para(doc, "4.3 {{ acceptance.deemed_sentence }}")
    para(
        doc,
        "4.4 验收不合格的，甲方应以书面形式通知乙方并说明理由；乙方应在收到通知之日起15日内免费修理、"
        "更换或补足，并重新组织验收，由此产生的费用由乙方承担。",
    )
    para(doc, "4.5 质量异议期：{{ acceptance.objection_sentence }}")

    heading(doc, "第五条 质量保证")
    para(doc, "5.1 乙方保证所交付的货物是全新、未使用过的合格产品，符合本合同约定的质量标准和技术要求。")
    para(doc, "5.2 质量保证期：{{ warranty.period_sentence }}")
    para(doc, "5.3 {{ warranty.service_sentence }}")
    para(doc, "{%p if retention %}")
    para(doc, "5.4 质保金：{{ retention.sentence }}")
    para(doc, "{%p endif %}")

    heading(doc, "第六条 违约责任")
    para(doc, "{%p for s in penalty_sentences %}")
    para(doc, "6.{{ loop.index }} {{ s }}")
    para(doc, "{%p endfor %}")
    para(
        doc,
        "6.{{ penalty_sentences|length + 1 }} 乙方交付的货物不符合本合同约定的，甲方有权要求乙方修理、"
        "更换或退货；因此给甲方造成损失的，乙方应予赔偿。",
    )
    para(
        doc,
        "6.{{ penalty_sentences|length + 2 }} 违约金不足以弥补守约方损失的，违约方还应赔偿不足部分。"
        "守约方为实现债权支出的律师费、诉讼费、仲裁费、保全费由违约方承担。",
    )

    heading(doc, "第七条 不可抗力")
    para(
        doc,
        "7.1 因不可抗力不能履行本合同的，根据不可抗力的影响，受影响一方可减轻或免除责任，"
        "但法律另有规定的除外。"
        "一方迟延履行后发生不可抗力的，不免除其违约责任。",
    )
    para(
        doc,
        "7.2 受不可抗力影响的一方应在不可抗力发生之日起{{ force_majeure.notice_days }}日内"
        "以书面形式通知对方，"
        "并在通知之日起15日内提供有权机构出具的证明文件；因未通知而扩大的损失，由受影响一方承担。",
    )
    para(doc, "7.3 不可抗力持续超过60日致使合同目的不能实现的，任何一方均有权书面通知对方解除本合同。")

    heading(doc, "第八条 保密")
    para(
        doc,
        "8.1 双方对在订立和履行本合同过程中知悉的对方商业秘密、技术信息及客户信息负有保密义务，"
        "未经对方书面同意，不得向任何第三方披露，亦不得用于本合同以外的目的。",
    )
    para(doc, "8.2 {{ confidentiality_sentence }}法律法规另有规定或有权机关依法要求披露的除外。")

    heading(doc, "第九条 变更与解除")
    para(
        doc,
        "9.1 本合同的任何变更或补充，须经双方协商一致并签订书面补充协议，经双方法定代表人或授权代表签字"
        "并加盖公章（或合同专用章）后生效。口头约定、电子邮件或其他未经双方签字盖章的形式均不构成对本合同的变更。",
    )
    para(doc, "9.2 有下列情形之一的，守约方有权以书面形式通知对方解除本合同：")
    para(doc, "（1）甲方逾期付款超过30日，经乙方书面催告后15日内仍未支付的；")
    para(doc, "（2）乙方逾期交货超过30日，经甲方书面催告后15日内仍未交付的；")
    para(doc, "（3）货物经两次验收仍不合格的；")
    para(doc, "（4）一方有其他违约行为致使不能实现合同目的的。")
    para(
        doc,
        "9.3 解除通知自到达对方时生效。合同解除不影响守约方要求违约方承担违约责任的权利，"
        "亦不影响本合同中结算、清理及争议解决条款的效力。",
    )

    heading(doc, "第十条 争议解决")
    para(doc, "{{ dispute.sentence }}")

    heading(doc, "第十一条 其他")
    para(doc, "{%p for s in other_sentences %}")
    para(doc, "11.{{ loop.index }} {{ s }}")
    para(doc, "{%p endfor %}")
    end = para(doc, "（以下无正文，为签署页）", align=WD_ALIGN_PARAGRAPH.CENTER)
    end.paragraph_format.keep_with_next = True
    signature_block(doc, "甲方（盖章）：{{ buyer.name }}", "乙方（盖章）：{{ seller.name }}")
    return doc


def signature_block(doc, first: str, second: str) -> None:
    """One table row (盖章 / 签字 / 日期 of both parties) that cannot split, so the block is on one page."""
    sig = table(doc, [8.5, 8.5], [[first, second]], header_rows=0, size=10.5)
    for cell in sig.rows[0].cells:
        cell.paragraphs[0].paragraph_format.space_after = Pt(24)
        for text in ("法定代表人或授权代表（签字）：", "日期：　　　　年　　月　　日"):
            p = cell.add_paragraph(text)
            p.paragraph_format.space_after = Pt(24)


def make_quote() -> Document:
    doc = Document()
    setup(doc)
    header_footer(doc, "{{ seller.name }}　报价单编号：{{ number }}", "")
    doc.add_paragraph("{{ title }}", style="Title")
    para(doc, "报价单编号：{{ number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{%p if customer_number %}")
    para(doc, "客户编号：{{ customer_number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{%p endif %}")
    para(doc, "报价日期：{{ date }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "有效期至：{{ valid_until }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    party_table(doc, "buyer", "seller")
    para(doc, "感谢贵司的询价。我司就贵司所需产品及服务报价如下（金额单位：{{ currency.unit }}）：")
    heading(doc, "一、产品及服务报价")
    items_table(doc)
    para(doc, "{%p for d in discounts %}")
    para(doc, "优惠{{ d.no }}：{{ d.text }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if approvals %}")
    para(doc, "优惠审批：{{ approvals_text }}")
    para(doc, "{%p endif %}")
    para(doc, "报价{{ tax.sentence }}")
    para(doc, "{%p if fx %}")
    para(doc, "汇率：{{ fx.sentence }}")
    para(doc, "{%p endif %}")
    heading(doc, "二、付款方式")
    para(doc, "付款方式：{{ payment.method }}。")
    para(doc, "{%p for p in payment.installments %}")
    para(doc, "（{{ p.no }}）{{ p.name }}：{{ p.sentence }}")
    para(doc, "{%p endfor %}")
    heading(doc, "三、交付")
    para(doc, "{{ delivery.period_sentence }}交付地点：{{ delivery.address }}。")
    para(doc, "运输与费用：{{ delivery.transport_sentence }}")
    para(doc, "{%p if delivery.packaging_given %}")
    para(doc, "包装：{{ delivery.packaging }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if delivery.incoterms %}")
    para(doc, "贸易术语：{{ delivery.incoterms }}")
    para(doc, "{%p endif %}")
    heading(doc, "四、说明")
    para(doc, "{%p for s in notes %}")
    para(doc, "{{ loop.index }}. {{ s }}")
    para(doc, "{%p endfor %}")
    para(
        doc,
        "{{ notes|length + 1 }}. 本报价单有效期至{{ valid_until }}，逾期需重新确认。"
        "本报价单不构成合同，双方权利义务以最终签订的书面合同为准。",
    )
    heading(doc, "五、联系方式")
    block = [
        para(doc, "报价单位：{{ seller.name }}"),
        para(
            doc,
            "{% if seller.contact %}联系人：{{ seller.contact }}　{% endif %}电话：{{ seller.phone }}"
            "{% if seller.email %}　电子邮箱：{{ seller.email }}{% endif %}",
        ),
        para(doc, "地址：{{ seller.address }}"),
        para(doc, ""),
        para(doc, "报价单位（盖章）：{{ seller.name }}", align=WD_ALIGN_PARAGRAPH.RIGHT),
    ]
    para(doc, "日期：{{ date }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for p in block:  # the contact and seal block stays on one page
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    return doc


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    force = "--force" in argv
    for name, make in (("sales_contract", make_contract), ("quote", make_quote)):
        path = OUT / f"{name}.docx"
        if path.exists() and not force:
            print(f"{path} exists (the committed file is the source of truth); --force to overwrite")
            continue
        make().save(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
