"""Contract check: every facade method's request, validated by Stoplight Prism against the spec.

Prism (pinned in the Makefile, installed into `.prism/` by `make prism`) runs as a mock server
with `--errors`, so a request that violates the document gets an error status, an
`sl-violations` header and a "did not pass the validation rules" log line. We call all 18
methods through `WachtClient`, on both shapes and both surfaces, and fail on any of those
signals. Prism's mock answers are random data (`--dynamic`, fixed seed); only the requests are
the point here.

The document's paths are the root mount; the deployment-scoped mount is its second `servers`
entry (`https://api.wacht.dev/deployments/{deployment_id}`). Prism's mock routes on paths alone,
so it is given `openapi/wacht-oauth.yaml` with each server's path folded into the paths
(`mounted_spec`): exactly what "server URL + path" means in OpenAPI, and nothing else.
"""

from __future__ import annotations

import copy
import json
import os
import re
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from wacht_oauth_client import APIStatusError, WachtClient
from wacht_oauth_client import models as m

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "openapi" / "wacht-oauth.yaml"
PRISM = Path(os.environ.get("PRISM", REPO / ".prism" / "node_modules" / ".bin" / "prism"))
API_KEY = "wacht_test_sk_contract"
# The smallest valid PNG (1x1), so create-app sends a real logo part.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
DEP, SLUG, CLIENT_ID, GRANT_ID = "dep_123", "billing-app", "84012332111", "4402"


@dataclass
class Exchange:
    method: str
    path: str
    status: int
    content_type: str
    violations: list[dict[str, Any]]


@dataclass
class Prism:
    base_url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def mounted_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """`spec` with each server's path prefix folded into its paths (server variables become path
    parameters), so a router that ignores `servers` still knows every mount."""
    mounted = {k: v for k, v in spec.items() if k not in ("paths", "servers")}
    mounted["paths"] = {}
    for index, server in enumerate(spec["servers"]):
        prefix = urlsplit(server["url"]).path.rstrip("/")
        variables = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "description": variable.get("description", ""),
                "schema": {"type": "string", "minLength": 1},
            }
            for name, variable in server.get("variables", {}).items()
        ]
        for path, item in spec["paths"].items():
            item = copy.deepcopy(item)
            item["parameters"] = variables + item.get("parameters", [])
            for method, operation in item.items():
                if method != "parameters" and index:  # operationIds stay unique
                    operation["operationId"] += f"__server{index}"
            mounted["paths"][prefix + path] = item
    return mounted


def test_the_mounted_document_has_both_mounts_of_every_operation() -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    paths = mounted_spec(spec)["paths"]
    assert len(paths) == 2 * len(spec["paths"])
    assert "/oauth/apps" in paths and "/deployments/{deployment_id}/oauth/apps" in paths
    compromise = "/oauth/apps/{oauth_app_slug}/signing-keys/{kid}/compromise"
    root, mounted = paths[compromise], paths["/deployments/{deployment_id}" + compromise]
    assert [p.get("name") for p in mounted["parameters"]][0] == "deployment_id"
    assert mounted["post"]["responses"] == root["post"]["responses"]
    assert mounted["post"]["operationId"] == root["post"]["operationId"] + "__server1"


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prism]:
    if not PRISM.exists():
        pytest.fail(f"Prism is not installed at {PRISM}: run `make prism` (needs node and npm)")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("prism")
    log = workdir / "prism.log"
    document = workdir / "wacht-oauth.mounted.yaml"
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    document.write_text(yaml.safe_dump(mounted_spec(spec), sort_keys=False), encoding="utf-8")
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(PRISM), "mock", str(document), "--host", "127.0.0.1", "--port", str(port)]
            + ["--errors", "--dynamic", "--seed", "1"],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 60
        while "Prism is listening" not in log.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Prism did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.1)
        yield Prism(f"http://127.0.0.1:{port}", log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Recorder:
    """An httpx event hook that keeps what Prism said about each request."""

    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    def __call__(self, response: httpx.Response) -> None:
        raw = response.headers.get("sl-violations")
        self.exchanges.append(
            Exchange(
                method=response.request.method,
                path=response.request.url.raw_path.decode("ascii"),
                status=response.status_code,
                content_type=response.headers.get("content-type", ""),
                violations=json.loads(raw) if raw else [],
            )
        )


def _problems(exchanges: list[Exchange]) -> list[str]:
    """Everything Prism flagged about our requests (an unknown route counts too)."""
    found = []
    for ex in exchanges:
        for v in ex.violations:
            if v.get("location", [""])[0] == "request":
                found.append(f"{ex.method} {ex.path}: {v.get('message')}")
        if "problem+json" in ex.content_type or ex.status >= 400:
            found.append(f"{ex.method} {ex.path}: HTTP {ex.status} {ex.content_type}")
    return found


def _every_call(oauth: Any, *lead: str) -> dict[str, Callable[[], object]]:
    """One call per facade method, with every optional field set so all of it gets validated.

    `lead` is what the shape takes first: the deployment id for `client.oauth`, nothing for a
    `client.deployment(...).oauth` handle.
    """
    definition = m.OAuthScopeDefinition(
        scope="invoices:read",
        display_name="Read invoices",
        description="Read your invoices",
        archived=False,
        category=m.ScopeCategory.ORGANIZATION,
        organization_permission="billing:read",
        workspace_permission=None,
    )
    jwks = m.JwksDocument(
        keys=[m.Jwk(kty="RSA", kid="k1", use="sig", alg="RS256", n="0vx7", e="AQAB")]
    )
    client_fields: dict[str, Any] = {
        "redirect_uris": ["https://app.example.com/callback"],
        "client_name": "Billing",
        "client_uri": "https://app.example.com",
        "logo_uri": "https://app.example.com/logo.png",
        "tos_uri": "https://app.example.com/tos",
        "policy_uri": "https://app.example.com/privacy",
        "contacts": ["ops@example.com"],
        "software_id": "billing-web",
        "software_version": "1.2.3",
        "token_endpoint_auth_signing_alg": "RS256",
        "jwks": jwks,
        "post_logout_redirect_uris": ["https://app.example.com/bye"],
        "id_token_signing_alg": "RS256",
        "access_token_format": "jwt",
        "access_token_ttl_seconds": 900,
        "skip_consent": False,
    }
    return {
        "list_oauth_apps": lambda: oauth.list_oauth_apps(*lead),
        "create_oauth_app": lambda: oauth.create_oauth_app(
            *lead,
            m.CreateOAuthAppRequest(
                slug=SLUG,
                name="Billing",
                description="Invoices API",
                fqdn="auth.example.com",
                supported_scopes=["invoices:read", "invoices:write"],
                scope_definitions=[definition],
                allow_dynamic_client_registration=True,
                logo_file=PNG,
            ),
        ),
        "update_oauth_app": lambda: oauth.update_oauth_app(
            *lead,
            SLUG,
            m.UpdateOAuthAppRequest(
                name="Billing 2",
                description="Invoices",
                supported_scopes=["invoices:read"],
                scope_definitions=[definition],
                allow_dynamic_client_registration=False,
                is_active=True,
            ),
        ),
        "verify_oauth_app_domain": lambda: oauth.verify_oauth_app_domain(*lead, SLUG),
        "update_oauth_scope": lambda: oauth.update_oauth_scope(
            *lead,
            SLUG,
            "invoices:read",
            m.UpdateOAuthScopeRequest(display_name="Read", description="Read invoices"),
        ),
        "archive_oauth_scope": lambda: oauth.archive_oauth_scope(*lead, SLUG, "invoices:read"),
        "unarchive_oauth_scope": lambda: oauth.unarchive_oauth_scope(*lead, SLUG, "invoices:read"),
        "set_oauth_scope_mapping": lambda: oauth.set_oauth_scope_mapping(
            *lead,
            SLUG,
            "invoices:read",
            m.SetOAuthScopeMappingRequest(
                category="organization", organization_permission="billing:read"
            ),
        ),
        "list_oauth_clients": lambda: oauth.list_oauth_clients(*lead, SLUG),
        "create_oauth_client": lambda: oauth.create_oauth_client(
            *lead,
            SLUG,
            m.CreateOAuthClientRequest(
                client_auth_method="private_key_jwt",
                grant_types=["authorization_code", "refresh_token"],
                **client_fields,
            ),
        ),
        "update_oauth_client": lambda: oauth.update_oauth_client(
            *lead,
            SLUG,
            CLIENT_ID,
            m.UpdateOAuthClientRequest(
                client_auth_method="private_key_jwt",
                grant_types=["authorization_code"],
                **client_fields,
            ),
        ),
        "deactivate_oauth_client": lambda: oauth.deactivate_oauth_client(*lead, SLUG, CLIENT_ID),
        "rotate_oauth_client_secret": lambda: oauth.rotate_oauth_client_secret(
            *lead, SLUG, CLIENT_ID
        ),
        "list_oauth_grants": lambda: oauth.list_oauth_grants(*lead, SLUG, CLIENT_ID),
        "revoke_oauth_grant": lambda: oauth.revoke_oauth_grant(*lead, SLUG, CLIENT_ID, GRANT_ID),
        "list_signing_keys": lambda: oauth.list_signing_keys(*lead, SLUG),
        "rotate_signing_key": lambda: oauth.rotate_signing_key(*lead, SLUG),
        "compromise_signing_key": lambda: oauth.compromise_signing_key(*lead, SLUG, "kid-2026-01"),
    }


def _spec_operation_ids() -> set[str]:
    return set(re.findall(r"^\s+operationId:\s*(\w+)\s*$", SPEC.read_text(), re.M))


# How a user reaches each shape -> (the shape, what its methods take first, the path prefix).
SHAPES: dict[str, Callable[[WachtClient], tuple[Any, tuple[str, ...], str]]] = {
    "client.oauth": lambda c: (c.oauth, (DEP,), f"/deployments/{DEP}"),
    "client.deployment()": lambda c: (c.deployment().oauth, (), ""),
    "client.deployment(dep)": lambda c: (c.deployment(DEP).oauth, (), f"/deployments/{DEP}"),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_facade_request_conforms_to_the_spec(prism: Prism, shape: str) -> None:
    recorder = Recorder()
    http = httpx.Client(event_hooks={"response": [recorder]})
    client = WachtClient(api_key=API_KEY, base_url=prism.base_url, max_retries=0, http_client=http)
    oauth, lead, prefix = SHAPES[shape](client)
    calls = _every_call(oauth, *lead)
    assert set(calls) == _spec_operation_ids()  # every operation of the document, no more
    passed_before = prism.log_text().count("The request passed the validation rules")

    problems: list[str] = []
    for name, call in calls.items():
        recorder.exchanges.clear()
        try:
            call()
        except APIStatusError as exc:
            problems.append(f"{name}: raised {exc}")
        if not recorder.exchanges:
            problems.append(f"{name}: sent no request")
        problems += [f"{name}: {p}" for p in _problems(recorder.exchanges)]
        problems += [
            f"{name}: {ex.path} is not on the {shape} surface"
            for ex in recorder.exchanges
            if not ex.path.startswith(prefix + "/oauth/apps")
        ]
    http.close()

    log = prism.log_text()
    assert "did not pass the validation rules" not in log, log
    assert problems == []
    # Prism's own log confirms it validated each request (18 operations, update_oauth_app once).
    passed = log.count("The request passed the validation rules") - passed_before
    assert passed == len(calls)


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "expected"),
    [
        (  # a JSON body field of the wrong type
            "PATCH",
            f"/deployments/{DEP}/oauth/apps/{SLUG}/clients/{CLIENT_ID}",
            {"json": {"access_token_ttl_seconds": "900"}},
            "access_token_ttl_seconds must be integer",
        ),
        (  # a multipart form without its required fields
            "POST",
            f"/deployments/{DEP}/oauth/apps",
            {"files": {"description": (None, "x")}},
            "required property 'slug'",
        ),
        (  # a public client_id where the numeric record id belongs
            "POST",
            f"/deployments/{DEP}/oauth/apps/{SLUG}/clients/oc_abc/rotate-secret",
            {},
            "oauth_client_id must match pattern",
        ),
        (  # the same mistake on the key-scoped root mount
            "POST",
            f"/oauth/apps/{SLUG}/clients/oc_abc/rotate-secret",
            {},
            "oauth_client_id must match pattern",
        ),
        (  # a route the document does not have
            "GET",
            f"/deployments/{DEP}/oauth/apps/{SLUG}",
            {},
            "HTTP 405",
        ),
    ],
)
def test_the_check_catches_a_request_that_violates_the_spec(
    prism: Prism, method: str, path: str, kwargs: dict[str, Any], expected: str
) -> None:
    # The same detection as above, fed requests that are wrong on purpose: it must flag them.
    recorder = Recorder()
    headers = {"Authorization": f"Bearer {API_KEY}"}
    with httpx.Client(event_hooks={"response": [recorder]}) as http:
        http.request(method, prism.base_url + path, headers=headers, **kwargs)
    problems = _problems(recorder.exchanges)
    assert any(expected in p for p in problems), problems


def test_the_check_catches_a_missing_api_key(prism: Prism) -> None:
    recorder = Recorder()
    with httpx.Client(event_hooks={"response": [recorder]}) as http:
        http.get(f"{prism.base_url}/deployments/{DEP}/oauth/apps")
    assert any("Invalid security scheme" in p for p in _problems(recorder.exchanges))
