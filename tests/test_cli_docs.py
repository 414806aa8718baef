"""The recipes of docs/cli.md, run as written (bash, jq, the installed `wacht-oauth`) against
the emulator over a real port, in order, like a reader pasting them into one shell."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from wacht_oauth_client import WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, run_emulator

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
KEY, DEP, SLUG = "wacht_test_sk_recipes", "dep_recipes", "mcp-auth"


def _bash_blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_page_has_the_recipes_the_issue_asks_for() -> None:
    text = DOC.read_text(encoding="utf-8")
    for title in ("secret store", "Audit", "Incident"):
        assert title in text
    assert len(_bash_blocks()) == 4


def test_the_recipes_run(tmp_path: Path) -> None:
    for tool in ("bash", "jq"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is needed to run the docs/cli.md recipes")
    emulator = Emulator(api_keys={KEY: DEP}, grants_per_client=2)
    with run_emulator(emulator) as url:
        with WachtClient(api_key=KEY, base_url=url) as client:
            oauth = client.deployment().oauth
            oauth.create_oauth_app(
                m.CreateOAuthAppRequest(slug=SLUG, name="A", supported_scopes=["s"])
            )
            for name in ("ci-deployer", "other"):
                oauth.create_oauth_client(
                    SLUG,
                    m.CreateOAuthClientRequest(
                        "client_secret_basic",
                        ["authorization_code"],
                        ["https://app.example.com/cb"],
                        client_name=name,
                    ),
                )
            before = {c.client_name: c for c in oauth.list_oauth_clients(SLUG)}
            (old_key,) = oauth.list_signing_keys(SLUG)
        script = "set -euo pipefail\n" + "\n".join(_bash_blocks())
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("WACHT_")},
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "WACHT_API_KEY": KEY,
            "WACHT_BASE_URL": str(url),
            "RUNNER_TEMP": str(tmp_path),
        }
        result = subprocess.run(
            ["bash", "-c", script],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert KEY not in result.stdout + result.stderr
        with WachtClient(api_key=KEY, base_url=url) as client:
            oauth = client.deployment().oauth
            after = {c.client_name: c for c in oauth.list_oauth_clients(SLUG)}
            deployer = before["ci-deployer"].id
            grants = oauth.list_oauth_grants(SLUG, deployer)
            keys = oauth.list_signing_keys(SLUG)

    # 1. The rotated secret is in a file only the job can read.
    secret_file = tmp_path / "client_secret"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert secret_file.read_text().strip().startswith("oc_secret_")
    # 2. The audit has one line per active grant of every active client (2 clients x 2).
    audit = [
        json.loads(line) for line in (tmp_path / "grants-audit.jsonl").read_text().splitlines()
    ]
    assert len(audit) == 4 and {a["client"] for a in audit} == {c.id for c in before.values()}
    assert set(audit[0]) == {"client", "grant", "resource", "scopes"}
    # 3. The incident cut the ci-deployer off: grants revoked, client deactivated.
    assert [g.status for g in grants] == ["revoked", "revoked"]
    assert after["ci-deployer"].is_active is False and after["other"].is_active is True
    # 4. The leaked signing key was replaced and marked compromised.
    assert [k.status for k in keys] == ["active"] and keys[0].kid != old_key.kid
