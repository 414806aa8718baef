from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthScopeDefinition")


@_attrs_define
class OAuthScopeDefinition:
    """
    Attributes:
        scope (str):
        display_name (str):
        description (str):
        archived (bool | Unset):
        category (str | Unset): A ScopeCategory value: "", personal, organization or workspace. Open: an unknown value
            is kept as-is.
        organization_permission (None | str | Unset):
        workspace_permission (None | str | Unset):
    """

    scope: str
    display_name: str
    description: str
    archived: bool | Unset = UNSET
    category: str | Unset = UNSET
    organization_permission: None | str | Unset = UNSET
    workspace_permission: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope

        display_name = self.display_name

        description = self.description

        archived = self.archived

        category = self.category

        organization_permission: None | str | Unset
        if isinstance(self.organization_permission, Unset):
            organization_permission = UNSET
        else:
            organization_permission = self.organization_permission

        workspace_permission: None | str | Unset
        if isinstance(self.workspace_permission, Unset):
            workspace_permission = UNSET
        else:
            workspace_permission = self.workspace_permission

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scope": scope,
                "display_name": display_name,
                "description": description,
            }
        )
        if archived is not UNSET:
            field_dict["archived"] = archived
        if category is not UNSET:
            field_dict["category"] = category
        if organization_permission is not UNSET:
            field_dict["organization_permission"] = organization_permission
        if workspace_permission is not UNSET:
            field_dict["workspace_permission"] = workspace_permission

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = d.pop("scope")

        display_name = d.pop("display_name")

        description = d.pop("description")

        archived = d.pop("archived", UNSET)

        category = d.pop("category", UNSET)

        def _parse_organization_permission(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_permission = _parse_organization_permission(
            d.pop("organization_permission", UNSET)
        )

        def _parse_workspace_permission(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        workspace_permission = _parse_workspace_permission(
            d.pop("workspace_permission", UNSET)
        )

        o_auth_scope_definition = cls(
            scope=scope,
            display_name=display_name,
            description=description,
            archived=archived,
            category=category,
            organization_permission=organization_permission,
            workspace_permission=workspace_permission,
        )

        o_auth_scope_definition.additional_properties = d
        return o_auth_scope_definition

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
