"""A typical CI job for configuration as code, replayed from tests/cassettes/test_config_ci/
(record with `make record`): a pull request runs `apply --dry-run`, the merge runs `apply
--secrets-out`, and the next pipeline run finds nothing to do."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from wacht_oauth_client.cli import main

from .recording import RECORDING_API_KEY, Wacht

pytestmark = pytest.mark.vcr
OAUTH_YAML = """\
version: 1
apps:
  mcp-auth:
    name: MCP Auth App
    description: OAuth provider for MCP access
    allow_dynamic_client_registration: false
    scopes:
      "mcp:invoke":
        display_name: Invoke MCP tools
        mapping:
          category: workspace
          workspace_permission: "workspace:mcp:invoke"
      "mcp:read": {}
    clients:
      desktop-cli:
        client_auth_method: none
        grant_types: [authorization_code]
        redirect_uris: ["http://127.0.0.1:8765/callback"]
      web-console:
        client_auth_method: client_secret_basic
        grant_types: [authorization_code, refresh_token]
        redirect_uris: ["https://console.example.com/oauth/callback"]
        access_token_ttl_seconds: 900
"""


def _wacht_oauth(
    wacht: Wacht, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    key = "replay-key" if wacht.emulator is None else RECORDING_API_KEY
    code = main(["--api-key", key, "--base-url", wacht.base_url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.emulator(workspace_permissions=["workspace:mcp:invoke"])
def test_pull_request_dry_run_then_apply_on_merge_then_nothing_to_do(
    wacht: Wacht, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "oauth.yaml"
    config.write_text(OAUTH_YAML, encoding="utf-8")

    # The pull request: the plan as the reviewer sees it, nothing written.
    code, out, err = _wacht_oauth(wacht, capsys, "--json", "apply", str(config), "--dry-run")
    assert (code, err) == (0, "")
    planned = json.loads(out)["plan"]
    assert planned["summary"] == {
        "create": 4,
        "update": 0,
        "deactivate": 0,
        "blocked": 0,
        "conflicts": 0,
    }
    assert [c["address"] for c in planned["changes"]] == [
        'apps["mcp-auth"]',
        'apps["mcp-auth"].scopes["mcp:invoke"].mapping',
        'apps["mcp-auth"].clients["desktop-cli"]',
        'apps["mcp-auth"].clients["web-console"]',
    ]

    # The merge: apply, the new client's secret straight into a 0600 file.
    secrets = tmp_path / "secrets.jsonl"
    code, out, err = _wacht_oauth(
        wacht, capsys, "apply", str(config), "--secrets-out", str(secrets)
    )
    assert (code, err) == (0, ""), out
    assert "Apply complete: 4 change(s) done." in out
    assert "oc_secret_" not in out  # the secret went to the file only
    (line,) = secrets.read_text(encoding="utf-8").splitlines()
    secret = json.loads(line)
    assert (secret["app"], secret["client_name"], secret["event"]) == (
        "mcp-auth",
        "web-console",
        "created",
    )
    assert secret["client_secret"].startswith("oc_secret_")  # REDACTED in the cassette
    assert stat.S_IMODE(secrets.stat().st_mode) == 0o600

    # The next pipeline run: no changes, no write.
    code, out, err = _wacht_oauth(wacht, capsys, "apply", str(config))
    assert (code, err) == (0, "")
    assert out == "No changes: the API key's deployment matches the configuration.\n"
