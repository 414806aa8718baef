"""Wire diff: the official JS SDK and `client.deployment().oauth` put the same requests on the wire.

The same logical calls (`js/scenario.json`, in the same order) go through Wacht's official JS
SDK (`js/drive_official_sdk.mjs`) and through this SDK, each to a fresh emulator with the same
seed (so the same ids) that records every raw request. Per operation we compare the method, the
raw path, the `Authorization` header, the content-type family (the media type without
parameters), JSON bodies as parsed objects and multipart parts (name, value, filename, content
type; the logo part must carry an `image/*` type).

The only differences allowed are in `ALLOWED`, each an explicit, narrow normalisation with its
reason, and each must actually occur (so the list cannot go stale). Anything else fails with a
per-operation diff. Where the official SDK breaks the server's rules, a separate test says so.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from _official_js import API_KEY, SCENARIO, emulator, run_driver
from werkzeug.http import parse_options_header
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder
from werkzeug.wsgi import get_input_stream

from wacht_oauth_client import WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import OPERATION_IDS, Emulator, run_emulator

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

ALLOWED = {
    "nulls": (
        "The official SDK sends a JSON body as given, so a JS caller's top-level null goes out "
        "as null; this SDK leaves out None. The server reads both as None (Option<T>): on an "
        "update, absent and null both mean keep."
    ),
    "preserved scope definitions": (
        "update_oauth_app re-sends the app's current scope_definitions, read with one "
        "list_oauth_apps GET first, because the server resets every definition when a PATCH "
        "omits them; the official SDK sends the PATCH as given (and the definitions are lost)."
    ),
    "text part content type": (
        "This SDK's generated form labels every text part text/plain; the official SDK's "
        "FormData sends text parts without a content type. The server reads text fields by "
        "name whatever their type; only the logo part's type matters."
    ),
}
# Not a difference but how a value is compared: this text part holds JSON the server parses
# (serde_json), so, like a JSON body, it is compared parsed. (The official SDK writes it compact,
# this SDK with spaces after separators.)
JSON_TEXT_PARTS = {"scope_definitions"}


@dataclass
class Captured:
    """One raw request as it reached the server, and the answer it got."""

    operation: str  # the emulator's routing: "" for no route
    method: str
    path: str  # raw, still percent-encoded
    headers: dict[str, str]  # lower-cased names
    body: bytes
    status: int = 0
    response: bytes = b""


class CapturingEmulator(Emulator):
    """The emulator, recording each raw request and its response on the way through, so both
    SDKs get real, consistent answers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.captured: list[Captured] = []

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        body = get_input_stream(environ).read()
        headers = {
            key[5:].replace("_", "-").lower(): str(value)
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = str(environ["CONTENT_TYPE"])
        # The body is read: hand the emulator a replay of it.
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
        method, path = str(environ["REQUEST_METHOD"]), str(environ["RAW_URI"]).split("?")[0]
        entry = Captured("", method, path, headers, body)
        self.captured.append(entry)

        def recording_start_response(status: str, *rest: Any) -> Any:
            entry.status = int(status.split()[0])
            return start_response(status, *rest)

        chunks = super().__call__(environ, recording_start_response)
        try:
            entry.response = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        entry.operation = self.requests[-1][2]  # requests arrive one at a time
        return [entry.response]


# -- what is compared ---------------------------------------------------------------------------
@dataclass
class Part:
    filename: str | None
    content_type: str | None
    value: Any  # bytes, or the parsed JSON of a JSON_TEXT_PARTS part


@dataclass
class Wire:
    """A request as compared. Nothing else on it is (other headers, the order of the parts)."""

    operation: str
    method: str
    path: str
    authorization: str | None
    media_type: str | None  # the content-type family: no parameters
    json: Any = None
    parts: dict[str, Part] = field(default_factory=dict)
    raw_body: bytes = b""  # a body that is neither JSON nor multipart (here: always empty)
    response: bytes = b""  # what the server answered (not compared)

    def compared(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k != "response"}


def wire(request: Captured) -> Wire:
    content_type = request.headers.get("content-type")
    media_type = parse_options_header(content_type)[0].lower() if content_type else None
    seen = Wire(
        request.operation,
        request.method,
        request.path,
        request.headers.get("authorization"),
        media_type,
        response=request.response,
    )
    if media_type == "application/json":
        seen.json = json.loads(request.body)
    elif media_type == "multipart/form-data":
        seen.parts = parse_form(str(content_type), request.body)
    else:
        seen.raw_body = request.body
    return seen


def parse_form(content_type: str, body: bytes) -> dict[str, Part]:
    """A multipart/form-data body, parsed properly (the boundary from the content type)."""
    boundary = parse_options_header(content_type)[1]["boundary"]
    decoder = MultipartDecoder(boundary.encode("latin-1"))
    decoder.receive_data(body)
    decoder.receive_data(None)
    parts: dict[str, Part] = {}
    name, chunks = "", bytearray()
    while not isinstance(event := decoder.next_event(), Epilogue):
        if isinstance(event, Field | File):
            assert event.name not in parts, f"part {event.name!r} sent twice"
            name, chunks = event.name, bytearray()
            filename = event.filename if isinstance(event, File) else None
            parts[name] = Part(filename, event.headers.get("Content-Type"), b"")
        elif isinstance(event, Data):
            chunks += event.data
            if not event.more_data:
                value = bytes(chunks)
                parts[name].value = json.loads(value) if name in JSON_TEXT_PARTS else value
    return parts


# -- the allowed differences, each a narrow normalisation of one request pair ------------------
def preserved_definitions(official: Wire, read: Wire, patch: Wire) -> bool:
    """This SDK's update_oauth_app: `read` (a list_oauth_apps GET) then `patch`, whose
    scope_definitions the official PATCH does not have. If they are exactly the app's current
    definitions (for the scopes that stay), take them out and say so."""
    if not isinstance(official.json, dict) or "scope_definitions" in official.json:
        return False
    if not isinstance(patch.json, dict) or "scope_definitions" not in patch.json:
        return False
    slug = unquote(patch.path.rsplit("/", 1)[1])
    current = next(a for a in json.loads(read.response)["apps"] if a["slug"] == slug)
    kept = set(patch.json.get("supported_scopes", current["supported_scopes"]))
    if patch.json["scope_definitions"] != [
        d for d in current["scope_definitions"] if d["scope"] in kept
    ]:
        return False
    del patch.json["scope_definitions"]
    return True


def official_nulls(official: Wire, ours: Wire) -> bool:
    """Top-level nulls of the official JSON body that this SDK leaves out: taken out."""
    if not (isinstance(official.json, dict) and isinstance(ours.json, dict)):
        return False
    nulls = [k for k, v in official.json.items() if v is None and k not in ours.json]
    for key in nulls:
        del official.json[key]
    return bool(nulls)


def text_part_content_type(official: Wire, ours: Wire) -> bool:
    """Text parts (no filename) that are bare on the official side and exactly text/plain
    here: the content type taken out."""
    found = False
    for name, part in ours.parts.items():
        other = official.parts.get(name)
        if other is None or part.filename is not None or other.filename is not None:
            continue
        if part.content_type == "text/plain" and other.content_type is None:
            part.content_type = None
            found = True
    return found


def pair_up(
    official: list[Wire], ours: list[Wire], used: set[str]
) -> list[tuple[Wire | None, Wire | None]]:
    """(official, this SDK) request pairs in call order, the allowed differences taken out;
    None where one side sent no request."""
    pairs: list[tuple[Wire | None, Wire | None]] = []
    mine = list(ours)
    for theirs in official:
        request = mine.pop(0) if mine else None
        if (
            request is not None
            and request.operation == "list_oauth_apps"
            and theirs.operation == "update_oauth_app"
            and mine
        ):
            read, request = request, mine.pop(0)
            if preserved_definitions(theirs, read, request):
                used.add("preserved scope definitions")
            else:
                pairs.append((None, read))  # an unexplained extra request
        pairs.append((theirs, request))
    pairs += [(None, request) for request in mine]
    for theirs, request in pairs:
        if theirs is not None and request is not None:
            if official_nulls(theirs, request):
                used.add("nulls")
            if text_part_content_type(theirs, request):
                used.add("text part content type")
    return pairs


def differences(theirs: Wire, ours: Wire) -> list[str]:
    """Every compared item that differs, as 'what: official … | this SDK …' lines."""
    found = []
    a, b = theirs.compared(), ours.compared()
    for key in a:
        if key == "json" and isinstance(a[key], dict) and isinstance(b[key], dict):
            for k in sorted(set(a[key]) | set(b[key])):
                x, y = a[key].get(k, "<not sent>"), b[key].get(k, "<not sent>")
                if x != y:
                    found.append(f"json {k!r}: official {_short(x)} | this SDK {_short(y)}")
        elif key != "parts" and a[key] != b[key]:
            found.append(f"{key}: official {_short(a[key])} | this SDK {_short(b[key])}")
    for name in sorted(set(theirs.parts) | set(ours.parts)):
        x, y = theirs.parts.get(name), ours.parts.get(name)
        if x is None or y is None:
            found.append(f"part {name!r}: only {'this SDK' if x is None else 'official'} sends it")
            continue
        for attr in ("filename", "content_type", "value"):
            if getattr(x, attr) != getattr(y, attr):
                left, right = _short(getattr(x, attr)), _short(getattr(y, attr))
                found.append(f"part {name!r} {attr}: official {left} | this SDK {right}")
    for side, request in (("official", theirs), ("this SDK", ours)):
        if request.authorization != f"Bearer {API_KEY}":
            found.append(f"{side}: Authorization is {request.authorization!r}")
        logo = request.parts.get("logo")
        if logo is not None and not (logo.content_type or "").startswith("image/"):
            found.append(f"{side}: the logo part's type is {logo.content_type!r}, not image/*")
    return found


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 160 else text[:157] + "..."


# -- this SDK's side of the scenario ------------------------------------------------------------
def run_this_sdk(base_url: str) -> None:
    """The scenario's calls, in the driver's order, through `client.deployment().oauth`."""
    s = SCENARIO
    slug, scope, archived = s["slug"], s["scope"], s["archived_scope"]
    create = dict(s["create_oauth_app"])
    create["scope_definitions"] = [
        m.OAuthScopeDefinition.from_dict(d) for d in create["scope_definitions"]
    ]
    # The JS caller's File is named logo.png; this SDK names the part logo.{ext} itself.
    logo = bytes.fromhex(s["logo"]["hex"])
    with WachtClient(api_key=API_KEY, base_url=base_url, max_retries=0) as client:
        oauth = client.deployment().oauth
        oauth.create_oauth_app(m.CreateOAuthAppRequest(**create, logo_file=logo))
        oauth.list_oauth_apps()
        oauth.update_oauth_app(slug, m.UpdateOAuthAppRequest.from_dict(s["update_oauth_app"]))
        oauth.verify_oauth_app_domain(slug)
        scope_update = m.UpdateOAuthScopeRequest.from_dict(s["update_oauth_scope"])
        oauth.update_oauth_scope(slug, scope, scope_update)
        oauth.archive_oauth_scope(slug, archived)
        oauth.unarchive_oauth_scope(slug, archived)
        mapping = m.SetOAuthScopeMappingRequest.from_dict(s["set_oauth_scope_mapping"])
        oauth.set_oauth_scope_mapping(slug, scope, mapping)
        new = oauth.create_oauth_client(
            slug, m.CreateOAuthClientRequest.from_dict(s["create_oauth_client"])
        )
        oauth.list_oauth_clients(slug)
        changes = m.UpdateOAuthClientRequest.from_dict(s["update_oauth_client"])
        oauth.update_oauth_client(slug, new.id, changes)
        oauth.rotate_oauth_client_secret(slug, new.id)
        grants = oauth.list_oauth_grants(slug, new.id)
        oauth.revoke_oauth_grant(slug, new.id, grants[0].id)
        first_key = oauth.list_signing_keys(slug)[0]
        oauth.rotate_signing_key(slug)
        oauth.compromise_signing_key(slug, first_key.kid)
        oauth.deactivate_oauth_client(slug, new.id)


def capture(drive: Callable[[str], object]) -> list[Wire]:
    emu = emulator(CapturingEmulator)
    assert isinstance(emu, CapturingEmulator)
    with run_emulator(emu) as url:
        drive(url)
    failed = [f"{c.method} {c.path}: {c.status}" for c in emu.captured if c.status >= 300]
    assert failed == [], failed  # both sides must be comparing calls that worked
    return [wire(c) for c in emu.captured]


def test_both_sdks_send_the_same_requests_for_all_18_operations() -> None:
    lines: list[dict[str, Any]] = []
    official = capture(lambda url: lines.extend(run_driver(url)))
    assert [line for line in lines if not line["ok"]] == []
    ours = capture(run_this_sdk)

    used: set[str] = set()
    results: dict[str, list[str]] = {}
    for theirs, mine in pair_up(official, ours, used):
        if theirs is None or mine is None:
            lone = theirs or mine
            assert lone is not None
            side = "the official SDK" if theirs is None else "this SDK"
            results.setdefault(lone.operation, []).append(f"{side} sent no such request")
            continue
        results.setdefault(theirs.operation, []).extend(differences(theirs, mine))

    assert sorted(results) == sorted(OPERATION_IDS)  # every operation compared
    assert {op: found for op, found in results.items() if found} == {}
    # Every allowed difference was needed: none of them is stale.
    assert used == set(ALLOWED)


def test_a_slug_with_a_slash_the_official_sdk_breaks_the_route_this_sdk_encodes_it() -> None:
    """An official-SDK rule break, asserted as such. The server takes the slug as one path
    segment (no format rules, so "team/billing" is a valid slug). The official SDK puts it into
    the path unencoded, which is a different route (none, here: 404); this SDK follows the
    server and sends `%2F`."""
    slug = "team/billing"
    emu = emulator()
    with run_emulator(emu) as url:
        with WachtClient(api_key=API_KEY, base_url=url, max_retries=0) as client:
            oauth = client.deployment().oauth
            app = oauth.create_oauth_app(m.CreateOAuthAppRequest(slug=slug, name="Team billing"))
            assert oauth.verify_oauth_app_domain(slug).domain == app.fqdn
        ours = emu.requests[-1]
        [official] = run_driver(url, "call", "verifyOAuthAppDomain", json.dumps([slug]))
        theirs = emu.requests[-1]

    assert ours == ("POST", "/oauth/apps/team%2Fbilling/verify-domain", "verify_oauth_app_domain")
    assert theirs == ("POST", "/oauth/apps/team/billing/verify-domain", "")  # no such route
    assert official["ok"] is False and official["error"]["name"] == "NotFoundError"


def test_the_diff_flags_everything_it_compares_and_allows_only_what_is_named() -> None:
    # The same machinery as above, fed requests that differ on purpose: it must flag each one.
    def form(name_type: str | None, logo_type: str) -> dict[str, Part]:
        return {"name": Part(None, name_type, b"a"), "logo": Part("logo.png", logo_type, b"1")}

    official = Wire("create_oauth_app", "POST", "/oauth/apps", f"Bearer {API_KEY}", "x/y")
    official.parts = form(None, "image/png")
    ours = Wire("create_oauth_app", "PUT", "/oauth/apps/", "bearer k", "x/z")
    ours.parts = {**form("text/html", "application/octet-stream"), "extra": Part(None, None, b"")}
    assert not text_part_content_type(official, ours)  # only exactly text/plain is allowed
    found = differences(official, ours)
    for expected in (
        "method:",
        "path:",
        "authorization:",
        "media_type:",
        "part 'name' content_type:",
        "part 'logo' content_type:",
        "part 'extra': only this SDK sends it",
        "this SDK: Authorization is 'bearer k'",
        "this SDK: the logo part's type is 'application/octet-stream', not image/*",
    ):
        assert any(line.startswith(expected) for line in found), (expected, found)

    # A null is allowed away only where this SDK leaves the key out, and only at the top level.
    official_json = Wire("update_oauth_client", "PATCH", "/p", None, "application/json")
    official_json.json = {"a": None, "b": None, "c": {"d": None}}
    ours_json = Wire("update_oauth_client", "PATCH", "/p", None, "application/json")
    ours_json.json = {"b": "x", "c": {}}
    assert official_nulls(official_json, ours_json)
    assert official_json.json == {"b": None, "c": {"d": None}}
    assert {line.split(":")[0] for line in differences(official_json, ours_json)} >= {
        "json 'b'",
        "json 'c'",
    }
