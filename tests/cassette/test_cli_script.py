"""A typical shell script's `wacht-oauth` calls (create client -> rotate secret -> list grants),
replayed from tests/cassettes/test_cli_script/ (record with `make record`)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from wacht_oauth_client.cli import main

from .recording import DEPLOYMENT, RECORDING_API_KEY, Wacht, app_request

pytestmark = pytest.mark.vcr
SLUG = "mcp-auth"


def _cli(wacht: Wacht, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    key = "replay-key" if wacht.emulator is None else RECORDING_API_KEY
    code = main(["--json", "--api-key", key, "--base-url", wacht.base_url, *argv])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return json.loads(out)


def test_create_client_rotate_its_secret_and_audit_its_grants(
    wacht: Wacht, capsys: pytest.CaptureFixture[str]
) -> None:
    wacht.client.deployment().oauth.create_oauth_app(app_request(SLUG))  # the app exists
    created = _cli(
        wacht,
        capsys,
        *("clients", "create", SLUG, "--auth-method", "client_secret_basic"),
        *("--grant-type", "authorization_code", "--grant-type", "refresh_token"),
        *("--redirect-uri", "https://ci.example.com/callback", "--name", "ci-deployer"),
    )
    assert created["client_name"] == "ci-deployer"
    assert created["client_secret"].startswith("oc_secret_")  # REDACTED in the cassette
    # The deploy pipeline rotates the secret into its secret store...
    rotated = _cli(wacht, capsys, "clients", "rotate-secret", SLUG, created["id"])
    assert set(rotated) == {"client_secret"}
    # ...and the audit job lists the client's grants.
    wacht.setup(lambda emu: emu.add_grant(DEPLOYMENT, SLUG, created["id"], scopes=["mcp:invoke"]))
    grants = _cli(wacht, capsys, "grants", "list", SLUG, created["id"])
    assert [(g["status"], g["scopes"]) for g in grants] == [("active", ["mcp:invoke"])]
