"""The key-scoped backend API (`client.deployment().oauth`, root mount `/oauth/apps…`), replayed
from tests/cassettes/test_key_scoped/ (record with `make record`)."""

from __future__ import annotations

import pytest

from wacht_oauth_client import models as m

from .recording import DEPLOYMENT, Wacht, app_request, client_request

pytestmark = pytest.mark.vcr
SLUG = "mcp-auth"


def _typical_job(wacht: Wacht) -> None:
    """Create an app and a client, rotate its secret, list and revoke its grants."""
    oauth = wacht.client.deployment().oauth
    app = oauth.create_oauth_app(app_request(SLUG))
    assert [a.slug for a in oauth.list_oauth_apps()] == [app.slug]
    created = oauth.create_oauth_client(SLUG, client_request())
    rotated = oauth.rotate_oauth_client_secret(SLUG, created.id)
    assert rotated.client_secret.startswith("oc_secret_")
    wacht.setup(lambda emu: emu.add_grant(DEPLOYMENT, SLUG, created.id, scopes=["mcp:invoke"]))
    (grant,) = oauth.list_oauth_grants(SLUG, created.id)
    assert (grant.status, grant.scopes) == (m.GrantStatus.ACTIVE, ["mcp:invoke"])
    oauth.revoke_oauth_grant(SLUG, created.id, grant.id)
    assert oauth.list_oauth_grants(SLUG, created.id)[0].status == m.GrantStatus.REVOKED
    # The key's deployment is the one the guide's shape names in the path.
    assert [c.id for c in wacht.client.oauth.list_oauth_clients(DEPLOYMENT, SLUG)] == [created.id]


def test_typical_job_on_the_root_mount(wacht: Wacht) -> None:
    _typical_job(wacht)


@pytest.mark.emulator(data_envelope=True)
def test_typical_job_with_data_wrapped_bodies(wacht: Wacht) -> None:
    # Recorded from an emulator that wraps every success body as {"data": ...}.
    _typical_job(wacht)
