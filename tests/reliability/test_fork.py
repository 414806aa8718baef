"""After `os.fork()`, the child's first call uses a fresh connection (failure class 12).

A pooled keep-alive socket copied into a child is the same TCP connection in two processes:
their requests and responses interleave on it. The SDK's own pool is replaced in the child
(`os.register_at_fork`); the parent keeps its connection.
"""

from __future__ import annotations

import os

import pytest

from wacht_oauth_client import WachtClient
from wacht_oauth_client.testing import Emulator, EmulatorURL

from ._support import API_KEY, DEP

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _in_child(*clients: WachtClient) -> bytes:
    """Call through each client in a forked child; b"ok" or what went wrong."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into pytest
        try:
            results = [c.oauth.list_oauth_apps(DEP) for c in clients]
            os.write(write_end, b"ok" if results == [[]] * len(clients) else repr(results).encode())
        except BaseException as exc:
            os.write(write_end, repr(exc).encode()[:500])
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        return os.read(read_end, 1000)
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)


def test_the_child_opens_its_own_connection(server: EmulatorURL, emu: Emulator) -> None:
    with WachtClient(api_key=API_KEY, base_url=server) as client:
        copy = client.with_options(max_retries=0)  # shares the pool, so it is renewed too
        client.oauth.list_oauth_apps(DEP)  # one pooled keep-alive connection
        before = server.connections
        assert _in_child(client, copy) == b"ok"
        assert server.connections == before + 1  # the child's, shared by the copy
        # the parent still has (and uses) its own connection
        client.oauth.list_oauth_apps(DEP)
        copy.oauth.list_oauth_apps(DEP)
        assert server.connections == before + 1


def test_a_closed_client_stays_closed_in_the_child(server: EmulatorURL, emu: Emulator) -> None:
    client = WachtClient(api_key=API_KEY, base_url=server)
    client.close()
    assert _in_child(client).startswith(b"ClientClosedError(")
