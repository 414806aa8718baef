"""Every spec operation has a facade method (and a raw-response twin), and nothing else does.

Driven by the spec: adding an operation to `openapi/wacht-oauth.yaml` fails these tests until
`client.oauth` grows the matching method.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from wacht_oauth_client import WachtClient
from wacht_oauth_client._oauth import OAuth, OAuthWithRawResponse

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi" / "wacht-oauth.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")


def _operations() -> dict[str, tuple[list[str], bool]]:
    """operationId -> (path parameters in path order, has a request body)."""
    found: dict[str, tuple[list[str], bool]] = {}
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            if method in item:
                op = item[method]
                found[op["operationId"]] = (re.findall(r"{(\w+)}", path), "requestBody" in op)
    return found


OPERATIONS = _operations()


@pytest.fixture
def client() -> WachtClient:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    return WachtClient(
        api_key="sk_test_coverage",
        http_client=httpx.Client(transport=httpx.MockTransport(refuse)),
    )


def _positional(func: Any) -> list[str]:
    return [
        p.name
        for p in inspect.signature(func).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


def test_the_spec_has_the_operations_this_test_is_driven_by() -> None:
    assert len(OPERATIONS) == 18
    assert all(params[0] == "deployment_id" for params, _ in OPERATIONS.values())


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_method_exists_with_path_parameters_in_order(
    client: WachtClient, operation_id: str
) -> None:
    path_params, has_body = OPERATIONS[operation_id]
    method = getattr(client.oauth, operation_id, None)
    assert callable(method), f"client.oauth.{operation_id} is missing"
    expected = path_params + (["request"] if has_body else [])
    assert _positional(method) == expected
    # Anything beyond the wire parameters must be keyword-only (no required extras).
    for param in inspect.signature(method).parameters.values():
        if param.kind is param.KEYWORD_ONLY:
            assert param.default is not param.empty, param.name
        assert param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD), param.name


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_raw_response_twin_exists_with_the_same_signature(
    client: WachtClient, operation_id: str
) -> None:
    raw = getattr(client.oauth.with_raw_response, operation_id, None)
    assert callable(raw), f"client.oauth.with_raw_response.{operation_id} is missing"
    assert inspect.signature(raw) == inspect.signature(getattr(client.oauth, operation_id))


def test_no_facade_method_without_an_operation(client: WachtClient) -> None:
    public = {
        name
        for name, value in inspect.getmembers(OAuth)
        if not name.startswith("_") and name != "with_raw_response" and callable(value)
    }
    assert public == set(OPERATIONS)
    raw = {name for name in vars(client.oauth.with_raw_response) if not name.startswith("_")}
    assert raw == set(OPERATIONS)
    assert isinstance(client.oauth.with_raw_response, OAuthWithRawResponse)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_generated_operation_module_has_the_same_parameters(
    client: WachtClient, operation_id: str
) -> None:
    # The facade forwards positionally to the generated `_get_kwargs`: the orders must agree.
    module = client._endpoint(operation_id)
    path_params, has_body = OPERATIONS[operation_id]
    signature = inspect.signature(module._get_kwargs)
    assert _positional(module._get_kwargs) == path_params
    assert ("body" in signature.parameters) is has_body
