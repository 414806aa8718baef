"""Contains all the data models used in inputs/outputs"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .access_token_format import AccessTokenFormat
    from .api_error import ApiError
    from .client_auth_method import ClientAuthMethod
    from .create_o_auth_app_form import CreateOAuthAppForm
    from .create_o_auth_client_request import CreateOAuthClientRequest
    from .error_response import ErrorResponse
    from .grant_status import GrantStatus
    from .jwk import Jwk
    from .jwks_document import JwksDocument
    from .list_o_auth_apps_response import ListOAuthAppsResponse
    from .list_o_auth_clients_response import ListOAuthClientsResponse
    from .list_o_auth_grants_response import ListOAuthGrantsResponse
    from .list_signing_keys_response import ListSigningKeysResponse
    from .o_auth_app import OAuthApp
    from .o_auth_app_signing_key import OAuthAppSigningKey
    from .o_auth_client import OAuthClient
    from .o_auth_domain_verification import OAuthDomainVerification
    from .o_auth_grant import OAuthGrant
    from .o_auth_scope_definition import OAuthScopeDefinition
    from .revoke_o_auth_grant_response import RevokeOAuthGrantResponse
    from .rotate_o_auth_client_secret_response import RotateOAuthClientSecretResponse
    from .rotate_signing_key_response import RotateSigningKeyResponse
    from .scope_category import ScopeCategory
    from .set_o_auth_scope_mapping_request import SetOAuthScopeMappingRequest
    from .signing_key_status import SigningKeyStatus
    from .update_o_auth_app_request import UpdateOAuthAppRequest
    from .update_o_auth_client_request import UpdateOAuthClientRequest
    from .update_o_auth_scope_request import UpdateOAuthScopeRequest

# name -> module of this package that defines it
_MODULES = {
    "AccessTokenFormat": ".access_token_format",
    "ApiError": ".api_error",
    "ClientAuthMethod": ".client_auth_method",
    "CreateOAuthAppForm": ".create_o_auth_app_form",
    "CreateOAuthClientRequest": ".create_o_auth_client_request",
    "ErrorResponse": ".error_response",
    "GrantStatus": ".grant_status",
    "Jwk": ".jwk",
    "JwksDocument": ".jwks_document",
    "ListOAuthAppsResponse": ".list_o_auth_apps_response",
    "ListOAuthClientsResponse": ".list_o_auth_clients_response",
    "ListOAuthGrantsResponse": ".list_o_auth_grants_response",
    "ListSigningKeysResponse": ".list_signing_keys_response",
    "OAuthApp": ".o_auth_app",
    "OAuthAppSigningKey": ".o_auth_app_signing_key",
    "OAuthClient": ".o_auth_client",
    "OAuthDomainVerification": ".o_auth_domain_verification",
    "OAuthGrant": ".o_auth_grant",
    "OAuthScopeDefinition": ".o_auth_scope_definition",
    "RevokeOAuthGrantResponse": ".revoke_o_auth_grant_response",
    "RotateOAuthClientSecretResponse": ".rotate_o_auth_client_secret_response",
    "RotateSigningKeyResponse": ".rotate_signing_key_response",
    "ScopeCategory": ".scope_category",
    "SetOAuthScopeMappingRequest": ".set_o_auth_scope_mapping_request",
    "SigningKeyStatus": ".signing_key_status",
    "UpdateOAuthAppRequest": ".update_o_auth_app_request",
    "UpdateOAuthClientRequest": ".update_o_auth_client_request",
    "UpdateOAuthScopeRequest": ".update_o_auth_scope_request",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = (
    "AccessTokenFormat",
    "ApiError",
    "ClientAuthMethod",
    "CreateOAuthAppForm",
    "CreateOAuthClientRequest",
    "ErrorResponse",
    "GrantStatus",
    "Jwk",
    "JwksDocument",
    "ListOAuthAppsResponse",
    "ListOAuthClientsResponse",
    "ListOAuthGrantsResponse",
    "ListSigningKeysResponse",
    "OAuthApp",
    "OAuthAppSigningKey",
    "OAuthClient",
    "OAuthDomainVerification",
    "OAuthGrant",
    "OAuthScopeDefinition",
    "RevokeOAuthGrantResponse",
    "RotateOAuthClientSecretResponse",
    "RotateSigningKeyResponse",
    "ScopeCategory",
    "SetOAuthScopeMappingRequest",
    "SigningKeyStatus",
    "UpdateOAuthAppRequest",
    "UpdateOAuthClientRequest",
    "UpdateOAuthScopeRequest",
)
