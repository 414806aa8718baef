"""`wacht-oauth`, driven command by command against the emulator over a real port.

Every command runs on both surfaces: the key-scoped backend API (no `--deployment`: the emulator
maps the key to its deployment) and the deployment-scoped paths (`--deployment` or
`WACHT_DEPLOYMENT_ID`). Checked: `--json` output as parsed JSON, stdin requests, exit codes
0/1/2, stderr messages, and that no key or secret shows up where it should not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wacht_oauth_client.cli import COMMANDS, GROUPS, main
from wacht_oauth_client.testing import OPERATION_IDS, Emulator, EmulatorURL, run_emulator

KEY = "wacht_test_sk_cli_0123456789abcdef"
DEP = "dep_cli"
SLUG = "mcp-auth"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.err == "", self.err
        return json.loads(self.out)


@pytest.fixture
def server() -> Iterator[EmulatorURL]:
    emulator = Emulator(
        api_keys={KEY: DEP}, workspace_permissions=["ws:invoke"], grants_per_client=1
    )
    with run_emulator(emulator) as url:
        yield url


@pytest.fixture
def cli(
    server: EmulatorURL, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Any:
    monkeypatch.setenv("WACHT_API_KEY", KEY)
    monkeypatch.setenv("WACHT_BASE_URL", str(server))
    monkeypatch.delenv("WACHT_DEPLOYMENT_ID", raising=False)

    def run(*argv: str, stdin: str | None = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


class _Stdin:
    """sys.stdin with the `.buffer` the CLI reads bytes from."""

    def __init__(self, text: str) -> None:
        import io

        self.buffer = io.BytesIO(text.encode())


SURFACES = {
    "key-scoped": ((), "/oauth/apps"),
    "--deployment": (("--deployment", DEP), f"/deployments/{DEP}/oauth/apps"),
}


@pytest.mark.parametrize("surface", sorted(SURFACES))
def test_every_command_on_both_surfaces(
    cli: Any, server: EmulatorURL, surface: str, tmp_path: Path
) -> None:
    flags, prefix = SURFACES[surface]
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)

    def ok(*argv: str, stdin: str | None = None) -> Any:
        result = cli("--json", *flags, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.json() if result.out else None

    app = ok(
        "apps",
        "create",
        "--slug",
        SLUG,
        "--name",
        "MCP",
        "--scope",
        "mcp:invoke",
        "--scope",
        "mcp:read",
        "--logo",
        str(logo),
    )
    assert app["slug"] == SLUG and app["logo_url"].endswith("/logo.png")
    assert [a["slug"] for a in ok("apps", "list")] == [SLUG]
    assert (
        ok("apps", "update", SLUG, "--from-json", "-", stdin='{"description": "d"}')["description"]
        == "d"
    )
    assert ok("apps", "verify-domain", SLUG)["verified"] is False
    scoped = ok("scopes", "update", SLUG, "mcp:read", "--display-name", "Read")
    assert scoped["scope_definitions"][1]["display_name"] == "Read"
    assert ok("scopes", "archive", SLUG, "mcp:read")["scope_definitions"][1]["archived"] is True
    assert ok("scopes", "unarchive", SLUG, "mcp:read")["scope_definitions"][1]["archived"] is False
    mapped = ok(
        "scopes",
        "map",
        SLUG,
        "mcp:invoke",
        "--category",
        "workspace",
        "--workspace-permission",
        "ws:invoke",
    )
    assert mapped["scope_definitions"][0]["workspace_permission"] == "ws:invoke"
    # The app's scope definitions survive an update (the SDK re-sends them).
    assert (
        ok("apps", "update", SLUG, "--name", "MCP 2")["scope_definitions"][1]["display_name"]
        == "Read"
    )

    body = json.dumps(
        {"client_auth_method": "client_secret_basic", "grant_types": ["authorization_code"]}
    )
    created = ok(
        "clients",
        "create",
        SLUG,
        "--from-json",
        "-",
        "--redirect-uri",
        "https://app.example.com/cb",
        "--name",
        "web",
        stdin=body,
    )
    cid = created["id"]
    assert created["client_secret"].startswith("oc_secret_")  # the one time it exists
    assert created["redirect_uris"] == ["https://app.example.com/cb"]
    listed = ok("clients", "list", SLUG)
    assert [c["id"] for c in listed] == [cid] and "client_secret" not in listed[0]
    assert (
        ok("clients", "update", SLUG, cid, "--access-token-ttl", "900")["access_token_ttl_seconds"]
        == 900
    )
    rotated = ok("clients", "rotate-secret", SLUG, cid)
    assert rotated["client_secret"].startswith("oc_secret_")
    assert rotated["client_secret"] != created["client_secret"]
    (grant,) = ok("grants", "list", SLUG, cid)
    assert ok("grants", "revoke", SLUG, cid, grant["id"]) is None
    assert ok("grants", "list", SLUG, cid)[0]["status"] == "revoked"
    (key,) = ok("keys", "list", SLUG)
    new = ok("keys", "rotate", SLUG)
    assert new["kid"] != key["kid"] and new["status"] == "active"
    assert ok("keys", "compromise", SLUG, key["kid"]) is None
    assert [k["kid"] for k in ok("keys", "list", SLUG)] == [new["kid"]]
    assert ok("clients", "deactivate", SLUG, cid) is None
    assert ok("clients", "list", SLUG)[0]["is_active"] is False

    # All 18 operations, each on the surface asked for.
    requests = server.emulator.requests
    assert {op for _, _, op in requests} == set(OPERATION_IDS)
    assert all(path.startswith(prefix) for _, path, _ in requests)


def test_one_command_per_operation() -> None:
    assert len(COMMANDS) == len(OPERATION_IDS) == 18
    assert {c.group for c in COMMANDS} == set(GROUPS)


def test_the_deployment_can_come_from_the_environment(
    cli: Any, server: EmulatorURL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WACHT_DEPLOYMENT_ID", "dep_env")
    assert cli("--json", "apps", "list").json() == []
    assert cli("apps", "list", "--deployment", "dep_flag").code == 0  # the flag wins
    assert [p for _, p, _ in server.emulator.requests] == [
        "/deployments/dep_env/oauth/apps",
        "/deployments/dep_flag/oauth/apps",
    ]


def test_human_output_never_shows_a_secret_except_where_it_is_returned(cli: Any) -> None:
    assert cli("apps", "create", "--slug", SLUG, "--name", "A").code == 0
    args = ("--auth-method", "client_secret_post", "--grant-type", "authorization_code")
    created = cli("clients", "create", SLUG, *args, "--redirect-uri", "https://a.example/cb")
    secret = next(
        line.split(": ", 1)[1]
        for line in created.out.splitlines()
        if line.startswith("client_secret")
    )
    assert secret.startswith("oc_secret_")
    cid = next(line.split(": ")[1] for line in created.out.splitlines() if line.startswith("id:"))
    listed = cli("clients", "list", SLUG)
    updated = cli("clients", "update", SLUG, cid, "--name", "renamed")
    assert "renamed" in updated.out
    for result in (listed, updated, cli("--debug", "clients", "list", SLUG)):
        assert result.code == 0
        assert "oc_secret_" not in result.out + result.err
        assert KEY not in result.out + result.err
    rotated = cli("clients", "rotate-secret", SLUG, cid)
    assert rotated.out.startswith("client_secret: oc_secret_")


def test_tables_list_the_columns(cli: Any) -> None:
    cli("apps", "create", "--slug", SLUG, "--name", "My app", "--scope", "a", "--scope", "b")
    lines = cli("apps", "list").out.splitlines()
    assert lines[0].split("\t") == ["slug", "name", "is_active", "supported_scopes", "fqdn"]
    assert lines[1].split("\t")[:4] == [SLUG, "My app", "yes", "a,b"]
    assert cli("clients", "list", SLUG).out == ""  # an empty list prints nothing


# -- exit codes and messages ---------------------------------------------------------------------


def test_api_errors_exit_1_with_the_servers_message_on_stderr(cli: Any) -> None:
    result = cli("clients", "list", "no-such-app")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "wacht-oauth: error: HTTP 404: OAuth app not found (GET /oauth/apps/no-such-app/clients)\n"
    )
    as_json = cli("--json", "clients", "list", "no-such-app")
    assert (as_json.code, as_json.out) == (1, "")
    assert json.loads(as_json.err) == {
        "error": {
            "type": "NotFoundError",
            "kind": "api",
            "message": "OAuth app not found",
            "status_code": 404,
            "method": "GET",
            "url": "/oauth/apps/no-such-app/clients",
        }
    }


def test_a_rejected_key_exits_1_and_is_not_echoed(cli: Any) -> None:
    wrong = "wacht_test_sk_not_the_right_one_42"
    result = cli("--api-key", wrong, "apps", "list")
    assert (result.code, result.out) == (1, "")
    assert "Authentication failed" in result.err and wrong not in result.err


def test_connection_errors_exit_1(cli: Any) -> None:
    result = cli("--base-url", "http://127.0.0.1:9", "--timeout", "2", "apps", "list")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith("wacht-oauth: error: ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("clients", "update", SLUG, "oc_abc", "--name", "x"), "looks like a public client_id"),
        (("grants", "revoke", SLUG, "12", "x1"), "grant_id: must be a numeric id"),
        (
            ("clients", "create", SLUG, "--name", "x"),
            "missing required field(s): client_auth_method (--auth-method), grant_types",
        ),
        (("apps", "create", "--name", "x"), "missing required field(s): slug (--slug)"),
        (("apps", "update", SLUG, "--from-json", "-"), "unknown field(s) nmae"),
        (
            ("apps", "update", SLUG, "--from-json", "/no/such/file.json"),
            "cannot read /no/such/file.json",
        ),
        (("apps", "create", "--slug", "s", "--name", "n", "--logo", __file__), "must be a PNG"),
        (("scopes", "update", SLUG, " ", "--display-name", "x"), "scope: must not be empty"),
    ],
)
def test_bad_input_exits_2_before_any_request(
    cli: Any, server: EmulatorURL, argv: tuple[str, ...], message: str
) -> None:
    result = cli(*argv, stdin='{"nmae": "typo"}')
    assert (result.code, result.out) == (2, "")
    assert message in result.err, result.err
    assert server.emulator.requests == []


def test_bad_json_on_stdin_exits_2(cli: Any) -> None:
    for stdin, message in (("{not json", "not valid JSON"), ("[1, 2]", "must be a JSON object")):
        result = cli("apps", "update", SLUG, "--from-json", "-", stdin=stdin)
        assert result.code == 2 and message in result.err


def test_a_missing_key_exits_2(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WACHT_API_KEY")
    result = cli("apps", "list")
    assert (result.code, result.out) == (2, "")
    assert result.err == "wacht-oauth: error: no API key: set WACHT_API_KEY (or pass --api-key)\n"


def test_usage_errors_exit_2(cli: Any, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["apps"],
        ["apps", "nope"],
        ["clients", "list"],
        ["--timeout", "x", "apps", "list"],
    ):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
        assert "usage: wacht-oauth" in capsys.readouterr().err


# -- the installed command, as a script sees it -----------------------------------------------


def _script(*argv: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("wacht-oauth")
    return subprocess.run(
        [str(command), *argv], input=stdin, capture_output=True, text=True, env=env, timeout=30
    )


@pytest.fixture
def env(server: EmulatorURL) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("WACHT_")}
    return {**base, "WACHT_API_KEY": KEY, "WACHT_BASE_URL": str(server)}


def test_the_console_script_pipes_json_from_stdin_to_stdout(env: dict[str, str]) -> None:
    body = json.dumps({"slug": SLUG, "name": "From stdin", "supported_scopes": ["s"]})
    created = _script("--json", "apps", "create", "--from-json", "-", env=env, stdin=body)
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["name"] == "From stdin"
    listed = _script("apps", "list", "--json", env=env)  # common flags after the command too
    assert [a["slug"] for a in json.loads(listed.stdout)] == [SLUG]


def test_errors_show_no_traceback_unless_debug(env: dict[str, str]) -> None:
    quiet = _script("clients", "list", "nope", env=env)
    assert quiet.returncode == 1 and "Traceback" not in quiet.stderr
    assert quiet.stderr.count("\n") == 1
    debug = _script("--debug", "clients", "list", "nope", env=env)
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert "DEBUG wacht_oauth_client: GET /oauth/apps/nope/clients -> 404" in debug.stderr
    assert KEY not in debug.stderr and "Bearer" not in debug.stderr


def test_help_on_every_level_has_an_example_and_version_prints(env: dict[str, str]) -> None:
    levels = [[], *([g] for g in GROUPS), *([c.group, c.name] for c in COMMANDS)]
    for argv in levels:
        result = main_help(argv)
        assert "example:\n  wacht-oauth " in result, argv
    version = _script("--version", env=env)
    assert version.returncode == 0 and version.stdout.startswith("wacht-oauth 0.")


def main_help(argv: list[str]) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as caught:
        main([*argv, "--help"])
    assert caught.value.code == 0
    return out.getvalue()
