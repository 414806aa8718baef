from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

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
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        scope = src_dict["scope"]

        display_name = src_dict["display_name"]

        description = src_dict["description"]

        archived = src_dict.get("archived", UNSET)

        category = src_dict.get("category", UNSET)

        organization_permission = src_dict.get("organization_permission", UNSET)

        workspace_permission = src_dict.get("workspace_permission", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        o_auth_scope_definition = cls(
            scope,
            display_name,
            description,
            archived,
            category,
            organization_permission,
            workspace_permission,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 3 + ("archived" in src_dict) + ("category" in src_dict) + (
            "organization_permission" in src_dict
        ) + ("workspace_permission" in src_dict):
            o_auth_scope_definition.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return o_auth_scope_definition

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
        "scope",
        "display_name",
        "description",
        "archived",
        "category",
        "organization_permission",
        "workspace_permission",
    }
)
