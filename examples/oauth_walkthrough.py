"""The OAuth apps guide, end to end, in Python.

By default it starts the bundled emulator on a free local port and runs against it:

    python examples/oauth_walkthrough.py

Against a real deployment (explicit on purpose, so a demo never touches production by accident):

    WACHT_API_KEY=... [WACHT_BASE_URL=...] python examples/oauth_walkthrough.py --deployment dep_123

Secrets are printed masked.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import struct
import sys
import zlib
from collections.abc import Iterator
from typing import Any

from wacht_oauth_client import WachtClient, WachtError
from wacht_oauth_client.models import (
    CreateOAuthAppRequest,
    CreateOAuthClientRequest,
    SetOAuthScopeMappingRequest,
    UpdateOAuthScopeRequest,
)


def tiny_png() -> bytes:
    """A valid 1x1 PNG, built here so the demo needs no binary file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x4f\x46\xe5\xff")
    body = chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def mask(secret: str) -> str:
    return secret[:10] + "…" + f"({len(secret)} chars)" if secret else "<none>"


@contextlib.contextmanager
def target(args: argparse.Namespace) -> Iterator[tuple[WachtClient, str, Any]]:
    """(client, deployment id, emulator or None)."""
    if args.deployment:
        if not os.environ.get("WACHT_API_KEY"):
            sys.exit("--deployment needs WACHT_API_KEY (and optionally WACHT_BASE_URL)")
        with WachtClient() as client:
            yield client, args.deployment, None
        return
    from wacht_oauth_client.testing import Emulator, run_emulator

    emulator = Emulator(seed=0)
    with run_emulator(emulator) as url:
        print(f"emulator listening on {url}")
        with WachtClient(api_key="demo-key", base_url=str(url)) as client:
            yield client, "dep_demo", emulator


def walkthrough(client: WachtClient, deployment_id: str, suffix: str, emulator: Any) -> None:
    slug = f"mcp-auth{suffix}"
    app = client.oauth.create_oauth_app(
        deployment_id,
        CreateOAuthAppRequest(
            slug=slug,
            name="MCP Auth App",
            description="OAuth provider for MCP access",
            fqdn="auth.example.com",
            supported_scopes=["mcp:invoke"],
            allow_dynamic_client_registration=False,
            logo_file=tiny_png(),
            logo_filename="logo.png",
        ),
    )
    print(f"1. created app {app.slug!r} (id {app.id}) issuer {app.fqdn}, logo {app.logo_url}")

    oauth_client = client.oauth.create_oauth_client(
        deployment_id,
        slug,
        CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code", "refresh_token"],
            redirect_uris=["https://app.example.com/oauth/callback"],
        ),
    )
    secret = oauth_client.client_secret if isinstance(oauth_client.client_secret, str) else ""
    print(
        f"2. created client id {oauth_client.id} client_id {oauth_client.client_id} "
        f"secret {mask(secret)}"
    )

    rotated = client.oauth.rotate_oauth_client_secret(deployment_id, slug, oauth_client.id)
    print(f"3. rotated secret -> {mask(rotated.client_secret)}  (repr: {rotated!r})")

    app = client.oauth.update_oauth_scope(
        deployment_id,
        slug,
        "mcp:invoke",
        UpdateOAuthScopeRequest(
            display_name="Invoke MCP Tools", description="Allows MCP tool execution"
        ),
    )
    scope = app.scope_definitions[0]
    print(f"4. scope {scope.scope!r}: {scope.display_name!r} / {scope.description!r}")

    if emulator is not None:  # the mapping endpoint checks the deployment's B2B permissions
        emulator.set_b2b_permissions(deployment_id, workspace=["workspace:mcp:invoke"])
    app = client.oauth.set_oauth_scope_mapping(
        deployment_id,
        slug,
        "mcp:invoke",
        SetOAuthScopeMappingRequest(
            category="workspace", workspace_permission="workspace:mcp:invoke"
        ),
    )
    scope = app.scope_definitions[0]
    print(f"5. mapped {scope.scope!r} -> {scope.category} / {scope.workspace_permission}")

    if emulator is not None:  # grants come from the consent flow; the emulator can add some
        for user in ("1", "2"):
            emulator.add_grant(
                deployment_id,
                slug,
                oauth_client.id,
                scopes=["mcp:invoke"],
                resource=f"urn:wacht:user:{user}",
            )
    grants = client.oauth.list_oauth_grants(deployment_id, slug, oauth_client.id)
    print(f"6. {len(grants)} grant(s): " + ", ".join(f"{g.id} {g.status}" for g in grants))

    if grants:
        first = grants[0]
        client.oauth.revoke_oauth_grant(deployment_id, slug, oauth_client.id, first.id)
        after = client.oauth.list_oauth_grants(deployment_id, slug, oauth_client.id)
        status = next(g.status for g in after if g.id == first.id)
        print(f"7. revoked grant {first.id}: status now {status}")
    else:
        print("7. no grant to revoke")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deployment", help="run against a real deployment with this id")
    parser.add_argument("--suffix", default="", help="appended to the app slug (real runs)")
    args = parser.parse_args()
    try:
        with target(args) as (client, deployment_id, emulator):
            walkthrough(client, deployment_id, args.suffix, emulator)
    except WachtError as exc:
        print(f"failed: {exc}", file=sys.stderr)
        return 1
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
