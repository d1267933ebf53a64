"""Issue 16 item 3: hostile templates are bounded — every attempt ends quickly in one TemplateError line
(exit 2), in ``render --template`` and in ``templates check``; the sandbox still blocks escapes."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from contractkit.cli import main
from contractkit.errors import TemplateError
from contractkit.render.docx import CompiledTemplate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
QUOTE = SAMPLES / "quote-office.json"

HOSTILE = {
    "nested-range": "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
    "huge-range": "{{ range(10**9)|list|length }}",
    "lipsum": "{{ lipsum(10**6) }}",
    "power": "{{ (number|length + 9) ** (10**8) }}",
    "int-power": "{{ 10 ** 999 ** 20 }}",  # Jinja reads this as (10 ** 999) ** 20
    "recursive-macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
    "repeat": "{{ 'a' * 10**10 }}",
    "concat": "{{ ('a' * 900000) + ('b' * 900000) }}",
    "printf-filter": "{{ '%10000000000s'|format('x') }}",
    "printf-op": "{{ '%10000000000s' % 'x' }}",
    "printf-star": "{{ '%*s' % (10**9, 'x') }}",
    "str-format": "{{ '{:>10000000000}'.format('x') }}",
    "format-map": "{{ '{a:>99999999}'.format_map({'a': 1}) }}",
    "include": "{% include 'x.docx' %}",
    "import": "{% import 'x' as y %}",
    "from-import": "{% from 'x' import y %}",
    "extends": "{% extends 'x' %}",
    "doubling": (
        "{% set ns = namespace(s='a') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
        "{{ ns.s|length }}"
    ),
    "output": "{% for i in range(10000) %}{% for j in range(99) %}{{ 'x' * 99999 }}{% endfor %}{% endfor %}",
    "escape-class": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "escape-globals": "{{ cycler.__init__.__globals__ }}",
    "percent-filter": "{{ '1e999999'|percent }}",
}


def _template(folder: Path, name: str, tag: str) -> Path:
    d = docx.Document()
    d.add_paragraph("报价单 {{ number }}")
    d.add_paragraph(tag)
    path = folder / f"{name}.docx"
    d.save(path)
    return path


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
