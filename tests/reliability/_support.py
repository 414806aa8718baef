"""Shared helpers for the reliability tests: a routing MockTransport API and sample bodies.

The mock answers every operation with a valid success body (shaped like the real server's) and
lets a test queue failures for one operation, so that a call that first reads (update_oauth_app's
list) still works while the operation under test misbehaves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from _wire_fixtures import CLIENT

from wacht_oauth_client import WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator

API_KEY = "wacht_test_sk_Zq9fK2mW7pLx4Rt8Vb1N"
SECRET = "oc_secret_MockSecretValueThatMustNeverLeak_0123456789ab"
DEP = "dep_1"
SLUG = "app-one"
SCOPE = "read"
CLIENT_ID = "1234567890123456789"  # numeric OAuthClient.id (above 2^53, like Sonyflake ids)
GRANT_ID = "9223372036854775807"
KID = "kid_1"
BASE = "http://wacht.test"
PREFIX = f"/deployments/{DEP}/oauth/apps"
NOW = "2026-05-14T10:30:00.123456Z"

Responder = Callable[[httpx.Request], httpx.Response]

# operation id -> (method, path regex after /deployments/{d}/oauth/apps)
ROUTES: dict[str, tuple[str, str]] = {
    "list_oauth_apps": ("GET", r""),
    "create_oauth_app": ("POST", r""),
    "update_oauth_app": ("PATCH", r"/[^/]+"),
    "verify_oauth_app_domain": ("POST", r"/[^/]+/verify-domain"),
    "update_oauth_scope": ("PATCH", r"/[^/]+/scopes/[^/]+"),
    "archive_oauth_scope": ("POST", r"/[^/]+/scopes/[^/]+/archive"),
    "unarchive_oauth_scope": ("POST", r"/[^/]+/scopes/[^/]+/unarchive"),
    "set_oauth_scope_mapping": ("POST", r"/[^/]+/scopes/[^/]+/mapping"),
    "list_oauth_clients": ("GET", r"/[^/]+/clients"),
    "create_oauth_client": ("POST", r"/[^/]+/clients"),
    "update_oauth_client": ("PATCH", r"/[^/]+/clients/[^/]+"),
    "deactivate_oauth_client": ("DELETE", r"/[^/]+/clients/[^/]+"),
    "rotate_oauth_client_secret": ("POST", r"/[^/]+/clients/[^/]+/rotate-secret"),
    "list_oauth_grants": ("GET", r"/[^/]+/clients/[^/]+/grants"),
    "revoke_oauth_grant": ("POST", r"/[^/]+/clients/[^/]+/grants/[^/]+/revoke"),
    "list_signing_keys": ("GET", r"/[^/]+/signing-keys"),
    "rotate_signing_key": ("POST", r"/[^/]+/signing-keys/rotate"),
    "compromise_signing_key": ("POST", r"/[^/]+/signing-keys/(?!rotate$)[^/]+/compromise"),
}


def operation_of(request: httpx.Request) -> str:
    """The operation a request addresses, judged on the raw (still percent-encoded) path."""
    raw = request.url.raw_path.decode("ascii")
    for op, (method, pattern) in ROUTES.items():
        if request.method == method and re.fullmatch(
            r"/deployments/[^/]+/oauth/apps" + pattern, raw
        ):
            return op
    return "UNKNOWN"


def scope_definition(scope: str) -> dict[str, Any]:
    return {
        "scope": scope,
        "display_name": f"{scope.title()} access",
        "description": f"Lets the app {scope}",
        "archived": False,
        "category": "",
        "organization_permission": None,
        "workspace_permission": None,
    }


def app_json(slug: str = SLUG) -> dict[str, Any]:
    return {
        "id": "7000000000000000001",
        "slug": slug,
        "name": "App One",
        "description": None,
        "logo_url": None,
        "fqdn": "abc.oapi.trywacht.xyz",
        "supported_scopes": ["read", "write"],
        "scope_definitions": [scope_definition("read"), scope_definition("write")],
        "allow_dynamic_client_registration": False,
        "is_active": True,
        "created_at": NOW,
        "updated_at": NOW,
    }


def client_json(with_secret: bool = False) -> dict[str, Any]:
    # The server's full OAuthClient shape lives once, in tests/_wire_fixtures.py.
    body: dict[str, Any] = {**CLIENT, "id": CLIENT_ID, "created_at": NOW, "updated_at": NOW}
    if with_secret:
        body["client_secret"] = SECRET
    return body


def grant_json() -> dict[str, Any]:
    return {
        "id": GRANT_ID,
        "api_auth_app_slug": "aa_1",
        "oauth_client_id": CLIENT_ID,
        "resource": "urn:wacht:user:42",
        "scopes": ["read"],
        "status": "active",
        "granted_at": NOW,
        "expires_at": None,
        "revoked_at": None,
        "created_at": NOW,
        "updated_at": NOW,
    }


def key_json() -> dict[str, Any]:
    pem = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"
    return {"kid": KID, "algorithm": "RS256", "status": "active", "public_key_pem": pem}


def success_body(op: str) -> tuple[int, Any]:
    """(status, JSON body or None) of a successful call, shaped like the real server's."""
    bodies: dict[str, tuple[int, Any]] = {
        "list_oauth_apps": (200, {"apps": [app_json()]}),
        "create_oauth_app": (200, app_json()),
        "update_oauth_app": (200, app_json()),
        "verify_oauth_app_domain": (
            200,
            {
                "domain": "abc.oapi.trywacht.xyz",
                "cname_target": "oauth.wacht.services",
                "verified": False,
            },
        ),
        "update_oauth_scope": (200, app_json()),
        "archive_oauth_scope": (200, app_json()),
        "unarchive_oauth_scope": (200, app_json()),
        "set_oauth_scope_mapping": (200, app_json()),
        "list_oauth_clients": (200, {"clients": [client_json()]}),
        "create_oauth_client": (200, client_json(with_secret=True)),
        "update_oauth_client": (200, client_json()),
        "deactivate_oauth_client": (204, None),
        "rotate_oauth_client_secret": (200, {"client_secret": SECRET}),
        "list_oauth_grants": (200, {"grants": [grant_json()]}),
        "revoke_oauth_grant": (200, {}),
        "list_signing_keys": (200, {"keys": [key_json()]}),
        "rotate_signing_key": (200, {"new": key_json()}),
        "compromise_signing_key": (204, None),
    }
    return bodies[op]


def ok(op: str) -> Responder:
    status, body = success_body(op)
    if body is None:
        return lambda request: httpx.Response(status)
    return lambda request: httpx.Response(status, json=body)


class MockAPI:
    """A MockTransport handler: success bodies for every operation, queued faults per operation."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.operations: list[str] = []
        self._queued: dict[str, list[Responder]] = {}

    def queue(self, op: str, *responders: Responder) -> None:
        self._queued.setdefault(op, []).extend(responders)

    def count(self, op: str) -> int:
        return self.operations.count(op)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        op = operation_of(request)
        self.requests.append(request)
        self.operations.append(op)
        queued = self._queued.get(op)
        if queued:
            return queued.pop(0)(request)
        if op == "UNKNOWN":
            return httpx.Response(404, json={"errors": [{"message": "Not found", "code": 404}]})
        return ok(op)(request)


def mock_client(api: MockAPI, **kwargs: Any) -> WachtClient:
    http = httpx.Client(transport=httpx.MockTransport(api))
    return WachtClient(api_key=API_KEY, base_url=BASE, http_client=http, **kwargs)


# -- canned failures -------------------------------------------------------------------------


def html(status: int) -> Responder:
    page = f"<html><body><h1>{status} Error</h1><p>nginx</p></body></html>"
    return lambda request: httpx.Response(
        status, content=page.encode(), headers={"Content-Type": "text/html"}
    )


def rate_limited(retry_after: str | None = None, seconds_in_message: int = 60) -> Responder:
    message = f"Rate limit exceeded. Retry after {seconds_in_message} seconds"
    headers = {} if retry_after is None else {"Retry-After": retry_after}

    def respond(request: httpx.Request) -> httpx.Response:
        body = {"errors": [{"message": message, "code": 429}]}
        return httpx.Response(429, json=body, headers=headers)

    return respond


def raising(exc_type: type[httpx.TransportError], message: str) -> Responder:
    def respond(request: httpx.Request) -> httpx.Response:
        raise exc_type(message, request=request)

    return respond


# -- one valid call per operation ------------------------------------------------------------

LOGO_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@dataclass(frozen=True)
class Op:
    name: str
    method: str
    call: Callable[[WachtClient], Any]


OPS: list[Op] = [
    Op("list_oauth_apps", "GET", lambda c: c.oauth.list_oauth_apps(DEP)),
    Op(
        "create_oauth_app",
        "POST",
        lambda c: c.oauth.create_oauth_app(
            DEP,
            m.CreateOAuthAppRequest(
                slug=SLUG, name="App One", supported_scopes=["read", "write"], logo_file=LOGO_PNG
            ),
        ),
    ),
    Op(
        "update_oauth_app",
        "PATCH",
        lambda c: c.oauth.update_oauth_app(DEP, SLUG, m.UpdateOAuthAppRequest(name="Renamed")),
    ),
    Op("verify_oauth_app_domain", "POST", lambda c: c.oauth.verify_oauth_app_domain(DEP, SLUG)),
    Op(
        "update_oauth_scope",
        "PATCH",
        lambda c: c.oauth.update_oauth_scope(
            DEP, SLUG, SCOPE, m.UpdateOAuthScopeRequest(display_name="Read it")
        ),
    ),
    Op("archive_oauth_scope", "POST", lambda c: c.oauth.archive_oauth_scope(DEP, SLUG, SCOPE)),
    Op("unarchive_oauth_scope", "POST", lambda c: c.oauth.unarchive_oauth_scope(DEP, SLUG, SCOPE)),
    Op(
        "set_oauth_scope_mapping",
        "POST",
        lambda c: c.oauth.set_oauth_scope_mapping(
            DEP, SLUG, SCOPE, m.SetOAuthScopeMappingRequest(category="personal")
        ),
    ),
    Op("list_oauth_clients", "GET", lambda c: c.oauth.list_oauth_clients(DEP, SLUG)),
    Op(
        "create_oauth_client",
        "POST",
        lambda c: c.oauth.create_oauth_client(
            DEP,
            SLUG,
            m.CreateOAuthClientRequest(
                client_auth_method="client_secret_basic",
                grant_types=["authorization_code"],
                redirect_uris=["https://example.com/cb"],
            ),
        ),
    ),
    Op(
        "update_oauth_client",
        "PATCH",
        lambda c: c.oauth.update_oauth_client(
            DEP, SLUG, CLIENT_ID, m.UpdateOAuthClientRequest(client_name="Renamed")
        ),
    ),
    Op(
        "deactivate_oauth_client",
        "DELETE",
        lambda c: c.oauth.deactivate_oauth_client(DEP, SLUG, CLIENT_ID),
    ),
    Op(
        "rotate_oauth_client_secret",
        "POST",
        lambda c: c.oauth.rotate_oauth_client_secret(DEP, SLUG, CLIENT_ID),
    ),
    Op("list_oauth_grants", "GET", lambda c: c.oauth.list_oauth_grants(DEP, SLUG, CLIENT_ID)),
    Op(
        "revoke_oauth_grant",
        "POST",
        lambda c: c.oauth.revoke_oauth_grant(DEP, SLUG, CLIENT_ID, GRANT_ID),
    ),
    Op("list_signing_keys", "GET", lambda c: c.oauth.list_signing_keys(DEP, SLUG)),
    Op("rotate_signing_key", "POST", lambda c: c.oauth.rotate_signing_key(DEP, SLUG)),
    Op("compromise_signing_key", "POST", lambda c: c.oauth.compromise_signing_key(DEP, SLUG, KID)),
]
OPS_BY_NAME = {op.name: op for op in OPS}


def body_json(request: httpx.Request) -> Any:
    return json.loads(request.content)


# -- the emulator -----------------------------------------------------------------------------


@dataclass(frozen=True)
class World:
    """Ids of the records `world` creates in the emulator."""

    slug: str
    scope: str
    client_id: str  # numeric OAuthClient.id
    grant_id: str
    kid: str
    secret: str


def build_world(client: WachtClient, emu: Emulator, slug: str = "app-one") -> World:
    """An app with two defined scopes, a secret-based client, a grant and a signing key."""
    definitions = [
        m.OAuthScopeDefinition(scope="read", display_name="Read things", description="Reads"),
        m.OAuthScopeDefinition(scope="write", display_name="Write things", description="Writes"),
    ]
    client.oauth.create_oauth_app(
        DEP,
        m.CreateOAuthAppRequest(
            slug=slug,
            name="App One",
            supported_scopes=["read", "write"],
            scope_definitions=definitions,
        ),
    )
    created = client.oauth.create_oauth_client(
        DEP,
        slug,
        m.CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code", "refresh_token"],
            redirect_uris=["https://example.com/callback"],
        ),
    )
    assert isinstance(created.client_secret, str)
    grant = emu.add_grant(DEP, slug, created.id, scopes=["read"])
    kid = client.oauth.list_signing_keys(DEP, slug)[0].kid
    return World(slug, "read", created.id, str(grant["id"]), kid, created.client_secret)


def _client_request() -> m.CreateOAuthClientRequest:
    return m.CreateOAuthClientRequest(
        client_auth_method="client_secret_post",
        grant_types=["authorization_code"],
        redirect_uris=["https://example.com/other"],
    )


# operation id -> one valid call against a `build_world` emulator
EMU_CALLS: dict[str, Callable[[WachtClient, World], Any]] = {
    "list_oauth_apps": lambda c, w: c.oauth.list_oauth_apps(DEP),
    "create_oauth_app": lambda c, w: c.oauth.create_oauth_app(
        DEP, m.CreateOAuthAppRequest(slug="second-app", name="Second", supported_scopes=["a"])
    ),
    "update_oauth_app": lambda c, w: c.oauth.update_oauth_app(
        DEP, w.slug, m.UpdateOAuthAppRequest(name="Renamed")
    ),
    "verify_oauth_app_domain": lambda c, w: c.oauth.verify_oauth_app_domain(DEP, w.slug),
    "update_oauth_scope": lambda c, w: c.oauth.update_oauth_scope(
        DEP, w.slug, w.scope, m.UpdateOAuthScopeRequest(display_name="Read it all")
    ),
    "archive_oauth_scope": lambda c, w: c.oauth.archive_oauth_scope(DEP, w.slug, w.scope),
    "unarchive_oauth_scope": lambda c, w: c.oauth.unarchive_oauth_scope(DEP, w.slug, w.scope),
    "set_oauth_scope_mapping": lambda c, w: c.oauth.set_oauth_scope_mapping(
        DEP, w.slug, w.scope, m.SetOAuthScopeMappingRequest(category="personal")
    ),
    "list_oauth_clients": lambda c, w: c.oauth.list_oauth_clients(DEP, w.slug),
    "create_oauth_client": lambda c, w: c.oauth.create_oauth_client(DEP, w.slug, _client_request()),
    "update_oauth_client": lambda c, w: c.oauth.update_oauth_client(
        DEP, w.slug, w.client_id, m.UpdateOAuthClientRequest(client_name="Renamed client")
    ),
    "deactivate_oauth_client": lambda c, w: c.oauth.deactivate_oauth_client(
        DEP, w.slug, w.client_id
    ),
    "rotate_oauth_client_secret": lambda c, w: c.oauth.rotate_oauth_client_secret(
        DEP, w.slug, w.client_id
    ),
    "list_oauth_grants": lambda c, w: c.oauth.list_oauth_grants(DEP, w.slug, w.client_id),
    "revoke_oauth_grant": lambda c, w: c.oauth.revoke_oauth_grant(
        DEP, w.slug, w.client_id, w.grant_id
    ),
    "list_signing_keys": lambda c, w: c.oauth.list_signing_keys(DEP, w.slug),
    "rotate_signing_key": lambda c, w: c.oauth.rotate_signing_key(DEP, w.slug),
    "compromise_signing_key": lambda c, w: c.oauth.compromise_signing_key(DEP, w.slug, w.kid),
}
