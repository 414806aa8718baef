"""The benchmarked operations, each as callables doing the same HTTP exchange.

- raw: a hand-written `httpx.Client` call plus `json.loads` (the floor);
- generated: the bare generated `sync_detailed` with a generated `AuthenticatedClient`;
- facade: `WachtClient.oauth.<method>`;
- list-grants only: "stdlib json", the facade with the msgspec fast path switched off (what an
  install without the `speedups` extra runs), and the peers of `_peers.py`.

All layers share one transport (an in-memory `httpx.MockTransport` or a real pool against the
emulator), so they differ only in the Python work around the exchange. Inputs are built once,
outside the timed loop, in each layer's natural input type.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import Any

import _peers
import httpx

from wacht_oauth_client import WachtClient, _json
from wacht_oauth_client._generated.api.oauth import (
    create_oauth_app,
    create_oauth_client,
    list_oauth_grants,
    rotate_oauth_client_secret,
)
from wacht_oauth_client._generated.client import AuthenticatedClient
from wacht_oauth_client._generated.models import CreateOAuthAppForm
from wacht_oauth_client._generated.types import File
from wacht_oauth_client.models import CreateOAuthAppRequest, CreateOAuthClientRequest

API_KEY = "wacht_test_sk_benchmark"
DEPLOYMENT = "dep_1"
APP = "bench-app"
CLIENT_ID = "7300000000000000001"
GRANTS_PATH = f"/deployments/{DEPLOYMENT}/oauth/apps/{APP}/clients/{CLIENT_ID}/grants"
CLIENTS_PATH = f"/deployments/{DEPLOYMENT}/oauth/apps/{APP}/clients"
ROTATE_PATH = f"{CLIENTS_PATH}/{CLIENT_ID}/rotate-secret"
APPS_PATH = f"/deployments/{DEPLOYMENT}/oauth/apps"

# 50 KB "logo": a PNG signature followed by filler (the server only sniffs the type).
LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 195 + b"\x00" * 72
assert len(LOGO) == 50_000


def _ts(i: int) -> str:
    # chrono's RFC 3339 with 6 fractional digits and "Z", as the server sends it.
    return f"2026-05-{1 + i % 28:02d}T10:{i % 60:02d}:00.{(i * 7919) % 1_000_000:06d}Z"


def grant(i: int) -> dict[str, Any]:
    return {
        "id": str(7400000000000000000 + i),
        "api_auth_app_slug": APP,
        "oauth_client_id": CLIENT_ID,
        "resource": f"urn:wacht:user:{7500000000000000000 + i}",
        "scopes": ["read", "write"],
        "status": "revoked" if i % 5 == 0 else "active",
        "granted_at": _ts(i),
        "expires_at": _ts(i + 1) if i % 2 else None,
        "revoked_at": _ts(i + 2) if i % 5 == 0 else None,
        "granted_by_user_id": str(7600000000000000000 + i),
        "created_at": _ts(i),
        "updated_at": _ts(i + 3),
    }


def oauth_client(secret: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": CLIENT_ID,
        "oauth_app_id": "7200000000000000001",
        "client_id": "oc_4b1d2f0e9a8c7b6a",
        "client_auth_method": "client_secret_basic",
        "grant_types": ["authorization_code", "refresh_token"],
        "redirect_uris": ["https://app.example.com/callback"],
        "client_name": "Bench client",
        "client_uri": None,
        "logo_uri": None,
        "tos_uri": None,
        "policy_uri": None,
        "contacts": [],
        "software_id": None,
        "software_version": None,
        "token_endpoint_auth_signing_alg": None,
        "jwks_uri": None,
        "jwks": None,
        "public_key_pem": None,
        "is_active": True,
        "post_logout_redirect_uris": [],
        "id_token_signing_alg": "RS256",
        "access_token_format": "opaque",
        "access_token_ttl_seconds": 3600,
        "skip_consent": False,
        "created_at": _ts(1),
        "updated_at": _ts(1),
    }
    if secret:
        body["client_secret"] = "oc_secret_" + "x" * 48
    return body


def oauth_app() -> dict[str, Any]:
    return {
        "id": "7200000000000000001",
        "slug": APP,
        "name": "Bench app",
        "description": None,
        "logo_url": "https://cdn.example.com/logos/bench-app.png",
        "fqdn": "bench-app.oauth.example.com",
        "supported_scopes": ["read", "write"],
        "scope_definitions": [
            {
                "scope": s,
                "display_name": s.title(),
                "description": f"{s} access",
                "archived": False,
                "category": "",
                "organization_permission": None,
                "workspace_permission": None,
            }
            for s in ("read", "write")
        ],
        "allow_dynamic_client_registration": False,
        "is_active": True,
        "created_at": _ts(2),
        "updated_at": _ts(2),
    }


def canned_bodies() -> dict[tuple[str, str], bytes]:
    """(method, path) -> the identical response bytes every layer receives."""

    def dump(obj: Any) -> bytes:
        return json.dumps(obj, separators=(",", ":")).encode()

    return {
        ("POST", CLIENTS_PATH): dump(oauth_client(secret=True)),
        ("POST", ROTATE_PATH): dump({"client_secret": "oc_secret_" + "y" * 48}),
        ("POST", APPS_PATH): dump(oauth_app()),
    }


def grants_body(n: int) -> bytes:
    return json.dumps({"grants": [grant(i) for i in range(n)]}, separators=(",", ":")).encode()


def mock_transport(grants: int) -> httpx.MockTransport:
    """Serves fixed bytes; `grants` sets the size of the list-grants response."""
    bodies = canned_bodies()
    bodies[("GET", GRANTS_PATH)] = grants_body(grants)
    headers = {"content-type": "application/json"}

    def handler(request: httpx.Request) -> httpx.Response:
        body = bodies[(request.method, request.url.path)]
        return httpx.Response(200, content=body, headers=headers)

    return httpx.MockTransport(handler)


@dataclass
class Layers:
    """One client per layer, all over the same transport (None = each layer's default pool)."""

    raw: httpx.Client
    generated: AuthenticatedClient
    facade: WachtClient

    @classmethod
    def build(cls, base_url: str, transport: httpx.BaseTransport | None) -> Layers:
        """Every layer on the deployment-scoped paths (`client.oauth`, the usage guide's shape):
        the generated client gets the `/deployments/{id}` mount as its base URL, as the spec's
        server entry describes it."""
        extra: dict[str, Any] = {} if transport is None else {"transport": transport}
        raw = httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"}, **extra
        )
        generated = AuthenticatedClient(
            base_url=f"{base_url}/deployments/{DEPLOYMENT}", token=API_KEY, httpx_args=extra
        )
        if transport is None:
            facade = WachtClient(api_key=API_KEY, base_url=base_url)
        else:
            facade = WachtClient(
                api_key=API_KEY, base_url=base_url, http_client=httpx.Client(transport=transport)
            )
        return cls(raw, generated, facade)

    def close(self) -> None:
        self.raw.close()
        self.generated.get_httpx_client().close()
        self.facade.close()


Call = Callable[[], object]
LAYERS = ("raw", "generated", "facade")  # every operation has these three


def _raw_json(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RuntimeError(f"unexpected status {response.status_code}")
    return json.loads(response.content)


def _parsed(response: Any, expected: type) -> Any:
    if not isinstance(response.parsed, expected):
        raise RuntimeError(f"unexpected result {response.status_code}")
    return response.parsed


def list_grants(layers: Layers, ids: tuple[str, str, str]) -> dict[str, Call]:
    from wacht_oauth_client._generated.models import ListOAuthGrantsResponse

    path = "/deployments/{}/oauth/apps/{}/clients/{}/grants".format(*ids)
    raw, gen, oauth = layers.raw, layers.generated, layers.facade.oauth
    return {
        "raw": lambda: _raw_json(raw.get(path))["grants"],
        "generated": lambda: (
            _parsed(
                list_oauth_grants.sync_detailed(*ids[1:], client=gen), ListOAuthGrantsResponse
            ).grants
        ),
        "facade": lambda: oauth.list_oauth_grants(*ids),
        "stdlib json": _stdlib_json(lambda: oauth.list_oauth_grants(*ids)),
        **_peers.grant_peers(raw, path),
    }


def _stdlib_json(call: Call) -> Call:
    """`call` with `_json`'s msgspec fast path switched off for its duration."""

    def run() -> object:
        fast, _json._fast_decode = _json._fast_decode, None
        try:
            return call()
        finally:
            _json._fast_decode = fast

    return run


def create_client(layers: Layers, ids: tuple[str, str]) -> dict[str, Call]:
    from wacht_oauth_client._generated.models import OAuthClient

    body = {
        "client_auth_method": "client_secret_basic",
        "grant_types": ["authorization_code", "refresh_token"],
        "redirect_uris": ["https://app.example.com/callback"],
        "client_name": "Bench client",
    }
    request = CreateOAuthClientRequest.from_dict(body)
    path = "/deployments/{}/oauth/apps/{}/clients".format(*ids)
    raw, gen, oauth = layers.raw, layers.generated, layers.facade.oauth
    return {
        "raw": lambda: _raw_json(raw.post(path, json=body)),
        "generated": lambda: _parsed(
            create_oauth_client.sync_detailed(ids[1], client=gen, body=request), OAuthClient
        ),
        "facade": lambda: oauth.create_oauth_client(*ids, request),
    }


def rotate_secret(layers: Layers, ids: tuple[str, str, str]) -> dict[str, Call]:
    from wacht_oauth_client._generated.models import RotateOAuthClientSecretResponse

    path = "/deployments/{}/oauth/apps/{}/clients/{}/rotate-secret".format(*ids)
    raw, gen, oauth = layers.raw, layers.generated, layers.facade.oauth
    return {
        "raw": lambda: _raw_json(raw.post(path)),
        "generated": lambda: _parsed(
            rotate_oauth_client_secret.sync_detailed(*ids[1:], client=gen),
            RotateOAuthClientSecretResponse,
        ),
        "facade": lambda: oauth.rotate_oauth_client_secret(*ids),
    }


def create_app(layers: Layers, deployment: str, slug: Callable[[], str]) -> dict[str, Call]:
    """`slug()` gives the slug of each call (constant on the mock, unique on the emulator)."""
    from wacht_oauth_client._generated.models import OAuthApp

    fields = {"name": "Bench app", "supported_scopes": "read,write"}
    path = f"/deployments/{deployment}/oauth/apps"
    raw, gen, oauth = layers.raw, layers.generated, layers.facade.oauth

    def raw_call() -> object:
        files = {"logo": ("logo.png", LOGO, "image/png")}
        return _raw_json(raw.post(path, data={"slug": slug(), **fields}, files=files))

    def generated_call() -> object:
        form = CreateOAuthAppForm(
            slug=slug(),
            name="Bench app",
            supported_scopes="read,write",
            logo=File(payload=BytesIO(LOGO), file_name="logo.png", mime_type="image/png"),
        )
        return _parsed(create_oauth_app.sync_detailed(client=gen, body=form), OAuthApp)

    def facade_call() -> object:
        request = CreateOAuthAppRequest(
            slug=slug(), name="Bench app", supported_scopes=["read", "write"], logo_file=LOGO
        )
        return oauth.create_oauth_app(deployment, request)

    return {"raw": raw_call, "generated": generated_call, "facade": facade_call}
