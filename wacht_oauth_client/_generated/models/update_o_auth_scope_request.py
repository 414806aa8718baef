from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

T = TypeVar("T", bound="UpdateOAuthScopeRequest")


@_attrs_define
class UpdateOAuthScopeRequest:
    """
    Attributes:
        display_name (None | str | Unset):
        description (None | str | Unset):
    """

    display_name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        display_name = src_dict.get("display_name", UNSET)

        description = src_dict.get("description", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        update_o_auth_scope_request = cls(
            display_name,
            description,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != ("display_name" in src_dict) + ("description" in src_dict):
            update_o_auth_scope_request.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return update_o_auth_scope_request

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
        "display_name",
        "description",
    }
)
