"""The SDK's own sockets (`_sockets`): Nagle's algorithm is off on every connection.

httpcore turns TCP_NODELAY on itself only from 0.17; with the httpx 0.23 floor (httpcore 0.16),
a request body written after its headers waited for the server's delayed ACK, ~40 ms on every
write call (the lowest-versions cell of the matrix ran the exactly-once suite 3.5x slower).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from wacht_oauth_client import _sockets


class _PlainStream:
    """What an httpcore backend without TCP_NODELAY returns: a socket left as it was made."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def get_extra_info(self, info: str) -> Any:
        return self.sock if info == "socket" else None


class _PlainBackend:
    def connect_tcp(self, host: str, port: int, timeout: float | None = None, *_: Any) -> Any:
        return _PlainStream(socket.create_connection((host, port), timeout))


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server


def test_the_sdks_connections_turn_nagle_off(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    stream = _sockets._DeadlineBackend(_PlainBackend()).connect_tcp("127.0.0.1", port, 5.0)
    sock = stream.get_extra_info("socket")
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        sock.close()
