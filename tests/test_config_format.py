"""The configuration file's format, without a server: the JSON Schema and the plain-Python
validator agree, YAML's traps are caught with line numbers, the canonical form is stable, and
export -> apply -> export holds for generated configurations (property test, in-process)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wacht_oauth_client import WachtClient
from wacht_oauth_client.config import (
    ConfigError,
    apply,
    dump_config,
    export_config,
    loads_config,
    plan,
    schema,
    validate_config,
)
from wacht_oauth_client.testing import Emulator

WEB = {
    "client_auth_method": "client_secret_basic",
    "grant_types": ["authorization_code", "refresh_token"],
    "redirect_uris": ["https://app.example.com/cb"],
}
VALID: dict[str, Any] = {
    "version": 1,
    "apps": {
        "mcp-auth": {
            "name": "MCP",
            "description": "d",
            "fqdn": "Auth.Example.com",
            "allow_dynamic_client_registration": False,
            "is_active": True,
            "scopes": {
                "mcp:invoke": {
                    "display_name": "Invoke",
                    "description": "Run tools",
                    "archived": False,
                    "mapping": {"category": "workspace", "workspace_permission": "ws:x"},
                },
                "mcp:read": {"mapping": {"category": "personal"}},
                "on": {},
                "org:billing": {"mapping": {"category": "organization"}},
            },
            "clients": {
                "web": {
                    **WEB,
                    "post_logout_redirect_uris": ["https://app.example.com/"],
                    "client_uri": "https://app.example.com",
                    "contacts": ["ops@example.com"],
                    "software_id": "s",
                    "token_endpoint_auth_signing_alg": "RS256",
                    "id_token_signing_alg": "RS256",
                    "access_token_format": "jwt",
                    "access_token_ttl_seconds": 60,
                    "skip_consent": True,
                },
                "pk": {**WEB, "client_auth_method": "private_key_jwt", "jwks_uri": "https://k/j"},
                "jwks": {
                    **WEB,
                    "client_auth_method": "private_key_jwt",
                    "jwks": {
                        "keys": [{"kty": "RSA", "n": "abc", "e": "AQAB", "key_ops": ["verify"]}]
                    },
                },
            },
        },
        "bare": {"name": "Bare"},
    },
}


def _with(path: tuple[Any, ...], value: Any, delete: bool = False) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    target = document
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


CLIENT = ("apps", "mcp-auth", "clients", "web")
SCOPE = ("apps", "mcp-auth", "scopes", "mcp:invoke")
INVALID = {
    "no version": _with(("version",), None, delete=True),
    "version 2": _with(("version",), 2),
    "version true": _with(("version",), True),
    "apps a list": _with(("apps",), []),
    "unknown top-level key": _with(("extra",), 1),
    "blank slug": _with(("apps", " "), {"name": "x"}),
    "padded slug": _with(("apps", " a"), {"name": "x"}),
    "no name": _with(("apps", "bare", "name"), None, delete=True),
    "blank name": _with(("apps", "bare", "name"), "  "),
    "unknown app field": _with(("apps", "bare", "nmae"), "x"),
    "bad fqdn": _with(("apps", "bare", "fqdn"), "-bad-.example"),
    "fqdn without dot": _with(("apps", "bare", "fqdn"), "localhost"),
    "dcr a string": _with(("apps", "bare", "allow_dynamic_client_registration"), "false"),
    "scope with comma": _with(("apps", "bare", "scopes"), {"a,b": {}}),
    "padded scope": _with(("apps", "bare", "scopes"), {"a ": {}}),
    "unknown scope field": _with((*SCOPE, "category"), "workspace"),
    "archived a string": _with((*SCOPE, "archived"), "yes"),
    "mapping without category": _with((*SCOPE, "mapping"), {"workspace_permission": "p"}),
    "bad category": _with((*SCOPE, "mapping"), {"category": "team"}),
    "personal with a permission": _with(
        (*SCOPE, "mapping"), {"category": "personal", "workspace_permission": "p"}
    ),
    "workspace with an org permission": _with(
        (*SCOPE, "mapping"), {"category": "workspace", "organization_permission": "p"}
    ),
    "blank permission": _with(
        (*SCOPE, "mapping"), {"category": "workspace", "workspace_permission": ""}
    ),
    "client without method": _with((*CLIENT, "client_auth_method"), None, delete=True),
    "client without redirect uris": _with((*CLIENT, "redirect_uris"), None, delete=True),
    "unknown method": _with((*CLIENT, "client_auth_method"), "magic"),
    "no authorization_code": _with((*CLIENT, "grant_types"), ["refresh_token"]),
    "client_credentials": _with(
        (*CLIENT, "grant_types"), ["authorization_code", "client_credentials"]
    ),
    "grant twice": _with((*CLIENT, "grant_types"), ["authorization_code", "authorization_code"]),
    "no redirect uri": _with((*CLIENT, "redirect_uris"), []),
    "ftp redirect": _with((*CLIENT, "redirect_uris"), ["ftp://a.example/cb"]),
    "redirect with fragment": _with((*CLIENT, "redirect_uris"), ["https://a.example/cb#x"]),
    "relative redirect": _with((*CLIENT, "redirect_uris"), ["/cb"]),
    "ttl too short": _with((*CLIENT, "access_token_ttl_seconds"), 59),
    "ttl too long": _with((*CLIENT, "access_token_ttl_seconds"), 86401),
    "ttl a bool": _with((*CLIENT, "access_token_ttl_seconds"), True),
    "ttl a fraction": _with((*CLIENT, "access_token_ttl_seconds"), 900.5),
    "id token alg": _with((*CLIENT, "id_token_signing_alg"), "ES256"),
    "token format": _with((*CLIENT, "access_token_format"), "paseto"),
    "a secret": _with((*CLIENT, "client_secret"), "oc_secret_abc"),
    "a secret value": _with((*CLIENT, "software_id"), "oc_secret_abc"),
    "key material on a secret client": _with((*CLIENT, "jwks_uri"), "https://k/j"),
    "private_key_jwt without key": _with(
        ("apps", "mcp-auth", "clients", "pk", "jwks_uri"), None, delete=True
    ),
    "private_key_jwt with two keys": _with(
        ("apps", "mcp-auth", "clients", "pk", "public_key_pem"), "-----BEGIN PUBLIC KEY-----"
    ),
    "http jwks_uri": _with(("apps", "mcp-auth", "clients", "pk", "jwks_uri"), "http://k/j"),
    "empty jwks": _with(("apps", "mcp-auth", "clients", "jwks", "jwks"), {"keys": []}),
    "symmetric jwk": _with(
        ("apps", "mcp-auth", "clients", "jwks", "jwks"), {"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}
    ),
    "jwk without kty": _with(
        ("apps", "mcp-auth", "clients", "jwks", "jwks"), {"keys": [{"n": "x"}]}
    ),
    "unknown client field": _with((*CLIENT, "client_name"), "web"),
}


def _schema_valid(document: Any) -> bool:
    return jsonschema.Draft202012Validator(schema()).is_valid(document)


def _python_valid(document: Any) -> bool:
    try:
        validate_config(document)
    except ConfigError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", ["valid", *INVALID])
def test_the_schema_and_the_validator_agree(name: str) -> None:
    document = VALID if name == "valid" else INVALID[name]
    expected = name == "valid"
    assert _schema_valid(document) is expected
    assert _python_valid(document) is expected


def test_the_canonical_form_is_stable_and_still_valid() -> None:
    canonical = validate_config(VALID)
    assert validate_config(canonical) == canonical
    assert _schema_valid(canonical)
    app = canonical["apps"]["mcp-auth"]
    assert app["fqdn"] == "auth.example.com"  # stored lower-cased
    assert "is_active" not in app  # the default
    web = app["clients"]["web"]
    assert "id_token_signing_alg" not in web  # RS256 is the default (and the only value)
    whole = _with((*CLIENT, "access_token_ttl_seconds"), 900.0)  # the JSON number 900
    assert _schema_valid(whole)
    ttl = validate_config(whole)["apps"]["mcp-auth"]["clients"]["web"]["access_token_ttl_seconds"]
    assert (ttl, type(ttl)) == (900, int)
    assert canonical["apps"]["bare"] == {"name": "Bare", "allow_dynamic_client_registration": False}
    pem = {"keys": [{"kty": "PEM", "public_key_pem": "-----BEGIN PUBLIC KEY-----"}]}
    stored = _with(("apps", "mcp-auth", "clients", "jwks", "jwks"), pem)
    # A one-key PEM JWKS is how the server stores public_key_pem, and how the file shows it.
    assert validate_config(stored)["apps"]["mcp-auth"]["clients"]["jwks"]["public_key_pem"] == (
        "-----BEGIN PUBLIC KEY-----"
    )


def test_every_problem_is_reported_at_once_with_its_place() -> None:
    document = _with((*CLIENT, "access_token_ttl_seconds"), 5)
    document["apps"]["bare"]["name"] = ""
    with pytest.raises(ConfigError) as caught:
        validate_config(document)
    assert caught.value.problems == [
        'apps["bare"].name: must not be blank',
        'apps["mcp-auth"].clients["web"].access_token_ttl_seconds: must be a whole number of '
        "seconds from 60 to 86400",
    ]


# -- YAML --------------------------------------------------------------------------------------


def test_yaml_traps_are_errors_with_line_numbers() -> None:
    text = """\
version: 1
apps:
  a:
    name: A
    scopes:
      1.10: {}
      no: {}
      ok: {display_name: yes}
    name: again
"""
    with pytest.raises(ConfigError) as caught:
        loads_config(text, filename="oauth.yaml")
    why = "(YAML 1.1 reads on/off/yes/no as booleans and 1.10 as a number): quote it"
    assert caught.value.problems == [
        f"oauth.yaml:6: apps[\"a\"].scopes: the key '1.10' is not read as a string {why}",
        f"oauth.yaml:7: apps[\"a\"].scopes: the key 'no' is not read as a string {why}",
        "oauth.yaml:9: apps[\"a\"]: duplicate key 'name' (first on line 4): YAML would keep only "
        "the last one",
    ]


def test_yaml_values_of_the_wrong_type_say_where_they_are() -> None:
    text = 'version: 1\napps:\n  a:\n    name: A\n    scopes:\n      "s": {display_name: yes}\n'
    with pytest.raises(
        ConfigError,
        match=r'oauth.yaml:6: apps\["a"\].scopes\["s"\].display_name: '
        "must be a string, not a boolean",
    ):
        loads_config(text, filename="oauth.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\napps: [\n", "not valid YAML"),
        ("version: 1\napps: {}\n---\nversion: 1\n", "not valid YAML"),
        ("version: 1\napps: !!python/object:os.system {}\n", "unsupported YAML tag"),
        ("version: !!python/name:os.system 1\napps: {}\n", "could not determine a constructor"),
        ("a: &x [*x]\n", "a recursive alias"),
        ('{"version": 1, "apps": {}, "apps": {}}', 'duplicate key "apps"'),
        ('{"version": 1, "apps": NaN}', "not valid JSON"),
    ],
)
def test_unreadable_documents_are_config_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        loads_config(text)


def test_variables_expand_from_the_environment() -> None:
    text = (
        "version: 1\napps:\n  a:\n    name: ${APP_NAME}\n"
        "    description: costs $${NOT_A_VARIABLE} and ${PRICE}\n"
    )
    document = loads_config(text, environ={"APP_NAME": "Staging", "PRICE": "5"})
    assert document["apps"]["a"]["name"] == "Staging"
    assert document["apps"]["a"]["description"] == "costs ${NOT_A_VARIABLE} and 5"
    with pytest.raises(ConfigError, match="PRICE is not set"):
        loads_config(text, environ={"APP_NAME": "x"})
    with pytest.raises(ConfigError, match="looks like a client secret"):
        loads_config(text, environ={"APP_NAME": "oc_secret_leaked", "PRICE": "1"})


def test_yaml_output_is_deterministic_and_quotes_scope_names() -> None:
    text = dump_config(validate_config(VALID))
    assert text == dump_config(validate_config(json.loads(json.dumps(VALID))))
    assert text.startswith("version: 1\napps:\n  bare:\n")
    assert '      "on": {}\n' in text and '      "mcp:invoke":\n' in text
    assert loads_config(text) == validate_config(VALID)
    as_json = dump_config(validate_config(VALID), "json")
    assert loads_config(as_json, filename="c.json") == validate_config(VALID)


def test_yaml_needs_the_config_extra_and_json_does_not(tmp_path: Path) -> None:
    code = """
import sys
sys.modules["yaml"] = None
from wacht_oauth_client.config import dump_config, loads_config
doc = loads_config('{"version": 1, "apps": {"a": {"name": "A"}}}')
print(dump_config(doc, "json").count("\\n"))
try:
    loads_config("version: 1\\napps: {}\\n")
except ModuleNotFoundError as exc:
    print(exc)
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "9",
        "YAML config files needs the [config] extra ('yaml' is not installed): "
        'pip install "wacht-oauth-client[config]"',
    ]
    # The command says so before any request (the base URL is not even reachable).
    command = """
import sys
sys.modules["yaml"] = None
from wacht_oauth_client.cli import main
sys.exit(main(["--api-key", "k", "--base-url", "http://127.0.0.1:9", "export"]))
"""
    run = subprocess.run(
        [sys.executable, "-c", command], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2, run.stderr
    assert 'pip install "wacht-oauth-client[config]"' in run.stderr
    assert "or export JSON: --json or -o FILE.json" in run.stderr


# -- property: export -> apply to a fresh deployment -> export is the same ----------------------

_names = st.sampled_from(["on", "no", "1.10", "0755", "mcp:invoke", "a b", "ü", "null", "x"])
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
_scope = st.fixed_dictionaries(
    {},
    optional={
        "display_name": _text,
        "description": _text,
        "archived": st.booleans(),
        "mapping": st.sampled_from(
            [{"category": "personal"}, {"category": "workspace", "workspace_permission": "ws:x"}]
        ),
    },
)
_client = st.fixed_dictionaries(
    {
        "client_auth_method": st.sampled_from(["none", "client_secret_post"]),
        "grant_types": st.sampled_from(
            [["authorization_code"], ["authorization_code", "refresh_token"]]
        ),
        "redirect_uris": st.lists(
            st.sampled_from(
                ["https://a.example/cb", "http://127.0.0.1:1/cb", "https://b.example/"]
            ),
            min_size=1,
            max_size=3,
            unique=True,
        ),
    },
    optional={
        "access_token_ttl_seconds": st.integers(60, 86400),
        "access_token_format": st.sampled_from(["opaque", "jwt"]),
        "skip_consent": st.booleans(),
        "contacts": st.lists(st.sampled_from(["a@example.com", "b@example.com"]), unique=True),
        "software_version": _text,
    },
)
_app = st.fixed_dictionaries(
    {"name": _text.filter(str.strip)},
    optional={
        "description": _text,
        "allow_dynamic_client_registration": st.booleans(),
        "is_active": st.booleans(),
        "scopes": st.dictionaries(_names, _scope, max_size=3),
        "clients": st.dictionaries(_names, _client, max_size=2),
    },
)
_documents = st.builds(
    lambda apps: {"version": 1, "apps": apps},
    st.dictionaries(st.sampled_from(["mcp-auth", "on", "b"]), _app, min_size=1, max_size=2),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_documents)
def test_export_apply_export_round_trips(document: dict[str, Any]) -> None:
    canonical = validate_config(document)
    assert loads_config(dump_config(canonical)) == canonical  # the YAML file says the same
    emulator = Emulator(workspace_permissions=["ws:x"])
    transport = httpx.Client(transport=emulator.transport())
    with WachtClient(api_key="k", base_url="http://emulator", http_client=transport) as client:
        oauth = client.deployment("dep_fresh").oauth
        result = apply(plan(oauth, canonical), on_secret=lambda secret: None)
        assert result.ok, result.render()
        exported = export_config(oauth)
        assert not plan(oauth, exported).has_changes
    # What the file said, with the sections it left out exported as empty.
    expected = copy.deepcopy(canonical)
    for app in expected["apps"].values():
        app.setdefault("scopes", {})
        app.setdefault("clients", {})
    assert exported == expected
