from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import safe_repr, safe_rich_repr

T = TypeVar("T", bound="ListOAuthAppsResponse")


@_attrs_define
class ListOAuthAppsResponse:
    """
    Attributes:
        apps (list[OAuthApp]):
    """

    apps: list[OAuthApp]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        apps = []
        for apps_item_data in self.apps:
            apps_item = apps_item_data.to_dict()
            apps.append(apps_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "apps": apps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        apps = [
            OAuthApp.from_dict(apps_item_data) for apps_item_data in src_dict["apps"]
        ]

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        list_o_auth_apps_response = cls(
            apps,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 1:
            list_o_auth_apps_response.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return list_o_auth_apps_response

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
        "apps",
    }
)

# Imported last: model modules may import each other, and by now this module's class exists.
from ..models.o_auth_app import OAuthApp
