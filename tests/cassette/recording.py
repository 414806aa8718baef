"""What the cassette tests share: where they replay, the requests they send, how they record.

Recording (`make record`, i.e. `pytest tests/cassette --record-mode=all`) serves a fresh
`Emulator(seed=0)` per test on a free local port; every stored request is rewritten to the fixed
address REPLAY_BASE_URL. Replaying (the default, record mode `none`) starts no emulator at all:
the client talks to REPLAY_BASE_URL and vcrpy answers from the cassette.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from wacht_oauth_client import WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, run_emulator
from wacht_oauth_client.testing.vcr import scrub_request, vcr_config

REPLAY_HOST = "127.0.0.1:8787"
REPLAY_BASE_URL = f"http://{REPLAY_HOST}"
# The key the emulator accepts while recording. It must never reach a cassette.
RECORDING_API_KEY = "wacht_test_sk_cassette_recorder_5c1e8b2a9f"
DEPLOYMENT = "dep_123"
CASSETTE_ROOT = Path(__file__).resolve().parent.parent / "cassettes"


def suite_vcr_config(record_mode: str) -> dict[str, Any]:
    """The user-facing `vcr_config()` plus the rewrite to the fixed replay address."""
    config = vcr_config(record_mode=record_mode)
    config["before_record_request"] = [to_replay_address, scrub_request]
    return config


def to_replay_address(request: Any) -> Any:
    """Store (and match) any local request as if it went to REPLAY_BASE_URL."""
    parts = urlsplit(request.uri)
    if parts.hostname == "127.0.0.1":
        request.uri = urlunsplit(parts._replace(netloc=REPLAY_HOST))
        if "host" in request.headers:
            request.headers["host"] = REPLAY_HOST
    return request


@dataclass
class Wacht:
    """A client aimed at the emulator (recording) or at the cassette (replaying)."""

    client: WachtClient
    base_url: str
    emulator: Emulator | None

    def setup(self, action: Callable[[Emulator], object]) -> None:
        """Emulator-side setup (grants, B2B permissions): only needed, and only run, when
        recording; the cassette already holds its effects."""
        if self.emulator is not None:
            action(self.emulator)

    def client_with_key(self, api_key: str) -> WachtClient:
        return WachtClient(api_key=api_key, base_url=self.base_url, max_retries=0)


@contextmanager
def wacht_target(recording: bool, **emulator_options: Any) -> Iterator[Wacht]:
    if not recording:
        # Any key works on replay (the cassette stores `Bearer REDACTED`).
        with WachtClient(api_key="replay-key", base_url=REPLAY_BASE_URL, max_retries=0) as client:
            yield Wacht(client, REPLAY_BASE_URL, None)
        return
    # The recording key manages DEPLOYMENT on the key-scoped root mount.
    emulator = Emulator(seed=0, api_keys={RECORDING_API_KEY: DEPLOYMENT}, **emulator_options)
    with (
        run_emulator(emulator) as url,
        WachtClient(api_key=RECORDING_API_KEY, base_url=url, max_retries=0) as client,
    ):
        yield Wacht(client, url, emulator)


# -- the requests the tests send (shared with tests/test_cassette_hygiene.py) -----------------


def tiny_png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x4f\x46\xe5\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def app_request(slug: str = "mcp-auth") -> m.CreateOAuthAppRequest:
    return m.CreateOAuthAppRequest(
        slug=slug,
        name="MCP Auth App",
        description="OAuth provider for MCP access",
        supported_scopes=["mcp:invoke", "mcp:read"],
        scope_definitions=[
            m.OAuthScopeDefinition(
                scope="mcp:invoke",
                display_name="Invoke MCP tools",
                description="Allows MCP tool execution",
            )
        ],
        allow_dynamic_client_registration=False,
        logo_file=tiny_png(),
        logo_filename="logo.png",
    )


def client_request() -> m.CreateOAuthClientRequest:
    return m.CreateOAuthClientRequest(
        client_auth_method="client_secret_basic",
        grant_types=["authorization_code", "refresh_token"],
        redirect_uris=["https://app.example.com/oauth/callback"],
        client_name="Example app",
    )
