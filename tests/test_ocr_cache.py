"""The OCR page cache: a page read once per distinct pixels and settings, bounded in memory and on disk,
never serving a page read with other settings, ignoring damaged entries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from contractkit.readers import ocr, ocr_cache


def _page(mark: int = 0) -> Image.Image:
    page = Image.new("L", (400, 300), 255)
    ImageDraw.Draw(page).rectangle((20 + mark, 40, 200, 44), fill=0)
    return page


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Tesseract replaced by a recorder: each call is one read of a page."""
    calls: list[dict[str, object]] = []

    def fake(image: Image.Image, **options: object) -> list[str]:
        calls.append(options)
        return [f"第{len(calls)}次读取：甲方应于收货后十日内付款。"]

    ocr_cache.clear_memory()
    monkeypatch.delenv(ocr_cache.ENV, raising=False)
    monkeypatch.setattr(ocr, "_read_page", fake)
    yield calls
    ocr_cache.clear_memory()


def test_a_page_is_read_once_per_pixels_and_settings(reads: list[dict[str, object]]) -> None:
    first = ocr.image_lines(_page())
    assert ocr.image_lines(_page()) == first and len(reads) == 1  # the same pixels: served
    ocr.image_lines(_page(), langs=ocr.SIMPLIFIED)  # other languages: read
    ocr.image_lines(_page(1))  # one pixel column moved: read
    ocr.image_lines(_page(), unrule=False)
    ocr.image_lines(_page(), cache=False)
    assert len(reads) == 5


def test_the_memory_cap_is_part_of_the_key(
    reads: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ocr.image_lines(_page())
    monkeypatch.setenv("CONTRACTKIT_OCR_MEMORY_MB", "16")
    ocr.image_lines(_page())
    assert len(reads) == 2


def test_memory_is_bounded(reads: list[dict[str, object]]) -> None:
    for k in range(ocr_cache.MEMORY_PAGES + 5):
        ocr.image_lines(_page(k))
    assert len(ocr_cache._memory) == ocr_cache.MEMORY_PAGES
    ocr.image_lines(_page(0))  # the oldest went first: read again
    assert len(reads) == ocr_cache.MEMORY_PAGES + 6


def test_disk_cache_survives_the_process_and_ignores_damage(
    reads: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))
    lines = ocr.image_lines(_page())
    ocr_cache.clear_memory()  # as a new process would start
    assert ocr.image_lines(_page()) == lines and len(reads) == 1
    (entry,) = tmp_path.glob("??/*.json")
    for damage in ("{not json", '{"lines": 3}', "[1, 2]"):
        entry.write_text(damage, encoding="utf-8")
        ocr_cache.clear_memory()
        assert ocr.image_lines(_page()) == [f"第{len(reads)}次读取：甲方应于收货后十日内付款。"]
    assert len(reads) == 4


def test_trim_keeps_the_newest(tmp_path: Path) -> None:
    sub = tmp_path / "ab"
    sub.mkdir()
    for k in range(6):
        path = sub / f"ab{k}.json"
        path.write_text("[]", encoding="utf-8")
        os.utime(path, (1000 + k, 1000 + k))
    ocr_cache.trim(tmp_path, keep=2)
    assert sorted(p.name for p in sub.iterdir()) == ["ab4.json", "ab5.json"]


@settings(max_examples=20, deadline=None)
@given(st.binary(min_size=12, max_size=12), st.binary(min_size=12, max_size=12))
def test_keys_differ_exactly_when_pixels_differ(a: bytes, b: bytes) -> None:
    one, two = Image.frombytes("L", (4, 3), a), Image.frombytes("L", (4, 3), b)
    assert (ocr_cache.page_key(one, langs="x") == ocr_cache.page_key(two, langs="x")) == (a == b)
    assert ocr_cache.page_key(one, langs="x") != ocr_cache.page_key(one, langs="y")


def test_an_oversized_disk_entry_is_not_read(
    reads: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))
    ocr.image_lines(_page())
    (entry,) = tmp_path.glob("??/*.json")
    entry.write_text('["' + "甲" * (ocr_cache.MAX_ENTRY_BYTES // 3 + 1) + '"]', encoding="utf-8")
    ocr_cache.clear_memory()
    ocr.image_lines(_page())
    assert len(reads) == 2  # read again, not served from a file larger than any page's lines


def test_a_write_that_fails_leaves_nothing_half_written(
    reads: list[dict[str, object]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))

    def no_room(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ocr_cache.os, "replace", no_room)
    assert ocr.image_lines(_page())  # the page is read all the same
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_lines_confidence_comes_back_from_memory_and_disk(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each line keeps Tesseract's confidence in it and its words' ranges through the cache; an entry of an
    older shape (lines without confidences, or without word ranges) is not served: the page is read again."""
    calls: list[int] = []

    def fake(image: Image.Image, **options: object) -> list[str]:
        calls.append(1)
        return [
            ocr.OcrLine("供方：某某贸易有限公司", 91.5, ((0, 2, 96.0), (3, 11, 41.5))),
            ocr.TableRow("1 水泵 3台 900.00", 42.25),
            "无分数",
        ]

    ocr_cache.clear_memory()
    monkeypatch.setattr(ocr, "_read_page", fake)
    monkeypatch.setattr(ocr, "DESPECKLE_UNDER", 0)  # one reading a page: no second one with noise cleared
    monkeypatch.setenv(ocr_cache.ENV, str(tmp_path))
    first = ocr.image_lines(_page())
    for _ in range(2):  # from memory, then from disk as a new process would
        again = ocr.image_lines(_page())
        assert again == first and len(calls) == 1
        assert [ocr.line_confidence(x) for x in again] == [91.5, 42.25, None]
        assert [ocr.line_words(x) for x in again] == [((0, 2, 96.0), (3, 11, 41.5)), (), ()]
        assert isinstance(again[1], ocr.TableRow) and not isinstance(again[0], ocr.TableRow)
        ocr_cache.clear_memory()
    (entry,) = tmp_path.glob("??/*.json")
    shapes = ('[" 供方：某某贸易有限公司"]', '[[" 甲方", "90"]]', '[[" 甲方", true]]', '[[" 甲方"]]')
    shapes += ('[[" 甲方", 90.0]]', '[[" 甲方", 90.0, [[0, 1]]]]', '[[" 甲方", 90.0, [[0, 1, "x"]]]]')
    for old in shapes:  # older shapes (6.2: no word ranges) and damaged ones
        entry.write_text(old, encoding="utf-8")
        ocr_cache.clear_memory()
        ocr.image_lines(_page())
    assert len(calls) == 1 + len(shapes)
    ocr_cache.clear_memory()
