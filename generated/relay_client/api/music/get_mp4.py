from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.submit_music_response import SubmitMusicResponse
from ...types import Response, to_http_status


def _get_kwargs(
    clip_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/suno/act/mp4/{clip_id}".format(
            clip_id=quote(str(clip_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SubmitMusicResponse:
    if response.status_code == 200:
        response_200 = SubmitMusicResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """MP4 music video of a clip (gateway extension; path INFERRED)

     Not stock new-api (no such route). **The path is INFERRED**: the captured pages show
    only the navigation label "生成 mp4 mv 视频 GET" (make an mp4 music video, GET) next to
    the WAV and timing entries of the same `/suno/act/<kind>/{clip_id}` family; the page
    itself (path, answer) was not captured. The answer is assumed to be the WAV sibling's
    `{code, data: <id>}`, polled with `get_task`; a gateway that answers otherwise gives an
    error naming the missing job id, never a guessed result. Starts a billed job: never
    re-sent after an ambiguous failure.

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubmitMusicResponse]
    """

    kwargs = _get_kwargs(
        clip_id=clip_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | SubmitMusicResponse | None:
    """MP4 music video of a clip (gateway extension; path INFERRED)

     Not stock new-api (no such route). **The path is INFERRED**: the captured pages show
    only the navigation label "生成 mp4 mv 视频 GET" (make an mp4 music video, GET) next to
    the WAV and timing entries of the same `/suno/act/<kind>/{clip_id}` family; the page
    itself (path, answer) was not captured. The answer is assumed to be the WAV sibling's
    `{code, data: <id>}`, polled with `get_task`; a gateway that answers otherwise gives an
    error naming the missing job id, never a guessed result. Starts a billed job: never
    re-sent after an ambiguous failure.

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubmitMusicResponse
    """

    return sync_detailed(
        clip_id=clip_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | SubmitMusicResponse]:
    """MP4 music video of a clip (gateway extension; path INFERRED)

     Not stock new-api (no such route). **The path is INFERRED**: the captured pages show
    only the navigation label "生成 mp4 mv 视频 GET" (make an mp4 music video, GET) next to
    the WAV and timing entries of the same `/suno/act/<kind>/{clip_id}` family; the page
    itself (path, answer) was not captured. The answer is assumed to be the WAV sibling's
    `{code, data: <id>}`, polled with `get_task`; a gateway that answers otherwise gives an
    error naming the missing job id, never a guessed result. Starts a billed job: never
    re-sent after an ambiguous failure.

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SubmitMusicResponse]
    """

    kwargs = _get_kwargs(
        clip_id=clip_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    clip_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | SubmitMusicResponse | None:
    """MP4 music video of a clip (gateway extension; path INFERRED)

     Not stock new-api (no such route). **The path is INFERRED**: the captured pages show
    only the navigation label "生成 mp4 mv 视频 GET" (make an mp4 music video, GET) next to
    the WAV and timing entries of the same `/suno/act/<kind>/{clip_id}` family; the page
    itself (path, answer) was not captured. The answer is assumed to be the WAV sibling's
    `{code, data: <id>}`, polled with `get_task`; a gateway that answers otherwise gives an
    error naming the missing job id, never a guessed result. Starts a billed job: never
    re-sent after an ambiguous failure.

    Args:
        clip_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SubmitMusicResponse
    """

    return (
        await asyncio_detailed(
            clip_id=clip_id,
            client=client,
        )
    ).parsed
