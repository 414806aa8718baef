"""Both API surfaces, and the `{"data": …}` success envelope, on all 18 operations.

- `client.oauth.<method>(dep, …)` (the guide's shape), `client.deployment(dep).oauth.<method>(…)`
  and `client.deployment().oauth.<method>(…)` send byte-identical requests, apart from the
  `/deployments/{dep}` prefix the key-scoped backend API does not have (MockTransport).
- A 2xx body `{"data": {...}}` is unwrapped on every operation and shape; any other body is
  parsed exactly as before.
- Over a real socket, against the emulator: every operation on the key-scoped handle hits the
  root mount and manages the deployment of the API key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from _wire_fixtures import PNG, Recorder, body, json_response, make_client
from test_wire import CASES, DEP, SLUG, Case

from wacht_oauth_client import APIResponseValidationError, InvalidArgumentError, WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client._oauth import RawResponse
from wacht_oauth_client.testing import OPERATION_IDS, Emulator, run_emulator

PREFIX = f"/deployments/{DEP}"
APP_REQUEST = m.CreateOAuthAppRequest(
    slug=SLUG, name="MCP Auth App", supported_scopes=["mcp:invoke"], logo_file=PNG
)
# The shapes, as a user reaches them, calling one case with the case's own arguments.
Call = Callable[[WachtClient, Case], Any]
SHAPES: dict[str, Call] = {
    "client.oauth": lambda c, case: getattr(c.oauth, case.operation)(
        DEP, *case.args, **case.kwargs
    ),
    "client.deployment(dep).oauth": lambda c, case: getattr(
        c.deployment(DEP).oauth, case.operation
    )(*case.args, **case.kwargs),
    "client.deployment().oauth": lambda c, case: getattr(c.deployment().oauth, case.operation)(
        *case.args, **case.kwargs
    ),
    "client.deployment().oauth.with_raw_response": lambda c, case: (
        getattr(c.deployment().oauth.with_raw_response, case.operation)(
            *case.args, **case.kwargs
        ).parsed
    ),
}


def _without_deployment(case: Case) -> Case:
    """The wire table's cases are written for the guide's shape: drop the leading deployment."""
    assert case.args[0] == DEP, case
    return Case(**{**case.__dict__, "args": case.args[1:]})


HANDLE_CASES = [_without_deployment(c) for c in CASES]
APP_BODY = next(c.response for c in CASES if c.operation == "update_oauth_app")
CREATE_APP = Case(
    "create_oauth_app", (APP_REQUEST,), "POST", f"{PREFIX}/oauth/apps", None, 200, APP_BODY, print
)
ALL_CASES = [*HANDLE_CASES, CREATE_APP]


def test_the_cases_cover_every_operation() -> None:
    assert sorted(c.operation for c in ALL_CASES) == sorted(OPERATION_IDS)


def _respond(case: Case, wrap: bool = False) -> httpx.Response:
    if case.response is None:
        return httpx.Response(case.status)
    data = body(case.response)
    return json_response(case.status, {"data": data} if wrap else data)


def _wire(request: httpx.Request) -> tuple[str, str, list[tuple[str, str]], bytes]:
    """Everything a request puts on the wire; a multipart boundary (random) is normalised."""
    content, headers = request.content, list(request.headers.multi_items())
    match = re.search(r"boundary=(\S+)", request.headers.get("content-type", ""))
    if match:
        boundary = match.group(1)
        content = content.replace(boundary.encode(), b"BOUNDARY")
        headers = [(k, v.replace(boundary, "BOUNDARY")) for k, v in headers]
    return request.method, request.url.raw_path.decode("ascii"), headers, content


def _sent(shape: Call, case: Case, *, wrap: bool = False) -> tuple[httpx.Request, Any]:
    recorder = Recorder([_respond(case, wrap)])
    result = shape(make_client(recorder, max_retries=0), case)
    (request,) = recorder.requests
    return request, result


@pytest.mark.parametrize("case", ALL_CASES, ids=str)
def test_both_shapes_send_byte_identical_requests_apart_from_the_prefix(case: Case) -> None:
    guide, _ = _sent(SHAPES["client.oauth"], case)
    on_path, _ = _sent(SHAPES["client.deployment(dep).oauth"], case)
    key_scoped, _ = _sent(SHAPES["client.deployment().oauth"], case)
    raw_twin, _ = _sent(SHAPES["client.deployment().oauth.with_raw_response"], case)

    assert _wire(on_path) == _wire(guide)
    method, path, headers, content = _wire(guide)
    assert path.startswith(PREFIX + "/oauth/apps")
    assert _wire(key_scoped) == (method, path.removeprefix(PREFIX), headers, content)
    assert _wire(raw_twin) == _wire(key_scoped)


@pytest.mark.parametrize("case", HANDLE_CASES, ids=str)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_data_envelope_is_unwrapped_on_every_operation(shape: str, case: Case) -> None:
    _, result = _sent(SHAPES[shape], case, wrap=case.status == 200)
    case.check(result)


def test_create_app_unwraps_the_envelope_too() -> None:
    for shape in SHAPES.values():
        _, app = _sent(shape, CREATE_APP, wrap=True)
        assert isinstance(app, m.OAuthApp) and app.slug == APP_BODY["slug"]


@pytest.mark.parametrize(
    "wrapped",
    [
        {"data": [APP_BODY]},  # not an object
        {"data": {"apps": [APP_BODY]}, "meta": {}},  # not the only key
        {"data": {"data": {"apps": [APP_BODY]}}},  # unwrapped once, not twice
        {"data": None},
    ],
    ids=["list", "extra-key", "twice", "null"],
)
def test_any_other_body_is_parsed_as_it_is(wrapped: dict[str, Any]) -> None:
    recorder = Recorder([json_response(200, wrapped)])
    with pytest.raises(APIResponseValidationError):
        make_client(recorder, max_retries=0).deployment().oauth.list_oauth_apps()


def test_a_model_with_a_data_field_is_not_mistaken_for_an_envelope() -> None:
    # Only a body whose ONLY key is "data" is an envelope; a real body always has its own keys.
    recorder = Recorder([json_response(200, {"apps": [], "data": {}})])
    assert make_client(recorder).deployment().oauth.list_oauth_apps() == []


def test_the_handle_checks_its_deployment_id_before_any_io() -> None:
    recorder = Recorder()
    client = make_client(recorder)
    for bad in ("", "  ", 5, b"dep"):
        with pytest.raises(InvalidArgumentError, match="deployment_id"):
            client.deployment(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="deployment_id: must be a str"):
        client.oauth.list_oauth_apps(None)  # type: ignore[arg-type]  # not the root mount
    assert recorder.requests == []


def test_the_deployment_id_is_one_encoded_path_segment() -> None:
    recorder = Recorder([json_response(200, {"apps": []})] * 3)
    client = make_client(recorder)
    client.deployment("a/b c").oauth.list_oauth_apps()
    client.deployment("..").oauth.list_oauth_apps()
    client.oauth.list_oauth_apps(deployment_id="dep_kw")  # type: ignore[misc]  # still works
    assert [r.url.raw_path for r in recorder.requests] == [
        b"/deployments/a%2Fb%20c/oauth/apps",
        b"/deployments/%2E%2E/oauth/apps",
        b"/deployments/dep_kw/oauth/apps",
    ]


def test_handles_are_cheap_views_of_one_client() -> None:
    recorder = Recorder([json_response(200, {"apps": []})])
    client = make_client(recorder)
    fast = client.with_options(max_retries=0).deployment()
    assert fast.oauth._client._http is client._http  # one connection pool
    assert fast.deployment_id is None and client.deployment("d").deployment_id == "d"
    assert repr(fast) == "Deployment(key-scoped, base_url='https://api.wacht.dev')"
    raw = fast.oauth.with_raw_response.list_oauth_apps()
    assert isinstance(raw, RawResponse) and raw.parsed == [] and raw.status_code == 200


# -- over a real socket, against the emulator ------------------------------------------------


def _every_operation(oauth: Any, emulator: Emulator, deployment: str) -> None:
    oauth.create_oauth_app(m.CreateOAuthAppRequest(slug=SLUG, name="A", supported_scopes=["s"]))
    oauth.list_oauth_apps()
    oauth.update_oauth_app(SLUG, m.UpdateOAuthAppRequest(description="d"))
    oauth.verify_oauth_app_domain(SLUG)
    oauth.update_oauth_scope(SLUG, "s", m.UpdateOAuthScopeRequest(display_name="S"))
    oauth.archive_oauth_scope(SLUG, "s")
    oauth.unarchive_oauth_scope(SLUG, "s")
    oauth.set_oauth_scope_mapping(SLUG, "s", m.SetOAuthScopeMappingRequest("personal"))
    created = oauth.create_oauth_client(
        SLUG,
        m.CreateOAuthClientRequest(
            "client_secret_basic", ["authorization_code"], ["https://app.example.com/cb"]
        ),
    )
    assert created.client_secret.startswith("oc_secret_")
    oauth.list_oauth_clients(SLUG)
    oauth.update_oauth_client(SLUG, created.id, m.UpdateOAuthClientRequest(client_name="n"))
    oauth.rotate_oauth_client_secret(SLUG, created.id)
    emulator.add_grant(deployment, SLUG, created.id, scopes=["s"])
    (grant,) = oauth.list_oauth_grants(SLUG, created.id)
    oauth.revoke_oauth_grant(SLUG, created.id, grant.id)
    keys = oauth.list_signing_keys(SLUG)
    oauth.rotate_signing_key(SLUG)
    oauth.compromise_signing_key(SLUG, keys[0].kid)
    oauth.deactivate_oauth_client(SLUG, created.id)


@pytest.mark.parametrize("data_envelope", [False, True], ids=["bare", "wrapped"])
def test_the_key_scoped_handle_uses_the_root_mount_of_the_emulator(data_envelope: bool) -> None:
    emulator = Emulator(api_keys={"wacht_test_sk_a": "dep_a"}, data_envelope=data_envelope)
    with (
        run_emulator(emulator) as url,
        WachtClient(api_key="wacht_test_sk_a", base_url=url, max_retries=0) as client,
    ):
        _every_operation(client.deployment().oauth, emulator, "dep_a")
        # The key's deployment, seen through the deployment-scoped path of both shapes.
        assert [a.slug for a in client.oauth.list_oauth_apps("dep_a")] == [SLUG]
        assert client.deployment("dep_a").oauth.list_oauth_clients(SLUG)[0].is_active is False
    # 19 requests: update_oauth_app reads the app first, to keep its scope definitions.
    key_scoped = emulator.requests[:-2]
    assert len(key_scoped) == 19 and {op for _, _, op in key_scoped} == set(OPERATION_IDS)
    assert all(path.startswith("/oauth/apps") for _, path, _ in key_scoped)


@pytest.mark.parametrize("data_envelope", [False, True], ids=["bare", "wrapped"])
def test_a_deployment_handle_uses_the_deployment_mount_of_the_emulator(
    data_envelope: bool,
) -> None:
    emulator = Emulator(data_envelope=data_envelope)
    with (
        run_emulator(emulator) as url,
        WachtClient(api_key="any", base_url=url, max_retries=0) as client,
    ):
        _every_operation(client.deployment("dep_z").oauth, emulator, "dep_z")
    assert len(emulator.requests) == 19
    assert {op for _, _, op in emulator.requests} == set(OPERATION_IDS)
    assert all(p.startswith("/deployments/dep_z/oauth/apps") for _, p, _ in emulator.requests)
