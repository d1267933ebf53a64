"""The lint engine: read each file, run the selected rules, apply the draft's own suppression notes, collect
findings (errors isolated per file). Folders expand to their supported files; every entry left out is listed
(``meta/skipped``) or, when it could not be read, is a file error — never dropped silently."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from contractkit.checks.base import KINDS
from contractkit.config import Settings
from contractkit.findings import FileResult, Finding, LintResult, Severity
from contractkit.readers.model import Block, Document, Location, ReadOptions

#: File suffixes a folder expands to (see :func:`supported_suffixes` for those of optional readers).
SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".json")
#: Optional readers whose module lists the suffixes it reads: (module, attribute).
_OPTIONAL_READERS = (("contractkit.readers.office", "FORMATS"),)
#: The info finding that lists a folder entry lint left out, with the reason.
SKIPPED = "meta/skipped"


def available_rules() -> dict:
    """``load_rules()``, or — while a family module is still missing — the families that import."""
    import importlib

    from contractkit.checks import FAMILIES, REGISTRY, load_rules

    try:
        return load_rules()
    except ModuleNotFoundError:
        for family in FAMILIES:
            try:
                importlib.import_module(f"contractkit.checks.{family}")
            except ModuleNotFoundError:
                continue
        order = {f: i for i, f in enumerate(FAMILIES)}
        return dict(sorted(REGISTRY.items(), key=lambda kv: (order.get(kv[1].family, 99), kv[0])))


def document_kind(doc: Document) -> str:
    """The kind of ``doc`` the rules' ``kinds=`` are matched against: ``Structure.applicable_kind``
    (``"contract"``, ``"order"``, ``"call_off"`` or ``"quote"``) of its facts model."""
    from contractkit.contract.model import contract_of

    return contract_of(doc).structure.applicable_kind


def _sort_key(f: Finding) -> tuple[int, int, str]:
    return (f.location.index, f.span[0] if f.span else -1, f.rule)


def lint_document(
    doc: Document, settings: Settings | None = None, *, rules: Iterable | None = None, suppress: bool = True
) -> list[Finding]:
    """Run the selected rules (default: every registered rule) over ``doc``; findings sorted by location.

    A rule whose ``kinds`` leave out the document's kind (:func:`document_kind`) is skipped. The draft's
    ``contractkit: ignore RULE reason`` notes (text or Word comments) are applied unless
    ``suppress=False``. A rule that crashes becomes one ``internal/rule-crashed`` error finding.
    """
    from contractkit.checks._common import forget
    from contractkit.checks.base import RuleContext, effective_severity, selected
    from contractkit.contract.model import forget as forget_contract
    from contractkit.facts import assign_sections
    from contractkit.facts.choices import mask_unchosen

    settings = Settings.resolve(settings)
    pool = list(rules) if rules is not None else list(available_rules().values())
    read_blocks = doc.blocks  # as read: with OCR's confidence in each (the sectioned copies drop it)
    doc = Document(
        path=doc.path,
        kind=doc.kind,
        blocks=assign_sections(mask_unchosen(doc.blocks)),
        deal=doc.deal,
        meta=doc.meta,
    )
    out: list[Finding] = []
    ran = list(selected(pool, settings))
    if any(r.kinds != KINDS for r in ran):
        try:
            kind = document_kind(doc)  # once per document, only when a selected rule is kind-bound
        except Exception:  # the structure facts crashed: run every rule, each reports the crash it meets
            kind = None
        if kind is not None:
            ran = [r for r in ran if r.applies_to(kind)]
    for r in ran:
        ctx = RuleContext(rule=r, settings=settings, severity=effective_severity(r, settings))
        try:
            out.extend(r.check(doc, ctx))
        except Exception as exc:
            out.append(
                Finding(
                    rule="internal/rule-crashed",
                    severity=Severity.ERROR,
                    message=f"规则 {r.id} 运行出错：{type(exc).__name__}: {exc}",
                    message_en=f"rule {r.id} crashed: {type(exc).__name__}: {exc}",
                    location=Location(index=0),
                    hint="please report this with the document",
                )
            )
    forget(doc)  # the rules' shared per-document memo (checks._common.memo)
    forget_contract(doc)  # the facts model (contract.contract_of)
    if suppress:
        from contractkit.suppress import apply_markers, document_markers

        marks = document_markers(doc)
        if marks:
            out = apply_markers(out, marks, ran=[r.id for r in ran])
    out = withhold_poorly_read(Document(doc.path, doc.kind, read_blocks, doc.deal, doc.meta), out)
    from contractkit.reading import reading_notes  # meta/ocr, meta/revisions: what reading did

    out.extend(reading_notes(doc))
    return sorted(out, key=_sort_key)


#: The reading notice that replaces the findings on parts of a scan OCR read too poorly to judge.
LOW_CONFIDENCE = "meta/low-confidence-ocr"
#: An OCR'd page is read poorly when Tesseract's confidence in it (its words', weighted by their characters,
#: 0–100: ``Document.meta["ocr_confidence"]``) is under this. Measured over the 130 OCR'd pages of the
#: corpus scans (tests/corpus/*/*scan*): every well-read page is at 77 or more, the pages of a printed form
#: filled in by hand, whose fill-ins Tesseract turns into nonsense, at 44 to 52. Printed contracts scanned
#: noisy at 150 dpi (extra32 w31_b07, extra36 w35_b06) read at 52–79 with 23–28 garbled parts until the
#: reader cleared their salt noise (:data:`contractkit.readers.ocr.DESPECKLE_UNDER`): now 82–91, 0–3.
PAGE_LOW = 65
#: On a poorly read page, a block (paragraph) is read poorly under this confidence: the form pages' blocks
#: with garbled fill-ins measured 15–71, their printed clauses read right 74–87. On a well-read page a
#: low block is left alone: there it is an isolated code, stamp or table row (measured 14–72 on well-read
#: pages, mostly read right), not a region the rules cannot see.
BLOCK_LOW = 75
#: A page under this confidence is taken as unreadable (no line of it can be relied on): all of it is
#: withheld and said to be unchecked, as a file part that could not be read. Measured: a page under heavy
#: noise (ink blots over a quarter of it or more) reads at 18–20, every line nonsense; the hand-filled form
#: pages, whose printed labels still read, at 44–52.
PAGE_UNREADABLE = 30


#: A word Tesseract read under this confidence (0–100) is read poorly (:func:`weak_ranges`). Measured over
#: the 160 OCR'd pages of the corpus scans (tests/corpus/*/*scan*, Tesseract's word confidences): the
#: fill-ins of a printed form filled in by pen (extra29 w28_b07*, extra25 s10*) read as nonsense at 0–46
#: (阔瞪衔章 0–25, 广灿创裁 0, 熙攻公司 0–7, 7O 46, "0 月" 25), the printed text of well-read pages mostly
#: at 80–96, with a few unsure words (a stamp's edge, an amount in capitals) under 50.
WORD_LOW = 50
#: Characters on either side of a finding's quoted span whose words it also rests on: a rule that finds
#: something missing after what it quotes ("合同生效后" with no days after it) read the words next to it.
NEAR = 2
#: A garbled part of a line: a run of poorly read words (:data:`WORD_LOW`, only spaces between them)
#: holding at least this many Chinese characters — a fill-in read as nonsense (阔瞪衔, 熙攻公司), not one
#: unsure character of a printed clause. The notice quotes them.
GARBLED_CHARS = 2
#: A page has poorly read parts when it has at least this many garbled parts (:data:`GARBLED_CHARS`), even
#: when its confidence as a whole passes :data:`PAGE_LOW`. Measured over the same 160 pages: every page
#: of the well-read scans has 0–8 (151 pages at page confidence 78–93); the hand-filled form pages 16–24
#: (w28_b07*: page confidence 74–75, above PAGE_LOW: why their fill-ins were judged before) and 8–44
#: (s10*: under PAGE_LOW anyway). The share of characters in poorly read words does not separate them: a
#: well-read signature page (s07_dental p3) has 20 % of them, the w28_b07 pages 17–20 %.
PAGE_GARBLED = 12


def weak_ranges(block: Block) -> list[tuple[int, int]]:
    """The character ranges of ``block`` (merged when only spaces part them) whose words OCR read
    under :data:`WORD_LOW`; none for text that was not OCR'd."""
    out: list[list[int]] = []
    for start, end, conf in sorted(block.words):
        if conf >= WORD_LOW:
            continue
        if out and not block.text[out[-1][1] : start].strip():  # next to it, or a space apart
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def garbled_parts(block: Block) -> list[tuple[int, int]]:
    """The ranges of :func:`weak_ranges` with :data:`GARBLED_CHARS` Chinese characters or more."""
    return [(a, b) for a, b in weak_ranges(block) if len(_HAN.findall(block.text[a:b])) >= GARBLED_CHARS]


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _low_pages(doc: Document) -> set[int]:
    """The OCR'd pages read poorly: under :data:`PAGE_LOW`, or with :data:`PAGE_GARBLED` garbled parts
    (:func:`garbled_parts`)."""
    pages: dict = doc.meta.get("ocr_confidence") or {}
    low = {p for p, c in pages.items() if c is not None and c < PAGE_LOW}
    garbled: dict[int, int] = {}
    for b in doc.blocks:
        if b.location.page in pages and b.words:
            garbled[b.location.page] = garbled.get(b.location.page, 0) + len(garbled_parts(b))
    return low | {p for p, n in garbled.items() if n >= PAGE_GARBLED}


def poorly_read(doc: Document, low: set[int] | None = None) -> tuple[list, list[int]]:
    """The blocks of ``doc`` OCR read too poorly to judge (:data:`BLOCK_LOW` on a poorly read page:
    ``low``, by default :func:`_low_pages`; every block of a page under :data:`PAGE_UNREADABLE`) and the
    unreadable pages."""
    pages: dict = doc.meta.get("ocr_confidence") or {}
    low = _low_pages(doc) if low is None else low
    unreadable = sorted(p for p in low if pages[p] is not None and pages[p] < PAGE_UNREADABLE)
    blocks = [
        b
        for b in doc.blocks
        if b.location.page in low
        and (b.location.page in unreadable or (b.confidence is not None and b.confidence < BLOCK_LOW))
    ]
    return blocks, unreadable


def _located(f: Finding, block: Block) -> tuple[int, int]:
    """The characters of ``block`` finding ``f`` rests on: its span and :data:`NEAR` characters on either
    side, else where its quote stands in the block, else all of the block."""
    if f.span is not None:
        return max(0, f.span[0] - NEAR), f.span[1] + NEAR
    quote = f.snippet.strip()
    at = block.text.find(quote) if quote else -1
    return (at, at + len(quote)) if at >= 0 else (0, len(block.text))


def withhold_poorly_read(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` without those OCR's reading cannot support, and one :data:`LOW_CONFIDENCE` warning
    instead, naming the lines read poorly and the checks withheld. On a poorly read page
    (:func:`_low_pages`): a finding located in a poorly read block (:func:`poorly_read`), or whose located
    text (:func:`_located`) rests on a word OCR read poorly (:func:`weak_ranges`); and a document-level one
    (no quote, no span: "no dispute clause") whenever there are such parts — the clause may be in them.
    Documents read well (a text layer, a well-read scan) come back unchanged."""
    if not doc.meta.get("ocr_confidence"):
        return findings  # nothing was OCR'd (a text layer, a .docx): nothing read poorly
    low = _low_pages(doc)
    blocks, unreadable = poorly_read(doc, low)
    garbled = [(b, [b.text[s:e] for s, e in garbled_parts(b)]) for b in doc.blocks if b.location.page in low]
    where = {b.location.index for b in blocks}
    named = [(b, parts) for b, parts in garbled if parts and b.location.index not in where]
    if not blocks and not unreadable and not named:
        return findings
    by_index = {b.location.index: b for b in doc.blocks}
    kept: list[Finding] = []
    withheld: list[str] = []
    for f in findings:
        own = f.rule.startswith(("meta/", "internal/"))
        block = by_index.get(f.location.index)
        on_weak = False
        if block is not None and block.location.page in low and not own:
            a, b = _located(f, block)
            on_weak = any(s < b and e > a for s, e in weak_ranges(block))
        if not own and (f.location.index in where or on_weak or (not f.snippet and f.span is None)):
            withheld.append(f.rule)
        else:
            kept.append(f)
    kept.append(_low_confidence_notice(blocks, unreadable, sorted(set(withheld)), doc.meta, named))
    return kept


#: Garbled parts the notice quotes at most (the rest are counted).
NOTICE_PARTS = 8


def _low_confidence_notice(
    blocks: list, unreadable: list[int], withheld: list[str], meta: dict, named: list | None = None
) -> Finding:
    """The one warning of :func:`withhold_poorly_read`: the lines read poorly, the words OCR garbled in
    other lines (``named``: each block with its garbled parts, :func:`garbled_parts`), the checks withheld."""
    lines: dict[int, list[int]] = {}
    for b in blocks:
        if b.location.page not in unreadable:
            lines.setdefault(b.location.page, []).append(b.location.line)
    pages = meta.get("ocr_confidence") or {}
    zh_parts = [f"第{p}页第{'、'.join(map(str, ls))}行" for p, ls in sorted(lines.items())]
    en_parts = [f"page {p} line(s) {', '.join(map(str, ls))}" for p, ls in sorted(lines.items())]
    zh, en = [], []
    if zh_parts:
        zh.append(
            f"扫描件{'，'.join(zh_parts)} OCR 识别可信度低（低于 {BLOCK_LOW}/100），识别出的文字不可据以判断"
        )
        en.append(f"OCR read {'; '.join(en_parts)} of the scan poorly (confidence under {BLOCK_LOW}/100)")
    words = [(b.location, part) for b, parts in (named or []) for part in parts]
    if words:
        shown = words[:NOTICE_PARTS]
        more_zh = f"等 {len(words)} 处" if len(words) > len(shown) else ""
        more_en = f" and {len(words) - len(shown)} more" if len(words) > len(shown) else ""
        zh.append(
            f"扫描件中以下文字 OCR 识别不清（字词可信度低于 {WORD_LOW}/100）："
            + "、".join(f"第{loc.page}页第{loc.line}行“{t}”" for loc, t in shown)
            + more_zh
        )
        en.append(
            f"OCR could not read these words of the scan (word confidence under {WORD_LOW}/100): "
            + "; ".join(f"page {loc.page} line {loc.line} '{t}'" for loc, t in shown)
            + more_en
        )
    for p in unreadable:
        zh.append(f"第{p}页几乎无法识别（整页可信度 {pages[p]:.0f}/100），该页未检查")
        en.append(
            f"page {p} could not be read (confidence {pages[p]:.0f}/100 for the page): it was not checked"
        )
    if withheld:
        zh.append(f"以下检查的结论已暂不报告：{'、'.join(withheld)}")
        en.append(f"withheld, as the text they rest on is not reliable: {', '.join(withheld)}")
    else:
        zh.append("这些行中的问题无法被发现")
        en.append("problems in those lines cannot be found")
    if blocks:
        first = blocks[0].location
    elif words:
        first = words[0][0]
    else:
        first = Location(index=0, page=unreadable[0])
    return Finding(
        rule=LOW_CONFIDENCE,
        severity=Severity.WARNING,
        message="；".join(zh) + "。请对照扫描件人工核对这些行。",
        message_en="; ".join(en) + ". Read those lines on the scan by hand.",
        location=first,
        hint="rescan at 300 dpi or more, or lint the original document; type in handwritten fill-ins",
    )


def lint_text(
    text: str, settings: Settings | None = None, *, rules: Iterable | None = None, suppress: bool = True
) -> list[Finding]:
    """Lint a string as a text document (one block per line); its suppression notes apply."""
    from contractkit.readers.text import document_from_text

    return lint_document(document_from_text(text), settings, rules=rules, suppress=suppress)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A folder entry lint leaves out, and why (in Chinese and English)."""

    path: str
    reason: str
    reason_en: str
    unreadable: bool = False  # a folder that could not be listed: its files were not checked


@functools.cache
def supported_suffixes() -> tuple[str, ...]:
    """The suffixes a folder expands to: :data:`SUPPORTED`, plus those of the optional readers present
    (Word formats converted by ``readers.office``: .doc, .wps, .rtf, .odt …)."""
    import importlib
    import importlib.util

    out = list(SUPPORTED)
    for module, attr in _OPTIONAL_READERS:
        if importlib.util.find_spec(module) is not None:
            out.extend(s.lower() for s in getattr(importlib.import_module(module), attr, ()))
    return tuple(dict.fromkeys(out))


def _skip_reason(name: str) -> tuple[str, str] | None:
    """Why a file found in a folder is not linted, or None when it is."""
    if name.startswith("~$"):
        return "Word 的临时锁定文件", "a Word lock file"
    if name.startswith("."):
        return "隐藏文件", "a hidden file"
    known = supported_suffixes()
    if not name.lower().endswith(known):
        suffix = Path(name).suffix.lower()
        return (
            f"不支持的文件类型 {suffix or '（无扩展名）'}（支持 {'、'.join(known)}）",
            f"unsupported file type {suffix or '(no extension)'} (supported: {', '.join(known)})",
        )
    return None


def _unreadable_folder(err: OSError, fallback: str) -> Skipped:
    why = err.strerror or str(err)
    return Skipped(
        str(err.filename or fallback), f"无法读取该文件夹（{why}）", f"cannot read this folder ({why})", True
    )


def walk_inputs(paths: Iterable[str | Path]) -> Iterator[str | Skipped]:
    """Files as given; folders expanded (recursively, sorted). Each folder entry that is not linted —
    unsupported type, hidden, Word lock file, hidden or linked subfolder, unreadable subfolder — is a
    :class:`Skipped`, in walk order."""
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            yield str(raw)
            continue
        errors: list[OSError] = []
        for root, dirs, files in os.walk(p, onerror=errors.append):
            while errors:
                yield _unreadable_folder(errors.pop(0), root)
            keep = []
            for d in sorted(dirs):
                full = str(Path(root) / d)
                if d.startswith("."):
                    yield Skipped(full, "隐藏文件夹，未检查", "a hidden folder, not checked")
                elif os.path.islink(full):
                    yield Skipped(full, "指向文件夹的符号链接，未跟随", "a link to a folder, not followed")
                else:
                    keep.append(d)
            dirs[:] = keep
            for name in sorted(files):
                why = _skip_reason(name)
                yield str(Path(root) / name) if why is None else Skipped(str(Path(root) / name), *why)
        for err in errors:
            yield _unreadable_folder(err, str(p))


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files as given; folders expanded (recursively, sorted) to their supported files (see
    :func:`walk_inputs` for the entries left out)."""
    for entry in walk_inputs(paths):
        if isinstance(entry, str):
            yield entry


def skipped_result(entry: Skipped, lang: str = "zh") -> FileResult:
    """The report line of a skipped entry: an unreadable folder is a file error (in ``lang``), anything else
    one ``meta/skipped`` info finding."""
    if entry.unreadable:
        return FileResult(
            path=entry.path, error=f"{entry.path}: {entry.reason if lang == 'zh' else entry.reason_en}"
        )
    return FileResult(
        path=entry.path,
        findings=[
            Finding(
                rule=SKIPPED,
                severity=Severity.INFO,
                message=f"已跳过：{entry.reason}",
                message_en=f"skipped: {entry.reason_en}",
                location=Location(index=0),
                hint="lint it by name if it is a text document",
            )
        ],
    )


def lint_paths(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    rules: Iterable | None = None,
    read_options: ReadOptions | None = None,
) -> LintResult:
    """Read and lint every path (folders expanded); an unreadable file becomes ``FileResult(error=…)``, a
    folder entry left out a ``meta/skipped`` finding (see :func:`walk_inputs`). ``rules`` defaults to every
    registered rule (pass the built-in rules plus a playbook's to run both)."""
    settings = Settings.resolve(settings)
    rules = list(rules) if rules is not None else list(available_rules().values())
    result = LintResult()
    max_bytes = settings.max_input_mb * 1024 * 1024
    for entry in walk_inputs(paths):
        if isinstance(entry, Skipped):
            result.files.append(skipped_result(entry, settings.lang))
        else:
            result.files.append(
                lint_file(entry, settings, rules=rules, max_bytes=max_bytes, read_options=read_options)
            )
    return result


def lint_file(
    path: str | Path,
    settings: Settings | None = None,
    *,
    rules: Iterable | None = None,
    max_bytes: int = 0,
    read_options: ReadOptions | None = None,
) -> FileResult:
    """Read and lint one file (OCR and tracked changes per ``read_options``); a file that cannot be read is
    ``FileResult(error=…)``, never an exception."""
    from contractkit.errors import ContractkitError
    from contractkit.readers.dispatch import read_document
    from contractkit.readers.model import reading

    settings = Settings.resolve(settings)
    name = str(path)
    max_bytes = max_bytes or settings.max_input_mb * 1024 * 1024
    try:
        with reading(read_options) as options:
            doc = read_document(path, max_bytes=max_bytes)
            if options.revisions == "changes":
                from contractkit.reading import lint_changes

                return FileResult(path=name, findings=lint_changes(name, doc, settings, rules, max_bytes))
    except ContractkitError as exc:  # the message in the settings' language (the CLI's --lang)
        return FileResult(path=name, error=exc.text(settings.lang))
    except (OSError, ValueError) as exc:
        return FileResult(path=name, error=f"{name}: {exc}")
    return FileResult(path=name, findings=lint_document(doc, settings, rules=rules))


def example_problems(rules: Iterable) -> list[str]:
    """Each rule example that does not behave: a ``bad`` one the rule misses, a ``good`` one it flags."""
    problems = []
    for r in rules:
        for text in r.bad:
            if not any(f.rule == r.id for f in lint_text(text, Settings(), rules=[r], suppress=False)):
                problems.append(f"{r.id}: bad example not flagged: {text}")
        for text in r.good:
            if any(f.rule == r.id for f in lint_text(text, Settings(), rules=[r], suppress=False)):
                problems.append(f"{r.id}: good example flagged: {text}")
    return problems


def clear_caches() -> None:
    """Empty every per-text cache (facts and rule helpers): benchmarks call this to time cold runs."""
    from contractkit.checks import _common, term
    from contractkit.facts import clear_caches as clear_fact_caches

    clear_fact_caches()
    _common._letter_counts.cache_clear()
    term._find_dates_cached.cache_clear()
