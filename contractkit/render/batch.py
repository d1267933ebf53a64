"""Render many deals (files, folders, JSON Lines) into one folder: one output per deal named by its number,
each written atomically; a bad deal is reported and skipped, the rest are rendered. ``jobs > 1`` uses worker
processes, each keeping its own compiled templates."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contractkit.errors import ContractkitError, DealInvalid, UnreadableInput, UsageError, WriteFailed
from contractkit.fileio import write_failed

if TYPE_CHECKING:
    from contractkit.deal.seller import SellerProfile

_BAD_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


@dataclass(frozen=True)
class Failure:
    """One deal that was not rendered: where it came from, the JSON pointer (or place) and the message, in
    English (``message``, ``pointer``) and Chinese (``message_zh``, ``pointer_zh``; empty when there is none).
    ``problem`` marks a deal's data problem (a validation Problem), shown in Chinese unless English is asked
    for, as ``validate`` shows problems; an error (unreadable, a template, a converter) is English unless
    Chinese is asked for, as at main()'s boundary. ``str()`` is that default line; ``text(lang)`` picks."""

    label: str
    pointer: str
    message: str
    unreadable: bool = False
    message_zh: str = ""
    pointer_zh: str = ""
    problem: bool = False

    def __str__(self) -> str:
        return self.text("zh" if self.problem else "en")

    def text(self, lang: str = "en") -> str:
        """``label: place: message`` in ``lang`` (English where no Chinese text exists)."""
        zh = lang == "zh" and bool(self.message_zh)
        place = (self.pointer_zh or self.pointer) if zh else self.pointer
        return ": ".join(p for p in (self.label, place, self.message_zh if zh else self.message) if p)


class BatchWarning(str):
    """A deal's warning (it is rendered anyway): as a ``str`` the line batches have always printed,
    ``label: pointer: 警告：中文 / English``; ``text(lang)`` the line for ``--lang`` (``warning: …`` in
    English)."""

    label: str
    problem: Any

    def __new__(cls, label: str, problem: Any) -> BatchWarning:
        line = f"{label}: {problem.pointer}: 警告：{problem.message} / {problem.message_en}"
        self = super().__new__(cls, line)
        self.label, self.problem = label, problem
        return self

    def __getnewargs__(self) -> tuple[str, Any]:  # type: ignore[override]
        return self.label, self.problem

    def text(self, lang: str = "zh") -> str:
        if lang == "en":
            return f"{self.label}: {self.problem.pointer}: warning: {self.problem.message_en}"
        return str(self)


def warning_line(warning: str, lang: str = "zh") -> str:
    """A report warning in ``lang``: a deal's (BatchWarning) follows it; a converter's line is as it is."""
    return warning.text(lang) if isinstance(warning, BatchWarning) else str(warning)


@dataclass
class BatchReport:
    """What a batch did: the files written and the deals skipped (with every problem)."""

    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    #: written anyway: a deal's BatchWarning (e.g. 0.13 % for 13 %), a converter's line (no font for …)
    warnings: list[str] = field(default_factory=list)
    deals: int = 0

    @property
    def failed_deals(self) -> int:
        return len({f.label for f in self.failures})

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def exit_code(self) -> int:
        """0 all rendered, 2 if some input was unreadable, else 1 if some deal was invalid."""
        if not self.failures:
            return 0
        return 2 if any(f.unreadable for f in self.failures) else 1

    def summary(self, lang: str = "en") -> str:
        rendered = self.deals - self.failed_deals
        if lang == "zh":
            text = f"{self.deals} 笔单据中已生成 {rendered} 笔，写出 {len(self.written)} 个文件"
            return text + (f"；{self.failed_deals} 笔失败" if self.failures else "")
        text = f"{rendered} of {self.deals} deal(s) rendered, {len(self.written)} file(s) written"
        if self.failures:
            text += f"; {self.failed_deals} failed"
        return text


#: Names Windows reserves whatever the extension (CON.docx is the console).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def safe_name(text: str, fallback: str = "deal") -> str:
    """A file name from a quote/contract number: no path separators, control, format (bidi, zero-width),
    surrogate or reserved characters, and never a Windows device name such as ``CON``."""
    import unicodedata

    kept = []
    for ch in unicodedata.normalize("NFC", text or ""):
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp"):
            kept.append("_")
        elif cat not in ("Cf", "Cs", "Co", "Cn"):
            kept.append(ch)
    text = "".join(kept)
    name = _BAD_NAME.sub("_", text).strip(" ._")[:120].strip(" ._")
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name or fallback


def failures_of(label: str, exc: BaseException) -> list[Failure]:
    """The Failure rows for one deal's error (every problem of an invalid deal), in both languages."""
    if isinstance(exc, DealInvalid) and exc.problems:
        return [_problem_failure(label, p) for p in exc.problems]
    if isinstance(exc, ContractkitError):
        message, hint = exc.localized("en")
        zh_message, zh_hint = exc.localized("zh") if exc.zh else ("", None)
        return [
            Failure(
                label,
                exc.where or "",
                message + (f" ({hint})" if hint else ""),
                isinstance(exc, UnreadableInput | WriteFailed),
                message_zh=zh_message + (f"（{zh_hint}）" if zh_message and zh_hint else ""),
                pointer_zh=(exc.where_zh or "") if zh_message else "",
            )
        ]
    return [Failure(label, "", f"{type(exc).__name__}: {exc}")]


def _problem_failure(label: str, problem: Any) -> Failure:
    """A validation Problem (Chinese ``message``, English ``message_en``) as a Failure; anything else by
    its text."""
    pointer = getattr(problem, "pointer", "")
    zh = getattr(problem, "message", None)
    en = getattr(problem, "message_en", None)
    if isinstance(zh, str) and isinstance(en, str):
        return Failure(label, pointer, en or zh, message_zh=zh, problem=True)
    return Failure(label, pointer, str(zh if zh is not None else problem))


@dataclass(frozen=True)
class _Job:
    label: str
    deal: dict
    out: Path
    template: str | None
    templates_dir: str | None
    seller: SellerProfile | None = None
    watermark: str | None = None


def _render_job(job: _Job) -> tuple[str, Path | None, list[Failure]]:
    """Render one deal to its file (runs in a worker for jobs > 1); errors come back as Failures."""
    from contractkit.render.docx import render_to_file

    try:
        path = render_to_file(
            job.deal,
            job.out,
            template=job.template,
            templates_dir=job.templates_dir,
            path=job.label,
            seller=job.seller,
            watermark=job.watermark,
        )
        return job.label, path, []
    except ContractkitError as exc:
        return job.label, None, failures_of(job.label, exc)
    except Exception as exc:  # never lose the rest of a batch (or its summary) to one deal
        return job.label, None, failures_of(job.label, exc)


def render_batch(
    sources: list[str],
    out_dir: str | Path,
    *,
    fmt: str = "docx",
    template: str | Path | None = None,
    templates_dir: str | Path | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], Any] | None = None,
    allow_duplicates: bool = False,
    seller: SellerProfile | None = None,
    watermark: str | None = None,
    pdfa: bool = False,
) -> BatchReport:
    """Render every deal in ``sources`` into ``out_dir`` (docx, pdf or both). ``progress(done, total)`` is
    called after each deal is rendered and after each PDF is written: with PDFs the total counts one step a
    deal plus one a PDF, so it reaches the end only when the last PDF exists. A deal whose number an earlier
    deal of the batch has is a failure unless ``allow_duplicates`` (then it is written as ``NUMBER-2``).
    ``seller`` (a company profile) is merged under every deal; ``watermark`` is drawn on every page;
    ``pdfa`` writes PDF/A-2b."""
    from contractkit.deal.load import iter_deals
    from contractkit.deal.seller import merge_seller
    from contractkit.deal.validate import fraction_warnings
    from contractkit.render.decorate import check_watermark
    from contractkit.render.lifecycle import temp_dir

    if fmt not in ("docx", "pdf", "both"):
        raise UsageError(
            f"unknown format {fmt!r}",
            hint="use docx, pdf or both",
            zh=f"未知的输出格式 {fmt!r}",
            hint_zh="请用 docx、pdf 或 both",
        )
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(
            "the output must be a folder (or, for one deal, a file name ending in .docx or .pdf)",
            path=str(out),
            zh="输出必须是文件夹（单笔单据也可以是以 .docx 或 .pdf 结尾的文件名）",
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_failed(out, exc) from None
    if watermark is not None:
        try:
            watermark = check_watermark(watermark)
        except ValueError as exc:
            raise UsageError(str(exc), hint="give a short text such as 草稿", zh="水印文字无效") from None
    report = BatchReport()
    entries = list(iter_deals(sources))
    report.deals = len(entries)
    pdf_steps = fmt != "docx"
    total = report.deals
    docx_dir = out
    tmp = None
    if fmt == "pdf":
        tmp = temp_dir("render")
        docx_dir = Path(tmp.name)
    tpl = str(template) if template is not None else None
    tdir = str(templates_dir) if templates_dir is not None else None
    jobs_list: list[_Job] = []
    used: set[str] = set()
    numbers: dict[str, str] = {}
    done = 0
    for label, deal in entries:
        if not isinstance(deal, BaseException) and seller is not None:
            deal = merge_seller(deal, seller)
        if not isinstance(deal, BaseException):
            report.warnings.extend(BatchWarning(label, w) for w in fraction_warnings(deal))
        if not isinstance(deal, BaseException) and not allow_duplicates:
            deal = _duplicate(label, deal, numbers)
        if isinstance(deal, BaseException):
            report.failures.extend(failures_of(label, deal))
            done += 1
            if progress:
                progress(done, total)
            continue
        base = safe_name(str(deal.get("number") or ""), fallback=safe_name(Path(label).stem))
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        jobs_list.append(_Job(label, deal, docx_dir / f"{name}.docx", tpl, tdir, seller, watermark))
    if pdf_steps:
        total = report.deals + len(jobs_list)  # one step more for each PDF to be written
    try:
        docx_done: list[Path] = []
        for _label, path, fails in _run(jobs_list, jobs):
            done += 1
            if path is not None:
                docx_done.append(path)
            elif pdf_steps:
                total -= 1  # no .docx, so no PDF to wait for
            report.failures.extend(fails)
            if progress:
                progress(done, total)
        if fmt == "docx":
            report.written.extend(docx_done)
        else:
            if fmt == "both":
                report.written.extend(docx_done)

            def step() -> None:
                nonlocal done
                done += 1
                if progress:
                    progress(done, total)

            _to_pdf(docx_done, out, jobs, report, pdfa=pdfa, step=step)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return report


def _duplicate(label: str, deal: dict, numbers: dict[str, str]) -> dict | DealInvalid:
    """``deal``, or DealInvalid when it is invalid or an earlier valid deal in ``numbers`` (number → label)
    has the same number."""
    from contractkit.deal.validate import Problem, validate_deal

    problems = validate_deal(deal)
    if problems:  # an invalid deal reports its own problems and claims no number
        return DealInvalid(problems, path=label)
    number = str(deal.get("number") or "").strip()
    if not number:
        return deal
    first = numbers.setdefault(number, label)
    if first == label:
        return deal
    problem = Problem(
        "/number",
        f"编号 {number} 与 {first} 重复（同一批次中编号应唯一；确需重复请用 --allow-duplicates）",
        f"number {number} is also the number of {first} (numbers are unique in a batch; "
        "--allow-duplicates renders both)",
        "编号",
    )
    return DealInvalid([problem], path=label)


def _run(jobs_list: list[_Job], jobs: int):
    if jobs <= 1 or len(jobs_list) < 2:
        for job in jobs_list:
            yield _render_job(job)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from contractkit.render.lifecycle import die_with_parent

    workers = min(jobs, len(jobs_list))
    chunk = max(1, min(32, len(jobs_list) // (workers * 4)))
    returned = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
            for result in pool.map(_render_job, jobs_list, chunksize=chunk):
                returned += 1
                yield result
    except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal): report, go on
        for job in jobs_list[returned:]:
            why, why_zh = f"worker process died: {exc}", f"工作进程意外退出：{exc}"
            yield job.label, None, [Failure(job.label, "", why, message_zh=why_zh)]


def _to_pdf(
    docx_files: list[Path],
    out: Path,
    jobs: int,
    report: BatchReport,
    *,
    pdfa: bool = False,
    step: Callable[[], None] | None = None,
) -> None:
    """Convert the rendered files to PDFs in ``out``; ``step()`` after each PDF is written (or failed)."""
    from contractkit.render.pdf import PdfConverter

    pairs = [(p, out / f"{p.stem}.pdf") for p in docx_files]
    if not pairs:
        return
    with PdfConverter(jobs=jobs, pdfa=pdfa) as conv:
        for (src, dst), err in conv.convert_many(pairs):
            if err is None:
                report.written.append(dst)
            else:
                report.failures.extend(failures_of(str(src), err))
            if step is not None:
                step()
        report.warnings.extend(conv.warnings)
