from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_accepted import CreateAccepted
from ...models.error_response import ErrorResponse
from ...models.submit_music_request import SubmitMusicRequest
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
    body: SubmitMusicRequest,
) -> Response[CreateAccepted | ErrorResponse]:
    """Create music (every Suno task_type)

     The core API to generate music; `task_type` chooses the operation (create, extend,
    concat, cover, persona music, extend/cover of an uploaded clip). In custom mode
    `prompt` holds the lyrics (under 3000 characters) and `title`/`tags` are used;
    otherwise `prompt` is an optional description of the song under 200 characters.
    `continue_at`/`continue_clip_id` continue an existing clip from a given second. Each
    call makes 2 songs (concat: 1) and costs 10 credits (Credits Usage Guide). Returns a
    `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
    body: SubmitMusicRequest,
) -> CreateAccepted | ErrorResponse | None:
    """Create music (every Suno task_type)

     The core API to generate music; `task_type` chooses the operation (create, extend,
    concat, cover, persona music, extend/cover of an uploaded clip). In custom mode
    `prompt` holds the lyrics (under 3000 characters) and `title`/`tags` are used;
    otherwise `prompt` is an optional description of the song under 200 characters.
    `continue_at`/`continue_clip_id` continue an existing clip from a given second. Each
    call makes 2 songs (concat: 1) and costs 10 credits (Credits Usage Guide). Returns a
    `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
    body: SubmitMusicRequest,
) -> Response[CreateAccepted | ErrorResponse]:
    """Create music (every Suno task_type)

     The core API to generate music; `task_type` chooses the operation (create, extend,
    concat, cover, persona music, extend/cover of an uploaded clip). In custom mode
    `prompt` holds the lyrics (under 3000 characters) and `title`/`tags` are used;
    otherwise `prompt` is an optional description of the song under 200 characters.
    `continue_at`/`continue_clip_id` continue an existing clip from a given second. Each
    call makes 2 songs (concat: 1) and costs 10 credits (Credits Usage Guide). Returns a
    `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
    body: SubmitMusicRequest,
) -> CreateAccepted | ErrorResponse | None:
    """Create music (every Suno task_type)

     The core API to generate music; `task_type` chooses the operation (create, extend,
    concat, cover, persona music, extend/cover of an uploaded clip). In custom mode
    `prompt` holds the lyrics (under 3000 characters) and `title`/`tags` are used;
    otherwise `prompt` is an optional description of the song under 200 characters.
    `continue_at`/`continue_clip_id` continue an existing clip from a given second. Each
    call makes 2 songs (concat: 1) and costs 10 credits (Credits Usage Guide). Returns a
    `task_id` to poll with get_task.

    Args:
        body (SubmitMusicRequest): Body of POST /api/v1/suno/create. Only the Create page's six
            fields are contract; the rest come from other pages of the same docs.

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
