"""`WachtClient`: configuration, the one shared `httpx.Client`, lifecycle and per-call options."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import ipaddress
import math
import os
import re
import sys
import threading
import warnings
import weakref
from collections.abc import Mapping
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from . import _json, _transport
from ._version import __version__
from .errors import (
    APIResponseValidationError,
    ConfigurationError,
    InsecureBaseURLWarning,
    InvalidArgumentError,
)

if TYPE_CHECKING:
    from ._oauth import Deployment, OAuth

T = TypeVar("T")

DEFAULT_BASE_URL = "https://api.wacht.dev"
# sys.version_info rather than platform.python_version(): `platform` costs ~1.4 ms to import.
USER_AGENT = "wacht-oauth-client/{} python/{}.{}.{}".format(__version__, *sys.version_info[:3])
_NOT_GIVEN: Any = object()


class WachtClient:
    """A synchronous client for Wacht's OAuth management API, on either of its two surfaces.

    One client per process is the intended use: it is safe to share across threads (httpx's
    connection pool is thread-safe and the little lazy state we have is locked). After
    `os.fork()` the child gets fresh connections of its own (not with your own `http_client`).

    Args:
        api_key: the credential, sent as `Authorization: Bearer <api_key>`: a backend API key
            (for `client.deployment()`), or an OAuth access token for the deployment-scoped
            paths; defaults to env `WACHT_API_KEY`.
        base_url: defaults to env `WACHT_BASE_URL`, then `https://api.wacht.dev`.
        timeout: seconds or an `httpx.Timeout`, per network operation; default 30 s per
            read/write, 5 s to connect, or your `http_client`'s own timeout. `None` means the
            default. The `deadline` bounds the whole call either way.
        max_retries: retries of retry-safe failures (see docs/reliability.md); 0 disables.
        http_client: your own `httpx.Client` (proxies, mTLS, custom transport). You keep owning it:
            `close()` does not close it. Its base URL and auth are ignored.
        max_retry_wait: the longest `Retry-After` the client will sleep for before retrying a
            429; a longer one raises `RateLimitError` with `retry_after` instead.
        deadline: seconds a whole call may take, every attempt, wait and byte included
            (default 300); then it raises `APITimeoutError`.
        max_response_bytes: the largest (decoded) success body read; a larger one raises
            `ResponseTooLargeError`. Default 64 MiB (lists do not paginate).
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = _transport.DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        *,
        max_retry_wait: float = _transport.DEFAULT_MAX_RETRY_WAIT,
        deadline: float = _transport.DEFAULT_DEADLINE,
        max_response_bytes: int = _transport.DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        # Error pages and tracebacks print this frame's locals, and a malformed key (or a key
        # passed as base_url by mistake) is still a key: both are checked and deleted before
        # anything can raise. From then on only the auth object holds the key.
        credentials = _credentials(api_key, base_url)
        del api_key, base_url
        if isinstance(credentials, str):
            raise ConfigurationError(credentials)
        self._auth, self.base_url = credentials
        if http_client is not None and not isinstance(http_client, httpx.Client):
            kind = type(http_client).__name__
            raise ConfigurationError(f"http_client must be an httpx.Client, got {kind}")
        # A caller's http_client keeps its own timeout (read once, here) unless `timeout=`
        # says otherwise; `timeout=None`, here or in with_options, means this default.
        own = _transport.DEFAULT_TIMEOUT if http_client is None else http_client.timeout
        self._default_timeout = own
        self._options = _transport.CallOptions(
            timeout=_as_timeout(timeout, self._default_timeout),
            max_retries=_as_retries(max_retries),
            max_retry_wait=_seconds("max_retry_wait", max_retry_wait),
            deadline=_deadline(deadline),
            max_response_bytes=_as_byte_count(max_response_bytes),
        )
        self._owns_http = http_client is None
        self._http = http_client or _new_pool(self._options.timeout)
        if self._owns_http:
            _forkable.add(self)
        self._headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        self._lock = threading.Lock()
        self._endpoints: dict[str, ModuleType] = {}
        self._oauth: OAuth | None = None

    @property
    def oauth(self) -> OAuth:
        """The usage guide's shape: `client.oauth.<method>(deployment_id, ...)`.

        It sends the deployment-scoped paths `/deployments/{deployment_id}/oauth/apps…` (a
        console session or an OAuth access token). With a backend API key, use
        `client.deployment().oauth`. Both shapes run the same code.
        """
        if self._oauth is None:
            from ._oauth import OAuth

            with self._lock:
                if self._oauth is None:
                    self._oauth = OAuth(self)
        return self._oauth

    def deployment(self, deployment_id: str | None = None) -> Deployment:
        """One API surface, whose `.oauth` has the 18 methods without a `deployment_id` argument.

        Args:
            deployment_id: `None` (the default) targets the key-scoped backend API at
                `/oauth/apps…`, where the deployment comes from the backend API key: what
                Wacht's official SDKs call. An id targets `/deployments/{deployment_id}/oauth/…`.

        Returns:
            A cheap handle sharing this client's connections and options.

        Raises:
            InvalidArgumentError: `deployment_id` is not a non-blank `str`.
        """
        from ._oauth import Deployment

        return Deployment(self, deployment_id)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = _NOT_GIVEN,
        max_retries: int = _NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        max_retry_wait: float = _NOT_GIVEN,
        deadline: float = _NOT_GIVEN,
        max_response_bytes: int = _NOT_GIVEN,
    ) -> WachtClient:
        """A cheap copy with other settings for some calls; it shares this client's connections.

        `client.with_options(timeout=5, max_retries=0).deployment().oauth.list_oauth_apps()`

        Args:
            timeout: seconds or an `httpx.Timeout` for each network operation; `None` means
                the default.
            max_retries: retries of retry-safe failures; 0 disables them.
            extra_headers: headers added to every request of the copy.
            max_retry_wait: the longest `Retry-After` (seconds) the copy sleeps for on a 429.
            deadline: seconds the whole call may take, every attempt and wait included.
            max_response_bytes: the largest success body (decoded bytes) the copy accepts.

        Returns:
            A `WachtClient` sharing this one's connection pool (closing it closes nothing).

        Raises:
            ConfigurationError: a setting has the wrong type or value.
        """
        changes: dict[str, Any] = {}
        if timeout is not _NOT_GIVEN:
            changes["timeout"] = _as_timeout(timeout, self._default_timeout)
        if max_retries is not _NOT_GIVEN:
            changes["max_retries"] = _as_retries(max_retries)
        if max_retry_wait is not _NOT_GIVEN:
            changes["max_retry_wait"] = _seconds("max_retry_wait", max_retry_wait)
        if deadline is not _NOT_GIVEN:
            changes["deadline"] = _deadline(deadline)
        if max_response_bytes is not _NOT_GIVEN:
            changes["max_response_bytes"] = _as_byte_count(max_response_bytes)
        if extra_headers:
            problem = _headers_problem(extra_headers)
            if problem is not None:
                del extra_headers  # a header value may be a token: not in this frame's locals
                raise InvalidArgumentError("extra_headers", f"{problem}; not sent")
            changes["extra_headers"] = {**self._options.extra_headers, **extra_headers}
        copy = object.__new__(WachtClient)
        copy.__dict__.update(self.__dict__)
        copy._options = dataclasses.replace(self._options, **changes)
        copy._owns_http = False  # closing a copy must not close the shared pool
        copy._oauth = None
        if self in _forkable:
            _forkable.add(copy)  # renewed with its original after a fork
        return copy

    def close(self) -> None:
        """Close the connection pool (only if this client created it)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> WachtClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        # getattr: a traceback of a failed __init__ shows `self` before base_url is set.
        return f"WachtClient(base_url={getattr(self, 'base_url', None)!r}, api_key=<redacted>)"

    # -- used by the resources ---------------------------------------------------------------

    def _endpoint(self, operation_id: str) -> ModuleType:
        """The generated module of an operation, imported on first use (keeps import cheap)."""
        module = self._endpoints.get(operation_id)
        if module is None:
            module = importlib.import_module(f"{__package__}._generated.api.oauth.{operation_id}")
            self._endpoints[operation_id] = module
        return module

    def _send(self, prefix: str, operation_id: str, *args: Any, **kwargs: Any) -> httpx.Response:
        """Send one operation on a surface (`prefix`): generated request kwargs -> transport
        policy -> 2xx response."""
        module = self._endpoint(operation_id)
        try:
            request: dict[str, Any] = module._get_kwargs(*args, **kwargs)
        except (TypeError, ValueError, AttributeError) as exc:  # e.g. a dict for a nested model
            raise _transport.unencodable(exc) from None
        request["url"] = self.base_url + _escape_dot_segments(prefix + request["url"])
        request["headers"] = {**self._headers, **request.get("headers", {})}
        if "files" in request:
            # The generator fixes the boundary to "+++"; let httpx pick a random one instead.
            request["headers"].pop("Content-Type", None)
        elif isinstance(request.get("json"), dict):
            # None means "not sent" (the server rejects null for some list fields).
            request["json"] = {k: v for k, v in request["json"].items() if v is not None}
        return _transport.send(self._http, self._auth, request, self._options)

    def _send_no_content(self, prefix: str, operation_id: str, *args: Any) -> None:
        """Send an operation documented as 204 No Content.

        Also accepted: a 200 whose body is empty or a JSON object (an acknowledgement such as
        `{}`). Anything else, such as the 200 HTML page of an SSO proxy, a captive portal or a
        wrong base URL, does not show that the write happened.
        """
        response = self._send(prefix, operation_id, *args)
        if response.status_code == 204:
            return
        if response.status_code == 200 and _empty_or_object(response.content):
            return
        content_type = response.headers.get("content-type", "no content type")
        raise _invalid_body(response, f"expected 204 No Content, got {content_type}")

    def _call(
        self, prefix: str, operation_id: str, expected: type[T], *args: Any, **kwargs: Any
    ) -> T:
        """Send one operation and parse its 200 body into `expected` (a generated model)."""
        response = self._send(prefix, operation_id, *args, **kwargs)
        if response.status_code != 200:  # every parsed operation is documented as 200
            raise _invalid_body(response, f"expected {expected.__name__} with status 200")
        try:
            # One expression: no local holds the decoded body (a traceback with locals, or a
            # Django debug page, would print it, secrets included).
            return expected.from_dict(_unwrap_data(_json.loads(response.content)))  # type: ignore[attr-defined, no-any-return]
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            # The parser's own words (e.g. which date did not parse), kept short.
            raise _invalid_body(response, f"{type(exc).__name__}: {str(exc)[:200]}") from None


def _new_pool(timeout: httpx.Timeout) -> httpx.Client:
    """The SDK's own connection pool, whose sockets the call deadline bounds."""
    from . import _sockets  # imports httpcore, as httpx.Client() does anyway

    http = httpx.Client(
        timeout=timeout,
        follow_redirects=False,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
    )
    _sockets.bound_by_deadline(http)
    return http


# Clients using a pool the SDK built (with their with_options copies). A forked child must not
# share the parent's sockets (their requests and responses would interleave), nor a lock
# another thread held: it gets a fresh pool per original pool, and fresh locks.
_forkable: weakref.WeakSet[WachtClient] = weakref.WeakSet()


def _renew_after_fork() -> None:
    renewed: dict[int, httpx.Client] = {}
    for client in list(_forkable):
        client._lock = threading.Lock()
        old = client._http
        if old.is_closed:
            continue  # a closed client stays closed
        if id(old) not in renewed:
            renewed[id(old)] = _new_pool(old.timeout)
        client._http = renewed[id(old)]  # the parent's old pool is dropped, never closed here


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_renew_after_fork)


def _unwrap_data(data: Any) -> Any:
    """`{"data": {...}}` -> `{...}`: Wacht's docs say bodies are wrapped, and the official SDKs
    accept both; the server sends them bare. Any other body is parsed as it is."""
    if type(data) is dict and len(data) == 1 and type(data.get("data")) is dict:
        return data["data"]
    return data


def _empty_or_object(content: bytes) -> bool:
    if not content.strip():
        return True
    try:
        return type(_json.loads(content)) is dict
    except (ValueError, RecursionError):
        return False


def _invalid_body(response: httpx.Response, detail: str) -> APIResponseValidationError:
    return APIResponseValidationError(
        f"unexpected response body ({detail})",
        status_code=response.status_code,
        method=response.request.method,
        url=response.request.url.raw_path.decode("ascii"),
        response=response,
    )


def _escape_dot_segments(path: str) -> str:
    # A slug of "." or ".." survives the generator's quoting and httpx would collapse it.
    if "/./" not in path + "/" and "/../" not in path + "/":
        return path
    segments = path.split("/")
    return "/".join({".": "%2E", "..": "%2E%2E"}.get(s, s) for s in segments)


_VISIBLE_ASCII = re.compile(r"[\x21-\x7e]+")
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")
# "wacht_live_sk_…": a production key, which must never cross the network in clear text.
_LIVE_KEY = re.compile(r"(?:^|[_-])live(?:[_-]|$)", re.IGNORECASE)
_warned_insecure = False


def _credentials(api_key: object, base_url: object) -> tuple[_transport.BearerAuth, str] | str:
    """The auth object and the base URL, or what is wrong with them.

    It returns the problem instead of raising it, so that no frame holding the key is left in
    the traceback (see `WachtClient.__init__`); problems never repeat the value.
    """
    key_name, url_name = "api_key", "base_url"
    if api_key is None:
        key_name, api_key = "WACHT_API_KEY", os.environ.get("WACHT_API_KEY", "")
    if base_url is None or base_url == "":
        url_name, base_url = "WACHT_BASE_URL", os.environ.get("WACHT_BASE_URL") or DEFAULT_BASE_URL
    problem = _key_problem(key_name, api_key) or _url_problem(url_name, base_url)
    if problem is not None:
        return problem
    assert isinstance(api_key, str) and isinstance(base_url, str)
    url = httpx.URL(base_url)
    if url.scheme == "http" and _LIVE_KEY.search(api_key) and not _is_loopback(url.host):
        _warn_insecure()
    return _transport.BearerAuth(api_key), base_url.rstrip("/")


def _key_problem(name: str, key: object) -> str | None:
    if not isinstance(key, str):
        return f"{name} must be a str, got {type(key).__name__}"
    if not key.strip():
        return "No Wacht API key: pass WachtClient(api_key=...) or set WACHT_API_KEY"
    if "://" in key:
        return (
            f"{name} looks like a URL: were api_key and base_url swapped? Pass them by name: "
            "WachtClient(api_key=..., base_url=...)"
        )
    if key != key.strip():
        return (
            f"{name} starts or ends with whitespace (a key read from a file often ends with a "
            "newline): strip it"
        )
    if not _VISIBLE_ASCII.fullmatch(key):
        return (
            f"{name} must be visible ASCII characters only (no spaces, tabs, line breaks, "
            "control or non-ASCII characters)"
        )
    return None


def _url_problem(name: str, base_url: object) -> str | None:
    if not isinstance(base_url, str):
        return f"{name} must be a str, got {type(base_url).__name__}"
    if base_url != base_url.strip():
        return f"{name} starts or ends with whitespace: strip it"
    if _SPACE_OR_CONTROL.search(base_url):
        return f"{name} must not contain spaces, line breaks or control characters"
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL:
        return f"{name} is not a valid URL"
    if url.port is not None and not 0 < url.port < 65536:  # httpx takes any number
        return f"{name} is not a valid URL"
    if url.scheme not in ("http", "https"):
        return f"{name} must start with https:// (or http://), such as https://api.wacht.dev"
    if not url.host:
        return f"{name} has no host"
    if url.userinfo:
        return f"{name} must not contain a user name or password (the API key authenticates)"
    if "?" in base_url:
        return f"{name} must not have a query string"
    if "#" in base_url:
        return f"{name} must not have a fragment"
    return None


# RFC 9110 field names (tokens) and field values as h11 accepts them: visible ASCII, with
# inner spaces and tabs. A CR or LF would split the request; h11 refuses before sending.
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?)?")


def _headers_problem(headers: object) -> str | None:
    """What makes `extra_headers` unsendable, naming neither the header nor its value."""
    if not isinstance(headers, Mapping):
        return "must be a mapping of header names to str values"
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            return "a header name is not a valid HTTP token (letters, digits, !#$%&'*+-.^_`|~)"
        if not isinstance(value, str):
            return f"a header value is a {type(value).__name__}, not a str"
        if not _HEADER_VALUE.fullmatch(value):
            return (
                "a header value has a line break, a control or non-ASCII character, or "
                "whitespace at an end"
            )
    return None


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _warn_insecure() -> None:
    global _warned_insecure
    if not _warned_insecure:
        _warned_insecure = True
        warnings.warn(
            "base_url is plain http:// and the API key looks like a live one: it would cross "
            "the network unencrypted. Use https://.",
            InsecureBaseURLWarning,
            stacklevel=4,  # the caller's WachtClient(...) line
        )


def _seconds(name: str, value: Any, *, positive: bool = False, also: str = "") -> float:
    """A finite, non-negative (or positive) number of seconds; `also` extends the message."""
    seconds = math.nan  # True/False are not seconds; neither is anything float() rejects
    if not isinstance(value, bool):
        with contextlib.suppress(TypeError, ValueError):
            seconds = float(value)
    if not math.isfinite(seconds) or seconds < 0 or (positive and seconds == 0):
        bound = "> 0" if positive else ">= 0"
        raise ConfigurationError(f"{name} must be a finite number of seconds {bound}{also}")
    return seconds


def _deadline(deadline: float) -> float:
    return _seconds("deadline", deadline, positive=True)


def _as_timeout(timeout: float | httpx.Timeout | None, default: httpx.Timeout) -> httpx.Timeout:
    if timeout is None:
        return default
    if isinstance(timeout, httpx.Timeout):
        phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
        if not all(p is None or (_is_number(p) and math.isfinite(p) and p >= 0) for p in phases):
            raise ConfigurationError(
                "timeout's phases (connect, read, write, pool) must each be None or a finite "
                "number of seconds >= 0"
            )
        return timeout
    seconds = _seconds("timeout", timeout, also=", or an httpx.Timeout")
    return httpx.Timeout(seconds, connect=min(seconds, 5.0))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _as_byte_count(max_response_bytes: int) -> int:
    if not _is_int(max_response_bytes) or max_response_bytes < 1:
        raise ConfigurationError("max_response_bytes must be an int >= 1")
    return max_response_bytes


def _as_retries(max_retries: int) -> int:
    if not _is_int(max_retries) or max_retries < 0:
        raise ConfigurationError("max_retries must be an int >= 0")
    return max_retries


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
