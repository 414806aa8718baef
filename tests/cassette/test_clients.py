"""Clients and grants, replayed from tests/cassettes/test_clients/ (record with `make record`)."""

from __future__ import annotations

import pytest

from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator

from .recording import DEPLOYMENT, Wacht, app_request, client_request

pytestmark = pytest.mark.vcr
SLUG = "mcp-auth"


def test_client_lifecycle(wacht: Wacht) -> None:
    oauth = wacht.client.oauth
    oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    created = oauth.create_oauth_client(DEPLOYMENT, SLUG, client_request())
    assert created.client_id.startswith("oc_")
    assert created.client_auth_method == m.ClientAuthMethod.CLIENT_SECRET_BASIC
    assert created.redirect_uris == ["https://app.example.com/oauth/callback"]
    # The real secret when recording; the cassette only stores the redaction placeholder.
    assert isinstance(created.client_secret, str)
    assert created.client_secret.startswith("oc_secret_")

    assert [c.id for c in oauth.list_oauth_clients(DEPLOYMENT, SLUG)] == [created.id]

    updated = oauth.update_oauth_client(
        DEPLOYMENT,
        SLUG,
        created.id,
        m.UpdateOAuthClientRequest(client_name="Renamed app", access_token_ttl_seconds=600),
    )
    assert (updated.client_name, updated.access_token_ttl_seconds) == ("Renamed app", 600)
    assert isinstance(updated.client_secret, m.Unset)  # update never returns the secret

    rotated = oauth.rotate_oauth_client_secret(DEPLOYMENT, SLUG, created.id)
    assert rotated.client_secret.startswith("oc_secret_")

    assert oauth.deactivate_oauth_client(DEPLOYMENT, SLUG, created.id) is None
    (listed,) = oauth.list_oauth_clients(DEPLOYMENT, SLUG)
    assert (listed.id, listed.is_active) == (created.id, False)  # soft delete


def test_list_and_revoke_grants(wacht: Wacht) -> None:
    oauth = wacht.client.oauth
    oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))
    client = oauth.create_oauth_client(DEPLOYMENT, SLUG, client_request())

    def add_grants(emu: Emulator) -> None:  # grants come from the consent flow, not this API
        for user in ("1", "2"):
            emu.add_grant(
                DEPLOYMENT,
                SLUG,
                client.id,
                scopes=["mcp:invoke"],
                resource=f"urn:wacht:user:{user}",
            )

    wacht.setup(add_grants)

    grants = oauth.list_oauth_grants(DEPLOYMENT, SLUG, client.id)
    assert sorted(g.resource for g in grants) == ["urn:wacht:user:1", "urn:wacht:user:2"]
    assert {g.status for g in grants} == {m.GrantStatus.ACTIVE}

    first = grants[0]
    assert oauth.revoke_oauth_grant(DEPLOYMENT, SLUG, client.id, first.id) is None

    after = {g.id: g for g in oauth.list_oauth_grants(DEPLOYMENT, SLUG, client.id)}
    assert after[first.id].status == m.GrantStatus.REVOKED
    assert after[first.id].revoked_at is not None
    assert after[grants[1].id].status == m.GrantStatus.ACTIVE
