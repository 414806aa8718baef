"""A request that cannot be sent is an `InvalidArgumentError`, never a network failure
(failure class 10).

A header value with CR/LF, or an illegal header name, is refused by the HTTP library before
anything is written: retrying it with backoff, and saying it "may have reached the server",
was wrong twice over. These run over a real socket: only h11 (not a MockTransport) refuses.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from wacht_oauth_client import InvalidArgumentError, WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, EmulatorURL

from ._support import API_KEY, DEP, World

SECRET_VALUE = "tok_ThisHeaderValueIsASecret_0123456789"
REQUEST = m.CreateOAuthClientRequest(
    client_auth_method="none",
    grant_types=["authorization_code"],
    redirect_uris=["https://example.com/cb"],
)

BAD_HEADERS: dict[str, dict[str, Any]] = {
    "CRLF in a value": {"X-Trace": SECRET_VALUE + "\r\nX-Injected: 1"},
    "LF in a value": {"X-Trace": SECRET_VALUE + "\n"},
    "NUL in a value": {"X-Trace": SECRET_VALUE + "\0"},
    "non-ASCII value": {"X-Trace": SECRET_VALUE + "é"},
    "value with a trailing space": {"X-Trace": SECRET_VALUE + " "},
    "int value": {"X-Trace": 42},
    "name with a space": {"X Trace": SECRET_VALUE},
    "name with a colon": {"X-Trace:": SECRET_VALUE},
    "name with a newline": {"X-Trace\n": SECRET_VALUE},
    "empty name": {"": SECRET_VALUE},
    "non-ASCII name": {"X-Tracé": SECRET_VALUE},
}


@pytest.mark.parametrize("headers", BAD_HEADERS.values(), ids=list(BAD_HEADERS))
def test_a_bad_extra_header_is_refused_locally_and_never_retried(
    headers: dict[str, Any],
    client: WachtClient,
    emu: Emulator,
    world: World,
    sleeps: list[float],
) -> None:
    before = len(emu.requests)
    with pytest.raises(InvalidArgumentError) as caught:
        client.with_options(extra_headers=headers).oauth.create_oauth_client(
            DEP, world.slug, REQUEST
        )
    error = caught.value
    assert error.argument == "extra_headers"
    assert str(error).endswith("; not sent")
    assert SECRET_VALUE not in str(error) and SECRET_VALUE not in repr(error)
    assert sleeps == []  # no backoff
    assert len(emu.requests) == before  # nothing reached the server


def test_a_header_the_http_client_adds_is_refused_locally_too(
    server: EmulatorURL, emu: Emulator, sleeps: list[float]
) -> None:
    with httpx.Client(headers={"X-Default": "a\r\nb"}) as http:
        client = WachtClient(api_key=API_KEY, base_url=server, http_client=http)
        with pytest.raises(InvalidArgumentError) as caught:
            client.oauth.list_oauth_apps(DEP)
    assert str(caught.value).endswith("; not sent")
    assert "a\r\nb" not in str(caught.value)
    assert sleeps == [] and emu.requests == []


def test_good_extra_headers_still_reach_the_wire(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    traced = client.with_options(extra_headers={"X-Request-Id": "req 1/2", "X-Empty": ""})
    assert len(traced.oauth.list_oauth_clients(DEP, world.slug)) == 1
