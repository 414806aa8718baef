"""The hand-authored OpenAPI document against the reference (`wacht-oauth-api.md`, §1–§7)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi" / "wacht-oauth.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
# The deployment-scoped mount is a server entry whose URL ends in this path (§1).
DEPLOYMENT_MOUNT = "/deployments/{deployment_id}"
HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")

# §2 of the reference: operationId -> (method, backend path without the deployment prefix).
ENDPOINTS: dict[str, tuple[str, str]] = {
    "list_oauth_apps": ("get", "/oauth/apps"),
    "create_oauth_app": ("post", "/oauth/apps"),
    "update_oauth_app": ("patch", "/oauth/apps/{oauth_app_slug}"),
    "verify_oauth_app_domain": ("post", "/oauth/apps/{oauth_app_slug}/verify-domain"),
    "update_oauth_scope": ("patch", "/oauth/apps/{oauth_app_slug}/scopes/{scope}"),
    "archive_oauth_scope": ("post", "/oauth/apps/{oauth_app_slug}/scopes/{scope}/archive"),
    "unarchive_oauth_scope": ("post", "/oauth/apps/{oauth_app_slug}/scopes/{scope}/unarchive"),
    "set_oauth_scope_mapping": ("post", "/oauth/apps/{oauth_app_slug}/scopes/{scope}/mapping"),
    "list_oauth_clients": ("get", "/oauth/apps/{oauth_app_slug}/clients"),
    "create_oauth_client": ("post", "/oauth/apps/{oauth_app_slug}/clients"),
    "update_oauth_client": ("patch", "/oauth/apps/{oauth_app_slug}/clients/{oauth_client_id}"),
    "deactivate_oauth_client": (
        "delete",
        "/oauth/apps/{oauth_app_slug}/clients/{oauth_client_id}",
    ),
    "rotate_oauth_client_secret": (
        "post",
        "/oauth/apps/{oauth_app_slug}/clients/{oauth_client_id}/rotate-secret",
    ),
    "list_oauth_grants": ("get", "/oauth/apps/{oauth_app_slug}/clients/{oauth_client_id}/grants"),
    "revoke_oauth_grant": (
        "post",
        "/oauth/apps/{oauth_app_slug}/clients/{oauth_client_id}/grants/{grant_id}/revoke",
    ),
    "list_signing_keys": ("get", "/oauth/apps/{oauth_app_slug}/signing-keys"),
    "rotate_signing_key": ("post", "/oauth/apps/{oauth_app_slug}/signing-keys/rotate"),
    "compromise_signing_key": (
        "post",
        "/oauth/apps/{oauth_app_slug}/signing-keys/{kid}/compromise",
    ),
}

# §2: which operations take a body, and its content type.
BODIES: dict[str, str] = {
    "create_oauth_app": "multipart/form-data",
    "update_oauth_app": "application/json",
    "update_oauth_scope": "application/json",
    "set_oauth_scope_mapping": "application/json",
    "create_oauth_client": "application/json",
    "update_oauth_client": "application/json",
}

# §2 "2xx response" column: status -> component schema of the body (None: no body).
SUCCESS: dict[str, tuple[str, str | None]] = {
    "list_oauth_apps": ("200", "ListOAuthAppsResponse"),
    "create_oauth_app": ("200", "OAuthApp"),
    "update_oauth_app": ("200", "OAuthApp"),
    "verify_oauth_app_domain": ("200", "OAuthDomainVerification"),
    "update_oauth_scope": ("200", "OAuthApp"),
    "archive_oauth_scope": ("200", "OAuthApp"),
    "unarchive_oauth_scope": ("200", "OAuthApp"),
    "set_oauth_scope_mapping": ("200", "OAuthApp"),
    "list_oauth_clients": ("200", "ListOAuthClientsResponse"),
    "create_oauth_client": ("200", "OAuthClient"),
    "update_oauth_client": ("200", "OAuthClient"),
    "deactivate_oauth_client": ("204", None),
    "rotate_oauth_client_secret": ("200", "RotateOAuthClientSecretResponse"),
    "list_oauth_grants": ("200", "ListOAuthGrantsResponse"),
    "revoke_oauth_grant": ("200", "RevokeOAuthGrantResponse"),
    "list_signing_keys": ("200", "ListSigningKeysResponse"),
    "rotate_signing_key": ("200", "RotateSigningKeyResponse"),
    "compromise_signing_key": ("204", None),
}

# §7 endpoint-specific error statuses (plus the auth statuses every route has, §1).
AUTH_STATUSES = {"401", "403", "429"}
SPECIFIC_ERRORS: dict[str, set[str]] = {
    "list_oauth_apps": set(),
    "create_oauth_app": {"400", "404", "409", "502"},
    "update_oauth_app": {"400", "404", "422"},
    "verify_oauth_app_domain": {"404", "502"},
    "update_oauth_scope": {"400", "404"},
    "archive_oauth_scope": {"400", "404"},
    "unarchive_oauth_scope": {"400", "404"},
    "set_oauth_scope_mapping": {"400", "404"},
    "list_oauth_clients": {"404"},
    "create_oauth_client": {"400", "404", "422"},
    "update_oauth_client": {"400", "404"},
    "deactivate_oauth_client": {"404"},
    "rotate_oauth_client_secret": {"400", "404"},
    "list_oauth_grants": {"404"},
    "revoke_oauth_grant": {"404"},
    "list_signing_keys": {"404"},
    "rotate_signing_key": {"404", "500"},
    "compromise_signing_key": {"404"},
}

# §6 response schemas: field -> nullable. Fields in OMITTED_WHEN_NULL may be absent instead.
RESPONSE_FIELDS: dict[str, dict[str, bool]] = {
    "OAuthApp": {
        "id": False,
        "slug": False,
        "name": False,
        "description": True,
        "logo_url": True,
        "fqdn": False,
        "supported_scopes": False,
        "scope_definitions": False,
        "allow_dynamic_client_registration": False,
        "is_active": False,
        "created_at": False,
        "updated_at": False,
    },
    "OAuthScopeDefinition": {
        "scope": False,
        "display_name": False,
        "description": False,
        "archived": False,
        "category": False,
        "organization_permission": True,
        "workspace_permission": True,
    },
    "OAuthDomainVerification": {"domain": False, "cname_target": False, "verified": False},
    "OAuthClient": {
        "id": False,
        "oauth_app_id": False,
        "client_id": False,
        "client_auth_method": False,
        "grant_types": False,
        "redirect_uris": False,
        "client_name": True,
        "client_uri": True,
        "logo_uri": True,
        "tos_uri": True,
        "policy_uri": True,
        "contacts": False,
        "software_id": True,
        "software_version": True,
        "token_endpoint_auth_signing_alg": True,
        "jwks_uri": True,
        "jwks": True,
        "public_key_pem": True,
        "is_active": False,
        "post_logout_redirect_uris": False,
        "id_token_signing_alg": False,
        "access_token_format": False,
        "access_token_ttl_seconds": False,
        "skip_consent": False,
        "created_at": False,
        "updated_at": False,
        "client_secret": False,
    },
    "RotateOAuthClientSecretResponse": {"client_secret": False},
    "OAuthGrant": {
        "id": False,
        "api_auth_app_slug": False,
        "oauth_client_id": False,
        "resource": False,
        "scopes": False,
        "status": False,
        "granted_at": False,
        "expires_at": True,
        "revoked_at": True,
        "granted_by_user_id": False,
        "created_at": False,
        "updated_at": False,
    },
    "OAuthAppSigningKey": {
        "kid": False,
        "algorithm": False,
        "status": False,
        "public_key_pem": False,
    },
}
# skip_serializing_if fields: never null, may be absent.
OMITTED_WHEN_NULL = {("OAuthClient", "client_secret"), ("OAuthGrant", "granted_by_user_id")}
# Fields the server's input side defaults (`#[serde(default)]`), so the shared schema may not
# require them even though responses always carry them.
OPTIONAL_ON_INPUT = {
    ("OAuthScopeDefinition", "archived"),
    ("OAuthScopeDefinition", "category"),
    ("OAuthScopeDefinition", "organization_permission"),
    ("OAuthScopeDefinition", "workspace_permission"),
}
ID_FIELDS = {
    ("OAuthApp", "id"),
    ("OAuthClient", "id"),
    ("OAuthClient", "oauth_app_id"),
    ("OAuthGrant", "id"),
    ("OAuthGrant", "oauth_client_id"),
    ("OAuthGrant", "granted_by_user_id"),
}
TIMESTAMP_FIELDS = {
    ("OAuthApp", "created_at"),
    ("OAuthApp", "updated_at"),
    ("OAuthClient", "created_at"),
    ("OAuthClient", "updated_at"),
    ("OAuthGrant", "granted_at"),
    ("OAuthGrant", "expires_at"),
    ("OAuthGrant", "revoked_at"),
    ("OAuthGrant", "created_at"),
    ("OAuthGrant", "updated_at"),
}
LIST_WRAPPERS = {
    "ListOAuthAppsResponse": ("apps", "OAuthApp"),
    "ListOAuthClientsResponse": ("clients", "OAuthClient"),
    "ListOAuthGrantsResponse": ("grants", "OAuthGrant"),
    "ListSigningKeysResponse": ("keys", "OAuthAppSigningKey"),
}

# §4 request bodies: field -> nullable (Option<T> is nullable; serde-default Vecs are not).
CREATE_CLIENT_FIELDS: dict[str, bool] = {
    "client_auth_method": False,
    "grant_types": False,
    "redirect_uris": False,
    "client_name": True,
    "client_uri": True,
    "logo_uri": True,
    "tos_uri": True,
    "policy_uri": True,
    "contacts": True,
    "software_id": True,
    "software_version": True,
    "token_endpoint_auth_signing_alg": True,
    "jwks_uri": True,
    "jwks": True,
    "public_key_pem": True,
    "post_logout_redirect_uris": False,
    "id_token_signing_alg": True,
    "access_token_format": True,
    "access_token_ttl_seconds": True,
    "skip_consent": True,
}
REQUEST_FIELDS: dict[str, tuple[set[str], dict[str, bool]]] = {
    # schema: (required, field -> nullable)
    "UpdateOAuthAppRequest": (
        set(),
        {
            "name": True,
            "description": True,
            "supported_scopes": True,
            "scope_definitions": True,
            "allow_dynamic_client_registration": True,
            "is_active": True,
        },
    ),
    "UpdateOAuthScopeRequest": (set(), {"display_name": True, "description": True}),
    "SetOAuthScopeMappingRequest": (
        {"category"},
        {"category": False, "organization_permission": True, "workspace_permission": True},
    ),
    "CreateOAuthClientRequest": ({"client_auth_method", "grant_types"}, CREATE_CLIENT_FIELDS),
    "UpdateOAuthClientRequest": (set(), dict.fromkeys(CREATE_CLIENT_FIELDS, True)),
}
CREATE_APP_FORM_FIELDS = {
    "slug",
    "name",
    "description",
    "fqdn",
    "supported_scopes",
    "scope_definitions",
    "allow_dynamic_client_registration",
    "logo",
}
JWK_FIELDS = {
    "kty",
    "kid",
    "use",
    "alg",
    "n",
    "e",
    "crv",
    "x",
    "y",
    "k",
    "x5u",
    "x5t",
    "x5t#S256",
    "public_key_pem",
    "key_ops",
    "x5c",
}


# -- helpers --------------------------------------------------------------------------------


def resolve(node: Any) -> Any:
    """Follow `$ref`s inside this document."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target: Any = SPEC
        for key in ref[2:].split("/"):
            target = target[key]
        node = target
    return node


def schema(name: str) -> dict[str, Any]:
    return SPEC["components"]["schemas"][name]  # type: ignore[no-any-return]


def ref_name(node: dict[str, Any]) -> str:
    return str(node["$ref"]).rsplit("/", 1)[-1]


def alternatives(node: Any) -> list[Any]:
    node = resolve(node)
    for key in ("oneOf", "anyOf"):
        if key in node:
            return [resolve(n) for n in node[key]]
    return [node]


def types_of(node: Any) -> set[str]:
    """Every JSON type a (possibly composed) schema admits."""
    found: set[str] = set()
    for alt in alternatives(node):
        declared = alt.get("type")
        if isinstance(declared, list):
            found.update(declared)
        elif isinstance(declared, str):
            found.add(declared)
        elif "enum" in alt:
            found.update(type(v).__name__.replace("str", "string") for v in alt["enum"])
    return found


def is_nullable(node: Any) -> bool:
    return "null" in types_of(node) or any(a.get("nullable") for a in alternatives(node))


def operations() -> dict[str, tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    """operationId -> (method, path, operation, path-level + operation-level parameters)."""
    found = {}
    for path, item in SPEC["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                params = [resolve(p) for p in item.get("parameters", []) + op.get("parameters", [])]
                assert op["operationId"] not in found, op["operationId"]
                found[op["operationId"]] = (method, path, op, params)
    return found


OPS = operations()


# -- document-level -------------------------------------------------------------------------


def test_document_is_a_valid_openapi_3_1_document() -> None:
    assert SPEC["openapi"].startswith("3.1")
    validate(SPEC)  # raises on any structural error


def test_bearer_security_and_the_two_mounts_as_servers() -> None:
    # §1: the backend API at the root (the default, first), the deployment-scoped mount second.
    urls = [server["url"] for server in SPEC["servers"]]
    assert urls == ["https://api.wacht.dev", "https://api.wacht.dev" + DEPLOYMENT_MOUNT]
    variables = SPEC["servers"][1]["variables"]
    assert list(variables) == ["deployment_id"] and variables["deployment_id"]["default"]
    assert "variables" not in SPEC["servers"][0]
    assert SPEC["security"] == [{"bearerAuth": []}]
    scheme = SPEC["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    # No operation opts out of (or replaces) the bearer requirement.
    assert all("security" not in op for _, _, op, _ in OPS.values())


def test_exactly_the_18_operations_of_the_reference() -> None:
    assert sorted(OPS) == sorted(ENDPOINTS)
    assert len(OPS) == 18


@pytest.mark.parametrize("operation_id", sorted(ENDPOINTS))
def test_method_and_path_match_section_2(operation_id: str) -> None:
    method, path = ENDPOINTS[operation_id]
    assert OPS[operation_id][:2] == (method, path)


@pytest.mark.parametrize("operation_id", sorted(ENDPOINTS))
def test_parameters_are_exactly_the_path_placeholders(operation_id: str) -> None:
    _, path, _, params = OPS[operation_id]
    placeholders = re.findall(r"{(\w+)}", path)
    assert [p["name"] for p in params] == placeholders
    for param in params:
        # No endpoint takes query parameters (§2).
        assert param["in"] == "path" and param["required"] is True
        param_schema = resolve(param["schema"])
        assert param_schema["type"] == "string"
        if param["name"] in ("oauth_client_id", "grant_id"):
            # i64 on the server: digits only, typed as strings (§2).
            assert param_schema["pattern"] == "^[0-9]+$"
        else:
            assert param_schema.get("minLength") == 1


@pytest.mark.parametrize("operation_id", sorted(ENDPOINTS))
def test_request_body_presence_and_content_type(operation_id: str) -> None:
    op = OPS[operation_id][2]
    if operation_id not in BODIES:
        assert "requestBody" not in op
        return
    request_body = op["requestBody"]
    assert request_body["required"] is True
    assert list(request_body["content"]) == [BODIES[operation_id]]


def test_create_app_is_multipart_with_the_section_4_1_form() -> None:
    content = OPS["create_oauth_app"][2]["requestBody"]["content"]
    assert list(content) == ["multipart/form-data"]
    form = resolve(content["multipart/form-data"]["schema"])
    assert form is schema("CreateOAuthAppForm")
    assert set(form["properties"]) == CREATE_APP_FORM_FIELDS
    assert set(form["required"]) == {"slug", "name"}
    props = form["properties"]
    # Every part except the logo is a text field (scopes comma-joined, definitions JSON text).
    for name in CREATE_APP_FORM_FIELDS - {"logo"}:
        assert props[name]["type"] == "string", name
    assert props["logo"] == {**props["logo"], "type": "string", "format": "binary"}
    # The logo part must carry an image content type, or the server drops it.
    logo_types = content["multipart/form-data"]["encoding"]["logo"]["contentType"]
    assert {t.strip() for t in logo_types.split(",")} >= {
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "image/x-icon",
    }


@pytest.mark.parametrize("operation_id", sorted(ENDPOINTS))
def test_success_status_and_body(operation_id: str) -> None:
    responses = OPS[operation_id][2]["responses"]
    status, body_schema = SUCCESS[operation_id]
    assert [s for s in responses if s.startswith("2")] == [status]
    response = resolve(responses[status])
    if body_schema is None:
        assert "content" not in response  # 204: nothing to parse
    else:
        assert list(response["content"]) == ["application/json"]
        assert ref_name(response["content"]["application/json"]["schema"]) == body_schema


def test_no_201_anywhere() -> None:
    # ApiSuccess always answers 200 (§2); only the two bodiless routes answer 204.
    statuses = {s for _, _, op, _ in OPS.values() for s in op["responses"]}
    assert "201" not in statuses
    assert {s for s in statuses if s.startswith("2")} == {"200", "204"}


@pytest.mark.parametrize("operation_id", sorted(ENDPOINTS))
def test_error_statuses_use_the_errors_envelope(operation_id: str) -> None:
    responses = OPS[operation_id][2]["responses"]
    errors = {s for s in responses if s[0] in "45"}
    assert errors >= AUTH_STATUSES | SPECIFIC_ERRORS[operation_id], "§1/§7 statuses missing"
    assert "500" in errors
    for status in errors:
        response = resolve(responses[status])
        assert list(response["content"]) == ["application/json"], status
        assert response["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ErrorResponse"
        }


def test_error_envelope_shape() -> None:
    envelope = schema("ErrorResponse")
    assert envelope["required"] == ["errors"] and set(envelope["properties"]) == {"errors"}
    errors = envelope["properties"]["errors"]
    assert errors["type"] == "array"
    entry = resolve(errors["items"])
    assert set(entry["required"]) == {"message", "code"} == set(entry["properties"])
    assert entry["properties"]["message"]["type"] == "string"
    # `code` is the numeric HTTP status, not a string code (§3).
    assert entry["properties"]["code"]["type"] == "integer"


# -- schemas against §4 and §6 ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RESPONSE_FIELDS))
def test_response_schema_fields_and_nullability(name: str) -> None:
    expected = RESPONSE_FIELDS[name]
    declared = schema(name)
    assert declared["type"] == "object"
    props = declared["properties"]
    assert set(props) == set(expected), "fields differ from §6 (extra or missing)"
    required = set(declared.get("required", []))
    for field, nullable in expected.items():
        assert is_nullable(props[field]) is nullable, f"{name}.{field} nullability"
        if (name, field) in OMITTED_WHEN_NULL:
            assert field not in required, f"{name}.{field} is omitted by the server when null"
        elif (name, field) not in OPTIONAL_ON_INPUT:
            assert field in required, f"{name}.{field} is always sent by the server"


def test_oauth_client_secret_is_optional_and_not_nullable() -> None:
    client = schema("OAuthClient")
    assert "client_secret" in client["properties"]
    assert "client_secret" not in client["required"]
    assert types_of(client["properties"]["client_secret"]) == {"string"}
    # Not exposed by the server (§6).
    for hidden in ("pkce_required", "deployment_id", "client_secret_hash"):
        assert hidden not in client["properties"]


@pytest.mark.parametrize(("name", "field"), sorted(ID_FIELDS))
def test_int64_ids_are_digit_strings(name: str, field: str) -> None:
    node = schema(name)["properties"][field]
    assert types_of(node) == {"string"}
    assert resolve(node)["pattern"] == "^[0-9]+$"


@pytest.mark.parametrize(("name", "field"), sorted(TIMESTAMP_FIELDS))
def test_timestamps_are_date_time(name: str, field: str) -> None:
    node = schema(name)["properties"][field]
    assert types_of(node) - {"null"} == {"string"}
    assert node["format"] == "date-time"


def test_no_other_date_time_or_integer_id_fields() -> None:
    # Every date-time field is one of the §6 timestamps, and no id is typed as a JSON number.
    for name, declared in SPEC["components"]["schemas"].items():
        for field, node in declared.get("properties", {}).items():
            if node.get("format") == "date-time":
                assert (name, field) in TIMESTAMP_FIELDS, f"{name}.{field}"
            if field == "id" or (
                field.endswith("_id") and field not in ("client_id", "software_id")
            ):
                assert "integer" not in types_of(node), f"{name}.{field}"


def test_list_responses_use_their_named_wrapper_keys() -> None:
    for name, (key, item) in LIST_WRAPPERS.items():
        declared = schema(name)
        assert declared["required"] == [key] and list(declared["properties"]) == [key]
        assert declared["properties"][key]["type"] == "array"
        assert ref_name(declared["properties"][key]["items"]) == item
    # Not paginated: no `data`/`has_more` anywhere in the list wrappers.
    assert ref_name(schema("RotateSigningKeyResponse")["properties"]["new"]) == "OAuthAppSigningKey"
    assert schema("RotateSigningKeyResponse")["required"] == ["new"]
    assert schema("RevokeOAuthGrantResponse")["type"] == "object"


@pytest.mark.parametrize("name", sorted(REQUEST_FIELDS))
def test_request_schema_fields_and_nullability(name: str) -> None:
    required, fields = REQUEST_FIELDS[name]
    declared = schema(name)
    assert set(declared["properties"]) == set(fields), "fields differ from §4"
    assert set(declared.get("required", [])) == required
    for field, nullable in fields.items():
        assert is_nullable(declared["properties"][field]) is nullable, f"{name}.{field}"


def test_update_app_cannot_change_slug_fqdn_or_logo() -> None:
    props = schema("UpdateOAuthAppRequest")["properties"]
    assert not {"slug", "fqdn", "logo", "logo_url"} & set(props)


def test_enums_match_the_server_values() -> None:
    assert schema("ScopeCategory")["enum"] == ["", "personal", "organization", "workspace"]
    assert set(schema("ClientAuthMethod")["enum"]) == {
        "client_secret_basic",
        "client_secret_post",
        "client_secret_jwt",
        "none",
        "private_key_jwt",
    }
    assert set(schema("AccessTokenFormat")["enum"]) == {"opaque", "jwt"}
    assert set(schema("GrantStatus")["enum"]) == {"active", "revoked", "expired"}
    assert set(schema("SigningKeyStatus")["enum"]) == {"active", "retired"}


@pytest.mark.parametrize(
    ("name", "field", "enum"),
    [
        ("OAuthScopeDefinition", "category", "ScopeCategory"),
        ("OAuthClient", "client_auth_method", "ClientAuthMethod"),
        ("OAuthClient", "access_token_format", "AccessTokenFormat"),
        ("OAuthGrant", "status", "GrantStatus"),
        ("OAuthAppSigningKey", "status", "SigningKeyStatus"),
    ],
)
def test_response_enums_also_accept_unknown_strings(name: str, field: str, enum: str) -> None:
    # A new server value must not break parsing: the field is an open string, and its examples
    # are exactly the known values of the enum schema that documents them.
    prop = schema(name)["properties"][field]
    assert prop["type"] == "string"
    assert "enum" not in prop and "anyOf" not in prop
    assert prop["examples"] == schema(enum)["enum"] or set(prop["examples"]) == set(
        schema(enum)["enum"]
    )
    assert enum in prop["description"]


def test_jwk_fields_match_the_server_model() -> None:
    jwk = schema("Jwk")
    assert set(jwk["properties"]) == JWK_FIELDS
    assert jwk["required"] == ["kty"]
    for field in JWK_FIELDS - {"kty"}:
        assert is_nullable(jwk["properties"][field]), field
    assert types_of(jwk["properties"]["key_ops"]) == {"array", "null"}
    assert schema("JwksDocument")["required"] == ["keys"]


def test_scope_definition_input_requires_scope_display_name_description() -> None:
    # §5.1: those three have no serde default; the rest do.
    assert set(schema("OAuthScopeDefinition")["required"]) == {
        "scope",
        "display_name",
        "description",
    }
