"""The ``subject`` family: is the subject matter (标的) precise — quantity, scope, unit, spec, quality
standard?

Vague subject terms fall back to 民法典 Arts. 510–511 gap filling (quality → national/industry standard,
price → market price), which is where disputes start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from contractkit.checks._common import clauses_naming, doc_text, has_blank, is_chinese, is_quote
from contractkit.checks.base import RuleContext, rule
from contractkit.findings import Finding
from contractkit.readers.model import Block, Document

#: Section headings / clause words that put a sentence in subject-matter context.
SUBJECT_SECTION = ("标的", "产品", "货物", "设备", "名称", "数量", "规格", "品种", "采购内容", "供货范围")
SUBJECT_WORDS = (
    "数量",
    "规格",
    "货物",
    "产品",
    "范围",
    "标的",
    "型号",
    "设备",
    "采购",
    "供货",
    "供应",
    "物品",
    "配件",
    "备件",
    "耗材",
)
#: Words that look like a vague word but are not (约定 contains 约, 相关法律 is boilerplate…).
_NOT_VAGUE = re.compile(
    r"《[^》\n]{1,80}》|第\s*[\d一二三四五六七八九十百]+\s*部分|约定|约束|违约|合约|契约|预约|制约|节约|约请|特约|履约|简约|"
    r"(?:逾期|迟延|延迟|未)(?:交付|交货|履行|到货|供货|发货)?的?部分|(?:交付|交货|履行|到货)部分(?:货物|产品)?的(?:价款|货款|金额)|组成部分|其余部分|剩余部分|未交付部分|不符部分|不符合部分|超出部分|差额部分|不足部分|部分履行|"
    r"(?:国家|本市|本省|政府|其他|有关|行业)相关|"
    r"相关(?:法律|法规|规定|标准|要求|文件|手续|部门|税费|费用|责任|方|证明|资料|资质|单据|技术|管理|政策|事宜)|"
    r"平等|等级|同等|等同|等于|相等|对等|等待|等额|等值|等比|上等|头等|高等|中等|初等|均等|等候|等效"
)
#: "等" closing a list of goods (办公桌椅等), not 甲乙双方等 / 等级 / 平等.
_VAGUE_DENG = re.compile(
    r"(?<![双各我对甲乙丙方人])等(?=(?:设备|物品|产品|货物|材料|配件|附件|用品|物资|商品|耗材|器材)?[，,。；;、\s]|$)"
)

_QUALITY = re.compile(
    r"国家标准|行业标准|企业标准|地方标准|团体标准|国标|GB\s*/?\s*T?\s*\d|技术协议|质量标准|技术标准|"
    r"技术要求|技术规格|技术参数|质量要求|ISO\s*\d|验收标准|检验标准|符合.{0,8}标准"
)
_UNIT = re.compile(
    r"台|套|件|个|只|支|把|张|块|根|条|箱|包|袋|桶|瓶|盒|卷|批|组|辆|吨|千克|公斤|kg|克|米|m|平方米|㎡|立方米|升|L|"
    r"次|项|份|册|本|双|对|副|樘|株|棵|头|式|部|架|扇|个月|年|人|课时|学时|天|小时|ml|g|t"
)
_NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千万]")
_QTY_TEXT = re.compile(r"数量\s*(?:为|是|[:：])\s*(?P<v>[^，,。；;|\n]{1,12})")


_SUBJECT_SECTION_RE = re.compile("|".join(map(re.escape, SUBJECT_SECTION)))
_SUBJECT_WORDS_RE = re.compile("|".join(map(re.escape, SUBJECT_WORDS)))


def _subject_context(block: Block, clause: str) -> bool:
    if block.section and _SUBJECT_SECTION_RE.search(block.section):
        return True
    return _SUBJECT_WORDS_RE.search(clause) is not None


def _vague_hits(clause: str, words: tuple[str, ...]) -> Iterator[tuple[str, int, int]]:
    masked = _NOT_VAGUE.sub(lambda m: "\0" * len(m.group()), clause)
    for w in words:
        if w == "等":
            continue
        start = masked.find(w)
        while start != -1:
            yield w, start, start + len(w)
            start = masked.find(w, start + len(w))
    if "等" in words or "等等" in words:
        for m in _VAGUE_DENG.finditer(masked):
            if masked[m.start() : m.start() + 2] != "等等":
                yield "等", m.start(), m.end()


@rule(
    id="subject/vague-quantity",
    title="标的数量或范围含糊",
    title_en="Vague quantity or scope of the goods",
    severity="warning",
    why="“一批”“若干”“左右”“等”使标的数量或范围约定不明确：民法典第510条先由双方补充协议，"
    "仍不能确定的按第511条（质量按国家/行业标准、价格按市场价）确定，交付数量和价款都可能产生争议。",
    why_en="Words such as 一批/若干/左右/等 leave quantity or scope unclear: under Civil Code Art. 510 the "
    "parties must agree a supplement, otherwise Art. 511 defaults (national/industry standard, market price) "
    "apply — a common source of disputes over what and how much was to be delivered.",
    basis="民法典第510条、第511条",
    fix="写明确切数量、单位和型号，例如“CK6150 数控车床 2 台”；范围用清单列举，不用“等”“相关”。",
    bad=["甲方向乙方采购办公设备一批。", "货物数量约100吨，以实际交货为准。", "供货范围：电脑、打印机等。"],
    good=[
        "甲方向乙方采购 CK6150 数控车床 2 台。",
        "货物数量为100吨，规格见附件一清单。",
        "甲乙双方等同意按本合同约定履行。",
    ],
    params=("vague_words", "extra_vague_words"),
)
def vague_quantity(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    words = (*ctx.settings.all_vague_words, "等")
    # every hit of _vague_hits is one of the words: only clauses naming one can have a hit
    for block, s, _e, clause in clauses_naming(doc, words):
        if not _subject_context(block, clause):
            continue
        seen: set[int] = set()
        for word, a, b in sorted(_vague_hits(clause, words), key=lambda h: h[1]):
            if any(a <= x < b for x in seen):
                continue
            seen.update(range(a, b))
            yield ctx.report(
                block,
                f"标的数量或范围含糊（“{word}”）：约定不明确时依民法典第510条补充协议，"
                "仍不能确定的按第511条的默认规则（质量按国家/行业标准、价格按市场价）履行，易生争议。",
                f"Vague quantity or scope ('{word}'): unclear terms fall back to Civil Code Art. 510 "
                "(supplementary agreement) and Art. 511 defaults (standard quality, market price).",
                span=(s + a, s + b),
            )
            break  # one finding per clause


# -- item tables --------------------------------------------------------------------------------------


def _table_rows(doc: Document) -> Iterator[list[tuple[list[str], Block]]]:
    """Tables as lists of (cells, first block of the row): docx tables and ``a | b | c`` text lines."""
    current: list[tuple[list[str], Block]] = []
    rows: dict[tuple[int, int], tuple[list[str], Block]] = {}
    order: list[tuple[int, int]] = []
    last_table: int | None = None
    for block in doc.blocks:
        loc = block.location
        if block.kind == "cell" and loc.table is not None:
            if last_table is not None and loc.table != last_table and order:
                yield [rows[k] for k in order]
                rows, order = {}, []
            last_table = loc.table
            key = (loc.table, loc.row or 0)
            if key not in rows:
                rows[key] = ([], block)
                order.append(key)
            cells = rows[key][0]
            idx = (loc.cell or len(cells) + 1) - 1
            while len(cells) <= idx:
                cells.append("")
            cells[idx] = (cells[idx] + " " + block.norm).strip()
            continue
        if "|" in block.norm and block.norm.count("|") >= 2:
            parts = [p.strip() for p in block.norm.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", p) for p in parts if p):
                continue  # markdown separator row
            current.append((parts, block))
            continue
        if current:
            yield current
            current = []
    if current:
        yield current
    if order:
        yield [rows[k] for k in order]


def _column(header: list[str], names: tuple[str, ...], skip: int | None = None) -> int | None:
    for n in names:  # names in order of preference
        for i, h in enumerate(header):
            if i != skip and n in h:
                return i
    return None


@rule(
    id="subject/unquantified-item",
    title="标的物缺少数量、单位或量化规格",
    title_en="Item without numeric quantity, unit or quantified spec",
    severity="warning",
    why="货物清单中一项没有数字数量、计量单位或可量化的规格型号，交付是否符合约定就无从判断；"
    "规格不明时依民法典第511条第一项按国家/行业标准或通常标准履行。",
    why_en="An item with no numeric quantity, no unit or no quantified spec cannot be checked at delivery; "
    "an unclear spec falls back to Civil Code Art. 511(1) (national/industry or usual standard).",
    basis="民法典第510条、第511条第一项",
    fix="每一项写明型号规格（含参数）、计量单位和数字数量，例如“CK6150 | 台 | 2”。",
    bad=[
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 数控车床 | 高精度 | 台 | 2 |",
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 数控车床 | CK6150 | 台 | 若干 |",
        "货物名称：数控车床；数量：待定。",
    ],
    good=[
        "| 品名 | 规格型号 | 单位 | 数量 |\n| 数控车床 | CK6150 | 台 | 2 |",
        "货物名称：数控车床；数量：2台。",
        "| 品名 | 规格型号 | 单位 | 数量 |\n| ____ | ____ | ____ | ____ |",
    ],
)
def unquantified_item(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    for table in _table_rows(doc):
        header_at = next(
            (
                i
                for i, (cells, _) in enumerate(table)
                if _column(cells, ("名称", "品名", "产品", "货物", "设备", "品种")) is not None
                and _column(cells, ("数量", "单位", "规格", "型号")) is not None
            ),
            None,
        )
        if header_at is None:
            continue
        header = table[header_at][0]
        name_c = _column(header, ("名称", "品名", "产品", "货物", "设备", "品种"))
        qty_c = _column(header, ("数量",))
        unit_c = _column(header, ("单位",))
        spec_c = _column(header, ("规格", "型号", "技术参数"), skip=name_c)
        for cells, block in table[header_at + 1 :]:

            def get(c: int | None, cells: list[str] = cells) -> str:
                return cells[c].strip() if c is not None and c < len(cells) else ""

            name = get(name_c)
            if not name or has_blank(name) or re.search(r"合计|总计|小计|总价|大写|备注", name):
                continue
            if all(has_blank(x) or not x.strip() for i, x in enumerate(cells) if i != name_c):
                continue  # an unfilled template row
            problems: list[tuple[str, str]] = []
            qty, unit, spec = get(qty_c), get(unit_c), get(spec_c)
            if qty_c is not None and not has_blank(qty) and not re.search(r"\d", qty):
                problems.append((f"数量“{qty or '空'}”不是数字", f"quantity '{qty}' is not a number"))
            if unit_c is not None and not unit and not (qty and _UNIT.search(qty)):
                problems.append(("未写计量单位", "no unit"))
            service = re.search(r"安装|调试|培训|运输|服务|费", name)
            if spec_c is not None and not service and not has_blank(spec) and not _NUMBER.search(spec):
                problems.append((f"规格“{spec or '空'}”未量化", f"spec '{spec}' has no figures"))
            if problems:
                zh = "；".join(p[0] for p in problems)
                en = "; ".join(p[1] for p in problems)
                yield ctx.report(
                    block,
                    f"标的物“{name}”{zh}：交付时无法核对，规格不明按民法典第511条按国家/行业标准或通常标准履行。",
                    f"Item '{name}': {en}; delivery cannot be checked and Civil Code Art. 511 defaults "
                    "apply.",
                    snippet=" | ".join(cells),
                )
    for block in doc.blocks:
        if "|" in block.norm or "数量" not in block.norm:
            continue  # a table row, or no "数量" that _QTY_TEXT needs
        for m in _QTY_TEXT.finditer(block.norm):
            value = m.group("v").strip()
            if has_blank(m.group("v")) or not value or _NUMBER.search(value):
                continue
            yield ctx.report(
                block,
                f"数量“{value}”不是确定的数字：数量约定不明确，依民法典第510条、第511条处理，易生争议。",
                f"Quantity '{value}' is not a number: an unclear quantity falls back to Civil Code "
                "Arts. 510–511.",
                span=m.span("v"),
            )


@rule(
    id="subject/no-quality-standard",
    scope="document",
    title="未约定质量标准",
    title_en="No quality standard",
    severity="warning",
    why="合同有标的/产品条款却没有写明质量标准（国家标准、行业标准、GB、技术协议等）时，"
    "依民法典第511条第一项按强制性国家标准、推荐性国家标准、行业标准、通常标准依次确定，验收争议难以裁断。",
    why_en="A contract with a goods clause but no quality standard (national/industry standard, GB, "
    "technical agreement) falls back to Civil Code Art. 511(1): mandatory national, recommended national, "
    "industry, then usual standard — acceptance disputes become hard to settle.",
    basis="民法典第511条第一项、第615条",
    fix="在标的条款写明质量标准，例如“符合 GB/T 9061-2006 及双方签订的技术协议”。",
    bad=[
        "第一条 产品名称、数量\n数控车床 CK6150，2台。\n第二条 价款\n合同总价20万元。",
        "一、标的\n甲方向乙方采购打印纸500箱。\n二、付款\n到货后10日内付清。",
    ],
    good=[
        "第一条 产品名称、数量\n数控车床 CK6150，2台。\n第二条 质量\n质量标准：符合GB/T 9061-2006。",
        "一、标的\n打印纸500箱，按双方签订的技术协议执行。",
    ],
)
def no_quality_standard(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    if not is_chinese(doc, min_chars=10) or is_quote(doc) or _QUALITY.search(doc_text(doc)):
        return
    head = next(
        (
            b
            for b in doc.blocks
            if b.section
            and any(w in b.section for w in ("标的", "产品", "货物", "设备", "品名"))
            and b.norm.strip().startswith(b.section.split()[0])
        ),
        None,
    )
    if head is None:
        return
    yield ctx.report(
        head,
        "合同有标的条款但未约定质量标准：依民法典第511条第一项，按强制性国家标准、推荐性国家标准、行业标准、"
        "通常标准依次确定。",
        "The contract has a goods clause but no quality standard: Civil Code Art. 511(1) defaults apply "
        "(national, then industry, then usual standard).",
    )
