"""`update_oauth_app` does not wipe scope definitions (the server's PATCH quirk, §4.2).

The emulator reproduces the quirk: a PATCH without `scope_definitions` resets every definition
to its defaults (display name = scope, "Allows {scope} access", not archived, unmapped).
"""

from __future__ import annotations

import json

import pytest

from wacht_oauth_client import NotFoundError, WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator

from ._support import DEP, MockAPI, app_json, mock_client

SLUG = "docs-app"


def _definitions(app: m.OAuthApp) -> dict[str, dict[str, object]]:
    return {d.scope: d.to_dict() for d in app.scope_definitions}


@pytest.fixture
def curated(client: WachtClient, emu: Emulator) -> dict[str, dict[str, object]]:
    """An app whose definitions carry everything the quirk would lose; returns them."""
    emu.set_b2b_permissions(DEP, organization=["org:read"], workspace=["ws:write"])
    client.oauth.create_oauth_app(
        DEP,
        m.CreateOAuthAppRequest(
            slug=SLUG,
            name="Docs",
            supported_scopes=["read", "write", "admin"],
            scope_definitions=[
                m.OAuthScopeDefinition("read", "Read documents", "Lets the app read your docs"),
                m.OAuthScopeDefinition("write", "Write documents", "Lets the app edit your docs"),
                m.OAuthScopeDefinition("admin", "Administer", "Full control"),
            ],
        ),
    )
    client.oauth.update_oauth_scope(
        DEP, SLUG, "read", m.UpdateOAuthScopeRequest(description="Reads every document")
    )
    client.oauth.archive_oauth_scope(DEP, SLUG, "admin")
    client.oauth.set_oauth_scope_mapping(
        DEP,
        SLUG,
        "read",
        m.SetOAuthScopeMappingRequest("organization", organization_permission="org:read"),
    )
    app = client.oauth.set_oauth_scope_mapping(
        DEP,
        SLUG,
        "write",
        m.SetOAuthScopeMappingRequest("workspace", workspace_permission="ws:write"),
    )
    definitions = _definitions(app)
    assert definitions["read"] == {
        "scope": "read",
        "display_name": "Read documents",
        "description": "Reads every document",
        "archived": False,
        "category": "organization",
        "organization_permission": "org:read",
        "workspace_permission": None,
    }
    assert definitions["admin"]["archived"] is True
    assert definitions["write"]["workspace_permission"] == "ws:write"
    return definitions


def test_a_name_only_patch_keeps_every_definition(
    client: WachtClient, emu: Emulator, curated: dict[str, dict[str, object]]
) -> None:
    before = emu.call_counts
    app = client.oauth.update_oauth_app(DEP, SLUG, m.UpdateOAuthAppRequest(name="Docs v2"))
    assert app.name == "Docs v2"
    assert _definitions(app) == curated
    # ...and it is what the server stored, not just what it echoed
    stored = next(a for a in client.oauth.list_oauth_apps(DEP) if a.slug == SLUG)
    assert _definitions(stored) == curated
    counts = emu.call_counts
    assert counts["list_oauth_apps"] - before["list_oauth_apps"] == 2  # the SDK's read + ours
    assert counts["update_oauth_app"] - before["update_oauth_app"] == 1


def test_other_fields_keep_definitions_too(
    client: WachtClient, curated: dict[str, dict[str, object]]
) -> None:
    app = client.oauth.update_oauth_app(
        DEP,
        SLUG,
        m.UpdateOAuthAppRequest(
            description="New text", allow_dynamic_client_registration=True, is_active=False
        ),
    )
    assert (app.description, app.allow_dynamic_client_registration, app.is_active) == (
        "New text",
        True,
        False,
    )
    assert _definitions(app) == curated


def test_changing_supported_scopes_keeps_the_remaining_definitions(
    client: WachtClient, curated: dict[str, dict[str, object]]
) -> None:
    app = client.oauth.update_oauth_app(
        DEP, SLUG, m.UpdateOAuthAppRequest(supported_scopes=[" read ", "admin", "export"])
    )
    assert app.supported_scopes == ["admin", "export", "read"]
    definitions = _definitions(app)
    assert definitions["read"] == curated["read"]
    assert definitions["admin"] == curated["admin"]
    assert "write" not in definitions
    assert definitions["export"]["display_name"] == "export"  # a new scope gets the defaults
    assert definitions["export"]["description"] == "Allows export access"


def test_opting_out_shows_the_server_reset(
    client: WachtClient, emu: Emulator, curated: dict[str, dict[str, object]]
) -> None:
    before = emu.call_counts
    app = client.oauth.update_oauth_app(
        DEP, SLUG, m.UpdateOAuthAppRequest(name="Docs v3"), preserve_scope_definitions=False
    )
    assert emu.call_counts["list_oauth_apps"] == before["list_oauth_apps"]  # no read first
    for scope, definition in _definitions(app).items():
        assert definition == {
            "scope": scope,
            "display_name": scope,
            "description": f"Allows {scope} access",
            "archived": False,
            "category": "",
            "organization_permission": None,
            "workspace_permission": None,
        }
    assert _definitions(app) != curated


def test_explicit_definitions_are_sent_as_given(
    client: WachtClient, emu: Emulator, curated: dict[str, dict[str, object]]
) -> None:
    before = emu.call_counts
    given = [
        m.OAuthScopeDefinition("read", "Read (new)", "New description", archived=True),
        m.OAuthScopeDefinition("write", "Write (new)", "Other"),
    ]
    app = client.oauth.update_oauth_app(
        DEP, SLUG, m.UpdateOAuthAppRequest(name="Docs v4", scope_definitions=given)
    )
    assert emu.call_counts["list_oauth_apps"] == before["list_oauth_apps"]  # no read first
    definitions = _definitions(app)
    assert definitions["read"]["display_name"] == "Read (new)"
    assert definitions["read"]["archived"] is True
    assert definitions["read"]["category"] == ""  # the caller's list replaced the mapping
    assert definitions["write"]["description"] == "Other"
    assert definitions["admin"]["display_name"] == "admin"  # not given: the server's default


def test_explicit_definitions_on_the_wire() -> None:
    api = MockAPI()
    given = [m.OAuthScopeDefinition("read", "R", "D", archived=False)]
    mock_client(api).oauth.update_oauth_app(
        DEP, "app-one", m.UpdateOAuthAppRequest(name="N", scope_definitions=given)
    )
    assert api.operations == ["update_oauth_app"]
    assert json.loads(api.requests[0].content) == {
        "name": "N",
        "scope_definitions": [
            {"scope": "read", "display_name": "R", "description": "D", "archived": False}
        ],
    }


def test_preserved_definitions_on_the_wire() -> None:
    api = MockAPI()
    mock_client(api).oauth.update_oauth_app(DEP, "app-one", m.UpdateOAuthAppRequest(name="N"))
    assert api.operations == ["list_oauth_apps", "update_oauth_app"]
    sent = json.loads(api.requests[1].content)
    assert sent == {"name": "N", "scope_definitions": app_json()["scope_definitions"]}


def test_an_unknown_app_is_still_a_404(client: WachtClient, emu: Emulator) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.oauth.update_oauth_app(DEP, "no-such-app", m.UpdateOAuthAppRequest(name="x"))
    assert caught.value.message == "OAuth app not found"
    assert caught.value.method == "PATCH"
