from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.o_auth_scope_definition import OAuthScopeDefinition


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
        from ..models.o_auth_scope_definition import OAuthScopeDefinition  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_supported_scopes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                supported_scopes_type_0 = cast(list[str], data)

                return supported_scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        supported_scopes = _parse_supported_scopes(d.pop("supported_scopes", UNSET))

        def _parse_scope_definitions(
            data: object,
        ) -> list[OAuthScopeDefinition] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scope_definitions_type_0 = []
                _scope_definitions_type_0 = data
                for scope_definitions_type_0_item_data in _scope_definitions_type_0:
                    scope_definitions_type_0_item = OAuthScopeDefinition.from_dict(
                        scope_definitions_type_0_item_data
                    )

                    scope_definitions_type_0.append(scope_definitions_type_0_item)

                return scope_definitions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OAuthScopeDefinition] | None | Unset, data)

        scope_definitions = _parse_scope_definitions(d.pop("scope_definitions", UNSET))

        def _parse_allow_dynamic_client_registration(
            data: object,
        ) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        allow_dynamic_client_registration = _parse_allow_dynamic_client_registration(
            d.pop("allow_dynamic_client_registration", UNSET)
        )

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        update_o_auth_app_request = cls(
            name=name,
            description=description,
            supported_scopes=supported_scopes,
            scope_definitions=scope_definitions,
            allow_dynamic_client_registration=allow_dynamic_client_registration,
            is_active=is_active,
        )

        update_o_auth_app_request.additional_properties = d
        return update_o_auth_app_request

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
