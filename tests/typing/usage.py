"""How a user calls the SDK, checked by `mypy --strict` (tests/typing/test_public_types.py).

Never executed: it only has to type-check. Each `reveal_type` is compared with the documented
model type, so a result that degrades to `Any` or to a union with `Unset` fails the test.
"""

from __future__ import annotations

from typing import reveal_type

from wacht_oauth_client import NotFoundError, RateLimitError, WachtClient
from wacht_oauth_client.models import (
    CreateOAuthAppRequest,
    CreateOAuthClientRequest,
    SetOAuthScopeMappingRequest,
    UpdateOAuthAppRequest,
    UpdateOAuthClientRequest,
    UpdateOAuthScopeRequest,
)

DEP = "dep_123"


def walkthrough(client: WachtClient) -> None:
    oauth = client.oauth

    # apps
    reveal_type(oauth.list_oauth_apps(DEP))  # R: list_oauth_apps
    app = oauth.create_oauth_app(DEP, CreateOAuthAppRequest(slug="billing", name="Billing"))
    reveal_type(app)  # R: create_oauth_app
    reveal_type(app.slug)  # R: OAuthApp.slug
    app_update = UpdateOAuthAppRequest(name="Billing 2")
    reveal_type(oauth.update_oauth_app(DEP, app.slug, app_update))  # R: update_oauth_app
    reveal_type(oauth.verify_oauth_app_domain(DEP, app.slug))  # R: verify_oauth_app_domain

    # scopes
    scope_update = UpdateOAuthScopeRequest(display_name="Read", description="Read invoices")
    scoped = oauth.update_oauth_scope(DEP, app.slug, "read", scope_update)
    reveal_type(scoped)  # R: update_oauth_scope
    reveal_type(oauth.archive_oauth_scope(DEP, app.slug, "read"))  # R: archive_oauth_scope
    reveal_type(oauth.unarchive_oauth_scope(DEP, app.slug, "read"))  # R: unarchive_oauth_scope
    mapping = SetOAuthScopeMappingRequest(category="personal")
    mapped = oauth.set_oauth_scope_mapping(DEP, app.slug, "read", mapping)
    reveal_type(mapped)  # R: set_oauth_scope_mapping

    # clients
    reveal_type(oauth.list_oauth_clients(DEP, app.slug))  # R: list_oauth_clients
    created = oauth.create_oauth_client(
        DEP,
        app.slug,
        CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code"],
            redirect_uris=["https://app.example.com/callback"],
        ),
    )
    reveal_type(created)  # R: create_oauth_client
    reveal_type(created.id)  # R: OAuthClient.id
    update = UpdateOAuthClientRequest(client_name="Billing web")
    updated = oauth.update_oauth_client(DEP, app.slug, created.id, update)
    reveal_type(updated)  # R: update_oauth_client
    rotated = oauth.rotate_oauth_client_secret(DEP, app.slug, created.id)
    reveal_type(rotated)  # R: rotate_oauth_client_secret
    reveal_type(rotated.client_secret)  # R: RotateOAuthClientSecretResponse.client_secret
    reveal_type(oauth.deactivate_oauth_client)  # R: deactivate_oauth_client

    # grants
    grants = oauth.list_oauth_grants(DEP, app.slug, created.id)
    reveal_type(grants)  # R: list_oauth_grants
    reveal_type(oauth.revoke_oauth_grant)  # R: revoke_oauth_grant

    # signing keys
    reveal_type(oauth.list_signing_keys(DEP, app.slug))  # R: list_signing_keys
    key = oauth.rotate_signing_key(DEP, app.slug)
    reveal_type(key)  # R: rotate_signing_key
    reveal_type(oauth.compromise_signing_key)  # R: compromise_signing_key

    # the None-returning calls, used as statements
    oauth.deactivate_oauth_client(DEP, app.slug, created.id)
    for grant in grants:
        oauth.revoke_oauth_grant(DEP, app.slug, created.id, grant.id)
    oauth.compromise_signing_key(DEP, app.slug, key.kid)

    # raw responses, per-call options and errors
    raw = oauth.with_raw_response.list_oauth_apps(DEP)
    reveal_type(raw.parsed)  # R: with_raw_response.list_oauth_apps
    reveal_type(raw.status_code)  # R: RawResponse.status_code
    reveal_type(client.with_options(timeout=5, max_retries=0))  # R: with_options
    try:
        oauth.list_oauth_clients(DEP, "missing")
    except NotFoundError as exc:
        reveal_type(exc.status_code)  # R: NotFoundError.status_code
        reveal_type(exc.message)  # R: NotFoundError.message
    except RateLimitError as exc:
        reveal_type(exc.retry_after)  # R: RateLimitError.retry_after


def configured() -> WachtClient:
    with WachtClient(api_key="wacht_test_sk_x", base_url="http://127.0.0.1:8787") as client:
        return client


def key_scoped(client: WachtClient) -> None:
    """The deployment handle: the same methods without `deployment_id`, on either surface."""
    oauth = client.deployment().oauth  # the key-scoped backend API (/oauth/apps…)
    reveal_type(client.deployment("dep_123"))  # R: deployment
    reveal_type(oauth.list_oauth_apps())  # R: h.list_oauth_apps
    app = oauth.create_oauth_app(CreateOAuthAppRequest(slug="billing", name="Billing"))
    reveal_type(app)  # R: h.create_oauth_app
    reveal_type(oauth.update_oauth_app(app.slug, UpdateOAuthAppRequest()))  # R: h.update_oauth_app
    reveal_type(oauth.verify_oauth_app_domain(app.slug))  # R: h.verify_oauth_app_domain
    scope_update = UpdateOAuthScopeRequest(display_name="Read")
    reveal_type(oauth.update_oauth_scope(app.slug, "read", scope_update))  # R: h.update_oauth_scope
    reveal_type(oauth.archive_oauth_scope(app.slug, "read"))  # R: h.archive_oauth_scope
    reveal_type(oauth.unarchive_oauth_scope(app.slug, "read"))  # R: h.unarchive_oauth_scope
    mapping = SetOAuthScopeMappingRequest(category="personal")
    mapped = oauth.set_oauth_scope_mapping(app.slug, "read", mapping)
    reveal_type(mapped)  # R: h.set_oauth_scope_mapping
    reveal_type(oauth.list_oauth_clients(app.slug))  # R: h.list_oauth_clients
    created = oauth.create_oauth_client(
        app.slug,
        CreateOAuthClientRequest(client_auth_method="none", grant_types=["authorization_code"]),
    )
    reveal_type(created)  # R: h.create_oauth_client
    update = UpdateOAuthClientRequest(client_name=None)  # None: not sent
    reveal_type(oauth.update_oauth_client(app.slug, created.id, update))  # R: h.update_oauth_client
    reveal_type(oauth.deactivate_oauth_client)  # R: h.deactivate_oauth_client
    rotated = oauth.rotate_oauth_client_secret(app.slug, created.id)
    reveal_type(rotated)  # R: h.rotate_oauth_client_secret
    reveal_type(oauth.list_oauth_grants(app.slug, created.id))  # R: h.list_oauth_grants
    reveal_type(oauth.revoke_oauth_grant)  # R: h.revoke_oauth_grant
    reveal_type(oauth.list_signing_keys(app.slug))  # R: h.list_signing_keys
    reveal_type(oauth.rotate_signing_key(app.slug))  # R: h.rotate_signing_key
    reveal_type(oauth.compromise_signing_key)  # R: h.compromise_signing_key
    raw = client.deployment("dep_123").oauth.with_raw_response.list_oauth_grants(app.slug, "1")
    reveal_type(raw)  # R: h.with_raw_response.list_oauth_grants
    guide_raw = client.oauth.with_raw_response.rotate_signing_key
    reveal_type(guide_raw)  # R: with_raw_response.rotate_signing_key
