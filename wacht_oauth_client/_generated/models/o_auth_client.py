from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="OAuthClient")


@_attrs_define
class OAuthClient:
    """
    Attributes:
        id (str): An int64 id serialized as a JSON string (values exceed 2^53).
        oauth_app_id (str): An int64 id serialized as a JSON string (values exceed 2^53).
        client_id (str): The public OAuth client_id (oc_...).
        client_auth_method (str): A ClientAuthMethod value. Open, so a method added by the server still parses.
        grant_types (list[str]):
        redirect_uris (list[str]):
        client_name (None | str):
        client_uri (None | str):
        logo_uri (None | str):
        tos_uri (None | str):
        policy_uri (None | str):
        contacts (list[str]):
        software_id (None | str):
        software_version (None | str):
        token_endpoint_auth_signing_alg (None | str):
        jwks_uri (None | str):
        jwks (JwksDocument | None):
        public_key_pem (None | str):
        is_active (bool):
        post_logout_redirect_uris (list[str]):
        id_token_signing_alg (str):
        access_token_format (str): An AccessTokenFormat value (opaque or jwt). Open.
        access_token_ttl_seconds (int):
        skip_consent (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        client_secret (str | Unset): Present only in the create response for secret-based auth methods.
    """

    id: str
    oauth_app_id: str
    client_id: str
    client_auth_method: str
    grant_types: list[str]
    redirect_uris: list[str]
    client_name: None | str
    client_uri: None | str
    logo_uri: None | str
    tos_uri: None | str
    policy_uri: None | str
    contacts: list[str]
    software_id: None | str
    software_version: None | str
    token_endpoint_auth_signing_alg: None | str
    jwks_uri: None | str
    jwks: JwksDocument | None
    public_key_pem: None | str
    is_active: bool
    post_logout_redirect_uris: list[str]
    id_token_signing_alg: str
    access_token_format: str
    access_token_ttl_seconds: int
    skip_consent: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    client_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        oauth_app_id = self.oauth_app_id

        client_id = self.client_id

        client_auth_method = self.client_auth_method

        grant_types = self.grant_types

        redirect_uris = self.redirect_uris

        client_name: None | str
        client_name = self.client_name

        client_uri: None | str
        client_uri = self.client_uri

        logo_uri: None | str
        logo_uri = self.logo_uri

        tos_uri: None | str
        tos_uri = self.tos_uri

        policy_uri: None | str
        policy_uri = self.policy_uri

        contacts = self.contacts

        software_id: None | str
        software_id = self.software_id

        software_version: None | str
        software_version = self.software_version

        token_endpoint_auth_signing_alg: None | str
        token_endpoint_auth_signing_alg = self.token_endpoint_auth_signing_alg

        jwks_uri: None | str
        jwks_uri = self.jwks_uri

        jwks: dict[str, Any] | None
        if isinstance(self.jwks, JwksDocument):
            jwks = self.jwks.to_dict()
        else:
            jwks = self.jwks

        public_key_pem: None | str
        public_key_pem = self.public_key_pem

        is_active = self.is_active

        post_logout_redirect_uris = self.post_logout_redirect_uris

        id_token_signing_alg = self.id_token_signing_alg

        access_token_format = self.access_token_format

        access_token_ttl_seconds = self.access_token_ttl_seconds

        skip_consent = self.skip_consent

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "oauth_app_id": oauth_app_id,
                "client_id": client_id,
                "client_auth_method": client_auth_method,
                "grant_types": grant_types,
                "redirect_uris": redirect_uris,
                "client_name": client_name,
                "client_uri": client_uri,
                "logo_uri": logo_uri,
                "tos_uri": tos_uri,
                "policy_uri": policy_uri,
                "contacts": contacts,
                "software_id": software_id,
                "software_version": software_version,
                "token_endpoint_auth_signing_alg": token_endpoint_auth_signing_alg,
                "jwks_uri": jwks_uri,
                "jwks": jwks,
                "public_key_pem": public_key_pem,
                "is_active": is_active,
                "post_logout_redirect_uris": post_logout_redirect_uris,
                "id_token_signing_alg": id_token_signing_alg,
                "access_token_format": access_token_format,
                "access_token_ttl_seconds": access_token_ttl_seconds,
                "skip_consent": skip_consent,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        oauth_app_id = src_dict["oauth_app_id"]

        client_id = src_dict["client_id"]

        client_auth_method = src_dict["client_auth_method"]

        grant_types = src_dict["grant_types"]

        redirect_uris = src_dict["redirect_uris"]

        client_name = src_dict["client_name"]

        client_uri = src_dict["client_uri"]

        logo_uri = src_dict["logo_uri"]

        tos_uri = src_dict["tos_uri"]

        policy_uri = src_dict["policy_uri"]

        contacts = src_dict["contacts"]

        software_id = src_dict["software_id"]

        software_version = src_dict["software_version"]

        token_endpoint_auth_signing_alg = src_dict["token_endpoint_auth_signing_alg"]

        jwks_uri = src_dict["jwks_uri"]

        jwks = src_dict["jwks"]
        if jwks is not None:
            try:
                if not isinstance(jwks, dict):
                    raise TypeError()
                jwks_type_0 = JwksDocument.from_dict(jwks)

                jwks = jwks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        public_key_pem = src_dict["public_key_pem"]

        is_active = src_dict["is_active"]

        post_logout_redirect_uris = src_dict["post_logout_redirect_uris"]

        id_token_signing_alg = src_dict["id_token_signing_alg"]

        access_token_format = src_dict["access_token_format"]

        access_token_ttl_seconds = src_dict["access_token_ttl_seconds"]

        skip_consent = src_dict["skip_consent"]

        created_at = _fromisoformat(src_dict["created_at"])

        updated_at = _fromisoformat(src_dict["updated_at"])

        client_secret = src_dict.get("client_secret", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        o_auth_client = cls(
            id,
            oauth_app_id,
            client_id,
            client_auth_method,
            grant_types,
            redirect_uris,
            client_name,
            client_uri,
            logo_uri,
            tos_uri,
            policy_uri,
            contacts,
            software_id,
            software_version,
            token_endpoint_auth_signing_alg,
            jwks_uri,
            jwks,
            public_key_pem,
            is_active,
            post_logout_redirect_uris,
            id_token_signing_alg,
            access_token_format,
            access_token_ttl_seconds,
            skip_consent,
            created_at,
            updated_at,
            client_secret,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 26 + ("client_secret" in src_dict):
            o_auth_client.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return o_auth_client

    def __repr__(self) -> str:
        return safe_repr(self)

    def __rich_repr__(self) -> Iterator[tuple[str, Any]]:
        return safe_rich_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_PROPERTY_NAMES = frozenset(
    {
        "id",
        "oauth_app_id",
        "client_id",
        "client_auth_method",
        "grant_types",
        "redirect_uris",
        "client_name",
        "client_uri",
        "logo_uri",
        "tos_uri",
        "policy_uri",
        "contacts",
        "software_id",
        "software_version",
        "token_endpoint_auth_signing_alg",
        "jwks_uri",
        "jwks",
        "public_key_pem",
        "is_active",
        "post_logout_redirect_uris",
        "id_token_signing_alg",
        "access_token_format",
        "access_token_ttl_seconds",
        "skip_consent",
        "created_at",
        "updated_at",
        "client_secret",
    }
)

# Imported last: model modules may import each other, and by now this module's class exists.
from ..models.jwks_document import JwksDocument
