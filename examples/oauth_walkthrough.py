"""The OAuth apps guide, end to end, in Python.

By default it starts the bundled emulator on a free local port and runs against it:

    python examples/oauth_walkthrough.py

Which surface? A backend API key (what Wacht's dashboard gives you) manages the deployment it
belongs to through the key-scoped backend API: `client.deployment().oauth`, paths `/oauth/apps…`.
A console session or an OAuth access token uses the deployment-scoped paths the usage guide
shows: `client.oauth.<method>("dep_123", …)` or `client.deployment("dep_123").oauth`, paths
`/deployments/dep_123/oauth/apps…`. The walk-through runs on the first and reads its result back
through the second.

Against a real deployment (explicit on purpose, so a demo never touches production by accident):

    WACHT_API_KEY=<backend API key> [WACHT_BASE_URL=...] python examples/oauth_walkthrough.py --live
    WACHT_API_KEY=<OAuth access token> python examples/oauth_walkthrough.py --deployment dep_123

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

from wacht_oauth_client import DeploymentOAuth, WachtClient, WachtError
from wacht_oauth_client.models import (
    CreateOAuthAppRequest,
    CreateOAuthClientRequest,
    SetOAuthScopeMappingRequest,
    UpdateOAuthScopeRequest,
)

DEMO_KEY, DEMO_DEPLOYMENT = "wacht_demo_sk_local", "dep_demo"


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
def target(args: argparse.Namespace) -> Iterator[tuple[WachtClient, str | None]]:
    """(client, deployment id of the deployment-scoped paths, or None for the key-scoped API)."""
    if args.live or args.deployment:
        if not os.environ.get("WACHT_API_KEY"):
            sys.exit("--live/--deployment need WACHT_API_KEY (and optionally WACHT_BASE_URL)")
        with WachtClient() as client:
            yield client, args.deployment
        return
    from wacht_oauth_client.testing import Emulator, run_emulator

    emulator = Emulator(
        seed=0,
        api_keys={DEMO_KEY: DEMO_DEPLOYMENT},  # the key manages dep_demo on /oauth/apps
        workspace_permissions=["workspace:mcp:invoke"],  # the deployment's B2B settings
        grants_per_client=2,  # stands in for two users going through the consent flow
    )
    with run_emulator(emulator) as url:
        print(f"emulator listening on {url} (key {DEMO_KEY[:10]}… manages {DEMO_DEPLOYMENT})")
        with WachtClient(api_key=DEMO_KEY, base_url=str(url)) as client:
            yield client, None


def walkthrough(oauth: DeploymentOAuth, slug: str) -> str:
    """The guide's steps on one surface; returns the new client's record id."""
    app = oauth.create_oauth_app(
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

    oauth_client = oauth.create_oauth_client(
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

    rotated = oauth.rotate_oauth_client_secret(slug, oauth_client.id)
    print(f"3. rotated secret -> {mask(rotated.client_secret)}  (repr: {rotated!r})")

    app = oauth.update_oauth_scope(
        slug,
        "mcp:invoke",
        UpdateOAuthScopeRequest(
            display_name="Invoke MCP Tools", description="Allows MCP tool execution"
        ),
    )
    scope = app.scope_definitions[0]
    print(f"4. scope {scope.scope!r}: {scope.display_name!r} / {scope.description!r}")

    # The mapping must name a permission of the deployment's B2B settings.
    app = oauth.set_oauth_scope_mapping(
        slug,
        "mcp:invoke",
        SetOAuthScopeMappingRequest(
            category="workspace", workspace_permission="workspace:mcp:invoke"
        ),
    )
    scope = app.scope_definitions[0]
    print(f"5. mapped {scope.scope!r} -> {scope.category} / {scope.workspace_permission}")

    # Grants come from users going through the consent flow (there is no create-grant API).
    grants = oauth.list_oauth_grants(slug, oauth_client.id)
    print(f"6. {len(grants)} grant(s): " + ", ".join(f"{g.id} {g.status}" for g in grants))

    if grants:
        first = grants[0]
        oauth.revoke_oauth_grant(slug, oauth_client.id, first.id)
        after = oauth.list_oauth_grants(slug, oauth_client.id)
        status = next(g.status for g in after if g.id == first.id)
        print(f"7. revoked grant {first.id}: status now {status}")
    else:
        print("7. no grant to revoke")
    return oauth_client.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    live = parser.add_mutually_exclusive_group()
    live.add_argument(
        "--live", action="store_true", help="key-scoped API of WACHT_API_KEY's deployment"
    )
    live.add_argument("--deployment", help="deployment-scoped paths of this deployment id")
    parser.add_argument("--suffix", default="", help="appended to the app slug (real runs)")
    args = parser.parse_args()
    slug = f"mcp-auth{args.suffix}"
    try:
        with target(args) as (client, deployment_id):
            surface = client.deployment(deployment_id)
            print(f"surface: {surface!r}")
            client_id = walkthrough(surface.oauth, slug)
            if deployment_id is None and not args.live:
                # The same deployment through the guide's shape (deployment-scoped paths).
                clients = client.oauth.list_oauth_clients(DEMO_DEPLOYMENT, slug)
                print(
                    f"8. client.oauth.list_oauth_clients({DEMO_DEPLOYMENT!r}, {slug!r}) sees the "
                    f"same client: {[c.id for c in clients] == [client_id]}"
                )
    except WachtError as exc:
        print(f"failed: {exc}", file=sys.stderr)
        return 1
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
