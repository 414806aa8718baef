"""Import cost stays where it is used: `import wacht_oauth_client` loads no model (nor attrs),
and a call loads the models of its own operation only. Each check runs in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys

from wacht_oauth_client._generated import models as generated

GENERATED_MODELS = "wacht_oauth_client._generated.models."


def _loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def _models(modules: set[str]) -> set[str]:
    return {m.removeprefix(GENERATED_MODELS) for m in modules if m.startswith(GENERATED_MODELS)}


def test_importing_the_package_and_building_a_client_loads_no_model() -> None:
    loaded = _loaded_after(
        "import wacht_oauth_client\n"
        "client = wacht_oauth_client.WachtClient(api_key='k')\n"
        "client.oauth\n"
        "from wacht_oauth_client import models"
    )
    assert _models(loaded) == set()
    assert "attrs" not in loaded and "wacht_oauth_client._generated.client" not in loaded
    assert "msgspec" not in loaded  # imported once a process has decoded 4 MiB (see _json)


def test_a_call_loads_only_the_models_its_operation_can_return() -> None:
    grant = {
        "id": "1",
        "api_auth_app_slug": "aa_1",
        "oauth_client_id": "2",
        "resource": "urn:wacht:user:3",
        "scopes": [],
        "status": "active",
        "granted_at": "2026-01-01T00:00:00Z",
        "expires_at": None,
        "revoked_at": None,
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
    }
    body = json.dumps({"grants": [grant], "data": [grant]}).encode()
    loaded = _loaded_after(
        "import httpx, wacht_oauth_client\n"
        f"body = {body!r}\n"
        "transport = httpx.MockTransport(lambda r: httpx.Response(200, content=body))\n"
        "http = httpx.Client(transport=transport)\n"
        "client = wacht_oauth_client.WachtClient('k', 'https://api.test', http_client=http)\n"
        "assert client.oauth.list_oauth_grants('dep_1', 'app', '2')[0].id == '1'\n"
    )
    own = {"list_o_auth_grants_response", "o_auth_grant", "error_response", "api_error"}
    assert "o_auth_grant" in _models(loaded) <= own
    assert len(generated.__all__) > 20  # ... of all these
    assert "wacht_oauth_client._generated.client" not in loaded  # the facade needs no Client
