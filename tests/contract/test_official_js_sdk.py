"""Emulator fidelity, judged by Wacht's official JS SDK (`@wacht/backend`, pinned).

`js/drive_official_sdk.mjs` calls all 18 `client.oauth.*` functions of the official SDK against
the emulator's root mount over a real socket, and checks each result against the function's
declared TypeScript type. If the emulator answered anything the official client does not expect
(a shape, a status, a missing field), a line here says which call and why.
"""

from __future__ import annotations

from _official_js import API_KEY, DEP, SCENARIO, emulator, run_driver

from wacht_oauth_client import WachtClient
from wacht_oauth_client.testing import OPERATION_IDS, run_emulator


def test_all_18_official_sdk_functions_succeed_against_the_emulator() -> None:
    emu = emulator()
    with run_emulator(emu) as url:
        lines = run_driver(url)
        seen = emu.requests

        # The state the JS calls left, read back through this SDK on the deployment-scoped
        # mount: the root mount's calls managed the deployment of the API key.
        with WachtClient(api_key=API_KEY, base_url=url, max_retries=0) as client:
            slug = SCENARIO["slug"]
            [app] = client.oauth.list_oauth_apps(DEP)
            [oauth_client] = client.oauth.list_oauth_clients(DEP, slug)
            grants = client.oauth.list_oauth_grants(DEP, slug, oauth_client.id)
            keys = client.oauth.list_signing_keys(DEP, slug)

    failed = {line["op"]: line["problems"] for line in lines if not line["ok"]}
    assert failed == {}, failed
    assert sorted(line["op"] for line in lines) == sorted(OPERATION_IDS)  # each one, once
    # One request per call, each routed to its operation on the root mount.
    assert sorted(op for _, _, op in seen) == sorted(OPERATION_IDS)
    assert [path for _, path, _ in seen if not path.startswith("/oauth/apps")] == []

    assert app.slug == slug and app.name == SCENARIO["update_oauth_app"]["name"]
    assert isinstance(app.logo_url, str) and app.logo_url.endswith("/logo.png")  # image/png kept it
    mapped = next(d for d in app.scope_definitions if d.scope == SCENARIO["scope"])
    assert (mapped.category, mapped.organization_permission) == ("organization", "billing:read")
    assert oauth_client.client_name == SCENARIO["update_oauth_client"]["client_name"]
    assert oauth_client.is_active is False  # deactivated last
    assert sorted(g.status for g in grants) == ["active", "revoked"]
    # The key made on create was compromised (so it is no longer listed); the rotated one is left.
    assert [k.status for k in keys] == ["active"]
