"""``docs/openapi.json`` is the document the server serves, and it documents exactly the API's routes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from contractkit.serve.app import API
from contractkit.serve.openapi import dumps, spec

COMMITTED = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


def test_committed_openapi_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == dumps(), (
        "docs/openapi.json is stale: python -m contractkit.serve.openapi > docs/openapi.json"
    )


def test_every_route_is_documented_and_nothing_else() -> None:
    documented = {(m.upper(), p) for p, ops in spec()["paths"].items() for m in ops}
    assert documented == {(method, path) for method, path, _ in API}


def test_served_document_equals_the_committed_one() -> None:
    import httpx

    from contractkit.serve.app import create_app
    from contractkit.serve.runner import running

    with running(create_app()) as url:
        assert httpx.get(url + "/openapi.json").json() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_every_error_status_has_a_json_error_body() -> None:
    for path, ops in spec()["paths"].items():
        for op in ops.values():
            for status, resp in op["responses"].items():
                if status.startswith(("4", "5")) and path != "/healthz":
                    schema = resp["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (path, status)
