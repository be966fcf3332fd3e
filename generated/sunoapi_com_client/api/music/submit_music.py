from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.submit_music_request import SubmitMusicRequest
from ...models.submit_music_response import SubmitMusicResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: SubmitMusicRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/suno/create",
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
    body: SubmitMusicRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Create music

     The core API to generate music. In custom mode `prompt` holds the lyrics (under 3000
    characters) and `title`/`tags` are used; otherwise `prompt` is an optional description
    of the song under 200 characters. `continue_at`/`continue_clip_id` continue an
    existing clip from a given second. Returns a `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
    body: SubmitMusicRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Create music

     The core API to generate music. In custom mode `prompt` holds the lyrics (under 3000
    characters) and `title`/`tags` are used; otherwise `prompt` is an optional description
    of the song under 200 characters. `continue_at`/`continue_clip_id` continue an
    existing clip from a given second. Returns a `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
    body: SubmitMusicRequest,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """Create music

     The core API to generate music. In custom mode `prompt` holds the lyrics (under 3000
    characters) and `title`/`tags` are used; otherwise `prompt` is an optional description
    of the song under 200 characters. `continue_at`/`continue_clip_id` continue an
    existing clip from a given second. Returns a `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
    body: SubmitMusicRequest,
) -> ErrorResponse | SubmitMusicResponse | None:
    """Create music

     The core API to generate music. In custom mode `prompt` holds the lyrics (under 3000
    characters) and `title`/`tags` are used; otherwise `prompt` is an optional description
    of the song under 200 characters. `continue_at`/`continue_clip_id` continue an
    existing clip from a given second. Returns a `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
