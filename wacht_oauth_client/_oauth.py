"""The 18 OAuth operations, written once and offered in two shapes.

- `client.deployment(deployment_id=None).oauth` (`DeploymentOAuth`) holds the implementation:
  one method per operation, bound to one API surface. `None` targets the key-scoped backend API
  (`/oauth/apps…`, the deployment comes from the API key), an id targets the deployment-scoped
  mount (`/deployments/{id}/oauth/apps…`).
- `client.oauth` (`OAuth`) is the usage guide's shape: the same methods with `deployment_id`
  first, derived mechanically from the ones above (`_guide`), so the two cannot drift apart.

Each method checks its arguments before any I/O, sends the generated operation through the
client's transport policy, and returns the documented model (lists unwrapped).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, cast
from urllib.parse import quote

import httpx

from . import _guards as guard
from . import models as m
from ._generated import models as gm
from ._transport import capture_responses

if TYPE_CHECKING:
    from ._client import WachtClient

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

# How the derived shapes document what they add, in docstrings cleaned with `inspect.cleandoc`
# (Python 3.13 strips their indentation at compile time, older versions do not).
_ARGS, _RETURNS, _RAISES = "\nArgs:\n", "\nReturns:\n", "\nRaises:\n"
_RAW_RESULT = "    A `RawResponse` (status code, headers) whose `parsed` is:\n"
_RAW_NONE = "    A `RawResponse` (status code, headers); its `parsed` is `None`.\n"
_DEPLOYMENT_ARG = "    deployment_id: the deployment, sent as `/deployments/{deployment_id}/…`.\n"


class DeploymentOAuth:
    """OAuth apps, scopes, clients, grants and signing keys of one deployment.

    Get it from `client.deployment().oauth` (key-scoped backend API: the deployment comes from
    the API key) or `client.deployment("dep_123").oauth` (deployment-scoped paths). Every method
    validates its arguments before any network I/O (`InvalidArgumentError`), and raises a
    `WachtError` subclass on failure: `APIStatusError` subclasses carry the server's message.

    Reads (the `list_*` methods) are retried on connection failures, 429 and 502/503/504. Writes
    are retried only when nothing can have reached the server (connection refused, 429); each
    method's docstring says whether calling it again yourself is safe.

    Args:
        client: the `WachtClient` whose connections and options the calls use.
        prefix: the surface's path prefix: "" or "/deployments/{deployment_id}".
    """

    def __init__(self, client: WachtClient, prefix: str) -> None:
        self._client = client
        self._prefix = prefix

    def _call(self, operation_id: str, expected: type[T], *args: Any, **kwargs: Any) -> T:
        return self._client._call(self._prefix, operation_id, expected, *args, **kwargs)

    def _send(self, operation_id: str, *args: Any) -> None:
        self._client._send_no_content(self._prefix, operation_id, *args)

    @functools.cached_property
    def with_raw_response(self) -> DeploymentOAuthWithRawResponse:
        """The same methods, each returning a `RawResponse` (status, headers, parsed result)."""
        return DeploymentOAuthWithRawResponse(self)

    # -- apps --------------------------------------------------------------------------------

    def list_oauth_apps(self) -> list[m.OAuthApp]:
        """List every OAuth app of the deployment, newest first (nothing paginates).

        Returns:
            The apps.

        Raises:
            AuthenticationError: the credential is missing or rejected (401).
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes (a read; the SDK retries transient failures itself).
        """
        return self._call("list_oauth_apps", gm.ListOAuthAppsResponse).apps

    def create_oauth_app(self, request: m.CreateOAuthAppRequest) -> m.OAuthApp:
        """Create an OAuth app (sent as a multipart form, with the logo if given).

        Args:
            request: the app to create. `slug` and `name` are required; in a production
                deployment `fqdn` is too (elsewhere the server ignores it and makes one up).

        Returns:
            The created app, with its first signing key provisioned.

        Raises:
            InvalidArgumentError: bad input caught locally (blank slug or name, a scope name with
                a comma, a logo that is not PNG/JPEG/GIF/WEBP/ICO or is over 2 MiB); not sent.
            BadRequestError: the server rejected a field (fqdn rules, scope definitions).
            ConflictError: an app with this slug already exists (409).
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Not blindly. If the call failed after it may have reached the server, check
            `list_oauth_apps()` for the slug first.
        """
        form = guard.instance("request", request, m.CreateOAuthAppRequest).to_form()
        return self._call("create_oauth_app", m.OAuthApp, body=form)

    def update_oauth_app(
        self,
        oauth_app_slug: str,
        request: m.UpdateOAuthAppRequest,
        *,
        preserve_scope_definitions: bool = True,
    ) -> m.OAuthApp:
        """Update an app's name, description, scopes, registration flag or active flag.

        The server resets every scope definition (display names, descriptions, archive flags,
        mappings) when a PATCH omits `scope_definitions`. Unless you pass `scope_definitions`,
        this method first reads the app (one `list_oauth_apps` call) and re-sends its current
        definitions for the scopes that stay supported.

        Args:
            oauth_app_slug: the app's slug.
            request: the fields to change; unset (or `None`) fields are kept.
            preserve_scope_definitions: `False` sends the request exactly as given (and the
                server then resets the definitions).

        Returns:
            The updated app.

        Raises:
            NotFoundError: no app with this slug.
            BadRequestError: a scope definition breaks the server's rules.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes, the same request gives the same result.
        """
        slug = guard.text("oauth_app_slug", oauth_app_slug)
        request = guard.instance("request", request, m.UpdateOAuthAppRequest)
        if preserve_scope_definitions and not isinstance(request.scope_definitions, list):
            request = self._with_current_scope_definitions(slug, request)
        return self._call("update_oauth_app", m.OAuthApp, slug, body=request)

    def _with_current_scope_definitions(
        self, slug: str, request: m.UpdateOAuthAppRequest
    ) -> m.UpdateOAuthAppRequest:
        current = next((a for a in self.list_oauth_apps() if a.slug == slug), None)
        if current is None:
            return request  # let the PATCH itself answer 404
        scopes = request.supported_scopes
        kept = {
            s.strip() for s in (scopes if isinstance(scopes, list) else current.supported_scopes)
        }
        body = request.to_dict()
        body["scope_definitions"] = [
            d.to_dict() for d in current.scope_definitions if d.scope in kept
        ]
        return m.UpdateOAuthAppRequest.from_dict(body)

    def verify_oauth_app_domain(self, oauth_app_slug: str) -> m.OAuthDomainVerification:
        """Check whether the app's custom domain (its CNAME) is verified.

        Args:
            oauth_app_slug: the app's slug.

        Returns:
            The domain, the CNAME target it must point to, and whether it is verified.

        Raises:
            NotFoundError: no app with this slug.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes (it changes nothing).
        """
        return self._call(
            "verify_oauth_app_domain",
            m.OAuthDomainVerification,
            guard.text("oauth_app_slug", oauth_app_slug),
        )

    # -- scopes ------------------------------------------------------------------------------

    def update_oauth_scope(
        self, oauth_app_slug: str, scope: str, request: m.UpdateOAuthScopeRequest
    ) -> m.OAuthApp:
        """Set a scope's display name and description.

        Args:
            oauth_app_slug: the app's slug.
            scope: the scope name, exactly as in `supported_scopes`.
            request: the new display name and description.

        Returns:
            The whole app after the change.

        Raises:
            NotFoundError: no such app, or the scope has no definition.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes, the same request gives the same result.
        """
        return self._call(
            "update_oauth_scope",
            m.OAuthApp,
            *_scope_path(oauth_app_slug, scope),
            body=guard.instance("request", request, m.UpdateOAuthScopeRequest),
        )

    def archive_oauth_scope(self, oauth_app_slug: str, scope: str) -> m.OAuthApp:
        """Archive a scope (idempotent).

        Args:
            oauth_app_slug: the app's slug.
            scope: the scope name.

        Returns:
            The whole app after the change.

        Raises:
            NotFoundError: no such app, or the scope has no definition.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes.
        """
        return self._call("archive_oauth_scope", m.OAuthApp, *_scope_path(oauth_app_slug, scope))

    def unarchive_oauth_scope(self, oauth_app_slug: str, scope: str) -> m.OAuthApp:
        """Unarchive a scope (idempotent).

        Args:
            oauth_app_slug: the app's slug.
            scope: the scope name.

        Returns:
            The whole app after the change.

        Raises:
            NotFoundError: no such app, or the scope has no definition.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes.
        """
        return self._call("unarchive_oauth_scope", m.OAuthApp, *_scope_path(oauth_app_slug, scope))

    def set_oauth_scope_mapping(
        self, oauth_app_slug: str, scope: str, request: m.SetOAuthScopeMappingRequest
    ) -> m.OAuthApp:
        """Map a scope to a category and a B2B permission. A mapping cannot change once set.

        Args:
            oauth_app_slug: the app's slug.
            scope: the scope name.
            request: `category` (`personal`, `organization` or `workspace`) and at most the
                permission that category allows; the permission must exist in the
                deployment's B2B settings.

        Returns:
            The whole app after the change.

        Raises:
            BadRequestError: a bad category/permission combination, a permission missing from
                the B2B settings, or an attempt to change an existing mapping.
            NotFoundError: no such app, or the scope has no definition.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes with the same values (re-posting an identical mapping is accepted).
        """
        return self._call(
            "set_oauth_scope_mapping",
            m.OAuthApp,
            *_scope_path(oauth_app_slug, scope),
            body=guard.instance("request", request, m.SetOAuthScopeMappingRequest),
        )

    # -- clients -----------------------------------------------------------------------------

    def list_oauth_clients(self, oauth_app_slug: str) -> list[m.OAuthClient]:
        """List the app's clients, newest first, deactivated ones included (check `is_active`).

        Args:
            oauth_app_slug: the app's slug.

        Returns:
            The clients (never with a `client_secret`).

        Raises:
            NotFoundError: no app with this slug.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes (a read).
        """
        return self._call(
            "list_oauth_clients",
            gm.ListOAuthClientsResponse,
            guard.text("oauth_app_slug", oauth_app_slug),
        ).clients

    def create_oauth_client(
        self, oauth_app_slug: str, request: m.CreateOAuthClientRequest
    ) -> m.OAuthClient:
        """Create an OAuth client of the app.

        Args:
            oauth_app_slug: the app's slug.
            request: the client's settings. `grant_types` must include `authorization_code`,
                which needs at least one `redirect_uris` entry.

        Returns:
            The client. For `client_secret_basic`, `client_secret_post` and `client_secret_jwt`
            it carries `client_secret`: the only time the secret is ever returned.

        Raises:
            BadRequestError: a setting breaks the server's rules (the message says which).
            NotFoundError: no app with this slug.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Not blindly: a second call creates a second client. After a failure that may have
            reached the server, check `list_oauth_clients` first.
        """
        return self._call(
            "create_oauth_client",
            m.OAuthClient,
            guard.text("oauth_app_slug", oauth_app_slug),
            body=guard.instance("request", request, m.CreateOAuthClientRequest),
        )

    def update_oauth_client(
        self, oauth_app_slug: str, oauth_client_id: str, request: m.UpdateOAuthClientRequest
    ) -> m.OAuthClient:
        """Update an active client's settings (lists are replaced whole).

        Args:
            oauth_app_slug: the app's slug.
            oauth_client_id: the client's numeric record id, `OAuthClient.id` (not the public
                `client_id`, `oc_…`).
            request: the settings to change; unset (or `None`) fields are kept.

        Returns:
            The updated client (never with a `client_secret`; use
            `rotate_oauth_client_secret` for a new one).

        Raises:
            InvalidArgumentError: `oauth_client_id` is not a numeric id; not sent.
            NotFoundError: no such app or client, or the client is deactivated.
            BadRequestError: a setting breaks the server's rules.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes, the same request gives the same result.
        """
        return self._call(
            "update_oauth_client",
            m.OAuthClient,
            *_client_path(oauth_app_slug, oauth_client_id),
            body=guard.instance("request", request, m.UpdateOAuthClientRequest),
        )

    def deactivate_oauth_client(self, oauth_app_slug: str, oauth_client_id: str) -> None:
        """Deactivate a client (a soft delete: it still lists, with `is_active` false).

        Args:
            oauth_app_slug: the app's slug.
            oauth_client_id: the client's numeric record id, `OAuthClient.id`.

        Raises:
            InvalidArgumentError: `oauth_client_id` is not a numeric id; not sent.
            NotFoundError: no such app or client, or it is already inactive.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            A second call is a 404 if the first one worked. There is no reactivation.
        """
        self._send("deactivate_oauth_client", *_client_path(oauth_app_slug, oauth_client_id))

    def rotate_oauth_client_secret(
        self, oauth_app_slug: str, oauth_client_id: str
    ) -> m.RotateOAuthClientSecretResponse:
        """Issue a new client secret. The old one stops working at once.

        Args:
            oauth_app_slug: the app's slug.
            oauth_client_id: the client's numeric record id, `OAuthClient.id`.

        Returns:
            The new `client_secret` (shown once; `repr` hides it, the attribute holds it).

        Raises:
            InvalidArgumentError: `oauth_client_id` is not a numeric id; not sent.
            BadRequestError: the client's auth method has no secret (`none`, `private_key_jwt`).
            NotFoundError: no such app or client, or it is deactivated.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            If a call failed after it may have reached the server, the secret may already have
            changed: rotate again and use the secret that call returns.
        """
        return self._call(
            "rotate_oauth_client_secret",
            m.RotateOAuthClientSecretResponse,
            *_client_path(oauth_app_slug, oauth_client_id),
        )

    # -- grants ------------------------------------------------------------------------------

    def list_oauth_grants(self, oauth_app_slug: str, oauth_client_id: str) -> list[m.OAuthGrant]:
        """List the grants users gave the client, newest first (revoked ones included).

        Args:
            oauth_app_slug: the app's slug.
            oauth_client_id: the client's numeric record id, `OAuthClient.id`.

        Returns:
            The grants.

        Raises:
            InvalidArgumentError: `oauth_client_id` is not a numeric id; not sent.
            NotFoundError: no such app or client.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes (a read).
        """
        return self._call(
            "list_oauth_grants",
            gm.ListOAuthGrantsResponse,
            *_client_path(oauth_app_slug, oauth_client_id),
        ).grants

    def revoke_oauth_grant(self, oauth_app_slug: str, oauth_client_id: str, grant_id: str) -> None:
        """Revoke a grant. Idempotent and silent: an unknown grant id is not an error.

        Args:
            oauth_app_slug: the app's slug.
            oauth_client_id: the client's numeric record id, `OAuthClient.id`.
            grant_id: the grant's numeric id, `OAuthGrant.id`.

        Raises:
            InvalidArgumentError: an id is not numeric; not sent.
            NotFoundError: no such app or client.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes.
        """
        self._call(
            "revoke_oauth_grant",
            gm.RevokeOAuthGrantResponse,
            *_client_path(oauth_app_slug, oauth_client_id),
            guard.numeric_id("grant_id", grant_id),
        )

    # -- signing keys ------------------------------------------------------------------------

    def list_signing_keys(self, oauth_app_slug: str) -> list[m.OAuthAppSigningKey]:
        """List the app's active and retired signing keys, newest first (no compromised ones).

        Args:
            oauth_app_slug: the app's slug.

        Returns:
            The keys, with their public key PEM (private keys are never returned).

        Raises:
            NotFoundError: no app with this slug.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Yes (a read).
        """
        return self._call(
            "list_signing_keys",
            gm.ListSigningKeysResponse,
            guard.text("oauth_app_slug", oauth_app_slug),
        ).keys

    def rotate_signing_key(self, oauth_app_slug: str) -> m.OAuthAppSigningKey:
        """Create a new RS256 signing key and retire the active one.

        Args:
            oauth_app_slug: the app's slug.

        Returns:
            The new key.

        Raises:
            NotFoundError: no app with this slug.
            WachtError: any other failure; see the errors reference.

        Retry safety:
            Not blindly: each call adds a key. Check `list_signing_keys` first.
        """
        return self._call(
            "rotate_signing_key",
            gm.RotateSigningKeyResponse,
            guard.text("oauth_app_slug", oauth_app_slug),
        ).new

    def compromise_signing_key(self, oauth_app_slug: str, kid: str) -> None:
        """Mark a signing key compromised: it stops being served and disappears from the list.

        Args:
            oauth_app_slug: the app's slug.
            kid: the key's id, `OAuthAppSigningKey.kid`.

        Raises:
            NotFoundError: no such app, or no such key (or it is already compromised).
            WachtError: any other failure; see the errors reference.

        Retry safety:
            A second call is a 404 if the first one worked.
        """
        self._send(
            "compromise_signing_key",
            guard.text("oauth_app_slug", oauth_app_slug),
            guard.text("kid", kid),
        )


def _scope_path(oauth_app_slug: str, scope: str) -> tuple[str, str]:
    return guard.text("oauth_app_slug", oauth_app_slug), guard.text("scope", scope)


def _client_path(oauth_app_slug: str, oauth_client_id: str) -> tuple[str, str]:
    return (
        guard.text("oauth_app_slug", oauth_app_slug),
        guard.numeric_id("oauth_client_id", oauth_client_id),
    )


def deployment_prefix(deployment_id: str | None) -> str:
    """The path prefix of a surface: "" (key-scoped backend API) or "/deployments/{id}"."""
    if deployment_id is None:
        return ""
    return "/deployments/" + quote(guard.text("deployment_id", deployment_id), safe="")


class Deployment:
    """One API surface of the client: `client.deployment()` or `client.deployment("dep_123")`.

    - `client.deployment()`: the key-scoped backend API at `/oauth/apps…`, where the deployment
      comes from the backend API key. This is what Wacht's dashboard keys are for.
    - `client.deployment("dep_123")`: the deployment-scoped mount at
      `/deployments/dep_123/oauth/apps…` (a console session or an OAuth access token).

    Args:
        client: the `WachtClient` whose connections and options the calls use.
        deployment_id: the deployment in the path, or `None` for the key-scoped API.

    Attributes:
        deployment_id: the deployment in the path, or `None` for the key-scoped API.
        oauth: the 18 OAuth operations on this surface (`DeploymentOAuth`).

    Raises:
        InvalidArgumentError: `deployment_id` is not `None` or a non-blank `str`.
    """

    def __init__(self, client: WachtClient, deployment_id: str | None) -> None:
        self.oauth = DeploymentOAuth(client, deployment_prefix(deployment_id))
        self.deployment_id = deployment_id

    def __repr__(self) -> str:
        where = "key-scoped" if self.deployment_id is None else repr(self.deployment_id)
        return f"Deployment({where}, base_url={self.oauth._client.base_url!r})"


# -- the derived shapes ------------------------------------------------------------------------


class RawResponse(Generic[R]):
    """A call's parsed result plus the final HTTP response (status code and headers).

    Args:
        parsed: what the plain method returns.
        http_response: the final `httpx.Response`.

    Attributes:
        parsed: what the plain method returns.
        http_response: the final `httpx.Response` (its body has been read).
    """

    def __init__(self, parsed: R, http_response: httpx.Response) -> None:
        self.parsed = parsed
        self.http_response = http_response

    @property
    def status_code(self) -> int:
        """The HTTP status of the final response."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The headers of the final response."""
        return self.http_response.headers

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, parsed={self.parsed!r})"


def _signature(method: Callable[..., Any], *, deployment_id: bool, raw: bool) -> inspect.Signature:
    """`method`'s signature as the derived shape shows it in `help()` and IDEs."""
    sig = inspect.signature(method)
    params = list(sig.parameters.values())
    if deployment_id:
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        params.insert(1, inspect.Parameter("deployment_id", kind, annotation="str"))
    returns = sig.return_annotation
    if raw:
        returns = f"RawResponse[{returns}]"
    return sig.replace(parameters=params, return_annotation=returns)


def _derived(wrapper: Callable[..., Any], method: Callable[..., Any], doc: str) -> None:
    functools.update_wrapper(wrapper, method)
    del wrapper.__wrapped__  # type: ignore[attr-defined]  # help() must show our signature
    wrapper.__doc__ = doc


def _owns_derived_methods(cls: type[T]) -> type[T]:
    """Name the derived methods after the class that holds them (for `help()` and tracebacks)."""
    for name, value in vars(cls).items():
        if inspect.isfunction(value) and value.__qualname__ != f"{cls.__name__}.{name}":
            value.__qualname__ = f"{cls.__name__}.{name}"
    return cls


def _guide(method: Callable[Concatenate[Any, P], R]) -> Callable[Concatenate[Any, str, P], R]:
    """The guide's shape of a handle method: `deployment_id` first, then the same arguments."""

    def guide(self: Any, /, deployment_id: str, *args: P.args, **kwargs: P.kwargs) -> R:
        return method(self._at(deployment_id), *args, **kwargs)

    doc = inspect.cleandoc(method.__doc__ or "")
    if _ARGS in doc:
        doc = doc.replace(_ARGS, _ARGS + _DEPLOYMENT_ARG, 1)
    else:  # a method without other arguments: give it an Args section
        doc = doc.replace(_RETURNS, _ARGS + _DEPLOYMENT_ARG + _RETURNS, 1)
    _derived(guide, method, doc)
    guide.__signature__ = _signature(method, deployment_id=True, raw=False)  # type: ignore[attr-defined]
    # Type checkers see `deployment_id` as positional-only (Concatenate cannot name it); at run
    # time it may still be passed by keyword, as before the two shapes shared one implementation.
    return cast(Callable[Concatenate[Any, str, P], R], guide)


def _raw(method: Callable[Concatenate[Any, P], R]) -> Callable[Concatenate[Any, P], RawResponse[R]]:
    """The raw-response twin of a method: the same call, returning `RawResponse`."""

    def raw(self: Any, /, *args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with capture_responses() as responses:
            parsed = method(self._of, *args, **kwargs)
        return RawResponse(parsed, responses[-1])

    doc = inspect.cleandoc(method.__doc__ or "")
    if _RETURNS in doc:
        doc = doc.replace(_RETURNS, _RETURNS + _RAW_RESULT, 1)
    else:  # a method returning None: its twin still returns the response
        doc = doc.replace(_RAISES, _RETURNS + _RAW_NONE + _RAISES, 1)
    _derived(raw, method, doc)
    raw.__signature__ = _signature(method, deployment_id=False, raw=True)  # type: ignore[attr-defined]
    return raw


@_owns_derived_methods
class DeploymentOAuthWithRawResponse:
    """`client.deployment(...).oauth.with_raw_response.<method>(...)` returns a `RawResponse`.

    Args:
        oauth: the `DeploymentOAuth` whose methods it wraps.
    """

    def __init__(self, oauth: DeploymentOAuth) -> None:
        self._of = oauth

    list_oauth_apps = _raw(DeploymentOAuth.list_oauth_apps)
    create_oauth_app = _raw(DeploymentOAuth.create_oauth_app)
    update_oauth_app = _raw(DeploymentOAuth.update_oauth_app)
    verify_oauth_app_domain = _raw(DeploymentOAuth.verify_oauth_app_domain)
    update_oauth_scope = _raw(DeploymentOAuth.update_oauth_scope)
    archive_oauth_scope = _raw(DeploymentOAuth.archive_oauth_scope)
    unarchive_oauth_scope = _raw(DeploymentOAuth.unarchive_oauth_scope)
    set_oauth_scope_mapping = _raw(DeploymentOAuth.set_oauth_scope_mapping)
    list_oauth_clients = _raw(DeploymentOAuth.list_oauth_clients)
    create_oauth_client = _raw(DeploymentOAuth.create_oauth_client)
    update_oauth_client = _raw(DeploymentOAuth.update_oauth_client)
    deactivate_oauth_client = _raw(DeploymentOAuth.deactivate_oauth_client)
    rotate_oauth_client_secret = _raw(DeploymentOAuth.rotate_oauth_client_secret)
    list_oauth_grants = _raw(DeploymentOAuth.list_oauth_grants)
    revoke_oauth_grant = _raw(DeploymentOAuth.revoke_oauth_grant)
    list_signing_keys = _raw(DeploymentOAuth.list_signing_keys)
    rotate_signing_key = _raw(DeploymentOAuth.rotate_signing_key)
    compromise_signing_key = _raw(DeploymentOAuth.compromise_signing_key)


@_owns_derived_methods
class OAuth:
    """`client.oauth`: the usage guide's shape, `deployment_id` first (deployment-scoped paths).

    `client.oauth.list_oauth_apps("dep_123")` is exactly
    `client.deployment("dep_123").oauth.list_oauth_apps()`: every method here is derived from
    `DeploymentOAuth`'s (same arguments after `deployment_id`, same result, errors and
    retries). It sends `/deployments/{deployment_id}/oauth/apps…`, which the console and machine
    APIs serve (a console session or an OAuth access token). With a backend API key, use
    `client.deployment().oauth` instead.

    Args:
        client: the `WachtClient` whose connections and options the calls use.
    """

    def __init__(self, client: WachtClient) -> None:
        self._client = client

    def _at(self, deployment_id: str) -> DeploymentOAuth:
        # The guide's shape always names a deployment: None is an error here, not the root mount.
        deployment_id = guard.text("deployment_id", deployment_id)
        return DeploymentOAuth(self._client, deployment_prefix(deployment_id))

    @functools.cached_property
    def with_raw_response(self) -> OAuthWithRawResponse:
        """The same methods, each returning a `RawResponse` (status, headers, parsed result)."""
        return OAuthWithRawResponse(self)

    list_oauth_apps = _guide(DeploymentOAuth.list_oauth_apps)
    create_oauth_app = _guide(DeploymentOAuth.create_oauth_app)
    update_oauth_app = _guide(DeploymentOAuth.update_oauth_app)
    verify_oauth_app_domain = _guide(DeploymentOAuth.verify_oauth_app_domain)
    update_oauth_scope = _guide(DeploymentOAuth.update_oauth_scope)
    archive_oauth_scope = _guide(DeploymentOAuth.archive_oauth_scope)
    unarchive_oauth_scope = _guide(DeploymentOAuth.unarchive_oauth_scope)
    set_oauth_scope_mapping = _guide(DeploymentOAuth.set_oauth_scope_mapping)
    list_oauth_clients = _guide(DeploymentOAuth.list_oauth_clients)
    create_oauth_client = _guide(DeploymentOAuth.create_oauth_client)
    update_oauth_client = _guide(DeploymentOAuth.update_oauth_client)
    deactivate_oauth_client = _guide(DeploymentOAuth.deactivate_oauth_client)
    rotate_oauth_client_secret = _guide(DeploymentOAuth.rotate_oauth_client_secret)
    list_oauth_grants = _guide(DeploymentOAuth.list_oauth_grants)
    revoke_oauth_grant = _guide(DeploymentOAuth.revoke_oauth_grant)
    list_signing_keys = _guide(DeploymentOAuth.list_signing_keys)
    rotate_signing_key = _guide(DeploymentOAuth.rotate_signing_key)
    compromise_signing_key = _guide(DeploymentOAuth.compromise_signing_key)


@_owns_derived_methods
class OAuthWithRawResponse:
    """`client.oauth.with_raw_response.<method>(deployment_id, ...)` returns a `RawResponse`.

    Args:
        oauth: the `OAuth` whose methods it wraps.
    """

    def __init__(self, oauth: OAuth) -> None:
        self._oauth = oauth

    def _at(self, deployment_id: str) -> DeploymentOAuthWithRawResponse:
        return self._oauth._at(deployment_id).with_raw_response

    list_oauth_apps = _guide(DeploymentOAuthWithRawResponse.list_oauth_apps)
    create_oauth_app = _guide(DeploymentOAuthWithRawResponse.create_oauth_app)
    update_oauth_app = _guide(DeploymentOAuthWithRawResponse.update_oauth_app)
    verify_oauth_app_domain = _guide(DeploymentOAuthWithRawResponse.verify_oauth_app_domain)
    update_oauth_scope = _guide(DeploymentOAuthWithRawResponse.update_oauth_scope)
    archive_oauth_scope = _guide(DeploymentOAuthWithRawResponse.archive_oauth_scope)
    unarchive_oauth_scope = _guide(DeploymentOAuthWithRawResponse.unarchive_oauth_scope)
    set_oauth_scope_mapping = _guide(DeploymentOAuthWithRawResponse.set_oauth_scope_mapping)
    list_oauth_clients = _guide(DeploymentOAuthWithRawResponse.list_oauth_clients)
    create_oauth_client = _guide(DeploymentOAuthWithRawResponse.create_oauth_client)
    update_oauth_client = _guide(DeploymentOAuthWithRawResponse.update_oauth_client)
    deactivate_oauth_client = _guide(DeploymentOAuthWithRawResponse.deactivate_oauth_client)
    rotate_oauth_client_secret = _guide(DeploymentOAuthWithRawResponse.rotate_oauth_client_secret)
    list_oauth_grants = _guide(DeploymentOAuthWithRawResponse.list_oauth_grants)
    revoke_oauth_grant = _guide(DeploymentOAuthWithRawResponse.revoke_oauth_grant)
    list_signing_keys = _guide(DeploymentOAuthWithRawResponse.list_signing_keys)
    rotate_signing_key = _guide(DeploymentOAuthWithRawResponse.rotate_signing_key)
    compromise_signing_key = _guide(DeploymentOAuthWithRawResponse.compromise_signing_key)
