"""`None` in request models, as mypy sees it (tests/typing/test_public_types.py).

Optional fields default to UNSET (not sent). A field the API accepts as null also takes None,
which the SDK does not send either; a field the API rejects null for does not take None.
Never executed: each line marked `E: <field>` must be a mypy error, and no other line may be one.
"""

from __future__ import annotations

from wacht_oauth_client.models import (
    UNSET,
    CreateOAuthClientRequest,
    UpdateOAuthAppRequest,
    UpdateOAuthClientRequest,
)

accepted = [
    CreateOAuthClientRequest("none", ["authorization_code"], client_name=None, jwks=None),
    CreateOAuthClientRequest("none", ["authorization_code"], redirect_uris=UNSET),
    UpdateOAuthClientRequest(redirect_uris=None, access_token_ttl_seconds=None),
    UpdateOAuthAppRequest(name=None, scope_definitions=None),
]
rejected = [
    CreateOAuthClientRequest("none", ["x"], redirect_uris=None),  # E: redirect_uris
    CreateOAuthClientRequest("none", ["x"], post_logout_redirect_uris=None),  # E: post_logout
]
