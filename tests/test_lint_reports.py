"""Reports: the exact JSON shape, the plain text layout, the format registry."""

from __future__ import annotations

import json

from contractkit.config import Settings
from contractkit.findings import FileResult, LintResult
from contractkit.lint import available_rules, lint_text
from contractkit.reports import FORMATS
from contractkit.reports import text as text_report

RULES = available_rules()


def sample_result() -> LintResult:
    four = Settings(select=("subject", "payment", "acceptance", "penalty"))
    found = lint_text("第三条 付款\n验收合格后支付合同总价的60%。", four)
    return LintResult(
        files=[
            FileResult(path="draft.txt", findings=found),
            FileResult(path="gone.pdf", error="gone.pdf: not found"),
        ]
    )


def test_formats_registry() -> None:
    assert {"text", "json"} <= set(FORMATS)


def test_json_shape_exact() -> None:
    data = json.loads(FORMATS["json"](sample_result(), RULES, "zh"))
    assert set(data) == {"version", "files", "summary"} and data["version"] == 1
    first, second = data["files"]
    assert set(first) == {"path", "findings", "error"} and first["error"] is None
    assert second == {"path": "gone.pdf", "findings": [], "error": "gone.pdf: not found"}
    f = next(x for x in first["findings"] if x["rule"] == "payment/trigger-without-deadline")
    assert set(f) == {"rule", "severity", "message", "location", "snippet"}
    assert f["severity"] == "warning" and f["location"] == {"index": 1, "line": 2}
    assert "第628条" in f["message"] and f["snippet"] == "验收合格后支付合同总价的60%。"
    assert data["summary"]["files"] == 2 and data["summary"]["unreadable"] == 1


def test_json_message_in_english() -> None:
    data = json.loads(FORMATS["json"](sample_result(), RULES, "en"))
    msgs = [f["message"] for f in data["files"][0]["findings"]]
    assert msgs and all("Art." in m for m in msgs)


def test_text_report_plain_when_not_a_terminal() -> None:
    out = FORMATS["text"](sample_result(), RULES, "zh")
    assert "\x1b[" not in out
    assert "draft.txt" in out and "第2行" in out and "payment/trigger-without-deadline" in out
    assert "> 验收合格后支付合同总价的60%。" in out
    assert "无法读取: gone.pdf: not found" in out
    assert out.rstrip().splitlines()[-1].startswith("共 2 个文件")


def test_text_report_colours_on_request_and_english() -> None:
    coloured = text_report.render(sample_result(), RULES, "en", color=True)
    assert "\x1b[" in coloured and "line 2" in coloured and "unreadable" in coloured
