"""Secret-safe `repr` for the generated models.

attrs prints every field, so `print(client)` or a Django debug page would show `client_secret`.
We cannot edit generated code, so this replaces `__repr__` on each generated model class with one
that prints `<redacted>` for secret-looking fields (declared or extra). Values stay readable as
attributes and in `to_dict()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import attrs

from ._generated.types import UNSET

REDACTED = "<redacted>"
_SECRET_NAMES = frozenset(
    {
        "client_secret",
        "registration_access_token",
        "access_token",
        "refresh_token",
        "private_key",
        "private_key_pem",
        "password",
        "api_key",
        "k",  # the key material of a symmetric JWK
    }
)


def is_secret_name(name: str) -> bool:
    return name in _SECRET_NAMES or "secret" in name.lower()


def _mask(name: str, value: Any) -> Any:
    if value is not None and is_secret_name(name):
        return _Redacted()
    if isinstance(value, dict):
        return {k: _mask(str(k), v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(name, v) for v in value]
    return value


class _Redacted:
    def __repr__(self) -> str:
        return REDACTED


def safe_repr(self: Any) -> str:
    parts = []
    for f in attrs.fields(type(self)):
        value = getattr(self, f.name)
        if value is UNSET or (f.name == "additional_properties" and not value):
            continue
        parts.append(f"{f.name}={_mask(f.name, value)!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


def install(models_module: ModuleType) -> None:
    """Give every attrs class exported by `models_module` the secret-safe repr."""
    for name in getattr(models_module, "__all__", ()):
        cls = getattr(models_module, name)
        if isinstance(cls, type) and attrs.has(cls):
            cls.__repr__ = safe_repr  # type: ignore[method-assign]
            cls.__rich_repr__ = safe_rich_repr  # type: ignore[attr-defined]


# -- rich -------------------------------------------------------------------------------------
# Stopgap (issue 10), to move with the model template of issue 12: rich's pretty printer, and
# so rich and structlog tracebacks with locals, render attrs classes field by field instead of
# calling __repr__; rich prefers __rich_repr__ to both.


def safe_rich_repr(self: Any) -> Iterator[tuple[str, Any]]:
    """The fields `safe_repr` shows, as (name, value) pairs; secrets as `<redacted>`."""
    for f in attrs.fields(type(self)):
        value = getattr(self, f.name)
        if value is UNSET or (f.name == "additional_properties" and not value):
            continue
        yield f.name, _mask(f.name, value)
