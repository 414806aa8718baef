from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Jwk")


@_attrs_define
class Jwk:
    """
    Attributes:
        kty (str):
        kid (None | str | Unset):
        use (None | str | Unset):
        alg (None | str | Unset):
        n (None | str | Unset):
        e (None | str | Unset):
        crv (None | str | Unset):
        x (None | str | Unset):
        y (None | str | Unset):
        k (None | str | Unset):
        x5u (None | str | Unset):
        x5t (None | str | Unset):
        x_5_t_s256 (None | str | Unset):
        public_key_pem (None | str | Unset):
        key_ops (list[str] | None | Unset):
        x5c (list[str] | None | Unset):
    """

    kty: str
    kid: None | str | Unset = UNSET
    use: None | str | Unset = UNSET
    alg: None | str | Unset = UNSET
    n: None | str | Unset = UNSET
    e: None | str | Unset = UNSET
    crv: None | str | Unset = UNSET
    x: None | str | Unset = UNSET
    y: None | str | Unset = UNSET
    k: None | str | Unset = UNSET
    x5u: None | str | Unset = UNSET
    x5t: None | str | Unset = UNSET
    x_5_t_s256: None | str | Unset = UNSET
    public_key_pem: None | str | Unset = UNSET
    key_ops: list[str] | None | Unset = UNSET
    x5c: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kty = self.kty

        kid: None | str | Unset
        if isinstance(self.kid, Unset):
            kid = UNSET
        else:
            kid = self.kid

        use: None | str | Unset
        if isinstance(self.use, Unset):
            use = UNSET
        else:
            use = self.use

        alg: None | str | Unset
        if isinstance(self.alg, Unset):
            alg = UNSET
        else:
            alg = self.alg

        n: None | str | Unset
        if isinstance(self.n, Unset):
            n = UNSET
        else:
            n = self.n

        e: None | str | Unset
        if isinstance(self.e, Unset):
            e = UNSET
        else:
            e = self.e

        crv: None | str | Unset
        if isinstance(self.crv, Unset):
            crv = UNSET
        else:
            crv = self.crv

        x: None | str | Unset
        if isinstance(self.x, Unset):
            x = UNSET
        else:
            x = self.x

        y: None | str | Unset
        if isinstance(self.y, Unset):
            y = UNSET
        else:
            y = self.y

        k: None | str | Unset
        if isinstance(self.k, Unset):
            k = UNSET
        else:
            k = self.k

        x5u: None | str | Unset
        if isinstance(self.x5u, Unset):
            x5u = UNSET
        else:
            x5u = self.x5u

        x5t: None | str | Unset
        if isinstance(self.x5t, Unset):
            x5t = UNSET
        else:
            x5t = self.x5t

        x_5_t_s256: None | str | Unset
        if isinstance(self.x_5_t_s256, Unset):
            x_5_t_s256 = UNSET
        else:
            x_5_t_s256 = self.x_5_t_s256

        public_key_pem: None | str | Unset
        if isinstance(self.public_key_pem, Unset):
            public_key_pem = UNSET
        else:
            public_key_pem = self.public_key_pem

        key_ops: list[str] | None | Unset
        if isinstance(self.key_ops, Unset):
            key_ops = UNSET
        elif isinstance(self.key_ops, list):
            key_ops = self.key_ops

        else:
            key_ops = self.key_ops

        x5c: list[str] | None | Unset
        if isinstance(self.x5c, Unset):
            x5c = UNSET
        elif isinstance(self.x5c, list):
            x5c = self.x5c

        else:
            x5c = self.x5c

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kty": kty,
            }
        )
        if kid is not UNSET:
            field_dict["kid"] = kid
        if use is not UNSET:
            field_dict["use"] = use
        if alg is not UNSET:
            field_dict["alg"] = alg
        if n is not UNSET:
            field_dict["n"] = n
        if e is not UNSET:
            field_dict["e"] = e
        if crv is not UNSET:
            field_dict["crv"] = crv
        if x is not UNSET:
            field_dict["x"] = x
        if y is not UNSET:
            field_dict["y"] = y
        if k is not UNSET:
            field_dict["k"] = k
        if x5u is not UNSET:
            field_dict["x5u"] = x5u
        if x5t is not UNSET:
            field_dict["x5t"] = x5t
        if x_5_t_s256 is not UNSET:
            field_dict["x5t#S256"] = x_5_t_s256
        if public_key_pem is not UNSET:
            field_dict["public_key_pem"] = public_key_pem
        if key_ops is not UNSET:
            field_dict["key_ops"] = key_ops
        if x5c is not UNSET:
            field_dict["x5c"] = x5c

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kty = d.pop("kty")

        def _parse_kid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kid = _parse_kid(d.pop("kid", UNSET))

        def _parse_use(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        use = _parse_use(d.pop("use", UNSET))

        def _parse_alg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alg = _parse_alg(d.pop("alg", UNSET))

        def _parse_n(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        n = _parse_n(d.pop("n", UNSET))

        def _parse_e(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        e = _parse_e(d.pop("e", UNSET))

        def _parse_crv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        crv = _parse_crv(d.pop("crv", UNSET))

        def _parse_x(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        x = _parse_x(d.pop("x", UNSET))

        def _parse_y(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        y = _parse_y(d.pop("y", UNSET))

        def _parse_k(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        k = _parse_k(d.pop("k", UNSET))

        def _parse_x5u(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        x5u = _parse_x5u(d.pop("x5u", UNSET))

        def _parse_x5t(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        x5t = _parse_x5t(d.pop("x5t", UNSET))

        def _parse_x_5_t_s256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        x_5_t_s256 = _parse_x_5_t_s256(d.pop("x5t#S256", UNSET))

        def _parse_public_key_pem(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_key_pem = _parse_public_key_pem(d.pop("public_key_pem", UNSET))

        def _parse_key_ops(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                key_ops_type_0 = cast(list[str], data)

                return key_ops_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        key_ops = _parse_key_ops(d.pop("key_ops", UNSET))

        def _parse_x5c(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                x5c_type_0 = cast(list[str], data)

                return x5c_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        x5c = _parse_x5c(d.pop("x5c", UNSET))

        jwk = cls(
            kty=kty,
            kid=kid,
            use=use,
            alg=alg,
            n=n,
            e=e,
            crv=crv,
            x=x,
            y=y,
            k=k,
            x5u=x5u,
            x5t=x5t,
            x_5_t_s256=x_5_t_s256,
            public_key_pem=public_key_pem,
            key_ops=key_ops,
            x5c=x5c,
        )

        jwk.additional_properties = d
        return jwk

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
