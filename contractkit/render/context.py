"""Deal → template context: plain data only (dicts, lists, strings, numbers), every amount, 大写 and sentence
computed here once so templates stay free of arithmetic and wording logic."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from contractkit.render.env import cn_date, percent

CURRENCIES = {  # code -> (name, symbol)
    "CNY": ("人民币", "¥"),
    "USD": ("美元", "US$"),
    "EUR": ("欧元", "€"),
    "JPY": ("日元", "JP¥"),
    "HKD": ("港元", "HK$"),
    "GBP": ("英镑", "£"),
}
#: trigger events as "X后" phrases (without 后) and as "自X之日" starts
EVENT = {
    "contract_signed": ("合同签订", "本合同签订之日"),
    "contract_effective": ("合同生效", "本合同生效之日"),
    "advance_payment_received": ("乙方收到预付款", "乙方收到预付款之日"),
    "delivery": ("货物交付", "货物交付之日"),
    "arrival": ("货物到达交付地点", "货物到达交付地点之日"),
    "installation": ("设备安装调试完成", "设备安装调试完成之日"),
    "commissioning": ("设备调试完成", "设备调试完成之日"),
    "acceptance": ("验收合格", "验收合格之日"),
    "invoice_received": ("甲方收到乙方开具的合法有效发票", "甲方收到乙方开具的合法有效发票之日"),
    "warranty_end": ("质量保证期届满", "质量保证期届满之日"),
    "notice_received": ("收到书面通知", "收到书面通知之日"),
}
UNIT = {"days": "日", "working_days": "个工作日", "hours": "小时", "months": "个月"}
PARTY = {"seller": "乙方", "buyer": "甲方", "third_party": "双方认可的第三方检测机构"}
RISK = {
    "delivery": "交付甲方",
    "arrival": "到达交付地点",
    "acceptance": "经甲方验收合格",
    "shipment": "装运",
    "installation": "安装完成",
}
BASIS = {
    "overdue_amount": "逾期未付款项",
    "undelivered_value": "迟延交付部分货物的价款",
    "contract_amount": "合同总价",
}
PER = {"day": "每逾期一日", "week": "每逾期一周", "month": "每逾期一个月"}
EFFECTIVE = {
    "signed_and_sealed": "双方法定代表人或授权代表签字并加盖公章（或合同专用章）",
    "signed": "双方法定代表人或授权代表签字",
    "sealed": "双方加盖公章（或合同专用章）",
    "signed_or_sealed": "双方法定代表人或授权代表签字或加盖公章（或合同专用章）",
    "deposit_paid": "双方签字盖章且乙方收到甲方支付的定金",
    "approved": "双方签字盖章并依法办理批准手续",
}
DISCOUNT_KIND = {
    "first_order": "首单折扣",
    "tiered": "长期合作阶梯折扣",
    "referral": "推荐奖励",
    "promotion": "特殊活动优惠",
}
APPROVER = {"sales_manager": "销售经理", "sales_director": "销售总监"}
_CN_DIGITS = "零一二三四五六七八九"


def _cn_count(n: int) -> str:
    """1 → 一, 2 → 两, 10 → 十, 12 → 十二 (small counts of copies)."""
    if n == 2:
        return "两"
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _qty(value: Any) -> str:
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    return format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")


def _date(value: Any) -> str:
    return cn_date(value) if value else ""


class _Money:
    """Formats amounts in one deal's currency."""

    def __init__(self, code: str):
        from contractkit.money import amount_to_upper, format_amount

        self._upper, self._fmt = amount_to_upper, format_amount
        self.code = code
        self.name, self.symbol = CURRENCIES.get(code, (code, code + " "))

    def fig(self, d: Decimal) -> str:
        return self._fmt(d)

    def upper(self, d: Decimal) -> str:
        text = self._upper(d)
        if self.code != "CNY" and text.startswith("人民币"):
            text = self.name + text[3:]
        return text

    def both(self, d: Decimal) -> str:
        """``人民币壹仟元整（¥1,000.00）``"""
        return f"{self.upper(d)}（{self.symbol}{self.fig(d)}）"


def _party(p: dict, role: str) -> dict[str, str]:
    bank = p.get("bank") or {}
    return {
        "role": role,
        "name": _s(p.get("name")),
        "credit_code": _s(p.get("credit_code")),
        "registration_number": _s(p.get("registration_number")),
        "code": _s(p.get("credit_code") or p.get("registration_number")),
        "country": _s(p.get("country")) if p.get("country") not in (None, "CN") else "",
        "address": _s(p.get("address")),
        "legal_representative": _s(p.get("legal_representative")),
        "contact": _s(p.get("contact")),
        "phone": _s(p.get("phone")),
        "email": _s(p.get("email")),
        "bank_name": _s(bank.get("name")),
        "bank_account": _s(bank.get("account")),
    }


def _span(deadline: dict | None) -> str:
    if not deadline:
        return ""
    return f"{deadline['value']}{UNIT.get(deadline['unit'], deadline['unit'])}"


def _trigger(trigger: dict, condition: str | None = None) -> str:
    """``验收合格`` / ``验收合格且乙方开具…后`` — the part before the deadline."""
    event = trigger.get("event")
    if event == "fixed_date":
        return ""
    text = EVENT.get(event, (event, event))[0]
    if condition:
        cond = condition.rstrip("。；，")
        return f"{text}且{cond}" + ("" if cond.endswith("后") else "后")
    return text + "后"


def _installments(deal: dict, totals: Any, m: _Money) -> list[dict]:
    out = []
    for i, (inst, amount) in enumerate(
        zip(deal.get("payment", {}).get("installments", []), totals.installments, strict=True)
    ):
        trigger = inst.get("trigger", {})
        if trigger.get("event") == "fixed_date":
            cond = _s(inst.get("condition")).rstrip("。；，")
            when = f"于{_date(trigger.get('date'))}前" + (f"（{cond}）" if cond else "")
        else:
            when = f"{_trigger(trigger, inst.get('condition'))}{_span(inst.get('deadline'))}内"
        if inst.get("percent") is not None and "amount" not in inst:
            pct = percent(inst["percent"])
            what = f"支付合同总价的{pct}%，计{m.both(amount)}"
        else:
            pct = percent(amount * 100 / totals.total) if totals.total else "0"
            what = f"支付{m.both(amount)}"
        out.append(
            {
                "no": i + 1,
                "name": _s(inst.get("name")) or f"第{_cn_count(i + 1)}期款",
                "percent": pct,
                "amount": m.fig(amount),
                "sentence": f"甲方应{when}{what}。" if when.startswith("于") else f"{when}{what}。",
            }
        )
    return out


def _tax(price: dict, totals: Any, m: _Money) -> dict[str, Any]:
    rate = percent(price.get("vat_rate", 0))
    included = bool(price.get("tax_included", True))
    short = f"含{rate}%增值税"
    if Decimal(rate) == 0:
        short = "增值税税率0%"
        sentence = "适用增值税零税率（0%），不另计增值税。"
    elif included:
        sentence = (
            f"为含税价，含{rate}%增值税（不含税金额{m.symbol}{m.fig(totals.untaxed)}，"
            f"税额{m.symbol}{m.fig(totals.tax)}）。"
        )
    else:
        sentence = (
            f"为不含税价，另计{rate}%增值税{m.symbol}{m.fig(totals.tax)}，"
            f"含税合计{m.symbol}{m.fig(totals.total)}。"
        )
    return {"rate": rate, "included": included, "short": short, "sentence": sentence}


def _delivery(d: dict) -> dict[str, Any]:
    if d.get("date"):
        period = f"乙方应于{_date(d['date'])}前将货物交付至本合同约定的交付地点。"
    elif d.get("period"):
        p = d["period"]
        start = EVENT.get(p["start"], (p["start"], p["start"]))[1]
        period = f"乙方应自{start}起{_span(p)}内将货物交付至本合同约定的交付地点。"
    else:
        period = "乙方应按双方书面确认的交货日期将货物交付至本合同约定的交付地点。"
    carrier = {
        "seller": "由乙方负责运输",
        "buyer": "由甲方负责提货和运输",
        "third_party": "由乙方委托具备资质的第三方承运人运输",
    }[d.get("carrier", "seller")]
    cost = PARTY[d.get("cost_bearer", "seller")]
    inc = d.get("incoterms")
    incoterms = ""
    if inc:
        incoterms = (
            f"本合同采用《国际贸易术语解释通则》（Incoterms® {inc['version']}）{inc['rule']} {inc['place']}，"
            "双方的责任、费用和风险按该术语划分；与本合同约定不一致的，以本合同约定为准。"
        )
    return {
        "address": _s(d.get("address")),
        "period_sentence": period,
        "transport_sentence": f"{carrier}，运输、保险及装卸费用由{cost}承担。",
        "risk_sentence": f"货物毁损、灭失的风险自货物{RISK.get(d.get('risk_transfer', 'delivery'))}时起由乙方"
        "转移至甲方。",
        "packaging": _s(d.get("packaging")).rstrip("。") + "。"
        if d.get("packaging")
        else "乙方应按国家标准或行业标准包装货物，包装应适于运输，足以保护货物不受损坏。",
        "incoterms": incoterms,
        "packaging_given": bool(d.get("packaging")),
    }


def _acceptance(a: dict | None) -> dict[str, str]:
    a = a or {}
    window = a.get("window")
    if window:
        start = EVENT.get(window["start"], (window["start"], window["start"]))[1]
        window_s = f"甲方应自{start}起{_span(window)}内完成验收。"
    else:
        window_s = "甲方应自货物到达交付地点之日起7日内完成验收。"
    tester = PARTY.get(a.get("tester", "buyer"), "甲方")
    tester_s = f"验收由{tester}组织，检验费用由{PARTY[a.get('test_cost_bearer', 'seller')]}承担。"
    if a.get("deemed_acceptance", True):
        deemed = (
            "甲方在验收期限内未组织验收且未以书面形式提出异议的，视为验收合格；甲方使用货物的，视为验收合格。"
        )
    else:
        deemed = "验收以甲方出具的书面验收合格文件为准，甲方应在验收期限届满前出具书面验收结论。"
    months = a.get("objection_period_months")
    if months:
        objection = (
            f"自验收合格之日起{months}个月内，甲方发现货物存在质量问题的，有权以书面形式向乙方提出质量异议；"
            "乙方应在收到异议之日起7日内书面答复并负责处理。"
        )
    else:
        objection = "甲方发现货物质量不符合约定的，应在法律规定的期限内以书面形式向乙方提出质量异议。"
    return {
        "standard": _s(a.get("standard")).rstrip("。") or "国家标准、行业标准及本合同约定的技术要求",
        "window_sentence": window_s,
        "tester_sentence": tester_s,
        "deemed_sentence": deemed,
        "objection_sentence": objection,
    }


def _warranty(w: dict | None, totals: Any, m: _Money) -> tuple[dict[str, str], dict[str, str] | None]:
    w = w or {}
    if w.get("months"):
        start = EVENT.get(w.get("start", "acceptance"), ("", "验收合格之日"))[1]
        period = f"质量保证期为自{start}起{w['months']}个月。"
    else:
        period = "质量保证期为自验收合格之日起12个月。"
    hours = w.get("response_hours") or 48
    service = (
        f"质量保证期内，货物出现非因甲方使用不当造成的质量问题的，乙方应在接到甲方通知后{hours}小时内响应，"
        "并免费修理或更换；修理或更换的部件重新计算质量保证期。"
    )
    retention = None
    ret = w.get("retention")
    if ret:
        from contractkit.money import quantize_cents, to_decimal

        amount = quantize_cents(totals.total * to_decimal(ret["percent"]) / 100)
        rel = ret["release"]
        if rel.get("event") == "fixed_date":
            when = "于约定日期"
        else:
            start = EVENT.get(rel["event"], (rel["event"], rel["event"]))[1]
            when = f"于{start}起{_span(rel.get('deadline'))}内"
        retention = {
            "percent": percent(ret["percent"]),
            "amount": m.fig(amount),
            "sentence": f"合同总价的{percent(ret['percent'])}%，即{m.both(amount)}，作为质保金，由甲方{when}"
            "无息支付给乙方。质量保证期内乙方未履行质量保证义务的，甲方有权从质保金中扣除相应费用。",
        }
    return {"period_sentence": period, "service_sentence": service}, retention


def _penalty(p: dict, who: str, other: str, what: str) -> str:
    rate = percent(p["rate"])
    basis = BASIS.get(p["basis"], p["basis"])
    if p.get("per") == "once":
        text = f"{who}{what}的，应按{basis}的{rate}%一次性向{other}支付违约金"
    else:
        per = PER.get(p.get("per", "day"), "每逾期一日")
        text = f"{who}{what}的，{per}，应按{basis}的{rate}%向{other}支付违约金"
    if p.get("cap_percent") is not None:
        text += f"，违约金总额以合同总价的{percent(p['cap_percent'])}%为限"
    return text + "。"


def _penalties(deal: dict, totals: Any, m: _Money) -> tuple[list[str], dict[str, str] | None]:
    pen = deal.get("penalties") or {}
    out = []
    if pen.get("late_payment"):
        out.append(_penalty(pen["late_payment"], "甲方", "乙方", "逾期付款"))
    if pen.get("late_delivery"):
        out.append(_penalty(pen["late_delivery"], "乙方", "甲方", "逾期交货"))
    deposit = None
    if totals.deposit is not None:
        deposit = {
            "amount": m.fig(totals.deposit),
            "sentence": f"甲方应自本合同签订之日起5个工作日内向乙方支付定金{m.both(totals.deposit)}，"
            "合同履行后定金抵作价款。给付定金的一方不履行债务或者履行债务不符合约定，致使不能实现合同目的的，"
            "无权请求返还定金；收受定金的一方不履行债务或者履行债务不符合约定，致使不能实现合同目的的，"
            "应当双倍返还定金。一方违约时，对方可以选择适用违约金或者定金条款，但不得同时主张。",
        }
    return out, deposit


def _dispute(d: dict | None) -> dict[str, str]:
    d = d or {}
    days = d.get("negotiation_days")
    lead = "因本合同引起的或与本合同有关的任何争议，双方应首先友好协商解决；"
    lead += f"自一方书面提出协商之日起{days}日内协商不成的，" if days else "协商不成的，"
    if d.get("method") == "arbitration":
        text = (
            f"任何一方均可将争议提交{d['commission']}，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。"
            "仲裁裁决是终局的，对双方均有约束力。"
        )
    else:
        text = f"任何一方均可向{d.get('court', '')}提起诉讼。"
    return {"method": _s(d.get("method")), "sentence": lead + text}


def _counterparts(n: int) -> str:
    if n % 2 == 0:
        return f"本合同一式{_cn_count(n)}份，甲乙双方各执{_cn_count(n // 2)}份，具有同等法律效力。"
    return (
        f"本合同一式{_cn_count(n)}份，甲方执{_cn_count(n - n // 2)}份，乙方执{_cn_count(n // 2)}份，"
        "具有同等法律效力。"
    )


def _other(deal: dict) -> list[str]:
    out = []
    term = deal.get("term")
    if term:
        eff = EFFECTIVE.get(term.get("effective"), EFFECTIVE["signed_and_sealed"])
        out.append(f"本合同自{eff}之日起生效，履行期限自{_date(term['start'])}至{_date(term['end'])}。")
    for clause in deal.get("clauses") or []:
        out.append(f"{clause['title']}：{_s(clause['text'])}")
    out.append(
        "双方在本合同首部所列的地址、电话及电子邮箱为有效的通知和送达地址；一方变更的，"
        "应自变更之日起3日内书面通知对方，否则向原地址送达即视为送达。"
    )
    for note in deal.get("notes") or []:
        out.append(_s(note))
    if deal.get("attachments"):
        out.append(
            f"本合同附件包括：{'；'.join(deal['attachments'])}。附件为本合同不可分割的组成部分，"
            "与本合同正文具有同等法律效力；附件与正文不一致的，以正文为准。"
        )
    out.append(_counterparts(int(deal.get("counterparts") or 2)))
    return out


def _as_quote(text: str) -> str:
    return text.replace("本合同", "合同").replace("乙方", "我司").replace("甲方", "贵司")


def build_context(deal: dict) -> dict[str, Any]:
    """The template context of a (validated) deal: plain data, amounts formatted, sentences written."""
    from contractkit.deal.derive import compute

    totals = compute(deal)
    price = deal.get("price") or {}
    m = _Money(price.get("currency", "CNY"))
    kind = deal.get("kind", "contract")
    quote = kind == "quote"
    items = []
    for i, (item, line) in enumerate(zip(deal.get("items", []), totals.lines, strict=True)):
        items.append(
            {
                "no": i + 1,
                "name": _s(item.get("name")),
                "model": _s(item.get("model")),
                "specification": _s(item.get("specification")),
                "unit": _s(item.get("unit")),
                "quantity": _qty(item.get("quantity", 0)),
                "unit_price": m.fig(Decimal(str(item.get("unit_price", 0)))),
                "gross": m.fig(line.gross),
                "discount": m.fig(line.discount) if line.discount else "—",
                "net": m.fig(line.net),
            }
        )
    fx = None
    if m.code != "CNY" and price.get("exchange_rate"):
        er = price["exchange_rate"]
        fx = {
            "sentence": f"本合同以{m.name}计价；以人民币支付的，按{er['date_rule']}{er['source']}折算，"
            "汇率变动的风险由双方按本条约定各自承担。"
        }
    penalty_sentences, deposit = _penalties(deal, totals, m)
    warranty, retention = _warranty(deal.get("warranty"), totals, m)
    discounts = []
    for d in deal.get("discounts") or []:
        from contractkit.money import quantize_cents, to_decimal

        amount = quantize_cents(totals.subtotal * to_decimal(d["percent"]) / 100)
        label = DISCOUNT_KIND.get(d.get("kind"), _s(d.get("kind")))
        desc = f"（{d['description']}）" if d.get("description") else ""
        discounts.append(
            {
                "no": len(discounts) + 1,
                "label": label + desc,
                "kind": label,
                "percent": percent(d["percent"]),
                "amount": m.fig(amount),
                "text": f"{label}{desc}：优惠{percent(d['percent'])}%，计{m.symbol}{m.fig(amount)}。",
            }
        )
    installments = _installments(deal, totals, m)
    delivery = _delivery(deal.get("delivery") or {})
    if quote:  # a quote speaks of 我司 / 贵司, not 甲方 / 乙方
        for inst in installments:
            inst["sentence"] = _as_quote(inst["sentence"])
        delivery = {k: _as_quote(v) if isinstance(v, str) else v for k, v in delivery.items()}
        if fx:
            fx = {"sentence": _as_quote(fx["sentence"].replace("本合同", "本报价"))}
    approvals = [
        f"{APPROVER.get(a.get('role'), _s(a.get('role')))}{_s(a.get('name'))}（{_date(a.get('date'))}）"
        for a in deal.get("approvals") or []
    ]
    sides = [deal.get("seller") or {}, deal.get("buyer") or {}]
    foreign = any(p.get("registration_number") and not p.get("credit_code") for p in sides)
    signing = deal.get("signing") or {}
    fm = deal.get("force_majeure") or {}
    conf = deal.get("confidentiality") or {}
    return {
        "kind": kind,
        "number": _s(deal.get("number")),
        "title": _s(deal.get("title")) or ("报价单" if quote else "买卖合同"),
        "customer_number": _s(deal.get("customer_number")),
        "date": _date(deal.get("date")),
        "valid_until": _date(deal.get("valid_until")),
        "signing": {"date": _date(signing.get("date")), "place": _s(signing.get("place"))},
        "seller": _party(deal.get("seller") or {}, "报价方" if quote else "乙方（卖方）"),
        "buyer": _party(deal.get("buyer") or {}, "客户" if quote else "甲方（买方）"),
        "currency": {
            "code": m.code,
            "name": m.name,
            "symbol": m.symbol,
            "unit": f"{m.name}元" if m.code == "CNY" else m.name,
        },
        "tax": _tax(price, totals, m),
        "items": items,
        "totals": {
            "subtotal": m.fig(totals.subtotal),
            "discount": m.fig(totals.discount),
            "has_discount": bool(totals.discount),
            "show_subtotal": bool(totals.discount) or not bool(price.get("tax_included", True)),
            "untaxed": m.fig(totals.untaxed),
            "tax": m.fig(totals.tax),
            "total": m.fig(totals.total),
            "total_upper": m.upper(totals.total),
        },
        "discounts": discounts,
        "approvals": approvals,
        "approvals_text": "；".join(approvals) + "。" if approvals else "",
        "party_code_label": "统一社会信用代码／注册号" if foreign else "统一社会信用代码",
        "payment": {
            "method": _s((deal.get("payment") or {}).get("method")) or "银行转账",
            "installments": installments,
        },
        "deposit": deposit,
        "fx": fx,
        "delivery": delivery,
        "acceptance": _acceptance(deal.get("acceptance")),
        "warranty": warranty,
        "retention": retention,
        "penalty_sentences": penalty_sentences,
        "force_majeure": {"notice_days": fm.get("notice_days", 15)},
        "confidentiality_sentence": f"保密期限为本合同履行完毕或终止后{conf['years']}年。"
        if conf.get("years")
        else "保密义务不因本合同的解除或终止而失效。",
        "dispute": _dispute(deal.get("dispute")),
        "attachments": list(deal.get("attachments") or []),
        "attachments_text": "、".join(f"《{a}》" for a in deal.get("attachments") or []),
        "other_sentences": _other(deal),
        "notes": [_s(n) for n in deal.get("notes") or []],
    }
