from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, safe_repr, safe_rich_repr

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
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        kty = src_dict["kty"]

        kid = src_dict.get("kid", UNSET)

        use = src_dict.get("use", UNSET)

        alg = src_dict.get("alg", UNSET)

        n = src_dict.get("n", UNSET)

        e = src_dict.get("e", UNSET)

        crv = src_dict.get("crv", UNSET)

        x = src_dict.get("x", UNSET)

        y = src_dict.get("y", UNSET)

        k = src_dict.get("k", UNSET)

        x5u = src_dict.get("x5u", UNSET)

        x5t = src_dict.get("x5t", UNSET)

        x_5_t_s256 = src_dict.get("x5t#S256", UNSET)

        public_key_pem = src_dict.get("public_key_pem", UNSET)

        key_ops = src_dict.get("key_ops", UNSET)

        x5c = src_dict.get("x5c", UNSET)

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        jwk = cls(
            kty,
            kid,
            use,
            alg,
            n,
            e,
            crv,
            x,
            y,
            k,
            x5u,
            x5t,
            x_5_t_s256,
            public_key_pem,
            key_ops,
            x5c,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 1 + ("kid" in src_dict) + ("use" in src_dict) + (
            "alg" in src_dict
        ) + ("n" in src_dict) + ("e" in src_dict) + ("crv" in src_dict) + (
            "x" in src_dict
        ) + ("y" in src_dict) + ("k" in src_dict) + ("x5u" in src_dict) + (
            "x5t" in src_dict
        ) + ("x5t#S256" in src_dict) + ("public_key_pem" in src_dict) + (
            "key_ops" in src_dict
        ) + ("x5c" in src_dict):
            jwk.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return jwk

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
        "kty",
        "kid",
        "use",
        "alg",
        "n",
        "e",
        "crv",
        "x",
        "y",
        "k",
        "x5u",
        "x5t",
        "x5t#S256",
        "public_key_pem",
        "key_ops",
        "x5c",
    }
)
