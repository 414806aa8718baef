"""A total deadline per call covers every attempt, wait and byte (failure class 1).

httpx's timeouts are per network operation: a server that sends one byte every 0.1 s never
trips a 0.5 s read timeout. The deadline (default 300 s; `deadline=` on the client and in
`with_options`) ends the call however the time is spent: slow headers, a trickled body,
retries, or the waits between them.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from wacht_oauth_client import (
    APITimeoutError,
    InternalServerError,
    RateLimitError,
    WachtClient,
    _transport,
)
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, EmulatorURL, Fault

from ._support import API_KEY, DEP, MockAPI, World, html, mock_client, rate_limited

# Only the deadline can end these calls: every per-operation timeout is far longer.
PATIENT = httpx.Timeout(5.0)
APPS = b'{"apps":[]}' + b" " * 40  # 51 bytes: 5 s at one byte per 0.1 s
CLIENT_REQUEST = m.CreateOAuthClientRequest(
    client_auth_method="none",
    grant_types=["authorization_code"],
    redirect_uris=["https://example.com/cb"],
)


def _elapsed(started: float) -> float:
    return time.monotonic() - started


def test_a_trickled_body_cannot_hold_a_call_past_its_deadline(
    client: WachtClient, emu: Emulator
) -> None:
    emu.inject_fault("list_oauth_apps", Fault.trickle(APPS, interval=0.1))
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        client.with_options(timeout=PATIENT, deadline=1).oauth.list_oauth_apps(DEP)
    assert 0.95 <= _elapsed(started) < 1.5
    error = caught.value
    assert "deadline of 1 s" in str(error)
    assert error.attempts == 1 and error.not_retried_reason == "the call's 1 s deadline passed"


def test_a_trickled_write_is_not_retried_and_says_it_may_have_run(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault("rotate_oauth_client_secret", Fault.trickle(APPS, 0.1, execute=True))
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        client.with_options(timeout=PATIENT, deadline=0.6).oauth.rotate_oauth_client_secret(
            DEP, world.slug, world.client_id
        )
    assert _elapsed(started) < 1.1
    assert caught.value.not_retried_reason == "POST may have reached the server"
    assert emu.call_counts["rotate_oauth_client_secret"] == 1


@pytest.fixture
def trickled_headers() -> Iterator[str]:
    """A server that answers every request with a status line and then one header byte per
    0.1 s, forever (what a stuck proxy or a slowloris-style peer does)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                while not stop.wait(0.1):
                    conn.sendall(b"X")
            except OSError:
                pass  # the client hung up

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def test_trickled_headers_cannot_hold_a_call_past_its_deadline(trickled_headers: str) -> None:
    with WachtClient(api_key=API_KEY, base_url=trickled_headers, timeout=PATIENT) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            client.with_options(deadline=0.8).oauth.list_oauth_apps(DEP)
    assert 0.75 <= _elapsed(started) < 1.3
    assert "deadline of 0.8 s" in str(caught.value)


def test_with_your_own_http_client_a_trickled_body_still_ends_at_the_deadline(
    server: EmulatorURL, emu: Emulator
) -> None:
    emu.inject_fault("list_oauth_apps", Fault.trickle(APPS, interval=0.1))
    with httpx.Client(timeout=PATIENT) as http:
        client = WachtClient(api_key=API_KEY, base_url=server, http_client=http, deadline=1)
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.oauth.list_oauth_apps(DEP)
    assert _elapsed(started) < 1.5  # checked between body reads (each one byte here)


def test_retries_stop_at_the_deadline_including_real_waits(
    client: WachtClient, emu: Emulator
) -> None:
    emu.inject_fault("list_oauth_apps", Fault.delay(0.3), times=10)
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as caught:
        client.with_options(
            timeout=httpx.Timeout(5, read=0.2), max_retries=10, deadline=1.2
        ).oauth.list_oauth_apps(DEP)
    assert _elapsed(started) < 1.5
    assert 1 < caught.value.attempts < 10


def test_a_backoff_wait_that_would_pass_the_deadline_is_not_slept(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("list_oauth_apps", html(503), html(503))
    client = mock_client(api, deadline=0.3)  # the first backoff is 0.375-0.5 s
    with pytest.raises(InternalServerError) as caught:
        client.oauth.list_oauth_apps(DEP)
    assert sleeps == []
    assert caught.value.attempts == 1
    assert caught.value.not_retried_reason is not None
    assert "deadline" in caught.value.not_retried_reason
    assert api.count("list_oauth_apps") == 1


def test_a_retry_after_past_the_deadline_raises_at_once(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("create_oauth_client", rate_limited("5"))
    client = mock_client(api, deadline=2)
    with pytest.raises(RateLimitError) as caught:
        client.oauth.create_oauth_client(DEP, "app-one", CLIENT_REQUEST)
    assert sleeps == []
    assert caught.value.retry_after == 5.0
    assert "deadline" in str(caught.value)


def test_no_attempt_is_given_more_time_than_is_left() -> None:
    api = MockAPI()
    client = mock_client(api, timeout=30, deadline=2)
    client.oauth.list_oauth_apps(DEP)
    seen = api.requests[-1].extensions["timeout"]
    assert set(seen) == {"connect", "read", "write", "pool"}
    assert all(1.9 < value <= 2 for value in seen.values()), seen
    # far from the deadline, the configured timeouts are sent as they are
    mock_client(api, timeout=30).oauth.list_oauth_apps(DEP)
    assert api.requests[-1].extensions["timeout"] == {
        "connect": 5.0,
        "read": 30.0,
        "write": 30.0,
        "pool": 30.0,
    }


def test_the_default_deadline_is_300_s_and_with_options_changes_it() -> None:
    client = WachtClient(api_key=API_KEY, base_url="http://127.0.0.1:9")
    assert _transport.DEFAULT_DEADLINE == 300.0
    assert client._options.deadline == 300.0
    assert client.with_options(deadline=2.5)._options.deadline == 2.5
    assert client._options.deadline == 300.0
    client.close()


def test_a_write_whose_connect_ran_out_of_time_says_it_was_not_sent() -> None:
    def slow_connect(request: httpx.Request) -> httpx.Response:
        time.sleep(0.25)
        raise httpx.ConnectTimeout("timed out", request=request)

    api = MockAPI()
    api.queue("create_oauth_client", slow_connect)
    with pytest.raises(APITimeoutError) as caught:
        mock_client(api, deadline=0.2).oauth.create_oauth_client(DEP, "app-one", CLIENT_REQUEST)
    # nothing reached the server: the reason is the deadline, not "may have reached"
    assert caught.value.not_retried_reason == "the call's 0.2 s deadline passed"
    assert api.count("create_oauth_client") == 1
