"""A response-validation error keeps the response, and says when the write was applied
(failure class 7).

`create_oauth_client` and `rotate_oauth_client_secret` return a secret exactly once. If that 200
body fails to parse, the caller must still be able to recover the secret, and must learn that
the server did the work (retrying would create a second client or rotate again).
"""

from __future__ import annotations

import json
import pprint

import httpx
import pytest

from wacht_oauth_client import APIResponseValidationError, WachtClient, errors
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, Fault

from ._support import DEP, SECRET, World, client_json

REQUEST = m.CreateOAuthClientRequest(
    client_auth_method="client_secret_basic",
    grant_types=["authorization_code"],
    redirect_uris=["https://example.com/cb"],
)


def _assert_safe(error: BaseException, secret: str) -> None:
    for text in (repr(error), str(error), pprint.pformat(error), repr(error.args)):
        assert secret not in text and secret[10:30] not in text


def test_a_create_whose_200_fails_to_parse_keeps_the_secret_and_says_it_was_applied(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    body = {**client_json(with_secret=True), "created_at": "not-a-date"}
    emu.inject_fault(
        "create_oauth_client", Fault.raw(200, json.dumps(body).encode(), "application/json")
    )
    with pytest.raises(APIResponseValidationError) as caught:
        client.oauth.create_oauth_client(DEP, world.slug, REQUEST)
    error = caught.value
    assert isinstance(error.response, httpx.Response)
    assert error.response.status_code == 200
    assert error.response.json()["client_secret"] == SECRET  # recoverable
    assert error.write_applied is True
    assert "the write was applied" in str(error) and "POST" in str(error)
    _assert_safe(error, SECRET)


def test_a_rotation_cut_short_keeps_the_bytes_that_did_arrive(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    truncated = f'{{"client_secret":"{SECRET}'.encode()  # no closing quote or brace
    emu.inject_fault(
        "rotate_oauth_client_secret", Fault.raw(200, truncated, "application/json", execute=True)
    )
    with pytest.raises(APIResponseValidationError) as caught:
        client.oauth.rotate_oauth_client_secret(DEP, world.slug, world.client_id)
    error = caught.value
    assert error.write_applied is True
    assert error.response is not None and SECRET.encode() in error.response.content
    assert emu.call_counts["rotate_oauth_client_secret"] == 1
    _assert_safe(error, SECRET)


def test_a_read_whose_200_fails_to_parse_does_not_claim_a_write(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault("list_oauth_apps", Fault.raw(200, b'{"apps":"nope"}', "application/json"))
    with pytest.raises(APIResponseValidationError) as caught:
        client.oauth.list_oauth_apps(DEP)
    error = caught.value
    assert error.write_applied is False
    assert "applied" not in str(error)
    assert error.response is not None and error.response.content == b'{"apps":"nope"}'


def test_a_write_over_max_response_bytes_says_it_was_applied_and_is_not_retried(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault(
        "create_oauth_client", Fault.stream(200, b" " * 65536, prefix=b"{", execute=True)
    )
    with pytest.raises(errors.ResponseTooLargeError) as caught:
        client.with_options(max_response_bytes=1 << 20).oauth.create_oauth_client(
            DEP, world.slug, REQUEST
        )
    assert caught.value.write_applied is True
    assert "the write was applied" in str(caught.value)
    assert emu.call_counts["create_oauth_client"] == 2  # build_world's, and this one
    assert len(client.oauth.list_oauth_clients(DEP, world.slug)) == 2  # it was created
