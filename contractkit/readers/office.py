"""Word formats other than .docx — .doc, .wps (WPS 文字), .rtf, .odt, .docm, .dotx — read by converting a
private copy to .docx with LibreOffice, then reading that with the .docx reader.

The conversion runs on a warm LibreOffice listener kept for the whole run (:mod:`contractkit.office.warm`,
when Debian's python3-uno is there): the first file pays LibreOffice's start-up, every later one in the same
process (a folder, a batch, the service) about a tenth of a second. Without python3-uno, or when
``CONTRACTKIT_OFFICE_WARM=0``, each file gets its own ``soffice --convert-to`` run. Either way it is sandboxed
like PDF output (:mod:`contractkit.render.pdf`): the user's file is copied into a private temp folder (the
converted copy is never written next to it), ``soffice`` runs with its own throwaway profile, without network
(``unshare -n``) where the kernel allows it, in its own process group, under an address-space cap
(:mod:`contractkit.office.limits`), with a time limit counted from the start of that file after which the
whole group is killed; macros never run and links are never updated; the converted .docx is read with the
same zip guards as any draft. Findings point at paragraphs of the document as the user sees it and
``meta['converted_from']`` says the text came through a conversion.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from contractkit.errors import UnreadableInput
from contractkit.fileio import DEFAULT_MAX_BYTES, check_size
from contractkit.office.command import soffice_command
from contractkit.office.limits import office_memory_mb, out_of_memory
from contractkit.readers.model import Document

#: suffix → what users call the format
FORMATS: dict[str, str] = {
    ".doc": "Word 97–2003 (.doc)",
    ".dot": "Word 97–2003 template (.dot)",
    ".wps": "WPS 文字 (.wps)",
    ".wpt": "WPS 文字模板 (.wpt)",
    ".rtf": "RTF (.rtf)",
    ".odt": "OpenDocument (.odt)",
    ".docm": "Word with macros (.docm)",
    ".dotx": "Word template (.dotx)",
    ".dotm": "Word template with macros (.dotm)",
}
#: seconds a conversion may take before the converter is killed
TIMEOUT = 90.0
#: documents converted on one warm listener before it is replaced (memory stays flat)
WARM_MAX_DOCS = 50

_warm_lock = threading.Lock()
_warm: dict[int, Any] = {}  # pid → WarmConverter (a forked worker never uses its parent's listener)


def _warm_converter(timeout: float) -> Any | None:
    """This process's warm converter (started on first use), or None when it cannot be had."""
    if os.environ.get("CONTRACTKIT_OFFICE_WARM", "1").strip() in ("0", "false", "no", "off"):
        return None
    try:
        from contractkit.office.warm import WarmConverter, uno_python
    except ImportError:  # pragma: no cover - the package is always there
        return None
    if uno_python() is None:
        return None
    pid = os.getpid()
    with _warm_lock:
        conv = _warm.get(pid)
        if conv is None or conv._closed:
            from contractkit.errors import ConverterError

            try:
                conv = WarmConverter(timeout=timeout, max_docs=WARM_MAX_DOCS)
            except ConverterError:
                return None
            _warm.clear()
            _warm[pid] = conv
            atexit.register(close_warm)
        return conv


def close_warm() -> None:
    """Stop this process's warm converter (if any); the next conversion starts a fresh one."""
    with _warm_lock:
        conv = _warm.pop(os.getpid(), None)
    if conv is not None:
        conv.close()


def warm_stats() -> dict[str, int]:
    """Counters of this process's warm converter (starts, converted, failed, timeouts, …); empty if none."""
    conv = _warm.get(os.getpid())
    return dict(conv.stats) if conv is not None else {}


def convert_to_docx(
    path: str | Path, *, timeout: float = TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> bytes:
    """The bytes of a .docx LibreOffice makes from ``path`` (a private copy; nothing written beside it)."""
    from contractkit.render.pdf import INSTALL_HINT, find_soffice

    name = str(path)
    check_size(path, max_bytes)
    suffix = Path(name).suffix.lower() or ".doc"
    warm = _warm_converter(timeout) if find_soffice() else None
    if warm is not None:
        return _convert_warm(warm, path, suffix, max_bytes)
    soffice = find_soffice()
    if soffice is None:
        raise UnreadableInput(
            f"reading {FORMATS.get(Path(name).suffix.lower(), 'this format')} needs LibreOffice, "
            "which is not installed",
            path=name,
            hint=INSTALL_HINT,
            zh="读取此格式需要 LibreOffice，但未安装",
        )
    with tempfile.TemporaryDirectory(prefix="contractkit-convert-") as work:
        work_dir = Path(work)
        src = work_dir / f"draft{suffix}"
        with open(path, "rb") as fh:
            src.write_bytes(fh.read(max_bytes + 1))
        out_dir = work_dir / "out"
        out_dir.mkdir()
        cmd = [
            *soffice_command(soffice, work_dir / "profile", "--convert-to", "docx:MS Word 2007 XML"),
            "--outdir",
            str(out_dir),
            str(src),
        ]
        env = dict(os.environ, HOME=str(work_dir), SAL_USE_VCLPLUGIN="svp")
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env=env,
            cwd=str(work_dir),
        )
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise UnreadableInput(
                f"converting the file took longer than {timeout:.0f} s",
                path=name,
                hint="save it as .docx in Word or WPS and lint that",
                zh=f"格式转换超过 {timeout:.0f} 秒",
            ) from None
        finally:
            _kill_group(proc)
        produced = out_dir / "draft.docx"
        if proc.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            detail = (err or b"").decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            if out_of_memory(proc.returncode, (err or b"").decode("utf-8", "replace")):
                raise _memory_error(name)
            raise UnreadableInput(
                f"LibreOffice could not open the file as {FORMATS.get(suffix, 'a document')}"
                + (f" ({detail[0]})" if detail[0] else ""),
                path=name,
                hint="the file is damaged or not what its name says: open it in Word or WPS, save as .docx",
                zh="LibreOffice 无法打开此文件",
            )
        return produced.read_bytes()


def _convert_warm(warm: Any, path: str | Path, suffix: str, max_bytes: int) -> bytes:
    """Convert on the warm listener; its errors become UnreadableInput naming the file."""
    from contractkit.errors import ConverterError

    name = str(path)
    with tempfile.TemporaryDirectory(prefix="contractkit-convert-") as work:
        src = Path(work) / f"draft{suffix}"
        with open(path, "rb") as fh:
            src.write_bytes(fh.read(max_bytes + 1))
        try:
            return warm.to_docx(src)
        except ConverterError as exc:
            if "did not finish within" in exc.message:
                raise UnreadableInput(
                    f"converting the file took longer than {warm.timeout:.0f} s",
                    path=name,
                    hint="save it as .docx in Word or WPS and lint that",
                    zh=f"格式转换超过 {warm.timeout:.0f} 秒",
                ) from None
            if "crashed" in exc.message or "exited while starting" in exc.message:
                raise _memory_error(name, crashed=True) from None
            raise UnreadableInput(
                f"LibreOffice could not open the file as {FORMATS.get(suffix, 'a document')}",
                path=name,
                hint="the file is damaged or not what its name says: open it in Word or WPS, save as .docx",
                zh="LibreOffice 无法打开此文件",
            ) from None


def _memory_error(name: str, *, crashed: bool = False) -> UnreadableInput:
    cap = office_memory_mb()
    what = "LibreOffice stopped while converting the file" if crashed else "the conversion ran out of memory"
    return UnreadableInput(
        f"{what} (limit {cap} MB)",
        path=name,
        hint="save it as .docx in Word or WPS and lint that, or raise CONTRACTKIT_OFFICE_MEMORY_MB",
        zh=f"格式转换失败或超出内存上限（{cap} MB）",
    )


def _kill_group(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def read_office(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a .doc/.wps/.rtf/.odt/.docm/.dotx draft (through a sandboxed conversion to .docx)."""
    from contractkit.readers.docx import read_docx

    name = str(path)
    data = convert_to_docx(path, max_bytes=max_bytes)
    with tempfile.TemporaryDirectory(prefix="contractkit-read-") as work:
        copy = Path(work) / "converted.docx"
        copy.write_bytes(data)
        doc = read_docx(copy, max_bytes=max_bytes)
    if not legible(" ".join(b.text for b in doc.blocks)):
        raise UnreadableInput(
            "LibreOffice opened the file but its text is not legible (random characters, not a document)",
            path=name,
            hint="the file is damaged or not what its name says: open it in Word or WPS, save as .docx",
            zh="LibreOffice 能打开此文件，但文字无法辨认（乱码，不是正常文档）",
        )
    doc.path = name
    doc.meta["converted_from"] = FORMATS.get(Path(name).suffix.lower(), Path(name).suffix)
    return doc


#: Below this share of "usual" characters a converted text is garbage (every corpus contract, Simplified or
#: Traditional, scores above 0.95; random bytes read as UTF-16 score about 0.2).
LEGIBLE_SHARE = 0.8
#: Texts with fewer non-space characters than this are not judged (a short memo is not garbage).
LEGIBLE_MIN_CHARS = 40


def legible(text: str) -> bool:
    """Whether ``text`` reads as a document: most of its characters are ASCII, CJK punctuation or full-width
    forms, or Chinese characters of GB2312 (once Traditional is read as Simplified).
    LibreOffice turns a damaged Word binary into random ideographs, Hangul and private-use characters."""
    from contractkit.readers.normalize import normalize

    chars = [ch for ch in normalize(text) if not ch.isspace()]
    if len(chars) < LEGIBLE_MIN_CHARS:
        return True
    usual = sum(1 for ch in chars if _usual(ch))
    return usual / len(chars) >= LEGIBLE_SHARE


def _usual(ch: str) -> bool:
    code = ord(ch)
    if code < 0x250 or 0x2000 <= code < 0x2070 or 0x3000 <= code < 0x3040 or 0xFF00 <= code < 0xFFF0:
        return True
    if 0x2150 <= code < 0x2600 or 0x370 <= code < 0x460:  # Ⅰ…, ①…, box drawing, shapes; Greek, Cyrillic
        return True
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xB0 <= raw[0] <= 0xF7  # levels 1 and 2: the 6,763 characters of GB2312
