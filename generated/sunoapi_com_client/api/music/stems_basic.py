from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clip_request import ClipRequest
from ...models.create_accepted import CreateAccepted
from ...models.error_response import ErrorResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: ClipRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/suno/stems/basic",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateAccepted | ErrorResponse:
    if response.status_code == 200:
        response_200 = CreateAccepted.from_dict(response.json())

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

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateAccepted | ErrorResponse]:
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
    body: ClipRequest,
) -> Response[CreateAccepted | ErrorResponse]:
    """Stems basic (2 tracks)

     Converts a song generated on the platform (`clip_id`) into 2 tracks (vocals + instruments). Runs as
    a
    task: poll `get_task`; each stem is one clip of the task (its title names the stem,
    inferred). Price not documented separately (Credits Usage Guide: 10 per Suno call).

    Args:
        body (ClipRequest): A clip to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateAccepted | ErrorResponse]
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
    body: ClipRequest,
) -> CreateAccepted | ErrorResponse | None:
    """Stems basic (2 tracks)

     Converts a song generated on the platform (`clip_id`) into 2 tracks (vocals + instruments). Runs as
    a
    task: poll `get_task`; each stem is one clip of the task (its title names the stem,
    inferred). Price not documented separately (Credits Usage Guide: 10 per Suno call).

    Args:
        body (ClipRequest): A clip to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateAccepted | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClipRequest,
) -> Response[CreateAccepted | ErrorResponse]:
    """Stems basic (2 tracks)

     Converts a song generated on the platform (`clip_id`) into 2 tracks (vocals + instruments). Runs as
    a
    task: poll `get_task`; each stem is one clip of the task (its title names the stem,
    inferred). Price not documented separately (Credits Usage Guide: 10 per Suno call).

    Args:
        body (ClipRequest): A clip to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateAccepted | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClipRequest,
) -> CreateAccepted | ErrorResponse | None:
    """Stems basic (2 tracks)

     Converts a song generated on the platform (`clip_id`) into 2 tracks (vocals + instruments). Runs as
    a
    task: poll `get_task`; each stem is one clip of the task (its title names the stem,
    inferred). Price not documented separately (Credits Usage Guide: 10 per Suno call).

    Args:
        body (ClipRequest): A clip to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateAccepted | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
