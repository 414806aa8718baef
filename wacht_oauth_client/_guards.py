"""Input checks that run before any network I/O.

Each raises `InvalidArgumentError` (a `ValueError`) naming the argument. Messages never echo the
rejected value: a user who mixes up arguments may have passed a secret.
"""

from __future__ import annotations

import re
from typing import TypeVar

from .errors import InvalidArgumentError

T = TypeVar("T")

# axum's default request body limit, which applies to create-app's multipart form.
MAX_BODY_BYTES = 2 * 1024 * 1024
_NUMERIC = re.compile(r"[0-9]+")
# Magic numbers of the image formats the server accepts, with the content type to send.
_IMAGE_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
    (b"\x00\x00\x01\x00", "image/x-icon", "ico"),
)


def text(name: str, value: object) -> str:
    """A required id, slug, scope name or kid: a string that is not blank."""
    if not isinstance(value, str):
        raise InvalidArgumentError(name, f"must be a str, got {type(value).__name__}")
    if not value.strip():
        raise InvalidArgumentError(name, "must not be empty or whitespace")
    return value


def numeric_id(name: str, value: object) -> str:
    """A numeric record id (`OAuthClient.id`, `OAuthGrant.id`), as the API's path expects."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    value = text(name, value)
    if _NUMERIC.fullmatch(value):
        return value
    if value.startswith("oc_"):
        raise InvalidArgumentError(
            name,
            "looks like a public client_id (oc_...); the API needs the numeric record id, "
            "i.e. OAuthClient.id, not OAuthClient.client_id",
        )
    raise InvalidArgumentError(
        name, "must be a numeric id (digits only), such as OAuthClient.id or OAuthGrant.id"
    )


def instance(name: str, value: object, cls: type[T]) -> T:
    if not isinstance(value, cls):
        raise InvalidArgumentError(name, f"must be a {cls.__name__}, got {type(value).__name__}")
    return value


def scope_names(name: str, scopes: object) -> list[str]:
    """Scope names for create-app's comma-joined form field, which cannot carry a comma."""
    if not isinstance(scopes, list | tuple) or not all(isinstance(s, str) for s in scopes):
        raise InvalidArgumentError(name, "must be a list of str")
    for scope in scopes:
        if "," in scope:
            raise InvalidArgumentError(
                name, "a scope name cannot contain ',' (the form field is comma-separated)"
            )
    return list(scopes)


def logo_image(name: str, data: object) -> tuple[str, str]:
    """(content type, file extension) of a logo; PNG, JPEG, GIF, WEBP or ICO under 2 MiB."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InvalidArgumentError(name, f"must be bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise InvalidArgumentError(name, "is empty")
    if len(data) > MAX_BODY_BYTES:
        raise InvalidArgumentError(
            name, f"is {len(data)} bytes; the API rejects request bodies over 2 MiB"
        )
    for signature, content_type, extension in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return content_type, extension
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    raise InvalidArgumentError(name, "must be a PNG, JPEG, GIF, WEBP or ICO image")
