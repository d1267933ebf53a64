"""Round 12 batteries for the acceptance, term and delivery families: each class of false alarm (or miss) seen
on the sets written in new styles (framework agreements with call-off orders and supplements, long forms
numbered 1/1.1/1.1.1 with a definitions section, government procurement forms, export/import contracts in
Chinese with English), in several wordings of our own, with the near misses that must still be found. No
sentence is copied from the corpus."""

from __future__ import annotations

import pytest

from contractkit.config import Settings
from contractkit.lint import lint_text


def ids(text: str, *rules: str) -> list[str]:
    return [f.rule for f in lint_text(text, Settings(select=rules))]


_BUY = "设备买卖合同\n甲方：杭州明川机械有限公司\n乙方：宁波海岳设备制造有限公司\n"
_BUY_TW = "設備買賣合約\n買受人：台北恆達實業有限公司\n出賣人：新北銘宏機電有限公司\n"
_GOODS = "1. 甲方向乙方购买数控车床2台，总价人民币300,000元，乙方负责运输并将设备交付至甲方工厂。\n"
_GOODS_TW = "1. 買受人向出賣人購買包裝機2台，總價新臺幣80萬元，出賣人負責運送並交付至買受人工廠。\n"

# -- acceptance/no-deemed-acceptance: goods deemed to conform to the order, colloquial deemed checks --------

#: Silence that makes the goods conform to the order (the order is the measure, not an offer consented to),
#: and plain-word checks deemed done.
DEEMED_CONFORMITY = [
    _BUY + _GOODS + "2. 甲方应在收货后3日内核对数量并检查外观；逾期未书面通知的，视为该批设备符合订单约定。",
    _BUY + _GOODS + "2. 甲方于到货后五日内验收，期满未提出异议的，视为货物与采购订单相符。",
    _BUY_TW + _GOODS_TW + "2. 買受人應於到貨後五日內檢驗，逾期未通知者，視為貨物符合訂單。",
    _BUY + _GOODS + "2. 机器到了甲方三天内试机，三天里不吭声的，就算验好了。",
    _BUY + _GOODS + "2. 货到后两天内大家一起验，甲方两天不来看的，就当验完了。",
    _BUY + _GOODS + "2. 甲方应在到货后7日内检验，逾期未提出书面意见的，视为货物与合同及订单一致。",
]


@pytest.mark.parametrize("text", DEEMED_CONFORMITY)
def test_deemed_conformity_to_the_order_is_deemed_acceptance(text: str) -> None:
    assert ids(text, "acceptance/no-deemed-acceptance") == []


#: A deemed consent to the order itself, or to the accounts, is no deemed acceptance of the goods.
DEEMED_OF_ORDER_OR_ACCOUNTS = [
    _BUY + _GOODS + "2. 甲方应在到货后3日内验收。\n3. 乙方收到订单后两日内未回复的，视为接受该订单。",
    _BUY + _GOODS + "2. 甲方应在到货后3日内验收。\n3. 乙方逾期未确认的，视为同意甲方的订单。",
    _BUY + _GOODS + "2. 甲方应在到货后3日内验收。\n3. 收到对账单后5日内未提出异议的，视为双方对账结果相符。",
    _BUY_TW + _GOODS_TW + "2. 買受人應於到貨後三日內驗收。\n3. 出賣人逾期未回覆者，視為接受該訂單。",
    _BUY + _GOODS + "2. 机器到了甲方三天内试机。\n3. 乙方两天不回话的，就算同意这个订单。",
]


@pytest.mark.parametrize("text", DEEMED_OF_ORDER_OR_ACCOUNTS)
def test_deemed_consent_to_order_or_accounts_still_found(text: str) -> None:
    assert ids(text, "acceptance/no-deemed-acceptance") == ["acceptance/no-deemed-acceptance"]
