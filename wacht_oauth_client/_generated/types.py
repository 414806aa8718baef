"""Contains some shared types for properties"""

from collections.abc import Iterator, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

import attrs
from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# Secret-safe rendering of the models. attrs would print every field, so `print(client)`, a log
# line or an error page would show `client_secret`. Each model class defines __repr__ and
# __rich_repr__ (for rich's pretty printer and tracebacks) with these, so it holds wherever and
# however the class is imported, at no cost per call. Values stay readable as attributes and in
# to_dict(). The one rule of what counts as a secret is `is_secret_name`.
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


class _Redacted:
    def __repr__(self) -> str:
        return REDACTED


def _mask(name: str, value: Any) -> Any:
    if value is not None and is_secret_name(name):
        return _Redacted()
    if isinstance(value, dict):
        return {k: _mask(str(k), v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(name, v) for v in value]
    return value


def safe_rich_repr(model: Any) -> Iterator[tuple[str, Any]]:
    """(name, value) of the fields worth showing (set ones; extra keys if any), secrets masked."""
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if value is UNSET or (field.name == "additional_properties" and not value):
            continue
        yield field.name, _mask(field.name, value)


def safe_repr(model: Any) -> str:
    fields = ", ".join(f"{name}={value!r}" for name, value in safe_rich_repr(model))
    return f"{type(model).__name__}({fields})"


__all__ = [
    "REDACTED",
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "is_secret_name",
    "safe_repr",
    "safe_rich_repr",
]
