"""The dispute family: 或裁或审, arbitration without one named commission, unmade model-text choices, no
dispute clause — on phrasings and on the real model texts of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_paths, lint_text

AC = "dispute/arbitration-and-court"
NC = "dispute/arbitration-no-commission"
UC = "dispute/unfilled-choice"
ND = "dispute/no-dispute-clause"
ALL = (AC, NC, UC, ND)


def ids(text: str, *rules: str) -> list[str]:
    return sorted(f.rule for f in lint_text(text, Settings(select=rules or ALL)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("因本合同发生的争议，提交北京仲裁委员会仲裁。", []),
        ("协商不成的，任何一方可向合同签订地人民法院提起诉讼。", []),
        (
            "争议提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，一方不履行的，另一方可向人民法院申请执行。",
            [],
        ),
        ("因本合同发生的争议，可以仲裁，也可以向人民法院起诉。", [AC, NC]),
        ("因本合同发生的争议，提交广州仲裁委员会仲裁或向乙方所在地人民法院起诉。", [AC]),
        ("因本合同发生的争议，双方同意在深圳仲裁。", [NC]),
        ("因本合同发生的争议，提交北京仲裁委员会或上海仲裁委员会仲裁。", [NC]),
        ("因本合同发生的争议，提交甲方所在地仲裁委员会仲裁。", [NC]),
        ("本合同一式两份，自双方签字盖章之日起生效。", [ND]),
    ],
)
def test_dispute_clauses(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


MENU = (
    "第九条 争议解决\n协商不成的，选择下列第{n}种方式解决：\n"
    "1.依法向{a}仲裁委员会申请仲裁。\n2.依法向{c}人民法院提起诉讼。"
)


def test_model_text_menu_unfilled_then_filled() -> None:
    assert ids(MENU.format(n="____", a="____", c="____")) == [UC]
    assert ids(MENU.format(n="1", a="北京", c="____")) == []
    assert ids(MENU.format(n="2", a="____", c="北京市海淀区")) == []


def test_ticked_box_counts_only_the_ticked_option() -> None:
    text = "第九条 争议解决\n☐依法向____仲裁委员会申请仲裁\n☑依法向甲方住所地人民法院提起诉讼"
    assert ids(text) == []
    both = "第九条 争议解决\n☑依法向北京仲裁委员会申请仲裁\n☑依法向甲方住所地人民法院提起诉讼"
    assert ids(both) == [AC]


def test_instruction_tick_mark_is_not_a_choice() -> None:
    text = (
        "使用说明：选择内容以划“√”方式选定。\n第九条 争议解决\n双方选择下列第   种方式（单选）解决：\n"
        "1.依法向          仲裁委员会申请仲裁。\n2.依法向            人民法院提起诉讼。"
    )
    assert ids(text) == [UC]


def test_penalty_adjustment_mentioning_court_and_arbitration_is_not_a_choice() -> None:
    text = "违约金过分高于损失的，可以请求人民法院或者仲裁机构予以适当减少。争议提交北京仲裁委员会仲裁。"
    assert ids(text) == []


def test_real_model_texts_only_show_unmade_choices(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir / "zh"], Settings(select=("dispute",)))
    got = {(Path(fr.path).stem, f.rule) for fr in result.files for f in fr.findings}
    assert got and {rule for _n, rule in got} == {UC}


def test_english_contracts_are_left_alone(corpus_dir: Path) -> None:
    result = lint_paths([corpus_dir / "en"], Settings(select=("dispute",)))
    assert [f for fr in result.files for f in fr.findings] == []


def test_defective_draft(samples_dir: Path) -> None:
    (fr,) = lint_paths(
        [samples_dir / "drafts" / "defective-delivery-dispute-term.txt"], Settings(select=("dispute",))
    ).files
    assert {f.rule for f in fr.findings} == {AC, NC}
