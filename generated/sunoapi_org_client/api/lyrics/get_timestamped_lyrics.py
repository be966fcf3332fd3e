from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.timestamped_lyrics_request import TimestampedLyricsRequest
from ...models.timestamped_lyrics_response import TimestampedLyricsResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: TimestampedLyricsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/generate/get-timestamped-lyrics",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TimestampedLyricsResponse:
    if response.status_code == 200:
        response_200 = TimestampedLyricsResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TimestampedLyricsResponse]:
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
    body: TimestampedLyricsRequest,
) -> Response[ErrorResponse | TimestampedLyricsResponse]:
    """Get timestamped lyrics

     Answers at once with the word-by-word timing of a generated track's lyrics (`taskId` +
    `audioId`, from Generate or Extend Music), in seconds, plus waveform data. Instrumental
    tracks have no lyrics. No cost is documented; it reads an existing track, so it is a
    repeatable call.

    Args:
        body (TimestampedLyricsRequest): Body of POST /api/v1/generate/get-timestamped-lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TimestampedLyricsResponse]
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
    body: TimestampedLyricsRequest,
) -> ErrorResponse | TimestampedLyricsResponse | None:
    """Get timestamped lyrics

     Answers at once with the word-by-word timing of a generated track's lyrics (`taskId` +
    `audioId`, from Generate or Extend Music), in seconds, plus waveform data. Instrumental
    tracks have no lyrics. No cost is documented; it reads an existing track, so it is a
    repeatable call.

    Args:
        body (TimestampedLyricsRequest): Body of POST /api/v1/generate/get-timestamped-lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TimestampedLyricsResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TimestampedLyricsRequest,
) -> Response[ErrorResponse | TimestampedLyricsResponse]:
    """Get timestamped lyrics

     Answers at once with the word-by-word timing of a generated track's lyrics (`taskId` +
    `audioId`, from Generate or Extend Music), in seconds, plus waveform data. Instrumental
    tracks have no lyrics. No cost is documented; it reads an existing track, so it is a
    repeatable call.

    Args:
        body (TimestampedLyricsRequest): Body of POST /api/v1/generate/get-timestamped-lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TimestampedLyricsResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TimestampedLyricsRequest,
) -> ErrorResponse | TimestampedLyricsResponse | None:
    """Get timestamped lyrics

     Answers at once with the word-by-word timing of a generated track's lyrics (`taskId` +
    `audioId`, from Generate or Extend Music), in seconds, plus waveform data. Instrumental
    tracks have no lyrics. No cost is documented; it reads an existing track, so it is a
    repeatable call.

    Args:
        body (TimestampedLyricsRequest): Body of POST /api/v1/generate/get-timestamped-lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TimestampedLyricsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
