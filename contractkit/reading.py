"""What reading did to a draft, said in the report: pages read by OCR (``meta/ocr``) and tracked changes
(``meta/revisions``); and ``revisions="changes"``: only the findings the tracked changes introduce.

A finding is introduced by the changes when the draft as it was before them (``revisions="original"``) has
no finding of the same rule quoting the same words (as ``lint --against`` compares two versions).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from contractkit.findings import Finding, Severity
from contractkit.readers.model import Document, Location, ReadOptions, reading

OCR = "meta/ocr"
REVISIONS = "meta/revisions"
_MODE_ZH = {
    "accepted": "按接受全部修订后的文本",
    "original": "按修订前的原文",
    "changes": "只报告修订引入的问题",
}
_MODE_EN = {
    "accepted": "read as if all were accepted",
    "original": "read as before the changes",
    "changes": "only the findings the changes introduce are reported",
}


def _pages(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages)


def reading_notes(doc: Document) -> list[Finding]:
    """Info findings for what reading did: OCR'd pages, tracked changes and how they were read."""
    out: list[Finding] = []
    pages = doc.meta.get("ocr") or []
    if pages:
        out.append(
            Finding(
                rule=OCR,
                severity=Severity.INFO,
                message=f"第 {'、'.join(map(str, pages))} 页的文字来自 OCR 识别（扫描件），可能有识别错误，"
                "位置按识别出的行计",
                message_en=f"the text of page(s) {_pages(pages)} came from OCR (a scan) and may hold "
                "misread characters; lines are the lines OCR found",
                location=Location(index=0, page=pages[0]),
                hint="check quoted text against the scan; lint the original .docx when you have it",
            )
        )
    rev: dict[str, Any] = doc.meta.get("revisions") or {}
    if rev:
        mode = rev.get("mode", "accepted")
        who = "、".join(rev.get("authors", ()))
        out.append(
            Finding(
                rule=REVISIONS,
                severity=Severity.INFO,
                message=f"文档含未处理的修订（插入 {rev['insertions']} 处、删除 {rev['deletions']} 处、"
                f"移动 {rev['moves']} 处{f'，修订人：{who}' if who else ''}），{_MODE_ZH[mode]}",
                message_en=f"the draft holds tracked changes ({rev['insertions']} insertion(s), "
                f"{rev['deletions']} deletion(s), {rev['moves']} move(s)"
                f"{', by ' + ', '.join(rev.get('authors', ())) if who else ''}): {_MODE_EN[mode]}",
                location=Location(index=0),
                hint="--revisions changes: only what the changes introduce; original: the text before them",
            )
        )
    return out


def _key(f: Finding) -> tuple[str, str]:
    from contractkit.readers.normalize import normalize

    return f.rule, "".join(normalize(f.snippet).split())


def introduced(accepted: Iterable[Finding], original: Iterable[Finding]) -> list[Finding]:
    """The findings of the accepted text with no counterpart (same rule and words) in the original."""
    before = {_key(f) for f in original}
    return [f for f in accepted if f.rule.startswith("meta/") or _key(f) not in before]


def lint_changes(path: str, doc: Document, settings: Any, rules: Any, max_bytes: int) -> list[Finding]:
    """Lint ``doc`` (read with ``revisions="changes"``) and keep what its tracked changes introduce."""
    from contractkit.lint import lint_document
    from contractkit.readers.dispatch import read_document

    found = lint_document(doc, settings, rules=rules)
    if not doc.meta.get("revisions"):
        return found
    with reading(ReadOptions(revisions="original")):
        before = read_document(path, max_bytes=max_bytes)
    return introduced(found, lint_document(before, settings, rules=rules))
