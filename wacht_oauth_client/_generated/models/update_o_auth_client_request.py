from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.jwks_document import JwksDocument


T = TypeVar("T", bound="UpdateOAuthClientRequest")


@_attrs_define
class UpdateOAuthClientRequest:
    """
    Attributes:
        client_auth_method (None | str | Unset):
        grant_types (list[str] | None | Unset):
        redirect_uris (list[str] | None | Unset):
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
        post_logout_redirect_uris (list[str] | None | Unset):
        id_token_signing_alg (None | str | Unset):
        access_token_format (None | str | Unset):
        access_token_ttl_seconds (int | None | Unset):
        skip_consent (bool | None | Unset):
    """

    client_auth_method: None | str | Unset = UNSET
    grant_types: list[str] | None | Unset = UNSET
    redirect_uris: list[str] | None | Unset = UNSET
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
    post_logout_redirect_uris: list[str] | None | Unset = UNSET
    id_token_signing_alg: None | str | Unset = UNSET
    access_token_format: None | str | Unset = UNSET
    access_token_ttl_seconds: int | None | Unset = UNSET
    skip_consent: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.jwks_document import JwksDocument  # noqa: PLC0415

        client_auth_method: None | str | Unset
        if isinstance(self.client_auth_method, Unset):
            client_auth_method = UNSET
        else:
            client_auth_method = self.client_auth_method

        grant_types: list[str] | None | Unset
        if isinstance(self.grant_types, Unset):
            grant_types = UNSET
        elif isinstance(self.grant_types, list):
            grant_types = self.grant_types

        else:
            grant_types = self.grant_types

        redirect_uris: list[str] | None | Unset
        if isinstance(self.redirect_uris, Unset):
            redirect_uris = UNSET
        elif isinstance(self.redirect_uris, list):
            redirect_uris = self.redirect_uris

        else:
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

        post_logout_redirect_uris: list[str] | None | Unset
        if isinstance(self.post_logout_redirect_uris, Unset):
            post_logout_redirect_uris = UNSET
        elif isinstance(self.post_logout_redirect_uris, list):
            post_logout_redirect_uris = self.post_logout_redirect_uris

        else:
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
        field_dict.update({})
        if client_auth_method is not UNSET:
            field_dict["client_auth_method"] = client_auth_method
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
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
        from ..models.jwks_document import JwksDocument  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_client_auth_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_auth_method = _parse_client_auth_method(
            d.pop("client_auth_method", UNSET)
        )

        def _parse_grant_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                grant_types_type_0 = cast(list[str], data)

                return grant_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        grant_types = _parse_grant_types(d.pop("grant_types", UNSET))

        def _parse_redirect_uris(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                redirect_uris_type_0 = cast(list[str], data)

                return redirect_uris_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        redirect_uris = _parse_redirect_uris(d.pop("redirect_uris", UNSET))

        def _parse_client_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_name = _parse_client_name(d.pop("client_name", UNSET))

        def _parse_client_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_uri = _parse_client_uri(d.pop("client_uri", UNSET))

        def _parse_logo_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_uri = _parse_logo_uri(d.pop("logo_uri", UNSET))

        def _parse_tos_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tos_uri = _parse_tos_uri(d.pop("tos_uri", UNSET))

        def _parse_policy_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_uri = _parse_policy_uri(d.pop("policy_uri", UNSET))

        def _parse_contacts(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contacts_type_0 = cast(list[str], data)

                return contacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        contacts = _parse_contacts(d.pop("contacts", UNSET))

        def _parse_software_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        software_id = _parse_software_id(d.pop("software_id", UNSET))

        def _parse_software_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        software_version = _parse_software_version(d.pop("software_version", UNSET))

        def _parse_token_endpoint_auth_signing_alg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token_endpoint_auth_signing_alg = _parse_token_endpoint_auth_signing_alg(
            d.pop("token_endpoint_auth_signing_alg", UNSET)
        )

        def _parse_jwks_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        jwks_uri = _parse_jwks_uri(d.pop("jwks_uri", UNSET))

        def _parse_jwks(data: object) -> JwksDocument | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                jwks_type_0 = JwksDocument.from_dict(data)

                return jwks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JwksDocument | None | Unset, data)

        jwks = _parse_jwks(d.pop("jwks", UNSET))

        def _parse_public_key_pem(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_key_pem = _parse_public_key_pem(d.pop("public_key_pem", UNSET))

        def _parse_post_logout_redirect_uris(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                post_logout_redirect_uris_type_0 = cast(list[str], data)

                return post_logout_redirect_uris_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        post_logout_redirect_uris = _parse_post_logout_redirect_uris(
            d.pop("post_logout_redirect_uris", UNSET)
        )

        def _parse_id_token_signing_alg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_token_signing_alg = _parse_id_token_signing_alg(
            d.pop("id_token_signing_alg", UNSET)
        )

        def _parse_access_token_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_token_format = _parse_access_token_format(
            d.pop("access_token_format", UNSET)
        )

        def _parse_access_token_ttl_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        access_token_ttl_seconds = _parse_access_token_ttl_seconds(
            d.pop("access_token_ttl_seconds", UNSET)
        )

        def _parse_skip_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        skip_consent = _parse_skip_consent(d.pop("skip_consent", UNSET))

        update_o_auth_client_request = cls(
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
            post_logout_redirect_uris=post_logout_redirect_uris,
            id_token_signing_alg=id_token_signing_alg,
            access_token_format=access_token_format,
            access_token_ttl_seconds=access_token_ttl_seconds,
            skip_consent=skip_consent,
        )

        update_o_auth_client_request.additional_properties = d
        return update_o_auth_client_request

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
