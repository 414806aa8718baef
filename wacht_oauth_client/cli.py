"""`wacht-oauth`: every OAuth operation from a shell script, JSON in and out.

A thin layer over `WachtClient`: validation, retries, errors and redaction all come from the
SDK. This module parses the command line, builds the SDK's request models from `--from-json`
and flags, calls one method, and prints the result. Exit codes: 0 success, 1 an API or
connection error, 2 a usage error or bad input caught before any request.

Only the standard library is imported at start-up; the SDK (and httpx) are imported when a
command runs, so `--help` and usage errors stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._oauth import DeploymentOAuth

PROG = "wacht-oauth"
USAGE_ERROR, API_ERROR = 2, 1
# Only these two commands ever print a secret: the response is the one time it exists.
SECRET_COMMANDS = frozenset({("clients", "create"), ("clients", "rotate-secret")})

_TOP_EPILOG = """\
configuration (flags win over the environment):
  WACHT_API_KEY        the credential (prefer it to --api-key, which shows up in `ps`)
  WACHT_BASE_URL       default https://api.wacht.dev
  WACHT_DEPLOYMENT_ID  unset: the key-scoped backend API (/oauth/apps..., the deployment comes
                       from the API key); set: the deployment-scoped paths
                       (/deployments/{id}/oauth/apps..., e.g. with an OAuth access token)

exit codes: 0 success, 1 API or connection error, 2 usage error or bad input (nothing sent)

example:
  wacht-oauth --json clients rotate-secret mcp-auth 7300000000000000002 | jq -r .client_secret
"""


class UsageError(Exception):
    """Bad input caught locally: exit 2, nothing was sent."""


# -- the command table ------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """An option that sets one request field (it wins over the same key in --from-json)."""

    option: str
    field: str
    help: str
    kind: str = "str"  # "str", "int", "list" (repeatable), "bool" (--x / --no-x)


@dataclass(frozen=True)
class Command:
    group: str
    name: str
    help: str
    example: str
    positionals: tuple[tuple[str, str], ...]  # (name, help)
    run: Callable[[DeploymentOAuth, argparse.Namespace], Any]
    request: str | None = None  # the SDK request model built from --from-json and flags
    flags: tuple[Flag, ...] = ()
    columns: tuple[str, ...] = ()  # table columns when the result is a list
    extra: tuple[Flag, ...] = ()  # options that are not request fields (args.<field>)


SLUG = ("SLUG", "the app's slug")
SCOPE = ("SCOPE", "the scope name")
CLIENT = ("ID", "the client's numeric record id (OAuthClient.id, not the public oc_... client_id)")
CLIENT_ID = ("CLIENT_ID", CLIENT[1])

APP_FLAGS = (
    Flag("--name", "name", "the app's display name"),
    Flag("--description", "description", "a description"),
    Flag(
        "--scope", "supported_scopes", "a supported scope (repeatable; replaces the list)", "list"
    ),
    Flag(
        "--allow-dynamic-client-registration",
        "allow_dynamic_client_registration",
        "allow RFC 7591 dynamic client registration",
        "bool",
    ),
)
CLIENT_FLAGS = (
    Flag("--name", "client_name", "the client's name"),
    Flag(
        "--auth-method",
        "client_auth_method",
        "client_secret_basic, client_secret_post, client_secret_jwt, none or private_key_jwt",
    ),
    Flag("--grant-type", "grant_types", "authorization_code or refresh_token (repeatable)", "list"),
    Flag("--redirect-uri", "redirect_uris", "a redirect URI (repeatable)", "list"),
    Flag(
        "--post-logout-redirect-uri",
        "post_logout_redirect_uris",
        "a post-logout redirect URI (repeatable)",
        "list",
    ),
    Flag("--access-token-format", "access_token_format", "opaque or jwt"),
    Flag("--access-token-ttl", "access_token_ttl_seconds", "seconds, 60 to 86400", "int"),
    Flag("--skip-consent", "skip_consent", "skip the consent screen", "bool"),
    Flag("--jwks-uri", "jwks_uri", "the client's JWKS URL (private_key_jwt)"),
)
APP_COLUMNS = ("slug", "name", "is_active", "supported_scopes", "fqdn")
CLIENT_COLUMNS = ("id", "client_id", "client_name", "client_auth_method", "is_active")


def _with_logo(oauth: DeploymentOAuth, args: argparse.Namespace) -> Any:
    request = args.request
    if args.logo is not None:
        request.logo_file = _read_bytes(args.logo)
        request.logo_filename = os.path.basename(args.logo)
    return oauth.create_oauth_app(request)


COMMANDS: tuple[Command, ...] = (
    # apps
    Command(
        "apps",
        "list",
        "list the deployment's OAuth apps",
        "wacht-oauth apps list",
        (),
        lambda o, a: o.list_oauth_apps(),
        columns=APP_COLUMNS,
    ),
    Command(
        "apps",
        "create",
        "create an OAuth app",
        "wacht-oauth apps create --slug mcp-auth --name 'MCP Auth' --scope mcp:invoke",
        (),
        _with_logo,
        request="CreateOAuthAppRequest",
        flags=(
            Flag("--slug", "slug", "the app's slug (required)"),
            *APP_FLAGS,
            Flag("--fqdn", "fqdn", "the issuer host (production deployments)"),
        ),
        extra=(Flag("--logo", "logo", "a PNG, JPEG, GIF, WEBP or ICO file"),),
    ),
    Command(
        "apps",
        "update",
        "update an app (its scope definitions are kept)",
        "wacht-oauth apps update mcp-auth --name 'MCP Auth App'",
        (SLUG,),
        lambda o, a: o.update_oauth_app(a.SLUG, a.request),
        request="UpdateOAuthAppRequest",
        flags=(*APP_FLAGS, Flag("--active", "is_active", "activate or deactivate the app", "bool")),
    ),
    Command(
        "apps",
        "verify-domain",
        "check the app's custom domain (CNAME)",
        "wacht-oauth apps verify-domain mcp-auth",
        (SLUG,),
        lambda o, a: o.verify_oauth_app_domain(a.SLUG),
    ),
    # scopes
    Command(
        "scopes",
        "update",
        "set a scope's display name and description",
        "wacht-oauth scopes update mcp-auth mcp:invoke --display-name 'Invoke MCP tools'",
        (SLUG, SCOPE),
        lambda o, a: o.update_oauth_scope(a.SLUG, a.SCOPE, a.request),
        request="UpdateOAuthScopeRequest",
        flags=(
            Flag("--display-name", "display_name", "the name users see on the consent screen"),
            Flag("--description", "description", "what the scope allows"),
        ),
    ),
    Command(
        "scopes",
        "archive",
        "archive a scope",
        "wacht-oauth scopes archive mcp-auth mcp:legacy",
        (SLUG, SCOPE),
        lambda o, a: o.archive_oauth_scope(a.SLUG, a.SCOPE),
    ),
    Command(
        "scopes",
        "unarchive",
        "unarchive a scope",
        "wacht-oauth scopes unarchive mcp-auth mcp:legacy",
        (SLUG, SCOPE),
        lambda o, a: o.unarchive_oauth_scope(a.SLUG, a.SCOPE),
    ),
    Command(
        "scopes",
        "map",
        "map a scope to a category and B2B permission (immutable once set)",
        "wacht-oauth scopes map mcp-auth mcp:invoke --category workspace "
        "--workspace-permission workspace:mcp:invoke",
        (SLUG, SCOPE),
        lambda o, a: o.set_oauth_scope_mapping(a.SLUG, a.SCOPE, a.request),
        request="SetOAuthScopeMappingRequest",
        flags=(
            Flag("--category", "category", "personal, organization or workspace"),
            Flag("--organization-permission", "organization_permission", "a B2B permission"),
            Flag("--workspace-permission", "workspace_permission", "a B2B permission"),
        ),
    ),
    # clients
    Command(
        "clients",
        "list",
        "list the app's clients (deactivated ones too)",
        "wacht-oauth clients list mcp-auth",
        (SLUG,),
        lambda o, a: o.list_oauth_clients(a.SLUG),
        columns=CLIENT_COLUMNS,
    ),
    Command(
        "clients",
        "create",
        "create a client (prints its secret: the only time it is shown)",
        "wacht-oauth clients create mcp-auth --auth-method client_secret_basic "
        "--grant-type authorization_code --redirect-uri https://app.example.com/cb",
        (SLUG,),
        lambda o, a: o.create_oauth_client(a.SLUG, a.request),
        request="CreateOAuthClientRequest",
        flags=CLIENT_FLAGS,
    ),
    Command(
        "clients",
        "update",
        "update an active client's settings",
        "wacht-oauth clients update mcp-auth 7300000000000000002 --access-token-ttl 900",
        (SLUG, CLIENT),
        lambda o, a: o.update_oauth_client(a.SLUG, a.ID, a.request),
        request="UpdateOAuthClientRequest",
        flags=CLIENT_FLAGS,
    ),
    Command(
        "clients",
        "deactivate",
        "deactivate a client (there is no reactivation)",
        "wacht-oauth clients deactivate mcp-auth 7300000000000000002",
        (SLUG, CLIENT),
        lambda o, a: o.deactivate_oauth_client(a.SLUG, a.ID),
    ),
    Command(
        "clients",
        "rotate-secret",
        "issue a new client secret (the old one stops working at once)",
        "wacht-oauth --json clients rotate-secret mcp-auth 7300000000000000002",
        (SLUG, CLIENT),
        lambda o, a: o.rotate_oauth_client_secret(a.SLUG, a.ID),
    ),
    # grants
    Command(
        "grants",
        "list",
        "list the client's grants",
        "wacht-oauth --json grants list mcp-auth 7300000000000000002",
        (SLUG, CLIENT_ID),
        lambda o, a: o.list_oauth_grants(a.SLUG, a.CLIENT_ID),
        columns=("id", "status", "resource", "scopes", "expires_at"),
    ),
    Command(
        "grants",
        "revoke",
        "revoke a grant (an unknown grant id is not an error)",
        "wacht-oauth grants revoke mcp-auth 7300000000000000002 7300000000000000101",
        (SLUG, CLIENT_ID, ("GRANT_ID", "the grant's numeric id")),
        lambda o, a: o.revoke_oauth_grant(a.SLUG, a.CLIENT_ID, a.GRANT_ID),
    ),
    # signing keys
    Command(
        "keys",
        "list",
        "list the app's active and retired signing keys",
        "wacht-oauth keys list mcp-auth",
        (SLUG,),
        lambda o, a: o.list_signing_keys(a.SLUG),
        columns=("kid", "status", "algorithm"),
    ),
    Command(
        "keys",
        "rotate",
        "create a new signing key and retire the active one",
        "wacht-oauth keys rotate mcp-auth",
        (SLUG,),
        lambda o, a: o.rotate_signing_key(a.SLUG),
    ),
    Command(
        "keys",
        "compromise",
        "mark a signing key compromised",
        "wacht-oauth keys compromise mcp-auth 3f1c0d9e…",
        (SLUG, ("KID", "the key's id")),
        lambda o, a: o.compromise_signing_key(a.SLUG, a.KID),
    ),
)
GROUPS = {
    "apps": "OAuth apps",
    "scopes": "an app's scopes",
    "clients": "an app's OAuth clients",
    "grants": "a client's grants",
    "keys": "an app's signing keys",
}


# -- the parser ---------------------------------------------------------------------------------


def _common(suppress: bool) -> argparse.ArgumentParser:
    """The options every level accepts (before or after the command: the last one wins)."""
    parser = argparse.ArgumentParser(add_help=False)
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument("--api-key", metavar="K", default=default, help="the credential")
    parser.add_argument("--base-url", metavar="U", default=default, help="the API's base URL")
    parser.add_argument(
        "--deployment",
        metavar="D",
        default=default,
        help="use the deployment-scoped paths of deployment D",
    )
    parser.add_argument("--timeout", metavar="S", type=float, default=default, help="seconds")
    parser.add_argument(
        "--json",
        action="store_true",
        default=default if suppress else False,
        help="print the API object or list as JSON (stdout carries nothing else)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default if suppress else False,
        help="log requests to stderr and show tracebacks",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    from . import _config_cli
    from ._version import __version__

    formatter = argparse.RawDescriptionHelpFormatter
    common = _common(suppress=True)
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Manage Wacht OAuth apps, scopes, clients, grants and signing keys.",
        epilog=_TOP_EPILOG,
        formatter_class=formatter,
        parents=[_common(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    groups = parser.add_subparsers(dest="group", metavar="<group>", required=True)
    by_group: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    for name, help_text in GROUPS.items():
        examples = "\n".join(f"  {c.example}" for c in COMMANDS if c.group == name)
        group = groups.add_parser(
            name,
            help=help_text,
            description=f"Commands on {help_text}.",
            epilog=f"example:\n{examples.splitlines()[0]}",
            formatter_class=formatter,
            parents=[common],
        )
        by_group[name] = group.add_subparsers(dest="command", metavar="<command>", required=True)
    _config_cli.add_commands(groups, common, formatter)  # export, apply, schema
    for command in COMMANDS:
        sub = by_group[command.group].add_parser(
            command.name,
            help=command.help,
            description=command.help[0].upper() + command.help[1:] + ".",
            epilog=f"example:\n  {command.example}",
            formatter_class=formatter,
            parents=[common],
        )
        for name, help_text in command.positionals:
            sub.add_argument(name, help=help_text)
        if command.request is not None:
            sub.add_argument(
                "--from-json",
                metavar="FILE",
                help="the request body as a JSON object with the API's field names ('-': stdin)",
            )
        for flag in command.flags:
            _add_flag(sub, flag, "field_" + flag.field)
        for flag in command.extra:
            _add_flag(sub, flag, flag.field)
        sub.set_defaults(command_spec=command)
    return parser


def _add_flag(parser: argparse.ArgumentParser, flag: Flag, dest: str) -> None:
    if flag.kind == "bool":
        parser.add_argument(
            flag.option, dest=dest, action=argparse.BooleanOptionalAction, help=flag.help
        )
    elif flag.kind == "list":
        parser.add_argument(flag.option, dest=dest, action="append", metavar="V", help=flag.help)
    else:
        kind = int if flag.kind == "int" else str
        parser.add_argument(flag.option, dest=dest, type=kind, metavar="V", help=flag.help)


# -- requests -----------------------------------------------------------------------------------


def _read_bytes(path: str) -> bytes:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as file:
            return file.read()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _request_body(command: Command, args: argparse.Namespace) -> dict[str, Any]:
    """--from-json, then the flags on top of it."""
    body: dict[str, Any] = {}
    if args.from_json is not None:
        try:
            loaded = json.loads(_read_bytes(args.from_json))
        except ValueError as exc:
            raise UsageError(f"--from-json: not valid JSON ({exc})") from None
        if not isinstance(loaded, dict):
            raise UsageError("--from-json: the request body must be a JSON object")
        body.update(loaded)
    for flag in command.flags:
        value = getattr(args, "field_" + flag.field)
        if value is not None:
            body[flag.field] = value
    return body


def _build_request(command: Command, body: dict[str, Any]) -> Any:
    """The SDK model for `body`; unknown or missing fields are usage errors."""
    import attrs

    from . import models

    model = getattr(models, str(command.request))
    fields = {f.name: f for f in attrs.fields(model) if f.init}
    unknown = sorted(set(body) - set(fields))
    if unknown:
        # The server ignores unknown fields, so a typo would silently change nothing.
        raise UsageError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(fields)}")
    missing = [n for n, f in fields.items() if f.default is attrs.NOTHING and n not in body]
    if missing:
        flags = {f.field: f.option for f in command.flags}
        hints = [f"{n} ({flags[n]})" if n in flags else n for n in missing]
        raise UsageError(f"missing required field(s): {', '.join(hints)}")
    if command.request == "CreateOAuthAppRequest":  # hand-written: nested models by hand
        definitions = body.get("scope_definitions")
        if isinstance(definitions, list):
            body["scope_definitions"] = [
                models.OAuthScopeDefinition.from_dict(d) if isinstance(d, dict) else d
                for d in definitions
            ]
        return model(**body)
    try:
        return model.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UsageError(f"request body: {type(exc).__name__}: {exc}") from None


# -- output -------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A model (or a list of them) as the API's JSON objects."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _print_table(rows: list[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    if not rows:  # an empty list is a success with nothing to show
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    if not out.isatty():  # piped: tab-separated, full values, one header line
        for line in [list(columns), *cells]:
            print("\t".join(line), file=out)
        return
    header = [c.upper() for c in columns]
    widths = [max(len(x) for x in column) for column in zip(header, *cells, strict=True)]
    for line in [header, *cells]:
        print("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip(), file=out)


def _print_record(record: dict[str, Any], show_secrets: bool, out: IO[str]) -> None:
    from ._redact import REDACTED, is_secret_name

    for key, value in record.items():
        if is_secret_name(key) and not show_secrets:
            value = REDACTED
        elif isinstance(value, dict | list):
            value = json.dumps(_masked(value), ensure_ascii=False)
        print(f"{key}: {_cell(value)}", file=out)


def _masked(value: Any) -> Any:
    from ._redact import REDACTED, is_secret_name

    if isinstance(value, dict):
        return {
            k: (REDACTED if is_secret_name(k) and v is not None else _masked(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def _print_result(command: Command, args: argparse.Namespace, result: Any) -> None:
    out = sys.stdout
    if result is None:  # the no-content operations
        if not args.json:
            print(f"{command.group} {command.name}: done", file=out)
        return
    data = _plain(result)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False), file=out)
    elif isinstance(data, list):
        _print_table(data, command.columns, out)
    else:
        _print_record(data, (command.group, command.name) in SECRET_COMMANDS, out)


def _report(args: argparse.Namespace, exc: BaseException, kind: str) -> None:
    if getattr(args, "json", False):
        # The server's own message; the status, method and path have fields of their own.
        error = {
            "type": type(exc).__name__,
            "kind": kind,
            "message": getattr(exc, "message", str(exc)),
        }
        for name in ("status_code", "method", "url"):
            if hasattr(exc, name):
                error[name] = getattr(exc, name)
        print(json.dumps({"error": error}, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"{PROG}: error: {exc}", file=sys.stderr)


# -- running ------------------------------------------------------------------------------------


def _client(args: argparse.Namespace) -> Any:
    from ._client import WachtClient

    api_key = args.api_key or os.environ.get("WACHT_API_KEY")
    if not api_key:
        raise UsageError("no API key: set WACHT_API_KEY (or pass --api-key)")
    kwargs: dict[str, Any] = {"api_key": api_key, "base_url": args.base_url or None}
    if args.timeout is not None:
        kwargs["timeout"] = args.timeout
    return WachtClient(**kwargs)


@contextlib.contextmanager
def _debug_log(enabled: bool) -> Iterator[None]:
    """With --debug: the SDK's log (method, path, status, timing; never headers) on stderr."""
    if not enabled:
        yield
        return
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    sdk = logging.getLogger("wacht_oauth_client")
    level = sdk.level
    sdk.addHandler(handler)
    sdk.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        sdk.removeHandler(handler)
        sdk.setLevel(level)


def run(args: argparse.Namespace) -> Any:
    """Run the parsed command; returns its result (a model, a list of them, or None)."""
    command: Command = args.command_spec
    if command.request is not None:
        args.request = _build_request(command, _request_body(command, args))
    with _client(args) as client:
        return command.run(client.deployment(_deployment_id(args)).oauth, args)


def _deployment_id(args: argparse.Namespace) -> str | None:
    """--deployment, then WACHT_DEPLOYMENT_ID; neither: the key-scoped backend API (None)."""
    return args.deployment or os.environ.get("WACHT_DEPLOYMENT_ID") or None


def main(argv: Sequence[str] | None = None) -> int:
    """The `wacht-oauth` command; returns the exit code."""
    args = build_parser().parse_args(argv)
    from .errors import ConfigError, ConfigurationError, InvalidArgumentError, WachtError

    try:
        with _debug_log(args.debug):
            if getattr(args, "config_command", None) is not None:  # export, apply, schema
                code: int = args.config_command(args)
                return code
            result = run(args)
    except (UsageError, InvalidArgumentError, ConfigurationError, ConfigError) as exc:
        return _fail(args, exc, "usage", USAGE_ERROR)
    except WachtError as exc:
        return _fail(args, exc, "api", API_ERROR)
    except KeyboardInterrupt:
        return 130
    _print_result(args.command_spec, args, result)
    return 0


def _fail(args: argparse.Namespace, exc: Exception, kind: str, code: int) -> int:
    if args.debug:  # the traceback, without locals (they are never printed)
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    _report(args, exc, kind)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
