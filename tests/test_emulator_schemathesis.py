"""schemathesis: requests generated from the spec, run in-process against the emulator's WSGI
app, with the responses checked (server errors, status codes, content types, schemas).

Property-based and slow, and not sensitive to the interpreter or the dependency versions, so the
support matrix leaves it to `make test` (noxfile.py's NOT_IN_MATRIX).
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from cassette.recording import app_request, client_request
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from test_emulator_conformance import API_KEY, BASE, DEP, SLUG, SPEC_PATH

from wacht_oauth_client import WachtClient
from wacht_oauth_client.testing import Emulator, Fault

# Generated requests go to seeded resources (so success paths and body validation are reached);
# path parameters left free would only ever produce 404s.
SEEDED = {
    "deployment_id": DEP,
    "oauth_app_slug": SLUG,
    "scope": "mcp:invoke",
    "oauth_client_id": "7300000000000000002",  # the seeded client (Emulator(seed=0) ids)
    "grant_id": "7300000000000000003",
}
SCHEMA = schemathesis.openapi.from_path(
    SPEC_PATH,
    config=schemathesis.Config.from_dict(
        {
            "seed": 20260629,
            "generation": {
                "mode": "all",
                "max-examples": 8,
                "deterministic": True,
                "database": "none",
            },
            "phases": {"stateful": {"enabled": False}},
        }
    ),
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _seeded_emulator() -> Emulator:
    emulator = Emulator(seed=0)
    with WachtClient(
        api_key="k", base_url=BASE, http_client=httpx.Client(transport=emulator.transport())
    ) as c:
        c.oauth.create_oauth_app(DEP, app_request(SLUG))
        client = c.oauth.create_oauth_client(DEP, SLUG, client_request())
        assert client.id == SEEDED["oauth_client_id"]
    grant = emulator.add_grant(DEP, SLUG, client.id, scopes=["mcp:invoke"])
    assert grant["id"] == SEEDED["grant_id"]
    emulator.set_b2b_permissions(DEP, organization=["org:read"], workspace=["ws:invoke"])
    return emulator


@pytest.mark.parametrize("target", ["seeded", "generated"])
@SCHEMA.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_finds_no_nonconformance(case: schemathesis.Case, target: str) -> None:
    # A fresh emulator per example keeps every example deterministic (hypothesis can shrink).
    if target == "seeded":
        emulator = _seeded_emulator()
        seeded = {k: v for k, v in SEEDED.items() if k in (case.path_parameters or {})}
        case.path_parameters = {**(case.path_parameters or {}), **seeded}
    else:  # generated path parameters: odd slugs, ids and scopes on an empty deployment
        emulator = Emulator(seed=0)
    case.call_and_validate(
        app=emulator, headers={"Authorization": f"Bearer {API_KEY}"}, checks=CHECKS
    )


def test_schemathesis_flags_a_nonconforming_emulator_response() -> None:
    operation = SCHEMA["/oauth/apps"]["GET"]
    case = operation.Case()
    emulator = Emulator(seed=0)
    emulator.inject_fault(
        "list_oauth_apps", Fault.raw(200, b'{"apps":[{"id":"1"}]}', "application/json")
    )

    with pytest.raises(FailureGroup) as caught:
        case.call_and_validate(app=emulator, headers={"Authorization": "Bearer k"}, checks=CHECKS)

    assert "Response violates schema" in str(caught.value)
    assert '"slug" is a required property' in str(caught.value)
