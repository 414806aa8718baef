"""`client.oauth`: the 18 operations, named and ordered like the Rust SDK (`deployment_id` first).

Each method checks its arguments (before any I/O), calls the generated operation through the
client's transport policy, and returns the documented model (lists unwrapped).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, ParamSpec, TypeVar

import httpx

from . import _guards as guard
from . import models as m
from ._generated import models as g  # lazy: names import on first use
from ._transport import capture_responses

if TYPE_CHECKING:
    from ._client import WachtClient

P = ParamSpec("P")
R = TypeVar("R")


class OAuth:
    def __init__(self, client: WachtClient) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> OAuthWithRawResponse:
        """The same methods, returning `RawResponse` (status, headers, parsed result)."""
        return OAuthWithRawResponse(self)

    # -- apps --------------------------------------------------------------------------------

    def list_oauth_apps(self, deployment_id: str) -> list[m.OAuthApp]:
        return self._client._call(
            "list_oauth_apps", g.ListOAuthAppsResponse, guard.text("deployment_id", deployment_id)
        ).apps

    def create_oauth_app(self, deployment_id: str, request: m.CreateOAuthAppRequest) -> m.OAuthApp:
        deployment_id = guard.text("deployment_id", deployment_id)
        form = guard.instance("request", request, m.CreateOAuthAppRequest).to_form()
        return self._client._call("create_oauth_app", m.OAuthApp, deployment_id, body=form)

    def update_oauth_app(
        self,
        deployment_id: str,
        oauth_app_slug: str,
        request: m.UpdateOAuthAppRequest,
        *,
        preserve_scope_definitions: bool = True,
    ) -> m.OAuthApp:
        """Update an app without losing its scope definitions.

        The server resets every scope definition (display names, descriptions, archive flags,
        mappings) when a PATCH omits `scope_definitions`. Unless you pass `scope_definitions`,
        this method first reads the app (one `list_oauth_apps` call) and re-sends its current
        definitions for the scopes that stay supported. `preserve_scope_definitions=False` sends
        the request exactly as given (and the server resets the definitions).
        """
        path = (
            guard.text("deployment_id", deployment_id),
            guard.text("oauth_app_slug", oauth_app_slug),
        )
        request = guard.instance("request", request, m.UpdateOAuthAppRequest)
        if preserve_scope_definitions and not isinstance(request.scope_definitions, list):
            request = self._with_current_scope_definitions(path[0], path[1], request)
        return self._client._call("update_oauth_app", m.OAuthApp, *path, body=request)

    def _with_current_scope_definitions(
        self, deployment_id: str, slug: str, request: m.UpdateOAuthAppRequest
    ) -> m.UpdateOAuthAppRequest:
        current = next((a for a in self.list_oauth_apps(deployment_id) if a.slug == slug), None)
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

    def verify_oauth_app_domain(
        self, deployment_id: str, oauth_app_slug: str
    ) -> m.OAuthDomainVerification:
        return self._client._call(
            "verify_oauth_app_domain",
            m.OAuthDomainVerification,
            guard.text("deployment_id", deployment_id),
            guard.text("oauth_app_slug", oauth_app_slug),
        )

    # -- scopes ------------------------------------------------------------------------------

    def update_oauth_scope(
        self,
        deployment_id: str,
        oauth_app_slug: str,
        scope: str,
        request: m.UpdateOAuthScopeRequest,
    ) -> m.OAuthApp:
        return self._client._call(
            "update_oauth_scope",
            m.OAuthApp,
            *_scope_path(deployment_id, oauth_app_slug, scope),
            body=guard.instance("request", request, m.UpdateOAuthScopeRequest),
        )

    def archive_oauth_scope(
        self, deployment_id: str, oauth_app_slug: str, scope: str
    ) -> m.OAuthApp:
        return self._client._call(
            "archive_oauth_scope", m.OAuthApp, *_scope_path(deployment_id, oauth_app_slug, scope)
        )

    def unarchive_oauth_scope(
        self, deployment_id: str, oauth_app_slug: str, scope: str
    ) -> m.OAuthApp:
        return self._client._call(
            "unarchive_oauth_scope", m.OAuthApp, *_scope_path(deployment_id, oauth_app_slug, scope)
        )

    def set_oauth_scope_mapping(
        self,
        deployment_id: str,
        oauth_app_slug: str,
        scope: str,
        request: m.SetOAuthScopeMappingRequest,
    ) -> m.OAuthApp:
        return self._client._call(
            "set_oauth_scope_mapping",
            m.OAuthApp,
            *_scope_path(deployment_id, oauth_app_slug, scope),
            body=guard.instance("request", request, m.SetOAuthScopeMappingRequest),
        )

    # -- clients -----------------------------------------------------------------------------

    def list_oauth_clients(self, deployment_id: str, oauth_app_slug: str) -> list[m.OAuthClient]:
        return self._client._call(
            "list_oauth_clients",
            g.ListOAuthClientsResponse,
            guard.text("deployment_id", deployment_id),
            guard.text("oauth_app_slug", oauth_app_slug),
        ).clients

    def create_oauth_client(
        self, deployment_id: str, oauth_app_slug: str, request: m.CreateOAuthClientRequest
    ) -> m.OAuthClient:
        return self._client._call(
            "create_oauth_client",
            m.OAuthClient,
            guard.text("deployment_id", deployment_id),
            guard.text("oauth_app_slug", oauth_app_slug),
            body=guard.instance("request", request, m.CreateOAuthClientRequest),
        )

    def update_oauth_client(
        self,
        deployment_id: str,
        oauth_app_slug: str,
        oauth_client_id: str,
        request: m.UpdateOAuthClientRequest,
    ) -> m.OAuthClient:
        return self._client._call(
            "update_oauth_client",
            m.OAuthClient,
            *_client_path(deployment_id, oauth_app_slug, oauth_client_id),
            body=guard.instance("request", request, m.UpdateOAuthClientRequest),
        )

    def deactivate_oauth_client(
        self, deployment_id: str, oauth_app_slug: str, oauth_client_id: str
    ) -> None:
        self._client._send(
            "deactivate_oauth_client", *_client_path(deployment_id, oauth_app_slug, oauth_client_id)
        )

    def rotate_oauth_client_secret(
        self, deployment_id: str, oauth_app_slug: str, oauth_client_id: str
    ) -> m.RotateOAuthClientSecretResponse:
        return self._client._call(
            "rotate_oauth_client_secret",
            m.RotateOAuthClientSecretResponse,
            *_client_path(deployment_id, oauth_app_slug, oauth_client_id),
        )

    # -- grants ------------------------------------------------------------------------------

    def list_oauth_grants(
        self, deployment_id: str, oauth_app_slug: str, oauth_client_id: str
    ) -> list[m.OAuthGrant]:
        return self._client._call(
            "list_oauth_grants",
            g.ListOAuthGrantsResponse,
            *_client_path(deployment_id, oauth_app_slug, oauth_client_id),
        ).grants

    def revoke_oauth_grant(
        self, deployment_id: str, oauth_app_slug: str, oauth_client_id: str, grant_id: str
    ) -> None:
        self._client._call(
            "revoke_oauth_grant",
            g.RevokeOAuthGrantResponse,
            *_client_path(deployment_id, oauth_app_slug, oauth_client_id),
            guard.numeric_id("grant_id", grant_id),
        )

    # -- signing keys ------------------------------------------------------------------------

    def list_signing_keys(
        self, deployment_id: str, oauth_app_slug: str
    ) -> list[m.OAuthAppSigningKey]:
        return self._client._call(
            "list_signing_keys",
            g.ListSigningKeysResponse,
            guard.text("deployment_id", deployment_id),
            guard.text("oauth_app_slug", oauth_app_slug),
        ).keys

    def rotate_signing_key(self, deployment_id: str, oauth_app_slug: str) -> m.OAuthAppSigningKey:
        """Create a new signing key (retiring the active one) and return the new key."""
        return self._client._call(
            "rotate_signing_key",
            g.RotateSigningKeyResponse,
            guard.text("deployment_id", deployment_id),
            guard.text("oauth_app_slug", oauth_app_slug),
        ).new

    def compromise_signing_key(self, deployment_id: str, oauth_app_slug: str, kid: str) -> None:
        self._client._send(
            "compromise_signing_key",
            guard.text("deployment_id", deployment_id),
            guard.text("oauth_app_slug", oauth_app_slug),
            guard.text("kid", kid),
        )


def _scope_path(deployment_id: str, oauth_app_slug: str, scope: str) -> tuple[str, str, str]:
    return (
        guard.text("deployment_id", deployment_id),
        guard.text("oauth_app_slug", oauth_app_slug),
        guard.text("scope", scope),
    )


def _client_path(
    deployment_id: str, oauth_app_slug: str, oauth_client_id: str
) -> tuple[str, str, str]:
    return (
        guard.text("deployment_id", deployment_id),
        guard.text("oauth_app_slug", oauth_app_slug),
        guard.numeric_id("oauth_client_id", oauth_client_id),
    )


class RawResponse(Generic[R]):
    """A call's parsed result plus the final HTTP response (status code and headers)."""

    def __init__(self, parsed: R, http_response: httpx.Response) -> None:
        self.parsed = parsed
        self.http_response = http_response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, parsed={self.parsed!r})"


def _raw(method: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with capture_responses() as responses:
            parsed = method(*args, **kwargs)
        return RawResponse(parsed, responses[-1])

    return wrapper


class OAuthWithRawResponse:
    """`client.oauth.with_raw_response.<method>(...)` returns a `RawResponse`."""

    def __init__(self, oauth: OAuth) -> None:
        self.list_oauth_apps = _raw(oauth.list_oauth_apps)
        self.create_oauth_app = _raw(oauth.create_oauth_app)
        self.update_oauth_app = _raw(oauth.update_oauth_app)
        self.verify_oauth_app_domain = _raw(oauth.verify_oauth_app_domain)
        self.update_oauth_scope = _raw(oauth.update_oauth_scope)
        self.archive_oauth_scope = _raw(oauth.archive_oauth_scope)
        self.unarchive_oauth_scope = _raw(oauth.unarchive_oauth_scope)
        self.set_oauth_scope_mapping = _raw(oauth.set_oauth_scope_mapping)
        self.list_oauth_clients = _raw(oauth.list_oauth_clients)
        self.create_oauth_client = _raw(oauth.create_oauth_client)
        self.update_oauth_client = _raw(oauth.update_oauth_client)
        self.deactivate_oauth_client = _raw(oauth.deactivate_oauth_client)
        self.rotate_oauth_client_secret = _raw(oauth.rotate_oauth_client_secret)
        self.list_oauth_grants = _raw(oauth.list_oauth_grants)
        self.revoke_oauth_grant = _raw(oauth.revoke_oauth_grant)
        self.list_signing_keys = _raw(oauth.list_signing_keys)
        self.rotate_signing_key = _raw(oauth.rotate_signing_key)
        self.compromise_signing_key = _raw(oauth.compromise_signing_key)
