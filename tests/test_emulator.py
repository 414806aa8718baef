"""Tests of the local Wacht OAuth emulator itself, through plain httpx clients."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from wacht_oauth_client.testing import Emulator, Fault, run_emulator

DEP = "dep_123"
APPS = f"/deployments/{DEP}/oauth/apps"
AUTH = {"Authorization": "Bearer test-key"}
TIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
APP_FIELDS = [
    "id",
    "slug",
    "name",
    "description",
    "logo_url",
    "fqdn",
    "supported_scopes",
    "scope_definitions",
    "allow_dynamic_client_registration",
    "is_active",
    "created_at",
    "updated_at",
]
CLIENT_FIELDS = [
    "id",
    "oauth_app_id",
    "client_id",
    "client_auth_method",
    "grant_types",
    "redirect_uris",
    "client_name",
    "client_uri",
    "logo_uri",
    "tos_uri",
    "policy_uri",
    "contacts",
    "software_id",
    "software_version",
    "token_endpoint_auth_signing_alg",
    "jwks_uri",
    "jwks",
    "public_key_pem",
    "is_active",
    "post_logout_redirect_uris",
    "id_token_signing_alg",
    "access_token_format",
    "access_token_ttl_seconds",
    "skip_consent",
    "created_at",
    "updated_at",
]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


# ------------------------------------------------------------------------------ helpers
@pytest.fixture
def emu() -> Emulator:
    return Emulator(seed=0)


@pytest.fixture
def client(emu: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(transport=emu.transport(), base_url="http://emulator", headers=AUTH) as c:
        yield c


Part = tuple[str, "bytes | str", "str | None"]


def multipart(*parts: Part) -> tuple[bytes, str]:
    """A hand-built body so the tests control every part's Content-Type exactly."""
    out = b""
    for name, value, content_type in parts:
        data = value.encode() if isinstance(value, str) else value
        disposition = f'form-data; name="{name}"'
        if name == "logo":
            disposition += '; filename="logo.bin"'
        out += f"--XyZ\r\nContent-Disposition: {disposition}\r\n".encode()
        if content_type:
            out += f"Content-Type: {content_type}\r\n".encode()
        out += b"\r\n" + data + b"\r\n"
    return out + b"--XyZ--\r\n", "multipart/form-data; boundary=XyZ"


def create_app(
    c: httpx.Client,
    slug: str = "mcp-auth",
    *extra: Part,
    name: str = "MCP Auth",
    deployment: str = DEP,
) -> httpx.Response:
    body, content_type = multipart(("slug", slug, None), ("name", name, None), *extra)
    return c.post(
        f"/deployments/{deployment}/oauth/apps",
        content=body,
        headers={"Content-Type": content_type},
    )


def make_app(
    c: httpx.Client, slug: str = "mcp-auth", scopes: str = "mcp:invoke,read", *extra: Part
) -> dict[str, Any]:
    response = create_app(c, slug, ("supported_scopes", scopes, None), *extra)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def create_client(c: httpx.Client, slug: str = "mcp-auth", **overrides: Any) -> httpx.Response:
    body = {
        "client_auth_method": "client_secret_basic",
        "grant_types": ["authorization_code", "refresh_token"],
        "redirect_uris": ["https://app.example.com/oauth/callback"],
        **overrides,
    }
    return c.post(f"{APPS}/{slug}/clients", json=body)


def make_client(c: httpx.Client, slug: str = "mcp-auth", **overrides: Any) -> dict[str, Any]:
    response = create_client(c, slug, **overrides)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def assert_error(response: httpx.Response, status: int, message: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"errors": [{"message": message, "code": status}]}


# ------------------------------------------------------------------------------- apps
def test_create_app_shape_ids_and_defaults(client: httpx.Client) -> None:
    app = make_app(
        client,
        "mcp-auth",
        " read, mcp:invoke,,read ",
        ("description", "  OAuth for MCP  ", None),
        ("fqdn", "ignored.example", None),
    )
    assert list(app) == APP_FIELDS
    assert int(app["id"]) > 2**53 and isinstance(app["id"], str)
    assert app["description"] == "OAuth for MCP" and app["logo_url"] is None
    assert re.fullmatch(r"[a-z0-9]{16}\.oapi\.trywacht\.xyz", app["fqdn"])  # dev ignores fqdn
    assert app["supported_scopes"] == ["mcp:invoke", "read"]
    assert app["scope_definitions"][0] == {
        "scope": "mcp:invoke",
        "display_name": "mcp:invoke",
        "description": "Allows mcp:invoke access",
        "archived": False,
        "category": "",
        "organization_permission": None,
        "workspace_permission": None,
    }
    assert app["allow_dynamic_client_registration"] is False and app["is_active"] is True
    assert TIME_RE.match(app["created_at"]) and app["created_at"] == app["updated_at"]
    assert create_app(client, "other", ("description", "   ", None)).json()["description"] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("YES", True), (" on ", True), ("1", True), ("true", True), ("no", False), ("", False)],
)
def test_create_app_dynamic_registration_flag(
    client: httpx.Client, value: str, expected: bool
) -> None:
    app = make_app(client, "a", "x", ("allow_dynamic_client_registration", value, None))
    assert app["allow_dynamic_client_registration"] is expected


def test_list_apps_newest_first_and_per_deployment(client: httpx.Client) -> None:
    assert client.get(APPS).json() == {"apps": []}
    make_app(client, "first")
    make_app(client, "second")
    create_app(client, "elsewhere", deployment="dep_other")
    assert [a["slug"] for a in client.get(APPS).json()["apps"]] == ["second", "first"]


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        ([("name", "N", None)], "slug is required"),
        ([("slug", "  ", None), ("name", "N", None)], "slug is required"),
        ([("slug", "s", None), ("name", " ", None)], "name is required"),
        (
            [("slug", "s", None), ("name", "N", None), ("scope_definitions", "{not json", None)],
            "scope_definitions must be valid JSON array",
        ),
        (
            [
                ("slug", "s", None),
                ("name", "N", None),
                ("scope_definitions", '[{"scope":"a"}]', None),
            ],
            "scope_definitions must be valid JSON array",
        ),
        (
            [
                ("slug", "s", None),
                ("name", "N", None),
                ("supported_scopes", "a", None),
                (
                    "scope_definitions",
                    '[{"scope":"a","display_name":"","description":"","category":"team"}]',
                    None,
                ),
            ],
            "scope category must be one of: personal, organization, workspace",
        ),
        (
            [
                ("slug", "s", None),
                ("name", "N", None),
                ("supported_scopes", "a", None),
                (
                    "scope_definitions",
                    '[{"scope":"a","display_name":"","description":"","workspace_permission":"w"}]',
                    None,
                ),
            ],
            "scope 'a' without category cannot define permission mappings",
        ),
        (
            [
                ("slug", "s", None),
                ("name", "N", None),
                ("supported_scopes", "a", None),
                (
                    "scope_definitions",
                    '[{"scope":"a","display_name":"","description":"",'
                    '"category":"organization","workspace_permission":"w"}]',
                    None,
                ),
            ],
            "scope 'a' with category 'organization' cannot define workspace permission",
        ),
        (
            [("slug", "s", None), ("name", "N", None), ("logo", PNG, "image/svg+xml")],
            "Unsupported image format. Supported formats: JPEG, PNG, GIF, WEBP, ICO",
        ),
        (
            [("slug", b"\xff\xfe", None), ("name", "N", None)],
            "Multipart field 'slug' must be valid UTF-8 text",
        ),
    ],
)
def test_create_app_validation(client: httpx.Client, parts: list[Part], message: str) -> None:
    body, content_type = multipart(*parts)
    assert_error(
        client.post(APPS, content=body, headers={"Content-Type": content_type}), 400, message
    )


def test_create_app_bad_bodies_and_duplicates(client: httpx.Client) -> None:
    assert_error(client.post(APPS, json={"slug": "s", "name": "n"}), 400, "Bad request")
    body, _ = multipart(("slug", "s", None))
    assert_error(
        client.post(
            APPS, content=body[:20], headers={"Content-Type": "multipart/form-data; boundary=XyZ"}
        ),
        400,
        "Bad request",
    )
    make_app(client, "dup")
    assert_error(create_app(client, "dup"), 409, "Resource already exists")
    assert create_app(client, "dup", deployment="dep_other").status_code == 200


def test_create_app_scope_definitions_are_normalized(client: httpx.Client) -> None:
    definitions = [
        {
            "scope": "b",
            "display_name": " ",
            "description": "",
            "category": " Workspace ",
            "workspace_permission": " ws:b ",
        },
        {"scope": "a", "display_name": "Alpha", "description": "A things", "archived": True},
        {"scope": "unknown", "display_name": "x", "description": "y"},
    ]
    app = make_app(client, "s", "b,a", ("scope_definitions", json.dumps(definitions), None))
    assert app["scope_definitions"] == [
        {
            "scope": "a",
            "display_name": "Alpha",
            "description": "A things",
            "archived": True,
            "category": "",
            "organization_permission": None,
            "workspace_permission": None,
        },
        {
            "scope": "b",
            "display_name": "b",
            "description": "Allows b access",
            "archived": False,
            "category": "workspace",
            "organization_permission": None,
            "workspace_permission": "ws:b",
        },
    ]


def test_create_app_production_fqdn_rules(emu: Emulator, client: httpx.Client) -> None:
    emu.set_deployment_mode(DEP, "production")
    assert_error(create_app(client, "p"), 400, "fqdn is required for production")
    for fqdn, message in [
        ("localhost", "fqdn must be a full domain name"),
        (".a.com", "fqdn cannot start or end with '.'"),
        ("-a.com", "fqdn cannot start or end with '-'"),
        ("a_b.com", "fqdn must contain only letters, numbers, or '-'"),
    ]:
        assert_error(create_app(client, "p", ("fqdn", fqdn, None)), 400, message)
    assert make_app(client, "p", "x", ("domain", " Auth.Example.COM ", None))["fqdn"] == (
        "auth.example.com"
    )


@pytest.mark.parametrize(
    ("content_type", "data", "logo_url"),
    [
        ("image/png", PNG, "https://cdn.wacht.services/deployments/dep_123/oauth-apps/s/logo.png"),
        ("image/jpeg", PNG, "https://cdn.wacht.services/deployments/dep_123/oauth-apps/s/logo.jpg"),
        (
            "image/x-icon",
            PNG,
            "https://cdn.wacht.services/deployments/dep_123/oauth-apps/s/logo.ico",
        ),
        (None, PNG, None),  # no part Content-Type (what the Rust SDK sends): silently dropped
        ("application/octet-stream", PNG, None),
        ("image/png", b"", None),  # empty part: ignored
    ],
)
def test_create_app_logo(
    client: httpx.Client, content_type: str | None, data: bytes, logo_url: str | None
) -> None:
    assert make_app(client, "s", "x", ("logo", data, content_type))["logo_url"] == logo_url


def test_two_mib_body_limit(client: httpx.Client) -> None:
    limit = 2 * 1024 * 1024
    ok = make_app(client, "small", "x", ("logo", b"\x00" * (limit - 1024), "image/png"))
    assert ok["logo_url"] is not None
    assert_error(
        create_app(client, "big", ("logo", b"\x00" * limit, "image/png")),
        400,
        "Invalid multipart field 'logo': length limit exceeded",
    )
    big_json = json.dumps({"name": "x" * limit})
    assert_error(
        client.patch(
            f"{APPS}/small", content=big_json, headers={"Content-Type": "application/json"}
        ),
        400,
        "Bad request",
    )


def test_update_app_reset_quirk_and_fields(client: httpx.Client) -> None:
    definitions = [
        {
            "scope": "read",
            "display_name": "Read",
            "description": "Reads",
            "archived": True,
            "category": "personal",
        }
    ]
    make_app(client, "s", "read", ("scope_definitions", json.dumps(definitions), None))
    # PATCH without scope_definitions resets every definition to its defaults.
    app = client.patch(f"{APPS}/s", json={"name": "Renamed", "description": None}).json()
    assert app["name"] == "Renamed"
    assert app["scope_definitions"] == [
        {
            "scope": "read",
            "display_name": "read",
            "description": "Allows read access",
            "archived": False,
            "category": "",
            "organization_permission": None,
            "workspace_permission": None,
        }
    ]
    app = client.patch(
        f"{APPS}/s",
        json={
            "supported_scopes": ["z", " a ", "z"],
            "scope_definitions": definitions,
            "is_active": False,
            "allow_dynamic_client_registration": True,
        },
    ).json()
    assert app["supported_scopes"] == ["a", "z"] and app["is_active"] is False
    assert app["allow_dynamic_client_registration"] is True
    assert app["updated_at"] > app["created_at"]


def test_update_app_errors(client: httpx.Client) -> None:
    make_app(client, "s")
    assert_error(client.patch(f"{APPS}/nope", json={}), 404, "OAuth app not found")
    assert_error(client.patch(f"{APPS}/s", json={"name": 5}), 422, "Invalid request payload")
    assert_error(client.patch(f"{APPS}/s", json=[]), 422, "Invalid request payload")
    assert_error(
        client.patch(
            f"{APPS}/s", content=b'{"name":', headers={"Content-Type": "application/json"}
        ),
        400,
        "Bad request",
    )
    assert_error(client.patch(f"{APPS}/s", content=b'{"name":"x"}'), 415, "Request failed")
    assert (
        client.patch(
            f"{APPS}/s",
            content=b"{}",
            headers={"Content-Type": "application/merge+json; charset=utf-8"},
        ).status_code
        == 200
    )


def test_verify_domain(client: httpx.Client) -> None:
    app = make_app(client, "s")
    assert client.post(f"{APPS}/s/verify-domain").json() == {
        "domain": app["fqdn"],
        "cname_target": "oauth.wacht.services",
        "verified": False,
    }
    assert_error(client.post(f"{APPS}/nope/verify-domain"), 404, "OAuth app not found")


# ----------------------------------------------------------------------------- scopes
def test_update_archive_unarchive_scope(client: httpx.Client) -> None:
    make_app(client, "s", "mcp:invoke")
    url = f"{APPS}/s/scopes/mcp%3Ainvoke"
    app = client.patch(url, json={"display_name": "  Invoke  ", "description": " Runs tools "})
    definition = app.json()["scope_definitions"][0]
    assert (definition["display_name"], definition["description"]) == ("Invoke", "Runs tools")
    for _ in range(2):  # idempotent
        assert client.post(f"{url}/archive").json()["scope_definitions"][0]["archived"] is True
    assert client.post(f"{url}/unarchive").json()["scope_definitions"][0]["archived"] is False
    blank = client.patch(url, json={"display_name": " "}).json()["scope_definitions"][0]
    assert blank["display_name"] == "mcp:invoke"  # re-normalised like the server does
    assert_error(client.post(f"{APPS}/s/scopes/%20/archive"), 400, "scope is required")
    assert_error(client.post(f"{APPS}/s/scopes/other/unarchive"), 404, "scope definition not found")
    assert_error(client.patch(f"{APPS}/nope/scopes/x", json={}), 404, "OAuth app not found")


def test_scope_mapping_rules_in_order(emu: Emulator, client: httpx.Client) -> None:
    make_app(client, "s", "a,b")
    url = f"{APPS}/s/scopes/a/mapping"
    # Category is checked before the app is even looked up.
    assert_error(
        client.post(f"{APPS}/nope/scopes/a/mapping", json={"category": "team"}),
        400,
        "category must be personal, organization, or workspace",
    )
    assert_error(client.post(url, json={}), 422, "Invalid request payload")
    for body, message in [
        (
            {"category": "personal", "workspace_permission": "w"},
            "personal category cannot map organization/workspace permissions",
        ),
        (
            {"category": "organization", "workspace_permission": "w"},
            "organization category cannot map workspace permission",
        ),
        (
            {"category": "workspace", "organization_permission": "o"},
            "workspace category cannot map organization permission",
        ),
        (
            {"category": "workspace", "workspace_permission": "ws:a"},
            "workspace permission 'ws:a' is not configured in deployment B2B settings",
        ),
        (
            {"category": "organization", "organization_permission": "org:a"},
            "organization permission 'org:a' is not configured in deployment B2B settings",
        ),
    ]:
        assert_error(client.post(url, json=body), 400, message)
    emu.set_b2b_permissions(DEP, organization=["org:a"], workspace=["ws:a"])
    assert_error(
        client.post(f"{APPS}/nope/scopes/a/mapping", json={"category": "workspace"}),
        404,
        "OAuth app not found",
    )
    assert_error(
        client.post(f"{APPS}/s/scopes/zzz/mapping", json={"category": "workspace"}),
        404,
        "scope definition not found",
    )
    body = {"category": " Workspace ", "workspace_permission": " ws:a "}
    mapped = client.post(url, json=body).json()["scope_definitions"][0]
    assert (mapped["category"], mapped["workspace_permission"]) == ("workspace", "ws:a")
    assert client.post(url, json=body).status_code == 200  # identical re-post is fine
    assert_error(
        client.post(url, json={"category": "organization"}),
        400,
        "scope category is immutable once set",
    )
    assert_error(
        client.post(url, json={"category": "workspace"}),
        400,
        "workspace permission is immutable once set",
    )


# ---------------------------------------------------------------------------- clients
def test_create_client_shape_and_secrets(client: httpx.Client) -> None:
    app = make_app(client)
    created = make_client(client, client_name=" Web ", contacts=["ops@example.com"])
    assert list(created) == [*CLIENT_FIELDS, "client_secret"]
    assert created["oauth_app_id"] == app["id"] and int(created["id"]) > 2**53
    assert re.fullmatch(r"oc_[A-Za-z0-9_-]{32}", created["client_id"])
    assert re.fullmatch(r"oc_secret_[A-Za-z0-9_-]{43}", created["client_secret"])
    assert created["client_name"] == "Web" and created["contacts"] == ["ops@example.com"]
    assert (
        created["id_token_signing_alg"],
        created["access_token_format"],
        created["access_token_ttl_seconds"],
        created["skip_consent"],
    ) == ("RS256", "opaque", 3600, False)
    public = make_client(client, client_auth_method="none")
    assert "client_secret" not in public and public["jwks"] is None
    listed = client.get(f"{APPS}/mcp-auth/clients").json()["clients"]
    assert [c["id"] for c in listed] == [public["id"], created["id"]]
    assert all("client_secret" not in c for c in listed)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"client_auth_method": "basic"}, "unsupported client_auth_method: basic"),
        ({"grant_types": []}, "grant_types must include at least one grant"),
        ({"grant_types": ["authorization_code", " "]}, "grant_types must not contain empty values"),
        ({"grant_types": ["client_credentials"]}, "client_credentials is disabled for now"),
        (
            {"grant_types": ["implicit"]},
            "unsupported grant_type: implicit. supported values: authorization_code, refresh_token",
        ),
        ({"grant_types": ["refresh_token"]}, "authorization_code grant is required"),
        (
            {"redirect_uris": []},
            "redirect_uris must include at least one URI for authorization_code",
        ),
        ({"redirect_uris": [" "]}, "redirect_uris must not contain empty values"),
        ({"redirect_uris": ["not a url"]}, "redirect_uris must contain valid URLs"),
        ({"redirect_uris": ["myapp://cb"]}, "redirect_uris must use http or https"),
        ({"redirect_uris": ["https://a.example/cb#x"]}, "redirect_uris must not include fragments"),
        (
            {"post_logout_redirect_uris": ["ftp://a.example/"]},
            "post_logout_redirect_uris must use http or https",
        ),
        ({"client_uri": "nope"}, "client_uri must be a valid URL"),
        ({"policy_uri": "mailto:a@b.c"}, "policy_uri must use http or https"),
        (
            {"jwks_uri": "https://a.example/jwks"},
            "jwks_uri/jwks/public_key_pem are only allowed when "
            "client_auth_method is private_key_jwt",
        ),
        (
            {"client_auth_method": "private_key_jwt"},
            "private_key_jwt requires exactly one of jwks_uri, jwks, or public_key_pem",
        ),
        (
            {"client_auth_method": "private_key_jwt", "jwks_uri": "http://a.example/jwks"},
            "jwks_uri must use https",
        ),
        (
            {"client_auth_method": "private_key_jwt", "jwks": {"keys": []}},
            "jwks.keys must include at least one key",
        ),
        (
            {
                "client_auth_method": "private_key_jwt",
                "jwks": {"keys": [{"kty": "oct", "k": "c2VjcmV0"}]},
            },
            "jwks for private_key_jwt must contain public keys, not symmetric secrets",
        ),
        (
            {"id_token_signing_alg": "ES256"},
            "id_token_signing_alg `ES256` is not supported. Only RS256 is currently supported.",
        ),
        ({"access_token_format": "paseto"}, "access_token_format must be 'opaque' or 'jwt'"),
        ({"access_token_ttl_seconds": 59}, "access_token_ttl_seconds must be between 60 and 86400"),
        (
            {"access_token_ttl_seconds": 86401},
            "access_token_ttl_seconds must be between 60 and 86400",
        ),
    ],
)
def test_create_client_validation(
    client: httpx.Client, overrides: dict[str, Any], message: str
) -> None:
    make_app(client)
    assert_error(create_client(client, **overrides), 400, message)


def test_create_client_payload_and_lookup_errors(client: httpx.Client) -> None:
    make_app(client)
    url = f"{APPS}/mcp-auth/clients"
    assert_error(
        client.post(url, json={"grant_types": ["authorization_code"]}),
        422,
        "Invalid request payload",
    )
    assert_error(
        client.post(url, json={"client_auth_method": "none"}), 422, "Invalid request payload"
    )
    assert_error(
        create_client(client, access_token_ttl_seconds="3600"), 422, "Invalid request payload"
    )
    assert_error(create_client(client, redirect_uris=None), 422, "Invalid request payload")
    assert_error(create_client(client, "nope"), 404, "OAuth app not found")
    assert_error(client.get(f"{APPS}/nope/clients"), 404, "OAuth app not found")


def test_private_key_jwt_key_material(client: httpx.Client) -> None:
    make_app(client)
    pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"
    created = make_client(client, client_auth_method="private_key_jwt", public_key_pem=pem)
    assert "client_secret" not in created and created["public_key_pem"] == pem
    key = created["jwks"]["keys"][0]
    assert key["kty"] == "PEM" and key["public_key_pem"] == pem
    assert set(key) == {
        "kty",
        "kid",
        "use",
        "key_ops",
        "alg",
        "n",
        "e",
        "crv",
        "x",
        "y",
        "k",
        "x5u",
        "x5c",
        "x5t",
        "x5t#S256",
        "public_key_pem",
    }
    by_jwks = make_client(
        client,
        client_auth_method="private_key_jwt",
        jwks={"keys": [{"kty": "RSA", "n": "abc", "e": "AQAB", "use": "sig"}]},
    )
    assert by_jwks["jwks"]["keys"][0]["use"] == "sig" and by_jwks["public_key_pem"] is None
    url = f"{APPS}/mcp-auth/clients/{created['id']}"
    assert_error(
        client.patch(url, json={"jwks_uri": "https://a.example/j", "public_key_pem": pem}),
        400,
        "private_key_jwt accepts only one of jwks_uri, jwks, or public_key_pem per update",
    )
    unchanged = client.patch(url, json={"public_key_pem": "", "jwks_uri": "  "}).json()
    assert unchanged["public_key_pem"] == pem  # key material cannot be cleared
    plain = make_client(client)
    assert_error(
        client.patch(
            f"{APPS}/mcp-auth/clients/{plain['id']}", json={"client_auth_method": "private_key_jwt"}
        ),
        400,
        "private_key_jwt requires existing or new key material",
    )


def test_update_client_semantics(client: httpx.Client) -> None:
    make_app(client)
    created = make_client(
        client,
        client_name="Web",
        software_id="sw",
        contacts=["a@b.c"],
        client_uri="https://a.example",
    )
    url = f"{APPS}/mcp-auth/clients/{created['id']}"
    updated = client.patch(
        url,
        json={
            "client_name": "",
            "client_uri": "not validated on update",
            "software_id": None,
            "contacts": [],
            "redirect_uris": ["http://localhost:3000/cb"],
            "post_logout_redirect_uris": ["https://a.example/bye"],
            "access_token_format": "jwt",
            "access_token_ttl_seconds": 60,
            "skip_consent": True,
        },
    ).json()
    assert list(updated) == CLIENT_FIELDS  # never a secret on update
    assert updated["client_name"] is None and updated["software_id"] == "sw"
    assert updated["client_uri"] == "not validated on update" and updated["contacts"] == []
    assert updated["redirect_uris"] == ["http://localhost:3000/cb"]
    assert updated["post_logout_redirect_uris"] == ["https://a.example/bye"]
    assert (
        updated["access_token_format"],
        updated["access_token_ttl_seconds"],
        updated["skip_consent"],
    ) == ("jwt", 60, True)
    assert_error(
        client.patch(url, json={"grant_types": ["refresh_token"]}),
        400,
        "authorization_code grant is required",
    )
    assert_error(
        client.patch(url, json={"redirect_uris": []}),
        400,
        "redirect_uris must include at least one URI for authorization_code",
    )
    assert_error(client.patch(f"{APPS}/mcp-auth/clients/abc", json={}), 400, "Bad request")
    assert_error(client.patch(f"{APPS}/mcp-auth/clients/1", json={}), 404, "OAuth client not found")
    assert_error(client.patch(f"{APPS}/nope/clients/1", json={}), 404, "OAuth app not found")


def test_deactivate_rotate_and_inactive_clients(client: httpx.Client) -> None:
    make_app(client)
    created = make_client(client, client_auth_method="client_secret_post")
    url = f"{APPS}/mcp-auth/clients/{created['id']}"
    first = client.post(f"{url}/rotate-secret").json()["client_secret"]
    second = client.post(f"{url}/rotate-secret").json()["client_secret"]
    assert len({created["client_secret"], first, second}) == 3 and len(first) == 53
    public = make_client(client, client_auth_method="none")
    assert_error(
        client.post(f"{APPS}/mcp-auth/clients/{public['id']}/rotate-secret"),
        400,
        "client_secret rotation is not supported for this auth method",
    )
    response = client.delete(url)
    assert response.status_code == 204 and response.content == b""
    assert "content-type" not in response.headers
    assert_error(client.delete(url), 404, "OAuth client not found or already inactive")
    assert_error(client.post(f"{url}/rotate-secret"), 404, "OAuth client not found or inactive")
    assert_error(client.patch(url, json={}), 404, "OAuth client not found or inactive")
    assert_error(client.delete(f"{APPS}/mcp-auth/clients/42"), 404, "OAuth client not found")
    listed = client.get(f"{APPS}/mcp-auth/clients").json()["clients"]
    assert [c["is_active"] for c in listed] == [True, False]  # inactive clients are listed


# ----------------------------------------------------------------------------- grants
def test_grants_list_and_revoke(emu: Emulator, client: httpx.Client) -> None:
    make_app(client)
    cid = make_client(client)["id"]
    first = emu.add_grant(
        DEP,
        "mcp-auth",
        cid,
        scopes=["read"],
        granted_by_user_id="77",
        expires_at=datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC),
    )
    second = emu.add_grant(DEP, "mcp-auth", cid, resource="urn:wacht:workspace:9")
    assert first["granted_by_user_id"] == "77" and "granted_by_user_id" not in second
    assert first["expires_at"] == "2027-01-02T03:04:05.000000Z" and second["expires_at"] is None
    url = f"{APPS}/mcp-auth/clients/{cid}/grants"
    assert client.get(url).json() == {"grants": [second, first]}
    revoked = client.post(f"{url}/{first['id']}/revoke")
    assert revoked.status_code == 200 and revoked.json() == {}
    listed = client.get(url).json()["grants"][1]
    assert listed["status"] == "revoked" and TIME_RE.match(listed["revoked_at"])
    for unknown in (first["id"], "123"):  # already revoked / unknown: silent 200 {}
        assert client.post(f"{url}/{unknown}/revoke").json() == {}
    assert client.get(url).json()["grants"][1] == listed
    assert client.delete(f"{APPS}/mcp-auth/clients/{cid}").status_code == 204
    assert len(client.get(url).json()["grants"]) == 2  # inactive clients still count
    assert_error(client.get(f"{APPS}/mcp-auth/clients/99/grants"), 404, "OAuth client not found")
    assert_error(
        client.post(f"{APPS}/nope/clients/{cid}/grants/1/revoke"), 404, "OAuth app not found"
    )
    assert_error(client.post(f"{url}/x1/revoke"), 400, "Bad request")
    with pytest.raises(ValueError):
        emu.add_grant(DEP, "mcp-auth", "99")


# ----------------------------------------------------------------------- signing keys
def test_signing_keys_rotate_and_compromise(client: httpx.Client) -> None:
    make_app(client)
    url = f"{APPS}/mcp-auth/signing-keys"
    (initial,) = client.get(url).json()["keys"]
    assert initial["status"] == "active" and initial["algorithm"] == "RS256"
    assert initial["public_key_pem"].startswith("-----BEGIN PUBLIC KEY-----\nMIIBIjAN")
    new = client.post(f"{url}/rotate").json()["new"]
    assert new["status"] == "active" and new["kid"] != initial["kid"]
    keys = client.get(url).json()["keys"]
    assert [(k["kid"], k["status"]) for k in keys] == [
        (new["kid"], "active"),
        (initial["kid"], "retired"),
    ]
    response = client.post(f"{url}/{initial['kid']}/compromise")
    assert response.status_code == 204 and response.content == b""
    assert [k["kid"] for k in client.get(url).json()["keys"]] == [new["kid"]]
    assert_error(
        client.post(f"{url}/{initial['kid']}/compromise"),
        404,
        f"no signing key with kid '{initial['kid']}' for this app",
    )
    assert_error(
        client.post(f"{url}/unknown/compromise"),
        404,
        "no signing key with kid 'unknown' for this app",
    )
    assert_error(client.get(f"{APPS}/nope/signing-keys"), 404, "OAuth app not found")


# ---------------------------------------------------------------------- routing & auth
def test_routing_404_405_and_encoded_slugs(emu: Emulator, client: httpx.Client) -> None:
    assert_error(client.get("/oauth/nothing"), 404, "Not found")
    assert_error(client.get("/deployments/d/oauth"), 404, "Not found")
    assert_error(client.get(f"{APPS}/s/nothing"), 404, "Not found")
    response = client.get(f"{APPS}/s")
    assert_error(response, 405, "Method not allowed")
    assert response.headers["allow"] == "PATCH"
    make_app(client, "a/b")  # a slug with "/" must travel as one %2F-encoded segment
    assert client.patch(f"{APPS}/a%2Fb", json={"name": "ok"}).json()["name"] == "ok"
    assert_error(client.patch(f"{APPS}/a/b", json={}), 404, "Not found")
    assert client.get(f"{APPS}/a%2Fb/signing-keys").status_code == 200
    assert emu.requests[-3:] == [
        ("PATCH", f"{APPS}/a%2Fb", "update_oauth_app"),
        ("PATCH", f"{APPS}/a/b", ""),
        ("GET", f"{APPS}/a%2Fb/signing-keys", "list_signing_keys"),
    ]


@pytest.mark.parametrize("header", [None, "Token abc", "bearer abc", "Bearer ", "Bearerabc"])
def test_auth_requires_bearer(emu: Emulator, header: str | None) -> None:
    headers = {} if header is None else {"Authorization": header}
    with httpx.Client(transport=emu.transport(), base_url="http://e") as c:
        assert_error(c.get(APPS, headers=headers), 401, "Authorization header must be Bearer token")


def test_auth_with_configured_api_keys() -> None:
    emu = Emulator(api_keys={"good"})
    with httpx.Client(transport=emu.transport(), base_url="http://e") as c:
        assert_error(
            c.get(APPS, headers={"Authorization": "Bearer bad"}), 401, "Authentication failed"
        )
        assert c.get(APPS, headers={"Authorization": "Bearer good"}).status_code == 200


# ------------------------------------------------------------------------ determinism
def _script(emu: Emulator) -> list[bytes]:
    """A fixed call sequence touching every RNG/clock/id consumer; returns all bodies."""
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=AUTH) as c:
        out = [create_app(c, "s", ("supported_scopes", "a,b", None)).content]
        created = create_client(c, "s")
        out.append(created.content)
        cid = created.json()["id"]
        out.append(c.post(f"{APPS}/s/clients/{cid}/rotate-secret").content)
        out.append(c.post(f"{APPS}/s/signing-keys/rotate").content)
        out.append(c.post(f"{APPS}/s/scopes/a/archive").content)
        out.append(json.dumps(emu.add_grant(DEP, "s", cid, scopes=["a"])).encode())
        out += [
            c.get(url).content
            for url in (
                APPS,
                f"{APPS}/s/clients",
                f"{APPS}/s/clients/{cid}/grants",
                f"{APPS}/s/signing-keys",
            )
        ]
    return out


def test_same_seed_same_bytes_and_reset() -> None:
    first, second = Emulator(seed=7), Emulator(seed=7)
    recorded = _script(first)
    assert _script(second) == recorded
    first.reset()
    assert _script(first) == recorded
    assert _script(Emulator(seed=8)) != recorded


# ----------------------------------------------------------------------------- faults
def test_status_fault_with_and_without_execute(emu: Emulator, client: httpx.Client) -> None:
    emu.inject_fault("create_oauth_app", Fault.status(502))
    response = create_app(client, "s")
    assert response.status_code == 502 and response.headers["content-type"] == "text/html"
    assert b"502 Bad Gateway" in response.content
    assert client.get(APPS).json() == {"apps": []}  # not executed
    emu.inject_fault("create_oauth_app", Fault.status(504, body=b"late", execute=True))
    assert create_app(client, "s").content == b"late"
    assert [a["slug"] for a in client.get(APPS).json()["apps"]] == ["s"]  # executed
    assert emu.call_counts["create_oauth_app"] == 2


def test_rate_limit_fault(emu: Emulator, client: httpx.Client) -> None:
    emu.inject_fault("list_oauth_apps", Fault.rate_limit())
    emu.inject_fault("list_oauth_apps", Fault.rate_limit(retry_after=3, seconds_in_message=3))
    plain = client.get(APPS)
    assert_error(plain, 429, "Rate limit exceeded. Retry after 60 seconds")
    assert "retry-after" not in plain.headers
    with_header = client.get(APPS)
    assert_error(with_header, 429, "Rate limit exceeded. Retry after 3 seconds")
    assert with_header.headers["retry-after"] == "3"
    assert client.get(APPS).status_code == 200


def test_times_wildcard_counts_and_requests(emu: Emulator, client: httpx.Client) -> None:
    emu.inject_fault("list_oauth_apps", Fault.status(503), times=2)
    statuses = [client.get(APPS).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    emu.inject_fault("*", Fault.status(500))
    assert client.post(f"{APPS}/x/verify-domain").status_code == 500
    assert client.post(f"{APPS}/x/verify-domain").status_code == 404
    counts = emu.call_counts
    assert counts["list_oauth_apps"] == 3 and counts["verify_oauth_app_domain"] == 2
    assert sum(counts.values()) == 5 and len(emu.requests) == 5
    with pytest.raises(ValueError):
        emu.inject_fault("list_apps", Fault.status(500))
    emu.inject_fault("list_oauth_apps", Fault.status(500), times=5)
    emu.reset()
    assert client.get(APPS).status_code == 200 and emu.call_counts["list_oauth_apps"] == 1


def test_delay_raw_and_drop_faults_in_process(emu: Emulator, client: httpx.Client) -> None:
    emu.inject_fault("list_oauth_apps", Fault.delay(0.2))
    started = time.monotonic()
    assert client.get(APPS).status_code == 200
    assert time.monotonic() - started >= 0.2
    emu.inject_fault("create_oauth_app", Fault.raw(200, b'{"id":"73', "application/json"))
    truncated = create_app(client, "s")
    with pytest.raises(json.JSONDecodeError):
        truncated.json()
    assert len(client.get(APPS).json()["apps"]) == 1  # raw executes by default
    make_client(client, "s")
    emu.inject_fault("deactivate_oauth_client", Fault.raw(204, b"stray", "text/plain"))
    assert client.delete(f"{APPS}/s/clients/1").content == b"stray"
    emu.inject_fault("list_oauth_apps", Fault.drop())
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(APPS)
    emu.inject_fault("create_oauth_app", Fault.drop(after_headers=True))
    with pytest.raises(httpx.RemoteProtocolError):
        create_app(client, "dropped")
    assert [a["slug"] for a in client.get(APPS).json()["apps"]] == ["dropped", "s"]


# ----------------------------------------------------------------------- real sockets
def test_run_emulator_keep_alive_drop_and_shutdown() -> None:
    emu = Emulator()
    with run_emulator(emu) as url:
        assert isinstance(url, str) and url.startswith("http://127.0.0.1:")
        assert url.emulator is emu
        port = int(url.rsplit(":", 1)[1])
        with httpx.Client(base_url=url, headers=AUTH) as c:
            for _ in range(5):
                assert c.get(APPS).status_code == 200
            assert url.connections == 1  # one kept-alive connection
            make_app(c, "s")
            gone = c.delete(f"{APPS}/s/clients/{make_client(c, 's')['id']}")
            assert gone.status_code == 204 and "content-type" not in gone.headers
            emu.inject_fault("list_oauth_apps", Fault.drop())
            with pytest.raises(httpx.RemoteProtocolError):
                c.get(APPS)
            emu.inject_fault("list_oauth_apps", Fault.drop(after_headers=True))
            with pytest.raises(httpx.RemoteProtocolError):
                c.get(APPS)
            assert c.get(APPS).status_code == 200  # a fresh connection works again
            assert url.connections == 3
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with socket.socket() as probe:  # the port is free to bind again
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))


def test_concurrent_clients_and_atomic_faults() -> None:
    emu = Emulator()
    with run_emulator(emu) as url:
        with httpx.Client(base_url=url, headers=AUTH) as c:
            make_app(c, "s")
        emu.inject_fault("list_signing_keys", Fault.status(503), times=5)
        statuses: list[int] = []

        def worker() -> None:
            with httpx.Client(base_url=url, headers=AUTH) as c:
                for _ in range(15):
                    statuses.append(c.get(f"{APPS}/s/signing-keys").status_code)
                    statuses.append(
                        c.post(
                            f"{APPS}/s/clients",
                            json={
                                "client_auth_method": "none",
                                "grant_types": ["authorization_code"],
                                "redirect_uris": ["https://a.example/cb"],
                            },
                        ).status_code
                    )

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(statuses) == 480 and statuses.count(503) == 5
    assert statuses.count(200) == 475
    assert emu.call_counts["list_signing_keys"] == 240
    ids = {c["client_id"] for c in emu_clients(emu)}
    assert len(ids) == 240


def emu_clients(emu: Emulator) -> list[dict[str, Any]]:
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=AUTH) as c:
        clients: list[dict[str, Any]] = c.get(f"{APPS}/s/clients").json()["clients"]
        return clients


def test_cli_serves_until_terminated() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "wacht_oauth_client.testing.emulator", "--port", "0", "--seed", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("Wacht OAuth emulator listening on http://127.0.0.1:")
        url = first.rsplit(" ", 1)[1]
        banner = [process.stdout.readline().strip() for _ in range(8)]
        assert banner[-1] == "Press Ctrl-C to stop."
        assert "any Bearer token (on /oauth/apps it manages dep_123)" in banner[2]
        assert "(seed 3)" in banner[6]
        response = httpx.get(f"{url}{APPS}", headers=AUTH, timeout=5)
        assert response.json() == {"apps": []}
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=5)
    assert "RuntimeWarning" not in stderr


# ------------------------------------------------------------------------ both mounts
def test_the_root_mount_manages_the_keys_deployment() -> None:
    emu = Emulator(api_keys={"key-a": "dep_a", "key-b": "dep_b"})
    with httpx.Client(transport=emu.transport(), base_url="http://e") as c:
        as_a = {"Authorization": "Bearer key-a"}
        created = c.post(
            "/oauth/apps", files={"slug": (None, "s"), "name": (None, "S")}, headers=as_a
        )
        assert created.status_code == 200
        # The same deployment through the path: same data, same state.
        listed = c.get("/deployments/dep_a/oauth/apps", headers=as_a).json()["apps"]
        assert [a["slug"] for a in listed] == ["s"]
        # Another key manages another deployment.
        b = c.get("/oauth/apps", headers={"Authorization": "Bearer key-b"}).json()
        assert b == {"apps": []}
        assert_error(
            c.get("/oauth/apps", headers={"Authorization": "Bearer key-c"}),
            401,
            "Authentication failed",
        )
        assert_error(c.get("/oauth/apps"), 401, "Authorization header must be Bearer token")
    assert emu.requests[0] == ("POST", "/oauth/apps", "create_oauth_app")
    assert emu.call_counts["list_oauth_apps"] == 4


def test_without_configured_keys_any_key_manages_the_default_deployment(
    emu: Emulator, client: httpx.Client
) -> None:
    make_app(client, "on-the-path")  # client posts to /deployments/dep_123/...
    assert DEP == "dep_123"
    other_key = {"Authorization": "Bearer whatever"}
    apps = client.get("/oauth/apps", headers=other_key).json()["apps"]
    assert [a["slug"] for a in apps] == ["on-the-path"]
    # A plain list of keys also maps to the default deployment.
    listed = Emulator(api_keys=["only-me"])
    assert listed.api_keys == {"only-me": "dep_123"}


def test_b2b_permissions_and_seeded_grants_apply_to_every_deployment() -> None:
    emu = Emulator(workspace_permissions=["ws:invoke"], grants_per_client=2)
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=AUTH) as c:
        for mount in ("/oauth/apps", "/deployments/dep_other/oauth/apps"):
            body, content_type = multipart(
                ("slug", "s", None), ("name", "S", None), ("supported_scopes", "a", None)
            )
            created = c.post(mount, content=body, headers={"Content-Type": content_type})
            assert created.status_code == 200
            mapping = {"category": "workspace", "workspace_permission": "ws:invoke"}
            assert c.post(f"{mount}/s/scopes/a/mapping", json=mapping).status_code == 200
            client = {
                "client_auth_method": "none",
                "grant_types": ["authorization_code"],
                "redirect_uris": ["https://x.example/cb"],
            }
            cid = c.post(f"{mount}/s/clients", json=client).json()["id"]
            grants = c.get(f"{mount}/s/clients/{cid}/grants").json()["grants"]
            assert [(g["status"], g["scopes"], g["resource"]) for g in grants] == [
                ("active", ["a"], "urn:wacht:user:2"),
                ("active", ["a"], "urn:wacht:user:1"),
            ]
    emu.reset()  # the defaults survive a reset
    assert emu.defaults["grants_per_client"] == 2
    assert emu.defaults["workspace_permissions"] == ("ws:invoke",)


def test_data_envelope_wraps_success_bodies_only() -> None:
    emu = Emulator(data_envelope=True)
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=AUTH) as c:
        assert c.get("/oauth/apps").json() == {"data": {"apps": []}}
        assert_error(c.get("/oauth/apps/nope/clients"), 404, "OAuth app not found")


def test_cli_configures_keys_permissions_grants_and_envelope() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "wacht_oauth_client.testing.emulator", "--port", "0"]
        + ["--api-key", "wacht_test_sk_one=dep_one", "--api-key", "wacht_test_sk_two"]
        + ["--workspace-permission", "ws:x", "--grants-per-client", "1", "--data-envelope"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline().rstrip("\n") for _ in range(9)]
        url = lines[0].rsplit(" ", 1)[1]
        assert lines[3] == "  API keys:              wacht_… -> dep_one, wacht_… -> dep_123"
        assert lines[4] == "  B2B permissions:       workspace: ws:x; organization: none"
        assert lines[5] == "  grants per new client: 1"
        assert "wacht_test_sk_one" not in "\n".join(lines)  # keys are shown masked
        one = {"Authorization": "Bearer wacht_test_sk_one"}
        assert httpx.get(f"{url}/oauth/apps", headers=one, timeout=5).json() == {
            "data": {"apps": []}
        }
        wrong = httpx.get(f"{url}/oauth/apps", headers=AUTH, timeout=5)
        assert wrong.status_code == 401
    finally:
        process.terminate()
        process.communicate(timeout=5)


def test_cli_help_has_examples() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wacht_oauth_client.testing.emulator", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--api-key TOKEN[=DEPLOYMENT]" in result.stdout
    assert "wacht-emulator --workspace-permission workspace:mcp:invoke" in result.stdout
