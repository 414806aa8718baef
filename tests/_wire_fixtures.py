"""Canned server bodies (shaped like §6 of the reference) and helpers for MockTransport tests."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from wacht_oauth_client import WachtClient

API_KEY = "sk_test_wire_3f9a1c7e5b2d"
BASE_URL = "https://api.wacht.dev"

# Sonyflake-sized ids: 2**53 + 1 cannot survive a round trip through a float.
APP_ID = "9007199254740993"
CLIENT_RECORD_ID = "9223372036854775807"
GRANT_ID = "9007199254740995"
USER_ID = "18014398509481985"
CLIENT_SECRET = "oc_secret_" + "s" * 43

SCOPE_DEFINITION: dict[str, Any] = {
    "scope": "mcp:invoke",
    "display_name": "Invoke MCP Tools",
    "description": "Allows MCP tool execution",
    "archived": False,
    "category": "workspace",
    "organization_permission": None,
    "workspace_permission": "workspace:mcp:invoke",
}

APP: dict[str, Any] = {
    "id": APP_ID,
    "slug": "mcp-auth",
    "name": "MCP Auth App",
    "description": "OAuth provider for MCP access",
    "logo_url": None,
    "fqdn": "k3j2h1g0f9e8d7c6.oapi.trywacht.xyz",
    "supported_scopes": ["mcp:invoke", "mcp:read"],
    "scope_definitions": [
        SCOPE_DEFINITION,
        {
            "scope": "mcp:read",
            "display_name": "mcp:read",
            "description": "Allows mcp:read access",
            "archived": True,
            "category": "",
            "organization_permission": None,
            "workspace_permission": None,
        },
    ],
    "allow_dynamic_client_registration": False,
    "is_active": True,
    # chrono emits 0, 3, 6 or 9 fractional digits.
    "created_at": "2026-05-14T10:30:00Z",
    "updated_at": "2026-05-14T10:30:00.123456789Z",
}

CLIENT: dict[str, Any] = {
    "id": CLIENT_RECORD_ID,
    "oauth_app_id": APP_ID,
    "client_id": "oc_" + "c" * 32,
    "client_auth_method": "client_secret_basic",
    "grant_types": ["authorization_code", "refresh_token"],
    "redirect_uris": ["https://app.example.com/oauth/callback"],
    "client_name": None,
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
    "created_at": "2026-05-14T10:31:00.123Z",
    "updated_at": "2026-05-14T10:31:00.123Z",
}

CREATED_CLIENT: dict[str, Any] = {**CLIENT, "client_secret": CLIENT_SECRET}

GRANT: dict[str, Any] = {
    "id": GRANT_ID,
    "api_auth_app_slug": "aa_123",
    "oauth_client_id": CLIENT_RECORD_ID,
    "resource": "urn:wacht:workspace:42",
    "scopes": ["mcp:invoke"],
    "status": "active",
    "granted_at": "2026-05-14T11:00:00.5Z",
    "expires_at": None,
    "revoked_at": None,
    "granted_by_user_id": USER_ID,
    "created_at": "2026-05-14T11:00:00Z",
    "updated_at": "2026-05-14T11:00:00Z",
}

SIGNING_KEY: dict[str, Any] = {
    "kid": "kid_2026_05",
    "algorithm": "RS256",
    "status": "active",
    "public_key_pem": "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n",
}

DOMAIN: dict[str, Any] = {
    "domain": "auth.example.com",
    "cname_target": "oauth.wacht.services",
    "verified": False,
}

# Smallest headers that the logo check recognises, padded like a real file.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(16))
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(8)
GIF = b"GIF89a" + bytes(10)
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(8)
ICO = b"\x00\x00\x01\x00\x01\x00" + bytes(10)


def body(data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy, so a test can tweak a canned body without leaking into other tests."""
    return copy.deepcopy(data)


def envelope(status: int, message: str) -> dict[str, Any]:
    return {"errors": [{"message": message, "code": status}]}


@dataclass
class Recorder:
    """A MockTransport handler that records each request and answers from a queue or a router."""

    responses: list[httpx.Response] = field(default_factory=list)
    route: Callable[[httpx.Request], httpx.Response] | None = None
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.route is not None:
            return self.route(request)
        assert self.responses, f"unexpected extra request {request.method} {request.url}"
        return self.responses.pop(0)


def make_client(recorder: Recorder, **kwargs: Any) -> WachtClient:
    kwargs.setdefault("api_key", API_KEY)
    kwargs.setdefault("base_url", BASE_URL)
    return WachtClient(
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
        **kwargs,
    )


def json_response(status: int, data: Any) -> httpx.Response:
    return httpx.Response(status, json=data)


@dataclass
class Part:
    name: str
    filename: str | None
    content_type: str | None
    content: bytes
    headers: dict[str, str]


def boundary_of(request: httpx.Request) -> str:
    content_type = request.headers["content-type"]
    match = re.fullmatch(r"multipart/form-data; boundary=(\S+)", content_type)
    assert match, content_type
    return match.group(1)


def parse_multipart(request: httpx.Request) -> list[Part]:
    """Split a multipart/form-data body strictly (RFC 7578 framing, CRLF line ends)."""
    delimiter = b"--" + boundary_of(request).encode("ascii")
    raw = request.content
    assert raw.endswith(delimiter + b"--\r\n"), raw[-80:]
    pieces = raw.split(delimiter)
    assert pieces[0] == b"" and pieces[-1] == b"--\r\n"
    parts = []
    for piece in pieces[1:-1]:
        assert piece.startswith(b"\r\n") and piece.endswith(b"\r\n")
        head, _, content = piece[2:-2].partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode("utf-8").split("\r\n"):
            key, _, value = line.partition(": ")
            headers[key.lower()] = value
        disposition = headers["content-disposition"]
        name = re.search(r'; name="([^"]*)"', disposition)
        filename = re.search(r'; filename="([^"]*)"', disposition)
        assert disposition.startswith("form-data;") and name
        parts.append(
            Part(
                name=name.group(1),
                filename=filename.group(1) if filename else None,
                content_type=headers.get("content-type"),
                content=content,
                headers=headers,
            )
        )
    return parts


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)
