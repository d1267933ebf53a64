"""``contractkit serve``: the HTTP service and review page (Starlette on uvicorn; the ``serve`` extra)."""

from __future__ import annotations

import click

from contractkit.cli.options import config_option


@click.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="LibreOffice converters."
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False),
    default=None,
    help="File holding the bearer token clients must send (required off loopback).",
)
@click.option(
    "--queue", "queue_size", default=16, show_default=True, type=click.IntRange(0), help="Queued conversions."
)
@click.option(
    "--queue-wait", default=30.0, show_default=True, type=float, help="Seconds a conversion may queue."
)
@click.option(
    "--timeout", default=60.0, show_default=True, type=float, help="Seconds per conversion, from its start."
)
@click.option(
    "--engine",
    type=click.Choice(["auto", "warm", "batch"]),
    default="auto",
    show_default=True,
    help="warm: one LibreOffice kept running (python3-uno); batch: one start per run; auto: warm if it can.",
)
@click.option(
    "--max-upload-mb", default=20, show_default=True, type=click.IntRange(1), help="Largest request body."
)
@config_option
def serve(
    host: str,
    port: int,
    workers: int,
    token_file: str | None,
    queue_size: int,
    queue_wait: float,
    timeout: float,
    engine: str,
    max_upload_mb: int,
    config_path: str | None,
) -> int:
    """Serve the library over HTTP and the review page at / (a bearer token is required off loopback).

    \b
    Examples:
      contractkit serve
      contractkit serve --host 0.0.0.0 --token-file /etc/contractkit/token --workers 2
    """
    from contractkit.config import load_settings
    from contractkit.errors import UsageError
    from contractkit.serve.config import MIB, ServeConfig, check_binding, read_token

    token = read_token(token_file) if token_file else None
    check_binding(host, token)
    try:
        import uvicorn

        from contractkit.serve.app import create_app
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"the service needs {exc.name}",
            hint="pip install 'contractkit-cn[serve]'",
            zh=f"服务需要 {exc.name}",
        ) from None
    config = ServeConfig(
        host=host,
        port=port,
        workers=workers,
        token=token,
        max_body_bytes=max_upload_mb * MIB,
        queue_size=queue_size,
        queue_wait=queue_wait,
        convert_timeout=timeout,
        engine=engine,
        settings=load_settings(config_path),
    )
    click.echo(f"contractkit serve: http://{host}:{port}/ ({workers} converter(s); Ctrl-C stops)", err=True)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", access_log=False, workers=1)
    return 0
