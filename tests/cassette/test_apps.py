"""Apps and scopes, replayed from tests/cassettes/test_apps/ (record with `make record`)."""

from __future__ import annotations

import pytest

from wacht_oauth_client import models as m

from .recording import DEPLOYMENT, Wacht, app_request

pytestmark = pytest.mark.vcr
SLUG = "mcp-auth"


def test_create_app_with_logo_then_list_apps(wacht: Wacht) -> None:
    app = wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    assert app.slug == SLUG
    assert app.name == "MCP Auth App"
    assert app.description == "OAuth provider for MCP access"
    assert (
        app.logo_url
        == f"https://cdn.wacht.services/deployments/{DEPLOYMENT}/oauth-apps/{SLUG}/logo.png"
    )
    assert app.fqdn.endswith(".oapi.trywacht.xyz")  # non-production: the fqdn is generated
    assert app.supported_scopes == ["mcp:invoke", "mcp:read"]
    invoke, read = app.scope_definitions
    assert (invoke.display_name, invoke.description) == (
        "Invoke MCP tools",
        "Allows MCP tool execution",
    )
    # A scope without a definition gets the server's defaults.
    assert (read.display_name, read.description) == ("mcp:read", "Allows mcp:read access")
    assert app.is_active is True

    apps = wacht.client.oauth.list_oauth_apps(DEPLOYMENT)
    assert [a.id for a in apps] == [app.id]


def test_update_app_keeps_scope_definitions(wacht: Wacht) -> None:
    created = wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    # The facade re-sends the current definitions (one list call, then the PATCH).
    updated = wacht.client.oauth.update_oauth_app(
        DEPLOYMENT, SLUG, m.UpdateOAuthAppRequest(name="Renamed", is_active=False)
    )

    assert updated.id == created.id
    assert updated.name == "Renamed"
    assert updated.is_active is False
    assert updated.scope_definitions[0].display_name == "Invoke MCP tools"


def test_verify_app_domain(wacht: Wacht) -> None:
    app = wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))

    verification = wacht.client.oauth.verify_oauth_app_domain(DEPLOYMENT, SLUG)

    assert verification.domain == app.fqdn
    assert verification.cname_target == "oauth.wacht.services"
    assert verification.verified is False


def test_update_archive_and_unarchive_scope(wacht: Wacht) -> None:
    wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))
    oauth = wacht.client.oauth

    app = oauth.update_oauth_scope(
        DEPLOYMENT,
        SLUG,
        "mcp:read",
        m.UpdateOAuthScopeRequest(display_name="Read MCP", description="Allows reading MCP data"),
    )
    read = next(d for d in app.scope_definitions if d.scope == "mcp:read")
    assert (read.display_name, read.description) == ("Read MCP", "Allows reading MCP data")

    archived = oauth.archive_oauth_scope(DEPLOYMENT, SLUG, "mcp:read")
    assert [d.archived for d in archived.scope_definitions] == [False, True]

    unarchived = oauth.unarchive_oauth_scope(DEPLOYMENT, SLUG, "mcp:read")
    assert [d.archived for d in unarchived.scope_definitions] == [False, False]


def test_set_scope_mapping(wacht: Wacht) -> None:
    wacht.client.oauth.create_oauth_app(DEPLOYMENT, app_request(SLUG))
    wacht.setup(lambda emu: emu.set_b2b_permissions(DEPLOYMENT, workspace=["workspace:mcp:invoke"]))

    app = wacht.client.oauth.set_oauth_scope_mapping(
        DEPLOYMENT,
        SLUG,
        "mcp:invoke",
        m.SetOAuthScopeMappingRequest(
            category="workspace", workspace_permission="workspace:mcp:invoke"
        ),
    )

    invoke = app.scope_definitions[0]
    assert invoke.category == m.ScopeCategory.WORKSPACE
    assert invoke.workspace_permission == "workspace:mcp:invoke"
    assert invoke.organization_permission is None
