from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

_fromisoformat = datetime.datetime.fromisoformat


T = TypeVar("T", bound="OAuthGrant")


@_attrs_define
class OAuthGrant:
    """
    Attributes:
        id (str): An int64 id serialized as a JSON string (values exceed 2^53).
        api_auth_app_slug (str):
        oauth_client_id (str): An int64 id serialized as a JSON string (values exceed 2^53).
        resource (str): urn:wacht:{user,organization,workspace}:{id}
        scopes (list[str]):
        status (str): A GrantStatus value (active, revoked or expired). Open.
        granted_at (datetime.datetime):
        expires_at (datetime.datetime | None):
        revoked_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        granted_by_user_id (str | Unset): An int64 id serialized as a JSON string (values exceed 2^53).
    """

    id: str
    api_auth_app_slug: str
    oauth_client_id: str
    resource: str
    scopes: list[str]
    status: str
    granted_at: datetime.datetime
    expires_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    granted_by_user_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        api_auth_app_slug = self.api_auth_app_slug

        oauth_client_id = self.oauth_client_id

        resource = self.resource

        scopes = self.scopes

        status = self.status

        granted_at = self.granted_at.isoformat()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        granted_by_user_id = self.granted_by_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "api_auth_app_slug": api_auth_app_slug,
                "oauth_client_id": oauth_client_id,
                "resource": resource,
                "scopes": scopes,
                "status": status,
                "granted_at": granted_at,
                "expires_at": expires_at,
                "revoked_at": revoked_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if granted_by_user_id is not UNSET:
            field_dict["granted_by_user_id"] = granted_by_user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        id = src_dict["id"]

        api_auth_app_slug = src_dict["api_auth_app_slug"]

        oauth_client_id = src_dict["oauth_client_id"]

        resource = src_dict["resource"]

        scopes = src_dict["scopes"]

        status = src_dict["status"]

        granted_at = _fromisoformat(src_dict["granted_at"])

        expires_at = src_dict["expires_at"]
        if expires_at is not None:
            try:
                if not isinstance(expires_at, str):
                    raise TypeError()
                expires_at_type_0 = _fromisoformat(expires_at)

                expires_at = expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        revoked_at = src_dict["revoked_at"]
        if revoked_at is not None:
            try:
                if not isinstance(revoked_at, str):
                    raise TypeError()
                revoked_at_type_0 = _fromisoformat(revoked_at)

                revoked_at = revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        created_at = _fromisoformat(src_dict["created_at"])

        updated_at = _fromisoformat(src_dict["updated_at"])

        granted_by_user_id = src_dict.get("granted_by_user_id", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        o_auth_grant = cls(
            id,
            api_auth_app_slug,
            oauth_client_id,
            resource,
            scopes,
            status,
            granted_at,
            expires_at,
            revoked_at,
            created_at,
            updated_at,
            granted_by_user_id,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 11 + ("granted_by_user_id" in src_dict):
            o_auth_grant.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return o_auth_grant

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
        "api_auth_app_slug",
        "oauth_client_id",
        "resource",
        "scopes",
        "status",
        "granted_at",
        "expires_at",
        "revoked_at",
        "created_at",
        "updated_at",
        "granted_by_user_id",
    }
)
