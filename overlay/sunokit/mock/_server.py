"""Running a mock vendor over real HTTP (uvicorn): in the foreground or in a thread."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, Literal, TextIO

from ._app import MockVendor, create_app
from ._faults import install_log_filter

__all__ = ["RunningMock", "serve", "serve_asgi_in_thread", "serve_in_thread"]


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on a connection only when its socket
    # says it is TCP (asyncio.base_events._set_nodelay), and accepted sockets copy the
    # listener's proto. With proto 0, every answer on a reused connection waits for the
    # client's delayed ACK (Nagle): ~40 ms a request instead of ~1 ms.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _base_url(sock: socket.socket, host: str) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def serve(
    vendor: str,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    log_level: str = "info",
    stream: TextIO | None = None,
    **options: Any,
) -> None:
    """Serve a mock of `vendor` with uvicorn until interrupted (port 0: any free port).

    Prints the base URL and API key to use; `options` are create_app's keyword arguments.
    Binds 127.0.0.1 unless told otherwise.
    """
    import uvicorn

    mock = create_app(vendor, **options)
    sock = _bind(host, port)
    base_url = _base_url(sock, host)
    out = stream if stream is not None else sys.stdout
    out.write(
        f"sunokit mock: {vendor} on {base_url} — use base_url={base_url}, api_key={mock.api_key}\n"
    )
    out.flush()
    config = uvicorn.Config(mock, log_level=log_level, lifespan="on")
    install_log_filter()  # after uvicorn configured its loggers
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


@dataclasses.dataclass(frozen=True)
class RunningMock:
    """A mock vendor served in a background thread."""

    mock: MockVendor
    base_url: str

    @property
    def api_key(self) -> str:
        return self.mock.api_key


@contextlib.contextmanager
def serve_asgi_in_thread(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    log_level: str = "warning",
    startup_timeout: float = 10.0,
    lifespan: Literal["auto", "on", "off"] = "on",
) -> Iterator[str]:
    """Serve any ASGI app with uvicorn in a daemon thread for the duration of the `with` block;
    yields its base URL once uvicorn reports it started (polled, with a deadline)."""
    import uvicorn

    sock = _bind(host, port)
    # log_config=None: leave the process's logging alone (no dictConfig of uvicorn's loggers)
    config = uvicorn.Config(app, log_level=log_level, lifespan=lifespan, log_config=None)
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="sunokit-asgi", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the server for {app!r} did not start")
            time.sleep(0.01)
        yield _base_url(sock, host)
    finally:
        server.should_exit = True
        thread.join(startup_timeout)
        sock.close()


@contextlib.contextmanager
def serve_in_thread(
    vendor: str | MockVendor,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    log_level: str = "warning",
    startup_timeout: float = 10.0,
    **options: Any,
) -> Iterator[RunningMock]:
    """Serve a mock (a vendor name plus create_app options, or a MockVendor) with uvicorn in a
    daemon thread for the duration of the `with` block; yields its base URL."""
    mock = vendor if isinstance(vendor, MockVendor) else create_app(vendor, **options)
    with serve_asgi_in_thread(
        mock, host, port, log_level=log_level, startup_timeout=startup_timeout
    ) as base_url:
        yield RunningMock(mock, base_url)
