"""Cassette helpers: record your code's Wacht calls once, replay them offline in tests.

`vcr_config()` returns keyword arguments for vcrpy (`vcr.VCR(**config)`,
`vcr.use_cassette(path, **config)`) or for pytest-recording (return it from a `vcr_config`
fixture). It applies the same scrubbing and matching as this SDK's own cassette suite:

- scrubbing: the `Authorization` header is stored as `Bearer REDACTED`; every JSON field whose
  name contains `secret` (e.g. `client_secret`) and any other `oc_secret_...` value in a request
  or response body is stored as `oc_secret_REDACTED`;
- no noise: `User-Agent`, `Date` and `Server` are not stored, and a multipart boundary is stored
  as a fixed string, so re-recording unchanged code gives byte-identical cassettes;
- strict matching: method, scheme, host, port, path, query AND body (JSON compared parsed,
  multipart compared with the boundary normalised), so a change in what your code sends fails the
  replay instead of silently reusing an old answer;
- `record_mode="none"`: a missing cassette or an unknown request raises vcrpy's
  `CannotOverwriteExistingCassetteException`; nothing is recorded unless you ask for it;
- compressed responses are stored decoded (readable, diffable).

This module does not import vcrpy; install it with `pip install "wacht-oauth-client[testing]"`.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = [
    "REDACTED_AUTHORIZATION",
    "REDACTED_SECRET",
    "MULTIPART_BOUNDARY",
    "vcr_config",
    "scrub_request",
    "scrub_response",
]

REDACTED_AUTHORIZATION = "Bearer REDACTED"
REDACTED_SECRET = "oc_secret_REDACTED"
# Same length as httpx's random boundary (32 hex chars) so Content-Length stays right.
MULTIPART_BOUNDARY = "wacht-vcr-multipart-boundary-000"

MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "body")
_SECRET_VALUE = re.compile(rb"oc_secret_[A-Za-z0-9_\-]+")
_BOUNDARY = re.compile(r"boundary=\"?([^\";,\s]+)\"?")
_VOLATILE_RESPONSE_HEADERS = ("date", "server")


def vcr_config(**overrides: Any) -> dict[str, Any]:
    """vcrpy / pytest-recording settings that scrub secrets and match requests strictly.

    To add your own request or response hook, keep this module's first:
    `config["before_record_request"] = [scrub_request, my_hook]`.

    Args:
        **overrides: vcrpy settings that replace the default of the same name, such as
            `record_mode="once"` to record missing cassettes.

    Returns:
        Keyword arguments for `vcr.VCR(...)`, `vcr.use_cassette(...)`, or a pytest-recording
        `vcr_config` fixture. Record mode is `"none"` unless overridden.

    Example:
        With pytest-recording, in your `conftest.py` (or import the ready-made fixture from
        `wacht_oauth_client.testing.pytest_plugin`):

        ```python
        import pytest
        from wacht_oauth_client.testing import vcr_config as wacht_vcr_config

        @pytest.fixture
        def vcr_config(record_mode):  # pytest-recording's --record-mode, "none" by default
            return wacht_vcr_config(record_mode=record_mode)
        ```
    """
    config: dict[str, Any] = {
        "record_mode": "none",
        "match_on": MATCH_ON,
        "filter_headers": [("authorization", REDACTED_AUTHORIZATION), ("user-agent", None)],
        "before_record_request": scrub_request,
        "before_record_response": scrub_response,
        "decode_compressed_response": True,
    }
    config.update(overrides)
    return config


def scrub_request(request: Any) -> Any:
    """vcrpy's `before_record_request` hook: fix the multipart boundary, redact body secrets.

    vcrpy also runs it on live requests before matching them, so both sides compare equal.

    Args:
        request: The vcrpy request; changed in place.

    Returns:
        The same request.
    """
    body = request.body
    if isinstance(body, str):
        body = body.encode("utf-8")
    if not body or not isinstance(body, bytes):  # nothing to scrub (or a stream we leave alone)
        return request
    content_type = _header(request.headers, "content-type")
    if content_type.lower().startswith("multipart/"):
        match = _BOUNDARY.search(content_type)
        if match:
            boundary = match.group(1)
            body = body.replace(boundary.encode("ascii"), MULTIPART_BOUNDARY.encode("ascii"))
            request.headers["content-type"] = content_type.replace(boundary, MULTIPART_BOUNDARY)
    request.body = _redact_body(body)
    if _header(request.headers, "content-length"):
        request.headers["content-length"] = str(len(request.body))
    return request


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy's `before_record_response` hook: redact secrets, drop run-dependent headers.

    Args:
        response: The vcrpy response dict; changed in place.

    Returns:
        The same dict, with `Date` and `Server` removed and secrets in the body replaced by
        `oc_secret_REDACTED`.
    """
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _VOLATILE_RESPONSE_HEADERS:
            del headers[name]
    body = response.get("body", {}).get("string")
    if isinstance(body, str):
        body = body.encode("utf-8")
    if body:
        scrubbed = _redact_body(body)
        response["body"]["string"] = scrubbed
        for name in headers:
            if name.lower() == "content-length":
                headers[name] = [str(len(scrubbed))]
    return response


def _redact_body(body: bytes) -> bytes:
    try:
        data = json.loads(body)
    except ValueError:  # not JSON (multipart, HTML, ...): only the oc_secret_ pattern applies
        pass
    else:
        redacted = _redact_json(data)
        if redacted != data:
            body = json.dumps(redacted, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return _SECRET_VALUE.sub(REDACTED_SECRET.encode("ascii"), body)


def _redact_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: REDACTED_SECRET
            if "secret" in key.lower() and isinstance(item, str)
            else _redact_json(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_redact_json(item) for item in value]
    return value


def _header(headers: Any, name: str) -> str:
    # vcrpy request headers are a case-insensitive dict of str (or a list of str).
    value = headers.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return str(value)
