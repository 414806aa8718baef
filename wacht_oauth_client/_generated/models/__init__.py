"""Contains all the data models used in inputs/outputs"""

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
