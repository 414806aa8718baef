from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import safe_repr, safe_rich_repr

_fromisoformat = datetime.datetime.fromisoformat


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
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        slug = src_dict["slug"]

        name = src_dict["name"]

        description = src_dict["description"]

        logo_url = src_dict["logo_url"]

        fqdn = src_dict["fqdn"]

        supported_scopes = src_dict["supported_scopes"]

        scope_definitions = [
            OAuthScopeDefinition.from_dict(scope_definitions_item_data)
            for scope_definitions_item_data in src_dict["scope_definitions"]
        ]

        allow_dynamic_client_registration = src_dict[
            "allow_dynamic_client_registration"
        ]

        is_active = src_dict["is_active"]

        created_at = _fromisoformat(src_dict["created_at"])

        updated_at = _fromisoformat(src_dict["updated_at"])

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        o_auth_app = cls(
            id,
            slug,
            name,
            description,
            logo_url,
            fqdn,
            supported_scopes,
            scope_definitions,
            allow_dynamic_client_registration,
            is_active,
            created_at,
            updated_at,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 12:
            o_auth_app.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return o_auth_app

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
        "slug",
        "name",
        "description",
        "logo_url",
        "fqdn",
        "supported_scopes",
        "scope_definitions",
        "allow_dynamic_client_registration",
        "is_active",
        "created_at",
        "updated_at",
    }
)

# Imported last: model modules may import each other, and by now this module's class exists.
from ..models.o_auth_scope_definition import OAuthScopeDefinition
