"""Rendering deals to Word (and PDF): the sandboxed environment, the context, compiled templates, batches.

Public entry points (imported lazily so ``contractkit --help`` stays fast)::

    from contractkit.render.docx import render_docx, render_to_file
    from contractkit.render.batch import render_batch
"""
