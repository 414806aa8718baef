"""Every generated model class renders secrets as `<redacted>`, however it was imported.

The repr is part of each class (emitted by openapi/templates/model.py.jinja), not patched on
by importing `wacht_oauth_client.models`, so it holds for a model module imported on its own
and for nested models built inside another model's `from_dict`.
"""

from __future__ import annotations

import inspect
import pprint
import subprocess
import sys

import attrs
import pytest
from rich.pretty import pretty_repr

from wacht_oauth_client import _redact
from wacht_oauth_client._generated import models as generated
from wacht_oauth_client._generated.types import REDACTED, safe_repr, safe_rich_repr

SECRET = "oc_secret_ZmFrZS1zZWNyZXQtZm9yLXRoZS1yZXByLXRlc3Q"
SYMMETRIC_KEY = "c3ltbWV0cmljLWtleS1tYXRlcmlhbA"

CLIENT = {
    "id": "7300000000000000001",
    "oauth_app_id": "7200000000000000001",
    "client_id": "oc_4b1d2f0e9a8c7b6a",
    "client_auth_method": "client_secret_basic",
    "grant_types": ["authorization_code"],
    "redirect_uris": ["https://app.example.com/callback"],
    "client_name": "Repr client",
    "client_uri": None,
    "logo_uri": None,
    "tos_uri": None,
    "policy_uri": None,
    "contacts": [],
    "software_id": None,
    "software_version": None,
    "token_endpoint_auth_signing_alg": None,
    "jwks_uri": None,
    "jwks": {"keys": [{"kty": "oct", "k": SYMMETRIC_KEY}]},
    "public_key_pem": None,
    "is_active": True,
    "post_logout_redirect_uris": [],
    "id_token_signing_alg": "RS256",
    "access_token_format": "opaque",
    "access_token_ttl_seconds": 3600,
    "skip_consent": False,
    "created_at": "2026-05-01T10:00:00.000000Z",
    "updated_at": "2026-05-01T10:00:00.000000Z",
    "client_secret": SECRET,
    "webhook_secret": SECRET,  # an extra field: additional_properties are masked too
}


def _renderings(value: object) -> list[str]:
    return [repr(value), str(value), pprint.pformat(value), pretty_repr(value)]


def test_secrets_are_masked_in_every_rendering_nested_and_extra_fields_included() -> None:
    client = generated.OAuthClient.from_dict(CLIENT)
    for text in _renderings(client) + _renderings([client]) + _renderings(client.jwks):
        assert SECRET not in text and SYMMETRIC_KEY not in text, text
    assert f"client_secret={REDACTED}" in repr(client)
    assert "'webhook_secret': <redacted>" in repr(client)
    assert "Jwk(kty='oct', k=<redacted>" in repr(client)
    # the values themselves are untouched
    assert client.client_secret == SECRET and client.to_dict()["client_secret"] == SECRET


def test_rich_repr_lists_the_shown_fields_with_secrets_masked() -> None:
    client = generated.OAuthClient.from_dict(CLIENT)
    fields = dict(client.__rich_repr__())
    assert "client_secret" in fields and repr(fields["client_secret"]) == REDACTED
    assert fields["client_name"] == "Repr client"
    assert "UNSET" not in pretty_repr(generated.CreateOAuthClientRequest.from_dict(CLIENT))


MODEL_CLASSES = [n for n in generated.__all__ if attrs.has(getattr(generated, n))]  # no enums


@pytest.mark.parametrize("name", MODEL_CLASSES)
def test_every_model_class_defines_the_safe_repr(name: str) -> None:
    cls = getattr(generated, name)
    assert "__repr__" in vars(cls) and "__rich_repr__" in vars(cls)
    assert "safe_repr(self)" in inspect.getsource(cls.__repr__)
    assert "safe_rich_repr(self)" in inspect.getsource(cls.__rich_repr__)


def test_a_model_module_imported_on_its_own_is_safe() -> None:
    code = f"""
import sys
from wacht_oauth_client._generated.models.o_auth_client import OAuthClient
assert "wacht_oauth_client.models" not in sys.modules
print(repr(OAuthClient.from_dict({CLIENT!r})))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert SECRET not in out.stdout and SYMMETRIC_KEY not in out.stdout
    assert f"client_secret={REDACTED}" in out.stdout


def test_the_facade_side_reuses_the_one_rule() -> None:
    assert _redact.safe_repr is safe_repr and _redact.safe_rich_repr is safe_rich_repr
    assert _redact.is_secret_name("client_secret") and _redact.is_secret_name("k")
    assert not _redact.is_secret_name("client_id")
