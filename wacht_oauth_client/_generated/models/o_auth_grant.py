from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        d = dict(src_dict)
        id = d.pop("id")

        api_auth_app_slug = d.pop("api_auth_app_slug")

        oauth_client_id = d.pop("oauth_client_id")

        resource = d.pop("resource")

        scopes = cast(list[str], d.pop("scopes"))

        status = d.pop("status")

        granted_at = datetime.datetime.fromisoformat(d.pop("granted_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        granted_by_user_id = d.pop("granted_by_user_id", UNSET)

        o_auth_grant = cls(
            id=id,
            api_auth_app_slug=api_auth_app_slug,
            oauth_client_id=oauth_client_id,
            resource=resource,
            scopes=scopes,
            status=status,
            granted_at=granted_at,
            expires_at=expires_at,
            revoked_at=revoked_at,
            created_at=created_at,
            updated_at=updated_at,
            granted_by_user_id=granted_by_user_id,
        )

        o_auth_grant.additional_properties = d
        return o_auth_grant

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
