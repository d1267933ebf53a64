"""Strings lost: render generated valid deals (arbitrary text in their names and specifications) to .docx in
parallel forked children, convert the first ones to PDF with one warm converter, and count every string of a
deal that is missing from its document's text."""

from __future__ import annotations

import io
import json
import random
import sys
import unicodedata
from pathlib import Path

from fuzz import hostile
from fuzz.runner import Pool

FIELDS = (("buyer", "name"), ("seller", "name"), ("items", 0, "name"), ("items", 0, "specification"))
# PDFs: the scripts of a contract (Latin, Greek, Cyrillic, CJK, their punctuation and symbols). Shaped and
# right-to-left scripts come back from PDF text extraction reordered or recomposed, which is no loss.
CONTRACT_RANGES = (
    (0x20, 0x24F),
    (0x370, 0x4FF),
    (0x2010, 0x205E),
    (0x20A0, 0x20C0),
    (0x2100, 0x21FF),
    (0x2460, 0x24FF),
    (0x3000, 0x303F),
    (0x4E00, 0x9FFF),
    (0xFF01, 0xFF5E),
)


def alphabets() -> tuple[list[str], list[str]]:
    """(docx alphabet, pdf alphabet): visible letters, numbers, punctuation and symbols, plus CJK Ext-B."""
    alphabet = [chr(c) for c in range(0x20, 0x3000) if unicodedata.category(chr(c))[0] in "LNPS"]
    alphabet += [chr(c) for c in range(0x4E00, 0x9FFF, 7)] + ["𪚥", "𠀀"]
    pdf = [ch for ch in alphabet if any(lo <= ord(ch) <= hi for lo, hi in CONTRACT_RANGES)]
    return alphabet, [*pdf, "𪚥", "𠀀"]  # no font for Ext-B here: warned before conversion, so not lost


def make_deals(n: int, seed: int, pdf: int) -> list[tuple[dict, list[str], bool]]:
    """``n`` (deal, its strings, goes to PDF) triples; the first ``pdf`` draw from the PDF alphabet."""
    rng = random.Random(seed)
    alphabet, pdf_alphabet = alphabets()
    out = []
    for i in range(n):
        deal = hostile.sample_deal()
        letters = pdf_alphabet if i < pdf else alphabet
        strings = []
        for path in FIELDS:
            text = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 30))).strip() or "x"
            node = deal
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = text
            strings.append(text)
        out.append((deal, strings, i < pdf))
    return out


#: Characters LibreOffice draws right but writes differently into the PDF's text layer: a non-breaking hyphen
#: is shown as a hyphen and extracted as "-" (checked with pdftotext). Folded before comparing: no loss.
PDF_TEXT_FOLD = str.maketrans({"\u2011": "-"})


def _pdf_chars(text: str) -> set[str]:
    return set(unicodedata.normalize("NFKC", text.translate(PDF_TEXT_FOLD)))


def _docx_text(data: bytes) -> str:
    import docx

    d = docx.Document(io.BytesIO(data))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def render_chunk(deals: list[tuple[dict, list[str], bool]], folder: Path, first: int, out: Path) -> int:
    """Render each valid deal, count its strings missing from the .docx, keep the PDF ones; JSON to out."""
    from contractkit.deal.validate import validate_deal
    from contractkit.errors import ContractkitError
    from contractkit.render.docx import render_docx

    made = lost = 0
    pdf_pairs: list[tuple[str, list[str]]] = []
    for k, (deal, strings, to_pdf) in enumerate(deals):
        if validate_deal(deal):
            continue
        made += 1
        try:
            data = render_docx(deal)
        except ContractkitError as exc:  # a valid deal that does not render is a lost deal: all its strings
            print(f"strings: a valid deal did not render: {exc}", file=sys.stderr)
            lost += len(strings)
            continue
        body = _docx_text(data)
        for s in strings:
            if s not in body:
                lost += 1
                print(f"strings: lost in deal {first + k}'s .docx: {s!r}", file=sys.stderr)
        if to_pdf:
            src = folder / f"deal{first + k}.docx"
            src.write_bytes(data)
            pdf_pairs.append((str(src), strings))
    out.write_text(json.dumps({"made": made, "lost": lost, "pdf": pdf_pairs}), "utf-8")
    return 0


def pdf_lost(pairs: list[tuple[Path, list[str]]], jobs: int) -> int:
    """Convert every .docx with one warm converter and count strings missing from each PDF's text."""
    from contractkit.readers.pdf import read_pdf
    from contractkit.render.pdf import PdfConverter

    try:
        from contractkit.render.fonts import missing_glyphs
    except ImportError:  # an older contractkit (a "before" run): no font warnings to discount

        def missing_glyphs(text: str) -> list[str]:
            return []

    if not pairs:
        return 0
    with PdfConverter(jobs=jobs) as conv:
        results = dict(conv.convert_many([(s, s.with_suffix(".pdf")) for s, _ in pairs]))
    lost = 0
    for src, strings in pairs:
        if results.get((src, src.with_suffix(".pdf"))) is not None:
            lost += len(strings)
            continue
        # PDF text comes back in layout order, ligatures split (ﬁ → fi) and fallback-font glyphs moved:
        # a string counts as lost when one of its characters is missing from the page text
        blocks = read_pdf(src.with_suffix(".pdf"), ocr="never").blocks
        seen = _pdf_chars("".join(b.text for b in blocks))
        seen |= set(missing_glyphs("".join(strings)))  # warned characters are not lost
        for s in strings:
            missing = _pdf_chars(s) - {" "} - seen
            if missing:
                lost += 1
                shown = " ".join(f"U+{ord(c):04X}" for c in sorted(missing))
                print(
                    f"strings: lost in {src.with_suffix('.pdf').name}: {s!r} (missing {shown})",
                    file=sys.stderr,
                )
    return lost


def _run(pool: Pool, n: int) -> list:
    try:
        return list(pool.run((k, [str(k)]) for k in range(n)))
    finally:
        pool.close()


def strings_lost(n: int, seed: int, pdf: int, folder: Path, jobs: int = 2) -> tuple[int, int, int, int]:
    """(docx deals, docx strings lost, pdf deals, pdf strings lost) over ``n`` generated deals."""
    deals = make_deals(n, seed, pdf)
    size = max(1, -(-len(deals) // max(1, jobs)))
    chunks = [(first, deals[first : first + size]) for first in range(0, len(deals), size)]
    results = [folder / f"lost{k}.json" for k in range(len(chunks))]

    def work(argv: list[str]) -> int:
        k = int(argv[0])
        first, chunk = chunks[k]
        return render_chunk(chunk, folder, first, results[k])

    made = lost = 0
    pairs: list[tuple[Path, list[str]]] = []
    pool = Pool(work, jobs, cpu_timeout=60.0 + 10.0 * size, wall_timeout=600.0 + 60.0 * size)
    for k, outcome in _run(pool, len(chunks)):
        if outcome.status != 0 or not results[k].exists():  # a chunk that crashed or hung lost all its deals
            print(f"strings: chunk {k} ended {outcome.status} {outcome.err[-300:]}", file=sys.stderr)
            made += len(chunks[k][1])
            lost += sum(len(s) for _, s, _ in chunks[k][1])
            continue
        got = json.loads(results[k].read_text("utf-8"))
        made += got["made"]
        lost += got["lost"]
        pairs += [(Path(p), s) for p, s in got["pdf"]]
    pairs.sort(key=lambda pair: int(pair[0].stem[4:]))
    return made, lost, len(pairs), pdf_lost(pairs, jobs)
