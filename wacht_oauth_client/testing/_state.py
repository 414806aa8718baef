"""The emulator's data model and the real server's business rules, without any HTTP.

Each public ``State`` method is one operation. It takes already-decoded input (a JSON
value or multipart parts), raises ``ApiError`` wherever the server answers with an error,
and returns the JSON-ready response body. Messages, validation order and normalisation
follow the platform source (as summarised in the API reference notes, §4-§7).
"""

from __future__ import annotations

import base64
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

JsonDict = dict[str, Any]

ID_BASE = 7_300_000_000_000_000_000  # Sonyflake-sized: above 2**53 (breaks float JSON parsers)
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)  # the deterministic clock's start
CNAME_TARGET = "oauth.wacht.services"
CDN_BASE = "https://cdn.wacht.services"
AUTH_METHODS = (
    "client_secret_basic",
    "client_secret_post",
    "client_secret_jwt",
    "none",
    "private_key_jwt",
)
SECRET_METHODS = frozenset(AUTH_METHODS[:3])
GRANT_STATUSES = ("active", "revoked", "expired")
# Jwk fields in the server struct's order; all are emitted, absent ones as null.
JWK_FIELDS = (
    "kty",
    "kid",
    "use",
    "key_ops",
    "alg",
    "n",
    "e",
    "crv",
    "x",
    "y",
    "k",
    "x5u",
    "x5c",
    "x5t",
    "x5t#S256",
    "public_key_pem",
)
JWK_LIST_FIELDS = frozenset({"key_ops", "x5c"})
LOGO_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/jpg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/x-icon": "ico",
    "image/vnd.microsoft.icon": "ico",
}
_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_LABEL_RE = re.compile(r"^[A-Za-z0-9-]+$")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_HOST_RE = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-_~!$&'()*+,;=%]+)$")
# DER prefix of a 2048-bit RSA SubjectPublicKeyInfo, so fake keys parse as real RSA keys.
_SPKI_PREFIX = bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100")


class ApiError(Exception):
    """An error answer: ``{"errors":[{"message": message, "code": status}]}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message


def bad_payload() -> ApiError:
    """axum's Json rejection for wrong/missing field types (after error normalisation)."""
    return ApiError(422, "Invalid request payload")


def not_found(what: str) -> ApiError:
    return ApiError(404, what)


def validation(message: str) -> ApiError:
    return ApiError(400, message)


def format_time(moment: datetime) -> str:
    """RFC 3339, UTC, always 6 fractional digits (what the brief fixes for the emulator)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# ---------------------------------------------------------------- typed reads of JSON bodies
_ABSENT: Any = object()


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> JsonDict:
    if len({k for k, _ in pairs}) != len(pairs):
        raise bad_payload()  # serde's "duplicate field" is a data error, i.e. 422
    return dict(pairs)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # serde_json rejects NaN/Infinity as syntax


def loads_strict(text: str) -> Any:
    """``json.loads`` with serde_json's strictness: ValueError = syntax (400), ApiError = 422."""
    return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_i32(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -(2**31) <= value < 2**31


class Payload:
    """Reads a decoded JSON object the way serde would; any mismatch is a 422."""

    def __init__(self, raw: Any) -> None:
        if not isinstance(raw, dict):
            raise bad_payload()
        self.raw: JsonDict = raw

    def _get(
        self, key: str, ok: Callable[[Any], bool], *, required: bool, nullable: bool, default: Any
    ) -> Any:
        value = self.raw.get(key, _ABSENT)
        if value is _ABSENT:
            if required:
                raise bad_payload()
            return default
        if value is None:
            if not nullable:  # serde: null is not a String/Vec/bool
                raise bad_payload()
            return None
        if not ok(value):
            raise bad_payload()
        return value

    def opt_str(self, key: str) -> str | None:  # Option<String>
        result: str | None = self._get(key, _is_str, required=False, nullable=True, default=None)
        return result

    def req_str(self, key: str) -> str:  # String
        result: str = self._get(key, _is_str, required=True, nullable=False, default=None)
        return result

    def def_str(self, key: str, default: str) -> str:  # #[serde(default)] String
        result: str = self._get(key, _is_str, required=False, nullable=False, default=default)
        return result

    def opt_bool(self, key: str) -> bool | None:
        result: bool | None = self._get(key, _is_bool, required=False, nullable=True, default=None)
        return result

    def def_bool(self, key: str, default: bool) -> bool:
        result: bool = self._get(key, _is_bool, required=False, nullable=False, default=default)
        return result

    def opt_i32(self, key: str) -> int | None:
        result: int | None = self._get(key, _is_i32, required=False, nullable=True, default=None)
        return result

    def opt_str_list(self, key: str) -> list[str] | None:
        result: list[str] | None = self._get(
            key, _is_str_list, required=False, nullable=True, default=None
        )
        return result

    def req_str_list(self, key: str) -> list[str]:
        result: list[str] = self._get(
            key, _is_str_list, required=True, nullable=False, default=None
        )
        return result

    def def_str_list(self, key: str) -> list[str]:  # #[serde(default)] Vec<String>
        result: list[str] = self._get(key, _is_str_list, required=False, nullable=False, default=[])
        return list(result)


# ---------------------------------------------------------------------------- model
@dataclass
class ScopeDefinition:
    scope: str
    display_name: str
    description: str
    archived: bool = False
    category: str = ""
    organization_permission: str | None = None
    workspace_permission: str | None = None

    def to_json(self) -> JsonDict:
        return {
            "scope": self.scope,
            "display_name": self.display_name,
            "description": self.description,
            "archived": self.archived,
            "category": self.category,
            "organization_permission": self.organization_permission,
            "workspace_permission": self.workspace_permission,
        }


@dataclass
class SigningKey:
    kid: str
    public_key_pem: str
    status: str = "active"  # active | retired | compromised

    def to_json(self) -> JsonDict:
        return {
            "kid": self.kid,
            "algorithm": "RS256",
            "status": self.status,
            "public_key_pem": self.public_key_pem,
        }


@dataclass
class App:
    id: int
    slug: str
    name: str
    description: str | None
    logo_url: str | None
    fqdn: str
    supported_scopes: list[str]
    scope_definitions: list[ScopeDefinition]
    allow_dynamic_client_registration: bool
    created_at: str
    updated_at: str
    is_active: bool = True
    keys: list[SigningKey] = field(default_factory=list)  # oldest first

    def to_json(self) -> JsonDict:
        return {
            "id": str(self.id),
            "slug": self.slug,
            "name": self.name,
            "description": self.description,
            "logo_url": self.logo_url,
            "fqdn": self.fqdn,
            "supported_scopes": list(self.supported_scopes),
            "scope_definitions": [d.to_json() for d in self.scope_definitions],
            "allow_dynamic_client_registration": self.allow_dynamic_client_registration,
            "is_active": self.is_active,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass
class Client:
    id: int
    app_id: int
    client_id: str
    client_auth_method: str
    grant_types: list[str]
    redirect_uris: list[str]
    created_at: str
    updated_at: str
    client_name: str | None = None
    client_uri: str | None = None
    logo_uri: str | None = None
    tos_uri: str | None = None
    policy_uri: str | None = None
    contacts: list[str] = field(default_factory=list)
    software_id: str | None = None
    software_version: str | None = None
    token_endpoint_auth_signing_alg: str | None = None
    jwks_uri: str | None = None
    jwks: JsonDict | None = None  # already normalised: every Jwk field present
    is_active: bool = True
    post_logout_redirect_uris: list[str] = field(default_factory=list)
    id_token_signing_alg: str = "RS256"
    access_token_format: str = "opaque"
    access_token_ttl_seconds: int = 3600
    skip_consent: bool = False
    secret: str | None = None  # kept so tests could inspect it; never listed

    def public_key_pem(self) -> str | None:
        for key in (self.jwks or {}).get("keys", []):
            if key.get("public_key_pem") is not None:
                pem: str = key["public_key_pem"]
                return pem
        return None

    def to_json(self, *, with_secret: bool = False) -> JsonDict:
        body: JsonDict = {
            "id": str(self.id),
            "oauth_app_id": str(self.app_id),
            "client_id": self.client_id,
            "client_auth_method": self.client_auth_method,
            "grant_types": list(self.grant_types),
            "redirect_uris": list(self.redirect_uris),
            "client_name": self.client_name,
            "client_uri": self.client_uri,
            "logo_uri": self.logo_uri,
            "tos_uri": self.tos_uri,
            "policy_uri": self.policy_uri,
            "contacts": list(self.contacts),
            "software_id": self.software_id,
            "software_version": self.software_version,
            "token_endpoint_auth_signing_alg": self.token_endpoint_auth_signing_alg,
            "jwks_uri": self.jwks_uri,
            "jwks": self.jwks,
            "public_key_pem": self.public_key_pem(),
            "is_active": self.is_active,
            "post_logout_redirect_uris": list(self.post_logout_redirect_uris),
            "id_token_signing_alg": self.id_token_signing_alg,
            "access_token_format": self.access_token_format,
            "access_token_ttl_seconds": self.access_token_ttl_seconds,
            "skip_consent": self.skip_consent,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
        if with_secret and self.secret is not None:  # skip_serializing_if = None on the server
            body["client_secret"] = self.secret
        return body


@dataclass
class Grant:
    id: int
    api_auth_app_slug: str
    client_id: int
    resource: str
    scopes: list[str]
    status: str
    granted_at: str
    created_at: str
    updated_at: str
    expires_at: str | None = None
    revoked_at: str | None = None
    granted_by_user_id: int | None = None

    def to_json(self) -> JsonDict:
        body: JsonDict = {
            "id": str(self.id),
            "api_auth_app_slug": self.api_auth_app_slug,
            "oauth_client_id": str(self.client_id),
            "resource": self.resource,
            "scopes": list(self.scopes),
            "status": self.status,
            "granted_at": self.granted_at,
            "expires_at": self.expires_at,
            "revoked_at": self.revoked_at,
        }
        if self.granted_by_user_id is not None:  # skip_serializing_if on the server
            body["granted_by_user_id"] = str(self.granted_by_user_id)
        body["created_at"] = self.created_at
        body["updated_at"] = self.updated_at
        return body


@dataclass
class Deployment:
    mode: str = "development"
    organization_permissions: list[str] = field(default_factory=list)
    workspace_permissions: list[str] = field(default_factory=list)
    apps: dict[str, App] = field(default_factory=dict)  # by slug
    clients: dict[int, Client] = field(default_factory=dict)
    grants: dict[int, Grant] = field(default_factory=dict)


@dataclass
class FormPart:
    """One multipart part as the server's ``MultipartField`` sees it."""

    name: str
    content_type: str | None
    data: bytes

    def text(self) -> str:
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError:
            raise validation(f"Multipart field '{self.name}' must be valid UTF-8 text") from None

    def optional_text_trimmed(self) -> str | None:
        return self.text().strip() or None


# ----------------------------------------------------------------- normalisation helpers
def normalize_supported_scopes(scopes: list[str]) -> list[str]:
    return sorted({s.strip() for s in scopes if s.strip()})


def parse_scope_definitions(value: Any) -> list[ScopeDefinition]:
    """Deserialize ``Vec<OAuthScopeDefinition>``; shape errors raise the 422 ApiError."""
    if not isinstance(value, list):
        raise bad_payload()
    out = []
    for item in value:
        p = Payload(item)
        out.append(
            ScopeDefinition(
                scope=p.req_str("scope"),
                display_name=p.req_str("display_name"),
                description=p.req_str("description"),
                archived=p.def_bool("archived", False),
                category=p.def_str("category", ""),
                organization_permission=p.opt_str("organization_permission"),
                workspace_permission=p.opt_str("workspace_permission"),
            )
        )
    return out


def _blank_to_none(value: str | None) -> str | None:
    """Trim; treat empty as absent (the server's ``.map(str::trim).filter(non-empty)``)."""
    if value is None:
        return None
    return value.strip() or None


def _scope_category(raw: str) -> str:
    category = raw.strip().lower()
    if category not in ("", "personal", "organization", "workspace"):
        raise validation("scope category must be one of: personal, organization, workspace")
    return category


def _validate_scope_mapping(scope: str, d: ScopeDefinition) -> None:
    org, ws = d.organization_permission is not None, d.workspace_permission is not None
    if d.category == "" and (org or ws):
        raise validation(f"scope '{scope}' without category cannot define permission mappings")
    if d.category == "personal" and (org or ws):
        raise validation(
            f"scope '{scope}' with category 'personal' cannot define "
            "organization/workspace permissions"
        )
    if d.category == "organization" and ws:
        raise validation(
            f"scope '{scope}' with category 'organization' cannot define workspace permission"
        )
    if d.category == "workspace" and org:
        raise validation(
            f"scope '{scope}' with category 'workspace' cannot define organization permission"
        )


def normalize_scope_definitions(
    supported: list[str], given: list[ScopeDefinition] | None
) -> list[ScopeDefinition]:
    """One definition per supported scope, in that order; unknown scopes are dropped.

    Missing definitions get defaults, which is why a PATCH without ``scope_definitions``
    resets every definition (the server quirk of §4.2).
    """
    by_scope: dict[str, ScopeDefinition] = {}
    for item in given or []:
        if item.scope.strip():  # later duplicates win, like the server's BTreeMap insert
            by_scope[item.scope.strip()] = item
    out = []
    for scope in supported:
        g = by_scope.get(scope)
        if g is None:
            d = ScopeDefinition(scope, scope, f"Allows {scope} access")
        else:
            d = ScopeDefinition(
                scope=scope,
                display_name=g.display_name if g.display_name.strip() else scope,
                description=g.description if g.description.strip() else f"Allows {scope} access",
                archived=g.archived,
                category=_scope_category(g.category),
                organization_permission=_blank_to_none(g.organization_permission),
                workspace_permission=_blank_to_none(g.workspace_permission),
            )
        _validate_scope_mapping(scope, d)
        out.append(d)
    return out


def _validate_fqdn(value: str) -> None:
    if not value or len(value) > 253:
        raise validation("fqdn must be between 1 and 253 characters")
    if value.startswith(".") or value.endswith("."):
        raise validation("fqdn cannot start or end with '.'")
    if "." not in value:
        raise validation("fqdn must be a full domain name")
    for label in value.split("."):
        if not label or len(label) > 63:
            raise validation("fqdn must be between 1 and 63 characters")
        if label.startswith("-") or label.endswith("-"):
            raise validation("fqdn cannot start or end with '-'")
        if not _LABEL_RE.match(label):
            raise validation("fqdn must contain only letters, numbers, or '-'")


def _parse_url(value: str) -> tuple[str, bool] | None:
    """Approximates Rust ``url::Url::parse``: returns (lower-case scheme, has fragment)."""
    match = _SCHEME_RE.match(value)
    if match is None or any(c in value for c in " \t\r\n"):
        return None  # relative references need a base URL, which the server never gives
    scheme = match.group(1).lower()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    if scheme in ("http", "https"):
        host = parts.netloc.rpartition("@")[2]
        host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if not host or not _HOST_RE.match(host):
            return None
    return scheme, "#" in value


def _validate_uri_list(field_name: str, uris: list[str], *, required: bool) -> None:
    if required and not uris:
        raise validation(f"{field_name} must include at least one URI for authorization_code")
    for uri in uris:
        trimmed = uri.strip()
        if not trimmed:
            raise validation(f"{field_name} must not contain empty values")
        parsed = _parse_url(trimmed)
        if parsed is None:
            raise validation(f"{field_name} must contain valid URLs")
        if parsed[0] not in ("http", "https"):
            raise validation(f"{field_name} must use http or https")
        if parsed[1]:
            raise validation(f"{field_name} must not include fragments")


def _validate_optional_url(field_name: str, value: str | None) -> None:
    value = _blank_to_none(value)
    if value is None:
        return
    parsed = _parse_url(value)
    if parsed is None:
        raise validation(f"{field_name} must be a valid URL")
    if parsed[0] not in ("http", "https"):
        raise validation(f"{field_name} must use http or https")


def _validate_grant_types(grant_types: list[str]) -> None:
    if not grant_types:
        raise validation("grant_types must include at least one grant")
    has_code = False
    for grant in grant_types:
        value = grant.strip()
        if not value:
            raise validation("grant_types must not contain empty values")
        if value == "authorization_code":
            has_code = True
        elif value == "client_credentials":
            raise validation("client_credentials is disabled for now")
        elif value != "refresh_token":
            raise validation(
                f"unsupported grant_type: {value}. "
                "supported values: authorization_code, refresh_token"
            )
    if not has_code:
        raise validation("authorization_code grant is required")


def _validate_jwks_uri(value: str) -> None:
    parsed = _parse_url(value.strip())
    if parsed is None:
        raise validation("jwks_uri must be a valid URL")
    if parsed[0] != "https":
        raise validation("jwks_uri must use https")


def _validate_jwks(jwks: JsonDict) -> None:
    if not jwks["keys"]:
        raise validation("jwks.keys must include at least one key")
    if any(key["k"] is not None for key in jwks["keys"]):
        raise validation("jwks for private_key_jwt must contain public keys, not symmetric secrets")


def parse_jwks(value: Any) -> JsonDict:
    """Deserialize a ``JwksDocument`` into its output form (all Jwk fields, absent = null)."""
    doc = Payload(value)
    keys = doc.raw.get("keys", _ABSENT)
    if not isinstance(keys, list):
        raise bad_payload()
    out = []
    for raw_key in keys:
        p = Payload(raw_key)
        key: JsonDict = {}
        for name in JWK_FIELDS:
            if name == "kty":
                key[name] = p.req_str(name)
            elif name in JWK_LIST_FIELDS:
                key[name] = p.opt_str_list(name)
            else:
                key[name] = p.opt_str(name)
        out.append(key)
    return {"keys": out}


def _pem_jwks(pem: str) -> JsonDict:
    """How the server stores a bare ``public_key_pem``: a one-key JWKS with kty "PEM"."""
    key: JsonDict = dict.fromkeys(JWK_FIELDS)
    key["kty"] = "PEM"
    key["public_key_pem"] = pem
    return {"keys": [key]}


def _check_token_settings(p: Payload) -> None:
    """The use-case layer's checks on the OIDC/token fields (before the command runs)."""
    alg = p.opt_str("id_token_signing_alg")
    if alg is not None and alg.strip() != "RS256":
        raise validation(
            f"id_token_signing_alg `{alg}` is not supported. Only RS256 is currently supported."
        )
    fmt = p.opt_str("access_token_format")
    if fmt is not None and fmt not in ("opaque", "jwt"):
        raise validation("access_token_format must be 'opaque' or 'jwt'")
    ttl = p.opt_i32("access_token_ttl_seconds")
    if ttl is not None and not 60 <= ttl <= 86400:
        raise validation("access_token_ttl_seconds must be between 60 and 86400")


_METADATA_FIELDS = (
    "client_name",
    "client_uri",
    "logo_uri",
    "tos_uri",
    "policy_uri",
    "software_id",
    "software_version",
)


@dataclass
class _ClientInput:
    """A create/update client body after the 422 type checks."""

    p: Payload
    method: str | None
    grant_types: list[str] | None
    redirect_uris: list[str] | None
    post_logout: list[str] | None
    jwks: JsonDict | None

    @classmethod
    def parse(cls, body: Any, *, create: bool) -> _ClientInput:
        p = Payload(body)
        # Type-check every field now: axum rejects a bad body (422) before any lookup runs.
        for name in (
            *_METADATA_FIELDS,
            "token_endpoint_auth_signing_alg",
            "jwks_uri",
            "public_key_pem",
            "id_token_signing_alg",
            "access_token_format",
        ):
            p.opt_str(name)
        p.opt_str_list("contacts")
        p.opt_i32("access_token_ttl_seconds")
        p.opt_bool("skip_consent")
        jwks = p.raw.get("jwks")
        if create:
            return cls(
                p,
                p.req_str("client_auth_method"),
                p.req_str_list("grant_types"),
                p.def_str_list("redirect_uris"),
                p.def_str_list("post_logout_redirect_uris"),
                None if jwks is None else parse_jwks(jwks),
            )
        return cls(
            p,
            p.opt_str("client_auth_method"),
            p.opt_str_list("grant_types"),
            p.opt_str_list("redirect_uris"),
            p.opt_str_list("post_logout_redirect_uris"),
            None if jwks is None else parse_jwks(jwks),
        )


# --------------------------------------------------------------------------- the state
class State:
    """All deployments plus the seeded RNG, id counter and 1-second-per-event clock.

    Not thread-safe by itself; the ``Emulator`` holds one lock around every call.
    """

    def __init__(
        self,
        seed: int,
        *,
        organization_permissions: Sequence[str] = (),
        workspace_permissions: Sequence[str] = (),
        grants_per_client: int = 0,
    ) -> None:
        self.rng = random.Random(seed)
        self._last_id = ID_BASE
        self._ticks = 0
        self.deployments: dict[str, Deployment] = {}
        # What every deployment starts with: its B2B settings, and the grants the consent flow
        # would create for each new client (there is no create-grant API to make them).
        self._organization_permissions = list(organization_permissions)
        self._workspace_permissions = list(workspace_permissions)
        self._grants_per_client = grants_per_client

    # -- determinism primitives
    def _tick(self) -> str:
        """Advance the clock by exactly one second per state-changing event."""
        self._ticks += 1
        return format_time(EPOCH + timedelta(seconds=self._ticks))

    def _new_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def _b64(self, size: int) -> str:
        return base64.urlsafe_b64encode(self.rng.randbytes(size)).rstrip(b"=").decode()

    def _new_signing_key(self) -> SigningKey:
        kid = self.rng.randbytes(16).hex()
        modulus = bytearray(self.rng.randbytes(256))
        modulus[0] |= 0x80  # a full 2048-bit, odd modulus
        modulus[-1] |= 1
        der = _SPKI_PREFIX + bytes(modulus) + bytes.fromhex("0203010001")
        b64 = base64.b64encode(der).decode()
        lines = "\n".join(b64[i : i + 64] for i in range(0, len(b64), 64))
        return SigningKey(kid, f"-----BEGIN PUBLIC KEY-----\n{lines}\n-----END PUBLIC KEY-----\n")

    # -- lookups
    def deployment(self, deployment_id: str) -> Deployment:
        deployment = self.deployments.get(deployment_id)
        if deployment is None:
            deployment = self.deployments[deployment_id] = Deployment(
                organization_permissions=list(self._organization_permissions),
                workspace_permissions=list(self._workspace_permissions),
            )
        return deployment

    def _app(self, deployment_id: str, slug: str) -> App:
        app = self.deployment(deployment_id).apps.get(slug)
        if app is None:
            raise not_found("OAuth app not found")
        return app

    def _client(self, deployment_id: str, app: App, client_id: int) -> Client:
        client = self.deployment(deployment_id).clients.get(client_id)
        if client is None or client.app_id != app.id:
            raise not_found("OAuth client not found")
        return client

    # -- apps
    def list_apps(self, d: str) -> JsonDict:
        apps = sorted(self.deployment(d).apps.values(), key=lambda a: a.id, reverse=True)
        return {"apps": [a.to_json() for a in apps]}

    def create_app(self, d: str, parts: list[FormPart]) -> JsonDict:
        slug = name = description = fqdn = logo_ext = None
        scopes: list[str] = []
        definitions: list[ScopeDefinition] | None = None
        allow_dcr = False
        for part in parts:  # same field-by-field parse as parse_create_oauth_app_input
            if part.name == "slug":
                slug = part.optional_text_trimmed()
            elif part.name == "name":
                name = part.optional_text_trimmed()
            elif part.name == "description":
                description = part.optional_text_trimmed()
            elif part.name in ("fqdn", "domain"):
                fqdn = part.optional_text_trimmed()
            elif part.name == "supported_scopes":
                scopes = [s.strip() for s in part.text().split(",") if s.strip()]
            elif part.name == "scope_definitions":
                definitions = _parse_definitions_text(part.text())
            elif part.name == "allow_dynamic_client_registration":
                allow_dcr = part.text().strip().lower() in ("1", "true", "yes", "on")
            elif part.name == "logo":
                ext = _image_extension(part.content_type)
                if ext is not None and part.data:
                    logo_ext = ext
        if slug is None:
            raise validation("slug is required")
        if name is None:
            raise validation("name is required")
        dep = self.deployment(d)
        production = dep.mode.lower() == "production"
        if production:
            if fqdn is None:
                raise validation("fqdn is required for production")
            _validate_fqdn(fqdn)
            fqdn = fqdn.lower()
        supported = normalize_supported_scopes(scopes)
        normalized = normalize_scope_definitions(supported, definitions)
        if slug in dep.apps:  # the DB unique index on (deployment_id, slug)
            raise ApiError(409, "Resource already exists")
        now = self._tick()
        if not production:  # non-production ignores the given fqdn entirely
            fqdn = "".join(self.rng.choice(_ALNUM) for _ in range(16)) + ".oapi.trywacht.xyz"
        assert fqdn is not None
        logo_url = None
        if logo_ext is not None:
            logo_url = f"{CDN_BASE}/deployments/{d}/oauth-apps/{slug}/logo.{logo_ext}"
        app = App(
            self._new_id(),
            slug,
            name,
            description,
            logo_url,
            fqdn,
            supported,
            normalized,
            allow_dcr,
            now,
            now,
        )
        app.keys.append(self._new_signing_key())  # the initial OIDC key, provisioned on create
        dep.apps[slug] = app
        return app.to_json()

    def update_app(self, d: str, slug: str, body: Any) -> JsonDict:
        p = Payload(body)
        name, description = p.opt_str("name"), p.opt_str("description")
        scopes = p.opt_str_list("supported_scopes")
        raw_defs = p.raw.get("scope_definitions")
        definitions = None if raw_defs is None else parse_scope_definitions(raw_defs)
        allow_dcr, is_active = (
            p.opt_bool("allow_dynamic_client_registration"),
            p.opt_bool("is_active"),
        )
        app = self._app(d, slug)
        supported = normalize_supported_scopes(app.supported_scopes if scopes is None else scopes)
        # The quirk: definitions are always recomputed, so omitting them resets to defaults.
        app.scope_definitions = normalize_scope_definitions(supported, definitions)
        app.supported_scopes = supported
        app.name = app.name if name is None else name
        app.description = app.description if description is None else description
        if allow_dcr is not None:
            app.allow_dynamic_client_registration = allow_dcr
        if is_active is not None:
            app.is_active = is_active
        app.updated_at = self._tick()
        return app.to_json()

    def verify_domain(self, d: str, slug: str) -> JsonDict:
        app = self._app(d, slug)
        # Cloudflare never knows the emulator's hosts, so this is always unverified.
        return {"domain": app.fqdn, "cname_target": CNAME_TARGET, "verified": False}

    # -- scopes
    def _edit_scope(
        self, d: str, slug: str, scope: str
    ) -> tuple[list[ScopeDefinition], ScopeDefinition]:
        """Copies of the app's definitions plus the one to edit (copy-on-write, so a
        rejected edit leaves the state untouched)."""
        scope = _required_scope(scope)
        definitions = [ScopeDefinition(**vars(x)) for x in self._app(d, slug).scope_definitions]
        for definition in definitions:
            if definition.scope == scope:
                return definitions, definition
        raise not_found("scope definition not found")

    def _persist_scopes(self, d: str, slug: str, definitions: list[ScopeDefinition]) -> JsonDict:
        """Scope edits go through the app update command, which re-normalises everything."""
        app = self._app(d, slug)
        app.scope_definitions = normalize_scope_definitions(app.supported_scopes, definitions)
        app.updated_at = self._tick()
        return app.to_json()

    def update_scope(self, d: str, slug: str, scope: str, body: Any) -> JsonDict:
        p = Payload(body)
        display_name, description = p.opt_str("display_name"), p.opt_str("description")
        definitions, edited = self._edit_scope(d, slug, scope)
        if display_name is not None:
            edited.display_name = display_name.strip()
        if description is not None:
            edited.description = description.strip()
        return self._persist_scopes(d, slug, definitions)

    def set_scope_archived(self, d: str, slug: str, scope: str, archived: bool) -> JsonDict:
        definitions, edited = self._edit_scope(d, slug, scope)
        edited.archived = archived
        return self._persist_scopes(d, slug, definitions)

    def set_scope_mapping(self, d: str, slug: str, scope: str, body: Any) -> JsonDict:
        p = Payload(body)
        raw_category = p.req_str("category")
        org = _blank_to_none(p.opt_str("organization_permission"))
        ws = _blank_to_none(p.opt_str("workspace_permission"))
        scope = _required_scope(scope)
        category = raw_category.strip().lower()
        if category not in ("personal", "organization", "workspace"):
            raise validation("category must be personal, organization, or workspace")
        if category == "personal" and (org or ws):
            raise validation("personal category cannot map organization/workspace permissions")
        if category == "organization" and ws:
            raise validation("organization category cannot map workspace permission")
        if category == "workspace" and org:
            raise validation("workspace category cannot map organization permission")
        dep = self.deployment(d)
        if org is not None and org not in dep.organization_permissions:
            raise validation(
                f"organization permission '{org}' is not configured in deployment B2B settings"
            )
        if ws is not None and ws not in dep.workspace_permissions:
            raise validation(
                f"workspace permission '{ws}' is not configured in deployment B2B settings"
            )
        definitions, target = self._edit_scope(d, slug, scope)
        if target.category.strip() and target.category != category:
            raise validation("scope category is immutable once set")
        if target.organization_permission is not None and target.organization_permission != org:
            raise validation("organization permission is immutable once set")
        if target.workspace_permission is not None and target.workspace_permission != ws:
            raise validation("workspace permission is immutable once set")
        target.category, target.organization_permission, target.workspace_permission = (
            category,
            org,
            ws,
        )
        return self._persist_scopes(d, slug, definitions)

    # -- clients
    def list_clients(self, d: str, slug: str) -> JsonDict:
        app = self._app(d, slug)
        clients = [c for c in self.deployment(d).clients.values() if c.app_id == app.id]
        clients.sort(key=lambda c: c.id, reverse=True)
        return {"clients": [c.to_json() for c in clients]}

    def create_client(self, d: str, slug: str, body: Any) -> JsonDict:
        req = _ClientInput.parse(body, create=True)
        p = req.p
        assert req.method is not None and req.grant_types is not None
        assert req.redirect_uris is not None and req.post_logout is not None
        app = self._app(d, slug)
        _check_token_settings(p)
        # CreateOAuthClientCommand::validate, in its order.
        _validate_grant_types(req.grant_types)
        if req.method not in AUTH_METHODS:
            raise validation(f"unsupported client_auth_method: {req.method}")
        jwks_uri, pem = p.opt_str("jwks_uri"), p.opt_str("public_key_pem")
        has = [
            _blank_to_none(jwks_uri) is not None,
            req.jwks is not None,
            _blank_to_none(pem) is not None,
        ]
        if req.method == "private_key_jwt":
            if sum(has) != 1:
                raise validation(
                    "private_key_jwt requires exactly one of jwks_uri, jwks, or public_key_pem"
                )
            if jwks_uri is not None:  # even a blank one is parsed here, as on the server
                _validate_jwks_uri(jwks_uri)
            if req.jwks is not None:
                _validate_jwks(req.jwks)
        elif any(has):
            raise validation(
                "jwks_uri/jwks/public_key_pem are only allowed when "
                "client_auth_method is private_key_jwt"
            )
        for name in ("client_uri", "logo_uri", "tos_uri", "policy_uri"):
            _validate_optional_url(name, p.opt_str(name))
        _validate_uri_list(
            "redirect_uris", req.redirect_uris, required="authorization_code" in req.grant_types
        )
        _validate_uri_list("post_logout_redirect_uris", req.post_logout, required=False)

        now = self._tick()
        client = Client(
            self._new_id(),
            app.id,
            "oc_" + self._b64(24),
            req.method,
            list(req.grant_types),
            list(req.redirect_uris),
            now,
            now,
        )
        if req.method in SECRET_METHODS:
            client.secret = "oc_secret_" + self._b64(32)
        for name in _METADATA_FIELDS:
            setattr(client, name, _blank_to_none(p.opt_str(name)))
        client.contacts = p.opt_str_list("contacts") or []
        client.token_endpoint_auth_signing_alg = _blank_to_none(
            p.opt_str("token_endpoint_auth_signing_alg")
        )
        client.jwks_uri = _blank_to_none(jwks_uri)
        pem = _blank_to_none(pem)
        client.jwks = _pem_jwks(pem) if pem is not None else req.jwks
        client.post_logout_redirect_uris = list(req.post_logout)
        client.id_token_signing_alg = _blank_to_none(p.opt_str("id_token_signing_alg")) or "RS256"
        client.access_token_format = p.opt_str("access_token_format") or "opaque"
        ttl = p.opt_i32("access_token_ttl_seconds")
        client.access_token_ttl_seconds = 3600 if ttl is None else ttl
        client.skip_consent = bool(p.opt_bool("skip_consent"))
        self.deployment(d).clients[client.id] = client
        for n in range(1, self._grants_per_client + 1):
            self.add_grant(
                d,
                slug,
                client.id,
                scopes=list(app.supported_scopes),
                resource=f"urn:wacht:user:{n}",
                status="active",
                granted_by_user_id=n,
                expires_at=None,
                api_auth_app_slug=None,
            )
        return client.to_json(with_secret=True)

    def update_client(self, d: str, slug: str, client_id: int, body: Any) -> JsonDict:
        req = _ClientInput.parse(body, create=False)
        p = req.p
        app = self._app(d, slug)
        client = self._client(d, app, client_id)
        _check_token_settings(p)
        if req.grant_types is not None:
            _validate_grant_types(req.grant_types)
        if not client.is_active:
            raise not_found("OAuth client not found or inactive")
        method = client.client_auth_method if req.method is None else req.method
        if method not in AUTH_METHODS:
            raise validation(f"unsupported client_auth_method: {method}")
        grant_types = client.grant_types if req.grant_types is None else req.grant_types
        redirect_uris = client.redirect_uris if req.redirect_uris is None else req.redirect_uris
        _validate_uri_list(
            "redirect_uris", redirect_uris, required="authorization_code" in grant_types
        )
        if req.post_logout is not None:
            _validate_uri_list("post_logout_redirect_uris", req.post_logout, required=False)
        jwks_uri = _blank_to_none(p.opt_str("jwks_uri"))
        pem = _blank_to_none(p.opt_str("public_key_pem"))
        count = sum([jwks_uri is not None, req.jwks is not None, pem is not None])
        if method == "private_key_jwt":
            if count > 1:
                raise validation(
                    "private_key_jwt accepts only one of jwks_uri, jwks, or "
                    "public_key_pem per update"
                )
            if count == 0 and client.jwks_uri is None and client.jwks is None:
                raise validation("private_key_jwt requires existing or new key material")
            if jwks_uri is not None:
                _validate_jwks_uri(jwks_uri)
            if req.jwks is not None:
                _validate_jwks(req.jwks)
        elif count:
            raise validation(
                "jwks_uri/jwks/public_key_pem are only allowed when "
                "client_auth_method is private_key_jwt"
            )

        # Absent/null keeps; "" clears the metadata fields; lists replace; keys can't clear.
        client.client_auth_method = method
        client.grant_types = list(grant_types)
        client.redirect_uris = list(redirect_uris)
        for name in _METADATA_FIELDS:
            value = p.opt_str(name)
            if value is not None:
                setattr(client, name, value.strip() or None)
        contacts = p.opt_str_list("contacts")
        if contacts is not None:
            client.contacts = list(contacts)
        alg = _blank_to_none(p.opt_str("token_endpoint_auth_signing_alg"))
        if alg is not None:
            client.token_endpoint_auth_signing_alg = alg
        if jwks_uri is not None:
            client.jwks_uri = jwks_uri
        new_jwks = _pem_jwks(pem) if pem is not None else req.jwks
        if new_jwks is not None:
            client.jwks = new_jwks
        if req.post_logout is not None:
            client.post_logout_redirect_uris = list(req.post_logout)
        id_alg = _blank_to_none(p.opt_str("id_token_signing_alg"))
        if id_alg is not None:
            client.id_token_signing_alg = id_alg
        fmt, ttl, skip = (
            p.opt_str("access_token_format"),
            p.opt_i32("access_token_ttl_seconds"),
            p.opt_bool("skip_consent"),
        )
        if fmt is not None:
            client.access_token_format = fmt
        if ttl is not None:
            client.access_token_ttl_seconds = ttl
        if skip is not None:
            client.skip_consent = skip
        client.updated_at = self._tick()
        return client.to_json()

    def deactivate_client(self, d: str, slug: str, client_id: int) -> None:
        client = self._client(d, self._app(d, slug), client_id)
        if not client.is_active:  # not idempotent on the server
            raise not_found("OAuth client not found or already inactive")
        client.is_active = False
        client.updated_at = self._tick()

    def rotate_client_secret(self, d: str, slug: str, client_id: int) -> JsonDict:
        client = self._client(d, self._app(d, slug), client_id)
        if not client.is_active:
            raise not_found("OAuth client not found or inactive")
        if client.client_auth_method not in SECRET_METHODS:
            raise validation("client_secret rotation is not supported for this auth method")
        client.secret = "oc_secret_" + self._b64(32)
        client.updated_at = self._tick()
        return {"client_secret": client.secret}

    # -- grants
    def list_grants(self, d: str, slug: str, client_id: int) -> JsonDict:
        self._client(d, self._app(d, slug), client_id)
        grants = [g for g in self.deployment(d).grants.values() if g.client_id == client_id]
        grants.sort(key=lambda g: g.id, reverse=True)
        return {"grants": [g.to_json() for g in grants]}

    def revoke_grant(self, d: str, slug: str, client_id: int, grant_id: int) -> JsonDict:
        self._client(d, self._app(d, slug), client_id)
        grant = self.deployment(d).grants.get(grant_id)
        # Silent and idempotent: only an active grant of this client changes.
        if grant is not None and grant.client_id == client_id and grant.status == "active":
            now = self._tick()
            grant.status, grant.revoked_at, grant.updated_at = "revoked", now, now
        return {}

    def add_grant(
        self,
        d: str,
        slug: str,
        client_id: int,
        *,
        scopes: list[str],
        resource: str,
        status: str,
        granted_by_user_id: int | None,
        expires_at: datetime | None,
        api_auth_app_slug: str | None,
    ) -> JsonDict:
        """Test hook standing in for the runtime consent flow (there is no create-grant API)."""
        if status not in GRANT_STATUSES:
            raise ValueError(f"status must be one of {GRANT_STATUSES}")
        try:
            self._client(d, self._app(d, slug), client_id)
        except ApiError as exc:
            raise ValueError(exc.message) from None
        now = self._tick()
        grant = Grant(
            self._new_id(),
            api_auth_app_slug or slug,
            client_id,
            resource,
            list(scopes),
            status,
            now,
            now,
            now,
            expires_at=None if expires_at is None else format_time(expires_at),
            revoked_at=now if status == "revoked" else None,
            granted_by_user_id=granted_by_user_id,
        )
        self.deployment(d).grants[grant.id] = grant
        return grant.to_json()

    # -- signing keys
    def list_signing_keys(self, d: str, slug: str) -> JsonDict:
        keys = [k for k in reversed(self._app(d, slug).keys) if k.status != "compromised"]
        return {"keys": [k.to_json() for k in keys]}

    def rotate_signing_key(self, d: str, slug: str) -> JsonDict:
        app = self._app(d, slug)
        for key in app.keys:
            if key.status == "active":
                key.status = "retired"
        self._tick()
        key = self._new_signing_key()
        app.keys.append(key)
        return {"new": key.to_json()}

    def compromise_signing_key(self, d: str, slug: str, kid: str) -> None:
        for key in self._app(d, slug).keys:
            if key.kid == kid and key.status != "compromised":
                key.status = "compromised"
                self._tick()
                return
        raise not_found(f"no signing key with kid '{kid}' for this app")


def _required_scope(scope: str) -> str:
    scope = scope.strip()
    if not scope:
        raise validation("scope is required")
    return scope


def _image_extension(content_type: str | None) -> str | None:
    """``MultipartField::image_extension``: non-image parts are ignored, odd images rejected."""
    value = (content_type or "").strip().lower()
    if not value.startswith("image/"):
        return None
    if value not in LOGO_EXTENSIONS:
        raise validation("Unsupported image format. Supported formats: JPEG, PNG, GIF, WEBP, ICO")
    return LOGO_EXTENSIONS[value]


def _parse_definitions_text(text: str) -> list[ScopeDefinition]:
    try:
        return parse_scope_definitions(loads_strict(text))
    except (ValueError, ApiError):  # syntax and shape errors alike, as serde_json::from_str
        raise validation("scope_definitions must be valid JSON array") from None
