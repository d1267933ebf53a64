"""A comparison printed for people (text, an HTML page side by side) and for tools (JSON)."""

from __future__ import annotations

import html
from typing import Any

from contractkit.compare.align import Change, Comparison, Op
from contractkit.compare.units import Unit

_KIND_ZH = {"changed": "修改", "inserted": "新增", "deleted": "删除", "moved": "移动"}


def _where(units: tuple[Unit, ...], lang: str) -> str:
    return units[0].location.describe(lang) if units else ""


def _unit_data(u: Unit) -> dict[str, Any]:
    return {"location": u.location.to_dict(), "number": u.number, "text": u.text}


def to_data(c: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data (``contractkit diff --format json``)."""
    return {
        "version": 1,
        "ours": c.ours.path,
        "theirs": c.theirs.path,
        "identical": c.identical,
        "changes": [
            {
                "kind": ch.kind,
                "ours": [_unit_data(u) for u in ch.ours],
                "theirs": [_unit_data(u) for u in ch.theirs],
                "ops": [{"op": op.op, "ours": op.ours, "theirs": op.theirs} for op in ch.ops],
            }
            for ch in c.changes
        ],
        "renumbered": [{"ours": x.number, "theirs": y.number, "text": y.text} for x, y in c.renumbered],
        "summary": summary(c),
    }


def summary(c: Comparison) -> dict[str, int]:
    """How many clauses changed, were inserted, deleted, moved or only renumbered."""
    out = {k: 0 for k in _KIND_ZH}
    for ch in c.changes:
        out[ch.kind] += 1
    out["renumbered"] = len(c.renumbered)
    return out


def _op_line(op: Op, lang: str) -> str:
    if op.op == "insert":
        return ("  + 插入「{}」" if lang == "zh" else "  + inserted “{}”").format(op.theirs)
    if op.op == "delete":
        return ("  - 删除「{}」" if lang == "zh" else "  - deleted “{}”").format(op.ours)
    return ("  ~ 「{}」改为「{}」" if lang == "zh" else "  ~ “{}” → “{}”").format(op.ours, op.theirs)


def to_text(c: Comparison, lang: str = "zh") -> str:
    """One paragraph per change: kind, where on each side, and the word-level operations."""
    zh = lang == "zh"
    lines: list[str] = []
    for ch in c.changes:
        kind = _KIND_ZH[ch.kind] if zh else ch.kind
        where = " → ".join(x for x in (_where(ch.ours, lang), _where(ch.theirs, lang)) if x)
        lines.append(f"[{kind}] {where}")
        if ch.kind == "inserted":
            lines.extend(f"  + {u.text}" for u in ch.theirs)
        elif ch.kind == "deleted":
            lines.extend(f"  - {u.text}" for u in ch.ours)
        else:
            lines.append("  " + ("我方：" if zh else "ours:   ") + " ".join(u.text for u in ch.ours))
            lines.append("  " + ("对方：" if zh else "theirs: ") + " ".join(u.text for u in ch.theirs))
            lines.extend(_op_line(op, lang) for op in ch.ops)
    if c.renumbered:
        pairs = [f"{x.number} → {y.number}" for x, y in c.renumbered]
        shown = "，".join(pairs[:2]) + ("，…，" + pairs[-1] if len(pairs) > 2 else "")
        lines.append(
            f"[重新编号] {len(pairs)} 处（{shown}）"
            if zh
            else f"[renumbered] {len(pairs)} clauses ({shown.replace('，', ', ')})"
        )
    s = summary(c)
    if zh:
        lines.append(
            f"修改 {s['changed']} 处，新增 {s['inserted']} 处，删除 {s['deleted']} 处，移动 {s['moved']} 处"
            if c.changes
            else "两份文本内容一致"
        )
    else:
        lines.append(
            f"{s['changed']} changed, {s['inserted']} inserted, {s['deleted']} deleted, {s['moved']} moved"
            if c.changes
            else "no differences"
        )
    return "\n".join(lines) + "\n"


def _marked(units: tuple[Unit, ...], ops: tuple[Op, ...], side: str, doc: Any) -> str:
    """The sentences of one side as HTML, the changed words wrapped in <del> (ours) or <ins> (theirs)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for op in ops:
        at = op.at if side == "ours" else op.theirs_at
        if at and at[1] < at[2]:
            spans.setdefault(at[0], []).append((at[1], at[2]))
    tag = "del" if side == "ours" else "ins"
    parts = []
    for u in units:
        text = doc.blocks[u.block].text
        pos, out = u.start, []
        for s, e in sorted(x for x in spans.get(u.block, []) if u.start <= x[0] < u.end):
            out.append(html.escape(text[pos:s]))
            out.append(f"<{tag}>{html.escape(text[s:e])}</{tag}>")
            pos = e
        out.append(html.escape(text[pos : u.end]))
        parts.append("".join(out))
    return "<br>".join(parts)


_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.5em;vertical-align:top;width:45%}
th.k,td.k{width:10%;white-space:nowrap}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
tr.inserted td.t{background:#efe}tr.deleted td.o{background:#fee}.loc{color:#888;font-size:.8em}
"""


def to_html(c: Comparison, lang: str = "zh") -> str:
    """A self-contained page: one row per change, our text left, theirs right, changed words coloured."""
    zh = lang == "zh"
    title = "合同比对" if zh else "Contract comparison"
    rows = []
    for ch in c.changes:
        kind = _KIND_ZH[ch.kind] if zh else ch.kind
        if ch.kind == "inserted":
            left, right = "", "<ins>" + "<br>".join(html.escape(u.text) for u in ch.theirs) + "</ins>"
        elif ch.kind == "deleted":
            left, right = "<del>" + "<br>".join(html.escape(u.text) for u in ch.ours) + "</del>", ""
        else:
            left = _marked(ch.ours, ch.ops, "ours", c.ours)
            right = _marked(ch.theirs, ch.ops, "theirs", c.theirs)
        lo, lt = html.escape(_where(ch.ours, lang)), html.escape(_where(ch.theirs, lang))
        rows.append(
            f'<tr class="{ch.kind}"><td class="k">{kind}</td><td class="o"><div class="loc">{lo}</div>{left}'
            f'</td><td class="t"><div class="loc">{lt}</div>{right}</td></tr>'
        )
    s = summary(c)
    head = (
        f"修改 {s['changed']} · 新增 {s['inserted']} · 删除 {s['deleted']} · 移动 {s['moved']} · "
        f"重新编号 {s['renumbered']}"
        if zh
        else f"{s['changed']} changed · {s['inserted']} inserted · {s['deleted']} deleted · "
        f"{s['moved']} moved · {s['renumbered']} renumbered"
    )
    ours_h, theirs_h = ("我方文本", "对方文本") if zh else ("ours", "theirs")
    return (
        f'<!doctype html><html lang="{"zh-CN" if zh else "en"}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head><body><h1>{title}</h1>"
        f"<p>{html.escape(c.ours.path)} ↔ {html.escape(c.theirs.path)}</p><p>{head}</p>"
        f'<table><tr><th class="k"></th><th>{ours_h}</th><th>{theirs_h}</th></tr>{"".join(rows)}</table>'
        "</body></html>\n"
    )


__all__ = ["Change", "summary", "to_data", "to_html", "to_text"]
