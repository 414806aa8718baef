"""Every spec operation has a facade method on both shapes (and a raw-response twin of each), and
nothing else does.

Driven by the spec: adding an operation to `openapi/wacht-oauth.yaml` fails these tests until
`client.deployment().oauth` grows the matching method (and `client.oauth` derives it).
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
from wacht_oauth_client._oauth import (
    DeploymentOAuth,
    DeploymentOAuthWithRawResponse,
    OAuth,
    OAuthWithRawResponse,
)

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


def _shapes(client: WachtClient) -> dict[str, tuple[Any, list[str]]]:
    """How a user reaches each shape -> (the object, the path parameters it adds first)."""
    return {
        "client.oauth": (client.oauth, ["deployment_id"]),
        "client.oauth.with_raw_response": (client.oauth.with_raw_response, ["deployment_id"]),
        "client.deployment().oauth": (client.deployment().oauth, []),
        "client.deployment().oauth.with_raw_response": (
            client.deployment().oauth.with_raw_response,
            [],
        ),
    }


def _positional(func: Any) -> list[str]:
    return [
        p.name
        for p in inspect.signature(func).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


def test_the_spec_has_the_operations_this_test_is_driven_by() -> None:
    assert len(OPERATIONS) == 18
    # The spec's paths are the root mount; the deployment-scoped mount is a server entry.
    assert all("deployment_id" not in params for params, _ in OPERATIONS.values())


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_method_exists_with_path_parameters_in_order(
    client: WachtClient, operation_id: str
) -> None:
    path_params, has_body = OPERATIONS[operation_id]
    missing = []
    for where, (shape, first) in _shapes(client).items():
        method = getattr(shape, operation_id, None)
        if not callable(method):
            missing.append(f"{where}.{operation_id} is missing")
            continue
        expected = first + path_params + (["request"] if has_body else [])
        assert _positional(method) == expected, where
        # Anything beyond the wire parameters must be keyword-only (no required extras).
        for param in inspect.signature(method).parameters.values():
            if param.kind is param.KEYWORD_ONLY:
                assert param.default is not param.empty, param.name
            assert param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD), param.name
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_every_shape_shows_the_same_signature_and_the_raw_twins_a_raw_result(
    client: WachtClient, operation_id: str
) -> None:
    handle = inspect.signature(getattr(DeploymentOAuth, operation_id))
    guide = inspect.signature(getattr(OAuth, operation_id))
    # The guide's shape is the handle's with `deployment_id` inserted after `self`.
    assert [p for n, p in guide.parameters.items() if n != "deployment_id"] == list(
        handle.parameters.values()
    )
    assert guide.return_annotation == handle.return_annotation
    for raw_cls, plain in ((DeploymentOAuthWithRawResponse, handle), (OAuthWithRawResponse, guide)):
        raw = inspect.signature(getattr(raw_cls, operation_id))
        assert raw.parameters == plain.parameters
        assert raw.return_annotation == f"RawResponse[{plain.return_annotation}]"


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_every_method_has_the_handles_docstring(operation_id: str) -> None:
    doc = getattr(DeploymentOAuth, operation_id).__doc__
    assert doc and "Raises:" in doc and "Retry safety:" in doc
    for cls in (OAuth, OAuthWithRawResponse, DeploymentOAuthWithRawResponse):
        derived = getattr(cls, operation_id)
        assert derived.__qualname__ == f"{cls.__name__}.{operation_id}"
        assert doc.split("\n", 1)[0] in derived.__doc__
    assert "deployment_id:" in getattr(OAuth, operation_id).__doc__
    assert "deployment_id" not in doc


def test_no_facade_method_without_an_operation(client: WachtClient) -> None:
    for where, (shape, _) in _shapes(client).items():
        public = {
            name
            for name, value in inspect.getmembers(type(shape))
            if not name.startswith("_") and name != "with_raw_response" and callable(value)
        }
        assert public == set(OPERATIONS), where
    assert isinstance(client.oauth.with_raw_response, OAuthWithRawResponse)
    assert isinstance(client.deployment().oauth.with_raw_response, DeploymentOAuthWithRawResponse)


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
