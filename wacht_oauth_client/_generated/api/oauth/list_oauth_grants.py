from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...models.error_response import ErrorResponse
from ...models.list_o_auth_grants_response import ListOAuthGrantsResponse
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client


def _get_kwargs(
    oauth_app_slug: str,
    oauth_client_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/oauth/apps/{oauth_app_slug}/clients/{oauth_client_id}/grants".format(
            oauth_app_slug=quote(str(oauth_app_slug), safe=""),
            oauth_client_id=quote(str(oauth_client_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListOAuthGrantsResponse | None:
    if response.status_code == 200:
        response_200 = ListOAuthGrantsResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | ListOAuthGrantsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    oauth_app_slug: str,
    oauth_client_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | ListOAuthGrantsResponse]:
    """List the client's grants, newest first.

    Args:
        oauth_app_slug (str):
        oauth_client_id (str): An int64 id serialized as a JSON string (values exceed 2^53).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListOAuthGrantsResponse]
    """

    kwargs = _get_kwargs(
        oauth_app_slug=oauth_app_slug,
        oauth_client_id=oauth_client_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    oauth_app_slug: str,
    oauth_client_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | ListOAuthGrantsResponse | None:
    """List the client's grants, newest first.

    Args:
        oauth_app_slug (str):
        oauth_client_id (str): An int64 id serialized as a JSON string (values exceed 2^53).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListOAuthGrantsResponse
    """

    return sync_detailed(
        oauth_app_slug=oauth_app_slug,
        oauth_client_id=oauth_client_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    oauth_app_slug: str,
    oauth_client_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | ListOAuthGrantsResponse]:
    """List the client's grants, newest first.

    Args:
        oauth_app_slug (str):
        oauth_client_id (str): An int64 id serialized as a JSON string (values exceed 2^53).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListOAuthGrantsResponse]
    """

    kwargs = _get_kwargs(
        oauth_app_slug=oauth_app_slug,
        oauth_client_id=oauth_client_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    oauth_app_slug: str,
    oauth_client_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | ListOAuthGrantsResponse | None:
    """List the client's grants, newest first.

    Args:
        oauth_app_slug (str):
        oauth_client_id (str): An int64 id serialized as a JSON string (values exceed 2^53).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListOAuthGrantsResponse
    """

    return (
        await asyncio_detailed(
            oauth_app_slug=oauth_app_slug,
            oauth_client_id=oauth_client_id,
            client=client,
        )
    ).parsed
