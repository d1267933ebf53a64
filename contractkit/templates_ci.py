"""CI for .docx templates: compile, check variables against the deal context, render every sample, lint the
result and compare its text with a committed snapshot. ``check_templates()`` returns a ``TemplatesReport``
whose ``result`` is a ``LintResult``, so every lint report format can print it."""

from __future__ import annotations

import difflib
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractkit.config import Settings
from contractkit.errors import ContractkitError, UsageError
from contractkit.findings import FileResult, Finding, LintResult, Severity
from contractkit.readers.model import Block, Location

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARA = re.compile(r"<w:p([ >])")
_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_DOCXTPL_MARK = re.compile(r"^\{%-?\s*(?:p|tr|tc|r)\s")

#: Which template-context keys each top-level deal section feeds (default: the key of the same name).
SECTION_CONTEXT: dict[str, tuple[str, ...]] = {
    "price": ("totals", "tax", "currency", "fx"),
    "penalties": ("penalty_sentences", "deposit"),
    "warranty": ("warranty", "retention"),
    "term": ("other_sentences",),
    "clauses": ("other_sentences",),
    "counterparts": ("other_sentences",),
    "confidentiality": ("confidentiality_sentence",),
    "attachments": ("attachments", "attachments_text", "other_sentences"),
}
#: Sections that never reach a template.
_NOT_RENDERED = {"kind", "$schema", "totals", "approvals"}

# Rule ids of the template checks.
SYNTAX, UNKNOWN, UNUSED, RENDER, SNAPSHOT, MISSING_SNAPSHOT, NO_SAMPLES = (
    "templates/syntax",
    "templates/unknown-variable",
    "templates/unused-section",
    "templates/render",
    "templates/snapshot-diff",
    "templates/snapshot-missing",
    "templates/no-samples",
)

_RULE_TEXT = {
    SYNTAX: ("模板语法错误", "Template does not compile", "error"),
    UNKNOWN: ("模板引用了不存在的变量", "Template reads an unknown variable", "error"),
    UNUSED: ("模板未使用必填部分", "Template never uses a required section", "warning"),
    RENDER: ("模板无法渲染样例", "Template does not render a sample", "error"),
    SNAPSHOT: ("渲染文本与快照不一致", "Rendered text differs from its snapshot", "error"),
    MISSING_SNAPSHOT: ("缺少文本快照", "Snapshot missing", "error"),
    NO_SAMPLES: ("没有可渲染的样例", "No sample of the template's kind", "warning"),
}


def template_rules() -> dict[str, Any]:
    """``Rule`` descriptions of the template checks (not lint rules: never registered), for reports."""
    from contractkit.checks.base import Rule

    return {
        rid: Rule(
            id=rid,
            title=zh,
            title_en=en,
            severity=Severity.parse(sev),
            why=zh,
            why_en=en,
            basis="",
            fix="",
            bad=(),
            good=(),
            params=(),
            check=lambda doc, ctx: iter(()),
        )
        for rid, (zh, en, sev) in _RULE_TEXT.items()
    }


@dataclass
class TemplatesReport:
    """The outcome of one ``templates check`` run: findings per template / sample, snapshots written."""

    result: LintResult = field(default_factory=LintResult)
    fail_on: Severity = Severity.WARNING
    templates: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 clean, 1 a finding at or above ``fail_on``, 2 an unreadable template or sample."""
        if any(fr.error for fr in self.result.files):
            return 2
        worst = self.result.worst()
        return 1 if worst is not None and worst >= self.fail_on else 0


# -- template sources and locations ------------------------------------------------------------------
def template_sources(path: Path) -> list[tuple[str, str]]:
    """``(zip member, Jinja source)`` for every templated part, patched exactly as rendering patches it."""
    from docxtpl import DocxTemplate
    from lxml import etree

    from contractkit.render.docx import CompiledTemplate, read_template_zip

    members, _ = read_template_zip(path)  # the draft guards: bombs, encryption, member counts, DTDs
    patcher = DocxTemplate.__new__(DocxTemplate)
    doc_name = CompiledTemplate.main_part(members)
    root = etree.fromstring(members[doc_name])
    body = root.find(f"{{{_W}}}body")
    body_xml = re.sub(r"^<w:body[^>]*>", "<w:body>", etree.tostring(body, encoding="unicode"))
    out = [(doc_name, _PARA.sub(r"\n<w:p\1", patcher.patch_xml(body_xml)))]
    for member in CompiledTemplate.related_parts(members, doc_name):
        xml = etree.tostring(etree.fromstring(members[member]), encoding="unicode")
        if _TAGS.search(re.sub(r"<[^>]+>", "", xml)):
            out.append((member, _PARA.sub(r"\n<w:p\1", patcher.patch_xml(xml))))
    return out


def _norm_tag(tag: str) -> str:
    return re.sub(r"\s+", "", _DOCXTPL_MARK.sub("{% ", tag))


def _line_text(source: str, lineno: int | None) -> str:
    lines = source.split("\n")
    if not lineno or lineno > len(lines):
        return ""
    return re.sub(r"<[^>]+>", "", lines[lineno - 1])


def _locate(text: str, blocks: list[Block], hint: str = "", last: bool = False) -> tuple[Location, str]:
    """The block of the template that holds a line of patched source, and the tag to quote (as written in
    Word, e.g. ``{%p if x %}``). ``hint`` picks the tag naming it; else the first (or ``last``) tag."""
    tags = _TAGS.findall(text)
    if not tags:
        return Location(index=0), text.strip()[:80]
    tag = next((t for t in tags if hint and hint in t), tags[-1] if last else tags[0])
    want = _norm_tag(tag)
    loose = re.sub(r"\s+", "", _DOCXTPL_MARK.sub("{% ", text))
    holding = [(b, t) for b in blocks for t in _TAGS.findall(b.text) if _norm_tag(t) == want]
    for b, t in holding:  # the paragraph whose text is on that source line
        if re.sub(r"\s+", "", _DOCXTPL_MARK.sub("{% ", b.text)) in loose:
            return b.location, t
    if holding:
        return holding[0][0].location, holding[0][1]
    return Location(index=0), tag


def _bad_tag(line: str, message: str, env: Any) -> str:
    """The tag on a source line that fails on its own (openers missing their end do not count), else the
    tag naming the word the Jinja message quotes, else ""."""
    from jinja2 import TemplateSyntaxError

    tags = _TAGS.findall(line)
    for t in tags:
        try:
            env.parse(t)
        except TemplateSyntaxError as exc:
            msg = exc.message or ""
            if not msg.startswith("Unexpected end of template") and "unknown tag 'end" not in msg:
                return t
    named = re.search(r"'([^']+)'", message)
    return next((t for t in tags if named and named.group(1) in t), "")


def _finding(rule: str, sev: Severity, zh: str, en: str, loc: Location, snippet: str = "", hint: str = ""):
    return Finding(
        rule=rule, severity=sev, message=zh, message_en=en, location=loc, snippet=snippet, hint=hint
    )


# -- variable paths -----------------------------------------------------------------------------------
def used_paths(ast: Any) -> list[tuple[str, int]]:
    """Every context path a template reads (``buyer.name``, ``items[].net``), with its source line.

    Loop variables resolve to their list (``it.net`` in ``for it in items`` → ``items[].net``); ``loop``,
    ``set`` / macro names and Jinja globals are not context paths.
    """
    from jinja2 import nodes

    local = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}

    def names_of(target: Any) -> list[str]:
        if isinstance(target, nodes.Name):
            return [target.name]
        return [n.name for n in target.find_all(nodes.Name)]

    bound_by_for = {n for f in ast.find_all(nodes.For) for n in names_of(f.target)}
    local -= bound_by_for
    glob = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "true", "false", "none"}
    out: list[tuple[str, int]] = []

    def chain(node: Any, scope: dict[str, str | None]) -> str | None:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in local or node.name in glob:
                return None
            return node.name
        if isinstance(node, nodes.Getattr):
            base = chain(node.node, scope)
            return None if base is None else f"{base}.{node.attr}"
        if isinstance(node, nodes.Getitem):
            base = chain(node.node, scope)
            if base is None:
                return None
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return f"{base}.{node.arg.value}"
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, int):
                return f"{base}[]"
            return base
        return None

    def visit(node: Any, scope: dict[str, str | None]) -> None:
        if (
            isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem)
            and getattr(node, "ctx", "load") == "load"
        ):
            path = chain(node, scope)
            if path is not None:
                out.append((path, node.lineno))
            sub = node
            while isinstance(sub, nodes.Getattr | nodes.Getitem):
                if isinstance(sub, nodes.Getitem) and not isinstance(sub.arg, nodes.Const):
                    visit(sub.arg, scope)
                sub = sub.node
            return
        if isinstance(node, nodes.For):
            visit(node.iter, scope)
            inner = dict(scope)
            base = chain(node.iter, scope) if isinstance(node.iter, nodes.Name | nodes.Getattr) else None
            for n in names_of(node.target):
                inner[n] = f"{base}[]" if base is not None and isinstance(node.target, nodes.Name) else None
            inner["loop"] = None
            for child in (*node.body, *node.else_, *([node.test] if node.test else [])):
                visit(child, inner)
            return
        for child in node.iter_child_nodes():
            visit(child, scope)

    visit(ast, {})
    return out


def _flatten(value: Any, prefix: str, known: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            path = f"{prefix}.{k}" if prefix else str(k)
            known.setdefault(path, v)
            if known[path] is None:
                known[path] = v
            _flatten(v, path, known)
    elif isinstance(value, list):
        path = f"{prefix}[]"
        for v in value:
            known.setdefault(path, v)
            _flatten(v, path, known)


def known_paths(contexts: list[dict[str, Any]]) -> dict[str, Any]:
    """Every path in any of ``contexts`` mapped to an example value (None when only ever None)."""
    known: dict[str, Any] = {}
    for ctx in contexts:
        _flatten(ctx, "", known)
    return known


def _path_ok(path: str, known: dict[str, Any]) -> bool:
    if path in known:
        return True
    parts = re.split(r"(?=\.)|(?=\[\])", path)
    for i in range(len(parts) - 1, 0, -1):
        prefix = "".join(parts[:i])
        if prefix in known:
            value = known[prefix]
            if value is None:  # only ever None in the samples: what lies below cannot be checked
                return True
            rest = parts[i:]
            if len(rest) == 1 and rest[0].startswith(".") and not isinstance(value, dict | list):
                return hasattr(value, rest[0][1:])  # a str method such as .strip
            return False
    return False


def _enriched(deal: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``deal`` with the optional sections the samples may lack filled in (deposit, discounts),
    so the context shows every key a template may read."""
    import copy
    from decimal import Decimal

    d = copy.deepcopy(deal)
    if d.get("kind") == "contract":
        d.setdefault("penalties", {}).setdefault("deposit", {"amount": Decimal("1.00")})
    d.setdefault("discounts", [{"kind": "promotion", "percent": Decimal("1"), "description": "x"}])
    d.setdefault("notes", ["x"])
    d.setdefault("attachments", ["x"])
    return d


def _context_variants(deal: dict[str, Any]) -> list[dict[str, Any]]:
    import contextlib

    from contractkit.render.context import build_context

    out = [build_context(deal)]
    with contextlib.suppress(Exception):  # enrichment is best effort; the plain context still counts
        out.append(build_context(_enriched(deal)))
    return out


# -- the checks ---------------------------------------------------------------------------------------
def _label(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it (shorter, and right for SARIF)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def template_kind(path: Path) -> str:
    """``quote`` or ``contract``: the bundled defaults by name, else ``quote``/``报价`` in the file name."""
    from contractkit.render.docx import DEFAULT_BY_KIND

    for kind, name in DEFAULT_BY_KIND.items():
        if path.stem == name:
            return kind
    return "quote" if "quote" in path.stem.lower() or "报价" in path.stem else "contract"


def _syntax_and_variables(
    path: Path, kind: str, blocks: list[Block], known: dict[str, Any]
) -> tuple[list[Finding], bool]:
    """Step 1 and 2; the bool says whether the template compiled."""
    from jinja2 import TemplateSyntaxError

    from contractkit.deal.schema import schema_for
    from contractkit.render.env import get_env

    env = get_env()
    findings: list[Finding] = []
    used: set[str] = set()
    ok = True
    for member, source in template_sources(path):
        try:
            ast = env.parse(source)
        except TemplateSyntaxError as exc:
            ok = False
            line = _line_text(source, exc.lineno)
            loc, tag = _locate(line, blocks, _bad_tag(line, exc.message or "", env), last=True)
            where = loc.describe("zh")
            findings.append(
                _finding(
                    SYNTAX,
                    Severity.ERROR,
                    f"模板 {path.name} 语法错误（{member}，{where}）：{exc.message}；标签 {tag}",
                    f"template {path.name} does not compile ({member}, {loc.describe('en')}): {exc.message}; "
                    f"tag {tag}",
                    loc,
                    tag,
                    "check the {{ }} / {% %} tags in Word (a tag split by formatting, a missing endif)",
                )
            )
            continue
        known_list = sorted(p for p in known if p)
        for p, lineno in used_paths(ast):
            used.add(p.split(".")[0].split("[")[0])
            if _path_ok(p, known):
                continue
            close = difflib.get_close_matches(p, known_list, n=1, cutoff=0.5)
            loc, tag = _locate(_line_text(source, lineno), blocks, p.rsplit(".", 1)[-1])
            sug_zh = f"；是否应为 {close[0]}？" if close else ""
            sug_en = f"; did you mean {close[0]}?" if close else ""
            findings.append(
                _finding(
                    UNKNOWN,
                    Severity.ERROR,
                    f"模板 {path.name} 引用了不存在的变量 {p}（{loc.describe('zh')}）{sug_zh}",
                    f"template {path.name} reads unknown variable {p} ({loc.describe('en')}){sug_en}",
                    loc,
                    tag,
                    f"use {close[0]}" if close else "see the deal schema for the fields a template can read",
                )
            )
    if ok:
        for section in schema_for(kind).get("required", []):
            if section in _NOT_RENDERED:
                continue
            keys = SECTION_CONTEXT.get(section, (section,))
            if not any(k in known for k in keys) or used & set(keys):
                continue
            findings.append(
                _finding(
                    UNUSED,
                    Severity.WARNING,
                    f"模板 {path.name} 未使用必填部分 {section}（{'/'.join(keys)}），可能遗漏了条款",
                    f"template {path.name} never uses the required section {section} "
                    f"({'/'.join(keys)}); a clause may have been lost",
                    Location(index=0),
                    hint=f"put {{{{ {keys[0]} }}}} back where the clause belongs",
                )
            )
    return findings, ok


def snapshot_text(blocks: list[Block]) -> str:
    """The text of a rendered document for its snapshot: paragraphs and table cells, one per line."""
    lines = [line.rstrip() for b in blocks for line in b.text.split("\n")]
    return "\n".join(lines) + "\n"


def _load_samples(samples: Path) -> list[tuple[Path, dict[str, Any] | ContractkitError]]:
    from contractkit.deal.load import load_deal
    from contractkit.deal.schema import KINDS

    out: list[tuple[Path, dict[str, Any] | ContractkitError]] = []
    for p in sorted(samples.glob("*.json")):
        try:
            deal = load_deal(p)
        except ContractkitError as exc:
            out.append((p, exc))
            continue
        if isinstance(deal, dict) and deal.get("kind") in KINDS:
            out.append((p, deal))
    return out


def _default_samples() -> Path:
    here = Path("samples")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "samples"


def _render_one(
    path: Path,
    sample: Path,
    deal: dict[str, Any],
    snap_dir: Path,
    update: bool,
    settings: Settings,
    report: TemplatesReport,
) -> None:
    """Steps 3–5 for one template and one sample."""
    from contractkit.lint import lint_document
    from contractkit.readers.docx import read_docx
    from contractkit.render.docx import render_docx

    label = f"{_label(path)}::{sample.stem}"
    fr = FileResult(path=label)
    report.result.files.append(fr)
    try:
        data = render_docx(deal, template=path, path=str(sample))
    except ContractkitError as exc:
        fr.findings.append(
            _finding(
                RENDER,
                Severity.ERROR,
                f"模板 {path.name} 无法用样例 {sample.name} 渲染：{exc.text('zh')}",
                f"template {path.name} does not render sample {sample.name}: {exc.text('en')}",
                Location(index=0),
                hint=exc.hint or "",
            )
        )
        return
    with tempfile.TemporaryDirectory(prefix="ck-tpl-") as tmp:
        out = Path(tmp) / f"{path.stem}-{sample.stem}.docx"
        out.write_bytes(data)
        doc = read_docx(out)
    doc.path = label
    doc.deal = deal  # rules that read the deal (quote vs contract, parties) see what was rendered
    fr.findings.extend(lint_document(doc, settings))
    text = snapshot_text(doc.blocks)
    snap = snap_dir / path.stem / f"{sample.stem}.txt"
    if update:
        from contractkit.fileio import atomic_write

        if not snap.is_file() or snap.read_text("utf-8") != text:
            snap.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(snap, text.encode("utf-8"))
            report.updated.append(str(snap))
        return
    if not snap.is_file():
        fr.findings.append(
            _finding(
                MISSING_SNAPSHOT,
                Severity.ERROR,
                f"缺少快照 {snap}",
                f"no snapshot {snap}",
                Location(index=0),
                hint="run `contractkit templates check --update` and commit the snapshot",
            )
        )
        return
    old = snap.read_text("utf-8")
    if old == text:
        return
    diff = list(
        difflib.unified_diff(
            old.splitlines(), text.splitlines(), f"{snap} (committed)", f"{snap} (rendered)", lineterm=""
        )
    )
    first = next((ln for ln in diff[2:] if ln[:1] in "+-"), "")
    body = "\n".join(diff)
    fr.findings.append(
        _finding(
            SNAPSHOT,
            Severity.ERROR,
            f"渲染文本与快照 {snap} 不一致：\n{body}",
            f"rendered text differs from snapshot {snap}:\n{body}",
            Location(index=0),
            first,
            "review the diff; if the change is intended run `contractkit templates check --update`",
        )
    )


def check_templates(
    dir: str | Path | None = None,
    *,
    samples: str | Path | None = None,
    update: bool = False,
    fail_on: str | Severity = "warning",
    snapshots: str | Path | None = None,
    settings: Settings | None = None,
    lang: str = "en",
) -> TemplatesReport:
    """Check every ``*.docx`` template in ``dir`` (default: the config's folder, else the bundled ones):
    syntax, variables, renders of every sample of its kind, lint findings and text snapshots; unreadable
    files are reported in ``lang``."""
    from contractkit.readers.docx import read_docx
    from contractkit.render.docx import BUNDLED

    settings = Settings.resolve(settings)
    folder = Path(dir) if dir else Path(settings.templates) if settings.templates else BUNDLED
    if not folder.is_dir():
        raise UsageError(
            "template folder not found",
            path=str(folder),
            hint="give a folder of .docx templates",
            zh="找不到模板文件夹",
            hint_zh="请给出存放 .docx 模板的文件夹",
        )
    paths = sorted(p for p in folder.glob("*.docx") if not p.name.startswith(("~$", ".")))
    if not paths:
        raise UsageError("no .docx templates in the folder", path=str(folder), zh="文件夹中没有 .docx 模板")
    sample_dir = Path(samples) if samples else _default_samples()
    if not sample_dir.is_dir():
        raise UsageError(
            "samples folder not found",
            path=str(sample_dir),
            hint="pass --samples DIR",
            zh="找不到样例文件夹",
            hint_zh="请用 --samples DIR 指定",
        )
    snap_dir = Path(snapshots) if snapshots else Path("tests") / "snapshots"
    report = TemplatesReport(fail_on=Severity.parse(fail_on))
    loaded = _load_samples(sample_dir)
    for p, deal in loaded:
        if isinstance(deal, ContractkitError):
            report.result.files.append(FileResult(path=str(p), error=deal.text(lang)))
    by_kind: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for p, deal in loaded:
        if isinstance(deal, dict):
            by_kind.setdefault(deal["kind"], []).append((p, deal))
    contexts: dict[str, dict[str, Any]] = {}
    for kind, items in by_kind.items():
        ctxs: list[dict[str, Any]] = []
        for _, deal in items:
            try:
                ctxs.extend(_context_variants(deal))
            except Exception:  # an invalid sample is reported when it is rendered
                continue
        contexts[kind] = known_paths(ctxs)
    for path in paths:
        report.templates.append(str(path))
        kind = template_kind(path)
        try:
            blocks = read_docx(path).blocks
            sources_ok = True
        except ContractkitError as exc:
            report.result.files.append(FileResult(path=str(path), error=exc.text(lang)))
            continue
        fr = FileResult(path=_label(path))
        report.result.files.append(fr)
        kind_samples = by_kind.get(kind, [])
        if not kind_samples:
            fr.findings.append(
                _finding(
                    NO_SAMPLES,
                    Severity.WARNING,
                    f"没有 {kind} 类样例，模板 {path.name} 未被渲染",
                    f"no {kind} samples: template {path.name} was not rendered",
                    Location(index=0),
                    hint=f"add a {kind} deal to {sample_dir}",
                )
            )
        try:
            found, sources_ok = _syntax_and_variables(path, kind, blocks, contexts.get(kind, {}))
        except ContractkitError as exc:
            fr.error = exc.text(lang)
            continue
        except Exception as exc:  # malformed XML or relationships: one unreadable template, the rest go on
            fr.error = f"{path}: not a readable .docx template ({type(exc).__name__}: {exc})"
            continue
        fr.findings.extend(found)
        if not sources_ok:
            continue
        for sample, deal in kind_samples:
            _render_one(path, sample, deal, snap_dir, update, settings, report)
    return report
