"""The emulator in its own process, seeded for the benchmark (run by `run.py`, not by hand).

An in-process server would share the client's GIL and add thread hand-offs to every call; in a
child process it runs on the other core, like a real server. Protocol on stdin/stdout:
- prints one JSON line: {"url": ..., "ids": [deployment, app slug, client id]};
- each line read from stdin ("connections") is answered with the accepted-connection count;
- EOF stops the server.
"""

from __future__ import annotations

import json
import sys

import _cases as cases
import httpx

from wacht_oauth_client import WachtClient
from wacht_oauth_client.models import CreateOAuthAppRequest, CreateOAuthClientRequest
from wacht_oauth_client.testing import Emulator, run_emulator

GRANTS = 100


def seed(emulator: Emulator) -> list[str]:
    """An app, a client and 100 grants, created in-process through the facade."""
    http = httpx.Client(transport=emulator.transport())
    with WachtClient(api_key=cases.API_KEY, base_url="http://emulator", http_client=http) as sdk:
        app = sdk.oauth.create_oauth_app(
            cases.DEPLOYMENT,
            CreateOAuthAppRequest(
                slug=cases.APP, name="Bench app", supported_scopes=["read", "write"]
            ),
        )
        client = sdk.oauth.create_oauth_client(
            cases.DEPLOYMENT,
            app.slug,
            CreateOAuthClientRequest.from_dict(
                {
                    "client_auth_method": "client_secret_basic",
                    "grant_types": ["authorization_code"],
                    "redirect_uris": ["https://app.example.com/callback"],
                }
            ),
        )
    for i in range(GRANTS):
        emulator.add_grant(
            cases.DEPLOYMENT,
            app.slug,
            client.id,
            scopes=["read", "write"],
            resource=f"urn:wacht:user:{i + 1}",
            granted_by_user_id=i + 1,
        )
    return [cases.DEPLOYMENT, app.slug, client.id]


def main() -> None:
    emulator = Emulator(seed=0, api_keys=[cases.API_KEY])
    ids = seed(emulator)
    with run_emulator(emulator) as url:
        print(json.dumps({"url": str(url), "ids": ids}), flush=True)
        for _ in sys.stdin:
            print(url.connections, flush=True)


if __name__ == "__main__":
    main()
