"""Fault matrix: every misbehaviour ends in a correct result or a typed `WachtError`.

Never a raw `JSONDecodeError`, `KeyError`, `ValueError` (from `HTTPStatus`), `RecursionError` or
an httpx exception. Everything runs over a real 127.0.0.1 socket against the emulator: transport
faults (refused, drop, reset, delay) and body-level ones (`Fault.raw`) alike. The test id reads
`<kind>-<operation>-><outcome>`; that list is the table for the closing note.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from wacht_oauth_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    ResponseTooLargeError,
    WachtClient,
    WachtError,
)
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, EmulatorURL, Fault, run_emulator

from ._support import API_KEY, EMU_CALLS, World, build_world, client_json, grant_json

# Only the read is short: a slow connect on a busy machine must not turn into a retry.
READ_TIMEOUT = httpx.Timeout(5.0, read=0.2)
HTML = b"<html><body><h1>Bad gateway</h1></body></html>"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Case:
    kind: str
    op: str
    faults: list[Fault]  # injected for `op`, in order (each once)
    outcome: str  # "result" or the error class name, as listed in the closing note
    check: Callable[[Any, World], None] = lambda outcome, world: None
    options: dict[str, Any] = field(default_factory=dict)
    refuse: bool = False  # point the client at a closed port
    calls: int | None = None  # requests the emulator must see for `op`

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.op}->{self.outcome}"


def _is(cls: type[WachtError], **attrs: Any) -> Callable[[Any, World], None]:
    def check(error: Any, world: World) -> None:
        assert type(error) is cls, repr(error)
        for name, value in attrs.items():
            assert getattr(error, name) == value, (name, getattr(error, name))

    return check


def _apps_ok(apps: Any, world: World) -> None:
    assert [app.slug for app in apps] == [world.slug]


def _clients_ok(clients: Any, world: World) -> None:
    assert [c.id for c in clients] == [world.client_id]


def _raw(
    status: int, body: bytes, content_type: str | None = "application/json", **headers: str
) -> Fault:
    return Fault.raw(status, body, content_type, headers=headers)


def _grant_body(**changes: Any) -> bytes:
    return json.dumps({"grants": [{**grant_json(), **changes}]}).encode()


def _unknown_enum_ok(grants: Any, world: World) -> None:
    assert grants[0].status == "suspended" and not isinstance(grants[0].status, m.GrantStatus)


def _extra_fields_ok(clients: Any, world: World) -> None:
    assert clients[0].additional_properties == {"mtls_bound": True, "future": {"x": [1]}}
    assert clients[0]["mtls_bound"] is True


def _big_ids_ok(grants: Any, world: World) -> None:
    assert grants[0].id == "18446744073709551615"
    assert grants[0].oauth_client_id == "9223372036854775807"
    assert grants[0].granted_by_user_id == "9007199254740993"  # 2^53 + 1, not rounded


def _big_number_ids_ok(grants: Any, world: World) -> None:
    assert str(grants[0].id) == "9007199254740993"  # a JSON number: still exact, never a float


def _text_plain_json_ok(clients: Any, world: World) -> None:
    assert clients[0].client_id == client_json()["client_id"]


CASES: list[Case] = [
    Case(
        "connection_refused",
        "list_oauth_apps",
        [],
        "APIConnectionError",
        _is(APIConnectionError, attempts=3, not_retried_reason=None),
        refuse=True,
        calls=0,
    ),
    Case(
        "connection_refused",
        "create_oauth_client",
        [],
        "APIConnectionError",
        _is(APIConnectionError, attempts=3, not_retried_reason=None),
        refuse=True,
        calls=0,
    ),
    Case(
        "drop_before_response", "list_oauth_clients", [Fault.drop()], "result", _clients_ok, calls=2
    ),
    Case(
        "drop_before_response",
        "create_oauth_client",
        [Fault.drop()],
        "APIConnectionError",
        _is(APIConnectionError, not_retried_reason="POST may have reached the server"),
        calls=1,
    ),
    Case(
        "reset_mid_body",
        "list_oauth_apps",
        [Fault.drop(after_headers=True)],
        "result",
        _apps_ok,
        calls=2,
    ),
    Case(
        "reset_mid_body",
        "rotate_oauth_client_secret",
        [Fault.drop(after_headers=True)],
        "APIConnectionError",
        _is(APIConnectionError, not_retried_reason="POST may have reached the server"),
        calls=1,
    ),
    Case(
        "429_with_retry_after",
        "create_oauth_client",
        [Fault.rate_limit(retry_after=1)],
        "result",
        lambda client, world: (
            None if isinstance(client, m.OAuthClient) else pytest.fail("no client")
        ),
        calls=2,
    ),
    Case(
        "429_without_retry_after",
        "rotate_oauth_client_secret",
        [Fault.rate_limit(seconds_in_message=2)],
        "result",
        lambda r, w: None if r.client_secret.startswith("oc_secret_") else pytest.fail("no secret"),
        calls=2,
    ),
    Case(
        "429_over_the_cap",
        "list_oauth_apps",
        [Fault.rate_limit(seconds_in_message=600)],
        "RateLimitError",
        _is(RateLimitError, retry_after=600.0, status_code=429, attempts=1),
        calls=1,
    ),
    Case(
        "500_html",
        "list_oauth_apps",
        [Fault.status(500)],
        "InternalServerError",
        _is(InternalServerError, status_code=500, message="Internal Server Error", attempts=1),
        calls=1,
    ),
    Case(
        "500_html",
        "create_oauth_app",
        [Fault.status(500, execute=True)],
        "InternalServerError",
        _is(
            InternalServerError,
            status_code=500,
            not_retried_reason="POST may have reached the server",
        ),
        calls=1,
    ),
    Case("502_html", "list_signing_keys", [Fault.status(502)], "result", calls=2),
    Case(
        "502_html",
        "rotate_signing_key",
        [Fault.status(502, execute=True)],
        "InternalServerError",
        _is(InternalServerError, status_code=502, message="Bad Gateway", attempts=1),
        calls=1,
    ),
    Case(
        "503_html",
        "update_oauth_client",
        [Fault.status(503, execute=True)],
        "InternalServerError",
        _is(
            InternalServerError,
            status_code=503,
            not_retried_reason="PATCH may have reached the server",
        ),
        calls=1,
    ),
    Case(
        "503_html_every_time",
        "list_oauth_grants",
        [Fault.status(503)] * 3,
        "InternalServerError",
        _is(InternalServerError, status_code=503, attempts=3, not_retried_reason=None),
        calls=3,
    ),
    Case(
        "504_html",
        "deactivate_oauth_client",
        [Fault.status(504, execute=True)],
        "InternalServerError",
        _is(
            InternalServerError,
            status_code=504,
            not_retried_reason="DELETE may have reached the server",
        ),
        calls=1,
    ),
    Case(
        "timeout",
        "list_oauth_clients",
        [Fault.delay(0.6)],
        "result",
        _clients_ok,
        options={"timeout": READ_TIMEOUT},
        calls=2,
    ),
    Case(
        "timeout",
        "create_oauth_client",
        [Fault.delay(0.6)],
        "APITimeoutError",
        _is(APITimeoutError, not_retried_reason="POST may have reached the server"),
        options={"timeout": READ_TIMEOUT},
        calls=1,
    ),
    Case(
        "truncated_json",
        "list_oauth_apps",
        [_raw(200, b'{"apps":[{"id":"73000000')],
        "APIResponseValidationError",
        _is(APIResponseValidationError, status_code=200),
        calls=1,
    ),
    Case(
        "200_text_plain_valid_json",
        "list_oauth_clients",
        [_raw(200, json.dumps({"clients": [client_json()]}).encode(), "text/plain")],
        "result",
        _text_plain_json_ok,
    ),
    Case(
        "200_text_html",
        "list_oauth_clients",
        [_raw(200, HTML, "text/html")],
        "APIResponseValidationError",
        _is(APIResponseValidationError, status_code=200),
    ),
    Case("empty_200_body", "list_signing_keys", [_raw(200, b"")], "APIResponseValidationError"),
    Case("200_json_null", "rotate_signing_key", [_raw(200, b"null")], "APIResponseValidationError"),
    Case(
        "200_missing_field",
        "rotate_oauth_client_secret",
        [_raw(200, b'{"secret":"x"}')],
        "APIResponseValidationError",
    ),
    Case(
        "200_deeply_nested_json",
        "list_oauth_apps",
        [_raw(200, b'{"apps":' + b"[" * 100_000 + b"]" * 100_000 + b"}")],
        "APIResponseValidationError",
    ),
    Case(
        "200_corrupt_gzip",
        "list_oauth_apps",
        [_raw(200, b"definitely not gzip", **{"Content-Encoding": "gzip"})] * 3,
        "APIConnectionError",
        _is(APIConnectionError, attempts=3),
        calls=3,
    ),
    Case(
        "200_corrupt_gzip",
        "create_oauth_client",
        [_raw(200, b"definitely not gzip", **{"Content-Encoding": "gzip"})],
        "APIConnectionError",
        _is(APIConnectionError, not_retried_reason="POST may have reached the server"),
        calls=1,
    ),
    Case(
        "204_with_stray_body",
        "deactivate_oauth_client",
        [_raw(204, b'{"ok":true}')],
        "result",
        lambda result, world: None if result is None else pytest.fail(repr(result)),
    ),
    Case(
        "unknown_enum_value",
        "list_oauth_grants",
        [_raw(200, _grant_body(status="suspended"))],
        "result",
        _unknown_enum_ok,
    ),
    Case(
        "extra_fields",
        "list_oauth_clients",
        [
            _raw(
                200,
                json.dumps(
                    {
                        "clients": [{**client_json(), "mtls_bound": True, "future": {"x": [1]}}],
                        "next": None,
                    }
                ).encode(),
            )
        ],
        "result",
        _extra_fields_ok,
    ),
    Case(
        "ids_above_2^53",
        "list_oauth_grants",
        [
            _raw(
                200,
                _grant_body(
                    id="18446744073709551615",
                    oauth_client_id="9223372036854775807",
                    granted_by_user_id="9007199254740993",
                ),
            )
        ],
        "result",
        _big_ids_ok,
    ),
    Case(
        "ids_above_2^53_as_json_numbers",
        "list_oauth_grants",
        [
            _raw(
                200,
                _grant_body().replace(b'"id": "9223372036854775807"', b'"id": 9007199254740993'),
            )
        ],
        "result",
        _big_number_ids_ok,
    ),
    Case(
        "non_iana_status_520",
        "list_oauth_apps",
        [Fault.status(520)],
        "InternalServerError",
        _is(InternalServerError, status_code=520, message="HTTP 520", attempts=1),
    ),
    Case(
        "non_iana_status_499",
        "update_oauth_scope",
        [_raw(499, b"client closed request", "text/plain")],
        "APIStatusError",
        _is(APIStatusError, status_code=499, message="HTTP 499"),
    ),
    Case(
        "404_html_from_a_proxy",
        "list_oauth_clients",
        [Fault.status(404)],
        "NotFoundError",
        _is(NotFoundError, status_code=404, message="Not Found", errors=[]),
    ),
    Case(
        "401_envelope",
        "list_oauth_apps",
        [_raw(401, b'{"errors":[{"message":"Authentication failed","code":401}]}')],
        "AuthenticationError",
        _is(AuthenticationError, message="Authentication failed"),
    ),
    Case(
        "400_malformed_envelope",
        "archive_oauth_scope",
        [_raw(400, b'{"errors":"nope"}')],
        "BadRequestError",
    ),
    Case(
        "error_deeply_nested_json",
        "archive_oauth_scope",
        [_raw(400, b'{"errors":' + b"[" * 100_000 + b"]" * 100_000 + b"}")],
        "BadRequestError",
    ),
    Case(
        "301_redirect",
        "deactivate_oauth_client",
        [_raw(301, b"", None, Location="https://elsewhere.example/")],
        "APIStatusError",
        _is(APIStatusError, status_code=301, message="Moved Permanently"),
        calls=1,
    ),
    Case(
        "302_redirect",
        "list_oauth_apps",
        [_raw(302, b"", None, Location="https://elsewhere.example/")],
        "APIStatusError",
        _is(APIStatusError, status_code=302, message="Found"),
        calls=1,
    ),
]

# -- round two: misbehaviours that used to hang, exhaust memory or pass for success ----------
MIB = 1 << 20
TRICKLE = Fault.trickle(b'{"apps":[]}' + b" " * 40, interval=0.1)  # 5 s, a byte at a time
PATIENT_BUT_BOUNDED = {"timeout": httpx.Timeout(5.0), "deadline": 0.6}
ENDLESS = Fault.stream(200, b" " * 65536, prefix=b"{")  # chunked, never ends
CAPPED = {"max_response_bytes": MIB}
BOMB = Fault.gzip_bomb(16 * MIB)  # ~16 KB on the wire
LONG_MESSAGE = "scope is invalid: " + "x" * 50_000


def _capped_str(error: Any, world: World) -> None:
    assert error.message == LONG_MESSAGE and len(str(error)) < 700


def _kept_response(error: Any, world: World) -> None:
    assert error.write_applied is True and error.response.json()["client_secret"]


CASES += [
    Case(
        "trickled_body",
        "list_oauth_apps",
        [TRICKLE],
        "APITimeoutError",
        _is(APITimeoutError, attempts=1, not_retried_reason="the call's 0.6 s deadline passed"),
        options=PATIENT_BUT_BOUNDED,
        calls=1,
    ),
    Case(
        "trickled_body",
        "create_oauth_client",
        [Fault.trickle(b"{}" + b" " * 40, interval=0.1, execute=True)],
        "APITimeoutError",
        _is(APITimeoutError, not_retried_reason="POST may have reached the server"),
        options=PATIENT_BUT_BOUNDED,
        calls=1,
    ),
    Case(
        "endless_chunked_200",
        "list_oauth_clients",
        [ENDLESS],
        "ResponseTooLargeError",
        _is(ResponseTooLargeError, max_response_bytes=MIB, write_applied=False),
        options=CAPPED,
        calls=1,
    ),
    Case(
        "endless_chunked_200",
        "rotate_oauth_client_secret",
        [Fault.stream(200, b" " * 65536, prefix=b"{", execute=True)],
        "ResponseTooLargeError",
        _is(ResponseTooLargeError, write_applied=True),
        options=CAPPED,
        calls=1,
    ),
    Case(
        "huge_error_body",
        "list_signing_keys",
        [Fault.stream(503, b"<p>busy</p>" * 6000, count=1000, content_type="text/html")] * 3,
        "InternalServerError",
        _is(InternalServerError, status_code=503, attempts=3, message="Service Unavailable"),
        calls=3,
    ),
    Case(
        "gzip_bomb_200",
        "list_oauth_grants",
        [BOMB],
        "ResponseTooLargeError",
        _is(ResponseTooLargeError, max_response_bytes=MIB),
        options=CAPPED,
        calls=1,
    ),
    Case(
        "gzip_bomb_error",
        "archive_oauth_scope",
        [Fault.gzip_bomb(16 * MIB, status=400)],
        "BadRequestError",
        _is(BadRequestError, status_code=400, message="Bad Request"),
        calls=1,
    ),
    Case(
        "huge_error_message",
        "archive_oauth_scope",
        [_raw(400, json.dumps({"errors": [{"message": LONG_MESSAGE, "code": 400}]}).encode())],
        "BadRequestError",
        _capped_str,
    ),
    Case(
        "303_redirect_to_a_200",
        "rotate_oauth_client_secret",
        [Fault.redirect("/deployments/dep_1/oauth/apps", 303)],
        "APIStatusError",
        _is(APIStatusError, status_code=303),
        calls=1,
    ),
    Case(
        "200_html_for_a_204",
        "deactivate_oauth_client",
        [Fault.status(200)],  # an SSO or captive portal's page: nothing ran
        "APIResponseValidationError",
        _is(APIResponseValidationError, status_code=200, write_applied=True),
        calls=1,
    ),
    Case(
        "202_for_a_204",
        "compromise_signing_key",
        [_raw(202, b"", None)],
        "APIResponseValidationError",
        _is(APIResponseValidationError, status_code=202),
        calls=1,
    ),
    Case(
        "200_unparseable_after_a_write",
        "create_oauth_client",
        [
            _raw(
                200,
                json.dumps({**client_json(with_secret=True), "created_at": "soon"}).encode(),
            )
        ],
        "APIResponseValidationError",
        _kept_response,
        calls=1,
    ),
]

RAW_ERRORS = (json.JSONDecodeError, KeyError, RecursionError, httpx.HTTPError)


@pytest.fixture(scope="module")
def slow_server() -> Iterator[EmulatorURL]:
    """Delayed requests finish after their test: they get an emulator of their own."""
    with run_emulator(Emulator(seed=0, api_keys=[API_KEY])) as url:
        yield url


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_fault_matrix(
    case: Case,
    client: WachtClient,
    emu: Emulator,
    slow_server: EmulatorURL,
    sleeps: list[float],
) -> None:
    delayed = any(fault.kind in ("delay", "trickle") for fault in case.faults)
    if delayed:
        emu = slow_server.emulator
        client = WachtClient(api_key=API_KEY, base_url=slow_server)
        world = build_world(client, emu, slug=f"app-{len(emu.requests)}")
    else:
        world = build_world(client, emu)
    before = emu.call_counts[case.op]
    for fault in case.faults:
        emu.inject_fault(case.op, fault)
    if case.refuse:
        client = WachtClient(api_key=API_KEY, base_url=f"http://127.0.0.1:{_closed_port()}")
    try:
        outcome: Any = EMU_CALLS[case.op](client.with_options(**case.options), world)
    except RAW_ERRORS as exc:  # a leak: fail with the raw exception in the message
        pytest.fail(f"raw {type(exc).__name__} escaped: {exc!r}")
    except WachtError as exc:
        outcome = exc
        assert type(exc).__name__ == case.outcome
        assert not isinstance(exc, ValueError)  # only InvalidArgumentError is one
        # no raw exception chained into the traceback either
        assert exc.__cause__ is None
        assert exc.__context__ is None or exc.__suppress_context__
    else:
        assert case.outcome == "result", f"expected {case.outcome}, got {outcome!r}"
    finally:
        if delayed or case.refuse:
            client.close()
    case.check(outcome, world)
    if case.calls is not None:
        assert emu.call_counts[case.op] - before == case.calls


def test_the_matrix_covers_at_least_15_kinds() -> None:
    assert len({case.kind for case in CASES}) >= 15 + 10  # round one's, and round two's
