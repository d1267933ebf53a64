"""``contractkit serve`` over real HTTP: a uvicorn on a free loopback port, every endpoint with good and bad
input (malformed JSON, oversized upload, unknown template, hostile .docx, no token). PDF work is slow."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from contractkit.serve.app import create_app  # noqa: E402
from contractkit.serve.config import ServeConfig, check_binding, is_loopback, read_token  # noqa: E402
from contractkit.serve.runner import running  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DRAFT = SAMPLES / "drafts" / "defective-sales-contract.docx"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def base() -> str:
    with running(create_app(ServeConfig(max_body_bytes=2 * 1024 * 1024))) as url:
        yield url


@pytest.fixture()
def client(base: str):
    with httpx.Client(base_url=base, timeout=180) as c:
        yield c


def _deal(name: str = "quote-office.json") -> bytes:
    return (SAMPLES / name).read_bytes()


def _upload(path: Path, name: str | None = None) -> dict:
    return {"file": (name or path.name, path.read_bytes())}


# -- deals ------------------------------------------------------------------------------------------------
def test_validate_good_and_invalid_deal(client) -> None:
    ok = client.post("/v1/validate", content=_deal())
    assert ok.status_code == 200 and ok.json() == {"valid": True, "problems": []}
    bad = client.post("/v1/validate", content=(SAMPLES / "invalid" / "bad-credit-code.json").read_bytes())
    body = bad.json()
    assert bad.status_code == 200 and body["valid"] is False
    assert body["problems"][0]["pointer"] == "/buyer/credit_code"
    assert body["problems"][0]["message_zh"] and body["problems"][0]["message"]


@pytest.mark.parametrize("body", [b"{bad", b"[1, 2]", b"\xff\xfe{", b"", b'{"a": NaN}'])
def test_malformed_json_is_400_with_both_languages(client, body: bytes) -> None:
    r = client.post("/v1/validate", content=body)
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["code"] == "malformed_json" and err["message"] and err["message_zh"]


def test_malformed_json_names_line_and_column(client) -> None:
    r = client.post("/v1/render", content=b'{\n  "kind": "quote",\n  oops\n}')
    assert r.status_code == 400 and "line 3" in r.json()["error"]["where"]


def test_render_docx_is_the_deal_as_word(client) -> None:
    r = client.post("/v1/render", content=_deal())
    assert r.status_code == 200 and r.headers["content-type"] == DOCX
    assert "BJ-2026-0312.docx" in r.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert "BJ-2026-0312" in zf.read("word/document.xml").decode("utf-8")


def test_render_invalid_deal_is_422_with_problems(client) -> None:
    r = client.post("/v1/render", content=(SAMPLES / "invalid" / "bad-credit-code.json").read_bytes())
    assert r.status_code == 422
    assert r.json()["error"]["problems"][0]["pointer"] == "/buyer/credit_code"


@pytest.mark.parametrize("name", ["../../etc/passwd", "/tmp/x.docx", "nope", "quote.docx", "a" * 300])
def test_render_unknown_template_or_a_path_is_400(client, name: str) -> None:
    r = client.post("/v1/render", params={"template": name}, content=_deal())
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["code"] == "unknown_template" and "quote" in err["message"]


def test_render_named_template_and_bad_format(client) -> None:
    assert client.post("/v1/render", params={"template": "quote"}, content=_deal()).status_code == 200
    r = client.post("/v1/render", params={"format": "odt"}, content=_deal())
    assert r.status_code == 400 and "docx" in r.json()["error"]["message"]


def test_oversized_body_is_413(client) -> None:
    big = b'{"kind": "quote", "pad": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    r = client.post("/v1/validate", content=big)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = client.post("/v1/lint", files={"file": ("big.txt", b"a" * (3 * 1024 * 1024))})
    assert r.status_code == 413


def test_an_upload_over_one_mb_but_within_the_limit_is_linted(client) -> None:
    text = ("第一条 标的 办公家具一批。甲方视情况支付尾款。\n" + " " * (1200 * 1024) + "\n").encode()
    assert 1024 * 1024 < len(text) < 2 * 1024 * 1024
    r = client.post("/v1/lint", files={"file": ("long.txt", text)})
    assert r.status_code == 200, r.text
    assert "payment/vague-trigger" in {f["rule"] for f in r.json()["files"][0]["findings"]}


def test_oversized_streamed_body_without_length_is_413(client) -> None:
    def chunks():
        for _ in range(40):
            yield b"x" * (100 * 1024)

    r = client.post("/v1/validate", content=chunks())  # chunked: no Content-Length to check
    assert r.status_code == 413


# -- drafts ------------------------------------------------------------------------------------------------
def test_lint_json_is_the_cli_shape(client) -> None:
    import contractkit

    r = client.post("/v1/lint", files=_upload(DRAFT))
    assert r.status_code == 200
    body = r.json()
    expected = json.loads(contractkit.report(contractkit.lint_paths(DRAFT), "json"))
    assert body["version"] == 1 and body["summary"] == expected["summary"]
    assert body["files"][0]["path"] == DRAFT.name  # the upload's name, never the server's temp path
    assert body["files"][0]["findings"] == expected["files"][0]["findings"]


def test_lint_sarif_in_english(client) -> None:
    r = client.post("/v1/lint", params={"format": "sarif", "lang": "en"}, files=_upload(DRAFT))
    sarif = r.json()
    assert r.status_code == 200 and sarif["version"] == "2.1.0"
    assert sarif["runs"][0]["results"] and "/tmp" not in r.text


def test_lint_annotated_docx_has_comments(client) -> None:
    r = client.post("/v1/lint", params={"format": "docx", "lang": "en"}, files=_upload(DRAFT))
    assert r.status_code == 200 and r.headers["content-type"] == DOCX
    assert "annotated.docx" in r.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert comments.count("<w:comment ") >= 3


def test_lint_text_draft_and_review_data(client) -> None:
    path = SAMPLES / "drafts" / "defective-sales-contract.txt"
    r = client.post("/v1/lint", params={"format": "review"}, files=_upload(path))
    data = r.json()
    assert r.status_code == 200 and data["annotatable"] is False
    texts = {b["index"]: b["text"] for b in data["blocks"]}
    assert data["findings"]
    for f in data["findings"]:
        assert f["index"] in texts and f["family"] == f["rule"].split("/")[0]
        if f["span"]:
            start, end = f["span"]
            assert 0 <= start < end <= len(texts[f["index"]])


def test_lint_rejects_unsupported_type_and_annotating_non_docx(client) -> None:
    r = client.post("/v1/lint", files={"file": ("x.exe", b"MZ")})
    assert r.status_code == 415
    r = client.post(
        "/v1/lint", params={"format": "docx"}, files={"file": ("a.txt", "甲方视情况支付尾款。".encode())}
    )
    assert r.status_code == 415


def test_lint_needs_a_multipart_file(client) -> None:
    assert (
        client.post("/v1/lint", content=b"hello", headers={"content-type": "text/plain"}).status_code == 415
    )
    assert client.post("/v1/lint", data={"other": "x"}, files={"f": ("a.txt", b"x")}).status_code == 400


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<" + b"a" * (300 * 1024 * 1024))
    return buf.getvalue()


def _doctype() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>',
        )
    return buf.getvalue()


@pytest.mark.parametrize("data", [_bomb(), _doctype(), b"PK\x03\x04 not really a zip", b"\x00" * 100])
def test_hostile_docx_is_422_and_the_server_lives_on(client, data: bytes) -> None:
    r = client.post("/v1/lint", files={"file": ("evil.docx", data)})
    assert r.status_code == 422, r.text
    assert "passwd" not in r.text and "root:" not in r.text
    assert client.get("/healthz").status_code in (200, 503)


def test_upload_name_cannot_escape_the_private_folder(client) -> None:
    r = client.post("/v1/lint", files={"file": ("../../../tmp/evil.txt", "甲方视情况支付尾款。".encode())})
    assert r.status_code == 200 and r.json()["files"][0]["path"] == "evil.txt"
    assert not Path("/tmp/evil.txt").exists() or Path("/tmp/evil.txt").stat().st_mtime < 0


def test_extract_facts(client) -> None:
    r = client.post("/v1/extract", files=_upload(SAMPLES / "drafts" / "clean-sales-contract.txt"))
    data = r.json()
    assert r.status_code == 200 and data["file"] == "clean-sales-contract.txt"
    assert data["structure"]["title"]


def test_rules_list_every_rule(client) -> None:
    import contractkit

    rules = client.get("/v1/rules").json()["rules"]
    assert [r["id"] for r in rules] == list(contractkit.rules())
    r0 = rules[0]
    assert {"title", "title_en", "why", "basis", "fix", "family", "severity"} <= set(r0)


def test_healthz_metrics_and_unknown_paths(client) -> None:
    h = client.get("/healthz")
    assert h.status_code in (200, 503) and h.json()["version"]
    client.get("/v1/rules")
    text = client.get("/metrics").text
    assert 'contractkit_requests_total{endpoint="/v1/rules",status="200"}' in text
    assert "contractkit_request_seconds_bucket" in text and "contractkit_queue_depth" in text
    assert "contractkit_converter_restarts" in text
    nf = client.get("/v1/nope")
    assert nf.status_code == 404 and nf.json()["error"]["message_zh"]
    assert client.get("/v1/validate").status_code == 405


def test_page_and_assets_are_served_without_a_cdn(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("/static/app.js", "/static/app.css"):
        r = client.get(asset)
        assert r.status_code == 200 and "https://" not in r.text


# -- PDF (LibreOffice) -----------------------------------------------------------------------------------
@pytest.mark.slow
def test_render_pdf_and_both(client) -> None:
    from contractkit.render.pdf import find_soffice

    if not find_soffice():
        pytest.skip("LibreOffice not installed (make soffice)")
    r = client.post("/v1/render", params={"format": "pdf"}, content=_deal())
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    z = client.post("/v1/render", params={"format": "both"}, content=_deal())
    with zipfile.ZipFile(io.BytesIO(z.content)) as zf:
        assert sorted(zf.namelist()) == ["BJ-2026-0312.docx", "BJ-2026-0312.pdf"]
    c = client.post("/v1/convert", files=_upload(DRAFT))
    assert c.status_code == 200 and c.content.startswith(b"%PDF")
    assert client.post("/v1/convert", files={"file": ("a.docx", b"not a zip")}).status_code == 415
    bad = client.post("/v1/convert", files={"file": ("evil.docx", _doctype())})
    assert bad.status_code in (422, 503) and bad.json()["error"]["message"]


# -- access -----------------------------------------------------------------------------------------------
TOKEN = "s3cret-token-0123456789"


def test_token_is_required_on_the_api_when_set() -> None:
    with running(create_app(ServeConfig(token=TOKEN))) as url, httpx.Client(base_url=url) as c:
        assert c.get("/healthz").status_code in (200, 503)
        assert c.get("/").status_code == 200
        denied = c.get("/v1/rules")
        assert denied.status_code == 401 and denied.headers["www-authenticate"] == "Bearer"
        assert c.get("/metrics").status_code == 401
        assert c.get("/v1/rules", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/v1/rules", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_binding_beyond_loopback_needs_a_token(tmp_path: Path) -> None:
    from contractkit.errors import UsageError

    with pytest.raises(UsageError, match="token"):
        create_app(ServeConfig(host="0.0.0.0"))

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    check_binding("127.0.0.1", None)
    with pytest.raises(UsageError, match="token"):
        check_binding("0.0.0.0", None)
    check_binding("0.0.0.0", TOKEN)
    short = tmp_path / "t"
    short.write_text("abc\n")
    with pytest.raises(UsageError, match="16"):
        read_token(short)
    good = tmp_path / "g"
    good.write_text(TOKEN + "\n")
    assert read_token(good) == TOKEN


def test_cli_refuses_public_bind_without_token(capsys: pytest.CaptureFixture[str]) -> None:
    from contractkit.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    assert "needs a bearer token" in capsys.readouterr().err


# -- names from clients ------------------------------------------------------------------------------------
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from contractkit.serve.uploads import safe_name  # noqa: E402


@given(st.text(min_size=0, max_size=300))
def test_safe_name_never_leaves_the_folder(name: str) -> None:
    out = safe_name(name)
    assert out and "/" not in out and "\\" not in out and not out.startswith(".")
    assert len(out) <= 120 and "\x00" not in out


@given(st.text(min_size=1, max_size=80))
def test_only_known_template_names_are_accepted(name: str) -> None:
    from contractkit.serve.handlers import known_templates

    known = known_templates(None)
    assert "quote" in known and "sales_contract" in known
    assert all("/" not in k and "." not in k for k in known)
    assert (name in known) == (name in {"quote", "sales_contract"})
