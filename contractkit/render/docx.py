"""Render a deal to .docx: validate, build the context, render a template compiled once per process.

docxtpl re-reads the template, re-runs its XML-patching regexes and recompiles the Jinja source on every
render. Here each template is loaded once: the parts that hold Jinja tags (body, headers, footers,
footnotes, core properties) are patched with docxtpl's own ``patch_xml`` and compiled with our sandboxed
environment; every other zip member is kept as a pre-built zip. A render fills the compiled templates,
parses the result strictly (corrupt XML fails loudly) and appends the rendered parts to a copy of that zip.
Not supported (the context is plain data): subdocs, inline images, RichText objects.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from contractkit.errors import TemplateError, UsageError
from contractkit.fileio import atomic_write
from contractkit.render.env import GUARD

if TYPE_CHECKING:
    from contractkit.deal.seller import SellerProfile
    from contractkit.render.decorate import DocumentProperties

BUNDLED = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_BY_KIND = {"quote": "quote", "contract": "sales_contract"}

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_PART_TYPES = ("/header", "/footer", "/footnotes")
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TAG = re.compile(r"\{[{%#]")
_PARA_NL = re.compile(r"\n<w:p([ >])")
_PARA = re.compile(r"<w:p([ >])")


@dataclass
class _Part:
    name: str  # zip member
    prefix: str
    suffix: str
    template: Any  # jinja2.Template
    docxtpl: bool  # patched like docxtpl (body, headers, footers) vs plain (core properties)
    fix_tables: bool = False


class CompiledTemplate:
    """A .docx template loaded and compiled once; ``render(context)`` returns the .docx bytes."""

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.parts: list[_Part] = []
        try:
            self._compile()
        except TemplateError:
            raise
        except MemoryError:
            raise TemplateError(
                "the template needs too much memory to load", path=str(path), zh="模板过大，无法载入"
            ) from None
        except Exception as exc:  # malformed XML or relationships, a damaged zip member …
            raise TemplateError(
                f"not a usable .docx template ({type(exc).__name__}: {exc})",
                path=str(path),
                hint="open it in Word and save it again as .docx",
                zh=f"不是可用的 .docx 模板（{type(exc).__name__}: {exc}）",
                hint_zh="请在 Word 中打开并重新另存为 .docx",
            ) from None

    # -- loading ------------------------------------------------------------------------------------
    def _compile(self) -> None:
        from docxtpl import DocxTemplate
        from lxml import etree

        from contractkit.render.env import get_env

        env = get_env()
        members, infos = read_template_zip(self.path)
        doc_name = self.main_part(members)
        if doc_name not in members:
            raise TemplateError(
                "no word/document.xml in the template",
                path=str(self.path),
                zh="模板中没有 word/document.xml（不是有效的 Word 文档）",
            )
        patcher = DocxTemplate.__new__(DocxTemplate)  # patch_xml is stateless
        rendered: set[str] = set()

        def compile_src(src: str, member: str) -> Any:
            try:
                return env.from_string(src)
            except Exception as exc:  # jinja2.TemplateSyntaxError
                line = getattr(exc, "lineno", None)
                raise TemplateError(
                    f"template does not compile: {getattr(exc, 'message', exc)}",
                    path=str(self.path),
                    where=f"{member} line {line}" if line else member,
                    hint="check the {{ }} / {% %} tags in Word (a tag split by formatting, a missing endif)",
                    zh=f"模板无法编译：{getattr(exc, 'message', exc)}",
                    hint_zh="检查 Word 中的 {{ }} / {% %} 标签（标签被格式拆开、缺少 endif）",
                ) from None

        # body
        root = etree.fromstring(members[doc_name])
        body = root.find(f"{{{_W}}}body")
        body_xml = etree.tostring(body, encoding="unicode")
        body_xml = re.sub(r"^<w:body[^>]*>", "<w:body>", body_xml)
        placeholder = etree.Element(f"{{{_W}}}body")
        root.replace(body, placeholder)
        shell = etree.tostring(root, encoding="unicode")
        prefix, suffix = re.split(r"<w:body\s*/>", shell, maxsplit=1)
        patched = _PARA.sub(r"\n<w:p\1", patcher.patch_xml(body_xml))
        needs_fix = bool(re.search(r"\{%-?\s*tc\s", re.sub(r"<[^>]+>", "", body_xml)))
        self.parts.append(
            _Part(doc_name, _XML_DECL + prefix, suffix, compile_src(patched, doc_name), True, needs_fix)
        )
        rendered.add(doc_name)
        # headers, footers, footnotes
        for member in self.related_parts(members, doc_name):
            xml = etree.tostring(etree.fromstring(members[member]), encoding="unicode")
            if not _TAG.search(re.sub(r"<[^>]+>", "", xml)):
                continue
            patched = _PARA.sub(r"\n<w:p\1", patcher.patch_xml(xml))
            self.parts.append(_Part(member, _XML_DECL, "", compile_src(patched, member), True))
            rendered.add(member)
        core = "docProps/core.xml"
        if core in members and _TAG.search(members[core].decode("utf-8", "replace")):
            self.parts.append(_Part(core, "", "", compile_src(members[core].decode("utf-8"), core), False))
            rendered.add(core)
        # small members a render may decorate (relationships, properties, headers): written with each render
        headers = set(self.related_parts(members, doc_name))
        self._loose = {
            name: data
            for name, data in members.items()
            if name not in rendered
            and (name.endswith(".rels") or name in (core, "docProps/app.xml") or name in headers)
        }
        # every other member, compressed once; [Content_Types].xml knows PNG and JPEG (a letterhead logo)
        from contractkit.render.decorate import with_image_types

        self._readonly: dict[str, bytes] = {}
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in infos:
                name = info.filename
                if name in rendered or name in self._loose:
                    continue
                data = members[name]
                if name == "[Content_Types].xml":
                    data = with_image_types(data)
                self._readonly[name] = data
                zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        self._static = buf.getvalue()

    @staticmethod
    def main_part(members: dict[str, bytes]) -> str:
        from lxml import etree

        rels = members.get("_rels/.rels")
        if rels:
            for rel in etree.fromstring(rels).iter(f"{{{_REL}}}Relationship"):
                if rel.get("Type") == _OFFICE_DOC:
                    return rel.get("Target").lstrip("/")
        return "word/document.xml"

    @staticmethod
    def related_parts(members: dict[str, bytes], doc_name: str) -> list[str]:
        from lxml import etree

        folder = PurePosixPath(doc_name).parent
        rels_name = f"{folder}/_rels/{PurePosixPath(doc_name).name}.rels"
        out = []
        if rels_name in members:
            for rel in etree.fromstring(members[rels_name]).iter(f"{{{_REL}}}Relationship"):
                if rel.get("TargetMode") == "External" or not rel.get("Type", "").endswith(_PART_TYPES):
                    continue
                target = rel.get("Target")
                name = target.lstrip("/") if target.startswith("/") else str(folder / target)
                if name in members and name not in out:
                    out.append(name)
        return out

    # -- rendering ----------------------------------------------------------------------------------
    def render(self, context: dict[str, Any], *, decorate: dict[str, Any] | None = None) -> bytes:
        """Fill every compiled part with ``context`` and return the .docx bytes; ``decorate`` (the keyword
        arguments of :func:`~contractkit.render.decorate.decorate_docx`) adds properties, watermark, logo."""
        from contractkit.render.decorate import decorate_docx, decorate_parts

        parts = {**self._loose, **{part.name: self._render_part(part, context) for part in self.parts}}
        if decorate:
            done = decorate_parts(parts, self._readonly, **decorate)
            if done is None:  # a member compiled into the static zip must change: rewrite the package
                return decorate_docx(self._write(parts), **decorate)
            parts = done
        return self._write(parts)

    def _write(self, parts: dict[str, bytes]) -> bytes:
        buf = io.BytesIO(self._static)
        buf.seek(0, io.SEEK_END)
        buf.seek(0)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zout:
            for name, data in parts.items():
                zout.writestr(name, data)
        return buf.getvalue()

    def render_parts(self, context: dict[str, Any]) -> dict[str, bytes]:
        """The rendered XML of every templated part, by zip member name (for tests and tools)."""
        return {part.name: self._render_part(part, context) for part in self.parts}

    def _render_part(self, part: _Part, context: dict[str, Any]) -> bytes:
        from jinja2 import TemplateError as JinjaError
        from lxml import etree

        from contractkit.render.sandbox import render_bounded

        try:
            out = render_bounded(part.template, context)
        except JinjaError as exc:
            unknown = "undefined" in str(exc) or "has no attribute" in str(exc)
            raise TemplateError(
                f"template {self.name} does not render: {exc.message or exc}",
                path=str(self.path),
                where=part.name,
                hint="the template names a field the deal context does not have" if unknown else None,
                zh=f"模板 {self.name} 无法渲染：{_jinja_zh(exc.message or str(exc))}",
                hint_zh="模板引用了单据上下文中没有的字段" if unknown else None,
            ) from None
        if part.docxtpl:
            out = _PARA_NL.sub(r"<w:p\1", out)
            out = out.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            out = out.replace(
                GUARD, ""
            )  # data's own {_{ … }_} (guarded by the finalize hook) stays as written
            if "\n" in out or "\t" in out:
                out = _resolve_listing(out)
        out = out.replace(GUARD, "")  # data's own {_{ … }_} (guarded by the finalize hook) stays as written
        xml = part.prefix + out + part.suffix
        data = xml.encode("utf-8")
        try:
            tree = etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                f"template {self.name} produced malformed XML: {exc}",
                path=str(self.path),
                where=part.name,
                hint="a tag that cuts across Word paragraphs or table rows; use {%p %} / {%tr %} tags",
                zh=f"模板 {self.name} 生成了格式错误的 XML：{exc}",
                hint_zh="有标签跨越了 Word 段落或表格行；请使用 {%p %} / {%tr %} 标签",
            ) from None
        changed = False
        if part.fix_tables:
            changed |= _fix_tables(tree)
        if b"docPr" in data:
            changed |= _fix_docpr_ids(tree)
        if changed:
            data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
        return data


_JINJA_ZH = (
    (re.compile(r"^'([^']+)' is undefined$"), "未定义的名称「{0}」"),
    (re.compile(r"^'([^']+)' has no attribute '([^']+)'$"), "「{0}」没有属性「{1}」"),
    (
        re.compile(r"^access to attribute '([^']+)' of '([^']+)' object is unsafe\.?$"),
        "不允许访问 {1} 对象的属性「{0}」",
    ),
    (re.compile(r"^template limit: (.*)$"), "超出模板限制：{0}"),
)


def _jinja_zh(message: str) -> str:
    """The Chinese form of the Jinja messages a template author meets most; others are kept as written."""
    for pattern, zh in _JINJA_ZH:
        m = pattern.match(message)
        if m:
            return zh.format(*m.groups())
    return message


def _resolve_listing(xml: str) -> str:
    from docxtpl import DocxTemplate

    return DocxTemplate.resolve_listing(DocxTemplate.__new__(DocxTemplate), xml)


def _fix_tables(tree: Any) -> bool:
    """docxtpl's grid fix after ``{%tc %}`` column loops, on the parsed document."""
    from docxtpl import DocxTemplate
    from lxml import etree

    body = tree.find(f"{{{_W}}}body")
    fixed = DocxTemplate.fix_tables(DocxTemplate.__new__(DocxTemplate), etree.tostring(body))
    tree.replace(body, fixed)
    return True


def _fix_docpr_ids(tree: Any) -> bool:
    """Renumber drawing ids as docxtpl does, so images repeated by a loop stay unique."""
    nodes = tree.xpath(
        "//wp:docPr",
        namespaces={"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    )
    for i, elt in enumerate(nodes, start=1001):
        elt.attrib["id"] = str(i)
    return bool(nodes)


#: A template is read with the draft guards (bombs, member count, encryption, DTDs) and these caps.
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
MAX_TEMPLATE_INFLATED = 100 * 1024 * 1024


def read_template_zip(path: Path) -> tuple[dict[str, bytes], list[zipfile.ZipInfo]]:
    """Every member of a template .docx, read with the same guards as a draft; errors are TemplateErrors."""
    from contractkit.errors import UnreadableInput
    from contractkit.fileio import read_bounded
    from contractkit.readers import zipguard

    name = str(path)
    try:
        data = read_bounded(path, MAX_TEMPLATE_BYTES)
        zf = zipguard.open_zip(data, name, max_total=MAX_TEMPLATE_INFLATED)
        zipguard.check_docx(zf, name)
        infos = zf.infolist()
        members = {
            i.filename: zipguard.read_member(zf, i.filename, max_bytes=i.file_size, path=name) for i in infos
        }
    except UnreadableInput as exc:
        raise TemplateError(
            f"not a readable .docx template: {exc.message}",
            path=name,
            where=exc.where,
            hint=exc.hint,
            zh=f"无法读取 .docx 模板：{exc.zh or exc.message}",
            hint_zh=exc.hint_zh,
        ) from None
    return members, infos


# -- template lookup and cache ------------------------------------------------------------------------
_CACHE: dict[tuple[str, int, int], CompiledTemplate] = {}


def resolve_template(
    template: str | Path | None, *, kind: str | None = None, templates_dir: str | Path | None = None
) -> Path:
    """A template name (``quote``, ``sales_contract``) looked up in ``templates_dir`` then the bundled folder,
    or a path to a .docx; None → the default for the deal's kind."""
    if template is None:
        if kind not in DEFAULT_BY_KIND:
            raise UsageError(
                f"no default template for deal kind {kind!r}",
                hint="pass --template NAME|PATH",
                zh=f"单据类型 {kind!r} 没有默认模板",
                hint_zh="请用 --template 指定模板名称或路径",
            )
        template = DEFAULT_BY_KIND[kind]
    text = str(template)
    looks_like_path = isinstance(template, Path) or "/" in text or "\\" in text or text.endswith(".docx")
    if looks_like_path:
        path = Path(text).expanduser()
        if path.is_file():
            return path
        if "/" in text or "\\" in text:
            raise UsageError(
                "template not found",
                path=text,
                hint="give a .docx path or a template name",
                zh="找不到模板",
                hint_zh="请给出 .docx 文件路径或模板名称",
            )
    name = text[:-5] if text.endswith(".docx") else text
    if templates_dir and not Path(templates_dir).is_dir():
        raise UsageError(
            "templates folder not found",
            path=str(templates_dir),
            hint="--templates takes a folder of .docx",
            zh="找不到模板文件夹",
            hint_zh="--templates 须指定存放 .docx 模板的文件夹",
        )
    folders = [Path(templates_dir)] if templates_dir else []
    folders.append(BUNDLED)
    for folder in folders:
        candidate = folder / f"{name}.docx"
        if candidate.is_file():
            return candidate
    known = sorted({p.stem for f in folders if f.is_dir() for p in f.glob("*.docx")})
    raise UsageError(
        f"unknown template {text!r}",
        hint=f"known templates: {', '.join(known)}; or give a path to a .docx",
        zh=f"未知模板 {text!r}",
        hint_zh=f"已有模板：{'、'.join(known)}；也可以给出 .docx 文件路径",
    )


def load_template(path: str | Path) -> CompiledTemplate:
    """The compiled template for ``path``, compiled once per process (recompiled if the file changes)."""
    p = Path(path).resolve()
    try:
        st = p.stat()
    except OSError:
        raise UsageError("template not found", path=str(path), zh="找不到模板") from None
    key = (str(p), st.st_mtime_ns, st.st_size)
    compiled = _CACHE.get(key)
    if compiled is None:
        compiled = CompiledTemplate(p)
        _CACHE[key] = compiled
    return compiled


def render_docx(
    deal: dict[str, Any],
    *,
    template: str | Path | None = None,
    templates_dir: str | Path | None = None,
    path: str | None = None,
    seller: SellerProfile | None = None,
    watermark: str | None = None,
) -> bytes:
    """Validate ``deal`` (invalid data is never rendered), build its context and render it to .docx bytes.
    ``seller`` (a company profile) is merged under the deal first and its logo put in the letterhead;
    ``watermark`` (e.g. 草稿) is drawn diagonally on every page. The document properties (title, author =
    seller, subject = number, keywords) are always set."""
    from contractkit.deal.seller import merge_seller
    from contractkit.deal.validate import check_deal
    from contractkit.render.context import build_context
    from contractkit.render.decorate import check_watermark

    if watermark is not None:
        try:
            watermark = check_watermark(watermark)
        except ValueError as exc:
            raise UsageError(str(exc), hint="give a short text such as 草稿", zh="水印文字无效") from None
    if seller is not None:
        deal = merge_seller(deal, seller)
    checked = check_deal(deal, path=path)
    if not isinstance(checked, dict):
        checked = deal
    compiled = load_template(
        resolve_template(template, kind=checked.get("kind"), templates_dir=templates_dir)
    )
    context = build_context(checked)
    return compiled.render(
        context,
        decorate={
            "properties": document_properties(context),
            "watermark": watermark,
            "logo": seller.logo if seller is not None else None,
        },
    )


def document_properties(context: dict[str, Any]) -> DocumentProperties:
    """Title, author (the seller), subject (the number) and keywords of a rendered deal."""
    from contractkit.render.decorate import DocumentProperties

    kind = "报价单" if context.get("kind") == "quote" else "合同"
    buyer = (context.get("buyer") or {}).get("name", "")
    keywords = ", ".join(k for k in (kind, context.get("number", ""), buyer) if k)
    return DocumentProperties(
        title=context.get("title", ""),
        author=(context.get("seller") or {}).get("name", ""),
        subject=context.get("number", ""),
        keywords=keywords,
    )


def render_to_file(deal: dict[str, Any], out_path: str | Path, **kw: Any) -> Path:
    """``render_docx`` written atomically to ``out_path``."""
    return atomic_write(out_path, render_docx(deal, **kw))
