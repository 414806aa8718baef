"""Error paths, replayed from tests/cassettes/test_errors/ (record with `make record`).

Each asserts the typed error and the server's exact message (from the `{"errors":[...]}`
envelope), so a change in what the server says or how the SDK maps it fails here.
"""

from __future__ import annotations

import attrs
import pytest

from wacht_oauth_client import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
)
from wacht_oauth_client import models as m

from .recording import DEPLOYMENT, Wacht, app_request, client_request

pytestmark = pytest.mark.vcr
SLUG = "mcp-auth"


def test_unknown_app_is_404(wacht: Wacht) -> None:
    with pytest.raises(NotFoundError) as caught:
        wacht.client.oauth.list_oauth_clients(DEPLOYMENT, "no-such-app")

    assert caught.value.status_code == 404
    assert caught.value.message == "OAuth app not found"
    assert caught.value.errors == [{"message": "OAuth app not found", "code": 404}]


def test_unknown_client_is_404(wacht: Wacht) -> None:
    wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    with pytest.raises(NotFoundError) as caught:
        wacht.client.oauth.rotate_oauth_client_secret(DEPLOYMENT, SLUG, "4242")

    assert caught.value.message == "OAuth client not found"


def test_deactivated_client_cannot_be_deactivated_again(wacht: Wacht) -> None:
    oauth = wacht.client.oauth
    oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))
    client = oauth.create_oauth_client(DEPLOYMENT, SLUG, client_request())
    oauth.deactivate_oauth_client(DEPLOYMENT, SLUG, client.id)

    with pytest.raises(NotFoundError) as caught:
        oauth.deactivate_oauth_client(DEPLOYMENT, SLUG, client.id)

    assert caught.value.message == "OAuth client not found or already inactive"


def test_invalid_redirect_uri_is_400_with_the_server_message(wacht: Wacht) -> None:
    wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))
    request = attrs.evolve(client_request(), redirect_uris=["ftp://files.example.com/callback"])

    with pytest.raises(BadRequestError) as caught:
        wacht.client.oauth.create_oauth_client(DEPLOYMENT, SLUG, request)

    assert caught.value.status_code == 400
    assert caught.value.message == "redirect_uris must use http or https"


def test_unconfigured_b2b_permission_is_400(wacht: Wacht) -> None:
    wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    with pytest.raises(BadRequestError) as caught:
        wacht.client.oauth.set_oauth_scope_mapping(
            DEPLOYMENT,
            SLUG,
            "mcp:invoke",
            m.SetOAuthScopeMappingRequest(category="organization", organization_permission="org:x"),
        )

    assert caught.value.message == (
        "organization permission 'org:x' is not configured in deployment B2B settings"
    )


def test_duplicate_slug_is_409(wacht: Wacht) -> None:
    wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    with pytest.raises(ConflictError) as caught:
        wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    assert caught.value.status_code == 409
    assert caught.value.message == "Resource already exists"


def test_rejected_api_key_is_401(wacht: Wacht) -> None:
    with (
        wacht.client_with_key("wacht_test_sk_revoked_key") as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.oauth.list_oauth_apps(DEPLOYMENT)

    assert caught.value.status_code == 401
    assert caught.value.message == "Authentication failed"
