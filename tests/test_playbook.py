"""Company playbooks: every kind on real text, bad playbooks refused with file/entry/fix, the two sample
playbooks over the sample drafts and the labelled corpus with findings right for each side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractkit.errors import UsageError
from contractkit.lint import lint_document, lint_text
from contractkit.playbook import example_problems, load_playbooks, playbook_rules, read_playbooks, tune
from contractkit.readers.dispatch import read_document

ROOT = Path(__file__).resolve().parent.parent
BUYER = ROOT / "samples" / "playbooks" / "buyer-manufacturer.toml"
SELLER = ROOT / "samples" / "playbooks" / "seller-distributor.toml"
DRAFTS = ROOT / "samples" / "drafts"
LABELLED = ROOT / "tests" / "corpus" / "labelled"

HEAD = '[playbook]\nname = "t"\nside = "buyer"\n\n'


def _book(tmp_path: Path, body: str, name: str = "p.toml"):
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def _ids(text: str, *books: Path) -> list[str]:
    rules = playbook_rules(read_playbooks(list(books)))
    return [f.rule for f in lint_text(text, rules=rules)]


def test_sample_playbooks_examples_behave() -> None:
    for path in (BUYER, SELLER):
        book = load_playbooks([path])
        assert book.entries and example_problems(book) == []


@pytest.mark.parametrize(
    ("kind_body", "bad", "good"),
    [
        (
            'kind = "required"\nelement = "force_majeure"',
            "本合同一式两份。",
            "因不可抗力不能履行合同的，受影响一方应及时通知对方。",
        ),
        (
            'kind = "required"\nheading = ["知识产权"]',
            "第一条 标的\n甲方购买钢材。",
            "第九条 知识产权\n乙方保证货物不侵犯第三方权利。",
        ),
        ('kind = "forbidden"\nwords = ["背靠背"]', "货款实行背靠背支付。", "货款于验收后30日内支付。"),
        (
            'kind = "limit"\nfact = "deposit.share_pct"\nmax = 10',
            "买方应于合同签订后3日内支付合同总价的15%作为定金。",
            "买方应于合同签订后3日内支付合同总价的10%作为定金。",
        ),
        (
            'kind = "limit"\nfact = "acceptance.objection_months"\nmin = 24',
            "买方应在到货之日起12个月内提出质量异议。",
            "买方应在到货之日起24个月内提出质量异议。",
        ),
        (
            'kind = "equals"\nfact = "delivery.trade_term"\nvalues = ["FCA", "DAP"]',
            "交货条件：CIF 上海（Incoterms® 2020）。",
            "交货条件：FCA 卖方工厂（Incoterms® 2020）。",
        ),
        (
            'kind = "pattern"\npattern = "视为…合格"\nmust = "absent"',
            "逾期未提出异议的，视为货物验收合格。",
            "买方应在到货后7日内验收。",
        ),
        (
            'kind = "pattern"\npattern = "不可抗力…通知"\nmust = "present"',
            "本合同一式两份。",
            "发生不可抗力的，应在三日内书面通知对方。",
        ),
    ],
)
def test_every_kind_flags_bad_and_passes_good(tmp_path: Path, kind_body: str, bad: str, good: str) -> None:
    examples = f"bad = [{json.dumps(bad)}]\ngood = [{json.dumps(good)}]\n"
    body = f'[[rule]]\nid = "r"\n{kind_body}\nmessage = "m"\n{examples}'
    path = _book(tmp_path, body)
    book = load_playbooks([path])
    assert "playbook/r" in _ids(bad, path)
    assert "playbook/r" not in _ids(good, path)
    assert example_problems(book) == []


def test_limit_applies_to_our_side_only(tmp_path: Path) -> None:
    body = (
        '[[rule]]\nid = "cap"\nkind = "limit"\nfact = "penalty.cap_pct"\nmax = 5\napplies_to = "us"\n'
        'message = "m"\nbad = ["x"]\ngood = ["y"]\n'
    )
    path = _book(tmp_path, body)
    ours = "买方逾期付款的，每逾期一日按逾期金额的万分之三支付违约金，违约金累计不超过逾期金额的10%。"
    theirs = "卖方逾期交货的，每逾期一日按逾期部分的万分之三支付违约金，违约金累计不超过逾期部分的10%。"
    assert "playbook/cap" in _ids(ours, path)  # we are the buyer: the buyer's penalty is ours
    assert "playbook/cap" not in _ids(theirs, path)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ('[[rule]]\nid = "x"\nkind = "maybe"\nmessage = "m"\nbad = ["a"]\ngood = ["b"]\n', "unknown kind"),
        (
            '[[rule]]\nid = "x"\nkind = "limit"\nfact = "penalty.rate"\nmax = 1\nmessage = "m"\nbad = ["a"]\n'
            'good = ["b"]\n',
            "unknown fact",
        ),
        (
            '[[rule]]\nid = "x"\nkind = "pattern"\npattern = "(违约"\nmessage = "m"\n'
            'bad = ["a"]\ngood = ["b"]\n',
            "does not compile",
        ),
        (
            '[[rule]]\nid = "x"\nkind = "pattern"\npattern = "(a+)+b"\nmessage = "m"\n'
            'bad = ["a"]\ngood = ["b"]\n',
            "backtrack",
        ),
        ('[[rule]]\nid = "Bad Id"\nkind = "required"\nelement = "confidentiality"\n', "kebab-case"),
        (
            '[[rule]]\nid = "x"\nkind = "required"\nelement = "confidentiality"\nmessage = "m"\n',
            "bad must be",
        ),
        ('[[rule]]\nid = "x"\nkind = "required"\nelemnt = "confidentiality"\n', "unknown key"),
        ('[builtin]\n"penalty/nope" = "off"\n', "unknown rule"),
        ("[rules]\n", "unknown table"),
        ("[[rule]\n", "not valid TOML"),
    ],
)
def test_a_bad_playbook_is_a_usage_error_naming_file_and_entry(
    tmp_path: Path, body: str, needle: str
) -> None:
    path = _book(tmp_path, body)
    with pytest.raises(UsageError) as err:
        load_playbooks([path])
    assert needle in str(err.value) and str(path) in str(err.value)
    assert err.value.exit_code == 2


def test_an_example_that_does_not_behave_is_refused(tmp_path: Path) -> None:
    body = (
        '[[rule]]\nid = "x"\nkind = "forbidden"\nwords = ["背靠背"]\nmessage = "m"\n'
        'bad = ["货款于验收后支付。"]\ngood = ["货款于验收后支付。"]\n'
    )
    with pytest.raises(UsageError) as err:
        load_playbooks([_book(tmp_path, body)])
    assert "playbook/x" in str(err.value) and "bad example not flagged" in str(err.value)


def test_stacked_playbooks_later_entry_wins_and_builtin_tuning(tmp_path: Path) -> None:
    from contractkit.config import Settings

    first = _book(
        tmp_path,
        '[[rule]]\nid = "b2b"\nkind = "forbidden"\nwords = ["背靠背"]\nmessage = "first"\nbad = ["背靠背"]\n'
        'good = ["x"]\n[builtin]\n"term/no-termination" = "off"\n"penalty/no-cap" = "error"\n',
        "a.toml",
    )
    second = _book(
        tmp_path,
        '[[rule]]\nid = "b2b"\nkind = "forbidden"\nwords = ["最终用户"]\nmessage = "second"\n'
        'bad = ["最终用户"]\ngood = ["背靠背"]\n[settings]\nlpr_1y = 3.1\n',
        "b.toml",
    )
    book = load_playbooks([first, second])
    assert book.entries["playbook/b2b"].message == "second"
    settings = tune(Settings(), book)
    assert "term/no-termination" in settings.ignore
    assert settings.severity["penalty/no-cap"] == "error"
    assert str(settings.lpr_1y) == "3.1"


def _playbook_findings(path: Path, book: Path) -> set[str]:
    doc = read_document(str(path))
    return {f.rule for f in lint_document(doc, rules=playbook_rules(read_playbooks([book])))}


def test_sample_playbooks_over_the_sample_drafts_are_right_for_each_side() -> None:
    clean = DRAFTS / "clean-sales-contract.txt"
    buyer = _playbook_findings(clean, BUYER)
    seller = _playbook_findings(clean, SELLER)
    # the buyer pays 10 working days after acceptance (floor 30) and gets a 12-month warranty (floor 18)
    assert {"playbook/pay-after-acceptance", "playbook/warranty-floor"} <= buyer
    # the seller carries a late-delivery penalty capped at 10 % (ceiling 5 %); the 12-month warranty suits it
    assert "playbook/our-penalty-cap" in seller and "playbook/warranty-ceiling" not in seller
    defective = DRAFTS / "defective-sales-contract.docx"
    assert "playbook/warranty-floor" in _playbook_findings(defective, BUYER)  # 3 months
    assert "playbook/our-penalty-cap" in _playbook_findings(defective, SELLER)  # 50 %


def test_sample_playbooks_run_over_the_labelled_corpus() -> None:
    labels = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))
    buyer_rules = playbook_rules(read_playbooks([BUYER]))
    seller_rules = playbook_rules(read_playbooks([SELLER]))
    seen: dict[str, set[str]] = {"buyer": set(), "seller": set()}
    for name in sorted(labels):
        doc = read_document(str(LABELLED / name))
        for side, rules in (("buyer", buyer_rules), ("seller", seller_rules)):
            found = lint_document(doc, rules=rules)
            assert all(f.rule.startswith("playbook/") for f in found)
            seen[side].update(f.rule for f in found)
    # b02 is buyer-drafted (24-month warranty): the seller's ceiling flags it; the buyer's floor not there
    b02 = read_document(str(LABELLED / "b02_diecast_purchase_buyer.txt"))
    assert "playbook/warranty-ceiling" in {f.rule for f in lint_document(b02, rules=seller_rules)}
    assert "playbook/warranty-floor" not in {f.rule for f in lint_document(b02, rules=buyer_rules)}
    assert seen["buyer"] and seen["seller"]


def test_rules_check_runs_builtin_and_playbook_examples(tmp_path: Path, capsys) -> None:
    from contractkit.cli import main

    assert main(["rules", "--check", "--playbook", str(SELLER), "--lang", "en"]) == 0
    assert "0 wrong" in capsys.readouterr().out
    wrong = _book(
        tmp_path,
        '[[rule]]\nid = "x"\nkind = "forbidden"\nwords = ["背靠背"]\nmessage = "m"\n'
        'bad = ["按期付款。"]\ngood = ["按期付款。"]\n',
    )
    assert main(["rules", "--check", "--playbook", str(wrong), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "playbook/x: bad example not flagged" in out and "1 wrong" in out
    assert main(["rules", "playbook/no-back-to-back", "--playbook", str(SELLER)]) == 0
    assert "背靠背" in capsys.readouterr().out


def test_config_playbook_setting_stacks_under_the_cli_option(tmp_path: Path, capsys) -> None:
    from contractkit.cli import main

    config = tmp_path / "contractkit.toml"
    config.write_text(f"playbook = [{json.dumps(str(SELLER))}]\n", encoding="utf-8")
    draft = str(DRAFTS / "defective-sales-contract.docx")
    assert main(["lint", draft, "--config", str(config), "--select", "playbook"]) == 1
    assert "playbook/our-penalty-cap" in capsys.readouterr().out
    config.write_text("playbook = [1]\n", encoding="utf-8")
    assert main(["lint", draft, "--config", str(config)]) == 2
    assert "playbook" in capsys.readouterr().err


def test_playbook_findings_as_word_comments_carry_basis_and_preferred_wording(tmp_path: Path) -> None:
    import zipfile

    from contractkit.cli import main

    out = tmp_path / "reviewed.docx"
    draft = str(DRAFTS / "defective-sales-contract.docx")
    assert (
        main(["lint", draft, "--playbook", str(SELLER), "--annotate", str(out), "--select", "playbook"]) == 1
    )
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "playbook/our-penalty-cap" in comments
    assert "公司依据：《销售合同审批规定》（2026 版）" in comments
    assert "建议写法：违约金累计不超过逾期交货部分价款的 5%" in comments


def test_equals_on_the_dispute_forum(tmp_path: Path) -> None:
    body = (
        '[[rule]]\nid = "forum"\nkind = "equals"\nfact = "dispute.forum"\n'
        'values = ["北京仲裁委员会", "甲方所在地人民法院"]\nmessage = "争议解决机构不在公司允许范围内"\n'
        'bad = ["因本合同引起的争议，提交上海仲裁委员会仲裁。"]\n'
        'good = ["协商不成的，向甲方所在地人民法院提起诉讼。", "争议提交北京仲裁委员会仲裁。"]\n'
    )
    path = _book(tmp_path, body)
    assert example_problems(load_playbooks([path])) == []
    assert "playbook/forum" in _ids("争议由乙方所在地人民法院管辖。", path)


# --- [preferred] and an entry's preferred value: what lint --redline writes --------------------------------

_LIMIT = (
    '[[rule]]\nid = "pay"\nkind = "limit"\nfact = "payment.days_after_acceptance"\nmin = 30\n{extra}'
    'message = "m"\nbad = ["买方在货物验收合格后10日内支付合同总价的60%。"]\n'
    'good = ["买方在货物验收合格后30日内支付合同总价的60%。"]\n'
)


@pytest.mark.parametrize(
    ("body", "where", "needle"),
    [
        ("[preferred]\npayment_day = 30\n", "[preferred] payment_day", "did you mean: payment_days"),
        ("[preferred]\npayment_days = 0\n", "[preferred] payment_days", "whole number of days"),
        ("[preferred]\npayment_days = 30.5\n", "[preferred] payment_days", "whole number of days"),
        ('[preferred]\nacceptance_days = "7"\n', "[preferred] acceptance_days", "whole number of days"),
        ("[preferred]\nacceptance_days = true\n", "[preferred] acceptance_days", "whole number of days"),
        ("[preferred]\nacceptance_days = 99999\n", "[preferred] acceptance_days", "from 1 to 3650"),
        ("[[preferred]]\npayment_days = 7\n", "[preferred]", "must be a table"),
        (_LIMIT.format(extra="preferred = 20\n"), "rule 1 (pay) preferred", "outside the entry's own limit"),
        (_LIMIT.format(extra="preferred = 30.5\n"), "rule 1 (pay) preferred", "whole number of days"),
        (_LIMIT.format(extra='preferred = "x"\n'), "rule 1 (pay) preferred", "must be a number"),
        (
            '[[rule]]\nid = "c"\nkind = "required"\nelement = "confidentiality"\npreferred = 3\n'
            'message = "m"\nbad = ["本合同一式两份。"]\ngood = ["双方负有保密义务。"]\n',
            "rule 1 (c) preferred",
            "preferred is for kind limit",
        ),
    ],
)
def test_bad_preferred_values_exit_2_naming_file_and_key(
    tmp_path: Path, body: str, where: str, needle: str
) -> None:
    path = _book(tmp_path, body)
    with pytest.raises(UsageError) as err:
        load_playbooks([path])
    assert err.value.exit_code == 2 and err.value.path == str(path) and err.value.where == where
    assert needle in str(err.value)


def test_bad_preferred_on_the_command_line_exits_2(tmp_path: Path, capsys) -> None:
    from contractkit.cli import main

    path = _book(tmp_path, "[preferred]\npayment_days = -3\n")
    draft = tmp_path / "d.txt"
    draft.write_text("验收合格后支付合同总价的60%。", encoding="utf-8")
    assert main(["lint", str(draft), "--playbook", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "payment_days" in err


def test_preferred_values_are_read_and_stack(tmp_path: Path) -> None:
    a = _book(tmp_path, "[preferred]\npayment_days = 45\nacceptance_days = 10\n", "a.toml")
    b = _book(
        tmp_path, "[preferred]\nacceptance_days = 5\n" + _LIMIT.format(extra="preferred = 60\n"), "b.toml"
    )
    book = load_playbooks([a, b])
    assert book.preferred == {"payment_days": 45, "acceptance_days": 5}
    assert book.entries["playbook/pay"].spec["preferred"] == 60
    assert load_playbooks([BUYER]).preferred == {"payment_days": 30, "acceptance_days": 15}


def test_the_docs_examples_load_and_run(tmp_path: Path, monkeypatch) -> None:
    """docs/playbook.md: each TOML block is a valid playbook (snippets under a seller's [playbook]) whose
    examples behave; the Python redline example writes its reviewed copy."""
    import re
    import shutil

    doc = (ROOT / "docs" / "playbook.md").read_text(encoding="utf-8")
    tomls = re.findall(r"```toml\n(.*?)```", doc, re.S)
    assert len(tomls) >= 6
    for i, block in enumerate(tomls):
        body = block if block.lstrip().startswith("[playbook]") else '[playbook]\nside = "seller"\n' + block
        path = tmp_path / f"doc{i}.toml"
        path.write_text(body, encoding="utf-8")
        assert load_playbooks([path]).entries or "[preferred]" in body
    code = [b for b in re.findall(r"```python\n(.*?)```", doc, re.S) if "redline_docx" in b]
    assert code
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    exec(compile(code[0], "docs/playbook.md", "exec"), {})
    assert (tmp_path / "reviewed.docx").stat().st_size > 0
