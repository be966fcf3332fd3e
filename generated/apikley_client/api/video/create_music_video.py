from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_music_video_request import CreateMusicVideoRequest
from ...models.error_response import ErrorResponse
from ...models.video_task_created_response import VideoTaskCreatedResponse
from ...types import Response, to_http_status


def _get_kwargs(
    *,
    body: CreateMusicVideoRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/mp4/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | VideoTaskCreatedResponse:
    if response.status_code == 200:
        response_200 = VideoTaskCreatedResponse.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | VideoTaskCreatedResponse]:
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
    body: CreateMusicVideoRequest,
) -> Response[ErrorResponse | VideoTaskCreatedResponse]:
    """Create a music video (MP4)

     Renders an MP4 visualisation of one track (`taskId` + `audioId`), optionally with the
    `author` name and a `domainName` branding watermark (at most 50 characters each,
    kie.ai). Videos are kept 14 days (this page; SunoAPI.org says 15); poll about every
    30 s. A second video for the same track answers 409 (record already exists).

    Args:
        body (CreateMusicVideoRequest): Body of POST /api/v1/mp4/generate (Create Music Video).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoTaskCreatedResponse]
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
    body: CreateMusicVideoRequest,
) -> ErrorResponse | VideoTaskCreatedResponse | None:
    """Create a music video (MP4)

     Renders an MP4 visualisation of one track (`taskId` + `audioId`), optionally with the
    `author` name and a `domainName` branding watermark (at most 50 characters each,
    kie.ai). Videos are kept 14 days (this page; SunoAPI.org says 15); poll about every
    30 s. A second video for the same track answers 409 (record already exists).

    Args:
        body (CreateMusicVideoRequest): Body of POST /api/v1/mp4/generate (Create Music Video).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoTaskCreatedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateMusicVideoRequest,
) -> Response[ErrorResponse | VideoTaskCreatedResponse]:
    """Create a music video (MP4)

     Renders an MP4 visualisation of one track (`taskId` + `audioId`), optionally with the
    `author` name and a `domainName` branding watermark (at most 50 characters each,
    kie.ai). Videos are kept 14 days (this page; SunoAPI.org says 15); poll about every
    30 s. A second video for the same track answers 409 (record already exists).

    Args:
        body (CreateMusicVideoRequest): Body of POST /api/v1/mp4/generate (Create Music Video).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoTaskCreatedResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateMusicVideoRequest,
) -> ErrorResponse | VideoTaskCreatedResponse | None:
    """Create a music video (MP4)

     Renders an MP4 visualisation of one track (`taskId` + `audioId`), optionally with the
    `author` name and a `domainName` branding watermark (at most 50 characters each,
    kie.ai). Videos are kept 14 days (this page; SunoAPI.org says 15); poll about every
    30 s. A second video for the same track answers 409 (record already exists).

    Args:
        body (CreateMusicVideoRequest): Body of POST /api/v1/mp4/generate (Create Music Video).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoTaskCreatedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
