"""The HTTP side of the emulator: WSGI app, in-process httpx transport and a socket server.

Business rules live in ``_state.py``; this module only does what axum and the platform
middleware do around them: routing on the raw path, Bearer auth, body extraction
(JSON / multipart / the 2 MiB limit), the error envelope, and fault injection.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote_to_bytes, urlsplit

import httpx
from werkzeug.datastructures import EnvironHeaders
from werkzeug.exceptions import ClientDisconnected, MethodNotAllowed, NotFound
from werkzeug.http import parse_options_header
from werkzeug.routing import BaseConverter, Map, Rule
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Response
from werkzeug.wsgi import get_input_stream

from ._faults import DropConnection, Fault
from ._state import ApiError, FormPart, JsonDict, State, loads_strict

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

BODY_LIMIT = 2 * 1024 * 1024  # axum's default body limit; the OAuth routes don't override it
# The same routes on both surfaces: the backend API at the root (deployment from the API key)
# and the console/machine mount (deployment from the path).
MOUNTS = ("/oauth/apps", "/deployments/<seg:deployment_id>/oauth/apps")
# Where every API key goes on the root mount unless `api_keys` maps it elsewhere.
DEFAULT_DEPLOYMENT = "dep_123"
_APP = "/<seg:slug>"
_CLIENT = _APP + "/clients/<seg:client>"
# (operationId, method, path under the mount). The operationId is the route endpoint name,
# the fault-targeting key and the call_counts key.
OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("list_oauth_apps", "GET", ""),
    ("create_oauth_app", "POST", ""),
    ("update_oauth_app", "PATCH", _APP),
    ("verify_oauth_app_domain", "POST", _APP + "/verify-domain"),
    ("update_oauth_scope", "PATCH", _APP + "/scopes/<seg:scope>"),
    ("archive_oauth_scope", "POST", _APP + "/scopes/<seg:scope>/archive"),
    ("unarchive_oauth_scope", "POST", _APP + "/scopes/<seg:scope>/unarchive"),
    ("set_oauth_scope_mapping", "POST", _APP + "/scopes/<seg:scope>/mapping"),
    ("list_oauth_clients", "GET", _APP + "/clients"),
    ("create_oauth_client", "POST", _APP + "/clients"),
    ("update_oauth_client", "PATCH", _CLIENT),
    ("deactivate_oauth_client", "DELETE", _CLIENT),
    ("rotate_oauth_client_secret", "POST", _CLIENT + "/rotate-secret"),
    ("list_oauth_grants", "GET", _CLIENT + "/grants"),
    ("revoke_oauth_grant", "POST", _CLIENT + "/grants/<seg:grant>/revoke"),
    ("list_signing_keys", "GET", _APP + "/signing-keys"),
    ("rotate_signing_key", "POST", _APP + "/signing-keys/rotate"),
    ("compromise_signing_key", "POST", _APP + "/signing-keys/<seg:kid>/compromise"),
)
OPERATION_IDS: tuple[str, ...] = tuple(op for op, _, _ in OPERATIONS)


class _RawSegment(BaseConverter):
    """Exactly one raw, still percent-encoded segment: ``a%2Fb`` stays one segment and is
    decoded after matching (so undecodable bytes can be answered with 400)."""

    regex = "[^/]+"


_URL_MAP = Map(
    [
        Rule(mount + path, methods=[method], endpoint=op)
        for mount in MOUNTS
        for op, method, path in OPERATIONS
    ],
    converters={"seg": _RawSegment},
    merge_slashes=False,
)
_ROUTER = _URL_MAP.bind("emulator")
_I64 = re.compile(r"^[+-]?[0-9]+$")

# The in-process transport passes the raw request target here; httpx's WSGITransport only
# provides the already-decoded PATH_INFO, in which an encoded "/" is indistinguishable.
_RAW_TARGET: ContextVar[str | None] = ContextVar("wacht_emulator_raw_target", default=None)


# ------------------------------------------------------------------------ request plumbing
def _raw_path(environ: WSGIEnvironment) -> str:
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if target:
        if not target.startswith("/"):  # absolute-form request target
            target = urlsplit(target).path or "/"
        return str(target).split("?", 1)[0]
    # No raw form available (another WSGI server): re-quote the decoded path.
    return quote(str(environ.get("PATH_INFO", "")).encode("latin-1"), safe="/:@!$&'()*+,;=-._~")


def _read_body(environ: WSGIEnvironment) -> tuple[bytes, bool]:
    """Read the whole body, keeping at most BODY_LIMIT + 1 bytes; flag if over the limit.

    Always draining it also means a dropped connection never leaves unread request bytes
    (which would turn the clean EOF into a TCP reset).
    """
    try:
        declared = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    stream = get_input_stream(environ)  # bounded by Content-Length; empty if none given
    kept = bytearray()
    total = 0
    try:
        while chunk := stream.read(65536):
            total += len(chunk)
            if len(kept) <= BODY_LIMIT:
                kept += chunk[: BODY_LIMIT + 1 - len(kept)]
    except ClientDisconnected:
        raise DropConnection("client went away mid-body") from None
    return bytes(kept), total > BODY_LIMIT or declared > BODY_LIMIT


def _route(method: str, raw_path: str) -> tuple[str | None, dict[str, str], ApiError | None]:
    """(operationId, raw path args, routing error); the error is 404 or 405 (with Allow)."""
    try:
        op, args = _ROUTER.match(raw_path, method)
    except MethodNotAllowed as exc:
        return None, {}, _MethodNotAllowed(sorted(exc.valid_methods or ()))
    except NotFound:
        return None, {}, ApiError(404, "Not found")
    return str(op), {k: str(v) for k, v in args.items()}, None


class _MethodNotAllowed(ApiError):
    def __init__(self, allowed: list[str]) -> None:
        super().__init__(405, "Method not allowed")
        self.allowed = allowed


def _decode_segment(raw: str) -> str:
    try:
        return unquote_to_bytes(raw.encode("latin-1")).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        raise ApiError(400, "Bad request") from None  # axum's Path rejection, normalised


def _i64(value: str) -> int:
    if not _I64.match(value) or not -(2**63) <= int(value) < 2**63:
        raise ApiError(400, "Bad request")  # `oauth_client_id`/`grant_id` are i64 on the server
    return int(value)


def _is_json_content_type(value: str | None) -> bool:
    """axum's check: application/json or application/*+json, parameters allowed."""
    mimetype, _ = parse_options_header(value)
    kind, _, sub = mimetype.lower().partition("/")
    return kind == "application" and (sub == "json" or sub.endswith("+json"))


def _parse_multipart(content_type: str | None, body: bytes) -> list[FormPart]:
    mimetype, options = parse_options_header(content_type)
    boundary = options.get("boundary")
    if mimetype.lower() != "multipart/form-data" or not boundary:
        raise ApiError(400, "Bad request")  # axum's Multipart rejection
    decoder = MultipartDecoder(boundary.encode("latin-1"), max_form_memory_size=None)
    decoder.receive_data(body)
    decoder.receive_data(None)
    parts: list[FormPart] = []
    chunks: list[bytes] = []
    try:
        while not isinstance(event := decoder.next_event(), Epilogue | NeedData):
            if isinstance(event, Field | File):
                if not event.name:
                    raise ApiError(400, "Multipart field name is missing")
                parts.append(FormPart(event.name, event.headers.get("Content-Type"), b""))
                chunks = []
            elif isinstance(event, Data):
                chunks.append(event.data)
                if not event.more_data:
                    parts[-1].data = b"".join(chunks)
    except ValueError:
        raise ApiError(400, "Bad request") from None
    if isinstance(event, NeedData):
        raise ApiError(400, "Bad request")  # body ended before the closing boundary
    return parts


@dataclass
class _Call:
    """One routed, authenticated request with decoded path parameters."""

    deployment: str
    args: dict[str, str]
    ids: dict[str, int]
    headers: EnvironHeaders
    body: bytes
    too_large: bool

    def json_body(self) -> Any:
        """axum's ``Json`` extractor: 415, then the size limit, then 400 syntax / 422 shape."""
        if not _is_json_content_type(self.headers.get("Content-Type")):
            raise ApiError(415, "Request failed")
        if self.too_large:
            raise ApiError(400, "Bad request")
        try:
            return loads_strict(self.body.decode("utf-8"))
        except ValueError:  # includes UnicodeDecodeError
            raise ApiError(400, "Bad request") from None

    def form_parts(self) -> list[FormPart]:
        if self.too_large:
            # Multer fails while reading the big part; the server wraps that error.
            content_type = self.headers.get("Content-Type") or ""
            if content_type.lower().startswith("multipart/form-data"):
                raise ApiError(400, "Invalid multipart field 'logo': length limit exceeded")
        return _parse_multipart(self.headers.get("Content-Type"), self.body)


Handler = Callable[[State, _Call], JsonDict | None]
_HANDLERS: dict[str, Handler] = {
    "list_oauth_apps": lambda s, c: s.list_apps(c.deployment),
    "create_oauth_app": lambda s, c: s.create_app(c.deployment, c.form_parts()),
    "update_oauth_app": lambda s, c: s.update_app(c.deployment, c.args["slug"], c.json_body()),
    "verify_oauth_app_domain": lambda s, c: s.verify_domain(c.deployment, c.args["slug"]),
    "update_oauth_scope": lambda s, c: s.update_scope(
        c.deployment, c.args["slug"], c.args["scope"], c.json_body()
    ),
    "archive_oauth_scope": lambda s, c: s.set_scope_archived(
        c.deployment, c.args["slug"], c.args["scope"], True
    ),
    "unarchive_oauth_scope": lambda s, c: s.set_scope_archived(
        c.deployment, c.args["slug"], c.args["scope"], False
    ),
    "set_oauth_scope_mapping": lambda s, c: s.set_scope_mapping(
        c.deployment, c.args["slug"], c.args["scope"], c.json_body()
    ),
    "list_oauth_clients": lambda s, c: s.list_clients(c.deployment, c.args["slug"]),
    "create_oauth_client": lambda s, c: s.create_client(
        c.deployment, c.args["slug"], c.json_body()
    ),
    "update_oauth_client": lambda s, c: s.update_client(
        c.deployment, c.args["slug"], c.ids["client"], c.json_body()
    ),
    "deactivate_oauth_client": lambda s, c: s.deactivate_client(
        c.deployment, c.args["slug"], c.ids["client"]
    ),
    "rotate_oauth_client_secret": lambda s, c: s.rotate_client_secret(
        c.deployment, c.args["slug"], c.ids["client"]
    ),
    "list_oauth_grants": lambda s, c: s.list_grants(c.deployment, c.args["slug"], c.ids["client"]),
    "revoke_oauth_grant": lambda s, c: s.revoke_grant(
        c.deployment, c.args["slug"], c.ids["client"], c.ids["grant"]
    ),
    "list_signing_keys": lambda s, c: s.list_signing_keys(c.deployment, c.args["slug"]),
    "rotate_signing_key": lambda s, c: s.rotate_signing_key(c.deployment, c.args["slug"]),
    "compromise_signing_key": lambda s, c: s.compromise_signing_key(
        c.deployment, c.args["slug"], c.args["kid"]
    ),
}


# ------------------------------------------------------------------------------ responses
def _json_response(body: JsonDict, status: int = 200) -> Response:
    data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    return Response(data, status=status, content_type="application/json")


def _error_response(error: ApiError) -> Response:
    response = _json_response(
        {"errors": [{"message": error.message, "code": error.status}]}, error.status
    )
    if isinstance(error, _MethodNotAllowed):
        response.headers["Allow"] = ", ".join(error.allowed)
    return response


def _no_content() -> Response:
    response = Response(status=204)
    del response.headers["Content-Type"]  # hyper sends a bare 204: no body, no Content-Type
    return response


def _hang_up(environ: WSGIEnvironment) -> None:
    """Close the client connection without another byte, then unwind the WSGI call."""
    sock = environ.get("werkzeug.socket")
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # works even under werkzeug's default handler
    raise DropConnection("connection dropped by an injected fault")


def _half_then_hang_up(body: bytes, environ: WSGIEnvironment) -> Iterator[bytes]:
    if body:
        yield body[: max(1, len(body) // 2)]
    _hang_up(environ)


_STREAM_SAFETY_NET = 1 << 30  # an endless stream gives up after 1 GiB nobody hung up on


def _trickle(body: bytes, interval: float) -> Iterator[bytes]:
    for i in range(len(body)):
        if i:
            time.sleep(interval)
        yield body[i : i + 1]


def _stream(prefix: bytes, chunk: bytes, count: int | None) -> Iterator[bytes]:
    if prefix:
        yield prefix
    for _ in range(_STREAM_SAFETY_NET // max(1, len(chunk)) if count is None else count):
        yield chunk


def _fault_reply(
    fault: Fault, real: Response | None, environ: WSGIEnvironment, start_response: StartResponse
) -> Iterable[bytes]:
    if fault.kind in ("trickle", "stream"):
        headers = [] if fault.content_type is None else [("Content-Type", fault.content_type)]
        if fault.kind == "trickle":
            headers.append(("Content-Length", str(len(fault.body))))
            pieces = _trickle(fault.body, fault.seconds)
        elif fault.count is None:
            headers.append(("Transfer-Encoding", "chunked"))
            pieces = _stream(fault.body, fault.chunk, None)
        else:
            size = len(fault.body) + fault.count * len(fault.chunk)
            headers.append(("Content-Length", str(size)))
            pieces = _stream(fault.body, fault.chunk, fault.count)
        start_response(fault.status_line(), headers)
        return pieces
    if fault.kind == "drop":
        if not fault.after_headers:
            _hang_up(environ)
        if real is None:  # nothing was executed: pretend a server error was on its way
            real = _error_response(ApiError(500, "Something went wrong"))
        body = real.get_data()
        real_headers = real.get_wsgi_headers(environ)
        if body:
            real_headers["Content-Length"] = str(len(body))  # promise the full body...
        start_response(real.status, real_headers.to_wsgi_list())
        return _half_then_hang_up(body, environ)  # ...and deliver half of it
    headers = list(fault.headers)
    names = {name.lower() for name, _ in headers}
    code = fault.status_code
    declared = next((v for n, v in headers if n.lower() == "content-length"), str(len(fault.body)))
    if fault.body and (code < 200 or code in (204, 304) or declared != str(len(fault.body))):
        # Bytes the client can't frame must not poison a kept-alive connection.
        headers.append(("Connection", "close"))
    if fault.content_type is not None and "content-type" not in names:
        headers.insert(0, ("Content-Type", fault.content_type))
    if "content-length" not in names:
        headers.append(("Content-Length", str(len(fault.body))))
    start_response(fault.status_line(), headers)
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [fault.body]


# ------------------------------------------------------------------------------- emulator
@dataclass
class _PendingFault:
    operation_id: str
    fault: Fault
    remaining: int


class Emulator:
    """A local, stateful stand-in for Wacht's OAuth management API, on both of its surfaces.

    It is a WSGI application (``emu(environ, start_response)``) serving the 18 operations
    under ``/oauth/apps…`` (the backend API, where the deployment comes from the API key) and
    under ``/deployments/{deployment_id}/oauth/apps…`` (the deployment-scoped mount), with the
    real server's validation rules, status codes, messages and id/secret formats. Use
    ``emu.transport()`` for in-process httpx clients or ``run_emulator(emu)`` for a real
    socket. The same ``seed`` and the same calls always produce byte-identical responses.
    Thread-safe: one lock guards state, faults, counters and the request log. State lives in
    memory only.

    Args:
        seed: Seeds ids, secrets and the clock (which starts at 2026-01-01T00:00:00Z and
            ticks one second per write).
        api_keys: The Bearer tokens to accept. ``None`` (the default) accepts any non-empty
            token, and on the root mount puts every token in deployment
            ``DEFAULT_DEPLOYMENT`` (``"dep_123"``). A mapping ``{token: deployment_id}`` says
            which deployment each token's root-mount calls manage; a plain list of tokens maps
            them all to ``DEFAULT_DEPLOYMENT``. With tokens configured, any other token gets
            401 ``Authentication failed``.
        organization_permissions: The B2B organization permissions every deployment starts
            with (what ``set_oauth_scope_mapping`` accepts).
        workspace_permissions: The B2B workspace permissions every deployment starts with.
        grants_per_client: Active grants created for each new client, standing in for users
            going through the consent flow (there is no create-grant API).
        data_envelope: Serve every JSON success body wrapped as ``{"data": …}``, the shape
            Wacht's public docs describe (the real server sends bodies bare).

    Raises:
        ValueError: ``grants_per_client`` is negative.

    Example:
        ```python
        emulator = Emulator(seed=0)
        client = WachtClient(
            api_key="test-key",
            base_url="http://emulator",
            http_client=httpx.Client(transport=emulator.transport()),
        )
        ```
    """

    def __init__(
        self,
        seed: int = 0,
        api_keys: Mapping[str, str] | Iterable[str] | None = None,
        *,
        organization_permissions: Sequence[str] = (),
        workspace_permissions: Sequence[str] = (),
        grants_per_client: int = 0,
        data_envelope: bool = False,
    ) -> None:
        if grants_per_client < 0:
            raise ValueError("grants_per_client must be >= 0")
        self.seed = seed
        self.api_keys: dict[str, str] | None = None
        if isinstance(api_keys, Mapping):
            self.api_keys = {str(k): str(v) for k, v in api_keys.items()}
        elif api_keys is not None:
            self.api_keys = dict.fromkeys(api_keys, DEFAULT_DEPLOYMENT)
        self.data_envelope = data_envelope
        self._defaults: dict[str, Any] = {
            "organization_permissions": tuple(organization_permissions),
            "workspace_permissions": tuple(workspace_permissions),
            "grants_per_client": grants_per_client,
        }
        self._lock = threading.RLock()
        self._state = State(seed, **self._defaults)
        self._faults: list[_PendingFault] = []
        self._counts: dict[str, int] = dict.fromkeys(OPERATION_IDS, 0)
        self._requests: list[tuple[str, str, str]] = []

    # -- configuration and inspection
    def reset(self) -> None:
        """Back to the initial seeded state: data, RNG, clock, ids, faults, counters, log."""
        with self._lock:
            self._state = State(self.seed, **self._defaults)
            self._faults.clear()
            self._counts = dict.fromkeys(OPERATION_IDS, 0)
            self._requests.clear()

    def transport(self) -> httpx.WSGITransport:
        """An in-process httpx transport to this emulator: no socket, no thread.

        Returns:
            An ``EmulatorTransport``, for ``httpx.Client(transport=emu.transport())``.
        """
        return EmulatorTransport(self)

    def set_deployment_mode(self, deployment_id: str, mode: str) -> None:
        """Set a deployment's mode, which decides how create-app treats ``fqdn``.

        Args:
            deployment_id: The deployment, such as ``"dep_123"``.
            mode: ``"production"`` requires and validates ``fqdn``; anything else (the
                default) ignores it and generates a ``*.oapi.trywacht.xyz`` name.
        """
        with self._lock:
            self._state.deployment(deployment_id).mode = mode

    def set_b2b_permissions(
        self, deployment_id: str, organization: Sequence[str] = (), workspace: Sequence[str] = ()
    ) -> None:
        """Configure the deployment's B2B permissions, which scope mappings must name.

        ``set_oauth_scope_mapping`` answers 400 (``workspace permission '…' is not
        configured in deployment B2B settings``) for a permission not listed here. Each call
        replaces both lists.

        Args:
            deployment_id: The deployment, such as ``"dep_123"``.
            organization: The organization permissions, such as ``["org:billing:read"]``.
            workspace: The workspace permissions, such as ``["workspace:mcp:invoke"]``.
        """
        with self._lock:
            deployment = self._state.deployment(deployment_id)
            deployment.organization_permissions = list(organization)
            deployment.workspace_permissions = list(workspace)

    def add_grant(
        self,
        deployment_id: str,
        oauth_app_slug: str,
        oauth_client_id: str | int,
        *,
        scopes: Sequence[str] = (),
        resource: str = "urn:wacht:user:1",
        status: str = "active",
        granted_by_user_id: str | int | None = None,
        expires_at: datetime | None = None,
        api_auth_app_slug: str | None = None,
    ) -> dict[str, Any]:
        """Create a grant as the runtime consent flow would (the API has no create-grant call).

        Args:
            deployment_id: The deployment, such as ``"dep_123"``.
            oauth_app_slug: The app's slug.
            oauth_client_id: The client's numeric record id (``OAuthClient.id``), not its
                public ``client_id`` (``oc_…``).
            scopes: The granted scopes.
            resource: Who granted it: ``urn:wacht:{user,organization,workspace}:{id}``.
            status: ``"active"``, ``"revoked"`` or ``"expired"``.
            granted_by_user_id: The granting user's id, if any.
            expires_at: When it expires; ``None`` for never.
            api_auth_app_slug: The API-auth app it is bound to; defaults to the OAuth app's
                slug.

        Returns:
            The grant as ``list_oauth_grants`` shows it (a JSON dict; ``["id"]`` is the
            ``grant_id`` to revoke).

        Raises:
            ValueError: Unknown app or client, or an unknown ``status``.
        """
        user_id = None if granted_by_user_id is None else int(granted_by_user_id)
        with self._lock:
            return self._state.add_grant(
                deployment_id,
                oauth_app_slug,
                int(oauth_client_id),
                scopes=list(scopes),
                resource=resource,
                status=status,
                granted_by_user_id=user_id,
                expires_at=expires_at,
                api_auth_app_slug=api_auth_app_slug,
            )

    def inject_fault(self, operation_id: str, fault: Fault, times: int = 1) -> None:
        """Make the next ``times`` requests to an operation misbehave.

        Faults are consumed in the order they were injected. A faulted request still counts
        in ``call_counts`` and ``requests``.

        Args:
            operation_id: The operation, such as ``"create_oauth_client"`` (one of
                ``OPERATION_IDS``), or ``"*"`` for any of them.
            fault: What to do instead, such as ``Fault.status(503)``.
            times: How many requests it applies to.

        Raises:
            ValueError: An unknown ``operation_id``, or ``times`` below 1.
        """
        if operation_id != "*" and operation_id not in OPERATION_IDS:
            raise ValueError(f"unknown operation id {operation_id!r}")
        if times < 1:
            raise ValueError("times must be >= 1")
        with self._lock:
            self._faults.append(_PendingFault(operation_id, fault, times))

    @property
    def defaults(self) -> dict[str, Any]:
        """What every deployment starts with: B2B permissions and grants per new client."""
        return dict(self._defaults)

    @property
    def call_counts(self) -> dict[str, int]:
        """operationId -> requests routed to it (faulted ones included); a snapshot."""
        with self._lock:
            return dict(self._counts)

    @property
    def requests(self) -> list[tuple[str, str, str]]:
        """(method, raw path, operationId or "" if unrouted) for every request, in order."""
        with self._lock:
            return list(self._requests)

    # -- WSGI
    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        raw_path = _raw_path(environ)
        body, too_large = _read_body(environ)
        op, args, route_error = _route(method, raw_path)
        with self._lock:
            self._requests.append((method, raw_path, op or ""))
            fault = None
            if op is not None:
                self._counts[op] += 1
                fault = self._take_fault(op)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)
            fault = None
        real = None
        if fault is None or fault.execute:
            real = self._respond(environ, op, args, route_error, body, too_large)
        if fault is None:
            assert real is not None
            return real(environ, start_response)
        return _fault_reply(fault, real, environ, start_response)

    def _take_fault(self, op: str) -> Fault | None:
        """Consume one use of the first matching fault (caller holds the lock)."""
        for pending in self._faults:
            if pending.operation_id in ("*", op):
                pending.remaining -= 1
                if pending.remaining == 0:
                    self._faults.remove(pending)
                return pending.fault
        return None

    def _respond(
        self,
        environ: WSGIEnvironment,
        op: str | None,
        args: dict[str, str],
        route_error: ApiError | None,
        body: bytes,
        too_large: bool,
    ) -> Response:
        headers = EnvironHeaders(environ)
        try:
            key_deployment = self._authenticate(headers.get("Authorization"))
            if route_error is not None or op is None:
                raise route_error or ApiError(404, "Not found")
            decoded = {name: _decode_segment(value) for name, value in args.items()}
            ids: dict[str, int] = {
                name: _i64(decoded[name]) for name in ("client", "grant") if name in decoded
            }
            deployment = decoded.pop("deployment_id", key_deployment)
            call = _Call(deployment, decoded, ids, headers, body, too_large)
            with self._lock:
                result = _HANDLERS[op](self._state, call)
        except ApiError as error:
            return _error_response(error)
        if result is None:
            return _no_content()
        return _json_response({"data": result} if self.data_envelope else result)

    def _authenticate(self, value: str | None) -> str:
        """The backend middleware: a literal ``Bearer `` prefix, then the key check.

        Returns the deployment the key belongs to (used on the root mount)."""
        if value is None or not value.startswith("Bearer ") or not value[len("Bearer ") :]:
            raise ApiError(401, "Authorization header must be Bearer token")
        if self.api_keys is None:
            return DEFAULT_DEPLOYMENT
        deployment = self.api_keys.get(value[len("Bearer ") :])
        if deployment is None:
            raise ApiError(401, "Authentication failed")
        return deployment


# ------------------------------------------------------------------- in-process transport
class _DropAwareStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, request: httpx.Request) -> None:
        self._inner = inner
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._inner
        except DropConnection:
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body",
                request=self._request,
            ) from None

    def close(self) -> None:
        self._inner.close()


class EmulatorTransport(httpx.WSGITransport):
    """``httpx.WSGITransport`` that keeps the raw (percent-encoded) path and turns a
    dropped connection into ``httpx.RemoteProtocolError``, as a real socket would.

    Args:
        emulator: The emulator to send requests to; ``Emulator.transport()`` passes itself.
    """

    def __init__(self, emulator: Emulator) -> None:
        super().__init__(app=self._app)
        self.emulator = emulator

    def _app(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        raw = _RAW_TARGET.get()
        if raw is not None:
            environ["RAW_URI"] = raw
        return self.emulator(environ, start_response)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Serve one request in-process (httpx calls this; you don't).

        Args:
            request: The request httpx is sending.

        Returns:
            The emulator's response.

        Raises:
            httpx.RemoteProtocolError: A ``Fault.drop()`` hung up.
        """
        token = _RAW_TARGET.set(request.url.raw_path.decode("ascii"))
        try:
            response = super().handle_request(request)
        except DropConnection:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from None
        finally:
            _RAW_TARGET.reset(token)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_DropAwareStream(response.stream, request),
        )


# --------------------------------------------------------------------------- socket server
class _ConnectionTracker:
    """Counts accepted connections and remembers open ones so shutdown can close them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.accepted = 0
        self._open: set[socket.socket] = set()

    def opened(self, sock: socket.socket) -> None:
        with self._lock:
            self.accepted += 1
            self._open.add(sock)

    def closed(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)

    def close_all(self) -> None:
        with self._lock:
            socks = list(self._open)
        for sock in socks:  # wakes handler threads idling on a keep-alive connection
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _RequestHandler(WSGIRequestHandler):
    """werkzeug's handler with keep-alive and silent hang-ups.

    werkzeug's own ``run_wsgi`` answers every request with ``Connection: close`` and then
    drains the socket, so clients could never reuse a connection (the real server allows
    it, and SDK tests count connections). This ``run_wsgi`` keeps HTTP/1.1 connections open
    whenever the response is length-delimited, and writes nothing more after the app raises
    ``DropConnection``. The emulator always reads request bodies fully, so the next request
    starts right where this one ended.
    """

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # head and body go out in separate writes: avoid 40 ms stalls
    tracker = _ConnectionTracker()  # replaced by a fresh one per server
    quiet = True

    def setup(self) -> None:
        super().setup()
        self.tracker.opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.tracker.closed(self.connection)

    def run_wsgi(self) -> None:
        if self.headers.get("Expect", "").lower().strip() == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self.environ = environ = self.make_environ()
        head: list[Any] = []
        sent = False
        chunked = False

        def send_head() -> None:
            nonlocal sent
            status, headers = head
            code = int(status.split(" ", 1)[0])
            self.send_response(code, status.partition(" ")[2])
            names = set()
            for name, value in headers:
                self.send_header(name, value)  # "Connection: close" also sets close_connection
                names.add(name.lower())
            nonlocal chunked
            chunked = "transfer-encoding" in names  # only a Fault.stream sets it
            framed = (
                "content-length" in names
                or chunked
                or code in (204, 304)
                or code < 200
                or environ["REQUEST_METHOD"] == "HEAD"
            )
            if not framed:
                self.close_connection = True  # the body ends when the connection does
            if self.close_connection and "connection" not in names:
                self.send_header("Connection", "close")
            self.end_headers()
            sent = True

        def write(data: bytes) -> None:
            if not sent:
                send_head()
            if data and environ["REQUEST_METHOD"] != "HEAD":
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)

        def start_response(
            status: str, headers: list[tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], object]:
            head[:] = [status, headers]
            return write

        try:
            body = self.server.app(environ, start_response)
            try:
                for chunk in body:
                    write(chunk)
                if not sent:
                    send_head()
                if chunked:
                    self.wfile.write(b"0\r\n\r\n")
            finally:
                if hasattr(body, "close"):
                    body.close()
        except ConnectionError as exc:  # DropConnection, or the client went away
            self.connection_dropped(exc, environ)
        except Exception:
            self.close_connection = True
            self.log_error("Error on request:\n%s", traceback.format_exc())
            if not sent:
                head[:] = ["500 Internal Server Error", [("Content-Length", "0")]]
                send_head()

    def connection_dropped(
        self, error: BaseException, environ: WSGIEnvironment | None = None
    ) -> None:
        self.close_connection = True  # never wait for another request on a dropped connection

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if not self.quiet:
            super().log_request(code, size)


class EmulatorURL(str):
    """The server's base URL (e.g. ``"http://127.0.0.1:54321"``), usable as a plain ``str``.

    ``run_emulator()`` yields one; you don't build it yourself.

    Attributes:
        emulator: The served ``Emulator``, for test hooks such as ``add_grant``.
    """

    emulator: Emulator
    _tracker: _ConnectionTracker

    def __new__(cls, url: str, emulator: Emulator, tracker: _ConnectionTracker) -> EmulatorURL:
        self = super().__new__(cls, url)
        self.emulator = emulator
        self._tracker = tracker
        return self

    @property
    def connections(self) -> int:
        """TCP connections the server has accepted so far (it keeps them alive)."""
        return self._tracker.accepted


def make_emulator_server(
    emulator: Emulator, host: str, port: int, *, quiet: bool = True
) -> tuple[BaseWSGIServer, EmulatorURL]:
    """A threaded werkzeug server for ``emulator`` (not yet serving) and its base URL."""
    tracker = _ConnectionTracker()

    class Handler(_RequestHandler):
        pass

    Handler.tracker, Handler.quiet = tracker, quiet
    server = make_server(host, port, emulator, threaded=True, request_handler=Handler)
    shown = f"[{host}]" if ":" in host else host
    return server, EmulatorURL(f"http://{shown}:{server.server_port}", emulator, tracker)


@contextlib.contextmanager
def run_emulator(
    emulator: Emulator | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[EmulatorURL]:
    """Serve an emulator over real HTTP in a background thread, for the ``with`` block.

    Use it to record cassettes, or for code that builds its own HTTP client. On exit the
    server stops, idle connections are closed and the port is freed.

    Args:
        emulator: The emulator to serve; a fresh ``Emulator()`` when ``None``.
        host: The address to listen on.
        port: The port; ``0`` picks a free one.

    Yields:
        The base URL, such as ``"http://127.0.0.1:54321"`` (an ``EmulatorURL``, a ``str``).

    Raises:
        OSError: The port is taken.

    Example:
        ```python
        with run_emulator(Emulator(seed=0)) as url:
            with WachtClient(api_key="test-key", base_url=url) as client:
                client.oauth.list_oauth_apps("dep_123")
        ```
    """
    server, url = make_emulator_server(emulator if emulator is not None else Emulator(), host, port)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="wacht-emulator",
        daemon=True,
    )
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()  # stop accepting...
        url._tracker.close_all()  # ...hang up idle keep-alive connections...
        server.server_close()  # ...and free the port
        thread.join()
