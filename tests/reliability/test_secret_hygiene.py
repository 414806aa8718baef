"""Secret hygiene: the API key and client secrets never show up in a repr, str, log record,
exception message, or a local variable an error page would print. And the logging contract.

Renderers covered (failure class 6): repr, str, pprint, rich's pretty printer, rich tracebacks
with locals, structlog's dict tracebacks (`dict_tracebacks`, `ExceptionDictTransformer`) and
its console renderer with rich tracebacks, and `traceback.TracebackException(capture_locals=
True)`. Django's debug page: examples/django_app/tests/test_django_debug_page.py.

A full walk-through of the 18 methods runs against the emulator over a real socket, with
every logger (ours, httpx, httpcore) captured at DEBUG and some errors forced along the way.
"""

from __future__ import annotations

import io
import json
import logging
import pprint
import re
import traceback
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
import structlog
from packaging.version import Version
from rich.console import Console
from rich.pretty import pretty_repr
from rich.traceback import Traceback
from structlog.tracebacks import ExceptionDictTransformer

import wacht_oauth_client
from wacht_oauth_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    WachtClient,
    WachtError,
)
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, EmulatorURL, Fault

from ._support import API_KEY, DEP, client_json

SDK_DIR = str(Path(wacht_oauth_client.__file__).parent)
WRONG_KEY = "wacht_test_sk_WrongKeyAlsoSecret77xQ"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
FORMATTER = logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")


def _fragments(secret: str) -> set[str]:
    """Every 10-character window of the random part: catches whole and truncated leaks."""
    random_part = re.sub(r"^(oc_secret_|wacht_test_sk_)", "", secret)
    return {random_part[i : i + 10] for i in range(len(random_part) - 9)}


class Leaks:
    """Collects renderings of everything a user or an error tracker could print."""

    def __init__(self) -> None:
        self.secrets: set[str] = {API_KEY, WRONG_KEY}
        self.rendered: list[tuple[str, str]] = []

    def add_secret(self, value: object) -> None:
        assert isinstance(value, str) and value.startswith("oc_secret_"), value
        self.secrets.add(value)

    def render(self, what: str, value: object) -> None:
        self.rendered.append((f"repr({what})", repr(value)))
        self.rendered.append((f"str({what})", str(value)))
        self.rendered.append((f"pformat({what})", pprint.pformat(value)))
        self.rendered.append((f"rich pretty({what})", pretty_repr(value, max_string=None)))

    def render_traceback(self, what: str, error: BaseException, tb: TracebackType | None) -> None:
        """`error` with the locals of every frame from `tb` on, as each renderer shows them."""
        exc_info = (type(error), error, tb)
        console = Console(file=io.StringIO(), width=200, color_system=None)
        # Locals untruncated (rich's defaults would cut strings at 80 characters); no source
        # lines around each frame's own, which only cost time.
        console.print(
            Traceback.from_exception(
                *exc_info,
                show_locals=True,
                locals_max_string=None,
                locals_max_length=None,
                extra_lines=0,
            )
        )
        self.rendered.append((f"rich traceback {what}", console.file.getvalue()))  # type: ignore[attr-defined]
        frames = ExceptionDictTransformer(show_locals=True, locals_max_string=None)(exc_info)
        self.rendered.append((f"structlog dict {what}", json.dumps(frames, default=str)))
        event = {"event": "failed", "exc_info": exc_info}
        processed = structlog.processors.dict_tracebacks(None, "error", dict(event))
        self.rendered.append((f"structlog dict_tracebacks {what}", json.dumps(processed)))
        console_renderer = structlog.dev.ConsoleRenderer(
            colors=False,
            exception_formatter=structlog.dev.RichTracebackFormatter(
                show_locals=True, width=200, extra_lines=0
            ),
        )
        text = console_renderer(None, "error", dict(event))
        self.rendered.append((f"structlog console {what}", str(text)))
        summary = traceback.TracebackException(*exc_info, capture_locals=True)
        self.rendered.append((f"capture_locals {what}", "".join(summary.format())))

    def found(self) -> list[tuple[str, str]]:
        fragments = {f: s for s in self.secrets for f in _fragments(s)}
        leaks = []
        for where, text in self.rendered:
            if "oc_secret_" in text or "Bearer wacht" in text:
                leaks.append((where, text[:300]))
            leaks.extend((where, fragment) for fragment in fragments if fragment in text)
        return leaks


def _frames(error: BaseException) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, locals) of every frame a Django debug page would show for `error`.

    Django follows `__cause__`, else `__context__` unless `__suppress_context__`. Only frames
    outside the tests are kept: the test's own locals hold secrets on purpose.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        tb: TracebackType | None = current.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code
            if not code.co_filename.startswith(str(Path(__file__).parent)):
                yield f"{type(current).__name__} frame {code.co_name}", dict(tb.tb_frame.f_locals)
            tb = tb.tb_next
        cause = current.__cause__
        current = cause or (None if current.__suppress_context__ else current.__context__)


def render_error(leaks: Leaks, error: WachtError, frames_too: bool = True) -> None:
    name = type(error).__name__
    leaks.render(name, error)
    leaks.render(f"{name}.args", error.args)
    if isinstance(error, APIStatusError):
        leaks.render(f"{name}.body/headers/errors", (error.body, error.headers, error.errors))
    if not frames_too:
        return
    frames = 0
    for where, local_vars in _frames(error):
        frames += 1
        for var, value in local_vars.items():
            leaks.rendered.append((f"{where} local {var}", repr(value)))
            leaks.rendered.append((f"{where} local {var} (pformat)", pprint.pformat(value)))
    if not isinstance(error, InvalidArgumentError):
        assert frames >= 2, name  # the SDK frames were really walked
    # the standard library's own "locals in tracebacks" rendering, SDK frames only
    summary = traceback.TracebackException.from_exception(error, capture_locals=True)
    for frame in summary.stack:
        if frame.filename.startswith(SDK_DIR):
            leaks.rendered.append((f"capture_locals {frame.name}", repr(frame.locals)))
    # rich, structlog and the standard library, from the first SDK frame on
    leaks.render_traceback(name, error, _from_sdk_frames(error.__traceback__))


def _from_sdk_frames(tb: TracebackType | None) -> TracebackType | None:
    while tb is not None and not tb.tb_frame.f_code.co_filename.startswith(SDK_DIR):
        tb = tb.tb_next
    return tb


def _expect(
    leaks: Leaks, cls: type[WachtError], call: Callable[[], object], frames_too: bool = True
) -> WachtError:
    with pytest.raises(cls) as caught:
        call()
    render_error(leaks, caught.value, frames_too)
    return caught.value


def _render_logs(leaks: Leaks, records: list[logging.LogRecord]) -> None:
    for record in records:
        leaks.rendered.append((f"log {record.name}", record.getMessage()))
        leaks.rendered.append((f"log {record.name} formatted", FORMATTER.format(record)))
        leaks.rendered.append((f"log {record.name} args", repr(record.args)))
        leaks.rendered.append((f"log {record.name} record", repr(vars(record))))


def _transport_loggers() -> set[str]:
    """The loggers of httpx's request lines and httpcore's HTTP/1.1 trace, in the installed
    releases: today's names, or the older ones that the lowest supported releases use."""
    httpx, httpcore = Version(version("httpx")), Version(version("httpcore"))
    names = {"httpx" if httpx >= Version("0.24") else "httpx._client"}
    if httpcore >= Version("0.17.2"):
        names.add("httpcore.http11")
    elif httpcore >= Version("0.17"):
        names.add("httpcore")
    # (httpcore < 0.17 does not log at all.)
    return names


@pytest.fixture(autouse=True)
def plain_source_in_rich_tracebacks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich tracebacks as they render, minus syntax highlighting of each frame's source file
    (pygments lexing whole files is nearly all of their cost; the locals are unaffected)."""
    monkeypatch.setattr(Traceback, "_guess_lexer", classmethod(lambda cls, name, code: "text"))


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)  # the root logger: everything propagates to it
    for name in ("wacht_oauth_client", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def test_full_walkthrough_leaks_no_secret(
    server: EmulatorURL, emu: Emulator, all_logs: pytest.LogCaptureFixture
) -> None:
    leaks = Leaks()
    client = WachtClient(api_key=API_KEY, base_url=server)
    oauth = client.oauth
    emu.set_b2b_permissions(DEP, organization=["org:read"])
    results: list[tuple[str, object]] = []

    def keep(name: str, value: object) -> Any:
        results.append((name, value))
        return value

    # -- the 18 methods (some through with_options copies and with_raw_response)
    app = keep(
        "create_oauth_app",
        oauth.create_oauth_app(
            DEP,
            m.CreateOAuthAppRequest(
                slug="hygiene",
                name="Hygiene",
                supported_scopes=["read", "write"],
                scope_definitions=[m.OAuthScopeDefinition("read", "Read", "Reads")],
                logo_file=PNG,
            ),
        ),
    )
    slug = app.slug
    keep("list_oauth_apps", oauth.list_oauth_apps(DEP))
    keep("update_oauth_app", oauth.update_oauth_app(DEP, slug, m.UpdateOAuthAppRequest(name="H2")))
    keep("verify_oauth_app_domain", oauth.verify_oauth_app_domain(DEP, slug))
    keep(
        "update_oauth_scope",
        oauth.update_oauth_scope(DEP, slug, "read", m.UpdateOAuthScopeRequest(description="d")),
    )
    keep("archive_oauth_scope", oauth.archive_oauth_scope(DEP, slug, "write"))
    keep("unarchive_oauth_scope", oauth.unarchive_oauth_scope(DEP, slug, "write"))
    keep(
        "set_oauth_scope_mapping",
        oauth.set_oauth_scope_mapping(
            DEP, slug, "read", m.SetOAuthScopeMappingRequest("organization", "org:read")
        ),
    )
    request = m.CreateOAuthClientRequest(
        client_auth_method="client_secret_basic",
        grant_types=["authorization_code", "refresh_token"],
        redirect_uris=["https://example.com/cb"],
    )
    created = keep("create_oauth_client", oauth.create_oauth_client(DEP, slug, request))
    leaks.add_secret(created.client_secret)
    raw_created = oauth.with_raw_response.create_oauth_client(DEP, slug, request)
    keep("with_raw_response.create_oauth_client", raw_created)
    leaks.add_secret(raw_created.parsed.client_secret)
    keep("list_oauth_clients", oauth.list_oauth_clients(DEP, slug))
    keep(
        "update_oauth_client",
        oauth.update_oauth_client(
            DEP, slug, created.id, m.UpdateOAuthClientRequest(client_name="Renamed")
        ),
    )
    rotated = keep(
        "rotate_oauth_client_secret", oauth.rotate_oauth_client_secret(DEP, slug, created.id)
    )
    leaks.add_secret(rotated.client_secret)
    copy = client.with_options(timeout=10, max_retries=1, extra_headers={"X-Trace": "t1"})
    raw_rotated = copy.oauth.with_raw_response.rotate_oauth_client_secret(DEP, slug, created.id)
    keep("with_raw_response.rotate_oauth_client_secret", raw_rotated)
    leaks.add_secret(raw_rotated.parsed.client_secret)
    grant = emu.add_grant(DEP, slug, created.id, scopes=["read"], granted_by_user_id=42)
    keep("list_oauth_grants", oauth.list_oauth_grants(DEP, slug, created.id))
    keep("revoke_oauth_grant", oauth.revoke_oauth_grant(DEP, slug, created.id, str(grant["id"])))
    keys = keep("list_signing_keys", oauth.list_signing_keys(DEP, slug))
    keep("rotate_signing_key", oauth.rotate_signing_key(DEP, slug))
    keep("compromise_signing_key", oauth.compromise_signing_key(DEP, slug, keys[0].kid))
    raw_deactivated = copy.oauth.with_raw_response.deactivate_oauth_client(DEP, slug, created.id)
    keep("with_raw_response.deactivate_oauth_client", raw_deactivated)
    assert raw_deactivated.status_code == 204
    called = {name.removeprefix("with_raw_response.") for name, _ in results}
    assert len(called) == 18

    # -- errors, forced along the way
    other = raw_created.parsed
    errors = [
        _expect(
            leaks, NotFoundError, lambda: oauth.rotate_oauth_client_secret(DEP, slug, created.id)
        ),
        _expect(
            leaks,
            BadRequestError,
            lambda: oauth.create_oauth_client(
                DEP,
                slug,
                m.CreateOAuthClientRequest(
                    client_auth_method="client_secret_post",
                    grant_types=["authorization_code"],
                    redirect_uris=["ftp://nope"],
                ),
            ),
        ),
        # The user mixed up arguments and passed a secret as the id: the message must not echo
        # it. (The SDK frames' locals do hold it: it is the argument the caller passed.)
        _expect(
            leaks,
            InvalidArgumentError,
            lambda: oauth.rotate_oauth_client_secret(DEP, slug, rotated.client_secret),
            frames_too=False,
        ),
        _expect(leaks, InvalidArgumentError, lambda: oauth.list_oauth_grants(DEP, slug, "oc_x")),
    ]
    emu.inject_fault("rotate_oauth_client_secret", Fault.status(500, execute=True))
    errors.append(
        _expect(
            leaks,
            InternalServerError,
            lambda: oauth.rotate_oauth_client_secret(DEP, slug, other.id),
        )
    )
    emu.inject_fault("create_oauth_client", Fault.drop(after_headers=True))  # half the body sent
    errors.append(
        _expect(leaks, APIConnectionError, lambda: oauth.create_oauth_client(DEP, slug, request))
    )
    truncated = b'{"client_secret":"oc_secret_TruncatedResponseSecretValue0123456789abcd'
    leaks.add_secret(truncated.decode()[18:])
    emu.inject_fault("rotate_oauth_client_secret", Fault.raw(200, truncated, "application/json"))
    errors.append(
        _expect(
            leaks,
            APIResponseValidationError,
            lambda: oauth.rotate_oauth_client_secret(DEP, slug, other.id),
        )
    )
    bad_date = {**client_json(with_secret=True), "created_at": "not-a-date"}
    leaks.add_secret(bad_date["client_secret"])
    emu.inject_fault(
        "create_oauth_client", Fault.raw(200, json.dumps(bad_date).encode(), "application/json")
    )
    errors.append(
        _expect(
            leaks, APIResponseValidationError, lambda: oauth.create_oauth_client(DEP, slug, request)
        )
    )
    emu.inject_fault("list_oauth_clients", Fault.rate_limit(seconds_in_message=900))
    errors.append(_expect(leaks, RateLimitError, lambda: oauth.list_oauth_clients(DEP, slug)))
    with WachtClient(api_key=WRONG_KEY, base_url=server) as wrong:
        errors.append(_expect(leaks, AuthenticationError, lambda: wrong.oauth.list_oauth_apps(DEP)))
        leaks.render("client with a wrong key", wrong)
    assert len(errors) == 10

    # -- everything returned, the clients, copies and raw responses
    for name, value in results:
        leaks.render(name, value)
    for name, raw in results:
        if isinstance(raw, type(raw_created)):
            leaks.render(f"{name}.headers", raw.headers)
            leaks.render(f"{name}.http_response", raw.http_response)
            leaks.render(f"{name}.request", raw.http_response.request)
            leaks.render(f"{name}.request.headers", raw.http_response.request.headers)
    leaks.render("client", client)
    leaks.render("with_options copy", copy)
    leaks.render("vars(client)", vars(client))
    leaks.render("vars(copy)", vars(copy))
    leaks.render("client.oauth", client.oauth)
    leaks.render("copy._options", copy._options)

    # -- every log record of every logger
    records = all_logs.records
    assert {r.name for r in records} >= {"wacht_oauth_client", *_transport_loggers()}
    _render_logs(leaks, records)

    assert leaks.found() == []
    assert len(leaks.secrets) == 8  # 2 created, 2 rotated, 2 injected, 2 API keys
    client.close()


def test_secrets_stay_readable(client: WachtClient, emu: Emulator) -> None:
    client.oauth.create_oauth_app(DEP, m.CreateOAuthAppRequest(slug="s", name="S"))
    created = client.oauth.create_oauth_client(
        DEP,
        "s",
        m.CreateOAuthClientRequest(
            client_auth_method="client_secret_jwt",
            grant_types=["authorization_code"],
            redirect_uris=["https://example.com/cb"],
        ),
    )
    secret = created.client_secret
    assert isinstance(secret, str) and re.fullmatch(r"oc_secret_[A-Za-z0-9_-]{43}", secret)
    assert created.to_dict()["client_secret"] == secret
    assert "client_secret=<redacted>" in repr(created) and secret not in repr(created)
    rotated = client.oauth.rotate_oauth_client_secret(DEP, "s", created.id)
    assert rotated.client_secret != secret and rotated.to_dict() == {
        "client_secret": rotated.client_secret
    }
    assert repr(rotated) == "RotateOAuthClientSecretResponse(client_secret=<redacted>)"
    # a secret-looking extra field (one the spec does not know yet) is masked too
    extra = m.OAuthClient.from_dict(
        {**client_json(), "registration_access_token": "rat_abc123456789"}
    )
    assert extra["registration_access_token"] == "rat_abc123456789"
    assert "rat_abc123456789" not in repr(extra)
    jwk = m.Jwk(kty="oct", k="c3ltbWV0cmljLWtleS1tYXRlcmlhbA")
    assert jwk.k == "c3ltbWV0cmljLWtleS1tYXRlcmlhbA" and "c3ltbWV0cmlj" not in repr(jwk)
    assert jwk.to_dict()["k"] == "c3ltbWV0cmljLWtleS1tYXRlcmlhbA"


def _a_view(oauth: Any, created: Any, rotated: Any, raw: Any, client: WachtClient) -> None:
    """User code that holds what a real view would (models with secrets, a raw response, the
    client), then gets an SDK error: a traceback with locals prints all of these."""
    assert created.client_secret and rotated.client_secret and raw.parsed and client
    oauth.list_oauth_clients(DEP, "no-such-app")


def test_tracebacks_with_locals_of_user_frames_show_no_secret(
    client: WachtClient, emu: Emulator
) -> None:
    leaks = Leaks()
    client.oauth.create_oauth_app(DEP, m.CreateOAuthAppRequest(slug="view", name="View"))
    request = m.CreateOAuthClientRequest(
        client_auth_method="client_secret_basic",
        grant_types=["authorization_code"],
        redirect_uris=["https://example.com/cb"],
    )
    created = client.oauth.create_oauth_client(DEP, "view", request)
    rotated = client.oauth.rotate_oauth_client_secret(DEP, "view", created.id)
    raw = client.oauth.with_raw_response.create_oauth_client(DEP, "view", request)
    for secret in (created.client_secret, rotated.client_secret, raw.parsed.client_secret):
        leaks.add_secret(secret)
    for name, value in [("created", created), ("rotated", rotated), ("raw", raw)]:
        leaks.render(name, value)
    leaks.render("list of clients", [created, raw.parsed])
    with pytest.raises(NotFoundError) as caught:
        _a_view(client.oauth, created, rotated, raw, client)
    view_frame = caught.value.__traceback__.tb_next  # skip this test's own frame
    assert view_frame is not None and view_frame.tb_frame.f_code.co_name == "_a_view"
    leaks.render_traceback("from the view", caught.value, view_frame)
    text = "\n".join(t for w, t in leaks.rendered if w.startswith("rich traceback"))
    assert "created" in text and "OAuthClient(" in text  # the locals really were rendered
    found = leaks.found()
    assert found == [], sorted({where for where, _ in found})  # which renderers leaked


def test_error_page_locals_never_hold_the_api_key(server: EmulatorURL, emu: Emulator) -> None:
    """What Django's technical 500 page would print for an SDK error: every local, repr'd."""
    with WachtClient(api_key=API_KEY, base_url=server, max_retries=0) as client:
        emu.inject_fault("list_oauth_apps", Fault.status(503))
        emu.inject_fault("create_oauth_client", Fault.drop())
        failures: list[Callable[[], object]] = [
            lambda: client.oauth.list_oauth_apps(DEP),  # status error
            lambda: client.oauth.list_oauth_clients(DEP, "missing"),  # 404
            lambda: client.oauth.create_oauth_client(  # connection error (suppressed context)
                DEP,
                "missing",
                m.CreateOAuthClientRequest(client_auth_method="none", grant_types=["x"]),
            ),
        ]
        for call in failures:
            leaks = Leaks()
            with pytest.raises(WachtError) as caught:
                call()
            for where, local_vars in _frames(caught.value):
                for name, value in local_vars.items():
                    assert API_KEY not in repr(value), (where, name)
                    assert API_KEY not in pprint.pformat(value), (where, name)
                    leaks.rendered.append((f"{where} {name}", repr(value)))
            assert leaks.found() == []
            frames = [where for where, _ in _frames(caught.value)]
            assert any(where.endswith("frame send") for where in frames), frames


# -- the logging contract -----------------------------------------------------------------------

_LINE = re.compile(
    r"^(GET|POST|PATCH|DELETE) (/deployments/\S+) -> (\d{3}|[A-Za-z]+) in \d+\.\d ms$"
)


def test_sdk_logs_method_path_status_duration_and_retry_decisions(
    client: WachtClient, emu: Emulator, all_logs: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    client.oauth.create_oauth_app(DEP, m.CreateOAuthAppRequest(slug="logs", name="Logs"))
    emu.inject_fault("list_oauth_clients", Fault.status(503))
    client.oauth.list_oauth_clients(DEP, "logs")  # retried once
    emu.inject_fault("rotate_signing_key", Fault.status(502, execute=True))
    with pytest.raises(InternalServerError):
        client.oauth.rotate_signing_key(DEP, "logs")  # not retried
    emu.inject_fault("verify_oauth_app_domain", Fault.drop())
    with pytest.raises(APIConnectionError):
        client.oauth.verify_oauth_app_domain(DEP, "logs")  # no response at all: still logged

    ours = [r for r in all_logs.records if r.name == "wacht_oauth_client"]
    lines = [(r.levelname, r.getMessage()) for r in ours]
    calls = [_LINE.match(text) for level, text in lines if level == "DEBUG"]
    assert all(calls), lines
    base = f"/deployments/{DEP}/oauth/apps"
    assert [(c[1], c[2], c[3]) for c in calls if c] == [
        ("POST", base, "200"),
        ("GET", f"{base}/logs/clients", "503"),
        ("GET", f"{base}/logs/clients", "200"),
        ("POST", f"{base}/logs/signing-keys/rotate", "502"),
        ("POST", f"{base}/logs/verify-domain", "RemoteProtocolError"),
    ]
    decisions = [text for level, text in lines if level == "INFO"]
    assert len(decisions) == 3
    assert re.fullmatch(
        rf"retrying GET {base}/logs/clients in 0\.\d\d s \(retry 1 of 2\) after 503", decisions[0]
    )
    assert decisions[1:] == [
        f"not retrying POST {base}/logs/signing-keys/rotate: POST may have reached the server",
        f"not retrying POST {base}/logs/verify-domain: POST may have reached the server",
    ]
    assert all(r.levelno in (logging.DEBUG, logging.INFO) for r in ours)  # never noisier


def test_sdk_logs_no_headers_and_no_bodies(
    client: WachtClient, emu: Emulator, all_logs: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    traced = client.with_options(extra_headers={"X-Custom-Header": "custom-value"})
    traced.oauth.create_oauth_app(
        DEP, m.CreateOAuthAppRequest(slug="quiet", name="Quiet-Name", description="Body-Text")
    )
    created = traced.oauth.create_oauth_client(
        DEP,
        "quiet",
        m.CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code"],
            redirect_uris=["https://body.example/cb"],
        ),
    )
    emu.inject_fault("list_oauth_apps", Fault.rate_limit(seconds_in_message=1))
    traced.oauth.list_oauth_apps(DEP)
    ours = [r.getMessage() for r in all_logs.records if r.name == "wacht_oauth_client"]
    assert len(ours) == 5
    text = "\n".join(ours)
    for forbidden in (
        "Authorization",
        "Bearer",
        API_KEY,
        "User-Agent",
        "X-Custom-Header",
        "custom-value",
        "Content-Type",
        "Quiet-Name",
        "Body-Text",
        "body.example",
        "client_secret",
        str(created.client_secret),
        created.client_id,
        "Rate limit exceeded",  # the response body's message
        "{",
    ):
        assert forbidden not in text, forbidden


@pytest.mark.parametrize(
    "bad_option",
    [
        {"max_retries": -1},
        {"max_retries": "3"},
        {"timeout": "soon"},
        {"timeout": [1]},
        {"max_retry_wait": "never"},
    ],
    ids=repr,
)
def test_a_misconfigured_client_shows_no_key_on_an_error_page(bad_option: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError) as caught:
        WachtClient(api_key=API_KEY, base_url="http://127.0.0.1:9", **bad_option)
    frames = list(_frames(caught.value))
    assert any(where.endswith("frame __init__") for where, _ in frames)
    for where, local_vars in frames:
        for name, value in local_vars.items():
            assert API_KEY not in repr(value), (where, name)
    assert API_KEY not in str(caught.value)
