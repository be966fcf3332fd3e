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
        "url": "/suno/submit/music",
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

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

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
    """Generate music

     Creates a MUSIC task (the page's "Generate music"). Three modes: inspiration
    (`gpt_description_prompt`), custom (`prompt` = lyrics, with `title`, `tags`) and extend
    (`task_id` + `continue_clip_id` + `continue_at`). The answer's `data` is the task id to
    poll. Each MUSIC task normally yields two clips.

    Gateway extensions of this operation (stock new-api drops their fields and makes a
    plain song): `task` upload_extend, infill, gen_stem and artist_consistency, and
    `cover_clip_id` (a cover: `x-sunokit-field-capabilities`); the fields they add carry `x-sunokit-
    extension` naming the gateways
    that document them, the `task` values `x-sunokit-extension-values`.

    Args:
        body (SubmitMusicRequest): Body of POST /suno/submit/music (Generate Music page; new-api
            `SunoSubmitReq`, upstream
            `SubmitGenSongReq`). No documented length limits.

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
    """Generate music

     Creates a MUSIC task (the page's "Generate music"). Three modes: inspiration
    (`gpt_description_prompt`), custom (`prompt` = lyrics, with `title`, `tags`) and extend
    (`task_id` + `continue_clip_id` + `continue_at`). The answer's `data` is the task id to
    poll. Each MUSIC task normally yields two clips.

    Gateway extensions of this operation (stock new-api drops their fields and makes a
    plain song): `task` upload_extend, infill, gen_stem and artist_consistency, and
    `cover_clip_id` (a cover: `x-sunokit-field-capabilities`); the fields they add carry `x-sunokit-
    extension` naming the gateways
    that document them, the `task` values `x-sunokit-extension-values`.

    Args:
        body (SubmitMusicRequest): Body of POST /suno/submit/music (Generate Music page; new-api
            `SunoSubmitReq`, upstream
            `SubmitGenSongReq`). No documented length limits.

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
    """Generate music

     Creates a MUSIC task (the page's "Generate music"). Three modes: inspiration
    (`gpt_description_prompt`), custom (`prompt` = lyrics, with `title`, `tags`) and extend
    (`task_id` + `continue_clip_id` + `continue_at`). The answer's `data` is the task id to
    poll. Each MUSIC task normally yields two clips.

    Gateway extensions of this operation (stock new-api drops their fields and makes a
    plain song): `task` upload_extend, infill, gen_stem and artist_consistency, and
    `cover_clip_id` (a cover: `x-sunokit-field-capabilities`); the fields they add carry `x-sunokit-
    extension` naming the gateways
    that document them, the `task` values `x-sunokit-extension-values`.

    Args:
        body (SubmitMusicRequest): Body of POST /suno/submit/music (Generate Music page; new-api
            `SunoSubmitReq`, upstream
            `SubmitGenSongReq`). No documented length limits.

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
    """Generate music

     Creates a MUSIC task (the page's "Generate music"). Three modes: inspiration
    (`gpt_description_prompt`), custom (`prompt` = lyrics, with `title`, `tags`) and extend
    (`task_id` + `continue_clip_id` + `continue_at`). The answer's `data` is the task id to
    poll. Each MUSIC task normally yields two clips.

    Gateway extensions of this operation (stock new-api drops their fields and makes a
    plain song): `task` upload_extend, infill, gen_stem and artist_consistency, and
    `cover_clip_id` (a cover: `x-sunokit-field-capabilities`); the fields they add carry `x-sunokit-
    extension` naming the gateways
    that document them, the `task` values `x-sunokit-extension-values`.

    Args:
        body (SubmitMusicRequest): Body of POST /suno/submit/music (Generate Music page; new-api
            `SunoSubmitReq`, upstream
            `SubmitGenSongReq`). No documented length limits.

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
