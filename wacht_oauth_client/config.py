"""OAuth configuration as code: export a deployment's apps to a file, plan and apply it back.

```python
from wacht_oauth_client import WachtClient
from wacht_oauth_client.config import apply, export_config, load_config, plan

with WachtClient() as client:
    oauth = client.deployment().oauth                # or client.deployment("dep_123").oauth
    document = export_config(oauth)                  # a dict: no ids, secrets or timestamps
    desired = load_config("oauth.yaml")              # validated before any request
    changes = plan(oauth, desired)                   # reads only
    print(changes.render())
    result = apply(changes, on_secret=store)         # writes, one at a time
```

Identity: an app is its slug, a scope its name, a client its `client_name` among the app's
*active* clients. Unnamed clients are never matched, exported or deactivated. `apply` writes one
request at a time in a fixed order, stops at the first failure and reports every change as
done, failed, unknown or not attempted; running it again converges. The format, the rules and a
worked example are in docs/config-as-code.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote

from . import _config_doc as _doc
from . import models as m
from ._config_doc import (
    AppConfig,
    ClientConfig,
    ConfigDocument,
    MappingConfig,
    ScopeConfig,
    dump_config,
    load_config,
    loads_config,
    schema,
    validate_config,
)
from .errors import (
    APIError,
    APIResponseValidationError,
    ConfigConflictError,
    ConfigError,
    InvalidArgumentError,
)

if TYPE_CHECKING:
    from ._oauth import DeploymentOAuth

__all__ = [
    "AppConfig",
    "ApplyResult",
    "Change",
    "ChangeResult",
    "ClientConfig",
    "ConfigConflictError",
    "ConfigDocument",
    "ConfigError",
    "FieldChange",
    "MappingConfig",
    "Note",
    "Plan",
    "ScopeConfig",
    "Secret",
    "apply",
    "dump_config",
    "export_config",
    "load_config",
    "loads_config",
    "plan",
    "schema",
    "validate_config",
]

Action = Literal["create", "update", "deactivate"]
Status = Literal["done", "failed", "unknown", "not attempted"]
SYMBOLS = {"create": "+", "update": "~", "deactivate": "-"}
# Non-production deployments ignore the fqdn they are given and make one up: not worth exporting.
GENERATED_FQDN_SUFFIX = ".oapi.trywacht.xyz"
# Client fields the API clears with "" (the others keep their value when sent blank).
CLEARABLE = frozenset(
    {"client_uri", "logo_uri", "tos_uri", "policy_uri", "software_id", "software_version"}
)
_NEW = "(known after apply)"


# -- the plan ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field of a change, before and after; `None` means no value (or not there yet).

    Attributes:
        path: The field, relative to the change's address (`"name"`,
            `'scopes["mcp:read"].display_name'`).
        before: The server's value.
        after: The value the configuration asks for.
    """

    path: str
    before: Any = None
    after: Any = None

    def to_dict(self) -> dict[str, Any]:
        """The field change as JSON-ready data.

        Returns:
            `{"path", "before", "after"}`.
        """
        return {"path": self.path, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Change:
    """One write the plan makes: a single SDK call.

    Attributes:
        address: What it changes, such as `'apps["mcp-auth"].clients["web"]'`.
        action: `"create"`, `"update"` or `"deactivate"`.
        operation: The `DeploymentOAuth` method that makes it, such as `"create_oauth_client"`.
        fields: The fields it sets, before and after.
        note: Why, or what to know about it.
        issues_secret: It returns a new client secret (handed to `apply`'s `on_secret`, and
            never part of the plan or its result).
    """

    address: str
    action: Action
    operation: str
    fields: tuple[FieldChange, ...] = ()
    note: str = ""
    issues_secret: bool = False
    # The SDK call's arguments; not part of what the plan shows or compares.
    _args: tuple[Any, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data (no secret: a new one is only marked `sensitive`).

        Returns:
            `{"address", "action", "operation", "fields", "note", "sensitive"}`.
        """
        return {
            "address": self.address,
            "action": self.action,
            "operation": self.operation,
            "fields": [f.to_dict() for f in self.fields],
            "note": self.note,
            "sensitive": self.issues_secret,
        }


@dataclass(frozen=True)
class Note:
    """Something the plan reports without a write: blocked, conflicting, warned or unmanaged.

    Attributes:
        address: What it is about.
        message: What is going on, and what to do.
    """

    address: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """The note as JSON-ready data.

        Returns:
            `{"address", "message"}`.
        """
        return {"address": self.address, "message": self.message}

    def __str__(self) -> str:
        return f"{self.address}: {self.message}"


@dataclass(frozen=True)
class Plan:
    """What `apply` would do to make a deployment match a configuration, made by `plan()`.

    Attributes:
        target: Which deployment, in words (`"deployment dep_123"`).
        deployment_id: The deployment of the deployment-scoped surface; `None` on the key-scoped
            backend API (the deployment is the API key's).
        prune: Whether clients missing from the file are deactivated.
        changes: The writes, in the order `apply` makes them.
        blocked: Changes the API cannot make (a scope mapping differs: mappings are immutable).
        conflicts: Names that match more than one active client.
        warnings: Differences the plan leaves alone (create-only or uncleared fields).
        unmanaged: What the file does not manage and the plan keeps as it is.
    """

    target: str
    deployment_id: str | None
    prune: bool
    changes: tuple[Change, ...]
    blocked: tuple[Note, ...]
    conflicts: tuple[Note, ...]
    warnings: tuple[Note, ...]
    unmanaged: tuple[Note, ...]
    _oauth: DeploymentOAuth = field(repr=False, compare=False)
    _desired: ConfigDocument = field(repr=False, compare=False)

    @property
    def has_changes(self) -> bool:
        """Whether applying the plan would write anything."""
        return bool(self.changes)

    @property
    def can_apply(self) -> bool:
        """Whether `apply` accepts it: nothing blocked, no conflicting names."""
        return not self.blocked and not self.conflicts

    @property
    def summary(self) -> dict[str, int]:
        """How many changes of each action, and how many blocked items and conflicts."""
        counts = {action: 0 for action in SYMBOLS}
        for change in self.changes:
            counts[change.action] += 1
        return {**counts, "blocked": len(self.blocked), "conflicts": len(self.conflicts)}

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON-ready data, for `--json` (versioned by `format_version`).

        Returns:
            The target, changes, blocked items, conflicts, warnings, unmanaged items and summary.
        """
        return {
            "format_version": "1",
            "target": self.target,
            "deployment_id": self.deployment_id,
            "prune": self.prune,
            "changes": [c.to_dict() for c in self.changes],
            "blocked": [n.to_dict() for n in self.blocked],
            "conflicts": [n.to_dict() for n in self.conflicts],
            "warnings": [n.to_dict() for n in self.warnings],
            "unmanaged": [n.to_dict() for n in self.unmanaged],
            "summary": self.summary,
        }

    def render(self) -> str:
        """The plan as text: one block per change, then notes and a summary line.

        Returns:
            The text, Terraform-like: `+` create, `~` update, `-` deactivate, `!` blocked.
        """
        lines = []
        if self.has_changes or not self.can_apply:
            lines.append(f"Plan for {self.target}   (+ create  ~ update  - deactivate  ! blocked)")
        for change in self.changes:
            lines += _render_change(change)
        lines += [f"  ! {note}" for note in self.blocked]
        lines += [f"  ! conflict: {note}" for note in self.conflicts]
        if self.warnings:
            lines += ["Warnings (left as they are):", *(f"  {n}" for n in self.warnings)]
        if self.unmanaged:
            lines += ["Not managed by the file (kept):", *(f"  {n}" for n in self.unmanaged)]
        s = self.summary
        if not self.has_changes and self.can_apply:
            lines.append(f"No changes: {self.target} matches the configuration.")
        else:
            line = (
                f"Plan: {s['create']} to create, {s['update']} to update, "
                f"{s['deactivate']} to deactivate."
            )
            if not self.can_apply:
                line += (
                    f" {s['blocked']} blocked, {s['conflicts']} conflicting: nothing can be "
                    "applied until they are resolved."
                )
            lines.append(line)
        return "\n".join(lines) + "\n"


def _render_change(change: Change) -> list[str]:
    head = f"  {SYMBOLS[change.action]} {change.address}"
    if change.note:
        head += f"   ({change.note})"
    lines = [head]
    for f in change.fields:
        if change.action == "create":
            lines.append(f"      {f.path}: {_show(f.after)}")
        elif isinstance(f.before, list) and isinstance(f.after, list):
            added = [f"+ {_show(v)}" for v in f.after if v not in f.before]
            removed = [f"- {_show(v)}" for v in f.before if v not in f.after]
            lines.append(f"      {f.path}: {'  '.join(added + removed)}")
        else:
            lines.append(f"      {f.path}: {_show(f.before)} -> {_show(f.after)}")
    if change.operation == "create_oauth_client":
        lines.append(f"      client_id: {_NEW}")
    if change.issues_secret:
        lines.append("      client_secret: (sensitive: issued by the server, handed over once)")
    return lines


def _show(value: Any) -> str:
    return "(none)" if value is None else json.dumps(value, ensure_ascii=False)


# -- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Secret:
    """A client secret the server issued during `apply`: shown once, never stored by the SDK.

    `repr()` hides it; the attribute and `to_dict()` hold it.

    Attributes:
        app: The app's slug.
        client_name: The client's name (its key in the file).
        client_id: The public client id (`oc_…`).
        client_secret: The secret.
        event: `"created"` (a new client) or `"rotated"` (a client switched to a secret-based
            auth method got its first secret).
    """

    app: str
    client_name: str
    client_id: str
    client_secret: str = field(repr=False)
    event: Literal["created", "rotated"] = "created"

    def to_dict(self) -> dict[str, str]:
        """The secret as one JSON object, for a secrets file.

        Returns:
            `{"app", "client_name", "client_id", "client_secret", "event"}`.
        """
        return {
            "app": self.app,
            "client_name": self.client_name,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "event": self.event,
        }


@dataclass(frozen=True)
class ChangeResult:
    """What became of one change.

    Attributes:
        change: The change.
        status: `"done"`; `"failed"` (the server refused: nothing changed); `"unknown"` (the
            request may have reached the server, and was not retried); `"not attempted"`.
        message: The server's message, or what to do next.
        client_id: For a created client, its public client id.
    """

    change: Change
    status: Status
    message: str = ""
    client_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The outcome as JSON-ready data.

        Returns:
            `{"address", "action", "operation", "status", "message", "client_id"}`.
        """
        return {
            "address": self.change.address,
            "action": self.change.action,
            "operation": self.change.operation,
            "status": self.status,
            "message": self.message,
            "client_id": self.client_id,
        }


@dataclass(frozen=True)
class ApplyResult:
    """What `apply` did: one result per change of the plan, in order.

    Attributes:
        plan: The plan that was applied (made again from the server just before writing).
        results: Each change's outcome.
        remaining: Changes a fresh plan still shows after a complete apply (should be none).
        unverified: Why the deployment could not be read again afterwards, if it could not.
    """

    plan: Plan
    results: tuple[ChangeResult, ...]
    remaining: tuple[Change, ...] = ()
    unverified: str = ""

    @property
    def ok(self) -> bool:
        """Every change is done, and the deployment now matches the configuration."""
        return all(r.status == "done" for r in self.results) and not self.remaining

    @property
    def summary(self) -> dict[str, int]:
        """How many changes ended in each status."""
        counts = dict.fromkeys(("done", "failed", "unknown", "not attempted"), 0)
        for r in self.results:
            counts[r.status] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data (never a secret).

        Returns:
            `{"ok", "results", "remaining", "unverified", "summary"}`.
        """
        return {
            "ok": self.ok,
            "results": [r.to_dict() for r in self.results],
            "remaining": [c.to_dict() for c in self.remaining],
            "unverified": self.unverified,
            "summary": self.summary,
        }

    def render(self) -> str:
        """The result as text: every change's status, then what to do next.

        Returns:
            The text.
        """
        if not self.results:
            return "Nothing to apply.\n"
        s = self.summary
        if self.ok:
            lines = [f"Apply complete: {s['done']} change(s) done."]
        else:
            counts = ", ".join(f"{n} {status}" for status, n in s.items() if n)
            lines = [f"Apply incomplete: {counts}."]
        for r in self.results:
            line = f"  {r.status:<13} {SYMBOLS[r.change.action]} {r.change.address}"
            if r.client_id:
                line += f"   client_id: {r.client_id}"
            if r.message:
                line += f"\n                  {r.message}"
            lines.append(line)
        if self.remaining:
            lines.append("Did not converge: a fresh plan still shows these changes:")
            lines += [f"  {SYMBOLS[c.action]} {c.address}" for c in self.remaining]
        if self.unverified:
            lines.append(f"Not verified afterwards: {self.unverified}")
        if not all(r.status == "done" for r in self.results):
            lines.append(
                "Nothing was rolled back. Fix the cause and apply again: the plan is made again "
                "from the server, so what is done is not repeated."
            )
        return "\n".join(lines) + "\n"


# -- reading the deployment -------------------------------------------------------------------


@dataclass
class _Snapshot:
    """The server's side: apps by slug, and the clients of the apps that were asked for."""

    apps: dict[str, dict[str, Any]]
    clients: dict[str, list[dict[str, Any]]]


def _read(oauth: DeploymentOAuth, with_clients: list[str] | None) -> _Snapshot:
    apps = {a.slug: a.to_dict() for a in oauth.list_oauth_apps()}
    slugs = sorted(apps) if with_clients is None else sorted(set(with_clients) & set(apps))
    clients = {}
    for slug in slugs:
        # Listings never carry a secret; dropping the key anyway keeps that true by construction.
        listed = [c.to_dict() for c in oauth.list_oauth_clients(slug)]
        clients[slug] = [{k: v for k, v in c.items() if k != "client_secret"} for c in listed]
    return _Snapshot(apps, clients)


def _target(oauth: DeploymentOAuth) -> tuple[str, str | None]:
    prefix = oauth._prefix  # "" or "/deployments/{quoted id}"
    if not prefix:
        return "the API key's deployment", None
    deployment_id = unquote(prefix.rsplit("/", 1)[1])
    return f"deployment {deployment_id}", deployment_id


def _server_scopes(app: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Scope name -> effective definition (display name, description, archived, mapping)."""
    definitions = {d["scope"]: d for d in app.get("scope_definitions") or []}
    out = {}
    for scope in app["supported_scopes"]:
        d = definitions.get(scope, {})
        category = (d.get("category") or "").strip().lower()
        mapping: dict[str, str] | None = None
        if category:
            mapping = {"category": category}
            for name in ("organization_permission", "workspace_permission"):
                if d.get(name):
                    mapping[name] = d[name]
        out[scope] = {
            "display_name": d.get("display_name") or scope,
            "description": d.get("description") or _doc.default_description(scope),
            "archived": bool(d.get("archived", False)),
            "mapping": mapping,
        }
    return out


def _wanted_scope(scope: str, config: ScopeConfig) -> dict[str, Any]:
    return {
        "display_name": config.get("display_name", scope),
        "description": config.get("description", _doc.default_description(scope)),
        "archived": config.get("archived", False),
        "mapping": dict(config["mapping"]) if "mapping" in config else None,
    }


def _server_client(client: Mapping[str, Any]) -> dict[str, Any]:
    """A listed client in the file's terms: lists sorted, key material as the file writes it."""
    out = {f: client.get(f) for f in _doc.CLIENT_DEFAULTS}
    for name in _doc.LIST_FIELDS:
        out[name] = sorted(out[name] or [])
    jwks = out["jwks"]
    out["jwks"] = out["public_key_pem"] = None  # public_key_pem is derived from jwks
    if jwks:
        keys = [{k: v for k, v in key.items() if v is not None} for key in jwks.get("keys", [])]
        clean = {"keys": keys}
        if _doc.is_pem_jwks(clean):
            out["public_key_pem"] = keys[0]["public_key_pem"]
        else:
            out["jwks"] = clean
    return out


def _wanted_client(config: ClientConfig) -> dict[str, Any]:
    return {f: config.get(f, default) for f, default in _doc.CLIENT_DEFAULTS.items()}


# -- export -----------------------------------------------------------------------------------


def export_config(
    oauth: DeploymentOAuth, *, on_skipped: Callable[[str], None] | None = None
) -> ConfigDocument:
    """The deployment's OAuth apps as a configuration document.

    Ids, `client_id`s, issuers, timestamps, secrets and logos are left out, and so is every
    value equal to the server's default. Deactivated clients are left out; so are unnamed ones
    (they have no key to be matched by), which `on_skipped` is told about.

    Args:
        oauth: The deployment's operations: `client.deployment().oauth` (the API key's
            deployment) or `client.deployment("dep_123").oauth`.
        on_skipped: Called with one message per app that has unnamed active clients.

    Returns:
        The canonical document (`dump_config` writes it as YAML or JSON).

    Raises:
        ConfigConflictError: Two active clients of an app share a name (a file cannot tell
            them apart); nothing is exported.
        WachtError: A read failed (see the errors reference).
    """
    snapshot = _read(oauth, None)
    apps: dict[str, Any] = {}
    conflicts: list[str] = []
    for slug, app in sorted(snapshot.apps.items()):
        out: dict[str, Any] = {
            "name": app["name"],
            "allow_dynamic_client_registration": app["allow_dynamic_client_registration"],
        }
        if app.get("description"):
            out["description"] = app["description"]
        if not app["fqdn"].endswith(GENERATED_FQDN_SUFFIX):
            out["fqdn"] = app["fqdn"]
        if not app["is_active"]:
            out["is_active"] = False
        out["scopes"] = {s: _scope_document(s, d) for s, d in _server_scopes(app).items()}
        named, unnamed = _active_clients(snapshot.clients[slug])
        for name, matches in sorted(named.items()):
            if len(matches) > 1:
                conflicts.append(f"{_addr(slug, 'clients', name)}: {_duplicates(matches)}")
            else:
                out["clients"] = {**out.get("clients", {}), name: _client_document(matches[0])}
        out.setdefault("clients", {})
        if unnamed and on_skipped is not None:
            on_skipped(f"{_addr(slug)}: {_unnamed(unnamed)}")
        apps[slug] = out
    if conflicts:
        raise ConfigConflictError(conflicts)
    return validate_config({"version": _doc.FORMAT_VERSION, "apps": apps})


def _scope_document(scope: str, effective: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: effective[k] for k in ("display_name", "description", "archived")}
    if effective["mapping"] is not None:
        out["mapping"] = effective["mapping"]
    return out  # validate_config drops what equals the defaults


def _client_document(client: Mapping[str, Any]) -> dict[str, Any]:
    effective = _server_client(client)
    if effective["client_auth_method"] != "private_key_jwt":
        # Key material only means something for private_key_jwt; a switch away leaves it behind.
        for name in _doc.KEY_MATERIAL:
            effective[name] = None
    elif effective["jwks_uri"] is not None:
        effective["jwks"] = effective["public_key_pem"] = None  # one kind of key material
    return {k: v for k, v in effective.items() if v is not None and v != []}


def _active_clients(
    clients: list[dict[str, Any]],
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    named: dict[str, list[dict[str, Any]]] = {}
    unnamed = []
    for client in clients:
        if not client["is_active"]:
            continue  # deactivated clients still list, but can never change again
        if client.get("client_name"):
            named.setdefault(client["client_name"], []).append(client)
        else:
            unnamed.append(client)
    return named, unnamed


def _duplicates(matches: list[dict[str, Any]]) -> str:
    ids = ", ".join(f"id {c['id']} ({c['client_id']})" for c in matches)
    return (
        f"{len(matches)} active clients have this name: {ids}. Rename one (wacht-oauth clients "
        "update SLUG ID --name NEW) or deactivate it"
    )


def _unnamed(clients: list[dict[str, Any]]) -> str:
    ids = ", ".join(c["id"] for c in clients)
    return f"{len(clients)} unnamed active client(s) (never exported, matched or pruned): id {ids}"


def _addr(slug: str, *rest: str) -> str:
    return _doc.address(("apps", slug, *rest))


# -- plan -------------------------------------------------------------------------------------


def plan(oauth: DeploymentOAuth, desired: Mapping[str, Any], *, prune: bool = False) -> Plan:
    """Compare a configuration with the deployment and list the writes that would align them.

    Only reads: one `list_oauth_apps`, then one `list_oauth_clients` per app of the file that
    exists and manages clients. The document is validated first, before any request.

    Args:
        oauth: The deployment's operations: `client.deployment().oauth` or
            `client.deployment("dep_123").oauth`.
        desired: The configuration, as `load_config` returns it (it is validated again).
        prune: Also deactivate active named clients the file does not list (never in apps that
            allow dynamic client registration, whose clients registrants name themselves).

    Returns:
        The plan; `apply(plan)` executes it.

    Raises:
        ConfigError: The document is invalid; nothing was sent.
        WachtError: A read failed (see the errors reference).
    """
    canonical = validate_config(desired)
    return _plan(oauth, canonical, prune)


def _plan(oauth: DeploymentOAuth, desired: ConfigDocument, prune: bool) -> Plan:
    managed = [slug for slug, app in desired["apps"].items() if "clients" in app]
    snapshot = _read(oauth, managed)
    planner = _Planner(prune)
    for slug, app in sorted(desired["apps"].items()):
        planner.app(slug, app, snapshot.apps.get(slug), snapshot.clients.get(slug, []))
    for slug in sorted(set(snapshot.apps) - set(desired["apps"])):
        planner.unmanaged.append(Note(_addr(slug), "not in the file (never changed)"))
    target, deployment_id = _target(oauth)
    return Plan(
        target=target,
        deployment_id=deployment_id,
        prune=prune,
        changes=(*planner.changes, *planner.deactivations),
        blocked=tuple(planner.blocked),
        conflicts=tuple(planner.conflicts),
        warnings=tuple(planner.warnings),
        unmanaged=tuple(planner.unmanaged),
        _oauth=oauth,
        _desired=desired,
    )


class _Planner:
    """Builds the changes, app by app, in the order they are applied."""

    def __init__(self, prune: bool) -> None:
        self.prune = prune
        self.changes: list[Change] = []
        self.deactivations: list[Change] = []  # last: only once everything else went through
        self.blocked: list[Note] = []
        self.conflicts: list[Note] = []
        self.warnings: list[Note] = []
        self.unmanaged: list[Note] = []

    # -- apps and scopes

    def app(
        self,
        slug: str,
        want: AppConfig,
        have: dict[str, Any] | None,
        clients: list[dict[str, Any]],
    ) -> None:
        wanted_scopes = {s: _wanted_scope(s, c) for s, c in want.get("scopes", {}).items()}
        if have is None:
            self._create_app(slug, want, wanted_scopes)
            server_scopes: dict[str, dict[str, Any]] = {}
        else:
            server_scopes = _server_scopes(have)
            self._update_app(slug, want, have, wanted_scopes, server_scopes)
        for scope, wanted in sorted(wanted_scopes.items()):
            self._mapping(slug, scope, wanted["mapping"], server_scopes.get(scope, {}))
        if "clients" in want:
            dcr = want.get("allow_dynamic_client_registration", False) or bool(
                have and have["allow_dynamic_client_registration"]
            )
            self._clients(slug, want["clients"], clients, dcr)

    def _create_app(self, slug: str, want: AppConfig, scopes: dict[str, dict[str, Any]]) -> None:
        fields = [FieldChange("name", None, want["name"])]
        for name in ("description", "fqdn"):
            if name in want:
                fields.append(FieldChange(name, None, want[name]))
        dcr = want.get("allow_dynamic_client_registration", False)
        fields.append(FieldChange("allow_dynamic_client_registration", None, dcr))
        fields.append(FieldChange("supported_scopes", None, sorted(scopes)))
        for scope, config in sorted(want.get("scopes", {}).items()):
            for name in ("display_name", "description", "archived"):
                if name in config:
                    path = f"scopes[{json.dumps(scope, ensure_ascii=False)}].{name}"
                    fields.append(FieldChange(path, None, config[name]))  # type: ignore[literal-required]
        request = m.CreateOAuthAppRequest(
            slug=slug,
            name=want["name"],
            description=want.get("description"),
            fqdn=want.get("fqdn"),
            supported_scopes=sorted(scopes),
            # Display names, descriptions and archive flags only: mappings go through
            # set_oauth_scope_mapping, which checks them against the B2B settings.
            scope_definitions=[_definition(s, d, None) for s, d in sorted(scopes.items())],
            allow_dynamic_client_registration=dcr,
        )
        note = "fqdn is used in production deployments only" if "fqdn" in want else ""
        self.changes.append(
            Change(_addr(slug), "create", "create_oauth_app", tuple(fields), note, _args=(request,))
        )
        if want.get("is_active", True) is False:
            # The form has no is_active: a new app starts active, then this PATCH turns it off.
            body = _app_patch({"is_active": False}, scopes, {})
            self.changes.append(
                Change(
                    _addr(slug),
                    "update",
                    "update_oauth_app",
                    (FieldChange("is_active", True, False),),
                    "apps are created active",
                    _args=(slug, body),
                )
            )

    def _update_app(
        self,
        slug: str,
        want: AppConfig,
        have: dict[str, Any],
        wanted: dict[str, dict[str, Any]],
        server: dict[str, dict[str, Any]],
    ) -> None:
        fields: list[FieldChange] = []
        body: dict[str, Any] = {}

        def compare(name: str, before: Any, after: Any) -> None:
            if before != after:
                fields.append(FieldChange(name, before, after))
                body[name] = after

        compare("name", have["name"], want["name"])
        if "description" in want:
            compare("description", have.get("description"), want["description"])
        elif have.get("description"):
            self._warn(_addr(slug), "description: the API cannot clear it (kept as it is)")
        if "fqdn" in want and want["fqdn"] != have["fqdn"]:
            self._warn(
                _addr(slug),
                f"fqdn is set when an app is created (and only in production): the server has "
                f"{json.dumps(have['fqdn'])}, the file says {json.dumps(want['fqdn'])} (kept)",
            )
        compare(
            "allow_dynamic_client_registration",
            have["allow_dynamic_client_registration"],
            want.get("allow_dynamic_client_registration", False),
        )
        compare("is_active", have["is_active"], want.get("is_active", True))
        kept = dict(server)  # the scopes the PATCH keeps, with their definitions
        if "scopes" in want:
            extra = sorted(set(server) - set(wanted))
            for scope in extra:
                if self.prune:
                    del kept[scope]
                else:
                    self.unmanaged.append(
                        Note(
                            _addr(slug, "scopes", scope),
                            "not in the file, kept (--prune would remove it, with its "
                            "definition and mapping)",
                        )
                    )
            kept.update(wanted)
            if sorted(kept) != sorted(server):
                fields.append(FieldChange("supported_scopes", sorted(server), sorted(kept)))
            for scope, definition in sorted(wanted.items()):
                before = server.get(scope)
                for name in ("display_name", "description", "archived"):
                    old = None if before is None else before[name]
                    new = definition[name]
                    default = _wanted_scope(scope, {})[name]
                    if (before is None and new != default) or (before is not None and old != new):
                        path = f"scopes[{json.dumps(scope, ensure_ascii=False)}].{name}"
                        fields.append(FieldChange(path, old, new))
        if fields:
            # Every PATCH carries every kept scope's complete definition: without them the
            # server resets them all (display names, descriptions, archive flags and mappings).
            self.changes.append(
                Change(
                    _addr(slug),
                    "update",
                    "update_oauth_app",
                    tuple(fields),
                    _args=(slug, _app_patch(body, kept, server)),
                )
            )

    def _mapping(
        self, slug: str, scope: str, want: dict[str, str] | None, have: Mapping[str, Any]
    ) -> None:
        addr = _addr(slug, "scopes", scope) + ".mapping"
        current: dict[str, str] | None = have.get("mapping")
        if want is None:
            if current is not None:
                self._warn(addr, f"the server has {_show(current)}, which cannot be removed")
            return
        if current == want:
            return
        if current is None:
            fields = tuple(FieldChange(k, None, v) for k, v in want.items())
            self._set_mapping(addr, "create", slug, scope, want, fields)
            return
        clashes = [k for k, v in want.items() if current.get(k) not in (None, v)]
        if clashes:
            self.blocked.append(
                Note(
                    addr,
                    f"the server has {_show(current)}, the file says {_show(want)}: a mapping "
                    "cannot change once set (create a new scope instead)",
                )
            )
            return
        for name in sorted(set(current) - set(want)):
            self._warn(
                addr, f"{name}: the server has {_show(current[name])}, which cannot be removed"
            )
        merged = {**current, **want}
        if merged != current:
            fields = tuple(
                FieldChange(k, current.get(k), v) for k, v in merged.items() if current.get(k) != v
            )
            self._set_mapping(addr, "update", slug, scope, merged, fields)

    def _set_mapping(
        self,
        addr: str,
        action: Action,
        slug: str,
        scope: str,
        mapping: dict[str, str],
        fields: tuple[FieldChange, ...],
    ) -> None:
        request = m.SetOAuthScopeMappingRequest.from_dict(mapping)
        self.changes.append(
            Change(addr, action, "set_oauth_scope_mapping", fields, _args=(slug, scope, request))
        )

    # -- clients

    def _clients(
        self,
        slug: str,
        wanted: dict[str, ClientConfig],
        listed: list[dict[str, Any]],
        dcr: bool,
    ) -> None:
        named, unnamed = _active_clients(listed)
        inactive = {c.get("client_name") for c in listed if not c["is_active"]}
        if unnamed:
            self.unmanaged.append(Note(_addr(slug), _unnamed(unnamed)))
        updates, creates, rotations = [], [], []
        for name, config in sorted(wanted.items()):
            addr = _addr(slug, "clients", name)
            matches = named.get(name, [])
            if len(matches) > 1:
                self.conflicts.append(Note(addr, _duplicates(matches)))
            elif matches:
                update, rotation = self._client_update(slug, name, config, matches[0])
                updates += update
                rotations += rotation
            else:
                note = ""
                if name in inactive:
                    note = "only a deactivated client has this name, and it cannot be reactivated"
                creates.append(self._client_create(slug, name, config, note))
        self.changes += updates + creates + rotations
        for name, matches in sorted(named.items()):
            if name in wanted:
                continue
            for client in matches:
                addr = _addr(slug, "clients", name)
                ids = f"id {client['id']}, {client['client_id']}"
                if dcr:
                    self.unmanaged.append(
                        Note(
                            addr,
                            f"{ids}; kept: the app allows dynamic client registration, so "
                            "registrants name their own clients (--prune leaves them alone)",
                        )
                    )
                elif self.prune:
                    self.deactivations.append(
                        Change(
                            addr,
                            "deactivate",
                            "deactivate_oauth_client",
                            note=f"{ids}; not in the file (--prune)",
                            _args=(slug, client["id"]),
                        )
                    )
                else:
                    self.unmanaged.append(
                        Note(addr, f"{ids}; not in the file, kept (--prune would deactivate it)")
                    )

    def _client_create(self, slug: str, name: str, config: ClientConfig, note: str) -> Change:
        body: dict[str, Any] = {"client_name": name, **config}
        fields = tuple(FieldChange(k, None, v) for k, v in _doc.ordered_client(config).items())
        return Change(
            _addr(slug, "clients", name),
            "create",
            "create_oauth_client",
            fields,
            note,
            issues_secret=config["client_auth_method"] in _doc.SECRET_METHODS,
            _args=(slug, name, m.CreateOAuthClientRequest.from_dict(body)),
        )

    def _client_update(
        self, slug: str, name: str, config: ClientConfig, client: dict[str, Any]
    ) -> tuple[list[Change], list[Change]]:
        addr = _addr(slug, "clients", name)
        want, have = _wanted_client(config), _server_client(client)
        fields: list[FieldChange] = []
        body: dict[str, Any] = {}
        for key in _doc.CLIENT_DEFAULTS:
            if key in _doc.KEY_MATERIAL or want[key] == have[key]:
                continue
            if want[key] is None and key not in CLEARABLE:
                self._warn(f"{addr}.{key}", f"the API cannot clear it (kept: {_show(have[key])})")
                continue
            fields.append(FieldChange(key, have[key], want[key]))
            body[key] = "" if want[key] is None else want[key]  # "" clears these fields
        if want["client_auth_method"] == "private_key_jwt":
            self._key_material(addr, want, have, fields, body)
        updates = []
        if fields:
            updates.append(
                Change(
                    addr,
                    "update",
                    "update_oauth_client",
                    tuple(fields),
                    _args=(slug, client["id"], m.UpdateOAuthClientRequest.from_dict(body)),
                )
            )
        rotations = []
        method, before = want["client_auth_method"], have["client_auth_method"]
        if method in _doc.SECRET_METHODS and before not in _doc.SECRET_METHODS:
            # Switching to a secret-based method mints no secret; a rotation does.
            rotations.append(
                Change(
                    addr + ".client_secret",
                    "create",
                    "rotate_oauth_client_secret",
                    note=f"{before} -> {method} needs a secret: a rotation issues it",
                    issues_secret=True,
                    _args=(slug, client["id"], name, client["client_id"]),
                )
            )
        return updates, rotations

    def _key_material(
        self,
        addr: str,
        want: dict[str, Any],
        have: dict[str, Any],
        fields: list[FieldChange],
        body: dict[str, Any],
    ) -> None:
        """private_key_jwt's one kind of key: jwks_uri, or a JWKS (a PEM is a one-key JWKS)."""
        stored = ("jwks", "public_key_pem")  # one storage on the server: setting one replaces both
        if want["jwks_uri"] is not None:
            if want["jwks_uri"] != have["jwks_uri"]:
                fields.append(FieldChange("jwks_uri", have["jwks_uri"], want["jwks_uri"]))
                body["jwks_uri"] = want["jwks_uri"]
            left = [k for k in stored if have[k] is not None]
        else:
            if any(want[k] != have[k] for k in stored):
                for key in stored:
                    if want[key] != have[key]:
                        fields.append(FieldChange(key, have[key], want[key]))
                    if want[key] is not None:
                        body[key] = want[key]
            left = ["jwks_uri"] if have["jwks_uri"] is not None else []
        for key in left:
            self._warn(f"{addr}.{key}", "left over on the server; the API cannot clear it")

    def _warn(self, addr: str, message: str) -> None:
        self.warnings.append(Note(addr, message))


def _definition(
    scope: str, definition: Mapping[str, Any], mapping: Mapping[str, str] | None
) -> m.OAuthScopeDefinition:
    body: dict[str, Any] = {
        "scope": scope,
        "display_name": definition["display_name"],
        "description": definition["description"],
        "archived": definition["archived"],
    }
    if mapping is not None:
        body.update(mapping)
    return m.OAuthScopeDefinition.from_dict(body)


def _app_patch(
    changed: dict[str, Any],
    kept: Mapping[str, Mapping[str, Any]],
    server: Mapping[str, Mapping[str, Any]],
) -> m.UpdateOAuthAppRequest:
    """A PATCH with the changed fields and the complete scope definitions.

    Display names, descriptions and archive flags are the desired ones; categories and
    permissions are the server's, copied unchanged (a PATCH could set them unchecked, so
    mappings only ever change through set_oauth_scope_mapping).
    """
    definitions = [
        _definition(s, d, (server.get(s) or {}).get("mapping")) for s, d in sorted(kept.items())
    ]
    request = m.UpdateOAuthAppRequest.from_dict(changed)
    request.supported_scopes = sorted(kept)
    request.scope_definitions = definitions
    return request


# -- apply ------------------------------------------------------------------------------------


def apply(plan: Plan, *, on_secret: Callable[[Secret], None] | None = None) -> ApplyResult:
    """Make the plan's changes, one request at a time, in order; stop at the first failure.

    The deployment is read again first and the plan made anew: if it differs from `plan`
    (someone changed the deployment in between), nothing is written. After the last change
    the deployment is read once more to check that nothing is left to do.

    Args:
        plan: What `plan()` returned.
        on_secret: Called with each new client secret right after the call that issued it
            (write it to your secret store). Required when a change issues one.

    Returns:
        Every change's outcome. API failures end up here (`result.ok` is false), not raised.

    Raises:
        ConfigConflictError: The plan has blocked items or conflicts, or the deployment changed
            since it was made; nothing was written.
        InvalidArgumentError: A change issues a secret and no `on_secret` was given.
        WachtError: The deployment could not be read before writing; nothing was written.
    """
    if not plan.has_changes and plan.can_apply:
        return ApplyResult(plan, ())
    _refuse_unless_applicable(plan)
    fresh = _plan(plan._oauth, plan._desired, plan.prune)
    _refuse_unless_applicable(fresh)
    if fresh.changes != plan.changes:
        raise ConfigConflictError(
            [
                f"{plan.target} changed since the plan was made ({len(plan.changes)} change(s) "
                f"then, {len(fresh.changes)} now): plan again"
            ]
        )
    if on_secret is None and any(c.issues_secret for c in fresh.changes):
        raise InvalidArgumentError(
            "on_secret", "the plan issues client secrets: pass a function that stores them"
        )
    results: list[ChangeResult] = []
    for i, change in enumerate(fresh.changes):
        try:
            client_id, secret = _execute(fresh._oauth, change)
        except APIError as exc:
            results.append(_failure(change, exc))
            results += [ChangeResult(c, "not attempted") for c in fresh.changes[i + 1 :]]
            return ApplyResult(fresh, tuple(results))
        message = ""
        if secret is not None and on_secret is not None:
            try:
                on_secret(secret)
            except Exception as exc:  # noqa: BLE001 - the write happened; report and stop
                message = (
                    f"done, but on_secret failed ({type(exc).__name__}): the secret is lost; "
                    "rotate it"
                )
        results.append(ChangeResult(change, "done", message, client_id))
        if message:
            results += [ChangeResult(c, "not attempted") for c in fresh.changes[i + 1 :]]
            return ApplyResult(fresh, tuple(results))
        del secret  # not kept around any longer than the call that hands it over
    try:
        remaining = _plan(fresh._oauth, fresh._desired, fresh.prune).changes
    except APIError as exc:
        return ApplyResult(fresh, tuple(results), unverified=str(exc))
    return ApplyResult(fresh, tuple(results), remaining)


def _refuse_unless_applicable(plan: Plan) -> None:
    if not plan.can_apply:
        raise ConfigConflictError([str(n) for n in (*plan.blocked, *plan.conflicts)])


def _execute(oauth: DeploymentOAuth, change: Change) -> tuple[str | None, Secret | None]:
    """Make one change's call; returns the created client's id and a new secret, if any."""
    args = change._args
    if change.operation == "create_oauth_client":
        slug, name, request = args
        created = oauth.create_oauth_client(slug, request)
        secret = created.client_secret
        if isinstance(secret, str):
            return created.client_id, Secret(slug, name, created.client_id, secret, "created")
        return created.client_id, None
    if change.operation == "rotate_oauth_client_secret":
        slug, record_id, name, client_id = args
        rotated = oauth.rotate_oauth_client_secret(slug, record_id)
        return client_id, Secret(slug, name, client_id, rotated.client_secret, "rotated")
    if change.operation == "update_oauth_app":
        # The request carries the complete definitions itself: no extra read, no reset.
        oauth.update_oauth_app(*args, preserve_scope_definitions=False)
        return None, None
    getattr(oauth, change.operation)(*args)
    return None, None


def _failure(change: Change, exc: APIError) -> ChangeResult:
    # A 4xx (or a connection that was never made) changed nothing; after a 5xx, a timeout or a
    # dropped connection the write may have happened, and the SDK does not retry it blindly.
    if isinstance(exc, APIResponseValidationError) or exc.not_retried_reason:
        hint = "it may have reached the server; the next apply sees what it did"
        if change.operation == "create_oauth_client" and change.issues_secret:
            slug = change._args[0]
            hint += (
                ". If the client was created, its secret was never seen: rotate it "
                f"(wacht-oauth clients rotate-secret {slug} ID)"
            )
        elif change.operation == "rotate_oauth_client_secret":
            hint += ": rotate the secret again to get one you know"
        return ChangeResult(change, "unknown", f"{exc}. {hint[0].upper()}{hint[1:]}")
    return ChangeResult(change, "failed", str(exc))
