"""Shared pytest fixtures: paths to the repo's samples and to the external (third-party) corpus.

The external corpus (``../shared/corpus/real/``: real Chinese contracts, CUAD contracts, clauses from court
judgments) may not be redistributed, so it is not in the repository. Tests that use it (through the
``corpus_dir`` or ``judgments_path`` fixtures) are marked ``external_corpus`` and skipped with a reason shown
when it is absent; ``CONTRACTKIT_REQUIRE_SHARED=1`` (set by ``.ci/run``) turns that skip into a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
#: The external corpus; ``CONTRACTKIT_SHARED_CORPUS`` points elsewhere.
CORPUS = Path(os.environ.get("CONTRACTKIT_SHARED_CORPUS") or ROOT.parent / "shared" / "corpus" / "real")
REQUIRE_ENV = "CONTRACTKIT_REQUIRE_SHARED"
EXTERNAL_FIXTURES = ("corpus_dir", "judgments_path")
#: The OCR disk cache's variable (:mod:`contractkit.readers.ocr_cache`); the session sets it (see below).
OCR_CACHE_ENV = "CONTRACTKIT_OCR_CACHE"
OCR_CACHE_PREFIX = "contractkit-test-ocr-"
_OCR_SESSION = pytest.StashKey[tuple[str, "str | None"]]()


def pytest_configure(config: pytest.Config) -> None:
    """One OCR disk cache for the whole test session, in a fresh temporary folder.

    Variants of a scan share pages and several modules read the same scans, each pool worker and each CLI
    subprocess with its own in-memory cache: with ``CONTRACTKIT_OCR_CACHE`` pointing here, Tesseract reads a
    page once per session (the first read is always a real one: the folder starts empty, a value set before
    the session is put aside and restored). xdist workers inherit the controller's folder. Tests of OCR
    itself control their own environment (``tests/test_ocr_cache.py`` unsets it; ``cache=False`` reads).
    """
    if hasattr(config, "workerinput"):  # an xdist worker: the controller's folder, inherited
        return
    import tempfile

    folder = tempfile.mkdtemp(prefix=OCR_CACHE_PREFIX)
    config.stash[_OCR_SESSION] = (folder, os.environ.get(OCR_CACHE_ENV))
    os.environ[OCR_CACHE_ENV] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the session's OCR cache folder and restore the variable as it was."""
    import shutil

    saved = config.stash.get(_OCR_SESSION, None)
    if saved is None:
        return
    folder, before = saved
    if before is None:
        os.environ.pop(OCR_CACHE_ENV, None)
    else:
        os.environ[OCR_CACHE_ENV] = before
    shutil.rmtree(folder, ignore_errors=True)


def require_external(path: Path) -> Path:
    """``path`` if it exists; else skip the test (fail when ``CONTRACTKIT_REQUIRE_SHARED=1``)."""
    if path.exists():
        return path
    reason = (
        f"external corpus missing at {path} (third-party texts, not in the repository; "
        f"see README 'Tests and the external corpus')"
    )
    if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
        pytest.fail(f"{reason}; {REQUIRE_ENV} is set, so its absence is a failure")
    pytest.skip(reason)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that uses the external corpus ``external_corpus`` (select with ``-m``)."""
    for item in items:
        if any(name in getattr(item, "fixturenames", ()) for name in EXTERNAL_FIXTURES):
            item.add_marker(pytest.mark.external_corpus)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus/real`` (real contracts in ``zh/``, ``en/cuad/``); skipped when absent."""
    return require_external(CORPUS)


@pytest.fixture(scope="session")
def judgments_path() -> Path:
    """``../shared/corpus/real/clauses/judgments.jsonl`` (clauses of court judgments); skipped if absent."""
    return require_external(CORPUS / "clauses" / "judgments.jsonl")


def soffice_to_pdf(src: Path, outdir: Path) -> Path:
    """Convert ``src`` with a fresh soffice (own profile) and return the PDF; a document of the same content
    (zip members, not timestamps) converted earlier in the session gets that conversion's PDF again.

    LibreOffice is installed by `make test`, so a missing soffice fails the test instead of skipping it.
    """
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is missing: run `make soffice` (make test installs it)")
    key = _content_key(Path(src))
    pdf = outdir / f"{Path(src).stem}.pdf"
    if key in _PDF_CACHE:  # the same document converted earlier in this session: its PDF again
        pdf.write_bytes(_PDF_CACHE[key])
        return pdf
    profile = outdir / ".lo-profile"
    proc = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(src),
        ],
        capture_output=True,
        timeout=180,
    )
    assert proc.returncode == 0 and pdf.exists(), proc.stderr.decode(errors="replace")
    assert pdf.read_bytes().startswith(b"%PDF")
    _PDF_CACHE[key] = pdf.read_bytes()
    return pdf


#: PDFs :func:`soffice_to_pdf` made this session, by the content of their source (test_layout and
#: test_roundtrip render the same deals: each is converted once).
_PDF_CACHE: dict[tuple[str, str], bytes] = {}


def _content_key(src: Path) -> tuple[str, str]:
    """(stem, digest of the content): for a zip (.docx) its members' names and bytes, which repeat between two
    renders of one deal while the zip's timestamps do not; else the file's bytes."""
    import hashlib
    import zipfile

    digest = hashlib.sha256()
    data = src.read_bytes()
    try:
        with zipfile.ZipFile(src) as z:
            for info in sorted(z.infolist(), key=lambda i: i.filename):
                digest.update(info.filename.encode() + b"\0" + z.read(info) + b"\0")
    except (zipfile.BadZipFile, OSError):
        digest.update(data)
    return src.stem, digest.hexdigest()


def doc_of(text: str):
    """A text Document with sections assigned, as the lint engine prepares it for the rules."""
    from contractkit.facts import assign_sections
    from contractkit.readers.text import document_from_text

    doc = document_from_text(text, "<test>")
    doc.blocks = assign_sections(doc.blocks)
    return doc


def run_rule(rule_id: str, text, settings=None) -> list:
    """The findings of one rule (default severity) on ``text`` (a string or a Document)."""
    from contractkit.checks import load_rules
    from contractkit.checks.base import RuleContext
    from contractkit.config import Settings

    r = load_rules()[rule_id]
    doc = doc_of(text) if isinstance(text, str) else text
    return list(r.check(doc, RuleContext(r, settings or Settings(), r.severity)))


def fires(rule_id: str, text: str, settings=None) -> bool:
    """Whether the rule finds anything in ``text``."""
    return bool(run_rule(rule_id, text, settings))


def make_rule(rule_id: str, check, kinds: tuple[str, ...] | None = None):
    """A bare warning Rule (no documentation) with ``check`` and, when given, ``kinds`` — for engine tests."""
    from contractkit.checks.base import KINDS, Rule
    from contractkit.findings import Severity

    return Rule(
        id=rule_id,
        title="t",
        title_en="t",
        severity=Severity.WARNING,
        why="",
        why_en="",
        basis="",
        fix="",
        bad=("x",),
        good=("y",),
        params=(),
        check=check,
        kinds=KINDS if kinds is None else kinds,
    )


def page_lines(*texts: str):
    """A PDF-like Document of one page whose lines are ``texts`` (as a PDF reader gives wrapped lines)."""
    from contractkit.readers.model import Block, Document, Location
    from contractkit.readers.normalize import normalize

    blocks = [
        Block(kind="line", text=t, norm=normalize(t), location=Location(index=i, page=1, line=i + 1))
        for i, t in enumerate(texts)
    ]
    return Document(path="<lines>", kind="pdf", blocks=blocks)


# -- fast patterns: a regex led by a lookahead of its first characters matches what the bare one does --


def first_chars(pattern: str, flags: int = 0) -> set[str]:
    """Every character a match of ``pattern`` can start with (read from the parsed pattern; digits as 0–9).

    A pattern led by ``(?=[…])`` with all of these in the class matches exactly what the bare one matches."""
    import re._constants as c
    import re._parser as parser

    def walk(seq) -> tuple[set[str], bool]:  # (first characters, whether ``seq`` can match nothing)
        out: set[str] = set()
        for op, av in seq:
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                continue  # zero-width: the next item starts the match
            if op is c.LITERAL:
                return out | {chr(av)}, False
            if op is c.IN:
                for o, a in av:
                    if o is c.LITERAL:
                        out.add(chr(a))
                    elif o is c.RANGE:
                        out.update(map(chr, range(a[0], a[1] + 1)))
                    elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                        out.update("0123456789")
                    else:
                        raise AssertionError(f"unbounded first character: {o} {a}")
                return out, False
            if op is c.SUBPATTERN:
                got, empty = walk(av[3])
            elif op is c.BRANCH:
                results = [walk(b) for b in av[1]]
                got, empty = set().union(*(r[0] for r in results)), any(r[1] for r in results)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                got, empty = walk(av[2])
                empty = empty or av[0] == 0
            else:
                raise AssertionError(f"unexpected item {op}")
            out |= got
            if not empty:
                return out, False
        return out, True

    chars, empty = walk(parser.parse(pattern, flags))
    assert not empty, "a pattern that can match nothing cannot be led by a lookahead"
    return chars


def assert_led(fast: re.Pattern[str], bare: str) -> None:
    """``fast`` is ``(?=[class])(?:bare)`` and the class holds every first character of ``bare``."""
    m = re.match(r"\(\?=(\[[^\]]*\])\)\(\?:", fast.pattern)
    assert m is not None and fast.pattern == f"{m.group()}{bare})", (
        "not led by a lookahead of the bare pattern"
    )
    lead = re.compile(m.group(1), fast.flags)
    missing = {ch for ch in first_chars(bare, fast.flags) if not lead.fullmatch(ch)}
    assert not missing, f"the lookahead lacks {sorted(missing)}"
