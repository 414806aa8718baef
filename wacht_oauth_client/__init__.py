"""Typed, synchronous Python SDK for Wacht's deployment-scoped OAuth management API.

    from wacht_oauth_client import WachtClient
    from wacht_oauth_client.models import CreateOAuthAppRequest

    with WachtClient() as client:          # api key from WACHT_API_KEY
        apps = client.oauth.list_oauth_apps("dep_123")

Models live in `wacht_oauth_client.models`, errors in `wacht_oauth_client.errors`. Both are
imported on first use so that `import wacht_oauth_client` stays cheap.
"""

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
    ConfigurationError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
    WachtError,
)

__all__ = [
    "WachtClient",
    "__version__",
    "WachtError",
    "ConfigurationError",
    "InvalidArgumentError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
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
