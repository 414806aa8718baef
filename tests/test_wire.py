"""What each of the 18 methods puts on the wire, and what it makes of the answer (MockTransport)."""

from __future__ import annotations

import datetime
import json
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import Any

import httpx
import pytest
from _wire_fixtures import (
    API_KEY,
    APP,
    APP_ID,
    CLIENT,
    CLIENT_RECORD_ID,
    CLIENT_SECRET,
    CREATED_CLIENT,
    DOMAIN,
    GIF,
    GRANT,
    GRANT_ID,
    ICO,
    JPEG,
    PNG,
    SCOPE_DEFINITION,
    SIGNING_KEY,
    USER_ID,
    WEBP,
    Recorder,
    body,
    boundary_of,
    json_response,
    make_client,
    parse_multipart,
)

import wacht_oauth_client
from wacht_oauth_client import InvalidArgumentError
from wacht_oauth_client import models as m
from wacht_oauth_client._generated.types import UNSET
from wacht_oauth_client._oauth import OAuth, RawResponse

DEP = "dep_123"
SLUG = "mcp-auth"
SCOPE = "mcp:invoke"
SCOPE_RAW = "mcp%3Ainvoke"  # every path parameter is percent-encoded with safe=""
KID = "kid_2026_05"
APPS = f"/deployments/{DEP}/oauth/apps"
CLIENTS = f"{APPS}/{SLUG}/clients"
USER_AGENT = (
    f"wacht-oauth-client/{wacht_oauth_client.__version__} python/{platform.python_version()}"
)


def utc(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def assert_common_headers(request: httpx.Request) -> None:
    assert request.url.scheme == "https" and request.url.host == "api.wacht.dev"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["user-agent"] == USER_AGENT
    assert request.headers["accept"] == "application/json"
    assert request.url.query == b""  # no endpoint takes query parameters


def assert_no_body(request: httpx.Request) -> None:
    assert request.content == b""
    assert "content-type" not in request.headers
    # A bodyless POST still says "Content-Length: 0" (proxies may answer 411 otherwise).
    assert request.headers.get("content-length") == ("0" if request.method == "POST" else None)


def assert_json_body(request: httpx.Request, expected: dict[str, Any]) -> None:
    assert request.headers["content-type"] == "application/json"
    sent = json.loads(request.content)
    assert sent == expected
    assert None not in sent.values()  # None means "not sent"


def test_user_agent_version_is_the_installed_distribution_version() -> None:
    assert wacht_oauth_client.__version__ == version("wacht-oauth-client")


# -- the 18 methods, one table --------------------------------------------------------------


@dataclass
class Case:
    operation: str
    args: tuple[Any, ...]
    method: str
    raw_path: str
    json: dict[str, Any] | None
    status: int
    response: Any
    check: Callable[[Any], None]
    kwargs: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.operation


def _check_apps(result: Any) -> None:
    assert isinstance(result, list) and len(result) == 2
    assert all(isinstance(app, m.OAuthApp) for app in result)
    app = result[0]
    assert app.id == APP_ID and isinstance(app.id, str)
    assert app.slug == "mcp-auth" and app.description == "OAuth provider for MCP access"
    assert app.logo_url is None
    assert app.supported_scopes == ["mcp:invoke", "mcp:read"]
    first, second = app.scope_definitions
    assert isinstance(first, m.OAuthScopeDefinition)
    assert first.category == m.ScopeCategory.WORKSPACE
    assert first.workspace_permission == "workspace:mcp:invoke"
    assert first.organization_permission is None
    assert second.category == m.ScopeCategory.UNMAPPED and second.archived is True
    assert app.created_at.tzinfo is not None and app.updated_at.tzinfo is not None
    assert app.created_at == utc(2026, 5, 14, 10, 30)
    # Nine fractional digits (chrono) are read, truncated to microseconds, still UTC.
    assert app.updated_at == utc(2026, 5, 14, 10, 30, 0, 123456)
    assert result[1].slug == "other"


def _check_app(result: Any) -> None:
    assert isinstance(result, m.OAuthApp)
    assert result.id == APP_ID
    assert result.to_dict()["scope_definitions"] == APP["scope_definitions"]


def _check_domain(result: Any) -> None:
    assert isinstance(result, m.OAuthDomainVerification)
    assert (result.domain, result.cname_target, result.verified) == (
        "auth.example.com",
        "oauth.wacht.services",
        False,
    )


def _check_clients(result: Any) -> None:
    assert isinstance(result, list) and len(result) == 1
    client = result[0]
    assert isinstance(client, m.OAuthClient)
    assert client.id == CLIENT_RECORD_ID  # 2**63 - 1, exact
    assert client.client_auth_method == m.ClientAuthMethod.CLIENT_SECRET_BASIC
    assert client.access_token_format == m.AccessTokenFormat.OPAQUE
    assert client.jwks is None and client.client_name is None
    assert client.client_secret is UNSET  # only the create response carries it
    assert client.created_at == utc(2026, 5, 14, 10, 31, 0, 123000)


def _check_created_client(result: Any) -> None:
    assert isinstance(result, m.OAuthClient)
    assert result.id == CLIENT_RECORD_ID
    assert result.client_secret == CLIENT_SECRET
    assert CLIENT_SECRET not in repr(result)


def _check_client(result: Any) -> None:
    assert isinstance(result, m.OAuthClient)
    assert result.client_name == "Renamed" and result.client_secret is UNSET


def _check_none(result: Any) -> None:
    assert result is None


def _check_secret(result: Any) -> None:
    assert isinstance(result, m.RotateOAuthClientSecretResponse)
    assert result.client_secret == CLIENT_SECRET
    assert CLIENT_SECRET not in repr(result)


def _check_grants(result: Any) -> None:
    assert isinstance(result, list) and len(result) == 1
    grant = result[0]
    assert isinstance(grant, m.OAuthGrant)
    assert (grant.id, grant.oauth_client_id, grant.granted_by_user_id) == (
        GRANT_ID,
        CLIENT_RECORD_ID,
        USER_ID,
    )
    assert grant.status == m.GrantStatus.ACTIVE
    assert grant.granted_at == utc(2026, 5, 14, 11, 0, 0, 500000)
    assert grant.expires_at is None and grant.revoked_at is None


def _check_keys(result: Any) -> None:
    assert isinstance(result, list) and len(result) == 1
    _check_key(result[0])


def _check_key(result: Any) -> None:
    assert isinstance(result, m.OAuthAppSigningKey)
    assert (result.kid, result.algorithm) == (KID, "RS256")
    assert result.status == m.SigningKeyStatus.ACTIVE
    assert result.public_key_pem == SIGNING_KEY["public_key_pem"]


CREATE_CLIENT_REQUEST = m.CreateOAuthClientRequest(
    client_auth_method="client_secret_basic",
    grant_types=["authorization_code", "refresh_token"],
    redirect_uris=["https://app.example.com/oauth/callback"],
    client_name="MCP CLI",
    contacts=["ops@example.com"],
    post_logout_redirect_uris=["https://app.example.com/bye"],
    access_token_ttl_seconds=900,
    skip_consent=False,
    software_id=None,  # None: not sent
    jwks=None,
)

CASES = [
    Case(
        "list_oauth_apps",
        (DEP,),
        "GET",
        APPS,
        None,
        200,
        {"apps": [APP, {**APP, "id": "1", "slug": "other"}]},
        _check_apps,
    ),
    Case(
        "update_oauth_app",
        (
            DEP,
            SLUG,
            m.UpdateOAuthAppRequest(
                name="Renamed",
                description=None,
                scope_definitions=[m.OAuthScopeDefinition.from_dict(SCOPE_DEFINITION)],
                is_active=False,
            ),
        ),
        "PATCH",
        f"{APPS}/{SLUG}",
        {"name": "Renamed", "scope_definitions": [SCOPE_DEFINITION], "is_active": False},
        200,
        APP,
        _check_app,
    ),
    Case(
        "verify_oauth_app_domain",
        (DEP, SLUG),
        "POST",
        f"{APPS}/{SLUG}/verify-domain",
        None,
        200,
        DOMAIN,
        _check_domain,
    ),
    Case(
        "update_oauth_scope",
        (
            DEP,
            SLUG,
            SCOPE,
            m.UpdateOAuthScopeRequest(
                display_name="Invoke MCP Tools", description="Allows MCP tool execution"
            ),
        ),
        "PATCH",
        f"{APPS}/{SLUG}/scopes/{SCOPE_RAW}",
        {"display_name": "Invoke MCP Tools", "description": "Allows MCP tool execution"},
        200,
        APP,
        _check_app,
    ),
    Case(
        "archive_oauth_scope",
        (DEP, SLUG, SCOPE),
        "POST",
        f"{APPS}/{SLUG}/scopes/{SCOPE_RAW}/archive",
        None,
        200,
        APP,
        _check_app,
    ),
    Case(
        "unarchive_oauth_scope",
        (DEP, SLUG, SCOPE),
        "POST",
        f"{APPS}/{SLUG}/scopes/{SCOPE_RAW}/unarchive",
        None,
        200,
        APP,
        _check_app,
    ),
    Case(
        "set_oauth_scope_mapping",
        (
            DEP,
            SLUG,
            SCOPE,
            m.SetOAuthScopeMappingRequest(
                category="workspace",
                organization_permission=None,
                workspace_permission="workspace:mcp:invoke",
            ),
        ),
        "POST",
        f"{APPS}/{SLUG}/scopes/{SCOPE_RAW}/mapping",
        {"category": "workspace", "workspace_permission": "workspace:mcp:invoke"},
        200,
        APP,
        _check_app,
    ),
    Case(
        "list_oauth_clients",
        (DEP, SLUG),
        "GET",
        CLIENTS,
        None,
        200,
        {"clients": [CLIENT]},
        _check_clients,
    ),
    Case(
        "create_oauth_client",
        (DEP, SLUG, CREATE_CLIENT_REQUEST),
        "POST",
        CLIENTS,
        {
            "client_auth_method": "client_secret_basic",
            "grant_types": ["authorization_code", "refresh_token"],
            "redirect_uris": ["https://app.example.com/oauth/callback"],
            "client_name": "MCP CLI",
            "contacts": ["ops@example.com"],
            "post_logout_redirect_uris": ["https://app.example.com/bye"],
            "access_token_ttl_seconds": 900,
            "skip_consent": False,
        },
        200,
        CREATED_CLIENT,
        _check_created_client,
    ),
    Case(
        "update_oauth_client",
        (
            DEP,
            SLUG,
            CLIENT_RECORD_ID,
            m.UpdateOAuthClientRequest(
                client_name="Renamed",
                client_uri="",  # an empty string clears the value server-side: it must be sent
                redirect_uris=["https://app.example.com/cb2"],
                jwks_uri=None,
                grant_types=None,
            ),
        ),
        "PATCH",
        f"{CLIENTS}/{CLIENT_RECORD_ID}",
        {
            "client_name": "Renamed",
            "client_uri": "",
            "redirect_uris": ["https://app.example.com/cb2"],
        },
        200,
        {**CLIENT, "client_name": "Renamed"},
        _check_client,
    ),
    Case(
        "deactivate_oauth_client",
        (DEP, SLUG, CLIENT_RECORD_ID),
        "DELETE",
        f"{CLIENTS}/{CLIENT_RECORD_ID}",
        None,
        204,
        None,
        _check_none,
    ),
    Case(
        "rotate_oauth_client_secret",
        (DEP, SLUG, CLIENT_RECORD_ID),
        "POST",
        f"{CLIENTS}/{CLIENT_RECORD_ID}/rotate-secret",
        None,
        200,
        {"client_secret": CLIENT_SECRET},
        _check_secret,
    ),
    Case(
        "list_oauth_grants",
        (DEP, SLUG, CLIENT_RECORD_ID),
        "GET",
        f"{CLIENTS}/{CLIENT_RECORD_ID}/grants",
        None,
        200,
        {"grants": [GRANT]},
        _check_grants,
    ),
    Case(
        "revoke_oauth_grant",
        (DEP, SLUG, CLIENT_RECORD_ID, GRANT_ID),
        "POST",
        f"{CLIENTS}/{CLIENT_RECORD_ID}/grants/{GRANT_ID}/revoke",
        None,
        200,
        {},
        _check_none,
    ),
    Case(
        "list_signing_keys",
        (DEP, SLUG),
        "GET",
        f"{APPS}/{SLUG}/signing-keys",
        None,
        200,
        {"keys": [SIGNING_KEY]},
        _check_keys,
    ),
    Case(
        "rotate_signing_key",
        (DEP, SLUG),
        "POST",
        f"{APPS}/{SLUG}/signing-keys/rotate",
        None,
        200,
        {"new": SIGNING_KEY},
        _check_key,
    ),
    Case(
        "compromise_signing_key",
        (DEP, SLUG, KID),
        "POST",
        f"{APPS}/{SLUG}/signing-keys/{KID}/compromise",
        None,
        204,
        None,
        _check_none,
    ),
]


def _respond(case: Case) -> httpx.Response:
    if case.response is None:
        return httpx.Response(case.status)
    return json_response(case.status, body(case.response))


def _assert_request(case: Case, request: httpx.Request) -> None:
    assert request.method == case.method
    assert request.url.raw_path == case.raw_path.encode("ascii")
    assert_common_headers(request)
    if case.json is None:
        assert_no_body(request)
    else:
        assert_json_body(request, case.json)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_method_sends_the_documented_request_and_parses_the_answer(case: Case) -> None:
    recorder = Recorder([_respond(case)])
    client = make_client(recorder, max_retries=0)
    result = getattr(client.oauth, case.operation)(*case.args, **case.kwargs)
    assert len(recorder.requests) == 1
    _assert_request(case, recorder.requests[0])
    case.check(result)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_raw_response_twin_sends_the_same_request(case: Case) -> None:
    recorder = Recorder([_respond(case)])
    client = make_client(recorder, max_retries=0)
    raw = getattr(client.oauth.with_raw_response, case.operation)(*case.args, **case.kwargs)
    assert isinstance(raw, RawResponse)
    assert len(recorder.requests) == 1
    _assert_request(case, recorder.requests[0])
    assert raw.status_code == case.status
    assert raw.http_response.request is recorder.requests[0]
    case.check(raw.parsed)


def test_every_operation_is_in_the_wire_table() -> None:
    # create_oauth_app has its own multipart tests below.
    public = {name for name in dir(OAuth) if not name.startswith("_")} - {"with_raw_response"}
    assert {c.operation for c in CASES} | {"create_oauth_app"} == public


def test_204_with_a_stray_body_is_still_none() -> None:
    # The server builds `{}` for its 204s; never parse a 204 (§3).
    recorder = Recorder(
        [httpx.Response(204, content=b"{}", headers={"content-type": "application/json"})] * 2
    )
    client = make_client(recorder, max_retries=0)
    assert client.oauth.deactivate_oauth_client(DEP, SLUG, CLIENT_RECORD_ID) is None
    assert client.oauth.compromise_signing_key(DEP, SLUG, KID) is None


def test_numeric_ids_may_be_given_as_int() -> None:
    recorder = Recorder([json_response(200, {"client_secret": CLIENT_SECRET})])
    client = make_client(recorder)
    client.oauth.rotate_oauth_client_secret(DEP, SLUG, int(CLIENT_RECORD_ID))
    assert recorder.requests[0].url.raw_path == (
        f"{CLIENTS}/{CLIENT_RECORD_ID}/rotate-secret".encode()
    )


def test_base_url_with_a_path_prefix_and_trailing_slash() -> None:
    recorder = Recorder([json_response(200, {"apps": []})])
    client = make_client(recorder, base_url="https://proxy.example.com/wacht/")
    assert client.oauth.list_oauth_apps(DEP) == []
    request = recorder.requests[0]
    assert request.url.host == "proxy.example.com"
    assert request.url.raw_path == f"/wacht{APPS}".encode()


# -- parsing edge cases ---------------------------------------------------------------------


def test_extra_fields_are_kept_in_additional_properties() -> None:
    app = body(APP)
    app["brand_color"] = "#ff0000"
    app["scope_definitions"][0]["icon"] = {"kind": "emoji"}
    recorder = Recorder([json_response(200, {"apps": [app], "next": None})])
    (parsed,) = make_client(recorder).oauth.list_oauth_apps(DEP)
    assert parsed.additional_properties == {"brand_color": "#ff0000"}
    assert parsed.scope_definitions[0].additional_properties == {"icon": {"kind": "emoji"}}
    assert parsed.to_dict()["brand_color"] == "#ff0000"


def test_unknown_enum_values_are_kept_as_plain_strings() -> None:
    app = body(APP)
    app["scope_definitions"][0]["category"] = "team"
    client_body = {**body(CLIENT), "client_auth_method": "tls_client_auth"}
    client_body["access_token_format"] = "paseto"
    grant = {**body(GRANT), "status": "suspended"}
    key = {**body(SIGNING_KEY), "status": "compromised"}
    recorder = Recorder(
        [
            json_response(200, {"apps": [app]}),
            json_response(200, {"clients": [client_body]}),
            json_response(200, {"grants": [grant]}),
            json_response(200, {"keys": [key]}),
        ]
    )
    oauth = make_client(recorder).oauth
    category = oauth.list_oauth_apps(DEP)[0].scope_definitions[0].category
    parsed_client = oauth.list_oauth_clients(DEP, SLUG)[0]
    status = oauth.list_oauth_grants(DEP, SLUG, CLIENT_RECORD_ID)[0].status
    key_status = oauth.list_signing_keys(DEP, SLUG)[0].status
    for value, expected, enum in [
        (category, "team", m.ScopeCategory),
        (parsed_client.client_auth_method, "tls_client_auth", m.ClientAuthMethod),
        (parsed_client.access_token_format, "paseto", m.AccessTokenFormat),
        (status, "suspended", m.GrantStatus),
        (key_status, "compromised", m.SigningKeyStatus),
    ]:
        assert value == expected
        assert type(value) is str and not isinstance(value, enum)


def test_optional_and_nullable_fields_when_absent_or_set() -> None:
    grant = body(GRANT)
    del grant["granted_by_user_id"]  # skip_serializing_if: absent when null
    grant["status"] = "revoked"
    grant["revoked_at"] = "2026-05-15T08:00:00.000000001Z"
    grant["expires_at"] = "2026-06-14T11:00:00+00:00"
    jwks = {"keys": [{"kty": "RSA", "kid": "k1", "n": "abc", "e": "AQAB", "use": "sig"}]}
    client_body = {**body(CLIENT), "jwks": jwks, "client_auth_method": "private_key_jwt"}
    recorder = Recorder(
        [json_response(200, {"grants": [grant]}), json_response(200, {"clients": [client_body]})]
    )
    oauth = make_client(recorder).oauth
    parsed = oauth.list_oauth_grants(DEP, SLUG, CLIENT_RECORD_ID)[0]
    assert parsed.granted_by_user_id is UNSET
    assert parsed.status == m.GrantStatus.REVOKED
    assert parsed.revoked_at == utc(2026, 5, 15, 8, 0, 0, 0)
    assert parsed.expires_at == utc(2026, 6, 14, 11, 0)
    assert parsed.expires_at.utcoffset() == datetime.timedelta(0)
    parsed_client = oauth.list_oauth_clients(DEP, SLUG)[0]
    assert isinstance(parsed_client.jwks, m.JwksDocument)
    assert parsed_client.jwks.keys[0].kid == "k1" and parsed_client.jwks.keys[0].use == "sig"


# -- path escaping --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "encoded"),
    [
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("../../x", "..%2F..%2Fx"),
        ("a?b=c", "a%3Fb%3Dc"),
        ("a#frag", "a%23frag"),
        ("100%", "100%25"),
        ("%2F", "%252F"),
        ("two words", "two%20words"),
        ("café", "caf%C3%A9"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("a+b&c;d", "a%2Bb%26c%3Bd"),
    ],
)
def test_path_parameters_are_percent_encoded_into_one_segment(slug: str, encoded: str) -> None:
    recorder = Recorder([json_response(200, {"clients": []})])
    make_client(recorder).oauth.list_oauth_clients(DEP, slug)
    request = recorder.requests[0]
    assert request.url.raw_path == f"{APPS}/{encoded}/clients".encode("ascii")
    assert request.url.query == b"" and request.url.fragment == ""


def test_every_path_parameter_position_is_encoded() -> None:
    recorder = Recorder([httpx.Response(204), json_response(200, APP), httpx.Response(204)])
    oauth = make_client(recorder).oauth
    oauth.compromise_signing_key("..", "a/b", "../../apps")
    oauth.archive_oauth_scope("d", ".", "x/../y")
    oauth.deactivate_oauth_client("dep?x", "#", "12")
    assert [r.url.raw_path.decode() for r in recorder.requests] == [
        "/deployments/%2E%2E/oauth/apps/a%2Fb/signing-keys/..%2F..%2Fapps/compromise",
        "/deployments/d/oauth/apps/%2E/scopes/x%2F..%2Fy/archive",
        "/deployments/dep%3Fx/oauth/apps/%23/clients/12",
    ]


# -- create_oauth_app: the multipart form of §4.1 -------------------------------------------


def _create(request: m.CreateOAuthAppRequest) -> httpx.Request:
    recorder = Recorder([json_response(200, APP)])
    app = make_client(recorder).oauth.create_oauth_app(DEP, request)
    assert isinstance(app, m.OAuthApp) and app.id == APP_ID
    (sent,) = recorder.requests
    assert sent.method == "POST" and sent.url.raw_path == APPS.encode()
    assert_common_headers(sent)
    return sent


def test_create_app_sends_every_form_field() -> None:
    definition = m.OAuthScopeDefinition(
        scope="mcp:invoke",
        display_name="Invoke MCP Tools",
        description="Allows MCP tool execution",
        archived=False,
        category=m.ScopeCategory.WORKSPACE,
        workspace_permission="workspace:mcp:invoke",
    )
    sent = _create(
        m.CreateOAuthAppRequest(
            slug="mcp-auth",
            name="MCP Auth App",
            description="OAuth provider for MCP access",
            fqdn="auth.example.com",
            supported_scopes=["mcp:invoke", "mcp:read"],
            scope_definitions=[definition],
            allow_dynamic_client_registration=True,
            logo_file=PNG,
        )
    )
    boundary = boundary_of(sent)
    assert boundary != "+++" and len(boundary) >= 16
    assert int(sent.headers["content-length"]) == len(sent.content)
    parts = parse_multipart(sent)
    by_name = {p.name: p for p in parts}
    assert [p.name for p in parts] == [
        "slug",
        "name",
        "description",
        "fqdn",
        "supported_scopes",
        "scope_definitions",
        "allow_dynamic_client_registration",
        "logo",
    ]
    for part in parts[:-1]:
        assert part.filename is None  # a text field, not a file
    assert by_name["slug"].content == b"mcp-auth"
    assert by_name["name"].content == b"MCP Auth App"
    assert by_name["description"].content == b"OAuth provider for MCP access"
    assert by_name["fqdn"].content == b"auth.example.com"
    assert by_name["supported_scopes"].content == b"mcp:invoke,mcp:read"
    assert json.loads(by_name["scope_definitions"].content) == [
        {
            "scope": "mcp:invoke",
            "display_name": "Invoke MCP Tools",
            "description": "Allows MCP tool execution",
            "archived": False,
            "category": "workspace",
            "workspace_permission": "workspace:mcp:invoke",
        }
    ]
    assert by_name["allow_dynamic_client_registration"].content == b"true"
    logo = by_name["logo"]
    assert (logo.filename, logo.content_type, logo.content) == ("logo.png", "image/png", PNG)


def test_create_app_minimal_form_has_only_slug_and_name() -> None:
    sent = _create(m.CreateOAuthAppRequest(slug="s", name="n"))
    assert [(p.name, p.content) for p in parse_multipart(sent)] == [("slug", b"s"), ("name", b"n")]


def test_create_app_false_flag_and_unicode_text() -> None:
    sent = _create(
        m.CreateOAuthAppRequest(
            slug="s", name="Café ☕", allow_dynamic_client_registration=False, supported_scopes=[]
        )
    )
    by_name = {p.name: p.content for p in parse_multipart(sent)}
    assert by_name == {
        "slug": b"s",
        "name": "Café ☕".encode(),
        "supported_scopes": b"",
        "allow_dynamic_client_registration": b"false",
    }


def test_create_app_boundary_is_random_per_request() -> None:
    request = m.CreateOAuthAppRequest(slug="s", name="n")
    assert boundary_of(_create(request)) != boundary_of(_create(request))


@pytest.mark.parametrize(
    ("data", "content_type", "filename"),
    [
        (PNG, "image/png", "logo.png"),
        (JPEG, "image/jpeg", "logo.jpg"),
        (GIF, "image/gif", "logo.gif"),
        (b"GIF87a" + bytes(10), "image/gif", "logo.gif"),
        (WEBP, "image/webp", "logo.webp"),
        (ICO, "image/x-icon", "logo.ico"),
    ],
)
def test_create_app_logo_type_is_detected(data: bytes, content_type: str, filename: str) -> None:
    sent = _create(m.CreateOAuthAppRequest(slug="s", name="n", logo_file=data))
    logo = parse_multipart(sent)[-1]
    assert (logo.name, logo.filename, logo.content_type, logo.content) == (
        "logo",
        filename,
        content_type,
        data,
    )


def test_create_app_keeps_a_given_logo_filename() -> None:
    sent = _create(
        m.CreateOAuthAppRequest(slug="s", name="n", logo_file=JPEG, logo_filename="brand.jpeg")
    )
    logo = parse_multipart(sent)[-1]
    assert (logo.filename, logo.content_type) == ("brand.jpeg", "image/jpeg")


@pytest.mark.parametrize("flag", ["false", "true", 0, 1])
def test_create_app_flag_must_be_a_real_bool(flag: Any) -> None:
    # "false" is truthy: without the check it would be sent as "true" and enable registration.
    recorder = Recorder()
    with pytest.raises(InvalidArgumentError) as caught:
        make_client(recorder).oauth.create_oauth_app(
            DEP, m.CreateOAuthAppRequest(slug="s", name="n", allow_dynamic_client_registration=flag)
        )
    assert caught.value.argument == "request.allow_dynamic_client_registration"
    assert recorder.requests == []


def test_create_app_rejects_a_non_image_logo_before_any_request() -> None:
    recorder = Recorder()
    client = make_client(recorder)
    with pytest.raises(InvalidArgumentError):
        client.oauth.create_oauth_app(
            DEP, m.CreateOAuthAppRequest(slug="s", name="n", logo_file=b"%PDF-1.7\n")
        )
    assert recorder.requests == []


# -- update_oauth_app keeps the scope definitions (§4.2 server quirk) ------------------------


def _app_list(*apps: dict[str, Any]) -> httpx.Response:
    return json_response(200, {"apps": [body(a) for a in apps]})


def _update(
    request: m.UpdateOAuthAppRequest, *responses: httpx.Response, **kwargs: Any
) -> list[httpx.Request]:
    recorder = Recorder([*responses, json_response(200, APP)])
    result = make_client(recorder).oauth.update_oauth_app(DEP, SLUG, request, **kwargs)
    assert isinstance(result, m.OAuthApp)
    assert recorder.responses == []  # every queued answer was asked for
    for sent in recorder.requests:
        assert_common_headers(sent)
    patch = recorder.requests[-1]
    assert patch.method == "PATCH" and patch.url.raw_path == f"{APPS}/{SLUG}".encode()
    return recorder.requests


def test_update_app_by_default_resends_the_current_scope_definitions() -> None:
    other = {**APP, "id": "2", "slug": "other", "scope_definitions": []}
    get, patch = _update(m.UpdateOAuthAppRequest(name="Renamed"), _app_list(other, APP))
    assert get.method == "GET" and get.url.raw_path == APPS.encode()
    assert_no_body(get)
    assert_json_body(patch, {"name": "Renamed", "scope_definitions": APP["scope_definitions"]})


def test_update_app_resends_only_definitions_of_scopes_that_stay() -> None:
    get, patch = _update(
        m.UpdateOAuthAppRequest(supported_scopes=["mcp:invoke", "mcp:new"]), _app_list(APP)
    )
    assert get.method == "GET"
    assert_json_body(
        patch,
        {"supported_scopes": ["mcp:invoke", "mcp:new"], "scope_definitions": [SCOPE_DEFINITION]},
    )


def test_update_app_for_an_unknown_slug_sends_the_patch_unchanged() -> None:
    other = {**APP, "slug": "other"}
    get, patch = _update(m.UpdateOAuthAppRequest(name="Renamed"), _app_list(other))
    assert get.method == "GET"
    assert_json_body(patch, {"name": "Renamed"})  # the server answers the 404 itself


def test_update_app_without_preserving_sends_exactly_one_patch() -> None:
    (patch,) = _update(m.UpdateOAuthAppRequest(name="Renamed"), preserve_scope_definitions=False)
    assert_json_body(patch, {"name": "Renamed"})


@pytest.mark.parametrize("definitions", [[], [SCOPE_DEFINITION]])
def test_update_app_with_explicit_definitions_sends_exactly_one_patch(
    definitions: list[dict[str, Any]],
) -> None:
    request = m.UpdateOAuthAppRequest(
        allow_dynamic_client_registration=True,
        scope_definitions=[m.OAuthScopeDefinition.from_dict(d) for d in definitions],
    )
    (patch,) = _update(request)
    assert_json_body(
        patch, {"allow_dynamic_client_registration": True, "scope_definitions": definitions}
    )


def test_update_app_raw_response_is_the_patch_response() -> None:
    recorder = Recorder(
        [
            _app_list(APP),
            json_response(
                200,
                APP | {"name": "Renamed"},
            ),
        ]
    )
    raw = make_client(recorder).oauth.with_raw_response.update_oauth_app(
        DEP, SLUG, m.UpdateOAuthAppRequest(name="Renamed")
    )
    assert raw.http_response.request.method == "PATCH"
    assert raw.parsed.name == "Renamed"
