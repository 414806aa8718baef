from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...models.error_response import ErrorResponse
from ...models.o_auth_app import OAuthApp
from ...models.update_o_auth_scope_request import UpdateOAuthScopeRequest
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client


def _get_kwargs(
    oauth_app_slug: str,
    scope: str,
    *,
    body: UpdateOAuthScopeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/oauth/apps/{oauth_app_slug}/scopes/{scope}".format(
            oauth_app_slug=quote(str(oauth_app_slug), safe=""),
            scope=quote(str(scope), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | OAuthApp | None:
    if response.status_code == 200:
        response_200 = OAuthApp.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | OAuthApp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    oauth_app_slug: str,
    scope: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOAuthScopeRequest,
) -> Response[ErrorResponse | OAuthApp]:
    """Set a scope's display name and description.

    Args:
        oauth_app_slug (str):
        scope (str):
        body (UpdateOAuthScopeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthApp]
    """

    kwargs = _get_kwargs(
        oauth_app_slug=oauth_app_slug,
        scope=scope,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    oauth_app_slug: str,
    scope: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOAuthScopeRequest,
) -> ErrorResponse | OAuthApp | None:
    """Set a scope's display name and description.

    Args:
        oauth_app_slug (str):
        scope (str):
        body (UpdateOAuthScopeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthApp
    """

    return sync_detailed(
        oauth_app_slug=oauth_app_slug,
        scope=scope,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    oauth_app_slug: str,
    scope: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOAuthScopeRequest,
) -> Response[ErrorResponse | OAuthApp]:
    """Set a scope's display name and description.

    Args:
        oauth_app_slug (str):
        scope (str):
        body (UpdateOAuthScopeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthApp]
    """

    kwargs = _get_kwargs(
        oauth_app_slug=oauth_app_slug,
        scope=scope,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    oauth_app_slug: str,
    scope: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateOAuthScopeRequest,
) -> ErrorResponse | OAuthApp | None:
    """Set a scope's display name and description.

    Args:
        oauth_app_slug (str):
        scope (str):
        body (UpdateOAuthScopeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthApp
    """

    return (
        await asyncio_detailed(
            oauth_app_slug=oauth_app_slug,
            scope=scope,
            client=client,
            body=body,
        )
    ).parsed
