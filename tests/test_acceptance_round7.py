"""Acceptance, accuracy round 7: a long warranty is a note, not a warning; a wear part's own short warranty
beside the machine's is normal; a window's start read from the sentence before it or from an earlier window
of the same length in the same section; windows in 工作天 (Traditional)."""

from __future__ import annotations

import pytest
from conftest import fires, run_rule

from contractkit.findings import Severity

GOODS = "第三条 交货\n乙方于合同签订后30日内交货。\n第五条 验收\n"
RANGE = "acceptance/objection-period-range"


@pytest.mark.parametrize(
    "text",
    [
        "质保期为验收合格之日起三十六个月。",
        "整机质量保证期 5 年，自终验收合格之日起算。",
        "按采购文件要求，设备保修期为三年。",
        "质保：主机质保 48 个月，附件质保 12 个月。",
    ],
)
def test_a_long_warranty_is_only_noted(text: str) -> None:
    found = run_rule(RANGE, GOODS + text)
    assert found and all(f.severity == Severity.INFO for f in found)
    assert "提示" in found[0].message and "Note" in found[0].message_en


@pytest.mark.parametrize(
    "text",
    [
        "整机质保期为验收合格之日起12个月。刀片属易损件，保修3个月（以先到者为准）。",
        "设备质保期为十二个月；滤芯等耗材保修一个月。",
        "质量保证期为验收合格后18个月，其中密封圈等易耗配件的质保期为3个月。",
        "整机保修一年。灯管属消耗品，保修六个月或1000小时，以先到者为准。",
        "易损件（皮带、刷子）保修三个月，整机保修一年。",
        "易损件的质保期为3个月，整机的质保期为12个月。",
    ],
)
def test_a_wear_part_short_warranty_beside_the_machine_is_normal(text: str) -> None:
    assert not fires(RANGE, GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "刀片属易损件，保修3个月。",  # no main warranty beside it
        "易损件保修3个月，整机保修4个月。",  # the machine's own is short too
        "整机质保期为验收合格之日起6个月。",
        "质量异议期为收货后两个月。",
        "产品保修半年。",
    ],
)
def test_short_periods_are_still_warned(text: str) -> None:
    found = run_rule(RANGE, GOODS + text)
    assert found and found[0].severity == Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "货到那天双方一起开箱试机，每台都要开一遍。试机发现问题，买方3天内发微信说明；3天内买方没说的，就算验收通过了。",
        "东西送到后，甲方当场清点。5日内甲方没有提出书面异议的，视为验收合格。",
        "货物运抵甲方仓库当日，双方共同点数。甲方应在7日内完成外观检验，逾期视为合格。",
    ],
)
def test_a_window_takes_the_handover_of_the_sentence_before(text: str) -> None:
    assert not fires("acceptance/window-no-start", GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "1. 甲方收到货后5天内点数、看外观，有问题拍照发给乙方。\n2. 5天内没提出来的，就当验收合格。",
        "（一）买方应于货到之日起十日内完成检验。\n（二）十日内买方未书面提出异议的，视为验收合格。",
    ],
)
def test_a_window_of_the_same_length_in_the_section_takes_its_start(text: str) -> None:
    assert not fires("acceptance/window-no-start", GOODS + text)


@pytest.mark.parametrize(
    "text",
    [
        "乙方应于合同签订后30日内交货。甲方应在5日内验收，逾期视为合格。",  # a signing is no handover
        "本合同自双方签字之日起生效。甲方应在3日内完成验收。",
    ],
)
def test_a_signing_before_the_window_is_not_its_start(text: str) -> None:
    assert fires("acceptance/window-no-start", "第五条 验收\n" + text)


@pytest.mark.parametrize(
    "text",
    [
        "買方應於貨物運抵之日起七個工作天內完成數量及外觀檢驗，並於十五個工作天內完成性能檢測；",
        "買方應於到貨後五個工作天內驗收。",
        "买方应在到货后3个工作天内完成验收。",
    ],
)
def test_windows_in_working_days_of_the_traditional_spelling_have_a_length(text: str) -> None:
    assert not fires("acceptance/window-no-length", GOODS + text)
