"""What the official-JS-SDK tests share: the pinned package, its driver, the scenario, the emulator.

`make wacht-js` installs `@wacht/backend` exactly as `tests/contract/js/package-lock.json` pins it
(npm ci, --ignore-scripts) into `tests/contract/js/node_modules`. After that everything runs
offline: node only ever talks to the emulator on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from wacht_oauth_client.testing import Emulator

JS_DIR = Path(__file__).resolve().parent / "js"
DRIVER = JS_DIR / "drive_official_sdk.mjs"
PACKAGE_JSON = JS_DIR / "node_modules" / "@wacht" / "backend" / "package.json"
VERSION = "1.0.0-beta.20"
SCENARIO: dict[str, Any] = json.loads((JS_DIR / "scenario.json").read_text(encoding="utf-8"))
API_KEY = "wacht_test_sk_official_js"
DEP = "dep_js"  # the deployment the API key belongs to (the root mount's calls manage it)


def emulator(emulator_class: type[Emulator] = Emulator) -> Emulator:
    """A fresh, seeded emulator with what the scenario needs: the key, the B2B permission that
    `setOAuthScopeMapping` maps to, and grants per new client (there is no create-grant API)."""
    return emulator_class(
        seed=0,
        api_keys={API_KEY: DEP},
        organization_permissions=[SCENARIO["set_oauth_scope_mapping"]["organization_permission"]],
        grants_per_client=2,
    )


def _node() -> str:
    node = shutil.which("node")
    if node is None or not PACKAGE_JSON.exists():
        pytest.fail(
            f"the official JS SDK is not installed at {PACKAGE_JSON.parent} (or node is missing):"
            " run `make wacht-js` (needs node >= 20 and npm)"
        )
    installed = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["version"]
    if installed != VERSION:
        pytest.fail(
            f"@wacht/backend {installed} is installed, {VERSION} pinned: run `make wacht-js`"
        )
    return node


def run_driver(base_url: str, *args: str) -> list[dict[str, Any]]:
    """Run the driver against `base_url`; its output lines, parsed."""
    done = subprocess.run(
        [_node(), str(DRIVER), base_url, *args],
        env={**os.environ, "WACHT_API_KEY": API_KEY},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"the driver exited {done.returncode}:\n{done.stderr}{done.stdout}")
    return [json.loads(line) for line in done.stdout.splitlines()]
