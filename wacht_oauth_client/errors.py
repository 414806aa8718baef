"""Typed errors raised by the SDK.

Every failure the SDK can produce is a `WachtError`:

- `InvalidArgumentError` (also a `ValueError`): bad input caught before any network I/O.
- `ConfigurationError`: the client cannot be built (e.g. no API key).
- `ClientClosedError` (also a `RuntimeError`): a call after `close()`.
- `APIConnectionError` / `APITimeoutError`: no usable HTTP response arrived.
- `APIStatusError` and its per-status subclasses: the server answered with an error status.
- `APIResponseValidationError`: a success status whose body is not what the API document says
  (`ResponseTooLargeError`: a body over `max_response_bytes`).

Messages never contain the API key, a client secret or a request body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "WachtError",
    "ConfigurationError",
    "InvalidArgumentError",
    "ClientClosedError",
    "InsecureBaseURLWarning",
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
    "ConfigError",
    "ConfigConflictError",
]


class WachtError(Exception):
    """Base class of every error this SDK raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle (and copy) rebuilds an exception as `cls(*args)`, which our keyword-only
        # constructors reject: one such error would break a ProcessPoolExecutor. Rebuild from
        # the attributes instead, without running __init__ again.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls: type[WachtError], args: tuple[Any, ...], state: dict[str, Any]) -> WachtError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ConfigurationError(WachtError):
    """The client is misconfigured (for example, no API key was given or found)."""


class ClientClosedError(WachtError, RuntimeError):
    """A call on a client after `close()`, or through an `http_client` that was closed."""


class InsecureBaseURLWarning(UserWarning):
    """Warned once per process: a live-looking API key with a plain `http://` base URL (not a
    loopback address), which would send the key over the network unencrypted."""


class InvalidArgumentError(WachtError, ValueError):
    """An argument was rejected locally, before any request was sent."""

    def __init__(self, argument: str, problem: str) -> None:
        self.argument = argument
        super().__init__(f"{argument}: {problem}")


class APIError(WachtError):
    """A request was sent (or attempted) and did not produce the expected result."""

    def __init__(
        self,
        message: str,
        *,
        method: str,
        url: str,
        attempts: int = 1,
        not_retried_reason: str | None = None,
    ) -> None:
        self.message = message
        self.method = method
        self.url = url
        self.attempts = attempts
        self.not_retried_reason = not_retried_reason
        super().__init__(_shortened(message))

    def __str__(self) -> str:
        text = f"{_shortened(self.message)} ({self.method} {self.url}"
        if self.attempts > 1:
            text += f", {self.attempts} attempts"
        text += ")"
        if self.not_retried_reason:
            text += f"; not retried: {self.not_retried_reason}"
        return text


# `str(error)` goes into every log line and error report: a server's (or a proxy's) message is
# cut to this many characters there; `error.message` keeps all of it.
MAX_MESSAGE_IN_STR = 500


def _shortened(message: str) -> str:
    if len(message) <= MAX_MESSAGE_IN_STR:
        return message
    rest = len(message) - MAX_MESSAGE_IN_STR
    return f"{message[:MAX_MESSAGE_IN_STR]}… ({rest:,} more characters in error.message)"


class APIConnectionError(APIError):
    """The request failed at the transport level (refused, reset, dropped mid-response)."""


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIResponseValidationError(APIError):
    """A success status came back with a body that does not match the API document.

    `response` is that `httpx.Response`, body included: a one-time `client_secret` can still be
    read from `error.response.content`. `write_applied` is true for any method but GET: the
    server answered with a success status, so the write most likely happened and must not be
    sent again blindly (the message says so too).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str,
        url: str,
        response: httpx.Response | None = None,
    ) -> None:
        self.status_code = status_code
        self.response = response
        self.write_applied = method != "GET"
        if self.write_applied:
            message += (
                f"; the server answered {status_code} to this {method}, so the write was "
                "applied: do not send it again blindly (error.response has the response)"
            )
        super().__init__(message, method=method, url=url)


class ResponseTooLargeError(APIResponseValidationError):
    """A success response whose decoded body is over `max_response_bytes`; it was not read
    further, and `max_response_bytes` says what the cap was."""

    def __init__(self, message: str, *, max_response_bytes: int, **kwargs: Any) -> None:
        self.max_response_bytes = max_response_bytes
        super().__init__(message, **kwargs)


class APIStatusError(APIError):
    """The server answered with an error status (4xx/5xx) or a redirect (3xx, never followed).

    `message` is the server's own message (from the `{"errors":[...]}` envelope) when there is one;
    `errors` holds every entry of that envelope as plain dicts.
    """

    status_code: int

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        errors: list[dict[str, Any]],
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: str,
        attempts: int = 1,
        not_retried_reason: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.errors = errors
        self.headers = headers
        self.body = body
        super().__init__(
            message,
            method=method,
            url=url,
            attempts=attempts,
            not_retried_reason=not_retried_reason,
        )

    def __str__(self) -> str:
        return f"HTTP {self.status_code}: {super().__str__()}"


class BadRequestError(APIStatusError):
    """400: validation failed (the message says which rule)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, malformed or rejected."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not do this."""


class NotFoundError(APIStatusError):
    """404: unknown deployment, app, client, scope definition or signing key."""


class ConflictError(APIStatusError):
    """409: the resource already exists (e.g. a duplicate app slug)."""


class UnsupportedMediaTypeError(APIStatusError):
    """415: the body was sent with the wrong content type."""


class UnprocessableEntityError(APIStatusError):
    """422: the JSON body has a missing field or a field of the wrong type."""


class RateLimitError(APIStatusError):
    """429: rate limited. `retry_after` is the wait in seconds the server asked for, if known."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class InternalServerError(APIStatusError):
    """5xx: the server (or a proxy in front of it) failed."""


class ConfigError(WachtError):
    """A configuration document (`wacht_oauth_client.config`) is invalid or cannot be read.

    Raised before any request is sent. `problems` lists every problem, each with its place in the
    document (and its line, in a YAML file).
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__(_listed(self.problems))


class ConfigConflictError(WachtError):
    """The deployment cannot be made to match a configuration as it stands; nothing was written.

    Two active clients share a name, a scope mapping would have to change (mappings are immutable
    once set), or the deployment changed between `plan()` and `apply()`. `problems` lists them.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__(_listed(self.problems))


def _listed(problems: list[str]) -> str:
    if len(problems) == 1:
        return problems[0]
    return f"{len(problems)} problems:\n  " + "\n  ".join(problems)


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    415: UnsupportedMediaTypeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class_for(status_code: int) -> type[APIStatusError]:
    """The exception class for an error status (unknown 4xx map to the base class)."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIStatusError)
