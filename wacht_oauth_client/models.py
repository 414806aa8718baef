"""The SDK's public models: what the OAuth methods take and return.

Response and JSON request models are the generated attrs classes, re-exported;
`CreateOAuthAppRequest` is hand-written (see `_create_app_request`). Every name is imported on
first use (PEP 562), so that a call loads only the models it needs. Every model's `repr()` and
`str()` show secret fields (`client_secret`, a JWK's `k`) as `<redacted>`; the values stay
readable as attributes and in `to_dict()`. Request fields left out default to `UNSET` and are
not sent; fields the API accepts as null also take `None`, which is not sent either.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._create_app_request import CreateOAuthAppRequest
    from ._generated.models import (
        AccessTokenFormat,
        ApiError,
        ClientAuthMethod,
        CreateOAuthClientRequest,
        ErrorResponse,
        GrantStatus,
        Jwk,
        JwksDocument,
        OAuthApp,
        OAuthAppSigningKey,
        OAuthClient,
        OAuthDomainVerification,
        OAuthGrant,
        OAuthScopeDefinition,
        RotateOAuthClientSecretResponse,
        ScopeCategory,
        SetOAuthScopeMappingRequest,
        SigningKeyStatus,
        UpdateOAuthAppRequest,
        UpdateOAuthClientRequest,
        UpdateOAuthScopeRequest,
    )
    from ._generated.types import UNSET, Unset

__all__ = [
    "AccessTokenFormat",
    "ApiError",
    "ClientAuthMethod",
    "CreateOAuthAppRequest",
    "CreateOAuthClientRequest",
    "ErrorResponse",
    "GrantStatus",
    "Jwk",
    "JwksDocument",
    "OAuthApp",
    "OAuthAppSigningKey",
    "OAuthClient",
    "OAuthDomainVerification",
    "OAuthGrant",
    "OAuthScopeDefinition",
    "RotateOAuthClientSecretResponse",
    "ScopeCategory",
    "SetOAuthScopeMappingRequest",
    "SigningKeyStatus",
    "UNSET",
    "Unset",
    "UpdateOAuthAppRequest",
    "UpdateOAuthClientRequest",
    "UpdateOAuthScopeRequest",
]

_SOURCES = {"CreateOAuthAppRequest": "._create_app_request", "UNSET": "._generated.types"}
_SOURCES["Unset"] = _SOURCES["UNSET"]


# Only at run time: for mypy the imports above are the module's names (typos stay errors).
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        module = importlib.import_module(_SOURCES.get(name, "._generated.models"), __package__)
        value = getattr(module, name)
        globals()[name] = value  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
