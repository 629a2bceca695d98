"""``riftwatch serve``: the dashboard and JSON API over a store, with uvicorn, on 127.0.0.1.

``register(app)`` adds the command to the main ``riftwatch`` app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from .errors import RiftwatchError

err = Console(stderr=True)


def serve(
    store: Annotated[Path, typer.Option("--store", "-s", help="DuckDB file holding the events (opened read-only).")] = Path("riftwatch.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback exposes the store to the network, without authentication.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    poll: Annotated[float, typer.Option(min=0.5, help="Seconds between the dashboard's checks for new data.")] = 5.0,
    lock_wait: Annotated[float, typer.Option(min=0.0, help="Seconds a request waits for a writer to release the store before answering 503.")] = 2.0,
) -> None:
    """Serve the dashboard and the read-only JSON API over a store.

    Opens the store read-only for each request and never between them, so `riftwatch run` (or
    `follow`) can write to it meanwhile; while a writer holds the file, requests wait up to
    `--lock-wait` seconds and then answer 503 and the dashboard keeps what it shows. The API
    schema is at /openapi.json. Every asset is served from the package: it works offline.

    Example: `riftwatch serve --store events.duckdb --port 8000`
    """
    import uvicorn

    from .serve import create_app
    from .serve.app import LOCAL_HOSTS

    local = host in LOCAL_HOSTS
    if not local:
        err.print(f"[bold yellow]warning:[/] listening on {escape(host)}: anyone who can reach this address can read the store (there is no login)")
    try:
        app = create_app(store, lock_wait=lock_wait, poll_ms=int(poll * 1000),
                         allowed_hosts=LOCAL_HOSTS if local else ["*"])  # fmt: skip
    except RiftwatchError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        raise typer.Exit(int(exc.exit_status)) from None
    shown = f"[{host}]" if ":" in host else host
    err.print(f"riftwatch dashboard: http://{escape(shown)}:{port}/  (API schema: /openapi.json; Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
