"""Per-call options (`with_options`) and raw responses (`with_raw_response`)."""

from __future__ import annotations

import httpx
import pytest

from wacht_oauth_client import WachtClient, _transport
from wacht_oauth_client import models as m

from ._support import API_KEY, CLIENT_ID, DEP, OPS_BY_NAME, SLUG, MockAPI, html, mock_client


def test_extra_headers_reach_the_wire_only_on_the_copy() -> None:
    api = MockAPI()
    client = mock_client(api)
    traced = client.with_options(extra_headers={"X-Request-Id": "req-1", "X-Trace": "t"})
    traced.oauth.list_oauth_apps(DEP)
    client.oauth.list_oauth_apps(DEP)
    first, second = api.requests
    assert first.headers["X-Request-Id"] == "req-1" and first.headers["X-Trace"] == "t"
    assert "X-Request-Id" not in second.headers
    for request in (first, second):
        assert request.headers["Authorization"] == f"Bearer {API_KEY}"
        assert request.headers["User-Agent"].startswith("wacht-oauth-client/")
        assert request.headers["Accept"] == "application/json"


def test_extra_headers_merge_across_copies_and_cannot_replace_the_api_key() -> None:
    api = MockAPI()
    client = mock_client(api)
    copy = client.with_options(extra_headers={"X-A": "1"}).with_options(
        extra_headers={"X-B": "2", "Authorization": "Bearer someone-else"}
    )
    copy.oauth.create_oauth_client(
        DEP,
        SLUG,
        m.CreateOAuthClientRequest(
            client_auth_method="none",
            grant_types=["authorization_code"],
            redirect_uris=["https://example.com/cb"],
        ),
    )
    request = api.requests[-1]
    assert request.headers["X-A"] == "1" and request.headers["X-B"] == "2"
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.headers["Content-Type"] == "application/json"


def test_with_options_leaves_the_original_unchanged() -> None:
    api = MockAPI()
    client = mock_client(api, timeout=12, max_retries=1, max_retry_wait=5)
    before = client._options
    copy = client.with_options(
        timeout=3, max_retries=0, extra_headers={"X-A": "1"}, max_retry_wait=100
    )
    assert client._options is before
    assert client._options == _transport.CallOptions(
        timeout=httpx.Timeout(12.0, connect=5.0), max_retries=1, max_retry_wait=5.0
    )
    assert copy._options == _transport.CallOptions(
        timeout=httpx.Timeout(3.0), max_retries=0, max_retry_wait=100.0, extra_headers={"X-A": "1"}
    )
    assert copy.oauth is not client.oauth and copy.oauth._client is copy
    assert copy._http is client._http  # the same pool
    # an option not given is inherited
    assert client.with_options(extra_headers={"X-B": "2"})._options.max_retries == 1


def test_closing_a_copy_does_not_close_the_shared_pool() -> None:
    client = WachtClient(api_key=API_KEY, base_url="http://127.0.0.1:9")
    copy = client.with_options(timeout=1)
    with copy:
        pass
    copy.close()
    assert not client._http.is_closed
    client.close()
    assert client._http.is_closed


def test_a_users_http_client_is_never_closed_by_us() -> None:
    http = httpx.Client(transport=httpx.MockTransport(MockAPI()))
    with WachtClient(api_key=API_KEY, base_url="http://x", http_client=http) as client:
        client.oauth.list_oauth_apps(DEP)
    assert not http.is_closed
    http.close()


# -- raw responses --------------------------------------------------------------------------------


def test_raw_response_of_a_list() -> None:
    api = MockAPI()
    raw = mock_client(api).oauth.with_raw_response.list_oauth_apps(DEP)
    assert raw.status_code == 200
    assert raw.headers["content-type"] == "application/json"
    assert [app.slug for app in raw.parsed] == [SLUG]
    assert isinstance(raw.parsed[0], m.OAuthApp)
    assert raw.http_response.request.method == "GET"


def test_raw_response_of_a_204() -> None:
    api = MockAPI()
    raw = mock_client(api).oauth.with_raw_response.deactivate_oauth_client(DEP, SLUG, CLIENT_ID)
    assert raw.status_code == 204
    assert raw.parsed is None
    assert raw.http_response.request.method == "DELETE"
    assert repr(raw) == "RawResponse(status_code=204, parsed=None)"
    raw = mock_client(api).oauth.with_raw_response.compromise_signing_key(DEP, SLUG, "kid_1")
    assert raw.status_code == 204 and raw.parsed is None


def test_raw_response_of_a_create_and_a_rotation() -> None:
    api = MockAPI()
    client = mock_client(api)
    created = OPS_BY_NAME["create_oauth_client"].call(client)
    raw = client.oauth.with_raw_response.rotate_oauth_client_secret(DEP, SLUG, CLIENT_ID)
    assert raw.status_code == 200
    assert isinstance(raw.parsed, m.RotateOAuthClientSecretResponse)
    assert raw.parsed.client_secret.startswith("oc_secret_")
    assert isinstance(created, m.OAuthClient)


def test_raw_response_of_update_app_is_the_patch_not_the_read() -> None:
    api = MockAPI()
    raw = mock_client(api).oauth.with_raw_response.update_oauth_app(
        DEP, SLUG, m.UpdateOAuthAppRequest(name="New")
    )
    assert api.operations == ["list_oauth_apps", "update_oauth_app"]
    assert raw.http_response.request.method == "PATCH"
    assert isinstance(raw.parsed, m.OAuthApp)


def test_raw_response_after_a_retry_is_the_final_response(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_transport, "sleep", lambda seconds: None)
    api = MockAPI()
    api.queue("list_signing_keys", html(503))
    raw = mock_client(api).oauth.with_raw_response.list_signing_keys(DEP, SLUG)
    assert raw.status_code == 200 and len(raw.parsed) == 1
    assert api.count("list_signing_keys") == 2


def test_raw_response_with_per_call_options() -> None:
    api = MockAPI()
    client = mock_client(api)
    raw = client.with_options(extra_headers={"X-A": "1"}).oauth.with_raw_response.list_oauth_apps(
        DEP
    )
    assert raw.http_response.request.headers["X-A"] == "1"
    assert raw.status_code == 200


def test_every_method_has_a_raw_variant() -> None:
    api = MockAPI()
    client = mock_client(api)
    for op in OPS_BY_NAME.values():
        assert callable(getattr(client.oauth.with_raw_response, op.name))
    assert len(OPS_BY_NAME) == 18
