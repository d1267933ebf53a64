"""Loading deals: Decimal numbers, size limit, malformed JSON with line/column, folders and JSON Lines."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from contractkit.deal.load import iter_deals, load_deal
from contractkit.errors import UnreadableInput


def test_numbers_are_decimal_never_float(tmp_path):
    p = tmp_path / "d.json"
    p.write_text('{"kind": "quote", "a": 0.1, "b": 3}', encoding="utf-8")
    deal = load_deal(p)
    assert deal["a"] == Decimal("0.1") and isinstance(deal["a"], Decimal)
    assert deal["b"] == 3


def test_sample_loads(samples_dir):
    deal = load_deal(samples_dir / "contract-equipment.json")
    assert deal["kind"] == "contract"


def test_malformed_json_names_line_and_column(samples_dir):
    with pytest.raises(UnreadableInput) as info:
        load_deal(samples_dir / "invalid" / "malformed.json")
    assert info.value.where == "line 4, column 3"
    assert "Expecting ',' delimiter" in info.value.message


def test_oversize_file_is_refused_unread(tmp_path, monkeypatch):
    p = tmp_path / "big.json"
    p.write_text(json.dumps({"kind": "quote", "x": "y" * 2000}), encoding="utf-8")
    with pytest.raises(UnreadableInput, match="over the"):
        load_deal(p, max_bytes=1000)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [(b"\xff\xfe{}", "not UTF-8"), (b"[1, 2]", "not an object"), (b'{"a": NaN}', "NaN"), (b"", "malformed")],
)
def test_bad_inputs_get_clear_errors(tmp_path, data, fragment):
    p = tmp_path / "bad.json"
    p.write_bytes(data)
    with pytest.raises(UnreadableInput, match=fragment):
        load_deal(p)


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.json"
    p.write_bytes('\ufeff{"kind": "quote"}'.encode())
    assert load_deal(p) == {"kind": "quote"}


def test_iter_deals_folders_jsonl_and_bad_entries(tmp_path):
    (tmp_path / "b.json").write_text('{"kind": "contract"}', encoding="utf-8")
    (tmp_path / "a.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"kind": "quote"}\n\n[1]\n{"kind": "contract"}\n', encoding="utf-8")
    results = list(iter_deals([tmp_path, tmp_path / "missing.json"]))
    labels = [label for label, _ in results]
    assert labels == [
        str(tmp_path / "a.json"),
        str(tmp_path / "b.json"),
        f"{tmp_path / 'c.jsonl'}:1",
        f"{tmp_path / 'c.jsonl'}:3",
        f"{tmp_path / 'c.jsonl'}:4",
        str(tmp_path / "missing.json"),
    ]
    kinds = [type(v).__name__ for _, v in results]
    assert kinds == ["UnreadableInput", "dict", "dict", "UnreadableInput", "dict", "UnreadableInput"]
    assert results[0][1].where == "line 1, column 2"


def test_jsonl_splits_on_newline_only(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_text('{"kind": "quote", "title": "a\u2028b\x85c"}\r\n{"kind": "contract"}\n', encoding="utf-8")
    got = list(iter_deals([src]))
    assert [label for label, _ in got] == [f"{src}:1", f"{src}:2"]
    assert got[0][1]["title"] == "a\u2028b\x85c" and got[1][1] == {"kind": "contract"}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"kind": "quote", "kind": "contract"}', "/"),
        ('{"items": [{"unit_price": "1", "unit_price": "2"}]}', "/items/0"),
    ],
)
def test_duplicate_keys_are_reported_with_their_pointer(tmp_path, text, where):
    p = tmp_path / "d.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableInput, match="duplicate key") as exc:
        load_deal(p)
    assert exc.value.where == where and exc.value.path == str(p) and exc.value.zh


def test_nesting_is_bounded(tmp_path):
    p = tmp_path / "d.json"
    p.write_text('{"clauses": ' + "[" * 200 + "]" * 200 + "}", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="nested more than"):
        load_deal(p)


def test_unlistable_folder_is_reported_and_the_rest_go_on(tmp_path, monkeypatch):
    from pathlib import Path

    locked = tmp_path / "locked"
    locked.mkdir()
    good = tmp_path / "good.json"
    good.write_text('{"kind": "quote"}', encoding="utf-8")
    real = Path.iterdir

    def iterdir(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    got = list(iter_deals([locked, good]))
    assert isinstance(got[0][1], UnreadableInput) and got[0][0] == str(locked)
    assert "Permission denied" in str(got[0][1]) and got[1] == (str(good), {"kind": "quote"})


def test_fifo_deal_in_a_folder_is_refused_not_waited_on(tmp_path):
    import os

    os.mkfifo(tmp_path / "x.json")
    [(label, err)] = list(iter_deals([tmp_path]))
    assert label == str(tmp_path / "x.json") and "not a regular file" in str(err)


def test_malformed_json_names_the_place_in_chinese_too(tmp_path):
    p = tmp_path / "报价.json"
    p.write_text('{"kind": "quote",\n  "number": "Q-1"\n  "items": []}', encoding="utf-8")
    with pytest.raises(UnreadableInput) as info:
        load_deal(p)
    assert info.value.where == "line 3, column 3" and info.value.where_zh == "第 3 行第 3 列"
    assert (
        info.value.text("zh")
        == f"{p}: 第 3 行第 3 列: JSON 格式错误：Expecting ',' delimiter — 请修正该处的 JSON 语法"
    )


def test_a_jsonl_line_is_named_by_its_line_in_the_file_in_chinese(tmp_path):
    p = tmp_path / "deals.jsonl"
    p.write_text('{"kind": "quote"}\n\n{"kind": "quote", }\n', encoding="utf-8")
    (_, _good), (label, error) = list(iter_deals([p]))
    assert label.endswith(":3") and isinstance(error, UnreadableInput) and error.where_zh == "第 3 行第 19 列"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_constant_that_is_no_number_is_refused_in_both_languages(tmp_path, constant):
    p = tmp_path / "d.json"
    p.write_text('{"kind": "quote", "price": {"vat_rate": ' + constant + "}}", encoding="utf-8")
    with pytest.raises(UnreadableInput) as info:
        load_deal(p)
    assert f"{constant} is not allowed" in info.value.text("en") and info.value.hint
    assert f"单据中不允许出现 {constant}" in info.value.text("zh") and "有限的数字" in info.value.text("zh")


def test_nesting_too_deep_for_the_parser_is_refused_in_both_languages(tmp_path):
    p = tmp_path / "d.json"
    p.write_text('{"a": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    with pytest.raises(UnreadableInput) as info:
        load_deal(p)
    assert "嵌套" in info.value.text("zh") and "nest" in info.value.text("en")
