"""The configuration document: its types, reading (YAML or JSON), validation and writing.

The JSON Schema (`config.schema.json`, shipped in the package) and `validate_config` describe the
same format; tests check that they agree on the same fixtures. Validation is plain Python so that
no schema library is a runtime dependency, and so that every message can say what to do.

`validate_config` returns the canonical form, which is also what `export_config` writes:
strings trimmed as the server trims them, set-like lists sorted, and every field that equals the
server's default left out. Two documents that configure the same thing are equal in that form.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any, Literal, NotRequired, TypedDict

from . import _extras
from .errors import ConfigError

# -- the document's types ------------------------------------------------------------------------


class MappingConfig(TypedDict):
    """A scope's mapping to a category and a B2B permission (immutable once set)."""

    category: Literal["personal", "organization", "workspace"]
    organization_permission: NotRequired[str]
    workspace_permission: NotRequired[str]


class ScopeConfig(TypedDict, total=False):
    """One supported scope; every field is optional (omitted: the server's default)."""

    display_name: str
    description: str
    archived: bool
    mapping: MappingConfig


class ClientConfig(TypedDict):
    """One active client, keyed by its `client_name` in `AppConfig.clients`."""

    client_auth_method: str
    grant_types: list[str]
    redirect_uris: list[str]
    post_logout_redirect_uris: NotRequired[list[str]]
    client_uri: NotRequired[str]
    logo_uri: NotRequired[str]
    tos_uri: NotRequired[str]
    policy_uri: NotRequired[str]
    contacts: NotRequired[list[str]]
    software_id: NotRequired[str]
    software_version: NotRequired[str]
    token_endpoint_auth_signing_alg: NotRequired[str]
    jwks_uri: NotRequired[str]
    jwks: NotRequired[dict[str, Any]]
    public_key_pem: NotRequired[str]
    id_token_signing_alg: NotRequired[str]
    access_token_format: NotRequired[str]
    access_token_ttl_seconds: NotRequired[int]
    skip_consent: NotRequired[bool]


class AppConfig(TypedDict):
    """One OAuth app, keyed by its slug in `ConfigDocument.apps`."""

    name: str
    description: NotRequired[str]
    fqdn: NotRequired[str]
    allow_dynamic_client_registration: NotRequired[bool]
    is_active: NotRequired[bool]
    scopes: NotRequired[dict[str, ScopeConfig]]
    clients: NotRequired[dict[str, ClientConfig]]


class ConfigDocument(TypedDict):
    """The whole file: `{"version": 1, "apps": {slug: AppConfig}}`."""

    version: int
    apps: dict[str, AppConfig]


FORMAT_VERSION = 1
SECRET_METHODS = frozenset({"client_secret_basic", "client_secret_post", "client_secret_jwt"})
AUTH_METHODS: tuple[str, ...] = (
    "client_secret_basic",
    "client_secret_post",
    "client_secret_jwt",
    "none",
    "private_key_jwt",
)
GRANT_TYPES = ("authorization_code", "refresh_token")
CATEGORIES = ("personal", "organization", "workspace")
APP_FIELDS: tuple[str, ...] = (
    "name",
    "description",
    "fqdn",
    "allow_dynamic_client_registration",
    "is_active",
    "scopes",
    "clients",
)
SCOPE_FIELDS = ("display_name", "description", "archived", "mapping")
# The client fields in the order the file shows them, with the server's default (None: no value).
CLIENT_DEFAULTS: dict[str, Any] = {
    "client_auth_method": None,
    "grant_types": None,
    "redirect_uris": None,
    "post_logout_redirect_uris": [],
    "client_uri": None,
    "logo_uri": None,
    "tos_uri": None,
    "policy_uri": None,
    "contacts": [],
    "software_id": None,
    "software_version": None,
    "token_endpoint_auth_signing_alg": None,
    "jwks_uri": None,
    "jwks": None,
    "public_key_pem": None,
    "id_token_signing_alg": "RS256",
    "access_token_format": "opaque",
    "access_token_ttl_seconds": 3600,
    "skip_consent": False,
}
LIST_FIELDS = frozenset({"grant_types", "redirect_uris", "post_logout_redirect_uris", "contacts"})
KEY_MATERIAL = ("jwks_uri", "jwks", "public_key_pem")
JWK_FIELDS: tuple[str, ...] = (
    *("kty", "kid", "use", "key_ops", "alg", "n", "e", "crv", "x", "y", "x5u", "x5c"),
    *("x5t", "x5t#S256", "public_key_pem"),
)

Path = tuple[str | int, ...]

_KEY = re.compile(r"^\S(?:.*\S)?$")
_SCOPE_KEY = re.compile(r"^[^\s,](?:[^,]*[^\s,])?$")
_URL = re.compile(r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s#/?]+[^\s#]*$")
_HTTPS_URL = re.compile(r"^[Hh][Tt][Tt][Pp][Ss]://[^\s#/?]+[^\s#]*$")
_FQDN = re.compile(
    r"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"
)
_URL_HINT = "must be an http or https URL without a #fragment"
_SECRET_VALUE = "oc_secret_"
_VARIABLE = re.compile(r"\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}")


def default_description(scope: str) -> str:
    """What the server sets when a scope's description is blank."""
    return f"Allows {scope} access"


def address(path: Path) -> str:
    """`("apps", "a", "clients", "web", "redirect_uris", 0)` -> `apps["a"].clients["web"]...[0]`."""
    text = ""
    for i, part in enumerate(path):
        is_name = (i == 1 and path[0] == "apps") or (i == 3 and path[2] in ("scopes", "clients"))
        if isinstance(part, int):
            text += f"[{part}]"
        elif is_name:
            text += "[" + json.dumps(part, ensure_ascii=False) + "]"
        else:
            text += ("." if text else "") + part
    return text or "(document)"


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the configuration file.

    Returns:
        The schema as a dict, as shipped in the package (`config.schema.json`).
    """
    text = resources.files(__package__).joinpath("config.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


# -- validation ---------------------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[Path, str]] = []

    def add(self, path: Path, message: str) -> None:
        self.items.append((path, message))


def validate_config(document: Mapping[str, Any]) -> ConfigDocument:
    """Check a configuration document and return its canonical form.

    The canonical form has strings trimmed (as the server trims them), `fqdn` lower-cased,
    set-like lists sorted, and no field that equals the server's default.

    Args:
        document: The parsed file (a dict, as `json.load` or a YAML loader returns it), or a
            `ConfigDocument` built in code.

    Returns:
        The canonical document.

    Raises:
        ConfigError: Anything is wrong: every problem is listed, with its place in the file.
    """
    canonical, problems = _validate(document)
    if problems:
        raise ConfigError([f"{address(path)}: {message}" for path, message in problems])
    return canonical


def _validate(document: Any) -> tuple[ConfigDocument, list[tuple[Path, str]]]:
    p = _Problems()
    _reject_secrets(p, (), document)
    apps: dict[str, AppConfig] = {}
    if not isinstance(document, Mapping):
        p.add((), "must be a mapping with `version` and `apps`")
        return {"version": FORMAT_VERSION, "apps": apps}, p.items
    _known_keys(p, (), document, ("version", "apps"), required=("version", "apps"))
    version = document.get("version")
    # 1.0 is the same JSON number as 1 (as JSON Schema sees it); true is not a number.
    if "version" in document and (type(version) not in (int, float) or version != FORMAT_VERSION):
        p.add(("version",), f"must be {FORMAT_VERSION} (the only format version)")
    raw_apps = document.get("apps")
    if "apps" in document:
        if not isinstance(raw_apps, Mapping):
            p.add(("apps",), "must be a mapping of app slug to app")
        else:
            for slug in sorted(raw_apps, key=str):
                path: Path = ("apps", str(slug))
                if _check_key(p, path, slug, _KEY, "an app slug"):
                    app = _app(p, path, raw_apps[slug])
                    if app is not None:
                        apps[slug] = app
    return {"version": FORMAT_VERSION, "apps": apps}, p.items


def _reject_secrets(p: _Problems, path: Path, value: Any) -> None:
    # First, so that a secret gets the one message that matters (not "unknown field").
    if isinstance(value, Mapping):
        for key, item in value.items():
            here = (*path, str(key))
            if str(key) == "client_secret":
                p.add(here, "secrets never go in a config file: remove it")
            else:
                _reject_secrets(p, here, item)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _reject_secrets(p, (*path, i), item)
    elif isinstance(value, str) and _SECRET_VALUE in value:
        p.add(path, "looks like a client secret (oc_secret_...): secrets never go in a config file")


def _known_keys(
    p: _Problems,
    path: Path,
    value: Mapping[Any, Any],
    known: tuple[str, ...],
    required: tuple[str, ...] = (),
) -> None:
    for key in value:
        if not isinstance(key, str):
            p.add(path, f"has a key that is not a string ({key!r}): quote it")
        elif key not in known and key != "client_secret":  # that one has its own message
            p.add((*path, key), f"unknown field; known: {', '.join(known)}")
    for key in required:
        if key not in value:
            p.add(path, f"`{key}` is required")


def _check_key(p: _Problems, path: Path, key: Any, pattern: re.Pattern[str], what: str) -> bool:
    if not isinstance(key, str):
        p.add(path[:-1], f"has a key that is not a string ({key!r}): quote it")
        return False
    if not pattern.search(key):
        extra = " or ','" if pattern is _SCOPE_KEY else ""
        p.add(path, f"is not a valid {what}: no leading or trailing whitespace{extra}, not empty")
        return False
    return True


def _mapping(p: _Problems, path: Path, value: Any, what: str) -> Mapping[str, Any] | None:
    if not isinstance(value, Mapping):
        p.add(path, f"must be a mapping ({what})")
        return None
    return value


def _text(
    p: _Problems, path: Path, value: Any, pattern: re.Pattern[str] | None = None, hint: str = ""
) -> str | None:
    if not isinstance(value, str):
        p.add(path, f"must be a string, not {_kind(value)}")
        return None
    if pattern is not None and not pattern.search(value):
        p.add(path, hint or "is not valid")
        return None
    return value


def _boolean(p: _Problems, path: Path, value: Any) -> bool | None:
    if not isinstance(value, bool):
        p.add(path, f"must be true or false, not {_kind(value)}")
        return None
    return value


def _choice(p: _Problems, path: Path, value: Any, choices: tuple[str, ...]) -> str | None:
    if not isinstance(value, str) or value not in choices:
        p.add(path, f"must be one of {', '.join(choices)}")
        return None
    return value


def _kind(value: Any) -> str:
    # YAML 1.1 surprises show up here: `no` is a bool, `1.10` a float, `0755` an int.
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list"}.get(
        type(value), "a mapping" if isinstance(value, Mapping) else type(value).__name__
    )


def _app(p: _Problems, path: Path, raw: Any) -> AppConfig | None:
    app = _mapping(p, path, raw, "an app")
    if app is None:
        return None
    _known_keys(p, path, app, APP_FIELDS, required=("name",))
    name = _text(p, (*path, "name"), app.get("name", ""), re.compile(r"\S"), "must not be blank")
    out: AppConfig = {"name": (name or "").strip()}
    if "description" in app:
        description = _text(p, (*path, "description"), app["description"])
        if description and description.strip():
            out["description"] = description.strip()
    if "fqdn" in app:
        hint = "must be a host name such as auth.example.com"
        fqdn = _text(p, (*path, "fqdn"), app["fqdn"], _FQDN, hint)
        if fqdn:
            out["fqdn"] = fqdn.lower()  # the server stores it lower-cased
    dcr = app.get("allow_dynamic_client_registration", False)
    out["allow_dynamic_client_registration"] = bool(
        _boolean(p, (*path, "allow_dynamic_client_registration"), dcr)
    )
    if "is_active" in app and _boolean(p, (*path, "is_active"), app["is_active"]) is False:
        out["is_active"] = False
    if "scopes" in app:
        scopes = _mapping(p, (*path, "scopes"), app["scopes"], "scope name to scope")
        if scopes is not None:
            out["scopes"] = {}
            for scope in sorted(scopes, key=str):
                here = (*path, "scopes", str(scope))
                if _check_key(p, here, scope, _SCOPE_KEY, "scope name"):
                    out["scopes"][scope] = _scope(p, here, scope, scopes[scope])
    if "clients" in app:
        clients = _mapping(p, (*path, "clients"), app["clients"], "client_name to client")
        if clients is not None:
            out["clients"] = {}
            for name_ in sorted(clients, key=str):
                here = (*path, "clients", str(name_))
                if _check_key(p, here, name_, _KEY, "client_name"):
                    out["clients"][name_] = _client(p, here, clients[name_])
    return out


def _scope(p: _Problems, path: Path, scope: str, raw: Any) -> ScopeConfig:
    out: ScopeConfig = {}
    if raw is None:  # `"mcp:read":` with nothing after it: all defaults
        return out
    value = _mapping(p, path, raw, "a scope's settings, or {} for the defaults")
    if value is None:
        return out
    _known_keys(p, path, value, SCOPE_FIELDS)
    display_name = _text(p, (*path, "display_name"), value.get("display_name", ""))
    if display_name and display_name.strip() not in ("", scope):
        out["display_name"] = display_name.strip()
    description = _text(p, (*path, "description"), value.get("description", ""))
    if description and description.strip() not in ("", default_description(scope)):
        out["description"] = description.strip()
    if _boolean(p, (*path, "archived"), value.get("archived", False)):
        out["archived"] = True
    if "mapping" in value:
        mapping = _scope_mapping(p, (*path, "mapping"), value["mapping"])
        if mapping is not None:
            out["mapping"] = mapping
    return out


def _scope_mapping(p: _Problems, path: Path, raw: Any) -> MappingConfig | None:
    value = _mapping(p, path, raw, "category and permission")
    if value is None:
        return None
    fields = ("category", "organization_permission", "workspace_permission")
    _known_keys(p, path, value, fields, required=("category",))
    category = _choice(p, (*path, "category"), value.get("category"), CATEGORIES)
    if category is None:
        return None
    out: MappingConfig = {"category": category}  # type: ignore[typeddict-item]
    allowed = {"organization": "organization_permission", "workspace": "workspace_permission"}
    for field in fields[1:]:
        if field not in value:
            continue
        hint = "must not be blank or start or end with whitespace"
        permission = _text(p, (*path, field), value[field], _KEY, hint)
        if allowed.get(category) != field:
            p.add((*path, field), f"a {category} mapping cannot have an {field}")
        elif permission is not None:
            out[field] = permission  # type: ignore[literal-required]
    return out


def _client(p: _Problems, path: Path, raw: Any) -> ClientConfig:
    out: dict[str, Any] = {}
    value = _mapping(p, path, raw, "a client's settings")
    if value is None:
        return out  # type: ignore[return-value]
    required = ("client_auth_method", "grant_types", "redirect_uris")
    _known_keys(p, path, value, tuple(CLIENT_DEFAULTS), required=required)
    for field, default in CLIENT_DEFAULTS.items():
        if field not in value:
            continue
        checked = _client_field(p, (*path, field), field, value[field])
        if checked is not None and checked != default:
            out[field] = checked
    method = out.get("client_auth_method")
    material = [f for f in KEY_MATERIAL if f in value]
    if method == "private_key_jwt" and len(material) != 1:
        p.add(path, "private_key_jwt needs exactly one of jwks_uri, jwks or public_key_pem")
    elif method is not None and method != "private_key_jwt" and material:
        p.add(path, f"{', '.join(material)}: only for client_auth_method private_key_jwt")
    if "jwks" in out and is_pem_jwks(out["jwks"]):
        # As the server shows it: a one-key JWKS of kty "PEM" is how it stores public_key_pem.
        out["public_key_pem"] = out.pop("jwks")["keys"][0]["public_key_pem"]
    return out  # type: ignore[return-value]


def _client_field(p: _Problems, path: Path, field: str, value: Any) -> Any:
    if field == "client_auth_method":
        return _choice(p, path, value, AUTH_METHODS)
    if field == "id_token_signing_alg":
        return _choice(p, path, value, ("RS256",))  # the only one the server supports
    if field == "access_token_format":
        return _choice(p, path, value, ("opaque", "jwt"))
    if field == "access_token_ttl_seconds":
        # 900.0 is the JSON number 900 (JSON Schema's "integer" agrees); the server wants 900.
        whole = type(value) is int or (type(value) is float and value.is_integer())
        if not whole or not 60 <= value <= 86400:
            p.add(path, "must be a whole number of seconds from 60 to 86400")
            return None
        return int(value)
    if field == "skip_consent":
        return _boolean(p, path, value)
    if field == "jwks":
        return _jwks(p, path, value)
    if field in LIST_FIELDS:
        return _list(p, path, field, value)
    if field in ("client_uri", "logo_uri", "tos_uri", "policy_uri"):
        text = _text(p, path, value, _URL, _URL_HINT)
    elif field == "jwks_uri":
        text = _text(p, path, value, _HTTPS_URL, "must be an https URL")
    elif field == "public_key_pem":
        text = _text(p, path, value, re.compile(r"\S"), "must not be blank")
    else:
        text = _text(p, path, value)
    return text.strip() or None if text is not None else None  # the server trims these


def _list(p: _Problems, path: Path, field: str, value: Any) -> list[str] | None:
    if not isinstance(value, list):
        p.add(path, f"must be a list, not {_kind(value)}")
        return None
    items: list[str] = []
    for i, item in enumerate(value):
        if field == "grant_types":
            checked = _choice(p, (*path, i), item, GRANT_TYPES)
        elif field == "contacts":
            checked = _text(p, (*path, i), item)
        else:
            checked = _text(p, (*path, i), item, _URL, _URL_HINT)
        if checked is not None:
            items.append(checked)
    if len(set(items)) != len(items):
        p.add(path, "lists an entry twice")
    if field == "grant_types" and "authorization_code" not in items:
        p.add(path, "must include authorization_code (the server requires it)")
    if field == "redirect_uris" and not value:
        p.add(path, "must list at least one URI (authorization_code needs one)")
    return sorted(items)  # set-like: the order means nothing, a sorted file diffs cleanly


def _jwks(p: _Problems, path: Path, value: Any) -> dict[str, Any] | None:
    jwks = _mapping(p, path, value, "a JWKS: {keys: [...]}")
    if jwks is None:
        return None
    _known_keys(p, path, jwks, ("keys",), required=("keys",))
    keys = jwks.get("keys")
    if "keys" in jwks and (not isinstance(keys, list) or not keys):
        p.add((*path, "keys"), "must be a non-empty list of public keys")
        return None
    out = []
    for i, raw in enumerate(keys or []):
        key = _mapping(p, (*path, "keys", i), raw, "a JWK")
        if key is None:
            continue
        if "k" in key:  # a symmetric key: its k is the secret itself
            p.add((*path, "keys", i, "k"), "a symmetric key is a secret: use a public key")
        _known_keys(p, (*path, "keys", i), key, (*JWK_FIELDS, "k"), required=("kty",))
        clean: dict[str, Any] = {}
        for name in JWK_FIELDS:
            if name not in key:
                continue
            item = key[name]
            if name in ("key_ops", "x5c"):
                if not isinstance(item, list) or not all(isinstance(x, str) for x in item):
                    p.add((*path, "keys", i, name), "must be a list of strings")
                    continue
            elif _text(p, (*path, "keys", i, name), item) is None:
                continue
            clean[name] = item
        out.append(clean)
    return {"keys": out}


def is_pem_jwks(jwks: Mapping[str, Any]) -> bool:
    """The server stores a bare `public_key_pem` as a one-key JWKS of kty "PEM"."""
    keys = jwks.get("keys") or []
    if len(keys) != 1:
        return False
    key = {k: v for k, v in keys[0].items() if v is not None}
    return key.get("kty") == "PEM" and set(key) == {"kty", "public_key_pem"}


# -- reading ------------------------------------------------------------------------------------


def load_config(
    path: str | os.PathLike[str], *, environ: Mapping[str, str] | None = None
) -> ConfigDocument:
    """Read, expand and validate a configuration file (YAML, or JSON).

    `${NAME}` in a string value is replaced by the environment variable `NAME` (an unset one is
    an error); `$${` stands for a literal `${`. A file whose first character is `{`, or whose
    name ends in `.json`, is read as JSON (no extra needed); anything else as YAML, which needs
    the `[config]` extra (PyYAML).

    Args:
        path: The file.
        environ: Where `${NAME}` values come from; `os.environ` when `None`.

    Returns:
        The validated, canonical document.

    Raises:
        ConfigError: The file cannot be read or parsed, or is invalid: every problem, with its
            line number when the file is YAML.
        ModuleNotFoundError: The file is YAML and PyYAML is not installed (names the extra).
    """
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ConfigError([f"cannot read {name}: {reason}"]) from None
    return loads_config(text, filename=name, environ=environ)


def loads_config(
    text: str, *, filename: str = "<config>", environ: Mapping[str, str] | None = None
) -> ConfigDocument:
    """Like `load_config`, from a string.

    Args:
        text: The YAML or JSON text.
        filename: What error messages call it; a name ending in `.json` means JSON.
        environ: Where `${NAME}` values come from; `os.environ` when `None`.

    Returns:
        The validated, canonical document.

    Raises:
        ConfigError: The text cannot be parsed, or is invalid.
        ModuleNotFoundError: The text is YAML and PyYAML is not installed (names the extra).
    """
    lines: dict[Path, int] = {}
    if filename.endswith(".json") or text.lstrip().startswith("{"):
        document = _parse_json(text, filename)
    else:
        document, lines = _parse_yaml(text, filename)
    problems: list[tuple[Path, str]] = []
    document = _expand(document, (), os.environ if environ is None else environ, problems)
    if not problems:
        canonical, problems = _validate(document)
    if problems:
        raise ConfigError([f"{_where(filename, lines, p)}{address(p)}: {m}" for p, m in problems])
    return canonical


def _where(filename: str, lines: Mapping[Path, int], path: Path) -> str:
    for end in range(len(path), -1, -1):  # the closest enclosing node that has a line
        if path[:end] in lines:
            return f"{filename}:{lines[path[:end]]}: "
    return f"{filename}: "


def _parse_json(text: str, filename: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in items]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ConfigError([f"{filename}: duplicate key {json.dumps(duplicates[0])}"])
        return dict(items)

    def constant(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except ValueError as exc:
        raise ConfigError([f"{filename}: not valid JSON: {exc}"]) from None


_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _parse_yaml(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Safe-load YAML with line numbers; duplicate and non-string keys are errors.

    PyYAML keeps the last of two equal keys without a word, and reads unquoted `on`, `no` or
    `1.10` as a bool or a number: both would silently change what the file says.
    """
    yaml = _yaml()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: no object is built yet
    except yaml.YAMLError as exc:
        raise ConfigError([f"{filename}: not valid YAML: {exc}"]) from None
    lines: dict[Path, int] = {(): 1}
    problems: list[str] = []
    scalars = yaml.SafeLoader("")
    active: set[int] = set()

    def build(node: Any, path: Path) -> Any:
        if id(node) in active:
            raise ConfigError([f"{filename}:{lines[path]}: {address(path)}: a recursive alias"])
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
            line = node.start_mark.line + 1
            problems.append(f"{filename}:{line}: {address(path)}: unsupported YAML tag {node.tag}")
            return None
        if isinstance(node, yaml.MappingNode):
            active.add(id(node))
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag.endswith(":str")):
                    value = getattr(key_node, "value", "?")
                    problems.append(
                        f"{filename}:{line}: {address(path)}: the key {value!r} is not read as a "
                        "string (YAML 1.1 reads on/off/yes/no as booleans and 1.10 as a number): "
                        "quote it"
                    )
                    continue
                key = key_node.value
                if key in out:
                    first = lines[(*path, key)]
                    problems.append(
                        f"{filename}:{line}: {address(path)}: duplicate key {key!r} (first on "
                        f"line {first}): YAML would keep only the last one"
                    )
                    continue
                lines[(*path, key)] = line
                out[key] = build(value_node, (*path, key))
            active.discard(id(node))
            return out
        if isinstance(node, yaml.SequenceNode):
            active.add(id(node))
            items = []
            for i, item in enumerate(node.value):
                lines[(*path, i)] = item.start_mark.line + 1
                items.append(build(item, (*path, i)))
            active.discard(id(node))
            return items
        try:
            return scalars.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            problems.append(f"{filename}:{node.start_mark.line + 1}: {address(path)}: {exc}")
            return None

    document = None if root is None else build(root, ())
    if problems:
        raise ConfigError(problems)
    return document, lines


def _expand(
    value: Any, path: Path, environ: Mapping[str, str], problems: list[tuple[Path, str]]
) -> Any:
    """`${NAME}` in string values, from `environ`; `$${` is a literal `${`. Keys stay as written."""
    if isinstance(value, dict):
        return {k: _expand(v, (*path, k), environ, problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, (*path, i), environ, problems) for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value

    def replace(match: re.Match[str]) -> str:
        escaped, name = match.group(1), match.group(2)
        if escaped:
            return "${" + name + "}"
        if name not in environ:
            problems.append((path, f"${{{name}}}: the environment variable {name} is not set"))
            return ""
        return environ[name]

    return _VARIABLE.sub(replace, value)


# -- writing ------------------------------------------------------------------------------------


def dump_config(document: Mapping[str, Any], format: Literal["yaml", "json"] = "yaml") -> str:
    """Write a configuration document as YAML or JSON text, deterministically.

    Apps, scopes and clients are sorted by name, fields come in the documented order, and scope
    names are always quoted in YAML (an unquoted `on:` would be read back as a boolean).

    Args:
        document: A canonical document, as `export_config` or `validate_config` return it.
        format: `"yaml"` (needs the `[config]` extra) or `"json"`.

    Returns:
        The text, ending with a newline.

    Raises:
        ModuleNotFoundError: `format="yaml"` and PyYAML is not installed (names the extra).
    """
    ordered = _ordered(document)
    if format == "json":
        return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"
    yaml = _yaml()
    dumper_class: Any = type("Dumper", (yaml.SafeDumper,), {})

    def quoted(dumper: Any, value: _Quoted) -> Any:
        return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')

    def text(dumper: Any, value: str) -> Any:
        style = "|" if "\n" in value else None  # PEM keys stay readable
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    dumper_class.add_representer(_Quoted, quoted)
    dumper_class.add_representer(str, text)
    dumped: str = yaml.dump(
        _quote_scope_keys(ordered),
        Dumper=dumper_class,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=1 << 16,
    )
    return dumped


def _yaml() -> Any:
    """PyYAML, from the [config] extra (untyped: it ships no annotations)."""
    _extras.require("config", "YAML config files", "yaml")
    return importlib.import_module("yaml")


class _Quoted(str):
    """A string YAML must write in double quotes."""


def _quote_scope_keys(document: dict[str, Any]) -> dict[str, Any]:
    apps = {}
    for slug, app in document.get("apps", {}).items():
        app = dict(app)
        if "scopes" in app:
            app["scopes"] = {_Quoted(k): v for k, v in app["scopes"].items()}
        apps[slug] = app
    return {**document, "apps": apps}


def _ordered(document: Mapping[str, Any]) -> dict[str, Any]:
    """Field order as documented; names sorted; set-like lists sorted."""
    apps = {}
    for slug in sorted(document.get("apps", {})):
        app = document["apps"][slug]
        out = {f: app[f] for f in APP_FIELDS if f in app and f not in ("scopes", "clients")}
        if "scopes" in app:
            out["scopes"] = {
                s: {f: app["scopes"][s][f] for f in SCOPE_FIELDS if f in app["scopes"][s]}
                for s in sorted(app["scopes"])
            }
        if "clients" in app:
            out["clients"] = {n: ordered_client(app["clients"][n]) for n in sorted(app["clients"])}
        apps[slug] = out
    return {"version": document.get("version", FORMAT_VERSION), "apps": apps}


def ordered_client(client: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in CLIENT_DEFAULTS:
        if field in client:
            value = client[field]
            out[field] = sorted(value) if field in LIST_FIELDS else value
    return out


def secret_free(value: Any) -> bool:
    """Whether no string in `value` (keys included) looks like a client secret."""
    if isinstance(value, Mapping):
        return all(secret_free(k) and secret_free(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(secret_free(v) for v in value)
    return not (isinstance(value, str) and _SECRET_VALUE in value)
