"""Elements a playbook can require by name (``required``): a clause found by its heading or its words.

Each element is a lexicon of words that name it in a heading (第九条 保密) or in the clause itself, in
Simplified or Traditional Chinese (the text is normalized) and English. ``facts`` are elements read from the
facts model instead (an objection period, a deemed-acceptance rule, a dispute clause …).
"""

from __future__ import annotations

from collections.abc import Callable

from contractkit.contract.model import Contract

#: element → words in a heading or a clause that show it is there
WORDS: dict[str, tuple[str, ...]] = {
    "confidentiality": ("保密", "商业秘密", "confidential"),
    "force_majeure": ("不可抗力", "force majeure"),
    "intellectual_property": ("知识产权", "专利权", "商标权", "著作权", "intellectual property"),
    "anti_bribery": ("反商业贿赂", "廉洁", "不得行贿", "商业贿赂", "anti-bribery", "anti-corruption"),
    "data_protection": ("个人信息", "数据保护", "personal information", "data protection"),
    "governing_law": ("适用法律", "法律适用", "中华人民共和国法律", "governing law"),
    "counterparts": ("一式", "份数", "counterparts"),
    "notices": ("通知与送达", "送达地址", "通知方式", "notices"),
    "insurance": ("保险", "insurance"),
    "warranty": ("质保期", "质量保证期", "保修期", "保修", "warranty"),
    "termination": ("解除", "终止本合同", "terminate"),
    "assignment": ("转让", "assign"),
}


def _has(attr: str, field: str) -> Callable[[Contract], bool]:
    return lambda c: bool(getattr(c.facts(attr), field, None))


#: element → a test over the facts model
FACTS: dict[str, Callable[[Contract], bool]] = {
    "objection_period": lambda c: any(p.kind in ("objection", "latent") for p in c.acceptance.periods),
    "deemed_acceptance": _has("acceptance", "deemed"),
    "acceptance_window": lambda c: any(w.length is not None for w in c.acceptance.windows),
    "late_payment_penalty": lambda c: any(p.breach == "late_payment" for p in c.penalty.penalties),
    "late_delivery_penalty": lambda c: any(p.breach == "late_delivery" for p in c.penalty.penalties),
    "penalty_cap": lambda c: any(p.cap is not None for p in c.penalty.penalties),
    "delivery_date": lambda c: any(t.kind in ("date", "period", "recurring") for t in c.delivery.times),
    "retention_release": lambda c: all(r.release is not None for r in c.payment.retentions),
}

ELEMENTS = tuple(sorted(set(WORDS) | set(FACTS)))
