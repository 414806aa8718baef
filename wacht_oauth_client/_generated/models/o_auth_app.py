from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.o_auth_scope_definition import OAuthScopeDefinition


T = TypeVar("T", bound="OAuthApp")


@_attrs_define
class OAuthApp:
    """
    Attributes:
        id (str): An int64 id serialized as a JSON string (values exceed 2^53).
        slug (str):
        name (str):
        description (None | str):
        logo_url (None | str):
        fqdn (str): The issuer host.
        supported_scopes (list[str]):
        scope_definitions (list[OAuthScopeDefinition]):
        allow_dynamic_client_registration (bool):
        is_active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    slug: str
    name: str
    description: None | str
    logo_url: None | str
    fqdn: str
    supported_scopes: list[str]
    scope_definitions: list[OAuthScopeDefinition]
    allow_dynamic_client_registration: bool
    is_active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slug = self.slug

        name = self.name

        description: None | str
        description = self.description

        logo_url: None | str
        logo_url = self.logo_url

        fqdn = self.fqdn

        supported_scopes = self.supported_scopes

        scope_definitions = []
        for scope_definitions_item_data in self.scope_definitions:
            scope_definitions_item = scope_definitions_item_data.to_dict()
            scope_definitions.append(scope_definitions_item)

        allow_dynamic_client_registration = self.allow_dynamic_client_registration

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "description": description,
                "logo_url": logo_url,
                "fqdn": fqdn,
                "supported_scopes": supported_scopes,
                "scope_definitions": scope_definitions,
                "allow_dynamic_client_registration": allow_dynamic_client_registration,
                "is_active": is_active,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.o_auth_scope_definition import OAuthScopeDefinition  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        slug = d.pop("slug")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_logo_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo_url = _parse_logo_url(d.pop("logo_url"))

        fqdn = d.pop("fqdn")

        supported_scopes = cast(list[str], d.pop("supported_scopes"))

        scope_definitions = []
        _scope_definitions = d.pop("scope_definitions")
        for scope_definitions_item_data in _scope_definitions:
            scope_definitions_item = OAuthScopeDefinition.from_dict(
                scope_definitions_item_data
            )

            scope_definitions.append(scope_definitions_item)

        allow_dynamic_client_registration = d.pop("allow_dynamic_client_registration")

        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        o_auth_app = cls(
            id=id,
            slug=slug,
            name=name,
            description=description,
            logo_url=logo_url,
            fqdn=fqdn,
            supported_scopes=supported_scopes,
            scope_definitions=scope_definitions,
            allow_dynamic_client_registration=allow_dynamic_client_registration,
            is_active=is_active,
            created_at=created_at,
            updated_at=updated_at,
        )

        o_auth_app.additional_properties = d
        return o_auth_app

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
