"""Typed, synchronous Python SDK for Wacht's OAuth management API.

    from wacht_oauth_client import WachtClient

    with WachtClient() as client:          # api key from WACHT_API_KEY
        apps = client.deployment().oauth.list_oauth_apps()      # key-scoped backend API
        apps = client.oauth.list_oauth_apps("dep_123")          # deployment-scoped paths

Models live in `wacht_oauth_client.models`, errors in `wacht_oauth_client.errors`. The facade
classes are imported on first use so that `import wacht_oauth_client` stays cheap.
"""

from typing import TYPE_CHECKING, Any

from ._client import WachtClient
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
    WachtError,
)

if TYPE_CHECKING:
    from ._oauth import Deployment, DeploymentOAuth, OAuth, RawResponse

_LAZY = frozenset({"Deployment", "DeploymentOAuth", "OAuth", "RawResponse"})


def __getattr__(name: str) -> Any:
    # The facade classes live in `_oauth`, which imports the models: load it on first use.
    if name in _LAZY:
        from . import _oauth

        return getattr(_oauth, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "WachtClient",
    "Deployment",
    "DeploymentOAuth",
    "OAuth",
    "RawResponse",
    "__version__",
    "WachtError",
    "ConfigurationError",
    "ClientClosedError",
    "InvalidArgumentError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "ResponseTooLargeError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnsupportedMediaTypeError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
]
