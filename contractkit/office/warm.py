"""A warm LibreOffice converter: one ``soffice --accept`` listener kept running between documents, driven
through Debian's ``python3-uno`` by :mod:`.uno_helper` (the venv's Python cannot import ``uno``).

The batch converter (:class:`contractkit.render.pdf.PdfConverter`) pays LibreOffice's ≈ 1.2 s start-up on each
run; a server converting one quote per request cannot share that, so when python3-uno is present the
service's pool uses this instead (same interface: ``convert_many``, ``stats``, ``close``), and reading
.doc/.wps/.rtf/.odt drafts converts them to .docx on one (:meth:`WarmConverter.to_docx`). Supervision is the
same in spirit:
input sanitized first (external links stripped), each process in its own group under ``unshare -n`` when that
works, no answer within ``timeout`` seconds of *starting* a document → both processes killed, the document
retried once on a fresh listener; recycled after ``max_docs`` documents so memory stays flat; LibreOffice runs
under an address-space cap (:mod:`.limits`).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from contractkit.errors import ContractkitError, ConverterError
from contractkit.office.command import soffice_command
from contractkit.office.limits import office_memory_mb
from contractkit.render.lifecycle import reaped, sweep
from contractkit.render.pdf import INSTALL_HINT, INSTALL_HINT_ZH, NOT_INSTALLED_ZH, find_soffice

HELPER = Path(__file__).resolve().parent / "uno_helper.py"
UNO_PYTHONS = ("/usr/bin/python3", "/usr/local/bin/python3")


@functools.cache
def uno_python() -> str | None:
    """A system Python that can ``import uno`` (python3-uno), or None."""
    for exe in UNO_PYTHONS:
        if os.path.exists(exe):
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                if subprocess.run([exe, "-c", "import uno"], capture_output=True, timeout=20).returncode == 0:
                    return exe
    return None


class WarmConverter:
    """One warm LibreOffice listener; ``convert_many`` converts its pairs one after another on it."""

    def __init__(self, *, timeout: float = 60.0, max_docs: int = 50, startup: float = 60.0) -> None:
        self.soffice = find_soffice()
        if not self.soffice:
            raise ConverterError(
                "LibreOffice (soffice) is not installed or not on PATH",
                hint=INSTALL_HINT,
                zh=NOT_INSTALLED_ZH,
                hint_zh=INSTALL_HINT_ZH,
            )
        self.python = uno_python()
        if not self.python:
            raise ConverterError(
                "python3-uno is not installed",
                hint="sudo apt-get install python3-uno",
                zh="未安装 python3-uno",
                hint_zh="请运行 sudo apt-get install python3-uno 安装",
            )
        self.timeout, self.max_docs, self.startup = float(timeout), max(1, max_docs), float(startup)
        self.stats = {"starts": 0, "timeouts": 0, "crashes": 0, "retries": 0, "converted": 0, "failed": 0}
        sweep()  # folders of a converter that was killed
        self._base = Path(tempfile.mkdtemp(prefix=f"contractkit-warm-{os.getpid()}-"))
        atexit.register(self.close)
        self._office: subprocess.Popen | None = None
        self._helper: subprocess.Popen | None = None
        self._answers: queue.Queue = queue.Queue()
        self._done = 0
        self._closed = False
        self._lock = threading.Lock()

    # -- public ---------------------------------------------------------------------------------------
    def convert_many(
        self, pairs: list[tuple[Path, Path]]
    ) -> Iterator[tuple[tuple[Path, Path], Exception | None]]:
        """Convert each (docx, pdf) pair in turn; yield it with None or its error."""
        for src, pdf in pairs:
            if self._closed:
                raise ConverterError("the PDF converter is closed", zh="PDF 转换器已关闭")
            yield (src, pdf), self._convert(Path(src), Path(pdf))

    def close(self) -> None:
        """Kill LibreOffice and the helper; remove the profile. Safe to call twice, from any thread."""
        self._closed = True
        self._stop()
        shutil.rmtree(self._base, ignore_errors=True)
        with contextlib.suppress(Exception):
            atexit.unregister(self.close)

    def to_docx(self, src: Path) -> bytes:
        """The .docx LibreOffice makes of ``src`` (.doc, .wps, .rtf, .odt, …), converted on the warm listener.

        Raises :class:`ConverterError` when LibreOffice cannot open it, runs out of time or memory."""
        if self._closed:
            raise ConverterError("the converter is closed", zh="转换器已关闭")
        stage = self._base / "job"
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir()
        suffix = "".join(ch for ch in Path(src).suffix.lower() if ch.isalnum() or ch == ".")[:8] or ".doc"
        staged, produced = stage / f"d{suffix}", stage / "d.docx"
        shutil.copyfile(src, staged)
        error = "LibreOffice could not convert this file"
        error_zh = "LibreOffice 无法转换此文件"
        for attempt in range(2):
            try:
                answer = self._ask(staged, produced, "MS Word 2007 XML")
            except ConverterError as exc:
                error, error_zh = exc.message, exc.zh or exc.message
                self._stop()
                if attempt == 0:
                    self.stats["retries"] += 1
                continue
            if answer.get("ok") and produced.is_file() and produced.stat().st_size:
                self.stats["converted"] += 1
                data = produced.read_bytes()
                shutil.rmtree(stage, ignore_errors=True)
                return data
            error = f"LibreOffice could not open the file ({answer.get('error', 'no document')})"
            error_zh = f"LibreOffice 无法打开此文件（{answer.get('error', 'no document')}）"
            break
        self.stats["failed"] += 1
        shutil.rmtree(stage, ignore_errors=True)
        raise ConverterError(error, path=str(src), zh=error_zh)

    def warm_up(self) -> None:
        """Start the listener now (the pool calls this at start-up so the first request does not wait)."""
        with contextlib.suppress(ConverterError):
            if self._helper is None:
                self._start()

    # -- one document ---------------------------------------------------------------------------------
    def _convert(self, src: Path, pdf: Path) -> Exception | None:
        from contractkit.fileio import atomic_path, read_bounded
        from contractkit.render.sanitize import sanitize_docx

        try:
            data, _ = sanitize_docx(read_bounded(src, 100 * 1024 * 1024), path=str(src))
        except ContractkitError as exc:
            self.stats["failed"] += 1
            return exc
        stage = self._base / "job"
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir()
        staged, produced = stage / "d.docx", stage / "d.pdf"
        staged.write_bytes(data)
        error = "LibreOffice could not convert this file"
        error_zh = "LibreOffice 无法转换此文件"
        for attempt in range(2):
            try:
                answer = self._ask(staged, produced)
            except ConverterError as exc:  # timed out or crashed: a fresh listener, one retry
                error, error_zh = exc.message, exc.zh or exc.message
                self._stop()
                if attempt == 0:
                    self.stats["retries"] += 1
                continue
            if answer.get("ok") and produced.is_file():
                with atomic_path(pdf) as tmp:
                    shutil.copyfile(produced, tmp)
                self.stats["converted"] += 1
                return None
            error = f"LibreOffice could not convert this file ({answer.get('error', 'no PDF')})"
            error_zh = f"LibreOffice 无法转换此文件（{answer.get('error', 'no PDF')}）"
            break
        self.stats["failed"] += 1
        return ConverterError(error, path=str(src), zh=error_zh)

    def _ask(self, src: Path, out: Path, filter_name: str = "writer_pdf_Export") -> dict:
        if self._helper is not None and not self._alive():
            self.stats["crashes"] += 1  # died between documents: a fresh one, nothing lost
            self._stop()
        if self._helper is None or self._done >= self.max_docs:
            self._stop()
            self._start()
        assert self._helper is not None and self._helper.stdin is not None
        try:
            job = {"in": str(src), "out": str(out), "filter": filter_name}
            self._helper.stdin.write(json.dumps(job) + "\n")
            self._helper.stdin.flush()
        except OSError:
            self.stats["crashes"] += 1
            raise ConverterError("LibreOffice stopped", zh="LibreOffice 已停止运行") from None
        self._done += 1
        try:
            answer = self._answers.get(timeout=self.timeout)  # counted from the start of this document
        except queue.Empty:
            self.stats["timeouts"] += 1
            raise ConverterError(
                f"LibreOffice did not finish within {self.timeout:g} s; retried once",
                zh=f"LibreOffice 未在 {self.timeout:g} 秒内完成；已重试一次",
            ) from None
        if answer is None or (not answer.get("ok") and not self._alive()):  # the listener died under it
            self.stats["crashes"] += 1
            raise ConverterError("LibreOffice crashed; retried once", zh="LibreOffice 崩溃；已重试一次")
        return answer

    def _alive(self) -> bool:
        procs = (self._office, self._helper)
        return all(p is not None and p.poll() is None for p in procs)

    # -- processes ------------------------------------------------------------------------------------
    def _start(self) -> None:
        pipe = f"contractkit-{os.getpid()}-{id(self):x}-{self.stats['starts']}"
        profile = self._base / "profile"
        env = dict(os.environ, HOME=str(self._base), SAL_USE_VCLPLUGIN="svp")
        with self._lock:
            if self._closed:
                raise ConverterError("the PDF converter is closed", zh="PDF 转换器已关闭")
            self._office = subprocess.Popen(  # reaped: dies with this process, even on SIGKILL
                reaped(
                    soffice_command(
                        str(self.soffice),
                        profile,
                        f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                    )
                ),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                env=env,
                cwd=str(self._base),
            )
            self._helper = subprocess.Popen(
                reaped([str(self.python), str(HELPER), pipe, str(self.startup)]),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                text=True,
                env=env,
            )
        self.stats["starts"] += 1
        self._done = 0
        self._answers = answers = queue.Queue()
        threading.Thread(target=_read_answers, args=(self._helper, answers), daemon=True).start()
        ready = self._wait_ready(answers)
        if not ready or not ready.get("ready"):
            office = self._office
            died = office is not None and office.poll() is not None
            self._stop()
            if died:  # exited at once: no memory under the cap, a broken install, …
                raise ConverterError(
                    f"LibreOffice exited while starting (memory limit {office_memory_mb()} MB)",
                    hint="raise CONTRACTKIT_OFFICE_MEMORY_MB, or check the install: " + INSTALL_HINT,
                    zh=f"LibreOffice 启动时退出（内存上限 {office_memory_mb()} MB）",
                    hint_zh="请调高 CONTRACTKIT_OFFICE_MEMORY_MB，或检查安装：" + INSTALL_HINT_ZH,
                )
            raise ConverterError(
                "LibreOffice did not start",
                hint=INSTALL_HINT,
                zh="LibreOffice 未能启动",
                hint_zh=INSTALL_HINT_ZH,
            )

    def _wait_ready(self, answers: queue.Queue) -> dict | None:
        """The helper's ready line, or None when it does not come in time or LibreOffice exits first."""
        import time

        deadline = time.monotonic() + self.startup + 5
        while time.monotonic() < deadline:
            try:
                return answers.get(timeout=0.2)
            except queue.Empty:
                office = self._office
                if office is None or office.poll() is not None:
                    return None
        return None

    def _stop(self) -> None:
        with self._lock:
            procs, self._helper, self._office = [self._helper, self._office], None, None
        for proc in procs:
            if proc is None:
                continue
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)


def _read_answers(proc: subprocess.Popen, answers: queue.Queue) -> None:
    """Put each JSON line of the helper on ``answers``; None when it ends."""
    assert proc.stdout is not None
    for line in proc.stdout:
        with contextlib.suppress(ValueError):
            answers.put(json.loads(line))
    answers.put(None)
