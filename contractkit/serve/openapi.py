"""The OpenAPI 3.1 document of the service (served at ``/openapi.json``, committed as ``docs/openapi.json``).

``python -m contractkit.serve.openapi > docs/openapi.json`` rewrites the committed copy.
"""

from __future__ import annotations

import json
from typing import Any

from contractkit import __version__

_ERR = {
    "description": "error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_RETRY = {"Retry-After": {"description": "seconds to wait before retrying", "schema": {"type": "integer"}}}


def _busy(what: str) -> dict[str, Any]:
    return {
        "429": {**_ERR, "description": f"the {what} queue is full", "headers": _RETRY},
        "503": {
            **_ERR,
            "description": "no converter free within the queue-wait limit, or none installed",
            "headers": _RETRY,
        },
    }


def _upload(extra: str = "") -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary", "description": extra}},
                }
            }
        },
    }


_DEAL = {
    "required": True,
    "description": "one deal JSON object (schemas/deal.schema.json)",
    "content": {"application/json": {"schema": {"type": "object"}}},
}


def _file(media: str, what: str) -> dict[str, Any]:
    return {"description": what, "content": {media: {"schema": {"type": "string", "format": "binary"}}}}


def _q(name: str, values: list[str], default: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "description": what, "schema": {"enum": values, "default": default}}


def spec() -> dict[str, Any]:
    """The OpenAPI document as plain data."""
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    too_big = {**_ERR, "description": "the body is larger than the limit"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "contractkit",
            "version": __version__,
            "description": "Validate and render PRC sales deals, convert to PDF, lint contract drafts.",
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message", "message_zh"],
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                                "message_zh": {"type": "string"},
                                "hint": {"type": "string"},
                                "where": {"type": "string"},
                                "problems": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Problem"},
                                },
                            },
                        }
                    },
                },
                "Problem": {
                    "type": "object",
                    "properties": {
                        k: {"type": "string"} for k in ("pointer", "message", "message_zh", "title")
                    },
                },
            },
        },
        "security": [{"bearer": []}],
        "paths": {
            "/v1/validate": {
                "post": {
                    "summary": "A deal's problems (an empty list means valid)",
                    "requestBody": _DEAL,
                    "responses": {
                        "200": {
                            "description": "the problems",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "valid": {"type": "boolean"},
                                            "problems": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Problem"},
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": {**_ERR, "description": "malformed JSON (line and column in `where`)"},
                        "413": too_big,
                    },
                }
            },
            "/v1/render": {
                "post": {
                    "summary": "Render a deal to .docx, .pdf or both (a .zip)",
                    "parameters": [
                        _q("format", ["docx", "pdf", "both"], "docx", "what to return"),
                        {
                            "name": "template",
                            "in": "query",
                            "description": "a configured template name (never a path); default by deal kind",
                            "schema": {"type": "string", "pattern": "^[A-Za-z0-9_\\-]{1,64}$"},
                        },
                    ],
                    "requestBody": _DEAL,
                    "responses": {
                        "200": {
                            "description": "the document",
                            "content": {
                                docx: {"schema": {"type": "string", "format": "binary"}},
                                "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                                "application/zip": {"schema": {"type": "string", "format": "binary"}},
                            },
                        },
                        "400": {**_ERR, "description": "malformed JSON or an unknown template"},
                        "413": too_big,
                        "422": {**_ERR, "description": "the deal is invalid (`problems`)"},
                        **_busy("conversion"),
                    },
                }
            },
            "/v1/convert": {
                "post": {
                    "summary": "Convert a .docx to PDF on the shared converter pool",
                    "requestBody": _upload("a .docx"),
                    "responses": {
                        "200": _file("application/pdf", "the PDF"),
                        "400": {**_ERR, "description": "no file in the form"},
                        "413": too_big,
                        "415": {**_ERR, "description": "not a .docx"},
                        "422": {**_ERR, "description": "the .docx cannot be converted"},
                        **_busy("conversion"),
                    },
                }
            },
            "/v1/lint": {
                "post": {
                    "summary": "Lint a draft: JSON (the CLI's), SARIF, annotated .docx, review data",
                    "parameters": [
                        _q("format", ["json", "sarif", "docx", "review"], "json", "what to return"),
                        _q("lang", ["zh", "en"], "zh", "language of messages and comments"),
                    ],
                    "requestBody": _upload("a draft: .docx, .pdf, .txt, .md, .json …"),
                    "responses": {
                        "200": {
                            "description": "the findings",
                            "content": {
                                "application/json": {"schema": {"type": "object"}},
                                "application/sarif+json": {"schema": {"type": "object"}},
                                docx: {"schema": {"type": "string", "format": "binary"}},
                            },
                        },
                        "400": {**_ERR, "description": "no file, or a bad parameter"},
                        "413": too_big,
                        "415": {**_ERR, "description": "not a supported draft type"},
                        "422": {**_ERR, "description": "the draft cannot be read"},
                        "429": {**_ERR, "description": "too many requests queued", "headers": _RETRY},
                    },
                }
            },
            "/v1/extract": {
                "post": {
                    "summary": "The contract facts model of a draft",
                    "requestBody": _upload("a draft"),
                    "responses": {
                        "200": {
                            "description": "the facts",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "413": too_big,
                        "415": {**_ERR, "description": "not a supported draft type"},
                        "422": {**_ERR, "description": "the draft cannot be read"},
                    },
                }
            },
            "/v1/rules": {
                "get": {
                    "summary": "Every lint rule with its documentation",
                    "responses": {
                        "200": {
                            "description": "the rules",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness and converter readiness (no token needed)",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "ready",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "503": {"description": "LibreOffice missing: only conversions fail"},
                    },
                }
            },
            "/metrics": {
                "get": {
                    "summary": "Prometheus text: requests, latency, queue depth, converter restarts",
                    "responses": {
                        "200": {
                            "description": "metrics",
                            "content": {"text/plain": {"schema": {"type": "string"}}},
                        }
                    },
                }
            },
        },
    }


def dumps() -> str:
    """The committed form of the document (sorted keys, two-space indent, final newline)."""
    return json.dumps(spec(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(dumps(), end="")
