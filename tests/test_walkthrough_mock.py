"""The guide's walk-through (oauth-apps-guide.txt) in Python, checked request by request.

Every request is compared with §2 (method, path) and §4 (body fields and values) of the reference.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import httpx
from _wire_fixtures import (
    API_KEY,
    APP,
    CLIENT,
    CLIENT_RECORD_ID,
    GRANT,
    GRANT_ID,
    Recorder,
    body,
    json_response,
    make_client,
    parse_multipart,
)

from wacht_oauth_client import models as m

DEP = "dep_123"
NEW_SECRET = "oc_secret_" + "n" * 43
FIRST_SECRET = "oc_secret_" + "f" * 43


def _server() -> Callable[[httpx.Request], httpx.Response]:
    """Answers each route of §2 the guide uses with a body shaped like §6."""
    app = body(APP)
    app["supported_scopes"] = ["mcp:invoke"]
    app["scope_definitions"] = [
        {
            "scope": "mcp:invoke",
            "display_name": "mcp:invoke",
            "description": "Allows mcp:invoke access",
            "archived": False,
            "category": "",
            "organization_permission": None,
            "workspace_permission": None,
        }
    ]
    created_client = {**body(CLIENT), "client_secret": FIRST_SECRET}
    older_grant = {**body(GRANT), "id": "17", "granted_at": "2026-05-01T00:00:00Z"}
    routes: list[tuple[str, str, Callable[[], httpx.Response]]] = [
        ("POST", r"/oauth/apps", lambda: json_response(200, app)),
        ("POST", r"/oauth/apps/[^/]+/clients", lambda: json_response(200, created_client)),
        (
            "POST",
            r"/oauth/apps/[^/]+/clients/\d+/rotate-secret",
            lambda: json_response(200, {"client_secret": NEW_SECRET}),
        ),
        ("PATCH", r"/oauth/apps/[^/]+/scopes/[^/]+", lambda: json_response(200, app)),
        ("POST", r"/oauth/apps/[^/]+/scopes/[^/]+/mapping", lambda: json_response(200, app)),
        (
            "GET",
            r"/oauth/apps/[^/]+/clients/\d+/grants",
            lambda: json_response(200, {"grants": [body(GRANT), older_grant]}),
        ),
        (
            "POST",
            r"/oauth/apps/[^/]+/clients/\d+/grants/\d+/revoke",
            lambda: json_response(200, {}),
        ),
    ]

    def route(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode()
        assert path.startswith(f"/deployments/{DEP}/"), path
        backend_path = path.removeprefix(f"/deployments/{DEP}")
        for method, pattern, answer in routes:
            if request.method == method and re.fullmatch(pattern, backend_path):
                return answer()
        return json_response(404, {"errors": [{"message": "Not found", "code": 404}]})

    return route


def test_guide_walkthrough_sends_exactly_the_reference_requests() -> None:
    recorder = Recorder(route=_server())
    client = make_client(recorder, max_retries=0)

    # -- the walk-through, as a user would write it --------------------------------------------
    app = client.oauth.create_oauth_app(
        "dep_123",
        m.CreateOAuthAppRequest(
            slug="mcp-auth",
            name="MCP Auth App",
            description="OAuth provider for MCP access",
            fqdn="auth.example.com",
            supported_scopes=["mcp:invoke"],
            scope_definitions=None,
            allow_dynamic_client_registration=False,
            logo_file=None,
            logo_filename=None,
        ),
    )
    oauth_client = client.oauth.create_oauth_client(
        "dep_123",
        "mcp-auth",
        m.CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code", "refresh_token"],
            redirect_uris=["https://app.example.com/oauth/callback"],
            token_endpoint_auth_signing_alg=None,
            jwks_uri=None,
            jwks=None,
            public_key_pem=None,
        ),
    )
    rotated = client.oauth.rotate_oauth_client_secret("dep_123", "mcp-auth", oauth_client.id)
    client.oauth.update_oauth_scope(
        "dep_123",
        "mcp-auth",
        "mcp:invoke",
        m.UpdateOAuthScopeRequest(
            display_name="Invoke MCP Tools", description="Allows MCP tool execution"
        ),
    )
    client.oauth.set_oauth_scope_mapping(
        "dep_123",
        "mcp-auth",
        "mcp:invoke",
        m.SetOAuthScopeMappingRequest(
            category="workspace",
            organization_permission=None,
            workspace_permission="workspace:mcp:invoke",
        ),
    )
    grants = client.oauth.list_oauth_grants("dep_123", "mcp-auth", oauth_client.id)
    if grants:
        first = grants[0]
        client.oauth.revoke_oauth_grant("dep_123", "mcp-auth", oauth_client.id, first.id)

    # -- what came back --------------------------------------------------------------------------
    assert isinstance(app, m.OAuthApp) and app.slug == "mcp-auth"
    assert isinstance(oauth_client, m.OAuthClient)
    assert oauth_client.id == CLIENT_RECORD_ID  # the numeric record id, not client_id oc_...
    assert oauth_client.client_secret == FIRST_SECRET
    assert rotated.client_secret == NEW_SECRET
    assert [g.id for g in grants] == [GRANT_ID, "17"]

    # -- what went out, request by request --------------------------------------------------------
    sent = recorder.requests
    base = "/deployments/dep_123/oauth/apps"
    client_path = f"{base}/mcp-auth/clients/{CLIENT_RECORD_ID}"
    assert [(r.method, r.url.raw_path.decode()) for r in sent] == [
        ("POST", base),
        ("POST", f"{base}/mcp-auth/clients"),
        ("POST", f"{client_path}/rotate-secret"),
        ("PATCH", f"{base}/mcp-auth/scopes/mcp%3Ainvoke"),
        ("POST", f"{base}/mcp-auth/scopes/mcp%3Ainvoke/mapping"),
        ("GET", f"{client_path}/grants"),
        ("POST", f"{client_path}/grants/{GRANT_ID}/revoke"),
    ]
    # Decoded, the paths are exactly the §2 templates with the guide's values.
    assert [r.url.path for r in sent][3:5] == [
        f"{base}/mcp-auth/scopes/mcp:invoke",
        f"{base}/mcp-auth/scopes/mcp:invoke/mapping",
    ]
    for request in sent:
        assert str(request.url).startswith("https://api.wacht.dev/deployments/dep_123/oauth/apps")
        assert request.headers["authorization"] == f"Bearer {API_KEY}"
        assert request.url.query == b""

    create_app, create_client, rotate, update_scope, mapping, list_grants, revoke = sent

    # §4.1: multipart form; the SDK's form sends only the fields that are set.
    assert create_app.headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = parse_multipart(create_app)
    assert all(p.filename is None for p in parts)  # text fields only: no logo was given
    assert {p.name: p.content.decode() for p in parts} == {
        "slug": "mcp-auth",
        "name": "MCP Auth App",
        "description": "OAuth provider for MCP access",
        "fqdn": "auth.example.com",
        "supported_scopes": "mcp:invoke",
        "allow_dynamic_client_registration": "false",
    }

    # §4.6: JSON with exactly the guide's fields (None fields are not sent).
    assert create_client.headers["content-type"] == "application/json"
    assert json.loads(create_client.content) == {
        "client_auth_method": "client_secret_basic",
        "grant_types": ["authorization_code", "refresh_token"],
        "redirect_uris": ["https://app.example.com/oauth/callback"],
    }

    # §4.3 and §4.5.
    assert update_scope.headers["content-type"] == "application/json"
    assert json.loads(update_scope.content) == {
        "display_name": "Invoke MCP Tools",
        "description": "Allows MCP tool execution",
    }
    assert mapping.headers["content-type"] == "application/json"
    assert json.loads(mapping.content) == {
        "category": "workspace",
        "workspace_permission": "workspace:mcp:invoke",
    }

    # Rotate, list and revoke take no body.
    for request in (rotate, list_grants, revoke):
        assert request.content == b"" and "content-type" not in request.headers


def test_guide_walkthrough_with_no_grants_revokes_nothing() -> None:
    answers = [json_response(200, {"grants": []})]
    recorder = Recorder(answers)
    client = make_client(recorder)
    grants = client.oauth.list_oauth_grants("dep_123", "mcp-auth", CLIENT_RECORD_ID)
    if grants:
        client.oauth.revoke_oauth_grant("dep_123", "mcp-auth", CLIENT_RECORD_ID, grants[0].id)
    assert grants == []
    assert [r.method for r in recorder.requests] == ["GET"]
