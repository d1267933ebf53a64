"""``contractkit validate``: every problem in every file, exit codes 0/1/2, no tracebacks."""

from __future__ import annotations

import json

import pytest

from contractkit.cli import main


def _run(capsys, *args):
    code = main(["validate", *map(str, args)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def test_samples_are_valid(capsys, samples_dir):
    code, out = _run(capsys, *sorted(samples_dir.glob("*.json")))
    assert code == 0
    assert out.strip().splitlines()[-1] == "4 个有效，0 个无效，0 个无法读取"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("bad-credit-code.json", "/buyer/credit_code: 统一社会信用代码校验位错误"),
        ("shares-not-100.json", "/payment/installments: "),
        ("missing-buyer-name.json", "/buyer/name: 缺少必填项「名称」"),
        ("dates-out-of-order.json", "/term/end: "),
        ("line-total-mismatch.json", "/items/1/line_total: "),
        ("two-dispute-methods.json", "/dispute/court: "),
    ],
)
def test_invalid_samples_exit_1_naming_the_field(capsys, samples_dir, name, line):
    path = samples_dir / "invalid" / name
    code, out = _run(capsys, path)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{path}: {line}")
    assert out.splitlines()[-1] == "0 个有效，1 个无效，0 个无法读取"


def test_malformed_exits_2_with_line_and_column(capsys, samples_dir):
    path = samples_dir / "invalid" / "malformed.json"
    code, out = _run(capsys, path)
    assert code == 2
    assert f"{path}: 第 4 行第 3 列: JSON 格式错误" in out
    code, out = _run(capsys, path, "--lang", "en")
    assert code == 2 and f"{path}: line 4, column 3: malformed JSON" in out
    assert out.splitlines()[-1] == "0 valid, 0 invalid, 1 unreadable"


def test_folder_mixes_and_unreadable_wins(capsys, samples_dir):
    code, out = _run(capsys, samples_dir / "invalid", samples_dir / "quote-office.json")
    assert code == 2
    assert out.splitlines()[-1] == "1 个有效，6 个无效，1 个无法读取"


def test_english_and_json_output(capsys, samples_dir):
    code, out = _run(
        capsys, samples_dir / "invalid" / "missing-buyer-name.json", "--lang", "en", "--format", "json"
    )
    assert code == 1
    doc = json.loads(out)
    (entry,) = doc["files"]
    assert entry["status"] == "invalid"
    assert entry["problems"][0]["pointer"] == "/buyer/name"
    assert entry["problems"][0]["message_en"] == "missing required field 'name'"
    assert doc["summary"] == {"valid": 0, "invalid": 1, "unreadable": 0}
    code, out = _run(capsys, samples_dir / "invalid" / "missing-buyer-name.json", "--lang", "en")
    assert "/buyer/name: missing required field 'name'" in out


def test_size_limit_and_jsonl(capsys, tmp_path, samples_dir):
    deal = json.loads((samples_dir / "contract-equipment.json").read_text(encoding="utf-8"))
    bad = dict(deal, buyer={**deal["buyer"], "phone": "12345"})
    jl = tmp_path / "deals.jsonl"
    jl.write_text(
        json.dumps(deal, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False) + "\n", "utf-8"
    )
    code, out = _run(capsys, jl)
    assert code == 1
    assert f"{jl}:2: /buyer/phone: 联系电话格式不正确" in out
    code, out = _run(capsys, jl, "--max-size", "0.001")
    assert code == 2
    assert "超过 1 KB 的上限" in out


def test_usage_errors_exit_2(capsys):
    assert main(["validate"]) == 2
    assert main(["validate", "x.json", "--lang", "fr"]) == 2
    code, out = _run(capsys, "does-not-exist.json")
    assert code == 2 and "文件不存在" in out
