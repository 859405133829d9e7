"""`rag serve`: the HTTP API (ui.api) and the chat page (ui.app) on one FastAPI app, one port.

The API's routes are registered first, so /v1/..., /healthz and /docs win over the page,
which is mounted at / and serves everything else.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr
import uvicorn
from fastapi import FastAPI

from rag.assistant import RagError
from ui.api import create_api
from ui.app import CSS, _ingest_if_empty, build_app, page_theme

if TYPE_CHECKING:
    from rag.assistant import Assistant

log = logging.getLogger("ui")


def build_server(assistant: Assistant, *, page: bool = True, **api_options: object) -> FastAPI:
    """The API, with the chat page mounted at / unless page=False."""
    app = create_api(assistant, **api_options)  # type: ignore[arg-type]
    if not page:
        return app
    return gr.mount_gradio_app(
        app,
        build_app(assistant),
        path="/",
        theme=page_theme(),
        css=CSS,
        show_error=False,  # unexpected errors are logged and shown as one short line instead
        ssr_mode=False,  # server-side rendering would need a Node server next to Python
        max_file_size=assistant.settings.ingest.max_file_bytes,
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


def bind(host: str, port: int) -> socket.socket:
    """Bind before starting, so a taken port is one plain line rather than a server log."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def serve(
    assistant: Assistant,
    host: str = "127.0.0.1",
    port: int = 7860,
    ingest_if_empty: Sequence[str | Path] = (),
) -> int:
    """Index `ingest_if_empty` into an empty store, load the models, then serve until stopped."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        log.setLevel(logging.INFO)
    if not is_loopback(host) and not assistant.settings.api.key:
        print(f"rag: warning: serving on {host} without an API key: anyone who can reach this "
              "port can read and change the documents (set RAG_API_KEY)", file=sys.stderr)
    try:
        sock = bind(host, port)
    except OSError as err:
        print(f"rag: cannot serve on {host}:{port}: {err.strerror or err}", file=sys.stderr)
        return 1
    try:
        _ingest_if_empty(assistant, ingest_if_empty)
        print("Loading the models…", flush=True)
        assistant.warm_up()
    except RagError as err:
        sock.close()
        print(f"rag: {err}", file=sys.stderr)
        return 1
    app = build_server(assistant)
    shown = f"[{host}]" if ":" in host else host
    print(f"Serving the chat page at http://{shown}:{port} and the API at "
          f"http://{shown}:{port}/v1 (docs: /docs; Ctrl-C to stop)", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0
