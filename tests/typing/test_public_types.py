"""`mypy --strict` on `usage.py`: it must pass, and every `reveal_type` must be the documented type.

Each `reveal_type(...)  # R: <label>` line in usage.py is matched with EXPECTED[label]; a result
typed `Any`, or a union with `Unset`, does not match and fails the test.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

from wacht_oauth_client._oauth import OAuth

USAGE = Path(__file__).with_name("usage.py")
REPO = Path(__file__).resolve().parents[2]
GEN = "wacht_oauth_client._generated.models."
APP = f"{GEN}o_auth_app.OAuthApp"
CLIENT = f"{GEN}o_auth_client.OAuthClient"
KEY = f"{GEN}o_auth_app_signing_key.OAuthAppSigningKey"
CLIENT_PATH = "oauth_app_slug: str, oauth_client_id: str"
# The guide's shape is derived from the handle's methods (Concatenate): its first parameter, the
# deployment id, is positional-only for type checkers, so mypy prints it without a name.
GUIDE = "str, "

EXPECTED = {
    "list_oauth_apps": f"list[{APP}]",
    "create_oauth_app": APP,
    "update_oauth_app": APP,
    "verify_oauth_app_domain": f"{GEN}o_auth_domain_verification.OAuthDomainVerification",
    "update_oauth_scope": APP,
    "archive_oauth_scope": APP,
    "unarchive_oauth_scope": APP,
    "set_oauth_scope_mapping": APP,
    "list_oauth_clients": f"list[{CLIENT}]",
    "create_oauth_client": CLIENT,
    "update_oauth_client": CLIENT,
    "rotate_oauth_client_secret": (
        f"{GEN}rotate_o_auth_client_secret_response.RotateOAuthClientSecretResponse"
    ),
    "list_oauth_grants": f"list[{GEN}o_auth_grant.OAuthGrant]",
    "list_signing_keys": f"list[{KEY}]",
    "rotate_signing_key": KEY,
    # The None-returning methods: mypy prints a signature without "-> ..." for "-> None".
    "deactivate_oauth_client": f"def ({GUIDE}{CLIENT_PATH})",
    "revoke_oauth_grant": f"def ({GUIDE}{CLIENT_PATH}, grant_id: str)",
    "compromise_signing_key": f"def ({GUIDE}oauth_app_slug: str, kid: str)",
    # A few fields and helpers users touch right away.
    "OAuthApp.slug": "str",
    "OAuthClient.id": "str",
    "RotateOAuthClientSecretResponse.client_secret": "str",
    "with_raw_response.list_oauth_apps": f"list[{APP}]",
    "RawResponse.status_code": "int",
    "with_options": "wacht_oauth_client._client.WachtClient",
    "NotFoundError.status_code": "int",
    "NotFoundError.message": "str",
    "RateLimitError.retry_after": "float | None",
    "with_raw_response.rotate_signing_key": (
        f"def ({GUIDE}oauth_app_slug: str) -> wacht_oauth_client._oauth.RawResponse[{KEY}]"
    ),
    # The deployment handle: the same types, without the deployment id.
    "deployment": "wacht_oauth_client._oauth.Deployment",
    "h.with_raw_response.list_oauth_grants": (
        f"wacht_oauth_client._oauth.RawResponse[list[{GEN}o_auth_grant.OAuthGrant]]"
    ),
    "h.deactivate_oauth_client": f"def ({CLIENT_PATH})",
    "h.revoke_oauth_grant": f"def ({CLIENT_PATH}, grant_id: str)",
    "h.compromise_signing_key": "def (oauth_app_slug: str, kid: str)",
}
for _name in (
    "list_oauth_apps create_oauth_app update_oauth_app verify_oauth_app_domain update_oauth_scope "
    "archive_oauth_scope unarchive_oauth_scope set_oauth_scope_mapping list_oauth_clients "
    "create_oauth_client update_oauth_client rotate_oauth_client_secret list_oauth_grants "
    "list_signing_keys rotate_signing_key"
).split():
    EXPECTED[f"h.{_name}"] = EXPECTED[_name]
_NOTE = re.compile(r'^.*usage\.py:(\d+): note: Revealed type is "(.*)"$')


def test_usage_passes_mypy_strict_with_the_documented_types() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-color-output", str(USAGE)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout

    labels = {
        number: line.split("# R: ", 1)[1].strip()
        for number, line in enumerate(USAGE.read_text().splitlines(), start=1)
        if "# R: " in line
    }
    revealed = {}
    for line in result.stdout.splitlines():
        match = _NOTE.match(line)
        if match:
            revealed[labels[int(match.group(1))]] = match.group(2)
    assert revealed == EXPECTED


def test_usage_calls_every_facade_method() -> None:
    public = {
        name
        for name, member in inspect.getmembers(OAuth, inspect.isfunction)
        if not name.startswith("_")
    }
    assert len(public) == 18
    called = set(re.findall(r"\boauth\.(\w+)\(", USAGE.read_text()))
    assert public <= called
    assert public <= set(EXPECTED)


NONE_FIELDS = Path(__file__).with_name("none_fields.py")


def test_mypy_accepts_none_exactly_where_the_api_accepts_null() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-color-output", str(NONE_FIELDS)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    errors = {int(n) for n in re.findall(r"none_fields\.py:(\d+): error", result.stdout)}
    expected = {
        number
        for number, line in enumerate(NONE_FIELDS.read_text().splitlines(), start=1)
        if "# E: " in line
    }
    assert len(expected) == 2
    assert errors == expected, result.stdout
