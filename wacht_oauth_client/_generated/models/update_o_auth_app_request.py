from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

T = TypeVar("T", bound="UpdateOAuthAppRequest")


@_attrs_define
class UpdateOAuthAppRequest:
    """
    Attributes:
        name (None | str | Unset):
        description (None | str | Unset):
        supported_scopes (list[str] | None | Unset):
        scope_definitions (list[OAuthScopeDefinition] | None | Unset):
        allow_dynamic_client_registration (bool | None | Unset):
        is_active (bool | None | Unset):
    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    supported_scopes: list[str] | None | Unset = UNSET
    scope_definitions: list[OAuthScopeDefinition] | None | Unset = UNSET
    allow_dynamic_client_registration: bool | None | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        supported_scopes: list[str] | None | Unset
        if isinstance(self.supported_scopes, Unset):
            supported_scopes = UNSET
        elif isinstance(self.supported_scopes, list):
            supported_scopes = self.supported_scopes

        else:
            supported_scopes = self.supported_scopes

        scope_definitions: list[dict[str, Any]] | None | Unset
        if isinstance(self.scope_definitions, Unset):
            scope_definitions = UNSET
        elif isinstance(self.scope_definitions, list):
            scope_definitions = []
            for scope_definitions_type_0_item_data in self.scope_definitions:
                scope_definitions_type_0_item = (
                    scope_definitions_type_0_item_data.to_dict()
                )
                scope_definitions.append(scope_definitions_type_0_item)

        else:
            scope_definitions = self.scope_definitions

        allow_dynamic_client_registration: bool | None | Unset
        if isinstance(self.allow_dynamic_client_registration, Unset):
            allow_dynamic_client_registration = UNSET
        else:
            allow_dynamic_client_registration = self.allow_dynamic_client_registration

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if supported_scopes is not UNSET:
            field_dict["supported_scopes"] = supported_scopes
        if scope_definitions is not UNSET:
            field_dict["scope_definitions"] = scope_definitions
        if allow_dynamic_client_registration is not UNSET:
            field_dict["allow_dynamic_client_registration"] = (
                allow_dynamic_client_registration
            )
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        name = src_dict.get("name", UNSET)

        description = src_dict.get("description", UNSET)

        supported_scopes = src_dict.get("supported_scopes", UNSET)

        scope_definitions = src_dict.get("scope_definitions", UNSET)
        if scope_definitions is not None and not isinstance(scope_definitions, Unset):
            try:
                if not isinstance(scope_definitions, list):
                    raise TypeError()
                scope_definitions_type_0 = [
                    OAuthScopeDefinition.from_dict(scope_definitions_type_0_item_data)
                    for scope_definitions_type_0_item_data in scope_definitions
                ]

                scope_definitions = scope_definitions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        allow_dynamic_client_registration = src_dict.get(
            "allow_dynamic_client_registration", UNSET
        )

        is_active = src_dict.get("is_active", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        update_o_auth_app_request = cls(
            name,
            description,
            supported_scopes,
            scope_definitions,
            allow_dynamic_client_registration,
            is_active,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != ("name" in src_dict) + ("description" in src_dict) + (
            "supported_scopes" in src_dict
        ) + ("scope_definitions" in src_dict) + (
            "allow_dynamic_client_registration" in src_dict
        ) + ("is_active" in src_dict):
            update_o_auth_app_request.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return update_o_auth_app_request

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
        "name",
        "description",
        "supported_scopes",
        "scope_definitions",
        "allow_dynamic_client_registration",
        "is_active",
    }
)

# Imported last: model modules may import each other, and by now this module's class exists.
from ..models.o_auth_scope_definition import OAuthScopeDefinition
