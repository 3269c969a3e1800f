"""A real uvicorn server running the web app in a thread, on a free port of 127.0.0.1 (for the robustness and
browser tests, which need real sockets: a client that disconnects, a slow client, a browser)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import uvicorn

from gigawatt.web.app import create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server():
    """Yields the base address (``http://127.0.0.1:PORT``) while the server runs; stops it afterwards."""
    port = free_port()
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="gigawatt-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
