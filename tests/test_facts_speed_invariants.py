"""Speed-only rewrites of the shared facts scans keep their results: each fast path is checked against the
plain definition it replaces (results only, no timing)."""

from __future__ import annotations

import random
import re

from contractkit.facts.document import (
    _any_of,
    all_clauses,
    block_indices_naming,
    clauses_naming,
    in_section,
)
from contractkit.facts.spans import contains_any, word_tree
from contractkit.readers.model import Block, Document, Location

_ALPHABET = "交货付至送达到期日金额违约合同甲乙方ab.*?|()[]\\^$+{}1 \u3000"


def _random_words(rng: random.Random) -> tuple[str, ...]:
    count = rng.randint(1, 130)  # both sides of document._TREE_WORDS
    words = {"".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 4))) for _ in range(count)}
    return tuple(sorted(words, key=lambda w: rng.random()))


def test_word_regex_finds_the_first_place_any_word_starts() -> None:
    """``_any_of(words).search(text, pos)`` starts where the earliest ``text.find(word, pos)`` does."""
    rng = random.Random(12)
    for _ in range(800):
        words = _random_words(rng)
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60)))
        rx = _any_of(words)
        for pos in range(0, len(text) + 1, 4):
            finds = [i for i in (text.find(w, pos) for w in words) if i != -1]
            m = rx.search(text, pos)
            assert (m.start() if m else None) == (min(finds) if finds else None), (words, text, pos)


def test_word_regex_shares_common_prefixes() -> None:
    """A long word tuple's regex is a prefix tree: words with one first character are one branch of it,
    words that are prefixes of others included; the empty tuple matches nothing, the empty word everywhere."""
    long = ("交货", "交付", "交", "送达", "交货期", *(f"第{n}期款" for n in range(100)))
    rx = _any_of(long)
    assert rx.pattern.count("交") == 1 and rx.pattern.count("第") == 1
    texts = (("乙方应于收款后交货", 7), ("送达地址", 0), ("甲方交", 2), ("付款", None), ("第99期款", 0))
    for text, hit in texts:
        m = rx.search(text)
        assert (m.start() if m else None) == hit
    assert _any_of(()).search("任何文字") is None
    assert _any_of(("", "期")).search("合同") is not None
    assert _any_of(("", *long)).search("合同") is not None


def test_word_tree_finds_what_the_plain_alternation_finds() -> None:
    """``word_tree(words)`` as a regex, for short tuples too, finds the first place any word starts."""
    rng = random.Random(5)
    for _ in range(800):
        words = tuple(w for w in _random_words(rng) if w)
        rx = re.compile(word_tree(words))
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 40)))
        for pos in range(0, len(text) + 1, 3):
            finds = [i for i in (text.find(w, pos) for w in words) if i != -1]
            m = rx.search(text, pos)
            assert (m.start() if m else None) == (min(finds) if finds else None), (words, text, pos)


def _doc(lines: list[str], section: str | None = None) -> Document:
    blocks = [Block(t, t, Location(index=i), "paragraph", section, None) for i, t in enumerate(lines)]
    return Document("mem.txt", "text", blocks, None, {})


def test_naming_scans_equal_their_definitions() -> None:
    lines = [
        "第一条 买方收到发票后十日内付清货款；逾期付款的，按日万分之三支付违约金。",
        "卖方应在签约后二十天内送达设备，送货费用由卖方承担",
        "",
        "双方另行商定验收时间。验收合格即视为交付完成！",
        "附件：技术要求（见附表二）；质保期十二个月",
        "本协议一式两份?甲乙双方各执一份",
    ]
    doc = _doc(lines, section="第一条 付款")
    every = all_clauses(doc)
    many = tuple(f"{a}{b}" for a in "交送付验质违" for b in "货达款收保约付期")  # 48 words: the regex path
    tree = tuple(f"{a}{b}{c}" for a in "交送付验质" for b in "货达款收约" for c in "期完后的金")  # 125 words
    for words in (("违约金",), ("送达", "送货", "交付"), many, tree, ("附件", "技术", "？", "一份")):
        assert clauses_naming(doc, words) == [c for c in every if any(w in c[3] for w in words)]
        assert block_indices_naming(doc, words) == [
            i for i, b in enumerate(doc.blocks) if any(w in b.norm for w in words)
        ]
    assert in_section(doc.blocks[0], (*many, "付款"))
    assert not in_section(doc.blocks[0], tuple(f"{a}{b}" for a in "交送验质" for b in "货达收保"))


def test_contains_any_is_any_word_in_the_text() -> None:
    """``contains_any(words)(text)`` is ``any(w in text for w in words)``; with no words (or an empty one)
    every text contains them."""
    rng = random.Random(7)
    for _ in range(1000):
        words = _random_words(rng)
        test = contains_any(iter(words))  # any iterable, read once
        for _ in range(5):
            text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
            assert test(text) == any(w in text for w in words), (words, text)
    assert contains_any(())("押金") and contains_any(("", "定金"))("押金")
    assert contains_any(("定金", "订金", "定"))("支付订金") and not contains_any(("定金", "订金"))("押金")


def test_word_tree_is_one_branch_per_first_character() -> None:
    assert word_tree(("验收", "验货", "检验", "验")) == "检验|验(?:(?:收|货))?"
    assert word_tree(("a.b", "a*")) == r"a(?:\*|\.b)"
