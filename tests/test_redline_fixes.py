"""contractkit.fixes: what each finding's tracked change writes, on real clauses — a missing deadline filled
with the playbook's preferred days, a playbook limit brought to its preferred value, the preferred wording
replacing the flagged clause or inserted where the fact is missing — and that the fixed text no longer
fires."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contractkit.cli import main
from contractkit.fixes import Edit, deadline_days, edit_for, plan
from contractkit.lint import available_rules, lint_document
from contractkit.playbook import load_playbooks, playbook_rules
from contractkit.readers.text import document_from_text

ROOT = Path(__file__).resolve().parent.parent
SELLER = ROOT / "samples" / "playbooks" / "seller-distributor.toml"
BUYER = ROOT / "samples" / "playbooks" / "buyer-manufacturer.toml"
HEAD = '[playbook]\nname = "t"\nside = "buyer"\n\n'


def _book(tmp_path: Path, body: str):
    path = tmp_path / "p.toml"
    path.write_text(HEAD + body, encoding="utf-8")
    return load_playbooks([path])


def _apply(text: str, edits: list[Edit | None]) -> str:
    """The document text with every edit accepted (one block per line)."""
    lines = text.split("\n")
    inserts: dict[int, list[str]] = {}
    for e in sorted((e for e in edits if e is not None and e.span), key=lambda e: -e.span[0]):
        line = lines[e.block]
        lines[e.block] = line[: e.span[0]] + e.text + line[e.span[1] :]
    for e in edits:
        if e is not None and e.span is None:
            inserts.setdefault(e.block, []).append(e.text)
    out = []
    for i, line in enumerate(lines):
        out += [line, *inserts.get(i, [])]
    return "\n".join(out)


def _review(text: str, book) -> tuple[list, list, str]:
    rules = list(available_rules().values()) + (playbook_rules(book) if book else [])
    doc = document_from_text(text)
    findings = lint_document(doc, rules=rules)
    edits = plan(findings, doc, book)
    return findings, edits, _apply(text, edits)


def _rules_of(text: str, book) -> list[str]:
    rules = list(available_rules().values()) + (playbook_rules(book) if book else [])
    return [f.rule for f in lint_document(document_from_text(text), rules=rules)]


def test_a_missing_payment_deadline_gets_the_preferred_days(tmp_path: Path) -> None:
    book = _book(tmp_path, "[preferred]\npayment_days = 45\n")
    text = "3.3 验收合格后支付合同总价的40%。"
    findings, edits, fixed = _review(text, book)
    (e,) = [e for f, e in zip(findings, edits, strict=True) if f.rule == "payment/trigger-without-deadline"]
    assert e.span == (9, 9) and e.text == "45日内" and "45 日" in e.note
    assert fixed == "3.3 验收合格后45日内支付合同总价的40%。"
    assert "payment/trigger-without-deadline" not in _rules_of(fixed, book)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    days=st.integers(min_value=1, max_value=3650),
    clause=st.sampled_from(
        [
            "验收合格后支付合同总价的60%。",
            "甲方在收到乙方发票后支付剩余货款人民币3万元。",
            "终验收合格（含视为合格）后支付合同总价的20%。",
        ]
    ),
)
def test_any_preferred_days_fill_any_trigger_and_the_rule_stops(
    tmp_path: Path, days: int, clause: str
) -> None:
    book = _book(tmp_path, f"[preferred]\npayment_days = {days}\n")
    findings, _edits, fixed = _review(clause, book)
    assert "payment/trigger-without-deadline" in [f.rule for f in findings]
    assert f"后{days}日内" in fixed and fixed.replace(f"{days}日内", "") == clause
    assert "payment/trigger-without-deadline" not in _rules_of(fixed, book)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("5.3 甲方收到货物后应及时验收。", "5.3 甲方收到货物后应7日内验收。"),
        ("甲方应在合理期限内对设备进行检验。", "甲方应在7日内对设备进行检验。"),
        ("5.1 到货后甲方组织验收。", "5.1 到货后7日内甲方组织验收。"),
    ],
)
def test_a_vague_or_missing_acceptance_window_gets_the_preferred_days(text: str, fixed: str) -> None:
    book = load_playbooks([SELLER])  # acceptance_days = 7
    findings, _edits, got = _review(text, book)
    assert got.split("\n")[0] == fixed  # (missing clauses are inserted after it)
    before = {f.rule for f in findings} & {"acceptance/vague-window", "acceptance/window-no-length"}
    assert before and not before & set(_rules_of(got, book))


def test_without_preferred_days_a_limit_entry_on_the_same_deadline_stands_in(tmp_path: Path) -> None:
    limit = (
        '[[rule]]\nid = "pay"\nkind = "limit"\nfact = "payment.days_after_acceptance"\nmin = 30\n{extra}'
        'message = "m"\nbad = ["买方在货物验收合格后10日内支付合同总价的60%。"]\n'
        'good = ["买方在货物验收合格后30日内支付合同总价的60%。"]\n'
    )
    assert deadline_days(_book(tmp_path, limit.format(extra="")), "payment_days") == 30
    assert deadline_days(_book(tmp_path, limit.format(extra="preferred = 40\n")), "payment_days") == 40
    both = "[preferred]\npayment_days = 20\n" + limit.format(extra="preferred = 40\n")
    assert deadline_days(_book(tmp_path, both), "payment_days") == 20
    assert deadline_days(_book(tmp_path, limit.format(extra="")), "acceptance_days") is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(days=st.integers(min_value=1, max_value=29), preferred=st.sampled_from([None, 30, 45]))
def test_a_limit_finding_brings_its_number_to_the_preferred_value(
    tmp_path: Path, days: int, preferred: int | None
) -> None:
    extra = f"preferred = {preferred}\n" if preferred else ""
    book = _book(
        tmp_path,
        '[[rule]]\nid = "pay"\nkind = "limit"\nfact = "payment.days_after_acceptance"\nmin = 30\n'
        f'{extra}message = "m"\nfix = "验收合格且收到发票后 30 日内支付"\n'
        'bad = ["买方在货物验收合格后10日内支付合同总价的60%。"]\n'
        'good = ["买方在货物验收合格后30日内支付合同总价的60%。"]\n',
    )
    text = f"买方在货物验收合格后{days}日内支付合同总价的60%。"
    findings, edits, fixed = _review(text, book)
    (e,) = [e for f, e in zip(findings, edits, strict=True) if f.rule == "playbook/pay"]
    assert e.source == "limit" and text[e.span[0] : e.span[1]] == f"{days}日"
    assert fixed == f"买方在货物验收合格后{preferred or 30}日内支付合同总价的60%。"
    assert "playbook/pay" not in _rules_of(fixed, book)


@pytest.mark.parametrize(
    ("rule", "text", "fixed"),
    [
        ("warranty-ceiling", "质保期为验收合格之日起24个月。", "质保期为验收合格之日起18个月。"),  # the bound
        (
            "our-penalty-cap",
            "卖方逾期交货的，每逾期一日按逾期部分价款的万分之三支付违约金，违约金累计不超过合同总价的10%。",
            "卖方逾期交货的，每逾期一日按逾期部分价款的万分之三支付违约金，违约金累计不超过合同总价的5%。",
        ),
    ],
)
def test_seller_limits_in_months_and_percent(rule: str, text: str, fixed: str) -> None:
    book = load_playbooks([SELLER])
    findings, edits, _ = _review(text, book)
    (e,) = [e for f, e in zip(findings, edits, strict=True) if f.rule == f"playbook/{rule}"]
    got = text[: e.span[0]] + e.text + text[e.span[1] :]
    assert e.source == "limit" and got == fixed
    assert f"playbook/{rule}" not in _rules_of(got, book)


def test_forbidden_words_give_way_to_the_preferred_wording_label_and_number_kept() -> None:
    book = load_playbooks([SELLER])
    text = "4.2 付款方式：买方在收到最终用户付款后支付货款。"
    findings, edits, fixed = _review(text, book)
    (e,) = [e for f, e in zip(findings, edits, strict=True) if f.rule == "playbook/no-back-to-back"]
    assert e.source == "wording" and "首选写法" in e.note
    assert fixed.split("\n")[0] == "4.2 付款方式：货到验收合格后 30 日内支付。"
    assert "playbook/no-back-to-back" not in _rules_of(fixed, book)


def test_a_missing_clause_is_inserted_after_the_last_paragraph_of_its_section() -> None:
    book = load_playbooks([SELLER])
    text = "\n".join(
        [
            "第五条 验收",
            "5.1 买方应在到货后7日内验收。",
            "第六条 违约责任",
            "6.1 卖方逾期交货的，每逾期一日按逾期部分价款的万分之三支付违约金。",
            "第七条 其他",
            "7.1 本合同一式两份。",
        ]
    )
    findings, edits, fixed = _review(text, book)
    got = {f.rule: e for f, e in zip(findings, edits, strict=True) if e is not None}
    assert got["playbook/deemed-acceptance"].span is None and got["playbook/deemed-acceptance"].block == 1
    assert got["playbook/late-payment-penalty"].block == 3
    lines = fixed.split("\n")
    assert lines[2] == "买方逾期未验收或未书面提出异议的，视为验收合格。"
    assert lines[5] == "买方逾期付款的，每逾期一日按逾期金额的万分之三向卖方支付违约金。"
    after = set(_rules_of(fixed, book))
    assert not {"playbook/deemed-acceptance", "playbook/late-payment-penalty"} & after


def test_edits_never_overlap_and_a_rule_fix_goes_first() -> None:
    book = load_playbooks([SELLER])
    text = "7.1 乙方逾期交货的，违约金按日计算，标准为合同总价的千分之五，由乙方向甲方承担。"
    findings, edits, _ = _review(text, book)
    by_rule = {f.rule: e for f, e in zip(findings, edits, strict=True)}
    assert {"penalty/rate-above-cap", "playbook/our-penalty-rate"} <= set(by_rule)
    kept = [e for e in edits if e is not None and e.span is not None]
    for i, a in enumerate(kept):
        for b in kept[i + 1 :]:
            assert a.block != b.block or a.span[1] <= b.span[0] or b.span[1] <= a.span[0]
    if findings[[f.rule for f in findings].index("penalty/rate-above-cap")].fix is not None:
        assert by_rule["penalty/rate-above-cap"] is not None and by_rule["playbook/our-penalty-rate"] is None


def test_without_a_playbook_only_the_rules_own_fixes_are_written() -> None:
    text = "3.3 验收合格后支付合同总价的40%。\n交货条件：FOB 上海港。"
    findings = lint_document(document_from_text(text))
    edits = [edit_for(f, document_from_text(text)) for f in findings]
    assert all(e is None or e.source == "rule" for e in edits)
    assert any(e is not None for e in edits)  # the Incoterm edition


def test_lint_redline_with_a_playbook_fills_the_deadline(tmp_path: Path, capsys) -> None:
    import docx

    from contractkit.compare.redline import accept_all

    d = docx.Document()
    for line in (
        "买卖合同",
        "第三条 付款",
        "3.1 验收合格后支付合同总价的100%。",
        "第四条 其他",
        "4.1 一式两份。",
    ):
        d.add_paragraph(line)
    src = tmp_path / "draft.docx"
    d.save(str(src))
    out = tmp_path / "reviewed.docx"
    main(["lint", str(src), "--playbook", str(BUYER), "--redline", str(out), "--lang", "en"])
    assert "tracked change(s)" in capsys.readouterr().err
    reviewed = docx.Document(str(out))
    accept_all([reviewed.element.body])
    assert "3.1 验收合格后30日内支付合同总价的100%。" in [p.text for p in reviewed.paragraphs]
    comments = __import__("zipfile").ZipFile(out).read("word/comments.xml").decode()
    assert "Tracked change: deadline added: within 30 days" in comments


def test_two_clauses_inserted_after_one_paragraph_keep_their_order(tmp_path: Path) -> None:
    import docx

    from contractkit.compare.redline import accept_all
    from contractkit.redline import redline_docx

    d = docx.Document()
    for line in ("买卖合同", "第一条 标的", "1.1 甲方向乙方购买钢材10吨。", "第二条 其他", "2.1 一式两份。"):
        d.add_paragraph(line)
    src = tmp_path / "draft.docx"
    d.save(str(src))
    book = _book(
        tmp_path,
        "".join(
            f'[[rule]]\nid = "{name.replace("_", "-")}"\nkind = "required"\nelement = "{name}"\n'
            f'message = "缺{name}"\nfix = "{fix}"\nbad = ["本合同一式两份。"]\ngood = ["{fix}。"]\n\n'
            for name, fix in (("confidentiality", "双方负有保密义务"), ("force_majeure", "不可抗力免责"))
        ),
    )
    rules = list(available_rules().values()) + playbook_rules(book)
    from contractkit.lint import lint_paths

    findings = lint_paths([src], rules=rules).files[0].findings
    out = tmp_path / "out.docx"
    changes, _ = redline_docx(src, findings, out, book=book)
    assert changes == 2
    reviewed = docx.Document(str(out))
    accept_all([reviewed.element.body])
    texts = [p.text for p in reviewed.paragraphs]
    assert texts[-3:] == ["2.1 一式两份。", "双方负有保密义务。", "不可抗力免责。"]
