from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

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
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        category = src_dict["category"]

        organization_permission = src_dict.get("organization_permission", UNSET)

        workspace_permission = src_dict.get("workspace_permission", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        set_o_auth_scope_mapping_request = cls(
            category,
            organization_permission,
            workspace_permission,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 1 + ("organization_permission" in src_dict) + (
            "workspace_permission" in src_dict
        ):
            set_o_auth_scope_mapping_request.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return set_o_auth_scope_mapping_request

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
        "category",
        "organization_permission",
        "workspace_permission",
    }
)
