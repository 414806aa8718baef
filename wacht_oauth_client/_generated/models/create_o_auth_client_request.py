from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

T = TypeVar("T", bound="CreateOAuthClientRequest")


@_attrs_define
class CreateOAuthClientRequest:
    """
    Attributes:
        client_auth_method (str): client_secret_basic, client_secret_post, client_secret_jwt, none or private_key_jwt.
        grant_types (list[str]): Must include authorization_code; refresh_token is the only other value.
        redirect_uris (list[str] | Unset):
        client_name (None | str | Unset):
        client_uri (None | str | Unset):
        logo_uri (None | str | Unset):
        tos_uri (None | str | Unset):
        policy_uri (None | str | Unset):
        contacts (list[str] | None | Unset):
        software_id (None | str | Unset):
        software_version (None | str | Unset):
        token_endpoint_auth_signing_alg (None | str | Unset):
        jwks_uri (None | str | Unset):
        jwks (JwksDocument | None | Unset):
        public_key_pem (None | str | Unset):
        post_logout_redirect_uris (list[str] | Unset):
        id_token_signing_alg (None | str | Unset):
        access_token_format (None | str | Unset):
        access_token_ttl_seconds (int | None | Unset):
        skip_consent (bool | None | Unset):
    """

    client_auth_method: str
    grant_types: list[str]
    redirect_uris: list[str] | Unset = UNSET
    client_name: None | str | Unset = UNSET
    client_uri: None | str | Unset = UNSET
    logo_uri: None | str | Unset = UNSET
    tos_uri: None | str | Unset = UNSET
    policy_uri: None | str | Unset = UNSET
    contacts: list[str] | None | Unset = UNSET
    software_id: None | str | Unset = UNSET
    software_version: None | str | Unset = UNSET
    token_endpoint_auth_signing_alg: None | str | Unset = UNSET
    jwks_uri: None | str | Unset = UNSET
    jwks: JwksDocument | None | Unset = UNSET
    public_key_pem: None | str | Unset = UNSET
    post_logout_redirect_uris: list[str] | Unset = UNSET
    id_token_signing_alg: None | str | Unset = UNSET
    access_token_format: None | str | Unset = UNSET
    access_token_ttl_seconds: int | None | Unset = UNSET
    skip_consent: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_auth_method = self.client_auth_method

        grant_types = self.grant_types

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        client_name: None | str | Unset
        if isinstance(self.client_name, Unset):
            client_name = UNSET
        else:
            client_name = self.client_name

        client_uri: None | str | Unset
        if isinstance(self.client_uri, Unset):
            client_uri = UNSET
        else:
            client_uri = self.client_uri

        logo_uri: None | str | Unset
        if isinstance(self.logo_uri, Unset):
            logo_uri = UNSET
        else:
            logo_uri = self.logo_uri

        tos_uri: None | str | Unset
        if isinstance(self.tos_uri, Unset):
            tos_uri = UNSET
        else:
            tos_uri = self.tos_uri

        policy_uri: None | str | Unset
        if isinstance(self.policy_uri, Unset):
            policy_uri = UNSET
        else:
            policy_uri = self.policy_uri

        contacts: list[str] | None | Unset
        if isinstance(self.contacts, Unset):
            contacts = UNSET
        elif isinstance(self.contacts, list):
            contacts = self.contacts

        else:
            contacts = self.contacts

        software_id: None | str | Unset
        if isinstance(self.software_id, Unset):
            software_id = UNSET
        else:
            software_id = self.software_id

        software_version: None | str | Unset
        if isinstance(self.software_version, Unset):
            software_version = UNSET
        else:
            software_version = self.software_version

        token_endpoint_auth_signing_alg: None | str | Unset
        if isinstance(self.token_endpoint_auth_signing_alg, Unset):
            token_endpoint_auth_signing_alg = UNSET
        else:
            token_endpoint_auth_signing_alg = self.token_endpoint_auth_signing_alg

        jwks_uri: None | str | Unset
        if isinstance(self.jwks_uri, Unset):
            jwks_uri = UNSET
        else:
            jwks_uri = self.jwks_uri

        jwks: dict[str, Any] | None | Unset
        if isinstance(self.jwks, Unset):
            jwks = UNSET
        elif isinstance(self.jwks, JwksDocument):
            jwks = self.jwks.to_dict()
        else:
            jwks = self.jwks

        public_key_pem: None | str | Unset
        if isinstance(self.public_key_pem, Unset):
            public_key_pem = UNSET
        else:
            public_key_pem = self.public_key_pem

        post_logout_redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.post_logout_redirect_uris, Unset):
            post_logout_redirect_uris = self.post_logout_redirect_uris

        id_token_signing_alg: None | str | Unset
        if isinstance(self.id_token_signing_alg, Unset):
            id_token_signing_alg = UNSET
        else:
            id_token_signing_alg = self.id_token_signing_alg

        access_token_format: None | str | Unset
        if isinstance(self.access_token_format, Unset):
            access_token_format = UNSET
        else:
            access_token_format = self.access_token_format

        access_token_ttl_seconds: int | None | Unset
        if isinstance(self.access_token_ttl_seconds, Unset):
            access_token_ttl_seconds = UNSET
        else:
            access_token_ttl_seconds = self.access_token_ttl_seconds

        skip_consent: bool | None | Unset
        if isinstance(self.skip_consent, Unset):
            skip_consent = UNSET
        else:
            skip_consent = self.skip_consent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_auth_method": client_auth_method,
                "grant_types": grant_types,
            }
        )
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if client_name is not UNSET:
            field_dict["client_name"] = client_name
        if client_uri is not UNSET:
            field_dict["client_uri"] = client_uri
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if contacts is not UNSET:
            field_dict["contacts"] = contacts
        if software_id is not UNSET:
            field_dict["software_id"] = software_id
        if software_version is not UNSET:
            field_dict["software_version"] = software_version
        if token_endpoint_auth_signing_alg is not UNSET:
            field_dict["token_endpoint_auth_signing_alg"] = (
                token_endpoint_auth_signing_alg
            )
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri
        if jwks is not UNSET:
            field_dict["jwks"] = jwks
        if public_key_pem is not UNSET:
            field_dict["public_key_pem"] = public_key_pem
        if post_logout_redirect_uris is not UNSET:
            field_dict["post_logout_redirect_uris"] = post_logout_redirect_uris
        if id_token_signing_alg is not UNSET:
            field_dict["id_token_signing_alg"] = id_token_signing_alg
        if access_token_format is not UNSET:
            field_dict["access_token_format"] = access_token_format
        if access_token_ttl_seconds is not UNSET:
            field_dict["access_token_ttl_seconds"] = access_token_ttl_seconds
        if skip_consent is not UNSET:
            field_dict["skip_consent"] = skip_consent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        client_auth_method = src_dict["client_auth_method"]

        grant_types = src_dict["grant_types"]

        redirect_uris = src_dict.get("redirect_uris", UNSET)

        client_name = src_dict.get("client_name", UNSET)

        client_uri = src_dict.get("client_uri", UNSET)

        logo_uri = src_dict.get("logo_uri", UNSET)

        tos_uri = src_dict.get("tos_uri", UNSET)

        policy_uri = src_dict.get("policy_uri", UNSET)

        contacts = src_dict.get("contacts", UNSET)

        software_id = src_dict.get("software_id", UNSET)

        software_version = src_dict.get("software_version", UNSET)

        token_endpoint_auth_signing_alg = src_dict.get(
            "token_endpoint_auth_signing_alg", UNSET
        )

        jwks_uri = src_dict.get("jwks_uri", UNSET)

        jwks = src_dict.get("jwks", UNSET)
        if jwks is not None and not isinstance(jwks, Unset):
            try:
                if not isinstance(jwks, dict):
                    raise TypeError()
                jwks_type_0 = JwksDocument.from_dict(jwks)

                jwks = jwks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        public_key_pem = src_dict.get("public_key_pem", UNSET)

        post_logout_redirect_uris = src_dict.get("post_logout_redirect_uris", UNSET)

        id_token_signing_alg = src_dict.get("id_token_signing_alg", UNSET)

        access_token_format = src_dict.get("access_token_format", UNSET)

        access_token_ttl_seconds = src_dict.get("access_token_ttl_seconds", UNSET)

        skip_consent = src_dict.get("skip_consent", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        create_o_auth_client_request = cls(
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
            post_logout_redirect_uris,
            id_token_signing_alg,
            access_token_format,
            access_token_ttl_seconds,
            skip_consent,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 2 + ("redirect_uris" in src_dict) + (
            "client_name" in src_dict
        ) + ("client_uri" in src_dict) + ("logo_uri" in src_dict) + (
            "tos_uri" in src_dict
        ) + ("policy_uri" in src_dict) + ("contacts" in src_dict) + (
            "software_id" in src_dict
        ) + ("software_version" in src_dict) + (
            "token_endpoint_auth_signing_alg" in src_dict
        ) + ("jwks_uri" in src_dict) + ("jwks" in src_dict) + (
            "public_key_pem" in src_dict
        ) + ("post_logout_redirect_uris" in src_dict) + (
            "id_token_signing_alg" in src_dict
        ) + ("access_token_format" in src_dict) + (
            "access_token_ttl_seconds" in src_dict
        ) + ("skip_consent" in src_dict):
            create_o_auth_client_request.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return create_o_auth_client_request

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
        "post_logout_redirect_uris",
        "id_token_signing_alg",
        "access_token_format",
        "access_token_ttl_seconds",
        "skip_consent",
    }
)

# Imported last: model modules may import each other, and by now this module's class exists.
from ..models.jwks_document import JwksDocument
