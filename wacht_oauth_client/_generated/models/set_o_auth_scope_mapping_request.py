from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetOAuthScopeMappingRequest")


@_attrs_define
class SetOAuthScopeMappingRequest:
    """
    Attributes:
        category (str): personal, organization or workspace (case-insensitive).
        organization_permission (None | str | Unset):
        workspace_permission (None | str | Unset):
    """

    category: str
    organization_permission: None | str | Unset = UNSET
    workspace_permission: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
                "category": category,
            }
        )
        if organization_permission is not UNSET:
            field_dict["organization_permission"] = organization_permission
        if workspace_permission is not UNSET:
            field_dict["workspace_permission"] = workspace_permission

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = d.pop("category")

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

        set_o_auth_scope_mapping_request = cls(
            category=category,
            organization_permission=organization_permission,
            workspace_permission=workspace_permission,
        )

        set_o_auth_scope_mapping_request.additional_properties = d
        return set_o_auth_scope_mapping_request

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
