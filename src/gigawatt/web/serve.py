"""``gigawatt serve``: the web page and its JSON API on this machine (registered on the command line's app by
:mod:`gigawatt.__main__`, which imports this module: the command line itself never imports the web tier)."""

from __future__ import annotations

from typing import Annotated

import typer

from gigawatt.cli import commands
from gigawatt.cli.core import _say, app, warn

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command("serve")
def serve_cmd(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; other than 127.0.0.1, the page is open to others.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=0, max=65535)] = 8000,
) -> None:
    """The web page (http://127.0.0.1:8000 by default): pick or paste a scenario, move its assumptions, run risk,
    compare, read the validation and the claims; the JSON API under /api, its documentation at /docs."""
    import uvicorn

    from gigawatt.web.app import create_app

    if host not in LOCAL_HOSTS:
        warn(
            f"--host {host}: the page and its API are open to every machine that can reach this address, with no "
            "login; the default 127.0.0.1 keeps them to this machine"
        )
    shown = f"[{host}]" if ":" in host else host
    _say(f"gigawatt: serving http://{shown}:{port} (API documentation: http://{shown}:{port}/docs); Ctrl-C stops")
    uvicorn.run(create_app(), host=host, port=port, log_level="warning", timeout_graceful_shutdown=2)


if "serve" not in commands.COMMAND_ORDER:
    commands.COMMAND_ORDER = (*commands.COMMAND_ORDER, "serve")
commands._sort_commands()
