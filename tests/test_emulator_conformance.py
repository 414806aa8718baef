"""The emulator answers with exactly the shapes of openapi/wacht-oauth.yaml.

1. openapi-core: a scenario drives all 18 operations through the SDK (and raw httpx for bodies
   the SDK never sends) on success and error paths, and validates EVERY response (status,
   content type, body) against the spec. A spec-violating response fails the test; the last
   tests prove the validator really rejects such responses, including one the emulator itself
   is made to send.
2. schemathesis, in test_emulator_schemathesis.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from cassette.recording import app_request, client_request  # the cassette suite's bodies
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from wacht_oauth_client import WachtClient, WachtError
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import OPERATION_IDS, Emulator, Fault

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "wacht-oauth.yaml"
SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SPEC_SERVER = SPEC["servers"][0]["url"]
OPENAPI = OpenAPI.from_dict(SPEC)
API_KEY = "wacht_test_sk_conformance"
DEP = "dep_123"
SLUG = "mcp-auth"
BASE = "http://emulator.test"
PREFIX = f"/deployments/{DEP}/oauth/apps"
# (operationId, status) pairs the spec declares without a body (204s).
BODILESS = {
    (operation["operationId"], int(status))
    for item in SPEC["paths"].values()
    for method, operation in item.items()
    if method != "parameters"
    for status, response in operation["responses"].items()
    if "content" not in response and "$ref" not in response
}

Exchange = tuple[str, httpx.Request, httpx.Response]


class _Recorder(httpx.BaseTransport):
    """Wraps the emulator's in-process transport and keeps every (operationId, request,
    response); the operationId comes from the emulator's own routing log."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.inner = emulator.transport()
        self.exchanges: list[Exchange] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        operation_id = self.emulator.requests[-1][2]
        self.exchanges.append((operation_id, request, response))
        return response


def spec_violations(operation_id: str, request: httpx.Request, response: httpx.Response) -> str:
    """Why `response` violates the spec for `request` ("" if it conforms)."""
    content_type = response.headers.get("content-type", "")
    try:
        OPENAPI.validate_response(
            MockRequest(SPEC_SERVER, request.method, request.url.raw_path.decode("ascii")),
            MockResponse(
                response.content,
                status_code=response.status_code,
                headers=dict(response.headers),
                content_type=content_type,
            ),
        )
    except Exception as exc:  # openapi-core raises a family of errors; all mean "violates"
        return f"{type(exc).__name__}: {exc}"
    # openapi-core ignores a body where the spec declares none; a 204 must be empty.
    if (operation_id, response.status_code) in BODILESS and (response.content or content_type):
        return f"{response.status_code} must have no body/content type, got {response.content!r}"
    return ""


# -- the scenario --------------------------------------------------------------------------------


def _expect_error(call: Callable[[], object]) -> None:
    with pytest.raises(WachtError):
        call()


def drive_every_operation(client: WachtClient, raw: httpx.Client, emulator: Emulator) -> None:
    oauth = client.oauth
    # -- success paths, with every optional shape (nulls, jwks, secrets, grant fields) --------
    oauth.list_oauth_apps(DEP)  # empty list
    oauth.create_oauth_app(DEP, app_request(SLUG))
    oauth.create_oauth_app(DEP, m.CreateOAuthAppRequest(slug="bare", name="Bare"))  # nulls
    emulator.set_deployment_mode("dep_prod", "production")
    oauth.create_oauth_app(
        "dep_prod", m.CreateOAuthAppRequest(slug="prod", name="P", fqdn="Auth.Example.com")
    )
    oauth.list_oauth_apps(DEP)
    oauth.update_oauth_app(DEP, SLUG, m.UpdateOAuthAppRequest(description="d"))
    oauth.update_oauth_app(
        DEP, "bare", m.UpdateOAuthAppRequest(name="B"), preserve_scope_definitions=False
    )
    oauth.verify_oauth_app_domain(DEP, SLUG)
    oauth.verify_oauth_app_domain("dep_prod", "prod")
    oauth.update_oauth_scope(DEP, SLUG, "mcp:read", m.UpdateOAuthScopeRequest(display_name="R"))
    oauth.archive_oauth_scope(DEP, SLUG, "mcp:read")
    oauth.unarchive_oauth_scope(DEP, SLUG, "mcp:read")
    emulator.set_b2b_permissions(DEP, organization=["org:read"], workspace=["ws:invoke"])
    oauth.set_oauth_scope_mapping(
        DEP,
        SLUG,
        "mcp:invoke",
        m.SetOAuthScopeMappingRequest("workspace", workspace_permission="ws:invoke"),
    )
    oauth.set_oauth_scope_mapping(
        DEP,
        SLUG,
        "mcp:read",
        m.SetOAuthScopeMappingRequest("organization", organization_permission="org:read"),
    )

    secret_client = oauth.create_oauth_client(DEP, SLUG, client_request())
    public_client = oauth.create_oauth_client(
        DEP,
        SLUG,
        m.CreateOAuthClientRequest(
            client_auth_method="none",
            grant_types=["authorization_code"],
            redirect_uris=["http://localhost:3000/cb"],
            contacts=["ops@example.com"],
            access_token_format="jwt",
        ),
    )
    jwt_client = oauth.create_oauth_client(
        DEP,
        SLUG,
        m.CreateOAuthClientRequest(
            client_auth_method="private_key_jwt",
            grant_types=["authorization_code"],
            redirect_uris=["https://app.example.com/cb"],
            jwks=m.JwksDocument(keys=[m.Jwk(kty="RSA", kid="k1", n="AQAB", e="AQAB")]),
        ),
    )
    oauth.create_oauth_client(
        DEP,
        SLUG,
        m.CreateOAuthClientRequest(
            client_auth_method="private_key_jwt",
            grant_types=["authorization_code"],
            redirect_uris=["https://app.example.com/cb"],
            public_key_pem="-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        ),
    )
    oauth.list_oauth_clients(DEP, SLUG)
    oauth.update_oauth_client(
        DEP, SLUG, secret_client.id, m.UpdateOAuthClientRequest(client_uri="https://x.example.com")
    )
    oauth.update_oauth_client(
        DEP, SLUG, jwt_client.id, m.UpdateOAuthClientRequest(jwks_uri="https://x.example.com/jwks")
    )
    oauth.rotate_oauth_client_secret(DEP, SLUG, secret_client.id)
    emulator.add_grant(DEP, SLUG, public_client.id, scopes=["mcp:invoke"])
    emulator.add_grant(
        DEP,
        SLUG,
        public_client.id,
        scopes=["mcp:read"],
        resource="urn:wacht:organization:7",
        granted_by_user_id=42,
        expires_at=datetime(2027, 1, 1, tzinfo=UTC),
    )
    grants = oauth.list_oauth_grants(DEP, SLUG, public_client.id)
    oauth.revoke_oauth_grant(DEP, SLUG, public_client.id, grants[0].id)
    oauth.revoke_oauth_grant(DEP, SLUG, public_client.id, "999")  # unknown grant: silent 200
    oauth.list_oauth_grants(DEP, SLUG, public_client.id)
    oauth.deactivate_oauth_client(DEP, SLUG, public_client.id)
    oauth.list_oauth_clients(DEP, SLUG)
    keys = oauth.list_signing_keys(DEP, SLUG)
    oauth.rotate_signing_key(DEP, SLUG)
    oauth.compromise_signing_key(DEP, SLUG, keys[0].kid)
    oauth.list_signing_keys(DEP, SLUG)

    # -- error paths through the SDK ------------------------------------------------------------
    ghost = "no-such-app"
    cid = secret_client.id
    for call in (
        lambda: oauth.create_oauth_app(DEP, app_request(SLUG)),  # 409
        lambda: oauth.create_oauth_app("dep_prod", m.CreateOAuthAppRequest(slug="x", name="X")),
        lambda: oauth.update_oauth_app(DEP, ghost, m.UpdateOAuthAppRequest(name="n")),
        lambda: oauth.verify_oauth_app_domain(DEP, ghost),
        lambda: oauth.update_oauth_scope(DEP, ghost, "s", m.UpdateOAuthScopeRequest()),
        lambda: oauth.update_oauth_scope(DEP, SLUG, "nope", m.UpdateOAuthScopeRequest()),
        lambda: oauth.archive_oauth_scope(DEP, ghost, "s"),
        lambda: oauth.unarchive_oauth_scope(DEP, SLUG, "nope"),
        lambda: oauth.set_oauth_scope_mapping(
            DEP, ghost, "s", m.SetOAuthScopeMappingRequest("personal")
        ),
        lambda: oauth.set_oauth_scope_mapping(
            DEP, SLUG, "mcp:invoke", m.SetOAuthScopeMappingRequest("team")
        ),
        lambda: oauth.set_oauth_scope_mapping(
            DEP,
            SLUG,
            "mcp:invoke",
            m.SetOAuthScopeMappingRequest("organization", organization_permission="org:read"),
        ),  # immutable once set
        lambda: oauth.list_oauth_clients(DEP, ghost),
        lambda: oauth.create_oauth_client(DEP, ghost, client_request()),
        lambda: oauth.create_oauth_client(
            DEP,
            SLUG,
            m.CreateOAuthClientRequest("client_secret_post", ["authorization_code"], ["ftp://x"]),
        ),
        lambda: oauth.create_oauth_client(
            DEP, SLUG, m.CreateOAuthClientRequest("magic", ["authorization_code"])
        ),
        lambda: oauth.update_oauth_client(DEP, SLUG, "4242", m.UpdateOAuthClientRequest()),
        lambda: oauth.update_oauth_client(
            DEP, SLUG, public_client.id, m.UpdateOAuthClientRequest()
        ),
        lambda: oauth.update_oauth_client(
            DEP, SLUG, cid, m.UpdateOAuthClientRequest(access_token_ttl_seconds=5)
        ),
        lambda: oauth.deactivate_oauth_client(DEP, SLUG, public_client.id),  # already inactive
        lambda: oauth.deactivate_oauth_client(DEP, ghost, cid),
        lambda: oauth.rotate_oauth_client_secret(DEP, SLUG, jwt_client.id),  # 400 method
        lambda: oauth.rotate_oauth_client_secret(DEP, SLUG, public_client.id),  # inactive
        lambda: oauth.list_oauth_grants(DEP, SLUG, "4242"),
        lambda: oauth.revoke_oauth_grant(DEP, ghost, cid, "1"),
        lambda: oauth.list_signing_keys(DEP, ghost),
        lambda: oauth.rotate_signing_key(DEP, ghost),
        lambda: oauth.compromise_signing_key(DEP, SLUG, keys[0].kid),  # already compromised
        lambda: oauth.compromise_signing_key(DEP, ghost, "kid"),
    ):
        _expect_error(call)

    # -- what the SDK never sends: malformed bodies, bad ids, no/invalid auth --------------------
    auth = {"Authorization": f"Bearer {API_KEY}"}
    client_url = f"{PREFIX}/{SLUG}/clients"
    raw.post(
        client_url, json={"client_auth_method": "none", "grant_types": "x"}, headers=auth
    )  # 422
    raw.post(client_url, json={"grant_types": ["authorization_code"]}, headers=auth)  # 422 missing
    raw.post(client_url, content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    raw.post(client_url, content=b"{}", headers=auth)  # 415: no JSON content type
    raw.patch(f"{PREFIX}/{SLUG}", json={"name": 5}, headers=auth)  # 422
    raw.post(f"{PREFIX}/{SLUG}/scopes/mcp:invoke/mapping", json={}, headers=auth)  # 422
    raw.patch(f"{client_url}/not-a-number", json={}, headers=auth)  # 400 Bad request
    raw.post(f"{client_url}/{cid}/grants/x/revoke", headers=auth)  # 400 Bad request
    raw.post(PREFIX, files={"name": (None, "no slug")}, headers=auth)  # 400 slug is required
    raw.post(PREFIX, json={"slug": "a", "name": "b"}, headers=auth)  # 400 not multipart
    raw.post(
        PREFIX,
        files={
            "slug": (None, "big"),
            "name": (None, "Big"),
            "logo": ("l.png", b"0" * 2_200_000, "image/png"),
        },
        headers=auth,
    )  # over the 2 MiB limit
    raw.post(
        PREFIX,
        files={"slug": (None, "bmp"), "name": (None, "B"), "logo": ("l.bmp", b"BM", "image/bmp")},
        headers=auth,
    )
    raw.get(PREFIX)  # 401: no Authorization header
    raw.get(PREFIX, headers={"Authorization": f"bearer {API_KEY}"})  # 401: prefix is case-sensitive
    with WachtClient(api_key="wrong-key", base_url=BASE, http_client=raw, max_retries=0) as wrong:
        for operation in _every_operation(wrong, cid, keys[0].kid):
            _expect_error(operation)


def _every_operation(client: WachtClient, cid: str, kid: str) -> list[Callable[[], object]]:
    """One call of each of the 18 operations (used with a rejected API key: 401 for all)."""
    o = client.oauth
    return [
        lambda: o.list_oauth_apps(DEP),
        lambda: o.create_oauth_app(DEP, app_request("x")),
        lambda: o.update_oauth_app(
            DEP, SLUG, m.UpdateOAuthAppRequest(), preserve_scope_definitions=False
        ),
        lambda: o.verify_oauth_app_domain(DEP, SLUG),
        lambda: o.update_oauth_scope(DEP, SLUG, "mcp:read", m.UpdateOAuthScopeRequest()),
        lambda: o.archive_oauth_scope(DEP, SLUG, "mcp:read"),
        lambda: o.unarchive_oauth_scope(DEP, SLUG, "mcp:read"),
        lambda: o.set_oauth_scope_mapping(
            DEP, SLUG, "mcp:read", m.SetOAuthScopeMappingRequest("personal")
        ),
        lambda: o.list_oauth_clients(DEP, SLUG),
        lambda: o.create_oauth_client(DEP, SLUG, client_request()),
        lambda: o.update_oauth_client(DEP, SLUG, cid, m.UpdateOAuthClientRequest()),
        lambda: o.deactivate_oauth_client(DEP, SLUG, cid),
        lambda: o.rotate_oauth_client_secret(DEP, SLUG, cid),
        lambda: o.list_oauth_grants(DEP, SLUG, cid),
        lambda: o.revoke_oauth_grant(DEP, SLUG, cid, "1"),
        lambda: o.list_signing_keys(DEP, SLUG),
        lambda: o.rotate_signing_key(DEP, SLUG),
        lambda: o.compromise_signing_key(DEP, SLUG, kid),
    ]


Drive = Callable[[WachtClient, httpx.Client, Emulator], None]


def _record(drive: Drive) -> list[Exchange]:
    """Every exchange of `drive` with a fresh emulator whose API key manages DEP."""
    emulator = Emulator(seed=0, api_keys={API_KEY: DEP})
    recorder = _Recorder(emulator)
    with (
        httpx.Client(transport=recorder, base_url=BASE) as raw,
        WachtClient(api_key=API_KEY, base_url=BASE, http_client=raw, max_retries=0) as client,
    ):
        drive(client, raw, emulator)
    return recorder.exchanges


@pytest.fixture
def scenario() -> list[Exchange]:
    return _record(drive_every_operation)


def drive_the_key_scoped_mount(client: WachtClient, raw: httpx.Client, emulator: Emulator) -> None:
    """All 18 operations on the root mount, where the deployment comes from the API key."""
    oauth = client.deployment().oauth
    oauth.create_oauth_app(app_request(SLUG))
    oauth.list_oauth_apps()
    oauth.update_oauth_app(SLUG, m.UpdateOAuthAppRequest(description="d"))
    oauth.verify_oauth_app_domain(SLUG)
    oauth.update_oauth_scope(SLUG, "mcp:read", m.UpdateOAuthScopeRequest(display_name="R"))
    oauth.archive_oauth_scope(SLUG, "mcp:read")
    oauth.unarchive_oauth_scope(SLUG, "mcp:read")
    oauth.set_oauth_scope_mapping(SLUG, "mcp:read", m.SetOAuthScopeMappingRequest("personal"))
    created = oauth.create_oauth_client(SLUG, client_request())
    oauth.list_oauth_clients(SLUG)
    oauth.update_oauth_client(SLUG, created.id, m.UpdateOAuthClientRequest(client_name="n"))
    oauth.rotate_oauth_client_secret(SLUG, created.id)
    emulator.add_grant(DEP, SLUG, created.id, scopes=["mcp:read"])
    grants = oauth.list_oauth_grants(SLUG, created.id)
    oauth.revoke_oauth_grant(SLUG, created.id, grants[0].id)
    keys = oauth.list_signing_keys(SLUG)
    oauth.rotate_signing_key(SLUG)
    oauth.compromise_signing_key(SLUG, keys[0].kid)
    oauth.deactivate_oauth_client(SLUG, created.id)
    _expect_error(lambda: oauth.list_oauth_clients("no-such-app"))
    raw.get("/oauth/apps")  # 401: no Authorization header
    raw.get("/oauth/apps", headers={"Authorization": "Bearer wrong-key"})  # 401: unknown key


@pytest.fixture
def key_scoped_scenario() -> list[Exchange]:
    return _record(drive_the_key_scoped_mount)


def test_key_scoped_mount_responses_conform_to_the_spec(
    key_scoped_scenario: list[Exchange],
) -> None:
    assert {op for op, _, _ in key_scoped_scenario} >= set(OPERATION_IDS)
    assert all(not r.url.raw_path.startswith(b"/deployments/") for _, r, _ in key_scoped_scenario)
    assert [
        json.loads(response.content)["errors"][0]["message"]
        for _, _, response in key_scoped_scenario
        if response.status_code == 401
    ] == ["Authorization header must be Bearer token", "Authentication failed"]
    violations = [
        f"{request.method} {request.url.raw_path.decode()} -> {response.status_code}: {why}"
        for operation_id, request, response in key_scoped_scenario
        if (why := spec_violations(operation_id, request, response))
    ]
    assert violations == []


def test_every_emulator_response_conforms_to_the_spec(scenario: list[Exchange]) -> None:
    violations = [
        f"{request.method} {request.url.raw_path.decode()} -> {response.status_code}: {why}"
        for operation_id, request, response in scenario
        if (why := spec_violations(operation_id, request, response))
    ]
    assert violations == []


def test_the_scenario_covers_every_operation_on_success_and_error_paths(
    scenario: list[Exchange],
) -> None:
    statuses: dict[str, set[int]] = {}
    for operation_id, _, response in scenario:
        statuses.setdefault(operation_id, set()).add(response.status_code)
    operations = {
        op["operationId"]
        for item in SPEC["paths"].values()
        for k, op in item.items()
        if k != "parameters"
    }
    assert set(statuses) == operations  # all 18, and nothing unrouted ("")
    for operation_id, seen in statuses.items():
        assert any(s < 300 for s in seen), f"{operation_id}: no success response"
        assert 401 in seen, f"{operation_id}: no 401"
        if operation_id != "list_oauth_apps":  # its only error besides auth is a 5xx (§7)
            assert any(400 <= s < 500 and s != 401 for s in seen), f"{operation_id}: no 4xx"
    every_status = set().union(*statuses.values())
    assert every_status >= {200, 204, 400, 401, 404, 409, 415, 422}


# -- the validator catches violations ------------------------------------------------------------


def _one_exchange(operation_id: str) -> tuple[httpx.Request, httpx.Response]:
    emulator = Emulator(seed=0)
    recorder = _Recorder(emulator)
    with WachtClient(api_key="k", base_url=BASE, http_client=httpx.Client(transport=recorder)) as c:
        c.oauth.create_oauth_app(DEP, app_request(SLUG))
        c.oauth.create_oauth_client(DEP, SLUG, client_request())
    ((_, request, response),) = [x for x in recorder.exchanges if x[0] == operation_id]
    return request, response


def _altered(response: httpx.Response, **changes: Any) -> httpx.Response:
    body = changes.pop("json", None)
    content = (
        json.dumps(body).encode() if body is not None else changes.pop("content", response.content)
    )
    headers = changes.pop("headers", {"content-type": "application/json"})
    return httpx.Response(
        changes.pop("status_code", response.status_code), content=content, headers=headers
    )


@pytest.mark.parametrize(
    "violation",
    [
        "missing required field",
        "int64 id as a JSON number",
        "null in a non-nullable field",
        "timestamp that is not a date-time",
        "undeclared status",
        "html content type",
        "204 with a body",
    ],
)
def test_a_spec_violating_response_is_caught(violation: str) -> None:
    request, response = _one_exchange("create_oauth_client")
    good = response.json()
    assert spec_violations("create_oauth_client", request, response) == ""  # the control

    operation_id = "create_oauth_client"
    if violation == "missing required field":
        bad = _altered(response, json={k: v for k, v in good.items() if k != "client_id"})
    elif violation == "int64 id as a JSON number":
        bad = _altered(response, json={**good, "id": int(good["id"])})
    elif violation == "null in a non-nullable field":
        bad = _altered(response, json={**good, "redirect_uris": None})
    elif violation == "timestamp that is not a date-time":
        bad = _altered(response, json={**good, "created_at": "yesterday"})
    elif violation == "undeclared status":
        bad = _altered(response, status_code=201)  # the server answers 200 on create
    elif violation == "html content type":
        bad = _altered(response, content=b"<html></html>", headers={"content-type": "text/html"})
    else:
        operation_id = "deactivate_oauth_client"
        request = httpx.Request("DELETE", f"{BASE}{PREFIX}/{SLUG}/clients/{good['id']}")
        bad = _altered(response, status_code=204, json={})

    assert spec_violations(operation_id, request, bad) != ""


def test_a_bad_response_from_the_emulator_itself_is_caught() -> None:
    # End to end: make the emulator send a non-conforming 200 and validate what arrived.
    emulator = Emulator(seed=0)
    emulator.inject_fault(
        "list_oauth_apps", Fault.raw(200, b'{"apps":[{"id":"1","slug":"a"}]}', "application/json")
    )
    recorder = _Recorder(emulator)
    with httpx.Client(transport=recorder, base_url=BASE) as raw:
        raw.get(PREFIX, headers={"Authorization": "Bearer k"})
    ((operation_id, request, response),) = recorder.exchanges

    why = spec_violations(operation_id, request, response)

    assert "'name' is a required property" in why
