"""``contractkit lint`` and ``contractkit rules`` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractkit.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def drafts(samples_dir: Path) -> Path:
    return samples_dir / "drafts"


def test_clean_exit_0(capsys, drafts: Path) -> None:
    code, out, _ = run(capsys, "lint", drafts / "clean-sales-contract.txt")
    assert code == 0 and "0 个错误，0 个警告" in out


def test_findings_exit_1_and_fail_on(capsys, drafts: Path) -> None:
    path = drafts / "defective-supply-agreement.txt"  # warnings only
    assert run(capsys, "lint", path)[0] == 1
    assert run(capsys, "lint", path, "--fail-on", "error")[0] == 0
    assert run(capsys, "lint", drafts / "defective-sales-contract.txt", "--fail-on", "error")[0] == 1


def test_fail_on_from_config(capsys, drafts: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text('fail_on = "error"\n', encoding="utf-8")
    assert run(capsys, "lint", drafts / "defective-supply-agreement.txt", "--config", cfg)[0] == 0


def test_unreadable_exit_2_but_others_linted(capsys, drafts: Path, tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "lint", drafts / "defective-supply-agreement.txt", tmp_path / "nope.docx", "--format", "json"
    )
    data = json.loads(out)
    assert code == 2
    assert data["files"][0]["findings"] and data["files"][0]["error"] is None
    assert data["files"][1]["error"]


def test_select_ignore_lang(capsys, drafts: Path) -> None:
    code, out, _ = run(
        capsys,
        "lint",
        drafts / "defective-sales-contract.txt",
        "--select",
        "payment",
        "--ignore",
        "payment/vague-trigger",
        "--format",
        "json",
        "--lang",
        "en",
    )
    data = json.loads(out)
    rules = {f["rule"] for f in data["files"][0]["findings"]}
    assert code == 1 and rules and all(r.startswith("payment/") for r in rules)
    assert "payment/vague-trigger" not in rules
    assert all("Art." in f["message"] for f in data["files"][0]["findings"])
    assert any("Art. 628" in f["message"] for f in data["files"][0]["findings"])


def test_unknown_rule_is_usage_error_with_suggestion(capsys, drafts: Path) -> None:
    code, _, err = run(
        capsys, "lint", drafts / "clean-sales-contract.txt", "--select", "payment/vague-triger"
    )
    assert code == 2 and "payment/vague-trigger" in err
    code, _, err = run(capsys, "rules", "subject/vague-quantitty")
    assert code == 2 and "subject/vague-quantity" in err


def test_rules_list_and_json(capsys) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "payment/shares-mismatch" in out and "付款比例或金额合计不符" in out
    code, out, _ = run(capsys, "rules", "--format", "json")
    ids = [r["id"] for r in json.loads(out)["rules"]]
    assert code == 0 and "subject/vague-quantity" in ids and "payment/vague-trigger" in ids


def test_rules_explain_one_with_current_params(capsys, tmp_path: Path) -> None:
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text('extra_vague_words = ["视库存而定"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "rules", "subject/vague-quantity", "--config", cfg)
    assert code == 0
    for part in ("原因", "民法典第510条", "extra_vague_words = ['视库存而定']", "一批", "反例", "正例"):
        assert part in out
    code, out, _ = run(capsys, "rules", "payment/vague-trigger", "--format", "json", "--lang", "en")
    d = json.loads(out)
    assert d["params"]["vague_triggers"][0] == "视情况" and d["bad"] and d["good"] and d["basis"]


def test_price_list_option_flags_off_list_price(tmp_path, samples_dir):
    """--price-list: a quote whose unit price differs from the company list is an error finding."""
    import json

    from contractkit.cli import main

    catalog = json.loads((samples_dir / "catalog" / "price-list.json").read_text("utf-8"))
    assert (
        main(
            [
                "lint",
                str(samples_dir / "quote-office.json"),
                "--select",
                "quote",
                "--price-list",
                str(samples_dir / "catalog" / "price-list.json"),
            ]
        )
        == 0
    )
    catalog["items"][0]["unit_price"] = "1.00"
    changed = tmp_path / "prices.json"
    changed.write_text(json.dumps(catalog, ensure_ascii=False), "utf-8")
    assert (
        main(
            [
                "lint",
                str(samples_dir / "quote-office.json"),
                "--select",
                "quote",
                "--price-list",
                str(changed),
                "--format",
                "json",
            ]
        )
        == 1
    )


def test_bad_price_list_is_a_usage_error(tmp_path, samples_dir, capsys):
    from contractkit.cli import main

    bad = tmp_path / "prices.csv"
    bad.write_text("sku,name\nA,B\n", "utf-8")
    assert main(["lint", str(samples_dir / "quote-office.json"), "--price-list", str(bad)]) == 2
    assert "prices.csv" in capsys.readouterr().err
