"""contract-from-quote on a broken quote: a clear error naming the file, the place and the fix, with exit 1
(the quote lacks data) or 2 (not a quote / unreadable), never an internal error (exit 3) or a traceback."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.deal.from_quote import contract_from_quote
from contractkit.errors import DealInvalid, UsageError

QUOTE = json.loads((SAMPLES / "quote-office.json").read_text(encoding="utf-8"))


def _run(quote: object, *args: str, raw: str | None = None) -> tuple[int, str, str, bool]:
    """Exit status, stdout, stderr and whether the contract was written, for ``quote`` as the input."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "客户报价.json", Path(tmp) / "c.json"
        src.write_text(raw if raw is not None else json.dumps(quote, ensure_ascii=False), encoding="utf-8")
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["contract-from-quote", str(src), "-o", str(out), *args])
        return code, stdout.getvalue(), stderr.getvalue().replace(str(src), "QUOTE"), out.exists()


def _without(data: dict, *keys: str) -> dict:
    return {k: v for k, v in data.items() if k not in keys}


# -- the quote number ------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [None, "", "   "], ids=["missing", "empty", "blank"])
def test_a_quote_without_a_number_is_one_line_exit_1(number: str | None) -> None:
    quote = _without(QUOTE, "number") if number is None else dict(QUOTE, number=number)
    code, _, err, written = _run(quote, "--lang", "zh")
    assert code == 1 and not written
    assert err.startswith("错误：QUOTE: ") and "/number: 报价单没有编号" in err and "--number" in err
    assert "internal error" not in err and "KeyError" not in err and len(err.strip().splitlines()) == 1
    code, _, err, _ = _run(quote)
    assert code == 1 and err.startswith("error: QUOTE: ") and "/number: the quote has no number" in err


def test_a_number_that_is_not_text_says_so() -> None:
    code, _, err, _ = _run(dict(QUOTE, number=20260312), "--lang", "en")
    assert code == 1 and "/number: the quote number must be text, not 20260312" in err
    code, _, err, _ = _run(dict(QUOTE, number={"a": 1}), "--lang", "zh")
    assert code == 1 and "报价单编号应为文字" in err and "带引号" in err


def test_a_quote_without_a_number_converts_when_the_contract_number_is_given() -> None:
    code, _, err, written = _run(_without(QUOTE, "number"), "--number", "HT-2026-0042")
    assert code == 0 and written, err


def test_the_library_raises_contractkit_errors_in_both_languages() -> None:
    with pytest.raises(UsageError) as info:
        contract_from_quote(dict(QUOTE, kind="contract"))
    assert info.value.exit_code == 2 and info.value.where == "/kind"
    assert "不是报价单" in info.value.text("zh") and "not a quote" in info.value.text("en")
    with pytest.raises(UsageError):
        contract_from_quote(_without(QUOTE, "kind"))
    with pytest.raises(DealInvalid) as invalid:
        contract_from_quote(_without(QUOTE, "number"))
    assert invalid.value.exit_code == 1 and invalid.value.problems[0].pointer == "/number"


def test_a_quote_without_kind_names_it() -> None:
    code, _, err, _ = _run(_without(QUOTE, "kind"), "--lang", "zh")
    assert code == 2 and err.startswith("错误：QUOTE：不是报价单") and "未填写 kind" in err


# -- malformed items and title ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "items",
    [
        [{"name": "扫描仪"}],  # no unit, quantity or price
        [{}],
        ["扫描仪 2 台"],  # a row that is not an object
        [None, 3],
        {"name": "扫描仪"},  # an object, not a list
        "扫描仪",
    ],
    ids=["name-only", "empty-row", "text-row", "null-row", "object", "text"],
)
def test_items_lacking_fields_are_problems_exit_1(items: object) -> None:
    code, _, err, written = _run(dict(QUOTE, items=items), "--lang", "en")
    assert code == 1 and not written
    assert "/items" in err and "internal error" not in err and "Traceback" not in err


def test_a_title_that_is_not_text_is_left_behind() -> None:
    code, _, err, written = _run(dict(QUOTE, title=["报价单"]))
    assert code == 0 and written, err


# -- any deletion ---------------------------------------------------------------------------------------


def _paths(node: object, at: tuple = ()) -> list[tuple]:
    """Every key and list position under ``node``."""
    out: list[tuple] = []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        out.append((*at, key))
        out.extend(_paths(child, (*at, key)))
    return out


def _delete(data: dict, paths: list[tuple]) -> dict:
    data = copy.deepcopy(data)
    for path in sorted(paths, key=lambda p: (-len(p), [str(x) for x in p]), reverse=False):
        node: object = data
        for part in path[:-1]:
            try:
                node = node[part]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                break
        else:
            with contextlib.suppress(KeyError, IndexError, TypeError):
                del node[path[-1]]  # type: ignore[attr-defined]
    return data


ALL_PATHS = _paths(QUOTE)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(ALL_PATHS), min_size=1, max_size=6, unique=True),
    st.sampled_from([(), ("--lang", "zh"), ("--lang", "en")]),
)
def test_deleting_any_keys_never_crashes(paths: list[tuple], lang: tuple[str, ...]) -> None:
    code, _, err, written = _run(_delete(QUOTE, paths), *lang)
    assert code in (0, 1, 2), err
    assert "internal error" not in err and "Traceback" not in err, err
    if code:
        assert not written and err.strip()
        head = "错误：" if lang == ("--lang", "zh") else "error: "
        lines = err.strip().splitlines()
        assert lines[0].startswith(head) or all(": /" in line for line in lines), err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(ALL_PATHS),
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5), st.just([]), st.just({})),
)
def test_a_value_of_the_wrong_type_never_crashes(path: tuple, value: object) -> None:
    quote = copy.deepcopy(QUOTE)
    node: object = quote
    for part in path[:-1]:
        node = node[part]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    code, _, err, _ = _run(quote, "--lang", "zh")
    assert code in (0, 1, 2) and "internal error" not in err, err


# -- read as every deal is read ---------------------------------------------------------------------------


def test_a_duplicated_key_in_the_quote_is_refused_not_silently_dropped() -> None:
    text = json.dumps(QUOTE, ensure_ascii=False).replace(
        '"unit_price": "8999.00"', '"unit_price": "8999.00", "unit_price": "899.90"', 1
    )
    code, _, err, written = _run(None, "--lang", "zh", raw=text)
    assert code == 2 and not written
    assert err.startswith("错误：QUOTE: /items/0: 重复的键 'unit_price'") and "每个键只保留一项" in err
    code, _, err, _ = _run(None, raw=text)
    assert code == 2 and "/items/0: duplicate key 'unit_price'" in err


def test_amounts_written_as_json_numbers_are_carried_exactly() -> None:
    quote = copy.deepcopy(QUOTE)
    quote.pop("totals", None)
    text = json.dumps(quote, ensure_ascii=False).replace(
        '"unit_price": "8999.00"', '"unit_price": 8999.10', 1
    )
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "q.json", Path(tmp) / "c.json"
        src.write_text(text, encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
            assert main(["contract-from-quote", str(src), "-o", str(out)]) == 0, err.getvalue()
        written = out.read_text(encoding="utf-8")
    assert '"unit_price": 8999.10\n' in written  # the number as the quote wrote it, not the float 8999.1
    assert json.loads(written)["items"][0]["unit_price"] == 8999.1


def test_a_quote_with_nan_is_refused_in_both_languages() -> None:
    text = json.dumps(QUOTE, ensure_ascii=False).replace('"vat_rate": "13"', '"vat_rate": NaN', 1)
    code, _, err, _ = _run(None, "--lang", "zh", raw=text)
    assert code == 2 and "单据中不允许出现 NaN" in err and "internal error" not in err


# -- dates and options ----------------------------------------------------------------------------------


def test_signed_on_29_february_the_default_term_runs_to_the_end_of_february() -> None:
    code, _, err, written = _run(QUOTE, "--signing-date", "2028-02-29")
    assert code == 0 and written and "internal error" not in err, err
    assert "/term/end = 2029-02-28" in err
    deal, _ = contract_from_quote(QUOTE, signing_date=dt.date(2026, 3, 10))
    assert deal["term"]["end"] == "2027-03-09"  # a full year, both days counted, as before


def test_an_empty_contract_number_is_a_usage_error() -> None:
    code, _, err, written = _run(QUOTE, "--number", " ", "--lang", "zh")
    assert code == 2 and not written and err.startswith("错误：--number 为空")


def test_the_contract_never_overwrites_the_quote(tmp_path: Path) -> None:
    src = tmp_path / "q.json"
    src.write_text(json.dumps(QUOTE, ensure_ascii=False), encoding="utf-8")
    before = src.read_bytes()
    stderr = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
        code = main(["contract-from-quote", str(src), "-o", str(tmp_path / "." / "q.json"), "--lang", "zh"])
    assert code == 2 and "合同会覆盖报价单本身" in stderr.getvalue() and src.read_bytes() == before


def test_an_output_that_cannot_be_written_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    src = tmp_path / "q.json"
    src.write_text(json.dumps(QUOTE, ensure_ascii=False), encoding="utf-8")
    stderr = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
        code = main(["contract-from-quote", str(src), "-o", str(blocker / "c.json")])
    assert code == 2 and "cannot write the output" in stderr.getvalue()
    assert "internal error" not in stderr.getvalue()
