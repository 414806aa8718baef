"""Response bodies are read to a cap, counted on decoded bytes while streaming (class 2).

- a success body over `max_response_bytes` (default 64 MiB) is a `ResponseTooLargeError` that
  names the cap, whether it never ends (chunked), is merely huge, or is a gzip bomb;
- an error body is read to 64 KiB at most (the error keeps 4,000 characters of it), then the
  connection is closed.

Peak memory is measured with `tracemalloc` (the emulator's thread reuses one chunk object).
"""

from __future__ import annotations

import functools
import json
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from wacht_oauth_client import (
    APIResponseValidationError,
    InternalServerError,
    WachtClient,
    errors,
)
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, EmulatorURL, Fault

from ._support import DEP, World, client_json

MIB = 1 << 20
CHUNK = b" " * (64 * 1024)  # JSON whitespace, so only the size makes the body unusable
APPS_PREFIX = b'{"apps":['


@functools.cache
def bomb() -> bytes:
    """~100 KB of gzip that inflates to 96 MiB, over the 64 MiB default (built once)."""
    return Fault.gzip_bomb(96 * MIB).body


def _bomb(status: int) -> Fault:
    return Fault.raw(status, bomb(), "application/json", headers={"Content-Encoding": "gzip"})


@contextmanager
def peak_memory() -> Iterator[Callable[[], int]]:
    """Peak bytes allocated by Python inside the block (ask after the block)."""
    tracemalloc.start()
    peak: list[int] = []
    try:
        yield lambda: peak[0]
    finally:
        peak.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


def test_an_endless_chunked_200_stops_at_the_default_cap(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault("list_oauth_clients", Fault.stream(200, CHUNK, prefix=APPS_PREFIX))
    started = time.monotonic()
    with peak_memory() as peak, pytest.raises(APIResponseValidationError) as caught:
        client.oauth.list_oauth_clients(DEP, world.slug)
    assert peak() < 64 * MIB + 8 * MIB  # what was read, and no second copy of it
    assert time.monotonic() - started < 10
    assert isinstance(caught.value, errors.ResponseTooLargeError)
    assert caught.value.max_response_bytes == 64 * MIB
    assert "max_response_bytes (67,108,864 bytes)" in str(caught.value)
    assert emu.call_counts["list_oauth_clients"] == 1  # the same answer again: not retried


def test_max_response_bytes_is_an_option(client: WachtClient, emu: Emulator, world: World) -> None:
    capped = client.with_options(max_response_bytes=MIB)
    emu.inject_fault("list_oauth_clients", Fault.stream(200, CHUNK, prefix=APPS_PREFIX))
    with peak_memory() as peak, pytest.raises(errors.ResponseTooLargeError) as caught:
        capped.oauth.list_oauth_clients(DEP, world.slug)
    assert peak() < 4 * MIB
    assert caught.value.max_response_bytes == MIB
    assert caught.value.status_code == 200
    assert "max_response_bytes (1,048,576 bytes)" in str(caught.value)
    # the client itself keeps the default; a body of exactly the cap is fine
    assert len(client.oauth.list_oauth_clients(DEP, world.slug)) == 1
    body = b'{"clients":[]}'
    emu.inject_fault("list_oauth_clients", Fault.raw(200, body, "application/json"))
    assert (
        client.with_options(max_response_bytes=len(body)).oauth.list_oauth_clients(DEP, world.slug)
        == []
    )
    emu.inject_fault("list_oauth_clients", Fault.raw(200, body, "application/json"))
    with pytest.raises(errors.ResponseTooLargeError):
        client.with_options(max_response_bytes=len(body) - 1).oauth.list_oauth_clients(
            DEP, world.slug
        )


def test_a_huge_200_with_a_content_length_is_not_read_whole(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault("list_signing_keys", Fault.stream(200, CHUNK, count=1100))  # ~69 MiB
    with peak_memory() as peak, pytest.raises(APIResponseValidationError) as caught:
        client.oauth.list_signing_keys(DEP, world.slug)
    assert peak() < 64 * MIB + 8 * MIB
    assert isinstance(caught.value, errors.ResponseTooLargeError)


def test_a_gzip_bomb_is_capped_on_its_decoded_size(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    assert len(bomb()) < 100 * 1024  # ~1000x
    emu.inject_fault("list_oauth_grants", _bomb(200))
    with peak_memory() as peak, pytest.raises(APIResponseValidationError) as caught:
        client.oauth.list_oauth_grants(DEP, world.slug, world.client_id)
    assert peak() < 64 * MIB + 8 * MIB  # never the 96 MiB, nor one inflated network read more
    assert isinstance(caught.value, errors.ResponseTooLargeError)


def test_a_huge_error_body_is_read_only_to_a_small_cap(
    client: WachtClient, emu: Emulator, world: World, server: EmulatorURL, sleeps: list[float]
) -> None:
    page = Fault.stream(503, b"<p>gateway</p>" * 4681, count=1000, content_type="text/html")
    emu.inject_fault("list_oauth_apps", page, times=3)  # ~64 MiB, every attempt
    connections = server.connections
    started = time.monotonic()
    with peak_memory() as peak, pytest.raises(InternalServerError) as caught:
        client.oauth.list_oauth_apps(DEP)
    assert peak() < 4 * MIB
    assert time.monotonic() - started < 5
    error = caught.value
    assert error.attempts == 3 and error.message == "Service Unavailable"
    assert error.body.startswith("<p>gateway</p>") and len(error.body) == 4000
    # the unread rest was dropped with its connection, each time; the client works on
    assert [app.slug for app in client.oauth.list_oauth_apps(DEP)] == [world.slug]
    assert server.connections == connections + 3


def test_a_gzip_bomb_as_an_error_body_is_not_inflated(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault("create_oauth_app", _bomb(500))
    request = m.CreateOAuthAppRequest(slug="bomb", name="Bomb")
    with peak_memory() as peak, pytest.raises(InternalServerError):
        client.oauth.create_oauth_app(DEP, request)
    assert peak() < 4 * MIB


def test_an_error_body_within_the_cap_keeps_its_connection(
    client: WachtClient, emu: Emulator, world: World, server: EmulatorURL
) -> None:
    connections = server.connections
    emu.inject_fault("list_oauth_clients", Fault.status(404))
    with pytest.raises(errors.NotFoundError):
        client.oauth.list_oauth_clients(DEP, world.slug)
    assert len(client.oauth.list_oauth_clients(DEP, world.slug)) == 1
    assert server.connections == connections  # read whole: back to the pool


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate", "raw deflate", "identity"])
def test_encoded_bodies_still_decode(
    encoding: str, client: WachtClient, emu: Emulator, world: World
) -> None:
    body = json.dumps({"clients": [client_json()] * 200}).encode()
    packers = {
        "gzip": lambda: zlib.compressobj(wbits=16 + zlib.MAX_WBITS),
        "x-gzip": lambda: zlib.compressobj(wbits=16 + zlib.MAX_WBITS),
        "deflate": lambda: zlib.compressobj(wbits=zlib.MAX_WBITS),
        "raw deflate": lambda: zlib.compressobj(wbits=-zlib.MAX_WBITS),
    }
    if encoding in packers:
        packer = packers[encoding]()
        body = packer.compress(body) + packer.flush()
    header = {"Content-Encoding": encoding.replace("raw ", "")}
    emu.inject_fault("list_oauth_clients", Fault.raw(200, body, "application/json", header))
    clients = client.with_options(max_response_bytes=10 * MIB).oauth.list_oauth_clients(
        DEP, world.slug
    )
    assert len(clients) == 200 and clients[0].client_id == client_json()["client_id"]
