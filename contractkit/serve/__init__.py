"""``contractkit serve``: the library over HTTP (Starlette on uvicorn) and the review page at ``/``.

Modules, one job each: :mod:`.config` (what the server may do), :mod:`.pool` (the shared PDF converter
pool and its bounded queue), :mod:`.limits` (admission for CPU work), :mod:`.uploads` (bounded bodies, private
temp folders), :mod:`.metrics` (Prometheus text), :mod:`.handlers` (the endpoints), :mod:`.app` (routes,
auth, lifespan), :mod:`.openapi` (the OpenAPI document, committed as ``docs/openapi.json``).
"""
