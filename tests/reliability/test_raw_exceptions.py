"""Every exception the SDK raises is a `WachtError` (failure class 9).

The README promises it; these are the raw ones that used to escape. (A base URL with a newline
and `timeout=-1`/nan/inf are rows of the config matrix in test_input_guards.py.)
"""

from __future__ import annotations

import math

import httpx
import pytest

from wacht_oauth_client import InvalidArgumentError, WachtClient, WachtError, errors
from wacht_oauth_client import models as m

from ._support import API_KEY, CLIENT_ID, DEP, SLUG, MockAPI, mock_client

LONG = "a" * 70_000  # over httpx's 65,536-character URL limit


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.oauth.list_oauth_clients(DEP, LONG),
        lambda c: c.oauth.list_oauth_apps(LONG),
        lambda c: c.oauth.compromise_signing_key(DEP, SLUG, LONG),
    ],
    ids=["slug", "deployment_id", "kid"],
)
def test_a_very_long_path_argument_is_an_invalid_argument(call: object) -> None:
    api = MockAPI()
    with pytest.raises(InvalidArgumentError) as caught:
        call(mock_client(api))  # type: ignore[operator]
    assert str(caught.value).endswith("; not sent")
    assert LONG[:100] not in str(caught.value)
    assert api.requests == []


@pytest.mark.parametrize(
    "request_model",
    [
        m.UpdateOAuthClientRequest(access_token_ttl_seconds=math.nan),  # type: ignore[arg-type]
        m.UpdateOAuthClientRequest(access_token_ttl_seconds=math.inf),  # type: ignore[arg-type]
        m.UpdateOAuthClientRequest(client_name=b"bytes"),  # type: ignore[arg-type]
        m.UpdateOAuthClientRequest(contacts={"a@example.com"}),  # type: ignore[arg-type]
    ],
    ids=["nan", "inf", "bytes", "set"],
)
def test_a_value_json_cannot_hold_is_an_invalid_argument(
    request_model: m.UpdateOAuthClientRequest,
) -> None:
    api = MockAPI()
    with pytest.raises(InvalidArgumentError) as caught:
        mock_client(api).oauth.update_oauth_client(DEP, SLUG, CLIENT_ID, request_model)
    assert caught.value.argument == "request"
    assert str(caught.value).endswith("; not sent")
    assert api.requests == []


def test_a_call_after_close_is_a_client_closed_error() -> None:
    client = WachtClient(api_key=API_KEY, base_url="http://127.0.0.1:9")
    copy = client.with_options(max_retries=0)
    client.close()
    for closed in (client, copy):
        with pytest.raises(errors.ClientClosedError) as caught:
            closed.oauth.list_oauth_apps(DEP)
        assert isinstance(caught.value, WachtError) and isinstance(caught.value, RuntimeError)
        assert "closed" in str(caught.value)


def test_a_call_through_a_closed_http_client_is_a_client_closed_error() -> None:
    http = httpx.Client(transport=httpx.MockTransport(MockAPI()))
    client = WachtClient(api_key=API_KEY, base_url="http://wacht.test", http_client=http)
    http.close()
    with pytest.raises(errors.ClientClosedError):
        client.oauth.list_oauth_apps(DEP)
