from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generate_lyrics_request import GenerateLyricsRequest
from ...models.submit_music_response import SubmitMusicResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: GenerateLyricsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/suno/lyrics/generate-lyrics",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SubmitMusicResponse:
    if response.status_code == 200:
        response_200 = SubmitMusicResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SubmitMusicResponse]:
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
    body: GenerateLyricsRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Generate lyrics

     "Generate random lyrics or extended lyrics": lyrics (with a title) written from an
    optional description of less than 200 words. Returns a `task_id` to poll with
    `get_lyrics_task`.

    Args:
        body (GenerateLyricsRequest): Body of POST /suno/lyrics/generate-lyrics. An empty body
            asks for random lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubmitMusicResponse]
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
    body: GenerateLyricsRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Generate lyrics

     "Generate random lyrics or extended lyrics": lyrics (with a title) written from an
    optional description of less than 200 words. Returns a `task_id` to poll with
    `get_lyrics_task`.

    Args:
        body (GenerateLyricsRequest): Body of POST /suno/lyrics/generate-lyrics. An empty body
            asks for random lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubmitMusicResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateLyricsRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Generate lyrics

     "Generate random lyrics or extended lyrics": lyrics (with a title) written from an
    optional description of less than 200 words. Returns a `task_id` to poll with
    `get_lyrics_task`.

    Args:
        body (GenerateLyricsRequest): Body of POST /suno/lyrics/generate-lyrics. An empty body
            asks for random lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubmitMusicResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateLyricsRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Generate lyrics

     "Generate random lyrics or extended lyrics": lyrics (with a title) written from an
    optional description of less than 200 words. Returns a `task_id` to poll with
    `get_lyrics_task`.

    Args:
        body (GenerateLyricsRequest): Body of POST /suno/lyrics/generate-lyrics. An empty body
            asks for random lyrics.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubmitMusicResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
