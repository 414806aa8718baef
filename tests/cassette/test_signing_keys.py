"""Signing keys, replayed from tests/cassettes/test_signing_keys/ (record with `make record`)."""

from __future__ import annotations

import pytest

from wacht_oauth_client import models as m

from .recording import DEPLOYMENT, Wacht, app_request

pytestmark = pytest.mark.vcr
SLUG = "mcp-auth"


def test_list_rotate_and_compromise_signing_keys(wacht: Wacht) -> None:
    oauth = wacht.client.oauth
    oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    (initial,) = oauth.list_signing_keys(DEPLOYMENT, SLUG)  # provisioned with the app
    assert (initial.algorithm, initial.status) == ("RS256", m.SigningKeyStatus.ACTIVE)
    assert initial.public_key_pem.startswith("-----BEGIN PUBLIC KEY-----")

    new = oauth.rotate_signing_key(DEPLOYMENT, SLUG)
    assert new.kid != initial.kid
    keys = {k.kid: k.status for k in oauth.list_signing_keys(DEPLOYMENT, SLUG)}
    assert keys == {new.kid: m.SigningKeyStatus.ACTIVE, initial.kid: m.SigningKeyStatus.RETIRED}

    assert oauth.compromise_signing_key(DEPLOYMENT, SLUG, initial.kid) is None
    # Compromised keys disappear from the list.
    assert [k.kid for k in oauth.list_signing_keys(DEPLOYMENT, SLUG)] == [new.kid]
