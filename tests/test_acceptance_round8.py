"""Acceptance, accuracy round 8: a certificate deemed signed on a stated day
(验收证书视为已于期限届满之日签署) is deemed acceptance."""

from __future__ import annotations

import pytest
from conftest import run_rule

GOODS = "第三条 交货\n乙方于合同签订后30日内交货。\n第五条 验收\n"
DEEMED = "acceptance/no-deemed-acceptance"


@pytest.mark.parametrize(
    "text",
    [
        "买方应在调试完成后5个工作日内签署验收证书；买方在该期限内既未签署也未书面说明理由的，"
        "验收证书视为已于该期限届满之日签署。",
        "甲方应于试运行结束后七日内出具终验报告，逾期未出具又未提出书面异议的，终验报告视为在第七日签发。",
        "需方应在到货后10日内完成验收并签署验收单；需方在10日内不签署且不书面说明理由的，"
        "验收单视为于期满次日签署。",
    ],
)
def test_a_certificate_deemed_signed_on_a_day_is_deemed_acceptance(text: str) -> None:
    assert not run_rule(DEEMED, GOODS + text)


NO_PERIOD = "acceptance/no-objection-period"
SALE = (
    "买卖合同\n甲方：绵阳涪城建材有限公司\n乙方：德阳旌阳石材有限公司\n一、货物\n花岗岩板材200平方米，单价300元。\n"
    "乙方于合同签订后20日内送货，甲方到货后3日内验收。\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "二、质量\n甲方在到货后十八个月内发现板材存在内在缺陷的，有权要求乙方更换。",
        "二、质量\n这一年里因为板材本身的质量出了问题的，乙方得认，负责退货。",
        "二、质量\n半年内（从卸货那天算）发现板材开裂的，乙方退一半的钱。",
        "二、质量\n板材自身的质量问题（起层、掉色）管两年，从到货那天算。",
    ],
)
def test_a_period_in_plain_words_is_an_objection_period(text: str) -> None:
    assert not run_rule(NO_PERIOD, SALE + text)


def test_a_contract_without_any_period_still_fires() -> None:
    assert run_rule(NO_PERIOD, SALE + "二、质量\n板材应符合国家标准，乙方随货提供合格证。")


NO_START = "acceptance/window-no-start"


@pytest.mark.parametrize(
    "text",
    [
        "任何一方违反质量条款且在15日内未予纠正的，守约方可书面通知解除本合同。",
        "乙方产品质量不达标，在20日内仍未整改的，甲方可以通知乙方终止合同。",
        "一方违反质量保证义务，经催告后30日内仍不改正的，对方可以书面形式通知解约。",
    ],
)
def test_a_notice_that_ends_the_contract_is_no_objection_window(text: str) -> None:
    assert not run_rule(NO_START, GOODS + text)


def test_a_notice_of_defects_without_a_start_still_fires() -> None:
    assert run_rule(NO_START, GOODS + "买方须在10日内书面通知乙方质量问题。")


NO_WINDOW = "acceptance/no-window"
PLAIN = GOODS


@pytest.mark.parametrize(
    "text",
    [
        "乙方交车时甲方在现场签了交接单，就算验过了。",
        "甲方可以试开一圈，当场签收交接单的，视为验收合格。",
        "货送到后甲方当面点清签字，签了字就当验收完了。",
    ],
)
def test_a_deemed_acceptance_on_the_spot_settles_the_timing(text: str) -> None:
    assert not run_rule(NO_WINDOW, PLAIN + text)


def test_a_deemed_acceptance_with_no_timing_still_fires() -> None:
    assert run_rule(NO_WINDOW, PLAIN + "甲方对叉车进行验收，验收合格后签署验收单。")
