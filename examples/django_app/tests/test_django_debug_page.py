"""Django's debug 500 page prints every local's repr: no secret and no API key may show up.

The view below holds what a real view would: the shared `WachtClient`, a freshly created
`OAuthClient` (with its `client_secret`) and a `RotateOAuthClientSecretResponse`, then fails
inside the SDK. It runs against the bundled emulator on a local port, so the secrets are real
`oc_secret_...` values (nothing scrubbed).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.views.debug import technical_500_response

from wacht_oauth_client import NotFoundError
from wacht_oauth_client.contrib.django import get_client
from wacht_oauth_client.models import (
    CreateOAuthAppRequest,
    CreateOAuthClientRequest,
    OAuthClient,
    RotateOAuthClientSecretResponse,
)
from wacht_oauth_client.testing import Emulator, run_emulator

API_KEY = "wacht_live_sk_debugpage_0123456789abcdef"
DEP = "dep_123"


@pytest.fixture
def live_wacht(settings: Any) -> Iterator[None]:
    with run_emulator(Emulator(seed=7, api_keys=[API_KEY])) as url:
        settings.WACHT = {"API_KEY": API_KEY, "BASE_URL": url, "MAX_RETRIES": 0}
        yield


def view_that_fails(request: HttpRequest) -> HttpResponse:
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
    request.wacht_objects = (created, rotated)  # type: ignore[attr-defined]  # for the asserts
    wacht.oauth.list_oauth_clients(DEP, "no-such-app")  # raises NotFoundError inside the SDK
    return HttpResponse("unreachable")


def test_debug_page_shows_no_secret_and_no_api_key(live_wacht: None) -> None:
    request = RequestFactory().get("/apps/billing/clients/")
    with pytest.raises(NotFoundError):
        view_that_fails(request)
    exc_type, exc, tb = sys.exc_info()
    # pytest.raises leaves sys.exc_info empty after the block: re-raise to capture it.
    try:
        view_that_fails_again(request)
    except NotFoundError:
        exc_type, exc, tb = sys.exc_info()
    assert exc is not None
    created, rotated = request.wacht_objects  # type: ignore[attr-defined]
    assert isinstance(created, OAuthClient) and isinstance(rotated, RotateOAuthClientSecretResponse)
    secrets = [created.client_secret, rotated.client_secret]
    assert all(isinstance(s, str) and s.startswith("oc_secret_") for s in secrets)

    html = technical_500_response(request, exc_type, exc, tb).content.decode()

    # The locals are on the page (so the checks below look at real reprs)...
    assert "view_that_fails" in html and "rotated" in html
    assert created.client_id in html  # the public client_id is fine to show
    assert "WachtClient(base_url=" in html
    # ...but not the secrets or the key.
    for secret in secrets:
        assert secret not in html
    assert "oc_secret_" not in html
    assert API_KEY not in html
