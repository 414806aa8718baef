"""Transport policy, in one place: timeouts, the deadline, body caps, retries, error mapping
and logging.

Every call has a deadline (`CallOptions.deadline`, taken once with `time.monotonic()`): each
attempt's timeouts are capped at the time left, a wait that would pass it is not slept, and the
SDK's own sockets wait at most until it (`_sockets`). Bodies are streamed and counted
on decoded bytes: success bodies up to `max_response_bytes`, error bodies up to 64 KiB.
Redirects are never followed.

Retry rules (see README "Retries"):
- any method: the connection could not be established, or 429 (the server rejected the request
  before doing anything);
- GET only: 502/503/504, read timeouts, a connection dropped mid-response;
- never: a POST/PATCH/DELETE whose request may have reached the server. It raises, and the
  error says it was not retried and why (a blind retry could create a second app or rotate a
  secret twice).
"""

from __future__ import annotations

import email.utils
import json
import logging
import math
import random
import re
import time
import zlib
from collections.abc import Generator, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import httpx

from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    InvalidArgumentError,
    RateLimitError,
    ResponseTooLargeError,
    error_class_for,
)

logger = logging.getLogger("wacht_oauth_client")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_WAIT = 60.0  # seconds; a longer Retry-After raises RateLimitError instead
# Seconds for a whole call. Above the default policy's worst case (3 attempts of up to 30 s per
# operation, two waits of up to 60 s), so it ends only calls that would otherwise run on.
DEFAULT_DEADLINE = 300.0
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
RETRYABLE_GET_STATUSES = frozenset({502, 503, 504})
_RETRY_AFTER_IN_MESSAGE = re.compile(r"[Rr]etry after (\d+(?:\.\d+)?) seconds")
_MAX_BODY_IN_ERROR = 4000
# Lists do not paginate, so a success body may be large: the cap only stops runaway bodies.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# An error body is only read for its message (and the 4,000 characters the error keeps).
MAX_ERROR_BODY_BYTES = 64 * 1024
MAX_URL_LENGTH = 65536  # httpx's own limit (from 0.24); the SDK applies it on every release

# When the call running in this thread must end (time.monotonic()), for `_sockets`.
call_deadline: ContextVar[float | None] = ContextVar("wachtcall_deadline", default=None)

# Set by `with_raw_response` wrappers to receive the final httpx.Response of a call.
captured_responses: ContextVar[list[httpx.Response] | None] = ContextVar(
    "wacht_captured_responses", default=None
)


@dataclass(frozen=True)
class CallOptions:
    """The per-client (and, through `with_options`, per-call) transport settings."""

    timeout: httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    max_retries: int = DEFAULT_MAX_RETRIES
    max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT
    deadline: float = DEFAULT_DEADLINE
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    # Derived once, not per call: the longest phase of `timeout` (see `_within`).
    longest_phase: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest_phase", _longest_phase(self.timeout))


class BearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer <key>` per request.

    Keeping the key inside an auth object (instead of a headers dict in our frames) means it never
    shows up in a repr, a log line, or the local variables a Django debug page prints.
    """

    def __init__(self, api_key: str) -> None:
        self._header_value = f"Bearer {api_key}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header_value
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(<redacted>)"


def sleep(seconds: float) -> None:
    """Module-level so tests can replace it."""
    time.sleep(seconds)


def backoff_delay(retry_number: int) -> float:
    """Exponential backoff with jitter: 0.5 s, 1 s, 2 s, ... capped at 8 s, times [0.75, 1]."""
    delay: float = min(MAX_BACKOFF, INITIAL_BACKOFF * 2 ** (retry_number - 1))
    return delay * random.uniform(0.75, 1.0)


def send(
    http: httpx.Client,
    auth: httpx.Auth,
    request: dict[str, Any],
    options: CallOptions,
) -> httpx.Response:
    """Send one API request with the retry policy; return a 2xx response or raise a WachtError."""
    method = str(request["method"]).upper()
    # Parsed once: handing httpx the URL object spares it a second parse of the string (the
    # largest per-call cost of this module).
    raw_url = str(request["url"])
    try:
        # Checked here, not left to httpx: only its newer releases enforce the limit.
        if len(raw_url) > MAX_URL_LENGTH:
            raise httpx.InvalidURL("URL too long")
        url = httpx.URL(raw_url)
    except httpx.InvalidURL:  # a path argument of tens of thousands of characters
        raise InvalidArgumentError(
            "request URL", "httpx cannot send it (is an id or slug too long?); not sent"
        ) from None
    headers = {**request.get("headers", {}), **options.extra_headers}
    kwargs = {k: v for k, v in request.items() if k not in ("method", "url", "headers")}
    if "json" in kwargs:  # the generated code set its Content-Type
        kwargs["content"] = _encode_json(kwargs.pop("json"))
    path = url.raw_path.decode("ascii")
    idempotent = method == "GET"
    may_have_run = None if idempotent else f"{method} may have reached the server"
    timeout, longest = options.timeout, options.longest_phase
    # Taken once: every attempt, wait and socket operation of the call comes out of it.
    deadline = time.monotonic() + options.deadline
    token = call_deadline.set(deadline)
    try:
        attempt = 0
        while True:
            attempt += 1
            retries_left = options.max_retries - (attempt - 1)
            started = time.perf_counter()
            try:
                built = http.build_request(
                    method,
                    url,
                    headers=headers,
                    timeout=_within(timeout, longest, deadline),
                    **kwargs,
                )
            except (TypeError, ValueError) as exc:  # a multipart field httpx cannot encode
                raise unencodable(exc) from None
            try:
                # follow_redirects=False whatever the client's own setting: a followed 302 turns a
                # POST into a GET of the Location, whose 2xx would pass for the write's success.
                response = http.send(built, auth=auth, follow_redirects=False, stream=True)
                try:
                    success = response.status_code < 300
                    limit = options.max_response_bytes if success else MAX_ERROR_BODY_BYTES
                    complete = _read_body(response, limit, not success, deadline)
                finally:
                    response.close()  # a body left unread closes its connection
            except httpx.LocalProtocolError:
                # h11 refused the request before writing it (an illegal header, for one the
                # http_client adds): nothing was sent, and a retry would fail the same way. Its
                # message quotes the header, which may be a secret.
                raise InvalidArgumentError(
                    "request", "the HTTP library refused to send it (an illegal header?); not sent"
                ) from None
            except httpx.RequestError as exc:
                _log_attempt(method, path, type(exc).__name__, started)
                # Refused, connect timeout, no free pooled connection: nothing reached the server.
                # Anything else (read/write timeouts, resets, drops, undecodable bodies such as a
                # corrupt gzip) may come after the server processed the request.
                unsent = isinstance(
                    exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout
                )
                reason = None if unsent else may_have_run
                if isinstance(exc, httpx.TimeoutException) and time.monotonic() >= deadline:
                    reason = reason or f"the call's {options.deadline:g} s deadline passed"
                    detail = f"the call used up its deadline of {options.deadline:g} s"
                    raise _connection_error(exc, method, path, attempt, reason, detail) from None
                host = None
                if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
                    port = url.port or (443 if url.scheme == "https" else 80)
                    host = f"could not connect to {url.host}:{port} ({exc or 'no detail'})"
                if reason is None and retries_left > 0:
                    wait = backoff_delay(attempt)
                    if _fits(wait, deadline):
                        error = _connection_error(exc, method, path, attempt, None, host)
                        _log_retry(method, path, attempt, options, wait, repr(error))
                        continue
                    reason = _late(options)
                raise _connection_error(exc, method, path, attempt, reason, host) from None
            except RuntimeError:
                if not http.is_closed:
                    raise
                raise ClientClosedError(
                    "the client is closed (close() was called, or its http_client was closed): "
                    "create a new WachtClient"
                ) from None

            status = response.status_code
            elapsed_ms = (time.perf_counter() - started) * 1000
            logger.debug("%s %s -> %s in %.1f ms", method, path, status, elapsed_ms)
            sink = captured_responses.get()
            if sink is not None:
                sink.append(response)
            if status < 300:
                if not complete:
                    raise _too_large(response, method, path, options.max_response_bytes)
                return response  # a 3xx is an error too: redirects are not followed, nothing ran

            if status == 429:
                retry_after = _retry_after_seconds(response)
                if retry_after is not None and retry_after > options.max_retry_wait:
                    raise _status_error(
                        response,
                        method,
                        path,
                        attempt,
                        f"the server asked to wait {retry_after:g} s, over the "
                        f"{options.max_retry_wait:g} s cap",
                        retry_after=retry_after,
                    )
                reason = None
                if retries_left > 0:
                    wait = retry_after if retry_after is not None else backoff_delay(attempt)
                    if _fits(wait, deadline):
                        _log_retry(method, path, attempt, options, wait, "429 rate limited")
                        continue
                    reason = _late(options)
                    if retry_after is not None:
                        reason = (
                            f"the server asked to wait {retry_after:g} s, past the call's "
                            f"{options.deadline:g} s deadline"
                        )
                raise _status_error(
                    response, method, path, attempt, reason, retry_after=retry_after
                )
            if status in RETRYABLE_GET_STATUSES:
                if idempotent and retries_left > 0:
                    wait = backoff_delay(attempt)
                    if _fits(wait, deadline):
                        _log_retry(method, path, attempt, options, wait, f"{status}")
                        continue
                    raise _status_error(response, method, path, attempt, _late(options))
                raise _status_error(response, method, path, attempt, may_have_run)
            reason = may_have_run if status >= 500 else None
            raise _status_error(response, method, path, attempt, reason)
    finally:
        call_deadline.reset(token)


def _encode_json(body: Any) -> bytes:
    """The JSON request body, as httpx 0.28 encodes it, whatever httpx is installed: compact,
    UTF-8, and no NaN or Infinity (which older httpx would send, and no server accepts)."""
    try:
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:  # NaN, inf, bytes or a set in a request model
        raise unencodable(exc) from None
    return text.encode("utf-8")


def unencodable(exc: Exception) -> InvalidArgumentError:
    """The error for a request that could not be encoded (so was not sent)."""
    return InvalidArgumentError(
        "request", f"cannot be encoded ({type(exc).__name__}: {str(exc)[:120]}); not sent"
    )


def _within(timeout: httpx.Timeout, longest: float, deadline: float) -> httpx.Timeout:
    """`timeout`, with no phase longer than the time left: an attempt never outlives it."""
    left = deadline - time.monotonic()
    if longest <= left:
        return timeout  # the usual case, far from the deadline
    left = max(left, 0.001)
    phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    connect, read, write, pool = (left if p is None or p > left else p for p in phases)
    return httpx.Timeout(connect=connect, read=read, write=write, pool=pool)


def _longest_phase(timeout: httpx.Timeout) -> float:
    connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
    if connect is None or read is None or write is None or pool is None:
        return math.inf  # no limit for a phase: always capped by the time left
    return max(connect, read, write, pool)


def _fits(wait: float, deadline: float) -> bool:
    """Whether the next attempt can start after `wait` seconds, before the deadline."""
    return time.monotonic() + wait < deadline


def _late(options: CallOptions) -> str:
    return f"the next attempt would start after the call's {options.deadline:g} s deadline"


def _log_attempt(method: str, path: str, outcome: str, started: float) -> None:
    # One line per attempt; with no response, the exception's name stands in for the status.
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.debug("%s %s -> %s in %.1f ms", method, path, outcome, elapsed_ms)


def _read_body(response: httpx.Response, limit: int, keep_partial: bool, deadline: float) -> bool:
    """Read the decoded body into `response.content`, counting while it streams.

    Returns False as soon as the body is over `limit` bytes, leaving the rest unread. The
    content is then the first `limit` bytes if `keep_partial`, else empty. The deadline is
    checked after every network read (for an `http_client` whose sockets are not ours).
    """
    if response.is_stream_consumed:  # a transport (such as MockTransport) read it already
        return len(response.content) <= limit
    encoding = response.headers.get("content-encoding", "").strip().lower()
    inflater = _Inflater(encoding) if encoding in ("gzip", "x-gzip", "deflate") else None
    identity = inflater is None and encoding in ("", "identity")
    # Any other encoding (br, zstd, a list) is left to httpx's decoder, counted after it.
    chunks = response.iter_raw() if inflater is not None or identity else response.iter_bytes()
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("the call's deadline passed", request=response.request)
        for piece in (chunk,) if inflater is None else inflater.inflate(chunk):
            size += len(piece)
            parts.append(piece)
            if size > limit:
                response._content = b"".join(parts)[:limit] if keep_partial else b""
                return False
    response._content = b"".join(parts)
    return True


_INFLATE_STEP = 1024 * 1024


class _Inflater:
    """gzip/deflate decoding that never produces more than it is asked for.

    httpx's own decoder inflates each network read whole: one 64 KiB read of a gzip bomb
    (~1000x) becomes ~64 MB before a cap could look at it.
    """

    def __init__(self, encoding: str) -> None:
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 32)  # a zlib or a gzip header
        self._raw_deflate_allowed = encoding == "deflate"  # headerless, as httpx accepts too

    def inflate(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of `data`, in pieces of at most 1 MiB."""
        while data:
            try:
                piece = self._zlib.decompress(data, _INFLATE_STEP)
            except zlib.error as exc:
                if not self._raw_deflate_allowed:
                    raise httpx.DecodingError(f"{type(exc).__name__}: {exc}") from None
                self._raw_deflate_allowed = False
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self._raw_deflate_allowed = False
            data = self._zlib.unconsumed_tail  # left over when the piece is full
            yield piece


def _log_retry(
    method: str, path: str, attempt: int, options: CallOptions, wait: float, why: str
) -> None:
    logger.info(
        "retrying %s %s in %.2f s (retry %d of %d) after %s",
        method,
        path,
        wait,
        attempt,
        options.max_retries,
        why,
    )
    sleep(wait)


def _log_not_retried(method: str, path: str, reason: str | None) -> None:
    # The other half of the retry decisions: a failure we deliberately do not retry.
    if reason:
        logger.info("not retrying %s %s: %s", method, path, reason)


def _connection_error(
    exc: httpx.RequestError,
    method: str,
    path: str,
    attempt: int,
    reason: str | None,
    detail: str | None = None,
) -> APIConnectionError:
    _log_not_retried(method, path, reason)
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return cls(
        f"{type(exc).__name__}: {detail or str(exc) or type(exc).__name__}",
        method=method,
        url=path,
        attempts=attempt,
        not_retried_reason=reason,
    )


def _status_error(
    response: httpx.Response,
    method: str,
    path: str,
    attempt: int,
    reason: str | None,
    **extra: Any,
) -> APIStatusError:
    _log_not_retried(method, path, reason)
    body = response.content.decode("utf-8", errors="replace")
    errors = _envelope_errors(response.content)
    messages = [str(e["message"]) for e in errors if e.get("message")]
    message = "; ".join(messages) or _status_phrase(response.status_code)
    cls = error_class_for(response.status_code)
    if cls is not RateLimitError:
        extra.pop("retry_after", None)
    return cls(
        message,
        status_code=response.status_code,
        errors=errors,
        method=method,
        url=path,
        headers=dict(response.headers),
        body=body[:_MAX_BODY_IN_ERROR],
        attempts=attempt,
        not_retried_reason=reason,
        **extra,
    )


def _too_large(
    response: httpx.Response, method: str, path: str, limit: int
) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"the response body is over max_response_bytes ({limit:,} bytes); the rest was not read",
        status_code=response.status_code,
        method=method,
        url=path,
        response=response,  # its headers; the body was not kept
        max_response_bytes=limit,
    )


def _envelope_errors(content: bytes) -> list[dict[str, Any]]:
    """The `{"errors":[{"message","code"}]}` entries, or [] for any other body (HTML, bad JSON)."""
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return []
    if not isinstance(data, dict) or not isinstance(data.get("errors"), list):
        return []
    return [e for e in data["errors"] if isinstance(e, dict)]


def _status_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:  # non-IANA statuses such as 520 from a CDN
        return f"HTTP {status}"


def _retry_after_seconds(response: httpx.Response) -> float | None:
    """`Retry-After` (seconds or HTTP date) if present, else the number in the server's message."""
    header = response.headers.get("retry-after")
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(header)
                return max(0.0, when.timestamp() - time.time())
            except (TypeError, ValueError):
                pass
    for entry in _envelope_errors(response.content):
        match = _RETRY_AFTER_IN_MESSAGE.search(str(entry.get("message", "")))
        if match:
            return float(match.group(1))
    return None


@contextmanager
def capture_responses() -> Iterator[list[httpx.Response]]:
    """Collect every response sent in this context (used by `with_raw_response`)."""
    sink: list[httpx.Response] = []
    token = captured_responses.set(sink)
    try:
        yield sink
    finally:
        captured_responses.reset(token)
