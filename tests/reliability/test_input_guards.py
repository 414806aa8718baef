"""Bad input is rejected before any I/O with an `InvalidArgumentError` naming the argument,
and a misconfigured client at construction with a `ConfigurationError` (failure class 5).

Path-unsafe characters are percent-encoded and never change the route: checked on the wire
(MockTransport) and against the emulator over a real socket, which routes on the raw path.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from wacht_oauth_client import (
    ConfigurationError,
    InvalidArgumentError,
    NotFoundError,
    WachtClient,
    WachtError,
)
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator

from ._support import CLIENT_ID, DEP, GRANT_ID, SCOPE, SLUG, MockAPI, build_world, mock_client

PNG = b"\x89PNG\r\n\x1a\n"
CLIENT_REQ = m.CreateOAuthClientRequest(
    client_auth_method="client_secret_basic",
    grant_types=["authorization_code"],
    redirect_uris=["https://example.com/cb"],
)


def _app(**fields: Any) -> m.CreateOAuthAppRequest:
    return m.CreateOAuthAppRequest(**{"slug": "app", "name": "App", **fields})


Call = Callable[[WachtClient], object]

# (id, call, argument named in the error, exact message). The table the closing note lists.
BAD_INPUTS: list[tuple[str, Call, str, str]] = [
    (
        "empty deployment_id",
        lambda c: c.oauth.list_oauth_apps(""),
        "deployment_id",
        "deployment_id: must not be empty or whitespace",
    ),
    (
        "whitespace slug",
        lambda c: c.oauth.list_oauth_clients(DEP, "  \t"),
        "oauth_app_slug",
        "oauth_app_slug: must not be empty or whitespace",
    ),
    (
        "whitespace scope",
        lambda c: c.oauth.archive_oauth_scope(DEP, SLUG, "\n"),
        "scope",
        "scope: must not be empty or whitespace",
    ),
    (
        "empty kid",
        lambda c: c.oauth.compromise_signing_key(DEP, SLUG, ""),
        "kid",
        "kid: must not be empty or whitespace",
    ),
    (
        "None deployment_id",
        lambda c: c.oauth.list_oauth_apps(None),  # type: ignore[arg-type]
        "deployment_id",
        "deployment_id: must be a str, got NoneType",
    ),
    (
        "int slug",
        lambda c: c.oauth.list_signing_keys(DEP, 42),  # type: ignore[arg-type]
        "oauth_app_slug",
        "oauth_app_slug: must be a str, got int",
    ),
    (
        "public client_id as oauth_client_id",
        lambda c: c.oauth.rotate_oauth_client_secret(
            DEP, SLUG, "oc_AbCdEfGhIjKlMnOpQrStUvWxYz012345"
        ),
        "oauth_client_id",
        "oauth_client_id: looks like a public client_id (oc_...); the API needs the numeric record "
        "id, i.e. OAuthClient.id, not OAuthClient.client_id",
    ),
    (
        "non-numeric oauth_client_id",
        lambda c: c.oauth.deactivate_oauth_client(DEP, SLUG, "client-1"),
        "oauth_client_id",
        "oauth_client_id: must be a numeric id (digits only), such as OAuthClient.id or "
        "OAuthGrant.id",
    ),
    (
        "padded numeric oauth_client_id",
        lambda c: c.oauth.list_oauth_grants(DEP, SLUG, " 123 "),
        "oauth_client_id",
        "oauth_client_id: must be a numeric id (digits only), such as OAuthClient.id or "
        "OAuthGrant.id",
    ),
    (
        "bool oauth_client_id",
        lambda c: c.oauth.list_oauth_grants(DEP, SLUG, True),  # type: ignore[arg-type]
        "oauth_client_id",
        "oauth_client_id: must be a str, got bool",
    ),
    (
        "non-numeric grant_id",
        lambda c: c.oauth.revoke_oauth_grant(DEP, SLUG, CLIENT_ID, "grant_12"),
        "grant_id",
        "grant_id: must be a numeric id (digits only), such as OAuthClient.id or OAuthGrant.id",
    ),
    (
        "negative grant_id",
        lambda c: c.oauth.revoke_oauth_grant(DEP, SLUG, CLIENT_ID, "-5"),
        "grant_id",
        "grant_id: must be a numeric id (digits only), such as OAuthClient.id or OAuthGrant.id",
    ),
    (
        "logo is a PDF",
        lambda c: c.oauth.create_oauth_app(DEP, _app(logo_file=b"%PDF-1.7\n...")),
        "request.logo_file",
        "request.logo_file: must be a PNG, JPEG, GIF, WEBP or ICO image",
    ),
    (
        "logo is an SVG",
        lambda c: c.oauth.create_oauth_app(DEP, _app(logo_file=b"<svg xmlns='x'/>")),
        "request.logo_file",
        "request.logo_file: must be a PNG, JPEG, GIF, WEBP or ICO image",
    ),
    (
        "logo is empty",
        lambda c: c.oauth.create_oauth_app(DEP, _app(logo_file=b"")),
        "request.logo_file",
        "request.logo_file: is empty",
    ),
    (
        "logo over 2 MiB",
        lambda c: c.oauth.create_oauth_app(DEP, _app(logo_file=PNG + b"\0" * (2 * 1024 * 1024))),
        "request.logo_file",
        "request.logo_file: is 2097160 bytes; the API rejects request bodies over 2 MiB",
    ),
    (
        "logo just under 2 MiB but form over",
        lambda c: c.oauth.create_oauth_app(
            DEP, _app(logo_file=PNG + b"\0" * (2 * 1024 * 1024 - 300))
        ),
        "request.logo_file",
        "request.logo_file: the form with this logo exceeds the API's 2 MiB limit",
    ),
    (
        "logo is a str",
        lambda c: c.oauth.create_oauth_app(DEP, _app(logo_file="logo.png")),
        "request.logo_file",
        "request.logo_file: must be bytes, got str",
    ),
    (
        "comma in supported_scopes",
        lambda c: c.oauth.create_oauth_app(DEP, _app(supported_scopes=["read", "read,write"])),
        "request.supported_scopes",
        "request.supported_scopes: a scope name cannot contain ',' (the form field is "
        "comma-separated)",
    ),
    (
        "blank request.slug",
        lambda c: c.oauth.create_oauth_app(DEP, _app(slug="   ")),
        "request.slug",
        "request.slug: must not be empty or whitespace",
    ),
    (
        "dict scope definition",
        lambda c: c.oauth.create_oauth_app(
            DEP, _app(supported_scopes=["read"], scope_definitions=[{"scope": "read"}])
        ),
        "request.scope_definitions[]",
        "request.scope_definitions[]: must be a OAuthScopeDefinition, got dict",
    ),
    (
        "dict as request",
        lambda c: c.oauth.create_oauth_client(DEP, SLUG, {"client_auth_method": "none"}),  # type: ignore[arg-type]
        "request",
        "request: must be a CreateOAuthClientRequest, got dict",
    ),
    (
        "wrong request model",
        lambda c: c.oauth.update_oauth_app(DEP, SLUG, _app()),  # type: ignore[arg-type]
        "request",
        "request: must be a UpdateOAuthAppRequest, got CreateOAuthAppRequest",
    ),
    (
        "create request for an update",
        lambda c: c.oauth.update_oauth_client(DEP, SLUG, CLIENT_ID, CLIENT_REQ),  # type: ignore[arg-type]
        "request",
        "request: must be a UpdateOAuthClientRequest, got CreateOAuthClientRequest",
    ),
]


@pytest.mark.parametrize(
    ("call", "argument", "message"),
    [pytest.param(c, a, msg, id=name) for name, c, a, msg in BAD_INPUTS],
)
def test_bad_input_is_rejected_before_any_io(call: Call, argument: str, message: str) -> None:
    api = MockAPI()
    client = mock_client(api)
    with pytest.raises(InvalidArgumentError) as caught:
        call(client)
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, WachtError)
    assert error.argument == argument
    assert str(error) == message
    assert api.requests == []  # nothing reached the transport


def test_the_bad_input_matrix_is_big_enough() -> None:
    assert len(BAD_INPUTS) >= 12


def test_rejected_values_are_not_echoed() -> None:
    """A user who mixes up arguments may have passed a secret: messages never echo it."""
    api = MockAPI()
    client = mock_client(api)
    secret = "oc_secret_ThisIsASecretThatWasPassedByMistake_abcdefghijk"
    with pytest.raises(InvalidArgumentError) as caught:
        client.oauth.rotate_oauth_client_secret(DEP, SLUG, secret)
    assert secret not in str(caught.value) and secret not in repr(caught.value)
    assert "OAuthClient.id" in str(caught.value)
    assert api.requests == []


def test_int_ids_are_accepted() -> None:
    api = MockAPI()
    mock_client(api).oauth.revoke_oauth_grant(DEP, SLUG, int(CLIENT_ID), int(GRANT_ID))  # type: ignore[arg-type]
    assert api.requests[-1].url.raw_path.decode() == (
        f"/deployments/{DEP}/oauth/apps/{SLUG}/clients/{CLIENT_ID}/grants/{GRANT_ID}/revoke"
    )


# -- path safety ----------------------------------------------------------------------------------

# value -> its single encoded path segment
UNSAFE_SEGMENTS = {
    "a/b": "a%2Fb",
    "..": "%2E%2E",
    ".": "%2E",
    "../../x": "..%2F..%2Fx",
    "./": ".%2F",
    "a?b=1": "a%3Fb%3D1",
    "a#frag": "a%23frag",
    "100%": "100%25",
    "%2F": "%252F",
    "ünïcödé": "%C3%BCn%C3%AFc%C3%B6d%C3%A9",
    "a b": "a%20b",
    "x\\y": "x%5Cy",
    "rotate": "rotate",
}


@pytest.mark.parametrize(("value", "segment"), UNSAFE_SEGMENTS.items(), ids=list(UNSAFE_SEGMENTS))
def test_path_unsafe_characters_are_encoded_into_one_segment(value: str, segment: str) -> None:
    api = MockAPI()
    client = mock_client(api)
    client.oauth.list_oauth_clients(value, value)
    client.oauth.archive_oauth_scope(DEP, value, value)
    client.oauth.compromise_signing_key(DEP, SLUG, value)
    paths = [r.url.raw_path.decode("ascii") for r in api.requests]
    assert paths == [
        f"/deployments/{segment}/oauth/apps/{segment}/clients",
        f"/deployments/{DEP}/oauth/apps/{segment}/scopes/{segment}/archive",
        f"/deployments/{DEP}/oauth/apps/{SLUG}/signing-keys/{segment}/compromise",
    ]
    assert api.operations == ["list_oauth_clients", "archive_oauth_scope", "compromise_signing_key"]
    assert unquote(segment) == value  # the server decodes it back to exactly what was passed
    assert all(r.url.query == b"" and r.url.fragment == "" for r in api.requests)


def test_scope_named_like_a_route_stays_a_scope() -> None:
    api = MockAPI()
    client = mock_client(api)
    client.oauth.update_oauth_scope(
        DEP, SLUG, "archive", m.UpdateOAuthScopeRequest(display_name="x")
    )
    client.oauth.set_oauth_scope_mapping(
        DEP, "x/scopes/y", SCOPE, m.SetOAuthScopeMappingRequest("personal")
    )
    assert api.operations == ["update_oauth_scope", "set_oauth_scope_mapping"]
    assert api.requests[1].url.raw_path.decode() == (
        f"/deployments/{DEP}/oauth/apps/x%2Fscopes%2Fy/scopes/{SCOPE}/mapping"
    )


@pytest.mark.parametrize(("value", "segment"), UNSAFE_SEGMENTS.items(), ids=list(UNSAFE_SEGMENTS))
def test_path_unsafe_characters_never_change_the_route_on_the_emulator(
    value: str, segment: str, client: WachtClient, emu: Emulator
) -> None:
    world = build_world(client, emu)
    prefix = f"/deployments/{DEP}/oauth/apps"
    # (call, the request the emulator must see, the 404 message it must answer)
    attempts: list[tuple[Call, tuple[str, str, str], str]] = [
        (
            lambda c: c.oauth.list_oauth_clients(DEP, value),
            ("GET", f"{prefix}/{segment}/clients", "list_oauth_clients"),
            "OAuth app not found",
        ),
        (
            lambda c: c.oauth.update_oauth_app(
                DEP, value, m.UpdateOAuthAppRequest(name="x"), preserve_scope_definitions=False
            ),
            ("PATCH", f"{prefix}/{segment}", "update_oauth_app"),
            "OAuth app not found",
        ),
        (
            lambda c: c.oauth.archive_oauth_scope(DEP, world.slug, value),
            ("POST", f"{prefix}/{world.slug}/scopes/{segment}/archive", "archive_oauth_scope"),
            "scope definition not found",
        ),
        (
            lambda c: c.oauth.compromise_signing_key(DEP, world.slug, value),
            (
                "POST",
                f"{prefix}/{world.slug}/signing-keys/{segment}/compromise",
                "compromise_signing_key",
            ),
            f"no signing key with kid '{value}' for this app",
        ),
    ]
    for call, request, message in attempts:
        with pytest.raises(NotFoundError) as caught:
            call(client)
        assert caught.value.message == message
        assert emu.requests[-1] == request
    # nothing was touched: the real app still has its scope and its key
    assert [d.archived for d in client.oauth.list_oauth_apps(DEP)[0].scope_definitions] == [
        False,
        False,
    ]
    assert [k.kid for k in client.oauth.list_signing_keys(DEP, world.slug)] == [world.kid]


@pytest.mark.parametrize("value", ["..", ".", "a/b", "a?b=1", "a#frag", "%2F", "ünïcödé"])
def test_unsafe_deployment_ids_address_their_own_deployment(
    value: str, client: WachtClient, emu: Emulator
) -> None:
    build_world(client, emu)
    assert client.oauth.list_oauth_apps(value) == []  # not dep_1's app
    method, path, operation = emu.requests[-1]
    assert (method, operation) == ("GET", "list_oauth_apps")
    assert path == f"/deployments/{UNSAFE_SEGMENTS[value]}/oauth/apps"


# -- configuration mistakes -------------------------------------------------------------------

KEY = "wacht_test_sk_Zq9fK2mW7pLx4Rt8Vb1N"
URL = "https://api.wacht.dev"
KEY_WHITESPACE = (
    "api_key starts or ends with whitespace (a key read from a file often ends with a "
    "newline): strip it"
)
KEY_CHARACTERS = (
    "api_key must be visible ASCII characters only (no spaces, tabs, line breaks, control or "
    "non-ASCII characters)"
)
URL_SCHEME = "base_url must start with https:// (or http://), such as https://api.wacht.dev"
URL_CHARACTERS = "base_url must not contain spaces, line breaks or control characters"
TIMEOUT = "timeout must be a finite number of seconds >= 0, or an httpx.Timeout"
TIMEOUT_PHASES = (
    "timeout's phases (connect, read, write, pool) must each be None or a finite number of "
    "seconds >= 0"
)

# (id, WachtClient kwargs, environment, exact message). The table the closing note lists.
BAD_CONFIGS: list[tuple[str, dict[str, Any], dict[str, str], str]] = [
    ("key with a trailing newline", {"api_key": KEY + "\n"}, {}, KEY_WHITESPACE),
    ("key with a trailing CRLF", {"api_key": KEY + "\r\n"}, {}, KEY_WHITESPACE),
    ("key with a trailing space", {"api_key": KEY + " "}, {}, KEY_WHITESPACE),
    ("key with a leading tab", {"api_key": "\t" + KEY}, {}, KEY_WHITESPACE),
    ("key with a space inside", {"api_key": KEY[:9] + " " + KEY[9:]}, {}, KEY_CHARACTERS),
    ("key with a newline inside", {"api_key": KEY[:9] + "\n" + KEY[9:]}, {}, KEY_CHARACTERS),
    ("key with a NUL", {"api_key": KEY + "\0"}, {}, KEY_CHARACTERS),
    ("key with non-ASCII", {"api_key": KEY + "é"}, {}, KEY_CHARACTERS),
    ("key as bytes", {"api_key": KEY.encode()}, {}, "api_key must be a str, got bytes"),
    (
        "key from the environment with a newline",
        {},
        {"WACHT_API_KEY": KEY + "\n"},
        KEY_WHITESPACE.replace("api_key", "WACHT_API_KEY"),
    ),
    (
        "api_key and base_url swapped",
        {"api_key": URL, "base_url": KEY},
        {},
        "api_key looks like a URL: were api_key and base_url swapped? Pass them by name: "
        "WachtClient(api_key=..., base_url=...)",
    ),
    ("base_url without a scheme", {"base_url": "api.wacht.dev"}, {}, URL_SCHEME),
    ("base_url with another scheme", {"base_url": "ftp://api.wacht.dev"}, {}, URL_SCHEME),
    ("base_url without a host", {"base_url": "https://"}, {}, "base_url has no host"),
    (
        "base_url with userinfo",
        {"base_url": "https://me:pw@api.wacht.dev"},
        {},
        "base_url must not contain a user name or password (the API key authenticates)",
    ),
    (
        "base_url with a query",
        {"base_url": "https://api.wacht.dev/?region=eu"},
        {},
        "base_url must not have a query string",
    ),
    (
        "base_url with an empty query",
        {"base_url": "https://api.wacht.dev?"},
        {},
        "base_url must not have a query string",
    ),
    (
        "base_url with a fragment",
        {"base_url": "https://api.wacht.dev/#top"},
        {},
        "base_url must not have a fragment",
    ),
    (
        "base_url with a trailing newline",
        {"base_url": URL + "\n"},
        {},
        "base_url starts or ends with whitespace: strip it",
    ),
    (
        "base_url with a leading space",
        {"base_url": " " + URL},
        {},
        "base_url starts or ends with whitespace: strip it",
    ),
    ("base_url with a newline inside", {"base_url": URL + "\n/x"}, {}, URL_CHARACTERS),
    ("base_url with a space inside", {"base_url": URL + "/a b"}, {}, URL_CHARACTERS),
    (
        "base_url from the environment with a newline",
        {},
        {"WACHT_BASE_URL": URL + "\n"},
        "WACHT_BASE_URL starts or ends with whitespace: strip it",
    ),
    ("base_url with a bad port", {"base_url": URL + ":99999"}, {}, "base_url is not a valid URL"),
    ("base_url as bytes", {"base_url": URL.encode()}, {}, "base_url must be a str, got bytes"),
    ("timeout -1", {"timeout": -1}, {}, TIMEOUT),
    ("timeout nan", {"timeout": float("nan")}, {}, TIMEOUT),
    ("timeout inf", {"timeout": float("inf")}, {}, TIMEOUT),
    ("timeout True", {"timeout": True}, {}, TIMEOUT),
    ("timeout 'soon'", {"timeout": "soon"}, {}, TIMEOUT),
    ("httpx.Timeout(-1)", {"timeout": httpx.Timeout(-1)}, {}, TIMEOUT_PHASES),
    ("httpx.Timeout read nan", {"timeout": httpx.Timeout(5, read=math.nan)}, {}, TIMEOUT_PHASES),
    (
        "max_retry_wait -5",
        {"max_retry_wait": -5},
        {},
        "max_retry_wait must be a finite number of seconds >= 0",
    ),
    (
        "max_retry_wait inf",
        {"max_retry_wait": math.inf},
        {},
        "max_retry_wait must be a finite number of seconds >= 0",
    ),
    ("deadline 0", {"deadline": 0}, {}, "deadline must be a finite number of seconds > 0"),
    ("deadline nan", {"deadline": math.nan}, {}, "deadline must be a finite number of seconds > 0"),
    ("max_retries True", {"max_retries": True}, {}, "max_retries must be an int >= 0"),
    (
        "max_response_bytes 0",
        {"max_response_bytes": 0},
        {},
        "max_response_bytes must be an int >= 1",
    ),
    (
        "http_client is an AsyncClient",
        {"http_client": httpx.AsyncClient()},
        {},
        "http_client must be an httpx.Client, got AsyncClient",
    ),
]
# the options that with_options takes too
OPTION_NAMES = ("timeout", "max_retries", "max_retry_wait", "deadline", "max_response_bytes")


def _sdk_frames_locals(error: BaseException) -> list[object]:
    """The locals of the SDK's frames in the traceback (an error page would print them)."""
    values: list[object] = []
    tb = error.__traceback__
    while tb is not None:
        if "/wacht_oauth_client/" in tb.tb_frame.f_code.co_filename:
            values.extend(tb.tb_frame.f_locals.values())
        tb = tb.tb_next
    return values


@pytest.mark.parametrize(
    ("kwargs", "env", "message"),
    [pytest.param(kw, env, msg, id=name) for name, kw, env, msg in BAD_CONFIGS],
)
def test_config_mistakes_fail_at_construction(
    kwargs: dict[str, Any], env: dict[str, str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WACHT_BASE_URL", raising=False)
    monkeypatch.setenv("WACHT_API_KEY", KEY)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError) as caught:
        WachtClient(**kwargs)
    error = caught.value
    assert str(error) == message
    # the rejected value (and the key) is never repeated, and no SDK frame holds the key
    for value in [KEY, *kwargs.values(), *env.values()]:
        text = value.decode() if isinstance(value, bytes) else value
        if isinstance(text, str) and text.strip() not in URL:  # the messages' own example
            assert text.strip() not in str(error) and repr(value) not in repr(error)
    frames = _sdk_frames_locals(error)
    assert frames, "the SDK frames were walked"
    assert not any(KEY in (v.decode() if isinstance(v, bytes) else str(v)) for v in frames)
    option = next((name for name in kwargs if name in OPTION_NAMES), None)
    if option is not None:  # the same check when the option is given per call
        client = WachtClient(api_key=KEY, base_url="http://127.0.0.1:9")
        with pytest.raises(ConfigurationError) as per_call:
            client.with_options(**{option: kwargs[option]})
        assert str(per_call.value) == message
        client.close()


def test_the_config_matrix_is_big_enough() -> None:
    assert len(BAD_CONFIGS) >= 30
