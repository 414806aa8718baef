"""The SDK's own sockets, bounded by the call's deadline.

Imported when the SDK builds its connection pool (not with `import wacht_oauth_client`: httpx
itself imports httpcore only then).
"""

from __future__ import annotations

import socket
import ssl
import time
from importlib import import_module
from typing import Any

import httpcore
import httpx

from . import _transport

# httpcore < 0.17 (the httpx 0.23 floor) keeps the same interface under httpcore.backends.
_base: Any = (
    httpcore if hasattr(httpcore, "NetworkBackend") else import_module("httpcore.backends.base")
)
_Backend: Any = _base.NetworkBackend
_Stream: Any = _base.NetworkStream


class _DeadlineBackend(_Backend):  # type: ignore[misc]  # a base chosen at run time
    """Bounds every socket wait of the SDK's own pool by the time left to the call.

    httpx's timeouts restart with each network operation, so a peer that sends one byte at a
    time (of the headers or of the body) would hold a call forever. Each connect, TLS
    handshake, read and write here waits at most until the call's deadline.
    """

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    # Further keyword arguments (socket_options, from httpcore 0.17) are passed through as given.
    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        **kwargs: Any,
    ) -> Any:
        timeout = _time_left(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, timeout, local_address, **kwargs)
        # httpcore sets TCP_NODELAY itself only from 0.17. Without it, a request body written
        # after its headers waits for the server's delayed ACK: ~40 ms on every write call.
        sock = stream.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _DeadlineStream(stream)

    def connect_unix_socket(self, path: str, timeout: float | None = None, **kwargs: Any) -> Any:
        timeout = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, timeout, **kwargs))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(_Stream):  # type: ignore[misc]
    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._inner.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> Any:
        timeout = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


def _time_left(timeout: float | None, expired: type[Exception]) -> float | None:
    deadline = _transport.call_deadline.get()
    if deadline is None:  # a socket used outside a call (none today)
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the call's deadline passed")
    return left if timeout is None or timeout > left else timeout


def bound_by_deadline(http: httpx.Client) -> None:
    """Route the sockets of an `httpx.Client` the SDK built through `_DeadlineBackend`.

    httpx has no public hook for this: the pools are reached through private attributes. If
    they are not there (another httpx/httpcore), the deadline is still enforced between
    attempts and between body reads.
    """
    for transport in (http._transport, *http._mounts.values()):
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, _Backend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
