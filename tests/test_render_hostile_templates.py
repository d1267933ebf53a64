"""Issue 16 item 3: hostile templates are bounded — every attempt ends quickly in one TemplateError line
(exit 2), in ``render --template`` and in ``templates check``; the sandbox still blocks escapes."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from fuzz import hostile

from contractkit.cli import main
from contractkit.errors import TemplateError
from contractkit.render.docx import CompiledTemplate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
QUOTE = SAMPLES / "quote-office.json"

HOSTILE = hostile.HOSTILE_TEMPLATES


def _template(folder: Path, name: str, tag: str) -> Path:
    return hostile.template_docx(folder / f"{name}.docx", tag)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_template_is_one_error_quickly(tmp_path, capsys, name):
    tpl = _template(tmp_path, name, HOSTILE[name])
    start = time.monotonic()
    code = main(["render", str(QUOTE), "--template", str(tpl), "-o", str(tmp_path / "out.docx")])
    err = capsys.readouterr().err
    assert time.monotonic() - start < 30
    assert code == 2, err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1 and "internal error" not in err
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("name", ["include", "nested-range", "str-format", "recursive-macro"])
def test_templates_check_reports_hostile_templates(tmp_path, capsys, name):
    folder = tmp_path / "tpl"
    folder.mkdir()
    _template(folder, "quote", HOSTILE[name])
    code = main(["templates", "check", str(folder), "--samples", str(SAMPLES)])
    out, err = capsys.readouterr()
    assert code in (1, 2) and "internal error" not in err, err
    assert "templates/" in out and str(folder / "quote.docx") in out


def test_include_is_refused_at_compile_time(tmp_path):
    with pytest.raises(TemplateError, match="include"):
        CompiledTemplate(_template(tmp_path, "inc", HOSTILE["include"]))


def test_ordinary_loops_and_formats_still_work(tmp_path, capsys):
    tag = "{% for i in range(3) %}[{{ '%05.1f'|format(i) }}|{{ '{:>4}'.format(i) }}]{% endfor %}{{ 2 ** 10 }}"
    tpl = _template(tmp_path, "ok", tag)
    out = tmp_path / "ok.docx"
    assert main(["render", str(QUOTE), "--template", str(tpl), "-o", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "[000.0|   0][001.0|   1][002.0|   2]1024" in text


def _bad_zip_templates(folder: Path) -> dict[str, Path]:
    import zipfile

    good = (Path(__file__).resolve().parent.parent / "contractkit" / "templates" / "quote.docx").read_bytes()
    out = {
        "bomb": hostile.zip_bomb(300),
        "members": hostile.many_members(60_000),
        "encrypted": hostile.set_flags(good, 0x1),
        "deflate": hostile.corrupt_deflate(good),
    }
    import io

    for name, member, data in (
        ("bad-xml", "word/document.xml", b"<w:document><w:body><w:p>"),
        ("bad-rels", "_rels/.rels", b"<Relationships><Relationship Target="),
    ):
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(buf, "w") as zout:
            for info in zin.infolist():
                zout.writestr(info, data if info.filename == member else zin.read(info))
        out[name] = buf.getvalue()
    paths = {}
    for name, data in out.items():
        paths[name] = folder / f"{name}.docx"
        paths[name].write_bytes(data)
    return paths


@pytest.mark.parametrize("name", ["bomb", "members", "encrypted", "deflate", "bad-xml", "bad-rels"])
def test_damaged_template_zip_is_one_template_error(tmp_path, capsys, name):
    tpl = _bad_zip_templates(tmp_path)[name]
    code = main(["render", str(QUOTE), "--template", str(tpl), "-o", str(tmp_path / "out.docx")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"error: {tpl}") and "internal error" not in err, err
    assert not (tmp_path / "out.docx").exists()
