"""Retry policy and timeouts, proven per method and per failure against a MockTransport (plus
real read timeouts against the emulator). Sleeps are recorded, never slept:
`wacht_oauth_client._transport.sleep` is replaced.
"""

from __future__ import annotations

import email.utils
import random
import socket
import time
from collections.abc import Callable

import httpx
import pytest

from wacht_oauth_client import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    InternalServerError,
    RateLimitError,
    WachtClient,
    WachtError,
    _transport,
)
from wacht_oauth_client.testing import Emulator, Fault, run_emulator

from ._support import (
    API_KEY,
    OPS,
    OPS_BY_NAME,
    MockAPI,
    Op,
    Responder,
    html,
    mock_client,
    raising,
    rate_limited,
)

# failure kind -> (responder, retried for GET, retried for POST/PATCH/DELETE, error class if not)
FAILURES: dict[str, tuple[Callable[[], Responder], bool, bool, type[WachtError]]] = {
    "connect_refused": (
        lambda: raising(httpx.ConnectError, "[Errno 111] Connection refused"),
        True,
        True,
        APIConnectionError,
    ),
    "connect_timeout": (
        lambda: raising(httpx.ConnectTimeout, "timed out"),
        True,
        True,
        APITimeoutError,
    ),
    "429_retry_after": (lambda: rate_limited("2"), True, True, RateLimitError),
    "429_message_only": (lambda: rate_limited(None, 7), True, True, RateLimitError),
    "500_html": (lambda: html(500), False, False, InternalServerError),
    "502_html": (lambda: html(502), True, False, InternalServerError),
    "503_html": (lambda: html(503), True, False, InternalServerError),
    "504_html": (lambda: html(504), True, False, InternalServerError),
    "read_timeout": (lambda: raising(httpx.ReadTimeout, "timed out"), True, False, APITimeoutError),
    "write_timeout": (
        lambda: raising(httpx.WriteTimeout, "timed out"),
        True,
        False,
        APITimeoutError,
    ),
    "drop_mid_response": (
        lambda: raising(httpx.RemoteProtocolError, "peer closed connection without response"),
        True,
        False,
        APIConnectionError,
    ),
    "reset_by_peer": (
        lambda: raising(httpx.ReadError, "[Errno 104] Connection reset by peer"),
        True,
        False,
        APIConnectionError,
    ),
}
RETRY_WAIT = {"429_retry_after": 2.0, "429_message_only": 7.0}


def _decision_cases() -> list[object]:
    cases = []
    for op in OPS:
        for kind, (_, get_retried, write_retried, _cls) in FAILURES.items():
            retried = get_retried if op.method == "GET" else write_retried
            verdict = "retried" if retried else "raises"
            cases.append(
                pytest.param(op, kind, retried, id=f"{op.method}-{op.name}-{kind}-{verdict}")
            )
    return cases


@pytest.mark.parametrize(("op", "kind", "retried"), _decision_cases())
def test_retry_decision_table(op: Op, kind: str, retried: bool, sleeps: list[float]) -> None:
    make_responder, _, _, error_class = FAILURES[kind]
    api = MockAPI()
    api.queue(op.name, make_responder())
    client = mock_client(api)

    if retried:
        op.call(client)  # the second attempt gets the success body
        assert api.count(op.name) == 2
        assert len(sleeps) == 1
        if kind in RETRY_WAIT:
            assert sleeps == [RETRY_WAIT[kind]]
        else:
            assert 0.375 <= sleeps[0] <= 0.5  # first backoff: 0.5 s with jitter in [0.75, 1]
        return

    with pytest.raises(error_class) as caught:
        op.call(client)
    assert type(caught.value) is error_class
    assert api.count(op.name) == 1
    assert sleeps == []
    error = caught.value
    assert isinstance(error, APIConnectionError | InternalServerError)
    assert error.method == op.method
    assert error.attempts == 1
    if op.method == "GET":
        assert error.not_retried_reason is None  # 500 is not retried, but not for safety reasons
    else:
        assert error.not_retried_reason == f"{op.method} may have reached the server"
        assert f"not retried: {op.method} may have reached the server" in str(error)


@pytest.mark.parametrize(
    "op_name", ["list_oauth_apps", "create_oauth_app", "deactivate_oauth_client"]
)
@pytest.mark.parametrize(
    ("responder", "asked"),
    [
        pytest.param(rate_limited("120"), 120.0, id="retry-after-header-120s"),
        pytest.param(rate_limited(None, 61), 61.0, id="message-61s"),
        pytest.param(rate_limited("3600", 5), 3600.0, id="header-wins-over-message"),
    ],
)
def test_429_over_the_cap_raises_without_sleeping(
    op_name: str, responder: Responder, asked: float, sleeps: list[float]
) -> None:
    api = MockAPI()
    api.queue(op_name, responder)
    with pytest.raises(RateLimitError) as caught:
        OPS_BY_NAME[op_name].call(mock_client(api))
    assert caught.value.retry_after == asked
    assert caught.value.status_code == 429
    assert "over the 60 s cap" in str(caught.value)
    assert sleeps == []
    assert api.count(op_name) == 1


def test_429_cap_is_configurable(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("create_oauth_client", rate_limited("120"))
    client = mock_client(api, max_retry_wait=10)
    with pytest.raises(RateLimitError) as caught:
        OPS_BY_NAME["create_oauth_client"].call(client)
    assert caught.value.retry_after == 120.0
    api.queue("create_oauth_client", rate_limited("120"))
    OPS_BY_NAME["create_oauth_client"].call(client.with_options(max_retry_wait=300))
    assert sleeps == [120.0]


def test_429_message_number_equal_to_the_cap_is_slept(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("rotate_oauth_client_secret", rate_limited(None, 60))  # the server's default n
    OPS_BY_NAME["rotate_oauth_client_secret"].call(mock_client(api))
    assert sleeps == [60.0]
    assert api.count("rotate_oauth_client_secret") == 2


def test_429_retry_after_http_date(sleeps: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    api = MockAPI()
    api.queue("list_oauth_apps", rate_limited(when))
    OPS_BY_NAME["list_oauth_apps"].call(mock_client(api))
    assert len(sleeps) == 1
    assert 0.0 <= sleeps[0] <= 6.0


def test_429_without_any_hint_uses_backoff(sleeps: list[float]) -> None:
    def bare_429(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, text="Too Many Requests")

    api = MockAPI()
    api.queue("create_oauth_client", bare_429)
    OPS_BY_NAME["create_oauth_client"].call(mock_client(api))
    assert len(sleeps) == 1 and 0.375 <= sleeps[0] <= 0.5


def test_429_retries_exhausted_carry_retry_after(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("create_oauth_client", *[rate_limited(None, 1)] * 3)
    with pytest.raises(RateLimitError) as caught:
        OPS_BY_NAME["create_oauth_client"].call(mock_client(api))
    assert caught.value.retry_after == 1.0
    assert caught.value.attempts == 3
    assert "3 attempts" in str(caught.value)
    assert sleeps == [1.0, 1.0]
    assert api.count("create_oauth_client") == 3


def test_get_retries_exhausted(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("list_oauth_clients", html(503), html(502), html(504))
    with pytest.raises(InternalServerError) as caught:
        OPS_BY_NAME["list_oauth_clients"].call(mock_client(api))
    assert caught.value.status_code == 504
    assert caught.value.attempts == 3
    assert caught.value.not_retried_reason is None
    assert len(sleeps) == 2
    assert api.count("list_oauth_clients") == 3


def test_backoff_grows_exponentially_and_is_capped(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("list_signing_keys", *[html(503)] * 7)
    OPS_BY_NAME["list_signing_keys"].call(mock_client(api, max_retries=7))
    assert len(sleeps) == 7
    for retry, wait in enumerate(sleeps):
        base = min(8.0, 0.5 * 2**retry)
        assert 0.75 * base <= wait <= base, (retry, wait)
    # the jittered ranges of the first five retries do not overlap: strictly growing
    assert sleeps[:5] == sorted(sleeps[:5]) and len(set(sleeps[:5])) == 5
    assert max(sleeps) <= 8.0


def test_backoff_has_jitter() -> None:
    random.seed(1234)
    waits = {_transport.backoff_delay(3) for _ in range(50)}
    assert len(waits) > 40
    assert all(1.5 <= w <= 2.0 for w in waits)


# -- max_retries -------------------------------------------------------------------------------


def test_max_retries_zero_on_the_client_disables_retries(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("list_oauth_apps", html(503))
    api.queue("create_oauth_client", raising(httpx.ConnectError, "refused"))
    api.queue("create_oauth_app", rate_limited(None, 1))
    client = mock_client(api, max_retries=0)
    with pytest.raises(InternalServerError):
        OPS_BY_NAME["list_oauth_apps"].call(client)
    with pytest.raises(APIConnectionError):
        OPS_BY_NAME["create_oauth_client"].call(client)
    with pytest.raises(RateLimitError) as caught:
        OPS_BY_NAME["create_oauth_app"].call(client)
    assert caught.value.retry_after == 1.0
    assert sleeps == []
    assert api.operations == ["list_oauth_apps", "create_oauth_client", "create_oauth_app"]


def test_max_retries_per_call(sleeps: list[float]) -> None:
    api = MockAPI()
    client = mock_client(api, max_retries=0)
    api.queue("list_oauth_grants", *[html(503)] * 4)
    OPS_BY_NAME["list_oauth_grants"].call(client.with_options(max_retries=4))
    assert api.count("list_oauth_grants") == 5
    assert len(sleeps) == 4
    # the original client keeps its own setting
    api.queue("list_oauth_grants", html(503))
    with pytest.raises(InternalServerError):
        OPS_BY_NAME["list_oauth_grants"].call(client)
    assert api.count("list_oauth_grants") == 6

    default = mock_client(api)
    api.queue("list_oauth_grants", html(503))
    with pytest.raises(InternalServerError):
        OPS_BY_NAME["list_oauth_grants"].call(default.with_options(max_retries=0))
    assert api.count("list_oauth_grants") == 7


@pytest.mark.parametrize("bad", [-1, "2", 1.5, None])
def test_max_retries_must_be_a_non_negative_int(bad: object) -> None:
    with pytest.raises(ConfigurationError):
        WachtClient(api_key=API_KEY, max_retries=bad)  # type: ignore[arg-type]
    client = WachtClient(api_key=API_KEY)
    with pytest.raises(ConfigurationError):
        client.with_options(max_retries=bad)  # type: ignore[arg-type]
    client.close()


# -- timeouts -------------------------------------------------------------------------------------


def _timeout_seen(client: WachtClient, api: MockAPI) -> dict[str, float | None]:
    client.oauth.list_oauth_apps("dep_1")
    timeout: dict[str, float | None] = api.requests[-1].extensions["timeout"]
    return timeout


def test_default_timeout_is_30s_with_5s_connect() -> None:
    api = MockAPI()
    for given in ({}, {"timeout": None}):  # None also means the default
        client = WachtClient(api_key=API_KEY, base_url="http://x", **given)  # type: ignore[arg-type]
        client._http._transport = httpx.MockTransport(api)  # the SDK's own pool, on a mock
        assert _timeout_seen(client, api) == {
            "connect": 5.0,
            "read": 30.0,
            "write": 30.0,
            "pool": 30.0,
        }
    # with your own http_client, the default is its own timeout (httpx's 5 s here)
    assert _timeout_seen(mock_client(api), api) == httpx.Timeout(5.0).as_dict()


def test_default_timeout_applies_to_the_clients_own_pool() -> None:
    client = WachtClient(api_key=API_KEY, base_url="http://127.0.0.1:9")
    assert client._http.timeout == httpx.Timeout(30.0, connect=5.0)
    client.close()


def test_timeout_on_the_client() -> None:
    api = MockAPI()
    assert _timeout_seen(mock_client(api, timeout=12), api) == {
        "connect": 5.0,
        "read": 12.0,
        "write": 12.0,
        "pool": 12.0,
    }
    assert _timeout_seen(mock_client(api, timeout=2), api)["connect"] == 2.0
    custom = httpx.Timeout(7.0, connect=1.0, read=40.0)
    assert _timeout_seen(mock_client(api, timeout=custom), api) == {
        "connect": 1.0,
        "read": 40.0,
        "write": 7.0,
        "pool": 7.0,
    }


def test_timeout_per_call_leaves_the_client_unchanged() -> None:
    api = MockAPI()
    client = mock_client(api, timeout=12)
    assert _timeout_seen(client.with_options(timeout=0.5), api) == {
        "connect": 0.5,
        "read": 0.5,
        "write": 0.5,
        "pool": 0.5,
    }
    assert _timeout_seen(client, api)["read"] == 12.0
    # None: the default again, which for your own http_client is its own (httpx's 5 s here)
    assert _timeout_seen(client.with_options(timeout=None), api)["read"] == 5.0


def test_a_real_read_timeout_ends_in_api_timeout_error(sleeps: list[float]) -> None:
    with run_emulator(Emulator(seed=0)) as url:
        url.emulator.inject_fault("list_oauth_apps", Fault.delay(0.5), times=3)
        with WachtClient(
            api_key=API_KEY, base_url=url, timeout=httpx.Timeout(5, read=0.15)
        ) as client:
            with pytest.raises(APITimeoutError) as caught:
                client.oauth.list_oauth_apps("dep_1")
        assert url.emulator.call_counts["list_oauth_apps"] == 3
    assert caught.value.attempts == 3
    assert str(caught.value).startswith("ReadTimeout: ")
    assert len(sleeps) == 2


def test_a_per_call_timeout_against_a_slow_server(sleeps: list[float]) -> None:
    with run_emulator(Emulator(seed=0)) as url:
        with WachtClient(api_key=API_KEY, base_url=url, max_retries=0) as client:
            url.emulator.inject_fault("list_oauth_apps", Fault.delay(0.4))
            with pytest.raises(APITimeoutError):
                client.with_options(timeout=httpx.Timeout(5, read=0.1)).oauth.list_oauth_apps(
                    "dep_1"
                )
            url.emulator.inject_fault("list_oauth_apps", Fault.delay(0.4))
            assert client.oauth.list_oauth_apps("dep_1") == []  # the default 30 s waits


def test_a_users_http_client_keeps_its_own_timeout_unless_timeout_is_given() -> None:
    api = MockAPI()
    own = httpx.Timeout(7.0, connect=2.0)

    def client(**kwargs: object) -> WachtClient:
        http = httpx.Client(transport=httpx.MockTransport(api), timeout=own)
        return WachtClient(api_key=API_KEY, base_url="http://x", http_client=http, **kwargs)  # type: ignore[arg-type]

    kept = {"connect": 2.0, "read": 7.0, "write": 7.0, "pool": 7.0}
    assert _timeout_seen(client(), api) == kept
    assert _timeout_seen(client(timeout=None), api) == kept  # None: the default, i.e. its own
    assert _timeout_seen(client(timeout=12), api)["read"] == 12.0
    assert _timeout_seen(client().with_options(timeout=3), api)["read"] == 3.0
    assert _timeout_seen(client(timeout=12).with_options(timeout=None), api) == kept
    # an http_client without any timeout is still bounded per attempt by the deadline
    http = httpx.Client(transport=httpx.MockTransport(api), timeout=None)
    unbounded = WachtClient(api_key=API_KEY, base_url="http://x", http_client=http, deadline=2)
    assert all(0 < t <= 2 for t in _timeout_seen(unbounded, api).values())


def test_connection_errors_name_the_host_and_port(sleeps: list[float]) -> None:
    api = MockAPI()
    api.queue("list_oauth_apps", *[raising(httpx.ConnectError, "[Errno 111] refused")] * 3)
    http = httpx.Client(transport=httpx.MockTransport(api))
    client = WachtClient(api_key=API_KEY, base_url="https://api.wacht.dev", http_client=http)
    with pytest.raises(APIConnectionError) as caught:
        client.oauth.list_oauth_apps("dep_1")
    assert str(caught.value).startswith(
        "ConnectError: could not connect to api.wacht.dev:443 ([Errno 111] refused)"
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with WachtClient(api_key=API_KEY, base_url=f"http://127.0.0.1:{port}", max_retries=0) as c:
        with pytest.raises(APIConnectionError) as refused:
            c.oauth.list_oauth_apps("dep_1")
    assert f"could not connect to 127.0.0.1:{port}" in str(refused.value)
