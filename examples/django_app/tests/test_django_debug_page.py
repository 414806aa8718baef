"""Django's debug 500 page prints every local's repr: no secret and no API key may show up.

The views below hold what a real view would: the shared `WachtClient`, a freshly created
`OAuthClient` (with its `client_secret`) and a `RotateOAuthClientSecretResponse`. Then they
fail: inside the SDK, or with a plain bug in the view. Django's own handler renders the page
(DEBUG=True). They run against the bundled emulator on a local port, so the secrets are real
`oc_secret_...` values (nothing scrubbed, unlike in cassettes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from wacht_oauth_client.contrib.django import get_client
from wacht_oauth_client.models import (
    CreateOAuthAppRequest,
    CreateOAuthClientRequest,
    OAuthClient,
    RotateOAuthClientSecretResponse,
)
from wacht_oauth_client.testing import Emulator, Fault, run_emulator

API_KEY = "wacht_live_sk_debugpage_0123456789abcdef"
LOST_SECRET = "oc_secret_InTheResponseOfAFailedParse_0123456789abcdefgh"
DEP = "dep_123"
seen: dict[str, Any] = {}  # what the view held, for the assertions


def _create_and_rotate() -> tuple[Any, OAuthClient, RotateOAuthClientSecretResponse]:
    wacht = get_client()
    wacht.oauth.create_oauth_app(DEP, CreateOAuthAppRequest(slug="billing", name="Billing"))
    created = wacht.oauth.create_oauth_client(
        DEP,
        "billing",
        CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code"],
            redirect_uris=["https://app.example.com/callback"],
        ),
    )
    rotated = wacht.oauth.rotate_oauth_client_secret(DEP, "billing", created.id)
    seen.update(wacht=wacht, created=created, rotated=rotated)
    return wacht, created, rotated


def fails_inside_the_sdk(request: HttpRequest) -> HttpResponse:
    wacht, created, rotated = _create_and_rotate()
    wacht.oauth.list_oauth_clients(DEP, "no-such-app")  # NotFoundError, raised in the SDK
    return HttpResponse("unreachable")


def _next_create_fails_to_parse(created: OAuthClient) -> None:
    # A helper, so that the body (with its secret) is not a local of the view.
    body = {**created.to_dict(), "client_secret": LOST_SECRET, "created_at": "not-a-date"}
    seen["emulator"].inject_fault(
        "create_oauth_client", Fault.raw(200, json.dumps(body).encode(), "application/json")
    )


def fails_parsing_a_write(request: HttpRequest) -> HttpResponse:
    """The 200 of a create fails to parse: the error keeps the response (and its secret)."""
    wacht, created, rotated = _create_and_rotate()
    _next_create_fails_to_parse(created)
    wacht.oauth.create_oauth_client(
        DEP,
        "billing",
        CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code"],
            redirect_uris=["https://app.example.com/callback"],
        ),
    )
    return HttpResponse("unreachable")


def fails_in_the_view(request: HttpRequest) -> HttpResponse:
    wacht, created, rotated = _create_and_rotate()
    return HttpResponse(request.GET["missing"])  # a plain bug: KeyError


urlpatterns = [
    path("sdk-error/", fails_inside_the_sdk),
    path("view-error/", fails_in_the_view),
    path("write-error/", fails_parsing_a_write),
]


@pytest.fixture
def debug_site(settings: Any) -> Iterator[None]:
    seen.clear()
    settings.DEBUG = True
    settings.ROOT_URLCONF = __name__
    # No error middleware: the exception reaches Django's handler and its debug page.
    settings.MIDDLEWARE = []
    with run_emulator(Emulator(seed=7, api_keys=[API_KEY])) as url:
        seen["emulator"] = url.emulator
        settings.WACHT = {"API_KEY": API_KEY, "BASE_URL": url, "MAX_RETRIES": 0}
        yield


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("/sdk-error/", "NotFoundError"),
        ("/view-error/", "KeyError"),
        ("/write-error/", "APIResponseValidationError"),
    ],
)
def test_debug_page_shows_no_secret_and_no_api_key(debug_site: None, url: str, error: str) -> None:
    response = Client(raise_request_exception=False).get(url, HTTP_ACCEPT="text/html")

    assert response.status_code == 500
    html = response.content.decode()
    assert "<title>" in html and error in html  # Django's technical 500 page
    created, rotated = seen["created"], seen["rotated"]
    secrets = [created.client_secret, rotated.client_secret]
    assert all(isinstance(s, str) and s.startswith("oc_secret_") for s in secrets)
    # The view's locals are on the page (so the checks below look at real reprs)...
    assert "rotated" in html and "RotateOAuthClientSecretResponse(" in html
    assert created.client_id in html  # the public client_id is fine to show
    assert "WachtClient(base_url=" in html
    # ...but not the secrets or the key.
    for secret in [*secrets, LOST_SECRET]:
        assert secret not in html
    assert "oc_secret_" not in html
    assert API_KEY not in html
