from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OAuthAppSigningKey")


@_attrs_define
class OAuthAppSigningKey:
    """
    Attributes:
        kid (str):
        algorithm (str): "RS256"
        status (str): A SigningKeyStatus value (active or retired). Open.
        public_key_pem (str):
    """

    kid: str
    algorithm: str
    status: str
    public_key_pem: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kid = self.kid

        algorithm = self.algorithm

        status = self.status

        public_key_pem = self.public_key_pem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kid": kid,
                "algorithm": algorithm,
                "status": status,
                "public_key_pem": public_key_pem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kid = d.pop("kid")

        algorithm = d.pop("algorithm")

        status = d.pop("status")

        public_key_pem = d.pop("public_key_pem")

        o_auth_app_signing_key = cls(
            kid=kid,
            algorithm=algorithm,
            status=status,
            public_key_pem=public_key_pem,
        )

        o_auth_app_signing_key.additional_properties = d
        return o_auth_app_signing_key

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
