"""Configuration as code (`wacht-oauth export` / `apply`, `wacht_oauth_client.config`), against the
emulator over a real port.

The issue's acceptance lines, one or more tests each:

- round trip: export A, apply to an empty B, the exports are equal (both surfaces);
- `--dry-run` makes zero writes; a second apply makes zero writes (the emulator's request log);
- hand drift (a changed display name, a PATCH that reset every definition) is repaired;
- `--prune` deactivates only what is absent;
- an invalid file, a name conflict or a blocked mapping fails before any write;
- a fault on the third write leaves a report, and the next apply converges;
- secrets appear in neither the config, the logs (--debug) nor the plan.
"""

from __future__ import annotations

import functools
import json
import ssl
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from wacht_oauth_client import WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.cli import main
from wacht_oauth_client.config import (
    ConfigConflictError,
    ConfigError,
    Secret,
    apply,
    dump_config,
    export_config,
    load_config,
    plan,
)
from wacht_oauth_client.errors import InvalidArgumentError
from wacht_oauth_client.testing import Emulator, EmulatorURL, Fault, run_emulator

KEY_A, KEY_B = "wacht_test_sk_config_a_0123456789", "wacht_test_sk_config_b_9876543210"
WS, ORG = "workspace:mcp:invoke", "org:billing:read"
SLUG = "mcp-auth"
_SSL = ssl.create_default_context()
PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOC\n-----END PUBLIC KEY-----\n"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def server() -> Iterator[EmulatorURL]:
    emulator = Emulator(
        api_keys={KEY_A: "dep_a", KEY_B: "dep_b"},
        workspace_permissions=[WS],
        organization_permissions=[ORG],
    )
    with run_emulator(emulator) as url:
        yield url


@pytest.fixture
def cli(
    server: EmulatorURL, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Any:
    # Every command builds its own httpx.Client, whose CA bundle costs ~55 ms to load; these
    # tests talk plain HTTP to localhost, so one shared SSL context keeps them fast.
    monkeypatch.setattr(httpx, "Client", functools.partial(httpx.Client, verify=_SSL))
    monkeypatch.setenv("WACHT_BASE_URL", str(server))
    monkeypatch.delenv("WACHT_DEPLOYMENT_ID", raising=False)
    monkeypatch.delenv("WACHT_API_KEY", raising=False)

    def run(key: str, *argv: str) -> Run:
        capsys.readouterr()
        code = main(["--api-key", key, *argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def sdk(server: EmulatorURL, key: str) -> WachtClient:
    return WachtClient(api_key=key, base_url=str(server), max_retries=0)


class Log:
    """The emulator's requests from now on (its log is append-only)."""

    def __init__(self, server: EmulatorURL) -> None:
        self.server = server
        self.start = len(server.emulator.requests)

    @property
    def requests(self) -> list[tuple[str, str, str]]:
        return self.server.emulator.requests[self.start :]

    @property
    def writes(self) -> int:
        """Requests that can change something: everything but GET."""
        return sum(1 for method, _, _ in self.requests if method != "GET")


def seed(oauth: Any) -> None:
    """Deployment A: every kind of thing the file describes, and the traps around them."""
    oauth.create_oauth_app(
        m.CreateOAuthAppRequest(
            slug=SLUG,
            name="MCP Auth App",
            description="OAuth provider for MCP access",
            supported_scopes=["mcp:invoke", "mcp:read", "mcp:legacy", "on", "1.10"],
            scope_definitions=[
                m.OAuthScopeDefinition(
                    scope="mcp:invoke",
                    display_name="Invoke MCP tools",
                    description="Lets a client run MCP tools for the user",
                ),
                m.OAuthScopeDefinition(scope="on", display_name="", description="YAML says bool"),
            ],
        )
    )
    mapping = m.SetOAuthScopeMappingRequest
    oauth.set_oauth_scope_mapping(SLUG, "mcp:invoke", mapping("workspace", workspace_permission=WS))
    oauth.set_oauth_scope_mapping(SLUG, "mcp:read", mapping("personal"))
    oauth.archive_oauth_scope(SLUG, "mcp:legacy")
    create = m.CreateOAuthClientRequest
    oauth.create_oauth_client(
        SLUG,
        create(
            "client_secret_basic",
            ["refresh_token", "authorization_code"],
            ["https://console.example.com/oauth/callback", "https://console.example.com/b"],
            client_name="web-console",
            post_logout_redirect_uris=["https://console.example.com/"],
            contacts=["ops@example.com"],
            client_uri="https://console.example.com",
            access_token_format="jwt",
            access_token_ttl_seconds=900,
            skip_consent=True,
        ),
    )
    oauth.create_oauth_client(
        SLUG,
        create("none", ["authorization_code"], ["http://127.0.0.1:8765/cb"], client_name="cli"),
    )
    oauth.create_oauth_client(
        SLUG,
        create(
            "private_key_jwt",
            ["authorization_code"],
            ["https://partner.example.com/cb"],
            client_name="partner",
            jwks_uri="https://partner.example.com/jwks.json",
        ),
    )
    oauth.create_oauth_client(
        SLUG,
        create(
            "private_key_jwt",
            ["authorization_code"],
            ["https://batch.example.com/cb"],
            client_name="batch",
            public_key_pem=PEM,
        ),
    )
    # Never exported: a client without a name, and a deactivated one (it still lists).
    oauth.create_oauth_client(
        SLUG, create("none", ["authorization_code"], ["https://x.example/cb"])
    )
    retired = oauth.create_oauth_client(
        SLUG,
        create("none", ["authorization_code"], ["https://x.example/cb"], client_name="retired"),
    )
    oauth.deactivate_oauth_client(SLUG, retired.id)
    oauth.create_oauth_app(
        m.CreateOAuthAppRequest(
            slug="billing",
            name="Billing",
            supported_scopes=["invoices:read"],
            allow_dynamic_client_registration=True,
        )
    )
    org = mapping("organization", organization_permission=ORG)
    oauth.set_oauth_scope_mapping("billing", "invoices:read", org)
    oauth.create_oauth_client(
        "billing",
        create(
            "client_secret_post",
            ["authorization_code"],
            ["https://billing.example.com/cb"],
            client_name="portal",
        ),
    )


@pytest.fixture
def exported(server: EmulatorURL, cli: Any, tmp_path: Path) -> Path:
    """Deployment A seeded and exported (key-scoped surface: the key's deployment is dep_a)."""
    with sdk(server, KEY_A) as client:
        seed(client.deployment().oauth)
    result = cli(KEY_A, "export", "-o", str(tmp_path / "a.yaml"))
    assert (result.code, result.out) == (0, ""), result.err
    # The unnamed client is counted on stderr; the deactivated one is silently gone.
    assert "1 unnamed active client(s)" in result.err
    return tmp_path / "a.yaml"


# -- the round trip ------------------------------------------------------------------------------


def test_round_trip_export_a_apply_to_empty_b_and_the_exports_are_equal(
    server: EmulatorURL, cli: Any, exported: Path, tmp_path: Path
) -> None:
    text = exported.read_text(encoding="utf-8")
    # What the file holds, and what it never holds.
    for absent in ("oc_", "730000", "2026-", "oapi.trywacht.xyz", "retired", "logo_url"):
        assert absent not in text, absent
    assert '"on":' in text and '"1.10":' in text  # scope keys always quoted
    log = Log(server)

    applied = cli(
        KEY_B, "--deployment", "dep_b", "apply", str(exported), "--secrets-out", str(tmp_path / "s")
    )
    assert applied.code == 0, applied.out + applied.err
    assert "Apply complete" in applied.out
    assert all(path.startswith("/deployments/dep_b/") for _, path, _ in log.requests)

    # B's export, on the other surface (KEY_B's key-scoped deployment is dep_b).
    again = cli(KEY_B, "export", "-o", str(tmp_path / "b.yaml"))
    assert again.code == 0, again.err
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == text

    # And the second apply of the same file: "no changes", zero writes.
    log = Log(server)
    second = cli(KEY_B, "apply", str(exported))
    assert second.code == 0
    assert second.out == "No changes: the API key's deployment matches the configuration.\n"
    assert log.writes == 0


def test_the_python_api_round_trip_on_the_deployment_scoped_surface(server: EmulatorURL) -> None:
    with sdk(server, KEY_A) as client:
        a, b = client.deployment("dep_a").oauth, client.deployment("dep_b").oauth
        seed(a)
        document = export_config(a)
        changes = plan(b, document)
        assert changes.target == "deployment dep_b" and changes.has_changes
        secrets: list[Secret] = []
        result = apply(changes, on_secret=secrets.append)
        assert result.ok, result.render()
        assert export_config(b) == document
        assert [(s.app, s.client_name, s.event) for s in secrets] == [
            ("billing", "portal", "created"),
            (SLUG, "web-console", "created"),
        ]
        assert "oc_secret_" not in repr(secrets)  # the repr hides it; the attribute holds it
        assert all(s.client_secret.startswith("oc_secret_") for s in secrets)
        assert not plan(b, document).has_changes


# -- zero writes ------------------------------------------------------------------------------


def test_dry_run_makes_zero_writes(server: EmulatorURL, cli: Any, exported: Path) -> None:
    log = Log(server)
    result = cli(KEY_B, "apply", str(exported), "--dry-run")
    assert result.code == 0, result.err
    # 2 apps, 3 mappings, 5 clients.
    assert "Plan: 10 to create, 0 to update, 0 to deactivate." in result.out
    # Only reads: one list of apps, no client lists (no app exists yet).
    assert [op for _, _, op in log.requests] == ["list_oauth_apps"]
    as_json = cli(KEY_B, "--json", "apply", str(exported), "--dry-run").json()
    assert as_json["result"] is None and as_json["plan"]["summary"]["create"] == 10
    assert log.writes == 0


def test_a_second_apply_makes_zero_writes(server: EmulatorURL, cli: Any, exported: Path) -> None:
    log = Log(server)
    first = cli(KEY_B, "--json", "apply", str(exported), "--secrets-out", str(exported) + ".s")
    assert first.code == 0, first.err
    assert first.json()["result"]["summary"]["done"] == 10
    assert log.writes == 10
    log = Log(server)
    second = cli(KEY_B, "--json", "apply", str(exported))
    assert second.code == 0
    assert second.json()["result"] is None and second.json()["plan"]["changes"] == []
    assert log.writes == 0  # not one write more


# -- drift ------------------------------------------------------------------------------------


def test_hand_drift_is_repaired(server: EmulatorURL, cli: Any, exported: Path) -> None:
    assert cli(KEY_B, "apply", str(exported), "--secrets-out", str(exported) + ".s").code == 0
    with sdk(server, KEY_B) as client:
        oauth = client.deployment().oauth
        oauth.update_oauth_scope(SLUG, "mcp:invoke", m.UpdateOAuthScopeRequest(display_name="x"))
        web = next(c for c in oauth.list_oauth_clients(SLUG) if c.client_name == "web-console")
        oauth.update_oauth_client(
            SLUG,
            web.id,
            m.UpdateOAuthClientRequest(access_token_ttl_seconds=60, tos_uri="https://t"),
        )
        # The trap: a PATCH without scope_definitions resets every definition of "billing",
        # its organization mapping included.
        oauth.update_oauth_app(
            "billing", m.UpdateOAuthAppRequest(name="Billing!"), preserve_scope_definitions=False
        )
    log = Log(server)

    dry = cli(KEY_B, "apply", str(exported), "--dry-run")
    assert 'display_name: "x" -> "Invoke MCP tools"' in dry.out
    assert "access_token_ttl_seconds: 60 -> 900" in dry.out
    assert 'tos_uri: "https://t" -> (none)' in dry.out
    assert 'name: "Billing!" -> "Billing"' in dry.out
    assert '+ apps["billing"].scopes["invoices:read"].mapping' in dry.out
    assert "Plan: 1 to create, 3 to update, 0 to deactivate." in dry.out

    repaired = cli(KEY_B, "apply", str(exported))
    assert repaired.code == 0, repaired.out
    # One PATCH per drifted app, one client PATCH, one mapping: 4 writes, no more.
    assert log.writes == 4
    assert cli(KEY_B, "export").out == exported.read_text(encoding="utf-8")


def test_an_app_update_never_resets_scope_definitions(server: EmulatorURL, tmp_path: Path) -> None:
    with sdk(server, KEY_A) as client:
        oauth = client.deployment().oauth
        seed(oauth)
        document = export_config(oauth)
        document["apps"][SLUG]["name"] = "Renamed"
        document["apps"][SLUG]["scopes"]["mcp:new"] = {"display_name": "New"}
        changes = plan(oauth, document)
        assert [(c.address, c.operation) for c in changes.changes] == [
            ('apps["mcp-auth"]', "update_oauth_app")
        ]
        assert apply(changes).ok
        after = export_config(oauth)
    # Every other definition (display names, archive flags, both mappings) is as it was.
    assert after == document


# -- prune ------------------------------------------------------------------------------------


def test_prune_deactivates_only_what_is_absent(
    server: EmulatorURL, cli: Any, exported: Path
) -> None:
    assert cli(KEY_B, "apply", str(exported), "--secrets-out", str(exported) + ".s").code == 0
    create = m.CreateOAuthClientRequest
    with sdk(server, KEY_B) as client:
        oauth = client.deployment().oauth
        for app, name in ((SLUG, "hand-made"), (SLUG, None), ("billing", "registered")):
            oauth.create_oauth_client(
                app,
                create("none", ["authorization_code"], ["https://h.example/cb"], client_name=name),
            )
    log = Log(server)

    kept = cli(KEY_B, "apply", str(exported))
    assert kept.code == 0 and "No changes" in kept.out
    assert 'clients["hand-made"]: id ' in kept.out and "--prune would deactivate it" in kept.out
    assert '"registered"]: id ' in kept.out and "allows dynamic client registration" in kept.out
    assert "1 unnamed active client(s)" in kept.out
    assert log.writes == 0

    dry = cli(KEY_B, "apply", str(exported), "--prune", "--dry-run")
    assert '  - apps["mcp-auth"].clients["hand-made"]' in dry.out
    assert "Plan: 0 to create, 0 to update, 1 to deactivate." in dry.out
    assert log.writes == 0
    pruned = cli(KEY_B, "apply", str(exported), "--prune")
    assert pruned.code == 0, pruned.out
    assert [op for method, _, op in log.requests if method != "GET"] == ["deactivate_oauth_client"]
    with sdk(server, KEY_B) as client:
        oauth = client.deployment().oauth
        active = {
            (app, c.client_name)
            for app in (SLUG, "billing")
            for c in oauth.list_oauth_clients(app)
            if c.is_active
        }
    assert (SLUG, "hand-made") not in active
    # Kept: every client of the file, the unnamed one, and the registrant's client of the
    # app that allows dynamic client registration.
    assert active == {(SLUG, n) for n in ("web-console", "cli", "partner", "batch", None)} | {
        ("billing", "portal"),
        ("billing", "registered"),
    }
    assert "No changes" in cli(KEY_B, "apply", str(exported), "--prune").out


# -- failing before any write -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\napps:\n  a:\n    nmae: x\n", 'a.yaml:4: apps["a"].nmae: unknown field'),
        (
            "version: 1\napps:\n  a: {name: A}\n  a: {name: B}\n",
            "a.yaml:4: apps: duplicate key 'a' (first on line 3)",
        ),
        (
            "version: 1\napps:\n  a:\n    name: A\n    scopes:\n      on: {}\n",
            "a.yaml:6: apps[\"a\"].scopes: the key 'on' is not read as a string",
        ),
        (
            "version: 1\napps:\n  a:\n    name: A\n    clients:\n      w:\n"
            "        client_auth_method: client_secret_basic\n"
            "        grant_types: [authorization_code]\n"
            "        redirect_uris: ['https://a.example/cb']\n"
            "        client_secret: oc_secret_abc\n",
            "secrets never go in a config file",
        ),
        (
            "version: 1\napps:\n  a:\n    name: A\n    description: ${NOT_SET_ANYWHERE}\n",
            "the environment variable NOT_SET_ANYWHERE is not set",
        ),
        (
            '{"version": 1, "apps": {"a": {"name": "A", "is_active": "no"}}}',
            "must be true or false",
        ),
    ],
    ids=["unknown-field", "duplicate-key", "yaml-boolean-key", "secret", "unset-variable", "json"],
)
def test_an_invalid_file_fails_before_any_request(
    server: EmulatorURL, cli: Any, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    log = Log(server)
    result = cli(KEY_B, "apply", str(path))
    assert (result.code, result.out) == (2, "")
    assert message in result.err, result.err
    assert log.requests == []  # not even a read
    assert "oc_secret_abc" not in result.err  # a rejected secret is not echoed


def test_conflicts_and_blocked_mappings_stop_before_any_write(
    server: EmulatorURL, cli: Any, exported: Path
) -> None:
    assert cli(KEY_B, "apply", str(exported), "--secrets-out", str(exported) + ".s").code == 0
    with sdk(server, KEY_B) as client:
        oauth = client.deployment().oauth
        oauth.create_oauth_client(  # a second active "cli"
            SLUG,
            m.CreateOAuthClientRequest(
                "none", ["authorization_code"], ["https://h.example/cb"], client_name="cli"
            ),
        )
    text = exported.read_text(encoding="utf-8").replace("category: personal", "category: workspace")
    text = text.replace("description: OAuth provider for MCP access", "description: changed")
    exported.write_text(text, encoding="utf-8")
    log = Log(server)

    result = cli(KEY_B, "apply", str(exported))
    assert result.code == 1
    assert (
        '! apps["mcp-auth"].scopes["mcp:read"].mapping: the server has {"category": "personal"}'
        in (result.out)
    )
    assert (
        '! conflict: apps["mcp-auth"].clients["cli"]: 2 active clients have this name' in result.out
    )
    assert "nothing can be applied until they are resolved" in result.out
    assert "1 blocked, 1 conflicting: nothing was applied" in result.err
    assert log.writes == 0  # the description change is not applied either


def test_export_refuses_two_active_clients_with_one_name(server: EmulatorURL) -> None:
    with sdk(server, KEY_A) as client:
        oauth = client.deployment().oauth
        oauth.create_oauth_app(m.CreateOAuthAppRequest(slug=SLUG, name="A"))
        for _ in range(2):
            oauth.create_oauth_client(
                SLUG,
                m.CreateOAuthClientRequest(
                    "none", ["authorization_code"], ["https://a.example/cb"], client_name="twin"
                ),
            )
        with pytest.raises(ConfigConflictError, match="2 active clients have this name"):
            export_config(oauth)


def test_apply_refuses_a_plan_the_deployment_has_moved_past(server: EmulatorURL) -> None:
    with sdk(server, KEY_A) as client:
        oauth = client.deployment().oauth
        document = {"version": 1, "apps": {SLUG: {"name": "A", "scopes": {}, "clients": {}}}}
        changes = plan(oauth, document)
        oauth.create_oauth_app(m.CreateOAuthAppRequest(slug=SLUG, name="B"))  # meanwhile
        log = Log(server)
        with pytest.raises(ConfigConflictError, match="changed since the plan was made"):
            apply(changes)
    assert log.writes == 0


def test_apply_needs_somewhere_to_put_new_secrets(
    server: EmulatorURL, cli: Any, exported: Path
) -> None:
    log = Log(server)
    with sdk(server, KEY_B) as client:
        changes = plan(client.deployment().oauth, load_config(exported))
        with pytest.raises(InvalidArgumentError, match="on_secret"):
            apply(changes)
    json_without_file = cli(KEY_B, "--json", "apply", str(exported))
    assert json_without_file.code == 2 and "add --secrets-out FILE" in json_without_file.err
    existing = exported.with_suffix(".secrets")
    existing.write_text("")
    refused = cli(KEY_B, "apply", str(exported), "--secrets-out", str(existing))
    assert refused.code == 2 and "already exists" in refused.err
    assert log.writes == 0


# -- partial failure --------------------------------------------------------------------------


@pytest.mark.parametrize("fault", [Fault.status(503), Fault.drop()], ids=["503", "dropped"])
def test_a_fault_on_the_third_write_leaves_a_report_and_the_next_apply_converges(
    server: EmulatorURL, cli: Any, exported: Path, tmp_path: Path, fault: Fault
) -> None:
    dry = cli(KEY_B, "--json", "apply", str(exported), "--dry-run").json()
    operations = [c["operation"] for c in dry["plan"]["changes"]]
    third = operations[2]
    assert third not in operations[:2]  # so the injected fault hits exactly the third write
    server.emulator.inject_fault(third, fault)

    failed = cli(KEY_B, "--json", "apply", str(exported), "--secrets-out", str(tmp_path / "s1"))
    assert failed.code == 1
    result = failed.json()["result"]
    statuses = [r["status"] for r in result["results"]]
    assert statuses == ["done", "done", "unknown"] + ["not attempted"] * (len(operations) - 3)
    assert "may have reached the server" in result["results"][2]["message"]
    assert result["ok"] is False

    human = cli(KEY_B, "apply", str(exported), "--dry-run")  # what is left, as a person sees it
    left = 8 if fault.kind == "respond" else 7  # a dropped answer: the write itself happened
    assert f"Plan: {left} to create, 0 to update" in human.out

    converged = cli(KEY_B, "apply", str(exported), "--secrets-out", str(tmp_path / "s2"))
    assert converged.code == 0, converged.out
    assert cli(KEY_B, "export").out == exported.read_text(encoding="utf-8")
    assert "No changes" in cli(KEY_B, "apply", str(exported)).out


def test_a_create_whose_answer_was_lost_is_found_by_name(server: EmulatorURL) -> None:
    document = {
        "version": 1,
        "apps": {
            SLUG: {
                "name": "A",
                "clients": {
                    "web": {
                        "client_auth_method": "client_secret_basic",
                        "grant_types": ["authorization_code"],
                        "redirect_uris": ["https://a.example/cb"],
                    }
                },
            }
        },
    }
    server.emulator.inject_fault("create_oauth_client", Fault.drop())  # created, answer lost
    with sdk(server, KEY_A) as client:
        oauth = client.deployment().oauth
        result = apply(plan(oauth, document), on_secret=lambda s: None)
        assert [r.status for r in result.results] == ["done", "unknown"]
        assert "its secret was never seen: rotate it" in result.results[1].message
        assert "wacht-oauth clients rotate-secret mcp-auth ID" in result.render()
        assert not plan(oauth, document).has_changes  # found by name: no second client
        assert len(oauth.list_oauth_clients(SLUG)) == 1


# -- secrets ----------------------------------------------------------------------------------


def test_secrets_are_in_neither_the_config_the_log_nor_the_plan(
    server: EmulatorURL, cli: Any, exported: Path, tmp_path: Path
) -> None:
    secrets_file = tmp_path / "secrets.jsonl"
    plan_json = cli(KEY_B, "--json", "apply", str(exported), "--dry-run")
    applied = cli(KEY_B, "--debug", "apply", str(exported), "--secrets-out", str(secrets_file))
    assert applied.code == 0
    assert "DEBUG wacht_oauth_client: POST /oauth/apps/mcp-auth/clients -> 200" in applied.err
    lines = [json.loads(x) for x in secrets_file.read_text().splitlines()]
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    assert [(x["app"], x["client_name"], x["event"]) for x in lines] == [
        ("billing", "portal", "created"),
        (SLUG, "web-console", "created"),
    ]
    for line in lines:
        assert line["client_secret"].startswith("oc_secret_") and line["client_id"].startswith(
            "oc_"
        )
    exported_b = cli(KEY_B, "--json", "export")
    for text in (exported.read_text(), plan_json.out, plan_json.err, applied.out, applied.err):
        assert "oc_secret_" not in text
    assert "oc_secret_" not in exported_b.out
    assert all(line["client_secret"] not in applied.out + applied.err for line in lines)

    # Without --secrets-out, a person sees each new secret exactly once, on stdout.
    with sdk(server, KEY_B) as client:
        oauth = client.deployment().oauth
        cli_client = next(c for c in oauth.list_oauth_clients(SLUG) if c.client_name == "cli")
    switched = load_config(exported)
    switched["apps"][SLUG]["clients"]["cli"]["client_auth_method"] = "client_secret_post"
    (tmp_path / "switched.yaml").write_text(dump_config(switched))
    rotated = cli(KEY_B, "--debug", "apply", str(tmp_path / "switched.yaml"))
    assert rotated.code == 0, rotated.out
    assert rotated.out.count("oc_secret_") == 1
    assert f'apps["mcp-auth"].clients["cli"]: new client_secret for {cli_client.client_id}' in (
        rotated.out
    )
    assert "oc_secret_" not in rotated.err
    assert server.emulator.call_counts["rotate_oauth_client_secret"] == 1


def test_dump_and_load_round_trip_in_both_formats(server: EmulatorURL, tmp_path: Path) -> None:
    with sdk(server, KEY_A) as client:
        seed(client.deployment().oauth)
        document = export_config(client.deployment().oauth)
    for name, fmt in (("c.yaml", "yaml"), ("c.json", "json")):
        path = tmp_path / name
        path.write_text(dump_config(document, fmt))
        assert load_config(path) == document
        assert dump_config(load_config(path), fmt) == path.read_text()
    with pytest.raises(ConfigError):
        load_config(tmp_path / "missing.yaml")
