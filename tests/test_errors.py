"""Error statuses, broken bodies and configuration problems become typed, secret-free errors."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _wire_fixtures import (
    API_KEY,
    APP,
    CLIENT_RECORD_ID,
    Recorder,
    body,
    envelope,
    json_response,
    make_client,
)

from wacht_oauth_client import (
    APIResponseValidationError,
    APIStatusError,
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
    WachtClient,
    WachtError,
    _transport,
)
from wacht_oauth_client import errors as errors_module
from wacht_oauth_client import models as m

DEP = "dep_123"
SLUG = "mcp-auth"
LIST_PATH = f"/deployments/{DEP}/oauth/apps"
CREATE_CLIENT_PATH = f"/deployments/{DEP}/oauth/apps/{SLUG}/clients"
CLIENT_REQUEST = m.CreateOAuthClientRequest(
    client_auth_method="client_secret_basic",
    grant_types=["authorization_code"],
    redirect_uris=["https://app.example.com/cb"],
)

# status -> (class, a message the server really sends for it, §1 and §3 of the reference)
STATUSES: dict[int, tuple[type[APIStatusError], str]] = {
    400: (BadRequestError, "slug is required"),
    401: (AuthenticationError, "Authorization header must be Bearer token"),
    403: (PermissionDeniedError, "Permission denied for this resource"),
    404: (NotFoundError, "OAuth app not found"),
    409: (ConflictError, "Resource already exists"),
    415: (UnsupportedMediaTypeError, "Request failed"),
    422: (UnprocessableEntityError, "Invalid request payload"),
    429: (RateLimitError, "Rate limit exceeded. Retry after 60 seconds"),
    500: (InternalServerError, "Something went wrong"),
    502: (InternalServerError, "cloudflare custom hostname request failed"),
    503: (InternalServerError, "Something went wrong"),
    504: (InternalServerError, "Operation timed out"),
    520: (InternalServerError, "Something went wrong"),  # not an IANA status (CDN)
}


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Retries never really sleep here; the list records what they would have waited."""
    waits: list[float] = []
    monkeypatch.setattr(_transport, "sleep", waits.append)
    yield waits


def assert_secret_free(error: BaseException) -> None:
    for text in (str(error), repr(error), *map(str, error.args)):
        assert API_KEY not in text
        assert API_KEY.removeprefix("sk_test_") not in text  # not even the secret part


# -- status -> class ------------------------------------------------------------------------


@pytest.mark.parametrize("status", sorted(STATUSES))
def test_get_error_status_maps_to_its_class(status: int) -> None:
    cls, message = STATUSES[status]
    recorder = Recorder([json_response(status, envelope(status, message))])
    client = make_client(recorder, max_retries=0)
    with pytest.raises(APIStatusError) as caught:
        client.oauth.list_oauth_apps(DEP)
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, WachtError)
    assert error.status_code == status
    assert error.message == message
    assert error.errors == [{"message": message, "code": status}]
    assert (error.method, error.url) == ("GET", LIST_PATH)
    assert error.attempts == 1
    assert str(error).startswith(f"HTTP {status}: {message} (GET {LIST_PATH}")
    assert_secret_free(error)
    if cls is RateLimitError:
        assert isinstance(error, RateLimitError) and error.retry_after == 60.0


@pytest.mark.parametrize("status", sorted(STATUSES))
def test_post_error_status_maps_to_its_class(status: int) -> None:
    cls, message = STATUSES[status]
    recorder = Recorder([json_response(status, envelope(status, message))])
    client = make_client(recorder, max_retries=0)
    with pytest.raises(cls) as caught:
        client.oauth.create_oauth_client(DEP, SLUG, CLIENT_REQUEST)
    error = caught.value
    assert type(error) is cls and error.status_code == status and error.message == message
    assert (error.method, error.url) == ("POST", CREATE_CLIENT_PATH)
    assert len(recorder.requests) == 1
    assert_secret_free(error)


def test_error_class_table_is_what_the_transport_uses() -> None:
    for status, (cls, _) in STATUSES.items():
        assert errors_module.error_class_for(status) is cls
    assert errors_module.error_class_for(418) is APIStatusError  # unknown 4xx: the base class


def test_every_envelope_entry_is_kept_and_messages_are_joined() -> None:
    payload = {
        "errors": [
            {"message": "grant_types must include at least one grant", "code": 400},
            {"message": "redirect_uris must use http or https", "code": 400},
        ]
    }
    recorder = Recorder([json_response(400, payload)])
    with pytest.raises(BadRequestError) as caught:
        make_client(recorder).oauth.create_oauth_client(DEP, SLUG, CLIENT_REQUEST)
    assert caught.value.errors == payload["errors"]
    assert caught.value.message == (
        "grant_types must include at least one grant; redirect_uris must use http or https"
    )


# -- bodies that are not the envelope -------------------------------------------------------

HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
    b"<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>\r\n"
    b"</html>\r\n"
)


@pytest.mark.parametrize(
    ("status", "content", "content_type", "cls", "message"),
    [
        (502, HTML_502, "text/html", InternalServerError, "Bad Gateway"),
        (520, b"<html>origin error</html>", "text/html", InternalServerError, "HTTP 520"),
        (504, b"", None, InternalServerError, "Gateway Timeout"),
        (404, b"Not Found", "text/plain", NotFoundError, "Not Found"),
        (401, b"", None, AuthenticationError, "Unauthorized"),
        (400, b"{not json", "application/json", BadRequestError, "Bad Request"),
        # The docs' (wrong) error shape, and other JSON that is not the envelope.
        (
            404,
            b'{"error":{"code":"user_not_found","message":"x","status":404}}',
            "application/json",
            NotFoundError,
            "Not Found",
        ),
        (409, b'{"errors":"duplicate"}', "application/json", ConflictError, "Conflict"),
        (500, b'["Something went wrong"]', "application/json", InternalServerError, None),
    ],
)
def test_non_envelope_error_bodies_still_give_the_typed_error(
    status: int,
    content: bytes,
    content_type: str | None,
    cls: type[APIStatusError],
    message: str | None,
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    recorder = Recorder([httpx.Response(status, content=content, headers=headers)])
    with pytest.raises(WachtError) as caught:
        make_client(recorder, max_retries=0).oauth.list_oauth_apps(DEP)
    error = caught.value
    assert type(error) is cls  # never a JSONDecodeError
    assert isinstance(error, APIStatusError)
    assert not isinstance(error, ValueError)
    assert error.status_code == status
    assert error.message == (message or "Internal Server Error")
    assert error.errors == []
    assert error.body == content.decode()
    assert (error.method, error.url) == ("GET", LIST_PATH)
    assert_secret_free(error)


def test_html_429_with_retry_after_header() -> None:
    recorder = Recorder(
        [httpx.Response(429, content=b"<h1>Too Many</h1>", headers={"Retry-After": "7"})]
    )
    with pytest.raises(RateLimitError) as caught:
        make_client(recorder, max_retries=0).oauth.list_oauth_apps(DEP)
    assert caught.value.retry_after == 7.0
    assert caught.value.message == "Too Many Requests"


def test_retried_statuses_do_not_really_sleep(no_sleep: list[float]) -> None:
    # GETs retry 503 (twice by default); the patched sleep records the backoff instead.
    recorder = Recorder([json_response(503, envelope(503, "Something went wrong"))] * 3)
    with pytest.raises(InternalServerError) as caught:
        make_client(recorder).oauth.list_oauth_apps(DEP)
    assert len(recorder.requests) == 3
    assert caught.value.attempts == 3
    assert len(no_sleep) == 2 and all(0 < wait <= 8 for wait in no_sleep)
    assert_secret_free(caught.value)


# -- success status, broken body ------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json at all",
        b"<html><body>maintenance</body></html>",
        b'{"apps": [',
        b"[]",
        b"null",
        b'{"apps": "oops"}',
        b'{"apps": [{"id": "1"}]}',
    ],
)
def test_200_with_a_broken_body_is_a_validation_error(content: bytes) -> None:
    recorder = Recorder(
        [httpx.Response(200, content=content, headers={"content-type": "application/json"})]
    )
    with pytest.raises(APIResponseValidationError) as caught:
        make_client(recorder).oauth.list_oauth_apps(DEP)
    error = caught.value
    assert isinstance(error, WachtError)
    assert error.status_code == 200
    assert (error.method, error.url) == ("GET", LIST_PATH)
    assert_secret_free(error)


def test_200_with_a_bad_timestamp_is_a_validation_error() -> None:
    app = body(APP)
    app["created_at"] = "yesterday"
    recorder = Recorder([json_response(200, app)])
    with pytest.raises(APIResponseValidationError) as caught:
        make_client(recorder).oauth.archive_oauth_scope(DEP, SLUG, "mcp:invoke")
    assert caught.value.method == "POST"
    assert caught.value.url == f"/deployments/{DEP}/oauth/apps/{SLUG}/scopes/mcp%3Ainvoke/archive"


def test_unexpected_success_status_is_a_validation_error() -> None:
    # A 204 where the API documents a 200 body (e.g. from a misbehaving proxy).
    recorder = Recorder([httpx.Response(204)])
    with pytest.raises(APIResponseValidationError) as caught:
        make_client(recorder).oauth.rotate_oauth_client_secret(DEP, SLUG, CLIENT_RECORD_ID)
    assert caught.value.status_code == 204


# -- configuration ---------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("WACHT_API_KEY", raising=False)
    monkeypatch.delenv("WACHT_BASE_URL", raising=False)
    return monkeypatch


@pytest.mark.parametrize("api_key", [None, "", "   "])
def test_missing_api_key_fails_at_construction(clean_env: pytest.MonkeyPatch, api_key: Any) -> None:
    with pytest.raises(ConfigurationError) as caught:
        WachtClient(api_key=api_key)
    assert "WACHT_API_KEY" in str(caught.value)


def test_api_key_and_base_url_come_from_the_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("WACHT_API_KEY", "sk_test_from_env")
    clean_env.setenv("WACHT_BASE_URL", "https://staging.example.test/")
    recorder = Recorder([json_response(200, {"apps": []})])
    client = WachtClient(http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    assert client.oauth.list_oauth_apps(DEP) == []
    request = recorder.requests[0]
    assert request.headers["authorization"] == "Bearer sk_test_from_env"
    assert str(request.url) == f"https://staging.example.test{LIST_PATH}"
    assert "sk_test_from_env" not in repr(client)


def test_explicit_arguments_beat_the_environment(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("WACHT_API_KEY", "sk_test_from_env")
    clean_env.setenv("WACHT_BASE_URL", "https://staging.example.test")
    recorder = Recorder([json_response(200, {"apps": []})])
    make_client(recorder).oauth.list_oauth_apps(DEP)
    request = recorder.requests[0]
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.url.host == "api.wacht.dev"


def test_default_base_url_without_environment(clean_env: pytest.MonkeyPatch) -> None:
    recorder = Recorder([json_response(200, {"apps": []})])
    client = WachtClient(
        api_key=API_KEY, http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    )
    client.oauth.list_oauth_apps(DEP)
    assert str(recorder.requests[0].url) == f"https://api.wacht.dev{LIST_PATH}"


# -- the key never leaks ----------------------------------------------------------------------


def test_key_is_not_in_client_reprs() -> None:
    client = make_client(Recorder())
    for text in (repr(client), repr(client.with_options(max_retries=0)), repr(client._auth)):
        assert API_KEY not in text


def test_key_is_not_in_argument_errors() -> None:
    # A caller who mixes up arguments may pass the key itself; the message must not echo it.
    recorder = Recorder()
    client = make_client(recorder)
    with pytest.raises(InvalidArgumentError) as caught:
        client.oauth.rotate_oauth_client_secret(DEP, SLUG, API_KEY)
    assert_secret_free(caught.value)
    assert recorder.requests == []


def test_key_is_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    recorder = Recorder(
        [
            json_response(429, envelope(429, "Rate limit exceeded. Retry after 1 seconds")),
            json_response(500, envelope(500, "Something went wrong")),
        ]
    )
    with pytest.raises(InternalServerError) as caught:
        make_client(recorder, max_retries=1).oauth.list_oauth_apps(DEP)
    assert caplog.records  # the retry and both responses were logged
    assert API_KEY not in caplog.text
    assert_secret_free(caught.value)
