"""Run by the system Python that has ``uno`` (Debian's python3-uno), never by the venv: connect to one warm
LibreOffice listener and convert one document per stdin line ``{"in": path, "out": path, "filter": name}``
(the filter defaults to PDF), answering one stdout line ``{"ok": true}`` or ``{"ok": false, "error": "..."}``.
Imports nothing from contractkit."""

import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _connect(pipe, wait):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + wait
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def main():
    desktop = _connect(sys.argv[1], float(sys.argv[2]))
    print(json.dumps({"ready": True}), flush=True)
    load = (
        _prop("Hidden", True),
        _prop("ReadOnly", True),
        _prop("MacroExecutionMode", 0),  # NEVER_EXECUTE
        _prop("UpdateDocMode", 0),  # NO_UPDATE: no links fetched
    )
    for line in sys.stdin:
        job = json.loads(line)
        try:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["in"]), "_blank", 0, load)
            if doc is None:
                raise RuntimeError("LibreOffice could not load this file")
            try:
                store = (_prop("FilterName", job.get("filter") or "writer_pdf_Export"),)
                doc.storeToURL(uno.systemPathToFileUrl(job["out"]), store)
            finally:
                doc.close(True)
            print(json.dumps({"ok": True}), flush=True)
        except Exception as exc:
            print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"}), flush=True)


if __name__ == "__main__":
    main()
