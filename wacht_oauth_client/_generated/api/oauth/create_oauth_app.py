from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...models.create_o_auth_app_form import CreateOAuthAppForm
from ...models.error_response import ErrorResponse
from ...models.o_auth_app import OAuthApp
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client


def _get_kwargs(
    *,
    body: CreateOAuthAppForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/apps",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

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

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

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
    *,
    client: AuthenticatedClient | Client,
    body: CreateOAuthAppForm,
) -> Response[ErrorResponse | OAuthApp]:
    """Create an OAuth app (multipart form, optional logo file).

    Args:
        body (CreateOAuthAppForm): The multipart form of create-app. `supported_scopes` is comma-
            joined (a scope name cannot
            contain a comma), `scope_definitions` is a JSON array in a text field, and `logo` is a
            file
            part that must carry an image content type (parts without one are silently ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthApp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOAuthAppForm,
) -> ErrorResponse | OAuthApp | None:
    """Create an OAuth app (multipart form, optional logo file).

    Args:
        body (CreateOAuthAppForm): The multipart form of create-app. `supported_scopes` is comma-
            joined (a scope name cannot
            contain a comma), `scope_definitions` is a JSON array in a text field, and `logo` is a
            file
            part that must carry an image content type (parts without one are silently ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthApp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOAuthAppForm,
) -> Response[ErrorResponse | OAuthApp]:
    """Create an OAuth app (multipart form, optional logo file).

    Args:
        body (CreateOAuthAppForm): The multipart form of create-app. `supported_scopes` is comma-
            joined (a scope name cannot
            contain a comma), `scope_definitions` is a JSON array in a text field, and `logo` is a
            file
            part that must carry an image content type (parts without one are silently ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OAuthApp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateOAuthAppForm,
) -> ErrorResponse | OAuthApp | None:
    """Create an OAuth app (multipart form, optional logo file).

    Args:
        body (CreateOAuthAppForm): The multipart form of create-app. `supported_scopes` is comma-
            joined (a scope name cannot
            contain a comma), `scope_definitions` is a JSON array in a text field, and `logo` is a
            file
            part that must carry an image content type (parts without one are silently ignored).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OAuthApp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
