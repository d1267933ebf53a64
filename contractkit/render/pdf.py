"""PDF from .docx through LibreOffice: supervised ``soffice`` batch workers, never one start per document.

Design (measured on this 2-core box, LibreOffice 7.4, 20 two-page contracts in 宋体 with a table):

* fresh ``soffice --convert-to pdf`` per document: 1.6–1.7 s each (≈ 0.6 PDFs/s);
* one ``soffice --convert-to pdf a.docx b.docx …`` call: ≈ 1.2 s start-up, then ≈ 0.2–0.3 s a document;
* a warm UNO listener (``soffice --accept=socket…`` driven by Debian's ``/usr/bin/python3`` + ``python3-uno``;
  our pyenv venv cannot import ``uno``): ≈ 1.2 s to connect, then ≈ 0.19 s a document.

``benchmarks/bench_pdf.py`` (50 rendered 6-page equipment contracts, box shared with other jobs): fresh
soffice per document 0.60 PDFs/s; this converter 2.77 PDFs/s at jobs 1 (4.6×) and 4.69 PDFs/s at jobs 2
(7.9×); first PDF of a batch 1.9–2.0 s.

Per document the two warm paths are within noise of each other (the work is LibreOffice's layout and PDF
export either way); the listener only saves the ≈ 1.2 s start-up of each batch call, which is amortised over
up to ``max_docs_per_worker`` documents. Robustness decides: the listener needs an extra system package
(``python3-uno``) that the Makefile does not install, a helper process in a second Python, a socket (the
loopback is down inside ``unshare -n``), and recovery from a wedged UNO bridge; batch calls need nothing but
``soffice`` and are supervised with plain process groups. So each worker runs batch calls:

* a worker takes a chunk (≤ ``max_docs_per_worker``, so processes are recycled to bound memory) of sanitized
  copies (external links stripped, :mod:`contractkit.render.sanitize`) staged as ``d0000.docx``… in its own
  temp folder, and runs one ``soffice`` in its own process group with its own ``-env:UserInstallation``
  profile, under ``unshare -n`` (no network) when that works;
* finished PDFs are picked up while the process runs (a complete PDF ends with ``%%EOF``), so results stream
  and the first PDF of a batch arrives after one start-up plus one document;
* no new PDF within ``timeout`` seconds → the process group is killed, the document being converted is retried
  once on its own and the rest of the chunk goes to a fresh process; a crash is handled the same way, so no
  other document is lost; a document LibreOffice cannot load is retried once alone, then reported;
* every PDF is copied to a temp file beside its target and renamed onto it; ``close()`` (also on Ctrl-C,
  SIGTERM and interpreter exit) kills every process group and removes the profiles.
"""

from __future__ import annotations

import atexit
import contextlib
import math
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from contractkit.errors import ContractkitError, ConverterError
from contractkit.render.lifecycle import reaped, sweep
from contractkit.render.pdfmeta import set_creator

INSTALL_HINT = (
    "install LibreOffice and CJK fonts: sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk "
    "(or run `make soffice`)"
)
INSTALL_HINT_ZH = (
    "请安装 LibreOffice 和中日韩字体：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk"
    "（或运行 `make soffice`）"
)
NOT_INSTALLED_ZH = "未安装 LibreOffice（soffice），或不在 PATH 中"
_POLL = 0.05


def find_soffice() -> str | None:
    """The ``soffice`` (or ``libreoffice``) executable on PATH, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


_NET_PREFIX: list[str] | None = None


def _no_network_prefix() -> list[str]:
    """``unshare -n`` as root, else ``unshare -rn``, if the kernel allows; else [] (input is sanitized)."""
    global _NET_PREFIX
    if _NET_PREFIX is None:
        _NET_PREFIX = []
        unshare = shutil.which("unshare")
        if unshare:
            for flags in ([["-n"]] if os.geteuid() == 0 else []) + [["-r", "-n"]]:
                try:
                    ok = (
                        subprocess.run([unshare, *flags, "true"], capture_output=True, timeout=10).returncode
                        == 0
                    )
                except (OSError, subprocess.SubprocessError):
                    ok = False
                if ok:
                    _NET_PREFIX = [unshare, *flags]
                    break
    return list(_NET_PREFIX)


@dataclass
class _Task:
    pair: tuple[Path, Path]
    data: bytes = b""
    attempts: int = 0
    finished: bool = False  # a result (PDF or final error) was reported


def _pdf_complete(path: Path) -> bool:
    try:
        size = path.stat().st_size
        if size < 64:
            return False
        with open(path, "rb") as fh:
            fh.seek(max(0, size - 64))
            return b"%%EOF" in fh.read()
    except OSError:
        return False


class PdfConverter:
    """Warm, supervised LibreOffice workers; use as a context manager so they are always cleaned up."""

    def __init__(
        self, jobs: int = 1, *, timeout: float = 120.0, max_docs_per_worker: int = 200, pdfa: bool = False
    ) -> None:
        self.soffice = find_soffice()
        self.pdfa = bool(pdfa)  # PDF/A-2b (archiving copies): LibreOffice's SelectPdfVersion = 2
        if not self.soffice:
            raise ConverterError(
                "LibreOffice (soffice) is not installed or not on PATH",
                hint=INSTALL_HINT,
                zh=NOT_INSTALLED_ZH,
                hint_zh=INSTALL_HINT_ZH,
            )
        self.jobs = max(1, int(jobs))
        self.timeout = float(timeout)
        self.max_docs_per_worker = max(1, int(max_docs_per_worker))
        self.warnings: list[str] = []  # e.g. characters no font can draw (printed as empty boxes)
        self.stats = {"starts": 0, "timeouts": 0, "crashes": 0, "retries": 0, "converted": 0, "failed": 0}
        sweep()  # profiles left by a converter that was killed (SIGKILL runs no cleanup)
        self._base = Path(tempfile.mkdtemp(prefix=f"contractkit-pdf-{os.getpid()}-"))
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen] = set()
        self._stop = threading.Event()
        self._closed = False
        self._old_term = None
        if threading.current_thread() is threading.main_thread():
            with contextlib.suppress(ValueError, OSError):
                if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
                    self._old_term = signal.signal(signal.SIGTERM, _raise_on_sigterm)
        atexit.register(self.close)

    # -- public ---------------------------------------------------------------------------------------
    @property
    def profile_root(self) -> Path:
        """The folder holding this converter's profiles and staging (every worker command line names it)."""
        return self._base

    def __enter__(self) -> PdfConverter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def convert(self, docx: Path, pdf: Path) -> None:
        """Convert one .docx to ``pdf`` (atomically); raises ConverterError or UnreadableInput."""
        for _, err in self.convert_many([(Path(docx), Path(pdf))]):
            if err is not None:
                raise err

    def convert_many(
        self, pairs: list[tuple[Path, Path]]
    ) -> Iterator[tuple[tuple[Path, Path], Exception | None]]:
        """Convert (docx, pdf) pairs with ``jobs`` workers; yield each pair with None or its error."""
        if self._closed:
            raise ConverterError("the PDF converter is closed", zh="PDF 转换器已关闭")
        pairs = [(Path(a), Path(b)) for a, b in pairs]
        if not pairs:
            return
        chunk = max(1, min(self.max_docs_per_worker, math.ceil(len(pairs) / self.jobs)))
        pending: deque[_Task] = deque(_Task(p) for p in pairs)
        results: queue.Queue = queue.Queue()
        stop = threading.Event()
        workers = [
            threading.Thread(
                target=self._worker,
                args=(i, pending, chunk, results, stop),
                daemon=True,
                name=f"pdf-worker-{i}",
            )
            for i in range(min(self.jobs, len(pairs)))
        ]
        for w in workers:
            w.start()
        left = len(pairs)
        try:
            while left:
                try:
                    item = results.get(timeout=0.2)
                except queue.Empty:
                    if not any(w.is_alive() for w in workers) and results.empty():
                        raise ConverterError(
                            "PDF workers stopped unexpectedly", zh="PDF 转换进程意外停止"
                        ) from None
                    continue
                left -= 1
                yield item
        finally:
            stop.set()
            if left:  # abandoned (Ctrl-C, generator closed): do not wait for LibreOffice
                self._kill_all()
            for w in workers:
                w.join(timeout=10)

    def close(self) -> None:
        """Kill every worker process group and remove the profiles; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        self._kill_all()
        shutil.rmtree(self._base, ignore_errors=True)
        with contextlib.suppress(Exception):
            atexit.unregister(self.close)
        if self._old_term is not None and threading.current_thread() is threading.main_thread():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signal.SIGTERM, self._old_term)
            self._old_term = None

    # -- workers --------------------------------------------------------------------------------------
    def _worker(
        self, idx: int, pending: deque, chunk: int, results: queue.Queue, stop: threading.Event
    ) -> None:
        profile = self._base / f"profile-{idx}"
        local: deque[list[_Task]] = deque()
        while not (stop.is_set() or self._stop.is_set()):
            if local:
                batch = local.popleft()
            else:
                with self._lock:
                    batch = [pending.popleft() for _ in range(min(chunk, len(pending)))]
                if not batch:
                    return
                batch = [t for t in batch if self._prepare(t, results)]
                if not batch:
                    continue
            try:
                retry, rest = self._run_batch(idx, profile, batch, results, stop)
            except Exception as exc:  # never lose a document to a bug or an OSError here
                for t in batch:
                    if not t.finished:
                        t.finished = True
                        results.put((t.pair, _as_error(exc, t.pair[0])))
                continue
            local.extend([t] for t in retry)
            if rest:
                local.append(rest)

    def _prepare(self, task: _Task, results: queue.Queue) -> bool:
        from contractkit.fileio import read_bounded
        from contractkit.render.fonts import docx_missing_glyphs, glyph_warning
        from contractkit.render.sanitize import sanitize_docx

        try:
            task.data, _ = sanitize_docx(
                read_bounded(task.pair[0], 100 * 1024 * 1024), path=str(task.pair[0])
            )
            missing = docx_missing_glyphs(task.data)
            if missing:
                with self._lock:
                    self.warnings.append(glyph_warning(missing, str(task.pair[1])))
            return True
        except Exception as exc:
            self._count("failed")
            results.put((task.pair, _as_error(exc, task.pair[0])))
            return False

    def _run_batch(
        self, idx: int, profile: Path, batch: list[_Task], results: queue.Queue, stop: threading.Event
    ) -> tuple[list[_Task], list[_Task]]:
        """Run one soffice over ``batch``; return (documents to retry alone, documents to run again)."""
        work = self._base / f"w{idx}"
        shutil.rmtree(work, ignore_errors=True)
        indir, outdir = work / "in", work / "out"
        indir.mkdir(parents=True)
        outdir.mkdir()
        inputs = []
        for k, t in enumerate(batch):
            src = indir / f"d{k:04d}.docx"
            src.write_bytes(t.data)
            inputs.append(str(src))
        from contractkit.office.command import soffice_command

        cmd = [
            *soffice_command(self.soffice, profile, "--convert-to", export_filter(self.pdfa)),
            "--outdir",
            str(outdir),
            *inputs,
        ]
        env = dict(os.environ, HOME=str(work), SAL_USE_VCLPLUGIN="svp")
        with self._lock:
            if self._stop.is_set() or stop.is_set():
                return [], []
            proc = subprocess.Popen(
                reaped(cmd),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                env=env,
                cwd=str(work),
            )
            self._procs.add(proc)
        self._count("starts")
        done: set[int] = set()
        last = time.monotonic()
        timed_out = False
        rc = None
        try:
            while True:
                rc = proc.poll()
                for k, t in enumerate(batch):
                    if k not in done and _pdf_complete(outdir / f"d{k:04d}.pdf"):
                        done.add(k)
                        last = time.monotonic()
                        self._deliver(outdir / f"d{k:04d}.pdf", t, results)
                if rc is not None or stop.is_set() or self._stop.is_set():
                    break
                if time.monotonic() - last > self.timeout:
                    timed_out = True
                    break
                time.sleep(_POLL)
        finally:
            self._kill(proc)
        if stop.is_set() or self._stop.is_set():
            return [], []
        todo = [k for k in range(len(batch)) if k not in done]
        if not todo:
            return [], []
        if rc == 0 and not timed_out:  # LibreOffice skipped these (could not load them)
            failed, rest = todo, []
            reason = "LibreOffice could not convert this file"
            reason_zh = "LibreOffice 无法转换此文件"
        else:
            self._count("timeouts" if timed_out else "crashes")
            after = [k for k in todo if k > max(done, default=-1)]
            culprit = after[0] if after else todo[-1]  # the one being converted when it stopped
            failed = [k for k in todo if k <= culprit]
            rest = [batch[k] for k in todo if k > culprit]
            reason = (
                f"LibreOffice did not finish within {self.timeout:g} s"
                if timed_out
                else f"LibreOffice crashed (exit status {rc})"
            )
            reason_zh = (
                f"LibreOffice 未在 {self.timeout:g} 秒内完成转换"
                if timed_out
                else f"LibreOffice 崩溃（退出状态 {rc}）"
            )
        retry = []
        for k in failed:
            t = batch[k]
            t.attempts += 1
            if t.attempts < 2:
                self._count("retries")
                retry.append(t)
            else:
                self._count("failed")
                t.finished = True
                results.put(
                    (
                        t.pair,
                        ConverterError(
                            f"{reason}; retried once", path=str(t.pair[0]), zh=f"{reason_zh}；已重试一次"
                        ),
                    )
                )
        return retry, rest

    def _deliver(self, produced: Path, task: _Task, results: queue.Queue) -> None:
        from contractkit.fileio import atomic_path

        task.finished = True
        if self.pdfa and not is_pdfa(produced):
            self._count("failed")
            error = ConverterError(
                PDFA_MISSING, path=str(task.pair[0]), hint=PDFA_HINT, zh=PDFA_MISSING_ZH, hint_zh=PDFA_HINT_ZH
            )
            results.put((task.pair, error))
            return
        with contextlib.suppress(OSError, ValueError):  # the creator is a courtesy: never fail a PDF over it
            set_creator(produced)
        try:
            with atomic_path(task.pair[1]) as tmp:
                shutil.copyfile(produced, tmp)
            produced.unlink(missing_ok=True)
            self._count("converted")
            results.put((task.pair, None))
        except ContractkitError as exc:  # atomic_path: the output folder cannot take the file
            self._count("failed")
            results.put((task.pair, exc))
        except OSError as exc:
            self._count("failed")
            results.put(
                (
                    task.pair,
                    ConverterError(
                        f"cannot write the PDF: {exc.strerror}",
                        path=str(task.pair[1]),
                        zh=f"无法写入 PDF：{exc.strerror}",
                    ),
                )
            )

    # -- process control ------------------------------------------------------------------------------
    def _count(self, key: str) -> None:
        with self._lock:
            self.stats[key] += 1

    def _kill(self, proc: subprocess.Popen) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, sig)
            try:
                proc.wait(timeout=2)
                break
            except subprocess.TimeoutExpired:
                continue
        # children that outlive the leader keep the group alive: make sure the whole group is gone
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with self._lock:
            self._procs.discard(proc)

    def _kill_all(self) -> None:
        with self._lock:
            procs = list(self._procs)
        for proc in procs:
            self._kill(proc)


#: PDF/A-2b through writer_pdf_Export's JSON filter options (LibreOffice 7.4 and later read them).
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
PDFA_MISSING = "LibreOffice wrote a PDF without the PDF/A identification (pdfaid) — not an archiving copy"
PDFA_HINT = "PDF/A needs LibreOffice 7.4 or later (soffice --version)"
PDFA_MISSING_ZH = "LibreOffice 生成的 PDF 缺少 PDF/A 标识（pdfaid），不是归档版本"
PDFA_HINT_ZH = "PDF/A 需要 LibreOffice 7.4 或更高版本（可用 soffice --version 查看）"


def export_filter(pdfa: bool = False) -> str:
    """The ``--convert-to`` argument: plain PDF, or PDF/A-2b (``SelectPdfVersion`` = 2)."""
    return PDFA_FILTER if pdfa else "pdf:writer_pdf_Export"


def is_pdfa(path: Path) -> bool:
    """Whether the PDF's XMP metadata identifies it as PDF/A (``pdfaid:part``); LibreOffice writes the XMP
    stream uncompressed, as PDF/A requires."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return b"pdfaid:part" in data


def _raise_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _as_error(exc: Exception, path: Path) -> Exception:
    if isinstance(exc, ContractkitError):
        return exc
    return ConverterError(
        f"{type(exc).__name__}: {exc}", path=str(path), zh=f"PDF 转换失败（{type(exc).__name__}: {exc}）"
    )


def convert_files(
    docx_paths: list[Path], out_dir: Path, *, jobs: int = 1, pdfa: bool = False
) -> list[tuple[Path, Exception | None]]:
    """Convert .docx files to ``out_dir/<stem>.pdf`` (PDF/A-2b with ``pdfa``); each input with None or its
    error, in input order."""
    paths = [Path(p) for p in docx_paths]
    pairs = [(p, Path(out_dir) / f"{p.stem}.pdf") for p in paths]
    errors: dict[Path, Exception | None] = {}
    with PdfConverter(jobs, pdfa=pdfa) as conv:
        for (src, _), err in conv.convert_many(pairs):
            errors[src] = err
    return [(p, errors.get(p)) for p in paths]
