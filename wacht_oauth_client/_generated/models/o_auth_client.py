from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.jwks_document import JwksDocument


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
        from ..models.jwks_document import JwksDocument  # noqa: PLC0415

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
        from ..models.jwks_document import JwksDocument  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        oauth_app_id = d.pop("oauth_app_id")

        client_id = d.pop("client_id")

        client_auth_method = d.pop("client_auth_method")

        grant_types = cast(list[str], d.pop("grant_types"))

        redirect_uris = cast(list[str], d.pop("redirect_uris"))

        def _parse_client_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_name = _parse_client_name(d.pop("client_name"))

        def _parse_client_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_uri = _parse_client_uri(d.pop("client_uri"))

        def _parse_logo_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo_uri = _parse_logo_uri(d.pop("logo_uri"))

        def _parse_tos_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tos_uri = _parse_tos_uri(d.pop("tos_uri"))

        def _parse_policy_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        policy_uri = _parse_policy_uri(d.pop("policy_uri"))

        contacts = cast(list[str], d.pop("contacts"))

        def _parse_software_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        software_id = _parse_software_id(d.pop("software_id"))

        def _parse_software_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        software_version = _parse_software_version(d.pop("software_version"))

        def _parse_token_endpoint_auth_signing_alg(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token_endpoint_auth_signing_alg = _parse_token_endpoint_auth_signing_alg(
            d.pop("token_endpoint_auth_signing_alg")
        )

        def _parse_jwks_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        jwks_uri = _parse_jwks_uri(d.pop("jwks_uri"))

        def _parse_jwks(data: object) -> JwksDocument | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                jwks_type_0 = JwksDocument.from_dict(data)

                return jwks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JwksDocument | None, data)

        jwks = _parse_jwks(d.pop("jwks"))

        def _parse_public_key_pem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_key_pem = _parse_public_key_pem(d.pop("public_key_pem"))

        is_active = d.pop("is_active")

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris"))

        id_token_signing_alg = d.pop("id_token_signing_alg")

        access_token_format = d.pop("access_token_format")

        access_token_ttl_seconds = d.pop("access_token_ttl_seconds")

        skip_consent = d.pop("skip_consent")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        client_secret = d.pop("client_secret", UNSET)

        o_auth_client = cls(
            id=id,
            oauth_app_id=oauth_app_id,
            client_id=client_id,
            client_auth_method=client_auth_method,
            grant_types=grant_types,
            redirect_uris=redirect_uris,
            client_name=client_name,
            client_uri=client_uri,
            logo_uri=logo_uri,
            tos_uri=tos_uri,
            policy_uri=policy_uri,
            contacts=contacts,
            software_id=software_id,
            software_version=software_version,
            token_endpoint_auth_signing_alg=token_endpoint_auth_signing_alg,
            jwks_uri=jwks_uri,
            jwks=jwks,
            public_key_pem=public_key_pem,
            is_active=is_active,
            post_logout_redirect_uris=post_logout_redirect_uris,
            id_token_signing_alg=id_token_signing_alg,
            access_token_format=access_token_format,
            access_token_ttl_seconds=access_token_ttl_seconds,
            skip_consent=skip_consent,
            created_at=created_at,
            updated_at=updated_at,
            client_secret=client_secret,
        )

        o_auth_client.additional_properties = d
        return o_auth_client

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
