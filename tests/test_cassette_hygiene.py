"""The cassettes under tests/cassettes/ and the cassette helpers users get.

- every cassette is free of the recording API key, bearer tokens and client secrets;
- together they cover every facade operation (success) and the error paths that matter;
- replay is strict: a missing cassette or a changed request field fails (no silent re-record);
- `vcr_config()` / the pytest fixture scrub and match as documented, in a user's own project.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
import vcr
import yaml
from cassette.recording import (
    CASSETTE_ROOT,
    DEPLOYMENT,
    RECORDING_API_KEY,
    REPLAY_BASE_URL,
    app_request,
    client_request,
    suite_vcr_config,
)
from vcr.errors import CannotOverwriteExistingCassetteException

from wacht_oauth_client import WachtClient
from wacht_oauth_client.models import CreateOAuthAppRequest
from wacht_oauth_client.testing import Emulator, run_emulator
from wacht_oauth_client.testing.vcr import REDACTED_SECRET, scrub_response, vcr_config

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "wacht-oauth.yaml"
CASSETTES = sorted(CASSETTE_ROOT.rglob("*.yaml"))
_BEARER = re.compile(r"Bearer\s+([^\s'\"]+)")
_SECRET = re.compile(r"oc_secret_[A-Za-z0-9_\-]*")


# -- reading cassettes -------------------------------------------------------------------------


def _interactions(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))  # decodes !!binary bodies too
    interactions: list[dict[str, Any]] = data["interactions"]
    return interactions


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def leaks(path: Path) -> list[str]:
    """Every secret-looking value in a cassette: the raw file AND its decoded bodies/headers
    (a multipart body is stored base64-encoded, where a plain text search cannot see it)."""
    blobs = [path.read_text(encoding="utf-8")]
    for interaction in _interactions(path):
        request, response = interaction["request"], interaction["response"]
        blobs += [_text(request["body"]), _text(response["body"]["string"])]
        for part in (request, response):
            blobs += [f"{name}: {v}" for name, values in part["headers"].items() for v in values]
    found = []
    for blob in blobs:
        if RECORDING_API_KEY in blob:
            found.append("the recording API key")
        found += [f"bearer token {m[:6]}…" for m in _BEARER.findall(blob) if m != "REDACTED"]
        found += [f"client secret {m[:14]}…" for m in _SECRET.findall(blob) if m != REDACTED_SECRET]
    return found


def _operations() -> list[tuple[str, re.Pattern[str], str]]:
    """(method, path regex, operationId) for every operation of the spec, on either mount (the
    spec's paths are the root mount; the deployment-scoped mount is its second server)."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    routes = []
    for template, item in spec["paths"].items():
        path = re.sub(r"\{[^}]+\}", "[^/]+", template)
        pattern = re.compile(f"^(/deployments/[^/]+)?{path}$")
        for method, operation in item.items():
            if method != "parameters":
                routes.append((method.upper(), pattern, operation["operationId"]))
    return routes


def _recorded() -> list[tuple[str, int, str]]:
    """(operationId, status, first error message or "") of every recorded interaction."""
    routes = _operations()
    seen = []
    for path in CASSETTES:
        for interaction in _interactions(path):
            request, response = interaction["request"], interaction["response"]
            url_path = re.sub(r"^https?://[^/]+", "", request["uri"]).split("?")[0]
            (operation,) = [
                op
                for method, rx, op in routes
                if method == request["method"] and rx.match(url_path)
            ]
            status = response["status"]["code"]
            message = ""
            if status >= 400:
                message = json.loads(_text(response["body"]["string"]))["errors"][0]["message"]
            seen.append((operation, status, message))
    return seen


# -- the committed cassettes ---------------------------------------------------------------------


def test_cassettes_are_committed() -> None:
    assert len(CASSETTES) >= 15, "run `make record` to (re)create tests/cassettes/"


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_cassette_contains_no_api_key_or_secret(path: Path) -> None:
    assert leaks(path) == []


def test_the_scan_finds_leaks(tmp_path: Path) -> None:
    # A cassette recorded WITHOUT the helper's scrubbing: the scan must flag all three leaks,
    # including the secret inside a base64 (!!binary) body.
    leaky = tmp_path / "leaky.yaml"
    body = b'\x89PNG {"client_secret":"oc_secret_' + b"A" * 43 + b'"}'
    leaky.write_text(
        yaml.safe_dump(
            {
                "interactions": [
                    {
                        "request": {
                            "body": body,
                            "headers": {"authorization": [f"Bearer {RECORDING_API_KEY}"]},
                            "method": "POST",
                            "uri": f"{REPLAY_BASE_URL}/x",
                        },
                        "response": {"body": {"string": ""}, "headers": {}, "status": {}},
                    }
                ],
                "version": 1,
            }
        ),
        encoding="utf-8",
    )
    assert "!!binary" in leaky.read_text(encoding="utf-8")
    assert sorted(leaks(leaky)) == [
        "bearer token wacht_…",
        "bearer token wacht_…",  # raw file and decoded header both show it
        "client secret oc_secret_AAAA…",
        "the recording API key",
        "the recording API key",
    ]


def test_every_operation_has_a_success_cassette() -> None:
    all_operations = {op for _, _, op in _operations()}
    assert len(all_operations) == 18
    succeeded = {op for op, status, _ in _recorded() if status < 300}
    assert sorted(all_operations - succeeded) == []


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "OAuth app not found"),
        (404, "OAuth client not found"),
        (404, "OAuth client not found or already inactive"),
        (400, "redirect_uris must use http or https"),
        (400, "organization permission 'org:x' is not configured in deployment B2B settings"),
        (409, "Resource already exists"),
        (401, "Authentication failed"),
    ],
)
def test_error_path_has_a_cassette(status: int, message: str) -> None:
    assert (status, message) in {(s, msg) for _, s, msg in _recorded()}


# -- strict replay ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    ["json field (create client: redirect_uris)", "multipart field (create app: name)"],
)
def test_changing_one_request_field_fails_the_replay(change: str) -> None:
    cassette = CASSETTE_ROOT / "test_clients" / "test_client_lifecycle.yaml"
    with (
        vcr.VCR().use_cassette(str(cassette), **suite_vcr_config("none")),
        WachtClient(api_key="replay-key", base_url=REPLAY_BASE_URL, max_retries=0) as client,
    ):
        oauth = client.oauth
        if change.startswith("json"):
            # Unchanged (multipart with a fresh random boundary): plays back.
            oauth.create_oauth_app(DEPLOYMENT, app_request("mcp-auth"))
            changed = attrs.evolve(client_request(), redirect_uris=["https://app.example.com/cb2"])
            call = lambda: oauth.create_oauth_client(DEPLOYMENT, "mcp-auth", changed)  # noqa: E731
        else:
            changed_app = attrs.evolve(app_request("mcp-auth"), name="MCP Auth App 2")
            call = lambda: oauth.create_oauth_app(DEPLOYMENT, changed_app)  # noqa: E731

        with pytest.raises(CannotOverwriteExistingCassetteException) as caught:
            call()

    assert caught.value.reason == "no_match"
    closest_failures = [name for name, _ in caught.value.similar_requests[0][2]]
    assert closest_failures == ["body"]


def test_unchanged_requests_replay(tmp_path: Path) -> None:
    # The control for the test above: the same calls as the cassette test, in order, all play.
    cassette = CASSETTE_ROOT / "test_clients" / "test_client_lifecycle.yaml"
    with (
        vcr.VCR().use_cassette(str(cassette), **suite_vcr_config("none")) as recorded,
        WachtClient(api_key="replay-key", base_url=REPLAY_BASE_URL, max_retries=0) as client,
    ):
        client.oauth.create_oauth_app(DEPLOYMENT, app_request("mcp-auth"))
        created = client.oauth.create_oauth_client(DEPLOYMENT, "mcp-auth", client_request())
    assert created.client_secret == REDACTED_SECRET
    assert recorded.play_count == 2


def _pytest(
    args: list[str], cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    # Only pytest-recording is loaded (faster, and independent of the other plugins).
    env = {**os.environ, **(extra_env or {}), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "pytest", "-p", "pytest_recording.plugin"]
    command += ["-p", "no:cacheprovider", "-rA", "-q", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_deleting_a_cassette_fails_its_test(tmp_path: Path) -> None:
    suite = tmp_path / "cassette"
    suite.mkdir()
    for name in ("__init__.py", "conftest.py", "recording.py", "test_clients.py"):
        (suite / name).write_text((CASSETTE_ROOT.parent / "cassette" / name).read_text())
    kept = tmp_path / "cassettes" / "test_clients"
    kept.mkdir(parents=True)
    name = "test_list_and_revoke_grants.yaml"
    (kept / name).write_text((CASSETTE_ROOT / "test_clients" / name).read_text())
    # test_client_lifecycle.yaml is NOT copied: that is the deleted cassette.

    result = _pytest(["cassette/test_clients.py"], cwd=tmp_path)

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "PASSED cassette/test_clients.py::test_list_and_revoke_grants" in output
    assert "FAILED cassette/test_clients.py::test_client_lifecycle" in output
    assert "CannotOverwriteExistingCassetteException" in output
    assert "the cassette doesn't exist" in output
    assert not (tmp_path / "cassettes" / "test_clients" / "test_client_lifecycle.yaml").exists()


# -- the helpers users get ----------------------------------------------------------------------


def test_vcr_config_defaults_and_overrides() -> None:
    config = vcr_config()
    assert config["record_mode"] == "none"
    assert config["match_on"] == ("method", "scheme", "host", "port", "path", "query", "body")
    assert ("authorization", "Bearer REDACTED") in config["filter_headers"]
    assert config["decode_compressed_response"] is True
    assert vcr_config(record_mode="once")["record_mode"] == "once"


def test_scrub_response_redacts_every_secret_and_volatile_header() -> None:
    body = (
        b'{"client_secret":"oc_secret_abc","nested":[{"webhook_secret":"s3cr3t"}],'
        b'"note":"leaked oc_secret_zzz here","secret_count":2}'
    )
    response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {
            "Content-Type": ["application/json"],
            "Content-Length": [str(len(body))],
            "Date": ["Tue, 01 Jan 2030 00:00:00 GMT"],
            "Server": ["Werkzeug/3"],
        },
        "body": {"string": body},
    }

    scrubbed = scrub_response(response)

    new_body = scrubbed["body"]["string"]
    assert json.loads(new_body) == {
        "client_secret": REDACTED_SECRET,
        "nested": [{"webhook_secret": REDACTED_SECRET}],
        "note": f"leaked {REDACTED_SECRET} here",
        "secret_count": 2,  # not a string: kept
    }
    assert scrubbed["headers"] == {
        "Content-Type": ["application/json"],
        "Content-Length": [str(len(new_body))],
    }


_USER_CONFTEST = """
from wacht_oauth_client.testing.pytest_plugin import vcr_config  # noqa: F401
"""

_USER_TEST = """
import json
import os

import pytest

from wacht_oauth_client import WachtClient
from wacht_oauth_client.models import CreateOAuthClientRequest


@pytest.mark.vcr
def test_my_code_creates_a_client():
    key = os.environ.get("USER_API_KEY", "anything-on-replay")
    with WachtClient(api_key=key, base_url=os.environ["USER_BASE_URL"]) as client:
        created = client.oauth.create_oauth_client(
            "dep_1",
            "my-app",
            CreateOAuthClientRequest(
                client_auth_method="client_secret_post",
                grant_types=["authorization_code"],
                redirect_uris=["https://my.example.com/cb"],
            ),
        )
    assert created.client_secret.startswith("oc_secret_")
"""


# Sockets to the local emulator only: the recording half must not reach anything else either.
@pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1"])
def test_user_records_against_the_emulator_then_replays_offline(tmp_path: Path) -> None:
    """The documented workflow: import the fixture, record once, replay without a server."""
    (tmp_path / "conftest.py").write_text(_USER_CONFTEST)
    (tmp_path / "test_mine.py").write_text(textwrap.dedent(_USER_TEST))
    cassette = tmp_path / "cassettes" / "test_mine" / "test_my_code_creates_a_client.yaml"
    user_key = "wacht_live_sk_users_own_key_123"

    emulator = Emulator(seed=1, api_keys=[user_key])
    with run_emulator(emulator) as url:
        with WachtClient(api_key=user_key, base_url=url) as setup:
            setup.oauth.create_oauth_app("dep_1", CreateOAuthAppRequest(slug="my-app", name="A"))
        env = {"USER_BASE_URL": url, "USER_API_KEY": user_key}
        recorded = _pytest(["--record-mode=once"], tmp_path, env)
        assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    assert emulator.call_counts["create_oauth_client"] == 1

    text = cassette.read_text(encoding="utf-8")
    assert user_key not in text
    assert "Bearer REDACTED" in text
    assert leaks(cassette) == []

    # The server is gone: the default record mode "none" replays from the cassette.
    replayed = _pytest([], tmp_path, {"USER_BASE_URL": url})
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
    assert "PASSED test_mine.py::test_my_code_creates_a_client" in replayed.stdout
