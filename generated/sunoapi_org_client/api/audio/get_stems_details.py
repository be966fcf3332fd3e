from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.stems_details_response import StemsDetailsResponse
from ...types import UNSET, Response, to_http_status


def _get_kwargs(
    *,
    task_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["taskId"] = task_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/vocal-removal/record-info",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StemsDetailsResponse:
    if response.status_code == 200:
        response_200 = StemsDetailsResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | StemsDetailsResponse]:
    parse_error: Exception | None = None
    try:
        parsed = _parse_response(client=client, response=response)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        parsed, parse_error = None, error
    return Response(
        status_code=to_http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        parse_error=parse_error,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> Response[ErrorResponse | StemsDetailsResponse]:
    """Get vocal / stem separation details

     Reads a separation task. `separate_vocal` fills `instrumentalUrl` and `vocalUrl` (the rest
    null); `split_stem` fills the per-instrument URLs (`instrumentalUrl` null). Newer copies of
    the page add `musicIndex`, `response.id` and `response.originData[]` (whose `id` is the
    `audioId` Generate MIDI takes).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StemsDetailsResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> ErrorResponse | StemsDetailsResponse | None:
    """Get vocal / stem separation details

     Reads a separation task. `separate_vocal` fills `instrumentalUrl` and `vocalUrl` (the rest
    null); `split_stem` fills the per-instrument URLs (`instrumentalUrl` null). Newer copies of
    the page add `musicIndex`, `response.id` and `response.originData[]` (whose `id` is the
    `audioId` Generate MIDI takes).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StemsDetailsResponse
    """

    return sync_detailed(
        client=client,
        task_id=task_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> Response[ErrorResponse | StemsDetailsResponse]:
    """Get vocal / stem separation details

     Reads a separation task. `separate_vocal` fills `instrumentalUrl` and `vocalUrl` (the rest
    null); `split_stem` fills the per-instrument URLs (`instrumentalUrl` null). Newer copies of
    the page add `musicIndex`, `response.id` and `response.originData[]` (whose `id` is the
    `audioId` Generate MIDI takes).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StemsDetailsResponse]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    task_id: str,
) -> ErrorResponse | StemsDetailsResponse | None:
    """Get vocal / stem separation details

     Reads a separation task. `separate_vocal` fills `instrumentalUrl` and `vocalUrl` (the rest
    null); `split_stem` fills the per-instrument URLs (`instrumentalUrl` null). Newer copies of
    the page add `musicIndex`, `response.id` and `response.originData[]` (whose `id` is the
    `audioId` Generate MIDI takes).

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StemsDetailsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            task_id=task_id,
        )
    ).parsed
