from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OAuthDomainVerification")


@_attrs_define
class OAuthDomainVerification:
    """
    Attributes:
        domain (str):
        cname_target (str): Always "oauth.wacht.services".
        verified (bool):
    """

    domain: str
    cname_target: str
    verified: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        domain = self.domain

        cname_target = self.cname_target

        verified = self.verified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "domain": domain,
                "cname_target": cname_target,
                "verified": verified,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        domain = d.pop("domain")

        cname_target = d.pop("cname_target")

        verified = d.pop("verified")

        o_auth_domain_verification = cls(
            domain=domain,
            cname_target=cname_target,
            verified=verified,
        )

        o_auth_domain_verification.additional_properties = d
        return o_auth_domain_verification

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
